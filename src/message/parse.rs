//! Text to [`ApiMessage`].

use super::ApiMessage;

/// Parses a text, falling back to [`ApiMessage::Other`] whenever the typed
/// value would not display as the same bytes.
pub(super) fn parse_message(text: &str) -> ApiMessage {
    match parse_known(text) {
        Some(message) if message.to_string() == text => message,
        _ => ApiMessage::Other(text.to_owned()),
    }
}

fn parse_known(text: &str) -> Option<ApiMessage> {
    let fixed = match text {
        "Internal Error" => Some(ApiMessage::InternalError),
        "User is not authorized to run the SEM API." => Some(ApiMessage::NotAuthorized),
        "User doesn't have SEM access." => Some(ApiMessage::NoSemAccess),
        "Error occurred while decoding token" => Some(ApiMessage::TokenDecodingFailed),
        "Error occurred while checking user access" => Some(ApiMessage::AccessCheckFailed),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }

    if let Some(rest) = text.strip_prefix("Unrecognized parameter(s): ") {
        return parse_unrecognized(rest);
    }
    if let Some(rest) = text.strip_prefix("Missing required parameter(s): ") {
        return Some(ApiMessage::MissingParameters {
            names: split_list(rest, ","),
        });
    }
    if let Some(rest) = text.strip_prefix("Please specify only one of these parameters: ") {
        return Some(ApiMessage::ConflictingParameters {
            names: split_list(rest, ", "),
        });
    }
    if let Some(rest) = text.strip_prefix("This API cannot be run again for another ") {
        let wait = rest.strip_suffix('.')?;
        return Some(ApiMessage::RateLimited {
            wait: wait.to_owned(),
        });
    }
    if let Some(rest) = text.strip_prefix("This API cannot be run again until ") {
        return Some(ApiMessage::ConcurrencyLimited {
            condition: rest.to_owned(),
        });
    }
    if let Some(rest) = text.strip_prefix("parameter ") {
        return parse_parameter_message(rest);
    }
    if let Some(name) = text.strip_suffix(" field missing") {
        return Some(ApiMessage::FieldMissing {
            name: name.to_owned(),
        });
    }

    None
}

/// Reads `<names> (action=<action> allows: <allowed>)`.
fn parse_unrecognized(rest: &str) -> Option<ApiMessage> {
    let (names, tail) = rest.split_once(" (action=")?;
    let (action, allowed) = tail.split_once(" allows: ")?;
    let allowed = allowed.strip_suffix(')')?;

    Some(ApiMessage::UnrecognizedParameters {
        names: split_list(names, ","),
        action: action.to_owned(),
        allowed: split_list(allowed, ","),
    })
}

/// Reads the messages that start with `parameter <name> `.
fn parse_parameter_message(rest: &str) -> Option<ApiMessage> {
    let (name, tail) = rest.split_once(' ')?;
    let name = name.to_owned();

    if let Some(tail) = tail.strip_prefix("has invalid value: ") {
        // The value may contain the separator, the allowed list does not
        // start with it, so the last occurrence splits them.
        let (value, allowed) = tail.rsplit_once(" (please specify one of the following: ")?;
        let allowed = allowed.strip_suffix(" )")?;
        return Some(ApiMessage::InvalidValue {
            name,
            value: value.to_owned(),
            allowed: split_list(allowed, ","),
        });
    }
    if let Some(tail) = tail.strip_prefix("has invalid range: ") {
        let value = tail.strip_suffix(" (the start must not be above the end)")?;
        return Some(ApiMessage::InvalidRange {
            name,
            value: value.to_owned(),
        });
    }
    if let Some(tail) = tail.strip_prefix("has invalid PCRE expression: ") {
        let (value, reason) = tail.rsplit_once(" (")?;
        let reason = reason.strip_suffix(')')?;
        return Some(ApiMessage::InvalidPattern {
            name,
            value: value.to_owned(),
            reason: reason.to_owned(),
        });
    }
    if let Some(requirement) = tail.strip_prefix("requires ") {
        return Some(ApiMessage::RequiresParameter {
            name,
            requirement: requirement.to_owned(),
        });
    }
    if tail == "is specified more than once" {
        return Some(ApiMessage::RepeatedParameter { name });
    }

    None
}

fn split_list(text: &str, separator: &str) -> Vec<String> {
    text.split(separator).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_value_with_separator_in_value() {
        let text = "parameter ids has invalid value: a (please specify one of the following: x ) \
                    (please specify one of the following: ID,FIRST-LAST )";
        let message = parse_message(text);
        assert_eq!(
            message,
            ApiMessage::InvalidValue {
                name: "ids".into(),
                value: "a (please specify one of the following: x )".into(),
                allowed: vec!["ID".into(), "FIRST-LAST".into()],
            }
        );
    }

    #[test]
    fn list_with_other_spacing_stays_other() {
        let text = "Missing required parameter(s): action, ids";
        let message = parse_message(text);
        assert_eq!(
            message,
            ApiMessage::MissingParameters {
                names: vec!["action".into(), " ids".into()]
            }
        );
        assert_eq!(message.to_string(), text);
    }

    #[test]
    fn rate_limit_without_period_is_other() {
        let text = "This API cannot be run again for another 5 seconds";
        assert_eq!(parse_message(text), ApiMessage::Other(text.into()));
    }
}
