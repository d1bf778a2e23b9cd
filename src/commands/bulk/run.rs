//! Starting a job (plan, confirm, journal, run) and resuming one.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use acctl_api::{Account, Identifier, IdentifierKind};

use super::{JobArgs, ResumeArgs, report};
use crate::bulk::exec::{Execution, Work};
use crate::bulk::journal::{self, Entry, FORMAT, Header, JobId, JobState, JournalWriter, Target};
use crate::bulk::{Action, ItemResult, Outcome, input, plan};
use crate::client::ApiClient;
use crate::client::retry::RetryPolicy;
use crate::config::Rate;
use crate::credentials::Secret;
use crate::error::{CliError, ExitStatus};
use crate::output::{RecordWriter, Shape};
use crate::profile::AuditContext;
use crate::settings::Settings;
use crate::ui::Ui;

/// Retries for a job's requests: more patient than one command's, since a
/// job should ride out a bad minute of the backend (each keyed, so safe).
const JOB_RETRY: RetryPolicy = RetryPolicy {
    max_attempts: 8,
    base: std::time::Duration::from_millis(200),
    cap: std::time::Duration::from_secs(10),
    budget: std::time::Duration::from_secs(120),
};

/// Without a rate ceiling a job still shares one limiter, so a 429's
/// `Retry-After` pauses every worker, not just the one that met it.
const NO_CEILING: f64 = 1_000_000.0;

impl Action {
    /// The scope the action needs, checked before anything changes.
    fn scope(self) -> &'static str {
        match self {
            Action::ForceReset => acctl_api::scope::PASSWORD_FORCE,
            Action::Lock | Action::Unlock => acctl_api::scope::ACCOUNTS_LOCK,
            Action::RevokeSessions => acctl_api::scope::SESSIONS_REVOKE,
        }
    }
}

/// Who a job runs as: the actor, and the digest of its token.
struct Signer {
    actor: String,
    token_digest: String,
}

/// A signed-in client tuned for a job, and who it signs in as (who must
/// also have the action's scope: an agent is stopped here, exit 4).
async fn job_client(settings: &Settings, action: Action, rate: Option<Rate>) -> Result<(ApiClient, Signer), CliError> {
    let mut profile = settings.profile.clone();
    if let Some(r) = rate {
        profile.rate = r.per_second;
    }
    profile.rate = Some(profile.rate.unwrap_or(NO_CEILING));
    let store = crate::credentials::CredentialStore::new(&profile.name);
    let credential = store.resolve()?;
    let bearer = crate::commands::bearer(&profile, &credential, store);
    let client = ApiClient::with_bearer(&profile, bearer)?.with_retry(JOB_RETRY);
    let whoami = client.whoami().await?;
    if !whoami.scopes.iter().any(|s| s == action.scope()) {
        return Err(CliError::new(
            ExitStatus::NotAuthenticated,
            anyhow::anyhow!(
                "`{}` ({}) may not {}: `bulk {action}` needs the `{}` scope; nothing was changed",
                whoami.actor,
                whoami.role.as_str(),
                action.as_str(),
                action.scope()
            ),
        )
        .with_hint("ask for an sre or admin token; `acctl auth status` lists your scopes"));
    }
    // The service scopes idempotency keys to a pasted token, and to the
    // (issuer, subject) of a single sign-on (its access tokens change on
    // every renewal, a resumed job's keys must not).
    let token_digest = match &credential.secret {
        Secret::Token(token) => journal::token_digest(secrecy::ExposeSecret::expose_secret(token)),
        Secret::Sso(grant) => journal::token_digest(&format!(
            "sso\n{}\n{}",
            grant.issuer,
            grant.subject.as_deref().unwrap_or(&whoami.actor)
        )),
    };
    Ok((client, Signer { actor: whoami.actor, token_digest }))
}

fn read_input(path: &PathBuf) -> Result<Vec<u8>, CliError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::from(e).with_context("cannot read stdin"))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| {
        CliError::new(ExitStatus::Usage, anyhow::Error::new(e).context(format!("cannot read `{}`", path.display())))
    })
}

/// `acctl bulk ACTION --input …`.
pub async fn start(action: Action, args: JobArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    if let Some(banner) = settings.check_change(!settings.no_input)? {
        ui.warn(banner);
    }
    let path = args.input.clone();
    let column = args.column.clone();
    let region = settings.profile.region.clone();
    let parsed = tokio::task::spawn_blocking(move || {
        let bytes = read_input(&path)?;
        input::parse(&bytes, column.as_deref(), |s| Identifier::parse(s, region.as_deref()))
    })
    .await
    .map_err(CliError::unexpected)??;
    if let Some(job) = &args.resume {
        let (journal_path, state) = super::read_job(job)?;
        state.check_matches(&settings.profile.name, None, Some(action), Some(&parsed.digest))?;
        return resume_job(journal_path, state, args.rate, args.concurrency, settings, ui).await;
    }
    let (client, signer) = job_client(settings, action, args.rate).await?;
    let concurrency = args.concurrency.map_or(settings.profile.concurrency, usize::from);
    let lines = parsed.items.len();
    let planned = plan::plan(&client, action, parsed.items, concurrency)
        .await
        .map_err(|e| CliError::from(e).with_context("cannot plan the job; nothing was changed"))?;
    report::print_plan(ui, action, &planned, lines);
    let affected = planned.plan.targets.len() as u64;
    let limit = args.max_affected.or(settings.profile.max_affected);
    if args.dry_run {
        if let Some(limit) = limit.filter(|l| affected > *l) {
            ui.warn(format!("{affected} accounts is more than the {limit} allowed: a real run would be refused"));
        }
        ui.info(format!("Dry run: nothing was changed; {affected} account(s) would be {}.", past(action)));
        return Ok(ExitStatus::Success);
    }
    if let Some(limit) = limit.filter(|l| affected > *l) {
        return Err(CliError::usage(format!(
            "this job would {} {affected} accounts, more than the {limit} allowed; nothing was changed",
            action.as_str()
        ))
        .with_hint(format!("check the input, or pass `--max-affected {affected}` if that many is right")));
    }
    if affected > 0 && !settings.yes {
        let question =
            format!("{} {affected} account(s) on profile `{}`?", capitalised(action.verb()), settings.profile.name);
        if !ui.can_prompt(settings.no_input) {
            return Err(CliError::usage("a bulk job needs confirmation and there is no terminal to ask on")
                .with_hint(format!("pass `--yes` to {} {affected} account(s)", action.as_str())));
        }
        if !ui.confirm_change(&question)? {
            // An answer, not a failure: exit 0, as every declined confirmation.
            ui.info("Nothing was changed.");
            return Ok(ExitStatus::Success);
        }
    }
    let now = time::OffsetDateTime::now_utc();
    let job = JobId::new(now);
    let journal_path = match args.journal {
        Some(p) => p,
        None => journal::default_path(&job).ok_or_else(|| {
            CliError::usage("cannot find the state directory: neither `XDG_STATE_HOME` nor `HOME` is set")
                .with_hint("pass `--journal PATH`")
        })?,
    };
    let header = Header {
        journal: FORMAT.to_owned(),
        job: job.clone(),
        profile: settings.profile.name.clone(),
        url: settings.profile.url.clone(),
        actor: signer.actor,
        token_digest: signer.token_digest,
        action,
        input_digest: parsed.digest,
        created_at: journal::now_rfc3339(),
        reason: settings.audit.reason.clone(),
        ticket: settings.audit.ticket.clone(),
        plan: planned.plan,
    };
    let writer = JournalWriter::create(&journal_path, &header)?;
    ui.info(format!("Job {job} (journal `{}`)", journal_path.display()));
    let mut out = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    for r in &header.plan.settled {
        out.write(r)?;
    }
    let mut accounts = planned.accounts;
    let work = header
        .plan
        .targets
        .iter()
        .filter_map(|t| accounts.remove(&t.account_id).map(|account| Work { target: t.clone(), account }))
        .collect();
    execute(&client, &header, work, concurrency, writer, &journal_path, out, ui).await
}

/// `acctl bulk resume JOB`.
pub async fn resume(args: &ResumeArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let (path, state) = super::read_job(&args.job)?;
    state.check_matches(&settings.profile.name, None, None, None)?;
    resume_job(path, state, args.rate, args.concurrency, settings, ui).await
}

async fn resume_job(
    path: PathBuf,
    state: JobState,
    rate: Option<Rate>,
    concurrency: Option<u16>,
    settings: &Settings,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    let header = state.header.clone();
    // The job's own audit context: a key's request must not change between runs.
    let resumed = Settings {
        audit: AuditContext { reason: header.reason.clone(), ticket: header.ticket.clone(), job: None },
        ..settings.clone()
    };
    if let Some(banner) = resumed.check_change(!resumed.no_input)? {
        ui.warn(banner);
    }
    let (client, signer) = job_client(settings, header.action, rate).await?;
    state.check_matches(&settings.profile.name, Some((&signer.actor, &signer.token_digest)), None, None).map_err(
        |e| CliError::from(e).with_hint("resume with the token that started the job (`ACCTL_TOKEN` or the keyring)"),
    )?;
    let concurrency = concurrency.map_or(settings.profile.concurrency, usize::from);
    let targets: Vec<Target> = state.unsettled().cloned().collect();
    ui.info(format!(
        "Resuming job {} ({} of {} account(s) left, {} in flight when it stopped)",
        header.job,
        targets.len(),
        header.plan.targets.len(),
        state.in_flight.len()
    ));
    let writer = JournalWriter::append(&path).map_err(CliError::unexpected)?;
    let mut out = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    let found = refetch(&client, &targets, concurrency).await?;
    let mut work = Vec::new();
    for t in targets {
        match found.get(&t.account_id) {
            Some(account) => {
                // The plan's status, so `unchanged` still means "was already so when planned".
                let mut account = account.clone();
                account.status = t.status;
                work.push(Work { target: t, account });
            }
            None => {
                let gone = ItemResult {
                    line: t.line,
                    input: t.input,
                    account_id: Some(t.account_id),
                    outcome: Outcome::NotFound,
                    code: Some("account_not_found".into()),
                    detail: Some("the account no longer exists".into()),
                    request_id: None,
                };
                writer.record(Entry::Result(gone.clone())).map_err(CliError::unexpected)?;
                out.write(&gone)?;
            }
        }
    }
    execute(&client, &header, work, concurrency, writer, &path, out, ui).await
}

/// The accounts of `targets` as they are now, by ID.
async fn refetch(
    client: &ApiClient,
    targets: &[Target],
    concurrency: usize,
) -> Result<HashMap<String, Account>, CliError> {
    let items = targets
        .iter()
        .map(|t| {
            let id = Identifier::new(IdentifierKind::Id, t.account_id.clone());
            crate::lookup::input::InputItem::new(t.line, t.account_id.clone(), Ok(id))
        })
        .collect();
    // Planned as an action that is never "already done", so every account found comes back.
    let planned = plan::plan(client, Action::ForceReset, items, concurrency)
        .await
        .map_err(|e| CliError::from(e).with_context("cannot look the job's accounts up again; nothing was changed"))?;
    Ok(planned.accounts)
}

/// Runs the work with a progress bar and Ctrl-C handling, then the summary.
#[allow(clippy::too_many_arguments)]
async fn execute(
    client: &ApiClient,
    header: &Header,
    work: Vec<Work>,
    concurrency: usize,
    writer: JournalWriter,
    journal_path: &std::path::Path,
    mut out: RecordWriter<ItemResult>,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    let audit = AuditContext {
        reason: header.reason.clone(),
        ticket: header.ticket.clone(),
        job: Some(header.job.to_string()),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let stop = Arc::clone(&stop);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.store(true, Ordering::SeqCst);
            }
            // A second Ctrl-C does not wait for the accounts in flight: it
            // leaves them as a kill would, for `resume` to send again.
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(i32::from(ExitStatus::Interrupted.code()));
            }
        })
    };
    writer.record(Entry::Run { at: journal::now_rfc3339(), pid: std::process::id() }).map_err(CliError::unexpected)?;
    let bar = ui.bar(work.len() as u64, header.action.as_str());
    let exec = Execution {
        client,
        job: &header.job,
        action: header.action,
        audit: &audit,
        concurrency,
        journal: &writer,
        stop: Arc::clone(&stop),
    };
    let outcome = exec
        .run(work, |r: ItemResult| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            out.write(&r)
        })
        .await;
    watcher.abort();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let stopped = outcome?;
    writer
        .record(Entry::Ended { at: journal::now_rfc3339(), interrupted: stopped })
        .and_then(|()| writer.close())
        .map_err(CliError::unexpected)?;
    out.finish()?;
    let state = JobState::read(journal_path).map_err(CliError::unexpected)?;
    report::print_summary(ui, &state);
    let resume = format!("acctl bulk resume {}", resume_arg(&header.job, journal_path));
    if stopped {
        ui.warn("interrupted: the accounts in flight finished and were journalled; no new ones were started");
        ui.hint(format!("run `{resume}` to finish the job"));
        return Ok(ExitStatus::Interrupted);
    }
    let tally = state.tally();
    if tally.done + tally.unchanged + tally.duplicates == tally.total() {
        Ok(ExitStatus::Success)
    } else {
        if tally.failed > 0 {
            ui.hint(format!("after fixing the cause, `{resume}` tries the failed accounts again"));
        }
        Ok(ExitStatus::SomeFailed)
    }
}

/// The job id when the journal is where `resume` looks by default, else its path.
fn resume_arg(job: &JobId, path: &std::path::Path) -> String {
    if journal::default_path(job).is_some_and(|p| p == path) { job.to_string() } else { path.display().to_string() }
}

fn past(action: Action) -> &'static str {
    match action {
        Action::ForceReset => "force-reset",
        Action::Lock => "locked",
        Action::Unlock => "unlocked",
        Action::RevokeSessions => "signed out",
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
