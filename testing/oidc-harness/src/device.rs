//! The device flow as the `acctl` client runs it: device authorization,
//! token polls, refresh and revocation, and a whole sign-in.

use std::time::Duration;

use reqwest::{StatusCode, header};
use serde_json::Value;

use crate::{CLIENT_ID, DEVICE_CODE_GRANT, Decision, Provider, Result, error, form, http_error};

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

impl Provider {
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
