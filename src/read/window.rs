//! The reader's buffer: the bytes of the current records, read from the source straight into
//! it and kept as a string while they are UTF-8, so that the parser takes values from it with
//! no second check.

use std::io::{self, Read};

/// The buffered part of the input.
pub(super) struct Window {
    storage: Storage,
}

enum Storage {
    /// Every byte so far was UTF-8. `partial` contains the start of a character that a failed
    /// read cut in two; it joins the text once the rest arrives.
    Text { text: String, partial: Vec<u8> },
    /// The input is not UTF-8 (or ended inside a character): plain bytes from here on, and
    /// the parser checks each value and reports where the invalid byte is.
    Bytes(Vec<u8>),
}

/// How much one [`Window::read_from`] reads.
#[derive(Clone, Copy)]
pub(super) struct Plan<'a> {
    /// Read at least this many bytes, unless the source ends first.
    pub(super) at_least: usize,
    /// Then read on, as many bytes again each time, until these bytes are in the window...
    pub(super) until: Option<&'a [u8]>,
    /// ...or the window contains more than this many bytes.
    pub(super) max_window: usize,
}

/// The outcome of one [`Window::read_from`].
pub(super) struct Filled {
    /// How many bytes joined the window.
    pub(super) count: usize,
    /// The source reported its end.
    pub(super) at_eof: bool,
    /// The source failed after the bytes counted above.
    pub(super) error: Option<io::Error>,
}

impl Filled {
    /// Records the result of one read of up to `limit` bytes: fewer means the source ended.
    fn note(&mut self, result: io::Result<usize>, limit: usize) {
        match result {
            Ok(got) if got < limit => self.at_eof = true,
            Ok(_) => {}
            Err(error) => self.error = Some(error),
        }
    }

    /// Tells whether the source neither ended nor failed so far.
    fn may_read_on(&self) -> bool {
        !self.at_eof && self.error.is_none()
    }
}

impl Window {
    pub(super) fn new() -> Window {
        Window {
            storage: Storage::Text {
                text: String::new(),
                partial: Vec::new(),
            },
        }
    }

    /// Returns the bytes the parser may read.
    pub(super) fn bytes(&self) -> &[u8] {
        match &self.storage {
            Storage::Text { text, .. } => text.as_bytes(),
            Storage::Bytes(bytes) => bytes,
        }
    }

    /// Returns the same bytes as a string, while the input is UTF-8.
    pub(super) fn text(&self) -> Option<&str> {
        match &self.storage {
            Storage::Text { text, .. } => Some(text),
            Storage::Bytes(_) => None,
        }
    }

    /// Returns how many bytes were taken from the source and not discarded, including the
    /// start of a cut character that [`Window::bytes`] does not show yet.
    pub(super) fn taken(&self) -> usize {
        match &self.storage {
            Storage::Text { text, partial } => text.len() + partial.len(),
            Storage::Bytes(bytes) => bytes.len(),
        }
    }

    /// Reads from `source` into the end of the window as much as `plan` sets, and on to the
    /// end of the last character if the read cut one in two.
    ///
    /// The bytes go from the source straight into the window's own buffer, and they are
    /// checked as UTF-8 once, at the end, together with the unread rest of the last fill.
    pub(super) fn read_from<R: Read>(&mut self, source: &mut R, plan: Plan<'_>) -> Filled {
        let mut bytes = self.take_bytes();
        let before = bytes.len();
        let mut filled = Filled {
            count: 0,
            at_eof: false,
            error: None,
        };

        let limit = plan.at_least.max(1);
        let mut searched = 0;
        loop {
            filled.note(read_up_to(source, &mut bytes, limit), limit);
            if !filled.may_read_on() {
                break;
            }
            let Some(marker) = plan.until else {
                break;
            };
            let found = memchr::memmem::find(&bytes[searched..], marker).is_some();
            if found || bytes.len() > plan.max_window {
                break;
            }
            searched = bytes.len().saturating_sub(marker.len() - 1);
        }

        // Completing the character here spares checking the whole window twice.
        while filled.may_read_on() {
            let missing = missing_continuation(&bytes[before..]);
            if missing == 0 {
                break;
            }
            filled.note(read_up_to(source, &mut bytes, missing), missing);
        }
        filled.count = bytes.len() - before;

        self.store(bytes);
        if filled.at_eof {
            self.finish();
        }
        filled
    }

    /// Drops the first `count` bytes, which the parser is done with.
    pub(super) fn discard(&mut self, count: usize) {
        match &mut self.storage {
            Storage::Text { text, .. } if text.is_char_boundary(count) => {
                text.drain(..count);
            }
            Storage::Text { text, partial } => {
                // The parser only stops between characters; should it not, keep the bytes.
                let mut bytes = std::mem::take(text).into_bytes();
                bytes.append(partial);
                bytes.drain(..count);
                self.storage = Storage::Bytes(bytes);
            }
            Storage::Bytes(bytes) => {
                bytes.drain(..count);
            }
        }
    }

    /// Takes every byte out of the window, the start of a cut character included.
    fn take_bytes(&mut self) -> Vec<u8> {
        match &mut self.storage {
            Storage::Text { text, partial } => {
                let mut bytes = std::mem::take(text).into_bytes();
                bytes.append(partial);
                bytes
            }
            Storage::Bytes(bytes) => std::mem::take(bytes),
        }
    }

    /// Puts the bytes back, as text while they are still UTF-8.
    fn store(&mut self, bytes: Vec<u8>) {
        if let Storage::Bytes(kept) = &mut self.storage {
            *kept = bytes;
            return;
        }
        self.storage = match String::from_utf8(bytes) {
            Ok(text) => Storage::Text {
                text,
                partial: Vec::new(),
            },
            // Only the last character is cut, because the source failed inside it: keep its
            // start for the next read.
            Err(error) if error.utf8_error().error_len().is_none() => {
                let valid = error.utf8_error().valid_up_to();
                let mut bytes = error.into_bytes();
                let partial = bytes.split_off(valid);
                let text = String::from_utf8(bytes).expect("checked as UTF-8 up to here");
                Storage::Text { text, partial }
            }
            Err(error) => Storage::Bytes(error.into_bytes()),
        };
    }

    /// Marks the end of the input: a character still cut in two is invalid, so its bytes go
    /// to the parser as they are.
    fn finish(&mut self) {
        if let Storage::Text { partial, .. } = &self.storage
            && !partial.is_empty()
        {
            let bytes = self.take_bytes();
            self.storage = Storage::Bytes(bytes);
        }
    }
}

/// Appends up to `limit` bytes from `source` to `bytes`, fewer only at the end of the source,
/// and returns how many came. On a failure the bytes that came before it stay.
fn read_up_to<R: Read>(source: &mut R, bytes: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    let start = bytes.len();
    bytes.reserve(limit);
    // `read_to_end` reads into the spare capacity without clearing it first, and retries
    // reads that were interrupted.
    let result = source.by_ref().take(limit as u64).read_to_end(bytes);
    result.map(|_| bytes.len() - start)
}

/// Returns how many bytes the last character of `bytes` still lacks, or 0 when it is whole
/// (or not UTF-8 at all, which the check finds later).
fn missing_continuation(bytes: &[u8]) -> usize {
    for (back, &byte) in bytes.iter().rev().take(4).enumerate() {
        let length: usize = match byte {
            0x80..=0xBF => continue,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return length.saturating_sub(back + 1);
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that hands out its bytes in the given pieces, then fails or ends.
    struct Pieces {
        pieces: Vec<&'static [u8]>,
        fail_at_end: bool,
    }

    impl Read for Pieces {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            let Some(piece) = self.pieces.first_mut() else {
                return match self.fail_at_end {
                    true => Err(io::Error::other("connection reset")),
                    false => Ok(0),
                };
            };
            let count = piece.len().min(buffer.len());
            buffer[..count].copy_from_slice(&piece[..count]);
            *piece = &piece[count..];
            if piece.is_empty() {
                self.pieces.remove(0);
            }
            Ok(count)
        }
    }

    fn plan(at_least: usize) -> Plan<'static> {
        Plan {
            at_least,
            until: None,
            max_window: usize::MAX,
        }
    }

    fn pieces(pieces: &[&'static [u8]], fail_at_end: bool) -> Pieces {
        Pieces {
            pieces: pieces.to_vec(),
            fail_at_end,
        }
    }

    #[test]
    fn read_completes_cut_character() {
        let mut window = Window::new();
        let mut source = pieces(&["caf\u{e9}!".as_bytes()], false);
        let filled = window.read_from(&mut source, plan(4));
        assert_eq!(filled.count, 5);
        assert!(!filled.at_eof);
        assert_eq!(window.text(), Some("caf\u{e9}"));
    }

    #[test]
    fn failed_read_keeps_partial_character() {
        let mut window = Window::new();
        let mut source = pieces(&[b"caf\xc3"], true);
        let filled = window.read_from(&mut source, plan(4));
        assert_eq!(filled.count, 4);
        assert!(filled.error.is_some());
        assert_eq!(window.text(), Some("caf"));
        assert_eq!(window.taken(), 4);

        let mut rest = pieces(&[b"\xa9"], false);
        let filled = window.read_from(&mut rest, plan(4));
        assert!(filled.at_eof);
        assert_eq!(window.text(), Some("caf\u{e9}"));
    }

    #[test]
    fn invalid_bytes_switch_to_bytes() {
        let mut window = Window::new();
        window.read_from(&mut pieces(&[b"ok"], false), plan(2));
        window.read_from(&mut pieces(&[b"\xff!"], false), plan(2));
        assert_eq!(window.text(), None);
        assert_eq!(window.bytes(), b"ok\xff!");
    }

    #[test]
    fn cut_character_at_end_stays_bytes() {
        let mut window = Window::new();
        let filled = window.read_from(&mut pieces(&[b"a\xc3"], false), plan(8));
        assert!(filled.at_eof);
        assert_eq!(window.bytes(), b"a\xc3");
        window.discard(1);
        assert_eq!(window.bytes(), b"\xc3");
    }

    #[test]
    fn reads_on_until_the_marker() {
        let mut window = Window::new();
        let mut source = pieces(&[b"0123456789<END>abcdefghijklmnopqrstuvwxyz"], false);
        let plan = Plan {
            until: Some(b"<END>"),
            ..plan(4)
        };
        let filled = window.read_from(&mut source, plan);
        // Four bytes at a time, until the marker is in.
        assert_eq!(filled.count, 16);
        assert_eq!(window.text(), Some("0123456789<END>a"));
    }

    #[test]
    fn stops_reading_on_past_the_window_limit() {
        let mut window = Window::new();
        let mut source = pieces(&[b"0123456789abcdefghijklmnopqrstuvwxyz"], false);
        let plan = Plan {
            until: Some(b"<END>"),
            max_window: 6,
            ..plan(4)
        };
        let filled = window.read_from(&mut source, plan);
        assert_eq!(filled.count, 8);
        assert!(!filled.at_eof);
    }

    #[test]
    fn missing_continuation_counts_from_the_lead_byte() {
        assert_eq!(missing_continuation(b"abc"), 0);
        assert_eq!(missing_continuation(b"a\xe2"), 2);
        assert_eq!(missing_continuation(b"a\xe2\x82"), 1);
        assert_eq!(missing_continuation("a\u{20ac}".as_bytes()), 0);
        assert_eq!(missing_continuation(b"\xf0\x9f\x98"), 1);
        assert_eq!(missing_continuation(b"\x80\x80\x80\x80"), 0);
        assert_eq!(missing_continuation(b""), 0);
    }
}
