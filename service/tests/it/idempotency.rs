//! `Idempotency-Key` on mutations: a replay answers the first response and
//! does nothing twice; the same key with another body is refused.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{DEMO_PASSWORD, Reply, TestService, id};

async fn challenge_with_key(ts: &TestService, token: &str, key: &str, channel: &str) -> Reply {
    ts.request(Method::POST, "/v1/accounts/acc_demoalice/challenges")
        .token(token)
        .header("Idempotency-Key", key)
        .json(&json!({ "channel": channel }))
        .send()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_challenge_returns_the_first_answer_and_sends_one_code() {
    let ts = TestService::start().await;
    let first = challenge_with_key(&ts, &ts.agent, "key-1", "email").await.expect_status(201);
    let replay = challenge_with_key(&ts, &ts.agent, "key-1", "email").await.expect_status(201);
    assert_eq!(replay.text, first.text, "the identical body");
    assert_eq!(replay.str("challenge_id"), first.str("challenge_id"));
    assert_eq!(replay.header("Idempotent-Replayed"), Some("true"));
    assert_eq!(first.header("Idempotent-Replayed"), None, "the first answer is no replay");
    assert_eq!(ts.messages("acc_demoalice", "verification_code").await.len(), 1, "only one code went out");

    let reused = challenge_with_key(&ts, &ts.agent, "key-1", "sms").await;
    reused.expect_problem(422, "idempotency_key_reused");
    assert_eq!(ts.messages("acc_demoalice", "verification_code").await.len(), 1);

    // Keys belong to an actor: another operator's same key is a new request,
    // here stopped by the resend cooldown rather than replayed.
    let other = challenge_with_key(&ts, &ts.sre, "key-1", "email").await;
    assert_ne!(other.header("Idempotent-Replayed"), Some("true"), "{}", other.text);
    other.expect_rate_limited();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_forced_reset_delivers_one_temporary_password() {
    let ts = TestService::start().await;
    let reset = || {
        ts.request(Method::PUT, "/v1/accounts/acc_demobob/password")
            .token(&ts.sre)
            .header("Idempotency-Key", "bulk-job-1:acc_demobob")
            .json(&json!({ "mode": "deliver", "revoke_sessions": true }))
            .send()
    };
    let first = reset().await.expect_status(200);
    ts.advance(30);
    let replay = reset().await.expect_status(200);
    assert_eq!(replay.text, first.text);
    let temporaries: Vec<Value> = ts.messages("acc_demobob", "temporary_password").await;
    assert_eq!(temporaries.len(), 1, "applied once");
    let temporary = temporaries[0]["secret"].as_str().expect("temporary password");
    ts.login(id("acc_demobob"), temporary).await.expect_status(200);
    ts.login(id("acc_demobob"), DEMO_PASSWORD).await.expect_problem(401, "invalid_credentials");
    let events = ts.audit(&ts.sre, "account_id=acc_demobob&action=password.set").await;
    assert_eq!(events.len(), 1, "one change, one audit event: {events:?}");

    let different = ts
        .request(Method::PUT, "/v1/accounts/acc_demobob/password")
        .token(&ts.sre)
        .header("Idempotency-Key", "bulk-job-1:acc_demobob")
        .json(&json!({ "mode": "deliver", "revoke_sessions": false }))
        .send()
        .await;
    different.expect_problem(422, "idempotency_key_reused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_are_remembered_for_a_day() {
    let ts = TestService::start().await;
    let first = challenge_with_key(&ts, &ts.agent, "monday-morning", "email").await.expect_status(201);
    ts.advance(23 * 3600);
    let replay = challenge_with_key(&ts, &ts.agent, "monday-morning", "email").await.expect_status(201);
    assert_eq!(replay.text, first.text, "still the first answer 23 h later");
    assert_eq!(ts.messages("acc_demoalice", "verification_code").await.len(), 1);
    // A lock replayed does not lock twice or change the answer.
    let lock = || {
        ts.request(Method::POST, "/v1/accounts/acc_demobob:lock")
            .token(&ts.sre)
            .header("Idempotency-Key", "lock-bob")
            .json(&json!({}))
            .send()
    };
    let locked = lock().await.expect_status(200);
    assert_eq!(lock().await.text, locked.text);
    let events = ts.audit(&ts.sre, "account_id=acc_demobob&action=account.lock").await;
    assert_eq!(events.len(), 1, "one lock: {events:?}");
}

/// The service's database, read directly (what it keeps at rest).
fn database(ts: &TestService) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(ts.store().path(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the database")
}

/// Sends a keyed forced reset of bob and hangs up `after` it was written.
fn keyed_reset_hung_up(addr: &str, token: &str, key: &str, after: std::time::Duration) {
    use std::io::Write;
    let body = r#"{"mode":"deliver","revoke_sessions":true}"#;
    let head = format!(
        "PUT /v1/accounts/acc_demobob/password HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Idempotency-Key: {key}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    if let Ok(mut stream) = std::net::TcpStream::connect(addr) {
        let _ = stream.write_all(head.as_bytes());
        std::thread::sleep(after);
        let _ = stream.shutdown(std::net::Shutdown::Both);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_whose_connection_dropped_is_answered_or_runs_again_never_stuck_in_flight() {
    // Issue 10.4: the retry of a request whose client hung up must not be
    // 409 `idempotency_key_in_flight` (for 48 h, as it was): it replays the
    // finished answer, or runs.
    let ts = TestService::start().await;
    let addr = ts.url.trim_start_matches("http://").to_owned();
    for (n, ms) in [0u64, 2, 5, 10, 20, 40, 80].into_iter().enumerate() {
        let key = format!("hung-up-{n}");
        let (a, t, k) = (addr.clone(), ts.sre.clone(), key.clone());
        tokio::task::spawn_blocking(move || keyed_reset_hung_up(&a, &t, &k, std::time::Duration::from_millis(ms)))
            .await
            .expect("client thread");
        let retry = ts
            .request(Method::PUT, "/v1/accounts/acc_demobob/password")
            .token(&ts.sre)
            .header("Idempotency-Key", &key)
            .json(&json!({ "mode": "deliver", "revoke_sessions": true }))
            .send()
            .await;
        let retry = retry.expect_status(200);
        let again = ts
            .request(Method::PUT, "/v1/accounts/acc_demobob/password")
            .token(&ts.sre)
            .header("Idempotency-Key", &key)
            .json(&json!({ "mode": "deliver", "revoke_sessions": true }))
            .send()
            .await
            .expect_status(200);
        assert_eq!(again.header("Idempotent-Replayed"), Some("true"));
        assert_eq!(again.text, retry.text, "one answer per key");
        ts.advance(1);
    }
    // One change per key: seven resets, seven temporary passwords, seven events.
    let events = ts.audit(&ts.sre, "account_id=acc_demobob&action=password.set").await;
    assert_eq!(events.len(), 7, "{events:?}");
    assert_eq!(ts.messages("acc_demobob", "temporary_password").await.len(), 7);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyed_batch_lookups_are_not_stored() {
    // Issue 10.9: answers of read-only requests are not kept (they filled
    // the disk at ~45 MB/s); the key is accepted and the lookup just runs.
    let ts = TestService::start().await;
    let lookup = || {
        ts.request(Method::POST, "/v1/accounts:batchLookup")
            .token(&ts.agent)
            .header("Idempotency-Key", "lookup-1")
            .json(&json!({ "identifiers": [id("acc_demoalice"), id("acc_demobob")] }))
            .send()
    };
    let first = lookup().await.expect_status(200);
    let second = lookup().await.expect_status(200);
    assert_eq!(second.header("Idempotent-Replayed"), None, "a lookup is answered afresh");
    assert_eq!(second.text, first.text);
    let stored: i64 =
        database(&ts).query_row("SELECT count(*) FROM idempotency", [], |r| r.get(0)).expect("idempotency table");
    assert_eq!(stored, 0, "nothing stored for a read");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_stores_a_bounded_number_of_answers() {
    // Issue 10.9: fill one token's share of stored answers, as a flood would
    // (a small share, so the test fills it fast; the default is 100,000).
    const CAP: u64 = 50;
    let ts = TestService::start_with(|config| config.idempotency_keys_per_token = CAP).await;
    let scope = acctl_service::secrets::sha256_hex(&ts.sre);
    {
        let mut conn = rusqlite::Connection::open(ts.store().path()).expect("open the database");
        conn.busy_timeout(std::time::Duration::from_secs(10)).expect("busy timeout");
        let tx = conn.transaction().expect("transaction");
        let now = crate::common::t0().unix_timestamp() * 1000;
        for n in 0..CAP {
            tx.execute(
                "INSERT INTO idempotency (scope, key, fingerprint, status, content_type, body, created_at)
                 VALUES (?1, ?2, 'x', 200, 'application/json', x'7b7d', ?3)",
                (&scope, format!("flood-{n}"), now),
            )
            .expect("a stored answer");
        }
        tx.commit().expect("commit");
    }
    let lock = |key: Option<&'static str>| {
        let call = ts.request(Method::POST, "/v1/accounts/acc_demograce:lock").token(&ts.sre).json(&json!({}));
        match key {
            Some(k) => call.header("Idempotency-Key", k),
            None => call,
        }
        .send()
    };
    let retry_after = lock(Some("one-more")).await.expect_rate_limited();
    assert!(retry_after > 47 * 3600, "until the oldest answer expires (48 h): {retry_after} s");
    let grace = ts.get("/v1/accounts/acc_demograce", &ts.sre).await.expect_status(200);
    assert_eq!(grace.json["status"], "active", "a refused request changed nothing");
    // Other tokens, and requests without a key, are not affected.
    ts.request(Method::POST, "/v1/accounts/acc_demograce:lock")
        .token(&ts.admin)
        .header("Idempotency-Key", "one-more")
        .json(&json!({}))
        .send()
        .await
        .expect_status(200);
    lock(None).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_fingerprint_does_not_give_away_a_forced_password() {
    // Issue 10.10: the fingerprint of a `set` request used to be the plain
    // SHA-256 of method, path, query and body, so a word list recovered the
    // password from the database. Now it is keyed with a server secret.
    let ts = TestService::start().await;
    let body = json!({ "mode": "set", "password": "correct horse battery staple 2026", "revoke_sessions": true });
    let bytes = serde_json::to_vec(&body).expect("json");
    ts.request(Method::PUT, "/v1/accounts/acc_demobob/password")
        .token(&ts.sre)
        .header("Idempotency-Key", "set-bob")
        .header("Content-Type", "application/json")
        .raw(bytes.clone())
        .send()
        .await
        .expect_status(200);
    use sha2::Digest;
    let conn = database(&ts);
    let fingerprint: String =
        conn.query_row("SELECT fingerprint FROM idempotency", [], |r| r.get(0)).expect("a stored answer");
    // What it used to be: SHA-256 of method, path, query and body, with a zero byte between.
    let mut guess = sha2::Sha256::new();
    guess.update(b"PUT\0/v1/accounts/acc_demobob/password\0\0");
    guess.update(&bytes);
    assert_ne!(fingerprint, hex::encode(guess.finalize()), "not the unkeyed hash a word list can match");
    assert_ne!(fingerprint, hex::encode(sha2::Sha256::digest(&bytes)));
    let secret: Vec<u8> = conn
        .query_row("SELECT value FROM meta WHERE name = 'idempotency_key'", [], |r| r.get(0))
        .expect("the server secret");
    assert_eq!(secret.len(), 32, "a 256-bit key, generated once per database");
    // The key still works: the same request is a replay.
    let replay = ts
        .request(Method::PUT, "/v1/accounts/acc_demobob/password")
        .token(&ts.sre)
        .header("Idempotency-Key", "set-bob")
        .header("Content-Type", "application/json")
        .raw(bytes)
        .send()
        .await
        .expect_status(200);
    assert_eq!(replay.header("Idempotent-Replayed"), Some("true"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_belong_to_a_token_and_an_actor_name_has_one_role() {
    // Issue 10.11: an agent token sharing an admin's actor name got a replay
    // of the admin's unmasked answer. Keys are scoped by token now, and a
    // second token for a name with another role is refused.
    let ts = TestService::start().await;
    let refused = ts.store().create_token(crate::common::ADMIN, acctl_api::Role::Agent);
    let message = refused.expect_err("a second role for one actor name is refused").to_string();
    assert!(
        message.contains(&format!("`{}`", crate::common::ADMIN)) && message.contains("`admin`"),
        "the error names the actor and its role: {message}"
    );
    let second_sre = ts.store().create_token(crate::common::SRE, acctl_api::Role::Sre).expect("same role is fine");
    let lock = |token: &str| {
        ts.request(Method::POST, "/v1/accounts/acc_demograce:lock")
            .token(token)
            .header("Idempotency-Key", "lock-grace")
            .json(&json!({}))
            .send()
    };
    lock(&ts.sre).await.expect_status(200);
    let other = lock(&second_sre).await.expect_status(200);
    assert_eq!(other.header("Idempotent-Replayed"), None, "another token's key is its own");
    let events = ts.audit(&ts.sre, "account_id=acc_demograce&action=account.lock").await;
    assert_eq!(events.len(), 2, "both ran: {events:?}");
}
