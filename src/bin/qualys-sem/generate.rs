//! The `generate` subcommand.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use qualys_sem::{Generator, GeneratorConfig, Target};

use crate::report::{Failure, Outcome};

/// Writes a synthetic export to `output`, or standard output when it is absent.
pub fn generate(
    seed: u64,
    target: Target,
    unknown_elements: bool,
    output: Option<&Path>,
) -> Result<Outcome, Failure> {
    let mut generator = Generator::new(GeneratorConfig { seed, target });
    if !unknown_elements {
        generator = generator.without_unknown_elements();
    }
    let sink: Box<dyn Write> = match output {
        Some(path) if path.as_os_str() != "-" => Box::new(File::create(path).map_err(|error| {
            Failure::Input(format!("cannot create {}: {error}", path.display()))
        })?),
        _ => Box::new(io::stdout().lock()),
    };
    let mut sink = BufWriter::new(sink);
    generator.write_to(&mut sink)?;
    sink.flush()?;
    Ok(Outcome::Clean)
}

/// Parses a size such as `100MB`, `1GiB` or `5000` (bytes). Decimal units are powers of 1000,
/// binary ones of 1024.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("invalid size {text:?}: expected a number such as 100MB"))?;
    let factor: u64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "KB" => 1000,
        "MB" => 1000_u64.pow(2),
        "GB" => 1000_u64.pow(3),
        "KIB" => 1 << 10,
        "MIB" => 1 << 20,
        "GIB" => 1 << 30,
        _ => {
            return Err(format!(
                "invalid size unit in {text:?}: expected B, KB, MB, GB, KiB, MiB or GiB"
            ));
        }
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("size {text:?} is too large"))
}
