//! The `acctl-service` command line: minting tokens, importing and generating
//! accounts, and serving until SIGTERM — run as the real binary.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn service() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acctl-service"));
    cmd.env("ACCTL_SERVICE_LOG", "warn");
    cmd
}

fn run(cmd: &mut Command, stdin: Option<&str>) -> (i32, String, String) {
    let mut child = cmd
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("acctl-service runs");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("acctl-service finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// One request over a plain socket, with a bearer token when given and a
/// JSON body when given: (status line, body).
fn http(addr: &str, method: &str, path: &str, token: Option<&str>, body: Option<&str>) -> (String, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(token) = token {
        head.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    if let Some(body) = body {
        head.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
    }
    write!(stream, "{head}\r\n{}", body.unwrap_or_default()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (head.lines().next().unwrap_or_default().to_owned(), body.to_owned())
}

fn get(addr: &str, path: &str, token: &str) -> (String, String) {
    http(addr, "GET", path, Some(token), None)
}

/// Reads `serve`'s stderr up to the line starting with `prefix` (after
/// indentation) and answers the rest of that line.
fn line_after(stderr: &mut impl BufRead, prefix: &str) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(stderr.read_line(&mut line).expect("read") > 0, "serve printed no line starting `{prefix}`");
        if let Some(rest) = line.trim().strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
}

#[test]
fn import_checks_every_line_before_writing_any_and_never_echoes_a_password() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("accounts.db");
    let db = db.to_str().expect("utf-8 path");
    let bad = concat!(
        r#"{"email": "zoe@example.com", "display_name": "Zoe", "password": "zoe-secret-password-1"}"#,
        "\n",
        r#"{"email": "yan@example.com", "display_name": "Yan", "pasword": "yan-secret-password-2"}"#,
        "\n",
    );
    let (code, _, stderr) = run(service().args(["accounts", "import", "--db", db, "--create", "-"]), Some(bad));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("line 2"), "the error names the line: {stderr}");
    assert!(stderr.contains("pasword"), "the error names the unknown field: {stderr}");
    assert!(!stderr.contains("secret-password"), "no password in an error: {stderr}");

    let good = concat!(
        r#"{"email": "zoe@example.com", "display_name": "Zoe", "password": "zoe-secret-password-1", "devices": [{"model": "Pixel 8"}]}"#,
        "\n\n",
        r#"{"phone": "+8613800138011", "display_name": "Yan", "mfa": false}"#,
        "\n",
    );
    let (code, _, stderr) = run(service().args(["accounts", "import", "--db", db, "--create", "-"]), Some(good));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Imported 2 accounts"), "{stderr}");

    let (code, token, stderr) =
        run(service().args(["token", "create", "--db", db, "--actor", "ops-olga", "--role", "admin"]), None);
    assert_eq!(code, 0, "{stderr}");
    let token = token.trim().to_owned();
    assert!(token.starts_with("acctl_") && token.len() > 30, "{token}");
    assert!(stderr.contains("shown only this once"), "{stderr}");

    let (code, _, stderr) = run(service().args(["accounts", "generate", "--db", db, "--count", "250"]), None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Generated 250 accounts"), "{stderr}");

    // Serve what was loaded, then stop on SIGTERM like a service manager does.
    let mut child = service()
        .args(["serve", "--listen", "127.0.0.1:0", "--db", db])
        .env("ACCTL_SERVICE_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let addr = line_after(&mut stderr, "acctl-service listening on http://");
    let (status, body) = get(&addr, "/v1/accounts?email=zoe@example.com&reveal=true", &token);
    assert!(status.contains("200"), "{status} {body}");
    assert!(body.contains(r#""email":"zoe@example.com""#) && body.contains("Pixel 8"), "{body}");
    assert!(!body.contains("zoe-secret-password"), "{body}");
    let (status, _) = get(&addr, "/v1/accounts/acc_load0000000249", &token);
    assert!(status.contains("200"), "{status}");
    let (status, _) = get(&addr, "/v1/whoami", "acctl_not-a-token");
    assert!(status.contains("401"), "{status}");

    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().expect("kill");
    assert!(killed.success());
    let mut rest = String::new();
    let _ = stderr.read_to_string(&mut rest);
    let status = child.wait().expect("serve exits");
    assert!(status.success(), "a graceful stop exits 0: {status:?}\n{rest}");
    assert!(rest.contains("shutting down"), "{rest}");
}

/// A token minted into a database no service reads is a 401 waiting to
/// happen: each command that writes to a database refuses one that does not
/// exist, naming it, and creates nothing, unless `--create` asks for it.
#[test]
fn commands_that_write_refuse_a_database_that_does_not_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().to_str().expect("utf-8 path");
    let attempts: [&[&str]; 4] = [
        &["token", "create", "--actor", "alice", "--role", "agent"],
        &["token", "create", "--db", "typo.db", "--actor", "alice", "--role", "agent"],
        &["accounts", "generate", "--count", "1"],
        &["accounts", "import", "-"],
    ];
    let mut seen = String::new();
    for args in attempts {
        let (code, stdout, stderr) = run(service().current_dir(dir.path()).args(args), Some(""));
        seen.push_str(&format!(
            "$ acctl-service {}\nexit {code}\n{stdout}{}",
            args.join(" "),
            stderr.replace(home, "[DIR]")
        ));
    }
    assert_eq!(
        seen,
        "$ acctl-service token create --actor alice --role agent
exit 1
error: the database `[DIR]/accounts.db` does not exist
hint: pass the `--db` that `acctl-service serve` uses, or add `--create` to start a new database there
$ acctl-service token create --db typo.db --actor alice --role agent
exit 1
error: the database `[DIR]/typo.db` does not exist
hint: pass the `--db` that `acctl-service serve` uses, or add `--create` to start a new database there
$ acctl-service accounts generate --count 1
exit 1
error: the database `[DIR]/accounts.db` does not exist
hint: pass the `--db` that `acctl-service serve` uses, or add `--create` to start a new database there
$ acctl-service accounts import -
exit 1
error: the database `[DIR]/accounts.db` does not exist
hint: pass the `--db` that `acctl-service serve` uses, or add `--create` to start a new database there
"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").map(|e| e.map(|e| e.file_name())).collect();
    assert!(left.is_empty(), "nothing was created: {left:?}");

    let (code, token, stderr) = run(
        service().current_dir(dir.path()).args(["token", "create", "--create", "--actor", "a", "--role", "agent"]),
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(token.trim().starts_with("acctl_"), "{token}");
    assert!(dir.path().join("accounts.db").exists());
}

#[test]
fn a_sandbox_is_seeded_and_its_printed_tokens_work_as_soon_as_it_answers() {
    // Scripts (CI's schemathesis run among them) wait for /healthz and then
    // use the demo accounts and the printed tokens straight away.
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let addr = format!("127.0.0.1:{port}");
    let db = dir.path().join("sandbox.db");
    let mut child = service()
        .args(["serve", "--listen", &addr, "--db", db.to_str().unwrap(), "--sandbox", "--demo"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let started = std::time::Instant::now();
    while TcpStream::connect(&addr).is_err() || !http(&addr, "GET", "/healthz", None, None).0.contains("200") {
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "the sandbox never answered");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let login = r#"{"identifier":{"kind":"id","value":"acc_demoalice"},"password":"demo-password-2026"}"#;
    let (status, _) = http(&addr, "POST", "/v1/auth/login", None, Some(login));
    assert!(status.contains("200"), "alice cannot sign in at the first answer: {status}");
    let token = line_after(&mut BufReader::new(child.stderr.take().expect("stderr")), "admin token: ");
    let (status, body) = get(&addr, "/v1/whoami", &token);
    assert!(status.contains("200") && body.contains("sandbox-admin"), "{status} {body}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn import_merges_or_refuses_look_alike_addresses() {
    // Before: each of these imported as its own account, visually identical
    // to jose@ / josé@ / alice@.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("accounts.db");
    let db = db.to_str().expect("utf-8 path");
    let first = concat!(
        r#"{"email": "jos\u00e9@example.com", "display_name": "José"}"#,
        "\n",
        r#"{"email": "alice@example.com", "display_name": "Alice"}"#,
        "\n",
    );
    let (code, _, stderr) = run(service().args(["accounts", "import", "--db", db, "--create", "-"]), Some(first));
    assert_eq!((code, stderr.trim()), (0, format!("Imported 2 accounts into `{db}`.").as_str()));

    let import_one = |line: &str| run(service().args(["accounts", "import", "--db", db, "-"]), Some(line));
    // Another spelling of the same address is the same address: a duplicate.
    for (line, shown) in [
        (r#"{"email": "jose\u0301@example.com"}"#, "jos\u{e9}@example.com"),
        (r#"{"email": "\uff4a\uff4f\uff53\u00e9@example.com"}"#, "jos\u{e9}@example.com"),
        (r#"{"email": "\uff41\uff4c\uff49\uff43\uff45@example.com"}"#, "alice@example.com"),
    ] {
        let (code, _, stderr) = import_one(line);
        assert_eq!(code, 1, "{line}: {stderr}");
        assert!(stderr.contains(&format!("an account with email `{shown}` already exists")), "{line}: {stderr}");
    }
    // Invisible and direction characters are refused, and shown escaped.
    for (line, shown) in [
        (r#"{"email": "jos\u00e9\u200b@example.com"}"#, "jos\u{e9}\\u{200b}@example.com"),
        (r#"{"email": "\u202ejos\u00e9@example.com"}"#, "\\u{202e}jos\u{e9}@example.com"),
    ] {
        let (code, _, stderr) = import_one(line);
        assert_eq!(code, 1, "{line}: {stderr}");
        assert_eq!(
            stderr.trim(),
            format!(
                "error: line 1: `{shown}` is not an email address: the part before `@` contains an invisible or \
                 text-direction character; nothing was imported"
            ),
        );
    }
    // A different address that looks the same is refused.
    for (line, shown) in [
        (r#"{"email": "al\u0131ce@example.com"}"#, "al\u{131}ce@example.com"),
        (r#"{"email": "\u0430lice@example.com"}"#, "\u{430}lice@example.com"),
    ] {
        let (code, _, stderr) = import_one(line);
        assert_eq!(code, 1, "{line}: {stderr}");
        assert_eq!(
            stderr.trim(),
            format!(
                "error: line 1: `{shown}` looks like the address `alice@example.com` of another account; nothing \
                 was imported"
            ),
        );
    }
    // And within one file.
    let pair = concat!(r#"{"email": "bob@example.com"}"#, "\n", r#"{"email": "B\u043eb@example.com"}"#, "\n");
    let (code, _, stderr) = import_one(pair);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("line 2: `B\u{43e}b@example.com` looks like the address `bob@example.com`"), "{stderr}");
    let (code, _, stderr) =
        run(service().args(["accounts", "import", "--db", db, "-"]), Some("{\"email\": \"carol@example.com\"}\n"));
    assert_eq!(
        (code, stderr.trim()),
        (0, format!("Imported 1 accounts into `{db}`.").as_str()),
        "nothing of the refused files was kept"
    );
}
