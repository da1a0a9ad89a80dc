//! The children of a record, with fields read whole.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use super::children::{Child, next_child};
use super::cursor::{Cursor, Fault};
use super::fields::Field;
use super::text::simple_value;

/// The next thing inside a record element.
pub(crate) enum Member<'w> {
    /// A field with its text: `None` when the element is empty or holds only layout.
    Field(Field<'w>, Option<Cow<'w, str>>),
    /// An element the caller reads itself: a container, or an unknown element with
    /// attributes or children.
    Element {
        start: BytesStart<'w>,
        is_empty: bool,
    },
    /// The record's end tag.
    End,
}

/// Reads the next child of the record `container`: a field (an element for which
/// `is_field` holds, or any element with nothing but text) whole, or the start of any other
/// element, or the record's end.
pub(crate) fn next_member<'w>(
    cursor: &mut Cursor<'w>,
    container: &str,
    is_field: impl Fn(&str) -> bool,
) -> Result<Member<'w>, Fault> {
    if let Some(field) = read_simple_field(cursor)? {
        return Ok(field);
    }
    match next_child(cursor, container)? {
        Child::End => Ok(Member::End),
        Child::Element { start, is_empty } => {
            let field = Field {
                name: cursor.element_name(&start),
                offset: cursor.event_start(),
            };
            if !is_field(field.name) {
                return Ok(Member::Element { start, is_empty });
            }
            let text = field.read_text(cursor, is_empty)?;
            Ok(Member::Field(field, text))
        }
    }
}

/// Reads `<NAME>text</NAME>`, `<NAME><![CDATA[text]]></NAME>` or `<NAME/>` (after layout
/// whitespace, with no attributes) straight from the bytes, skipping quick-xml's events for
/// the most common elements of an export. Returns `None`, having read nothing, for anything
/// else; quick-xml then reads it with the same result.
fn read_simple_field<'w>(cursor: &mut Cursor<'w>) -> Result<Option<Member<'w>>, Fault> {
    let input = cursor.rest();
    let rest = input.bytes;
    let space = rest
        .iter()
        .position(|&b| !IS_SPACE[usize::from(b)])
        .unwrap_or(rest.len());
    let Some(tag) = rest[space..].strip_prefix(b"<") else {
        return Ok(None);
    };

    // A name ends where an attribute, `/>` or `>` starts; `</`, `<!` and `<?` have none.
    let name_length = tag
        .iter()
        .position(|&b| ENDS_NAME[usize::from(b)])
        .unwrap_or(tag.len());
    let Some(name) = input.text(space + 1, space + 1 + name_length) else {
        return Ok(None);
    };
    if name.is_empty() {
        return Ok(None);
    }

    let (text, length) = match &tag[name_length..] {
        [b'/', b'>', ..] => (None, name_length + 2),
        [b'>', ..] => match simple_value(input.after(space + 2 + name_length), name) {
            Some((text, body_length)) => (text, name_length + 1 + body_length),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    if text.as_deref().map_or(0, str::len) as u64 > cursor.limits().max_value_bytes {
        return Ok(None);
    }

    let offset = cursor.offset() + space as u64;
    cursor.skip(space + 1 + length);
    cursor.check_record_size()?;
    Ok(Some(Member::Field(Field { name, offset }, text)))
}

/// The bytes XML calls white space, as a table for the scan between fields.
const IS_SPACE: [bool; 256] = byte_table(b" \t\r\n");

/// The bytes that end an element name in a tag, or show that the tag has no name (`</`,
/// `<!`, `<?`): white space, `>`, `/`, `<`, `!` and `?`.
const ENDS_NAME: [bool; 256] = byte_table(b" \t\r\n>/<!?");

const fn byte_table(members: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut index = 0;
    while index < members.len() {
        table[members[index] as usize] = true;
        index += 1;
    }
    table
}
