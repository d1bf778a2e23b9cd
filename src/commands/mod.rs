//! The commands: one module per command, a folder per command group. Each
//! pairs its clap `Args` (whose doc comment is the help text) with the
//! function that runs it. The recovery steps, the `reset` wizard and `demo
//! --script` are thin front ends over [`crate::recovery`].
//!
//! [`Cli`] and [`Command`] are here, as in jj, so that [`crate::cli`] (the
//! global flags) imports no command and nothing imports in a circle.

mod account;
mod audit;
mod auth;
mod bulk;
mod code;
mod completions;
mod config;
#[cfg(feature = "sandbox")]
mod demo;
mod fields;
mod lookup;
pub(crate) mod password;
mod reset;
#[cfg(feature = "sandbox")]
mod sandbox;
mod sessions;

use acctl_api::{Channel, Identifier};
use clap::{Parser, Subcommand, ValueEnum};

use crate::cli::{EXIT_CODES, GlobalArgs, ROOT_AFTER_HELP};
use crate::client::{ApiClient, Bearer, Change, IdempotencyKey};
use crate::credentials::{Credential, CredentialStore, Secret};
use crate::error::{CliError, ExitStatus};
use crate::oidc::session::Session;
use crate::profile::Profile;
use crate::settings::Settings;
use crate::ui::Ui;

pub(crate) use fields::help_requested as fields_help_requested;

/// Customer account recovery from the command line.
///
/// acctl finds customer accounts by email, phone number or account ID through
/// the account backend's Admin API, sends verification codes to the contacts
/// on file, and resets passwords without anyone seeing the customer's password.
/// `acctl reset` walks an agent through a whole reset; `acctl demo` shows one.
#[derive(Debug, Parser)]
#[command(
    name = "acctl",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = EXIT_CODES,
    after_long_help = format!("{ROOT_AFTER_HELP}\n{EXIT_CODES}"),
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign in to a backend profile, check who you are, sign out
    #[command(subcommand)]
    Auth(auth::AuthCommand),

    // Its summary and description are `LookupArgs`' doc comment (a doc comment
    // here would replace both with one line).
    Lookup(lookup::LookupArgs),

    /// Reset a customer's password, guided step by step (the wizard)
    Reset(reset::ResetArgs),

    /// Send a verification code to a contact on file, and verify the code the customer reads back
    #[command(subcommand)]
    Code(code::CodeCommand),

    /// Set a customer's password: deliver a temporary one, or take one from stdin
    #[command(subcommand)]
    Password(password::PasswordCommand),

    /// Lock or unlock an account
    #[command(subcommand)]
    Account(account::AccountCommand),

    /// Sign a customer out everywhere
    #[command(subcommand)]
    Sessions(sessions::SessionsCommand),

    /// One action over a list of accounts: planned, journalled, resumable, exactly once
    #[command(subcommand)]
    Bulk(bulk::BulkCommand),

    // Its summary and description are `AuditArgs`' doc comment (a doc comment
    // here would replace both with one line).
    Audit(audit::AuditArgs),

    // Its summary and description are `SandboxArgs`' doc comment (a doc comment
    // here would replace both with one line).
    #[cfg(feature = "sandbox")]
    Sandbox(sandbox::SandboxArgs),

    // Its summary and description are `DemoArgs`' doc comment (a doc comment
    // here would replace both with one line).
    #[cfg(feature = "sandbox")]
    Demo(demo::DemoArgs),

    /// Show and create the config file
    #[command(subcommand)]
    Config(config::ConfigCommand),

    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
}

impl Command {
    /// Whether the command runs on one thread (see [`crate::run`]).
    pub fn single_threaded(&self) -> bool {
        matches!(self, Command::Lookup(_))
    }
}

/// Resolves settings (for the commands that need them) and runs the command.
pub async fn dispatch(cli: Cli, ui: &Ui) -> Result<ExitStatus, CliError> {
    let global = cli.global;
    match cli.command {
        // These work without reading the config file, so they work when it is broken.
        Command::Config(cmd) => config::run(cmd, &global, ui),
        Command::Completions(args) => completions::run(&args, ui),
        Command::Auth(cmd) => auth::run(cmd, &global, &resolve(&global, ui)?, ui).await,
        Command::Lookup(args) => {
            let settings = resolve(&global, ui)?;
            // Long-running: Ctrl-C ends it with 130 and a message (prompting
            // commands keep the default signal handling so the terminal is restored).
            tokio::select! {
                result = lookup::run(args, &settings, ui) => result,
                _ = tokio::signal::ctrl_c() => Err(CliError::interrupted()),
            }
        }
        Command::Reset(args) => reset::run(args, &resolve(&global, ui)?, ui).await,
        Command::Code(cmd) => code::run(cmd, &resolve(&global, ui)?, ui).await,
        Command::Password(cmd) => password::run(cmd, &resolve(&global, ui)?, ui).await,
        Command::Account(cmd) => account::run(cmd, &resolve(&global, ui)?, ui).await,
        Command::Sessions(cmd) => sessions::run(cmd, &resolve(&global, ui)?, ui).await,
        Command::Bulk(cmd) => bulk::run(cmd, &resolve(&global, ui)?, ui).await,
        Command::Audit(args) => audit::run(args, &resolve(&global, ui)?, ui).await,
        #[cfg(feature = "sandbox")]
        Command::Sandbox(args) => sandbox::run(args, ui).await,
        #[cfg(feature = "sandbox")]
        Command::Demo(args) => demo::run(args, &global, ui).await,
    }
}

fn resolve(global: &GlobalArgs, ui: &Ui) -> Result<Settings, CliError> {
    let settings = Settings::resolve(global, ui.stdout_is_terminal())?;
    ui.set_profile(&settings.profile.name);
    Ok(settings)
}

/// The profile's token and a client that sends it.
fn signed_in_client(settings: &Settings) -> Result<(ApiClient, Credential), CliError> {
    let store = CredentialStore::new(&settings.profile.name);
    let credential = store.resolve()?;
    let client = ApiClient::with_bearer(&settings.profile, bearer(&settings.profile, &credential, store))?;
    Ok((client, credential))
}

/// What a client sends for `credential`: a pasted token (or `ACCTL_TOKEN`)
/// as it is; a single sign-on's access token, renewed as it expires for as
/// long as the command runs, and stored back each time.
pub(crate) fn bearer(profile: &Profile, credential: &Credential, store: CredentialStore) -> Bearer {
    match &credential.secret {
        Secret::Token(token) => Bearer::Token(token.clone()),
        Secret::Sso(grant) => Bearer::Fresh(std::sync::Arc::new(Session::new(
            profile,
            grant.clone(),
            credential.source.clone(),
            store,
            crate::ui::warner(),
        ))),
    }
}

/// What a step needs to run one change: a signed-in client, and the change's
/// audit context with a fresh idempotency key.
struct Step {
    client: ApiClient,
    key: IdempotencyKey,
}

impl Step {
    fn new(settings: &Settings) -> Result<Step, CliError> {
        let (client, _) = signed_in_client(settings)?;
        Ok(Step { client, key: IdempotencyKey::random() })
    }

    fn change<'a>(&'a self, settings: &'a Settings) -> Change<'a> {
        Change { key: &self.key, audit: &settings.audit }
    }

    /// The account IDENT names (never unmasked: the ID is all a step needs, and
    /// an unmasked read is audited), or exit 3 saying so.
    async fn account(&self, input: &str, ident: &Identifier) -> Result<acctl_api::Account, CliError> {
        crate::recovery::find_account(&self.client, input, ident, false).await.map_err(CliError::from)
    }
}

/// What a person reads after answering no to a confirmation.
const NOTHING_CHANGED: &str = "Nothing was changed.";

/// The checks before any change: reason/ticket as the profile demands, and
/// on a protected profile the banner, then a confirmation unless `--yes`
/// ([`Settings::check_change`] names everything missing at once). `what`
/// says what is about to happen ("Lock account `acc_…`").
///
/// `Ok(false)`: the person said no. That is an answer, not a failure: the
/// command stops with exit 0 and "Nothing was changed." on stderr, as the
/// wizard does when its last question is declined (README, "Confirmations").
fn begin_change(settings: &Settings, ui: &Ui, what: &str) -> Result<bool, CliError> {
    let Some(banner) = settings.check_change(ui.can_prompt(settings.no_input))? else { return Ok(true) };
    ui.warn(banner);
    if settings.yes {
        return Ok(true);
    }
    if ui.confirm_change(&format!("{what} on protected profile `{}`?", settings.profile.name))? {
        Ok(true)
    } else {
        ui.info(NOTHING_CHANGED);
        Ok(false)
    }
}

/// `--channel email|sms`, with the values listed in help and completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ChannelArg {
    /// The email address on file
    Email,
    /// The phone number on file, by SMS
    Sms,
}

impl From<ChannelArg> for Channel {
    fn from(c: ChannelArg) -> Self {
        match c {
            ChannelArg::Email => Channel::Email,
            ChannelArg::Sms => Channel::Sms,
        }
    }
}
