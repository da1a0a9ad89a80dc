//! Throughput of every path over generated exports of about 1 MB and 100 MB.
//!
//! `QUALYS_SEM_BENCH_MB` lists the sizes in megabytes (10^6 bytes), comma-separated; the
//! default is `1,100`, and `QUALYS_SEM_BENCH_MB=1` is the quick run.

mod common;

use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

use common::{Input, PATHS};

/// Paths left out of the large groups: roxmltree copies a text node's whole text each time it
/// appends a CDATA section, so a RESULTS of megabytes in thousands of sections (the generator
/// writes a few) takes it
/// about 14 s per pass over 100 MiB. `measure.sh` times it once instead.
const SMALL_ONLY: &[&str] = &["roxmltree"];

/// The sizes measured when the environment names none.
const DEFAULT_SIZES_MB: &str = "1,100";

fn sizes() -> Vec<u64> {
    let list = std::env::var("QUALYS_SEM_BENCH_MB").unwrap_or_else(|_| DEFAULT_SIZES_MB.into());
    list.split(',')
        .map(|size| {
            size.trim()
                .parse()
                .unwrap_or_else(|_| panic!("QUALYS_SEM_BENCH_MB: {size:?} is not a number"))
        })
        .collect()
}

fn throughput(c: &mut Criterion) {
    for megabytes in sizes() {
        let input = Input::generate(megabytes * 1_000_000);
        let mut group = c.benchmark_group(format!("{megabytes}MB"));
        group.throughput(Throughput::Bytes(input.xml.len() as u64));

        // A large input takes a good part of a second per pass: ten single passes are
        // enough, and the whole suite stays within minutes on two shared cores.
        if megabytes >= 10 {
            group
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(5));
        } else {
            group
                .sample_size(30)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(2));
        }

        for (name, run) in PATHS {
            if megabytes >= 10 && SMALL_ONLY.contains(name) {
                continue;
            }
            // Checked once outside the timing too, so a wrong path fails before it is timed.
            common::run_checked(name, *run, &input);
            group.bench_function(*name, |b| {
                b.iter(|| common::run_checked(name, *run, std::hint::black_box(&input)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, throughput);
criterion_main!(benches);
