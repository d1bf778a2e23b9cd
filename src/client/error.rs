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
    #[error("cannot set up the HTTP client: {what}")]
    Setup {
        what: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
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

fn humanize(d: Duration) -> String {
    if d.subsec_millis() == 0 { format!("{}s", d.as_secs()) } else { format!("{}ms", d.as_millis()) }
}

impl ApiError {
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Problem { request_id, .. }
            | ApiError::Http { request_id, .. }
            | ApiError::Decode { request_id, .. } => request_id.as_deref(),
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
