//! `acctl config path`

use std::io::Write;

use clap::Args;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ExitStatus};
use crate::settings::ConfigLocation;
use crate::ui::Ui;

/// Print the path of the config file in use (whether or not it exists).
#[derive(Debug, Args)]
pub struct PathArgs {}

pub fn run(_args: &PathArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let location = ConfigLocation::resolve(global)?;
    let mut out = ui.stdout();
    writeln!(out, "{}", location.path.display())?;
    out.flush()?;
    if !location.path.exists() {
        ui.hint("the file does not exist yet; `acctl config init` creates it");
    }
    Ok(ExitStatus::Success)
}
