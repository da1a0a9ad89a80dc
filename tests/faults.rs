//! Every kind of fault in an export: bad values, malformed XML, content around the root,
//! empty input, documents cut off at any byte, and the streaming reader fed in small chunks.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use qualys_sem::{Asset, Assets, Error, ErrorKind, Event, Parser, Position, Reader};

const ROOT_PATH: &str = "/ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/ASSET_LIST";

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn read(name: &str) -> Vec<u8> {
    fs::read(testdata().join(name)).unwrap()
}

/// Returns every `testdata/*.xml` document with its name, sorted.
fn documents() -> Vec<(String, Vec<u8>)> {
    let mut documents: Vec<(String, Vec<u8>)> = fs::read_dir(testdata())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xml"))
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
            )
        })
        .collect();
    documents.sort();
    documents
}

/// Wraps an asset list in the envelope of an export.
fn page(assets: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <ASSET_LIST_VM_DETECTION_OUTPUT>\n\
         <RESPONSE>\n\
         <DATETIME>2021-10-18T07:58:11Z</DATETIME>\n\
         <ASSET_LIST>\n{assets}</ASSET_LIST>\n\
         </RESPONSE>\n\
         </ASSET_LIST_VM_DETECTION_OUTPUT>\n"
    )
}

/// Returns the position of byte `offset` in `input`, counted independently of the library.
fn position_of(input: &[u8], offset: usize) -> Position {
    let before = &input[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    Position {
        offset: offset as u64,
        line: 1 + before.iter().filter(|&&b| b == b'\n').count() as u64,
        column: 1 + (offset - line_start) as u64,
    }
}

fn find(input: &[u8], needle: &str) -> usize {
    input
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle} not found"))
}

/// An owned asset or the error in its place.
type Item = Result<Asset<'static>, Error>;

/// Collects the owned assets and errors of a document, in order.
fn assets_and_errors(input: &[u8]) -> Vec<Item> {
    Assets::new(input)
        .map(|item| item.map(Asset::into_owned))
        .collect()
}

fn ids(items: &[Item]) -> Vec<u64> {
    items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|asset| asset.header.id)
        .collect()
}

fn errors(items: &[Item]) -> Vec<&Error> {
    items
        .iter()
        .filter_map(|item| item.as_ref().err())
        .collect()
}

fn only_error(items: &[Item]) -> &Error {
    let errors = errors(items);
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors[0]
}

fn assert_invalid_value(error: &Error, element: &str, value: &str) {
    match error.kind() {
        ErrorKind::InvalidValue {
            element: got_element,
            value: got_value,
            ..
        } => {
            assert_eq!(got_element, element);
            assert_eq!(got_value, value);
        }
        other => panic!("expected an invalid {element}, got {other:?}"),
    }
    assert!(!error.is_fatal());
    let message = error.to_string();
    assert!(message.contains(element), "{message}");
    assert!(message.contains(&format!("{value:?}")), "{message}");
}

// Bad values cost one asset.

#[test]
fn severity_nine_names_element_and_value() {
    let sample = read("guide-sample.xml");
    let text = String::from_utf8(sample).unwrap();
    let input = text.replace("<SEVERITY>1</SEVERITY>", "<SEVERITY>9</SEVERITY>");
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert_invalid_value(error, "SEVERITY", "9");
    assert_eq!(
        error.path(),
        "/ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/ASSET_LIST/ASSET[id=231]/DETECTION_LIST/DETECTION[qid=610100]/SEVERITY"
    );
    let offset = find(input.as_bytes(), "<SEVERITY>9");
    assert_eq!(error.position(), position_of(input.as_bytes(), offset));
    assert_eq!((error.position().line, error.position().column), (24, 13));
    assert_eq!(error.last_complete_asset(), None);
    assert_eq!(ids(&items), Vec::<u64>::new());
}

#[test]
fn severity_nine_then_next_asset() {
    let input = page(
        "<ASSET><ID>231</ID><DETECTION_LIST>\n\
         <DETECTION><QID>610100</QID><SEVERITY>9</SEVERITY></DETECTION>\n\
         <DETECTION><QID>610101</QID><SEVERITY>2</SEVERITY></DETECTION>\n\
         </DETECTION_LIST></ASSET>\n\
         <ASSET><ID>232</ID><DETECTION_LIST><DETECTION><QID>610102</QID></DETECTION></DETECTION_LIST></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());

    assert!(items[0].is_err());
    assert_invalid_value(only_error(&items), "SEVERITY", "9");
    assert_eq!(ids(&items), [232]);
    let last = items.last().unwrap().as_ref().unwrap();
    assert_eq!(last.detections[0].qid, 610102);
}

#[test]
fn parser_skips_rest_of_failed_asset() {
    let input = page(
        "<ASSET><ID>231</ID><DETECTION_LIST>\n\
         <DETECTION><QID>610100</QID><SEVERITY>9</SEVERITY></DETECTION>\n\
         <DETECTION><QID>610101</QID></DETECTION>\n\
         </DETECTION_LIST></ASSET>\n\
         <ASSET><ID>232</ID></ASSET>\n",
    );
    let mut parser = Parser::new(input.as_bytes());
    let mut after_error = Vec::new();
    let mut seen_error = false;
    for item in parser.by_ref() {
        match item {
            Err(error) => {
                assert!(!error.is_fatal());
                seen_error = true;
            }
            Ok(event) if seen_error => after_error.push(event.into_owned()),
            Ok(_) => {}
        }
    }
    assert!(seen_error);
    assert!(
        matches!(&after_error[0], Event::Asset(header) if header.id == 232),
        "{after_error:?}"
    );
    assert_eq!(after_error.last(), Some(&Event::End));
    assert_eq!(parser.last_complete_asset(), Some(232));
}

#[test]
fn impossible_date_names_element_and_value() {
    let input = page(
        "<ASSET><ID>301</ID><LAST_SEEN>2021-02-30 12:01:06</LAST_SEEN></ASSET>\n\
         <ASSET><ID>302</ID><LAST_SEEN>2021-02-28 12:01:06</LAST_SEEN></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert_invalid_value(error, "LAST_SEEN", "2021-02-30 12:01:06");
    assert_eq!(error.path(), format!("{ROOT_PATH}/ASSET[id=301]/LAST_SEEN"));
    assert_eq!(
        error.position(),
        position_of(
            input.as_bytes(),
            find(input.as_bytes(), "<LAST_SEEN>2021-02-30")
        )
    );
    assert_eq!(ids(&items), [302]);
}

#[test]
fn impossible_detection_date() {
    let input = page(
        "<ASSET><ID>301</ID></ASSET>\n\
         <ASSET><ID>302</ID><DETECTION_LIST><DETECTION><QID>620001</QID>\
         <FIRST_FOUND_DATETIME>2021-04-31T00:00:00Z</FIRST_FOUND_DATETIME></DETECTION></DETECTION_LIST></ASSET>\n\
         <ASSET><ID>303</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert_invalid_value(error, "FIRST_FOUND_DATETIME", "2021-04-31T00:00:00Z");
    assert_eq!(
        error.path(),
        format!(
            "{ROOT_PATH}/ASSET[id=302]/DETECTION_LIST/DETECTION[qid=620001]/FIRST_FOUND_DATETIME"
        )
    );
    assert_eq!(error.last_complete_asset(), Some(301));
    assert_eq!(ids(&items), [301, 303]);
}

#[test]
fn non_numeric_id_names_element_and_value() {
    let input = page(
        "<ASSET><ID>401</ID></ASSET>\n\
         <ASSET><ID>4O2</ID><IP>192.0.2.42</IP></ASSET>\n\
         <ASSET><ID>403</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert_invalid_value(error, "ID", "4O2");
    assert!(error.path().ends_with("/ID"), "{}", error.path());
    assert_eq!(
        error.position(),
        position_of(input.as_bytes(), find(input.as_bytes(), "<ID>4O2"))
    );
    assert_eq!(error.last_complete_asset(), Some(401));
    assert_eq!(ids(&items), [401, 403]);
}

#[test]

fn non_numeric_id_path_has_no_id() {
    let input = page("<ASSET><ID>4O2</ID></ASSET>\n");
    let items = assets_and_errors(input.as_bytes());
    assert_eq!(only_error(&items).path(), format!("{ROOT_PATH}/ASSET/ID"));
}

#[test]
fn non_numeric_qid_and_tag_id() {
    let input = page(
        "<ASSET><ID>501</ID><DETECTION_LIST><DETECTION><QID>61O100</QID></DETECTION></DETECTION_LIST></ASSET>\n\
         <ASSET><ID>502</ID><TAGS><TAG><TAG_ID>x7</TAG_ID><NAME>Sales</NAME></TAG></TAGS></ASSET>\n\
         <ASSET><ID>503</ID><DETECTION_LIST><DETECTION><QID>610100</QID><TIMES_FOUND>-1</TIMES_FOUND>\
         </DETECTION></DETECTION_LIST></ASSET>\n\
         <ASSET><ID>504</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());
    let errors = errors(&items);
    assert_eq!(errors.len(), 3, "{errors:?}");

    assert_invalid_value(errors[0], "QID", "61O100");
    assert_eq!(
        errors[0].path(),
        format!("{ROOT_PATH}/ASSET[id=501]/DETECTION_LIST/DETECTION/QID")
    );
    assert_invalid_value(errors[1], "TAG_ID", "x7");
    assert_eq!(
        errors[1].path(),
        format!("{ROOT_PATH}/ASSET[id=502]/TAGS/TAG[1]/TAG_ID")
    );
    assert_invalid_value(errors[2], "TIMES_FOUND", "-1");
    assert_eq!(
        errors[2].path(),
        format!("{ROOT_PATH}/ASSET[id=503]/DETECTION_LIST/DETECTION[qid=610100]/TIMES_FOUND")
    );
    assert_eq!(ids(&items), [504]);
}

#[test]
fn missing_id_and_qid() {
    let input = page(
        "<ASSET><IP>192.0.2.1</IP></ASSET>\n\
         <ASSET><ID>602</ID><DETECTION_LIST><DETECTION><TYPE>Confirmed</TYPE></DETECTION></DETECTION_LIST></ASSET>\n\
         <ASSET><ID>603</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());
    let errors = errors(&items);
    assert_eq!(errors.len(), 2, "{errors:?}");

    assert!(matches!(
        errors[0].kind(),
        ErrorKind::MissingElement {
            element: "ID",
            parent: "ASSET"
        }
    ));
    assert!(!errors[0].is_fatal());
    assert!(matches!(
        errors[1].kind(),
        ErrorKind::MissingElement {
            element: "QID",
            parent: "DETECTION"
        }
    ));
    assert_eq!(ids(&items), [603]);
}

#[test]

fn empty_id_is_missing() {
    for body in ["<ID></ID>", "<ID/>", "<ID>  </ID>"] {
        let input = page(&format!(
            "<ASSET>{body}<IP>192.0.2.1</IP></ASSET>\n<ASSET><ID>702</ID></ASSET>\n"
        ));
        let items = assets_and_errors(input.as_bytes());
        let error = only_error(&items);
        assert!(
            matches!(
                error.kind(),
                ErrorKind::MissingElement {
                    element: "ID",
                    parent: "ASSET"
                }
            ),
            "{body}: {error}"
        );
        assert_eq!(ids(&items), [702], "{body}");
    }
}

#[test]
fn element_inside_field_is_an_error() {
    let input = page(
        "<ASSET><ID>801</ID><OS><B>iOS</B></OS></ASSET>\n\
         <ASSET><ID>802</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());
    let error = only_error(&items);
    assert!(
        matches!(error.kind(), ErrorKind::UnexpectedElement { name, parent } if name == "B" && parent == "OS")
    );
    assert!(!error.is_fatal());
    assert_eq!(ids(&items), [802]);
}

#[test]
fn invalid_character_reference() {
    let input = page(
        "<ASSET><ID>901</ID><USERNAME>user&#0;01</USERNAME></ASSET>\n\
         <ASSET><ID>902</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());
    let error = only_error(&items);
    assert!(
        matches!(error.kind(), ErrorKind::InvalidCharacterReference { reference } if reference == "#0")
    );
    assert_eq!(
        error.position(),
        position_of(input.as_bytes(), find(input.as_bytes(), "&#0;"))
    );
    assert_eq!(ids(&items), [902]);
}

#[test]
fn reader_recovers_like_parser() {
    let input = page(
        "<ASSET><ID>1</ID><DETECTION_LIST><DETECTION><QID>610100</QID><SEVERITY>9</SEVERITY></DETECTION>\
         </DETECTION_LIST></ASSET>\n\
         <ASSET><ID>2</ID><LAST_SEEN>2021-02-30 00:00:00</LAST_SEEN></ASSET>\n\
         <ASSET><ID>x3</ID></ASSET>\n\
         <ASSET><ID>4</ID></ASSET>\n",
    );
    let from_reader: Vec<_> = Reader::new(input.as_bytes()).assets().collect();
    assert_eq!(ids(&from_reader), [4]);
    assert_eq!(
        describe_items(&from_reader),
        describe_items(&assets_and_errors(input.as_bytes()))
    );
}

// Malformed XML stops the parse with its position.

#[test]
fn mismatched_end_tag_stops_with_position() {
    let input = "<ASSET_LIST_VM_DETECTION_OUTPUT>\n  <RESPONSE>\n    <ASSET_LIST>\n      <ASSET>\n        <ID>1</ID>\n        <IP>192.0.2.1</IPV6>\n      </ASSET>\n      <ASSET><ID>2</ID></ASSET>\n";
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert!(error.is_fatal());
    assert!(
        matches!(error.kind(), ErrorKind::MismatchedEndTag { expected, found } if expected == "IP" && found == "IPV6"),
        "{error}"
    );
    assert_eq!(
        error.position(),
        Position {
            offset: 117,
            line: 6,
            column: 22
        }
    );
    assert_eq!(
        error.position(),
        position_of(input.as_bytes(), find(input.as_bytes(), "</IPV6>"))
    );
    assert!(
        error
            .path()
            .starts_with(&format!("{ROOT_PATH}/ASSET[id=1]")),
        "{}",
        error.path()
    );
    assert_eq!(ids(&items), Vec::<u64>::new());
    assert!(
        items.last().unwrap().is_err(),
        "nothing comes after a fatal error"
    );
}

#[test]
fn bad_markup_stops_with_position() {
    let input = page(
        "<ASSET><ID>1</ID></ASSET>\n<ASSET>\n  <ID>2</ID>\n  <!BOGUS>\n</ASSET>\n<ASSET><ID>3</ID></ASSET>\n",
    );
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert!(error.is_fatal());
    assert!(matches!(error.kind(), ErrorKind::Syntax(_)), "{error}");
    assert_eq!(
        error.position(),
        position_of(input.as_bytes(), find(input.as_bytes(), "<!BOGUS>"))
    );
    assert_eq!(error.last_complete_asset(), Some(1));
    assert_eq!(ids(&items), [1]);
    assert!(items.last().unwrap().is_err());
}

#[test]
fn unquoted_attribute_stops() {
    let input =
        page("<ASSET><ID>1</ID><QDS severity=HIGH>95</QDS></ASSET>\n<ASSET><ID>2</ID></ASSET>\n");
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert!(error.is_fatal());
    assert!(matches!(error.kind(), ErrorKind::Syntax(_)), "{error}");
    assert_eq!(
        error.position(),
        position_of(input.as_bytes(), find(input.as_bytes(), "<QDS"))
    );
    assert_eq!(ids(&items), Vec::<u64>::new());
}

#[test]
fn invalid_utf8_stops() {
    let mut input = page("<ASSET><ID>1</ID></ASSET>\n<ASSET><ID>2</ID><IP>192.0.2.</IP></ASSET>\n")
        .into_bytes();
    let at = find(&input, "192.0.2.<") + "192.0.2.".len();
    input.insert(at, 0xFF);
    let items = assets_and_errors(&input);

    let error = only_error(&items);
    assert!(matches!(error.kind(), ErrorKind::InvalidUtf8), "{error}");
    assert!(error.is_fatal());
    assert_eq!(ids(&items), [1]);
}

#[test]

fn invalid_utf8_position() {
    let mut input = page("<ASSET><ID>1</ID><IP>192.0.2.</IP></ASSET>\n").into_bytes();
    let at = find(&input, "192.0.2.<") + "192.0.2.".len();
    input.insert(at, 0xFF);
    let items = assets_and_errors(&input);
    assert_eq!(only_error(&items).position(), position_of(&input, at));
}

#[test]
fn wrong_root_element() {
    let items = assets_and_errors(
        b"<HOST_LIST_VM_DETECTION_OUTPUT><RESPONSE/></HOST_LIST_VM_DETECTION_OUTPUT>",
    );
    let error = only_error(&items);
    // The reply classifier explains the body; its message names the root element.
    assert!(matches!(error.kind(), ErrorKind::Reply(_)), "{error}");
    assert!(
        error.to_string().contains("HOST_LIST_VM_DETECTION_OUTPUT"),
        "{error}"
    );
    assert!(error.is_fatal());
}

#[test]
fn text_before_root() {
    let items = assets_and_errors(b"{\"error\": \"maintenance\"}");
    let error = only_error(&items);
    // A JSON body is a reply from the gateway, kept whole in a typed error.
    assert!(matches!(error.kind(), ErrorKind::Reply(_)), "{error}");
    assert_eq!(
        error.position(),
        Position {
            offset: 0,
            line: 1,
            column: 1
        }
    );
}

// Content after the root element.

#[test]
fn second_root_is_an_error() {
    let input = format!(
        "{}<ASSET_LIST_VM_DETECTION_OUTPUT/>\n",
        page("<ASSET><ID>1</ID></ASSET>\n")
    );
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert!(
        matches!(error.kind(), ErrorKind::TrailingContent { found } if found == "element ASSET_LIST_VM_DETECTION_OUTPUT"),
        "{error}"
    );
    assert!(error.is_fatal());
    let second = input.rfind("<ASSET_LIST_VM_DETECTION_OUTPUT/>").unwrap();
    assert_eq!(error.position(), position_of(input.as_bytes(), second));
    assert_eq!(error.last_complete_asset(), Some(1));
    assert_eq!(ids(&items), [1]);
}

#[test]
fn text_after_root_is_an_error() {
    let input = format!("{}trailing text\n", page("<ASSET><ID>1</ID></ASSET>\n"));
    let items = assets_and_errors(input.as_bytes());

    let error = only_error(&items);
    assert!(
        matches!(error.kind(), ErrorKind::TrailingContent { found } if found == "text"),
        "{error}"
    );
    assert!(error.position().offset >= input.rfind('>').unwrap() as u64);
    assert_eq!(ids(&items), [1]);
}

#[test]
fn cdata_after_root_is_an_error() {
    let input = format!("{}<![CDATA[x]]>", page(""));
    let items = assets_and_errors(input.as_bytes());
    assert!(matches!(
        only_error(&items).kind(),
        ErrorKind::TrailingContent { .. }
    ));
}

#[test]
fn comments_after_root_are_fine() {
    let input = format!(
        "{}<!-- CONFIDENTIAL AND PROPRIETARY INFORMATION. -->\n<?pi data?>\n<!-- host01.example -->\n\n",
        page("<ASSET><ID>1</ID></ASSET>\n")
    );
    let items = assets_and_errors(input.as_bytes());
    assert!(errors(&items).is_empty(), "{:?}", errors(&items));
    assert_eq!(ids(&items), [1]);
    let events: Vec<_> = Parser::new(input.as_bytes()).map(Result::unwrap).collect();
    assert_eq!(events.last(), Some(&Event::End));
}

// Empty input.

#[test]
fn empty_inputs() {
    for input in [
        "",
        "   \n\t",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<!-- nothing -->\n",
    ] {
        let items = assets_and_errors(input.as_bytes());
        let error = only_error(&items);
        assert!(
            matches!(error.kind(), ErrorKind::Empty),
            "{input:?}: {error}"
        );
        assert!(error.is_fatal());
        assert_eq!(error.last_complete_asset(), None);

        let from_reader: Vec<_> = Reader::new(input.as_bytes()).assets().collect();
        assert_eq!(
            describe_items(&from_reader),
            describe_items(&items),
            "{input:?}"
        );
    }
}

// Documents cut off at every byte.

/// Returns the offsets just after each `</ASSET>` end tag, with the asset IDs in order.
fn asset_ends(input: &[u8]) -> Vec<(usize, u64)> {
    let ids = ids(&assets_and_errors(input));
    let tag = b"</ASSET>";
    let ends: Vec<usize> = (0..input.len().saturating_sub(tag.len() - 1))
        .filter(|&at| &input[at..at + tag.len()] == tag)
        .map(|at| at + tag.len())
        .collect();
    assert_eq!(ends.len(), ids.len(), "every asset has one end tag");
    ends.into_iter().zip(ids).collect()
}

/// Cuts `input` at every offset and checks what the parser hands out before the cut.
///
/// With `exact_kind`, a cut inside the root element must be reported as a document that ends
/// early; without it, a syntax error is accepted as well.
fn check_every_cut(name: &str, input: &[u8], exact_kind: bool) {
    let ends = asset_ends(input);
    let root_start = find(input, "<ASSET_LIST_VM_DETECTION_OUTPUT>");
    let root_end = find(input, "</ASSET_LIST_VM_DETECTION_OUTPUT>")
        + "</ASSET_LIST_VM_DETECTION_OUTPUT>".len();

    for cut in 0..=input.len() {
        let prefix = &input[..cut];
        let items = assets_and_errors(prefix);
        let complete: Vec<u64> = ends
            .iter()
            .filter(|(end, _)| *end <= cut)
            .map(|(_, id)| *id)
            .collect();
        let context = format!("{name} cut at {cut}");

        assert_eq!(ids(&items), complete, "{context}");
        let errors = errors(&items);
        assert!(errors.len() <= 1, "{context}: {errors:?}");
        if let Some(error) = errors.first() {
            assert!(
                items.last().unwrap().is_err(),
                "{context}: the error comes last"
            );
            assert!(error.is_fatal(), "{context}: {error}");
            assert_eq!(
                error.last_complete_asset(),
                complete.last().copied(),
                "{context}: {error}"
            );
            assert!(error.position().offset <= cut as u64, "{context}: {error}");
            let offset = error.position().offset as usize;
            assert_eq!(error.position(), position_of(prefix, offset), "{context}");
        }

        if cut >= root_end {
            // Only the epilog is cut: a cut comment may be reported, whitespace may not.
            if prefix[root_end..].iter().all(u8::is_ascii_whitespace) {
                assert!(errors.is_empty(), "{context}: {errors:?}");
            }
        } else if cut > root_start {
            let error = errors
                .first()
                .unwrap_or_else(|| panic!("{context}: no error"));
            let is_eof = matches!(error.kind(), ErrorKind::UnexpectedEof);
            let is_syntax = matches!(error.kind(), ErrorKind::Syntax(_));
            assert!(is_eof || (is_syntax && !exact_kind), "{context}: {error}");
            if let (true, Some(id)) = (is_eof, complete.last()) {
                assert!(
                    error
                        .to_string()
                        .contains(&format!("the last complete asset has ID {id}")),
                    "{context}"
                );
            }
        } else {
            let error = errors
                .first()
                .unwrap_or_else(|| panic!("{context}: no error"));
            let is_expected = matches!(error.kind(), ErrorKind::Empty | ErrorKind::UnexpectedEof);
            let is_syntax = matches!(error.kind(), ErrorKind::Syntax(_));
            assert!(
                is_expected || (is_syntax && !exact_kind),
                "{context}: {error}"
            );
        }
    }
}

#[test]
fn guide_sample_cut_at_every_byte() {
    check_every_cut("guide-sample.xml", &read("guide-sample.xml"), false);
}

#[test]
fn several_assets_cut_at_every_byte() {
    check_every_cut("several-assets.xml", &read("several-assets.xml"), false);
}

#[test]

fn every_cut_is_an_early_end() {
    check_every_cut("guide-sample.xml", &read("guide-sample.xml"), true);
    check_every_cut("several-assets.xml", &read("several-assets.xml"), true);
}

#[test]
fn cut_after_bracket_ends_early() {
    let input = read("guide-sample.xml");
    let cut = find(&input, "<DETECTION_LIST>") + 1;
    let items = assets_and_errors(&input[..cut]);
    let error = only_error(&items);
    assert!(matches!(error.kind(), ErrorKind::UnexpectedEof), "{error}");
}

#[test]
fn cut_error_names_last_complete_asset() {
    let input = read("several-assets.xml");
    let cut = find(&input, "<ID>1003</ID>");
    let items = assets_and_errors(&input[..cut]);
    let error = only_error(&items);

    assert!(matches!(error.kind(), ErrorKind::UnexpectedEof));
    assert_eq!(error.last_complete_asset(), Some(1002));
    assert!(
        error
            .to_string()
            .contains("the last complete asset has ID 1002"),
        "{error}"
    );
    assert_eq!(ids(&items), [1001, 1002]);
}

// The streaming reader against the parser.

/// A source that hands out at most `size` bytes per read, as a slow network does.
struct Chunked<'a> {
    data: &'a [u8],
    size: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let count = self.size.min(buffer.len()).min(self.data.len());
        buffer[..count].copy_from_slice(&self.data[..count]);
        self.data = &self.data[count..];
        Ok(count)
    }
}

/// Describes an error with everything that must match between the two parsers.
fn describe(error: &Error) -> String {
    format!(
        "{error} | {:?} | {} | {:?} | fatal {}",
        error.position(),
        error.path(),
        error.last_complete_asset(),
        error.is_fatal()
    )
}

fn describe_items(items: &[Item]) -> Vec<Result<Asset<'static>, String>> {
    items
        .iter()
        .map(|item| item.clone().map_err(|error| describe(&error)))
        .collect()
}

type Events = Vec<Result<Event<'static>, String>>;

fn parser_events(input: &[u8]) -> Events {
    Parser::new(input)
        .map(|item| {
            item.map(Event::into_owned)
                .map_err(|error| describe(&error))
        })
        .collect()
}

/// How many bytes the readers under test gather before they parse: small, so that their
/// buffer ends inside records many times over in these documents.
const READ_SIZE: usize = 4096;

fn reader_events(input: &[u8], size: usize) -> Events {
    reader_events_with(input, size, READ_SIZE)
}

fn reader_events_with(input: &[u8], size: usize, read_size: usize) -> Events {
    let mut reader = Reader::new(Chunked { data: input, size }).with_read_size(read_size);
    let mut events = Vec::new();
    while let Some(item) = reader.read_event() {
        events.push(
            item.map(Event::into_owned)
                .map_err(|error| describe(&error)),
        );
        assert!(
            events.len() <= 4 * input.len() + 8,
            "the reader does not end"
        );
    }
    events
}

/// Builds a document of `rounds` copies of the sample's assets, each about 4 KiB, so that
/// the reader refills its buffer many times and records straddle the refills.
fn large_document_of(rounds: u64) -> String {
    let several = String::from_utf8(read("several-assets.xml")).unwrap();
    let start = several.find("<ASSET>").unwrap();
    let end = several.rfind("</ASSET>").unwrap() + "</ASSET>".len();
    let block = &several[start..end];

    let mut assets = String::new();
    for round in 0..rounds {
        let mut copy = block.to_owned();
        for id in 1001..=1004 {
            copy = copy.replace(
                &format!("<ID>{id}</ID>"),
                &format!("<ID>{}</ID>", id + round * 10),
            );
        }
        assets.push_str(&copy);
        assets.push('\n');
    }
    several[..start].to_owned() + &assets + &several[end..]
}

/// Builds a document of about 36 reads of [`READ_SIZE`].
fn large_document() -> Vec<u8> {
    let document = large_document_of(36).into_bytes();
    assert!(document.len() > 32 * READ_SIZE, "{}", document.len());
    document
}

const CHUNK_SIZES: [usize; 6] = [1, 2, 3, 7, 64, 4096];

#[test]
fn reader_chunks_on_testdata() {
    for (name, input) in documents() {
        let expected = parser_events(&input);
        for size in CHUNK_SIZES {
            assert_eq!(
                reader_events(&input, size),
                expected,
                "{name} in chunks of {size}"
            );
        }
    }
}

#[test]
fn reader_chunks_on_large_document() {
    let input = large_document();
    let expected = parser_events(&input);
    assert!(expected.iter().all(Result::is_ok));
    for size in CHUNK_SIZES {
        assert_eq!(reader_events(&input, size), expected, "chunks of {size}");
    }
}

#[test]
fn reader_default_read_size_refills() {
    // More than two reads of the default 256 KiB.
    let input = large_document_of(160).into_bytes();
    assert!(input.len() > 2 * 256 * 1024, "{}", input.len());
    let expected = parser_events(&input);
    for size in [4096, usize::MAX] {
        assert_eq!(
            reader_events_with(&input, size, 256 * 1024),
            expected,
            "chunks of {size}"
        );
    }
}

#[test]
fn reader_read_sizes_on_large_document() {
    // From one byte, where every record is cut many times, to more than the document.
    let input = large_document();
    let expected = parser_events(&input);
    for read_size in [1, 2, 3, 100, 255, 1000, 65536, 1 << 20] {
        assert_eq!(
            reader_events_with(&input, 4096, read_size),
            expected,
            "reads of {read_size}"
        );
    }
}

#[test]
fn reader_reads_ahead_through_a_long_detection() {
    // A RESULTS of many reads, in one CDATA section and in many, which the reader reads to
    // its end before it parses the detection again.
    let line = "Vulnerable package openssl 1.0.2k-19.el7 on host01.example\n";
    let one_section = format!("<![CDATA[{}]]>", line.repeat(2000));
    let many_sections = format!("<![CDATA[{}]]>", line).repeat(2000);
    for results in [one_section, many_sections] {
        let detection =
            format!("<DETECTION><QID>610100</QID><RESULTS>{results}</RESULTS></DETECTION>");
        let input = page(&format!(
            "<ASSET><ID>1</ID><DETECTION_LIST>{detection}{detection}</DETECTION_LIST></ASSET>\n"
        ));
        let expected = parser_events(input.as_bytes());
        assert!(expected.iter().all(Result::is_ok));
        for read_size in [READ_SIZE, 64 * 1024] {
            assert_eq!(
                reader_events_with(input.as_bytes(), 1 << 20, read_size),
                expected,
                "reads of {read_size}"
            );
        }

        // It stops reading within a read of the detection's end.
        let first_end = input.find("</DETECTION>").unwrap() + "</DETECTION>".len();
        let mut reader = Reader::new(input.as_bytes()).with_read_size(READ_SIZE);
        while let Some(event) = reader.read_event() {
            if let Event::Detection(_) = event.unwrap() {
                break;
            }
        }
        let read = usize::try_from(reader.bytes_read()).unwrap();
        assert!(read >= first_end, "{read} < {first_end}");
        assert!(
            read <= first_end + READ_SIZE,
            "{read} > {first_end} + {READ_SIZE}"
        );
    }
}

#[test]
fn reader_keeps_characters_cut_by_a_read() {
    // Two-, three- and four-byte characters at every offset around the end of the first read.
    let text = "caf\u{e9} \u{20ac}5 \u{1f512} ".repeat(4);
    for shift in 0..24 {
        let padding = " ".repeat(shift);
        let input = page(&format!(
            "<ASSET><ID>1</ID><OS>{padding}{text}</OS></ASSET>\n"
        ));
        let read_size = input.find("<OS>").unwrap() + 8;
        let expected = parser_events(input.as_bytes());
        assert!(expected.iter().all(Result::is_ok));
        for size in [1, 3, 4096] {
            assert_eq!(
                reader_events_with(input.as_bytes(), size, read_size),
                expected,
                "shift {shift}, chunks of {size}"
            );
        }
    }
}

/// Compares the reader with the parser on `input` cut at each of `cuts`, one chunk size per
/// cut in turn, which keeps the loop fast and still gives every size many cuts.
fn compare_at_cuts(name: &str, input: &[u8], cuts: impl Iterator<Item = usize>) {
    for cut in cuts {
        let prefix = &input[..cut];
        let size = CHUNK_SIZES[cut % CHUNK_SIZES.len()];
        assert_eq!(
            reader_events(prefix, size),
            parser_events(prefix),
            "{name} cut at {cut}, chunks of {size}"
        );
    }
}

#[test]
fn reader_every_cut_guide_sample() {
    let input = read("guide-sample.xml");
    compare_at_cuts("guide-sample.xml", &input, 0..=input.len());
}

#[test]
fn reader_every_cut_several_assets() {
    let input = read("several-assets.xml");
    compare_at_cuts("several-assets.xml", &input, 0..=input.len());
}

#[test]
fn reader_markup_cuts_all_documents() {
    // Every cut just after a byte that opens or closes markup, a CDATA section or a
    // reference: there the reader must tell a record that continues from a malformed one.
    for (name, input) in documents() {
        let cuts = (0..=input.len()).filter(|&cut| {
            let last = cut.checked_sub(1).map(|at| input[at]);
            last.is_none_or(|byte| b"<>[]&;".contains(&byte))
        });
        compare_at_cuts(&name, &input, cuts);
    }
}

#[test]
fn reader_cuts_near_refills() {
    let input = large_document();
    // The reader gathers READ_SIZE bytes before it parses, so its first windows end at
    // multiples of it.
    let mut cuts: Vec<usize> = (0..input.len()).step_by(16411).collect();
    for boundary in [READ_SIZE, 2 * READ_SIZE] {
        cuts.extend(boundary - 8..boundary + 8);
    }
    for cut in cuts {
        let prefix = &input[..cut];
        let expected = parser_events(prefix);
        for size in [7, 4096] {
            assert_eq!(
                reader_events(prefix, size),
                expected,
                "cut at {cut}, chunks of {size}"
            );
        }
    }
}

#[test]
fn reader_chunks_on_faults() {
    let inputs = [
        page(
            "<ASSET><ID>1</ID><DETECTION_LIST><DETECTION><QID>610100</QID><SEVERITY>9</SEVERITY></DETECTION></DETECTION_LIST></ASSET>\n<ASSET><ID>2</ID></ASSET>\n",
        ),
        page("<ASSET><ID>1</ID></ASSET>\n<ASSET><ID>2</ID><IP>192.0.2.1</IPV6></ASSET>\n"),
        format!(
            "{}<ASSET_LIST_VM_DETECTION_OUTPUT/>",
            page("<ASSET><ID>1</ID></ASSET>\n")
        ),
        format!("{}text", page("")),
        String::new(),
    ];
    for input in inputs {
        let expected = parser_events(input.as_bytes());
        assert!(expected.iter().any(Result::is_err), "{input}");
        for size in CHUNK_SIZES {
            assert_eq!(
                reader_events(input.as_bytes(), size),
                expected,
                "{input:?} in chunks of {size}"
            );
        }
    }
}

/// A source that fails after handing out some bytes.
struct Failing<'a> {
    data: &'a [u8],
}

impl Read for Failing<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if self.data.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "connection reset",
            ));
        }
        let count = buffer.len().min(self.data.len()).min(100);
        buffer[..count].copy_from_slice(&self.data[..count]);
        self.data = &self.data[count..];
        Ok(count)
    }
}

#[test]
fn read_failure_keeps_complete_assets() {
    let input = read("several-assets.xml");
    let cut = find(&input, "<ID>1003</ID>");
    let items: Vec<_> = Reader::new(Failing {
        data: &input[..cut],
    })
    .assets()
    .collect();

    assert_eq!(ids(&items), [1001, 1002]);
    let error = only_error(&items);
    assert!(matches!(error.kind(), ErrorKind::Io(_)), "{error}");
    assert!(error.is_fatal());
    assert_eq!(error.last_complete_asset(), Some(1002));
    assert!(items.last().unwrap().is_err());
}

#[test]
fn reader_recovers_across_refills() {
    // Bad values in every copy of the assets put a failed record, and the skip after it, on
    // each side of every refill.
    let text = String::from_utf8(large_document()).unwrap();
    let text = text
        .replace("<SEVERITY>2</SEVERITY>", "<SEVERITY>9</SEVERITY>")
        .replace(
            "<LAST_SEEN>2021-08-14 17:22:09</LAST_SEEN>",
            "<LAST_SEEN>2021-08-32 17:22:09</LAST_SEEN>",
        );
    let input = text.as_bytes();
    let expected = parser_events(input);
    assert!(expected.iter().filter(|item| item.is_err()).count() >= 72);
    assert_eq!(expected.last(), Some(&Ok(Event::End)));

    for size in CHUNK_SIZES {
        assert_eq!(reader_events(input, size), expected, "chunks of {size}");
    }
    let cuts = [READ_SIZE, 2 * READ_SIZE]
        .into_iter()
        .flat_map(|boundary| boundary - 8..boundary + 8);
    compare_at_cuts("large document with bad values", input, cuts);
}

#[test]
fn generated_document_cut_at_every_byte() {
    // The smallest of a few generated pages with two assets keeps this loop fast.
    let input = (1..200)
        .map(|seed| {
            let mut xml = Vec::new();
            let config = qualys_sem::GeneratorConfig {
                seed,
                target: qualys_sem::Target::Assets(2),
            };
            qualys_sem::Generator::new(config)
                .write_to(&mut xml)
                .unwrap();
            xml
        })
        .min_by_key(Vec::len)
        .unwrap();
    assert!(input.len() < 16 * 1024, "{} bytes", input.len());
    check_every_cut("generated page", &input, true);
}
