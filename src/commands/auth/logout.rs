//! `acctl auth logout`: forget the profile's stored token or sign-in; a
//! single sign-on's refresh token is revoked at the provider first.

use clap::Args;

use super::revoke::{Ending, revoke, stored_grant};
use crate::credentials::{CredentialStore, TOKEN_ENV, TokenSource};
use crate::error::{CliError, ExitStatus};
use crate::settings::Settings;
use crate::ui::Ui;

/// Sign out: revoke an SSO sign-in at the provider, and remove the profile's
/// token from the OS keyring (and the plaintext file).
///
/// A sign-in with SSO is revoked at the identity provider when it offers
/// revocation (RFC 7009), then deleted here. When the provider cannot be
/// reached it is still deleted here, with a warning, and the exit status is 0:
/// this machine no longer holds it, and the provider ends it when it expires.
#[derive(Debug, Args)]
pub struct LogoutArgs {}

pub async fn run(_args: &LogoutArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let name = &settings.profile.name;
    let store = CredentialStore::new(name);
    // Only a stored sign-in is revoked (`ACCTL_TOKEN` is the environment's, not ours to end).
    if let Some(grant) = stored_grant(&store) {
        revoke(&grant, Ending::Deleted, settings, ui).await;
    }
    let (removed, unreached) = store.remove()?;
    if removed.is_empty() {
        // Nothing to undo is not a failure: the state asked for holds.
        ui.info(format!("Not signed in to profile `{name}`: no token is stored for it."));
    }
    if let Some(e) = unreached {
        let cause = std::error::Error::source(&e).map(|c| format!(" ({c})")).unwrap_or_default();
        ui.warn(format!("{e}{cause}: a token kept there for `{name}`, if any, was not removed"));
    }
    for place in &removed {
        match place {
            TokenSource::File(p) => ui.success(format!("Removed the token of profile `{name}` from `{}`", p.display())),
            _ => ui.success(format!("Removed the token of profile `{name}` from the OS keyring")),
        }
    }
    if crate::env::is_set(TOKEN_ENV) {
        ui.warn(format!("`{TOKEN_ENV}` is still set in this environment; unset it to sign out completely"));
    }
    Ok(ExitStatus::Success)
}
