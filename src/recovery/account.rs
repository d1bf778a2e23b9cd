//! The account a recovery is about: finding it, whether it can be
//! recovered, and the changes an SRE makes to it (lock, unlock, sign out).

use acctl_api::{Account, Identifier, SessionsRevoked};

use super::error::{Failure, RecoveryError};
use super::{Change, Effect, Outcome};
use crate::client::ApiClient;

/// The account `ident` names (parsed from `input`, which messages quote).
/// Contacts stay masked unless `reveal` (an unmasked read is audited).
pub async fn find_account(
    client: &ApiClient,
    input: &str,
    ident: &Identifier,
    reveal: bool,
) -> Result<Account, RecoveryError> {
    client.find_account(ident, reveal).await.map_err(|e| match RecoveryError::service(e) {
        e if *e.failure() == Failure::NotFound => not_found(input),
        e => e,
    })
}

/// "No account matches `input`", with what usually went wrong.
pub fn not_found(input: &str) -> RecoveryError {
    RecoveryError::new(Failure::NotFound, format!("no account matches `{}`", input.trim()))
        .with_hint("check the spelling; phone numbers need a country code or `--region`")
}

/// The rule: a locked or disabled account cannot be recovered (no code is
/// sent, no password set). The service enforces it too; checking the status
/// first stops a wizard before the customer is asked for anything.
pub fn ensure_recoverable(account: &Account) -> Result<(), RecoveryError> {
    match RecoveryError::inactive(account, "its password cannot be reset; nothing was sent") {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Locks the account: no sign-in and no recovery until it is unlocked.
/// Locking a locked account is [`Effect::Unchanged`].
pub async fn lock(
    client: &ApiClient,
    account: &Account,
    change: Change<'_>,
) -> Result<Outcome<Account>, RecoveryError> {
    set_locked(client, account, true, change).await
}

/// Unlocks the account. Unlocking an active one is [`Effect::Unchanged`].
pub async fn unlock(
    client: &ApiClient,
    account: &Account,
    change: Change<'_>,
) -> Result<Outcome<Account>, RecoveryError> {
    set_locked(client, account, false, change).await
}

async fn set_locked(
    client: &ApiClient,
    account: &Account,
    locked: bool,
    change: Change<'_>,
) -> Result<Outcome<Account>, RecoveryError> {
    let answer = if locked { client.lock(&account.id, change).await } else { client.unlock(&account.id, change).await };
    let answer = answer.map_err(|e| {
        let verb = if locked { "lock" } else { "unlock" };
        RecoveryError::service(e).with_message(format!("cannot {verb} account `{}`", account.id))
    })?;
    let effect = if answer.value.status == account.status { Effect::Unchanged } else { Effect::Done };
    Ok(Outcome { value: answer.value, effect, request_id: answer.request_id })
}

/// Signs the customer out of every session. None to sign out is [`Effect::Unchanged`].
pub async fn revoke_sessions(
    client: &ApiClient,
    account: &Account,
    change: Change<'_>,
) -> Result<Outcome<SessionsRevoked>, RecoveryError> {
    let answer = client.revoke_sessions(&account.id, change).await.map_err(|e| {
        RecoveryError::service(e).with_message(format!("cannot sign account `{}` out of its sessions", account.id))
    })?;
    let effect = if answer.value.sessions_revoked == 0 { Effect::Unchanged } else { Effect::Done };
    Ok(Outcome { value: answer.value, effect, request_id: answer.request_id })
}
