//! Sending one request: the token (renewed when it expires or is
//! rejected), the headers, retries and pacing, and the answer read within
//! its size limit or turned into an [`ApiError`].

use std::time::{Duration, Instant};

use acctl_api::Problem;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;

use super::checks::{self, Checked};
use super::{ApiClient, ApiError, Bearer, Call, Exchange, transport};

impl ApiClient {
    /// The token to send with `call`, renewed first when it is about to expire.
    async fn token_for(&self, call: &Call<'_>) -> Result<Option<SecretString>, ApiError> {
        if !call.auth {
            return Ok(None);
        }
        match &self.bearer {
            Bearer::None => Ok(None),
            Bearer::Token(t) => Ok(Some(t.clone())),
            Bearer::Fresh(source) => source.current().await.map(Some).map_err(ApiError::Token),
        }
    }

    fn headers(&self, call: &Call<'_>, token: Option<&SecretString>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(reqwest::header::ACCEPT, HeaderValue::from_static("application/json, application/problem+json"));
        if call.body.is_some() {
            headers.insert(reqwest::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if let Some(token) = token
            && let Ok(mut value) = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
        {
            value.set_sensitive(true);
            headers.insert(reqwest::header::AUTHORIZATION, value);
        }
        if let Some(change) = call.change {
            if let Ok(v) = HeaderValue::from_str(change.key.as_str()) {
                headers.insert(acctl_api::IDEMPOTENCY_KEY, v);
            }
            // Audit context goes with every mutation; settings checked it is one printable line.
            let audit = change.audit;
            for (name, value) in [
                (acctl_api::AUDIT_REASON, &audit.reason),
                (acctl_api::AUDIT_TICKET, &audit.ticket),
                (acctl_api::AUDIT_JOB, &audit.job),
            ] {
                if let Some(v) = value.as_deref().and_then(|v| HeaderValue::from_bytes(v.as_bytes()).ok()) {
                    headers.insert(name, v);
                }
            }
        }
        headers
    }

    /// The decoded answer and its `Request-Id`.
    pub(super) async fn send<T: DeserializeOwned + Checked>(
        &self,
        call: Call<'_>,
    ) -> Result<(T, Option<String>), ApiError> {
        let RawAnswer { bytes, endpoint, request_id } = self.exchange(call).await?;
        let answer: T = serde_json::from_slice(&bytes).map_err(|source| ApiError::Decode {
            endpoint: endpoint.clone(),
            request_id: request_id.clone(),
            source,
        })?;
        match answer.check() {
            Ok(()) => Ok((answer, request_id)),
            Err(what) => Err(ApiError::Malformed { endpoint, what, request_id }),
        }
    }

    /// Sends `call` (renewing the token, retrying and pacing as it allows)
    /// and reads a successful answer's body; anything else is an [`ApiError`].
    pub(super) async fn exchange(&self, call: Call<'_>) -> Result<RawAnswer, ApiError> {
        let endpoint = format!("{} {}", call.method, call.path);
        let mut url = reqwest::Url::parse(&format!("{}{}", self.base, call.path)).map_err(|e| ApiError::Setup {
            what: format!("`{}{}` is not a URL", self.base, call.path),
            source: Some(Box::new(e)),
        })?;
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(call.query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        let mut token = self.token_for(&call).await?;
        let mut headers = self.headers(&call, token.as_ref());
        let mut renewed = false;
        let started = Instant::now();
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            if let Some(limiter) = &self.limiter {
                limiter.acquire().await;
            }
            let mut request = self.http.request(call.method.clone(), url.clone()).headers(headers.clone());
            if let Some(body) = &call.body {
                request = request.body(body.clone());
            }
            let sent = Instant::now();
            let outcome = request.send().await;
            let may_retry = call.retry && attempt < self.retry.max_attempts;
            let response = match outcome {
                Ok(r) => r,
                Err(e) => {
                    tracing::debug!(%endpoint, attempt, error = %e, "request failed");
                    // A timed-out mutation, or one whose connection closed
                    // before the answer, may have been applied; its key makes
                    // the retry safe (the service replays its first answer).
                    if may_retry
                        && (e.is_connect() || e.is_timeout() || e.is_request())
                        && let Some(delay) = self.retry.delay(attempt, None, started.elapsed())
                    {
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    if e.is_timeout() {
                        return Err(ApiError::Timeout { endpoint, timeout: self.timeout, attempts: attempt });
                    }
                    return Err(ApiError::Connect { url: self.base.clone(), source: Box::new(e), attempts: attempt });
                }
            };
            let status = response.status();
            // A malformed one is dropped, never printed.
            let request_id = response
                .headers()
                .get(acctl_api::REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .filter(|id| checks::is_request_id(id))
                .map(str::to_owned);
            tracing::debug!(%endpoint, attempt, status = status.as_u16(), request_id = request_id.as_deref().unwrap_or("-"), elapsed_ms = sent.elapsed().as_millis() as u64, "answered");
            // An access token the service no longer takes (expired early, a
            // clock ahead of ours): renewed once, and the request sent again.
            // A 401 means the request was refused before anything was done,
            // and a mutation carries its key anyway.
            if status == StatusCode::UNAUTHORIZED
                && !renewed
                && let Bearer::Fresh(source) = &self.bearer
                && let Some(rejected) = token.take()
            {
                renewed = true;
                drop(response);
                tracing::debug!(%endpoint, "the access token was rejected; renewing it once");
                let fresh = source.renew(rejected).await.map_err(ApiError::Token)?;
                token = Some(fresh);
                headers = self.headers(&call, token.as_ref());
                attempt -= 1;
                continue;
            }
            if may_retry && retryable_status(status) {
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                // A 429's Retry-After holds every request sharing the rate
                // ceiling (a bulk job's workers), not just this one.
                if status == StatusCode::TOO_MANY_REQUESTS
                    && let (Some(limiter), Some(after)) = (&self.limiter, retry_after)
                {
                    limiter.hold(after).await;
                }
                if let Some(delay) = self.retry.delay(attempt, retry_after, started.elapsed()) {
                    drop(response);
                    tokio::time::sleep(delay).await;
                    continue;
                }
            }
            if status.is_redirection() {
                let location = transport::shown_location(&response);
                return Err(ApiError::Redirected { endpoint, status: status.as_u16(), location, request_id });
            }
            let bytes = match transport::read_capped(response, transport::MAX_RESPONSE_BYTES).await {
                Ok(b) => b,
                Err(transport::BodyError::TooLarge { declared }) => {
                    let limit = transport::MAX_RESPONSE_BYTES;
                    return Err(ApiError::TooLarge { endpoint, limit, declared, request_id });
                }
                Err(transport::BodyError::Read(e)) if e.is_timeout() => {
                    return Err(ApiError::Timeout { endpoint, timeout: self.timeout, attempts: attempt });
                }
                Err(transport::BodyError::Read(e)) => {
                    return Err(ApiError::Connect { url: self.base.clone(), source: Box::new(e), attempts: attempt });
                }
            };
            if status.is_success() {
                return Ok(RawAnswer { bytes, endpoint, request_id });
            }
            return Err(error_from(status, &bytes, endpoint, request_id, attempt));
        }
    }
}

/// A successful answer's body, before it is decoded.
pub(super) struct RawAnswer {
    pub(super) bytes: Vec<u8>,
    /// `POST /v1/…`, for errors.
    pub(super) endpoint: String,
    pub(super) request_id: Option<String>,
}

fn retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

fn error_from(
    status: StatusCode,
    body: &[u8],
    endpoint: String,
    request_id: Option<String>,
    attempts: u32,
) -> ApiError {
    match serde_json::from_slice::<Problem>(body) {
        Ok(problem) => {
            let request_id = request_id.or_else(|| problem.request_id.clone().filter(|id| checks::is_request_id(id)));
            let message = if problem.detail.trim().is_empty() { problem.title.clone() } else { problem.detail.clone() };
            let cause = Exchange { endpoint, status: status.as_u16(), code: Some(problem.code), attempts };
            ApiError::Problem { message, cause, problem: Box::new(problem), request_id }
        }
        Err(_) => ApiError::Http {
            status: status.as_u16(),
            cause: Exchange { endpoint, status: status.as_u16(), code: None, attempts },
            request_id,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_document_becomes_a_typed_error_with_the_request_id() {
        let body = br#"{"type":"t","title":"Not found","status":404,"detail":"no account matches","code":"account_not_found"}"#;
        let e = error_from(StatusCode::NOT_FOUND, body, "GET /v1/accounts".into(), Some("req_1".into()), 1);
        assert_eq!(e.code(), Some(acctl_api::ErrorCode::AccountNotFound));
        assert_eq!(e.request_id(), Some("req_1"));
        assert_eq!(e.to_string(), "no account matches");
        let e = error_from(StatusCode::BAD_GATEWAY, b"<html>", "GET /v1/whoami".into(), None, 4);
        assert!(matches!(e, ApiError::Http { status: 502, .. }));
        assert!(std::error::Error::source(&e).unwrap().to_string().contains("after 4 attempts"));
    }
}
