//! Customer identifiers: an email, a phone number or an account ID.
//!
//! Both sides normalise: the CLI so that it asks for the right thing and can
//! name a bad input before any request, the service because it never trusts
//! the client. Normalisation is the same code on both sides.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Prefix of the reference service's account IDs.
pub const ACCOUNT_ID_PREFIX: &str = "acc_";

/// What kind of contact or key an identifier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Email,
    Phone,
    Id,
}

impl IdentifierKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IdentifierKind::Email => "email",
            IdentifierKind::Phone => "phone",
            IdentifierKind::Id => "id",
        }
    }
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for IdentifierKind {
    type Err = IdentifierError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "email" => Ok(IdentifierKind::Email),
            "phone" => Ok(IdentifierKind::Phone),
            "id" => Ok(IdentifierKind::Id),
            _ => Err(IdentifierError::new(s, "is not an identifier kind (email, phone or id)")),
        }
    }
}

/// One identifier on the wire: `{"kind": "email", "value": "alice@example.com"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Identifier {
    pub kind: IdentifierKind,
    pub value: String,
}

/// An input that is not a valid identifier, with the input and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` {reason}")]
pub struct IdentifierError {
    pub input: String,
    pub reason: String,
}

impl IdentifierError {
    fn new(input: &str, reason: impl Into<String>) -> Self {
        IdentifierError { input: input.to_owned(), reason: reason.into() }
    }
}

impl Identifier {
    pub fn new(kind: IdentifierKind, value: impl Into<String>) -> Self {
        Identifier { kind, value: value.into() }
    }

    /// Reads what a person or a script typed: `email:`, `phone:` or `id:`
    /// force the kind; otherwise it is detected (`@` → email, `acc_` → ID,
    /// digits → phone). National phone numbers need `region` (ISO 3166
    /// alpha-2, e.g. `CN`).
    pub fn parse(input: &str, region: Option<&str>) -> Result<Identifier, IdentifierError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(IdentifierError::new(input, "is empty"));
        }
        let forced =
            [("email:", IdentifierKind::Email), ("phone:", IdentifierKind::Phone), ("id:", IdentifierKind::Id)]
                .into_iter()
                .find_map(|(prefix, kind)| strip_prefix_ci(trimmed, prefix).map(|rest| (kind, rest)));
        let (kind, value) = match forced {
            Some((kind, rest)) => (kind, rest),
            None => (detect_kind(trimmed).ok_or_else(|| {
                IdentifierError::new(
                    input,
                    "is not an email, a phone number or an account ID (acc_…); prefix it with email:, phone: or id: to say which",
                )
            })?, trimmed),
        };
        Identifier::normalized(kind, value, region).map_err(|e| IdentifierError { input: input.to_owned(), ..e })
    }

    /// Normalises `value` as an identifier of `kind`.
    pub fn normalized(kind: IdentifierKind, value: &str, region: Option<&str>) -> Result<Identifier, IdentifierError> {
        let value = match kind {
            IdentifierKind::Email => normalize_email(value)?,
            IdentifierKind::Phone => normalize_phone(value, region)?,
            IdentifierKind::Id => normalize_account_id(value)?,
        };
        Ok(Identifier { kind, value })
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind, self.value)
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| s[prefix.len()..].trim())
}

fn detect_kind(s: &str) -> Option<IdentifierKind> {
    if s.contains('@') {
        Some(IdentifierKind::Email)
    } else if s.starts_with(ACCOUNT_ID_PREFIX) {
        Some(IdentifierKind::Id)
    } else if s.starts_with('+') || s.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '(') {
        Some(IdentifierKind::Phone)
    } else {
        None
    }
}

/// Trims, lower-cases the domain and converts it to its IDNA ASCII form.
/// The local part keeps its case and characters, normalised so that one
/// address cannot be written two ways that look the same (see
/// [`normalize_local_part`]).
pub fn normalize_email(input: &str) -> Result<String, IdentifierError> {
    let s = input.trim();
    if let Some(email) = plain_email(s) {
        return Ok(email);
    }
    general_email(input, s)
}

/// [`plain_host_name`]'s classes of a host name's bytes: 0 none.
const LOWER_DIGIT_HYPHEN: u8 = 1;
const UPPER: u8 = 2;
static HOST_BYTE: [u8; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' {
            t[c] = LOWER_DIGIT_HYPHEN;
        } else if b.is_ascii_uppercase() {
            t[c] = UPPER;
        }
        c += 1;
    }
    t
};

/// A plain ASCII address, as nearly every one in a `lookup -` pipeline is,
/// checked and normalised in one pass over its bytes: what [`general_email`]
/// answers for it, or `None` to ask that (any other address, and every one
/// it refuses). For 200,000 addresses the general path was a tenth of
/// `acctl lookup -`'s CPU time.
fn plain_email(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let at = b.iter().rposition(|&c| c == b'@')?;
    let local = &b[..at];
    // Printable ASCII without a second `@`, as `bad_ascii` below.
    if local.is_empty() || local.len() > 64 || !local.iter().all(|&c| c > b' ' && c < 0x7f && c != b'@') {
        return None;
    }
    let host = plain_host_name(&s[at + 1..])?;
    let mut email = String::with_capacity(s.len());
    email.push_str(&s[..=at]);
    email.push_str(&host);
    Some(email)
}

/// A valid host name of plain ASCII (letters, digits, inner `-`; no `xn--`
/// label, which IDNA checks), lower-cased as UTS #46 would: labels of 1 to
/// 63 bytes, at least two, 253 bytes at most, as [`is_host_name`] asks.
/// `None` for any other domain.
fn plain_host_name(domain: &str) -> Option<std::borrow::Cow<'_, str>> {
    if domain.len() > 253 {
        return None;
    }
    let (mut labels, mut classes) = (0, 0);
    for label in domain.as_bytes().split(|&c| c == b'.') {
        let (&first, &last) = (label.first()?, label.last()?);
        if label.len() > 63
            || first == b'-'
            || last == b'-'
            || label.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
        {
            return None;
        }
        for &c in label {
            let class = HOST_BYTE[usize::from(c)];
            if class == 0 {
                return None;
            }
            classes |= class;
        }
        labels += 1;
    }
    if labels < 2 {
        return None;
    }
    Some(if classes & UPPER != 0 { domain.to_ascii_lowercase().into() } else { domain.into() })
}

/// Every address: [`plain_email`]'s rules, and Unicode local parts and
/// internationalised domains, with the reason when it is not an address.
fn general_email(input: &str, s: &str) -> Result<String, IdentifierError> {
    let (local, domain) =
        s.rsplit_once('@').ok_or_else(|| IdentifierError::new(input, "is not an email address: it has no `@`"))?;
    let local = normalize_local_part(local).map_err(|reason| IdentifierError::new(input, reason))?;
    if local.is_empty() || local.len() > 64 {
        return Err(IdentifierError::new(
            input,
            "is not an email address: the part before `@` must be 1 to 64 characters",
        ));
    }
    let bad = |c: char| c.is_whitespace() || c.is_control() || c == '@';
    // The same test, a byte at a time, for an ASCII part (nearly all of them).
    let bad_ascii = |b: u8| b <= b' ' || b == 0x7f || b == b'@';
    let has_bad = if local.is_ascii() { local.bytes().any(bad_ascii) } else { local.chars().any(bad) };
    if has_bad {
        return Err(IdentifierError::new(
            input,
            "is not an email address: it contains a space, a control character or a second `@`",
        ));
    }
    if domain.is_empty() {
        return Err(IdentifierError::new(input, "is not an email address: it has no domain after `@`"));
    }
    let ascii = domain_to_ascii(domain)
        .ok_or_else(|| IdentifierError::new(input, "is not an email address: its domain is not a valid domain name"))?;
    if !is_host_name(&ascii) {
        return Err(IdentifierError::new(input, "is not an email address: its domain is not a valid domain name"));
    }
    let mut email = String::with_capacity(local.len() + 1 + ascii.len());
    email.push_str(&local);
    email.push('@');
    email.push_str(&ascii);
    Ok(email)
}

/// The local part of an address in one canonical spelling, or why it has none.
///
/// Look-alike addresses imported as separate accounts (issue 10, item 17):
///
/// - **Full-width and half-width forms** (`ｊｏｓｅ`, typed with an East Asian
///   input method left in full-width mode) become their ordinary forms.
///   This is the width mapping of PRECIS (RFC 8265, UsernameCaseMapped), not
///   all of NFKC: NFKC would also turn `ﬁ` into `fi` and `²` into `2`,
///   changing addresses that are really different, while a full-width
///   letter is only ever the ordinary letter typed in another mode.
/// - **NFC**: `josé` with a precomposed `é` and with `e` + U+0301 are one
///   address (RFC 6532 §3.1 asks for NFC in internationalised addresses).
/// - **Invisible and direction-changing characters are refused**: format
///   characters (Unicode category Cf: zero-width space and joiners, U+202E
///   and the other bidi controls, the soft hyphen, the BOM), variation
///   selectors and the Hangul fillers. They make two different addresses
///   look alike, or one address look like another.
///
/// Letters that only resemble others (dotless `ı`, Cyrillic `а`) are real,
/// different characters and are kept; `accounts import` refuses an address
/// whose [`confusable_skeleton`] matches an existing account's.
pub fn normalize_local_part(local: &str) -> Result<std::borrow::Cow<'_, str>, &'static str> {
    // Every invisible character and width variant is outside ASCII: nearly
    // every address in a `lookup -` pipeline stops here, with nothing copied.
    if local.is_ascii() {
        return Ok(local.into());
    }
    if local.chars().any(is_invisible) {
        return Err("is not an email address: the part before `@` contains an invisible or text-direction character");
    }
    let mut widened = String::with_capacity(local.len());
    for c in local.chars() {
        if is_width_variant(c) {
            widened.extend(std::iter::once(c).nfkc());
        } else {
            widened.push(c);
        }
    }
    Ok(widened.nfc().collect::<String>().into())
}

/// Full-width and half-width forms (U+FF00–U+FFEF) and the ideographic
/// space, whose compatibility mapping is only a change of width.
fn is_width_variant(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FFEE}')
}

/// Format characters (General Category Cf, Unicode 16) and the other
/// default-ignorable characters that render as nothing.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// What an address looks like, for telling whether two different addresses
/// would pass for one another: the local part lower-cased (mail systems
/// treat case as the same mailbox) with letters that are drawn alike mapped
/// to one (dotless `ı` and `i`, Cyrillic and Greek look-alikes of Latin
/// letters, after UTS #39's confusables), and the domain as it is. Two
/// accounts should not have the same skeleton.
pub fn confusable_skeleton(email: &str) -> String {
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
    let mut out: String = local
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ı' | 'і' | 'ɩ' | 'ι' | 'ӏ' | 'ǀ' => 'i',
            'ȷ' | 'ј' => 'j',
            'а' | 'ɑ' | 'α' => 'a',
            'е' | 'ҽ' => 'e',
            'о' | 'ο' | 'σ' => 'o',
            'р' | 'ρ' => 'p',
            'с' | 'ϲ' => 'c',
            'у' | 'γ' => 'y',
            'х' | 'χ' => 'x',
            'ѕ' | 'ſ' => 's',
            'ԁ' => 'd',
            'ɡ' => 'g',
            'һ' => 'h',
            'ԛ' => 'q',
            'ԝ' | 'ѡ' => 'w',
            'ν' => 'v',
            'κ' | 'к' => 'k',
            'т' | 'τ' => 't',
            'м' => 'm',
            'п' | 'η' => 'n',
            'в' | 'β' => 'b',
            other => other,
        })
        .collect();
    out.push('@');
    out.push_str(&domain.to_ascii_lowercase());
    out
}

/// At least two dot-separated labels of 1 to 63 letters, digits and inner
/// hyphens, 253 characters at most.
fn is_host_name(ascii: &str) -> bool {
    let valid_label = |l: &[u8]| {
        !l.is_empty()
            && l.len() <= 63
            && l[0] != b'-'
            && l[l.len() - 1] != b'-'
            && l.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let mut labels = ascii.as_bytes().split(|&b| b == b'.');
    ascii.len() <= 253 && ascii.contains('.') && labels.all(valid_label)
}

/// A domain's IDNA ASCII form. A plain ASCII host name only needs
/// lower-casing, which is what UTS #46 does to it; that skips the full
/// mapping for nearly every address in a 100,000-line `lookup -`, where it
/// was a fifth of the CLI's CPU.
fn domain_to_ascii(domain: &str) -> Option<std::borrow::Cow<'_, str>> {
    plain_host_name(domain).or_else(|| idna::domain_to_ascii(domain).ok().map(Into::into))
}

/// Parses a phone number to E.164 (`+8613800138000`). A number without a
/// country code needs `region`.
pub fn normalize_phone(input: &str, region: Option<&str>) -> Result<String, IdentifierError> {
    let s = input.trim();
    if !s.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) || !s.chars().any(|c| c.is_ascii_digit()) {
        return Err(IdentifierError::new(
            input,
            "is not a phone number: use digits, optionally with a leading `+` and the country code",
        ));
    }
    let country = match region {
        Some(r) => Some(phonenumber::country::Id::from_str(&r.trim().to_ascii_uppercase()).map_err(|_| {
            IdentifierError::new(
                input,
                format!("cannot be read: `{r}` is not a region code (use ISO 3166, e.g. CN, US, GB)"),
            )
        })?),
        None => None,
    };
    if country.is_none() && !s.starts_with('+') {
        return Err(IdentifierError::new(
            input,
            "is a national phone number: give the country code (`+86…`) or a region (`--region CN`, or `region` in the profile)",
        ));
    }
    let number = phonenumber::parse(country, s).map_err(|_| IdentifierError::new(input, "is not a phone number"))?;
    if !number.is_valid() {
        return Err(IdentifierError::new(input, "is not a valid phone number for its country"));
    }
    Ok(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// Checks the reference service's account ID format: `acc_` then 6 to 64
/// lower-case letters or digits.
pub fn normalize_account_id(input: &str) -> Result<String, IdentifierError> {
    let s = input.trim();
    let ok = s.strip_prefix(ACCOUNT_ID_PREFIX).is_some_and(|rest| {
        (6..=64).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    });
    if ok {
        Ok(s.to_owned())
    } else {
        Err(IdentifierError::new(
            input,
            "is not an account ID: IDs look like `acc_` followed by 6 to 64 lower-case letters or digits",
        ))
    }
}

/// Masks an email for display: `a***@example.com`.
pub fn mask_email(email: &str) -> String {
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

/// Masks an E.164 phone number for display: `+86 *** **** 8000`.
pub fn mask_phone(e164: &str) -> String {
    let digits: String = e164.chars().filter(char::is_ascii_digit).collect();
    let last4 = digits.get(digits.len().saturating_sub(4)..).unwrap_or_default();
    match country_calling_code(&digits) {
        Some(code) => format!("+{code} *** **** {last4}"),
        None => format!("+*** **** {last4}"),
    }
}

/// The country calling code an E.164 number's digits start with. Calling
/// codes are prefix-free, so the first 1-, 2- or 3-digit prefix that names a
/// region is the one. (A table lookup: parsing the whole number costs far
/// more, and masking runs for every account a lookup returns.)
fn country_calling_code(digits: &str) -> Option<u16> {
    (1..=3.min(digits.len())).find_map(|n| {
        let code: u16 = digits[..n].parse().ok()?;
        phonenumber::metadata::DATABASE.region(&code).map(|_| code)
    })
}

#[cfg(test)]
mod tests;
