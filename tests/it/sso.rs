//! Single sign-on: `acctl auth login` by the device flow against a real
//! OpenID Connect provider (npm `oidc-provider`, started on a loopback port
//! by `testing/oidc-harness`). What a person does in the browser — open the
//! page, enter the code, sign in, consent or refuse — the harness does over
//! HTTP with the user code acctl printed, as they would. `sso_service.rs`
//! adds the service's side: `serve --oidc-issuer --oidc-audience` taking the
//! provider's access tokens, role by role.
//!
//! Sign-ins are kept with `--insecure-storage` in the test's own home (the
//! real-keyring round trip is `keyring.rs`'s): the file is also where a test
//! reads the refresh token to revoke it behind acctl's back, or plants a
//! sign-in the harness made.
//!
//! The tests that need the provider are ignored in a plain `cargo test`
//! (they need Node and `npm ci --prefix testing/oidc`); `.ci/run` runs them.
//! The settings checks at the end need neither.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use oidc_harness::{Decision, ProviderOptions};

use crate::common::{Run, TestEnv};
use crate::snapshot;

/// A provider, and the reference service (demo accounts, a real clock) with
/// a config of one SSO profile per user, each named after the user who signs
/// in with it.
pub struct Sso {
    pub runtime: tokio::runtime::Runtime,
    pub provider: oidc_harness::Provider,
    pub env: TestEnv,
}

pub const PROFILES: [&str; 4] = ["agent", "sre", "admin", "nobody"];

impl Sso {
    /// A provider, and a service that does not know it (`sso_service.rs`
    /// starts one that does).
    pub fn start(options: ProviderOptions) -> Sso {
        Self::start_with(options, |_, _, _| {})
    }

    /// `trust(config, issuer, audience)` may set the service up to take the provider's tokens.
    pub fn start_with(
        options: ProviderOptions,
        trust: impl FnOnce(&mut acctl_service::ServiceConfig, &str, &str),
    ) -> Sso {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let provider = runtime
            .block_on(oidc_harness::Provider::start(options))
            .unwrap_or_else(|e| panic!("the OpenID Connect provider starts: {e}"));
        let (issuer, audience) = (provider.issuer().to_owned(), provider.audience().to_owned());
        // A real clock: a service that checks tokens checks their real `exp`.
        let env = TestEnv::with_config(|config| {
            config.clock = acctl_service::Clock::system();
            trust(config, &issuer, &audience);
        });
        let sso = Sso { runtime, provider, env };
        sso.write_config(&PROFILES);
        sso
    }

    /// A config with an SSO profile for each of `profiles`, the first the default.
    pub fn write_config(&self, profiles: &[&str]) {
        let mut text = format!("default_profile = \"{}\"\n", profiles[0]);
        for p in profiles {
            text.push_str(&format!(
                "\n[profiles.{p}]\nurl = \"{}\"\nregion = \"CN\"\noidc_issuer = \"{}\"\noidc_client_id = \"{}\"\noidc_audience = \"{}\"\noidc_scopes = [\"acctl\"]\n",
                self.env.url,
                self.provider.issuer(),
                oidc_harness::CLIENT_ID,
                self.provider.audience()
            ));
        }
        self.env.write_config(&text);
    }

    /// The env's filters, and the user code and times that vary between runs.
    pub fn insta(&self, step: &str) -> insta::Settings {
        let mut settings = self.env.insta_settings(Some(step));
        for (from, to) in [
            // oidc-provider's user codes: 8 of 20 consonants, `****-****`.
            (r"\b[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}\b", "[USER_CODE]"),
            (r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[TIME]"),
            (r"\b\d{4}-\d\d-\d\d \d\d:\d\d UTC\b", "[TIME]"),
        ] {
            settings.add_filter(from, to);
        }
        settings
    }

    /// `acctl auth login -p PROFILE --insecure-storage`, the person at the
    /// provider's page entering the user code acctl printed, signing in as
    /// `user` and answering the consent with `decision` (or never coming,
    /// with `None`). While acctl waits, its command line is checked: its
    /// arguments, nothing else.
    pub fn login(&self, profile: &str, user: &str, decision: Option<Decision>) -> Run {
        self.login_with(&["auth", "login", "-p", profile, "--insecure-storage"], user, decision)
    }

    /// [`Sso::login`] with other arguments (`auth login` without `--insecure-storage`).
    pub fn login_with(&self, args: &[&str], user: &str, decision: Option<Decision>) -> Run {
        let mut child = self
            .env
            .command()
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("acctl runs");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            let mut all = String::new();
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                all.push_str(&line);
                all.push('\n');
                let _ = tx.send(line);
            }
            all
        });
        let code = loop {
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(line) => {
                    if let Some(code) = user_code(&line) {
                        break code;
                    }
                }
                Err(e) => {
                    let _ = child.kill();
                    panic!("acctl never showed a code ({e}); it printed:\n{}", reader.join().unwrap_or_default());
                }
            }
        };
        #[cfg(target_os = "linux")]
        {
            let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).expect("/proc/PID/cmdline");
            let cmdline: Vec<String> = cmdline
                .split(|b| *b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into())
                .collect();
            assert_eq!(cmdline[1..], *args, "acctl's command line while it waits");
        }
        if let Some(decision) = decision {
            self.runtime
                .block_on(self.provider.approve(&code, user, decision))
                .unwrap_or_else(|e| panic!("the person answers `{code}` as {user}: {e}"));
        }
        let mut stdout = String::new();
        child.stdout.take().expect("stdout").read_to_string(&mut stdout).expect("stdout reads");
        let status = child.wait().expect("acctl ends");
        Run { code: status.code().unwrap_or(-1), stdout, stderr: reader.join().expect("stderr reader") }
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.env.run(args)
    }

    /// The stored sign-in of `profile` (its `sso` table in the plaintext file).
    pub fn stored(&self, profile: &str) -> Option<toml::Table> {
        let text = std::fs::read_to_string(self.credentials_file()).ok()?;
        let file: toml::Table = text.parse().expect("the credentials file is TOML");
        file.get("profiles")?.get(profile)?.get("sso")?.as_table().cloned()
    }

    pub fn stored_secret(&self, profile: &str, key: &str) -> String {
        self.stored(profile)
            .and_then(|t| t.get(key)?.as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("no stored `{key}` for profile `{profile}`"))
    }

    /// Every secret kept for `profile` now: none may ever be printed.
    pub fn secrets(&self, profile: &str) -> Vec<String> {
        ["access_token", "refresh_token"].iter().map(|k| self.stored_secret(profile, k)).collect()
    }

    fn credentials_file(&self) -> std::path::PathBuf {
        self.env.data_dir().join("credentials.toml")
    }

    /// Rewrites values of the stored sign-in: makes acctl believe its access
    /// token fresh, or expired.
    pub fn set_stored(&self, profile: &str, key: &str, value: toml::Value) {
        let path = self.credentials_file();
        let mut file: toml::Table =
            std::fs::read_to_string(&path).expect("the credentials file").parse().expect("TOML");
        file["profiles"][profile]["sso"].as_table_mut().expect("an sso table").insert(key.to_owned(), value);
        std::fs::write(&path, toml::to_string(&file).expect("TOML")).expect("write the credentials file");
    }

    /// A sign-in made by the harness (the whole device flow as `user`),
    /// planted in the store as `auth login --insecure-storage` keeps one,
    /// its access token already expired: the next command renews it.
    pub fn plant_expired_sign_in(&self, profile: &str, user: &str) {
        let tokens = self.runtime.block_on(self.provider.sign_in(user)).expect("the harness signs in");
        let mut sso = toml::Table::new();
        sso.insert("acctl_sso".into(), 1.into());
        sso.insert("issuer".into(), self.provider.issuer().into());
        sso.insert("client_id".into(), oidc_harness::CLIENT_ID.into());
        sso.insert("access_token".into(), tokens.access_token.into());
        sso.insert("expires_at".into(), 1.into());
        sso.insert("issued_at".into(), 0.into());
        sso.insert("refresh_token".into(), tokens.refresh_token.expect("a refresh token").into());
        sso.insert("subject".into(), user.into());
        let mut file = toml::Table::new();
        let mut profiles = toml::Table::new();
        let mut entry = toml::Table::new();
        entry.insert("sso".into(), sso.into());
        profiles.insert(profile.into(), entry.into());
        file.insert("profiles".into(), profiles.into());
        std::fs::create_dir_all(self.env.data_dir()).expect("data dir");
        std::fs::write(self.credentials_file(), toml::to_string(&file).expect("TOML")).expect("plant");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.credentials_file(), std::fs::Permissions::from_mode(0o600)).expect("0600");
        }
    }

    /// Whether the provider still renews with `refresh_token` (it revokes a
    /// whole sign-in when an old, rotated one is used again).
    pub fn provider_renews(&self, refresh_token: &str) -> bool {
        self.runtime.block_on(self.provider.refresh(refresh_token)).expect("the provider answers").is_ok()
    }
}

/// [`TestEnv::pty_command`] in a terminal 100 columns wide that says what it
/// is (`TERM`): a spinner draws only there (a fresh pty has no size, and
/// without `TERM` the terminal counts as dumb).
#[cfg(unix)]
fn wide_pty_command(env: &TestEnv, args: &[&str]) -> std::process::Command {
    let pty = env.pty_command(args);
    let mut cmd = std::process::Command::new(pty.get_program());
    for arg in pty.get_args() {
        let arg = arg.to_string_lossy();
        cmd.arg(arg.replace("stty echo &&", "stty echo cols 100 rows 40 &&"));
    }
    cmd.env_clear();
    for (key, value) in pty.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    if let Some(dir) = pty.get_current_dir() {
        cmd.current_dir(dir);
    }
    cmd.env("TERM", "xterm");
    cmd
}

/// The user code in acctl's line `… the code WDJB-MJHT (it expires …`.
pub fn user_code(line: &str) -> Option<String> {
    line.split(" the code ").nth(1)?.split_whitespace().next().map(str::to_owned)
}

#[track_caller]
pub fn never_shows(run: &Run, secrets: &[String]) {
    for secret in secrets {
        assert!(
            !run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()),
            "a secret was printed:\n{}",
            run.snapshot()
        );
    }
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn denial_at_consent_exits_4_and_stores_nothing() {
    let sso = Sso::start(ProviderOptions::default());
    let run = sso.login("agent", "agent", Some(Decision::Deny));
    sso.insta("denied").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(!sso.credentials_file().exists(), "nothing stored");
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn an_expired_device_code_exits_4_and_stores_nothing() {
    let sso = Sso::start(ProviderOptions { device_code_ttl: Duration::from_secs(3), ..Default::default() });
    let run = sso.login("agent", "agent", None);
    sso.insta("expired").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(!sso.credentials_file().exists(), "nothing stored");
}

/// The provider approves, but the service does not take its tokens (it runs
/// without `--oidc-issuer`): nothing is kept, and the new sign-in is revoked
/// at the provider rather than left alive there.
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn a_sign_in_the_service_refuses_is_not_stored() {
    let sso = Sso::start(ProviderOptions::default());
    let run = sso.login("agent", "agent", Some(Decision::Allow));
    sso.insta("service_refuses").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(!sso.credentials_file().exists(), "nothing stored");
}

/// Ctrl-C while acctl waits for the approval: exit 130, nothing stored, the
/// terminal as it was.
#[cfg(unix)]
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn ctrl_c_while_waiting_for_the_approval_exits_130_and_stores_nothing() {
    use crate::dialogue::Key::{CtrlC, Wait};
    let sso = Sso::start(ProviderOptions::default());
    let mut terminal = crate::dialogue::Terminal::spawn(wide_pty_command(
        &sso.env,
        &["auth", "login", "-p", "agent", "--insecure-storage"],
    ));
    let seen = terminal.dialogue(&[
        ("(it expires in 10 minutes).", Wait),
        ("Waiting for the sign-in to be approved in the browser (Ctrl-C cancels)", CtrlC),
    ]);
    assert!(seen[0].contains("To sign in to profile `agent`, open this page in a browser:"), "{}", seen[0]);
    assert!(seen[0].contains("/device?user_code="), "{}", seen[0]);
    let echo = terminal.echo_is_on();
    let end = terminal.finish();
    end.assert_code(130).shows_in_order(&["interrupted: the sign-in was cancelled and nothing was stored"]);
    assert!(echo, "the terminal still echoes");
    assert!(!sso.credentials_file().exists(), "nothing stored");
}

/// A sign-in whose refresh token the provider revoked (the person left, an
/// administrator ended their sessions): the next command says to sign in
/// again, with the command, exit 4; so does `auth status`.
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn a_revoked_refresh_token_asks_the_agent_to_sign_in_again() {
    let sso = Sso::start(ProviderOptions::default());
    sso.plant_expired_sign_in("agent", "agent");
    let refresh = sso.stored_secret("agent", "refresh_token");
    sso.runtime.block_on(sso.provider.revoke(&refresh)).expect("revoked at the provider");
    let run = sso.run(&["-p", "agent", "lookup", "acc_demobob"]);
    sso.insta("revoked").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    let status = sso.run(&["auth", "status", "-p", "agent", "-o", "json"]);
    sso.insta("revoked_status").bind(|| insta::assert_snapshot!(status.snapshot()));
    status.assert_code(4);
    never_shows(&run, std::slice::from_ref(&refresh));
    never_shows(&status, &[refresh]);
}

/// Four acctl processes find the access token expired at the same moment.
/// The provider rotates the refresh token on every use and revokes the whole
/// sign-in when an old one comes back: had two of them renewed with the
/// same token, the sign-in would be gone. With the lock file, one renews and
/// the others take what it stored (this service does not take the tokens,
/// so each run ends in a 401: what matters is what the provider saw).
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn processes_renewing_at_the_same_moment_keep_the_sign_in() {
    let sso = Sso::start(ProviderOptions::default());
    sso.plant_expired_sign_in("sre", "sre");
    let planted = sso.stored_secret("sre", "refresh_token");
    let runs: Vec<Run> = std::thread::scope(|s| {
        let handles: Vec<_> =
            (0..4).map(|_| s.spawn(|| sso.run(&["-p", "sre", "lookup", "acc_demobob", "-o", "ndjson"]))).collect();
        handles.into_iter().map(|h| h.join().expect("a run")).collect()
    });
    for run in &runs {
        assert!(!run.stderr.contains("sign in again"), "the sign-in was lost:\n{}", run.snapshot());
        never_shows(run, std::slice::from_ref(&planted));
    }
    let now = sso.stored_secret("sre", "refresh_token");
    assert_ne!(now, planted, "the rotated refresh token was stored back");
    // In this order: an old token used again revokes the whole sign-in.
    assert!(sso.provider_renews(&now), "the sign-in is alive at the provider");
    assert!(!sso.provider_renews(&planted), "the planted token was used once and retired");
}

/// `auth logout` revokes the refresh token at the provider, then deletes it;
/// with the provider down it still deletes it, says what stays valid, and
/// exits 0.
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn logout_revokes_at_the_provider_and_a_provider_that_is_down_only_warns() {
    let mut sso = Sso::start(ProviderOptions::default());
    sso.plant_expired_sign_in("agent", "agent");
    let refresh = sso.stored_secret("agent", "refresh_token");
    let logout = sso.run(&["-vvv", "auth", "logout", "-p", "agent"]);
    never_shows(&logout, std::slice::from_ref(&refresh));
    let logout = sso.run(&["auth", "logout", "-p", "agent"]);
    sso.insta("logout_again").bind(|| insta::assert_snapshot!(logout.snapshot()));
    assert!(sso.stored("agent").is_none());
    assert!(!sso.provider_renews(&refresh), "revoked at the provider");

    sso.plant_expired_sign_in("admin", "admin");
    let refresh = sso.stored_secret("admin", "refresh_token");
    let logout = sso.run(&["auth", "logout", "-p", "admin"]);
    sso.insta("logout").bind(|| insta::assert_snapshot!(logout.snapshot()));
    logout.assert_code(0);
    assert!(!sso.provider_renews(&refresh), "revoked at the provider");

    sso.plant_expired_sign_in("sre", "sre");
    sso.provider.stop();
    let logout = sso.run(&["auth", "logout", "-p", "sre"]);
    sso.insta("logout_provider_down").bind(|| insta::assert_snapshot!(logout.snapshot()));
    logout.assert_code(0);
    assert!(sso.stored("sre").is_none(), "deleted here all the same");
}

// --- without a provider ----------------------------------------------------------

#[test]
fn sso_settings_are_checked_on_load_and_shown() {
    let env = TestEnv::new();
    let profile = |extra: &str| format!("default_profile = \"corp\"\n[profiles.corp]\nurl = \"{}\"\n{extra}", env.url);
    env.write_config(&profile("oidc_issuer = \"https://sso.example.com/realms/staff\"\n"));
    snapshot!(env, env.run(&["config", "show"]), "half_a_setup");
    env.write_config(&profile("oidc_scopes = [\"acctl\"]\n"));
    snapshot!(env, env.run(&["config", "show"]), "scopes_alone");
    env.write_config(&profile(
        "oidc_issuer = \"http://sso.example.com\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\n",
    ));
    snapshot!(env, env.run(&["config", "show"]), "plain_http_issuer");
    env.write_config(&profile(
        "oidc_issuer = \"https://sso.example.com/realms/staff\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\noidc_scopes = [\"acctl\", \"bad scope\"]\n",
    ));
    snapshot!(env, env.run(&["config", "show"]), "bad_scope");
    env.write_config(&profile(
        "oidc_issuer = \"https://sso.example.com/realms/staff\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\noidc_scopes = [\"acctl\"]\noidc_audience_param = \"audience\"\n",
    ));
    snapshot!(env, env.run(&["config", "show", "-o", "json"]), "shown");
}

#[test]
fn login_with_an_unreachable_provider_exits_8_and_stores_nothing() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"corp\"\n[profiles.corp]\nurl = \"{}\"\noidc_issuer = \"http://127.0.0.1:9\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\n",
        env.url
    ));
    snapshot!(env, env.run(&["auth", "login", "--insecure-storage"]));
    assert!(!env.data_dir().join("credentials.toml").exists());
}
