//! A real OpenID Connect provider for tests, and the person in front of it.
//!
//! [`Provider::start`] runs `testing/oidc/provider.js` (npm `oidc-provider`
//! 9.13.3, a certified implementation) with Node on an ephemeral loopback
//! port and waits for its ready line; dropping the [`Provider`] kills it.
//! [`Provider::approve`] does what a person does in a browser when a
//! command-line tool shows them a user code: opens the verification page,
//! enters the code, confirms, signs in and consents (or refuses), over plain
//! HTTP with a cookie jar. [`Provider::sign_in`] runs the whole device flow
//! itself, for tests that only need a real access token.
//!
//! Users: any login name signs in and is the subject; `agent`, `sre` and
//! `admin` (and `agent-2`, `admin-x`…) carry that role in the access token's
//! role claim, `viewer…` the unknown role `viewer`, anything else no role
//! ([`users`]). The email is `NAME@corp.test`.
//!
//! Key rotation is in-process: [`Provider::rotate_keys`] rebuilds the
//! provider with new signing keys (grants and refresh tokens survive), the
//! new key first in its JWKS and the old one kept or dropped.
//! [`Provider::mint`] signs any claims with the provider's current key, for
//! tokens that are well signed but wrong in one way (expired, other issuer).
//!
//! Tests that use it need Node and `npm ci --prefix testing/oidc`; they are
//! `#[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix
//! testing/oidc); .ci/run runs it"]`, and [`Provider::start`] fails with
//! that hint when either is missing.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{StatusCode, header};
use serde_json::{Value, json};

/// The `#[ignore]` reason of every test that needs the provider.
pub const IGNORE_REASON: &str =
    "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it";

/// The public client registered at the provider (no secret; device_code and
/// refresh_token grants).
pub const CLIENT_ID: &str = "acctl";

/// The admin API's resource indicator (the `aud` of its access tokens) unless
/// [`ProviderOptions::audience`] says otherwise.
pub const DEFAULT_AUDIENCE: &str = "https://acctl.test/admin-api";

/// A second resource server the provider also issues JWTs for.
pub const OTHER_AUDIENCE: &str = "https://other.test/api";

/// The device grant's `grant_type`.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// Login names (= subjects) with each role.
pub mod users {
    /// Role claim `"agent"` (a string).
    pub const AGENT: &str = "agent";
    /// Role claim `["sre"]`.
    pub const SRE: &str = "sre";
    /// Role claim `["agent", "admin"]`: the highest known role counts.
    pub const ADMIN: &str = "admin";
    /// No role claim at all.
    pub const NO_ROLE: &str = "nobody";
    /// Role claim `["viewer"]`, a role acctl does not know.
    pub const UNKNOWN_ROLE: &str = "viewer";

    /// `NAME@corp.test`, the email the provider gives every user.
    pub fn email(user: &str) -> String {
        format!("{user}@corp.test")
    }
}

/// How to run the provider; `Default` is what most tests want.
#[derive(Debug, Clone)]
pub struct ProviderOptions {
    /// Listen on this port (default: any free one).
    pub port: Option<u16>,
    /// The admin API's resource indicator.
    pub audience: String,
    /// Claim that carries the role (default `roles`).
    pub role_claim: String,
    /// Lifetime of access tokens (default 300 s).
    pub access_token_ttl: Duration,
    /// `RS256` (default), `PS256` or `ES256`.
    pub access_token_alg: String,
    /// Lifetime of a device code (default 600 s).
    pub device_code_ttl: Duration,
    /// Lifetime of refresh tokens (default one day).
    pub refresh_token_ttl: Duration,
    /// The `interval` of the device authorization answer (default 1 s).
    pub interval: Duration,
}

impl Default for ProviderOptions {
    fn default() -> Self {
        ProviderOptions {
            port: None,
            audience: DEFAULT_AUDIENCE.to_owned(),
            role_claim: "roles".to_owned(),
            access_token_ttl: Duration::from_secs(300),
            access_token_alg: "RS256".to_owned(),
            device_code_ttl: Duration::from_secs(600),
            refresh_token_ttl: Duration::from_secs(86_400),
            interval: Duration::from_secs(1),
        }
    }
}

/// What went wrong in the harness (never holds a token).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn error(message: impl Into<String>) -> Error {
    Error(message.into())
}

fn http_error(what: &str, e: reqwest::Error) -> Error {
    // reqwest's message names the URL, never a body.
    error(format!("{what}: {e}"))
}

/// The person's answer at the consent step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
}

/// A token endpoint answer. `Debug` shows no token.
#[derive(Clone)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub id_token: Option<String>,
    pub expires_in: Option<u64>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"[redacted]")
            .field("refresh_token", &self.refresh_token.as_ref().map(|_| "[redacted]"))
            .field("id_token", &self.id_token.as_ref().map(|_| "[redacted]"))
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// The device authorization answer (RFC 8628 §3.2).
#[derive(Debug, Clone)]
pub struct DeviceAuthorization {
    pub device_code: String,
    pub user_code: String,
    pub verification_uri: String,
    pub interval: u64,
    pub expires_in: u64,
}

/// Which of the provider's current keys [`Provider::mint`] signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningKey {
    /// RS256 with the current RSA key.
    Rsa,
    /// ES256 with the current P-256 key.
    Ec,
}

/// `testing/oidc`, where `provider.js` and its `node_modules` are.
pub fn provider_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("oidc")
}

/// Why the provider cannot run here, if it cannot: Node missing (or
/// `ACCTL_TEST_NODE` naming no Node), or the npm packages not installed.
pub fn unavailable() -> Option<String> {
    let dir = provider_dir();
    if !dir.join("node_modules").join("oidc-provider").is_dir() {
        return Some(format!(
            "the npm packages of the test provider are not installed in `{}`; run `npm ci --prefix testing/oidc`",
            dir.display()
        ));
    }
    match Command::new(node()).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status() {
        Ok(status) if status.success() => None,
        _ => Some(format!("`{}` does not run; install Node 20 or later (or set ACCTL_TEST_NODE)", node())),
    }
}

fn node() -> String {
    std::env::var("ACCTL_TEST_NODE").unwrap_or_else(|_| "node".to_owned())
}

/// A running `provider.js`; killed when dropped.
pub struct Provider {
    child: Option<Child>,
    issuer: String,
    port: u16,
    options: ProviderOptions,
    stderr: Arc<Mutex<String>>,
    http: reqwest::Client,
}

impl Drop for Provider {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Provider {
    /// Starts the provider and waits until it listens. A start that is not
    /// ready in 20 s is killed and tried again, twice (on a loaded machine a
    /// Node start now and then hung before listening).
    pub async fn start(options: ProviderOptions) -> Result<Provider> {
        if let Some(reason) = unavailable() {
            return Err(error(reason));
        }
        let mut attempt = 1;
        loop {
            match Provider::start_once(options.clone()).await {
                Err(e) if attempt < 3 && e.0.contains("was not ready") => attempt += 1,
                other => return other,
            }
        }
    }

    async fn start_once(options: ProviderOptions) -> Result<Provider> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| http_error("cannot build an HTTP client", e))?;
        let mut command = Command::new(node());
        command
            .arg(provider_dir().join("provider.js"))
            .current_dir(provider_dir())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let secs = |d: Duration| d.as_secs().to_string();
        for (name, value) in [
            ("PORT", options.port.unwrap_or(0).to_string()),
            ("AUDIENCE", options.audience.clone()),
            ("ROLE_CLAIM", options.role_claim.clone()),
            ("ACCESS_TOKEN_TTL", secs(options.access_token_ttl)),
            ("ACCESS_TOKEN_ALG", options.access_token_alg.clone()),
            ("DEVICE_CODE_TTL", secs(options.device_code_ttl)),
            ("REFRESH_TOKEN_TTL", secs(options.refresh_token_ttl)),
            ("INTERVAL", secs(options.interval)),
        ] {
            command.env(format!("ACCTL_OIDC_{name}"), value);
        }
        let mut child = command.spawn().map_err(|e| error(format!("cannot run `{}`: {e}", node())))?;
        let stderr = Arc::new(Mutex::new(String::new()));
        if let Some(mut pipe) = child.stderr.take() {
            let sink = Arc::clone(&stderr);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    sink.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
        }
        let stdout = child.stdout.take().ok_or_else(|| error("the provider's stdout is not piped"))?;
        let (tx, rx) = tokio::sync::oneshot::channel::<Option<String>>();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let ready = lines.next().and_then(|l| l.ok());
            let _ = tx.send(ready);
            // Keep draining, so the provider never blocks on a full pipe.
            for _ in lines {}
        });
        let mut provider = Provider { child: Some(child), issuer: String::new(), port: 0, options, stderr, http };
        let line = match tokio::time::timeout(Duration::from_secs(20), rx).await {
            Ok(Ok(Some(line))) => line,
            Ok(_) => return Err(provider.died("exited before it was ready")),
            Err(_) => return Err(provider.died("was not ready within 20 s")),
        };
        let ready: Value = serde_json::from_str(&line)
            .map_err(|_| provider.died(&format!("printed `{line}` instead of its ready line")))?;
        let issuer = ready["issuer"].as_str().ok_or_else(|| provider.died("named no issuer"))?.to_owned();
        provider.port = issuer.rsplit(':').next().and_then(|p| p.parse().ok()).unwrap_or(0);
        provider.issuer = issuer;
        Ok(provider)
    }

    fn died(&mut self, what: &str) -> Error {
        self.stop();
        let stderr = self.stderr.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        error(format!("the test OpenID provider {what}; its stderr:\n{stderr}"))
    }

    /// `http://127.0.0.1:PORT`, exactly as the provider's `iss`.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The admin API's audience this provider was started with.
    pub fn audience(&self) -> &str {
        &self.options.audience
    }

    pub fn options(&self) -> &ProviderOptions {
        &self.options
    }

    /// What the provider wrote on stderr so far (warnings; for assertions
    /// that no token was ever logged).
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// Kills the provider (a later request to it fails to connect).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Stops the provider and starts a fresh one on the same port: new
    /// signing keys, and every grant, session and refresh token forgotten.
    /// (For a rotation that keeps them, see [`Provider::rotate_keys`].)
    pub async fn restart(&mut self) -> Result<()> {
        self.stop();
        let mut options = self.options.clone();
        options.port = Some(self.port);
        let mut last = None;
        // The port may take a moment to be free again.
        for _ in 0..50 {
            match Provider::start(options.clone()).await {
                Ok(mut fresh) => {
                    std::mem::swap(self, &mut fresh);
                    return Ok(());
                }
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(last.unwrap_or_else(|| error("the provider did not restart")))
    }

    /// New signing keys: the provider signs with them from now on and
    /// publishes them first in its JWKS; the old keys stay published when
    /// `keep_old` (a graceful rotation) and are gone otherwise. Grants and
    /// refresh tokens survive. Answers the JWKS's key ids, newest first.
    pub async fn rotate_keys(&self, keep_old: bool) -> Result<Vec<String>> {
        let url = format!("{}/__test/rotate?keep_old={keep_old}", self.issuer);
        let reply = self.http.post(url).send().await.map_err(|e| http_error("cannot rotate keys", e))?;
        let body: Value = reply.json().await.map_err(|e| http_error("cannot read the rotated keys", e))?;
        Ok(body["kids"].as_array().into_iter().flatten().filter_map(|k| k.as_str().map(str::to_owned)).collect())
    }

    /// A JWS over `claims` signed with the provider's current key; `header`
    /// members override the default `{alg, typ: "at+jwt", kid}`.
    pub async fn mint(&self, key: SigningKey, header: Value, claims: Value) -> Result<String> {
        let key = match key {
            SigningKey::Rsa => "rsa",
            SigningKey::Ec => "ec",
        };
        let body = json!({ "key": key, "header": header, "payload": claims });
        let reply = self
            .http
            .post(format!("{}/__test/sign", self.issuer))
            .json(&body)
            .send()
            .await
            .map_err(|e| http_error("cannot mint a token", e))?;
        let body: Value = reply.json().await.map_err(|e| http_error("cannot read the minted token", e))?;
        body["token"].as_str().map(str::to_owned).ok_or_else(|| error("the provider minted no token"))
    }

    /// How many times the JWKS was fetched since the provider started.
    pub async fn jwks_requests(&self) -> Result<u64> {
        let reply = self
            .http
            .get(format!("{}/__test/stats", self.issuer))
            .send()
            .await
            .map_err(|e| http_error("no stats", e))?;
        let body: Value = reply.json().await.map_err(|e| http_error("cannot read the stats", e))?;
        body["jwks_requests"].as_u64().ok_or_else(|| error("the stats have no `jwks_requests`"))
    }

    /// The provider's JWKS document.
    pub async fn jwks(&self) -> Result<Value> {
        let reply =
            self.http.get(format!("{}/jwks", self.issuer)).send().await.map_err(|e| http_error("no JWKS", e))?;
        reply.json().await.map_err(|e| http_error("cannot read the JWKS", e))
    }

    /// `POST /device/auth` as the `acctl` client, for `resource`.
    pub async fn authorize_device(&self, resource: &str) -> Result<DeviceAuthorization> {
        let body = form(&[("client_id", CLIENT_ID), ("scope", "openid offline_access"), ("resource", resource)]);
        let reply = self.post_form(&format!("{}/device/auth", self.issuer), body).await?;
        let status = reply.status();
        let body: Value = reply.json().await.map_err(|e| http_error("cannot read the device answer", e))?;
        if status != StatusCode::OK {
            return Err(error(format!("device authorization answered {status}: {}", body["error"])));
        }
        let text = |k: &str| body[k].as_str().map(str::to_owned).ok_or_else(|| error(format!("no `{k}`")));
        Ok(DeviceAuthorization {
            device_code: text("device_code")?,
            user_code: text("user_code")?,
            verification_uri: text("verification_uri")?,
            interval: body["interval"].as_u64().unwrap_or(5),
            expires_in: body["expires_in"].as_u64().unwrap_or(0),
        })
    }

    /// One poll of the token endpoint for a device code: `Ok(tokens)`, or
    /// `Err` with the OAuth error code (`authorization_pending`,
    /// `access_denied`, `expired_token`, …).
    pub async fn poll(&self, device_code: &str) -> Result<std::result::Result<Tokens, String>> {
        let body = form(&[("client_id", CLIENT_ID), ("grant_type", DEVICE_CODE_GRANT), ("device_code", device_code)]);
        self.token_request(body).await
    }

    /// A refresh at the token endpoint: `Ok(tokens)` or `Err(oauth error code)`.
    pub async fn refresh(&self, refresh_token: &str) -> Result<std::result::Result<Tokens, String>> {
        let body = form(&[("client_id", CLIENT_ID), ("grant_type", "refresh_token"), ("refresh_token", refresh_token)]);
        self.token_request(body).await
    }

    /// Revokes a token (RFC 7009) as the `acctl` client.
    pub async fn revoke(&self, token: &str) -> Result<()> {
        let body = form(&[("client_id", CLIENT_ID), ("token", token)]);
        let reply = self.post_form(&format!("{}/token/revocation", self.issuer), body).await?;
        if reply.status().is_success() { Ok(()) } else { Err(error(format!("revocation answered {}", reply.status()))) }
    }

    async fn token_request(&self, body: String) -> Result<std::result::Result<Tokens, String>> {
        let reply = self.post_form(&format!("{}/token", self.issuer), body).await?;
        let body: Value = reply.json().await.map_err(|e| http_error("cannot read the token answer", e))?;
        if let Some(code) = body["error"].as_str() {
            return Ok(Err(code.to_owned()));
        }
        let access_token =
            body["access_token"].as_str().ok_or_else(|| error("the token answer has no access_token"))?.to_owned();
        let text = |k: &str| body[k].as_str().map(str::to_owned);
        Ok(Ok(Tokens {
            access_token,
            refresh_token: text("refresh_token"),
            id_token: text("id_token"),
            expires_in: body["expires_in"].as_u64(),
        }))
    }

    /// Runs the whole device flow as `user` for the admin API's audience:
    /// what `acctl auth login` and a person approving it would do.
    pub async fn sign_in(&self, user: &str) -> Result<Tokens> {
        self.sign_in_for(user, &self.options.audience.clone()).await
    }

    /// [`Provider::sign_in`] for another resource (`aud`).
    pub async fn sign_in_for(&self, user: &str, resource: &str) -> Result<Tokens> {
        let device = self.authorize_device(resource).await?;
        self.approve(&device.user_code, user, Decision::Allow).await?;
        for _ in 0..50 {
            match self.poll(&device.device_code).await? {
                Ok(tokens) => return Ok(tokens),
                Err(code) if code == "authorization_pending" || code == "slow_down" => {
                    tokio::time::sleep(Duration::from_secs(device.interval.max(1))).await;
                }
                Err(code) => return Err(error(format!("the token endpoint answered `{code}`"))),
            }
        }
        Err(error("the device code was never granted"))
    }

    /// What a person does in a browser with `user_code`: opens the
    /// verification page, enters the code, confirms it, signs in as `user`
    /// (any password) and, at the consent page, allows or denies. Every
    /// form is posted and every 303 followed as a browser would, with a
    /// fresh cookie jar (a new browser session).
    pub async fn approve(&self, user_code: &str, user: &str, decision: Decision) -> Result<()> {
        let mut browser = Browser { http: &self.http, jar: HashMap::new() };
        let device = format!("{}/device", self.issuer);
        let page = browser.get(&device).await?;
        let xsrf = hidden(&page.body, "xsrf").ok_or_else(|| error("the device page has no xsrf field"))?;
        let page = browser.post(&device, &[("xsrf", &xsrf), ("user_code", user_code)]).await?;
        if page.body.contains("code you entered is incorrect") {
            return Err(error(format!("the provider does not know the user code `{user_code}`")));
        }
        let xsrf = hidden(&page.body, "xsrf").ok_or_else(|| error("the confirmation page has no xsrf field"))?;
        let mut page = browser.post(&device, &[("xsrf", &xsrf), ("user_code", user_code), ("confirm", "yes")]).await?;
        // Sign-in, then consent; a session that is already signed in skips the first.
        for _ in 0..4 {
            if page.body.contains("Sign-in Success") {
                return if decision == Decision::Allow {
                    Ok(())
                } else {
                    Err(error("the sign-in succeeded without a consent page to deny"))
                };
            }
            let action = form_action(&page.body).ok_or_else(|| error(unexpected(&page)))?;
            if hidden(&page.body, "prompt").as_deref() == Some("login") {
                page = browser.post(&action, &[("prompt", "login"), ("login", user), ("password", "test")]).await?;
            } else if hidden(&page.body, "prompt").as_deref() == Some("consent") {
                page = match decision {
                    Decision::Allow => browser.post(&action, &[("prompt", "consent")]).await?,
                    Decision::Deny => {
                        browser.get(&format!("{}/abort", action.trim_end_matches('/'))).await?;
                        return Ok(());
                    }
                };
            } else {
                return Err(error(unexpected(&page)));
            }
        }
        Err(error(unexpected(&page)))
    }

    async fn post_form(&self, url: &str, body: String) -> Result<reqwest::Response> {
        self.http
            .post(url)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .map_err(|e| http_error("the provider did not answer", e))
    }
}

/// A page the browser landed on after following redirects.
struct Page {
    url: String,
    status: StatusCode,
    body: String,
}

fn unexpected(page: &Page) -> String {
    let text: String = strip_tags(&page.body).split_whitespace().collect::<Vec<_>>().join(" ");
    format!("unexpected page at `{}` ({}): {}", page.url, page.status, text.chars().take(300).collect::<String>())
}

/// The browser of [`Provider::approve`]: a cookie jar (one host, so names
/// are enough; paths are ignored) and redirects followed by hand, so the
/// cookies set on a 303 are kept.
struct Browser<'a> {
    http: &'a reqwest::Client,
    jar: HashMap<String, String>,
}

impl Browser<'_> {
    async fn get(&mut self, url: &str) -> Result<Page> {
        let request = self.http.get(url);
        self.send(url.to_owned(), request).await
    }

    async fn post(&mut self, url: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let request =
            self.http.post(url).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(form(fields));
        self.send(url.to_owned(), request).await
    }

    async fn send(&mut self, mut url: String, mut request: reqwest::RequestBuilder) -> Result<Page> {
        for _ in 0..10 {
            if !self.jar.is_empty() {
                let cookies: Vec<String> = self.jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
                request = request.header(header::COOKIE, cookies.join("; "));
            }
            let response = request.send().await.map_err(|e| http_error("the provider did not answer", e))?;
            for value in response.headers().get_all(header::SET_COOKIE) {
                let Ok(value) = value.to_str() else { continue };
                let pair = value.split(';').next().unwrap_or_default();
                if let Some((name, value)) = pair.split_once('=') {
                    if value.is_empty() {
                        self.jar.remove(name.trim());
                    } else {
                        self.jar.insert(name.trim().to_owned(), value.to_owned());
                    }
                }
            }
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| error(format!("a {status} without Location from `{url}`")))?;
                url = resolve(&url, location);
                request = self.http.get(&url);
                continue;
            }
            let body = response.text().await.map_err(|e| http_error("cannot read a page", e))?;
            return Ok(Page { url, status, body });
        }
        Err(error(format!("too many redirects from `{url}`")))
    }
}

/// `location` relative to `base` (absolute, or an absolute path).
fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_owned();
    }
    let origin_end = base.find("://").map(|i| i + 3).and_then(|i| base[i..].find('/').map(|j| i + j));
    let origin = origin_end.map_or(base, |end| &base[..end]);
    format!("{origin}{location}")
}

/// The value of the hidden input `name` in an HTML page.
fn hidden(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    attribute(&html[tag_start..tag_end], "value")
}

/// The `action` of the page's first form.
fn form_action(html: &str) -> Option<String> {
    let start = html.find("<form")?;
    let end = start + html[start..].find('>')?;
    attribute(&html[start..end], "action")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `application/x-www-form-urlencoded` of `fields`.
pub fn form(fields: &[(&str, &str)]) -> String {
    fn encode(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(b)),
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    }
    fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// The JSON of a JWT's header and claims, unverified (for tests that look
/// inside a token or build a tampered one).
pub fn decode_unverified(jwt: &str) -> Option<(Value, Value)> {
    let mut parts = jwt.split('.');
    let header = base64url_decode(parts.next()?)?;
    let claims = base64url_decode(parts.next()?)?;
    Some((serde_json::from_slice(&header).ok()?, serde_json::from_slice(&claims).ok()?))
}

/// base64url without padding, as JWS uses it.
pub fn base64url_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url (padding optional).
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    acctl_api::base64url::decode(s.trim_end_matches('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_encode_like_a_browser() {
        assert_eq!(
            form(&[("scope", "openid offline_access"), ("r", "https://a.test/x?y=1&z")]),
            "scope=openid+offline_access&r=https%3A%2F%2Fa.test%2Fx%3Fy%3D1%26z"
        );
    }

    #[test]
    fn base64url_round_trips() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\u{ff}\u{fe}"] {
            let encoded = base64url_encode(s.as_bytes());
            assert!(!encoded.contains('='));
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(s.as_bytes()), "{s}");
        }
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn pages_are_read_like_the_provider_writes_them() {
        let page = r#"<form id="op.deviceConfirmForm" method="post" action="http://127.0.0.1:1/device">
            <input type="hidden" name="xsrf" value="abc"/><input type="hidden" name="prompt" value="login"/>"#;
        assert_eq!(hidden(page, "xsrf").as_deref(), Some("abc"));
        assert_eq!(hidden(page, "prompt").as_deref(), Some("login"));
        assert_eq!(form_action(page).as_deref(), Some("http://127.0.0.1:1/device"));
        assert_eq!(resolve("http://127.0.0.1:1/device", "/interaction/x"), "http://127.0.0.1:1/interaction/x");
    }

    /// The whole device flow against the real provider, as a person and
    /// as the client would run it.
    #[tokio::test]
    #[ignore = "needs node and testing/oidc's npm packages (npm ci --prefix testing/oidc); .ci/run runs it"]
    async fn a_person_approves_and_denies_device_sign_ins() {
        let provider = Provider::start(ProviderOptions::default()).await.expect("the provider starts");
        assert!(provider.issuer().starts_with("http://127.0.0.1:"), "{}", provider.issuer());

        let tokens = provider.sign_in(users::SRE).await.expect("sign-in");
        let (header, claims) = decode_unverified(&tokens.access_token).expect("a JWT access token");
        assert_eq!(header["typ"], "at+jwt");
        assert_eq!(header["alg"], "RS256");
        assert_eq!(claims["sub"], users::SRE);
        assert_eq!(claims["aud"], DEFAULT_AUDIENCE);
        assert_eq!(claims["iss"], provider.issuer());
        assert_eq!(claims["roles"], json!(["sre"]));
        assert_eq!(claims["email"], "sre@corp.test");
        let (_, id) = decode_unverified(tokens.id_token.as_deref().expect("an id_token")).expect("a JWT id_token");
        assert_eq!((id["email"].as_str(), id["name"].is_string()), (Some("sre@corp.test"), true));
        let refreshed =
            provider.refresh(tokens.refresh_token.as_deref().expect("a refresh token")).await.expect("refresh");
        let refreshed = refreshed.expect("the refresh token works");
        assert_ne!(refreshed.access_token, tokens.access_token, "a new access token on every refresh");

        let device = provider.authorize_device(DEFAULT_AUDIENCE).await.expect("device authorization");
        assert_eq!(device.interval, 1, "the middleware adds the interval");
        let pending = provider.poll(&device.device_code).await.expect("poll").map(|_| ());
        assert_eq!(pending, Err("authorization_pending".to_owned()));
        provider.approve(&device.user_code, users::AGENT, Decision::Deny).await.expect("deny");
        assert_eq!(
            provider.poll(&device.device_code).await.expect("poll").map(|_| ()),
            Err("access_denied".to_owned())
        );
        assert!(provider.approve("BCDF-GHJK", users::AGENT, Decision::Allow).await.is_err(), "an unknown code");

        let before = provider.jwks().await.expect("jwks")["keys"][0]["kid"].clone();
        let kids = provider.rotate_keys(true).await.expect("rotation");
        assert_eq!(kids.len(), 4);
        assert_eq!(kids[2], before, "the old key stays published after the new ones");
        let (header, _) =
            decode_unverified(&provider.sign_in(users::AGENT).await.expect("sign-in").access_token).unwrap();
        assert_eq!(header["kid"], kids[0].as_str(), "the new key signs");

        let mut provider = provider;
        let issuer = provider.issuer().to_owned();
        provider.restart().await.expect("a restart on the same port");
        assert_eq!(provider.issuer(), issuer, "same port, same issuer");
        let (header, _) =
            decode_unverified(&provider.sign_in(users::ADMIN).await.expect("sign-in").access_token).unwrap();
        assert!(!kids.iter().any(|k| header["kid"] == k.as_str()), "a restart brings new keys");
    }
}
