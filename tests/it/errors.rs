//! Errors as a user meets them: message, causes, request id, hint, exit code.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn an_unreachable_service_exits_8_with_a_hint() {
    let env = TestEnv::new();
    // A port nothing listens on: bind, read the port, close.
    let port =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free loopback port").port();
    let run = env.run_with(
        &["lookup", "acc_demobob"],
        &[("ACCTL_TOKEN", "x"), ("ACCTL_URL", &format!("http://127.0.0.1:{port}"))],
        None,
    );
    snapshot!(env, run);
}

#[test]
fn a_missing_scope_exits_4_and_shows_the_request_id() {
    let env = TestEnv::new();
    snapshot!(env, env.run_as("agent", &["lookup", "acc_demobob", "--reveal"]));
}

#[test]
fn an_unknown_token_exits_4() {
    let env = TestEnv::new();
    snapshot!(env, env.run_with(&["lookup", "acc_demobob"], &[("ACCTL_TOKEN", "not-a-token")], None));
}

#[test]
fn admins_may_reveal() {
    let env = TestEnv::new();
    let run = env.run_as("admin", &["lookup", "acc_demobob", "--reveal", "-o", "ndjson", "--fields", "email,phone"]);
    snapshot!(env, run);
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    snapshot!(env, env.run(&["lookup"]), "no_identifier");
    snapshot!(env, env.run(&["lookup", "-o", "yaml", "x"]), "bad_format");
    snapshot!(env, env.run(&["auth", "login", "--token", "abc"]), "token_in_argv");
    snapshot!(env, env.run_as("agent", &["lookup", "-", "acc_demobob"]), "stdin_and_argument");
    snapshot!(env, env.run(&["--version"]), "version");
    snapshot!(env, env.run(&["--help"]), "help");
}
