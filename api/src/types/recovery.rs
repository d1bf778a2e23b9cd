//! Recovery: a code sent on a channel and verified, then the password set
//! or delivered under the password policy.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

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
