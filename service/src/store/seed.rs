//! Putting accounts in: NDJSON import, the demo accounts, synthetic load.

use acctl_api::{AccountStatus, IdentifierKind};
use serde::Deserialize;

use super::Store;
use crate::error::StoreError;

/// One account to create (a line of `accounts import`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// `acc_…`; generated when absent.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// E.164 (`+86…`).
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub display_name: String,
    /// Hashed on import; never stored in clear.
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub mfa: bool,
    #[serde(default)]
    pub status: Option<AccountStatus>,
    #[serde(default)]
    pub must_change_password: bool,
    #[serde(default)]
    pub devices: Vec<NewDevice>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDevice {
    pub model: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

const HOSTILE_NAME: &str = "Mallory\x1b[2J\x1b]52;c;cHduZWQ=\x07\x07=HYPERLINK(\"http://evil.example\",\"x\")";

fn demo_accounts() -> Vec<NewAccount> {
    let acc = |id: &str, name: &str, email: Option<&str>, phone: Option<&str>| NewAccount {
        id: Some(format!("acc_demo{id}")),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        display_name: name.to_owned(),
        password: Some(DEMO_PASSWORD.to_owned()),
        ..NewAccount::default()
    };
    let device = |model: &str, name: &str| NewDevice { model: model.to_owned(), name: Some(name.to_owned()) };
    vec![
        NewAccount {
            devices: vec![device("iPhone 15", "Alice's iPhone")],
            ..acc("alice", "Alice Zhang", Some("alice@example.com"), Some("+8613800138000"))
        },
        acc("bob", "Bob Martin", Some("bob@example.com"), Some("+14155550132")),
        acc("carol", "Carol Díaz", Some("carol@example.org"), None),
        acc("dave", "Dave Okafor", None, Some("+447911123456")),
        NewAccount {
            status: Some(AccountStatus::Locked),
            ..acc("erin", "Erin Brooks", Some("erin@example.com"), Some("+8613900139001"))
        },
        NewAccount { mfa: true, ..acc("frank", "Frank Müller", Some("frank@example.com"), Some("+8613700137002")) },
        NewAccount {
            devices: vec![device("iPhone 15 Pro", "Grace's iPhone"), device("iPad Air", "Living room iPad")],
            ..acc("grace", "Grace Hopper", Some("grace@example.com"), Some("+14155550177"))
        },
        NewAccount {
            devices: vec![device("Pixel 9", "\x1b]0;pwned\x07Pixel\x1b[31m")],
            ..acc("mallory", HOSTILE_NAME, Some("mallory@example.net"), Some("+8613600136003"))
        },
        NewAccount {
            status: Some(AccountStatus::Disabled),
            ..acc("heidi", "Heidi Novak", Some("heidi@example.com"), None)
        },
        NewAccount {
            must_change_password: true,
            ..acc("ivan", "Ivan Petrov", Some("ivan@example.com"), Some("+8613500135004"))
        },
        acc("judy", "Judy Bücher", Some("judy@bücher.de"), None),
        acc("ken", "Ken Watanabe", Some("ken@example.jp"), Some("+819012345678")),
    ]
}

impl Store {
    /// Creates one account; answers its id. Contacts are normalised like
    /// lookups normalise them; a password is checked against nothing (it is
    /// the operator's import) but hashed with argon2id.
    pub fn import_account(&self, new: &NewAccount) -> Result<String, StoreError> {
        let invalid = |e: acctl_api::IdentifierError| StoreError::Invalid(e.to_string());
        let email = new.email.as_deref().map(acctl_api::ident::normalize_email).transpose().map_err(invalid)?;
        let phone =
            new.phone.as_deref().map(|p| acctl_api::ident::normalize_phone(p, None)).transpose().map_err(invalid)?;
        if email.is_none() && phone.is_none() {
            return Err(StoreError::Invalid("an account needs an email or a phone number".into()));
        }
        if new.mfa && (email.is_none() || phone.is_none()) {
            return Err(StoreError::Invalid("an MFA account needs both an email and a phone number".into()));
        }
        let id = match &new.id {
            Some(id) => acctl_api::ident::normalize_account_id(id).map_err(invalid)?,
            None => crate::secrets::random_token("acc_", 8),
        };
        let hash = new.password.as_deref().map(crate::secrets::hash_password);
        let now = self.now_ms();
        let status = new.status.unwrap_or(AccountStatus::Active);
        self.write(|tx| {
            for (kind, value) in [
                (IdentifierKind::Id, Some(&id)),
                (IdentifierKind::Email, email.as_ref()),
                (IdentifierKind::Phone, phone.as_ref()),
            ] {
                if let Some(v) = value
                    && super::accounts::account_by(tx, kind, v)?.is_some()
                {
                    return Err(StoreError::Invalid(format!("an account with {kind} `{v}` already exists")));
                }
            }
            tx.execute(
                "INSERT INTO accounts (id, email, phone, display_name, status, email_verified, phone_verified, mfa,
                 password_hash, must_change_password, created_at, password_changed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                rusqlite::params![
                    id,
                    email,
                    phone,
                    new.display_name,
                    status.as_str(),
                    email.is_some(),
                    phone.is_some(),
                    new.mfa,
                    hash,
                    new.must_change_password,
                    now,
                    hash.as_ref().map(|_| now),
                ],
            )?;
            for d in &new.devices {
                tx.execute(
                    "INSERT INTO devices (account_id, model, name, last_seen_at) VALUES (?1, ?2, ?3, ?4)",
                    (&id, &d.model, &d.name, now),
                )?;
            }
            Ok(())
        })?;
        Ok(id)
    }

    /// Every account's email address (for `accounts import` to refuse look-alikes).
    pub fn email_addresses(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.read(|c| {
            let mut stmt = c.prepare("SELECT email FROM accounts WHERE email IS NOT NULL")?;
            stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()
        })?)
    }

    /// Creates the demo accounts (skipping any that exist already).
    pub fn seed_demo(&self) -> Result<(), StoreError> {
        for account in demo_accounts() {
            let exists = match &account.id {
                Some(id) => self.find_account(IdentifierKind::Id, id)?.is_some(),
                None => false,
            };
            if !exists {
                self.import_account(&account)?;
            }
        }
        Ok(())
    }

    /// Creates `count` synthetic accounts without passwords, for load tests:
    /// `user{n}@load.example.com`, `+86 139 nnnn nnnn`. Answers how many
    /// exist afterwards in that range.
    pub fn generate_accounts(&self, count: u64) -> Result<u64, StoreError> {
        let now = self.now_ms();
        let start: u64 = self.read(|c| {
            c.query_row("SELECT count(*) FROM accounts WHERE email LIKE 'user%@load.example.com'", [], |r| {
                r.get::<_, i64>(0)
            })
        })? as u64;
        let mut done = 0;
        while done < count {
            let chunk = (count - done).min(10_000);
            self.write(|tx| {
                let mut stmt = tx.prepare_cached(
                    "INSERT INTO accounts (id, email, phone, display_name, status, email_verified, phone_verified, created_at)
                     VALUES (?1, ?2, ?3, ?4, 'active', 1, 1, ?5)",
                )?;
                for i in 0..chunk {
                    let n = start + done + i;
                    stmt.execute((
                        format!("acc_load{n:010}"),
                        format!("user{n}@load.example.com"),
                        format!("+86139{n:08}"),
                        format!("Load User {n}"),
                        now,
                    ))?;
                }
                Ok::<_, rusqlite::Error>(())
            })?;
            done += chunk;
        }
        Ok(start + count)
    }
}
