//! The new password: a temporary one delivered to the customer, or one the
//! customer types (hidden, twice); the summary and confirmation; the change
//! itself, the only request that alters the account.

use acctl_api::{Account, ErrorCode, PasswordChange, PasswordMode, PasswordRequest};
use secrecy::{ExposeSecret, SecretString};

use super::ui::and_list;
use super::{Flow, NewPassword, Verification, account_label};
use crate::client::{ApiError, IdempotencyKey};
use crate::error::CliError;
use crate::output::sanitize::for_terminal;

impl Flow<'_> {
    pub(super) fn choose_password(
        &self,
        account: &Account,
        verification: &Verification,
    ) -> Result<NewPassword, CliError> {
        self.ui.say(self.ui.dim(format!(
            "A temporary password goes by {}; only the customer sees it.",
            self.destination(account, verification.first)
        )));
        let items = [
            "Send the customer a temporary password (recommended)".to_owned(),
            "The customer types a new password here (walk-in desk)".to_owned(),
        ];
        match self.ui.select("How does the customer get a new password?", &items, 0)? {
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

    pub(super) fn confirm(
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
                "  • a temporary password goes by {} (to be changed at the next sign-in)",
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
    pub(super) async fn set_password(
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
