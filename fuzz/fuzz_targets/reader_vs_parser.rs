//! The streaming reader against the slice parser: fed the same bytes in
//! arbitrary chunks, the reader must give the same events and the same
//! errors as the parser that gets the whole input at once.
//!
//! Input layout: the document, then a plan of `PLAN_BYTES` bytes that says
//! how to cut it. Appending that many zero bytes to a document gives a
//! valid input that reads it one byte at a time, parsing after each.
#![no_main]

use std::io::{self, Read};

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use qualys_sem::{Parser, Reader};

const PLAN_BYTES: usize = 8;

#[derive(Debug, Arbitrary)]
struct Plan {
    /// How many bytes the reader gathers before it parses, less one: where
    /// its windows end inside the document.
    read_size: u16,
    /// Makes every other read fail with `Interrupted`, which the reader
    /// must retry.
    interrupt: bool,
    /// Sizes of the reads, used in turn. Each size is one more than its byte.
    chunks: Vec<u8>,
}

/// A source that hands out its bytes in the planned chunk sizes.
struct Chunked<'a> {
    rest: &'a [u8],
    chunks: &'a [u8],
    turn: usize,
    interrupt: bool,
    interrupted: bool,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.interrupt {
            self.interrupted = !self.interrupted;
            if self.interrupted {
                return Err(io::ErrorKind::Interrupted.into());
            }
        }

        let chunk = match self.chunks {
            [] => usize::MAX,
            chunks => usize::from(chunks[self.turn % chunks.len()]) + 1,
        };
        self.turn += 1;

        let count = chunk.min(buf.len()).min(self.rest.len());
        let (head, tail) = self.rest.split_at(count);
        buf[..count].copy_from_slice(head);
        self.rest = tail;
        Ok(count)
    }
}

/// Describes one item so that items of both parsers compare as text.
fn describe<E: std::fmt::Debug>(item: Result<E, qualys_sem::Error>) -> String {
    match item {
        Ok(event) => format!("{event:?}"),
        Err(error) => format!("error: {error}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let (document, plan) = data.split_at(data.len().saturating_sub(PLAN_BYTES));
    let Ok(plan) = Plan::arbitrary_take_rest(Unstructured::new(plan)) else {
        return;
    };
    let input = document;

    // Every item consumes some input, so more items than bytes means a loop.
    let max_items = input.len() + 2;

    let expected: Vec<String> = Parser::new(input)
        .take(max_items + 1)
        .map(|item| describe(item.map(|event| event.into_owned())))
        .collect();

    let mut reader = Reader::new(Chunked {
        rest: input,
        chunks: &plan.chunks,
        turn: 0,
        interrupt: plan.interrupt,
        interrupted: false,
    })
    .with_read_size(usize::from(plan.read_size) + 1);
    let mut actual = Vec::new();
    while let Some(item) = reader.read_event() {
        actual.push(describe(item.map(|event| event.into_owned())));
        if actual.len() > max_items {
            break;
        }
    }

    assert!(expected.len() <= max_items, "parser yields without end");
    assert!(actual.len() <= max_items, "reader yields without end");
    assert_eq!(actual, expected, "reader and parser disagree");
    assert!(reader.read_event().is_none(), "reader yields after its end");
});
