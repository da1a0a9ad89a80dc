//! Detection severity.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A detection's `SEVERITY`, a level from 1 (minimal) to 5 (urgent).
///
/// # Example
///
/// ```
/// use qualys_sem::Severity;
///
/// assert_eq!(Severity::new(5).map(Severity::get), Some(5));
/// assert!(Severity::new(0).is_none());
/// assert!(Severity::new(6).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Severity(u8);

impl Severity {
    /// The lowest level.
    pub const MIN: Severity = Severity(1);
    /// The highest level.
    pub const MAX: Severity = Severity(5);

    /// Returns the severity for a level from 1 to 5, or `None` outside that range.
    pub const fn new(level: u8) -> Option<Severity> {
        if level >= 1 && level <= 5 {
            Some(Severity(level))
        } else {
            None
        }
    }

    /// Returns the level, from 1 to 5.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let level = u8::deserialize(deserializer)?;
        Severity::new(level).ok_or_else(|| {
            serde::de::Error::custom(format_args!("invalid severity {level}, expected 1 to 5"))
        })
    }
}
