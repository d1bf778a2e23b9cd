//! What a command prints: a serialisable record with named flat fields.

use acctl_api::Channel;
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

/// One flat value, for a table cell, a CSV cell or a `--fields` JSON member.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Bool(bool),
    Int(i64),
    Time(OffsetDateTime),
    List(Vec<String>),
    /// An email address as the service sent it (its domain in ASCII,
    /// `xn--…` for an internationalised one); a person sees it in Unicode.
    Email(String),
}

impl Cell {
    pub fn opt(s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.to_owned()))
    }

    pub fn time(t: Option<OffsetDateTime>) -> Cell {
        t.map_or(Cell::Null, Cell::Time)
    }

    pub fn email(s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Email(s.to_owned()))
    }

    /// Channels by name: `email`, `sms`.
    pub fn channels(list: &[Channel]) -> Cell {
        Cell::List(list.iter().map(|c| c.as_str().to_owned()).collect())
    }

    /// Text for CSV/TSV: times in RFC 3339, lists joined with `; `.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) | Cell::Email(s) => s.clone(),
            Cell::Bool(b) => b.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Time(t) => rfc3339(*t),
            Cell::List(items) => items.join("; "),
        }
    }

    /// Text for a table a person reads: times shortened, lists one a line.
    pub fn to_display(&self) -> String {
        match self {
            Cell::Null => "—".to_owned(),
            Cell::Bool(true) => "yes".to_owned(),
            Cell::Bool(false) => "no".to_owned(),
            Cell::Time(t) => human_time(*t),
            Cell::List(items) if items.is_empty() => "—".to_owned(),
            Cell::List(items) => items.join("\n"),
            Cell::Email(e) => email_for_display(e),
            other => other.to_text(),
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Text(s) | Cell::Email(s) => Value::String(s.clone()),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Int(i) => Value::from(*i),
            Cell::Time(t) => Value::String(rfc3339(*t)),
            Cell::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
        }
    }
}

/// `j***@bücher.de` for `j***@xn--bcher-kva.de`: the domain in Unicode, as
/// the customer knows it. Only for a person's eyes; machine output keeps the
/// wire form. A domain that does not convert cleanly is shown as it came.
pub fn email_for_display(email: &str) -> String {
    match email.rsplit_once('@') {
        Some((local, domain))
            if domain.split('.').any(|label| label.len() > 4 && label[..4].eq_ignore_ascii_case("xn--")) =>
        {
            match idna::domain_to_unicode(domain) {
                (unicode, Ok(())) => format!("{local}@{unicode}"),
                (_, Err(_)) => email.to_owned(),
            }
        }
        _ => email.to_owned(),
    }
}

pub fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_else(|_| t.to_string())
}

/// `2026-03-01 09:00 UTC` (times from the service are UTC).
pub fn human_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute())
}

/// A named flat view of a record.
pub struct Field<R> {
    pub name: &'static str,
    pub help: &'static str,
    pub get: fn(&R) -> Cell,
}

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

/// A record a command prints. Its JSON form is its `Serialize` impl.
pub trait Record: Serialize + 'static {
    /// Every flat field, in the default CSV column order.
    fn fields() -> &'static [Field<Self>]
    where
        Self: Sized;

    /// The record as one line of JSON, without the line end: what NDJSON
    /// prints when no `--fields` are chosen. A record may write it faster than
    /// `Serialize` does, but must write the same bytes.
    fn write_json_line<W: std::io::Write>(&self, out: &mut W) -> serde_json::Result<()>
    where
        Self: Sized,
    {
        serde_json::to_writer(out, self)
    }

    /// Columns of `-o table` when `--fields` is not given (empty: all).
    fn table_fields() -> &'static [&'static str] {
        &[]
    }

    /// Whether one record alone in `-o table` is shown as a card (a list that
    /// happens to hold one item, such as the audit log, stays a row).
    fn card_for_one() -> bool
    where
        Self: Sized,
    {
        true
    }

    /// The vertical card shown for a single record in `-o table`.
    fn card(&self) -> Vec<(String, String)>
    where
        Self: Sized,
    {
        Self::fields().iter().map(|f| (f.name.to_owned(), (f.get)(self).to_display())).collect()
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
