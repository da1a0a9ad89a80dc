use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::owned_text;

/// The `WARNING` at the end of a `RESPONSE`: the page was cut at `truncation_limit` assets and
/// `url` asks for the next one.
///
/// Ignoring it exports a fraction of the data, so check for it after the last asset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning<'a> {
    /// `CODE`, 1980 for a cut page.
    #[serde(default)]
    pub code: Option<u64>,
    /// `TEXT`, such as `1000 record limit exceeded. Use URL to get next batch of results.`
    #[serde(default)]
    pub text: Option<Cow<'a, str>>,
    /// `URL` of the next page, with the layout whitespace around it removed.
    #[serde(default)]
    pub url: Option<Cow<'a, str>>,
}

impl Warning<'_> {
    /// Converts into a warning that owns its text.
    pub fn into_owned(self) -> Warning<'static> {
        Warning {
            code: self.code,
            text: owned_text(self.text),
            url: owned_text(self.url),
        }
    }

    /// Returns the `id_min` parameter of the next page's URL: the lowest asset ID that the
    /// next page starts from.
    ///
    /// # Example
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use qualys_sem::Warning;
    ///
    /// let warning = Warning {
    ///     url: Some(Cow::Borrowed("https://gateway.example/sem/v1/assetList?action=list&id_min=643")),
    ///     ..Warning::default()
    /// };
    /// assert_eq!(warning.next_id_min(), Some(643));
    /// ```
    pub fn next_id_min(&self) -> Option<u64> {
        let url = self.url.as_deref()?;
        let (_, query) = url.split_once('?')?;
        let query = query.split('#').next().unwrap_or_default();
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == "id_min")
            .and_then(|(_, value)| value.parse().ok())
    }
}
