//! Errors: the RFC 9457 problem document and its stable error codes.

use serde::{Deserialize, Serialize};
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use super::PolicyViolation;

/// Stable machine-readable error codes (the `code` member of a problem).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body, a query parameter or a header is malformed.
    InvalidRequest,
    /// An identifier is not a valid email, phone number or account ID.
    InvalidIdentifier,
    /// No or unknown bearer token.
    Unauthenticated,
    /// The token lacks the scope this needs.
    Forbidden,
    /// A valid access token from the OpenID Connect provider whose role
    /// claim names no role this service knows (agent, sre, admin).
    NoRole,
    AccountNotFound,
    ChallengeNotFound,
    /// No route here.
    NotFound,
    /// The account has no contact on file for that channel.
    ChannelUnavailable,
    InvalidCode,
    ChallengeExpired,
    /// Too many wrong codes, or already verified.
    ChallengeUsedUp,
    /// Missing, expired, used or foreign verification token.
    VerificationInvalid,
    PasswordPolicy,
    AccountLocked,
    AccountDisabled,
    InvalidCredentials,
    RateLimited,
    /// The service is saturated (every password check taken); retry after `Retry-After`.
    ServiceBusy,
    /// The same Idempotency-Key came with a different request.
    IdempotencyKeyReused,
    /// A request with the same Idempotency-Key is still being processed.
    IdempotencyKeyInFlight,
    /// The message could not be handed to the SMTP server or SMS webhook.
    DeliveryFailed,
    MethodNotAllowed,
    UnsupportedMediaType,
    Internal,
    /// A code this client does not know yet.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::InvalidIdentifier => "invalid_identifier",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NoRole => "no_role",
            ErrorCode::AccountNotFound => "account_not_found",
            ErrorCode::ChallengeNotFound => "challenge_not_found",
            ErrorCode::NotFound => "not_found",
            ErrorCode::ChannelUnavailable => "channel_unavailable",
            ErrorCode::InvalidCode => "invalid_code",
            ErrorCode::ChallengeExpired => "challenge_expired",
            ErrorCode::ChallengeUsedUp => "challenge_used_up",
            ErrorCode::VerificationInvalid => "verification_invalid",
            ErrorCode::PasswordPolicy => "password_policy",
            ErrorCode::AccountLocked => "account_locked",
            ErrorCode::AccountDisabled => "account_disabled",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServiceBusy => "service_busy",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::IdempotencyKeyInFlight => "idempotency_key_in_flight",
            ErrorCode::DeliveryFailed => "delivery_failed",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::Internal => "internal",
            ErrorCode::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An RFC 9457 problem document, with acctl's extension members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: ErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `invalid_code`: wrong tries left on the challenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// `password_policy`: every rule the password broke.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violations: Option<Vec<PolicyViolation>>,
    /// `rate_limited`, `service_busy`: seconds until a retry may succeed (also `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl Problem {
    pub fn new(status: u16, code: ErrorCode, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Problem {
            type_: format!("https://acctl.dev/problems/{}", code.as_str().replace('_', "-")),
            title: title.into(),
            status,
            detail: detail.into(),
            code,
            request_id: None,
            attempts_left: None,
            violations: None,
            retry_after: None,
        }
    }
}
