//! Bulk remediation (`acctl bulk`): one action over a list of accounts,
//! exactly once, through faults, rate limits, Ctrl-C and `kill -9`.
//!
//! The parts, none of which knows clap or the terminal: [`input`] reads the
//! list (identifiers, a CSV column, or `acctl lookup -`'s NDJSON) with line
//! numbers; [`journal`] is the job's durable record (the plan, then each
//! item's outcome as it happens) and what a resume rebuilds from it. The
//! changes themselves are the recovery layer's operations, each sent with an
//! `Idempotency-Key` derived from the job, the action and the account, so a
//! retry or a resumed run replays the service's first answer instead of
//! applying twice.

pub mod exec;
pub mod input;
pub mod journal;
pub mod plan;

use serde::{Deserialize, Serialize};

/// What a job does to each account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// A temporary password delivered on the channel on file, every session
    /// revoked, the customer notified (needs `password:force`).
    ForceReset,
    Lock,
    Unlock,
    RevokeSessions,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::ForceReset => "force-reset",
            Action::Lock => "lock",
            Action::Unlock => "unlock",
            Action::RevokeSessions => "revoke-sessions",
        }
    }

    /// The verb a person reads in a plan or a prompt.
    pub fn verb(self) -> &'static str {
        match self {
            Action::ForceReset => "force a password reset of",
            Action::Lock => "lock",
            Action::Unlock => "unlock",
            Action::RevokeSessions => "sign out every session of",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one account (or one input line) ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    /// Already in the target state: nothing needed doing.
    Unchanged,
    NotFound,
    /// The line is not an identifier (or not UTF-8, or lacks the CSV column).
    Invalid,
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Unchanged => "unchanged",
            Outcome::NotFound => "not_found",
            Outcome::Invalid => "invalid",
            Outcome::Failed => "failed",
        }
    }

    /// Whether a job counts this item as finished (a resume skips it).
    /// A failed item is tried again by a resume, with the same key.
    pub fn is_settled(self) -> bool {
        !matches!(self, Outcome::Failed)
    }
}

/// One account's (or one unusable line's) result: printed on stdout and
/// written to the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    /// The input line's number (1-based), for the plan's lists.
    pub line: u64,
    pub input: String,
    pub account_id: Option<String>,
    pub outcome: Outcome,
    /// The service's (or acctl's) error code when not done/unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}
