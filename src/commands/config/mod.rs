//! `acctl config`: where the config file is, what it resolves to, and
//! changing it one profile or one key at a time.

mod init;
mod path;
mod set;
pub(crate) mod show;
mod use_profile;

use clap::Subcommand;

use crate::cli::GlobalArgs;
use crate::error::{CliError, ExitStatus};
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    Path(path::PathArgs),
    Show(show::ShowArgs),
    Init(init::InitArgs),
    Use(use_profile::UseArgs),
    Set(set::SetArgs),
}

pub fn run(cmd: ConfigCommand, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    match cmd {
        ConfigCommand::Path(args) => path::run(&args, global, ui),
        ConfigCommand::Show(args) => show::run(&args, global, ui),
        ConfigCommand::Init(args) => init::run(&args, global, ui),
        ConfigCommand::Use(args) => use_profile::run(&args, global, ui),
        ConfigCommand::Set(args) => set::run(&args, global, ui),
    }
}
