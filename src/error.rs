//! The error type of the parser and the reader.

use std::fmt;
use std::io;
use std::sync::Arc;

/// A place in the input: byte offset, line and column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Position {
    /// Offset in bytes from the start of the input, counting from 0 and including any BOM.
    pub offset: u64,
    /// Line number, counting from 1. Lines end at `\n`.
    pub line: u64,
    /// Column in bytes from the start of the line, counting from 1.
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// A limit of [`Limits`](crate::Limits) that the input went past.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_depth`](crate::Limits::max_depth).
    Depth,
    /// [`Limits::max_value_bytes`](crate::Limits::max_value_bytes).
    ValueBytes,
    /// [`Limits::max_record_bytes`](crate::Limits::max_record_bytes).
    RecordBytes,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limit::Depth => "element nesting depth",
            Limit::ValueBytes => "bytes in one value",
            Limit::RecordBytes => "bytes in one record",
        })
    }
}

/// The kind of an error. See [`Error::is_fatal`] for which kinds end the parse.
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed XML.
    #[error("malformed XML: {0}")]
    Syntax(#[source] quick_xml::Error),
    /// An end tag does not close the element that is open.
    #[error("malformed XML: expected </{expected}>, found </{found}>")]
    MismatchedEndTag {
        /// The element that is open.
        expected: String,
        /// The end tag found.
        found: String,
    },
    /// The input ended inside the document, as when a download is cut off.
    #[error("document ends early")]
    UnexpectedEof,
    /// The input has no root element: it is empty or holds only whitespace, comments or a
    /// prolog.
    #[error("no XML document: the input is empty or has no root element")]
    Empty,
    /// The reply is not an export but an error from the API or something in front of it:
    /// a `SIMPLE_RETURN` or `GENERIC_RETURN` envelope, an HTML page, a JSON body.
    #[error("{0}")]
    Reply(#[source] crate::reply::ReplyError),
    /// Text other than whitespace comes before the root element, as in a JSON or plain-text
    /// reply.
    #[error("unexpected text before the root element")]
    TextBeforeRoot,
    /// The root element is not `ASSET_LIST_VM_DETECTION_OUTPUT`.
    #[error("unexpected root element {name}, expected ASSET_LIST_VM_DETECTION_OUTPUT")]
    UnexpectedRoot {
        /// The name of the root element found.
        name: String,
    },
    /// Something other than comments, processing instructions and whitespace follows the root
    /// element.
    #[error("unexpected {found} after the root element")]
    TrailingContent {
        /// The content found, such as `element NAME` or `text`.
        found: String,
    },
    /// The input declares or starts with an encoding other than UTF-8. Exports are UTF-8;
    /// transcode anything else before parsing.
    #[error("unsupported encoding {name}, expected UTF-8")]
    UnsupportedEncoding {
        /// The encoding named by the XML declaration or shown by the byte order mark.
        name: String,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// A value does not have its type.
    #[error("invalid value {value:?} for {element}, expected {expected}")]
    InvalidValue {
        /// The element holding the value.
        element: String,
        /// The value, as read.
        value: String,
        /// A description of the expected value.
        expected: &'static str,
    },
    /// A required element is absent or empty.
    #[error("missing {element} in {parent}")]
    MissingElement {
        /// The element that is missing.
        element: &'static str,
        /// The element that should contain it.
        parent: &'static str,
    },
    /// An element appears inside a field that holds only text.
    #[error("unexpected element {name} inside {parent}, which holds only text")]
    UnexpectedElement {
        /// The element found.
        name: String,
        /// The field it was found in.
        parent: String,
    },
    /// A character reference names no valid XML character, such as `&#0;`.
    #[error("invalid character reference &{reference};")]
    InvalidCharacterReference {
        /// The reference without `&` and `;`.
        reference: String,
    },
    /// The input went past a configured limit.
    #[error("{limit} exceeds the limit of {max}")]
    LimitExceeded {
        /// The limit.
        limit: Limit,
        /// The configured maximum.
        max: u64,
    },
    /// Reading the input failed.
    #[error("read failed: {0}")]
    Io(#[source] Arc<io::Error>),
}

/// An error with the place in the input where it happened.
///
/// Its `Display` form names the problem, the position, the element path and, for a document
/// that ends early, the last complete asset:
///
/// ```text
/// invalid value "9" for SEVERITY, expected a severity from 1 to 5 at line 30, column 13 (byte 1187) in /ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/ASSET_LIST/ASSET[id=231]/DETECTION_LIST/DETECTION[qid=610100]/SEVERITY
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    // Boxed so that `Result<Event, Error>` stays small on the hot path.
    inner: Box<Inner>,
}

#[derive(Clone, Debug)]
struct Inner {
    kind: ErrorKind,
    position: Position,
    path: String,
    last_complete_asset: Option<u64>,
}

impl Error {
    #[cold]
    pub(crate) fn new(kind: ErrorKind, offset: u64, path: String) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                position: Position {
                    offset,
                    line: 0,
                    column: 0,
                },
                path,
                last_complete_asset: None,
            }),
        }
    }

    /// Returns what went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// Returns where it went wrong.
    pub fn position(&self) -> Position {
        self.inner.position
    }

    /// Returns the element path, such as
    /// `/ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/ASSET_LIST/ASSET[id=231]/ID`; empty before
    /// the root element.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// Returns the ID of the last asset that was complete before the error, if any.
    ///
    /// After a document that ends early ([`ErrorKind::UnexpectedEof`]), the next request can
    /// resume with `id_min` set one above it.
    pub fn last_complete_asset(&self) -> Option<u64> {
        self.inner.last_complete_asset
    }

    /// Tells whether the parser stops after this error.
    ///
    /// Errors in the values of one asset ([`ErrorKind::InvalidValue`],
    /// [`ErrorKind::MissingElement`], [`ErrorKind::UnexpectedElement`],
    /// [`ErrorKind::InvalidCharacterReference`]) cost only that asset: the parser goes on
    /// with the next one. Every other error ends the parse.
    pub fn is_fatal(&self) -> bool {
        !matches!(
            self.inner.kind,
            ErrorKind::InvalidValue { .. }
                | ErrorKind::MissingElement { .. }
                | ErrorKind::UnexpectedElement { .. }
                | ErrorKind::InvalidCharacterReference { .. }
        )
    }

    /// Puts `segment` in front of the path, for an error raised deeper in the document.
    pub(crate) fn prepend_path(&mut self, segment: &str) {
        let path = &mut self.inner.path;
        if path.is_empty() {
            *path = segment.to_owned();
        } else {
            path.insert(0, '/');
            path.insert_str(0, segment);
        }
    }

    pub(crate) fn set_position(&mut self, position: Position) {
        self.inner.position = position;
    }

    pub(crate) fn set_last_complete_asset(&mut self, id: Option<u64>) {
        self.inner.last_complete_asset = id;
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.inner.kind, self.inner.position)?;
        if !self.inner.path.is_empty() {
            write!(f, " in {}", self.inner.path)?;
        }
        if matches!(self.inner.kind, ErrorKind::UnexpectedEof) {
            match self.inner.last_complete_asset {
                Some(id) => write!(f, "; the last complete asset has ID {id}")?,
                None => f.write_str("; no asset was complete")?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.inner.kind)
    }
}

/// Finds the line and column of `offset` in `bytes`, which start at absolute offset `base` on
/// line `base_line` and column `base_column`.
pub(crate) fn locate(
    bytes: &[u8],
    base: u64,
    base_line: u64,
    base_column: u64,
    offset: u64,
) -> Position {
    let end = usize::try_from(offset.saturating_sub(base))
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    let before = &bytes[..end];
    let newlines = memchr::memchr_iter(b'\n', before).count() as u64;
    let column = match memchr::memrchr(b'\n', before) {
        Some(at) => (end - at) as u64,
        None => base_column + end as u64,
    };
    Position {
        offset,
        line: base_line + newlines,
        column,
    }
}
