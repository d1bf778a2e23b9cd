//! A client that hangs up mid-request can never separate a change from its
//! audit event and its messages (issue 10.1, DESIGN §6).
//!
//! A raw TCP client sends each mutation and closes the connection after a
//! growing delay (from "at once" to "just before the answer"), or after half
//! of the body. The SMS gateway is a real webhook that takes 150 ms per
//! message, as a real one might. After every cut the database itself is
//! checked: each applied change has exactly one audit event stamped with the
//! same instant, and the messages that change sends; nothing is half-applied.

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use serde_json::{Value, json};

use crate::common::{TestService, id};

/// A webhook that takes `delay` to accept each SMS.
async fn slow_sms_webhook(delay: Duration) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the webhook");
    let addr = listener.local_addr().expect("webhook address");
    let app = axum::Router::new().route(
        "/sms",
        axum::routing::post(move || async move {
            tokio::time::sleep(delay).await;
            "ok"
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/sms")
}

/// Sends a request and hangs up `after` it was written, having sent only
/// `body_bytes` of the body. Blocking: run it on a plain thread.
fn send_and_hang_up(addr: SocketAddr, head: String, body: Vec<u8>, body_bytes: usize, after: Duration) {
    let Ok(mut stream) = TcpStream::connect(addr) else { return };
    let _ = stream.set_nodelay(true);
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body[..body_bytes.min(body.len())]);
    std::thread::sleep(after);
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

struct Cutter {
    addr: SocketAddr,
}

impl Cutter {
    fn head(&self, method: &str, path: &str, token: &str, body: &[u8]) -> String {
        format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            body.len()
        )
    }

    /// The request, answered normally: how long it takes.
    async fn timed(&self, method: &str, path: &str, token: &str, body: &Value) -> Duration {
        let client = reqwest::Client::builder().no_proxy().build().expect("client");
        let url = format!("http://{}{path}", self.addr);
        let started = Instant::now();
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let reply = client.request(method, url).bearer_auth(token).json(body).send().await.expect("answered");
        assert!(reply.status().is_success(), "the uncut request works: {}", reply.status());
        started.elapsed()
    }

    /// Sends the request and hangs up after `after`; `half` sends only half
    /// of the body.
    async fn cut(&self, method: &str, path: &str, token: &str, body: &Value, after: Duration, half: bool) {
        let body = serde_json::to_vec(body).expect("json");
        let head = self.head(method, path, token, &body);
        let bytes = if half { body.len() / 2 } else { body.len() };
        let addr = self.addr;
        tokio::task::spawn_blocking(move || send_and_hang_up(addr, head, body, bytes, after))
            .await
            .expect("the client thread");
    }
}

/// The delays to hang up after, spread over `full` (an uncut request's time).
fn delays(full: Duration) -> Vec<Duration> {
    let mut out: Vec<Duration> = (0..=10).map(|k| full * k / 10).collect();
    out.push(Duration::from_millis(2));
    out
}

fn db(ts: &TestService) -> Connection {
    Connection::open_with_flags(ts.store().path(), OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open the database")
}

/// A signed-in session of the account, as `POST /v1/auth/login` makes one.
fn open_session(ts: &TestService, account: &str, n: usize) {
    let conn = Connection::open(ts.store().path()).expect("open the database");
    conn.busy_timeout(Duration::from_secs(10)).expect("busy timeout");
    conn.execute(
        "INSERT INTO sessions (id, account_id, created_at) VALUES (?1, ?2, 0)",
        (format!("ses_test{n}"), account),
    )
    .expect("a session");
}

fn count(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> i64 {
    conn.query_row(sql, params, |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Times (ms) of `action` audit events with `outcome` on the account.
fn audit_times(conn: &Connection, account: &str, action: &str, outcome: &str) -> Vec<i64> {
    let mut stmt = conn
        .prepare("SELECT at FROM audit WHERE account_id = ?1 AND action = ?2 AND outcome = ?3 ORDER BY id")
        .expect("prepare");
    stmt.query_map((account, action, outcome), |r| r.get(0)).expect("query").map(|r| r.expect("row")).collect()
}

/// Rows of `sql` (bound to the account) as `(instant, number)` pairs, summed per instant.
fn per_instant(conn: &Connection, sql: &str, account: &str) -> std::collections::BTreeMap<i64, i64> {
    let mut stmt = conn.prepare(sql).expect("prepare");
    let mut out = std::collections::BTreeMap::new();
    for row in stmt.query_map([account], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))).expect("query") {
        let (at, n) = row.expect("row");
        *out.entry(at).or_insert(0) += n;
    }
    out
}

/// Every forced reset the database shows applied (sessions revoked at an
/// instant) has its `password.set` success at that instant, counting the
/// sessions it revoked; each such event has its notices to both contacts
/// and, in deliver mode, its temporary password — and no temporary password
/// went out without one. Answers how many resets were applied.
fn check_password_changes(conn: &Connection, account: &str) -> i64 {
    let revoked = per_instant(
        conn,
        "SELECT revoked_at, count(*) FROM sessions WHERE account_id = ?1 AND revoked_at IS NOT NULL GROUP BY revoked_at",
        account,
    );
    let events = "FROM audit WHERE account_id = ?1 AND action = 'password.set' AND outcome = 'success'";
    let audited_revocations = per_instant(
        conn,
        &format!("SELECT at, CAST(substr(detail, instr(detail, 'sessions_revoked=') + 17) AS INTEGER) {events}"),
        account,
    );
    let audited_revocations: std::collections::BTreeMap<i64, i64> =
        audited_revocations.into_iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(revoked, audited_revocations, "sessions revoked at T are the ones password.set events at T counted");
    let changes = per_instant(conn, &format!("SELECT at, 1 {events}"), account);
    let notices =
        per_instant(conn, "SELECT at, 1 FROM outbox WHERE account_id = ?1 AND kind = 'password_changed'", account);
    let twice: std::collections::BTreeMap<i64, i64> = changes.iter().map(|(at, n)| (*at, 2 * n)).collect();
    assert_eq!(notices, twice, "each change notifies email and phone once, with the change");
    let temporaries =
        per_instant(conn, "SELECT at, 1 FROM outbox WHERE account_id = ?1 AND kind = 'temporary_password'", account);
    let delivers = per_instant(conn, &format!("SELECT at, 1 {events} AND detail LIKE 'mode=deliver%'"), account);
    assert_eq!(temporaries, delivers, "a temporary password goes out exactly when a deliver reset is applied");
    changes.values().sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_forced_reset_cut_off_at_any_point_is_applied_whole_or_not_at_all() {
    let webhook = slow_sms_webhook(Duration::from_millis(150)).await;
    let ts = TestService::start_with(|config| config.sms_webhook = Some(webhook)).await;
    let cutter = Cutter { addr: ts.url.trim_start_matches("http://").parse().expect("address") };
    let path = "/v1/accounts/acc_demobob/password";
    let deliver = json!({ "mode": "deliver", "revoke_sessions": true });
    ts.login(id("acc_demobob"), crate::common::DEMO_PASSWORD).await.expect_status(200);
    let full = cutter.timed("PUT", path, &ts.sre, &deliver).await.max(Duration::from_millis(200));
    for (n, after) in delays(full).into_iter().enumerate() {
        // A fresh session for each reset to revoke, at a new instant (the
        // customer's password changes with every applied reset, so the
        // session is opened as sign-in would, in the database).
        ts.advance(10);
        open_session(&ts, "acc_demobob", n);
        let body = if n % 2 == 0 {
            deliver.clone()
        } else {
            json!({ "mode": "set", "password": format!("a long and unguessable passphrase no {n}"), "revoke_sessions": true })
        };
        cutter.cut("PUT", path, &ts.sre, &body, after, n == 5).await;
        // Give the service the time an uncut request takes, then look.
        tokio::time::sleep(full).await;
        check_password_changes(&db(&ts), "acc_demobob");
    }
    tokio::time::sleep(full * 2).await;
    let applied = check_password_changes(&db(&ts), "acc_demobob");
    assert!(applied >= 2, "some cut-off resets were applied (whole): {applied}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn lock_unlock_and_revoke_cut_off_at_any_point_are_audited_when_applied() {
    let ts = TestService::start().await;
    let cutter = Cutter { addr: ts.url.trim_start_matches("http://").parse().expect("address") };
    let full = cutter.timed("POST", "/v1/accounts/acc_demograce:lock", &ts.sre, &json!({})).await;
    let full = full.max(Duration::from_millis(20));
    for after in delays(full) {
        ts.advance(1);
        let locked = db(&ts)
            .query_row("SELECT status FROM accounts WHERE id = 'acc_demograce'", [], |r| r.get::<_, String>(0))
            .expect("grace")
            == "locked";
        let path = if locked { "/v1/accounts/acc_demograce:unlock" } else { "/v1/accounts/acc_demograce:lock" };
        cutter.cut("POST", path, &ts.sre, &json!({}), after, false).await;
        ts.login(id("acc_demoken"), crate::common::DEMO_PASSWORD).await.expect_status(200);
        cutter.cut("POST", "/v1/accounts/acc_demoken/sessions:revoke", &ts.sre, &json!({}), after, false).await;
        tokio::time::sleep(full).await;

        // The status is what the last audited lock or unlock made it.
        let conn = db(&ts);
        let last: Option<String> = conn
            .query_row(
                "SELECT action FROM audit WHERE account_id = 'acc_demograce' AND outcome = 'success'
                 AND action IN ('account.lock', 'account.unlock') ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .ok();
        let status: String =
            conn.query_row("SELECT status FROM accounts WHERE id = 'acc_demograce'", [], |r| r.get(0)).expect("grace");
        let expected = if last.as_deref() == Some("account.lock") { "locked" } else { "active" };
        assert_eq!(status, expected, "grace's status matches the audit log (last event {last:?})");

        // Every revocation instant has its sessions.revoke event, counting what it revoked.
        let mut stmt = conn
            .prepare(
                "SELECT revoked_at, count(*) FROM sessions WHERE account_id = 'acc_demoken' AND revoked_at IS NOT NULL
                 GROUP BY revoked_at",
            )
            .expect("prepare");
        let revoked: Vec<(i64, i64)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect();
        for (at, n) in &revoked {
            let detail: Vec<String> = {
                let mut stmt = conn
                    .prepare(
                        "SELECT detail FROM audit WHERE account_id = 'acc_demoken' AND action = 'sessions.revoke'
                         AND outcome = 'success' AND at = ?1",
                    )
                    .expect("prepare");
                stmt.query_map([at], |r| r.get(0)).expect("query").map(|r| r.expect("row")).collect()
            };
            assert!(
                detail.iter().any(|d| d == &format!("sessions_revoked={n}")),
                "{n} session(s) revoked at {at} with audit events {detail:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn codes_sent_and_verified_by_cut_off_requests_are_audited_with_their_messages() {
    let ts = TestService::start().await;
    let cutter = Cutter { addr: ts.url.trim_start_matches("http://").parse().expect("address") };
    let create = "/v1/accounts/acc_demodave/challenges";
    let sms = json!({ "channel": "sms" });
    let full = cutter.timed("POST", create, &ts.agent, &sms).await.max(Duration::from_millis(20));
    for after in delays(full) {
        // Past the hourly cap and the code's expiry: every send may go out.
        ts.advance(3601);
        cutter.cut("POST", create, &ts.agent, &sms, after, false).await;
        // And a verify of a code sent normally, cut off the same way.
        let (challenge, code) = ts.send_code(&ts.agent, "acc_democarol", "email").await;
        let verify = format!("/v1/challenges/{challenge}/verify");
        cutter.cut("POST", &verify, &ts.agent, &json!({ "code": code }), after, false).await;
        tokio::time::sleep(full).await;

        let conn = db(&ts);
        let mut stmt =
            conn.prepare("SELECT id, created_at FROM challenges WHERE account_id = 'acc_demodave'").expect("prepare");
        let challenges: Vec<(String, i64)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect();
        let audited = audit_times(&conn, "acc_demodave", "challenge.create", "success");
        assert_eq!(challenges.len(), audited.len(), "one challenge.create event per challenge");
        for (id, at) in &challenges {
            assert!(audited.contains(at), "challenge {id} made at {at} is audited then");
            let codes = count(
                &conn,
                "SELECT count(*) FROM outbox WHERE account_id = 'acc_demodave' AND kind = 'verification_code' AND at = ?1",
                [at],
            );
            assert_eq!(codes, 1, "challenge {id} queued its code with it");
        }

        // Every verified challenge has its success event and its token; no
        // token was issued without one.
        let mut stmt = conn
            .prepare(
                "SELECT id, verified_at FROM challenges WHERE account_id = 'acc_democarol' AND status = 'verified'",
            )
            .expect("prepare");
        let verified: Vec<(String, i64)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect();
        let events = audit_times(&conn, "acc_democarol", "challenge.verify", "success");
        assert_eq!(verified.len(), events.len(), "one challenge.verify success per verified challenge");
        let tokens = count(&conn, "SELECT count(*) FROM verification_tokens WHERE account_id = 'acc_democarol'", []);
        assert_eq!(tokens as usize, verified.len(), "one verification token per verified challenge");
        for (id, at) in &verified {
            let n = count(
                &conn,
                "SELECT count(*) FROM audit WHERE action = 'challenge.verify' AND outcome = 'success' AND at = ?1
                 AND detail LIKE '%' || ?2 || '%'",
                (at, id),
            );
            assert_eq!(n, 1, "challenge {id} verified at {at} is audited then");
        }
    }
}
