//! Password policy of the reference service (`DESIGN.md` §5), after NIST SP 800-63B-4 §3.1.1.2.
//!
//! [`check`] first normalises the password with Unicode NFKC, so that the same password typed on
//! different keyboards or input methods (full-width forms, ligatures, composed or decomposed
//! accents) is the same password, and then checks every rule on the normalised form:
//!
//! - **Length**, counted in characters (Unicode scalar values) after normalisation: at least
//!   [`MIN_CHARS_PASSWORD_ONLY`] (15) for an account whose only factor is the password, at least
//!   [`MIN_CHARS_WITH_MFA`] (8) when the account has MFA (`too_short`). An empty password, or one
//!   that is nothing but spaces, is reported as `too_short` too: it is the rule a customer can act
//!   on ("type a longer password"), and the API has no better-fitting code.
//! - **At most** [`acctl_api::PASSWORD_MAX_CHARS`] (256) characters are accepted (`too_long`). A
//!   longer password is rejected, never truncated. Before normalising, the input is capped at
//!   [`acctl_api::PASSWORD_MAX_BYTES`] (1 KiB, `too_long`): NFKC expands some characters 18-fold,
//!   and a 1.8 MB password cost 412 ms to normalise and hash.
//! - **No composition rules**: no "one upper-case letter, one digit, one symbol". Spaces and any
//!   Unicode character are welcome, except control characters (tab, line break, NUL, …): they
//!   cannot be typed reliably at a hidden prompt or passed safely on stdin, so they are rejected
//!   with the catch-all code `other` (the API has no dedicated code; clients show the detail).
//! - **Not a common password** (`common`): compared case-insensitively against the list shipped in
//!   `service/data/common-passwords.txt` (the ~20,000 most common passwords from Django's
//!   `CommonPasswordValidator`; see the header of that file for its source and license).
//! - **Not built from the account's identifiers** (`contains_identifier`): the password must not
//!   contain, case-insensitively, the local part of the account's email (when it has at least 3
//!   characters; a `+tag` sub-address is also checked without its tag), nor the last 7 digits of
//!   the account's phone number among the password's digits (separators in the password ignored).
//!
//! - **Not guessable by its patterns**: a password of the right length can still be a repeated
//!   word, a run of digits or a row of the keyboard. [`guessable`] estimates how many guesses an
//!   attacker trying such patterns first would need (the way zxcvbn does); below 2^32 the password
//!   is refused, with the code of what gives it away: `repetitive` (`passwordpassword`,
//!   `aaaaaaaaaaaaaaaa`), `sequential` (`abcdefghijklmnop`), `keyboard_pattern`
//!   (`qwertyuiopasdfgh`), `common` for common passwords with predictable additions
//!   (`password123456789`), and `guessable` when it is simply too few characters of too small a
//!   set. Passphrases of a few ordinary words pass. Checked only when the length is right and the
//!   password is not itself on the list, so one weakness is reported once.
//!
//! Every broken rule is reported at once, so the CLI can show the whole list before the customer
//! is asked again. Each [`PolicyViolation::detail`] is a sentence a support agent can read out to
//! the customer; it never contains the password, nor the email or phone it matched.
//!
//! On success [`check`] returns the normalised password: that, not the raw input, is what gets
//! hashed, so a later login that normalises the same way matches.

mod guessable;

use std::collections::HashSet;
use std::sync::LazyLock;

use acctl_api::{PASSWORD_MAX_BYTES, PASSWORD_MAX_CHARS, PolicyViolation, ViolationCode};
use unicode_normalization::UnicodeNormalization;

/// Minimum length, in characters after NFKC, of the password of an account without MFA.
pub const MIN_CHARS_PASSWORD_ONLY: usize = 15;
/// Minimum length, in characters after NFKC, of the password of an account with MFA.
pub const MIN_CHARS_WITH_MFA: usize = 8;

/// The email local part is only checked when it is at least this long (shorter ones match too much).
const MIN_EMAIL_NAME_CHARS: usize = 3;
/// How many trailing digits of the phone number must appear among the password's digits.
const PHONE_DIGITS_CHECKED: usize = 7;

/// The shipped common-password list: one lower-cased entry per line, `# ` lines are comments.
const COMMON_PASSWORDS_FILE: &str = include_str!("../../data/common-passwords.txt");

/// The common-password list as a set, built once on first use.
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| common_list_entries().collect());

/// The entries of the shipped list, comments and blank lines skipped. Only `# ` (hash, space)
/// starts a comment: some real entries begin with `#`.
fn common_list_entries() -> impl Iterator<Item = &'static str> {
    COMMON_PASSWORDS_FILE.lines().filter(|line| !line.is_empty() && !line.starts_with("# "))
}

/// What the policy needs to know about the account the password is for.
#[derive(Debug, Clone, Copy)]
pub struct PolicyContext<'a> {
    /// The account's email address, if it has one.
    pub email: Option<&'a str>,
    /// The account's phone number (E.164), if it has one.
    pub phone: Option<&'a str>,
    /// Whether the account has a second factor; it lowers the minimum length to 8.
    pub mfa: bool,
}

/// Normalises with Unicode NFKC and checks every rule; returns the normalised password or every violation at once.
pub fn check(password: &str, ctx: &PolicyContext<'_>) -> Result<String, Vec<PolicyViolation>> {
    // NFKC can expand a character 18-fold (U+FDFA): cap the input first.
    if password.len() > PASSWORD_MAX_BYTES {
        return Err(vec![violation(
            ViolationCode::TooLong,
            format!("must be at most {PASSWORD_MAX_BYTES} bytes (it has {})", password.len()),
        )]);
    }
    let normalised: String = password.nfkc().collect();
    let chars = normalised.chars().count();
    let min = if ctx.mfa { MIN_CHARS_WITH_MFA } else { MIN_CHARS_PASSWORD_ONLY };
    let mut violations = Vec::new();

    // Empty and all-whitespace passwords use `too_short` (see the module doc): one violation,
    // not an extra "too short" on top.
    if normalised.is_empty() {
        violations.push(violation(ViolationCode::TooShort, format!("is empty (it must be at least {min} characters)")));
    } else if normalised.chars().all(char::is_whitespace) {
        violations.push(violation(
            ViolationCode::TooShort,
            format!("is only spaces (it must be at least {min} characters, not all spaces)"),
        ));
    } else if chars < min {
        violations
            .push(violation(ViolationCode::TooShort, format!("must be at least {min} characters (it has {chars})")));
    }
    if chars > PASSWORD_MAX_CHARS {
        violations.push(violation(
            ViolationCode::TooLong,
            format!("must be at most {PASSWORD_MAX_CHARS} characters (it has {chars})"),
        ));
    }

    let lower = normalised.to_lowercase();
    let common = is_common(&lower);
    if common {
        violations.push(violation(
            ViolationCode::Common,
            "is one of the ~20,000 most common passwords, which attackers try first".to_owned(),
        ));
    }
    if violations.is_empty() {
        let estimate = guessable::estimate(&lower);
        if estimate.guesses_log2 < guessable::MIN_GUESSES_LOG2 {
            violations.push(guessable_violation(estimate.dominant));
        }
    }
    if ctx.email.is_some_and(|email| contains_email_name(&lower, email)) {
        violations.push(violation(ViolationCode::ContainsIdentifier, "contains the account's email name".to_owned()));
    }
    if ctx.phone.is_some_and(|phone| contains_phone_digits(&lower, phone)) {
        violations.push(violation(ViolationCode::ContainsIdentifier, "contains the account's phone number".to_owned()));
    }

    // No dedicated code exists for this; `other` is the API's catch-all (see the module doc).
    if normalised.chars().any(char::is_control) {
        violations.push(violation(
            ViolationCode::Other,
            "contains a control character (such as a tab or a line break), which is not allowed".to_owned(),
        ));
    }

    if violations.is_empty() { Ok(normalised) } else { Err(violations) }
}

fn guessable_violation(pattern: guessable::Pattern) -> PolicyViolation {
    use guessable::Pattern;
    let (code, detail) = match pattern {
        Pattern::Repetition => {
            (ViolationCode::Repetitive, "repeats the same characters or word, which attackers try early")
        }
        Pattern::Sequence => {
            (ViolationCode::Sequential, "is mostly a sequence such as `abcd` or `1234`, which attackers try early")
        }
        Pattern::KeyboardWalk => (
            ViolationCode::KeyboardPattern,
            "is mostly a row or walk of neighbouring keys such as `qwerty`, which attackers try early",
        ),
        Pattern::Common => (
            ViolationCode::Common,
            "is made of common passwords or words with predictable additions, which attackers try early",
        ),
        Pattern::Characters => {
            (ViolationCode::Guessable, "is too easy to guess for its length; add a few more words or characters")
        }
    };
    violation(code, detail.to_owned())
}

fn violation(code: ViolationCode, detail: String) -> PolicyViolation {
    PolicyViolation { code, detail }
}

/// `lower` is the normalised, lower-cased password. Leading or trailing spaces around a common
/// password do not make it uncommon.
fn is_common(lower: &str) -> bool {
    COMMON_PASSWORDS.contains(lower) || COMMON_PASSWORDS.contains(lower.trim())
}

/// Whether the lower-cased password contains the email's local part (or, for `name+tag@…`, its
/// `name`), when that is at least [`MIN_EMAIL_NAME_CHARS`] long.
fn contains_email_name(lower: &str, email: &str) -> bool {
    let email = email.trim();
    let local = email.rsplit_once('@').map_or(email, |(local, _domain)| local);
    let local = local.nfkc().collect::<String>().to_lowercase();
    let base = local.split_once('+').map(|(base, _tag)| base);
    [Some(local.as_str()), base]
        .into_iter()
        .flatten()
        .any(|name| name.chars().count() >= MIN_EMAIL_NAME_CHARS && lower.contains(name))
}

/// Whether the last [`PHONE_DIGITS_CHECKED`] digits of the phone number appear in the password's
/// digits-only form (so `555-0123` and `555 01 23` count as `5550123`).
fn contains_phone_digits(lower: &str, phone: &str) -> bool {
    let phone_digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    if phone_digits.len() < PHONE_DIGITS_CHECKED {
        return false;
    }
    let tail: String = phone_digits[phone_digits.len() - PHONE_DIGITS_CHECKED..].iter().collect();
    let password_digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    password_digits.contains(&tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_MFA: PolicyContext<'static> = PolicyContext { email: None, phone: None, mfa: false };
    const WITH_MFA: PolicyContext<'static> = PolicyContext { email: None, phone: None, mfa: true };

    /// A password of exactly `n` characters that is on no list and contains no identifier.
    fn pw(n: usize) -> String {
        "Zq8#vL2xMw5tRk9J".chars().cycle().take(n).collect()
    }

    fn codes(result: &Result<String, Vec<PolicyViolation>>) -> Vec<ViolationCode> {
        match result {
            Ok(_) => Vec::new(),
            Err(violations) => violations.iter().map(|v| v.code).collect(),
        }
    }

    fn details(result: &Result<String, Vec<PolicyViolation>>) -> Vec<String> {
        match result {
            Ok(_) => Vec::new(),
            Err(violations) => violations.iter().map(|v| v.detail.clone()).collect(),
        }
    }

    #[test]
    fn password_only_account_needs_15_characters() {
        let r = check(&pw(14), &NO_MFA);
        assert_eq!(codes(&r), [ViolationCode::TooShort]);
        assert_eq!(details(&r), ["must be at least 15 characters (it has 14)"]);
        assert_eq!(check(&pw(15), &NO_MFA), Ok(pw(15)));
    }

    #[test]
    fn mfa_account_needs_8_characters() {
        let r = check(&pw(7), &WITH_MFA);
        assert_eq!(codes(&r), [ViolationCode::TooShort]);
        assert_eq!(details(&r), ["must be at least 8 characters (it has 7)"]);
        assert_eq!(check(&pw(8), &WITH_MFA), Ok(pw(8)));
        // The same 8 characters are not enough without MFA.
        assert_eq!(codes(&check(&pw(8), &NO_MFA)), [ViolationCode::TooShort]);
    }

    #[test]
    fn accepts_256_characters_and_rejects_257_without_truncating() {
        assert_eq!(PASSWORD_MAX_CHARS, 256);
        let accepted = check(&pw(256), &NO_MFA).expect("256 characters are accepted");
        assert_eq!(accepted, pw(256), "returned whole, not truncated");
        let r = check(&pw(257), &NO_MFA);
        assert_eq!(codes(&r), [ViolationCode::TooLong]);
        assert_eq!(details(&r), ["must be at most 256 characters (it has 257)"]);
        // Multi-byte characters count once each: 256 of them (over 512 bytes) are fine.
        let multi = |n| "€ß中øπжλü".chars().cycle().take(n).collect::<String>();
        assert!(check(&multi(256), &NO_MFA).is_ok());
        assert_eq!(codes(&check(&multi(257), &NO_MFA)), [ViolationCode::TooLong]);
    }

    #[test]
    fn normalises_with_nfkc_and_counts_after_normalisation() {
        // Full-width letters become ASCII; the normalised form is what is returned (and hashed).
        let full_width = "Ｚｑ８＃ｖＬ２ｘＭｗ５ｔＲｋ９";
        assert_eq!(full_width.chars().count(), 15);
        assert_eq!(check(full_width, &NO_MFA), Ok(pw(15)));
        // A ligature expands: 12 input characters are 16 after NFKC ("ﬃ" is "ffi").
        assert_eq!(check("zq8\u{FB03}#vl2\u{FB03}mw5", &NO_MFA), Ok("zq8ffi#vl2ffimw5".to_owned()));
        // Decomposed accents compose: 10 code points typed, 8 characters counted.
        let r = check("ze\u{301}8#qa\u{301}2x", &NO_MFA);
        assert_eq!(details(&r), ["must be at least 15 characters (it has 8)"]);
        assert_eq!(check("ze\u{301}8#qa\u{301}2x", &WITH_MFA), Ok("z\u{e9}8#q\u{e1}2x".to_owned()));
        // Full-width "PASSWORD" is "PASSWORD", which is common.
        assert_eq!(codes(&check("ＰＡＳＳＷＯＲＤ", &WITH_MFA)), [ViolationCode::Common]);
    }

    #[test]
    fn common_passwords_are_rejected_in_any_case() {
        for password in ["password", "PASSWORD", "PassWord", "pAsSwOrD", "iloveyou", "Password1", "JENNIFER"] {
            let r = check(password, &WITH_MFA);
            assert_eq!(codes(&r), [ViolationCode::Common], "{password}");
            assert_eq!(details(&r), ["is one of the ~20,000 most common passwords, which attackers try first"]);
        }
        // Long entries of the list are rejected for password-only accounts too.
        assert_eq!(codes(&check("1QAZ2WSX3EDC4RFV", &NO_MFA)), [ViolationCode::Common]);
        // Non-ASCII entries, and entries that start with '#' (not a comment), are on the list.
        assert_eq!(codes(&check("Пароль", &WITH_MFA)), [ViolationCode::TooShort, ViolationCode::Common]);
        assert_eq!(codes(&check("#1Stunna", &WITH_MFA)), [ViolationCode::Common]);
        // Spaces around a common password do not hide it.
        assert_eq!(codes(&check("  password  ", &WITH_MFA)), [ViolationCode::Common]);
        // Containing a common password is fine: the length does the work.
        assert!(check("password-orchid-ladder", &NO_MFA).is_ok());
    }

    #[test]
    fn rejects_the_email_name_case_insensitively() {
        let ctx = PolicyContext { email: Some("Jane.Doe@example.com"), phone: None, mfa: false };
        let r = check("my name is JANE.DOE, ok?", &ctx);
        assert_eq!(codes(&r), [ViolationCode::ContainsIdentifier]);
        assert_eq!(details(&r), ["contains the account's email name"]);
        // The domain alone is not an identifier.
        assert!(check("example.com rocks the house", &ctx).is_ok());
        // A sub-address tag does not hide the name.
        let tagged = PolicyContext { email: Some("jdoe+shop@example.com"), phone: None, mfa: false };
        assert_eq!(codes(&check("xxJDOExx-orchid-ladder", &tagged)), [ViolationCode::ContainsIdentifier]);
        // Local parts shorter than 3 characters are not checked.
        let short = PolicyContext { email: Some("jo@example.com"), phone: None, mfa: false };
        assert!(check("jojo-orchid-ladder", &short).is_ok());
    }

    #[test]
    fn rejects_the_phone_digits_even_with_separators() {
        let ctx = PolicyContext { email: None, phone: Some("+442079460958"), mfa: false };
        for password in [
            "call me on 9460958!",
            "orchid 946-0958 ladder",
            "0207 946 0958 is mine",
            "ｏｒｃｈｉｄ　９４６０９５８　ｌａｄｄｅｒ",
        ] {
            let r = check(password, &ctx);
            assert_eq!(codes(&r), [ViolationCode::ContainsIdentifier], "{password}");
            assert_eq!(details(&r), ["contains the account's phone number"]);
        }
        // Six of the seven digits are not a match.
        assert!(check("orchid 946-095 ladder", &ctx).is_ok());
    }

    #[test]
    fn reports_every_violation_at_once() {
        let ctx = PolicyContext { email: Some("password@example.com"), phone: None, mfa: false };
        let r = check("Password", &ctx);
        assert_eq!(codes(&r), [ViolationCode::TooShort, ViolationCode::Common, ViolationCode::ContainsIdentifier]);
        assert_eq!(
            details(&r),
            [
                "must be at least 15 characters (it has 8)",
                "is one of the ~20,000 most common passwords, which attackers try first",
                "contains the account's email name",
            ]
        );

        let ctx = PolicyContext { email: Some("zq8@example.com"), phone: Some("+15550100123"), mfa: true };
        let long = format!("{}0100123\t", pw(260));
        assert_eq!(
            codes(&check(&long, &ctx)),
            [
                ViolationCode::TooLong,
                ViolationCode::ContainsIdentifier,
                ViolationCode::ContainsIdentifier,
                ViolationCode::Other
            ]
        );
    }

    #[test]
    fn details_never_contain_the_password_or_the_identifier() {
        let ctx = PolicyContext { email: Some("zq8#vl@example.com"), phone: Some("+15550100123"), mfa: false };
        let long = pw(300);
        for password in ["Zq8#vL2x", "Zq8#vL-0100123", "Zq8#vL\n", long.as_str()] {
            let r = check(password, &ctx);
            assert!(r.is_err(), "{password:?}");
            for detail in details(&r) {
                assert!(!detail.to_lowercase().contains(&password.to_lowercase()), "{detail}");
                assert!(!detail.contains("zq8") && !detail.contains("0100123"), "{detail}");
            }
        }
    }

    #[test]
    fn rejects_empty_and_whitespace_only_as_too_short() {
        let r = check("", &NO_MFA);
        assert_eq!(codes(&r), [ViolationCode::TooShort]);
        assert_eq!(details(&r), ["is empty (it must be at least 15 characters)"]);
        for blank in [" ".repeat(20), "\u{3000}".repeat(20), "\u{a0}".repeat(9)] {
            let r = check(&blank, &WITH_MFA);
            assert_eq!(codes(&r), [ViolationCode::TooShort], "{blank:?}");
            assert_eq!(details(&r), ["is only spaces (it must be at least 8 characters, not all spaces)"]);
        }
        // Spaces inside a password are fine, and are kept as typed.
        assert_eq!(check("orchid ladder  violin", &NO_MFA), Ok("orchid ladder  violin".to_owned()));
    }

    #[test]
    fn rejects_control_characters() {
        for password in
            ["orchid\tladder violin", "orchid ladder violin\n", "orchid\0ladder violin", "orchid\u{1b}[2Jladder"]
        {
            let r = check(password, &NO_MFA);
            assert_eq!(codes(&r), [ViolationCode::Other], "{password:?}");
            assert_eq!(
                details(&r),
                ["contains a control character (such as a tab or a line break), which is not allowed"]
            );
        }
        // Emoji and zero-width joiners are not control characters.
        assert!(check("orchid ladder 👩\u{200d}👩\u{200d}👧", &NO_MFA).is_ok());
    }

    #[test]
    fn long_passwords_made_of_patterns_are_refused_with_what_gives_them_away() {
        // Issue 10, item 12: all five were accepted.
        for (password, code) in [
            ("passwordpassword", ViolationCode::Repetitive),
            ("1234567890123456", ViolationCode::Sequential),
            ("aaaaaaaaaaaaaaaa", ViolationCode::Repetitive),
            ("qwertyuiopasdfgh", ViolationCode::KeyboardPattern),
            ("password123456789", ViolationCode::Common),
            ("abcdefghijklmnopqr", ViolationCode::Sequential),
            ("zxcvbnmasdfghjkl", ViolationCode::KeyboardPattern),
            ("PassWordPassWord", ViolationCode::Repetitive),
            ("p@ssw0rd-p@ssw0rd", ViolationCode::Common),
        ] {
            let r = check(password, &NO_MFA);
            assert_eq!(codes(&r), [code], "{password}");
            assert!(details(&r)[0].ends_with("which attackers try early"), "{password}: {:?}", details(&r));
        }
        // Eight digits meet the MFA length but not the guess count.
        assert_eq!(codes(&check("58201937", &WITH_MFA)), [ViolationCode::Guessable]);
    }

    #[test]
    fn passphrases_and_random_passwords_still_pass() {
        for password in [
            "correct horse battery staple",
            "Correct Horse Battery Staple!",
            "orchid ladder violin",
            "tulip marble fog canyon",
            "my cat eats basil on tuesdays",
            "жёлтый трамвай поёт",
            "demo-password-2026",
        ] {
            assert!(check(password, &NO_MFA).is_ok(), "{password}: {:?}", details(&check(password, &NO_MFA)));
        }
        assert_eq!(check(&pw(8), &WITH_MFA), Ok(pw(8)));
    }

    #[test]
    fn a_password_over_the_byte_cap_is_refused_before_normalising() {
        // U+FDFA is one character of 3 bytes that NFKC expands to 18: 400 of
        // them (1,200 bytes) are refused as too long without being expanded.
        let r = check(&"\u{FDFA}".repeat(400), &NO_MFA);
        assert_eq!(codes(&r), [ViolationCode::TooLong]);
        assert_eq!(details(&r), ["must be at most 1024 bytes (it has 1200)"]);
        // Right at the cap: counted normally (and too long in characters after NFKC).
        let at_cap = "\u{FDFA}".repeat(341);
        assert_eq!(codes(&check(&at_cap, &NO_MFA)), [ViolationCode::TooLong]);
        assert!(details(&check(&at_cap, &NO_MFA))[0].contains("characters"));
    }

    #[test]
    fn the_common_list_has_at_least_10000_clean_entries() {
        let entries: Vec<&str> = common_list_entries().collect();
        assert!(entries.len() >= 10_000, "only {} entries", entries.len());
        assert_eq!(COMMON_PASSWORDS.len(), entries.len(), "entries are deduplicated");
        assert_eq!(entries[..4], ["123456", "123456789", "qwerty", "password"], "most common first");
        for entry in &entries {
            assert_eq!(*entry, entry.to_lowercase(), "lower-case");
            assert_eq!(*entry, entry.trim(), "no surrounding whitespace");
            assert_eq!(*entry, entry.nfkc().collect::<String>(), "already NFKC");
        }
        // The header comment is skipped, and says where the list comes from.
        assert!(COMMON_PASSWORDS_FILE.starts_with("# "));
        assert!(COMMON_PASSWORDS_FILE.contains("Django") && COMMON_PASSWORDS_FILE.contains("BSD"));
        assert!(!COMMON_PASSWORDS.iter().any(|e| e.starts_with("# ")));
    }
}
