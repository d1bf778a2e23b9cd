//! The storage layer: every SQL statement the service runs lives under this
//! module, behind [`Store`]'s methods, which speak in domain terms (accounts,
//! challenges, tokens) and take "now" from the service [`Clock`].
//!
//! SQLite runs in WAL mode with one writer connection and a few reader
//! connections, so lookups never wait behind a write. Calls are blocking;
//! the HTTP layer runs them on tokio's blocking pool.
//!
//! Taking PostgreSQL later: the schema below is plain SQL (INTEGER
//! milliseconds for times, TEXT ids, no SQLite-only types), and the only
//! SQLite-specific parts are the pragmas in [`Store::open`] and `COLLATE
//! NOCASE` on email (a `citext` column or `lower()` index in PostgreSQL).
//! A PostgreSQL backend would implement the same `Store` methods over a
//! connection pool (e.g. `postgres` + `r2d2`), with `BEGIN ... FOR UPDATE`
//! where this code relies on SQLite's single writer for serialisation.

mod accounts;
mod audit;
mod idempotency;
mod outbox;
mod recovery;
mod seed;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use acctl_api::Role;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

pub use accounts::{AccountRow, FoundAccount, LoginOutcome, mask_contact};
pub use audit::{AuditFilter, NewAuditEvent};
pub use idempotency::{KEEP_MS, StoredAnswer, StoredResponse};
pub use outbox::{DeliveryOutcome, NewMessage, PendingMessage};
pub use recovery::{ChallengeRow, ChallengeStatus, NewChallenge, TokenRow};
pub use seed::{DEMO_PASSWORD, NewAccount, NewDevice};

use crate::clock::Clock;
use crate::error::StoreError;

const READERS: usize = 4;

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE accounts (
    id                   TEXT PRIMARY KEY,
    email                TEXT COLLATE NOCASE UNIQUE,
    phone                TEXT UNIQUE,
    display_name         TEXT NOT NULL,
    status               TEXT NOT NULL DEFAULT 'active',
    email_verified       INTEGER NOT NULL DEFAULT 0,
    phone_verified       INTEGER NOT NULL DEFAULT 0,
    mfa                  INTEGER NOT NULL DEFAULT 0,
    password_hash        TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL,
    last_login_at        INTEGER,
    password_changed_at  INTEGER
);
CREATE TABLE devices (
    id           INTEGER PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES accounts(id),
    model        TEXT NOT NULL,
    name         TEXT,
    last_seen_at INTEGER
);
CREATE INDEX devices_account ON devices(account_id);
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX sessions_account ON sessions(account_id, revoked_at);
CREATE TABLE tokens (
    hash       TEXT PRIMARY KEY,
    actor      TEXT NOT NULL,
    role       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE challenges (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts(id),
    channel       TEXT NOT NULL,
    code_hash     TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    attempts_left INTEGER NOT NULL,
    -- pending | verified | used_up | superseded | undelivered
    status        TEXT NOT NULL,
    verified_by   TEXT,
    verified_at   INTEGER,
    consumed      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX challenges_account ON challenges(account_id, channel, created_at);
CREATE TABLE verification_tokens (
    hash       TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    actor      TEXT NOT NULL,
    channel    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    account_id TEXT,
    reason     TEXT,
    ticket     TEXT,
    request_id TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    detail     TEXT
);
CREATE INDEX audit_account ON audit(account_id, id);
CREATE INDEX audit_actor ON audit(actor, id);
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    channel    TEXT NOT NULL,
    to_addr    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    -- outside sandbox mode the secret is redacted from the stored body
    body       TEXT NOT NULL,
    secret     TEXT
);
CREATE TABLE idempotency (
    actor        TEXT NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    state        TEXT NOT NULL,
    status       INTEGER,
    content_type TEXT,
    body         BLOB,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (actor, key)
);
"#,
    r#"
-- Server secrets generated once per database (the idempotency fingerprint key).
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
-- Keys are scoped by token, fingerprinted with a keyed hash, and written in
-- the same transaction as the change they answer: there is no in-flight state.
DROP TABLE idempotency;
CREATE TABLE idempotency (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    status       INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    body         BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_age ON idempotency(created_at);
CREATE INDEX idempotency_scope_age ON idempotency(scope, created_at);
-- The outbox is the queue the delivery worker sends from. Rows written
-- before this migration were sent synchronously.
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'delivered';
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN deadline_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN delivered_at INTEGER;
ALTER TABLE outbox ADD COLUMN challenge_id TEXT;
ALTER TABLE outbox ADD COLUMN actor TEXT;
ALTER TABLE outbox ADD COLUMN request_id TEXT;
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE state = 'pending';
CREATE INDEX tokens_actor ON tokens(actor);
"#,
    r#"
-- The email claim of an OpenID Connect caller, next to its `oidc:SUBJECT` actor.
ALTER TABLE audit ADD COLUMN actor_email TEXT;
"#,
];

/// Handle to the database; cheap to clone, safe to share across threads.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    /// The key of the idempotency fingerprints (`meta.idempotency_key`).
    fingerprint_key: [u8; 32],
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    clock: Clock,
    path: PathBuf,
}

/// The operator behind a bearer token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
}

fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding a connection leaves SQLite itself consistent
    // (the transaction rolls back on drop), so the connection is reusable.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn connect(path: &Path) -> Result<Connection, StoreError> {
    let open = |source| StoreError::Open { path: path.display().to_string(), source };
    let conn = Connection::open(path).map_err(open)?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(open)?;
    conn.pragma_update(None, "journal_mode", "WAL").map_err(open)?;
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(open)?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(open)?;
    // Lookups touch random pages: map the file rather than copy each page
    // through a read(2), and keep a bigger page cache per connection.
    conn.pragma_update(None, "mmap_size", 256i64 * 1024 * 1024).map_err(open)?;
    conn.pragma_update(None, "cache_size", -16_000i64).map_err(open)?;
    conn.set_prepared_statement_cache_capacity(64);
    // Query-planner stability: a cached statement keeps its plan whatever
    // is bound. Without it SQLite may mark a statement to be re-prepared
    // when a parameter is rebound, and `perf` showed every single lookup
    // re-parsing the devices query (BENCHMARKS.md).
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map_err(open)?;
    Ok(conn)
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path, clock: Clock) -> Result<Store, StoreError> {
        let mut writer = connect(path)?;
        migrate(&mut writer)?;
        let fingerprint_key = meta_secret(&mut writer, "idempotency_key")?;
        let readers = (0..READERS).map(|_| connect(path).map(Mutex::new)).collect::<Result<Vec<_>, _>>()?;
        Ok(Store {
            inner: Arc::new(Inner {
                fingerprint_key,
                writer: Mutex::new(writer),
                readers,
                next_reader: AtomicUsize::new(0),
                clock,
                path: path.to_owned(),
            }),
        })
    }

    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// The server secret that keys idempotency fingerprints: generated once
    /// per database, never leaves it.
    pub fn fingerprint_key(&self) -> &[u8; 32] {
        &self.inner.fingerprint_key
    }

    /// Runs `f` over a consistent read snapshot.
    pub fn view<T, E: From<StoreError>>(&self, f: impl FnOnce(&Db<'_>) -> Result<T, E>) -> Result<T, E> {
        let now = self.now_ms();
        self.with_reader(|c| {
            let tx = c.unchecked_transaction().map_err(StoreError::from)?;
            let out = f(&Db { conn: &tx, now, enqueued: Default::default() });
            // Dropping a read transaction only ends the snapshot.
            drop(tx);
            out
        })
    }

    /// Runs `f` in one immediate write transaction: everything it does
    /// commits together when it returns `Ok`, nothing when it fails. Answers
    /// what `f` answered and the messages it queued.
    pub fn transaction<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Db<'_>) -> Result<T, E>,
    ) -> Result<(T, Vec<acctl_api::OutboxMessage>), E> {
        let now = self.now_ms();
        let mut conn = lock(&self.inner.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let db = Db { conn: &tx, now, enqueued: Default::default() };
        let out = f(&db)?;
        let enqueued = db.enqueued.take();
        tx.commit().map_err(StoreError::from)?;
        Ok((out, enqueued))
    }

    /// Runs `f` on a reader connection (a consistent snapshot).
    fn read<T, E: From<rusqlite::Error>>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E> {
        self.with_reader(f)
    }

    fn with_reader<R>(&self, f: impl FnOnce(&Connection) -> R) -> R {
        let readers = &self.inner.readers;
        let start = self.inner.next_reader.fetch_add(1, Ordering::Relaxed);
        for i in 0..readers.len() {
            if let Ok(conn) = readers[(start + i) % readers.len()].try_lock() {
                return f(&conn);
            }
        }
        f(&lock(&readers[start % readers.len()]))
    }

    /// Runs `f` in one immediate write transaction; commits when it returns
    /// `Ok`, rolls back otherwise.
    fn write<T, E: From<rusqlite::Error>>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E> {
        let mut conn = lock(&self.inner.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Creates a bearer token for `actor` with `role` and returns it. Only
    /// its hash is stored: this is the one time it can be seen.
    pub fn create_token(&self, actor: &str, role: Role) -> Result<String, StoreError> {
        if actor.trim().is_empty() || actor.chars().any(char::is_control) {
            return Err(StoreError::Invalid(format!("`{actor}` is not a usable actor name")));
        }
        // `oidc:SUBJECT` names the identity provider's users (crate::oidc):
        // a token of the service's own must never pass for one of them.
        if actor.starts_with("oidc:") {
            return Err(StoreError::Invalid(format!(
                "`{actor}`: actor names starting with `oidc:` are those of identity-provider users; choose another name"
            )));
        }
        let token = crate::secrets::random_token("acctl_", 20);
        let now = self.now_ms();
        self.write(|tx| {
            // One actor name, one role: the audit log and the scopes of a
            // name must not depend on which of its tokens was used.
            let other: Option<String> = tx
                .query_row(
                    "SELECT role FROM tokens WHERE actor = ?1 AND role != ?2 LIMIT 1",
                    (actor, role.as_str()),
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = other {
                return Err(StoreError::Invalid(format!(
                    "the actor `{actor}` already has a token with the role `{other}`; \
                     a second token for `{actor}` must have that role too, or use another actor name"
                )));
            }
            tx.execute(
                "INSERT INTO tokens (hash, actor, role, created_at) VALUES (?1, ?2, ?3, ?4)",
                (crate::secrets::sha256_hex(&token), actor, role.as_str(), now),
            )?;
            Ok::<_, StoreError>(())
        })?;
        Ok(token)
    }

    /// The actor a bearer token stands for, if it is one of this store's
    /// (the sandbox checks the tokens it kept before printing them again).
    pub fn actor_for_token(&self, token: &str) -> Result<Option<Actor>, StoreError> {
        self.actor_for_token_hash(&crate::secrets::sha256_hex(token))
    }

    /// The actor whose token hashes to `token_hash`, if any.
    pub fn actor_for_token_hash(&self, token_hash: &str) -> Result<Option<Actor>, StoreError> {
        let row = self.read(|c| {
            c.prepare_cached("SELECT actor, role FROM tokens WHERE hash = ?1")?
                .query_row([token_hash], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .optional()
        })?;
        Ok(row.and_then(|(name, role)| role.parse().ok().map(|role| Actor { name, role })))
    }
}

/// A transaction (or read snapshot) in progress, with the time it started:
/// the store's SQL, in domain terms, for the domain layer to compose into
/// one unit of work.
pub struct Db<'a> {
    conn: &'a Connection,
    now: i64,
    /// Messages queued in this transaction, handed to delivery after commit.
    enqueued: std::cell::RefCell<Vec<acctl_api::OutboxMessage>>,
}

impl Db<'_> {
    /// "Now" for everything in this transaction (the service clock).
    pub fn now(&self) -> i64 {
        self.now
    }
}

/// The named secret from `meta`, created from the OS's CSPRNG on first use.
fn meta_secret(conn: &mut Connection, name: &str) -> Result<[u8; 32], StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let existing: Option<Vec<u8>> =
        tx.query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| r.get(0)).optional()?;
    let secret = match existing.and_then(|v| <[u8; 32]>::try_from(v).ok()) {
        Some(s) => s,
        None => {
            let mut fresh = [0u8; 32];
            getrandom::fill(&mut fresh)
                .map_err(|e| StoreError::Invalid(format!("the OS random number generator failed: {e}")))?;
            tx.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)", (name, &fresh[..]))?;
            fresh
        }
    };
    tx.commit()?;
    Ok(secret)
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(0);
    if version > MIGRATIONS.len() {
        return Err(StoreError::Invalid(format!(
            "the database schema is version {version}, newer than this service knows ({}); upgrade acctl-service",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap_or(i64::MAX))?;
        tx.commit()?;
    }
    Ok(())
}
