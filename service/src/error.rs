//! Errors: what the store and the domain logic can say, and how each one
//! becomes an RFC 9457 problem document on the wire.

use acctl_api::{ErrorCode, PolicyViolation, Problem};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A failure of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot open the database `{path}`")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{0}")]
    Invalid(String),
    #[error("a database worker stopped unexpectedly")]
    Worker,
}

/// An error answered to an API caller.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub detail: String,
    pub attempts_left: Option<u32>,
    pub violations: Option<Vec<PolicyViolation>>,
    pub retry_after: Option<u64>,
    /// `Allow` header of a 405.
    pub allow: Option<&'static str>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            detail: detail.into(),
            attempts_left: None,
            violations: None,
            retry_after: None,
            allow: None,
        }
    }

    pub fn invalid_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, ErrorCode::InvalidRequest, detail)
    }

    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidRequest, detail)
    }

    pub fn unauthenticated(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated, detail)
    }

    pub fn forbidden(scope: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, format!("this token lacks the `{scope}` scope"))
    }

    pub fn account_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::AccountNotFound, "no account matches")
    }

    pub fn rate_limited(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        let mut e = Self::new(StatusCode::TOO_MANY_REQUESTS, ErrorCode::RateLimited, detail);
        e.retry_after = Some(retry_after_secs.max(1));
        e
    }

    /// 503 `service_busy`: the work this needs is saturated; retry after `retry_after_secs`.
    pub fn service_busy(detail: impl Into<String>, retry_after_secs: u64) -> Self {
        let mut e = Self::new(StatusCode::SERVICE_UNAVAILABLE, ErrorCode::ServiceBusy, detail);
        e.retry_after = Some(retry_after_secs.max(1));
        e
    }

    pub fn verification_invalid(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorCode::VerificationInvalid, detail)
    }

    pub fn internal() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, "the service failed; see its log")
    }

    fn title(&self) -> &'static str {
        match self.code {
            ErrorCode::InvalidRequest => "Invalid request",
            ErrorCode::InvalidIdentifier => "Invalid identifier",
            ErrorCode::Unauthenticated => "Not authenticated",
            ErrorCode::Forbidden => "Forbidden",
            ErrorCode::NoRole => "No role",
            ErrorCode::AccountNotFound => "Account not found",
            ErrorCode::ChallengeNotFound => "Challenge not found",
            ErrorCode::NotFound => "Not found",
            ErrorCode::ChannelUnavailable => "Channel unavailable",
            ErrorCode::InvalidCode => "Invalid code",
            ErrorCode::ChallengeExpired => "Challenge expired",
            ErrorCode::ChallengeUsedUp => "Challenge used up",
            ErrorCode::VerificationInvalid => "Verification invalid",
            ErrorCode::PasswordPolicy => "Password rejected by policy",
            ErrorCode::AccountLocked => "Account locked",
            ErrorCode::AccountDisabled => "Account disabled",
            ErrorCode::InvalidCredentials => "Invalid credentials",
            ErrorCode::RateLimited => "Rate limited",
            ErrorCode::ServiceBusy => "Service busy",
            ErrorCode::IdempotencyKeyReused => "Idempotency key reused",
            ErrorCode::IdempotencyKeyInFlight => "Idempotency key in flight",
            ErrorCode::DeliveryFailed => "Delivery failed",
            ErrorCode::MethodNotAllowed => "Method not allowed",
            ErrorCode::UnsupportedMediaType => "Unsupported media type",
            ErrorCode::Internal | ErrorCode::Unknown => "Internal error",
        }
    }

    pub fn to_problem(&self) -> Problem {
        let mut p = Problem::new(self.status.as_u16(), self.code, self.title(), self.detail.clone());
        p.attempts_left = self.attempts_left;
        p.violations = self.violations.clone();
        p.retry_after = self.retry_after;
        p
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(detail) => ApiError::unprocessable(detail),
            other => {
                tracing::error!(error = %other, cause = ?std::error::Error::source(&other), "storage failure");
                ApiError::internal()
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = problem_response(&self.to_problem());
        if let Some(allow) = self.allow {
            response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}

/// Renders a problem document with its status, media type and, for
/// `rate_limited` and `service_busy`, the `Retry-After` header.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(acctl_api::PROBLEM_JSON));
    if let Some(secs) = problem.retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}
