//! `acctl password set`: the last step of a reset. Nobody but the customer
//! ever sees the new password: `--deliver` has the service send a temporary
//! one straight to the customer, `--password-stdin` takes one the customer
//! typed (piped in), and nothing is ever printed back.

use acctl_api::{Account, ErrorCode, PasswordChange, PasswordMode, PasswordRequest};
use clap::{ArgGroup, Args, Subcommand};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

use crate::client::{ApiError, IdempotencyKey};
use crate::commands::signed_in_client;
use crate::commands::steps_common::{
    ChannelArg, account_label, begin_mutation, find_account, parse_identifier, read_stdin_line,
};
use crate::error::{CliError, ExitStatus};
use crate::output::record::human_time;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::printer::Printer;
use crate::settings::Settings;

/// Where scripts put the verification token instead of argv.
const VERIFICATION_ENV: &str = "ACCTL_VERIFICATION";

#[derive(Debug, Subcommand)]
pub enum PasswordCommand {
    Set(SetArgs),
}

pub async fn run(cmd: PasswordCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {
        PasswordCommand::Set(args) => set(args, settings, printer).await,
    }
}

/// Set a customer's password: deliver a temporary one, or take one from stdin.
///
/// Needs either a verification token from `acctl code verify` (--verification,
/// or the `ACCTL_VERIFICATION` environment variable, which keeps it off the
/// command line), or --force (the `password:force` scope: sre and admin).
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
    // Not exclusive in clap: a token left in `ACCTL_VERIFICATION` must not make
    // `--force` a usage error (see `authority`).
    group(ArgGroup::new("authority").required(true).multiple(true).args(["verification", "force"])),
    group(ArgGroup::new("new_password").required(true).args(["deliver", "password_stdin"])),
    after_help = "Examples:
  ACCTL_VERIFICATION=vt_… acctl password set alice@example.com --deliver
  acctl password set alice@example.com --verification \"$TOKEN\" --password-stdin < new-password.txt
  acctl password set acc_demobob --force --deliver --reason 'account takeover' --ticket SEC-77"
)]
pub struct SetArgs {
    /// The customer's email, phone number or account ID
    #[arg(value_name = "IDENT")]
    ident: String,

    /// The token `acctl code verify` printed (single use)
    #[arg(long, env = "ACCTL_VERIFICATION", hide_env_values = true, value_name = "TOKEN")]
    verification: Option<String>,

    /// Without a verification token (needs the `password:force` scope; audited as forced)
    #[arg(long)]
    force: bool,

    /// Send the customer a temporary password they must change at the next sign-in
    #[arg(long)]
    deliver: bool,

    /// With --deliver: where the temporary password goes [default: the verified channel, else email, else sms]
    #[arg(long, value_enum, value_name = "CHANNEL", requires = "deliver")]
    channel: Option<ChannelArg>,

    /// Read the new password from stdin (one line)
    #[arg(long)]
    password_stdin: bool,

    /// Leave the customer's other sessions signed in
    #[arg(long)]
    keep_sessions: bool,

    /// Do not ask for confirmation on a protected profile
    #[arg(long)]
    yes: bool,
}

/// What the service did, as it answered: never the password.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
struct PasswordSet(PasswordChange);

fn mode_str(mode: PasswordMode) -> &'static str {
    match mode {
        PasswordMode::Deliver => "deliver",
        PasswordMode::Set => "set",
    }
}

static FIELDS: &[Field<PasswordSet>] = &[
    Field { name: "account_id", help: "", get: |p| Cell::Text(p.0.account_id.clone()) },
    Field { name: "mode", help: "deliver or set", get: |p| Cell::Text(mode_str(p.0.mode).to_owned()) },
    Field { name: "changed_at", help: "", get: |p| Cell::Time(p.0.changed_at) },
    Field { name: "must_change_password", help: "at the next sign-in", get: |p| Cell::Bool(p.0.must_change_password) },
    Field { name: "sessions_revoked", help: "", get: |p| Cell::Int(p.0.sessions_revoked as i64) },
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

async fn set(args: SetArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    let ident = parse_identifier(&args.ident, settings)?;
    let verification = authority(args.verification, args.force, printer)?;
    if verification.as_ref().is_some_and(|t| t.expose_secret().is_empty()) {
        return Err(CliError::usage("the verification token is empty")
            .with_hint("use the token `acctl code verify` printed, or --force"));
    }
    let forced = if args.force { "Force a password change" } else { "Change the password" };
    begin_mutation(settings, printer, args.yes, &format!("{forced} of `{}`", args.ident.trim()))?;
    // Read before any request: a missing password is a usage error, not a half-done change.
    let password = if args.password_stdin { Some(read_stdin_line("password")?) } else { None };
    let (client, _) = signed_in_client(settings)?;
    let account = find_account(&client, &args.ident, &ident).await?;
    let request = PasswordRequest {
        mode: if password.is_some() { PasswordMode::Set } else { PasswordMode::Deliver },
        channel: args.channel.map(Into::into),
        password: password.as_ref().map(|p| p.expose_secret().to_owned()),
        verification_token: verification.as_ref().map(|t| t.expose_secret().to_owned()),
        revoke_sessions: !args.keep_sessions,
    };
    let change = client
        .set_password(&account.id, &request, &IdempotencyKey::random())
        .await
        .map_err(|e| set_error(e, &account, args.force))?;
    drop(request);
    printer.success(format!("Password of account {} changed", account_label(&account)));
    let mut writer = RecordWriter::new(&settings.output, Shape::One, printer)?;
    writer.write(&PasswordSet(change))?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}

/// The verification token to send, if any. `--force` with a token is
/// ambiguous on the command line; with the token only in the environment,
/// the flag typed now wins.
fn authority(token: Option<String>, force: bool, printer: &Printer) -> Result<Option<SecretString>, CliError> {
    let Some(token) = token else { return Ok(None) };
    if force {
        if std::env::var_os(VERIFICATION_ENV).is_some_and(|v| !v.is_empty()) {
            printer.warn(format!("`{VERIFICATION_ENV}` is set, but --force was given: the token is not used"));
            return Ok(None);
        }
        return Err(CliError::usage("`--force` and `--verification` cannot be used together")
            .with_hint("--verification for a reset the customer verified with a code, --force (sre) for one without"));
    }
    Ok(Some(SecretString::from(token.trim().to_owned())))
}

fn set_error(e: ApiError, account: &Account, forced: bool) -> CliError {
    let code = e.code();
    let violations = e.problem().and_then(|p| p.violations.clone()).unwrap_or_default();
    let err = CliError::from(e);
    let verify_again = format!(
        "verify a new code: `acctl code send {0}`, then `acctl code verify CHALLENGE_ID`, then run this again",
        account.id
    );
    match code {
        Some(ErrorCode::PasswordPolicy) => {
            // Each broken rule is a cause of the rejection: they print as
            // `caused by:` lines, which show even under --quiet.
            let mut err = err;
            for v in violations.iter().rev() {
                let code = serde_json::to_value(v.code).ok().and_then(|c| c.as_str().map(str::to_owned));
                err = err.with_context(format!("{}: {}", code.as_deref().unwrap_or("other"), v.detail));
            }
            let n = violations.len();
            err.with_context(format!(
                "the password breaks {} of the password policy; nothing was changed",
                if n == 1 { "1 rule".to_owned() } else { format!("{n} rules") }
            ))
            .with_hint("choose a longer password that is not a common one and does not contain the email or phone; the verification token is still valid")
        }
        Some(ErrorCode::VerificationInvalid) => {
            err.with_context("the verification token cannot be used; nothing was changed").with_hint(verify_again)
        }
        Some(ErrorCode::Forbidden) if forced => err
            .with_context("your role may not change a password without a verification token (--force)")
            .with_hint(verify_again),
        Some(ErrorCode::AccountLocked) => err
            .with_context(format!("account {} is locked; nothing was changed", account_label(account)))
            .with_hint(format!(
                "`acctl audit --account {0}` shows why it was locked; `acctl account unlock {0}` (sre role) unlocks it",
                account.id
            )),
        Some(ErrorCode::AccountDisabled) => err
            .with_context(format!("account {} is disabled; nothing was changed", account_label(account)))
            .with_hint("a disabled account cannot be recovered with acctl; escalate to an administrator"),
        _ => err,
    }
}
