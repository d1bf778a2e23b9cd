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
//! Layout: this file holds the flow and the final report; [`account`] finds
//! and confirms the account, [`codes`] sends and checks codes, [`password`]
//! takes the new password and makes the change, [`ui`] is the terminal
//! (prompts, hidden input, spinners, Ctrl-C) and [`record`] the stdout record.

mod account;
mod codes;
mod password;
mod record;
mod ui;

use std::io::IsTerminal;

use acctl_api::{Account, Channel, PasswordChange, PasswordMode};
use clap::Args;
use secrecy::SecretString;

use crate::client::ApiClient;
use crate::commands::signed_in_client;
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::output::{RecordWriter, Shape};
use crate::printer::Printer;
use crate::settings::Settings;
use acctl_api::AuditQuery;
use record::ResetRecord;
use ui::{Ui, and_list};

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
  acctl password set alice@example.com --verification TOKEN --deliver";

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

    /// What the caller gave as their identifier, taken when the agent presses
    /// Enter at the first identifier prompt (the demo's scripted caller).
    fn caller_identifier(&self) -> Option<&str> {
        None
    }
}

pub async fn run(args: ResetArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    // Before the token: a script that calls the wizard learns what to call instead.
    require_terminal(settings, printer)?;
    let (client, _) = signed_in_client(settings)?;
    wizard(&client, settings, printer, args.ident, None).await
}

/// The whole wizard, given a client; `customer` is None outside the demo.
pub async fn wizard(
    client: &crate::client::ApiClient,
    settings: &crate::settings::Settings,
    printer: &crate::printer::Printer,
    ident: Option<String>,
    customer: Option<&dyn CustomerSide>,
) -> Result<crate::error::ExitStatus, crate::error::CliError> {
    require_terminal(settings, printer)?;
    let ui = Ui::new(printer)?;
    let mut flow = Flow { client: client.clone(), settings, printer, ui: &ui, customer, trail: Trail::default() };
    let outcome = flow.run(ident).await;
    ui.restore();
    if matches!(&outcome, Err(e) if e.status() == ExitStatus::Interrupted) {
        flow.tell_what_was_done();
    }
    outcome
}

/// The wizard asks questions: without a terminal to ask on, point to the steps.
fn require_terminal(settings: &Settings, printer: &Printer) -> Result<(), CliError> {
    let why = if settings.no_input {
        "`--no-input` is set"
    } else if !printer.stderr_is_terminal() || !std::io::stdin().is_terminal() {
        "stdin and stderr must both be a terminal"
    } else {
        return Ok(());
    };
    Err(CliError::usage(format!("`acctl reset` is an interactive wizard and cannot run here: {why}")).with_hint(
        "script a reset with the steps: `acctl code send IDENT`, then `acctl code verify CHALLENGE_ID --code-stdin`, \
         then `acctl password set IDENT --verification TOKEN --deliver`",
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

enum NewPassword {
    Deliver,
    Typed(SecretString),
}

struct Flow<'a> {
    client: ApiClient,
    settings: &'a Settings,
    printer: &'a Printer,
    ui: &'a Ui,
    customer: Option<&'a dyn CustomerSide>,
    trail: Trail,
}

/// How a channel reads in a sentence: "email" / "SMS".
fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Sms => "SMS",
    }
}

/// The channels the account has a contact on file for, email first.
fn channels_on_file(account: &Account) -> Vec<Channel> {
    let email = account.email.is_some().then_some(Channel::Email);
    let sms = account.phone.is_some().then_some(Channel::Sms);
    email.into_iter().chain(sms).collect()
}

/// `` `acc_…` (Display Name) ``, the name sanitised (it is the customer's text).
fn account_label(account: &Account) -> String {
    let name = for_terminal(&account.display_name);
    match name.trim() {
        "" => format!("`{}`", account.id),
        name => format!("`{}` ({name})", account.id),
    }
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
        let change = self.set_password(&account, &verification, password).await?;
        if let Some(customer) = self.customer {
            customer.messages_sent();
        }
        self.report(&account, &verification, change).await
    }

    /// A protected profile shows its banner first; reason and ticket it needs
    /// but was not given are asked for here rather than failing.
    fn audit_context(&mut self) -> Result<(), CliError> {
        let settings = self.settings;
        let profile = &settings.profile;
        if profile.protected {
            // The banner's text is `guard_mutation`'s; ask it with the audit filled in.
            let mut probe = settings.clone();
            probe.audit.reason.get_or_insert_with(|| "-".into());
            probe.audit.ticket.get_or_insert_with(|| "-".into());
            probe.no_input = false;
            if let Ok(Some(banner)) = probe.guard_mutation(false) {
                self.ui.say(format!("{}", dialoguer::console::style(banner).for_stderr().red().bold()));
            }
        }
        let mut audit = settings.audit.clone();
        let mut asked = false;
        if (profile.require_reason || profile.protected) && audit.reason.is_none() {
            audit.reason = Some(self.ask_audit_text("Reason for this reset (it goes in the audit log)")?);
            asked = true;
        }
        if profile.protected && audit.ticket.is_none() {
            audit.ticket = Some(self.ask_audit_text("Ticket this reset belongs to")?);
            asked = true;
        }
        let mut checked = settings.clone();
        checked.audit = audit.clone();
        checked.guard_mutation(false)?;
        if asked {
            self.client = self.client.clone().with_audit(audit);
        }
        Ok(())
    }

    fn ask_audit_text(&self, prompt: &str) -> Result<String, CliError> {
        loop {
            let text = self.ui.text(prompt)?;
            let text = text.trim();
            if text.is_empty() {
                self.ui.bad(format!("Profile `{}` needs this for every change.", self.settings.profile.name));
            } else if text.chars().any(char::is_control) || text.chars().count() > 500 {
                self.ui.bad("One line of text, at most 500 characters.");
            } else {
                return Ok(text.to_owned());
            }
        }
    }

    async fn report(
        &mut self,
        account: &Account,
        verification: &Verification,
        change: PasswordChange,
    ) -> Result<ExitStatus, CliError> {
        let request_id = self.request_id_of_change(account).await;
        self.ui.ok(format!("Password reset for {}.", account_label(account)));
        match change.mode {
            PasswordMode::Deliver => self.ui.say(format!(
                "  • A temporary password went by {} to {}; it must be changed at the next sign-in.",
                channel_name(verification.first),
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
            let by = change.notified.iter().map(|c| channel_name(*c).to_owned()).collect::<Vec<_>>();
            self.ui.say(format!("  • The customer was told about the change by {}.", and_list(&by)));
        }
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

    /// The request id of the change, from the audit log (the change's answer
    /// does not carry it). Best effort: the reset is done whatever this says.
    async fn request_id_of_change(&self, account: &Account) -> Option<String> {
        let query = AuditQuery {
            account_id: Some(account.id.clone()),
            action: Some("password.set".into()),
            limit: Some(1),
            ..AuditQuery::default()
        };
        let read = tokio::time::timeout(std::time::Duration::from_secs(3), self.client.audit(&query));
        let page = self.ui.finishing("Reading the audit log…", read).await.ok()?.ok()?;
        page.events.into_iter().next().map(|e| e.request_id)
    }

    /// The record on stdout, in every machine format; in `table` the notice
    /// above already said it all.
    fn print_record(&self, record: &ResetRecord) -> Result<(), CliError> {
        if self.settings.output.format == crate::cli::OutputFormat::Table {
            return Ok(());
        }
        let mut writer = RecordWriter::new(&self.settings.output, Shape::One, self.printer)?;
        writer.write(record)?;
        writer.finish()?;
        Ok(())
    }

    /// After Ctrl-C: what was done, and that the account did not change.
    fn tell_what_was_done(&self) {
        let t = &self.trail;
        let mut done: Vec<String> = t.codes_sent.clone();
        if !t.verified.is_empty() {
            let channels = t.verified.iter().map(|c| channel_name(*c).to_owned()).collect::<Vec<_>>();
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
    fn the_wizard_is_send(client: &ApiClient, settings: &Settings, printer: &Printer) {
        fn send<T: Send>(_: &T) {}
        send(&wizard(client, settings, printer, None, None));
    }

    #[test]
    fn and_lists_read_as_english() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["email".into()]), "email");
        assert_eq!(and_list(&["email".into(), "SMS".into()]), "email and SMS");
        assert_eq!(and_list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }

    #[test]
    fn the_record_never_holds_a_secret() {
        let names = ResetRecord::fields().iter().map(|f| f.name).collect::<Vec<_>>();
        for secret in ["password", "code", "token", "verification_token", "secret"] {
            assert!(!names.contains(&secret), "{secret} in {names:?}");
        }
    }
}
