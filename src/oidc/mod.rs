//! Single sign-on with the company's OpenID Connect provider: discovery, the
//! device flow of `auth login` (RFC 8628), renewing access tokens with the
//! refresh token (rotated on every use), and revoking it at `auth logout`
//! (RFC 7009).
//!
//! The provider is met the way the admin API is ([`crate::client::transport`]):
//! TLS always verified (the profile's `ca_bundle` added), plain `http://` only
//! on this machine unless the profile says `insecure_http = true`, no
//! redirects followed (a token request must never be carried to another
//! origin), no proxy to loopback, answers capped. Its error answers
//! (RFC 6749 §5.2) become [`OidcError`]s whose text may be shown: tokens and
//! the device code never appear in them, nor in logs.
//!
//! Layer: beside [`crate::client`] and [`crate::credentials`], whose transport
//! rules and stores it uses, and whose [`crate::client::AccessTokens`] it
//! implements ([`session::Session`]); no clap, no terminal.

pub mod device;
pub mod jwt;
mod lock;
pub mod session;

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::client::transport;
use crate::profile::Profile;

/// The most acctl reads of a provider's answer: discovery documents are a few KB.
const MAX_ANSWER_BYTES: u64 = 1024 * 1024;

/// What went wrong with the identity provider. None of these carries a token.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("cannot reach the identity provider at `{url}`")]
    Unreachable {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("the identity provider did not answer `{url}` in time")]
    Timeout { url: String },
    #[error("the identity provider answered `{url}` with HTTP {status}")]
    Http { url: String, status: u16 },
    #[error("the identity provider's answer to `{url}` is not what acctl expects: {what}")]
    BadAnswer { url: String, what: String },
    /// The discovery document names another issuer than the profile.
    #[error("the provider at `{configured}` says its issuer is `{announced}`")]
    IssuerMismatch { configured: String, announced: String },
    #[error(
        "`{url}` is plain http to a host that is not this machine: sign-in tokens would cross the network unencrypted"
    )]
    PlainHttp { url: String },
    #[error("the identity provider `{issuer}` does not offer the device flow (no `device_authorization_endpoint`)")]
    NoDeviceFlow { issuer: String },
    /// An OAuth error answer (RFC 6749 §5.2) not covered below.
    #[error("the identity provider refused {what}: {}", described(error, description.as_deref()))]
    Refused { what: &'static str, error: String, description: Option<String> },
    /// `access_denied` while polling: the person declined at the consent step.
    #[error("the sign-in was denied at the identity provider; nothing was stored")]
    Denied,
    /// `expired_token` while polling, or the code's lifetime passed here.
    #[error("the sign-in code expired before anyone approved it; nothing was stored")]
    Expired,
    /// A refresh token the provider no longer takes (`invalid_grant`):
    /// expired, revoked, or reused after rotation.
    #[error("the sign-in of profile `{profile}` has expired or was revoked at the identity provider: sign in again")]
    SignInAgain {
        profile: String,
        #[source]
        cause: Option<Box<OidcError>>,
    },
    /// The stored sign-in cannot be renewed for a reason of acctl's own.
    #[error("{why}: sign in again")]
    Stale { profile: String, why: String },
    #[error(transparent)]
    Lock(#[from] lock::LockError),
    #[error(transparent)]
    Client(#[from] crate::client::ApiError),
    #[error(transparent)]
    Store(#[from] crate::credentials::CredentialError),
}

fn described(error: &str, description: Option<&str>) -> String {
    match description {
        Some(d) => format!("`{error}` ({d})"),
        None => format!("`{error}`"),
    }
}

impl OidcError {
    /// Whether waiting and trying again could help (the provider, not the request).
    fn transient(&self) -> bool {
        match self {
            OidcError::Unreachable { .. } | OidcError::Timeout { .. } => true,
            OidcError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }

    /// The profile to sign in again to, when that is the way out.
    pub fn sign_in_again(&self) -> Option<&str> {
        match self {
            OidcError::SignInAgain { profile, .. } | OidcError::Stale { profile, .. } => Some(profile),
            _ => None,
        }
    }

    /// The exit-status class, shared with [`crate::client::TokenError`].
    pub fn failure(&self) -> crate::client::TokenFailure {
        use crate::client::TokenFailure;
        match self {
            OidcError::Unreachable { .. } | OidcError::Timeout { .. } => TokenFailure::Unavailable,
            OidcError::Http { status, .. } if *status >= 500 => TokenFailure::Unavailable,
            OidcError::Denied
            | OidcError::Expired
            | OidcError::SignInAgain { .. }
            | OidcError::Stale { .. }
            | OidcError::NoDeviceFlow { .. }
            | OidcError::Refused { .. } => TokenFailure::SignInAgain,
            OidcError::Store(e) if e.exit_status() == crate::error::ExitStatus::Unavailable => {
                TokenFailure::Unavailable
            }
            OidcError::Lock(lock::LockError::Busy { .. }) => TokenFailure::Unavailable,
            _ => TokenFailure::Other,
        }
    }

    /// What to do next.
    pub fn hint(&self) -> Option<String> {
        match self {
            OidcError::SignInAgain { profile, .. } | OidcError::Stale { profile, .. } => {
                Some(format!("run `acctl auth login -p {profile}`"))
            }
            OidcError::NoDeviceFlow { .. } => Some(
                "sign in with another flow and pass its access token to `acctl auth login --with-token`, or put a broker that offers the device flow (Keycloak) in front; README, \"Sign in with your company's SSO\"".to_owned(),
            ),
            OidcError::IssuerMismatch { announced, .. } => Some(format!(
                "set `oidc_issuer = \"{announced}\"` in the profile if that is the provider you mean (`acctl config path` prints the file)"
            )),
            OidcError::Unreachable { .. } | OidcError::Timeout { .. } => {
                Some("is the profile's `oidc_issuer` right? `acctl config show` prints it".to_owned())
            }
            OidcError::Refused { error, .. } if error == "invalid_client" || error == "unauthorized_client" => Some(
                "check `oidc_client_id`: acctl needs a public client (no secret) allowed to use the device flow and refresh tokens".to_owned(),
            ),
            OidcError::Refused { error, .. } if error == "invalid_scope" || error == "invalid_target" => Some(
                "check `oidc_audience`, `oidc_scopes` and `oidc_audience_param` against what the provider has registered".to_owned(),
            ),
            OidcError::PlainHttp { .. } => {
                Some("use `https://`, or set `insecure_http = true` in the profile if that is really meant".to_owned())
            }
            _ => None,
        }
    }

    /// For a request to the admin API that needed a fresh token.
    pub fn into_token_error(self) -> crate::client::TokenError {
        crate::client::TokenError {
            message: self.to_string(),
            failure: self.failure(),
            hint: self.hint(),
            source: std::error::Error::source(&self).map(|s| s.to_string().into()),
        }
    }
}

/// What the discovery document says (OpenID Connect Discovery 1.0 §3), the
/// parts acctl uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Metadata {
    pub issuer: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub device_authorization_endpoint: Option<String>,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
}

/// Tokens from the token endpoint.
pub struct Tokens {
    pub access_token: SecretString,
    /// Unix seconds.
    pub expires_at: Option<i64>,
    pub refresh_token: Option<SecretString>,
    /// The id_token's claims, for display.
    pub identity: Option<jwt::Claims>,
}

/// The token endpoint's answer (RFC 6749 §5.1). No `Debug`: it holds tokens.
#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    token_type: String,
    #[serde(default, deserialize_with = "seconds")]
    expires_in: Option<u64>,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    id_token: Option<String>,
}

/// `expires_in` as a number, or a string of digits (some providers send one).
fn seconds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        N(f64),
        S(String),
    }
    Ok(match Option::<Raw>::deserialize(d)? {
        Some(Raw::N(n)) if n.is_finite() && n >= 0.0 => Some(n as u64),
        Some(Raw::S(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// An OAuth error answer (RFC 6749 §5.2).
#[derive(Deserialize)]
struct ErrorAnswer {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// A provider's answer to a form post: success, or its OAuth error.
enum Answer {
    Ok(Vec<u8>),
    Error { error: String, description: Option<String> },
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Provider text (an error description) as it may be shown: printable,
/// one line, at most 300 characters.
fn shown(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let clean = clean.trim();
    if clean.chars().count() > 300 {
        format!("{}…", clean.chars().take(300).collect::<String>())
    } else {
        clean.to_owned()
    }
}

/// A provider, discovered: its endpoints and a client to reach them.
#[derive(Clone)]
pub struct Provider {
    http: reqwest::Client,
    pub metadata: Metadata,
    insecure_http: bool,
}

impl Provider {
    /// Reads `ISSUER/.well-known/openid-configuration` and checks that it
    /// names `issuer` and endpoints acctl may send tokens to.
    pub async fn discover(issuer: &str, profile: &Profile) -> Result<Provider, OidcError> {
        check_scheme(issuer, profile.insecure_http)?;
        let http = transport::http_client(issuer, profile.timeout, profile.ca_bundle.as_deref())?;
        let url = format!("{}/.well-known/openid-configuration", issuer.trim_end_matches('/'));
        let response = http.get(&url).header(reqwest::header::ACCEPT, "application/json").send().await;
        let bytes = read(&url, response).await?;
        let metadata: Metadata = serde_json::from_slice(&bytes)
            .map_err(|e| OidcError::BadAnswer { url: url.clone(), what: format!("not a discovery document ({e})") })?;
        if metadata.issuer != issuer {
            return Err(OidcError::IssuerMismatch {
                configured: issuer.to_owned(),
                announced: shown(&metadata.issuer),
            });
        }
        let endpoints = [
            Some(&metadata.token_endpoint),
            metadata.device_authorization_endpoint.as_ref(),
            metadata.revocation_endpoint.as_ref(),
        ];
        for endpoint in endpoints.into_iter().flatten() {
            check_scheme(endpoint, profile.insecure_http).map_err(|e| match e {
                OidcError::PlainHttp { .. } => e,
                _ => OidcError::BadAnswer {
                    url: url.clone(),
                    what: format!("`{}` is not an http(s) URL", shown(endpoint)),
                },
            })?;
        }
        // The endpoints may be on other hosts than the issuer (Entra ID, Google):
        // a client for the token endpoint's host, under the same rules.
        let http = transport::http_client(&metadata.token_endpoint, profile.timeout, profile.ca_bundle.as_deref())?;
        Ok(Provider { http, metadata, insecure_http: profile.insecure_http })
    }

    /// POSTs a form; an OAuth error answer is `Answer::Error`, never an `Err`.
    async fn post(&self, url: &str, form: &[(&str, &str)]) -> Result<Answer, OidcError> {
        check_scheme(url, self.insecure_http)?;
        let encoded = {
            let mut s = form_urlencoded::Serializer::new(String::new());
            for (k, v) in form {
                s.append_pair(k, v);
            }
            s.finish()
        };
        let response = self
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(reqwest::header::ACCEPT, "application/json")
            .body(encoded)
            .send()
            .await;
        let response = match response {
            Ok(r) => r,
            Err(e) if e.is_timeout() => return Err(OidcError::Timeout { url: url.to_owned() }),
            Err(e) => return Err(OidcError::Unreachable { url: url.to_owned(), source: e.without_url() }),
        };
        let status = response.status();
        if status.is_redirection() {
            return Err(OidcError::BadAnswer {
                url: url.to_owned(),
                what: format!(
                    "it redirected (HTTP {status}) to `{}`; acctl follows no redirects",
                    transport::shown_location(&response)
                ),
            });
        }
        let bytes = body(url, response).await?;
        if status.is_success() {
            return Ok(Answer::Ok(bytes));
        }
        match serde_json::from_slice::<ErrorAnswer>(&bytes) {
            Ok(e) if (400..500).contains(&status.as_u16()) => Ok(Answer::Error {
                error: shown(&e.error),
                description: e.error_description.as_deref().map(shown).filter(|d| !d.is_empty()),
            }),
            _ => Err(OidcError::Http { url: url.to_owned(), status: status.as_u16() }),
        }
    }

    /// The token endpoint: tokens, or the OAuth error.
    async fn token_request(
        &self,
        form: &[(&str, &str)],
    ) -> Result<Result<Tokens, (String, Option<String>)>, OidcError> {
        let url = self.metadata.token_endpoint.clone();
        match self.post(&url, form).await? {
            Answer::Error { error, description } => Ok(Err((error, description))),
            Answer::Ok(bytes) => {
                let answer: TokenAnswer = serde_json::from_slice(&bytes).map_err(|e| OidcError::BadAnswer {
                    url: url.clone(),
                    // Only the position: serde_json's message may quote a value, a token perhaps.
                    what: format!("not a token answer (line {}, column {})", e.line(), e.column()),
                })?;
                if !answer.token_type.eq_ignore_ascii_case("bearer") {
                    return Err(OidcError::BadAnswer {
                        url,
                        what: format!("token type `{}`, not `Bearer`", shown(&answer.token_type)),
                    });
                }
                if answer.access_token.is_empty() || !answer.access_token.bytes().all(|b| b.is_ascii_graphic()) {
                    return Err(OidcError::BadAnswer { url, what: "an access token acctl cannot send".to_owned() });
                }
                let access_token = SecretString::from(answer.access_token);
                let expires_at = match answer.expires_in {
                    Some(s) => Some(now().saturating_add(i64::try_from(s).unwrap_or(i64::MAX))),
                    // No `expires_in`: the access token's own `exp`, when it is a JWT.
                    None => jwt::Claims::peek(access_token.expose_secret()).and_then(|c| c.exp),
                };
                Ok(Ok(Tokens {
                    access_token,
                    expires_at,
                    refresh_token: answer.refresh_token.filter(|t| !t.is_empty()).map(SecretString::from),
                    identity: answer.id_token.as_deref().and_then(jwt::Claims::peek),
                }))
            }
        }
    }

    /// Renews with a refresh token (RFC 6749 §6). The provider rotates it:
    /// the answer's `refresh_token`, when there is one, replaces it.
    pub async fn refresh(
        &self,
        oidc_client_id: &str,
        audience: Option<(&str, &str)>,
        refresh_token: &SecretString,
        profile_name: &str,
    ) -> Result<Tokens, OidcError> {
        let mut form = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose_secret()),
            ("client_id", oidc_client_id),
        ];
        // RFC 8707 §2.2: the token endpoint takes the resource again, so the
        // renewed access token is for the admin API and not the userinfo endpoint.
        if let Some(("resource", value)) = audience {
            form.push(("resource", value));
        }
        match self.token_request(&form).await? {
            Ok(tokens) => Ok(tokens),
            Err((error, description)) if error == "invalid_grant" => Err(OidcError::SignInAgain {
                profile: profile_name.to_owned(),
                cause: Some(Box::new(OidcError::Refused { what: "the refresh token", error, description })),
            }),
            Err((error, description)) => Err(OidcError::Refused { what: "the refresh token", error, description }),
        }
    }

    /// Revokes a refresh token (RFC 7009). `Ok(false)`: the provider offers
    /// no revocation endpoint.
    pub async fn revoke(&self, client_id: &str, refresh_token: &SecretString) -> Result<bool, OidcError> {
        let Some(url) = self.metadata.revocation_endpoint.clone() else { return Ok(false) };
        let form =
            [("token", refresh_token.expose_secret()), ("token_type_hint", "refresh_token"), ("client_id", client_id)];
        match self.post(&url, &form).await? {
            Answer::Ok(_) => Ok(true),
            Answer::Error { error, description } => {
                Err(OidcError::Refused { what: "the revocation", error, description })
            }
        }
    }
}

fn check_scheme(url: &str, insecure_http: bool) -> Result<(), OidcError> {
    let parsed =
        reqwest::Url::parse(url).map_err(|_| OidcError::BadAnswer { url: shown(url), what: "not a URL".to_owned() })?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if insecure_http || transport::is_loopback(&parsed) => Ok(()),
        "http" => Err(OidcError::PlainHttp { url: shown(url) }),
        _ => Err(OidcError::BadAnswer { url: shown(url), what: "not an http(s) URL".to_owned() }),
    }
}

/// The body of a successful GET, capped.
async fn read(url: &str, response: Result<reqwest::Response, reqwest::Error>) -> Result<Vec<u8>, OidcError> {
    let response = match response {
        Ok(r) => r,
        Err(e) if e.is_timeout() => return Err(OidcError::Timeout { url: url.to_owned() }),
        Err(e) => return Err(OidcError::Unreachable { url: url.to_owned(), source: e.without_url() }),
    };
    let status = response.status();
    if !status.is_success() {
        return Err(OidcError::Http { url: url.to_owned(), status: status.as_u16() });
    }
    body(url, response).await
}

async fn body(url: &str, response: reqwest::Response) -> Result<Vec<u8>, OidcError> {
    match transport::read_capped(response, MAX_ANSWER_BYTES).await {
        Ok(b) => Ok(b),
        Err(transport::BodyError::TooLarge { .. }) => {
            Err(OidcError::BadAnswer { url: url.to_owned(), what: "the answer is larger than 1 MiB".to_owned() })
        }
        Err(transport::BodyError::Read(e)) if e.is_timeout() => Err(OidcError::Timeout { url: url.to_owned() }),
        Err(transport::BodyError::Read(e)) => {
            Err(OidcError::Unreachable { url: url.to_owned(), source: e.without_url() })
        }
    }
}

/// How long to wait between polls, at least (RFC 8628 §3.2: 5 s when the provider does not say).
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_text_is_one_bounded_line() {
        assert_eq!(shown("bad\r\nthing\u{1b}[31m"), "bad  thing [31m");
        assert_eq!(shown(&"x".repeat(400)).chars().count(), 301);
    }

    #[test]
    fn plain_http_is_only_for_this_machine() {
        assert!(check_scheme("https://idp.example", false).is_ok());
        assert!(check_scheme("http://127.0.0.1:9000/token", false).is_ok());
        assert!(matches!(check_scheme("http://idp.example/token", false), Err(OidcError::PlainHttp { .. })));
        assert!(check_scheme("http://idp.example/token", true).is_ok());
        assert!(check_scheme("javascript:alert(1)", true).is_err());
    }

    #[test]
    fn expires_in_may_be_a_number_or_a_string() {
        let a: TokenAnswer =
            serde_json::from_str(r#"{"access_token":"a","token_type":"Bearer","expires_in":"3599"}"#).unwrap();
        assert_eq!(a.expires_in, Some(3599));
        let a: TokenAnswer =
            serde_json::from_str(r#"{"access_token":"a","token_type":"bearer","expires_in":60}"#).unwrap();
        assert_eq!(a.expires_in, Some(60));
    }
}
