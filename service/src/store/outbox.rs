//! The outbox: a record of every message the service sent.

use acctl_api::{Channel, MessageKind, OutboxMessage};

use super::Store;
use crate::clock::from_ms;
use crate::error::StoreError;

fn kind_str(k: MessageKind) -> &'static str {
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

/// A message to record.
#[derive(Debug, Clone, Copy)]
pub struct NewMessage<'a> {
    pub account_id: &'a str,
    pub channel: Channel,
    pub to: &'a str,
    pub kind: MessageKind,
    pub subject: &'a str,
    pub body: &'a str,
    pub secret: Option<&'a str>,
}

impl Store {
    /// Records a message and answers it with its id and time. `body` and
    /// `secret` are stored as given: the caller redacts them outside sandbox
    /// mode.
    pub fn record_message(&self, msg: NewMessage<'_>) -> Result<OutboxMessage, StoreError> {
        let NewMessage { account_id, channel, to, kind, subject, body, secret } = msg;
        let now = self.now_ms();
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO outbox (at, account_id, channel, to_addr, kind, subject, body, secret)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                (now, account_id, channel.as_str(), to, kind_str(kind), subject, body, secret),
            )?;
            Ok::<_, rusqlite::Error>(tx.last_insert_rowid())
        })?;
        Ok(OutboxMessage {
            id,
            at: from_ms(now),
            channel,
            to: to.to_owned(),
            kind,
            subject: subject.to_owned(),
            body: body.to_owned(),
            secret: secret.map(str::to_owned),
            account_id: account_id.to_owned(),
        })
    }

    /// Messages oldest first, optionally for one account and after an id.
    pub fn list_messages(
        &self,
        account_id: Option<&str>,
        after_id: Option<i64>,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        Ok(self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, at, channel, to_addr, kind, subject, body, secret, account_id FROM outbox
                 WHERE (?1 IS NULL OR account_id = ?1) AND id > ?2 ORDER BY id LIMIT 10000",
            )?;
            let rows = stmt.query_map((account_id, after_id.unwrap_or(0)), |r| {
                let channel: String = r.get(2)?;
                Ok(OutboxMessage {
                    id: r.get(0)?,
                    at: from_ms(r.get(1)?),
                    channel: if channel == "sms" { Channel::Sms } else { Channel::Email },
                    to: r.get(3)?,
                    kind: parse_kind(&r.get::<_, String>(4)?),
                    subject: r.get(5)?,
                    body: r.get(6)?,
                    secret: r.get(7)?,
                    account_id: r.get(8)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?)
    }
}
