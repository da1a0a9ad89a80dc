//! Stepping through the child elements of a container element.

use quick_xml::events::{BytesStart, Event as XmlEvent};

use super::cursor::{Cursor, Fault};
use super::text::{check_end, unexpected_eof};

/// The next thing inside a container element.
pub(crate) enum Child<'w> {
    /// A child element's start tag; `is_empty` for `<NAME/>`.
    Element {
        start: BytesStart<'w>,
        is_empty: bool,
    },
    /// The container's end tag.
    End,
}

/// Reads up to the next child element of `container` or its end tag.
///
/// Text between child elements is skipped: it is layout in every export, and the strict
/// checker is the place that reports text where only elements belong.
pub(crate) fn next_child<'w>(cursor: &mut Cursor<'w>, container: &str) -> Result<Child<'w>, Fault> {
    loop {
        match cursor.next()? {
            XmlEvent::Start(start) => {
                return Ok(Child::Element {
                    start,
                    is_empty: false,
                });
            }
            XmlEvent::Empty(start) => {
                return Ok(Child::Element {
                    start,
                    is_empty: true,
                });
            }
            XmlEvent::End(end) => {
                check_end(cursor, container, end.name().as_ref())?;
                return Ok(Child::End);
            }
            XmlEvent::Eof => return Err(unexpected_eof(cursor)),
            XmlEvent::Text(_)
            | XmlEvent::CData(_)
            | XmlEvent::GeneralRef(_)
            | XmlEvent::Comment(_)
            | XmlEvent::PI(_)
            | XmlEvent::Decl(_)
            | XmlEvent::DocType(_) => {}
        }
    }
}
