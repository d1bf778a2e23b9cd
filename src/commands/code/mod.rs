//! `acctl code send|verify`: the verification-code steps of a reset, one
//! command each, for scripts and for agents who prefer them to the wizard.

pub(crate) mod send;
pub(crate) mod verify;

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::settings::Settings;
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum CodeCommand {
    Send(send::SendArgs),
    Verify(verify::VerifyArgs),
}

pub async fn run(cmd: CodeCommand, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    match cmd {
        CodeCommand::Send(args) => send::run(args, settings, ui).await,
        CodeCommand::Verify(args) => verify::run(args, settings, ui).await,
    }
}
