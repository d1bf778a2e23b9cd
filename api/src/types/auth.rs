//! Who a caller is and what it may do (`whoami`, roles, scopes), and the
//! customer's own sign-in.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::ident::Identifier;

/// Who the bearer token belongs to and what it may do (`GET /v1/whoami`).
///
/// For an access token from the service's OpenID Connect provider, `actor`
/// is `oidc:SUBJECT` and the members after `scopes` say what the token
/// claims; they are absent for the service's own tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Whoami {
    pub actor: String,
    pub role: Role,
    pub scopes: Vec<String>,
    /// The provider that issued the access token (its `iss`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The provider's subject (`sub`) for the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The token's `email` claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The token's `name` claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the access token expires (its `exp`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "time::serde::rfc3339::option")]
    pub token_expires_at: Option<OffsetDateTime>,
}

/// An operator role; each maps to a fixed set of scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Support agent: read accounts, send and verify codes, reset with a verification token.
    Agent,
    /// Site reliability engineer: agent, plus forced resets, lock/unlock, session revocation.
    Sre,
    /// Administrator: SRE, plus unmasked PII and everyone's audit events.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Sre => "sre",
            Role::Admin => "admin",
        }
    }

    /// The scopes a token of this role carries.
    pub fn scopes(self) -> &'static [&'static str] {
        const AGENT: &[&str] = &[scope::ACCOUNTS_READ, scope::CHALLENGES, scope::PASSWORD_VERIFIED, scope::AUDIT_READ];
        const SRE: &[&str] = &[
            scope::ACCOUNTS_READ,
            scope::CHALLENGES,
            scope::PASSWORD_VERIFIED,
            scope::AUDIT_READ,
            scope::PASSWORD_FORCE,
            scope::ACCOUNTS_LOCK,
            scope::SESSIONS_REVOKE,
        ];
        const ADMIN: &[&str] = &[
            scope::ACCOUNTS_READ,
            scope::CHALLENGES,
            scope::PASSWORD_VERIFIED,
            scope::AUDIT_READ,
            scope::PASSWORD_FORCE,
            scope::ACCOUNTS_LOCK,
            scope::SESSIONS_REVOKE,
            scope::ACCOUNTS_PII,
            scope::AUDIT_READ_ALL,
        ];
        match self {
            Role::Agent => AGENT,
            Role::Sre => SRE,
            Role::Admin => ADMIN,
        }
    }

    pub fn has(self, scope: &str) -> bool {
        self.scopes().contains(&scope)
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "agent" => Ok(Role::Agent),
            "sre" => Ok(Role::Sre),
            "admin" => Ok(Role::Admin),
            other => Err(format!("`{other}` is not a role (agent, sre or admin)")),
        }
    }
}

/// Scope names as they appear in `whoami`.
pub mod scope {
    pub const ACCOUNTS_READ: &str = "accounts:read";
    pub const ACCOUNTS_PII: &str = "accounts:pii";
    pub const ACCOUNTS_LOCK: &str = "accounts:lock";
    pub const CHALLENGES: &str = "challenges:write";
    pub const PASSWORD_VERIFIED: &str = "password:reset";
    pub const PASSWORD_FORCE: &str = "password:force";
    pub const SESSIONS_REVOKE: &str = "sessions:revoke";
    pub const AUDIT_READ: &str = "audit:read";
    pub const AUDIT_READ_ALL: &str = "audit:read_all";
}

/// `POST /v1/auth/login` request: the customer's own sign-in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LoginRequest {
    pub identifier: Identifier,
    pub password: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest").field("identifier", &self.identifier).field("password", &"[redacted]").finish()
    }
}

/// `POST /v1/auth/login` success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LoginResponse {
    pub account_id: String,
    pub must_change_password: bool,
    pub session_id: String,
}
