//! The parsing core shared by the slice parser and the streaming reader.
//!
//! The core reads one record at a time (the prolog, the request echo, an asset's fields, one
//! detection, the warning) from a window of the input. Between records its state is owned
//! and small, so a record that the window cuts short is simply read again, from its start,
//! once the window has grown. The slice parser passes the whole input as one window; the
//! streaming reader passes its buffer.

mod asset;
mod children;
mod cursor;
mod detection;
mod document;
mod envelope;
mod extra;
mod fields;
mod member;
mod text;

pub(crate) use document::{Core, Step};
