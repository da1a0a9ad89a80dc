//! A window of input read through quick-xml, with absolute offsets and the rule that sets
//! "the window ends too soon" apart from "the input is malformed".

use quick_xml::encoding::EncodingError;
use quick_xml::errors::{Error as XmlError, IllFormedError};
use quick_xml::events::{BytesStart, BytesText, Event as XmlEvent};

/// U+FEFF, which UTF-8 writes as EF BB BF.
const BYTE_ORDER_MARK: &str = "\u{FEFF}";

use crate::error::{Error, ErrorKind, Limit};
use crate::limits::Limits;

/// The reason a step could not finish.
#[derive(Debug)]
pub(crate) enum Fault {
    /// The window ended before the current record did; more input may complete it.
    Incomplete,
    /// A real error. Its path is relative to the record, and the core adds the rest.
    Error(Error),
}

impl From<Error> for Fault {
    fn from(error: Error) -> Self {
        Fault::Error(error)
    }
}

impl Fault {
    /// Puts the element path `segment` in front of an error's path; `segment` is only built
    /// when there is an error.
    pub(crate) fn within(self, segment: impl FnOnce() -> String) -> Fault {
        match self {
            // A record that is too long is reported where the record starts, outside it.
            Fault::Error(error)
                if matches!(
                    error.kind(),
                    ErrorKind::LimitExceeded {
                        limit: Limit::RecordBytes,
                        ..
                    }
                ) =>
            {
                Fault::Error(error)
            }
            Fault::Error(mut error) => {
                error.prepend_path(&segment());
                Fault::Error(error)
            }
            incomplete => incomplete,
        }
    }
}

/// Builds an error for `kind` at an absolute offset, with a path relative to the record.
#[cold]
pub(crate) fn fault(kind: ErrorKind, offset: u64, path: String) -> Fault {
    Fault::Error(Error::new(kind, offset, path))
}

/// Unread input: its bytes and, when the input is known to be UTF-8, the same bytes as a
/// string, which turns each value into a slice with no second UTF-8 check.
#[derive(Clone, Copy)]
pub(crate) struct Rest<'w> {
    pub(crate) bytes: &'w [u8],
    text: Option<&'w str>,
}

impl<'w> Rest<'w> {
    /// Returns what follows the first `count` bytes.
    pub(crate) fn after(&self, count: usize) -> Rest<'w> {
        Rest {
            bytes: &self.bytes[count..],
            text: self.text.and_then(|text| text.get(count..)),
        }
    }

    /// Returns the bytes from `start` to `end` as a string, or `None` when they are not UTF-8.
    pub(crate) fn text(&self, start: usize, end: usize) -> Option<&'w str> {
        match self.text {
            Some(text) => text.get(start..end),
            None => std::str::from_utf8(&self.bytes[start..end]).ok(),
        }
    }
}

/// Reads XML events from one window of the input.
///
/// A fresh cursor starts at a record boundary (just after a `>`, or at the start of the
/// input), which is why the core can always restart a record from where it began.
pub(crate) struct Cursor<'w> {
    reader: quick_xml::Reader<&'w [u8]>,
    skipped: u64,
    /// Bytes of byte order marks at the start of the window that quick-xml does not see and
    /// that the next event hands out as text.
    marks: usize,
    text: Option<&'w str>,
    bytes: &'w [u8],
    len: usize,
    base: u64,
    /// The window as given, with the byte order marks that `bytes` leaves out, and its offset.
    window: &'w [u8],
    window_base: u64,
    at_eof: bool,
    event_start: u64,
    record_start: u64,
    limits: Limits,
}

impl<'w> Cursor<'w> {
    /// Creates a cursor over `bytes`, whose first byte is at absolute offset `base`.
    /// `at_eof` is true when the input ends with `bytes`.
    ///
    /// `text` is the same window as a string, when the caller knows it to be UTF-8: the cursor
    /// then takes field values from it without checking them again.
    pub(crate) fn new(
        bytes: &'w [u8],
        text: Option<&'w str>,
        base: u64,
        at_eof: bool,
        limits: Limits,
    ) -> Self {
        // quick-xml drops a byte order mark at the start of every new reader. Past the start
        // of the input it is a character like any other, so the cursor hands out the marks at
        // the start of the window as text and gives quick-xml the bytes after them.
        let marks = match base {
            0 => 0,
            _ => {
                let mark = BYTE_ORDER_MARK.as_bytes();
                let count = bytes
                    .chunks_exact(mark.len())
                    .take_while(|chunk| chunk == &mark);
                count.count() * mark.len()
            }
        };
        let rest = &bytes[marks..];
        let reader_base = base + marks as u64;
        let text = text.and_then(|text| text.get(bytes.len() - rest.len()..));
        let mut reader = quick_xml::Reader::from_reader(rest);
        let config = reader.config_mut();
        // End names are checked by the core against its own element stack, because a cursor
        // only lives for one window and would lose quick-xml's stack between windows.
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Cursor {
            reader,
            skipped: 0,
            marks,
            bytes: rest,
            text,
            len: rest.len(),
            base: reader_base,
            window: bytes,
            window_base: base,
            at_eof,
            event_start: base,
            record_start: base,
            limits,
        }
    }

    /// Returns the absolute offset just after the last event.
    pub(crate) fn offset(&self) -> u64 {
        self.base + self.consumed()
    }

    /// Returns how many bytes of the window quick-xml and [`Cursor::skip`] have consumed.
    fn consumed(&self) -> u64 {
        self.skipped + self.reader.buffer_position()
    }

    /// Moves past the next `count` bytes without reading them as events. Only for bytes that
    /// the caller has read itself, ending just after a `>`, where quick-xml expects text.
    pub(crate) fn skip(&mut self, count: usize) {
        let source = self.reader.get_mut();
        *source = &source[count..];
        self.skipped += count as u64;
    }

    /// Returns the name of the element whose start tag was the last event, borrowed from the
    /// window.
    pub(crate) fn element_name(&self, start: &BytesStart<'_>) -> &'w str {
        let length = start.name().0.len();
        let at = (self.event_start - self.base) as usize + 1;
        // quick-xml checked these bytes as UTF-8 when it read the tag.
        std::str::from_utf8(&self.bytes[at..at + length]).unwrap_or_default()
    }

    /// Returns the part of the window that has not been read yet, with its text when known.
    pub(crate) fn rest(&self) -> Rest<'w> {
        let bytes = self.remaining();
        let text = self
            .text
            .and_then(|text| text.get(text.len() - bytes.len()..));
        Rest { bytes, text }
    }

    /// Returns the bytes of the window that have not been read yet.
    pub(crate) fn remaining(&self) -> &'w [u8] {
        // A slice reader keeps the unread part of its slice as its source.
        self.reader.get_ref()
    }

    /// Returns the absolute offset where the last event started.
    pub(crate) fn event_start(&self) -> u64 {
        self.event_start
    }

    /// Tells whether the input ends with this window.
    pub(crate) fn at_eof(&self) -> bool {
        self.at_eof
    }

    /// Tells whether the last event ran to the end of a window that more input follows:
    /// text there may go on past it.
    pub(crate) fn is_cut(&self) -> bool {
        !self.at_eof && self.consumed() as usize >= self.len
    }

    /// Returns the window from absolute offset `offset` (not before the window) to its end.
    pub(crate) fn bytes_from(&self, offset: u64) -> &'w [u8] {
        let start = usize::try_from(offset.saturating_sub(self.window_base)).unwrap_or(usize::MAX);
        &self.window[start.min(self.window.len())..]
    }

    /// Returns the configured limits.
    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Marks the current offset as the start of a record, for the record size limit.
    pub(crate) fn start_record(&mut self) {
        self.record_start = self.offset();
    }

    /// Reads the next event.
    ///
    /// At the end of the window, `Eof` is returned only when the input ends there too;
    /// otherwise the cursor reports [`Fault::Incomplete`].
    pub(crate) fn next(&mut self) -> Result<XmlEvent<'w>, Fault> {
        if self.marks > 0 {
            return self.text_from_marks();
        }
        self.event_start = self.offset();
        match self.reader.read_event() {
            Ok(XmlEvent::Eof) if !self.at_eof => Err(Fault::Incomplete),
            Ok(event) => {
                self.check_record_size()?;
                Ok(event)
            }
            Err(error) => Err(self.classify(error)),
        }
    }

    /// Fails when the record has grown past [`Limits::max_record_bytes`].
    pub(crate) fn check_record_size(&self) -> Result<(), Fault> {
        let max = self.limits.max_record_bytes;
        if self.offset() - self.record_start > max {
            return Err(fault(
                ErrorKind::LimitExceeded {
                    limit: Limit::RecordBytes,
                    max,
                },
                self.record_start,
                String::new(),
            ));
        }
        Ok(())
    }

    /// Returns the byte order marks at the start of the window, which quick-xml does not see,
    /// as text. Text after them joins them in one event, as in a window that began earlier.
    #[cold]
    fn text_from_marks(&mut self) -> Result<XmlEvent<'w>, Fault> {
        let marks = std::mem::take(&mut self.marks);
        let marks_start = self.base - marks as u64;
        if matches!(self.bytes.first(), None | Some(b'<' | b'&')) {
            self.event_start = marks_start;
            let text = std::str::from_utf8(&self.window[..marks]).expect("byte order marks");
            return Ok(XmlEvent::Text(BytesText::from_escaped(text)));
        }

        // The text after the marks, checked by quick-xml, whose offsets start past them.
        self.event_start = self.offset();
        match self.reader.read_event() {
            Ok(XmlEvent::Text(_)) => {
                self.check_record_size()?;
                self.event_start = marks_start;
                let end = marks + self.consumed() as usize;
                let whole = std::str::from_utf8(&self.window[..end])
                    .expect("byte order marks and text that quick-xml checked");
                Ok(XmlEvent::Text(BytesText::from_escaped(whole)))
            }
            // quick-xml reads bytes other than `<` and `&` as text, and the bytes after the
            // marks do not start with another mark that it would drop.
            Ok(_) => unreachable!("the bytes after byte order marks start text"),
            Err(error) => Err(self.classify(error)),
        }
    }

    /// Tells a window that ends inside markup from malformed input.
    #[cold]
    fn classify(&self, error: XmlError) -> Fault {
        let consumed_all = self.consumed() as usize >= self.len;
        let error_offset = self.base + self.skipped + self.reader.error_position();
        let near_end = self.base + self.len as u64 - error_offset < 16;
        if !self.at_eof && (consumed_all || near_end) {
            return Fault::Incomplete;
        }

        let kind = match error {
            XmlError::Encoding(EncodingError::Utf8(utf8)) => {
                // The UTF-8 error counts from the event's content, which for text starts
                // where the event does.
                let offset = self.event_start + utf8.valid_up_to() as u64;
                return fault(ErrorKind::InvalidUtf8, offset, String::new());
            }
            XmlError::Syntax(_) | XmlError::IllFormed(IllFormedError::UnclosedReference)
                if consumed_all || near_end =>
            {
                ErrorKind::UnexpectedEof
            }
            other => ErrorKind::Syntax(other),
        };
        fault(kind, error_offset, String::new())
    }
}
