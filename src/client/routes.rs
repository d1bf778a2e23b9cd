//! One method per route of DESIGN §4, and the paths, queries and bodies
//! they send.

use acctl_api::{
    Account, AuditPage, AuditQuery, Challenge, ChallengeRequest, Channel, Identifier, IdentifierKind, LoginRequest,
    LoginResponse, PasswordChange, PasswordRequest, SessionsRevoked, VerifyRequest, VerifyResponse, Whoami,
};
use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::checks::{self, Checked};
use super::exchange::RawAnswer;
use super::{Answered, ApiClient, ApiError, BatchAnswer, BatchText, Call, Change};

impl ApiClient {
    pub async fn whoami(&self) -> Result<Whoami, ApiError> {
        self.get("/v1/whoami".into(), Vec::new()).await
    }

    pub async fn account(&self, id: &str, reveal: bool) -> Result<Account, ApiError> {
        self.get(format!("/v1/accounts/{}", segment(id)), reveal_query(reveal)).await
    }

    /// One account by any identifier: by ID, or by email/phone (exact).
    pub async fn find_account(&self, ident: &Identifier, reveal: bool) -> Result<Account, ApiError> {
        let mut query = reveal_query(reveal);
        match ident.kind {
            IdentifierKind::Id => return self.account(&ident.value, reveal).await,
            IdentifierKind::Email => query.insert(0, ("email", ident.value.clone())),
            IdentifierKind::Phone => query.insert(0, ("phone", ident.value.clone())),
        }
        self.get("/v1/accounts".into(), query).await
    }

    /// Up to [`acctl_api::BATCH_LOOKUP_MAX`] identifiers; one result each, in order.
    /// Read-only, so it is retried like a GET.
    ///
    /// `A` is what each account is decoded into: [`Account`], or
    /// `Box<serde_json::value::RawValue>` to keep the service's JSON text for
    /// output that only passes it on.
    pub async fn batch_lookup<A: DeserializeOwned + Checked>(
        &self,
        identifiers: &[&Identifier],
        reveal: bool,
    ) -> Result<BatchAnswer<A>, ApiError> {
        self.send(batch_call(identifiers, reveal)).await.map(|(answer, _)| answer)
    }

    /// [`Self::batch_lookup`] with the accounts kept as text ([`BatchText`]).
    pub async fn batch_lookup_text(&self, identifiers: &[&Identifier], reveal: bool) -> Result<BatchText, ApiError> {
        let RawAnswer { bytes, endpoint, request_id } = self.exchange(batch_call(identifiers, reveal)).await?;
        let answer = BatchText::read(bytes).map_err(|malformed| ApiError::Decode {
            endpoint: endpoint.clone(),
            request_id: request_id.clone(),
            source: serde::de::Error::custom(malformed),
        })?;
        let codes_ok = answer.results.iter().filter_map(|r| r.error.as_ref()).all(|e| checks::is_error_code(&e.code));
        if !codes_ok {
            return Err(ApiError::Malformed { endpoint, what: "error code", request_id });
        }
        Ok(answer)
    }

    pub async fn create_challenge(
        &self,
        account_id: &str,
        channel: Channel,
        change: Change<'_>,
    ) -> Result<Answered<Challenge>, ApiError> {
        let path = format!("/v1/accounts/{}/challenges", segment(account_id));
        self.mutate(Method::POST, path, &ChallengeRequest { channel }, change).await
    }

    pub async fn verify_challenge(
        &self,
        challenge_id: &str,
        code: &SecretString,
        change: Change<'_>,
    ) -> Result<Answered<VerifyResponse>, ApiError> {
        let body = VerifyRequest { code: code.expose_secret().to_owned() };
        self.mutate(Method::POST, format!("/v1/challenges/{}/verify", segment(challenge_id)), &body, change).await
    }

    pub async fn set_password(
        &self,
        account_id: &str,
        request: &PasswordRequest,
        change: Change<'_>,
    ) -> Result<Answered<PasswordChange>, ApiError> {
        self.mutate(Method::PUT, format!("/v1/accounts/{}/password", segment(account_id)), request, change).await
    }

    pub async fn lock(&self, account_id: &str, change: Change<'_>) -> Result<Answered<Account>, ApiError> {
        let path = format!("/v1/accounts/{}:lock", segment(account_id));
        self.mutate(Method::POST, path, &serde_json::json!({}), change).await
    }

    pub async fn unlock(&self, account_id: &str, change: Change<'_>) -> Result<Answered<Account>, ApiError> {
        let path = format!("/v1/accounts/{}:unlock", segment(account_id));
        self.mutate(Method::POST, path, &serde_json::json!({}), change).await
    }

    pub async fn revoke_sessions(
        &self,
        account_id: &str,
        change: Change<'_>,
    ) -> Result<Answered<SessionsRevoked>, ApiError> {
        let path = format!("/v1/accounts/{}/sessions:revoke", segment(account_id));
        self.mutate(Method::POST, path, &serde_json::json!({}), change).await
    }

    pub async fn audit(&self, q: &AuditQuery) -> Result<AuditPage, ApiError> {
        self.get("/v1/audit".into(), q.pairs()).await
    }

    /// The customer's own sign-in (no operator token; not retried: it is not keyed).
    pub async fn customer_login(&self, request: &LoginRequest) -> Result<LoginResponse, ApiError> {
        self.send(Call {
            method: Method::POST,
            path: "/v1/auth/login".into(),
            query: Vec::new(),
            body: Some(to_body(request)?),
            change: None,
            retry: false,
            auth: false,
        })
        .await
        .map(|(answer, _)| answer)
    }

    async fn get<T: DeserializeOwned + Checked>(
        &self,
        path: String,
        query: Vec<(&'static str, String)>,
    ) -> Result<T, ApiError> {
        self.send(Call { method: Method::GET, path, query, body: None, change: None, retry: true, auth: true })
            .await
            .map(|(answer, _)| answer)
    }

    async fn mutate<T: DeserializeOwned + Checked, B: Serialize>(
        &self,
        method: Method,
        path: String,
        body: &B,
        change: Change<'_>,
    ) -> Result<Answered<T>, ApiError> {
        let call = Call {
            method,
            path,
            query: Vec::new(),
            body: Some(to_body(body)?),
            change: Some(change),
            retry: true,
            auth: true,
        };
        self.send(call).await.map(|(value, request_id)| Answered { value, request_id })
    }
}

fn to_body<B: Serialize>(body: &B) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(body)
        .map_err(|e| ApiError::Setup { what: "cannot encode the request".into(), source: Some(Box::new(e)) })
}

/// `POST /v1/accounts:batchLookup` for `identifiers`: read-only, so retried.
fn batch_call(identifiers: &[&Identifier], reveal: bool) -> Call<'static> {
    Call {
        method: Method::POST,
        path: "/v1/accounts:batchLookup".into(),
        query: reveal_query(reveal),
        body: Some(batch_body(identifiers)),
        change: None,
        retry: true,
        auth: true,
    }
}

/// A [`BatchLookupRequest`](acctl_api::BatchLookupRequest)'s JSON, written directly: through serde, these
/// few fixed keys were a twentieth of `lookup -`'s CPU time. The same bytes.
fn batch_body(identifiers: &[&Identifier]) -> Vec<u8> {
    let mut out = Vec::with_capacity(20 + identifiers.iter().map(|i| i.value.len() + 32).sum::<usize>());
    out.extend_from_slice(b"{\"identifiers\":[");
    for (n, id) in identifiers.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"kind\":\"");
        out.extend_from_slice(id.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"value\":");
        crate::output::json_text::write_json_str(&mut out, &id.value).expect("a Vec takes every write");
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    out
}

fn reveal_query(reveal: bool) -> Vec<(&'static str, String)> {
    if reveal { vec![("reveal", "true".to_owned())] } else { Vec::new() }
}

/// Percent-encodes one path segment (IDs are validated, but never trusted).
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use acctl_api::BatchLookupRequest;

    use super::*;

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(segment("acc_demoalice"), "acc_demoalice");
        assert_eq!(segment("../x?y"), "..%2Fx%3Fy");
    }

    #[test]
    fn a_batch_body_is_what_serde_would_write() {
        let ids = ["a@b.c", "say \"hi\"\\", "tab\there", "ünï\u{7f}", ""];
        let identifiers: Vec<Identifier> = ids
            .iter()
            .zip([IdentifierKind::Email, IdentifierKind::Phone, IdentifierKind::Id].into_iter().cycle())
            .map(|(value, kind)| Identifier { kind, value: (*value).to_owned() })
            .collect();
        for n in 0..=identifiers.len() {
            let request = BatchLookupRequest { identifiers: identifiers[..n].to_vec() };
            assert_eq!(
                batch_body(&request.identifiers.iter().collect::<Vec<_>>()),
                serde_json::to_vec(&request).unwrap()
            );
        }
    }
}
