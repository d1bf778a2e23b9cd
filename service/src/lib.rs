//! `acctl-service`: the reference account service.
//!
//! It serves Admin API v1 (`DESIGN.md` §4) over HTTP from a SQLite database,
//! enforces the security rules of §5 itself, and is what the `acctl` CLI is
//! built and tested against. [`start`] runs it on a listener; the binary in
//! `main.rs` wraps that with a command line.

pub mod clock;
pub mod delivery;
pub mod domain;
pub mod error;
pub mod hashing;
pub mod http;
#[cfg(feature = "oidc")]
pub mod oidc;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod policy;
pub mod secrets;
mod serve;
pub mod store;
pub mod throttle;

use std::net::SocketAddr;
use std::path::PathBuf;

pub use clock::Clock;
pub use error::{ApiError, StoreError};
pub use serve::ConnectionLimits;
pub use store::{NewAccount, NewDevice, Store};
pub use throttle::ThrottlePolicy;

/// The demo accounts (`serve --demo`, [`Store::seed_demo`]).
pub mod demo {
    /// The password of every demo account.
    pub const PASSWORD: &str = crate::store::DEMO_PASSWORD;
}

/// Requests per second allowed per bearer token (a token bucket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub per_second: u32,
    pub burst: u32,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit { per_second: 200, burst: 400 }
    }
}

/// How to run the service.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// SQLite database file (created if missing).
    pub db: PathBuf,
    /// Serve `GET /v1/sandbox/outbox` and keep secrets in the outbox.
    pub sandbox: bool,
    pub clock: Clock,
    /// `smtp://host:port`: send emails over SMTP.
    pub smtp: Option<String>,
    /// POST SMS messages as JSON to this URL.
    pub sms_webhook: Option<String>,
    /// Per-token request rate; `None` turns the limit off.
    pub rate_limit: Option<RateLimit>,
    /// At most this many stored `Idempotency-Key` answers per token (kept
    /// 48 h); a keyed mutation beyond it is 429 until the oldest expires.
    pub idempotency_keys_per_token: u64,
    /// Header-read (and idle) timeout and the cap on open connections.
    pub connections: ConnectionLimits,
    /// Back-off of customer sign-in after failures.
    pub login_throttle: ThrottlePolicy,
    /// Threads that hash passwords (per process: the first service started
    /// sets it). Default: one per core.
    pub hashing_threads: usize,
    /// Also accept the access tokens of this OpenID Connect provider.
    #[cfg(feature = "oidc")]
    pub oidc: Option<oidc::OidcConfig>,
}

impl ServiceConfig {
    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServiceConfig {
            db: db.into(),
            sandbox: false,
            clock: Clock::system(),
            smtp: None,
            sms_webhook: None,
            rate_limit: Some(RateLimit::default()),
            idempotency_keys_per_token: domain::MAX_KEYS_PER_TOKEN,
            connections: ConnectionLimits::default(),
            login_throttle: ThrottlePolicy::default(),
            hashing_threads: hashing::default_threads(),
            #[cfg(feature = "oidc")]
            oidc: None,
        }
    }
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Delivery(#[from] delivery::DeliveryConfigError),
    #[cfg(feature = "oidc")]
    #[error(transparent)]
    Oidc(#[from] oidc::OidcStartError),
    #[error("cannot listen on `{addr}`")]
    Listen {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

/// A service running on a tokio runtime; stops when shut down or dropped.
pub struct RunningService {
    addr: SocketAddr,
    store: Store,
    delivery: delivery::Delivery,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    /// Stops the delivery worker (after the server, so answers already
    /// committed still have their messages picked up on the next start).
    stop_worker: tokio::sync::watch::Sender<bool>,
    worker: Option<tokio::task::JoinHandle<()>>,
}

impl RunningService {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`, the base URL of the API.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Every message the service queues from now on, as its transaction commits.
    pub fn subscribe_outbox(&self) -> tokio::sync::broadcast::Receiver<acctl_api::OutboxMessage> {
        self.delivery.subscribe()
    }

    /// Stops accepting requests, lets the ones in flight finish, and waits.
    pub async fn shutdown(mut self) {
        self.stop();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        let _ = self.stop_worker.send(true);
        if let Some(worker) = self.worker.take() {
            let _ = worker.await;
        }
    }

    /// Waits until the server stops (after [`RunningService::shutdown`] elsewhere, or an I/O error).
    pub async fn wait(mut self) -> std::io::Result<()> {
        match self.task.take() {
            Some(task) => task.await.unwrap_or(Ok(())),
            None => Ok(()),
        }
    }

    fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl Drop for RunningService {
    fn drop(&mut self) {
        self.stop();
        let _ = self.stop_worker.send(true);
    }
}

/// Installs the process-wide TLS crypto provider (ring) that reqwest needs.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Opens the database and serves the API on `listen` (port 0 picks a free
/// port; [`RunningService::addr`] tells which).
pub async fn start(config: ServiceConfig, listen: SocketAddr) -> Result<RunningService, StartError> {
    let store = {
        let (db, clock) = (config.db.clone(), config.clock.clone());
        tokio::task::spawn_blocking(move || Store::open(&db, clock)).await.map_err(|_| StoreError::Worker)??
    };
    let delivery =
        delivery::Delivery::new(store.clone(), config.smtp.as_deref(), config.sms_webhook.as_deref(), config.sandbox)?;
    hashing::configure(config.hashing_threads);
    let mut state = http::AppState::new(store.clone(), delivery.clone(), config.sandbox, config.rate_limit)
        .with_login_throttle(config.login_throttle);
    state.domain = state.domain.with_keys_per_token(config.idempotency_keys_per_token);
    // Before listening: a provider that cannot be reached now is an error,
    // not a service that refuses every provider token.
    #[cfg(feature = "oidc")]
    if let Some(oidc) = config.oidc.clone() {
        let verifier = oidc::Verifier::discover(oidc, store.clock().clone()).await?;
        state = state.with_oidc(std::sync::Arc::new(verifier));
    }
    let listener =
        tokio::net::TcpListener::bind(listen).await.map_err(|source| StartError::Listen { addr: listen, source })?;
    let addr = listener.local_addr().map_err(|source| StartError::Listen { addr: listen, source })?;
    let (stop_worker, stop_rx) = tokio::sync::watch::channel(false);
    let worker = Some(delivery.spawn_worker(stop_rx));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(serve::serve(listener, http::router(state), config.connections, rx));
    Ok(RunningService { addr, store, delivery, shutdown: Some(tx), task: Some(task), stop_worker, worker })
}
