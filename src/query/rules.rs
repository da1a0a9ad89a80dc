//! Checks that span more than one value: numeric ranges and the rules
//! between parameters. Both parsing and building run them.

use super::request::MAX_TRUNCATION_LIMIT;
use super::{AssetStatus, ParamName, Query, TagSet, TagSetBy};
use crate::ApiMessage;

/// The allowed list of `truncation_limit` in `has invalid value` messages.
pub(crate) const TRUNCATION_ALLOWED: [&str; 1] = ["0-1000000"];

/// The allowed list of `max_days_since_detection_updated`.
pub(crate) const MAX_DAYS_ALLOWED: [&str; 1] = ["1-4294967295"];

/// Returns the first broken rule, in a fixed order: value ranges, then
/// the date conflict, then the tag rules.
pub(super) fn check(query: &Query) -> Result<(), ApiMessage> {
    check_values(query)?;
    check_date_conflict(query)?;
    check_use_tags(query)?;
    check_companions(query)?;
    check_tag_set_kinds(query)
}

fn check_values(query: &Query) -> Result<(), ApiMessage> {
    if let Some(limit) = query
        .truncation_limit
        .filter(|limit| *limit > MAX_TRUNCATION_LIMIT)
    {
        let name = ParamName::TruncationLimit.as_str();
        let value = limit.to_string();
        return Err(ApiMessage::invalid_value(name, &value, &TRUNCATION_ALLOWED));
    }

    if query.max_days_since_detection_updated == Some(0) {
        let name = ParamName::MaxDaysSinceDetectionUpdated.as_str();
        return Err(ApiMessage::invalid_value(name, "0", &MAX_DAYS_ALLOWED));
    }

    if query.status.as_ref().is_some_and(Vec::is_empty) {
        let name = ParamName::Status.as_str();
        return Err(ApiMessage::invalid_value(name, "", AssetStatus::WORDS));
    }

    Ok(())
}

fn check_date_conflict(query: &Query) -> Result<(), ApiMessage> {
    if query.detection_updated_since.is_some() && query.max_days_since_detection_updated.is_some() {
        return Err(ApiMessage::ConflictingParameters {
            names: vec![
                ParamName::DetectionUpdatedSince.as_str().to_owned(),
                ParamName::MaxDaysSinceDetectionUpdated.as_str().to_owned(),
            ],
        });
    }
    Ok(())
}

/// Checks that every tag parameter except `show_tags` comes with `use_tags=1`.
fn check_use_tags(query: &Query) -> Result<(), ApiMessage> {
    if query.use_tags == Some(true) {
        return Ok(());
    }

    let present = [
        (ParamName::TagSetBy, query.tag_set_by.is_some()),
        (
            ParamName::TagIncludeSelector,
            query.tag_include_selector.is_some(),
        ),
        (
            ParamName::TagExcludeSelector,
            query.tag_exclude_selector.is_some(),
        ),
        (ParamName::TagSetInclude, query.tag_set_include.is_some()),
        (ParamName::TagSetExclude, query.tag_set_exclude.is_some()),
    ];
    match present.into_iter().find(|(_, is_present)| *is_present) {
        Some((param, _)) => Err(ApiMessage::RequiresParameter {
            name: param.as_str().to_owned(),
            requirement: "use_tags=1".to_owned(),
        }),
        None => Ok(()),
    }
}

/// Checks that each exclude parameter comes with its include counterpart.
fn check_companions(query: &Query) -> Result<(), ApiMessage> {
    // NOTE: the API documents `tag_include_selector field missing` for
    // the selector. For `tag_set_exclude` alone its wording is unclear,
    // so this names the missing `tag_set_include` in the same form.
    if query.tag_exclude_selector.is_some() && query.tag_include_selector.is_none() {
        return Err(field_missing(ParamName::TagIncludeSelector));
    }
    if query.tag_set_exclude.is_some() && query.tag_set_include.is_none() {
        return Err(field_missing(ParamName::TagSetInclude));
    }
    Ok(())
}

fn field_missing(param: ParamName) -> ApiMessage {
    ApiMessage::FieldMissing {
        name: param.as_str().to_owned(),
    }
}

/// Checks that tag sets name tags the way `tag_set_by` selects (`id` when
/// absent), because a rendered query would otherwise parse back to another set.
fn check_tag_set_kinds(query: &Query) -> Result<(), ApiMessage> {
    let set_by = query.tag_set_by.unwrap_or(TagSetBy::Id);
    let sets = [
        (ParamName::TagSetInclude, &query.tag_set_include),
        (ParamName::TagSetExclude, &query.tag_set_exclude),
    ];

    for (param, set) in sets {
        if let Some(set) = set.as_ref().filter(|set| TagSet::set_by(set) != set_by) {
            return Err(ApiMessage::RequiresParameter {
                name: param.as_str().to_owned(),
                requirement: format!("tag_set_by={}", set.set_by()),
            });
        }
    }
    Ok(())
}
