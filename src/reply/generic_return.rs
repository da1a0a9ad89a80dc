//! `GENERIC_RETURN`: the older envelope the API still uses for internal
//! errors (`number="999"`) and some account errors.
//!
//! ```text
//! <GENERIC_RETURN>
//!   <API name="index.php" username="user01" at="2018-02-13T06:09:27Z"/>
//!   <RETURN status="FAILED" number="999">Internal error. Please contact customer support.</RETURN>
//! </GENERIC_RETURN>
//! <!-- Incident signature: 0123456789abcdef //-->
//! ```
//!
//! `RETURN` comes as a sibling of an empty `API` element or as its child,
//! and its content may mix text and elements. Samples of this envelope are
//! not always well-formed, so when the XML reader fails before `RETURN`
//! ends, a plain text scan takes over.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::text::{MAX_FIELD_LEN, collapse_whitespace, resolve_reference, strip_tags};

/// `RETURN number` of the API's internal error, which passes with time.
const INTERNAL_ERROR_NUMBER: u32 = 999;

const SIGNATURE_LABEL: &str = "Incident signature:";

/// The content of a `GENERIC_RETURN` reply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GenericReturn {
    /// `RETURN status`, such as `FAILED`.
    pub status: Option<String>,
    /// `RETURN number`, such as `999`, as written.
    pub number: Option<String>,
    /// The text of `RETURN` and of any elements inside it, whitespace collapsed.
    pub message: String,
    /// `API name`, the API script that sent the reply.
    pub api_name: Option<String>,
    /// `API at`, the time of the reply.
    pub at: Option<String>,
    /// The incident signature from the comment after the root element,
    /// which the vendor's support requests in tickets.
    pub incident_signature: Option<String>,
}

impl GenericReturn {
    /// Returns `RETURN number` as a number, when it is one.
    pub fn number_value(&self) -> Option<u32> {
        self.number.as_deref()?.trim().parse().ok()
    }

    /// Tells whether the same request may succeed later: true for the
    /// internal error, number 999.
    pub fn is_retryable(&self) -> bool {
        self.number_value() == Some(INTERNAL_ERROR_NUMBER)
    }

    pub(crate) fn parse(body: &[u8]) -> GenericReturn {
        let text = String::from_utf8_lossy(body);
        let mut reply = GenericReturn {
            incident_signature: incident_signature(&text),
            ..GenericReturn::default()
        };
        if !reply.read_xml(body) {
            reply.scan_text(&text);
        }
        reply
    }

    /// Reads the envelope as XML, and returns whether `RETURN` was read to its end.
    fn read_xml(&mut self, body: &[u8]) -> bool {
        let mut reader = Reader::from_reader(body);
        reader.config_mut().expand_empty_elements = true;
        // Depth inside RETURN, counting RETURN itself; 0 outside it.
        let mut depth = 0usize;
        let mut message = String::new();

        loop {
            match reader.read_event() {
                Err(_) | Ok(Event::Eof) => return false,
                Ok(Event::Start(start)) => {
                    let name = start.name();
                    if depth > 0 {
                        depth += 1;
                        message.push(' ');
                    } else if name.as_ref() == "RETURN" {
                        depth = 1;
                        self.status = attribute(&start, "status");
                        self.number = attribute(&start, "number");
                    } else if name.as_ref() == "API" {
                        self.api_name = attribute(&start, "name");
                        self.at = attribute(&start, "at");
                    }
                }
                Ok(Event::End(_)) if depth > 0 => {
                    depth -= 1;
                    message.push(' ');
                    if depth == 0 {
                        self.message = collapse_whitespace(&message);
                        return true;
                    }
                }
                Ok(Event::Text(text)) if depth > 0 => {
                    push_capped(&mut message, &text.xml10_content())
                }
                Ok(Event::CData(text)) if depth > 0 => {
                    push_capped(&mut message, &text.xml10_content())
                }
                Ok(Event::GeneralRef(reference)) if depth > 0 => {
                    push_capped(&mut message, &resolve_reference(&reference))
                }
                Ok(_) => {}
            }
        }
    }

    /// Finds `<RETURN ...>...</RETURN>` in text that is not well-formed XML.
    fn scan_text(&mut self, text: &str) {
        let Some(start) = text.find("<RETURN") else {
            return;
        };
        let tag_and_rest = &text[start + "<RETURN".len()..];
        let tag_end = tag_and_rest.find('>').unwrap_or(tag_and_rest.len());
        let tag = &tag_and_rest[..tag_end];
        self.status = scan_attribute(tag, "status").or(self.status.take());
        self.number = scan_attribute(tag, "number").or(self.number.take());

        let content = tag_and_rest.get(tag_end + 1..).unwrap_or("");
        let content = content
            .find("</RETURN")
            .map_or(content, |end| &content[..end]);
        let mut message = String::new();
        push_capped(&mut message, &strip_tags(content));
        self.message = collapse_whitespace(&message);
    }
}

fn push_capped(message: &mut String, text: &str) {
    let room = MAX_FIELD_LEN.saturating_sub(message.len());
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    message.push_str(&text[..end]);
}

fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    let attribute = start.try_get_attribute(name).ok()??;
    let value = attribute.normalized_value(XmlVersion::Implicit1_0).ok()?;
    Some(value.into_owned())
}

/// Reads `name="value"` (or single quotes) from the inside of a start tag.
fn scan_attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    loop {
        let index = rest.find(name)?;
        let before_ok = index == 0 || rest.as_bytes()[index - 1].is_ascii_whitespace();
        let after = rest[index + name.len()..].trim_start();
        rest = &rest[index + name.len()..];
        let Some(value) = after.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        let Some(quote) = value.chars().next().filter(|&c| c == '"' || c == '\'') else {
            continue;
        };
        if before_ok {
            let value = &value[1..];
            let end = value.find(quote).unwrap_or(value.len());
            return Some(value[..end].to_owned());
        }
    }
}

/// Finds `Incident signature: ...` in the body (it sits in a comment after
/// the root element) and returns the signature without the comment's end.
fn incident_signature(text: &str) -> Option<String> {
    let start = text.find(SIGNATURE_LABEL)? + SIGNATURE_LABEL.len();
    let rest = &text[start..];
    let end = ["//", "-->", "\n"]
        .iter()
        .filter_map(|terminator| rest.find(terminator))
        .min()
        .unwrap_or(rest.len());
    let signature = rest[..end].trim();
    (!signature.is_empty()).then(|| signature.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_as_sibling_of_api() {
        let body = br#"<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE GENERIC_RETURN SYSTEM "https://example.com/generic_return.dtd">
<GENERIC_RETURN>
  <API name="index.php" username="user01" at="2018-02-13T06:09:27Z" />
  <RETURN status="FAILED" number="999">Internal error. Please contact customer support.</RETURN>
</GENERIC_RETURN>
<!-- Incident signature: 0123456789abcdef0123456789abcdef //-->"#;
        let reply = GenericReturn::parse(body);
        assert_eq!(reply.status.as_deref(), Some("FAILED"));
        assert_eq!(reply.number_value(), Some(999));
        assert_eq!(
            reply.message,
            "Internal error. Please contact customer support."
        );
        assert_eq!(reply.api_name.as_deref(), Some("index.php"));
        assert_eq!(reply.at.as_deref(), Some("2018-02-13T06:09:27Z"));
        assert_eq!(
            reply.incident_signature.as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
        assert!(reply.is_retryable());
    }

    #[test]
    fn return_as_child_with_mixed_content() {
        let body = br#"<GENERIC_RETURN><API name="x" at="2021-05-06T23:15:07Z">
<RETURN status="FAILED" number="1960">Blocked: <MESSAGE>try again &amp; later</MESSAGE></RETURN>
</API></GENERIC_RETURN>"#;
        let reply = GenericReturn::parse(body);
        assert_eq!(reply.number.as_deref(), Some("1960"));
        assert_eq!(reply.message, "Blocked: try again & later");
        assert_eq!(reply.incident_signature, None);
        assert!(!reply.is_retryable());
    }

    #[test]
    fn malformed_envelope_scanned_as_text() {
        let body = br#"<GENERIC_RETURN>
  <API name="index.php" username="user01 at="2018-02-13T06:09:27Z">
  <RETURN status="FAILED" number="999">Internal error. Please contact customer support.</RETURN>
</GENERIC_RETURN>
<!-- Incident signature: abc123 //-->"#;
        let reply = GenericReturn::parse(body);
        assert_eq!(reply.number.as_deref(), Some("999"));
        assert_eq!(reply.status.as_deref(), Some("FAILED"));
        assert_eq!(
            reply.message,
            "Internal error. Please contact customer support."
        );
        assert_eq!(reply.incident_signature.as_deref(), Some("abc123"));
    }

    #[test]
    fn scan_attribute_needs_whole_name() {
        assert_eq!(
            scan_attribute(r#" xnumber="1" number='2'"#, "number").as_deref(),
            Some("2")
        );
        assert_eq!(scan_attribute(" number", "number"), None);
    }
}
