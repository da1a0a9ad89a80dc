//! The `assets` and `detections` subcommands.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use qualys_sem::{AssetHeader, Detection, Event};
use serde::Serialize;

use crate::csv_row;
use crate::input;
use crate::report::{Failure, Outcome};

/// Prints one JSON asset per line.
pub fn assets(file: Option<&Path>) -> Result<Outcome, Failure> {
    let mut output = BufWriter::new(io::stdout().lock());
    let mut outcome = Outcome::Clean;

    let (reader, source) = input::open(file)?;
    for asset in reader.assets() {
        match asset {
            Ok(asset) => {
                serde_json::to_writer(&mut output, &asset)?;
                output.write_all(b"\n")?;
            }
            Err(error) => {
                // Every complete asset before the error is written out first.
                output.flush()?;
                source.report(&error);
                outcome = Outcome::BadInput;
            }
        }
    }
    output.flush()?;
    Ok(outcome)
}

/// One NDJSON row of `detections`.
#[derive(Serialize)]
struct DetectionRow<'r> {
    asset: &'r AssetHeader<'r>,
    detection: &'r Detection<'r>,
}

/// Prints one `{"asset": ..., "detection": ...}` line per detection.
pub fn detections_ndjson(file: Option<&Path>) -> Result<Outcome, Failure> {
    let mut output = BufWriter::new(io::stdout().lock());
    for_each_detection(file, &mut output, |output, asset, detection| {
        serde_json::to_writer(&mut *output, &DetectionRow { asset, detection })?;
        output.write_all(b"\n")?;
        Ok(())
    })
}

/// Prints a CSV header and one row per detection.
pub fn detections_csv(file: Option<&Path>) -> Result<Outcome, Failure> {
    let mut output = csv::Writer::from_writer(BufWriter::new(io::stdout().lock()));
    output.write_record(csv_row::HEADER)?;
    let mut row = Vec::new();
    let outcome = for_each_detection(file, &mut output, |output, asset, detection| {
        csv_row::fill(&mut row, asset, detection)?;
        output.write_record(&row)?;
        Ok(())
    })?;
    output.flush()?;
    Ok(outcome)
}

/// Calls `write` for every detection with its asset's fields, and reports bad input on
/// standard error after flushing what was written before it.
fn for_each_detection<W: Flush>(
    file: Option<&Path>,
    output: &mut W,
    mut write: impl FnMut(&mut W, &AssetHeader<'_>, &Detection<'_>) -> Result<(), Failure>,
) -> Result<Outcome, Failure> {
    let (mut reader, source) = input::open(file)?;
    let mut asset: Option<AssetHeader<'static>> = None;
    let mut outcome = Outcome::Clean;

    while let Some(event) = reader.read_event() {
        match event {
            Ok(Event::Asset(header)) => asset = Some(header.into_owned()),
            Ok(Event::Detection(detection)) => {
                if let Some(asset) = &asset {
                    write(output, asset, &detection)?;
                }
            }
            Ok(_) => {}
            Err(error) => {
                output.flush_output()?;
                source.report(&error);
                outcome = Outcome::BadInput;
            }
        }
    }
    output.flush_output()?;
    Ok(outcome)
}

/// An output that can be flushed before an error message, so that the message follows the
/// rows that were read before it.
trait Flush {
    fn flush_output(&mut self) -> io::Result<()>;
}

impl<W: Write> Flush for BufWriter<W> {
    fn flush_output(&mut self) -> io::Result<()> {
        self.flush()
    }
}

impl<W: Write> Flush for csv::Writer<W> {
    fn flush_output(&mut self) -> io::Result<()> {
        self.flush()
    }
}
