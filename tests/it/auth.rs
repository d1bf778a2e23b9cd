//! `acctl auth`: login, status, logout; the keyring's absence; token sources.

use std::time::{Duration, Instant};

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn with_no_keyring_login_fails_fast_and_names_the_options() {
    let env = TestEnv::new();
    let started = Instant::now();
    let run = env.run_with(&["auth", "login", "--with-token"], &[], Some(env.token("agent").as_bytes()));
    assert!(started.elapsed() < Duration::from_secs(10), "a missing keyring must not hang: {:?}", started.elapsed());
    snapshot!(env, run);
}

#[test]
fn insecure_storage_round_trip_across_processes() {
    let env = TestEnv::new();
    let run = env.run_with(
        &["auth", "login", "--with-token", "--insecure-storage"],
        &[],
        Some(format!("{}\n", env.token("sre")).as_bytes()),
    );
    snapshot!(env, run);
    let file = env.data_dir().join("credentials.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }

    let status = env.run(&["auth", "status", "-o", "table"]);
    snapshot!(env, status);
    let json = env.run(&["auth", "status", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!((doc["token_source"].as_str(), doc["plaintext"].as_bool()), (Some("file"), Some(true)));
    assert!(!json.stdout.contains(env.token("sre")), "status never shows the token");

    env.run(&["lookup", "acc_demobob"]).assert_code(0);

    let out = env.run(&["auth", "logout"]);
    out.assert_code(0);
    assert!(out.stderr.contains("Removed the token of profile `test`"), "{}", out.stderr);
    assert!(!std::fs::read_to_string(&file).unwrap().contains(env.token("sre")));
    env.run(&["lookup", "acc_demobob"]).assert_code(4);
}

#[test]
fn acctl_token_overrides_and_status_says_so() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["auth", "status", "-o", "ndjson"]);
    run.assert_code(0);
    let doc = &run.json_lines()[0];
    assert_eq!(doc["actor"], "test-agent");
    assert_eq!(doc["role"], "agent");
    assert_eq!(doc["token_source"], "env");
    assert!(doc["scopes"].as_array().unwrap().iter().any(|s| s == "accounts:read"));
}

#[test]
fn a_rejected_token_is_not_stored() {
    let env = TestEnv::new();
    let run = env.run_with(&["auth", "login", "--with-token", "--insecure-storage"], &[], Some(b"acctl_bogus"));
    snapshot!(env, run);
    assert!(!env.data_dir().join("credentials.toml").exists());
}

#[test]
fn without_a_terminal_login_needs_with_token() {
    let env = TestEnv::new();
    let run = env.run(&["auth", "login"]);
    snapshot!(env, run);
    let run = env.run_with(&["auth", "login", "--with-token"], &[], Some(b"  \n"));
    run.assert_code(2);
    assert!(run.stderr.contains("the token is empty"));
}

#[test]
fn logout_without_a_stored_token_is_not_an_error_when_there_is_no_keyring() {
    let env = TestEnv::new();
    let run = env.run(&["auth", "logout"]);
    // No keyring and nothing in the file: the keyring error is the answer.
    run.assert_code(4);
    assert!(run.stderr.contains("no OS keyring is available"), "{}", run.stderr);
}
