//! Typed field values, with the errors that name the element and the value.

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use super::cursor::{Cursor, Fault, fault};
use super::text::read_value;
use crate::error::ErrorKind;
use crate::value::{Severity, parse_timestamp};

/// Where a field was read: its element name and the absolute offset of its start tag.
#[derive(Clone, Copy)]
pub(crate) struct Field<'n> {
    pub(crate) name: &'n str,
    pub(crate) offset: u64,
}

impl Field<'_> {
    /// Reads the text of the field whose start tag the cursor has just read, through its end
    /// tag; `None` for an empty tag `<NAME/>`. Errors inside it carry the field's name.
    pub(crate) fn read_text<'w>(
        &self,
        cursor: &mut Cursor<'w>,
        is_empty: bool,
    ) -> Result<Option<Cow<'w, str>>, Fault> {
        if is_empty {
            return Ok(None);
        }
        read_value(cursor, self.name).map_err(|error| error.within(|| self.name.to_owned()))
    }

    #[cold]
    fn invalid(&self, value: &str, expected: &'static str) -> Fault {
        fault(
            ErrorKind::InvalidValue {
                element: self.name.to_owned(),
                value: value.to_owned(),
                expected,
            },
            self.offset,
            self.name.to_owned(),
        )
    }

    /// Parses an ID, QID or counter: ASCII digits only, surrounding whitespace ignored.
    pub(crate) fn unsigned(&self, text: Option<Cow<'_, str>>) -> Result<Option<u64>, Fault> {
        let Some(text) = text else { return Ok(None) };
        match parse_u64(&text) {
            Some(number) => Ok(Some(number)),
            None => Err(self.invalid(&text, "an unsigned integer")),
        }
    }

    /// Parses a severity level, 1 to 5.
    pub(crate) fn severity(&self, text: Option<Cow<'_, str>>) -> Result<Option<Severity>, Fault> {
        let Some(text) = text else { return Ok(None) };
        let level = parse_u64(&text).and_then(|n| u8::try_from(n).ok());
        match level.and_then(Severity::new) {
            Some(severity) => Ok(Some(severity)),
            None => Err(self.invalid(&text, "a severity from 1 to 5")),
        }
    }

    /// Parses a timestamp in any form that exports use.
    pub(crate) fn timestamp(
        &self,
        text: Option<Cow<'_, str>>,
    ) -> Result<Option<DateTime<Utc>>, Fault> {
        let Some(text) = text else { return Ok(None) };
        match parse_timestamp(&text) {
            Some(time) => Ok(Some(time)),
            None => Err(self.invalid(
                &text,
                "a date and time such as 2021-04-28T12:01:06Z or 2021-04-28 12:01:06",
            )),
        }
    }
}

/// Parses ASCII digits, with surrounding ASCII whitespace, into a `u64`; no sign, no overflow.
pub(crate) fn parse_u64(text: &str) -> Option<u64> {
    let digits = text.trim_ascii();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Tells which fields of a record were already read, so that a repeated one is kept aside
/// rather than overwriting the first.
#[derive(Clone, Copy, Default)]
pub(crate) struct Seen(u32);

impl Seen {
    /// Tells whether field number `bit` was read.
    pub(crate) fn contains(self, bit: u32) -> bool {
        self.0 & (1 << bit) != 0
    }

    /// Unmarks field number `bit`.
    pub(crate) fn forget(&mut self, bit: u32) {
        self.0 &= !(1 << bit);
    }

    /// Marks field number `bit` and returns whether it was already marked.
    pub(crate) fn repeat(&mut self, bit: u32) -> bool {
        let mask = 1 << bit;
        let repeated = self.0 & mask != 0;
        self.0 |= mask;
        repeated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsigned_numbers() {
        assert_eq!(parse_u64("231"), Some(231));
        assert_eq!(parse_u64(" 18446744073709551615\n"), Some(u64::MAX));
        assert_eq!(parse_u64("18446744073709551616"), None);
        assert_eq!(parse_u64("+5"), None);
        assert_eq!(parse_u64("-5"), None);
        assert_eq!(parse_u64("5 5"), None);
        assert_eq!(parse_u64(""), None);
    }
}
