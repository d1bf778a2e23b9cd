//! Reading a secret (a password, a code, a token) without it ever reaching
//! argv, the screen or a log: from stdin, or from a hidden prompt.

use std::io::{IsTerminal, Read};

use secrecy::SecretString;
use secrecy::zeroize::Zeroize;

use super::Ui;
use crate::error::CliError;

/// The longest secret accepted on stdin or at a prompt (the service takes
/// passwords of up to 256 characters; 4 bytes each at most).
const MAX_SECRET_BYTES: u64 = 4096;

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

impl Ui {
    /// Reads the secret from stdin when `from_stdin`, else from a hidden
    /// prompt; with neither stdin nor a terminal to prompt on (or under
    /// `--no-input`) it is a usage error naming the stdin flag.
    pub fn read_secret(
        &self,
        input: SecretInput<'_>,
        from_stdin: bool,
        no_input: bool,
    ) -> Result<SecretString, CliError> {
        if from_stdin {
            return self.read_stdin_line(input.what);
        }
        if !self.can_prompt(no_input) {
            let why = if no_input { "`--no-input` is set" } else { "there is no terminal to prompt on" };
            return Err(CliError::usage(format!("no {} given: {why}", input.what))
                .with_hint(format!("pipe it in with `{}`", input.stdin_flag)));
        }
        self.prompt_hidden(input.prompt, input.what)
    }

    /// A plain hidden prompt on stderr; nothing typed is echoed.
    pub fn prompt_hidden(&self, prompt: &str, what: &str) -> Result<SecretString, CliError> {
        use secrecy::ExposeSecret;
        self.term.write_str(prompt).map_err(CliError::from)?;
        // The terminal is in raw mode while keys are read, so Ctrl-C arrives as a
        // key (not a signal that would kill acctl with echo still off).
        let line = read_hidden_line(&self.term);
        let _ = self.term.write_line("");
        match line {
            Ok(Some(typed)) => one_line(typed.expose_secret(), what),
            Ok(None) => Err(CliError::interrupted()),
            Err(e) => Err(CliError::unexpected(
                anyhow::Error::new(e).context(format!("cannot read the {what} from the terminal")),
            )),
        }
    }

    /// One line from stdin, its line break removed (nothing else: spaces may be
    /// part of a password). The rest must be blank, so two values piped by
    /// mistake are refused rather than half used. When stdin is a terminal the
    /// line is read with echo off, as at a prompt: typing is never shown.
    pub fn read_stdin_line(&self, what: &str) -> Result<SecretString, CliError> {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            return self.prompt_hidden(&format!("{} (typing is not shown): ", capitalized(what)), what);
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
}

/// Reads keys until Enter without echoing them; `None` on Ctrl-C. Backspace
/// and Ctrl-U edit.
pub(super) fn read_hidden_line(term: &dialoguer::console::Term) -> std::io::Result<Option<SecretString>> {
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
