//! The `check` subcommand.

use std::io::{self, BufReader, BufWriter, Write};
use std::path::Path;

use qualys_sem::check::check as check_document;

use crate::report::{Failure, Outcome};

/// Prints every place where the export departs from its DTD, one per line as
/// `FILE:LINE:COLUMN: message [path]`. Clean means exit status 0; any finding means 1.
pub fn check(file: Option<&Path>) -> Result<Outcome, Failure> {
    let (name, report) = match file {
        Some(path) if path.as_os_str() != "-" => {
            let (source, _) = crate::input::open_file(path)?;
            let report = check_document(BufReader::new(source));
            (path.display().to_string(), report)
        }
        _ => ("<stdin>".to_owned(), check_document(io::stdin().lock())),
    };
    let report = report.map_err(|error| Failure::Input(format!("cannot read {name}: {error}")))?;

    let mut output = BufWriter::new(io::stdout().lock());
    for finding in report.findings() {
        writeln!(output, "{name}:{finding}")?;
    }
    if report.omitted() > 0 {
        writeln!(
            output,
            "{name}: {} more findings not shown",
            report.omitted()
        )?;
    }
    output.flush()?;
    Ok(if report.is_clean() {
        Outcome::Clean
    } else {
        Outcome::BadInput
    })
}
