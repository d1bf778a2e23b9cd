//! Reading identifiers from a stream: one per line, one CSV column, or the
//! NDJSON records `acctl lookup -` prints (so its output, filtered, can feed
//! `acctl bulk`).
//!
//! Runs on a plain thread (stdin is blocking) and hands batches to the async
//! pipeline through a bounded channel, so memory stays flat however long the
//! input is. A UTF-8 BOM and CRLF line ends are tolerated; blank lines are
//! skipped; a line that is not UTF-8 or not an identifier becomes an error
//! item for that line only.

use std::io::{BufRead, BufReader, Read};

use acctl_api::{Identifier, IdentifierError, IdentifierKind};
use tokio::sync::mpsc;

use super::codes;
use crate::error::CliError;

/// One non-blank input line.
#[derive(Debug, Clone)]
pub struct InputItem {
    /// The line it came from (1-based; a CSV record's first line), for messages.
    pub line: u64,
    /// The identifier as given (trimmed; lossily decoded if not UTF-8), when
    /// it is not the parsed identifier's own text; `None` when it is (most
    /// lines), so a 100,000-line pipeline allocates and frees one string a
    /// line, not two. [`InputItem::input`] reads it either way.
    given: Option<String>,
    /// The parsed identifier, or the line's error. Private: `given` is
    /// `None` only while this is the identifier it was built with.
    ident: Result<Identifier, LineError>,
}

/// A line's error: `(code, detail)`.
pub type LineError = (&'static str, String);

impl InputItem {
    /// A line whose text is `input`.
    pub fn new(line: u64, input: String, ident: Result<Identifier, LineError>) -> InputItem {
        let same = matches!(&ident, Ok(id) if id.value == input);
        InputItem { line, given: (!same).then_some(input), ident }
    }

    /// [`InputItem::new`] that copies `input` only when it differs from the identifier.
    fn parsed(line: u64, input: &str, ident: Result<Identifier, LineError>) -> InputItem {
        let same = matches!(&ident, Ok(id) if id.value == input);
        InputItem { line, given: (!same).then(|| input.to_owned()), ident }
    }

    /// The identifier as given.
    pub fn input(&self) -> &str {
        match (&self.given, &self.ident) {
            (Some(given), _) => given,
            (None, Ok(ident)) => &ident.value,
            // Never built: a line with an error keeps its text.
            (None, Err(_)) => "",
        }
    }

    /// The parsed identifier, or the line's error.
    pub fn ident(&self) -> Result<&Identifier, &LineError> {
        self.ident.as_ref()
    }

    /// The identifier as given, and the line's error if it has one; the
    /// identifier's text is moved, not copied, when it is the input.
    pub fn into_input(self) -> (String, Option<LineError>) {
        match (self.given, self.ident) {
            (Some(given), ident) => (given, ident.err()),
            (None, Ok(ident)) => (ident.value, None),
            (None, Err(e)) => (String::new(), Some(e)),
        }
    }

    /// The identifier as given and the parsed identifier, each its own string.
    pub fn into_parts(self) -> (String, Result<Identifier, LineError>) {
        let input = self.input().to_owned();
        (input, self.ident)
    }
}

#[derive(Debug, Clone)]
pub enum InputFormat {
    Lines,
    /// CSV with a header row; identifiers from the column with this header.
    Csv {
        column: String,
    },
    /// `acctl lookup -` records: `{"input":…,"account":{"id":…}}` names the
    /// account by its ID; `{"input":…,"error":{…}}` is that line's error.
    LookupRecords,
}

/// A `lookup -` record, as far as bulk input needs it.
#[derive(serde::Deserialize)]
struct LookupLine {
    input: String,
    account: Option<LookupAccount>,
    error: Option<LookupLineError>,
}

#[derive(serde::Deserialize)]
struct LookupAccount {
    id: String,
}

#[derive(serde::Deserialize)]
struct LookupLineError {
    code: String,
    #[serde(default)]
    detail: String,
}

fn lookup_record(text: &str, line_no: u64) -> InputItem {
    let invalid = |input: String, detail: String| InputItem::new(line_no, input, Err((codes::INVALID_INPUT, detail)));
    match serde_json::from_str::<LookupLine>(text) {
        Ok(LookupLine { input, account: Some(account), .. }) => {
            match Identifier::normalized(IdentifierKind::Id, &account.id, None) {
                Ok(ident) => InputItem::new(line_no, input, Ok(ident)),
                Err(e) => invalid(input, e.to_string()),
            }
        }
        Ok(LookupLine { input, error: Some(e), .. }) if e.code == codes::ACCOUNT_NOT_FOUND => {
            InputItem::new(line_no, input, Err((codes::ACCOUNT_NOT_FOUND, e.detail)))
        }
        Ok(LookupLine { input, error: Some(e), .. }) => {
            invalid(input, format!("the lookup answered `{}` for this line: {}", e.code, e.detail))
        }
        Ok(LookupLine { input, .. }) => invalid(input, format!("line {line_no} has neither `account` nor `error`")),
        Err(_) => invalid(text.to_owned(), format!("line {line_no} is not an `acctl lookup` record")),
    }
}

pub type Batch = Result<Vec<InputItem>, CliError>;

/// Reads `reader` to the end, sending batches of at most `batch` items.
/// Stops early when the receiver is gone (the output side failed).
pub fn read_batches<P>(reader: impl Read, format: InputFormat, parse: P, batch: usize, tx: mpsc::Sender<Batch>)
where
    P: Fn(&str) -> Result<Identifier, IdentifierError>,
{
    let item = |input: &str, line: u64| {
        InputItem::parsed(line, input, parse(input).map_err(|e| (codes::INVALID_IDENTIFIER, e.to_string())))
    };
    let mut pending = Vec::with_capacity(batch);
    let push = |it: InputItem, pending: &mut Vec<InputItem>| -> bool {
        pending.push(it);
        if pending.len() >= batch {
            let full = std::mem::replace(pending, Vec::with_capacity(batch));
            return tx.blocking_send(Ok(full)).is_ok();
        }
        true
    };
    let result: Result<(), CliError> = (|| {
        match format {
            InputFormat::Lines | InputFormat::LookupRecords => {
                let records = matches!(format, InputFormat::LookupRecords);
                let mut reader = BufReader::with_capacity(256 * 1024, reader);
                let mut buf = Vec::with_capacity(256);
                let mut line_no = 0u64;
                loop {
                    buf.clear();
                    if reader.read_until(b'\n', &mut buf)? == 0 {
                        break;
                    }
                    line_no += 1;
                    let mut line: &[u8] = &buf;
                    if line_no == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    let line = line.strip_suffix(b"\n").unwrap_or(line);
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    let it = match std::str::from_utf8(line) {
                        Ok(text) if text.trim().is_empty() => continue,
                        Ok(text) if records => lookup_record(text.trim(), line_no),
                        Ok(text) => item(text.trim(), line_no),
                        Err(_) => InputItem::new(
                            line_no,
                            String::from_utf8_lossy(line).trim().to_owned(),
                            Err((codes::INVALID_INPUT, format!("line {line_no} is not valid UTF-8"))),
                        ),
                    };
                    if !push(it, &mut pending) {
                        return Ok(());
                    }
                }
            }
            InputFormat::Csv { column } => {
                let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
                let headers = csv.byte_headers().map_err(csv_error)?.clone();
                let names: Vec<String> = headers
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).trim().trim_start_matches('\u{feff}').to_owned())
                    .collect();
                let index = names
                    .iter()
                    .position(|h| *h == column)
                    .or_else(|| names.iter().position(|h| h.eq_ignore_ascii_case(&column)))
                    .ok_or_else(|| {
                        CliError::usage(format!("the CSV input has no column `{column}`")).with_hint(format!(
                            "its header row names: {}",
                            names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                        ))
                    })?;
                let mut record = csv::ByteRecord::new();
                while csv.read_byte_record(&mut record).map_err(csv_error)? {
                    let line_no = record.position().map_or(0, |p| p.line());
                    let it = match record.get(index).map(std::str::from_utf8) {
                        None => InputItem::new(
                            line_no,
                            String::new(),
                            Err((codes::INVALID_INPUT, format!("line {line_no} has no column `{column}`"))),
                        ),
                        Some(Ok(text)) if text.trim().is_empty() => continue,
                        Some(Ok(text)) => item(text.trim(), line_no),
                        Some(Err(_)) => InputItem::new(
                            line_no,
                            String::from_utf8_lossy(&record[index]).trim().to_owned(),
                            Err((codes::INVALID_INPUT, format!("line {line_no} is not valid UTF-8"))),
                        ),
                    };
                    if !push(it, &mut pending) {
                        return Ok(());
                    }
                }
            }
        }
        if !pending.is_empty() {
            let _ = tx.blocking_send(Ok(std::mem::take(&mut pending)));
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = tx.blocking_send(Err(e.with_context("cannot read the identifiers from stdin")));
    }
}

fn csv_error(e: csv::Error) -> CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => CliError::from(io),
        other => CliError::usage(format!("the input is not valid CSV: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], format: InputFormat) -> Vec<(String, Result<String, String>)> {
        let (tx, mut rx) = mpsc::channel(100);
        read_batches(input, format, |s| Identifier::parse(s, Some("CN")), 2, tx);
        let mut out = Vec::new();
        while let Ok(batch) = rx.try_recv() {
            for it in batch.unwrap() {
                let (input, ident) = it.into_parts();
                out.push((input, ident.map(|i| i.to_string()).map_err(|(code, _)| code.to_owned())));
            }
        }
        out
    }

    #[test]
    fn lines_tolerate_bom_crlf_blank_lines_and_bad_utf8() {
        let got = read(
            b"\xEF\xBB\xBFalice@example.com\r\n\r\n  \n13800138000\nnonsense\n\xff\xfe\nacc_demobob",
            InputFormat::Lines,
        );
        assert_eq!(
            got,
            vec![
                ("alice@example.com".into(), Ok("email:alice@example.com".into())),
                ("13800138000".into(), Ok("phone:+8613800138000".into())),
                ("nonsense".into(), Err("invalid_identifier".into())),
                ("\u{fffd}\u{fffd}".into(), Err("invalid_input".into())),
                ("acc_demobob".into(), Ok("id:acc_demobob".into())),
            ]
        );
    }

    /// Lines that cross the reader's 256 KiB buffer, and a last line without
    /// its `\n`, come through whole, in order, with their line numbers.
    #[test]
    fn lines_across_the_read_buffer_come_through_whole() {
        let mut text = String::new();
        for n in 0..40_000 {
            text.push_str(&format!("user{n}@example.com\n"));
        }
        text.push_str("last@example.com");
        let (tx, mut rx) = mpsc::channel(1_000);
        std::thread::spawn(move || {
            read_batches(text.as_bytes(), InputFormat::Lines, |s| Identifier::parse(s, None), 500, tx)
        });
        let mut lines = Vec::new();
        while let Some(batch) = rx.blocking_recv() {
            for it in batch.unwrap() {
                lines.push((it.line, it.input().to_owned(), it.ident().is_ok()));
            }
        }
        assert_eq!(lines.len(), 40_001);
        for (n, (line, input, ok)) in lines.iter().enumerate().take(40_000) {
            assert_eq!((*line, input.as_str(), *ok), (n as u64 + 1, format!("user{n}@example.com").as_str(), true));
        }
        assert_eq!(lines[40_000], (40_001, "last@example.com".to_owned(), true));
    }

    #[test]
    fn csv_takes_the_named_column() {
        let got = read(
            b"\xEF\xBB\xBFname,Email\r\nAlice,alice@example.com\r\nNo mail,\r\nBob\r\n",
            InputFormat::Csv { column: "email".into() },
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, Ok("email:alice@example.com".into()));
        assert_eq!(got[1].1, Err("invalid_input".into()));
    }

    #[test]
    fn a_missing_column_is_a_usage_error() {
        let (tx, mut rx) = mpsc::channel(10);
        read_batches(
            &b"a,b\n1,2\n"[..],
            InputFormat::Csv { column: "email".into() },
            |s| Identifier::parse(s, None),
            10,
            tx,
        );
        let err = rx.try_recv().unwrap().unwrap_err();
        assert_eq!(err.status(), crate::error::ExitStatus::Usage);
    }
}
