//! What `acctl bulk` shows: the plan and the summary on stderr, one record
//! per account on stdout, and a job's record for `bulk status` and `bulk list`.

use serde::Serialize;

use crate::bulk::journal::{JobState, Tally};
use crate::bulk::plan::Planned;
use crate::bulk::{Action, ItemResult, Outcome};
use crate::output::sanitize::for_terminal;
use crate::output::{Cell, Field, Record};
use crate::ui::Ui;

static ITEM_FIELDS: &[Field<ItemResult>] = &[
    Field { name: "line", help: "input line number", get: |r| Cell::Int(r.line as i64) },
    Field { name: "input", help: "the identifier as given", get: |r| Cell::Text(r.input.clone()) },
    Field { name: "account_id", help: "account ID (acc_…)", get: |r| Cell::opt(r.account_id.as_deref()) },
    Field {
        name: "outcome",
        help: "done, unchanged, not_found, invalid or failed",
        get: |r| Cell::Text(r.outcome.as_str().to_owned()),
    },
    Field { name: "code", help: "error code, when not done", get: |r| Cell::opt(r.code.as_deref()) },
    Field { name: "detail", help: "what happened, in words", get: |r| Cell::opt(r.detail.as_deref()) },
    Field { name: "request_id", help: "the service's request id", get: |r| Cell::opt(r.request_id.as_deref()) },
];

impl Record for ItemResult {
    fn fields() -> &'static [Field<Self>] {
        ITEM_FIELDS
    }

    fn table_fields() -> &'static [&'static str] {
        &["line", "input", "account_id", "outcome", "code", "request_id"]
    }
}

/// `line 5`, `lines 2, 8`: up to 10 line numbers, then how many more.
fn lines_list(lines: &[u64]) -> String {
    let mut text = if lines.len() == 1 { "line " } else { "lines " }.to_owned();
    text.push_str(&lines.iter().take(10).map(u64::to_string).collect::<Vec<_>>().join(", "));
    if lines.len() > 10 {
        text.push_str(&format!(" and {} more", lines.len() - 10));
    }
    text
}

/// The plan, on stderr, before anything changes.
pub fn print_plan(ui: &Ui, action: Action, planned: &Planned, lines: usize) {
    let plan = &planned.plan;
    let statuses: Vec<String> = planned.by_status().iter().map(|(s, n)| format!("{n} {s}")).collect();
    ui.info(format!("Plan: {} — {} input line{}", action, lines, if lines == 1 { "" } else { "s" }));
    ui.info(format!(
        "  accounts found:   {} ({})",
        planned.accounts.len(),
        if statuses.is_empty() { "none".to_owned() } else { statuses.join(", ") }
    ));
    ui.info(format!("  {:<18}{}", format!("to {}:", action.as_str()), plan.targets.len()));
    let of = |o: Outcome| plan.settled.iter().filter(|r| r.outcome == o).map(|r| r.line).collect::<Vec<_>>();
    let unchanged = of(Outcome::Unchanged);
    if !unchanged.is_empty() {
        ui.info(format!("  already done:     {} ({})", unchanged.len(), lines_list(&unchanged)));
    }
    if !plan.duplicates.is_empty() {
        let dup: Vec<u64> = plan.duplicates.iter().map(|d| d.line).collect();
        ui.info(format!("  duplicates:       {} (acted on once: {})", dup.len(), lines_list(&dup)));
    }
    let not_found = of(Outcome::NotFound);
    if !not_found.is_empty() {
        ui.info(format!("  not found:        {} ({})", not_found.len(), lines_list(&not_found)));
    }
    for r in plan.settled.iter().filter(|r| r.outcome == Outcome::Invalid).take(10) {
        ui.info(format!(
            "  invalid:          line {}: {}",
            r.line,
            for_terminal(r.detail.as_deref().unwrap_or(&r.input))
        ));
    }
    let invalid = of(Outcome::Invalid);
    if invalid.len() > 10 {
        ui.info(format!("  invalid:          and {} more", invalid.len() - 10));
    }
}

/// The summary, on stderr; its rows add up to the input's lines.
pub fn print_summary(ui: &Ui, state: &JobState) {
    let t: Tally = state.tally();
    let h = &state.header;
    ui.info(format!("Summary: {} — job {}", h.action, h.job));
    let rows = [
        ("done", t.done),
        ("unchanged", t.unchanged),
        ("not found", t.not_found),
        ("invalid", t.invalid),
        ("failed", t.failed),
        ("not yet done", t.pending),
        ("duplicates", t.duplicates),
    ];
    for (name, n) in rows {
        if n > 0 || matches!(name, "done" | "failed") {
            ui.info(format!("  {name:<13}{n:>7}"));
        }
    }
    ui.info(format!("  {:<13}{:>7}", "input lines", t.total()));
    let mut failed: Vec<&ItemResult> = state.results.values().filter(|r| r.outcome == Outcome::Failed).collect();
    failed.sort_by_key(|r| r.line);
    for r in failed.iter().take(10) {
        ui.info(format!(
            "  failed: line {} `{}`: {} ({})",
            r.line,
            for_terminal(r.account_id.as_deref().unwrap_or(&r.input)),
            for_terminal(r.code.as_deref().unwrap_or("failed")),
            for_terminal(r.detail.as_deref().unwrap_or(""))
        ));
    }
    if failed.len() > 10 {
        ui.info(format!("  and {} more failed: `acctl bulk status {}`", failed.len() - 10, h.job));
    }
}

/// A job as `bulk status` and `bulk list` print it.
#[derive(Debug, Clone, Serialize)]
pub struct JobRecord {
    pub job: String,
    pub action: String,
    pub profile: String,
    pub actor: String,
    pub created_at: String,
    /// `finished`, `interrupted`, or `incomplete` (the last run never ended: killed).
    pub state: String,
    pub runs: usize,
    #[serde(flatten)]
    pub tally: Tally,
    pub journal: String,
}

impl JobRecord {
    pub fn new(state: &JobState, journal: &std::path::Path) -> JobRecord {
        let h = &state.header;
        let tally = state.tally();
        let status = match &state.ended {
            Some((_, false)) if tally.pending == 0 => "finished",
            Some(_) => "interrupted",
            None => "incomplete",
        };
        JobRecord {
            job: h.job.to_string(),
            action: h.action.to_string(),
            profile: h.profile.clone(),
            actor: h.actor.clone(),
            created_at: h.created_at.clone(),
            state: status.to_owned(),
            runs: state.runs,
            tally,
            journal: journal.display().to_string(),
        }
    }
}

static JOB_FIELDS: &[Field<JobRecord>] = &[
    Field { name: "job", help: "job id", get: |r| Cell::Text(r.job.clone()) },
    Field { name: "action", help: "what the job does", get: |r| Cell::Text(r.action.clone()) },
    Field { name: "profile", help: "backend profile", get: |r| Cell::Text(r.profile.clone()) },
    Field { name: "actor", help: "who planned it", get: |r| Cell::Text(r.actor.clone()) },
    Field { name: "created_at", help: "when it was planned", get: |r| Cell::Text(r.created_at.clone()) },
    Field { name: "state", help: "finished, interrupted or incomplete", get: |r| Cell::Text(r.state.clone()) },
    Field { name: "runs", help: "runs so far (the first and each resume)", get: |r| Cell::Int(r.runs as i64) },
    Field { name: "done", help: "accounts changed", get: |r| Cell::Int(r.tally.done as i64) },
    Field { name: "unchanged", help: "already in the target state", get: |r| Cell::Int(r.tally.unchanged as i64) },
    Field { name: "not_found", help: "lines naming no account", get: |r| Cell::Int(r.tally.not_found as i64) },
    Field { name: "invalid", help: "lines that are not identifiers", get: |r| Cell::Int(r.tally.invalid as i64) },
    Field { name: "failed", help: "accounts that failed", get: |r| Cell::Int(r.tally.failed as i64) },
    Field { name: "pending", help: "accounts not yet done", get: |r| Cell::Int(r.tally.pending as i64) },
    Field { name: "duplicates", help: "lines naming an account twice", get: |r| Cell::Int(r.tally.duplicates as i64) },
    Field { name: "journal", help: "the journal file", get: |r| Cell::Text(r.journal.clone()) },
];

impl Record for JobRecord {
    fn fields() -> &'static [Field<Self>] {
        JOB_FIELDS
    }

    fn table_fields() -> &'static [&'static str] {
        &["job", "action", "profile", "state", "done", "unchanged", "failed", "pending"]
    }
}
