//! Sending messages to customers: verification codes, temporary passwords
//! and "password changed" notices.
//!
//! Every sent message is recorded in the outbox. With `--smtp`, emails go to
//! a real SMTP server; with `--sms-webhook`, SMS are POSTed as JSON to a
//! gateway. Without them (the sandbox), the outbox is the delivery. Outside
//! sandbox mode the outbox keeps the message with its secret redacted.

use acctl_api::{Channel, MessageKind, OutboxMessage};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::broadcast;

use crate::store::Store;

/// Where messages go.
#[derive(Clone)]
pub struct Delivery {
    store: Store,
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    sms_webhook: Option<(reqwest::Client, String)>,
    sandbox: bool,
    feed: broadcast::Sender<OutboxMessage>,
}

/// A message to send.
pub struct Outgoing<'a> {
    pub account_id: &'a str,
    pub channel: Channel,
    /// Unmasked contact.
    pub to: &'a str,
    pub kind: MessageKind,
    /// The code or temporary password the message carries.
    pub secret: Option<&'a str>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("the SMTP server did not take the email: {0}")]
    Smtp(String),
    #[error("the SMS webhook did not take the message: {0}")]
    Sms(String),
    #[error(transparent)]
    Store(#[from] crate::error::StoreError),
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryConfigError {
    #[error("`{0}` is not an SMTP URL: use smtp://HOST[:PORT] (plain SMTP, e.g. to a local relay)")]
    SmtpUrl(String),
    #[error("`{0}` is not an http(s) URL for the SMS webhook")]
    WebhookUrl(String),
    #[error("cannot build the HTTP client for the SMS webhook")]
    Client(#[source] reqwest::Error),
}

const REDACTED: &str = "[redacted]";

fn compose(kind: MessageKind, secret: Option<&str>) -> (&'static str, String) {
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
        let smtp = smtp
            .map(|url| {
                let (host, port) = parse_smtp(url)?;
                Ok::<_, DeliveryConfigError>(
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                        .port(port)
                        .timeout(Some(std::time::Duration::from_secs(10)))
                        .build(),
                )
            })
            .transpose()?;
        let sms_webhook = sms_webhook
            .map(|url| {
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(DeliveryConfigError::WebhookUrl(url.to_owned()));
                }
                crate::install_crypto_provider();
                let client = reqwest::Client::builder()
                    .timeout(std::time::Duration::from_secs(10))
                    .build()
                    .map_err(DeliveryConfigError::Client)?;
                Ok((client, url.to_owned()))
            })
            .transpose()?;
        let (feed, _) = broadcast::channel(1024);
        Ok(Delivery { store, smtp, sms_webhook, sandbox, feed })
    }

    /// A live feed of recorded messages (for the sandbox console).
    pub fn subscribe(&self) -> broadcast::Receiver<OutboxMessage> {
        self.feed.subscribe()
    }

    /// Sends a message and records it. Nothing is recorded when the
    /// transport refuses it.
    pub async fn send(&self, msg: Outgoing<'_>) -> Result<OutboxMessage, DeliveryError> {
        let (subject, body) = compose(msg.kind, msg.secret);
        match msg.channel {
            Channel::Email => {
                if let Some(smtp) = &self.smtp {
                    let email = Message::builder()
                        .from(
                            "Account Service <no-reply@accounts.example>"
                                .parse()
                                .map_err(|e| DeliveryError::Smtp(format!("{e}")))?,
                        )
                        .to(msg.to.parse().map_err(|e| DeliveryError::Smtp(format!("bad recipient: {e}")))?)
                        .subject(subject)
                        .body(body.clone())
                        .map_err(|e| DeliveryError::Smtp(e.to_string()))?;
                    smtp.send(email).await.map_err(|e| DeliveryError::Smtp(e.to_string()))?;
                }
            }
            Channel::Sms => {
                if let Some((client, url)) = &self.sms_webhook {
                    let payload = serde_json::json!({
                        "to": msg.to,
                        "body": body,
                        "kind": msg.kind,
                        "account_id": msg.account_id,
                    });
                    let response = client
                        .post(url)
                        .json(&payload)
                        .send()
                        .await
                        .map_err(|e| DeliveryError::Sms(e.without_url().to_string()))?;
                    if !response.status().is_success() {
                        return Err(DeliveryError::Sms(format!("it answered {}", response.status())));
                    }
                }
            }
        }
        let (stored_body, stored_secret) =
            if self.sandbox { (body, msg.secret) } else { (compose(msg.kind, None).1, None) };
        let store = self.store.clone();
        let (account_id, to, kind, channel) = (msg.account_id.to_owned(), msg.to.to_owned(), msg.kind, msg.channel);
        let secret = stored_secret.map(str::to_owned);
        let recorded = tokio::task::spawn_blocking(move || {
            store.record_message(crate::store::NewMessage {
                account_id: &account_id,
                channel,
                to: &to,
                kind,
                subject,
                body: &stored_body,
                secret: secret.as_deref(),
            })
        })
        .await
        .map_err(|_| crate::error::StoreError::Worker)??;
        let _ = self.feed.send(recorded.clone());
        Ok(recorded)
    }
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

    #[test]
    fn stored_bodies_outside_the_sandbox_carry_no_secret() {
        let (_, body) = compose(MessageKind::VerificationCode, None);
        assert!(body.contains(REDACTED));
        let (_, body) = compose(MessageKind::TemporaryPassword, Some("abcde-fghij"));
        assert!(body.contains("abcde-fghij"));
    }
}
