//! Error positions and paths point at the construct at fault.

use qualys_sem::{ErrorKind, Parser};

fn first_error(input: &str) -> qualys_sem::Error {
    Parser::from_str(input)
        .find_map(Result::err)
        .expect("an error")
}

#[test]
fn text_after_root_points_at_text() {
    let input = "<ASSET_LIST_VM_DETECTION_OUTPUT/>\n\n  stray";
    let error = first_error(input);
    assert!(matches!(error.kind(), ErrorKind::TrailingContent { found } if found == "text"));
    assert_eq!(error.position().offset, input.find("stray").unwrap() as u64);
    assert_eq!(error.position().line, 3);
    assert_eq!(error.position().column, 3);
}

#[test]
fn mismatched_end_in_field_names_field() {
    let input = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST><ASSET><ID>1</ID>\
                 <IP>192.0.2.1</OS></ASSET></ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";
    let error = first_error(input);
    assert!(
        matches!(error.kind(), ErrorKind::MismatchedEndTag { .. }),
        "{error}"
    );
    assert_eq!(
        error.path(),
        "/ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/ASSET_LIST/ASSET[id=1]/IP"
    );
}

#[test]
fn element_inside_field_names_field() {
    let input = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST><ASSET><ID>1</ID>\
                 <DETECTION_LIST><DETECTION><QID>5</QID><SEVERITY><B/></SEVERITY></DETECTION>\
                 </DETECTION_LIST></ASSET></ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";
    let error = first_error(input);
    assert!(
        matches!(error.kind(), ErrorKind::UnexpectedElement { .. }),
        "{error}"
    );
    assert!(!error.is_fatal());
    assert!(
        error.path().ends_with("/DETECTION[qid=5]/SEVERITY"),
        "{}",
        error.path()
    );
}
