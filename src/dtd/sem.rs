//! The grammar of the SEM export, read from `testdata/asset_list_output.dtd`.

use std::sync::LazyLock;

use super::model::Dtd;
use super::parse::parse_dtd;

/// Text of the SEM export grammar, compiled into the crate.
pub const SEM_DTD: &str = include_str!("../../testdata/asset_list_output.dtd");

/// Name of the root element of a SEM asset detection export.
pub const SEM_ROOT: &str = "ASSET_LIST_VM_DETECTION_OUTPUT";

static PARSED: LazyLock<Dtd> = LazyLock::new(|| {
    // The text is a constant of this crate and a unit test reads it, so a
    // failure here is a bug in the file, not a condition callers can handle.
    parse_dtd(SEM_DTD).expect("the bundled SEM export DTD is valid")
});

/// Returns the SEM export grammar, read once on first use.
///
/// # Example
///
/// ```
/// let dtd = qualys_sem::dtd::sem_dtd();
/// let warning = dtd.element("WARNING").unwrap();
/// assert_eq!(warning.content.to_string(), "(CODE?, TEXT, URL?)");
/// ```
pub fn sem_dtd() -> &'static Dtd {
    &PARSED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_dtd_parses() {
        assert!(parse_dtd(SEM_DTD).is_ok());
        assert!(sem_dtd().element(SEM_ROOT).is_some());
    }
}
