//! Batches of identifiers → `accounts:batchLookup`, several in flight, answers
//! written in input order.
//!
//! At most `concurrency` batches are in flight and at most a few more wait in
//! the channel from the reader, so memory is bounded by
//! `(concurrency + channel) × batch size` whatever the input length.

use std::collections::BTreeMap;

use acctl_api::{Account, BatchLookupResult, Identifier};
use futures_util::StreamExt;
use indicatif::ProgressBar;
use serde::de::IgnoredAny;
use tokio::sync::mpsc;

use super::input::{Batch, InputItem};
use super::{AccountJson, LookupRecord, codes};
use crate::client::{ApiClient, ApiError, BatchText};
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::output::RecordWriter;

/// What a lookup run came to.
#[derive(Debug, Default)]
pub struct Summary {
    pub lines: u64,
    pub found: u64,
    pub not_found: u64,
    /// Lines without an answer, by error code.
    pub unanswered: BTreeMap<String, u64>,
}

impl Summary {
    pub fn unanswered_total(&self) -> u64 {
        self.unanswered.values().sum()
    }
}

/// Looks up every batch from `rx` and writes one record per item, in order.
pub async fn run(
    client: &ApiClient,
    reveal: bool,
    concurrency: usize,
    rx: mpsc::Receiver<Batch>,
    writer: &mut RecordWriter<LookupRecord>,
    progress: Option<&ProgressBar>,
) -> Result<Summary, CliError> {
    let verbatim = writer.writes_whole_json_lines();
    let batches = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|b| (b, rx)) });
    let mut answers =
        std::pin::pin!(batches.map(|batch| resolve(client, reveal, verbatim, batch)).buffered(concurrency.max(1)));
    let mut summary = Summary::default();
    while let Some(records) = answers.next().await {
        let records = records?;
        for record in &records {
            summary.lines += 1;
            if record.account.is_some() {
                summary.found += 1;
            } else if record.not_found() {
                summary.not_found += 1;
            } else if let Some(e) = &record.error {
                *summary.unanswered.entry(e.code.clone()).or_default() += 1;
            }
            writer.write(record)?;
        }
        writer.flush()?;
        if let Some(bar) = progress {
            bar.inc(records.len() as u64);
        }
    }
    Ok(summary)
}

/// One batch: a single request for its valid identifiers; invalid ones are
/// answered locally. A failure that would fail every batch the same way
/// (not signed in, not permitted) ends the run; others fail this batch's lines.
async fn resolve(
    client: &ApiClient,
    reveal: bool,
    verbatim: bool,
    batch: Batch,
) -> Result<Vec<LookupRecord>, CliError> {
    let items: Vec<InputItem> = batch?;
    let identifiers: Vec<&Identifier> = items.iter().filter_map(|it| it.ident().ok()).collect();
    let mut answers = if identifiers.is_empty() {
        Vec::new()
    } else if verbatim {
        lookup_text(client, &identifiers, reveal).await?
    } else {
        lookup(client, &identifiers, reveal).await?
    }
    .into_iter();
    let mut records = Vec::with_capacity(items.len());
    for item in items {
        let record = match item.into_input() {
            (input, Some((code, detail))) => LookupRecord::failed(input, code, detail),
            (input, None) => match answers.next() {
                Some(Ok(account)) => LookupRecord::found(input, account),
                Some(Err((code, detail))) => LookupRecord::failed(input, &code, detail),
                None => LookupRecord::failed(input, codes::BACKEND_UNAVAILABLE, "no answer for this line"),
            },
        };
        records.push(record);
    }
    Ok(records)
}

/// One identifier's answer: the account, or an error code and detail.
type Answer = Result<AccountJson, (String, String)>;

/// One `accounts:batchLookup` request, each account decoded as an [`Account`];
/// one answer per identifier, in order.
async fn lookup(client: &ApiClient, identifiers: &[&Identifier], reveal: bool) -> Result<Vec<Answer>, CliError> {
    let expected = identifiers.len();
    match client.batch_lookup::<Account>(identifiers, reveal).await {
        Ok(answer) => Ok(answers(answer.results, expected, |a| Ok(a.into()))),
        Err(e) => failed_batch(e, expected),
    }
}

/// [`lookup`] for NDJSON: each account kept as the service's text.
async fn lookup_text(client: &ApiClient, identifiers: &[&Identifier], reveal: bool) -> Result<Vec<Answer>, CliError> {
    let expected = identifiers.len();
    match client.batch_lookup_text(identifiers, reveal).await {
        Ok(BatchText { body, results }) => {
            Ok(answers(results, expected, |range| AccountJson::from_service(&body, range)))
        }
        Err(e) => failed_batch(e, expected),
    }
}

/// One answer per identifier from a batch's results, or every line failed
/// when the service did not answer one result per identifier.
fn answers<A>(
    results: Vec<BatchLookupResult<A, String, IgnoredAny>>,
    expected: usize,
    into: impl Fn(A) -> Result<AccountJson, serde_json::Error>,
) -> Vec<Answer> {
    if results.len() != expected {
        let detail = format!("the service answered {} results for {expected} identifiers", results.len());
        return all_failed(expected, codes::BACKEND_UNAVAILABLE.to_owned(), detail);
    }
    results
        .into_iter()
        .map(|result| match (result.account, result.error) {
            (Some(account), _) => into(account).map_err(|e| {
                (
                    codes::BACKEND_UNAVAILABLE.to_owned(),
                    format!("the service answered an account acctl cannot read: {e}"),
                )
            }),
            (None, Some(err)) => Err((err.code, err.detail)),
            (None, None) => Err((
                codes::BACKEND_UNAVAILABLE.to_owned(),
                "the service answered neither an account nor an error".to_owned(),
            )),
        })
        .collect()
}

/// A batch the service did not answer: the run ends when every batch would
/// fail the same way (not signed in), else each of its lines gets the error.
fn failed_batch(e: ApiError, expected: usize) -> Result<Vec<Answer>, CliError> {
    if status_for_api(&e) == ExitStatus::NotAuthenticated {
        return Err(CliError::from(e));
    }
    let code = e.code().map_or(codes::BACKEND_UNAVAILABLE.to_owned(), |c| c.as_str().to_owned());
    Ok(all_failed(expected, code, describe(&e)))
}

fn all_failed(expected: usize, code: String, detail: String) -> Vec<Answer> {
    (0..expected).map(|_| Err((code.clone(), detail.clone()))).collect()
}

/// The error and its causes on one line, for a record's `detail`.
fn describe(e: &ApiError) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    if let Some(id) = e.request_id() {
        text.push_str(&format!(" (request id {id})"));
    }
    text
}
