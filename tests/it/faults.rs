//! A fault-injecting HTTP proxy on loopback, between `acctl` and the real
//! service (issue 9, item 6): what a flaky network and an overloaded backend
//! do to a bulk job, made repeatable.
//!
//! Each request the client sends draws from a seeded generator. Most are
//! forwarded untouched; at the configured rate one of the enabled faults
//! happens instead:
//!
//! * [`Fault::Unavailable`]: a 503 problem answer; the backend never sees it.
//! * [`Fault::RateLimited`]: a 429 problem answer with `Retry-After`; the
//!   backend never sees it.
//! * [`Fault::LostAnswer`]: the request IS forwarded and the backend applies
//!   it, then the client's connection is closed before any answer: the case
//!   idempotency keys exist for.
//! * [`Fault::Stall`]: forwarded and applied, then the answer is held for
//!   [`FaultPlan::stall`] (set it past the client's timeout) and dropped.
//!
//! The n-th request draws the n-th number of the seed's sequence, so a seed
//! gives the same number and kinds of faults on every run; which request
//! meets which fault depends on the order concurrent requests arrive in.
//! Blocking std sockets and a thread per connection keep it small: a bulk job
//! opens only as many connections as it has requests in flight.
//!
//! It speaks just enough HTTP/1.1 for acctl and the service: requests with a
//! `Content-Length` body (or none), answers with `Content-Length` or chunked.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    Unavailable,
    RateLimited,
    LostAnswer,
    Stall,
}

#[derive(Debug, Clone)]
pub struct FaultPlan {
    /// Share of requests that meet a fault, 0.0..=1.0.
    pub rate: f64,
    pub seed: u64,
    /// The faults to draw from, each equally likely.
    pub kinds: Vec<Fault>,
    /// The `Retry-After` of a 429, in seconds.
    pub retry_after: u64,
    /// How long a stalled answer is held before the connection is dropped.
    pub stall: Duration,
    /// Only requests whose path contains this meet faults (`None`: all).
    pub only_paths_with: Option<String>,
}

impl FaultPlan {
    /// Every fault, at `rate`.
    pub fn all(rate: f64, seed: u64) -> FaultPlan {
        FaultPlan {
            rate,
            seed,
            kinds: vec![Fault::Unavailable, Fault::RateLimited, Fault::LostAnswer, Fault::Stall],
            retry_after: 1,
            stall: Duration::from_secs(2),
            only_paths_with: None,
        }
    }

    pub fn only(rate: f64, seed: u64, kinds: &[Fault]) -> FaultPlan {
        FaultPlan { kinds: kinds.to_vec(), ..FaultPlan::all(rate, seed) }
    }
}

/// What went through the proxy: requests seen, and faults by kind.
#[derive(Debug, Default, Clone)]
pub struct FaultCounts {
    pub requests: u64,
    pub faults: std::collections::BTreeMap<Fault, u64>,
}

impl FaultCounts {
    pub fn of(&self, kind: Fault) -> u64 {
        self.faults.get(&kind).copied().unwrap_or(0)
    }
}

struct Shared {
    backend: SocketAddr,
    plan: Mutex<FaultPlan>,
    sequence: AtomicU64,
    counts: Mutex<FaultCounts>,
    stopped: AtomicBool,
}

/// A running proxy; stops accepting when dropped.
pub struct FaultProxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl FaultProxy {
    /// A proxy to the service at `backend_url` (`http://127.0.0.1:PORT`).
    pub fn start(backend_url: &str, plan: FaultPlan) -> FaultProxy {
        let backend: SocketAddr = backend_url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .expect("the backend is on a loopback socket address");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let shared = Arc::new(Shared {
            backend,
            plan: Mutex::new(plan),
            sequence: AtomicU64::new(0),
            counts: Mutex::new(FaultCounts::default()),
            stopped: AtomicBool::new(false),
        });
        let accept = Arc::clone(&shared);
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if accept.stopped.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(client) = client else { continue };
                let conn = Arc::clone(&accept);
                std::thread::spawn(move || serve(&conn, client));
            }
        });
        FaultProxy { addr, shared }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn counts(&self) -> FaultCounts {
        self.shared.counts.lock().expect("counts lock").clone()
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.shared.stopped.store(true, Ordering::Relaxed);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

/// splitmix64: a tiny, well-mixed generator; the n-th draw of a seed is fixed.
fn draw(seed: u64, n: u64) -> u64 {
    let mut z = seed.wrapping_add(n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn choose(plan: &FaultPlan, n: u64) -> Option<Fault> {
    if plan.kinds.is_empty() {
        return None;
    }
    let r = draw(plan.seed, n);
    let unit = (r >> 11) as f64 / (1u64 << 53) as f64;
    (unit < plan.rate).then(|| plan.kinds[(draw(plan.seed ^ 0x5EED, n) % plan.kinds.len() as u64) as usize])
}

/// One HTTP message: the head (start line and headers, as sent) and the body.
struct Message {
    head: Vec<u8>,
    body: Vec<u8>,
    path: String,
}

fn serve(shared: &Shared, client: TcpStream) {
    let _ = client.set_nodelay(true);
    let Ok(write_half) = client.try_clone() else { return };
    let mut reader = BufReader::new(client);
    let mut writer = write_half;
    let mut backend: Option<BufReader<TcpStream>> = None;
    while let Some(request) = read_request(&mut reader) {
        let n = shared.sequence.fetch_add(1, Ordering::Relaxed);
        let plan = shared.plan.lock().expect("plan lock").clone();
        let applies = plan.only_paths_with.as_deref().is_none_or(|p| request.path.contains(p));
        let fault = if applies { choose(&plan, n) } else { None };
        {
            let mut counts = shared.counts.lock().expect("counts lock");
            counts.requests += 1;
            if let Some(f) = fault {
                *counts.faults.entry(f).or_default() += 1;
            }
        }
        match fault {
            Some(Fault::Unavailable) => {
                let body = problem(503, "service_unavailable", "injected by the fault proxy");
                if writer.write_all(&answer(503, "Service Unavailable", &[], &body)).is_err() {
                    return;
                }
            }
            Some(Fault::RateLimited) => {
                let body = problem(429, "rate_limited", "injected by the fault proxy");
                let retry = [("Retry-After", plan.retry_after.to_string())];
                if writer.write_all(&answer(429, "Too Many Requests", &retry, &body)).is_err() {
                    return;
                }
            }
            Some(Fault::LostAnswer) | Some(Fault::Stall) => {
                // The backend applies the request; the client never learns it.
                let _ = forward(shared, &mut backend, &request);
                if fault == Some(Fault::Stall) {
                    std::thread::sleep(plan.stall);
                }
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
            None => match forward(shared, &mut backend, &request) {
                Some(response) => {
                    if writer.write_all(&response.head).and_then(|()| writer.write_all(&response.body)).is_err() {
                        return;
                    }
                }
                None => {
                    let _ = writer.shutdown(Shutdown::Both);
                    return;
                }
            },
        }
    }
}

/// Sends `request` on the connection's backend connection (opened, or
/// reopened once if the service closed an idle one) and reads the answer.
fn forward(shared: &Shared, backend: &mut Option<BufReader<TcpStream>>, request: &Message) -> Option<Message> {
    for _ in 0..2 {
        if backend.is_none() {
            let stream = TcpStream::connect(shared.backend).ok()?;
            let _ = stream.set_nodelay(true);
            *backend = Some(BufReader::new(stream));
        }
        let conn = backend.as_mut()?;
        let sent = conn.get_mut().write_all(&request.head).and_then(|()| conn.get_mut().write_all(&request.body));
        if sent.is_ok()
            && let Some(response) = read_response(conn)
        {
            return Some(response);
        }
        *backend = None;
    }
    None
}

/// The raw head, its headers (names lower-cased) and its start line.
type Head = (Vec<u8>, Vec<(String, String)>, String);

/// Reads the start line and headers; `None` at a clean or broken end.
fn read_head(reader: &mut impl BufRead) -> Option<Head> {
    let mut head = Vec::new();
    let mut headers = Vec::new();
    let mut start = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        head.extend_from_slice(line.as_bytes());
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            if start.is_empty() {
                continue;
            }
            return Some((head, headers, start));
        }
        if start.is_empty() {
            start = trimmed.to_owned();
        } else if let Some((name, value)) = trimmed.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Message> {
    let (head, headers, start) = read_head(reader)?;
    let path = start.split_whitespace().nth(1).unwrap_or("").to_owned();
    let length: usize = header(&headers, "content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Message { head, body, path })
}

fn read_response(reader: &mut BufReader<TcpStream>) -> Option<Message> {
    let (head, headers, _) = read_head(reader)?;
    let mut body = Vec::new();
    if header(&headers, "transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        // Passed on still chunked, as the head says.
        loop {
            let mut size_line = String::new();
            reader.read_line(&mut size_line).ok()?;
            body.extend_from_slice(size_line.as_bytes());
            let size = usize::from_str_radix(size_line.trim().split(';').next()?, 16).ok()?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).ok()?;
            body.extend_from_slice(&chunk);
            if size == 0 {
                break;
            }
        }
    } else {
        let length: usize = header(&headers, "content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        body.resize(length, 0);
        reader.read_exact(&mut body).ok()?;
    }
    Some(Message { head, body, path: String::new() })
}

fn problem(status: u16, code: &str, detail: &str) -> Vec<u8> {
    serde_json::json!({"type": "about:blank", "title": "injected fault", "status": status, "detail": detail, "code": code})
        .to_string()
        .into_bytes()
}

fn answer(status: u16, reason: &str, extra: &[(&str, String)], body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/problem+json\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (name, value) in extra {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_faults_at_about_the_rate() {
        let plan = FaultPlan::all(0.2, 7);
        let run = || (0..10_000).map(|n| choose(&plan, n)).collect::<Vec<_>>();
        let first = run();
        assert_eq!(first, run());
        let faults = first.iter().filter(|f| f.is_some()).count();
        assert!((1_800..2_200).contains(&faults), "{faults} faults in 10,000 at 20 %");
        for kind in &plan.kinds {
            assert!(first.contains(&Some(*kind)), "{kind:?} never drawn");
        }
        assert_ne!(first, (0..10_000).map(|n| choose(&FaultPlan::all(0.2, 8), n)).collect::<Vec<_>>());
    }
}
