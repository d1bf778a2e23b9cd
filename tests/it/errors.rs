//! Errors as a user meets them: message, causes, request id, hint, exit code.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn an_unreachable_service_exits_8_with_a_hint() {
    let env = TestEnv::new();
    // A port nothing listens on: bind, read the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let run = env.run_with(
        &["lookup", "acc_demobob"],
        &[("ACCTL_TOKEN", "x"), ("ACCTL_URL", &format!("http://127.0.0.1:{port}"))],
        None,
    );
    run.assert_code(8);
    assert!(run.stderr.starts_with(&format!("error: cannot connect to `http://127.0.0.1:{port}`")), "{}", run.stderr);
    assert!(run.stderr.contains("hint: is the service running"), "{}", run.stderr);
}

#[test]
fn a_missing_scope_exits_4_and_shows_the_request_id() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "acc_demobob", "--reveal"]);
    snapshot!(env, run);
}

#[test]
fn an_unknown_token_exits_4() {
    let env = TestEnv::new();
    let run = env.run_with(&["lookup", "acc_demobob"], &[("ACCTL_TOKEN", "not-a-token")], None);
    run.assert_code(4);
    assert!(run.stderr.contains("acctl auth login -p test"), "{}", run.stderr);
}

#[test]
fn admins_may_reveal() {
    let env = TestEnv::new();
    let run = env.run_as("admin", &["lookup", "acc_demobob", "--reveal", "-o", "ndjson", "--fields", "email,phone"]);
    run.assert_code(0);
    assert_eq!(run.json_lines()[0], serde_json::json!({"email": "bob@example.com", "phone": "+14155550132"}));
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    env.run(&["lookup"]).assert_code(2);
    env.run(&["lookup", "-o", "yaml", "x"]).assert_code(2);
    env.run(&["auth", "login", "--token", "abc"]).assert_code(2);
    let run = env.run_as("agent", &["lookup", "-", "acc_demobob"]);
    run.assert_code(2);
    env.run(&["--version"]).assert_code(0);
    let help = env.run(&["--help"]);
    help.assert_code(0);
    assert!(help.stdout.contains("Exit codes:") && help.stdout.contains("130  interrupted"));
}
