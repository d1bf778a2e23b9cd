//! Verification codes: the channel, sending (and resending after the
//! cooldown), taking the code the customer reads out, and the second channel
//! of an MFA account. None of this changes the account; the rules are
//! [`recovery::code`]'s.

use acctl_api::{Account, Challenge, Channel, VerifyResponse};
use secrecy::SecretString;

use super::{Flow, Verification, clock_time, tries};
use crate::client::IdempotencyKey;
use crate::error::CliError;
use crate::output::sanitize::for_terminal;
use crate::recovery::{self, Code, Failure, RecoveryError};
use crate::ui::and_list;

impl Flow<'_> {
    pub(super) async fn verify(&mut self, account: &Account) -> Result<Verification, CliError> {
        let on_file = recovery::code::channels_for_reset(account)?;
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
                VerifyResponse::Verified { verification_token, .. } => {
                    return Ok(Verification {
                        token: SecretString::from(verification_token),
                        first,
                        channels: self.trail.verified.clone(),
                    });
                }
                VerifyResponse::MoreRequired { remaining_channels } => {
                    let next = remaining_channels
                        .iter()
                        .copied()
                        .find(|c| on_file.contains(c) && !self.trail.verified.contains(c))
                        .ok_or_else(|| {
                            CliError::from(RecoveryError::new(
                                Failure::NoContact,
                                format!(
                                    "the service wants a code on {} but account `{}` has no such contact on file",
                                    and_list(&remaining_channels.iter().map(|c| c.to_string()).collect::<Vec<_>>()),
                                    account.id
                                ),
                            ))
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
    pub(super) fn destination(&self, account: &Account, channel: Channel) -> String {
        format!("{} to {}", channel.in_words(), for_terminal(account.contact(channel).unwrap_or("?")))
    }

    /// Sends a code on `channel` and asks for it until it is right.
    async fn verify_channel(&mut self, account: &Account, channel: Channel) -> Result<VerifyResponse, CliError> {
        let mut challenge = self.send_code(account, channel, false).await?.ok_or_else(CliError::interrupted)?;
        loop {
            let prompt =
                format!("Code the customer reads out ({} left; r = send a new code)", tries(challenge.attempts_left));
            let typed = self.ui.text(&prompt)?;
            if typed.chars().all(|c| c.is_whitespace() || c == '-') {
                self.ui.say(self.ui.dim("Type the code the customer reads out, or r if it has not arrived."));
                continue;
            }
            if typed.trim().eq_ignore_ascii_case("r") {
                if let Some(newer) = self.send_code(account, channel, true).await? {
                    challenge = newer;
                }
                continue;
            }
            let code = match Code::parse(&SecretString::from(typed)) {
                Ok(code) => code,
                Err(e) => {
                    self.ui.bad(format!("{}; ask the customer to read it again.", capitalized_problem(&e)));
                    continue;
                }
            };
            let key = IdempotencyKey::random();
            let check = recovery::verify_code(self.client, &challenge.challenge_id, &code, self.change(&key));
            match self.ui.during("Checking the code…", check).await? {
                Ok(checked) => {
                    self.ui.ok(format!("Code verified ({}).", channel.in_words()));
                    self.trail.verified.push(channel);
                    return Ok(checked.value);
                }
                Err(e) => match e.failure().clone() {
                    Failure::WrongCode { attempts_left } => {
                        let left = attempts_left.unwrap_or_else(|| challenge.attempts_left.saturating_sub(1));
                        challenge.attempts_left = left;
                        if left == 0 {
                            return Err(used_up(account, e));
                        }
                        self.ui.bad(format!("That code is not right: {} left.", tries(left)));
                    }
                    Failure::CodeExpired => {
                        self.ui.bad("That code has expired (codes last 10 minutes): type r to send a new one.");
                    }
                    Failure::CodeUsedUp => return Err(used_up(account, e)),
                    _ => return Err(reworded(e, "the code could not be checked", None)),
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
    ) -> Result<Option<Challenge>, CliError> {
        let to = self.destination(account, channel);
        loop {
            let key = IdempotencyKey::random();
            self.trail.in_flight = Some(format!("a code by {to} may have gone out (it was on its way)"));
            let send = recovery::send_code(self.client, account, Some(channel), self.change(&key));
            let sent = self.ui.during("Sending the code…", send).await?;
            self.trail.in_flight = None;
            match sent {
                Ok(sent) => {
                    let challenge = sent.value;
                    self.trail.codes_sent.push(format!("a code went by {to}"));
                    let what = if resend { "A new code" } else { "A code" };
                    self.ui.ok(format!(
                        "{what} went by {} to {}; it works until {}.",
                        challenge.channel.in_words(),
                        for_terminal(&challenge.destination),
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
                Err(e) => {
                    let Failure::RateLimited { retry_after } = *e.failure() else {
                        return Err(reworded(e, "no code was sent; nothing changed", None));
                    };
                    let secs = retry_after.unwrap_or(60);
                    if resend {
                        self.ui.bad(format!(
                            "A new code can be sent in {secs} s (one a minute per contact); the last code still works."
                        ));
                        return Ok(None);
                    }
                    if secs > 120 {
                        let hint = format!("try again in {} minutes", secs.div_ceil(60));
                        let message = format!("no code was sent: too many codes for `{}` lately", account.id);
                        return Err(reworded(e, &message, Some(hint)));
                    }
                    self.ui.say(format!("A code went to this contact moments ago; a new one can be sent in {secs} s."));
                    self.ui.wait("Waiting to send the code", secs).await?;
                }
            }
        }
    }
}

/// The service's error under the wizard's own message (and hint, if any):
/// the wizard's next steps are not the scripted steps'.
fn reworded(e: RecoveryError, message: &str, hint: Option<String>) -> CliError {
    CliError::from(e.reworded(message, hint))
}

fn used_up(account: &Account, e: RecoveryError) -> CliError {
    reworded(
        e,
        "no tries left on this code: the password was not changed",
        Some(format!(
            "a new code on this channel can be sent once this one would have expired (10 minutes); then run `acctl reset {}` again",
            account.id
        )),
    )
}

/// "A code is digits only" from "a code is digits only; nothing was sent, …".
fn capitalized_problem(e: &RecoveryError) -> String {
    let text = e.to_string();
    let problem = text.split(';').next().unwrap_or(&text);
    let mut chars = problem.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
