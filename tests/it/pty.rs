//! Prompts outside the wizard in a real pseudo-terminal, typing as a person
//! would (see `dialogue`): the token at `auth login`, the code at `code
//! verify`, a password read from a terminal, a protected profile's question.
#![cfg(unix)]

use acctl_api::{AccountStatus, ErrorCode};

use crate::common::{Backend, TestEnv};
use crate::dialogue::Key::{CtrlC, Keys, Line, Wait};
use crate::dialogue::Terminal;
use crate::steps::{DEMO_PASSWORD, NEW_PASSWORD, send_code};

#[test]
fn login_prompts_for_the_token_without_echoing_it() {
    let env = TestEnv::new();
    let mut person = Terminal::start(&env, None, &["auth", "login", "--insecure-storage"]);
    person.dialogue(&[
        ("Paste the token for profile `test`", Wait),
        ("it will not be shown: ", Keys(&format!("{}\n", env.token("admin")))),
    ]);
    person
        .finish()
        .assert_code(0)
        .shows_in_order(&["Signed in to", "as `test-admin` (role admin)"])
        .never_shows(&[env.token("admin")]);
    let status = env.run(&["auth", "status", "-o", "ndjson"]);
    status.assert_code(0);
    assert_eq!(status.json_lines()[0]["actor"], "test-admin");
}

#[test]
fn under_no_input_there_is_no_prompt() {
    let env = TestEnv::new();
    Terminal::start(&env, None, &["auth", "login", "--no-input"])
        .finish()
        .assert_code(2)
        .shows_in_order(&["no token given", "--with-token"])
        .never_shows(&["Paste the token"]);
}

#[test]
fn code_verify_asks_for_the_code_at_a_hidden_prompt_on_a_terminal() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let code = customer.latest_code("acc_demobob");
    let id = challenge["challenge_id"].as_str().expect("a challenge id");
    let mut agent = Terminal::start(&env, Some("agent"), &["code", "verify", id]);
    agent.dialogue(&[("Code the customer reads back (typing is not shown): ", Keys(&format!("{code}\n")))]);
    // A card on a terminal, with the token to pass on; never the code.
    agent.finish().assert_code(0).shows_in_order(&["Verification token", "vt_"]).never_shows(&[&code]);
}

#[test]
fn ctrl_c_at_the_hidden_code_prompt_exits_130_with_echo_back_on() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let challenge = send_code(&env, "agent", &["bob@example.com"]);
    let id = challenge["challenge_id"].as_str().expect("a challenge id");
    let mut agent = Terminal::start(&env, Some("agent"), &["code", "verify", id]);
    agent.dialogue(&[
        ("Code the customer reads back (typing is not shown): ", Keys("12")),
        ("", CtrlC),
        ("interrupted", Wait),
    ]);
    let echo = agent.echo_is_on();
    agent.finish().assert_code(130);
    assert!(echo, "the terminal echoes again");
    assert_eq!(
        customer.audit_trail("acc_demobob"),
        ["test-agent challenge.create success detail=\"channel=email\""],
        "no try was used"
    );
}

#[test]
fn a_protected_profile_asks_before_a_change_and_no_changes_nothing() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    env.write_config(&format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nprotected = true\n",
        env.url
    ));
    let lock = |answer: &str| {
        let mut sre = Terminal::start(
            &env,
            Some("sre"),
            &["account", "lock", "acc_demobob", "--reason", "fraud report", "--ticket", "SEC-9"],
        );
        sre.dialogue(&[
            ("PROTECTED PROFILE `prod`", Wait),
            ("Lock account `acc_demobob` on protected profile `prod`?", Keys(answer)),
        ]);
        sre.finish()
    };

    // No is an answer, not a failure: exit 0, as when the wizard's last
    // question is declined (before: `error: cancelled; …` and exit 130).
    lock("n").assert_code(0).shows_in_order(&["? no", "Nothing was changed."]).never_shows(&["error:"]);
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Active);
    lock("y").assert_code(0).shows_in_order(&["is locked (was active)"]);
    assert_eq!(customer.account("acc_demobob").status, AccountStatus::Locked);
}

#[test]
fn password_stdin_from_a_terminal_is_read_without_echo() {
    let env = TestEnv::new();
    let customer = Backend::new(&env);
    let mut sre =
        Terminal::start(&env, Some("sre"), &["password", "set", "acc_demobob", "--force", "--password-stdin"]);
    sre.dialogue(&[("Password (typing is not shown): ", Keys(&format!("{NEW_PASSWORD}\n")))]);
    sre.finish()
        .assert_code(0)
        .shows_in_order(&["set to the password the customer chose"])
        .never_shows(&[NEW_PASSWORD]);
    assert_eq!(customer.signs_in("acc_demobob", NEW_PASSWORD), Ok(false));
    assert_eq!(customer.signs_in("acc_demobob", DEMO_PASSWORD), Err(ErrorCode::InvalidCredentials));
}

/// With no keyring, `auth login` says so before asking for the token (the
/// paste would be thrown away), names both ways out, and exits 8 (a store
/// acctl needs is unavailable), not 4.
#[test]
fn with_no_keyring_login_says_so_before_asking_for_the_token() {
    let env = TestEnv::new();
    Terminal::start(&env, None, &["auth", "login"])
        .finish()
        .assert_code(8)
        .shows_in_order(&[
            "error: cannot sign in: there is nowhere to keep the token",
            "no OS keyring is available",
            "hint: set `ACCTL_TOKEN` in the environment instead, or run `acctl auth login --insecure-storage`",
        ])
        .never_shows(&["Paste the token"]);
}

/// `--with-token` on a terminal (as the sandbox's banner used to suggest)
/// asks at a hidden prompt instead of echoing the paste and waiting for Ctrl-D.
#[test]
fn with_token_on_a_terminal_asks_at_a_hidden_prompt() {
    let env = TestEnv::new();
    let mut person = Terminal::start(&env, None, &["auth", "login", "--with-token", "--insecure-storage"]);
    person.dialogue(&[(
        "(stdin is a terminal, so it is read here); it will not be shown: ",
        Keys(&format!("{}\n", env.token("agent"))),
    )]);
    person
        .finish()
        .assert_code(0)
        .shows_in_order(&["Signed in to", "as `test-agent` (role agent)"])
        .never_shows(&[env.token("agent")]);
}

/// Before: `acctl lookup -` on a terminal showed only a spinner, and the
/// person could not tell it was waiting for them to type.
#[test]
fn lookup_dash_on_a_terminal_says_it_reads_identifiers_until_ctrl_d() {
    let env = TestEnv::new();
    let mut agent = Terminal::start(&env, Some("agent"), &["lookup", "-", "--jq", ".account.id"]);
    agent.dialogue(&[("press Ctrl-D on an empty line to finish.\r\n", Line("bob@example.com")), ("", Keys("\x04"))]);
    let end = agent.finish();
    end.assert_code(0);
    env.insta_settings(None).bind(|| insta::assert_snapshot!(end.screen));
}
