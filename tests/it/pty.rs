//! Interactive `auth login` in a real pseudo-terminal, typing as a person would.

use std::time::Duration;

use expectrl::{Eof, Expect, Session};

use crate::common::TestEnv;

#[test]
fn login_prompts_for_the_token_without_echoing_it() {
    let env = TestEnv::new();
    let mut cmd = env.command();
    cmd.args(["auth", "login", "--insecure-storage"]);
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session.expect("Paste the token for profile `test`").expect("the prompt");
    session.expect("it will not be shown: ").expect("the prompt's end");
    session.send_line(env.token("admin")).expect("type the token");
    let rest = session.expect(Eof).expect("acctl finishes");
    let text = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(text.contains("Signed in to"), "{text}");
    assert!(text.contains("as `test-admin` (role admin)"), "{text}");
    assert!(!text.contains(env.token("admin")), "the token was echoed: {text}");
    let status = env.run(&["auth", "status", "-o", "ndjson"]);
    assert_eq!(status.json_lines()[0]["actor"], "test-admin");
}

#[test]
fn under_no_input_there_is_no_prompt() {
    let env = TestEnv::new();
    let mut cmd = env.command();
    cmd.args(["auth", "login", "--no-input"]);
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    let out = session.expect(Eof).expect("acctl finishes");
    let text = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(text.contains("no token given") && text.contains("--with-token"), "{text}");
    assert!(!text.contains("Paste the token"), "{text}");
}
