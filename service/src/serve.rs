//! The accept loop: HTTP/1.1 connections with a header-read timeout and a
//! cap on how many are open at once.
//!
//! `axum::serve` keeps every connection for as long as the client likes: a
//! thousand idle sockets and a thousand half-sent request heads were all
//! kept, and with 1,024 file descriptors the service stopped answering
//! (issue 10, item 8). Here each connection is served by hyper's HTTP/1
//! server with a [`ConnectionLimits::header_read_timeout`]. hyper runs that
//! timer whenever the connection waits for a request head: from the accept
//! until the first head is complete, and again after every response until
//! the next head is complete. So one timer closes a connection that never
//! sends anything, one that sends a head slowly or never finishes it, and an
//! idle keep-alive connection (it is the idle timeout too). At most
//! [`ConnectionLimits::max_connections`] are open: beyond that the loop
//! stops accepting, and new connections wait in the kernel's backlog until
//! a slot frees (which the timeout guarantees within its length).
//!
//! Every request carries the peer address as `ConnectInfo<SocketAddr>`
//! (the sign-in throttle counts per source).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, oneshot, watch};

/// How long and how many connections are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Longest wait for a complete request head, on a new connection and
    /// between the requests of a kept-alive one (at most 10 s by default).
    pub header_read_timeout: Duration,
    /// Most connections open at once; more wait to be accepted.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits { header_read_timeout: Duration::from_secs(10), max_connections: 512 }
    }
}

/// Serves `app` on `listener` until `shutdown` fires (or its sender is
/// dropped), then lets the requests in flight finish.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: oneshot::Receiver<()>,
) -> std::io::Result<()> {
    let max = limits.max_connections.clamp(1, 1 << 20);
    let slots = Arc::new(Semaphore::new(max));
    let (stop_tx, stop_rx) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = &mut shutdown => break,
        };
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors or a connection reset before
                    // accept: neither stops the server. Wait a moment in the
                    // first case so the loop does not spin.
                    if !matches!(e.kind(), std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::ConnectionReset) {
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        // Small JSON answers must not wait on Nagle's algorithm.
        let _ = tcp.set_nodelay(true);
        let app = app.clone();
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                let mut app = app.clone();
                async move {
                    let response = tower_service::Service::call(&mut app, request).await;
                    Ok::<_, Infallible>(response.unwrap_or_else(|never| match never {}))
                }
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout).keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(tcp), service);
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                // A header timeout or a client gone: the connection just ends.
                _ = connection.as_mut() => {}
                _ = stop.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    drop(stop_tx);
    // Every connection gives its slot back when it ends.
    let _ = slots.acquire_many(u32::try_from(max).unwrap_or(u32::MAX)).await;
    Ok(())
}
