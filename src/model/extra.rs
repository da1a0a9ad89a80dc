use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// An element that this crate does not model, kept whole with its attributes, text and
/// nested elements, so that fields Qualys adds (`UNIQUE_VULN_ID`, `QDS`, `TRURISK_SCORE`...)
/// are never lost.
///
/// In JSON it is `{"name": ..., "attributes": [{"name": ..., "value": ...}], "text": ...,
/// "children": [...]}`, where `attributes`, `text` and `children` are left out when empty.
/// The text is the element's own text pieces joined, with the layout whitespace between
/// child elements dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra<'a> {
    /// The element name as written, prefix included.
    pub name: Cow<'a, str>,
    /// The attributes in document order, values unescaped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute<'a>>,
    /// The element's own text, if it has any that is not layout whitespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'a, str>>,
    /// Nested elements in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Extra<'a>>,
}

/// An attribute of an [`Extra`] element.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute<'a> {
    /// The attribute name as written.
    pub name: Cow<'a, str>,
    /// The value with entity and character references decoded.
    pub value: Cow<'a, str>,
}

impl Extra<'_> {
    /// Converts into an element that owns its text.
    pub fn into_owned(self) -> Extra<'static> {
        Extra {
            name: Cow::Owned(self.name.into_owned()),
            attributes: self
                .attributes
                .into_iter()
                .map(|attribute| Attribute {
                    name: Cow::Owned(attribute.name.into_owned()),
                    value: Cow::Owned(attribute.value.into_owned()),
                })
                .collect(),
            text: super::owned_text(self.text),
            children: self.children.into_iter().map(Extra::into_owned).collect(),
        }
    }

    /// Returns the first child with the given name.
    pub fn child(&self, name: &str) -> Option<&Extra<'_>> {
        self.children.iter().find(|child| child.name == name)
    }

    /// Returns the value of the attribute with the given name.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|attribute| attribute.name == name)
            .map(|attribute| &*attribute.value)
    }
}

/// Converts a list of extra elements into owned ones.
pub(crate) fn owned_extras(extras: Vec<Extra<'_>>) -> Vec<Extra<'static>> {
    extras.into_iter().map(Extra::into_owned).collect()
}
