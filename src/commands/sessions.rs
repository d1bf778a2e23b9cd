//! `acctl sessions revoke IDENT`: sign a customer out everywhere.

use acctl_api::SessionsRevoked;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::client::IdempotencyKey;
use crate::commands::signed_in_client;
use crate::commands::steps_common::{account_label, begin_mutation, find_account, parse_identifier};
use crate::error::{CliError, ExitStatus};
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::printer::Printer;
use crate::settings::Settings;

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

    /// Do not ask for confirmation on a protected profile
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
struct Revoked(SessionsRevoked);

static FIELDS: &[Field<Revoked>] = &[
    Field { name: "account_id", help: "", get: |r| Cell::Text(r.0.account_id.clone()) },
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

pub async fn run(cmd: SessionsCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    let SessionsCommand::Revoke(args) = cmd;
    let ident = parse_identifier(&args.ident, settings)?;
    begin_mutation(settings, printer, args.yes, &format!("Sign `{}` out everywhere", args.ident.trim()))?;
    let (client, _) = signed_in_client(settings)?;
    let account = find_account(&client, &args.ident, &ident).await?;
    let revoked = client.revoke_sessions(&account.id, &IdempotencyKey::random()).await.map_err(|e| {
        CliError::from(e).with_context(format!("cannot sign account `{}` out of its sessions", account.id))
    })?;
    let n = revoked.sessions_revoked;
    printer.success(format!(
        "Signed account {} out of {n} session{}",
        account_label(&account),
        if n == 1 { "" } else { "s" }
    ));
    let mut writer = RecordWriter::new(&settings.output, Shape::One, printer)?;
    writer.write(&Revoked(revoked))?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}
