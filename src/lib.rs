//! Reader for Qualys Secure Enterprise Mobility (SEM) asset and detection exports.
//!
//! SEM's export API, `GET /sem/v1/assetList?action=list`, answers with an XML document whose
//! root is `ASSET_LIST_VM_DETECTION_OUTPUT`: an optional `REQUEST` echo, then a `RESPONSE`
//! with its `DATETIME`, an `ASSET_LIST` of `ASSET`s (each with a `DETECTION_LIST` of
//! `DETECTION`s) and, when the page was cut at `truncation_limit` assets, a `WARNING` with
//! the URL of the next page.
//!
//! - [`Parser`] is a zero-copy pull parser over a document in memory: one [`Event`] per
//!   asset and per detection, with text borrowed from the input.
//! - [`Assets`] gathers the events into whole [`Asset`]s.
//! - The models ([`Asset`], [`Detection`], [`Tag`], [`Warning`], [`Request`], [`Summary`])
//!   are serde types whose JSON form is the output of the `qualys-sem` command.
//!
//! # Example
//!
//! ```
//! use qualys_sem::Assets;
//!
//! let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
//! <ASSET_LIST_VM_DETECTION_OUTPUT>
//!   <RESPONSE>
//!     <DATETIME>2021-10-18T07:58:11.268Z</DATETIME>
//!     <ASSET_LIST>
//!       <ASSET>
//!         <ID>231</ID>
//!         <IP>192.0.2.10</IP>
//!         <DETECTION_LIST>
//!           <DETECTION>
//!             <QID>610100</QID>
//!             <TYPE>Information</TYPE>
//!             <SEVERITY>1</SEVERITY>
//!             <LAST_FOUND_DATETIME>2021-04-28 12:01:07</LAST_FOUND_DATETIME>
//!           </DETECTION>
//!         </DETECTION_LIST>
//!       </ASSET>
//!     </ASSET_LIST>
//!   </RESPONSE>
//! </ASSET_LIST_VM_DETECTION_OUTPUT>"#;
//!
//! for asset in Assets::new(xml) {
//!     let asset = asset?;
//!     assert_eq!(asset.header.id, 231);
//!     let detection = &asset.detections[0];
//!     assert_eq!(detection.severity.map(|s| s.get()), Some(1));
//!     assert_eq!(
//!         serde_json::to_string(detection).unwrap(),
//!         r#"{"qid":610100,"type":"Information","severity":1,"last_found_datetime":"2021-04-28T12:01:07Z"}"#
//!     );
//! }
//! # Ok::<(), qualys_sem::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The README's examples, compiled and run as documentation tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod assets;
pub mod check;
mod client;
pub mod dtd;
mod error;
mod event;
mod generate;
mod limits;
mod message;
mod model;
mod parse;
pub mod query;
mod read;
pub mod reply;
mod slice;
#[cfg(feature = "proptest")]
pub mod strategy;
mod value;
mod write;

pub use assets::Assets;
pub use client::{
    AUTH_CONTENT_TYPE, AuthError, BearerToken, Credentials, Gateway, GatewayError, Platform,
    RateLimit, RateLimitError,
};
pub use error::{Error, ErrorKind, Limit, Position};
pub use event::{DocumentStart, Event, ResponseStart};
pub use generate::{Generator, GeneratorConfig, Stats, Target};
pub use limits::Limits;
pub use message::{ApiMessage, MessageClass};
pub use model::{
    Asset, AssetEnd, AssetHeader, Attribute, Detection, Extra, Param, Request, Summary, Tag,
    Warning,
};
pub use read::{Reader, ReaderAssets};
pub use slice::Parser;
pub use value::{
    AssetStatus, DetectionStatus, DetectionType, Severity, parse_timestamp, unescape_html,
};
pub use write::{DocumentHead, WriteError, Writer};
