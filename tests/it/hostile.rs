//! Issue 10: a hostile backend, hostile files, and a secret canary.
//!
//! [`Hostile`] is a tiny HTTP server in the test (a tokio `TcpListener` on
//! 127.0.0.1:0) that answers canned hostile responses: redirects to another
//! origin, bodies far larger than any real answer, malformed IDs, escape codes
//! in every string. It stands in for a *malicious or broken backend*, which
//! the reference service cannot be made into; everything else runs against
//! the real service. The canary tests run every command that takes a secret
//! against the real service and look for the secret everywhere it must not be.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{Run, TestEnv};

/// A token the hostile server accepts (it checks nothing).
const HOSTILE_TOKEN: &str = "acctl_hostile0123456789";
/// An account ID of the right format.
const ACC: &str = "acc_hostile1";

/// One request the server received: the request line and headers as text, and the body.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    head: String,
    body: Vec<u8>,
}

/// What the server answers.
enum Reply {
    /// Status, extra headers, body.
    Json(u16, Vec<(&'static str, String)>, String),
    /// Headers promising `declared` bytes, one KiB of them, then silence
    /// until the client goes away (at most 60 s).
    Promise { declared: u64 },
    /// An account whose name is padding, `total` bytes in all, chunked.
    Chunked { total: usize },
}

struct Hostile {
    /// Serves until dropped; connections held open by `Promise` end with it.
    _runtime: tokio::runtime::Runtime,
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Hostile {
    fn start(answer: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Hostile {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(answer);
        let log = seen.clone();
        runtime.spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (answer, log) = (answer.clone(), log.clone());
                tokio::spawn(async move {
                    let _ = serve(socket, answer.as_ref(), &log).await;
                });
            }
        });
        Hostile { _runtime: runtime, url, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("log").clone()
    }
}

/// One request per connection (`Connection: close`), head at most 64 KiB.
async fn serve(
    mut socket: tokio::net::TcpStream,
    answer: &(dyn Fn(&Seen) -> Reply + Send + Sync),
    log: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > 64 * 1024 {
            return Ok(());
        }
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
        .unwrap_or(0usize)
        .min(1 << 20);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let mut parts = head.split_whitespace();
    let seen = Seen {
        method: parts.next().unwrap_or_default().to_owned(),
        path: parts.next().unwrap_or_default().to_owned(),
        head: head.clone(),
        body,
    };
    let reply = answer(&seen);
    log.lock().expect("log").push(seen);
    match reply {
        Reply::Json(status, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} Hostile\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            out.push_str(&body);
            socket.write_all(out.as_bytes()).await?;
        }
        Reply::Promise { declared } => {
            let out = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {declared}\r\nconnection: close\r\n\r\n{{\"id\":\"{ACC}\",\"display_name\":\"{}",
                "A".repeat(1024)
            );
            socket.write_all(out.as_bytes()).await?;
            // Hold the connection until the client leaves.
            let _ = tokio::time::timeout(Duration::from_secs(60), socket.read(&mut chunk)).await;
        }
        Reply::Chunked { total } => {
            socket
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n",
                )
                .await?;
            let account = account_json(ACC, "PAD");
            let (before, after) = account.split_once("PAD").expect("placeholder");
            let padding = total.saturating_sub(account.len());
            let send = |bytes: &[u8]| {
                let mut framed = format!("{:x}\r\n", bytes.len()).into_bytes();
                framed.extend_from_slice(bytes);
                framed.extend_from_slice(b"\r\n");
                framed
            };
            socket.write_all(&send(before.as_bytes())).await?;
            let block = vec![b'A'; 64 * 1024];
            let mut sent = 0;
            while sent < padding {
                let n = block.len().min(padding - sent);
                socket.write_all(&send(&block[..n])).await?;
                sent += n;
            }
            socket.write_all(&send(after.as_bytes())).await?;
            socket.write_all(b"0\r\n\r\n").await?;
        }
    }
    socket.shutdown().await
}

/// An account as the service writes it, with `name` and hostile text in every other string.
fn account_json(id: &str, name: &str) -> String {
    serde_json::json!({
        "id": id,
        "email": "m\u{1b}[31m***@example.com",
        "phone": "+86 ***\u{9b}2J **** 8000",
        "display_name": name,
        "status": "active",
        "email_verified": true,
        "phone_verified": false,
        "mfa": false,
        "created_at": "2026-01-01T00:00:00Z",
        "last_login_at": null,
        "password_changed_at": null,
        "must_change_password": false,
        "devices": [{"model": "Pixel\u{1b}]52;c;Y3VybCBldmls\u{7}", "name": "\u{202e}gnp.exe", "last_seen_at": null}]
    })
    .to_string()
}

/// What the escape codes in [`account_json`] and the tests' names look like.
const MALLORY: &str = "Mallory\u{1b}[2J\u{1b}]8;;http://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\\u{9b}31m\u{202e}";

fn challenge_json(challenge_id: &str) -> String {
    serde_json::json!({
        "challenge_id": challenge_id,
        "account_id": ACC,
        "channel": "email",
        "destination": "m***@example.com",
        "expires_at": "2026-03-01T09:10:00Z",
        "resend_after": "2026-03-01T09:01:00Z",
        "attempts_left": 5
    })
    .to_string()
}

fn ok(body: String) -> Reply {
    Reply::Json(200, Vec::new(), body)
}

/// `acctl` pointed at `url` (the profile `test`, its `url` overridden) with a token.
fn at(env: &TestEnv, url: &str, args: &[&str], stdin: Option<&[u8]>) -> Run {
    env.run_with(args, &[("ACCTL_URL", url), ("ACCTL_TOKEN", HOSTILE_TOKEN)], stdin)
}

/// Snapshots `run` whole, with the env's filters and the hostile servers' URLs
/// replaced; snapshots live in `snapshots/hostile/`.
fn snap(env: &TestEnv, name: &str, urls: &[(&str, &str)], run: &Run) {
    // The servers' URLs first: the env's filters turn any loopback port into `[PORT]`.
    let mut filters: Vec<(String, String)> =
        urls.iter().map(|(url, label)| (regex_escape(url), (*label).to_owned())).collect();
    filters.extend(env.filters());
    let filters: Vec<(&str, &str)> = filters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    insta::with_settings!({ filters => filters, snapshot_path => "snapshots/hostile", prepend_module_to_snapshot => false }, {
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

// --- 5: redirects ---------------------------------------------------------

#[test]
fn a_redirect_is_never_followed_so_the_password_and_code_stay_put() {
    let env = TestEnv::new();
    // The other origin would take the body and answer as if it were the service.
    let other = Hostile::start(|seen| {
        match seen.method.as_str() {
        "PUT" => ok(serde_json::json!({
            "account_id": ACC, "mode": "set", "changed_at": "2026-03-01T09:00:00Z",
            "must_change_password": false, "sessions_revoked": 0, "notified": ["email"]
        })
        .to_string()),
        _ => ok(serde_json::json!({"status": "verified", "verification_token": "vt_0123456789abcdef", "token_expires_at": "2026-03-01T09:10:00Z"}).to_string()),
    }
    });
    let to = other.url.clone();
    let hostile = Hostile::start(move |seen| match (seen.method.as_str(), seen.path.as_str()) {
        ("GET", _) => ok(account_json(ACC, "Bob")),
        ("PUT", path) => Reply::Json(308, vec![("location", format!("{to}{path}"))], String::new()),
        (_, path) => Reply::Json(307, vec![("location", format!("{to}{path}"))], String::new()),
    });
    let urls = [(hostile.url.as_str(), "[HOSTILE]"), (other.url.as_str(), "[OTHER]")];

    let password = at(
        &env,
        &hostile.url,
        &["password", "set", ACC, "--force", "--password-stdin", "-o", "json"],
        Some(b"Canary-Redirected-Passw0rd-1\n"),
    );
    let code = at(
        &env,
        &hostile.url,
        &["code", "verify", "chl_0123456789ab", "--code-stdin", "-o", "json"],
        Some(b"482913\n"),
    );

    assert!(other.seen().is_empty(), "the other origin received {:?}", other.seen());
    assert_eq!(hostile.seen().len(), 3, "one lookup, one PUT, one verify, none retried");
    snap(&env, "redirect_password_set", &urls, &password);
    snap(&env, "redirect_code_verify", &urls, &code);
}

// --- 6: backend strings and IDs -------------------------------------------

#[test]
fn a_malformed_challenge_id_is_an_error_and_never_a_suggested_command() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|seen| match seen.method.as_str() {
        "GET" => ok(account_json(ACC, MALLORY)),
        _ => Reply::Json(201, Vec::new(), challenge_json("chl_1 ; curl http://127.0.0.1:9/x|sh #")),
    });
    let run = at(&env, &hostile.url, &["code", "send", ACC, "-o", "json"], None);
    snap(&env, "malformed_challenge_id", &[(hostile.url.as_str(), "[HOSTILE]")], &run);
    assert!(!run.stderr.contains("curl") && !run.stdout.contains("curl"));
}

#[test]
fn lock_unlock_and_revoke_never_print_a_malformed_account_id() {
    let env = TestEnv::new();
    let evil_id = "acc_\u{1b}]52;c;Y3VybCBldmls\u{7}owned";
    let hostile = Hostile::start(move |seen| match (seen.method.as_str(), seen.path.as_str()) {
        ("GET", _) => ok(account_json(ACC, MALLORY)),
        (_, p) if p.ends_with(":revoke") => {
            ok(serde_json::json!({"account_id": evil_id, "sessions_revoked": 2}).to_string())
        }
        _ => ok(account_json(evil_id, MALLORY).replace("\"active\"", "\"locked\"")),
    });
    let urls = [(hostile.url.as_str(), "[HOSTILE]")];
    for (name, args) in [
        ("malformed_account_id_lock", ["account", "lock", ACC]),
        ("malformed_account_id_unlock", ["account", "unlock", ACC]),
        ("malformed_account_id_revoke", ["sessions", "revoke", ACC]),
    ] {
        let run = at(&env, &hostile.url, &args, None);
        assert_clean(&run.stderr);
        assert_clean(&run.stdout);
        snap(&env, name, &urls, &run);
    }
}

#[test]
fn the_lookup_summary_never_prints_a_raw_error_code() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|seen| {
        let body: serde_json::Value = serde_json::from_slice(&seen.body).unwrap_or_default();
        let results: Vec<_> = body["identifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| serde_json::json!({"input": i, "error": {"code": "\u{1b}[31mowned\u{1b}]0;title\u{7}", "detail": "x"}}))
            .collect();
        ok(serde_json::json!({ "results": results }).to_string())
    });
    let run = at(&env, &hostile.url, &["lookup", "-"], Some(b"acc_demoalice\nacc_demobob\n"));
    assert_clean(&run.stderr);
    snap(&env, "lookup_summary_malformed_code", &[(hostile.url.as_str(), "[HOSTILE]")], &run);
}

#[test]
fn escape_codes_in_every_string_field_never_reach_the_terminal() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|_| ok(account_json(ACC, MALLORY)));
    let urls = [(hostile.url.as_str(), "[HOSTILE]")];
    for (name, format) in
        [("hostile_fields_table", "table"), ("hostile_fields_csv", "csv"), ("hostile_fields_tsv", "tsv")]
    {
        let run = at(
            &env,
            &hostile.url,
            &["lookup", ACC, "-o", format, "--fields", "id,display_name,email,phone,devices"],
            None,
        );
        run.assert_code(0);
        assert_clean(&run.stdout);
        assert_clean(&run.stderr);
        snap(&env, name, &urls, &run);
    }
    // One account in a table is a card, with its own layout.
    let run = at(&env, &hostile.url, &["lookup", ACC, "-o", "table"], None);
    assert_clean(&run.stdout);
    snap(&env, "hostile_fields_card", &urls, &run);
}

// --- 7: answer size -------------------------------------------------------

#[test]
fn an_answer_over_the_size_limit_is_refused_naming_the_limit() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|seen| match seen.path.as_str() {
        p if p.contains("declared") => Reply::Promise { declared: 3_000_000_000 },
        _ => Reply::Chunked { total: 20 << 20 },
    });
    let urls = [(hostile.url.as_str(), "[HOSTILE]")];
    // 20 MiB of chunks, valid JSON: refused once past the limit.
    let chunked = at(&env, &hostile.url, &["lookup", ACC, "--fields", "id"], None);
    snap(&env, "answer_chunked_too_large", &urls, &chunked);
    // A 3 GB Content-Length: refused before reading it.
    let declared = at(&env, &hostile.url, &["lookup", "acc_declared1", "--fields", "id"], None);
    snap(&env, "answer_declared_too_large", &urls, &declared);
    // Every batch in flight is capped the same way.
    let stream = at(
        &env,
        &hostile.url,
        &["lookup", "-", "--fields", "input,error,error_detail"],
        Some(b"acc_demoalice\nacc_demobob\n"),
    );
    snap(&env, "answer_too_large_in_a_stream", &urls, &stream);
}

// --- 18: JSON on a terminal -----------------------------------------------

#[cfg(unix)]
#[test]
fn json_on_a_terminal_escapes_c1_and_bidi_controls_with_the_same_value() {
    use expectrl::{Eof, Expect, Session};
    let env = TestEnv::new();
    let name = "Mallory\u{9b}31m\u{202e}gnp.exe\u{85}";
    let hostile = Hostile::start(move |_| ok(account_json(ACC, name)));
    let mut outputs = Vec::new();
    // NDJSON without --fields is the pass-through path: the service's own text.
    for (format, fields) in [("json", "id,display_name"), ("ndjson", "")] {
        let mut cmd = env.command();
        cmd.args(["lookup", ACC, "-o", format]);
        if !fields.is_empty() {
            cmd.args(["--fields", fields]);
        }
        cmd.env("ACCTL_URL", &hostile.url).env("ACCTL_TOKEN", HOSTILE_TOKEN);
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        let out = session.expect(Eof).expect("acctl finishes");
        let text = String::from_utf8_lossy(out.as_bytes()).replace("\r\n", "\n");
        assert!(!text.contains('\u{9b}') && !text.contains('\u{202e}') && !text.contains('\u{85}'), "{text:?}");
        assert!(text.contains(r"Mallory\u009b31m\u202egnp.exe\u0085"), "{text}");
        let value: serde_json::Value = if format == "json" {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
        } else {
            serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{e}: {text}"))
        };
        let record = if format == "json" { &value[0] } else { &value["account"] };
        assert_eq!(record["display_name"], name, "the same value");
        outputs.push(format!("----- -o {format} -----\n{}", text.trim_end()));
    }
    insta::with_settings!({ snapshot_path => "snapshots/hostile", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("json_on_a_terminal", outputs.join("\n"));
    });
}

// --- 14: proxies and plain http --------------------------------------------

#[test]
fn loopback_requests_never_go_through_a_proxy() {
    let env = TestEnv::new();
    let proxy = Hostile::start(|_| Reply::Json(502, Vec::new(), "{}".into()));
    let run = env.run_with(
        &["lookup", "acc_demoalice", "--fields", "id,status"],
        &[
            ("ACCTL_TOKEN", env.token("agent")),
            ("HTTP_PROXY", &proxy.url),
            ("http_proxy", &proxy.url),
            ("ALL_PROXY", &proxy.url),
            ("all_proxy", &proxy.url),
        ],
        None,
    );
    let through: Vec<String> = proxy.seen().into_iter().map(|s| s.head).collect();
    assert!(through.is_empty(), "the proxy saw: {through:?}");
    snap(&env, "no_proxy_for_loopback", &[], &run);
}

#[test]
fn plain_http_to_another_host_is_refused_unless_the_profile_allows_it() {
    let env = TestEnv::new();
    // `.invalid` never resolves: nothing could reach another machine even before the fix.
    env.write_config("default_profile = \"lab\"\n[profiles.lab]\nurl = \"http://accounts.example.invalid:8080\"\n");
    let refused = env.run_as("agent", &["lookup", "acc_demoalice"]);
    snap(&env, "plain_http_refused", &[], &refused);
    let from_env = env.run_with(
        &["lookup", "acc_demoalice"],
        &[("ACCTL_URL", "http://example.invalid"), ("ACCTL_TOKEN", env.token("agent"))],
        None,
    );
    from_env.assert_code(2);
    assert!(from_env.stderr.contains("invalid `ACCTL_URL` for profile `lab`"), "{}", from_env.stderr);
    env.write_config(
        "default_profile = \"lab\"\n[profiles.lab]\nurl = \"http://accounts.example.invalid:8080\"\ninsecure_http = true\n",
    );
    let shown = env.run(&["config", "show", "-o", "json"]);
    snap(&env, "plain_http_allowed_config_show", &[], &shown);
}

// --- 15: the token file ----------------------------------------------------

/// `acctl ARGS` run by `sh` with umask 000, the environment pinned as usual.
#[cfg(unix)]
fn run_umask_000(env: &TestEnv, args: &[&str], stdin: &[u8]) -> Run {
    let acctl = env.command();
    let mut cmd = Command::new("sh");
    cmd.env_clear().args(["-c", "umask 000 && exec \"$0\" \"$@\""]).arg(acctl.get_program()).args(args);
    for (key, value) in acctl.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    cmd.current_dir(env.home_path());
    finish(cmd, Some(stdin)).0
}

#[cfg(unix)]
#[test]
fn a_planted_temp_file_or_symlink_or_umask_000_never_exposes_the_stored_token() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::symlink_metadata(p).expect("exists").permissions().mode() & 0o777;
    let login = ["auth", "login", "--with-token", "--insecure-storage"];

    // Under umask 000, with a 0644 temp file planted beside the token file.
    let env = TestEnv::new();
    let token = format!("{}\n", env.token("agent"));
    let data = env.data_dir();
    std::fs::create_dir_all(&data).expect("data dir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let planted = data.join("credentials.toml.tmp");
    std::fs::write(&planted, "").expect("plant");
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let run = run_umask_000(&env, &login, token.as_bytes());
    assert_eq!(mode(&data.join("credentials.toml")), 0o600, "the token file");
    assert_eq!(mode(&data), 0o700, "the data directory");
    snap(&env, "token_file_with_planted_temp_file", &[], &run);

    // A symlink planted where the temp file used to go, in a fresh home.
    let env = TestEnv::new();
    let token = format!("{}\n", env.token("agent"));
    let data = env.data_dir();
    std::fs::create_dir_all(&data).expect("data dir");
    let stolen = env.home_path().join("stolen");
    std::fs::write(&stolen, "").expect("target");
    std::os::unix::fs::symlink(&stolen, data.join("credentials.toml.tmp")).expect("symlink");
    let run = run_umask_000(&env, &login, token.as_bytes());
    run.assert_code(0);
    assert_eq!(std::fs::read_to_string(&stolen).expect("target"), "", "the token went through the symlink");
    assert!(std::fs::symlink_metadata(data.join("credentials.toml")).expect("exists").is_file());
    assert_eq!(mode(&data.join("credentials.toml")), 0o600);

    // A fresh data directory under umask 000 (its parents too).
    let env = TestEnv::new();
    let token = format!("{}\n", env.token("agent"));
    run_umask_000(&env, &login, token.as_bytes()).assert_code(0);
    assert_eq!(mode(&env.data_dir()), 0o700, "the data directory");
    assert_eq!(mode(&env.data_dir().join("credentials.toml")), 0o600);
}

// --- 19: the sandbox --------------------------------------------------------

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

#[test]
fn the_sandbox_listens_on_loopback_only() {
    let env = TestEnv::new();
    for (name, addr) in [("sandbox_any_v4", "0.0.0.0:0"), ("sandbox_any_v6", "[::]:0"), ("sandbox_lan", "192.0.2.1:0")]
    {
        let mut cmd = env.command();
        cmd.args(["sandbox", "--listen", addr]);
        let (run, _) = finish(cmd, None);
        snap(&env, name, &[], &run);
    }
}

// --- 13 and the canary: secrets stay out of argv, output, logs and files ---

/// Values that must never show up anywhere but where they were sent.
const CANARY_TOKEN: &str = "acctl_canary0token0f00dfeedfacecafe";
const CANARY_CODE: &str = "80417263";
const CANARY_PASSWORD: &str = "Canary-Passw0rd-gullible-kestrel-9";
const CANARY_VERIFICATION: &str = "vt_canary0verification0deadbeef";

/// A run with a secret on stdin, written only after acctl's argv was read
/// from /proc (so acctl is waiting on stdin when it is read).
fn secret_run(env: &TestEnv, args: &[&str], vars: &[(&str, &str)], stdin: Option<&str>) -> (Run, String) {
    let mut cmd = env.command();
    cmd.args(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    finish(cmd, stdin.map(str::as_bytes))
}

#[test]
fn the_verification_token_is_never_taken_from_the_command_line() {
    let env = TestEnv::new();
    let run =
        env.run_as("agent", &["password", "set", "acc_demobob", "--verification", CANARY_VERIFICATION, "--deliver"]);
    snap(&env, "verification_flag_refused", &[], &run);
    assert!(!run.stderr.contains(CANARY_VERIFICATION));
    let help = env.run(&["password", "set", "--help"]);
    snap(&env, "password_set_help", &[], &help);
}

#[test]
fn canary_secrets_never_appear_in_argv_output_logs_or_files() {
    let env = TestEnv::new();
    let agent = env.token("agent").to_owned();
    let mut runs: Vec<(String, Run, String)> = Vec::new();
    let mut record = |what: &str, (run, cmdline): (Run, String)| runs.push((what.to_owned(), run, cmdline));
    let trace = [("ACCTL_LOG", "trace")];

    // A token that does not work: login (with no keyring here it stops at the
    // keyring check, exit 8; to the file it is refused, exit 4), and as ACCTL_TOKEN.
    let login = ["auth", "login", "--with-token", "-vvv"];
    record("login, bad token", secret_run(&env, &login, &[], Some(&format!("{CANARY_TOKEN}\n"))));
    let login_file = ["auth", "login", "--with-token", "--insecure-storage"];
    record("login to file, bad token", secret_run(&env, &login_file, &trace, Some(&format!("{CANARY_TOKEN}\n"))));
    record(
        "ACCTL_TOKEN, bad",
        secret_run(&env, &["lookup", "acc_demobob", "-vvv"], &[("ACCTL_TOKEN", CANARY_TOKEN)], None),
    );
    // A good token, no keyring, not asked to store it in a file.
    record("login, no keyring", secret_run(&env, &login, &[], Some(&format!("{agent}\n"))));

    // A wrong code, then the right one.
    let sent = env.run_as("agent", &["code", "send", "acc_demobob", "-o", "ndjson"]);
    let challenge = sent.json_lines()[0]["challenge_id"].as_str().expect("challenge id").to_owned();
    let verify = ["code", "verify", challenge.as_str(), "--code-stdin", "-vvv"];
    let as_agent = [("ACCTL_TOKEN", agent.as_str())];
    record("verify, wrong code", secret_run(&env, &verify, &as_agent, Some(&format!("{CANARY_CODE}\n"))));
    let customer = crate::common::Backend::new(&env);
    let code = customer.latest_code("acc_demobob");
    let verify_trace = ["code", "verify", challenge.as_str(), "--code-stdin", "-o", "ndjson"];
    let (verified, cmdline) = secret_run(
        &env,
        &verify_trace,
        &[("ACCTL_TOKEN", agent.as_str()), ("ACCTL_LOG", "trace")],
        Some(&format!("{code}\n")),
    );
    verified.assert_code(0);
    assert!(!cmdline.contains(&code) && !verified.stderr.contains(&code), "{}", verified.snapshot());
    let token = serde_json::from_str::<serde_json::Value>(verified.stdout.lines().last().expect("a record"))
        .expect("json")["verification_token"]
        .as_str()
        .expect("token")
        .to_owned();

    // A verification token that does not work, from stdin and from the environment.
    let set_stdin = ["password", "set", "acc_demobob", "--verification-stdin", "--deliver", "-vvv"];
    record("token on stdin, bad", secret_run(&env, &set_stdin, &as_agent, Some(&format!("{CANARY_VERIFICATION}\n"))));
    let set_env = ["password", "set", "acc_demobob", "--deliver", "-vvv"];
    record(
        "token in env, bad",
        secret_run(
            &env,
            &set_env,
            &[("ACCTL_TOKEN", agent.as_str()), ("ACCTL_VERIFICATION", CANARY_VERIFICATION)],
            None,
        ),
    );
    // The right token with a password the policy refuses, then the canary password.
    let set_password = ["password", "set", "acc_demobob", "--password-stdin", "-vvv"];
    let with_token = [("ACCTL_TOKEN", agent.as_str()), ("ACCTL_VERIFICATION", token.as_str())];
    record(
        "weak password",
        secret_run(&env, &set_password, &with_token, Some(&format!("{CANARY_PASSWORD}-bob@example.com\n"))),
    );
    let traced = [("ACCTL_TOKEN", agent.as_str()), ("ACCTL_VERIFICATION", token.as_str()), ("ACCTL_LOG", "trace")];
    let (set, cmdline) = secret_run(
        &env,
        &["password", "set", "acc_demobob", "--password-stdin"],
        &traced,
        Some(&format!("{CANARY_PASSWORD}\n")),
    );
    set.assert_code(0);
    assert_eq!(customer.signs_in("acc_demobob", CANARY_PASSWORD), Ok(false), "the canary password was set");
    record("password set", (set, cmdline));

    let secrets = [CANARY_TOKEN, CANARY_CODE, CANARY_PASSWORD, CANARY_VERIFICATION, code.as_str(), token.as_str()];
    let mut codes = Vec::new();
    for (what, run, cmdline) in &runs {
        for secret in secrets {
            assert!(!run.stdout.contains(secret), "{what}: stdout holds a secret\n{}", run.snapshot());
            assert!(!run.stderr.contains(secret), "{what}: stderr holds a secret\n{}", run.snapshot());
            assert!(!cmdline.contains(secret), "{what}: argv holds a secret: {cmdline}");
        }
        assert!(!run.stderr.contains(&agent), "{what}: stderr holds the agent's token");
        codes.push(format!("{what}: {}", run.code));
    }
    // Each failing run failed the way it should (a run that never got to the secret proves nothing).
    insta::with_settings!({ snapshot_path => "snapshots/hostile", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("canary_exit_codes", codes.join("\n"));
    });
    let config = std::fs::read_to_string(env.config_path()).expect("config");
    let credentials = std::fs::read_to_string(env.data_dir().join("credentials.toml")).unwrap_or_default();
    for secret in secrets.iter().chain([&agent.as_str()]) {
        assert!(!config.contains(secret), "the config file holds a secret");
        assert!(!credentials.contains(secret), "the token file holds a secret nobody asked to store");
    }
}
