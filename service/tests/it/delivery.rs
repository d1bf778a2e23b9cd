//! Real delivery: SMS POSTed as JSON to a webhook (a real HTTP server in the
//! test) and email over SMTP (a real SMTP server, aiosmtpd).

use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::StatusCode;
use serde_json::Value;
use tokio::sync::mpsc;

use acctl_api::{DeliveryState, OutboxMessage};

use crate::common::TestService;

/// One POST the webhook received.
struct Posted {
    content_type: Option<String>,
    body: Value,
}

/// A webhook on an ephemeral loopback port that answers `status` (which the
/// test may change) and hands every POST to the test. Returns its URL.
async fn sms_webhook(status: Arc<AtomicU16>) -> (String, mpsc::UnboundedReceiver<Posted>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the webhook");
    let addr = listener.local_addr().expect("webhook address");
    let (tx, rx) = mpsc::unbounded_channel();
    let handler = move |headers: axum::http::HeaderMap, body: Bytes| {
        let tx = tx.clone();
        let status = Arc::clone(&status);
        async move {
            let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let body =
                serde_json::from_slice(&body).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into()));
            let _ = tx.send(Posted { content_type, body });
            StatusCode::from_u16(status.load(Ordering::SeqCst)).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        }
    };
    let app = axum::Router::new().route("/sms", axum::routing::post(handler));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/sms"), rx)
}

/// Every string anywhere in a JSON value.
fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(members) => members.values().flat_map(strings).collect(),
        _ => Vec::new(),
    }
}

/// The first run of exactly six digits in `text`.
fn six_digits(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 6 {
                return Some(text[start..i].to_owned());
            }
        } else {
            i += 1;
        }
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_sms_code_is_posted_as_json_to_the_webhook() {
    let (url, mut posts) = sms_webhook(Arc::new(AtomicU16::new(200))).await;
    let ts = TestService::start_with(|config| config.sms_webhook = Some(url)).await;
    let created = ts.create_challenge(&ts.agent, "acc_demoalice", "sms").await.expect_status(201);
    let posted = tokio::time::timeout(Duration::from_secs(10), posts.recv())
        .await
        .expect("the webhook is called within 10 s")
        .expect("a POST");
    assert!(posted.content_type.as_deref().unwrap_or_default().starts_with("application/json"), "JSON is POSTed");
    let texts = strings(&posted.body);
    assert!(texts.contains(&"+8613800138000"), "the destination in E.164: {}", posted.body);
    let code = texts.iter().find_map(|s| six_digits(s)).unwrap_or_else(|| panic!("no code in {}", posted.body));
    let verified = ts.verify(&ts.agent, created.str("challenge_id"), &code).await.expect_status(200);
    assert_eq!(verified.str("status"), "verified", "the code the customer got works");
    assert!(posts.try_recv().is_err(), "one SMS per challenge");
}

/// Waits (bounded) until the worker has recorded the newest message of the
/// account as `state` with at least `attempts` attempts; answers it.
async fn recorded(ts: &TestService, account: &str, state: DeliveryState, attempts: u32) -> OutboxMessage {
    for _ in 0..200 {
        let messages = ts.store().list_messages(Some(account), None).expect("outbox table");
        if let Some(last) = messages.last()
            && last.state == state
            && last.attempts >= attempts
        {
            return last.clone();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the worker did not record {account}'s message as {state:?} after {attempts} attempt(s) within 10 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_sms_is_recorded_failed_audited_and_frees_the_cooldown() {
    // The code is queued with the challenge (201); the gateway's 4xx says the
    // message itself is refused, so the worker gives up at once.
    let status = Arc::new(AtomicU16::new(400));
    let (url, mut posts) = sms_webhook(Arc::clone(&status)).await;
    let ts = TestService::start_with(|config| config.sms_webhook = Some(url)).await;
    let reply = ts.create_challenge(&ts.agent, "acc_demodave", "sms").await.expect_status(201);
    assert!(tokio::time::timeout(Duration::from_secs(10), posts.recv()).await.is_ok(), "the webhook was tried");
    let failed = recorded(&ts, "acc_demodave", DeliveryState::Failed, 1).await;
    assert_eq!(failed.attempts, 1, "a refusal is not retried");
    let events = ts.audit(&ts.admin, "account_id=acc_demodave").await;
    assert!(
        events.iter().any(|e| e["action"] == "message.deliver"
            && e["outcome"] == "failed"
            && e["request_id"] == reply.request_id()
            && e["actor"] == crate::common::AGENT),
        "the failed delivery is audited as message.deliver failed, under the request that queued it: {events:?}"
    );
    // A code that never left cannot be verified and holds no cooldown.
    ts.verify(&ts.agent, reply.str("challenge_id"), "123456").await.expect_problem(404, "challenge_not_found");
    status.store(200, Ordering::SeqCst);
    let again = ts.create_challenge(&ts.agent, "acc_demodave", "sms").await.expect_status(201);
    let posted = tokio::time::timeout(Duration::from_secs(10), posts.recv()).await.expect("a POST").expect("a POST");
    let code = strings(&posted.body).iter().find_map(|s| six_digits(s)).expect("a code in the SMS");
    ts.verify(&ts.agent, again.str("challenge_id"), &code).await.expect_status(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_the_gateway_fails_to_take_is_retried_until_it_goes_out_or_expires() {
    let status = Arc::new(AtomicU16::new(503));
    let (url, mut posts) = sms_webhook(Arc::clone(&status)).await;
    let ts = TestService::start_with(|config| config.sms_webhook = Some(url)).await;
    let created = ts.create_challenge(&ts.agent, "acc_demoalice", "sms").await.expect_status(201);
    assert!(tokio::time::timeout(Duration::from_secs(10), posts.recv()).await.is_ok(), "the gateway was tried");
    let waiting = recorded(&ts, "acc_demoalice", DeliveryState::Pending, 1).await;
    assert_eq!(waiting.attempts, 1);

    // The gateway is back; the retry is due after the back-off (1 s).
    status.store(200, Ordering::SeqCst);
    ts.advance(2);
    let posted =
        tokio::time::timeout(Duration::from_secs(10), posts.recv()).await.expect("a second POST").expect("a POST");
    let code = strings(&posted.body).iter().find_map(|s| six_digits(s)).expect("a code in the SMS");
    let delivered = recorded(&ts, "acc_demoalice", DeliveryState::Delivered, 2).await;
    assert_eq!(delivered.attempts, 2);
    ts.verify(&ts.agent, created.str("challenge_id"), &code).await.expect_status(200);

    // A code the gateway never takes is given up when it expires.
    status.store(503, Ordering::SeqCst);
    let doomed = ts.create_challenge(&ts.agent, "acc_demobob", "sms").await.expect_status(201);
    recorded(&ts, "acc_demobob", DeliveryState::Pending, 1).await;
    ts.advance(601);
    let failed = recorded(&ts, "acc_demobob", DeliveryState::Failed, 2).await;
    assert_eq!(failed.attempts, 2);
    let events = ts.audit(&ts.admin, "account_id=acc_demobob&action=message.deliver").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["request_id"], doomed.request_id());
}

/// The text of a MIME message as a reader sees it: quoted-printable soft
/// line breaks joined, base64 blocks decoded.
fn readable(message: &str) -> String {
    let mut text = message.replace("=\r\n", "").replace("=\n", "");
    let mut block = String::new();
    for line in message.lines().chain(std::iter::once("")) {
        let line = line.trim_end();
        if line.len() >= 4 && line.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)) {
            block.push_str(line);
        } else if !block.is_empty() {
            if let Some(decoded) = base64_decode(&block) {
                text.push('\n');
                text.push_str(&String::from_utf8_lossy(&decoded));
            }
            block.clear();
        }
    }
    text
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[test]
fn base64_bodies_are_read_like_a_mail_client_would() {
    assert_eq!(base64_decode("WW91ciBjb2RlIGlzIDEyMzQ1Ng==").as_deref(), Some(&b"Your code is 123456"[..]));
    assert_eq!(six_digits(&readable("Subject: x\n\nWW91ciBjb2RlIGlzIDEyMzQ1Ng==\n")).as_deref(), Some("123456"));
    assert_eq!(six_digits("code 12345=\n6 expires in 10 minutes").as_deref(), None);
    assert_eq!(six_digits(&readable("code 12345=\n6 expires")).as_deref(), Some("123456"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outside_the_sandbox_the_outbox_keeps_no_code_and_is_not_served() {
    let svc = TestService::start_with(|config| config.sandbox = false).await;
    svc.create_challenge(&svc.agent, "acc_demoalice", "sms").await.expect_status(201);
    // The secret is kept only until the message is delivered.
    recorded(&svc, "acc_demoalice", DeliveryState::Delivered, 1).await;
    let stored = svc.store().list_messages(Some("acc_demoalice"), None).expect("outbox table");
    let code =
        stored.iter().find(|m| m.kind == acctl_api::MessageKind::VerificationCode).expect("the code was recorded");
    assert_eq!(code.secret, None, "no secret at rest outside the sandbox");
    let six_digits = code.body.as_bytes().windows(6).any(|w| w.iter().all(u8::is_ascii_digit));
    assert!(code.body.contains("[redacted]") && !six_digits, "{}", code.body);
    let reply = svc.request(reqwest::Method::GET, "/v1/sandbox/outbox").send().await;
    assert_eq!(reply.status, 404, "{}", reply.text);
}

/// Email over SMTP: only with the `smtp` feature (`serve --smtp` is an error
/// without it).
#[cfg(feature = "smtp")]
mod smtp {
    use std::io::{BufRead, BufReader};
    use std::process::{Child, Command, Stdio};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::{readable, six_digits};
    use crate::common::TestService;

    /// A real SMTP server (`python3 -m aiosmtpd -n`) on a loopback port; what it
    /// prints (every message received) is collected. Killed on drop.
    struct SmtpServer {
        child: Child,
        port: u16,
        output: Arc<Mutex<String>>,
    }

    impl SmtpServer {
        async fn start() -> SmtpServer {
            let python = ["python3", "/usr/bin/python3"]
                .into_iter()
                .find(|p| {
                    Command::new(p)
                        .args(["-c", "import aiosmtpd"])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .is_ok_and(|s| s.success())
                })
                .expect("python3 with aiosmtpd (Debian: apt-get install python3-aiosmtpd)");
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free loopback port")
                .port();
            let mut child = Command::new(python)
                .args(["-u", "-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
                .env("PYTHONUNBUFFERED", "1")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn aiosmtpd");
            let stdout = child.stdout.take().expect("aiosmtpd stdout");
            let output = Arc::new(Mutex::new(String::new()));
            let sink = Arc::clone(&output);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    let mut out = sink.lock().unwrap_or_else(|e| e.into_inner());
                    out.push_str(&line);
                    out.push('\n');
                }
            });
            let server = SmtpServer { child, port, output };
            // Waiting for a real process to listen, not for the service's time.
            for _ in 0..200 {
                if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                    return server;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            panic!("aiosmtpd did not listen on 127.0.0.1:{port} within 10 s");
        }

        /// The first complete message received, waiting up to 10 s.
        async fn first_message(&self) -> String {
            for _ in 0..200 {
                let output = self.output.lock().unwrap_or_else(|e| e.into_inner()).clone();
                if let Some(start) = output.find("---------- MESSAGE FOLLOWS ----------")
                    && let Some(len) = output[start..].find("------------ END MESSAGE ------------")
                {
                    return output[start..start + len].to_owned();
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            panic!(
                "no message reached the SMTP server; it printed: {}",
                self.output.lock().unwrap_or_else(|e| e.into_inner())
            );
        }
    }

    impl Drop for SmtpServer {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "needs python3-aiosmtpd (a real SMTP server); .ci/run runs it"]
    async fn an_email_code_arrives_at_a_real_smtp_server() {
        let smtp = SmtpServer::start().await;
        let url = format!("smtp://127.0.0.1:{}", smtp.port);
        let ts = TestService::start_with(|config| config.smtp = Some(url)).await;
        let created = ts.create_challenge(&ts.agent, "acc_demoalice", "email").await.expect_status(201);
        let message = smtp.first_message().await;
        let to = message.lines().find(|l| l.to_ascii_lowercase().starts_with("to:")).unwrap_or_default();
        assert!(to.contains("alice@example.com"), "addressed to the email on file: `{to}`\n{message}");
        let body_start = message.find("\n\n").or_else(|| message.find("X-Peer:")).unwrap_or(0);
        let text = readable(&message[body_start..]);
        let code = six_digits(&text).unwrap_or_else(|| panic!("no six-digit code in the email:\n{message}"));
        let verified = ts.verify(&ts.agent, created.str("challenge_id"), &code).await.expect_status(200);
        assert_eq!(verified.str("status"), "verified", "the code from the real email works");
    }
}
