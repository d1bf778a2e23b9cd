//! The audit writer: how an operation's outcome becomes one audit event
//! (actor, reason, ticket, request id, outcome, detail), written in the
//! operation's own transaction or, for reads and sign-ins, on its own.

use acctl_api::{AuditAction, AuditOutcome};

use super::{DomainError, Operator};
use crate::error::StoreError;
use crate::store::{Db, NewAuditEvent, Store};

/// The event an operation records about itself.
#[derive(Debug, Clone)]
pub struct AuditRecord {
    pub action: AuditAction,
    pub account_id: Option<String>,
    pub outcome: AuditOutcome,
    pub detail: Option<String>,
}

impl AuditRecord {
    /// The usual record: success, or the error's code with refusals for
    /// lack of rights as `denied` and every other error as `failed`.
    pub fn of<T>(action: AuditAction, account_id: &str, result: &Result<T, DomainError>) -> AuditRecord {
        let (outcome, detail) = outcome_of(result);
        AuditRecord { action, account_id: Some(account_id.to_owned()), outcome, detail }
    }
}

/// `(outcome, "error=CODE")` for a result.
pub fn outcome_of<T>(result: &Result<T, DomainError>) -> (AuditOutcome, Option<String>) {
    match result {
        Ok(_) => (AuditOutcome::Success, None),
        Err(e) if e.is_denial() => (AuditOutcome::Denied, Some(format!("error={}", e.code()))),
        Err(e) => (AuditOutcome::Failed, Some(format!("error={}", e.code()))),
    }
}

fn event<'a>(op: &'a Operator, record: &'a AuditRecord) -> NewAuditEvent<'a> {
    NewAuditEvent {
        actor: &op.name,
        actor_email: op.email.as_deref(),
        action: record.action,
        account_id: record.account_id.as_deref(),
        reason: op.reason.as_deref(),
        ticket: op.ticket.as_deref(),
        request_id: &op.request_id,
        outcome: record.outcome,
        detail: with_job(record.detail.clone(), op.job.as_deref()),
    }
}

/// The detail with ` job=ID` added for a bulk job's request, so an auditor
/// finds every change a job made (`detail LIKE '%job=ID%'`).
fn with_job(detail: Option<String>, job: Option<&str>) -> Option<String> {
    match (detail, job) {
        (detail, None) => detail,
        (None, Some(job)) => Some(format!("job={job}")),
        (Some(detail), Some(job)) => Some(format!("{detail} job={job}")),
    }
}

/// Writes the event inside the transaction of the change it describes.
pub(crate) fn write(db: &Db<'_>, op: &Operator, record: &AuditRecord) -> Result<(), StoreError> {
    db.insert_audit(&event(op, record))
}

/// Writes an event on its own, for what changes nothing else (a reveal).
pub fn record(store: &Store, op: &Operator, record: &AuditRecord) -> Result<(), StoreError> {
    store.record_audit(&event(op, record))
}
