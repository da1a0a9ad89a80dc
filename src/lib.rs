//! Reader for Qualys Secure Enterprise Mobility (SEM) asset and detection exports.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod client;
mod message;
pub mod query;

pub use client::{
    AUTH_CONTENT_TYPE, AuthError, BearerToken, Credentials, Gateway, GatewayError, Platform,
    RateLimit, RateLimitError,
};
pub use message::{ApiMessage, MessageClass};
