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
