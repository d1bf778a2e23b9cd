//! The questions a command asks on stderr, the lines of a conversation, the
//! spinners while it waits, and Ctrl-C.
//!
//! How Ctrl-C is handled, and why:
//!
//! * A command that converses (the wizard) calls [`Ui::take_over_ctrl_c`]
//!   before its first prompt. From then on Ctrl-C does not kill the process
//!   (which would leave the cursor hidden or echo off); it sets a flag that
//!   every prompt and wait checks.
//! * During a network call the flag ends the call at once ([`Ui::during`]).
//! * At a dialoguer prompt the terminal is in raw mode, so Ctrl-C arrives as a
//!   key: `console` restores the terminal, raises SIGINT (our listener sees
//!   it) and the prompt fails with `ErrorKind::Interrupted`.
//! * Hidden input is read key by key in raw mode ([`Term::read_key_raw`]), so
//!   Ctrl-C is a key there too, and echo comes back with the key read.
//!   (dialoguer's `Password` reads a cooked line with echo off: a SIGINT that
//!   is handled rather than fatal would not end that read.)
//!
//! Prompts block; they run through [`blocking`] so the runtime's other tasks
//! (an in-process sandbox service, in the demo) keep running.

use std::future::Future;
use std::time::Duration;

use dialoguer::console::style;
use dialoguer::theme::Theme;
use dialoguer::{Confirm, Input, Select};
use secrecy::SecretString;
use tokio::sync::watch;

use super::Ui;
use crate::error::CliError;

impl Ui {
    /// Takes over Ctrl-C for the rest of the process (see the module doc).
    pub fn take_over_ctrl_c(&self) -> Result<(), CliError> {
        if self.interrupts.get().is_none() {
            let _ = self.interrupts.set(listen_for_interrupts()?);
        }
        Ok(())
    }

    pub fn interrupted(&self) -> bool {
        self.interrupts.get().is_some_and(|rx| *rx.borrow())
    }

    fn check(&self) -> Result<(), CliError> {
        if self.interrupted() { Err(CliError::interrupted()) } else { Ok(()) }
    }

    /// Puts the terminal back as it was: a prompt cut short by Ctrl-C leaves
    /// the cursor hidden.
    pub fn restore(&self) {
        let _ = self.term.show_cursor();
    }

    // --- a conversation -------------------------------------------------------

    /// A line of the conversation. Not a notice: `--quiet` does not hide it,
    /// since the person cannot answer the next question without it.
    pub fn say(&self, text: impl AsRef<str>) {
        let _ = self.term.write_line(text.as_ref());
    }

    pub fn ok(&self, text: impl AsRef<str>) {
        self.say(format!("{} {}", style("✔").for_stderr().green(), text.as_ref()));
    }

    pub fn bad(&self, text: impl AsRef<str>) {
        self.say(format!("{} {}", style("✘").for_stderr().red(), text.as_ref()));
    }

    pub fn heading(&self, text: impl AsRef<str>) {
        self.say(format!("{}", style(text.as_ref()).for_stderr().bold()));
    }

    /// A banner that must not be missed (a protected profile).
    pub fn alarm(&self, text: impl AsRef<str>) {
        self.say(format!("{}", style(text.as_ref()).for_stderr().red().bold()));
    }

    pub fn dim(&self, text: impl AsRef<str>) -> String {
        format!("{}", style(text.as_ref()).for_stderr().dim())
    }

    // --- questions --------------------------------------------------------------

    /// One line of visible text; empty is allowed (the caller decides what it means).
    pub fn text(&self, prompt: &str) -> Result<String, CliError> {
        self.check()?;
        let answer = blocking(|| {
            Input::<String>::with_theme(&self.theme)
                .with_prompt(prompt)
                .allow_empty(true)
                .report(true)
                .interact_text_on(&self.term)
        });
        self.answered(answer)
    }

    /// Yes or no; y/n then Enter, and Enter alone takes `default`.
    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool, CliError> {
        self.check()?;
        let answer = blocking(|| {
            Confirm::with_theme(&self.theme)
                .with_prompt(prompt)
                .default(default)
                .show_default(true)
                // `y` alone must not answer: the Enter after it would fall
                // through to the next question.
                .wait_for_newline(true)
                .report(true)
                .interact_on(&self.term)
        });
        self.answered(answer)
    }

    /// The one question of a single change (a protected profile): `y` or `n`
    /// answers at once, anything else is no. `Ok(false)` is "cancelled".
    pub fn confirm_change(&self, prompt: &str) -> Result<bool, CliError> {
        self.check()?;
        let answer = blocking(|| Confirm::new().with_prompt(prompt).default(false).interact_on(&self.term));
        match answer {
            Ok(yes) => Ok(yes),
            Err(e) => {
                self.restore();
                Err(CliError::unexpected(anyhow::Error::new(e).context("cannot ask for confirmation")))
            }
        }
    }

    /// One of `items`; Enter takes `default`.
    pub fn select(&self, prompt: &str, items: &[String], default: usize) -> Result<usize, CliError> {
        self.check()?;
        let answer = blocking(|| {
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(items)
                .default(default)
                .report(true)
                .interact_on(&self.term)
        });
        self.answered(answer)
    }

    /// A line that is never shown, in the conversation's style: raw mode,
    /// key by key, nothing echoed.
    pub fn secret(&self, prompt: &str) -> Result<SecretString, CliError> {
        self.check()?;
        if !self.term.is_term() {
            return Err(CliError::usage("hidden input needs a terminal"));
        }
        let mut rendered = String::new();
        let _ = self.theme.format_password_prompt(&mut rendered, prompt);
        self.term.write_str(&rendered).map_err(CliError::from)?;
        let line = blocking(|| super::secret::read_hidden_line(&self.term));
        let _ = self.term.clear_line();
        match line {
            Ok(Some(line)) => {
                let mut done = String::new();
                let _ = self.theme.format_password_prompt_selection(&mut done, prompt);
                self.say(done);
                self.check()?;
                Ok(line)
            }
            Ok(None) => {
                self.say("");
                Err(CliError::interrupted())
            }
            Err(e) => Err(CliError::from(e)),
        }
    }

    fn answered<T>(&self, answer: dialoguer::Result<T>) -> Result<T, CliError> {
        match answer {
            Ok(value) => {
                // A SIGINT from outside (`kill -INT`) during the prompt counts too.
                self.check()?;
                Ok(value)
            }
            Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
                self.restore();
                Err(CliError::interrupted())
            }
            Err(dialoguer::Error::IO(e)) => {
                self.restore();
                Err(CliError::unexpected(anyhow::Error::new(e).context("cannot read the answer from the terminal")))
            }
        }
    }

    // --- waiting ------------------------------------------------------------------

    /// Runs `work` with a spinner; Ctrl-C drops it and stops the command.
    pub async fn during<F: Future>(&self, what: &str, work: F) -> Result<F::Output, CliError> {
        self.check()?;
        let spinner = self.spinner(what);
        let outcome = match self.interrupts.get() {
            Some(rx) => {
                let mut interrupts = rx.clone();
                tokio::select! {
                    out = work => Ok(out),
                    _ = wait_for_interrupt(&mut interrupts) => Err(CliError::interrupted()),
                }
            }
            None => Ok(work.await),
        };
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        outcome
    }

    /// Runs `work` to the end with a spinner, whatever Ctrl-C says: for the
    /// one request that changes the account, whose outcome must be reported.
    pub async fn finishing<F: Future>(&self, what: &str, work: F) -> F::Output {
        let spinner = self.spinner(what);
        let out = work.await;
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        out
    }

    /// Waits `secs` seconds with a countdown; Ctrl-C stops the command.
    pub async fn wait(&self, what: &str, secs: u64) -> Result<(), CliError> {
        let spinner = self.spinner(what);
        let countdown = async {
            for left in (1..=secs).rev() {
                if let Some(s) = &spinner {
                    s.set_message(format!("{what}: {left} s (Ctrl-C stops)"));
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        };
        let outcome = match self.interrupts.get() {
            Some(rx) => {
                let mut interrupts = rx.clone();
                tokio::select! {
                    _ = countdown => Ok(()),
                    _ = wait_for_interrupt(&mut interrupts) => Err(CliError::interrupted()),
                }
            }
            None => {
                countdown.await;
                Ok(())
            }
        };
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        outcome
    }
}

/// Runs a blocking prompt without stalling the runtime's worker threads.
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => tokio::task::block_in_place(f),
        _ => f(),
    }
}

async fn wait_for_interrupt(rx: &mut watch::Receiver<bool>) {
    if rx.wait_for(|hit| *hit).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Installs the SIGINT handler now (not when a future is first polled), so no
/// Ctrl-C between here and the first prompt can kill the process.
fn listen_for_interrupts() -> Result<watch::Receiver<bool>, CliError> {
    let (tx, rx) = watch::channel(false);
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut sigint = signal(SignalKind::interrupt())
            .map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("cannot listen for Ctrl-C")))?;
        tokio::spawn(async move {
            while sigint.recv().await.is_some() {
                if tx.send(true).is_err() {
                    break;
                }
            }
        });
    }
    #[cfg(not(unix))]
    {
        tokio::spawn(async move {
            while tokio::signal::ctrl_c().await.is_ok() {
                if tx.send(true).is_err() {
                    break;
                }
            }
        });
    }
    Ok(rx)
}

/// `a, b and c`.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init = init.iter().map(AsRef::as_ref).collect::<Vec<_>>();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// `a, b or c`.
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [init @ .., last] if !init.is_empty() => {
            let init = init.iter().map(AsRef::as_ref).collect::<Vec<_>>();
            format!("{} or {}", init.join(", "), last.as_ref())
        }
        _ => and_list(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_lists_read_as_english() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["email"]), "email");
        assert_eq!(and_list(&["email", "SMS"]), "email and SMS");
        assert_eq!(and_list(&["a".to_owned(), "b".into(), "c".into()]), "a, b and c");
        assert_eq!(or_list(&["a", "b", "c"]), "a, b or c");
        assert_eq!(or_list(&["a"]), "a");
    }
}
