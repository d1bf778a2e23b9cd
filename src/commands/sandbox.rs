//! `acctl sandbox`: the reference service in-process, with the demo
//! accounts, a token per role, and a live feed of every message it "sends".

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use acctl_api::{OutboxMessage, Role};
use acctl_service::{RunningService, ServiceConfig};
use clap::Args;

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
  acctl sandbox                                  # on 127.0.0.1:8080, a fresh database each time
  acctl sandbox --listen 127.0.0.1:0 --db sandbox.db
  # in another terminal, with the URL and agent token it printed:
  ACCTL_URL=http://127.0.0.1:8080 ACCTL_TOKEN=acctl_… acctl lookup alice@example.com")]
pub struct SandboxArgs {
    /// Address to listen on: loopback only (127.0.0.1, ::1); port 0 picks a free one
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR", value_parser = loopback_addr)]
    listen: SocketAddr,

    /// SQLite database file to keep between runs [default: a fresh temporary one]
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
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
    pub async fn start(listen: SocketAddr, db: Option<PathBuf>) -> Result<Sandbox, CliError> {
        let (dir, db) = match db {
            Some(path) => (None, path),
            None => {
                let dir = tempfile::Builder::new().prefix("acctl-sandbox").tempdir().map_err(|e| {
                    CliError::unexpected(anyhow::Error::new(e).context("cannot create a temporary directory"))
                })?;
                let path = dir.path().join("sandbox.db");
                (Some(dir), path)
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
            store.seed_demo()?;
            [Role::Agent, Role::Sre, Role::Admin]
                .into_iter()
                .map(|role| store.create_token(&format!("sandbox-{}", role.as_str()), role))
                .collect::<Result<Vec<_>, _>>()
        })
        .await
        .map_err(|e| CliError::unexpected(anyhow::Error::new(e)))?
        .map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("cannot seed the sandbox")))?;
        let [agent_token, sre_token, admin_token] = <[String; 3]>::try_from(tokens)
            .map_err(|_| CliError::unexpected(anyhow::anyhow!("the sandbox made the wrong number of tokens")))?;
        Ok(Sandbox { service, agent_token, sre_token, admin_token, _dir: dir })
    }
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
    let sandbox = Sandbox::start(args.listen, args.db.clone()).await?;
    let mut feed = sandbox.service.subscribe_outbox();
    let url = sandbox.service.url();
    let db = args
        .db
        .as_ref()
        .map_or_else(|| "a temporary file, removed on exit".to_owned(), |p| format!("`{}`", p.display()));
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
and sign in with: acctl auth login -p sandbox --with-token   (paste the agent token)

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
