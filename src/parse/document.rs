//! The document around the records, as a small state machine.

use std::borrow::Cow;

use quick_xml::events::{BytesDecl, BytesStart, Event as XmlEvent};

use super::asset::{FieldsEnd, ID_BIT, read_asset_fields};
use super::children::{Child, next_child, skip_element};
use super::cursor::{Cursor, Fault, fault};
use super::detection::read_detection;
use super::envelope::{read_request, read_warning};
use super::extra::read_extra;
use super::fields::{Field, Seen};
use super::text::{read_value, unexpected_eof};
use crate::error::{Error, ErrorKind, Limit};
use crate::event::{DocumentStart, Event, ResponseStart};
use crate::limits::Limits;
use crate::model::{AssetEnd, AssetHeader};

/// The root element of an export.
pub(crate) const ROOT: &str = "ASSET_LIST_VM_DETECTION_OUTPUT";

/// The element whose children come next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Before the root element.
    Prolog,
    /// Inside the root element.
    Root,
    /// Inside `RESPONSE`.
    Response,
    /// Inside `ASSET_LIST`.
    AssetList,
    /// Inside an asset's `DETECTION_LIST`.
    Detections,
    /// Inside an `ASSET`, after its `DETECTION_LIST`.
    AssetTail,
    /// After the root element.
    Epilog,
    /// After the end of the document or a fatal error.
    Done,
}

/// The asset being read, between its records.
struct OpenAsset {
    id: u64,
    seen: Seen,
    trailing: Option<AssetHeader<'static>>,
    /// The fields after the `DETECTION_LIST` were read ahead, into the header, because the
    /// `ID` was among them.
    is_read_ahead: bool,
}

/// Skipping the rest of an element after an error in its values.
#[derive(Clone, Copy)]
struct Skip {
    /// Elements still open, counted from where the skip started.
    depth: u32,
    /// The place to resume at once they are closed.
    then: Place,
}

/// The result of one step.
// A step is moved once, straight into the caller's result; boxing the event would cost an
// allocation per record.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Step<'w> {
    /// The next event.
    Event(Event<'w>),
    /// An error; after a fatal one, every later step is [`Step::Finished`].
    Error(Error),
    /// The window ends before the next record does: call again with a longer window that
    /// starts no later than [`Core::offset`].
    NeedMore,
    /// Nothing is left.
    Finished,
}

/// The parser's state between records.
pub(crate) struct Core {
    offset: u64,
    place: Place,
    limits: Limits,
    doctype_system_id: Option<String>,
    is_response_started: bool,
    asset: Option<OpenAsset>,
    skip: Option<Skip>,
    is_asset_end_pending: bool,
    last_complete_asset: Option<u64>,
}

impl Core {
    pub(crate) fn new(limits: Limits) -> Core {
        Core {
            offset: 0,
            place: Place::Prolog,
            limits,
            doctype_system_id: None,
            is_response_started: false,
            asset: None,
            skip: None,
            is_asset_end_pending: false,
            last_complete_asset: None,
        }
    }

    /// Returns the absolute offset where the next step starts reading: the window of the next
    /// call must contain it.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// Returns bytes that the next record must contain before it can be complete, when they
    /// are known: the start of `</DETECTION` while the core reads detections. A reader can
    /// read on until they arrive rather than parse a long record several times.
    pub(crate) fn record_end_hint(&self) -> Option<&'static [u8]> {
        (self.place == Place::Detections && self.skip.is_none()).then_some(b"</DETECTION")
    }

    /// Returns the ID of the last asset whose end was reached.
    pub(crate) fn last_complete_asset(&self) -> Option<u64> {
        self.last_complete_asset
    }

    /// Reads the next event from `window`, whose first byte is at absolute offset `base`.
    /// `at_eof` is true when the input ends with the window.
    /// `text` is the window as a string when the caller has checked that it is UTF-8.
    pub(crate) fn step<'w>(
        &mut self,
        window: &'w [u8],
        text: Option<&'w str>,
        base: u64,
        at_eof: bool,
    ) -> Step<'w> {
        if self.place == Place::Done {
            return Step::Finished;
        }
        if self.offset == 0 && self.place == Place::Prolog {
            // A UTF-8 byte order mark is skipped here rather than by quick-xml, which would
            // leave it out of the offsets.
            match window {
                [0xEF, 0xBB, 0xBF, ..] => self.offset = 3,
                [0xEF, 0xBB] | [0xEF] if !at_eof => return Step::NeedMore,
                _ => {}
            }
        }
        let start =
            usize::try_from(self.offset - base).expect("the window starts at or before the offset");
        let text = text.and_then(|text| text.get(start..));
        let mut cursor = Cursor::new(&window[start..], text, self.offset, at_eof, self.limits);

        let offset_before = self.offset;
        let result = match self.skip {
            Some(skip) => self.skip(&mut cursor, skip),
            None => self.advance(&mut cursor),
        };
        match result {
            Ok(event) => Step::Event(event),
            Err(Fault::Incomplete) => Step::NeedMore,
            Err(Fault::Error(error)) => {
                let error = self.finish_error(error);
                // Every error in a value either moves past the value or arranges a skip. One
                // that did neither would come back on every step, so the parse ends instead.
                if !error.is_fatal() && self.skip.is_none() && self.offset == offset_before {
                    debug_assert!(
                        false,
                        "a recoverable error left the parser in place: {error}"
                    );
                    self.place = Place::Done;
                }
                Step::Error(error)
            }
        }
    }

    /// Reads on until an event, moving the offset past each element boundary it consumes.
    fn advance<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Event<'w>, Fault> {
        if self.is_asset_end_pending {
            self.is_asset_end_pending = false;
            return Ok(self.end_asset(None));
        }
        loop {
            let emitted = match self.place {
                Place::Prolog => self.prolog(cursor)?,
                Place::Root => self.root(cursor)?,
                Place::Response => self.response(cursor)?,
                Place::AssetList => self.asset_list(cursor)?,
                Place::Detections => self.detections(cursor)?,
                Place::AssetTail => self.asset_tail(cursor)?,
                Place::Epilog => self.epilog(cursor)?,
                Place::Done => unreachable!("a finished core takes no step"),
            };
            if let Some(event) = emitted {
                return Ok(event);
            }
        }
    }

    /// Commits what the cursor has read: the next step starts after it.
    fn commit(&mut self, cursor: &mut Cursor<'_>) {
        self.offset = cursor.offset();
        cursor.start_record();
    }

    fn prolog<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        if cursor.offset() == 0
            && let Some(name) = utf16_byte_order_mark(cursor.remaining())
        {
            let kind = ErrorKind::UnsupportedEncoding {
                name: name.to_owned(),
            };
            return Err(fault(kind, cursor.offset(), String::new()));
        }
        let event = match cursor.next()? {
            XmlEvent::Eof => return Err(fault(ErrorKind::Empty, cursor.offset(), String::new())),
            XmlEvent::Text(text) if !is_blank(&text) => {
                return Err(not_an_export(cursor, ErrorKind::TextBeforeRoot));
            }
            XmlEvent::CData(_) | XmlEvent::GeneralRef(_) => {
                return Err(not_an_export(cursor, ErrorKind::TextBeforeRoot));
            }
            XmlEvent::End(end) => {
                let kind = ErrorKind::UnexpectedRoot {
                    name: format!("</{}>", end.name().0),
                };
                return Err(fault(kind, cursor.event_start(), String::new()));
            }
            XmlEvent::DocType(doctype) => {
                self.doctype_system_id = system_id(&doctype);
                None
            }
            XmlEvent::Start(root) => Some(self.open_root(cursor, &root, Place::Root)?),
            XmlEvent::Empty(root) => Some(self.open_root(cursor, &root, Place::Epilog)?),
            XmlEvent::Decl(declaration) => {
                check_encoding(&declaration, cursor.event_start())?;
                None
            }
            // Text is never committed: the window may end inside it, and a commit there would
            // split what the whole input reads as one run.
            XmlEvent::Text(_) => return Ok(None),
            XmlEvent::Comment(_) | XmlEvent::PI(_) => None,
        };
        self.commit(cursor);
        Ok(event)
    }

    fn open_root<'w>(
        &mut self,
        cursor: &Cursor<'w>,
        root: &BytesStart<'_>,
        next: Place,
    ) -> Result<Event<'w>, Fault> {
        let name = root.name().0;
        if name != ROOT {
            let kind = ErrorKind::UnexpectedRoot {
                name: name.to_owned(),
            };
            return Err(not_an_export(cursor, kind));
        }
        self.place = next;
        Ok(Event::Document(DocumentStart {
            doctype_system_id: self.doctype_system_id.take().map(Cow::Owned),
        }))
    }

    fn root<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        let event = match next_child(cursor, ROOT)? {
            Child::End => {
                self.place = Place::Epilog;
                None
            }
            Child::Element { start, is_empty } => match (start.name().0, is_empty) {
                ("REQUEST", false) => {
                    let request_start = cursor.event_start();
                    let request = read_request(cursor, 2).map_err(|error| {
                        self.skip_from(request_start, 0, error.within(|| "REQUEST".to_owned()))
                    })?;
                    Some(Event::Request(request))
                }
                ("RESPONSE", false) => {
                    self.place = Place::Response;
                    self.is_response_started = false;
                    None
                }
                ("RESPONSE", true) => Some(Event::Response(ResponseStart::default())),
                _ => {
                    let element_start = cursor.event_start();
                    read_extra(cursor, &start, is_empty, 1)
                        .map_err(|error| self.skip_from(element_start, 0, error))?;
                    None
                }
            },
        };
        self.commit(cursor);
        Ok(event)
    }

    fn response<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        let before = cursor.offset();
        let child = next_child(cursor, "RESPONSE")?;

        if !self.is_response_started {
            if let Child::Element {
                start,
                is_empty: false,
            } = &child
                && start.name().0 == "DATETIME"
            {
                let field = Field {
                    name: "DATETIME",
                    offset: cursor.event_start(),
                };
                let text = read_value(cursor, "DATETIME").map_err(|error| {
                    // The start is reported, with no date, once DATETIME is skipped.
                    self.skip_from(field.offset, 0, error.within(|| "DATETIME".to_owned()))
                })?;
                self.commit(cursor);
                // After an invalid date the start is reported, with no date, on the next step.
                let datetime = field.timestamp(text)?;
                self.is_response_started = true;
                return Ok(Some(Event::Response(ResponseStart { datetime })));
            }
            // The first child is not DATETIME: report the start and read that child next.
            self.is_response_started = true;
            self.offset = before;
            return Ok(Some(Event::Response(ResponseStart::default())));
        }

        let event = match child {
            Child::End => {
                self.place = Place::Root;
                None
            }
            Child::Element { start, is_empty } => match (start.name().0, is_empty) {
                ("ASSET_LIST", false) => {
                    self.place = Place::AssetList;
                    None
                }
                ("WARNING", false) => {
                    let warning_start = cursor.event_start();
                    let warning = read_warning(cursor, 3).map_err(|error| {
                        self.skip_from(warning_start, 0, error.within(|| "WARNING".to_owned()))
                    })?;
                    Some(Event::Warning(warning))
                }
                _ => {
                    let element_start = cursor.event_start();
                    read_extra(cursor, &start, is_empty, 2)
                        .map_err(|error| self.skip_from(element_start, 0, error))?;
                    None
                }
            },
        };
        self.commit(cursor);
        Ok(event)
    }

    fn asset_list<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        let child = next_child(cursor, "ASSET_LIST")?;
        let Child::Element { start, is_empty } = child else {
            self.place = Place::Response;
            self.commit(cursor);
            return Ok(None);
        };
        if start.name().0 != "ASSET" {
            let element_start = cursor.event_start();
            read_extra(cursor, &start, is_empty, 3)
                .map_err(|error| self.skip_from(element_start, 0, error))?;
            self.commit(cursor);
            return Ok(None);
        }

        let asset_start = cursor.event_start();
        if is_empty {
            self.commit(cursor);
            return Err(missing_id(asset_start));
        }
        let mut header = AssetHeader::default();
        let mut seen = Seen::default();
        let mut read_ahead = None;
        let fields = read_header(cursor, &mut header, &mut seen, &mut read_ahead);
        let fields = fields.map_err(|error| {
            let segment = asset_segment(seen.contains(ID_BIT).then_some(header.id));
            self.skip_from(asset_start, 0, error.within(|| segment))
        })?;
        if !seen.contains(ID_BIT) {
            return Err(self.skip_from(asset_start, 0, missing_id(asset_start)));
        }

        self.asset = Some(OpenAsset {
            id: header.id,
            seen,
            trailing: None,
            is_read_ahead: read_ahead.is_some(),
        });
        self.commit(cursor);
        match (read_ahead, fields) {
            // The detections come next, read from where the list started.
            (Some(list), _) => {
                self.offset = list.offset;
                self.is_asset_end_pending = false;
                self.place = if list.is_empty {
                    Place::AssetTail
                } else {
                    Place::Detections
                };
            }
            (None, FieldsEnd::DetectionList { is_empty: false }) => self.place = Place::Detections,
            (None, FieldsEnd::DetectionList { is_empty: true }) => self.place = Place::AssetTail,
            (None, FieldsEnd::AssetEnd) => self.is_asset_end_pending = true,
        }
        Ok(Some(Event::Asset(header)))
    }

    fn detections<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        let Child::Element { start, is_empty } = next_child(cursor, "DETECTION_LIST")? else {
            self.place = Place::AssetTail;
            self.commit(cursor);
            return Ok(None);
        };
        let detection_start = cursor.event_start();
        if start.name().0 != "DETECTION" {
            // A bad value here costs the asset, as one in a detection does.
            read_extra(cursor, &start, is_empty, 5)
                .map_err(|error| self.skip_from(detection_start, 2, error))?;
            self.commit(cursor);
            return Ok(None);
        }
        if is_empty {
            let missing = ErrorKind::MissingElement {
                element: "QID",
                parent: "DETECTION",
            };
            let error = fault(missing, detection_start, "DETECTION".to_owned());
            return Err(self.skip_from(detection_start, 2, error));
        }
        match read_detection(cursor, 6) {
            Ok(detection) => {
                self.commit(cursor);
                Ok(Some(Event::Detection(detection)))
            }
            Err(error) => Err(self.skip_from(detection_start, 2, error)),
        }
    }

    fn asset_tail<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        let tail_start = self.offset;
        let asset = self
            .asset
            .as_mut()
            .expect("an asset is open after its detection list");
        let mut fields = AssetHeader {
            id: asset.id,
            ..AssetHeader::default()
        };
        let mut seen = asset.seen;
        if asset.is_read_ahead {
            // These fields are already in the header: read past them.
            fields = AssetHeader::default();
            seen = Seen::default();
        }
        let end = match read_asset_fields(cursor, 4, &mut fields, &mut seen) {
            Ok(end) => end,
            Err(error) => return Err(self.skip_from(tail_start, 1, error)),
        };
        if asset.is_read_ahead {
            self.commit(cursor);
            return Ok(match end {
                FieldsEnd::DetectionList { is_empty } => {
                    if !is_empty {
                        self.place = Place::Detections;
                    }
                    None
                }
                FieldsEnd::AssetEnd => Some(self.end_asset(None)),
            });
        }
        asset.seen = seen;

        let has_fields = fields
            != AssetHeader {
                id: asset.id,
                ..AssetHeader::default()
            };
        if has_fields {
            match &mut asset.trailing {
                Some(trailing) => trailing.merge_trailing(fields.into_owned()),
                None => asset.trailing = Some(fields.into_owned()),
            }
        }
        self.commit(cursor);
        match end {
            FieldsEnd::DetectionList { is_empty } => {
                // A second list: its detections belong to the same asset.
                if !is_empty {
                    self.place = Place::Detections;
                }
                Ok(None)
            }
            FieldsEnd::AssetEnd => {
                let trailing = self.asset.as_mut().and_then(|asset| asset.trailing.take());
                Ok(Some(self.end_asset(trailing.map(Box::new))))
            }
        }
    }

    /// Closes the open asset.
    fn end_asset<'w>(&mut self, trailing: Option<Box<AssetHeader<'static>>>) -> Event<'w> {
        let asset = self.asset.take().expect("an asset is open when it ends");
        self.place = Place::AssetList;
        self.last_complete_asset = Some(asset.id);
        Event::AssetEnd(AssetEnd {
            id: asset.id,
            trailing,
        })
    }

    fn epilog<'w>(&mut self, cursor: &mut Cursor<'w>) -> Result<Option<Event<'w>>, Fault> {
        let mut leading_blank = 0;
        let found = match cursor.next()? {
            XmlEvent::Eof => {
                self.place = Place::Done;
                return Ok(Some(Event::End));
            }
            // As in the prolog, text is never committed.
            XmlEvent::Text(text) if is_blank(&text) => return Ok(None),
            XmlEvent::Comment(_) | XmlEvent::PI(_) => None,
            XmlEvent::Start(start) | XmlEvent::Empty(start) => {
                Some(format!("element {}", start.name().0))
            }
            XmlEvent::End(end) => Some(format!("end tag </{}>", end.name().0)),
            XmlEvent::Decl(_) => Some("XML declaration".to_owned()),
            XmlEvent::DocType(_) => Some("DOCTYPE".to_owned()),
            // The whole text must be in before it is reported, so that an invalid UTF-8 byte
            // in it is found first, as in a window that contains the whole input.
            XmlEvent::Text(_) if cursor.is_cut() => return Err(Fault::Incomplete),
            XmlEvent::Text(text) => {
                // Point at the text itself, past the line breaks before it.
                leading_blank = text.bytes().take_while(u8::is_ascii_whitespace).count();
                Some("text".to_owned())
            }
            XmlEvent::CData(_) | XmlEvent::GeneralRef(_) => Some("text".to_owned()),
        };
        if let Some(found) = found {
            let offset = cursor.event_start() + leading_blank as u64;
            return Err(fault(
                ErrorKind::TrailingContent { found },
                offset,
                String::new(),
            ));
        }
        self.commit(cursor);
        Ok(None)
    }

    /// Arranges for the next steps to skip the element that failed, which starts at `offset`
    /// with `depth` elements open between it and where the parser resumes, and passes the
    /// error on.
    fn skip_from(&mut self, offset: u64, depth: u32, fault: Fault) -> Fault {
        if let Fault::Error(error) = &fault
            && !error.is_fatal()
        {
            let then = match self.place {
                Place::Detections | Place::AssetTail => Place::AssetList,
                place => place,
            };
            self.offset = offset;
            self.skip = Some(Skip { depth, then });
        }
        fault
    }

    /// Reads past the rest of a failed element, without checking end tag names.
    fn skip<'w>(&mut self, cursor: &mut Cursor<'w>, mut skip: Skip) -> Result<Event<'w>, Fault> {
        loop {
            match cursor.next()? {
                XmlEvent::Start(_) => {
                    skip.depth += 1;
                    if skip.depth > self.limits.max_depth {
                        let max = u64::from(self.limits.max_depth);
                        let kind = ErrorKind::LimitExceeded {
                            limit: Limit::Depth,
                            max,
                        };
                        return Err(fault(kind, cursor.event_start(), String::new()));
                    }
                }
                XmlEvent::End(_) => skip.depth = skip.depth.saturating_sub(1),
                XmlEvent::Eof => return Err(unexpected_eof(cursor)),
                XmlEvent::Empty(_) => {}
                _ => continue,
            }
            self.commit(cursor);
            self.skip = Some(skip);
            if skip.depth == 0 {
                self.skip = None;
                self.asset = None;
                self.place = skip.then;
                return self.advance(cursor);
            }
        }
    }

    /// Completes an error raised outside the core, such as a failed read, and stops the core.
    pub(crate) fn fail(&mut self, error: Error) -> Error {
        let mut error = self.finish_error(error);
        self.place = Place::Done;
        error.set_last_complete_asset(self.last_complete_asset);
        error
    }

    /// Completes an error with the path of the place it happened in and the last complete
    /// asset, and stops the core when the error is fatal.
    fn finish_error(&mut self, mut error: Error) -> Error {
        let asset = self.asset.as_ref().map(|asset| asset.id);
        let outer = match self.place {
            Place::Prolog | Place::Epilog | Place::Done => String::new(),
            Place::Root => format!("/{ROOT}"),
            Place::Response => format!("/{ROOT}/RESPONSE"),
            Place::AssetList => format!("/{ROOT}/RESPONSE/ASSET_LIST"),
            Place::AssetTail => format!("/{ROOT}/RESPONSE/ASSET_LIST/{}", asset_segment(asset)),
            Place::Detections => {
                format!(
                    "/{ROOT}/RESPONSE/ASSET_LIST/{}/DETECTION_LIST",
                    asset_segment(asset)
                )
            }
        };
        if !outer.is_empty() {
            error.prepend_path(&outer);
        }
        error.set_last_complete_asset(self.last_complete_asset);
        if error.is_fatal() {
            self.place = Place::Done;
        }
        error
    }
}

fn asset_segment(id: Option<u64>) -> String {
    match id {
        Some(id) => format!("ASSET[id={id}]"),
        None => "ASSET".to_owned(),
    }
}

/// The start of an asset's `DETECTION_LIST`, when the fields after it were read ahead.
struct ReadAhead {
    /// The offset just after the list's start tag.
    offset: u64,
    is_empty: bool,
}

/// Reads an asset's fields up to its `DETECTION_LIST`, and, when the `ID` is not among them,
/// on past the list (and any later list) to the asset's end, so that the header has its `ID`
/// before any detection is handed out. The read-ahead is rare and keeps the whole asset in
/// the window, within [`Limits::max_record_bytes`].
fn read_header<'w>(
    cursor: &mut Cursor<'w>,
    header: &mut AssetHeader<'w>,
    seen: &mut Seen,
    read_ahead: &mut Option<ReadAhead>,
) -> Result<FieldsEnd, Fault> {
    let mut end = read_asset_fields(cursor, 4, header, seen)?;
    if seen.contains(ID_BIT) {
        return Ok(end);
    }
    while let FieldsEnd::DetectionList { is_empty } = end {
        if read_ahead.is_none() {
            *read_ahead = Some(ReadAhead {
                offset: cursor.offset(),
                is_empty,
            });
        }
        if !is_empty {
            skip_element(cursor, "DETECTION_LIST", 4)?;
        }
        end = read_asset_fields(cursor, 4, header, seen)?;
    }
    Ok(end)
}

/// Explains a body that does not start like an export, from the event just read to the end
/// of the input: an API error envelope, an HTML page or a JSON body becomes
/// [`ErrorKind::Reply`], and anything else `otherwise`.
///
/// Such bodies are small, so the whole rest of the input is read first, within
/// [`Limits::max_record_bytes`].
#[cold]
fn not_an_export(cursor: &Cursor<'_>, otherwise: ErrorKind) -> Fault {
    if !cursor.at_eof() {
        return Fault::Incomplete;
    }
    let start = cursor.event_start();
    let kind = match crate::reply::classify(cursor.bytes_from(start)) {
        Err(reply) => ErrorKind::Reply(reply),
        Ok(_) => otherwise,
    };
    fault(kind, start, String::new())
}

#[cold]
fn missing_id(offset: u64) -> Fault {
    let kind = ErrorKind::MissingElement {
        element: "ID",
        parent: "ASSET",
    };
    fault(kind, offset, "ASSET".to_owned())
}

/// Fails unless the XML declaration names UTF-8 or no encoding.
fn check_encoding(declaration: &BytesDecl<'_>, offset: u64) -> Result<(), Fault> {
    let Some(Ok(name)) = declaration.encoding() else {
        return Ok(());
    };
    if name.eq_ignore_ascii_case("UTF-8") || name.eq_ignore_ascii_case("UTF8") {
        return Ok(());
    }
    let kind = ErrorKind::UnsupportedEncoding {
        name: name.into_owned(),
    };
    Err(fault(kind, offset, String::new()))
}

/// Names the UTF-16 byte order mark at the start of `bytes`, if there is one.
fn utf16_byte_order_mark(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

fn is_blank(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_whitespace())
}

/// Finds the system identifier in the content of a `DOCTYPE`, such as
/// `ASSET_LIST_VM_DETECTION_OUTPUT SYSTEM "https://.../asset_list_output.dtd"`.
fn system_id(doctype: &str) -> Option<String> {
    let doctype = doctype.trim_start();
    let name_end = doctype.find(|c: char| c.is_ascii_whitespace() || c == '[')?;
    let external_id = doctype[name_end..].trim_start();
    let (literals, index) = if let Some(rest) = external_id.strip_prefix("SYSTEM") {
        (rest, 0)
    } else if let Some(rest) = external_id.strip_prefix("PUBLIC") {
        // A public identifier comes first, then the system identifier.
        (rest, 1)
    } else {
        return None;
    };
    quoted_literals(literals).nth(index).map(str::to_owned)
}

/// Yields the quoted strings at the start of `text`, up to an internal subset.
fn quoted_literals(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let (literal, after) = rest[1..].split_once(quote)?;
        rest = after;
        Some(literal)
    })
}

#[cfg(test)]
mod tests {
    use super::system_id;

    #[test]
    fn doctype_system_id() {
        assert_eq!(
            system_id("ASSET_LIST_VM_DETECTION_OUTPUT SYSTEM \"https://host01.example/a.dtd\"")
                .as_deref(),
            Some("https://host01.example/a.dtd")
        );
        assert_eq!(
            system_id("X PUBLIC '-//Example//DTD X//EN' 'x.dtd' [<!ENTITY a 'b'>]").as_deref(),
            Some("x.dtd")
        );
        assert_eq!(system_id("X [<!ENTITY a 'b'>]"), None);
        assert_eq!(system_id("X"), None);
    }
}
