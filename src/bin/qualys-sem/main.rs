//! `qualys-sem`: turns Qualys SEM exports into JSON lines or CSV, summarises them, checks
//! query strings and finds the next page.

mod check;
mod csv_row;
mod export;
mod generate;
mod input;
mod pages;
mod report;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Reads Qualys Secure Enterprise Mobility (SEM) asset and detection exports.
#[derive(Parser)]
#[command(name = "qualys-sem", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON object per asset, detections included, in document order.
    Assets {
        /// The export to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Print one row per detection, with its asset's fields.
    ///
    /// Rows are printed as they are read, so an asset that turns out to have a bad value may
    /// have rows before its error message; `assets` and `summary` leave such an asset out.
    Detections {
        /// The export to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Output format: `ndjson` prints `{"asset": {...}, "detection": {...}}` lines, `csv` a
        /// header and flat columns.
        #[arg(long, value_enum, default_value_t = Format::Ndjson)]
        format: Format,
    },
    /// Print one JSON object with the page's counts, warning and next `id_min`.
    Summary {
        /// The export to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Report every place where an export departs from the format's DTD, as FILE:LINE:COLUMN.
    Check {
        /// The export to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Write a synthetic export: the same seed gives the same bytes.
    #[command(group(clap::ArgGroup::new("amount").required(true).args(["assets", "size"])))]
    Generate {
        /// Seed of the random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Number of assets to write.
        #[arg(long)]
        assets: Option<u64>,
        /// Approximate size to write, such as 100MB or 1GiB; the document's end follows.
        #[arg(long, value_parser = generate::parse_size)]
        size: Option<u64>,
        /// File to write; standard output when absent or `-`.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write only elements the DTD declares, so that `check` finds nothing.
        #[arg(long)]
        no_unknown_elements: bool,
    },
    /// Validate a query string for /sem/v1/assetList and print it in canonical form.
    Query {
        /// The query string, such as `action=list&truncation_limit=100`.
        query: String,
    },
    /// Print the URL of the page after this one, or nothing when this page is the last.
    NextPage {
        /// The export to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
}

/// Output format of the `detections` subcommand.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// JSON lines.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Assets { file } => export::assets(file.as_deref()),
        Command::Detections {
            file,
            format: Format::Ndjson,
        } => export::detections_ndjson(file.as_deref()),
        Command::Detections {
            file,
            format: Format::Csv,
        } => export::detections_csv(file.as_deref()),
        Command::Summary { file } => summary::summary(file.as_deref()),
        Command::Check { file } => check::check(file.as_deref()),
        Command::Generate {
            seed,
            assets,
            size,
            output,
            no_unknown_elements,
        } => {
            let target = match (assets, size) {
                (Some(count), _) => qualys_sem::Target::Assets(count),
                (None, bytes) => qualys_sem::Target::Bytes(bytes.unwrap_or_default()),
            };
            generate::generate(seed, target, !no_unknown_elements, output.as_deref())
        }
        Command::Query { query } => pages::query(&query),
        Command::NextPage { file } => pages::next_page(file.as_deref()),
    };
    report::exit_code(outcome)
}
