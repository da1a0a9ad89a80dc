//! Parameters whose value is one of a few fixed words.

use std::fmt;

/// Declares an enum of fixed words with `as_str`, `from_word` and the
/// allowed list used in `has invalid value` messages.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$variant_meta:meta])* $variant:ident => $word:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order of the API's allowed list.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub(crate) const WORDS: &'static [&'static str] = &[$($word),+];

            /// Returns the value as written in a query string.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word ),+
                }
            }

            /// Looks up a value by its exact, case-sensitive word.
            pub fn from_word(word: &str) -> Option<$name> {
                match word {
                    $( $word => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum! {
    /// The value of `output_format`: the SEM API writes XML only.
    OutputFormat {
        /// `XML`.
        Xml => "XML",
    }
}

word_enum! {
    /// An asset status in `status`.
    AssetStatus {
        /// `Enrolled`, the only status selected when `status` is absent.
        Enrolled => "Enrolled",
        /// `Deenrolled`.
        Deenrolled => "Deenrolled",
        /// `Ready for Re-enrollment`.
        ReadyForReenrollment => "Ready for Re-enrollment",
    }
}

word_enum! {
    /// The value of `tag_set_by`: how `tag_set_include` and
    /// `tag_set_exclude` name tags.
    TagSetBy {
        /// `id`, the default: tags by ID.
        Id => "id",
        /// `name`: tags by name.
        Name => "name",
    }
}

word_enum! {
    /// The value of `tag_include_selector` and `tag_exclude_selector`.
    TagSelector {
        /// `any`, the default: an asset matches with at least one tag.
        Any => "any",
        /// `all`: an asset matches only with every tag.
        All => "all",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for status in AssetStatus::ALL {
            assert_eq!(AssetStatus::from_word(status.as_str()), Some(*status));
        }
        assert_eq!(AssetStatus::WORDS.len(), AssetStatus::ALL.len());
    }

    #[test]
    fn words_are_case_sensitive() {
        assert_eq!(OutputFormat::from_word("xml"), None);
        assert_eq!(TagSetBy::from_word("ID"), None);
    }
}
