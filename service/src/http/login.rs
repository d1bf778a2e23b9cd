//! `POST /v1/auth/login`: the customer's own sign-in.

use acctl_api::{AccountStatus, AuditAction, AuditOutcome, ErrorCode, LoginRequest, LoginResponse};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;

use super::extract::ApiJson;
use super::{AppState, RequestId};
use crate::error::{ApiError, ApiResult};
use crate::store::{LoginOutcome, NewAuditEvent};
use crate::throttle::ThrottledBy;

/// The customer's own sign-in (lets tests and trainees prove a reset worked).
///
/// Unauthenticated, so it guards itself: the throttle (`crate::throttle`)
/// answers repeated failures with 429 before any password is checked; a
/// password longer than [`acctl_api::PASSWORD_MAX_BYTES`] fails without being
/// normalised or hashed; and when every hashing worker and its short queue
/// are taken (`crate::hashing`), the answer is a fast 503 `service_busy`
/// instead of another waiting hash.
#[cfg_attr(feature = "openapi", utoipa::path(post, path = "/v1/auth/login", tag = "customers", request_body = LoginRequest, security(()),
    responses((status = 200, body = LoginResponse), super::Problems)))]
pub async fn login(
    State(state): State<AppState>,
    axum::Extension(RequestId(request_id)): axum::Extension<RequestId>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> ApiResult<Json<LoginResponse>> {
    let ident = super::identifier(request.identifier.kind, &request.identifier.value)?;
    let ip = peer.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |p| p.0.0.ip());
    let audit = Audit { state: state.clone(), request_id };
    // A short indexed read: the throttle counts per account, whichever
    // identifier names it (see `crate::throttle` for unknown ones).
    let known_id = {
        let (kind, value) = (ident.kind, ident.value.clone());
        state.db_now(move |s| s.find_account(kind, &value))?.map(|(row, _)| row.id)
    };
    let key = known_id.clone().unwrap_or_else(|| ident.to_string());
    let throttle = &state.login_throttle;
    if let Err(held) = throttle.check(&key, ip) {
        if held.first_in_wait {
            let detail =
                format!("error=rate_limited throttled={} retry_after={}", held.by.as_str(), held.retry_after_secs);
            audit.record(known_id.clone(), AuditOutcome::Denied, Some(detail)).await;
        }
        let whose = match held.by {
            ThrottledBy::Account => "for this account",
            ThrottledBy::Source => "from this address",
        };
        return Err(ApiError::rate_limited(
            format!("too many failed sign-ins {whose}; try again in {} s", held.retry_after_secs),
            held.retry_after_secs,
        ));
    }
    if request.password.len() > acctl_api::PASSWORD_MAX_BYTES {
        // No stored password is this long (the policy refuses it), so it is
        // wrong without normalising or hashing it.
        throttle.record_failure(&key, ip);
        let detail = Some("error=invalid_credentials password_too_long".to_owned());
        audit.record(known_id, AuditOutcome::Failed, detail).await;
        return Err(invalid_credentials());
    }
    let Ok(permit) = Arc::clone(&state.login_admission).try_acquire_owned() else {
        return Err(ApiError::service_busy("every password check is taken; try again in a second", 1));
    };
    let password = request.password;
    let outcome = state.db(move |s| s.login(ident.kind, &ident.value, &password)).await;
    drop(permit);
    let (account_id, audit_outcome, result) = match outcome? {
        LoginOutcome::Ok { account_id, must_change_password, session_id } => {
            throttle.record_success(&account_id, ip);
            (
                Some(account_id.clone()),
                AuditOutcome::Success,
                Ok(LoginResponse { account_id, must_change_password, session_id }),
            )
        }
        LoginOutcome::BadCredentials { account_id } => {
            throttle.record_failure(&key, ip);
            (account_id, AuditOutcome::Failed, Err(invalid_credentials()))
        }
        LoginOutcome::NotActive { account_id, status } => {
            // The password was right: not a guess to count.
            throttle.record_success(&account_id, ip);
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
    let detail = result.as_ref().err().map(|e| format!("error={}", e.code));
    audit.record(account_id, audit_outcome, detail).await;
    result.map(Json)
}

fn invalid_credentials() -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, ErrorCode::InvalidCredentials, "wrong identifier or password")
}

/// Writes `login` audit events for one request.
struct Audit {
    state: AppState,
    request_id: String,
}

impl Audit {
    /// Records the attempt on `account_id`. Failed sign-ins to unknown
    /// accounts are not recorded: the log would fill with noise and say
    /// nothing about any account.
    async fn record(&self, account_id: Option<String>, outcome: AuditOutcome, detail: Option<String>) {
        let Some(account_id) = account_id else { return };
        let request_id = self.request_id.clone();
        let record = self
            .state
            .db(move |s| {
                s.record_audit(&NewAuditEvent {
                    actor: "customer",
                    actor_email: None,
                    action: AuditAction::Login,
                    account_id: Some(&account_id),
                    reason: None,
                    ticket: None,
                    request_id: &request_id,
                    outcome,
                    detail,
                })
            })
            .await;
        if let Err(e) = record {
            tracing::error!(detail = %e.detail, "could not write an audit event");
        }
    }
}
