//! Read-only routes: whoami, account lookups (masking, reveal), problems,
//! `Request-Id`, batch lookup.

use std::collections::HashSet;

use acctl_api::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{ADMIN, AGENT, SRE, TestService, email, id, parse_time, phone, t0};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whoami_names_the_actor_role_and_scopes_of_each_token() {
    let ts = TestService::start().await;
    for (token, actor, role) in
        [(&ts.agent, AGENT, Role::Agent), (&ts.sre, SRE, Role::Sre), (&ts.admin, ADMIN, Role::Admin)]
    {
        let reply = ts.get("/v1/whoami", token).await.expect_status(200);
        assert_eq!(reply.str("actor"), actor);
        assert_eq!(reply.str("role"), role.as_str());
        let scopes: HashSet<&str> =
            reply.json["scopes"].as_array().expect("scopes").iter().filter_map(Value::as_str).collect();
        let expected: HashSet<&str> = role.scopes().iter().copied().collect();
        assert_eq!(scopes, expected, "scopes of {actor}");
    }
    let agent = ts.get("/v1/whoami", &ts.agent).await;
    assert!(!agent.text.contains("password:force") && !agent.text.contains("accounts:pii"), "{}", agent.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_or_unknown_token_is_unauthenticated_and_login_and_outbox_need_none() {
    let ts = TestService::start().await;
    ts.request(Method::GET, "/v1/whoami").send().await.expect_problem(401, "unauthenticated");
    ts.get("/v1/whoami", "not-a-token").await.expect_problem(401, "unauthenticated");
    ts.get("/v1/accounts/acc_demoalice", "not-a-token").await.expect_problem(401, "unauthenticated");
    // A revealing answer must not leak to an unknown token either.
    let reply = ts.get("/v1/accounts/acc_demoalice?reveal=true", "not-a-token").await;
    assert!(!reply.text.contains("alice@example.com"), "{}", reply.text);
    ts.request(Method::GET, "/v1/sandbox/outbox").send().await.expect_status(200);
    ts.login(id("acc_demoalice"), "wrong password entirely").await.expect_problem(401, "invalid_credentials");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lookup_by_id_email_and_phone_finds_the_account_with_contacts_masked() {
    let ts = TestService::start().await;
    let by_id = ts.get("/v1/accounts/acc_demoalice", &ts.agent).await.expect_status(200);
    let a = &by_id.json;
    assert_eq!(a["id"], "acc_demoalice");
    assert_eq!(a["display_name"], "Alice Zhang");
    assert_eq!(a["email"], "a***@example.com", "email masked as DESIGN §4 shows");
    assert_eq!(a["phone"], "+86 *** **** 8000", "phone masked as DESIGN §4 shows");
    assert_eq!(a["status"], "active");
    for field in ["email_verified", "phone_verified", "must_change_password"] {
        assert!(a[field].is_boolean(), "`{field}` in {a}");
    }
    for field in ["last_login_at", "password_changed_at"] {
        assert!(a.get(field).is_some(), "`{field}` present (maybe null) in {a}");
    }
    assert!(parse_time(&a["created_at"]) <= t0());
    let devices = a["devices"].as_array().expect("devices");
    assert_eq!(devices.len(), 1, "alice has one device bound: {a}");
    assert!(devices[0]["model"].is_string());
    assert!(!by_id.text.contains("alice@example.com") && !by_id.text.contains("13800138000"), "{}", by_id.text);

    let by_email = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("email", "alice@example.com")]);
    assert_eq!(by_email.send().await.expect_status(200).json, by_id.json);
    // Normalised again by the service: domain case, national formatting, IDNA.
    let by_email = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("email", " alice@EXAMPLE.com ")]);
    assert_eq!(by_email.send().await.expect_status(200).json["id"], "acc_demoalice");
    let by_phone = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("phone", "+8613800138000")]);
    assert_eq!(by_phone.send().await.expect_status(200).json, by_id.json);
    let spaced = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("phone", "+86 138 0013 8000")]);
    assert_eq!(spaced.send().await.expect_status(200).json["id"], "acc_demoalice");
    let idn = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("email", "judy@bücher.de")]);
    assert_eq!(idn.send().await.expect_status(200).json["id"], "acc_demojudy");

    // An account with no phone has none, masked or not.
    let carol = ts.get("/v1/accounts/acc_democarol", &ts.agent).await.expect_status(200);
    assert!(carol.json["phone"].is_null(), "{}", carol.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_demo_account_is_found_by_each_contact_on_file() {
    let ts = TestService::start().await;
    let demo = [
        ("acc_demoalice", Some("alice@example.com"), Some("+8613800138000")),
        ("acc_demobob", Some("bob@example.com"), Some("+14155550132")),
        ("acc_democarol", Some("carol@example.org"), None),
        ("acc_demodave", None, Some("+447911123456")),
        ("acc_demoerin", Some("erin@example.com"), Some("+8613900139001")),
        ("acc_demofrank", Some("frank@example.com"), Some("+8613700137002")),
        ("acc_demograce", Some("grace@example.com"), Some("+14155550177")),
        ("acc_demomallory", Some("mallory@example.net"), Some("+8613600136003")),
        ("acc_demoheidi", Some("heidi@example.com"), None),
        ("acc_demoivan", Some("ivan@example.com"), Some("+8613500135004")),
        ("acc_demojudy", Some("judy@xn--bcher-kva.de"), None),
        ("acc_demoken", Some("ken@example.jp"), Some("+819012345678")),
    ];
    let mut misses = Vec::new();
    for (account_id, email, phone) in demo {
        let by_id = ts.get(&format!("/v1/accounts/{account_id}?reveal=true"), &ts.admin).await.expect_status(200);
        let on_file = (by_id.json["email"].as_str(), by_id.json["phone"].as_str());
        if on_file != (email, phone) {
            misses
                .push(format!("{account_id} has {on_file:?} on file, notes/service-api.md says {:?}", (email, phone)));
        }
        for (kind, value) in [("email", email), ("phone", phone)] {
            let Some(value) = value else { continue };
            let reply = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[(kind, value)]).send().await;
            if reply.status != 200 || reply.json["id"] != account_id {
                misses.push(format!("{account_id} by {kind} `{value}`: {} {}", reply.status, reply.text));
            }
        }
    }
    assert!(
        misses.is_empty(),
        "demo accounts not as documented or not found by their own contacts:\n{}",
        misses.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reveal_needs_accounts_pii_and_is_audited() {
    let ts = TestService::start().await;
    let path = "/v1/accounts/acc_demoalice?reveal=true";
    ts.get(path, &ts.agent).await.expect_problem(403, "forbidden");
    ts.get(path, &ts.sre).await.expect_problem(403, "forbidden");
    let denied = ts.request(Method::GET, "/v1/accounts").token(&ts.agent);
    denied.query(&[("email", "alice@example.com"), ("reveal", "true")]).send().await.expect_problem(403, "forbidden");

    let reply = ts.get(path, &ts.admin).await.expect_status(200);
    assert_eq!(reply.json["email"], "alice@example.com");
    assert_eq!(reply.json["phone"], "+8613800138000");
    assert_eq!(reply.json["revealed"], true);

    let events = ts.audit(&ts.admin, "account_id=acc_demoalice&action=account.reveal").await;
    let reveals: Vec<&Value> = events.iter().filter(|e| e["outcome"] == "success").collect();
    assert_eq!(reveals.len(), 1, "one successful reveal audited: {events:?}");
    assert_eq!(reveals[0]["actor"], ADMIN);
    assert_eq!(reveals[0]["request_id"], reply.request_id());
    // A masked read is not a reveal.
    ts.get("/v1/accounts/acc_demoalice", &ts.admin).await.expect_status(200);
    let after = ts.audit(&ts.admin, "account_id=acc_demoalice&action=account.reveal").await;
    assert_eq!(after.iter().filter(|e| e["outcome"] == "success").count(), 1, "{after:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_accounts_and_bad_identifiers_are_problems_with_request_ids() {
    let ts = TestService::start().await;
    let missing = ts.get("/v1/accounts/acc_nosuchaccount", &ts.agent).await.expect_problem(404, "account_not_found");
    let by_email = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("email", "nobody@example.com")]);
    let by_email = by_email.send().await.expect_problem(404, "account_not_found");
    let by_phone = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("phone", "+14155550100")]);
    by_phone.send().await.expect_problem(404, "account_not_found");
    let nonsense = ts.request(Method::GET, "/v1/accounts").token(&ts.agent).query(&[("email", "nonsense")]);
    nonsense.send().await.expect_problem(422, "invalid_identifier");
    let challenge = ts.verify(&ts.agent, "chl_nosuchchallenge", "123456").await;
    challenge.expect_problem(404, "challenge_not_found");
    let route = ts.get("/v1/no/such/route", &ts.agent).await.expect_problem(404, "not_found");

    // Every response carries its own Request-Id, successes included.
    let ok = ts.get("/v1/whoami", &ts.agent).await.expect_status(200);
    let unauthenticated = ts.request(Method::GET, "/v1/whoami").send().await;
    let outbox = ts.request(Method::GET, "/v1/sandbox/outbox").send().await;
    let ids: HashSet<&str> =
        [&missing, &by_email, &route, &ok, &unauthenticated, &outbox].into_iter().map(|r| r.request_id()).collect();
    assert_eq!(ids.len(), 6, "request ids are distinct: {ids:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_exists_only_in_sandbox_mode() {
    let ts = TestService::start_with(|config| config.sandbox = false).await;
    ts.request(Method::GET, "/v1/sandbox/outbox").send().await.expect_problem(404, "not_found");
    // The rest of the API still works.
    ts.get("/v1/accounts/acc_demobob", &ts.agent).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_lookup_answers_every_identifier_in_order_with_per_item_errors() {
    let ts = TestService::start().await;
    let identifiers = json!([
        id("acc_demoalice"),
        email("bob@example.com"),
        phone("+819012345678"),
        email("nobody@example.com"),
        { "kind": "email", "value": "not-an-email" },
        id("acc_democarol"),
        { "kind": "phone", "value": "12" },
    ]);
    let reply = ts.post("/v1/accounts:batchLookup", &ts.agent, json!({ "identifiers": identifiers })).await;
    let reply = reply.expect_status(200);
    let results = reply.json["results"].as_array().expect("results");
    assert_eq!(results.len(), 7, "{}", reply.text);
    for (result, input) in results.iter().zip(identifiers.as_array().expect("identifiers")) {
        assert_eq!(result["input"]["kind"], input["kind"], "results in input order: {result}");
    }
    let found = |i: usize| results[i]["account"]["id"].as_str().unwrap_or_else(|| panic!("item {i}: {}", results[i]));
    assert_eq!(found(0), "acc_demoalice");
    assert_eq!(found(1), "acc_demobob");
    assert_eq!(found(2), "acc_demoken");
    assert_eq!(found(5), "acc_democarol");
    assert_eq!(results[0]["account"]["email"], "a***@example.com", "batch answers are masked too");
    let error = |i: usize| results[i]["error"]["code"].as_str().unwrap_or_else(|| panic!("item {i}: {}", results[i]));
    assert_eq!(error(3), "account_not_found");
    assert_eq!(error(4), "invalid_identifier");
    assert_eq!(error(6), "invalid_identifier");
    assert_eq!(results[4]["input"]["value"], "not-an-email", "the bad input is named");
    for i in [3, 4, 6] {
        assert!(results[i]["error"]["detail"].is_string(), "item {i}: {}", results[i]);
        assert!(results[i].get("account").is_none_or(Value::is_null), "item {i}: {}", results[i]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_lookup_takes_1_to_500_identifiers() {
    let ts = TestService::start().await;
    ts.post("/v1/accounts:batchLookup", &ts.agent, json!({ "identifiers": [] }))
        .await
        .expect_problem(422, "invalid_request");
    let many = |n: usize| -> Vec<Value> {
        (0..n)
            .map(|i| if i % 2 == 0 { id("acc_demoalice") } else { email(&format!("user{i}@nowhere.example")) })
            .collect()
    };
    let too_many = ts.post("/v1/accounts:batchLookup", &ts.agent, json!({ "identifiers": many(501) })).await;
    too_many.expect_problem(422, "invalid_request");
    let full = ts.post("/v1/accounts:batchLookup", &ts.agent, json!({ "identifiers": many(500) })).await;
    let full = full.expect_status(200);
    let results = full.json["results"].as_array().expect("results");
    assert_eq!(results.len(), 500);
    for (i, result) in results.iter().enumerate() {
        if i % 2 == 0 {
            assert_eq!(result["account"]["id"], "acc_demoalice", "item {i}");
        } else {
            assert_eq!(result["input"]["value"], format!("user{i}@nowhere.example"), "item {i} in order");
            assert_eq!(result["error"]["code"], "account_not_found", "item {i}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_filters_by_account_and_after_an_id() {
    let ts = TestService::start().await;
    ts.send_code(&ts.agent, "acc_demoalice", "email").await;
    ts.send_code(&ts.agent, "acc_demobob", "email").await;
    ts.send_code(&ts.agent, "acc_demoalice", "sms").await;
    let all = ts.outbox().await;
    assert_eq!(all.len(), 3);
    let ids: Vec<i64> = all.iter().map(|m| m["id"].as_i64().expect("id")).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "newest last: {ids:?}");
    for m in &all {
        for field in ["at", "channel", "to", "kind", "subject", "body", "secret"] {
            assert!(!m[field].is_null(), "`{field}` in {m}");
        }
    }
    let alice = ts.request(Method::GET, "/v1/sandbox/outbox").query(&[("account_id", "acc_demoalice")]).send().await;
    let alice = alice.expect_status(200);
    let channels: Vec<&str> =
        alice.json["messages"].as_array().expect("messages").iter().filter_map(|m| m["channel"].as_str()).collect();
    assert_eq!(channels, ["email", "sms"]);
    let after = ts.request(Method::GET, "/v1/sandbox/outbox").query(&[("after", &ids[0].to_string())]).send().await;
    let after = after.expect_status(200);
    let later: Vec<i64> =
        after.json["messages"].as_array().expect("messages").iter().filter_map(|m| m["id"].as_i64()).collect();
    assert_eq!(later, ids[1..]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_served_is_the_committed_one() {
    let ts = TestService::start().await;
    let served = ts.request(Method::GET, "/v1/openapi.json").send().await.expect_status(200);
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json")).expect("api/openapi.json");
    let committed: Value = serde_json::from_str(&committed).expect("committed openapi.json is JSON");
    assert_eq!(served.json, committed, "regenerate api/openapi.json or fix the service");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_the_service_cannot_read_are_problems_too() {
    let ts = TestService::start().await;
    let malformed = ts
        .request(Method::POST, "/v1/accounts:batchLookup")
        .token(&ts.agent)
        .header("Content-Type", "application/json")
        .body("{\"identifiers\": [")
        .send()
        .await;
    malformed.expect_problem(400, "invalid_request");
    for query in ["", "?email=alice@example.com&phone=%2B8613800138000"] {
        let reply = ts.get(&format!("/v1/accounts{query}"), &ts.agent).await;
        assert_eq!(
            (reply.status, reply.json["code"].as_str()),
            (400, Some("invalid_request")),
            "`{query}`: {}",
            reply.text
        );
        reply.expect_problem(400, "invalid_request");
    }
    let wrong_method = ts.request(Method::DELETE, "/v1/accounts/acc_demoalice").token(&ts.agent).send().await;
    let wrong_method = wrong_method.expect_problem(405, "method_not_allowed");
    assert!(wrong_method.header("Allow").is_some_and(|allow| allow.contains("GET")), "405 names the methods");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_query_parameters_are_refused_not_ignored() {
    // notes/service-api.md: extra query params are 400 invalid_request. A
    // typo must not silently drop a filter or a flag.
    let ts = TestService::start().await;
    let mut accepted = Vec::new();
    for path in [
        "/v1/accounts?email=alice@example.com&revael=true",
        "/v1/accounts/acc_demoalice?revael=true",
        "/v1/audit?acount_id=acc_demoalice",
    ] {
        let reply = ts.get(path, &ts.admin).await;
        if (reply.status, reply.json["code"].as_str()) != (400, Some("invalid_request")) {
            accepted.push(format!("{path} -> {}", reply.status));
        }
    }
    assert!(accepted.is_empty(), "unknown query parameters accepted: {accepted:?}");
}

#[tokio::test]
async fn a_method_a_resource_lacks_is_405_naming_its_methods_and_allow_appears_on_nothing_else() {
    let svc = TestService::start().await;
    let reply = svc.request(Method::OPTIONS, "/v1/accounts/acc_demoalice").token(&svc.agent).send().await;
    assert_eq!((reply.status, reply.header("allow")), (405, Some("GET, HEAD")), "{}", reply.text);
    let reply = svc.request(Method::DELETE, "/v1/accounts/acc_demoalice:lock").token(&svc.sre).send().await;
    assert_eq!((reply.status, reply.header("allow")), (405, Some("POST")), "{}", reply.text);
    // Without a token it is 401 first, and a 401 advertises no methods.
    let reply = svc.request(Method::OPTIONS, "/v1/accounts/acc_demoalice").send().await;
    assert_eq!((reply.status, reply.header("allow")), (401, None), "{}", reply.text);
    assert!(reply.header("request-id").is_some_and(|id| id.starts_with("req_")));
}
