//! The flat columns of `detections --format csv`.

use chrono::{DateTime, SecondsFormat, Utc};
use qualys_sem::{AssetHeader, Detection};

use crate::report::Failure;

/// The header row. Asset columns come first; `tags`, `asset_extra` and `detection_extra`
/// hold JSON arrays, so that nothing is lost in the flat form.
pub const HEADER: [&str; 29] = [
    "id",
    "asset_id",
    "ip",
    "ipv6",
    "asset_friendly_name",
    "os",
    "os_version",
    "asset_status",
    "last_seen",
    "ownership",
    "model_name",
    "manufacturer",
    "username",
    "tags",
    "asset_extra",
    "qid",
    "type",
    "severity",
    "results",
    "status",
    "first_found_datetime",
    "last_found_datetime",
    "times_found",
    "last_update_datetime",
    "last_fixed_datetime",
    "first_reopened_datetime",
    "last_reopened_datetime",
    "times_reopened",
    "detection_extra",
];

/// Fills `row` with the columns of one detection, reusing its strings.
pub fn fill(
    row: &mut Vec<String>,
    asset: &AssetHeader<'_>,
    detection: &Detection<'_>,
) -> Result<(), Failure> {
    row.clear();
    row.push(asset.id.to_string());
    row.push(number(asset.asset_id));
    row.push(text(asset.ip.as_deref()));
    row.push(text(asset.ipv6.as_deref()));
    row.push(text(asset.asset_friendly_name.as_deref()));
    row.push(text(asset.os.as_deref()));
    row.push(text(asset.os_version.as_deref()));
    row.push(text(
        asset.asset_status.as_ref().map(|status| status.as_str()),
    ));
    row.push(time(asset.last_seen));
    row.push(text(asset.ownership.as_deref()));
    row.push(text(asset.model_name.as_deref()));
    row.push(text(asset.manufacturer.as_deref()));
    row.push(text(asset.username.as_deref()));
    row.push(json_list(&asset.tags)?);
    row.push(json_list(&asset.extra)?);

    row.push(detection.qid.to_string());
    row.push(text(
        detection.detection_type.as_ref().map(|kind| kind.as_str()),
    ));
    row.push(number(
        detection.severity.map(|severity| u64::from(severity.get())),
    ));
    row.push(text(detection.results.as_deref()));
    row.push(text(
        detection.status.as_ref().map(|status| status.as_str()),
    ));
    row.push(time(detection.first_found_datetime));
    row.push(time(detection.last_found_datetime));
    row.push(number(detection.times_found));
    row.push(time(detection.last_update_datetime));
    row.push(time(detection.last_fixed_datetime));
    row.push(time(detection.first_reopened_datetime));
    row.push(time(detection.last_reopened_datetime));
    row.push(number(detection.times_reopened));
    row.push(json_list(&detection.extra)?);
    Ok(())
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

fn number(value: Option<u64>) -> String {
    value.map(|number| number.to_string()).unwrap_or_default()
}

/// Formats a timestamp as the JSON output does: RFC 3339 in UTC with `Z`.
fn time(value: Option<DateTime<Utc>>) -> String {
    value
        .map(|time| time.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        .unwrap_or_default()
}

/// Encodes a list as a JSON array, or an empty column when it is empty.
fn json_list<T: serde::Serialize>(items: &[T]) -> Result<String, Failure> {
    if items.is_empty() {
        return Ok(String::new());
    }
    Ok(serde_json::to_string(items)?)
}
