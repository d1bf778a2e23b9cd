//! `Idempotency-Key` on mutations: the first response to a key is stored and
//! replayed, so a retried request never acts twice.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::{AppState, Caller};
use crate::error::ApiError;
use crate::store::{IdempotencyBegin, StoredResponse};
use acctl_api::ErrorCode;

const MAX_BODY: usize = 1 << 20;

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
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return ApiError::invalid_request("the request body is too large").into_response();
    };
    // The fingerprint covers what the request asks for; the audit headers
    // are context, not part of the request's meaning.
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str());
    hasher.update([0]);
    hasher.update(parts.uri.path());
    hasher.update([0]);
    hasher.update(parts.uri.query().unwrap_or_default());
    hasher.update([0]);
    hasher.update(&bytes);
    let fingerprint = hex::encode(hasher.finalize());

    let actor = caller.actor.name.clone();
    let (a, k, f) = (actor.clone(), key.clone(), fingerprint);
    let begin = match state.db(move |s| s.idempotency_begin(&a, &k, &f)).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    match begin {
        IdempotencyBegin::Replay(stored) => replay(stored),
        IdempotencyBegin::Mismatch => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::IdempotencyKeyReused,
            "this Idempotency-Key was used with a different request; use a new key for a new request",
        )
        .into_response(),
        IdempotencyBegin::InFlight => ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::IdempotencyKeyInFlight,
            "a request with this Idempotency-Key is still being processed; retry later",
        )
        .into_response(),
        IdempotencyBegin::Proceed => {
            let response = next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await;
            let status = response.status();
            let (rparts, rbody) = response.into_parts();
            let body = axum::body::to_bytes(rbody, usize::MAX).await.unwrap_or_default();
            // Server errors and rate limits are not final answers: forget the
            // key so a retry runs the request again.
            let keep = !(status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS);
            let stored = keep.then(|| StoredResponse {
                status: status.as_u16(),
                content_type: rparts
                    .headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("application/json")
                    .to_owned(),
                body: body.to_vec(),
            });
            let _ = state.db(move |s| s.idempotency_finish(&actor, &key, stored.as_ref())).await;
            Response::from_parts(rparts, axum::body::Body::from(body))
        }
    }
}

fn replay(stored: StoredResponse) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, stored.body).into_response();
    if let Ok(v) = HeaderValue::from_str(&stored.content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    response.headers_mut().insert("Idempotent-Replayed", HeaderValue::from_static("true"));
    response
}
