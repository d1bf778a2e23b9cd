//! A signed-in session: the access token every request of one acctl run
//! sends, renewed before it expires and when the service refuses it, once
//! for all the requests waiting (a bulk job has several in flight), and
//! stored back with the rotated refresh token every time.

use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};
use tokio::sync::{Mutex, OnceCell};

use super::{OidcError, Provider, Tokens, lock, now};
use crate::client::{AccessTokens, TokenFuture};
use crate::credentials::{Credential, CredentialError, CredentialStore, Secret, SsoGrant, TokenSource};
use crate::profile::Profile;

/// Where a warning goes that must reach the person but cannot fail the
/// command (the renewed sign-in could not be stored): the terminal's
/// `warning:` line, from the commands layer.
pub type Warn = Arc<dyn Fn(&str) + Send + Sync>;

pub struct Session {
    profile: Profile,
    store: CredentialStore,
    /// Held across a renewal: the single flight.
    state: Mutex<State>,
    provider: OnceCell<Provider>,
    warn: Warn,
}

struct State {
    grant: SsoGrant,
    source: TokenSource,
}

impl Session {
    pub fn new(profile: &Profile, grant: SsoGrant, source: TokenSource, store: CredentialStore, warn: Warn) -> Session {
        Session {
            profile: profile.clone(),
            store,
            state: Mutex::new(State { grant, source }),
            provider: OnceCell::new(),
            warn,
        }
    }

    /// The grant as it is now (for `auth status`: who, and when the access token expires).
    pub async fn grant(&self) -> SsoGrant {
        self.state.lock().await.grant.clone()
    }

    /// An access token that is not about to expire.
    pub async fn access_token(&self) -> Result<SecretString, OidcError> {
        let mut state = self.state.lock().await;
        if state.grant.usable_at(now()) {
            return Ok(state.grant.access_token.clone());
        }
        self.renew_locked(&mut state, None).await
    }

    /// The service refused `rejected`: a new token, unless another request
    /// already renewed it.
    pub async fn after_rejection(&self, rejected: SecretString) -> Result<SecretString, OidcError> {
        let mut state = self.state.lock().await;
        if state.grant.access_token.expose_secret() != rejected.expose_secret() {
            return Ok(state.grant.access_token.clone());
        }
        self.renew_locked(&mut state, Some(&rejected)).await
    }

    async fn provider(&self, issuer: &str) -> Result<&Provider, OidcError> {
        self.provider.get_or_try_init(|| Provider::discover(issuer, &self.profile)).await
    }

    async fn renew_locked(
        &self,
        state: &mut State,
        rejected: Option<&SecretString>,
    ) -> Result<SecretString, OidcError> {
        let name = self.profile.name.clone();
        let Some(oidc) = self.profile.oidc.clone() else {
            return Err(OidcError::Stale {
                profile: name.clone(),
                why: format!("profile `{name}` no longer sets `oidc_issuer`, so its sign-in cannot be renewed"),
            });
        };
        if oidc.issuer != state.grant.issuer || oidc.client_id != state.grant.client_id {
            return Err(OidcError::Stale {
                profile: name.clone(),
                why: format!(
                    "profile `{name}` was signed in with `{}` (client `{}`), not the `oidc_issuer` and `oidc_client_id` it sets now",
                    state.grant.issuer, state.grant.client_id
                ),
            });
        }
        let _lock = lock::take(&name).await?;
        // Another acctl may have renewed while this one waited for the lock,
        // rotating the refresh token this one holds: use what it stored.
        if let Some(theirs) = self.stored_now(state).await? {
            let same_refresh = match (&theirs.refresh_token, &state.grant.refresh_token) {
                (Some(a), Some(b)) => a.expose_secret() == b.expose_secret(),
                (None, None) => true,
                _ => false,
            };
            let same_access = theirs.access_token.expose_secret() == state.grant.access_token.expose_secret();
            if !(same_refresh && same_access) {
                tracing::debug!(profile = %name, "the stored sign-in was renewed by another acctl; using it");
                state.grant = theirs;
                let refused = rejected.is_some_and(|r| r.expose_secret() == state.grant.access_token.expose_secret());
                if state.grant.usable_at(now()) && !refused {
                    return Ok(state.grant.access_token.clone());
                }
            }
        }
        let Some(refresh_token) = state.grant.refresh_token.clone() else {
            return Err(OidcError::SignInAgain { profile: name, cause: None });
        };
        let issuer = state.grant.issuer.clone();
        let provider = self.provider(&issuer).await?;
        tracing::debug!(profile = %name, "renewing the access token");
        let tokens = provider.refresh(&oidc.client_id, oidc.audience_field(), &refresh_token, &name).await?;
        apply(&mut state.grant, tokens);
        let secret = Secret::Sso(state.grant.clone());
        let (store, source) = (self.store.clone(), state.source.clone());
        let stored = tokio::task::spawn_blocking(move || store.store_back(&secret, &source)).await;
        let failed = match stored {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(error_text(&e)),
            Err(e) => Some(e.to_string()),
        };
        if let Some(why) = failed {
            // The tokens in hand work for this run; the provider has already
            // retired the refresh token that is still stored.
            (self.warn)(&format!(
                "the renewed sign-in of profile `{name}` could not be stored ({why}); the next acctl command will ask you to sign in again (`acctl auth login -p {name}`)"
            ));
        }
        Ok(state.grant.access_token.clone())
    }

    /// The grant in the store now, if it is still this profile's grant from
    /// the same issuer. A profile signed out (or signed in with a pasted
    /// token) meanwhile is the end of this session's sign-in too.
    async fn stored_now(&self, state: &State) -> Result<Option<SsoGrant>, OidcError> {
        if state.source == TokenSource::Env {
            return Ok(None);
        }
        let store = self.store.clone();
        let read = tokio::task::spawn_blocking(move || store.resolve_stored()).await;
        let name = self.profile.name.clone();
        match read {
            Ok(Ok(Credential { secret: Secret::Sso(g), .. })) if g.issuer == state.grant.issuer => Ok(Some(g)),
            Ok(Ok(_)) | Ok(Err(CredentialError::NotSignedIn { .. })) => Err(OidcError::Stale {
                profile: name.clone(),
                why: format!("profile `{name}` was signed out or signed in again elsewhere"),
            }),
            // The store did not answer: renew with what this run holds (storing it back will say if it fails).
            Ok(Err(e)) => {
                tracing::debug!(error = %error_text(&e), "cannot re-read the stored sign-in");
                Ok(None)
            }
            Err(e) => {
                tracing::debug!(error = %e, "cannot re-read the stored sign-in");
                Ok(None)
            }
        }
    }
}

/// A renewal's tokens into the grant: the rotated refresh token replaces the
/// old one (a provider that does not rotate sends none, and the old one stays).
pub fn apply(grant: &mut SsoGrant, tokens: Tokens) {
    grant.access_token = tokens.access_token;
    grant.expires_at = tokens.expires_at;
    grant.issued_at = Some(now());
    if let Some(rt) = tokens.refresh_token {
        grant.refresh_token = Some(rt);
    }
    if let Some(id) = tokens.identity {
        grant.subject = id.sub.or(grant.subject.take());
        grant.name = id.name.or(grant.name.take());
        grant.email = id.email.or(grant.email.take());
    }
}

/// A store error and its causes on one line.
fn error_text(e: &CredentialError) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text.push_str(&format!(": {c}"));
        cause = c.source();
    }
    text
}

impl AccessTokens for Session {
    fn current(&self) -> TokenFuture<'_> {
        Box::pin(async move { self.access_token().await.map_err(OidcError::into_token_error) })
    }

    fn renew(&self, rejected: SecretString) -> TokenFuture<'_> {
        Box::pin(async move { self.after_rejection(rejected).await.map_err(OidcError::into_token_error) })
    }
}
