//! `acctl demo`: a sandbox on a free loopback port and the reset wizard
//! against it over real HTTP — a reset seen from the agent's and the
//! customer's side. `--script` runs the same flow unattended.

use std::io::Write;
use std::sync::Mutex;

use acctl_api::{Channel, ErrorCode, Identifier, LoginRequest, PasswordMode, PasswordRequest, VerifyResponse};
use clap::Args;
use secrecy::SecretString;
use tokio::sync::broadcast;

use super::sandbox::{Sandbox, customer_view};
use crate::cli::{GlobalArgs, OutputFormat};
use crate::client::{ApiClient, ApiError, IdempotencyKey};
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::printer::Printer;
use crate::settings::{AuditContext, ConfigLocation, OutputSettings, Profile, Settings};
use acctl_api::AuditQuery;

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

pub async fn run(args: DemoArgs, global: &GlobalArgs, printer: &Printer) -> Result<ExitStatus, CliError> {
    if !args.script && !printer.can_prompt(global.no_input) {
        return Err(CliError::usage("the interactive demo needs a terminal (and no `--no-input`)")
            .with_hint("run `acctl demo --script` to see the whole flow unattended"));
    }
    let sandbox = Sandbox::start("127.0.0.1:0".parse().map_err(CliError::unexpected)?, None).await?;
    let settings = demo_settings(&sandbox, global, printer);
    let client = ApiClient::new(
        &settings.profile,
        Some(SecretString::from(sandbox.agent_token.clone())),
        settings.audit.clone(),
    )?;
    let feed = sandbox.service.subscribe_outbox();
    let result = if args.script {
        script(&client, feed, printer).await
    } else {
        printer.info(format!(
            "acctl demo — a sandbox account service is running at {} with demo accounts.\n\n\
             You are a support agent. A customer calls: \"Hi, I'm Alice Zhang. I forgot my password.\n\
             My email is alice@example.com.\" Find her account, send her a code, check the code she\n\
             reads back, and reset her password. What she receives is shown between the steps.\n\
             (Also try acc_demofrank, who has MFA, or acc_demoerin, whose account is locked.)\n",
            sandbox.service.url()
        ));
        let customer = CustomerFeed { feed: Mutex::new(feed), printer };
        super::reset::wizard(&client, &settings, printer, None, Some(&customer)).await
    };
    sandbox.service.shutdown().await;
    result
}

/// Settings for the demo: the sandbox's URL, no config file, audit context
/// filled in (a real profile would ask for them).
fn demo_settings(sandbox: &Sandbox, global: &GlobalArgs, printer: &Printer) -> Settings {
    Settings {
        config: ConfigLocation { path: std::path::PathBuf::from("(none: acctl demo)"), explicit: false },
        config_exists: false,
        profile: Profile {
            name: "demo".to_owned(),
            url: sandbox.service.url(),
            url_source: "built-in",
            region: Some("CN".to_owned()),
            require_reason: false,
            protected: false,
            timeout: crate::settings::DEFAULT_TIMEOUT,
            concurrency: crate::settings::DEFAULT_CONCURRENCY,
            rate: None,
            ca_bundle: None,
        },
        output: OutputSettings {
            format: global.output.unwrap_or(if printer.stdout_is_terminal() {
                OutputFormat::Table
            } else {
                OutputFormat::Ndjson
            }),
            fields: None,
            jq: None,
        },
        audit: AuditContext { reason: Some(REASON.to_owned()), ticket: Some(TICKET.to_owned()) },
        no_input: global.no_input,
        reveal: false,
    }
}

/// Shows the customer's side of each message as soon as the wizard says one went out.
struct CustomerFeed<'a> {
    feed: Mutex<broadcast::Receiver<acctl_api::OutboxMessage>>,
    printer: &'a Printer,
}

impl super::reset::CustomerSide for CustomerFeed<'_> {
    fn messages_sent(&self) {
        let Ok(mut feed) = self.feed.lock() else { return };
        while let Ok(message) = feed.try_recv() {
            self.printer.info(framed(&customer_view(&message)));
        }
    }

    fn caller_identifier(&self) -> Option<&str> {
        Some("alice@example.com")
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

/// The unattended flow, one numbered step at a time on stdout.
async fn script(
    client: &ApiClient,
    mut feed: broadcast::Receiver<acctl_api::OutboxMessage>,
    printer: &Printer,
) -> Result<ExitStatus, CliError> {
    let mut out = Steps { printer, n: 0 };
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
    let account = client.find_account(&Identifier::parse(email, None)?, false).await?;
    out.say(&format!(
        "The agent looks her up: {} — {} — {} / {} — {}",
        account.id,
        for_terminal(&account.display_name),
        account.email.as_deref().unwrap_or("no email"),
        account.phone.as_deref().unwrap_or("no phone"),
        account.status.as_str(),
    ))?;

    out.step("The agent sends a verification code by SMS to the phone on file.")?;
    let challenge = client.create_challenge(&account.id, Channel::Sms, &IdempotencyKey::random()).await?;
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
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap_or(0) + 1) % 1_000_000);
    match client.verify_challenge(&challenge.challenge_id, &SecretString::from(wrong), &IdempotencyKey::random()).await
    {
        Err(e) if problem_code(&e) == Some(ErrorCode::InvalidCode) => {
            out.say(&format!("Rejected: {e} (a script would exit 5 here).")).map_err(CliError::from)?;
        }
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(CliError::unexpected(anyhow::anyhow!("a wrong code was accepted"))),
    }

    out.step("The customer reads it again, correctly.")?;
    let token = match client
        .verify_challenge(&challenge.challenge_id, &SecretString::from(code), &IdempotencyKey::random())
        .await?
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
    let weak = PasswordRequest {
        mode: PasswordMode::Set,
        channel: None,
        password: Some("alice2026".to_owned()),
        verification_token: Some(token.clone()),
        revoke_sessions: true,
    };
    match client.set_password(&account.id, &weak, &IdempotencyKey::random()).await {
        Err(e) if problem_code(&e) == Some(ErrorCode::PasswordPolicy) => {
            out.say("Rejected by the password policy (a script would exit 6), listing every rule it broke:")?;
            if let ApiError::Problem { problem, .. } = &e {
                for v in problem.violations.iter().flatten() {
                    out.say(&format!("  - {}", for_terminal(&v.detail)))?;
                }
            }
            out.say("The verification token is not used up by a rejection.")?;
        }
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(CliError::unexpected(anyhow::anyhow!("a weak password was accepted"))),
    }

    out.step("The agent switches to the safe default: send the customer a temporary password.")?;
    let deliver = PasswordRequest {
        mode: PasswordMode::Deliver,
        channel: Some(Channel::Sms),
        password: None,
        verification_token: Some(token),
        revoke_sessions: true,
    };
    let change = client.set_password(&account.id, &deliver, &IdempotencyKey::random()).await?;
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
        Err(e) if problem_code(&e) == Some(ErrorCode::InvalidCredentials) => {
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

fn problem_code(e: &ApiError) -> Option<ErrorCode> {
    match e {
        ApiError::Problem { problem, .. } => Some(problem.code),
        _ => None,
    }
}

fn clock(t: time::OffsetDateTime) -> String {
    format!("{:02}:{:02}:{:02} UTC", t.hour(), t.minute(), t.second())
}

/// Numbered steps on stdout.
struct Steps<'a> {
    printer: &'a Printer,
    n: u32,
}

impl Steps<'_> {
    fn step(&mut self, text: &str) -> std::io::Result<()> {
        self.n += 1;
        let mut out = self.printer.stdout();
        writeln!(out, "\nStep {}. {text}", self.n)?;
        out.flush()
    }

    fn say(&mut self, text: &str) -> std::io::Result<()> {
        let mut out = self.printer.stdout();
        for line in text.lines() {
            writeln!(out, "   {line}")?;
        }
        out.flush()
    }
}
