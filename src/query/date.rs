//! Dates of `detection_updated_since` and `detection_updated_before`.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};

/// A UTC date `YYYY-MM-DD` or date and time `YYYY-MM-DDTHH:MM:SSZ`, the two
/// forms the API accepts. It has no fraction of a second, and the year has
/// four digits.
///
/// # Example
///
/// ```
/// use qualys_sem::query::DetectionDate;
///
/// let date = DetectionDate::parse("2017-02-15T23:15:00Z").unwrap();
/// assert_eq!(date.to_string(), "2017-02-15T23:15:00Z");
/// assert!(DetectionDate::parse("2017-02-15 23:15:00").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DetectionDate(Form);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    Date(NaiveDate),
    DateTime(DateTime<Utc>),
}

/// The forms named in `has invalid value` messages.
pub(crate) const DATE_FORMS: [&str; 2] = ["YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ"];

impl DetectionDate {
    /// Creates a date-only value, or returns `None` for a year outside
    /// 0 to 9999.
    pub fn from_date(date: NaiveDate) -> Option<DetectionDate> {
        has_four_digit_year(date).then_some(DetectionDate(Form::Date(date)))
    }

    /// Creates a date and time, or returns `None` when it has a fraction
    /// of a second or a year outside 0 to 9999.
    pub fn from_datetime(datetime: DateTime<Utc>) -> Option<DetectionDate> {
        let whole_second = datetime.nanosecond() == 0;
        let valid = whole_second && has_four_digit_year(datetime.date_naive());
        valid.then_some(DetectionDate(Form::DateTime(datetime)))
    }

    /// Parses either form, or returns `None` for any other text.
    pub fn parse(text: &str) -> Option<DetectionDate> {
        let bytes = text.as_bytes();
        match bytes.len() {
            10 => parse_date(bytes).and_then(DetectionDate::from_date),
            20 => {
                let shape = bytes[10] == b'T' && bytes[19] == b'Z';
                let date = parse_date(&bytes[..10]).filter(|_| shape)?;
                let time = parse_time(&bytes[11..19])?;
                DetectionDate::from_datetime(date.and_time(time).and_utc())
            }
            _ => None,
        }
    }

    /// Returns the instant: midnight UTC for a date-only value.
    pub fn instant(&self) -> DateTime<Utc> {
        match self.0 {
            Form::Date(date) => date.and_time(NaiveTime::MIN).and_utc(),
            Form::DateTime(datetime) => datetime,
        }
    }

    /// Tells whether the value is a date without a time.
    pub fn is_date_only(&self) -> bool {
        matches!(self.0, Form::Date(_))
    }
}

fn has_four_digit_year(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (0..=9999).contains(&date.year())
}

/// Reads `YYYY-MM-DD` with exactly these digits.
fn parse_date(bytes: &[u8]) -> Option<NaiveDate> {
    let year = digits(bytes, 0, 4)?;
    let month = digits(bytes, 5, 2)?;
    let day = digits(bytes, 8, 2)?;
    let dashes = bytes[4] == b'-' && bytes[7] == b'-';
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    dashes.then_some(date)
}

/// Reads `HH:MM:SS`; chrono rejects hour 24 and second 60.
fn parse_time(bytes: &[u8]) -> Option<NaiveTime> {
    let colons = bytes[2] == b':' && bytes[5] == b':';
    let time = NaiveTime::from_hms_opt(
        digits(bytes, 0, 2)?,
        digits(bytes, 3, 2)?,
        digits(bytes, 6, 2)?,
    )?;
    colons.then_some(time)
}

fn digits(bytes: &[u8], start: usize, count: usize) -> Option<u32> {
    let slice = bytes.get(start..start + count)?;
    let mut value = 0;
    for byte in slice {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(byte - b'0');
    }
    Some(value)
}

impl fmt::Display for DetectionDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Form::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Form::DateTime(datetime) => write!(f, "{}", datetime.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_forms() {
        assert!(DetectionDate::parse("2017-02-15").unwrap().is_date_only());
        assert!(
            !DetectionDate::parse("2017-02-15T00:00:00Z")
                .unwrap()
                .is_date_only()
        );
    }

    #[test]
    fn rejected_texts() {
        for text in [
            "2017-2-15",
            "2017-02-30",
            "2017-13-01",
            "2017/02/15",
            "2017-02-15T24:00:00Z",
            "2017-02-15T23:59:60Z",
            "2017-02-15T23:15:00",
            "2017-02-15T23:15:00.5Z",
            "2017-02-15X23:15:00Z",
            "2017-02-15T23-15-00Z",
            "+017-02-15",
            "",
        ] {
            assert_eq!(DetectionDate::parse(text), None, "{text}");
        }
    }

    #[test]
    fn fraction_is_rejected() {
        let datetime = DateTime::from_timestamp(1_000, 5).unwrap();
        assert_eq!(DetectionDate::from_datetime(datetime), None);
    }

    #[test]
    fn year_outside_four_digits() {
        let date = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert_eq!(DetectionDate::from_date(date), None);
    }

    #[test]
    fn date_only_instant_is_midnight() {
        let date = DetectionDate::parse("2017-02-15").unwrap();
        assert_eq!(date.instant().to_rfc3339(), "2017-02-15T00:00:00+00:00");
    }
}
