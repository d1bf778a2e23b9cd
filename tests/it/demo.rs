//! `acctl demo` and `acctl sandbox`: the reference service in-process, for
//! training — what a new agent runs first.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::TestEnv;

#[test]
fn demo_script_runs_the_whole_reset_unattended_and_prints_each_step() {
    let env = TestEnv::new();
    // No config and no token: the demo needs neither.
    std::fs::remove_file(env.config_path()).expect("config removed");
    let run = env.run(&["demo", "--script"]);
    run.assert_code(0);
    let out = &run.stdout;
    for expected in [
        "Step 1. A customer calls",
        "The agent looks her up: acc_demoalice — Alice Zhang — a***@example.com / +86 *** **** 8000 — active",
        "Rejected: the code is wrong; 4 tries left (a script would exit 5 here).",
        "Verified. A single-use verification token (not shown)",
        "Rejected by the password policy (a script would exit 6)",
        "- must be at least 15 characters (it has 9)",
        "- contains the account's email name",
        "a temporary password went to +86 *** **** 8000 (the agent never sees it); must change at next sign-in: true; 1 session(s) revoked; notified on: email, sms.",
        "the service asks her to choose a new password: true.",
        "Her old password no longer works.",
        "password.set     success  mode=deliver",
        "ticket: DEMO-1",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in:\n{}", run.snapshot());
    }
    // The verification token is never printed; the customer's SMS is shown in its frame.
    assert!(!out.contains("vt_"), "{}", run.snapshot());
    assert!(out.contains("│ 📱 SMS to +8613800138000 (acc_demoalice)"), "{}", run.snapshot());
}

#[test]
fn the_interactive_demo_without_a_terminal_points_to_the_script() {
    let env = TestEnv::new();
    let run = env.run(&["demo"]);
    run.assert_code(2);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.snapshot());
    assert!(run.stderr.contains("acctl demo --script"), "{}", run.snapshot());
}

/// Sends `POST path` with a JSON body and a bearer token; answers the status line.
fn post(url: &str, path: &str, token: &str, body: &str) -> String {
    let addr = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("connect to the sandbox");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    answer.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn sandbox_prints_url_and_tokens_serves_the_demo_accounts_and_shows_each_message_sent() {
    let env = TestEnv::new();
    let mut child = env
        .command()
        .args(["sandbox", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("acctl sandbox starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next_line_with = |needle: &str| -> String {
        loop {
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => continue,
                Err(e) => panic!("the sandbox printed no line with `{needle}`: {e}"),
            }
        }
    };
    let url = next_line_with("URL").split_whitespace().last().expect("a URL").to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let agent = next_line_with("agent token").split_whitespace().last().expect("a token").to_owned();
    next_line_with("Messages the service sends appear below");

    let lookup = env.run_with(
        &["lookup", "alice@example.com", "-o", "json"],
        &[("ACCTL_URL", &url), ("ACCTL_TOKEN", &agent)],
        None,
    );
    lookup.assert_code(0);
    assert!(lookup.stdout.contains("\"id\": \"acc_demoalice\""), "{}", lookup.snapshot());

    let status = post(&url, "/v1/accounts/acc_demoalice/challenges", &agent, r#"{"channel":"sms"}"#);
    assert!(status.contains("201"), "{status}");
    let message = next_line_with("📱 SMS to +8613800138000 (acc_demoalice)");
    assert!(message.contains("Your account recovery code"), "{message}");
    let body = next_line_with("Your account recovery code is");
    assert!(body.chars().filter(char::is_ascii_digit).count() >= 6, "the code is shown to the trainee: {body}");

    let _ = child.kill();
    let _ = child.wait();
}

/// The README's first command, as a new agent uses it: a real terminal, the
/// customer's email, `y`, Enter for the defaults, and the code the customer's
/// side of the screen shows.
#[cfg(unix)]
#[test]
fn the_interactive_demo_takes_a_trainee_through_a_reset_with_the_safe_defaults() {
    use expectrl::{Eof, Expect, Session};

    let env = TestEnv::new();
    let mut session = Session::spawn(env.pty_command(&["demo"])).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    let sees = |session: &mut expectrl::session::OsSession, text: &str| -> String {
        let found = session.expect(text).unwrap_or_else(|e| panic!("waited for {text:?}: {e}"));
        format!(
            "{}{}",
            String::from_utf8_lossy(found.before()),
            String::from_utf8_lossy(found.get(0).unwrap_or_default())
        )
    };
    sees(&mut session, "email, phone number or account ID (Enter: alice@example.com)");
    session.send_line("").expect("Enter: the caller's email");
    sees(&mut session, "Is this the customer's account?");
    session.send_line("y").expect("type");
    sees(&mut session, "Send the code by");
    session.send_line("").expect("Enter");
    let screen = sees(&mut session, "tries left");
    let code: String = screen
        .split("recovery code is ")
        .nth(1)
        .expect("the customer's side shows the code")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert_eq!(code.len(), 6, "{screen}");
    session.send_line(&code).expect("type the code");
    sees(&mut session, "How does the customer get a new password?");
    session.send_line("").expect("Enter: the default, a temporary password");
    sees(&mut session, "Reset the password now?");
    session.send_line("y").expect("type");
    let done = sees(&mut session, "Request id");
    assert!(done.contains("Your temporary password is"), "the customer's side shows the delivery: {done}");
    assert!(done.contains("Password reset for `acc_demoalice`"), "{done}");
    session.expect(Eof).expect("the demo ends");
    match session.get_process().wait().expect("exit status") {
        expectrl::process::unix::WaitStatus::Exited(_, code) => assert_eq!(code, 0, "{done}"),
        other => panic!("the demo did not exit normally: {other:?}"),
    }
}
