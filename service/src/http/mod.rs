//! The HTTP face of the service: routing, the cross-cutting middleware
//! (request ids, authentication, rate limits, idempotency) and the handlers.

pub(crate) mod accounts;
pub(crate) mod audit;
mod caller;
mod errors;
mod extract;
mod idempotency;
pub(crate) mod login;
pub(crate) mod recovery;
pub(crate) mod sandbox;

use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

pub use caller::{Caller, ProviderIdentity, RateLimiter};

use crate::delivery::Delivery;
use crate::domain::Domain;
use crate::error::{ApiError, StoreError};
use crate::store::Store;
use crate::throttle::{LoginThrottle, ThrottlePolicy};
use acctl_api::{ErrorCode, Problem};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub delivery: Delivery,
    pub domain: Domain,
    pub sandbox: bool,
    pub(crate) auth: Arc<caller::Authenticator>,
    /// Back-off of customer sign-in after failures (`crate::throttle`).
    pub login_throttle: Arc<LoginThrottle>,
    /// Sign-ins that may wait for a hashing worker at once; the rest are
    /// answered 503 (`http::login`). Per service, so that a flood of one
    /// service in a test process does not turn away another's sign-ins.
    pub login_admission: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(store: Store, delivery: Delivery, sandbox: bool, rate_limit: Option<crate::RateLimit>) -> Self {
        let auth = Arc::new(caller::Authenticator::new(store.clone(), rate_limit));
        let domain = Domain::new(store.clone(), delivery.clone(), sandbox);
        let login_throttle = Arc::new(LoginThrottle::new(ThrottlePolicy::default(), store.clock().clone()));
        let login_admission = Arc::new(tokio::sync::Semaphore::new(crate::hashing::pool().admission_slots()));
        AppState { store, delivery, domain, sandbox, auth, login_throttle, login_admission }
    }

    /// The same state, also accepting the access tokens of the OpenID
    /// Connect provider `verifier` trusts.
    #[cfg(feature = "oidc")]
    pub fn with_oidc(mut self, verifier: Arc<crate::oidc::Verifier>) -> Self {
        self.auth = Arc::new(self.auth.with_oidc(verifier));
        self
    }

    /// The same state with sign-in throttled by `policy`.
    pub fn with_login_throttle(mut self, policy: ThrottlePolicy) -> Self {
        self.login_throttle = Arc::new(LoginThrottle::new(policy, self.store.clock().clone()));
        self
    }

    /// Runs a domain operation on the blocking pool, detached from the
    /// request: if the client goes away, the request's future is dropped
    /// but the operation still runs to its commit (or rollback), so a
    /// change, its audit event, its messages and its idempotency answer
    /// are never separated.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce(&Domain) -> T + Send + 'static) -> Result<T, ApiError> {
        let domain = self.domain.clone();
        tokio::task::spawn_blocking(move || f(&domain)).await.map_err(|_| ApiError::from(StoreError::Worker))
    }

    /// Runs one short indexed read on the current worker: for a lookup that
    /// takes tens of microseconds, the handoff to the blocking pool costs
    /// more than the query (and shows in the tail latency).
    pub fn db_now<T, E: Into<ApiError>>(&self, f: impl FnOnce(&Store) -> Result<T, E>) -> Result<T, ApiError> {
        f(&self.store).map_err(Into::into)
    }

    /// Runs blocking store work off the async threads.
    pub async fn db<T, E>(&self, f: impl FnOnce(&Store) -> Result<T, E> + Send + 'static) -> Result<T, ApiError>
    where
        T: Send + 'static,
        E: Into<ApiError> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || f(&store))
            .await
            .map_err(|_| ApiError::from(StoreError::Worker))?
            .map_err(Into::into)
    }
}

/// Every problem answer an operation of Admin API v1 can give, for the
/// OpenAPI document (handlers list their success and this).
#[cfg(feature = "openapi")]
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub(crate) enum Problems {
    #[response(
        status = 400,
        description = "malformed body, query or header",
        content_type = "application/problem+json"
    )]
    BadRequest(Problem),
    #[response(
        status = 401,
        description = "no, unknown, expired or otherwise refused token (the detail says why); or verification_invalid, invalid_credentials",
        content_type = "application/problem+json"
    )]
    Unauthenticated(Problem),
    #[response(
        status = 403,
        description = "the token lacks the scope; no_role: a valid OpenID Connect access token whose role claim names no known role; or account_locked at sign-in",
        content_type = "application/problem+json"
    )]
    Forbidden(Problem),
    #[response(
        status = 404,
        description = "account_not_found, challenge_not_found, not_found",
        content_type = "application/problem+json"
    )]
    NotFound(Problem),
    #[response(
        status = 405,
        description = "the resource does not take this method (`Allow` names those it does)",
        content_type = "application/problem+json"
    )]
    MethodNotAllowed(Problem),
    #[response(
        status = 409,
        description = "channel_unavailable, challenge_used_up, account_locked, account_disabled",
        content_type = "application/problem+json"
    )]
    Conflict(Problem),
    #[response(status = 410, description = "challenge_expired", content_type = "application/problem+json")]
    Gone(Problem),
    #[response(status = 415, description = "the body is not JSON", content_type = "application/problem+json")]
    UnsupportedMediaType(Problem),
    #[response(
        status = 422,
        description = "invalid_identifier, invalid_code, password_policy, idempotency_key_reused, invalid_request",
        content_type = "application/problem+json"
    )]
    Unprocessable(Problem),
    #[response(status = 429, description = "rate_limited (also: the token stores its maximum of idempotent answers)", content_type = "application/problem+json",
        headers(("Retry-After" = u64, description = "seconds to wait")))]
    RateLimited(Problem),
    #[response(status = 503, description = "service_busy: every password check is taken (sign-in)",
        content_type = "application/problem+json",
        headers(("Retry-After" = u64, description = "seconds to wait")))]
    ServiceBusy(Problem),
}

/// Normalises an identifier from a request; a bad one is 422 `invalid_identifier`.
pub(crate) fn identifier(kind: acctl_api::IdentifierKind, value: &str) -> Result<acctl_api::Identifier, ApiError> {
    acctl_api::Identifier::normalized(kind, value, None)
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidIdentifier, e.to_string()))
}

/// An account ID from a request path.
pub(crate) fn account_id(raw: &str) -> Result<String, ApiError> {
    identifier(acctl_api::IdentifierKind::Id, raw).map(|i| i.value)
}

/// The request's id, set by [`request_id`] before anything else runs.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

pub fn router(state: AppState) -> Router {
    // Reads: an Idempotency-Key is accepted and ignored (nothing to store).
    let reads = Router::new()
        .route("/v1/whoami", get(accounts::whoami))
        .route("/v1/accounts", get(accounts::find))
        .route("/v1/accounts:batchLookup", post(accounts::batch_lookup))
        .route("/v1/audit", get(audit::audit))
        .route_layer(middleware::from_fn_with_state(state.clone(), caller::authenticate));
    let mutations = Router::new()
        .route("/v1/accounts/{id}", get(accounts::get).post(accounts::action).fallback(accounts::other_method))
        .route("/v1/accounts/{id}/challenges", post(recovery::create_challenge))
        .route("/v1/accounts/{id}/password", put(recovery::set_password))
        .route("/v1/accounts/{id}/sessions:revoke", post(accounts::revoke_sessions))
        .route("/v1/challenges/{id}/verify", post(recovery::verify))
        .route_layer(middleware::from_fn_with_state(state.clone(), idempotency::idempotency))
        .route_layer(middleware::from_fn_with_state(state.clone(), caller::authenticate));
    let authed = Router::new().merge(reads).merge(mutations);
    let public = Router::new()
        .route("/v1/auth/login", post(login::login))
        .route("/v1/sandbox/outbox", get(sandbox::outbox))
        .route("/v1/openapi.json", get(openapi))
        .route("/healthz", get(|| async { "ok" }));
    let api = Router::new()
        .merge(authed)
        .merge(public)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed_fallback)
        .with_state(state);
    // Request ids wrap the routed API from outside, so they also see what
    // routing itself adds to a response (the `Allow` header).
    Router::new().fallback_service(api).layer(middleware::from_fn(request_id))
}

/// This API's OpenAPI document: the committed one, in every build (the
/// `openapi` feature only generates it, for the test that keeps it current).
async fn openapi() -> Response {
    let mut response = acctl_api::OPENAPI_JSON.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "no such route in Admin API v1; see /v1/openapi.json")
}

async fn method_not_allowed_fallback() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed, "this route does not take that method")
}

/// 405 with the `Allow` header set to `allow`.
pub(crate) fn method_not_allowed(allow: &'static str) -> ApiError {
    let mut e = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        format!("this resource takes {allow}"),
    );
    e.allow = Some(allow);
    e
}

/// A process-unique request id: a random prefix drawn once, then a counter.
/// Ids only need to be unique and unguessable enough not to collide across
/// restarts; one syscall per request for fresh randomness buys nothing.
fn next_request_id() -> String {
    use std::sync::LazyLock;
    use std::sync::atomic::{AtomicU64, Ordering};
    static PREFIX: LazyLock<String> = LazyLock::new(|| crate::secrets::random_token("req_", 6));
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!("{}{:08x}", *PREFIX, COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// Gives every request an id, answers it in `Request-Id`, and writes it into
/// problem documents so an error report carries it.
async fn request_id(mut req: Request, next: Next) -> Response {
    let id = next_request_id();
    req.extensions_mut().insert(RequestId(id.clone()));
    let response = next.run(req).await;
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(acctl_api::PROBLEM_JSON.as_bytes()));
    let mut response = if is_problem {
        let (parts, body) = response.into_parts();
        match axum::body::to_bytes(body, 1 << 20).await.ok().and_then(|b| serde_json::from_slice::<Problem>(&b).ok()) {
            Some(mut problem) => {
                problem.request_id = Some(id.clone());
                let mut fresh = crate::error::problem_response(&problem);
                *fresh.status_mut() = parts.status;
                for (name, value) in &parts.headers {
                    if name != header::CONTENT_LENGTH {
                        fresh.headers_mut().insert(name.clone(), value.clone());
                    }
                }
                fresh
            }
            None => ApiError::internal().into_response(),
        }
    } else {
        response
    };
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(acctl_api::REQUEST_ID, v);
    }
    // Routing adds `Allow` to whatever answers a method the route lacks, even
    // a 401 from authentication; it belongs on a 405 only, where the handler
    // sets the documented methods.
    if response.status() != StatusCode::METHOD_NOT_ALLOWED {
        response.headers_mut().remove(header::ALLOW);
    }
    response
}
