//! Look-alike spellings of an email address (issue 10, item 17): the service
//! reads full-width letters and decomposed accents as the address they spell,
//! and refuses invisible or text-direction characters, in lookups and at
//! sign-in alike.

use reqwest::Method;
use serde_json::json;

use crate::common::{DEMO_PASSWORD, TestService, email};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spellings_of_an_address_find_its_account_and_invisible_characters_are_refused() {
    let ts = TestService::start().await;
    for spelling in ["ｃａｒｏｌ@example.org", "ｃａｒｏｌ@ＥＸＡＭＰＬＥ.org"] {
        let reply = ts.request(Method::GET, "/v1/accounts").query(&[("email", spelling)]).token(&ts.agent).send().await;
        assert_eq!(reply.expect_status(200).str("id"), "acc_democarol", "{spelling}");
    }
    ts.login(email("ｃａｒｏｌ@example.org"), DEMO_PASSWORD).await.expect_status(200);
    for bad in ["car\u{200B}ol@example.org", "\u{202E}lorac@example.org", "carol\u{FEFF}@example.org"] {
        let reply = ts.request(Method::GET, "/v1/accounts").query(&[("email", bad)]).token(&ts.agent).send().await;
        let reply = reply.expect_problem(422, "invalid_identifier");
        assert!(reply.str("detail").contains("invisible or text-direction character"), "{}", reply.text);
        ts.login(email(bad), DEMO_PASSWORD).await.expect_problem(422, "invalid_identifier");
    }
    // The batch lookup answers each one in place.
    let body = json!({ "identifiers": [email("ｃａｒｏｌ@example.org"), email("car\u{200B}ol@example.org")] });
    let reply = ts.post("/v1/accounts:batchLookup", &ts.agent, body).await.expect_status(200);
    assert_eq!(reply.json["results"][0]["account"]["id"], "acc_democarol");
    assert_eq!(reply.json["results"][1]["error"]["code"], "invalid_identifier");
}
