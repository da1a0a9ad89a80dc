//! A deterministic generator of realistic synthetic exports, for tests and benchmarks.

mod detection;
mod device;
mod rng;

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use crate::model::{Asset, Param, Request, Warning};
use crate::write::{DocumentHead, WriteError, Writer};
use rng::Rng;

/// How much the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Exactly this many assets.
    Assets(u64),
    /// Assets until the output has at least this many bytes; the end of the document follows,
    /// so the output is a little longer than this.
    Bytes(u64),
}

/// The settings of a [`Generator`]: the same settings always give the same bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneratorConfig {
    /// The seed of the random numbers.
    pub seed: u64,
    /// How much to write.
    pub target: Target,
}

/// Counts of what [`Generator::write_to`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// The number of assets.
    pub assets: u64,
    /// The number of detections.
    pub detections: u64,
    /// The number of bytes.
    pub bytes: u64,
}

/// The query parameters that one document was "requested" with, which decide the optional
/// elements of every asset.
#[derive(Clone, Copy, Debug)]
struct Options {
    echo_request: bool,
    show_asset_id: bool,
    show_tags: bool,
    show_results: bool,
    show_reopened_info: bool,
    is_cut: bool,
    /// Whether assets and detections may carry elements the DTD does not declare, as newer
    /// exports do.
    unknown_elements: bool,
}

/// A generator of synthetic `ASSET_LIST_VM_DETECTION_OUTPUT` exports: iOS and Android
/// devices with 0 to 60 detections each, of every type and status, RESULTS from a few bytes
/// to (rarely) megabytes with tabs, line ends, `&`, `<`, `]]>` and HTML entities, optional
/// elements present and absent, tags, reopened info and, on pages the seed marks as cut, a
/// `WARNING` with the next page's URL.
///
/// Output depends on the seed alone: the random numbers come from a SplitMix64 written in
/// this crate, so a dependency upgrade cannot change the bytes. Every value is a placeholder
/// (`user01`, `192.0.2.x`, `2001:db8::`, `host01.example`). The generator holds one asset at
/// a time, so a 10 GB export takes as little memory as a small one.
///
/// # Example
///
/// ```
/// use qualys_sem::{Assets, Generator, GeneratorConfig, Target};
///
/// let config = GeneratorConfig { seed: 7, target: Target::Assets(3) };
/// let mut xml = Vec::new();
/// let stats = Generator::new(config).write_to(&mut xml)?;
///
/// assert_eq!(stats.assets, 3);
/// assert_eq!(stats.bytes, xml.len() as u64);
/// assert_eq!(Assets::new(&xml).filter(|asset| asset.is_ok()).count(), 3);
///
/// let mut again = Vec::new();
/// Generator::new(config).write_to(&mut again)?;
/// assert_eq!(xml, again);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Generator {
    rng: Rng,
    config: GeneratorConfig,
    options: Options,
    now: DateTime<Utc>,
    next_id: u64,
    assets: u64,
}

impl Generator {
    /// Creates a generator; the seed decides the document's query parameters first.
    pub fn new(config: GeneratorConfig) -> Generator {
        let mut rng = Rng::new(config.seed);
        let options = Options {
            echo_request: rng.chance(1, 2),
            show_asset_id: rng.chance(1, 2),
            show_tags: rng.chance(2, 3),
            show_results: rng.chance(9, 10),
            show_reopened_info: rng.chance(1, 2),
            is_cut: rng.chance(1, 3),
            unknown_elements: true,
        };
        let start = Utc
            .with_ymd_and_hms(2021, 10, 18, 7, 58, 11)
            .single()
            .expect("a valid date");
        let now = start + TimeDelta::milliseconds(rng.below(3 * 365 * 86_400_000) as i64);
        let next_id = rng.between(100, 5_000);
        Generator {
            rng,
            config,
            options,
            now,
            next_id,
            assets: 0,
        }
    }

    /// Leaves out the elements the DTD does not declare (`QDS`, `TRURISK_SCORE`), so that the
    /// output passes the strict checker with no findings.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::{Generator, GeneratorConfig, Target};
    ///
    /// let mut xml = Vec::new();
    /// Generator::new(GeneratorConfig { seed: 7, target: Target::Assets(50) })
    ///     .without_unknown_elements()
    ///     .write_to(&mut xml)?;
    /// assert!(qualys_sem::check::check_slice(&xml).is_clean());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn without_unknown_elements(mut self) -> Generator {
        self.options.unknown_elements = false;
        self
    }

    /// Returns what comes before the assets: the `DOCTYPE`, the `REQUEST` echo when the seed
    /// chose `echo_request=1`, and the response's `DATETIME`.
    pub fn head(&self) -> DocumentHead<'static> {
        let options = &self.options;
        let request = options.echo_request.then(|| {
            let flag = |on: bool| Cow::Borrowed(if on { "1" } else { "0" });
            let param = |key: &'static str, value: Cow<'static, str>| Param {
                key: Cow::Borrowed(key),
                value,
            };
            Request {
                datetime: Some(self.now),
                user_login: Some(Cow::Borrowed("user01")),
                resource: Some(Cow::Borrowed("https://host01.example/sem/v1/assetList")),
                params: vec![
                    param("action", Cow::Borrowed("list")),
                    param("echo_request", flag(true)),
                    param("show_asset_id", flag(options.show_asset_id)),
                    param("show_results", flag(options.show_results)),
                    param("show_reopened_info", flag(options.show_reopened_info)),
                    param("use_tags", flag(options.show_tags)),
                    param("show_tags", flag(options.show_tags)),
                ],
                post_data: None,
            }
        });
        DocumentHead {
            doctype_system_id: Some(Cow::Borrowed(
                "https://host01.example/sem/xapi/v1/asset/asset_list_output.dtd",
            )),
            request,
            datetime: Some(self.now),
        }
    }

    /// Generates the next asset, with IDs increasing from one asset to the next.
    pub fn next_asset(&mut self) -> Asset<'static> {
        let id = self.next_id;
        self.next_id += self.rng.between(1, 5);
        self.assets += 1;
        let header = device::asset_header(&mut self.rng, &self.options, id, self.now);
        let detections = detection::detections(&mut self.rng, &self.options, self.now);
        Asset { header, detections }
    }

    /// Returns the `WARNING` that ends the page after the assets generated so far, when the
    /// seed marked the page as cut: its URL asks for the next asset ID.
    pub fn warning(&self) -> Option<Warning<'static>> {
        if !self.options.is_cut {
            return None;
        }
        let limit = self.assets;
        Some(Warning {
            code: Some(1980),
            text: Some(Cow::Owned(format!(
                "{limit} record limit exceeded. Use URL to get next batch of results."
            ))),
            url: Some(Cow::Owned(format!(
                "https://host01.example/sem/v1/assetList?action=list&truncation_limit={limit}&id_min={}",
                self.next_id
            ))),
        })
    }

    /// Writes the whole document, streaming, and returns what it wrote.
    pub fn write_to(mut self, output: impl Write) -> io::Result<Stats> {
        let mut writer = Writer::new(CountingWriter {
            inner: output,
            bytes: 0,
        });
        writer.write_head(&self.head()).map_err(into_io)?;

        let mut stats = Stats::default();
        loop {
            let is_done = match self.config.target {
                Target::Assets(count) => stats.assets >= count,
                // The writer hands over full buffers only, so the bytes it holds count too.
                Target::Bytes(bytes) => {
                    writer.get_ref().bytes + writer.buffered_len() as u64 >= bytes
                }
            };
            if is_done {
                break;
            }
            let asset = self.next_asset();
            writer.write_asset(&asset).map_err(into_io)?;
            stats.assets += 1;
            stats.detections += asset.detections.len() as u64;
        }

        let warning = self.warning();
        let output = writer.finish(warning.as_ref()).map_err(into_io)?;
        stats.bytes = output.bytes;
        Ok(stats)
    }
}

/// Turns a writer error into an I/O error. Generated values are always writable, so only
/// the output's own errors are expected here.
fn into_io(error: WriteError) -> io::Error {
    match error {
        WriteError::Io(error) => error,
        other => io::Error::other(other),
    }
}

/// Counts the bytes written to the output.
struct CountingWriter<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buffer)?;
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
