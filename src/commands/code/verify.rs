//! `acctl code verify CHALLENGE_ID [--code-stdin]`

use acctl_api::{Channel, ErrorCode, VerifyResponse};
use clap::Args;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use time::OffsetDateTime;

use crate::client::{ApiError, IdempotencyKey};
use crate::commands::signed_in_client;
use crate::commands::steps_common::{SecretInput, begin_mutation};
use crate::error::{CliError, ExitStatus};
use crate::output::record::human_time;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::printer::Printer;
use crate::settings::Settings;

const SEND_AGAIN: &str = "send a new code with `acctl code send IDENT` and verify that one";

/// Verify the code the customer reads back.
///
/// The code comes from a hidden prompt on a terminal, or from stdin with
/// --code-stdin (one line); never from the command line. On success prints a
/// single-use verification token for `acctl password set --verification`,
/// valid for 10 minutes; for an account with MFA whose first channel this
/// was, prints `more_required` and the channel still to verify (exit 0). A
/// wrong code exits 5 and says how many tries are left; after 5 wrong codes,
/// or once the code has expired, send a new one.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl code verify chl_5n2k8q4w9x1c              # asks for the code; typing is not shown
  echo 123456 | acctl code verify chl_5n2k8q4w9x1c --code-stdin -o ndjson
  export ACCTL_VERIFICATION=$(acctl code verify \"$CHALLENGE\" --code-stdin -o ndjson < code.txt | jq -r .verification_token)")]
pub struct VerifyArgs {
    /// The challenge ID that `acctl code send` printed (chl_…)
    #[arg(value_name = "CHALLENGE_ID")]
    challenge_id: String,

    /// Read the code from stdin (one line) instead of prompting
    #[arg(long)]
    code_stdin: bool,

    /// Do not ask for confirmation on a protected profile
    #[arg(long)]
    yes: bool,
}

/// What a verification gave: a token, or the channels still to verify.
#[derive(Clone, Serialize)]
struct Verification {
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
    Field { name: "challenge_id", help: "", get: |v| Cell::Text(v.challenge_id.clone()) },
    Field {
        name: "verification_token",
        help: "single use, for `acctl password set --verification`",
        get: |v| Cell::opt(v.verification_token.as_deref()),
    },
    Field { name: "token_expires_at", help: "", get: |v| Cell::time(v.token_expires_at) },
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
                ("Use".into(), "once, for `acctl password set --verification`".into()),
            ],
            (None, remaining) => vec![
                ("Status".into(), "more required (MFA account)".into()),
                ("Still to verify".into(), channel_list(remaining.as_deref().unwrap_or_default())),
            ],
        }
    }
}

fn channel_list(channels: &[Channel]) -> String {
    channels.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

pub async fn run(args: VerifyArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    let challenge_id = args.challenge_id.trim().to_owned();
    if challenge_id.is_empty() {
        return Err(CliError::usage("the challenge ID is empty").with_hint("use the ID that `acctl code send` printed"));
    }
    begin_mutation(settings, printer, args.yes, &format!("Verify the code of `{challenge_id}`"))?;
    let input = SecretInput {
        what: "code",
        stdin_flag: "--code-stdin",
        prompt: "Code the customer reads back (typing is not shown): ",
    };
    let code = normalize_code(&input.read(args.code_stdin, settings, printer)?)?;
    let (client, _) = signed_in_client(settings)?;
    let answer = client
        .verify_challenge(&challenge_id, &code, &IdempotencyKey::random())
        .await
        .map_err(|e| verify_error(e, &challenge_id))?;
    let record = match answer {
        VerifyResponse::Verified { verification_token, token_expires_at } => Verification {
            status: "verified",
            challenge_id,
            verification_token: Some(verification_token),
            token_expires_at: Some(token_expires_at),
            remaining_channels: None,
        },
        VerifyResponse::MoreRequired { remaining_channels } => Verification {
            status: "more_required",
            challenge_id,
            verification_token: None,
            token_expires_at: None,
            remaining_channels: Some(remaining_channels),
        },
    };
    let remaining = record.remaining_channels.clone();
    let mut writer = RecordWriter::new(&settings.output, Shape::One, printer)?;
    writer.write(&record)?;
    writer.finish()?;
    match remaining {
        None => printer.hint(
            "next: `acctl password set IDENT --deliver --verification TOKEN` \
             (or put the token in `ACCTL_VERIFICATION` to keep it off the command line)",
        ),
        Some(channels) => {
            let next = channels.first().map_or("sms", |c| c.as_str());
            printer.hint(format!(
                "this account has MFA: send a code on {} too (`acctl code send IDENT --channel {next}`) \
                 and verify it within 10 minutes",
                channel_list(&channels)
            ));
        }
    }
    Ok(ExitStatus::Success)
}

/// Codes are read aloud in groups: spaces and dashes are dropped. Anything
/// but digits is refused here, so a typo does not use up one of the tries.
fn normalize_code(code: &SecretString) -> Result<SecretString, CliError> {
    let digits: String = code.expose_secret().chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let digits = SecretString::from(digits);
    let d = digits.expose_secret();
    if !d.chars().all(|c| c.is_ascii_digit()) {
        return Err(CliError::usage("a code is digits only; nothing was sent, no try was used")
            .with_hint("ask the customer to read the code again"));
    }
    if d.len() < 6 {
        return Err(CliError::usage("a code has at least 6 digits; nothing was sent, no try was used")
            .with_hint("ask the customer to read the code again"));
    }
    Ok(digits)
}

fn verify_error(e: ApiError, challenge_id: &str) -> CliError {
    let code = e.code();
    let attempts_left = e.problem().and_then(|p| p.attempts_left);
    let err = CliError::from(e);
    match code {
        Some(ErrorCode::InvalidCode) => match attempts_left {
            Some(0) => err
                .with_context("wrong code, and that was the last try: this code can no longer be used")
                .with_hint(SEND_AGAIN),
            Some(n) => err
                .with_context(format!("wrong code: {n} {} left", if n == 1 { "try" } else { "tries" }))
                .with_hint(format!("ask the customer to read the code again, then `acctl code verify {challenge_id}`")),
            None => err
                .with_context("wrong code")
                .with_hint(format!("ask the customer to read the code again, then `acctl code verify {challenge_id}`")),
        },
        Some(ErrorCode::ChallengeExpired) => err
            .with_context("this code can no longer be used")
            .with_hint(format!("{SEND_AGAIN} (if one was sent since, verify that one)")),
        Some(ErrorCode::ChallengeUsedUp) => err.with_context("this code can no longer be used").with_hint(SEND_AGAIN),
        Some(ErrorCode::ChallengeNotFound) => err
            .with_context(format!("there is no challenge `{challenge_id}`"))
            .with_hint("use the challenge ID that `acctl code send` printed (chl_…)"),
        _ => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_groups_are_accepted_and_typos_refused_before_sending() {
        let ok = |s: &str| normalize_code(&SecretString::from(s.to_owned())).map(|c| c.expose_secret().to_owned());
        assert_eq!(ok(" 123 456\n").unwrap(), "123456");
        assert_eq!(ok("123-456").unwrap(), "123456");
        assert!(ok("12345").is_err());
        assert!(ok("12345O").unwrap_err().to_string().contains("digits only"));
        assert!(!ok("98765x").unwrap_err().to_string().contains("98765"), "the code is never echoed");
    }
}
