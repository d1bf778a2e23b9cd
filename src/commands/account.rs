//! `acctl account lock|unlock IDENT`: stop or allow sign-ins and recovery.

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::commands::{Step, begin_change};
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::recovery::{self, Effect};
use crate::settings::Settings;
use crate::ui::Ui;

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
}

/// The account after the change.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AccountState {
    account_id: String,
    display_name: String,
    status: String,
}

static FIELDS: &[Field<AccountState>] = &[
    Field { name: "account_id", help: "account ID (acc_…)", get: |a| Cell::Text(a.account_id.clone()) },
    Field {
        name: "display_name",
        help: "customer-chosen name (untrusted)",
        get: |a| Cell::Text(a.display_name.clone()),
    },
    Field {
        name: "status",
        help: "after the change: active, locked or disabled",
        get: |a| Cell::Text(a.status.clone()),
    },
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

pub async fn run(cmd: AccountCommand, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let (lock, args) = match cmd {
        AccountCommand::Lock(args) => (true, args),
        AccountCommand::Unlock(args) => (false, args),
    };
    let verb = if lock { "Lock" } else { "Unlock" };
    let ident = settings.parse_identifier(&args.ident)?;
    if !begin_change(settings, ui, &format!("{verb} account `{}`", args.ident.trim()))? {
        return Ok(ExitStatus::Success);
    }
    let step = Step::new(settings)?;
    let account = step.account(&args.ident, &ident).await?;
    let change = step.change(settings);
    let outcome = if lock {
        recovery::lock(&step.client, &account, change).await?
    } else {
        recovery::unlock(&step.client, &account, change).await?
    };
    let after = outcome.value;
    let label = for_terminal(&after.label()).into_owned();
    match outcome.effect {
        Effect::Unchanged => ui.info(format!("Account {label} was already {}.", after.status.as_str())),
        Effect::Done => {
            ui.success(format!("Account {label} is {} (was {})", after.status.as_str(), account.status.as_str()))
        }
    }
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&AccountState {
        account_id: after.id,
        display_name: after.display_name,
        status: after.status.as_str().to_owned(),
    })?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}
