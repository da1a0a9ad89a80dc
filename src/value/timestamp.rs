//! Timestamps as the export writes them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc};

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
    let date = NaiveDate::from_ymd_opt(
        digits(&bytes[0..4])? as i32,
        digits(&bytes[5..7])?,
        digits(&bytes[8..10])?,
    )?;
    let time = NaiveTime::from_hms_opt(
        digits(&bytes[11..13])?,
        digits(&bytes[14..16])?,
        digits(&bytes[17..19])?,
    )?;

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

    let local = NaiveDateTime::new(date, time.with_nanosecond(nanos)?);
    let utc = local.checked_sub_signed(TimeDelta::seconds(offset_seconds))?;
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
