//! Unpadded base64url (RFC 4648 §5, as JWS uses it: RFC 7515 §2), decoded
//! strictly. One decoder for the service's token verifier, the CLI's display
//! of token claims and the test harness; callers that accept padding trim it
//! first.

/// Decodes unpadded base64url: no padding, no other alphabet, no stray bits
/// in the last character (so each value has one spelling). `None` on
/// anything else.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_unpadded_base64url_strictly() {
        assert_eq!(decode("").as_deref(), Some(&b""[..]));
        assert_eq!(decode("Zg").as_deref(), Some(&b"f"[..]));
        assert_eq!(decode("Zm8").as_deref(), Some(&b"fo"[..]));
        assert_eq!(decode("Zm9vYmFy").as_deref(), Some(&b"foobar"[..]));
        assert_eq!(decode("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode("Zm9vYg=="), None, "no padding");
        assert_eq!(decode("Zm9vYh"), None, "stray bits in the last character");
        assert_eq!(decode("Zm9v+mFy"), None, "the standard alphabet is not base64url");
        assert_eq!(decode("Z"), None);
    }
}
