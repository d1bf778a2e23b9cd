//! `acctl audit` (being written).

use clap::Args;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

/// Read the audit log.
#[derive(Debug, Args)]
pub struct AuditArgs {}

pub async fn run(_args: AuditArgs, _settings: &Settings, _printer: &Printer) -> Result<ExitStatus, CliError> {
    Err(CliError::unexpected(anyhow::anyhow!("`acctl audit` is not built yet")))
}
