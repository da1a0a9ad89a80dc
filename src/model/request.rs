use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::owned_text;
use crate::value::timestamp::optional_rfc3339;

/// The `REQUEST` echo that opens the document when the query has `echo_request=1`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request<'a> {
    /// `DATETIME`, when the request was received.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_rfc3339"
    )]
    pub datetime: Option<DateTime<Utc>>,
    /// `USER_LOGIN`, the Qualys account that sent the request: personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_login: Option<Cow<'a, str>>,
    /// `RESOURCE`, the URL that was requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<Cow<'a, str>>,
    /// The `PARAM`s of `PARAM_LIST`, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<Param<'a>>,
    /// `POST_DATA`, URL-encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_data: Option<Cow<'a, str>>,
}

/// One query parameter of the request echo (`PARAM` with `KEY` and `VALUE`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param<'a> {
    /// `KEY`.
    pub key: Cow<'a, str>,
    /// `VALUE`, empty when the element is absent or empty.
    pub value: Cow<'a, str>,
}

impl Request<'_> {
    /// Converts into a request that owns its text.
    pub fn into_owned(self) -> Request<'static> {
        Request {
            datetime: self.datetime,
            user_login: owned_text(self.user_login),
            resource: owned_text(self.resource),
            params: self
                .params
                .into_iter()
                .map(|param| Param {
                    key: Cow::Owned(param.key.into_owned()),
                    value: Cow::Owned(param.value.into_owned()),
                })
                .collect(),
            post_data: owned_text(self.post_data),
        }
    }

    /// Returns the value of the first parameter with the given key.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|param| param.key == key)
            .map(|param| &*param.value)
    }
}
