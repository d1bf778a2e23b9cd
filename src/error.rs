//! The one place where errors become exit codes and user-facing text.
//!
//! Every error a command can meet is turned into a [`CliError`] here, with the
//! exit status of DESIGN §2, the chain of causes and a hint that says what to
//! do next. The ui renders it as `error:` / `  caused by:` / `hint:`.

use std::fmt;

use acctl_api::{ErrorCode, IdentifierError};

use crate::client::ApiError;
use crate::config::ConfigError;
use crate::credentials::CredentialError;
use crate::recovery::{Failure, RecoveryError};

/// Exit codes of DESIGN §2. Stable: scripts depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    Unexpected = 1,
    Usage = 2,
    NotFound = 3,
    NotAuthenticated = 4,
    VerificationFailed = 5,
    RejectedByPolicy = 6,
    RateLimited = 7,
    Unavailable = 8,
    SomeFailed = 9,
    Interrupted = 130,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status.code())
    }
}

/// What to do next, rendered after the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// "run `acctl auth login -p PROFILE`"; the profile is filled in when printed.
    Login,
    /// The service rejected the token: what to do depends on where the token
    /// came from (env, keyring, file), found when printed.
    Rejected,
    Text(String),
}

/// An error on its way to the user: exit status, message, causes, hints.
#[derive(Debug)]
pub struct CliError {
    status: ExitStatus,
    error: anyhow::Error,
    hints: Vec<Hint>,
    request_id: Option<String>,
    /// Lines shown verbatim (indented) under the message: the user's input
    /// with a caret under the place it is wrong.
    snippet: Vec<String>,
    broken_pipe: bool,
}

impl CliError {
    pub fn new(status: ExitStatus, error: impl Into<anyhow::Error>) -> Self {
        CliError {
            status,
            error: error.into(),
            hints: Vec::new(),
            request_id: None,
            snippet: Vec::new(),
            broken_pipe: false,
        }
    }

    pub fn usage(message: impl fmt::Display) -> Self {
        CliError::new(ExitStatus::Usage, anyhow::anyhow!("{message}"))
    }

    pub fn unexpected(error: impl Into<anyhow::Error>) -> Self {
        CliError::new(ExitStatus::Unexpected, error)
    }

    pub fn interrupted() -> Self {
        CliError::new(ExitStatus::Interrupted, anyhow::anyhow!("interrupted; nothing was left half-done"))
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(Hint::Text(hint.into()));
        self
    }

    /// Show `lines` under the message, one per line (see [`CliError::snippet`]).
    pub fn with_snippet(mut self, lines: Vec<String>) -> Self {
        self.snippet = lines;
        self
    }

    pub fn snippet(&self) -> &[String] {
        &self.snippet
    }

    pub fn with_login_hint(mut self) -> Self {
        if !self.hints.contains(&Hint::Login) {
            self.hints.push(Hint::Login);
        }
        self
    }

    pub fn with_context(mut self, context: impl fmt::Display + Send + Sync + 'static) -> Self {
        self.error = self.error.context(context);
        self
    }

    pub fn status(&self) -> ExitStatus {
        self.status
    }

    pub fn hints(&self) -> &[Hint] {
        &self.hints
    }

    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The message first, then each cause.
    pub fn chain(&self) -> impl Iterator<Item = String> + '_ {
        self.error.chain().map(|e| e.to_string())
    }

    /// Writing to stdout failed because the reader went away (`| head`): the
    /// run ends quietly with success, as ripgrep does.
    pub fn is_broken_pipe(&self) -> bool {
        self.broken_pipe
    }
}

/// The message and its causes on one line (the ui renders them on several).
impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.chain().collect::<Vec<_>>().join(": "))
    }
}

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        let broken_pipe = err.kind() == std::io::ErrorKind::BrokenPipe;
        let mut e = CliError::unexpected(err);
        e.broken_pipe = broken_pipe;
        e
    }
}

/// A journal that cannot be used as given (another job's, damaged) is the
/// caller's to fix (2); one that cannot be written is unexpected (1).
impl From<crate::bulk::journal::JournalError> for CliError {
    fn from(err: crate::bulk::journal::JournalError) -> Self {
        use crate::bulk::journal::JournalError::*;
        let status = match &err {
            Mismatch { .. } | NotAJournal { .. } | Damaged { .. } => ExitStatus::Usage,
            OtherToken { .. } => ExitStatus::NotAuthenticated,
            Io { .. } | WriterGone(_) => ExitStatus::Unexpected,
        };
        CliError::new(status, err)
    }
}

impl From<IdentifierError> for CliError {
    fn from(err: IdentifierError) -> Self {
        CliError::new(ExitStatus::Usage, err)
    }
}

impl From<ConfigError> for CliError {
    fn from(err: ConfigError) -> Self {
        let hint = err.hint();
        let mut e = CliError::new(ExitStatus::Usage, err);
        if let Some(hint) = hint {
            e = e.with_hint(hint);
        }
        e
    }
}

impl From<CredentialError> for CliError {
    fn from(err: CredentialError) -> Self {
        let hints = err.hints();
        let login = err.wants_login();
        let mut e = CliError::new(err.exit_status(), err);
        if login {
            e = e.with_login_hint();
        }
        for hint in hints {
            e = e.with_hint(hint);
        }
        e
    }
}

/// The exit status for a problem `code` the service answered with; `status`
/// decides for codes this client does not know.
pub fn status_for_code(code: ErrorCode, http_status: u16) -> ExitStatus {
    use ErrorCode::*;
    match code {
        AccountNotFound => ExitStatus::NotFound,
        Unauthenticated | Forbidden => ExitStatus::NotAuthenticated,
        InvalidCode | ChallengeExpired | ChallengeUsedUp | ChallengeNotFound | VerificationInvalid
        | InvalidCredentials => ExitStatus::VerificationFailed,
        PasswordPolicy | AccountLocked | AccountDisabled | ChannelUnavailable => ExitStatus::RejectedByPolicy,
        RateLimited | IdempotencyKeyInFlight => ExitStatus::RateLimited,
        DeliveryFailed | Internal | ServiceBusy => ExitStatus::Unavailable,
        InvalidRequest | InvalidIdentifier | IdempotencyKeyReused => ExitStatus::Usage,
        NotFound | MethodNotAllowed | UnsupportedMediaType | Unknown => status_for_http(http_status),
    }
}

/// The exit status for an error response that carried no usable problem code.
pub fn status_for_http(http_status: u16) -> ExitStatus {
    match http_status {
        401 | 403 => ExitStatus::NotAuthenticated,
        429 => ExitStatus::RateLimited,
        500..=599 => ExitStatus::Unavailable,
        _ => ExitStatus::Unexpected,
    }
}

/// The exit status an API error earns.
pub fn status_for_api(err: &ApiError) -> ExitStatus {
    match err {
        ApiError::Problem { problem, .. } => status_for_code(problem.code, problem.status),
        ApiError::Http { status, .. } => status_for_http(*status),
        ApiError::Connect { .. } | ApiError::Timeout { .. } => ExitStatus::Unavailable,
        // Exit 1, not 8: retrying later does not help. The admin API never
        // redirects, so a 3xx means the `url` is wrong or the backend is not
        // what it should be; a person must look (and 8 tells scripts to retry).
        ApiError::Redirected { .. } | ApiError::TooLarge { .. } | ApiError::Malformed { .. } => ExitStatus::Unexpected,
        ApiError::Decode { .. } | ApiError::Setup { .. } => ExitStatus::Unexpected,
    }
}

impl From<ApiError> for CliError {
    fn from(err: ApiError) -> Self {
        let status = status_for_api(&err);
        let request_id = err.request_id().map(str::to_owned);
        let hints = err.hints();
        // 401: sign in again. 403 is a missing scope: signing in again does not help.
        let unauthenticated = match &err {
            ApiError::Problem { problem, .. } => problem.code == acctl_api::ErrorCode::Unauthenticated,
            ApiError::Http { status, .. } => *status == 401,
            _ => false,
        };
        let mut e = CliError::new(status, err);
        e.request_id = request_id;
        if unauthenticated {
            e.hints.push(Hint::Rejected);
        }
        for hint in hints {
            e = e.with_hint(hint);
        }
        e
    }
}

/// The service's error with its status line as the cause but without its
/// message, for a failure the caller words in full itself.
fn without_service_message(api: ApiError) -> CliError {
    let status = status_for_api(&api);
    let hints = api.hints();
    match api {
        ApiError::Problem { cause, request_id, .. } => {
            let mut e = CliError::new(status, cause);
            e.request_id = request_id;
            hints.into_iter().fold(e, CliError::with_hint)
        }
        other => CliError::from(other),
    }
}

/// A recovery step's failure: its exit status, message, the service's error
/// as the cause (with the request id and the service's own hints), and the
/// step's hint last.
impl From<RecoveryError> for CliError {
    fn from(err: RecoveryError) -> Self {
        let (failure, message, hint, api) = err.into_parts();
        let mut e = match (api, failure.clone()) {
            (Some(api), _) => {
                let mut e;
                if let (Failure::PasswordPolicy { violations }, Some(_)) = (&failure, &message) {
                    // The message already counts the broken rules: the service's
                    // own sentence saying the same would only repeat it.
                    e = without_service_message(api);
                    // Each broken rule is a cause of the rejection: they print as
                    // `caused by:` lines, which show even under --quiet.
                    for v in violations.iter().rev() {
                        e = e.with_context(format!("{}: {}", v.code.as_str(), v.detail));
                    }
                } else {
                    e = CliError::from(api);
                }
                match message {
                    Some(m) => e.with_context(m),
                    None => e,
                }
            }
            (None, failure) => {
                let status = match failure {
                    Failure::NotFound => ExitStatus::NotFound,
                    Failure::InvalidInput => ExitStatus::Usage,
                    Failure::WrongCode { .. } | Failure::CodeExpired | Failure::CodeUsedUp => {
                        ExitStatus::VerificationFailed
                    }
                    _ => ExitStatus::RejectedByPolicy,
                };
                CliError::new(status, anyhow::anyhow!("{}", message.unwrap_or_else(|| format!("{failure:?}"))))
            }
        };
        if let Some(h) = hint {
            e = e.with_hint(h);
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_code_maps_to_the_design_exit_code() {
        assert_eq!(status_for_code(ErrorCode::AccountNotFound, 404).code(), 3);
        assert_eq!(status_for_code(ErrorCode::Unauthenticated, 401).code(), 4);
        assert_eq!(status_for_code(ErrorCode::Forbidden, 403).code(), 4);
        assert_eq!(status_for_code(ErrorCode::InvalidCode, 422).code(), 5);
        assert_eq!(status_for_code(ErrorCode::ChallengeExpired, 410).code(), 5);
        assert_eq!(status_for_code(ErrorCode::VerificationInvalid, 401).code(), 5);
        assert_eq!(status_for_code(ErrorCode::PasswordPolicy, 422).code(), 6);
        assert_eq!(status_for_code(ErrorCode::AccountLocked, 409).code(), 6);
        assert_eq!(status_for_code(ErrorCode::RateLimited, 429).code(), 7);
        assert_eq!(status_for_code(ErrorCode::DeliveryFailed, 502).code(), 8);
        assert_eq!(status_for_code(ErrorCode::InvalidIdentifier, 422).code(), 2);
        assert_eq!(status_for_code(ErrorCode::Unknown, 503).code(), 8);
        assert_eq!(status_for_code(ErrorCode::Unknown, 418).code(), 1);
    }

    #[test]
    fn a_broken_pipe_is_recognised() {
        let e = CliError::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
        assert!(!CliError::usage("x").is_broken_pipe());
    }
}
