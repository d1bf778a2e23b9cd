//! The identifier parser (`acctl_api::Identifier::parse`): every identifier
//! an agent types or a script streams goes through it, in the CLI and again in
//! the service.
//!
//! Properties, beyond "no panic":
//! - an error names the input exactly as given;
//! - a parsed value is well formed for its kind (trimmed, no control
//!   characters; an email's domain is lower-case ASCII; a phone number is
//!   E.164; an ID is `acc_` and 6 to 64 lower-case letters or digits);
//! - normalising is idempotent: the normalised value, normalised again as its
//!   kind (with the same region or none), is itself;
//! - the printed form `kind:value`, which hints and suggested commands show,
//!   parses back to the same identifier.
#![no_main]

use acctl_api::ident::{Identifier, IdentifierKind, mask_phone};
use libfuzzer_sys::fuzz_target;

/// The first input byte picks the region a profile or `--region` would give.
const REGIONS: [Option<&str>; 8] =
    [None, Some("CN"), Some("US"), Some("GB"), Some("DE"), Some("IT"), Some(" cn "), Some("XX")];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let region = REGIONS[usize::from(selector) % REGIONS.len()];

    let id = match Identifier::parse(input, region) {
        Ok(id) => id,
        Err(e) => {
            assert_eq!(e.input, input, "the error must name the input as given");
            assert!(!e.reason.is_empty());
            return;
        }
    };

    let v = id.value.as_str();
    assert!(!v.is_empty() && v.trim() == v, "{id:?}: not trimmed");
    assert!(!v.chars().any(char::is_control), "{id:?}: a control character survived");
    match id.kind {
        IdentifierKind::Email => {
            let (local, domain) = v.rsplit_once('@').unwrap_or_else(|| panic!("{id:?}: an email without `@`"));
            assert!(!local.is_empty() && local.len() <= 64 && !local.contains('@'), "{id:?}");
            assert!(
                domain.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
                "{id:?}: the domain is not lower-case ASCII"
            );
        }
        IdentifierKind::Phone => {
            let digits = v.strip_prefix('+').unwrap_or_else(|| panic!("{id:?}: not E.164"));
            assert!((2..=17).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()), "{id:?}");
            let masked = mask_phone(v);
            assert!(!masked.contains(digits), "{id:?}: the mask {masked:?} shows the whole number");
        }
        IdentifierKind::Id => {
            let rest = v.strip_prefix("acc_").unwrap_or_else(|| panic!("{id:?}: no `acc_`"));
            assert!((6..=64).contains(&rest.len()), "{id:?}");
            assert!(rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{id:?}");
        }
    }

    for again_region in [region, None] {
        let again = Identifier::normalized(id.kind, v, again_region);
        assert_eq!(again.as_ref(), Ok(&id), "normalising {v:?} again (region {again_region:?}) changed it");
    }
    let printed = id.to_string();
    assert_eq!(Identifier::parse(&printed, None).as_ref(), Ok(&id), "the printed form {printed:?} does not read back");
});
