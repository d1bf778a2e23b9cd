//! `acctl sandbox`: the reference service in-process, with the demo
//! accounts, a token per role, and a live feed of every message it "sends".
//!
//! By default the sandbox keeps its database and its printed tokens in the
//! XDG state directory, so a profile signed in to it (`auth login -p
//! sandbox`) still works after a restart. The service stores tokens hashed,
//! so the sandbox keeps the three it prints in a 0600 file next to the
//! database, checks them against the database on start, and mints new ones
//! only when they are gone or no longer valid. `--ephemeral` (and `acctl
//! demo`) use a throwaway database instead.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use acctl_api::{OutboxMessage, Role};
use acctl_service::{RunningService, ServiceConfig};
use clap::Args;
use serde::{Deserialize, Serialize};

use crate::error::{CliError, ExitStatus};
use crate::output::sanitize::for_terminal;
use crate::ui::Ui;

/// Run the reference account service in-process, for training and trying things out.
///
/// The sandbox serves Admin API v1 with a dozen demo accounts, prints its URL,
/// a token for each role and a config snippet, then shows every message the
/// service "sends" (verification codes, temporary passwords, notices) as it
/// happens, the way the customer would receive it. Nothing leaves the machine.
/// Ctrl-C stops it.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl sandbox                          # on 127.0.0.1:8080; data and tokens kept between runs
  acctl sandbox --ephemeral              # a throwaway database and new tokens
  acctl sandbox --listen 127.0.0.1:0 --db sandbox.db
  # in another terminal, with the URL and agent token it printed:
  ACCTL_URL=http://127.0.0.1:8080 ACCTL_TOKEN=acctl_… acctl lookup alice@example.com")]
pub struct SandboxArgs {
    /// Address to listen on: loopback only (127.0.0.1, ::1); port 0 picks a free one
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR", value_parser = loopback_addr)]
    listen: SocketAddr,

    /// SQLite database file to keep between runs (its tokens go in PATH-tokens.toml, mode 0600)
    /// [default: $XDG_STATE_HOME/acctl/sandbox/sandbox.db]
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,

    /// A throwaway database, removed on exit, with new tokens each run
    #[arg(long, conflicts_with = "db")]
    ephemeral: bool,
}

/// Where the sandbox keeps its data.
#[derive(Debug, Clone)]
pub enum SandboxDb {
    /// A temporary database removed on exit; new tokens each run.
    Ephemeral,
    /// A database kept between runs, with its tokens in a file beside it.
    Kept(PathBuf),
}

impl SandboxDb {
    fn from_args(args: &SandboxArgs) -> Result<SandboxDb, CliError> {
        if args.ephemeral {
            return Ok(SandboxDb::Ephemeral);
        }
        if let Some(path) = &args.db {
            return Ok(SandboxDb::Kept(path.clone()));
        }
        let dir = crate::dirs::state_dir().ok_or_else(|| {
            CliError::usage("cannot tell where to keep the sandbox's data: neither XDG_STATE_HOME nor HOME is set")
                .with_hint("pass `--db PATH`, or `--ephemeral` for a throwaway sandbox")
        })?;
        Ok(SandboxDb::Kept(dir.join("sandbox").join("sandbox.db")))
    }
}

/// The file beside a kept database that holds the tokens the sandbox prints.
fn tokens_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push("-tokens.toml");
    db.with_file_name(name)
}

/// The tokens the sandbox printed last time, by role.
#[derive(Default, Serialize, Deserialize)]
struct KeptTokens {
    agent: Option<String>,
    sre: Option<String>,
    admin: Option<String>,
}

impl KeptTokens {
    fn slot(&mut self, role: Role) -> &mut Option<String> {
        match role {
            Role::Agent => &mut self.agent,
            Role::Sre => &mut self.sre,
            Role::Admin => &mut self.admin,
        }
    }
}

/// Reads the kept tokens; a missing or unreadable file is "none kept" (the
/// sandbox then mints new ones and writes the file again).
fn read_kept(path: &Path) -> KeptTokens {
    std::fs::read_to_string(path).ok().and_then(|text| toml::from_str(&text).ok()).unwrap_or_default()
}

/// Writes the tokens readable by the owner only, replacing the file atomically.
fn write_kept(path: &Path, tokens: &KeptTokens) -> std::io::Result<()> {
    let text = toml::to_string(tokens).map_err(std::io::Error::other)?;
    let text = format!(
        "# The tokens `acctl sandbox` prints for the database beside this file. Sandbox only: no real backend.\n{text}"
    );
    let tmp = path.with_extension("toml.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(&tmp)?;
    out.write_all(text.as_bytes())?;
    out.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// The sandbox's token for each role: the kept one while the database still
/// knows it, else a new one (and the file rewritten).
fn tokens_for(store: &acctl_service::Store, kept: Option<&Path>) -> Result<Vec<String>, CliError> {
    let seed = |e| CliError::unexpected(anyhow::Error::new(e).context("cannot seed the sandbox"));
    let mut tokens = kept.map(read_kept).unwrap_or_default();
    let mut changed = false;
    let mut out = Vec::new();
    for role in [Role::Agent, Role::Sre, Role::Admin] {
        let slot = tokens.slot(role);
        let valid = match slot.as_deref() {
            Some(token) => store.actor_for_token(token).map_err(seed)?.is_some_and(|a| a.role == role),
            None => false,
        };
        if !valid {
            *slot = Some(store.create_token(&format!("sandbox-{}", role.as_str()), role).map_err(seed)?);
            changed = true;
        }
        out.push(slot.clone().unwrap_or_default());
    }
    if let Some(path) = kept
        && changed
    {
        write_kept(path, &tokens).map_err(|e| {
            CliError::unexpected(
                anyhow::Error::new(e).context(format!("cannot keep the sandbox's tokens in `{}`", path.display())),
            )
        })?;
    }
    Ok(out)
}

/// `--listen` takes loopback addresses only: the sandbox's outbox (every code
/// and temporary password) is unauthenticated and its demo passwords are
/// public, so another machine must not reach it.
fn loopback_addr(s: &str) -> Result<SocketAddr, String> {
    let addr: SocketAddr = s.parse().map_err(|e| format!("`{s}` is not an address like 127.0.0.1:8080: {e}"))?;
    if !addr.ip().is_loopback() {
        return Err(format!(
            "`{s}` is not a loopback address; the sandbox serves its codes and demo passwords to anyone who can reach it, \
             so it listens on 127.0.0.1 or [::1] only"
        ));
    }
    Ok(addr)
}

/// A running sandbox service with its demo data and tokens.
pub struct Sandbox {
    pub service: RunningService,
    pub agent_token: String,
    pub sre_token: String,
    pub admin_token: String,
    _dir: Option<tempfile::TempDir>,
}

impl Sandbox {
    /// Starts the service on `listen` with the demo accounts seeded.
    pub async fn start(listen: SocketAddr, db: SandboxDb) -> Result<Sandbox, CliError> {
        let (dir, db, kept) = match db {
            SandboxDb::Kept(path) => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        CliError::unexpected(
                            anyhow::Error::new(e).context(format!("cannot create `{}`", parent.display())),
                        )
                    })?;
                }
                (None, path.clone(), Some(tokens_path(&path)))
            }
            SandboxDb::Ephemeral => {
                let dir = tempfile::Builder::new().prefix("acctl-sandbox").tempdir().map_err(|e| {
                    CliError::unexpected(anyhow::Error::new(e).context("cannot create a temporary directory"))
                })?;
                let path = dir.path().join("sandbox.db");
                #[cfg(unix)]
                remove_when_terminated(dir.path().to_owned());
                (Some(dir), path, None)
            }
        };
        let mut config = ServiceConfig::new(&db);
        config.sandbox = true;
        let service = acctl_service::start(config, listen).await.map_err(|e| {
            let hint =
                format!("pick another address, e.g. `--listen 127.0.0.1:0` (a free port); `{listen}` may be in use");
            let listen_failed = matches!(e, acctl_service::StartError::Listen { .. });
            let err = CliError::unexpected(anyhow::Error::new(e));
            if listen_failed { err.with_hint(hint) } else { err }
        })?;
        let store = service.store().clone();
        let tokens = tokio::task::spawn_blocking(move || {
            store
                .seed_demo()
                .map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("cannot seed the sandbox")))?;
            tokens_for(&store, kept.as_deref())
        })
        .await
        .map_err(|e| CliError::unexpected(anyhow::Error::new(e)))??;
        let [agent_token, sre_token, admin_token] = <[String; 3]>::try_from(tokens)
            .map_err(|_| CliError::unexpected(anyhow::anyhow!("the sandbox made the wrong number of tokens")))?;
        Ok(Sandbox { service, agent_token, sre_token, admin_token, _dir: dir })
    }
}

/// A throwaway sandbox's directory is removed when its `TempDir` drops, which
/// a process ended by a signal never does: every `acctl demo` whose terminal
/// window was closed (SIGHUP) or that was stopped with `kill` (SIGTERM) left
/// its database in the temporary directory. On either, remove it and exit as
/// the shell reports such an end (128 + the signal). Ctrl-C is already an
/// orderly end (exit 130) and keeps its own handling. The wizard's prompts
/// block one worker thread (`block_in_place`), so this task runs on the other.
#[cfg(unix)]
fn remove_when_terminated(dir: PathBuf) {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut terminate), Ok(mut hangup)) = (signal(SignalKind::terminate()), signal(SignalKind::hangup())) else {
        return;
    };
    tokio::spawn(async move {
        let code = tokio::select! {
            _ = terminate.recv() => 128 + 15,
            _ = hangup.recv() => 128 + 1,
        };
        let _ = std::fs::remove_dir_all(&dir);
        std::process::exit(code);
    });
}

/// How a message looks on the customer's phone or in their inbox.
pub fn customer_view(message: &OutboxMessage) -> String {
    let device = match message.channel {
        acctl_api::Channel::Email => "📧 email",
        acctl_api::Channel::Sms => "📱 SMS",
    };
    let at = message.at.time();
    let mut text = format!(
        "{device} to {} ({}) at {:02}:{:02}:{:02} — {}",
        for_terminal(&message.to),
        for_terminal(&message.account_id),
        at.hour(),
        at.minute(),
        at.second(),
        for_terminal(&message.subject),
    );
    for line in wrap(&for_terminal(&message.body), 76) {
        text.push_str("\n    ");
        text.push_str(&line);
    }
    text
}

/// Greedy word wrap at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("lines is never empty");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

pub async fn run(args: SandboxArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let where_ = SandboxDb::from_args(&args)?;
    let sandbox = Sandbox::start(args.listen, where_.clone()).await?;
    let mut feed = sandbox.service.subscribe_outbox();
    let url = sandbox.service.url();
    let db = match &where_ {
        SandboxDb::Ephemeral => "a temporary file, removed on exit; new tokens each run".to_owned(),
        SandboxDb::Kept(p) => {
            format!("`{}` (kept, with these tokens, between runs; `--ephemeral` for a throwaway one)", p.display())
        }
    };
    let banner = format!(
        "acctl sandbox — the reference account service with demo accounts (nothing is really sent)

  URL          {url}
  database     {db}
  agent token  {agent}
  sre token    {sre}
  admin token  {admin}
  demo accounts: acc_demoalice (alice@example.com, +8613800138000), acc_demobob, acc_democarol (email only),
    acc_demodave (SMS only), acc_demoerin (locked), acc_demofrank (MFA), acc_demograce (two devices),
    acc_demomallory (hostile display name), acc_demoheidi (disabled); their password: {password}

Use it from another terminal:
  export ACCTL_URL={url} ACCTL_TOKEN={agent}
  acctl lookup alice@example.com
  acctl reset alice@example.com

or as a profile (`acctl config path` shows the file):
  [profiles.sandbox]
  url = \"{url}\"
  region = \"CN\"
and sign in with: acctl auth login -p sandbox   (paste the agent token at the hidden prompt)

Messages the service sends appear below. Ctrl-C stops the sandbox.
",
        agent = sandbox.agent_token,
        sre = sandbox.sre_token,
        admin = sandbox.admin_token,
        password = acctl_service::demo::PASSWORD,
    );
    {
        let mut out = ui.stdout();
        out.write_all(banner.as_bytes())?;
        out.flush()?;
    }
    loop {
        tokio::select! {
            message = feed.recv() => match message {
                Ok(message) => {
                    let mut out = ui.stdout();
                    writeln!(out, "{}", customer_view(&message))?;
                    out.flush()?;
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    ui.warn(format!("{n} messages were sent too fast to show; `GET {url}/v1/sandbox/outbox` has them all"));
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            },
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    ui.info("stopping the sandbox");
    sandbox.service.shutdown().await;
    Ok(ExitStatus::Success)
}
