//! The `accounts:batchLookup` answer read without a tree, for `acctl lookup -`
//! writing NDJSON: each account stays the text the service wrote, a range of
//! the body, and is passed on from there.
//!
//! It is still checked whole, as strictly as `serde_json` would: the body is
//! UTF-8 (checked inside strings, the only place JSON has other than ASCII,
//! rather than in a pass of its own over the body); it is one JSON value (RFC 8259: strings without raw control
//! characters and with known escapes, numbers in the grammar, `true`,
//! `false`, `null`, at most 127 arrays and objects deep) and nothing after it; `results`
//! is an array of objects; a result's `account` is a value or `null`, its
//! `error` an object with `code` and `detail` strings, and neither key comes
//! twice. Keys the client does not know are checked and skipped.
//!
//! Why not `serde_json` with `&RawValue`: skipping a value costs it a call
//! through its generic reader per token, and on the cheap-backend benchmark
//! (bench/cli/run.sh, P3) this was a third of the CLI's CPU time, taken from a
//! service sharing the machine.

use std::ops::Range;
use std::sync::Arc;

use acctl_api::{BatchLookupResult, ItemError};
use serde::de::IgnoredAny;

use crate::output::json_text::ascii_json_run;

/// A batch answer: each account a range of `body`, UTF-8 JSON text.
#[derive(Debug)]
pub struct BatchText {
    pub body: Arc<Vec<u8>>,
    pub results: Vec<BatchLookupResult<Range<usize>, String, IgnoredAny>>,
}

/// Why a body is not a batch answer, with the byte where that showed.
#[derive(Debug, thiserror::Error)]
#[error("{what} at byte {at}")]
pub struct Malformed {
    what: &'static str,
    at: usize,
}

/// Containers open at once, as in what `serde_json` parses into a `Value` (its
/// skipping of a value has no limit; its parsing refuses the 128th).
const MAX_OPEN: u32 = 127;

impl BatchText {
    pub fn read(body: Vec<u8>) -> Result<Self, Malformed> {
        let mut s = Scanner { b: &body, i: 0 };
        s.ws();
        let results = s.answer()?;
        s.ws();
        if s.i != s.b.len() {
            return Err(s.err("text after the answer"));
        }
        Ok(BatchText { body: Arc::new(body), results })
    }
}

/// Where a key is in the body, and whether it has escapes to undo.
struct Key {
    range: Range<usize>,
    escaped: bool,
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

type Result<T, E = Malformed> = std::result::Result<T, E>;

impl<'a> Scanner<'a> {
    fn err(&self, what: &'static str) -> Malformed {
        Malformed { what, at: self.i }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips whitespace; the service writes none, so the first test (a byte
    /// above the space) nearly always ends it.
    #[inline]
    fn ws(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            if c > b' ' || !matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                return;
            }
            self.i += 1;
        }
    }

    fn expect(&mut self, c: u8, what: &'static str) -> Result<()> {
        self.ws();
        if self.peek() != Some(c) {
            return Err(self.err(what));
        }
        self.i += 1;
        Ok(())
    }

    /// `{"results": [ result, … ], other keys skipped}`.
    fn answer(&mut self) -> Result<Vec<BatchLookupResult<Range<usize>, String, IgnoredAny>>> {
        let mut results = None;
        self.object(|s, key| {
            if *s.key_text(key)? != *b"results" {
                return s.value(1);
            }
            if results.is_some() {
                return Err(s.err("`results` twice"));
            }
            let mut list = Vec::new();
            s.array(|s| {
                list.push(s.result()?);
                Ok(())
            })?;
            results = Some(list);
            Ok(())
        })?;
        results.ok_or_else(|| self.err("no `results`"))
    }

    /// `{"input": …, "account": {…} | null, "error": {code, detail} | null}`.
    fn result(&mut self) -> Result<BatchLookupResult<Range<usize>, String, IgnoredAny>> {
        let (mut input, mut account, mut error) = (false, None, None);
        self.object(|s, key| {
            let seen = match s.key_text(key)?.as_ref() {
                b"input" => {
                    s.value(3)?;
                    std::mem::replace(&mut input, true)
                }
                b"account" => account.replace(s.nullable_range()?).is_some(),
                b"error" => error.replace(s.nullable_error()?).is_some(),
                _ => return s.value(3),
            };
            if seen { Err(s.err("a key twice in a result")) } else { Ok(()) }
        })?;
        if !input {
            return Err(self.err("a result without `input`"));
        }
        Ok(BatchLookupResult { input: IgnoredAny, account: account.flatten(), error: error.flatten() })
    }

    /// A value's range, or `None` for `null`.
    fn nullable_range(&mut self) -> Result<Option<Range<usize>>> {
        self.ws();
        let start = self.i;
        self.value(3)?;
        let range = start..self.i;
        Ok((&self.b[range.clone()] != b"null").then_some(range))
    }

    /// An item's error; rare enough to decode with `serde_json`.
    fn nullable_error(&mut self) -> Result<Option<ItemError<String>>> {
        let Some(range) = self.nullable_range()? else { return Ok(None) };
        serde_json::from_slice(&self.b[range.clone()])
            .map(Some)
            .map_err(|_| Malformed { what: "an item error without a `code` and `detail` string", at: range.start })
    }

    /// `{ "key": value, … }`, each value read by `member`, which gets the key.
    fn object(&mut self, mut member: impl FnMut(&mut Self, Key) -> Result<()>) -> Result<()> {
        self.expect(b'{', "not an object")?;
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("a key that is not a string"));
            }
            let start = self.i;
            let escaped = self.string()?;
            let key = Key { range: start..self.i, escaped };
            self.expect(b':', "no `:` after a key")?;
            member(self, key)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.err("no `,` or `}` after a member")),
            }
        }
    }

    /// `[ item, … ]`.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.expect(b'[', "not an array")?;
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.err("no `,` or `]` after an item")),
            }
        }
    }

    /// A key's text, unescaped: keys are compared as `serde_json` compares them.
    fn key_text(&self, key: Key) -> Result<std::borrow::Cow<'a, [u8]>> {
        let text = &self.b[key.range];
        if key.escaped {
            return serde_json::from_slice::<String>(text)
                .map(|key| key.into_bytes().into())
                .map_err(|_| self.err("a malformed key"));
        }
        Ok(text[1..text.len() - 1].into())
    }

    /// Any JSON value, checked and skipped, inside `depth` arrays and objects.
    ///
    /// One loop, with the containers open inside the value kept as bits (1 an
    /// object, 0 an array), rather than a call per value: this runs over every
    /// byte of every account, and the recursive form was a quarter of `lookup
    /// -`'s CPU on the cheap-backend benchmark.
    fn value(&mut self, depth: u32) -> Result<()> {
        // Fewer than `MAX_OPEN` levels are ever open here.
        let mut open: u128 = 0;
        let mut levels: u32 = 0;
        loop {
            // A value is due, inside `depth + levels` containers.
            self.ws();
            match self.peek() {
                Some(open_byte @ (b'{' | b'[')) => {
                    if depth + levels >= MAX_OPEN {
                        return Err(self.err("nested too deeply"));
                    }
                    self.i += 1;
                    self.ws();
                    // `}` and `]` are two past `{` and `[`.
                    if self.peek() == Some(open_byte + 2) {
                        self.i += 1;
                    } else {
                        let object = open_byte == b'{';
                        open = open << 1 | u128::from(object);
                        levels += 1;
                        if object {
                            self.member_key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => drop(self.string()?),
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                _ => return Err(self.err("not a JSON value")),
            }
            // A value ended: close the containers that end with it.
            loop {
                if levels == 0 {
                    return Ok(());
                }
                self.ws();
                let in_object = open & 1 == 1;
                match self.peek() {
                    Some(b',') => {
                        self.i += 1;
                        if in_object {
                            self.member_key()?;
                        }
                        break;
                    }
                    Some(b'}') if in_object => {}
                    Some(b']') if !in_object => {}
                    _ if in_object => return Err(self.err("no `,` or `}` after a member")),
                    _ => return Err(self.err("no `,` or `]` after an item")),
                }
                self.i += 1;
                open >>= 1;
                levels -= 1;
            }
        }
    }

    /// An object member's key and its `:`, inside [`Scanner::value`].
    #[inline(always)]
    fn member_key(&mut self) -> Result<()> {
        self.ws();
        if self.peek() != Some(b'"') {
            return Err(self.err("a key that is not a string"));
        }
        self.string()?;
        self.expect(b':', "no `:` after a key")
    }

    /// A string, from its opening quote to after its closing one; whether it
    /// had escapes. The common string, one run to its closing quote, inline
    /// in every caller (left to itself the compiler made it a call, and `lookup
    /// -` spent 7% more CPU on the cheap-backend benchmark); the rest in
    /// [`Scanner::string_rest`].
    #[inline(always)]
    fn string(&mut self) -> Result<bool> {
        self.i += 1;
        self.i += ascii_json_run(&self.b[self.i..]);
        if self.peek() == Some(b'"') {
            self.i += 1;
            return Ok(false);
        }
        self.string_rest()
    }

    /// [`Scanner::string`] from a byte that ends a run: an escape, a
    /// character beyond ASCII (checked as UTF-8 here), a control character,
    /// or the end of the body.
    #[cold]
    fn string_rest(&mut self) -> Result<bool> {
        let mut escaped = false;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(escaped);
                }
                Some(b'\\') => {
                    escaped = true;
                    self.i += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 1,
                        Some(b'u') => {
                            let hex =
                                self.b.get(self.i + 1..self.i + 5).ok_or_else(|| self.err("a short \\u escape"))?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return Err(self.err("a \\u escape without four hex digits"));
                            }
                            self.i += 5;
                        }
                        _ => return Err(self.err("an unknown escape in a string")),
                    }
                }
                Some(c) if c >= 0x80 => {
                    let width = match c {
                        0xC2..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xF4 => 4,
                        _ => return Err(self.err("text that is not UTF-8")),
                    };
                    match self.b.get(self.i..self.i + width).map(std::str::from_utf8) {
                        Some(Ok(_)) => self.i += width,
                        _ => return Err(self.err("text that is not UTF-8")),
                    }
                }
                Some(_) => return Err(self.err("a control character in a string")),
                None => return Err(self.err("a string without its closing quote")),
            }
            self.i += ascii_json_run(&self.b[self.i..]);
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<()> {
        if !self.b[self.i..].starts_with(word) {
            return Err(self.err("not a JSON value"));
        }
        self.i += word.len();
        Ok(())
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<()> {
        let digits = |s: &mut Self| {
            let start = s.i;
            while s.peek().is_some_and(|c| c.is_ascii_digit()) {
                s.i += 1;
            }
            s.i - start
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.err("a malformed number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("a malformed number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("a malformed number"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
