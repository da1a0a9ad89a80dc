//! Joining the pieces of a value: text, entity and character references, and CDATA sections.

use std::borrow::Cow;

use quick_xml::events::BytesRef;
use quick_xml::events::Event as XmlEvent;

use super::cursor::{Cursor, Fault, Rest, fault};
use crate::error::{ErrorKind, Limit};

/// Collects the text of one element.
///
/// Whitespace-only text is layout when it sits between a CDATA section or a child element
/// and another such boundary: `<RESULTS>\n  <![CDATA[x]]>\n</RESULTS>` contains `x`. Next to a
/// reference it is content, so `<![CDATA[x]]> &amp; y` holds `x & y`. An element whose text
/// is only whitespace holds nothing. Everything else is kept byte for byte, with no line-end
/// normalisation, so that RESULTS tables survive unchanged.
#[derive(Default)]
pub(crate) struct TextBuilder<'w> {
    value: Option<Cow<'w, str>>,
    pending_space: Option<Cow<'w, str>>,
    is_structured: bool,
    follows_reference: bool,
    len: u64,
}

impl<'w> TextBuilder<'w> {
    /// Adds a run of character data.
    pub(crate) fn text(&mut self, text: Cow<'w, str>) {
        let follows_reference = std::mem::take(&mut self.follows_reference);
        if text.bytes().all(|b| b.is_ascii_whitespace()) && !follows_reference {
            // Layout or content: the next piece decides.
            append(&mut self.pending_space, text);
            return;
        }
        self.flush_space();
        self.push(text);
    }

    /// Adds a decoded reference; a reference is content even when it is a space, and so is
    /// the whitespace next to it.
    pub(crate) fn reference(&mut self, text: Cow<'w, str>) {
        self.flush_space();
        self.push(text);
        self.follows_reference = true;
    }

    /// Adds a CDATA section, which makes the whitespace-only text around it layout.
    pub(crate) fn cdata(&mut self, text: Cow<'w, str>) {
        self.structure();
        self.push(text);
    }

    /// Notes a child element, which makes the whitespace-only text around it layout.
    pub(crate) fn structure(&mut self) {
        self.is_structured = true;
        self.follows_reference = false;
        self.pending_space = None;
    }

    /// Returns the number of bytes collected so far.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Returns the value: `None` when the element held no text but layout.
    pub(crate) fn finish(mut self) -> Option<Cow<'w, str>> {
        // Trailing whitespace is content in plain text that has other content, such as the
        // run after a comment in `a<!---->  `, and layout otherwise.
        if !self.is_structured && self.value.is_some() {
            self.flush_space();
        }
        self.value.filter(|value| !value.is_empty())
    }

    fn flush_space(&mut self) {
        if let Some(space) = self.pending_space.take() {
            self.push(space);
        }
    }

    fn push(&mut self, text: Cow<'w, str>) {
        self.len += text.len() as u64;
        append(&mut self.value, text);
    }
}

fn append<'w>(slot: &mut Option<Cow<'w, str>>, text: Cow<'w, str>) {
    match slot {
        None => *slot = Some(text),
        Some(existing) => existing.to_mut().push_str(&text),
    }
}

/// Decodes a reference: the five predefined entities and character references.
///
/// Any other entity is kept as written (`&nbsp;` stays `&nbsp;`), because exports declare no
/// entities and the parser never expands a DTD's.
pub(crate) fn decode_reference<'w>(
    reference: &BytesRef<'w>,
    offset: u64,
) -> Result<Cow<'w, str>, Fault> {
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(c)) if is_xml_char(c) => Ok(Cow::Owned(c.to_string())),
            _ => Err(fault(
                ErrorKind::InvalidCharacterReference {
                    reference: (**reference).to_owned(),
                },
                offset,
                String::new(),
            )),
        };
    }
    let decoded = match &**reference {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => return Ok(Cow::Owned(format!("&{other};"))),
    };
    Ok(Cow::Borrowed(decoded))
}

/// Tells whether `c` matches XML 1.0's `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Reads the text of the element whose start tag `name` the cursor has just read, through its
/// end tag. A child element is an error: fields hold only text.
pub(crate) fn read_value<'w>(
    cursor: &mut Cursor<'w>,
    name: &str,
) -> Result<Option<Cow<'w, str>>, Fault> {
    if let Some((value, length)) = simple_value(cursor.rest(), name)
        && value.as_deref().map_or(0, str::len) as u64 <= cursor.limits().max_value_bytes
    {
        cursor.skip(length);
        cursor.check_record_size()?;
        return Ok(value);
    }

    let mut builder = TextBuilder::default();
    loop {
        match cursor.next()? {
            XmlEvent::Text(text) => builder.text(text.into_inner()),
            XmlEvent::CData(cdata) => builder.cdata(cdata.into_inner()),
            XmlEvent::GeneralRef(reference) => {
                let decoded = decode_reference(&reference, cursor.event_start())?;
                builder.reference(decoded);
            }
            XmlEvent::End(end) => {
                check_end(cursor, name, end.name().as_ref())?;
                return Ok(builder.finish());
            }
            XmlEvent::Start(child) | XmlEvent::Empty(child) => {
                return Err(fault(
                    ErrorKind::UnexpectedElement {
                        name: child.name().as_ref().to_owned(),
                        parent: name.to_owned(),
                    },
                    cursor.event_start(),
                    String::new(),
                ));
            }
            XmlEvent::Eof => return Err(unexpected_eof(cursor)),
            XmlEvent::Comment(_) | XmlEvent::PI(_) | XmlEvent::Decl(_) | XmlEvent::DocType(_) => {}
        }
        check_value_size(cursor, &builder)?;
    }
}

/// Reads the common forms of a value straight from the bytes after its start tag, without
/// quick-xml's events: plain text with no reference, or one CDATA section with layout
/// whitespace around it, followed by the end tag `</name>`. Returns the value and the length
/// read through the end tag, or `None` for any other form, which [`read_value`] then reads
/// event by event with the same result. Most fields of an export take this path.
pub(crate) fn simple_value<'w>(
    input: Rest<'w>,
    name: &str,
) -> Option<(Option<Cow<'w, str>>, usize)> {
    let rest = input.bytes;
    let markup = memchr::memchr(b'<', rest)?;
    let text = &rest[..markup];
    let after = &rest[markup..];

    if after.starts_with(b"<![CDATA[") {
        // Only layout may stand before, between and after the CDATA sections.
        if !text.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        return cdata_value(input, markup, name);
    }

    if memchr::memchr(b'&', text).is_some() {
        return None;
    }
    let end_length = end_tag_length(after, name)?;
    let text = input.text(0, markup)?;
    let is_layout = text.bytes().all(|b| b.is_ascii_whitespace());
    let value = (!is_layout).then_some(Cow::Borrowed(text));
    Some((value, markup + end_length))
}

/// Returns where the first `]]>` in `bytes` starts.
///
/// A scan for `]` beats a substring searcher here: most values are short, so building the
/// searcher would cost more than the scan, and `]` is rare in the text of an export.
fn find_cdata_close(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = from + memchr::memchr(b']', &bytes[from..])?;
        if bytes[at..].starts_with(b"]]>") {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Reads one or more CDATA sections starting at `at`, with layout whitespace between them,
/// through the end tag `</name>`. A single section is borrowed; several (Qualys splits a
/// literal `]]>` across two) are joined into one string of the right size.
fn cdata_value<'w>(
    input: Rest<'w>,
    at: usize,
    name: &str,
) -> Option<(Option<Cow<'w, str>>, usize)> {
    const OPEN: &[u8] = b"<![CDATA[";
    let bytes = input.bytes;
    let mut sections: Vec<(usize, usize)> = Vec::new();
    let mut position = at;
    let mut first = None;
    loop {
        let content = position + OPEN.len();
        let content_end = content + find_cdata_close(&bytes[content..])?;
        match first {
            None => first = Some((content, content_end)),
            Some(_) => sections.push((content, content_end)),
        }
        position = content_end + 3;
        position += bytes[position..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if !bytes[position..].starts_with(OPEN) {
            break;
        }
    }
    let end_length = end_tag_length(&bytes[position..], name)?;
    let length = position + end_length;

    let (first_start, first_end) = first?;
    let first_text = input.text(first_start, first_end)?;
    if sections.is_empty() {
        let value = (!first_text.is_empty()).then_some(Cow::Borrowed(first_text));
        return Some((value, length));
    }
    let total = first_text.len()
        + sections
            .iter()
            .map(|(start, end)| end - start)
            .sum::<usize>();
    let mut joined = String::with_capacity(total);
    joined.push_str(first_text);
    for (start, end) in sections {
        joined.push_str(input.text(start, end)?);
    }
    let value = (!joined.is_empty()).then_some(Cow::Owned(joined));
    Some((value, length))
}

/// Returns the length of the end tag `</name>` at the start of `bytes`, allowing whitespace
/// before `>`, or `None` when something else is there.
fn end_tag_length(bytes: &[u8], name: &str) -> Option<usize> {
    let rest = bytes.strip_prefix(b"</")?.strip_prefix(name.as_bytes())?;
    let space = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    (rest.get(space) == Some(&b'>')).then_some(2 + name.len() + space + 1)
}

/// Fails when a value has grown past [`Limits::max_value_bytes`](crate::Limits::max_value_bytes).
pub(crate) fn check_value_size(
    cursor: &Cursor<'_>,
    builder: &TextBuilder<'_>,
) -> Result<(), Fault> {
    let max = cursor.limits().max_value_bytes;
    if builder.len() > max {
        return Err(fault(
            ErrorKind::LimitExceeded {
                limit: Limit::ValueBytes,
                max,
            },
            cursor.event_start(),
            String::new(),
        ));
    }
    Ok(())
}

/// Fails unless the end tag just read closes `open`.
pub(crate) fn check_end(cursor: &Cursor<'_>, open: &str, found: &str) -> Result<(), Fault> {
    if open == found {
        return Ok(());
    }
    Err(fault(
        ErrorKind::MismatchedEndTag {
            expected: open.to_owned(),
            found: found.to_owned(),
        },
        cursor.event_start(),
        String::new(),
    ))
}

/// Builds the error for an input that ends inside an element.
#[cold]
pub(crate) fn unexpected_eof(cursor: &Cursor<'_>) -> Fault {
    fault(ErrorKind::UnexpectedEof, cursor.offset(), String::new())
}

#[cfg(test)]
mod tests {
    use super::find_cdata_close;
    use crate::{Event, Parser};

    #[test]
    fn cdata_close_after_brackets() {
        assert_eq!(find_cdata_close(b"abc]]>"), Some(3));
        assert_eq!(find_cdata_close(b"a]b]]c]]]>"), Some(7));
        assert_eq!(find_cdata_close(b"]]]]>"), Some(2));
        assert_eq!(find_cdata_close(b"]]>]]>"), Some(0));
        assert_eq!(find_cdata_close(b"a]]"), None);
        assert_eq!(find_cdata_close(b"a]>"), None);
        assert_eq!(find_cdata_close(b""), None);
    }

    #[test]
    fn cdata_value_keeps_brackets() {
        let xml = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST><ASSET><ID>1</ID>\
            <DETECTION_LIST><DETECTION><QID>2</QID>\
            <RESULTS><![CDATA[a]b]]c]]]><![CDATA[]]]]><![CDATA[>]]></RESULTS>\
            </DETECTION></DETECTION_LIST></ASSET></ASSET_LIST></RESPONSE>\
            </ASSET_LIST_VM_DETECTION_OUTPUT>";
        let results: Vec<String> = Parser::from_str(xml)
            .filter_map(|event| match event.unwrap() {
                Event::Detection(detection) => detection.results.map(|text| text.into_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(results, ["a]b]]c]]]>"]);
    }
}
