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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Active,
    Locked,
    Disabled,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Active => "active",
            AccountStatus::Locked => "locked",
            AccountStatus::Disabled => "disabled",
        }
    }
}

/// A customer account. `email` and `phone` are masked unless the request
/// asked for `reveal=true` with the `accounts:pii` scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Account {
    /// `acc_…`
    pub id: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Customer-chosen text: untrusted, may contain control characters.
    pub display_name: String,
    pub status: AccountStatus,
    pub email_verified: bool,
    pub phone_verified: bool,
    /// The account needs two verified channels to be reset.
    #[serde(default)]
    pub mfa: bool,
    /// Whether `email`/`phone` are shown unmasked.
    #[serde(default)]
    pub revealed: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_login_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub password_changed_at: Option<OffsetDateTime>,
    pub must_change_password: bool,
    pub devices: Vec<Device>,
}

impl Account {
    /// The channels a code or a temporary password can go out on: those with
    /// a contact on file, email first. Codes never go anywhere else.
    pub fn channels_on_file(&self) -> Vec<Channel> {
        let email = self.email.is_some().then_some(Channel::Email);
        let sms = self.phone.is_some().then_some(Channel::Sms);
        email.into_iter().chain(sms).collect()
    }

    /// The contact on file for `channel` (masked unless revealed).
    pub fn contact(&self, channel: Channel) -> Option<&str> {
        match channel {
            Channel::Email => self.email.as_deref(),
            Channel::Sms => self.phone.as_deref(),
        }
    }

    /// How the account is named in messages: `` `acc_…` (Display Name) ``,
    /// or `` `acc_…` `` when the name is blank. The name is the customer's
    /// untrusted text: sanitise the label before it reaches a terminal.
    pub fn label(&self) -> String {
        match self.display_name.trim() {
            "" => format!("`{}`", self.id),
            name => format!("`{}` ({name})", self.id),
        }
    }
}

/// A device bound to the account (it refuses a factory reset without the
/// account's password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Device {
    /// Untrusted text.
    pub model: String,
    /// Untrusted text.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_seen_at: Option<OffsetDateTime>,
}

/// `POST /v1/accounts:batchLookup` request: 1 to 500 identifiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BatchLookupRequest {
    pub identifiers: Vec<Identifier>,
}

/// `POST /v1/accounts:batchLookup` response: one result per identifier, in order.
//
// The service sends the defaults. A client may read each account as `A`
// (say the account's JSON text, to pass it on unchanged), each error code
// as `C` (say a `String`, so a code newer than the client survives) and
// each echoed input as `I` (`serde::de::IgnoredAny` when it is not needed).
// The OpenAPI document describes the defaults (`value_type`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema), schema(bound = ""))]
pub struct BatchLookupResponse<A = Account, C = ErrorCode, I = Identifier> {
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<BatchLookupResult>))]
    pub results: Vec<BatchLookupResult<A, C, I>>,
}

/// One identifier's answer: the account, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema), schema(bound = ""))]
pub struct BatchLookupResult<A = Account, C = ErrorCode, I = Identifier> {
    #[cfg_attr(feature = "openapi", schema(value_type = Identifier))]
    pub input: I,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Account>))]
    pub account: Option<A>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ItemError>))]
    pub error: Option<ItemError<C>>,
}

/// The error of one item in a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema), schema(bound = ""))]
pub struct ItemError<C = ErrorCode> {
    #[cfg_attr(feature = "openapi", schema(value_type = ErrorCode))]
    pub code: C,
    pub detail: String,
}

/// A channel a code or a notice can go out on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub const ALL: [Channel; 2] = [Channel::Email, Channel::Sms];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

impl Channel {
    /// How the channel reads in a sentence: "email", "SMS".
    pub fn in_words(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "SMS",
        }
    }
}

impl std::fmt::Display for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Channel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "email" => Ok(Channel::Email),
            "sms" => Ok(Channel::Sms),
            other => Err(format!("`{other}` is not a channel (email or sms)")),
        }
    }
}

/// `POST /v1/accounts/{id}/challenges` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ChallengeRequest {
    pub channel: Channel,
}

/// A verification code sent to a contact on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Challenge {
    pub challenge_id: String,
    pub account_id: String,
    pub channel: Channel,
    /// Masked contact the code went to.
    pub destination: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// When a new code may be sent on this channel.
    #[serde(with = "time::serde::rfc3339")]
    pub resend_after: OffsetDateTime,
    pub attempts_left: u32,
}

/// `POST /v1/challenges/{id}/verify` request. The code is a secret: it never
/// goes in a URL.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct VerifyRequest {
    pub code: String,
}

impl std::fmt::Debug for VerifyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifyRequest").field("code", &"[redacted]").finish()
    }
}

/// `POST /v1/challenges/{id}/verify` success.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum VerifyResponse {
    /// Every required channel is verified: here is the single-use token.
    Verified {
        verification_token: String,
        #[serde(with = "time::serde::rfc3339")]
        token_expires_at: OffsetDateTime,
    },
    /// MFA account: this channel is verified, another one is still needed.
    MoreRequired { remaining_channels: Vec<Channel> },
}

impl VerifyResponse {
    /// The `status` member: `verified` or `more_required`.
    pub fn status_str(&self) -> &'static str {
        match self {
            VerifyResponse::Verified { .. } => "verified",
            VerifyResponse::MoreRequired { .. } => "more_required",
        }
    }
}

impl std::fmt::Debug for VerifyResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyResponse::Verified { token_expires_at, .. } => f
                .debug_struct("Verified")
                .field("verification_token", &"[redacted]")
                .field("token_expires_at", token_expires_at)
                .finish(),
            VerifyResponse::MoreRequired { remaining_channels } => {
                f.debug_struct("MoreRequired").field("remaining_channels", remaining_channels).finish()
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PasswordMode {
    /// The service generates a temporary password, sends it to the customer
    /// and marks it must-change. Nobody else sees it.
    Deliver,
    /// The password in the request becomes the customer's password.
    Set,
}

impl PasswordMode {
    pub fn as_str(self) -> &'static str {
        match self {
            PasswordMode::Deliver => "deliver",
            PasswordMode::Set => "set",
        }
    }
}

/// `PUT /v1/accounts/{id}/password` request.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PasswordRequest {
    pub mode: PasswordMode,
    /// Where `deliver` sends the temporary password; defaults to the verified
    /// channel, else email, else SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Only with `mode: set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// From a verified challenge; without one the caller needs `password:force`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_token: Option<String>,
    #[serde(default = "default_true")]
    pub revoke_sessions: bool,
}

fn default_true() -> bool {
    true
}

impl std::fmt::Debug for PasswordRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordRequest")
            .field("mode", &self.mode)
            .field("channel", &self.channel)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("verification_token", &self.verification_token.as_ref().map(|_| "[redacted]"))
            .field("revoke_sessions", &self.revoke_sessions)
            .finish()
    }
}

/// `PUT /v1/accounts/{id}/password` success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PasswordChange {
    pub account_id: String,
    pub mode: PasswordMode,
    #[serde(with = "time::serde::rfc3339")]
    pub changed_at: OffsetDateTime,
    pub must_change_password: bool,
    pub sessions_revoked: u64,
    /// Channels the "password changed" notice went out on.
    pub notified: Vec<Channel>,
    /// `deliver` mode: the masked contact the temporary password went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_to: Option<String>,
}

/// One broken rule of the password policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PolicyViolation {
    pub code: ViolationCode,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ViolationCode {
    TooShort,
    TooLong,
    Common,
    ContainsIdentifier,
    /// Repeats the same characters or word (`passwordpassword`).
    Repetitive,
    /// Mostly a sequence (`abcd…`, `1234…`).
    Sequential,
    /// Mostly neighbouring keys (`qwerty…`).
    KeyboardPattern,
    /// Too easy to guess for its length, without one dominant pattern.
    Guessable,
    /// A code this client does not know yet.
    #[serde(other)]
    Other,
}

impl ViolationCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationCode::TooShort => "too_short",
            ViolationCode::TooLong => "too_long",
            ViolationCode::Common => "common",
            ViolationCode::ContainsIdentifier => "contains_identifier",
            ViolationCode::Repetitive => "repetitive",
            ViolationCode::Sequential => "sequential",
            ViolationCode::KeyboardPattern => "keyboard_pattern",
            ViolationCode::Guessable => "guessable",
            ViolationCode::Other => "other",
        }
    }
}

/// `POST /v1/accounts/{id}:lock` and `:unlock` and `sessions:revoke` success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SessionsRevoked {
    pub account_id: String,
    pub sessions_revoked: u64,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    VerificationCode,
    TemporaryPassword,
    PasswordChanged,
}

/// A message the service sent (or, in sandbox mode, pretended to send).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OutboxMessage {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub channel: Channel,
    pub to: String,
    pub kind: MessageKind,
    pub subject: String,
    pub body: String,
    /// The code or temporary password in the message (sandbox only).
    pub secret: Option<String>,
    pub account_id: String,
    /// Where delivery stands: messages are queued with the change that
    /// sends them and delivered by a worker that retries with back-off.
    #[serde(default)]
    pub state: DeliveryState,
    /// Delivery attempts so far.
    #[serde(default)]
    pub attempts: u32,
}

/// Where a queued message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Queued, or waiting for its next attempt.
    Pending,
    /// Taken by the SMTP server or SMS gateway (in the sandbox: recorded).
    #[default]
    Delivered,
    /// Refused for good, or not taken before its deadline; audited as
    /// `message.deliver` failed.
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }
}

impl std::fmt::Debug for OutboxMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxMessage")
            .field("id", &self.id)
            .field("channel", &self.channel)
            .field("kind", &self.kind)
            .field("account_id", &self.account_id)
            .field("state", &self.state)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

/// `GET /v1/sandbox/outbox`: every message, newest last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Outbox {
    pub messages: Vec<OutboxMessage>,
}

/// Stable machine-readable error codes (the `code` member of a problem).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body, a query parameter or a header is malformed.
    InvalidRequest,
    /// An identifier is not a valid email, phone number or account ID.
    InvalidIdentifier,
    /// No or unknown bearer token.
    Unauthenticated,
    /// The token lacks the scope this needs.
    Forbidden,
    /// A valid access token from the OpenID Connect provider whose role
    /// claim names no role this service knows (agent, sre, admin).
    NoRole,
    AccountNotFound,
    ChallengeNotFound,
    /// No route here.
    NotFound,
    /// The account has no contact on file for that channel.
    ChannelUnavailable,
    InvalidCode,
    ChallengeExpired,
    /// Too many wrong codes, or already verified.
    ChallengeUsedUp,
    /// Missing, expired, used or foreign verification token.
    VerificationInvalid,
    PasswordPolicy,
    AccountLocked,
    AccountDisabled,
    InvalidCredentials,
    RateLimited,
    /// The service is saturated (every password check taken); retry after `Retry-After`.
    ServiceBusy,
    /// The same Idempotency-Key came with a different request.
    IdempotencyKeyReused,
    /// A request with the same Idempotency-Key is still being processed.
    IdempotencyKeyInFlight,
    /// The message could not be handed to the SMTP server or SMS webhook.
    DeliveryFailed,
    MethodNotAllowed,
    UnsupportedMediaType,
    Internal,
    /// A code this client does not know yet.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::InvalidIdentifier => "invalid_identifier",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NoRole => "no_role",
            ErrorCode::AccountNotFound => "account_not_found",
            ErrorCode::ChallengeNotFound => "challenge_not_found",
            ErrorCode::NotFound => "not_found",
            ErrorCode::ChannelUnavailable => "channel_unavailable",
            ErrorCode::InvalidCode => "invalid_code",
            ErrorCode::ChallengeExpired => "challenge_expired",
            ErrorCode::ChallengeUsedUp => "challenge_used_up",
            ErrorCode::VerificationInvalid => "verification_invalid",
            ErrorCode::PasswordPolicy => "password_policy",
            ErrorCode::AccountLocked => "account_locked",
            ErrorCode::AccountDisabled => "account_disabled",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ServiceBusy => "service_busy",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::IdempotencyKeyInFlight => "idempotency_key_in_flight",
            ErrorCode::DeliveryFailed => "delivery_failed",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::Internal => "internal",
            ErrorCode::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An RFC 9457 problem document, with acctl's extension members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: ErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `invalid_code`: wrong tries left on the challenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// `password_policy`: every rule the password broke.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violations: Option<Vec<PolicyViolation>>,
    /// `rate_limited`, `service_busy`: seconds until a retry may succeed (also `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl Problem {
    pub fn new(status: u16, code: ErrorCode, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Problem {
            type_: format!("https://acctl.dev/problems/{}", code.as_str().replace('_', "-")),
            title: title.into(),
            status,
            detail: detail.into(),
            code,
            request_id: None,
            attempts_left: None,
            violations: None,
            retry_after: None,
        }
    }
}
