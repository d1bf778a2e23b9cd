//! `acctl bulk` through the fault proxy (`faults.rs`): exactly once through
//! 503s, 429s, lost answers, stalls, `kill -9` and Ctrl-C, counted from the
//! service's own audit table and outbox.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use crate::bulk::audit_counts;
use crate::common::TestEnv;
use crate::faults::{Fault, FaultPlan, FaultProxy};

/// A service with `n` synthetic accounts, a config pointing through `proxy`
/// with a short timeout (the proxy's stalls outlast it), and the list file.
fn setup(n: u64) -> (TestEnv, PathBuf) {
    let env = TestEnv::new();
    env.store().generate_accounts(n).expect("accounts");
    let list: String = (0..n).map(|i| format!("acc_load{i:010}\n")).collect();
    let path = env.home_path().join("accounts.txt");
    std::fs::write(&path, list).expect("write the list");
    (env, path)
}

fn point_at(env: &TestEnv, proxy: &FaultProxy) {
    env.write_config(&format!(
        "default_profile = \"test\"\n[profiles.test]\nurl = \"{}\"\ntimeout = \"2s\"\nconcurrency = 16\n",
        proxy.url()
    ));
}

/// 20 % of requests meet a fault; 429s say `Retry-After: 0` so that the
/// run stays short (the storm test uses real waits).
fn twenty_percent(seed: u64) -> FaultPlan {
    FaultPlan { retry_after: 0, stall: std::time::Duration::from_millis(2500), ..FaultPlan::all(0.2, seed) }
}

/// Temporary-password messages per account, from the service's outbox table.
fn temporary_passwords(env: &TestEnv) -> std::collections::BTreeMap<String, i64> {
    let db = env.db();
    let mut stmt = db
        .prepare("SELECT account_id, count(*) FROM outbox WHERE kind = 'temporary_password' GROUP BY account_id")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

#[track_caller]
fn assert_exactly_once(env: &TestEnv, n: u64) {
    let sets = audit_counts(env, "password.set");
    let sent = temporary_passwords(env);
    assert_eq!(sets.len() as u64, n, "accounts whose password was set");
    assert_eq!(sent.len() as u64, n, "accounts sent a temporary password");
    let twice: Vec<_> = sets.iter().filter(|(_, c)| **c != 1).collect();
    assert!(twice.is_empty(), "passwords set more than once: {twice:?}");
    let twice: Vec<_> = sent.iter().filter(|(_, c)| **c != 1).collect();
    assert!(twice.is_empty(), "temporary passwords sent more than once: {twice:?}");
}

fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    env.command()
        .arg("bulk")
        .args(args)
        .env("ACCTL_TOKEN", env.token("sre"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("acctl runs")
}

/// Waits until the journal holds `n` results (bounded: the job would have
/// ended; five minutes, as a loaded 2-core CI machine took over a minute).
fn wait_for_results(journal: &Path, n: usize, child: &mut Child) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while std::time::Instant::now() < deadline {
        let results = std::fs::read_to_string(journal)
            .map(|t| t.lines().filter(|l| l.contains(r#""type":"result""#)).count())
            .unwrap_or(0);
        if results >= n {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("acctl ended ({status}) before {n} results");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no {n} results in the journal");
}

#[test]
fn a_thousand_force_resets_through_20_percent_faults_apply_exactly_once() {
    let (env, list) = setup(1000);
    let proxy = FaultProxy::start(&env.url, twenty_percent(1));
    point_at(&env, &proxy);
    let run = env.run_as(
        "sre",
        &["bulk", "force-reset", "--input", list.to_str().expect("utf-8"), "--yes", "--reason", "r", "-o", "ndjson"],
    );
    run.assert_code(0);
    let outcomes = run.json_lines();
    assert_eq!(outcomes.len(), 1000);
    assert!(outcomes.iter().all(|r| r["outcome"] == "done"), "{}", run.stderr);
    assert_exactly_once(&env, 1000);
    let counts = proxy.counts();
    for kind in [Fault::Unavailable, Fault::RateLimited, Fault::LostAnswer, Fault::Stall] {
        assert!(counts.of(kind) > 0, "no {kind:?} was injected: {counts:?}");
    }
}

#[test]
fn kill_9_mid_run_then_resume_applies_exactly_once() {
    // 400, not 1,000: each forced reset hashes a password (argon2id), and the
    // 1,000-account test above already covers the scale.
    let (env, list) = setup(400);
    let proxy = FaultProxy::start(&env.url, twenty_percent(2));
    point_at(&env, &proxy);
    let journal = env.home_path().join("job.ndjson");
    let mut child = spawn(
        &env,
        &[
            "force-reset",
            "--input",
            list.to_str().expect("utf-8"),
            "--yes",
            "--journal",
            journal.to_str().expect("utf-8"),
        ],
    );
    wait_for_results(&journal, 120, &mut child);
    child.kill().expect("kill -9");
    let _ = child.wait();
    let before = audit_counts(&env, "password.set").len();
    assert!((120..400).contains(&before), "killed mid-run: {before} done");
    let resume = env.run_as("sre", &["bulk", "resume", journal.to_str().expect("utf-8"), "-o", "ndjson"]);
    resume.assert_code(0);
    assert_exactly_once(&env, 400);
    let status = env.run(&["bulk", "status", journal.to_str().expect("utf-8"), "-o", "json"]);
    let status: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
    assert_eq!(
        (status["done"].as_u64(), status["pending"].as_u64(), status["state"].as_str()),
        (Some(400), Some(0), Some("finished"))
    );
}

#[test]
fn ctrl_c_stops_with_130_and_the_job_resumes() {
    let (env, list) = setup(300);
    let proxy = FaultProxy::start(&env.url, FaultPlan::only(0.0, 3, &[]));
    point_at(&env, &proxy);
    let journal = env.home_path().join("job.ndjson");
    let journal_arg = journal.to_str().expect("utf-8");
    let mut child = spawn(
        &env,
        &["lock", "--input", list.to_str().expect("utf-8"), "--yes", "--rate", "40/s", "--journal", journal_arg],
    );
    wait_for_results(&journal, 20, &mut child);
    let status =
        std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill -INT");
    assert!(status.success());
    let out = child.wait_with_output().expect("acctl ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted: the accounts in flight finished"), "{stderr}");
    assert!(stderr.contains(&format!("run `acctl bulk resume {journal_arg}` to finish the job")), "{stderr}");
    let locked = audit_counts(&env, "account.lock");
    assert!(locked.len() < 300, "Ctrl-C stopped nothing");
    // Every account locked so far is in the journal: nothing in flight was lost.
    let journalled = std::fs::read_to_string(&journal).expect("journal");
    assert_eq!(journalled.matches(r#""outcome":"done""#).count(), locked.len());

    env.run_as("sre", &["bulk", "resume", journal_arg, "-o", "ndjson"]).assert_code(0);
    let locked = audit_counts(&env, "account.lock");
    assert_eq!(locked.len(), 300);
    assert!(locked.values().all(|c| *c == 1), "an account was locked twice");
}

#[test]
fn a_429_storm_slows_the_run_and_it_still_completes() {
    let (env, list) = setup(40);
    let proxy = FaultProxy::start(
        &env.url,
        FaultPlan {
            retry_after: 1,
            only_paths_with: Some(":lock".into()),
            ..FaultPlan::only(0.5, 4, &[Fault::RateLimited])
        },
    );
    point_at(&env, &proxy);
    let run = env.run_as("sre", &["bulk", "lock", "--input", list.to_str().expect("utf-8"), "--yes", "-o", "ndjson"]);
    run.assert_code(0);
    assert!(proxy.counts().of(Fault::RateLimited) >= 20, "{:?}", proxy.counts());
    let locked = audit_counts(&env, "account.lock");
    assert_eq!(locked.len(), 40);
    assert!(locked.values().all(|c| *c == 1));
}
