//! Children of an asset in any order, through the slice parser and the reader alike.

use std::io::{self, Read};

use qualys_sem::{Asset, Assets, Event, Parser, Reader};

/// Hands out the input a few bytes at a time.
struct Trickle<'a> {
    input: &'a [u8],
    chunk: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let count = self.chunk.min(self.input.len()).min(buffer.len());
        buffer[..count].copy_from_slice(&self.input[..count]);
        self.input = &self.input[count..];
        Ok(count)
    }
}

fn page(assets: &str) -> String {
    format!(
        "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>{assets}</ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"
    )
}

fn assets_of(input: &[u8]) -> Vec<Asset<'static>> {
    let from_slice: Vec<_> = Assets::new(input)
        .map(|asset| asset.unwrap().into_owned())
        .collect();
    for chunk in [1, 3, 64] {
        let from_reader: Vec<_> = Reader::new(Trickle { input, chunk })
            .assets()
            .map(Result::unwrap)
            .collect();
        assert_eq!(from_slice, from_reader, "chunk {chunk}");
    }
    from_slice
}

#[test]
fn id_after_detection_list() {
    let input = page(
        "<ASSET><OS>iOS</OS><DETECTION_LIST><DETECTION><QID>610100</QID></DETECTION>\
         <DETECTION><QID>610101</QID></DETECTION></DETECTION_LIST><ID>231</ID>\
         <USERNAME>user01</USERNAME></ASSET><ASSET><ID>232</ID></ASSET>",
    );
    let assets = assets_of(input.as_bytes());
    assert_eq!(assets.len(), 2);
    assert_eq!(assets[0].header.id, 231);
    assert_eq!(assets[0].header.os.as_deref(), Some("iOS"));
    assert_eq!(assets[0].header.username.as_deref(), Some("user01"));
    assert!(
        assets[0].header.extra.is_empty(),
        "{:?}",
        assets[0].header.extra
    );
    let qids: Vec<u64> = assets[0]
        .detections
        .iter()
        .map(|detection| detection.qid)
        .collect();
    assert_eq!(qids, [610100, 610101]);
    assert_eq!(assets[1].header.id, 232);
}

#[test]
fn id_after_detection_list_in_events() {
    let input = page(
        "<ASSET><DETECTION_LIST><DETECTION><QID>1</QID></DETECTION></DETECTION_LIST><ID>9</ID></ASSET>",
    );
    let events: Vec<String> = Parser::new(input.as_bytes())
        .map(|event| match event.unwrap() {
            Event::Asset(header) => format!("asset {}", header.id),
            Event::Detection(detection) => format!("detection {}", detection.qid),
            Event::AssetEnd(end) => format!("end {} {}", end.id, end.trailing.is_some()),
            _ => "other".to_owned(),
        })
        .filter(|event| event != "other")
        .collect();
    assert_eq!(events, ["asset 9", "detection 1", "end 9 false"]);
}

#[test]
fn id_between_two_lists() {
    let input = page(
        "<ASSET><DETECTION_LIST><DETECTION><QID>1</QID></DETECTION></DETECTION_LIST><ID>5</ID>\
         <DETECTION_LIST/><DETECTION_LIST><DETECTION><QID>2</QID></DETECTION></DETECTION_LIST></ASSET>",
    );
    let assets = assets_of(input.as_bytes());
    let qids: Vec<u64> = assets[0]
        .detections
        .iter()
        .map(|detection| detection.qid)
        .collect();
    assert_eq!(assets[0].header.id, 5);
    assert_eq!(qids, [1, 2]);
}

#[test]
fn missing_id_after_read_ahead() {
    let input = page(
        "<ASSET><DETECTION_LIST><DETECTION><QID>1</QID></DETECTION></DETECTION_LIST></ASSET>\
         <ASSET><ID>6</ID></ASSET>",
    );
    let results: Vec<_> = Assets::new(input.as_bytes()).collect();
    assert_eq!(results.len(), 2);
    let error = results[0].as_ref().unwrap_err();
    assert!(error.to_string().contains("missing ID in ASSET"), "{error}");
    assert_eq!(results[1].as_ref().unwrap().header.id, 6);
}

#[test]
fn fields_after_list_are_kept() {
    let input = page(
        "<ASSET><ID>7</ID><DETECTION_LIST><DETECTION><QID>1</QID></DETECTION></DETECTION_LIST>\
         <OS>Android</OS><OS>again</OS></ASSET>",
    );
    let assets = assets_of(input.as_bytes());
    assert_eq!(assets[0].header.os.as_deref(), Some("Android"));
    assert_eq!(assets[0].header.extra.len(), 1);
    assert_eq!(assets[0].header.extra[0].text.as_deref(), Some("again"));
}
