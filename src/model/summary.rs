use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Detection, Warning};
use crate::value::timestamp::optional_rfc3339;

/// Counts over one page of an export, as `qualys-sem summary` prints them.
///
/// Feed it the page's events in order with [`Summary::add`](crate::Summary::add); it keeps
/// only counters, so a page of any size takes constant memory. An asset and its detections
/// count once the asset is complete ([`Event::AssetEnd`](crate::Event::AssetEnd)), so an
/// asset that fails on a bad value counts nowhere, as with [`Assets`](crate::Assets).
///
/// In JSON, `datetime`, `warning` and `next_id_min` are `null` when absent, and `by_severity`
/// always has the keys `"1"` to `"5"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The `DATETIME` of the `RESPONSE`.
    #[serde(with = "optional_rfc3339")]
    pub datetime: Option<DateTime<Utc>>,
    /// The number of assets.
    pub assets: u64,
    /// The number of detections.
    pub detections: u64,
    /// Detections by `SEVERITY`, keyed `"1"` to `"5"`.
    pub by_severity: BTreeMap<String, u64>,
    /// Detections by `STATUS` text.
    pub by_status: BTreeMap<String, u64>,
    /// Detections by `TYPE` text.
    pub by_type: BTreeMap<String, u64>,
    /// The page's `WARNING`, set when the page was cut.
    pub warning: Option<Warning<'static>>,
    /// The `id_min` of the next page, from the warning's URL.
    pub next_id_min: Option<u64>,
    /// Detections of the asset being read, counted in once the asset is complete.
    #[serde(skip)]
    pub(crate) pending: Option<Box<Summary>>,
}

impl Default for Summary {
    fn default() -> Self {
        Summary {
            datetime: None,
            assets: 0,
            detections: 0,
            by_severity: (1..=5).map(|level| (level.to_string(), 0)).collect(),
            by_status: BTreeMap::new(),
            by_type: BTreeMap::new(),
            warning: None,
            next_id_min: None,
            pending: None,
        }
    }
}

impl Summary {
    /// Counts one detection.
    pub fn add_detection(&mut self, detection: &Detection<'_>) {
        self.detections += 1;
        if let Some(severity) = detection.severity {
            *self.by_severity.entry(severity.to_string()).or_default() += 1;
        }
        if let Some(status) = &detection.status {
            *self.by_status.entry(status.to_string()).or_default() += 1;
        }
        if let Some(detection_type) = &detection.detection_type {
            *self.by_type.entry(detection_type.to_string()).or_default() += 1;
        }
    }

    /// Starts counting an asset, dropping the one in progress, which did not complete.
    pub(crate) fn start_asset(&mut self) {
        self.pending = Some(Box::default());
    }

    /// Counts a detection of the asset in progress.
    pub(crate) fn add_pending_detection(&mut self, detection: &Detection<'_>) {
        match &mut self.pending {
            Some(pending) => pending.add_detection(detection),
            None => self.add_detection(detection),
        }
    }

    /// Counts the asset in progress, with its detections.
    pub(crate) fn finish_asset(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        self.assets += 1;
        self.detections += pending.detections;
        let counts = [
            (&mut self.by_severity, pending.by_severity),
            (&mut self.by_status, pending.by_status),
            (&mut self.by_type, pending.by_type),
        ];
        for (total, part) in counts {
            for (key, count) in part {
                *total.entry(key).or_default() += count;
            }
        }
    }

    /// Records the page's warning and the next page's `id_min`.
    pub fn set_warning(&mut self, warning: Warning<'_>) {
        self.next_id_min = warning.next_id_min();
        self.warning = Some(warning.into_owned());
    }
}
