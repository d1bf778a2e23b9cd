//! `acctl auth`: sign in to a profile, check who you are, sign out.

mod device;
mod login;
mod logout;
mod revoke;
pub(crate) mod status;

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::settings::Settings;
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    Login(login::LoginArgs),
    Status(status::StatusArgs),
    Logout(logout::LogoutArgs),
}

pub async fn run(
    cmd: AuthCommand,
    global: &crate::cli::GlobalArgs,
    settings: &Settings,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    match cmd {
        AuthCommand::Login(args) => login::run(&args, settings, ui).await,
        AuthCommand::Status(args) => status::run(&args, global, settings, ui).await,
        AuthCommand::Logout(args) => logout::run(&args, settings, ui).await,
    }
}
