//! Making untrusted text safe for a terminal and for a spreadsheet.
//!
//! Display names, device names and anything else the backend returns are
//! customer-controlled. Before such text reaches a terminal-bound format,
//! escape sequences (CSI, OSC such as OSC 52 clipboard writes, DCS, …), C0/C1
//! control characters and bidirectional overrides are removed. CSV/TSV cells
//! that a spreadsheet would read as a formula are prefixed with `'` (OWASP
//! "CSV Injection").

use std::borrow::Cow;

/// Removes escape sequences and control characters; tabs and line breaks
/// become a space so a cell stays on one line.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_work) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(&mut chars),
                // ESC, intermediates (0x20–0x2F), one final byte: `ESC ( B`, `ESC c`.
                Some(c) if ('\x20'..='\x2f').contains(&c) => {
                    while chars.next_if(|c| ('\x20'..='\x2f').contains(c)).is_some() {}
                    chars.next();
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_bidi_control(c) || c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`for_terminal`] line by line, for a message acctl wrote on several lines
/// that may carry backend text: its own line breaks stay, everything else goes.
pub fn lines_for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && needs_work(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split('\n').map(for_terminal).collect::<Vec<_>>().join("\n"))
}

fn needs_work(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional embeddings, overrides and isolates ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// CSI: parameters and intermediates, then one final byte 0x40–0x7E.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\x40'..='\x7e').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/SOS/PM/APC: everything up to BEL or ST (`ESC \` or 0x9C); an
/// unterminated one swallows the rest, which is the safe reading.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\x07' | '\u{9c}' => break,
            '\x1b' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// A CSV/TSV cell: sanitised, then neutralised if a spreadsheet would take
/// it for a formula. Numbers and phone numbers (`+86 138…`, `-5`) are left
/// alone: a formula made of digits computes nothing dangerous.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let clean = for_terminal(s);
    let risky = clean.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !clean.chars().all(|c| c.is_ascii_digit() || " +-*.()".contains(c));
    if risky { Cow::Owned(format!("'{clean}")) } else { clean }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MALLORY: &str = "Mallory\x1b[2J\x1b]52;c;cHduZWQ=\x07\x07=HYPERLINK(\"http://evil.example\",\"x\")";

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(for_terminal(MALLORY), "Mallory=HYPERLINK(\"http://evil.example\",\"x\")");
        assert_eq!(for_terminal("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"), "alinkb");
        assert_eq!(for_terminal("a\u{9b}31mred\u{202e}b"), "aredb");
        assert_eq!(for_terminal("tab\there\r\nnext\x00\x7f"), "tab here  next");
        assert_eq!(for_terminal("esc at end\x1b"), "esc at end");
        assert_eq!(for_terminal("unterminated \x1b]52;c;AAAA"), "unterminated ");
        assert_eq!(for_terminal("charset \x1b(Bok"), "charset ok");
        assert!(matches!(for_terminal("Zoë Müller 张伟"), Cow::Borrowed(_)));
    }

    #[test]
    fn messages_keep_their_own_line_breaks_only() {
        assert_eq!(lines_for_terminal("one\ntwo \x1b[2Jthree\r"), "one\ntwo three ");
        assert!(matches!(lines_for_terminal("the fields are:\n  id"), Cow::Borrowed(_)));
    }

    #[test]
    fn formulas_are_neutralised_but_phone_numbers_are_not() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://evil.example\")"), "'=HYPERLINK(\"http://evil.example\")");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(csv_cell("\x1b[0m=1+1"), "'=1+1", "sanitised first, then checked");
        assert_eq!(csv_cell("+8613800138000"), "+8613800138000");
        assert_eq!(csv_cell("+86 *** **** 8000"), "+86 *** **** 8000");
        assert_eq!(csv_cell("alice@example.com"), "alice@example.com");
    }
}
