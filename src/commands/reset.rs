//! `acctl reset` (being written).

use clap::Args;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

/// Reset a password, guided.
#[derive(Debug, Args)]
pub struct ResetArgs {}

pub async fn run(_args: ResetArgs, _settings: &Settings, _printer: &Printer) -> Result<ExitStatus, CliError> {
    Err(CliError::unexpected(anyhow::anyhow!("`acctl reset` is not built yet")))
}
