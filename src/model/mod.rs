//! The records of an export: assets, detections, tags, the request echo and the warning.
//!
//! Every record borrows its text from the input where it can, through `Cow<'a, str>`, and
//! `into_owned` turns it into a `'static` record that owns its text. The serde form of each
//! record is the JSON contract of the command line tool: keys are the XML element names in
//! lower case, absent values are left out, and enumerations are their XML text.

mod asset;
mod detection;
mod extra;
mod request;
mod summary;
mod tag;
mod warning;

pub use asset::{Asset, AssetEnd, AssetHeader};
pub use detection::Detection;
pub use extra::{Attribute, Extra};
pub use request::{Param, Request};
pub use summary::Summary;
pub use tag::Tag;
pub use warning::Warning;

use std::borrow::Cow;

/// Turns borrowed text into owned text, keeping `None`.
pub(crate) fn owned_text(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(|text| Cow::Owned(text.into_owned()))
}
