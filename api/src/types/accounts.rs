//! Customer accounts as the service shows them, and what revoking an
//! account's sessions answers.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use super::Channel;

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

/// `POST /v1/accounts/{id}:lock` and `:unlock` and `sessions:revoke` success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SessionsRevoked {
    pub account_id: String,
    pub sessions_revoked: u64,
}
