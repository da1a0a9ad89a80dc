use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::detection::Detection;
use super::extra::{Extra, owned_extras};
use super::owned_text;
use super::tag::Tag;
use crate::value::AssetStatus;
use crate::value::timestamp::optional_rfc3339;

/// An `ASSET`'s own fields: everything but its detections.
///
/// The pull parser hands this out as [`Event::Asset`](crate::Event::Asset) before the
/// asset's detections, so that an asset with any number of detections is never held whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetHeader<'a> {
    /// `ID`, the SEM asset ID.
    pub id: u64,
    /// `ASSET_ID` (with `show_asset_id=1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_id: Option<u64>,
    /// `IP`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Cow<'a, str>>,
    /// `IPV6`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6: Option<Cow<'a, str>>,
    /// `ASSET_FRIENDLY_NAME`. This may carry a person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_friendly_name: Option<Cow<'a, str>>,
    /// `OS`, such as `iOS` or `Android`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<Cow<'a, str>>,
    /// `OS_VERSION`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_version: Option<Cow<'a, str>>,
    /// `ASSET_STATUS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_status: Option<AssetStatus<'a>>,
    /// `LAST_SEEN`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub last_seen: Option<DateTime<Utc>>,
    /// `OWNERSHIP`, such as `Corporate - Owned`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Cow<'a, str>>,
    /// `MODEL_NAME`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_name: Option<Cow<'a, str>>,
    /// `MANUFACTURER`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<Cow<'a, str>>,
    /// `USERNAME`, the device's user: personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<Cow<'a, str>>,
    /// The `TAG`s of `TAGS` (with `show_tags=1`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag<'a>>,
    /// Child elements this crate does not model, in document order, and any repeated field
    /// after its first occurrence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra<'a>>,
}

impl<'a> AssetHeader<'a> {
    /// Converts into a header that owns its text.
    pub fn into_owned(self) -> AssetHeader<'static> {
        AssetHeader {
            id: self.id,
            asset_id: self.asset_id,
            ip: owned_text(self.ip),
            ipv6: owned_text(self.ipv6),
            asset_friendly_name: owned_text(self.asset_friendly_name),
            os: owned_text(self.os),
            os_version: owned_text(self.os_version),
            asset_status: self.asset_status.map(AssetStatus::into_owned),
            last_seen: self.last_seen,
            ownership: owned_text(self.ownership),
            model_name: owned_text(self.model_name),
            manufacturer: owned_text(self.manufacturer),
            username: owned_text(self.username),
            tags: self.tags.into_iter().map(Tag::into_owned).collect(),
            extra: owned_extras(self.extra),
        }
    }

    /// Adds the fields of `trailing`, the fields that followed the `DETECTION_LIST`, to
    /// this header. The parser never sets a field in both (a repeated field goes to `extra`),
    /// so nothing is overwritten.
    pub fn merge_trailing(&mut self, trailing: AssetHeader<'a>) {
        macro_rules! fill {
            ($($field:ident),+) => {
                $( if self.$field.is_none() { self.$field = trailing.$field; } )+
            };
        }
        fill!(
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
            username
        );
        self.tags.extend(trailing.tags);
        self.extra.extend(trailing.extra);
    }
}

/// The end of an `ASSET`, with the fields that came after its `DETECTION_LIST`.
///
/// Exports put `DETECTION_LIST` last, so `trailing` is nearly always `None`. When an export
/// places fields after the list, they arrive here, already parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssetEnd<'a> {
    /// The asset's `ID`.
    pub id: u64,
    /// The fields that followed the `DETECTION_LIST`, with `id` repeated.
    pub trailing: Option<Box<AssetHeader<'a>>>,
}

impl AssetEnd<'_> {
    /// Converts into a value that owns its text.
    pub fn into_owned(self) -> AssetEnd<'static> {
        AssetEnd {
            id: self.id,
            trailing: self.trailing.map(|header| Box::new(header.into_owned())),
        }
    }
}

/// A whole `ASSET` with its detections, as the owned-asset iterators hand them out.
///
/// In JSON the header's fields come first, then `detections`, an array that is present even
/// when empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asset<'a> {
    /// The asset's own fields.
    #[serde(flatten)]
    pub header: AssetHeader<'a>,
    /// The `DETECTION`s of its `DETECTION_LIST`, in document order.
    #[serde(default)]
    pub detections: Vec<Detection<'a>>,
}

impl Asset<'_> {
    /// Converts into an asset that owns its text.
    pub fn into_owned(self) -> Asset<'static> {
        Asset {
            header: self.header.into_owned(),
            detections: self
                .detections
                .into_iter()
                .map(Detection::into_owned)
                .collect(),
        }
    }
}
