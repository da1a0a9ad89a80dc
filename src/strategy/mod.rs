//! [`proptest`] strategies for every owned model, for property tests of code that reads,
//! writes or transforms exports (with the `proptest` feature).
//!
//! Every value these strategies produce is in the form the format can carry, so that
//! writing it with [`Writer`](crate::Writer) and parsing the output gives it back:
//!
//! - text is never empty and a `TAG` never empty (an empty element reads back as absent) and holds only characters
//!   that XML 1.0 can carry; it may be only whitespace, hold `]]>`, markup, entity-like
//!   sequences such as `&nbsp;`, tabs, line ends and carriage returns;
//! - the `WARNING`'s text and URL have no whitespace at either end, because the parser
//!   trims them;
//! - timestamps have years 0000 to 9999 and no leap second;
//! - an `Other` variant of a text enumeration never holds one of the known texts;
//! - names of unknown elements ([`Extra`](crate::Extra)) never collide with a modelled
//!   field's name (they start with `X_` or a lower-case letter), and the attributes of one
//!   element have distinct names.
//!
//! # Example
//!
//! ```
//! use proptest::prelude::*;
//! use qualys_sem::strategy;
//!
//! proptest!(|(detection in strategy::detection())| {
//!     let json = serde_json::to_string(&detection).unwrap();
//!     let back: qualys_sem::Detection = serde_json::from_str(&json).unwrap();
//!     prop_assert_eq!(back, detection);
//! });
//! ```

mod model;
mod text;

pub use model::{
    asset, asset_header, asset_status, attribute, detection, detection_status, detection_type,
    document_head, extra, param, request, severity, summary, tag, warning,
};
pub use text::{optional_text, optional_timestamp, text, text_or_empty, timestamp, trimmed_text};
