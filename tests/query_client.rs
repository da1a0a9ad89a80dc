//! Gateways, authentication and rate limit headers.

use std::time::Duration;

use qualys_sem::query::Query;
use qualys_sem::{
    AUTH_CONTENT_TYPE, AuthError, BearerToken, Credentials, Gateway, Platform, RateLimit,
};

#[test]
fn platform_gateways() {
    let expected = [
        ("US1", "https://gateway.qg1.apps.qualys.com"),
        ("US2", "https://gateway.qg2.apps.qualys.com"),
        ("US3", "https://gateway.qg3.apps.qualys.com"),
        ("US4", "https://gateway.qg4.apps.qualys.com"),
        ("EU1", "https://gateway.qg1.apps.qualys.eu"),
        ("EU2", "https://gateway.qg2.apps.qualys.eu"),
        ("IN1", "https://gateway.qg1.apps.qualys.in"),
        ("CA1", "https://gateway.qg1.apps.qualys.ca"),
        ("AE1", "https://gateway.qg1.apps.qualys.ae"),
        ("UK1", "https://gateway.qg1.apps.qualys.co.uk"),
        ("AU1", "https://gateway.qg1.apps.qualys.com.au"),
        ("KSA1", "https://gateway.qg1.apps.qualysksa.com"),
    ];
    assert_eq!(expected.len(), Platform::ALL.len());

    for (name, url) in expected {
        let platform = Platform::from_name(name).unwrap();
        assert_eq!(platform.to_string(), name);
        assert_eq!(Gateway::from(platform).base_url(), url);
    }
}

#[test]
fn query_url_on_custom_gateway() {
    let gateway = Gateway::custom("http://127.0.0.1:8080").unwrap();
    let query = Query::parse("action=list&ids=190-400").unwrap();
    assert_eq!(
        query.to_url(&gateway),
        "http://127.0.0.1:8080/sem/v1/assetList?action=list&ids=190-400"
    );
    assert_eq!(gateway.auth_url(), "http://127.0.0.1:8080/auth");
}

#[test]
fn auth_form_body() {
    let credentials = Credentials::new("user01", "a=b&c d").unwrap();
    assert_eq!(AUTH_CONTENT_TYPE, "application/x-www-form-urlencoded");
    assert_eq!(
        credentials.form_body(),
        "username=user01&password=a%3Db%26c+d&token=true&permissions=true"
    );

    let decoded: Vec<(String, String)> = form_urlencoded::parse(credentials.form_body().as_bytes())
        .into_owned()
        .collect();
    assert_eq!(decoded[1], ("password".to_owned(), "a=b&c d".to_owned()));
}

#[test]
fn secrets_stay_out_of_debug_and_errors() {
    let credentials = Credentials::new("user01", "s3cret-pass").unwrap();
    assert!(!format!("{credentials:?}").contains("s3cret"));
    assert!(!format!("{credentials:#?}").contains("s3cret"));

    let token = BearerToken::new("tok.en.value").unwrap();
    assert!(!format!("{token:?}").contains("tok.en"));
    assert_eq!(token.authorization_value(), "Bearer tok.en.value");
    assert_eq!(token.secret(), "tok.en.value");

    let error = BearerToken::new("secret\u{e9}token").unwrap_err();
    assert_eq!(error, AuthError::InvalidTokenCharacter { position: 6 });
    assert!(!error.to_string().contains("secret"));
    assert!(!format!("{error:?}").contains("secret"));
}

#[test]
fn rate_limit_example_of_the_guide() {
    // 300 calls per 3600 s, all spent in the first 5 minutes: 55 minutes
    // to wait.
    let limits = RateLimit::from_headers(vec![
        ("X-RateLimit-Limit".to_owned(), "300".to_owned()),
        ("X-RateLimit-Window-Sec".to_owned(), "3600".to_owned()),
        ("X-RateLimit-Remaining".to_owned(), "0".to_owned()),
        ("X-RateLimit-ToWait-Sec".to_owned(), "3300".to_owned()),
        ("X-Concurrency-Limit-Limit".to_owned(), "2".to_owned()),
        ("X-Concurrency-Limit-Running".to_owned(), "1".to_owned()),
    ])
    .unwrap();

    assert_eq!(
        limits,
        RateLimit {
            limit: Some(300),
            remaining: Some(0),
            window: Some(Duration::from_secs(3600)),
            to_wait: Some(Duration::from_secs(3300)),
            concurrency_limit: Some(2),
            concurrency_running: Some(1),
        }
    );
    assert_eq!(limits.wait_before_next_call(), Duration::from_secs(55 * 60));
    assert!(!limits.concurrency_exhausted());
}

#[test]
fn rate_limit_with_calls_left() {
    let limits = RateLimit::from_headers([
        ("x-ratelimit-remaining", " 12 "),
        ("x-ratelimit-window-sec", "3600"),
    ])
    .unwrap();
    assert_eq!(limits.remaining, Some(12));
    assert_eq!(limits.limit, None);
    assert_eq!(limits.wait_before_next_call(), Duration::ZERO);
}
