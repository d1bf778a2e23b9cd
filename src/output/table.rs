//! comfy-table rendering: rows for many records, a card for one.
//! Every cell is sanitised here, whatever the record put in it.

use comfy_table::{ContentArrangement, Table, presets};

use super::record::{Field, Record};
use super::sanitize::for_terminal;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// Rows without rules, as `gh` and `kubectl` print lists: columns two spaces
/// apart, each cell on one line. When the rows are wider than `width`, the
/// widest columns give way first and their cells end in `…`; a column never
/// shrinks below [`MIN_COLUMN`] characters (narrower still and the lines run
/// long rather than show nothing).
pub fn rows<R: Record>(fields: &[&'static Field<R>], records: &[R], width: u16) -> String {
    let header: Vec<String> = fields.iter().map(|f| f.name.replace('_', " ").to_uppercase()).collect();
    let body: Vec<Vec<String>> =
        records.iter().map(|record| fields.iter().map(|f| one_line(&(f.get)(record).to_display())).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &body {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    // Columns whose cells all have one width (times, IDs) are cut last:
    // half a timestamp says nothing, half a sentence still does.
    let fixed: Vec<bool> = (0..widths.len())
        .map(|i| body.len() > 1 && body.iter().all(|row| row[i].width() == body[0][i].width()))
        .collect();
    fit(&mut widths, &fixed, usize::from(width));
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&body) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str(GAP);
            }
            let cell = truncate(cell, *w);
            let pad = w.saturating_sub(cell.width());
            line.push_str(&cell);
            line.extend(std::iter::repeat_n(' ', pad));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.pop();
    out
}

const GAP: &str = "  ";
/// The narrowest a column is cut to.
pub const MIN_COLUMN: usize = 6;

/// A cell's text for a row: sanitised, lists joined with `, `.
fn one_line(display: &str) -> String {
    for_terminal(&display.split('\n').collect::<Vec<_>>().join(", ")).into_owned()
}

/// Narrows the widest column, one character at a time, until the row fits;
/// `fixed` columns only once the others are as narrow as they go.
fn fit(widths: &mut [usize], fixed: &[bool], width: usize) {
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP.len() * w.len().saturating_sub(1);
    for spare_fixed in [true, false] {
        while total(widths) > width {
            let Some((i, _)) = widths
                .iter()
                .enumerate()
                .filter(|(i, w)| **w > MIN_COLUMN && !(spare_fixed && fixed.get(*i).copied().unwrap_or(false)))
                .max_by_key(|(i, w)| (**w, usize::MAX - i))
            else {
                break;
            };
            widths[i] -= 1;
        }
    }
}

/// `text` cut to `width` columns, ending in `…` when anything was cut.
fn truncate(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return text.into();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out.into()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widest_columns_give_way_first() {
        let mut widths = vec![5, 30, 20];
        fit(&mut widths, &[false; 3], 45);
        assert_eq!(widths, vec![5, 18, 18]);
        let mut times = vec![16, 30, 20];
        fit(&mut times, &[true, false, false], 50);
        assert_eq!(times, vec![16, 15, 15]);
        let mut narrow = vec![10, 10];
        fit(&mut narrow, &[false; 2], 5);
        assert_eq!(narrow, vec![MIN_COLUMN, MIN_COLUMN]);
        assert_eq!(truncate("a***@example.com", 10), "a***@exam…");
        assert_eq!(truncate("j***@bücher.de", 14), "j***@bücher.de");
        assert_eq!(truncate("数数数数", 5), "数数…");
    }
}
