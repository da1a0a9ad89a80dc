//! `SIMPLE_RETURN`: the API's error (or status) message.
//!
//! ```text
//! <!ELEMENT SIMPLE_RETURN (REQUEST?, RESPONSE)>
//! <!ELEMENT RESPONSE (DATETIME, CODE?, TEXT, ITEM_LIST?)>
//! <!ELEMENT ITEM_LIST (ITEM+)>
//! <!ELEMENT ITEM (KEY, VALUE*)>
//! ```

use quick_xml::Reader;
use quick_xml::events::Event;

use super::text::TextCollector;

/// Items kept from an `ITEM_LIST`; the rest are counted in `item_count`.
const MAX_ITEMS: usize = 256;

/// Codes whose condition passes with time: 1920 (blocked by another
/// operation), 1960 (concurrency limit) and 1965 (rate limit), as HTTP 409.
const RETRYABLE_CODES: &[u32] = &[1920, 1960, 1965];

/// Message the SEM API sends when it fails inside (its "Internal Error").
const INTERNAL_ERROR_TEXT: &str = "Internal Error";

/// One `ITEM` of a `SIMPLE_RETURN`: a key and its values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    /// Text of `KEY`.
    pub key: String,
    /// Text of each `VALUE`, in order.
    pub values: Vec<String>,
}

/// The content of a `SIMPLE_RETURN` reply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SimpleReturn {
    /// `RESPONSE/DATETIME`, as written.
    pub datetime: Option<String>,
    /// `RESPONSE/CODE`, as written. A reply without a code is a status
    /// message rather than an error, but it is still not export data.
    pub code: Option<String>,
    /// `RESPONSE/TEXT`: the API's message, such as
    /// `Unrecognized parameter(s): foo (action=list allows: ...)`.
    /// [`SimpleReturn::message`] reads it into a typed message.
    pub text: String,
    /// The items of `ITEM_LIST`, at most the first 256.
    pub items: Vec<Item>,
    /// Number of items, including those not kept.
    pub item_count: usize,
    /// Whether the reply was read to the end of its root element. When it
    /// is false, the fields hold what came before the body broke off.
    pub complete: bool,
}

impl SimpleReturn {
    /// Reads `TEXT` into the API's typed message: the parameters it names, the value and
    /// the allowed values, and whether the caller, an authorization or the server is at fault.
    pub fn message(&self) -> crate::ApiMessage {
        crate::ApiMessage::parse(&self.text)
    }

    /// Returns `CODE` as a number, when it is one.
    pub fn code_number(&self) -> Option<u32> {
        self.code.as_deref()?.trim().parse().ok()
    }

    /// Tells whether the same request may succeed later: rate and
    /// concurrency limits, and the API's internal error.
    pub fn is_retryable(&self) -> bool {
        let limited = self
            .code_number()
            .is_some_and(|code| RETRYABLE_CODES.contains(&code));
        limited
            || self.text.eq_ignore_ascii_case(INTERNAL_ERROR_TEXT)
            || self.message().is_retryable()
    }

    /// Reads a `SIMPLE_RETURN` body. Reading stops at the first XML error,
    /// keeping what came before it.
    pub(crate) fn parse(body: &[u8]) -> SimpleReturn {
        let mut reader = Reader::from_reader(body);
        reader.config_mut().expand_empty_elements = true;
        let mut reply = SimpleReturn::default();
        let mut path: Vec<String> = Vec::new();
        let mut text: Option<TextCollector> = None;

        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(start) => {
                    path.push(start.name().as_ref().to_owned());
                    if field(&path).is_some() {
                        text = Some(TextCollector::default());
                    }
                    if is_item(&path) {
                        reply.item_count += 1;
                        if reply.items.len() < MAX_ITEMS {
                            reply.items.push(Item::default());
                        }
                    }
                }
                Event::End(_) => {
                    if let (Some(field), Some(collected)) = (field(&path), text.take()) {
                        reply.store(field, collected.finish());
                    }
                    path.pop();
                    if path.is_empty() {
                        reply.complete = true;
                        break;
                    }
                }
                Event::Text(piece) => {
                    if let Some(collected) = text.as_mut() {
                        collected.push(&piece.xml10_content(), false);
                    }
                }
                Event::CData(piece) => {
                    if let Some(collected) = text.as_mut() {
                        collected.push(&piece.xml10_content(), true);
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(collected) = text.as_mut() {
                        collected.push(&super::text::resolve_reference(&reference), false);
                    }
                }
                _ => {}
            }
        }
        reply
    }

    fn store(&mut self, field: Field, value: String) {
        let item = if self.items.len() == self.item_count {
            self.items.last_mut()
        } else {
            None
        };
        match field {
            Field::Datetime => self.datetime = Some(value),
            Field::Code => self.code = Some(value),
            Field::Text => self.text = value,
            Field::ItemKey => {
                if let Some(item) = item {
                    item.key = value;
                }
            }
            Field::ItemValue => {
                if let Some(item) = item {
                    item.values.push(value);
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Field {
    Datetime,
    Code,
    Text,
    ItemKey,
    ItemValue,
}

/// Tells which field the element at `path` is, matching from the root so
/// that `REQUEST/DATETIME` is not taken for `RESPONSE/DATETIME`.
fn field(path: &[String]) -> Option<Field> {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    match names.as_slice() {
        ["SIMPLE_RETURN", "RESPONSE", "DATETIME"] => Some(Field::Datetime),
        ["SIMPLE_RETURN", "RESPONSE", "CODE"] => Some(Field::Code),
        ["SIMPLE_RETURN", "RESPONSE", "TEXT"] => Some(Field::Text),
        ["SIMPLE_RETURN", "RESPONSE", "ITEM_LIST", "ITEM", "KEY"] => Some(Field::ItemKey),
        ["SIMPLE_RETURN", "RESPONSE", "ITEM_LIST", "ITEM", "VALUE"] => Some(Field::ItemValue),
        _ => None,
    }
}

fn is_item(path: &[String]) -> bool {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    names == ["SIMPLE_RETURN", "RESPONSE", "ITEM_LIST", "ITEM"]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_items_read() {
        let body = br#"<?xml version="1.0"?>
<SIMPLE_RETURN><REQUEST><DATETIME>2020-01-01T00:00:00Z</DATETIME></REQUEST>
<RESPONSE><DATETIME>2021-04-28T12:01:06Z</DATETIME><CODE>1905</CODE>
<TEXT>parameter use_tags has invalid value: 76 (please specify one of the following: 1,0 )</TEXT>
<ITEM_LIST><ITEM><KEY>use_tags</KEY><VALUE>76</VALUE><VALUE>x &amp; y</VALUE></ITEM>
<ITEM><KEY>k2</KEY></ITEM></ITEM_LIST></RESPONSE></SIMPLE_RETURN>"#;
        let reply = SimpleReturn::parse(body);
        assert_eq!(reply.datetime.as_deref(), Some("2021-04-28T12:01:06Z"));
        assert_eq!(reply.code_number(), Some(1905));
        assert!(
            reply
                .text
                .starts_with("parameter use_tags has invalid value: 76")
        );
        assert_eq!(reply.items.len(), 2);
        assert_eq!(reply.items[0].values, ["76", "x & y"]);
        assert_eq!(reply.items[1].key, "k2");
        assert!(reply.complete);
        assert!(!reply.is_retryable());
    }

    #[test]
    fn limits_and_internal_error_retryable() {
        let reply = SimpleReturn {
            code: Some("1965".to_owned()),
            ..SimpleReturn::default()
        };
        assert!(reply.is_retryable());
        let reply = SimpleReturn {
            text: "Internal Error".to_owned(),
            ..SimpleReturn::default()
        };
        assert!(reply.is_retryable());
    }

    #[test]
    fn broken_body_keeps_what_came_before() {
        let reply = SimpleReturn::parse(b"<SIMPLE_RETURN><RESPONSE><TEXT>Internal Error</TEXT><CO");
        assert_eq!(reply.text, "Internal Error");
        assert!(!reply.complete);
    }

    #[test]
    fn items_capped() {
        let mut body = String::from("<SIMPLE_RETURN><RESPONSE><TEXT>t</TEXT><ITEM_LIST>");
        for index in 0..300 {
            body.push_str(&format!("<ITEM><KEY>k{index}</KEY></ITEM>"));
        }
        body.push_str("</ITEM_LIST></RESPONSE></SIMPLE_RETURN>");
        let reply = SimpleReturn::parse(body.as_bytes());
        assert_eq!(reply.items.len(), MAX_ITEMS);
        assert_eq!(reply.item_count, 300);
        assert_eq!(
            reply.items[MAX_ITEMS - 1].key,
            format!("k{}", MAX_ITEMS - 1)
        );
    }
}
