//! The output sanitiser (`acctl::output::sanitize`): every string from the
//! backend (display names, device names, error details) passes through it
//! before a terminal or a spreadsheet sees it.
//!
//! Properties, beyond "no panic":
//! - the output has no control character (C0, DEL, C1: so no ESC, no CSI
//!   0x9B, no BEL) and no bidirectional override or isolate;
//! - it only removes: the output is the input with characters dropped and
//!   tab/CR/LF turned into spaces, in order (nothing is invented);
//! - text that needs no work comes back unchanged, and sanitising twice is
//!   sanitising once;
//! - a CSV cell never starts with `=`, `+`, `-` or `@` unless it is a number
//!   (digits, spaces, `+-*.()`), and is the sanitised text, `'`-prefixed or not.
#![no_main]

use std::borrow::Cow;

use acctl::fuzzing::{csv_cell, for_terminal};
use libfuzzer_sys::fuzz_target;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };

    let out = for_terminal(s);
    if let Some(bad) = out.chars().find(|&c| c.is_control() || is_bidi_control(c)) {
        panic!("{s:?} -> {out:?} keeps {bad:?}");
    }

    // Nothing invented: `out` is a subsequence of the input, with tab/CR/LF as spaces.
    let mut rest = s.chars().map(|c| if matches!(c, '\t' | '\r' | '\n') { ' ' } else { c });
    for c in out.chars() {
        assert!(rest.any(|r| r == c), "{s:?} -> {out:?}: {c:?} is not from the input, or out of order");
    }

    if !s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        assert!(matches!(out, Cow::Borrowed(b) if b == s), "{s:?} needed no work but came back as {out:?}");
    }
    let twice = for_terminal(&out);
    assert_eq!(twice, out, "sanitising {s:?} twice differs from once");

    let cell = csv_cell(s);
    let body = cell.strip_prefix('\'').filter(|b| *b == out).unwrap_or(&cell);
    assert_eq!(body, out, "{s:?}: the CSV cell {cell:?} is not the sanitised text");
    if body.len() == cell.len() && cell.starts_with(['=', '+', '-', '@']) {
        assert!(
            cell.chars().all(|c| c.is_ascii_digit() || " +-*.()".contains(c)),
            "{s:?}: the cell {cell:?} can be a formula"
        );
    }
});
