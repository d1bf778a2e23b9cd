//! comfy-table rendering: rows for many records, a card for one.
//! Every cell is sanitised here, whatever the record put in it.

use comfy_table::{ContentArrangement, Table, presets};

use super::record::{Field, Record};
use super::sanitize::for_terminal;

/// The width to lay tables out in: `COLUMNS`, else the terminal's, else 100.
pub fn width() -> u16 {
    if let Some(c) =
        crate::env::var(crate::env::EnvVars::COLUMNS).and_then(|c| c.parse::<u16>().ok()).filter(|c| *c >= 20)
    {
        return c;
    }
    terminal_size::terminal_size_of(std::io::stdout()).map_or(100, |(w, _)| w.0.max(20))
}

fn new_table(width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table
}

/// Rows without vertical rules, as `gh` and `kubectl` print lists: more room
/// for the text in a narrow terminal.
pub fn rows<R: Record>(fields: &[&'static Field<R>], records: &[R], width: u16) -> String {
    let mut table = new_table(width);
    table.load_style(presets::NOTHING);
    table.set_header(fields.iter().map(|f| f.name.replace('_', " ").to_uppercase()));
    for record in records {
        table.add_row(fields.iter().map(|f| for_terminal(&(f.get)(record).to_display()).into_owned()));
    }
    table.to_string()
}

pub fn card(lines: &[(String, String)], width: u16) -> String {
    let mut table = new_table(width);
    for (key, value) in lines {
        // Lists are one item a line: sanitise each line, keep the breaks.
        let value = value.split('\n').map(|l| for_terminal(l).into_owned()).collect::<Vec<_>>().join("\n");
        table.add_row([for_terminal(key).into_owned(), value]);
    }
    table.to_string()
}
