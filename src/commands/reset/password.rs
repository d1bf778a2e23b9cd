//! The new password: a temporary one delivered to the customer, or one the
//! customer types (hidden, twice); the summary and confirmation; the change
//! itself, the only request that alters the account.

use acctl_api::Account;
use secrecy::{ExposeSecret, SecretString};

use super::{Flow, NewPassword, Verification, account_label};
use crate::client::IdempotencyKey;
use crate::error::CliError;
use crate::output::sanitize::for_terminal;
use crate::recovery::password::{TooWeak, min_chars, precheck};
use crate::recovery::{self, Authority, Failure, PasswordSet, RecoveryError};
use crate::ui::and_list;

impl Flow<'_> {
    pub(super) fn choose_password(
        &self,
        account: &Account,
        verification: &Verification,
    ) -> Result<NewPassword, CliError> {
        let items = [
            "Send the customer a temporary password (recommended)".to_owned(),
            "The customer types a new password here (walk-in desk)".to_owned(),
        ];
        match self.ui.select("How does the customer get a new password?", &items, 0)? {
            // The temporary password goes where the first code went.
            0 => {
                self.ui.say(self.ui.dim(format!(
                    "The temporary password will go by {}; only the customer sees it.",
                    self.destination(account, verification.first)
                )));
                Ok(NewPassword::Deliver { channel: Some(verification.first) })
            }
            _ => Ok(NewPassword::CustomerChosen(self.ask_new_password(account)?)),
        }
    }

    /// Hidden, twice; what needs no request is checked here
    /// ([`recovery::password::precheck`]), the rest of the policy by the service.
    fn ask_new_password(&self, account: &Account) -> Result<SecretString, CliError> {
        let min = min_chars(account);
        self.ui.say(self.ui.dim(format!(
            "Let the customer type it: nothing typed is shown. At least {min} characters; a few unrelated words make a good one."
        )));
        loop {
            let first = self.ui.secret("New password")?;
            match precheck(account, &first) {
                Ok(()) => {}
                Err(TooWeak::Empty) => {
                    self.ui.bad("Nothing was typed. Type the new password.");
                    continue;
                }
                Err(TooWeak::TooShort { min }) => {
                    self.ui.bad(format!("Too short: at least {min} characters. Type a longer one."));
                    continue;
                }
                Err(TooWeak::TooLong { max }) => {
                    self.ui.bad(format!("Too long: at most {max} characters."));
                    continue;
                }
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
            NewPassword::Deliver { .. } => self.ui.say(format!(
                "  • a temporary password goes by {} (to be changed at the next sign-in)",
                self.destination(account, verification.first)
            )),
            NewPassword::CustomerChosen(_) => self.ui.say("  • the password the customer typed becomes their password"),
        }
        self.ui.say("  • the customer is signed out everywhere");
        self.ui.say("  • the customer is told about the change on every contact on file");
        self.ui.say(format!("  • in the audit log with {}", self.audit_summary()));
        self.ui.confirm("Reset the password now?", false)
    }

    /// The one change. It runs to the end once sent, so its outcome is known;
    /// a policy rejection asks the customer again (the verification holds).
    pub(super) async fn set_password(
        &mut self,
        account: &Account,
        verification: &Verification,
        mut password: NewPassword,
    ) -> Result<PasswordSet, CliError> {
        let authority = Authority::Verified(verification.token.clone());
        loop {
            let key = IdempotencyKey::random();
            let set = recovery::set_password(self.client, account, &password, &authority, true, self.change(&key));
            match self.ui.finishing("Resetting the password…", set).await {
                Ok(set) => return Ok(set),
                Err(e) => match e.failure() {
                    Failure::PasswordPolicy { violations } if matches!(password, NewPassword::CustomerChosen(_)) => {
                        self.ui.bad("The service refused that password; nothing changed. It:");
                        for v in violations {
                            self.ui.say(format!("  • {}", for_terminal(&v.detail)));
                        }
                        self.ui.say("Ask the customer for another one.");
                        password = NewPassword::CustomerChosen(self.ask_new_password(account)?);
                    }
                    _ => return Err(change_failed(account, e)),
                },
            }
        }
    }
}

/// The change failed: say whether the account changed, and what to do.
fn change_failed(account: &Account, e: RecoveryError) -> CliError {
    use crate::client::ApiError;
    let answered = matches!(e.api(), Some(ApiError::Problem { .. } | ApiError::Http { .. }));
    let message = if answered {
        "the password was not changed".to_owned()
    } else {
        format!(
            "it is not known whether the password was changed: `acctl lookup {}` shows when it last changed",
            account.id
        )
    };
    let hint = (*e.failure() == Failure::VerificationInvalid).then(|| {
        format!("the verification lasts 10 minutes after the code is checked; run `acctl reset {}` again", account.id)
    });
    CliError::from(e.reworded(message, hint))
}
