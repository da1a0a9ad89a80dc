//! Tag sets of `tag_set_include` and `tag_set_exclude`.

use std::fmt;

use super::ranges::parse_decimal;
use super::{ParamName, TagSetBy};
use crate::ApiMessage;

/// A non-empty, comma-separated list of tags, by ID or by name as
/// `tag_set_by` selects.
///
/// # Example
///
/// ```
/// use qualys_sem::query::TagSet;
///
/// let tags = TagSet::names(["Cloud Agent", "Mobile"]).unwrap();
/// assert_eq!(tags.to_string(), "Cloud Agent,Mobile");
/// assert_eq!(TagSet::names(["a,b"]), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TagSet(Tags);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Tags {
    Ids(Vec<u64>),
    Names(Vec<String>),
}

impl TagSet {
    /// Creates a set of tag IDs, or returns `None` when `ids` is empty.
    pub fn ids(ids: impl IntoIterator<Item = u64>) -> Option<TagSet> {
        let ids: Vec<u64> = ids.into_iter().collect();
        (!ids.is_empty()).then_some(TagSet(Tags::Ids(ids)))
    }

    /// Creates a set of tag names, or returns `None` when the list is
    /// empty or a name is empty or contains a comma, which separates names.
    pub fn names<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Option<TagSet> {
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        let valid = names
            .iter()
            .all(|name| !name.is_empty() && !name.contains(','));
        (valid && !names.is_empty()).then_some(TagSet(Tags::Names(names)))
    }

    /// Returns how the set names its tags.
    pub fn set_by(&self) -> TagSetBy {
        match self.0 {
            Tags::Ids(_) => TagSetBy::Id,
            Tags::Names(_) => TagSetBy::Name,
        }
    }

    /// Returns the tag IDs, or `None` for a set of names.
    pub fn as_ids(&self) -> Option<&[u64]> {
        match &self.0 {
            Tags::Ids(ids) => Some(ids),
            Tags::Names(_) => None,
        }
    }

    /// Returns the tag names, or `None` for a set of IDs.
    pub fn as_names(&self) -> Option<&[String]> {
        match &self.0 {
            Tags::Ids(_) => None,
            Tags::Names(names) => Some(names),
        }
    }

    /// Parses the value of `param` for tags named the way `set_by` selects.
    ///
    /// # Errors
    ///
    /// Returns the API's `has invalid value` message for an empty entry, or
    /// an entry that is not a decimal `u64` when `set_by` is
    /// [`TagSetBy::Id`].
    pub fn parse(param: ParamName, set_by: TagSetBy, text: &str) -> Result<TagSet, ApiMessage> {
        let entries = text.split(',');
        let parsed = match set_by {
            TagSetBy::Id => entries
                .map(parse_decimal)
                .collect::<Option<Vec<u64>>>()
                .and_then(TagSet::ids),
            TagSetBy::Name => TagSet::names(entries),
        };
        parsed.ok_or_else(|| ApiMessage::invalid_value(param.as_str(), text, allowed_tags(set_by)))
    }
}

/// Returns the allowed list for a tag set value under `set_by`.
pub(crate) fn allowed_tags(set_by: TagSetBy) -> &'static [&'static str] {
    match set_by {
        TagSetBy::Id => &["tag IDs"],
        TagSetBy::Name => &["tag names"],
    }
}

impl fmt::Display for TagSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Tags::Ids(ids) => {
                let texts: Vec<String> = ids.iter().map(u64::to_string).collect();
                f.write_str(&texts.join(","))
            }
            Tags::Names(names) => f.write_str(&names.join(",")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_under_name_stay_names() {
        let tags = TagSet::parse(ParamName::TagSetInclude, TagSetBy::Name, "12,34").unwrap();
        assert_eq!(
            tags.as_names(),
            Some(&["12".to_owned(), "34".to_owned()][..])
        );
    }

    #[test]
    fn names_under_id_are_invalid() {
        let error = TagSet::parse(ParamName::TagSetInclude, TagSetBy::Id, "12,Mobile").unwrap_err();
        assert_eq!(
            error.to_string(),
            "parameter tag_set_include has invalid value: 12,Mobile \
             (please specify one of the following: tag IDs )"
        );
    }

    #[test]
    fn empty_entry_is_invalid() {
        assert!(TagSet::parse(ParamName::TagSetExclude, TagSetBy::Name, "a,,b").is_err());
        assert!(TagSet::parse(ParamName::TagSetExclude, TagSetBy::Id, "").is_err());
    }
}
