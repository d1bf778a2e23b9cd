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

    /// The same run with stdout replaced by its line count: for runs whose
    /// thousands of records are checked one by one, so that the snapshot
    /// still holds the exit code and the whole of stderr.
    pub fn with_stdout_counted(&self) -> Run {
        Run { code: self.code, stdout: format!("[{} lines]", self.stdout.lines().count()), stderr: self.stderr.clone() }
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
        std::fs::create_dir(home.path().join("tmp")).expect("a temporary directory inside the home");
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
            // acctl's own temporary files (the demo's throwaway database)
            // stay inside this test's home, so a test can see what is left.
            .env("TMPDIR", self.home.path().join("tmp"))
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

    /// The service's own store (the SQLite file the service writes), for
    /// checking an account's state without the client under test.
    /// What acctl left in its temporary directory (`TMPDIR`).
    pub fn temporary_files(&self) -> Vec<String> {
        let dir = std::fs::read_dir(self.home.path().join("tmp")).expect("the temporary directory reads");
        dir.map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned()).collect()
    }

    pub fn store(&self) -> &acctl_service::Store {
        self.service.as_ref().expect("the service runs until the env is dropped").store()
    }

    /// Replaces what varies between runs with a placeholder, for snapshots:
    /// temp paths, ports, the ids and secrets the service generates.
    pub fn filters(&self) -> Vec<(String, String)> {
        let mut filters = vec![
            (regex_escape(self.home.path().to_str().expect("utf-8 path")), "[HOME]".into()),
            (regex_escape(&self.url), "[URL]".into()),
        ];
        for (role, token) in &self.tokens {
            filters.push((regex_escape(token), format!("[{}_TOKEN]", role.to_uppercase())));
        }
        filters.extend(
            [
                // Any other loopback port (a port nothing listens on, a sandbox's).
                (r"127\.0\.0\.1:[0-9]+", "127.0.0.1:[PORT]"),
                (r"\breq_[0-9a-f]{20}\b", "[REQUEST_ID]"),
                // The end of a request id, as an audit table shows it.
                (r"…[0-9a-f]{8}\b", "…[REQ]"),
                (r"\bchl_[0-9a-f]{24}\b", "[CHALLENGE_ID]"),
                (r"\bvt_[0-9a-f]{40}\b", "[VERIFICATION_TOKEN]"),
                (r"\bacctl_[0-9a-f]{40}\b", "[TOKEN]"),
                // Accounts imported without an id (the demo ids are readable, kept).
                (r"\bacc_[0-9a-f]{16}\b", "[ACCOUNT_ID]"),
            ]
            .map(|(from, to)| (from.to_owned(), to.to_owned())),
        );
        filters
    }

    /// insta settings with [`TestEnv::filters`] and, for a test that
    /// snapshots several runs, a suffix naming the step.
    pub fn insta_settings(&self, step: Option<&str>) -> insta::Settings {
        let mut settings = insta::Settings::clone_current();
        for (from, to) in self.filters() {
            settings.add_filter(&from, to);
        }
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        if let Some(step) = step {
            settings.set_snapshot_suffix(step);
        }
        settings
    }

    /// The service's database, to count what it did without asking acctl.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(
            self.home.path().join("accounts.db"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open the service's database")
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

/// Snapshots a [`Run`] whole (exit code, stdout, stderr) with the env's
/// filters applied; a third argument names the step when a test snapshots
/// several runs (`name@step.snap`).
#[macro_export]
macro_rules! snapshot {
    ($env:expr, $run:expr) => {
        $env.insta_settings(None).bind(|| insta::assert_snapshot!($run.snapshot()))
    };
    ($env:expr, $run:expr, $step:expr) => {
        $env.insta_settings(Some($step)).bind(|| insta::assert_snapshot!($run.snapshot()))
    };
}

/// The service as the customer and an auditor meet it, read without the
/// client under test: the inbox, account state, live sessions and audit rows
/// from the service's store; the customer's sign-in over plain HTTP.
pub struct Backend<'a> {
    env: &'a TestEnv,
}

impl<'a> Backend<'a> {
    pub fn new(env: &'a TestEnv) -> Backend<'a> {
        Backend { env }
    }

    /// Every message sent to the account, oldest first.
    pub fn inbox(&self, account_id: &str) -> Vec<acctl_api::OutboxMessage> {
        self.env.store().list_messages(Some(account_id), None).expect("the outbox reads")
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

    /// The customer's own sign-in, `POST /v1/auth/login` over plain HTTP:
    /// `Ok(must_change_password)` or the problem's code.
    pub fn signs_in(&self, account_id: &str, password: &str) -> Result<bool, acctl_api::ErrorCode> {
        let body = serde_json::json!({"identifier": {"kind": "id", "value": account_id}, "password": password});
        let (status, answer) = http(&self.env.url, "POST", "/v1/auth/login", None, Some(&body));
        match status {
            200 => Ok(answer["must_change_password"].as_bool().unwrap_or_else(|| panic!("a sign-in: {answer}"))),
            _ => Err(serde_json::from_value(answer["code"].clone())
                .unwrap_or_else(|e| panic!("a problem with a code ({status}): {answer}: {e}"))),
        }
    }

    /// The account as the service stores it (contacts masked, as served).
    pub fn account(&self, account_id: &str) -> acctl_api::Account {
        let (row, devices) = self
            .env
            .store()
            .find_account(acctl_api::IdentifierKind::Id, account_id)
            .expect("the store reads")
            .unwrap_or_else(|| panic!("no account {account_id}"));
        row.to_api(devices, false)
    }

    /// Sessions of the account not yet revoked.
    pub fn live_sessions(&self, account_id: &str) -> u64 {
        self.env.store().live_sessions(account_id).expect("the store reads")
    }

    /// Every audit row about the account, oldest first, whoever the actor.
    pub fn audit(&self, account_id: &str) -> Vec<acctl_api::AuditEvent> {
        let filter = acctl_service::store::AuditFilter {
            account_id: Some(account_id.into()),
            limit: 1000,
            ..Default::default()
        };
        let (mut events, more) = self.env.store().list_audit(&filter).expect("the audit log reads");
        assert!(!more, "more than 1000 audit rows on {account_id}");
        events.reverse();
        events
    }

    /// The audit rows about the account as `actor action outcome [reason] [ticket] [detail]`
    /// lines, oldest first: what a reviewer reads.
    pub fn audit_trail(&self, account_id: &str) -> Vec<String> {
        self.audit(account_id)
            .iter()
            .map(|e| {
                let mut line = format!("{} {} {}", e.actor, e.action.as_str(), e.outcome.as_str());
                for (name, value) in [("reason", &e.reason), ("ticket", &e.ticket), ("detail", &e.detail)] {
                    if let Some(value) = value {
                        // Challenge ids are random: named by their kind only.
                        let value = value
                            .split(' ')
                            .map(|w| if w.starts_with("challenge=chl_") { "challenge=[CHALLENGE_ID]" } else { w })
                            .collect::<Vec<_>>()
                            .join(" ");
                        line.push_str(&format!(" {name}={value:?}"));
                    }
                }
                line
            })
            .collect()
    }
}

/// One HTTP/1.1 request to the service on a fresh loopback connection,
/// written by hand so that no code of the client under test is involved:
/// the status and the JSON body (`Null` when there is none).
pub fn http(
    url: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&serde_json::Value>,
) -> (u16, serde_json::Value) {
    use std::io::Read;
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect to {addr}: {e}"));
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(token) = token {
        request.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    if !body.is_empty() {
        request.push_str("Content-Type: application/json\r\n");
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(request.as_bytes()).expect("send the request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read the answer");
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or_else(|| panic!("an HTTP answer: {answer:?}"));
    assert!(!head.to_ascii_lowercase().contains("transfer-encoding: chunked"), "a chunked answer: {head}");
    let status =
        head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("a status line: {head}"));
    let json = if body.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(body).unwrap_or_else(|e| panic!("a JSON body: {e}: {body}"))
    };
    (status, json)
}
