//! `acctl code send IDENT [--channel email|sms]`

use std::time::Duration;

use acctl_api::{Account, Challenge, Channel, ErrorCode};
use clap::Args;
use serde::Serialize;

use crate::client::retry::RetryPolicy;
use crate::client::{ApiError, IdempotencyKey};
use crate::commands::signed_in_client;
use crate::commands::steps_common::{
    ChannelArg, account_label, begin_mutation, channels_on_file, find_account, parse_identifier,
};
use crate::error::{CliError, ExitStatus};
use crate::output::record::human_time;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::printer::Printer;
use crate::settings::Settings;

/// Send a verification code to a contact on file.
///
/// IDENT is an email, phone number or account ID, as for `acctl lookup`. The
/// code goes only to a contact already on file: the email address by
/// default, else the phone number by SMS. Prints the challenge ID (for `acctl
/// code verify`), the masked destination, when the code expires and when a
/// new one may be sent. A new code on the same channel replaces the previous
/// one and keeps its count of wrong tries. Audited with --reason/--ticket.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl code send alice@example.com
  acctl code send +8613800138000 --channel sms --reason 'customer called' --ticket SUP-1234
  acctl code send acc_demobob -o ndjson | jq -r .challenge_id")]
pub struct SendArgs {
    /// The customer's email, phone number or account ID
    #[arg(value_name = "IDENT")]
    ident: String,

    /// Where the code goes [default: email when on file, else sms]
    #[arg(long, value_enum, value_name = "CHANNEL")]
    channel: Option<ChannelArg>,

    /// Do not ask for confirmation on a protected profile
    #[arg(long)]
    yes: bool,
}

/// The challenge as the service answered it: its members are the record's.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
struct SentCode(Challenge);

static FIELDS: &[Field<SentCode>] = &[
    Field { name: "challenge_id", help: "for `acctl code verify`", get: |c| Cell::Text(c.0.challenge_id.clone()) },
    Field { name: "account_id", help: "", get: |c| Cell::Text(c.0.account_id.clone()) },
    Field { name: "channel", help: "email or sms", get: |c| Cell::Text(c.0.channel.as_str().to_owned()) },
    Field { name: "destination", help: "the contact on file (masked)", get: |c| Cell::Text(c.0.destination.clone()) },
    Field { name: "expires_at", help: "the code stops working", get: |c| Cell::Time(c.0.expires_at) },
    Field { name: "resend_after", help: "a new code may be sent", get: |c| Cell::Time(c.0.resend_after) },
    Field { name: "attempts_left", help: "wrong codes allowed", get: |c| Cell::Int(i64::from(c.0.attempts_left)) },
];

impl Record for SentCode {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn card(&self) -> Vec<(String, String)> {
        let c = &self.0;
        vec![
            ("Code sent to".into(), format!("{} ({})", c.destination, c.channel)),
            ("Challenge".into(), c.challenge_id.clone()),
            ("Account".into(), c.account_id.clone()),
            ("Expires".into(), human_time(c.expires_at)),
            ("Resend after".into(), human_time(c.resend_after)),
            ("Wrong tries left".into(), c.attempts_left.to_string()),
        ]
    }
}

pub async fn run(args: SendArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    let ident = parse_identifier(&args.ident, settings)?;
    begin_mutation(settings, printer, args.yes, &format!("Send a verification code to `{}`", args.ident.trim()))?;
    let (client, _) = signed_in_client(settings)?;
    // A resend during the cooldown answers 429 with up to a minute to wait:
    // say so at once instead of waiting silently (and superseding the code
    // the customer may already have).
    let client = client.with_retry(RetryPolicy { budget: Duration::from_secs(5), ..RetryPolicy::default() });
    let account = find_account(&client, &args.ident, &ident).await?;
    let on_file = channels_on_file(&account);
    let channel = match args.channel {
        Some(c) => Channel::from(c),
        None => *on_file.first().ok_or_else(|| {
            CliError::new(
                ExitStatus::RejectedByPolicy,
                anyhow::anyhow!("account {} has no email or phone on file", account_label(&account)),
            )
        })?,
    };
    let challenge = client
        .create_challenge(&account.id, channel, &IdempotencyKey::random())
        .await
        .map_err(|e| send_error(e, &account, channel, &on_file))?;
    if account.mfa {
        let others = on_file.iter().filter(|c| **c != channel).map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
        printer.info(format!(
            "Account {} has MFA: a reset needs a verified code on {others} too.",
            account_label(&account)
        ));
    }
    let challenge_id = challenge.challenge_id.clone();
    let mut writer = RecordWriter::new(&settings.output, Shape::One, printer)?;
    writer.write(&SentCode(challenge))?;
    writer.finish()?;
    printer.hint(format!("when the customer reads the code back: `acctl code verify {challenge_id}`"));
    Ok(ExitStatus::Success)
}

fn send_error(e: ApiError, account: &Account, channel: Channel, on_file: &[Channel]) -> CliError {
    let code = e.code();
    let err = CliError::from(e);
    match code {
        Some(ErrorCode::ChannelUnavailable) => {
            let hint = match on_file.first() {
                Some(other) => format!(
                    "codes go only to contacts on file; this account has {}: `acctl code send {} --channel {other}`",
                    on_file.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" and "),
                    account.id
                ),
                None => "codes go only to contacts on file, and this account has none".to_owned(),
            };
            err.with_context(format!("account {} has no {channel} contact on file", account_label(account)))
                .with_hint(hint)
        }
        Some(ErrorCode::AccountLocked) => err
            .with_context(format!("account {} is locked: no code was sent", account_label(account)))
            .with_hint(format!(
                "`acctl audit --account {0}` shows who locked it and why; `acctl account unlock {0}` (sre role) unlocks it",
                account.id
            )),
        Some(ErrorCode::AccountDisabled) => err
            .with_context(format!("account {} is disabled: no code was sent", account_label(account)))
            .with_hint("a disabled account cannot be recovered with acctl; escalate to an administrator"),
        Some(ErrorCode::RateLimited) => err.with_context("no new code was sent").with_hint(
            "a code sent earlier stays valid until it expires: ask the customer to check their inbox or messages",
        ),
        _ => err,
    }
}
