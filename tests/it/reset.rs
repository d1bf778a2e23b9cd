//! The `acctl reset` wizard in a real pseudo-terminal, typing what an agent
//! types. Codes and temporary passwords are read from the sandbox outbox while
//! the wizard waits, as the customer would read them off their phone; the
//! customer's own sign-in proves what changed. The service's frozen clock is
//! moved to get past the resend cooldown.
#![cfg(unix)]

use std::time::Duration;

use acctl_api::{AuditAction, Channel, ErrorCode, MessageKind};
use acctl_service::Clock;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use serde_json::Value;

use crate::common::{Backend, TestEnv};

const DEMO_PASSWORD: &str = "demo-password-2026";

/// The agent at the keyboard: a wizard in a pty, and everything it printed so far.
struct Agent {
    session: OsSession,
    screen: String,
}

impl Agent {
    /// `acctl reset ARGS…` signed in as the agent role.
    fn start(env: &TestEnv, args: &[&str]) -> Agent {
        Self::start_as(env, "agent", args)
    }

    fn start_as(env: &TestEnv, role: &str, args: &[&str]) -> Agent {
        let mut cmd = env.pty_command(&[&["reset"], args].concat());
        cmd.env("ACCTL_TOKEN", env.token(role));
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        Agent { session, screen: String::new() }
    }

    /// Waits for `text` on the screen; returns what appeared up to and including it.
    #[track_caller]
    fn sees(&mut self, text: &str) -> String {
        let found = match self.session.expect(text) {
            Ok(found) => found,
            Err(e) => panic!("waited for {text:?}: {e}\n--- screen so far ---\n{}", self.screen),
        };
        let seen = format!(
            "{}{}",
            String::from_utf8_lossy(found.before()),
            String::from_utf8_lossy(found.get(0).unwrap_or_default())
        );
        self.screen.push_str(&seen);
        seen
    }

    /// Types a line (Enter alone when `line` is empty).
    fn types(&mut self, line: &str) {
        self.session.send_line(line).expect("type");
    }

    /// Types at a hidden prompt. The prompt is on the screen a moment before
    /// the terminal leaves cooked mode; a person cannot type in that moment,
    /// a test can, and the terminal would echo what it typed.
    fn types_hidden(&mut self, line: &str) {
        std::thread::sleep(Duration::from_millis(300));
        self.types(line);
    }

    /// Moves a selection down one item.
    fn arrow_down(&mut self) {
        self.session.send("\x1b[B").expect("arrow down");
    }

    fn ctrl_c(&mut self) {
        // Give the prompt time to put the terminal in raw mode, as a person would.
        std::thread::sleep(Duration::from_millis(300));
        self.session.send([3u8]).expect("Ctrl-C");
    }

    /// Waits for the wizard to end: its exit code and the whole screen.
    fn exits(mut self) -> (i32, String) {
        match self.session.expect(Eof) {
            Ok(rest) => {
                self.screen.push_str(&String::from_utf8_lossy(rest.before()));
                self.screen.push_str(&String::from_utf8_lossy(rest.get(0).unwrap_or_default()));
            }
            Err(e) => panic!("waited for the end: {e}\n--- screen so far ---\n{}", self.screen),
        }
        let code = match self.session.get_process().wait().expect("exit status") {
            WaitStatus::Exited(_, code) => code,
            other => panic!("acctl did not exit normally: {other:?}\n{}", self.screen),
        };
        (code, self.screen.replace('\r', ""))
    }

    /// Whether the terminal echoes typed characters (a prompt cut short must turn it back on).
    fn echo_is_on(&self) -> bool {
        self.session.get_process().get_echo().expect("termios")
    }
}

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
    backend.signs_in(id, DEMO_PASSWORD).expect("the customer is signed in somewhere");
    let before = backend.account(id);

    let mut agent = Agent::start(&env, &["alice@example.com", "-o", "json"]);
    let card = agent.sees("Is this the customer's account?");
    for shown in ["acc_demoalice", "Alice Zhang", "a***@example.com", "+86 *** **** 8000", "active", "iPhone 15"] {
        assert!(card.contains(shown), "the card shows {shown}:\n{card}");
    }
    assert!(!card.contains("alice@example.com (") && !card.contains("13800138000"), "contacts are masked:\n{card}");
    agent.types("y");
    agent.sees("Send the code by");
    agent.types("");
    agent.sees("A code went by email to a***@example.com");
    agent.sees("Code the customer reads out (5 tries left");
    let code = backend.code(id, Channel::Email);
    agent.types(&code);
    agent.sees("Code verified (email)");
    agent.sees("How does the customer get a new password?");
    agent.types("");
    let summary = agent.sees("Reset the password now?");
    assert!(summary.contains("a temporary password goes by email to a***@example.com"), "{summary}");
    assert!(summary.contains("signed out everywhere"), "{summary}");
    agent.types("y");
    let (code_, screen) = agent.exits();
    assert_eq!(code_, 0, "{screen}");

    assert!(screen.contains("Password reset for `acc_demoalice` (Alice Zhang)."), "{screen}");
    assert!(screen.contains("A temporary password went by email to a***@example.com"), "{screen}");
    assert!(screen.contains("1 session was signed out."), "{screen}");
    assert!(screen.contains("told about the change by email and SMS."), "{screen}");
    assert!(screen.contains("Request id: req_"), "{screen}");
    let record = json_record(&screen);
    assert_eq!(record["account_id"], id);
    assert_eq!(record["mode"], "deliver");
    assert_eq!(record["channel"], "email");
    assert_eq!(record["sessions_revoked"], 1);
    assert_eq!(record["notified"], serde_json::json!(["email", "sms"]));
    assert_eq!(record["must_change_password"], true);
    assert!(record["request_id"].as_str().is_some_and(|r| r.starts_with("req_")), "{record}");

    let temporary = backend.secret(id, MessageKind::TemporaryPassword, Some(Channel::Email));
    assert!(!screen.contains(&temporary), "the agent never sees the temporary password");
    let after = backend.account(id);
    assert!(after.must_change_password);
    assert_ne!(after.password_changed_at, before.password_changed_at);
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

    let mut agent = Agent::start(&env, &["acc_demobob"]);
    agent.sees("Is this the customer's account?");
    agent.types("y");
    agent.sees("Send the code by");
    agent.types("");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Email));
    agent.sees("How does the customer get a new password?");
    agent.arrow_down();
    agent.types("");
    agent.sees("nothing typed is shown");
    // Too short is caught before anything is sent.
    agent.sees("New password");
    agent.types_hidden("tiny pw");
    agent.sees("Too short: at least 15 characters");
    // Two entries that differ are asked again.
    agent.sees("New password");
    agent.types_hidden(chosen);
    agent.sees("The same password again");
    agent.types_hidden("correct horse battery staple 43");
    agent.sees("The two entries differ");
    agent.sees("New password");
    agent.types_hidden(rejected);
    agent.sees("The same password again");
    agent.types_hidden(rejected);
    let summary = agent.sees("Reset the password now?");
    assert!(summary.contains("the password the customer typed becomes their password"), "{summary}");
    agent.types("y");
    // The service's policy refuses it; the verification still holds.
    agent.sees("The service refused that password; nothing changed.");
    agent.sees("contains the account's email name");
    agent.sees("New password");
    agent.types_hidden(chosen);
    agent.sees("The same password again");
    agent.types_hidden(chosen);
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("The password the customer typed is now their password."), "{screen}");
    for typed in [chosen, rejected, "tiny pw", "staple 43"] {
        assert!(!screen.contains(typed), "a typed password was echoed ({typed}):\n{screen}");
    }

    assert_eq!(backend.signs_in(id, chosen), Ok(false), "the new password signs in, no change needed");
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Err(ErrorCode::InvalidCredentials));
    assert_eq!(backend.count(id, MessageKind::TemporaryPassword), 0);
    let sets = backend.audit(id).into_iter().filter(|e| e.action == AuditAction::PasswordSet).collect::<Vec<_>>();
    assert_eq!(sets.len(), 2, "one refused, one done: {sets:?}");
    assert!(sets[1].detail.as_deref().unwrap_or_default().contains("mode=set"), "{sets:?}");
}

#[test]
fn a_wrong_code_is_refused_with_the_tries_left_and_the_right_one_goes_through() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_democarol";
    let mut agent = Agent::start(&env, &[]);
    agent.sees("Customer's email, phone number or account ID");
    agent.types("nobody@example.com");
    agent.sees("No account matches `nobody@example.com`.");
    agent.sees("Another email, phone number or account ID (Enter to stop)");
    agent.types("carol@example.org");
    agent.sees("Is this the customer's account?");
    agent.types("y");
    // Email only: no channel to choose.
    agent.sees("The code goes by email to c***@example.org, the only contact on file.");
    agent.sees("Code the customer reads out (5 tries left");
    agent.types("");
    agent.sees("Type the code the customer reads out, or r if it has not arrived.");
    let right = backend.code(id, Channel::Email);
    let wrong = if right == "000000" { "111111" } else { "000000" };
    agent.types(wrong);
    agent.sees("That code is not right: 4 tries left.");
    agent.sees("Code the customer reads out (4 tries left");
    agent.types(&right);
    agent.sees("Code verified (email)");
    agent.sees("How does the customer get a new password?");
    agent.types("");
    agent.sees("Reset the password now?");
    agent.types("y");
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Password reset for `acc_democarol`"), "{screen}");
    assert!(backend.account(id).must_change_password);
    let verifies =
        backend.audit(id).into_iter().filter(|e| e.action == AuditAction::ChallengeVerify).collect::<Vec<_>>();
    assert_eq!(verifies.len(), 2, "{verifies:?}");
}

#[test]
fn an_mfa_account_needs_a_code_on_email_and_then_on_sms() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demofrank";
    let mut agent = Agent::start(&env, &["frank@example.com", "-o", "json"]);
    let card = agent.sees("Is this the customer's account?");
    assert!(card.contains("a reset needs codes on email and SMS"), "{card}");
    agent.types("y");
    agent.sees("Send the first code by (MFA: a code on each is needed)");
    agent.types("");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Email));
    agent.sees("Code verified (email)");
    agent.sees("This account has MFA: the customer needs a second code, by SMS to +86 *** **** 7002.");
    agent.sees("A code went by SMS to");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Sms));
    agent.sees("Code verified (SMS)");
    agent.sees("How does the customer get a new password?");
    agent.types("");
    let summary = agent.sees("Reset the password now?");
    assert!(summary.contains("identity checked with a code by email to f***@example.com and SMS to"), "{summary}");
    agent.types("y");
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    let record = json_record(&screen);
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
    let mut agent = Agent::start(&env, &["acc_demograce"]);
    agent.sees("Is this the customer's account?");
    agent.types("y");
    agent.sees("Send the code by");
    agent.types("");
    agent.sees("Code the customer reads out (5 tries left; r = send a new code)");
    let first = backend.code(id, Channel::Email);
    // Too soon: the service's cooldown is honoured and said.
    agent.types("r");
    agent.sees("A new code can be sent in 60 s");
    agent.sees("Code the customer reads out");
    clock.advance(Duration::from_secs(61));
    agent.types("r");
    agent.sees("A new code went by email to g***@example.com");
    agent.sees("The earlier code no longer works.");
    agent.sees("Code the customer reads out");
    let second = backend.code(id, Channel::Email);
    assert_ne!(first, second);
    assert_eq!(backend.count(id, MessageKind::VerificationCode), 2);
    agent.types(&first);
    agent.sees("That code is not right: 4 tries left.");
    agent.types(&second);
    agent.sees("Code verified (email)");
    agent.sees("How does the customer get a new password?");
    agent.types("");
    agent.sees("Reset the password now?");
    agent.types("y");
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    assert!(backend.account(id).must_change_password);
}

#[test]
fn a_locked_or_disabled_account_stops_the_wizard_with_exit_6() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let agent = Agent::start(&env, &["erin@example.com"]);
    let (code, screen) = agent.exits();
    assert_eq!(code, 6, "{screen}");
    assert!(screen.contains("locked"), "the card says so:\n{screen}");
    assert!(screen.contains("error: account `acc_demoerin` is locked"), "{screen}");
    assert!(screen.contains("`acctl account unlock acc_demoerin`"), "{screen}");
    assert!(!screen.contains("Is this the customer's account?"), "{screen}");
    assert!(backend.inbox("acc_demoerin").is_empty(), "nothing was sent");

    let agent = Agent::start(&env, &["acc_demoheidi"]);
    let (code, screen) = agent.exits();
    assert_eq!(code, 6, "{screen}");
    assert!(screen.contains("error: account `acc_demoheidi` is disabled"), "{screen}");
    assert!(backend.inbox("acc_demoheidi").is_empty(), "nothing was sent");
}

#[test]
fn ctrl_c_at_the_password_choice_changes_nothing_and_exits_130() {
    let (env, clock) = env_with_clock();
    // Later than the seeding, so a change would show in `password_changed_at`.
    clock.advance(Duration::from_secs(3600));
    let backend = Backend::new(&env);
    let id = "acc_demoken";
    let before = backend.account(id);
    let mut agent = Agent::start(&env, &["acc_demoken"]);
    agent.sees("Is this the customer's account?");
    agent.types("y");
    agent.sees("Send the code by");
    agent.types("");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Email));
    agent.sees("Code verified (email)");
    agent.sees("How does the customer get a new password?");
    agent.ctrl_c();
    let echo = {
        let seen = agent.sees("error: interrupted");
        assert!(seen.contains("Stopped. The password was not changed; nothing on the account changed."), "{seen}");
        assert!(seen.contains("a code went by email to k***@example.jp"), "{seen}");
        assert!(seen.contains("the customer's code by email was verified"), "{seen}");
        agent.echo_is_on()
    };
    let (code, screen) = agent.exits();
    assert_eq!(code, 130, "{screen}");
    assert!(echo, "the terminal echoes again");
    assert!(screen.contains("\x1b[?25h"), "the cursor is shown again");

    let after = backend.account(id);
    assert_eq!(after.password_changed_at, before.password_changed_at);
    assert_eq!(after.must_change_password, before.must_change_password);
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false), "the old password still works");
    let actions = backend.audit(id).into_iter().map(|e| e.action).collect::<Vec<_>>();
    assert_eq!(actions, [AuditAction::ChallengeCreate, AuditAction::ChallengeVerify], "{actions:?}");
    assert_eq!(backend.count(id, MessageKind::TemporaryPassword), 0);
    assert_eq!(backend.count(id, MessageKind::PasswordChanged), 0);
}

#[test]
fn ctrl_c_at_a_hidden_prompt_turns_echo_back_on() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demodave";
    let mut agent = Agent::start(&env, &["acc_demodave"]);
    agent.sees("Is this the customer's account?");
    agent.types("y");
    agent.sees("The code goes by SMS to");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Sms));
    agent.sees("How does the customer get a new password?");
    agent.arrow_down();
    agent.types("");
    agent.sees("nothing typed is shown");
    agent.sees("New password");
    std::thread::sleep(Duration::from_millis(300));
    agent.session.send("half a passw").expect("type");
    agent.ctrl_c();
    agent.sees("error: interrupted");
    let echo = agent.echo_is_on();
    let (code, screen) = agent.exits();
    assert_eq!(code, 130, "{screen}");
    assert!(echo, "the terminal echoes again");
    assert!(!screen.contains("half a passw"), "{screen}");
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false), "the old password still works");
}

#[test]
fn not_the_customers_account_sends_nothing_and_hostile_names_are_defused() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let mut agent = Agent::start(&env, &["mallory@example.net"]);
    let card = agent.sees("Is this the customer's account?");
    assert!(card.contains("Mallory"), "{card}");
    for escape in ["\x1b[2J", "\x1b]52", "\x07"] {
        assert!(!card.contains(escape), "an escape sequence from the display name reached the terminal:\n{card:?}");
    }
    // Enter: the safe default, no.
    agent.types("");
    agent.sees("Nothing was sent.");
    agent.sees("Another email, phone number or account ID (Enter to stop)");
    agent.types("");
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Stopped: nothing was sent and nothing changed."), "{screen}");
    assert!(backend.inbox("acc_demomallory").is_empty());
}

#[test]
fn declining_the_final_confirmation_changes_nothing() {
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let id = "acc_demoalice";
    let mut agent = Agent::start(&env, &[id]);
    agent.sees("Is this the customer's account?");
    agent.types("y");
    agent.sees("Send the code by");
    agent.types("");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Email));
    agent.sees("How does the customer get a new password?");
    agent.types("");
    agent.sees("Reset the password now?");
    agent.types("");
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Stopped: the password was not changed."), "{screen}");
    assert_eq!(backend.signs_in(id, DEMO_PASSWORD), Ok(false));
    assert_eq!(backend.count(id, MessageKind::TemporaryPassword), 0);
}

#[test]
fn a_protected_profile_shows_its_banner_and_asks_for_reason_and_ticket() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nregion = \"CN\"\nprotected = true\n",
        env.url
    ));
    let backend = Backend::new(&env);
    let id = "acc_demoalice";
    let mut agent = Agent::start(&env, &[id]);
    agent.sees("PROTECTED PROFILE `prod`");
    agent.sees("Reason for this reset");
    agent.types("");
    agent.sees("Profile `prod` needs this for every change.");
    agent.types("customer called, forgot password");
    agent.sees("Ticket this reset belongs to");
    agent.types("SUP-1234");
    agent.sees("Is this the customer's account?");
    agent.types("y");
    agent.sees("Send the code by");
    agent.types("");
    agent.sees("Code the customer reads out");
    agent.types(&backend.code(id, Channel::Email));
    agent.sees("How does the customer get a new password?");
    agent.types("");
    agent.sees("Reset the password now?");
    agent.types("y");
    let (code, screen) = agent.exits();
    assert_eq!(code, 0, "{screen}");
    let events = backend.audit(id);
    let set = events.iter().find(|e| e.action == AuditAction::PasswordSet).expect("audited");
    assert_eq!(set.reason.as_deref(), Some("customer called, forgot password"));
    assert_eq!(set.ticket.as_deref(), Some("SUP-1234"));
    assert!(events.iter().filter(|e| e.action == AuditAction::ChallengeCreate).all(|e| e.ticket.is_some()));
}

#[test]
fn without_a_terminal_or_under_no_input_it_points_to_the_steps() {
    let env = TestEnv::new();
    // In a terminal, but --no-input.
    let agent = Agent::start(&env, &["alice@example.com", "--no-input"]);
    let (code, screen) = agent.exits();
    assert_eq!(code, 2, "{screen}");
    assert!(screen.contains("`--no-input` is set"), "{screen}");
    assert!(screen.contains("`acctl code send IDENT`"), "{screen}");
    assert!(screen.contains("`acctl password set IDENT --verification TOKEN --deliver`"), "{screen}");
    assert!(!screen.contains("customer's account?"), "{screen}");

    // No terminal at all (a script), and not even signed in: still 2, pointing the same way.
    let run = env.run(&["reset", "alice@example.com"]);
    run.assert_code(2);
    assert!(run.stderr.contains("stdin and stderr must both be a terminal"), "{}", run.snapshot());
    assert!(run.stderr.contains("acctl code verify CHALLENGE_ID --code-stdin"), "{}", run.snapshot());
    assert!(run.stdout.is_empty());
}

#[test]
fn stopping_after_a_search_that_matched_nothing_exits_3() {
    let env = TestEnv::new();
    let mut agent = Agent::start(&env, &["+8613011112222"]);
    agent.sees("No account matches `+8613011112222`.");
    agent.sees("Another email, phone number or account ID (Enter to stop)");
    agent.types("");
    let (code, screen) = agent.exits();
    assert_eq!(code, 3, "{screen}");
    assert!(screen.contains("error: no account matches `+8613011112222`; stopped: nothing was sent"), "{screen}");
}
