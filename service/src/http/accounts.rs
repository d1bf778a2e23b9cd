//! Reading accounts, and the SRE actions on them (lock, unlock, sessions).

use acctl_api::{
    Account, AccountStatus, AuditAction, AuditOutcome, BatchLookupRequest, BatchLookupResponse, BatchLookupResult,
    ErrorCode, Identifier, IdentifierKind, ItemError, Whoami, scope,
};
// The answer's type: the handler never names it, its OpenAPI annotation does.
#[cfg(feature = "openapi")]
use acctl_api::SessionsRevoked;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::errors::{render, respond};
use super::extract::{ApiJson, ApiQuery};
use super::idempotency::Keyed;
use super::{AppState, Caller};
use crate::domain::AuditRecord;
use crate::error::{ApiError, ApiResult};
use crate::store::AccountRow;

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct RevealQuery {
    /// Unmasked email and phone (needs `accounts:pii`; audited).
    #[serde(default)]
    pub reveal: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct FindQuery {
    /// Exact email (domain case-insensitive, IDNA-normalised).
    pub email: Option<String>,
    /// Phone number in E.164 (`+8613800138000`).
    pub phone: Option<String>,
    #[serde(default)]
    pub reveal: Option<bool>,
}

/// Who the token belongs to.
#[cfg_attr(feature = "openapi", utoipa::path(get, path = "/v1/whoami", tag = "operators",
    responses((status = 200, body = Whoami), super::Problems)))]
pub async fn whoami(caller: Caller) -> Json<Whoami> {
    let role = caller.role();
    let provider = caller.provider.clone();
    Json(Whoami {
        actor: caller.actor.name.clone(),
        role,
        scopes: role.scopes().iter().map(|s| (*s).to_owned()).collect(),
        issuer: provider.as_ref().map(|p| p.issuer.clone()),
        subject: provider.as_ref().map(|p| p.subject.clone()),
        email: provider.as_ref().and_then(|p| p.email.clone()),
        name: provider.as_ref().and_then(|p| p.name.clone()),
        token_expires_at: provider.map(|p| crate::clock::from_ms(p.expires_at_ms)),
    })
}

/// Checks the reveal permission; a refused reveal is audited too.
async fn reveal_allowed(state: &AppState, caller: &Caller, reveal: bool, account_id: Option<&str>) -> ApiResult<bool> {
    if !reveal {
        return Ok(false);
    }
    if let Err(e) = caller.require(scope::ACCOUNTS_PII) {
        audit(
            state,
            caller,
            AuditAction::AccountReveal,
            account_id,
            AuditOutcome::Denied,
            Some("error=forbidden".into()),
        )
        .await;
        return Err(e);
    }
    Ok(true)
}

/// Records a reveal (or a refused one); reads change nothing else, so the
/// event is written on its own.
async fn audit(
    state: &AppState,
    caller: &Caller,
    action: AuditAction,
    account_id: Option<&str>,
    outcome: AuditOutcome,
    detail: Option<String>,
) {
    let op = caller.operator();
    let record = AuditRecord { action, account_id: account_id.map(str::to_owned), outcome, detail };
    let result = state.db(move |s| crate::domain::audit::record(s, &op, &record)).await;
    if let Err(e) = result {
        tracing::error!(detail = %e.detail, "could not write an audit event");
    }
}

async fn answer(
    state: &AppState,
    caller: &Caller,
    row: AccountRow,
    devices: Vec<acctl_api::Device>,
    reveal: bool,
) -> Account {
    if reveal {
        audit(state, caller, AuditAction::AccountReveal, Some(&row.id), AuditOutcome::Success, None).await;
    }
    row.to_api(devices, reveal)
}

/// One account by ID.
#[cfg_attr(feature = "openapi", utoipa::path(get, path = "/v1/accounts/{id}", tag = "accounts", params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice"), RevealQuery),
    responses((status = 200, body = Account), super::Problems)))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<RevealQuery>,
) -> ApiResult<Json<Account>> {
    if split_action(&id).is_some() {
        return Err(super::method_not_allowed("POST"));
    }
    caller.require(scope::ACCOUNTS_READ)?;
    let value = super::account_id(&id)?;
    let reveal = reveal_allowed(&state, &caller, q.reveal.unwrap_or(false), Some(&value)).await?;
    let (row, devices) =
        state.db_now(|s| s.find_account(IdentifierKind::Id, &value))?.ok_or_else(ApiError::account_not_found)?;
    Ok(Json(answer(&state, &caller, row, devices, reveal).await))
}

/// Find an account by email or phone (exactly one of them).
#[cfg_attr(feature = "openapi", utoipa::path(get, path = "/v1/accounts", tag = "accounts", params(FindQuery),
    responses((status = 200, body = Account), super::Problems)))]
pub async fn find(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<FindQuery>,
) -> ApiResult<Json<Account>> {
    caller.require(scope::ACCOUNTS_READ)?;
    let (kind, value) = match (&q.email, &q.phone) {
        (Some(e), None) => (IdentifierKind::Email, e),
        (None, Some(p)) => (IdentifierKind::Phone, p),
        _ => return Err(ApiError::invalid_request("give exactly one of the `email` and `phone` query parameters")),
    };
    let ident = super::identifier(kind, value)?;
    let reveal = reveal_allowed(&state, &caller, q.reveal.unwrap_or(false), None).await?;
    let (row, devices) =
        state.db_now(|s| s.find_account(ident.kind, &ident.value))?.ok_or_else(ApiError::account_not_found)?;
    Ok(Json(answer(&state, &caller, row, devices, reveal).await))
}

/// Up to 500 lookups in one request; one result per identifier, in order.
#[cfg_attr(feature = "openapi", utoipa::path(post, path = "/v1/accounts:batchLookup", tag = "accounts", params(RevealQuery), request_body = BatchLookupRequest,
    responses((status = 200, body = BatchLookupResponse), super::Problems)))]
pub async fn batch_lookup(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<RevealQuery>,
    ApiJson(request): ApiJson<BatchLookupRequest>,
) -> ApiResult<Json<BatchLookupResponse>> {
    caller.require(scope::ACCOUNTS_READ)?;
    let n = request.identifiers.len();
    if n == 0 || n > acctl_api::BATCH_LOOKUP_MAX {
        return Err(ApiError::unprocessable(format!(
            "a batch holds 1 to {} identifiers; this one has {n}",
            acctl_api::BATCH_LOOKUP_MAX
        )));
    }
    let reveal = reveal_allowed(&state, &caller, q.reveal.unwrap_or(false), None).await?;
    let normalized: Vec<Result<Identifier, String>> = request
        .identifiers
        .iter()
        .map(|i| Identifier::normalized(i.kind, &i.value, None).map_err(|e| e.to_string()))
        .collect();
    let queries: Vec<(IdentifierKind, String)> =
        normalized.iter().filter_map(|r| r.as_ref().ok()).map(|i| (i.kind, i.value.clone())).collect();
    let mut found = state.db(move |s| s.find_accounts(&queries)).await?.into_iter();
    let mut results = Vec::with_capacity(n);
    for (input, norm) in request.identifiers.into_iter().zip(normalized) {
        let result = match norm {
            Err(detail) => BatchLookupResult {
                input,
                account: None,
                error: Some(ItemError { code: ErrorCode::InvalidIdentifier, detail }),
            },
            Ok(_) => match found.next().flatten() {
                Some((row, devices)) => {
                    let account = answer(&state, &caller, row, devices, reveal).await;
                    BatchLookupResult { input, account: Some(account), error: None }
                }
                None => BatchLookupResult {
                    input,
                    account: None,
                    error: Some(ItemError { code: ErrorCode::AccountNotFound, detail: "no account matches".into() }),
                },
            },
        };
        results.push(result);
    }
    Ok(Json(BatchLookupResponse { results }))
}

/// `POST /v1/accounts/{id}:lock` and `:unlock` share one route (the action
/// is part of the last path segment).
pub async fn action(
    State(state): State<AppState>,
    caller: Caller,
    Keyed(key): Keyed,
    Path(target): Path<String>,
) -> ApiResult<Response> {
    let Some((id, status)) = split_action(&target) else { return Err(super::method_not_allowed("GET, HEAD")) };
    let id = super::account_id(id)?;
    let op = caller.operator();
    let answered = state.run(move |d| d.set_status(&op, &id, status, key.as_ref(), &render(StatusCode::OK))).await??;
    Ok(respond(answered, StatusCode::OK))
}

/// `acc_x:lock` → (`acc_x`, Locked); `acc_x:unlock` → (`acc_x`, Active).
fn split_action(target: &str) -> Option<(&str, AccountStatus)> {
    match target.rsplit_once(':')? {
        (id, "lock") => Some((id, AccountStatus::Locked)),
        (id, "unlock") => Some((id, AccountStatus::Active)),
        _ => None,
    }
}

/// Other methods on `/v1/accounts/{id}` (and `{id}:lock`/`:unlock`, which
/// share its route): 405 naming what the documented resource takes.
pub async fn other_method(Path(target): Path<String>) -> ApiError {
    super::method_not_allowed(if split_action(&target).is_some() { "POST" } else { "GET, HEAD" })
}

/// Lock an account: sign-ins and resets by verification stop until unlocked.
#[cfg(feature = "openapi")]
#[utoipa::path(post, path = "/v1/accounts/{id}:lock", tag = "accounts", params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")),
    responses((status = 200, body = Account), super::Problems))]
#[allow(dead_code)]
fn lock_doc() {}

/// Unlock a locked account.
#[cfg(feature = "openapi")]
#[utoipa::path(post, path = "/v1/accounts/{id}:unlock", tag = "accounts", params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")),
    responses((status = 200, body = Account), super::Problems))]
#[allow(dead_code)]
fn unlock_doc() {}

/// Sign the customer out everywhere.
#[cfg_attr(feature = "openapi", utoipa::path(post, path = "/v1/accounts/{id}/sessions:revoke", tag = "accounts", params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")),
    responses((status = 200, body = SessionsRevoked), super::Problems)))]
pub async fn revoke_sessions(
    State(state): State<AppState>,
    caller: Caller,
    Keyed(key): Keyed,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let id = super::account_id(&id)?;
    let op = caller.operator();
    let answered = state.run(move |d| d.revoke_sessions(&op, &id, key.as_ref(), &render(StatusCode::OK))).await??;
    Ok(respond(answered, StatusCode::OK))
}
