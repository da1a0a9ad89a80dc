//! The `summary` subcommand.

use std::io::{self, Write};
use std::path::Path;

use qualys_sem::Summary;

use crate::input;
use crate::report::{Failure, Outcome};

/// Prints one JSON object with the page's counts.
///
/// A page with a bad value in some asset still gets its summary, with exit status 1. A page
/// that is cut off, malformed or not an export at all gets no summary, because its counts
/// would pass for a complete page.
pub fn summary(file: Option<&Path>) -> Result<Outcome, Failure> {
    let (mut reader, source) = input::open(file)?;
    let mut summary = Summary::default();
    let mut outcome = Outcome::Clean;

    while let Some(event) = reader.read_event() {
        match event {
            Ok(event) => summary.add(&event),
            Err(error) => {
                source.report(&error);
                if error.is_fatal() {
                    return Ok(Outcome::BadInput);
                }
                outcome = Outcome::BadInput;
            }
        }
    }

    let mut output = io::stdout().lock();
    serde_json::to_writer(&mut output, &summary)?;
    output.write_all(b"\n")?;
    output.flush()?;
    Ok(outcome)
}
