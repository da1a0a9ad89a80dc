//! The error type of the writer.

use std::io;

/// The reason the writer could not write a record.
///
/// Every error but [`WriteError::Io`] is found before any byte of the record is written, so
/// the output then ends at the last complete record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// Writing to the output failed.
    #[error("write failed: {0}")]
    Io(#[from] io::Error),
    /// A value holds a character that XML 1.0 cannot carry at all, not even as a character
    /// reference, such as U+0000 or another C0 control other than tab, line feed and
    /// carriage return.
    #[error("invalid character {character:?} at byte {offset} of {field}: XML 1.0 cannot carry it")]
    InvalidCharacter {
        /// The path of the value, such as `ASSET[id=231]/DETECTION[qid=610100]/RESULTS`.
        field: String,
        /// The character.
        character: char,
        /// Its byte offset in the value.
        offset: usize,
    },
    /// An element or attribute name of an [`Extra`](crate::Extra) is not an XML name.
    #[error(
        "invalid XML name {name:?} in {field}, expected a letter, `_` or `:` then letters, digits, `-`, `.`, `_` or `:`"
    )]
    InvalidName {
        /// The path of the element, such as `ASSET[id=231]/QDS`.
        field: String,
        /// The name as given.
        name: String,
    },
    /// An [`Extra`](crate::Extra) element has two attributes with the same name.
    #[error("duplicate attribute {name:?} in {field}")]
    DuplicateAttribute {
        /// The path of the element.
        field: String,
        /// The attribute name.
        name: String,
    },
    /// A timestamp has no form that the parser reads back: its year is outside 0000 to 9999,
    /// or it is a leap second.
    #[error(
        "timestamp {value} of {field} cannot be written, expected a year from 0000 to 9999 and no leap second"
    )]
    InvalidTimestamp {
        /// The path of the value.
        field: String,
        /// The timestamp in RFC 3339 form.
        value: String,
    },
    /// The `DOCTYPE` system identifier cannot be written as a quoted literal.
    #[error(
        "invalid DOCTYPE system identifier {value:?}, expected no `<`, `>`, `[`, `]` and not both quote characters"
    )]
    InvalidSystemId {
        /// The identifier as given.
        value: String,
    },
    /// A method was called where the document does not allow that part, such as a detection
    /// outside an asset.
    #[error("cannot write {part} {place}")]
    OutOfOrder {
        /// The record or part that was to be written.
        part: &'static str,
        /// The writer's place in the document, such as `after the end of the document`.
        place: &'static str,
    },
}
