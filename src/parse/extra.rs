//! Unknown elements, kept whole.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event as XmlEvent};

use super::cursor::{Cursor, Fault, fault};
use super::text::{TextBuilder, check_end, check_value_size, decode_reference, unexpected_eof};
use crate::error::{ErrorKind, Limit};
use crate::model::{Attribute, Extra};

/// An element being built, with its text collected apart from its children.
struct Open<'w> {
    extra: Extra<'w>,
    text: TextBuilder<'w>,
}

/// Reads the element whose start tag `start` the cursor has just read, with everything
/// inside it, into an [`Extra`]. `is_empty` is true for `<NAME/>`.
///
/// Builds the tree with an explicit stack, so that deep nesting costs heap, bounded by
/// [`Limits::max_depth`](crate::Limits::max_depth), and never the call stack.
pub(crate) fn read_extra<'w>(
    cursor: &mut Cursor<'w>,
    start: &BytesStart<'_>,
    is_empty: bool,
    depth: u32,
) -> Result<Extra<'w>, Fault> {
    let root = open(cursor, start)?;
    if is_empty {
        return Ok(root.extra);
    }

    let max_depth = cursor.limits().max_depth;
    let mut stack = vec![root];
    loop {
        let top = stack
            .last_mut()
            .expect("the stack contains the element being read");
        match cursor.next()? {
            XmlEvent::Text(text) => top.text.text(text.into_inner()),
            XmlEvent::CData(cdata) => top.text.cdata(cdata.into_inner()),
            XmlEvent::GeneralRef(reference) => {
                top.text
                    .reference(decode_reference(&reference, cursor.event_start())?);
            }
            XmlEvent::Empty(child) => {
                top.text.structure();
                let child = open(cursor, &child)?;
                top.extra.children.push(child.extra);
            }
            XmlEvent::Start(child) => {
                top.text.structure();
                if depth + stack.len() as u32 >= max_depth {
                    return Err(fault(
                        ErrorKind::LimitExceeded {
                            limit: Limit::Depth,
                            max: u64::from(max_depth),
                        },
                        cursor.event_start(),
                        String::new(),
                    ));
                }
                let child = open(cursor, &child)?;
                stack.push(child);
            }
            XmlEvent::End(end) => {
                let closed = stack
                    .pop()
                    .expect("the stack contains the element being read");
                check_end(cursor, &closed.extra.name, end.name().as_ref())?;
                let mut extra = closed.extra;
                extra.text = closed.text.finish();
                match stack.last_mut() {
                    Some(parent) => parent.extra.children.push(extra),
                    None => return Ok(extra),
                }
            }
            XmlEvent::Eof => return Err(unexpected_eof(cursor)),
            XmlEvent::Comment(_) | XmlEvent::PI(_) | XmlEvent::Decl(_) | XmlEvent::DocType(_) => {}
        }
        if let Some(top) = stack.last() {
            check_value_size(cursor, &top.text)?;
        }
    }
}

/// Starts an element from its tag: name and attributes, values unescaped.
fn open<'w>(cursor: &Cursor<'w>, start: &BytesStart<'_>) -> Result<Open<'w>, Fault> {
    let mut attributes = Vec::new();
    // Duplicate checks cost quadratic time on an attribute flood; a duplicate is kept as read.
    for attribute in start.attributes().with_checks(false) {
        let malformed = |error: quick_xml::Error| {
            fault(
                ErrorKind::Syntax(error),
                cursor.event_start(),
                String::new(),
            )
        };
        let attribute = attribute.map_err(|error| malformed(error.into()))?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(malformed)?;
        attributes.push(Attribute {
            name: Cow::Owned(attribute.key.as_ref().to_owned()),
            value: Cow::Owned(value.into_owned()),
        });
    }
    Ok(Open {
        extra: Extra {
            name: Cow::Owned(start.name().as_ref().to_owned()),
            attributes,
            text: None,
            children: Vec::new(),
        },
        text: TextBuilder::default(),
    })
}

/// Keeps an element of only text, such as a repeated field, as an [`Extra`].
pub(crate) fn text_element<'w>(name: &'w str, text: Option<Cow<'w, str>>) -> Extra<'w> {
    Extra {
        name: Cow::Borrowed(name),
        text,
        ..Extra::default()
    }
}
