//! The audit log, customer sign-in, the sandbox outbox and the API document.

use acctl_api::{
    AccountStatus, AuditAction, AuditOutcome, AuditPage, AuditQuery, ErrorCode, LoginRequest, LoginResponse, Outbox,
    scope,
};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;

use super::extract::{ApiJson, ApiQuery};
use super::{AppState, Caller, RequestId};
use crate::clock::to_ms;
use crate::error::{ApiError, ApiResult};
use crate::store::{AuditFilter, LoginOutcome, NewAuditEvent};

/// Audit events, newest first.
#[utoipa::path(get, path = "/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, body = AuditPage), super::Problems))]
pub async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> ApiResult<Json<AuditPage>> {
    caller.require(scope::AUDIT_READ)?;
    let all = caller.role().has(scope::AUDIT_READ_ALL);
    let actor = match q.actor {
        Some(a) if !all && a != caller.actor.name => {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "reading another operator's audit events needs the `audit:read_all` scope",
            ));
        }
        Some(a) => Some(a),
        None if all => None,
        None => Some(caller.actor.name.clone()),
    };
    let action = q.action.map(|a| a.parse::<AuditAction>().map_err(ApiError::invalid_request)).transpose()?;
    let now_ms = state.store.clock().now_ms();
    let since_ms = q
        .since
        .map(|s| {
            parse_since(&s, now_ms).ok_or_else(|| {
                ApiError::invalid_request(
                    "`since` must be an RFC 3339 time (2026-11-27T08:00:00Z) or an age (30m, 24h, 7d)",
                )
            })
        })
        .transpose()?;
    let before_id = q
        .cursor
        .map(|c| c.parse::<i64>().map_err(|_| ApiError::invalid_request("`cursor` is not a cursor this service gave")))
        .transpose()?;
    let limit = q.limit.unwrap_or(100);
    if !(1..=acctl_api::AUDIT_PAGE_MAX).contains(&limit) {
        return Err(ApiError::invalid_request(format!("`limit` must be 1 to {}", acctl_api::AUDIT_PAGE_MAX)));
    }
    let filter = AuditFilter { account_id: q.account_id, actor, action, since_ms, before_id, limit };
    let (events, more) = state.db(move |s| s.list_audit(&filter)).await?;
    let next_cursor = if more { events.last().map(|e| e.id.to_string()) } else { None };
    Ok(Json(AuditPage { events, next_cursor }))
}

/// `since` as milliseconds: an RFC 3339 time, or an age before `now_ms`.
fn parse_since(s: &str, now_ms: i64) -> Option<i64> {
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Some(to_ms(t));
    }
    let unit_ms = match s.chars().last()? {
        's' => 1_000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        _ => return None,
    };
    let n: i64 = s[..s.len() - 1].parse().ok().filter(|n| *n >= 0)?;
    Some(now_ms - n.checked_mul(unit_ms)?)
}

/// The customer's own sign-in (lets tests and trainees prove a reset worked).
#[utoipa::path(post, path = "/v1/auth/login", tag = "customers", request_body = LoginRequest, security(()),
    responses((status = 200, body = LoginResponse), super::Problems))]
pub async fn login(
    State(state): State<AppState>,
    axum::Extension(RequestId(request_id)): axum::Extension<RequestId>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> ApiResult<Json<LoginResponse>> {
    let ident = super::identifier(request.identifier.kind, &request.identifier.value)?;
    let password = request.password;
    let outcome = state.db(move |s| s.login(ident.kind, &ident.value, &password)).await?;
    let (account_id, audit_outcome, result) = match outcome {
        LoginOutcome::Ok { account_id, must_change_password, session_id } => (
            Some(account_id.clone()),
            AuditOutcome::Success,
            Ok(LoginResponse { account_id, must_change_password, session_id }),
        ),
        LoginOutcome::BadCredentials { account_id } => (
            account_id,
            AuditOutcome::Failed,
            Err(ApiError::new(StatusCode::UNAUTHORIZED, ErrorCode::InvalidCredentials, "wrong identifier or password")),
        ),
        LoginOutcome::NotActive { account_id, status } => {
            let (code, what) = if status == AccountStatus::Locked {
                (ErrorCode::AccountLocked, "locked")
            } else {
                (ErrorCode::AccountDisabled, "disabled")
            };
            (
                Some(account_id),
                AuditOutcome::Denied,
                Err(ApiError::new(StatusCode::FORBIDDEN, code, format!("the account is {what}"))),
            )
        }
    };
    // Failed sign-ins to unknown accounts are not recorded: the log would
    // fill with noise and say nothing about any account.
    if let Some(account_id) = account_id {
        let detail = result.as_ref().err().map(|e| format!("error={}", e.code));
        let record = state
            .db(move |s| {
                s.record_audit(&NewAuditEvent {
                    actor: "customer",
                    action: AuditAction::Login,
                    account_id: Some(&account_id),
                    reason: None,
                    ticket: None,
                    request_id: &request_id,
                    outcome: audit_outcome,
                    detail,
                })
            })
            .await;
        if let Err(e) = record {
            tracing::error!(detail = %e.detail, "could not write an audit event");
        }
    }
    result.map(Json)
}

#[cfg(test)]
mod tests {
    #[test]
    fn since_takes_a_time_or_an_age() {
        let now = 1_000_000_000;
        assert_eq!(super::parse_since("24h", now), Some(now - 86_400_000));
        assert_eq!(super::parse_since("30m", now), Some(now - 1_800_000));
        assert_eq!(super::parse_since("1970-01-01T00:00:01Z", now), Some(1000));
        assert_eq!(super::parse_since("-1h", now), None);
        assert_eq!(super::parse_since("soon", now), None);
        assert_eq!(super::parse_since("", now), None);
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OutboxQuery {
    /// Only messages to this account.
    pub account_id: Option<String>,
    /// Only messages with a larger id (to follow the outbox).
    #[param(minimum = 0)]
    pub after: Option<i64>,
}

/// Every message the sandbox "sent", oldest first (sandbox mode only).
#[utoipa::path(get, path = "/v1/sandbox/outbox", tag = "sandbox", params(OutboxQuery), security(()),
    responses((status = 200, body = Outbox), super::Problems))]
pub async fn outbox(State(state): State<AppState>, ApiQuery(q): ApiQuery<OutboxQuery>) -> ApiResult<Json<Outbox>> {
    if !state.sandbox {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "the outbox is served only when the service runs with --sandbox",
        ));
    }
    if q.after.is_some_and(|a| a < 0) {
        return Err(ApiError::invalid_request("`after` must be a message id (0 or more)"));
    }
    let messages = state.db(move |s| s.list_messages(q.account_id.as_deref(), q.after)).await?;
    Ok(Json(Outbox { messages }))
}

/// This API's OpenAPI document.
pub async fn openapi(State(state): State<AppState>) -> Response {
    let mut response = state.openapi_json.to_string().into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}
