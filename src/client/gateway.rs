//! Base URLs of the Qualys API gateways.

use std::fmt;

/// The path of the asset and detection export.
pub const ASSET_LIST_PATH: &str = "/sem/v1/assetList";

/// The path of the token request.
pub const AUTH_PATH: &str = "/auth";

/// A Qualys platform, the place where an account lives; each has its own
/// API gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Platform {
    /// US Platform 1.
    Us1,
    /// US Platform 2.
    Us2,
    /// US Platform 3.
    Us3,
    /// US Platform 4.
    Us4,
    /// EU Platform 1.
    Eu1,
    /// EU Platform 2.
    Eu2,
    /// India Platform 1.
    In1,
    /// Canada Platform 1.
    Ca1,
    /// UAE Platform 1.
    Ae1,
    /// UK Platform 1.
    Uk1,
    /// Australia Platform 1.
    Au1,
    /// Kingdom of Saudi Arabia Platform 1.
    Ksa1,
}

impl Platform {
    /// Every platform.
    pub const ALL: [Platform; 12] = [
        Platform::Us1,
        Platform::Us2,
        Platform::Us3,
        Platform::Us4,
        Platform::Eu1,
        Platform::Eu2,
        Platform::In1,
        Platform::Ca1,
        Platform::Ae1,
        Platform::Uk1,
        Platform::Au1,
        Platform::Ksa1,
    ];

    /// Returns the platform's short name, such as `US1`.
    pub const fn name(self) -> &'static str {
        match self {
            Platform::Us1 => "US1",
            Platform::Us2 => "US2",
            Platform::Us3 => "US3",
            Platform::Us4 => "US4",
            Platform::Eu1 => "EU1",
            Platform::Eu2 => "EU2",
            Platform::In1 => "IN1",
            Platform::Ca1 => "CA1",
            Platform::Ae1 => "AE1",
            Platform::Uk1 => "UK1",
            Platform::Au1 => "AU1",
            Platform::Ksa1 => "KSA1",
        }
    }

    /// Looks up a platform by its short name, ignoring ASCII case.
    ///
    /// # Example
    ///
    /// ```
    /// use qualys_sem::Platform;
    ///
    /// assert_eq!(Platform::from_name("eu2"), Some(Platform::Eu2));
    /// assert_eq!(Platform::from_name("EU3"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Platform> {
        Platform::ALL
            .into_iter()
            .find(|platform| platform.name().eq_ignore_ascii_case(name))
    }

    /// Returns the gateway base URL, without a trailing slash.
    pub const fn gateway_url(self) -> &'static str {
        match self {
            Platform::Us1 => "https://gateway.qg1.apps.qualys.com",
            Platform::Us2 => "https://gateway.qg2.apps.qualys.com",
            Platform::Us3 => "https://gateway.qg3.apps.qualys.com",
            Platform::Us4 => "https://gateway.qg4.apps.qualys.com",
            Platform::Eu1 => "https://gateway.qg1.apps.qualys.eu",
            Platform::Eu2 => "https://gateway.qg2.apps.qualys.eu",
            Platform::In1 => "https://gateway.qg1.apps.qualys.in",
            Platform::Ca1 => "https://gateway.qg1.apps.qualys.ca",
            Platform::Ae1 => "https://gateway.qg1.apps.qualys.ae",
            Platform::Uk1 => "https://gateway.qg1.apps.qualys.co.uk",
            Platform::Au1 => "https://gateway.qg1.apps.qualys.com.au",
            Platform::Ksa1 => "https://gateway.qg1.apps.qualysksa.com",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The base URL of an API gateway: a platform's, or a custom one such as a
/// private cloud or a local test server.
///
/// # Example
///
/// ```
/// use qualys_sem::{Gateway, Platform};
///
/// let gateway = Gateway::platform(Platform::Uk1);
/// assert_eq!(gateway.auth_url(), "https://gateway.qg1.apps.qualys.co.uk/auth");
///
/// let local = Gateway::custom("http://127.0.0.1:8080/").unwrap();
/// assert_eq!(local.asset_list_url(), "http://127.0.0.1:8080/sem/v1/assetList");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Gateway {
    base_url: String,
}

/// A custom gateway URL that cannot serve as a base URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GatewayError {
    /// The URL does not start with `https://` or `http://`.
    #[error("gateway URL {url:?} must start with https:// or http://")]
    UnsupportedScheme {
        /// The URL as given.
        url: String,
    },
    /// The URL has no host after the scheme.
    #[error("gateway URL {url:?} has no host")]
    MissingHost {
        /// The URL as given.
        url: String,
    },
    /// The URL has a query, a fragment, whitespace or user information,
    /// none of which a base URL can carry.
    #[error("gateway URL {url:?} must be a scheme, a host and an optional path only")]
    NotABaseUrl {
        /// The URL as given.
        url: String,
    },
}

impl Gateway {
    /// Returns the gateway of a platform.
    pub fn platform(platform: Platform) -> Gateway {
        Gateway {
            base_url: platform.gateway_url().to_owned(),
        }
    }

    /// Checks and keeps a custom base URL, without its trailing slashes.
    ///
    /// # Errors
    ///
    /// Returns [`GatewayError`] for a scheme other than HTTP(S), a missing
    /// host, or a URL with a query, a fragment, whitespace or an `@`.
    pub fn custom(url: &str) -> Result<Gateway, GatewayError> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| GatewayError::UnsupportedScheme {
                url: url.to_owned(),
            })?;

        let has_forbidden = rest
            .chars()
            .any(|c| matches!(c, '?' | '#' | '@') || c.is_whitespace() || c.is_control());
        if has_forbidden {
            return Err(GatewayError::NotABaseUrl {
                url: url.to_owned(),
            });
        }

        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return Err(GatewayError::MissingHost {
                url: url.to_owned(),
            });
        }

        Ok(Gateway {
            base_url: url.trim_end_matches('/').to_owned(),
        })
    }

    /// Returns the base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Returns the URL of the token request, `<base>/auth`.
    pub fn auth_url(&self) -> String {
        format!("{}{AUTH_PATH}", self.base_url)
    }

    /// Returns the URL of the export without a query, `<base>/sem/v1/assetList`.
    pub fn asset_list_url(&self) -> String {
        format!("{}{ASSET_LIST_PATH}", self.base_url)
    }
}

impl From<Platform> for Gateway {
    fn from(platform: Platform) -> Gateway {
        Gateway::platform(platform)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_names_round_trip() {
        for platform in Platform::ALL {
            assert_eq!(Platform::from_name(platform.name()), Some(platform));
        }
    }

    #[test]
    fn platform_urls_are_distinct_https() {
        let mut urls: Vec<&str> = Platform::ALL.iter().map(|p| p.gateway_url()).collect();
        assert!(urls.iter().all(|url| url.starts_with("https://gateway.")));
        urls.sort_unstable();
        urls.dedup();
        assert_eq!(urls.len(), Platform::ALL.len());
    }

    #[test]
    fn custom_urls() {
        assert!(Gateway::custom("ftp://host01.example").is_err());
        assert!(Gateway::custom("https://").is_err());
        assert!(Gateway::custom("https:///path").is_err());
        assert!(Gateway::custom("https://host01.example/?a=1").is_err());
        assert!(Gateway::custom("https://user01@host01.example").is_err());
        assert!(Gateway::custom("https://host01.example/x y").is_err());

        let gateway = Gateway::custom("https://host01.example/qualys//").unwrap();
        assert_eq!(gateway.base_url(), "https://host01.example/qualys");
    }
}
