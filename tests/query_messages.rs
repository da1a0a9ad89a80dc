//! The API's error texts: parsing, display and classification.

use std::time::Duration;

use proptest::prelude::*;
use qualys_sem::{ApiMessage, MessageClass};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

#[test]
fn error_table_of_the_guide() {
    let cases = [
        (
            "Unrecognized parameter(s): foo,bar (action=list allows: action,ids)",
            ApiMessage::UnrecognizedParameters {
                names: strings(&["foo", "bar"]),
                action: "list".into(),
                allowed: strings(&["action", "ids"]),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "Missing required parameter(s): action",
            ApiMessage::MissingParameters {
                names: strings(&["action"]),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "parameter use_tags has invalid value: 76 (please specify one of the following: 1,0 )",
            ApiMessage::InvalidValue {
                name: "use_tags".into(),
                value: "76".into(),
                allowed: strings(&["1", "0"]),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "Internal Error",
            ApiMessage::InternalError,
            MessageClass::Retryable,
        ),
        (
            "User is not authorized to run the SEM API.",
            ApiMessage::NotAuthorized,
            MessageClass::Unauthorized,
        ),
        (
            "User doesn't have SEM access.",
            ApiMessage::NoSemAccess,
            MessageClass::Unauthorized,
        ),
        (
            "Error occurred while decoding token",
            ApiMessage::TokenDecodingFailed,
            MessageClass::Unauthorized,
        ),
        (
            "Error occurred while checking user access",
            ApiMessage::AccessCheckFailed,
            MessageClass::Retryable,
        ),
        (
            "tag_include_selector field missing",
            ApiMessage::FieldMissing {
                name: "tag_include_selector".into(),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "Please specify only one of these parameters: \
             detection_updated_since, max_days_since_detection_updated",
            ApiMessage::ConflictingParameters {
                names: strings(&[
                    "detection_updated_since",
                    "max_days_since_detection_updated",
                ]),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "This API cannot be run again for another 42 seconds.",
            ApiMessage::RateLimited {
                wait: "42 seconds".into(),
            },
            MessageClass::Retryable,
        ),
        (
            "This API cannot be run again until 2 currently running instances have finished.",
            ApiMessage::ConcurrencyLimited {
                condition: "2 currently running instances have finished.".into(),
            },
            MessageClass::Retryable,
        ),
        (
            "parameter ids has invalid range: 400-190 (the start must not be above the end)",
            ApiMessage::InvalidRange {
                name: "ids".into(),
                value: "400-190".into(),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "parameter tag_set_by requires use_tags=1",
            ApiMessage::RequiresParameter {
                name: "tag_set_by".into(),
                requirement: "use_tags=1".into(),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "parameter qids is specified more than once",
            ApiMessage::RepeatedParameter {
                name: "qids".into(),
            },
            MessageClass::InvalidRequest,
        ),
        (
            "Bad Gateway",
            ApiMessage::Other("Bad Gateway".into()),
            MessageClass::Unknown,
        ),
    ];

    for (text, expected, class) in cases {
        let message = ApiMessage::parse(text);
        assert_eq!(message, expected, "parse of {text}");
        assert_eq!(message.to_string(), text, "display of {text}");
        assert_eq!(message.class(), class, "class of {text}");
    }
}

#[test]
fn near_misses_stay_other() {
    for text in [
        "Internal Error ",
        " Internal Error",
        "internal error",
        "User is not authorized to run the SEM API",
        "Unrecognized parameter(s): foo",
        "parameter use_tags has invalid value: 76",
        "parameter use_tags has invalid value: 76 (please specify one of the following: 1,0)",
        "This API cannot be run again",
        "",
    ] {
        assert_eq!(
            ApiMessage::parse(text),
            ApiMessage::Other(text.into()),
            "{text:?}"
        );
    }
}

#[test]
fn retry_after_from_rate_limit() {
    let message = ApiMessage::parse(
        "This API cannot be run again for another 23 hours, 59 minutes and 53 seconds.",
    );
    assert!(message.is_retryable());
    assert_eq!(
        message.retry_after(),
        Some(Duration::from_secs(23 * 3600 + 59 * 60 + 53))
    );

    let unknown_wait = ApiMessage::parse("This API cannot be run again for another while.");
    assert!(unknown_wait.is_retryable());
    assert_eq!(unknown_wait.retry_after(), None);

    assert_eq!(ApiMessage::InternalError.retry_after(), None);
}

#[test]
fn from_str_matches_parse() {
    let message: ApiMessage = "Internal Error".parse().unwrap();
    assert_eq!(message, ApiMessage::InternalError);
}

/// Words without the separators of the message grammar.
fn word() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.-]{1,12}"
}

fn words() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(word(), 1..5)
}

/// Any message whose parts can be read back without ambiguity.
fn message() -> impl Strategy<Value = ApiMessage> {
    prop_oneof![
        (words(), word(), words()).prop_map(|(names, action, allowed)| {
            ApiMessage::UnrecognizedParameters {
                names,
                action,
                allowed,
            }
        }),
        words().prop_map(|names| ApiMessage::MissingParameters { names }),
        (word(), "[ -~]{0,20}", words()).prop_map(|(name, value, allowed)| {
            ApiMessage::InvalidValue {
                name,
                value,
                allowed,
            }
        }),
        (word(), word()).prop_map(|(name, value)| ApiMessage::InvalidRange { name, value }),
        (word(), "[ -~]{1,20}", word()).prop_map(|(name, value, reason)| {
            ApiMessage::InvalidPattern {
                name,
                value,
                reason,
            }
        }),
        words().prop_map(|names| ApiMessage::ConflictingParameters { names }),
        word().prop_map(|name| ApiMessage::FieldMissing { name }),
        (word(), "[ -~]{1,20}").prop_map(|(name, requirement)| {
            ApiMessage::RequiresParameter { name, requirement }
        }),
        word().prop_map(|name| ApiMessage::RepeatedParameter { name }),
        Just(ApiMessage::InternalError),
        Just(ApiMessage::NotAuthorized),
        Just(ApiMessage::NoSemAccess),
        Just(ApiMessage::TokenDecodingFailed),
        Just(ApiMessage::AccessCheckFailed),
        (0u64..100_000).prop_map(|seconds| ApiMessage::RateLimited {
            wait: format!("{seconds} seconds"),
        }),
        "[ -~]{0,30}".prop_map(|condition| ApiMessage::ConcurrencyLimited { condition }),
    ]
}

proptest! {
    #[test]
    fn display_then_parse_gives_message(message in message()) {
        prop_assert_eq!(ApiMessage::parse(&message.to_string()), message);
    }

    #[test]
    fn parse_then_display_gives_text(text in "\\PC{0,80}") {
        prop_assert_eq!(ApiMessage::parse(&text).to_string(), text);
    }

    #[test]
    fn parse_then_display_near_known_prefixes(
        prefix in prop::sample::select(vec![
            "Unrecognized parameter(s): ",
            "Missing required parameter(s): ",
            "parameter ",
            "Please specify only one of these parameters: ",
            "This API cannot be run again for another ",
            "This API cannot be run again until ",
        ]),
        rest in "[ -~]{0,60}",
    ) {
        let text = format!("{prefix}{rest}");
        prop_assert_eq!(ApiMessage::parse(&text).to_string(), text);
    }

    #[test]
    fn rate_limit_wait_in_seconds(seconds in 0u64..10_000_000) {
        let text = format!("This API cannot be run again for another {seconds} seconds.");
        let message = ApiMessage::parse(&text);
        prop_assert_eq!(message.retry_after(), Some(Duration::from_secs(seconds)));
    }
}
