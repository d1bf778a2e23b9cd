//! Running a planned job: each account through the recovery layer's typed
//! operation, `concurrency` at a time, each with its derived idempotency
//! key, each result journalled as it comes.
//!
//! Stopping (Ctrl-C) means taking no new item: the ones in flight finish and
//! are journalled. An item whose answer never came (connection lost, the
//! client's retries used up on a timeout) is tried again a few times here
//! with the same key: the service replays the first answer if the change
//! was applied, so nothing is applied twice.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use acctl_api::{Account, ErrorCode};
use futures_util::{StreamExt, future, stream};

use super::journal::{Entry, JobId, JournalError, JournalWriter, Target};
use super::{Action, ItemResult, Outcome};
use crate::client::{ApiClient, ApiError, Change, IdempotencyKey};
use crate::profile::AuditContext;
use crate::recovery::{self, Authority, Effect, Failure, NewPassword, RecoveryError};

/// Rounds an item is tried again after a transient failure, on top of the client's retries.
const ITEM_RETRIES: u32 = 3;

/// What a run needs; the audit context carries the job id.
pub struct Execution<'a> {
    pub client: &'a ApiClient,
    pub job: &'a JobId,
    pub action: Action,
    pub audit: &'a AuditContext,
    pub concurrency: usize,
    pub journal: &'a JournalWriter,
    /// Set by Ctrl-C: take no new item.
    pub stop: Arc<AtomicBool>,
}

/// One account to act on: its plan entry and the account as found.
pub struct Work {
    pub target: Target,
    pub account: Account,
}

/// The key an item is sent with, the same in every run of the job.
pub fn item_key(job: &JobId, action: Action, account_id: &str) -> IdempotencyKey {
    IdempotencyKey::derived(job.as_str(), &format!("{action}-{account_id}"))
}

impl Execution<'_> {
    /// Runs `work`, handing each result to `on_result` as it is journalled.
    /// Returns whether it stopped before taking every item.
    pub async fn run<E, F>(&self, work: Vec<Work>, mut on_result: F) -> Result<bool, E>
    where
        F: FnMut(ItemResult) -> Result<(), E>,
        E: From<JournalError>,
    {
        let total = work.len();
        let stop = Arc::clone(&self.stop);
        let mut taken = 0usize;
        let mut results = stream::iter(work)
            .take_while(move |_| future::ready(!stop.load(Ordering::SeqCst)))
            .map(|w| async move {
                self.journal.record(Entry::Sent { account_id: w.target.account_id.clone() })?;
                Ok::<_, JournalError>(self.apply(w).await)
            })
            .buffer_unordered(self.concurrency.max(1));
        while let Some(result) = results.next().await {
            let result = result?;
            taken += 1;
            self.journal.record(Entry::Result(result.clone()))?;
            on_result(result)?;
        }
        Ok(taken < total)
    }

    async fn apply(&self, w: Work) -> ItemResult {
        let key = item_key(self.job, self.action, &w.account.id);
        let change = Change { key: &key, audit: self.audit };
        let mut round = 0;
        let answer = loop {
            let answer = self.once(&w.account, change).await;
            match &answer {
                Err(e) if round < ITEM_RETRIES && transient(e) => {
                    round += 1;
                    tokio::time::sleep(Duration::from_millis(250 << round)).await;
                }
                _ => break answer,
            }
        };
        let Target { line, input, account_id, .. } = w.target;
        match answer {
            Ok((effect, request_id)) => ItemResult {
                line,
                input,
                account_id: Some(account_id),
                outcome: if effect == Effect::Done { Outcome::Done } else { Outcome::Unchanged },
                code: None,
                detail: None,
                request_id,
            },
            Err(e) => {
                let api = e.api();
                ItemResult {
                    line,
                    input,
                    account_id: Some(account_id),
                    outcome: if *e.failure() == Failure::NotFound { Outcome::NotFound } else { Outcome::Failed },
                    code: Some(error_code(&e)),
                    detail: Some(e.to_string()),
                    request_id: api.and_then(ApiError::request_id).map(str::to_owned),
                }
            }
        }
    }

    async fn once(&self, account: &Account, change: Change<'_>) -> Result<(Effect, Option<String>), RecoveryError> {
        let c = self.client;
        match self.action {
            Action::Lock => recovery::lock(c, account, change).await.map(|o| (o.effect, o.request_id)),
            Action::Unlock => recovery::unlock(c, account, change).await.map(|o| (o.effect, o.request_id)),
            Action::RevokeSessions => {
                recovery::revoke_sessions(c, account, change).await.map(|o| (o.effect, o.request_id))
            }
            Action::ForceReset => {
                let deliver = NewPassword::Deliver { channel: None };
                recovery::set_password(c, account, &deliver, &Authority::Forced, true, change)
                    .await
                    .map(|o| (o.effect, o.request_id))
            }
        }
    }
}

/// Worth another round with the same key: the answer never came, the
/// service was busy, or an earlier attempt with this key is still running.
fn transient(e: &RecoveryError) -> bool {
    match e.api() {
        Some(ApiError::Connect { .. } | ApiError::Timeout { .. }) => true,
        Some(ApiError::Http { status, .. }) => *status >= 500 || *status == 429,
        Some(api) => {
            matches!(api.code(), Some(ErrorCode::IdempotencyKeyInFlight | ErrorCode::RateLimited))
                || api.problem().is_some_and(|p| p.status >= 500)
        }
        None => false,
    }
}

/// The error code a result carries: the service's, else what went wrong on the way.
fn error_code(e: &RecoveryError) -> String {
    match e.api() {
        Some(api) => match (api.problem(), api) {
            (Some(p), _) => p.code.to_string(),
            (None, ApiError::Connect { .. }) => "backend_unavailable".into(),
            (None, ApiError::Timeout { .. }) => "timeout".into(),
            (None, ApiError::Http { status, .. }) => format!("http_{status}"),
            (None, _) => "unexpected".into(),
        },
        None => match e.failure() {
            Failure::NotFound => "account_not_found".into(),
            Failure::Locked => "account_locked".into(),
            Failure::Disabled => "account_disabled".into(),
            _ => "failed".into(),
        },
    }
}
