//! Stored answers to `Idempotency-Key` requests (IETF draft "The
//! Idempotency-Key HTTP Header Field"), scoped by token. An answer is
//! written in the same transaction as the change it answers, so a key is
//! either unknown or answered: there is no in-flight state to get stuck.

use rusqlite::OptionalExtension;

use super::{Db, Store};
use crate::error::StoreError;

/// Keys are kept at least this long (`acctl bulk resume` relies on it).
pub const KEEP_MS: i64 = 48 * 60 * 60 * 1000;

/// A stored response to replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// A key's stored answer and the fingerprint of the request it answered.
#[derive(Debug, Clone)]
pub struct StoredAnswer {
    pub fingerprint: String,
    pub response: StoredResponse,
}

fn get(conn: &rusqlite::Connection, scope: &str, key: &str, now: i64) -> Result<Option<StoredAnswer>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT fingerprint, status, content_type, body FROM idempotency
             WHERE scope = ?1 AND key = ?2 AND created_at >= ?3",
        )?
        .query_row((scope, key, now - KEEP_MS), |r| {
            Ok(StoredAnswer {
                fingerprint: r.get(0)?,
                response: StoredResponse { status: r.get(1)?, content_type: r.get(2)?, body: r.get(3)? },
            })
        })
        .optional()?)
}

impl Db<'_> {
    /// The live answer stored under the token's key, if any.
    pub fn idempotency_get(&self, scope: &str, key: &str) -> Result<Option<StoredAnswer>, StoreError> {
        get(self.conn, scope, key, self.now)
    }

    /// How many live answers the token has stored, and when the oldest was.
    pub fn idempotency_count(&self, scope: &str) -> Result<(u64, Option<i64>), StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*), min(created_at) FROM idempotency WHERE scope = ?1 AND created_at >= ?2")?
            .query_row((scope, self.now - KEEP_MS), |r| Ok((r.get::<_, i64>(0)?.max(0) as u64, r.get(1)?)))?)
    }

    /// Stores the answer to the token's key (replacing an expired one).
    pub fn idempotency_put(
        &self,
        scope: &str,
        key: &str,
        fingerprint: &str,
        response: &StoredResponse,
    ) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM idempotency WHERE created_at < ?1", [self.now - KEEP_MS])?;
        self.conn.execute(
            "INSERT OR REPLACE INTO idempotency (scope, key, fingerprint, status, content_type, body, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (scope, key, fingerprint, response.status, &response.content_type, &response.body, self.now),
        )?;
        Ok(())
    }
}

impl Store {
    /// The live answer stored under the token's key, read without taking
    /// the write lock (a replay needs no write).
    pub fn idempotency_get(&self, scope: &str, key: &str) -> Result<Option<StoredAnswer>, StoreError> {
        let now = self.now_ms();
        self.read(|c| get(c, scope, key, now))
    }
}
