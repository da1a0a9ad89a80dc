//! The query parser and validator over arbitrary strings: it never
//! panics, and every query it accepts renders to a string that parses
//! back to the same query.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_sem::ApiMessage;
use qualys_sem::query::Query;

fuzz_target!(|raw: &str| {
    match Query::parse(raw) {
        Ok(query) => {
            let rendered = query.render();
            assert_eq!(
                Query::parse(&rendered),
                Ok(query.clone()),
                "rendered query {rendered:?} does not parse back"
            );
            assert_eq!(query.render(), rendered, "rendering is not stable");
        }
        Err(message) => {
            // Every message text reads back to a message with the same text.
            let text = message.to_string();
            assert_eq!(ApiMessage::parse(&text).to_string(), text);
        }
    }
});
