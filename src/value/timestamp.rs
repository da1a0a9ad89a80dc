//! Timestamps as the export writes them.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// Parses a timestamp in any form that SEM exports use, into UTC.
///
/// Accepted forms, all with a four-digit year:
///
/// - `2021-04-28T12:01:06Z`, the form of the Qualys VM detection exports;
/// - `2021-10-18T07:58:11.268Z`, with a fraction of up to nine digits;
/// - `2021-04-28 12:01:06`, a space and no zone, as in the SEM API guide's sample, read as UTC;
/// - a `T` without a zone, or a numeric offset such as `+02:00`, converted to UTC.
///
/// Surrounding ASCII whitespace is ignored. Returns `None` for anything else, including
/// impossible dates such as `2021-02-30`.
///
/// # Example
///
/// ```
/// use qualys_sem::parse_timestamp;
///
/// let a = parse_timestamp("2021-04-28 12:01:06").unwrap();
/// let b = parse_timestamp("2021-04-28T12:01:06Z").unwrap();
/// assert_eq!(a, b);
/// assert_eq!(a.to_rfc3339(), "2021-04-28T12:01:06+00:00");
/// assert!(parse_timestamp("2021-02-30T00:00:00Z").is_none());
/// ```
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.trim_ascii().as_bytes();

    // Fixed layout: YYYY-MM-DD?HH:MM:SS, 19 bytes, then an optional fraction and zone.
    if bytes.len() < 19 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') || bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    let hour = digits(&bytes[11..13])?;
    let minute = digits(&bytes[14..16])?;
    let second = digits(&bytes[17..19])?;
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }

    let mut rest = &bytes[19..];
    let mut nanos = 0;
    if let [b'.', tail @ ..] = rest {
        let count = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 || count > 9 {
            return None;
        }
        nanos = digits(&tail[..count])? * 10u32.pow(9 - count as u32);
        rest = &tail[count..];
    }

    let offset_seconds = match rest {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let minutes = digits(&[*h1, *h2])? * 60 + digits(&[*m1, *m2])?;
            if minutes >= 24 * 60 {
                return None;
            }
            let seconds = i64::from(minutes) * 60;
            if *sign == b'+' { seconds } else { -seconds }
        }
        _ => return None,
    };

    // chrono's calendar constructors check the date with table lookups, which costs less
    // than going through seconds since 1970; every detection carries four timestamps.
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let local = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    let utc = match offset_seconds {
        0 => local,
        offset => local.checked_sub_signed(TimeDelta::seconds(offset))?,
    };
    Some(utc.and_utc())
}

/// Reads a run of ASCII digits as a number; `None` if any byte is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

/// Serde form of an optional timestamp: RFC 3339 in UTC with `Z`, with a fraction only when it
/// is not zero. Reading accepts every form [`parse_timestamp`] accepts.
pub(crate) mod optional_rfc3339 {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(time) => {
                serializer.serialize_str(&time.to_rfc3339_opts(SecondsFormat::AutoSi, true))
            }
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)? else {
            return Ok(None);
        };
        super::parse_timestamp(&text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format_args!("invalid timestamp {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc3339(text: &str) -> String {
        parse_timestamp(text)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
            .unwrap_or_else(|| "none".to_owned())
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(rfc3339("2021-04-28T12:01:06Z"), "2021-04-28T12:01:06Z");
        assert_eq!(
            rfc3339("2021-10-18T07:58:11.268Z"),
            "2021-10-18T07:58:11.268Z"
        );
        assert_eq!(rfc3339("2021-04-28 12:01:06"), "2021-04-28T12:01:06Z");
        assert_eq!(rfc3339("2021-04-28T12:01:06"), "2021-04-28T12:01:06Z");
        assert_eq!(rfc3339("  2021-04-28T12:01:06Z\n"), "2021-04-28T12:01:06Z");
        assert_eq!(rfc3339("2021-04-28T14:01:06+02:00"), "2021-04-28T12:01:06Z");
        assert_eq!(rfc3339("2021-04-28T00:30:00-01:00"), "2021-04-28T01:30:00Z");
        assert_eq!(
            rfc3339("2021-04-28T12:01:06.5Z"),
            "2021-04-28T12:01:06.500Z"
        );
        assert_eq!(
            rfc3339("2021-04-28T12:01:06.123456789Z"),
            "2021-04-28T12:01:06.123456789Z"
        );
    }

    #[test]
    fn matches_chrono_across_years() {
        use chrono::{NaiveDate, TimeZone};
        for year in [
            0, 1, 1600, 1899, 1900, 1970, 1999, 2000, 2021, 2024, 2100, 9999,
        ] {
            for (month, day) in [(1, 1), (2, 28), (2, 29), (3, 1), (12, 31)] {
                let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                    let text = format!("{year:04}-{month:02}-{day:02}T00:00:00Z");
                    assert_eq!(parse_timestamp(&text), None, "{text}");
                    continue;
                };
                let expected = Utc.from_utc_datetime(&date.and_hms_opt(13, 14, 15).unwrap());
                let text = format!("{year:04}-{month:02}-{day:02}T13:14:15Z");
                assert_eq!(parse_timestamp(&text), Some(expected), "{text}");
            }
        }
    }

    #[test]
    fn rejected_forms() {
        for text in [
            "",
            "2021-04-28",
            "2021-02-30T00:00:00Z",
            "2021-04-28T24:00:00Z",
            "2021-04-28T12:01:06.Z",
            "2021-04-28T12:01:06.1234567890Z",
            "2021-04-28T12:01:06ZZ",
            "2021-04-28X12:01:06Z",
            "2021/04/28 12:01:06",
            "2021-04-28T12:01:06+2:00",
            "2021-04-28T12:01:06+24:00",
            "+021-04-28T12:01:06Z",
            "2021-04-28T12:01:6Z",
        ] {
            assert_eq!(rfc3339(text), "none", "{text:?}");
        }
    }
}
