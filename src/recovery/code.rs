//! Verification codes: which contacts a reset verifies, sending a code to a
//! contact on file, and checking the code the customer reads back. None of
//! this changes the account; a verified code (two, on an MFA account) yields
//! the single-use token a password change needs.

use std::time::Duration;

use acctl_api::{Account, Challenge, Channel, VerifyResponse};
use secrecy::{ExposeSecret, SecretString};

use super::error::{Failure, RecoveryError, channel_list, with_account_state};
use super::{Change, Effect, Outcome};
use crate::client::ApiClient;
use crate::client::retry::RetryPolicy;

/// The fewest and most digits a code has.
pub const CODE_DIGITS: std::ops::RangeInclusive<usize> = 6..=12;

const SEND_AGAIN: &str = "send a new code with `acctl code send IDENT` and verify that one";

/// The rule: a reset needs a code verified on a contact on file, and an
/// account with MFA needs one on each of two. Returns the contacts a code can
/// go to, email first, or why this account cannot be verified at all.
pub fn channels_for_reset(account: &Account) -> Result<Vec<Channel>, RecoveryError> {
    let on_file = account.channels_on_file();
    let id = &account.id;
    if on_file.is_empty() {
        return Err(no_contact(account));
    }
    if account.mfa && on_file.len() < 2 {
        return Err(RecoveryError::new(
            Failure::NoContact,
            format!("account `{id}` has MFA but only one contact on file: a reset needs a code on each of two"),
        )
        .with_hint("nothing was sent; an SRE can reset it without codes (`acctl password set --force`)"));
    }
    Ok(on_file)
}

fn no_contact(account: &Account) -> RecoveryError {
    RecoveryError::new(
        Failure::NoContact,
        format!("account `{}` has no email or phone on file: there is nowhere to send a code", account.id),
    )
    .with_hint("nothing was sent; an SRE can reset it without a code (`acctl password set --force`)")
}

/// A code as the customer reads it out: spaces and dashes (read in groups)
/// are dropped; anything but [`CODE_DIGITS`] digits is refused before it is
/// sent, so a typo does not use up one of the tries.
pub struct Code(SecretString);

impl Code {
    pub fn parse(typed: &SecretString) -> Result<Code, RecoveryError> {
        let digits: String = typed.expose_secret().chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        let digits = SecretString::from(digits);
        let d = digits.expose_secret();
        let problem = if !d.chars().all(|c| c.is_ascii_digit()) {
            Some("a code is digits only")
        } else if d.len() < *CODE_DIGITS.start() {
            Some("a code has at least 6 digits")
        } else if d.len() > *CODE_DIGITS.end() {
            Some("a code has at most 12 digits")
        } else {
            None
        };
        match problem {
            Some(p) => {
                Err(RecoveryError::new(Failure::InvalidInput, format!("{p}; nothing was sent, no try was used"))
                    .with_hint("ask the customer to read the code again"))
            }
            None => Ok(Code(digits)),
        }
    }
}

/// Sends a code to the contact on file for `channel` (default: the email on
/// file, else the phone). Codes go only to contacts on file. A resend on the same channel replaces the code
/// and keeps its count of wrong tries.
pub async fn send_code(
    client: &ApiClient,
    account: &Account,
    channel: Option<Channel>,
    change: Change<'_>,
) -> Result<Outcome<Challenge>, RecoveryError> {
    let on_file = account.channels_on_file();
    let channel = match channel {
        Some(c) => c,
        None => *on_file.first().ok_or_else(|| no_contact(account))?,
    };
    // A resend during the cooldown answers 429 with up to a minute to wait:
    // the person should hear at once rather than wait silently (and see the
    // code the customer may already have superseded).
    let client = client.clone().with_retry(RetryPolicy { budget: Duration::from_secs(5), ..RetryPolicy::default() });
    match client.create_challenge(&account.id, channel, change).await {
        Ok(answer) => Ok(Outcome { value: answer.value, effect: Effect::Done, request_id: answer.request_id }),
        Err(e) => Err(send_error(RecoveryError::service(e), account, channel, &on_file)),
    }
}

fn send_error(e: RecoveryError, account: &Account, channel: Channel, on_file: &[Channel]) -> RecoveryError {
    match e.failure() {
        Failure::ChannelUnavailable => {
            let hint = match on_file.first() {
                Some(other) => format!(
                    "codes go only to contacts on file; this account has {}: `acctl code send {} --channel {other}`",
                    channel_list(on_file, " and "),
                    account.id
                ),
                None => "codes go only to contacts on file, and this account has none".to_owned(),
            };
            e.with_message(format!("account {} has no {channel} contact on file", account.label())).with_hint(hint)
        }
        Failure::Locked | Failure::Disabled => with_account_state(e, account, "no code was sent"),
        Failure::RateLimited { .. } => e.with_message("no new code was sent").with_hint(
            "a code sent earlier stays valid until it expires: ask the customer to check their inbox or messages",
        ),
        _ => e,
    }
}

/// Checks the code the customer read back against `challenge_id`.
pub async fn verify_code(
    client: &ApiClient,
    challenge_id: &str,
    code: &Code,
    change: Change<'_>,
) -> Result<Outcome<VerifyResponse>, RecoveryError> {
    let challenge_id = challenge_id.trim();
    if challenge_id.is_empty() {
        return Err(RecoveryError::new(Failure::InvalidInput, "the challenge ID is empty")
            .with_hint("use the ID that `acctl code send` printed"));
    }
    match client.verify_challenge(challenge_id, &code.0, change).await {
        Ok(answer) => Ok(Outcome { value: answer.value, effect: Effect::Done, request_id: answer.request_id }),
        Err(e) => Err(verify_error(RecoveryError::service(e), challenge_id)),
    }
}

fn verify_error(e: RecoveryError, challenge_id: &str) -> RecoveryError {
    let read_again = format!("ask the customer to read the code again, then `acctl code verify {challenge_id}`");
    match e.failure().clone() {
        Failure::WrongCode { attempts_left: Some(0) } => e
            .with_message("wrong code, and that was the last try: this code can no longer be used")
            .with_hint(SEND_AGAIN),
        Failure::WrongCode { attempts_left: Some(n) } => e
            .with_message(format!("wrong code: {n} {} left", if n == 1 { "try" } else { "tries" }))
            .with_hint(read_again),
        Failure::WrongCode { attempts_left: None } => e.with_message("wrong code").with_hint(read_again),
        Failure::CodeExpired => e
            .with_message("this code can no longer be used")
            .with_hint(format!("{SEND_AGAIN} (if one was sent since, verify that one)")),
        Failure::CodeUsedUp => e.with_message("this code can no longer be used").with_hint(SEND_AGAIN),
        Failure::ChallengeNotFound => e
            .with_message(format!("there is no challenge `{challenge_id}`"))
            .with_hint("use the challenge ID that `acctl code send` printed (chl_…)"),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Result<String, String> {
        Code::parse(&SecretString::from(s.to_owned()))
            .map(|c| c.0.expose_secret().to_owned())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn codes_read_in_groups_are_accepted_and_typos_refused_before_sending() {
        assert_eq!(code(" 123 456\n").unwrap(), "123456");
        assert_eq!(code("123-456").unwrap(), "123456");
        assert!(code("12345").unwrap_err().contains("at least 6 digits"));
        assert!(code("1234567890123").unwrap_err().contains("at most 12 digits"));
        assert!(code("12345O").unwrap_err().contains("digits only"));
        assert!(!code("98765x").unwrap_err().contains("98765"), "the code is never echoed");
    }

    fn account(email: bool, phone: bool, mfa: bool) -> Account {
        serde_json::from_value(serde_json::json!({
            "id": "acc_x", "email": email.then_some("a***@example.com"), "phone": phone.then_some("+86 *** 8000"),
            "display_name": "X", "status": "active", "email_verified": true, "phone_verified": true, "mfa": mfa,
            "created_at": "2026-01-01T00:00:00Z", "last_login_at": null, "password_changed_at": null,
            "must_change_password": false, "devices": []
        }))
        .unwrap()
    }

    #[test]
    fn a_reset_verifies_a_contact_on_file_and_mfa_needs_two() {
        assert_eq!(channels_for_reset(&account(true, true, false)).unwrap(), [Channel::Email, Channel::Sms]);
        assert_eq!(channels_for_reset(&account(false, true, false)).unwrap(), [Channel::Sms]);
        let none = channels_for_reset(&account(false, false, false)).unwrap_err();
        assert_eq!((none.failure(), none.to_string().contains("nowhere to send a code")), (&Failure::NoContact, true));
        let mfa = channels_for_reset(&account(true, false, true)).unwrap_err();
        assert!(mfa.to_string().contains("a code on each of two"), "{mfa}");
    }
}
