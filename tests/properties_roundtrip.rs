//! Round trips of the owned models: writing then parsing, and JSON.
//!
//! Each property runs 256 cases by default. For a longer search, set `PROPTEST_CASES`:
//!
//! ```text
//! PROPTEST_CASES=100000 cargo test --release --features proptest --test properties_roundtrip
//! ```
//!
//! The strategies (`qualys_sem::strategy`) produce models in the form the format can carry,
//! which their module documentation lists.

use proptest::prelude::*;
use qualys_sem::strategy;
use qualys_sem::{
    Asset, AssetEnd, Assets, DocumentHead, DocumentStart, Event, Parser, ResponseStart, Warning,
    WriteError, Writer,
};
use qualys_sem::{AssetStatus, DetectionStatus, DetectionType};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::borrow::Cow;

fn write(head: &DocumentHead<'_>, assets: &[Asset<'_>], warning: Option<&Warning<'_>>) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new());
    writer.write_head(head).unwrap();
    for asset in assets {
        writer.write_asset(asset).unwrap();
    }
    writer.finish(warning).unwrap()
}

/// The events that the parser should give for a document written from these parts.
fn expected_events(
    head: &DocumentHead<'static>,
    assets: &[Asset<'static>],
    warning: Option<&Warning<'static>>,
) -> Vec<Event<'static>> {
    let mut events = vec![Event::Document(DocumentStart {
        doctype_system_id: head.doctype_system_id.clone(),
    })];
    if let Some(request) = &head.request {
        events.push(Event::Request(request.clone()));
    }
    events.push(Event::Response(ResponseStart {
        datetime: head.datetime,
    }));
    for asset in assets {
        events.push(Event::Asset(asset.header.clone()));
        events.extend(asset.detections.iter().cloned().map(Event::Detection));
        events.push(Event::AssetEnd(AssetEnd {
            id: asset.header.id,
            trailing: None,
        }));
    }
    if let Some(warning) = warning {
        events.push(Event::Warning(warning.clone()));
    }
    events.push(Event::End);
    events
}

fn json_round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: &T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json)
        .map_err(|error| TestCaseError::fail(format!("{error}: {json}")))?;
    prop_assert_eq!(&back, value, "JSON: {}", json);
    Ok(())
}

proptest! {
    #[test]
    fn write_then_parse_gives_models(
        head in strategy::document_head(),
        assets in proptest::collection::vec(strategy::asset(), 0..4),
        warning in proptest::option::of(strategy::warning()),
    ) {
        let xml = write(&head, &assets, warning.as_ref());

        let events: Result<Vec<_>, _> = Parser::new(&xml).map(|event| event.map(Event::into_owned)).collect();
        let events = events.map_err(|error| TestCaseError::fail(format!("{error}\n{}", String::from_utf8_lossy(&xml))))?;
        prop_assert_eq!(events, expected_events(&head, &assets, warning.as_ref()));

        let mut reader = Assets::new(&xml);
        let read: Vec<_> = reader.by_ref().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(read, assets);
        prop_assert_eq!(reader.take_warning(), warning);
    }

    #[test]
    fn unwritable_character_rejected(
        asset in strategy::asset(),
        control in prop_oneof![0u32..9, 11u32..13, 14u32..32, Just(0xFFFE), Just(0xFFFF)],
    ) {
        let control = char::from_u32(control).unwrap();
        let mut bad = asset.clone();
        bad.header.username = Some(format!("user01{control}").into());

        let mut writer = Writer::new(Vec::new());
        writer.write_head(&DocumentHead::default()).unwrap();
        match writer.write_asset(&bad) {
            Err(WriteError::InvalidCharacter { field, character, offset }) => {
                prop_assert!(field.ends_with("/USERNAME"), "{}", field);
                prop_assert_eq!(character, control);
                prop_assert_eq!(offset, 6);
            }
            // A field written before USERNAME may hold the same flaw only if the strategy
            // produced one, which it never does.
            other => prop_assert!(false, "{:?}", other),
        }

        // The writer goes on after the rejected asset, and the document stays readable.
        writer.write_asset(&asset).unwrap();
        let xml = writer.finish(None).unwrap();
        let read: Vec<_> = Assets::new(&xml).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(read, vec![asset]);
    }

    #[test]
    fn asset_json_round_trip(asset in strategy::asset()) {
        json_round_trip(&asset)?;
        json_round_trip(&asset.header)?;
    }

    #[test]
    fn detection_json_round_trip(detection in strategy::detection()) {
        json_round_trip(&detection)?;
    }

    #[test]
    fn small_models_json_round_trip(
        tag in strategy::tag(),
        extra in strategy::extra(),
        attribute in strategy::attribute(),
        request in strategy::request(),
        param in strategy::param(),
        warning in strategy::warning(),
    ) {
        json_round_trip(&tag)?;
        json_round_trip(&extra)?;
        json_round_trip(&attribute)?;
        json_round_trip(&request)?;
        json_round_trip(&param)?;
        json_round_trip(&warning)?;
    }

    #[test]
    fn summary_json_round_trip(summary in strategy::summary()) {
        json_round_trip(&summary)?;
    }
}

/// Makes an asset conform to the DTD: no undeclared elements, every required element present
/// and every typed value of its type. The strict checker reports anything else by design.
fn conforming_asset(mut asset: Asset<'static>) -> Asset<'static> {
    let header = &mut asset.header;
    header.extra.clear();
    header.ip = header.ip.take().map(|_| Cow::Borrowed("192.0.2.1"));
    header.ipv6 = header.ipv6.take().map(|_| Cow::Borrowed("2001:db8::1"));
    if let Some(AssetStatus::Other(_)) = header.asset_status {
        header.asset_status = Some(AssetStatus::Enrolled);
    }
    for tag in &mut header.tags {
        tag.extra.clear();
        tag.name.get_or_insert(Cow::Borrowed("tag01"));
    }
    for detection in &mut asset.detections {
        detection.extra.clear();
        if !matches!(
            detection.detection_type,
            Some(DetectionType::Confirmed | DetectionType::Potential | DetectionType::Information)
        ) {
            detection.detection_type = Some(DetectionType::Confirmed);
        }
        if let Some(DetectionStatus::Other(_)) = detection.status {
            detection.status = Some(DetectionStatus::Active);
        }
    }
    asset
}

/// Makes a document head conform to the DTD, as [`conforming_asset`] does for assets.
fn conforming_head(mut head: DocumentHead<'static>) -> DocumentHead<'static> {
    head.datetime.get_or_insert_with(fixed_time);
    if let Some(request) = &mut head.request {
        request.datetime.get_or_insert_with(fixed_time);
        request.user_login.get_or_insert(Cow::Borrowed("user01"));
        request
            .resource
            .get_or_insert(Cow::Borrowed("https://host01.example/sem/v1/assetList"));
        for param in &mut request.params {
            if param.key.is_empty() {
                param.key = Cow::Borrowed("action");
            }
            if param.value.is_empty() {
                param.value = Cow::Borrowed("list");
            }
        }
    }
    head
}

/// Makes a warning conform to the DTD: its TEXT is required.
fn conforming_warning(mut warning: Warning<'static>) -> Warning<'static> {
    warning
        .text
        .get_or_insert(Cow::Borrowed("1 record limit exceeded."));
    warning
}

proptest! {
    #[test]
    fn written_documents_pass_checker(
        head in strategy::document_head().prop_map(conforming_head),
        assets in proptest::collection::vec(strategy::asset().prop_map(conforming_asset), 0..4),
        warning in proptest::option::of(strategy::warning().prop_map(conforming_warning)),
    ) {
        let xml = write(&head, &assets, warning.as_ref());
        let report = qualys_sem::check::check_slice(&xml);
        let findings: Vec<String> = report.findings().iter().map(ToString::to_string).collect();
        prop_assert!(report.is_clean(), "{:?}\n{}", findings, String::from_utf8_lossy(&xml));
    }
}

/// A time for required dates, 2021-10-18T07:58:11Z.
fn fixed_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_634_543_891, 0).expect("a valid time")
}
