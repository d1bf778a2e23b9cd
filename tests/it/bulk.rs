//! `acctl bulk`: the plan, dry runs, limits, duplicates, permissions and the
//! journal's refusals, against the real service (faults: `bulk_faults.rs`).

use crate::common::{Run, TestEnv};

/// Job ids and times vary per run; everything else in the output is stable.
fn job_filters(env: &TestEnv) -> Vec<(String, String)> {
    let mut f = env.filters();
    f.push((r"\d{8}T\d{6}Z-[0-9a-f]{8}".into(), "[JOB]".into()));
    f.push((r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z".into(), "[TIME]".into()));
    f
}

macro_rules! job_snapshot {
    ($env:expr, $run:expr) => {{
        let filters = job_filters(&$env);
        let filters: Vec<(&str, &str)> = filters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        insta::with_settings!({ filters => filters, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($run.snapshot());
        });
    }};
}

/// How many successful audit events of `action` each account has, read from the service's database.
pub fn audit_counts(env: &TestEnv, action: &str) -> std::collections::BTreeMap<String, i64> {
    let db = env.db();
    let mut stmt = db
        .prepare("SELECT account_id, count(*) FROM audit WHERE action = ?1 AND outcome = 'success' GROUP BY account_id")
        .expect("query");
    stmt.query_map([action], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

fn status_of(env: &TestEnv, id: &str) -> String {
    env.db().query_row("SELECT status FROM accounts WHERE id = ?1", [id], |r| r.get(0)).expect("account")
}

fn bulk(env: &TestEnv, role: &str, args: &[&str], stdin: &str) -> Run {
    let mut argv = vec!["bulk"];
    argv.extend_from_slice(args);
    env.run_with(&argv, &[("ACCTL_TOKEN", env.token(role))], Some(stdin.as_bytes()))
}

/// Lines 1-8: found twice over (id, email, phone of one account), already
/// locked, not found, invalid, a blank line.
const MIXED: &str = "acc_demoalice\nalice@example.com\nbob@example.com\n\nacc_demoerin\nnobody@example.com\nnot an identifier\n+8613800138000\ncarol@example.org\n";

#[test]
fn dry_run_shows_the_plan_and_changes_nothing() {
    let env = TestEnv::new();
    let run = bulk(&env, "sre", &["lock", "--input", "-", "--dry-run"], MIXED);
    job_snapshot!(env, run);
    assert!(audit_counts(&env, "account.lock").is_empty(), "a dry run locked something");
    assert_eq!(status_of(&env, "acc_demoalice"), "active");
}

#[test]
fn a_job_acts_once_per_account_and_reports_every_line() {
    let env = TestEnv::new();
    let run = bulk(
        &env,
        "sre",
        &["lock", "--input", "-", "--yes", "--reason", "stuffing wave", "--ticket", "INC-7", "-o", "ndjson"],
        MIXED,
    );
    run.assert_code(9);
    // Results arrive as they finish; sort them for a stable snapshot.
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    lines.sort_by_key(|l| serde_json::from_str::<serde_json::Value>(l).map(|v| v["line"].as_u64()).ok().flatten());
    let sorted = Run { code: run.code, stdout: lines.join("\n"), stderr: run.stderr.clone() };
    job_snapshot!(env, sorted);
    let locks = audit_counts(&env, "account.lock");
    assert_eq!(
        locks.into_iter().collect::<Vec<_>>(),
        [("acc_demoalice".to_owned(), 1), ("acc_demobob".to_owned(), 1), ("acc_democarol".to_owned(), 1)]
    );
    // Every event carries the reason, the ticket and the job.
    let db = env.db();
    let job = run.stderr.split("Job ").nth(1).and_then(|t| t.split_whitespace().next()).expect("a job id").to_owned();
    let mut stmt = db
        .prepare("SELECT reason, ticket, detail FROM audit WHERE action = 'account.lock' ORDER BY account_id")
        .expect("query");
    let events: Vec<(String, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("rows").map(|r| r.expect("row")).collect();
    assert_eq!(events.len(), 3);
    for (reason, ticket, detail) in events {
        assert_eq!((reason.as_str(), ticket.as_str()), ("stuffing wave", "INC-7"));
        assert!(detail.split_whitespace().any(|w| w == format!("job={job}")), "{detail}");
    }
}

#[test]
fn max_affected_refuses_a_larger_job_before_anything_changes() {
    let env = TestEnv::new();
    let input = "acc_demoalice\nacc_demobob\nacc_democarol\n";
    let run = bulk(&env, "sre", &["lock", "--input", "-", "--yes", "--max-affected", "2"], input);
    job_snapshot!(env, run);
    // The profile key does the same.
    env.write_config(&format!(
        "default_profile = \"test\"\n[profiles.test]\nurl = \"{}\"\nmax_affected = 2\n",
        env.url
    ));
    bulk(&env, "sre", &["lock", "--input", "-", "--yes"], input).assert_code(2);
    assert!(audit_counts(&env, "account.lock").is_empty());
    bulk(&env, "sre", &["lock", "--input", "-", "--yes", "--max-affected", "3", "-o", "ndjson"], input).assert_code(0);
    assert_eq!(audit_counts(&env, "account.lock").len(), 3);
}

#[test]
fn an_agent_token_gets_exit_4_before_anything_changes() {
    let env = TestEnv::new();
    let run = bulk(&env, "agent", &["force-reset", "--input", "-", "--yes"], "acc_demoalice\n");
    job_snapshot!(env, run);
    assert!(audit_counts(&env, "password.set").is_empty());
}

#[test]
fn without_yes_and_without_a_terminal_it_asks_for_yes() {
    let env = TestEnv::new();
    let run = bulk(&env, "sre", &["unlock", "--input", "-"], "acc_demoerin\n");
    job_snapshot!(env, run);
    assert_eq!(status_of(&env, "acc_demoerin"), "locked");
}

#[test]
fn lookup_output_feeds_a_job_and_status_and_list_read_the_journal() {
    let env = TestEnv::new();
    // Alice signs in, so she has a session to end; Bob has none.
    crate::common::Backend::new(&env).signs_in("acc_demoalice", acctl_service::store::DEMO_PASSWORD).expect("sign-in");
    let lookup = env.run_with(
        &["lookup", "-", "-o", "ndjson"],
        &[("ACCTL_TOKEN", env.token("sre"))],
        Some(b"alice@example.com\nnobody@example.com\nacc_demobob\n"),
    );
    lookup.assert_code(0);
    let run = bulk(&env, "sre", &["revoke-sessions", "--input", "-", "--yes", "-o", "ndjson"], &lookup.stdout);
    run.assert_code(9);
    let results = run.json_lines();
    let mut by_input: Vec<(String, String)> = results
        .iter()
        .map(|r| (r["input"].as_str().unwrap_or("").to_owned(), r["outcome"].as_str().unwrap_or("").to_owned()))
        .collect();
    by_input.sort();
    assert_eq!(
        by_input,
        [
            ("acc_demobob".into(), "unchanged".into()),
            ("alice@example.com".into(), "done".into()),
            ("nobody@example.com".into(), "not_found".into())
        ]
    );
    let list = env.run(&["bulk", "list", "-o", "json"]);
    list.assert_code(0);
    let jobs: serde_json::Value = serde_json::from_str(&list.stdout).expect("json");
    let job = jobs[0]["job"].as_str().expect("a job").to_owned();
    let status = env.run(&["bulk", "status", &job, "-o", "json"]);
    job_snapshot!(env, status);
}

#[test]
fn a_journal_for_another_profile_or_input_is_refused() {
    let env = TestEnv::new();
    let journal = env.home_path().join("job.ndjson");
    let journal = journal.to_str().expect("utf-8");
    bulk(&env, "sre", &["lock", "--input", "-", "--yes", "--journal", journal], "acc_demoalice\n").assert_code(0);
    env.write_config(&format!(
        "default_profile = \"test\"\n[profiles.test]\nurl = \"{0}\"\n[profiles.other]\nurl = \"{0}\"\n",
        env.url
    ));
    let other = env.run_with(&["bulk", "resume", journal, "-p", "other"], &[("ACCTL_TOKEN", env.token("sre"))], None);
    let input = bulk(&env, "sre", &["lock", "--input", "-", "--yes", "--resume", journal], "acc_demobob\n");
    let action = bulk(&env, "sre", &["unlock", "--input", "-", "--yes", "--resume", journal], "acc_demoalice\n");
    let admin = env.run_with(&["bulk", "resume", journal], &[("ACCTL_TOKEN", env.token("admin"))], None);
    // The same actor with another token: the service scopes keys to the token.
    let second = env.store().create_token("test-sre", acctl_api::Role::Sre).expect("token");
    let token = env.run_with(&["bulk", "resume", journal], &[("ACCTL_TOKEN", &second)], None);
    let all = Run {
        code: other.code,
        stdout: String::new(),
        stderr: [other.stderr, input.stderr, action.stderr, admin.stderr, token.stderr].join("\n---\n"),
    };
    assert_eq!((input.code, action.code, admin.code, token.code), (2, 2, 2, 4));
    job_snapshot!(env, all);
    assert_eq!(audit_counts(&env, "account.lock").len(), 1);
}
