//! Paired timing of several paths over one file, for ratios on a noisy machine.
//!
//! `paired FILE ROUNDS PATH...` loads `FILE` once, then runs every `PATH` (names from
//! `common::PATHS`) once per round, in turn, for `ROUNDS` rounds. Load from other processes
//! then falls on every path alike, and the fastest round of each path is the one least
//! disturbed. It prints each path's fastest and median round and its speed relative to the
//! first path. Run by `cargo bench` with no arguments, it does nothing.

mod common;

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, rounds, names @ ..] = &args[..] else {
        return;
    };
    let rounds: usize = rounds.parse().expect("ROUNDS is a number");
    let xml = std::fs::read(file).expect("the file reads");

    let paths: Vec<_> = names
        .iter()
        .map(|name| common::path(name).unwrap_or_else(|| panic!("unknown path {name}")))
        .collect();
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
}
