//! `acctl code send|verify`: the verification-code steps of a reset, one
//! command each, for scripts and for agents who prefer them to the wizard.

mod send;
mod verify;

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum CodeCommand {
    Send(send::SendArgs),
    Verify(verify::VerifyArgs),
}

pub async fn run(cmd: CodeCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {
        CodeCommand::Send(args) => send::run(args, settings, printer).await,
        CodeCommand::Verify(args) => verify::run(args, settings, printer).await,
    }
}
