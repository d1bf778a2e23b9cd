//! `acctl demo` and `acctl sandbox`: the reference service in-process, for
//! training — what a new agent runs first.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{TestEnv, http};
use crate::snapshot;

/// The demo and the sandbox run their own service, with its own random
/// codes, temporary passwords and tokens, and a real clock.
fn demo_settings(env: &TestEnv, step: Option<&str>) -> insta::Settings {
    let mut settings = env.insta_settings(step);
    settings.add_filter(r"recovery code is [0-9]{6}", "recovery code is [CODE]");
    settings.add_filter(r"temporary password is \S+", "temporary password is [TEMPORARY_PASSWORD]");
    settings.add_filter(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?Z?( UTC)?", "[TIME]");
    settings.add_filter(r"\b[0-9]{2}:[0-9]{2}:[0-9]{2}( UTC)?", "[TIME]");
    settings
}

#[test]
fn demo_script_runs_the_whole_reset_unattended_and_prints_each_step() {
    let env = TestEnv::new();
    // No config and no token: the demo needs neither.
    std::fs::remove_file(env.config_path()).expect("config removed");
    let run = env.run(&["demo", "--script"]);
    demo_settings(&env, None).bind(|| insta::assert_snapshot!(run.snapshot()));
    // The verification token is never printed.
    assert!(!run.stdout.contains("vt_"), "{}", run.snapshot());
}

#[test]
fn the_interactive_demo_without_a_terminal_points_to_the_script() {
    let env = TestEnv::new();
    let run = env.run(&["demo"]);
    snapshot!(env, run);
}

#[test]
fn sandbox_prints_url_and_tokens_serves_the_demo_accounts_and_shows_each_message_sent() {
    let env = TestEnv::new();
    let sandbox = SandboxRun::start(&env, &["--listen", "127.0.0.1:0"]);
    let url = sandbox.value_of("URL");
    let agent = sandbox.value_of("agent token");

    let lookup = env.run_with(
        &["lookup", "alice@example.com", "-o", "json"],
        &[("ACCTL_URL", &url), ("ACCTL_TOKEN", &agent)],
        None,
    );
    demo_settings(&env, Some("lookup")).bind(|| insta::assert_snapshot!(lookup.snapshot()));

    let (status, challenge) = http(
        &url,
        "POST",
        "/v1/accounts/acc_demoalice/challenges",
        Some(&agent),
        Some(&serde_json::json!({"channel": "sms"})),
    );
    assert_eq!(status, 201, "{challenge}");
    let message = sandbox.lines_until("this message.");
    let screen = [sandbox.banner.clone(), message].concat().join("\n");
    sandbox.stop();
    demo_settings(&env, Some("console")).bind(|| insta::assert_snapshot!(screen));
}

/// A demo ended by `kill` (SIGTERM) or by closing its terminal window
/// (SIGHUP) removes its throwaway database, as Ctrl-C and a finished demo do,
/// and ends as the shell reports such an end.
#[cfg(unix)]
#[test]
fn a_demo_ended_by_a_signal_leaves_no_database_behind() {
    use expectrl::process::unix::Signal;

    use crate::dialogue::Terminal;

    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let env = TestEnv::new();
        let mut trainee = Terminal::start(&env, None, &["demo"]);
        trainee.sees("Customer's email, phone number or account ID");
        assert_eq!(env.temporary_files().len(), 1, "the demo's database is in TMPDIR while it runs");
        trainee.signal(signal);
        trainee.finish().assert_code(code);
        assert_eq!(env.temporary_files(), Vec::<String>::new(), "left behind after {signal:?}");
    }
}

/// The README's first command, as a new agent uses it: a real terminal, the
/// customer's email, `y`, Enter for the defaults, and the code the customer's
/// side of the screen shows.
#[cfg(unix)]
#[test]
fn the_interactive_demo_takes_a_trainee_through_a_reset_with_the_safe_defaults() {
    use crate::dialogue::Key::{Line, LineFrom, Wait};
    use crate::dialogue::Terminal;

    let env = TestEnv::new();
    let mut trainee = Terminal::start(&env, None, &["demo"]);
    let seen = trainee.dialogue(&[
        ("email, phone number or account ID (Enter: alice@example.com)", Line("")),
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("tries left", Wait),
    ]);
    // The customer's side of the screen shows the code.
    let code: String = seen[3]
        .split("recovery code is ")
        .nth(1)
        .unwrap_or_else(|| panic!("the customer's side shows the code:\n{}", seen[3]))
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert_eq!(code.len(), 6, "{}", seen[3]);
    let typed = || code.clone();
    let seen = trainee.dialogue(&[
        ("", LineFrom(&typed)),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
        ("Request id", Wait),
    ]);
    // Where the temporary password goes is said once it is the agent's choice, not before.
    assert!(
        !seen[1].contains("temporary password will go") && !seen[1].contains("temporary password goes"),
        "{}",
        seen[1]
    );
    assert!(seen[2].contains("The temporary password will go by email to a***@example.com"), "{}", seen[2]);
    // The demo's ticket and reason are shown before and after the change.
    assert!(seen[2].contains("in the audit log with ticket DEMO-1, reason \"demo: customer forgot their password\""));
    trainee.finish().assert_code(0).shows_in_order(&[
        "Your temporary password is",
        "Password reset for `acc_demoalice`",
        "Request id",
    ]);
}

/// The locked demo account ends nothing: the trainee sees why and is asked
/// for another identifier (the sandbox is gone once the demo ends, so a hint
/// to run a command against it could not be followed).
#[cfg(unix)]
#[test]
fn a_locked_demo_account_leads_back_to_the_identifier_prompt() {
    use crate::dialogue::Key::{Line, Wait};
    use crate::dialogue::Terminal;

    let env = TestEnv::new();
    let mut trainee = Terminal::start(&env, None, &["demo"]);
    let seen = trainee.dialogue(&[
        ("email, phone number or account ID (Enter: alice@example.com)", Line("acc_demoerin")),
        ("Here, try another one: alice@example.com, or acc_demofrank (MFA).", Wait),
        ("Another email, phone number or account ID (Enter to stop)", Line("acc_demofrank")),
        ("Is this the customer's account?", Line("")),
        ("Another email, phone number or account ID (Enter to stop)", Line("")),
    ]);
    assert!(
        seen[1].contains("Account `acc_demoerin` is locked: its password cannot be reset; nothing was sent."),
        "{}",
        seen[1]
    );
    trainee.finish().assert_code(0).shows_in_order(&["Stopped: nothing was sent and nothing changed."]).never_shows(&[
        "error:",
        "hint:",
        "acctl account unlock",
        "acctl audit",
    ]);
}

/// A sandbox process and the lines of its banner.
struct SandboxRun {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
    banner: Vec<String>,
}

impl SandboxRun {
    fn start(env: &TestEnv, args: &[&str]) -> SandboxRun {
        let mut child = env
            .command()
            .arg("sandbox")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("acctl sandbox starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut run = SandboxRun { child, lines: rx, banner: Vec::new() };
        run.banner = run.lines_until("Messages the service sends appear below");
        run
    }

    /// Every stdout line from here up to and including the first that contains `needle`.
    fn lines_until(&self, needle: &str) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            match self.lines.recv_timeout(Duration::from_secs(30)) {
                Ok(line) => {
                    let done = line.contains(needle);
                    lines.push(line);
                    if done {
                        return lines;
                    }
                }
                Err(e) => panic!("the sandbox printed no line with `{needle}` after {lines:#?}: {e}"),
            }
        }
    }

    fn value_of(&self, label: &str) -> String {
        self.banner
            .iter()
            .find(|l| l.trim_start().starts_with(label))
            .and_then(|l| l.split_whitespace().last())
            .unwrap_or_else(|| panic!("no {label} in {:#?}", self.banner))
            .to_owned()
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free loopback port, so two sandbox runs can serve the same URL (as
/// `127.0.0.1:8080`, the default, does for a person).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The sandbox keeps its database and tokens in the state directory, so a
/// profile signed in to it still works after a restart; `--ephemeral` is a
/// throwaway one with new tokens each run.
#[test]
fn a_sandbox_login_survives_a_restart_and_ephemeral_sandboxes_do_not_keep_tokens() {
    let env = TestEnv::new();
    let listen = format!("127.0.0.1:{}", free_port());
    let url = format!("http://{listen}");
    env.write_config(&format!("default_profile = \"sandbox\"\n[profiles.sandbox]\nurl = \"{url}\"\nregion = \"CN\"\n"));

    let first = SandboxRun::start(&env, &["--listen", &listen]);
    let agent = first.value_of("agent token");
    let login = env.run_with(&["auth", "login", "--with-token", "--insecure-storage"], &[], Some(agent.as_bytes()));
    login.assert_code(0);
    first.stop();

    let second = SandboxRun::start(&env, &["--listen", &listen]);
    assert_eq!(second.value_of("agent token"), agent, "the same tokens after a restart");
    let lookup = env.run(&["lookup", "alice@example.com", "--fields", "id,status"]);
    let banner = second.banner.join("\n");
    second.stop();
    demo_settings(&env, Some("restarted")).bind(|| insta::assert_snapshot!(lookup.snapshot()));
    // The banner says where the data is kept and how to sign in on a terminal.
    let mut settings = demo_settings(&env, Some("banner"));
    settings.add_filter(r"acctl_[0-9a-f]{40}", "[TOKEN]");
    settings.bind(|| insta::assert_snapshot!(banner));

    let tokens = env.home_path().join(".local/state/acctl/sandbox/sandbox.db-tokens.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&tokens).expect("the tokens file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let one = SandboxRun::start(&env, &["--listen", "127.0.0.1:0", "--ephemeral"]);
    let one_token = one.value_of("agent token");
    let one_banner = one.banner.join("\n");
    one.stop();
    let two = SandboxRun::start(&env, &["--listen", "127.0.0.1:0", "--ephemeral"]);
    let two_token = two.value_of("agent token");
    two.stop();
    assert_ne!(one_token, two_token, "an ephemeral sandbox mints new tokens");
    assert_ne!(one_token, agent);
    assert!(one_banner.contains("a temporary file, removed on exit; new tokens each run"), "{one_banner}");
}
