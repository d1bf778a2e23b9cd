//! Messages the service sends (codes, temporary passwords, notices) and
//! where their delivery stands.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use super::Channel;

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
