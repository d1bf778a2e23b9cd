//! The scriptable recovery steps against the real service: `code send`,
//! `code verify`, `password set`, `account lock|unlock`, `sessions revoke`,
//! `audit`. Codes and temporary passwords are read from the sandbox outbox,
//! as a customer would read their inbox; customer sign-ins prove what changed.

use std::time::Duration;

use acctl_api::{ErrorCode, MessageKind};
use serde_json::Value;

use crate::common::{Backend, Run, TestEnv};

const DEMO_PASSWORD: &str = "demo-password-2026";
const NEW_PASSWORD: &str = "correct horse battery staple 42";

fn one_record(run: &Run) -> Value {
    let records = run.json_lines();
    assert_eq!(records.len(), 1, "one record on stdout\n{}", run.snapshot());
    records.into_iter().next().unwrap()
}

/// `code send` as `role`; the challenge record.
fn send_code(env: &TestEnv, role: &str, args: &[&str]) -> Value {
    let run = env.run_as(role, &[&["code", "send"], args, &["-o", "ndjson"]].concat());
    run.assert_code(0);
    one_record(&run)
}

/// `code verify --code-stdin` as `role`.
fn verify(env: &TestEnv, role: &str, challenge_id: &str, code: &str) -> Run {
    env.run_with(
        &["code", "verify", challenge_id, "--code-stdin", "-o", "ndjson"],
        &[("ACCTL_TOKEN", env.token(role))],
        Some(format!("{code}\n").as_bytes()),
    )
}

fn wrong_code(right: &str) -> &'static str {
    if right == "000000" { "111111" } else { "000000" }
}

/// A code sent to `ident` and verified as `role`: the verification token.
fn verified_token(env: &TestEnv, customer: &Backend, role: &str, ident: &str, account_id: &str) -> String {
    let challenge = send_code(env, role, &[ident]);
    let run = verify(env, role, challenge["challenge_id"].as_str().unwrap(), &customer.latest_code(account_id));
    run.assert_code(0);
    one_record(&run)["verification_token"].as_str().expect("a token").to_owned()
}

fn set_password(env: &TestEnv, role: &str, args: &[&str], env_vars: &[(&str, &str)], stdin: Option<&str>) -> Run {
    let mut vars = vec![("ACCTL_TOKEN", env.token(role))];
    vars.extend_from_slice(env_vars);
    env.run_with(&[&["password", "set"], args, &["-o", "ndjson"]].concat(), &vars, stdin.map(str::as_bytes))
}

#[test]
fn a_reset_by_code_lets_the_customer_sign_in_with_the_new_password_only() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    assert!(customer.login("acc_demoalice", DEMO_PASSWORD).is_ok());

    let challenge = send_code(&env, "agent", &["alice@example.com"]);
    assert_eq!(challenge["account_id"], "acc_demoalice");
    assert_eq!(challenge["channel"], "email", "email is the default when on file");
    assert_eq!(challenge["destination"], "a***@example.com", "masked");
    assert_eq!(challenge["expires_at"], "2026-03-01T09:10:00Z");
    assert_eq!(challenge["resend_after"], "2026-03-01T09:01:00Z");
    assert_eq!(challenge["attempts_left"], 5);
    let challenge_id = challenge["challenge_id"].as_str().unwrap();
    assert!(challenge_id.starts_with("chl_"), "{challenge}");

    let code = customer.latest_code("acc_demoalice");
    let run = verify(&env, "agent", challenge_id, &code);
    run.assert_code(0);
    let verified = one_record(&run);
    assert_eq!(verified["status"], "verified");
    assert_eq!(verified["token_expires_at"], "2026-03-01T09:10:00Z");
    let token = verified["verification_token"].as_str().unwrap();
    assert!(!run.stderr.contains(&code) && !run.stdout.contains(&code), "the code is never echoed");
    assert!(!run.stderr.contains(token), "the token goes to stdout only\n{}", run.stderr);
    assert!(run.stderr.contains("acctl password set"), "says what comes next\n{}", run.stderr);

    // The token through the environment, the password through stdin: neither in argv.
    let run = set_password(
        &env,
        "agent",
        &["alice@example.com", "--password-stdin"],
        &[("ACCTL_VERIFICATION", token)],
        Some(&format!("{NEW_PASSWORD}\n")),
    );
    run.assert_code(0);
    let change = one_record(&run);
    assert_eq!(change["account_id"], "acc_demoalice");
    assert_eq!(change["mode"], "set");
    assert_eq!(change["must_change_password"], false);
    assert_eq!(change["notified"], serde_json::json!(["email", "sms"]));
    assert!(change["changed_at"].is_string() && change["sessions_revoked"].is_u64(), "{change}");
    assert!(!run.stdout.contains(NEW_PASSWORD) && !run.stderr.contains(NEW_PASSWORD), "{}", run.snapshot());
    assert!(run.stderr.contains("Password of account `acc_demoalice` (Alice Zhang) changed"), "{}", run.stderr);

    assert_eq!(customer.login("acc_demoalice", NEW_PASSWORD).map(|l| l.must_change_password), Ok(false));
    assert_eq!(customer.login("acc_demoalice", DEMO_PASSWORD).unwrap_err(), ErrorCode::InvalidCredentials);
    // The trailing line break was not part of the password.
    assert!(customer.login("acc_demoalice", &format!("{NEW_PASSWORD}\n")).is_err());
}

#[test]
fn code_send_is_a_short_card_on_a_terminal_and_tells_what_to_do_next() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["code", "send", "+8613800138000", "--channel", "sms", "-o", "table"]);
    run.assert_code(0);
    for want in ["Code sent to", "+86 *** **** 8000 (sms)", "chl_", "2026-03-01 09:10 UTC", "2026-03-01 09:01 UTC"] {
        assert!(run.stdout.contains(want), "{want:?} missing\n{}", run.snapshot());
    }
    assert!(run.stderr.contains("hint: when the customer reads the code back: `acctl code verify chl_"));
}

#[test]
fn the_default_channel_is_the_contact_on_file_and_codes_go_nowhere_else() {
    let env = TestEnv::new();
    assert_eq!(send_code(&env, "agent", &["carol@example.org"])["channel"], "email");
    assert_eq!(send_code(&env, "agent", &["acc_demodave"])["channel"], "sms");

    let run = env.run_as("agent", &["code", "send", "carol@example.org", "--channel", "sms"]);
    run.assert_code(6);
    assert!(run.stderr.starts_with("error: account `acc_democarol` (Carol Díaz) has no sms contact on file"));
    assert!(run.stderr.contains("`acctl code send acc_democarol --channel email`"), "{}", run.stderr);
    assert_eq!(run.stdout, "");

    let run = env.run_as("agent", &["code", "send", "erin@example.com"]);
    run.assert_code(6);
    assert!(run.stderr.contains("is locked: no code was sent"), "{}", run.stderr);
    assert!(run.stderr.contains("acctl account unlock acc_demoerin"), "{}", run.stderr);

    let run = env.run_as("agent", &["code", "send", "nobody@example.com"]);
    run.assert_code(3);
    assert!(run.stderr.contains("no account matches `nobody@example.com`"), "{}", run.stderr);
    env.run_as("agent", &["code", "send", "carol"]).assert_code(2);
}

#[test]
fn a_resend_during_the_cooldown_exits_7_at_once() {
    let env = TestEnv::new();
    send_code(&env, "agent", &["bob@example.com"]);
    let started = std::time::Instant::now();
    let run = env.run_as("agent", &["code", "send", "bob@example.com"]);
    run.assert_code(7);
    assert!(started.elapsed() < Duration::from_secs(20), "no silent wait for the cooldown");
    assert!(run.stderr.contains("no new code was sent"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: wait 60s and try again"), "{}", run.stderr);
}

#[test]
fn a_wrong_code_exits_5_with_the_tries_left_and_the_last_one_says_send_a_new_code() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let id = challenge["challenge_id"].as_str().unwrap();
    let code = customer.latest_code("acc_demobob");
    let wrong = wrong_code(&code);

    let run = verify(&env, "agent", id, wrong);
    run.assert_code(5);
    assert!(run.stderr.starts_with("error: wrong code: 4 tries left\n"), "{}", run.stderr);
    assert!(run.stderr.contains("  request id: req_"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("hint: ask the customer to read the code again, then `acctl code verify {id}`"))
    );
    assert_eq!(run.stdout, "");

    for left in [3, 2, 1] {
        let run = verify(&env, "agent", id, wrong);
        run.assert_code(5);
        let tries = if left == 1 { "try" } else { "tries" };
        assert!(run.stderr.starts_with(&format!("error: wrong code: {left} {tries} left\n")), "{}", run.stderr);
    }
    let run = verify(&env, "agent", id, wrong);
    run.assert_code(5);
    assert!(run.stderr.starts_with("error: wrong code, and that was the last try"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: send a new code with `acctl code send IDENT`"), "{}", run.stderr);

    // Used up: even the right code no longer works.
    let run = verify(&env, "agent", id, &code);
    run.assert_code(5);
    assert!(run.stderr.starts_with("error: this code can no longer be used\n"), "{}", run.stderr);
    assert!(run.stderr.contains("challenge_used_up") && run.stderr.contains("acctl code send"), "{}", run.stderr);
}

#[test]
fn an_expired_code_exits_5_with_a_hint_to_send_a_new_one() {
    let clock = acctl_service::Clock::frozen(crate::common::NOW);
    let env = TestEnv::with_config({
        let clock = clock.clone();
        move |c| c.clock = clock
    });
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    clock.advance(Duration::from_secs(11 * 60));
    let run = verify(&env, "agent", challenge["challenge_id"].as_str().unwrap(), &customer.latest_code("acc_demobob"));
    run.assert_code(5);
    assert!(run.stderr.starts_with("error: this code can no longer be used\n  caused by: the code expired"));
    assert!(run.stderr.contains("hint: send a new code with `acctl code send IDENT`"), "{}", run.stderr);
}

#[test]
fn a_code_never_comes_from_argv_and_without_a_terminal_stdin_is_required() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let id = challenge["challenge_id"].as_str().unwrap();

    let run = env.run_as("agent", &["code", "verify", id]);
    run.assert_code(2);
    assert!(run.stderr.contains("no code given: there is no terminal to prompt on"), "{}", run.stderr);
    assert!(run.stderr.contains("`--code-stdin`"), "{}", run.stderr);

    let run = env.run_as("agent", &["code", "verify", id, "--no-input"]);
    run.assert_code(2);
    assert!(run.stderr.contains("`--no-input` is set") && run.stderr.contains("`--code-stdin`"), "{}", run.stderr);

    env.run_as("agent", &["code", "verify", id, "--code", "123456"]).assert_code(2);

    // Not digits: refused before sending, so no try is used up.
    let run = verify(&env, "agent", id, "12345O");
    run.assert_code(2);
    assert!(run.stderr.contains("digits only; nothing was sent"), "{}", run.stderr);
    let run = verify(&env, "agent", id, "");
    run.assert_code(2);

    // Read aloud in groups, and still all five tries left.
    let code = customer.latest_code("acc_demobob");
    let run = verify(&env, "agent", id, &format!("{} {}", &code[..3], &code[3..]));
    run.assert_code(0);
    assert_eq!(one_record(&run)["status"], "verified");
}

#[test]
fn an_mfa_account_needs_a_code_on_both_channels() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let email = send_code(&env, "agent", &["frank@example.com"]);
    let run = verify(&env, "agent", email["challenge_id"].as_str().unwrap(), &customer.latest_code("acc_demofrank"));
    run.assert_code(0);
    let first = one_record(&run);
    assert_eq!(first["status"], "more_required");
    assert_eq!(first["remaining_channels"], serde_json::json!(["sms"]));
    assert!(first.get("verification_token").is_none(), "{first}");
    assert!(run.stderr.contains("`acctl code send IDENT --channel sms`"), "{}", run.stderr);

    let sms = send_code(&env, "agent", &["frank@example.com", "--channel", "sms"]);
    assert_eq!(sms["destination"], "+86 *** **** 7002");
    let run = verify(&env, "agent", sms["challenge_id"].as_str().unwrap(), &customer.latest_code("acc_demofrank"));
    run.assert_code(0);
    let token = one_record(&run)["verification_token"].as_str().unwrap().to_owned();

    let run = set_password(&env, "agent", &["frank@example.com", "--deliver"], &[("ACCTL_VERIFICATION", &token)], None);
    run.assert_code(0);
    let change = one_record(&run);
    assert_eq!(change["mode"], "deliver");
    let temporary = customer.latest("acc_demofrank", MessageKind::TemporaryPassword);
    assert!(!run.stdout.contains(&temporary) && !run.stderr.contains(&temporary));
    assert_eq!(customer.login("acc_demofrank", &temporary).map(|l| l.must_change_password), Ok(true));
}

#[test]
fn a_used_verification_token_exits_5() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let token = verified_token(&env, &customer, "agent", "bob@example.com", "acc_demobob");
    let args = ["acc_demobob", "--verification", &token, "--deliver"];
    set_password(&env, "agent", &args, &[], None).assert_code(0);
    let run = set_password(&env, "agent", &args, &[], None);
    run.assert_code(5);
    assert!(run.stderr.starts_with("error: the verification token cannot be used; nothing was changed\n"));
    assert!(run.stderr.contains("verification_invalid"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: verify a new code: `acctl code send acc_demobob`"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_weak_password_exits_6_listing_every_violation_and_the_token_stays_valid() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let token = verified_token(&env, &customer, "agent", "alice@example.com", "acc_demoalice");
    let verification = [("ACCTL_VERIFICATION", token.as_str())];
    let args = ["alice@example.com", "--password-stdin"];

    let run = set_password(&env, "agent", &args, &verification, Some("letmein\n"));
    run.assert_code(6);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0], "error: the password breaks 2 rules of the password policy; nothing was changed",
        "{}",
        run.stderr
    );
    assert_eq!(lines[1], "  caused by: too_short: must be at least 15 characters (it has 7)");
    assert_eq!(lines[2], "  caused by: common: is one of the ~20,000 most common passwords, which attackers try first");
    assert!(run.stderr.contains("password_policy") && run.stderr.contains("the verification token is still valid"));
    assert!(!run.stderr.contains("letmein") && run.stdout.is_empty(), "{}", run.snapshot());

    // The same rules under --quiet: an error prints whatever the verbosity.
    let run =
        set_password(&env, "agent", &[&args[..], &["-q"]].concat(), &verification, Some("alice-is-my-name-2026\n"));
    run.assert_code(6);
    assert!(run.stderr.contains("caused by: contains_identifier: contains the account's email name"), "{}", run.stderr);

    assert!(customer.login("acc_demoalice", DEMO_PASSWORD).is_ok(), "nothing changed");
    let run = set_password(&env, "agent", &args, &verification, Some(&format!("{NEW_PASSWORD}\r\n")));
    run.assert_code(0);
    assert!(customer.login("acc_demoalice", NEW_PASSWORD).is_ok());
}

#[test]
fn agents_cannot_force_a_reset() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let run = set_password(&env, "agent", &["bob@example.com", "--force", "--deliver"], &[], None);
    run.assert_code(4);
    assert!(run.stderr.starts_with("error: your role may not change a password without a verification token"));
    assert!(run.stderr.contains("acctl code send acc_demobob"), "{}", run.stderr);
    assert!(customer.login("acc_demobob", DEMO_PASSWORD).is_ok(), "nothing changed");
}

#[test]
fn an_sre_forced_delivery_never_shows_the_temporary_password() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let run = set_password(
        &env,
        "sre",
        &["+14155550132", "--region", "US", "--force", "--deliver", "--channel", "sms", "--reason", "takeover"],
        &[],
        None,
    );
    run.assert_code(0);
    let change = one_record(&run);
    assert_eq!(change["account_id"], "acc_demobob");
    assert_eq!(change["mode"], "deliver");
    assert_eq!(change["must_change_password"], true);
    assert_eq!(change["delivered_to"], "+1 *** **** 0132");
    let temporary = customer.latest("acc_demobob", MessageKind::TemporaryPassword);
    assert!(temporary.len() >= 15);
    assert!(!run.stdout.contains(&temporary) && !run.stderr.contains(&temporary), "{}", run.snapshot());
    assert_eq!(customer.login("acc_demobob", &temporary).map(|l| l.must_change_password), Ok(true));
    assert_eq!(customer.login("acc_demobob", DEMO_PASSWORD).unwrap_err(), ErrorCode::InvalidCredentials);

    // A human reads the same as a card, still without the password.
    let run = env.run_as("sre", &["password", "set", "acc_demoken", "--force", "--deliver", "-o", "table"]);
    run.assert_code(0);
    let temporary = customer.latest("acc_demoken", MessageKind::TemporaryPassword);
    assert!(run.stdout.contains("temporary password sent to k***@example.jp"), "{}", run.stdout);
    assert!(!run.stdout.contains(&temporary) && !run.stderr.contains(&temporary));
}

#[test]
fn a_password_is_never_taken_from_argv() {
    let env = TestEnv::new();
    let run =
        env.run_as("sre", &["password", "set", "acc_demobob", "--force", "--password", "hunter2-hunter2-hunter2"]);
    run.assert_code(2);
    assert!(run.stderr.contains("unexpected argument '--password'"), "{}", run.stderr);
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);

    // One way to authorise it and one source for the password, each required.
    env.run_as("sre", &["password", "set", "acc_demobob", "--deliver"]).assert_code(2);
    env.run_as("sre", &["password", "set", "acc_demobob", "--force"]).assert_code(2);
    env.run_as("sre", &["password", "set", "acc_demobob", "--force", "--deliver", "--password-stdin"]).assert_code(2);
    env.run_as("sre", &["password", "set", "acc_demobob", "--force", "--password-stdin", "--channel", "sms"])
        .assert_code(2);
    let run = env.run_as("sre", &["password", "set", "acc_demobob", "--force", "--verification", "vt_x", "--deliver"]);
    run.assert_code(2);
    assert!(run.stderr.contains("cannot be used together"), "{}", run.stderr);
    // An empty stdin is a usage error, found before anything changes.
    let run = set_password(&env, "sre", &["acc_demobob", "--force", "--password-stdin"], &[], Some(""));
    run.assert_code(2);
    assert!(run.stderr.contains("the password is empty"), "{}", run.stderr);
    let run = set_password(&env, "sre", &["acc_demobob", "--force", "--password-stdin"], &[], Some("a\nb\n"));
    run.assert_code(2);
    assert!(run.stderr.contains("more than one line") && !run.stderr.contains("a\nb"), "{}", run.stderr);
}

#[test]
fn a_token_left_in_the_environment_does_not_block_force() {
    let env = TestEnv::new();
    let run = set_password(
        &env,
        "sre",
        &["acc_demobob", "--force", "--deliver"],
        &[("ACCTL_VERIFICATION", "vt_stale")],
        None,
    );
    run.assert_code(0);
    assert!(run.stderr.contains("`ACCTL_VERIFICATION` is set, but --force was given"), "{}", run.stderr);
}

#[test]
fn lock_and_unlock_round_trip() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let run = env.run_as("sre", &["account", "lock", "bob@example.com", "-o", "ndjson"]);
    run.assert_code(0);
    assert_eq!(
        one_record(&run),
        serde_json::json!({"account_id": "acc_demobob", "display_name": "Bob Martin", "status": "locked"})
    );
    assert!(run.stderr.contains("Account `acc_demobob` (Bob Martin) is locked (was active)"), "{}", run.stderr);
    assert_eq!(customer.login("acc_demobob", DEMO_PASSWORD).unwrap_err(), ErrorCode::AccountLocked);
    let looked_up = env.run_as("agent", &["lookup", "acc_demobob", "-o", "ndjson", "--fields", "status"]);
    assert_eq!(looked_up.json_lines()[0]["status"], "locked");

    let run = env.run_as("sre", &["account", "unlock", "acc_demobob", "-o", "table"]);
    run.assert_code(0);
    assert!(run.stdout.contains("Status") && run.stdout.contains("active"), "{}", run.stdout);
    assert!(customer.login("acc_demobob", DEMO_PASSWORD).is_ok());

    let run = env.run_as("agent", &["account", "lock", "acc_demobob"]);
    run.assert_code(4);
    assert!(run.stderr.contains("cannot lock account `acc_demobob`"), "{}", run.stderr);
    assert!(customer.login("acc_demobob", DEMO_PASSWORD).is_ok(), "still active");
}

#[test]
fn sessions_revoke_prints_the_count() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    customer.login("acc_demograce", DEMO_PASSWORD).unwrap();
    customer.login("acc_demograce", DEMO_PASSWORD).unwrap();
    let run = env.run_as("sre", &["sessions", "revoke", "grace@example.com", "-o", "ndjson"]);
    run.assert_code(0);
    assert_eq!(one_record(&run), serde_json::json!({"account_id": "acc_demograce", "sessions_revoked": 2}));
    assert!(run.stderr.contains("Signed account `acc_demograce` (Grace Hopper) out of 2 sessions"));
    let run = env.run_as("sre", &["sessions", "revoke", "acc_demograce", "-o", "ndjson"]);
    assert_eq!(one_record(&run)["sessions_revoked"], 0);
    env.run_as("agent", &["sessions", "revoke", "acc_demograce"]).assert_code(4);
}

#[test]
fn the_audit_log_shows_the_reason_and_ticket_given() {
    let env = TestEnv::new();
    env.run_as("sre", &["account", "lock", "bob@example.com", "--reason", "customer called", "--ticket", "SUP-1234"])
        .assert_code(0);
    env.run_as("sre", &["account", "unlock", "acc_demobob", "--reason", "identity confirmed", "--ticket", "SUP-1234"])
        .assert_code(0);

    let run = env.run_as("sre", &["audit", "--account", "bob@example.com", "-o", "ndjson"]);
    run.assert_code(0);
    let events = run.json_lines();
    let actions: Vec<&str> = events.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["account.unlock", "account.lock"], "newest first, only this operator's\n{}", run.stdout);
    assert_eq!(events[1]["reason"], "customer called");
    assert_eq!(events[1]["ticket"], "SUP-1234");
    assert_eq!(events[1]["actor"], "test-sre");
    assert_eq!(events[1]["outcome"], "success");
    assert!(events[1]["request_id"].as_str().unwrap().starts_with("req_"));

    let run = env.run_as("sre", &["audit", "--action", "account.lock", "-o", "ndjson"]);
    assert_eq!(run.json_lines().len(), 1, "--action filters\n{}", run.stdout);
    assert_eq!(run.json_lines()[0]["action"], "account.lock");

    let run = env.run_with(&["audit", "-o", "table"], &[("ACCTL_TOKEN", env.token("sre")), ("COLUMNS", "160")], None);
    run.assert_code(0);
    let header = run.stdout.lines().next().unwrap_or_default();
    for column in ["AT", "ACTOR", "ACTION", "ACCOUNT ID", "OUTCOME", "REASON", "TICKET", "REQUEST ID"] {
        assert!(header.contains(column), "{column} missing\n{}", run.stdout);
    }
    for text in ["account.lock", "customer called", "identity confirmed", "SUP-1234", "test-sre", "req_"] {
        assert!(run.stdout.contains(text), "{text} missing\n{}", run.stdout);
    }

    // Others' events need the admin role; admins see everyone's.
    env.run_as("sre", &["audit", "--actor", "test-agent"]).assert_code(4);
    let run = env.run_as("admin", &["audit", "--actor", "test-sre", "--since", "2026-03-01T00:00:00Z", "-o", "ndjson"]);
    assert_eq!(run.json_lines().len(), 2, "{}", run.snapshot());
    // An age counts back on the service's clock (frozen here).
    let run = env.run_as("sre", &["audit", "--since", "24h", "-o", "ndjson"]);
    assert_eq!(run.json_lines().len(), 2, "{}", run.snapshot());
    let run = env.run_as("admin", &["audit", "--since", "2026-03-02", "-o", "ndjson"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("No audit events match."), "{}", run.stderr);
    env.run_as("admin", &["audit", "--since", "yesterday"]).assert_code(2);
    env.run_as("admin", &["audit", "--action", "account.delete"]).assert_code(2);
}

#[test]
fn audit_follows_pages_until_the_limit() {
    let env = TestEnv::new();
    // Every revealed account is audited: 1100 events in three batch lookups.
    let input = "acc_demobob\n".repeat(1100);
    let run =
        env.run_with(&["lookup", "-", "--reveal"], &[("ACCTL_TOKEN", env.token("admin"))], Some(input.as_bytes()));
    run.assert_code(0);

    let run = env.run_as("admin", &["audit", "--action", "account.reveal", "--limit", "1050", "-o", "ndjson"]);
    run.assert_code(0);
    let ids: Vec<i64> = run.json_lines().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 1050, "two pages: 1000 and 50");
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first, no event twice");

    let run = env.run_as("admin", &["audit", "--action", "account.reveal"]);
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
    for args in [
        &["account", "lock", "acc_demobob"][..],
        &["sessions", "revoke", "acc_demobob"],
        &["code", "send", "acc_demobob"],
        &["password", "set", "acc_demobob", "--force", "--deliver"],
    ] {
        let run = env.run_as("sre", args);
        run.assert_code(2);
        assert!(
            run.stderr.starts_with("error: profile `strict` requires a reason for every change"),
            "{args:?}\n{}",
            run.stderr
        );
        assert!(run.stderr.contains("--reason"), "{}", run.stderr);
    }
    assert!(customer.login("acc_demobob", DEMO_PASSWORD).is_ok(), "nothing changed");
    assert!(customer.inbox("acc_demobob").is_empty(), "no code was sent");

    let run = env.run_with(
        &["account", "lock", "acc_demobob"],
        &[("ACCTL_TOKEN", env.token("sre")), ("ACCTL_REASON", "fraud report")],
        None,
    );
    run.assert_code(0);
    let audit = env.run_as("sre", &["audit", "--account", "acc_demobob", "--limit", "1", "-o", "ndjson"]);
    assert_eq!(audit.json_lines()[0]["reason"], "fraud report");
}

#[test]
fn a_protected_profile_shows_a_banner_and_needs_reason_ticket_and_yes() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nprotected = true\n",
        env.url
    ));
    let reason = ["--reason", "fraud report", "--ticket", "SEC-9"];
    let run = env.run_as("sre", &["account", "lock", "acc_demobob", "--reason", "fraud report"]);
    run.assert_code(2);
    assert!(run.stderr.contains("needs a ticket"), "{}", run.stderr);
    let run = env.run_as("sre", &[&["account", "lock", "acc_demobob", "--no-input"], &reason[..]].concat());
    run.assert_code(2);
    assert!(run.stderr.contains("confirm with `--yes`"), "{}", run.stderr);
    // No terminal to confirm on is the same as --no-input.
    let run = env.run_as("sre", &[&["account", "lock", "acc_demobob"], &reason[..]].concat());
    run.assert_code(2);
    assert!(run.stderr.contains("pass `--yes`"), "{}", run.stderr);

    let run = env.run_as("sre", &[&["account", "lock", "acc_demobob", "--yes", "-o", "ndjson"], &reason[..]].concat());
    run.assert_code(0);
    assert!(run.stderr.starts_with("warning: PROTECTED PROFILE `prod`"), "{}", run.stderr);
    assert_eq!(one_record(&run)["status"], "locked");
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
        run.assert_code(0);
        let examples = run.stdout.split_once("Examples:\n").map(|(_, e)| e).unwrap_or_default();
        assert!(examples.contains(&format!("acctl {}", cmd.join(" "))), "{cmd:?}\n{}", run.stdout);
        assert!(examples.lines().all(|l| l.starts_with("  ")), "an example wraps\n{examples}");
    }
}

#[test]
fn code_verify_asks_for_the_code_at_a_hidden_prompt_on_a_terminal() {
    use expectrl::{Eof, Expect, Session};

    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let code = customer.latest_code("acc_demobob");
    let mut cmd = env.command();
    cmd.args(["code", "verify", challenge["challenge_id"].as_str().unwrap()]).env("ACCTL_TOKEN", env.token("agent"));
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session.expect("Code the customer reads back (typing is not shown): ").expect("the prompt");
    session.send_line(&code).expect("type the code");
    let rest = session.expect(Eof).expect("acctl finishes");
    let text = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(text.contains("Verification token") && text.contains("vt_"), "a card on a terminal\n{text}");
    assert!(!text.contains(&code), "the code was echoed\n{text}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_at_the_hidden_code_prompt_exits_130_with_echo_back_on() {
    use expectrl::process::unix::WaitStatus;
    use expectrl::{ControlCode, Eof, Expect, Session};

    let env = TestEnv::new();
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let mut cmd = env.pty_command(&["code", "verify", challenge["challenge_id"].as_str().unwrap()]);
    cmd.env("ACCTL_TOKEN", env.token("agent"));
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session.expect("Code the customer reads back (typing is not shown): ").expect("the prompt");
    // The prompt is drawn a moment before the terminal goes raw; a person cannot type in it.
    std::thread::sleep(Duration::from_millis(300));
    session.send("12").expect("type");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    let rest = session.expect(Eof).expect("acctl finishes");
    let text = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(text.contains("interrupted"), "{text}");
    assert!(session.get_process().get_echo().expect("termios"), "the terminal echoes again");
    match session.get_process().wait().expect("exit status") {
        WaitStatus::Exited(_, code) => assert_eq!(code, 130, "{text}"),
        other => panic!("acctl did not exit normally: {other:?}\n{text}"),
    }
}

#[test]
fn a_protected_profile_asks_before_a_change_and_no_changes_nothing() {
    use expectrl::{Eof, Expect, Session};

    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nprotected = true\n",
        env.url
    ));
    let lock = |answer: &str| {
        let mut cmd = env.command();
        cmd.args(["account", "lock", "acc_demobob", "--reason", "fraud report", "--ticket", "SEC-9"])
            .env("ACCTL_TOKEN", env.token("sre"));
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        session.expect("PROTECTED PROFILE `prod`").expect("the banner");
        session.expect("Lock account `acc_demobob` on protected profile `prod`?").expect("the question");
        session.send(answer).expect("answer");
        let rest = session.expect(Eof).expect("acctl finishes");
        String::from_utf8_lossy(rest.as_bytes()).into_owned()
    };
    let status =
        || env.run_as("agent", &["lookup", "acc_demobob", "--fields", "status"]).json_lines()[0]["status"].clone();

    let text = lock("n");
    assert!(text.contains("cancelled; nothing was changed"), "{text}");
    assert_eq!(status(), "active");
    let text = lock("y");
    assert!(text.contains("is locked (was active)"), "{text}");
    assert_eq!(status(), "locked");
}

#[test]
fn password_stdin_from_a_terminal_is_read_without_echo() {
    use expectrl::{Eof, Expect, Session};

    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let mut cmd = env.command();
    cmd.args(["password", "set", "acc_demobob", "--force", "--password-stdin"]).env("ACCTL_TOKEN", env.token("sre"));
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session.expect("Password (typing is not shown): ").expect("the prompt");
    session.send_line(NEW_PASSWORD).expect("type the password");
    let rest = session.expect(Eof).expect("acctl finishes");
    let text = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(text.contains("set to the password the customer chose"), "{text}");
    assert!(!text.contains(NEW_PASSWORD), "the password was echoed\n{text}");
    assert!(customer.login("acc_demobob", NEW_PASSWORD).is_ok());
}
