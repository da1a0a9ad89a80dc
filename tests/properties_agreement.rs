//! The three ways to read a document agree: the pull parser's events ([`Parser`]), the
//! owned-asset iterator ([`Assets`]) and the streaming reader ([`Reader`]), on written
//! documents, generated exports and damaged copies of both.
//!
//! Each property runs 256 cases by default. For a longer search, set `PROPTEST_CASES`:
//!
//! ```text
//! PROPTEST_CASES=100000 cargo test --release --features proptest --test properties_agreement
//! ```

use std::io::{self, Read};

use proptest::prelude::*;
use qualys_sem::{
    Asset, Assets, Event, Generator, GeneratorConfig, Parser, Reader, Target, Writer, strategy,
};

/// The maximum number of items read from one document. A parser that repeated an error without
/// end would fail the agreement instead of hanging the test, because every read stops here.
const MAX_ITEMS: usize = 2_000;

/// One item of a read: an event, or an error by its message (which includes its position).
type Item = Result<Event<'static>, String>;

/// How a document is damaged before it is read.
#[derive(Clone, Debug)]
enum Damage {
    None,
    /// Cut off at a position, as a download that breaks.
    Truncate(prop::sample::Index),
    /// One byte replaced.
    Replace(prop::sample::Index, u8),
    /// A span removed.
    Remove(prop::sample::Index, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        2 => Just(Damage::None),
        1 => any::<prop::sample::Index>().prop_map(Damage::Truncate),
        1 => (any::<prop::sample::Index>(), prop_oneof![Just(b'<'), Just(b'>'), Just(b'&'), Just(b'/'), Just(b'7'), Just(0x80), any::<u8>()])
            .prop_map(|(at, byte)| Damage::Replace(at, byte)),
        1 => (any::<prop::sample::Index>(), 1usize..40).prop_map(|(at, len)| Damage::Remove(at, len)),
    ]
}

fn apply(mut xml: Vec<u8>, damage: &Damage) -> Vec<u8> {
    if xml.is_empty() {
        return xml;
    }
    match damage {
        Damage::None => {}
        Damage::Truncate(at) => xml.truncate(at.index(xml.len())),
        Damage::Replace(at, byte) => {
            let at = at.index(xml.len());
            xml[at] = *byte;
        }
        Damage::Remove(at, len) => {
            let at = at.index(xml.len());
            let end = (at + len).min(xml.len());
            xml.drain(at..end);
        }
    }
    xml
}

/// A document written from arbitrary models, or a generated export.
fn document() -> impl Strategy<Value = Vec<u8>> {
    let written = (
        strategy::document_head(),
        proptest::collection::vec(strategy::asset(), 0..3),
        proptest::option::of(strategy::warning()),
    )
        .prop_map(|(head, assets, warning)| {
            let mut writer = Writer::new(Vec::new());
            writer.write_head(&head).unwrap();
            for asset in &assets {
                writer.write_asset(asset).unwrap();
            }
            writer.finish(warning.as_ref()).unwrap()
        });
    let generated = (any::<u64>(), 0u64..3).prop_map(|(seed, count)| {
        let mut xml = Vec::new();
        Generator::new(GeneratorConfig {
            seed,
            target: Target::Assets(count),
        })
        .write_to(&mut xml)
        .unwrap();
        xml
    });
    prop_oneof![3 => written, 1 => generated]
}

fn parser_items(xml: &[u8], max: usize) -> Vec<Item> {
    Parser::new(xml)
        .take(max)
        .map(|item| {
            item.map(Event::into_owned)
                .map_err(|error| error.to_string())
        })
        .collect()
}

/// A source that hands out its bytes in pieces of the given sizes, in turn.
struct Chunked<'b> {
    bytes: &'b [u8],
    sizes: Vec<usize>,
    turn: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let size = self.sizes[self.turn % self.sizes.len()];
        self.turn += 1;
        let count = size.min(buffer.len()).min(self.bytes.len());
        buffer[..count].copy_from_slice(&self.bytes[..count]);
        self.bytes = &self.bytes[count..];
        Ok(count)
    }
}

fn reader_items(xml: &[u8], sizes: Vec<usize>, read_size: usize) -> Vec<Item> {
    let mut reader = Reader::new(Chunked {
        bytes: xml,
        sizes,
        turn: 0,
    })
    .with_read_size(read_size);
    let mut items = Vec::new();
    while items.len() < MAX_ITEMS
        && let Some(item) = reader.read_event()
    {
        items.push(
            item.map(Event::into_owned)
                .map_err(|error| error.to_string()),
        );
    }
    items
}

/// Gathers the parser's items into assets by the documented rules: an asset is complete at
/// its end, an error costs the asset being read, and the iteration ends after the last item.
fn assets_from_items(items: Vec<Item>) -> Vec<Result<Asset<'static>, String>> {
    let mut assets = Vec::new();
    let mut current: Option<Asset<'static>> = None;
    for item in items {
        match item {
            Ok(Event::Asset(header)) => {
                current = Some(Asset {
                    header,
                    detections: Vec::new(),
                })
            }
            Ok(Event::Detection(detection)) => {
                if let Some(asset) = &mut current {
                    asset.detections.push(detection);
                }
            }
            Ok(Event::AssetEnd(end)) => {
                if let Some(mut asset) = current.take() {
                    if let Some(trailing) = end.trailing {
                        asset.header.merge_trailing(*trailing);
                    }
                    assets.push(Ok(asset));
                }
            }
            Ok(_) => {}
            Err(error) => {
                current = None;
                assets.push(Err(error));
            }
        }
    }
    assets
}

proptest! {
    #[test]
    fn assets_agree_with_parser(xml in document(), damage in damage()) {
        let xml = apply(xml, &damage);
        // Twice the cap in events leaves at least the cap in assets when errors repeat.
        let mut expected = assets_from_items(parser_items(&xml, 2 * MAX_ITEMS));
        expected.truncate(MAX_ITEMS);
        let assets: Vec<_> = Assets::new(&xml)
            .take(MAX_ITEMS)
            .map(|asset| asset.map(Asset::into_owned).map_err(|error| error.to_string()))
            .collect();
        prop_assert_eq!(assets, expected);
    }

    #[test]
    fn reader_agrees_with_parser(
        xml in document(),
        damage in damage(),
        sizes in proptest::collection::vec(prop_oneof![1usize..8, 8usize..200, 4_096usize..70_000], 1..4),
        // Reads that end the reader's window inside the document, and one that does not.
        read_size in prop_oneof![1usize..64, 64usize..2_048, Just(256 * 1024)],
    ) {
        let xml = apply(xml, &damage);
        let expected = parser_items(&xml, MAX_ITEMS);
        prop_assert_eq!(reader_items(&xml, sizes, read_size), expected);
    }

    #[test]
    fn reader_assets_agree_with_assets(xml in document(), damage in damage()) {
        let xml = apply(xml, &damage);
        let expected: Vec<_> = Assets::new(&xml)
            .take(MAX_ITEMS)
            .map(|asset| asset.map(Asset::into_owned).map_err(|error| error.to_string()))
            .collect();
        let read: Vec<_> = Reader::new(xml.as_slice())
            .assets()
            .take(MAX_ITEMS)
            .map(|asset| asset.map_err(|error| error.to_string()))
            .collect();
        prop_assert_eq!(read, expected);
    }
}
