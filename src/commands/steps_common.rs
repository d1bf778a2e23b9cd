//! What the recovery steps (`code`, `password`, `account`, `sessions`) and
//! the `reset` wizard share: turning what the operator typed into an account,
//! the checks before a change, and reading a secret without it ever reaching
//! argv, the screen or a log.

use std::io::{IsTerminal, Read};

use acctl_api::{Account, Channel, Identifier};
use clap::ValueEnum;
use secrecy::SecretString;
use secrecy::zeroize::Zeroize;

use crate::client::ApiClient;
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::output::sanitize::for_terminal;
use crate::printer::Printer;
use crate::settings::Settings;

/// `--channel email|sms`, with the values listed in help and completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChannelArg {
    /// The email address on file
    Email,
    /// The phone number on file, by SMS
    Sms,
}

impl From<ChannelArg> for Channel {
    fn from(c: ChannelArg) -> Self {
        match c {
            ChannelArg::Email => Channel::Email,
            ChannelArg::Sms => Channel::Sms,
        }
    }
}

/// The channels an account has a contact on file for, email first.
pub fn channels_on_file(account: &Account) -> Vec<Channel> {
    let mut channels = Vec::new();
    if account.email.is_some() {
        channels.push(Channel::Email);
    }
    if account.phone.is_some() {
        channels.push(Channel::Sms);
    }
    channels
}

/// The longest secret accepted on stdin or at a prompt (the service takes
/// passwords of up to 256 characters; 4 bytes each at most).
const MAX_SECRET_BYTES: u64 = 4096;

/// Reads IDENT as `acctl lookup` does: any identifier form, the profile's
/// region for national phone numbers. A bad one is a usage error naming it.
pub fn parse_identifier(input: &str, settings: &Settings) -> Result<Identifier, CliError> {
    Ok(Identifier::parse(input, settings.profile.region.as_deref())?)
}

/// The account IDENT names, or exit 3 saying so.
pub async fn resolve_account(client: &ApiClient, input: &str, settings: &Settings) -> Result<Account, CliError> {
    let ident = parse_identifier(input, settings)?;
    find_account(client, input, &ident).await
}

/// The account `ident` (parsed from `input`) names, or exit 3 saying so.
pub async fn find_account(client: &ApiClient, input: &str, ident: &Identifier) -> Result<Account, CliError> {
    // The ID is all a step needs: never ask for unmasked contacts (that is audited).
    client.find_account(ident, false).await.map_err(|e| {
        if status_for_api(&e) == ExitStatus::NotFound {
            CliError::new(ExitStatus::NotFound, anyhow::anyhow!("no account matches `{}`", input.trim()))
                .with_hint("check the spelling; phone numbers need a country code or `--region`")
        } else {
            e.into()
        }
    })
}

/// How an account is named in messages: its ID and (sanitised) display name.
pub fn account_label(account: &Account) -> String {
    let name = for_terminal(&account.display_name);
    if name.trim().is_empty() { format!("`{}`", account.id) } else { format!("`{}` ({})", account.id, name.trim()) }
}

/// The checks before any change: reason/ticket as the profile demands
/// ([`Settings::guard_mutation`]); on a protected profile the banner, then a
/// confirmation unless `--yes`. `what` says what is about to happen
/// ("lock `acc_…`").
pub fn begin_mutation(settings: &Settings, printer: &Printer, yes: bool, what: &str) -> Result<(), CliError> {
    let Some(banner) = settings.guard_mutation(yes)? else { return Ok(()) };
    printer.warn(banner);
    if yes {
        return Ok(());
    }
    if !printer.can_prompt(settings.no_input) {
        return Err(CliError::usage(format!(
            "profile `{}` is protected and there is no terminal to confirm on",
            settings.profile.name
        ))
        .with_hint("pass `--yes` to confirm the change"));
    }
    let confirmed = dialoguer::Confirm::new()
        .with_prompt(format!("{what} on protected profile `{}`?", settings.profile.name))
        .default(false)
        .interact()
        .map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("cannot ask for confirmation")))?;
    if !confirmed {
        return Err(CliError::new(ExitStatus::Interrupted, anyhow::anyhow!("cancelled; nothing was changed")));
    }
    Ok(())
}

/// Where a secret comes from: stdin (`--password-stdin`, `--code-stdin`) or
/// a hidden prompt on the terminal.
#[derive(Debug, Clone, Copy)]
pub struct SecretInput<'a> {
    /// What it is, for messages: "password", "code".
    pub what: &'a str,
    /// The flag that reads it from stdin: "--password-stdin".
    pub stdin_flag: &'a str,
    /// The prompt shown on stderr when there is a terminal.
    pub prompt: &'a str,
}

impl SecretInput<'_> {
    /// Reads the secret from stdin when `from_stdin`, else from a hidden
    /// prompt; with neither stdin nor a terminal to prompt on (or under
    /// `--no-input`) it is a usage error naming the stdin flag.
    pub fn read(&self, from_stdin: bool, settings: &Settings, printer: &Printer) -> Result<SecretString, CliError> {
        if from_stdin {
            return read_stdin_line(self.what);
        }
        if !printer.can_prompt(settings.no_input) {
            let why = if settings.no_input { "`--no-input` is set" } else { "there is no terminal to prompt on" };
            return Err(CliError::usage(format!("no {} given: {why}", self.what))
                .with_hint(format!("pipe it in with `{}`", self.stdin_flag)));
        }
        prompt_hidden(self.prompt, self.what)
    }
}

/// A hidden prompt on stderr; nothing typed is echoed.
pub fn prompt_hidden(prompt: &str, what: &str) -> Result<SecretString, CliError> {
    use secrecy::ExposeSecret;
    let term = dialoguer::console::Term::stderr();
    term.write_str(prompt).map_err(CliError::from)?;
    // The terminal is in raw mode while keys are read, so Ctrl-C arrives as a
    // key (not a signal that would kill acctl with echo still off).
    let line = read_hidden_line(&term);
    let _ = term.write_line("");
    match line {
        Ok(Some(typed)) => one_line(typed.expose_secret(), what),
        Ok(None) => Err(CliError::interrupted()),
        Err(e) => Err(CliError::unexpected(
            anyhow::Error::new(e).context(format!("cannot read the {what} from the terminal")),
        )),
    }
}

/// Reads keys until Enter without echoing them; `None` on Ctrl-C. Backspace
/// and Ctrl-U edit.
pub fn read_hidden_line(term: &dialoguer::console::Term) -> std::io::Result<Option<SecretString>> {
    use dialoguer::console::Key;
    let mut line = String::new();
    let result = loop {
        match term.read_key_raw() {
            Ok(Key::Enter) => break Ok(Some(SecretString::from(std::mem::take(&mut line)))),
            Ok(Key::CtrlC) => break Ok(None),
            Ok(Key::Backspace) => {
                line.pop();
            }
            Ok(Key::Char('\u{15}')) => line.zeroize(),
            Ok(Key::Char(c)) if !c.is_control() => line.push(c),
            // A terminal that went away reads as `Unknown` forever.
            Ok(Key::Unknown) => break Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof)),
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    line.zeroize();
    result
}

/// One line from stdin, its line break removed (nothing else: spaces may be
/// part of a password). The rest must be blank, so two values piped by
/// mistake are refused rather than half used. When stdin is a terminal the
/// line is read with echo off, as at a prompt: typing is never shown.
pub fn read_stdin_line(what: &str) -> Result<SecretString, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return prompt_hidden(&format!("{} (typing is not shown): ", capitalized(what)), what);
    }
    let mut reader = stdin.lock().take(MAX_SECRET_BYTES + 1);
    let mut bytes = Vec::new();
    let read = reader.read_to_end(&mut bytes);
    if let Err(e) = read {
        bytes.zeroize();
        return Err(CliError::usage(format!("cannot read the {what} from stdin: {e}")));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            e.into_bytes().zeroize();
            return Err(CliError::usage(format!("the {what} on stdin is not UTF-8 text")));
        }
    };
    let secret = if text.len() as u64 > MAX_SECRET_BYTES {
        Err(CliError::usage(format!("the {what} on stdin is longer than {MAX_SECRET_BYTES} bytes")))
    } else {
        one_line(&text, what)
    };
    text.zeroize();
    secret
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The first line of `text`, without its line break; what follows must be blank.
fn one_line(text: &str, what: &str) -> Result<SecretString, CliError> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.strip_suffix('\r').unwrap_or(first);
    if !rest.trim().is_empty() {
        return Err(CliError::usage(format!("stdin holds more than one line; give the {what} alone on one line")));
    }
    if first.trim().is_empty() {
        return Err(CliError::usage(format!("the {what} is empty")));
    }
    Ok(SecretString::from(first.to_owned()))
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    #[test]
    fn one_line_keeps_spaces_and_drops_only_the_line_break() {
        assert_eq!(one_line(" correct horse \r\n", "password").unwrap().expose_secret(), " correct horse ");
        assert_eq!(one_line("abc", "password").unwrap().expose_secret(), "abc");
        assert_eq!(one_line("abc\n\n  \n", "password").unwrap().expose_secret(), "abc");
        assert!(one_line("abc\ndef\n", "password").unwrap_err().to_string().contains("more than one line"));
        assert!(one_line("\n", "code").unwrap_err().to_string().contains("the code is empty"));
    }

    #[test]
    fn errors_never_contain_the_secret() {
        let err = one_line("hunter2-hunter2\nsecond-secret\n", "password").unwrap_err();
        assert!(!err.to_string().contains("hunter2") && !err.to_string().contains("second-secret"));
    }
}
