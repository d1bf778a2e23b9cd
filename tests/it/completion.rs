//! `-p <TAB>` completes the config file's profile names, through the
//! committed completion scripts (which ask `acctl` for each completion).

use std::path::Path;
use std::process::Stdio;

use crate::common::TestEnv;

fn env_with_profiles() -> TestEnv {
    let env = TestEnv::new();
    env.write_config(
        "default_profile = \"local\"\n\n[profiles.local]\nurl = \"http://127.0.0.1:8080\"\n\n\
         [profiles.prod]\nurl = \"https://accounts-admin.example.com\"\nprotected = true\n\n\
         [profiles.staging]\nurl = \"https://staging.example.com\"\n",
    );
    env
}

/// The committed bash script, sourced in a real bash, with `acctl` on PATH:
/// what the shell would offer after `acctl auth status -p ` and `-p pr`.
#[test]
fn bash_completes_profile_names_from_the_config_file() {
    let env = env_with_profiles();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/acctl.bash");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_acctl")).parent().expect("bin dir").to_owned();
    let complete = |words: &str, current: &str| -> String {
        let program = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); COMP_TYPE=9; \
             _clap_complete_acctl acctl '{current}' ''; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        // The pinned environment of every acctl run, with acctl on PATH.
        let pinned = env.command();
        let out = std::process::Command::new("bash")
            .args(["--norc", "-c", &program])
            .env_clear()
            .envs(pinned.get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
            .env("PATH", format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default()))
            .current_dir(env.home_path())
            .stdin(Stdio::null())
            .output()
            .expect("bash runs");
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let all = complete("acctl auth status -p ''", "");
    let prefix = complete("acctl lookup x -p pr", "pr");
    assert_eq!(format!("-p '':\n{all}-p pr:\n{prefix}"), "-p '':\nlocal\nprod\nstaging\n-p pr:\nprod\n");
}

/// What each other shell's script receives from `acctl` for `-p <TAB>` (the
/// protocol each committed script speaks; the shells are not installed here).
#[test]
fn zsh_fish_elvish_and_powershell_get_profile_names_with_their_urls() {
    let env = env_with_profiles();
    let mut seen = String::new();
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let mut cmd = env.command();
        cmd.env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", "3")
            .env("_CLAP_IFS", "\n")
            .args(["--", "acctl", "lookup", "-p", ""])
            .stdin(Stdio::null());
        let out = cmd.output().expect("acctl runs");
        seen.push_str(&format!(
            "{shell} (exit {}):\n{}{}\n",
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).trim_end(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    env.insta_settings(None).bind(|| insta::assert_snapshot!(seen));
}

/// Without a config file there is nothing to offer, and nothing is printed
/// into the user's prompt (no error text).
#[test]
fn without_a_config_file_profile_completion_offers_nothing() {
    let env = TestEnv::new();
    std::fs::remove_file(env.config_path()).expect("config removed");
    let mut cmd = env.command();
    cmd.env("COMPLETE", "fish").args(["--", "acctl", "-p", ""]).stdin(Stdio::null());
    let out = cmd.output().expect("acctl runs");
    assert_eq!((out.status.code(), out.stdout.as_slice(), out.stderr.as_slice()), (Some(0), &b""[..], &b""[..]));
}
