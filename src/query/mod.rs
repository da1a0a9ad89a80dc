//! The request side of `GET /sem/v1/assetList`: a typed, validated query.
//!
//! [`Query`] contains every parameter the endpoint accepts. It is parsed from
//! a query string with [`Query::parse`] or built with [`Query::builder`],
//! and both check the values and the rules between parameters, failing with
//! the API's own [`ApiMessage`](crate::ApiMessage) texts:
//!
//! - only one of `detection_updated_since` and
//!   `max_days_since_detection_updated`;
//! - `tag_exclude_selector` needs `tag_include_selector`, and
//!   `tag_set_exclude` needs `tag_set_include`;
//! - every tag parameter except `show_tags` needs `use_tags=1`;
//! - a repeated parameter is rejected.
//!
//! [`Query::render`] writes a canonical query string that parses back to an
//! equal query, and [`next_page`] reads the URL of a truncation `WARNING`.
//!
//! # Example
//!
//! ```
//! use qualys_sem::query::{IdList, ParamName, Query};
//!
//! let query = Query::builder()
//!     .qids(IdList::parse(ParamName::Qids, "68518-68522,610100").unwrap())
//!     .show_results(false)
//!     .build()
//!     .unwrap();
//! assert_eq!(query.render(), "action=list&show_results=0&qids=68518-68522,610100");
//! ```

mod builder;
mod choices;
mod date;
mod next_page;
mod os_pattern;
mod param;
mod parse;
mod ranges;
mod render;
mod request;
mod rules;
#[cfg(any(test, feature = "proptest"))]
pub mod strategy;
mod tags;

pub use builder::QueryBuilder;
pub use choices::{AssetStatus, OutputFormat, TagSelector, TagSetBy};
pub use date::DetectionDate;
pub use next_page::{NextPage, NextPageError, next_page};
pub use os_pattern::OsPattern;
pub use param::ParamName;
pub use ranges::{IdList, ListEntry, Range, RangeList, Severity, SeverityList};
pub use request::{DEFAULT_TRUNCATION_LIMIT, MAX_TRUNCATION_LIMIT, Query};
pub use tags::TagSet;
