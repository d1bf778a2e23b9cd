//! `acctl auth`: login, status, logout; the keyring's absence; token sources.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn with_no_keyring_login_fails_fast_and_names_the_options() {
    let env = TestEnv::new();
    let run = env.run_with(&["auth", "login", "--with-token"], &[], Some(env.token("agent").as_bytes()));
    snapshot!(env, run);
    assert!(!env.data_dir().join("credentials.toml").exists(), "no silent fallback to a file");
}

#[test]
fn insecure_storage_round_trip_across_processes() {
    let env = TestEnv::new();
    let run = env.run_with(
        &["auth", "login", "--with-token", "--insecure-storage"],
        &[],
        Some(format!("{}\n", env.token("sre")).as_bytes()),
    );
    snapshot!(env, run, "login");
    let file = env.data_dir().join("credentials.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("the credentials file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    snapshot!(env, env.run(&["auth", "status", "-o", "table"]), "status_table");
    // Never the token itself: the filters would show it as [SRE_TOKEN].
    snapshot!(env, env.run(&["auth", "status", "-o", "json"]), "status_json");
    snapshot!(env, env.run(&["lookup", "acc_demobob", "--fields", "id"]), "lookup");

    snapshot!(env, env.run(&["auth", "logout"]), "logout");
    let left = std::fs::read_to_string(&file).expect("the credentials file");
    assert!(!left.contains(env.token("sre")), "{left}");
    snapshot!(env, env.run(&["lookup", "acc_demobob"]), "lookup_after_logout");
}

#[test]
fn acctl_token_overrides_and_status_says_so() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["auth", "status", "-o", "ndjson"]);
    snapshot!(env, run);
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
    snapshot!(env, env.run(&["auth", "login"]), "no_terminal");
    let run = env.run_with(&["auth", "login", "--with-token"], &[], Some(b"  \n"));
    snapshot!(env, run, "empty_token");
}

#[test]
fn logout_without_a_stored_token_is_not_an_error_when_there_is_no_keyring() {
    let env = TestEnv::new();
    // No keyring and nothing in the file: the keyring error is the answer.
    snapshot!(env, env.run(&["auth", "logout"]));
}
