//! The account-wide steps and their trail: `account lock|unlock`,
//! `sessions revoke`, `audit`, and the profile rules that guard every change
//! (reason required, protected profiles). Each run is snapshotted whole; the
//! service's store and the customer's sign-in show what changed.

use acctl_api::{AccountStatus, ErrorCode};

use crate::common::{Backend, TestEnv};
use crate::snapshot;
use crate::steps::DEMO_PASSWORD;

#[test]
fn lock_and_unlock_round_trip() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let run = env.run_as("sre", &["account", "lock", "bob@example.com", "-o", "ndjson"]);
    snapshot!(env, run, "lock");
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Locked);
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Err(ErrorCode::AccountLocked));

    let run = env.run_as("sre", &["account", "unlock", "acc_demobob", "-o", "table"]);
    snapshot!(env, run, "unlock");
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Active);
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Ok(false));

    let run = env.run_as("agent", &["account", "lock", "acc_demobob"]);
    snapshot!(env, run, "agent_may_not");
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Active, "still active");
    assert_eq!(
        customer.audit_trail("acc_demobob"),
        [
            "test-sre account.lock success",
            "customer login denied detail=\"error=account_locked\"",
            "test-sre account.unlock success",
            "customer login success",
            "test-agent account.lock denied detail=\"error=forbidden\"",
        ]
    );
}

#[test]
fn sessions_revoke_prints_the_count() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    assert_eq!(customer.signs_in("acc_demograce", DEMO_PASSWORD), Ok(false));
    assert_eq!(customer.signs_in("acc_demograce", DEMO_PASSWORD), Ok(false));
    assert_eq!(customer.live_sessions("acc_demograce"), 2);
    let run = env.run_as("sre", &["sessions", "revoke", "grace@example.com", "-o", "ndjson"]);
    snapshot!(env, run, "two");
    assert_eq!(customer.live_sessions("acc_demograce"), 0);
    let run = env.run_as("sre", &["sessions", "revoke", "acc_demograce", "-o", "ndjson"]);
    snapshot!(env, run, "none_left");
    assert_eq!(customer.signs_in("acc_demograce", DEMO_PASSWORD), Ok(false));
    let run = env.run_as("agent", &["sessions", "revoke", "acc_demograce"]);
    snapshot!(env, run, "agent_may_not");
    assert_eq!(customer.live_sessions("acc_demograce"), 1, "the agent's attempt revoked nothing");
}

#[test]
fn the_audit_log_shows_the_reason_and_ticket_given() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    env.run_as("sre", &["account", "lock", "bob@example.com", "--reason", "customer called", "--ticket", "SUP-1234"])
        .assert_code(0);
    env.run_as("sre", &["account", "unlock", "acc_demobob", "--reason", "identity confirmed", "--ticket", "SUP-1234"])
        .assert_code(0);
    assert_eq!(
        customer.audit_trail("acc_demobob"),
        [
            "test-sre account.lock success reason=\"customer called\" ticket=\"SUP-1234\"",
            "test-sre account.unlock success reason=\"identity confirmed\" ticket=\"SUP-1234\"",
        ]
    );

    // Newest first, only this operator's.
    let run = env.run_as("sre", &["audit", "--account", "bob@example.com", "-o", "ndjson"]);
    snapshot!(env, run, "by_account");
    let run = env.run_as("sre", &["audit", "--action", "account.lock", "-o", "ndjson"]);
    snapshot!(env, run, "by_action");
    let run = env.run_with(&["audit", "-o", "table"], &[("ACCTL_TOKEN", env.token("sre")), ("COLUMNS", "160")], None);
    snapshot!(env, run, "table");

    // Others' events need the admin role; admins see everyone's.
    let run = env.run_as("sre", &["audit", "--actor", "test-agent"]);
    snapshot!(env, run, "others_need_admin");
    let run = env.run_as("admin", &["audit", "--actor", "test-sre", "--since", "2026-03-01T00:00:00Z", "-o", "ndjson"]);
    snapshot!(env, run, "admin_by_actor");
    // An age counts back on the service's clock (frozen here).
    let run = env.run_as("sre", &["audit", "--since", "24h", "-o", "ndjson"]);
    snapshot!(env, run, "since_age");
    let run = env.run_as("admin", &["audit", "--since", "2026-03-02", "-o", "ndjson"]);
    snapshot!(env, run, "none_match");
    let run = env.run_as("admin", &["audit", "--since", "yesterday"]);
    snapshot!(env, run, "bad_since");
    let run = env.run_as("admin", &["audit", "--action", "account.delete"]);
    snapshot!(env, run, "bad_action");
}

/// Before: `--ticket` was swallowed as the audit context of a change and
/// filtered nothing; a single event printed as a card; the table wrapped past
/// 100 columns; a denied event did not say why; a cut list said nothing.
#[test]
fn audit_lists_rows_in_100_columns_filters_by_ticket_and_says_when_cut() {
    let env = TestEnv::new();
    env.run_as("sre", &["account", "lock", "bob@example.com", "--reason", "customer called", "--ticket", "SUP-1"])
        .assert_code(0);
    env.run_as("sre", &["account", "unlock", "acc_demobob", "--reason", "identity confirmed", "--ticket", "SUP-2"])
        .assert_code(0);
    // A wrong code: a failed event, with why.
    let challenge = crate::steps::send_code(&env, "sre", &["acc_demoalice", "--ticket", "SUP-3"]);
    let id = challenge["challenge_id"].as_str().expect("a challenge id");
    env.run_with(
        &["code", "verify", id, "--code-stdin", "--ticket", "SUP-3"],
        &[("ACCTL_TOKEN", env.token("sre"))],
        Some(b"000000\n"),
    )
    .assert_code(5);

    let sre = [("ACCTL_TOKEN", env.token("sre"))];
    let run = env.run_with(&["audit", "-o", "table"], &sre, None);
    snapshot!(env, run, "table");
    assert!(run.stdout.lines().all(|l| l.chars().count() <= 100), "wider than 100 columns:\n{}", run.stdout);
    snapshot!(env, env.run_with(&["audit", "--ticket", "SUP-1", "-o", "table"], &sre, None), "by_ticket");
    snapshot!(env, env.run_with(&["audit", "--ticket", "SUP-9", "-o", "ndjson"], &sre, None), "no_such_ticket");
    snapshot!(env, env.run_with(&["audit", "--limit", "1", "-o", "table"], &sre, None), "cut");
}

#[test]
fn audit_follows_pages_until_the_limit() {
    let env = TestEnv::new();
    // Every revealed account is audited: 1100 events in three batch lookups.
    let input = "acc_demobob\n".repeat(1100);
    let run =
        env.run_with(&["lookup", "-", "--reveal"], &[("ACCTL_TOKEN", env.token("admin"))], Some(input.as_bytes()));
    run.assert_code(0);
    assert_eq!(run.json_lines().len(), 1100, "{}", run.stderr);

    let run = env.run_as("admin", &["audit", "--action", "account.reveal", "--limit", "1050", "-o", "ndjson"]);
    run.assert_code(0);
    assert_eq!(
        run.stderr,
        "Showing the newest 1050 events; older ones match too: raise `--limit` (e.g. `--limit 2100`) or narrow with `--since`.\n"
    );
    let ids: Vec<i64> = run.json_lines().iter().map(|e| e["id"].as_i64().expect("an id")).collect();
    assert_eq!(ids.len(), 1050, "two pages: 1000 and 50");
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first, no event twice");

    let run = env.run_as("admin", &["audit", "--action", "account.reveal"]);
    run.assert_code(0);
    assert_eq!(run.json_lines().len(), 50, "the default limit");
}

#[test]
fn a_profile_that_requires_a_reason_refuses_changes_without_one() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    env.write_config(&format!(
        "default_profile = \"strict\"\n\n[profiles.strict]\nurl = \"{}\"\nrequire_reason = true\n",
        env.url
    ));
    for (step, args) in [
        ("lock", &["account", "lock", "acc_demobob"][..]),
        ("revoke", &["sessions", "revoke", "acc_demobob"]),
        ("send", &["code", "send", "acc_demobob"]),
        ("force", &["password", "set", "acc_demobob", "--force", "--deliver"]),
    ] {
        let run = env.run_as("sre", args);
        snapshot!(env, run, step);
    }
    assert_eq!(customer.audit_trail("acc_demobob"), Vec::<String>::new(), "nothing was even tried");
    assert_eq!(customer.inbox("acc_demobob"), [], "no code was sent");

    let run = env.run_with(
        &["account", "lock", "acc_demobob"],
        &[("ACCTL_TOKEN", env.token("sre")), ("ACCTL_REASON", "fraud report")],
        None,
    );
    snapshot!(env, run, "reason_from_env");
    assert_eq!(customer.audit_trail("acc_demobob"), ["test-sre account.lock success reason=\"fraud report\""]);
}

#[test]
fn a_protected_profile_shows_a_banner_and_needs_reason_ticket_and_yes() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    env.write_config(&format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nprotected = true\n",
        env.url
    ));
    let reason = ["--reason", "fraud report", "--ticket", "SEC-9"];
    // Everything missing is named at once, so one more run is enough.
    let run = env.run_as("sre", &["account", "lock", "acc_demobob", "--no-input"]);
    snapshot!(env, run, "nothing_given");
    let run = env.run_as("sre", &["account", "lock", "acc_demobob", "--reason", "fraud report"]);
    snapshot!(env, run, "no_ticket");
    let run = env.run_as("sre", &[&["account", "lock", "acc_demobob", "--no-input"], &reason[..]].concat());
    snapshot!(env, run, "no_input_no_yes");
    // No terminal to confirm on is the same as --no-input.
    let run = env.run_as("sre", &[&["account", "lock", "acc_demobob"], &reason[..]].concat());
    snapshot!(env, run, "no_terminal_no_yes");
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Active);

    // `--yes` is a global flag: accepted wherever it is put.
    let run = env.run_as("sre", &[&["account", "--yes", "lock", "acc_demobob", "-o", "ndjson"], &reason[..]].concat());
    snapshot!(env, run, "yes");
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Locked);
    assert_eq!(
        customer.audit_trail("acc_demobob"),
        ["test-sre account.lock success reason=\"fraud report\" ticket=\"SEC-9\""]
    );
    let run =
        env.run_as("sre", &[&["--yes", "account", "unlock", "acc_demobob", "-o", "ndjson"], &reason[..]].concat());
    snapshot!(env, run, "yes_first");
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Active);
}

#[test]
fn every_step_has_examples_in_its_help() {
    let env = TestEnv::new();
    for cmd in [
        &["code", "send"][..],
        &["code", "verify"],
        &["password", "set"],
        &["account", "lock"],
        &["account", "unlock"],
        &["sessions", "revoke"],
        &["audit"],
    ] {
        let run = env.run(&[cmd, &["--help"]].concat());
        snapshot!(env, run, &cmd.join("_"));
    }
}
