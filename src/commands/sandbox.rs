//! `acctl sandbox` (being written).

use clap::Args;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;

/// Run the reference service in-process.
#[derive(Debug, Args)]
pub struct SandboxArgs {}

pub async fn run(_args: SandboxArgs, _global: &GlobalArgs, _printer: &Printer) -> Result<ExitStatus, CliError> {
    Err(CliError::unexpected(anyhow::anyhow!("`acctl sandbox` is not built yet")))
}
