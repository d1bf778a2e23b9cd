//! `acctl auth login`: sign in with the profile's identity provider (the
//! device flow, [`super::device`]) when it has one, or check a pasted token
//! with `GET /v1/whoami` and store it.

use clap::Args;
use secrecy::{ExposeSecret, SecretString};

use crate::client::ApiClient;
use crate::credentials::{CredentialStore, Secret, TOKEN_ENV};
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::settings::Settings;
use crate::ui::Ui;

/// Sign in: with your company's SSO, or with a token; kept in the OS keyring.
///
/// On a profile with `oidc_issuer` (single sign-on), acctl shows a page and a
/// code: open the page in a browser (here or on your phone), check the code,
/// sign in and approve. The sign-in is renewed by itself as long as the
/// identity provider allows. Ctrl-C cancels; nothing is stored until the
/// service has accepted the sign-in.
///
/// Otherwise, or with --with-token, a token is read from a hidden prompt, or
/// from stdin with --with-token (on a terminal, --with-token prompts hidden
/// too); never from the command line. It is checked with the service first
/// (GET /v1/whoami). Tokens come from `acctl-service token create --db PATH`,
/// from `acctl sandbox`, or, on an SSO profile, from another OAuth flow.
///
/// Either is stored in the OS keyring under service `acctl`, entry = the
/// profile name. Without a keyring, set ACCTL_TOKEN instead or use
/// --insecure-storage. A single sign-on it replaces is revoked at the
/// identity provider, as `acctl auth logout` does.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  acctl auth login -p prod                # SSO profile: open the page shown, check the code\n  acctl auth login -p prod --with-token < token.txt\n  printenv CI_ACCTL_TOKEN | acctl auth login --with-token --insecure-storage"
)]
pub struct LoginArgs {
    /// Read a token from stdin instead of signing in (a hidden prompt when stdin is a terminal)
    #[arg(long)]
    with_token: bool,

    /// Keep the token or sign-in in a plaintext file readable only by you (when no OS keyring is available)
    #[arg(long)]
    insecure_storage: bool,
}

pub async fn run(args: &LoginArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    if let Some(oidc) = &settings.profile.oidc
        && !args.with_token
    {
        return super::device::login(oidc, args.insecure_storage, settings, ui).await;
    }
    let profile = &settings.profile;
    let store = CredentialStore::new(&profile.name);
    let from = token_input(args, settings, ui)?;
    let check_keyring = || {
        store
            .check_keyring()
            .map_err(|e| CliError::from(e).with_context("cannot sign in: there is nowhere to keep the token"))
    };
    // Before a prompt: a keyring that cannot keep the token must not cost the
    // user a paste that is then thrown away. Piped input is read (and checked
    // for form) first; either way, before the token is sent anywhere.
    if !args.insecure_storage && matches!(from, TokenInput::Prompt { .. }) {
        check_keyring()?;
    }
    let token = read_token(from, settings, ui)?;
    if !args.insecure_storage && matches!(from, TokenInput::Stdin) {
        check_keyring()?;
    }
    let client = ApiClient::new(profile, Some(token.clone()))?;
    let me = client.whoami().await.map_err(|e| {
        if status_for_api(&e) == ExitStatus::NotAuthenticated {
            CliError::new(
                ExitStatus::NotAuthenticated,
                anyhow::Error::new(e).context(format!("`{}` rejected the token", profile.url)),
            )
            .with_hint(
                "check that you copied the whole token: a token comes from `acctl-service token create --db PATH` \
                 run on the service's database, or from the banner of `acctl sandbox`",
            )
        } else {
            CliError::from(e).with_context(format!("cannot check the token with `{}`", profile.url))
        }
    })?;
    // A single sign-on this token replaces (`--with-token` on an SSO
    // profile): read before it is overwritten, revoked once the token is kept.
    let previous = super::revoke::stored_grant(&store);
    let place = super::keep(&store, &Secret::Token(token), args.insecure_storage, ui)?;
    ui.success(format!(
        "Signed in to `{}` as `{}` (role {}) on profile `{}`; the token is in {place}",
        profile.url,
        crate::output::sanitize::for_terminal(&me.actor),
        me.role.as_str(),
        profile.name
    ));
    super::revoke::replaced(previous, None, settings, ui).await;
    if crate::env::is_set(TOKEN_ENV) {
        ui.warn(format!("`{TOKEN_ENV}` is set in this environment and takes precedence over the stored token"));
    }
    Ok(ExitStatus::Success)
}

/// Where the token will be read from.
#[derive(Clone, Copy)]
enum TokenInput {
    /// Piped in (`--with-token` with stdin not a terminal).
    Stdin,
    /// A hidden prompt; `with_token` when `--with-token` met a terminal.
    Prompt { with_token: bool },
}

/// Where the token can come from, or the usage error saying how to give one.
fn token_input(args: &LoginArgs, settings: &Settings, ui: &Ui) -> Result<TokenInput, CliError> {
    // `--with-token` on a terminal is someone about to paste: read it hidden,
    // with a prompt, rather than echo it and wait for Ctrl-D.
    if args.with_token && !ui.stdin_is_terminal() {
        return Ok(TokenInput::Stdin);
    }
    if ui.can_prompt(settings.no_input) {
        return Ok(TokenInput::Prompt { with_token: args.with_token });
    }
    let why = if args.with_token {
        "`--with-token` reads stdin, and stdin is a terminal with no prompt allowed"
    } else {
        "there is no terminal to prompt on (or `--no-input` is set)"
    };
    Err(CliError::usage(format!("no token given: {why}"))
        .with_hint("pipe the token in: `acctl auth login --with-token < token.txt`"))
}

fn read_token(from: TokenInput, settings: &Settings, ui: &Ui) -> Result<SecretString, CliError> {
    let token = match from {
        TokenInput::Stdin => ui.read_stdin_line("token")?,
        TokenInput::Prompt { with_token } => {
            let how = if with_token { " (stdin is a terminal, so it is read here)" } else { "" };
            let text = format!(
                "Paste the token for profile `{}` ({}){how}; it will not be shown: ",
                settings.profile.name, settings.profile.url
            );
            ui.prompt_hidden(&text, "token")?
        }
    };
    let trimmed = token.expose_secret().trim();
    if trimmed.is_empty() {
        return Err(CliError::usage("the token is empty"));
    }
    if !trimmed.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(CliError::usage("the token contains spaces or characters a token cannot have")
            .with_hint("paste only the token that `acctl-service token create` or `acctl sandbox` printed"));
    }
    Ok(SecretString::from(trimmed.to_owned()))
}
