//! One module per command, a folder per command group. Each pairs its clap
//! `Args` (whose doc comment is the help text) with the function that runs it.

pub mod account;
pub mod audit;
pub mod auth;
pub mod code;
pub mod completions;
pub mod config;
#[cfg(feature = "sandbox")]
pub mod demo;
pub mod lookup;
pub mod password;
pub mod reset;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod sessions;
pub mod steps_common;

use crate::cli::{Cli, Command};
use crate::client::ApiClient;
use crate::credentials::{Credential, CredentialStore};
use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

/// Resolves settings (for the commands that need them) and runs the command.
pub async fn dispatch(cli: Cli, printer: &Printer) -> Result<ExitStatus, CliError> {
    let global = cli.global;
    match cli.command {
        // These work without reading the config file, so they work when it is broken.
        Command::Config(cmd) => config::run(cmd, &global, printer),
        Command::Completions(args) => completions::run(&args, printer),
        Command::Auth(cmd) => auth::run(cmd, &resolve(&global, printer)?, printer).await,
        Command::Lookup(args) => {
            let settings = resolve(&global, printer)?;
            // Long-running: Ctrl-C ends it with 130 and a message (prompting
            // commands keep the default signal handling so the terminal is restored).
            tokio::select! {
                result = lookup::run(args, &settings, printer) => result,
                _ = tokio::signal::ctrl_c() => Err(CliError::interrupted()),
            }
        }
        Command::Reset(args) => reset::run(args, &resolve(&global, printer)?, printer).await,
        Command::Code(cmd) => code::run(cmd, &resolve(&global, printer)?, printer).await,
        Command::Password(cmd) => password::run(cmd, &resolve(&global, printer)?, printer).await,
        Command::Account(cmd) => account::run(cmd, &resolve(&global, printer)?, printer).await,
        Command::Sessions(cmd) => sessions::run(cmd, &resolve(&global, printer)?, printer).await,
        Command::Audit(args) => audit::run(args, &resolve(&global, printer)?, printer).await,
        #[cfg(feature = "sandbox")]
        Command::Sandbox(args) => sandbox::run(args, &global, printer).await,
        #[cfg(feature = "sandbox")]
        Command::Demo(args) => demo::run(args, &global, printer).await,
    }
}

pub fn resolve(global: &crate::cli::GlobalArgs, printer: &Printer) -> Result<Settings, CliError> {
    let settings = Settings::resolve(global, printer.stdout_is_terminal())?;
    printer.set_profile(&settings.profile.name);
    Ok(settings)
}

/// The profile's token and a client that sends it.
pub fn signed_in_client(settings: &Settings) -> Result<(ApiClient, Credential), CliError> {
    let credential = CredentialStore::new(&settings.profile.name).resolve()?;
    let client = ApiClient::new(&settings.profile, Some(credential.token.clone()), settings.audit.clone())?;
    Ok((client, credential))
}
