//! `acctl auth`: sign in to a profile, check who you are, sign out.

mod login;
mod logout;
mod status;

use clap::Subcommand;

use crate::error::{CliError, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    Login(login::LoginArgs),
    Status(status::StatusArgs),
    Logout(logout::LogoutArgs),
}

pub async fn run(cmd: AuthCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus, CliError> {
    match cmd {
        AuthCommand::Login(args) => login::run(&args, settings, printer).await,
        AuthCommand::Status(args) => status::run(&args, settings, printer).await,
        AuthCommand::Logout(args) => logout::run(&args, settings, printer),
    }
}
