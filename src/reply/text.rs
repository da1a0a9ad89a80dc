//! Text helpers shared by the envelope readers.

use quick_xml::events::BytesRef;

/// Maximum length of text kept from one field of an error envelope, in bytes.
pub(crate) const MAX_FIELD_LEN: usize = 64 * 1024;

/// Characters of a body quoted in an error message.
pub(crate) const PREVIEW_CHARS: usize = 120;

/// Joins runs of whitespace into one space and trims both ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Returns the first characters of `text` with whitespace collapsed.
pub(crate) fn preview(text: &str) -> String {
    let collapsed = collapse_whitespace(text);
    match collapsed.char_indices().nth(PREVIEW_CHARS) {
        Some((end, _)) => format!("{}...", &collapsed[..end]),
        None => collapsed,
    }
}

/// Resolves a predefined entity or a character reference. Other entities
/// stay as written, because error envelopes declare none and nothing is
/// ever expanded from a DOCTYPE.
pub(crate) fn resolve_reference(reference: &BytesRef<'_>) -> String {
    let name: &str = reference;
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    match name {
        "lt" => "<".to_owned(),
        "gt" => ">".to_owned(),
        "amp" => "&".to_owned(),
        "apos" => "'".to_owned(),
        "quot" => "\"".to_owned(),
        _ => format!("&{name};"),
    }
}

/// Gathers the text of one element from its pieces, up to [`MAX_FIELD_LEN`].
///
/// Text pieces of whitespace only are layout when the element also has a
/// CDATA section, and are left out.
#[derive(Debug, Default)]
pub(crate) struct TextCollector {
    pieces: Vec<(bool, String)>,
    len: usize,
}

impl TextCollector {
    /// Adds a piece. `cdata` is true when it came from a CDATA section.
    pub(crate) fn push(&mut self, text: &str, cdata: bool) {
        let room = MAX_FIELD_LEN.saturating_sub(self.len);
        let mut end = text.len().min(room);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.len += end;
        self.pieces.push((cdata, text[..end].to_owned()));
    }

    /// Returns the joined text, trimmed.
    pub(crate) fn finish(self) -> String {
        let has_cdata = self.pieces.iter().any(|(cdata, _)| *cdata);
        let joined: String = self
            .pieces
            .into_iter()
            .filter(|(cdata, text)| *cdata || !has_cdata || !text.trim().is_empty())
            .map(|(_, text)| text)
            .collect();
        joined.trim().to_owned()
    }
}

/// Removes markup from text, leaving a space where each tag was, for messages quoted from
/// HTML pages and mixed content.
pub(crate) fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
    }

    #[test]
    fn preview_is_cut() {
        let long = "x".repeat(500);
        assert_eq!(preview(&long).chars().count(), PREVIEW_CHARS + 3);
    }

    #[test]
    fn collector_drops_layout_around_cdata() {
        let mut text = TextCollector::default();
        text.push("\n  ", false);
        text.push("https://example.com/?a=1", true);
        text.push("\n", false);
        assert_eq!(text.finish(), "https://example.com/?a=1");
    }

    #[test]
    fn references_resolve() {
        assert_eq!(resolve_reference(&BytesRef::new("amp")), "&");
        assert_eq!(resolve_reference(&BytesRef::new("#x41")), "A");
        assert_eq!(resolve_reference(&BytesRef::new("custom")), "&custom;");
    }
}
