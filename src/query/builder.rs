//! Building a [`Query`] from typed values.

use super::{
    AssetStatus, DetectionDate, IdList, OsPattern, OutputFormat, ParamName, Query, SeverityList,
    TagSelector, TagSet, TagSetBy, rules,
};
use crate::ApiMessage;

/// A builder of [`Query`]; [`QueryBuilder::build`] checks the rules between
/// parameters and the numeric ranges.
///
/// Each setter replaces an earlier value of the same parameter.
///
/// # Example
///
/// ```
/// use qualys_sem::ApiMessage;
/// use qualys_sem::query::{Query, TagSet};
///
/// let query = Query::builder()
///     .use_tags(true)
///     .tag_set_include(TagSet::ids([11, 12]).unwrap())
///     .build()
///     .unwrap();
/// assert_eq!(query.render(), "action=list&use_tags=1&tag_set_include=11,12");
///
/// let error = Query::builder()
///     .tag_set_include(TagSet::ids([11]).unwrap())
///     .build()
///     .unwrap_err();
/// assert_eq!(error.to_string(), "parameter tag_set_include requires use_tags=1");
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct QueryBuilder {
    query: Query,
}

impl QueryBuilder {
    pub(super) fn from_query(query: Query) -> QueryBuilder {
        QueryBuilder { query }
    }

    /// Checks the query and returns it.
    ///
    /// # Errors
    ///
    /// Returns the message the API would send for the first broken rule:
    /// a `truncation_limit` above 1000000, a zero
    /// `max_days_since_detection_updated`, an empty `status` list,
    /// conflicting or missing companion parameters, tag parameters
    /// without `use_tags=1`, or a tag set whose kind differs from
    /// `tag_set_by`.
    pub fn build(self) -> Result<Query, ApiMessage> {
        rules::check(&self.query)?;
        Ok(self.query)
    }

    /// Removes a parameter; removing `action` does nothing, because every
    /// query has it.
    pub fn remove(mut self, param: ParamName) -> QueryBuilder {
        let query = &mut self.query;
        match param {
            ParamName::Action => {}
            ParamName::EchoRequest => query.echo_request = None,
            ParamName::ShowAssetId => query.show_asset_id = None,
            ParamName::ShowResults => query.show_results = None,
            ParamName::ShowReopenedInfo => query.show_reopened_info = None,
            ParamName::OutputFormat => query.output_format = None,
            ParamName::TruncationLimit => query.truncation_limit = None,
            ParamName::MaxDaysSinceDetectionUpdated => {
                query.max_days_since_detection_updated = None;
            }
            ParamName::DetectionUpdatedSince => query.detection_updated_since = None,
            ParamName::DetectionUpdatedBefore => query.detection_updated_before = None,
            ParamName::Ids => query.ids = None,
            ParamName::Status => query.status = None,
            ParamName::OsPattern => query.os_pattern = None,
            ParamName::Qids => query.qids = None,
            ParamName::Severities => query.severities = None,
            ParamName::UseTags => query.use_tags = None,
            ParamName::TagSetBy => query.tag_set_by = None,
            ParamName::TagIncludeSelector => query.tag_include_selector = None,
            ParamName::TagExcludeSelector => query.tag_exclude_selector = None,
            ParamName::TagSetInclude => query.tag_set_include = None,
            ParamName::TagSetExclude => query.tag_set_exclude = None,
            ParamName::ShowTags => query.show_tags = None,
            ParamName::IdMin => query.id_min = None,
        }
        self
    }

    /// Sets `echo_request`: true echoes the parameters in the output.
    pub fn echo_request(mut self, on: bool) -> QueryBuilder {
        self.query.echo_request = Some(on);
        self
    }

    /// Sets `show_asset_id`: true shows the asset IDs.
    pub fn show_asset_id(mut self, on: bool) -> QueryBuilder {
        self.query.show_asset_id = Some(on);
        self
    }

    /// Sets `show_results`: false leaves out the detection results.
    pub fn show_results(mut self, on: bool) -> QueryBuilder {
        self.query.show_results = Some(on);
        self
    }

    /// Sets `show_reopened_info`: true adds reopening dates and counts.
    pub fn show_reopened_info(mut self, on: bool) -> QueryBuilder {
        self.query.show_reopened_info = Some(on);
        self
    }

    /// Sets `output_format`.
    pub fn output_format(mut self, format: OutputFormat) -> QueryBuilder {
        self.query.output_format = Some(format);
        self
    }

    /// Sets `truncation_limit`, the number of assets per page: 0 means
    /// 1000, otherwise 1 to 1000000.
    pub fn truncation_limit(mut self, limit: u32) -> QueryBuilder {
        self.query.truncation_limit = Some(limit);
        self
    }

    /// Sets `max_days_since_detection_updated`, a positive number of days.
    pub fn max_days_since_detection_updated(mut self, days: u32) -> QueryBuilder {
        self.query.max_days_since_detection_updated = Some(days);
        self
    }

    /// Sets `detection_updated_since`.
    pub fn detection_updated_since(mut self, date: DetectionDate) -> QueryBuilder {
        self.query.detection_updated_since = Some(date);
        self
    }

    /// Sets `detection_updated_before`.
    pub fn detection_updated_before(mut self, date: DetectionDate) -> QueryBuilder {
        self.query.detection_updated_before = Some(date);
        self
    }

    /// Sets `ids`, the asset IDs and ranges to select.
    pub fn ids(mut self, ids: IdList) -> QueryBuilder {
        self.query.ids = Some(ids);
        self
    }

    /// Sets `status`, the asset statuses to select, in the order given.
    pub fn status(mut self, status: impl IntoIterator<Item = AssetStatus>) -> QueryBuilder {
        self.query.status = Some(status.into_iter().collect());
        self
    }

    /// Sets `os_pattern`.
    pub fn os_pattern(mut self, pattern: OsPattern) -> QueryBuilder {
        self.query.os_pattern = Some(pattern);
        self
    }

    /// Sets `qids`, the QIDs and ranges to select.
    pub fn qids(mut self, qids: IdList) -> QueryBuilder {
        self.query.qids = Some(qids);
        self
    }

    /// Sets `severities`.
    pub fn severities(mut self, severities: SeverityList) -> QueryBuilder {
        self.query.severities = Some(severities);
        self
    }

    /// Sets `use_tags`: true selects assets by tags.
    pub fn use_tags(mut self, on: bool) -> QueryBuilder {
        self.query.use_tags = Some(on);
        self
    }

    /// Sets `tag_set_by`, which must match the kind of the tag sets.
    pub fn tag_set_by(mut self, set_by: TagSetBy) -> QueryBuilder {
        self.query.tag_set_by = Some(set_by);
        self
    }

    /// Sets `tag_include_selector`.
    pub fn tag_include_selector(mut self, selector: TagSelector) -> QueryBuilder {
        self.query.tag_include_selector = Some(selector);
        self
    }

    /// Sets `tag_exclude_selector`, which needs `tag_include_selector`.
    pub fn tag_exclude_selector(mut self, selector: TagSelector) -> QueryBuilder {
        self.query.tag_exclude_selector = Some(selector);
        self
    }

    /// Sets `tag_set_include`.
    pub fn tag_set_include(mut self, tags: TagSet) -> QueryBuilder {
        self.query.tag_set_include = Some(tags);
        self
    }

    /// Sets `tag_set_exclude`, which needs `tag_set_include`.
    pub fn tag_set_exclude(mut self, tags: TagSet) -> QueryBuilder {
        self.query.tag_set_exclude = Some(tags);
        self
    }

    /// Sets `show_tags`: true shows each asset's tags.
    pub fn show_tags(mut self, on: bool) -> QueryBuilder {
        self.query.show_tags = Some(on);
        self
    }

    /// Sets `id_min`, the smallest asset ID of the page.
    pub fn id_min(mut self, id_min: u64) -> QueryBuilder {
        self.query.id_min = Some(id_min);
        self
    }
}
