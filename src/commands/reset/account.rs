//! Finding the customer's account: identifier, lookup, the account card
//! ([`Flow::show_card`], where the wizard prints it), and "is this the
//! customer's account?". Nothing is sent before the agent says yes.

use acctl_api::Account;

use super::Flow;
use crate::error::{CliError, ExitStatus};
use crate::lookup::LookupRecord;
use crate::output::Record;
use crate::output::sanitize::for_terminal;
use crate::recovery::{self, Failure};

impl Flow<'_> {
    /// The account the agent confirmed, or `None` when they stopped after
    /// declining one; stopping after a search that matched nothing is exit 3.
    pub(super) async fn choose_account(&mut self, mut given: Option<String>) -> Result<Option<Account>, CliError> {
        let mut may_stop = false;
        let mut unmatched: Option<String> = None;
        loop {
            let input = match given.take() {
                Some(input) => input,
                None => {
                    let suggested = self.customer.and_then(|c| c.caller_identifier()).filter(|_| !may_stop);
                    let prompt = match suggested {
                        _ if may_stop => "Another email, phone number or account ID (Enter to stop)".to_owned(),
                        Some(caller) => format!("Customer's email, phone number or account ID (Enter: {caller})"),
                        None => "Customer's email, phone number or account ID".to_owned(),
                    };
                    let typed = self.ui.text(&prompt)?;
                    if let (true, Some(caller)) = (typed.trim().is_empty(), suggested) {
                        given = Some(caller.to_owned());
                        continue;
                    }
                    if typed.trim().is_empty() {
                        if let Some(input) = unmatched {
                            return Err(CliError::new(
                                ExitStatus::NotFound,
                                anyhow::anyhow!("no account matches `{input}`; stopped: nothing was sent"),
                            ));
                        }
                        if may_stop {
                            return Ok(None);
                        }
                        self.ui.say(self.ui.dim(
                            "Type what the customer gives you: an email, a phone number (with its country code) or an account ID (acc_…).",
                        ));
                        continue;
                    }
                    typed
                }
            };
            let input = input.trim().to_owned();
            let ident = match acctl_api::Identifier::parse(&input, self.settings.profile.region.as_deref()) {
                Ok(ident) => ident,
                Err(e) => {
                    self.ui.bad(for_terminal(&format!("{e}")));
                    continue;
                }
            };
            let find = recovery::find_account(self.client, &input, &ident, self.settings.reveal);
            let found = self.ui.during("Looking up the account…", find).await?;
            may_stop = true;
            unmatched = None;
            let account = match found {
                Ok(account) => account,
                Err(e) if *e.failure() == Failure::NotFound => {
                    unmatched = Some(input.clone());
                    self.ui.bad(format!("No account matches `{}`.", for_terminal(&input)));
                    self.ui.say(self.ui.dim("Check the spelling; a phone number needs its country code."));
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            self.show_card(&account);
            if let Err(e) = recovery::ensure_recoverable(&account) {
                let Some(note) = self.customer.and_then(|c| c.another_account()) else { return Err(e.into()) };
                self.ui.bad(for_terminal(&format!("{}.", capitalised(&e.to_string()))));
                self.ui.say(self.ui.dim(note));
                continue;
            }
            if self.ui.confirm("Is this the customer's account?", false)? {
                return Ok(Some(account));
            }
            self.ui.say("Nothing was sent.");
        }
    }

    /// The account card, as `acctl lookup` shows one account (masked).
    fn show_card(&self, account: &Account) {
        let lines = LookupRecord::found(String::new(), account.clone()).card();
        let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        self.ui.say("");
        for (key, value) in lines {
            let indent = format!("\n  {:width$}  ", "");
            let value = value.split('\n').map(|l| for_terminal(l).into_owned()).collect::<Vec<_>>().join(&indent);
            self.ui.say(format!("  {}  {value}", self.ui.dim(format!("{key:<width$}"))));
        }
        self.ui.say("");
    }
}

/// `Account …` for a message that starts a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
