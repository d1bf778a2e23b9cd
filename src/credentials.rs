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

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

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

impl SsoGrant {
    /// Whether the access token is still good to send at `now`: not in the
    /// last fifth of its life, nor in its last minute (a clock a little
    /// behind the provider's, a request that takes a while). Without an
    /// expiry it is used until the service refuses it.
    pub fn usable_at(&self, now: i64) -> bool {
        let Some(exp) = self.expires_at else { return true };
        let lifetime = self.issued_at.map_or(300, |iat| (exp - iat).max(0));
        let margin = (lifetime / 5).min(60);
        now < exp - margin
    }

    /// Who signed in, as best known: email, then name, then subject.
    pub fn who(&self) -> Option<&str> {
        self.email.as_deref().or(self.name.as_deref()).or(self.subject.as_deref())
    }
}

/// What `auth login` keeps of a single sign-on: enough to renew the access
/// token without the person, and to say who they are without asking anyone.
#[derive(Clone)]
pub struct SsoGrant {
    /// The issuer and client it was issued to: a profile whose `oidc_issuer`
    /// changed since cannot renew it.
    pub issuer: String,
    pub client_id: String,
    pub access_token: SecretString,
    /// When the access token expires (Unix seconds); `None` when the
    /// provider did not say (then it is used until the service refuses it).
    pub expires_at: Option<i64>,
    /// When it was issued (Unix seconds, this machine's clock): a token is
    /// renewed in the last fifth of its life, at most a minute early.
    pub issued_at: Option<i64>,
    /// `None` when the provider gave none (then the sign-in ends with the access token).
    pub refresh_token: Option<SecretString>,
    /// Who the provider says signed in (the id_token's `sub`, `name`,
    /// `email`), for `auth status`; never used to decide anything.
    pub subject: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
}

impl fmt::Debug for SsoGrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsoGrant")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("access_token", &"[redacted]")
            .field("expires_at", &self.expires_at)
            .field("issued_at", &self.issued_at)
            .field("refresh_token", &self.refresh_token.as_ref().map(|_| "[redacted]"))
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

/// A grant as stored: JSON in the keyring entry, a `sso` table in the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrantRecord {
    /// Tells a stored grant from a pasted token in a keyring entry: always 1.
    acctl_sso: u32,
    issuer: String,
    client_id: String,
    access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issued_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
}

impl fmt::Debug for GrantRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("GrantRecord { [redacted] }")
    }
}

impl From<&SsoGrant> for GrantRecord {
    fn from(g: &SsoGrant) -> Self {
        GrantRecord {
            acctl_sso: 1,
            issuer: g.issuer.clone(),
            client_id: g.client_id.clone(),
            access_token: g.access_token.expose_secret().to_owned(),
            expires_at: g.expires_at,
            issued_at: g.issued_at,
            refresh_token: g.refresh_token.as_ref().map(|t| t.expose_secret().to_owned()),
            subject: g.subject.clone(),
            name: g.name.clone(),
            email: g.email.clone(),
        }
    }
}

impl From<GrantRecord> for SsoGrant {
    fn from(r: GrantRecord) -> Self {
        SsoGrant {
            issuer: r.issuer,
            client_id: r.client_id,
            access_token: r.access_token.into(),
            expires_at: r.expires_at,
            issued_at: r.issued_at,
            refresh_token: r.refresh_token.map(SecretString::from),
            subject: r.subject,
            name: r.name,
            email: r.email,
        }
    }
}

/// The text a keyring entry holds for `secret`.
fn keyring_text(secret: &Secret) -> Result<SecretString, CredentialError> {
    match secret {
        Secret::Token(t) => Ok(t.clone()),
        Secret::Sso(g) => serde_json::to_string(&GrantRecord::from(g))
            .map(SecretString::from)
            .map_err(|e| CredentialError::Keyring { cause: KeyringCause(format!("cannot encode the sign-in: {e}")) }),
    }
}

/// A keyring entry's text: a grant when it is one, else a pasted token.
fn from_keyring_text(text: SecretString) -> Secret {
    let raw = text.expose_secret();
    if raw.starts_with('{')
        && let Ok(record) = serde_json::from_str::<GrantRecord>(raw)
        && record.acctl_sso == 1
    {
        return Secret::Sso(record.into());
    }
    Secret::Token(text)
}

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("not signed in to profile `{profile}`")]
    NotSignedIn { profile: String },
    /// No token anywhere, and the keyring could not even be asked.
    #[error("not signed in to profile `{profile}`")]
    NoKeyringToAsk {
        profile: String,
        #[source]
        cause: Box<CredentialError>,
    },
    #[error("no OS keyring is available")]
    KeyringUnavailable {
        #[source]
        cause: KeyringCause,
        file: Option<PathBuf>,
    },
    #[error("the OS keyring did not answer within {}s", .timeout.as_secs())]
    KeyringTimeout { timeout: Duration, file: Option<PathBuf> },
    #[error("the OS keyring failed")]
    Keyring {
        #[source]
        cause: KeyringCause,
    },
    #[error("cannot use the token file `{}`", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the token file `{}` is not valid", path.display())]
    FileFormat { path: PathBuf, message: String },
    #[error("cannot tell where to keep the token file: neither XDG_DATA_HOME nor HOME is set")]
    NoDataDir,
}

/// The keyring's own words, kept as the cause.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct KeyringCause(pub String);

impl CredentialError {
    /// The exit status: no token is "not authenticated" (4); a keyring that
    /// cannot be reached or does not answer is a service acctl depends on
    /// being unavailable (8, as for the backend: retrying later, or another
    /// store, is the way out); anything else from the keyring or the token
    /// file is unexpected (1).
    pub fn exit_status(&self) -> crate::error::ExitStatus {
        use crate::error::ExitStatus;
        match self {
            CredentialError::NotSignedIn { .. } | CredentialError::NoKeyringToAsk { .. } => {
                ExitStatus::NotAuthenticated
            }
            CredentialError::KeyringUnavailable { .. } | CredentialError::KeyringTimeout { .. } => {
                ExitStatus::Unavailable
            }
            _ => ExitStatus::Unexpected,
        }
    }

    /// Whether "run `acctl auth login`" is the next step.
    pub fn wants_login(&self) -> bool {
        matches!(self, CredentialError::NotSignedIn { .. })
    }

    pub fn hints(&self) -> Vec<String> {
        let options = |file: &Option<PathBuf>| {
            let file = file.as_ref().map(|p| format!(" (`{}`)", p.display())).unwrap_or_default();
            vec![format!(
                "set `{TOKEN_ENV}` in the environment instead, or run `acctl auth login --insecure-storage` to keep the token in a 0600 plaintext file{file}"
            )]
        };
        match self {
            CredentialError::KeyringUnavailable { file, .. } | CredentialError::KeyringTimeout { file, .. } => {
                options(file)
            }
            CredentialError::NoKeyringToAsk { cause, .. } => cause.hints(),
            _ => Vec::new(),
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

    fn keyring(&self, op: KeyringOp) -> Result<KeyringAnswer, CredentialError> {
        let (tx, rx) = mpsc::channel();
        let profile = self.profile.clone();
        let spawned = std::thread::Builder::new().name("keyring".into()).spawn(move || {
            let _ = tx.send(keyring_call(&profile, op));
        });
        if let Err(e) = spawned {
            return Err(CredentialError::Keyring { cause: KeyringCause(e.to_string()) });
        }
        match rx.recv_timeout(self.keyring_timeout) {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(KeyringFailure::Unavailable(cause))) => {
                Err(CredentialError::KeyringUnavailable { cause: KeyringCause(cause), file: self.file.clone() })
            }
            Ok(Err(KeyringFailure::Other(cause))) => Err(CredentialError::Keyring { cause: KeyringCause(cause) }),
            // The thread stays parked on the keyring; the process does not wait for it.
            Err(_) => Err(CredentialError::KeyringTimeout { timeout: self.keyring_timeout, file: self.file.clone() }),
        }
    }
}

enum KeyringOp {
    Get,
    Set(SecretString),
    Delete,
}

enum KeyringAnswer {
    Token(SecretString),
    Stored,
    Deleted,
    Missing,
}

enum KeyringFailure {
    /// No store could be reached or used: no session bus, locked or absent
    /// keyring, a prompt nobody can answer.
    Unavailable(String),
    Other(String),
}

/// The platform's keyring. Everything around it (timeouts, errors, the
/// entry per profile) is the same code on every platform; only this picks the
/// store: Secret Service on Linux, the login Keychain on macOS, Credential
/// Manager on Windows.
fn open_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeyringFailure> {
    if crate::env::is_present(EnvVars::ACCTL_KEYRING_DISABLE) {
        return Err(KeyringFailure::Unavailable("disabled by ACCTL_KEYRING_DISABLE".into()));
    }
    platform_store()
}

#[cfg(target_os = "linux")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeyringFailure> {
    dbus_secret_service_keyring_store::Store::new()
        .map(|s| s as std::sync::Arc<keyring_core::CredentialStore>)
        .map_err(|e| KeyringFailure::Unavailable(format!("Secret Service: {e}")))
}

// Not built on these machines (no macOS or Windows target here): kept to the
// one call each crate documents.
#[cfg(target_os = "macos")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeyringFailure> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|s| s as std::sync::Arc<keyring_core::CredentialStore>)
        .map_err(|e| KeyringFailure::Unavailable(format!("Keychain: {e}")))
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeyringFailure> {
    windows_native_keyring_store::Store::new()
        .map(|s| s as std::sync::Arc<keyring_core::CredentialStore>)
        .map_err(|e| KeyringFailure::Unavailable(format!("Credential Manager: {e}")))
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> Result<std::sync::Arc<keyring_core::CredentialStore>, KeyringFailure> {
    Err(KeyringFailure::Unavailable("this build of acctl has no keyring store for this operating system".into()))
}

fn keyring_call(profile: &str, op: KeyringOp) -> Result<KeyringAnswer, KeyringFailure> {
    use keyring_core::Error;
    let store = open_store()?;
    let entry = keyring_core::Entry::new_in_store(&store, KEYRING_SERVICE, profile).map_err(classify)?;
    let result = match op {
        KeyringOp::Get => entry.get_password().map(|t| KeyringAnswer::Token(t.into())),
        KeyringOp::Set(token) => entry.set_password(token.expose_secret()).map(|()| KeyringAnswer::Stored),
        KeyringOp::Delete => entry.delete_credential().map(|()| KeyringAnswer::Deleted),
    };
    match result {
        Err(Error::NoEntry) => Ok(KeyringAnswer::Missing),
        other => other.map_err(classify),
    }
}

fn classify(e: keyring_core::Error) -> KeyringFailure {
    use keyring_core::Error;
    match e {
        Error::NoStorageAccess(_) | Error::NoDefaultStore | Error::PlatformFailure(_) => {
            KeyringFailure::Unavailable(e.to_string())
        }
        other => KeyringFailure::Other(other.to_string()),
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenFile {
    #[serde(default)]
    profiles: BTreeMap<String, FileEntry>,
}

/// One profile in the file: a pasted `token`, or an `sso` grant.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sso: Option<GrantRecord>,
}

impl fmt::Debug for FileEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FileEntry { [redacted] }")
    }
}

fn read_file(path: &Path) -> Result<TokenFile, CredentialError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .map_err(|e| CredentialError::FileFormat { path: path.to_owned(), message: e.message().to_owned() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(TokenFile::default()),
        Err(source) => Err(CredentialError::File { path: path.to_owned(), source }),
    }
}

/// Writes the file readable by its owner only, replacing it atomically, in a
/// 0700 directory.
///
/// The new content goes to a fresh temporary file in the same directory,
/// created with O_EXCL (and so never through a symlink) and mode 0600 by
/// `tempfile`; a `credentials.toml.tmp` someone left there, 0644 or a
/// symlink, plays no part. Then it is renamed over the file, and the result
/// checked: a regular file, 0600.
fn write_file(path: &Path, file: &TokenFile) -> Result<(), CredentialError> {
    let io = |source| CredentialError::File { path: path.to_owned(), source };
    let dir = path.parent().ok_or_else(|| io(std::io::Error::other("the path has no parent directory")))?;
    crate::dirs::create_private_dir(dir).map_err(io)?;
    let text = toml::to_string(file).map_err(|e| io(std::io::Error::other(e.to_string())))?;
    let text = format!(
        "# acctl tokens stored with `auth login --insecure-storage`: PLAINTEXT, readable by this user only.\n# `acctl auth logout` removes a profile's token.\n{text}"
    );
    let mut tmp = tempfile::Builder::new().prefix(".credentials.").suffix(".tmp").tempfile_in(dir).map_err(io)?;
    tmp.write_all(text.as_bytes()).and_then(|()| tmp.as_file().sync_all()).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    check_private_file(path).map_err(io)
}

/// The token file must be a regular file only its owner can read.
fn check_private_file(path: &Path) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("it is not a regular file"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode != 0o600 {
            return Err(std::io::Error::other(format!("it is mode {mode:04o}, not 0600")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_store_is_private_and_per_profile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acctl/credentials.toml");
        let mut file = TokenFile::default();
        file.profiles.insert("a".into(), FileEntry { token: Some("t-a".into()), sso: None });
        write_file(&path, &file).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let back = read_file(&path).unwrap();
        assert_eq!(back.profiles["a"].token.as_deref(), Some("t-a"));
        assert!(format!("{back:?}").contains("[redacted]"));
        assert!(!format!("{back:?}").contains("t-a"));
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_temp_file_or_symlink_changes_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let acctl = dir.path().join("acctl");
        std::fs::create_dir(&acctl).unwrap();
        std::fs::set_permissions(&acctl, std::fs::Permissions::from_mode(0o777)).unwrap();
        let path = acctl.join("credentials.toml");
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "").unwrap();
        std::os::unix::fs::symlink(&target, acctl.join("credentials.toml.tmp")).unwrap();
        let mut file = TokenFile::default();
        file.profiles.insert("a".into(), FileEntry { token: Some("t-a".into()), sso: None });
        write_file(&path, &file).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "", "nothing written through the symlink");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&acctl).unwrap().permissions().mode() & 0o777, 0o700);
    }

    fn grant() -> SsoGrant {
        SsoGrant {
            issuer: "https://idp.example".into(),
            client_id: "acctl".into(),
            access_token: "at-secret".to_owned().into(),
            expires_at: Some(1_800_000_000),
            issued_at: Some(1_799_999_000),
            refresh_token: Some("rt-secret".to_owned().into()),
            subject: Some("u1".into()),
            name: None,
            email: Some("a@example.com".into()),
        }
    }

    #[test]
    fn a_grant_round_trips_through_the_keyring_text_and_the_file_and_never_prints() {
        let text = keyring_text(&Secret::Sso(grant())).unwrap();
        let Secret::Sso(back) = from_keyring_text(text) else { panic!("not read back as a grant") };
        assert_eq!(back.refresh_token.unwrap().expose_secret(), "rt-secret");
        assert_eq!(back.expires_at, Some(1_800_000_000));
        // A pasted token that happens to be JSON stays a token.
        assert!(matches!(from_keyring_text("{\"a\":1}".to_owned().into()), Secret::Token(_)));
        assert!(matches!(from_keyring_text("acctl_x".to_owned().into()), Secret::Token(_)));
        let shown = format!("{:?}", Secret::Sso(grant()));
        assert!(!shown.contains("secret"), "{shown}");

        let dir = tempfile::tempdir().unwrap();
        let store = CredentialStore {
            profile: "sso".into(),
            file: Some(dir.path().join("acctl/credentials.toml")),
            keyring_timeout: DEFAULT_KEYRING_TIMEOUT,
        };
        let path = store.write_to_file(&Secret::Sso(grant())).unwrap();
        let credential = store.resolve_stored().unwrap();
        assert_eq!(credential.source, TokenSource::File(path));
        let Secret::Sso(back) = credential.secret else { panic!("not read back as a grant") };
        assert_eq!(back.access_token.expose_secret(), "at-secret");
        assert_eq!(back.email.as_deref(), Some("a@example.com"));
    }

    #[test]
    fn an_access_token_is_renewed_in_the_last_fifth_of_its_life_at_most_a_minute_early() {
        let mut g = grant();
        // An hour's token: renewed in its last minute.
        (g.issued_at, g.expires_at) = (Some(0), Some(3600));
        assert!(g.usable_at(3539) && !g.usable_at(3540));
        // A 10 s token: in its last 2 s.
        (g.issued_at, g.expires_at) = (Some(0), Some(10));
        assert!(g.usable_at(7) && !g.usable_at(8));
        // A 3 s token is never "about to expire" before it has.
        (g.issued_at, g.expires_at) = (Some(0), Some(3));
        assert!(g.usable_at(2) && !g.usable_at(3));
        // No expiry given: used until the service refuses it.
        g.expires_at = None;
        assert!(g.usable_at(i64::MAX));
    }

    #[test]
    fn keyring_errors_name_the_ways_out() {
        let e = CredentialError::KeyringUnavailable {
            cause: KeyringCause("no bus".into()),
            file: Some(PathBuf::from("/h/.local/share/acctl/credentials.toml")),
        };
        let hints = e.hints().join("\n");
        assert!(hints.contains("ACCTL_TOKEN") && hints.contains("--insecure-storage"), "{hints}");
    }
}
