//! Looking accounts up: the record printed per identifier, reading
//! identifiers from a stream, and the batched, ordered pipeline.

pub mod input;
pub mod pipeline;

use acctl_api::{Account, Device};
use serde::Serialize;

use crate::output::record::human_time;
use crate::output::{Cell, Field, Record};

/// Error codes the CLI itself gives a line, next to the service's codes.
pub mod codes {
    /// Not an email, phone number or account ID.
    pub const INVALID_IDENTIFIER: &str = "invalid_identifier";
    /// Not valid UTF-8, or a CSV line without the column.
    pub const INVALID_INPUT: &str = "invalid_input";
    /// The batch this line was in failed after retries.
    pub const BACKEND_UNAVAILABLE: &str = "backend_unavailable";
    pub const ACCOUNT_NOT_FOUND: &str = "account_not_found";
}

/// One line's answer: `{"input": …, "account": …}` or `{"input": …, "error": {code, detail}}`.
#[derive(Debug, Clone, Serialize)]
pub struct LookupRecord {
    /// The identifier as given (trimmed).
    pub input: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<LookupError>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LookupError {
    pub code: String,
    pub detail: String,
}

impl LookupRecord {
    pub fn found(input: String, account: Account) -> Self {
        LookupRecord { input, account: Some(account), error: None }
    }

    pub fn failed(input: String, code: &str, detail: impl Into<String>) -> Self {
        LookupRecord { input, account: None, error: Some(LookupError { code: code.to_owned(), detail: detail.into() }) }
    }

    /// Found, or a definite "no such account": the line got an answer.
    pub fn answered(&self) -> bool {
        self.account.is_some() || self.error.as_ref().is_some_and(|e| e.code == codes::ACCOUNT_NOT_FOUND)
    }

    pub fn not_found(&self) -> bool {
        self.error.as_ref().is_some_and(|e| e.code == codes::ACCOUNT_NOT_FOUND)
    }

    fn account_cell(&self, f: impl Fn(&Account) -> Cell) -> Cell {
        self.account.as_ref().map_or(Cell::Null, f)
    }
}

fn device_line(d: &Device) -> String {
    let mut s = d.model.clone();
    if let Some(name) = d.name.as_deref().filter(|n| !n.is_empty()) {
        s.push_str(&format!(" \"{name}\""));
    }
    if let Some(seen) = d.last_seen_at {
        s.push_str(&format!(", last seen {}", human_time(seen)));
    }
    s
}

static LOOKUP_FIELDS: &[Field<LookupRecord>] = &[
    Field { name: "input", help: "the identifier as given", get: |r| Cell::Text(r.input.clone()) },
    Field { name: "id", help: "account ID (acc_…)", get: |r| r.account_cell(|a| Cell::Text(a.id.clone())) },
    Field {
        name: "display_name",
        help: "customer-chosen name (untrusted)",
        get: |r| r.account_cell(|a| Cell::Text(a.display_name.clone())),
    },
    Field {
        name: "email",
        help: "email on file (masked unless --reveal)",
        get: |r| r.account_cell(|a| Cell::opt(a.email.as_deref())),
    },
    Field { name: "email_verified", help: "", get: |r| r.account_cell(|a| Cell::Bool(a.email_verified)) },
    Field {
        name: "phone",
        help: "phone on file (masked unless --reveal)",
        get: |r| r.account_cell(|a| Cell::opt(a.phone.as_deref())),
    },
    Field { name: "phone_verified", help: "", get: |r| r.account_cell(|a| Cell::Bool(a.phone_verified)) },
    Field {
        name: "status",
        help: "active, locked or disabled",
        get: |r| r.account_cell(|a| Cell::Text(a.status.as_str().to_owned())),
    },
    Field { name: "mfa", help: "a reset needs two verified channels", get: |r| r.account_cell(|a| Cell::Bool(a.mfa)) },
    Field { name: "must_change_password", help: "", get: |r| r.account_cell(|a| Cell::Bool(a.must_change_password)) },
    Field { name: "created_at", help: "", get: |r| r.account_cell(|a| Cell::Time(a.created_at)) },
    Field { name: "last_login_at", help: "", get: |r| r.account_cell(|a| Cell::time(a.last_login_at)) },
    Field { name: "password_changed_at", help: "", get: |r| r.account_cell(|a| Cell::time(a.password_changed_at)) },
    Field {
        name: "devices",
        help: "bound devices: model, name, last seen",
        get: |r| r.account_cell(|a| Cell::List(a.devices.iter().map(device_line).collect())),
    },
    Field {
        name: "device_models",
        help: "models of the bound devices",
        get: |r| r.account_cell(|a| Cell::List(a.devices.iter().map(|d| d.model.clone()).collect())),
    },
    Field {
        name: "error",
        help: "error code when there is no account",
        get: |r| Cell::opt(r.error.as_ref().map(|e| e.code.as_str())),
    },
    Field {
        name: "error_detail",
        help: "what the error means",
        get: |r| Cell::opt(r.error.as_ref().map(|e| e.detail.as_str())),
    },
];

impl Record for LookupRecord {
    fn fields() -> &'static [Field<Self>] {
        LOOKUP_FIELDS
    }

    fn table_fields() -> &'static [&'static str] {
        &["input", "id", "display_name", "status", "email", "phone", "error"]
    }

    fn card(&self) -> Vec<(String, String)> {
        let Some(a) = &self.account else {
            let e = self.error.as_ref();
            return vec![
                ("Input".into(), self.input.clone()),
                ("Error".into(), e.map(|e| e.code.clone()).unwrap_or_default()),
                ("Detail".into(), e.map(|e| e.detail.clone()).unwrap_or_default()),
            ];
        };
        let verified = |v: bool| if v { " (verified)" } else { " (not verified)" };
        let contact =
            |c: &Option<String>, v: bool| c.as_ref().map_or("—".to_owned(), |c| format!("{c}{}", verified(v)));
        let devices = if a.devices.is_empty() {
            "none".to_owned()
        } else {
            a.devices.iter().map(device_line).collect::<Vec<_>>().join("\n")
        };
        vec![
            ("ID".into(), a.id.clone()),
            ("Name".into(), a.display_name.clone()),
            ("Status".into(), a.status.as_str().to_owned()),
            ("Email".into(), contact(&a.email, a.email_verified)),
            ("Phone".into(), contact(&a.phone, a.phone_verified)),
            ("MFA".into(), if a.mfa { "yes: a reset needs codes on email and SMS".into() } else { "no".into() }),
            ("Created".into(), human_time(a.created_at)),
            ("Last sign-in".into(), a.last_login_at.map_or("never".to_owned(), human_time)),
            ("Password changed".into(), a.password_changed_at.map_or("never".to_owned(), human_time)),
            ("Must change password".into(), if a.must_change_password { "yes".into() } else { "no".into() }),
            ("Devices".into(), devices),
        ]
    }
}
