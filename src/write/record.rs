//! Rendering of the records of an export (asset fields, detections, tags, unknown elements,
//! the request echo and the warning) into a byte buffer.

use std::collections::HashSet;
use std::io::Write as _;

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::error::WriteError;
use super::escape::{find_invalid_char, is_xml_name, push_attribute_value, push_cdata, push_text};
use super::path::{Path, Segment};
use crate::model::{AssetHeader, Detection, Extra, Request, Tag, Warning};

/// Two spaces per level of nesting, as in the exports.
pub(crate) fn push_indent(buffer: &mut Vec<u8>, depth: usize) {
    buffer.push(b'\n');
    buffer.resize(buffer.len() + 2 * depth, b' ');
}

pub(crate) fn push_start(buffer: &mut Vec<u8>, depth: usize, name: &str) {
    push_indent(buffer, depth);
    buffer.push(b'<');
    buffer.extend_from_slice(name.as_bytes());
    buffer.push(b'>');
}

pub(crate) fn push_end(buffer: &mut Vec<u8>, depth: usize, name: &str) {
    push_indent(buffer, depth);
    push_end_tag(buffer, name);
}

fn push_end_tag(buffer: &mut Vec<u8>, name: &str) {
    buffer.extend_from_slice(b"</");
    buffer.extend_from_slice(name.as_bytes());
    buffer.push(b'>');
}

/// Fails when `value` contains a character that XML 1.0 cannot carry.
pub(crate) fn check_chars(value: &str, path: &Path<'_>) -> Result<(), WriteError> {
    match find_invalid_char(value) {
        None => Ok(()),
        Some((offset, character)) => Err(WriteError::InvalidCharacter {
            field: path.to_string(),
            character,
            offset,
        }),
    }
}

/// Writes `<NAME>value</NAME>` with the value escaped; an absent or empty value writes
/// nothing, since an empty element reads back as absent.
pub(crate) fn push_text_field(
    buffer: &mut Vec<u8>,
    depth: usize,
    name: &str,
    value: Option<&str>,
    parent: &Path<'_>,
) -> Result<(), WriteError> {
    push_field_with(buffer, depth, name, value, parent, push_text)
}

/// Writes `<NAME><![CDATA[value]]></NAME>`; an absent or empty value writes nothing.
pub(crate) fn push_cdata_field(
    buffer: &mut Vec<u8>,
    depth: usize,
    name: &str,
    value: Option<&str>,
    parent: &Path<'_>,
) -> Result<(), WriteError> {
    push_field_with(buffer, depth, name, value, parent, push_cdata)
}

/// Writes a field whose value `push_value` writes, after checking its characters.
fn push_field_with(
    buffer: &mut Vec<u8>,
    depth: usize,
    name: &str,
    value: Option<&str>,
    parent: &Path<'_>,
    push_value: fn(&mut Vec<u8>, &str),
) -> Result<(), WriteError> {
    let Some(value) = value.filter(|value| !value.is_empty()) else {
        return Ok(());
    };
    check_chars(value, &parent.child(name))?;
    push_start(buffer, depth, name);
    push_value(buffer, value);
    push_end_tag(buffer, name);
    Ok(())
}

pub(crate) fn push_number_field(
    buffer: &mut Vec<u8>,
    depth: usize,
    name: &str,
    value: Option<u64>,
) {
    let Some(value) = value else { return };
    push_start(buffer, depth, name);
    write!(buffer, "{value}").expect("writing to a Vec cannot fail");
    push_end_tag(buffer, name);
}

/// Writes a timestamp as `2021-04-28T12:01:06Z`, with a fraction of 3, 6 or 9 digits when
/// it is not zero.
pub(crate) fn push_timestamp_field(
    buffer: &mut Vec<u8>,
    depth: usize,
    name: &str,
    value: Option<DateTime<Utc>>,
    parent: &Path<'_>,
) -> Result<(), WriteError> {
    let Some(value) = value else { return Ok(()) };
    let nanos = value.nanosecond();
    // The parser reads exactly four digits of year, and chrono keeps a leap second as a
    // nanosecond count past one second, which no `SS` field can show.
    if !(0..=9999).contains(&value.year()) || nanos >= 1_000_000_000 {
        return Err(WriteError::InvalidTimestamp {
            field: parent.child(name).to_string(),
            value: value.to_rfc3339(),
        });
    }

    push_start(buffer, depth, name);
    write!(
        buffer,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        value.year(),
        value.month(),
        value.day(),
        value.hour(),
        value.minute(),
        value.second()
    )
    .expect("writing to a Vec cannot fail");
    if nanos % 1_000_000_000 != 0 {
        if nanos % 1_000_000 == 0 {
            write!(buffer, ".{:03}", nanos / 1_000_000)
        } else if nanos % 1_000 == 0 {
            write!(buffer, ".{:06}", nanos / 1_000)
        } else {
            write!(buffer, ".{nanos:09}")
        }
        .expect("writing to a Vec cannot fail");
    }
    buffer.push(b'Z');
    push_end_tag(buffer, name);
    Ok(())
}

/// Writes the fields of an asset, from `ID` (unless `with_id` is false, for the fields that
/// follow a `DETECTION_LIST`) to its unknown elements.
pub(crate) fn push_asset_fields(
    buffer: &mut Vec<u8>,
    depth: usize,
    header: &AssetHeader<'_>,
    with_id: bool,
    path: &Path<'_>,
) -> Result<(), WriteError> {
    if with_id {
        push_number_field(buffer, depth, "ID", Some(header.id));
    }
    push_number_field(buffer, depth, "ASSET_ID", header.asset_id);
    push_text_field(buffer, depth, "IP", header.ip.as_deref(), path)?;
    push_text_field(buffer, depth, "IPV6", header.ipv6.as_deref(), path)?;
    push_text_field(
        buffer,
        depth,
        "ASSET_FRIENDLY_NAME",
        header.asset_friendly_name.as_deref(),
        path,
    )?;
    push_text_field(buffer, depth, "OS", header.os.as_deref(), path)?;
    push_text_field(
        buffer,
        depth,
        "OS_VERSION",
        header.os_version.as_deref(),
        path,
    )?;
    let status = header.asset_status.as_ref().map(|status| status.as_str());
    push_text_field(buffer, depth, "ASSET_STATUS", status, path)?;
    push_timestamp_field(buffer, depth, "LAST_SEEN", header.last_seen, path)?;
    push_text_field(
        buffer,
        depth,
        "OWNERSHIP",
        header.ownership.as_deref(),
        path,
    )?;
    push_text_field(
        buffer,
        depth,
        "MODEL_NAME",
        header.model_name.as_deref(),
        path,
    )?;
    push_text_field(
        buffer,
        depth,
        "MANUFACTURER",
        header.manufacturer.as_deref(),
        path,
    )?;
    push_text_field(buffer, depth, "USERNAME", header.username.as_deref(), path)?;

    // A tag with nothing to write reads back as absent, so it is left out, and so is a
    // `TAGS` with no other tag.
    let has_content = |tag: &Tag<'_>| {
        tag.id.is_some()
            || tag.name.as_deref().is_some_and(|name| !name.is_empty())
            || !tag.extra.is_empty()
    };
    if header.tags.iter().any(has_content) {
        let tags_path = path.child("TAGS");
        push_start(buffer, depth, "TAGS");
        for (index, tag) in header.tags.iter().enumerate() {
            if !has_content(tag) {
                continue;
            }
            push_tag(
                buffer,
                depth + 1,
                tag,
                &tags_path.join(Segment::Tag(index + 1)),
            )?;
        }
        push_end(buffer, depth, "TAGS");
    }
    for extra in &header.extra {
        push_extra(buffer, depth, extra, path)?;
    }
    Ok(())
}

/// Writes a `TAG` that has an ID, a name or an unknown element.
fn push_tag(
    buffer: &mut Vec<u8>,
    depth: usize,
    tag: &Tag<'_>,
    path: &Path<'_>,
) -> Result<(), WriteError> {
    push_start(buffer, depth, "TAG");
    push_number_field(buffer, depth + 1, "TAG_ID", tag.id);
    push_text_field(buffer, depth + 1, "NAME", tag.name.as_deref(), path)?;
    for extra in &tag.extra {
        push_extra(buffer, depth + 1, extra, path)?;
    }
    push_end(buffer, depth, "TAG");
    Ok(())
}

/// Writes a whole `DETECTION`.
pub(crate) fn push_detection(
    buffer: &mut Vec<u8>,
    depth: usize,
    detection: &Detection<'_>,
    path: &Path<'_>,
) -> Result<(), WriteError> {
    let path = path.join(Segment::Detection(detection.qid));
    let inner = depth + 1;
    push_start(buffer, depth, "DETECTION");
    push_number_field(buffer, inner, "QID", Some(detection.qid));
    let detection_type = detection
        .detection_type
        .as_ref()
        .map(|value| value.as_str());
    push_text_field(buffer, inner, "TYPE", detection_type, &path)?;
    let severity = detection.severity.map(|severity| u64::from(severity.get()));
    push_number_field(buffer, inner, "SEVERITY", severity);
    push_cdata_field(
        buffer,
        inner,
        "RESULTS",
        detection.results.as_deref(),
        &path,
    )?;
    let status = detection.status.as_ref().map(|value| value.as_str());
    push_text_field(buffer, inner, "STATUS", status, &path)?;
    push_timestamp_field(
        buffer,
        inner,
        "FIRST_FOUND_DATETIME",
        detection.first_found_datetime,
        &path,
    )?;
    push_timestamp_field(
        buffer,
        inner,
        "LAST_FOUND_DATETIME",
        detection.last_found_datetime,
        &path,
    )?;
    push_number_field(buffer, inner, "TIMES_FOUND", detection.times_found);
    push_timestamp_field(
        buffer,
        inner,
        "LAST_UPDATE_DATETIME",
        detection.last_update_datetime,
        &path,
    )?;
    push_timestamp_field(
        buffer,
        inner,
        "LAST_FIXED_DATETIME",
        detection.last_fixed_datetime,
        &path,
    )?;
    push_timestamp_field(
        buffer,
        inner,
        "FIRST_REOPENED_DATETIME",
        detection.first_reopened_datetime,
        &path,
    )?;
    push_timestamp_field(
        buffer,
        inner,
        "LAST_REOPENED_DATETIME",
        detection.last_reopened_datetime,
        &path,
    )?;
    push_number_field(buffer, inner, "TIMES_REOPENED", detection.times_reopened);
    for extra in &detection.extra {
        push_extra(buffer, inner, extra, &path)?;
    }
    push_end(buffer, depth, "DETECTION");
    Ok(())
}

/// Writes the `REQUEST` echo.
pub(crate) fn push_request(
    buffer: &mut Vec<u8>,
    depth: usize,
    request: &Request<'_>,
) -> Result<(), WriteError> {
    let path = Path::root(Segment::Name("REQUEST"));
    let inner = depth + 1;
    push_start(buffer, depth, "REQUEST");
    push_timestamp_field(buffer, inner, "DATETIME", request.datetime, &path)?;
    push_text_field(
        buffer,
        inner,
        "USER_LOGIN",
        request.user_login.as_deref(),
        &path,
    )?;
    push_text_field(
        buffer,
        inner,
        "RESOURCE",
        request.resource.as_deref(),
        &path,
    )?;
    if !request.params.is_empty() {
        let list_path = path.child("PARAM_LIST");
        push_start(buffer, inner, "PARAM_LIST");
        for param in &request.params {
            let param_path = list_path.child("PARAM");
            push_start(buffer, inner + 1, "PARAM");
            // An empty KEY or VALUE reads back as an empty string, so both are always written.
            for (name, value) in [("KEY", &param.key), ("VALUE", &param.value)] {
                check_chars(value, &param_path.child(name))?;
                push_start(buffer, inner + 2, name);
                push_text(buffer, value);
                push_end_tag(buffer, name);
            }
            push_end(buffer, inner + 1, "PARAM");
        }
        push_end(buffer, inner, "PARAM_LIST");
    }
    push_text_field(
        buffer,
        inner,
        "POST_DATA",
        request.post_data.as_deref(),
        &path,
    )?;
    push_end(buffer, depth, "REQUEST");
    Ok(())
}

/// Writes the `WARNING`, with its URL as CDATA.
pub(crate) fn push_warning(
    buffer: &mut Vec<u8>,
    depth: usize,
    warning: &Warning<'_>,
) -> Result<(), WriteError> {
    let path = Path::root(Segment::Name("WARNING"));
    let inner = depth + 1;
    push_start(buffer, depth, "WARNING");
    push_number_field(buffer, inner, "CODE", warning.code);
    push_text_field(buffer, inner, "TEXT", warning.text.as_deref(), &path)?;
    push_cdata_field(buffer, inner, "URL", warning.url.as_deref(), &path)?;
    push_end(buffer, depth, "WARNING");
    Ok(())
}

/// Writes an unknown element back as it was read: attributes, then its text right after the
/// start tag, then its children, one per line.
///
/// Walks the tree with an explicit stack, so that a deep tree costs heap and not call stack.
pub(crate) fn push_extra(
    buffer: &mut Vec<u8>,
    depth: usize,
    extra: &Extra<'_>,
    parent: &Path<'_>,
) -> Result<(), WriteError> {
    let mut stack: Vec<(&Extra<'_>, usize)> = Vec::new();
    push_extra_start(buffer, depth, extra, false, parent, &stack)?;
    if extra.children.is_empty() {
        return Ok(());
    }
    stack.push((extra, 0));

    while let Some((element, next_child)) = stack.last_mut() {
        let element: &Extra<'_> = element;
        let Some(child) = element.children.get(*next_child) else {
            push_end(buffer, depth + stack.len() - 1, &element.name);
            stack.pop();
            continue;
        };
        *next_child += 1;

        // Layout whitespace between the element's text and its first child would join the
        // text, so that child starts on the same line.
        let is_inline =
            *next_child == 1 && element.text.as_deref().is_some_and(|text| !text.is_empty());
        let child_depth = depth + stack.len();
        push_extra_start(buffer, child_depth, child, is_inline, parent, &stack)?;
        if !child.children.is_empty() {
            stack.push((child, 0));
        }
    }
    Ok(())
}

/// Writes an unknown element's start tag and text, on a new line unless `is_inline`; an
/// element with neither text nor children is written whole, as `<NAME/>`.
fn push_extra_start(
    buffer: &mut Vec<u8>,
    depth: usize,
    extra: &Extra<'_>,
    is_inline: bool,
    parent: &Path<'_>,
    open: &[(&Extra<'_>, usize)],
) -> Result<(), WriteError> {
    let field = || extra_path(parent, open, &extra.name);
    if !is_xml_name(&extra.name) {
        return Err(WriteError::InvalidName {
            field: field(),
            name: extra.name.to_string(),
        });
    }

    if !is_inline {
        push_indent(buffer, depth);
    }
    buffer.push(b'<');
    buffer.extend_from_slice(extra.name.as_bytes());
    let mut names = HashSet::new();
    for attribute in &extra.attributes {
        if !is_xml_name(&attribute.name) {
            return Err(WriteError::InvalidName {
                field: field(),
                name: attribute.name.to_string(),
            });
        }
        if !names.insert(&*attribute.name) {
            return Err(WriteError::DuplicateAttribute {
                field: field(),
                name: attribute.name.to_string(),
            });
        }
        if let Some((offset, character)) = find_invalid_char(&attribute.value) {
            let field = format!("{}/@{}", field(), attribute.name);
            return Err(WriteError::InvalidCharacter {
                field,
                character,
                offset,
            });
        }
        buffer.push(b' ');
        buffer.extend_from_slice(attribute.name.as_bytes());
        buffer.extend_from_slice(b"=\"");
        push_attribute_value(buffer, &attribute.value);
        buffer.push(b'"');
    }

    let text = extra.text.as_deref().filter(|text| !text.is_empty());
    if text.is_none() && extra.children.is_empty() {
        buffer.extend_from_slice(b"/>");
        return Ok(());
    }
    buffer.push(b'>');
    if let Some(text) = text {
        if let Some((offset, character)) = find_invalid_char(text) {
            return Err(WriteError::InvalidCharacter {
                field: field(),
                character,
                offset,
            });
        }
        push_text(buffer, text);
    }
    if extra.children.is_empty() {
        push_end_tag(buffer, &extra.name);
    }
    Ok(())
}

/// Renders the path of an unknown element for an error message.
fn extra_path(parent: &Path<'_>, open: &[(&Extra<'_>, usize)], name: &str) -> String {
    let mut path = parent.to_string();
    for (element, _) in open {
        path.push('/');
        path.push_str(&element.name);
    }
    path.push('/');
    path.push_str(name);
    path
}
