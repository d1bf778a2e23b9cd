//! `acctl password set`: the last step of a reset. Nobody but the customer
//! ever sees the new password: `--deliver` has the service send a temporary
//! one straight to the customer, `--password-stdin` takes one the customer
//! typed (piped in), and nothing is ever printed back.

use acctl_api::{PasswordChange, PasswordMode};
use clap::{ArgGroup, Args, Subcommand};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

use crate::commands::{ChannelArg, Step, begin_change};
use crate::env::EnvVars;
use crate::error::{CliError, ExitStatus};
use crate::output::record::human_time;
use crate::output::sanitize::for_terminal;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::recovery::{self, Authority, NewPassword};
use crate::settings::Settings;
use crate::ui::Ui;

/// Where scripts put the verification token (argv is readable by every user
/// in /proc/PID/cmdline, so there is no flag that takes it).
const VERIFICATION_ENV: &str = EnvVars::ACCTL_VERIFICATION;

#[derive(Debug, Subcommand)]
pub enum PasswordCommand {
    Set(SetArgs),
}

pub async fn run(cmd: PasswordCommand, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    match cmd {
        PasswordCommand::Set(args) => set(args, settings, ui).await,
    }
}

/// Set a customer's password: deliver a temporary one, or take one from stdin.
///
/// Needs either the verification token `acctl code verify` printed, or
/// --force (the `password:force` scope: sre and admin). The token comes from
/// the `ACCTL_VERIFICATION` environment variable, or from stdin with
/// --verification-stdin; never from the command line, where every user of
/// the machine could read it (/proc/PID/cmdline).
///
/// --deliver has the service generate a temporary password and send it to
/// the customer (on --channel, else the verified channel); the customer must
/// change it at the next sign-in and nobody else ever sees it.
/// --password-stdin takes the new password from stdin (one line; the line
/// break is dropped); there is no way to give it on the command line. A
/// password the policy rejects exits 6 listing every rule it breaks, and the
/// verification token stays valid for another try.
///
/// Afterwards the customer's sessions are signed out (unless
/// --keep-sessions) and every contact on file is told the password changed.
#[derive(Debug, Args)]
#[command(
    // No required group for the token: it may come from the environment,
    // which clap does not see (see `authority`).
    group(ArgGroup::new("new_password").required(true).args(["deliver", "password_stdin"])),
    after_help = "Examples:
  ACCTL_VERIFICATION=vt_… acctl password set alice@example.com --deliver
  export ACCTL_VERIFICATION=\"$TOKEN\"
  acctl password set alice@example.com --password-stdin < new-password.txt
  echo \"$TOKEN\" | acctl password set alice@example.com --verification-stdin --deliver
  acctl password set acc_demobob --force --deliver --reason 'account takeover' --ticket SEC-77"
)]
pub struct SetArgs {
    /// The customer's email, phone number or account ID
    #[arg(value_name = "IDENT")]
    ident: String,

    /// Read the verification token `acctl code verify` printed from stdin (one
    /// line) instead of `ACCTL_VERIFICATION`
    #[arg(long, conflicts_with = "force")]
    verification_stdin: bool,

    /// Without a verification token (needs the `password:force` scope; audited as forced)
    #[arg(long)]
    force: bool,

    /// Send the customer a temporary password they must change at the next sign-in
    #[arg(long)]
    deliver: bool,

    /// With --deliver: where the temporary password goes [default: the verified channel, else email, else sms]
    // `requires` alone is not enough: clap lets it pass once `--password-stdin`
    // answers the `new_password` group, so the conflict is said outright.
    #[arg(long, value_enum, value_name = "CHANNEL", requires = "deliver", conflicts_with = "password_stdin")]
    channel: Option<ChannelArg>,

    /// Read the new password from stdin (one line)
    #[arg(long)]
    password_stdin: bool,

    /// Leave the customer's other sessions signed in
    #[arg(long)]
    keep_sessions: bool,
}

/// What the service did, as it answered: never the password.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub(crate) struct PasswordSet(PasswordChange);

static FIELDS: &[Field<PasswordSet>] = &[
    Field { name: "account_id", help: "account ID (acc_…)", get: |p| Cell::Text(p.0.account_id.clone()) },
    Field { name: "mode", help: "deliver or set", get: |p| Cell::Text(p.0.mode.as_str().to_owned()) },
    Field { name: "changed_at", help: "when the password changed", get: |p| Cell::Time(p.0.changed_at) },
    Field { name: "must_change_password", help: "at the next sign-in", get: |p| Cell::Bool(p.0.must_change_password) },
    Field {
        name: "sessions_revoked",
        help: "sessions signed out (0 with --keep-sessions)",
        get: |p| Cell::Int(p.0.sessions_revoked as i64),
    },
    Field { name: "notified", help: "channels told the password changed", get: |p| Cell::channels(&p.0.notified) },
    Field {
        name: "delivered_to",
        help: "deliver: where the temporary password went (masked)",
        get: |p| Cell::opt(p.0.delivered_to.as_deref()),
    },
];

impl Record for PasswordSet {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn card(&self) -> Vec<(String, String)> {
        let p = &self.0;
        let what = match (p.mode, &p.delivered_to) {
            (PasswordMode::Deliver, Some(to)) => format!("temporary password sent to {to}"),
            (PasswordMode::Deliver, None) => "temporary password sent to the customer".to_owned(),
            (PasswordMode::Set, _) => "set to the password the customer chose".to_owned(),
        };
        let notified = if p.notified.is_empty() {
            "nobody".to_owned()
        } else {
            p.notified.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
        };
        vec![
            ("Account".into(), p.account_id.clone()),
            ("Password".into(), what),
            ("Changed at".into(), human_time(p.changed_at)),
            ("Must change at sign-in".into(), if p.must_change_password { "yes".into() } else { "no".into() }),
            ("Sessions signed out".into(), p.sessions_revoked.to_string()),
            ("Customer notified on".into(), notified),
        ]
    }
}

async fn set(args: SetArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    if args.verification_stdin && args.password_stdin {
        return Err(CliError::usage("`--verification-stdin` and `--password-stdin` cannot both read stdin")
            .with_hint(format!("put the token in `{VERIFICATION_ENV}` and pipe the password in")));
    }
    let ident = settings.parse_identifier(&args.ident)?;
    let authority = authority(args.verification_stdin, args.force, ui)?;
    if let Authority::Verified(token) = &authority
        && token.expose_secret().is_empty()
    {
        return Err(CliError::usage("the verification token is empty")
            .with_hint("use the token `acctl code verify` printed, or --force"));
    }
    let forced = if args.force { "Force a password change" } else { "Change the password" };
    if !begin_change(settings, ui, &format!("{forced} of `{}`", args.ident.trim()))? {
        return Ok(ExitStatus::Success);
    }
    // Read before any request: a missing password is a usage error, not a half-done change.
    let new = match args.password_stdin {
        true => NewPassword::CustomerChosen(ui.read_stdin_line("password")?),
        false => NewPassword::Deliver { channel: args.channel.map(Into::into) },
    };
    let step = Step::new(settings)?;
    let account = step.account(&args.ident, &ident).await?;
    let change = step.change(settings);
    let set = recovery::set_password(&step.client, &account, &new, &authority, !args.keep_sessions, change).await?;
    ui.success(format!("Password of account {} changed", for_terminal(&account.label())));
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&PasswordSet(set.value))?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}

/// The error for `--verification TOKEN`, which earlier versions took: clap
/// sees an unknown argument (so completions never offer it), and this says
/// why and what to use instead, without echoing the token.
pub fn verification_in_argv(err: &clap::Error) -> Option<CliError> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = err.get(ContextKind::InvalidArg) else { return None };
    if arg.split('=').next() != Some("--verification") {
        return None;
    }
    Some(
        CliError::usage(
            "`--verification` is not accepted: a token on the command line can be read by every user of this machine",
        )
        .with_hint(format!("put the token in `{VERIFICATION_ENV}`, or pipe it in with `--verification-stdin`")),
    )
}

/// What allows the change: the token from stdin with `--verification-stdin`
/// (clap refuses it with `--force`), else from `ACCTL_VERIFICATION`, or
/// `--force`. With a token left in the environment, `--force` typed now
/// wins. Neither token nor `--force` is a usage error.
fn authority(from_stdin: bool, force: bool, ui: &Ui) -> Result<Authority, CliError> {
    if from_stdin {
        let token = ui.read_stdin_line("verification token")?;
        return Ok(Authority::Verified(SecretString::from(token.expose_secret().trim().to_owned())));
    }
    let from_env = std::env::var(VERIFICATION_ENV).ok().filter(|v| !v.trim().is_empty());
    match (from_env, force) {
        (Some(_), true) => {
            ui.warn(format!("`{VERIFICATION_ENV}` is set, but --force was given: the token is not used"));
            Ok(Authority::Forced)
        }
        (Some(token), false) => Ok(Authority::Verified(SecretString::from(token.trim().to_owned()))),
        (None, true) => Ok(Authority::Forced),
        (None, false) => Err(CliError::usage("a password change needs a verification token or --force").with_hint(
            format!(
                "put the token `acctl code verify` printed in `{VERIFICATION_ENV}` (or pipe it in with --verification-stdin); \
                 --force (sre) changes it without one"
            ),
        )),
    }
}
