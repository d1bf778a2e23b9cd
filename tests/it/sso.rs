//! Single sign-on: `acctl auth login` by the device flow against a real
//! OpenID Connect provider (npm `oidc-provider`, started on a loopback port
//! by `testing/oidc-harness`), and the reference service taking its access
//! tokens (`--oidc-issuer`, `--oidc-audience`). What a person does in the
//! browser — open the page, enter the code, sign in, consent or refuse — the
//! harness does over HTTP with the user code acctl printed, as they would.
//!
//! Sign-ins are kept with `--insecure-storage` in the test's own home (the
//! real-keyring round trip is `keyring.rs`'s): the file is also where a test
//! reads the refresh token to revoke it behind acctl's back.
//!
//! The tests that need the provider are ignored in a plain `cargo test`
//! (Node and `npm ci --prefix testing/oidc`); `.ci/run` runs them. The
//! settings checks at the end need neither.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{Run, TestEnv};
use crate::snapshot;

/// A provider, a service that trusts it, and a config with one SSO profile
/// per role (each named after the user who signs in with it).
struct Sso {
    runtime: tokio::runtime::Runtime,
    provider: oidc_harness::Provider,
    env: TestEnv,
}

impl Sso {
    fn start() -> Sso {
        Self::with(oidc_harness::ProviderOptions::default())
    }

    fn with(options: oidc_harness::ProviderOptions) -> Sso {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let provider = runtime
            .block_on(oidc_harness::Provider::start(options))
            .unwrap_or_else(|e| panic!("the OpenID Connect provider starts: {e}"));
        let (issuer, audience) = (provider.issuer().to_owned(), provider.audience().to_owned());
        // A real clock: the service checks `exp` of real tokens.
        let env = TestEnv::with_config(|config| {
            config.clock = acctl_service::Clock::system();
            enable_oidc(config, &issuer, &audience);
        });
        let sso = Sso { runtime, provider, env };
        sso.write_config(&["agent", "sre", "admin", "nobody"]);
        sso
    }

    fn write_config(&self, profiles: &[&str]) {
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

    fn insta(&self, step: &str) -> insta::Settings {
        let mut settings = self.env.insta_settings(Some(step));
        for (from, to) in [
            // oidc-provider's user codes: 8 of 20 consonants, `****-****`.
            (r"\b[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}\b", "[USER_CODE]"),
            (r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\b", "[TIME]"),
            (r"\b\d{4}-\d\d-\d\d \d\d:\d\d UTC\b", "[TIME]"),
        ] {
            settings.add_filter(from, to);
        }
        settings
    }

    /// `acctl auth login -p PROFILE --insecure-storage`, with the person at
    /// the provider's page entering the user code acctl printed, signing in
    /// as `user` and answering the consent with `decision` (or doing nothing
    /// when `None`). Checks, while acctl waits, that its command line holds
    /// nothing but its arguments.
    fn login(&self, profile: &str, user: &str, decision: Option<oidc_harness::Decision>) -> Run {
        let mut child = self
            .env
            .command()
            .args(["auth", "login", "-p", profile, "--insecure-storage"])
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
                    if let Some(rest) = line.split(" the code ").nth(1) {
                        break rest.split_whitespace().next().expect("a code after `the code`").to_owned();
                    }
                }
                Err(e) => {
                    let _ = child.kill();
                    panic!("acctl never showed a code ({e}); it printed:\n{}", reader.join().unwrap_or_default());
                }
            }
        };
        let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        assert_eq!(cmdline.trim_end().split(' ').skip(1).collect::<Vec<_>>(), ["auth", "login", "-p", profile, "--insecure-storage"]);
        if let Some(decision) = decision {
            self.runtime
                .block_on(self.provider.approve(&code, user, decision))
                .unwrap_or_else(|e| panic!("the person approves `{code}` as {user}: {e}"));
        }
        let mut stdout = String::new();
        child.stdout.take().expect("stdout").read_to_string(&mut stdout).expect("stdout reads");
        let status = child.wait().expect("acctl ends");
        Run { code: status.code().unwrap_or(-1), stdout, stderr: reader.join().expect("stderr reader") }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.env.run(args)
    }

    /// The stored sign-in of `profile` (the `sso` table of the plaintext file).
    fn stored(&self, profile: &str) -> Option<toml::Table> {
        let text = std::fs::read_to_string(self.env.data_dir().join("credentials.toml")).ok()?;
        let file: toml::Table = text.parse().expect("the credentials file is TOML");
        file.get("profiles")?.get(profile)?.get("sso")?.as_table().cloned()
    }

    fn stored_secret(&self, profile: &str, key: &str) -> String {
        self.stored(profile)
            .and_then(|t| t.get(key)?.as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("no stored `{key}` for profile `{profile}`"))
    }

    /// Rewrites one value of the stored sign-in (to make acctl believe its
    /// access token is fresh, or expired).
    fn set_stored(&self, profile: &str, key: &str, value: toml::Value) {
        let path = self.env.data_dir().join("credentials.toml");
        let mut file: toml::Table = std::fs::read_to_string(&path).expect("the credentials file").parse().expect("TOML");
        file["profiles"][profile]["sso"].as_table_mut().expect("an sso table").insert(key.to_owned(), value);
        std::fs::write(&path, toml::to_string(&file).expect("TOML")).expect("write the credentials file");
    }

    /// Every secret acctl holds for `profile` now: none may ever be printed.
    fn secrets(&self, profile: &str) -> Vec<String> {
        ["access_token", "refresh_token"].iter().map(|k| self.stored_secret(profile, k)).collect()
    }
}

/// Turns the service's trust in the provider on (`serve --oidc-issuer
/// ISSUER --oidc-audience AUDIENCE`).
fn enable_oidc(config: &mut acctl_service::ServiceConfig, issuer: &str, audience: &str) {
    config.oidc = Some(acctl_service::oidc::OidcConfig::new(issuer, audience));
}

#[track_caller]
fn never_shows(run: &Run, secrets: &[String]) {
    for secret in secrets {
        assert!(!run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()), "a secret was printed:\n{}", run.snapshot());
    }
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn each_role_signs_in_and_can_do_exactly_what_its_role_allows() {
    let sso = Sso::start();
    for role in ["agent", "sre", "admin"] {
        let login = sso.login(role, role, Some(oidc_harness::Decision::Allow));
        sso.insta(&format!("{role}_login")).bind(|| insta::assert_snapshot!(login.snapshot()));
        let secrets = sso.secrets(role);
        never_shows(&login, &secrets);
        let status = sso.run(&["auth", "status", "-p", role, "-o", "json"]);
        sso.insta(&format!("{role}_status")).bind(|| insta::assert_snapshot!(status.snapshot()));
        never_shows(&status, &secrets);

        let p = ["-p", role];
        let lookup = sso.run(&[&p[..], &["lookup", "acc_demobob", "--fields", "id,status", "-o", "ndjson"]].concat());
        lookup.assert_code(0);
        let reveal = sso.run(&[&p[..], &["lookup", "acc_demobob", "--reveal", "--fields", "email", "-o", "ndjson"]].concat());
        let lock = sso.run(&[&p[..], &["account", "lock", "acc_demobob", "--reason", "sso test"]].concat());
        let unlock = sso.run(&[&p[..], &["account", "unlock", "acc_demobob", "--reason", "sso test"]].concat());
        let expect = |run: &Run, allowed: bool| run.assert_code(if allowed { 0 } else { 4 });
        expect(&reveal, role == "admin");
        expect(&lock, role != "agent");
        expect(&unlock, role != "agent");
        for run in [&lookup, &reveal, &lock, &unlock] {
            never_shows(run, &secrets);
        }
    }
    // The audit log names the provider's subject.
    let trail = crate::common::Backend::new(&sso.env).audit_trail("acc_demobob");
    assert!(trail.iter().any(|l| l.starts_with("oidc:sre account.lock success")), "{trail:#?}");
    assert!(trail.iter().any(|l| l.starts_with("oidc:admin account.reveal success")), "{trail:#?}");
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn a_sign_in_the_service_gives_no_role_is_refused_revoked_and_not_stored() {
    let sso = Sso::start();
    let run = sso.login("nobody", "nobody", Some(oidc_harness::Decision::Allow));
    sso.insta("no_role").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(sso.stored("nobody").is_none(), "nothing stored");
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn denial_at_consent_exits_4_and_stores_nothing() {
    let sso = Sso::start();
    let run = sso.login("agent", "agent", Some(oidc_harness::Decision::Deny));
    sso.insta("denied").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(sso.stored("agent").is_none(), "nothing stored");
    assert!(!sso.env.data_dir().join("credentials.toml").exists());
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn an_expired_device_code_exits_4_and_stores_nothing() {
    let sso = Sso::with(oidc_harness::ProviderOptions {
        device_code_ttl: Duration::from_secs(3),
        ..Default::default()
    });
    let run = sso.login("agent", "agent", None);
    sso.insta("expired").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(!sso.env.data_dir().join("credentials.toml").exists());
}

/// The wizard waits at a question longer than the access token lives; the
/// next step renews it and goes on as if nothing happened. Then a stored
/// access token that acctl believes fresh but the service has seen expire:
/// a 401, one renewal, the request again.
#[cfg(unix)]
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn an_access_token_that_expires_mid_session_is_renewed_without_the_agent_noticing() {
    use crate::dialogue::Key::{CtrlC, Line, Wait};
    let sso = Sso::with(oidc_harness::ProviderOptions {
        access_token_ttl: Duration::from_secs(3),
        ..Default::default()
    });
    sso.login("agent", "agent", Some(oidc_harness::Decision::Allow)).assert_code(0);
    let first = sso.secrets("agent");

    let mut agent = crate::dialogue::Terminal::start(&sso.env, None, &["-p", "agent", "reset", "alice@example.com"]);
    agent.dialogue(&[
        ("Ticket for this reset (Enter to skip)", Line("")),
        ("Reason for this reset (Enter to skip)", Line("")),
        ("Is this the customer's account?", Wait),
    ]);
    std::thread::sleep(Duration::from_secs(4));
    agent.dialogue(&[
        ("", Line("y")),
        ("Send the code by", Line("")),
        ("A code went by email to a***@example.com", Wait),
        ("Code the customer reads out", CtrlC),
    ]);
    let end = agent.finish();
    end.assert_code(130).never_shows(&["error:", "sign in again", "warning:"]);
    for secret in &first {
        assert!(!end.screen.contains(secret.as_str()), "a secret was on the screen");
    }
    let backend = crate::common::Backend::new(&sso.env);
    assert_eq!(backend.count("acc_demoalice", acctl_api::MessageKind::VerificationCode), 1, "the code was sent after the renewal");
    let renewed = sso.secrets("agent");
    assert_ne!(renewed[0], first[0], "a new access token");
    assert_ne!(renewed[1], first[1], "the rotated refresh token was stored back");

    // acctl thinks the access token has an hour left; the service knows better.
    std::thread::sleep(Duration::from_secs(4));
    sso.set_stored("agent", "expires_at", toml::Value::Integer(time::OffsetDateTime::now_utc().unix_timestamp() + 3600));
    let run = sso.run(&["-p", "agent", "lookup", "acc_demobob", "--fields", "id", "-o", "ndjson"]);
    sso.insta("renewed_after_401").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(0);
    assert_ne!(sso.secrets("agent")[1], renewed[1], "renewed once more, and stored");
}

/// Several acctl processes find the access token expired at once: one
/// renews, the others use what it stored. Had two of them renewed with the
/// same refresh token, the provider would have revoked the whole sign-in.
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn processes_renewing_at_the_same_moment_keep_the_sign_in() {
    let sso = Sso::with(oidc_harness::ProviderOptions {
        access_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    sso.login("sre", "sre", Some(oidc_harness::Decision::Allow)).assert_code(0);
    std::thread::sleep(Duration::from_secs(3));
    let runs: Vec<Run> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| sso.run(&["-p", "sre", "lookup", "acc_demobob", "--fields", "id", "-o", "ndjson"])))
            .collect();
        handles.into_iter().map(|h| h.join().expect("a run")).collect()
    });
    for run in &runs {
        run.assert_code(0);
    }
    // A bulk job with eight requests in flight after the token expired again.
    std::thread::sleep(Duration::from_secs(3));
    let input = "acc_demobob\nacc_demoalice\nacc_demograce\nacc_demofrank\n";
    let job = sso.env.run_with(
        &["-p", "sre", "bulk", "revoke-sessions", "--input", "-", "--concurrency", "8", "--reason", "sso test", "--yes"],
        &[],
        Some(input.as_bytes()),
    );
    job.assert_code(0);
    sso.run(&["-p", "sre", "auth", "status", "-p", "sre"]).assert_code(0);
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn a_revoked_refresh_token_asks_the_agent_to_sign_in_again() {
    let sso = Sso::start();
    sso.login("agent", "agent", Some(oidc_harness::Decision::Allow)).assert_code(0);
    let refresh = sso.stored_secret("agent", "refresh_token");
    sso.runtime.block_on(sso.provider.revoke(&refresh)).expect("revoked at the provider");
    sso.set_stored("agent", "expires_at", toml::Value::Integer(0));
    let run = sso.run(&["-p", "agent", "lookup", "acc_demobob"]);
    sso.insta("revoked").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    let status = sso.run(&["auth", "status", "-p", "agent", "-o", "json"]);
    sso.insta("revoked_status").bind(|| insta::assert_snapshot!(status.snapshot()));
    status.assert_code(4);
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn logout_revokes_at_the_provider_and_a_provider_that_is_down_only_warns() {
    let mut sso = Sso::start();
    sso.login("agent", "agent", Some(oidc_harness::Decision::Allow)).assert_code(0);
    let refresh = sso.stored_secret("agent", "refresh_token");
    let logout = sso.run(&["auth", "logout", "-p", "agent"]);
    sso.insta("logout").bind(|| insta::assert_snapshot!(logout.snapshot()));
    logout.assert_code(0);
    assert!(sso.stored("agent").is_none());
    let refused = sso.runtime.block_on(sso.provider.refresh(&refresh)).expect("the provider answers");
    assert!(refused.is_err(), "the refresh token was revoked at the provider");

    sso.login("sre", "sre", Some(oidc_harness::Decision::Allow)).assert_code(0);
    sso.provider.stop();
    let logout = sso.run(&["auth", "logout", "-p", "sre"]);
    sso.insta("logout_provider_down").bind(|| insta::assert_snapshot!(logout.snapshot()));
    logout.assert_code(0);
    assert!(sso.stored("sre").is_none(), "deleted here all the same");
}

/// `-vvv` logs every request acctl makes: still no token, refresh token or
/// device code (the device code is never shown, so no long token-like word
/// may appear at all besides the ones acctl is known to print).
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn no_token_or_code_reaches_the_output_or_the_logs() {
    let sso = Sso::with(oidc_harness::ProviderOptions {
        access_token_ttl: Duration::from_secs(2),
        ..Default::default()
    });
    sso.login("admin", "admin", Some(oidc_harness::Decision::Allow)).assert_code(0);
    let before = sso.secrets("admin");
    std::thread::sleep(Duration::from_secs(3));
    let runs = [
        sso.run(&["-vvv", "-p", "admin", "lookup", "acc_demobob"]),
        sso.run(&["-vvv", "auth", "status", "-p", "admin", "-o", "json"]),
        sso.run(&["-vvv", "auth", "logout", "-p", "admin"]),
    ];
    for run in &runs {
        never_shows(run, &before);
        for word in run.stderr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')) {
            assert!(word.len() < 40 || word.starts_with("acctl") || word.contains(".."), "a token-like word `{word}`:\n{}", run.stderr);
        }
    }
}

// --- without a provider ----------------------------------------------------------

#[test]
fn sso_settings_are_checked_on_load_and_shown() {
    let env = TestEnv::new();
    let profile = |extra: &str| {
        format!("default_profile = \"corp\"\n[profiles.corp]\nurl = \"{}\"\n{extra}", env.url)
    };
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

/// In a terminal: the page and code, a spinner while waiting, the person
/// approves on another device; then a second sign-in cut short by Ctrl-C,
/// which stores nothing and leaves the first one as it was.
#[cfg(unix)]
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn in_a_terminal_the_wait_shows_a_spinner_and_ctrl_c_cancels_cleanly() {
    use crate::dialogue::Key::{CtrlC, Wait};
    let sso = Sso::start();
    let mut terminal = crate::dialogue::Terminal::start(&sso.env, None, &["auth", "login", "-p", "sre", "--insecure-storage"]);
    let shown = terminal.sees("(it expires in");
    let code = shown.split(" the code ").nth(1).and_then(|r| r.split_whitespace().next()).expect("a code").to_owned();
    terminal.sees("Waiting for the sign-in to be approved in the browser (Ctrl-C cancels)");
    sso.runtime.block_on(sso.provider.approve(&code, "sre", oidc_harness::Decision::Allow)).expect("approved");
    let end = terminal.finish();
    end.assert_code(0).shows_in_order(&["To sign in to profile `sre`", "/device", "Signed in to", "(role sre)"]);
    let kept = sso.secrets("sre");

    let mut terminal = crate::dialogue::Terminal::start(&sso.env, None, &["auth", "login", "-p", "sre", "--insecure-storage"]);
    terminal.dialogue(&[("(it expires in", Wait), ("Waiting for the sign-in to be approved", CtrlC)]);
    let end = terminal.finish();
    end.assert_code(130).shows_in_order(&["interrupted: the sign-in was cancelled and nothing was stored"]);
    assert_eq!(sso.secrets("sre"), kept, "the earlier sign-in is untouched");
}
