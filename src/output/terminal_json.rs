//! JSON for a terminal: the same value, with the characters a terminal acts
//! on or that reorder text spelled as `\uXXXX` escapes.
//!
//! serde_json escapes C0 controls (so ESC is `\u001b`) but writes C1 controls
//! (U+0080–U+009F, where U+009B is a one-character CSI), DEL and bidirectional
//! overrides (U+202E…) raw. In JSON they can only stand inside strings, so
//! replacing each with its escape keeps the text valid JSON of equal value.
//! Only when stdout is a terminal: a pipe gets the bytes unchanged.

use std::borrow::Cow;
use std::fmt::Write;

use super::sanitize::is_bidi_control;

fn must_escape(c: char) -> bool {
    c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) || is_bidi_control(c)
}

/// `json` with every C1 control, DEL and bidi control written as `\uXXXX`.
pub fn escape_invisible(json: &str) -> Cow<'_, str> {
    if !json.chars().any(must_escape) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if must_escape(c) {
            // Every such character is in the Basic Multilingual Plane: one escape.
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_the_same_and_nothing_raw_is_left() {
        let value = serde_json::json!({"display_name": "a\u{9b}31mred\u{202e}gnp.exe\u{7f}", "n": 1});
        let text = serde_json::to_string(&value).unwrap();
        let escaped = escape_invisible(&text);
        assert_eq!(escaped, r#"{"display_name":"a\u009b31mred\u202egnp.exe\u007f","n":1}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&escaped).unwrap(), value);
        assert!(matches!(escape_invisible(r#"{"name":"Zoë 张伟"}"#), Cow::Borrowed(_)));
    }
}
