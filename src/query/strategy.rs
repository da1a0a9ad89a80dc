//! Proptest strategies that generate valid queries and their parts.
//!
//! Available with the `proptest` feature.

use chrono::{DateTime, NaiveDate};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::{
    AssetStatus, DetectionDate, IdList, ListEntry, OsPattern, OutputFormat, Query, Range,
    RangeList, Severity, SeverityList, TagSelector, TagSet, TagSetBy,
};

/// Generates any valid [`Query`].
pub fn query() -> impl Strategy<Value = Query> {
    let flags = (
        any::<Option<bool>>(),
        any::<Option<bool>>(),
        any::<Option<bool>>(),
        any::<Option<bool>>(),
        any::<Option<bool>>(),
    );
    let limits = (
        proptest::option::of(Just(OutputFormat::Xml)),
        proptest::option::of(0..=super::MAX_TRUNCATION_LIMIT),
        proptest::option::of(detection_date()),
        any::<Option<u64>>(),
    );
    let since_or_days = prop_oneof![
        Just((None, None)),
        proptest::option::of(detection_date()).prop_map(|since| (since, None)),
        (1..=u32::MAX).prop_map(|days| (None, Some(days))),
    ];
    let filters = (
        proptest::option::of(id_list()),
        proptest::option::of(vec(asset_status(), 1..4)),
        proptest::option::of(os_pattern()),
        proptest::option::of(id_list()),
        proptest::option::of(severity_list()),
    );

    (flags, limits, since_or_days, filters, tags()).prop_map(
        |(flags, limits, since_or_days, filters, tags)| {
            let (echo_request, show_asset_id, show_results, show_reopened_info, show_tags) = flags;
            let (output_format, truncation_limit, detection_updated_before, id_min) = limits;
            let (detection_updated_since, max_days_since_detection_updated) = since_or_days;
            let (ids, status, os_pattern, qids, severities) = filters;
            let (use_tags, tag_set_by, tag_include_selector, tag_exclude_selector) = tags.0;
            let (tag_set_include, tag_set_exclude) = tags.1;

            Query {
                echo_request,
                show_asset_id,
                show_results,
                show_reopened_info,
                output_format,
                truncation_limit,
                max_days_since_detection_updated,
                detection_updated_since,
                detection_updated_before,
                ids,
                status,
                os_pattern,
                qids,
                severities,
                use_tags,
                tag_set_by,
                tag_include_selector,
                tag_exclude_selector,
                tag_set_include,
                tag_set_exclude,
                show_tags,
                id_min,
            }
        },
    )
}

type TagParams = (
    (
        Option<bool>,
        Option<TagSetBy>,
        Option<TagSelector>,
        Option<TagSelector>,
    ),
    (Option<TagSet>, Option<TagSet>),
);

/// Tag parameters that follow the rules: all absent unless `use_tags=1`,
/// excludes only with includes, sets of the kind `tag_set_by` names.
fn tags() -> impl Strategy<Value = TagParams> {
    let without_tags = any::<Option<bool>>()
        .prop_filter("use_tags=1 needs the tag strategy", |on| *on != Some(true))
        .prop_map(|use_tags| ((use_tags, None, None, None), (None, None)));

    let with_tags = (
        proptest::option::of(select(TagSetBy::ALL)),
        proptest::option::of(select(TagSelector::ALL)),
        proptest::option::of(select(TagSelector::ALL)),
        any::<(bool, bool)>(),
    )
        .prop_flat_map(
            |(set_by, include_selector, exclude_selector, (include, exclude))| {
                let kind = set_by.unwrap_or(TagSetBy::Id);
                let exclude_selector = include_selector.and(exclude_selector);
                let maybe_set = |present: bool| {
                    if present {
                        tag_set(kind).prop_map(Some).boxed()
                    } else {
                        Just(None).boxed()
                    }
                };
                let include_set = maybe_set(include);
                let exclude_set = maybe_set(include && exclude);
                (
                    Just(set_by),
                    Just(include_selector),
                    Just(exclude_selector),
                    include_set,
                    exclude_set,
                )
            },
        )
        .prop_map(
            |(set_by, include_selector, exclude_selector, include, exclude)| {
                (
                    (Some(true), set_by, include_selector, exclude_selector),
                    (include, exclude),
                )
            },
        );

    prop_oneof![without_tags, with_tags]
}

/// Generates a tag set of the given kind.
pub fn tag_set(set_by: TagSetBy) -> BoxedStrategy<TagSet> {
    match set_by {
        TagSetBy::Id => vec(any::<u64>(), 1..4)
            .prop_filter_map("non-empty", TagSet::ids)
            .boxed(),
        TagSetBy::Name => vec("[A-Za-z0-9 _&=+%-]{1,12}", 1..4)
            .prop_filter_map("names without commas", TagSet::names)
            .boxed(),
    }
}

/// Generates a date or date and time between years 0 and 9999.
pub fn detection_date() -> impl Strategy<Value = DetectionDate> {
    let first = NaiveDate::from_ymd_opt(0, 1, 1).and_then(|date| date.and_hms_opt(0, 0, 0));
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).and_then(|date| date.and_hms_opt(23, 59, 59));
    let (Some(first), Some(last)) = (first, last) else {
        unreachable!("both bounds are valid dates");
    };
    let seconds = first.and_utc().timestamp()..=last.and_utc().timestamp();

    (seconds, any::<bool>()).prop_filter_map("in range", |(seconds, date_only)| {
        let datetime = DateTime::from_timestamp(seconds, 0)?;
        if date_only {
            DetectionDate::from_date(datetime.date_naive())
        } else {
            DetectionDate::from_datetime(datetime)
        }
    })
}

/// Generates a list of IDs and ranges.
pub fn id_list() -> impl Strategy<Value = IdList> {
    range_list(any::<u64>())
}

/// Generates a list of severities and ranges.
pub fn severity_list() -> impl Strategy<Value = SeverityList> {
    range_list((1u8..=5).prop_filter_map("1 to 5", Severity::new))
}

fn range_list<T, S>(value: S) -> impl Strategy<Value = RangeList<T>>
where
    T: Copy + Ord + std::fmt::Debug,
    S: Strategy<Value = T> + Clone,
{
    let entry = prop_oneof![
        value.clone().prop_map(ListEntry::Single),
        (value.clone(), value).prop_map(|(a, b)| {
            let range = Range::new(a.min(b), a.max(b));
            ListEntry::Range(range.unwrap_or_else(|| unreachable!("min is not above max")))
        }),
    ];
    vec(entry, 1..5).prop_filter_map("non-empty", RangeList::new)
}

/// Generates an asset status.
pub fn asset_status() -> impl Strategy<Value = AssetStatus> {
    select(AssetStatus::ALL)
}

/// Generates an `os_pattern` from a few valid PCRE expressions, some with
/// characters that need percent-encoding.
pub fn os_pattern() -> impl Strategy<Value = OsPattern> {
    const PATTERNS: &[&str] = &[
        "^$",
        "iOS",
        "^(iOS|Android)$",
        "Android [0-9]+(\\.[0-9]+)?",
        "(?i)ipad os & +more",
        "a%2Cb,c=d",
        "(?<=i)OS++",
    ];
    select(PATTERNS).prop_filter_map("valid pattern", |pattern| OsPattern::new(pattern).ok())
}
