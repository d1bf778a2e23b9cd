//! The audit log: who did what, why, with which request, and how it ended;
//! filters, cursor pagination and who may read whose events.

use std::collections::HashSet;

use reqwest::Method;
use serde_json::Value;

use crate::common::{ADMIN, AGENT, DEMO_PASSWORD, SRE, TestService, id, parse_time, wrong_code};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mutation_is_audited_with_actor_reason_ticket_request_id_and_outcome() {
    let ts = TestService::start().await;
    let created = ts
        .request(Method::POST, "/v1/accounts/acc_demoalice/challenges")
        .token(&ts.agent)
        .header("Audit-Reason", "customer called, forgot password")
        .header("Audit-Ticket", "SUP-1234")
        .json(&serde_json::json!({ "channel": "email" }))
        .send()
        .await
        .expect_status(201);
    let code = ts.last_message("acc_demoalice", "verification_code").await["secret"].as_str().expect("code").to_owned();
    let challenge = created.str("challenge_id");
    let failed = ts
        .request(Method::POST, &format!("/v1/challenges/{challenge}/verify"))
        .token(&ts.agent)
        .header("Audit-Reason", "customer read the code back")
        .json(&serde_json::json!({ "code": wrong_code(&code) }))
        .send()
        .await
        .expect_problem(422, "invalid_code");

    let events = ts.audit(&ts.agent, "account_id=acc_demoalice").await;
    let find = |action: &str| -> &Value {
        events.iter().find(|e| e["action"] == action).unwrap_or_else(|| panic!("no {action} event in {events:?}"))
    };
    let create = find("challenge.create");
    assert_eq!(create["actor"], AGENT);
    assert_eq!(create["account_id"], "acc_demoalice");
    assert_eq!(create["reason"], "customer called, forgot password");
    assert_eq!(create["ticket"], "SUP-1234");
    assert_eq!(create["request_id"], created.request_id(), "the event names the response's Request-Id");
    assert_eq!(create["outcome"], "success");
    assert_eq!(parse_time(&create["at"]), ts.clock.now());
    assert!(create["id"].is_i64(), "{create}");
    assert!(!create.to_string().contains(&code), "the audit log never holds a code");

    let verify = find("challenge.verify");
    assert_eq!(verify["outcome"], "failed", "a wrong code is audited as failed: {verify}");
    assert_eq!(verify["request_id"], failed.request_id());
    assert_eq!(verify["reason"], "customer read the code back");
    assert!(verify["ticket"].is_null(), "no ticket was given: {verify}");
    assert!(!verify.to_string().contains(&wrong_code(&code)), "nor a wrong one");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_sign_ins_are_audited_as_the_customer() {
    let ts = TestService::start().await;
    let login = ts.login(id("acc_demoken"), DEMO_PASSWORD).await.expect_status(200);
    let events = ts.audit(&ts.admin, "account_id=acc_demoken&action=login").await;
    let success = events.iter().find(|e| e["outcome"] == "success").unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(success["actor"], "customer");
    assert_eq!(success["request_id"], login.request_id());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cursor_pagination_walks_every_event_once_newest_first() {
    let ts = TestService::start().await;
    let (challenge, code) = ts.send_code(&ts.agent, "acc_demobob", "email").await;
    ts.send_code(&ts.agent, "acc_demobob", "sms").await;
    for _ in 0..3 {
        ts.advance(1);
        ts.verify(&ts.agent, &challenge, &wrong_code(&code)).await.expect_problem(422, "invalid_code");
    }
    let all = ts.audit(&ts.agent, "limit=1000").await;
    assert!(all.len() >= 5, "two creates and three failed verifies: {all:?}");
    let times: Vec<_> = all.iter().map(|e| parse_time(&e["at"])).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first: {times:?}");
    let failed = ts.audit(&ts.agent, "action=challenge.verify").await;
    assert_eq!(failed.len(), 3);
    assert!(failed.iter().all(|e| e["outcome"] == "failed" && e["account_id"] == "acc_demobob"), "{failed:?}");

    let mut walked: Vec<Value> = Vec::new();
    let mut query = "limit=2".to_owned();
    for page in 0.. {
        assert!(page < 20, "pagination must end");
        let reply = ts.get(&format!("/v1/audit?{query}"), &ts.agent).await.expect_status(200);
        let events = reply.json["events"].as_array().expect("events");
        assert!(events.len() <= 2, "limit is honoured: {}", reply.text);
        walked.extend(events.iter().cloned());
        match reply.json["next_cursor"].as_str() {
            Some(cursor) => {
                assert!(!events.is_empty(), "a page with a next cursor has events");
                query = format!("limit=2&cursor={cursor}");
            }
            None => break,
        }
    }
    let ids: Vec<&Value> = walked.iter().map(|e| &e["id"]).collect();
    let unique: HashSet<String> = ids.iter().map(|v| v.to_string()).collect();
    assert_eq!(unique.len(), ids.len(), "no duplicates: {ids:?}");
    assert_eq!(walked, all, "the pages add up to the whole log, in order");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operators_see_their_own_events_and_admins_see_everyones() {
    let ts = TestService::start().await;
    ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
    ts.post("/v1/accounts/acc_demobob:lock", &ts.sre, serde_json::json!({})).await.expect_status(200);

    let mine = ts.audit(&ts.agent, "").await;
    assert!(!mine.is_empty() && mine.iter().all(|e| e["actor"] == AGENT), "{mine:?}");
    ts.get(&format!("/v1/audit?actor={SRE}"), &ts.agent).await.expect_problem(403, "forbidden");
    ts.get(&format!("/v1/audit?actor={ADMIN}"), &ts.sre).await.expect_problem(403, "forbidden");
    let own = ts.audit(&ts.agent, &format!("actor={AGENT}")).await;
    assert_eq!(own, mine);

    let all = ts.audit(&ts.admin, "").await;
    let actors: HashSet<&str> = all.iter().filter_map(|e| e["actor"].as_str()).collect();
    assert!(actors.contains(AGENT) && actors.contains(SRE), "admin sees everyone: {actors:?}");
    let sre_only = ts.audit(&ts.admin, &format!("actor={SRE}")).await;
    assert!(!sre_only.is_empty() && sre_only.iter().all(|e| e["actor"] == SRE), "{sre_only:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_filters_are_checked() {
    let ts = TestService::start().await;
    ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
    ts.advance(3600);
    ts.create_challenge(&ts.agent, "acc_demobob", "email").await.expect_status(201);

    let since = (ts.clock.now() - time::Duration::minutes(30))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("a timestamp");
    let recent = ts.request(Method::GET, "/v1/audit").token(&ts.agent).query(&[("since", since.as_str())]);
    let recent = recent.send().await.expect_status(200);
    let accounts: Vec<&str> =
        recent.json["events"].as_array().expect("events").iter().filter_map(|e| e["account_id"].as_str()).collect();
    assert_eq!(accounts, ["acc_demobob"], "only the last half hour: {}", recent.text);

    for bad in ["limit=0", "limit=1001", "since=yesterday", "cursor=not-a-cursor"] {
        let reply = ts.get(&format!("/v1/audit?{bad}"), &ts.agent).await;
        assert_eq!(
            (reply.status, reply.json["code"].as_str()),
            (400, Some("invalid_request")),
            "{bad}: {}",
            reply.text
        );
    }
    ts.audit(&ts.agent, "limit=1000").await;
}
