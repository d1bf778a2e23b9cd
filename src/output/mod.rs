//! Records to stdout in the format asked for.
//!
//! A command hands [`RecordWriter`] records one at a time; the writer knows
//! the format (`table`, `json`, `ndjson`, `csv`, `tsv`), the `--fields`
//! selection and the `--jq` filter. Streaming formats write as records come;
//! `table` buffers at most [`TABLE_CHUNK`] rows. Untrusted text is sanitised
//! in every terminal-bound format ([`sanitize`]); JSON escapes control
//! characters by itself.

pub mod jq;
pub mod record;
pub mod sanitize;
mod table;

use std::io::{BufWriter, StdoutLock, Write};

use serde_json::Value;

use crate::cli::OutputFormat;
use crate::error::CliError;
use crate::printer::Printer;
use crate::settings::OutputSettings;
pub use record::{Cell, Field, Record};

/// Rows per table when a long stream is printed as tables.
pub const TABLE_CHUNK: usize = 500;

/// Whether a command prints one record (an object in `-o json`) or many (an array).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    One,
    Many,
}

enum Sink {
    Plain(BufWriter<StdoutLock<'static>>),
    Csv(Box<csv::Writer<BufWriter<StdoutLock<'static>>>>),
}

pub struct RecordWriter<R: Record> {
    format: OutputFormat,
    shape: Shape,
    fields: Vec<&'static Field<R>>,
    fields_chosen: bool,
    jq: Option<jq::JqFilter>,
    sink: Sink,
    stdout_terminal: bool,
    table_width: u16,
    count: u64,
    pending: Vec<R>,
    header_written: bool,
}

impl<R: Record + Clone> RecordWriter<R> {
    pub fn new(settings: &OutputSettings, shape: Shape, printer: &Printer) -> Result<Self, CliError> {
        let fields_chosen = settings.fields.is_some();
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
        let jq = settings.jq.as_deref().map(jq::JqFilter::compile).transpose()?;
        let out = printer.stdout();
        let sink = match settings.format {
            OutputFormat::Csv | OutputFormat::Tsv if jq.is_none() => {
                let tsv = settings.format == OutputFormat::Tsv;
                Sink::Csv(Box::new(
                    csv::WriterBuilder::new()
                        .delimiter(if tsv { b'\t' } else { b',' })
                        .quote_style(if tsv { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary })
                        .from_writer(out),
                ))
            }
            _ => Sink::Plain(out),
        };
        Ok(RecordWriter {
            format: settings.format,
            shape,
            fields,
            fields_chosen,
            jq,
            sink,
            stdout_terminal: printer.stdout_is_terminal(),
            table_width: table::width(),
            count: 0,
            pending: Vec::new(),
            header_written: false,
        })
    }

    /// Whether each record is written whole, as one compact JSON line (NDJSON
    /// without `--fields` or `--jq`). Then a record may carry JSON text from
    /// the service that is passed on as it came, not decoded and re-encoded.
    pub fn writes_whole_json_lines(&self) -> bool {
        self.format == OutputFormat::Ndjson && !self.fields_chosen && self.jq.is_none()
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The record as JSON: the full record, or only the chosen `--fields`.
    fn json_of(&self, record: &R) -> Result<Value, CliError> {
        if self.fields_chosen {
            let map = self.fields.iter().map(|f| (f.name.to_owned(), (f.get)(record).to_json())).collect();
            Ok(Value::Object(map))
        } else {
            serde_json::to_value(record).map_err(CliError::unexpected)
        }
    }

    /// The record as JSON text, members in record order (or `--fields` order).
    fn json_text(&self, record: &R, pretty: bool) -> Result<String, CliError> {
        let text = if self.fields_chosen {
            let ordered = Ordered(self.fields.iter().map(|f| (f.name, (f.get)(record).to_json())).collect());
            if pretty { serde_json::to_string_pretty(&ordered) } else { serde_json::to_string(&ordered) }
        } else if pretty {
            serde_json::to_string_pretty(record)
        } else {
            serde_json::to_string(record)
        };
        text.map_err(CliError::unexpected)
    }

    pub fn write(&mut self, record: &R) -> Result<(), CliError> {
        self.count += 1;
        if let Some(filter) = &self.jq {
            let value = self.json_of(record)?;
            let outputs = filter.run(value).map_err(|e| CliError::usage(format!("`--jq` failed: {e}")))?;
            let Sink::Plain(out) = &mut self.sink else { unreachable!("jq output always goes to a plain sink") };
            for o in outputs {
                match o {
                    jq::JqOutput::Text(s) if self.stdout_terminal => writeln!(out, "{}", sanitize::for_terminal(&s))?,
                    jq::JqOutput::Text(s) | jq::JqOutput::Json(s) => writeln!(out, "{s}")?,
                }
            }
            return Ok(());
        }
        match self.format {
            OutputFormat::Ndjson if self.writes_whole_json_lines() => {
                // The hot path of `lookup -`: straight from the record, no JSON tree.
                let Sink::Plain(out) = &mut self.sink else { unreachable!() };
                serde_json::to_writer(&mut *out, record).map_err(io_of_json)?;
                out.write_all(b"\n")?;
            }
            OutputFormat::Ndjson => {
                let text = self.json_text(record, false)?;
                let Sink::Plain(out) = &mut self.sink else { unreachable!() };
                writeln!(out, "{text}")?;
            }
            OutputFormat::Json => {
                let text = self.json_text(record, true)?;
                let (shape, first) = (self.shape, self.count == 1);
                let Sink::Plain(out) = &mut self.sink else { unreachable!() };
                match shape {
                    Shape::One => writeln!(out, "{text}")?,
                    Shape::Many => {
                        out.write_all(if first { b"[\n" } else { b",\n" })?;
                        for (i, line) in text.lines().enumerate() {
                            if i > 0 {
                                out.write_all(b"\n")?;
                            }
                            write!(out, "  {line}")?;
                        }
                    }
                }
            }
            OutputFormat::Csv | OutputFormat::Tsv => {
                let Sink::Csv(w) = &mut self.sink else { unreachable!() };
                if !self.header_written {
                    w.write_record(self.fields.iter().map(|f| f.name)).map_err(io_of_csv)?;
                    self.header_written = true;
                }
                let cells: Vec<String> =
                    self.fields.iter().map(|f| sanitize::csv_cell(&(f.get)(record).to_text()).into_owned()).collect();
                w.write_record(&cells).map_err(io_of_csv)?;
            }
            OutputFormat::Table => {
                self.pending.push(record.clone());
                if self.pending.len() >= TABLE_CHUNK {
                    self.flush_table(false)?;
                }
            }
        }
        Ok(())
    }

    fn flush_table(&mut self, last: bool) -> Result<(), CliError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let rendered = if last && self.count == 1 && !self.fields_chosen {
            table::card(&self.pending[0].card(), self.table_width)
        } else {
            table::rows(&self.fields, &self.pending, self.table_width)
        };
        self.pending.clear();
        let Sink::Plain(out) = &mut self.sink else { unreachable!() };
        writeln!(out, "{rendered}")?;
        Ok(())
    }

    /// Pushes what is written so far to the reader (after each batch when streaming).
    pub fn flush(&mut self) -> Result<(), CliError> {
        match &mut self.sink {
            Sink::Plain(out) => out.flush()?,
            Sink::Csv(w) => w.flush()?,
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<u64, CliError> {
        if self.jq.is_none() {
            match self.format {
                OutputFormat::Table => self.flush_table(true)?,
                OutputFormat::Json if self.shape == Shape::Many => {
                    let Sink::Plain(out) = &mut self.sink else { unreachable!() };
                    out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
                OutputFormat::Csv | OutputFormat::Tsv if !self.header_written => {
                    let Sink::Csv(w) = &mut self.sink else { unreachable!() };
                    w.write_record(self.fields.iter().map(|f| f.name)).map_err(io_of_csv)?;
                }
                _ => {}
            }
        }
        self.flush()?;
        Ok(self.count)
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
