//! Opening the export to read.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use qualys_sem::Reader;

use crate::report::Failure;

/// Opens `file` for streaming, or standard input for `-` or no file.
pub fn open(file: Option<&Path>) -> Result<Reader<Box<dyn Read>>, Failure> {
    let source: Box<dyn Read> = match file {
        None => Box::new(io::stdin().lock()),
        Some(path) if path.as_os_str() == "-" => Box::new(io::stdin().lock()),
        Some(path) => {
            let file = File::open(path).map_err(|error| {
                Failure::Input(format!("cannot open {}: {error}", path.display()))
            })?;
            Box::new(file)
        }
    };
    Ok(Reader::new(source))
}
