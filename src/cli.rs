//! The global flags of `acctl`, and the text of the top-level help.
//!
//! Only parsing lives here. What a flag means once combined with the
//! environment and the config file is decided in [`crate::settings`]; the
//! commands, and the top-level `Cli` that joins them to these flags, live in
//! [`crate::commands`]. Nothing here imports a command, so nothing imports
//! in a circle through this module.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{ArgAction, Args, ValueEnum};

use crate::env::EnvVars;
use crate::output::OutputFormat;
use crate::ui::UiOptions;

/// The exit-code table of DESIGN §2, shown in `--help` and the man page.
pub const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    unexpected error
  2    usage error, bad input, missing value under --no-input
  3    account not found
  4    not authenticated / not permitted (401/403, no token)
  5    verification failed: wrong, expired or used-up code or token
  6    rejected by policy (password policy, account locked)
  7    rate limited and retries exhausted
  8    backend or OS keyring unavailable (connect error, timeouts, 5xx after retries)
  9    some items failed (lookup -, bulk; the summary says which)
  130  interrupted";

pub(crate) const ROOT_AFTER_HELP: &str = "\
Examples:
  acctl auth login                          # paste a token at a hidden prompt; kept in the keyring
  acctl lookup alice@example.com            # an account card
  acctl lookup +8613800138000 acc_demobob   # several identifiers, one row each
  tail -n +2 users.csv | cut -d, -f2 | acctl lookup - | jq -r 'select(.account) | .account.id'
  acctl lookup - --column email < users.csv -o csv --fields input,id,status

Environment:
  ACCTL_TOKEN    a token to use instead of the keyring (CI and automation)
  ACCTL_CONFIG   the config file; ACCTL_PROFILE, ACCTL_OUTPUT, ACCTL_REGION,
  ACCTL_REASON, ACCTL_TICKET, ACCTL_NO_INPUT as the flags; ACCTL_URL overrides
  the profile's url; ACCTL_LOG sets the log filter; NO_COLOR turns colour off.
";

/// Flags every command takes. Each is `Option` (or a counted/boolean flag) so
/// that "not given" falls through to the config file in [`crate::settings`].
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Backend profile from the config file [default: the file's `default_profile`, else `local`]
    #[arg(
        short = 'p',
        long,
        env = EnvVars::ACCTL_PROFILE,
        global = true,
        value_name = "NAME",
        add = clap_complete::ArgValueCandidates::new(crate::settings::profile_candidates)
    )]
    pub profile: Option<String>,

    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(short = 'o', long, env = EnvVars::ACCTL_OUTPUT, global = true, value_enum, value_name = "FMT")]
    pub output: Option<OutputFormat>,

    /// Choose and order the output columns (comma-separated; `--fields help` lists them)
    #[arg(long, global = true, value_delimiter = ',', value_name = "a,b,c")]
    pub fields: Option<Vec<String>>,

    /// Filter each JSON record with a jq expression (built in; no jq needed)
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,

    /// Never prompt; a missing value is a usage error (exit 2)
    #[arg(long, env = EnvVars::ACCTL_NO_INPUT, global = true, action = ArgAction::SetTrue)]
    pub no_input: bool,

    /// Confirm a change without being asked (protected profiles, bulk jobs; not the wizard)
    #[arg(long, global = true)]
    pub yes: bool,

    /// Why you are doing this: sent as the audit reason with every change
    #[arg(long, env = EnvVars::ACCTL_REASON, global = true, value_name = "TEXT")]
    pub reason: Option<String>,

    /// Ticket the change belongs to: sent as the audit ticket with every change
    #[arg(long, env = EnvVars::ACCTL_TICKET, global = true, value_name = "ID")]
    pub ticket: Option<String>,

    /// Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)
    #[arg(long, global = true)]
    pub reveal: bool,

    /// Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile's `region`]
    #[arg(long, env = EnvVars::ACCTL_REGION, global = true, value_name = "CC")]
    pub region: Option<String>,

    /// Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]
    #[arg(long, env = EnvVars::ACCTL_CONFIG, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// More log output on stderr (-v, -vv, -vvv); never logs secrets
    #[arg(short = 'v', long, global = true, action = ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,

    /// Only errors on stderr: no progress, notices or hints
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,
}

/// The flags people reach for to hand over a secret, and where the secret
/// goes instead. No command takes one: a value in argv stays in the shell's
/// history and shows in `ps` to every user of the machine.
const SECRET_FLAGS: &[(&str, &str, &str)] = &[
    (
        "--token",
        "a token",
        "pipe it to `acctl auth login --with-token` (or paste it at `acctl auth login`'s hidden prompt), or set `ACCTL_TOKEN` in the environment",
    ),
    (
        "--password",
        "a password",
        "`acctl password set --password-stdin` reads it from stdin; `acctl reset` asks for it at a hidden prompt",
    ),
    (
        "--code",
        "a verification code",
        "`acctl code verify --code-stdin` reads it from stdin; on a terminal it asks at a prompt",
    ),
];

/// A secret flag anywhere on the command line (before a `--`), refused before
/// clap sees it: clap would suggest a look-alike flag ("a similar argument
/// exists: '--ticket'"), steering a token into the audit log. The value is
/// never repeated.
pub fn refuse_secret_in_argv(args: &[std::ffi::OsString]) -> Option<crate::error::CliError> {
    let args = args.iter().skip(1).map(|a| a.to_string_lossy());
    for arg in args.take_while(|a| a != "--") {
        let flag = arg.split_once('=').map_or(&*arg, |(flag, _)| flag);
        if let Some((flag, what, instead)) = SECRET_FLAGS.iter().find(|(f, ..)| *f == flag) {
            return Some(
                crate::error::CliError::usage(format!(
                    "`{flag}`: no acctl command takes {what} on the command line (it would stay in the shell history and show in the process list)"
                ))
                .with_hint(*instead),
            );
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl GlobalArgs {
    /// How the terminal is to be used: `--color`, `--quiet`, `-v`.
    pub fn ui_options(&self) -> UiOptions {
        let color = match self.color.unwrap_or(ColorChoice::Auto) {
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
            ColorChoice::Auto => None,
        };
        UiOptions { color, quiet: self.quiet, verbose: self.verbose }
    }
}

/// The `--output` values and their help, kept here with the rest of the clap
/// surface so that `output` does not depend on clap.
impl ValueEnum for OutputFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Ndjson, OutputFormat::Csv, OutputFormat::Tsv]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            OutputFormat::Table => ("table", "Human-readable table (an account card for a single account)"),
            OutputFormat::Json => ("json", "JSON: one document (an array when there are several records)"),
            OutputFormat::Ndjson => ("ndjson", "One JSON record a line"),
            OutputFormat::Csv => ("csv", "Comma-separated values with a header row"),
            OutputFormat::Tsv => ("tsv", "Tab-separated values with a header row"),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::commands::Cli;

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// clap wraps help at 100 columns, in the middle of a command if an
    /// example line is longer: every line of every help text fits.
    #[test]
    fn every_help_line_fits_in_100_columns() {
        fn walk(cmd: &mut clap::Command, path: &str, long: &mut Vec<String>) {
            let path = format!("{path} {}", cmd.get_name());
            let texts =
                [cmd.get_after_help(), cmd.get_after_long_help(), cmd.get_before_help(), cmd.get_before_long_help()];
            for text in texts.into_iter().flatten() {
                for line in text.to_string().lines().filter(|l| l.chars().count() > 100) {
                    long.push(format!("{path}: {line}"));
                }
            }
            let usage = cmd.render_usage().to_string();
            for line in usage.lines().filter(|l| l.chars().count() > 100) {
                long.push(format!("{path} usage: {line}"));
            }
            for sub in cmd.get_subcommands_mut() {
                walk(sub, &path, long);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut long = Vec::new();
        walk(&mut cmd, "", &mut long);
        assert!(long.is_empty(), "lines clap would wrap at 100 columns:\n{}", long.join("\n"));
    }

    #[test]
    fn no_flag_takes_a_secret_on_argv() {
        fn walk(cmd: &clap::Command, found: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let long = arg.get_long().unwrap_or_default();
                if ["token", "password", "code", "secret"].contains(&long) {
                    found.push(format!("{} --{long}", cmd.get_name()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, found);
            }
        }
        let mut found = Vec::new();
        walk(&Cli::command(), &mut found);
        assert!(found.is_empty(), "secrets must come from a prompt or stdin, not argv: {found:?}");
    }
}
