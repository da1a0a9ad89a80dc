//! Inputs that fuzzing found to break the parser, each with the result it
//! should have.
//!
//! Every test bounds the number of items it reads, so that an input that
//! makes the parser loop fails the test instead of hanging it.

use qualys_sem::{Assets, Parser, Reader};

/// More items than any of these small documents can produce without a loop.
const MAX_ITEMS: usize = 64;

/// Reads every item of `input` with the slice parser, as text.
fn parser_items(input: &[u8]) -> Vec<Result<String, String>> {
    Parser::new(input)
        .take(MAX_ITEMS)
        .map(|item| {
            item.map(|event| format!("{event:?}"))
                .map_err(|error| error.to_string())
        })
        .collect()
}

/// How many bytes the reader gathers before it parses, in these tests: documents padded to
/// this length end the reader's first window where the padding puts it.
const READ_SIZE: usize = 4096;

/// Reads every item of `input` with the streaming reader, as text.
fn reader_items(input: &[u8]) -> Vec<Result<String, String>> {
    reader_items_with(input, READ_SIZE)
}

/// Reads every item of `input` with a reader that parses after every `read_size` bytes.
fn reader_items_with(input: &[u8], read_size: usize) -> Vec<Result<String, String>> {
    let mut reader = Reader::new(input).with_read_size(read_size);
    let mut items = Vec::new();
    while let Some(item) = reader.read_event() {
        items.push(
            item.map(|event| format!("{event:?}"))
                .map_err(|error| error.to_string()),
        );
        if items.len() == MAX_ITEMS {
            break;
        }
    }
    items
}

/// Checks that the reader gives the slice parser's items at every read size, so that its
/// window ends at every byte of `input` in turn, and returns those items.
fn assert_reader_agrees_at_every_cut(input: &[u8]) -> Vec<Result<String, String>> {
    let expected = parser_items(input);
    for read_size in 1..input.len() {
        assert_eq!(
            reader_items_with(input, read_size),
            expected,
            "{input:?} in reads of {read_size}"
        );
    }
    expected
}

/// Returns whether one of `items` is an error whose message contains `text`.
fn has_error(items: &[Result<String, String>], text: &str) -> bool {
    items
        .iter()
        .any(|item| item.as_ref().is_err_and(|error| error.contains(text)))
}

/// Checks that `items` end, hold `error` exactly once and finish with the
/// end of the document.
fn assert_reported_once(items: &[Result<String, String>], error: &str) {
    assert!(
        items.len() < MAX_ITEMS,
        "no end after {} items, the last being {:?}",
        items.len(),
        items.last()
    );
    let errors: Vec<&String> = items
        .iter()
        .filter_map(|item| item.as_ref().err())
        .collect();
    assert_eq!(errors, [error]);
    assert_eq!(items.last(), Some(&Ok("End".to_owned())));
}

// A bad value in the WARNING, a non-fatal error, made the parser yield the
// same error again and again instead of going on after the WARNING.
const BAD_WARNING_CODE: &[u8] = b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><WARNING>\
    <CODE>x</CODE></WARNING></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";

const BAD_WARNING_CODE_ERROR: &str = "invalid value \"x\" for CODE, expected an unsigned \
    integer at line 1, column 52 (byte 51) in \
    /ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/WARNING/CODE";

#[test]

fn bad_warning_code_reported_once() {
    assert_reported_once(&parser_items(BAD_WARNING_CODE), BAD_WARNING_CODE_ERROR);
}

#[test]

fn reader_reports_bad_warning_code_once() {
    assert_reported_once(&reader_items(BAD_WARNING_CODE), BAD_WARNING_CODE_ERROR);
}

#[test]

fn assets_end_after_bad_warning_code() {
    let items: Vec<_> = Assets::new(BAD_WARNING_CODE).take(MAX_ITEMS).collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(
        items[0].as_ref().unwrap_err().to_string(),
        BAD_WARNING_CODE_ERROR
    );
}

// The same loop, from a character reference that names no character.
#[test]

fn bad_warning_reference_reported_once() {
    let input = b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><WARNING><URL>&#0;</URL>\
        </WARNING></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";
    assert_reported_once(
        &parser_items(input),
        "invalid character reference &#0; at line 1, column 57 (byte 56) in \
         /ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/WARNING/URL",
    );
}

// The same loop in the REQUEST echo.
#[test]

fn bad_request_datetime_reported_once() {
    let input = b"<ASSET_LIST_VM_DETECTION_OUTPUT><REQUEST><DATETIME>x</DATETIME>\
        </REQUEST></ASSET_LIST_VM_DETECTION_OUTPUT>";
    assert_reported_once(
        &parser_items(input),
        "invalid value \"x\" for DATETIME, expected a date and time such as \
         2021-04-28T12:01:06Z or 2021-04-28 12:01:06 at line 1, column 42 (byte 41) in \
         /ASSET_LIST_VM_DETECTION_OUTPUT/REQUEST/DATETIME",
    );
}

// The reader gathers a read's worth of bytes before it parses. When that
// first read ended inside a record with a byte that is not UTF-8, the
// reader placed the error elsewhere than the slice parser did: at the end
// of the read instead of 12 bytes before it.
#[test]

fn reader_places_invalid_utf8_like_parser() {
    let head = b"<ASSET_LIST_VM_DETECTION_OUTPUT>";
    let tail = b"<RESPONSE><ASSET_LIST><ASSET><ID>1</ID><OS>\xe9</OS></ASSET>\
        </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";

    // Spaces after the root start tag put the end of the first read right
    // after `<ASSET_LIST>`.
    let mut input = head.to_vec();
    input.resize(READ_SIZE - "<RESPONSE><ASSET_LIST>".len(), b' ');
    input.extend_from_slice(tail);

    assert_eq!(reader_items(&input), parser_items(&input));
}

// A body that starts with a read's worth of blank space and then text that
// is not XML: the reader placed the error at the text, and the slice parser
// at byte 0.
#[test]

fn reader_places_not_xml_like_parser() {
    let mut input = vec![b' '; READ_SIZE];
    input.push(b'x');

    assert_eq!(reader_items(&input), parser_items(&input));
}

// A byte order mark is allowed only at byte 0. After a read's worth of
// blank space the reader skipped one at the start of its second read, took the
// document that follows as an export and then reported text after the
// root element. The slice parser rejects the body as not XML.
#[test]

fn reader_rejects_late_byte_order_mark() {
    let mut input = vec![b' '; READ_SIZE];
    input.extend_from_slice(b"\xEF\xBB\xBF<ASSET_LIST_VM_DETECTION_OUTPUT/>");

    assert_eq!(reader_items(&input), parser_items(&input));
}

// Text outside the root element is an error, but only once all of it is
// in: the slice parser reports the first invalid UTF-8 byte of such text.
// The reader, whose window ended inside the text before that byte,
// reported the text instead.
#[test]
fn reader_reads_stray_text_to_its_end() {
    let after = b"<ASSET_LIST_VM_DETECTION_OUTPUT/>\n  \x01E2021\xc0/SCORE>\n<A/>";
    let before = b"\x01E2021\xc0/SCORE>\n<ASSET_LIST_VM_DETECTION_OUTPUT/>";
    for input in [&after[..], &before[..]] {
        let expected = assert_reader_agrees_at_every_cut(input);
        assert!(has_error(&expected, "invalid UTF-8"), "{expected:?}");
    }
}

// A byte order mark after the XML declaration is text before the root
// element, so the reply is described from that mark on. A reader whose
// window started at the mark described it from just after, and gave every
// offset in the description 3 bytes short.
#[test]
fn reader_describes_reply_from_late_mark() {
    let input = b"<?xml version=\"1.0\"?>\xEF\xBB\xBF<HSSET_\xbc>CTION</HSSET_>";
    let expected = assert_reader_agrees_at_every_cut(input);
    assert!(has_error(&expected, "at byte 3:"), "{expected:?}");
}

// Text that starts with a byte order mark after the XML declaration and
// then has a byte that is not UTF-8: the slice parser reads it as one run
// of text and reports the invalid byte. A reader whose window started at
// the mark read the mark as text of its own and, at the end of the input,
// described the whole reply as not XML instead.
#[test]
fn reader_checks_text_after_late_mark() {
    let input = b"<?xml version=\"1.0\"?>\xEF\xBB\xBF\xEF\xBBjjj\x80<A/>";
    let expected = assert_reader_agrees_at_every_cut(input);
    assert!(has_error(&expected, "invalid UTF-8"), "{expected:?}");
}

// Several byte order marks in a row past the start of the input are text
// like any other, whichever of them the reader's window starts at. quick-xml
// drops one mark at the start of its input, so the cursor gives it none.
#[test]
fn reader_keeps_repeated_marks() {
    let mark = "\u{FEFF}";
    let inputs = [
        format!("<?xml version=\"1.0\"?>{mark}{mark}<ASSET_LIST_VM_DETECTION_OUTPUT/>"),
        format!("<?xml version=\"1.0\"?>{mark}{mark}{mark}text<A/>"),
        format!("{mark}{mark}<ASSET_LIST_VM_DETECTION_OUTPUT/>"),
        format!("<ASSET_LIST_VM_DETECTION_OUTPUT/>{mark}{mark}"),
    ];
    for input in &inputs {
        assert_reader_agrees_at_every_cut(input.as_bytes());
    }
}
