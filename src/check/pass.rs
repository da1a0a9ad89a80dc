//! The streaming pass: one quick-xml event at a time, checked against the DTD.

use std::io::Read;
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::{BytesCData, BytesDecl, BytesRef, BytesStart, BytesText, Event};

use super::CheckError;
use super::chars::{find_bad_chars, is_xml_char};
use super::finding::{Finding, FindingKind};
use super::frame::{ChildVerdict, Frame, ReportedMissing, Rule, ValueBuffer};
use super::position::{Position, Tracker};
use super::report::Report;
use super::value::value_type;
use crate::dtd::{ContentModel, Doctype, Dtd, SEM_ROOT, sem_dtd};

/// Elements nesting deeper than this end the check. The export nests eight
/// levels deep, and the bound keeps the element stack small on any input.
pub(crate) const MAX_DEPTH: usize = 256;

/// After an event this large, the event buffer gives its memory back.
const BUFFER_KEEP: usize = 1 << 20;

/// Characters of text quoted in a finding.
const TEXT_PREVIEW: usize = 40;

pub(crate) struct Pass<R> {
    reader: Reader<Tracker<R>>,
    dtd: &'static Dtd,
    stack: Vec<Frame>,
    report: Report,
    root_closed: bool,
    /// Findings about an element that is being opened, reported once it is
    /// on the stack so that their path ends with the element itself.
    deferred: Vec<(Position, FindingKind)>,
    /// Bytes the tracker consumed that quick-xml's offsets do not count,
    /// such as a byte order mark.
    offset_shift: u64,
}

impl<R: Read> Pass<R> {
    pub(crate) fn new(input: R, max_findings: usize) -> Self {
        let mut reader = Reader::from_reader(Tracker::new(input));
        // Empty elements arrive as Start and End, so `<ASSET/>` is judged
        // like `<ASSET></ASSET>`; end names are checked by quick-xml.
        reader.config_mut().expand_empty_elements = true;
        reader.config_mut().check_end_names = true;
        Pass {
            reader,
            dtd: sem_dtd(),
            stack: Vec::new(),
            report: Report::new(max_findings),
            root_closed: false,
            deferred: Vec::new(),
            offset_shift: 0,
        }
    }

    pub(crate) fn run(mut self) -> Result<Report, CheckError> {
        let mut buf = Vec::new();
        loop {
            self.reader.get_mut().mark();
            let start = self.reader.get_ref().window_start();
            self.offset_shift = start.offset.saturating_sub(self.reader.buffer_position());
            buf.clear();
            if buf.capacity() > BUFFER_KEEP {
                buf.shrink_to(BUFFER_KEEP / 16);
            }

            let event = self.reader.read_event_into(&mut buf);
            self.check_chars();
            let keep_going = match event {
                Ok(event) => self.handle(event, start),
                Err(quick_xml::Error::Io(source)) => {
                    return Err(CheckError::Io {
                        offset: self.reader.get_ref().position_at(usize::MAX).offset,
                        source: Arc::clone(&source),
                    });
                }
                Err(error) => {
                    self.malformed(error.to_string());
                    false
                }
            };
            if !keep_going {
                break;
            }
        }
        self.report.bytes_read = self.reader.get_ref().position_at(usize::MAX).offset;
        Ok(self.report)
    }

    /// Handles one event, and returns whether to read on.
    fn handle(&mut self, event: Event<'_>, start: Position) -> bool {
        match event {
            Event::Start(element) => return self.open(&element, start),
            Event::End(_) => self.close(),
            Event::Text(text) => self.text(&text),
            Event::CData(cdata) => self.cdata(&cdata, start),
            Event::GeneralRef(reference) => self.reference(&reference, start),
            Event::DocType(doctype) => self.doctype(&doctype, start),
            Event::Decl(decl) => self.declaration(&decl, start),
            Event::Empty(_) | Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => {
                self.end_of_input(start);
                return false;
            }
        }
        true
    }

    fn push(&mut self, position: Position, kind: FindingKind) {
        let path = self.path();
        self.report.push(Finding {
            position,
            path,
            kind,
        });
    }

    /// Path of the innermost open element, with the keys known so far.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            path.push('/');
            path.push_str(&frame.name);
            if let Some((key, value)) = &frame.key {
                path.push_str(&format!("[{key}={value}]"));
            }
        }
        path
    }

    /// Reports characters outside `Char` anywhere in the last event's bytes.
    fn check_chars(&mut self) {
        let tracker = self.reader.get_ref();
        if let Some(bad) = find_bad_chars(tracker.window()) {
            let position = tracker.position_at(bad.index);
            let kind = FindingKind::InvalidChar {
                code_point: bad.code_point,
                count: bad.count,
            };
            self.push(position, kind);
        }
    }

    fn malformed(&mut self, message: String) {
        let tracker = self.reader.get_ref();
        let offset = self.reader.error_position() + self.offset_shift;
        let index = offset.saturating_sub(tracker.window_start().offset);
        let position = tracker.position_at(usize::try_from(index).unwrap_or(usize::MAX));
        self.push(position, FindingKind::Malformed { message });
    }

    fn open(&mut self, element: &BytesStart<'_>, start: Position) -> bool {
        let name = element.name().as_ref().to_owned();
        if self.stack.len() >= MAX_DEPTH {
            self.push(start, FindingKind::TooDeep { limit: MAX_DEPTH });
            return false;
        }

        let rule = match self.stack.last_mut() {
            None => self.open_root(&name, start),
            Some(parent) if !parent.is_checked() => Rule::Unchecked,
            Some(parent) => {
                let verdict = parent.accept_child(&name);
                let parent_name = parent.name.clone();
                let parent_content = parent.content();
                self.judge_child(&name, &parent_name, parent_content, verdict, start)
            }
        };
        let value = match (&rule, self.stack.last()) {
            (Rule::Declared(_), Some(parent)) => {
                value_type(&parent.name, &name).map(ValueBuffer::new)
            }
            _ => None,
        };

        self.stack.push(Frame {
            name,
            key: None,
            start,
            rule,
            cursor: Default::default(),
            value,
            text_reported: false,
            reported_missing: Vec::new(),
        });
        for (position, kind) in std::mem::take(&mut self.deferred) {
            self.push(position, kind);
        }
        if matches!(self.stack.last().map(|f| &f.rule), Some(Rule::Declared(_))) {
            self.check_attributes(element, start);
        }
        true
    }

    fn open_root(&mut self, name: &str, start: Position) -> Rule {
        if self.root_closed {
            let kind = FindingKind::ElementAfterRoot {
                name: name.to_owned(),
            };
            self.deferred.push((start, kind));
            return Rule::Unchecked;
        }
        self.report.root = Some(name.to_owned());

        if let Some(doctype) = &self.report.doctype
            && doctype.name != name
        {
            let kind = FindingKind::DoctypeMismatch {
                declared: doctype.name.clone(),
                root: name.to_owned(),
            };
            self.deferred.push((start, kind));
        }
        match self.dtd.element(name) {
            Some(decl) if name == SEM_ROOT => Rule::Declared(decl),
            _ => {
                let kind = FindingKind::UnexpectedRoot {
                    name: name.to_owned(),
                    expected: SEM_ROOT.to_owned(),
                };
                self.deferred.push((start, kind));
                Rule::Unchecked
            }
        }
    }

    /// Reports the parent's verdict on a child, and returns the rule for
    /// the child's own content.
    fn judge_child(
        &mut self,
        name: &str,
        parent: &str,
        parent_content: Option<&'static ContentModel>,
        verdict: ChildVerdict,
        start: Position,
    ) -> Rule {
        let Some(decl) = self.dtd.element(name) else {
            let kind = FindingKind::UnknownElement {
                name: name.to_owned(),
            };
            self.deferred.push((start, kind));
            return Rule::Unchecked;
        };

        let (name, parent) = (name.to_owned(), parent.to_owned());
        match verdict {
            ChildVerdict::Fits { missing } => {
                for missing in missing {
                    let kind = FindingKind::MissingChild {
                        name: missing.clone(),
                        parent: parent.clone(),
                    };
                    let index = self.report.findings.len();
                    self.push(start, kind);
                    let is_kept = self.report.findings.len() > index;
                    if let Some(frame) = self.stack.last_mut() {
                        frame.reported_missing.push(ReportedMissing {
                            name: missing,
                            before: name.clone(),
                            index: is_kept.then_some(index),
                        });
                    }
                }
            }
            ChildVerdict::Repeated => {
                let kind = FindingKind::Repeated { name, parent };
                self.deferred.push((start, kind));
            }
            ChildVerdict::OutOfOrder { before } => {
                // A required child reported missing that comes after all is out of order. The
                // earlier finding is rewritten to report that, so the child gets one finding.
                if self.take_reported_missing(&name).is_none() {
                    let kind = FindingKind::OutOfOrder { name, before };
                    self.deferred.push((start, kind));
                }
            }
            ChildVerdict::NotAllowed => {
                let content = parent_content.map(ToString::to_string).unwrap_or_default();
                let kind = FindingKind::ElementNotAllowed {
                    name,
                    parent,
                    content,
                };
                self.deferred.push((start, kind));
            }
        }
        Rule::Declared(decl)
    }

    /// Turns the finding that reported `name` missing from the innermost open element into
    /// one that reports it out of order. Returns what was reported, or `None` if nothing was.
    fn take_reported_missing(&mut self, name: &str) -> Option<ReportedMissing> {
        let frame = self.stack.last_mut()?;
        let at = frame.reported_missing.iter().position(|m| m.name == name)?;
        let reported = frame.reported_missing.swap_remove(at);
        if let Some(finding) = reported.index.and_then(|i| self.report.findings.get_mut(i)) {
            finding.kind = FindingKind::OutOfOrder {
                name: reported.name.clone(),
                before: reported.before.clone(),
            };
        }
        Some(reported)
    }

    fn check_attributes(&mut self, element: &BytesStart<'_>, start: Position) {
        let Some(Frame {
            rule: Rule::Declared(decl),
            ..
        }) = self.stack.last()
        else {
            return;
        };
        let decl = *decl;
        let mut present = Vec::new();

        for attribute in element.attributes() {
            let kind = match attribute {
                Ok(attribute) => {
                    let name = attribute.key.as_ref().to_owned();
                    let declared = decl.attributes.iter().any(|a| a.name == name);
                    present.push(name.clone());
                    if declared {
                        continue;
                    }
                    FindingKind::UndeclaredAttribute {
                        element: decl.name.clone(),
                        name,
                    }
                }
                Err(error) => FindingKind::MalformedAttribute {
                    element: decl.name.clone(),
                    message: error.to_string(),
                },
            };
            self.push(start, kind);
        }

        for required in decl.attributes.iter().filter(|a| a.required) {
            if !present.contains(&required.name) {
                let kind = FindingKind::MissingAttribute {
                    element: decl.name.clone(),
                    name: required.name.clone(),
                };
                self.push(start, kind);
            }
        }
    }

    fn close(&mut self) {
        let Some(frame) = self.stack.last() else {
            return;
        };
        let start = frame.start;
        let parent = frame.name.clone();
        for name in frame.missing_children() {
            let kind = FindingKind::MissingChild {
                name,
                parent: parent.clone(),
            };
            self.push(start, kind);
        }

        let key = self.check_value();
        self.stack.pop();
        if self.stack.is_empty() {
            self.root_closed = true;
        }
        // The first valid ID names the asset; a repeated ID is reported and
        // does not rename it.
        if let (Some(key), Some(parent)) = (key, self.stack.last_mut()) {
            parent.key.get_or_insert(key);
        }
    }

    /// Checks the value of the innermost element, and returns the key it
    /// gives its parent in paths (an asset's ID, a detection's QID) when
    /// the value is valid.
    fn check_value(&mut self) -> Option<(&'static str, String)> {
        let frame = self.stack.last()?;
        let buffer = frame.value.as_ref()?;
        let (value, cut) = buffer.finish();
        let expected = buffer.value_type;
        let start = frame.start;
        let element = frame.name.clone();
        let parent = self.stack.iter().rev().nth(1).map(|p| p.name.as_str());
        let key_name = match (parent, element.as_str()) {
            (Some("ASSET"), "ID") => Some("id"),
            (Some("DETECTION"), "QID") => Some("qid"),
            _ => None,
        };

        if cut || !expected.accepts(&value) {
            let kind = FindingKind::InvalidValue {
                element,
                value: preview(&value),
                expected,
            };
            self.push(start, kind);
            return None;
        }
        key_name.map(|key_name| (key_name, value))
    }

    fn text(&mut self, text: &BytesText<'_>) {
        let content = text.xml10_content();
        let Some(frame) = self.stack.last_mut() else {
            if !content.trim_ascii().is_empty() {
                let position = self.first_non_space();
                let kind = FindingKind::TextOutsideRoot {
                    text: preview(content.trim_ascii()),
                };
                self.push(position, kind);
            }
            return;
        };
        if let Some(value) = frame.value.as_mut() {
            value.push_text(&content);
            return;
        }
        let blank = content.trim_ascii().is_empty();
        let allowed = match frame.content() {
            None => true,
            Some(ContentModel::Empty) => content.is_empty(),
            Some(ContentModel::Sequence(_)) => blank,
            Some(_) => true,
        };
        if !allowed {
            let position = self.first_non_space();
            self.text_not_allowed(content.trim_ascii(), position);
        }
    }

    fn cdata(&mut self, cdata: &BytesCData<'_>, start: Position) {
        let content = cdata.xml10_content();
        if !self.accepts_text() {
            self.text_not_allowed(&content, start);
        } else if let Some(value) = self.stack.last_mut().and_then(|f| f.value.as_mut()) {
            value.push_cdata(&content);
        }
    }

    fn reference(&mut self, reference: &BytesRef<'_>, start: Position) {
        let name: &str = reference;
        let resolved = match reference.resolve_char_ref() {
            Ok(Some(c)) if is_xml_char(c) => Some(c.to_string()),
            Ok(Some(_)) | Err(_) => {
                let kind = FindingKind::InvalidCharRef {
                    reference: format!("&{name};"),
                };
                self.push(start, kind);
                None
            }
            Ok(None) => self.entity(name, start),
        };
        let text = resolved.unwrap_or_else(|| format!("&{name};"));

        if !self.accepts_text() {
            self.text_not_allowed(&text, start);
        } else if let Some(value) = self.stack.last_mut().and_then(|f| f.value.as_mut()) {
            value.push_reference(&text);
        }
    }

    /// Resolves a predefined entity, or reports the reference.
    fn entity(&mut self, name: &str, start: Position) -> Option<String> {
        let predefined = match name {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "apos" => "'",
            "quot" => "\"",
            _ => {
                let from_subset = self
                    .report
                    .doctype
                    .as_ref()
                    .and_then(|d| d.internal_subset.as_ref())
                    .is_some_and(|subset| {
                        // Beyond the names kept, any reference may be one of its entities.
                        subset.entity_count > subset.entity_names.len()
                            || subset.entity_names.iter().any(|n| n == name)
                    });
                let name = name.to_owned();
                let kind = if from_subset {
                    FindingKind::UnexpandedEntity { name }
                } else {
                    FindingKind::UndeclaredEntity { name }
                };
                self.push(start, kind);
                return None;
            }
        };
        Some(predefined.to_owned())
    }

    /// Tells whether character data may appear where the reader is. Outside
    /// the root it may not, and [`Self::text_not_allowed`] reports it there.
    fn accepts_text(&self) -> bool {
        match self.stack.last() {
            None => false,
            Some(frame) => frame.content().is_none_or(ContentModel::allows_text),
        }
    }

    fn text_not_allowed(&mut self, text: &str, position: Position) {
        let text = preview(text);
        let Some(frame) = self.stack.last_mut() else {
            self.push(position, FindingKind::TextOutsideRoot { text });
            return;
        };
        if frame.text_reported {
            return;
        }
        frame.text_reported = true;
        let parent = frame.name.clone();
        self.push(position, FindingKind::TextNotAllowed { parent, text });
    }

    fn first_non_space(&self) -> Position {
        let tracker = self.reader.get_ref();
        let window = tracker.window();
        let index = window
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        tracker.position_at(index)
    }

    fn doctype(&mut self, content: &BytesText<'_>, start: Position) {
        let text: &str = content;
        let doctype = Doctype::parse(text);
        if let Some(subset) = &doctype.internal_subset {
            let kind = FindingKind::InternalSubset {
                entity_count: subset.entity_count,
            };
            self.push(start, kind);
        }
        self.report.doctype = Some(doctype);
    }

    fn declaration(&mut self, decl: &BytesDecl<'_>, start: Position) {
        let Some(Ok(encoding)) = decl.encoding() else {
            return;
        };
        let utf8 = encoding.eq_ignore_ascii_case("utf-8") || encoding.eq_ignore_ascii_case("utf8");
        if !utf8 {
            let kind = FindingKind::UnsupportedEncoding {
                encoding: encoding.into_owned(),
            };
            self.push(start, kind);
        }
    }

    fn end_of_input(&mut self, start: Position) {
        if let Some(frame) = self.stack.last() {
            let message = format!(
                "the document ends inside element {} (opened at {})",
                frame.name, frame.start
            );
            self.push(start, FindingKind::Malformed { message });
        } else if self.report.root.is_none() {
            self.push(start, FindingKind::MissingRoot);
        }
    }
}

/// Returns the first characters of `text`, for quoting in a finding.
fn preview(text: &str) -> String {
    match text.char_indices().nth(TEXT_PREVIEW) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}
