//! How customer sign-in defends itself (issue 10, items 2 and 3): a flood
//! is turned away with 503 `service_busy` instead of piling up argon2
//! hashes, repeated failures earn a growing wait (429 `rate_limited`, never
//! a lockout of the owner), and an oversized password is refused unhashed.
//!
//! Sources are told apart by binding clients to different loopback
//! addresses (127.0.0.2, 127.0.0.3, …), which all reach the service on
//! 127.0.0.1.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::{DEMO_PASSWORD, TestService, email, id};

/// A client whose connections come from `127.0.0.{last}`.
fn client_from(last: u8) -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("a reqwest client")
}

/// Signs in from `client`: (status, problem code, Retry-After).
async fn login_from(
    client: &reqwest::Client,
    ts: &TestService,
    identifier: Value,
    password: &str,
) -> (u16, Option<String>, Option<u64>) {
    let response = client
        .post(format!("{}/v1/auth/login", ts.url))
        .json(&json!({ "identifier": identifier, "password": password }))
        .send()
        .await
        .expect("the service answers");
    let status = response.status().as_u16();
    let retry_after = response.headers().get("Retry-After").and_then(|v| v.to_str().ok()?.parse().ok());
    let body: Value = response.json().await.unwrap_or(Value::Null);
    (status, body["code"].as_str().map(str::to_owned), retry_after)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_sign_ins_is_turned_away_fast_while_lookups_are_answered() {
    // Before: all 64 waited for their own argon2 hash (19 MiB each, on up
    // to 512 blocking threads) and none was refused.
    let ts = TestService::start().await;
    let flooder = client_from(2);
    let flood: Vec<_> = (0..64)
        .map(|_| {
            let (client, url) = (flooder.clone(), ts.url.clone());
            tokio::spawn(async move {
                let response = client
                    .post(format!("{url}/v1/auth/login"))
                    .json(&json!({ "identifier": { "kind": "id", "value": "acc_demoken" }, "password": DEMO_PASSWORD }))
                    .send()
                    .await
                    .expect("the service answers");
                let status = response.status().as_u16();
                let retry_after =
                    response.headers().get("Retry-After").and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
                let body: Value = response.json().await.unwrap_or(Value::Null);
                (status, body["code"].as_str().map(str::to_owned), retry_after)
            })
        })
        .collect();
    // Meanwhile an operator's lookup is answered.
    ts.get("/v1/accounts/acc_demoalice", &ts.agent).await.expect_status(200);
    let mut signed_in = 0;
    let mut busy = 0;
    for answer in flood {
        match answer.await.expect("a sign-in task") {
            (200, None, _) => signed_in += 1,
            (503, Some(code), Some(retry_after)) if code == "service_busy" && retry_after >= 1 => busy += 1,
            other => panic!("a sign-in answered {other:?}"),
        }
    }
    assert!(busy > 0, "64 concurrent sign-ins on a few hashing workers: some are told to come back");
    assert!(signed_in > 0, "the sign-ins let in are answered");
    // Once the flood is over, sign-in works again.
    ts.login(id("acc_demoken"), DEMO_PASSWORD).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_wrong_passwords_earn_a_growing_wait_and_the_wait_is_audited() {
    // Before: 1,000 wrong passwords were all answered 401, ~30 a second.
    let ts = TestService::start().await;
    let attacker = client_from(3);
    for n in 1..=6 {
        let answer = login_from(&attacker, &ts, email("bob@example.com"), "wrong guess number").await;
        assert_eq!(answer, (401, Some("invalid_credentials".into()), None), "guess {n}");
    }
    // The 6th failure started a 1 s wait: even the right password waits.
    assert_eq!(
        login_from(&attacker, &ts, email("bob@example.com"), DEMO_PASSWORD).await,
        (429, Some("rate_limited".into()), Some(1))
    );
    ts.advance(1);
    let answer = login_from(&attacker, &ts, email("bob@example.com"), "wrong guess number").await;
    assert_eq!(answer.0, 401, "after the wait, one more guess is checked");
    assert_eq!(login_from(&attacker, &ts, id("acc_demobob"), DEMO_PASSWORD).await.2, Some(2), "the wait doubles");
    // The phone number names the same account: same budget.
    let phone = json!({ "kind": "phone", "value": "+14155550132" });
    assert_eq!(login_from(&attacker, &ts, phone, DEMO_PASSWORD).await.0, 429);
    ts.advance(2);
    assert_eq!(login_from(&attacker, &ts, id("acc_demobob"), DEMO_PASSWORD).await.0, 200);

    // The first held-back attempt of each wait is audited, not every one.
    let denied: Vec<Value> = ts
        .audit(&ts.admin, "account_id=acc_demobob&action=login")
        .await
        .into_iter()
        .filter(|e| e["outcome"] == "denied")
        .collect();
    let details: Vec<&str> = denied.iter().map(|e| e["detail"].as_str().unwrap_or_default()).collect();
    assert_eq!(
        details,
        ["error=rate_limited throttled=account retry_after=2", "error=rate_limited throttled=account retry_after=1"],
        "newest first: {denied:?}"
    );
    assert!(denied.iter().all(|e| e["actor"] == "customer"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attacker_cannot_lock_the_owner_out() {
    let ts = TestService::start().await;
    let (home, attacker) = (client_from(4), client_from(5));
    assert_eq!(login_from(&home, &ts, email("grace@example.com"), DEMO_PASSWORD).await.0, 200);
    for _ in 0..8 {
        let _ = login_from(&attacker, &ts, email("grace@example.com"), "not her password at all").await;
    }
    let held = login_from(&attacker, &ts, email("grace@example.com"), DEMO_PASSWORD).await;
    assert_eq!((held.0, held.1.as_deref()), (429, Some("rate_limited")));
    // The owner signs in from where she signed in before.
    assert_eq!(login_from(&home, &ts, email("grace@example.com"), DEMO_PASSWORD).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_known_accounts_are_throttled_alike() {
    // No enumeration through 429s: an address with no account earns the
    // same answers as one with an account.
    let ts = TestService::start().await;
    let client = client_from(6);
    let mut answers = Vec::new();
    for address in ["carol@example.org", "nobody-here@example.org"] {
        let mut seen = Vec::new();
        for _ in 0..8 {
            seen.push(login_from(&client, &ts, email(address), "some wrong password").await);
        }
        answers.push(seen);
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0][6], (429, Some("rate_limited".into()), Some(1)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_source_guessing_across_accounts_is_held_back() {
    let ts = TestService::start().await;
    let client = client_from(7);
    for n in 0..21 {
        let answer = login_from(&client, &ts, email(&format!("spray{n}@example.com")), "Summer2026!").await;
        assert_eq!(answer.0, 401, "guess {n}");
    }
    let held = login_from(&client, &ts, email("fresh@example.com"), "Summer2026!").await;
    assert_eq!(held, (429, Some("rate_limited".into()), Some(1)));
    // Another source is not affected.
    assert_eq!(login_from(&client_from(8), &ts, id("acc_demoken"), DEMO_PASSWORD).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_password_fails_without_being_hashed() {
    // 600,000 × U+FDFA is 1.8 MB, and 10.8 million characters after NFKC:
    // before, it was normalised and hashed (412 ms); now it is refused on
    // its size, and the audit event says so.
    let ts = TestService::start().await;
    let huge = "\u{FDFA}".repeat(600_000);
    ts.login(id("acc_demoken"), &huge).await.expect_problem(401, "invalid_credentials");
    let events = ts.audit(&ts.admin, "account_id=acc_demoken&action=login").await;
    assert_eq!(events[0]["outcome"], "failed");
    assert_eq!(events[0]["detail"], "error=invalid_credentials password_too_long");
    // Just under the cap is an ordinary wrong password.
    ts.login(id("acc_demoken"), &"x".repeat(1024)).await.expect_problem(401, "invalid_credentials");
    let events = ts.audit(&ts.admin, "account_id=acc_demoken&action=login").await;
    assert_eq!(events[0]["detail"], "error=invalid_credentials");
}
