//! Classification of messages by the client's next step.

use std::time::Duration;

use super::ApiMessage;

/// The kind of problem an [`ApiMessage`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageClass {
    /// The request is wrong: sending it again fails the same way.
    InvalidRequest,
    /// The credentials, the token or the user's permissions are wrong:
    /// authenticate again or ask for access before retrying.
    Unauthorized,
    /// The server failed or a limit is reached: the same request may
    /// succeed later.
    Retryable,
    /// A text the library does not know.
    Unknown,
}

pub(super) fn classify(message: &ApiMessage) -> MessageClass {
    match message {
        ApiMessage::UnrecognizedParameters { .. }
        | ApiMessage::MissingParameters { .. }
        | ApiMessage::InvalidValue { .. }
        | ApiMessage::InvalidRange { .. }
        | ApiMessage::InvalidPattern { .. }
        | ApiMessage::ConflictingParameters { .. }
        | ApiMessage::FieldMissing { .. }
        | ApiMessage::RequiresParameter { .. }
        | ApiMessage::RepeatedParameter { .. } => MessageClass::InvalidRequest,

        ApiMessage::NotAuthorized | ApiMessage::NoSemAccess | ApiMessage::TokenDecodingFailed => {
            MessageClass::Unauthorized
        }

        // The access check failing is an exception on the server, not a
        // verdict on the user, so it is worth another try.
        ApiMessage::InternalError
        | ApiMessage::AccessCheckFailed
        | ApiMessage::RateLimited { .. }
        | ApiMessage::ConcurrencyLimited { .. } => MessageClass::Retryable,

        ApiMessage::Other(_) => MessageClass::Unknown,
    }
}

/// Reads `N seconds` or a list such as `1 hour, 2 minutes and 3 seconds`.
pub(super) fn parse_wait(wait: &str) -> Option<Duration> {
    let mut total: u64 = 0;

    for part in wait.split(", ").flat_map(|part| part.split(" and ")) {
        let (count, unit) = part.split_once(' ')?;
        let count: u64 = count.parse().ok()?;
        let unit_seconds = match unit {
            "second" | "seconds" => 1,
            "minute" | "minutes" => 60,
            "hour" | "hours" => 3600,
            "day" | "days" => 86_400,
            _ => return None,
        };
        total = total.checked_add(count.checked_mul(unit_seconds)?)?;
    }

    Some(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_in_seconds() {
        assert_eq!(parse_wait("42 seconds"), Some(Duration::from_secs(42)));
        assert_eq!(parse_wait("1 second"), Some(Duration::from_secs(1)));
    }

    #[test]
    fn wait_in_several_units() {
        let wait = parse_wait("23 hours, 59 minutes and 53 seconds");
        assert_eq!(wait, Some(Duration::from_secs(23 * 3600 + 59 * 60 + 53)));
    }

    #[test]
    fn wait_in_unknown_form() {
        assert_eq!(parse_wait("a while"), None);
        assert_eq!(parse_wait("5 fortnights"), None);
        assert_eq!(parse_wait(""), None);
    }
}
