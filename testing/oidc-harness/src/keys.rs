//! The provider's signing keys: rotating them, signing any claims with
//! them, and the JWKS that publishes them.

use serde_json::{Value, json};

use crate::{Provider, Result, error, http_error};

/// Which of the provider's current keys [`Provider::mint`] signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningKey {
    /// RS256 with the current RSA key.
    Rsa,
    /// ES256 with the current P-256 key.
    Ec,
}

impl Provider {
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
    /// members override the default `{alg, typ: "at+jwt", kid}`, and a
    /// member set to `null` is left out.
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
}
