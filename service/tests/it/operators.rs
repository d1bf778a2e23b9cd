//! What each role may do beyond the verified flow: forced resets, lock and
//! unlock, session revocation.

use serde_json::json;

use crate::common::{DEMO_PASSWORD, SRE, TestService, email, id};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_password_force_resets_without_a_verification_token() {
    let ts = TestService::start().await;
    let deliver = json!({ "mode": "deliver", "channel": "email", "revoke_sessions": true });
    ts.set_password(&ts.agent, "acc_demoalice", deliver.clone()).await.expect_problem(403, "forbidden");
    ts.login(id("acc_demoalice"), DEMO_PASSWORD).await.expect_status(200);
    assert!(ts.messages("acc_demoalice", "temporary_password").await.is_empty(), "a refused reset sends nothing");

    let forced = ts
        .request(reqwest::Method::PUT, "/v1/accounts/acc_demoalice/password")
        .token(&ts.sre)
        .header("Audit-Reason", "account takeover")
        .header("Audit-Ticket", "INC-7")
        .json(&deliver)
        .send()
        .await
        .expect_status(200);
    assert_eq!(forced.json["must_change_password"], true);
    assert_eq!(forced.json["delivered_to"], "a***@example.com");
    assert!(forced.u64("sessions_revoked") >= 1, "the sign-in above is revoked: {}", forced.text);
    let message = ts.last_message("acc_demoalice", "temporary_password").await;
    assert_eq!(message["channel"], "email", "the channel asked for");
    let temporary = message["secret"].as_str().expect("temporary password");
    assert!(!forced.text.contains(temporary));
    let login = ts.login(id("acc_demoalice"), temporary).await.expect_status(200);
    assert_eq!(login.json["must_change_password"], true);
    ts.login(id("acc_demoalice"), DEMO_PASSWORD).await.expect_problem(401, "invalid_credentials");

    let events = ts.audit(&ts.sre, "account_id=acc_demoalice&action=password.set").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!((&events[0]["actor"], &events[0]["outcome"]), (&json!(SRE), &json!("success")));
    assert_eq!((&events[0]["reason"], &events[0]["ticket"]), (&json!("account takeover"), &json!("INC-7")));
    let detail = events[0]["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("force") && detail.contains("mode=deliver"), "forced deliver told apart: {detail}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forced_reset_works_on_a_locked_account_but_not_a_disabled_one() {
    let ts = TestService::start().await;
    let deliver = json!({ "mode": "deliver" });
    let erin = ts.set_password(&ts.sre, "acc_demoerin", deliver.clone()).await.expect_status(200);
    assert_eq!(erin.json["must_change_password"], true);
    ts.set_password(&ts.sre, "acc_demoheidi", deliver.clone()).await.expect_problem(409, "account_disabled");
    ts.set_password(&ts.sre, "acc_nosuchaccount", deliver).await.expect_problem(404, "account_not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lock_stops_sign_in_and_codes_and_unlock_restores_them() {
    let ts = TestService::start().await;
    ts.post("/v1/accounts/acc_demobob:lock", &ts.agent, json!({})).await.expect_problem(403, "forbidden");
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_status(200);
    let token = ts.verification_token(&ts.agent, "acc_demobob", "email").await;

    let locked = ts.post("/v1/accounts/acc_demobob:lock", &ts.sre, json!({})).await.expect_status(200);
    assert_eq!((locked.str("id"), locked.str("status")), ("acc_demobob", "locked"));
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_problem(403, "account_locked");
    ts.create_challenge(&ts.agent, "acc_demobob", "sms").await.expect_problem(409, "account_locked");
    let with_token = json!({ "mode": "set", "password": "a perfectly good passphrase", "verification_token": token });
    ts.set_password(&ts.agent, "acc_demobob", with_token.clone()).await.expect_problem(409, "account_locked");
    let seen = ts.get("/v1/accounts/acc_demobob", &ts.agent).await.expect_status(200);
    assert_eq!(seen.json["status"], "locked");

    ts.post("/v1/accounts/acc_demobob:unlock", &ts.agent, json!({})).await.expect_problem(403, "forbidden");
    let unlocked = ts.post("/v1/accounts/acc_demobob:unlock", &ts.sre, json!({})).await.expect_status(200);
    assert_eq!(unlocked.str("status"), "active");
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_status(200);
    ts.set_password(&ts.agent, "acc_demobob", with_token).await.expect_status(200);

    let actions: Vec<String> = ts
        .audit(&ts.sre, "account_id=acc_demobob")
        .await
        .iter()
        .filter(|e| e["outcome"] == "success")
        .filter_map(|e| e["action"].as_str().map(str::to_owned))
        .collect();
    assert!(actions.contains(&"account.lock".into()) && actions.contains(&"account.unlock".into()), "{actions:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_revoke_counts_what_it_revoked_and_keep_sessions_keeps_them() {
    let ts = TestService::start().await;
    for _ in 0..3 {
        ts.login(email("grace@example.com"), DEMO_PASSWORD).await.expect_status(200);
    }
    let path = "/v1/accounts/acc_demograce/sessions:revoke";
    ts.post(path, &ts.agent, json!({})).await.expect_problem(403, "forbidden");
    let revoked = ts.post(path, &ts.sre, json!({})).await.expect_status(200);
    assert_eq!(revoked.json, json!({ "account_id": "acc_demograce", "sessions_revoked": 3 }));
    let again = ts.post(path, &ts.sre, json!({})).await.expect_status(200);
    assert_eq!(again.u64("sessions_revoked"), 0);

    // A reset with revoke_sessions: false leaves the customer signed in.
    ts.login(email("grace@example.com"), DEMO_PASSWORD).await.expect_status(200);
    let keep = json!({ "mode": "set", "password": "signed in everywhere still", "revoke_sessions": false });
    let changed = ts.set_password(&ts.sre, "acc_demograce", keep).await.expect_status(200);
    assert_eq!(changed.u64("sessions_revoked"), 0);
    let later = ts.post(path, &ts.sre, json!({})).await.expect_status(200);
    assert_eq!(later.u64("sessions_revoked"), 1, "the session survived the reset");

    let events = ts.audit(&ts.sre, "account_id=acc_demograce&action=sessions.revoke").await;
    assert_eq!(events.iter().filter(|e| e["outcome"] == "success").count(), 3, "{events:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_revokes_sessions_unless_told_not_to_and_delivers_only_to_contacts_on_file() {
    let ts = TestService::start().await;
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_status(200);
    let body = json!({ "mode": "set", "password": "a fine passphrase was picked" });
    let changed = ts.set_password(&ts.sre, "acc_demobob", body).await.expect_status(200);
    assert_eq!(changed.u64("sessions_revoked"), 1, "revoke_sessions defaults to true: {}", changed.text);

    let to_sms = json!({ "mode": "deliver", "channel": "sms" });
    ts.set_password(&ts.sre, "acc_democarol", to_sms).await.expect_problem(409, "channel_unavailable");
    assert!(ts.messages("acc_democarol", "temporary_password").await.is_empty());
    ts.login(email("carol@example.org"), DEMO_PASSWORD).await.expect_status(200);

    // Dave has only a phone: deliver picks it.
    ts.set_password(&ts.sre, "acc_demodave", json!({ "mode": "deliver" })).await.expect_status(200);
    assert_eq!(ts.last_message("acc_demodave", "temporary_password").await["channel"], "sms");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_mutation_is_audited_as_denied() {
    let ts = TestService::start().await;
    let refused = ts
        .request(reqwest::Method::POST, "/v1/accounts/acc_demobob:lock")
        .token(&ts.agent)
        .header("Audit-Reason", "trying my luck")
        .json(&json!({}))
        .send()
        .await
        .expect_problem(403, "forbidden");
    let events = ts.audit(&ts.agent, "account_id=acc_demobob").await;
    let denied = events
        .iter()
        .find(|e| e["action"] == "account.lock")
        .unwrap_or_else(|| panic!("the refused lock is in the audit log: {events:?}"));
    assert_eq!(denied["outcome"], "denied");
    assert_eq!(denied["request_id"], refused.request_id());
    assert_eq!(denied["reason"], "trying my luck");
    let bob = ts.get("/v1/accounts/acc_demobob", &ts.agent).await.expect_status(200);
    assert_eq!(bob.json["status"], "active");
}
