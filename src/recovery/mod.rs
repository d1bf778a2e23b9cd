//! The recovery domain: find the account, send and verify codes, set the
//! password, lock, unlock, sign out. Every front end — the steps (`acctl code
//! send|verify`, `password set`, `account lock|unlock`, `sessions revoke`),
//! the `reset` wizard, `demo --script`, and bulk jobs — is a thin layer over
//! these functions.
//!
//! No clap and no terminal here: each operation takes the client, typed
//! inputs and a [`Change`] (the idempotency key and the audit context), and
//! returns a typed outcome with the service's request id, or a
//! [`RecoveryError`] that says what failed, what it means for the account
//! and what to do next. A bulk runner passes `IdempotencyKey::derived(job,
//! item)` so a resumed job replays instead of applying twice, and reads
//! [`Effect`] to tell `done` from `unchanged`.
//!
//! Where the rules are: a locked or disabled account cannot be recovered
//! ([`account::ensure_recoverable`]); codes go only to contacts on file
//! ([`code::send_code`]); a new password needs a verified code or the
//! `password:force` scope ([`password::Authority`]); what a code looks like
//! ([`code::Code`]); the length a new password needs ([`password::precheck`]).

pub mod account;
pub mod code;
mod error;
pub mod password;

pub use account::{ensure_recoverable, find_account, lock, revoke_sessions, unlock};
pub use code::{Code, send_code, verify_code};
pub use error::{Failure, RecoveryError};
pub use password::{Authority, NewPassword, PasswordSet, set_password};

pub use crate::client::Change;

/// Whether an operation changed the account, for a summary that adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Done,
    /// Nothing needed doing (locking a locked account, no session to sign out).
    Unchanged,
}

/// What an operation did: its answer, whether it changed anything, and the
/// service's request id (for the audit log and for support).
#[derive(Debug, Clone)]
pub struct Outcome<T> {
    pub value: T,
    pub effect: Effect,
    pub request_id: Option<String>,
}
