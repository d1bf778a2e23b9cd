//! Issue 10: a hostile backend, hostile files, and a secret canary.
//!
//! [`Hostile`] is a tiny HTTP server in the test (a tokio `TcpListener` on
//! 127.0.0.1:0) that answers canned hostile responses: redirects to another
//! origin, bodies far larger than any real answer, malformed IDs, escape codes
//! in every string. It stands in for a *malicious or broken backend*, which
//! the reference service cannot be made into; everything else runs against
//! the real service. The canary tests run every command that takes a secret
//! against the real service and look for the secret everywhere it must not be.
//!
//! By what is attacked: [`network`] (redirects, proxies, plain HTTP, the
//! sandbox's address), [`answers`] (what a hostile backend says), [`token_file`]
//! (the file `--insecure-storage` writes) and [`canary`] (secrets); [`server`]
//! is the hostile backend.

mod answers;
mod canary;
mod network;
mod server;
mod token_file;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Run, TestEnv};
use server::HOSTILE_TOKEN;

/// Where the hostile tests' snapshots live, relative to this folder: beside
/// the others, in `tests/it/snapshots/hostile/`.
const SNAPSHOTS: &str = "../snapshots/hostile";

/// `acctl` pointed at `url` (the profile `test`, its `url` overridden) with a token.
fn at(env: &TestEnv, url: &str, args: &[&str], stdin: Option<&[u8]>) -> Run {
    env.run_with(args, &[("ACCTL_URL", url), ("ACCTL_TOKEN", HOSTILE_TOKEN)], stdin)
}

/// Snapshots `run` whole, with the env's filters and the hostile servers' URLs
/// replaced; snapshots live in [`SNAPSHOTS`].
fn snap(env: &TestEnv, name: &str, urls: &[(&str, &str)], run: &Run) {
    // The servers' URLs first: the env's filters turn any loopback port into `[PORT]`.
    let mut filters: Vec<(String, String)> =
        urls.iter().map(|(url, label)| (regex_escape(url), (*label).to_owned())).collect();
    filters.extend(env.filters());
    let filters: Vec<(&str, &str)> = filters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    insta::with_settings!({ filters => filters, snapshot_path => SNAPSHOTS, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, run.snapshot());
    });
}

fn regex_escape(s: &str) -> String {
    s.chars().flat_map(|c| if "\\.+*?()|[]{}^$#&-~".contains(c) { vec!['\\', c] } else { vec![c] }).collect()
}

/// No escape sequence, C1 control or bidi control reaches the terminal.
#[track_caller]
fn assert_clean(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect();
    assert!(bad.is_empty(), "raw control characters {bad:?} in:\n{text}");
}

/// Runs to the end, or is killed after 60 s (a sandbox that starts would run forever).
fn finish(mut cmd: Command, stdin: Option<&[u8]>) -> (Run, String) {
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("acctl runs");
    // exec has happened when spawn returns: this is acctl's own argv.
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("acctl finishes");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    (run, String::from_utf8_lossy(&cmdline).replace('\0', " "))
}
