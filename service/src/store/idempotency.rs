//! Idempotency keys (IETF draft "The Idempotency-Key HTTP Header Field"):
//! the first response to a key is kept and replayed.

use rusqlite::OptionalExtension;

use super::Store;
use crate::error::StoreError;

/// Keys are kept at least this long.
pub const KEEP_MS: i64 = 48 * 60 * 60 * 1000;

/// A stored response to replay.
#[derive(Debug, Clone)]
pub struct StoredResponse {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// What to do with a request carrying a key.
#[derive(Debug)]
pub enum IdempotencyBegin {
    /// First use: run the request, then [`Store::idempotency_finish`].
    Proceed,
    Replay(StoredResponse),
    /// The same key came with another request.
    Mismatch,
    /// The first request with this key has not finished.
    InFlight,
}

impl Store {
    pub fn idempotency_begin(&self, actor: &str, key: &str, fingerprint: &str) -> Result<IdempotencyBegin, StoreError> {
        let now = self.now_ms();
        Ok(self.write(|tx| {
            tx.execute("DELETE FROM idempotency WHERE created_at < ?1", [now - KEEP_MS])?;
            let existing = tx
                .query_row(
                    "SELECT fingerprint, state, status, content_type, body FROM idempotency WHERE actor = ?1 AND key = ?2",
                    (actor, key),
                    |r| {
                        let fingerprint: String = r.get(0)?;
                        let state: String = r.get(1)?;
                        let stored = StoredResponse {
                            status: r.get::<_, Option<u16>>(2)?.unwrap_or(500),
                            content_type: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                            body: r.get::<_, Option<Vec<u8>>>(4)?.unwrap_or_default(),
                        };
                        Ok((fingerprint, state, stored))
                    },
                )
                .optional()?;
            Ok::<_, rusqlite::Error>(match existing {
                None => {
                    tx.execute(
                        "INSERT INTO idempotency (actor, key, fingerprint, state, created_at) VALUES (?1, ?2, ?3, 'in_flight', ?4)",
                        (actor, key, fingerprint, now),
                    )?;
                    IdempotencyBegin::Proceed
                }
                Some((fp, _, _)) if fp != fingerprint => IdempotencyBegin::Mismatch,
                Some((_, state, _)) if state == "in_flight" => IdempotencyBegin::InFlight,
                Some((_, _, stored)) => IdempotencyBegin::Replay(stored),
            })
        })?)
    }

    /// Stores the response to replay, or forgets the key (`None`) so a retry
    /// runs the request again (after a server error or a rate limit).
    pub fn idempotency_finish(
        &self,
        actor: &str,
        key: &str,
        response: Option<&StoredResponse>,
    ) -> Result<(), StoreError> {
        self.write(|tx| match response {
            Some(r) => tx.execute(
                "UPDATE idempotency SET state = 'done', status = ?3, content_type = ?4, body = ?5 WHERE actor = ?1 AND key = ?2",
                (actor, key, r.status, &r.content_type, &r.body),
            ),
            None => tx.execute("DELETE FROM idempotency WHERE actor = ?1 AND key = ?2", (actor, key)),
        })?;
        Ok(())
    }
}
