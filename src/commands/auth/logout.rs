//! `acctl auth logout`: forget the profile's stored token or sign-in; a
//! single sign-on's refresh token is revoked at the provider first.

use clap::Args;

use crate::credentials::{Credential, CredentialStore, Secret, SsoGrant, TOKEN_ENV, TokenSource};
use crate::error::{CliError, ExitStatus};
use crate::oidc::Provider;
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
    if let Ok(Credential { secret: Secret::Sso(grant), .. }) = store.resolve_stored() {
        revoke(&grant, settings, ui).await;
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

/// Revokes the grant's refresh token at the provider it came from. Whatever
/// happens, the sign-in is then deleted here: a provider that is down must
/// not keep a person signed in on this machine. So a failure is a warning
/// that says what stays valid and for how long, never an error.
async fn revoke(grant: &SsoGrant, settings: &Settings, ui: &Ui) {
    let Some(refresh_token) = &grant.refresh_token else { return };
    let outcome = async {
        let provider = Provider::discover(&grant.issuer, &settings.profile).await?;
        provider.revoke(&grant.client_id, refresh_token).await
    };
    let outcome = ui.finishing(&format!("Revoking the sign-in at `{}`…", grant.issuer), outcome).await;
    let name = &settings.profile.name;
    match outcome {
        Ok(true) => ui.success(format!("Revoked the sign-in of profile `{name}` at `{}`", grant.issuer)),
        Ok(false) => ui.warn(format!(
            "`{}` offers no token revocation: the refresh token is deleted here, but stays valid there until it expires",
            grant.issuer
        )),
        Err(e) => {
            let err = CliError::from(e);
            ui.warn(format!(
                "cannot revoke the sign-in at `{}` ({}): it is deleted here, but its refresh token stays valid there until it expires",
                grant.issuer,
                err.chain().collect::<Vec<_>>().join(": ")
            ));
        }
    }
}
