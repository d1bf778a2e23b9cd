//! `acctl reset [IDENT]`: the guided wizard of DESIGN §2.
//!
//! identifier → lookup → account card → "is this the customer's account?" →
//! channel → code(s) → new password (temporary one delivered, or typed by the
//! customer) → summary and confirm → set → what happened.
//!
//! Nothing on the account changes before the final confirmation: codes and
//! their verification change nothing; the password request is the only
//! mutation, and it is sent once the agent said yes. Enter at every question
//! takes the safe default that still lets a careful agent finish (no at the
//! two confirmations that act; the first channel; a temporary password).
//!
//! `acctl demo` drives this same wizard against an in-process sandbox: it
//! passes a [`CustomerSide`] that is told whenever the customer was sent
//! something, so it can show the customer's phone or inbox at that moment.
//!
//! It is a front end over [`crate::recovery`], which holds the rules (a
//! locked account stops the reset, codes go only to contacts on file, an MFA
//! account needs two) and makes the requests; this module holds the
//! conversation. Layout: this file holds the flow and the final report;
//! [`account`] finds the account and prints its card, [`codes`] sends and
//! checks codes, [`password`] takes the new password and makes the change,
//! and [`record`] is the stdout record. The terminal (prompts, hidden input,
//! spinners, Ctrl-C) is [`crate::ui`].

mod account;
mod codes;
mod password;
mod record;

use std::io::IsTerminal;

use acctl_api::{Account, Channel, PasswordChange, PasswordMode};
use clap::Args;
use secrecy::SecretString;

use crate::client::{ApiClient, Change, IdempotencyKey};
use crate::commands::signed_in_client;
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::output::{OutputFormat, RecordWriter, Shape};
use crate::profile::AuditContext;
use crate::recovery::NewPassword;
use crate::settings::Settings;
use crate::ui::{Ui, and_list};
pub(crate) use record::ResetRecord;

/// What the wizard does, in `--help` (the one-line summary is the command's
/// doc in `cli.rs`, which also takes the place of a long description).
const ABOUT: &str = "\
What it does:
  It finds the account by email, phone number or account ID, shows it (email
  and phone masked) and asks whether it is the customer's. It sends a
  verification code to a contact on file and takes the code the customer reads
  back (an account with MFA needs a second code, on the other channel). Then
  it either sends the customer a temporary password (the default: nobody else
  sees it, and it must be changed at the next sign-in) or lets the customer
  type a new one (hidden, twice, checked against the policy). After a summary
  and your confirmation it sets the password, signs the customer out
  everywhere and tells them on every contact on file.

  Enter takes the safe default at every question. Nothing on the account
  changes before the final confirmation; Ctrl-C at any step stops with nothing
  half-done (exit 130). A locked or disabled account stops the wizard (exit 6).

  It needs a terminal: under --no-input, or without one, it exits 2; scripts
  use the steps above instead. With -o json (or ndjson, csv, tsv) one record
  of what was done goes to stdout; it never holds a password, code or token.";

const EXAMPLES: &str = "\
Examples:
  acctl reset
  acctl reset alice@example.com
  acctl reset +8613800138000 -o json
  acctl -p prod reset acc_demoalice --reason 'customer called' --ticket SUP-1234

Scripted equivalent (no prompts):
  acctl code send alice@example.com --channel email
  acctl code verify CHALLENGE_ID --code-stdin
  ACCTL_VERIFICATION=TOKEN acctl password set alice@example.com --deliver";

/// Reset a customer's password, guided step by step (see [`ABOUT`]).
#[derive(Debug, Args)]
// Examples first: `docs::man_pages` takes a man page's EXAMPLES from the start.
#[command(after_help = EXAMPLES, after_long_help = format!("{EXAMPLES}\n\n{ABOUT}"))]
pub struct ResetArgs {
    /// The customer's email, phone number or account ID [default: asked for]
    #[arg(value_name = "IDENT")]
    ident: Option<String>,
}

/// Called by the wizard right after the service accepted a message to the customer
/// (a code, a temporary password, the change notices), before the next prompt.
pub trait CustomerSide: Send + Sync {
    fn messages_sent(&self);

    /// A note for an account the wizard cannot reset (locked, disabled):
    /// with one, the wizard shows why and the note, and asks for another
    /// identifier instead of stopping (the demo, whose sandbox has no SRE
    /// to unlock it and is gone once the demo ends).
    fn another_account(&self) -> Option<&str> {
        None
    }

    /// What the caller gave as their identifier, taken when the agent presses
    /// Enter at the first identifier prompt (the demo's scripted caller).
    fn caller_identifier(&self) -> Option<&str> {
        None
    }
}

pub async fn run(args: ResetArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    // Before the token: a script that calls the wizard learns what to call instead.
    require_terminal(settings, ui)?;
    let (client, _) = signed_in_client(settings)?;
    wizard(&client, settings, ui, args.ident, None).await
}

/// The whole wizard, given a client; `customer` is None outside the demo.
pub async fn wizard(
    client: &ApiClient,
    settings: &Settings,
    ui: &Ui,
    ident: Option<String>,
    customer: Option<&dyn CustomerSide>,
) -> Result<ExitStatus, CliError> {
    require_terminal(settings, ui)?;
    ui.take_over_ctrl_c()?;
    let audit = settings.audit.clone();
    let mut flow = Flow { client, settings, audit, ui, customer, trail: Trail::default() };
    let outcome = flow.run(ident).await;
    ui.restore();
    if matches!(&outcome, Err(e) if e.status() == ExitStatus::Interrupted) {
        flow.tell_what_was_done();
    }
    outcome
}

/// The wizard asks questions: without a terminal to ask on, point to the steps.
fn require_terminal(settings: &Settings, ui: &Ui) -> Result<(), CliError> {
    let why = if settings.no_input {
        "`--no-input` is set"
    } else if !ui.stderr_is_terminal() || !std::io::stdin().is_terminal() {
        "stdin and stderr must both be a terminal"
    } else {
        return Ok(());
    };
    Err(CliError::usage(format!("`acctl reset` is an interactive wizard and cannot run here: {why}")).with_hint(
        "script a reset with the steps: `acctl code send IDENT`, then `acctl code verify CHALLENGE_ID --code-stdin`, \
         then `ACCTL_VERIFICATION=TOKEN acctl password set IDENT --deliver`",
    ))
}

/// What has been done so far, for the message after Ctrl-C.
#[derive(Default)]
struct Trail {
    codes_sent: Vec<String>,
    verified: Vec<Channel>,
    /// A request that was on its way when the wizard stopped.
    in_flight: Option<String>,
}

/// Codes verified: the token for the password change.
struct Verification {
    token: SecretString,
    /// The channel the agent picked (the temporary password goes there too).
    first: Channel,
    channels: Vec<Channel>,
}

struct Flow<'a> {
    client: &'a ApiClient,
    settings: &'a Settings,
    /// The settings' audit context, with what the agent was asked for.
    audit: AuditContext,
    ui: &'a Ui,
    customer: Option<&'a dyn CustomerSide>,
    trail: Trail,
}

/// `` `acc_…` (Display Name) ``, sanitised (the name is the customer's text).
fn account_label(account: &Account) -> String {
    for_terminal(&account.label()).into_owned()
}

/// `07:42 UTC` (times from the service are UTC).
fn clock_time(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:02}:{:02} UTC", t.hour(), t.minute())
}

fn tries(n: u32) -> String {
    if n == 1 { "1 try".to_owned() } else { format!("{n} tries") }
}

impl Flow<'_> {
    /// The audit context and `key`, for one request that may change something.
    fn change<'k>(&'k self, key: &'k IdempotencyKey) -> Change<'k> {
        Change { key, audit: &self.audit }
    }

    async fn run(&mut self, ident: Option<String>) -> Result<ExitStatus, CliError> {
        self.audit_context()?;
        let Some(account) = self.choose_account(ident).await? else {
            self.ui.say("Stopped: nothing was sent and nothing changed.");
            return Ok(ExitStatus::Success);
        };
        let verification = self.verify(&account).await?;
        let password = self.choose_password(&account, &verification)?;
        if !self.confirm(&account, &verification, &password)? {
            self.ui.say(
                "Stopped: the password was not changed. The verification expires unused 10 minutes after the code was checked.",
            );
            return Ok(ExitStatus::Success);
        }
        let set = self.set_password(&account, &verification, password).await?;
        if let Some(customer) = self.customer {
            customer.messages_sent();
        }
        self.report(&account, &verification, set.value, set.request_id)
    }

    /// The ticket and reason for the audit log, asked first unless a flag or
    /// the environment gave them: Enter skips one the profile does not
    /// require; one it requires is asked until given. A protected profile
    /// shows its banner before.
    fn audit_context(&mut self) -> Result<(), CliError> {
        let settings = self.settings;
        if let Some(banner) = settings.protected_banner() {
            self.ui.alarm(banner);
        }
        let profile = &settings.profile;
        if self.audit.ticket.is_none() || self.audit.reason.is_none() {
            self.ui.say(self.ui.dim("The ticket and reason go in the audit log with every step of this reset."));
        }
        if self.audit.ticket.is_none() {
            self.audit.ticket = self.ask_audit_text("Ticket", profile.protected)?;
        }
        if self.audit.reason.is_none() {
            self.audit.reason = self.ask_audit_text("Reason", profile.require_reason || profile.protected)?;
        }
        let mut checked = settings.clone();
        checked.audit = self.audit.clone();
        // Answered here, so only a profile the wizard cannot satisfy is left to fail.
        checked.check_change(true)?;
        Ok(())
    }

    /// One line of audit text; `None` when skipped with Enter.
    fn ask_audit_text(&self, what: &str, required: bool) -> Result<Option<String>, CliError> {
        let profile = &self.settings.profile.name;
        let prompt = match required {
            true => format!("{what} for this reset (profile `{profile}` requires one)"),
            false => format!("{what} for this reset (Enter to skip)"),
        };
        loop {
            let text = self.ui.text(&prompt)?;
            match AuditContext::check_text(&text) {
                Ok(Some(text)) => return Ok(Some(text.to_owned())),
                Ok(None) if !required => return Ok(None),
                Ok(None) => self.ui.bad(format!("Profile `{profile}` needs this for every change.")),
                Err(_) => self.ui.bad("One line of text, at most 500 characters."),
            }
        }
    }

    /// `ticket SUP-1234, reason "customer called"`, or what was skipped.
    fn audit_summary(&self) -> String {
        let ticket = match &self.audit.ticket {
            Some(t) => format!("ticket {}", for_terminal(t)),
            None => "no ticket".to_owned(),
        };
        let reason = match &self.audit.reason {
            Some(r) => format!("reason \"{}\"", for_terminal(r)),
            None => "no reason".to_owned(),
        };
        format!("{ticket}, {reason}")
    }

    fn report(
        &mut self,
        account: &Account,
        verification: &Verification,
        change: PasswordChange,
        request_id: Option<String>,
    ) -> Result<ExitStatus, CliError> {
        self.ui.ok(format!("Password reset for {}.", account_label(account)));
        match change.mode {
            PasswordMode::Deliver => self.ui.say(format!(
                "  • A temporary password went by {} to {}; it must be changed at the next sign-in.",
                verification.first.in_words(),
                for_terminal(change.delivered_to.as_deref().unwrap_or("the contact on file"))
            )),
            PasswordMode::Set => self.ui.say("  • The password the customer typed is now their password."),
        }
        self.ui.say(match change.sessions_revoked {
            0 => "  • No session was signed in; none to sign out.".to_owned(),
            1 => "  • 1 session was signed out.".to_owned(),
            n => format!("  • {n} sessions were signed out."),
        });
        if change.notified.is_empty() {
            self.ui.say("  • No change notice went out (no contact on file).");
        } else {
            let by = change.notified.iter().map(|c| c.in_words().to_owned()).collect::<Vec<_>>();
            self.ui.say(format!("  • The customer was told about the change by {}.", and_list(&by)));
        }
        self.ui.say(format!("  • In the audit log with {}.", self.audit_summary()));
        if let Some(id) = &request_id {
            self.ui.say(format!("  • Request id: {}", for_terminal(id)));
        }
        let record = ResetRecord {
            account_id: change.account_id,
            mode: change.mode,
            channel: verification.first,
            verified_channels: verification.channels.clone(),
            delivered_to: change.delivered_to,
            must_change_password: change.must_change_password,
            sessions_revoked: change.sessions_revoked,
            notified: change.notified,
            changed_at: change.changed_at,
            request_id,
        };
        self.print_record(&record)?;
        Ok(ExitStatus::Success)
    }

    /// The record on stdout, in every machine format; in `table` the notice
    /// above already said it all.
    fn print_record(&self, record: &ResetRecord) -> Result<(), CliError> {
        if self.settings.output.format == OutputFormat::Table {
            return Ok(());
        }
        let mut writer = RecordWriter::new(&self.settings.output, Shape::One, self.ui)?;
        writer.write(record)?;
        writer.finish()?;
        Ok(())
    }

    /// After Ctrl-C: what was done, and that the account did not change.
    fn tell_what_was_done(&self) {
        let t = &self.trail;
        let mut done: Vec<String> = t.codes_sent.clone();
        if !t.verified.is_empty() {
            let channels = t.verified.iter().map(|c| c.in_words().to_owned()).collect::<Vec<_>>();
            done.push(format!("the customer's code by {} was verified", and_list(&channels)));
        }
        done.extend(t.in_flight.clone());
        self.ui.say("");
        self.ui.say("Stopped. The password was not changed; nothing on the account changed.");
        if !done.is_empty() {
            self.ui.say(format!("Done before stopping: {}. Codes expire unused after 10 minutes.", done.join("; ")));
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Record;

    /// The demo may run the wizard on a spawned task.
    #[allow(dead_code)]
    fn the_wizard_is_send(client: &ApiClient, settings: &Settings, ui: &Ui) {
        fn send<T: Send>(_: &T) {}
        send(&wizard(client, settings, ui, None, None));
    }

    #[test]
    fn the_record_never_holds_a_secret() {
        let names = ResetRecord::fields().iter().map(|f| f.name).collect::<Vec<_>>();
        for secret in ["password", "code", "token", "verification_token", "secret"] {
            assert!(!names.contains(&secret), "{secret} in {names:?}");
        }
    }
}
