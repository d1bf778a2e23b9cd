//! The new password: the one request of a reset that changes the account.
//! Nobody but the customer ever sees it: [`NewPassword::Deliver`] has the
//! service send a temporary one straight to the customer, and
//! [`NewPassword::CustomerChosen`] carries one the customer typed.

use acctl_api::{Account, Channel, PASSWORD_MAX_CHARS, PasswordChange, PasswordMode, PasswordRequest};
use secrecy::{ExposeSecret, SecretString};

use super::error::{Failure, RecoveryError, with_account_state};
use super::{Change, Effect, Outcome};
use crate::client::ApiClient;

/// What allows the change. The rule: a new password needs the customer's
/// identity checked with a code (the token `verify_code` gave), or the
/// `password:force` scope (sre and admin), audited as forced.
pub enum Authority {
    Verified(SecretString),
    Forced,
}

/// How the customer gets the new password.
pub enum NewPassword {
    /// The service makes a temporary one, sends it on `channel` (default: the
    /// verified channel, else email, else SMS) and marks it must-change.
    Deliver { channel: Option<Channel> },
    /// The one the customer typed (walk-in desk, or stdin for automation).
    CustomerChosen(SecretString),
}

impl NewPassword {
    pub fn mode(&self) -> PasswordMode {
        match self {
            NewPassword::Deliver { .. } => PasswordMode::Deliver,
            NewPassword::CustomerChosen(_) => PasswordMode::Set,
        }
    }
}

/// What the service did, as it answered: never the password.
pub type PasswordSet = Outcome<PasswordChange>;

/// What is wrong with a typed password before the service's policy sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooWeak {
    Empty,
    TooShort { min: usize },
    TooLong { max: usize },
}

/// The fewest characters a new password needs: 15, or 8 with MFA (NIST SP
/// 800-63B-4, as the service's policy).
pub fn min_chars(account: &Account) -> usize {
    if account.mfa { 8 } else { 15 }
}

/// The checks that need no request: blank, too short, too long. The rest of
/// the policy (common passwords, the customer's own contacts) is the service's.
pub fn precheck(account: &Account, password: &SecretString) -> Result<(), TooWeak> {
    let p = password.expose_secret();
    let chars = p.chars().count();
    let min = min_chars(account);
    if p.trim().is_empty() {
        Err(TooWeak::Empty)
    } else if chars < min {
        Err(TooWeak::TooShort { min })
    } else if chars > PASSWORD_MAX_CHARS {
        Err(TooWeak::TooLong { max: PASSWORD_MAX_CHARS })
    } else {
        Ok(())
    }
}

/// Sets the password. Afterwards the customer's sessions are signed out
/// (unless `!revoke_sessions`) and every contact on file is told. A policy
/// rejection changes nothing and leaves the verification valid.
pub async fn set_password(
    client: &ApiClient,
    account: &Account,
    new: &NewPassword,
    authority: &Authority,
    revoke_sessions: bool,
    change: Change<'_>,
) -> Result<PasswordSet, RecoveryError> {
    let request = PasswordRequest {
        mode: new.mode(),
        channel: match new {
            NewPassword::Deliver { channel } => *channel,
            NewPassword::CustomerChosen(_) => None,
        },
        password: match new {
            NewPassword::Deliver { .. } => None,
            NewPassword::CustomerChosen(p) => Some(p.expose_secret().to_owned()),
        },
        verification_token: match authority {
            Authority::Verified(token) => Some(token.expose_secret().to_owned()),
            Authority::Forced => None,
        },
        revoke_sessions,
    };
    let answer = client.set_password(&account.id, &request, change).await;
    drop(request);
    match answer {
        Ok(a) => Ok(Outcome { value: a.value, effect: Effect::Done, request_id: a.request_id }),
        Err(e) => Err(set_error(RecoveryError::service(e), account, matches!(authority, Authority::Forced))),
    }
}

fn set_error(e: RecoveryError, account: &Account, forced: bool) -> RecoveryError {
    let verify_again = format!(
        "verify a new code: `acctl code send {0}`, then `acctl code verify CHALLENGE_ID`, then run this again",
        account.id
    );
    match e.failure() {
        Failure::PasswordPolicy { violations } => {
            let n = violations.len();
            // The broken rules are printed as the causes of this message.
            e.with_message(format!(
                "the password breaks {} of the password policy; nothing was changed",
                if n == 1 { "1 rule".to_owned() } else { format!("{n} rules") }
            ))
            .with_hint(
                "choose a longer password that is not a common one and does not contain the email or phone; \
                 the verification token is still valid",
            )
        }
        Failure::VerificationInvalid => {
            e.with_message("the verification token cannot be used; nothing was changed").with_hint(verify_again)
        }
        Failure::Forbidden if forced => e
            .with_message("your role may not change a password without a verification token (--force)")
            .with_hint(verify_again),
        Failure::Locked | Failure::Disabled => with_account_state(e, account, "nothing was changed"),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(mfa: bool) -> Account {
        serde_json::from_value(serde_json::json!({
            "id": "acc_x", "email": null, "phone": null, "display_name": "X", "status": "active",
            "email_verified": false, "phone_verified": false, "mfa": mfa, "created_at": "2026-01-01T00:00:00Z",
            "last_login_at": null, "password_changed_at": null, "must_change_password": false, "devices": []
        }))
        .unwrap()
    }

    #[test]
    fn a_typed_password_needs_15_characters_or_8_with_mfa() {
        let pw = |s: &str| SecretString::from(s.to_owned());
        assert_eq!(precheck(&account(false), &pw("   ")), Err(TooWeak::Empty));
        assert_eq!(precheck(&account(false), &pw("fourteen chars")), Err(TooWeak::TooShort { min: 15 }));
        assert_eq!(precheck(&account(false), &pw("fifteen chars!!")), Ok(()));
        assert_eq!(precheck(&account(true), &pw("eight ch")), Ok(()));
        assert_eq!(precheck(&account(true), &pw(&"x".repeat(257))), Err(TooWeak::TooLong { max: 256 }));
    }
}
