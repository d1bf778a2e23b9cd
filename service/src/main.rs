//! `acctl-service`: serve Admin API v1, mint operator tokens, load accounts.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use acctl_api::Role;
use acctl_service::{Clock, ConnectionLimits, NewAccount, RateLimit, ServiceConfig, Store, StoreError};
use anyhow::Context;
use clap::{Parser, Subcommand};

/// The reference account service behind acctl: Admin API v1 over HTTP, backed by SQLite.
#[derive(Parser)]
#[command(name = "acctl-service", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API.
    ///
    /// Example: acctl-service serve --listen 127.0.0.1:8080 --db accounts.db --sandbox --demo
    Serve(ServeArgs),
    /// Operator tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Customer accounts.
    #[command(subcommand)]
    Accounts(AccountsCommand),
    /// Print the OpenAPI document, generated from the code (api/openapi.json
    /// is its committed copy, which the service serves).
    #[cfg(feature = "openapi")]
    Openapi,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// SQLite database file; created if missing.
    #[arg(long, default_value = "accounts.db")]
    db: PathBuf,
    /// Sandbox mode: serve GET /v1/sandbox/outbox with every message's code
    /// or temporary password, and print a token per role on start.
    #[arg(long)]
    sandbox: bool,
    /// Seed the demo accounts (skipping those that exist).
    #[arg(long)]
    demo: bool,
    /// Send emails to this SMTP server (smtp://host:port; plain SMTP).
    #[arg(long, value_name = "URL")]
    smtp: Option<String>,
    /// POST SMS messages as JSON ({"to", "body", "kind", "account_id"}) to this URL.
    #[arg(long, value_name = "URL")]
    sms_webhook: Option<String>,
    /// Requests per second allowed per token (bursts of twice that); 0 turns the limit off.
    #[arg(long, default_value_t = 200)]
    rate_limit: u32,
    /// Seconds a connection may take to send a request head, new or kept
    /// alive; then it is closed (at most 10 by default).
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    header_read_timeout: u64,
    /// Most connections open at once; more wait to be accepted. Keep it
    /// below the process's file descriptor limit (`ulimit -n`).
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_connections: u64,
    /// Threads that hash passwords (argon2id, 19 MiB each); default: one per core.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    hashing_threads: Option<u64>,
    /// Also accept JWT access tokens from this OpenID Connect provider
    /// (its issuer URL, exactly as in its tokens' `iss`). Its discovery
    /// document and keys are fetched on start: an unreachable provider is
    /// an error.
    #[cfg(feature = "oidc")]
    #[arg(long, value_name = "URL", requires = "oidc_audience")]
    oidc_issuer: Option<String>,
    /// The audience the provider's access tokens must name (`aud`): this
    /// API's resource indicator, e.g. https://accounts-admin.example.com.
    #[cfg(feature = "oidc")]
    #[arg(long, value_name = "AUD", requires = "oidc_issuer")]
    oidc_audience: Option<String>,
    /// The access-token claim that holds the role: agent, sre or admin, as
    /// a string or an array (the highest counts). A dotted name such as
    /// realm_access.roles is also looked up as a path.
    #[cfg(feature = "oidc")]
    #[arg(long, value_name = "NAME", default_value = "roles", requires = "oidc_issuer")]
    oidc_role_claim: String,
    /// Also accept access tokens whose header says `typ: JWT` (or has no
    /// `typ`), as Okta, Entra ID, Keycloak and Auth0's default profile issue
    /// them; without it only RFC 9068's `at+jwt` is taken. ID tokens are
    /// still refused: by `aud` (the audience must not be acctl's client ID)
    /// and by the claims only they carry (`nonce`, `at_hash`, `c_hash`).
    #[cfg(feature = "oidc")]
    #[arg(long, requires = "oidc_issuer")]
    oidc_accept_plain_jwt: bool,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a bearer token and print it (once: only its hash is stored).
    ///
    /// Example: acctl-service token create --db accounts.db --actor alice --role agent
    ///
    /// The database must exist (the one `serve --db` uses) unless `--create` is given.
    Create {
        #[command(flatten)]
        db: DbArgs,
        /// Operator name recorded in the audit log.
        #[arg(long)]
        actor: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
}

#[derive(Subcommand)]
enum AccountsCommand {
    /// Import accounts from NDJSON, one account a line.
    ///
    /// Each line: {"email": "...", "phone": "+86...", "display_name": "...",
    /// "password": "...", "mfa": false, "devices": [{"model": "...", "name": "..."}]}.
    /// All lines are checked first; nothing is imported if one is bad.
    Import {
        #[command(flatten)]
        db: DbArgs,
        /// NDJSON file, or - for stdin.
        file: PathBuf,
    },
    /// Create synthetic accounts (no password) for load tests.
    Generate {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        count: u64,
    },
}

/// The database of a command that changes one: it must exist already (the
/// one `serve` uses), unless `--create` says to start a new one. A typo in
/// `--db`, or a command run from another directory, would otherwise mint a
/// token into a fresh file that no running service reads.
#[derive(clap::Args)]
struct DbArgs {
    /// SQLite database file of the service (the `--db` that `serve` runs with)
    #[arg(long, default_value = "accounts.db", value_name = "PATH")]
    db: PathBuf,
    /// Create the database if it does not exist yet
    #[arg(long)]
    create: bool,
}

impl DbArgs {
    fn open(&self) -> anyhow::Result<Store> {
        if !self.create && !self.db.exists() {
            let shown = std::path::absolute(&self.db).unwrap_or_else(|_| self.db.clone());
            return Err(Hinted {
                message: format!("the database `{}` does not exist", shown.display()),
                hint: "pass the `--db` that `acctl-service serve` uses, or add `--create` to start a new database there",
            }
            .into());
        }
        Ok(Store::open(&self.db, Clock::system())?)
    }
}

/// An error with what to do next, printed as a `hint:` line after the causes.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
struct Hinted {
    message: String,
    hint: &'static str,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
}

/// `ACCTL_SERVICE_LOG`: `LEVEL` or `TARGET=LEVEL` pairs separated by commas
/// (tracing-subscriber's `Targets`); `info` when unset or unreadable.
fn init_logging() {
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let info = || tracing_subscriber::filter::Targets::new().with_default(tracing::Level::INFO);
    let filter = match std::env::var("ACCTL_SERVICE_LOG") {
        Err(_) => info(),
        Ok(given) => given.parse().unwrap_or_else(|e| {
            eprintln!("warning: ACCTL_SERVICE_LOG=`{given}` is not a log filter ({e}); logging at info");
            info()
        }),
    };
    tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(filter)
        .init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            if let Some(hinted) = e.downcast_ref::<Hinted>() {
                eprintln!("hint: {}", hinted.hint);
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args),
        Command::Token(TokenCommand::Create { db, actor, role }) => {
            let store = db.open()?;
            let token = store.create_token(&actor, role)?;
            println!("{token}");
            eprintln!("Token for `{actor}` ({}) created. It is shown only this once.", role.as_str());
            Ok(())
        }
        Command::Accounts(AccountsCommand::Import { db, file }) => import(&db, &file),
        Command::Accounts(AccountsCommand::Generate { db, count }) => {
            let store = db.open()?;
            let total = store.generate_accounts(count)?;
            eprintln!("Generated {count} accounts ({total} synthetic accounts in `{}`).", db.db.display());
            Ok(())
        }
        #[cfg(feature = "openapi")]
        Command::Openapi => {
            print!("{}", acctl_service::openapi::document_json());
            Ok(())
        }
    }
}

fn import(db: &DbArgs, file: &std::path::Path) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("cannot read `{}`", file.display()))?,
        ))
    };
    // Parse every line before writing any, so a bad line imports nothing.
    let mut accounts = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read line {} of `{}`", n + 1, file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let account: NewAccount = serde_json::from_str(&line).map_err(|e| {
            anyhow::anyhow!("line {}: not an account record (column {}): {}", n + 1, e.column(), redact(&e))
        })?;
        accounts.push((n + 1, account));
    }
    let store = db.open()?;
    refuse_look_alikes(&store, &accounts)?;
    let mut imported = 0;
    for (line, account) in &accounts {
        store
            .import_account(account)
            .with_context(|| format!("line {line} was not imported ({imported} before it were)"))?;
        imported += 1;
    }
    eprintln!("Imported {imported} accounts into `{}`.", db.db.display());
    Ok(())
}

/// Refuses an address that would pass for another account's (`alıce@` next
/// to `alice@`, `Alice@` next to `alice@`), in the database or earlier in the
/// file: they would be separate accounts that an agent cannot tell apart.
/// Spellings of one address (NFD and NFC, full-width letters) are already
/// one address after normalisation, and refused as duplicates on import.
fn refuse_look_alikes(store: &Store, accounts: &[(usize, NewAccount)]) -> anyhow::Result<()> {
    use std::collections::HashMap;
    let mut seen: HashMap<String, String> = HashMap::new();
    for email in store.email_addresses()? {
        seen.insert(acctl_api::ident::confusable_skeleton(&email), email);
    }
    for (line, account) in accounts {
        let Some(raw) = account.email.as_deref() else { continue };
        // Escaped: the input may hold U+202E, which would reorder the terminal line.
        let email = acctl_api::ident::normalize_email(raw)
            .map_err(|e| anyhow::anyhow!("line {line}: `{}` {}; nothing was imported", raw.escape_debug(), e.reason))?;
        let skeleton = acctl_api::ident::confusable_skeleton(&email);
        match seen.get(&skeleton) {
            Some(other) if *other != email => anyhow::bail!(
                "line {line}: `{email}` looks like the address `{other}` of another account; nothing was imported"
            ),
            _ => {
                seen.insert(skeleton, email);
            }
        }
    }
    Ok(())
}

/// serde's message without any quoted value (a line may hold a password).
fn redact(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    if msg.starts_with("missing field") || msg.starts_with("unknown field") {
        msg.split(" at line").next().unwrap_or_default().split(", expected").next().unwrap_or_default().to_owned()
    } else {
        format!("{:?} error", e.classify()).to_lowercase()
    }
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    runtime.block_on(async move {
        let mut config = ServiceConfig::new(&args.db);
        config.sandbox = args.sandbox;
        config.smtp = args.smtp;
        config.sms_webhook = args.sms_webhook;
        config.rate_limit = (args.rate_limit > 0)
            .then(|| RateLimit { per_second: args.rate_limit, burst: args.rate_limit.saturating_mul(2) });
        config.connections = ConnectionLimits {
            header_read_timeout: std::time::Duration::from_secs(args.header_read_timeout),
            max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
        };
        if let Some(threads) = args.hashing_threads {
            config.hashing_threads = usize::try_from(threads).unwrap_or(1);
        }
        #[cfg(feature = "oidc")]
        if let (Some(issuer), Some(audience)) = (args.oidc_issuer, args.oidc_audience) {
            let mut oidc = acctl_service::oidc::OidcConfig::new(issuer, audience);
            oidc.role_claim = args.oidc_role_claim;
            oidc.accept_plain_jwt = args.oidc_accept_plain_jwt;
            config.oidc = Some(oidc);
        }
        #[cfg(feature = "oidc")]
        let trusted = config.oidc.as_ref().map(|o| {
            let labels = if o.accept_plain_jwt { ", typ `at+jwt` or `JWT`" } else { "" };
            format!(
                "accepting access tokens of `{}` for `{}` (role claim `{}`{labels})",
                o.issuer, o.audience, o.role_claim
            )
        });
        // Before seeding: the demo accounts' passwords are the first hashes.
        acctl_service::hashing::configure(config.hashing_threads);
        // Seed and mint the sandbox tokens before listening: a script that
        // waits for /healthz must find the demo accounts there and the
        // printed tokens valid.
        let (db, clock, demo, sandbox) = (config.db.clone(), config.clock.clone(), args.demo, args.sandbox);
        let tokens = tokio::task::spawn_blocking(move || {
            let store = Store::open(&db, clock)?;
            if demo {
                store.seed_demo()?;
            }
            let roles = if sandbox { vec![Role::Agent, Role::Sre, Role::Admin] } else { Vec::new() };
            roles
                .into_iter()
                .map(|role| store.create_token(&format!("sandbox-{}", role.as_str()), role).map(|t| (role, t)))
                .collect::<Result<Vec<_>, StoreError>>()
        })
        .await??;
        let service = acctl_service::start(config, args.listen).await?;
        eprintln!("acctl-service listening on {}", service.url());
        #[cfg(feature = "oidc")]
        if let Some(trusted) = trusted {
            eprintln!("OpenID Connect: {trusted}");
        }
        if args.sandbox {
            eprintln!("sandbox mode: messages are not sent; read them at {}/v1/sandbox/outbox", service.url());
            for (role, token) in tokens {
                eprintln!("  {:<5} token: {token}", role.as_str());
            }
        }
        shutdown_signal().await?;
        eprintln!("shutting down");
        service.shutdown().await;
        Ok(())
    })
}

async fn shutdown_signal() -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            r = tokio::signal::ctrl_c() => r?,
            _ = term.recv() => {}
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await?;
        Ok(())
    }
}
