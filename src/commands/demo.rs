//! `acctl demo`: a sandbox on a free loopback port and the reset wizard
//! against it over real HTTP — a reset seen from the agent's and the
//! customer's side. `--script` runs the same flow unattended.

use std::io::Write;
use std::sync::Mutex;

use acctl_api::{AuditQuery, Channel, ErrorCode, Identifier, LoginRequest, VerifyResponse};
use clap::Args;
use secrecy::SecretString;
use tokio::sync::broadcast;

use super::sandbox::{Sandbox, SandboxDb, customer_view};
use crate::cli::GlobalArgs;
use crate::client::{ApiClient, Change, IdempotencyKey};
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::output::{OutputFormat, OutputSettings};
use crate::profile::{AuditContext, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT, Profile};
use crate::recovery::{self, Authority, Code, Failure, NewPassword, RecoveryError};
use crate::settings::{ConfigLocation, Settings};
use crate::ui::Ui;

/// See a password reset from both sides, against a throwaway sandbox.
///
/// Starts the reference service in-process on a free loopback port with demo
/// accounts, then runs the reset wizard (`acctl reset`) against it over real
/// HTTP. Between the steps you see what the customer receives on their phone
/// or in their inbox. Needs no config, no keyring and no network.
///
/// With --script, the whole flow runs unattended and each step is printed:
/// lookup, a code by SMS, one wrong code, the right one, a weak password the
/// policy rejects, a temporary password delivered to the customer, and the
/// customer signing in with it.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl demo             # interactive: you are the agent; try alice@example.com
  acctl demo --script    # unattended, prints every step (what CI runs)")]
pub struct DemoArgs {
    /// Run the flow unattended and print each step (no prompts)
    #[arg(long)]
    script: bool,
}

const REASON: &str = "demo: customer forgot their password";
const TICKET: &str = "DEMO-1";

pub async fn run(args: DemoArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    if !args.script && !ui.can_prompt(global.no_input) {
        return Err(CliError::usage("the interactive demo needs a terminal (and no `--no-input`)")
            .with_hint("run `acctl demo --script` to see the whole flow unattended"));
    }
    let sandbox = Sandbox::start("127.0.0.1:0".parse().map_err(CliError::unexpected)?, SandboxDb::Ephemeral).await?;
    let settings = demo_settings(&sandbox, global, ui);
    let client = ApiClient::new(&settings.profile, Some(SecretString::from(sandbox.agent_token.clone())))?;
    let feed = sandbox.service.subscribe_outbox();
    let result = if args.script {
        script(&client, &settings.audit, feed, ui).await
    } else {
        ui.info(format!(
            "acctl demo — a sandbox account service is running at {} with demo accounts.\n\n\
             You are a support agent. A customer calls: \"Hi, I'm Alice Zhang. I forgot my password.\n\
             My email is alice@example.com.\" Find her account, send her a code, check the code she\n\
             reads back, and reset her password. What she receives is shown between the steps.\n\
             (Also try acc_demofrank, who has MFA, or acc_demoerin, whose account is locked.)\n",
            sandbox.service.url()
        ));
        let customer = CustomerFeed { feed: Mutex::new(feed), ui };
        super::reset::wizard(&client, &settings, ui, None, Some(&customer)).await
    };
    sandbox.service.shutdown().await;
    result
}

/// Settings for the demo: the sandbox's URL, no config file, audit context
/// filled in (a real profile would ask for them).
fn demo_settings(sandbox: &Sandbox, global: &GlobalArgs, ui: &Ui) -> Settings {
    Settings {
        config: ConfigLocation { path: std::path::PathBuf::from("(none: acctl demo)") },
        config_exists: false,
        profile: Profile {
            name: "demo".to_owned(),
            url: sandbox.service.url(),
            url_source: "built-in",
            region: Some("CN".to_owned()),
            require_reason: false,
            protected: false,
            timeout: DEFAULT_TIMEOUT,
            concurrency: DEFAULT_CONCURRENCY,
            rate: None,
            ca_bundle: None,
            insecure_http: false,
            max_affected: None,
            oidc: None,
        },
        output: OutputSettings {
            format: global.output.unwrap_or(if ui.stdout_is_terminal() {
                OutputFormat::Table
            } else {
                OutputFormat::Ndjson
            }),
            fields: None,
            jq: None,
        },
        audit: AuditContext { reason: Some(REASON.to_owned()), ticket: Some(TICKET.to_owned()), job: None },
        no_input: global.no_input,
        yes: global.yes,
        reveal: false,
    }
}

/// Shows the customer's side of each message as soon as the wizard says one went out.
struct CustomerFeed<'a> {
    feed: Mutex<broadcast::Receiver<acctl_api::OutboxMessage>>,
    ui: &'a Ui,
}

impl super::reset::CustomerSide for CustomerFeed<'_> {
    fn messages_sent(&self) {
        let Ok(mut feed) = self.feed.lock() else { return };
        while let Ok(message) = feed.try_recv() {
            self.ui.info(framed(&customer_view(&message)));
        }
    }

    fn caller_identifier(&self) -> Option<&str> {
        Some("alice@example.com")
    }

    fn another_account(&self) -> Option<&str> {
        Some(
            "At work the reset stops here (exit 6) until an SRE deals with the account. \
             Here, try another one: alice@example.com, or acc_demofrank (MFA).",
        )
    }
}

fn framed(text: &str) -> String {
    let mut out = String::from("  ┌─ on the customer's side ─────────────────────────────\n");
    for line in text.lines() {
        out.push_str("  │ ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("  └──────────────────────────────────────────────────────");
    out
}

/// The unattended flow, one numbered step at a time on stdout: the same
/// recovery operations as the steps and the wizard, narrated.
async fn script(
    client: &ApiClient,
    audit: &AuditContext,
    mut feed: broadcast::Receiver<acctl_api::OutboxMessage>,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    let mut out = Steps { ui, n: 0 };
    let mut customer = |out: &mut Steps<'_>| -> Result<Vec<acctl_api::OutboxMessage>, CliError> {
        let mut seen = Vec::new();
        while let Ok(message) = feed.try_recv() {
            out.say(&framed(&customer_view(&message)))?;
            seen.push(message);
        }
        Ok(seen)
    };

    let email = "alice@example.com";
    // Her old phone is still signed in: the reset will sign it out.
    client
        .customer_login(&LoginRequest {
            identifier: Identifier::parse(email, None)?,
            password: acctl_service::demo::PASSWORD.to_owned(),
        })
        .await?;
    out.step(&format!("A customer calls: \"I'm Alice Zhang, I forgot my password. My email is {email}.\""))?;
    let account = recovery::find_account(client, email, &Identifier::parse(email, None)?, false).await?;
    out.say(&format!(
        "The agent looks her up: {} — {} — {} / {} — {}",
        account.id,
        for_terminal(&account.display_name),
        account.email.as_deref().unwrap_or("no email"),
        account.phone.as_deref().unwrap_or("no phone"),
        account.status.as_str(),
    ))?;

    out.step("The agent sends a verification code by SMS to the phone on file.")?;
    let key = IdempotencyKey::random();
    let challenge = recovery::send_code(client, &account, Some(Channel::Sms), Change { key: &key, audit }).await?.value;
    out.say(&format!(
        "Code sent to {} (challenge {}); {} tries; a resend is possible after {}.",
        challenge.destination,
        challenge.challenge_id,
        challenge.attempts_left,
        clock(challenge.resend_after)
    ))?;
    let code = customer(&mut out)?
        .into_iter()
        .rev()
        .find_map(|m| m.secret)
        .ok_or_else(|| CliError::unexpected(anyhow::anyhow!("the sandbox recorded no code")))?;

    out.step("The customer misreads the code.")?;
    let wrong = Code::parse(&SecretString::from(format!("{:06}", (code.parse::<u32>().unwrap_or(0) + 1) % 1_000_000)))?;
    let key = IdempotencyKey::random();
    match recovery::verify_code(client, &challenge.challenge_id, &wrong, Change { key: &key, audit }).await {
        Err(e) if matches!(e.failure(), Failure::WrongCode { .. }) => {
            out.say(&format!("Rejected: {} (a script would exit 5 here).", service_says(&e)))?;
        }
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(CliError::unexpected(anyhow::anyhow!("a wrong code was accepted"))),
    }

    out.step("The customer reads it again, correctly.")?;
    let key = IdempotencyKey::random();
    let right = Code::parse(&SecretString::from(code))?;
    let token = match recovery::verify_code(client, &challenge.challenge_id, &right, Change { key: &key, audit })
        .await?
        .value
    {
        VerifyResponse::Verified { verification_token, token_expires_at } => {
            out.say(&format!(
                "Verified. A single-use verification token (not shown) is valid until {}.",
                clock(token_expires_at)
            ))?;
            verification_token
        }
        VerifyResponse::MoreRequired { .. } => {
            return Err(CliError::unexpected(anyhow::anyhow!("Alice's account unexpectedly needs MFA")));
        }
    };

    out.step("At a walk-in desk, the customer types a new password: a short one with her name in it.")?;
    let authority = Authority::Verified(SecretString::from(token));
    let weak = NewPassword::CustomerChosen(SecretString::from("alice2026".to_owned()));
    let key = IdempotencyKey::random();
    match recovery::set_password(client, &account, &weak, &authority, true, Change { key: &key, audit }).await {
        Err(e) if matches!(e.failure(), Failure::PasswordPolicy { .. }) => {
            out.say("Rejected by the password policy (a script would exit 6), listing every rule it broke:")?;
            if let Failure::PasswordPolicy { violations } = e.failure() {
                for v in violations {
                    out.say(&format!("  - {}", for_terminal(&v.detail)))?;
                }
            }
            out.say("The verification token is not used up by a rejection.")?;
        }
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(CliError::unexpected(anyhow::anyhow!("a weak password was accepted"))),
    }

    out.step("The agent switches to the safe default: send the customer a temporary password.")?;
    let deliver = NewPassword::Deliver { channel: Some(Channel::Sms) };
    let key = IdempotencyKey::random();
    let change =
        recovery::set_password(client, &account, &deliver, &authority, true, Change { key: &key, audit }).await?.value;
    out.say(&format!(
        "Done: a temporary password went to {} (the agent never sees it); must change at next sign-in: {}; \
         {} session(s) revoked; notified on: {}.",
        change.delivered_to.as_deref().unwrap_or("the customer"),
        change.must_change_password,
        change.sessions_revoked,
        change.notified.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
    ))?;
    let temporary = customer(&mut out)?
        .into_iter()
        .find(|m| m.kind == acctl_api::MessageKind::TemporaryPassword)
        .and_then(|m| m.secret)
        .ok_or_else(|| CliError::unexpected(anyhow::anyhow!("the sandbox recorded no temporary password")))?;

    out.step("The customer signs in with the temporary password from her phone.")?;
    let login = client
        .customer_login(&LoginRequest { identifier: Identifier::parse(email, None)?, password: temporary })
        .await?;
    out.say(&format!(
        "Signed in to {}; the service asks her to choose a new password: {}.",
        login.account_id, login.must_change_password
    ))?;
    let old = client
        .customer_login(&LoginRequest {
            identifier: Identifier::parse(email, None)?,
            password: acctl_service::demo::PASSWORD.to_owned(),
        })
        .await;
    match old {
        Err(e) if e.code() == Some(ErrorCode::InvalidCredentials) => {
            out.say("Her old password no longer works.")?;
        }
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(CliError::unexpected(anyhow::anyhow!("the old password still works"))),
    }

    out.step("Everything the agent did is in the audit log, with the reason and ticket:")?;
    let page = client
        .audit(&AuditQuery { account_id: Some(account.id.clone()), limit: Some(20), ..AuditQuery::default() })
        .await?;
    for event in page.events.iter().rev() {
        out.say(&format!(
            "  {} {:<16} {:<8} {}  reason: {}  ticket: {}",
            clock(event.at),
            event.action.as_str(),
            event.outcome.as_str(),
            for_terminal(event.detail.as_deref().unwrap_or("")),
            for_terminal(event.reason.as_deref().unwrap_or("-")),
            for_terminal(event.ticket.as_deref().unwrap_or("-")),
        ))?;
    }
    out.step("Demo complete. Run `acctl demo` in a terminal to be the agent yourself.")?;
    Ok(ExitStatus::Success)
}

/// What the service itself said (the demo shows the service's words).
fn service_says(e: &RecoveryError) -> String {
    e.api().map_or_else(|| e.to_string(), ToString::to_string)
}

fn clock(t: time::OffsetDateTime) -> String {
    format!("{:02}:{:02}:{:02} UTC", t.hour(), t.minute(), t.second())
}

/// Numbered steps on stdout.
struct Steps<'a> {
    ui: &'a Ui,
    n: u32,
}

impl Steps<'_> {
    fn step(&mut self, text: &str) -> std::io::Result<()> {
        self.n += 1;
        let mut out = self.ui.stdout();
        writeln!(out, "\nStep {}. {text}", self.n)?;
        out.flush()
    }

    fn say(&mut self, text: &str) -> std::io::Result<()> {
        let mut out = self.ui.stdout();
        for line in text.lines() {
            writeln!(out, "   {line}")?;
        }
        out.flush()
    }
}
