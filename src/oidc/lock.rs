//! One acctl process at a time renews a profile's sign-in.
//!
//! The provider rotates the refresh token on every use and treats a second
//! use of an old one as theft, revoking the whole grant (oidc-provider,
//! Okta, Auth0 and Keycloak all can). Two acctl processes renewing at the
//! same moment with the same stored token would sign the person out. So a
//! renewal takes an exclusive lock on a file in the state directory first,
//! and re-reads the store once it holds it: another process may have renewed
//! (and stored the rotated token) meanwhile.

use std::fs::File;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a renewal waits for another process's (a renewal takes a second or two).
const WAIT: Duration = Duration::from_secs(30);

/// Held while renewing; the lock is released when dropped.
pub struct RenewalLock {
    _file: Option<File>,
}

/// Why the lock could not be had.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("cannot use the lock file `{}`", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("another acctl process has been renewing the sign-in of profile `{profile}` for {}s", WAIT.as_secs())]
    Busy { profile: String },
}

/// The lock file of `profile`: its name as it is when it is a plain word,
/// else its hex (a profile name is any TOML key).
fn path(profile: &str) -> Option<PathBuf> {
    let plain = !profile.is_empty()
        && profile.len() <= 64
        && profile.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let name = if plain { profile.to_owned() } else { format!("x{}", hex::encode(profile)) };
    crate::dirs::state_dir().map(|d| d.join("locks").join(format!("sso-{name}.lock")))
}

/// Takes the lock, polling without blocking a thread. Without a state
/// directory (neither `XDG_STATE_HOME` nor `HOME`) there is nowhere to put
/// the file: the renewal goes ahead unlocked, and the log says so.
pub async fn take(profile: &str) -> Result<RenewalLock, LockError> {
    let Some(path) = path(profile) else {
        tracing::warn!("no state directory: renewing without the cross-process lock");
        return Ok(RenewalLock { _file: None });
    };
    let io = |source| LockError::Io { path: path.clone(), source };
    let dir = path.parent().map(PathBuf::from).unwrap_or_default();
    crate::dirs::create_private_dir(&dir).map_err(io)?;
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io)?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(RenewalLock { _file: Some(file) }),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(std::fs::TryLockError::WouldBlock) => return Err(LockError::Busy { profile: profile.to_owned() }),
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_file_names_are_plain_whatever_the_profile_is_called() {
        let name = |p: &str| path(p).map(|p| p.file_name().unwrap().to_string_lossy().into_owned());
        if crate::dirs::state_dir().is_none() {
            return;
        }
        assert_eq!(name("prod").as_deref(), Some("sso-prod.lock"));
        assert_eq!(name("../x").as_deref(), Some("sso-x2e2e2f78.lock"));
    }
}
