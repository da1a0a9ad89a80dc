use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::extra::{Extra, owned_extras};
use crate::value::timestamp::optional_rfc3339;
use crate::value::{DetectionStatus, DetectionType, Severity};

/// One `DETECTION`: a vulnerability or an information item found on an asset.
///
/// Every field but `qid` is optional, because the query parameters (`show_results`,
/// `show_reopened_info`) and the detection's history decide which elements appear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detection<'a> {
    /// `QID`, the Qualys vulnerability ID.
    pub qid: u64,
    /// `TYPE`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub detection_type: Option<DetectionType<'a>>,
    /// `SEVERITY`, 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// `RESULTS`, byte for byte as sent. Qualys HTML-escapes this text before wrapping it in
    /// CDATA; [`unescape_html`](crate::unescape_html) undoes that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<Cow<'a, str>>,
    /// `STATUS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DetectionStatus<'a>>,
    /// `FIRST_FOUND_DATETIME`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub first_found_datetime: Option<DateTime<Utc>>,
    /// `LAST_FOUND_DATETIME`. Real exports may have it earlier than the first, so the parser
    /// does not check their order.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub last_found_datetime: Option<DateTime<Utc>>,
    /// `TIMES_FOUND`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_found: Option<u64>,
    /// `LAST_UPDATE_DATETIME`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub last_update_datetime: Option<DateTime<Utc>>,
    /// `LAST_FIXED_DATETIME`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub last_fixed_datetime: Option<DateTime<Utc>>,
    /// `FIRST_REOPENED_DATETIME` (with `show_reopened_info=1`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub first_reopened_datetime: Option<DateTime<Utc>>,
    /// `LAST_REOPENED_DATETIME` (with `show_reopened_info=1`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub last_reopened_datetime: Option<DateTime<Utc>>,
    /// `TIMES_REOPENED` (with `show_reopened_info=1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_reopened: Option<u64>,
    /// Child elements this crate does not model, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra<'a>>,
}

impl Detection<'_> {
    /// Converts into a detection that owns its text.
    pub fn into_owned(self) -> Detection<'static> {
        Detection {
            qid: self.qid,
            detection_type: self.detection_type.map(DetectionType::into_owned),
            severity: self.severity,
            results: super::owned_text(self.results),
            status: self.status.map(DetectionStatus::into_owned),
            first_found_datetime: self.first_found_datetime,
            last_found_datetime: self.last_found_datetime,
            times_found: self.times_found,
            last_update_datetime: self.last_update_datetime,
            last_fixed_datetime: self.last_fixed_datetime,
            first_reopened_datetime: self.first_reopened_datetime,
            last_reopened_datetime: self.last_reopened_datetime,
            times_reopened: self.times_reopened,
            extra: owned_extras(self.extra),
        }
    }
}
