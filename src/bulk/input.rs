//! A bulk job's input: read whole (the plan needs every target before
//! anything changes), digested (a resume must be for the same input), and
//! split into lines by the lookup reader ([`crate::lookup::input`]), which
//! keeps each line's number for the plan's lists.
//!
//! Three forms: identifiers one a line; CSV with `--column NAME`; or the
//! NDJSON records `acctl lookup -` prints, recognised by a first line that
//! starts with `{` (no identifier does).

use acctl_api::{Identifier, IdentifierError};
use sha2::{Digest, Sha256};

use crate::error::CliError;
use crate::lookup::input::{InputFormat, InputItem, read_batches};

/// The input's lines and the digest a journal keeps of it.
#[derive(Debug)]
pub struct BulkInput {
    pub items: Vec<InputItem>,
    /// `sha256:` and the hex digest of the bytes as read.
    pub digest: String,
}

/// `sha256:…` of `bytes`.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// Which form `bytes` are in: CSV when a column is named, `lookup -`
/// records when the first non-blank line starts with `{`, else lines.
pub fn detect(bytes: &[u8], column: Option<&str>) -> InputFormat {
    if let Some(column) = column {
        return InputFormat::Csv { column: column.to_owned() };
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputFormat::LookupRecords,
        _ => InputFormat::Lines,
    }
}

/// Splits `bytes` into items. Blocking: call it off the async runtime
/// (`spawn_blocking`), as the lookup reader runs on a plain thread.
pub fn parse<P>(bytes: &[u8], column: Option<&str>, parse: P) -> Result<BulkInput, CliError>
where
    P: Fn(&str) -> Result<Identifier, IdentifierError> + Send,
{
    let format = detect(bytes, column);
    let (tx, mut rx) = tokio::sync::mpsc::channel(64);
    let mut items = Vec::new();
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(bytes, format, parse, acctl_api::BATCH_LOOKUP_MAX, tx));
        while let Some(batch) = rx.blocking_recv() {
            items.extend(batch?);
        }
        Ok::<(), CliError>(())
    })?;
    Ok(BulkInput { items, digest: digest(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookup::codes;

    fn lines(input: &[u8], column: Option<&str>) -> Vec<(u64, String, Result<String, &'static str>)> {
        parse(input, column, |s| Identifier::parse(s, Some("CN")))
            .unwrap()
            .items
            .into_iter()
            .map(|it| {
                let line = it.line;
                let (input, ident) = it.into_parts();
                (line, input, ident.map(|i| i.to_string()).map_err(|(code, _)| code))
            })
            .collect()
    }

    #[test]
    fn identifier_lines_keep_their_line_numbers() {
        let got = lines(b"alice@example.com\n\n  \nnonsense\r\nacc_demobob\n", None);
        assert_eq!(
            got,
            vec![
                (1, "alice@example.com".into(), Ok("email:alice@example.com".into())),
                (4, "nonsense".into(), Err(codes::INVALID_IDENTIFIER)),
                (5, "acc_demobob".into(), Ok("id:acc_demobob".into())),
            ]
        );
    }

    #[test]
    fn a_csv_column_keeps_its_record_line_numbers() {
        let got = lines(b"name,email\nAlice,alice@example.com\nNobody,\nBob,bob@example.com\n", Some("email"));
        assert_eq!(got.iter().map(|(l, ..)| *l).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn lookup_records_name_the_account_by_id_and_keep_the_input() {
        let input = br#"{"input":"alice@example.com","account":{"id":"acc_demoalice","status":"active"}}

{"input":"nobody@example.com","error":{"code":"account_not_found","detail":"no account"}}
{"input":"x","error":{"code":"invalid_identifier","detail":"`x` is not"}}
not json
"#;
        let got = lines(input, None);
        assert_eq!(
            got,
            vec![
                (1, "alice@example.com".into(), Ok("id:acc_demoalice".into())),
                (3, "nobody@example.com".into(), Err(codes::ACCOUNT_NOT_FOUND)),
                (4, "x".into(), Err(codes::INVALID_INPUT)),
                (5, "not json".into(), Err(codes::INVALID_INPUT)),
            ]
        );
    }

    #[test]
    fn the_digest_is_of_the_bytes() {
        assert_eq!(digest(b"a\n"), digest(b"a\n"));
        assert_ne!(digest(b"a\n"), digest(b"b\n"));
        assert!(digest(b"").starts_with("sha256:e3b0c442"));
    }
}
