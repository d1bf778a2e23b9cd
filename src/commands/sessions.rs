//! `acctl sessions revoke IDENT`: sign a customer out everywhere.

use acctl_api::SessionsRevoked;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::commands::{Step, begin_change};
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::recovery;
use crate::settings::Settings;
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    Revoke(RevokeArgs),
}

/// Sign the customer out of every session (needs the sre or admin role).
///
/// Prints how many sessions were signed out. Audited with --reason/--ticket.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl sessions revoke alice@example.com --reason 'lost phone' --ticket SUP-1234
  acctl sessions revoke acc_demobob -o ndjson | jq .sessions_revoked")]
pub struct RevokeArgs {
    /// The customer's email, phone number or account ID
    #[arg(value_name = "IDENT")]
    ident: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub(crate) struct Revoked(SessionsRevoked);

static FIELDS: &[Field<Revoked>] = &[
    Field { name: "account_id", help: "account ID (acc_…)", get: |r| Cell::Text(r.0.account_id.clone()) },
    Field { name: "sessions_revoked", help: "sessions signed out", get: |r| Cell::Int(r.0.sessions_revoked as i64) },
];

impl Record for Revoked {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn card(&self) -> Vec<(String, String)> {
        vec![
            ("Account".into(), self.0.account_id.clone()),
            ("Sessions signed out".into(), self.0.sessions_revoked.to_string()),
        ]
    }
}

pub async fn run(cmd: SessionsCommand, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let SessionsCommand::Revoke(args) = cmd;
    let ident = settings.parse_identifier(&args.ident)?;
    if !begin_change(settings, ui, &format!("Sign `{}` out everywhere", args.ident.trim()))? {
        return Ok(ExitStatus::Success);
    }
    let step = Step::new(settings)?;
    let account = step.account(&args.ident, &ident).await?;
    let revoked = recovery::revoke_sessions(&step.client, &account, step.change(settings)).await?.value;
    let n = revoked.sessions_revoked;
    ui.success(format!(
        "Signed account {} out of {n} session{}",
        for_terminal(&account.label()),
        if n == 1 { "" } else { "s" }
    ));
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&Revoked(revoked))?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}
