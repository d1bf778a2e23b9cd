//! How domain outcomes become HTTP answers: [`DomainError`] to problem
//! documents, and an operation's result to the response that is sent and
//! stored under its idempotency key.

use acctl_api::ErrorCode;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::domain::{Answered, DomainError};
use crate::error::{ApiError, StoreError};
use crate::store::StoredResponse;

/// The problem document for a domain error.
pub(crate) fn api_error(e: &DomainError) -> ApiError {
    let status = match e {
        DomainError::MissingScope(scope) => return ApiError::forbidden(scope),
        DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
        DomainError::AccountNotFound => return ApiError::account_not_found(),
        DomainError::ChallengeNotFound => StatusCode::NOT_FOUND,
        DomainError::ChannelUnavailable(_)
        | DomainError::AccountLocked(_)
        | DomainError::AccountDisabled
        | DomainError::ChallengeUsedUp(_) => StatusCode::CONFLICT,
        DomainError::RateLimited { detail, retry_after_secs } => {
            return ApiError::rate_limited(detail.clone(), *retry_after_secs);
        }
        DomainError::ChallengeExpired(_) => StatusCode::GONE,
        DomainError::InvalidCode { attempts_left } => {
            let detail = if *attempts_left == 0 {
                "the code is wrong and no tries are left; send a new code".to_owned()
            } else if *attempts_left == 1 {
                "the code is wrong; 1 try left".to_owned()
            } else {
                format!("the code is wrong; {attempts_left} tries left")
            };
            let mut error = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidCode, detail);
            error.attempts_left = Some(*attempts_left);
            return error;
        }
        DomainError::VerificationInvalid(detail) => return ApiError::verification_invalid(detail.clone()),
        DomainError::PasswordPolicy(violations) => {
            let mut error = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::PasswordPolicy, e.to_string());
            error.violations = Some(violations.clone());
            return error;
        }
        DomainError::Unprocessable(detail) => return ApiError::unprocessable(detail.clone()),
        DomainError::Store(StoreError::Invalid(detail)) => return ApiError::unprocessable(detail.clone()),
        DomainError::Store(other) => {
            tracing::error!(error = %other, "storage failure");
            return ApiError::internal();
        }
    };
    ApiError::new(status, e.code(), e.to_string())
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        api_error(&e)
    }
}

/// The response an outcome gets (`ok` on success), as stored for replays.
pub(crate) fn render<T: Serialize>(ok: StatusCode) -> impl Fn(&Result<T, DomainError>) -> StoredResponse + Sync {
    move |result| match result {
        Ok(value) => StoredResponse {
            status: ok.as_u16(),
            content_type: "application/json".to_owned(),
            body: serde_json::to_vec(value).unwrap_or_default(),
        },
        Err(e) => {
            let problem = api_error(e).to_problem();
            StoredResponse {
                status: problem.status,
                content_type: acctl_api::PROBLEM_JSON.to_owned(),
                body: serde_json::to_vec(&problem).unwrap_or_default(),
            }
        }
    }
}

/// The HTTP answer to an operation run under an optional idempotency key.
pub(crate) fn respond<T: Serialize>(answered: Answered<T>, ok: StatusCode) -> Response {
    match answered {
        Answered::Fresh(Ok(value)) => (ok, Json(value)).into_response(),
        Answered::Fresh(Err(e)) => api_error(&e).into_response(),
        Answered::Replay(stored) => replay(stored),
        Answered::KeyReused => super::idempotency::key_reused().into_response(),
        Answered::KeysExhausted { retry_after_secs } => ApiError::rate_limited(
            "this token has stored as many idempotent answers as it may keep; retry when older ones expire",
            retry_after_secs,
        )
        .into_response(),
    }
}

/// A stored answer, marked as a replay.
pub(crate) fn replay(stored: StoredResponse) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, stored.body).into_response();
    if let Ok(v) = HeaderValue::from_str(&stored.content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    response.headers_mut().insert("Idempotent-Replayed", HeaderValue::from_static("true"));
    response
}
