//! Passwords that are long only in appearance (issue 10, item 12) are
//! refused over the API with what gives them away; passphrases still pass.

use serde_json::json;

use crate::common::{TestService, id};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn patterned_passwords_are_refused_and_a_passphrase_is_taken() {
    // Before: all five were accepted and could be signed in with.
    let ts = TestService::start().await;
    let token = ts.verification_token(&ts.agent, "acc_demoalice", "sms").await;
    let try_password = |password: &str| {
        let body = json!({ "mode": "set", "password": password, "verification_token": token });
        ts.set_password(&ts.agent, "acc_demoalice", body)
    };
    for (password, code) in [
        ("passwordpassword", "repetitive"),
        ("1234567890123456", "sequential"),
        ("aaaaaaaaaaaaaaaa", "repetitive"),
        ("qwertyuiopasdfgh", "keyboard_pattern"),
        ("password123456789", "common"),
    ] {
        let reply = try_password(password).await.expect_problem(422, "password_policy");
        assert_eq!(reply.json["violations"].as_array().map(Vec::len), Some(1), "{}", reply.text);
        assert_eq!(reply.json["violations"][0]["code"], code, "{password}: {}", reply.text);
        assert!(!reply.text.contains(password), "the answer never repeats the password");
    }
    // The rejections did not use up the verification token.
    try_password("correct horse battery staple").await.expect_status(200);
    ts.login(id("acc_demoalice"), "correct horse battery staple").await.expect_status(200);
}
