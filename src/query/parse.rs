//! Query string to [`Query`].
//!
//! Checks run in this order, and the first failure is returned:
//! unknown names, repeated names, a missing `action`, each value in
//! [`ParamName::ALL`] order, then the rules between parameters.

use super::date::DATE_FORMS;
use super::ranges::parse_decimal;
use super::rules::{MAX_DAYS_ALLOWED, TRUNCATION_ALLOWED};
use super::{
    AssetStatus, DetectionDate, IdList, OsPattern, OutputFormat, ParamName, Query, SeverityList,
    TagSelector, TagSet, TagSetBy, rules,
};
use crate::ApiMessage;

const FLAG_ALLOWED: [&str; 2] = ["1", "0"];
const ID_MIN_ALLOWED: [&str; 1] = ["ID"];

impl Query {
    /// Parses and checks a query string such as `action=list&ids=190-400`.
    ///
    /// Names and values are percent-decoded as form data (`+` is a
    /// space). A leading `?` is skipped. A parameter given without `=`
    /// has an empty value, which no parameter accepts.
    ///
    /// A parameter repeated in the query is rejected, even with equal
    /// values: the API documents no meaning for it, and taking the first,
    /// the last or the union could each select other assets than the
    /// server does.
    ///
    /// # Errors
    ///
    /// Returns the message the API sends for the first problem, such as
    /// `Unrecognized parameter(s): ...`, `Missing required parameter(s):
    /// action` or `parameter use_tags has invalid value: 76 (please
    /// specify one of the following: 1,0 )`.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::query::Query;
    ///
    /// let query = Query::parse("action=list&os_pattern=%5E%24&ids=190-400").unwrap();
    /// assert_eq!(query.os_pattern().unwrap().as_str(), "^$");
    /// assert!(query.ids().unwrap().contains(200));
    ///
    /// let error = Query::parse("action=list&use_tags=76").unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "parameter use_tags has invalid value: 76 (please specify one of the following: 1,0 )"
    /// );
    /// ```
    pub fn parse(raw: &str) -> Result<Query, ApiMessage> {
        let raw = raw.strip_prefix('?').unwrap_or(raw);
        // NOTE: form_urlencoded replaces percent-encoded bytes that are
        // not UTF-8 with U+FFFD instead of failing.
        Query::from_pairs(form_urlencoded::parse(raw.as_bytes()))
    }

    /// Checks parameters already decoded into name and value pairs, as
    /// sent in a form body.
    ///
    /// # Errors
    ///
    /// As [`Query::parse`].
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Query, ApiMessage>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let pairs: Vec<(K, V)> = pairs.into_iter().collect();
        let values = collect_values(&pairs)?;
        let query = read_values(&values)?;
        rules::check(&query)?;
        Ok(query)
    }
}

/// The raw values of the known parameters, indexed as [`ParamName::ALL`].
struct Values<'a>([Option<&'a str>; ParamName::ALL.len()]);

impl<'a> Values<'a> {
    fn get(&self, param: ParamName) -> Option<&'a str> {
        self.0[param as usize]
    }
}

fn collect_values<K, V>(pairs: &[(K, V)]) -> Result<Values<'_>, ApiMessage>
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut unknown: Vec<String> = Vec::new();
    for (name, _) in pairs {
        let name = name.as_ref();
        if ParamName::from_name(name).is_none() && !unknown.iter().any(|seen| seen == name) {
            unknown.push(name.to_owned());
        }
    }
    if !unknown.is_empty() {
        return Err(ApiMessage::UnrecognizedParameters {
            names: unknown,
            action: "list".to_owned(),
            allowed: ParamName::ALL
                .iter()
                .map(|param| param.as_str().to_owned())
                .collect(),
        });
    }

    let mut values = Values([None; ParamName::ALL.len()]);
    for (name, value) in pairs {
        // Every name is known after the check above.
        let Some(param) = ParamName::from_name(name.as_ref()) else {
            continue;
        };
        let slot = &mut values.0[param as usize];
        if slot.is_some() {
            return Err(ApiMessage::RepeatedParameter {
                name: param.as_str().to_owned(),
            });
        }
        *slot = Some(value.as_ref());
    }

    if values.get(ParamName::Action).is_none() {
        return Err(ApiMessage::MissingParameters {
            names: vec![ParamName::Action.as_str().to_owned()],
        });
    }
    Ok(values)
}

fn read_values(values: &Values<'_>) -> Result<Query, ApiMessage> {
    let flag = |param| read(values, param, parse_flag, &FLAG_ALLOWED);
    let date = |param| read(values, param, DetectionDate::parse, &DATE_FORMS);
    let ids = |param| match values.get(param) {
        Some(text) => IdList::parse(param, text).map(Some),
        None => Ok(None),
    };

    read(
        values,
        ParamName::Action,
        |text| (text == "list").then_some(()),
        &["list"],
    )?;
    let output_format = ParamName::OutputFormat;
    let tag_set_by = read(
        values,
        ParamName::TagSetBy,
        TagSetBy::from_word,
        TagSetBy::WORDS,
    )?;

    Ok(Query {
        echo_request: flag(ParamName::EchoRequest)?,
        show_asset_id: flag(ParamName::ShowAssetId)?,
        show_results: flag(ParamName::ShowResults)?,
        show_reopened_info: flag(ParamName::ShowReopenedInfo)?,
        output_format: read(
            values,
            output_format,
            OutputFormat::from_word,
            OutputFormat::WORDS,
        )?,
        truncation_limit: read(
            values,
            ParamName::TruncationLimit,
            parse_decimal,
            &TRUNCATION_ALLOWED,
        )?,
        max_days_since_detection_updated: read(
            values,
            ParamName::MaxDaysSinceDetectionUpdated,
            parse_decimal,
            &MAX_DAYS_ALLOWED,
        )?,
        detection_updated_since: date(ParamName::DetectionUpdatedSince)?,
        detection_updated_before: date(ParamName::DetectionUpdatedBefore)?,
        ids: ids(ParamName::Ids)?,
        status: read(values, ParamName::Status, parse_status, AssetStatus::WORDS)?,
        os_pattern: values
            .get(ParamName::OsPattern)
            .map(OsPattern::new)
            .transpose()?,
        qids: ids(ParamName::Qids)?,
        severities: values
            .get(ParamName::Severities)
            .map(SeverityList::parse)
            .transpose()?,
        use_tags: flag(ParamName::UseTags)?,
        tag_set_by,
        tag_include_selector: read(
            values,
            ParamName::TagIncludeSelector,
            TagSelector::from_word,
            TagSelector::WORDS,
        )?,
        tag_exclude_selector: read(
            values,
            ParamName::TagExcludeSelector,
            TagSelector::from_word,
            TagSelector::WORDS,
        )?,
        tag_set_include: read_tag_set(values, ParamName::TagSetInclude, tag_set_by)?,
        tag_set_exclude: read_tag_set(values, ParamName::TagSetExclude, tag_set_by)?,
        show_tags: flag(ParamName::ShowTags)?,
        id_min: read(values, ParamName::IdMin, parse_decimal, &ID_MIN_ALLOWED)?,
    })
}

/// Parses a present value, or fails with the allowed list.
fn read<T>(
    values: &Values<'_>,
    param: ParamName,
    parse: impl Fn(&str) -> Option<T>,
    allowed: &[&str],
) -> Result<Option<T>, ApiMessage> {
    let Some(text) = values.get(param) else {
        return Ok(None);
    };
    match parse(text) {
        Some(value) => Ok(Some(value)),
        None => Err(ApiMessage::invalid_value(param.as_str(), text, allowed)),
    }
}

fn read_tag_set(
    values: &Values<'_>,
    param: ParamName,
    set_by: Option<TagSetBy>,
) -> Result<Option<TagSet>, ApiMessage> {
    let set_by = set_by.unwrap_or(TagSetBy::Id);
    values
        .get(param)
        .map(|text| TagSet::parse(param, set_by, text))
        .transpose()
}

fn parse_flag(text: &str) -> Option<bool> {
    match text {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

fn parse_status(text: &str) -> Option<Vec<AssetStatus>> {
    text.split(',').map(AssetStatus::from_word).collect()
}
