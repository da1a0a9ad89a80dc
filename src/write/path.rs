//! Paths of values, built on the stack and turned into text only for an error message.

use std::fmt::{self, Write as _};

/// One step of a path.
#[derive(Clone, Copy)]
pub(crate) enum Segment<'s> {
    /// An element name.
    Name(&'s str),
    /// An `ASSET` with its ID.
    Asset(u64),
    /// A `DETECTION` with its QID.
    Detection(u64),
    /// The `TAG` at a position of `TAGS`, counting from 1.
    Tag(usize),
}

/// A path such as `ASSET[id=231]/DETECTION[qid=610100]/RESULTS`, as a list linked through
/// the callers' stack frames so that building one costs nothing.
#[derive(Clone, Copy)]
pub(crate) struct Path<'s> {
    parent: Option<&'s Path<'s>>,
    segment: Segment<'s>,
}

impl<'s> Path<'s> {
    /// Starts a path.
    pub(crate) fn root(segment: Segment<'s>) -> Path<'s> {
        Path {
            parent: None,
            segment,
        }
    }

    /// Extends the path by one step.
    pub(crate) fn join(&'s self, segment: Segment<'s>) -> Path<'s> {
        Path {
            parent: Some(self),
            segment,
        }
    }

    /// Extends the path by an element name.
    pub(crate) fn child(&'s self, name: &'s str) -> Path<'s> {
        self.join(Segment::Name(name))
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}")?;
            f.write_char('/')?;
        }
        match self.segment {
            Segment::Name(name) => f.write_str(name),
            Segment::Asset(id) => write!(f, "ASSET[id={id}]"),
            Segment::Detection(qid) => write!(f, "DETECTION[qid={qid}]"),
            Segment::Tag(position) => write!(f, "TAG[{position}]"),
        }
    }
}
