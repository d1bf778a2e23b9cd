//! Verification codes (DESIGN §5): wrong tries, resend cooldown, hourly cap,
//! expiry, and who a code may go to. Time moves with the clock only.

use crate::common::{TestService, parse_time, wrong_code};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_codes_use_up_the_challenge_even_for_the_right_code() {
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    let wrong = wrong_code(&code);
    for expected_left in (0..=4).rev() {
        let reply = ts.verify(&ts.agent, &challenge, &wrong).await.expect_problem(422, "invalid_code");
        assert_eq!(reply.u64("attempts_left"), expected_left, "{}", reply.text);
    }
    ts.verify(&ts.agent, &challenge, &code).await.expect_problem(409, "challenge_used_up");

    // A new code on the same channel waits until the used-up one would have
    // expired; the other channel is free.
    ts.advance(61);
    ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_rate_limited();
    ts.send_code(&ts.agent, "acc_demoalice", "sms").await;
    ts.advance(540);
    let fresh = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
    assert_eq!(fresh.u64("attempts_left"), 5, "a fresh challenge after expiry starts over: {}", fresh.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resend_waits_60_seconds_per_channel_and_keeps_the_wrong_try_count() {
    let ts = TestService::start().await;
    let (first, first_code) = ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    for expected_left in [4, 3] {
        let reply = ts.verify(&ts.agent, &first, &wrong_code(&first_code)).await.expect_problem(422, "invalid_code");
        assert_eq!(reply.u64("attempts_left"), expected_left);
    }

    ts.advance(59);
    let retry_after = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_rate_limited();
    assert!(retry_after <= 60, "the cooldown has at most a minute left, Retry-After {retry_after}");
    let again = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await;
    assert_eq!(again.status, 429);
    assert!(again.json["retry_after"].as_u64().is_some_and(|s| s >= 1), "`retry_after` member: {}", again.text);
    // The cooldown is per channel: SMS goes out right away.
    ts.send_code(&ts.agent, "acc_demoalice", "sms").await;

    ts.advance(2);
    let resend = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
    assert_eq!(resend.u64("attempts_left"), 3, "a resend does not reset the wrong-try count: {}", resend.text);
    let resend_id = resend.str("challenge_id");
    let code = ts.last_message("acc_demoalice", "verification_code").await["secret"].as_str().expect("code").to_owned();
    assert_ne!(code, first_code, "a resend sends a new code");
    let reply = ts.verify(&ts.agent, resend_id, &wrong_code(&code)).await.expect_problem(422, "invalid_code");
    assert_eq!(reply.u64("attempts_left"), 2);
    // The superseded code no longer works.
    let old = ts.verify(&ts.agent, &first, &first_code).await;
    assert_ne!(old.status, 200, "a superseded code must not verify: {}", old.text);
    let verified = ts.verify(&ts.agent, resend_id, &code).await.expect_status(200);
    assert_eq!(verified.str("status"), "verified");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_five_challenges_per_account_per_hour() {
    let ts = TestService::start().await;
    for n in 0..5 {
        if n > 0 {
            ts.advance(61);
        }
        ts.create_challenge(&ts.agent, "acc_demobob", "email").await.expect_status(201);
    }
    ts.advance(61);
    let retry_after = ts.create_challenge(&ts.agent, "acc_demobob", "email").await.expect_rate_limited();
    assert!((61..=3600).contains(&retry_after), "the hourly cap, not the cooldown, Retry-After {retry_after}");
    // Per account: the other channel is capped too, another account is not.
    ts.create_challenge(&ts.agent, "acc_demobob", "sms").await.expect_rate_limited();
    ts.create_challenge(&ts.sre, "acc_demobob", "sms").await.expect_rate_limited();
    ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);

    // An hour after the first one, a slot is free again.
    ts.advance(3601 - 305);
    ts.create_challenge(&ts.agent, "acc_demobob", "email").await.expect_status(201);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_expires_after_ten_minutes() {
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    ts.advance(599);
    ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);

    let start = ts.clock.now();
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    ts.advance(601);
    ts.verify(&ts.agent, &challenge, &code).await.expect_problem(410, "challenge_expired");
    // A new challenge after the expiry starts with every try.
    let fresh = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
    assert_eq!(fresh.u64("attempts_left"), 5, "{}", fresh.text);
    assert_eq!(parse_time(&fresh.json["expires_at"]), start + time::Duration::seconds(601 + 600));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_go_only_to_contacts_on_file_of_usable_accounts() {
    let ts = TestService::start().await;
    ts.create_challenge(&ts.agent, "acc_democarol", "sms").await.expect_problem(409, "channel_unavailable");
    ts.create_challenge(&ts.agent, "acc_demodave", "email").await.expect_problem(409, "channel_unavailable");
    ts.create_challenge(&ts.agent, "acc_demoerin", "email").await.expect_problem(409, "account_locked");
    ts.create_challenge(&ts.agent, "acc_demoheidi", "email").await.expect_problem(409, "account_disabled");
    ts.create_challenge(&ts.agent, "acc_nosuchaccount", "email").await.expect_problem(404, "account_not_found");
    let bad_channel =
        ts.post("/v1/accounts/acc_demoalice/challenges", &ts.agent, serde_json::json!({ "channel": "fax" }));
    let bad_channel = bad_channel.await;
    // Malformed JSON is 400; an unknown enum value may be judged either way.
    assert!(matches!(bad_channel.status, 400 | 422), "{}", bad_channel.text);
    bad_channel.expect_problem_code("invalid_request");
    assert!(ts.outbox().await.is_empty(), "nothing was sent to anyone");

    // The caller cannot name a destination: extra members are refused or
    // ignored, and the code still goes to the address on file.
    let body = serde_json::json!({ "channel": "email", "to": "attacker@evil.example" });
    let reply = ts.post("/v1/accounts/acc_democarol/challenges", &ts.agent, body).await;
    if reply.status == 201 {
        let message = ts.last_message("acc_democarol", "verification_code").await;
        assert_eq!(message["to"], "carol@example.org");
    } else {
        assert!(matches!(reply.status, 400 | 422), "{}", reply.text);
        reply.expect_problem_code("invalid_request");
    }
    assert!(!ts.outbox().await.iter().any(|m| m["to"] == "attacker@evil.example"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_operator_who_sent_a_code_can_verify_it() {
    // Issue 10.16: another operator (here an SRE, who may verify codes of
    // their own) is refused, learns nothing of the challenge, spends none
    // of its tries, and the attempt is audited as denied.
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    let stolen = ts.verify(&ts.sre, &challenge, &code).await.expect_problem(403, "forbidden");
    assert!(!stolen.text.contains("verification_token"), "{}", stolen.text);
    let events = ts.audit(&ts.admin, "action=challenge.verify").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (&events[0]["actor"], &events[0]["outcome"], &events[0]["account_id"]),
        (&serde_json::json!(crate::common::SRE), &serde_json::json!("denied"), &serde_json::json!("acc_demoalice")),
        "{events:?}"
    );
    assert!(events[0]["detail"].as_str().unwrap_or_default().contains(&challenge), "{events:?}");
    let wrong = ts.verify(&ts.agent, &challenge, &wrong_code(&code)).await.expect_problem(422, "invalid_code");
    assert_eq!(wrong.u64("attempts_left"), 4, "the refused attempt spent no try");
    let verified = ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);
    assert_eq!(verified.str("status"), "verified");
}
