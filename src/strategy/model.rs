//! Strategies for the records of an export.

use std::borrow::Cow;
use std::collections::BTreeMap;

use proptest::prelude::*;

use super::text::{optional_text, optional_timestamp, text, text_or_empty, trimmed_text};
use crate::model::{
    Asset, AssetHeader, Attribute, Detection, Extra, Param, Request, Summary, Tag, Warning,
};
use crate::value::{AssetStatus, DetectionStatus, DetectionType, Severity};
use crate::write::DocumentHead;

/// Generates text for an `Other` variant, never one of `known`.
fn other_text(known: &'static [&'static str]) -> impl Strategy<Value = Cow<'static, str>> {
    text().prop_filter("text that is not a known value", move |text| {
        !known.contains(&&**text)
    })
}

/// Generates a detection `TYPE`, known or not.
pub fn detection_type() -> impl Strategy<Value = DetectionType<'static>> {
    prop_oneof![
        Just(DetectionType::Confirmed),
        Just(DetectionType::Potential),
        Just(DetectionType::Information),
        other_text(&["Confirmed", "Potential", "Information"]).prop_map(DetectionType::Other),
    ]
}

/// Generates a detection `STATUS`, known or not.
pub fn detection_status() -> impl Strategy<Value = DetectionStatus<'static>> {
    prop_oneof![
        Just(DetectionStatus::New),
        Just(DetectionStatus::Active),
        Just(DetectionStatus::Fixed),
        Just(DetectionStatus::ReOpened),
        other_text(&["New", "Active", "Fixed", "Re-Opened"]).prop_map(DetectionStatus::Other),
    ]
}

/// Generates an `ASSET_STATUS`, known or not.
pub fn asset_status() -> impl Strategy<Value = AssetStatus<'static>> {
    prop_oneof![
        Just(AssetStatus::Enrolled),
        Just(AssetStatus::Deenrolled),
        Just(AssetStatus::ReadyForReenrollment),
        other_text(&["Enrolled", "Deenrolled", "Ready for Re-enrollment"])
            .prop_map(AssetStatus::Other),
    ]
}

/// Generates a severity from 1 to 5.
pub fn severity() -> impl Strategy<Value = Severity> {
    (1u8..=5).prop_map(|level| Severity::new(level).expect("a level from 1 to 5"))
}

/// Generates an element name that no modelled field uses.
fn extra_name() -> impl Strategy<Value = Cow<'static, str>> {
    prop_oneof![
        "X_[A-Z0-9_.-]{0,10}",
        "[a-z][a-zA-Z0-9_.-]{0,8}",
        "x:[a-z]{1,4}",
        "[a-zé][éü中a-z]{0,3}"
    ]
    .prop_map(Cow::Owned)
}

/// Generates an attribute of an unknown element. Its value may be empty.
pub fn attribute() -> impl Strategy<Value = Attribute<'static>> {
    ("[a-z_][a-z0-9_.-]{0,8}", text_or_empty()).prop_map(|(name, value)| Attribute {
        name: Cow::Owned(name),
        value,
    })
}

/// Generates attributes with distinct names.
fn attributes() -> impl Strategy<Value = Vec<Attribute<'static>>> {
    proptest::collection::btree_map("[a-z_][a-z0-9_.-]{0,8}", text_or_empty(), 0..3).prop_map(
        |map| {
            map.into_iter()
                .map(|(name, value)| Attribute {
                    name: Cow::Owned(name),
                    value,
                })
                .collect()
        },
    )
}

/// Generates an unknown element with attributes, text and up to three levels of children.
pub fn extra() -> impl Strategy<Value = Extra<'static>> {
    let leaf =
        (extra_name(), attributes(), optional_text()).prop_map(|(name, attributes, text)| Extra {
            name,
            attributes,
            text,
            children: Vec::new(),
        });
    leaf.prop_recursive(3, 12, 3, |inner| {
        (
            extra_name(),
            attributes(),
            optional_text(),
            proptest::collection::vec(inner, 0..3),
        )
            .prop_map(|(name, attributes, text, children)| Extra {
                name,
                attributes,
                text,
                children,
            })
    })
}

fn extras() -> impl Strategy<Value = Vec<Extra<'static>>> {
    proptest::collection::vec(extra(), 0..2)
}

/// Generates a `TAG` with at least an ID, a name or an unknown element, because an empty
/// `TAG` reads back as absent.
pub fn tag() -> impl Strategy<Value = Tag<'static>> {
    (
        proptest::option::of(any::<u64>()),
        optional_text(),
        extras(),
    )
        .prop_map(|(id, name, extra)| Tag { id, name, extra })
        .prop_filter("an empty TAG reads back as absent", |tag| {
            tag.id.is_some() || tag.name.is_some() || !tag.extra.is_empty()
        })
}

/// Generates an asset's own fields.
pub fn asset_header() -> impl Strategy<Value = AssetHeader<'static>> {
    let ids = (any::<u64>(), proptest::option::of(any::<u64>()));
    let addresses = (optional_text(), optional_text(), optional_text());
    let system = (
        optional_text(),
        optional_text(),
        proptest::option::of(asset_status()),
        optional_timestamp(),
    );
    let device = (
        optional_text(),
        optional_text(),
        optional_text(),
        optional_text(),
    );
    let lists = (proptest::collection::vec(tag(), 0..3), extras());
    (ids, addresses, system, device, lists).prop_map(
        |(
            (id, asset_id),
            (ip, ipv6, asset_friendly_name),
            (os, os_version, asset_status, last_seen),
            (ownership, model_name, manufacturer, username),
            (tags, extra),
        )| AssetHeader {
            id,
            asset_id,
            ip,
            ipv6,
            asset_friendly_name,
            os,
            os_version,
            asset_status,
            last_seen,
            ownership,
            model_name,
            manufacturer,
            username,
            tags,
            extra,
        },
    )
}

/// Generates a `DETECTION`.
pub fn detection() -> impl Strategy<Value = Detection<'static>> {
    let kind = (
        any::<u64>(),
        proptest::option::of(detection_type()),
        proptest::option::of(severity()),
    );
    let state = (optional_text(), proptest::option::of(detection_status()));
    let found = (
        optional_timestamp(),
        optional_timestamp(),
        proptest::option::of(any::<u64>()),
    );
    let updates = (optional_timestamp(), optional_timestamp());
    let reopened = (
        optional_timestamp(),
        optional_timestamp(),
        proptest::option::of(any::<u64>()),
    );
    (kind, state, found, updates, reopened, extras()).prop_map(
        |(
            (qid, detection_type, severity),
            (results, status),
            (first_found_datetime, last_found_datetime, times_found),
            (last_update_datetime, last_fixed_datetime),
            (first_reopened_datetime, last_reopened_datetime, times_reopened),
            extra,
        )| Detection {
            qid,
            detection_type,
            severity,
            results,
            status,
            first_found_datetime,
            last_found_datetime,
            times_found,
            last_update_datetime,
            last_fixed_datetime,
            first_reopened_datetime,
            last_reopened_datetime,
            times_reopened,
            extra,
        },
    )
}

/// Generates a whole asset with up to four detections.
pub fn asset() -> impl Strategy<Value = Asset<'static>> {
    (asset_header(), proptest::collection::vec(detection(), 0..4))
        .prop_map(|(header, detections)| Asset { header, detections })
}

/// Generates a query parameter of the request echo. Key and value may be empty.
pub fn param() -> impl Strategy<Value = Param<'static>> {
    (text_or_empty(), text_or_empty()).prop_map(|(key, value)| Param { key, value })
}

/// Generates a `REQUEST` echo.
pub fn request() -> impl Strategy<Value = Request<'static>> {
    (
        optional_timestamp(),
        optional_text(),
        optional_text(),
        proptest::collection::vec(param(), 0..4),
        optional_text(),
    )
        .prop_map(
            |(datetime, user_login, resource, params, post_data)| Request {
                datetime,
                user_login,
                resource,
                params,
                post_data,
            },
        )
}

/// Generates a `WARNING`, with its text and URL trimmed.
pub fn warning() -> impl Strategy<Value = Warning<'static>> {
    (
        proptest::option::of(any::<u64>()),
        proptest::option::of(trimmed_text()),
        proptest::option::of(trimmed_text()),
    )
        .prop_map(|(code, text, url)| Warning { code, text, url })
}

/// Generates what comes before the assets: a `DOCTYPE` system identifier made of URL characters, the
/// request echo and the response's `DATETIME`.
pub fn document_head() -> impl Strategy<Value = DocumentHead<'static>> {
    let system_id = proptest::option::of(
        "https://[a-z0-9.]{1,12}/[a-zA-Z0-9/_.?=&%' -]{0,20}".prop_map(Cow::Owned),
    );
    (
        system_id,
        proptest::option::of(request()),
        optional_timestamp(),
    )
        .prop_map(|(doctype_system_id, request, datetime)| DocumentHead {
            doctype_system_id,
            request,
            datetime,
        })
}

/// Generates the counts of a page, as [`Summary`] keeps them.
pub fn summary() -> impl Strategy<Value = Summary> {
    let counts =
        || proptest::collection::btree_map(text().prop_map(String::from), any::<u64>(), 0..4);
    let by_severity = proptest::collection::vec(any::<u64>(), 5).prop_map(|counts| {
        counts
            .into_iter()
            .enumerate()
            .map(|(index, count)| ((index + 1).to_string(), count))
            .collect::<BTreeMap<_, _>>()
    });
    let totals = (
        optional_timestamp(),
        any::<u64>(),
        any::<u64>(),
        by_severity,
    );
    let tail = (
        counts(),
        counts(),
        proptest::option::of(warning()),
        proptest::option::of(any::<u64>()),
    );
    (totals, tail).prop_map(
        |(
            (datetime, assets, detections, by_severity),
            (by_status, by_type, warning, next_id_min),
        )| Summary {
            datetime,
            assets,
            detections,
            by_severity,
            by_status,
            by_type,
            warning,
            next_id_min,
            ..Summary::default()
        },
    )
}
