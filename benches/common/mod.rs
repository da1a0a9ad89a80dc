//! The measured paths, shared by the criterion suite and the one-pass binary.
//!
//! Every path reads a whole export and returns what it found, so that a caller can check
//! that no path skipped work: the number of assets, of detections and of RESULTS bytes (the
//! text after CDATA sections are joined and references decoded).

// Each bench binary uses a different subset of the paths.
#![allow(dead_code)]

pub mod baseline;

use std::io::{self, Write};

use qualys_sem::{Assets, Event, Generator, GeneratorConfig, Parser, Reader, Target, check};

/// The seed of every generated input: its documents echo the request and carry tags,
/// RESULTS and reopened info, so every kind of record is measured.
pub const SEED: u64 = 5;

/// The paths that normalise line ends in text, as XML 1.0 asks (`\r\n` and `\r` become
/// `\n`), so that their RESULTS are shorter. This crate and the bare quick-xml loop keep
/// every byte.
pub const NORMALIZING: &[&str] = &["quick_xml_serde", "roxmltree"];

/// What one pass over a document found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// `ASSET` elements.
    pub assets: u64,
    /// `DETECTION` elements.
    pub detections: u64,
    /// Bytes of RESULTS text.
    pub results_bytes: u64,
}

impl Counts {
    fn add_results(&mut self, results: Option<&str>) {
        self.results_bytes += results.map_or(0, |text| text.len() as u64);
    }
}

/// A generated document and what every path must find in it.
pub struct Input {
    /// The document.
    pub xml: Vec<u8>,
    /// The counts the generator reported, and the RESULTS bytes the bare quick-xml loop
    /// found.
    pub expected: Counts,
    /// The same, with the RESULTS bytes the DOM baseline found after normalising line ends.
    pub expected_normalized: Counts,
}

impl Input {
    /// Generates a document of at least `bytes` bytes.
    pub fn generate(bytes: u64) -> Input {
        let config = GeneratorConfig {
            seed: SEED,
            target: Target::Bytes(bytes),
        };
        let mut xml = Vec::with_capacity(bytes as usize + 64 * 1024);
        let stats = Generator::new(config)
            .write_to(&mut xml)
            .expect("writing to a Vec cannot fail");
        Input::with_counts(xml, stats.assets, stats.detections)
    }

    /// Wraps a document whose asset and detection counts are known; the RESULTS bytes are
    /// counted by two parsers independent of this crate's records.
    pub fn with_counts(xml: Vec<u8>, assets: u64, detections: u64) -> Input {
        let expected = Counts {
            assets,
            detections,
            results_bytes: baseline::quick_xml_raw(&xml).results_bytes,
        };
        let expected_normalized = Counts {
            results_bytes: baseline::roxmltree_walk(&xml).results_bytes,
            ..expected
        };
        assert!(expected_normalized.results_bytes <= expected.results_bytes);
        Input {
            xml,
            expected,
            expected_normalized,
        }
    }
}

/// A measured path: a name for reports and the function that runs it.
pub type Path = (&'static str, fn(&[u8]) -> Counts);

/// Every path, this crate's first, then the baselines.
pub const PATHS: &[Path] = &[
    ("events", events),
    ("assets_borrowed", assets_borrowed),
    ("assets_owned", assets_owned),
    ("reader_events", reader_events),
    ("reader_assets", reader_assets),
    ("check", check_strict),
    ("ndjson", ndjson),
    ("quick_xml_raw", baseline::quick_xml_raw),
    ("quick_xml_serde", baseline::quick_xml_serde),
    ("roxmltree", baseline::roxmltree_walk),
];

/// Finds a path by name.
pub fn path(name: &str) -> Option<fn(&[u8]) -> Counts> {
    PATHS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, run)| *run)
}

/// Borrowed events over a slice.
pub fn events(xml: &[u8]) -> Counts {
    let mut counts = Counts::default();
    for event in Parser::new(xml) {
        count_event(&mut counts, &event.expect("a generated export parses"));
    }
    counts
}

/// Whole assets over a slice, their text borrowed from it.
pub fn assets_borrowed(xml: &[u8]) -> Counts {
    let mut counts = Counts::default();
    for asset in Assets::new(xml) {
        count_asset(&mut counts, &asset.expect("a generated export parses"));
    }
    counts
}

/// Whole assets over a slice, each detached from it.
pub fn assets_owned(xml: &[u8]) -> Counts {
    let mut counts = Counts::default();
    for asset in Assets::new(xml) {
        let asset = asset.expect("a generated export parses").into_owned();
        count_asset(&mut counts, &asset);
    }
    counts
}

/// Borrowed events through the streaming reader, with the slice as its `io::Read`.
pub fn reader_events(xml: &[u8]) -> Counts {
    let mut counts = Counts::default();
    let mut reader = Reader::new(xml);
    while let Some(event) = reader.read_event() {
        count_event(&mut counts, &event.expect("a generated export parses"));
    }
    counts
}

/// Owned assets through the streaming reader, with the slice as its `io::Read`.
pub fn reader_assets(xml: &[u8]) -> Counts {
    reader_assets_from(xml)
}

/// Owned assets through the streaming reader over any source.
pub fn reader_assets_from(source: impl io::Read) -> Counts {
    let mut counts = Counts::default();
    for asset in Reader::new(source).assets() {
        count_asset(&mut counts, &asset.expect("a generated export parses"));
    }
    counts
}

/// The elements the generator adds that the export DTD does not declare.
const GENERATED_EXTRAS: &[&str] = &["QDS", "TRURISK_SCORE"];

/// The strict checker. It reports findings, not records, so the counts it returns are the
/// expected ones once it has read the whole document; the caller still compares them.
///
/// Generated exports carry `QDS` in some detections and `TRURISK_SCORE` in some assets,
/// newer elements that the export DTD does not declare: those findings, and no other, are
/// expected.
pub fn check_strict(xml: &[u8]) -> Counts {
    let report = check::check_slice(xml);
    let unexpected = report.findings().iter().find(|finding| {
        !matches!(&finding.kind, check::FindingKind::UnknownElement { name } if GENERATED_EXTRAS.contains(&name.as_str()))
    });
    assert!(unexpected.is_none(), "unexpected finding {unexpected:?}");
    assert_eq!(
        report.bytes_read(),
        xml.len() as u64,
        "the checker read it all"
    );
    Counts::default()
}

/// The `assets` export: every asset as one JSON line, written to a sink that counts bytes.
pub fn ndjson(xml: &[u8]) -> Counts {
    let mut counts = Counts::default();
    let mut output = io::BufWriter::new(CountingSink(0));
    for asset in Assets::new(xml) {
        let asset = asset.expect("a generated export parses");
        serde_json::to_writer(&mut output, &asset).expect("a sink accepts everything");
        output.write_all(b"\n").expect("a sink accepts everything");
        count_asset(&mut counts, &asset);
    }
    let written = output.into_inner().expect("a sink never fails").0;
    assert!(
        written > counts.results_bytes,
        "every RESULTS went out as JSON"
    );
    counts
}

fn count_event(counts: &mut Counts, event: &Event<'_>) {
    match event {
        Event::Asset(_) => counts.assets += 1,
        Event::Detection(detection) => {
            counts.detections += 1;
            counts.add_results(detection.results.as_deref());
        }
        _ => {}
    }
}

fn count_asset(counts: &mut Counts, asset: &qualys_sem::Asset<'_>) {
    counts.assets += 1;
    counts.detections += asset.detections.len() as u64;
    for detection in &asset.detections {
        counts.add_results(detection.results.as_deref());
    }
}

/// An `io::sink` that counts what it is given.
#[derive(Debug)]
struct CountingSink(u64);

impl Write for CountingSink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len() as u64;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs a path and fails unless it found what the input holds. The checker finds no
/// records, so only its own checks apply.
pub fn run_checked(name: &str, run: fn(&[u8]) -> Counts, input: &Input) {
    let found = run(&input.xml);
    if name == "check" {
        return;
    }
    let expected = if NORMALIZING.contains(&name) {
        input.expected_normalized
    } else {
        input.expected
    };
    assert_eq!(found, expected, "{name} found other counts");
}
