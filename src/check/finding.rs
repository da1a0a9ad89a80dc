//! One departure of a document from the DTD, with where it happened.

use std::fmt;

use super::position::Position;
use super::value::ValueType;

/// A place where the document departs from the DTD.
///
/// `Display` writes `line:column: message`, with the element path in
/// brackets when there is one, so a caller that prefixes the file name
/// gets the usual `file:line:column: message` form.
///
/// # Example
///
/// ```
/// let report = qualys_sem::check::check_slice(b"<ASSET_LIST_VM_DETECTION_OUTPUT/>");
/// let finding = &report.findings()[0];
/// assert_eq!(
///     finding.to_string(),
///     "1:1: required element RESPONSE is missing from ASSET_LIST_VM_DETECTION_OUTPUT \
///      [/ASSET_LIST_VM_DETECTION_OUTPUT]"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Start of the departure.
    pub position: Position,
    /// Element path such as `/ROOT/RESPONSE/ASSET_LIST/ASSET[id=231]/ID`, or
    /// empty outside the root element. Assets and detections carry their
    /// `ID` or `QID` once that child has been read.
    pub path: String,
    /// Kind of departure, with its details.
    pub kind: FindingKind,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.kind)?;
        if !self.path.is_empty() {
            write!(f, " [{}]", self.path)?;
        }
        Ok(())
    }
}

/// The kinds of departure the checker reports.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FindingKind {
    /// An element the DTD does not declare. Its content is not checked further.
    UnknownElement {
        /// Element name.
        name: String,
    },
    /// A declared element in a parent whose content model does not name it.
    ElementNotAllowed {
        /// Element name.
        name: String,
        /// Parent element name.
        parent: String,
        /// The parent's content model, such as `(#PCDATA)`.
        content: String,
    },
    /// An element after a sibling that must follow it.
    OutOfOrder {
        /// Element name.
        name: String,
        /// The earlier sibling that it must precede.
        before: String,
    },
    /// A second occurrence of an element that may occur once.
    Repeated {
        /// Element name.
        name: String,
        /// Parent element name.
        parent: String,
    },
    /// A required child that is absent.
    MissingChild {
        /// The missing element.
        name: String,
        /// Parent element name.
        parent: String,
    },
    /// Character data where the content model has elements only.
    TextNotAllowed {
        /// Parent element name.
        parent: String,
        /// The first characters of the text.
        text: String,
    },
    /// Character data before or after the root element.
    TextOutsideRoot {
        /// The first characters of the text.
        text: String,
    },
    /// A character outside XML 1.0's `Char` production, such as a raw control character.
    InvalidChar {
        /// Code point of the first such character.
        code_point: u32,
        /// Number of such characters in the same stretch of text or markup.
        count: u64,
    },
    /// A character reference that names no character, or one outside `Char`.
    InvalidCharRef {
        /// The reference as written, such as `&#1;`.
        reference: String,
    },
    /// A reference to an entity that is neither predefined nor declared.
    UndeclaredEntity {
        /// Entity name.
        name: String,
    },
    /// A reference to an entity of the internal DTD subset, which is never expanded.
    UnexpandedEntity {
        /// Entity name.
        name: String,
    },
    /// A value that does not have its element's type.
    InvalidValue {
        /// Element name.
        element: String,
        /// The value as read, cut to its first 40 characters.
        value: String,
        /// The type the value must have.
        expected: ValueType,
    },
    /// An attribute the DTD does not declare for this element.
    UndeclaredAttribute {
        /// Element name.
        element: String,
        /// Attribute name.
        name: String,
    },
    /// A `#REQUIRED` attribute that is absent.
    MissingAttribute {
        /// Element name.
        element: String,
        /// Attribute name.
        name: String,
    },
    /// An attribute that cannot be read, such as a duplicate or an unquoted value.
    MalformedAttribute {
        /// Element name.
        element: String,
        /// Description of the fault.
        message: String,
    },
    /// The root element is not the one the DTD describes. Its content is not checked.
    UnexpectedRoot {
        /// Root element found.
        name: String,
        /// Root element the DTD describes.
        expected: String,
    },
    /// The DOCTYPE names another root element than the document has.
    DoctypeMismatch {
        /// Name in the DOCTYPE.
        declared: String,
        /// Name of the root element.
        root: String,
    },
    /// The DOCTYPE has an internal subset. Its declarations are ignored.
    InternalSubset {
        /// Number of entity declarations in it, none of which is expanded.
        entity_count: usize,
    },
    /// An element after the end of the root element.
    ElementAfterRoot {
        /// Element name.
        name: String,
    },
    /// The XML declaration names an encoding other than UTF-8.
    UnsupportedEncoding {
        /// The declared encoding.
        encoding: String,
    },
    /// The document ends before any root element.
    MissingRoot,
    /// Elements nest deeper than the checker follows. Checking stopped here.
    TooDeep {
        /// The maximum depth followed.
        limit: usize,
    },
    /// The document is not well-formed XML. Checking stopped here.
    Malformed {
        /// Message of the XML reader.
        message: String,
    },
}

impl FindingKind {
    /// Tells whether this finding ended the check.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            FindingKind::Malformed { .. } | FindingKind::TooDeep { .. }
        )
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FindingKind as K;
        match self {
            K::UnknownElement { name } => write!(f, "element {name} is not declared in the DTD"),
            K::ElementNotAllowed {
                name,
                parent,
                content,
            } => write!(
                f,
                "element {name} is not allowed in {parent}, whose content is {content}"
            ),
            K::OutOfOrder { name, before } => {
                write!(
                    f,
                    "element {name} is out of order: it must come before {before}"
                )
            }
            K::Repeated { name, parent } => {
                write!(
                    f,
                    "element {name} occurs more than once in {parent}, which allows one"
                )
            }
            K::MissingChild { name, parent } => {
                write!(f, "required element {name} is missing from {parent}")
            }
            K::TextNotAllowed { parent, text } => {
                write!(
                    f,
                    "text {text:?} is not allowed in {parent}, which contains elements only"
                )
            }
            K::TextOutsideRoot { text } => {
                write!(f, "text {text:?} is not allowed outside the root element")
            }
            K::InvalidChar { code_point, count } => {
                write!(f, "character U+{code_point:04X} is not allowed in XML 1.0")?;
                if *count > 1 {
                    write!(f, " ({count} such characters in this stretch)")?;
                }
                Ok(())
            }
            K::InvalidCharRef { reference } => {
                write!(
                    f,
                    "character reference {reference} names no allowed XML 1.0 character"
                )
            }
            K::UndeclaredEntity { name } => write!(f, "entity &{name}; is not declared"),
            K::UnexpandedEntity { name } => write!(
                f,
                "entity &{name}; comes from the internal DTD subset and is not expanded"
            ),
            K::InvalidValue {
                element,
                value,
                expected,
            } => write!(f, "invalid {element} value {value:?}: expected {expected}"),
            K::UndeclaredAttribute { element, name } => {
                write!(f, "attribute {name} is not declared for element {element}")
            }
            K::MissingAttribute { element, name } => {
                write!(
                    f,
                    "required attribute {name} is missing from element {element}"
                )
            }
            K::MalformedAttribute { element, message } => {
                write!(f, "malformed attribute in element {element}: {message}")
            }
            K::UnexpectedRoot { name, expected } => {
                write!(f, "unexpected root element {name}: expected {expected}")
            }
            K::DoctypeMismatch { declared, root } => write!(
                f,
                "DOCTYPE declares root element {declared} but the root element is {root}"
            ),
            K::InternalSubset { entity_count } => write!(
                f,
                "the internal DTD subset is ignored and its {entity_count} entity declarations \
                 are not expanded"
            ),
            K::ElementAfterRoot { name } => {
                write!(f, "element {name} follows the end of the root element")
            }
            K::UnsupportedEncoding { encoding } => write!(
                f,
                "encoding {encoding:?} is not supported: the document is read as UTF-8"
            ),
            K::MissingRoot => f.write_str("the document has no root element"),
            K::TooDeep { limit } => write!(
                f,
                "elements nest deeper than {limit} levels; checking stopped"
            ),
            K::Malformed { message } => write!(f, "malformed XML: {message}; checking stopped"),
        }
    }
}
