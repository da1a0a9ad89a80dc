//! Paired timing of several paths over one file, for ratios on a noisy machine.
//!
//! `cargo bench --bench paired -- FILE ROUNDS PATH...` loads `FILE` once, then runs every
//! `PATH` (names from `common::PATHS`) once per round, in turn, for `ROUNDS` rounds. Load from
//! other processes then falls on every path alike, and the fastest round of each path is the
//! one least disturbed. It prints each path's fastest and median round and its speed relative
//! to the first path. Run by `cargo bench` with no arguments, it prints its usage and does
//! nothing else.

mod common;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use common::Counts;

const USAGE: &str = "usage: paired FILE ROUNDS PATH...";

fn main() -> ExitCode {
    // `cargo bench` adds `--bench` to the arguments of every benchmark program.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| arg != "--bench")
        .collect();
    if args.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("paired: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let [file, rounds, names @ ..] = args else {
        return Err("missing arguments".to_owned());
    };
    if names.is_empty() {
        return Err("no PATH given".to_owned());
    }
    let rounds: usize = match rounds.parse() {
        Ok(rounds) if rounds > 0 => rounds,
        _ => {
            return Err(format!(
                "invalid ROUNDS {rounds:?}: expected a positive number"
            ));
        }
    };
    let paths: Vec<fn(&[u8]) -> Counts> = names
        .iter()
        .map(|name| common::path(name).ok_or_else(|| format!("unknown PATH {name:?}")))
        .collect::<Result<_, _>>()?;
    let xml = std::fs::read(file).map_err(|error| format!("cannot read {file}: {error}"))?;

    let mut times = vec![Vec::with_capacity(rounds); paths.len()];
    for _ in 0..rounds {
        for (run, spent) in paths.iter().zip(&mut times) {
            let start = Instant::now();
            std::hint::black_box(run(std::hint::black_box(&xml)));
            spent.push(start.elapsed());
        }
    }

    let mib = xml.len() as f64 / f64::from(1 << 20);
    let speed = |time: Duration| mib / time.as_secs_f64();
    let mut first = None;
    println!(
        "| path | fastest MiB/s | median MiB/s | fastest vs {} |",
        names[0]
    );
    println!("|---|---:|---:|---:|");
    for (name, spent) in names.iter().zip(&mut times) {
        spent.sort();
        let fastest = speed(spent[0]);
        let median = speed(spent[spent.len() / 2]);
        let base = *first.get_or_insert(fastest);
        println!(
            "| {name} | {fastest:.0} | {median:.0} | {:.2} |",
            fastest / base
        );
    }
    Ok(())
}
