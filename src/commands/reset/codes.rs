//! Verification codes: the channel, sending (and resending after the
//! cooldown), taking the code the customer reads out, and the second channel
//! of an MFA account. None of this changes the account.

use acctl_api::{Account, Channel, ErrorCode};
use secrecy::SecretString;

use super::ui::and_list;
use super::{Flow, Verification, channel_name, channels_on_file, clock_time, tries};
use crate::client::retry::RetryPolicy;
use crate::client::{ApiError, IdempotencyKey};
use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;

impl Flow<'_> {
    pub(super) async fn verify(&mut self, account: &Account) -> Result<Verification, CliError> {
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
    pub(super) fn destination(&self, account: &Account, channel: Channel) -> String {
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
}

fn used_up(account: &Account, e: ApiError) -> CliError {
    CliError::from(e)
        .with_context("no tries left on this code: the password was not changed")
        .with_hint(format!(
            "a new code on this channel can be sent once this one would have expired (10 minutes); then run `acctl reset {}` again",
            account.id
        ))
}
