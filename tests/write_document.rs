//! The writer's output: its form, what reads back, and the values it rejects. That its output
//! passes the strict checker is a property in `properties_roundtrip.rs`.

use std::borrow::Cow;

use chrono::{DateTime, TimeZone, Utc};
use qualys_sem::{
    Asset, AssetHeader, AssetStatus, Assets, Attribute, Detection, DetectionStatus, DetectionType,
    DocumentHead, Event, Extra, Param, Parser, Request, Severity, Tag, Warning, WriteError, Writer,
};

fn time(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(seconds, 0).unwrap()
}

fn text(value: &str) -> Option<Cow<'static, str>> {
    Some(Cow::Owned(value.to_owned()))
}

fn write(head: &DocumentHead<'_>, assets: &[Asset<'_>], warning: Option<&Warning<'_>>) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new());
    writer.write_head(head).unwrap();
    for asset in assets {
        writer.write_asset(asset).unwrap();
    }
    writer.finish(warning).unwrap()
}

fn read_assets(xml: &[u8]) -> Vec<Asset<'static>> {
    Assets::new(xml)
        .map(|asset| asset.unwrap().into_owned())
        .collect()
}

fn full_asset() -> Asset<'static> {
    Asset {
        header: AssetHeader {
            id: 231,
            asset_id: Some(9_001),
            ip: text("192.0.2.10"),
            ipv6: text("2001:db8::10"),
            asset_friendly_name: text("user01_iOS_Apple_5"),
            os: text("iOS"),
            os_version: text("14.5"),
            asset_status: Some(AssetStatus::Enrolled),
            last_seen: Some(time(1_619_611_266)),
            ownership: text("Corporate - Owned"),
            model_name: text("iPad (5th generation)"),
            manufacturer: text("Apple, Inc."),
            username: text("user01"),
            tags: vec![Tag {
                id: Some(7),
                name: text("Cloud & <Mobile>"),
                extra: Vec::new(),
            }],
            extra: vec![Extra {
                name: Cow::Borrowed("TRURISK_SCORE"),
                text: text("512"),
                ..Extra::default()
            }],
        },
        detections: vec![Detection {
            qid: 610_100,
            detection_type: Some(DetectionType::Information),
            severity: Severity::new(1),
            results: text("iOS Device Details :\niOS : 14.5\r\n\tModel : iPad & <b>]]></b> &nbsp;"),
            status: Some(DetectionStatus::ReOpened),
            first_found_datetime: Some(time(1_619_586_096)),
            last_found_datetime: Some(time(1_619_611_267)),
            times_found: Some(21),
            last_update_datetime: Some(Utc.timestamp_opt(1_619_611_267, 268_000_000).unwrap()),
            last_fixed_datetime: Some(time(1_619_500_000)),
            first_reopened_datetime: Some(time(1_619_550_000)),
            last_reopened_datetime: Some(time(1_619_560_000)),
            times_reopened: Some(2),
            extra: vec![Extra {
                name: Cow::Borrowed("QDS"),
                attributes: vec![Attribute {
                    name: Cow::Borrowed("severity"),
                    value: Cow::Borrowed("LOW \"x\"\t&"),
                }],
                text: text(" 35 "),
                children: vec![Extra {
                    name: Cow::Borrowed("FACTOR"),
                    text: text("\n"),
                    children: vec![Extra {
                        name: Cow::Borrowed("DEEP"),
                        ..Extra::default()
                    }],
                    ..Extra::default()
                }],
            }],
        }],
    }
}

fn full_head() -> DocumentHead<'static> {
    DocumentHead {
        doctype_system_id: text("https://host01.example/sem/xapi/v1/asset/asset_list_output.dtd"),
        request: Some(Request {
            datetime: Some(time(1_634_543_891)),
            user_login: text("user01"),
            resource: text("https://host01.example/sem/v1/assetList?action=list"),
            params: vec![
                Param {
                    key: Cow::Borrowed("action"),
                    value: Cow::Borrowed("list"),
                },
                Param {
                    key: Cow::Borrowed("empty"),
                    value: Cow::Borrowed(""),
                },
            ],
            post_data: text("a=1&b=2"),
        }),
        datetime: Some(Utc.timestamp_opt(1_634_543_891, 268_000_000).unwrap()),
    }
}

fn full_warning() -> Warning<'static> {
    Warning {
        code: Some(1980),
        text: text("1 record limit exceeded. Use URL to get next batch of results."),
        url: text(
            "https://host01.example/sem/v1/assetList?id_min=643&action=list&truncation_limit=1",
        ),
    }
}

#[test]
fn full_document_reads_back() {
    let (head, asset, warning) = (full_head(), full_asset(), full_warning());
    let xml = write(&head, std::slice::from_ref(&asset), Some(&warning));

    let events: Vec<Event<'static>> = Parser::new(&xml)
        .map(|event| event.unwrap().into_owned())
        .collect();
    assert_eq!(events.len(), 8, "{events:#?}");
    let Event::Document(start) = &events[0] else {
        panic!("{:?}", events[0])
    };
    assert_eq!(start.doctype_system_id, head.doctype_system_id);
    assert_eq!(events[1], Event::Request(head.request.clone().unwrap()));
    let Event::Response(response) = &events[2] else {
        panic!("{:?}", events[2])
    };
    assert_eq!(response.datetime, head.datetime);
    assert_eq!(events[3], Event::Asset(asset.header.clone()));
    assert_eq!(events[4], Event::Detection(asset.detections[0].clone()));
    assert_eq!(events[6], Event::Warning(warning));
    assert_eq!(events[7], Event::End);

    assert_eq!(read_assets(&xml), [asset]);
}

#[test]
fn output_form_matches_exports() {
    let xml = write(&full_head(), &[full_asset()], Some(&full_warning()));
    let xml = String::from_utf8(xml).unwrap();

    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE ASSET_LIST_VM_DETECTION_OUTPUT SYSTEM \
         \"https://host01.example/sem/xapi/v1/asset/asset_list_output.dtd\">\n<ASSET_LIST_VM_DETECTION_OUTPUT>\n  <REQUEST>"
    ));
    assert!(xml.contains("\n  <RESPONSE>\n    <DATETIME>2021-10-18T07:58:11.268Z</DATETIME>\n    <ASSET_LIST>\n      <ASSET>\n        <ID>231</ID>"));
    assert!(xml.contains("<NAME>Cloud &amp; &lt;Mobile&gt;</NAME>"));
    assert!(xml.contains("<LAST_SEEN>2021-04-28T12:01:06Z</LAST_SEEN>"));
    assert!(xml.contains("<RESULTS><![CDATA[iOS Device Details :\niOS : 14.5\r\n\tModel : iPad & <b>]]]]><![CDATA[></b> &nbsp;]]></RESULTS>"));
    assert!(xml.contains(r#"<QDS severity="LOW &quot;x&quot;&#x9;&amp;"> 35 "#));
    assert!(xml.contains("> 35 <FACTOR>&#xA;<DEEP/>"));
    assert!(xml.contains("<DEEP/>"));
    assert!(xml.contains("<URL><![CDATA[https://host01.example/sem/v1/assetList?id_min=643&action=list&truncation_limit=1]]></URL>"));
    assert!(xml.ends_with("    </WARNING>\n  </RESPONSE>\n</ASSET_LIST_VM_DETECTION_OUTPUT>\n"));
}

#[test]
fn minimal_document_has_no_asset_list() {
    let xml = write(&DocumentHead::default(), &[], None);
    assert_eq!(
        String::from_utf8(xml).unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ASSET_LIST_VM_DETECTION_OUTPUT>\n  <RESPONSE>\n  </RESPONSE>\n</ASSET_LIST_VM_DETECTION_OUTPUT>\n"
    );
}

#[test]
fn whitespace_only_text_reads_back() {
    let asset = Asset {
        header: AssetHeader {
            id: 1,
            os: text("  "),
            username: text("\t\n"),
            ..AssetHeader::default()
        },
        detections: vec![Detection {
            qid: 2,
            results: text(" \n "),
            status: Some(DetectionStatus::Other(Cow::Borrowed("x & "))),
            ..Detection::default()
        }],
    };
    let xml = write(&DocumentHead::default(), std::slice::from_ref(&asset), None);
    assert_eq!(read_assets(&xml), [asset]);
}

#[test]
fn empty_text_is_written_as_absent() {
    let asset = Asset {
        header: AssetHeader {
            id: 1,
            os: text(""),
            ..AssetHeader::default()
        },
        detections: Vec::new(),
    };
    let xml = write(&DocumentHead::default(), &[asset], None);
    assert!(!String::from_utf8_lossy(&xml).contains("<OS>"));
    assert_eq!(read_assets(&xml)[0].header.os, None);
}

#[test]
fn control_character_is_rejected_with_path() {
    let mut writer = Writer::new(Vec::new());
    writer.write_head(&DocumentHead::default()).unwrap();
    writer
        .start_asset(&AssetHeader {
            id: 231,
            ..AssetHeader::default()
        })
        .unwrap();
    let detection = Detection {
        qid: 610_100,
        results: text("ok\u{0}bad"),
        ..Detection::default()
    };

    let error = writer.write_detection(&detection).unwrap_err();
    let WriteError::InvalidCharacter {
        field,
        character,
        offset,
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(field, "ASSET[id=231]/DETECTION[qid=610100]/RESULTS");
    assert_eq!(*character, '\u{0}');
    assert_eq!(*offset, 2);
    assert_eq!(
        error.to_string(),
        "invalid character '\\0' at byte 2 of ASSET[id=231]/DETECTION[qid=610100]/RESULTS: XML 1.0 cannot carry it"
    );

    // The rejected record leaves nothing behind, so the document goes on and stays well-formed.
    writer
        .write_detection(&Detection {
            qid: 1,
            ..Detection::default()
        })
        .unwrap();
    writer.end_asset(None).unwrap();
    let xml = writer.finish(None).unwrap();
    let assets = read_assets(&xml);
    assert_eq!(
        assets[0].detections,
        [Detection {
            qid: 1,
            ..Detection::default()
        }]
    );
}

#[test]
fn invalid_characters_rejected_everywhere() {
    let cases: Vec<(Asset<'static>, &str)> = vec![
        (
            Asset {
                header: AssetHeader {
                    id: 1,
                    ip: text("\u{1B}"),
                    ..AssetHeader::default()
                },
                detections: vec![],
            },
            "ASSET[id=1]/IP",
        ),
        (
            Asset {
                header: AssetHeader {
                    id: 1,
                    tags: vec![Tag {
                        name: text("\u{FFFF}"),
                        ..Tag::default()
                    }],
                    ..AssetHeader::default()
                },
                detections: vec![],
            },
            "ASSET[id=1]/TAGS/TAG[1]/NAME",
        ),
        (
            Asset {
                header: AssetHeader {
                    id: 1,
                    extra: vec![Extra {
                        name: Cow::Borrowed("A"),
                        children: vec![Extra {
                            name: Cow::Borrowed("B"),
                            text: text("\u{8}"),
                            ..Extra::default()
                        }],
                        ..Extra::default()
                    }],
                    ..AssetHeader::default()
                },
                detections: vec![],
            },
            "ASSET[id=1]/A/B",
        ),
    ];
    for (asset, expected) in cases {
        let mut writer = Writer::new(Vec::new());
        writer.write_head(&DocumentHead::default()).unwrap();
        match writer.write_asset(&asset) {
            Err(WriteError::InvalidCharacter { field, .. }) => assert_eq!(field, expected),
            other => panic!("{expected}: {other:?}"),
        }
    }
}

#[test]
fn invalid_names_and_attributes_rejected() {
    let bad_name = Extra {
        name: Cow::Borrowed("1BAD"),
        ..Extra::default()
    };
    let duplicate = Extra {
        name: Cow::Borrowed("OK"),
        attributes: vec![
            Attribute {
                name: Cow::Borrowed("a"),
                value: Cow::Borrowed("1"),
            },
            Attribute {
                name: Cow::Borrowed("a"),
                value: Cow::Borrowed("2"),
            },
        ],
        ..Extra::default()
    };
    for (extra, expected) in [(bad_name, "InvalidName"), (duplicate, "DuplicateAttribute")] {
        let mut writer = Writer::new(Vec::new());
        writer.write_head(&DocumentHead::default()).unwrap();
        let header = AssetHeader {
            id: 1,
            extra: vec![extra],
            ..AssetHeader::default()
        };
        let error = writer.start_asset(&header).unwrap_err();
        assert!(format!("{error:?}").starts_with(expected), "{error:?}");
    }
}

#[test]
fn unwritable_timestamps_rejected() {
    let far = Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap();
    let leap = Utc.timestamp_opt(1_483_228_799, 1_500_000_000).unwrap();
    for value in [far, leap] {
        let mut writer = Writer::new(Vec::new());
        writer.write_head(&DocumentHead::default()).unwrap();
        let header = AssetHeader {
            id: 5,
            last_seen: Some(value),
            ..AssetHeader::default()
        };
        match writer.start_asset(&header) {
            Err(WriteError::InvalidTimestamp { field, .. }) => {
                assert_eq!(field, "ASSET[id=5]/LAST_SEEN")
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn early_years_and_fractions_read_back() {
    let values = [
        Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(999, 12, 31, 23, 59, 59).unwrap(),
        Utc.timestamp_opt(1_619_611_266, 1).unwrap(),
        Utc.timestamp_opt(1_619_611_266, 120_000).unwrap(),
    ];
    for value in values {
        let asset = Asset {
            header: AssetHeader {
                id: 1,
                last_seen: Some(value),
                ..AssetHeader::default()
            },
            detections: Vec::new(),
        };
        let xml = write(&DocumentHead::default(), std::slice::from_ref(&asset), None);
        assert_eq!(read_assets(&xml), [asset], "{value}");
    }
}

#[test]
fn doctype_system_id_checked() {
    let mut writer = Writer::new(Vec::new());
    let error = writer.start_document(Some("a\"b'c")).unwrap_err();
    assert!(
        matches!(error, WriteError::InvalidSystemId { .. }),
        "{error:?}"
    );
    writer
        .start_document(Some("https://host01.example/\"quoted\".dtd"))
        .unwrap();
    writer.start_response(None).unwrap();
    let xml = writer.finish(None).unwrap();
    let Some(Ok(Event::Document(start))) = Parser::new(&xml).next() else {
        panic!()
    };
    assert_eq!(
        start.doctype_system_id.as_deref(),
        Some("https://host01.example/\"quoted\".dtd")
    );
}

#[test]
fn calls_out_of_order_rejected() {
    let mut writer = Writer::new(Vec::new());
    let error = writer.write_detection(&Detection::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot write a DETECTION before the start of the document"
    );

    writer.write_head(&DocumentHead::default()).unwrap();
    writer.start_asset(&AssetHeader::default()).unwrap();
    assert!(matches!(
        writer.end_document(),
        Err(WriteError::OutOfOrder { .. })
    ));
    writer.end_asset(None).unwrap();
    writer.write_warning(&full_warning()).unwrap();
    assert!(matches!(
        writer.start_asset(&AssetHeader::default()),
        Err(WriteError::OutOfOrder { .. })
    ));
}

#[test]
fn events_copy_document_with_trailing_fields() {
    let xml = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>
      <ASSET><ID>1</ID><DETECTION_LIST><DETECTION><QID>2</QID></DETECTION></DETECTION_LIST><OS>iOS</OS></ASSET>
    </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
    let mut writer = Writer::new(Vec::new());
    let original: Vec<Event<'_>> = Parser::new(xml).map(Result::unwrap).collect();
    for event in &original {
        writer.write_event(event).unwrap();
    }
    let copy = writer.finish(None).unwrap();
    let copied: Vec<Event<'_>> = Parser::new(&copy).map(Result::unwrap).collect();
    assert_eq!(copied, original);
}

#[test]
fn large_output_streams_in_pieces() {
    struct Counting {
        writes: usize,
        bytes: usize,
    }
    impl std::io::Write for Counting {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.writes += 1;
            self.bytes += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    let mut writer = Writer::new(Counting {
        writes: 0,
        bytes: 0,
    });
    writer.write_head(&DocumentHead::default()).unwrap();
    let asset = full_asset();
    for _ in 0..2_000 {
        writer.write_asset(&asset).unwrap();
    }
    let output = writer.finish(None).unwrap();
    assert!(output.bytes > 2_000 * 1_000, "{}", output.bytes);
    assert!(
        output.writes > 10 && output.writes < 200,
        "{} writes",
        output.writes
    );
}

#[test]
fn empty_tags_are_left_out() {
    let asset = Asset {
        header: AssetHeader {
            id: 5,
            tags: vec![
                Tag::default(),
                Tag {
                    name: Some(Cow::Borrowed("")),
                    ..Tag::default()
                },
            ],
            ..AssetHeader::default()
        },
        detections: Vec::new(),
    };
    let mut writer = Writer::new(Vec::new());
    writer.write_head(&DocumentHead::default()).unwrap();
    writer.write_asset(&asset).unwrap();
    let xml = String::from_utf8(writer.finish(None).unwrap()).unwrap();
    assert!(!xml.contains("TAG"), "{xml}");
}
