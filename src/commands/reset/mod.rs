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

mod record;
mod ui;

use std::io::IsTerminal;

use acctl_api::{Account, AccountStatus, Channel, ErrorCode, PasswordChange, PasswordMode, PasswordRequest};
use clap::Args;
use secrecy::{ExposeSecret, SecretString};

use crate::client::retry::RetryPolicy;
use crate::client::{ApiClient, ApiError, AuditQuery, IdempotencyKey};
use crate::commands::signed_in_client;
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::lookup::LookupRecord;
use crate::output::sanitize::for_terminal;
use crate::output::{Record, RecordWriter, Shape};
use crate::printer::Printer;
use crate::settings::Settings;
use record::ResetRecord;
use ui::{Ui, and_list};

/// Reset a customer's password, guided step by step.
///
/// The wizard finds the account by email, phone number or account ID, shows
/// it (email and phone masked) and asks whether it is the customer's. It sends
/// a verification code to a contact on file and takes the code the customer
/// reads back (an account with MFA needs a second code, on the other channel).
/// Then it either sends the customer a temporary password (the default: nobody
/// else ever sees it, and it must be changed at the next sign-in) or lets the
/// customer type a new password (hidden, twice, checked against the policy).
/// After a summary and your confirmation it sets the password, signs the
/// customer out everywhere and tells them on every contact on file.
///
/// Enter takes the safe default at every question. Nothing on the account
/// changes before the final confirmation; Ctrl-C at any step stops with
/// nothing half-done (exit 130). A locked or disabled account stops the wizard
/// (exit 6).
///
/// It needs a terminal: under --no-input, or without one, it exits 2. Scripts
/// use the steps instead: `acctl code send`, `acctl code verify`,
/// `acctl password set`. With -o json (or ndjson, csv, tsv) one record of what
/// was done goes to stdout; it never holds a password, code or token.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl reset
  acctl reset alice@example.com
  acctl reset +8613800138000 -o json
  acctl -p prod reset acc_demoalice --reason 'customer called' --ticket SUP-1234

Scripted equivalent (no prompts):
  acctl code send alice@example.com --channel email
  acctl code verify CHALLENGE_ID --code-stdin
  acctl password set alice@example.com --verification TOKEN --deliver")]
pub struct ResetArgs {
    /// The customer's email, phone number or account ID [default: asked for]
    #[arg(value_name = "IDENT")]
    ident: Option<String>,
}

/// Called by the wizard right after the service accepted a message to the customer
/// (a code, a temporary password, the change notices), before the next prompt.
pub trait CustomerSide: Send + Sync {
    fn messages_sent(&self);
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

    // --- the account ------------------------------------------------------------------

    /// The account the agent confirmed, or `None` when they stopped.
    async fn choose_account(&mut self, mut given: Option<String>) -> Result<Option<Account>, CliError> {
        let mut may_stop = false;
        loop {
            let input = match given.take() {
                Some(input) => input,
                None => {
                    let prompt = if may_stop {
                        "Another email, phone number or account ID (Enter to stop)"
                    } else {
                        "Customer's email, phone number or account ID"
                    };
                    let typed = self.ui.text(prompt)?;
                    if typed.trim().is_empty() {
                        if may_stop {
                            return Ok(None);
                        }
                        self.ui.say(self.ui.dim(
                            "Type what the customer gives you: an email, a phone number (with its country code) or an account ID (acc_…).",
                        ));
                        continue;
                    }
                    typed
                }
            };
            let input = input.trim().to_owned();
            let ident = match acctl_api::Identifier::parse(&input, self.settings.profile.region.as_deref()) {
                Ok(ident) => ident,
                Err(e) => {
                    self.ui.bad(for_terminal(&format!("{e}")));
                    continue;
                }
            };
            let found = self
                .ui
                .during("Looking up the account…", self.client.find_account(&ident, self.settings.reveal))
                .await?;
            may_stop = true;
            let account = match found {
                Ok(account) => account,
                Err(e) if status_for_api(&e) == ExitStatus::NotFound => {
                    self.ui.bad(format!("No account matches `{}`.", for_terminal(&input)));
                    self.ui.say(self.ui.dim("Check the spelling; a phone number needs its country code."));
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            self.show_card(&account);
            stop_unless_active(&account)?;
            if self.ui.confirm("Is this the customer's account?", false)? {
                return Ok(Some(account));
            }
            self.ui.say("Nothing was sent.");
        }
    }

    fn show_card(&self, account: &Account) {
        let lines = LookupRecord::found(String::new(), account.clone()).card();
        let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        self.ui.say("");
        for (key, value) in lines {
            let indent = format!("\n  {:width$}  ", "");
            let value = value.split('\n').map(|l| for_terminal(l).into_owned()).collect::<Vec<_>>().join(&indent);
            self.ui.say(format!("  {}  {value}", self.ui.dim(format!("{key:<width$}"))));
        }
        self.ui.say("");
    }

    // --- codes ----------------------------------------------------------------------------

    async fn verify(&mut self, account: &Account) -> Result<Verification, CliError> {
        let on_file = channels_on_file(account);
        let id = &account.id;
        if on_file.is_empty() {
            return Err(CliError::new(
                ExitStatus::RejectedByPolicy,
                anyhow::anyhow!("account `{id}` has no email or phone on file: there is nowhere to send a code"),
            )
            .with_hint("nothing was sent; an SRE can reset it without a code (`acctl password set --force`)"));
        }
        if account.mfa && on_file.len() < 2 {
            return Err(CliError::new(
                ExitStatus::RejectedByPolicy,
                anyhow::anyhow!(
                    "account `{id}` has MFA but only one contact on file: a reset needs a code on each of two"
                ),
            )
            .with_hint("nothing was sent; an SRE can reset it without codes (`acctl password set --force`)"));
        }
        let first = if let [only] = on_file.as_slice() {
            self.ui.say(format!("The code goes by {}, the only contact on file.", self.destination(account, *only)));
            *only
        } else {
            let items = on_file.iter().map(|c| self.destination(account, *c)).collect::<Vec<_>>();
            let prompt =
                if account.mfa { "Send the first code by (MFA: a code on each is needed)" } else { "Send the code by" };
            on_file[self.ui.select(prompt, &items, 0)?]
        };
        let mut channel = first;
        loop {
            match self.verify_channel(account, channel).await? {
                acctl_api::VerifyResponse::Verified { verification_token, .. } => {
                    return Ok(Verification {
                        token: SecretString::from(verification_token),
                        first,
                        channels: self.trail.verified.clone(),
                    });
                }
                acctl_api::VerifyResponse::MoreRequired { remaining_channels } => {
                    let next = remaining_channels
                        .iter()
                        .copied()
                        .find(|c| on_file.contains(c) && !self.trail.verified.contains(c))
                        .ok_or_else(|| {
                            CliError::new(
                                ExitStatus::RejectedByPolicy,
                                anyhow::anyhow!(
                                    "the service wants a code on {} but account `{id}` has no such contact on file",
                                    and_list(&remaining_channels.iter().map(|c| c.to_string()).collect::<Vec<_>>())
                                ),
                            )
                        })?;
                    self.ui.say(format!(
                        "This account has MFA: the customer needs a second code, by {}.",
                        self.destination(account, next)
                    ));
                    channel = next;
                }
            }
        }
    }

    /// `email to a***@example.com`, sanitised (it comes from the backend).
    fn destination(&self, account: &Account, channel: Channel) -> String {
        let contact = match channel {
            Channel::Email => account.email.as_deref(),
            Channel::Sms => account.phone.as_deref(),
        };
        format!("{} to {}", channel_name(channel), for_terminal(contact.unwrap_or("?")))
    }

    /// Sends a code on `channel` and asks for it until it is right.
    async fn verify_channel(
        &mut self,
        account: &Account,
        channel: Channel,
    ) -> Result<acctl_api::VerifyResponse, CliError> {
        let mut challenge = self.send_code(account, channel, false).await?.ok_or_else(CliError::interrupted)?;
        loop {
            let prompt =
                format!("Code the customer reads out ({} left; r = send a new code)", tries(challenge.attempts_left));
            let typed = self.ui.text(&prompt)?;
            let typed: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
            if typed.is_empty() {
                self.ui.say(self.ui.dim("Type the code the customer reads out, or r if it has not arrived."));
                continue;
            }
            if typed.eq_ignore_ascii_case("r") {
                if let Some(newer) = self.send_code(account, channel, true).await? {
                    challenge = newer;
                }
                continue;
            }
            if !typed.chars().all(|c| c.is_ascii_digit()) || typed.len() > 12 {
                self.ui.bad("A code is digits only; ask the customer to read it again.");
                continue;
            }
            let code = SecretString::from(typed);
            let key = IdempotencyKey::random();
            let checked = self
                .ui
                .during("Checking the code…", self.client.verify_challenge(&challenge.challenge_id, &code, &key))
                .await?;
            match checked {
                Ok(answer) => {
                    self.ui.ok(format!("Code verified ({}).", channel_name(channel)));
                    self.trail.verified.push(channel);
                    return Ok(answer);
                }
                Err(e) => match e.code() {
                    Some(ErrorCode::InvalidCode) => {
                        let left = e
                            .problem()
                            .and_then(|p| p.attempts_left)
                            .unwrap_or_else(|| challenge.attempts_left.saturating_sub(1));
                        challenge.attempts_left = left;
                        if left == 0 {
                            return Err(used_up(account, e));
                        }
                        self.ui.bad(format!("That code is not right: {} left.", tries(left)));
                    }
                    Some(ErrorCode::ChallengeExpired) => {
                        self.ui.bad("That code has expired (codes last 10 minutes): type r to send a new one.");
                    }
                    Some(ErrorCode::ChallengeUsedUp) => return Err(used_up(account, e)),
                    _ => return Err(CliError::from(e).with_context("the code could not be checked")),
                },
            }
        }
    }

    /// Sends a code. A first send waits out a short cooldown (a code sent
    /// moments ago, by an earlier run); a resend during the cooldown says when
    /// it can be sent and returns `None`.
    async fn send_code(
        &mut self,
        account: &Account,
        channel: Channel,
        resend: bool,
    ) -> Result<Option<acctl_api::Challenge>, CliError> {
        // A long Retry-After is the agent's to know about, not the client's to sleep through.
        let client = self
            .client
            .clone()
            .with_retry(RetryPolicy { budget: std::time::Duration::from_secs(5), ..RetryPolicy::default() });
        let to = self.destination(account, channel);
        loop {
            let key = IdempotencyKey::random();
            self.trail.in_flight = Some(format!("a code by {to} may have gone out (it was on its way)"));
            let sent = self.ui.during("Sending the code…", client.create_challenge(&account.id, channel, &key)).await?;
            self.trail.in_flight = None;
            match sent {
                Ok(challenge) => {
                    self.trail.codes_sent.push(format!("a code went by {to}"));
                    let what = if resend { "A new code" } else { "A code" };
                    self.ui.ok(format!(
                        "{what} went by {}; it works until {}.",
                        self.destination_of(&challenge),
                        clock_time(challenge.expires_at)
                    ));
                    if resend {
                        self.ui.say(self.ui.dim("The earlier code no longer works."));
                    }
                    if let Some(customer) = self.customer {
                        customer.messages_sent();
                    }
                    return Ok(Some(challenge));
                }
                Err(e) if e.code() == Some(ErrorCode::RateLimited) => {
                    let secs = e.problem().and_then(|p| p.retry_after).unwrap_or(60);
                    if resend {
                        self.ui.bad(format!(
                            "A new code can be sent in {secs} s (one a minute per contact); the last code still works."
                        ));
                        return Ok(None);
                    }
                    if secs > 120 {
                        return Err(CliError::from(e)
                            .with_context(format!("no code was sent: too many codes for `{}` lately", account.id))
                            .with_hint(format!("try again in {} minutes", secs.div_ceil(60))));
                    }
                    self.ui.say(format!("A code went to this contact moments ago; a new one can be sent in {secs} s."));
                    self.ui.wait("Waiting to send the code", secs).await?;
                }
                Err(e) => return Err(CliError::from(e).with_context("no code was sent; nothing changed")),
            }
        }
    }

    fn destination_of(&self, challenge: &acctl_api::Challenge) -> String {
        format!("{} to {}", channel_name(challenge.channel), for_terminal(&challenge.destination))
    }

    // --- the new password -------------------------------------------------------------

    fn choose_password(&self, account: &Account, verification: &Verification) -> Result<NewPassword, CliError> {
        let items = [
            format!(
                "Send the customer a temporary password by {} (nobody sees it; they change it at the next sign-in)",
                self.destination(account, verification.first)
            ),
            "The customer types a new password here (hidden; for a walk-in desk)".to_owned(),
        ];
        match self.ui.select("New password", &items, 0)? {
            0 => Ok(NewPassword::Deliver),
            _ => Ok(NewPassword::Typed(self.ask_new_password(account)?)),
        }
    }

    /// Hidden, twice; too short or too long is caught here, the rest of the
    /// policy by the service.
    fn ask_new_password(&self, account: &Account) -> Result<SecretString, CliError> {
        let min = if account.mfa { 8 } else { 15 };
        self.ui.say(self.ui.dim(format!(
            "Let the customer type it: nothing typed is shown. At least {min} characters; a few unrelated words make a good one."
        )));
        loop {
            let first = self.ui.secret("New password")?;
            let chars = first.expose_secret().chars().count();
            if first.expose_secret().trim().is_empty() {
                self.ui.bad("Nothing was typed. Type the new password.");
                continue;
            }
            if chars < min {
                self.ui.bad(format!("Too short: at least {min} characters. Type a longer one."));
                continue;
            }
            if chars > acctl_api::PASSWORD_MAX_CHARS {
                self.ui.bad(format!("Too long: at most {} characters.", acctl_api::PASSWORD_MAX_CHARS));
                continue;
            }
            let again = self.ui.secret("The same password again")?;
            if again.expose_secret() != first.expose_secret() {
                self.ui.bad("The two entries differ. Type the new password again.");
                continue;
            }
            return Ok(first);
        }
    }

    fn confirm(
        &self,
        account: &Account,
        verification: &Verification,
        password: &NewPassword,
    ) -> Result<bool, CliError> {
        let verified = verification.channels.iter().map(|c| self.destination(account, *c)).collect::<Vec<_>>();
        self.ui.say("");
        self.ui.heading(format!("About to reset the password of {}:", account_label(account)));
        self.ui.say(format!("  • identity checked with a code by {}", and_list(&verified)));
        match password {
            NewPassword::Deliver => self.ui.say(format!(
                "  • a temporary password goes by {}; the customer must change it at the next sign-in",
                self.destination(account, verification.first)
            )),
            NewPassword::Typed(_) => self.ui.say("  • the password the customer typed becomes their password"),
        }
        self.ui.say("  • the customer is signed out everywhere");
        self.ui.say("  • the customer is told about the change on every contact on file");
        self.ui.confirm("Reset the password now?", false)
    }

    /// The one change. It runs to the end once sent, so its outcome is known;
    /// a policy rejection asks the customer again (the verification holds).
    async fn set_password(
        &mut self,
        account: &Account,
        verification: &Verification,
        mut password: NewPassword,
    ) -> Result<PasswordChange, CliError> {
        loop {
            let request = PasswordRequest {
                mode: match password {
                    NewPassword::Deliver => PasswordMode::Deliver,
                    NewPassword::Typed(_) => PasswordMode::Set,
                },
                channel: match password {
                    NewPassword::Deliver => Some(verification.first),
                    NewPassword::Typed(_) => None,
                },
                password: match &password {
                    NewPassword::Deliver => None,
                    NewPassword::Typed(p) => Some(p.expose_secret().to_owned()),
                },
                verification_token: Some(verification.token.expose_secret().to_owned()),
                revoke_sessions: true,
            };
            let key = IdempotencyKey::random();
            let outcome = self
                .ui
                .finishing("Resetting the password…", self.client.set_password(&account.id, &request, &key))
                .await;
            drop(request);
            match outcome {
                Ok(change) => return Ok(change),
                Err(e) if e.code() == Some(ErrorCode::PasswordPolicy) && matches!(password, NewPassword::Typed(_)) => {
                    self.ui.bad("The service refused that password; nothing changed. It:");
                    for v in e.problem().and_then(|p| p.violations.as_ref()).into_iter().flatten() {
                        self.ui.say(format!("  • {}", for_terminal(&v.detail)));
                    }
                    self.ui.say("Ask the customer for another one.");
                    password = NewPassword::Typed(self.ask_new_password(account)?);
                }
                Err(e) => return Err(change_failed(account, e)),
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
                "  • A temporary password went by {} to {}; the customer must choose a new one at the next sign-in.",
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

/// Locked and disabled accounts cannot be reset: say why and who can help.
fn stop_unless_active(account: &Account) -> Result<(), CliError> {
    let id = &account.id;
    match account.status {
        AccountStatus::Active => Ok(()),
        AccountStatus::Locked => Err(CliError::new(
            ExitStatus::RejectedByPolicy,
            anyhow::anyhow!("account `{id}` is locked: its password cannot be reset while it is locked; nothing was sent"),
        )
        .with_hint(format!(
            "an SRE must unlock it first (`acctl account unlock {id}`), once whatever locked it is resolved; then run `acctl reset {id}` again"
        ))),
        AccountStatus::Disabled => Err(CliError::new(
            ExitStatus::RejectedByPolicy,
            anyhow::anyhow!("account `{id}` is disabled: a disabled account cannot be reset; nothing was sent"),
        )
        .with_hint("a disabled account is closed on purpose; escalate to an administrator if the customer should have access")),
    }
}

fn used_up(account: &Account, e: ApiError) -> CliError {
    CliError::from(e)
        .with_context("no tries left on this code: the password was not changed")
        .with_hint(format!(
            "a new code on this channel can be sent once this one would have expired (10 minutes); then run `acctl reset {}` again",
            account.id
        ))
}

/// The change failed: say whether the account changed, and what to do.
fn change_failed(account: &Account, e: ApiError) -> CliError {
    let answered = matches!(e, ApiError::Problem { .. } | ApiError::Http { .. });
    let code = e.code();
    let mut err = CliError::from(e).with_context(if answered {
        "the password was not changed".to_owned()
    } else {
        format!(
            "it is not known whether the password was changed: `acctl lookup {}` shows when it last changed",
            account.id
        )
    });
    if code == Some(ErrorCode::VerificationInvalid) {
        err = err.with_hint(format!(
            "the verification lasts 10 minutes after the code is checked; run `acctl reset {}` again",
            account.id
        ));
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

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
