//! The API message parser and the reply classifier over arbitrary bytes:
//! every text parses to a message that displays back byte for byte, and
//! classifying a body never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_sem::ApiMessage;
use qualys_sem::reply::classify;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let message = ApiMessage::parse(text);
        assert_eq!(message.to_string(), text, "parsed as {message:?}");

        // Reading its own text back must not change the message.
        assert_eq!(ApiMessage::parse(&message.to_string()), message);

        let _ = message.class();
        let _ = message.retry_after();
    }

    match classify(data) {
        Ok(export) => assert!(export.root_offset < data.len() as u64),
        Err(error) => {
            let _ = error.to_string();
            let _ = error.is_retryable();
        }
    }
});
