//! The Admin API v1 client: one method per route of DESIGN §4.
//!
//! It knows nothing of clap, the settings or the terminal: it is given a
//! [`Profile`] and a token. It adds the bearer token, and on every mutation
//! the `Idempotency-Key` and audit headers of its [`Change`], retries only
//! where that is safe (DESIGN §6, see [`retry`]), keeps under the profile's
//! request rate, and turns problem documents into [`ApiError`]s that carry
//! the service's `Request-Id`. A mutation's answer keeps its `Request-Id`
//! too ([`Answered`]), so nobody has to read the audit log to learn it.

mod batch_text;
pub mod checks;
mod error;
pub mod retry;
pub mod transport;

use std::sync::Arc;
use std::time::{Duration, Instant};

use acctl_api::{
    Account, AuditPage, AuditQuery, BatchLookupResponse, Challenge, ChallengeRequest, Channel, Identifier,
    IdentifierKind, LoginRequest, LoginResponse, PasswordChange, PasswordRequest, Problem, SessionsRevoked,
    VerifyRequest, VerifyResponse, Whoami,
};
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use batch_text::BatchText;
use checks::Checked;
pub use error::{ApiError, Exchange, TokenError, TokenFailure};
use retry::{RateLimiter, RetryPolicy};

use crate::profile::{AuditContext, Profile};

/// The `accounts:batchLookup` response as the lookup pipeline reads it: each
/// account as `A`, each item's error code as the service's string (so a code
/// newer than this client is printed as it came rather than as `unknown`),
/// and the echoed input skipped.
pub type BatchAnswer<A> = BatchLookupResponse<A, String, serde::de::IgnoredAny>;

/// What a mutation carries besides its body: the key that makes retrying it
/// safe (random for one command, derived per item for bulk work) and the
/// audit context the service records with it.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub key: &'a IdempotencyKey,
    pub audit: &'a AuditContext,
}

/// A mutation's answer and the `Request-Id` it came with.
#[derive(Debug, Clone)]
pub struct Answered<T> {
    pub value: T,
    pub request_id: Option<String>,
}

/// An `Idempotency-Key`: random for a single command, derived from the job
/// and the item for bulk work so a resumed job never applies an item twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn random() -> Self {
        let mut bytes = [0u8; 16];
        // getrandom only fails when the OS has no entropy source at all.
        if getrandom::fill(&mut bytes).is_err() {
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            bytes = nanos.as_nanos().to_le_bytes();
        }
        IdempotencyKey(format!("acctl-{}", hex::encode(bytes)))
    }

    #[allow(dead_code, reason = "`acctl bulk` (issue 9) derives one key per job and item")]
    pub fn derived(job: &str, item: &str) -> Self {
        IdempotencyKey(format!("acctl-{job}-{item}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The token a client sends.
#[derive(Clone)]
pub enum Bearer {
    /// Only the unauthenticated routes (customer login, sandbox outbox).
    None,
    /// One token for the client's life: `ACCTL_TOKEN`, a pasted token.
    Token(SecretString),
    /// Access tokens that expire and are renewed (single sign-on).
    Fresh(Arc<dyn AccessTokens>),
}

/// A source of short-lived access tokens, shared by every clone of a client
/// (a bulk job's workers): it renews a token once however many requests
/// find it expired or rejected at the same moment.
pub trait AccessTokens: Send + Sync {
    /// A token that is not about to expire (renewed first when it is).
    fn current(&self) -> TokenFuture<'_>;
    /// The service rejected `rejected` (401): a renewed token, unless another
    /// request renewed it meanwhile, in which case that one.
    fn renew(&self, rejected: SecretString) -> TokenFuture<'_>;
}

pub type TokenFuture<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<SecretString, TokenError>> + Send + 'a>>;

#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    base: String,
    bearer: Bearer,
    retry: RetryPolicy,
    limiter: Option<Arc<RateLimiter>>,
    timeout: Duration,
}

/// One request, described once so each retry sends the same bytes.
struct Call<'a> {
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    /// Mutations carry a key (retrying them is then safe) and audit headers.
    change: Option<Change<'a>>,
    /// Read-only (GET, batch lookup) or keyed: safe to retry.
    retry: bool,
    auth: bool,
}

impl ApiClient {
    /// A client for `profile`; `token` is `None` only for the unauthenticated
    /// routes (customer login, sandbox outbox).
    pub fn new(profile: &Profile, token: Option<SecretString>) -> Result<ApiClient, ApiError> {
        Self::with_bearer(profile, token.map_or(Bearer::None, Bearer::Token))
    }

    /// A client that sends `bearer`'s token: a fixed one, or one kept fresh
    /// (single sign-on, [`AccessTokens`]).
    pub fn with_bearer(profile: &Profile, bearer: Bearer) -> Result<ApiClient, ApiError> {
        // Refused in settings already; checked again for clients built from a hand-made profile.
        if let Some(why) = transport::plain_http_refusal(&profile.url, profile.insecure_http) {
            return Err(ApiError::Setup { what: why, source: None });
        }
        let http = transport::http_client(&profile.url, profile.timeout, profile.ca_bundle.as_deref())?;
        Ok(ApiClient {
            http,
            base: profile.url.trim_end_matches('/').to_owned(),
            bearer,
            retry: RetryPolicy::default(),
            limiter: profile.rate.map(|r| Arc::new(RateLimiter::new(r))),
            timeout: profile.timeout,
        })
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    // --- routes -----------------------------------------------------------

    pub async fn whoami(&self) -> Result<Whoami, ApiError> {
        self.get("/v1/whoami".into(), Vec::new()).await
    }

    pub async fn account(&self, id: &str, reveal: bool) -> Result<Account, ApiError> {
        self.get(format!("/v1/accounts/{}", segment(id)), reveal_query(reveal)).await
    }

    /// One account by any identifier: by ID, or by email/phone (exact).
    pub async fn find_account(&self, ident: &Identifier, reveal: bool) -> Result<Account, ApiError> {
        let mut query = reveal_query(reveal);
        match ident.kind {
            IdentifierKind::Id => return self.account(&ident.value, reveal).await,
            IdentifierKind::Email => query.insert(0, ("email", ident.value.clone())),
            IdentifierKind::Phone => query.insert(0, ("phone", ident.value.clone())),
        }
        self.get("/v1/accounts".into(), query).await
    }

    /// Up to [`acctl_api::BATCH_LOOKUP_MAX`] identifiers; one result each, in order.
    /// Read-only, so it is retried like a GET.
    ///
    /// `A` is what each account is decoded into: [`Account`], or
    /// `Box<serde_json::value::RawValue>` to keep the service's JSON text for
    /// output that only passes it on.
    pub async fn batch_lookup<A: DeserializeOwned + Checked>(
        &self,
        identifiers: &[&Identifier],
        reveal: bool,
    ) -> Result<BatchAnswer<A>, ApiError> {
        self.send(batch_call(identifiers, reveal)).await.map(|(answer, _)| answer)
    }

    /// [`Self::batch_lookup`] with the accounts kept as text ([`BatchText`]).
    pub async fn batch_lookup_text(&self, identifiers: &[&Identifier], reveal: bool) -> Result<BatchText, ApiError> {
        let RawAnswer { bytes, endpoint, request_id } = self.exchange(batch_call(identifiers, reveal)).await?;
        let answer = BatchText::read(bytes).map_err(|malformed| ApiError::Decode {
            endpoint: endpoint.clone(),
            request_id: request_id.clone(),
            source: serde::de::Error::custom(malformed),
        })?;
        let codes_ok = answer.results.iter().filter_map(|r| r.error.as_ref()).all(|e| checks::is_error_code(&e.code));
        if !codes_ok {
            return Err(ApiError::Malformed { endpoint, what: "error code", request_id });
        }
        Ok(answer)
    }

    pub async fn create_challenge(
        &self,
        account_id: &str,
        channel: Channel,
        change: Change<'_>,
    ) -> Result<Answered<Challenge>, ApiError> {
        let path = format!("/v1/accounts/{}/challenges", segment(account_id));
        self.mutate(Method::POST, path, &ChallengeRequest { channel }, change).await
    }

    pub async fn verify_challenge(
        &self,
        challenge_id: &str,
        code: &SecretString,
        change: Change<'_>,
    ) -> Result<Answered<VerifyResponse>, ApiError> {
        let body = VerifyRequest { code: code.expose_secret().to_owned() };
        self.mutate(Method::POST, format!("/v1/challenges/{}/verify", segment(challenge_id)), &body, change).await
    }

    pub async fn set_password(
        &self,
        account_id: &str,
        request: &PasswordRequest,
        change: Change<'_>,
    ) -> Result<Answered<PasswordChange>, ApiError> {
        self.mutate(Method::PUT, format!("/v1/accounts/{}/password", segment(account_id)), request, change).await
    }

    pub async fn lock(&self, account_id: &str, change: Change<'_>) -> Result<Answered<Account>, ApiError> {
        let path = format!("/v1/accounts/{}:lock", segment(account_id));
        self.mutate(Method::POST, path, &serde_json::json!({}), change).await
    }

    pub async fn unlock(&self, account_id: &str, change: Change<'_>) -> Result<Answered<Account>, ApiError> {
        let path = format!("/v1/accounts/{}:unlock", segment(account_id));
        self.mutate(Method::POST, path, &serde_json::json!({}), change).await
    }

    pub async fn revoke_sessions(
        &self,
        account_id: &str,
        change: Change<'_>,
    ) -> Result<Answered<SessionsRevoked>, ApiError> {
        let path = format!("/v1/accounts/{}/sessions:revoke", segment(account_id));
        self.mutate(Method::POST, path, &serde_json::json!({}), change).await
    }

    pub async fn audit(&self, q: &AuditQuery) -> Result<AuditPage, ApiError> {
        self.get("/v1/audit".into(), q.pairs()).await
    }

    /// The customer's own sign-in (no operator token; not retried: it is not keyed).
    pub async fn customer_login(&self, request: &LoginRequest) -> Result<LoginResponse, ApiError> {
        self.send(Call {
            method: Method::POST,
            path: "/v1/auth/login".into(),
            query: Vec::new(),
            body: Some(to_body(request)?),
            change: None,
            retry: false,
            auth: false,
        })
        .await
        .map(|(answer, _)| answer)
    }

    // --- plumbing -----------------------------------------------------------

    async fn get<T: DeserializeOwned + Checked>(
        &self,
        path: String,
        query: Vec<(&'static str, String)>,
    ) -> Result<T, ApiError> {
        self.send(Call { method: Method::GET, path, query, body: None, change: None, retry: true, auth: true })
            .await
            .map(|(answer, _)| answer)
    }

    async fn mutate<T: DeserializeOwned + Checked, B: Serialize>(
        &self,
        method: Method,
        path: String,
        body: &B,
        change: Change<'_>,
    ) -> Result<Answered<T>, ApiError> {
        let call = Call {
            method,
            path,
            query: Vec::new(),
            body: Some(to_body(body)?),
            change: Some(change),
            retry: true,
            auth: true,
        };
        self.send(call).await.map(|(value, request_id)| Answered { value, request_id })
    }

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
    async fn send<T: DeserializeOwned + Checked>(&self, call: Call<'_>) -> Result<(T, Option<String>), ApiError> {
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
    async fn exchange(&self, call: Call<'_>) -> Result<RawAnswer, ApiError> {
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
struct RawAnswer {
    bytes: Vec<u8>,
    /// `POST /v1/…`, for errors.
    endpoint: String,
    request_id: Option<String>,
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

fn to_body<B: Serialize>(body: &B) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(body)
        .map_err(|e| ApiError::Setup { what: "cannot encode the request".into(), source: Some(Box::new(e)) })
}

/// `POST /v1/accounts:batchLookup` for `identifiers`: read-only, so retried.
fn batch_call(identifiers: &[&Identifier], reveal: bool) -> Call<'static> {
    Call {
        method: Method::POST,
        path: "/v1/accounts:batchLookup".into(),
        query: reveal_query(reveal),
        body: Some(batch_body(identifiers)),
        change: None,
        retry: true,
        auth: true,
    }
}

/// A [`BatchLookupRequest`](acctl_api::BatchLookupRequest)'s JSON, written directly: through serde, these
/// few fixed keys were a twentieth of `lookup -`'s CPU time. The same bytes.
fn batch_body(identifiers: &[&Identifier]) -> Vec<u8> {
    let mut out = Vec::with_capacity(20 + identifiers.iter().map(|i| i.value.len() + 32).sum::<usize>());
    out.extend_from_slice(b"{\"identifiers\":[");
    for (n, id) in identifiers.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"kind\":\"");
        out.extend_from_slice(id.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"value\":");
        crate::output::json_text::write_json_str(&mut out, &id.value).expect("a Vec takes every write");
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    out
}

fn reveal_query(reveal: bool) -> Vec<(&'static str, String)> {
    if reveal { vec![("reveal", "true".to_owned())] } else { Vec::new() }
}

/// Percent-encodes one path segment (IDs are validated, but never trusted).
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use acctl_api::BatchLookupRequest;

    use super::*;

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(segment("acc_demoalice"), "acc_demoalice");
        assert_eq!(segment("../x?y"), "..%2Fx%3Fy");
    }

    #[test]
    fn idempotency_keys_are_random_or_derived() {
        assert_ne!(IdempotencyKey::random(), IdempotencyKey::random());
        // A resumed bulk job derives the same key for the same item, so the service replays it.
        assert_eq!(IdempotencyKey::derived("job1", "7"), IdempotencyKey::derived("job1", "7"));
        assert_eq!(IdempotencyKey::derived("job1", "7").as_str(), "acctl-job1-7");
    }

    #[test]
    fn a_batch_body_is_what_serde_would_write() {
        let ids = ["a@b.c", "say \"hi\"\\", "tab\there", "ünï\u{7f}", ""];
        let identifiers: Vec<Identifier> = ids
            .iter()
            .zip([IdentifierKind::Email, IdentifierKind::Phone, IdentifierKind::Id].into_iter().cycle())
            .map(|(value, kind)| Identifier { kind, value: (*value).to_owned() })
            .collect();
        for n in 0..=identifiers.len() {
            let request = BatchLookupRequest { identifiers: identifiers[..n].to_vec() };
            assert_eq!(
                batch_body(&request.identifiers.iter().collect::<Vec<_>>()),
                serde_json::to_vec(&request).unwrap()
            );
        }
    }

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
