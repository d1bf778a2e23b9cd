//! A real OS keyring round trip (Secret Service via gnome-keyring). Needs a
//! session bus with an unlocked keyring; `.ci/run` provides one, see
//! TOOLING.md. Three separate processes: login, lookup, logout.

use crate::common::TestEnv;

#[test]
#[ignore = "needs a Secret Service (gnome-keyring under dbus-run-session); .ci/run runs it"]
fn login_lookup_logout_through_the_os_keyring() {
    let mut env = TestEnv::new();
    for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
        let value = std::env::var(var).unwrap_or_else(|_| panic!("{var} must be set: run under dbus-run-session"));
        env.env(var, &value);
    }
    // A profile name unique to this run, so a shared keyring never collides;
    // snapshots show it as `ci-[PID]`.
    let profile = format!("ci-{}", std::process::id());
    env.write_config(&format!("default_profile = \"{profile}\"\n[profiles.{profile}]\nurl = \"{}\"\n", env.url));
    let mut settings = env.insta_settings(None);
    settings.add_filter(&format!(r"\b{profile}\b"), "ci-[PID]");
    let snapshot = |run: crate::common::Run, step: &str| {
        let mut settings = settings.clone();
        settings.set_snapshot_suffix(step);
        settings.bind(|| insta::assert_snapshot!(run.snapshot()));
    };

    let login = env.run_with(&["auth", "login", "--with-token"], &[], Some(env.token("agent").as_bytes()));
    snapshot(login, "login");
    assert!(!env.data_dir().join("credentials.toml").exists(), "no plaintext copy");
    snapshot(env.run(&["auth", "status", "-o", "ndjson"]), "status");
    snapshot(env.run(&["lookup", "alice@example.com", "-o", "ndjson", "--fields", "id"]), "lookup");
    snapshot(env.run(&["auth", "logout"]), "logout");
    // Nothing stored any more, and the keyring answers: "not signed in", exit 0, no warning.
    snapshot(env.run(&["auth", "logout"]), "logout_again");
    snapshot(env.run(&["lookup", "alice@example.com"]), "lookup_after_logout");
}
