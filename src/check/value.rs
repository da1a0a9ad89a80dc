//! Types of the text values the DTD leaves as `#PCDATA`, and their checks.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use chrono::NaiveDateTime;

/// The type a text element's value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueType {
    /// Decimal digits only, fitting in a `u64`: identifiers, QIDs, counters.
    Unsigned,
    /// A severity level from 1 to 5.
    Severity,
    /// `2021-04-28T12:01:06Z`, `2021-10-18T07:58:11.268Z` or `2021-04-28 12:01:06`.
    Timestamp,
    /// Detection type: `Confirmed`, `Potential` or `Information`.
    DetectionType,
    /// Detection status: `New`, `Active`, `Fixed` or `Re-Opened`.
    DetectionStatus,
    /// Asset status: `Enrolled`, `Deenrolled` or `Ready for Re-enrollment`.
    AssetStatus,
    /// An IPv4 address in dotted decimal form.
    Ipv4,
    /// An IPv6 address.
    Ipv6,
}

const DETECTION_TYPES: &[&str] = &["Confirmed", "Potential", "Information"];
const DETECTION_STATUSES: &[&str] = &["New", "Active", "Fixed", "Re-Opened"];
const ASSET_STATUSES: &[&str] = &["Enrolled", "Deenrolled", "Ready for Re-enrollment"];

/// Typed text elements of the SEM export: parent, element, type.
///
/// The DTD cannot state these types, so they live here. A test checks that
/// each pair is a parent and child of the bundled DTD.
pub const TYPED_ELEMENTS: &[(&str, &str, ValueType)] = &[
    ("REQUEST", "DATETIME", ValueType::Timestamp),
    ("RESPONSE", "DATETIME", ValueType::Timestamp),
    ("ASSET", "ID", ValueType::Unsigned),
    ("ASSET", "ASSET_ID", ValueType::Unsigned),
    ("ASSET", "IP", ValueType::Ipv4),
    ("ASSET", "IPV6", ValueType::Ipv6),
    ("ASSET", "ASSET_STATUS", ValueType::AssetStatus),
    ("ASSET", "LAST_SEEN", ValueType::Timestamp),
    ("TAG", "TAG_ID", ValueType::Unsigned),
    ("DETECTION", "QID", ValueType::Unsigned),
    ("DETECTION", "TYPE", ValueType::DetectionType),
    ("DETECTION", "SEVERITY", ValueType::Severity),
    ("DETECTION", "STATUS", ValueType::DetectionStatus),
    ("DETECTION", "FIRST_FOUND_DATETIME", ValueType::Timestamp),
    ("DETECTION", "LAST_FOUND_DATETIME", ValueType::Timestamp),
    ("DETECTION", "TIMES_FOUND", ValueType::Unsigned),
    ("DETECTION", "LAST_UPDATE_DATETIME", ValueType::Timestamp),
    ("DETECTION", "LAST_FIXED_DATETIME", ValueType::Timestamp),
    ("DETECTION", "FIRST_REOPENED_DATETIME", ValueType::Timestamp),
    ("DETECTION", "LAST_REOPENED_DATETIME", ValueType::Timestamp),
    ("DETECTION", "TIMES_REOPENED", ValueType::Unsigned),
    ("WARNING", "CODE", ValueType::Unsigned),
];

/// Returns the type of `element`'s text when it is a child of `parent`.
///
/// # Example
///
/// ```
/// use qualys_sem::check::{value_type, ValueType};
///
/// assert_eq!(value_type("DETECTION", "SEVERITY"), Some(ValueType::Severity));
/// assert_eq!(value_type("ASSET", "OS"), None);
/// ```
pub fn value_type(parent: &str, element: &str) -> Option<ValueType> {
    TYPED_ELEMENTS
        .iter()
        .find(|&&(p, e, _)| p == parent && e == element)
        .map(|&(_, _, value_type)| value_type)
}

impl ValueType {
    /// Tells whether `value`, exactly as written (no trimming), has this type.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::check::ValueType;
    ///
    /// assert!(ValueType::Timestamp.accepts("2021-04-28 12:01:06"));
    /// assert!(!ValueType::Severity.accepts("6"));
    /// ```
    pub fn accepts(self, value: &str) -> bool {
        match self {
            ValueType::Unsigned => is_unsigned(value),
            ValueType::Severity => matches!(value, "1" | "2" | "3" | "4" | "5"),
            ValueType::Timestamp => is_timestamp(value),
            ValueType::DetectionType => DETECTION_TYPES.contains(&value),
            ValueType::DetectionStatus => DETECTION_STATUSES.contains(&value),
            ValueType::AssetStatus => ASSET_STATUSES.contains(&value),
            ValueType::Ipv4 => value.parse::<Ipv4Addr>().is_ok(),
            ValueType::Ipv6 => value.parse::<Ipv6Addr>().is_ok(),
        }
    }
}

impl fmt::Display for ValueType {
    /// Writes what a valid value looks like, for error messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one_of =
            |f: &mut fmt::Formatter<'_>, values: &[&str]| write!(f, "one of {}", values.join(", "));
        match self {
            ValueType::Unsigned => f.write_str("an unsigned 64-bit integer in decimal digits"),
            ValueType::Severity => f.write_str("a severity from 1 to 5"),
            ValueType::Timestamp => f.write_str(
                "a UTC timestamp such as 2021-04-28T12:01:06Z, \
                 2021-10-18T07:58:11.268Z or 2021-04-28 12:01:06",
            ),
            ValueType::DetectionType => one_of(f, DETECTION_TYPES),
            ValueType::DetectionStatus => one_of(f, DETECTION_STATUSES),
            ValueType::AssetStatus => one_of(f, ASSET_STATUSES),
            ValueType::Ipv4 => f.write_str("an IPv4 address"),
            ValueType::Ipv6 => f.write_str("an IPv6 address"),
        }
    }
}

fn is_unsigned(value: &str) -> bool {
    // `u64::from_str` also takes a leading `+`, which the export never writes.
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && value.parse::<u64>().is_ok()
}

/// Checks the shape byte by byte first, because chrono's parser also takes
/// one-digit months and days, then lets chrono reject impossible dates.
fn is_timestamp(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() < 19 || !bytes.is_ascii() {
        return false;
    }
    let (date_time, zone) = bytes.split_at(19);
    let shape_ok = date_time.iter().enumerate().all(|(index, &b)| match index {
        4 | 7 => b == b'-',
        10 => b == b'T' || b == b' ',
        13 | 16 => b == b':',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok {
        return false;
    }

    let utc = date_time[10] == b'T';
    let zone_ok = if utc {
        match zone {
            [b'Z'] => true,
            [b'.', fraction @ .., b'Z'] => {
                (1..=9).contains(&fraction.len()) && fraction.iter().all(u8::is_ascii_digit)
            }
            _ => false,
        }
    } else {
        zone.is_empty()
    };
    zone_ok
        && NaiveDateTime::parse_from_str(&value[..19], "%Y-%m-%dT%H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(&value[..19], "%Y-%m-%d %H:%M:%S"))
            .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsigned_values() {
        for good in ["0", "231", "18446744073709551615"] {
            assert!(ValueType::Unsigned.accepts(good), "{good}");
        }
        for bad in ["", "+1", "-1", " 1", "1.0", "18446744073709551616", "x"] {
            assert!(!ValueType::Unsigned.accepts(bad), "{bad}");
        }
    }

    #[test]
    fn severity_values() {
        assert!(ValueType::Severity.accepts("1"));
        assert!(ValueType::Severity.accepts("5"));
        for bad in ["0", "6", "01", "", "high"] {
            assert!(!ValueType::Severity.accepts(bad), "{bad}");
        }
    }

    #[test]
    fn timestamp_values() {
        for good in [
            "2021-04-28T12:01:06Z",
            "2021-10-18T07:58:11.268Z",
            "2021-10-18T07:58:11.1Z",
            "2021-04-28 12:01:06",
            "2024-02-29T00:00:00Z",
        ] {
            assert!(ValueType::Timestamp.accepts(good), "{good}");
        }
        for bad in [
            "2021-04-28",
            "2021-04-28T12:01:06",
            "2021-04-28 12:01:06Z",
            "2021-4-28T12:01:06Z",
            "2021-02-30T12:01:06Z",
            "2021-04-28T25:01:06Z",
            "2021-04-28T12:01:06.Z",
            "2021-04-28T12:01:06+02:00",
            "2021-04-28T12:01:06.1234567890Z",
            "2021-04-28\u{e9}12:01:06Z",
        ] {
            assert!(!ValueType::Timestamp.accepts(bad), "{bad}");
        }
    }

    #[test]
    fn enumerated_values() {
        assert!(ValueType::DetectionType.accepts("Information"));
        assert!(!ValueType::DetectionType.accepts("Info"));
        assert!(ValueType::DetectionStatus.accepts("Re-Opened"));
        assert!(!ValueType::DetectionStatus.accepts("Reopened"));
        assert!(ValueType::AssetStatus.accepts("Ready for Re-enrollment"));
        assert!(!ValueType::AssetStatus.accepts("enrolled"));
    }

    #[test]
    fn address_values() {
        assert!(ValueType::Ipv4.accepts("192.0.2.10"));
        assert!(!ValueType::Ipv4.accepts("192.0.2"));
        assert!(ValueType::Ipv6.accepts("2001:db8::1"));
        assert!(!ValueType::Ipv6.accepts("2001:db8::g"));
    }

    #[test]
    fn expected_text_names_values() {
        assert_eq!(
            ValueType::DetectionStatus.to_string(),
            "one of New, Active, Fixed, Re-Opened"
        );
    }
}
