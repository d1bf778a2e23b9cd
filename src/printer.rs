//! The one door to the terminal: data to stdout, everything else to stderr.
//!
//! stdout carries records only. Notices, warnings, hints, errors, prompts and
//! progress go to stderr, and colour and progress are decided per stream:
//! only when that stream is a terminal, never under `--quiet` or `NO_COLOR`.
#![allow(clippy::print_stderr)]

use std::io::{BufWriter, IsTerminal, StdoutLock, Write};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::{CliError, Hint};
use crate::output::sanitize::for_terminal;

pub struct Printer {
    stdout_terminal: bool,
    stderr_terminal: bool,
    color: bool,
    quiet: bool,
    verbose: u8,
    /// The profile in use, once known, so a login hint can name it.
    profile: Mutex<Option<String>>,
}

impl Printer {
    pub fn new(global: &GlobalArgs) -> Self {
        let stderr_terminal = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = match global.color.unwrap_or(ColorChoice::Auto) {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stderr_terminal && !no_color,
        };
        Printer {
            stdout_terminal: std::io::stdout().is_terminal(),
            stderr_terminal,
            color,
            quiet: global.quiet,
            verbose: global.verbose,
            profile: Mutex::new(None),
        }
    }

    /// Logs go to stderr; `ACCTL_LOG` (an env-filter) wins over `-v`.
    pub fn init_logging(&self) {
        let default = match self.verbose {
            0 => "off",
            1 => "acctl=info",
            2 => "acctl=debug",
            _ => "acctl=trace,reqwest=debug,hyper_util=debug",
        };
        let filter = std::env::var("ACCTL_LOG").unwrap_or_else(|_| default.to_owned());
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .with_ansi(self.color)
            .without_time()
            .try_init();
    }

    pub fn set_profile(&self, name: &str) {
        if let Ok(mut p) = self.profile.lock() {
            *p = Some(name.to_owned());
        }
    }

    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_terminal
    }

    pub fn stderr_is_terminal(&self) -> bool {
        self.stderr_terminal
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Whether stderr gets colour (`--color`, `NO_COLOR`, a terminal).
    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether asking the person at the keyboard is allowed.
    pub fn can_prompt(&self, no_input: bool) -> bool {
        self.stderr_terminal && !no_input
    }

    /// A buffered, locked stdout for records. Flush it at the end (and after
    /// each batch when streaming).
    pub fn stdout(&self) -> BufWriter<StdoutLock<'static>> {
        BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }

    /// A notice for the person (suppressed by `--quiet`).
    pub fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", message.as_ref());
        }
    }

    /// A line saying something worked.
    pub fn success(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{} {}", self.paint("32", "✓"), message.as_ref());
        }
    }

    pub fn warn(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{} {}", self.paint("33;1", "warning:"), message.as_ref());
        }
    }

    pub fn hint(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{} {}", self.paint("36;1", "hint:"), message.as_ref());
        }
    }

    /// `error: …`, `  caused by: …`, `  request id: …`, `hint: …`. Errors print
    /// even under `--quiet`. Text from the backend may be hostile, so every
    /// line is sanitised for the terminal.
    pub fn error(&self, err: &CliError) {
        let mut chain = err.chain();
        let mut out = String::new();
        if let Some(first) = chain.next() {
            out.push_str(&format!("{} {}\n", self.paint("31;1", "error:"), for_terminal(&first)));
        }
        for cause in chain {
            out.push_str(&format!("  caused by: {}\n", for_terminal(&cause)));
        }
        if let Some(id) = err.request_id() {
            out.push_str(&format!("  request id: {}\n", for_terminal(id)));
        }
        let profile = self.profile.lock().ok().and_then(|p| p.clone());
        for hint in err.hints() {
            let text = match hint {
                Hint::Login => match &profile {
                    Some(p) => format!("run `acctl auth login -p {p}` to sign in, or set `ACCTL_TOKEN` for automation"),
                    None => "run `acctl auth login` to sign in, or set `ACCTL_TOKEN` for automation".to_owned(),
                },
                Hint::Text(t) => t.clone(),
            };
            out.push_str(&format!("{} {}\n", self.paint("36;1", "hint:"), text));
        }
        let _ = std::io::stderr().write_all(out.as_bytes());
    }

    /// A spinner with a count on stderr, or `None` when stderr is not a
    /// terminal or under `--quiet`.
    pub fn progress(&self, what: &str) -> Option<ProgressBar> {
        if !self.stderr_terminal || self.quiet {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(&format!("{{spinner}} {{human_pos}} {what} ({{elapsed}})"))
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Some(bar)
    }
}
