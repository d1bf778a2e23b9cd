//! The rules of account recovery (DESIGN.md §5), free of HTTP and of the
//! command line: create and verify challenges, change a password (deliver,
//! customer-chosen, forced), lock, unlock, revoke sessions.
//!
//! Every mutation is one unit of work: its checks, its change, its audit
//! event, the messages it sends (queued in the outbox) and the answer to its
//! `Idempotency-Key` commit in ONE SQLite transaction ([`Domain::unit`]). The
//! HTTP layer runs each operation detached from the request (a dropped
//! connection cannot stop it halfway) and maps [`DomainError`] to problem
//! documents; `crate::delivery` sends what the outbox holds.
//!
//! Slow hashing (argon2 for codes and passwords) runs before the write
//! transaction, never while holding the write lock; the transaction checks
//! again everything it acts on.

mod accounts;
pub mod audit;
mod challenges;
pub mod idempotency;
mod password;

use acctl_api::{ErrorCode, PolicyViolation, Role};

use crate::delivery::Delivery;
use crate::error::StoreError;
use crate::store::{Db, Store, StoredResponse};

pub use audit::AuditRecord;
pub use challenges::{CODE_DIGITS, RESEND_COOLDOWN_MS};
pub use idempotency::IdempotencyKey;

/// Who asks: the operator behind a bearer token, with the audit context of
/// the request.
#[derive(Debug, Clone)]
pub struct Operator {
    /// Actor name, as audited (`oidc:SUBJECT` for an OpenID Connect caller).
    pub name: String,
    /// The email claim of an OpenID Connect caller's token, audited with the name.
    pub email: Option<String>,
    pub role: Role,
    /// Who the caller is for idempotency keys and their cap: an opaque
    /// token's hash, or an OpenID Connect caller's (issuer, subject) id.
    /// Not the access token: it changes on every refresh, and a bulk job
    /// retried after one must still find its keys.
    pub principal_id: String,
    pub reason: Option<String>,
    pub ticket: Option<String>,
    /// The bulk job the request belongs to (`Audit-Job`), if any.
    pub job: Option<String>,
    pub request_id: String,
}

impl Operator {
    /// Fails with [`DomainError::MissingScope`] unless the role carries `scope`.
    pub fn require(&self, scope: &'static str) -> Result<(), DomainError> {
        if self.role.has(scope) { Ok(()) } else { Err(DomainError::MissingScope(scope)) }
    }
}

/// Why a recovery operation did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("this token lacks the `{0}` scope")]
    MissingScope(&'static str),
    /// Refused for a reason other than a missing scope (the text says why).
    #[error("{0}")]
    Forbidden(String),
    #[error("no account matches")]
    AccountNotFound,
    #[error("no challenge has this id")]
    ChallengeNotFound,
    #[error("{0}")]
    ChannelUnavailable(String),
    #[error("{0}")]
    AccountLocked(String),
    #[error("the account is disabled")]
    AccountDisabled,
    #[error("{detail}")]
    RateLimited { detail: String, retry_after_secs: u64 },
    #[error("{0}")]
    ChallengeUsedUp(String),
    #[error("{0}")]
    ChallengeExpired(String),
    /// A wrong code; the try is counted (and committed).
    #[error("the code is wrong")]
    InvalidCode { attempts_left: u32 },
    #[error("{0}")]
    VerificationInvalid(String),
    #[error("the password breaks {} of the password policy", rules(.0.len()))]
    PasswordPolicy(Vec<PolicyViolation>),
    /// The request contradicts itself (e.g. a password with `mode: deliver`).
    #[error("{0}")]
    Unprocessable(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `1 rule`, `2 rules`: the count in words a person reads.
fn rules(n: usize) -> String {
    if n == 1 { "1 rule".to_owned() } else { format!("{n} rules") }
}

impl From<rusqlite::Error> for DomainError {
    fn from(e: rusqlite::Error) -> Self {
        DomainError::Store(StoreError::Sqlite(e))
    }
}

impl DomainError {
    /// The stable wire code (also written into audit details).
    pub fn code(&self) -> ErrorCode {
        match self {
            DomainError::MissingScope(_) | DomainError::Forbidden(_) => ErrorCode::Forbidden,
            DomainError::AccountNotFound => ErrorCode::AccountNotFound,
            DomainError::ChallengeNotFound => ErrorCode::ChallengeNotFound,
            DomainError::ChannelUnavailable(_) => ErrorCode::ChannelUnavailable,
            DomainError::AccountLocked(_) => ErrorCode::AccountLocked,
            DomainError::AccountDisabled => ErrorCode::AccountDisabled,
            DomainError::RateLimited { .. } => ErrorCode::RateLimited,
            DomainError::ChallengeUsedUp(_) => ErrorCode::ChallengeUsedUp,
            DomainError::ChallengeExpired(_) => ErrorCode::ChallengeExpired,
            DomainError::InvalidCode { .. } => ErrorCode::InvalidCode,
            DomainError::VerificationInvalid(_) => ErrorCode::VerificationInvalid,
            DomainError::PasswordPolicy(_) => ErrorCode::PasswordPolicy,
            DomainError::Unprocessable(_) => ErrorCode::InvalidRequest,
            DomainError::Store(StoreError::Invalid(_)) => ErrorCode::InvalidRequest,
            DomainError::Store(_) => ErrorCode::Internal,
        }
    }

    /// A refusal for lack of rights (audited as `denied`, not `failed`).
    pub fn is_denial(&self) -> bool {
        matches!(self, DomainError::MissingScope(_) | DomainError::Forbidden(_) | DomainError::VerificationInvalid(_))
    }
}

/// How an operation with an `Idempotency-Key` was answered.
#[derive(Debug)]
pub enum Answered<T> {
    /// It ran now (and its answer was stored under the key, if final).
    Fresh(Result<T, DomainError>),
    /// The key was answered before: the stored answer.
    Replay(StoredResponse),
    /// The key was used before with a different request.
    KeyReused,
    /// The token has stored as many answers as it may; retry after this many seconds.
    KeysExhausted { retry_after_secs: u64 },
}

/// Renders an outcome as the response the HTTP layer would give, for
/// storing under an idempotency key in the same transaction.
pub type Render<'a, T> = &'a (dyn Fn(&Result<T, DomainError>) -> StoredResponse + Sync);

/// By default, at most this many stored answers per token in the 48 h they
/// are kept (an answer of a mutation is under 2 KB: at most ~200 MB per
/// token); [`crate::ServiceConfig::idempotency_keys_per_token`] sets it.
pub const MAX_KEYS_PER_TOKEN: u64 = 100_000;

/// The recovery operations over one store; cheap to clone.
#[derive(Clone)]
pub struct Domain {
    store: Store,
    delivery: Delivery,
    /// Keep codes and temporary passwords in the outbox for good (sandbox).
    sandbox: bool,
    keys_per_token: u64,
}

impl Domain {
    pub fn new(store: Store, delivery: Delivery, sandbox: bool) -> Domain {
        Domain { store, delivery, sandbox, keys_per_token: MAX_KEYS_PER_TOKEN }
    }

    /// Caps the answers one token may have stored at once.
    pub fn with_keys_per_token(mut self, cap: u64) -> Domain {
        self.keys_per_token = cap;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs one mutation as a unit of work: in one write transaction, the
    /// key is checked, `apply` runs, `audit` describes the outcome and is
    /// written, and the rendered answer is stored under the key; then the
    /// queued messages go to delivery.
    ///
    /// `apply` must leave the database untouched when it fails, unless the
    /// failure is itself a change to keep (a wrong code counts a try).
    pub(crate) fn unit<T>(
        &self,
        op: &Operator,
        key: Option<&IdempotencyKey>,
        apply: impl FnOnce(&Db<'_>) -> Result<T, DomainError>,
        audit: impl FnOnce(&Result<T, DomainError>) -> AuditRecord,
        render: Render<'_, T>,
    ) -> Result<Answered<T>, StoreError> {
        let (answered, queued) = self.store.transaction(|db| {
            if let Some(key) = key {
                if let Some(stored) = db.idempotency_get(&op.principal_id, &key.key)? {
                    return Ok(if stored.fingerprint == key.fingerprint {
                        Answered::Replay(stored.response)
                    } else {
                        Answered::KeyReused
                    });
                }
                let (count, oldest) = db.idempotency_count(&op.principal_id)?;
                if count >= self.keys_per_token {
                    let frees_at = oldest.unwrap_or(db.now()) + crate::store::KEEP_MS;
                    let secs = u64::try_from((frees_at - db.now()).max(0) / 1000 + 1).unwrap_or(1);
                    return Ok(Answered::KeysExhausted { retry_after_secs: secs });
                }
            }
            let result = apply(db);
            // A storage failure rolls everything back: nothing happened.
            let result = match result {
                Err(DomainError::Store(e)) => return Err(e),
                other => other,
            };
            audit::write(db, op, &audit(&result))?;
            if let Some(key) = key {
                let answer = render(&result);
                // Server errors and rate limits are no final answer: a retry runs again.
                if answer.status < 500 && answer.status != 429 {
                    db.idempotency_put(&op.principal_id, &key.key, &key.fingerprint, &answer)?;
                }
            }
            Ok(Answered::Fresh(result))
        })?;
        self.delivery.committed(queued);
        Ok(answered)
    }

    /// Runs `f` over a read snapshot (checks made before slow hashing).
    fn view<T>(&self, f: impl FnOnce(&Db<'_>) -> Result<T, DomainError>) -> Result<T, DomainError> {
        self.store.view(f)
    }
}
