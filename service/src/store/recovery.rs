//! The SQL of the recovery flow: challenges, the verification tokens they
//! yield, and password changes. The rules that decide what to write live in
//! `crate::domain`; these are the statements, run inside its transaction.

use acctl_api::Channel;
use rusqlite::OptionalExtension;

use super::Db;
use crate::error::StoreError;

/// Where a challenge stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeStatus {
    Pending,
    Verified,
    /// Five wrong codes.
    UsedUp,
    /// A newer code was sent on the same channel.
    Superseded,
    /// Its code never reached the customer (the delivery worker gave up).
    Undelivered,
}

impl ChallengeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ChallengeStatus::Pending => "pending",
            ChallengeStatus::Verified => "verified",
            ChallengeStatus::UsedUp => "used_up",
            ChallengeStatus::Superseded => "superseded",
            ChallengeStatus::Undelivered => "undelivered",
        }
    }

    fn parse(s: &str) -> ChallengeStatus {
        match s {
            "pending" => ChallengeStatus::Pending,
            "verified" => ChallengeStatus::Verified,
            "used_up" => ChallengeStatus::UsedUp,
            "superseded" => ChallengeStatus::Superseded,
            _ => ChallengeStatus::Undelivered,
        }
    }
}

/// A challenge as stored.
#[derive(Debug, Clone)]
pub struct ChallengeRow {
    pub id: String,
    pub account_id: String,
    pub channel: Channel,
    pub code_hash: String,
    /// The actor who created it (the only one who may verify it).
    pub created_by: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub attempts_left: u32,
    pub status: ChallengeStatus,
}

/// A challenge to insert.
pub struct NewChallenge<'a> {
    pub id: &'a str,
    pub account_id: &'a str,
    pub channel: Channel,
    pub code_hash: &'a str,
    pub created_by: &'a str,
    pub expires_at: i64,
    pub attempts_left: u32,
}

/// A verification token as stored (by its hash).
#[derive(Debug, Clone)]
pub struct TokenRow {
    pub account_id: String,
    pub actor: String,
    pub channel: Channel,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub(super) fn parse_channel(s: &str) -> Channel {
    if s == "sms" { Channel::Sms } else { Channel::Email }
}

const CHALLENGE_COLUMNS: &str =
    "id, account_id, channel, code_hash, created_by, created_at, expires_at, attempts_left, status";

fn challenge_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ChallengeRow> {
    Ok(ChallengeRow {
        id: r.get(0)?,
        account_id: r.get(1)?,
        channel: parse_channel(&r.get::<_, String>(2)?),
        code_hash: r.get(3)?,
        created_by: r.get(4)?,
        created_at: r.get(5)?,
        expires_at: r.get(6)?,
        attempts_left: r.get(7)?,
        status: ChallengeStatus::parse(&r.get::<_, String>(8)?),
    })
}

impl Db<'_> {
    pub fn challenge(&self, id: &str) -> Result<Option<ChallengeRow>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {CHALLENGE_COLUMNS} FROM challenges WHERE id = ?1"))?
            .query_row([id], challenge_row)
            .optional()?)
    }

    /// How many challenges that went out (or may still go out) the account
    /// got since `since`, and when the oldest of them was made.
    pub fn challenges_since(&self, account_id: &str, since: i64) -> Result<(i64, Option<i64>), StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*), min(created_at) FROM challenges
             WHERE account_id = ?1 AND created_at > ?2 AND status != 'undelivered'",
            (account_id, since),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The newest challenge on the account and channel whose code went out.
    pub fn last_challenge(&self, account_id: &str, channel: Channel) -> Result<Option<ChallengeRow>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {CHALLENGE_COLUMNS} FROM challenges
                     WHERE account_id = ?1 AND channel = ?2 AND status != 'undelivered'
                     ORDER BY created_at DESC, rowid DESC LIMIT 1"
                ),
                (account_id, channel.as_str()),
                challenge_row,
            )
            .optional()?)
    }

    pub fn insert_challenge(&self, c: &NewChallenge<'_>) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO challenges (id, account_id, channel, code_hash, created_by, created_at, expires_at, attempts_left, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending')",
            (c.id, c.account_id, c.channel.as_str(), c.code_hash, c.created_by, self.now, c.expires_at, c.attempts_left),
        )?;
        Ok(())
    }

    pub fn set_challenge_status(&self, id: &str, status: ChallengeStatus) -> Result<(), StoreError> {
        self.conn.execute("UPDATE challenges SET status = ?2 WHERE id = ?1", (id, status.as_str()))?;
        Ok(())
    }

    /// Counts a wrong code: the tries left, and `used_up` at zero.
    pub fn set_challenge_attempts(&self, id: &str, attempts_left: u32) -> Result<(), StoreError> {
        let status = if attempts_left == 0 { ChallengeStatus::UsedUp } else { ChallengeStatus::Pending };
        self.conn.execute(
            "UPDATE challenges SET attempts_left = ?2, status = ?3 WHERE id = ?1",
            (id, attempts_left, status.as_str()),
        )?;
        Ok(())
    }

    pub fn mark_challenge_verified(&self, id: &str, actor: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE challenges SET status = 'verified', verified_by = ?2, verified_at = ?3 WHERE id = ?1",
            (id, actor, self.now),
        )?;
        Ok(())
    }

    /// A verified, unconsumed challenge on another channel of the account,
    /// verified by `actor` after `since` (the first half of an MFA pair).
    pub fn other_verified_challenge(
        &self,
        account_id: &str,
        channel: Channel,
        actor: &str,
        since: i64,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM challenges WHERE account_id = ?1 AND channel != ?2 AND status = 'verified'
                 AND consumed = 0 AND verified_by = ?3 AND verified_at > ?4 ORDER BY verified_at DESC LIMIT 1",
                (account_id, channel.as_str(), actor, since),
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn consume_challenge(&self, id: &str) -> Result<(), StoreError> {
        self.conn.execute("UPDATE challenges SET consumed = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    pub fn insert_verification_token(
        &self,
        hash: &str,
        account_id: &str,
        actor: &str,
        channel: Channel,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO verification_tokens (hash, account_id, actor, channel, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (hash, account_id, actor, channel.as_str(), self.now, expires_at),
        )?;
        Ok(())
    }

    pub fn verification_token(&self, hash: &str) -> Result<Option<TokenRow>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT account_id, actor, channel, expires_at, used_at FROM verification_tokens WHERE hash = ?1",
                [hash],
                |r| {
                    Ok(TokenRow {
                        account_id: r.get(0)?,
                        actor: r.get(1)?,
                        channel: parse_channel(&r.get::<_, String>(2)?),
                        expires_at: r.get(3)?,
                        used_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Uses the token once; `false` when it was no longer usable.
    pub fn use_verification_token(&self, hash: &str, account_id: &str, actor: &str) -> Result<bool, StoreError> {
        let used = self.conn.execute(
            "UPDATE verification_tokens SET used_at = ?2
             WHERE hash = ?1 AND account_id = ?3 AND actor = ?4 AND used_at IS NULL AND expires_at > ?2",
            (hash, self.now, account_id, actor),
        )?;
        Ok(used == 1)
    }

    /// Stores a new password hash (and whether it must be changed at the
    /// next sign-in), stamped now.
    pub fn set_password(&self, account_id: &str, password_hash: &str, must_change: bool) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE accounts SET password_hash = ?2, must_change_password = ?3, password_changed_at = ?4 WHERE id = ?1",
            (account_id, password_hash, must_change, self.now),
        )?;
        Ok(())
    }
}
