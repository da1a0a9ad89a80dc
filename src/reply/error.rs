//! The error a reply body turns into when it is not export data.

use super::generic_return::GenericReturn;
use super::html::HtmlPage;
use super::json::JsonBody;
use super::simple_return::SimpleReturn;

/// A reply body that is not an asset detection export.
///
/// The envelope contents are boxed so that a `Result` carrying this error
/// stays small on the success path.
///
/// Each kind reports whether the same request may succeed later
/// ([`is_retryable`](Self::is_retryable)). None of them is ever an export
/// with zero assets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplyError {
    /// The API's `SIMPLE_RETURN` message.
    #[error("the API returned an error{}: {}", code_suffix(.0.code.as_deref()), .0.text)]
    Api(Box<SimpleReturn>),
    /// The API's `GENERIC_RETURN` envelope, such as its internal error 999.
    #[error("the API returned an error{}: {}{}",
        generic_suffix(.0.status.as_deref(), .0.number.as_deref()),
        .0.message,
        signature_suffix(.0.incident_signature.as_deref()))]
    Generic(Box<GenericReturn>),
    /// An HTML page, sent by a proxy or during maintenance.
    #[error("the reply is an HTML page, not XML{}", html_suffix(.0.summary()))]
    Html(Box<HtmlPage>),
    /// A JSON body, sent by the gateway when authentication fails.
    #[error("the reply is a JSON error{}: {}", code_suffix(.0.code()), .0.summary())]
    Json(Box<JsonBody>),
    /// An empty body, or one of whitespace only.
    #[error("{}", empty_message(*.len))]
    Empty {
        /// Length of the body in bytes.
        len: usize,
    },
    /// XML whose root element is neither the export nor a known error envelope.
    #[error("unexpected root element {name}: expected ASSET_LIST_VM_DETECTION_OUTPUT")]
    UnexpectedRoot {
        /// The root element's name.
        name: String,
    },
    /// A body that starts like XML but breaks before its root element.
    #[error(
        "the reply is not well-formed XML before its root element, at byte {offset}: {message}"
    )]
    Malformed {
        /// Message of the XML reader.
        message: String,
        /// Byte offset of the error.
        offset: u64,
    },
    /// A body that is neither XML, HTML nor JSON, such as a plain text message.
    #[error("the reply is not XML: {preview:?}")]
    NotXml {
        /// The first characters of the body, whitespace collapsed.
        preview: String,
    },
}

impl ReplyError {
    /// Tells whether sending the same request again may succeed.
    ///
    /// True for rate and concurrency limits and for the API's internal
    /// error, in either envelope. True for HTML pages, because proxies and
    /// maintenance windows pass. True for empty bodies and for XML that
    /// breaks before its root, because a dropped connection leaves both.
    /// True for JSON bodies with a 429 or 5xx status. False for the rest: a request the API
    /// rejects, an authentication failure, an unexpected root element or
    /// a body nothing here recognises will fail the same way again.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::reply::classify;
    ///
    /// assert!(classify(b"  \n").unwrap_err().is_retryable());
    /// assert!(!classify(b"<OTHER/>").unwrap_err().is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        match self {
            ReplyError::Api(reply) => reply.is_retryable(),
            ReplyError::Generic(reply) => reply.is_retryable(),
            ReplyError::Json(body) => body.is_retryable(),
            ReplyError::Html(_) | ReplyError::Empty { .. } | ReplyError::Malformed { .. } => true,
            ReplyError::UnexpectedRoot { .. } | ReplyError::NotXml { .. } => false,
        }
    }
}

fn code_suffix(code: Option<&str>) -> String {
    code.map(|code| format!(" (code {code})"))
        .unwrap_or_default()
}

fn generic_suffix(status: Option<&str>, number: Option<&str>) -> String {
    match (status, number) {
        (Some(status), Some(number)) => format!(" (status {status}, number {number})"),
        (Some(status), None) => format!(" (status {status})"),
        (None, Some(number)) => format!(" (number {number})"),
        (None, None) => String::new(),
    }
}

fn empty_message(len: usize) -> String {
    if len == 0 {
        "the reply body is empty".to_owned()
    } else {
        format!("the reply body is empty: its {len} bytes are all whitespace")
    }
}

fn signature_suffix(signature: Option<&str>) -> String {
    signature
        .map(|signature| format!(" (incident signature {signature})"))
        .unwrap_or_default()
}

/// Quotes an HTML page's title or first heading, or says that it has neither.
fn html_suffix(summary: Option<&str>) -> String {
    match summary {
        Some(summary) => format!(": {summary:?}"),
        None => ", with no title or heading".to_owned(),
    }
}
