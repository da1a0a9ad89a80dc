//! The `Char` production of XML 1.0 (section 2.2), checked on raw UTF-8 bytes.
//!
//! `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
//! Valid UTF-8 cannot encode surrogates, so on text that quick-xml accepted
//! as UTF-8 only two groups of characters remain to be caught: the C0
//! control characters other than tab, line feed and carriage return, and the
//! non-characters U+FFFE and U+FFFF.

/// Characters outside `Char` in one stretch of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadChars {
    /// Byte index of the first one.
    pub index: usize,
    /// Its code point.
    pub code_point: u32,
    /// How many there are in the stretch.
    pub count: u64,
}

/// Finds the characters outside XML 1.0's `Char` production in `bytes`.
pub(crate) fn find_bad_chars(bytes: &[u8]) -> Option<BadChars> {
    let mut found: Option<BadChars> = None;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let code_point = if byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r') {
            Some(u32::from(byte))
        } else if byte == 0xEF
            && matches!(bytes.get(index + 1..index + 3), Some([0xBF, 0xBE | 0xBF]))
        {
            Some(0xFFF0 | u32::from(bytes[index + 2] & 0x0F))
        } else {
            None
        };
        if let Some(code_point) = code_point {
            match found.as_mut() {
                Some(bad) => bad.count += 1,
                None => {
                    found = Some(BadChars {
                        index,
                        code_point,
                        count: 1,
                    })
                }
            }
        }
        index += 1;
    }
    found
}

/// Tells whether a character matches XML 1.0's `Char` production.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_characters_allowed() {
        assert_eq!(find_bad_chars(b"a\tb\r\nc \xEF\xBB\xBF"), None);
    }

    #[test]
    fn control_characters_found_and_counted() {
        let bad = find_bad_chars(b"ab\x01c\x1Fd\x00").unwrap();
        assert_eq!(
            bad,
            BadChars {
                index: 2,
                code_point: 1,
                count: 3
            }
        );
    }

    #[test]
    fn non_characters_found() {
        let bad = find_bad_chars("x\u{FFFF}".as_bytes()).unwrap();
        assert_eq!((bad.index, bad.code_point), (1, 0xFFFF));
        let bad = find_bad_chars("\u{FFFE}".as_bytes()).unwrap();
        assert_eq!(bad.code_point, 0xFFFE);
        assert_eq!(find_bad_chars("\u{FFFD}".as_bytes()), None);
    }

    #[test]
    fn char_predicate_matches_production() {
        assert!(is_xml_char('\t'));
        assert!(is_xml_char('\u{10FFFF}'));
        assert!(!is_xml_char('\u{1}'));
        assert!(!is_xml_char('\u{FFFE}'));
    }
}
