//! Form bodies, base64url, and a JWT's parts read without verifying them.

use serde_json::Value;

/// `application/x-www-form-urlencoded` of `fields`.
pub fn form(fields: &[(&str, &str)]) -> String {
    fn encode(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(b)),
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    }
    fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// The JSON of a JWT's header and claims, unverified (for tests that look
/// inside a token or build a tampered one).
pub fn decode_unverified(jwt: &str) -> Option<(Value, Value)> {
    let mut parts = jwt.split('.');
    let header = base64url_decode(parts.next()?)?;
    let claims = base64url_decode(parts.next()?)?;
    Some((serde_json::from_slice(&header).ok()?, serde_json::from_slice(&claims).ok()?))
}

/// base64url without padding, as JWS uses it.
pub fn base64url_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url (padding optional).
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    acctl_api::base64url::decode(s.trim_end_matches('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_encode_like_a_browser() {
        assert_eq!(
            form(&[("scope", "openid offline_access"), ("r", "https://a.test/x?y=1&z")]),
            "scope=openid+offline_access&r=https%3A%2F%2Fa.test%2Fx%3Fy%3D1%26z"
        );
    }

    #[test]
    fn base64url_round_trips() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\u{ff}\u{fe}"] {
            let encoded = base64url_encode(s.as_bytes());
            assert!(!encoded.contains('='));
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(s.as_bytes()), "{s}");
        }
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }
}
