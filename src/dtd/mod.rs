//! Document type definitions: the SEM export grammar and the DOCTYPE of a document.
//!
//! [`sem_dtd`] returns the grammar that the strict checker enforces, read
//! from the DTD file bundled with the crate, so that the file and the
//! checker cannot disagree. [`parse_dtd`] reads other DTD text in the same
//! subset, and [`Doctype`] describes a document's `<!DOCTYPE>` without
//! fetching or expanding anything.

mod doctype;
mod model;
mod parse;
mod sem;

pub use doctype::{Doctype, InternalSubset};
pub use model::{AttributeDecl, ContentModel, Dtd, ElementDecl, Occurrence, Particle};
pub use parse::{DtdError, parse_dtd};
pub use sem::{SEM_DTD, SEM_ROOT, sem_dtd};
