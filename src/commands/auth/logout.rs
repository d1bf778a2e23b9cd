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
    let (removed, unreached) = CredentialStore::new(name).remove()?;
    if removed.is_empty() {
        // Nothing to undo is not a failure: the state asked for holds.
        ui.info(format!("Not signed in to profile `{name}`: no token is stored for it."));
    }
    if let Some(e) = unreached {
        let cause = std::error::Error::source(&e).map(|c| format!(" ({c})")).unwrap_or_default();
        ui.warn(format!("{e}{cause}: a token kept there for `{name}`, if any, was not removed"));
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
