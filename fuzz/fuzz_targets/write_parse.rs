//! Writes arbitrary models, parses the output and writes what was read again: both writes
//! must give the same bytes, and the parse must not fail. Comparing writes rather than models
//! lets the format's own rules apply (an empty text reads back as absent, a known text as its
//! enum variant) without restating them here.

#![no_main]

use std::borrow::Cow;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use qualys_sem::{
    Asset, AssetHeader, Assets, Detection, DetectionStatus, DetectionType, DocumentHead, Extra,
    Severity, Tag, Warning, Writer,
};

#[derive(Arbitrary, Debug)]
struct Page {
    datetime: Option<i32>,
    assets: Vec<FuzzAsset>,
    warning: Option<(Option<u16>, Option<String>, Option<String>)>,
}

#[derive(Arbitrary, Debug)]
struct FuzzAsset {
    id: u64,
    ip: Option<String>,
    os: Option<String>,
    username: Option<String>,
    status: Option<String>,
    tags: Vec<(Option<u64>, Option<String>)>,
    extra: Option<(String, Option<String>)>,
    detections: Vec<FuzzDetection>,
}

#[derive(Arbitrary, Debug)]
struct FuzzDetection {
    qid: u64,
    detection_type: Option<String>,
    severity: Option<u8>,
    results: Option<String>,
    status: Option<String>,
    last_found: Option<i32>,
    times_found: Option<u64>,
}

fn text(value: Option<String>) -> Option<Cow<'static, str>> {
    value.map(Cow::Owned)
}

fn time(seconds: Option<i32>) -> Option<chrono::DateTime<chrono::Utc>> {
    seconds.and_then(|seconds| chrono::DateTime::from_timestamp(i64::from(seconds) * 7, 0))
}

fn detection(input: FuzzDetection) -> Detection<'static> {
    Detection {
        qid: input.qid,
        detection_type: input
            .detection_type
            .map(|text| DetectionType::from_text(Cow::Owned(text))),
        severity: input.severity.and_then(Severity::new),
        results: text(input.results),
        status: input
            .status
            .map(|text| DetectionStatus::from_text(Cow::Owned(text))),
        last_found_datetime: time(input.last_found),
        times_found: input.times_found,
        ..Detection::default()
    }
}

fn asset(input: FuzzAsset) -> Asset<'static> {
    let header = AssetHeader {
        id: input.id,
        ip: text(input.ip),
        os: text(input.os),
        username: text(input.username),
        asset_status: input
            .status
            .map(|text| qualys_sem::AssetStatus::from_text(Cow::Owned(text))),
        tags: input
            .tags
            .into_iter()
            .map(|(id, name)| Tag {
                id,
                name: text(name),
                extra: Vec::new(),
            })
            .collect(),
        extra: input
            .extra
            .map(|(name, value)| Extra {
                name: Cow::Owned(format!("X_{name}")),
                text: text(value),
                ..Extra::default()
            })
            .into_iter()
            .collect(),
        ..AssetHeader::default()
    };
    Asset {
        header,
        detections: input.detections.into_iter().map(detection).collect(),
    }
}

/// Writes a page; `None` when the writer rejects a value, which is its documented right.
fn write(
    head: &DocumentHead<'_>,
    assets: &[Asset<'_>],
    warning: Option<&Warning<'_>>,
) -> Option<Vec<u8>> {
    let mut writer = Writer::new(Vec::new());
    writer.write_head(head).ok()?;
    for asset in assets {
        writer.write_asset(asset).ok()?;
    }
    writer.finish(warning).ok()
}

fuzz_target!(|page: Page| {
    let head = DocumentHead {
        datetime: time(page.datetime),
        ..DocumentHead::default()
    };
    let assets: Vec<Asset<'static>> = page.assets.into_iter().map(asset).collect();
    // The parser trims the warning's text and URL, so they are written trimmed.
    let trimmed = |value: Option<String>| text(value.map(|value| value.trim().to_owned()));
    let warning = page.warning.map(|(code, text_value, url)| Warning {
        code: code.map(u64::from),
        text: trimmed(text_value),
        url: trimmed(url),
    });
    let Some(first) = write(&head, &assets, warning.as_ref()) else {
        return;
    };

    let mut read = Assets::new(&first);
    let mut read_back = Vec::new();
    for asset in read.by_ref() {
        match asset {
            Ok(asset) => read_back.push(asset.into_owned()),
            Err(error) => panic!("the writer's output does not parse: {error}"),
        }
    }
    let warning_back = read.take_warning().map(Warning::into_owned);

    let second = write(&head, &read_back, warning_back.as_ref())
        .expect("what was read back can be written again");
    assert!(
        first == second,
        "a second write differs:\n{}\n---\n{}",
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
});
