//! The audit log: what was done, by whom, why, and how to page through it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub enum AuditAction {
    #[serde(rename = "challenge.create")]
    ChallengeCreate,
    #[serde(rename = "challenge.verify")]
    ChallengeVerify,
    #[serde(rename = "password.set")]
    PasswordSet,
    #[serde(rename = "account.lock")]
    AccountLock,
    #[serde(rename = "account.unlock")]
    AccountUnlock,
    #[serde(rename = "sessions.revoke")]
    SessionsRevoke,
    #[serde(rename = "account.reveal")]
    AccountReveal,
    #[serde(rename = "login")]
    Login,
    #[serde(rename = "message.deliver")]
    MessageDeliver,
}

impl AuditAction {
    pub const ALL: [AuditAction; 9] = [
        AuditAction::ChallengeCreate,
        AuditAction::ChallengeVerify,
        AuditAction::PasswordSet,
        AuditAction::AccountLock,
        AuditAction::AccountUnlock,
        AuditAction::SessionsRevoke,
        AuditAction::AccountReveal,
        AuditAction::Login,
        AuditAction::MessageDeliver,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::ChallengeCreate => "challenge.create",
            AuditAction::ChallengeVerify => "challenge.verify",
            AuditAction::PasswordSet => "password.set",
            AuditAction::AccountLock => "account.lock",
            AuditAction::AccountUnlock => "account.unlock",
            AuditAction::SessionsRevoke => "sessions.revoke",
            AuditAction::AccountReveal => "account.reveal",
            AuditAction::Login => "login",
            AuditAction::MessageDeliver => "message.deliver",
        }
    }
}

impl std::str::FromStr for AuditAction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == s).ok_or_else(|| format!("`{s}` is not an audit action"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditOutcome {
    Success,
    Denied,
    Failed,
}

impl AuditOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditOutcome::Success => "success",
            AuditOutcome::Denied => "denied",
            AuditOutcome::Failed => "failed",
        }
    }
}

/// One audited action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AuditEvent {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The operator (`oidc:SUBJECT` for a caller signed in through the
    /// OpenID Connect provider), or `customer` for customer sign-ins.
    pub actor: String,
    /// The email claim of an OpenID Connect caller's access token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_email: Option<String>,
    pub action: AuditAction,
    pub account_id: Option<String>,
    pub reason: Option<String>,
    pub ticket: Option<String>,
    pub request_id: String,
    pub outcome: AuditOutcome,
    /// Non-secret details: the mode of a password change, the channel of a
    /// code, the error code of a failure.
    #[serde(default)]
    pub detail: Option<String>,
}

/// `GET /v1/audit` query parameters, all optional; unknown ones are a 400.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only events about this account (`acc_…`).
    pub account_id: Option<String>,
    /// Only events by this operator (agent and SRE tokens see only their own).
    pub actor: Option<String>,
    /// Only this action, e.g. `password.set`.
    pub action: Option<String>,
    /// Only events recorded with this ticket (`Audit-Ticket`), exactly.
    pub ticket: Option<String>,
    /// Only events at or after this time: RFC 3339, or an age such as `24h` (`s`, `m`, `h`, `d`).
    pub since: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Events per page, 1 to 1000 (default 100).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1000))]
    pub limit: Option<u32>,
}

impl AuditQuery {
    /// The parameters that are set, as query pairs, in declaration order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let text = [
            ("account_id", &self.account_id),
            ("actor", &self.actor),
            ("action", &self.action),
            ("ticket", &self.ticket),
            ("since", &self.since),
            ("cursor", &self.cursor),
        ];
        let mut pairs: Vec<_> = text.into_iter().filter_map(|(k, v)| v.clone().map(|v| (k, v))).collect();
        pairs.extend(self.limit.map(|l| ("limit", l.to_string())));
        pairs
    }
}

/// `GET /v1/audit` page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AuditPage {
    pub events: Vec<AuditEvent>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}
