//! Accounts, their devices and sessions: reading, locking, customer sign-in.

use acctl_api::ident::{mask_email, mask_phone};
use acctl_api::{Account, AccountStatus, Channel, Device, IdentifierKind};
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row};

use super::{Db, Store};
use crate::clock::from_ms;
use crate::error::StoreError;

/// An account as stored, with its unmasked contacts and password hash.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub display_name: String,
    pub status: AccountStatus,
    pub email_verified: bool,
    pub phone_verified: bool,
    pub mfa: bool,
    pub password_hash: Option<String>,
    pub must_change_password: bool,
    pub created_at: i64,
    pub last_login_at: Option<i64>,
    pub password_changed_at: Option<i64>,
}

pub(super) const ACCOUNT_COLUMNS: &str = "id, email, phone, display_name, status, email_verified, phone_verified, mfa, \
     password_hash, must_change_password, created_at, last_login_at, password_changed_at";

fn parse_status(s: &str) -> AccountStatus {
    match s {
        "locked" => AccountStatus::Locked,
        "disabled" => AccountStatus::Disabled,
        _ => AccountStatus::Active,
    }
}

impl AccountRow {
    pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<AccountRow> {
        Ok(AccountRow {
            id: r.get(0)?,
            email: r.get(1)?,
            phone: r.get(2)?,
            display_name: r.get(3)?,
            status: parse_status(&r.get::<_, String>(4)?),
            email_verified: r.get(5)?,
            phone_verified: r.get(6)?,
            mfa: r.get(7)?,
            password_hash: r.get(8)?,
            must_change_password: r.get(9)?,
            created_at: r.get(10)?,
            last_login_at: r.get(11)?,
            password_changed_at: r.get(12)?,
        })
    }

    /// The contact on file for `channel`, unmasked.
    pub fn contact(&self, channel: Channel) -> Option<&str> {
        match channel {
            Channel::Email => self.email.as_deref(),
            Channel::Sms => self.phone.as_deref(),
        }
    }

    /// The channels that have a contact on file, email first.
    pub fn channels(&self) -> Vec<Channel> {
        Channel::ALL.into_iter().filter(|c| self.contact(*c).is_some()).collect()
    }

    /// The wire form; contacts masked unless `reveal`.
    pub fn to_api(&self, devices: Vec<Device>, reveal: bool) -> Account {
        let (email, phone) = if reveal {
            (self.email.clone(), self.phone.clone())
        } else {
            (self.email.as_deref().map(mask_email), self.phone.as_deref().map(mask_phone))
        };
        Account {
            id: self.id.clone(),
            email,
            phone,
            display_name: self.display_name.clone(),
            status: self.status,
            email_verified: self.email_verified,
            phone_verified: self.phone_verified,
            mfa: self.mfa,
            revealed: reveal,
            created_at: from_ms(self.created_at),
            last_login_at: self.last_login_at.map(from_ms),
            password_changed_at: self.password_changed_at.map(from_ms),
            must_change_password: self.must_change_password,
            devices,
        }
    }
}

/// Masks `contact` as it would show for `channel`.
pub fn mask_contact(channel: Channel, contact: &str) -> String {
    match channel {
        Channel::Email => mask_email(contact),
        Channel::Sms => mask_phone(contact),
    }
}

pub(super) fn account_by(conn: &Connection, kind: IdentifierKind, value: &str) -> rusqlite::Result<Option<AccountRow>> {
    let column = match kind {
        IdentifierKind::Email => "email",
        IdentifierKind::Phone => "phone",
        IdentifierKind::Id => "id",
    };
    conn.prepare_cached(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE {column} = ?1"))?
        .query_row([value], AccountRow::from_row)
        .optional()
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

pub(super) fn devices_of(conn: &Connection, account_id: &str) -> rusqlite::Result<Vec<Device>> {
    let mut stmt =
        conn.prepare_cached("SELECT model, name, last_seen_at FROM devices WHERE account_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([account_id], |r| {
        Ok(Device { model: r.get(0)?, name: r.get(1)?, last_seen_at: r.get::<_, Option<i64>>(2)?.map(from_ms) })
    })?;
    rows.collect()
}

impl Db<'_> {
    /// One account by ID.
    pub fn account(&self, id: &str) -> Result<Option<AccountRow>, StoreError> {
        Ok(account_by(self.conn, IdentifierKind::Id, id)?)
    }

    pub fn devices(&self, account_id: &str) -> Result<Vec<Device>, StoreError> {
        Ok(devices_of(self.conn, account_id)?)
    }

    /// Sets the account's status (lock/unlock).
    pub fn set_status(&self, account_id: &str, status: AccountStatus) -> Result<(), StoreError> {
        self.conn.execute("UPDATE accounts SET status = ?2 WHERE id = ?1", (account_id, status.as_str()))?;
        Ok(())
    }

    /// Revokes every live session of the account; answers how many.
    pub fn revoke_sessions(&self, account_id: &str) -> Result<u64, StoreError> {
        let n = self.conn.execute(
            "UPDATE sessions SET revoked_at = ?2 WHERE account_id = ?1 AND revoked_at IS NULL",
            (account_id, self.now),
        )?;
        Ok(n as u64)
    }
}

/// An account found by a lookup, with its bound devices.
pub type FoundAccount = (AccountRow, Vec<Device>);

/// The outcome of a customer's sign-in attempt.
#[derive(Debug)]
pub enum LoginOutcome {
    Ok {
        account_id: String,
        must_change_password: bool,
        session_id: String,
    },
    /// No such account, no password set, or the wrong password.
    BadCredentials {
        account_id: Option<String>,
    },
    NotActive {
        account_id: String,
        status: AccountStatus,
    },
}

impl Store {
    /// One account by identifier (already normalised), with its devices.
    pub fn find_account(&self, kind: IdentifierKind, value: &str) -> Result<Option<FoundAccount>, StoreError> {
        Ok(self.read(|c| {
            // One read transaction for both queries: one snapshot, one lock.
            // (Cached statements: `Connection::transaction` would parse
            // BEGIN and COMMIT again on every lookup.)
            c.prepare_cached("BEGIN")?.execute([])?;
            let found = account_by(c, kind, value).and_then(|row| match row {
                Some(row) => Ok(Some((devices_of(c, &row.id)?, row))),
                None => Ok(None),
            });
            c.prepare_cached("COMMIT")?.execute([])?;
            Ok::<_, rusqlite::Error>(found?.map(|(devices, row)| (row, devices)))
        })?)
    }

    /// Many lookups in one snapshot, with one query per identifier kind
    /// (not one per identifier); `None` where the identifier matched nothing.
    pub fn find_accounts(
        &self,
        identifiers: &[(IdentifierKind, String)],
    ) -> Result<Vec<Option<FoundAccount>>, StoreError> {
        // Email matches ignore ASCII case (the column is COLLATE NOCASE), so
        // results are keyed the same way.
        fn key(kind: IdentifierKind, value: &str) -> (IdentifierKind, String) {
            match kind {
                IdentifierKind::Email => (kind, value.to_ascii_lowercase()),
                _ => (kind, value.to_owned()),
            }
        }
        Ok(self.read(|c| {
            let tx = c.unchecked_transaction()?;
            let mut found: HashMap<(IdentifierKind, String), AccountRow> = HashMap::new();
            for (kind, column, index) in [
                (IdentifierKind::Email, "email", 1),
                (IdentifierKind::Phone, "phone", 2),
                (IdentifierKind::Id, "id", 0),
            ] {
                let mut values: Vec<&str> =
                    identifiers.iter().filter(|(k, _)| *k == kind).map(|(_, v)| v.as_str()).collect();
                values.sort_unstable();
                values.dedup();
                for chunk in values.chunks(500) {
                    let sql = format!(
                        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE {column} IN ({})",
                        placeholders(chunk.len())
                    );
                    let mut stmt = tx.prepare(&sql)?;
                    let rows = stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
                        let value: String = r.get(index)?;
                        Ok((value, AccountRow::from_row(r)?))
                    })?;
                    for row in rows {
                        let (value, account) = row?;
                        found.insert(key(kind, &value), account);
                    }
                }
            }
            let mut devices: HashMap<String, Vec<Device>> = HashMap::new();
            let ids: Vec<&str> = found.values().map(|a| a.id.as_str()).collect();
            for chunk in ids.chunks(500) {
                let sql = format!(
                    "SELECT account_id, model, name, last_seen_at FROM devices WHERE account_id IN ({}) ORDER BY id",
                    placeholders(chunk.len())
                );
                let mut stmt = tx.prepare(&sql)?;
                let rows = stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
                    let device = Device {
                        model: r.get(1)?,
                        name: r.get(2)?,
                        last_seen_at: r.get::<_, Option<i64>>(3)?.map(from_ms),
                    };
                    Ok((r.get::<_, String>(0)?, device))
                })?;
                for row in rows {
                    let (account_id, device) = row?;
                    devices.entry(account_id).or_default().push(device);
                }
            }
            tx.commit()?;
            Ok::<_, rusqlite::Error>(
                identifiers
                    .iter()
                    .map(|(kind, value)| {
                        found
                            .get(&key(*kind, value))
                            .map(|a| (a.clone(), devices.get(&a.id).cloned().unwrap_or_default()))
                    })
                    .collect(),
            )
        })?)
    }

    pub fn devices(&self, account_id: &str) -> Result<Vec<Device>, StoreError> {
        Ok(self.read(|c| devices_of(c, account_id))?)
    }

    /// Live (unrevoked) sessions of the account.
    pub fn live_sessions(&self, account_id: &str) -> Result<u64, StoreError> {
        Ok(self.read(|c| {
            c.query_row(
                "SELECT count(*) FROM sessions WHERE account_id = ?1 AND revoked_at IS NULL",
                [account_id],
                |r| r.get::<_, i64>(0),
            )
        })? as u64)
    }

    /// Checks a customer's password and opens a session. The password hash
    /// is checked even when there is no account, so both answers take the
    /// same time.
    pub fn login(&self, kind: IdentifierKind, value: &str, password: &str) -> Result<LoginOutcome, StoreError> {
        // Passwords are stored NFKC-normalised (see `policy`), so sign-in normalises too.
        let password: String = unicode_normalization::UnicodeNormalization::nfkc(password).collect();
        let password = password.as_str();
        let Some((row, _)) = self.find_account(kind, value)? else {
            crate::secrets::dummy_password_check(password);
            return Ok(LoginOutcome::BadCredentials { account_id: None });
        };
        let ok = match &row.password_hash {
            Some(hash) => crate::secrets::verify_password(password, hash),
            None => {
                crate::secrets::dummy_password_check(password);
                false
            }
        };
        if !ok {
            return Ok(LoginOutcome::BadCredentials { account_id: Some(row.id) });
        }
        if row.status != AccountStatus::Active {
            return Ok(LoginOutcome::NotActive { account_id: row.id, status: row.status });
        }
        let session_id = crate::secrets::random_token("ses_", 16);
        let now = self.now_ms();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO sessions (id, account_id, created_at) VALUES (?1, ?2, ?3)",
                (&session_id, &row.id, now),
            )?;
            tx.execute("UPDATE accounts SET last_login_at = ?2 WHERE id = ?1", (&row.id, now))
        })?;
        Ok(LoginOutcome::Ok { account_id: row.id, must_change_password: row.must_change_password, session_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Clock;

    #[test]
    fn single_lookups_reuse_their_prepared_statements() {
        // A lookup is ~0.1 ms of SQLite; parsing its SQL again on every call
        // (as happened before QPSG was turned on) doubled the service's time
        // per lookup. SQLite counts re-prepares per statement: there must be none.
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), Clock::system()).unwrap();
        store.seed_demo().unwrap();
        for id in ["acc_demoalice", "acc_demograce", "acc_demobob", "acc_demograce", "acc_nosuch"] {
            for _ in 0..READERS_TOUCHED {
                store.find_account(IdentifierKind::Id, id).unwrap();
            }
        }
        let found = store.find_account(IdentifierKind::Id, "acc_demograce").unwrap().unwrap();
        assert!(!found.1.is_empty(), "grace has devices: the devices query ran");
        for reader in &store.inner.readers {
            let conn = reader.lock().unwrap();
            for sql in [
                format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?1"),
                "SELECT model, name, last_seen_at FROM devices WHERE account_id = ?1 ORDER BY id".to_owned(),
            ] {
                let stmt = conn.prepare_cached(&sql).unwrap();
                assert_eq!(stmt.get_status(rusqlite::StatementStatus::RePrepare), 0, "{sql}");
            }
        }
    }

    /// Enough calls that every reader connection served some.
    const READERS_TOUCHED: usize = 8;
}
