//! `acctl`: customer account recovery over the account backend's Admin API v1.
//!
//! The binary's `main` calls [`main`]; everything else lives here so the
//! integration tests and the generators of completions and man pages see the
//! same clap definition as the binary. Public: [`main`], [`docs`] (the
//! generators) and [`fuzzing`] (the parsers the fuzz targets call); every
//! other module is private to the crate, so the compiler reports dead code.
//!
//! # Layers
//!
//! Top to bottom; a module imports only from the layers below it:
//!
//! 1. `commands` — one module per command: its clap `Args` and one run
//!    function. `Cli` and `Command` live here; `cli` holds the global flags
//!    and imports no command. `settings` resolves flags, environment and
//!    config file into one validated `Settings` (it is the only other module
//!    that knows clap's types).
//! 2. `recovery` — the domain operations of a reset (find the account, send
//!    and verify codes, set the password, lock, unlock, sign out), with
//!    typed outcomes and errors that carry their hint; no clap, no terminal.
//!    `lookup` — streaming identifier lookups, the same way. `bulk` — a
//!    job over many accounts (plan, journal, exactly-once execution) built
//!    on the `recovery` operations.
//! 3. `client` — the Admin API, one method per route; it is given a
//!    `profile::Profile` and a token (or an `AccessTokens` source that keeps
//!    one fresh), and knows nothing of clap or the terminal. `credentials` —
//!    keyring, `ACCTL_TOKEN`, file. `oidc` — single sign-on: discovery, the
//!    device flow, renewing and revoking tokens; it uses `client`'s
//!    transport rules and `credentials`' stores, and implements
//!    `client::AccessTokens` (`client` imports neither).
//! 4. `acctl_api` — the wire types, with the small domain helpers that
//!    describe them (`Account::channels_on_file`, `Account::label`, `as_str`).
//!
//! Beside them, used from any layer: `ui` (the one door to the terminal:
//! printing, prompts, spinners; commands only), `output` (records in each
//! format, and `output::json_text`, the JSON string runs that the client's
//! answer scanner shares), `error` (every error becomes an exit code there), `env` (every
//! environment variable, named and read in one place), `config` (the config
//! file), `profile` (what a command runs against), `dirs`. Nothing below
//! `commands` imports `cli` or `settings`.

#![deny(clippy::print_stdout, clippy::print_stderr)]

mod bulk;
mod cli;
mod client;
mod commands;
mod config;
mod credentials;
mod dirs;
pub mod docs;
mod env;
mod error;
mod lookup;
mod oidc;
mod output;
mod profile;
mod recovery;
mod settings;
mod ui;

use std::process::ExitCode;

use clap::Parser;

use crate::commands::Cli;
use crate::error::{CliError, ExitStatus};
use crate::ui::Ui;

/// What the fuzz targets call: the parsers of untrusted input (the
/// identifier parser is `acctl_api::Identifier::parse`).
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::config::ConfigFile;
    pub use crate::lookup::input::{InputFormat, InputItem, read_batches};
    pub use crate::output::sanitize::{csv_cell, for_terminal};
}

/// Parses the command line, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    docs::answer_completion_request();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(err) = cli::refuse_secret_in_argv(&args) {
        Ui::new(ui::UiOptions::default()).error(&err);
        return err.status().into();
    }
    if let Some(text) = commands::fields_help_requested(&args) {
        return print_fields_help(&text);
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            if let Some(refused) = commands::password::verification_in_argv(&err) {
                Ui::new(cli::GlobalArgs::default().ui_options()).error(&refused);
                return refused.status().into();
            }
            // clap prints help and version to stdout and usage errors to stderr;
            // a usage error is exit 2 whatever clap's own default is.
            let status = if err.use_stderr() { ExitStatus::Usage } else { ExitStatus::Success };
            let _ = err.print();
            return status.into();
        }
    };
    let ui = Ui::new(cli.global.ui_options());
    ui.init_logging();
    match run(cli, &ui) {
        Ok(status) => status.into(),
        Err(err) => {
            ui.error(&err);
            err.status().into()
        }
    }
}

/// `--fields help`: the list on stdout, exit 0 (a broken pipe is fine too).
fn print_fields_help(text: &str) -> ExitCode {
    use std::io::Write;
    let ui = Ui::new(ui::UiOptions::default());
    let mut out = ui.stdout();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            ui.error(&CliError::from(e));
            ExitStatus::Unexpected.into()
        }
        _ => ExitStatus::Success.into(),
    }
}

/// Runs a parsed command line in a fresh async runtime.
fn run(cli: Cli, ui: &Ui) -> Result<ExitStatus, CliError> {
    // `lookup` runs on one thread: its batches are futures of one task
    // (`buffered`), so worker threads only added cross-thread wake-ups, and
    // on two cores shared with a local backend that CPU is the backend's
    // (BENCHMARKS.md, P3). The wizard, sandbox and demo keep two workers:
    // they block on prompts while an in-process service and spinners run.
    let mut builder = if cli.command.single_threaded() {
        tokio::runtime::Builder::new_current_thread()
    } else {
        let mut b = tokio::runtime::Builder::new_multi_thread();
        b.worker_threads(2);
        b
    };
    let runtime = builder
        .enable_all()
        .build()
        .map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("cannot start the async runtime")))?;
    let outcome = runtime.block_on(commands::dispatch(cli, ui));
    // Blocking readers (stdin, the keyring) may still be parked; do not wait for them.
    runtime.shutdown_background();
    match outcome {
        Err(err) if err.is_broken_pipe() => Ok(ExitStatus::Success),
        other => other,
    }
}
