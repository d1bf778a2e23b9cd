//! `acctl sessions` (being written).

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {}

pub async fn run(cmd: SessionsCommand, _settings: &Settings, _printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {}
}
