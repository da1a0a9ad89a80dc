//! Stepping through the child elements of a container element.

use quick_xml::events::{BytesStart, Event as XmlEvent};

use super::cursor::{Cursor, Fault, fault};
use super::text::{check_end, unexpected_eof};
use crate::error::{ErrorKind, Limit};

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

/// Reads past the rest of the element `name` whose start tag the cursor has just read,
/// checking its well-formedness but keeping nothing. `depth` is the number of elements open
/// around it.
pub(crate) fn skip_element(cursor: &mut Cursor<'_>, name: &str, depth: u32) -> Result<(), Fault> {
    let max_depth = cursor.limits().max_depth;
    let mut open: Vec<String> = Vec::new();
    loop {
        match cursor.next()? {
            XmlEvent::Start(start) => {
                if depth + open.len() as u32 + 1 >= max_depth {
                    let max = u64::from(max_depth);
                    let kind = ErrorKind::LimitExceeded {
                        limit: Limit::Depth,
                        max,
                    };
                    return Err(fault(kind, cursor.event_start(), String::new()));
                }
                open.push(start.name().0.to_owned());
            }
            XmlEvent::End(end) => {
                let expected = open.pop();
                check_end(
                    cursor,
                    expected.as_deref().unwrap_or(name),
                    end.name().as_ref(),
                )?;
                if expected.is_none() {
                    return Ok(());
                }
            }
            XmlEvent::Eof => return Err(unexpected_eof(cursor)),
            _ => {}
        }
    }
}
