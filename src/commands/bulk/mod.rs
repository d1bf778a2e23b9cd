//! `acctl bulk`: one action over a list of accounts, planned first,
//! journalled, resumable, applied exactly once ([`crate::bulk`]).

mod report;
mod run;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::bulk::Action;
use crate::bulk::journal::{self, JobId, JobState};
use crate::config::Rate;
use crate::error::{CliError, ExitStatus};
use crate::output::{RecordWriter, Shape};
use crate::settings::Settings;
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum BulkCommand {
    /// Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified
    ForceReset(JobArgs),
    /// Lock every account in the list
    Lock(JobArgs),
    /// Unlock every account in the list
    Unlock(JobArgs),
    /// Sign every account in the list out of all its sessions
    RevokeSessions(JobArgs),
    /// Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys
    Resume(ResumeArgs),
    /// Print a job's progress and summary
    Status(StatusArgs),
    /// List the jobs whose journals are on this machine
    List,
}

/// Plan, confirm and run the action over the accounts the input names.
///
/// The input is identifiers one a line, a CSV column (`--column NAME`), or the
/// NDJSON records `acctl lookup -` prints. Every line is resolved before
/// anything changes; the plan goes to stderr, then one result per account to
/// stdout (outcome done | unchanged | not_found | invalid | failed) and a
/// summary to stderr. Exit 0 when every line ended done or unchanged, 9
/// otherwise; Ctrl-C stops taking new accounts, lets those in flight finish
/// and exits 130 with the command that resumes the job.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl bulk lock --input compromised.txt --reason 'credential stuffing' --ticket INC-42 --dry-run
  acctl lookup - < ids.txt | jq -c 'select(.account.status==\"active\")' \\
    | acctl bulk lock --input - --yes
  acctl bulk force-reset --input accounts.csv --column email --rate 20/s --yes
  acctl bulk resume 20261130T081500Z-3f9a2c1d")]
pub struct JobArgs {
    /// The list: a file, or `-` for stdin
    #[arg(long, value_name = "FILE|-")]
    input: PathBuf,

    /// Read identifiers from this column of CSV input (with a header row)
    #[arg(long, value_name = "NAME")]
    column: Option<String>,

    /// Show the plan and stop: nothing is changed
    #[arg(long)]
    dry_run: bool,

    /// Refuse to run if more than N accounts would change (default: the profile's `max_affected`)
    #[arg(long, value_name = "N")]
    max_affected: Option<u64>,

    /// Requests per second at most, e.g. `20/s` (default: the profile's `rate`)
    #[arg(long, value_name = "N/s")]
    rate: Option<Rate>,

    /// Accounts in flight at once, 1 to 256 (default: the profile's `concurrency`)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    concurrency: Option<u16>,

    /// Where to write the job's journal (default: the XDG state directory, by job id)
    #[arg(long, value_name = "PATH")]
    journal: Option<PathBuf>,

    /// Continue job JOB (planned from this same input) instead of planning a new one
    #[arg(long, value_name = "JOB")]
    resume: Option<String>,
}

/// Continue job JOB (its id, or its journal's path).
///
/// The job keeps its plan, audit reason and ticket. Accounts already done
/// are skipped; the ones that were in flight are sent again with their
/// original idempotency keys, so the service replays instead of applying
/// twice. Only the same profile and the same signed-in actor may resume.
#[derive(Debug, Args)]
pub struct ResumeArgs {
    #[arg(value_name = "JOB")]
    job: String,

    /// Requests per second at most (default: the profile's `rate`)
    #[arg(long, value_name = "N/s")]
    rate: Option<Rate>,

    /// Accounts in flight at once (default: the profile's `concurrency`)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    concurrency: Option<u16>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The job id, or its journal's path
    #[arg(value_name = "JOB")]
    job: String,
}

pub async fn run(cmd: BulkCommand, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let action = match &cmd {
        BulkCommand::ForceReset(_) => Action::ForceReset,
        BulkCommand::Lock(_) => Action::Lock,
        BulkCommand::Unlock(_) => Action::Unlock,
        BulkCommand::RevokeSessions(_) => Action::RevokeSessions,
        BulkCommand::Resume(args) => return run::resume(args, settings, ui).await,
        BulkCommand::Status(args) => return status(args, settings, ui),
        BulkCommand::List => return list(settings, ui),
    };
    let (BulkCommand::ForceReset(args)
    | BulkCommand::Lock(args)
    | BulkCommand::Unlock(args)
    | BulkCommand::RevokeSessions(args)) = cmd
    else {
        return Err(CliError::unexpected(anyhow::anyhow!("not an action")));
    };
    run::start(action, args, settings, ui).await
}

/// The journal a JOB argument names: a path, or an id in the default directory.
fn journal_path(job: &str) -> Result<PathBuf, CliError> {
    if job.contains(std::path::MAIN_SEPARATOR) || job.contains('/') || job.ends_with(".ndjson") {
        return Ok(PathBuf::from(job));
    }
    let id = JobId::parse(job).ok_or_else(|| {
        CliError::usage(format!("`{job}` is not a job id"))
            .with_hint("`acctl bulk list` shows the jobs on this machine")
    })?;
    journal::default_path(&id)
        .ok_or_else(|| CliError::usage("cannot find the state directory: neither `XDG_STATE_HOME` nor `HOME` is set"))
}

fn read_job(job: &str) -> Result<(PathBuf, JobState), CliError> {
    let path = journal_path(job)?;
    match JobState::read(&path) {
        Ok(state) => Ok((path, state)),
        Err(journal::JournalError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Err(CliError::usage(format!("no journal for job `{job}` at `{}`", path.display()))
                .with_hint("`acctl bulk list` shows the jobs on this machine"))
        }
        Err(e) => Err(e.into()),
    }
}

fn status(args: &StatusArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let (path, state) = read_job(&args.job)?;
    report::print_summary(ui, &state);
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&report::JobRecord::new(&state, &path))?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}

fn list(settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let jobs = journal::list().map_err(CliError::unexpected)?;
    let mut writer = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    for (path, state) in jobs {
        match state {
            Ok(state) => writer.write(&report::JobRecord::new(&state, &path))?,
            Err(e) => ui.warn(format!("skipped: {e}")),
        }
    }
    writer.finish()?;
    Ok(ExitStatus::Success)
}
