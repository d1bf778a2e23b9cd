//! `acctl code send IDENT [--channel email|sms]`

use acctl_api::Challenge;
use clap::Args;
use serde::Serialize;

use crate::commands::{ChannelArg, Step, begin_change};
use crate::error::{CliError, ExitStatus};
use crate::output::record::human_time;
use crate::output::sanitize::for_terminal;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::recovery;
use crate::settings::Settings;
use crate::ui::Ui;

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
}

/// The challenge as the service answered it: its members are the record's.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub(crate) struct SentCode(Challenge);

static FIELDS: &[Field<SentCode>] = &[
    Field { name: "challenge_id", help: "for `acctl code verify`", get: |c| Cell::Text(c.0.challenge_id.clone()) },
    Field { name: "account_id", help: "account ID (acc_…)", get: |c| Cell::Text(c.0.account_id.clone()) },
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

pub async fn run(args: SendArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let ident = settings.parse_identifier(&args.ident)?;
    if !begin_change(settings, ui, &format!("Send a verification code to `{}`", args.ident.trim()))? {
        return Ok(ExitStatus::Success);
    }
    let step = Step::new(settings)?;
    let account = step.account(&args.ident, &ident).await?;
    let sent = recovery::send_code(&step.client, &account, args.channel.map(Into::into), step.change(settings)).await?;
    if account.mfa {
        let channel = sent.value.channel;
        let others = account.channels_on_file().into_iter().filter(|c| *c != channel).map(|c| c.as_str());
        ui.info(format!(
            "Account {} has MFA: a reset needs a verified code on {} too.",
            for_terminal(&account.label()),
            others.collect::<Vec<_>>().join(", ")
        ));
    }
    let challenge_id = sent.value.challenge_id.clone();
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&SentCode(sent.value))?;
    writer.finish()?;
    ui.hint(format!("when the customer reads the code back: `acctl code verify {challenge_id}`"));
    Ok(ExitStatus::Success)
}
