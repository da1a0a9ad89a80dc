//! Element declarations: the subset of DTD content models the checker enforces.

use std::collections::HashMap;
use std::fmt;

/// How often a particle of a sequence may occur: the DTD suffixes `?`, `*`, `+` or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurrence {
    /// Exactly once (no suffix).
    One,
    /// Zero or one time (`?`).
    Optional,
    /// Zero or more times (`*`).
    ZeroOrMore,
    /// One or more times (`+`).
    OneOrMore,
}

impl Occurrence {
    /// Tells whether the particle may be left out.
    pub fn is_optional(self) -> bool {
        matches!(self, Occurrence::Optional | Occurrence::ZeroOrMore)
    }

    /// Tells whether the particle may occur more than once in a row.
    pub fn is_repeatable(self) -> bool {
        matches!(self, Occurrence::ZeroOrMore | Occurrence::OneOrMore)
    }

    fn suffix(self) -> &'static str {
        match self {
            Occurrence::One => "",
            Occurrence::Optional => "?",
            Occurrence::ZeroOrMore => "*",
            Occurrence::OneOrMore => "+",
        }
    }
}

/// One child element of a sequence content model, such as `ASSET_ID?`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Particle {
    /// Name of the child element.
    pub name: String,
    /// How often the child may occur at this place.
    pub occurrence: Occurrence,
}

impl fmt::Display for Particle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.name, self.occurrence.suffix())
    }
}

/// Content model of an element declaration.
///
/// Only the forms the export grammars use are represented: choice groups and
/// nested groups are rejected when the DTD is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentModel {
    /// `EMPTY`: neither text nor child elements.
    Empty,
    /// `ANY`: any text and any declared child elements.
    Any,
    /// `(#PCDATA)`: text only.
    Text,
    /// `(#PCDATA | A | B)*`: text mixed with the listed elements in any order.
    Mixed(Vec<String>),
    /// `(A, B?, C+)`: child elements only, in this order.
    Sequence(Vec<Particle>),
}

impl ContentModel {
    /// Tells whether character data other than whitespace may appear directly inside.
    pub fn allows_text(&self) -> bool {
        matches!(
            self,
            ContentModel::Any | ContentModel::Text | ContentModel::Mixed(_)
        )
    }
}

impl fmt::Display for ContentModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentModel::Empty => f.write_str("EMPTY"),
            ContentModel::Any => f.write_str("ANY"),
            ContentModel::Text => f.write_str("(#PCDATA)"),
            ContentModel::Mixed(names) => {
                f.write_str("(#PCDATA")?;
                for name in names {
                    write!(f, " | {name}")?;
                }
                f.write_str(")*")
            }
            ContentModel::Sequence(particles) => {
                f.write_str("(")?;
                for (index, particle) in particles.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{particle}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// One attribute of an `<!ATTLIST>` declaration. Its type is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeDecl {
    /// Attribute name.
    pub name: String,
    /// Whether the default declaration is `#REQUIRED`.
    pub required: bool,
}

/// One `<!ELEMENT>` declaration with the attributes declared for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementDecl {
    /// Element name.
    pub name: String,
    /// Content model: the children and text the element may contain.
    pub content: ContentModel,
    /// Attributes from all `<!ATTLIST>` declarations of this element.
    pub attributes: Vec<AttributeDecl>,
}

/// A document type definition: element declarations by name.
#[derive(Debug, Clone, Default)]
pub struct Dtd {
    elements: Vec<ElementDecl>,
    by_name: HashMap<String, usize>,
}

impl Dtd {
    /// Returns the declaration of an element, if the DTD has one.
    pub fn element(&self, name: &str) -> Option<&ElementDecl> {
        self.by_name.get(name).map(|&index| &self.elements[index])
    }

    /// Returns every element declaration in the order of the file.
    pub fn elements(&self) -> &[ElementDecl] {
        &self.elements
    }

    /// Adds a declaration, or returns it back when its name is already declared.
    pub(crate) fn insert(&mut self, decl: ElementDecl) -> Result<(), ElementDecl> {
        if self.by_name.contains_key(&decl.name) {
            return Err(decl);
        }
        self.by_name.insert(decl.name.clone(), self.elements.len());
        self.elements.push(decl);
        Ok(())
    }

    pub(crate) fn element_mut(&mut self, name: &str) -> Option<&mut ElementDecl> {
        let index = *self.by_name.get(name)?;
        Some(&mut self.elements[index])
    }
}
