//! `acctl config` and how settings resolve.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn path_show_and_init() {
    let env = TestEnv::new();
    let run = env.run(&["config", "path"]);
    run.assert_code(0);
    assert_eq!(run.stdout.trim(), env.config_path().to_str().unwrap());

    let show = env.run(&["config", "show", "-o", "table"]);
    snapshot!(env, show);

    let other = env.home_path().join("other.toml");
    let other = other.to_str().unwrap();
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
    snapshot!(env, init);
    let again = env.run(&["--config", other, "config", "init"]);
    again.assert_code(2);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    let shown = env.run_with(&["config", "show", "-o", "json"], &[("ACCTL_CONFIG", other)], None);
    let doc: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(doc["profile"], "staging");
    assert_eq!(doc["url"], "https://staging.example.com");
    assert_eq!(doc["region"], "GB");
}

#[test]
fn a_malformed_config_names_file_line_and_key() {
    let env = TestEnv::new();
    env.write_config(
        "default_profile = \"test\"\n\n[profiles.test]\nurl = \"http://127.0.0.1:1\"\ntimeout = \"soon\"\n",
    );
    let run = env.run(&["lookup", "acc_demobob"]);
    snapshot!(env, run);
    env.write_config("[profiles.test]\nurll = \"http://127.0.0.1:1\"\n");
    let run = env.run(&["config", "show"]);
    run.assert_code(2);
    assert!(run.stderr.contains("line 2, key `urll`: unknown field `urll`"), "{}", run.stderr);
    // `config path` still works with a broken file, so the user can find it.
    env.run(&["config", "path"]).assert_code(0);
}

#[test]
fn an_unknown_profile_lists_the_ones_there() {
    let env = TestEnv::new();
    let run = env.run(&["-p", "prod", "lookup", "acc_demobob"]);
    snapshot!(env, run);
}

#[test]
fn env_and_flags_override_the_file() {
    let env = TestEnv::new();
    let run = env.run_with(
        &["config", "show", "-o", "ndjson", "--region", "us"],
        &[("ACCTL_URL", "http://10.0.0.1:9")],
        None,
    );
    let doc = &run.json_lines()[0];
    assert_eq!(
        (doc["url"].as_str(), doc["url_source"].as_str(), doc["region"].as_str()),
        (Some("http://10.0.0.1:9"), Some("ACCTL_URL"), Some("US"))
    );
    let run = env.run_with(&["config", "show"], &[("ACCTL_OUTPUT", "csv")], None);
    assert!(run.stdout.starts_with("config_path,config_exists,profile,url"), "{}", run.stdout);
}
