//! Hostile and oversized input: every case ends with an error or a result, in bounded time and
//! memory, through the slice parser and the reader alike.

use qualys_sem::{Error, ErrorKind, Event, Limit, Limits, Parser, Reader};

const HEAD: &str = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST><ASSET><ID>7</ID><DETECTION_LIST><DETECTION><QID>1</QID>";
const TAIL: &str = "</DETECTION></DETECTION_LIST></ASSET></ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";

/// Wraps `inner` as the content of a detection.
fn detection_with(inner: &str) -> Vec<u8> {
    format!("{HEAD}{inner}{TAIL}").into_bytes()
}

/// Returns every event (as text) and error of the slice parser and of the reader, which must
/// agree.
fn both(input: &[u8], limits: Limits) -> Vec<Result<String, Error>> {
    let from_slice: Vec<_> = Parser::with_limits(input, limits)
        .map(|event| event.map(|event| format!("{event:?}")))
        .collect();

    let mut reader = Reader::with_limits(input, limits);
    let mut from_reader = Vec::new();
    while let Some(event) = reader.read_event() {
        from_reader.push(event.map(|event| format!("{event:?}")));
    }

    let render = |items: &[Result<String, Error>]| -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Ok(event) => event.clone(),
                Err(error) => format!("error: {error}"),
            })
            .collect()
    };
    assert_eq!(render(&from_slice), render(&from_reader));
    from_slice
}

fn first_error(results: &[Result<String, Error>]) -> &Error {
    results
        .iter()
        .find_map(|result| result.as_ref().err())
        .expect("an error")
}

#[test]
fn deep_nesting_is_limited() {
    let depth = 1_000_000;
    let inner = format!("{}{}", "<X>".repeat(depth), "</X>".repeat(depth));
    let results = both(&detection_with(&inner), Limits::default());
    let error = first_error(&results);
    assert!(
        matches!(
            error.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::Depth,
                max: 256
            }
        ),
        "{error}"
    );
}

#[test]
fn deep_nesting_outside_assets_is_limited() {
    let depth = 100_000;
    let inner = format!("{}{}", "<X>".repeat(depth), "</X>".repeat(depth));
    let input = format!(
        "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>{inner}</RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"
    );
    let results = both(input.as_bytes(), Limits::default());
    let error = first_error(&results);
    assert!(
        matches!(
            error.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::Depth,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn nesting_within_the_limit_is_kept() {
    let inner = format!("{}x{}", "<X>".repeat(100), "</X>".repeat(100));
    let results = both(&detection_with(&inner), Limits::default());
    assert!(results.iter().all(Result::is_ok));
}

#[test]
fn large_value_passes_by_default() {
    let results_text = "row\tvalue\n".repeat(300_000);
    let inner = format!("<RESULTS><![CDATA[{results_text}]]></RESULTS>");
    let input = detection_with(&inner);
    let detection = Parser::new(&input)
        .find_map(|event| match event.unwrap() {
            Event::Detection(detection) => Some(detection),
            _ => None,
        })
        .unwrap();
    assert_eq!(detection.results.as_deref(), Some(results_text.as_str()));
    both(&input, Limits::default());
}

#[test]
fn value_over_the_limit_fails() {
    let inner = format!(
        "<RESULTS>{}<![CDATA[{}]]></RESULTS>",
        "a&amp;".repeat(1000),
        "b".repeat(5000)
    );
    let limits = Limits {
        max_value_bytes: 4096,
        ..Limits::default()
    };
    let results = both(&detection_with(&inner), limits);
    let error = first_error(&results);
    assert!(
        matches!(
            error.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::ValueBytes,
                max: 4096
            }
        ),
        "{error}"
    );
    assert!(error.is_fatal());
}

#[test]
fn record_over_the_limit_fails() {
    let inner = format!("<RESULTS>{}</RESULTS>", "c".repeat(200_000));
    let limits = Limits {
        max_record_bytes: 100_000,
        ..Limits::default()
    };
    let results = both(&detection_with(&inner), limits);
    let error = first_error(&results);
    assert!(
        matches!(
            error.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::RecordBytes,
                ..
            }
        ),
        "{error}"
    );
    // The asset's own fields were complete and are not lost.
    assert!(
        results[..results.len() - 1]
            .iter()
            .any(|event| event.as_ref().is_ok_and(|e| e.starts_with("Asset(")))
    );
}

#[test]
fn huge_tag_name_is_bounded() {
    let name = "N".repeat(4 << 20);
    let inner = format!("<{name}>x</{name}>");
    let limits = Limits {
        max_record_bytes: 1 << 20,
        ..Limits::default()
    };
    let error = first_error(&both(&detection_with(&inner), limits)).clone();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::RecordBytes,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn attribute_flood_is_linear() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let inner = format!("<QDS{attributes}>35</QDS>");
    let results = both(&detection_with(&inner), Limits::default());
    assert!(results.iter().all(Result::is_ok));
}

#[test]
fn unterminated_markup_ends_early() {
    for inner in [
        "<!-- never closed",
        "<RESULTS><![CDATA[never closed",
        "<RESULTS>&amp",
        "<QDS a=\"never closed",
    ] {
        let input = format!("{HEAD}{inner}");
        let results = both(input.as_bytes(), Limits::default());
        let error = first_error(&results);
        assert!(
            matches!(error.kind(), ErrorKind::UnexpectedEof),
            "{inner}: {error}"
        );
    }
}

#[test]
fn invalid_utf8_has_its_offset() {
    let mut input = detection_with("<RESULTS>ok</RESULTS>");
    let at = input.windows(2).position(|pair| pair == b"ok").unwrap() + 1;
    input[at] = 0xFF;
    let results = both(&input, Limits::default());
    let error = first_error(&results);
    assert!(matches!(error.kind(), ErrorKind::InvalidUtf8), "{error}");
    assert_eq!(error.position().offset, at as u64);
}
