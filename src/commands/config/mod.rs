//! `acctl config`: where the config file is, what it resolves to, a starter file.

mod init;
mod path;
mod show;

use clap::Subcommand;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    Path(path::PathArgs),
    Show(show::ShowArgs),
    Init(init::InitArgs),
}

pub fn run(cmd: ConfigCommand, global: &GlobalArgs, printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {
        ConfigCommand::Path(args) => path::run(&args, global, printer),
        ConfigCommand::Show(args) => show::run(&args, global, printer),
        ConfigCommand::Init(args) => init::run(&args, global, printer),
    }
}
