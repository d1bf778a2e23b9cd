//! What can go wrong finding or keeping a token, with the exit status and
//! the hints of each.

use std::path::PathBuf;
use std::time::Duration;

use super::TOKEN_ENV;

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

#[cfg(test)]
mod tests {
    use super::*;

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
