//! Password changes: `deliver` (a temporary password sent to the customer,
//! must be changed), `set` (the customer's own, checked against the
//! policy), each with a verification token or, for `password:force`,
//! without one. Sessions are revoked unless asked not to, and the customer
//! is told on every contact on file.

use acctl_api::{
    AccountStatus, AuditAction, Channel, MessageKind, PasswordChange, PasswordMode, PasswordRequest, scope,
};

use super::{Answered, AuditRecord, Domain, DomainError, IdempotencyKey, Operator, Render};
use crate::clock::from_ms;
use crate::error::StoreError;
use crate::store::{AccountRow, Db, mask_contact};

/// A temporary password or notice is worth sending for this long.
const NOTICE_DEADLINE_MS: i64 = 60 * 60 * 1000;

/// What a valid request will do.
struct Plan {
    account: AccountRow,
    token_hash: Option<String>,
    /// The new password, NFKC-normalised (`set` mode), checked by the policy.
    chosen: Option<String>,
    /// Where a temporary password goes (`deliver` mode).
    deliver_to: Option<Channel>,
}

/// Every check of the request against the account as `db` shows it. Run
/// once before hashing (so a refused request costs no argon2) and again in
/// the write transaction (so nothing changed in between).
fn plan(
    db: &Db<'_>,
    op: &Operator,
    account_id: &str,
    request: &PasswordRequest,
    check_policy: bool,
) -> Result<Plan, DomainError> {
    match (request.mode, &request.password) {
        (PasswordMode::Deliver, Some(_)) => {
            return Err(DomainError::Unprocessable("`deliver` makes its own password: leave out `password`".into()));
        }
        (PasswordMode::Set, None) => return Err(DomainError::Unprocessable("`set` needs `password`".into())),
        _ => {}
    }
    let account = db.account(account_id)?.ok_or(DomainError::AccountNotFound)?;
    if account.status == AccountStatus::Disabled {
        return Err(DomainError::AccountDisabled);
    }
    let token_hash = request.verification_token.as_deref().map(crate::secrets::sha256_hex);
    let verified_channel = match &token_hash {
        Some(hash) => {
            op.require(scope::PASSWORD_VERIFIED)?;
            let channel = check_token(db, hash, account_id, &op.name)?;
            if account.status == AccountStatus::Locked {
                return Err(DomainError::AccountLocked("the account is locked".into()));
            }
            Some(channel)
        }
        None => {
            op.require(scope::PASSWORD_FORCE).map_err(|_| {
                DomainError::Forbidden(
                    "a reset without a verification token needs the `password:force` scope; verify a code first".into(),
                )
            })?;
            None
        }
    };
    let (chosen, deliver_to) = match request.mode {
        PasswordMode::Set => {
            let given = request.password.as_deref().unwrap_or_default();
            let normalized = if check_policy {
                let ctx = crate::policy::PolicyContext {
                    email: account.email.as_deref(),
                    phone: account.phone.as_deref(),
                    mfa: account.mfa,
                };
                crate::policy::check(given, &ctx).map_err(DomainError::PasswordPolicy)?
            } else {
                String::new()
            };
            (Some(normalized), None)
        }
        PasswordMode::Deliver => {
            let channel = match request.channel {
                Some(c) if account.contact(c).is_none() => {
                    return Err(DomainError::ChannelUnavailable(format!("the account has no contact on file for {c}")));
                }
                Some(c) => c,
                None => verified_channel
                    .filter(|c| account.contact(*c).is_some())
                    .or_else(|| account.channels().first().copied())
                    .ok_or_else(|| DomainError::ChannelUnavailable("the account has no contact on file".into()))?,
            };
            (None, Some(channel))
        }
    };
    Ok(Plan { account, token_hash, chosen, deliver_to })
}

/// Checks that a verification token is usable by `actor` on the account,
/// without using it; answers the channel it was verified on.
fn check_token(db: &Db<'_>, hash: &str, account_id: &str, actor: &str) -> Result<Channel, DomainError> {
    let invalid = |detail: &str| Err(DomainError::VerificationInvalid(detail.to_owned()));
    match db.verification_token(hash)? {
        None => invalid("the verification token is not valid"),
        Some(t) if t.account_id != account_id => invalid("the verification token was issued for another account"),
        Some(t) if t.actor != actor => invalid("the verification token was issued to another operator"),
        Some(t) if t.used_at.is_some() => invalid("the verification token was already used"),
        Some(t) if db.now() >= t.expires_at => invalid("the verification token expired; verify a new code"),
        Some(t) => Ok(t.channel),
    }
}

impl Domain {
    /// Sets a new password as `request` says.
    pub fn set_password(
        &self,
        op: &Operator,
        account_id: &str,
        request: &PasswordRequest,
        key: Option<&IdempotencyKey>,
        render: Render<'_, PasswordChange>,
    ) -> Result<Answered<PasswordChange>, StoreError> {
        let audit = |result: &Result<PasswordChange, DomainError>| {
            let mut record = AuditRecord::of(AuditAction::PasswordSet, account_id, result);
            let mut detail = format!("mode={}", if request.mode == PasswordMode::Deliver { "deliver" } else { "set" });
            if request.verification_token.is_none() {
                detail.push_str(" force");
            }
            if let Ok(change) = result {
                detail.push_str(&format!(" sessions_revoked={}", change.sessions_revoked));
            }
            if let Some(error) = &record.detail {
                detail.push(' ');
                detail.push_str(error);
            }
            record.detail = Some(detail);
            record
        };
        // Checks first, on a snapshot: a refused request is answered (and
        // audited) without hashing anything.
        let first = match self.view(|db| plan(db, op, account_id, request, true)) {
            Ok(p) => p,
            Err(e) => return self.unit(op, key, |_| Err(e), audit, render),
        };
        let (password, secret) = match first.chosen {
            Some(chosen) => (chosen, None),
            None => {
                let temporary = crate::secrets::temporary_password();
                (temporary.clone(), Some(temporary))
            }
        };
        let hash = crate::secrets::hash_password(&password);
        drop(password);
        let apply = |db: &Db<'_>| {
            // Checked again under the write lock: the token may have been
            // used, the account locked, meanwhile.
            let plan = plan(db, op, account_id, request, false)?;
            if let Some(hash) = &plan.token_hash
                && !db.use_verification_token(hash, account_id, &op.name)?
            {
                return Err(DomainError::VerificationInvalid("the verification token is no longer valid".into()));
            }
            let must_change = request.mode == PasswordMode::Deliver;
            db.set_password(account_id, &hash, must_change)?;
            let sessions_revoked = if request.revoke_sessions { db.revoke_sessions(account_id)? } else { 0 };
            let deadline = db.now() + NOTICE_DEADLINE_MS;
            let delivered_to = match plan.deliver_to {
                Some(channel) => {
                    let kind = MessageKind::TemporaryPassword;
                    self.queue(db, op, &plan.account, channel, kind, secret.as_deref(), None, deadline)?;
                    plan.account.contact(channel).map(|to| mask_contact(channel, to))
                }
                None => None,
            };
            // Tell the customer on every contact on file.
            let notified = plan.account.channels();
            for channel in &notified {
                self.queue(db, op, &plan.account, *channel, MessageKind::PasswordChanged, None, None, deadline)?;
            }
            Ok(PasswordChange {
                account_id: plan.account.id.clone(),
                mode: request.mode,
                changed_at: from_ms(db.now()),
                must_change_password: must_change,
                sessions_revoked,
                notified,
                delivered_to,
            })
        };
        self.unit(op, key, apply, audit, render)
    }
}
