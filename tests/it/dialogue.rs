//! A conversation with `acctl` in a real pseudo-terminal, written as a table
//! of (what appears on the screen, what the person types): every interactive
//! test (the wizard, the demo, hidden prompts, confirmations) goes through
//! [`Terminal::dialogue`] instead of its own expect/send blocks.
#![cfg(unix)]

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::common::TestEnv;

/// What the person does once the expected text is on the screen.
pub enum Key<'a> {
    /// Types a line and Enter (`Line("")` is Enter alone).
    Line(&'a str),
    /// Types a line at a hidden prompt.
    Hidden(&'a str),
    /// Types a line worked out only once the text is on the screen: the code
    /// the customer reads off their phone after the wizard sent it.
    LineFrom(&'a dyn Fn() -> String),
    /// Types these characters without Enter (a single-key confirmation, or
    /// the start of an answer before a Ctrl-C).
    Keys(&'a str),
    /// Moves a selection down one item and picks it with Enter.
    DownEnter,
    /// Presses Ctrl-C.
    CtrlC,
    /// Types nothing: the step only waits for the text.
    Wait,
}

/// The terminal an agent sits at: one `acctl` process and everything it
/// printed so far.
pub struct Terminal {
    session: OsSession,
    screen: String,
}

/// A dialogue's end: the exit code and the whole screen (carriage returns removed).
pub struct Ending {
    pub code: i32,
    pub screen: String,
}

impl Terminal {
    /// `acctl ARGS…` in a terminal that echoes, as a person's does (see
    /// [`TestEnv::pty_command`]), signed in as `role` when one is given.
    pub fn start(env: &TestEnv, role: Option<&str>, args: &[&str]) -> Terminal {
        let mut cmd = env.pty_command(args);
        if let Some(role) = role {
            cmd.env("ACCTL_TOKEN", env.token(role));
        }
        Self::spawn(cmd)
    }

    /// `acctl reset ARGS…` signed in as the agent role.
    pub fn reset(env: &TestEnv, args: &[&str]) -> Terminal {
        Self::start(env, Some("agent"), &[&["reset"], args].concat())
    }

    pub fn spawn(cmd: Command) -> Terminal {
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        Terminal { session, screen: String::new() }
    }

    /// Plays the dialogue step by step: waits for each text, then does what
    /// the step says. Returns what appeared on the screen during each step
    /// (up to and including its text), for the few checks a step needs.
    #[track_caller]
    pub fn dialogue(&mut self, steps: &[(&str, Key<'_>)]) -> Vec<String> {
        steps
            .iter()
            .map(|(text, key)| {
                let seen = self.sees(text);
                self.press(key);
                seen
            })
            .collect()
    }

    /// Waits for `text` on the screen; returns what appeared up to and including it.
    #[track_caller]
    pub fn sees(&mut self, text: &str) -> String {
        if text.is_empty() {
            // Nothing to wait for: the step acts at once (a hidden prompt
            // prints nothing while a person types into it).
            return String::new();
        }
        let found = match self.session.expect(text) {
            Ok(found) => found,
            Err(e) => panic!("waited for {text:?}: {e}\n--- screen so far ---\n{}", self.screen),
        };
        let seen = format!(
            "{}{}",
            String::from_utf8_lossy(found.before()),
            String::from_utf8_lossy(found.get(0).unwrap_or_default())
        );
        self.screen.push_str(&seen);
        seen.replace('\r', "")
    }

    fn press(&mut self, key: &Key<'_>) {
        match key {
            Key::Line(line) => self.session.send_line(line).expect("type"),
            Key::Hidden(line) => {
                // The prompt is on the screen a moment before the terminal
                // leaves cooked mode; a person cannot type in that moment, a
                // test can, and the terminal would echo what it typed.
                settle();
                self.session.send_line(line).expect("type");
            }
            Key::LineFrom(line) => self.session.send_line(line()).expect("type"),
            Key::Keys(keys) => {
                settle();
                self.session.send(keys).expect("type");
            }
            Key::DownEnter => {
                self.session.send("\x1b[B").expect("arrow down");
                self.session.send_line("").expect("Enter");
            }
            Key::CtrlC => {
                // Give the prompt time to put the terminal in raw mode, as a person would.
                settle();
                self.session.send([3u8]).expect("Ctrl-C");
            }
            Key::Wait => {}
        }
    }

    /// Sends `signal` to `acctl`, as `kill` or a closed terminal window would.
    pub fn signal(&mut self, signal: expectrl::process::unix::Signal) {
        self.session.get_process_mut().kill(signal).expect("send a signal");
    }

    /// Whether the terminal echoes typed characters (a prompt cut short must turn it back on).
    pub fn echo_is_on(&self) -> bool {
        self.session.get_process().get_echo().expect("termios")
    }

    /// Waits for `acctl` to end: its exit code and the whole screen.
    pub fn finish(mut self) -> Ending {
        match self.session.expect(Eof) {
            Ok(rest) => {
                self.screen.push_str(&String::from_utf8_lossy(rest.before()));
                self.screen.push_str(&String::from_utf8_lossy(rest.get(0).unwrap_or_default()));
            }
            Err(e) => panic!("waited for the end: {e}\n--- screen so far ---\n{}", self.screen),
        }
        let code = match self.session.get_process().wait().expect("exit status") {
            WaitStatus::Exited(_, code) => code,
            other => panic!("acctl did not exit normally: {other:?}\n{}", self.screen),
        };
        Ending { code, screen: self.screen.replace('\r', "") }
    }
}

impl Ending {
    /// Asserts the exit code, showing the screen when it differs.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code\n{}", self.screen);
        self
    }

    /// Asserts that each of `lines` is on the screen, in this order.
    #[track_caller]
    pub fn shows_in_order(&self, lines: &[&str]) -> &Self {
        let mut rest = self.screen.as_str();
        for line in lines {
            match rest.find(line) {
                Some(at) => rest = &rest[at + line.len()..],
                None => panic!("{line:?} is not on the screen (after the lines before it):\n{}", self.screen),
            }
        }
        self
    }

    /// Asserts that none of `texts` is on the screen (a secret, a prompt that must not come).
    #[track_caller]
    pub fn never_shows(&self, texts: &[&str]) -> &Self {
        for text in texts {
            assert!(!self.screen.contains(text), "{text:?} is on the screen:\n{}", self.screen);
        }
        self
    }
}

fn settle() {
    std::thread::sleep(Duration::from_millis(300));
}
