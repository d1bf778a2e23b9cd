//! Access tokens from a real OpenID Connect provider (issue 12): npm
//! `oidc-provider` on a loopback port (`testing/oidc`, driven by the
//! `oidc-harness` crate), its tokens obtained by the device flow with a
//! person's approval walked over HTTP, and the service started with
//! `config.oidc` pointing at it.
//!
//! Where the wrong tokens come from: a wrong audience and an expired `exp`
//! come from the real provider (a token for its other resource server; the
//! service's clock moved past a real token's `exp`); a wrong issuer, a
//! future `nbf` and an unknown `kid` are signed by the provider's own
//! current key through its test-only `/__test/sign` route; `alg: none`, a
//! tampered payload and HS256 "signed" with the public key are built here
//! from a real token.
//!
//! These tests run on the system clock (tokens carry real times); where
//! time must pass, the service's clock is moved, never slept through.

use acctl_service::oidc::OidcConfig;
use acctl_service::{Clock, ServiceConfig};
use oidc_harness::{
    Provider, ProviderOptions, SigningKey, base64url_decode, base64url_encode, decode_unverified, users,
};
use serde_json::{Value, json};

use crate::common::{Reply, TestService};

struct Setup {
    provider: Provider,
    ts: TestService,
}

async fn setup() -> Setup {
    setup_with(|_| {}).await
}

async fn setup_with(configure: impl FnOnce(&mut ServiceConfig)) -> Setup {
    let provider = Provider::start(ProviderOptions::default()).await.unwrap_or_else(|e| panic!("{e}"));
    let oidc = OidcConfig::new(provider.issuer(), provider.audience());
    let ts = TestService::start_with(|config| {
        config.clock = Clock::system();
        config.oidc = Some(oidc);
        configure(config);
    })
    .await;
    Setup { provider, ts }
}

impl Setup {
    async fn token(&self, user: &str) -> String {
        self.provider.sign_in(user).await.unwrap_or_else(|e| panic!("{user} signs in: {e}")).access_token
    }

    /// A token of the provider's current key with the claims of a real one
    /// for `user`, changed by `edit`.
    async fn minted(&self, user: &str, header: Value, edit: impl FnOnce(&mut Value)) -> String {
        let mut claims = self.claims_for(user);
        edit(&mut claims);
        self.provider.mint(SigningKey::Rsa, header, claims).await.unwrap_or_else(|e| panic!("mint: {e}"))
    }

    /// Claims as the provider puts them in `user`'s access tokens.
    fn claims_for(&self, user: &str) -> Value {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        json!({
            "iss": self.provider.issuer(), "aud": self.provider.audience(), "sub": user,
            "email": users::email(user), "roles": [user], "iat": now, "exp": now + 300,
            "client_id": oidc_harness::CLIENT_ID, "jti": format!("test-{now}"),
        })
    }
}

/// A 401 `unauthenticated` whose detail contains `why` and never the token.
#[track_caller]
fn refused(reply: Reply, token: &str, why: &str) {
    assert!(!reply.text.contains(token), "the refusal echoes the token: {}", reply.text);
    let signature = token.rsplit('.').next().unwrap_or_default();
    assert!(signature.len() < 8 || !reply.text.contains(signature), "the refusal echoes the signature");
    let reply = reply.expect_problem(401, "unauthenticated");
    let detail = reply.str("detail");
    assert!(detail.contains(why), "the refusal says `{why}`, got: {detail}");
}

/// `header.payload.signature` with the header and payload JSON re-encoded.
fn assemble(header: &Value, claims: &Value, signature: &str) -> String {
    format!(
        "{}.{}.{signature}",
        base64url_encode(header.to_string().as_bytes()),
        base64url_encode(claims.to_string().as_bytes())
    )
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn each_role_signs_in_and_may_do_exactly_what_its_role_allows() {
    let s = setup().await;
    let ts = &s.ts;
    let (agent, sre, admin) = (s.token(users::AGENT).await, s.token(users::SRE).await, s.token(users::ADMIN).await);

    for (token, user, role) in
        [(&agent, users::AGENT, "agent"), (&sre, users::SRE, "sre"), (&admin, users::ADMIN, "admin")]
    {
        let who = ts.get("/v1/whoami", token).await.expect_status(200);
        assert_eq!(who.str("actor"), format!("oidc:{user}"));
        assert_eq!(who.str("role"), role, "{}", who.text);
        assert_eq!(who.str("subject"), user);
        assert_eq!(who.str("email"), users::email(user));
        assert_eq!(who.str("issuer"), s.provider.issuer());
        assert!(who.json["name"].is_string() && who.json["token_expires_at"].is_string(), "{}", who.text);
        ts.get("/v1/accounts/acc_demoalice", token).await.expect_status(200);
    }

    // Agent: codes, but no lock, no reveal, no one else's audit events.
    ts.create_challenge(&agent, "acc_demobob", "email").await.expect_status(201);
    ts.post("/v1/accounts/acc_demobob:lock", &agent, json!({})).await.expect_problem(403, "forbidden");
    ts.get("/v1/accounts/acc_demobob?reveal=true", &agent).await.expect_problem(403, "forbidden");
    ts.get("/v1/audit?actor=oidc:sre", &agent).await.expect_problem(403, "forbidden");
    // SRE: lock and unlock, forced resets; still no reveal.
    ts.post("/v1/accounts/acc_demobob:lock", &sre, json!({})).await.expect_status(200);
    ts.post("/v1/accounts/acc_demobob:unlock", &sre, json!({})).await.expect_status(200);
    ts.get("/v1/accounts/acc_demobob?reveal=true", &sre).await.expect_problem(403, "forbidden");
    // Admin: unmasked contacts and everyone's audit events.
    let bob = ts.get("/v1/accounts/acc_demobob?reveal=true", &admin).await.expect_status(200);
    assert_eq!(bob.str("email"), "bob@example.com");
    let events = ts.audit(&admin, "actor=oidc:sre").await;
    assert!(events.iter().any(|e| e["action"] == "account.lock"), "{events:?}");

    // A valid token without a role acctl knows: 403 no_role, with the remedy.
    for user in [users::NO_ROLE, users::UNKNOWN_ROLE] {
        let token = s.token(user).await;
        let reply = ts.get("/v1/whoami", &token).await;
        assert!(!reply.text.contains(&token));
        let reply = reply.expect_problem(403, "no_role");
        assert!(reply.str("detail").contains("no acctl role"), "{}", reply.text);
        ts.get("/v1/accounts/acc_demoalice", &token).await.expect_problem(403, "no_role");
    }
}

/// The provider signs its access tokens with PS256, then ES256 (P-256):
/// both are on the allow-list, with the key type that goes with each.
#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn ps256_and_es256_access_tokens_from_the_provider_are_accepted() {
    for alg in ["PS256", "ES256"] {
        let options = ProviderOptions { access_token_alg: alg.to_owned(), ..ProviderOptions::default() };
        let provider = Provider::start(options).await.unwrap_or_else(|e| panic!("{e}"));
        let oidc = OidcConfig::new(provider.issuer(), provider.audience());
        let ts = TestService::start_with(|config| {
            config.clock = Clock::system();
            config.oidc = Some(oidc);
        })
        .await;
        let token = provider.sign_in(users::AGENT).await.expect("sign-in").access_token;
        assert_eq!(decode_unverified(&token).expect("a JWT").0["alg"], alg);
        let who = ts.get("/v1/whoami", &token).await.expect_status(200);
        assert_eq!(who.str("actor"), "oidc:agent", "{alg}");
    }
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn forged_foreign_and_expired_tokens_are_refused_with_the_reason() {
    let s = setup().await;
    let ts = &s.ts;
    let real = s.token(users::ADMIN).await;
    let (header, claims) = decode_unverified(&real).expect("a JWT");
    let signature = real.rsplit('.').next().expect("a signature");

    // From the real provider: a token for its other resource server.
    let foreign =
        s.provider.sign_in_for(users::ADMIN, oidc_harness::OTHER_AUDIENCE).await.expect("sign-in").access_token;
    refused(ts.get("/v1/whoami", &foreign).await, &foreign, "is for `https://other.test/api`, not for this service");

    // Signed by the provider's own key, but wrong in one way.
    let other_issuer = s.minted(users::ADMIN, json!({}), |c| c["iss"] = json!("http://127.0.0.1:9")).await;
    refused(ts.get("/v1/whoami", &other_issuer).await, &other_issuer, "issued by `http://127.0.0.1:9`");
    let not_yet = s.minted(users::ADMIN, json!({}), |c| c["nbf"] = json!(c["iat"].as_i64().unwrap() + 600)).await;
    refused(ts.get("/v1/whoami", &not_yet).await, &not_yet, "not valid for another");
    let no_exp = s
        .minted(users::ADMIN, json!({}), |c| {
            c.as_object_mut().unwrap().remove("exp");
        })
        .await;
    refused(ts.get("/v1/whoami", &no_exp).await, &no_exp, "no usable `exp` claim");
    let id_token_typ = s.minted(users::ADMIN, json!({"typ": "JWT"}), |_| {}).await;
    refused(
        ts.get("/v1/whoami", &id_token_typ).await,
        &id_token_typ,
        "is `JWT`, not `at+jwt`: an ID token, or the access token of a provider that labels them so (Okta, Entra ID, \
         Keycloak), which this service takes only when started with --oidc-accept-plain-jwt",
    );
    let audiences = s.minted(users::ADMIN, json!({}), |c| c["aud"] = json!(["https://x.test", c["aud"].clone()])).await;
    ts.get("/v1/whoami", &audiences).await.expect_status(200);
    // ES256 is allowed (the provider's P-256 key); an RS256 token naming that key is not.
    let es256 = s.provider.mint(SigningKey::Ec, json!({}), s.claims_for(users::ADMIN)).await.expect("mint");
    ts.get("/v1/whoami", &es256).await.expect_status(200);
    let (es_header, _) = decode_unverified(&es256).expect("a JWT");
    let confused = s.minted(users::ADMIN, json!({"kid": es_header["kid"]}), |_| {}).await;
    refused(ts.get("/v1/whoami", &confused).await, &confused, "cannot verify `RS256` signatures");

    // Built here from the real token.
    let mut none = header.clone();
    none["alg"] = json!("none");
    let unsigned = assemble(&none, &claims, "");
    refused(ts.get("/v1/whoami", &unsigned).await, &unsigned, "unsigned tokens (`alg: none`)");
    let mut promoted = claims.clone();
    promoted["sub"] = json!("someone-else");
    let tampered = assemble(&header, &promoted, signature);
    refused(ts.get("/v1/whoami", &tampered).await, &tampered, "signature does not verify");
    // HS256 with the provider's public key as the "secret" (the classic
    // key-confusion forgery): the modulus bytes, and the JWK's JSON text.
    let jwks = s.provider.jwks().await.expect("jwks");
    let jwk = jwks["keys"].as_array().unwrap().iter().find(|k| k["kid"] == header["kid"]).expect("the signing key");
    let modulus = base64url_decode(jwk["n"].as_str().unwrap()).expect("n");
    for secret in [modulus, jwk.to_string().into_bytes()] {
        let mut hs = header.clone();
        hs["alg"] = json!("HS256");
        let input = format!(
            "{}.{}",
            base64url_encode(hs.to_string().as_bytes()),
            base64url_encode(claims.to_string().as_bytes())
        );
        let mac = ring::hmac::sign(&ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &secret), input.as_bytes());
        let forged = format!("{input}.{}", base64url_encode(mac.as_ref()));
        refused(ts.get("/v1/whoami", &forged).await, &forged, "`HS256` (a shared-secret MAC) is not accepted");
    }
    refused(ts.get("/v1/whoami", "a.b.c").await, "a.b.c", "not an access token this service can read");

    // From the real provider: its token, once the service's clock is past
    // `exp` plus the leeway (30 s).
    ts.get("/v1/whoami", &real).await.expect_status(200);
    let exp = claims["exp"].as_i64().expect("exp");
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    ts.advance(u64::try_from(exp - now).unwrap_or(0) + 31);
    refused(ts.get("/v1/whoami", &real).await, &real, "the token expired");
}

/// Okta, Entra ID and Keycloak label their access tokens `typ: JWT`, or
/// leave `typ` out: with `accept_plain_jwt` the service takes them, and still
/// refuses ID tokens, which are labelled the same.
#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn access_tokens_labelled_plain_jwt_are_taken_when_configured_and_id_tokens_still_are_not() {
    let s = setup_with(|config| config.oidc.as_mut().expect("a provider").accept_plain_jwt = true).await;
    let ts = &s.ts;
    for header in [json!({"typ": "JWT"}), json!({"typ": "jwt"}), json!({"typ": null})] {
        let token = s.minted(users::SRE, header.clone(), |_| {}).await;
        let who = ts.get("/v1/whoami", &token).await.expect_status(200);
        assert_eq!((who.str("actor"), who.str("role")), ("oidc:sre", "sre"), "{header}");
    }
    // The provider's own `at+jwt` tokens are taken as before.
    let real = s.token(users::AGENT).await;
    assert_eq!(ts.get("/v1/whoami", &real).await.expect_status(200).str("actor"), "oidc:agent");

    // An ID token names the client as its audience, and may carry claims
    // only ID tokens have.
    let plain = json!({"typ": "JWT"});
    let for_the_client = s.minted(users::ADMIN, plain.clone(), |c| c["aud"] = json!(oidc_harness::CLIENT_ID)).await;
    refused(ts.get("/v1/whoami", &for_the_client).await, &for_the_client, "not for this service");
    for (claim, value, why) in [
        ("nonce", json!("n-0S6_WzA2Mj"), "carries a `nonce`, as ID tokens do"),
        ("at_hash", json!("77QmUPtjPfzWtF2AnpK9RQ"), "carries an `at_hash`, as ID tokens do"),
        ("c_hash", json!("LDktKdoQak3Pk0cnXxCltA"), "carries a `c_hash`, as ID tokens do"),
        ("typ", json!("ID"), "carries `\"typ\": \"ID\"`, as ID tokens do"),
    ] {
        let token = s.minted(users::ADMIN, plain.clone(), |c| c[claim] = value.clone()).await;
        refused(ts.get("/v1/whoami", &token).await, &token, why);
    }
    // Labelled an access token, the same claim is no ID token's mark.
    let labelled = s.minted(users::ADMIN, json!({}), |c| c["nonce"] = json!("n-0S6_WzA2Mj")).await;
    ts.get("/v1/whoami", &labelled).await.expect_status(200);
    // Other labels stay refused.
    let jose = s.minted(users::ADMIN, json!({"typ": "JOSE"}), |_| {}).await;
    refused(ts.get("/v1/whoami", &jose).await, &jose, "is `JOSE`, not `at+jwt`: send an access token");
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn a_key_rotation_is_picked_up_and_unknown_keys_refetch_at_most_once_a_minute() {
    let s = setup().await;
    let ts = &s.ts;
    let old = s.token(users::SRE).await;
    ts.get("/v1/whoami", &old).await.expect_status(200);
    let fetched = s.provider.jwks_requests().await.expect("stats");

    // The provider rotates (the old key still published): the first token
    // with the new key makes the service fetch the keys again.
    let kids = s.provider.rotate_keys(true).await.expect("rotation");
    let new = s.token(users::SRE).await;
    assert_eq!(decode_unverified(&new).unwrap().0["kid"], kids[0].as_str(), "signed with the new key");
    ts.get("/v1/whoami", &new).await.expect_status(200);
    ts.get("/v1/whoami", &old).await.expect_status(200);
    assert_eq!(s.provider.jwks_requests().await.expect("stats"), fetched + 1, "one refetch");

    // A flood of made-up key ids: refused, and no more fetches this minute.
    for i in 0..20 {
        let bogus = s.minted(users::SRE, json!({"kid": format!("made-up-{i}")}), |_| {}).await;
        refused(ts.get("/v1/whoami", &bogus).await, &bogus, &format!("does not publish (kid `made-up-{i}`)"));
    }
    assert_eq!(s.provider.jwks_requests().await.expect("stats"), fetched + 1, "no refetch within the minute");

    // A rotation that drops the old keys, within the minute: the new key is
    // unknown until a minute has passed since the last fetch.
    s.provider.rotate_keys(false).await.expect("rotation");
    let newer = s.token(users::SRE).await;
    refused(ts.get("/v1/whoami", &newer).await, &newer, "does not publish");
    ts.advance(61);
    ts.get("/v1/whoami", &newer).await.expect_status(200);
    assert_eq!(s.provider.jwks_requests().await.expect("stats"), fetched + 2);
    refused(ts.get("/v1/whoami", &old).await, &old, "does not publish");
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn cached_keys_keep_serving_while_the_provider_is_down() {
    let mut s = setup().await;
    let token = s.token(users::AGENT).await;
    let bogus = s.minted(users::AGENT, json!({"kid": "gone"}), |_| {}).await;
    s.provider.stop();
    let ts = &s.ts;
    ts.get("/v1/whoami", &token).await.expect_status(200);
    ts.create_challenge(&token, "acc_demoalice", "email").await.expect_status(201);
    // An unknown key tries the (dead) provider once, and is refused in words.
    refused(ts.get("/v1/whoami", &bogus).await, &bogus, "does not publish (kid `gone`)");
    ts.get("/v1/whoami", &token).await.expect_status(200);
}

/// No provider is needed: nothing listens at the issuer.
#[tokio::test]
async fn a_provider_unreachable_at_start_up_is_an_error_naming_it() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        listener.local_addr().expect("its address").port()
    };
    let issuer = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut config = ServiceConfig::new(dir.path().join("accounts.db"));
    config.oidc = Some(OidcConfig::new(&issuer, "https://acctl.test/admin-api"));
    let error = match acctl_service::start(config, "127.0.0.1:0".parse().expect("an address")).await {
        Ok(_) => panic!("the service started without its identity provider"),
        Err(e) => e.to_string(),
    };
    assert!(
        error.contains(&format!(
            "cannot reach the OpenID Connect provider at `{issuer}/.well-known/openid-configuration`"
        )),
        "{error}"
    );
    assert!(error.to_lowercase().contains("refused"), "the cause is named: {error}");

    // The binary: a non-zero exit and the same words on stderr.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_acctl-service"))
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("cli.db"))
        .args(["--oidc-issuer", &issuer, "--oidc-audience", "https://acctl.test/admin-api"])
        .env("ACCTL_SERVICE_LOG", "warn")
        .output()
        .expect("acctl-service runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error: cannot reach the OpenID Connect provider at `http://127.0.0.1:"), "{stderr}");
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn keys_limits_and_challenges_follow_the_subject_not_the_access_token() {
    let s = setup_with(|config| config.idempotency_keys_per_token = 3).await;
    let ts = &s.ts;
    let signed_in = s.provider.sign_in(users::SRE).await.expect("sign-in");
    let first = signed_in.access_token.clone();
    // A refresh, as acctl does before the access token expires: a new token, the same subject.
    let refreshed = s.provider.refresh(signed_in.refresh_token.as_deref().expect("a refresh token")).await;
    let second = refreshed.expect("the provider answers").expect("a refreshed token").access_token;
    assert_ne!(first, second);

    // A bulk job's lock, retried after the refresh with the same key: one lock.
    let lock = |token: &str| {
        ts.request(reqwest::Method::POST, "/v1/accounts/acc_demobob:lock")
            .token(token)
            .header("Idempotency-Key", "job-1:acc_demobob:lock")
            .json(&json!({}))
    };
    let applied = lock(&first).send().await.expect_status(200);
    let retried = lock(&second).send().await.expect_status(200);
    assert_eq!(retried.header("Idempotent-Replayed"), Some("true"), "the retry is a replay");
    assert_eq!(retried.text, applied.text);
    let locks = ts.audit(&s.token(users::ADMIN).await, "action=account.lock").await;
    assert_eq!(locks.len(), 1, "locked once: {locks:?}");
    // Another SRE with the same key is another caller: its own answer.
    let other = s.token("sre-2").await;
    let theirs = lock(&other).send().await;
    assert_eq!(theirs.header("Idempotent-Replayed"), None, "{}", theirs.text);

    // The stored-answer cap (3 here) counts the subject's answers across tokens.
    for (i, token) in [&first, &second].into_iter().enumerate() {
        ts.request(reqwest::Method::POST, "/v1/accounts/acc_demobob:unlock")
            .token(token)
            .header("Idempotency-Key", &format!("k{i}"))
            .json(&json!({}))
            .send()
            .await
            .expect_status(200);
    }
    ts.request(reqwest::Method::POST, "/v1/accounts/acc_demobob:unlock")
        .token(&first)
        .header("Idempotency-Key", "k-over")
        .json(&json!({}))
        .send()
        .await
        .expect_rate_limited();

    // A code sent with one access token is verified with the next; another
    // agent cannot verify it.
    let agent = s.provider.sign_in(users::AGENT).await.expect("sign-in");
    let (challenge, code) = ts.send_code(&agent.access_token, "acc_democarol", "email").await;
    let stranger = s.token("agent-2").await;
    ts.verify(&stranger, &challenge, &code).await.expect_problem(403, "forbidden");
    let next = s.provider.refresh(agent.refresh_token.as_deref().unwrap()).await.unwrap().expect("refreshed");
    let verified = ts.verify(&next.access_token, &challenge, &code).await.expect_status(200);
    assert_eq!(verified.json["status"], "verified", "{}", verified.text);
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn the_rate_limit_counts_a_subject_across_its_access_tokens() {
    use acctl_service::RateLimit;
    let s = setup_with(|config| config.rate_limit = Some(RateLimit { per_second: 1, burst: 2 })).await;
    let ts = &s.ts;
    let signed_in = s.provider.sign_in(users::AGENT).await.expect("sign-in");
    let refreshed = s.provider.refresh(signed_in.refresh_token.as_deref().unwrap()).await.unwrap().expect("refresh");
    let other = s.token("agent-2").await;
    ts.get("/v1/whoami", &signed_in.access_token).await.expect_status(200);
    ts.get("/v1/whoami", &refreshed.access_token).await.expect_status(200);
    ts.get("/v1/whoami", &refreshed.access_token).await.expect_rate_limited();
    ts.get("/v1/whoami", &signed_in.access_token).await.expect_rate_limited();
    ts.get("/v1/whoami", &other).await.expect_status(200);
}

#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn audit_events_name_the_subject_and_the_email() {
    let s = setup().await;
    let ts = &s.ts;
    let agent = s.token(users::AGENT).await;
    ts.create_challenge(&agent, "acc_demoalice", "email").await.expect_status(201);
    let mine = ts.audit(&agent, "").await;
    let event = mine.iter().find(|e| e["action"] == "challenge.create").expect("the agent's own event");
    assert_eq!((event["actor"].as_str(), event["actor_email"].as_str()), (Some("oidc:agent"), Some("agent@corp.test")));
    // The service's own tokens' events have no actor_email at all.
    ts.create_challenge(&ts.agent, "acc_demobob", "email").await.expect_status(201);
    let theirs = ts.audit(&ts.admin, "actor=agent-ann").await;
    assert!(theirs.iter().all(|e| e.get("actor_email").is_none()), "{theirs:?}");
    // And no operator token can pass for a provider user.
    let refused = ts.store().create_token("oidc:agent", acctl_api::Role::Admin);
    assert!(refused.is_err_and(|e| e.to_string().contains("identity-provider users")));
}

/// The binary's flags, end to end: `serve --oidc-issuer --oidc-audience
/// --oidc-role-claim` against the real provider, a provider token over HTTP.
#[tokio::test]
#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
async fn serve_takes_the_provider_from_its_flags() {
    use std::io::BufRead;
    let provider = Provider::start(ProviderOptions { role_claim: "acctl_roles".into(), ..ProviderOptions::default() })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    /// Stops the service however the test ends.
    struct Running(std::process::Child);
    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_acctl-service"))
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("accounts.db"))
        .args(["--oidc-issuer", provider.issuer(), "--oidc-audience", provider.audience()])
        .args(["--oidc-role-claim", "acctl_roles", "--oidc-accept-plain-jwt"])
        .env("ACCTL_SERVICE_LOG", "warn")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("acctl-service runs");
    let mut stderr = std::io::BufReader::new(child.stderr.take().expect("stderr"));
    let _running = Running(child);
    let (mut url, mut trusted) = (String::new(), String::new());
    for _ in 0..10 {
        let mut line = String::new();
        if stderr.read_line(&mut line).expect("read") == 0 {
            break;
        }
        if let Some(rest) = line.strip_prefix("acctl-service listening on ") {
            url = rest.trim().to_owned();
        }
        if line.starts_with("OpenID Connect: ") {
            trusted = line.trim().to_owned();
            break;
        }
    }
    assert!(url.starts_with("http://127.0.0.1:"), "serve printed its URL: `{url}`");
    assert_eq!(
        trusted,
        format!(
            "OpenID Connect: accepting access tokens of `{}` for `{}` (role claim `acctl_roles`, typ `at+jwt` or `JWT`)",
            provider.issuer(),
            provider.audience()
        )
    );
    let token = provider.sign_in(users::SRE).await.expect("sign-in").access_token;
    let client = reqwest::Client::builder().no_proxy().build().expect("a client");
    let who = client.get(format!("{url}/v1/whoami")).bearer_auth(&token).send().await.expect("an answer");
    let status = who.status().as_u16();
    let body: Value = who.json().await.expect("JSON");
    assert_eq!((status, body["actor"].as_str(), body["role"].as_str()), (200, Some("oidc:sre"), Some("sre")), "{body}");

    // --oidc-accept-plain-jwt: a token labelled `JWT`, as Okta's, is taken too.
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let claims = json!({
        "iss": provider.issuer(), "aud": provider.audience(), "sub": users::AGENT,
        "acctl_roles": "agent", "iat": now, "exp": now + 300,
    });
    let plain = provider.mint(SigningKey::Rsa, json!({"typ": "JWT"}), claims).await.expect("mint");
    let who = client.get(format!("{url}/v1/whoami")).bearer_auth(&plain).send().await.expect("an answer");
    let status = who.status().as_u16();
    let body: Value = who.json().await.expect("JSON");
    assert_eq!((status, body["actor"].as_str()), (200, Some("oidc:agent")), "{body}");
}
