//! The result of a check: findings up to a cap, and a count of all of them.

use super::finding::Finding;
use crate::dtd::Doctype;

/// Everything a check found.
///
/// Only the first findings are kept, up to the cap set with
/// [`Checker::max_findings`](super::Checker::max_findings), so that memory
/// stays bounded on any document. [`total`](Self::total) counts them all.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub(crate) findings: Vec<Finding>,
    pub(crate) total: u64,
    pub(crate) max_findings: usize,
    pub(crate) doctype: Option<Doctype>,
    pub(crate) root: Option<String>,
    pub(crate) bytes_read: u64,
}

impl Report {
    pub(crate) fn new(max_findings: usize) -> Self {
        Report {
            max_findings,
            ..Report::default()
        }
    }

    pub(crate) fn push(&mut self, finding: Finding) {
        self.total += 1;
        if self.findings.len() < self.max_findings {
            self.findings.push(finding);
        }
    }

    /// Returns the findings kept, in document order of discovery.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Returns the number of findings, including those not kept.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Returns the number of findings that were counted but not kept.
    pub fn omitted(&self) -> u64 {
        self.total - self.findings.len() as u64
    }

    /// Tells whether the document follows the DTD: no finding at all.
    pub fn is_clean(&self) -> bool {
        self.total == 0
    }

    /// Returns the document's DOCTYPE, if it has one. Its system identifier
    /// is reported here and never fetched.
    pub fn doctype(&self) -> Option<&Doctype> {
        self.doctype.as_ref()
    }

    /// Returns the name of the root element, if the document has one.
    pub fn root(&self) -> Option<&str> {
        self.root.as_deref()
    }

    /// Returns the number of bytes read from the input.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }
}
