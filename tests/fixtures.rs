//! Every `testdata/X.xml` that has an `X.assets.jsonl` beside it must produce exactly those
//! assets, through the in-memory iterator and through the streaming reader alike.
//!
//! The expected lines are compared as JSON values, so that key order is not part of the
//! contract, but every key, value and absence is.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use qualys_sem::{Assets, Event, Parser, Reader, Warning, unescape_html};
use serde_json::Value;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// Returns the documents that have expected assets, sorted by name.
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for entry in fs::read_dir(testdata()).unwrap() {
        let xml = entry.unwrap().path();
        if xml.extension().is_some_and(|extension| extension == "xml") {
            let expected = xml.with_extension("assets.jsonl");
            if expected.exists() {
                pairs.push((xml, expected));
            }
        }
    }
    pairs.sort();
    pairs
}

fn expected_lines(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("{}: {error}: {line}", path.display()))
        })
        .collect()
}

fn read(name: &str) -> Vec<u8> {
    fs::read(testdata().join(name)).unwrap()
}

/// Compares two lists of JSON values one by one, naming the file and line of a mismatch.
fn assert_same_lines(file: &Path, got: &[Value], expected: &[Value]) {
    for (line, (got, expected)) in got.iter().zip(expected).enumerate() {
        assert_eq!(got, expected, "{} line {}", file.display(), line + 1);
    }
    assert_eq!(
        got.len(),
        expected.len(),
        "number of assets in {}",
        file.display()
    );
}

#[test]
fn fixtures_are_present() {
    let names: Vec<String> = fixtures()
        .iter()
        .map(|(xml, _)| xml.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 14, "{names:?}");
    assert!(names.contains(&"guide-sample.xml".to_owned()));
}

#[test]
fn assets_match_expected_lines() {
    for (xml, expected) in fixtures() {
        let input = fs::read(&xml).unwrap();
        let got: Vec<Value> = Assets::new(&input)
            .map(|asset| {
                let asset = asset.unwrap_or_else(|error| panic!("{}: {error}", xml.display()));
                serde_json::to_value(&asset).unwrap()
            })
            .collect();
        assert_same_lines(&xml, &got, &expected_lines(&expected));
    }
}

#[test]
fn reader_matches_expected_lines() {
    for (xml, expected) in fixtures() {
        let file = fs::File::open(&xml).unwrap();
        let got: Vec<Value> = Reader::new(file)
            .assets()
            .map(|asset| {
                let asset = asset.unwrap_or_else(|error| panic!("{}: {error}", xml.display()));
                serde_json::to_value(&asset).unwrap()
            })
            .collect();
        assert_same_lines(&xml, &got, &expected_lines(&expected));
    }
}

#[test]
fn owned_assets_serialize_the_same() {
    for (xml, expected) in fixtures() {
        let input = fs::read(&xml).unwrap();
        let got: Vec<Value> = Assets::new(&input)
            .map(|asset| serde_json::to_value(asset.unwrap().into_owned()).unwrap())
            .collect();
        assert_same_lines(&xml, &got, &expected_lines(&expected));
    }
}

#[test]
fn every_document_ends_with_end_event() {
    for (xml, _) in fixtures() {
        let input = fs::read(&xml).unwrap();
        let events: Vec<Event<'_>> = Parser::new(&input).map(Result::unwrap).collect();
        assert!(
            matches!(events.first(), Some(Event::Document(_))),
            "{}",
            xml.display()
        );
        assert_eq!(events.last(), Some(&Event::End), "{}", xml.display());
    }
}

#[test]
fn guide_sample_doctype_and_datetime() {
    let input = read("guide-sample.xml");
    let events: Vec<Event<'_>> = Parser::new(&input).map(Result::unwrap).collect();

    let Event::Document(start) = &events[0] else {
        panic!("{:?}", events[0])
    };
    assert_eq!(
        start.doctype_system_id.as_deref(),
        Some("https://gateway.qg1.apps.qualys.com/sem/xapi/v1/asset/asset_list_output.dtd")
    );
    let Event::Response(response) = &events[1] else {
        panic!("{:?}", events[1])
    };
    let datetime = response.datetime.unwrap();
    assert_eq!(
        datetime.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        "2021-10-18T07:58:11.268Z"
    );
}

#[test]
fn echo_request_params() {
    let input = read("echo-request.xml");
    let request = Parser::new(&input)
        .map(Result::unwrap)
        .find_map(|event| match event {
            Event::Request(request) => Some(request),
            _ => None,
        })
        .expect("a REQUEST event");

    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        serde_json::json!({
            "datetime": "2021-10-18T07:58:10Z",
            "user_login": "user01",
            "resource": "https://gateway.qg1.apps.qualys.com/sem/v1/assetList",
            "params": [
                {"key": "action", "value": "list"},
                {"key": "echo_request", "value": "1"},
                {"key": "os", "value": "Android"},
                {"key": "detection_updated_since", "value": "2021-10-01T00:00:00Z"},
            ],
        })
    );
    assert_eq!(request.param("echo_request"), Some("1"));
    assert_eq!(request.param("truncation_limit"), None);
}

#[test]
fn echo_request_comes_before_response() {
    let input = read("echo-request.xml");
    let kinds: Vec<&str> = Parser::new(&input)
        .map(|event| match event.unwrap() {
            Event::Document(_) => "document",
            Event::Request(_) => "request",
            Event::Response(_) => "response",
            Event::Asset(_) => "asset",
            Event::Detection(_) => "detection",
            Event::AssetEnd(_) => "asset end",
            Event::Warning(_) => "warning",
            Event::End => "end",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "document",
            "request",
            "response",
            "asset",
            "detection",
            "asset end",
            "end"
        ]
    );
}

/// Reads a document's warning through both iterators, which must agree.
fn warning_of(name: &str) -> Option<Warning<'static>> {
    let input = read(name);
    let mut assets = Assets::new(&input);
    assets.by_ref().for_each(|asset| drop(asset.unwrap()));
    let from_slice = assets.take_warning().map(Warning::into_owned);

    let mut reader_assets = Reader::new(input.as_slice()).assets();
    reader_assets
        .by_ref()
        .for_each(|asset| drop(asset.unwrap()));
    assert_eq!(reader_assets.take_warning(), from_slice, "{name}");
    from_slice
}

fn warning(code: Option<u64>, url: Option<&'static str>) -> Warning<'static> {
    Warning {
        code,
        text: Some(Cow::Borrowed(
            "2 record limit exceeded. Use URL to get next batch of results.",
        )),
        url: url.map(Cow::Borrowed),
    }
}

#[test]
fn warning_url_in_cdata() {
    let expected = warning(
        Some(1980),
        Some(
            "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?action=list&truncation_limit=2&id_min=2003",
        ),
    );
    let got = warning_of("warning-url-cdata.xml").unwrap();
    assert_eq!(got, expected);
    assert_eq!(got.next_id_min(), Some(2003));
}

#[test]
fn warning_url_entity_escaped() {
    let expected = warning(
        Some(1980),
        Some(
            "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?action=list&truncation_limit=2&id_min=2103",
        ),
    );
    let got = warning_of("warning-url-escaped.xml").unwrap();
    assert_eq!(got, expected);
    assert_eq!(got.next_id_min(), Some(2103));
}

#[test]
fn warning_without_code() {
    let expected = warning(
        None,
        Some(
            "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?action=list&truncation_limit=2&id_min=2203",
        ),
    );
    let got = warning_of("warning-no-code.xml").unwrap();
    assert_eq!(got, expected);
    assert_eq!(got.next_id_min(), Some(2203));
}

#[test]
fn warning_without_url() {
    let got = warning_of("warning-no-url.xml").unwrap();
    assert_eq!(got, warning(Some(1980), None));
    assert_eq!(got.next_id_min(), None);
}

#[test]
fn guide_sample_warning() {
    let got = warning_of("guide-sample.xml").unwrap();
    assert_eq!(got.code, Some(1980));
    assert_eq!(got.next_id_min(), Some(643));
}

#[test]
fn pages_without_warning() {
    for name in [
        "echo-request.xml",
        "no-asset-list.xml",
        "several-assets.xml",
        "show-tags.xml",
    ] {
        assert_eq!(warning_of(name), None, "{name}");
    }
}

#[test]
fn page_without_asset_list_has_response_only() {
    let input = read("no-asset-list.xml");
    let events: Vec<Event<'_>> = Parser::new(&input).map(Result::unwrap).collect();
    assert_eq!(events.len(), 3, "{events:?}");
    assert!(matches!(events[1], Event::Response(ref start) if start.datetime.is_some()));
}

#[test]
fn results_unescape_after_cdata() {
    let input = read("results-tabs.xml");
    let asset = Assets::new(&input).next().unwrap().unwrap();
    let results = asset.detections[0].results.as_deref().unwrap();

    assert!(
        results.contains("&quot;4.3&quot;"),
        "CDATA content is kept as sent: {results:?}"
    );
    assert_eq!(
        unescape_html(results),
        "Package\tInstalled Version\tRequired Version\n\
         com.example.mail\t4.2.0\t4.3.1 (>= \"4.3\")\n\
         com.example.vpn\t1.0\t1.0 ('none' &lt;ok&gt;)\n"
    );
}
