//! `acctl config`: where the config file is, what it resolves to, a starter file.

mod init;
mod path;
pub(crate) mod show;

use clap::Subcommand;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ExitStatus};
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    Path(path::PathArgs),
    Show(show::ShowArgs),
    Init(init::InitArgs),
}

pub fn run(cmd: ConfigCommand, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    match cmd {
        ConfigCommand::Path(args) => path::run(&args, global, ui),
        ConfigCommand::Show(args) => show::run(&args, global, ui),
        ConfigCommand::Init(args) => init::run(&args, global, ui),
    }
}
