//! State of one open element: where its children stand in its content
//! model, and the pieces of its text value.

use crate::dtd::{ContentModel, ElementDecl, Particle};

use super::position::Position;
use super::value::ValueType;

/// Values longer than this many bytes are cut. No typed value comes close,
/// so a cut value is invalid anyway and keeps its first bytes for the message.
const MAX_VALUE_LEN: usize = 128;

/// Verdict of a content model on a child element.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ChildVerdict {
    /// The child is in place. `missing` lists required siblings that should
    /// have come before it and did not.
    Fits { missing: Vec<String> },
    /// The child may occur once and already did.
    Repeated,
    /// The child belongs before the sibling named here.
    OutOfOrder { before: String },
    /// The content model does not name the child.
    NotAllowed,
}

/// Cursor through a sequence content model.
///
/// `current` is the index of the last particle matched. A child matching a
/// later particle moves the cursor forward. A child matching an earlier
/// particle is out of order and leaves the cursor where it is, so one
/// misplaced element yields one finding and not one per following sibling.
#[derive(Debug, Default)]
pub(crate) struct SequenceCursor {
    current: Option<usize>,
    seen: Vec<u32>,
}

impl SequenceCursor {
    pub(crate) fn accept(&mut self, particles: &[Particle], name: &str) -> ChildVerdict {
        if self.seen.len() != particles.len() {
            self.seen = vec![0; particles.len()];
        }
        let Some(index) = particles.iter().position(|p| p.name == name) else {
            return ChildVerdict::NotAllowed;
        };
        self.seen[index] = self.seen[index].saturating_add(1);
        let once = !particles[index].occurrence.is_repeatable();

        match self.current {
            Some(current) if index == current => {
                if once && self.seen[index] > 1 {
                    ChildVerdict::Repeated
                } else {
                    ChildVerdict::Fits {
                        missing: Vec::new(),
                    }
                }
            }
            Some(current) if index < current => {
                if once && self.seen[index] > 1 {
                    ChildVerdict::Repeated
                } else {
                    ChildVerdict::OutOfOrder {
                        before: particles[current].name.clone(),
                    }
                }
            }
            _ => {
                let from = self.current.map_or(0, |current| current + 1);
                let missing = self.missing_in(particles, from, index);
                self.current = Some(index);
                ChildVerdict::Fits { missing }
            }
        }
    }

    /// Lists the required particles after the cursor that never occurred.
    pub(crate) fn missing_at_end(&self, particles: &[Particle]) -> Vec<String> {
        let from = self.current.map_or(0, |current| current + 1);
        self.missing_in(particles, from, particles.len())
    }

    fn missing_in(&self, particles: &[Particle], from: usize, to: usize) -> Vec<String> {
        (from..to)
            .filter(|&index| {
                !particles[index].occurrence.is_optional()
                    && self.seen.get(index).copied().unwrap_or(0) == 0
            })
            .map(|index| particles[index].name.clone())
            .collect()
    }
}

/// How a piece of text was written, which decides whether it is layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    Text,
    Reference,
    CData,
}

/// The text of a typed element, gathered from all its pieces.
///
/// A value is its text, entity references and CDATA sections joined. When
/// the element has a CDATA section, text pieces of whitespace only are layout
/// around the sections (`<URL>\n  <![CDATA[...]]>\n</URL>`) and are left out.
#[derive(Debug)]
pub(crate) struct ValueBuffer {
    pub(crate) value_type: ValueType,
    pieces: Vec<(PieceKind, String)>,
    len: usize,
    cut: bool,
}

impl ValueBuffer {
    pub(crate) fn new(value_type: ValueType) -> Self {
        ValueBuffer {
            value_type,
            pieces: Vec::new(),
            len: 0,
            cut: false,
        }
    }

    pub(crate) fn push_text(&mut self, text: &str) {
        self.push(PieceKind::Text, text);
    }

    pub(crate) fn push_reference(&mut self, text: &str) {
        self.push(PieceKind::Reference, text);
    }

    pub(crate) fn push_cdata(&mut self, text: &str) {
        self.push(PieceKind::CData, text);
    }

    fn push(&mut self, kind: PieceKind, text: &str) {
        let room = MAX_VALUE_LEN.saturating_sub(self.len);
        if text.len() > room {
            self.cut = true;
        }
        let mut end = text.len().min(room);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.len += end;
        self.pieces.push((kind, text[..end].to_owned()));
    }

    /// Joins the pieces into the value, and returns whether it was cut.
    pub(crate) fn finish(&self) -> (String, bool) {
        let has_cdata = self
            .pieces
            .iter()
            .any(|(kind, _)| *kind == PieceKind::CData);
        let value = self
            .pieces
            .iter()
            .filter(|(kind, text)| {
                !(has_cdata && *kind == PieceKind::Text && text.trim_ascii().is_empty())
            })
            .map(|(_, text)| text.as_str())
            .collect();
        (value, self.cut)
    }
}

/// Rule the checker applies to an open element.
#[derive(Debug)]
pub(crate) enum Rule {
    /// Declared: its content model applies.
    Declared(&'static ElementDecl),
    /// Undeclared, or inside an undeclared element or an unexpected root:
    /// nothing about its structure is reported.
    Unchecked,
}

/// One open element.
#[derive(Debug)]
pub(crate) struct Frame {
    pub(crate) name: String,
    /// `("id", "231")` for an asset, `("qid", "610100")` for a detection.
    pub(crate) key: Option<(&'static str, String)>,
    pub(crate) start: Position,
    pub(crate) rule: Rule,
    pub(crate) cursor: SequenceCursor,
    pub(crate) value: Option<ValueBuffer>,
    /// Set once text out of place was reported, so that one run of bad text
    /// gives one finding.
    pub(crate) text_reported: bool,
    /// Required children reported missing before a later sibling, in case they
    /// still come, out of order.
    pub(crate) reported_missing: Vec<ReportedMissing>,
}

/// A required child reported missing where `before` started.
#[derive(Debug)]
pub(crate) struct ReportedMissing {
    pub(crate) name: String,
    pub(crate) before: String,
    /// Index of the finding in the report, unless the report was full.
    pub(crate) index: Option<usize>,
}

impl Frame {
    pub(crate) fn content(&self) -> Option<&'static ContentModel> {
        match self.rule {
            Rule::Declared(decl) => Some(&decl.content),
            Rule::Unchecked => None,
        }
    }

    pub(crate) fn is_checked(&self) -> bool {
        matches!(self.rule, Rule::Declared(_))
    }

    /// Judges a child element against this element's content model.
    pub(crate) fn accept_child(&mut self, name: &str) -> ChildVerdict {
        match self.content() {
            None | Some(ContentModel::Any) => ChildVerdict::Fits {
                missing: Vec::new(),
            },
            Some(ContentModel::Mixed(names)) if names.iter().any(|n| n == name) => {
                ChildVerdict::Fits {
                    missing: Vec::new(),
                }
            }
            Some(ContentModel::Sequence(particles)) => self.cursor.accept(particles, name),
            Some(ContentModel::Mixed(_) | ContentModel::Text | ContentModel::Empty) => {
                ChildVerdict::NotAllowed
            }
        }
    }

    /// Lists the required children that never came, once the element ends.
    pub(crate) fn missing_children(&self) -> Vec<String> {
        match self.content() {
            Some(ContentModel::Sequence(particles)) => self.cursor.missing_at_end(particles),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtd::Occurrence;

    fn particles(spec: &[(&str, Occurrence)]) -> Vec<Particle> {
        spec.iter()
            .map(|&(name, occurrence)| Particle {
                name: name.to_owned(),
                occurrence,
            })
            .collect()
    }

    fn fits(missing: &[&str]) -> ChildVerdict {
        ChildVerdict::Fits {
            missing: missing.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn cursor_reports_skipped_required() {
        use Occurrence::*;
        let model = particles(&[("QID", One), ("TYPE", One), ("SEVERITY", Optional)]);
        let mut cursor = SequenceCursor::default();
        assert_eq!(cursor.accept(&model, "QID"), fits(&[]));
        assert_eq!(cursor.accept(&model, "SEVERITY"), fits(&["TYPE"]));
        assert!(cursor.missing_at_end(&model).is_empty());
    }

    #[test]
    fn cursor_reports_repeats_and_disorder() {
        use Occurrence::*;
        let model = particles(&[("DATETIME", One), ("LIST", Optional), ("WARNING", Optional)]);
        let mut cursor = SequenceCursor::default();
        assert_eq!(cursor.accept(&model, "DATETIME"), fits(&[]));
        assert_eq!(cursor.accept(&model, "LIST"), fits(&[]));
        assert_eq!(cursor.accept(&model, "LIST"), ChildVerdict::Repeated);
        assert_eq!(cursor.accept(&model, "WARNING"), fits(&[]));
        assert_eq!(cursor.accept(&model, "LIST"), ChildVerdict::Repeated);
        assert_eq!(cursor.accept(&model, "OTHER"), ChildVerdict::NotAllowed);

        let mut cursor = SequenceCursor::default();
        cursor.accept(&model, "WARNING");
        assert_eq!(
            cursor.accept(&model, "LIST"),
            ChildVerdict::OutOfOrder {
                before: "WARNING".to_owned()
            }
        );
    }

    #[test]
    fn cursor_allows_repetition_of_plus() {
        use Occurrence::*;
        let model = particles(&[("ASSET", OneOrMore)]);
        let mut cursor = SequenceCursor::default();
        assert_eq!(cursor.missing_at_end(&model), ["ASSET"]);
        for _ in 0..3 {
            assert_eq!(cursor.accept(&model, "ASSET"), fits(&[]));
        }
        assert!(cursor.missing_at_end(&model).is_empty());
    }

    #[test]
    fn value_drops_layout_around_cdata() {
        let mut value = ValueBuffer::new(ValueType::Unsigned);
        value.push_text("\n  ");
        value.push_cdata("61");
        value.push_cdata("0100");
        value.push_text("\n");
        assert_eq!(value.finish(), ("610100".to_owned(), false));

        let mut value = ValueBuffer::new(ValueType::Unsigned);
        value.push_text(" 1");
        value.push_reference("2");
        assert_eq!(value.finish(), (" 12".to_owned(), false));
    }

    #[test]
    fn value_is_cut_on_char_boundary() {
        let mut value = ValueBuffer::new(ValueType::Unsigned);
        value.push_text(&"\u{e9}".repeat(100));
        let (text, cut) = value.finish();
        assert!(cut);
        assert_eq!(text.len(), MAX_VALUE_LEN);
    }
}
