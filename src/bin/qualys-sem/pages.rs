//! The `query` and `next-page` subcommands.

use std::path::Path;

use qualys_sem::Event;
use qualys_sem::query::{Query, next_page as next_page_after};

use crate::input;
use crate::report::{Failure, Outcome};

/// Prints the canonical form of a valid query; otherwise the API's own message.
pub fn query(raw: &str) -> Result<Outcome, Failure> {
    match Query::parse(raw) {
        Ok(query) => {
            println!("{}", query.render());
            Ok(Outcome::Clean)
        }
        Err(message) => Err(Failure::Input(message.to_string())),
    }
}

/// Prints the next page's URL, read from the page's `WARNING`, or nothing on the last page.
///
/// The whole page is read first, because a next page is only safe to ask for when this one
/// was complete and its cursor moves past every asset on it.
pub fn next_page(file: Option<&Path>) -> Result<Outcome, Failure> {
    let (mut reader, source) = input::open(file)?;
    let mut url = None;
    let mut highest_id = None;
    let mut outcome = Outcome::Clean;

    while let Some(event) = reader.read_event() {
        match event {
            Ok(Event::Asset(header)) => highest_id = highest_id.max(Some(header.id)),
            Ok(Event::Warning(warning)) => url = warning.url.map(|url| url.into_owned()),
            Ok(_) => {}
            Err(error) => {
                source.report(&error);
                outcome = Outcome::BadInput;
            }
        }
    }
    if let Outcome::BadInput = outcome {
        return Err(Failure::Input(
            "the page is incomplete or invalid, so its next page is not printed".to_owned(),
        ));
    }

    let Some(url) = url else {
        return Ok(Outcome::Clean);
    };
    match next_page_after(&url, highest_id.unwrap_or(0)) {
        Ok(page) => {
            println!("{}", page.url());
            Ok(Outcome::Clean)
        }
        Err(error) => Err(Failure::Input(error.to_string())),
    }
}
