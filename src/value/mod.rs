//! Typed values of export fields: timestamps, severities and text enumerations.

#[macro_use]
mod choice;
mod html;
mod severity;
pub(crate) mod timestamp;

pub use choice::{AssetStatus, DetectionStatus, DetectionType};
pub use html::unescape_html;
pub use severity::Severity;
pub use timestamp::parse_timestamp;
