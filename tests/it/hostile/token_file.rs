//! The token file of `--insecure-storage` under umask 000, with a temp
//! file or a symlink planted beside it (item 15).

#[cfg(unix)]
use std::process::Command;

#[cfg(unix)]
use super::{finish, snap};
#[cfg(unix)]
use crate::common::{Run, TestEnv};

// --- 15: the token file ----------------------------------------------------

/// `acctl ARGS` run by `sh` with umask 000, the environment pinned as usual.
#[cfg(unix)]
fn run_umask_000(env: &TestEnv, args: &[&str], stdin: &[u8]) -> Run {
    let acctl = env.command();
    let mut cmd = Command::new("sh");
    cmd.env_clear().args(["-c", "umask 000 && exec \"$0\" \"$@\""]).arg(acctl.get_program()).args(args);
    for (key, value) in acctl.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    cmd.current_dir(env.home_path());
    finish(cmd, Some(stdin)).0
}

#[cfg(unix)]
#[test]
fn a_planted_temp_file_or_symlink_or_umask_000_never_exposes_the_stored_token() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::symlink_metadata(p).expect("exists").permissions().mode() & 0o777;
    let login = ["auth", "login", "--with-token", "--insecure-storage"];

    // Under umask 000, with a 0644 temp file planted beside the token file.
    let env = TestEnv::new();
    let token = format!("{}\n", env.token("agent"));
    let data = env.data_dir();
    std::fs::create_dir_all(&data).expect("data dir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let planted = data.join("credentials.toml.tmp");
    std::fs::write(&planted, "").expect("plant");
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let run = run_umask_000(&env, &login, token.as_bytes());
    assert_eq!(mode(&data.join("credentials.toml")), 0o600, "the token file");
    assert_eq!(mode(&data), 0o700, "the data directory");
    snap(&env, "token_file_with_planted_temp_file", &[], &run);

    // A symlink planted where the temp file used to go, in a fresh home.
    let env = TestEnv::new();
    let token = format!("{}\n", env.token("agent"));
    let data = env.data_dir();
    std::fs::create_dir_all(&data).expect("data dir");
    let stolen = env.home_path().join("stolen");
    std::fs::write(&stolen, "").expect("target");
    std::os::unix::fs::symlink(&stolen, data.join("credentials.toml.tmp")).expect("symlink");
    let run = run_umask_000(&env, &login, token.as_bytes());
    run.assert_code(0);
    assert_eq!(std::fs::read_to_string(&stolen).expect("target"), "", "the token went through the symlink");
    assert!(std::fs::symlink_metadata(data.join("credentials.toml")).expect("exists").is_file());
    assert_eq!(mode(&data.join("credentials.toml")), 0o600);

    // A fresh data directory under umask 000 (its parents too).
    let env = TestEnv::new();
    let token = format!("{}\n", env.token("agent"));
    run_umask_000(&env, &login, token.as_bytes()).assert_code(0);
    assert_eq!(mode(&env.data_dir()), 0o700, "the data directory");
    assert_eq!(mode(&env.data_dir().join("credentials.toml")), 0o600);
}
