//! Parser behaviour found while checking written documents, kept as failing tests until the
//! parser is fixed.

use qualys_sem::{Event, Parser};

/// Reads at most 10 items, so that a parser that repeats an error forever still ends.
fn first_items(xml: &[u8]) -> Vec<Result<Event<'_>, String>> {
    Parser::new(xml)
        .take(10)
        .map(|item| item.map_err(|error| error.to_string()))
        .collect()
}

fn assert_error_once_then_end(xml: &[u8]) {
    let items = first_items(xml);
    let errors = items.iter().filter(|item| item.is_err()).count();
    assert_eq!(errors, 1, "{items:#?}");
    assert_eq!(items.last(), Some(&Ok(Event::End)), "{items:#?}");
}

#[test]

fn invalid_warning_code_reported_once() {
    assert_error_once_then_end(
        b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><WARNING><CODE>x</CODE></WARNING></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>",
    );
}

#[test]

fn invalid_warning_reference_reported_once() {
    assert_error_once_then_end(
        b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><WARNING><TEXT>&#0;</TEXT></WARNING></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>",
    );
}

#[test]

fn invalid_request_datetime_reported_once() {
    assert_error_once_then_end(
        b"<ASSET_LIST_VM_DETECTION_OUTPUT><REQUEST><DATETIME>x</DATETIME></REQUEST><RESPONSE/></ASSET_LIST_VM_DETECTION_OUTPUT>",
    );
}

#[test]

fn element_in_request_key_reported_once() {
    assert_error_once_then_end(
        b"<ASSET_LIST_VM_DETECTION_OUTPUT><REQUEST><PARAM_LIST><PARAM><KEY><X/></KEY></PARAM></PARAM_LIST></REQUEST><RESPONSE/></ASSET_LIST_VM_DETECTION_OUTPUT>",
    );
}
