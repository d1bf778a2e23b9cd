//! Running `provider.js`: whether Node and the npm packages are there, and
//! starting, stopping and restarting the provider.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::{Error, Provider, ProviderOptions, Result, error, http_error};

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
}
