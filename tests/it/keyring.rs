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
    // A profile name unique to this run, so a shared keyring never collides.
    let profile = format!("ci-{}", std::process::id());
    env.write_config(&format!("default_profile = \"{profile}\"\n[profiles.{profile}]\nurl = \"{}\"\n", env.url));

    let login = env.run_with(&["auth", "login", "--with-token"], &[], Some(env.token("agent").as_bytes()));
    login.assert_code(0);
    assert!(login.stderr.contains("the token is in the OS keyring"), "{}", login.stderr);
    assert!(!env.data_dir().join("credentials.toml").exists(), "no plaintext copy");

    let status = env.run(&["auth", "status", "-o", "ndjson"]);
    status.assert_code(0);
    assert_eq!(status.json_lines()[0]["token_source"], "keyring");

    let lookup = env.run(&["lookup", "alice@example.com", "-o", "ndjson"]);
    lookup.assert_code(0);
    assert_eq!(lookup.json_lines()[0]["account"]["id"], "acc_demoalice");

    let logout = env.run(&["auth", "logout"]);
    logout.assert_code(0);
    assert!(logout.stderr.contains("from the OS keyring"), "{}", logout.stderr);
    let after = env.run(&["lookup", "alice@example.com"]);
    after.assert_code(4);
    assert!(after.stderr.contains("not signed in to profile"), "{}", after.stderr);
}
