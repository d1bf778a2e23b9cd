//! `acctl auth logout`: forget the profile's stored token.

use clap::Args;

use crate::credentials::{CredentialStore, TOKEN_ENV, TokenSource};
use crate::error::{CliError, ExitStatus};
use crate::settings::Settings;
use crate::ui::Ui;

/// Sign out: remove the profile's token from the OS keyring (and the plaintext file).
#[derive(Debug, Args)]
pub struct LogoutArgs {}

pub fn run(_args: &LogoutArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let name = &settings.profile.name;
    let removed = CredentialStore::new(name).remove()?;
    if removed.is_empty() {
        ui.info(format!("No token was stored for profile `{name}`."));
    }
    for place in &removed {
        match place {
            TokenSource::File(p) => ui.success(format!("Removed the token of profile `{name}` from `{}`", p.display())),
            _ => ui.success(format!("Removed the token of profile `{name}` from the OS keyring")),
        }
    }
    if crate::env::is_set(TOKEN_ENV) {
        ui.warn(format!("`{TOKEN_ENV}` is still set in this environment; unset it to sign out completely"));
    }
    Ok(ExitStatus::Success)
}
