//! The fields of a `DETECTION`.

use super::cursor::{Cursor, Fault, fault};
use super::extra::{read_extra, text_element};
use super::fields::Seen;
use super::member::{Member, next_member};
use crate::error::ErrorKind;
use crate::model::Detection;
use crate::value::{DetectionStatus, DetectionType};

/// Reads a `DETECTION` whose start tag the cursor has just read. `depth` is the number of
/// elements open around it.
pub(crate) fn read_detection<'w>(
    cursor: &mut Cursor<'w>,
    depth: u32,
) -> Result<Detection<'w>, Fault> {
    let start = cursor.event_start();
    let mut detection = Detection::default();
    let mut qid = None;
    let result = read_fields(cursor, depth, &mut detection, &mut qid);

    let segment = || match qid {
        Some(qid) => format!("DETECTION[qid={qid}]"),
        None => "DETECTION".to_owned(),
    };
    result.map_err(|error| error.within(segment))?;

    let Some(qid) = qid else {
        let missing = ErrorKind::MissingElement {
            element: "QID",
            parent: "DETECTION",
        };
        return Err(fault(missing, start, "DETECTION".to_owned()));
    };
    detection.qid = qid;
    Ok(detection)
}

fn read_fields<'w>(
    cursor: &mut Cursor<'w>,
    depth: u32,
    detection: &mut Detection<'w>,
    qid: &mut Option<u64>,
) -> Result<(), Fault> {
    let mut seen = Seen::default();
    loop {
        let (field, text) = match next_member(cursor, "DETECTION", is_field)? {
            Member::End => return Ok(()),
            Member::Field(field, text) => (field, text),
            Member::Element { start, is_empty } => {
                let extra = read_extra(cursor, &start, is_empty, depth + 1)?;
                detection.extra.push(extra);
                continue;
            }
        };
        let Some(bit) = field_number(field.name) else {
            detection.extra.push(text_element(field.name, text));
            continue;
        };
        if seen.repeat(bit) {
            detection.extra.push(text_element(field.name, text));
            continue;
        }
        match bit {
            0 => *qid = field.unsigned(text)?,
            1 => detection.detection_type = text.map(DetectionType::from_text),
            2 => detection.severity = field.severity(text)?,
            3 => detection.results = text,
            4 => detection.status = text.map(DetectionStatus::from_text),
            5 => detection.first_found_datetime = field.timestamp(text)?,
            6 => detection.last_found_datetime = field.timestamp(text)?,
            7 => detection.times_found = field.unsigned(text)?,
            8 => detection.last_update_datetime = field.timestamp(text)?,
            9 => detection.last_fixed_datetime = field.timestamp(text)?,
            10 => detection.first_reopened_datetime = field.timestamp(text)?,
            11 => detection.last_reopened_datetime = field.timestamp(text)?,
            _ => detection.times_reopened = field.unsigned(text)?,
        }
    }
}

fn is_field(name: &str) -> bool {
    field_number(name).is_some()
}

/// Numbers the modelled fields of a detection, for dispatch and repeat detection.
fn field_number(name: &str) -> Option<u32> {
    Some(match name {
        "QID" => 0,
        "TYPE" => 1,
        "SEVERITY" => 2,
        "RESULTS" => 3,
        "STATUS" => 4,
        "FIRST_FOUND_DATETIME" => 5,
        "LAST_FOUND_DATETIME" => 6,
        "TIMES_FOUND" => 7,
        "LAST_UPDATE_DATETIME" => 8,
        "LAST_FIXED_DATETIME" => 9,
        "FIRST_REOPENED_DATETIME" => 10,
        "LAST_REOPENED_DATETIME" => 11,
        "TIMES_REOPENED" => 12,
        _ => return None,
    })
}
