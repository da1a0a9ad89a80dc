//! Other ways to read the same export, measured over the same bytes.

use quick_xml::events::Event as XmlEvent;
use serde::Deserialize;

use super::Counts;

/// The bare quick-xml event loop over the slice: every event is read and looked at once,
/// and only the counts are kept. Any parser built on quick-xml does at least this much.
///
/// The configuration is quick-xml's default, end names checked included.
pub fn quick_xml_raw(xml: &[u8]) -> Counts {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut counts = Counts::default();
    let mut in_results = false;
    loop {
        match reader
            .read_event()
            .expect("a generated export is well-formed")
        {
            XmlEvent::Start(start) => match start.name().0 {
                "ASSET" => counts.assets += 1,
                "DETECTION" => counts.detections += 1,
                "RESULTS" => in_results = true,
                _ => {}
            },
            XmlEvent::End(_) => in_results = false,
            XmlEvent::Text(text) if in_results => counts.results_bytes += text.len() as u64,
            XmlEvent::CData(cdata) if in_results => counts.results_bytes += cdata.len() as u64,
            XmlEvent::GeneralRef(reference) if in_results => {
                // The five predefined entities are one byte each.
                let decoded = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.len_utf8(),
                    _ => 1,
                };
                counts.results_bytes += decoded as u64;
            }
            XmlEvent::Eof => return counts,
            _ => {}
        }
    }
}

/// quick-xml's serde deserializer into owned structs for the whole document, every field
/// of the export as a `String` or a number (timestamps stay text, which spares it the
/// date parsing that this crate does).
pub fn quick_xml_serde(xml: &[u8]) -> Counts {
    let text = std::str::from_utf8(xml).expect("a generated export is UTF-8");
    let document: Document = quick_xml::de::from_str(text).expect("a generated export parses");

    let mut counts = Counts::default();
    let assets = document.response.asset_list.map(|list| list.asset);
    for asset in assets.unwrap_or_default() {
        counts.assets += 1;
        let detections = asset.detection_list.map(|list| list.detection);
        for detection in detections.unwrap_or_default() {
            counts.detections += 1;
            counts.add_results(detection.results.as_deref());
        }
    }
    counts
}

/// A roxmltree document built from the slice, then walked node by node.
pub fn roxmltree_walk(xml: &[u8]) -> Counts {
    let text = std::str::from_utf8(xml).expect("a generated export is UTF-8");
    let options = roxmltree::ParsingOptions {
        // Exports carry a DOCTYPE with an external system ID, which roxmltree never fetches.
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document =
        roxmltree::Document::parse_with_options(text, options).expect("a generated export parses");

    let mut counts = Counts::default();
    for node in document.descendants().filter(|node| node.is_element()) {
        match node.tag_name().name() {
            "ASSET" => counts.assets += 1,
            "DETECTION" => counts.detections += 1,
            // roxmltree merges CDATA sections and text into one text node.
            "RESULTS" => counts.add_results(node.text()),
            _ => {}
        }
    }
    counts
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Document {
    response: Response,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Response {
    #[allow(dead_code)]
    datetime: Option<String>,
    asset_list: Option<AssetList>,
    #[allow(dead_code)]
    warning: Option<Warning>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct AssetList {
    #[serde(default)]
    asset: Vec<Asset>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
struct Asset {
    id: u64,
    asset_id: Option<u64>,
    ip: Option<String>,
    ipv6: Option<String>,
    asset_friendly_name: Option<String>,
    os: Option<String>,
    os_version: Option<String>,
    asset_status: Option<String>,
    last_seen: Option<String>,
    ownership: Option<String>,
    model_name: Option<String>,
    manufacturer: Option<String>,
    username: Option<String>,
    tags: Option<Tags>,
    trurisk_score: Option<TruRisk>,
    detection_list: Option<DetectionList>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
struct Tags {
    #[serde(default)]
    tag: Vec<Tag>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
struct Tag {
    tag_id: Option<u64>,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct DetectionList {
    #[serde(default)]
    detection: Vec<Detection>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
struct Detection {
    qid: u64,
    r#type: Option<String>,
    severity: Option<u8>,
    results: Option<String>,
    status: Option<String>,
    first_found_datetime: Option<String>,
    last_found_datetime: Option<String>,
    times_found: Option<u64>,
    last_update_datetime: Option<String>,
    last_fixed_datetime: Option<String>,
    first_reopened_datetime: Option<String>,
    last_reopened_datetime: Option<String>,
    times_reopened: Option<u64>,
    qds: Option<Qds>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Qds {
    #[serde(rename = "@severity")]
    severity: Option<String>,
    #[serde(rename = "$text")]
    score: Option<u32>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct TruRisk {
    #[serde(rename = "@scale")]
    scale: Option<String>,
    #[serde(rename = "$text")]
    score: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
struct Warning {
    code: Option<u32>,
    text: Option<String>,
    url: Option<String>,
}
