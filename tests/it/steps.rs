//! The scriptable recovery steps against the real service: `code send`,
//! `code verify`, `password set`. Each run is snapshotted whole; codes and
//! temporary passwords are read from the service's outbox, as a customer
//! would read their inbox; the customer's sign-in and the service's store
//! show what changed.

use std::time::Duration;

use acctl_api::{ErrorCode, MessageKind};
use serde_json::Value;

use crate::common::{Backend, Run, TestEnv};
use crate::snapshot;

pub const DEMO_PASSWORD: &str = "demo-password-2026";
pub const NEW_PASSWORD: &str = "correct horse battery staple 42";

pub fn one_record(run: &Run) -> Value {
    let records = run.json_lines();
    assert_eq!(records.len(), 1, "one record on stdout\n{}", run.snapshot());
    records.into_iter().next().expect("one record")
}

/// `code send` as `role`, which must succeed; the challenge record.
pub fn send_code(env: &TestEnv, role: &str, args: &[&str]) -> Value {
    let run = env.run_as(role, &[&["code", "send"], args, &["-o", "ndjson"]].concat());
    run.assert_code(0);
    one_record(&run)
}

fn challenge_id(challenge: &Value) -> &str {
    challenge["challenge_id"].as_str().unwrap_or_else(|| panic!("a challenge id: {challenge}"))
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
    let run = verify(env, role, challenge_id(&challenge), &customer.latest_code(account_id));
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
    assert_eq!(customer.signs_in("acc_demoalice", DEMO_PASSWORD), Ok(false));

    let run = env.run_as("agent", &["code", "send", "alice@example.com", "-o", "ndjson"]);
    snapshot!(env, run, "send");
    let challenge = one_record(&run);

    let code = customer.latest_code("acc_demoalice");
    let run = verify(&env, "agent", challenge_id(&challenge), &code);
    snapshot!(env, run, "verify");
    let token = one_record(&run)["verification_token"].as_str().expect("a token").to_owned();
    assert!(!run.stderr.contains(&code) && !run.stdout.contains(&code), "the code is never echoed");

    // The token through the environment, the password through stdin: neither in argv.
    let run = set_password(
        &env,
        "agent",
        &["alice@example.com", "--password-stdin"],
        &[("ACCTL_VERIFICATION", &token)],
        Some(&format!("{NEW_PASSWORD}\n")),
    );
    snapshot!(env, run, "set");
    assert!(!run.stdout.contains(NEW_PASSWORD) && !run.stderr.contains(NEW_PASSWORD), "{}", run.snapshot());

    assert_eq!(customer.signs_in("acc_demoalice", NEW_PASSWORD), Ok(false));
    assert_eq!(customer.signs_in("acc_demoalice", DEMO_PASSWORD), Err(ErrorCode::InvalidCredentials));
    // The trailing line break was not part of the password.
    assert_eq!(customer.signs_in("acc_demoalice", &format!("{NEW_PASSWORD}\n")), Err(ErrorCode::InvalidCredentials));
    assert_eq!(customer.live_sessions("acc_demoalice"), 1, "the old session was revoked, the new sign-in is live");
}

#[test]
fn code_send_is_a_short_card_on_a_terminal_and_tells_what_to_do_next() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["code", "send", "+8613800138000", "--channel", "sms", "-o", "table"]);
    snapshot!(env, run);
}

#[test]
fn the_default_channel_is_the_contact_on_file_and_codes_go_nowhere_else() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let run = env.run_as("agent", &["code", "send", "carol@example.org", "-o", "ndjson"]);
    snapshot!(env, run, "email_only");
    let run = env.run_as("agent", &["code", "send", "acc_demodave", "-o", "ndjson"]);
    snapshot!(env, run, "sms_only");

    let run = env.run_as("agent", &["code", "send", "carol@example.org", "--channel", "sms"]);
    snapshot!(env, run, "no_such_channel");
    let run = env.run_as("agent", &["code", "send", "erin@example.com"]);
    snapshot!(env, run, "locked");
    let run = env.run_as("agent", &["code", "send", "nobody@example.com"]);
    snapshot!(env, run, "not_found");
    let run = env.run_as("agent", &["code", "send", "carol"]);
    snapshot!(env, run, "not_an_identifier");

    let sent: Vec<_> = ["acc_democarol", "acc_demodave", "acc_demoerin"]
        .iter()
        .flat_map(|id| customer.inbox(id))
        .map(|m| (m.account_id, m.channel, m.to))
        .collect();
    assert_eq!(
        sent,
        [
            ("acc_democarol".to_owned(), acctl_api::Channel::Email, "carol@example.org".to_owned()),
            ("acc_demodave".to_owned(), acctl_api::Channel::Sms, "+447911123456".to_owned()),
        ],
        "one code each to the contact on file, none to the locked account"
    );
}

#[test]
fn a_resend_during_the_cooldown_exits_7_at_once() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    send_code(&env, "agent", &["bob@example.com"]);
    let run = env.run_as("agent", &["code", "send", "bob@example.com"]);
    snapshot!(env, run);
    // Once: the client did not wait out the cooldown and ask again.
    assert_eq!(
        customer.audit_trail("acc_demobob"),
        [
            "test-agent challenge.create success detail=\"channel=email\"",
            "test-agent challenge.create failed detail=\"channel=email error=rate_limited\"",
        ]
    );
    assert_eq!(customer.count("acc_demobob", MessageKind::VerificationCode), 1);
}

#[test]
fn a_wrong_code_exits_5_with_the_tries_left_and_the_last_one_says_send_a_new_code() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let id = challenge_id(&challenge);
    let code = customer.latest_code("acc_demobob");
    let wrong = wrong_code(&code);

    for left in ["4_left", "3_left", "2_left", "1_left", "used_up"] {
        let run = verify(&env, "agent", id, wrong);
        snapshot!(env, run, left);
    }
    // Used up: even the right code no longer works.
    let run = verify(&env, "agent", id, &code);
    snapshot!(env, run, "right_code_after");
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
    let run = verify(&env, "agent", challenge_id(&challenge), &customer.latest_code("acc_demobob"));
    snapshot!(env, run);
}

#[test]
fn a_code_never_comes_from_argv_and_without_a_terminal_stdin_is_required() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let id = challenge_id(&challenge);

    let run = env.run_as("agent", &["code", "verify", id]);
    snapshot!(env, run, "no_terminal");
    let run = env.run_as("agent", &["code", "verify", id, "--no-input"]);
    snapshot!(env, run, "no_input");
    let run = env.run_as("agent", &["code", "verify", id, "--code", "123456"]);
    snapshot!(env, run, "argv");

    // Not digits: refused before sending, so no try is used up.
    let run = verify(&env, "agent", id, "12345O");
    snapshot!(env, run, "not_digits");
    let run = verify(&env, "agent", id, "");
    snapshot!(env, run, "empty");

    // Read aloud in groups, and still all five tries left.
    let code = customer.latest_code("acc_demobob");
    let run = verify(&env, "agent", id, &format!("{} {}", &code[..3], &code[3..]));
    snapshot!(env, run, "in_groups");
    assert_eq!(
        customer.audit_trail("acc_demobob"),
        [
            "test-agent challenge.create success detail=\"channel=email\"",
            "test-agent challenge.verify success detail=\"challenge=[CHALLENGE_ID] channel=email status=verified\"",
        ],
        "no try was used up by the refused inputs"
    );
}

#[test]
fn an_mfa_account_needs_a_code_on_both_channels() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let email = send_code(&env, "agent", &["frank@example.com"]);
    let run = verify(&env, "agent", challenge_id(&email), &customer.latest_code("acc_demofrank"));
    snapshot!(env, run, "first");

    let run = env.run_as("agent", &["code", "send", "frank@example.com", "--channel", "sms", "-o", "ndjson"]);
    snapshot!(env, run, "send_sms");
    let sms = one_record(&run);
    let run = verify(&env, "agent", challenge_id(&sms), &customer.latest_code("acc_demofrank"));
    snapshot!(env, run, "second");
    let token = one_record(&run)["verification_token"].as_str().expect("a token").to_owned();

    let run = set_password(&env, "agent", &["frank@example.com", "--deliver"], &[("ACCTL_VERIFICATION", &token)], None);
    snapshot!(env, run, "deliver");
    let temporary = customer.latest("acc_demofrank", MessageKind::TemporaryPassword);
    assert!(!run.stdout.contains(&temporary) && !run.stderr.contains(&temporary));
    assert_eq!(customer.signs_in("acc_demofrank", &temporary), Ok(true));
}

#[test]
fn a_used_verification_token_exits_5() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let token = verified_token(&env, &customer, "agent", "bob@example.com", "acc_demobob");
    let args = ["acc_demobob", "--deliver"];
    let verification = [("ACCTL_VERIFICATION", token.as_str())];
    set_password(&env, "agent", &args, &verification, None).assert_code(0);
    let run = set_password(&env, "agent", &args, &verification, None);
    snapshot!(env, run);
    assert_eq!(customer.count("acc_demobob", MessageKind::TemporaryPassword), 1, "one change, not two");
}

#[test]
fn a_weak_password_exits_6_listing_every_violation_and_the_token_stays_valid() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let token = verified_token(&env, &customer, "agent", "alice@example.com", "acc_demoalice");
    let verification = [("ACCTL_VERIFICATION", token.as_str())];
    let args = ["alice@example.com", "--password-stdin"];

    let run = set_password(&env, "agent", &args, &verification, Some("letmein\n"));
    snapshot!(env, run, "two_rules");
    // The same rules under --quiet: an error prints whatever the verbosity.
    let run =
        set_password(&env, "agent", &[&args[..], &["-q"]].concat(), &verification, Some("alice-is-my-name-2026\n"));
    snapshot!(env, run, "quiet");
    assert_eq!(customer.signs_in("acc_demoalice", DEMO_PASSWORD), Ok(false), "nothing changed");

    let run = set_password(&env, "agent", &args, &verification, Some(&format!("{NEW_PASSWORD}\r\n")));
    snapshot!(env, run, "accepted");
    assert_eq!(customer.signs_in("acc_demoalice", NEW_PASSWORD), Ok(false));
}

#[test]
fn agents_cannot_force_a_reset() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let run = set_password(&env, "agent", &["bob@example.com", "--force", "--deliver"], &[], None);
    snapshot!(env, run);
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Ok(false), "nothing changed");
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
    snapshot!(env, run, "ndjson");
    let temporary = customer.latest("acc_demobob", MessageKind::TemporaryPassword);
    assert!(temporary.len() >= 15);
    assert!(!run.stdout.contains(&temporary) && !run.stderr.contains(&temporary), "{}", run.snapshot());
    assert_eq!(customer.signs_in("acc_demobob", &temporary), Ok(true));
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Err(ErrorCode::InvalidCredentials));

    // A human reads the same as a card, still without the password.
    let run = env.run_as("sre", &["password", "set", "acc_demoken", "--force", "--deliver", "-o", "table"]);
    snapshot!(env, run, "table");
    let temporary = customer.latest("acc_demoken", MessageKind::TemporaryPassword);
    assert!(!run.stdout.contains(&temporary) && !run.stderr.contains(&temporary));
}

#[test]
fn a_password_is_never_taken_from_argv() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let sre = |args: &[&str]| env.run_as("sre", &[&["password", "set", "acc_demobob"], args].concat());
    let run = sre(&["--force", "--password", "hunter2-hunter2-hunter2"]);
    snapshot!(env, run, "argv");
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);

    // One way to authorise it and one source for the password, each required.
    snapshot!(env, sre(&["--deliver"]), "no_authority");
    snapshot!(env, sre(&["--force"]), "no_source");
    snapshot!(env, sre(&["--force", "--deliver", "--password-stdin"]), "two_sources");
    snapshot!(env, sre(&["--force", "--verification", "vt_x", "--deliver"]), "two_authorities");
    // An empty stdin is a usage error, found before anything changes.
    let run = set_password(&env, "sre", &["acc_demobob", "--force", "--password-stdin"], &[], Some(""));
    snapshot!(env, run, "empty_stdin");
    let run = set_password(&env, "sre", &["acc_demobob", "--force", "--password-stdin"], &[], Some("a\nb\n"));
    snapshot!(env, run, "two_lines");
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Ok(false), "nothing changed");
    assert_eq!(customer.audit_trail("acc_demobob"), ["customer login success"], "no change was even tried");

    // `--channel` means "with --deliver: where the temporary password goes":
    // with `--password-stdin` it is a usage error, and nothing changes
    // (before: accepted, ignored, exit 0 and the password set).
    let run = set_password(
        &env,
        "sre",
        &["acc_demobob", "--force", "--password-stdin", "--channel", "sms"],
        &[],
        Some(&format!("{NEW_PASSWORD}\n")),
    );
    snapshot!(env, run, "channel_without_deliver");
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Ok(false), "nothing changed");
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
    snapshot!(env, run);
}
