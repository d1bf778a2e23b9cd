//! What can stop a recovery step, typed, with the message and the hint a
//! person needs. Each hint is worded here once, whichever front end (steps,
//! wizard, demo, bulk) meets the failure.

use std::fmt;

use acctl_api::{Account, Channel, ErrorCode, PolicyViolation};

use crate::client::ApiError;

/// Why a recovery step failed, for a front end to branch on (the wizard asks
/// again after a wrong code; bulk counts `not_found` apart from `failed`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No account matches the identifier.
    NotFound,
    /// What was typed cannot be sent (a code with letters in it); nothing was sent.
    InvalidInput,
    /// Locked accounts cannot be recovered until an SRE unlocks them.
    Locked,
    /// Disabled accounts cannot be recovered with acctl at all.
    Disabled,
    /// The account has no contact on file to send a code to.
    NoContact,
    /// No contact on file for the channel asked for.
    ChannelUnavailable,
    /// A code went out to this contact lately; `retry_after` seconds until the next.
    RateLimited {
        retry_after: Option<u64>,
    },
    /// A wrong code; `attempts_left` tries remain on the challenge.
    WrongCode {
        attempts_left: Option<u32>,
    },
    CodeExpired,
    /// Too many wrong codes, or the code was already used.
    CodeUsedUp,
    ChallengeNotFound,
    /// The new password breaks these rules; the verification still holds.
    PasswordPolicy {
        violations: Vec<PolicyViolation>,
    },
    /// The verification token is missing, expired, used or someone else's.
    VerificationInvalid,
    /// The token's role may not do this (a forced reset without `password:force`).
    Forbidden,
    /// Anything else the service or the network said: see the [`ApiError`].
    Service,
}

/// A failed recovery step: what failed ([`Failure`]), what it means for the
/// account (the message), what to do next (the hint) and, when the service
/// answered, its error (the cause, with the request id).
#[derive(Debug)]
pub struct RecoveryError {
    failure: Failure,
    /// `None`: the service's own message says it all.
    message: Option<String>,
    hint: Option<String>,
    /// Boxed: an error travels by value through every `Result` here.
    api: Option<Box<ApiError>>,
}

/// What a locked account needs, however the step met the lock.
fn locked_hint(account_id: &str) -> String {
    format!(
        "`acctl audit --account {account_id}` shows who locked it and why; \
         `acctl account unlock {account_id}` (sre role) unlocks it"
    )
}

/// What a disabled account needs, however the step met it.
const DISABLED_HINT: &str = "a disabled account cannot be recovered with acctl; escalate to an administrator";

impl RecoveryError {
    pub(crate) fn new(failure: Failure, message: impl Into<String>) -> Self {
        RecoveryError { failure, message: Some(message.into()), hint: None, api: None }
    }

    /// The service's error as it came, classified.
    pub(crate) fn service(api: ApiError) -> Self {
        RecoveryError { failure: classify(&api), message: None, hint: None, api: Some(Box::new(api)) }
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same failure in a front end's own words, for one whose next step
    /// differs from the one the hint names (the wizard's "run `acctl reset`
    /// again"). The service's error stays the cause.
    pub fn reworded(mut self, message: impl Into<String>, hint: Option<String>) -> Self {
        self.message = Some(message.into());
        self.hint = hint;
        self
    }

    /// `` account `acc_…` is locked: {consequence} `` (or disabled), with its
    /// hint; `None` when the account is active. Names the account by its ID
    /// alone: a front end that checks the status first has just shown it.
    pub(crate) fn inactive(account: &Account, consequence: &str) -> Option<Self> {
        inactive_error(account.status, &format!("`{}`", account.id), &account.id, consequence)
    }

    pub fn failure(&self) -> &Failure {
        &self.failure
    }

    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    pub fn api(&self) -> Option<&ApiError> {
        self.api.as_deref()
    }

    /// The parts, for the one place that turns errors into exit codes.
    pub fn into_parts(self) -> (Failure, Option<String>, Option<String>, Option<ApiError>) {
        (self.failure, self.message, self.hint, self.api.map(|api| *api))
    }
}

/// The one wording of "this account is locked/disabled", for a status read
/// beforehand and for the service's answer alike.
fn inactive_error(status: acctl_api::AccountStatus, label: &str, id: &str, consequence: &str) -> Option<RecoveryError> {
    use acctl_api::AccountStatus::*;
    match status {
        Active => None,
        Locked => Some(
            RecoveryError::new(Failure::Locked, format!("account {label} is locked: {consequence}"))
                .with_hint(locked_hint(id)),
        ),
        Disabled => Some(
            RecoveryError::new(Failure::Disabled, format!("account {label} is disabled: {consequence}"))
                .with_hint(DISABLED_HINT),
        ),
    }
}

/// The service's locked/disabled answer for `account`, worded as
/// [`RecoveryError::inactive`] words a status read beforehand (with the
/// account's name: the step has not shown it).
pub(crate) fn with_account_state(e: RecoveryError, account: &Account, consequence: &str) -> RecoveryError {
    let status = match e.failure {
        Failure::Locked => acctl_api::AccountStatus::Locked,
        Failure::Disabled => acctl_api::AccountStatus::Disabled,
        _ => return e,
    };
    match inactive_error(status, &account.label(), &account.id, consequence) {
        Some(worded) => RecoveryError { api: e.api, ..worded },
        None => e,
    }
}

fn classify(api: &ApiError) -> Failure {
    let problem = api.problem();
    match api.code() {
        Some(ErrorCode::AccountNotFound) => Failure::NotFound,
        Some(ErrorCode::AccountLocked) => Failure::Locked,
        Some(ErrorCode::AccountDisabled) => Failure::Disabled,
        Some(ErrorCode::ChannelUnavailable) => Failure::ChannelUnavailable,
        Some(ErrorCode::RateLimited) => Failure::RateLimited { retry_after: problem.and_then(|p| p.retry_after) },
        Some(ErrorCode::InvalidCode) => Failure::WrongCode { attempts_left: problem.and_then(|p| p.attempts_left) },
        Some(ErrorCode::ChallengeExpired) => Failure::CodeExpired,
        Some(ErrorCode::ChallengeUsedUp) => Failure::CodeUsedUp,
        Some(ErrorCode::ChallengeNotFound) => Failure::ChallengeNotFound,
        Some(ErrorCode::PasswordPolicy) => {
            Failure::PasswordPolicy { violations: problem.and_then(|p| p.violations.clone()).unwrap_or_default() }
        }
        Some(ErrorCode::VerificationInvalid) => Failure::VerificationInvalid,
        Some(ErrorCode::Forbidden) => Failure::Forbidden,
        _ => Failure::Service,
    }
}

/// The message, else the service's.
impl fmt::Display for RecoveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.message, &self.api) {
            (Some(m), _) => f.write_str(m),
            (None, Some(api)) => write!(f, "{api}"),
            (None, None) => write!(f, "{:?}", self.failure),
        }
    }
}

impl std::error::Error for RecoveryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match (&self.message, &self.api) {
            (Some(_), Some(api)) => Some(api.as_ref()),
            (None, Some(api)) => std::error::Error::source(api.as_ref()),
            _ => None,
        }
    }
}

/// Channels as a person reads them: `email and sms`.
pub(crate) fn channel_list(channels: &[Channel], sep: &str) -> String {
    channels.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(sep)
}
