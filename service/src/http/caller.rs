//! Who is calling: bearer-token authentication (the service's own opaque
//! tokens, and with the `oidc` feature the access tokens of an OpenID
//! Connect provider, `crate::oidc`), the per-caller rate limit, and the
//! audit context (`Audit-Reason`, `Audit-Ticket`, request id) every
//! mutation records.

use std::collections::HashMap;
use std::sync::{Mutex, RwLock};

use acctl_api::{AuditAction, AuditOutcome, Role};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{AppState, RequestId};
use crate::RateLimit;
use crate::error::{ApiError, ApiResult};
use crate::store::{Actor, NewAuditEvent, Store};

/// The authenticated caller of one request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub actor: Actor,
    /// Who the caller is for idempotency keys and the rate limit: an opaque
    /// token's hash, or an OpenID Connect caller's (issuer, subject) id —
    /// never a provider's access token, which changes on every refresh.
    pub principal_id: String,
    /// What the provider's access token says, for an OpenID Connect caller.
    pub provider: Option<ProviderIdentity>,
    pub reason: Option<String>,
    pub ticket: Option<String>,
    /// `Audit-Job`: the bulk job a change belongs to, recorded with its audit event.
    pub job: Option<String>,
    pub request_id: String,
}

/// Who an OpenID Connect provider's access token names (`GET /v1/whoami`
/// shows it; audit events record the email next to `oidc:SUBJECT`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderIdentity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
    pub expires_at_ms: i64,
}

impl Caller {
    pub fn role(&self) -> Role {
        self.actor.role
    }

    /// Fails with 403 unless the caller's role carries `scope`.
    pub fn require(&self, scope: &str) -> ApiResult<()> {
        if self.actor.role.has(scope) { Ok(()) } else { Err(ApiError::forbidden(scope)) }
    }

    /// The caller as the domain layer knows it.
    pub fn operator(&self) -> crate::domain::Operator {
        crate::domain::Operator {
            name: self.actor.name.clone(),
            email: self.email().map(str::to_owned),
            role: self.actor.role,
            principal_id: self.principal_id.clone(),
            reason: self.reason.clone(),
            ticket: self.ticket.clone(),
            job: self.job.clone(),
            request_id: self.request_id.clone(),
        }
    }

    /// The email claim of an OpenID Connect caller.
    pub fn email(&self) -> Option<&str> {
        self.provider.as_ref().and_then(|p| p.email.as_deref())
    }

    pub fn audit_event<'a>(
        &'a self,
        action: AuditAction,
        account_id: Option<&'a str>,
        outcome: AuditOutcome,
        detail: Option<String>,
    ) -> NewAuditEvent<'a> {
        NewAuditEvent {
            actor: &self.actor.name,
            actor_email: self.email(),
            action,
            account_id,
            reason: self.reason.as_deref(),
            ticket: self.ticket.as_deref(),
            request_id: &self.request_id,
            outcome,
            detail,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Caller>().cloned().ok_or_else(|| ApiError::unauthenticated("no bearer token"))
    }
}

/// Token bucket per token, timed by the service clock.
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<String, (f64, i64)>>,
}

impl RateLimiter {
    pub fn new(limit: RateLimit) -> Self {
        RateLimiter { limit, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request from `key`'s bucket, or answers how many seconds
    /// until one is available.
    pub fn take(&self, key: &str, now_ms: i64) -> Result<(), u64> {
        let rate = f64::from(self.limit.per_second.max(1));
        let burst = f64::from(self.limit.burst.max(1));
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (tokens, last) = buckets.entry(key.to_owned()).or_insert((burst, now_ms));
        let elapsed = (now_ms - *last).max(0) as f64 / 1000.0;
        *tokens = (*tokens + elapsed * rate).min(burst);
        *last = now_ms;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

pub(crate) struct Authenticator {
    store: Store,
    cache: RwLock<HashMap<String, Actor>>,
    limiter: Option<RateLimiter>,
    /// The OpenID Connect provider whose access tokens are accepted too.
    #[cfg(feature = "oidc")]
    oidc: Option<std::sync::Arc<crate::oidc::Verifier>>,
}

impl Authenticator {
    pub fn new(store: Store, limit: Option<RateLimit>) -> Self {
        Authenticator {
            store,
            cache: RwLock::new(HashMap::new()),
            limiter: limit.map(RateLimiter::new),
            #[cfg(feature = "oidc")]
            oidc: None,
        }
    }

    /// A fresh authenticator like this one that also accepts the access
    /// tokens `verifier` vouches for.
    #[cfg(feature = "oidc")]
    pub fn with_oidc(&self, verifier: std::sync::Arc<crate::oidc::Verifier>) -> Self {
        let mut auth = Authenticator::new(self.store.clone(), self.limiter.as_ref().map(|l| l.limit));
        auth.oidc = Some(verifier);
        auth
    }

    /// The caller behind `token`: its principal id (the rate-limit and
    /// idempotency scope), actor, and provider identity if any. A token
    /// shaped like a JWT (three dot-separated parts; the service's own
    /// tokens have no dot) goes to the provider's verifier.
    async fn caller(&self, token: &str) -> ApiResult<(String, Actor, Option<ProviderIdentity>)> {
        if token.bytes().filter(|b| *b == b'.').count() >= 2 {
            return self.jwt_caller(token).await;
        }
        let (hash, actor) = self.actor(token).await?;
        Ok((hash, actor, None))
    }

    #[cfg(feature = "oidc")]
    async fn jwt_caller(&self, token: &str) -> ApiResult<(String, Actor, Option<ProviderIdentity>)> {
        use crate::oidc::TokenError;
        let Some(verifier) = &self.oidc else {
            return Err(ApiError::unauthenticated(
                "this service accepts no identity provider's tokens (it runs without `--oidc-issuer`); \
                 use a token from `acctl-service token create`",
            ));
        };
        match verifier.verify(token).await {
            Ok(identity) => {
                let actor = Actor { name: identity.actor_name(), role: identity.role };
                let principal = identity.principal_id();
                let provider = ProviderIdentity {
                    issuer: identity.issuer,
                    subject: identity.subject,
                    email: identity.email,
                    name: identity.name,
                    expires_at_ms: identity.expires_at_ms,
                };
                Ok((principal, actor, Some(provider)))
            }
            Err(e @ TokenError::NoRole { .. }) => {
                tracing::info!(reason = %e, "refused a provider token without a known role");
                Err(ApiError::new(axum::http::StatusCode::FORBIDDEN, acctl_api::ErrorCode::NoRole, e.to_string()))
            }
            Err(e) => {
                // The reason, never the token.
                tracing::debug!(reason = %e, "refused a provider token");
                Err(ApiError::unauthenticated(format!("the access token was refused: {e}")))
            }
        }
    }

    #[cfg(not(feature = "oidc"))]
    async fn jwt_caller(&self, _token: &str) -> ApiResult<(String, Actor, Option<ProviderIdentity>)> {
        Err(ApiError::unauthenticated(
            "this build of the service accepts no identity provider's tokens (built without the `oidc` feature)",
        ))
    }

    /// The token's hash (the rate-limit key) and its actor.
    async fn actor(&self, token: &str) -> ApiResult<(String, Actor)> {
        let hash = crate::secrets::sha256_hex(token);
        if let Some(actor) = self.cache.read().unwrap_or_else(std::sync::PoisonError::into_inner).get(&hash) {
            return Ok((hash, actor.clone()));
        }
        let store = self.store.clone();
        let h = hash.clone();
        let found = tokio::task::spawn_blocking(move || store.actor_for_token_hash(&h))
            .await
            .map_err(|_| ApiError::from(crate::error::StoreError::Worker))??;
        let actor = found.ok_or_else(|| ApiError::unauthenticated("the bearer token is not valid"))?;
        self.cache.write().unwrap_or_else(std::sync::PoisonError::into_inner).insert(hash.clone(), actor.clone());
        Ok((hash, actor))
    }
}

fn bearer(headers: &HeaderMap) -> ApiResult<&str> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthenticated("send a bearer token: `Authorization: Bearer <token>`"))?;
    value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::unauthenticated("the Authorization header must be `Bearer <token>`"))
}

/// Reads an audit header: at most 500 characters, no control characters.
fn audit_header(headers: &HeaderMap, name: &str) -> ApiResult<Option<String>> {
    let Some(value) = headers.get(name) else { return Ok(None) };
    let text = std::str::from_utf8(value.as_bytes())
        .map_err(|_| ApiError::invalid_request(format!("the `{name}` header must be UTF-8 text")))?
        .trim();
    if text.chars().count() > 500 || text.chars().any(char::is_control) {
        return Err(ApiError::invalid_request(format!(
            "the `{name}` header must be at most 500 characters with no control characters"
        )));
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// Reads `Audit-Job`: a job id is 1 to 64 letters, digits and `-`, so it
/// sits in an audit event's `detail` as one `job=…` word.
fn audit_job(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get(acctl_api::AUDIT_JOB) else { return Ok(None) };
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > 64 || !bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
        return Err(ApiError::invalid_request(format!(
            "the `{}` header must be 1 to 64 letters, digits and `-`",
            acctl_api::AUDIT_JOB
        )));
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

/// Middleware on every authenticated route: resolves the token, applies the
/// rate limit, and leaves a [`Caller`] in the request's extensions.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let headers = (
        bearer(req.headers()).map(str::to_owned),
        audit_header(req.headers(), acctl_api::AUDIT_REASON),
        audit_header(req.headers(), acctl_api::AUDIT_TICKET),
        audit_job(req.headers()),
    );
    let caller = async move {
        let (token, reason, ticket, job) = (headers.0?, headers.1?, headers.2?, headers.3?);
        let (principal_id, actor, provider) = state.auth.caller(&token).await?;
        // Per principal: an OpenID Connect caller's refreshed tokens share one bucket.
        if let Some(limiter) = &state.auth.limiter
            && let Err(wait) = limiter.take(&principal_id, state.store.clock().now_ms())
        {
            return Err(ApiError::rate_limited("too many requests for this caller; slow down", wait));
        }
        Ok(Caller { actor, principal_id, provider, reason, ticket, job, request_id })
    }
    .await;
    match caller {
        Ok(caller) => {
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        Err(e) => e.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_allows_a_burst_then_refills_at_the_rate() {
        let limiter = RateLimiter::new(RateLimit { per_second: 2, burst: 3 });
        assert!((0..3).all(|_| limiter.take("t", 0).is_ok()));
        assert_eq!(limiter.take("t", 0), Err(1));
        assert!(limiter.take("other", 0).is_ok());
        assert!(limiter.take("t", 500).is_ok());
        assert!(limiter.take("t", 500).is_err());
    }
}
