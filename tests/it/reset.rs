//! The `acctl reset` wizard in a real pseudo-terminal, typing what an agent
//! types (see `dialogue`). Codes and temporary passwords are read from the
//! service's outbox while the wizard waits, as the customer would read them
//! off their phone; the customer's own sign-in and the service's store show
//! what changed. The service's frozen clock is moved to get past the resend
//! cooldown.
#![cfg(unix)]

use std::time::Duration;

use acctl_api::{Channel, ErrorCode, MessageKind};
use acctl_service::Clock;
use serde_json::Value;

use crate::common::{Backend, TestEnv};
use crate::dialogue::Key::{CtrlC, DownEnter, Hidden, Keys, Line, LineFrom, Wait};
use crate::dialogue::Terminal;

const DEMO_PASSWORD: &str = "demo-password-2026";

/// The wizard's first two questions, skipped with Enter: the test profile
/// requires neither a ticket nor a reason.
const NO_TICKET_NO_REASON: [(&str, crate::dialogue::Key<'static>); 2] =
    [("Ticket for this reset (Enter to skip)", Line("")), ("Reason for this reset (Enter to skip)", Line(""))];

/// A test env and the service's (frozen) clock, to move it.
fn env_with_clock() -> (TestEnv, Clock) {
    let mut clock = None;
    let env = TestEnv::with_config(|config| clock = Some(config.clock.clone()));
    (env, clock.expect("the service's clock"))
}

/// The pretty JSON record `-o json` printed on the (shared) terminal.
fn json_record(screen: &str) -> Value {
    let start = screen.find("\n{\n").map(|i| i + 1).unwrap_or_else(|| panic!("no JSON record:\n{screen}"));
    let end = screen[start..].find("\n}\n").map(|i| start + i + 2).expect("the record's end");
    serde_json::from_str(&screen[start..end]).unwrap_or_else(|e| panic!("not JSON: {e}\n{}", &screen[start..end]))
}

#[test]
fn enter_y_and_the_code_alone_reset_with_a_temporary_password() {
    let (env, clock) = env_with_clock();
    // Later than the seeding, so a change shows in `password_changed_at`.
    clock.advance(Duration::from_secs(3600));
    let backend = Backend::new(&env);
    let id = "acc_demoalice";
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false), "the customer is signed in somewhere");
    assert_eq!(backend.live_sessions(id), 1);
    let before = backend.account(id);

    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &["alice@example.com", "-o", "json"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    let seen = agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("A code went by email to a***@example.com", Wait),
        ("Code the customer reads out (5 tries left", LineFrom(&code)),
        ("Code verified (email)", Wait),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
    ]);
    let card = &seen[0];
    for shown in ["acc_demoalice", "Alice Zhang", "a***@example.com", "+86 *** **** 8000", "active", "iPhone 15"] {
        assert!(card.contains(shown), "the card shows {shown}:\n{card}");
    }
    assert!(seen[6].contains("a temporary password goes by email to a***@example.com"), "{}", seen[6]);
    assert!(seen[6].contains("signed out everywhere"), "{}", seen[6]);
    let end = agent.finish();
    end.assert_code(0)
        .shows_in_order(&[
            "Password reset for `acc_demoalice` (Alice Zhang).",
            "A temporary password went by email to a***@example.com",
            "1 session was signed out.",
            "told about the change by email and SMS.",
            "Request id: req_",
        ])
        .never_shows(&["alice@example.com (", "13800138000"]);
    let mut record = json_record(&end.screen);
    let request_id = record["request_id"].take();
    assert!(request_id.as_str().is_some_and(|r| r.starts_with("req_")), "{request_id}");
    assert_eq!(
        record,
        serde_json::json!({
            "account_id": id, "mode": "deliver", "channel": "email",
            "verified_channels": ["email"], "delivered_to": "a***@example.com", "must_change_password": true,
            "sessions_revoked": 1, "notified": ["email", "sms"], "changed_at": "2026-03-01T10:00:00Z",
            "request_id": null,
        })
    );

    let temporary = backend.secret(id, MessageKind::TemporaryPassword, Some(Channel::Email));
    end.never_shows(&[&temporary]);
    let after = backend.account(id);
    assert!(after.must_change_password);
    assert_ne!(after.password_changed_at, before.password_changed_at);
    assert_eq!(backend.live_sessions(id), 0, "signed out everywhere");
    assert_eq!(backend.signs_in(id, &temporary), Ok(true), "the temporary password signs in, must change");
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Err(ErrorCode::InvalidCredentials));
    assert_eq!(backend.count(id, MessageKind::PasswordChanged), 2, "a notice on email and on SMS");
}

#[test]
fn the_customer_types_a_password_and_a_rejected_one_is_asked_again() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demobob";
    let rejected = "bob-keeps-forgetting-2026"; // contains the email name `bob`
    let chosen = "correct horse battery staple 42";

    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &["acc_demobob"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    let seen = agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("Code the customer reads out", LineFrom(&code)),
        ("How does the customer get a new password?", DownEnter),
        ("nothing typed is shown", Wait),
        // Too short is caught before anything is sent.
        ("New password", Hidden("tiny pw")),
        ("Too short: at least 15 characters", Wait),
        // Two entries that differ are asked again.
        ("New password", Hidden(chosen)),
        ("The same password again", Hidden("correct horse battery staple 43")),
        ("The two entries differ", Wait),
        ("New password", Hidden(rejected)),
        ("The same password again", Hidden(rejected)),
        ("Reset the password now?", Line("y")),
        // The service's policy refuses it; the verification still holds.
        ("The service refused that password; nothing changed.", Wait),
        ("contains the account's email name", Wait),
        ("New password", Hidden(chosen)),
        ("The same password again", Hidden(chosen)),
    ]);
    assert!(seen[12].contains("the password the customer typed becomes their password"), "{}", seen[12]);
    agent
        .finish()
        .assert_code(0)
        .shows_in_order(&["The password the customer typed is now their password."])
        .never_shows(&[chosen, rejected, "tiny pw", "staple 43"]);

    assert_eq!(backend.signs_in(id, chosen), Ok(false), "the new password signs in, no change needed");
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Err(ErrorCode::InvalidCredentials));
    assert_eq!(backend.count(id, MessageKind::TemporaryPassword), 0);
    assert_eq!(
        backend.audit_trail(id),
        [
            "test-agent challenge.create success detail=\"channel=email\"",
            "test-agent challenge.verify success detail=\"challenge=[CHALLENGE_ID] channel=email status=verified\"",
            "test-agent password.set failed detail=\"mode=set error=password_policy\"",
            "test-agent password.set success detail=\"mode=set sessions_revoked=0\"",
            "customer login success",
            "customer login failed detail=\"error=invalid_credentials\"",
        ],
        "one refused, one done, then the customer's two sign-ins"
    );
}

#[test]
fn a_wrong_code_is_refused_with_the_tries_left_and_the_right_one_goes_through() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_democarol";
    let right = || backend.code(id, Channel::Email);
    let wrong = || if right() == "000000" { "111111".to_owned() } else { "000000".to_owned() };
    let mut agent = Terminal::reset(&env, &[]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent.dialogue(&[
        ("Customer's email, phone number or account ID", Line("nobody@example.com")),
        ("No account matches `nobody@example.com`.", Wait),
        ("Another email, phone number or account ID (Enter to stop)", Line("carol@example.org")),
        ("Is this the customer's account?", Line("y")),
        // Email only: no channel to choose.
        ("The code goes by email to c***@example.org, the only contact on file.", Wait),
        ("Code the customer reads out (5 tries left", Line("")),
        ("Type the code the customer reads out, or r if it has not arrived.", LineFrom(&wrong)),
        ("That code is not right: 4 tries left.", Wait),
        ("Code the customer reads out (4 tries left", LineFrom(&right)),
        ("Code verified (email)", Wait),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
    ]);
    agent.finish().assert_code(0).shows_in_order(&["Password reset for `acc_democarol`"]);
    assert!(backend.account(id).must_change_password);
    assert_eq!(
        backend.audit_trail(id),
        [
            "test-agent challenge.create success detail=\"channel=email\"",
            "test-agent challenge.verify failed detail=\"challenge=[CHALLENGE_ID] channel=email error=invalid_code attempts_left=4\"",
            "test-agent challenge.verify success detail=\"challenge=[CHALLENGE_ID] channel=email status=verified\"",
            "test-agent password.set success detail=\"mode=deliver sessions_revoked=0\"",
        ]
    );
}

#[test]
fn an_mfa_account_needs_a_code_on_email_and_then_on_sms() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demofrank";
    let email = || backend.code(id, Channel::Email);
    let sms = || backend.code(id, Channel::Sms);
    let mut agent = Terminal::reset(&env, &["frank@example.com", "-o", "json"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    let seen = agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("Send the first code by (MFA: a code on each is needed)", Line("")),
        ("Code the customer reads out", LineFrom(&email)),
        ("Code verified (email)", Wait),
        ("This account has MFA: the customer needs a second code, by SMS to +86 *** **** 7002.", Wait),
        ("A code went by SMS to", Wait),
        ("Code the customer reads out", LineFrom(&sms)),
        ("Code verified (SMS)", Wait),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
    ]);
    assert!(seen[0].contains("a reset needs codes on email and SMS"), "{}", seen[0]);
    assert!(seen[9].contains("identity checked with a code by email to f***@example.com and SMS to"), "{}", seen[9]);
    let end = agent.finish();
    end.assert_code(0);
    let record = json_record(&end.screen);
    assert_eq!(record["verified_channels"], serde_json::json!(["email", "sms"]));
    assert_eq!(record["mode"], "deliver");
    let temporary = backend.secret(id, MessageKind::TemporaryPassword, Some(Channel::Email));
    assert_eq!(backend.signs_in(id, &temporary), Ok(true));
}

#[test]
fn a_new_code_is_sent_after_the_cooldown_and_the_old_one_stops_working() {
    let (env, clock) = env_with_clock();
    let backend = Backend::new(&env);
    let id = "acc_demograce";
    let first = std::cell::OnceCell::new();
    let resend = || {
        first.set(backend.code(id, Channel::Email)).expect("one first code");
        "r".to_owned()
    };
    let old = || first.get().expect("the first code").clone();
    let new = || backend.code(id, Channel::Email);
    let later = || {
        clock.advance(Duration::from_secs(61));
        "r".to_owned()
    };
    let mut agent = Terminal::reset(&env, &["acc_demograce"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        // Too soon: the service's cooldown is honoured and said.
        ("Code the customer reads out (5 tries left; r = send a new code)", LineFrom(&resend)),
        ("A new code can be sent in 60 s", Wait),
        ("Code the customer reads out", LineFrom(&later)),
        ("A new code went by email to g***@example.com", Wait),
        ("The earlier code no longer works.", Wait),
        ("Code the customer reads out", LineFrom(&old)),
        ("That code is not right: 4 tries left.", LineFrom(&new)),
        ("Code verified (email)", Wait),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
    ]);
    agent.finish().assert_code(0);
    assert_ne!(first.get(), Some(&backend.code(id, Channel::Email)));
    assert_eq!(backend.count(id, MessageKind::VerificationCode), 2);
    assert!(backend.account(id).must_change_password);
}

#[test]
fn a_locked_or_disabled_account_stops_the_wizard_with_exit_6() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let mut agent = Terminal::reset(&env, &["erin@example.com"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent
        .finish()
        .assert_code(6)
        .shows_in_order(&["locked", "error: account `acc_demoerin` is locked", "`acctl account unlock acc_demoerin`"])
        .never_shows(&["Is this the customer's account?"]);
    assert_eq!(backend.inbox("acc_demoerin"), [], "nothing was sent");

    let mut agent = Terminal::reset(&env, &["acc_demoheidi"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent.finish().assert_code(6).shows_in_order(&["error: account `acc_demoheidi` is disabled"]);
    assert_eq!(backend.inbox("acc_demoheidi"), [], "nothing was sent");
    assert_eq!(backend.audit_trail("acc_demoerin"), Vec::<String>::new());
}

#[test]
fn ctrl_c_at_the_password_choice_changes_nothing_and_exits_130() {
    let (env, clock) = env_with_clock();
    // Later than the seeding, so a change would show in `password_changed_at`.
    clock.advance(Duration::from_secs(3600));
    let backend = Backend::new(&env);
    let id = "acc_demoken";
    let before = backend.account(id);
    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &["acc_demoken"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    let seen = agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("Code the customer reads out", LineFrom(&code)),
        ("Code verified (email)", Wait),
        ("How does the customer get a new password?", CtrlC),
        ("error: interrupted", Wait),
    ]);
    let echo = agent.echo_is_on();
    let stop = &seen[5];
    for line in [
        "Stopped. The password was not changed; nothing on the account changed.",
        "a code went by email to k***@example.jp",
        "the customer's code by email was verified",
    ] {
        assert!(stop.contains(line), "{line:?} missing:\n{stop}");
    }
    let end = agent.finish();
    end.assert_code(130);
    assert!(echo, "the terminal echoes again");
    assert!(end.screen.contains("\x1b[?25h"), "the cursor is shown again");

    let after = backend.account(id);
    assert_eq!(after.password_changed_at, before.password_changed_at);
    assert_eq!(after.must_change_password, before.must_change_password);
    assert_eq!(
        backend.audit_trail(id),
        [
            "test-agent challenge.create success detail=\"channel=email\"",
            "test-agent challenge.verify success detail=\"challenge=[CHALLENGE_ID] channel=email status=verified\"",
        ]
    );
    assert_eq!(backend.count(id, MessageKind::TemporaryPassword), 0);
    assert_eq!(backend.count(id, MessageKind::PasswordChanged), 0);
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false), "the old password still works");
}

#[test]
fn ctrl_c_at_a_hidden_prompt_turns_echo_back_on() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demodave";
    let code = || backend.code(id, Channel::Sms);
    let mut agent = Terminal::reset(&env, &["acc_demodave"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("The code goes by SMS to", Wait),
        ("Code the customer reads out", LineFrom(&code)),
        ("How does the customer get a new password?", DownEnter),
        ("nothing typed is shown", Wait),
        ("New password", Keys("half a passw")),
        ("", CtrlC),
        ("error: interrupted", Wait),
    ]);
    let echo = agent.echo_is_on();
    agent.finish().assert_code(130).never_shows(&["half a passw"]);
    assert!(echo, "the terminal echoes again");
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false), "the old password still works");
}

#[test]
fn not_the_customers_account_sends_nothing_and_hostile_names_are_defused() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let mut agent = Terminal::reset(&env, &["mallory@example.net"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    let seen = agent.dialogue(&[
        // Enter: the safe default, no.
        ("Is this the customer's account?", Line("")),
        ("Nothing was sent.", Wait),
        ("Another email, phone number or account ID (Enter to stop)", Line("")),
    ]);
    assert!(seen[0].contains("Mallory"), "{}", seen[0]);
    agent
        .finish()
        .assert_code(0)
        .shows_in_order(&["Stopped: nothing was sent and nothing changed."])
        // No escape sequence from the display name reaches the terminal.
        .never_shows(&["\x1b[2J", "\x1b]52", "\x07"]);
    assert_eq!(backend.inbox("acc_demomallory"), []);
}

#[test]
fn declining_the_final_confirmation_changes_nothing() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demoalice";
    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &[id]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent.dialogue(&[
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("Code the customer reads out", LineFrom(&code)),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("")),
    ]);
    agent.finish().assert_code(0).shows_in_order(&["Stopped: the password was not changed."]);
    assert_eq!(backend.count(id, MessageKind::TemporaryPassword), 0);
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false));
}

#[test]
fn a_protected_profile_shows_its_banner_and_asks_until_ticket_and_reason_are_given() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nregion = \"CN\"\nprotected = true\n",
        env.url
    ));
    let backend = Backend::new(&env);
    let id = "acc_demoalice";
    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &[id]);
    agent.dialogue(&[
        ("PROTECTED PROFILE `prod`", Wait),
        ("Ticket for this reset (profile `prod` requires one)", Line("SUP-1234")),
        ("Reason for this reset (profile `prod` requires one)", Line("")),
        ("Profile `prod` needs this for every change.", Line("customer called, forgot password")),
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("Code the customer reads out", LineFrom(&code)),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
    ]);
    agent.finish().assert_code(0);
    let context = "reason=\"customer called, forgot password\" ticket=\"SUP-1234\"";
    assert_eq!(backend.audit_trail(id), email_code_reset_trail(context), "every step carries the reason and ticket");
}

#[test]
fn without_a_terminal_or_under_no_input_it_points_to_the_steps() {
    let env = TestEnv::new();
    // In a terminal, but --no-input.
    Terminal::reset(&env, &["alice@example.com", "--no-input"])
        .finish()
        .assert_code(2)
        .shows_in_order(&[
            "`--no-input` is set",
            "`acctl code send IDENT`",
            "`ACCTL_VERIFICATION=TOKEN acctl password set IDENT --deliver`",
        ])
        .never_shows(&["customer's account?"]);

    // No terminal at all (a script), and not even signed in: still 2, pointing the same way.
    let run = env.run(&["reset", "alice@example.com"]);
    crate::snapshot!(env, run);
}

#[test]
fn stopping_after_a_search_that_matched_nothing_exits_3() {
    let env = TestEnv::new();
    let mut agent = Terminal::reset(&env, &["+8613011112222"]);
    agent.dialogue(&NO_TICKET_NO_REASON);
    agent.dialogue(&[
        ("No account matches `+8613011112222`.", Wait),
        ("Another email, phone number or account ID (Enter to stop)", Line("")),
    ]);
    agent
        .finish()
        .assert_code(3)
        .shows_in_order(&["error: no account matches `+8613011112222`; stopped: nothing was sent"]);
}

#[test]
fn the_ticket_and_reason_asked_first_go_in_the_audit_log_and_the_summary() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_democarol";
    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &[id]);
    let seen = agent.dialogue(&[
        ("The ticket and reason go in the audit log with every step of this reset.", Wait),
        ("Ticket for this reset (Enter to skip)", Line("SUP-77")),
        ("Reason for this reset (Enter to skip)", Line("customer called, lost phone")),
        ("Is this the customer's account?", Line("y")),
        ("Code the customer reads out", LineFrom(&code)),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("y")),
    ]);
    let given = "ticket SUP-77, reason \"customer called, lost phone\"";
    assert!(seen[6].contains(&format!("  • in the audit log with {given}\n")), "{}", seen[6]);
    agent.finish().assert_code(0).shows_in_order(&[
        "Password reset for `acc_democarol`",
        &format!("  • In the audit log with {given}."),
        "Request id",
    ]);
    let context = "reason=\"customer called, lost phone\" ticket=\"SUP-77\"";
    assert_eq!(backend.audit_trail(id), email_code_reset_trail(context));

    // A ticket given by flag is not asked for; the reason still is, and Enter skips it.
    let id = "acc_demobob";
    let code = || backend.code(id, Channel::Email);
    let mut agent = Terminal::reset(&env, &[id, "--ticket", "SUP-78"]);
    let seen = agent.dialogue(&[
        ("Reason for this reset (Enter to skip)", Line("")),
        ("Is this the customer's account?", Line("y")),
        ("Send the code by", Line("")),
        ("Code the customer reads out", LineFrom(&code)),
        ("How does the customer get a new password?", Line("")),
        ("Reset the password now?", Line("n")),
    ]);
    assert!(!seen[0].contains("Ticket for this reset"), "{}", seen[0]);
    assert!(seen[5].contains("  • in the audit log with ticket SUP-78, no reason\n"), "{}", seen[5]);
    agent.finish().assert_code(0).never_shows(&["Ticket for this reset"]);
    assert_eq!(
        backend.audit_trail(id)[..2],
        [
            "test-agent challenge.create success ticket=\"SUP-78\" detail=\"channel=email\"",
            "test-agent challenge.verify success ticket=\"SUP-78\" detail=\"challenge=[CHALLENGE_ID] channel=email status=verified\"",
        ]
    );
}

/// The audit trail of a reset by an emailed code and a delivered temporary
/// password, each event carrying `context` (its reason and ticket).
fn email_code_reset_trail(context: &str) -> [String; 3] {
    [
        format!("test-agent challenge.create success {context} detail=\"channel=email\""),
        format!(
            "test-agent challenge.verify success {context} detail=\"challenge=[CHALLENGE_ID] channel=email status=verified\""
        ),
        format!("test-agent password.set success {context} detail=\"mode=deliver sessions_revoked=0\""),
    ]
}
