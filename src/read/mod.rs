//! The streaming reader over any `io::Read`.

use std::io::Read;
use std::sync::Arc;

use polonius_the_crab::prelude::*;

use crate::assets::AssetBuilder;
use crate::error::{Error, ErrorKind, Limit, locate};
use crate::event::Event;
use crate::limits::Limits;
use crate::model::{Asset, Warning};
use crate::parse::{Core, Step};

mod window;

use window::{Plan, Window};

/// The default smallest read from the source, in bytes. It is large enough that the cost of
/// each read (moving the unread rest of the window, restarting a cut record) stays small. It
/// is small enough for a typical L2 cache, and reads of 1 MiB measured slower.
const DEFAULT_READ_SIZE: usize = 256 * 1024;

/// A pull parser over any byte source (a file, standard input, an HTTP body), with memory
/// bounded by the largest record rather than the document.
///
/// It hands out the same [`Event`]s as [`Parser`](crate::Parser), borrowing their text from
/// an internal buffer that is reused, so an event must be dropped before the next call.
/// For that reason it has [`read_event`](Reader::read_event) instead of `Iterator`;
/// [`Reader::assets`] is an iterator of owned assets.
///
/// The buffer contains one read from the source ([`Reader::with_read_size`]) and the one record
/// that the read cut: an asset's own fields, one detection, the request echo or the warning.
/// A record longer than a read makes the buffer grow to its size, up to
/// [`Limits::max_record_bytes`]. The reader reads into the buffer itself, so a `BufReader`
/// around the source adds nothing.
///
/// # Example
///
/// ```
/// use qualys_sem::{Event, Reader};
///
/// let body: &[u8] = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>
///   <ASSET><ID>231</ID><DETECTION_LIST><DETECTION><QID>610100</QID></DETECTION></DETECTION_LIST></ASSET>
/// </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
///
/// let mut reader = Reader::new(body);
/// let mut qids = Vec::new();
/// while let Some(event) = reader.read_event() {
///     if let Event::Detection(detection) = event? {
///         qids.push(detection.qid);
///     }
/// }
/// assert_eq!(qids, [610100]);
/// # Ok::<(), qualys_sem::Error>(())
/// ```
pub struct Reader<R> {
    source: R,
    window: Window,
    base: u64,
    base_line: u64,
    base_column: u64,
    at_eof: bool,
    read_size: usize,
    core: Core,
    limits: Limits,
    deferred_error: Option<Error>,
}

/// The window ends before the next record does.
struct NeedMore;

impl<R: Read> Reader<R> {
    /// Creates a reader with the default [`Limits`].
    pub fn new(source: R) -> Reader<R> {
        Reader::with_limits(source, Limits::default())
    }

    /// Creates a reader with the given limits.
    pub fn with_limits(source: R, limits: Limits) -> Reader<R> {
        Reader {
            source,
            window: Window::new(),
            base: 0,
            base_line: 1,
            base_column: 1,
            at_eof: false,
            read_size: DEFAULT_READ_SIZE,
            core: Core::new(limits),
            limits,
            deferred_error: None,
        }
    }

    /// Sets how many bytes the reader gathers from its source before it parses again: 256 KiB
    /// unless set. Less makes the first events come sooner from a slow source and keeps the
    /// buffer smaller. It also costs time, because after each read the reader moves and
    /// parses again the record that the read cut. Values below 1 count as 1.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::Reader;
    ///
    /// let body: &[u8] = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>
    ///   <ASSET><ID>1</ID></ASSET><ASSET><ID>2</ID></ASSET>
    /// </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
    ///
    /// let assets = Reader::new(body).with_read_size(16).assets();
    /// assert_eq!(assets.count(), 2);
    /// ```
    pub fn with_read_size(mut self, bytes: usize) -> Reader<R> {
        self.read_size = bytes.max(1);
        self
    }

    /// Reads the next event, or `None` at the end of the document or after a fatal error.
    ///
    /// Errors follow the same rules as [`Parser`](crate::Parser): after an error in one
    /// asset's values the next event is the next asset; after a fatal one there is nothing
    /// more.
    pub fn read_event(&mut self) -> Option<Result<Event<'_>, Error>> {
        let mut this = self;
        loop {
            polonius!(|this| -> Option<Result<Event<'polonius>, Error>> {
                if let Ok(result) = this.try_step() {
                    polonius_return!(result);
                }
            });
            if let Err(error) = this.fill() {
                return Some(Err(error));
            }
        }
    }

    /// Returns how many bytes the reader has taken from the source.
    pub fn bytes_read(&self) -> u64 {
        self.base + self.window.taken() as u64
    }

    /// Returns the ID of the last asset whose end was reached.
    pub fn last_complete_asset(&self) -> Option<u64> {
        self.core.last_complete_asset()
    }

    /// Turns the reader into an iterator over owned assets, one at a time.
    pub fn assets(self) -> ReaderAssets<R> {
        ReaderAssets {
            reader: self,
            builder: AssetBuilder::default(),
        }
    }

    /// Runs one step of the core over the buffered window.
    fn try_step(&mut self) -> Result<Option<Result<Event<'_>, Error>>, NeedMore> {
        let window = self.window.bytes();
        match self
            .core
            .step(window, self.window.text(), self.base, self.at_eof)
        {
            Step::Event(event) => Ok(Some(Ok(event))),
            Step::Finished => Ok(None),
            Step::NeedMore => Err(NeedMore),
            Step::Error(mut error) => {
                self.locate(&mut error);
                Ok(Some(Err(error)))
            }
        }
    }

    /// Drops the bytes the core is done with, then reads more from the source: at least as
    /// much as the window holds, so that re-reading a long record stays linear in its length
    /// even from a source that trickles.
    fn fill(&mut self) -> Result<(), Error> {
        if let Some(error) = self.deferred_error.take() {
            return Err(self.fail(error));
        }
        self.discard_consumed();

        let window = self.window.bytes().len();
        let max = self.limits.max_record_bytes;
        if window as u64 > max {
            let error = Error::new(
                ErrorKind::LimitExceeded {
                    limit: Limit::RecordBytes,
                    max,
                },
                self.base,
                String::new(),
            );
            return Err(self.fail(error));
        }

        // While the core waits for the end of a long detection, reading on until its end tag
        // is in the window spares parsing a long RESULTS again after every read. Searching
        // runs about ten times as fast as parsing, so a record shorter than a sixteenth of a
        // read is cheaper to parse again than to search for.
        let is_long = window >= self.read_size / 16;
        let plan = Plan {
            at_least: window.max(self.read_size),
            until: self.core.record_end_hint().filter(|_| is_long),
            max_window: usize::try_from(max).unwrap_or(usize::MAX),
        };
        let filled = self.window.read_from(&mut self.source, plan);
        self.at_eof = filled.at_eof;

        if let Some(error) = filled.error {
            let error = Error::new(
                ErrorKind::Io(Arc::new(error)),
                self.bytes_read(),
                String::new(),
            );
            // Bytes read before the failure are parsed first: the error comes after every
            // record they complete.
            if filled.count > 0 {
                self.deferred_error = Some(error);
                return Ok(());
            }
            return Err(self.fail(error));
        }
        Ok(())
    }

    /// Moves the bytes from the core's offset on to the front of the buffer, keeping the line
    /// and column of the new front for error positions.
    fn discard_consumed(&mut self) {
        let consumed = (self.core.offset() - self.base) as usize;
        if consumed == 0 {
            return;
        }
        let dropped = &self.window.bytes()[..consumed];
        let newlines = memchr::memchr_iter(b'\n', dropped).count() as u64;
        match memchr::memrchr(b'\n', dropped) {
            Some(at) => {
                self.base_line += newlines;
                self.base_column = (consumed - at) as u64;
            }
            None => self.base_column += consumed as u64,
        }
        self.window.discard(consumed);
        self.base += consumed as u64;
    }

    /// Completes an error raised by the reader itself and ends the parse.
    fn fail(&mut self, error: Error) -> Error {
        let mut error = self.core.fail(error);
        self.locate(&mut error);
        error
    }

    /// Sets the line and column of an error from its offset, which lies in the window.
    fn locate(&self, error: &mut Error) {
        let window = self.window.bytes();
        let offset = error.position().offset;
        let position = locate(window, self.base, self.base_line, self.base_column, offset);
        error.set_position(position);
    }
}

/// An iterator over the owned assets of a [`Reader`], one at a time.
///
/// As with [`Assets`](crate::Assets), an error in one asset costs only that asset, and the
/// iteration ends after a fatal error.
///
/// # Example
///
/// ```
/// use qualys_sem::Reader;
///
/// let body: &[u8] = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>
///   <ASSET><ID>1</ID></ASSET><ASSET><ID>2</ID></ASSET>
/// </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
///
/// let ids: Vec<u64> = Reader::new(body)
///     .assets()
///     .map(|asset| asset.map(|asset| asset.header.id))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(ids, [1, 2]);
/// # Ok::<(), qualys_sem::Error>(())
/// ```
pub struct ReaderAssets<R> {
    reader: Reader<R>,
    builder: AssetBuilder<'static>,
}

impl<R: Read> ReaderAssets<R> {
    /// Takes the page's `WARNING`, once the iteration has passed it (after the last asset).
    pub fn take_warning(&mut self) -> Option<Warning<'static>> {
        self.builder.take_warning()
    }

    /// Returns the reader, for its position and last complete asset.
    pub fn reader(&self) -> &Reader<R> {
        &self.reader
    }
}

impl<R: Read> Iterator for ReaderAssets<R> {
    type Item = Result<Asset<'static>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.reader.read_event()? {
                Ok(event) => {
                    if let Some(asset) = self.builder.push(event.into_owned()) {
                        return Some(Ok(asset));
                    }
                }
                Err(error) => {
                    self.builder.discard();
                    return Some(Err(error));
                }
            }
        }
    }
}
