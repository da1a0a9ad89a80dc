//! Client helpers around a request: the gateway URL, authentication and
//! the rate limit headers. Nothing here opens a connection.

mod auth;
mod gateway;
mod ratelimit;

pub use auth::{AUTH_CONTENT_TYPE, AuthError, BearerToken, Credentials};
pub use gateway::{Gateway, GatewayError, Platform};
pub use ratelimit::{RateLimit, RateLimitError};
