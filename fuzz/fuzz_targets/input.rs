//! The `lookup -` input reader (`acctl::lookup::input::read_batches`): lines
//! or one CSV column from stdin, in batches, for thousands of identifiers.
//!
//! The first byte picks the mode and the batch size; the rest is the stream.
//! Properties, beyond "no panic":
//! - lines: every non-blank line becomes exactly one item, in order, none lost
//!   or duplicated, whatever the batch size; the item is the line trimmed
//!   (without a first-line BOM and the CR of a CRLF); a line that is not
//!   UTF-8 is an `invalid_input` item that names its line number; a UTF-8 line
//!   is handed to the identifier parser as exactly that text;
//! - CSV written by a real CSV writer (quotes, embedded newlines, a BOM, CRLF,
//!   the column anywhere and in any case): every non-blank cell of the chosen
//!   column becomes one item, in order;
//! - CSV from raw bytes: no panic; at most one error, and it ends the stream.
#![no_main]

use acctl::fuzzing::{InputFormat, InputItem, read_batches};
use acctl_api::{Identifier, IdentifierError, IdentifierKind};
use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use tokio::sync::mpsc;

/// Items as the pipeline would receive them, and the error that ended the stream, if any.
fn read(stream: &[u8], format: InputFormat, batch: usize) -> (Vec<InputItem>, Option<String>) {
    // Room for every batch: the reader runs to the end before anything is received.
    let (tx, mut rx) = mpsc::channel(stream.len() + 2);
    // A parser that accepts everything, so the item shows exactly what it was given.
    let parse = |s: &str| -> Result<Identifier, IdentifierError> { Ok(Identifier::new(IdentifierKind::Id, s)) };
    read_batches(stream, format, parse, batch, tx);
    let (mut items, mut error) = (Vec::new(), None);
    while let Ok(b) = rx.try_recv() {
        assert!(error.is_none(), "something came after the error that ended the stream");
        match b {
            Ok(b) => {
                assert!(!b.is_empty() && b.len() <= batch, "a batch of {} with batch size {batch}", b.len());
                items.extend(b);
            }
            Err(e) => error = Some(e.to_string()),
        }
    }
    (items, error)
}

fn lines(stream: &[u8], batch: usize) {
    let (items, error) = read(stream, InputFormat::Lines, batch);
    assert_eq!(error, None, "a byte stream always reads as lines");
    let mut expected = Vec::new();
    for (i, raw) in stream.split(|&b| b == b'\n').enumerate() {
        let raw = if i == 0 { raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw) } else { raw };
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match std::str::from_utf8(raw) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => expected.push((text.trim().to_owned(), None)),
            Err(_) => expected.push((String::from_utf8_lossy(raw).trim().to_owned(), Some(i + 1))),
        }
    }
    assert_eq!(items.len(), expected.len(), "{} non-blank lines became {} items", expected.len(), items.len());
    for (item, (text, bad_line)) in items.iter().zip(&expected) {
        assert_eq!(&item.input, text);
        match (bad_line, &item.ident) {
            (None, Ok(id)) => assert_eq!(&id.value, text, "the parser was not given the line"),
            (Some(n), Err((code, detail))) => {
                assert_eq!(*code, "invalid_input");
                assert!(detail.contains(&format!("line {n} ")), "{detail:?} does not name line {n}");
            }
            (want, got) => panic!("line {text:?}: expected {want:?} (a bad line number), got {got:?}"),
        }
    }
}

/// A CSV file as a spreadsheet or a script would write it.
fn written_csv(u: &mut Unstructured<'_>, batch: usize) -> libfuzzer_sys::arbitrary::Result<()> {
    let header = *u.choose(&["email", "Email", " EMAIL ", "e-mail"])?;
    let position = u.int_in_range(0..=2)?;
    let (bom, crlf) = (bool::arbitrary(u)?, bool::arbitrary(u)?);
    let rows: Vec<[String; 3]> = Vec::arbitrary(u)?;

    let mut names = vec!["name", "note"];
    names.insert(position, header);
    let mut out = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    {
        let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().terminator(terminator).from_writer(&mut out);
        let ok = w.write_record(&names).is_ok() && rows.iter().all(|r| w.write_record(r).is_ok()) && w.flush().is_ok();
        assert!(ok, "writing CSV to memory failed");
    }
    let (items, error) = read(&out, InputFormat::Csv { column: "email".into() }, batch);
    if header == "e-mail" {
        assert!(items.is_empty() && error.is_some_and(|e| e.contains("no column `email`")), "a missing column");
        return Ok(());
    }
    assert_eq!(error, None, "{:?}", String::from_utf8_lossy(&out));
    let expected: Vec<&str> = rows.iter().map(|r| r[position].trim()).filter(|c| !c.is_empty()).collect();
    let got: Vec<&str> = items.iter().map(|i| i.input.as_str()).collect();
    assert_eq!(got, expected, "the column's cells, from {:?}", String::from_utf8_lossy(&out));
    Ok(())
}

fn raw_csv(stream: &[u8], batch: usize) {
    let (items, _error) = read(stream, InputFormat::Csv { column: "email".into() }, batch);
    for item in &items {
        assert_eq!(item.input.trim(), item.input, "an item is not trimmed");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, stream)) = data.split_first() else { return };
    // Small batches cross batch boundaries often; 500 is what `lookup -` uses.
    let batch = match selector >> 2 {
        0 => 500,
        n => usize::from(n % 8) + 1,
    };
    match selector & 3 {
        0 | 1 => lines(stream, batch),
        2 => {
            let _ = written_csv(&mut Unstructured::new(stream), batch);
        }
        _ => raw_csv(stream, batch),
    }
});
