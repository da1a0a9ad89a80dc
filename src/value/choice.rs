//! Text enumerations that keep values they do not know.

/// Declares an enum over the fixed texts of one XML element, with an `Other` variant that
/// keeps any other text, so that a value Qualys adds later is carried through unchanged.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name<'a> {
            $( $(#[$variant_meta])* $variant, )+
            /// Any other text, kept exactly as it appeared.
            Other(std::borrow::Cow<'a, str>),
        }

        impl<'a> $name<'a> {
            /// Maps the element's text to a variant; unknown text becomes `Other`.
            pub fn from_text(text: std::borrow::Cow<'a, str>) -> Self {
                match &*text {
                    $( $text => Self::$variant, )+
                    _ => Self::Other(text),
                }
            }

            /// Returns the text of the value as it appears in the XML.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $text, )+
                    Self::Other(text) => text,
                }
            }

            /// Converts into a value that owns its text.
            pub fn into_owned(self) -> $name<'static> {
                match self {
                    $( Self::$variant => $name::$variant, )+
                    Self::Other(text) => $name::Other(std::borrow::Cow::Owned(text.into_owned())),
                }
            }
        }

        impl std::fmt::Display for $name<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de, 'a> serde::Deserialize<'de> for $name<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Ok(Self::from_text(std::borrow::Cow::Owned(text)).into_owned())
            }
        }
    };
}

text_enum! {
    /// The `TYPE` of a detection.
    pub enum DetectionType {
        /// `Confirmed`: the vulnerability was verified on the device.
        Confirmed => "Confirmed",
        /// `Potential`: the vulnerability may be present.
        Potential => "Potential",
        /// `Information`: information gathered about the device, not a vulnerability.
        Information => "Information",
    }
}

text_enum! {
    /// The `STATUS` of a detection.
    pub enum DetectionStatus {
        /// `New`: found for the first time.
        New => "New",
        /// `Active`: found again since it was first found.
        Active => "Active",
        /// `Fixed`: verified fixed.
        Fixed => "Fixed",
        /// `Re-Opened`: found again after it was fixed.
        ReOpened => "Re-Opened",
    }
}

text_enum! {
    /// The `ASSET_STATUS` of a device, the values the `status` query parameter filters on.
    pub enum AssetStatus {
        /// `Enrolled`.
        Enrolled => "Enrolled",
        /// `Deenrolled`.
        Deenrolled => "Deenrolled",
        /// `Ready for Re-enrollment`.
        ReadyForReenrollment => "Ready for Re-enrollment",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn known_text_maps_to_variant() {
        assert_eq!(
            DetectionStatus::from_text(Cow::Borrowed("Re-Opened")),
            DetectionStatus::ReOpened
        );
        assert_eq!(
            AssetStatus::from_text(Cow::Borrowed("Ready for Re-enrollment")),
            AssetStatus::ReadyForReenrollment
        );
    }

    #[test]
    fn unknown_text_is_kept() {
        let status = DetectionStatus::from_text(Cow::Borrowed("Reopened"));
        assert_eq!(status, DetectionStatus::Other(Cow::Borrowed("Reopened")));
        assert_eq!(status.as_str(), "Reopened");
        assert_eq!(
            DetectionType::from_text(Cow::Borrowed("info")).to_string(),
            "info"
        );
    }
}
