use super::*;

/// Wherever the one-pass path takes an address, the general path takes
/// it too, with the same result; it takes the everyday ones.
#[test]
fn plain_addresses_are_normalised_as_the_general_path_does() {
    let alphabet: Vec<char> = "aZ9-.@@.xXnN-_+ é\t".chars().collect();
    let label_chars: Vec<char> = "abZ09-xn".chars().collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let pick = |next: &mut dyn FnMut(usize) -> usize, set: &[char], len: usize| {
        (0..len).map(|_| set[next(set.len())]).collect::<String>()
    };
    let mut taken = 0;
    let mut inputs: Vec<String> = vec![
        "Alice@Example.COM".into(),
        "a@xn--bcher-kva.de".into(),
        "a@XN--bcher-kva.de".into(),
        "a@b.c".into(),
        "a@b".into(),
        "a@b.".into(),
        "a@.b".into(),
        "a@b-.c".into(),
        "a@-b.c".into(),
        format!("{}@example.com", "x".repeat(64)),
        format!("{}@example.com", "x".repeat(65)),
        format!("a@{}.com", "x".repeat(63)),
        format!("a@{}.com", "x".repeat(64)),
        format!("a@{}.com", vec!["x".repeat(60); 4].join(".")),
        format!("a@{}.co", vec!["x".repeat(61); 4].join(".")),
    ];
    // Random strings, and addresses built from parts that are sometimes wrong.
    for _ in 0..50_000 {
        let text = if next(4) == 0 {
            let len = 1 + next(14);
            pick(&mut next, &alphabet, len)
        } else {
            let len = 1 + next(4);
            let local = pick(&mut next, &alphabet, len).replace('@', "a");
            let labels: Vec<String> = (0..1 + next(3))
                .map(|_| {
                    let len = next(5);
                    pick(&mut next, &label_chars, len)
                })
                .collect();
            format!("{local}@{}", labels.join("."))
        };
        inputs.push(text);
    }
    for s in &inputs {
        if let Some(fast) = plain_email(s) {
            assert_eq!(general_email(s, s), Ok(fast), "{s:?}");
            taken += 1;
        }
    }
    assert!(taken > 1_000, "the one-pass path took only {taken}");
    assert_eq!(plain_email("Alice@Example.COM").as_deref(), Some("Alice@example.com"));
}

#[test]
fn emails_are_trimmed_and_their_domain_lowered_and_idna_encoded() {
    assert_eq!(normalize_email("  Alice@Example.COM ").unwrap(), "Alice@example.com");
    assert_eq!(normalize_email("bob@bücher.de").unwrap(), "bob@xn--bcher-kva.de");
    assert!(normalize_email("no-at-sign").is_err());
    assert!(normalize_email("a@b").is_err());
    assert!(normalize_email("a b@example.com").is_err());
    for bad in ["x@-a.example.com", "x@a-.example.com", "x@a..b", "x@example.com.", "x@ex_ample.com"] {
        assert!(normalize_email(bad).is_err(), "{bad}");
    }
    assert!(normalize_email(&format!("x@{}.com", "a".repeat(64))).is_err());
    assert!(normalize_email(&format!("x@{}.com", "a".repeat(63))).is_ok());
}

/// UTS 46 as idna's Unicode back end applies it (Cargo.toml pins that back
/// end): case, width and the ideographic full stop fold; `ß` stays (not
/// transitional); a joiner outside its script context and a label mixing
/// directions are refused.
#[test]
fn non_ascii_domains_are_mapped_as_uts46_says() {
    for (given, ascii) in [
        ("bob@BÜCHER.de", "bob@xn--bcher-kva.de"),
        ("bob@ｂüｃｈｅｒ．ｄｅ", "bob@xn--bcher-kva.de"),
        ("bob@bücher。de", "bob@xn--bcher-kva.de"),
        ("bob@faß.de", "bob@xn--fa-hia.de"),
        ("bob@münchen.de", "bob@xn--mnchen-3ya.de"),
        ("bob@παράδειγμα.gr", "bob@xn--hxajbheg2az3al.gr"),
    ] {
        assert_eq!(normalize_email(given).as_deref(), Ok(ascii), "{given}");
    }
    for refused in ["bob@a\u{200d}b.de", "bob@aא.de", "bob@xn--a.de"] {
        assert!(normalize_email(refused).is_err(), "{refused}");
    }
}

#[test]
fn look_alike_spellings_of_a_local_part_are_one_address() {
    let nfc = "jos\u{e9}@example.com";
    assert_eq!(normalize_email("jose\u{301}@example.com").unwrap(), nfc, "NFD becomes NFC");
    assert_eq!(normalize_email(nfc).unwrap(), nfc);
    assert_eq!(normalize_email("ｊｏｓｅ@example.com").unwrap(), "jose@example.com", "full-width letters");
    assert_eq!(normalize_email("ｊｏｓｅ＋ｓｈｏｐ@example.com").unwrap(), "jose+shop@example.com");
    assert_eq!(normalize_email("ﾔﾏﾀﾞ@example.jp").unwrap(), "ヤマダ@example.jp", "half-width katakana");
    // Only width is folded: a ligature is a different address.
    assert_eq!(normalize_email("\u{FB01}nance@example.com").unwrap(), "\u{FB01}nance@example.com");
    // The domain is folded by IDNA as before.
    assert_eq!(normalize_email("jose@ＥＸＡＭＰＬＥ.com").unwrap(), "jose@example.com");
}

#[test]
fn invisible_and_direction_characters_in_a_local_part_are_refused() {
    for bad in [
        "jo\u{200B}se@example.com",
        "jose\u{200D}@example.com",
        "\u{202E}esoj@example.com",
        "jo\u{2066}se\u{2069}@example.com",
        "\u{FEFF}jose@example.com",
        "jo\u{AD}se@example.com",
        "jose\u{FE0F}@example.com",
        "jo\u{3164}se@example.com",
        "ｊｏ\u{3000}ｓｅ@example.com",
    ] {
        let err = normalize_email(bad).unwrap_err();
        assert_eq!(err.input, bad);
        assert!(err.reason.starts_with("is not an email address"), "{bad:?}: {err}");
    }
    let err = Identifier::parse("jo\u{200B}se@example.com", None).unwrap_err();
    assert!(err.reason.contains("invisible or text-direction"), "{err}");
}

#[test]
fn look_alike_letters_share_a_skeleton() {
    let plain = confusable_skeleton("alice@example.com");
    for other in ["al\u{131}ce@example.com", "\u{430}lice@example.com", "ALICE@example.com", "Alice@EXAMPLE.com"] {
        assert_eq!(confusable_skeleton(other), plain, "{other}");
    }
    assert_ne!(confusable_skeleton("alicia@example.com"), plain);
    assert_ne!(confusable_skeleton("jos\u{e9}@example.com"), confusable_skeleton("jose@example.com"));
}

#[test]
fn the_plain_ascii_shortcut_gives_what_idna_gives() {
    for domain in [
        "example.com",
        "EXAMPLE.Com",
        "a-b.example.com",
        "-a.example.com",
        "a-.example.com",
        "ab--cd.example",
        "xn--bcher-kva.de",
        "XN--BCHER-KVA.DE",
        "xn--zz.de",
        "example.com.",
        ".example.com",
        "a..b",
        "123.456",
        "ex_ample.com",
        "bücher.de",
        "Ｅxample.com",
    ] {
        assert_eq!(domain_to_ascii(domain).map(|d| d.into_owned()), idna::domain_to_ascii(domain).ok(), "{domain}");
        // And the whole address agrees with the slow path's answer.
        let fast = normalize_email(&format!("x@{domain}")).ok();
        let slow = idna::domain_to_ascii(domain).ok().filter(|a| is_host_name(a));
        assert_eq!(fast, slow.map(|a| format!("x@{a}")), "{domain}");
    }
}

#[test]
fn phones_become_e164_with_a_region_for_national_numbers() {
    assert_eq!(normalize_phone("+86 138 0013 8000", None).unwrap(), "+8613800138000");
    assert_eq!(normalize_phone("13800138000", Some("CN")).unwrap(), "+8613800138000");
    assert_eq!(normalize_phone("(415) 555-0132", Some("us")).unwrap(), "+14155550132");
    let err = normalize_phone("13800138000", None).unwrap_err();
    assert!(err.reason.contains("region"), "{err}");
    assert!(normalize_phone("+86 12", None).is_err());
    assert!(normalize_phone("13800138000", Some("XX")).is_err());
}

#[test]
fn kinds_are_detected_or_forced_by_prefix() {
    let id = Identifier::parse("acc_0123456789abcdef", None).unwrap();
    assert_eq!(id.kind, IdentifierKind::Id);
    let email = Identifier::parse("email:Carol@Example.org", None).unwrap();
    assert_eq!(email, Identifier::new(IdentifierKind::Email, "Carol@example.org"));
    let phone = Identifier::parse("phone: 138 0013 8000", Some("CN")).unwrap();
    assert_eq!(phone.value, "+8613800138000");
    let err = Identifier::parse("carol", None).unwrap_err();
    assert_eq!(err.input, "carol");
    assert!(Identifier::parse("id:ACC_X", None).is_err());
    assert!(Identifier::parse("   ", None).is_err());
}

#[test]
fn contacts_are_masked_to_a_hint() {
    assert_eq!(mask_email("alice@example.com"), "a***@example.com");
    assert_eq!(mask_phone("+8613800138000"), "+86 *** **** 8000");
    assert_eq!(mask_phone("+14155550132"), "+1 *** **** 0132");
}
