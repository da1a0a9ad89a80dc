//! One pass of one measured path over a file, for instruction counts and peak memory.
//!
//! `one_pass PATH FILE` runs `PATH` (a name from `common::PATHS`, `none` to read the file
//! and nothing else, or `reader_file` to stream the file through the reader without loading
//! it) once and prints `PATH ASSETS DETECTIONS RESULTS_BYTES`. Run by `cargo bench` with
//! no path, it checks every path once over a small generated export.

mod common;

use std::fs::File;
use std::process::ExitCode;

use common::{Counts, Input, PATHS};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(file)) = (args.first(), args.get(1)) else {
        smoke();
        return ExitCode::SUCCESS;
    };

    let counts = match name.as_str() {
        // Streaming from the file keeps the document out of memory, unlike every other path.
        "reader_file" => common::reader_assets_from(File::open(file).expect("the file opens")),
        other => {
            let xml = std::fs::read(file).expect("the file reads");
            match other {
                "none" => Counts::default(),
                _ => match common::path(other) {
                    Some(run) => run(std::hint::black_box(&xml)),
                    None => {
                        eprintln!("unknown path {other}");
                        return ExitCode::FAILURE;
                    }
                },
            }
        }
    };
    println!(
        "{name} {} {} {}",
        counts.assets, counts.detections, counts.results_bytes
    );
    ExitCode::SUCCESS
}

/// Runs every path once over a small export and checks what each found.
fn smoke() {
    let input = Input::generate(256 * 1024);
    for (name, run) in PATHS {
        common::run_checked(name, *run, &input);
    }
    println!("one_pass: {} paths agree", PATHS.len());
}
