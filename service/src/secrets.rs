//! Random secrets and how they are stored.
//!
//! Bearer tokens and verification tokens are 160-bit random values, so a
//! plain SHA-256 is enough to store them. Verification codes have only six
//! digits, so they are stored like passwords (argon2id): an offline attacker
//! with the database would need hours per code, and codes live ten minutes.

use argon2::Argon2;
use argon2::password_hash::PasswordHasher;
use sha2::{Digest, Sha256};

/// Fills `buf` from the operating system's CSPRNG.
pub(crate) fn fill_random(buf: &mut [u8]) {
    // The OS RNG failing means the machine cannot do cryptography at all;
    // there is nothing safe to fall back to.
    #[allow(clippy::expect_used)]
    getrandom::fill(buf).expect("the operating system's random number generator failed");
}

/// `prefix` followed by `bytes` random bytes in lower-case hex.
pub fn random_token(prefix: &str, bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    fill_random(&mut buf);
    format!("{prefix}{}", hex::encode(buf))
}

/// A uniformly random decimal code of `digits` digits (leading zeros kept).
pub fn random_code(digits: u32) -> String {
    let modulus = 10u64.pow(digits);
    // Rejection sampling keeps the distribution uniform.
    let limit = u64::MAX - (u64::MAX % modulus);
    loop {
        let mut buf = [0u8; 8];
        fill_random(&mut buf);
        let n = u64::from_le_bytes(buf);
        if n < limit {
            return format!("{:0width$}", n % modulus, width = digits as usize);
        }
    }
}

/// A temporary password: 20 characters from an alphabet without look-alikes,
/// in groups of five so it can be typed from an SMS.
pub fn temporary_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut out = String::with_capacity(23);
    let mut buf = [0u8; 1];
    let limit = 256 - (256 % ALPHABET.len());
    let mut n = 0;
    while n < 20 {
        fill_random(&mut buf);
        if usize::from(buf[0]) >= limit {
            continue;
        }
        if n > 0 && n % 5 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(buf[0]) % ALPHABET.len()]));
        n += 1;
    }
    out
}

/// SHA-256 in hex, for high-entropy secrets (bearer and verification tokens).
pub fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// argon2id (m=19 MiB, t=2, p=1) in PHC string form, computed on the
/// hashing workers ([`crate::hashing`]); blocks until one is free.
pub fn hash_password(password: &str) -> String {
    match crate::hashing::pool().hash(password.as_bytes()) {
        Some(phc) => phc,
        // The workers never stop; should one be gone, hash here rather than fail.
        None => {
            // Hashing only fails for out-of-range parameters, and ours are fixed.
            #[allow(clippy::expect_used)]
            Argon2::default().hash_password(password.as_bytes()).expect("argon2 with default parameters").to_string()
        }
    }
}

/// Checks `password` against a PHC string made by [`hash_password`], on the
/// hashing workers; blocks until one is free.
pub fn verify_password(password: &str, phc: &str) -> bool {
    crate::hashing::pool().verify(password.as_bytes(), phc)
}

/// A hash that no password matches, checked when there is no account, so a
/// failed sign-in takes the same time whether or not the account exists.
pub fn dummy_password_check(password: &str) {
    static DUMMY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| hash_password("no account has this"));
    let _ = verify_password(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_asked_length_and_vary() {
        let codes: Vec<String> = (0..50).map(|_| random_code(6)).collect();
        assert!(codes.iter().all(|c| c.len() == 6 && c.chars().all(|d| d.is_ascii_digit())));
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert!(distinct.len() > 40, "50 random codes gave only {} distinct", distinct.len());
    }

    #[test]
    fn temporary_passwords_are_long_grouped_and_distinct() {
        let a = temporary_password();
        assert_eq!(a.len(), 23);
        assert_eq!(a.matches('-').count(), 3);
        assert_ne!(a, temporary_password());
    }

    #[test]
    fn password_hashes_are_argon2id_and_verify() {
        let h = hash_password("correct horse battery staple");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password("correct horse battery staple", &h));
        assert!(!verify_password("Correct horse battery staple", &h));
    }
}
