//! Looking accounts up: the record printed per identifier, reading
//! identifiers from a stream, and the batched, ordered pipeline.

pub mod input;
pub mod pipeline;

use std::borrow::Cow;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

use acctl_api::{Account, Device};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::output::record::{email_for_display, human_time};
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
    pub account: Option<AccountJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<LookupError>,
}

/// A found account, decoded, or as the service's JSON text.
///
/// `lookup -` writing NDJSON (the pipeline case) passes the text on as it
/// came: decoding 200,000 accounts only to encode them again was most of its
/// CPU time, taken from the service on a shared machine. The text stays in
/// the answer's body, shared by the batch's records, rather than copied out
/// per account. Every other format reads fields, so it decodes.
#[derive(Debug, Clone)]
pub enum AccountJson {
    Decoded(Box<Account>),
    /// One compact JSON object (no line breaks: it is written as part of one
    /// line), `body[range]`.
    Verbatim {
        body: Arc<Vec<u8>>,
        range: Range<usize>,
    },
}

impl AccountJson {
    /// `body[range]`, the service's text of one account (already checked as
    /// UTF-8 JSON), kept only when it is one line holding an object; otherwise
    /// decoded, so nothing that is not an account is passed on.
    pub fn from_service(body: &Arc<Vec<u8>>, range: Range<usize>) -> Result<Self, serde_json::Error> {
        let text = &body[range.clone()];
        if text.starts_with(b"{") && memchr::memchr2(b'\n', b'\r', text).is_none() {
            Ok(AccountJson::Verbatim { body: Arc::clone(body), range })
        } else {
            serde_json::from_slice::<Account>(text).map(|a| AccountJson::Decoded(Box::new(a)))
        }
    }

    /// The account's fields; a verbatim one is decoded here (not the hot path).
    pub fn decoded(&self) -> Option<Cow<'_, Account>> {
        match self {
            AccountJson::Decoded(a) => Some(Cow::Borrowed(a)),
            AccountJson::Verbatim { body, range } => serde_json::from_slice(&body[range.clone()]).ok().map(Cow::Owned),
        }
    }
}

/// The service's text as it came, or the decoded account encoded again.
impl Serialize for AccountJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AccountJson::Decoded(a) => a.serialize(serializer),
            // Only where a record is not written by `write_json_line`
            // (`--jq`, a terminal), which decode every record anyway.
            AccountJson::Verbatim { body, range } => std::str::from_utf8(&body[range.clone()])
                .map_err(serde::ser::Error::custom)
                .and_then(|text| RawValue::from_string(text.to_owned()).map_err(serde::ser::Error::custom))?
                .serialize(serializer),
        }
    }
}

impl From<Account> for AccountJson {
    fn from(a: Account) -> Self {
        AccountJson::Decoded(Box::new(a))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LookupError {
    pub code: String,
    pub detail: String,
}

impl LookupRecord {
    pub fn found(input: String, account: impl Into<AccountJson>) -> Self {
        LookupRecord { input, account: Some(account.into()), error: None }
    }

    pub fn failed(input: String, code: &str, detail: impl Into<String>) -> Self {
        LookupRecord { input, account: None, error: Some(LookupError { code: code.to_owned(), detail: detail.into() }) }
    }

    pub fn not_found(&self) -> bool {
        self.error.as_ref().is_some_and(|e| e.code == codes::ACCOUNT_NOT_FOUND)
    }

    fn account_cell(&self, f: impl Fn(&Account) -> Cell) -> Cell {
        self.account.as_ref().and_then(AccountJson::decoded).map_or(Cell::Null, |a| f(&a))
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
        get: |r| r.account_cell(|a| Cell::email(a.email.as_deref())),
    },
    Field {
        name: "email_verified",
        help: "the customer proved the email is theirs",
        get: |r| r.account_cell(|a| Cell::Bool(a.email_verified)),
    },
    Field {
        name: "phone",
        help: "phone on file (masked unless --reveal)",
        get: |r| r.account_cell(|a| Cell::opt(a.phone.as_deref())),
    },
    Field {
        name: "phone_verified",
        help: "the customer proved the phone is theirs",
        get: |r| r.account_cell(|a| Cell::Bool(a.phone_verified)),
    },
    Field {
        name: "status",
        help: "active, locked or disabled",
        get: |r| r.account_cell(|a| Cell::Text(a.status.as_str().to_owned())),
    },
    Field { name: "mfa", help: "a reset needs two verified channels", get: |r| r.account_cell(|a| Cell::Bool(a.mfa)) },
    Field {
        name: "must_change_password",
        help: "a new password is due at the next sign-in",
        get: |r| r.account_cell(|a| Cell::Bool(a.must_change_password)),
    },
    Field {
        name: "created_at",
        help: "when the account was created",
        get: |r| r.account_cell(|a| Cell::Time(a.created_at)),
    },
    Field {
        name: "last_login_at",
        help: "the customer's last sign-in (empty: never)",
        get: |r| r.account_cell(|a| Cell::time(a.last_login_at)),
    },
    Field {
        name: "password_changed_at",
        help: "the last password change (empty: never)",
        get: |r| r.account_cell(|a| Cell::time(a.password_changed_at)),
    },
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

    /// The same bytes as the derived `Serialize`, with a verbatim account
    /// written straight from the answer's body.
    fn write_json_line<W: Write>(&self, out: &mut W) -> serde_json::Result<()> {
        let Some(AccountJson::Verbatim { body, range }) = &self.account else {
            return serde_json::to_writer(out, self);
        };
        out.write_all(b"{\"input\":").map_err(serde_json::Error::io)?;
        crate::output::json_text::write_json_str(out, &self.input)?;
        out.write_all(b",\"account\":").map_err(serde_json::Error::io)?;
        out.write_all(&body[range.clone()]).map_err(serde_json::Error::io)?;
        out.write_all(b"}").map_err(serde_json::Error::io)
    }

    fn table_fields() -> &'static [&'static str] {
        &["input", "id", "display_name", "status", "email", "phone", "error"]
    }

    fn card(&self) -> Vec<(String, String)> {
        let Some(a) = self.account.as_ref().and_then(AccountJson::decoded) else {
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
            ("Email".into(), contact(&a.email.as_deref().map(email_for_display), a.email_verified)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::BatchAnswer;

    /// `text` as the whole body of an answer.
    fn from_service(text: &str) -> Result<AccountJson, serde_json::Error> {
        AccountJson::from_service(&Arc::new(text.as_bytes().to_vec()), 0..text.len())
    }

    fn ndjson_line(record: &LookupRecord) -> String {
        let mut line = Vec::new();
        record.write_json_line(&mut line).unwrap();
        String::from_utf8(line).unwrap()
    }

    const ACCOUNT: &str = r#"{"id":"acc_x","email":null,"phone":null,"display_name":"X","status":"active","email_verified":false,"phone_verified":false,"created_at":"2026-01-01T00:00:00Z","last_login_at":null,"password_changed_at":null,"must_change_password":false,"devices":[]}"#;

    #[test]
    fn a_one_line_object_is_passed_on_as_it_came() {
        let body = format!(r#"{{"results":[{{"account":{ACCOUNT}}}]}}"#);
        let start = body.find("{\"id\"").unwrap();
        let json = AccountJson::from_service(&Arc::new(body.into_bytes()), start..start + ACCOUNT.len()).unwrap();
        assert!(matches!(json, AccountJson::Verbatim { .. }));
        assert_eq!(serde_json::to_string(&json).unwrap(), ACCOUNT);
        assert_eq!(json.decoded().unwrap().id, "acc_x");
    }

    #[test]
    fn a_field_from_a_newer_service_comes_through_in_ndjson() {
        // README: in NDJSON the account is the service's own JSON, unchanged.
        let newer = ACCOUNT.replace(r#""devices":[]"#, r#""devices":[],"risk_score":7"#);
        let record = LookupRecord::found("acc_\"x".into(), from_service(&newer).unwrap());
        let line = ndjson_line(&record);
        assert_eq!(line, format!(r#"{{"input":"acc_\"x","account":{newer}}}"#));
        // The fast writer and `Serialize` agree, for verbatim and decoded accounts and errors.
        assert_eq!(line, serde_json::to_string(&record).unwrap());
        let decoded = LookupRecord::found("x".into(), serde_json::from_str::<Account>(ACCOUNT).unwrap());
        assert_eq!(ndjson_line(&decoded), serde_json::to_string(&decoded).unwrap());
        let failed = LookupRecord::failed("x".into(), codes::ACCOUNT_NOT_FOUND, "no \"such\" account");
        assert_eq!(ndjson_line(&failed), serde_json::to_string(&failed).unwrap());
    }

    #[test]
    fn line_breaks_or_a_non_object_are_decoded_not_passed_on() {
        // Whitespace is legal JSON but would split an NDJSON line.
        let pretty = ACCOUNT.replace(",\"email\"", ",\n\"email\"");
        let json = from_service(&pretty).unwrap();
        assert!(matches!(json, AccountJson::Decoded(_)));
        assert!(!serde_json::to_string(&json).unwrap().contains('\n'));
        assert!(from_service("[1]").is_err());
        assert!(from_service(r#"{"id":1}"#).is_ok_and(|j| j.decoded().is_none()));
    }

    #[test]
    fn a_batch_item_keeps_an_error_code_newer_than_this_client() {
        let body = r#"{"results":[{"input":{"kind":"id","value":"acc_x"},"error":{"code":"account_archived","detail":"gone"}}]}"#;
        let answer: BatchAnswer<&RawValue> = serde_json::from_str(body).unwrap();
        let error = answer.results[0].error.as_ref().unwrap();
        assert_eq!((error.code.as_str(), error.detail.as_str()), ("account_archived", "gone"));
        assert!(answer.results[0].account.is_none());
    }
}
