//! Every testdata document read a second way, with the roxmltree DOM, into the same models,
//! and compared with what the pull parser produces.
//!
//! roxmltree merges CDATA sections into the text around them, so the oracle takes each
//! element's own text from the source bytes between its child elements and applies the
//! export's text rule itself: whitespace-only text is layout when the element also has a
//! CDATA section or a child element, an element with only whitespace holds nothing, and
//! everything else is kept byte for byte with references decoded.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use qualys_sem::{
    Asset, AssetHeader, AssetStatus, Assets, Attribute, Detection, DetectionStatus, DetectionType,
    Event, Extra, Param, Parser, Request, Severity, Tag, Warning, parse_timestamp,
};
use roxmltree::{Document, Node, ParsingOptions};

fn documents() -> Vec<(String, String)> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut paths: Vec<PathBuf> = fs::read_dir(directory)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

// The text rule, read from the source.

/// One piece of an element's own content.
enum Piece {
    /// Character data between markup, references decoded.
    Text(String),
    /// The content of a CDATA section.
    CData(String),
}

/// Returns the byte range between an element's start tag and its end tag; empty for `<X/>`.
fn inner_range(node: Node<'_, '_>, source: &str) -> std::ops::Range<usize> {
    let range = node.range();
    let element = &source[range.clone()];
    if element.ends_with("/>") && !element.contains("</") {
        return range.end..range.end;
    }
    let start_tag_end = range.start + start_tag_length(element);
    let end_tag_start = range.start + element.rfind("</").unwrap();
    start_tag_end..end_tag_start
}

/// Returns the length of the start tag at the start of `element`, skipping `>` in quoted
/// attribute values.
fn start_tag_length(element: &str) -> usize {
    let mut quote = None;
    for (at, byte) in element.bytes().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'>') => return at + 1,
            _ => {}
        }
    }
    panic!("unterminated start tag: {element}");
}

/// Splits raw content without child elements into text runs and CDATA sections, dropping
/// comments and processing instructions.
fn pieces(raw: &str, out: &mut Vec<Piece>) {
    let mut rest = raw;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").unwrap();
            out.push(Piece::CData(after[..end].to_owned()));
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->").unwrap() + 3..];
        } else if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>").unwrap() + 2..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push(Piece::Text(decode_references(&rest[..end])));
            rest = &rest[end..];
        }
    }
}

/// Decodes the five predefined entities and character references.
fn decode_references(text: &str) -> String {
    let mut decoded = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        let end = rest[at..].find(';').unwrap() + at;
        let name = &rest[at + 1..end];
        let character = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = name.strip_prefix('#').unwrap();
                let code = match number.strip_prefix('x') {
                    Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
                    None => number.parse().unwrap(),
                };
                char::from_u32(code).unwrap()
            }
        };
        decoded.push(character);
        rest = &rest[end + 1..];
    }
    decoded.push_str(rest);
    decoded
}

/// Returns an element's own text by the export's text rule.
fn own_text(node: Node<'_, '_>, source: &str) -> Option<String> {
    let inner = inner_range(node, source);
    let mut pieces_found = Vec::new();
    let mut at = inner.start;
    let mut has_children = false;
    for child in node.children().filter(Node::is_element) {
        has_children = true;
        pieces(&source[at..child.range().start], &mut pieces_found);
        at = child.range().end;
    }
    pieces(&source[at..inner.end], &mut pieces_found);

    let structured = has_children
        || pieces_found
            .iter()
            .any(|piece| matches!(piece, Piece::CData(_)));
    let mut text = String::new();
    for piece in &pieces_found {
        match piece {
            Piece::CData(content) => text.push_str(content),
            Piece::Text(run) if structured && run.chars().all(|c| c.is_ascii_whitespace()) => {}
            Piece::Text(run) => text.push_str(run),
        }
    }
    let is_blank = text.chars().all(|c| c.is_ascii_whitespace());
    if is_blank && !structured {
        return None;
    }
    Some(text).filter(|text| !text.is_empty())
}

// Typed values.

fn unsigned(text: Option<String>) -> Option<u64> {
    text.map(|text| text.trim().parse().unwrap())
}

fn timestamp(text: Option<String>) -> Option<chrono::DateTime<chrono::Utc>> {
    text.map(|text| parse_timestamp(&text).unwrap())
}

fn owned(text: Option<String>) -> Option<Cow<'static, str>> {
    text.map(Cow::Owned)
}

fn elements<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(Node::is_element)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    elements(node).find(|child| child.tag_name().name() == name)
}

/// Builds an [`Extra`] from an element the models do not know.
fn extra(node: Node<'_, '_>, source: &str) -> Extra<'static> {
    Extra {
        name: Cow::Owned(node.tag_name().name().to_owned()),
        attributes: node
            .attributes()
            .map(|attribute| Attribute {
                name: Cow::Owned(attribute.name().to_owned()),
                value: Cow::Owned(attribute.value().to_owned()),
            })
            .collect(),
        text: owned(own_text(node, source)),
        children: elements(node).map(|child| extra(child, source)).collect(),
    }
}

/// Keeps a field that appears a second time, as the models do.
fn repeated(name: &str, text: Option<String>) -> Extra<'static> {
    Extra {
        name: Cow::Owned(name.to_owned()),
        text: owned(text),
        ..Extra::default()
    }
}

// The records.

fn asset(node: Node<'_, '_>, source: &str) -> Asset<'static> {
    let mut header = AssetHeader::default();
    let mut detections = Vec::new();
    let mut seen = Vec::new();
    for field in elements(node) {
        let name = field.tag_name().name();
        match name {
            "DETECTION_LIST" => {
                for detection_node in elements(field) {
                    if detection_node.tag_name().name() == "DETECTION" {
                        detections.push(detection(detection_node, source));
                    } else {
                        panic!(
                            "unexpected {} in DETECTION_LIST",
                            detection_node.tag_name().name()
                        );
                    }
                }
                continue;
            }
            "TAGS" => {
                for tag_node in elements(field) {
                    if tag_node.tag_name().name() == "TAG" {
                        header.tags.push(tag(tag_node, source));
                    } else {
                        header.extra.push(extra(tag_node, source));
                    }
                }
                continue;
            }
            _ => {}
        }
        let text = own_text(field, source);
        let known = [
            "ID",
            "ASSET_ID",
            "IP",
            "IPV6",
            "ASSET_FRIENDLY_NAME",
            "OS",
            "OS_VERSION",
            "ASSET_STATUS",
            "LAST_SEEN",
            "OWNERSHIP",
            "MODEL_NAME",
            "MANUFACTURER",
            "USERNAME",
        ];
        if !known.contains(&name) {
            header.extra.push(extra(field, source));
            continue;
        }
        if seen.contains(&name) {
            header.extra.push(repeated(name, text));
            continue;
        }
        seen.push(name);
        match name {
            "ID" => header.id = unsigned(text).unwrap(),
            "ASSET_ID" => header.asset_id = unsigned(text),
            "IP" => header.ip = owned(text),
            "IPV6" => header.ipv6 = owned(text),
            "ASSET_FRIENDLY_NAME" => header.asset_friendly_name = owned(text),
            "OS" => header.os = owned(text),
            "OS_VERSION" => header.os_version = owned(text),
            "ASSET_STATUS" => {
                header.asset_status = text.map(|text| AssetStatus::from_text(Cow::Owned(text)))
            }
            "LAST_SEEN" => header.last_seen = timestamp(text),
            "OWNERSHIP" => header.ownership = owned(text),
            "MODEL_NAME" => header.model_name = owned(text),
            "MANUFACTURER" => header.manufacturer = owned(text),
            _ => header.username = owned(text),
        }
    }
    Asset { header, detections }
}

fn tag(node: Node<'_, '_>, source: &str) -> Tag<'static> {
    let mut tag = Tag::default();
    for field in elements(node) {
        match field.tag_name().name() {
            "TAG_ID" => tag.id = unsigned(own_text(field, source)),
            "NAME" => tag.name = owned(own_text(field, source)),
            _ => tag.extra.push(extra(field, source)),
        }
    }
    tag
}

fn detection(node: Node<'_, '_>, source: &str) -> Detection<'static> {
    let mut detection = Detection::default();
    let mut seen = Vec::new();
    for field in elements(node) {
        let name = field.tag_name().name();
        let text = own_text(field, source);
        let known = [
            "QID",
            "TYPE",
            "SEVERITY",
            "RESULTS",
            "STATUS",
            "FIRST_FOUND_DATETIME",
            "LAST_FOUND_DATETIME",
            "TIMES_FOUND",
            "LAST_UPDATE_DATETIME",
            "LAST_FIXED_DATETIME",
            "FIRST_REOPENED_DATETIME",
            "LAST_REOPENED_DATETIME",
            "TIMES_REOPENED",
        ];
        if !known.contains(&name) {
            detection.extra.push(extra(field, source));
            continue;
        }
        if seen.contains(&name) {
            detection.extra.push(repeated(name, text));
            continue;
        }
        seen.push(name);
        match name {
            "QID" => detection.qid = unsigned(text).unwrap(),
            "TYPE" => {
                detection.detection_type =
                    text.map(|text| DetectionType::from_text(Cow::Owned(text)))
            }
            "SEVERITY" => {
                let level = unsigned(text).map(|level| u8::try_from(level).unwrap());
                detection.severity = level.map(|level| Severity::new(level).unwrap());
            }
            "RESULTS" => detection.results = owned(text),
            "STATUS" => {
                detection.status = text.map(|text| DetectionStatus::from_text(Cow::Owned(text)))
            }
            "FIRST_FOUND_DATETIME" => detection.first_found_datetime = timestamp(text),
            "LAST_FOUND_DATETIME" => detection.last_found_datetime = timestamp(text),
            "TIMES_FOUND" => detection.times_found = unsigned(text),
            "LAST_UPDATE_DATETIME" => detection.last_update_datetime = timestamp(text),
            "LAST_FIXED_DATETIME" => detection.last_fixed_datetime = timestamp(text),
            "FIRST_REOPENED_DATETIME" => detection.first_reopened_datetime = timestamp(text),
            "LAST_REOPENED_DATETIME" => detection.last_reopened_datetime = timestamp(text),
            _ => detection.times_reopened = unsigned(text),
        }
    }
    detection
}

fn request(node: Node<'_, '_>, source: &str) -> Request<'static> {
    let text = |name: &str| child(node, name).and_then(|field| own_text(field, source));
    let params = child(node, "PARAM_LIST")
        .map(|list| {
            elements(list)
                .map(|param| Param {
                    key: Cow::Owned(
                        child(param, "KEY")
                            .and_then(|key| own_text(key, source))
                            .unwrap_or_default(),
                    ),
                    value: Cow::Owned(
                        child(param, "VALUE")
                            .and_then(|value| own_text(value, source))
                            .unwrap_or_default(),
                    ),
                })
                .collect()
        })
        .unwrap_or_default();
    Request {
        datetime: timestamp(text("DATETIME")),
        user_login: owned(text("USER_LOGIN")),
        resource: owned(text("RESOURCE")),
        params,
        post_data: owned(text("POST_DATA")),
    }
}

fn warning(node: Node<'_, '_>, source: &str) -> Warning<'static> {
    // The models trim the layout around the warning's text and URL.
    let text = |name: &str| {
        child(node, name)
            .and_then(|field| own_text(field, source))
            .map(|text| text.trim().to_owned())
    };
    Warning {
        code: unsigned(text("CODE")),
        text: owned(text("TEXT")),
        url: owned(text("URL")),
    }
}

/// What the DOM reads from one document.
struct Expected {
    assets: Vec<Asset<'static>>,
    request: Option<Request<'static>>,
    warning: Option<Warning<'static>>,
}

fn read_with_dom(source: &str) -> Expected {
    // Exports carry a DOCTYPE with an external DTD, which roxmltree does not fetch.
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(source, options).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "ASSET_LIST_VM_DETECTION_OUTPUT");
    let response = child(root, "RESPONSE").unwrap();
    let assets = child(response, "ASSET_LIST")
        .map(|list| elements(list).map(|node| asset(node, source)).collect())
        .unwrap_or_default();
    Expected {
        assets,
        request: child(root, "REQUEST").map(|node| request(node, source)),
        warning: child(response, "WARNING").map(|node| warning(node, source)),
    }
}

#[test]
fn assets_agree_with_dom() {
    let documents = documents();
    assert!(documents.len() >= 14);
    for (name, source) in documents {
        let expected = read_with_dom(&source).assets;
        let got: Vec<Asset<'static>> = Assets::new(source.as_bytes())
            .map(|asset| {
                asset
                    .unwrap_or_else(|error| panic!("{name}: {error}"))
                    .into_owned()
            })
            .collect();
        assert_eq!(got.len(), expected.len(), "{name}");
        for (got, expected) in got.iter().zip(&expected) {
            assert_eq!(got, expected, "{name}, asset {}", expected.header.id);
        }
    }
}

#[test]
fn request_and_warning_agree_with_dom() {
    for (name, source) in documents() {
        let expected = read_with_dom(&source);
        let mut request = None;
        let mut warning = None;
        for event in Parser::new(source.as_bytes()) {
            match event.unwrap() {
                Event::Request(found) => request = Some(found.into_owned()),
                Event::Warning(found) => warning = Some(found.into_owned()),
                _ => {}
            }
        }
        assert_eq!(request, expected.request, "{name}");
        assert_eq!(warning, expected.warning, "{name}");
    }
}

#[test]
fn text_rule_of_the_oracle() {
    let source = "<R><A> x </A><B>\n <![CDATA[ y ]]>\n</B><C>  </C><D><![CDATA[a]]> b <!-- c --><![CDATA[d]]></D></R>";
    let document = Document::parse(source).unwrap();
    let texts: Vec<Option<String>> = elements(document.root_element())
        .map(|node| own_text(node, source))
        .collect();
    assert_eq!(
        texts,
        [
            Some(" x ".to_owned()),
            Some(" y ".to_owned()),
            None,
            Some("a b d".to_owned())
        ]
    );
}

#[test]

fn spaces_around_reference_next_to_cdata() {
    let source = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST><ASSET><ID>1</ID>\
                  <DETECTION_LIST><DETECTION><QID>610100</QID>\
                  <RESULTS><![CDATA[x]]> &amp; y</RESULTS>\
                  </DETECTION></DETECTION_LIST></ASSET></ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";
    let expected = read_with_dom(source).assets;
    assert_eq!(expected[0].detections[0].results.as_deref(), Some("x & y"));

    let got = Assets::new(source.as_bytes()).next().unwrap().unwrap();
    assert_eq!(got.detections[0].results.as_deref(), Some("x & y"));
}
