//! Reader for Qualys Secure Enterprise Mobility (SEM) asset and detection exports.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
