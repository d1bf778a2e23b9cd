//! JSON strings as bytes: how far a run of them needs no escape, and one
//! written the way `serde_json` writes it. Shared by the batch-answer scanner
//! (`client::batch_text`) and the NDJSON writers, which are the hot path of
//! `acctl lookup -`.

/// Bytes that end the fast run through a string: `"`, `\` and the control
/// characters JSON does not allow unescaped.
static STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// How many bytes at the start of `rest` can stand in a JSON string as they are:
/// eight at a time while none of them is a [`STRING_STOP`] byte (the test
/// `serde_json` uses), then one at a time.
#[inline]
pub fn plain_json_run(rest: &[u8]) -> usize {
    json_run::<false>(rest)
}

/// [`plain_json_run`] that also stops at every byte beyond ASCII, for a
/// reader that checks those as UTF-8 itself.
#[inline]
pub fn ascii_json_run(rest: &[u8]) -> usize {
    json_run::<true>(rest)
}

#[inline(always)]
fn json_run<const ASCII: bool>(rest: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 255;
    let mut n = 0;
    for chunk in rest.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let control = word.wrapping_sub(ONES * 0x20) & !word;
        let quote = word ^ (ONES * u64::from(b'"'));
        let quote = quote.wrapping_sub(ONES) & !quote;
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let backslash = backslash.wrapping_sub(ONES) & !backslash;
        let beyond_ascii = if ASCII { word } else { 0 };
        // The lowest flagged byte is exact; borrows only disturb bytes above it.
        let stops = (control | quote | backslash | beyond_ascii) & (ONES << 7);
        if stops != 0 {
            return n + stops.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + rest[n..].iter().position(|&c| STRING_STOP[c as usize] || (ASCII && c >= 0x80)).unwrap_or(rest.len() - n)
}

/// `s` as a JSON string, the same bytes as `serde_json` writes. Most strings
/// need no escape and are copied as they are; `serde_json` looks up every
/// byte in its table and writes them a run at a time.
pub fn write_json_str<W: std::io::Write + ?Sized>(out: &mut W, s: &str) -> serde_json::Result<()> {
    if plain_json_run(s.as_bytes()) == s.len() {
        out.write_all(b"\"")
            .and_then(|()| out.write_all(s.as_bytes()))
            .and_then(|()| out.write_all(b"\""))
            .map_err(serde_json::Error::io)
    } else {
        serde_json::to_writer(out, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_stops_at_the_first_quote_backslash_or_control_character() {
        let mut text = *b"abcdefghijklmnopqrstuvwxyz0123456789";
        assert_eq!(plain_json_run(&text), text.len());
        for at in 0..text.len() {
            for stop in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                let kept = text[at];
                text[at] = stop;
                assert_eq!(plain_json_run(&text), at, "{stop:#x} at {at}");
                // A stop after the first never moves the answer.
                text[text.len() - 1] = b'"';
                assert_eq!(plain_json_run(&text), at);
                text[text.len() - 1] = b'9';
                text[at] = kept;
            }
        }
        // Bytes above 0x7f (UTF-8) and DEL are not stops, unless asked.
        assert_eq!(plain_json_run("é☃\x7f\"".as_bytes()), 6);
        for at in 0..20 {
            let text = format!("{}é{}", "a".repeat(at), "b".repeat(20));
            assert_eq!(ascii_json_run(text.as_bytes()), at, "{text}");
            assert_eq!(plain_json_run(text.as_bytes()), text.len(), "{text}");
        }
        assert_eq!(ascii_json_run(b"abc\x7f\""), 4);
    }

    #[test]
    fn a_json_string_is_written_as_serde_json_writes_it() {
        for s in [
            "",
            "a@b.c",
            "+44 7700 900123",
            "josé@bücher.de",
            "q\"uote",
            "back\\slash",
            "tab\there",
            "nul\0",
            "\u{1f}",
            "\u{7f}",
            "\u{2028}",
        ] {
            let mut ours = Vec::new();
            write_json_str(&mut ours, s).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }
}
