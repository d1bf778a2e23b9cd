//! `acctl account lock|unlock IDENT`: stop or allow sign-ins and recovery.

use acctl_api::Account;
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
pub enum AccountCommand {
    /// Lock an account: the customer cannot sign in and no reset can start
    #[command(after_help = "Examples:
  acctl account lock alice@example.com --reason 'suspected takeover' --ticket SEC-77
  acctl account lock acc_demobob -o ndjson")]
    Lock(TargetArgs),
    /// Unlock a locked account
    #[command(after_help = "Examples:
  acctl account unlock alice@example.com --reason 'identity confirmed' --ticket SEC-77")]
    Unlock(TargetArgs),
}

/// Needs the sre or admin role. Audited with --reason/--ticket.
#[derive(Debug, Args)]
pub struct TargetArgs {
    /// The customer's email, phone number or account ID
    #[arg(value_name = "IDENT")]
    ident: String,

    /// Do not ask for confirmation on a protected profile
    #[arg(long)]
    yes: bool,
}

/// The account after the change.
#[derive(Debug, Clone, Serialize)]
struct AccountState {
    account_id: String,
    display_name: String,
    status: String,
}

static FIELDS: &[Field<AccountState>] = &[
    Field { name: "account_id", help: "", get: |a| Cell::Text(a.account_id.clone()) },
    Field {
        name: "display_name",
        help: "customer-chosen name (untrusted)",
        get: |a| Cell::Text(a.display_name.clone()),
    },
    Field { name: "status", help: "active, locked or disabled", get: |a| Cell::Text(a.status.clone()) },
];

impl Record for AccountState {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn card(&self) -> Vec<(String, String)> {
        vec![
            ("Account".into(), self.account_id.clone()),
            ("Name".into(), self.display_name.clone()),
            ("Status".into(), self.status.clone()),
        ]
    }
}

pub async fn run(cmd: AccountCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    let (lock, args) = match cmd {
        AccountCommand::Lock(args) => (true, args),
        AccountCommand::Unlock(args) => (false, args),
    };
    let verb = if lock { "Lock" } else { "Unlock" };
    let ident = parse_identifier(&args.ident, settings)?;
    begin_mutation(settings, printer, args.yes, &format!("{verb} account `{}`", args.ident.trim()))?;
    let (client, _) = signed_in_client(settings)?;
    let account = find_account(&client, &args.ident, &ident).await?;
    let key = IdempotencyKey::random();
    let after: Account =
        if lock { client.lock(&account.id, &key).await } else { client.unlock(&account.id, &key).await }.map_err(
            |e| CliError::from(e).with_context(format!("cannot {} account `{}`", verb.to_lowercase(), account.id)),
        )?;
    if after.status == account.status {
        printer.info(format!("Account {} was already {}.", account_label(&after), after.status.as_str()));
    } else {
        printer.success(format!(
            "Account {} is {} (was {})",
            account_label(&after),
            after.status.as_str(),
            account.status.as_str()
        ));
    }
    let mut writer = RecordWriter::new(&settings.output, Shape::One, printer)?;
    writer.write(&AccountState {
        account_id: after.id,
        display_name: after.display_name,
        status: after.status.as_str().to_owned(),
    })?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}
