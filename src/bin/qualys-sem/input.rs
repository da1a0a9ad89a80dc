//! Opening the export to read.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use qualys_sem::Reader;

use crate::report::Failure;

/// Opens `file` for streaming, or standard input for `-` or no file.
///
/// When standard error is a terminal, reading shows its progress there: bytes read, of the
/// total when the size of a file is known. Otherwise nothing extra is printed.
pub fn open(file: Option<&Path>) -> Result<Reader<Box<dyn Read>>, Failure> {
    let (source, total): (Box<dyn Read>, Option<u64>) = match file {
        Some(path) if path.as_os_str() != "-" => {
            let file = File::open(path).map_err(|error| {
                Failure::Input(format!("cannot open {}: {error}", path.display()))
            })?;
            let total = file.metadata().ok().map(|metadata| metadata.len());
            (Box::new(file), total)
        }
        _ => (Box::new(io::stdin().lock()), None),
    };
    Ok(Reader::new(with_progress(source, total)))
}

fn with_progress(source: Box<dyn Read>, total: Option<u64>) -> Box<dyn Read> {
    if !io::stderr().is_terminal() {
        return source;
    }
    let bar = match total {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    Box::new(Finishing {
        inner: bar.wrap_read(source),
        bar,
    })
}

/// Clears the progress line once the input is read, so that it does not stay between the
/// error messages.
struct Finishing<R> {
    inner: R,
    bar: ProgressBar,
}

impl<R: Read> Read for Finishing<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buffer)?;
        if count == 0 {
            self.bar.finish_and_clear();
        }
        Ok(count)
    }
}
