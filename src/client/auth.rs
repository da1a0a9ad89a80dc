//! Credentials for the token request and the bearer token it returns.
//!
//! Neither type prints its secret: `Debug` shows `<redacted>`, errors never
//! quote the secret, and neither implements `Display`.

use std::fmt;

/// The content type of the token request body.
pub const AUTH_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// A credential the library cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The user name is empty.
    #[error("user name is empty")]
    EmptyUsername,
    /// The password is empty.
    #[error("password is empty")]
    EmptyPassword,
    /// The token is empty or only whitespace.
    #[error("bearer token is empty")]
    EmptyToken,
    /// The token contains a character outside visible ASCII, which a
    /// header value cannot carry safely.
    #[error("bearer token contains a character outside visible ASCII at byte {position}")]
    InvalidTokenCharacter {
        /// The byte offset of the character in the trimmed token.
        position: usize,
    },
}

/// A user name and password for the token request (`/auth`).
///
/// # Example
///
/// ```
/// use qualys_sem::Credentials;
///
/// let credentials = Credentials::new("user01", "p&ss word").unwrap();
/// assert_eq!(
///     credentials.form_body(),
///     "username=user01&password=p%26ss+word&token=true&permissions=true"
/// );
/// assert!(!format!("{credentials:?}").contains("p&ss"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    username: String,
    password: String,
}

impl Credentials {
    /// Keeps a user name and password.
    ///
    /// # Errors
    ///
    /// Returns [`AuthError::EmptyUsername`] or [`AuthError::EmptyPassword`].
    pub fn new(
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Result<Credentials, AuthError> {
        let username = username.into();
        let password = password.into();
        if username.is_empty() {
            return Err(AuthError::EmptyUsername);
        }
        if password.is_empty() {
            return Err(AuthError::EmptyPassword);
        }
        Ok(Credentials { username, password })
    }

    /// Returns the user name.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// Returns the form-encoded body of the token request: the user name,
    /// the password, `token=true` and `permissions=true`.
    ///
    /// The body contains the password: send it, never log it.
    pub fn form_body(&self) -> String {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("username", &self.username)
            .append_pair("password", &self.password)
            .append_pair("token", "true")
            .append_pair("permissions", "true")
            .finish()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// The JSON Web Token that the token request returns.
///
/// # Example
///
/// ```
/// use qualys_sem::BearerToken;
///
/// let token = BearerToken::new("eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl\n").unwrap();
/// assert_eq!(token.authorization_value(), "Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl");
/// assert_eq!(format!("{token:?}"), "BearerToken(<redacted>)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(String);

impl BearerToken {
    /// Keeps a token, without the whitespace around it that a response
    /// body may have.
    ///
    /// # Errors
    ///
    /// Returns [`AuthError::EmptyToken`] for an empty token, and
    /// [`AuthError::InvalidTokenCharacter`] for a space, a control
    /// character or non-ASCII text inside it, which could split or forge
    /// header lines.
    pub fn new(token: &str) -> Result<BearerToken, AuthError> {
        let token = token.trim();
        if token.is_empty() {
            return Err(AuthError::EmptyToken);
        }
        if let Some(position) = token.bytes().position(|byte| !byte.is_ascii_graphic()) {
            return Err(AuthError::InvalidTokenCharacter { position });
        }
        Ok(BearerToken(token.to_owned()))
    }

    /// Returns the value of the `Authorization` header: `Bearer <token>`.
    pub fn authorization_value(&self) -> String {
        format!("Bearer {}", self.0)
    }

    /// Returns the token itself.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_credentials() {
        assert_eq!(
            Credentials::new("", "x").unwrap_err(),
            AuthError::EmptyUsername
        );
        assert_eq!(
            Credentials::new("user01", "").unwrap_err(),
            AuthError::EmptyPassword
        );
    }

    #[test]
    fn token_rejects_header_breaking_characters() {
        let error = BearerToken::new("abc\r\nX-Injected: 1").unwrap_err();
        assert_eq!(error, AuthError::InvalidTokenCharacter { position: 3 });
        assert!(!error.to_string().contains("abc"));
        assert_eq!(BearerToken::new(" \n").unwrap_err(), AuthError::EmptyToken);
    }

    #[test]
    fn credentials_debug_hides_password() {
        let credentials = Credentials::new("user01", "hunter2-secret").unwrap();
        let debug = format!("{credentials:?}");
        assert!(debug.contains("user01"));
        assert!(!debug.contains("hunter2"));
    }
}
