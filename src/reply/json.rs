//! JSON error bodies, which the API gateway sends for authentication failures.
//!
//! The body is kept whole. A small scanner reads its top-level scalar
//! members, so the usual keys (`message`, `errorCode`, ...) can be shown
//! without a JSON library. Nested values are skipped.

use super::text::preview;

/// Top-level members kept from a JSON body.
const MAX_MEMBERS: usize = 32;

/// Keys that carry the message, in order of preference.
const MESSAGE_KEYS: &[&str] = &[
    "message",
    "errorMessage",
    "error_description",
    "detail",
    "error",
    "title",
];

/// Keys that carry a code, in order of preference.
const CODE_KEYS: &[&str] = &["errorCode", "code", "status", "statusCode"];

/// A JSON body in place of a reply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonBody {
    /// The body as text, whole (invalid UTF-8 replaced by U+FFFD).
    pub raw: String,
    /// Top-level members whose values are strings, numbers, booleans or
    /// null, as `(key, value)`, at most 32. String values are unescaped.
    pub members: Vec<(String, String)>,
}

impl JsonBody {
    pub(crate) fn parse(body: &[u8]) -> JsonBody {
        let raw = String::from_utf8_lossy(body).into_owned();
        let members = top_level_members(&raw);
        JsonBody { raw, members }
    }

    /// Returns the value of a top-level member.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Returns the message, from the first of the usual keys present.
    pub fn message(&self) -> Option<&str> {
        MESSAGE_KEYS.iter().find_map(|key| self.get(key))
    }

    /// Returns the code, from the first of the usual keys present.
    pub fn code(&self) -> Option<&str> {
        CODE_KEYS.iter().find_map(|key| self.get(key))
    }

    /// Returns what to show in a message: the message member, else the start of the body.
    pub fn summary(&self) -> String {
        self.message().map_or_else(|| preview(&self.raw), preview)
    }

    /// Tells whether the same request may succeed later: when a code member
    /// is an HTTP status of 429 or 5xx. Authentication failures are not.
    pub fn is_retryable(&self) -> bool {
        CODE_KEYS
            .iter()
            .filter_map(|key| self.get(key)?.parse::<u16>().ok())
            .any(|status| status == 429 || (500..600).contains(&status))
    }
}

/// Reads the scalar members of a top-level object. Stops quietly at
/// anything that is not JSON, keeping what it has.
fn top_level_members(text: &str) -> Vec<(String, String)> {
    let mut members = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut key: Option<String> = None;

    while let Some(&(index, c)) = chars.peek() {
        match c {
            '{' | '[' => {
                chars.next();
                depth += 1;
                key = None;
                expect_key = depth == 1 && c == '{';
            }
            '}' | ']' => {
                chars.next();
                depth = depth.saturating_sub(1);
            }
            ',' => {
                chars.next();
                expect_key = depth == 1;
            }
            ':' => {
                chars.next();
            }
            '"' => {
                chars.next();
                let value = read_string(&mut chars);
                if depth != 1 {
                    continue;
                }
                if expect_key {
                    key = Some(value);
                    expect_key = false;
                } else if let Some(key) = key.take() {
                    members.push((key, value));
                }
            }
            _ if c.is_whitespace() => {
                chars.next();
            }
            _ if c.is_ascii_alphanumeric() || c == '-' => {
                let mut end = index;
                while let Some(&(i, c)) = chars.peek() {
                    if !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.')) {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                if let (1, Some(key)) = (depth, key.take()) {
                    members.push((key, text[index..end].to_owned()));
                }
            }
            _ => break,
        }
        if members.len() >= MAX_MEMBERS {
            break;
        }
    }
    members
}

/// Reads a string after its opening quote, unescaping it.
fn read_string(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> String {
    let mut out = String::new();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next().map(|(_, c)| c) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                    let code = u32::from_str_radix(&hex, 16).ok();
                    // Surrogate halves cannot stand alone in a `char`.
                    out.push(code.and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                }
                Some(other) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_read_from_gateway_error() {
        let body = JsonBody::parse(
            br#"{"errorCode": "401", "message": "Unauthorized \"token\"\u00e9",
                "nested": {"message": "no"}, "list": [1, {"a": "b"}], "ok": false, "n": -1.5e3}"#,
        );
        assert_eq!(body.code(), Some("401"));
        assert_eq!(body.message(), Some("Unauthorized \"token\"\u{e9}"));
        assert_eq!(body.get("ok"), Some("false"));
        assert_eq!(body.get("n"), Some("-1.5e3"));
        assert_eq!(body.get("a"), None);
        assert!(!body.is_retryable());
    }

    #[test]
    fn server_status_retryable() {
        assert!(
            JsonBody::parse(br#"{"status": 503, "error": "Service Unavailable"}"#).is_retryable()
        );
        assert!(JsonBody::parse(br#"{"code": "429"}"#).is_retryable());
    }

    #[test]
    fn summary_falls_back_to_raw() {
        let body = JsonBody::parse(br#"["not", "an", "object"]"#);
        assert!(body.members.is_empty());
        assert_eq!(body.summary(), r#"["not", "an", "object"]"#);
    }

    #[test]
    fn garbage_stops_quietly() {
        let body = JsonBody::parse(br#"{"a": "b", @@@ "c": "d"}"#);
        assert_eq!(body.members, [("a".to_owned(), "b".to_owned())]);
    }
}
