//! The typed query and its accessors.

use super::{
    AssetStatus, DetectionDate, IdList, OsPattern, OutputFormat, QueryBuilder, SeverityList,
    TagSelector, TagSet, TagSetBy,
};

/// The assets returned when `truncation_limit` is absent or 0.
pub const DEFAULT_TRUNCATION_LIMIT: u32 = 1000;

/// The largest `truncation_limit` the API accepts.
pub const MAX_TRUNCATION_LIMIT: u32 = 1_000_000;

/// A valid query of `GET /sem/v1/assetList?action=list`.
///
/// Every value in it passed the same checks as [`Query::parse`], so
/// [`Query::render`] writes a query string that parses back to an equal
/// value. Each accessor returns `None` when the parameter is absent, so
/// that an explicit default such as `show_results=1` survives a round trip;
/// the `*_or_default` accessors apply the API's defaults.
///
/// Build one with [`Query::builder`], or parse one with [`Query::parse`].
///
/// # Example
///
/// ```
/// use qualys_sem::query::{AssetStatus, Query};
///
/// let query = Query::builder()
///     .truncation_limit(100)
///     .status([AssetStatus::Enrolled, AssetStatus::ReadyForReenrollment])
///     .build()
///     .unwrap();
///
/// let rendered = query.render();
/// assert_eq!(
///     rendered,
///     "action=list&truncation_limit=100&status=Enrolled,Ready+for+Re-enrollment"
/// );
/// assert_eq!(Query::parse(&rendered), Ok(query));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Query {
    pub(super) echo_request: Option<bool>,
    pub(super) show_asset_id: Option<bool>,
    pub(super) show_results: Option<bool>,
    pub(super) show_reopened_info: Option<bool>,
    pub(super) output_format: Option<OutputFormat>,
    pub(super) truncation_limit: Option<u32>,
    pub(super) max_days_since_detection_updated: Option<u32>,
    pub(super) detection_updated_since: Option<DetectionDate>,
    pub(super) detection_updated_before: Option<DetectionDate>,
    pub(super) ids: Option<IdList>,
    pub(super) status: Option<Vec<AssetStatus>>,
    pub(super) os_pattern: Option<OsPattern>,
    pub(super) qids: Option<IdList>,
    pub(super) severities: Option<SeverityList>,
    pub(super) use_tags: Option<bool>,
    pub(super) tag_set_by: Option<TagSetBy>,
    pub(super) tag_include_selector: Option<TagSelector>,
    pub(super) tag_exclude_selector: Option<TagSelector>,
    pub(super) tag_set_include: Option<TagSet>,
    pub(super) tag_set_exclude: Option<TagSet>,
    pub(super) show_tags: Option<bool>,
    pub(super) id_min: Option<u64>,
}

impl Query {
    /// Starts a query with only `action=list`.
    pub fn builder() -> QueryBuilder {
        QueryBuilder::default()
    }

    /// Starts a builder from this query, to change some parameters.
    pub fn to_builder(&self) -> QueryBuilder {
        QueryBuilder::from_query(self.clone())
    }

    /// Returns the value of `action`, the only one the endpoint has.
    pub fn action(&self) -> &'static str {
        "list"
    }

    /// Returns `echo_request`.
    pub fn echo_request(&self) -> Option<bool> {
        self.echo_request
    }

    /// Returns `show_asset_id`.
    pub fn show_asset_id(&self) -> Option<bool> {
        self.show_asset_id
    }

    /// Returns `show_results`.
    pub fn show_results(&self) -> Option<bool> {
        self.show_results
    }

    /// Returns `show_results`, true when absent.
    pub fn show_results_or_default(&self) -> bool {
        self.show_results.unwrap_or(true)
    }

    /// Returns `show_reopened_info`.
    pub fn show_reopened_info(&self) -> Option<bool> {
        self.show_reopened_info
    }

    /// Returns `output_format`.
    pub fn output_format(&self) -> Option<OutputFormat> {
        self.output_format
    }

    /// Returns `truncation_limit` as written, 0 included.
    pub fn truncation_limit(&self) -> Option<u32> {
        self.truncation_limit
    }

    /// Returns the number of assets per page: 1000 when `truncation_limit`
    /// is absent or 0.
    pub fn truncation_limit_or_default(&self) -> u32 {
        match self.truncation_limit {
            None | Some(0) => DEFAULT_TRUNCATION_LIMIT,
            Some(limit) => limit,
        }
    }

    /// Returns `max_days_since_detection_updated`.
    pub fn max_days_since_detection_updated(&self) -> Option<u32> {
        self.max_days_since_detection_updated
    }

    /// Returns `detection_updated_since`.
    pub fn detection_updated_since(&self) -> Option<DetectionDate> {
        self.detection_updated_since
    }

    /// Returns `detection_updated_before`.
    pub fn detection_updated_before(&self) -> Option<DetectionDate> {
        self.detection_updated_before
    }

    /// Returns `ids`.
    pub fn ids(&self) -> Option<&IdList> {
        self.ids.as_ref()
    }

    /// Returns `status`.
    pub fn status(&self) -> Option<&[AssetStatus]> {
        self.status.as_deref()
    }

    /// Returns `status`, only [`AssetStatus::Enrolled`] when absent.
    pub fn status_or_default(&self) -> &[AssetStatus] {
        self.status.as_deref().unwrap_or(&[AssetStatus::Enrolled])
    }

    /// Returns `os_pattern`.
    pub fn os_pattern(&self) -> Option<&OsPattern> {
        self.os_pattern.as_ref()
    }

    /// Returns `qids`.
    pub fn qids(&self) -> Option<&IdList> {
        self.qids.as_ref()
    }

    /// Returns `severities`.
    pub fn severities(&self) -> Option<&SeverityList> {
        self.severities.as_ref()
    }

    /// Returns `use_tags`.
    pub fn use_tags(&self) -> Option<bool> {
        self.use_tags
    }

    /// Returns `tag_set_by`.
    pub fn tag_set_by(&self) -> Option<TagSetBy> {
        self.tag_set_by
    }

    /// Returns `tag_include_selector`.
    pub fn tag_include_selector(&self) -> Option<TagSelector> {
        self.tag_include_selector
    }

    /// Returns `tag_exclude_selector`.
    pub fn tag_exclude_selector(&self) -> Option<TagSelector> {
        self.tag_exclude_selector
    }

    /// Returns `tag_set_include`.
    pub fn tag_set_include(&self) -> Option<&TagSet> {
        self.tag_set_include.as_ref()
    }

    /// Returns `tag_set_exclude`.
    pub fn tag_set_exclude(&self) -> Option<&TagSet> {
        self.tag_set_exclude.as_ref()
    }

    /// Returns `show_tags`.
    pub fn show_tags(&self) -> Option<bool> {
        self.show_tags
    }

    /// Returns `id_min`, the smallest asset ID of the requested page.
    pub fn id_min(&self) -> Option<u64> {
        self.id_min
    }
}
