//! A strict verifier of compact JWS signatures (RFC 7515) over `ring`, for
//! the three algorithms the service accepts: RS256, PS256 and ES256.
//!
//! Why not a JWT crate: `jsonwebtoken` 12 needs a crypto backend, and its
//! two are aws-lc-rs (aws-lc-sys is ~60–110 s of build here and banned in
//! `deny.toml`) or RustCrypto (the `rsa` crate, flagged by RUSTSEC-2023-0071).
//! `ring` 0.17 is already built for rustls, so verifying with it costs no
//! build time, and a verifier this small states every rule it applies: an
//! explicit algorithm allow-list (no `none`, no HMAC, whose "secret" would be
//! the provider's public key), the key's type bound to the algorithm, keys
//! only from the provider's JWKS (never `jku`, `x5u` or an embedded `jwk`),
//! and no critical extensions.

use acctl_api::base64url::decode as base64url;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde_json::{Map, Value};

use super::TokenError;

/// A token longer than this is refused before any decoding.
pub const MAX_TOKEN_LEN: usize = 16 * 1024;

/// The signature algorithms accepted, and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alg {
    Rs256,
    Ps256,
    Es256,
}

impl Alg {
    pub const ALLOWED: &'static str = "RS256, PS256, ES256";

    fn parse(name: &str) -> Result<Alg, TokenError> {
        match name {
            "RS256" => Ok(Alg::Rs256),
            "PS256" => Ok(Alg::Ps256),
            "ES256" => Ok(Alg::Es256),
            other => Err(TokenError::AlgorithmNotAllowed(other.to_owned())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Alg::Rs256 => "RS256",
            Alg::Ps256 => "PS256",
            Alg::Es256 => "ES256",
        }
    }
}

/// A public key from the provider's JWKS that can verify one of [`Alg`].
#[derive(Clone)]
pub struct Jwk {
    pub kid: Option<String>,
    /// The key's own `alg`, when the JWKS pins one.
    alg: Option<String>,
    material: Material,
}

#[derive(Clone)]
enum Material {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    /// An uncompressed P-256 point: 0x04 || x || y.
    P256 {
        point: Vec<u8>,
    },
}

impl std::fmt::Debug for Jwk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kty = match self.material {
            Material::Rsa { .. } => "RSA",
            Material::P256 { .. } => "EC P-256",
        };
        f.debug_struct("Jwk").field("kid", &self.kid).field("kty", &kty).field("alg", &self.alg).finish()
    }
}

impl Jwk {
    /// The key from one JWKS member, or `None` when the service cannot use
    /// it to verify signatures (an encryption key, another curve, Ed25519):
    /// such keys are skipped, not an error, as providers publish them too.
    pub fn from_json(key: &Value) -> Option<Jwk> {
        let text = |name: &str| key.get(name).and_then(Value::as_str);
        if text("use").is_some_and(|u| u != "sig") {
            return None;
        }
        if let Some(ops) = key.get("key_ops")
            && !ops.as_array().is_some_and(|ops| ops.iter().any(|op| op == "verify"))
        {
            return None;
        }
        let material = match text("kty")? {
            "RSA" => {
                let n = strip_leading_zeros(base64url(text("n")?)?);
                let e = strip_leading_zeros(base64url(text("e")?)?);
                (!n.is_empty() && !e.is_empty()).then_some(Material::Rsa { n, e })?
            }
            "EC" if text("crv")? == "P-256" => {
                let (x, y) = (base64url(text("x")?)?, base64url(text("y")?)?);
                if x.len() != 32 || y.len() != 32 {
                    return None;
                }
                let mut point = Vec::with_capacity(65);
                point.push(0x04);
                point.extend_from_slice(&x);
                point.extend_from_slice(&y);
                Material::P256 { point }
            }
            _ => return None,
        };
        Some(Jwk { kid: text("kid").map(str::to_owned), alg: text("alg").map(str::to_owned), material })
    }

    /// Whether this key may verify `alg`: its type matches, and so does its
    /// own `alg` when the JWKS names one.
    fn fits(&self, alg: Alg) -> bool {
        let kty_fits = matches!(
            (&self.material, alg),
            (Material::Rsa { .. }, Alg::Rs256 | Alg::Ps256) | (Material::P256 { .. }, Alg::Es256)
        );
        kty_fits && self.alg.as_deref().is_none_or(|a| a == alg.as_str())
    }

    fn verify(&self, alg: Alg, message: &[u8], sig: &[u8]) -> bool {
        match (&self.material, alg) {
            (Material::Rsa { n, e }, Alg::Rs256) => {
                RsaPublicKeyComponents { n, e }.verify(&signature::RSA_PKCS1_2048_8192_SHA256, message, sig).is_ok()
            }
            (Material::Rsa { n, e }, Alg::Ps256) => {
                RsaPublicKeyComponents { n, e }.verify(&signature::RSA_PSS_2048_8192_SHA256, message, sig).is_ok()
            }
            (Material::P256 { point }, Alg::Es256) => {
                UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, point).verify(message, sig).is_ok()
            }
            _ => false,
        }
    }
}

/// A JWKS document's usable keys (others are skipped).
pub fn parse_jwks(document: &Value) -> Vec<Jwk> {
    document.get("keys").and_then(Value::as_array).into_iter().flatten().filter_map(Jwk::from_json).collect()
}

/// A compact JWS split and decoded, its signature not yet checked.
pub struct Unverified {
    pub alg: Alg,
    pub kid: Option<String>,
    pub claims: Map<String, Value>,
    /// Whether the header's `typ` says it is an access token (`at+jwt`),
    /// rather than the plain `JWT` (or nothing) some providers write.
    pub labelled_access_token: bool,
    /// `BASE64URL(header) '.' BASE64URL(payload)`, what the signature covers.
    signing_input: String,
    signature: Vec<u8>,
}

/// Splits and decodes `token`, and applies every rule of the header:
/// algorithm allow-list, `typ` of an access token (RFC 9068 §2.1; with
/// `plain_jwt`, also `JWT` or none), no `crit`. The signature is checked by
/// [`verify_signature`].
pub fn parse(token: &str, plain_jwt: bool) -> Result<Unverified, TokenError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(TokenError::Malformed("it is longer than 16 KiB"));
    }
    let parts: Vec<&str> = token.split('.').collect();
    match parts.len() {
        3 => {}
        5 => return Err(TokenError::Malformed("it is encrypted (JWE), and this service takes signed tokens only")),
        _ => return Err(TokenError::Malformed("it is not a JWT (three base64url parts separated by dots)")),
    }
    let header = base64url(parts[0]).ok_or(TokenError::Malformed("its header is not base64url"))?;
    let header: Map<String, Value> =
        serde_json::from_slice(&header).map_err(|_| TokenError::Malformed("its header is not a JSON object"))?;
    let alg = header.get("alg").and_then(Value::as_str).ok_or(TokenError::Malformed("its header names no `alg`"))?;
    let alg = Alg::parse(alg)?;
    let typ = match header.get("typ") {
        None => None,
        Some(Value::String(typ)) => Some(typ.as_str()),
        Some(_) => return Err(TokenError::Malformed("its `typ` is not a string")),
    };
    let labelled_access_token =
        typ.is_some_and(|t| t.eq_ignore_ascii_case("at+jwt") || t.eq_ignore_ascii_case("application/at+jwt"));
    if !(labelled_access_token || plain_jwt && plain_label(typ)) {
        return Err(TokenError::NotAnAccessToken(typ.map(str::to_owned)));
    }
    if header.contains_key("crit") {
        return Err(TokenError::Malformed("its header has `crit` extensions this service does not understand"));
    }
    let kid = match header.get("kid") {
        None => None,
        Some(Value::String(kid)) => Some(kid.clone()),
        Some(_) => return Err(TokenError::Malformed("its `kid` is not a string")),
    };
    let payload = base64url(parts[1]).ok_or(TokenError::Malformed("its payload is not base64url"))?;
    let claims: Map<String, Value> =
        serde_json::from_slice(&payload).map_err(|_| TokenError::Malformed("its payload is not a JSON object"))?;
    let signature = base64url(parts[2]).ok_or(TokenError::Malformed("its signature is not base64url"))?;
    Ok(Unverified {
        alg,
        kid,
        claims,
        labelled_access_token,
        signing_input: format!("{}.{}", parts[0], parts[1]),
        signature,
    })
}

/// The label Okta, Entra ID and Keycloak give their access tokens, and ID
/// tokens have too: `typ` `JWT`, or none.
pub fn plain_label(typ: Option<&str>) -> bool {
    typ.is_none_or(|t| t.eq_ignore_ascii_case("JWT"))
}

/// Which of `keys` may have signed the token: the one its `kid` names, or
/// (without a `kid`) every key that fits its algorithm. `None`: no such
/// key (the caller may refetch the JWKS and ask again).
pub fn candidates<'k>(token: &Unverified, keys: &'k [Jwk]) -> Option<Vec<&'k Jwk>> {
    let found: Vec<&Jwk> = match &token.kid {
        Some(kid) => keys.iter().filter(|k| k.kid.as_deref() == Some(kid)).collect(),
        None => keys.iter().filter(|k| k.fits(token.alg)).collect(),
    };
    (!found.is_empty()).then_some(found)
}

/// Checks the signature of `token` with one of `keys`, which must fit the
/// token's algorithm.
pub fn verify_signature(token: &Unverified, keys: &[&Jwk]) -> Result<(), TokenError> {
    let message = token.signing_input.as_bytes();
    let mut fitting = keys.iter().filter(|k| k.fits(token.alg)).peekable();
    if fitting.peek().is_none() {
        return Err(TokenError::KeyMismatch { kid: token.kid.clone(), alg: token.alg.as_str() });
    }
    if fitting.any(|key| key.verify(token.alg, message, &token.signature)) {
        Ok(())
    } else {
        Err(TokenError::BadSignature)
    }
}

fn strip_leading_zeros(mut bytes: Vec<u8>) -> Vec<u8> {
    let zeros = bytes.iter().take_while(|b| **b == 0).count();
    bytes.drain(..zeros);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn b64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            }
        }
        out
    }

    fn token(header: Value, claims: Value) -> String {
        format!("{}.{}.{}", b64(header.to_string().as_bytes()), b64(claims.to_string().as_bytes()), b64(b"sig"))
    }

    #[test]
    fn only_the_allowed_algorithms_pass_the_header() {
        let claims = json!({"sub": "x"});
        for alg in ["none", "HS256", "HS512", "RS384", "ES512", "EdDSA", "rs256"] {
            let t = token(json!({"alg": alg, "typ": "at+jwt"}), claims.clone());
            assert!(matches!(parse(&t, false), Err(TokenError::AlgorithmNotAllowed(a)) if a == alg), "{alg}");
        }
        for alg in ["RS256", "PS256", "ES256"] {
            assert!(parse(&token(json!({"alg": alg, "typ": "at+jwt"}), claims.clone()), false).is_ok(), "{alg}");
        }
    }

    #[test]
    fn the_type_must_be_that_of_an_access_token() {
        let claims = json!({"sub": "x"});
        for (typ, plain_jwt) in [("at+jwt", false), ("AT+JWT", false), ("application/at+jwt", true)] {
            let t = parse(&token(json!({"alg": "RS256", "typ": typ}), claims.clone()), plain_jwt).expect(typ);
            assert!(t.labelled_access_token, "{typ}");
        }
        let plain =
            [json!({"alg": "RS256", "typ": "JWT"}), json!({"alg": "RS256", "typ": "jwt"}), json!({"alg": "RS256"})];
        for header in &plain {
            let refused = parse(&token(header.clone(), claims.clone()), false);
            assert!(matches!(refused, Err(TokenError::NotAnAccessToken(_))), "{header}");
            let taken = parse(&token(header.clone(), claims.clone()), true).expect("taken with plain_jwt");
            assert!(!taken.labelled_access_token, "{header}");
        }
        for typ in [json!("JOSE"), json!("id_token+jwt"), json!("")] {
            let header = json!({"alg": "RS256", "typ": typ});
            assert!(
                matches!(parse(&token(header, claims.clone()), true), Err(TokenError::NotAnAccessToken(_))),
                "{typ}"
            );
        }
        let header = json!({"alg": "RS256", "typ": 1});
        assert!(matches!(parse(&token(header, claims.clone()), true), Err(TokenError::Malformed(_))));
        let crit = json!({"alg": "RS256", "typ": "at+jwt", "crit": ["exp"], "exp": 1});
        assert!(matches!(parse(&token(crit, claims), false), Err(TokenError::Malformed(_))));
    }

    #[test]
    fn malformed_tokens_say_what_is_wrong() {
        assert!(matches!(parse("acctl_0123", false), Err(TokenError::Malformed(m)) if m.contains("not a JWT")));
        assert!(matches!(parse("a.b.c.d.e", false), Err(TokenError::Malformed(m)) if m.contains("encrypted")));
        assert!(matches!(parse("!!.e30.e30", false), Err(TokenError::Malformed(m)) if m.contains("header")));
        assert!(matches!(parse(&"a.".repeat(9000), false), Err(TokenError::Malformed(m)) if m.contains("16 KiB")));
    }

    #[test]
    fn a_key_verifies_only_the_algorithms_of_its_type() {
        let rsa = Jwk::from_json(&json!({"kty": "RSA", "kid": "r", "n": "AQAB", "e": "AQAB"})).expect("an RSA key");
        let ec = Jwk::from_json(&json!({"kty": "EC", "crv": "P-256", "kid": "e",
            "x": b64(&[1; 32]), "y": b64(&[2; 32])}))
        .expect("a P-256 key");
        assert!(rsa.fits(Alg::Rs256) && rsa.fits(Alg::Ps256) && !rsa.fits(Alg::Es256));
        assert!(ec.fits(Alg::Es256) && !ec.fits(Alg::Rs256));
        let pinned = Jwk::from_json(&json!({"kty": "RSA", "alg": "PS256", "n": "AQAB", "e": "AQAB"})).expect("key");
        assert!(pinned.fits(Alg::Ps256) && !pinned.fits(Alg::Rs256), "a key pinned to PS256 verifies nothing else");
        for unusable in [
            json!({"kty": "RSA", "use": "enc", "n": "AQAB", "e": "AQAB"}),
            json!({"kty": "RSA", "key_ops": ["encrypt"], "n": "AQAB", "e": "AQAB"}),
            json!({"kty": "EC", "crv": "P-384", "x": b64(&[1; 48]), "y": b64(&[2; 48])}),
            json!({"kty": "OKP", "crv": "Ed25519", "x": b64(&[1; 32])}),
            json!({"kty": "oct", "k": "c2VjcmV0"}),
        ] {
            assert!(Jwk::from_json(&unusable).is_none(), "{unusable}");
        }
        let t = parse(&token(json!({"alg": "ES256", "typ": "at+jwt", "kid": "r"}), json!({})), false).expect("parses");
        let keys = [rsa, ec];
        let found = candidates(&t, &keys).expect("the kid names a key");
        assert!(
            matches!(verify_signature(&t, &found), Err(TokenError::KeyMismatch { .. })),
            "an ES256 token naming an RSA key is refused before any verification"
        );
    }
}
