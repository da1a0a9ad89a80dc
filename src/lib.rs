//! Reader for Qualys Secure Enterprise Mobility (SEM) asset and detection exports.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod check;
pub mod dtd;
pub mod reply;
