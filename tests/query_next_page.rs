//! Following the URL of a truncation WARNING.

use qualys_sem::ApiMessage;
use qualys_sem::query::{NextPageError, ParamName, Query, next_page};

const ENDPOINT: &str = "https://host01.example/sem/v1/assetList";

#[test]
fn warning_url_gives_next_query() {
    let url = format!("{ENDPOINT}?id_min=643&action=list&truncation_limit=1");
    let page = next_page(&url, 231).unwrap();

    assert_eq!(page.endpoint(), ENDPOINT);
    assert_eq!(page.id_min(), 643);
    assert_eq!(page.query().truncation_limit(), Some(1));
    assert_eq!(
        page.url(),
        format!("{ENDPOINT}?action=list&truncation_limit=1&id_min=643")
    );
}

#[test]
fn cdata_whitespace_is_ignored() {
    let url = format!("\n    {ENDPOINT}?action=list&id_min=10\n  ");
    assert_eq!(next_page(&url, 9).unwrap().id_min(), 10);
}

#[test]
fn every_original_parameter_is_kept() {
    let original = Query::parse(
        "action=list&truncation_limit=2&qids=90235,90107,45017,45017&status=Deenrolled\
         &os_pattern=%5EiOS&use_tags=1&tag_set_by=name&tag_set_include=Mobile+fleet",
    )
    .unwrap();
    let url = format!("{ENDPOINT}?{}&id_min=5000", original.render());
    let page = next_page(&url, 4999).unwrap();

    assert!(page.changed_params(&original).is_empty());
    assert_eq!(
        page.query().to_builder().remove(ParamName::IdMin).build(),
        Ok(original)
    );
}

#[test]
fn changed_parameters_are_reported() {
    let original = Query::parse("action=list&truncation_limit=2&ids=1-100").unwrap();
    let url = format!("{ENDPOINT}?action=list&truncation_limit=5&id_min=50");
    let page = next_page(&url, 40).unwrap();

    assert_eq!(
        page.changed_params(&original),
        vec![ParamName::TruncationLimit, ParamName::Ids]
    );
}

#[test]
fn params_are_decoded_for_form_data() {
    let url = format!("{ENDPOINT}?action=list&status=Ready+for+Re-enrollment&id_min=7");
    let page = next_page(&url, 6).unwrap();

    assert_eq!(
        page.params(),
        vec![
            ("action", "list".to_owned()),
            ("status", "Ready for Re-enrollment".to_owned()),
            ("id_min", "7".to_owned()),
        ]
    );
}

#[test]
fn cursor_must_advance() {
    let url = format!("{ENDPOINT}?action=list&id_min=643");

    assert_eq!(
        next_page(&url, 643),
        Err(NextPageError::CursorNotAdvancing {
            id_min: 643,
            last_asset_id: 643
        })
    );
    assert_eq!(
        next_page(&url, 700).unwrap_err().to_string(),
        "next-page id_min 643 does not advance past the last asset 700 of the page"
    );
    assert_eq!(next_page(&url, 642).unwrap().id_min(), 643);
}

#[test]
fn url_without_cursor_or_query() {
    let no_cursor = format!("{ENDPOINT}?action=list");
    assert!(matches!(
        next_page(&no_cursor, 1),
        Err(NextPageError::MissingCursor { .. })
    ));

    assert!(matches!(
        next_page(ENDPOINT, 1),
        Err(NextPageError::MissingQuery { .. })
    ));
}

#[test]
fn invalid_query_keeps_api_message() {
    let url = format!("{ENDPOINT}?action=list&id_min=5&truncation_limit=x");
    let Err(NextPageError::InvalidQuery { message }) = next_page(&url, 1) else {
        panic!("expected an invalid query");
    };
    assert!(
        matches!(message, ApiMessage::InvalidValue { ref name, .. } if name == "truncation_limit")
    );
}

#[test]
fn fragment_is_dropped() {
    let url = format!("{ENDPOINT}?action=list&id_min=5#top");
    assert_eq!(next_page(&url, 1).unwrap().id_min(), 5);
}
