//! `acctl auth login`: check a token with `GET /v1/whoami` and store it.

use std::io::Read;

use clap::Args;
use secrecy::{ExposeSecret, SecretString};

use crate::client::ApiClient;
use crate::credentials::{CredentialStore, TOKEN_ENV};
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::settings::Settings;
use crate::ui::Ui;

/// Sign in: store a token for the profile in the OS keyring.
///
/// The token is read from a hidden prompt, or from stdin with --with-token;
/// never from the command line. It is checked with the service first
/// (GET /v1/whoami) and then stored in the OS keyring under service `acctl`,
/// entry = the profile name. Tokens come from `acctl-service token create`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  acctl auth login\n  acctl auth login -p prod --with-token < token.txt\n  printenv CI_ACCTL_TOKEN | acctl auth login --with-token --insecure-storage"
)]
pub struct LoginArgs {
    /// Read the token from stdin instead of prompting
    #[arg(long)]
    with_token: bool,

    /// Keep the token in a plaintext file readable only by you (when no OS keyring is available)
    #[arg(long)]
    insecure_storage: bool,
}

pub async fn run(args: &LoginArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let profile = &settings.profile;
    let token = read_token(args, settings, ui)?;
    let client = ApiClient::new(profile, Some(token.clone()))?;
    let me = client.whoami().await.map_err(|e| {
        if status_for_api(&e) == ExitStatus::NotAuthenticated {
            CliError::new(
                ExitStatus::NotAuthenticated,
                anyhow::Error::new(e).context(format!("`{}` rejected the token", profile.url)),
            )
            .with_hint("check that you copied the whole token; `acctl-service token create` prints a new one")
        } else {
            CliError::from(e).with_context(format!("cannot check the token with `{}`", profile.url))
        }
    })?;
    let store = CredentialStore::new(&profile.name);
    let place = if args.insecure_storage {
        let path = store.store_in_file(&token)?;
        ui.warn(format!("the token is stored in PLAINTEXT in `{}` (readable only by you)", path.display()));
        format!("the plaintext file `{}`", path.display())
    } else {
        store.store_in_keyring(&token)?;
        "the OS keyring".to_owned()
    };
    ui.success(format!(
        "Signed in to `{}` as `{}` (role {}) on profile `{}`; the token is in {place}",
        profile.url,
        crate::output::sanitize::for_terminal(&me.actor),
        me.role.as_str(),
        profile.name
    ));
    if crate::env::is_set(TOKEN_ENV) {
        ui.warn(format!("`{TOKEN_ENV}` is set in this environment and takes precedence over the stored token"));
    }
    Ok(ExitStatus::Success)
}

fn read_token(args: &LoginArgs, settings: &Settings, ui: &Ui) -> Result<SecretString, CliError> {
    let raw = if args.with_token {
        let mut text = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut text)
            .map_err(|e| CliError::usage(format!("cannot read the token from stdin: {e}")))?;
        text
    } else if ui.can_prompt(settings.no_input) {
        let prompt = format!(
            "Paste the token for profile `{}` ({}); it will not be shown: ",
            settings.profile.name, settings.profile.url
        );
        secrecy::ExposeSecret::expose_secret(&ui.prompt_hidden(&prompt, "token")?).to_owned()
    } else {
        return Err(CliError::usage("no token given: there is no terminal to prompt on (or `--no-input` is set)")
            .with_hint("pipe the token in: `acctl auth login --with-token < token.txt`"));
    };
    let token = raw.trim();
    if token.is_empty() {
        return Err(CliError::usage("the token is empty"));
    }
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(CliError::usage("the token contains spaces or characters a token cannot have")
            .with_hint("paste only the token that `acctl-service token create` printed"));
    }
    let token = SecretString::from(token.to_owned());
    debug_assert!(!token.expose_secret().is_empty());
    Ok(token)
}
