//! The per-token request rate limit.

use acctl_service::RateLimit;

use crate::common::TestService;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_over_the_token_rate_is_told_when_to_retry_and_other_tokens_are_unaffected() {
    let ts = TestService::start_with(|config| config.rate_limit = Some(RateLimit { per_second: 5, burst: 5 })).await;
    let mut statuses = Vec::new();
    let mut limited = None;
    for _ in 0..20 {
        let reply = ts.get("/v1/whoami", &ts.agent).await;
        statuses.push(reply.status);
        if reply.status == 429 && limited.is_none() {
            limited = Some(reply);
        }
    }
    assert!(statuses[..5].iter().all(|&s| s == 200), "the burst of 5 is served: {statuses:?}");
    assert!(statuses.iter().all(|&s| s == 200 || s == 429), "{statuses:?}");
    let limited = limited.unwrap_or_else(|| panic!("20 requests at once exceed 5/s with a burst of 5: {statuses:?}"));
    let retry_after = limited.expect_rate_limited();
    assert!(
        retry_after <= 2,
        "a token bucket refilling at 5/s frees a slot within a second, Retry-After {retry_after}"
    );

    ts.get("/v1/whoami", &ts.sre).await.expect_status(200);
    ts.get("/v1/accounts/acc_demoalice", &ts.admin).await.expect_status(200);

    // The bucket is timed by the service clock (clock.rs): with time frozen
    // nothing refills; once Retry-After has passed the token works again.
    assert_eq!(statuses.iter().filter(|&&s| s == 200).count(), 5, "frozen time refills nothing: {statuses:?}");
    ts.get("/v1/whoami", &ts.agent).await.expect_rate_limited();
    ts.advance(retry_after);
    ts.get("/v1/whoami", &ts.agent).await.expect_status(200);
}
