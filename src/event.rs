//! The events of the pull parser.

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use crate::model::{AssetEnd, AssetHeader, Detection, Request, Summary, Warning};

/// One step through an export, borrowing its text from the input.
///
/// A document yields, in order: [`Event::Document`], [`Event::Request`] when the query had
/// `echo_request=1`, [`Event::Response`], then for each asset [`Event::Asset`], one
/// [`Event::Detection`] per detection and [`Event::AssetEnd`], then [`Event::Warning`] when
/// the page was cut, and last [`Event::End`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'a> {
    /// The root element `ASSET_LIST_VM_DETECTION_OUTPUT` has started.
    Document(DocumentStart<'a>),
    /// The `REQUEST` echo.
    Request(Request<'a>),
    /// The `RESPONSE` has started.
    Response(ResponseStart),
    /// An asset's own fields, before its detections.
    Asset(AssetHeader<'a>),
    /// One detection of the current asset.
    Detection(Detection<'a>),
    /// The current asset is complete.
    AssetEnd(AssetEnd<'a>),
    /// The page was cut at `truncation_limit` assets: the `WARNING` says where the next page
    /// starts.
    Warning(Warning<'a>),
    /// The document is complete.
    End,
}

impl Event<'_> {
    /// Converts into an event that owns its text.
    pub fn into_owned(self) -> Event<'static> {
        match self {
            Event::Document(start) => Event::Document(start.into_owned()),
            Event::Request(request) => Event::Request(request.into_owned()),
            Event::Response(start) => Event::Response(start),
            Event::Asset(header) => Event::Asset(header.into_owned()),
            Event::Detection(detection) => Event::Detection(detection.into_owned()),
            Event::AssetEnd(end) => Event::AssetEnd(end.into_owned()),
            Event::Warning(warning) => Event::Warning(warning.into_owned()),
            Event::End => Event::End,
        }
    }
}

/// The start of the document, with what its prolog declared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentStart<'a> {
    /// The system identifier of the `DOCTYPE`, such as
    /// `https://gateway.qg1.apps.qualys.com/sem/xapi/v1/asset/asset_list_output.dtd`.
    /// It is reported only: the parser never fetches it.
    pub doctype_system_id: Option<Cow<'a, str>>,
}

impl DocumentStart<'_> {
    /// Converts into a value that owns its text.
    pub fn into_owned(self) -> DocumentStart<'static> {
        DocumentStart {
            doctype_system_id: crate::model::owned_text(self.doctype_system_id),
        }
    }
}

/// The start of the `RESPONSE`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResponseStart {
    /// The `DATETIME` when the response was made, if it was the response's first child.
    pub datetime: Option<DateTime<Utc>>,
}

impl Summary {
    /// Counts one event of the page.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::{Parser, Summary};
    ///
    /// let xml = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>
    ///   <DATETIME>2021-10-18T07:58:11Z</DATETIME>
    ///   <ASSET_LIST><ASSET><ID>231</ID><DETECTION_LIST>
    ///     <DETECTION><QID>610100</QID><TYPE>Information</TYPE><SEVERITY>1</SEVERITY></DETECTION>
    ///   </DETECTION_LIST></ASSET></ASSET_LIST>
    /// </RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
    ///
    /// let mut summary = Summary::default();
    /// for event in Parser::new(xml) {
    ///     summary.add(&event?);
    /// }
    /// assert_eq!((summary.assets, summary.detections), (1, 1));
    /// assert_eq!(summary.by_severity["1"], 1);
    /// # Ok::<(), qualys_sem::Error>(())
    /// ```
    pub fn add(&mut self, event: &Event<'_>) {
        match event {
            Event::Response(start) => self.datetime = start.datetime,
            Event::Asset(_) => self.start_asset(),
            Event::Detection(detection) => self.add_pending_detection(detection),
            Event::AssetEnd(_) => self.finish_asset(),
            Event::Warning(warning) => self.set_warning(warning.clone()),
            _ => {}
        }
    }
}
