//! The one door to the terminal: data to stdout, everything else to stderr.
//!
//! stdout carries records only. Notices, warnings, hints, errors, prompts,
//! spinners and progress go to stderr, and colour and progress are decided
//! per stream: only when that stream is a terminal, never under `--quiet` or
//! `NO_COLOR`. Every command prints through one [`Ui`], built once the
//! terminal settings are resolved ([`UiOptions`]) and told the profile once
//! that is known (for the login hint). The questions a command asks —
//! prompts, hidden input, confirmations, spinners while it waits, Ctrl-C —
//! are in [`prompt`].
#![allow(clippy::print_stderr)]

mod prompt;
mod secret;

use std::io::{BufWriter, IsTerminal, StdoutLock, Write};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use dialoguer::console::Term;
use dialoguer::theme::ColorfulTheme;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
pub use prompt::{and_list, or_list};
pub use secret::SecretInput;
use tokio::sync::watch;

use crate::env::EnvVars;
use crate::error::{CliError, Hint};
use crate::output::sanitize::{for_terminal, lines_for_terminal};

/// How the terminal is to be used, from the global flags and the environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct UiOptions {
    /// `--color always|never`; `None` is auto (a terminal, and no `NO_COLOR`).
    pub color: Option<bool>,
    pub quiet: bool,
    pub verbose: u8,
}

pub struct Ui {
    stdout_terminal: bool,
    stderr_terminal: bool,
    color: bool,
    quiet: bool,
    verbose: u8,
    /// The profile in use, once known, so a login hint can name it.
    profile: Mutex<Option<String>>,
    term: Term,
    theme: ColorfulTheme,
    /// Set once a command takes over Ctrl-C ([`Ui::take_over_ctrl_c`]).
    interrupts: OnceLock<watch::Receiver<bool>>,
}

/// How the process's `warning:` lines look (colour, `--quiet`), for
/// [`warner`]; set by the first [`Ui::new`].
static WARNING_STYLE: OnceLock<(bool, bool)> = OnceLock::new();

/// A `warning:` line printer for work that runs below the commands and has
/// no [`Ui`] (a single sign-on renewed mid-run that could not be stored).
pub fn warner() -> std::sync::Arc<dyn Fn(&str) + Send + Sync> {
    std::sync::Arc::new(|message: &str| {
        let (color, quiet) = WARNING_STYLE.get().copied().unwrap_or((false, false));
        if !quiet {
            let label = if color { "\x1b[33;1mwarning:\x1b[0m" } else { "warning:" };
            eprintln!("{label} {}", lines_for_terminal(message));
        }
    })
}

impl Ui {
    pub fn new(options: UiOptions) -> Self {
        let stderr_terminal = std::io::stderr().is_terminal();
        let no_color =
            crate::env::is_set(EnvVars::NO_COLOR) || crate::env::var(EnvVars::TERM).is_some_and(|t| t == "dumb");
        let color = options.color.unwrap_or(stderr_terminal && !no_color);
        let _ = WARNING_STYLE.set((color, options.quiet));
        dialoguer::console::set_colors_enabled_stderr(color);
        Ui {
            stdout_terminal: std::io::stdout().is_terminal(),
            stderr_terminal,
            color,
            quiet: options.quiet,
            verbose: options.verbose,
            profile: Mutex::new(None),
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            interrupts: OnceLock::new(),
        }
    }

    /// Logs go to stderr; `ACCTL_LOG` wins over `-v`. Its syntax is
    /// `LEVEL` or `TARGET=LEVEL` pairs separated by commas (`Targets`: the
    /// env-filter's span and field directives would bring in a regex engine
    /// for a debugging aid); one it cannot read is named, and `-v` applies.
    pub fn init_logging(&self) {
        use tracing_subscriber::filter::Targets;
        use tracing_subscriber::layer::SubscriberExt as _;
        use tracing_subscriber::util::SubscriberInitExt as _;
        let default = match self.verbose {
            0 => "off",
            1 => "acctl=info",
            2 => "acctl=debug",
            _ => "acctl=trace,reqwest=debug,hyper_util=debug",
        };
        let given = crate::env::var(EnvVars::ACCTL_LOG).and_then(|given| match given.parse() {
            Ok(filter) => Some(filter),
            Err(e) => {
                self.warn(format!(
                    "ACCTL_LOG=`{given}` is not a log filter ({e}): use LEVEL or TARGET=LEVEL pairs separated \
                     by commas, e.g. `acctl=debug,reqwest=info`; logging as -v says instead"
                ));
                None
            }
        });
        let filter: Targets = given.unwrap_or_else(|| default.parse().expect("the built-in log filters parse"));
        let _ = tracing_subscriber::registry()
            .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_ansi(self.color).without_time())
            .with(filter)
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

    /// Whether stdin is a terminal: a `--…-stdin` flag then has someone
    /// typing, not a pipe, and must say so rather than wait silently.
    pub fn stdin_is_terminal(&self) -> bool {
        std::io::stdin().is_terminal()
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

    // Every message below may carry text from the backend, so each goes
    // through the one sanitiser; the colour codes are added after it.

    /// A notice for the person (suppressed by `--quiet`).
    pub fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", lines_for_terminal(message.as_ref()));
        }
    }

    /// A line saying something worked.
    pub fn success(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{} {}", self.paint("32", "✓"), lines_for_terminal(message.as_ref()));
        }
    }

    pub fn warn(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{} {}", self.paint("33;1", "warning:"), lines_for_terminal(message.as_ref()));
        }
    }

    pub fn hint(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{} {}", self.paint("36;1", "hint:"), lines_for_terminal(message.as_ref()));
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
        for line in err.snippet() {
            out.push_str(&format!("    {}\n", for_terminal(line)));
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
                Hint::Rejected => {
                    crate::credentials::CredentialStore::new(profile.as_deref().unwrap_or("local")).rejected_hint()
                }
                Hint::Text(t) => lines_for_terminal(t).into_owned(),
            };
            out.push_str(&format!("{} {}\n", self.paint("36;1", "hint:"), text));
        }
        let _ = std::io::stderr().write_all(out.as_bytes());
    }

    /// A spinner with a count on stderr, or `None` when stderr is not a
    /// terminal or under `--quiet`.
    pub fn progress(&self, what: &str) -> Option<ProgressBar> {
        let style = ProgressStyle::with_template(&format!("{{spinner}} {{human_pos}} {what} ({{elapsed}})"));
        self.spinner_with(style.unwrap_or_else(|_| ProgressStyle::default_spinner()))
    }

    /// A bar over `len` items with rate and ETA on stderr, or `None` when
    /// stderr is not a terminal or under `--quiet` (a bulk job's progress).
    pub fn bar(&self, len: u64, what: &str) -> Option<ProgressBar> {
        if !self.stderr_terminal || self.quiet {
            return None;
        }
        let template = format!("{{bar:30}} {{human_pos}}/{{human_len}} {what} · {{per_sec}} · ETA {{eta}}");
        let style = ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(250));
        Some(bar)
    }

    /// A spinner saying what is being waited for, or `None` (as [`Ui::progress`]).
    fn spinner(&self, what: &str) -> Option<ProgressBar> {
        let style =
            ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = self.spinner_with(style)?;
        bar.set_message(what.to_owned());
        Some(bar)
    }

    fn spinner_with(&self, style: ProgressStyle) -> Option<ProgressBar> {
        if !self.stderr_terminal || self.quiet {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Some(bar)
    }
}
