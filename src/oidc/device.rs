//! The OAuth 2.0 Device Authorization Grant (RFC 8628): ask for a code, let
//! the person approve it in a browser, poll for the tokens.

use std::time::{Duration, Instant};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::{Answer, OidcError, Provider, Tokens, shown};
use crate::profile::OidcProfile;

/// The device authorization answer (RFC 8628 §3.2). The device code is a
/// secret (with it, anyone could collect the tokens once approved); the user
/// code is meant to be shown.
pub struct DeviceAuthorization {
    device_code: SecretString,
    pub user_code: String,
    pub verification_uri: String,
    /// The page with the code filled in, when the provider offers one.
    pub verification_uri_complete: Option<String>,
    pub expires_in: Duration,
    pub interval: Duration,
}

#[derive(Deserialize)]
struct AuthorizationAnswer {
    device_code: String,
    user_code: String,
    #[serde(alias = "verification_url")]
    verification_uri: String,
    #[serde(default)]
    verification_uri_complete: Option<String>,
    expires_in: f64,
    #[serde(default)]
    interval: Option<f64>,
}

/// Provider text that goes on the screen and, for a URL, to a browser:
/// printable ASCII, bounded.
fn displayable(text: &str, max: usize) -> bool {
    !text.is_empty() && text.len() <= max && text.bytes().all(|b| b.is_ascii_graphic())
}

/// What one poll of the token endpoint means for the next.
#[derive(Debug, PartialEq, Eq)]
pub enum Poll {
    /// Not approved yet: poll again after `interval`.
    Wait {
        interval: Duration,
    },
    Denied,
    Expired,
    /// Another OAuth error: stop, saying it.
    Stop {
        error: String,
        description: Option<String>,
    },
}

/// RFC 8628 §3.5: `authorization_pending` waits, `slow_down` waits 5 s more
/// from now on, `access_denied` and `expired_token` end the flow.
pub fn next_poll(error: &str, description: Option<String>, interval: Duration) -> Poll {
    match error {
        "authorization_pending" => Poll::Wait { interval },
        "slow_down" => Poll::Wait { interval: interval + Duration::from_secs(5) },
        "access_denied" => Poll::Denied,
        "expired_token" => Poll::Expired,
        _ => Poll::Stop { error: error.to_owned(), description },
    }
}

/// Connection failures in a row that end the polling (each waits the interval, doubled each time).
const MAX_TRANSIENT_FAILURES: u32 = 4;

impl Provider {
    /// Asks for a device code and a user code (RFC 8628 §3.1).
    pub async fn start_device_flow(&self, oidc: &OidcProfile) -> Result<DeviceAuthorization, OidcError> {
        let Some(url) = self.metadata.device_authorization_endpoint.clone() else {
            return Err(OidcError::NoDeviceFlow { issuer: oidc.issuer.clone() });
        };
        let scope = oidc.scope();
        let mut form = vec![("client_id", oidc.client_id.as_str()), ("scope", scope.as_str())];
        if let Some(field) = oidc.audience_field() {
            form.push(field);
        }
        let bytes = match self.post(&url, &form).await? {
            Answer::Ok(bytes) => bytes,
            Answer::Error { error, description } => {
                return Err(OidcError::Refused { what: "the device sign-in", error, description });
            }
        };
        let bad = |what: &str| OidcError::BadAnswer { url: url.clone(), what: what.to_owned() };
        let answer: AuthorizationAnswer = serde_json::from_slice(&bytes).map_err(|e| OidcError::BadAnswer {
            url: url.clone(),
            what: format!("not a device authorization answer (line {}, column {})", e.line(), e.column()),
        })?;
        if !displayable(&answer.user_code, 64) {
            return Err(bad("a user code acctl cannot show"));
        }
        if answer.device_code.is_empty() || !answer.device_code.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(bad("a device code acctl cannot send"));
        }
        // Shown to the person and perhaps opened in a browser: an http(s) URL only.
        let page = |uri: &str| {
            displayable(uri, 2048) && reqwest::Url::parse(uri).is_ok_and(|u| matches!(u.scheme(), "https" | "http"))
        };
        if !page(&answer.verification_uri) {
            return Err(bad(&format!(
                "a verification page that is not an http(s) URL: `{}`",
                shown(&answer.verification_uri)
            )));
        }
        let complete = answer.verification_uri_complete.filter(|u| page(u));
        if !(answer.expires_in.is_finite() && answer.expires_in > 0.0) {
            return Err(bad("no lifetime for the code (`expires_in`)"));
        }
        let interval = match answer.interval {
            Some(i) if i.is_finite() && i >= 1.0 => Duration::from_secs_f64(i.min(60.0)),
            _ => super::DEFAULT_INTERVAL,
        };
        Ok(DeviceAuthorization {
            device_code: SecretString::from(answer.device_code),
            user_code: answer.user_code,
            verification_uri: answer.verification_uri,
            verification_uri_complete: complete,
            expires_in: Duration::from_secs_f64(answer.expires_in.min(86_400.0)),
            interval,
        })
    }

    /// Polls the token endpoint until the person approves, declines, or the
    /// code expires (RFC 8628 §3.4, §3.5). Cancel it by dropping the future.
    pub async fn poll_device(&self, oidc: &OidcProfile, auth: &DeviceAuthorization) -> Result<Tokens, OidcError> {
        let deadline = Instant::now() + auth.expires_in;
        let mut interval = auth.interval;
        let mut failures = 0u32;
        let mut form = vec![
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", auth.device_code.expose_secret()),
            ("client_id", oidc.client_id.as_str()),
        ];
        if let Some(("resource", value)) = oidc.audience_field() {
            form.push(("resource", value));
        }
        loop {
            let wait = if failures == 0 { interval } else { interval * 2u32.pow(failures.min(4)) };
            if Instant::now() + wait > deadline {
                tokio::time::sleep_until(deadline.into()).await;
                return Err(OidcError::Expired);
            }
            tokio::time::sleep(wait).await;
            match self.token_request(&form).await {
                Ok(Ok(tokens)) => return Ok(tokens),
                Ok(Err((error, description))) => {
                    failures = 0;
                    match next_poll(&error, description, interval) {
                        Poll::Wait { interval: next } => {
                            if next > interval {
                                tracing::debug!(seconds = next.as_secs(), "slow_down: polling less often");
                            }
                            interval = next;
                        }
                        Poll::Denied => return Err(OidcError::Denied),
                        Poll::Expired => return Err(OidcError::Expired),
                        Poll::Stop { error, description } => {
                            return Err(OidcError::Refused { what: "the device sign-in", error, description });
                        }
                    }
                }
                Err(e) if e.transient() && failures < MAX_TRANSIENT_FAILURES => {
                    failures += 1;
                    tracing::debug!(error = %e, failures, "polling failed; trying again");
                }
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_polling_answer_means_what_rfc_8628_says() {
        let five = Duration::from_secs(5);
        assert_eq!(next_poll("authorization_pending", None, five), Poll::Wait { interval: five });
        assert_eq!(next_poll("slow_down", None, five), Poll::Wait { interval: Duration::from_secs(10) });
        assert_eq!(next_poll("access_denied", None, five), Poll::Denied);
        assert_eq!(next_poll("expired_token", None, five), Poll::Expired);
        assert_eq!(
            next_poll("invalid_client", Some("no such client".into()), five),
            Poll::Stop { error: "invalid_client".into(), description: Some("no such client".into()) }
        );
    }

    #[test]
    fn only_plain_printable_text_is_shown() {
        assert!(displayable("WDJB-MJHT", 64));
        assert!(!displayable("WDJB\u{1b}[2J", 64));
        assert!(!displayable("", 64));
        assert!(!displayable("a b", 64));
    }
}
