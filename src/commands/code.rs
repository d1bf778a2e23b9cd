//! `acctl code send|verify` (being written).

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum CodeCommand {}

pub async fn run(cmd: CodeCommand, _settings: &Settings, _printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {}
}
