//! The pull parser over a document in memory.

use crate::error::{Error, locate};
use crate::event::Event;
use crate::limits::Limits;
use crate::parse::{Core, Step};

/// A pull parser over a whole document in memory, handing out [`Event`]s that borrow their
/// text from the input.
///
/// Field values are `Cow::Borrowed` slices of the input unless they had to be joined or
/// decoded (entity references, several CDATA sections), so the common path allocates nothing
/// per field. It iterates over `Result<Event, Error>`:
///
/// - after an error in the values of one asset (see [`Error::is_fatal`]), the next item is
///   the next asset: the rest of the failed asset is skipped, and no
///   [`Event::AssetEnd`] is given for it;
/// - after a fatal error, such as malformed XML or a document that ends early, the
///   iteration ends.
///
/// # Example
///
/// ```
/// use qualys_sem::{Event, Parser};
///
/// let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
/// <ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><DATETIME>2021-10-18T07:58:11.268Z</DATETIME>
///   <ASSET_LIST><ASSET><ID>231</ID><OS>iOS</OS><DETECTION_LIST>
///     <DETECTION><QID>610100</QID><TYPE>Information</TYPE>
///       <RESULTS><![CDATA[iOS : 14.5]]></RESULTS></DETECTION>
///   </DETECTION_LIST></ASSET></ASSET_LIST>
/// </RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
///
/// let mut results = Vec::new();
/// for event in Parser::new(xml) {
///     match event? {
///         Event::Asset(asset) => assert_eq!(asset.os.as_deref(), Some("iOS")),
///         Event::Detection(detection) => results.push(detection.results),
///         _ => {}
///     }
/// }
/// assert_eq!(results, [Some("iOS : 14.5".into())]);
/// # Ok::<(), qualys_sem::Error>(())
/// ```
pub struct Parser<'i> {
    input: &'i [u8],
    /// The input as a string, when it is all UTF-8: checked once, so that values are slices
    /// of it with no second check.
    text: Option<&'i str>,
    core: Core,
}

impl<'i> Parser<'i> {
    /// Creates a parser over a document's bytes, with the default [`Limits`].
    pub fn new(input: &'i [u8]) -> Parser<'i> {
        Parser::with_limits(input, Limits::default())
    }

    /// Creates a parser over a document's bytes with the given limits.
    pub fn with_limits(input: &'i [u8], limits: Limits) -> Parser<'i> {
        Parser {
            input,
            text: std::str::from_utf8(input).ok(),
            core: Core::new(limits),
        }
    }

    /// Creates a parser over a document held in a string.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(input: &'i str) -> Parser<'i> {
        Parser {
            input: input.as_bytes(),
            text: Some(input),
            core: Core::new(Limits::default()),
        }
    }

    /// Returns the offset in bytes where the next event starts to be read.
    pub fn offset(&self) -> u64 {
        self.core.offset()
    }

    /// Returns the ID of the last asset whose end was reached.
    pub fn last_complete_asset(&self) -> Option<u64> {
        self.core.last_complete_asset()
    }
}

impl<'i> Iterator for Parser<'i> {
    type Item = Result<Event<'i>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.core.step(self.input, self.text, 0, true) {
            Step::Event(event) => Some(Ok(event)),
            Step::Error(mut error) => {
                error.set_position(locate(self.input, 0, 1, 1, error.position().offset));
                Some(Err(error))
            }
            Step::Finished => None,
            Step::NeedMore => unreachable!("a window that holds the whole input never needs more"),
        }
    }
}
