//! The recovery flow end to end: code, verification token, new password, and
//! what the customer notices afterwards (sign-in, sessions, notices).

use serde_json::{Value, json};

use crate::common::{AGENT, DEMO_PASSWORD, TestService, email, id, parse_time, phone};

const NEW_PASSWORD: &str = "correct horse battery staple 42";

fn violation_codes(reply: &crate::common::Reply) -> Vec<&str> {
    reply.json["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("no `violations` in {}", reply.text))
        .iter()
        .map(|v| {
            assert!(v["detail"].is_string(), "every violation explains itself: {v}");
            v["code"].as_str().unwrap_or_else(|| panic!("violation without code: {v}"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_reset_by_email_code_changes_the_password_revokes_sessions_and_notifies() {
    let ts = TestService::start().await;
    // The customer is signed in on two devices with the old password.
    let session = ts.login(email("alice@example.com"), DEMO_PASSWORD).await.expect_status(200);
    assert_eq!(session.str("account_id"), "acc_demoalice");
    assert_eq!(session.json["must_change_password"], false);
    ts.login(phone("+8613800138000"), DEMO_PASSWORD).await.expect_status(200);
    let account = ts.get("/v1/accounts/acc_demoalice", &ts.agent).await.expect_status(200);
    assert_eq!(parse_time(&account.json["last_login_at"]), ts.clock.now(), "sign-in is recorded");

    let now = ts.clock.now();
    let created = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
    assert_eq!(created.str("channel"), "email");
    assert_eq!(created.str("destination"), "a***@example.com");
    assert_eq!(created.u64("attempts_left"), 5);
    assert_eq!(parse_time(&created.json["expires_at"]), now + time::Duration::minutes(10));
    assert_eq!(parse_time(&created.json["resend_after"]), now + time::Duration::seconds(60));
    let challenge_id = created.str("challenge_id");

    let message = ts.last_message("acc_demoalice", "verification_code").await;
    assert_eq!(message["channel"], "email");
    assert_eq!(message["to"], "alice@example.com", "the code goes to the address on file");
    let code = message["secret"].as_str().expect("code in the outbox");
    assert!(code.len() >= 6 && code.bytes().all(|b| b.is_ascii_digit()), "6+ digits, got `{code}`");
    assert!(message["body"].as_str().expect("body").contains(code), "the message tells the customer the code");
    assert!(!created.text.contains(code), "the code is never in the API answer");

    let verified = ts.verify(&ts.agent, challenge_id, code).await.expect_status(200);
    assert_eq!(verified.str("status"), "verified");
    let token = verified.str("verification_token");
    assert_eq!(parse_time(&verified.json["token_expires_at"]), now + time::Duration::minutes(10));
    // Single use: the challenge cannot be verified twice.
    ts.verify(&ts.agent, challenge_id, code).await.expect_problem(409, "challenge_used_up");

    let body = json!({ "mode": "set", "password": NEW_PASSWORD, "verification_token": token, "revoke_sessions": true });
    let changed = ts.set_password(&ts.agent, "acc_demoalice", body).await.expect_status(200);
    assert_eq!(parse_time(&changed.json["changed_at"]), now);
    assert_eq!(changed.json["must_change_password"], false);
    assert!(changed.u64("sessions_revoked") >= 2, "both sign-ins are revoked: {}", changed.text);
    let mut notified: Vec<&str> =
        changed.json["notified"].as_array().expect("notified").iter().filter_map(Value::as_str).collect();
    notified.sort_unstable();
    assert_eq!(notified, ["email", "sms"], "every contact on file is told");
    assert!(!changed.text.contains(NEW_PASSWORD), "the password is never echoed");

    let login = ts.login(email("alice@example.com"), NEW_PASSWORD).await.expect_status(200);
    assert_eq!(login.json["must_change_password"], false);
    ts.login(email("alice@example.com"), DEMO_PASSWORD).await.expect_problem(401, "invalid_credentials");

    let notices = ts.messages("acc_demoalice", "password_changed").await;
    let mut channels: Vec<&str> = notices.iter().filter_map(|m| m["channel"].as_str()).collect();
    channels.sort_unstable();
    assert_eq!(channels, ["email", "sms"], "a password_changed notice on every contact: {notices:?}");
    for notice in &notices {
        assert!(!notice.to_string().contains(NEW_PASSWORD), "a notice never carries the password");
    }

    let account = ts.get("/v1/accounts/acc_demoalice", &ts.agent).await.expect_status(200);
    assert_eq!(parse_time(&account.json["password_changed_at"]), now);
    assert_eq!(account.json["must_change_password"], false);

    let events = ts.audit(&ts.agent, "account_id=acc_demoalice&action=password.set").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["actor"], AGENT);
    assert_eq!(events[0]["outcome"], "success");
    assert_eq!(events[0]["request_id"], changed.request_id());
    assert!(
        events[0]["detail"].as_str().unwrap_or_default().contains("mode=set"),
        "set mode is told apart: {}",
        events[0]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_token_is_single_use_and_bound_to_its_account_and_actor() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demoalice", "email").await;
    let body = |password: &str| json!({ "mode": "set", "password": password, "verification_token": token });

    // Another account, or another operator, cannot use it.
    ts.set_password(&ts.agent, "acc_demobob", body(NEW_PASSWORD)).await.expect_problem(401, "verification_invalid");
    ts.set_password(&ts.sre, "acc_demoalice", body(NEW_PASSWORD)).await.expect_problem(401, "verification_invalid");
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_status(200);

    ts.set_password(&ts.agent, "acc_demoalice", body(NEW_PASSWORD)).await.expect_status(200);
    let reuse = ts.set_password(&ts.agent, "acc_demoalice", body("another perfectly fine passphrase")).await;
    reuse.expect_problem(401, "verification_invalid");
    ts.login(email("alice@example.com"), NEW_PASSWORD).await.expect_status(200);

    let made_up = json!({ "mode": "set", "password": NEW_PASSWORD, "verification_token": "vt_made_up" });
    ts.set_password(&ts.agent, "acc_demobob", made_up).await.expect_problem(401, "verification_invalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_token_expires_after_ten_minutes() {
    let ts = TestService::start().await;
    let alice = ts.verification_token(&ts.agent, "acc_demoalice", "email").await;
    ts.advance(599);
    let body = json!({ "mode": "set", "password": NEW_PASSWORD, "verification_token": alice });
    ts.set_password(&ts.agent, "acc_demoalice", body).await.expect_status(200);

    let bob = ts.verification_token(&ts.agent, "acc_demobob", "email").await;
    ts.advance(601);
    let body = json!({ "mode": "set", "password": NEW_PASSWORD, "verification_token": bob });
    ts.set_password(&ts.agent, "acc_demobob", body).await.expect_problem(401, "verification_invalid");
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_violations_are_listed_and_do_not_consume_the_token() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demoalice", "sms").await;
    let try_password = |password: String| {
        let body = json!({ "mode": "set", "password": password, "verification_token": token });
        ts.set_password(&ts.agent, "acc_demoalice", body)
    };

    let weak = try_password("password".into()).await.expect_problem(422, "password_policy");
    let codes = violation_codes(&weak);
    assert!(codes.contains(&"too_short") && codes.contains(&"common"), "both rules listed together: {codes:?}");

    let fourteen = try_password("fourteen chars".into()).await.expect_problem(422, "password_policy");
    assert_eq!(violation_codes(&fourteen), ["too_short"], "15 characters for a password-only account");

    let own_email =
        try_password("alice@example.com is my password".into()).await.expect_problem(422, "password_policy");
    assert!(violation_codes(&own_email).contains(&"contains_identifier"), "{}", own_email.text);

    let too_long = try_password("a long sentence ".repeat(17)).await.expect_problem(422, "password_policy");
    assert!(violation_codes(&too_long).contains(&"too_long"), "257+ characters: {}", too_long.text);

    ts.login(id("acc_demoalice"), DEMO_PASSWORD).await.expect_status(200);

    // 256 characters are taken whole, never truncated.
    let longest: String = "twelve monkeys in a tree ".repeat(11).chars().take(256).collect();
    assert_eq!(longest.chars().count(), 256);
    try_password(longest.clone()).await.expect_status(200);
    ts.login(id("acc_demoalice"), &longest).await.expect_status(200);
    let first_72: String = longest.chars().take(72).collect();
    ts.login(id("acc_demoalice"), &first_72).await.expect_problem(401, "invalid_credentials");
    let first_255: String = longest.chars().take(255).collect();
    ts.login(id("acc_demoalice"), &first_255).await.expect_problem(401, "invalid_credentials");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn set_needs_a_password_and_deliver_takes_none() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demobob", "email").await;
    let no_password = json!({ "mode": "set", "verification_token": token });
    ts.set_password(&ts.agent, "acc_demobob", no_password).await.expect_problem(422, "invalid_request");
    let deliver_with = json!({ "mode": "deliver", "password": NEW_PASSWORD, "verification_token": token });
    ts.set_password(&ts.agent, "acc_demobob", deliver_with).await.expect_problem(422, "invalid_request");
    // Neither consumed the token nor changed anything.
    ts.login(email("bob@example.com"), DEMO_PASSWORD).await.expect_status(200);
    let ok = json!({ "mode": "set", "password": NEW_PASSWORD, "verification_token": token });
    ts.set_password(&ts.agent, "acc_demobob", ok).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_mfa_account_needs_email_and_sms_and_takes_an_8_character_password() {
    let ts = TestService::start().await;
    let (email_challenge, email_code) = ts.send_code(&ts.agent, "acc_demofrank", "email").await;
    let first = ts.verify(&ts.agent, &email_challenge, &email_code).await.expect_status(200);
    assert_eq!(first.json, json!({ "status": "more_required", "remaining_channels": ["sms"] }));

    // The SMS channel is not blocked by the email cooldown.
    let (sms_challenge, sms_code) = ts.send_code(&ts.agent, "acc_demofrank", "sms").await;
    let second = ts.verify(&ts.agent, &sms_challenge, &sms_code).await.expect_status(200);
    assert_eq!(second.str("status"), "verified");
    let token = second.str("verification_token");

    let seven = json!({ "mode": "set", "password": "k9#mQz2", "verification_token": token });
    let short = ts.set_password(&ts.agent, "acc_demofrank", seven).await.expect_problem(422, "password_policy");
    assert!(violation_codes(&short).contains(&"too_short"), "{}", short.text);
    let twelve = "quiet otter8";
    let ok = json!({ "mode": "set", "password": twelve, "verification_token": token });
    ts.set_password(&ts.agent, "acc_demofrank", ok).await.expect_status(200);
    ts.login(email("frank@example.com"), twelve).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_mfa_account_gets_no_token_from_one_channel() {
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demofrank", "sms").await;
    let first = ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);
    assert_eq!(first.json, json!({ "status": "more_required", "remaining_channels": ["email"] }));
    assert!(first.json.get("verification_token").is_none());
    // A forced reset is still possible for an SRE; an agent without a token is not.
    let deliver = json!({ "mode": "deliver" });
    ts.set_password(&ts.agent, "acc_demofrank", deliver).await.expect_problem(403, "forbidden");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliver_mode_sends_a_temporary_password_nobody_else_sees() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demoalice", "sms").await;
    let body = json!({ "mode": "deliver", "verification_token": token, "revoke_sessions": true });
    let changed = ts.set_password(&ts.agent, "acc_demoalice", body).await.expect_status(200);
    assert_eq!(changed.json["must_change_password"], true);
    assert_eq!(changed.json["mode"], "deliver");

    let message = ts.last_message("acc_demoalice", "temporary_password").await;
    assert_eq!(message["channel"], "sms", "delivered on the verified channel");
    let temporary = message["secret"].as_str().expect("the temporary password in the outbox").to_owned();
    assert!(temporary.chars().count() >= 8, "a real password, got {} characters", temporary.chars().count());
    assert!(!changed.text.contains(&temporary), "the answer never carries the temporary password: {}", changed.text);
    assert_eq!(changed.json["delivered_to"], "+86 *** **** 8000", "the masked destination: {}", changed.text);

    let login = ts.login(id("acc_demoalice"), &temporary).await.expect_status(200);
    assert_eq!(login.json["must_change_password"], true);
    ts.login(id("acc_demoalice"), DEMO_PASSWORD).await.expect_problem(401, "invalid_credentials");

    let account = ts.get("/v1/accounts/acc_demoalice", &ts.admin).await.expect_status(200);
    assert_eq!(account.json["must_change_password"], true);
    for reply in [account, ts.get("/v1/audit?account_id=acc_demoalice", &ts.admin).await.expect_status(200)] {
        assert!(!reply.text.contains(&temporary), "no read shows the temporary password");
    }
    let events = ts.audit(&ts.agent, "account_id=acc_demoalice&action=password.set").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0]["detail"].as_str().unwrap_or_default().contains("mode=deliver"), "{}", events[0]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mfa_needs_two_different_channels_verified_within_ten_minutes() {
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demofrank", "email").await;
    let first = ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);
    assert_eq!(first.json["status"], "more_required");
    // The same channel twice is still one channel.
    ts.advance(61);
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demofrank", "email").await;
    let again = ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);
    assert_eq!(again.json, json!({ "status": "more_required", "remaining_channels": ["sms"] }));

    // Ten minutes after the last email verification, it no longer counts.
    ts.advance(601);
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demofrank", "sms").await;
    let late = ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);
    assert_eq!(late.json, json!({ "status": "more_required", "remaining_channels": ["email"] }), "{}", late.text);
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demofrank", "email").await;
    let done = ts.verify(&ts.agent, &challenge, &code).await.expect_status(200);
    assert_eq!(done.str("status"), "verified");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_nfkc_normalised_and_checked_against_the_phone_too() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demoalice", "email").await;
    let try_password = |password: &str| {
        let body = json!({ "mode": "set", "password": password, "verification_token": token });
        ts.set_password(&ts.agent, "acc_demoalice", body)
    };
    // Full-width "password" is "password" after NFKC.
    let wide = try_password("ｐａｓｓｗｏｒｄ").await.expect_problem(422, "password_policy");
    assert!(violation_codes(&wide).contains(&"common"), "{}", wide.text);
    let with_phone = try_password("call me on 13800138000 anytime").await.expect_problem(422, "password_policy");
    assert!(violation_codes(&with_phone).contains(&"contains_identifier"), "{}", with_phone.text);

    try_password("ＡＢＣ correct horse battery").await.expect_status(200);
    ts.login(id("acc_demoalice"), "ABC correct horse battery").await.expect_status(200);
    ts.login(id("acc_demoalice"), "ＡＢＣ correct horse battery").await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_tells_locked_disabled_and_must_change_accounts_apart() {
    let ts = TestService::start().await;
    ts.login(email("erin@example.com"), DEMO_PASSWORD).await.expect_problem(403, "account_locked");
    ts.login(email("heidi@example.com"), DEMO_PASSWORD).await.expect_problem(403, "account_disabled");
    // The service normalises the identifier again: domain case, IDNA.
    ts.login(email("alice@EXAMPLE.com"), DEMO_PASSWORD).await.expect_status(200);
    ts.login(email("judy@bücher.de"), DEMO_PASSWORD).await.expect_status(200);
    ts.login(phone("+86 138 0013 8000"), DEMO_PASSWORD).await.expect_status(200);
    let ivan = ts.login(email("ivan@example.com"), DEMO_PASSWORD).await.expect_status(200);
    assert_eq!(ivan.json["must_change_password"], true);
    assert!(ivan.json["session_id"].is_string(), "{}", ivan.text);
    // A wrong password for a locked account says no more than for any other.
    ts.login(email("erin@example.com"), "not erin's password at all").await.expect_problem(401, "invalid_credentials");
    ts.login(email("nobody@example.com"), DEMO_PASSWORD).await.expect_problem(401, "invalid_credentials");
    let failed = ts.audit(&ts.admin, "account_id=acc_demoivan&action=login").await;
    assert!(failed.iter().any(|e| e["outcome"] == "success"), "{failed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_change_notice_goes_to_the_contacts_on_file_only() {
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_democarol", "email").await;
    let body = json!({ "mode": "set", "password": NEW_PASSWORD, "verification_token": token });
    let changed = ts.set_password(&ts.agent, "acc_democarol", body).await.expect_status(200);
    assert_eq!(changed.json["notified"], json!(["email"]));
    let notices = ts.messages("acc_democarol", "password_changed").await;
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0]["to"], "carol@example.org");
    assert!(ts.outbox().await.iter().all(|m| m["channel"] == "email"), "carol has no phone to text");
}
