//! [`Query`] to query string and URL.

use std::fmt;

use super::{ParamName, Query};
use crate::Gateway;

impl Query {
    /// Returns the decoded parameters in [`ParamName::ALL`] order,
    /// `action=list` first, for a form body or a URL.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::query::{ParamName, Query};
    ///
    /// let query = Query::parse("id_min=643&action=list&truncation_limit=1").unwrap();
    /// let pairs = query.to_pairs();
    /// assert_eq!(pairs[0], (ParamName::Action, "list".to_owned()));
    /// assert_eq!(pairs[2], (ParamName::IdMin, "643".to_owned()));
    /// ```
    pub fn to_pairs(&self) -> Vec<(ParamName, String)> {
        let flag = |on: bool| if on { "1" } else { "0" }.to_owned();
        let candidates = [
            (ParamName::Action, Some("list".to_owned())),
            (ParamName::EchoRequest, self.echo_request.map(flag)),
            (ParamName::ShowAssetId, self.show_asset_id.map(flag)),
            (ParamName::ShowResults, self.show_results.map(flag)),
            (
                ParamName::ShowReopenedInfo,
                self.show_reopened_info.map(flag),
            ),
            (ParamName::OutputFormat, to_text(self.output_format)),
            (ParamName::TruncationLimit, to_text(self.truncation_limit)),
            (
                ParamName::MaxDaysSinceDetectionUpdated,
                to_text(self.max_days_since_detection_updated),
            ),
            (
                ParamName::DetectionUpdatedSince,
                to_text(self.detection_updated_since),
            ),
            (
                ParamName::DetectionUpdatedBefore,
                to_text(self.detection_updated_before),
            ),
            (ParamName::Ids, to_text(self.ids.as_ref())),
            (
                ParamName::Status,
                self.status.as_ref().map(|list| join_status(list)),
            ),
            (ParamName::OsPattern, to_text(self.os_pattern.as_ref())),
            (ParamName::Qids, to_text(self.qids.as_ref())),
            (ParamName::Severities, to_text(self.severities.as_ref())),
            (ParamName::UseTags, self.use_tags.map(flag)),
            (ParamName::TagSetBy, to_text(self.tag_set_by)),
            (
                ParamName::TagIncludeSelector,
                to_text(self.tag_include_selector),
            ),
            (
                ParamName::TagExcludeSelector,
                to_text(self.tag_exclude_selector),
            ),
            (
                ParamName::TagSetInclude,
                to_text(self.tag_set_include.as_ref()),
            ),
            (
                ParamName::TagSetExclude,
                to_text(self.tag_set_exclude.as_ref()),
            ),
            (ParamName::ShowTags, self.show_tags.map(flag)),
            (ParamName::IdMin, to_text(self.id_min)),
        ];

        candidates
            .into_iter()
            .filter_map(|(param, value)| Some((param, value?)))
            .collect()
    }

    /// Renders the canonical query string, without a leading `?`.
    ///
    /// Parameters come in [`ParamName::ALL`] order and values are
    /// form-encoded, except `,` and `:`, which are legal in a query string
    /// and keep lists and times readable.
    pub fn render(&self) -> String {
        let mut rendered = String::new();
        for (param, value) in self.to_pairs() {
            if !rendered.is_empty() {
                rendered.push('&');
            }
            rendered.push_str(param.as_str());
            rendered.push('=');
            rendered.push_str(&encode_value(&value));
        }
        rendered
    }

    /// Renders the full `/sem/v1/assetList` URL on `gateway`.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::{Gateway, Platform};
    /// use qualys_sem::query::Query;
    ///
    /// let query = Query::parse("action=list&truncation_limit=1").unwrap();
    /// assert_eq!(
    ///     query.to_url(&Gateway::platform(Platform::Us1)),
    ///     "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?action=list&truncation_limit=1"
    /// );
    /// ```
    pub fn to_url(&self, gateway: &Gateway) -> String {
        format!("{}?{}", gateway.asset_list_url(), self.render())
    }
}

fn to_text<T: fmt::Display>(value: Option<T>) -> Option<String> {
    value.map(|value| value.to_string())
}

fn join_status(list: &[super::AssetStatus]) -> String {
    let words: Vec<&str> = list.iter().map(|status| status.as_str()).collect();
    words.join(",")
}

fn encode_value(value: &str) -> String {
    let encoded: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
    // The serializer escapes a literal `%` as `%25`, so `%2C` and `%3A`
    // can only stand for `,` and `:` here.
    encoded.replace("%2C", ",").replace("%3A", ":")
}

impl fmt::Display for Query {
    /// Writes [`Query::render`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_keeps_commas_and_colons() {
        assert_eq!(encode_value("1,2"), "1,2");
        assert_eq!(encode_value("23:15:00"), "23:15:00");
        assert_eq!(encode_value("%2C"), "%252C");
        assert_eq!(encode_value("^$"), "%5E%24");
        assert_eq!(encode_value("a b+c"), "a+b%2Bc");
    }
}
