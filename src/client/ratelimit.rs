//! The rate and concurrency limit headers of an API response.

use std::time::Duration;

/// The limits an API response reports in its headers. Each field is `None`
/// when its header is absent: some responses carry none of them, and
/// `X-RateLimit-ToWait-Sec` may come only once the limit is reached.
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use qualys_sem::RateLimit;
///
/// let limit = RateLimit::from_headers([
///     ("x-ratelimit-limit", "300"),
///     ("X-RateLimit-Remaining", "0"),
///     ("X-RateLimit-Window-Sec", "3600"),
///     ("X-RateLimit-ToWait-Sec", "3300"),
///     ("Content-Type", "application/xml"),
/// ])
/// .unwrap();
///
/// assert_eq!(limit.limit, Some(300));
/// assert_eq!(limit.wait_before_next_call(), Duration::from_secs(3300));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: the calls allowed in one window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: the calls left in the current window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Window-Sec`: the length of the rolling window.
    pub window: Option<Duration>,
    /// `X-RateLimit-ToWait-Sec`: the wait until calls are allowed again.
    pub to_wait: Option<Duration>,
    /// `X-Concurrency-Limit-Limit`: the calls allowed to run at once.
    pub concurrency_limit: Option<u64>,
    /// `X-Concurrency-Limit-Running`: the calls running now.
    pub concurrency_running: Option<u64>,
}

/// A rate limit header with a value the library cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RateLimitError {
    /// The value is not a non-negative decimal integer.
    #[error("header {name} has invalid value {value:?}: expected a non-negative integer")]
    InvalidValue {
        /// The header name as received.
        name: String,
        /// The value as received.
        value: String,
    },
    /// The header appears twice with different values.
    #[error("header {name} appears twice with different values {first:?} and {second:?}")]
    Conflicting {
        /// The header name as received the second time.
        name: String,
        /// The first value.
        first: String,
        /// The second value.
        second: String,
    },
}

#[derive(Clone, Copy)]
enum Field {
    Limit,
    Remaining,
    Window,
    ToWait,
    ConcurrencyLimit,
    ConcurrencyRunning,
}

const HEADERS: [(&str, Field); 6] = [
    ("X-RateLimit-Limit", Field::Limit),
    ("X-RateLimit-Remaining", Field::Remaining),
    ("X-RateLimit-Window-Sec", Field::Window),
    ("X-RateLimit-ToWait-Sec", Field::ToWait),
    ("X-Concurrency-Limit-Limit", Field::ConcurrencyLimit),
    ("X-Concurrency-Limit-Running", Field::ConcurrencyRunning),
];

impl RateLimit {
    /// Reads the limit headers from name and value pairs, names compared
    /// without ASCII case, values trimmed. Other headers are ignored.
    ///
    /// # Errors
    ///
    /// Returns [`RateLimitError::InvalidValue`] for a value that is not a
    /// non-negative integer, and [`RateLimitError::Conflicting`] for a
    /// header repeated with another value.
    pub fn from_headers<N, V>(
        headers: impl IntoIterator<Item = (N, V)>,
    ) -> Result<RateLimit, RateLimitError>
    where
        N: AsRef<str>,
        V: AsRef<str>,
    {
        let mut seen: [Option<String>; HEADERS.len()] = Default::default();
        let mut limits = RateLimit::default();

        for (name, value) in headers {
            let (name, value) = (name.as_ref(), value.as_ref().trim());
            let Some(index) = HEADERS
                .iter()
                .position(|(known, _)| known.eq_ignore_ascii_case(name))
            else {
                continue;
            };

            if let Some(first) = &seen[index] {
                if first != value {
                    return Err(RateLimitError::Conflicting {
                        name: name.to_owned(),
                        first: first.clone(),
                        second: value.to_owned(),
                    });
                }
                continue;
            }
            seen[index] = Some(value.to_owned());

            let number = parse_count(value).ok_or_else(|| RateLimitError::InvalidValue {
                name: name.to_owned(),
                value: value.to_owned(),
            })?;
            limits.set(HEADERS[index].1, number);
        }

        Ok(limits)
    }

    fn set(&mut self, field: Field, number: u64) {
        match field {
            Field::Limit => self.limit = Some(number),
            Field::Remaining => self.remaining = Some(number),
            Field::Window => self.window = Some(Duration::from_secs(number)),
            Field::ToWait => self.to_wait = Some(Duration::from_secs(number)),
            Field::ConcurrencyLimit => self.concurrency_limit = Some(number),
            Field::ConcurrencyRunning => self.concurrency_running = Some(number),
        }
    }

    /// Returns how long to wait before the next call.
    ///
    /// That is `X-RateLimit-ToWait-Sec` when present. Without it, a
    /// response that has no calls remaining waits a whole window, because
    /// the window rolls and the headers do not tell when the oldest call
    /// leaves it. Otherwise there is no wait. The concurrency limit does
    /// not lengthen the wait: see [`RateLimit::concurrency_exhausted`].
    pub fn wait_before_next_call(&self) -> Duration {
        if let Some(to_wait) = self.to_wait {
            return to_wait;
        }
        if self.remaining == Some(0) {
            return self.window.unwrap_or_default();
        }
        Duration::ZERO
    }

    /// Tells whether as many calls run as the concurrency limit allows, so
    /// that another one would be refused until one of them ends.
    pub fn concurrency_exhausted(&self) -> bool {
        match (self.concurrency_limit, self.concurrency_running) {
            (Some(limit), Some(running)) => running >= limit,
            _ => false,
        }
    }
}

fn parse_count(value: &str) -> Option<u64> {
    if value.is_empty() || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_headers_are_none() {
        let limits = RateLimit::from_headers([("Content-Type", "application/xml")]).unwrap();
        assert_eq!(limits, RateLimit::default());
        assert_eq!(limits.wait_before_next_call(), Duration::ZERO);
    }

    #[test]
    fn exhausted_without_to_wait_waits_a_window() {
        let limits = RateLimit::from_headers([
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Window-Sec", "3600"),
        ])
        .unwrap();
        assert_eq!(limits.wait_before_next_call(), Duration::from_secs(3600));
    }

    #[test]
    fn concurrency_headers() {
        let limits = RateLimit::from_headers([
            ("X-CONCURRENCY-LIMIT-LIMIT", "2"),
            ("x-concurrency-limit-running", "2"),
        ])
        .unwrap();
        assert_eq!(limits.concurrency_limit, Some(2));
        assert!(limits.concurrency_exhausted());
    }

    #[test]
    fn invalid_value_names_header() {
        let error = RateLimit::from_headers([("X-RateLimit-Limit", "-1")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "header X-RateLimit-Limit has invalid value \"-1\": expected a non-negative integer"
        );
    }

    #[test]
    fn repeated_headers() {
        let same =
            RateLimit::from_headers([("X-RateLimit-Limit", "5"), ("x-ratelimit-limit", "5")]);
        assert_eq!(same.unwrap().limit, Some(5));

        let different =
            RateLimit::from_headers([("X-RateLimit-Limit", "5"), ("X-RateLimit-Limit", "6")]);
        assert!(matches!(different, Err(RateLimitError::Conflicting { .. })));
    }
}
