//! Access tokens from the company's OpenID Connect provider (issue 12):
//! `serve --oidc-issuer URL --oidc-audience AUD` accepts the provider's JWT
//! access tokens (RFC 9068) next to the service's own opaque tokens.
//!
//! At start-up the provider's discovery document and JWKS are fetched; a
//! provider that cannot be reached then is an error naming the URL. The keys
//! are cached: a token signed with a key the cache lacks makes the service
//! fetch the JWKS again, at most once a minute (a rotation at the provider
//! is picked up; a flood of made-up `kid`s cannot turn the service into a
//! load generator against it), and when the provider is down the cached
//! keys keep serving. Times are read from the service [`Clock`].
//!
//! A token is accepted when its signature verifies (`jws`: RS256, PS256 or
//! ES256 only, `typ` `at+jwt`, or also `JWT` or none with
//! [`OidcConfig::accept_plain_jwt`]), `iss` is the issuer exactly, `aud` names the
//! audience, and `exp`/`nbf` hold within [`OidcConfig::leeway`]. Its role
//! claim must then name a role the service knows, else the caller is
//! refused with 403 `no_role`. Rejections say why in words and never echo
//! the token.

mod jws;

use std::sync::{Arc, RwLock};
use std::time::Duration;

use acctl_api::Role;
use serde_json::{Map, Value};

use crate::clock::Clock;

pub use jws::Alg;

/// Refetches of the JWKS for an unknown key are at least this far apart.
pub const REFETCH_INTERVAL_MS: i64 = 60_000;
/// The most clock skew tolerated on `exp` and `nbf`.
pub const MAX_LEEWAY: Duration = Duration::from_secs(60);
/// A discovery document or JWKS larger than this is refused.
const MAX_DOCUMENT: usize = 1 << 20;

/// Which provider to trust, and for what.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The provider's issuer identifier, exactly as its tokens' `iss`.
    pub issuer: String,
    /// This service's resource indicator: tokens must name it in `aud`.
    pub audience: String,
    /// The claim holding the role (a string or an array of strings). A
    /// dotted name (`realm_access.roles`, Keycloak's) is looked up as a path
    /// when no top-level claim has that name.
    pub role_claim: String,
    /// Clock skew allowed on `exp` and `nbf` (at most [`MAX_LEEWAY`]).
    pub leeway: Duration,
    /// Time allowed for each request to the provider.
    pub timeout: Duration,
    /// Also take tokens whose header `typ` is `JWT` or absent, as Okta,
    /// Entra ID, Keycloak and Auth0's default profile label their access
    /// tokens (RFC 9068 asks for `at+jwt`, which is all that is taken
    /// without this). Such a token is then told from an ID token by its
    /// claims: `aud` must name this service (an ID token names the client),
    /// and one carrying `nonce`, `at_hash`, `c_hash` or a `typ` claim of `ID`
    /// (Keycloak's) is refused.
    pub accept_plain_jwt: bool,
}

impl OidcConfig {
    pub fn new(issuer: impl Into<String>, audience: impl Into<String>) -> Self {
        OidcConfig {
            issuer: issuer.into(),
            audience: audience.into(),
            role_claim: "roles".to_owned(),
            leeway: Duration::from_secs(30),
            timeout: Duration::from_secs(10),
            accept_plain_jwt: false,
        }
    }
}

/// Who a valid access token says the caller is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
    pub role: Role,
    /// The token's `exp`, in milliseconds since the epoch.
    pub expires_at_ms: i64,
}

impl Identity {
    /// The actor name audit events and challenges record: `oidc:SUBJECT`.
    /// The prefix keeps provider subjects apart from the names of the
    /// service's own tokens (`token create` refuses names that start with it).
    pub fn actor_name(&self) -> String {
        format!("{ACTOR_PREFIX}{}", self.subject)
    }

    /// What idempotency keys, their cap and the rate limit are scoped by:
    /// the (issuer, subject) pair, not the token, which changes on every
    /// refresh. Prefixed so it can never equal an opaque token's hash.
    pub fn principal_id(&self) -> String {
        format!("oidc:{}", crate::secrets::sha256_hex(&format!("{}\n{}", self.issuer, self.subject)))
    }
}

/// The prefix of the actor names of provider callers.
pub const ACTOR_PREFIX: &str = "oidc:";

/// Why an access token was not accepted. The texts go to the caller; none
/// holds the token or any part of its signature.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the bearer token is not an access token this service can read: {0}")]
    Malformed(&'static str),
    #[error("{}", algorithm_refusal(.0))]
    AlgorithmNotAllowed(String),
    #[error("{}", typ_refusal(.0))]
    NotAnAccessToken(Option<String>),
    #[error("the token carries {0}, as ID tokens do: send an access token, not an ID token")]
    IdToken(&'static str),
    #[error("the token is signed with a key the provider does not publish{}", kid_words(.0))]
    UnknownKey(Option<String>),
    #[error("the key{} cannot verify `{alg}` signatures (its type or its `alg` is another)", kid_words(.kid))]
    KeyMismatch { kid: Option<String>, alg: &'static str },
    #[error("the token's signature does not verify (was it changed?)")]
    BadSignature,
    #[error("the token was issued by `{0}`, not by the provider this service trusts")]
    WrongIssuer(String),
    #[error("the token is for {0}, not for this service")]
    WrongAudience(String),
    #[error("the token expired {0} s ago; get a new one (acctl refreshes it by itself)")]
    Expired(i64),
    #[error("the token is not valid for another {0} s (`nbf`)")]
    NotYetValid(i64),
    #[error("the token has no usable `{0}` claim")]
    MissingClaim(&'static str),
    /// A valid token whose role claim names no role the service knows: 403.
    #[error(
        "the identity provider gives `{subject}` no acctl role (agent, sre or admin) in the `{claim}` claim; ask its administrator to assign one"
    )]
    NoRole { subject: String, claim: String },
}

fn algorithm_refusal(alg: &str) -> String {
    match alg {
        "none" => "unsigned tokens (`alg: none`) are not accepted".to_owned(),
        a if a.starts_with("HS") => format!(
            "`{a}` (a shared-secret MAC) is not accepted: tokens must be signed with the provider's key ({})",
            Alg::ALLOWED
        ),
        a => format!("the signature algorithm `{}` is not accepted ({})", a.escape_debug(), Alg::ALLOWED),
    }
}

fn typ_refusal(typ: &Option<String>) -> String {
    let words = typ.as_deref().map_or_else(|| "missing".to_owned(), |t| format!("`{}`", t.escape_debug()));
    let what = if jws::plain_label(typ.as_deref()) {
        "an ID token, or the access token of a provider that labels them so (Okta, Entra ID, Keycloak), which this \
         service takes only when started with --oidc-accept-plain-jwt"
    } else {
        "send an access token, not an ID token"
    };
    format!("the token's type (`typ`) is {words}, not `at+jwt`: {what}")
}

fn kid_words(kid: &Option<String>) -> String {
    kid.as_deref().map(|k| format!(" (kid `{}`)", k.escape_debug())).unwrap_or_default()
}

/// Why the service could not use the provider at start-up.
#[derive(Debug, thiserror::Error)]
pub enum OidcStartError {
    #[error("`{0}` is not a usable issuer URL: it must be https (or http on a loopback address, for tests)")]
    Issuer(String),
    #[error("the audience must not be empty")]
    Audience,
    #[error("the role claim must not be empty")]
    RoleClaim,
    #[error("cannot reach the OpenID Connect provider at `{url}`: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("the OpenID Connect provider's document at `{url}` is not usable: {reason}")]
    Invalid { url: String, reason: String },
    #[error("cannot build an HTTP client: {0}")]
    Client(String),
}

/// The provider's keys and the rules tokens must meet.
pub struct Verifier {
    config: OidcConfig,
    jwks_uri: String,
    http: reqwest::Client,
    clock: Clock,
    keys: RwLock<Arc<Vec<jws::Jwk>>>,
    /// When the JWKS was last refetched (service clock, ms); held while a
    /// refetch runs, so concurrent requests wait for one fetch.
    last_fetch: tokio::sync::Mutex<i64>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier").field("config", &self.config).field("jwks_uri", &self.jwks_uri).finish()
    }
}

impl Verifier {
    /// Fetches the provider's discovery document and JWKS. Fails, naming
    /// the URL, when the provider cannot be reached or answers nonsense.
    pub async fn discover(mut config: OidcConfig, clock: Clock) -> Result<Verifier, OidcStartError> {
        if !usable_issuer(&config.issuer) {
            return Err(OidcStartError::Issuer(config.issuer));
        }
        if config.audience.trim().is_empty() {
            return Err(OidcStartError::Audience);
        }
        if config.role_claim.trim().is_empty() {
            return Err(OidcStartError::RoleClaim);
        }
        config.leeway = config.leeway.min(MAX_LEEWAY);
        crate::install_crypto_provider();
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(config.timeout)
            .build()
            .map_err(|e| OidcStartError::Client(e.to_string()))?;
        let url = format!("{}/.well-known/openid-configuration", config.issuer.trim_end_matches('/'));
        let discovery = fetch_json(&http, &url).await?;
        let invalid = |reason: &str| OidcStartError::Invalid { url: url.clone(), reason: reason.to_owned() };
        // OpenID Connect Discovery §4.3: the document's issuer is the one asked for, exactly.
        if discovery.get("issuer").and_then(Value::as_str) != Some(config.issuer.as_str()) {
            return Err(invalid("its `issuer` is not the issuer given (they must be identical)"));
        }
        let jwks_uri = discovery
            .get("jwks_uri")
            .and_then(Value::as_str)
            .filter(|u| u.starts_with("https://") || usable_issuer(u))
            .ok_or_else(|| invalid("it has no https `jwks_uri`"))?
            .to_owned();
        let keys = jws::parse_jwks(&fetch_json(&http, &jwks_uri).await?);
        if keys.is_empty() {
            return Err(OidcStartError::Invalid {
                url: jwks_uri,
                reason: format!("it has no signing key this service can use ({})", Alg::ALLOWED),
            });
        }
        tracing::info!(issuer = %config.issuer, audience = %config.audience, keys = keys.len(), "trusting the OpenID Connect provider's access tokens");
        Ok(Verifier {
            config,
            jwks_uri,
            http,
            clock,
            keys: RwLock::new(Arc::new(keys)),
            // The start-up fetch does not count: a rotation right after
            // start is picked up by the first token that needs it.
            last_fetch: tokio::sync::Mutex::new(i64::MIN / 2),
        })
    }

    pub fn config(&self) -> &OidcConfig {
        &self.config
    }

    fn keys(&self) -> Arc<Vec<jws::Jwk>> {
        Arc::clone(&self.keys.read().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Checks `token` and says who it names; [`TokenError::NoRole`] for a
    /// valid token without a known role.
    pub async fn verify(&self, token: &str) -> Result<Identity, TokenError> {
        let unverified = jws::parse(token, self.config.accept_plain_jwt)?;
        let mut keys = self.keys();
        if jws::candidates(&unverified, &keys).is_none() {
            keys = self.refetch(&keys).await;
        }
        let candidates =
            jws::candidates(&unverified, &keys).ok_or_else(|| TokenError::UnknownKey(unverified.kid.clone()))?;
        jws::verify_signature(&unverified, &candidates)?;
        if !unverified.labelled_access_token {
            id_token_marks(&unverified.claims)?;
        }
        self.check_claims(&unverified.claims)
    }

    /// Fetches the JWKS again unless another request just did, or the last
    /// fetch was under a minute ago; a failure keeps the cached keys.
    async fn refetch(&self, seen: &Arc<Vec<jws::Jwk>>) -> Arc<Vec<jws::Jwk>> {
        let mut last = self.last_fetch.lock().await;
        let current = self.keys();
        if !Arc::ptr_eq(&current, seen) {
            return current;
        }
        let now = self.clock.now_ms();
        if now - *last < REFETCH_INTERVAL_MS {
            return current;
        }
        *last = now;
        match fetch_json(&self.http, &self.jwks_uri).await.map(|doc| jws::parse_jwks(&doc)) {
            Ok(keys) if !keys.is_empty() => {
                tracing::info!(
                    keys = keys.len(),
                    "fetched the provider's signing keys again (a token named an unknown key)"
                );
                let keys = Arc::new(keys);
                *self.keys.write().unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::clone(&keys);
                keys
            }
            Ok(_) => {
                tracing::warn!(url = %self.jwks_uri, "the provider's JWKS has no usable key now; keeping the cached keys");
                current
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot refetch the provider's keys; keeping the cached keys");
                current
            }
        }
    }

    fn check_claims(&self, claims: &Map<String, Value>) -> Result<Identity, TokenError> {
        let iss = claims.get("iss").and_then(Value::as_str).ok_or(TokenError::MissingClaim("iss"))?;
        if iss != self.config.issuer {
            return Err(TokenError::WrongIssuer(iss.escape_debug().to_string()));
        }
        let audience_ok = match claims.get("aud") {
            Some(Value::String(aud)) => *aud == self.config.audience,
            Some(Value::Array(auds)) => auds.iter().any(|a| a.as_str() == Some(self.config.audience.as_str())),
            _ => return Err(TokenError::MissingClaim("aud")),
        };
        if !audience_ok {
            let named = match &claims["aud"] {
                Value::String(a) => format!("`{}`", a.escape_debug()),
                other => other.to_string().escape_debug().to_string(),
            };
            return Err(TokenError::WrongAudience(named));
        }
        let now_s = self.clock.now_ms().div_euclid(1000);
        let leeway = i64::try_from(self.config.leeway.as_secs()).unwrap_or(0);
        let exp = numeric_date(claims, "exp")?.ok_or(TokenError::MissingClaim("exp"))?;
        if now_s >= exp.saturating_add(leeway) {
            return Err(TokenError::Expired(now_s - exp));
        }
        if let Some(nbf) = numeric_date(claims, "nbf")?
            && nbf > now_s.saturating_add(leeway)
        {
            return Err(TokenError::NotYetValid(nbf - now_s));
        }
        let subject = claims
            .get("sub")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty() && s.len() <= 255 && !s.chars().any(char::is_control))
            .ok_or(TokenError::MissingClaim("sub"))?
            .to_owned();
        let text = |name: &str| {
            claims
                .get(name)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty() && s.len() <= 320 && !s.chars().any(char::is_control))
                .map(str::to_owned)
        };
        let role = role(claims, &self.config.role_claim)
            .ok_or_else(|| TokenError::NoRole { subject: subject.clone(), claim: self.config.role_claim.clone() })?;
        Ok(Identity {
            issuer: iss.to_owned(),
            subject,
            email: text("email"),
            name: text("name"),
            role,
            expires_at_ms: exp.saturating_mul(1000),
        })
    }
}

/// Refuses claims only ID tokens carry (OpenID Connect Core §2 and §3.3.2.11;
/// Keycloak marks its own with `"typ": "ID"`), for tokens whose header does
/// not say they are access tokens.
fn id_token_marks(claims: &Map<String, Value>) -> Result<(), TokenError> {
    for (claim, words) in [("nonce", "a `nonce`"), ("at_hash", "an `at_hash`"), ("c_hash", "a `c_hash`")] {
        if claims.contains_key(claim) {
            return Err(TokenError::IdToken(words));
        }
    }
    if claims.get("typ").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("ID")) {
        return Err(TokenError::IdToken("`\"typ\": \"ID\"`"));
    }
    Ok(())
}

/// A NumericDate claim (seconds; fractions are cut off), if present.
fn numeric_date(claims: &Map<String, Value>, name: &'static str) -> Result<Option<i64>, TokenError> {
    match claims.get(name) {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
            .map(Some)
            .ok_or(TokenError::MissingClaim(name)),
        Some(_) => Err(TokenError::MissingClaim(name)),
    }
}

/// The most privileged known role in the role claim (a string or an array
/// of strings); unknown values are ignored.
fn role(claims: &Map<String, Value>, claim: &str) -> Option<Role> {
    let value = claims.get(claim).or_else(|| {
        let mut parts = claim.split('.');
        let first = claims.get(parts.next()?)?;
        parts.try_fold(first, |v, part| v.get(part))
    })?;
    let names: Vec<&str> = match value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    [Role::Admin, Role::Sre, Role::Agent].into_iter().find(|r| names.contains(&r.as_str()))
}

/// https, or http on a loopback host (tests, a provider on the same machine).
fn usable_issuer(url: &str) -> bool {
    if url.starts_with("https://") && url.len() > "https://".len() {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else { return false };
    let host = rest.split('/').next().unwrap_or_default();
    let host =
        host.rsplit_once(':').map_or(host, |(h, port)| if port.bytes().all(|b| b.is_ascii_digit()) { h } else { host });
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// GETs `url` and parses it as a JSON object of at most 1 MiB.
async fn fetch_json(http: &reqwest::Client, url: &str) -> Result<Value, OidcStartError> {
    let unreachable = |e: reqwest::Error| OidcStartError::Unreachable { url: url.to_owned(), reason: innermost(&e) };
    let invalid = |reason: String| OidcStartError::Invalid { url: url.to_owned(), reason };
    let mut response = http.get(url).header("Accept", "application/json").send().await.map_err(unreachable)?;
    if !response.status().is_success() {
        return Err(invalid(format!("it answered HTTP {}", response.status())));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_DOCUMENT {
            return Err(invalid("it is larger than 1 MiB".to_owned()));
        }
    }
    let value: Value = serde_json::from_slice(&body).map_err(|_| invalid("it is not JSON".to_owned()))?;
    if value.is_object() { Ok(value) } else { Err(invalid("it is not a JSON object".to_owned())) }
}

/// The most specific cause of a request failure ("Connection refused (os
/// error 111)", "operation timed out"), not reqwest's generic top line.
fn innermost(e: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if e.is_timeout() { format!("no answer in time ({cause})") } else { cause.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("an object")
    }

    #[test]
    fn the_highest_known_role_counts_and_unknown_ones_are_ignored() {
        assert_eq!(role(&claims(json!({"roles": "agent"})), "roles"), Some(Role::Agent));
        assert_eq!(role(&claims(json!({"roles": ["agent", "admin"]})), "roles"), Some(Role::Admin));
        assert_eq!(role(&claims(json!({"roles": ["viewer", "sre"]})), "roles"), Some(Role::Sre));
        assert_eq!(role(&claims(json!({"roles": ["viewer"]})), "roles"), None);
        assert_eq!(role(&claims(json!({"roles": "Admin"})), "roles"), None, "names are exact");
        assert_eq!(role(&claims(json!({"roles": 3})), "roles"), None);
        assert_eq!(role(&claims(json!({})), "roles"), None);
        let keycloak = claims(json!({"realm_access": {"roles": ["offline_access", "sre"]}}));
        assert_eq!(role(&keycloak, "realm_access.roles"), Some(Role::Sre));
        let auth0 = claims(json!({"https://acctl.example/roles": ["admin"]}));
        assert_eq!(role(&auth0, "https://acctl.example/roles"), Some(Role::Admin), "a dotted claim name, literally");
    }

    #[test]
    fn issuers_are_https_or_loopback_http() {
        for ok in
            ["https://login.example.com", "http://127.0.0.1:8080", "http://localhost:1/realms/x", "http://[::1]:9"]
        {
            assert!(usable_issuer(ok), "{ok}");
        }
        for bad in ["http://login.example.com", "http://127.0.0.1.evil.test", "ftp://x", "https://", "127.0.0.1"] {
            assert!(!usable_issuer(bad), "{bad}");
        }
    }

    #[test]
    fn refusals_name_the_reason_in_words() {
        assert_eq!(
            TokenError::AlgorithmNotAllowed("none".into()).to_string(),
            "unsigned tokens (`alg: none`) are not accepted"
        );
        assert!(TokenError::AlgorithmNotAllowed("HS256".into()).to_string().contains("shared-secret"));
        assert!(TokenError::Expired(5).to_string().contains("expired 5 s ago"));
        assert!(TokenError::UnknownKey(Some("k1".into())).to_string().contains("kid `k1`"));
        assert_eq!(
            TokenError::NotAnAccessToken(None).to_string(),
            "the token's type (`typ`) is missing, not `at+jwt`: an ID token, or the access token of a provider that \
             labels them so (Okta, Entra ID, Keycloak), which this service takes only when started with \
             --oidc-accept-plain-jwt"
        );
        assert_eq!(
            TokenError::NotAnAccessToken(Some("JOSE\n".into())).to_string(),
            "the token's type (`typ`) is `JOSE\\n`, not `at+jwt`: send an access token, not an ID token"
        );
        assert_eq!(
            TokenError::IdToken("an `at_hash`").to_string(),
            "the token carries an `at_hash`, as ID tokens do: send an access token, not an ID token"
        );
    }
}
