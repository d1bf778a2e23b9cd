//! `acctl demo` (being written).

use clap::Args;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;

/// Run the reference service in-process.
#[derive(Debug, Args)]
pub struct DemoArgs {}

pub async fn run(_args: DemoArgs, _global: &GlobalArgs, _printer: &Printer) -> Result<ExitStatus, CliError> {
    Err(CliError::unexpected(anyhow::anyhow!("`acctl demo` is not built yet")))
}
