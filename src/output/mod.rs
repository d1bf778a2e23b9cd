//! Records to stdout in the format asked for.
//!
//! A command hands [`RecordWriter`] records one at a time; the writer knows
//! the format (`table`, `json`, `ndjson`, `csv`, `tsv`), the `--fields`
//! selection and the `--jq` filter. Streaming formats write as records come;
//! `table` buffers at most [`TABLE_CHUNK`] rows. Untrusted text is sanitised
//! in every terminal-bound format ([`sanitize`]); JSON escapes C0 control
//! characters by itself, and the rest when stdout is a terminal
//! ([`terminal_json`]).

pub mod jq;
pub mod json_text;
pub mod record;
pub mod sanitize;
mod table;
pub mod terminal_json;

use std::io::{BufWriter, StdoutLock, Write};

use serde_json::Value;

use crate::error::CliError;
use crate::ui::Ui;
pub use record::{Cell, Field, Record};

/// Rows per table when a long stream is printed as tables.
pub const TABLE_CHUNK: usize = 500;

/// `--output`: how records are written to stdout. (Its clap face, names and
/// help, is in `cli`, so this layer stays clap-free.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Json,
    Ndjson,
    Csv,
    Tsv,
}

/// What to print, resolved: the format, the `--fields` chosen and the `--jq` filter.
#[derive(Debug, Clone)]
pub struct OutputSettings {
    pub format: OutputFormat,
    pub fields: Option<Vec<String>>,
    pub jq: Option<String>,
}

/// Whether a command prints one record (an object in `-o json`) or many (an array).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    One,
    Many,
}

type Stdout = BufWriter<StdoutLock<'static>>;

/// Where records go and in what form: the format and its sink are one value,
/// so each format's writer holds exactly what it needs.
enum Target<R> {
    /// `--jq`: each record's JSON through the filter; text answers sanitised on a terminal.
    Jq {
        out: Stdout,
        filter: jq::JqFilter,
        stdout_terminal: bool,
    },
    Ndjson {
        out: Stdout,
    },
    Json {
        out: Stdout,
        shape: Shape,
    },
    Delimited {
        out: Box<csv::Writer<Stdout>>,
        header_written: bool,
    },
    /// Rows buffered up to [`TABLE_CHUNK`]; a single record becomes a card.
    Table {
        out: Stdout,
        pending: Vec<R>,
        width: u16,
    },
}

/// The flat fields a record is written with, and whether `--fields` chose them.
struct Selection<R: 'static> {
    fields: Vec<&'static Field<R>>,
    chosen: bool,
    /// JSON text then spells C1 and bidi controls as escapes ([`terminal_json`]).
    stdout_terminal: bool,
}

pub struct RecordWriter<R: Record> {
    target: Target<R>,
    select: Selection<R>,
    count: u64,
}

impl<R: Record + Clone> RecordWriter<R> {
    pub fn new(settings: &OutputSettings, shape: Shape, ui: &Ui) -> Result<Self, CliError> {
        let chosen = settings.fields.is_some();
        let fields = match &settings.fields {
            Some(names) => select_fields::<R>(names)?,
            None => {
                let defaults: &[&str] = match settings.format {
                    OutputFormat::Table => R::table_fields(),
                    _ => &[],
                };
                if defaults.is_empty() {
                    R::fields().iter().collect()
                } else {
                    select_fields::<R>(&defaults.iter().map(|s| s.to_string()).collect::<Vec<_>>())?
                }
            }
        };
        let out = ui.stdout();
        let target = match (settings.jq.as_deref(), settings.format) {
            (Some(expr), _) => {
                Target::Jq { out, filter: jq::JqFilter::compile(expr)?, stdout_terminal: ui.stdout_is_terminal() }
            }
            (None, OutputFormat::Ndjson) => Target::Ndjson { out },
            (None, OutputFormat::Json) => Target::Json { out, shape },
            (None, format @ (OutputFormat::Csv | OutputFormat::Tsv)) => {
                let tsv = format == OutputFormat::Tsv;
                let writer = csv::WriterBuilder::new()
                    .delimiter(if tsv { b'\t' } else { b',' })
                    .quote_style(if tsv { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary })
                    .from_writer(out);
                Target::Delimited { out: Box::new(writer), header_written: false }
            }
            (None, OutputFormat::Table) => Target::Table { out, pending: Vec::new(), width: table::width() },
        };
        let stdout_terminal = ui.stdout_is_terminal();
        Ok(RecordWriter { target, select: Selection { fields, chosen, stdout_terminal }, count: 0 })
    }

    /// Whether each record is written whole, as one compact JSON line (NDJSON
    /// without `--fields` or `--jq`). Then a record may carry JSON text from
    /// the service that is passed on as it came, not decoded and re-encoded.
    pub fn writes_whole_json_lines(&self) -> bool {
        matches!(self.target, Target::Ndjson { .. }) && !self.select.chosen
    }

    pub fn write(&mut self, record: &R) -> Result<(), CliError> {
        self.count += 1;
        let first = self.count == 1;
        let select = &self.select;
        match &mut self.target {
            Target::Jq { out, filter, stdout_terminal } => {
                let value = select.json_of(record)?;
                let outputs = filter.run(value).map_err(|e| CliError::usage(format!("`--jq` failed: {e}")))?;
                for o in outputs {
                    match o {
                        jq::JqOutput::Text(s) if *stdout_terminal => writeln!(out, "{}", sanitize::for_terminal(&s))?,
                        jq::JqOutput::Json(s) if *stdout_terminal => {
                            writeln!(out, "{}", terminal_json::escape_invisible(&s))?
                        }
                        jq::JqOutput::Text(s) | jq::JqOutput::Json(s) => writeln!(out, "{s}")?,
                    }
                }
            }
            Target::Ndjson { out } if !select.chosen && !select.stdout_terminal => {
                // The hot path of `lookup -`: straight from the record, no JSON tree.
                record.write_json_line(&mut *out).map_err(io_of_json)?;
                out.write_all(b"\n")?;
            }
            Target::Ndjson { out } => writeln!(out, "{}", select.json_text(record, false)?)?,
            Target::Json { out, shape: Shape::One } => writeln!(out, "{}", select.json_text(record, true)?)?,
            Target::Json { out, shape: Shape::Many } => {
                let text = select.json_text(record, true)?;
                out.write_all(if first { b"[\n" } else { b",\n" })?;
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    write!(out, "  {line}")?;
                }
            }
            Target::Delimited { out, header_written } => {
                if !*header_written {
                    out.write_record(select.fields.iter().map(|f| f.name)).map_err(io_of_csv)?;
                    *header_written = true;
                }
                let cells: Vec<String> =
                    select.fields.iter().map(|f| sanitize::csv_cell(&(f.get)(record).to_text()).into_owned()).collect();
                out.write_record(&cells).map_err(io_of_csv)?;
            }
            Target::Table { pending, .. } => {
                pending.push(record.clone());
                if pending.len() >= TABLE_CHUNK {
                    self.flush_table(false)?;
                }
            }
        }
        Ok(())
    }

    fn flush_table(&mut self, last: bool) -> Result<(), CliError> {
        let Target::Table { out, pending, width } = &mut self.target else { return Ok(()) };
        if pending.is_empty() {
            return Ok(());
        }
        let rendered = if last && self.count == 1 && !self.select.chosen && R::card_for_one() {
            table::card(&pending[0].card(), *width)
        } else {
            table::rows(&self.select.fields, pending, *width)
        };
        pending.clear();
        writeln!(out, "{rendered}")?;
        Ok(())
    }

    /// Pushes what is written so far to the reader (after each batch when streaming).
    pub fn flush(&mut self) -> Result<(), CliError> {
        match &mut self.target {
            Target::Delimited { out, .. } => out.flush()?,
            Target::Jq { out, .. } | Target::Ndjson { out } | Target::Json { out, .. } | Target::Table { out, .. } => {
                out.flush()?
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<u64, CliError> {
        match &mut self.target {
            Target::Table { .. } => self.flush_table(true)?,
            Target::Json { out, shape: Shape::Many } => {
                out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
            }
            Target::Delimited { out, header_written: false } => {
                out.write_record(self.select.fields.iter().map(|f| f.name)).map_err(io_of_csv)?;
            }
            _ => {}
        }
        self.flush()?;
        Ok(self.count)
    }
}

impl<R: Record> Selection<R> {
    /// The record as JSON: the full record, or only the chosen `--fields`.
    fn json_of(&self, record: &R) -> Result<Value, CliError> {
        if self.chosen {
            let map = self.fields.iter().map(|f| (f.name.to_owned(), (f.get)(record).to_json())).collect();
            Ok(Value::Object(map))
        } else {
            serde_json::to_value(record).map_err(CliError::unexpected)
        }
    }

    /// The record as JSON text, members in record order (or `--fields` order).
    /// On a terminal, with C1 and bidi controls escaped ([`terminal_json`]).
    fn json_text(&self, record: &R, pretty: bool) -> Result<String, CliError> {
        let text = if self.chosen {
            let ordered = Ordered(self.fields.iter().map(|f| (f.name, (f.get)(record).to_json())).collect());
            if pretty { serde_json::to_string_pretty(&ordered) } else { serde_json::to_string(&ordered) }
        } else if pretty {
            serde_json::to_string_pretty(record)
        } else {
            serde_json::to_string(record)
        };
        let text = text.map_err(CliError::unexpected)?;
        Ok(if self.stdout_terminal { terminal_json::escape_invisible(&text).into_owned() } else { text })
    }
}

/// `--fields` members in the order asked for (serde_json's map sorts its keys).
struct Ordered(Vec<(&'static str, Value)>);

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn select_fields<R: Record>(names: &[String]) -> Result<Vec<&'static Field<R>>, CliError> {
    let all = R::fields();
    let list = || all.iter().map(|f| format!("  {:<22} {}", f.name, f.help)).collect::<Vec<_>>().join("\n");
    if names.iter().any(|n| n == "help") {
        return Err(CliError::usage(format!("the fields are:\n{}", list())));
    }
    names
        .iter()
        .filter(|n| !n.is_empty())
        .map(|name| {
            all.iter().find(|f| f.name == name).ok_or_else(|| {
                CliError::usage(format!("`{name}` is not a field here"))
                    .with_hint(format!("the fields are:\n{}", list()))
            })
        })
        .collect()
}

fn io_of_json(e: serde_json::Error) -> CliError {
    match e.io_error_kind() {
        Some(kind) => CliError::from(std::io::Error::from(kind)),
        None => CliError::unexpected(e),
    }
}

fn io_of_csv(e: csv::Error) -> CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => CliError::from(io),
        other => CliError::unexpected(anyhow::anyhow!("{other:?}")),
    }
}
