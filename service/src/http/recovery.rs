//! The recovery routes: send a code, verify it, set the password. The
//! rules are in `crate::domain`; these handlers parse, run the operation
//! detached from the connection, and answer.

use acctl_api::{ChallengeRequest, PasswordRequest, VerifyRequest};
// The answers' types: the handlers never name them, the OpenAPI annotations do.
#[cfg(feature = "openapi")]
use acctl_api::{Challenge, PasswordChange, VerifyResponse};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::errors::{render, respond};
use super::extract::ApiJson;
use super::idempotency::Keyed;
use super::{AppState, Caller};
use crate::error::ApiResult;

/// Send a verification code to a contact on file.
///
/// The code is queued with the challenge in one transaction and sent at
/// once by the delivery worker, which retries a refused or unreachable
/// gateway; a code that never goes out is audited as `message.deliver`
/// failed and frees the resend cooldown.
#[cfg_attr(feature = "openapi", utoipa::path(post, path = "/v1/accounts/{id}/challenges", tag = "recovery",
    params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")), request_body = ChallengeRequest,
    responses((status = 201, body = Challenge), super::Problems)))]
pub async fn create_challenge(
    State(state): State<AppState>,
    caller: Caller,
    Keyed(key): Keyed,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ChallengeRequest>,
) -> ApiResult<Response> {
    let id = super::account_id(&id)?;
    let op = caller.operator();
    let answered = state
        .run(move |d| d.create_challenge(&op, &id, request.channel, key.as_ref(), &render(StatusCode::CREATED)))
        .await??;
    Ok(respond(answered, StatusCode::CREATED))
}

/// Confirm the code the customer reads back (only the operator who sent it can).
#[cfg_attr(feature = "openapi", utoipa::path(post, path = "/v1/challenges/{id}/verify", tag = "recovery",
    params(("id" = String, Path, description = "`chl_…`")), request_body = VerifyRequest,
    responses((status = 200, body = VerifyResponse), super::Problems)))]
pub async fn verify(
    State(state): State<AppState>,
    caller: Caller,
    Keyed(key): Keyed,
    Path(challenge_id): Path<String>,
    ApiJson(request): ApiJson<VerifyRequest>,
) -> ApiResult<Response> {
    let op = caller.operator();
    let answered = state
        .run(move |d| d.verify_challenge(&op, &challenge_id, &request.code, key.as_ref(), &render(StatusCode::OK)))
        .await?
        .map_err(|e| super::errors::api_error(&e))?;
    Ok(respond(answered, StatusCode::OK))
}

/// Set a new password: `deliver` a temporary one to the customer, or `set`
/// the one in the request.
#[cfg_attr(feature = "openapi", utoipa::path(put, path = "/v1/accounts/{id}/password", tag = "recovery",
    params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")), request_body = PasswordRequest,
    responses((status = 200, body = PasswordChange), super::Problems)))]
pub async fn set_password(
    State(state): State<AppState>,
    caller: Caller,
    Keyed(key): Keyed,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<PasswordRequest>,
) -> ApiResult<Response> {
    let id = super::account_id(&id)?;
    let op = caller.operator();
    let answered =
        state.run(move |d| d.set_password(&op, &id, &request, key.as_ref(), &render(StatusCode::OK))).await??;
    Ok(respond(answered, StatusCode::OK))
}
