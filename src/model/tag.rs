use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::extra::{Extra, owned_extras};

/// An asset tag (`TAG` inside `TAGS`, present with `show_tags=1`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag<'a> {
    /// `TAG_ID`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// `NAME`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Cow<'a, str>>,
    /// Child elements this crate does not model, such as `COLOR`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra<'a>>,
}

impl Tag<'_> {
    /// Converts into a tag that owns its text.
    pub fn into_owned(self) -> Tag<'static> {
        Tag {
            id: self.id,
            name: super::owned_text(self.name),
            extra: owned_extras(self.extra),
        }
    }
}
