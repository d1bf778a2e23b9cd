//! `Idempotency-Key` on mutations. This layer reads the key, fingerprints
//! the request (a keyed hash, `crate::domain::idempotency`) and answers a
//! replay straight from the stored answer; otherwise it hands the key to the
//! handler, whose domain operation checks it again and stores its answer in
//! the transaction of the change. A key is thus never "in flight": a request
//! cut off before its commit left nothing, one cut off after left its answer.
//! Read-only routes do not pass through here: their answers are not stored.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{AppState, Caller};
use crate::domain::IdempotencyKey;
use crate::error::ApiError;
use acctl_api::ErrorCode;

const MAX_BODY: usize = 1 << 20;

/// The request's idempotency key, if it sent one.
pub struct Keyed(pub Option<IdempotencyKey>);

impl<S: Send + Sync> FromRequestParts<S> for Keyed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Keyed(parts.extensions.get::<IdempotencyKey>().cloned()))
    }
}

pub(crate) fn key_reused() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::IdempotencyKeyReused,
        "this Idempotency-Key was used with a different request; use a new key for a new request",
    )
}

pub async fn idempotency(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::POST | Method::PUT | Method::PATCH | Method::DELETE) {
        return next.run(req).await;
    }
    let Some(key) = req.headers().get(acctl_api::IDEMPOTENCY_KEY) else {
        return next.run(req).await;
    };
    let key = match key.to_str().ok().map(str::trim).filter(|k| !k.is_empty() && k.len() <= 255) {
        Some(k) => k.to_owned(),
        None => {
            return ApiError::invalid_request("the Idempotency-Key header must be 1 to 255 visible ASCII characters")
                .into_response();
        }
    };
    let Some(caller) = req.extensions().get::<Caller>().cloned() else {
        return next.run(req).await;
    };
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return ApiError::invalid_request("the request body is too large").into_response();
    };
    let key = IdempotencyKey::new(
        state.store.fingerprint_key(),
        key,
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query().unwrap_or_default(),
        &bytes,
    );
    // A replay needs no write and no handler.
    let (scope, k) = (caller.principal_id.clone(), key.key.clone());
    match state.db(move |s| s.idempotency_get(&scope, &k)).await {
        Ok(Some(stored)) if stored.fingerprint == key.fingerprint => return super::errors::replay(stored.response),
        Ok(Some(_)) => return key_reused().into_response(),
        Ok(None) => {}
        Err(e) => return e.into_response(),
    }
    parts.extensions.insert(key);
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await
}
