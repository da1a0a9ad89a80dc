//! The generator: pinned bytes, determinism, and output that reads back cleanly.

use std::collections::BTreeSet;

use qualys_sem::{
    Assets, DetectionStatus, DetectionType, Event, Generator, GeneratorConfig, Parser, Target,
};

fn generate(seed: u64, target: Target) -> Vec<u8> {
    let mut xml = Vec::new();
    Generator::new(GeneratorConfig { seed, target })
        .write_to(&mut xml)
        .unwrap();
    xml
}

/// FNV-1a, 64 bits: a hash simple enough to write here, so the pin depends on no crate.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn fnv1a_reference_values() {
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
}

/// Any change to the generator or the writer that moves a byte shows here: update the pins
/// only on purpose.
#[test]
fn output_pinned_for_fixed_seeds() {
    let pins = [
        (1, 20, 12_725_595_843_339_660_139u64, 632_109usize),
        (42, 5, 10_291_953_572_262_471_515, 121_220),
    ];
    for (seed, assets, hash, len) in pins {
        let xml = generate(seed, Target::Assets(assets));
        assert_eq!((fnv1a(&xml), xml.len()), (hash, len), "seed {seed}");
    }
}

#[test]
fn same_seed_same_bytes() {
    assert_eq!(
        generate(9, Target::Assets(30)),
        generate(9, Target::Assets(30))
    );
    assert_ne!(
        generate(9, Target::Assets(30)),
        generate(10, Target::Assets(30))
    );
}

#[test]
fn output_reads_back_as_generated() {
    for seed in 0..8 {
        let xml = generate(seed, Target::Assets(25));
        let events: Vec<Event<'_>> = Parser::new(&xml).collect::<Result<_, _>>().unwrap();
        assert_eq!(events.last(), Some(&Event::End));

        let mut generator = Generator::new(GeneratorConfig {
            seed,
            target: Target::Assets(25),
        });
        let expected: Vec<_> = (0..25).map(|_| generator.next_asset()).collect();
        let mut assets = Assets::new(&xml);
        let read: Vec<_> = assets.by_ref().collect::<Result<_, _>>().unwrap();
        assert_eq!(read, expected, "seed {seed}");
        assert_eq!(assets.take_warning(), generator.warning(), "seed {seed}");
    }
}

#[test]
fn stats_match_output() {
    let mut xml = Vec::new();
    let stats = Generator::new(GeneratorConfig {
        seed: 3,
        target: Target::Assets(40),
    })
    .write_to(&mut xml)
    .unwrap();
    let assets: Vec<_> = Assets::new(&xml).collect::<Result<_, _>>().unwrap();
    assert_eq!(stats.assets, 40);
    assert_eq!(
        stats.detections,
        assets
            .iter()
            .map(|asset| asset.detections.len() as u64)
            .sum::<u64>()
    );
    assert_eq!(stats.bytes, xml.len() as u64);
}

#[test]
fn byte_target_reached_and_barely_passed() {
    let target = 300_000;
    let xml = generate(5, Target::Bytes(target));
    assert!(xml.len() as u64 >= target);
    // One asset and the document's end at most go past the target, save a rare large RESULTS.
    assert!((xml.len() as u64) < target + 200_000, "{} bytes", xml.len());
    assert!(Assets::new(&xml).all(|asset| asset.is_ok()));

    // The byte target stops the same sequence of assets that the asset target writes.
    let count = Assets::new(&xml).count() as u64;
    assert_eq!(generate(5, Target::Assets(count)), xml);
}

#[test]
fn output_covers_the_format() {
    let mut os = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    let mut types = BTreeSet::new();
    let mut counts = BTreeSet::new();
    let (mut tags, mut reopened, mut warnings, mut without_results, mut extras) = (0, 0, 0, 0, 0);
    let mut results = String::new();

    for seed in 0..12 {
        let xml = generate(seed, Target::Assets(30));
        let mut assets = Assets::new(&xml);
        for asset in assets.by_ref() {
            let asset = asset.unwrap();
            os.insert(asset.header.os.clone().unwrap().into_owned());
            tags += asset.header.tags.len();
            extras += asset.header.extra.len();
            counts.insert(asset.detections.len());
            for detection in &asset.detections {
                statuses.insert(detection.status.clone().unwrap().as_str().to_owned());
                types.insert(
                    detection
                        .detection_type
                        .clone()
                        .unwrap()
                        .as_str()
                        .to_owned(),
                );
                reopened += usize::from(detection.times_reopened.is_some());
                extras += detection.extra.len();
                match &detection.results {
                    Some(text) if results.len() < 1 << 20 => results.push_str(text),
                    Some(_) => {}
                    None => without_results += 1,
                }
            }
        }
        warnings += usize::from(assets.take_warning().is_some());
    }

    assert_eq!(os, BTreeSet::from(["Android".to_owned(), "iOS".to_owned()]));
    let all_statuses = [
        DetectionStatus::New,
        DetectionStatus::Active,
        DetectionStatus::Fixed,
        DetectionStatus::ReOpened,
    ];
    assert_eq!(
        statuses,
        all_statuses.iter().map(|s| s.as_str().to_owned()).collect()
    );
    let all_types = [
        DetectionType::Confirmed,
        DetectionType::Potential,
        DetectionType::Information,
    ];
    assert_eq!(
        types,
        all_types.iter().map(|t| t.as_str().to_owned()).collect()
    );
    assert!(
        counts.contains(&0) && counts.iter().any(|&count| count > 50),
        "{counts:?}"
    );
    assert!(tags > 0, "no tags");
    assert!(reopened > 0, "no reopened detection");
    assert!(without_results > 0, "no detection without RESULTS");
    assert!(extras > 0, "no unknown element");
    assert!(warnings > 0, "no cut page of 12");
    assert!(warnings < 12, "{warnings} cut pages of 12");
    for needle in ["\t", "\n", "\r\n", "&", "<", "]]>", "&quot;", "&nbsp;"] {
        assert!(results.contains(needle), "no {needle:?} in RESULTS");
    }
}

#[test]
fn output_uses_placeholders_only() {
    let xml = String::from_utf8(generate(11, Target::Assets(50))).unwrap();
    for asset in Assets::new(xml.as_bytes()) {
        let header = asset.unwrap().header;
        assert!(
            header
                .ip
                .as_deref()
                .is_none_or(|ip| ip.starts_with("192.0.2."))
        );
        assert!(
            header
                .ipv6
                .as_deref()
                .is_none_or(|ip| ip.starts_with("2001:db8::"))
        );
        assert!(
            header
                .username
                .as_deref()
                .is_none_or(|user| user.starts_with("user"))
        );
    }
    let hosts: BTreeSet<&str> = xml
        .match_indices("https://")
        .map(|(at, _)| xml[at + 8..].split('/').next().unwrap())
        .collect();
    assert!(
        hosts.iter().all(|host| *host == "host01.example"),
        "{hosts:?}"
    );
}

#[test]
fn output_without_unknown_elements_passes_checker() {
    for seed in [1, 2, 3, 42, 1000] {
        let mut xml = Vec::new();
        Generator::new(GeneratorConfig {
            seed,
            target: Target::Assets(40),
        })
        .without_unknown_elements()
        .write_to(&mut xml)
        .unwrap();
        let report = qualys_sem::check::check_slice(&xml);
        let findings: Vec<String> = report.findings().iter().map(ToString::to_string).collect();
        assert!(report.is_clean(), "seed {seed}: {findings:?}");
    }
}
