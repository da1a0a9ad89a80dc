//! The XML writer: owned models back into an `ASSET_LIST_VM_DETECTION_OUTPUT` document.

mod error;
mod escape;
mod path;
mod record;

use std::borrow::Cow;
use std::io::Write;

use chrono::{DateTime, Utc};

pub use error::WriteError;
use path::{Path, Segment};
use record::{
    push_asset_fields, push_detection, push_end, push_request, push_start, push_timestamp_field,
    push_warning,
};

use crate::event::Event;
use crate::model::{Asset, AssetHeader, Detection, Request, Warning};

/// The root element of an export.
const ROOT: &str = "ASSET_LIST_VM_DETECTION_OUTPUT";

/// The buffered output is handed to the writer once it reaches this many bytes.
const FLUSH_BYTES: usize = 64 * 1024;

/// What comes before the assets: the `DOCTYPE`, the `REQUEST` echo and the response's
/// `DATETIME`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentHead<'a> {
    /// The system identifier of the `DOCTYPE`; no `DOCTYPE` is written when it is `None`.
    pub doctype_system_id: Option<Cow<'a, str>>,
    /// The `REQUEST` echo, written before the `RESPONSE`.
    pub request: Option<Request<'a>>,
    /// The `DATETIME` of the `RESPONSE`.
    pub datetime: Option<DateTime<Utc>>,
}

/// The writer's place in the document between two calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Nothing is written yet.
    Start,
    /// Inside the root element, before the `RESPONSE`.
    Root,
    /// Inside the `RESPONSE`, before any asset.
    Response,
    /// Inside the `ASSET_LIST`, between assets.
    AssetList,
    /// Inside an `ASSET`; `has_detections` is true while its `DETECTION_LIST` is open.
    Asset { id: u64, has_detections: bool },
    /// Inside the `RESPONSE`, after the `WARNING`.
    AfterWarning,
    /// The root element is closed.
    Closed,
}

impl Place {
    fn describe(self) -> &'static str {
        match self {
            Place::Start => "before the start of the document",
            Place::Root => "before the RESPONSE",
            Place::Response | Place::AssetList => "between assets",
            Place::Asset { .. } => "inside an ASSET",
            Place::AfterWarning => "after the WARNING",
            Place::Closed => "after the end of the document",
        }
    }
}

/// A streaming writer of `ASSET_LIST_VM_DETECTION_OUTPUT` documents to any [`Write`].
///
/// It writes the head ([`write_head`](Writer::write_head)), then assets one at a time
/// ([`write_asset`](Writer::write_asset), or [`start_asset`](Writer::start_asset),
/// [`write_detection`](Writer::write_detection) and [`end_asset`](Writer::end_asset) for an
/// asset too large to hold whole), then [`finish`](Writer::finish) writes the `WARNING` and
/// the end. [`write_event`](Writer::write_event) takes the parser's [`Event`]s instead, to
/// copy or filter a document. Memory is bounded by the largest record, never the document.
///
/// # Form of the output
///
/// Elements are indented by two spaces, one per line, in the order of the exports. Text is
/// escaped (`&amp;`, `&lt;`, `&gt;`, `&#xD;`); `RESULTS` and the warning's `URL` are CDATA
/// sections, and a `]]>` inside them is split across two sections. Timestamps are written as
/// `2021-04-28T12:01:06Z`, with a fraction only when it is not zero. Unknown elements
/// ([`Extra`](crate::Extra)) are written back with their attributes, text and children.
///
/// # What reads back
///
/// Parsing the output gives back the written models when they keep these rules, which the
/// parser's reading of values imposes:
///
/// - an empty text (`Some("")`) is written as an absent element, so it reads back as `None`;
///   a `Param`'s empty key or value reads back as empty, as it was;
/// - text that is only whitespace is written with character references, so it reads back
///   unchanged rather than as layout;
/// - the `WARNING`'s `TEXT` and `URL` read back with surrounding whitespace removed;
/// - an `Other` variant of a text enumeration that holds a known text, such as
///   `DetectionStatus::Other("Fixed")`, reads back as that variant;
/// - an [`Extra`](crate::Extra) whose name is the name of a modelled field of its element
///   (such as `IP` in an asset) reads back as that field, or as a repeated field without
///   attributes or children;
/// - a carriage return inside `RESULTS` or `URL` is kept as written, byte for byte, by this
///   crate's parser; other XML parsers turn it into a line feed.
///
/// # Errors
///
/// A value that XML 1.0 cannot carry at all, such as U+0000 or another C0 control character
/// other than tab, line feed and carriage return, cannot be written: the writer returns
/// [`WriteError::InvalidCharacter`] with the value's path, and writes nothing of that record.
/// So do invalid names of unknown elements, timestamps outside the years 0000 to 9999, and
/// calls out of order. After an error the writer can go on with the next record.
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use qualys_sem::{Asset, AssetHeader, Assets, Detection, DocumentHead, Writer};
///
/// let asset = Asset {
///     header: AssetHeader { id: 231, os: Some(Cow::Borrowed("iOS")), ..AssetHeader::default() },
///     detections: vec![Detection {
///         qid: 610100,
///         results: Some(Cow::Borrowed("a]]>b & <c>")),
///         ..Detection::default()
///     }],
/// };
///
/// let mut writer = Writer::new(Vec::new());
/// writer.write_head(&DocumentHead::default())?;
/// writer.write_asset(&asset)?;
/// let xml = writer.finish(None)?;
///
/// let text = String::from_utf8(xml.clone()).unwrap();
/// assert!(text.contains("<RESULTS><![CDATA[a]]]]><![CDATA[>b & <c>]]></RESULTS>"));
///
/// let read: Vec<Asset> = Assets::new(&xml).collect::<Result<_, _>>().unwrap();
/// assert_eq!(read, [asset]);
/// # Ok::<(), qualys_sem::WriteError>(())
/// ```
pub struct Writer<W: Write> {
    output: W,
    buffer: Vec<u8>,
    place: Place,
}

impl<W: Write> Writer<W> {
    /// Creates a writer that has written nothing yet.
    pub fn new(output: W) -> Writer<W> {
        Writer {
            output,
            buffer: Vec::with_capacity(FLUSH_BYTES),
            place: Place::Start,
        }
    }

    /// Writes the XML declaration, the `DOCTYPE`, the `REQUEST` echo and the start of the
    /// `RESPONSE` with its `DATETIME`.
    pub fn write_head(&mut self, head: &DocumentHead<'_>) -> Result<(), WriteError> {
        self.start_document(head.doctype_system_id.as_deref())?;
        if let Some(request) = &head.request {
            self.write_request(request)?;
        }
        self.start_response(head.datetime)
    }

    /// Writes the XML declaration, the `DOCTYPE` when `doctype_system_id` is given, and the
    /// root start tag.
    pub fn start_document(&mut self, doctype_system_id: Option<&str>) -> Result<(), WriteError> {
        self.expect(&[Place::Start], "the start of the document")?;
        let quote = match doctype_system_id {
            Some(id) => Some(system_id_quote(id)?),
            None => None,
        };

        self.buffer
            .extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?>"#);
        if let (Some(id), Some(quote)) = (doctype_system_id, quote) {
            self.buffer.extend_from_slice(b"\n<!DOCTYPE ");
            self.buffer.extend_from_slice(ROOT.as_bytes());
            self.buffer.extend_from_slice(b" SYSTEM ");
            self.buffer.push(quote);
            self.buffer.extend_from_slice(id.as_bytes());
            self.buffer.push(quote);
            self.buffer.push(b'>');
        }
        push_start(&mut self.buffer, 0, ROOT);
        self.place = Place::Root;
        self.flush_full()
    }

    /// Writes the `REQUEST` echo, which comes before the `RESPONSE`.
    pub fn write_request(&mut self, request: &Request<'_>) -> Result<(), WriteError> {
        self.expect(&[Place::Root], "a REQUEST")?;
        self.record(|buffer| push_request(buffer, 1, request))
    }

    /// Writes the start of the `RESPONSE` and its `DATETIME`.
    pub fn start_response(&mut self, datetime: Option<DateTime<Utc>>) -> Result<(), WriteError> {
        self.expect(&[Place::Root], "the RESPONSE")?;
        let path = Path::root(Segment::Name("RESPONSE"));
        self.record(|buffer| {
            push_start(buffer, 1, "RESPONSE");
            push_timestamp_field(buffer, 2, "DATETIME", datetime, &path)
        })?;
        self.place = Place::Response;
        Ok(())
    }

    /// Writes a whole asset with its detections.
    pub fn write_asset(&mut self, asset: &Asset<'_>) -> Result<(), WriteError> {
        self.start_asset(&asset.header)?;
        for detection in &asset.detections {
            self.write_detection(detection)?;
        }
        self.end_asset(None)
    }

    /// Writes the start of an `ASSET` and its own fields; its detections follow.
    pub fn start_asset(&mut self, header: &AssetHeader<'_>) -> Result<(), WriteError> {
        self.expect(&[Place::Response, Place::AssetList], "an ASSET")?;
        let opens_list = self.place == Place::Response;
        let path = Path::root(Segment::Asset(header.id));
        self.record(|buffer| {
            if opens_list {
                push_start(buffer, 2, "ASSET_LIST");
            }
            push_start(buffer, 3, "ASSET");
            push_asset_fields(buffer, 4, header, true, &path)
        })?;
        self.place = Place::Asset {
            id: header.id,
            has_detections: false,
        };
        Ok(())
    }

    /// Writes one detection of the asset that is open.
    pub fn write_detection(&mut self, detection: &Detection<'_>) -> Result<(), WriteError> {
        let Place::Asset { id, has_detections } = self.place else {
            return Err(WriteError::OutOfOrder {
                part: "a DETECTION",
                place: self.place.describe(),
            });
        };
        let path = Path::root(Segment::Asset(id));
        self.record(|buffer| {
            if !has_detections {
                push_start(buffer, 4, "DETECTION_LIST");
            }
            push_detection(buffer, 5, detection, &path)
        })?;
        self.place = Place::Asset {
            id,
            has_detections: true,
        };
        Ok(())
    }

    /// Writes the end of the asset that is open. `trailing` contains the fields to write after
    /// its `DETECTION_LIST`, as [`AssetEnd::trailing`](crate::AssetEnd::trailing) reports
    /// them. Its `id` is not written again.
    pub fn end_asset(&mut self, trailing: Option<&AssetHeader<'_>>) -> Result<(), WriteError> {
        let Place::Asset { id, has_detections } = self.place else {
            return Err(WriteError::OutOfOrder {
                part: "the end of an ASSET",
                place: self.place.describe(),
            });
        };
        let path = Path::root(Segment::Asset(id));
        self.record(|buffer| {
            if has_detections {
                push_end(buffer, 4, "DETECTION_LIST");
            }
            if let Some(trailing) = trailing {
                push_asset_fields(buffer, 4, trailing, false, &path)?;
            }
            push_end(buffer, 3, "ASSET");
            Ok(())
        })?;
        self.place = Place::AssetList;
        Ok(())
    }

    /// Writes the `WARNING` of a cut page, after the last asset.
    pub fn write_warning(&mut self, warning: &Warning<'_>) -> Result<(), WriteError> {
        self.expect(&[Place::Response, Place::AssetList], "the WARNING")?;
        let closes_list = self.place == Place::AssetList;
        self.record(|buffer| {
            if closes_list {
                push_end(buffer, 2, "ASSET_LIST");
            }
            push_warning(buffer, 2, warning)
        })?;
        self.place = Place::AfterWarning;
        Ok(())
    }

    /// Writes the end tags that close the document; the document needs at least its start.
    pub fn end_document(&mut self) -> Result<(), WriteError> {
        let expected = [
            Place::Root,
            Place::Response,
            Place::AssetList,
            Place::AfterWarning,
        ];
        self.expect(&expected, "the end of the document")?;
        if self.place == Place::AssetList {
            push_end(&mut self.buffer, 2, "ASSET_LIST");
        }
        if self.place != Place::Root {
            push_end(&mut self.buffer, 1, "RESPONSE");
        }
        push_end(&mut self.buffer, 0, ROOT);
        self.buffer.push(b'\n');
        self.place = Place::Closed;
        self.flush_full()
    }

    /// Writes the part of the document that an event of the parser stands for, so that a
    /// document read with [`Parser`](crate::Parser) or [`Reader`](crate::Reader) can be
    /// written back, whole or filtered.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::{Event, Parser, Writer};
    ///
    /// let xml = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>
    ///   <ASSET><ID>1</ID><OS>iOS</OS></ASSET><ASSET><ID>2</ID><OS>Android</OS></ASSET>
    /// </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
    ///
    /// let mut writer = Writer::new(Vec::new());
    /// for event in Parser::new(xml) {
    ///     writer.write_event(&event.unwrap())?;
    /// }
    /// let copy = writer.finish(None)?;
    /// let ids: Vec<u64> = qualys_sem::Assets::new(&copy).map(|asset| asset.unwrap().header.id).collect();
    /// assert_eq!(ids, [1, 2]);
    /// # Ok::<(), qualys_sem::WriteError>(())
    /// ```
    pub fn write_event(&mut self, event: &Event<'_>) -> Result<(), WriteError> {
        match event {
            Event::Document(start) => self.start_document(start.doctype_system_id.as_deref()),
            Event::Request(request) => self.write_request(request),
            Event::Response(start) => self.start_response(start.datetime),
            Event::Asset(header) => self.start_asset(header),
            Event::Detection(detection) => self.write_detection(detection),
            Event::AssetEnd(end) => self.end_asset(end.trailing.as_deref()),
            Event::Warning(warning) => self.write_warning(warning),
            Event::End => self.end_document(),
        }
    }

    /// Writes the `WARNING`, if any, and the end of the document unless it was written
    /// already, flushes, and returns the output.
    pub fn finish(mut self, warning: Option<&Warning<'_>>) -> Result<W, WriteError> {
        if let Some(warning) = warning {
            self.write_warning(warning)?;
        }
        if self.place != Place::Closed {
            self.end_document()?;
        }
        self.flush()?;
        Ok(self.output)
    }

    /// Hands everything written so far to the output and flushes it.
    pub fn flush(&mut self) -> Result<(), WriteError> {
        self.output.write_all(&self.buffer)?;
        self.buffer.clear();
        self.output.flush()?;
        Ok(())
    }

    /// Returns a reference to the output.
    pub fn get_ref(&self) -> &W {
        &self.output
    }

    /// Returns the number of bytes written but not yet handed to the output.
    pub fn buffered_len(&self) -> usize {
        self.buffer.len()
    }

    /// Returns the output; bytes that are still buffered are lost unless
    /// [`flush`](Writer::flush) was called first.
    pub fn into_inner(self) -> W {
        self.output
    }

    /// Fails unless the writer is at one of the `expected` places.
    fn expect(&self, expected: &[Place], part: &'static str) -> Result<(), WriteError> {
        if expected.contains(&self.place) {
            return Ok(());
        }
        Err(WriteError::OutOfOrder {
            part,
            place: self.place.describe(),
        })
    }

    /// Renders one record into the buffer; on an error, removes what it had rendered.
    fn record(
        &mut self,
        render: impl FnOnce(&mut Vec<u8>) -> Result<(), WriteError>,
    ) -> Result<(), WriteError> {
        let start = self.buffer.len();
        if let Err(error) = render(&mut self.buffer) {
            self.buffer.truncate(start);
            return Err(error);
        }
        self.flush_full()
    }

    /// Hands the buffer to the output once it is large enough to be worth a write.
    fn flush_full(&mut self) -> Result<(), WriteError> {
        if self.buffer.len() >= FLUSH_BYTES {
            self.output.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }
}

/// Picks the quote character for a `DOCTYPE` system identifier.
fn system_id_quote(id: &str) -> Result<u8, WriteError> {
    let invalid = || WriteError::InvalidSystemId {
        value: id.to_owned(),
    };
    if escape::find_invalid_char(id).is_some() || id.contains(['<', '>', '[', ']']) {
        return Err(invalid());
    }
    match (id.contains('"'), id.contains('\'')) {
        (false, _) => Ok(b'"'),
        (true, false) => Ok(b'\''),
        (true, true) => Err(invalid()),
    }
}
