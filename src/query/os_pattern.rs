//! The `os_pattern` regular expression.

use std::fmt;

use pcre2::bytes::{Regex, RegexBuilder};

use super::ParamName;
use crate::ApiMessage;

/// A non-empty PCRE expression matched against each asset's operating
/// system. The API documents `%5E%24` (that is `^$`) to match an empty one.
///
/// The expression is stored decoded; the query string carries it
/// percent-encoded.
///
/// # Example
///
/// ```
/// use qualys_sem::query::OsPattern;
///
/// let pattern = OsPattern::new("^(iOS|Android)$").unwrap();
/// assert!(pattern.is_match("iOS"));
/// assert!(!pattern.is_match("iPadOS"));
/// assert!(OsPattern::new("(iOS").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OsPattern(String);

impl OsPattern {
    /// Checks the expression with the PCRE2 engine and keeps it.
    ///
    /// # Errors
    ///
    /// Returns the API's `has invalid value` message for an empty
    /// expression, and an `invalid PCRE expression` message with the
    /// engine's reason when it does not compile.
    pub fn new(pattern: impl Into<String>) -> Result<OsPattern, ApiMessage> {
        let pattern = pattern.into();
        let name = ParamName::OsPattern.as_str();

        if pattern.is_empty() {
            let allowed = ["non-empty PCRE expression (^$ matches an empty one)"];
            return Err(ApiMessage::invalid_value(name, "", &allowed));
        }

        match compile(&pattern) {
            Ok(_) => Ok(OsPattern(pattern)),
            Err(error) => Err(ApiMessage::InvalidPattern {
                name: name.to_owned(),
                value: pattern,
                reason: error.to_string(),
            }),
        }
    }

    /// Returns the expression, decoded.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compiles the expression for matching.
    pub fn regex(&self) -> Regex {
        // The constructor compiled the same text with the same options.
        compile(&self.0).expect("an OsPattern compiles")
    }

    /// Tells whether the expression matches `os`, anywhere in it as PCRE
    /// does without anchors.
    ///
    /// Compiles the expression on each call: keep [`OsPattern::regex`] to
    /// match many values. A match that exceeds the engine's limits counts
    /// as no match.
    pub fn is_match(&self, os: &str) -> bool {
        self.regex().is_match(os.as_bytes()).unwrap_or(false)
    }
}

/// Compiles in UTF mode, because the pattern and the subjects are UTF-8.
fn compile(pattern: &str) -> Result<Regex, pcre2::Error> {
    RegexBuilder::new().utf(true).build(pattern)
}

impl fmt::Display for OsPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_pattern_is_invalid() {
        let error = OsPattern::new("").unwrap_err();
        assert_eq!(
            error.to_string(),
            "parameter os_pattern has invalid value:  (please specify one of the following: \
             non-empty PCRE expression (^$ matches an empty one) )"
        );
    }

    #[test]
    fn empty_match_pattern() {
        let pattern = OsPattern::new("^$").unwrap();
        assert!(pattern.is_match(""));
        assert!(!pattern.is_match("iOS"));
    }

    #[test]
    fn pcre_only_syntax_compiles() {
        // Possessive quantifiers and lookbehind are PCRE features.
        assert!(OsPattern::new("(?<=i)OS++").is_ok());
    }

    #[test]
    fn invalid_pattern_names_reason() {
        let error = OsPattern::new("a(b").unwrap_err();
        let ApiMessage::InvalidPattern { value, reason, .. } = &error else {
            panic!("unexpected {error:?}");
        };
        assert_eq!(value, "a(b");
        assert!(reason.contains("missing closing parenthesis"), "{reason}");
    }
}
