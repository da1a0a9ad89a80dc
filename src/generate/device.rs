//! Assets: mobile devices with placeholder owners and addresses.

use std::borrow::Cow;

use chrono::{DateTime, TimeDelta, Utc};

use super::Options;
use super::rng::Rng;
use crate::model::{AssetHeader, Attribute, Extra, Tag};
use crate::value::AssetStatus;

/// A device model: operating system, OS versions, model name and manufacturer.
struct Model {
    os: &'static str,
    versions: &'static [&'static str],
    name: &'static str,
    manufacturer: &'static str,
}

const IOS_VERSIONS: &[&str] = &["14.5", "14.8.1", "15.7", "16.6.1", "17.1.2", "17.4"];
const ANDROID_VERSIONS: &[&str] = &["10", "11", "12", "13", "14"];

const MODELS: &[Model] = &[
    Model {
        os: "iOS",
        versions: IOS_VERSIONS,
        name: "iPad (5th generation)",
        manufacturer: "Apple, Inc.",
    },
    Model {
        os: "iOS",
        versions: IOS_VERSIONS,
        name: "iPhone 12",
        manufacturer: "Apple, Inc.",
    },
    Model {
        os: "iOS",
        versions: IOS_VERSIONS,
        name: "iPhone SE (2nd generation)",
        manufacturer: "Apple, Inc.",
    },
    Model {
        os: "iOS",
        versions: IOS_VERSIONS,
        name: "iPad Pro (11-inch)",
        manufacturer: "Apple, Inc.",
    },
    Model {
        os: "Android",
        versions: ANDROID_VERSIONS,
        name: "SM-G991B",
        manufacturer: "samsung",
    },
    Model {
        os: "Android",
        versions: ANDROID_VERSIONS,
        name: "Pixel 6",
        manufacturer: "Google",
    },
    Model {
        os: "Android",
        versions: ANDROID_VERSIONS,
        name: "moto g(8) power",
        manufacturer: "motorola",
    },
    Model {
        os: "Android",
        versions: ANDROID_VERSIONS,
        name: "CPH2211",
        manufacturer: "OPPO",
    },
];

const OWNERSHIPS: &[&str] = &[
    "Corporate - Owned",
    "Employee - Owned",
    "Corporate - Shared",
];

/// Tags with IDs, including names that need escaping.
const TAGS: &[(u64, &str)] = &[
    (1_001, "Mobile"),
    (1_002, "BYOD & Contractors"),
    (1_003, "Sales <EMEA>"),
    (1_004, "iOS Devices"),
    (1_005, "Android Devices"),
    (1_006, "High \"Risk\""),
];

/// Generates one asset's own fields.
pub(crate) fn asset_header(
    rng: &mut Rng,
    options: &Options,
    id: u64,
    now: DateTime<Utc>,
) -> AssetHeader<'static> {
    let model = rng.pick(MODELS);
    let user = rng.between(1, 99);
    let host = rng.between(1, 254);
    let is_complete = !rng.chance(1, 8);

    let mut header = AssetHeader {
        id,
        asset_id: options.show_asset_id.then(|| 1_000_000 + id * 7),
        ip: Some(Cow::Owned(format!("192.0.2.{host}"))),
        ipv6: (is_complete || rng.chance(1, 2))
            .then(|| Cow::Owned(format!("2001:db8::{:x}", rng.between(1, 0xffff)))),
        asset_friendly_name: Some(Cow::Owned(format!(
            "user{user:02}_{}_{}_{}",
            model.os,
            model
                .manufacturer
                .split(',')
                .next()
                .unwrap_or(model.manufacturer),
            rng.between(1, 9)
        ))),
        os: Some(Cow::Borrowed(model.os)),
        os_version: Some(Cow::Borrowed(*rng.pick(model.versions))),
        asset_status: Some(asset_status(rng)),
        last_seen: Some(now - TimeDelta::seconds(rng.below(180 * 86_400) as i64)),
        ownership: (is_complete || rng.chance(1, 2)).then(|| Cow::Borrowed(*rng.pick(OWNERSHIPS))),
        model_name: Some(Cow::Borrowed(model.name)),
        manufacturer: Some(Cow::Borrowed(model.manufacturer)),
        username: (is_complete || rng.chance(1, 3)).then(|| Cow::Owned(format!("user{user:02}"))),
        tags: Vec::new(),
        extra: Vec::new(),
    };
    if !is_complete && rng.chance(1, 2) {
        header.ip = None;
    }

    if options.show_tags {
        for _ in 0..rng.below(4) {
            let (tag_id, name) = *rng.pick(TAGS);
            header.tags.push(Tag {
                id: Some(tag_id),
                name: Some(Cow::Borrowed(name)),
                extra: Vec::new(),
            });
        }
    }
    // A field this crate does not model, as newer exports add them.
    if rng.chance(1, 20) && options.unknown_elements {
        header.extra.push(Extra {
            name: Cow::Borrowed("TRURISK_SCORE"),
            attributes: vec![Attribute {
                name: Cow::Borrowed("scale"),
                value: Cow::Borrowed("0-1000"),
            }],
            text: Some(Cow::Owned(rng.below(1_001).to_string())),
            children: Vec::new(),
        });
    }
    header
}

fn asset_status(rng: &mut Rng) -> AssetStatus<'static> {
    match rng.below(20) {
        0 => AssetStatus::Deenrolled,
        1 => AssetStatus::ReadyForReenrollment,
        _ => AssetStatus::Enrolled,
    }
}
