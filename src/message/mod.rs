//! The error messages of the SEM API, both ways.
//!
//! The API reports a rejected or failed request with a short English text
//! (the `TEXT` of its error envelope). [`ApiMessage`] is that text as a typed
//! value: the query validator in [`crate::query`] returns it with the exact
//! wording the API uses, and [`ApiMessage::parse`] turns a text received from
//! the API back into the same value. [`MessageClass`] names the client's next
//! step: fix the request, fix the credentials, or retry later.

mod class;
mod parse;

pub use class::MessageClass;

use std::time::Duration;

/// One error message of the SEM API.
///
/// `Display` writes the text exactly as the API sends it, so that
/// `ApiMessage::parse(&m.to_string()) == m` for a message built from
/// well-formed parts, and `ApiMessage::parse(t).to_string() == t` for every
/// text `t`.
///
/// Lists of names and values are written with `,` between items, as in the
/// API's own example `please specify one of the following: 1,0 `, except
/// [`ApiMessage::ConflictingParameters`], which follows the API's
/// `detection_updated_since, max_days_since_detection_updated` with `, `.
///
/// NOTE: the API documents `,` only between allowed values; the separator
/// between parameter names is assumed to be the same. A text with another
/// separator still parses and displays back byte for byte, with the extra
/// spaces kept in the names.
///
/// # Example
///
/// ```
/// use qualys_sem::{ApiMessage, MessageClass};
///
/// let text = "parameter use_tags has invalid value: 76 \
///             (please specify one of the following: 1,0 )";
/// let message = ApiMessage::parse(text);
///
/// assert_eq!(
///     message,
///     ApiMessage::InvalidValue {
///         name: "use_tags".into(),
///         value: "76".into(),
///         allowed: vec!["1".into(), "0".into()],
///     }
/// );
/// assert_eq!(message.class(), MessageClass::InvalidRequest);
/// assert_eq!(message.to_string(), text);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ApiMessage {
    /// The request names parameters that the action does not accept.
    #[error(
        "Unrecognized parameter(s): {} (action={action} allows: {})",
        names.join(","),
        allowed.join(",")
    )]
    UnrecognizedParameters {
        /// The unknown parameter names, in request order.
        names: Vec<String>,
        /// The value of `action` the list of allowed names applies to.
        action: String,
        /// Every parameter name the action accepts.
        allowed: Vec<String>,
    },

    /// The request lacks parameters that the action requires.
    #[error("Missing required parameter(s): {}", names.join(","))]
    MissingParameters {
        /// The missing parameter names.
        names: Vec<String>,
    },

    /// A parameter has a value outside the allowed ones.
    #[error(
        "parameter {name} has invalid value: {value} (please specify one of the following: {} )",
        allowed.join(",")
    )]
    InvalidValue {
        /// The parameter name.
        name: String,
        /// The rejected value, percent-decoded.
        value: String,
        /// The allowed values or forms of a value.
        allowed: Vec<String>,
    },

    /// A list parameter contains a range whose start is above its end.
    #[error("parameter {name} has invalid range: {value} (the start must not be above the end)")]
    InvalidRange {
        /// The parameter name.
        name: String,
        /// The rejected range as written, such as `400-190`.
        value: String,
    },

    /// A regular expression parameter does not compile as PCRE.
    #[error("parameter {name} has invalid PCRE expression: {value} ({reason})")]
    InvalidPattern {
        /// The parameter name.
        name: String,
        /// The rejected expression, percent-decoded.
        value: String,
        /// The PCRE engine's reason for rejecting it.
        reason: String,
    },

    /// Parameters that exclude each other appear together.
    #[error("Please specify only one of these parameters: {}", names.join(", "))]
    ConflictingParameters {
        /// The parameters of which at most one may appear.
        names: Vec<String>,
    },

    /// A parameter appears that needs another one, which is missing.
    ///
    /// The API sends `tag_include_selector field missing` for a
    /// `tag_exclude_selector` without a `tag_include_selector`.
    #[error("{name} field missing")]
    FieldMissing {
        /// The missing parameter.
        name: String,
    },

    /// A parameter appears without the setting it depends on.
    #[error("parameter {name} requires {requirement}")]
    RequiresParameter {
        /// The parameter that appears.
        name: String,
        /// The setting it needs, such as `use_tags=1`.
        requirement: String,
    },

    /// A parameter appears more than once in the request.
    #[error("parameter {name} is specified more than once")]
    RepeatedParameter {
        /// The repeated parameter.
        name: String,
    },

    /// The API failed on its own side.
    #[error("Internal Error")]
    InternalError,

    /// The user lacks the `SEM API Access` permission.
    #[error("User is not authorized to run the SEM API.")]
    NotAuthorized,

    /// The SEM module is not enabled for the user.
    #[error("User doesn't have SEM access.")]
    NoSemAccess,

    /// The bearer token could not be decoded: it is malformed or not a JWT.
    #[error("Error occurred while decoding token")]
    TokenDecodingFailed,

    /// The API failed while checking the user's permissions.
    #[error("Error occurred while checking user access")]
    AccessCheckFailed,

    /// The rate limit is reached (Qualys code 1965).
    #[error("This API cannot be run again for another {wait}.")]
    RateLimited {
        /// The wait as the API writes it, such as `42 seconds`.
        wait: String,
    },

    /// The concurrency limit is reached (Qualys code 1960).
    #[error("This API cannot be run again until {condition}")]
    ConcurrencyLimited {
        /// The rest of the text, such as
        /// `2 currently running instances have finished.`
        condition: String,
    },

    /// Any other text, kept whole.
    #[error("{0}")]
    Other(String),
}

impl ApiMessage {
    /// Parses a message text received from the API.
    ///
    /// Never fails: a text that matches none of the known messages, or
    /// that would not be written back byte for byte, becomes
    /// [`ApiMessage::Other`]. Pass the text as received, without trimming,
    /// because the match is exact.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::ApiMessage;
    ///
    /// assert_eq!(ApiMessage::parse("Internal Error"), ApiMessage::InternalError);
    /// assert_eq!(
    ///     ApiMessage::parse("Service unavailable"),
    ///     ApiMessage::Other("Service unavailable".into())
    /// );
    /// ```
    pub fn parse(text: &str) -> ApiMessage {
        parse::parse_message(text)
    }

    /// Classifies the message by what the client should do about it.
    pub fn class(&self) -> MessageClass {
        class::classify(self)
    }

    /// Tells whether sending the same request again later may succeed.
    pub fn is_retryable(&self) -> bool {
        self.class() == MessageClass::Retryable
    }

    /// Returns the wait that a rate limit message states.
    ///
    /// Reads waits such as `42 seconds` or `1 hour, 2 minutes and 3 seconds`.
    /// Returns `None` for every other message, and for a wait in another form.
    ///
    /// # Example
    ///
    /// ```
    /// use std::time::Duration;
    /// use qualys_sem::ApiMessage;
    ///
    /// let message = ApiMessage::parse("This API cannot be run again for another 42 seconds.");
    /// assert_eq!(message.retry_after(), Some(Duration::from_secs(42)));
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiMessage::RateLimited { wait } => class::parse_wait(wait),
            _ => None,
        }
    }

    pub(crate) fn invalid_value(name: &str, value: &str, allowed: &[&str]) -> ApiMessage {
        ApiMessage::InvalidValue {
            name: name.to_owned(),
            value: value.to_owned(),
            allowed: allowed.iter().map(|item| (*item).to_owned()).collect(),
        }
    }

    pub(crate) fn invalid_range(name: &str, value: &str) -> ApiMessage {
        ApiMessage::InvalidRange {
            name: name.to_owned(),
            value: value.to_owned(),
        }
    }
}

impl std::str::FromStr for ApiMessage {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<ApiMessage, Self::Err> {
        Ok(ApiMessage::parse(text))
    }
}
