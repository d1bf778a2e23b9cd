//! Reading a JWT's claims for display, without verifying it.
//!
//! Why no verification here: acctl never decides anything from these
//! claims. The access token is checked by the service, which is the party
//! that must trust it (signature, issuer, audience, expiry); the id_token
//! comes straight from the token endpoint over a TLS connection acctl
//! verified, which OpenID Connect Core §3.1.3.7 accepts in place of checking
//! its signature. What acctl reads — who signed in, when the access token
//! expires — is shown to the person and used to renew a little early; a
//! forged value could only mislead the one who forged it.

use serde::Deserialize;

/// The claims acctl shows. Every string is provider text: sanitised where printed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Claims {
    #[serde(default)]
    pub sub: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub preferred_username: Option<String>,
    #[serde(default)]
    pub exp: Option<i64>,
}

impl Claims {
    /// The payload of a JWS compact serialisation, or `None` when `token` is
    /// not one (an opaque token).
    pub fn peek(token: &str) -> Option<Claims> {
        let mut parts = token.split('.');
        let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let bytes = base64url(payload)?;
        let mut claims: Claims = serde_json::from_slice(&bytes).ok()?;
        claims.name = claims.name.take().or(claims.preferred_username.take());
        Some(claims)
    }
}

/// Base64url, padding tolerated (display only).
fn base64url(text: &str) -> Option<Vec<u8>> {
    acctl_api::base64url::decode(text.trim_end_matches('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_tolerates_padding_for_display() {
        assert_eq!(base64url("Zg==").unwrap(), b"f");
        assert_eq!(base64url("Zm9v").unwrap(), b"foo");
        assert!(base64url("a+b/").is_none(), "standard base64 is not base64url");
    }

    #[test]
    fn claims_come_from_the_payload_and_opaque_tokens_have_none() {
        // {"sub":"u1","email":"a@example.com","preferred_username":"ada","exp":1800000000}
        let payload = "eyJzdWIiOiJ1MSIsImVtYWlsIjoiYUBleGFtcGxlLmNvbSIsInByZWZlcnJlZF91c2VybmFtZSI6ImFkYSIsImV4cCI6MTgwMDAwMDAwMH0";
        let claims = Claims::peek(&format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln")).unwrap();
        assert_eq!(claims.sub.as_deref(), Some("u1"));
        assert_eq!(claims.email.as_deref(), Some("a@example.com"));
        assert_eq!(claims.name.as_deref(), Some("ada"));
        assert_eq!(claims.exp, Some(1_800_000_000));
        assert!(Claims::peek("opaque-token").is_none());
        assert!(Claims::peek("a.b.c.d").is_none());
    }
}
