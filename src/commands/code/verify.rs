//! `acctl code verify CHALLENGE_ID [--code-stdin]`

use acctl_api::{Channel, VerifyResponse};
use clap::Args;
use serde::Serialize;
use time::OffsetDateTime;

use crate::commands::{Step, begin_change};
use crate::error::{CliError, ExitStatus};
use crate::output::record::human_time;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::recovery::{self, Code};
use crate::settings::Settings;
use crate::ui::{SecretInput, Ui};

/// Verify the code the customer reads back.
///
/// The code comes from a hidden prompt on a terminal, or from stdin with
/// --code-stdin (one line); never from the command line. On success prints a
/// single-use verification token for `acctl password set` (in
/// `ACCTL_VERIFICATION`, or on its stdin with --verification-stdin),
/// valid for 10 minutes; for an account with MFA whose first channel this
/// was, prints `more_required` and the channel still to verify (exit 0). A
/// wrong code exits 5 and says how many tries are left; after 5 wrong codes,
/// or once the code has expired, send a new one.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl code verify chl_5n2k8q4w9x1c              # asks for the code; typing is not shown
  echo 123456 | acctl code verify chl_5n2k8q4w9x1c --code-stdin -o ndjson
  # keep the token for `acctl password set`, off the command line:
  answer=$(acctl code verify \"$CHALLENGE\" --code-stdin -o ndjson < code.txt)
  export ACCTL_VERIFICATION=$(jq -r .verification_token <<< \"$answer\")")]
pub struct VerifyArgs {
    /// The challenge ID that `acctl code send` printed (chl_…)
    #[arg(value_name = "CHALLENGE_ID")]
    challenge_id: String,

    /// Read the code from stdin (one line) instead of prompting
    #[arg(long)]
    code_stdin: bool,
}

/// What a verification gave: a token, or the channels still to verify.
#[derive(Clone, Serialize)]
pub(crate) struct Verification {
    /// `verified` or `more_required`.
    status: &'static str,
    challenge_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    verification_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", with = "time::serde::rfc3339::option")]
    token_expires_at: Option<OffsetDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining_channels: Option<Vec<Channel>>,
}

static FIELDS: &[Field<Verification>] = &[
    Field { name: "status", help: "verified or more_required", get: |v| Cell::Text(v.status.to_owned()) },
    Field {
        name: "challenge_id",
        help: "the challenge the code was for (chl_…)",
        get: |v| Cell::Text(v.challenge_id.clone()),
    },
    Field {
        name: "verification_token",
        help: "single use, for `acctl password set` (ACCTL_VERIFICATION)",
        get: |v| Cell::opt(v.verification_token.as_deref()),
    },
    Field {
        name: "token_expires_at",
        help: "the verification token stops working (10 minutes)",
        get: |v| Cell::time(v.token_expires_at),
    },
    Field {
        name: "remaining_channels",
        help: "MFA: channels still to verify",
        get: |v| Cell::channels(v.remaining_channels.as_deref().unwrap_or_default()),
    },
];

impl Record for Verification {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn card(&self) -> Vec<(String, String)> {
        match (&self.verification_token, &self.remaining_channels) {
            (Some(token), _) => vec![
                ("Status".into(), "verified".into()),
                ("Verification token".into(), token.clone()),
                ("Valid until".into(), self.token_expires_at.map_or_else(String::new, human_time)),
                ("Use".into(), "once, for `acctl password set` in `ACCTL_VERIFICATION`".into()),
            ],
            (None, remaining) => vec![
                ("Status".into(), "more required (MFA account)".into()),
                ("Still to verify".into(), channel_list(remaining.as_deref().unwrap_or_default())),
            ],
        }
    }
}

/// `email, sms`.
fn channel_list(channels: &[Channel]) -> String {
    channels.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

pub async fn run(args: VerifyArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let challenge_id = args.challenge_id.trim().to_owned();
    if challenge_id.is_empty() {
        return Err(CliError::usage("the challenge ID is empty").with_hint("use the ID that `acctl code send` printed"));
    }
    if !begin_change(settings, ui, &format!("Verify the code of `{challenge_id}`"))? {
        return Ok(ExitStatus::Success);
    }
    let input = SecretInput {
        what: "code",
        stdin_flag: "--code-stdin",
        prompt: "Code the customer reads back (typing is not shown): ",
    };
    let code = Code::parse(&ui.read_secret(input, args.code_stdin, settings.no_input)?)?;
    let step = Step::new(settings)?;
    let verified = recovery::verify_code(&step.client, &challenge_id, &code, step.change(settings)).await?;
    let status = verified.value.status_str();
    let record = match verified.value {
        VerifyResponse::Verified { verification_token, token_expires_at } => Verification {
            status,
            challenge_id,
            verification_token: Some(verification_token),
            token_expires_at: Some(token_expires_at),
            remaining_channels: None,
        },
        VerifyResponse::MoreRequired { remaining_channels } => Verification {
            status,
            challenge_id,
            verification_token: None,
            token_expires_at: None,
            remaining_channels: Some(remaining_channels),
        },
    };
    let remaining = record.remaining_channels.clone();
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&record)?;
    writer.finish()?;
    match remaining {
        None => ui.hint(
            "next: `ACCTL_VERIFICATION=TOKEN acctl password set IDENT --deliver` \
             (or pipe the token to `acctl password set IDENT --verification-stdin --deliver`)",
        ),
        Some(channels) => {
            let next = channels.first().map_or("sms", |c| c.as_str());
            ui.hint(format!(
                "this account has MFA: send a code on {} too (`acctl code send IDENT --channel {next}`) \
                 and verify it within 10 minutes",
                channel_list(&channels)
            ));
        }
    }
    Ok(ExitStatus::Success)
}
