//! The typed content of each error envelope, read from `testdata/reply/`.

use std::fs;
use std::path::Path;

use qualys_sem::reply::{Item, ReplyError, RootKind, classify};

fn error_for(name: &str) -> ReplyError {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/reply")
        .join(name);
    classify(&fs::read(path).unwrap()).unwrap_err()
}

#[test]
fn simple_return_fields() {
    let ReplyError::Api(reply) = error_for("simple_return_bad_parameter.xml") else {
        panic!("not a SIMPLE_RETURN");
    };
    assert_eq!(reply.datetime.as_deref(), Some("2021-04-28T12:01:06Z"));
    assert_eq!(reply.code.as_deref(), Some("1901"));
    assert!(
        reply
            .text
            .starts_with("Unrecognized parameter(s): show_igs")
    );
    assert_eq!(
        reply.items,
        [Item {
            key: "show_igs".to_owned(),
            values: vec!["1".to_owned()],
        }]
    );
    assert!(reply.complete);
}

#[test]
fn simple_return_rate_limit_items() {
    let ReplyError::Api(reply) = error_for("simple_return_rate_limit.xml") else {
        panic!("not a SIMPLE_RETURN");
    };
    assert_eq!(reply.code_number(), Some(1965));
    assert_eq!(reply.items[0].key, "SECONDS_TO_WAIT");
    assert_eq!(reply.items[0].values, ["23"]);
}

#[test]
fn generic_return_keeps_signature() {
    let ReplyError::Generic(reply) = error_for("generic_return_internal_error.xml") else {
        panic!("not a GENERIC_RETURN");
    };
    assert_eq!(reply.number_value(), Some(999));
    assert_eq!(reply.status.as_deref(), Some("FAILED"));
    assert_eq!(reply.api_name.as_deref(), Some("index.php"));
    assert_eq!(
        reply.incident_signature.as_deref(),
        Some("0123456789abcdef0123456789abcdef")
    );
}

#[test]
fn generic_return_nested_mixed_content() {
    let ReplyError::Generic(reply) = error_for("generic_return_nested.xml") else {
        panic!("not a GENERIC_RETURN");
    };
    assert_eq!(reply.message, "Account Expired");
    assert_eq!(reply.at.as_deref(), Some("2021-05-06T23:15:07Z"));
}

#[test]
fn html_title_and_heading() {
    let ReplyError::Html(page) = error_for("html_maintenance.html") else {
        panic!("not HTML");
    };
    assert_eq!(
        page.title.as_deref(),
        Some("Scheduled Maintenance & Upgrade")
    );
    assert_eq!(page.heading.as_deref(), Some("We'll be back soon"));
}

#[test]
fn json_kept_whole() {
    let ReplyError::Json(body) = error_for("json_auth.json") else {
        panic!("not JSON");
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/reply/json_auth.json");
    assert_eq!(body.raw, fs::read_to_string(path).unwrap());
    assert_eq!(body.code(), Some("401"));
    assert_eq!(body.get("timestamp"), Some("1619611266"));
}

#[test]
fn empty_and_whitespace_are_empty() {
    assert_eq!(error_for("empty.txt"), ReplyError::Empty { len: 0 });
    assert_eq!(error_for("whitespace.txt"), ReplyError::Empty { len: 7 });
}

#[test]
fn export_prolog_reported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/reply/export.xml");
    let export = classify(&fs::read(path).unwrap()).unwrap();
    let doctype = export.doctype.unwrap();
    assert_eq!(doctype.name, "ASSET_LIST_VM_DETECTION_OUTPUT");
    assert_eq!(
        doctype.system_id.as_deref(),
        Some("https://gateway.example.com/sem/xapi/v1/asset/asset_list_output.dtd")
    );
    assert_eq!(export.root_offset, 158);
}

#[test]
fn bom_counts_in_root_offset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/reply/export_bom.xml");
    let export = classify(&fs::read(path).unwrap()).unwrap();
    assert_eq!(export.root_offset, 3);
}

#[test]
fn root_kinds_by_name() {
    assert_eq!(RootKind::of("GENERIC_RETURN"), RootKind::GenericReturn);
    assert_eq!(RootKind::of("html"), RootKind::Html);
    assert_eq!(
        RootKind::of("HOST_LIST_VM_DETECTION_OUTPUT"),
        RootKind::Other
    );
}
