//! Every `/sem/v1/assetList` parameter, valid and invalid, with the exact
//! rendering or message.

use qualys_sem::ApiMessage;
use qualys_sem::query::{
    AssetStatus, DetectionDate, IdList, OsPattern, OutputFormat, ParamName, Query, SeverityList,
    TagSelector, TagSet, TagSetBy,
};

const ALLOWED: &str = "action,echo_request,show_asset_id,show_results,show_reopened_info,\
output_format,truncation_limit,max_days_since_detection_updated,detection_updated_since,\
detection_updated_before,ids,status,os_pattern,qids,severities,use_tags,tag_set_by,\
tag_include_selector,tag_exclude_selector,tag_set_include,tag_set_exclude,show_tags,id_min";

/// Valid query strings and their canonical rendering.
const VALID: &[(&str, &str)] = &[
    ("action=list", "action=list"),
    ("?action=list", "action=list"),
    ("echo_request=1&action=list", "action=list&echo_request=1"),
    ("action=list&echo_request=0", "action=list&echo_request=0"),
    ("action=list&show_asset_id=1", "action=list&show_asset_id=1"),
    ("action=list&show_results=0", "action=list&show_results=0"),
    (
        "action=list&show_reopened_info=1",
        "action=list&show_reopened_info=1",
    ),
    ("action=list&show_tags=1", "action=list&show_tags=1"),
    ("action=list&use_tags=0", "action=list&use_tags=0"),
    (
        "action=list&output_format=XML",
        "action=list&output_format=XML",
    ),
    (
        "action=list&truncation_limit=0",
        "action=list&truncation_limit=0",
    ),
    (
        "action=list&truncation_limit=1",
        "action=list&truncation_limit=1",
    ),
    (
        "action=list&truncation_limit=1000000",
        "action=list&truncation_limit=1000000",
    ),
    (
        "action=list&truncation_limit=007",
        "action=list&truncation_limit=7",
    ),
    (
        "action=list&max_days_since_detection_updated=30",
        "action=list&max_days_since_detection_updated=30",
    ),
    (
        "action=list&detection_updated_since=2017-02-15",
        "action=list&detection_updated_since=2017-02-15",
    ),
    (
        "action=list&detection_updated_since=2017-02-15T23%3A15%3A00Z",
        "action=list&detection_updated_since=2017-02-15T23:15:00Z",
    ),
    (
        "action=list&detection_updated_before=2017-02-15T23:15:00Z",
        "action=list&detection_updated_before=2017-02-15T23:15:00Z",
    ),
    (
        "action=list&detection_updated_before=2024-02-29&detection_updated_since=2024-01-01",
        "action=list&detection_updated_since=2024-01-01&detection_updated_before=2024-02-29",
    ),
    (
        "action=list&max_days_since_detection_updated=7&detection_updated_before=2024-02-29",
        "action=list&max_days_since_detection_updated=7&detection_updated_before=2024-02-29",
    ),
    ("action=list&ids=231", "action=list&ids=231"),
    ("action=list&ids=190-400", "action=list&ids=190-400"),
    (
        "action=list&ids=5%2C190-400,7-7",
        "action=list&ids=5,190-400,7-7",
    ),
    (
        "action=list&ids=18446744073709551615",
        "action=list&ids=18446744073709551615",
    ),
    (
        "action=list&qids=68518-68522,610100",
        "action=list&qids=68518-68522,610100",
    ),
    ("action=list&status=Enrolled", "action=list&status=Enrolled"),
    (
        "action=list&status=Deenrolled,Ready%20for%20Re-enrollment",
        "action=list&status=Deenrolled,Ready+for+Re-enrollment",
    ),
    (
        "action=list&status=Ready+for+Re-enrollment",
        "action=list&status=Ready+for+Re-enrollment",
    ),
    (
        "action=list&os_pattern=%5E%24",
        "action=list&os_pattern=%5E%24",
    ),
    ("action=list&os_pattern=iOS", "action=list&os_pattern=iOS"),
    (
        "action=list&os_pattern=%5E(iOS%7CAndroid)%24",
        "action=list&os_pattern=%5E%28iOS%7CAndroid%29%24",
    ),
    ("action=list&severities=5", "action=list&severities=5"),
    (
        "action=list&severities=1-3,5",
        "action=list&severities=1-3,5",
    ),
    (
        "action=list&use_tags=1&tag_set_by=id",
        "action=list&use_tags=1&tag_set_by=id",
    ),
    (
        "action=list&use_tags=1&tag_set_by=name&tag_set_include=Cloud+Agent,Mobile",
        "action=list&use_tags=1&tag_set_by=name&tag_set_include=Cloud+Agent,Mobile",
    ),
    (
        "action=list&use_tags=1&tag_include_selector=all",
        "action=list&use_tags=1&tag_include_selector=all",
    ),
    (
        "action=list&use_tags=1&tag_include_selector=any&tag_exclude_selector=all",
        "action=list&use_tags=1&tag_include_selector=any&tag_exclude_selector=all",
    ),
    (
        "action=list&use_tags=1&tag_set_include=11,12&tag_set_exclude=13",
        "action=list&use_tags=1&tag_set_include=11,12&tag_set_exclude=13",
    ),
    (
        "action=list&show_tags=1&use_tags=0",
        "action=list&use_tags=0&show_tags=1",
    ),
    (
        "id_min=643&action=list&truncation_limit=1",
        "action=list&truncation_limit=1&id_min=643",
    ),
];

/// Invalid query strings and the exact message.
const INVALID: &[(&str, &str)] = &[
    ("", "Missing required parameter(s): action"),
    ("ids=5", "Missing required parameter(s): action"),
    (
        "action=list&includeFields=operatingSystem",
        "Unrecognized parameter(s): includeFields (action=list allows: {ALLOWED})",
    ),
    (
        "foo=1&action=list&bar=2&foo=3",
        "Unrecognized parameter(s): foo,bar (action=list allows: {ALLOWED})",
    ),
    (
        "Action=list",
        "Unrecognized parameter(s): Action (action=list allows: {ALLOWED})",
    ),
    (
        "action=count",
        "parameter action has invalid value: count (please specify one of the following: list )",
    ),
    (
        "action",
        "parameter action has invalid value:  (please specify one of the following: list )",
    ),
    (
        "action=list&action=list",
        "parameter action is specified more than once",
    ),
    (
        "action=list&ids=1&ids=2",
        "parameter ids is specified more than once",
    ),
    (
        "action=list&use_tags=76",
        "parameter use_tags has invalid value: 76 (please specify one of the following: 1,0 )",
    ),
    (
        "action=list&echo_request=yes",
        "parameter echo_request has invalid value: yes (please specify one of the following: 1,0 )",
    ),
    (
        "action=list&show_asset_id=2",
        "parameter show_asset_id has invalid value: 2 (please specify one of the following: 1,0 )",
    ),
    (
        "action=list&show_results=",
        "parameter show_results has invalid value:  (please specify one of the following: 1,0 )",
    ),
    (
        "action=list&show_reopened_info=01",
        "parameter show_reopened_info has invalid value: 01 \
         (please specify one of the following: 1,0 )",
    ),
    (
        "action=list&show_tags=true",
        "parameter show_tags has invalid value: true (please specify one of the following: 1,0 )",
    ),
    (
        "action=list&output_format=CSV",
        "parameter output_format has invalid value: CSV \
         (please specify one of the following: XML )",
    ),
    (
        "action=list&output_format=xml",
        "parameter output_format has invalid value: xml \
         (please specify one of the following: XML )",
    ),
    (
        "action=list&truncation_limit=1000001",
        "parameter truncation_limit has invalid value: 1000001 \
         (please specify one of the following: 0-1000000 )",
    ),
    (
        "action=list&truncation_limit=-1",
        "parameter truncation_limit has invalid value: -1 \
         (please specify one of the following: 0-1000000 )",
    ),
    (
        "action=list&truncation_limit=1in",
        "parameter truncation_limit has invalid value: 1in \
         (please specify one of the following: 0-1000000 )",
    ),
    (
        "action=list&max_days_since_detection_updated=0",
        "parameter max_days_since_detection_updated has invalid value: 0 \
         (please specify one of the following: 1-4294967295 )",
    ),
    (
        "action=list&max_days_since_detection_updated=4294967296",
        "parameter max_days_since_detection_updated has invalid value: 4294967296 \
         (please specify one of the following: 1-4294967295 )",
    ),
    (
        "action=list&detection_updated_since=2017-02-30",
        "parameter detection_updated_since has invalid value: 2017-02-30 \
         (please specify one of the following: YYYY-MM-DD,YYYY-MM-DDTHH:MM:SSZ )",
    ),
    (
        "action=list&detection_updated_since=2017-02-15T23:15:00.000Z",
        "parameter detection_updated_since has invalid value: 2017-02-15T23:15:00.000Z \
         (please specify one of the following: YYYY-MM-DD,YYYY-MM-DDTHH:MM:SSZ )",
    ),
    (
        "action=list&detection_updated_before=2017-02-15+23:15:00",
        "parameter detection_updated_before has invalid value: 2017-02-15 23:15:00 \
         (please specify one of the following: YYYY-MM-DD,YYYY-MM-DDTHH:MM:SSZ )",
    ),
    (
        "action=list&detection_updated_since=2017-02-15&max_days_since_detection_updated=3",
        "Please specify only one of these parameters: \
         detection_updated_since, max_days_since_detection_updated",
    ),
    (
        "action=list&ids=400-190",
        "parameter ids has invalid range: 400-190 (the start must not be above the end)",
    ),
    (
        "action=list&ids=1,abc",
        "parameter ids has invalid value: 1,abc (please specify one of the following: ID,FIRST-LAST )",
    ),
    (
        "action=list&ids=1,,2",
        "parameter ids has invalid value: 1,,2 (please specify one of the following: ID,FIRST-LAST )",
    ),
    (
        "action=list&ids=1-2-3",
        "parameter ids has invalid value: 1-2-3 (please specify one of the following: ID,FIRST-LAST )",
    ),
    (
        "action=list&ids=18446744073709551616",
        "parameter ids has invalid value: 18446744073709551616 \
         (please specify one of the following: ID,FIRST-LAST )",
    ),
    (
        "action=list&qids=68522-68518",
        "parameter qids has invalid range: 68522-68518 (the start must not be above the end)",
    ),
    (
        "action=list&qids=-5",
        "parameter qids has invalid value: -5 (please specify one of the following: ID,FIRST-LAST )",
    ),
    (
        "action=list&status=enrolled",
        "parameter status has invalid value: enrolled \
         (please specify one of the following: Enrolled,Deenrolled,Ready for Re-enrollment )",
    ),
    (
        "action=list&status=Enrolled,",
        "parameter status has invalid value: Enrolled, \
         (please specify one of the following: Enrolled,Deenrolled,Ready for Re-enrollment )",
    ),
    (
        "action=list&os_pattern=",
        "parameter os_pattern has invalid value:  (please specify one of the following: \
         non-empty PCRE expression (^$ matches an empty one) )",
    ),
    (
        "action=list&severities=6",
        "parameter severities has invalid value: 6 (please specify one of the following: 1,2,3,4,5 )",
    ),
    (
        "action=list&severities=0-2",
        "parameter severities has invalid value: 0-2 \
         (please specify one of the following: 1,2,3,4,5 )",
    ),
    (
        "action=list&severities=4-2",
        "parameter severities has invalid range: 4-2 (the start must not be above the end)",
    ),
    (
        "action=list&use_tags=1&tag_set_by=ID",
        "parameter tag_set_by has invalid value: ID (please specify one of the following: id,name )",
    ),
    (
        "action=list&use_tags=1&tag_include_selector=some",
        "parameter tag_include_selector has invalid value: some \
         (please specify one of the following: any,all )",
    ),
    (
        "action=list&use_tags=1&tag_include_selector=any&tag_exclude_selector=none",
        "parameter tag_exclude_selector has invalid value: none \
         (please specify one of the following: any,all )",
    ),
    (
        "action=list&use_tags=1&tag_set_include=Mobile",
        "parameter tag_set_include has invalid value: Mobile \
         (please specify one of the following: tag IDs )",
    ),
    (
        "action=list&use_tags=1&tag_set_by=name&tag_set_include=a,,b",
        "parameter tag_set_include has invalid value: a,,b \
         (please specify one of the following: tag names )",
    ),
    (
        "action=list&use_tags=1&tag_set_include=1&tag_set_exclude=x",
        "parameter tag_set_exclude has invalid value: x \
         (please specify one of the following: tag IDs )",
    ),
    (
        "action=list&use_tags=1&tag_exclude_selector=all",
        "tag_include_selector field missing",
    ),
    (
        "action=list&use_tags=1&tag_set_exclude=13",
        "tag_set_include field missing",
    ),
    (
        "action=list&tag_set_by=id",
        "parameter tag_set_by requires use_tags=1",
    ),
    (
        "action=list&use_tags=0&tag_include_selector=any",
        "parameter tag_include_selector requires use_tags=1",
    ),
    (
        "action=list&tag_exclude_selector=any",
        "parameter tag_exclude_selector requires use_tags=1",
    ),
    (
        "action=list&tag_set_include=1",
        "parameter tag_set_include requires use_tags=1",
    ),
    (
        "action=list&tag_set_exclude=1",
        "parameter tag_set_exclude requires use_tags=1",
    ),
    (
        "action=list&id_min=x",
        "parameter id_min has invalid value: x (please specify one of the following: ID )",
    ),
];

#[test]
fn valid_cases_render_canonically() {
    for (raw, expected) in VALID {
        let query = Query::parse(raw).unwrap_or_else(|error| panic!("{raw}: {error}"));
        assert_eq!(query.render(), *expected, "rendering of {raw}");
    }
}

#[test]
fn valid_cases_round_trip() {
    for (raw, _) in VALID {
        let query = Query::parse(raw).unwrap();
        assert_eq!(
            Query::parse(&query.render()),
            Ok(query),
            "round trip of {raw}"
        );
    }
}

#[test]
fn invalid_cases_give_exact_message() {
    for (raw, expected) in INVALID {
        let expected = expected.replace("{ALLOWED}", ALLOWED);
        match Query::parse(raw) {
            Ok(query) => panic!("{raw} parsed as {query:?}"),
            Err(message) => assert_eq!(message.to_string(), expected, "message for {raw}"),
        }
    }
}

#[test]
fn invalid_messages_parse_back() {
    for (raw, _) in INVALID {
        let message = Query::parse(raw).unwrap_err();
        assert_eq!(
            ApiMessage::parse(&message.to_string()),
            message,
            "message for {raw}"
        );
    }
}

#[test]
fn invalid_pattern_message() {
    let message = Query::parse("action=list&os_pattern=%5E(iOS").unwrap_err();
    let text = message.to_string();
    assert!(
        text.starts_with("parameter os_pattern has invalid PCRE expression: ^(iOS (PCRE2: "),
        "{text}"
    );
    assert!(text.contains("missing closing parenthesis"), "{text}");
    assert_eq!(ApiMessage::parse(&text), message);
}

#[test]
fn accessors_and_defaults() {
    let query = Query::parse("action=list").unwrap();
    assert_eq!(query.action(), "list");
    assert_eq!(query.show_results(), None);
    assert!(query.show_results_or_default());
    assert_eq!(query.truncation_limit_or_default(), 1000);
    assert_eq!(query.status_or_default(), &[AssetStatus::Enrolled]);

    let zero = Query::parse("action=list&truncation_limit=0").unwrap();
    assert_eq!(zero.truncation_limit(), Some(0));
    assert_eq!(zero.truncation_limit_or_default(), 1000);
}

#[test]
fn form_pairs_skip_decoding() {
    let query = Query::from_pairs([("action", "list"), ("os_pattern", "a+b%")]).unwrap();
    assert_eq!(query.os_pattern().unwrap().as_str(), "a+b%");
    assert_eq!(query.render(), "action=list&os_pattern=a%2Bb%25");
}

#[test]
fn builder_sets_every_parameter() {
    let query = Query::builder()
        .echo_request(true)
        .show_asset_id(true)
        .show_results(false)
        .show_reopened_info(true)
        .output_format(OutputFormat::Xml)
        .truncation_limit(50)
        .detection_updated_since(DetectionDate::parse("2024-01-01").unwrap())
        .detection_updated_before(DetectionDate::parse("2024-02-01T12:00:00Z").unwrap())
        .ids(IdList::parse(ParamName::Ids, "1-9").unwrap())
        .status([AssetStatus::Deenrolled])
        .os_pattern(OsPattern::new("^iOS$").unwrap())
        .qids(IdList::from_values([610100]).unwrap())
        .severities(SeverityList::parse("4-5").unwrap())
        .use_tags(true)
        .tag_set_by(TagSetBy::Name)
        .tag_include_selector(TagSelector::All)
        .tag_exclude_selector(TagSelector::Any)
        .tag_set_include(TagSet::names(["Mobile"]).unwrap())
        .tag_set_exclude(TagSet::names(["Lab devices"]).unwrap())
        .show_tags(true)
        .id_min(100)
        .build()
        .unwrap();

    assert_eq!(
        query.render(),
        "action=list&echo_request=1&show_asset_id=1&show_results=0&show_reopened_info=1\
         &output_format=XML&truncation_limit=50&detection_updated_since=2024-01-01\
         &detection_updated_before=2024-02-01T12:00:00Z&ids=1-9&status=Deenrolled\
         &os_pattern=%5EiOS%24&qids=610100&severities=4-5&use_tags=1&tag_set_by=name\
         &tag_include_selector=all&tag_exclude_selector=any&tag_set_include=Mobile\
         &tag_set_exclude=Lab+devices&show_tags=1&id_min=100"
    );
    assert_eq!(Query::parse(&query.render()), Ok(query));
}

#[test]
fn builder_rejects_what_parse_rejects() {
    let since = DetectionDate::parse("2024-01-01").unwrap();
    let cases = [
        (
            Query::builder().truncation_limit(1_000_001),
            "truncation_limit has invalid value",
        ),
        (
            Query::builder().max_days_since_detection_updated(0),
            "max_days_since_detection_updated has invalid value: 0 (",
        ),
        (
            Query::builder().status([]),
            "parameter status has invalid value:  (",
        ),
        (
            Query::builder()
                .max_days_since_detection_updated(3)
                .detection_updated_since(since),
            "Please specify only one of these parameters",
        ),
        (
            Query::builder()
                .use_tags(true)
                .tag_exclude_selector(TagSelector::All),
            "tag_include_selector field missing",
        ),
        (
            Query::builder()
                .use_tags(true)
                .tag_set_exclude(TagSet::ids([1]).unwrap()),
            "tag_set_include field missing",
        ),
        (
            Query::builder().tag_set_by(TagSetBy::Id),
            "parameter tag_set_by requires use_tags=1",
        ),
    ];

    for (builder, expected) in cases {
        let message = builder.build().unwrap_err().to_string();
        assert!(message.contains(expected), "{message} lacks {expected}");
    }
}

#[test]
fn builder_rejects_tag_set_of_other_kind() {
    let names = Query::builder()
        .use_tags(true)
        .tag_set_include(TagSet::names(["Mobile"]).unwrap())
        .build()
        .unwrap_err();
    assert_eq!(
        names.to_string(),
        "parameter tag_set_include requires tag_set_by=name"
    );

    let ids = Query::builder()
        .use_tags(true)
        .tag_set_by(TagSetBy::Name)
        .tag_set_include(TagSet::names(["Mobile"]).unwrap())
        .tag_set_exclude(TagSet::ids([5]).unwrap())
        .build()
        .unwrap_err();
    assert_eq!(
        ids.to_string(),
        "parameter tag_set_exclude requires tag_set_by=id"
    );
}

#[test]
fn builder_remove_and_replace() {
    let query = Query::parse("action=list&ids=1&truncation_limit=5").unwrap();
    let changed = query
        .to_builder()
        .remove(ParamName::Ids)
        .remove(ParamName::Action)
        .truncation_limit(10)
        .build()
        .unwrap();
    assert_eq!(changed.render(), "action=list&truncation_limit=10");
}

#[test]
fn table_covers_every_parameter() {
    for param in ParamName::ALL {
        let name = format!("{}=", param.as_str());
        let in_valid = VALID.iter().any(|(raw, _)| raw.contains(&name));
        let in_invalid = INVALID.iter().any(|(raw, _)| raw.contains(&name));
        assert!(in_valid, "no valid case for {param}");
        assert!(in_invalid, "no invalid case for {param}");
    }
}
