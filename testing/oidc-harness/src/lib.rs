//! A real OpenID Connect provider for tests, and the person in front of it.
//!
//! [`Provider::start`] runs `testing/oidc/provider.js` (npm `oidc-provider`
//! 9.13.3, a certified implementation) with Node on an ephemeral loopback
//! port and waits for its ready line; dropping the [`Provider`] kills it.
//! [`Provider::approve`] does what a person does in a browser when a
//! command-line tool shows them a user code: opens the verification page,
//! enters the code, confirms, signs in and consents (or refuses), over plain
//! HTTP with a cookie jar. [`Provider::sign_in`] runs the whole device flow
//! itself, for tests that only need a real access token.
//!
//! Users: any login name signs in and is the subject; `agent`, `sre` and
//! `admin` (and `agent-2`, `admin-x`…) carry that role in the access token's
//! role claim, `viewer…` the unknown role `viewer`, anything else no role
//! ([`users`]). The email is `NAME@corp.test`.
//!
//! Key rotation is in-process: [`Provider::rotate_keys`] rebuilds the
//! provider with new signing keys (grants and refresh tokens survive), the
//! new key first in its JWKS and the old one kept or dropped.
//! [`Provider::mint`] signs any claims with the provider's current key, for
//! tokens that are well signed but wrong in one way (expired, other issuer).
//!
//! Tests that use it need Node and `npm ci --prefix testing/oidc`; they are
//! `#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix
//! testing/oidc); .ci/run runs it"]`, and [`Provider::start`] fails with
//! that hint when either is missing.

mod browser;
mod device;
mod encoding;
mod keys;
mod process;

use std::process::Child;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use browser::Decision;
pub use device::{DeviceAuthorization, Tokens};
pub use encoding::{base64url_decode, base64url_encode, decode_unverified, form};
pub use keys::SigningKey;
pub use process::{provider_dir, unavailable};

/// The `#[ignore]` reason of every test that needs the provider.
pub const IGNORE_REASON: &str =
    "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it";

/// The public client registered at the provider (no secret; device_code and
/// refresh_token grants).
pub const CLIENT_ID: &str = "acctl";

/// The admin API's resource indicator (the `aud` of its access tokens) unless
/// [`ProviderOptions::audience`] says otherwise.
pub const DEFAULT_AUDIENCE: &str = "https://acctl.test/admin-api";

/// A second resource server the provider also issues JWTs for.
pub const OTHER_AUDIENCE: &str = "https://other.test/api";

/// The device grant's `grant_type`.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// Login names (= subjects) with each role.
pub mod users {
    /// Role claim `"agent"` (a string).
    pub const AGENT: &str = "agent";
    /// Role claim `["sre"]`.
    pub const SRE: &str = "sre";
    /// Role claim `["agent", "admin"]`: the highest known role counts.
    pub const ADMIN: &str = "admin";
    /// No role claim at all.
    pub const NO_ROLE: &str = "nobody";
    /// Role claim `["viewer"]`, a role acctl does not know.
    pub const UNKNOWN_ROLE: &str = "viewer";

    /// `NAME@corp.test`, the email the provider gives every user.
    pub fn email(user: &str) -> String {
        format!("{user}@corp.test")
    }
}

/// How to run the provider; `Default` is what most tests want.
#[derive(Debug, Clone)]
pub struct ProviderOptions {
    /// Listen on this port (default: any free one).
    pub port: Option<u16>,
    /// The admin API's resource indicator.
    pub audience: String,
    /// Claim that carries the role (default `roles`).
    pub role_claim: String,
    /// Lifetime of access tokens (default 300 s).
    pub access_token_ttl: Duration,
    /// `RS256` (default), `PS256` or `ES256`.
    pub access_token_alg: String,
    /// Lifetime of a device code (default 600 s).
    pub device_code_ttl: Duration,
    /// Lifetime of refresh tokens (default one day).
    pub refresh_token_ttl: Duration,
    /// The `interval` of the device authorization answer (default 1 s).
    pub interval: Duration,
}

impl Default for ProviderOptions {
    fn default() -> Self {
        ProviderOptions {
            port: None,
            audience: DEFAULT_AUDIENCE.to_owned(),
            role_claim: "roles".to_owned(),
            access_token_ttl: Duration::from_secs(300),
            access_token_alg: "RS256".to_owned(),
            device_code_ttl: Duration::from_secs(600),
            refresh_token_ttl: Duration::from_secs(86_400),
            interval: Duration::from_secs(1),
        }
    }
}

/// What went wrong in the harness (never holds a token).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn error(message: impl Into<String>) -> Error {
    Error(message.into())
}

fn http_error(what: &str, e: reqwest::Error) -> Error {
    // reqwest's message names the URL, never a body.
    error(format!("{what}: {e}"))
}

/// A running `provider.js`; killed when dropped.
pub struct Provider {
    child: Option<Child>,
    issuer: String,
    port: u16,
    options: ProviderOptions,
    stderr: Arc<Mutex<String>>,
    http: reqwest::Client,
}

impl Drop for Provider {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The whole device flow against the real provider, as a person and
    /// as the client would run it.
    #[tokio::test]
    #[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
    async fn a_person_approves_and_denies_device_sign_ins() {
        let provider = Provider::start(ProviderOptions::default()).await.expect("the provider starts");
        assert!(provider.issuer().starts_with("http://127.0.0.1:"), "{}", provider.issuer());

        let tokens = provider.sign_in(users::SRE).await.expect("sign-in");
        let (header, claims) = decode_unverified(&tokens.access_token).expect("a JWT access token");
        assert_eq!(header["typ"], "at+jwt");
        assert_eq!(header["alg"], "RS256");
        assert_eq!(claims["sub"], users::SRE);
        assert_eq!(claims["aud"], DEFAULT_AUDIENCE);
        assert_eq!(claims["iss"], provider.issuer());
        assert_eq!(claims["roles"], json!(["sre"]));
        assert_eq!(claims["email"], "sre@corp.test");
        let (_, id) = decode_unverified(tokens.id_token.as_deref().expect("an id_token")).expect("a JWT id_token");
        assert_eq!((id["email"].as_str(), id["name"].is_string()), (Some("sre@corp.test"), true));
        let refreshed =
            provider.refresh(tokens.refresh_token.as_deref().expect("a refresh token")).await.expect("refresh");
        let refreshed = refreshed.expect("the refresh token works");
        assert_ne!(refreshed.access_token, tokens.access_token, "a new access token on every refresh");

        let device = provider.authorize_device(DEFAULT_AUDIENCE).await.expect("device authorization");
        assert_eq!(device.interval, 1, "the middleware adds the interval");
        let pending = provider.poll(&device.device_code).await.expect("poll").map(|_| ());
        assert_eq!(pending, Err("authorization_pending".to_owned()));
        provider.approve(&device.user_code, users::AGENT, Decision::Deny).await.expect("deny");
        assert_eq!(
            provider.poll(&device.device_code).await.expect("poll").map(|_| ()),
            Err("access_denied".to_owned())
        );
        assert!(provider.approve("BCDF-GHJK", users::AGENT, Decision::Allow).await.is_err(), "an unknown code");

        let before = provider.jwks().await.expect("jwks")["keys"][0]["kid"].clone();
        let kids = provider.rotate_keys(true).await.expect("rotation");
        assert_eq!(kids.len(), 4);
        assert_eq!(kids[2], before, "the old key stays published after the new ones");
        let (header, _) =
            decode_unverified(&provider.sign_in(users::AGENT).await.expect("sign-in").access_token).unwrap();
        assert_eq!(header["kid"], kids[0].as_str(), "the new key signs");

        let mut provider = provider;
        let issuer = provider.issuer().to_owned();
        provider.restart().await.expect("a restart on the same port");
        assert_eq!(provider.issuer(), issuer, "same port, same issuer");
        let (header, _) =
            decode_unverified(&provider.sign_in(users::ADMIN).await.expect("sign-in").access_token).unwrap();
        assert!(!kids.iter().any(|k| header["kid"] == k.as_str()), "a restart brings new keys");
    }
}
