//! Replies that are not data: telling an export from the API's other replies.
//!
//! The API does not always reply with an export. Rate limits, bad
//! parameters and internal failures come as XML envelopes of their own
//! (`SIMPLE_RETURN`, `GENERIC_RETURN`), proxies and maintenance windows
//! answer with HTML, the gateway answers authentication failures with
//! JSON, and a dropped connection can leave an empty body. Reading any of
//! these as an export would yield an export with zero assets, and lose
//! data silently. [`classify`] looks at a body before it is parsed as data
//! and turns each of them into a [`ReplyError`].

mod error;
mod generic_return;
mod html;
mod json;
mod simple_return;
mod text;

use quick_xml::Reader;
use quick_xml::events::Event;

pub use error::ReplyError;
pub use generic_return::GenericReturn;
pub use html::HtmlPage;
pub use json::JsonBody;
pub use simple_return::{Item, SimpleReturn};

use crate::dtd::{Doctype, SEM_ROOT};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Kind of reply, judged by the name of its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootKind {
    /// `ASSET_LIST_VM_DETECTION_OUTPUT`: export data.
    Export,
    /// `SIMPLE_RETURN`: the API's error or status message.
    SimpleReturn,
    /// `GENERIC_RETURN`: the older error envelope.
    GenericReturn,
    /// `html`, in any case: an XHTML page.
    Html,
    /// Anything else.
    Other,
}

impl RootKind {
    /// Returns the kind of reply whose root element has this name.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::reply::RootKind;
    ///
    /// assert_eq!(RootKind::of("ASSET_LIST_VM_DETECTION_OUTPUT"), RootKind::Export);
    /// assert_eq!(RootKind::of("SIMPLE_RETURN"), RootKind::SimpleReturn);
    /// assert_eq!(RootKind::of("HTML"), RootKind::Html);
    /// ```
    pub fn of(name: &str) -> RootKind {
        match name {
            SEM_ROOT => RootKind::Export,
            "SIMPLE_RETURN" => RootKind::SimpleReturn,
            "GENERIC_RETURN" => RootKind::GenericReturn,
            _ if name.eq_ignore_ascii_case("html") => RootKind::Html,
            _ => RootKind::Other,
        }
    }
}

/// A body that is export data, with the facts its prolog states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// Byte offset of the root element's start tag.
    pub root_offset: u64,
    /// The DOCTYPE, if there is one. Its system identifier is never fetched.
    pub doctype: Option<Doctype>,
}

/// Classifies a reply body as export data or as a typed error.
///
/// Only the prolog of an export is read, up to its root start tag, so the
/// cost does not grow with the export's size. Error envelopes are small and
/// read whole.
///
/// # Errors
///
/// Returns a [`ReplyError`] for every body that is not an export: the
/// API's `SIMPLE_RETURN` and `GENERIC_RETURN` envelopes, an HTML page, a
/// JSON body, an empty body, another root element, and text that is not
/// XML at all.
///
/// # Example
///
/// ```
/// use qualys_sem::reply::{classify, ReplyError};
///
/// let export = br#"<?xml version="1.0" encoding="UTF-8"?>
/// <ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>..."#;
/// assert_eq!(classify(export).unwrap().root_offset, 39);
///
/// let limited = b"<SIMPLE_RETURN><RESPONSE><DATETIME>2021-04-28T12:01:06Z</DATETIME>\
///     <CODE>1965</CODE><TEXT>This API cannot be run again for another 23 seconds.</TEXT>\
///     </RESPONSE></SIMPLE_RETURN>";
/// let error = classify(limited).unwrap_err();
/// assert!(error.is_retryable());
/// assert_eq!(
///     error.to_string(),
///     "the API returned an error (code 1965): This API cannot be run again for another 23 seconds."
/// );
/// let ReplyError::Api(reply) = error else { unreachable!() };
/// assert_eq!(reply.code_number(), Some(1965));
/// ```
pub fn classify(body: &[u8]) -> Result<Export, ReplyError> {
    let trimmed = body
        .strip_prefix(UTF8_BOM)
        .unwrap_or(body)
        .trim_ascii_start();
    match trimmed.first() {
        None => return Err(ReplyError::Empty { len: body.len() }),
        Some(b'{' | b'[') => return Err(ReplyError::Json(Box::new(JsonBody::parse(body)))),
        Some(b'<') => {}
        Some(_) => {
            let text = String::from_utf8_lossy(trimmed);
            return Err(ReplyError::NotXml {
                preview: text::preview(&text),
            });
        }
    }
    if html::looks_like_html(trimmed) {
        return Err(html_error(body));
    }

    let (root, doctype) = match find_root(body) {
        Ok(found) => found,
        Err(error) if html::mentions_html(trimmed) => {
            drop(error);
            return Err(html_error(body));
        }
        Err(error) => return Err(error),
    };
    match RootKind::of(&root.name) {
        RootKind::Export => Ok(Export {
            root_offset: root.offset,
            doctype,
        }),
        RootKind::SimpleReturn => Err(ReplyError::Api(Box::new(SimpleReturn::parse(body)))),
        RootKind::GenericReturn => Err(ReplyError::Generic(Box::new(GenericReturn::parse(body)))),
        RootKind::Html => Err(html_error(body)),
        RootKind::Other => Err(ReplyError::UnexpectedRoot { name: root.name }),
    }
}

fn html_error(body: &[u8]) -> ReplyError {
    ReplyError::Html(Box::new(HtmlPage::parse(&String::from_utf8_lossy(body))))
}

struct Root {
    name: String,
    offset: u64,
}

/// Reads the prolog up to the root start tag.
fn find_root(body: &[u8]) -> Result<(Root, Option<Doctype>), ReplyError> {
    let mut reader = Reader::from_reader(body);
    let mut doctype = None;
    // quick-xml leaves a byte order mark out of its offsets.
    let bom = if body.starts_with(UTF8_BOM) {
        UTF8_BOM.len() as u64
    } else {
        0
    };

    loop {
        let offset = reader.buffer_position() + bom;
        let event = reader.read_event().map_err(|error| ReplyError::Malformed {
            message: error.to_string(),
            offset: reader.error_position() + bom,
        })?;
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let name = start.name().as_ref().to_owned();
                let root = Root { name, offset };
                return Ok((root, doctype));
            }
            Event::DocType(content) => doctype = Some(Doctype::parse(&content)),
            Event::Text(text) if !text.trim_ascii().is_empty() => {
                return Err(ReplyError::Malformed {
                    message: "text before the root element".to_owned(),
                    offset,
                });
            }
            Event::Eof => {
                return Err(ReplyError::Malformed {
                    message: "the body ends before any root element".to_owned(),
                    offset,
                });
            }
            _ => {}
        }
    }
}
