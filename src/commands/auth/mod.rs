//! `acctl auth`: sign in to a profile, check who you are, sign out.

mod device;
mod login;
mod logout;
mod revoke;
pub(crate) mod status;

use clap::Subcommand;

use crate::credentials::{CredentialStore, Secret};
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

/// Keeps `secret` where the user chose, the OS keyring unless
/// `--insecure-storage`, warning when it goes to the plaintext file; says
/// where, for the line that confirms the sign-in.
fn keep(store: &CredentialStore, secret: &Secret, insecure_storage: bool, ui: &Ui) -> Result<String, CliError> {
    if insecure_storage {
        let what = match secret {
            Secret::Token(_) => "the token",
            Secret::Sso(_) => "the sign-in",
        };
        let path = store.store_in_file(secret)?;
        ui.warn(format!("{what} is stored in PLAINTEXT in `{}` (readable only by you)", path.display()));
        Ok(format!("the plaintext file `{}`", path.display()))
    } else {
        store.store_in_keyring(secret)?;
        Ok("the OS keyring".to_owned())
    }
}
