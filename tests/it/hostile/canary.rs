//! Secrets stay out of argv, output, logs and files (item 13 and the
//! canary).

use super::{SNAPSHOTS, finish, snap};
use crate::common::{Run, TestEnv};

// --- 13 and the canary: secrets stay out of argv, output, logs and files ---

/// Values that must never show up anywhere but where they were sent.
const CANARY_TOKEN: &str = "acctl_canary0token0f00dfeedfacecafe";
const CANARY_CODE: &str = "80417263";
const CANARY_PASSWORD: &str = "Canary-Passw0rd-gullible-kestrel-9";
const CANARY_VERIFICATION: &str = "vt_canary0verification0deadbeef";

/// A run with a secret on stdin, written only after acctl's argv was read
/// from /proc (so acctl is waiting on stdin when it is read).
fn secret_run(env: &TestEnv, args: &[&str], vars: &[(&str, &str)], stdin: Option<&str>) -> (Run, String) {
    let mut cmd = env.command();
    cmd.args(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    finish(cmd, stdin.map(str::as_bytes))
}

#[test]
fn the_verification_token_is_never_taken_from_the_command_line() {
    let env = TestEnv::new();
    let run =
        env.run_as("agent", &["password", "set", "acc_demobob", "--verification", CANARY_VERIFICATION, "--deliver"]);
    snap(&env, "verification_flag_refused", &[], &run);
    assert!(!run.stderr.contains(CANARY_VERIFICATION));
    let help = env.run(&["password", "set", "--help"]);
    snap(&env, "password_set_help", &[], &help);
}

#[test]
fn canary_secrets_never_appear_in_argv_output_logs_or_files() {
    let env = TestEnv::new();
    let agent = env.token("agent").to_owned();
    let mut runs: Vec<(String, Run, String)> = Vec::new();
    let mut record = |what: &str, (run, cmdline): (Run, String)| runs.push((what.to_owned(), run, cmdline));
    let trace = [("ACCTL_LOG", "trace")];

    // A token that does not work: login (with no keyring here it stops at the
    // keyring check, exit 8; to the file it is refused, exit 4), and as ACCTL_TOKEN.
    let login = ["auth", "login", "--with-token", "-vvv"];
    record("login, bad token", secret_run(&env, &login, &[], Some(&format!("{CANARY_TOKEN}\n"))));
    let login_file = ["auth", "login", "--with-token", "--insecure-storage"];
    record("login to file, bad token", secret_run(&env, &login_file, &trace, Some(&format!("{CANARY_TOKEN}\n"))));
    record(
        "ACCTL_TOKEN, bad",
        secret_run(&env, &["lookup", "acc_demobob", "-vvv"], &[("ACCTL_TOKEN", CANARY_TOKEN)], None),
    );
    // A good token, no keyring, not asked to store it in a file.
    record("login, no keyring", secret_run(&env, &login, &[], Some(&format!("{agent}\n"))));

    // A wrong code, then the right one.
    let sent = env.run_as("agent", &["code", "send", "acc_demobob", "-o", "ndjson"]);
    let challenge = sent.json_lines()[0]["challenge_id"].as_str().expect("challenge id").to_owned();
    let verify = ["code", "verify", challenge.as_str(), "--code-stdin", "-vvv"];
    let as_agent = [("ACCTL_TOKEN", agent.as_str())];
    record("verify, wrong code", secret_run(&env, &verify, &as_agent, Some(&format!("{CANARY_CODE}\n"))));
    let customer = crate::common::Backend::new(&env);
    let code = customer.latest_code("acc_demobob");
    let verify_trace = ["code", "verify", challenge.as_str(), "--code-stdin", "-o", "ndjson"];
    let (verified, cmdline) = secret_run(
        &env,
        &verify_trace,
        &[("ACCTL_TOKEN", agent.as_str()), ("ACCTL_LOG", "trace")],
        Some(&format!("{code}\n")),
    );
    verified.assert_code(0);
    assert!(!cmdline.contains(&code) && !verified.stderr.contains(&code), "{}", verified.snapshot());
    let token = serde_json::from_str::<serde_json::Value>(verified.stdout.lines().last().expect("a record"))
        .expect("json")["verification_token"]
        .as_str()
        .expect("token")
        .to_owned();

    // A verification token that does not work, from stdin and from the environment.
    let set_stdin = ["password", "set", "acc_demobob", "--verification-stdin", "--deliver", "-vvv"];
    record("token on stdin, bad", secret_run(&env, &set_stdin, &as_agent, Some(&format!("{CANARY_VERIFICATION}\n"))));
    let set_env = ["password", "set", "acc_demobob", "--deliver", "-vvv"];
    record(
        "token in env, bad",
        secret_run(
            &env,
            &set_env,
            &[("ACCTL_TOKEN", agent.as_str()), ("ACCTL_VERIFICATION", CANARY_VERIFICATION)],
            None,
        ),
    );
    // The right token with a password the policy refuses, then the canary password.
    let set_password = ["password", "set", "acc_demobob", "--password-stdin", "-vvv"];
    let with_token = [("ACCTL_TOKEN", agent.as_str()), ("ACCTL_VERIFICATION", token.as_str())];
    record(
        "weak password",
        secret_run(&env, &set_password, &with_token, Some(&format!("{CANARY_PASSWORD}-bob@example.com\n"))),
    );
    let traced = [("ACCTL_TOKEN", agent.as_str()), ("ACCTL_VERIFICATION", token.as_str()), ("ACCTL_LOG", "trace")];
    let (set, cmdline) = secret_run(
        &env,
        &["password", "set", "acc_demobob", "--password-stdin"],
        &traced,
        Some(&format!("{CANARY_PASSWORD}\n")),
    );
    set.assert_code(0);
    assert_eq!(customer.signs_in("acc_demobob", CANARY_PASSWORD), Ok(false), "the canary password was set");
    record("password set", (set, cmdline));

    let secrets = [CANARY_TOKEN, CANARY_CODE, CANARY_PASSWORD, CANARY_VERIFICATION, code.as_str(), token.as_str()];
    let mut codes = Vec::new();
    for (what, run, cmdline) in &runs {
        for secret in secrets {
            assert!(!run.stdout.contains(secret), "{what}: stdout holds a secret\n{}", run.snapshot());
            assert!(!run.stderr.contains(secret), "{what}: stderr holds a secret\n{}", run.snapshot());
            assert!(!cmdline.contains(secret), "{what}: argv holds a secret: {cmdline}");
        }
        assert!(!run.stderr.contains(&agent), "{what}: stderr holds the agent's token");
        codes.push(format!("{what}: {}", run.code));
    }
    // Each failing run failed the way it should (a run that never got to the secret proves nothing).
    insta::with_settings!({ snapshot_path => SNAPSHOTS, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("canary_exit_codes", codes.join("\n"));
    });
    let config = std::fs::read_to_string(env.config_path()).expect("config");
    let credentials = std::fs::read_to_string(env.data_dir().join("credentials.toml")).unwrap_or_default();
    for secret in secrets.iter().chain([&agent.as_str()]) {
        assert!(!config.contains(secret), "the config file holds a secret");
        assert!(!credentials.contains(secret), "the token file holds a secret nobody asked to store");
    }
}
