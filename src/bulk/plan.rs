//! Planning a job before anything changes: every line is resolved (batch
//! lookups), duplicates are folded onto their first line, and the accounts
//! already in the target state, not found or invalid are settled here, so
//! the plan shown and journalled is exactly what the run will do.

use std::collections::{BTreeMap, HashMap};

use acctl_api::{Account, AccountStatus, Identifier};
use futures_util::{StreamExt, stream};

use super::journal::{Duplicate, Plan, Target};
use super::{Action, ItemResult, Outcome};
use crate::client::{ApiClient, ApiError};
use crate::lookup::codes;
use crate::lookup::input::InputItem;

/// The plan, and the accounts it found (the recovery operations take them).
pub struct Planned {
    pub plan: Plan,
    pub accounts: HashMap<String, Account>,
}

impl Planned {
    /// Distinct accounts found, by their current status.
    pub fn by_status(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for a in self.accounts.values() {
            *counts.entry(a.status.as_str()).or_default() += 1;
        }
        counts
    }
}

/// Whether `status` already is what `action` would make it.
pub fn already_done(action: Action, status: AccountStatus) -> bool {
    matches!((action, status), (Action::Lock, AccountStatus::Locked) | (Action::Unlock, AccountStatus::Active))
}

/// Resolves `items` with batch lookups, `concurrency` batches at a time; a
/// batch that fails after the client's retries fails the plan (nothing has
/// changed yet).
pub async fn plan(
    client: &ApiClient,
    action: Action,
    items: Vec<InputItem>,
    concurrency: usize,
) -> Result<Planned, ApiError> {
    let mut settled = Vec::new();
    let mut to_find: Vec<(u64, String, Identifier)> = Vec::new();
    for it in items {
        let line = it.line;
        match it.into_parts() {
            (input, Ok(ident)) => to_find.push((line, input, ident)),
            (input, Err((code, detail))) => {
                let outcome = if code == codes::ACCOUNT_NOT_FOUND { Outcome::NotFound } else { Outcome::Invalid };
                settled.push(result(line, input, None, outcome, Some(code.to_owned()), Some(detail)));
            }
        }
    }
    let batches: Vec<Vec<(u64, String, Identifier)>> =
        to_find.chunks(acctl_api::BATCH_LOOKUP_MAX).map(<[_]>::to_vec).collect();
    let answers: Vec<_> = stream::iter(batches)
        .map(|batch| async move {
            let idents: Vec<&Identifier> = batch.iter().map(|(_, _, i)| i).collect();
            client.batch_lookup::<Account>(&idents, false).await.map(|a| (batch, a))
        })
        .buffered(concurrency.max(1))
        .collect()
        .await;

    let mut targets = Vec::new();
    let mut duplicates = Vec::new();
    let mut accounts: HashMap<String, Account> = HashMap::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for answer in answers {
        let (batch, answer) = answer?;
        for ((line, input, _), item) in batch.into_iter().zip(answer.results) {
            let account = match (item.account, item.error) {
                (Some(account), _) => account,
                (None, Some(e)) if e.code == codes::ACCOUNT_NOT_FOUND => {
                    settled.push(result(line, input, None, Outcome::NotFound, Some(e.code), Some(e.detail)));
                    continue;
                }
                (None, e) => {
                    let (code, detail) =
                        e.map_or((codes::INVALID_INPUT.to_owned(), String::new()), |e| (e.code, e.detail));
                    settled.push(result(line, input, None, Outcome::Invalid, Some(code), Some(detail)));
                    continue;
                }
            };
            if let Some(&same_as_line) = first_line.get(&account.id) {
                duplicates.push(Duplicate { line, input, account_id: account.id, same_as_line });
                continue;
            }
            first_line.insert(account.id.clone(), line);
            if already_done(action, account.status) {
                let detail = format!("already {}", account.status.as_str());
                settled.push(result(line, input, Some(account.id.clone()), Outcome::Unchanged, None, Some(detail)));
            } else {
                targets.push(Target { line, input, account_id: account.id.clone(), status: account.status });
            }
            accounts.insert(account.id.clone(), account);
        }
    }
    settled.sort_by_key(|r| r.line);
    Ok(Planned { plan: Plan { targets, settled, duplicates }, accounts })
}

fn result(
    line: u64,
    input: String,
    account_id: Option<String>,
    outcome: Outcome,
    code: Option<String>,
    detail: Option<String>,
) -> ItemResult {
    ItemResult { line, input, account_id, outcome, code, detail, request_id: None }
}
