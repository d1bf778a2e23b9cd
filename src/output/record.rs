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
