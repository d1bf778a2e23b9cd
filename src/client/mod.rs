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
mod exchange;
pub mod retry;
mod routes;
pub mod transport;

use std::sync::Arc;
use std::time::Duration;

use acctl_api::BatchLookupResponse;
use reqwest::Method;
use secrecy::SecretString;

pub use batch_text::BatchText;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys_are_random_or_derived() {
        assert_ne!(IdempotencyKey::random(), IdempotencyKey::random());
        // A resumed bulk job derives the same key for the same item, so the service replays it.
        assert_eq!(IdempotencyKey::derived("job1", "7"), IdempotencyKey::derived("job1", "7"));
        assert_eq!(IdempotencyKey::derived("job1", "7").as_str(), "acctl-job1-7");
    }
}
