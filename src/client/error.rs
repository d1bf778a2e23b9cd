//! What can go wrong talking to the Admin API, typed.

use std::fmt;
use std::time::Duration;

use acctl_api::{ErrorCode, Problem};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The service answered with a problem document (RFC 9457).
    #[error("{message}")]
    Problem {
        message: String,
        #[source]
        cause: Exchange,
        problem: Box<Problem>,
        request_id: Option<String>,
    },
    /// An error status without a problem document (a proxy's HTML page, say).
    #[error("the service answered HTTP {status}")]
    Http {
        status: u16,
        #[source]
        cause: Exchange,
        request_id: Option<String>,
    },
    #[error("cannot connect to `{url}`")]
    Connect {
        url: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
        attempts: u32,
    },
    #[error("`{endpoint}` did not answer within {}", humanize(*.timeout))]
    Timeout { endpoint: String, timeout: Duration, attempts: u32 },
    #[error("the answer to `{endpoint}` is not what acctl expects")]
    Decode {
        endpoint: String,
        request_id: Option<String>,
        #[source]
        source: serde_json::Error,
    },
    /// A 3xx: the admin API never redirects, so acctl follows none (a
    /// redirect would carry a password or code to another origin).
    #[error("the service redirected `{endpoint}` (HTTP {status}) to `{location}`; acctl follows no redirects")]
    Redirected { endpoint: String, status: u16, location: String, request_id: Option<String> },
    /// The answer passed [`super::transport::MAX_RESPONSE_BYTES`].
    #[error("{}", too_large(endpoint, *limit, *declared))]
    TooLarge { endpoint: String, limit: u64, declared: Option<u64>, request_id: Option<String> },
    /// An ID in the answer does not have its format ([`super::checks`]).
    #[error("the backend sent a malformed {what} in its answer to `{endpoint}`")]
    Malformed { endpoint: String, what: &'static str, request_id: Option<String> },
    /// No access token to send: signing in again is needed, or the identity
    /// provider that renews them did not answer.
    #[error(transparent)]
    Token(TokenError),
    #[error("cannot set up the HTTP client: {what}")]
    Setup {
        what: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

/// Why a client has no access token to send, in the words of whatever
/// renews them (single sign-on), with its exit-status class and next step.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct TokenError {
    pub message: String,
    pub failure: TokenFailure,
    pub hint: Option<String>,
    #[source]
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// What kind of failure a [`TokenError`] is: it picks the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenFailure {
    /// The sign-in is over (expired, revoked, signed out elsewhere): exit 4.
    SignInAgain,
    /// The identity provider or the keyring did not answer: exit 8.
    Unavailable,
    /// Anything else: exit 1.
    Other,
}

/// The request and the status line, shown as the cause of an API error.
#[derive(Debug)]
pub struct Exchange {
    pub endpoint: String,
    pub status: u16,
    pub code: Option<ErrorCode>,
    pub attempts: u32,
}

impl fmt::Display for Exchange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` answered {}", self.endpoint, self.status)?;
        if let Some(code) = self.code {
            write!(f, " {code}")?;
        }
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for Exchange {}

fn too_large(endpoint: &str, limit: u64, declared: Option<u64>) -> String {
    let limit = super::transport::human_bytes(limit);
    match declared {
        Some(n) => {
            format!("the answer to `{endpoint}` would be {n} bytes, over acctl's limit of {limit}; it was not read")
        }
        None => format!("the answer to `{endpoint}` is larger than acctl's limit of {limit}; it was not read"),
    }
}

fn humanize(d: Duration) -> String {
    if d.subsec_millis() == 0 { format!("{}s", d.as_secs()) } else { format!("{}ms", d.as_millis()) }
}

impl ApiError {
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Problem { request_id, .. }
            | ApiError::Http { request_id, .. }
            | ApiError::Decode { request_id, .. }
            | ApiError::Redirected { request_id, .. }
            | ApiError::TooLarge { request_id, .. }
            | ApiError::Malformed { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The problem code, when the service sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Problem { problem, .. } => Some(problem.code),
            _ => None,
        }
    }

    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Problem { problem, .. } => Some(problem),
            _ => None,
        }
    }

    /// The next step to suggest, beyond the login hint the exit-code map adds.
    pub fn hints(&self) -> Vec<String> {
        match self {
            ApiError::Connect { url, .. } => vec![format!(
                "is the service running at `{url}`? `acctl config show` prints the profile's `url`; `ACCTL_URL` overrides it"
            )],
            ApiError::Timeout { .. } => {
                vec!["the service is slow or unreachable; raise `timeout` in the profile if it is just slow".to_owned()]
            }
            ApiError::Redirected { .. } => vec![
                "the admin API never redirects: check the profile's `url` (`acctl config show`); if the service really moved, put its new address there yourself".to_owned(),
            ],
            ApiError::TooLarge { .. } | ApiError::Malformed { .. } => vec![
                "nothing from this answer was used; is the profile's `url` the account service? (`acctl config show`)"
                    .to_owned(),
            ],
            ApiError::Token(e) => e.hint.iter().cloned().collect(),
            ApiError::Problem { problem, .. } => match problem.code {
                ErrorCode::Forbidden => {
                    vec![
                        "your token's role lacks the scope this needs; `acctl auth status` lists your scopes"
                            .to_owned(),
                    ]
                }
                ErrorCode::RateLimited => vec![match problem.retry_after {
                    Some(s) => format!("wait {s}s and try again"),
                    None => "wait a little and try again".to_owned(),
                }],
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}
