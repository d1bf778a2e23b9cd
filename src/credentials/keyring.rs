//! The OS keyring: one entry per profile (service `acctl`), each call on
//! its own thread with a timeout, and the text an entry holds.

use std::sync::mpsc;

use secrecy::{ExposeSecret, SecretString};

use super::grant::GrantRecord;
use super::{CredentialError, CredentialStore, KEYRING_SERVICE, KeyringCause, Secret};
use crate::env::EnvVars;

/// The text a keyring entry holds for `secret`.
pub(super) fn keyring_text(secret: &Secret) -> Result<SecretString, CredentialError> {
    match secret {
        Secret::Token(t) => Ok(t.clone()),
        Secret::Sso(g) => serde_json::to_string(&GrantRecord::from(g))
            .map(SecretString::from)
            .map_err(|e| CredentialError::Keyring { cause: KeyringCause(format!("cannot encode the sign-in: {e}")) }),
    }
}

/// A keyring entry's text: a grant when it is one, else a pasted token.
pub(super) fn from_keyring_text(text: SecretString) -> Secret {
    let raw = text.expose_secret();
    if raw.starts_with('{')
        && let Ok(record) = serde_json::from_str::<GrantRecord>(raw)
        && record.acctl_sso == 1
    {
        return Secret::Sso(record.into());
    }
    Secret::Token(text)
}

impl CredentialStore {
    /// `op` on this profile's entry, on a thread of its own, given up after
    /// the store's timeout.
    pub(super) fn keyring(&self, op: KeyringOp) -> Result<KeyringAnswer, CredentialError> {
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

pub(super) enum KeyringOp {
    Get,
    Set(SecretString),
    Delete,
}

pub(super) enum KeyringAnswer {
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
