//! The reader's buffer: the bytes of the current records, kept as a string while they are
//! UTF-8 so that the parser takes values from it with no second check.

/// The buffered part of the input.
pub(super) struct Window {
    storage: Storage,
}

enum Storage {
    /// Every byte so far was UTF-8. `partial` contains the start of a character that the last
    /// read cut in two; it joins the text once the rest arrives.
    Text { text: String, partial: Vec<u8> },
    /// The input is not UTF-8 (or ended inside a character): plain bytes from here on, and
    /// the parser checks each value and reports where the invalid byte is.
    Bytes(Vec<u8>),
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

    /// Adds bytes read from the source.
    pub(super) fn append(&mut self, chunk: &[u8]) {
        let Storage::Text { text, partial } = &mut self.storage else {
            let Storage::Bytes(bytes) = &mut self.storage else {
                unreachable!("the storage is text or bytes");
            };
            bytes.extend_from_slice(chunk);
            return;
        };

        let joined;
        let data = if partial.is_empty() {
            chunk
        } else {
            let mut start = std::mem::take(partial);
            start.extend_from_slice(chunk);
            joined = start;
            &joined[..]
        };
        match std::str::from_utf8(data) {
            Ok(valid) => text.push_str(valid),
            // Only the last character is cut: keep its start for the next read.
            Err(error) if error.error_len().is_none() => {
                let valid = error.valid_up_to();
                text.push_str(std::str::from_utf8(&data[..valid]).expect("checked as UTF-8"));
                partial.extend_from_slice(&data[valid..]);
            }
            Err(_) => {
                let mut bytes = std::mem::take(text).into_bytes();
                bytes.extend_from_slice(data);
                self.storage = Storage::Bytes(bytes);
            }
        }
    }

    /// Marks the end of the input: a character still cut in two is invalid, so its bytes go
    /// to the parser as they are.
    pub(super) fn finish(&mut self) {
        if let Storage::Text { text, partial } = &mut self.storage
            && !partial.is_empty()
        {
            let mut bytes = std::mem::take(text).into_bytes();
            bytes.append(partial);
            self.storage = Storage::Bytes(bytes);
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_character_joins_later() {
        let mut window = Window::new();
        let word = "caf\u{e9}".as_bytes();
        window.append(&word[..4]);
        assert_eq!(window.text(), Some("caf"));
        assert_eq!(window.taken(), 4);
        window.append(&word[4..]);
        assert_eq!(window.text(), Some("caf\u{e9}"));
    }

    #[test]
    fn invalid_bytes_switch_to_bytes() {
        let mut window = Window::new();
        window.append(b"ok");
        window.append(b"\xff!");
        assert_eq!(window.text(), None);
        assert_eq!(window.bytes(), b"ok\xff!");
    }

    #[test]
    fn cut_character_at_end_is_kept() {
        let mut window = Window::new();
        window.append(b"a\xc3");
        window.finish();
        assert_eq!(window.bytes(), b"a\xc3");
        window.discard(1);
        assert_eq!(window.bytes(), b"\xc3");
    }
}
