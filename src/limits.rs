//! Limits that bound the memory and time spent on one input.

/// Bounds on what one document may ask of the parser, so that no input can exhaust memory or
/// nest deep enough to matter. Going past one is an error of kind
/// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded), and it ends the parse.
///
/// The defaults pass every real export: values of RESULTS reach megabytes, not gigabytes.
///
/// # Example
///
/// ```
/// use qualys_sem::{Limits, Parser};
///
/// let limits = Limits { max_value_bytes: 1 << 20, ..Limits::default() };
/// let parser = Parser::with_limits(b"<ASSET_LIST_VM_DETECTION_OUTPUT/>", limits);
/// # drop(parser);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The deepest nesting of elements. Default: 256.
    pub max_depth: u32,
    /// The maximum number of bytes in one value, such as a RESULTS text, after joining its pieces.
    /// Default: 64 MiB.
    pub max_value_bytes: u64,
    /// The maximum number of bytes in one record of the input: an asset's own fields, one detection, the
    /// request echo or the warning. The streaming reader holds one record in memory, so this
    /// bounds its buffer. Default: 256 MiB.
    pub max_record_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 256,
            max_value_bytes: 64 << 20,
            max_record_bytes: 256 << 20,
        }
    }
}
