//! `acctl config` and how settings resolve.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn path_show_and_init() {
    let env = TestEnv::new();
    snapshot!(env, env.run(&["config", "path"]), "path");
    snapshot!(env, env.run(&["config", "show", "-o", "table"]), "show");

    let other = env.home_path().join("other.toml");
    let other = other.to_str().expect("a UTF-8 path");
    let init = env.run(&[
        "--config",
        other,
        "config",
        "init",
        "-p",
        "staging",
        "--url",
        "https://staging.example.com/",
        "--region",
        "gb",
    ]);
    snapshot!(env, init, "init");
    let written = std::fs::read_to_string(other).expect("the new config file");
    env.insta_settings(Some("init_file")).bind(|| insta::assert_snapshot!(written));
    snapshot!(env, env.run(&["--config", other, "config", "init"]), "init_again");
    let shown = env.run_with(&["config", "show", "-o", "json"], &[("ACCTL_CONFIG", other)], None);
    snapshot!(env, shown, "show_other");
}

#[test]
fn a_malformed_config_names_file_line_and_key() {
    let env = TestEnv::new();
    env.write_config(
        "default_profile = \"test\"\n\n[profiles.test]\nurl = \"http://127.0.0.1:1\"\ntimeout = \"soon\"\n",
    );
    snapshot!(env, env.run(&["lookup", "acc_demobob"]), "bad_value");
    env.write_config("[profiles.test]\nurll = \"http://127.0.0.1:1\"\n");
    snapshot!(env, env.run(&["config", "show"]), "unknown_key");
    // `config path` still works with a broken file, so the user can find it.
    snapshot!(env, env.run(&["config", "path"]), "path");
}

#[test]
fn an_unknown_profile_lists_the_ones_there() {
    let env = TestEnv::new();
    snapshot!(env, env.run(&["-p", "prod", "lookup", "acc_demobob"]));
}

#[test]
fn env_and_flags_override_the_file() {
    let env = TestEnv::new();
    let run = env.run_with(
        &["config", "show", "-o", "ndjson", "--region", "us"],
        &[("ACCTL_URL", "http://127.0.0.2:9")],
        None,
    );
    snapshot!(env, run, "url_and_region");
    let run = env.run_with(&["config", "show"], &[("ACCTL_OUTPUT", "csv")], None);
    snapshot!(env, run, "output");
}

/// Before: a second profile needed `--force`, which replaced the whole file
/// (comments and the other profiles gone); `config use` and `config set` did
/// not exist; `--url https://…` alone went into a profile named `local`.
#[test]
fn profiles_are_added_chosen_and_changed_one_at_a_time_keeping_the_rest() {
    let env = TestEnv::new();
    let path = env.home_path().join("team.toml");
    let file = path.to_str().expect("a UTF-8 path");
    std::fs::write(
        &path,
        "# Our team's backends. Ask #support-tools before changing.\ndefault_profile = \"local\"\n\n[profiles.local]\nurl = \"http://127.0.0.1:8080\" # the sandbox\n# Reset drills use a short timeout.\ntimeout = \"5s\"\n",
    )
    .expect("write the config");
    let run = |args: &[&str]| env.run(&[&["--config", file], args].concat());
    let read = || std::fs::read_to_string(&path).expect("the config file");

    snapshot!(env, run(&["config", "init", "--url", "https://accounts-admin.example.com"]), "init_unnamed");
    let add = run(&["config", "init", "-p", "prod", "--url", "https://accounts-admin.example.com", "--region", "cn"]);
    snapshot!(env, add, "init_prod");
    snapshot!(env, run(&["config", "use", "prod"]), "use");
    snapshot!(env, run(&["config", "use", "staging"]), "use_unknown");
    snapshot!(env, run(&["config", "set", "-p", "prod", "require_reason", "true"]), "set");
    // Without -p: the default profile, now prod.
    snapshot!(env, run(&["config", "set", "timeout", "30s"]), "set_default");

    let before = read();
    snapshot!(env, run(&["config", "set", "timeout", "ten"]), "set_bad_value");
    snapshot!(env, run(&["config", "set", "-p", "local", "concurrency", "1000"]), "set_bad_number");
    snapshot!(env, run(&["config", "set", "colour", "red"]), "set_unknown_key");
    assert_eq!(read(), before, "a refused value left the file unchanged");

    env.insta_settings(Some("file")).bind(|| insta::assert_snapshot!(read()));
    snapshot!(env, run(&["config", "show", "-o", "ndjson"]), "show");
    // Nothing but the file itself is left in its directory (the write is a rename).
    let mut names: Vec<_> = std::fs::read_dir(env.home_path())
        .expect("the home directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains("team"))
        .collect();
    names.sort();
    assert_eq!(names, ["team.toml"]);
}

/// Single sign-on set up with `config set`, one key after the other: until
/// the third of `oidc_issuer`, `oidc_client_id` and `oidc_audience`, each
/// says what is still missing, and the profile is refused when used; then
/// `config show` has them all, the scopes as a list.
#[test]
fn single_sign_on_is_set_up_key_by_key() {
    let env = TestEnv::new();
    env.write_config(&format!("default_profile = \"corp\"\n\n[profiles.corp]\nurl = \"{}\"\n", env.url));
    snapshot!(env, env.run(&["config", "set", "oidc_issuer", "https://sso.example.com/realms/staff"]), "issuer");
    snapshot!(env, env.run(&["lookup", "acc_demobob"]), "half_set_up");
    snapshot!(env, env.run(&["config", "set", "oidc_client_id", "acctl"]), "client_id");
    snapshot!(env, env.run(&["config", "set", "oidc_audience", "https://accounts-admin.example.com"]), "audience");
    snapshot!(env, env.run(&["config", "set", "oidc_scopes", "acctl,support"]), "scopes");
    snapshot!(env, env.run(&["config", "set", "oidc_audience_param", "aud"]), "bad_audience_param");
    snapshot!(env, env.run(&["config", "show", "-o", "json"]), "shown");
}
