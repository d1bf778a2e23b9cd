//! The hostile backend: a tiny HTTP server that answers canned hostile
//! responses, and the accounts and challenges it hands out.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A token the hostile server accepts (it checks nothing).
pub(super) const HOSTILE_TOKEN: &str = "acctl_hostile0123456789";
/// An account ID of the right format.
pub(super) const ACC: &str = "acc_hostile1";

/// One request the server received: the request line and headers as text, and the body.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    pub(super) method: String,
    pub(super) path: String,
    pub(super) head: String,
    pub(super) body: Vec<u8>,
}

/// What the server answers.
pub(super) enum Reply {
    /// Status, extra headers, body.
    Json(u16, Vec<(&'static str, String)>, String),
    /// Headers promising `declared` bytes, one KiB of them, then silence
    /// until the client goes away (at most 60 s).
    Promise { declared: u64 },
    /// An account whose name is padding, `total` bytes in all, chunked.
    Chunked { total: usize },
}

pub(super) struct Hostile {
    /// Serves until dropped; connections held open by `Promise` end with it.
    _runtime: tokio::runtime::Runtime,
    pub(super) url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Hostile {
    pub(super) fn start(answer: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Hostile {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(answer);
        let log = seen.clone();
        runtime.spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (answer, log) = (answer.clone(), log.clone());
                tokio::spawn(async move {
                    let _ = serve(socket, answer.as_ref(), &log).await;
                });
            }
        });
        Hostile { _runtime: runtime, url, seen }
    }

    pub(super) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("log").clone()
    }
}

/// One request per connection (`Connection: close`), head at most 64 KiB.
async fn serve(
    mut socket: tokio::net::TcpStream,
    answer: &(dyn Fn(&Seen) -> Reply + Send + Sync),
    log: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > 64 * 1024 {
            return Ok(());
        }
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
        .unwrap_or(0usize)
        .min(1 << 20);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let mut parts = head.split_whitespace();
    let seen = Seen {
        method: parts.next().unwrap_or_default().to_owned(),
        path: parts.next().unwrap_or_default().to_owned(),
        head: head.clone(),
        body,
    };
    let reply = answer(&seen);
    log.lock().expect("log").push(seen);
    match reply {
        Reply::Json(status, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} Hostile\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            out.push_str(&body);
            socket.write_all(out.as_bytes()).await?;
        }
        Reply::Promise { declared } => {
            let out = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {declared}\r\nconnection: close\r\n\r\n{{\"id\":\"{ACC}\",\"display_name\":\"{}",
                "A".repeat(1024)
            );
            socket.write_all(out.as_bytes()).await?;
            // Hold the connection until the client leaves.
            let _ = tokio::time::timeout(Duration::from_secs(60), socket.read(&mut chunk)).await;
        }
        Reply::Chunked { total } => {
            socket
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n",
                )
                .await?;
            let account = account_json(ACC, "PAD");
            let (before, after) = account.split_once("PAD").expect("placeholder");
            let padding = total.saturating_sub(account.len());
            let send = |bytes: &[u8]| {
                let mut framed = format!("{:x}\r\n", bytes.len()).into_bytes();
                framed.extend_from_slice(bytes);
                framed.extend_from_slice(b"\r\n");
                framed
            };
            socket.write_all(&send(before.as_bytes())).await?;
            let block = vec![b'A'; 64 * 1024];
            let mut sent = 0;
            while sent < padding {
                let n = block.len().min(padding - sent);
                socket.write_all(&send(&block[..n])).await?;
                sent += n;
            }
            socket.write_all(&send(after.as_bytes())).await?;
            socket.write_all(b"0\r\n\r\n").await?;
        }
    }
    socket.shutdown().await
}

/// An account as the service writes it, with `name` and hostile text in every other string.
pub(super) fn account_json(id: &str, name: &str) -> String {
    serde_json::json!({
        "id": id,
        "email": "m\u{1b}[31m***@example.com",
        "phone": "+86 ***\u{9b}2J **** 8000",
        "display_name": name,
        "status": "active",
        "email_verified": true,
        "phone_verified": false,
        "mfa": false,
        "created_at": "2026-01-01T00:00:00Z",
        "last_login_at": null,
        "password_changed_at": null,
        "must_change_password": false,
        "devices": [{"model": "Pixel\u{1b}]52;c;Y3VybCBldmls\u{7}", "name": "\u{202e}gnp.exe", "last_seen_at": null}]
    })
    .to_string()
}

/// What the escape codes in [`account_json`] and the tests' names look like.
pub(super) const MALLORY: &str =
    "Mallory\u{1b}[2J\u{1b}]8;;http://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\\u{9b}31m\u{202e}";

pub(super) fn challenge_json(challenge_id: &str) -> String {
    serde_json::json!({
        "challenge_id": challenge_id,
        "account_id": ACC,
        "channel": "email",
        "destination": "m***@example.com",
        "expires_at": "2026-03-01T09:10:00Z",
        "resend_after": "2026-03-01T09:01:00Z",
        "attempts_left": 5
    })
    .to_string()
}

pub(super) fn ok(body: String) -> Reply {
    Reply::Json(200, Vec::new(), body)
}
