//! Comma-separated lists of values and ranges: `ids`, `qids`, `severities`.

use std::fmt;

use super::ParamName;
use crate::ApiMessage;

/// An inclusive range `start-end` whose start is not above its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Range<T> {
    start: T,
    end: T,
}

impl<T: Copy + Ord> Range<T> {
    /// Creates the range, or returns `None` when `start` is above `end`.
    pub fn new(start: T, end: T) -> Option<Range<T>> {
        (start <= end).then_some(Range { start, end })
    }

    /// Returns the first value of the range.
    pub fn start(&self) -> T {
        self.start
    }

    /// Returns the last value of the range, included.
    pub fn end(&self) -> T {
        self.end
    }
}

/// One entry of a [`RangeList`]: a value such as `190` or a range such as
/// `190-400`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListEntry<T> {
    /// One value.
    Single(T),
    /// An inclusive range.
    Range(Range<T>),
}

impl<T: Copy + Ord> ListEntry<T> {
    /// Tells whether `value` is this value or lies in this range.
    pub fn contains(&self, value: T) -> bool {
        match self {
            ListEntry::Single(single) => *single == value,
            ListEntry::Range(range) => range.start <= value && value <= range.end,
        }
    }
}

/// A non-empty, comma-separated list of values and ranges, kept in the
/// order written; duplicates and overlaps are kept too.
///
/// # Example
///
/// ```
/// use qualys_sem::query::{IdList, ParamName};
///
/// let ids = IdList::parse(ParamName::Ids, "5,190-400").unwrap();
/// assert!(ids.contains(200));
/// assert!(!ids.contains(6));
/// assert_eq!(ids.to_string(), "5,190-400");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RangeList<T> {
    entries: Vec<ListEntry<T>>,
}

/// Asset IDs or QIDs with ranges, the values of `ids` and `qids`.
pub type IdList = RangeList<u64>;

/// Severity levels with ranges, the value of `severities`.
pub type SeverityList = RangeList<Severity>;

impl<T: Copy + Ord> RangeList<T> {
    /// Creates a list, or returns `None` when `entries` is empty.
    pub fn new(entries: impl IntoIterator<Item = ListEntry<T>>) -> Option<RangeList<T>> {
        let entries: Vec<ListEntry<T>> = entries.into_iter().collect();
        (!entries.is_empty()).then_some(RangeList { entries })
    }

    /// Creates a list of single values, or returns `None` when `values` is
    /// empty.
    pub fn from_values(values: impl IntoIterator<Item = T>) -> Option<RangeList<T>> {
        RangeList::new(values.into_iter().map(ListEntry::Single))
    }

    /// Returns the entries in the order written.
    pub fn entries(&self) -> &[ListEntry<T>] {
        &self.entries
    }

    /// Tells whether any entry contains `value`.
    pub fn contains(&self, value: T) -> bool {
        self.entries.iter().any(|entry| entry.contains(value))
    }
}

impl IdList {
    /// Parses IDs and ranges such as `190-400,5` as the value of `param`.
    ///
    /// # Errors
    ///
    /// Returns the API's `has invalid value` message for an empty entry or
    /// one that is not a decimal `u64`, and an `invalid range` message
    /// naming the range when its start is above its end.
    pub fn parse(param: ParamName, text: &str) -> Result<IdList, ApiMessage> {
        parse_list(param, text, parse_decimal, &["ID", "FIRST-LAST"])
    }
}

impl SeverityList {
    /// Parses severity levels and ranges such as `1-3,5`.
    ///
    /// # Errors
    ///
    /// As [`IdList::parse`], for levels outside 1 to 5.
    pub fn parse(text: &str) -> Result<SeverityList, ApiMessage> {
        let parse_level = |item: &str| parse_decimal(item).and_then(Severity::new);
        parse_list(ParamName::Severities, text, parse_level, &SEVERITY_ALLOWED)
    }
}

const SEVERITY_ALLOWED: [&str; 5] = ["1", "2", "3", "4", "5"];

fn parse_list<T: Copy + Ord>(
    param: ParamName,
    text: &str,
    parse_one: impl Fn(&str) -> Option<T>,
    allowed: &[&str],
) -> Result<RangeList<T>, ApiMessage> {
    let name = param.as_str();
    let invalid = || ApiMessage::invalid_value(name, text, allowed);
    let mut entries = Vec::new();

    for item in text.split(',') {
        let entry = match item.split_once('-') {
            None => ListEntry::Single(parse_one(item).ok_or_else(invalid)?),
            Some((start, end)) => {
                let start = parse_one(start).ok_or_else(invalid)?;
                let end = parse_one(end).ok_or_else(invalid)?;
                let range =
                    Range::new(start, end).ok_or_else(|| ApiMessage::invalid_range(name, item))?;
                ListEntry::Range(range)
            }
        };
        entries.push(entry);
    }

    Ok(RangeList { entries })
}

/// Parses ASCII digits only: `str::parse` would also take a leading `+`.
pub(crate) fn parse_decimal<N: std::str::FromStr>(text: &str) -> Option<N> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl<T: fmt::Display> fmt::Display for RangeList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, entry) in self.entries.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            match entry {
                ListEntry::Single(value) => write!(f, "{value}")?,
                ListEntry::Range(range) => write!(f, "{}-{}", range.start, range.end)?,
            }
        }
        Ok(())
    }
}

/// A severity level from 1 (minimal) to 5 (urgent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Severity(u8);

impl Severity {
    /// Creates the level, or returns `None` outside 1 to 5.
    pub fn new(level: u8) -> Option<Severity> {
        (1..=5).contains(&level).then_some(Severity(level))
    }

    /// Returns the level, from 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_rejects_signs_and_spaces() {
        assert_eq!(parse_decimal::<u64>("+5"), None);
        assert_eq!(parse_decimal::<u64>(" 5"), None);
        assert_eq!(parse_decimal::<u64>(""), None);
        assert_eq!(parse_decimal::<u64>("18446744073709551616"), None);
        assert_eq!(parse_decimal::<u64>("18446744073709551615"), Some(u64::MAX));
    }

    #[test]
    fn range_bounds() {
        assert!(Range::new(3, 3).is_some());
        assert!(Range::new(4, 3).is_none());
    }

    #[test]
    fn empty_list_is_rejected() {
        assert_eq!(IdList::from_values([]), None);
    }

    #[test]
    fn list_keeps_duplicates_in_order() {
        let ids = IdList::parse(ParamName::Qids, "7,5,7").unwrap();
        assert_eq!(ids.to_string(), "7,5,7");
    }
}
