//! A single sign-on grant ([`SsoGrant`]) and the record it is stored as,
//! in a keyring entry or in the token file.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

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
pub(super) struct GrantRecord {
    /// Tells a stored grant from a pasted token in a keyring entry: always 1.
    pub(super) acctl_sso: u32,
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

#[cfg(test)]
mod tests {
    use super::super::keyring::{from_keyring_text, keyring_text};
    use super::super::{CredentialStore, DEFAULT_KEYRING_TIMEOUT, Secret, TokenSource};
    use super::*;

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
}
