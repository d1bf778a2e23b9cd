//! The backend profile in use and the audit context of a change: what the
//! client and the recovery operations need from the settings, without clap.
//! [`crate::settings`] fills them in from flags, environment and config.

use std::path::PathBuf;
use std::time::Duration;

pub use crate::config::AudienceParam;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Batches in flight for `lookup -`: 8 keeps a local service as busy as wrk with
/// 8 connections (BENCHMARKS.md, P3) and hides more latency to a remote one;
/// each batch in flight holds about 200 KB.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// The backend profile in use, with defaults filled in.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub url: String,
    /// Where `url` came from: `ACCTL_URL`, `config`, or `built-in`.
    pub url_source: &'static str,
    pub region: Option<String>,
    pub require_reason: bool,
    pub protected: bool,
    pub timeout: Duration,
    pub concurrency: usize,
    /// Requests per second; `None` is no ceiling.
    pub rate: Option<f64>,
    pub ca_bundle: Option<PathBuf>,
    /// The profile allows plain `http://` to a host that is not this machine.
    pub insecure_http: bool,
    /// Bulk jobs changing more accounts than this are refused (`--max-affected`).
    pub max_affected: Option<u64>,
    /// Single sign-on with an OpenID Connect provider, when the profile sets it up.
    pub oidc: Option<OidcProfile>,
}

/// A profile's single sign-on: who issues its tokens and for what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcProfile {
    /// Exactly as configured: the discovery document must name the same string.
    pub issuer: String,
    pub client_id: String,
    /// The admin API at the provider: the `aud` of the access tokens it issues.
    pub audience: String,
    /// Asked for besides `openid offline_access`.
    pub scopes: Vec<String>,
    pub audience_param: AudienceParam,
}

impl OidcProfile {
    /// Every scope asked for: `openid offline_access` (an identity, and a
    /// refresh token), then the profile's own, each once.
    pub fn scope(&self) -> String {
        let mut all: Vec<&str> = vec!["openid", "offline_access"];
        for s in &self.scopes {
            if !all.contains(&s.as_str()) {
                all.push(s);
            }
        }
        all.join(" ")
    }

    /// The form field that names the audience, if any.
    pub fn audience_field(&self) -> Option<(&'static str, &str)> {
        match self.audience_param {
            AudienceParam::Resource => Some(("resource", &self.audience)),
            AudienceParam::Audience => Some(("audience", &self.audience)),
            AudienceParam::None => None,
        }
    }
}

/// The audit context sent with every mutating request (`Audit-Reason`,
/// `Audit-Ticket`, and `Audit-Job` for a bulk job's items).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditContext {
    pub reason: Option<String>,
    pub ticket: Option<String>,
    /// The bulk job id, so an auditor finds every change a job made.
    pub job: Option<String>,
}

/// Longest audit reason or ticket, in characters.
pub const AUDIT_TEXT_MAX_CHARS: usize = 500;

impl AuditContext {
    /// Audit text travels in an HTTP header: one line, printable, bounded.
    /// Returns the trimmed text (`None` when blank), or why it is refused.
    pub fn check_text(value: &str) -> Result<Option<&str>, &'static str> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(None);
        }
        if v.chars().any(char::is_control) {
            return Err("it must be one line of text without control characters");
        }
        if v.chars().count() > AUDIT_TEXT_MAX_CHARS {
            return Err("it is longer than 500 characters");
        }
        Ok(Some(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_text_is_one_bounded_line() {
        assert_eq!(AuditContext::check_text("  customer called "), Ok(Some("customer called")));
        assert_eq!(AuditContext::check_text("   "), Ok(None));
        assert!(AuditContext::check_text("a\r\nX-Evil: 1").is_err());
        assert!(AuditContext::check_text(&"x".repeat(501)).is_err());
        assert!(AuditContext::check_text(&"x".repeat(500)).is_ok());
    }
}
