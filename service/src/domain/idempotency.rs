//! `Idempotency-Key`: what identifies a request, and the keyed fingerprint
//! that tells a replay from a different request under the same key.
//!
//! The fingerprint is HMAC-SHA256 under a server secret kept in the
//! database's `meta` table, not a plain hash: a request body can hold a
//! password (`mode: set`), and an unkeyed hash of it could be checked
//! against a word list by anyone who reads the database, sidestepping
//! argon2.

use sha2::{Digest, Sha256};

/// A request's key and fingerprint; the key is scoped by the caller that
/// sent it ([`super::Operator::principal_id`]).
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub fingerprint: String,
}

impl IdempotencyKey {
    /// The key of a request `method path?query` with `body`, fingerprinted
    /// under `secret`. The audit headers are context, not part of the
    /// request's meaning, and are left out.
    pub fn new(secret: &[u8; 32], key: String, method: &str, path: &str, query: &str, body: &[u8]) -> Self {
        // Each part ends with a zero byte, so moving bytes between parts
        // changes the fingerprint.
        let parts: [&[u8]; 8] =
            [method.as_bytes(), b"\0", path.as_bytes(), b"\0", query.as_bytes(), b"\0", body, b"\0"];
        let fingerprint = hex::encode(hmac_sha256(secret, &parts));
        IdempotencyKey { key, fingerprint }
    }
}

/// HMAC-SHA256 (RFC 2104) of the concatenated parts.
fn hmac_sha256(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut padded = [0u8; BLOCK];
    padded[..key.len()].copy_from_slice(key);
    let mut inner = Sha256::new();
    inner.update(padded.map(|b| b ^ 0x36));
    for part in parts {
        inner.update(part);
    }
    let mut outer = Sha256::new();
    outer.update(padded.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mac_is_rfc_4231_hmac_sha256() {
        // RFC 4231 test case 2. HMAC zero-pads a key shorter than the block,
        // so "Jefe" padded to 32 bytes is the same key.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        let mac = hmac_sha256(&key, &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(hex::encode(mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn fingerprints_depend_on_the_secret_and_every_part() {
        let secret = [7u8; 32];
        let fp = |s: &[u8; 32], body: &[u8]| IdempotencyKey::new(s, "k".into(), "PUT", "/v1/x", "", body).fingerprint;
        assert_eq!(fp(&secret, b"{}"), fp(&secret, b"{}"));
        assert_ne!(fp(&secret, b"{}"), fp(&secret, b"{} "));
        assert_ne!(fp(&secret, b"{}"), fp(&[8u8; 32], b"{}"), "another database, another fingerprint");
        assert_ne!(fp(&secret, b"{}"), hex::encode(Sha256::digest(b"{}")), "not the plain hash of the body");
    }
}
