//! The recovery flow: send a code, verify it, set the password.

use acctl_api::{
    AccountStatus, AuditAction, AuditOutcome, Challenge, ChallengeRequest, ErrorCode, IdentifierKind, MessageKind,
    PasswordChange, PasswordMode, PasswordRequest, VerifyRequest, VerifyResponse, scope,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::accounts::audit;
use super::caller::outcome_of;
use super::extract::ApiJson;
use super::{AppState, Caller};
use crate::clock::from_ms;
use crate::delivery::{DeliveryError, Outgoing};
use crate::error::{ApiError, ApiResult};
use crate::store::RESEND_COOLDOWN_MS;
use crate::store::{PasswordChangeRequest, VerifyOutcome};

fn delivery_failed(e: &DeliveryError) -> ApiError {
    match e {
        DeliveryError::Store(_) => ApiError::internal(),
        other => ApiError::new(StatusCode::BAD_GATEWAY, ErrorCode::DeliveryFailed, other.to_string()),
    }
}

/// Send a verification code to a contact on file.
#[utoipa::path(post, path = "/v1/accounts/{id}/challenges", tag = "recovery",
    params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")), request_body = ChallengeRequest,
    responses((status = 201, body = Challenge), super::Problems))]
pub async fn create_challenge(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ChallengeRequest>,
) -> ApiResult<Response> {
    let id = super::account_id(&id)?;
    let channel = request.channel;
    let result = async {
        caller.require(scope::CHALLENGES)?;
        let (target, actor) = (id.clone(), caller.actor.name.clone());
        let created = state.db(move |s| s.create_challenge(&target, channel, &actor)).await?;
        let to = created.account.contact(channel).unwrap_or_default().to_owned();
        let sent = state
            .delivery
            .send(Outgoing {
                account_id: &created.account.id,
                channel,
                to: &to,
                kind: MessageKind::VerificationCode,
                secret: Some(&created.code),
            })
            .await;
        if let Err(e) = sent {
            let challenge_id = created.id.clone();
            let _ = state.db(move |s| s.mark_undelivered(&challenge_id)).await;
            let error = delivery_failed(&e);
            audit(
                &state,
                &caller,
                AuditAction::MessageDeliver,
                Some(&id),
                AuditOutcome::Failed,
                Some(format!("channel={channel} {e}")),
            )
            .await;
            return Err(error);
        }
        Ok(Challenge {
            challenge_id: created.id,
            account_id: created.account.id.clone(),
            channel,
            destination: crate::store::mask_contact(channel, &to),
            expires_at: from_ms(created.expires_at),
            resend_after: from_ms(created.created_at + RESEND_COOLDOWN_MS),
            attempts_left: created.attempts_left,
        })
    }
    .await;
    let (outcome, detail) = outcome_of(&result);
    let detail = Some(format!("channel={channel}{}", detail.map(|d| format!(" {d}")).unwrap_or_default()));
    audit(&state, &caller, AuditAction::ChallengeCreate, Some(&id), outcome, detail).await;
    Ok((StatusCode::CREATED, Json(result?)).into_response())
}

/// Confirm the code the customer reads back.
#[utoipa::path(post, path = "/v1/challenges/{id}/verify", tag = "recovery",
    params(("id" = String, Path, description = "`chl_…`")), request_body = VerifyRequest,
    responses((status = 200, body = VerifyResponse), super::Problems))]
pub async fn verify(
    State(state): State<AppState>,
    caller: Caller,
    Path(challenge_id): Path<String>,
    ApiJson(request): ApiJson<VerifyRequest>,
) -> ApiResult<Json<VerifyResponse>> {
    caller.require(scope::CHALLENGES)?;
    let actor = caller.actor.name.clone();
    let cid = challenge_id.clone();
    let outcome = state.db(move |s| s.verify_challenge(&cid, &request.code, &actor)).await;
    let (account_id, audit_outcome, detail, result) = match outcome {
        Ok(VerifyOutcome::Verified { account_id, channel, token, expires_at }) => (
            Some(account_id),
            AuditOutcome::Success,
            format!("challenge={challenge_id} channel={channel} status=verified"),
            Ok(VerifyResponse::Verified { verification_token: token, token_expires_at: from_ms(expires_at) }),
        ),
        Ok(VerifyOutcome::MoreRequired { account_id, channel, remaining }) => (
            Some(account_id),
            AuditOutcome::Success,
            format!("challenge={challenge_id} channel={channel} status=more_required"),
            Ok(VerifyResponse::MoreRequired { remaining_channels: remaining }),
        ),
        Ok(VerifyOutcome::Wrong { account_id, channel, attempts_left }) => {
            let mut e = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidCode,
                if attempts_left == 0 {
                    "the code is wrong and no tries are left; send a new code".to_owned()
                } else {
                    format!("the code is wrong; {attempts_left} tries left")
                },
            );
            e.attempts_left = Some(attempts_left);
            (
                Some(account_id),
                AuditOutcome::Failed,
                format!("challenge={challenge_id} channel={channel} error=invalid_code attempts_left={attempts_left}"),
                Err(e),
            )
        }
        Err(e) => {
            let detail = format!("challenge={challenge_id} error={}", e.code);
            (None, AuditOutcome::Failed, detail, Err(e))
        }
    };
    audit(&state, &caller, AuditAction::ChallengeVerify, account_id.as_deref(), audit_outcome, Some(detail)).await;
    result.map(Json)
}

/// Set a new password: `deliver` a temporary one to the customer, or `set`
/// the one in the request.
#[utoipa::path(put, path = "/v1/accounts/{id}/password", tag = "recovery",
    params(("id" = String, Path, description = "`acc_…`", pattern = "^acc_[a-z0-9]{6,64}$", example = "acc_demoalice")), request_body = PasswordRequest,
    responses((status = 200, body = PasswordChange), super::Problems))]
pub async fn set_password(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<PasswordRequest>,
) -> ApiResult<Json<PasswordChange>> {
    let id = super::account_id(&id)?;
    let forced = request.verification_token.is_none();
    let mode = request.mode;
    let result = change_password(&state, &caller, &id, request).await;
    let (outcome, error) = outcome_of(&result);
    let mut detail = format!("mode={}", if mode == PasswordMode::Deliver { "deliver" } else { "set" });
    if forced {
        detail.push_str(" force");
    }
    if let Ok(change) = &result {
        detail.push_str(&format!(" sessions_revoked={}", change.sessions_revoked));
    }
    if let Some(error) = error {
        detail.push(' ');
        detail.push_str(&error);
    }
    audit(&state, &caller, AuditAction::PasswordSet, Some(&id), outcome, Some(detail)).await;
    result.map(Json)
}

async fn change_password(
    state: &AppState,
    caller: &Caller,
    id: &str,
    request: PasswordRequest,
) -> ApiResult<PasswordChange> {
    match (request.mode, &request.password) {
        (PasswordMode::Deliver, Some(_)) => {
            return Err(ApiError::unprocessable("`deliver` makes its own password: leave out `password`"));
        }
        (PasswordMode::Set, None) => return Err(ApiError::unprocessable("`set` needs `password`")),
        _ => {}
    }
    let target = id.to_owned();
    let (account, _) = state
        .db(move |s| s.find_account(IdentifierKind::Id, &target))
        .await?
        .ok_or_else(ApiError::account_not_found)?;
    if account.status == AccountStatus::Disabled {
        return Err(ApiError::new(StatusCode::CONFLICT, ErrorCode::AccountDisabled, "the account is disabled"));
    }
    let token_hash = request.verification_token.as_deref().map(crate::secrets::sha256_hex);
    let verified_channel = match &token_hash {
        Some(hash) => {
            caller.require(scope::PASSWORD_VERIFIED)?;
            let (hash, target, actor) = (hash.clone(), id.to_owned(), caller.actor.name.clone());
            let channel = state.db(move |s| s.check_verification_token(&hash, &target, &actor)).await?;
            if account.status == AccountStatus::Locked {
                return Err(ApiError::new(StatusCode::CONFLICT, ErrorCode::AccountLocked, "the account is locked"));
            }
            Some(channel)
        }
        None => {
            caller.require(scope::PASSWORD_FORCE).map_err(|_| {
                ApiError::new(
                    StatusCode::FORBIDDEN,
                    ErrorCode::Forbidden,
                    "a reset without a verification token needs the `password:force` scope; verify a code first",
                )
            })?;
            None
        }
    };

    // The new password: checked against the policy, or made up and delivered.
    let (password, deliver_channel) = match request.mode {
        PasswordMode::Set => {
            let given = request.password.unwrap_or_default();
            let ctx = crate::policy::PolicyContext {
                email: account.email.as_deref(),
                phone: account.phone.as_deref(),
                mfa: account.mfa,
            };
            let normalized = crate::policy::check(&given, &ctx).map_err(|violations| {
                let mut e = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ErrorCode::PasswordPolicy,
                    format!("the password breaks {} rule(s) of the password policy", violations.len()),
                );
                e.violations = Some(violations);
                e
            })?;
            (normalized, None)
        }
        PasswordMode::Deliver => {
            let channel = match request.channel {
                Some(c) if account.contact(c).is_none() => {
                    return Err(ApiError::new(
                        StatusCode::CONFLICT,
                        ErrorCode::ChannelUnavailable,
                        format!("the account has no contact on file for {c}"),
                    ));
                }
                Some(c) => c,
                None => verified_channel
                    .filter(|c| account.contact(*c).is_some())
                    .or_else(|| account.channels().first().copied())
                    .ok_or_else(|| {
                        ApiError::new(
                            StatusCode::CONFLICT,
                            ErrorCode::ChannelUnavailable,
                            "the account has no contact on file",
                        )
                    })?,
            };
            (crate::secrets::temporary_password(), Some(channel))
        }
    };
    let hash = {
        let password = password.clone();
        tokio::task::spawn_blocking(move || crate::secrets::hash_password(&password))
            .await
            .map_err(|_| ApiError::internal())?
    };

    // Deliver before applying: if the message cannot go out, nothing changes.
    let delivered_to = match deliver_channel {
        Some(channel) => {
            let to = account.contact(channel).unwrap_or_default().to_owned();
            // The token must still be good before a password goes out.
            if let Some(hash) = &token_hash {
                let (hash, target, actor) = (hash.clone(), id.to_owned(), caller.actor.name.clone());
                state.db(move |s| s.check_verification_token(&hash, &target, &actor)).await?;
            }
            state
                .delivery
                .send(Outgoing {
                    account_id: id,
                    channel,
                    to: &to,
                    kind: MessageKind::TemporaryPassword,
                    secret: Some(&password),
                })
                .await
                .map_err(|e| delivery_failed(&e))?;
            Some(crate::store::mask_contact(channel, &to))
        }
        None => None,
    };
    drop(password);

    let (account_id, actor, mode, revoke) =
        (id.to_owned(), caller.actor.name.clone(), request.mode, request.revoke_sessions);
    let (updated, sessions_revoked) = state
        .db(move |s| {
            s.change_password(&PasswordChangeRequest {
                account_id: &account_id,
                actor: &actor,
                mode,
                password_hash: hash,
                verification_token_hash: token_hash,
                revoke_sessions: revoke,
            })
        })
        .await?;

    // Tell the customer on every contact on file.
    let mut notified = Vec::new();
    for channel in updated.channels() {
        let to = updated.contact(channel).unwrap_or_default().to_owned();
        let sent = state
            .delivery
            .send(Outgoing { account_id: id, channel, to: &to, kind: MessageKind::PasswordChanged, secret: None })
            .await;
        match sent {
            Ok(_) => notified.push(channel),
            Err(e) => {
                audit(
                    state,
                    caller,
                    AuditAction::MessageDeliver,
                    Some(id),
                    AuditOutcome::Failed,
                    Some(format!("channel={channel} notice {e}")),
                )
                .await;
            }
        }
    }
    let changed_at = updated.password_changed_at.map(from_ms).unwrap_or_else(|| state.store.clock().now());
    Ok(PasswordChange {
        account_id: updated.id.clone(),
        mode,
        changed_at,
        must_change_password: updated.must_change_password,
        sessions_revoked,
        notified,
        delivered_to,
    })
}
