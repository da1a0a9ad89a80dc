//! The document type declaration (`<!DOCTYPE ...>`) of a document, read but never acted on.
//!
//! The external identifier is only reported: nothing is fetched. The
//! internal subset is scanned for the names of its entity declarations, and
//! those entities are never expanded, so a document cannot grow in memory
//! through entity definitions ("billion laughs") or pull in outside files.

/// At most this many entity names are kept from an internal subset.
const MAX_ENTITY_NAMES: usize = 32;

/// Content of a `<!DOCTYPE>` declaration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doctype {
    /// Name of the root element the declaration expects.
    pub name: String,
    /// Public identifier, from `PUBLIC "..." "..."`.
    pub public_id: Option<String>,
    /// System identifier: the DTD's URL, which is reported and never fetched.
    pub system_id: Option<String>,
    /// The `[...]` part, when present.
    pub internal_subset: Option<InternalSubset>,
}

/// Summary of an internal DTD subset. Its declarations are never applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InternalSubset {
    /// Length of the subset in bytes.
    pub len: usize,
    /// Names of the first 32 general and parameter entities it declares.
    pub entity_names: Vec<String>,
    /// Number of entity declarations, including those whose names were not kept.
    pub entity_count: usize,
}

impl Doctype {
    /// Reads the content of a `<!DOCTYPE ...>` declaration, without the
    /// `<!DOCTYPE` keyword and the closing `>`.
    ///
    /// Reading is lenient: parts it cannot recognise are left out.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::dtd::Doctype;
    ///
    /// let doctype = Doctype::parse(r#"ROOT SYSTEM "https://example.com/x.dtd" [<!ENTITY a "b">]"#);
    /// assert_eq!(doctype.name, "ROOT");
    /// assert_eq!(doctype.system_id.as_deref(), Some("https://example.com/x.dtd"));
    /// assert_eq!(doctype.internal_subset.unwrap().entity_names, ["a"]);
    /// ```
    pub fn parse(content: &str) -> Doctype {
        let content = content.trim_start();
        let name_len = content
            .find(|c: char| c.is_whitespace() || c == '[')
            .unwrap_or(content.len());
        let mut doctype = Doctype {
            name: content[..name_len].to_owned(),
            ..Doctype::default()
        };

        let mut rest = content[name_len..].trim_start();
        if let Some(after) = rest.strip_prefix("SYSTEM") {
            let (system, after) = quoted(after);
            doctype.system_id = system;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("PUBLIC") {
            let (public, after) = quoted(after);
            let (system, after) = quoted(after);
            doctype.public_id = public;
            doctype.system_id = system;
            rest = after;
        }

        if let Some(subset) = rest.trim_start().strip_prefix('[') {
            let subset = subset.trim_end().strip_suffix(']').unwrap_or(subset);
            doctype.internal_subset = Some(scan_subset(subset));
        }
        doctype
    }
}

/// Splits a quoted literal, with its leading whitespace, off the front of `text`.
fn quoted(text: &str) -> (Option<String>, &str) {
    let text = text.trim_start();
    let Some(quote) = text.chars().next().filter(|&c| c == '"' || c == '\'') else {
        return (None, text);
    };
    let body = &text[1..];
    match body.find(quote) {
        Some(end) => (Some(body[..end].to_owned()), &body[end + 1..]),
        None => (Some(body.to_owned()), ""),
    }
}

/// Counts the `<!ENTITY` declarations of a subset, skipping comments and
/// quoted literals so that text inside them is not taken for a declaration.
fn scan_subset(subset: &str) -> InternalSubset {
    let mut summary = InternalSubset {
        len: subset.len(),
        ..InternalSubset::default()
    };
    let mut rest = subset;
    while let Some(index) = rest.find(['<', '"', '\'']) {
        let at = &rest[index..];
        rest = if let Some(comment) = at.strip_prefix("<!--") {
            comment.find("-->").map_or("", |end| &comment[end + 3..])
        } else if let Some(quote) = at.strip_prefix(['"', '\'']) {
            let closing = at.as_bytes()[0] as char;
            quote.find(closing).map_or("", |end| &quote[end + 1..])
        } else if let Some(entity) = at.strip_prefix("<!ENTITY") {
            summary.entity_count += 1;
            let entity = entity.trim_start();
            let entity = entity.strip_prefix('%').map_or(entity, str::trim_start);
            let name_len = entity.find(char::is_whitespace).unwrap_or(entity.len());
            if summary.entity_names.len() < MAX_ENTITY_NAMES {
                summary.entity_names.push(entity[..name_len].to_owned());
            }
            &entity[name_len..]
        } else {
            &at[1..]
        };
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_identifier_kept() {
        let doctype = Doctype::parse(
            " ASSET_LIST_VM_DETECTION_OUTPUT SYSTEM\n \"https://example.com/asset_list_output.dtd\"",
        );
        assert_eq!(doctype.name, "ASSET_LIST_VM_DETECTION_OUTPUT");
        assert_eq!(
            doctype.system_id.as_deref(),
            Some("https://example.com/asset_list_output.dtd")
        );
        assert_eq!(doctype.public_id, None);
        assert_eq!(doctype.internal_subset, None);
    }

    #[test]
    fn public_identifier_kept() {
        let doctype = Doctype::parse("html PUBLIC '-//W3C//DTD HTML 4.01//EN' 'x.dtd'");
        assert_eq!(
            doctype.public_id.as_deref(),
            Some("-//W3C//DTD HTML 4.01//EN")
        );
        assert_eq!(doctype.system_id.as_deref(), Some("x.dtd"));
    }

    #[test]
    fn subset_entities_counted_not_expanded() {
        let subset = r#"ROOT [
            <!-- <!ENTITY hidden "no"> -->
            <!ENTITY lol "lol">
            <!ENTITY lol1 "&lol;&lol;&lol;">
            <!ENTITY % pe SYSTEM "file:///etc/passwd">
            <!ATTLIST ROOT a CDATA "<!ENTITY quoted 'no'>">
        ]"#;
        let summary = Doctype::parse(subset).internal_subset.unwrap();
        assert_eq!(summary.entity_names, ["lol", "lol1", "pe"]);
        assert_eq!(summary.entity_count, 3);
    }

    #[test]
    fn entity_names_capped() {
        let mut text = String::from("R [");
        for index in 0..100 {
            text.push_str(&format!("<!ENTITY e{index} \"x\">"));
        }
        text.push(']');
        let summary = Doctype::parse(&text).internal_subset.unwrap();
        assert_eq!(summary.entity_count, 100);
        assert_eq!(summary.entity_names.len(), MAX_ENTITY_NAMES);
    }
}
