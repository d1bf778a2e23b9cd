//! Verification codes: sending one (cooldown, hourly cap, carried-over
//! wrong tries, contacts on file only) and checking the one the customer
//! reads back (five tries, expiry, single use, MFA pairs, and only by the
//! operator who sent it).

use acctl_api::{AccountStatus, AuditAction, AuditOutcome, Challenge, Channel, MessageKind, VerifyResponse, scope};

use super::{Answered, AuditRecord, Domain, DomainError, IdempotencyKey, Operator, Render};
use crate::clock::from_ms;
use crate::error::StoreError;
use crate::secrets;
use crate::store::{AccountRow, ChallengeStatus, Db, NewChallenge, mask_contact};

pub const CODE_DIGITS: u32 = 6;
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;
pub const MAX_WRONG_CODES: u32 = 5;
pub const RESEND_COOLDOWN_MS: i64 = 60 * 1000;
pub const CHALLENGES_PER_HOUR: i64 = 5;
pub const HOUR_MS: i64 = 60 * 60 * 1000;
pub const TOKEN_TTL_MS: i64 = 10 * 60 * 1000;
/// How long a first verified channel of an MFA account waits for the second.
pub const MFA_WINDOW_MS: i64 = 10 * 60 * 1000;

/// A resend, reset or code may go only to an active account.
pub(super) fn account_ready(account: &AccountRow) -> Result<(), DomainError> {
    match account.status {
        AccountStatus::Active => Ok(()),
        AccountStatus::Locked => Err(DomainError::AccountLocked(
            "the account is locked; an SRE must unlock it before it can be reset".into(),
        )),
        AccountStatus::Disabled => Err(DomainError::AccountDisabled),
    }
}

fn retry_secs(ms: i64) -> u64 {
    u64::try_from((ms + 999) / 1000).unwrap_or(1).max(1)
}

fn contact_noun(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email address",
        Channel::Sms => "phone number",
    }
}

fn rate_limited(detail: String, wait_ms: i64) -> DomainError {
    DomainError::RateLimited { detail, retry_after_secs: retry_secs(wait_ms) }
}

impl Domain {
    /// Sends a verification code on `channel` to the contact on file.
    pub fn create_challenge(
        &self,
        op: &Operator,
        account_id: &str,
        channel: Channel,
        key: Option<&IdempotencyKey>,
        render: Render<'_, Challenge>,
    ) -> Result<Answered<Challenge>, StoreError> {
        // The code's argon2 hash is made before the write lock is taken.
        let code = secrets::random_code(CODE_DIGITS);
        let code_hash = secrets::hash_password(&code);
        let id = secrets::random_token("chl_", 12);
        let apply = |db: &Db<'_>| {
            op.require(scope::CHALLENGES)?;
            let now = db.now();
            let account = db.account(account_id)?.ok_or(DomainError::AccountNotFound)?;
            account_ready(&account)?;
            let to = account.contact(channel).map(str::to_owned).ok_or_else(|| {
                DomainError::ChannelUnavailable(format!(
                    "the account has no {} on file; codes go only to contacts on file",
                    contact_noun(channel)
                ))
            })?;
            let (count, oldest) = db.challenges_since(account_id, now - HOUR_MS)?;
            if count >= CHALLENGES_PER_HOUR {
                let wait = oldest.map_or(HOUR_MS, |o| o + HOUR_MS - now);
                return Err(rate_limited(format!("at most {CHALLENGES_PER_HOUR} codes per account per hour"), wait));
            }
            let mut attempts_left = MAX_WRONG_CODES;
            if let Some(last) = db.last_challenge(account_id, channel)? {
                if now < last.created_at + RESEND_COOLDOWN_MS {
                    return Err(rate_limited(
                        format!("a code was sent on {channel} less than a minute ago; wait before resending"),
                        last.created_at + RESEND_COOLDOWN_MS - now,
                    ));
                }
                let live = now < last.expires_at;
                if live && last.status == ChallengeStatus::UsedUp {
                    return Err(rate_limited(
                        format!(
                            "the last {channel} code took {MAX_WRONG_CODES} wrong tries; a new one can be sent when it expires"
                        ),
                        last.expires_at - now,
                    ));
                }
                if live && last.status == ChallengeStatus::Pending {
                    // A resend keeps the wrong-try count and retires the old code.
                    attempts_left = last.attempts_left;
                    db.set_challenge_status(&last.id, ChallengeStatus::Superseded)?;
                }
            }
            let expires_at = now + CODE_TTL_MS;
            db.insert_challenge(&NewChallenge {
                id: &id,
                account_id,
                channel,
                code_hash: &code_hash,
                created_by: &op.name,
                expires_at,
                attempts_left,
            })?;
            // A code is worth sending only while it can be used.
            self.queue(db, op, &account, channel, MessageKind::VerificationCode, Some(&code), Some(&id), expires_at)?;
            Ok(Challenge {
                challenge_id: id.clone(),
                account_id: account.id.clone(),
                channel,
                destination: mask_contact(channel, &to),
                expires_at: from_ms(expires_at),
                resend_after: from_ms(now + RESEND_COOLDOWN_MS),
                attempts_left,
            })
        };
        let audit = |result: &Result<Challenge, DomainError>| {
            let mut record = AuditRecord::of(AuditAction::ChallengeCreate, account_id, result);
            record.detail = Some(format!(
                "channel={channel}{}",
                record.detail.as_deref().map(|d| format!(" {d}")).unwrap_or_default()
            ));
            record
        };
        self.unit(op, key, apply, audit, render)
    }

    /// Checks the code the customer read back; on success issues a
    /// single-use verification token, or asks for the second channel of an
    /// MFA account.
    pub fn verify_challenge(
        &self,
        op: &Operator,
        challenge_id: &str,
        code: &str,
        key: Option<&IdempotencyKey>,
        render: Render<'_, VerifyResponse>,
    ) -> Result<Answered<VerifyResponse>, DomainError> {
        op.require(scope::CHALLENGES)?;
        // The slow hash check runs before the write lock; its verdict is
        // applied only if the challenge is still open then. A challenge of
        // another operator is not even checked.
        let found = self.view(|db| Ok(db.challenge(challenge_id)?))?;
        let code = code.trim();
        let correct = found.as_ref().is_some_and(|c| {
            c.created_by == op.name
                && code.len() == CODE_DIGITS as usize
                && secrets::verify_password(code, &c.code_hash)
        });
        // The account and channel the audit event names, once known.
        let seen = std::cell::RefCell::new(None::<(String, Channel)>);
        let apply = |db: &Db<'_>| {
            let now = db.now();
            let challenge = db.challenge(challenge_id)?.ok_or(DomainError::ChallengeNotFound)?;
            *seen.borrow_mut() = Some((challenge.account_id.clone(), challenge.channel));
            // Bound to its creator: another operator learns nothing about
            // it and cannot spend its tries (issue 10.16).
            if challenge.created_by != op.name {
                return Err(DomainError::Forbidden(
                    "this code was sent by another operator; only they can verify it. Send a new code".into(),
                ));
            }
            let account = db.account(&challenge.account_id)?.ok_or(DomainError::AccountNotFound)?;
            account_ready(&account)?;
            match challenge.status {
                ChallengeStatus::Pending => {}
                ChallengeStatus::Verified => {
                    return Err(DomainError::ChallengeUsedUp("this code was already used".into()));
                }
                ChallengeStatus::UsedUp => {
                    return Err(DomainError::ChallengeUsedUp(format!(
                        "this challenge took {MAX_WRONG_CODES} wrong codes; send a new code"
                    )));
                }
                ChallengeStatus::Superseded => {
                    return Err(DomainError::ChallengeExpired(
                        "a newer code was sent on this channel; use that one".into(),
                    ));
                }
                ChallengeStatus::Undelivered => return Err(DomainError::ChallengeNotFound),
            }
            if now >= challenge.expires_at {
                return Err(DomainError::ChallengeExpired("the code expired; send a new one".into()));
            }
            if !correct {
                let left = challenge.attempts_left.saturating_sub(1);
                db.set_challenge_attempts(challenge_id, left)?;
                return Err(DomainError::InvalidCode { attempts_left: left });
            }
            db.mark_challenge_verified(challenge_id, &op.name)?;
            if account.mfa {
                // The other channel must have been verified too, recently, by the same actor.
                match db.other_verified_challenge(&account.id, challenge.channel, &op.name, now - MFA_WINDOW_MS)? {
                    Some(other) => {
                        db.consume_challenge(challenge_id)?;
                        db.consume_challenge(&other)?;
                    }
                    None => {
                        let remaining = account.channels().into_iter().filter(|c| *c != challenge.channel).collect();
                        return Ok(VerifyResponse::MoreRequired { remaining_channels: remaining });
                    }
                }
            } else {
                db.consume_challenge(challenge_id)?;
            }
            let token = secrets::random_token("vt_", 20);
            let expires_at = now + TOKEN_TTL_MS;
            db.insert_verification_token(
                &secrets::sha256_hex(&token),
                &account.id,
                &op.name,
                challenge.channel,
                expires_at,
            )?;
            Ok(VerifyResponse::Verified { verification_token: token, token_expires_at: from_ms(expires_at) })
        };
        let audit = |result: &Result<VerifyResponse, DomainError>| {
            let seen = seen.borrow().clone();
            let channel = seen.as_ref().map(|(_, c)| format!(" channel={c}")).unwrap_or_default();
            let (outcome, detail) = match result {
                Ok(VerifyResponse::Verified { .. }) => {
                    (AuditOutcome::Success, format!("challenge={challenge_id}{channel} status=verified"))
                }
                Ok(VerifyResponse::MoreRequired { .. }) => {
                    (AuditOutcome::Success, format!("challenge={challenge_id}{channel} status=more_required"))
                }
                Err(DomainError::InvalidCode { attempts_left }) => (
                    AuditOutcome::Failed,
                    format!("challenge={challenge_id}{channel} error=invalid_code attempts_left={attempts_left}"),
                ),
                Err(e) if e.is_denial() => {
                    (AuditOutcome::Denied, format!("challenge={challenge_id}{channel} error={}", e.code()))
                }
                Err(e) => (AuditOutcome::Failed, format!("challenge={challenge_id} error={}", e.code())),
            };
            // Errors that end before the challenge is judged name no account.
            let account_id = match result {
                Ok(_) | Err(DomainError::InvalidCode { .. }) => seen.map(|(a, _)| a),
                Err(e) if e.is_denial() => seen.map(|(a, _)| a),
                Err(_) => None,
            };
            AuditRecord { action: AuditAction::ChallengeVerify, account_id, outcome, detail: Some(detail) }
        };
        Ok(self.unit(op, key, apply, audit, render)?)
    }

    /// Queues a message to the account's contact on `channel`, as part of
    /// the unit of work that sends it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn queue(
        &self,
        db: &Db<'_>,
        op: &Operator,
        account: &AccountRow,
        channel: Channel,
        kind: MessageKind,
        secret: Option<&str>,
        challenge_id: Option<&str>,
        deadline_at: i64,
    ) -> Result<(), StoreError> {
        let to = account.contact(channel).unwrap_or_default();
        let (subject, stored_body) = crate::delivery::compose(kind, if self.sandbox { secret } else { None });
        db.enqueue_message(crate::store::NewMessage {
            account_id: &account.id,
            channel,
            to,
            kind,
            subject,
            body: &stored_body,
            secret,
            challenge_id,
            actor: &op.name,
            request_id: &op.request_id,
            deadline_at,
        })
    }
}
