//! Escaping of text, CDATA sections and attribute values, and the checks on what XML 1.0
//! can carry.

/// Tells whether `c` matches XML 1.0's `Char` production: the characters a document may
/// contain at all, literally or as a character reference.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Returns the byte offset and the character of the first character in `text` that XML 1.0
/// cannot carry.
pub(crate) fn find_invalid_char(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| !is_xml_char(*c))
}

/// Appends `text` as escaped character data.
///
/// `&`, `<` and `>` become entity references (escaping every `>` keeps `]]>` out of the
/// text), and a carriage return becomes `&#xD;`, because a conforming parser turns a literal
/// one into a line feed. The parser of this crate drops a run of ASCII whitespace that ends
/// the text after the last reference, or that is the whole text, as layout: such a run is
/// written as character references, which are always content.
///
/// The caller has checked the characters with [`find_invalid_char`].
pub(crate) fn push_text(buffer: &mut Vec<u8>, text: &str) {
    let tail_start = text.rfind(['&', '<', '>', '\r']).map_or(0, |at| at + 1);
    let tail = &text[tail_start..];
    let is_tail_lost = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_whitespace());
    let (body, tail) = if is_tail_lost {
        text.split_at(tail_start)
    } else {
        (text, "")
    };

    let mut plain_start = 0;
    for (at, byte) in body.bytes().enumerate() {
        let reference: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'\r' => b"&#xD;",
            _ => continue,
        };
        buffer.extend_from_slice(&body.as_bytes()[plain_start..at]);
        buffer.extend_from_slice(reference);
        plain_start = at + 1;
    }
    buffer.extend_from_slice(&body.as_bytes()[plain_start..]);

    for byte in tail.bytes() {
        push_char_reference(buffer, byte);
    }
}

/// Appends `text` as one or more CDATA sections, byte for byte.
///
/// A `]]>` inside the text would end the section, so the section is closed between `]]` and
/// `>` and a new one opened: `a]]>b` becomes `<![CDATA[a]]]]><![CDATA[>b]]>`, which a parser
/// joins back into `a]]>b`.
///
/// The caller has checked the characters with [`find_invalid_char`].
pub(crate) fn push_cdata(buffer: &mut Vec<u8>, text: &str) {
    buffer.extend_from_slice(b"<![CDATA[");
    let mut rest = text;
    while let Some(at) = rest.find("]]>") {
        buffer.extend_from_slice(&rest.as_bytes()[..at + 2]);
        buffer.extend_from_slice(b"]]><![CDATA[");
        rest = &rest[at + 2..];
    }
    buffer.extend_from_slice(rest.as_bytes());
    buffer.extend_from_slice(b"]]>");
}

/// Appends `value` escaped for an attribute value in double quotes.
///
/// Tab, line feed and carriage return become character references, because attribute value
/// normalisation turns the literal characters into spaces.
///
/// The caller has checked the characters with [`find_invalid_char`].
pub(crate) fn push_attribute_value(buffer: &mut Vec<u8>, value: &str) {
    let mut plain_start = 0;
    for (at, byte) in value.bytes().enumerate() {
        let reference: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'"' => b"&quot;",
            b'\t' => b"&#x9;",
            b'\n' => b"&#xA;",
            b'\r' => b"&#xD;",
            _ => continue,
        };
        buffer.extend_from_slice(&value.as_bytes()[plain_start..at]);
        buffer.extend_from_slice(reference);
        plain_start = at + 1;
    }
    buffer.extend_from_slice(&value.as_bytes()[plain_start..]);
}

/// Appends an ASCII character as a hexadecimal character reference.
fn push_char_reference(buffer: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    buffer.extend_from_slice(b"&#x");
    if byte >= 0x10 {
        buffer.push(HEX[usize::from(byte >> 4)]);
    }
    buffer.push(HEX[usize::from(byte & 0xF)]);
    buffer.push(b';');
}

/// Tells whether `name` matches XML 1.0's `Name` production (fifth edition).
pub(crate) fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    is_name_start_char(first) && chars.all(is_name_char)
}

fn is_name_start_char(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> String {
        let mut buffer = Vec::new();
        push_text(&mut buffer, value);
        String::from_utf8(buffer).unwrap()
    }

    fn cdata(value: &str) -> String {
        let mut buffer = Vec::new();
        push_cdata(&mut buffer, value);
        String::from_utf8(buffer).unwrap()
    }

    #[test]
    fn text_escapes_markup() {
        assert_eq!(text("a & b < c > d"), "a &amp; b &lt; c &gt; d");
        assert_eq!(text("x]]>y"), "x]]&gt;y");
        assert_eq!(text("line\r\n"), "line&#xD;&#xA;");
    }

    #[test]
    fn text_keeps_whitespace_that_survives() {
        assert_eq!(text(" padded "), " padded ");
        assert_eq!(text("\tleading"), "\tleading");
        assert_eq!(text("a & b"), "a &amp; b");
    }

    #[test]
    fn text_references_whitespace_that_would_be_lost() {
        assert_eq!(text("   "), "&#x20;&#x20;&#x20;");
        assert_eq!(text("\n\t"), "&#xA;&#x9;");
        assert_eq!(text("a & "), "a &amp;&#x20;");
    }

    #[test]
    fn cdata_splits_end_marker() {
        assert_eq!(cdata("plain"), "<![CDATA[plain]]>");
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        assert_eq!(
            cdata("]]>]]>"),
            "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>"
        );
        assert_eq!(cdata(""), "<![CDATA[]]>");
    }

    #[test]
    fn attribute_value_escapes() {
        let mut buffer = Vec::new();
        push_attribute_value(&mut buffer, "a\"b&c<d\te\nf\rg'>");
        assert_eq!(
            String::from_utf8(buffer).unwrap(),
            "a&quot;b&amp;c&lt;d&#x9;e&#xA;f&#xD;g'>"
        );
    }

    #[test]
    fn invalid_chars_found() {
        assert_eq!(find_invalid_char("ok\t\n\r"), None);
        assert_eq!(find_invalid_char("a\u{0}b"), Some((1, '\u{0}')));
        assert_eq!(find_invalid_char("é\u{1B}"), Some((2, '\u{1B}')));
        assert_eq!(find_invalid_char("\u{FFFE}"), Some((0, '\u{FFFE}')));
    }

    #[test]
    fn names_checked() {
        assert!(is_xml_name("QDS"));
        assert!(is_xml_name("ns:TRURISK_SCORE-2.0"));
        assert!(is_xml_name("Ünïcode"));
        assert!(!is_xml_name(""));
        assert!(!is_xml_name("1ST"));
        assert!(!is_xml_name("A B"));
        assert!(!is_xml_name("-A"));
    }
}
