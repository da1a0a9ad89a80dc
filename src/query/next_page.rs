//! The next page named by a truncation WARNING.

use super::{ParamName, Query};
use crate::ApiMessage;

/// The request for the next page, read from the `URL` of a `WARNING`
/// (code 1980, `... record limit exceeded. Use URL to get next batch of
/// results.`).
///
/// The API repeats every parameter of the original request in that URL and
/// sets `id_min` to the first asset ID of the next page. Long `ids` or
/// `qids` lists can make the URL too long for a server or proxy, so the
/// decoded parameters are also available as form data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextPage {
    endpoint: String,
    query: Query,
}

impl NextPage {
    /// Returns the URL without its query string, such as
    /// `https://gateway.qg1.apps.qualys.com/sem/v1/assetList`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Returns the next query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Returns the next query, consuming the page.
    pub fn into_query(self) -> Query {
        self.query
    }

    /// Returns the `id_min` of the next page.
    pub fn id_min(&self) -> u64 {
        // `next_page` rejects a URL without `id_min`.
        self.query.id_min.unwrap_or_default()
    }

    /// Returns the next page's URL, with the query string in canonical form.
    pub fn url(&self) -> String {
        format!("{}?{}", self.endpoint, self.query.render())
    }

    /// Returns the decoded parameters, `action` first, to send as form
    /// data.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        self.query
            .to_pairs()
            .into_iter()
            .map(|(param, value)| (param.as_str(), value))
            .collect()
    }

    /// Returns the parameters, `id_min` excepted, whose values differ
    /// between this page and `original`; empty when the API kept every
    /// original parameter.
    pub fn changed_params(&self, original: &Query) -> Vec<ParamName> {
        let mut next_pairs = self.query.to_pairs();
        let mut original_pairs = original.to_pairs();
        next_pairs.retain(|(param, _)| *param != ParamName::IdMin);
        original_pairs.retain(|(param, _)| *param != ParamName::IdMin);

        ParamName::ALL
            .into_iter()
            .filter(|param| {
                let find = |pairs: &[(ParamName, String)]| {
                    pairs
                        .iter()
                        .find(|(name, _)| name == param)
                        .map(|(_, value)| value.clone())
                };
                find(&next_pairs) != find(&original_pairs)
            })
            .collect()
    }
}

/// A `WARNING` URL that cannot be followed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NextPageError {
    /// The URL has no `?` and so no parameters.
    #[error("next-page URL has no query string: {url}")]
    MissingQuery {
        /// The URL as given.
        url: String,
    },

    /// The URL's parameters fail validation.
    #[error("next-page URL has an invalid query: {message}")]
    InvalidQuery {
        /// The validation message.
        message: ApiMessage,
    },

    /// The URL has no `id_min`, so it would return the same page again.
    #[error("next-page URL has no id_min: {url}")]
    MissingCursor {
        /// The URL as given.
        url: String,
    },

    /// The URL's `id_min` does not lie above the last asset of the page
    /// just read, so following it would repeat assets or loop forever.
    #[error(
        "next-page id_min {id_min} does not advance past the last asset {last_asset_id} \
         of the page"
    )]
    CursorNotAdvancing {
        /// The `id_min` of the URL.
        id_min: u64,
        /// The ID of the last asset of the page just read.
        last_asset_id: u64,
    },
}

/// Reads the next page from a `WARNING` URL and checks that it advances.
///
/// `warning_url` is the text of the `URL` element, CDATA or entities
/// already decoded; surrounding whitespace is ignored. `last_asset_id` is
/// the ID of the last asset on the page that carried the warning.
///
/// # Errors
///
/// Returns [`NextPageError`] when the URL has no query string, an invalid
/// query, no `id_min`, or an `id_min` not above `last_asset_id`.
///
/// # Example
///
/// ```
/// use qualys_sem::query::{NextPageError, next_page};
///
/// let url = "https://gateway.qg1.apps.qualys.com/sem/v1/assetList\
///            ?id_min=643&action=list&truncation_limit=1";
/// let page = next_page(url, 231).unwrap();
///
/// assert_eq!(page.id_min(), 643);
/// assert_eq!(
///     page.url(),
///     "https://gateway.qg1.apps.qualys.com/sem/v1/assetList\
///      ?action=list&truncation_limit=1&id_min=643"
/// );
/// assert_eq!(
///     next_page(url, 643),
///     Err(NextPageError::CursorNotAdvancing { id_min: 643, last_asset_id: 643 })
/// );
/// ```
pub fn next_page(warning_url: &str, last_asset_id: u64) -> Result<NextPage, NextPageError> {
    let url = warning_url.trim();
    let without_fragment = url.split_once('#').map_or(url, |(before, _)| before);
    let Some((endpoint, raw_query)) = without_fragment.split_once('?') else {
        return Err(NextPageError::MissingQuery {
            url: url.to_owned(),
        });
    };

    let query =
        Query::parse(raw_query).map_err(|message| NextPageError::InvalidQuery { message })?;

    let Some(id_min) = query.id_min else {
        return Err(NextPageError::MissingCursor {
            url: url.to_owned(),
        });
    };
    if id_min <= last_asset_id {
        return Err(NextPageError::CursorNotAdvancing {
            id_min,
            last_asset_id,
        });
    }

    Ok(NextPage {
        endpoint: endpoint.to_owned(),
        query,
    })
}
