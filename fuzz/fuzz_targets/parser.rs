//! The borrowed event parser over arbitrary bytes: draining every event
//! must neither panic nor run on forever.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_sem::Parser;

fuzz_target!(|data: &[u8]| {
    let mut parser = Parser::new(data);
    let mut items = 0usize;
    for item in parser.by_ref() {
        items += 1;

        // Every event or error consumes at least one byte of markup, so more
        // items than bytes means the parser is stuck in a loop.
        assert!(items <= data.len() + 2, "parser yields without end");

        if let Err(error) = item {
            assert!(
                error.position().offset <= data.len() as u64,
                "error offset {} past the end of a {}-byte input",
                error.position().offset,
                data.len()
            );
            let _ = error.to_string();
        }
    }

    // A finished parser stays finished.
    assert!(parser.next().is_none(), "parser yields after its end");
});
