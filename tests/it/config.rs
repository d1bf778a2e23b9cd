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
