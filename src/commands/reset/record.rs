//! The one record `acctl reset` prints on stdout: what was done, never a
//! password, code or token.

use acctl_api::{Channel, PasswordMode};
use serde::Serialize;
use time::OffsetDateTime;

use crate::output::{Cell, Field, Record};

#[derive(Debug, Clone, Serialize)]
pub struct ResetRecord {
    pub account_id: String,
    /// `deliver` (a temporary password went to the customer) or `set` (the customer typed one).
    pub mode: PasswordMode,
    /// The channel the first code went by; in `deliver` mode also the temporary password's.
    pub channel: Channel,
    /// Every channel a code was verified on (two for an MFA account).
    pub verified_channels: Vec<Channel>,
    /// `deliver` mode: the masked contact the temporary password went to.
    pub delivered_to: Option<String>,
    pub must_change_password: bool,
    pub sessions_revoked: u64,
    /// Channels the "password changed" notice went out on.
    pub notified: Vec<Channel>,
    #[serde(with = "time::serde::rfc3339")]
    pub changed_at: OffsetDateTime,
    /// The `Request-Id` the service answered the password change with.
    pub request_id: Option<String>,
}

static RESET_FIELDS: &[Field<ResetRecord>] = &[
    Field { name: "account_id", help: "account ID (acc_…)", get: |r| Cell::Text(r.account_id.clone()) },
    Field {
        name: "mode",
        help: "deliver (temporary password sent) or set (typed by the customer)",
        get: |r| Cell::Text(r.mode.as_str().to_owned()),
    },
    Field { name: "channel", help: "channel of the first code", get: |r| Cell::Text(r.channel.as_str().to_owned()) },
    Field {
        name: "verified_channels",
        help: "channels a code was verified on",
        get: |r| Cell::channels(&r.verified_channels),
    },
    Field {
        name: "delivered_to",
        help: "masked contact the temporary password went to",
        get: |r| Cell::opt(r.delivered_to.as_deref()),
    },
    Field {
        name: "must_change_password",
        help: "the customer must choose a new password at the next sign-in",
        get: |r| Cell::Bool(r.must_change_password),
    },
    Field {
        name: "sessions_revoked",
        help: "sessions signed out",
        get: |r| Cell::Int(i64::try_from(r.sessions_revoked).unwrap_or(i64::MAX)),
    },
    Field { name: "notified", help: "channels the change notice went out on", get: |r| Cell::channels(&r.notified) },
    Field { name: "changed_at", help: "when the password changed", get: |r| Cell::Time(r.changed_at) },
    Field { name: "request_id", help: "request id of the change", get: |r| Cell::opt(r.request_id.as_deref()) },
];

impl Record for ResetRecord {
    fn fields() -> &'static [Field<Self>] {
        RESET_FIELDS
    }
}
