//! Detections and their RESULTS text.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{DateTime, TimeDelta, Utc};

use super::Options;
use super::rng::Rng;
use crate::model::{Attribute, Detection, Extra};
use crate::value::{DetectionStatus, DetectionType, Severity};

/// Lines of RESULTS as Qualys writes them: tables with tabs, and text that Qualys has already
/// HTML-escaped (`&quot;`, `&lt;`, `&nbsp;`), next to raw `&`, `<` and a `]]>` that a CDATA
/// section cannot hold as is.
const RESULT_LINES: &[&str] = &[
    "iOS Device Details :",
    "Model : iPad (5th generation)",
    "Name\tVersion\tInstalled",
    "com.example.mail\t4.2.1\t2021-04-28",
    "Package &quot;com.example.vpn&quot; version 2.0 &lt; 2.3",
    "Kernel &amp; firmware checks &nbsp;passed",
    "Path: /data/app/com.example.notes-1/base.apk",
    "Configuration <key>AllowUntrustedTLS</key> = true",
    "Rule a[b[0]]>c matched",
    "Value & unit: 5 MB",
    "Certificate CN=host01.example, O=Example & Co",
    "  indented line with trailing spaces  ",
];

/// Generates the detections of one asset, in increasing QID order.
pub(crate) fn detections(
    rng: &mut Rng,
    options: &Options,
    now: DateTime<Utc>,
) -> Vec<Detection<'static>> {
    let count = if rng.chance(1, 20) {
        0
    } else {
        rng.between(1, 60)
    };
    let mut qid = rng.between(610_000, 610_200);
    let mut list = Vec::with_capacity(count as usize);
    for _ in 0..count {
        qid += rng.between(1, 400);
        list.push(detection(rng, options, qid, now));
    }
    list
}

fn detection(rng: &mut Rng, options: &Options, qid: u64, now: DateTime<Utc>) -> Detection<'static> {
    let detection_type = match rng.below(10) {
        0..=3 => DetectionType::Information,
        4..=7 => DetectionType::Confirmed,
        _ => DetectionType::Potential,
    };
    let severity = match detection_type {
        DetectionType::Information => rng.between(1, 2),
        _ => rng.between(1, 5),
    };
    let status = match rng.below(10) {
        0..=1 => DetectionStatus::New,
        2..=6 => DetectionStatus::Active,
        7..=8 => DetectionStatus::Fixed,
        _ => DetectionStatus::ReOpened,
    };

    let last_found = now - seconds(rng.below(30 * 86_400));
    let first_found = last_found - seconds(rng.below(365 * 86_400));
    let mut detection = Detection {
        qid,
        detection_type: Some(detection_type),
        severity: Severity::new(severity as u8),
        results: None,
        status: None,
        first_found_datetime: Some(first_found),
        last_found_datetime: Some(last_found),
        times_found: Some(rng.between(1, 500)),
        last_update_datetime: Some(last_found + seconds(rng.below(3_600))),
        ..Detection::default()
    };
    if options.show_results && !rng.chance(1, 10) {
        detection.results = Some(Cow::Owned(results(rng)));
    }
    if matches!(status, DetectionStatus::Fixed | DetectionStatus::ReOpened) {
        detection.last_fixed_datetime = Some(first_found + seconds(rng.below(86_400)));
    }
    if options.show_reopened_info && status == DetectionStatus::ReOpened {
        let first_reopened = first_found + seconds(86_400 + rng.below(86_400));
        detection.first_reopened_datetime = Some(first_reopened);
        detection.last_reopened_datetime = Some(first_reopened + seconds(rng.below(86_400)));
        detection.times_reopened = Some(rng.between(1, 5));
    }
    detection.status = Some(status);

    // An element this crate does not model, with an attribute.
    if rng.chance(1, 25) && options.unknown_elements {
        detection.extra.push(Extra {
            name: Cow::Borrowed("QDS"),
            attributes: vec![Attribute {
                name: Cow::Borrowed("severity"),
                value: Cow::Borrowed("MEDIUM"),
            }],
            text: Some(Cow::Owned(rng.between(1, 100).to_string())),
            children: Vec::new(),
        });
    }
    detection
}

/// Builds a RESULTS text: mostly a few lines, sometimes a few bytes, and rarely (one in
/// five thousand) one to three megabytes.
fn results(rng: &mut Rng) -> String {
    let target_bytes = match rng.below(5_000) {
        0 => rng.between(1 << 20, 3 << 20),
        1..=500 => return rng.between(0, 99_999).to_string(),
        501..=600 => rng.between(2_000, 20_000),
        _ => rng.between(20, 600),
    };
    let mut text = String::with_capacity(target_bytes as usize + 128);
    while (text.len() as u64) < target_bytes {
        if !text.is_empty() {
            text.push_str(if rng.chance(1, 10) { "\r\n" } else { "\n" });
        }
        let line: &&str = rng.pick(RESULT_LINES);
        text.push_str(line);
        if rng.chance(1, 4) {
            write!(text, "\t{}", rng.below(10_000)).expect("writing to a String cannot fail");
        }
    }
    text
}

fn seconds(count: u64) -> TimeDelta {
    TimeDelta::seconds(count as i64)
}
