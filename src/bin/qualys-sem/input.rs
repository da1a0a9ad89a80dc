//! Opening the export to read.

use std::fmt::Display;
use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use qualys_sem::Reader;

use crate::report::{Failure, input_error};

/// The origin of the export, which error messages name.
pub struct Source {
    /// The file's path as given, or `None` for standard input.
    path: Option<String>,
}

impl Source {
    /// Prints an error about the input on standard error, after the file's path when the
    /// input is a file.
    pub fn report(&self, error: &impl Display) {
        match &self.path {
            Some(path) => input_error(format_args!("{path}: {error}")),
            None => input_error(error),
        }
    }
}

/// Opens `file` for streaming, or standard input for `-` or no file.
///
/// When standard error is a terminal, reading shows its progress there: bytes read, of the
/// total when the size of a file is known. Otherwise nothing extra is printed.
pub fn open(file: Option<&Path>) -> Result<(Reader<Box<dyn Read>>, Source), Failure> {
    let (reader, total, path): (Box<dyn Read>, Option<u64>, Option<String>) = match file {
        Some(path) if path.as_os_str() != "-" => {
            let (file, size) = open_file(path)?;
            (Box::new(file), Some(size), Some(path.display().to_string()))
        }
        _ => (Box::new(io::stdin().lock()), None, None),
    };
    Ok((Reader::new(with_progress(reader, total)), Source { path }))
}

/// Opens the file at `path` and returns it with its size, failing with the path in the
/// message when it cannot be read as a file, a directory included.
pub fn open_file(path: &Path) -> Result<(File, u64), Failure> {
    let fail = |reason: String| Failure::Input(format!("cannot open {}: {reason}", path.display()));
    let file = File::open(path).map_err(|error| fail(error.to_string()))?;
    let metadata = file.metadata().map_err(|error| fail(error.to_string()))?;
    if metadata.is_dir() {
        return Err(fail("it is a directory, not a file".to_owned()));
    }
    Ok((file, metadata.len()))
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
