//! Strict checker: every place where a document departs from the SEM export DTD.
//!
//! The checker is a streaming pass of its own over quick-xml events,
//! independent of the data parser. It reports, with line, column, byte
//! offset and element path:
//!
//! - elements the DTD does not declare, elements out of order, required
//!   children that are missing, and single elements that repeat;
//! - text where the content model has elements only;
//! - characters outside XML 1.0's `Char` production, such as raw control
//!   characters, anywhere in the document;
//! - values that do not have their type (see [`ValueType`] and [`TYPED_ELEMENTS`]);
//! - undeclared attributes, entity references that are not predefined, and
//!   a DOCTYPE that names another root or carries an internal subset.
//!
//! Checking goes on after each finding. Only malformed XML ends it, and
//! that is reported as the last finding.
//!
//! # Prolog safety
//!
//! The DOCTYPE's system identifier is reported in [`Report::doctype`] and
//! never fetched. An internal subset is reported as a finding, and the
//! entities it declares are never expanded: each reference to one is a
//! finding of its own ([`FindingKind::UnexpandedEntity`]). So neither
//! "billion laughs" definitions nor external entities can cost time,
//! memory or a network request.
//!
//! # Memory
//!
//! Memory grows with the largest single event (a long text or CDATA
//! section), the nesting depth (at most 256 elements) and the findings
//! kept (1000 by default). It does not grow with the document's length.
//!
//! # Example
//!
//! ```
//! use qualys_sem::check::{check_slice, FindingKind};
//!
//! let xml = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>
//!   <DATETIME>2021-10-18T07:58:11.268Z</DATETIME>
//!   <ASSET_LIST><ASSET><ID>231</ID><DETECTION_LIST>
//!     <DETECTION><QID>610100</QID><TYPE>Information</TYPE><SEVERITY>7</SEVERITY></DETECTION>
//!   </DETECTION_LIST></ASSET></ASSET_LIST>
//! </RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
//!
//! let report = check_slice(xml);
//! assert_eq!(report.total(), 1);
//! let finding = &report.findings()[0];
//! assert!(matches!(finding.kind, FindingKind::InvalidValue { .. }));
//! assert_eq!((finding.position.line, finding.position.column), (4, 57));
//! assert_eq!(
//!     finding.path,
//!     "/ASSET_LIST_VM_DETECTION_OUTPUT/RESPONSE/ASSET_LIST/ASSET[id=231]\
//!      /DETECTION_LIST/DETECTION[qid=610100]/SEVERITY"
//! );
//! ```

mod chars;
mod finding;
mod frame;
mod pass;
mod position;
mod report;
mod value;

use std::io::BufRead;
use std::sync::Arc;

pub use finding::{Finding, FindingKind};
pub use position::Position;
pub use report::Report;
pub use value::{TYPED_ELEMENTS, ValueType, value_type};

use pass::Pass;

/// Findings kept by default; the rest are only counted.
pub const DEFAULT_MAX_FINDINGS: usize = 1000;

/// Failure to read the document. A document that is read but is not
/// well-formed is not an error: it is a [`FindingKind::Malformed`] finding.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// The input could not be read.
    #[error("reading the document failed at byte {offset}: {source}")]
    Io {
        /// Bytes read before the failure.
        offset: u64,
        /// The I/O error.
        source: Arc<std::io::Error>,
    },
}

/// Settings of a check.
///
/// # Example
///
/// ```
/// use qualys_sem::check::Checker;
///
/// let xml = b"<ASSET_LIST_VM_DETECTION_OUTPUT><X/><Y/><Z/></ASSET_LIST_VM_DETECTION_OUTPUT>";
/// let report = Checker::new().max_findings(2).check_slice(xml);
/// assert_eq!(report.findings().len(), 2);
/// assert_eq!(report.total(), 4);
/// assert_eq!(report.omitted(), 2);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Checker {
    max_findings: usize,
}

impl Default for Checker {
    fn default() -> Self {
        Checker {
            max_findings: DEFAULT_MAX_FINDINGS,
        }
    }
}

impl Checker {
    /// Creates a checker with the default settings.
    pub fn new() -> Self {
        Checker::default()
    }

    /// Sets how many findings the report keeps. Later ones are only counted.
    /// Default: 1000.
    pub fn max_findings(mut self, max: usize) -> Self {
        self.max_findings = max;
        self
    }

    /// Checks a document read from `input`.
    ///
    /// # Errors
    ///
    /// Returns [`CheckError::Io`] when reading `input` fails.
    pub fn check_reader<R: BufRead>(&self, input: R) -> Result<Report, CheckError> {
        Pass::new(input, self.max_findings).run()
    }

    /// Checks a document held in memory.
    pub fn check_slice(&self, input: &[u8]) -> Report {
        match self.check_reader(input) {
            Ok(report) => report,
            // `impl Read for &[u8]` never returns an error, so this arm is not taken.
            Err(CheckError::Io { .. }) => Report::new(self.max_findings),
        }
    }
}

/// Checks a document read from `input` with the default settings.
///
/// # Errors
///
/// Returns [`CheckError::Io`] when reading `input` fails.
///
/// # Example
///
/// ```
/// use std::io::BufReader;
///
/// let xml = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>\
///            <DATETIME>2021-04-28T12:01:06Z</DATETIME>\
///            </RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";
/// let report = qualys_sem::check::check(BufReader::new(xml.as_bytes())).unwrap();
/// assert!(report.is_clean());
/// ```
pub fn check<R: BufRead>(input: R) -> Result<Report, CheckError> {
    Checker::new().check_reader(input)
}

/// Checks a document held in memory with the default settings.
///
/// # Example
///
/// ```
/// let report = qualys_sem::check::check_slice(b"<SIMPLE_RETURN/>");
/// assert_eq!(
///     report.findings()[0].to_string(),
///     "1:1: unexpected root element SIMPLE_RETURN: expected ASSET_LIST_VM_DETECTION_OUTPUT \
///      [/SIMPLE_RETURN]"
/// );
/// ```
pub fn check_slice(input: &[u8]) -> Report {
    Checker::new().check_slice(input)
}
