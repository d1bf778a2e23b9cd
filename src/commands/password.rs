//! `acctl password` (being written).

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum PasswordCommand {}

pub async fn run(cmd: PasswordCommand, _settings: &Settings, _printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {}
}
