//! The harness every test shares: a real `acctl-service` on an ephemeral
//! loopback port with a fresh SQLite file, the demo accounts, one token per
//! role, a frozen clock the test moves, and a reqwest client that speaks the
//! Admin API exactly as DESIGN.md §4 documents it.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use acctl_api::Role;
use acctl_service::{Clock, RunningService, ServiceConfig, Store, start};
use reqwest::header::HeaderMap;
use reqwest::{Method, RequestBuilder};
use serde_json::{Value, json};
use tempfile::TempDir;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The password of every demo account (`store.seed_demo()`).
pub const DEMO_PASSWORD: &str = "demo-password-2026";
/// Actor names of the harness's tokens.
pub const AGENT: &str = "agent-ann";
pub const SRE: &str = "sre-sam";
pub const ADMIN: &str = "admin-ada";

/// Where the frozen clock of every test starts.
pub fn t0() -> OffsetDateTime {
    time::macros::datetime!(2026-03-01 09:00 UTC)
}

pub struct TestService {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub url: String,
    pub agent: String,
    pub sre: String,
    pub admin: String,
    pub clock: Clock,
    client: reqwest::Client,
    /// Kept alive for the test: dropping it stops the service.
    _service: RunningService,
    _dir: TempDir,
}

impl TestService {
    /// A sandbox service (outbox on), demo accounts seeded, no per-token rate
    /// limit (tests that need one set it with [`TestService::start_with`]).
    pub async fn start() -> TestService {
        TestService::start_with(|_| {}).await
    }

    /// Like [`TestService::start`], with the config adjusted by `configure`
    /// before the service starts.
    pub async fn start_with(configure: impl FnOnce(&mut ServiceConfig)) -> TestService {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let dir = tempfile::tempdir().expect("a temporary directory");
        write_demo_database(dir.path());
        let clock = Clock::frozen(t0());
        let mut config = ServiceConfig::new(dir.path().join(DB_FILE));
        config.clock = clock.clone();
        config.sandbox = true;
        config.rate_limit = None;
        configure(&mut config);
        // `configure` may have put in another clock (the OpenID Connect
        // tests run on the system clock, as their provider does).
        let clock = config.clock.clone();
        let service =
            start(config, "127.0.0.1:0".parse().expect("a loopback address")).await.expect("the service starts");
        let url = service.url().to_string().trim_end_matches('/').to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "the service listens on loopback only, got {url}");
        let store = service.store();
        let agent = store.create_token(AGENT, Role::Agent).expect("agent token");
        let sre = store.create_token(SRE, Role::Sre).expect("sre token");
        let admin = store.create_token(ADMIN, Role::Admin).expect("admin token");
        let client =
            reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(30)).build().expect("a reqwest client");
        TestService { url, agent, sre, admin, clock, client, _service: service, _dir: dir }
    }

    /// The service's storage, to check what it keeps at rest.
    pub fn store(&self) -> &acctl_service::Store {
        self._service.store()
    }

    /// Moves the service's clock forward.
    pub fn advance(&self, secs: u64) {
        self.clock.advance(Duration::from_secs(secs));
    }

    /// A request to `path` (relative to the service URL), without a token.
    pub fn request(&self, method: Method, path: &str) -> Call {
        Call { builder: self.client.request(method, format!("{}{path}", self.url)) }
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.request(Method::GET, path).token(token).send().await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.request(Method::POST, path).token(token).json(&body).send().await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value) -> Reply {
        self.request(Method::PUT, path).token(token).json(&body).send().await
    }

    /// Every message the sandbox "sent", oldest first.
    pub async fn outbox(&self) -> Vec<Value> {
        let reply = self.request(Method::GET, "/v1/sandbox/outbox").send().await.expect_status(200);
        reply.json["messages"].as_array().unwrap_or_else(|| panic!("outbox has no `messages`: {}", reply.text)).clone()
    }

    /// The outbox messages of one account and kind (`verification_code`,
    /// `temporary_password`, `password_changed`), oldest first.
    pub async fn messages(&self, account_id: &str, kind: &str) -> Vec<Value> {
        self.outbox().await.into_iter().filter(|m| m["account_id"] == account_id && m["kind"] == kind).collect()
    }

    /// The newest message of that account and kind, which must exist.
    pub async fn last_message(&self, account_id: &str, kind: &str) -> Value {
        self.messages(account_id, kind).await.pop().unwrap_or_else(|| panic!("no {kind} message for {account_id}"))
    }

    /// Creates a challenge on `channel` and reads its code from the outbox:
    /// `(challenge_id, code)`.
    pub async fn send_code(&self, token: &str, account_id: &str, channel: &str) -> (String, String) {
        let reply = self.create_challenge(token, account_id, channel).await.expect_status(201);
        let message = self.last_message(account_id, "verification_code").await;
        assert_eq!(message["channel"], channel, "the code went out on the channel asked for: {message}");
        let code = message["secret"].as_str().expect("the outbox names the code in `secret`").to_owned();
        (reply.str("challenge_id").to_owned(), code)
    }

    pub async fn create_challenge(&self, token: &str, account_id: &str, channel: &str) -> Reply {
        self.post(&format!("/v1/accounts/{account_id}/challenges"), token, json!({ "channel": channel })).await
    }

    pub async fn verify(&self, token: &str, challenge_id: &str, code: &str) -> Reply {
        self.post(&format!("/v1/challenges/{challenge_id}/verify"), token, json!({ "code": code })).await
    }

    /// The whole verification of a password-only account on one channel: the
    /// single-use verification token.
    pub async fn verification_token(&self, token: &str, account_id: &str, channel: &str) -> String {
        let (challenge_id, code) = self.send_code(token, account_id, channel).await;
        let reply = self.verify(token, &challenge_id, &code).await.expect_status(200);
        assert_eq!(reply.json["status"], "verified", "{}", reply.text);
        reply.str("verification_token").to_owned()
    }

    pub async fn set_password(&self, token: &str, account_id: &str, body: Value) -> Reply {
        self.put(&format!("/v1/accounts/{account_id}/password"), token, body).await
    }

    /// Customer sign-in (no operator token).
    pub async fn login(&self, identifier: Value, password: &str) -> Reply {
        self.request(Method::POST, "/v1/auth/login")
            .json(&json!({ "identifier": identifier, "password": password }))
            .send()
            .await
    }

    /// One page of `GET /v1/audit?{query}` as `token`, which must answer 200.
    pub async fn audit(&self, token: &str, query: &str) -> Vec<Value> {
        let reply = self.get(&format!("/v1/audit?{query}"), token).await.expect_status(200);
        reply.json["events"].as_array().unwrap_or_else(|| panic!("audit page has no `events`: {}", reply.text)).clone()
    }
}

const DB_FILE: &str = "accounts.db";

/// Writes a fresh SQLite database holding the demo accounts into `dir`.
///
/// `store.seed_demo()` hashes a dozen passwords with argon2 (a second or two
/// on a small machine); it runs once per test binary, into a scratch
/// database whose files are kept in memory and written out for every test,
/// so each test still gets its own fresh file.
fn write_demo_database(dir: &Path) {
    static DEMO: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    let files = DEMO.get_or_init(|| {
        let scratch = tempfile::tempdir().expect("a temporary directory");
        let store = Store::open(&scratch.path().join(DB_FILE), Clock::frozen(t0())).expect("open the demo database");
        store.seed_demo().expect("demo accounts");
        drop(store); // closes the connections: the WAL is checkpointed
        [DB_FILE.to_owned(), format!("{DB_FILE}-wal")]
            .into_iter()
            .filter_map(|name| std::fs::read(scratch.path().join(&name)).ok().map(|bytes| (name, bytes)))
            .collect()
    });
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write the demo database");
    }
}

/// `{"kind": "id", "value": account_id}`.
pub fn id(account_id: &str) -> Value {
    json!({ "kind": "id", "value": account_id })
}

pub fn email(address: &str) -> Value {
    json!({ "kind": "email", "value": address })
}

pub fn phone(number: &str) -> Value {
    json!({ "kind": "phone", "value": number })
}

/// A code of the same length that is not `code`.
pub fn wrong_code(code: &str) -> String {
    let n: u64 = code.parse().expect("a numeric code");
    let modulus = 10u64.pow(u32::try_from(code.len()).expect("a short code"));
    format!("{:0width$}", (n + 1) % modulus, width = code.len())
}

pub fn parse_time(v: &Value) -> OffsetDateTime {
    let s = v.as_str().unwrap_or_else(|| panic!("not a timestamp: {v}"));
    OffsetDateTime::parse(s, &Rfc3339).unwrap_or_else(|e| panic!("`{s}` is not RFC 3339: {e}"))
}

/// A request being built.
pub struct Call {
    builder: RequestBuilder,
}

impl Call {
    pub fn token(self, token: &str) -> Call {
        Call { builder: self.builder.bearer_auth(token) }
    }

    pub fn header(self, name: &str, value: &str) -> Call {
        Call { builder: self.builder.header(name, value) }
    }

    pub fn query(self, pairs: &[(&str, &str)]) -> Call {
        Call { builder: self.builder.query(pairs) }
    }

    /// A raw body, for requests that are not valid JSON.
    pub fn body(self, body: &'static str) -> Call {
        Call { builder: self.builder.body(body) }
    }

    /// Raw body bytes (set `Content-Type` with [`Call::header`]).
    pub fn raw(self, body: Vec<u8>) -> Call {
        Call { builder: self.builder.body(body) }
    }

    pub fn json(self, body: &Value) -> Call {
        Call { builder: self.builder.json(body) }
    }

    pub async fn send(self) -> Reply {
        let response = self.builder.send().await.expect("the service answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.expect("a readable body");
        let json = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::Null) };
        Reply { status, headers, json, text }
    }
}

/// What came back: status, headers, the body parsed as JSON (`Null` when it
/// is not JSON) and the raw body.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub json: Value,
    pub text: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn request_id(&self) -> &str {
        match self.header("Request-Id") {
            Some(id) if !id.is_empty() => id,
            _ => panic!("response {} has no Request-Id header: {}", self.status, self.text),
        }
    }

    /// A string member of the body, which must be there.
    #[track_caller]
    pub fn str(&self, key: &str) -> &str {
        self.json[key].as_str().unwrap_or_else(|| panic!("no string `{key}` in {}", self.text))
    }

    /// An unsigned member of the body, which must be there.
    #[track_caller]
    pub fn u64(&self, key: &str) -> u64 {
        self.json[key].as_u64().unwrap_or_else(|| panic!("no number `{key}` in {}", self.text))
    }

    #[track_caller]
    pub fn expect_status(self, status: u16) -> Reply {
        assert_eq!(self.status, status, "unexpected status; body: {}", self.text);
        self
    }

    /// An RFC 9457 problem with this status and `code`, and every member
    /// DESIGN.md §4 promises.
    #[track_caller]
    pub fn expect_problem(self, status: u16, code: &str) -> Reply {
        assert_eq!((self.status, self.json["code"].as_str()), (status, Some(code)), "body: {}", self.text);
        let content_type = self.header("Content-Type").unwrap_or_default();
        assert!(content_type.starts_with("application/problem+json"), "problem content type, got `{content_type}`");
        for member in ["type", "title", "detail"] {
            assert!(self.json[member].is_string(), "problem member `{member}` missing: {}", self.text);
        }
        assert_eq!(self.json["status"], status, "problem `status` member: {}", self.text);
        self.request_id();
        self
    }

    /// A problem with this `code`, whatever its status.
    #[track_caller]
    pub fn expect_problem_code(self, code: &str) -> Reply {
        let status = self.status;
        self.expect_problem(status, code)
    }

    /// A 429 `rate_limited` with a `Retry-After` header: its seconds.
    #[track_caller]
    pub fn expect_rate_limited(self) -> u64 {
        let reply = self.expect_problem(429, "rate_limited");
        let header = reply.header("Retry-After").unwrap_or_else(|| panic!("429 without Retry-After: {}", reply.text));
        let secs: u64 = header.parse().unwrap_or_else(|_| panic!("Retry-After `{header}` is not seconds"));
        assert!(secs >= 1, "Retry-After must say when to come back, got {secs}");
        secs
    }
}
