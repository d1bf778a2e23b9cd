//! `TestEnv`: a hermetic home, the reference service, tokens per role, and a
//! way to run `acctl` and snapshot what a user would see.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use acctl_api::Role;
use acctl_service::{Clock, RunningService, ServiceConfig};

/// The time the service's frozen clock shows, so snapshots are stable.
pub const NOW: time::OffsetDateTime = time::macros::datetime!(2026-03-01 09:00 UTC);

pub struct TestEnv {
    pub home: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
    service: Option<RunningService>,
    pub url: String,
    tokens: BTreeMap<&'static str, String>,
    extra_env: Vec<(String, String)>,
}

/// What a run of `acctl` left: exit code, stdout, stderr.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The uv/jj-style text snapshotted by insta.
    pub fn snapshot(&self) -> String {
        format!(
            "exit_code: {}\n----- stdout -----\n{}\n----- stderr -----\n{}",
            self.code,
            self.stdout.trim_end(),
            self.stderr.trim_end()
        )
    }

    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code\n{}", self.snapshot());
        self
    }

    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}\n{}", self.snapshot())))
            .collect()
    }
}

impl TestEnv {
    /// A fresh home and a running service with the demo accounts, tokens for
    /// every role, and a config whose default profile `test` points at it.
    pub fn new() -> TestEnv {
        Self::with_config(|_| {})
    }

    pub fn with_config(tweak: impl FnOnce(&mut ServiceConfig)) -> TestEnv {
        let home = tempfile::tempdir().expect("temp dir");
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let mut config = ServiceConfig::new(home.path().join("accounts.db"));
        config.clock = Clock::frozen(NOW);
        config.sandbox = true;
        config.rate_limit = None;
        tweak(&mut config);
        let service = runtime
            .block_on(acctl_service::start(config, "127.0.0.1:0".parse().expect("addr")))
            .expect("the reference service starts");
        service.store().seed_demo().expect("demo accounts");
        let mut tokens = BTreeMap::new();
        for (name, role) in [("agent", Role::Agent), ("sre", Role::Sre), ("admin", Role::Admin)] {
            tokens.insert(name, service.store().create_token(&format!("test-{name}"), role).expect("token"));
        }
        let url = service.url();
        let env = TestEnv { home, runtime, service: Some(service), url, tokens, extra_env: Vec::new() };
        env.write_config(&format!(
            "default_profile = \"test\"\n\n[profiles.test]\nurl = \"{}\"\nregion = \"CN\"\nconcurrency = 4\n",
            env.url
        ));
        env
    }

    pub fn token(&self, role: &str) -> &str {
        &self.tokens[role]
    }

    pub fn config_path(&self) -> PathBuf {
        self.home.path().join("config").join("acctl").join("config.toml")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data").join("acctl")
    }

    pub fn write_config(&self, text: &str) {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().expect("parent")).expect("config dir");
        std::fs::write(path, text).expect("write config");
    }

    /// Sets an environment variable for every later run.
    pub fn env(&mut self, key: &str, value: &str) {
        self.extra_env.push((key.to_owned(), value.to_owned()));
    }

    /// `acctl` with a pinned, minimal environment: no session bus (so no
    /// keyring unless a test provides one), no colour, fixed width.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_acctl"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            // A session bus that is not there: no test reaches the developer's
            // own keyring unless it passes a bus in (see `keyring.rs`).
            .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", self.home.path().join("no-bus").display()))
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("LANG", "C.UTF-8")
            // Keep a missing keyring quick to report in the tests that meet one.
            .env("ACCTL_KEYRING_TIMEOUT_MS", "3000")
            .current_dir(self.home.path());
        for (k, v) in &self.extra_env {
            cmd.env(k, v);
        }
        cmd
    }

    /// `acctl ARGS…` as a command to spawn in a pseudo-terminal. A pty
    /// starts with echo off (expectrl's default); a person's terminal echoes,
    /// and a prompt cut short must leave it echoing, so a shell turns echo on
    /// first and then becomes acctl, with this environment's pinned variables.
    #[cfg(unix)]
    pub fn pty_command(&self, args: &[&str]) -> Command {
        let acctl = self.command();
        let mut cmd = Command::new("sh");
        cmd.env_clear().args(["-c", "stty echo && exec \"$0\" \"$@\""]).arg(acctl.get_program()).args(args);
        for (key, value) in acctl.get_envs() {
            if let Some(value) = value {
                cmd.env(key, value);
            }
        }
        if let Some(dir) = acctl.get_current_dir() {
            cmd.current_dir(dir);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[], None)
    }

    /// Runs signed in as `role` through `ACCTL_TOKEN`.
    pub fn run_as(&self, role: &str, args: &[&str]) -> Run {
        self.run_with(args, &[("ACCTL_TOKEN", self.token(role))], None)
    }

    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
        let mut cmd = self.command();
        cmd.args(args).stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("acctl runs");
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().expect("stdin");
            let input = input.to_vec();
            // Written from a thread: acctl answers while it reads.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
        let out = child.wait_with_output().expect("acctl finishes");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Replaces what varies between runs (ports, temp paths) for snapshots.
    pub fn filters(&self) -> Vec<(String, String)> {
        vec![
            (regex_escape(self.home.path().to_str().expect("utf-8 path")), "[HOME]".into()),
            (regex_escape(&self.url), "[URL]".into()),
            (r"req_[0-9A-Za-z_-]+".into(), "[REQUEST_ID]".into()),
            // Where zbus looked for a session bus depends on the user.
            (r"address `[^`]*`".into(), "address `[BUS]`".into()),
        ]
    }

    pub fn home_path(&self) -> &Path {
        self.home.path()
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        if let Some(service) = self.service.take() {
            self.runtime.block_on(service.shutdown());
        }
    }
}

fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Snapshots a [`Run`] with the env's filters applied.
#[macro_export]
macro_rules! snapshot {
    ($env:expr, $run:expr, @$lit:literal) => {{
        let filters = $env.filters();
        let filters: Vec<(&str, &str)> = filters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        insta::with_settings!({ filters => filters }, {
            insta::assert_snapshot!($run.snapshot(), @$lit);
        });
    }};
    ($env:expr, $run:expr) => {{
        let filters = $env.filters();
        let filters: Vec<(&str, &str)> = filters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        insta::with_settings!({ filters => filters, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($run.snapshot());
        });
    }};
}

/// The service as the customer and an auditor meet it: the inbox, the
/// sign-in page, the account as the agent sees it, the agent's audit trail.
pub struct Backend {
    runtime: tokio::runtime::Runtime,
    public: acctl::client::ApiClient,
    agent: acctl::client::ApiClient,
}

impl Backend {
    pub fn new(env: &TestEnv) -> Backend {
        use acctl::client::ApiClient;
        use acctl::settings::{AuditContext, Profile};
        let profile = Profile {
            name: "test".into(),
            url: env.url.clone(),
            url_source: "test",
            region: None,
            require_reason: false,
            protected: false,
            timeout: std::time::Duration::from_secs(30),
            concurrency: 1,
            rate: None,
            ca_bundle: None,
        };
        let public = ApiClient::new(&profile, None, AuditContext::default()).expect("client");
        let agent = ApiClient::new(&profile, Some(env.token("agent").to_owned().into()), AuditContext::default())
            .expect("client");
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        Backend { runtime, public, agent }
    }

    pub fn inbox(&self, account_id: &str) -> Vec<acctl_api::OutboxMessage> {
        self.runtime.block_on(self.public.outbox(Some(account_id), None)).expect("outbox").messages
    }

    pub fn count(&self, account_id: &str, kind: acctl_api::MessageKind) -> usize {
        self.inbox(account_id).iter().filter(|m| m.kind == kind).count()
    }

    /// The newest code sent to the account on `channel`.
    pub fn code(&self, account_id: &str, channel: acctl_api::Channel) -> String {
        self.secret(account_id, acctl_api::MessageKind::VerificationCode, Some(channel))
    }

    /// The newest code sent to the account on any channel.
    pub fn latest_code(&self, account_id: &str) -> String {
        self.latest(account_id, acctl_api::MessageKind::VerificationCode)
    }

    /// The secret of the newest message of `kind` to the account.
    pub fn latest(&self, account_id: &str, kind: acctl_api::MessageKind) -> String {
        self.secret(account_id, kind, None)
    }

    pub fn secret(
        &self,
        account_id: &str,
        kind: acctl_api::MessageKind,
        channel: Option<acctl_api::Channel>,
    ) -> String {
        self.inbox(account_id)
            .into_iter()
            .rev()
            .find(|m| m.kind == kind && channel.is_none_or(|c| m.channel == c))
            .and_then(|m| m.secret)
            .unwrap_or_else(|| panic!("no {kind:?} message for {account_id}"))
    }

    /// The customer's own sign-in.
    pub fn login(&self, account_id: &str, password: &str) -> Result<acctl_api::LoginResponse, acctl_api::ErrorCode> {
        let request = acctl_api::LoginRequest {
            identifier: acctl_api::Identifier::new(acctl_api::IdentifierKind::Id, account_id),
            password: password.to_owned(),
        };
        self.runtime
            .block_on(self.public.customer_login(&request))
            .map_err(|e: acctl::client::ApiError| e.code().expect("a problem"))
    }

    /// Whether the sign-in works, as `must_change_password`.
    pub fn signs_in(&self, account_id: &str, password: &str) -> Result<bool, acctl_api::ErrorCode> {
        self.login(account_id, password).map(|r| r.must_change_password)
    }

    pub fn account(&self, account_id: &str) -> acctl_api::Account {
        self.runtime.block_on(self.agent.account(account_id, false)).expect("account")
    }

    /// The agent's audit events on the account, oldest first.
    pub fn audit(&self, account_id: &str) -> Vec<acctl_api::AuditEvent> {
        let query = acctl_api::AuditQuery { account_id: Some(account_id.into()), ..Default::default() };
        let mut events = self.runtime.block_on(self.agent.audit(&query)).expect("audit").events;
        events.reverse();
        events
    }
}
