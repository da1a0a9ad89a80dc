//! The fields of an `ASSET`, and its `TAGS`.

use super::cursor::{Cursor, Fault};
use super::extra::{read_extra, text_element};
use super::fields::Seen;
use super::member::{Member, next_member};
use crate::model::{AssetHeader, Tag};
use crate::value::AssetStatus;

/// The element at which the asset's fields stopped.
pub(crate) enum FieldsEnd {
    /// At a `DETECTION_LIST` start tag; `is_empty` for `<DETECTION_LIST/>`.
    DetectionList { is_empty: bool },
    /// At the `ASSET`'s end tag.
    AssetEnd,
}

/// Reads the asset's fields up to its `DETECTION_LIST` or its end, into `header`.
///
/// `seen` carries the fields read before, so that a field that follows the `DETECTION_LIST`
/// after appearing before it goes to `extra` and overwrites nothing. `depth` is the number
/// of elements open around the asset's children.
pub(crate) fn read_asset_fields<'w>(
    cursor: &mut Cursor<'w>,
    depth: u32,
    header: &mut AssetHeader<'w>,
    seen: &mut Seen,
) -> Result<FieldsEnd, Fault> {
    loop {
        let (field, text) = match next_member(cursor, "ASSET", is_scalar_field)? {
            Member::End => return Ok(FieldsEnd::AssetEnd),
            Member::Field(field, text) => (field, text),
            Member::Element { start, is_empty } => {
                match cursor.element_name(&start) {
                    "DETECTION_LIST" => return Ok(FieldsEnd::DetectionList { is_empty }),
                    "TAGS" if !is_empty => read_tags(cursor, depth + 1, header)
                        .map_err(|error| error.within(|| "TAGS".to_owned()))?,
                    "TAGS" => {}
                    _ => header
                        .extra
                        .push(read_extra(cursor, &start, is_empty, depth)?),
                }
                continue;
            }
        };
        // Containers with nothing inside come whole, as fields without text.
        match field.name {
            "DETECTION_LIST" => return Ok(FieldsEnd::DetectionList { is_empty: true }),
            "TAGS" => continue,
            _ => {}
        }
        let Some(bit) = field_number(field.name) else {
            header.extra.push(text_element(field.name, text));
            continue;
        };

        if seen.repeat(bit) {
            header.extra.push(text_element(field.name, text));
            continue;
        }
        match bit {
            0 => match field.unsigned(text) {
                Ok(Some(id)) => header.id = id,
                // An empty or invalid ID leaves the asset without one, for the error path too.
                other => {
                    seen.forget(ID_BIT);
                    other?;
                }
            },
            1 => header.asset_id = field.unsigned(text)?,
            2 => header.ip = text,
            3 => header.ipv6 = text,
            4 => header.asset_friendly_name = text,
            5 => header.os = text,
            6 => header.os_version = text,
            7 => header.asset_status = text.map(AssetStatus::from_text),
            8 => header.last_seen = field.timestamp(text)?,
            9 => header.ownership = text,
            10 => header.model_name = text,
            11 => header.manufacturer = text,
            _ => header.username = text,
        }
    }
}

/// Bit of `ID` in [`Seen`], to tell whether an asset has its ID.
pub(crate) const ID_BIT: u32 = 0;

fn is_scalar_field(name: &str) -> bool {
    field_number(name).is_some()
}

/// Numbers the modelled scalar fields of an asset, for dispatch and repeat detection.
fn field_number(name: &str) -> Option<u32> {
    Some(match name {
        "ID" => ID_BIT,
        "ASSET_ID" => 1,
        "IP" => 2,
        "IPV6" => 3,
        "ASSET_FRIENDLY_NAME" => 4,
        "OS" => 5,
        "OS_VERSION" => 6,
        "ASSET_STATUS" => 7,
        "LAST_SEEN" => 8,
        "OWNERSHIP" => 9,
        "MODEL_NAME" => 10,
        "MANUFACTURER" => 11,
        "USERNAME" => 12,
        _ => return None,
    })
}

/// Reads the `TAG`s of `TAGS` into the header. Any other child of `TAGS` is kept in the
/// header's `extra`.
fn read_tags<'w>(
    cursor: &mut Cursor<'w>,
    depth: u32,
    header: &mut AssetHeader<'w>,
) -> Result<(), Fault> {
    loop {
        match next_member(cursor, "TAGS", |_| false)? {
            Member::End => return Ok(()),
            // An empty `TAG` has nothing to keep.
            Member::Field(field, _) if field.name == "TAG" => {}
            Member::Field(field, text) => header.extra.push(text_element(field.name, text)),
            Member::Element { start, is_empty } => {
                if cursor.element_name(&start) != "TAG" {
                    header
                        .extra
                        .push(read_extra(cursor, &start, is_empty, depth)?);
                    continue;
                }
                let position = header.tags.len() + 1;
                let tag = read_tag(cursor, depth + 1)
                    .map_err(|error| error.within(|| format!("TAG[{position}]")))?;
                header.tags.push(tag);
            }
        }
    }
}

fn read_tag<'w>(cursor: &mut Cursor<'w>, depth: u32) -> Result<Tag<'w>, Fault> {
    let mut tag = Tag::default();
    let mut seen = Seen::default();
    loop {
        let (field, text) =
            match next_member(cursor, "TAG", |name| matches!(name, "TAG_ID" | "NAME"))? {
                Member::End => return Ok(tag),
                Member::Field(field, text) => (field, text),
                Member::Element { start, is_empty } => {
                    tag.extra.push(read_extra(cursor, &start, is_empty, depth)?);
                    continue;
                }
            };
        let bit = match field.name {
            "TAG_ID" => 0,
            "NAME" => 1,
            _ => {
                tag.extra.push(text_element(field.name, text));
                continue;
            }
        };
        if seen.repeat(bit) {
            tag.extra.push(text_element(field.name, text));
        } else if bit == 0 {
            tag.id = field.unsigned(text)?;
        } else {
            tag.name = text;
        }
    }
}
