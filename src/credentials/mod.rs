//! Where a profile's token comes from, and where `auth login` puts it.
//!
//! What is kept is a [`Secret`]: a bearer token used as it is (pasted at
//! `auth login`, or `ACCTL_TOKEN`), or a single sign-on grant ([`SsoGrant`]:
//! the refresh token, the access token in use and when it expires), stored
//! under the same rules in the same places.
//!
//! Order: `ACCTL_TOKEN`, then the plaintext file written by
//! `auth login --insecure-storage` (only if the user chose it for this
//! profile), then the OS keyring (service `acctl`, entry = profile name).
//! Every keyring call runs on its own thread with a timeout, so a hung Secret
//! Service cannot hang the tool. When no keyring works, the error says so and
//! names the options; there is never a silent fallback to the file.

mod error;
mod file;
mod grant;
mod keyring;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

pub use error::{CredentialError, KeyringCause};
use file::{FileEntry, read_file, write_file};
pub use grant::SsoGrant;
use keyring::{KeyringAnswer, KeyringOp, from_keyring_text, keyring_text};

use crate::env::EnvVars;

/// Keyring service name; the entry (user) is the profile name.
pub const KEYRING_SERVICE: &str = "acctl";
pub const TOKEN_ENV: &str = EnvVars::ACCTL_TOKEN;
const DEFAULT_KEYRING_TIMEOUT: Duration = Duration::from_secs(5);

/// Where a token was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenSource {
    Env,
    Keyring,
    /// The plaintext file of `--insecure-storage`.
    File(PathBuf),
}

impl TokenSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenSource::Env => "env",
            TokenSource::Keyring => "keyring",
            TokenSource::File(_) => "file",
        }
    }
}

impl fmt::Display for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenSource::Env => write!(f, "environment (`{TOKEN_ENV}`)"),
            TokenSource::Keyring => write!(f, "OS keyring (service `{KEYRING_SERVICE}`)"),
            TokenSource::File(p) => write!(f, "plaintext file `{}`", p.display()),
        }
    }
}

/// A token and where it came from. The token prints as `[redacted]`.
#[derive(Debug, Clone)]
pub struct Credential {
    pub secret: Secret,
    pub source: TokenSource,
}

/// What is kept for a profile.
#[derive(Debug, Clone)]
pub enum Secret {
    /// A bearer token used as it is, until the service stops taking it.
    Token(SecretString),
    /// A single sign-on grant, renewed with its refresh token.
    Sso(SsoGrant),
}

impl Secret {
    /// The token to send now (an SSO grant's current access token, which may
    /// have expired: [`crate::oidc::Session`] renews it).
    pub fn bearer(&self) -> &SecretString {
        match self {
            Secret::Token(t) => t,
            Secret::Sso(g) => &g.access_token,
        }
    }
}

/// The token stores of one profile.
#[derive(Debug, Clone)]
pub struct CredentialStore {
    profile: String,
    file: Option<PathBuf>,
    keyring_timeout: Duration,
}

impl CredentialStore {
    pub fn new(profile: &str) -> Self {
        let timeout = crate::env::var(EnvVars::ACCTL_KEYRING_TIMEOUT_MS)
            .and_then(|ms| ms.parse().ok())
            .map_or(DEFAULT_KEYRING_TIMEOUT, Duration::from_millis);
        CredentialStore {
            profile: profile.to_owned(),
            file: crate::dirs::data_dir().map(|d| d.join("credentials.toml")),
            keyring_timeout: timeout,
        }
    }

    /// Whether the OS keyring answers (a read of this profile's entry), so
    /// that `auth login` can say there is nowhere to keep a token before
    /// asking for one.
    pub fn check_keyring(&self) -> Result<(), CredentialError> {
        self.keyring(KeyringOp::Get).map(|_| ())
    }

    /// Where [`CredentialStore::resolve`] takes the token from, without asking
    /// the keyring (the last place looked): for a hint after the service
    /// rejected it.
    pub fn source(&self) -> TokenSource {
        if crate::env::var(TOKEN_ENV).is_some_and(|t| !t.trim().is_empty()) {
            return TokenSource::Env;
        }
        match &self.file {
            Some(path) if read_file(path).is_ok_and(|f| f.profiles.contains_key(&self.profile)) => {
                TokenSource::File(path.clone())
            }
            _ => TokenSource::Keyring,
        }
    }

    /// What to do when the service rejected this profile's token: the way
    /// out depends on where the token came from (`ACCTL_TOKEN` wins over a
    /// stored one, so signing in again cannot help while it is set).
    pub fn rejected_hint(&self) -> String {
        let profile = &self.profile;
        match self.source() {
            TokenSource::Env => format!(
                "the token came from `{TOKEN_ENV}`, which wins over any stored sign-in: set it to a valid token, or unset it to use the token `acctl auth login -p {profile}` stores"
            ),
            TokenSource::File(path) => format!(
                "the token came from the plaintext file `{}`: run `acctl auth login -p {profile} --insecure-storage` to replace it",
                path.display()
            ),
            TokenSource::Keyring => {
                format!("the token came from the OS keyring: run `acctl auth login -p {profile}` to replace it")
            }
        }
    }

    /// `ACCTL_TOKEN`, then the insecure file, then the keyring.
    pub fn resolve(&self) -> Result<Credential, CredentialError> {
        if let Some(token) = crate::env::var(TOKEN_ENV).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
            return Ok(Credential { secret: Secret::Token(token.into()), source: TokenSource::Env });
        }
        self.resolve_stored()
    }

    /// The token `auth login` stored for this profile (the file, then the
    /// keyring), whatever `ACCTL_TOKEN` says: `auth status` checks the other
    /// profiles with their own tokens, never sending the environment's token
    /// to a backend it may not be meant for.
    pub fn resolve_stored(&self) -> Result<Credential, CredentialError> {
        if let Some(path) = &self.file
            && let Some(entry) = read_file(path)?.profiles.remove(&self.profile)
        {
            let secret = match entry {
                FileEntry { sso: Some(record), .. } => Secret::Sso(record.into()),
                FileEntry { token: Some(token), .. } => Secret::Token(token.into()),
                FileEntry { token: None, sso: None } => {
                    return Err(CredentialError::FileFormat {
                        path: path.clone(),
                        message: format!("profile `{}` has neither `token` nor `sso`", self.profile),
                    });
                }
            };
            return Ok(Credential { secret, source: TokenSource::File(path.clone()) });
        }
        match self.keyring(KeyringOp::Get) {
            Ok(KeyringAnswer::Token(text)) => {
                Ok(Credential { secret: from_keyring_text(text), source: TokenSource::Keyring })
            }
            Ok(_) => Err(CredentialError::NotSignedIn { profile: self.profile.clone() }),
            Err(e @ (CredentialError::KeyringUnavailable { .. } | CredentialError::KeyringTimeout { .. })) => {
                Err(CredentialError::NoKeyringToAsk { profile: self.profile.clone(), cause: Box::new(e) })
            }
            Err(e) => Err(e),
        }
    }

    /// Stores in the keyring and removes any plaintext copy of this profile.
    pub fn store_in_keyring(&self, secret: &Secret) -> Result<(), CredentialError> {
        self.keyring(KeyringOp::Set(keyring_text(secret)?))?;
        self.remove_from_file()?;
        Ok(())
    }

    /// Stores in the 0600 plaintext file; returns its path. A keyring copy of
    /// this profile is removed when a keyring answers (best effort: the file
    /// is read first anyway).
    pub fn store_in_file(&self, secret: &Secret) -> Result<PathBuf, CredentialError> {
        let path = self.write_to_file(secret)?;
        let _ = self.keyring(KeyringOp::Delete);
        Ok(path)
    }

    /// Puts a renewed grant back where the old one was found (the keyring or
    /// the file), touching nothing else: renewing is not the moment to move
    /// a sign-in between stores.
    pub fn store_back(&self, secret: &Secret, source: &TokenSource) -> Result<(), CredentialError> {
        match source {
            TokenSource::Keyring => self.keyring(KeyringOp::Set(keyring_text(secret)?)).map(|_| ()),
            TokenSource::File(_) => self.write_to_file(secret).map(|_| ()),
            // Never stored: nothing to put back.
            TokenSource::Env => Ok(()),
        }
    }

    fn write_to_file(&self, secret: &Secret) -> Result<PathBuf, CredentialError> {
        let path = self.file.clone().ok_or(CredentialError::NoDataDir)?;
        let mut file = read_file(&path)?;
        let entry = match secret {
            Secret::Token(t) => FileEntry { token: Some(t.expose_secret().to_owned()), sso: None },
            Secret::Sso(g) => FileEntry { token: None, sso: Some(g.into()) },
        };
        file.profiles.insert(self.profile.clone(), entry);
        write_file(&path, &file)?;
        Ok(path)
    }

    /// Removes the profile's token from the keyring and the file. Returns
    /// where something was removed, and the keyring's error when it could not
    /// be asked (then a token kept there, if any, is still there).
    pub fn remove(&self) -> Result<(Vec<TokenSource>, Option<CredentialError>), CredentialError> {
        let mut removed = Vec::new();
        if self.remove_from_file()? {
            removed.push(TokenSource::File(self.file.clone().unwrap_or_default()));
        }
        let unreached = match self.keyring(KeyringOp::Delete) {
            Ok(KeyringAnswer::Deleted) => {
                removed.push(TokenSource::Keyring);
                None
            }
            Ok(_) => None,
            Err(e) => Some(e),
        };
        Ok((removed, unreached))
    }

    fn remove_from_file(&self) -> Result<bool, CredentialError> {
        let Some(path) = &self.file else { return Ok(false) };
        let mut file = read_file(path)?;
        if file.profiles.remove(&self.profile).is_none() {
            return Ok(false);
        }
        write_file(path, &file)?;
        Ok(true)
    }
}
