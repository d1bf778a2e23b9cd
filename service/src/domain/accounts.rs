//! The SRE actions on an account: lock, unlock, sign out everywhere.

use acctl_api::{Account, AccountStatus, AuditAction, SessionsRevoked, scope};

use super::{Answered, AuditRecord, Domain, DomainError, IdempotencyKey, Operator, Render};
use crate::error::StoreError;
use crate::store::Db;

impl Domain {
    /// Locks (`Locked`) or unlocks (`Active`) the account; a disabled
    /// account stays as it is. Answers the account, contacts masked.
    pub fn set_status(
        &self,
        op: &Operator,
        account_id: &str,
        status: AccountStatus,
        key: Option<&IdempotencyKey>,
        render: Render<'_, Account>,
    ) -> Result<Answered<Account>, StoreError> {
        let action =
            if status == AccountStatus::Locked { AuditAction::AccountLock } else { AuditAction::AccountUnlock };
        let apply = |db: &Db<'_>| {
            op.require(scope::ACCOUNTS_LOCK)?;
            let account = db.account(account_id)?.ok_or(DomainError::AccountNotFound)?;
            if account.status == AccountStatus::Disabled {
                return Err(DomainError::AccountDisabled);
            }
            db.set_status(account_id, status)?;
            let account = db.account(account_id)?.ok_or(DomainError::AccountNotFound)?;
            Ok(account.to_api(db.devices(account_id)?, false))
        };
        self.unit(op, key, apply, |r| AuditRecord::of(action, account_id, r), render)
    }

    /// Revokes every live session of the account; answers how many.
    pub fn revoke_sessions(
        &self,
        op: &Operator,
        account_id: &str,
        key: Option<&IdempotencyKey>,
        render: Render<'_, SessionsRevoked>,
    ) -> Result<Answered<SessionsRevoked>, StoreError> {
        let apply = |db: &Db<'_>| {
            op.require(scope::SESSIONS_REVOKE)?;
            db.account(account_id)?.ok_or(DomainError::AccountNotFound)?;
            let sessions_revoked = db.revoke_sessions(account_id)?;
            Ok(SessionsRevoked { account_id: account_id.to_owned(), sessions_revoked })
        };
        let audit = |r: &Result<SessionsRevoked, DomainError>| {
            let mut record = AuditRecord::of(AuditAction::SessionsRevoke, account_id, r);
            if let Ok(done) = r {
                record.detail = Some(format!("sessions_revoked={}", done.sessions_revoked));
            }
            record
        };
        self.unit(op, key, apply, audit, render)
    }
}
