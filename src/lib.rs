//! `acctl`: customer account recovery over the account backend's Admin API v1.
//!
//! The binary's `main` calls [`main`]; everything else lives here so the
//! integration tests and the generators of completions and man pages see the
//! same clap definition as the binary.
//!
//! Layout: [`cli`] is the clap surface, [`settings`] turns flags, environment
//! and the config file into one validated [`settings::Settings`], each command
//! lives in [`commands`], and the parts that know nothing of clap are
//! [`client`] (the Admin API), [`credentials`] (keyring, `ACCTL_TOKEN`, file),
//! [`lookup`] (streaming identifier lookups) and [`output`] (formats). All
//! printing goes through [`printer::Printer`]; every error becomes an exit code
//! in [`error`].

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
pub mod credentials;
pub mod dirs;
pub mod docs;
pub mod error;
pub mod lookup;
pub mod output;
pub mod printer;
pub mod settings;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;

/// Parses the command line, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout and usage errors to stderr;
            // a usage error is exit 2 whatever clap's own default is.
            let status = if err.use_stderr() { ExitStatus::Usage } else { ExitStatus::Success };
            let _ = err.print();
            return status.into();
        }
    };
    let printer = Printer::new(&cli.global);
    printer.init_logging();
    match run(cli, &printer) {
        Ok(status) => status.into(),
        Err(err) => {
            printer.error(&err);
            err.status().into()
        }
    }
}

/// Runs a parsed command line in a fresh async runtime.
pub fn run(cli: Cli, printer: &Printer) -> Result<ExitStatus, CliError> {
    // `lookup` runs on one thread: its batches are futures of one task
    // (`buffered`), so worker threads only added cross-thread wake-ups, and
    // on two cores shared with a local backend that CPU is the backend's
    // (BENCHMARKS.md, P3). The wizard, sandbox and demo keep two workers:
    // they block on prompts while an in-process service and spinners run.
    let mut builder = match cli.command {
        Command::Lookup(_) => tokio::runtime::Builder::new_current_thread(),
        _ => {
            let mut b = tokio::runtime::Builder::new_multi_thread();
            b.worker_threads(2);
            b
        }
    };
    let runtime = builder
        .enable_all()
        .build()
        .map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("cannot start the async runtime")))?;
    let outcome = runtime.block_on(commands::dispatch(cli, printer));
    // Blocking readers (stdin, the keyring) may still be parked; do not wait for them.
    runtime.shutdown_background();
    match outcome {
        Err(err) if err.is_broken_pipe() => Ok(ExitStatus::Success),
        other => other,
    }
}
