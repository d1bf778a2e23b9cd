//! The recovery rules of DESIGN §5: verification codes, the tokens they
//! yield, and password changes. Each rule is checked inside the write
//! transaction that acts on it, so concurrent requests cannot slip past a
//! limit.

use acctl_api::{AccountStatus, Channel, ErrorCode, IdentifierKind, PasswordMode};
use axum::http::StatusCode;
use rusqlite::OptionalExtension;

use super::accounts::{account_by, revoke_sessions};
use super::{AccountRow, Store};
use crate::error::{ApiError, ApiResult};
use crate::secrets;

pub const CODE_DIGITS: u32 = 6;
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;
pub const MAX_WRONG_CODES: u32 = 5;
pub const RESEND_COOLDOWN_MS: i64 = 60 * 1000;
pub const CHALLENGES_PER_HOUR: i64 = 5;
pub const HOUR_MS: i64 = 60 * 60 * 1000;
pub const TOKEN_TTL_MS: i64 = 10 * 60 * 1000;
/// How long a first verified channel of an MFA account waits for the second.
pub const MFA_WINDOW_MS: i64 = 10 * 60 * 1000;

/// A new challenge, with its code in clear for delivery (never stored).
#[derive(Debug)]
pub struct ChallengeCreated {
    pub id: String,
    pub account: AccountRow,
    pub channel: Channel,
    pub code: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub attempts_left: u32,
}

/// What verifying a code came to.
pub enum VerifyOutcome {
    Verified {
        account_id: String,
        channel: Channel,
        token: String,
        expires_at: i64,
    },
    MoreRequired {
        account_id: String,
        channel: Channel,
        remaining: Vec<Channel>,
    },
    /// Wrong code; the challenge is used up when `attempts_left` is 0.
    Wrong {
        account_id: String,
        channel: Channel,
        attempts_left: u32,
    },
}

/// A validated password change, ready to apply.
pub struct PasswordChangeRequest<'a> {
    pub account_id: &'a str,
    pub actor: &'a str,
    pub mode: PasswordMode,
    pub password_hash: String,
    /// The token's hash, or `None` for a forced reset.
    pub verification_token_hash: Option<String>,
    pub revoke_sessions: bool,
}

fn account_ready(account: &AccountRow) -> ApiResult<()> {
    match account.status {
        AccountStatus::Active => Ok(()),
        AccountStatus::Locked => Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::AccountLocked,
            "the account is locked; an SRE must unlock it before it can be reset",
        )),
        AccountStatus::Disabled => {
            Err(ApiError::new(StatusCode::CONFLICT, ErrorCode::AccountDisabled, "the account is disabled"))
        }
    }
}

fn retry_secs(ms: i64) -> u64 {
    u64::try_from((ms + 999) / 1000).unwrap_or(1).max(1)
}

fn channel_str(c: Channel) -> &'static str {
    c.as_str()
}

fn parse_channel(s: &str) -> Channel {
    if s == "sms" { Channel::Sms } else { Channel::Email }
}

impl Store {
    /// Creates a challenge for the account on `channel`, enforcing the
    /// cooldown, the hourly cap and the carried-over wrong-try count.
    pub fn create_challenge(&self, account_id: &str, channel: Channel, actor: &str) -> ApiResult<ChallengeCreated> {
        let code = secrets::random_code(CODE_DIGITS);
        let code_hash = secrets::hash_password(&code);
        let id = secrets::random_token("chl_", 12);
        let now = self.now_ms();
        self.write(|tx| {
            let account =
                account_by(tx, IdentifierKind::Id, account_id)?.ok_or_else(ApiError::account_not_found)?;
            account_ready(&account)?;
            if account.contact(channel).is_none() {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    ErrorCode::ChannelUnavailable,
                    format!("the account has no {} on file; codes go only to contacts on file", contact_noun(channel)),
                ));
            }
            // At most five challenges per account per hour.
            let (count, oldest): (i64, Option<i64>) = tx.query_row(
                "SELECT count(*), min(created_at) FROM challenges
                 WHERE account_id = ?1 AND created_at > ?2 AND status != 'undelivered'",
                (account_id, now - HOUR_MS),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if count >= CHALLENGES_PER_HOUR {
                let wait = oldest.map_or(HOUR_MS, |o| o + HOUR_MS - now);
                return Err(ApiError::rate_limited(
                    format!("at most {CHALLENGES_PER_HOUR} codes per account per hour"),
                    retry_secs(wait),
                ));
            }
            let last: Option<(String, i64, i64, u32, String)> = tx
                .query_row(
                    "SELECT id, created_at, expires_at, attempts_left, status FROM challenges
                     WHERE account_id = ?1 AND channel = ?2 AND status != 'undelivered'
                     ORDER BY created_at DESC, rowid DESC LIMIT 1",
                    (account_id, channel_str(channel)),
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?;
            let mut attempts_left = MAX_WRONG_CODES;
            if let Some((last_id, created_at, expires_at, left, status)) = last {
                if now < created_at + RESEND_COOLDOWN_MS {
                    return Err(ApiError::rate_limited(
                        format!("a code was sent on {channel} less than a minute ago; wait before resending"),
                        retry_secs(created_at + RESEND_COOLDOWN_MS - now),
                    ));
                }
                let live = now < expires_at;
                if live && status == "used_up" {
                    return Err(ApiError::rate_limited(
                        format!("the last {channel} code took {MAX_WRONG_CODES} wrong tries; a new one can be sent when it expires"),
                        retry_secs(expires_at - now),
                    ));
                }
                if live && status == "pending" {
                    // A resend keeps the wrong-try count and retires the old code.
                    attempts_left = left;
                    tx.execute("UPDATE challenges SET status = 'superseded' WHERE id = ?1", [&last_id])?;
                }
            }
            tx.execute(
                "INSERT INTO challenges (id, account_id, channel, code_hash, created_by, created_at, expires_at, attempts_left, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending')",
                (&id, account_id, channel_str(channel), &code_hash, actor, now, now + CODE_TTL_MS, attempts_left),
            )?;
            Ok(ChallengeCreated {
                id: id.clone(),
                account,
                channel,
                code: code.clone(),
                created_at: now,
                expires_at: now + CODE_TTL_MS,
                attempts_left,
            })
        })
    }

    /// Marks a challenge whose code could not be delivered, so it counts
    /// toward no limit.
    pub fn mark_undelivered(&self, challenge_id: &str) -> Result<(), crate::error::StoreError> {
        self.write(|tx| tx.execute("UPDATE challenges SET status = 'undelivered' WHERE id = ?1", [challenge_id]))?;
        Ok(())
    }

    /// Checks `code` against the challenge; on success issues a verification
    /// token (or asks for the second channel of an MFA account).
    pub fn verify_challenge(&self, challenge_id: &str, code: &str, actor: &str) -> ApiResult<VerifyOutcome> {
        let not_found =
            || ApiError::new(StatusCode::NOT_FOUND, ErrorCode::ChallengeNotFound, "no challenge has this id");
        // The slow hash check runs outside the write lock; its verdict is
        // applied below only if the challenge is still open then.
        let code_hash: String = self
            .read(|c| {
                c.query_row("SELECT code_hash FROM challenges WHERE id = ?1", [challenge_id], |r| r.get(0)).optional()
            })?
            .ok_or_else(not_found)?;
        let code = code.trim();
        let correct = code.len() == CODE_DIGITS as usize && secrets::verify_password(code, &code_hash);
        let now = self.now_ms();
        self.write(|tx| {
            let (account_id, channel, expires_at, attempts_left, status): (String, String, i64, u32, String) = tx
                .query_row(
                    "SELECT account_id, channel, expires_at, attempts_left, status FROM challenges WHERE id = ?1",
                    [challenge_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?
                .ok_or_else(not_found)?;
            let channel = parse_channel(&channel);
            let account = account_by(tx, IdentifierKind::Id, &account_id)?.ok_or_else(ApiError::account_not_found)?;
            account_ready(&account)?;
            match status.as_str() {
                "pending" => {}
                "verified" => {
                    return Err(ApiError::new(
                        StatusCode::CONFLICT,
                        ErrorCode::ChallengeUsedUp,
                        "this code was already used",
                    ));
                }
                "used_up" => {
                    return Err(ApiError::new(
                        StatusCode::CONFLICT,
                        ErrorCode::ChallengeUsedUp,
                        format!("this challenge took {MAX_WRONG_CODES} wrong codes; send a new code"),
                    ));
                }
                "superseded" => {
                    return Err(ApiError::new(
                        StatusCode::GONE,
                        ErrorCode::ChallengeExpired,
                        "a newer code was sent on this channel; use that one",
                    ));
                }
                _ => return Err(not_found()),
            }
            if now >= expires_at {
                return Err(ApiError::new(
                    StatusCode::GONE,
                    ErrorCode::ChallengeExpired,
                    "the code expired; send a new one",
                ));
            }
            if !correct {
                let left = attempts_left.saturating_sub(1);
                let new_status = if left == 0 { "used_up" } else { "pending" };
                tx.execute(
                    "UPDATE challenges SET attempts_left = ?2, status = ?3 WHERE id = ?1",
                    (challenge_id, left, new_status),
                )?;
                return Ok(VerifyOutcome::Wrong { account_id, channel, attempts_left: left });
            }
            tx.execute(
                "UPDATE challenges SET status = 'verified', verified_by = ?2, verified_at = ?3 WHERE id = ?1",
                (challenge_id, actor, now),
            )?;
            if account.mfa {
                // The other channel must have been verified too, recently, by the same actor.
                let other: Option<String> = tx
                    .query_row(
                        "SELECT id FROM challenges WHERE account_id = ?1 AND channel != ?2 AND status = 'verified'
                         AND consumed = 0 AND verified_by = ?3 AND verified_at > ?4 ORDER BY verified_at DESC LIMIT 1",
                        (&account_id, channel_str(channel), actor, now - MFA_WINDOW_MS),
                        |r| r.get(0),
                    )
                    .optional()?;
                match other {
                    Some(other_id) => {
                        tx.execute(
                            "UPDATE challenges SET consumed = 1 WHERE id IN (?1, ?2)",
                            (challenge_id, &other_id),
                        )?;
                    }
                    None => {
                        let remaining = account.channels().into_iter().filter(|c| *c != channel).collect();
                        return Ok(VerifyOutcome::MoreRequired { account_id, channel, remaining });
                    }
                }
            } else {
                tx.execute("UPDATE challenges SET consumed = 1 WHERE id = ?1", [challenge_id])?;
            }
            let token = secrets::random_token("vt_", 20);
            tx.execute(
                "INSERT INTO verification_tokens (hash, account_id, actor, channel, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (secrets::sha256_hex(&token), &account_id, actor, channel_str(channel), now, now + TOKEN_TTL_MS),
            )?;
            Ok(VerifyOutcome::Verified { account_id, channel, token, expires_at: now + TOKEN_TTL_MS })
        })
    }

    /// Checks that a verification token is usable by `actor` on the account,
    /// without using it; answers the channel it was verified on.
    pub fn check_verification_token(&self, token_hash: &str, account_id: &str, actor: &str) -> ApiResult<Channel> {
        let now = self.now_ms();
        let row: Option<(String, String, String, i64, Option<i64>)> = self.read(|c| {
            c.query_row(
                "SELECT account_id, actor, channel, expires_at, used_at FROM verification_tokens WHERE hash = ?1",
                [token_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
        })?;
        match row {
            None => Err(ApiError::verification_invalid("the verification token is not valid")),
            Some((acc, _, _, _, _)) if acc != account_id => {
                Err(ApiError::verification_invalid("the verification token was issued for another account"))
            }
            Some((_, who, _, _, _)) if who != actor => {
                Err(ApiError::verification_invalid("the verification token was issued to another operator"))
            }
            Some((_, _, _, _, Some(_))) => {
                Err(ApiError::verification_invalid("the verification token was already used"))
            }
            Some((_, _, _, expires_at, None)) if now >= expires_at => {
                Err(ApiError::verification_invalid("the verification token expired; verify a new code"))
            }
            Some((_, _, channel, _, None)) => Ok(parse_channel(&channel)),
        }
    }

    /// Applies a password change: uses the verification token (once),
    /// stores the new hash and revokes sessions. Answers the changed
    /// account row and how many sessions were revoked.
    pub fn change_password(&self, change: &PasswordChangeRequest<'_>) -> ApiResult<(AccountRow, u64)> {
        let now = self.now_ms();
        self.write(|tx| {
            let account =
                account_by(tx, IdentifierKind::Id, change.account_id)?.ok_or_else(ApiError::account_not_found)?;
            match (account.status, &change.verification_token_hash) {
                (AccountStatus::Disabled, _) | (AccountStatus::Locked, Some(_)) => account_ready(&account)?,
                _ => {}
            }
            if let Some(hash) = &change.verification_token_hash {
                let used = tx.execute(
                    "UPDATE verification_tokens SET used_at = ?2
                     WHERE hash = ?1 AND account_id = ?3 AND actor = ?4 AND used_at IS NULL AND expires_at > ?2",
                    (hash, now, change.account_id, change.actor),
                )?;
                if used != 1 {
                    return Err(ApiError::verification_invalid("the verification token is no longer valid"));
                }
            }
            let must_change = change.mode == PasswordMode::Deliver;
            tx.execute(
                "UPDATE accounts SET password_hash = ?2, must_change_password = ?3, password_changed_at = ?4 WHERE id = ?1",
                (change.account_id, &change.password_hash, must_change, now),
            )?;
            let revoked = if change.revoke_sessions { revoke_sessions(tx, change.account_id, now)? } else { 0 };
            let account = account_by(tx, IdentifierKind::Id, change.account_id)?.ok_or_else(ApiError::account_not_found)?;
            Ok((account, revoked))
        })
    }
}

fn contact_noun(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email address",
        Channel::Sms => "phone number",
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::from(crate::error::StoreError::Sqlite(e))
    }
}
