//! The audit log: one row per mutation, reveal, failed verification and
//! customer sign-in.

use acctl_api::{AuditAction, AuditEvent, AuditOutcome};

use super::{Db, Store};
use crate::clock::from_ms;
use crate::error::StoreError;

/// An event to record; the time comes from the store's clock.
#[derive(Debug, Clone)]
pub struct NewAuditEvent<'a> {
    pub actor: &'a str,
    pub action: AuditAction,
    pub account_id: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub ticket: Option<&'a str>,
    pub request_id: &'a str,
    pub outcome: AuditOutcome,
    pub detail: Option<String>,
}

/// Which events to list; `before_id` is the pagination cursor.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub account_id: Option<String>,
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    pub ticket: Option<String>,
    pub since_ms: Option<i64>,
    pub before_id: Option<i64>,
    pub limit: u32,
}

fn parse_outcome(s: &str) -> AuditOutcome {
    match s {
        "success" => AuditOutcome::Success,
        "denied" => AuditOutcome::Denied,
        _ => AuditOutcome::Failed,
    }
}

pub(super) fn insert(conn: &rusqlite::Connection, now: i64, event: &NewAuditEvent<'_>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit (at, actor, action, account_id, reason, ticket, request_id, outcome, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute((
        now,
        event.actor,
        event.action.as_str(),
        event.account_id,
        event.reason,
        event.ticket,
        event.request_id,
        event.outcome.as_str(),
        event.detail.as_deref(),
    ))?;
    Ok(())
}

impl Db<'_> {
    /// Records an event as part of this transaction.
    pub fn insert_audit(&self, event: &NewAuditEvent<'_>) -> Result<(), StoreError> {
        Ok(insert(self.conn, self.now, event)?)
    }
}

impl Store {
    /// Records an event on its own (for reads and sign-ins, which change
    /// nothing else).
    pub fn record_audit(&self, event: &NewAuditEvent<'_>) -> Result<(), StoreError> {
        let now = self.now_ms();
        self.write(|tx| insert(tx, now, event))?;
        Ok(())
    }

    /// Events newest first, at most `filter.limit`, and whether more follow.
    pub fn list_audit(&self, filter: &AuditFilter) -> Result<(Vec<AuditEvent>, bool), StoreError> {
        let mut sql = String::from(
            "SELECT id, at, actor, action, account_id, reason, ticket, request_id, outcome, detail FROM audit WHERE 1=1",
        );
        let mut params: Vec<rusqlite::types::Value> = Vec::new();
        let mut add = |clause: &str, v: rusqlite::types::Value| {
            params.push(v);
            sql.push_str(&format!(" AND {clause} ?{}", params.len()));
        };
        if let Some(a) = &filter.account_id {
            add("account_id =", a.clone().into());
        }
        if let Some(a) = &filter.actor {
            add("actor =", a.clone().into());
        }
        if let Some(a) = filter.action {
            add("action =", a.as_str().to_owned().into());
        }
        if let Some(t) = &filter.ticket {
            add("ticket =", t.clone().into());
        }
        if let Some(s) = filter.since_ms {
            add("at >=", s.into());
        }
        if let Some(b) = filter.before_id {
            add("id <", b.into());
        }
        sql.push_str(&format!(" ORDER BY id DESC LIMIT {}", u64::from(filter.limit) + 1));
        let mut events = self.read(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
                let action: String = r.get(3)?;
                Ok(AuditEvent {
                    id: r.get(0)?,
                    at: from_ms(r.get(1)?),
                    actor: r.get(2)?,
                    action: action.parse().unwrap_or(acctl_api::AuditAction::MessageDeliver),
                    account_id: r.get(4)?,
                    reason: r.get(5)?,
                    ticket: r.get(6)?,
                    request_id: r.get(7)?,
                    outcome: parse_outcome(&r.get::<_, String>(8)?),
                    detail: r.get(9)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        let more = events.len() > filter.limit as usize;
        events.truncate(filter.limit as usize);
        Ok((events, more))
    }
}
