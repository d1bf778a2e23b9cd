//! Ending a single sign-on at the identity provider (RFC 7009): when
//! `auth logout` deletes it, and when a new `auth login` replaces it, so that
//! no refresh token this machine no longer holds stays alive there.

use secrecy::ExposeSecret;

use crate::credentials::{Credential, CredentialStore, Secret, SsoGrant};
use crate::error::CliError;
use crate::oidc::Provider;
use crate::settings::Settings;
use crate::ui::Ui;

/// What becomes of the sign-in here, for the messages.
#[derive(Clone, Copy)]
pub(super) enum Ending {
    /// `auth logout`.
    Deleted,
    /// A new `auth login` stored another sign-in or token in its place.
    Replaced,
}

/// The profile's stored single sign-on, read before a login overwrites it.
pub(super) fn stored_grant(store: &CredentialStore) -> Option<SsoGrant> {
    match store.resolve_stored() {
        Ok(Credential { secret: Secret::Sso(grant), .. }) => Some(grant),
        _ => None,
    }
}

/// After a login stored `new_refresh` (`None`: a token, or a sign-in without
/// a refresh token): revokes the sign-in it replaced, unless that is the same.
pub(super) async fn replaced(old: Option<SsoGrant>, new_refresh: Option<&str>, settings: &Settings, ui: &Ui) {
    let Some(old) = old else { return };
    let Some(old_refresh) = old.refresh_token.as_ref() else { return };
    if new_refresh.is_some_and(|new| old_refresh.expose_secret() == new) {
        return;
    }
    revoke(&old, Ending::Replaced, settings, ui).await;
}

/// Revokes the grant's refresh token at the provider it came from. Whatever
/// happens, the sign-in is gone from this machine: a provider that is down
/// must not keep a person signed in here. So a failure is a warning that
/// says what stays valid and for how long, never an error.
pub(super) async fn revoke(grant: &SsoGrant, ending: Ending, settings: &Settings, ui: &Ui) {
    let Some(refresh_token) = &grant.refresh_token else { return };
    let (the, the_refresh_token, here) = match ending {
        Ending::Deleted => ("the sign-in", "the refresh token", "deleted here"),
        Ending::Replaced => ("the previous sign-in", "the previous refresh token", "replaced here"),
    };
    let outcome = async {
        let provider = Provider::discover(&grant.issuer, &settings.profile).await?;
        provider.revoke(&grant.client_id, refresh_token).await
    };
    let outcome = ui.finishing(&format!("Revoking {the} at `{}`…", grant.issuer), outcome).await;
    let name = &settings.profile.name;
    match outcome {
        Ok(true) => ui.success(format!("Revoked {the} of profile `{name}` at `{}`", grant.issuer)),
        Ok(false) => ui.warn(format!(
            "`{}` offers no token revocation: {the_refresh_token} is {here}, but stays valid there until it expires",
            grant.issuer
        )),
        Err(e) => {
            let err = CliError::from(e);
            ui.warn(format!(
                "cannot revoke {the} at `{}` ({}): it is {here}, but its refresh token stays valid there until it expires",
                grant.issuer,
                err.chain().collect::<Vec<_>>().join(": ")
            ));
        }
    }
}
