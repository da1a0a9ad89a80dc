//! HTML pages in place of a reply: a proxy's error page, a maintenance notice.
//!
//! HTML is not XML (`<meta>` has no end tag, `&nbsp;` is undeclared), so
//! the page is recognised from its first bytes and its title and first
//! heading are cut out by a plain text scan, not by the XML reader.

use super::text::{collapse_whitespace, preview, strip_tags};

/// Bytes at the start of a body that are searched for `<html`.
const SNIFF_LEN: usize = 1024;

/// Title and heading of an HTML page sent in place of a reply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlPage {
    /// Text of `<title>`, whitespace collapsed.
    pub title: Option<String>,
    /// Text of the first `<h1>`, tags removed and whitespace collapsed.
    pub heading: Option<String>,
}

impl HtmlPage {
    /// Returns the title, else the first heading, for messages.
    pub fn summary(&self) -> Option<&str> {
        self.title.as_deref().or(self.heading.as_deref())
    }

    pub(crate) fn parse(text: &str) -> HtmlPage {
        HtmlPage {
            title: element_text(text, "title"),
            heading: element_text(text, "h1"),
        }
    }
}

/// Tells whether a body, already stripped of leading whitespace and byte
/// order mark, starts like an HTML page: an HTML doctype or `<html`.
pub(crate) fn looks_like_html(body: &[u8]) -> bool {
    starts_with_ignore_case(body, b"<!doctype html") || starts_with_ignore_case(body, b"<html")
}

/// Tells whether `<html` appears in the first bytes of a body, for bodies
/// that start like XML (`<?xml`, a comment) and turn out to be XHTML.
pub(crate) fn mentions_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(SNIFF_LEN)];
    head.windows(5).any(|w| w.eq_ignore_ascii_case(b"<html"))
}

fn starts_with_ignore_case(body: &[u8], prefix: &[u8]) -> bool {
    body.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Returns the text of the first `<tag ...>...</tag>`, searched without
/// regard to case.
fn element_text(text: &str, tag: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let open = format!("<{tag}");
    let mut search_from = 0;
    let start = loop {
        let index = search_from + lower[search_from..].find(&open)?;
        let after = lower.as_bytes().get(index + open.len()).copied();
        // `<h1` must not match `<h10`, nor `<title` match `<titles`.
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            break index;
        }
        search_from = index + open.len();
    };
    let content_start = start + lower[start..].find('>')? + 1;
    let close = format!("</{tag}");
    let content_end = lower[content_start..]
        .find(&close)
        .map_or(text.len(), |end| content_start + end);

    let content = strip_tags(&text[content_start..content_end]);
    let decoded = decode_common_entities(&content);
    let summary = preview(&collapse_whitespace(&decoded));
    (!summary.is_empty()).then_some(summary)
}

/// Decodes the entities error pages commonly use. Others stay as written.
fn decode_common_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_heading_extracted() {
        let page = HtmlPage::parse(
            "<!DOCTYPE html><HTML><head><meta charset=utf-8><TITLE>\n 503 Service\n Unavailable</TITLE>\
             </head><body><h1 class=x>Down for <b>maintenance</b> &amp; repair</h1></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("503 Service Unavailable"));
        assert_eq!(
            page.heading.as_deref(),
            Some("Down for maintenance & repair")
        );
        assert_eq!(page.summary(), Some("503 Service Unavailable"));
    }

    #[test]
    fn page_without_title_uses_heading() {
        let page = HtmlPage::parse("<html><body><h10>x</h10><h1>Bad Gateway</h1>");
        assert_eq!(page.title, None);
        assert_eq!(page.summary(), Some("Bad Gateway"));
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html(b"<!doctype HTML>"));
        assert!(looks_like_html(b"<HTML lang=en>"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><html>"));
        assert!(mentions_html(b"<?xml version=\"1.0\"?><html>"));
        assert!(!mentions_html(b"<?xml version=\"1.0\"?><SIMPLE_RETURN>"));
    }
}
