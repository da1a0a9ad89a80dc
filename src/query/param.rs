//! The names of the `/sem/v1/assetList` parameters.

use std::fmt;

/// A parameter of `GET /sem/v1/assetList?action=list`.
///
/// [`ParamName::ALL`] lists them in the order in which a rendered query
/// writes them, which is also the order of the `allows:` list in
/// `Unrecognized parameter(s)` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ParamName {
    /// `action`, required, always `list`.
    Action,
    /// `echo_request`: 1 echoes the request parameters in the output.
    EchoRequest,
    /// `show_asset_id`: 1 shows the asset IDs.
    ShowAssetId,
    /// `show_results`: 0 leaves out the detection results.
    ShowResults,
    /// `show_reopened_info`: 1 adds reopening dates and counts.
    ShowReopenedInfo,
    /// `output_format`: only `XML`.
    OutputFormat,
    /// `truncation_limit`: assets per page.
    TruncationLimit,
    /// `max_days_since_detection_updated`: a number of days.
    MaxDaysSinceDetectionUpdated,
    /// `detection_updated_since`: a date or date and time.
    DetectionUpdatedSince,
    /// `detection_updated_before`: a date or date and time.
    DetectionUpdatedBefore,
    /// `ids`: asset IDs and ranges.
    Ids,
    /// `status`: asset statuses.
    Status,
    /// `os_pattern`: a PCRE expression on the operating system.
    OsPattern,
    /// `qids`: QIDs and ranges.
    Qids,
    /// `severities`: severity levels and ranges.
    Severities,
    /// `use_tags`: 1 selects assets by tags.
    UseTags,
    /// `tag_set_by`: `id` or `name`.
    TagSetBy,
    /// `tag_include_selector`: `any` or `all`.
    TagIncludeSelector,
    /// `tag_exclude_selector`: `any` or `all`.
    TagExcludeSelector,
    /// `tag_set_include`: tags of the assets to include.
    TagSetInclude,
    /// `tag_set_exclude`: tags of the assets to exclude.
    TagSetExclude,
    /// `show_tags`: 1 shows each asset's tags.
    ShowTags,
    /// `id_min`: the smallest asset ID of the page, the cursor that
    /// next-page URLs carry.
    IdMin,
}

impl ParamName {
    /// Every parameter, in rendering order.
    pub const ALL: [ParamName; 23] = [
        ParamName::Action,
        ParamName::EchoRequest,
        ParamName::ShowAssetId,
        ParamName::ShowResults,
        ParamName::ShowReopenedInfo,
        ParamName::OutputFormat,
        ParamName::TruncationLimit,
        ParamName::MaxDaysSinceDetectionUpdated,
        ParamName::DetectionUpdatedSince,
        ParamName::DetectionUpdatedBefore,
        ParamName::Ids,
        ParamName::Status,
        ParamName::OsPattern,
        ParamName::Qids,
        ParamName::Severities,
        ParamName::UseTags,
        ParamName::TagSetBy,
        ParamName::TagIncludeSelector,
        ParamName::TagExcludeSelector,
        ParamName::TagSetInclude,
        ParamName::TagSetExclude,
        ParamName::ShowTags,
        ParamName::IdMin,
    ];

    /// Returns the name as written in a query string.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::query::ParamName;
    ///
    /// assert_eq!(ParamName::TagSetInclude.as_str(), "tag_set_include");
    /// assert_eq!(ParamName::from_name("tag_set_include"), Some(ParamName::TagSetInclude));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamName::Action => "action",
            ParamName::EchoRequest => "echo_request",
            ParamName::ShowAssetId => "show_asset_id",
            ParamName::ShowResults => "show_results",
            ParamName::ShowReopenedInfo => "show_reopened_info",
            ParamName::OutputFormat => "output_format",
            ParamName::TruncationLimit => "truncation_limit",
            ParamName::MaxDaysSinceDetectionUpdated => "max_days_since_detection_updated",
            ParamName::DetectionUpdatedSince => "detection_updated_since",
            ParamName::DetectionUpdatedBefore => "detection_updated_before",
            ParamName::Ids => "ids",
            ParamName::Status => "status",
            ParamName::OsPattern => "os_pattern",
            ParamName::Qids => "qids",
            ParamName::Severities => "severities",
            ParamName::UseTags => "use_tags",
            ParamName::TagSetBy => "tag_set_by",
            ParamName::TagIncludeSelector => "tag_include_selector",
            ParamName::TagExcludeSelector => "tag_exclude_selector",
            ParamName::TagSetInclude => "tag_set_include",
            ParamName::TagSetExclude => "tag_set_exclude",
            ParamName::ShowTags => "show_tags",
            ParamName::IdMin => "id_min",
        }
    }

    /// Looks up a parameter by its exact, case-sensitive name.
    pub fn from_name(name: &str) -> Option<ParamName> {
        ParamName::ALL
            .into_iter()
            .find(|param| param.as_str() == name)
    }

    /// Tells whether the parameter only applies with `use_tags=1`.
    ///
    /// Every tag parameter except `show_tags` does.
    pub const fn needs_use_tags(self) -> bool {
        matches!(
            self,
            ParamName::TagSetBy
                | ParamName::TagIncludeSelector
                | ParamName::TagExcludeSelector
                | ParamName::TagSetInclude
                | ParamName::TagSetExclude
        )
    }
}

impl fmt::Display for ParamName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for param in ParamName::ALL {
            assert_eq!(ParamName::from_name(param.as_str()), Some(param));
        }
    }

    #[test]
    fn all_is_in_declaration_order() {
        let mut sorted = ParamName::ALL;
        sorted.sort();
        assert_eq!(sorted, ParamName::ALL);
    }

    #[test]
    fn unknown_name() {
        assert_eq!(ParamName::from_name("Action"), None);
        assert_eq!(ParamName::from_name("includeFields"), None);
    }
}
