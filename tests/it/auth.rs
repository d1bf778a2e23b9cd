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
    // Nothing stored: "not signed in", exit 0; the keyring that could not be
    // asked is a warning, not the answer.
    snapshot!(env, env.run(&["auth", "logout"]));
}

/// No command takes a secret in argv; a token there is refused whole (never
/// repeated), naming the ways that work, instead of clap's "a similar
/// argument exists: '--ticket'" which would put it in the audit log.
#[test]
fn a_token_password_or_code_on_the_command_line_is_refused_naming_the_ways_that_work() {
    let env = TestEnv::new();
    snapshot!(env, env.run(&["auth", "login", "--token", "acctl_secret-in-argv"]), "login_token");
    snapshot!(env, env.run(&["lookup", "acc_demobob", "--token=acctl_secret-in-argv"]), "token_equals");
    snapshot!(env, env.run(&["reset", "--password", "hunter2-hunter2"]), "password");
    snapshot!(env, env.run(&["code", "verify", "chl_x", "--code", "123456"]), "code");
    // After `--` it is an operand, not a flag: clap answers as usual.
    let run = env.run_as("agent", &["lookup", "--", "--token"]);
    assert!(!run.stderr.contains("no acctl command takes"), "{}", run.snapshot());
}

/// `ACCTL_TOKEN` wins over a stored login, so when it is the one rejected the
/// hint says so instead of "run `acctl auth login`"; a rejected stored token
/// names the store it came from.
#[test]
fn a_rejected_token_hint_names_where_the_token_came_from() {
    let env = TestEnv::new();
    let run = env.run_with(&["lookup", "acc_demobob"], &[("ACCTL_TOKEN", "acctl_revoked-or-mistyped")], None);
    snapshot!(env, run, "env");
    // A plaintext file holding a token the service does not know.
    let file = env.data_dir().join("credentials.toml");
    std::fs::create_dir_all(env.data_dir()).expect("data dir");
    std::fs::write(&file, "[profiles.test]\ntoken = \"acctl_revoked-or-mistyped\"\n").expect("credentials file");
    snapshot!(env, env.run(&["lookup", "acc_demobob"]), "file");
}

/// `auth status` covers every profile, as `gh auth status` covers every
/// host: the one in use with the token it would use, the others each with
/// its own stored token. The exit status is the profile in use's.
#[test]
fn status_covers_every_profile_and_exits_with_the_current_ones_state() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\nurl = \"{url}\"\n\n[profiles.staging]\nurl = \"{url}\"\n\n[profiles.prod]\nurl = \"http://127.0.0.1:9\"\n",
        url = env.url
    ));
    for (profile, role) in [("test", "sre"), ("prod", "agent")] {
        let run = env.run_with(
            &["auth", "login", "-p", profile, "--with-token", "--insecure-storage"],
            &[("ACCTL_URL", &env.url)],
            Some(env.token(role).as_bytes()),
        );
        run.assert_code(0);
    }
    snapshot!(env, env.run(&["auth", "status", "-o", "table"]), "table");
    snapshot!(env, env.run(&["auth", "status", "-o", "ndjson"]), "ndjson");
    // One profile asked for: one record; not signed in is exit 4 with the way in.
    snapshot!(env, env.run(&["auth", "status", "-p", "staging", "-o", "json"]), "one_not_signed_in");
}
