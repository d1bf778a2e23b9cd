//! Sending messages to customers: verification codes, temporary passwords
//! and "password changed" notices.
//!
//! A message is queued in the outbox in the same transaction as the change
//! that sends it (`crate::domain`); this worker sends what the outbox holds.
//! It is woken as soon as a transaction commits (a verification code goes
//! out at once), retries a refused or unreachable transport with
//! exponential back-off until the message's deadline, and records each
//! message's outcome: delivered, or failed with its attempts (audited as
//! `message.deliver` failed). With `--smtp`, emails go to a real SMTP
//! server (the `smtp` feature; a build without it refuses `--smtp` at
//! start-up); with `--sms-webhook`, SMS are POSTed as JSON to a gateway;
//! without them (the sandbox), recording the message is its delivery.
//!
//! Outside sandbox mode the outbox keeps the body redacted, and the secret
//! only until the message is delivered or given up (then it is wiped).
//! Delivery is at least once: a crash between sending and recording sends
//! the message again after a restart.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use acctl_api::{Channel, DeliveryState, MessageKind, OutboxMessage};
#[cfg(feature = "smtp")]
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{Notify, broadcast};

use crate::store::{DeliveryOutcome, PendingMessage, Store};

/// Where messages go; cheap to clone.
#[derive(Clone)]
pub struct Delivery {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    #[cfg(feature = "smtp")]
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    sms_webhook: Option<(reqwest::Client, String)>,
    sandbox: bool,
    feed: broadcast::Sender<OutboxMessage>,
    wake: Notify,
}

/// Why one attempt failed.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// Worth another try (unreachable, timed out, 5xx, SMTP 4xx).
    #[error("{0}")]
    Transient(String),
    /// Retrying cannot help (bad address, 4xx from the gateway, SMTP 5xx).
    #[error("{0}")]
    Permanent(String),
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryConfigError {
    #[error("`{0}` is not an SMTP URL: use smtp://HOST[:PORT] (plain SMTP, e.g. to a local relay)")]
    SmtpUrl(String),
    #[error("`{0}` is not an http(s) URL for the SMS webhook")]
    WebhookUrl(String),
    #[error("cannot build the HTTP client for the SMS webhook")]
    Client(#[source] reqwest::Error),
    #[error(
        "cannot send email to `{0}`: this build of acctl-service has no SMTP delivery \
         (built without the `smtp` feature, which is on by default)"
    )]
    NoSmtp(String),
}

/// Back-off before attempt `n + 1` after `n` failed ones: 1 s, 2 s, 4 s, …, at most 60 s.
fn backoff_ms(failed: u32) -> i64 {
    1000 * (1i64 << failed.saturating_sub(1).min(6)).min(60)
}

/// How often the worker looks for due retries when nothing wakes it (the
/// service clock may be moved by tests rather than by time passing).
const POLL: Duration = Duration::from_millis(200);

/// Messages sent at once at most.
const IN_FLIGHT: usize = 16;

const REDACTED: &str = "[redacted]";

/// The subject and body of a message; the secret, if given, in clear.
pub(crate) fn compose(kind: MessageKind, secret: Option<&str>) -> (&'static str, String) {
    let secret = secret.unwrap_or(REDACTED);
    match kind {
        MessageKind::VerificationCode => (
            "Your account recovery code",
            format!(
                "Your account recovery code is {secret}. Read it only to the support agent you are talking to. \
                 It expires in 10 minutes. If you did not ask for it, ignore this message."
            ),
        ),
        MessageKind::TemporaryPassword => (
            "Your temporary password",
            format!(
                "Your temporary password is {secret}. Sign in with it; you will be asked to choose a new password. \
                 Nobody from support will ever ask you for it."
            ),
        ),
        MessageKind::PasswordChanged => (
            "Your password was changed",
            "The password of your account was just changed by our support team at your request. \
             If this was not you, contact support immediately."
                .to_owned(),
        ),
    }
}

// Without `smtp` only its test uses it; kept so that test runs in every build.
#[cfg_attr(not(feature = "smtp"), allow(dead_code))]
fn parse_smtp(url: &str) -> Result<(String, u16), DeliveryConfigError> {
    let err = || DeliveryConfigError::SmtpUrl(url.to_owned());
    let rest = url.strip_prefix("smtp://").ok_or_else(err)?.trim_end_matches('/');
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().map_err(|_| err())?),
        None => (rest, 25),
    };
    if host.is_empty() || host.contains(['/', '@']) {
        return Err(err());
    }
    Ok((host.trim_start_matches('[').trim_end_matches(']').to_owned(), port))
}

impl Delivery {
    pub fn new(
        store: Store,
        smtp: Option<&str>,
        sms_webhook: Option<&str>,
        sandbox: bool,
    ) -> Result<Delivery, DeliveryConfigError> {
        #[cfg(feature = "smtp")]
        let smtp = smtp
            .map(|url| {
                let (host, port) = parse_smtp(url)?;
                Ok::<_, DeliveryConfigError>(
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                        .port(port)
                        .timeout(Some(Duration::from_secs(10)))
                        .build(),
                )
            })
            .transpose()?;
        // Refused rather than ignored: the outbox would record each email as
        // delivered while none went out.
        #[cfg(not(feature = "smtp"))]
        if let Some(url) = smtp {
            return Err(DeliveryConfigError::NoSmtp(url.to_owned()));
        }
        let sms_webhook = sms_webhook
            .map(|url| {
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(DeliveryConfigError::WebhookUrl(url.to_owned()));
                }
                crate::install_crypto_provider();
                let client = reqwest::Client::builder()
                    .timeout(Duration::from_secs(10))
                    .build()
                    .map_err(DeliveryConfigError::Client)?;
                Ok((client, url.to_owned()))
            })
            .transpose()?;
        let (feed, _) = broadcast::channel(1024);
        let inner = Inner {
            store,
            #[cfg(feature = "smtp")]
            smtp,
            sms_webhook,
            sandbox,
            feed,
            wake: Notify::new(),
        };
        Ok(Delivery { inner: Arc::new(inner) })
    }

    /// A live feed of queued messages (for the sandbox console), in the
    /// order their transactions committed.
    pub fn subscribe(&self) -> broadcast::Receiver<OutboxMessage> {
        self.inner.feed.subscribe()
    }

    /// Called after a transaction that queued `messages` committed: shows
    /// them on the feed and wakes the worker.
    pub fn committed(&self, messages: Vec<OutboxMessage>) {
        if messages.is_empty() {
            return;
        }
        for message in messages {
            let _ = self.inner.feed.send(message);
        }
        self.inner.wake.notify_one();
    }

    /// Starts the worker on the current runtime; it stops when `stop` fires.
    pub fn spawn_worker(&self, stop: tokio::sync::watch::Receiver<bool>) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move { this.run(stop).await })
    }

    async fn run(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        let mut sending: HashSet<i64> = HashSet::new();
        let mut tasks = tokio::task::JoinSet::new();
        loop {
            if *stop.borrow() {
                break;
            }
            let room = IN_FLIGHT.saturating_sub(sending.len());
            if room > 0 {
                let store = self.inner.store.clone();
                let limit = u32::try_from(room + sending.len()).unwrap_or(u32::MAX);
                match tokio::task::spawn_blocking(move || store.due_messages(limit)).await {
                    Ok(Ok(due)) => {
                        let fresh: Vec<PendingMessage> =
                            due.into_iter().filter(|m| !sending.contains(&m.id)).take(room).collect();
                        for message in fresh {
                            sending.insert(message.id);
                            let this = self.clone();
                            tasks.spawn(async move {
                                let id = message.id;
                                this.attempt(message).await;
                                id
                            });
                        }
                    }
                    Ok(Err(e)) => tracing::error!(error = %e, "cannot read the outbox"),
                    Err(_) => tracing::error!("the outbox reader stopped"),
                }
            }
            tokio::select! {
                _ = self.inner.wake.notified() => {}
                Some(done) = tasks.join_next(), if !tasks.is_empty() => {
                    if let Ok(id) = done {
                        sending.remove(&id);
                    } else {
                        // A panicked attempt: forget every in-flight id so
                        // nothing stays stuck; a due message is sent again.
                        sending.clear();
                    }
                }
                _ = tokio::time::sleep(POLL) => {}
                changed = stop.changed() => {
                    // The service is gone (its sender dropped): stop too.
                    if changed.is_err() {
                        break;
                    }
                }
            }
        }
        tasks.shutdown().await;
    }

    /// One attempt at one message, and its record.
    async fn attempt(&self, message: PendingMessage) {
        let sent = self.send(&message).await;
        let now = self.inner.store.clock().now_ms();
        let outcome = match sent {
            Ok(()) => DeliveryOutcome::Delivered,
            Err(DeliveryError::Permanent(error)) => DeliveryOutcome::Failed { error },
            Err(DeliveryError::Transient(error)) => {
                let next_attempt_at = now + backoff_ms(message.attempts + 1);
                if next_attempt_at > message.deadline_at {
                    DeliveryOutcome::Failed { error: format!("{error} (gave up at its deadline)") }
                } else {
                    DeliveryOutcome::Retry { next_attempt_at, error }
                }
            }
        };
        if let DeliveryOutcome::Failed { error } | DeliveryOutcome::Retry { error, .. } = &outcome {
            tracing::warn!(message = message.id, channel = %message.channel, error = %error, "a delivery attempt failed");
        }
        let (store, keep) = (self.inner.store.clone(), self.inner.sandbox);
        let id = message.id;
        match tokio::task::spawn_blocking(move || store.record_delivery(id, &outcome, keep)).await {
            Ok(Ok(Some(recorded))) if recorded.state == DeliveryState::Failed => {
                tracing::error!(message = id, attempts = recorded.attempts, "a message was given up");
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "cannot record a delivery"),
            Err(_) => tracing::error!("the delivery recorder stopped"),
        }
    }

    /// Hands the message to its transport; with none for its channel, the
    /// outbox is the delivery.
    async fn send(&self, msg: &PendingMessage) -> Result<(), DeliveryError> {
        match msg.channel {
            Channel::Email => {
                // Without `smtp`, `new` refused an SMTP URL: there is none here.
                #[cfg(feature = "smtp")]
                if let Some(smtp) = &self.inner.smtp {
                    send_email(smtp, msg).await?;
                }
            }
            Channel::Sms => {
                if let Some((client, url)) = &self.inner.sms_webhook {
                    let (_, body) = compose(msg.kind, msg.secret.as_deref());
                    let payload = serde_json::json!({
                        "to": msg.to,
                        "body": body,
                        "kind": msg.kind,
                        "account_id": msg.account_id,
                    });
                    let response = client.post(url).json(&payload).send().await.map_err(|e| {
                        DeliveryError::Transient(format!(
                            "the SMS webhook did not take the message: {}",
                            e.without_url()
                        ))
                    })?;
                    let status = response.status();
                    if !status.is_success() {
                        let text = format!("the SMS webhook did not take the message: it answered {status}");
                        // A 4xx says the message itself is refused; a retry cannot help.
                        let permanent = status.is_client_error()
                            && status != reqwest::StatusCode::REQUEST_TIMEOUT
                            && status != reqwest::StatusCode::TOO_MANY_REQUESTS;
                        return Err(if permanent {
                            DeliveryError::Permanent(text)
                        } else {
                            DeliveryError::Transient(text)
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// Hands an email to the SMTP server.
#[cfg(feature = "smtp")]
async fn send_email(smtp: &AsyncSmtpTransport<Tokio1Executor>, msg: &PendingMessage) -> Result<(), DeliveryError> {
    let (subject, body) = compose(msg.kind, msg.secret.as_deref());
    let from = "Account Service <no-reply@accounts.example>"
        .parse()
        .map_err(|e| DeliveryError::Permanent(format!("bad sender: {e}")))?;
    let to = msg.to.parse().map_err(|e| DeliveryError::Permanent(format!("bad recipient: {e}")))?;
    let email = Message::builder()
        .from(from)
        .to(to)
        .subject(subject)
        .body(body)
        .map_err(|e| DeliveryError::Permanent(e.to_string()))?;
    smtp.send(email).await.map_err(|e| {
        let text = format!("the SMTP server did not take the email: {e}");
        if e.is_permanent() { DeliveryError::Permanent(text) } else { DeliveryError::Transient(text) }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_name_a_host_and_port() {
        assert_eq!(parse_smtp("smtp://127.0.0.1:2525").unwrap(), ("127.0.0.1".into(), 2525));
        assert_eq!(parse_smtp("smtp://mail.internal").unwrap(), ("mail.internal".into(), 25));
        assert!(parse_smtp("smtps://x:465").is_err());
        assert!(parse_smtp("smtp://user@host:25").is_err());
    }

    #[cfg(not(feature = "smtp"))]
    #[test]
    fn smtp_without_the_feature_is_refused_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), crate::Clock::system()).unwrap();
        let refused = Delivery::new(store, Some("smtp://127.0.0.1:2525"), None, false).err();
        assert!(matches!(refused, Some(DeliveryConfigError::NoSmtp(_))));
    }

    #[test]
    fn retries_back_off_exponentially_up_to_a_minute() {
        let waits: Vec<i64> = (1..=9).map(backoff_ms).collect();
        assert_eq!(waits, [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    }

    #[test]
    fn stored_bodies_outside_the_sandbox_carry_no_secret() {
        let (_, body) = compose(MessageKind::VerificationCode, None);
        assert!(body.contains(REDACTED));
        let (_, body) = compose(MessageKind::TemporaryPassword, Some("abcde-fghij"));
        assert!(body.contains("abcde-fghij"));
    }
}
