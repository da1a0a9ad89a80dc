//! Strategies for text and timestamps that the format can carry.

use std::borrow::Cow;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

/// Pieces that are awkward to write: markup, references that must stay as written, the end
/// of a CDATA section, whitespace and line ends.
const AWKWARD: &[&str] = &[
    "&",
    "<",
    ">",
    "]]>",
    "]]",
    "]",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#38;",
    "\"",
    "'",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "<![CDATA[",
    "-->",
];

/// A character that XML 1.0 can carry, any plane.
fn xml_char() -> impl Strategy<Value = char> {
    any::<char>().prop_filter("a character XML 1.0 can carry", |c| {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    })
}

/// One piece of text: plain words, awkward markup, or any character XML can carry.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 .:,_-]{1,12}",
        2 => proptest::sample::select(AWKWARD).prop_map(str::to_owned),
        1 => xml_char().prop_map(String::from),
        1 => "[éü中😀\u{a0}\u{85}\u{7f}]{1,3}",
    ]
}

/// Text of a field: not empty, made of characters XML 1.0 can carry, with markup, `]]>`,
/// entity-like sequences, tabs, line ends, carriage returns, whitespace at either end or
/// only whitespace, and non-ASCII characters.
pub fn text() -> impl Strategy<Value = Cow<'static, str>> {
    proptest::collection::vec(piece(), 1..6).prop_map(|pieces| Cow::Owned(pieces.concat()))
}

/// Text that may also be empty, for values that read back as empty rather than absent.
pub fn text_or_empty() -> impl Strategy<Value = Cow<'static, str>> {
    prop_oneof![1 => Just(Cow::Borrowed("")), 6 => text()]
}

/// Text without whitespace at either end, as the `WARNING`'s text and URL read back.
pub fn trimmed_text() -> impl Strategy<Value = Cow<'static, str>> {
    text()
        .prop_map(|text: Cow<'static, str>| -> Cow<'static, str> {
            Cow::Owned(text.trim().to_owned())
        })
        .prop_filter("text that is not only whitespace", |text| !text.is_empty())
}

/// Optional text of a field.
pub fn optional_text() -> impl Strategy<Value = Option<Cow<'static, str>>> {
    proptest::option::of(text())
}

/// A timestamp that the format can carry: years 0000 to 9999, no leap second, with a
/// fraction of a second in about half the cases.
pub fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    // 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    let seconds = -62_167_219_200i64..=253_402_300_799;
    let nanos = prop_oneof![
        2 => Just(0u32),
        1 => (0u32..1_000).prop_map(|ms| ms * 1_000_000),
        1 => 0u32..1_000_000_000,
    ];
    (seconds, nanos).prop_map(|(seconds, nanos)| {
        Utc.timestamp_opt(seconds, nanos)
            .single()
            .expect("a time in range")
    })
}

/// An optional timestamp.
pub fn optional_timestamp() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    proptest::option::of(timestamp())
}
