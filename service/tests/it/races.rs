//! The single-use and counting rules hold when requests race: what an
//! attacker (or a double-clicking agent, or a retrying script) sends at once.

use std::collections::HashMap;
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::task::Poll;

use reqwest::Method;
use serde_json::json;

use crate::common::{DEMO_PASSWORD, Reply, TestService, id, wrong_code};

fn tally(replies: &[Reply]) -> HashMap<(u16, String), usize> {
    let mut counts = HashMap::new();
    for reply in replies {
        let code = reply.json["code"].as_str().unwrap_or("-").to_owned();
        *counts.entry((reply.status, code)).or_default() += 1;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_wrong_codes_at_once_get_at_most_five_tries() {
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    let wrong = wrong_code(&code);
    let replies = join_all((0..10).map(|_| ts.verify(&ts.agent, &challenge, &wrong)).collect()).await;
    let counts = tally(&replies);
    let tries = counts.get(&(422, "invalid_code".into())).copied().unwrap_or(0);
    assert_eq!(tries, 5, "exactly five wrong tries are counted: {counts:?}");
    assert_eq!(counts.get(&(409, "challenge_used_up".into())).copied().unwrap_or(0), 5, "{counts:?}");
    let mut left: Vec<u64> = replies.iter().filter_map(|r| r.json["attempts_left"].as_u64()).collect();
    left.sort_unstable();
    assert_eq!(left, [0, 1, 2, 3, 4], "each try counted once");
    ts.verify(&ts.agent, &challenge, &code).await.expect_problem(409, "challenge_used_up");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn challenges_created_at_once_send_one_code() {
    let ts = TestService::start().await;
    let replies = join_all((0..8).map(|_| ts.create_challenge(&ts.agent, "acc_demobob", "email")).collect()).await;
    let counts = tally(&replies);
    assert_eq!(
        counts.get(&(201, "-".into())).copied(),
        Some(1),
        "one challenge, the rest wait the cooldown: {counts:?}"
    );
    assert_eq!(counts.get(&(429, "rate_limited".into())).copied(), Some(7), "{counts:?}");
    assert_eq!(ts.messages("acc_demobob", "verification_code").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_verification_token_used_at_once_changes_the_password_once() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demobob", "email").await;
    let passwords: Vec<String> = (0..4).map(|i| format!("racing passphrase number {i}")).collect();
    let requests = passwords.iter().map(|password| {
        let body = json!({ "mode": "set", "password": password, "verification_token": token });
        ts.set_password(&ts.agent, "acc_demobob", body)
    });
    let replies = join_all(requests.collect()).await;
    let counts = tally(&replies);
    assert_eq!(counts.get(&(200, "-".into())).copied(), Some(1), "single use under a race: {counts:?}");
    assert_eq!(counts.get(&(401, "verification_invalid".into())).copied(), Some(3), "{counts:?}");
    let winner = replies.iter().position(|r| r.status == 200).expect("a winner");
    ts.login(id("acc_demobob"), &passwords[winner]).await.expect_status(200);
    ts.login(id("acc_demobob"), DEMO_PASSWORD).await.expect_problem(401, "invalid_credentials");
    assert_eq!(ts.messages("acc_demobob", "password_changed").await.len(), 2, "one notice per contact, once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_idempotency_key_sent_at_once_sends_one_code() {
    let ts = TestService::start().await;
    let requests = (0..6).map(|_| {
        ts.request(Method::POST, "/v1/accounts/acc_demoalice/challenges")
            .token(&ts.agent)
            .header("Idempotency-Key", "double-click")
            .json(&json!({ "channel": "sms" }))
            .send()
    });
    let replies = join_all(requests.collect()).await;
    // The key is checked and answered in the transaction of the change, so
    // there is no "in flight": every request gets the one answer.
    assert!(replies.iter().all(|r| r.status == 201), "{:?}", tally(&replies));
    assert!(replies.iter().all(|r| r.text == replies[0].text), "every 201 is the same challenge");
    assert_eq!(ts.messages("acc_demoalice", "verification_code").await.len(), 1, "one code went out");
}

/// Drives every request at once (polled together, so they are in flight
/// at the same time) and collects the replies in order.
async fn join_all<F: Future<Output = Reply>>(requests: Vec<F>) -> Vec<Reply> {
    let mut pending: Vec<Pin<Box<F>>> = requests.into_iter().map(Box::pin).collect();
    let mut replies: Vec<Option<Reply>> = pending.iter().map(|_| None).collect();
    poll_fn(|cx| {
        for (request, reply) in pending.iter_mut().zip(replies.iter_mut()) {
            if reply.is_none()
                && let Poll::Ready(r) = request.as_mut().poll(cx)
            {
                *reply = Some(r);
            }
        }
        if replies.iter().all(Option::is_some) { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    replies.into_iter().flatten().collect()
}
