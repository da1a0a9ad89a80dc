//! Line, column and byte offset of a place in the document, and the reader
//! adapter that keeps track of them while the document streams by.

use std::fmt;
use std::io::{self, BufRead, Read};

/// A place in the document.
///
/// `line` and `column` start at 1. The column counts Unicode characters,
/// and a line ends at each line feed (a lone carriage return does not end
/// a line). `offset` counts bytes from the start of the input, starting at 0
/// and including any byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line number, from 1.
    pub line: u64,
    /// Column number in characters, from 1.
    pub column: u64,
    /// Byte offset from the start of the input, from 0.
    pub offset: u64,
}

impl Default for Position {
    fn default() -> Self {
        Position {
            line: 1,
            column: 1,
            offset: 0,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl Position {
    /// Returns the position just after `bytes`, which start at `self`.
    pub(crate) fn advanced(mut self, bytes: &[u8]) -> Position {
        let counted = if self.offset == 0 {
            bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
        } else {
            bytes
        };
        self.offset += bytes.len() as u64;
        match memchr::memrchr(b'\n', counted) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', counted).count() as u64;
                self.column = 1 + count_chars(&counted[last + 1..]);
            }
            None => self.column += count_chars(counted),
        }
        self
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Counts the characters of UTF-8 text by counting the bytes that start one.
fn count_chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// After an event this large, the copy of its bytes gives its memory back.
const WINDOW_KEEP: usize = 1 << 20;

/// A buffered reader that copies the bytes of the current event aside.
///
/// quick-xml reports where an event ends but hands out its content without
/// the markup around it. Keeping the raw bytes of the event in progress
/// (the "window") lets the checker place every finding exactly, and scan
/// every byte of the document for characters outside XML's `Char`
/// production, whatever kind of event carries them.
pub(crate) struct Tracker<R> {
    inner: R,
    buffer: Box<[u8]>,
    pos: usize,
    filled: usize,
    window: Vec<u8>,
    window_start: Position,
}

impl<R: Read> Tracker<R> {
    pub(crate) fn new(inner: R) -> Self {
        Tracker {
            inner,
            buffer: vec![0; 16 * 1024].into_boxed_slice(),
            pos: 0,
            filled: 0,
            window: Vec::new(),
            window_start: Position::default(),
        }
    }

    /// Starts a new window at the current read position.
    pub(crate) fn mark(&mut self) {
        self.window_start = self.window_start.advanced(&self.window);
        self.window.clear();
        if self.window.capacity() > WINDOW_KEEP {
            self.window.shrink_to(WINDOW_KEEP / 16);
        }
    }

    /// Bytes consumed since the last [`mark`](Self::mark).
    pub(crate) fn window(&self) -> &[u8] {
        &self.window
    }

    /// Position of the first byte of the window.
    pub(crate) fn window_start(&self) -> Position {
        self.window_start
    }

    /// Position of the window byte at `index`, clamped to the window's end.
    pub(crate) fn position_at(&self, index: usize) -> Position {
        let index = index.min(self.window.len());
        self.window_start.advanced(&self.window[..index])
    }
}

impl<R: Read> Read for Tracker<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let len = available.len().min(out.len());
        out[..len].copy_from_slice(&available[..len]);
        self.consume(len);
        Ok(len)
    }
}

impl<R: Read> BufRead for Tracker<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.filled = loop {
                match self.inner.read(&mut self.buffer) {
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                    result => break result?,
                }
            };
            self.pos = 0;
        }
        Ok(&self.buffer[self.pos..self.filled])
    }

    fn consume(&mut self, amount: usize) {
        let end = (self.pos + amount).min(self.filled);
        self.window.extend_from_slice(&self.buffer[self.pos..end]);
        self.pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_counts_lines_and_characters() {
        let start = Position::default();
        assert_eq!(
            start.advanced(b"ab"),
            Position {
                line: 1,
                column: 3,
                offset: 2
            }
        );
        assert_eq!(
            start.advanced("a\nb\u{e9}c".as_bytes()),
            Position {
                line: 2,
                column: 4,
                offset: 6
            }
        );
    }

    #[test]
    fn byte_order_mark_has_no_column() {
        let after = Position::default().advanced(b"\xEF\xBB\xBF<");
        assert_eq!((after.line, after.column, after.offset), (1, 2, 4));
    }

    #[test]
    fn tracker_windows_follow_consumption() {
        let mut tracker = Tracker::new(&b"<a>\n<b/>"[..]);
        let mut first = [0; 4];
        tracker.read_exact(&mut first).unwrap();
        assert_eq!(tracker.window(), b"<a>\n");
        tracker.mark();
        assert_eq!(tracker.window_start().line, 2);
        let mut rest = Vec::new();
        tracker.read_to_end(&mut rest).unwrap();
        assert_eq!(tracker.window(), b"<b/>");
        assert_eq!(tracker.position_at(2).column, 3);
    }
}
