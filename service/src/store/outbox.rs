//! The outbox: every message the service sends, queued in the transaction
//! of the change that sends it, and the delivery worker's record of each
//! attempt (`crate::delivery`).
//!
//! Outside sandbox mode the stored body is redacted, and the secret (a code
//! or temporary password) is kept only while the message waits for
//! delivery: it is wiped when the message is delivered or given up.

use acctl_api::{AuditAction, AuditOutcome, Channel, DeliveryState, MessageKind, OutboxMessage};
use rusqlite::OptionalExtension;

use super::recovery::parse_channel;
use super::{Db, NewAuditEvent, Store};
use crate::clock::from_ms;
use crate::error::StoreError;

pub(crate) fn kind_str(k: MessageKind) -> &'static str {
    match k {
        MessageKind::VerificationCode => "verification_code",
        MessageKind::TemporaryPassword => "temporary_password",
        MessageKind::PasswordChanged => "password_changed",
    }
}

fn parse_kind(s: &str) -> MessageKind {
    match s {
        "verification_code" => MessageKind::VerificationCode,
        "temporary_password" => MessageKind::TemporaryPassword,
        _ => MessageKind::PasswordChanged,
    }
}

fn parse_state(s: &str) -> DeliveryState {
    match s {
        "pending" => DeliveryState::Pending,
        "failed" => DeliveryState::Failed,
        _ => DeliveryState::Delivered,
    }
}

/// A message to queue.
#[derive(Debug, Clone, Copy)]
pub struct NewMessage<'a> {
    pub account_id: &'a str,
    pub channel: Channel,
    pub to: &'a str,
    pub kind: MessageKind,
    pub subject: &'a str,
    /// The body as kept at rest (redacted outside sandbox mode).
    pub body: &'a str,
    /// The code or temporary password, for the worker to send.
    pub secret: Option<&'a str>,
    /// The challenge a code belongs to (marked undelivered if it never goes out).
    pub challenge_id: Option<&'a str>,
    /// Who caused it, for the audit event of a failed delivery.
    pub actor: &'a str,
    pub request_id: &'a str,
    /// Give up after this time (ms).
    pub deadline_at: i64,
}

/// A queued message the worker is to send.
#[derive(Clone)]
pub struct PendingMessage {
    pub id: i64,
    pub account_id: String,
    pub channel: Channel,
    pub to: String,
    pub kind: MessageKind,
    pub secret: Option<String>,
    pub attempts: u32,
    pub deadline_at: i64,
}

/// What one delivery attempt came to.
#[derive(Debug, Clone)]
pub enum DeliveryOutcome {
    Delivered,
    /// Try again at `next_attempt_at`.
    Retry {
        next_attempt_at: i64,
        error: String,
    },
    /// Refused for good, or out of time.
    Failed {
        error: String,
    },
}

/// What recording an attempt needs to know about a pending message.
struct Queued {
    account_id: String,
    channel: String,
    kind: String,
    challenge_id: Option<String>,
    actor: Option<String>,
    request_id: Option<String>,
    attempts: u32,
}

const SELECT: &str =
    "SELECT id, at, channel, to_addr, kind, subject, body, secret, account_id, state, attempts FROM outbox";

fn message_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxMessage> {
    Ok(OutboxMessage {
        id: r.get(0)?,
        at: from_ms(r.get(1)?),
        channel: parse_channel(&r.get::<_, String>(2)?),
        to: r.get(3)?,
        kind: parse_kind(&r.get::<_, String>(4)?),
        subject: r.get(5)?,
        body: r.get(6)?,
        secret: r.get(7)?,
        account_id: r.get(8)?,
        state: parse_state(&r.get::<_, String>(9)?),
        attempts: r.get(10)?,
    })
}

impl Db<'_> {
    /// Queues a message; it is handed to delivery once the transaction commits.
    pub fn enqueue_message(&self, msg: NewMessage<'_>) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO outbox (at, account_id, channel, to_addr, kind, subject, body, secret, state, attempts,
                                 next_attempt_at, deadline_at, challenge_id, actor, request_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', 0, ?1, ?9, ?10, ?11, ?12)",
            rusqlite::params![
                self.now,
                msg.account_id,
                msg.channel.as_str(),
                msg.to,
                kind_str(msg.kind),
                msg.subject,
                msg.body,
                msg.secret,
                msg.deadline_at,
                msg.challenge_id,
                msg.actor,
                msg.request_id,
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        let stored = self.conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], message_row)?;
        self.enqueued.borrow_mut().push(stored);
        Ok(())
    }
}

impl Store {
    /// Messages oldest first, optionally for one account and after an id.
    pub fn list_messages(
        &self,
        account_id: Option<&str>,
        after_id: Option<i64>,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        Ok(self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "{SELECT} WHERE (?1 IS NULL OR account_id = ?1) AND id > ?2 ORDER BY id LIMIT 10000"
            ))?;
            let rows = stmt.query_map((account_id, after_id.unwrap_or(0)), message_row)?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?)
    }

    /// Pending messages whose next attempt is due, oldest first, at most `limit`.
    pub fn due_messages(&self, limit: u32) -> Result<Vec<PendingMessage>, StoreError> {
        let now = self.now_ms();
        Ok(self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, account_id, channel, to_addr, kind, secret, attempts, deadline_at FROM outbox
                 WHERE state = 'pending' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2",
            )?;
            let rows = stmt.query_map((now, limit), |r| {
                Ok(PendingMessage {
                    id: r.get(0)?,
                    account_id: r.get(1)?,
                    channel: parse_channel(&r.get::<_, String>(2)?),
                    to: r.get(3)?,
                    kind: parse_kind(&r.get::<_, String>(4)?),
                    secret: r.get(5)?,
                    attempts: r.get(6)?,
                    deadline_at: r.get(7)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?)
    }

    /// Records one attempt. A message delivered or given up loses its
    /// secret unless `keep_secret` (sandbox mode); one given up is audited
    /// as `message.deliver` failed, and its challenge stops counting toward
    /// the resend limits. Answers the message as it now stands.
    pub fn record_delivery(
        &self,
        id: i64,
        outcome: &DeliveryOutcome,
        keep_secret: bool,
    ) -> Result<Option<OutboxMessage>, StoreError> {
        let now = self.now_ms();
        self.write(|tx| {
            let row = tx
                .query_row(
                    "SELECT account_id, channel, kind, challenge_id, actor, request_id, attempts FROM outbox
                     WHERE id = ?1 AND state = 'pending'",
                    [id],
                    |r| {
                        Ok(Queued {
                            account_id: r.get(0)?,
                            channel: r.get(1)?,
                            kind: r.get(2)?,
                            challenge_id: r.get(3)?,
                            actor: r.get(4)?,
                            request_id: r.get(5)?,
                            attempts: r.get(6)?,
                        })
                    },
                )
                .optional()?;
            let Some(Queued { account_id, channel, kind, challenge_id, actor, request_id, attempts }) = row else {
                return Ok(None);
            };
            let attempts = attempts + 1;
            let wipe = !keep_secret;
            match outcome {
                DeliveryOutcome::Delivered => {
                    tx.execute(
                        "UPDATE outbox SET state = 'delivered', attempts = ?2, delivered_at = ?3, last_error = NULL,
                         secret = CASE WHEN ?4 THEN NULL ELSE secret END WHERE id = ?1",
                        (id, attempts, now, wipe),
                    )?;
                }
                DeliveryOutcome::Retry { next_attempt_at, error } => {
                    tx.execute(
                        "UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 WHERE id = ?1",
                        (id, attempts, next_attempt_at, error),
                    )?;
                }
                DeliveryOutcome::Failed { error } => {
                    tx.execute(
                        "UPDATE outbox SET state = 'failed', attempts = ?2, last_error = ?3,
                         secret = CASE WHEN ?4 THEN NULL ELSE secret END WHERE id = ?1",
                        (id, attempts, error, wipe),
                    )?;
                    if let Some(challenge) = &challenge_id {
                        tx.execute(
                            "UPDATE challenges SET status = 'undelivered' WHERE id = ?1 AND status = 'pending'",
                            [challenge],
                        )?;
                    }
                    let detail = format!("channel={channel} kind={kind} attempts={attempts} {error}");
                    super::audit::insert(
                        tx,
                        now,
                        &NewAuditEvent {
                            actor: actor.as_deref().unwrap_or("service"),
                            actor_email: None,
                            action: AuditAction::MessageDeliver,
                            account_id: Some(&account_id),
                            reason: None,
                            ticket: None,
                            request_id: request_id.as_deref().unwrap_or_default(),
                            outcome: AuditOutcome::Failed,
                            detail: Some(detail),
                        },
                    )?;
                }
            }
            Ok::<_, StoreError>(Some(tx.query_row(&format!("{SELECT} WHERE id = ?1"), [id], message_row)?))
        })
    }
}
