//! Tables: tab-separated rows (as the exports write them), rows laid out with spaces (as
//! `pdftotext -layout` writes them) and markdown pipe tables.
//!
//! A header that the PDF broke over several lines, with blank lines in between, is put together
//! again: lines below the first one whose first cell is empty and that hold no figures are header
//! lines; header lines whose filled cells do not overlap are one row broken apart.

use super::has_byte;
use super::inline::{self, escape_leading_marker, push_inline};
use crate::model::{Cell, Table};

#[derive(Debug)]
pub struct TableBuilder {
    caption: Option<String>,
    markdown: bool,
    rows: Vec<Vec<Cell>>,
    /// Pipe table: the row before the `|---|` line is the header.
    pipe_header: Option<usize>,
    pipe: bool,
}

impl TableBuilder {
    pub fn new(caption: Option<String>, markdown: bool) -> Self {
        TableBuilder { caption, markdown, rows: Vec::new(), pipe_header: None, pipe: false }
    }

    /// True if `text` starts a table: it has a tab between cells, or is a pipe table row.
    pub fn starts(text: &str) -> bool {
        has_byte(text, b'\t') || is_pipe_row(text)
    }

    /// True if `text` is a further row of this table.
    pub fn accepts(&self, text: &str) -> bool {
        if self.pipe {
            is_pipe_row(text)
        } else {
            has_byte(text, b'\t')
        }
    }

    /// A row already cut into cells (a table laid out with spaces, see [`layout_table`]).
    pub fn push_cells(&mut self, cells: &[String]) {
        let cells = cells.iter().map(|c| self.cell(c)).collect();
        self.rows.push(cells);
    }

    pub fn push(&mut self, text: &str) {
        if self.rows.is_empty() && is_pipe_row(text) {
            self.pipe = true;
        }
        if self.pipe {
            let inner = pipe_inner(text);
            if is_pipe_separator(inner) {
                self.pipe_header = Some(self.rows.len());
                return;
            }
            let cells = inner.split('|').map(|c| self.cell(c)).collect();
            self.rows.push(cells);
        } else {
            let cells = text.split('\t').map(|c| self.cell(c)).collect();
            self.rows.push(cells);
        }
    }

    fn cell(&self, raw: &str) -> Cell {
        let raw = raw.trim();
        let (inner, strong) = match inline::strip_b_tag(raw) {
            Some(inner) => (inner, true),
            None => {
                let inner = inline::strip_bold_wrapper(raw);
                (inner, inner.len() < raw.len())
            }
        };
        let mut text = String::with_capacity(inner.len());
        push_inline(&mut text, inner, self.markdown);
        escape_leading_marker(&mut text, 0);
        Cell { text, strong }
    }

    /// The finished table, or `None` if it has no content.
    pub fn finish(self) -> Option<Table> {
        let mut rows: Vec<Vec<Cell>> = self.rows.into_iter().filter(|r| r.iter().any(|c| !c.text.is_empty())).collect();
        if rows.is_empty() {
            return None;
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let header_lines = match self.pipe_header {
            Some(n) => n.min(rows.len()),
            None => header_line_count(&rows),
        };
        let data = rows.split_off(header_lines);
        let mut out: Vec<Vec<Cell>> = Vec::with_capacity(data.len() + header_lines);
        let mut last_filled: Vec<bool> = Vec::new();
        for mut row in rows {
            // The export drops the empty top-left cell of a header line: align it to the right.
            let missing = width - row.len();
            row.splice(0..0, (0..missing).map(|_| empty()));
            let filled: Vec<bool> = row.iter().map(|c| !c.text.is_empty()).collect();
            let disjoint = !out.is_empty() && filled.iter().zip(&last_filled).all(|(a, b)| !(*a && *b));
            match out.last_mut() {
                Some(prev) if disjoint => {
                    for (p, c) in prev.iter_mut().zip(row) {
                        if !c.text.is_empty() {
                            *p = c;
                        }
                    }
                    last_filled = prev.iter().map(|c| !c.text.is_empty()).collect();
                }
                _ => {
                    last_filled = filled;
                    out.push(row);
                }
            }
        }
        let header_rows = out.len();
        for mut row in data {
            row.resize_with(width, empty);
            out.push(row);
        }
        Some(Table { caption: self.caption, header_rows, rows: out })
    }
}

/// Lines longer than this are prose, never a row laid out with spaces.
const MAX_LAYOUT_ROW: usize = 300;
/// Cells longer than this (in characters) are prose that happens to contain a double space.
const MAX_LAYOUT_CELL: usize = 60;

/// True if a line may be a row of a table laid out with spaces: it has a run of two or more
/// spaces inside, or is indented (a header row whose first cell is empty). Only [`layout_table`]
/// decides, once the run of such lines is complete.
pub fn may_be_layout_row(text: &str, indent: usize) -> bool {
    text.len() <= MAX_LAYOUT_ROW
        && !has_byte(text, b'\t')
        && !is_pipe_row(text)
        && (indent >= 2 || crate::bytes::has_spaces(text.as_bytes(), 2))
}

/// Cells written as the pipe row they stand for, "| a | b |": rows of tabs, layout, HTML or
/// columns are read by the readers of pipe rows.
pub fn pipe_row<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
    format!("| {} |", cells.join(" | "))
}

/// Rows laid out with spaces, given as (indent, text), cut into columns; `None` unless they are a
/// table. A column is a stretch of character positions that some row writes in, so columns are
/// separated by positions that are blank in every row. Every run of two or more spaces in a row
/// must separate two columns, at least two rows must fill two cells, and no cell may be prose:
/// a line with an accidental double space does not line up like that.
pub fn layout_table(rows: &[(usize, &str)]) -> Option<Vec<Vec<String>>> {
    if rows.len() < 2 {
        return None;
    }
    let mut cells: Vec<Vec<LayoutCell>> = rows.iter().map(|&(indent, text)| layout_cells(text, indent)).collect();
    let widest = cells.iter().map(Vec::len).max().unwrap_or(0);
    let left = cells.iter().filter_map(|r| r.first()).map(|c| c.start).min().unwrap_or(0);
    for row in cells.iter_mut().filter(|r| r.first().is_some_and(|c| c.start == left)) {
        split_run_in_figures(row, widest);
    }
    if cells.iter().filter(|r| r.len() >= 2).count() < 2 {
        return None;
    }
    if cells.iter().flatten().any(|c| c.text.chars().count() > MAX_LAYOUT_CELL) {
        return None;
    }
    // Every row with as many cells as the widest, and figures in every row below the first: a
    // table by position, even where a long label pushed a row's figures out of line. (Prose with
    // an accidental double space has no figures in its second part.)
    let figures = |r: &Vec<LayoutCell>| r[1..].iter().any(|c| is_figure(c.text));
    let by_position = || {
        let table = cells.iter().all(|r| r.len() == widest) && cells[1..].iter().all(figures);
        table
            .then(|| cells.iter().map(|r| r.iter().map(|c| c.text.to_string()).collect::<Vec<_>>()).collect::<Vec<_>>())
    };
    by_columns(&cells).or_else(by_position)
}

/// The rows' cells placed in the columns their text occupies.
fn by_columns(cells: &[Vec<LayoutCell>]) -> Option<Vec<Vec<String>>> {
    let column_at = columns(cells);
    let width = column_at.iter().copied().flatten().max()? + 1;
    let mut out = Vec::with_capacity(cells.len());
    for row in cells {
        let mut texts = vec![String::new(); width];
        let mut last = None;
        for c in row {
            let column = column_at[c.start]?;
            if last == Some(column) {
                return None; // a run of spaces inside a column: not laid out as a table
            }
            texts[column] = c.text.to_string();
            last = Some(column);
        }
        out.push(texts);
    }
    (width >= 2).then_some(out)
}

/// A row with fewer cells than the widest row, whose label (at the table's left edge) ran into
/// the first figure with one space ("Daginstitutioner og klubber 800     750"), gets the figure
/// as a cell of its own again.
fn split_run_in_figures(row: &mut Vec<LayoutCell<'_>>, widest: usize) {
    // Only a row of figures after its label: "Pulje 2   300" with an empty cell stays as it is.
    if row.len() >= widest || row.len() < 2 || !row[1..].iter().all(|c| is_figure(c.text)) {
        return;
    }
    let cell = &row[0];
    let Some(space) = cell.text.rfind(' ') else { return };
    let figure = &cell.text[space + 1..];
    let is_figure = figure.bytes().any(|b| b.is_ascii_digit())
        && figure.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'%'));
    if !is_figure {
        return;
    }
    let width = figure.chars().count();
    let (start, end, text) = (cell.start, cell.end, cell.text);
    row[0] = LayoutCell { start, end: end - width - 1, text: text[..space].trim_end() };
    row.insert(1, LayoutCell { start: end - width, end, text: figure });
}

/// Text between runs of two or more spaces, with its first and past-the-end character column.
#[derive(Debug)]
struct LayoutCell<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The cells of one row; columns count from the start of the line, indent included.
fn layout_cells(text: &str, indent: usize) -> Vec<LayoutCell<'_>> {
    let mut cells = Vec::new();
    let mut start: Option<(usize, usize)> = None; // column and byte offset of the open cell
    let mut end = (0, 0); // column and byte offset just past its last non-space character
    let mut spaces = 0;
    for (column, (at, c)) in (indent..).zip(text.char_indices()) {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if let Some((s, b)) = start.filter(|_| spaces >= 2) {
            cells.push(LayoutCell { start: s, end: end.0, text: &text[b..end.1] });
            start = None;
        }
        start.get_or_insert((column, at));
        spaces = 0;
        end = (column + 1, at + c.len_utf8());
    }
    if let Some((s, b)) = start {
        cells.push(LayoutCell { start: s, end: end.0, text: &text[b..end.1] });
    }
    cells
}

/// For every character position, the column that covers it (`None` where every row is blank).
fn columns(rows: &[Vec<LayoutCell>]) -> Vec<Option<usize>> {
    let width = rows.iter().flatten().map(|c| c.end).max().unwrap_or(0);
    let mut used = vec![false; width];
    for c in rows.iter().flatten() {
        used[c.start..c.end].fill(true);
    }
    let mut column = None;
    let mut out = Vec::with_capacity(width);
    for (p, &u) in used.iter().enumerate() {
        if u && (p == 0 || !used[p - 1]) {
            column = Some(column.map_or(0, |c| c + 1));
        }
        out.push(column.filter(|_| u));
    }
    out
}

fn empty() -> Cell {
    Cell { text: String::new(), strong: false }
}

/// How many leading lines are header lines: the first unless it holds figures, then every line
/// with an empty first cell and no figures (a header broken over several lines).
fn header_line_count(rows: &[Vec<Cell>]) -> usize {
    let has_figures = |r: &Vec<Cell>| r.iter().skip(1).any(|c| is_figure(&c.text));
    if rows.len() < 2 || has_figures(&rows[0]) {
        return 0;
    }
    1 + rows[1..].iter().take_while(|r| r.first().is_some_and(|c| c.text.is_empty()) && !has_figures(r)).count()
}

/// A number as tables write them: "3.548.400", "1,325", "25 %", "-2,7", "0,6 mio. kr." — but not a
/// year, which is a typical column header.
pub fn is_figure(s: &str) -> bool {
    let t = s.trim();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let is_year = t.len() == 4 && digits == 4 && (t.starts_with("19") || t.starts_with("20"));
    let numeric = t.trim_end_matches(['%', ' ']).trim_end_matches("kr.").trim_end_matches("mio.").trim();
    !is_year && numeric.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b' ' | b'+'))
}

fn is_pipe_row(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 3 && t.starts_with('|') && t.ends_with('|')
}

/// The cells of a markdown pipe row as written, trimmed ("| Offentlig | Nej |" → "Offentlig",
/// "Nej"; the `|---|---|` line's are dashes), or `None` if `text` is no pipe row. The table itself
/// is read by [`TableBuilder`]; this is for what reads a row as something else (an item's fields).
pub fn pipe_cells(text: &str) -> Option<Vec<&str>> {
    is_pipe_row(text).then(|| pipe_inner(text).split('|').map(str::trim).collect())
}

/// True if `text` is the `|---|---|` line under a pipe table's header row.
pub fn is_pipe_separator_row(text: &str) -> bool {
    is_pipe_row(text) && is_pipe_separator(pipe_inner(text))
}

/// A pipe row without its outer bars.
fn pipe_inner(text: &str) -> &str {
    text.trim().trim_start_matches('|').trim_end_matches('|')
}

fn is_pipe_separator(inner: &str) -> bool {
    !inner.is_empty() && inner.bytes().all(|b| matches!(b, b'-' | b':' | b'|' | b' ')) && inner.contains('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(lines: &[&str]) -> Table {
        let mut t = TableBuilder::new(None, true);
        for l in lines {
            t.push(l);
        }
        t.finish().unwrap()
    }

    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows.iter().map(|r| r.iter().map(|c| c.text.clone()).collect()).collect()
    }

    #[test]
    fn broken_header_is_rebuilt() {
        let t = table(&[
            "Antal borgere\tÅrlige udgifter\tÅrlige udgifter\tÅrlige udgifter",
            "\t\t\tBesparelse",
            "\t\tFør indflytning\tEfter indflytning\t",
            "<b>Midlertidigt botilbud (§107)</b>\t<b>8</b>\t<b>3.548.400</b>\t<b>1.797.600</b>\t<b>1.750.800</b>",
            "Nytilkomne i SHC m.fl.\t12\t\t2.164.800\t",
        ]);
        assert_eq!(t.header_rows, 2);
        assert_eq!(
            texts(&t)[..2],
            [
                vec!["", "Antal borgere", "Årlige udgifter", "Årlige udgifter", "Årlige udgifter"],
                vec!["", "", "Før indflytning", "Efter indflytning", "Besparelse"],
            ]
        );
        assert!(t.rows[2][0].strong);
        assert_eq!(t.rows[2][0].text, "Midlertidigt botilbud (§107)");
        assert_eq!(texts(&t)[3], vec!["Nytilkomne i SHC m.fl.", "12", "", "2.164.800", ""]);
    }

    #[test]
    fn header_detection() {
        assert_eq!(table(&["System\tPriser 2012 (mio.kr.)", "KMD Aktiv\t1,5"]).header_rows, 1);
        assert_eq!(table(&["KMD Aktiv\t1,5", "KMD Sag\t1,4"]).header_rows, 0);
        assert_eq!(table(&["Mio. kr.\t2013\t2014", "Drift\t1,5\t2"]).header_rows, 1);
        let t = table(&["<b>Sag/emne</b>\t<b>Ansvarlig</b>", "Præsentation af HTKLIS\t4. december"]);
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.rows[1][1].text, "4\\. december");
    }

    /// Rows as `pdftotext -layout` writes them: (indent, text) as the line normalizer gives them.
    fn layout(lines: &[&str]) -> Option<Vec<Vec<String>>> {
        let rows: Vec<(usize, &str)> = lines.iter().map(|l| (l.len() - l.trim_start().len(), l.trim())).collect();
        layout_table(&rows)
    }

    #[test]
    fn tables_laid_out_with_spaces() {
        let row = |a: &str, b: &str, c: &str| format!("{a:<25}{b:>13}{c:>10}");
        let lines = [
            row("", "Budget 2017", "Forbrug"),
            row("Administration", "185.300", "42.125"),
            row("Tværgående udgifter i alt", "-3.200", "-850"),
        ];
        let t = layout(&lines.iter().map(String::as_str).collect::<Vec<_>>()).unwrap();
        assert_eq!(t[0], ["", "Budget 2017", "Forbrug"]);
        assert_eq!(t[2], ["Tværgående udgifter i alt", "-3.200", "-850"]);
        let t = layout(&["Anlæg   4.500", "Drift   1.200"]).unwrap();
        assert_eq!(t, [["Anlæg", "4.500"], ["Drift", "1.200"]]);
        // Regression: one long label ran into its first figure, and the table became a paragraph.
        let t = layout(&[
            "Område                 2016        2017",
            "Skoler              1.200,5     1.300,0",
            "Daginstitutioner og klubber 800     750",
            "I alt               2.000,5     2.050,0",
        ])
        .unwrap();
        assert_eq!(t[2], ["Daginstitutioner og klubber", "800", "750"]);
        assert_eq!(t[3], ["I alt", "2.000,5", "2.050,0"]);
    }

    #[test]
    fn prose_with_double_spaces_is_no_table() {
        // One line only; runs of spaces that do not line up; a run inside a column.
        assert_eq!(layout(&["Direktionen godkendte  forslaget."]), None);
        assert_eq!(layout(&["Direktionen godkendte  forslaget og bad", "om en  opgørelse til næste møde."]), None);
        assert_eq!(layout(&["Løn  i alt   100", "Drift og vedligehold   200"]), None);
        assert_eq!(layout(&["  fortsat tekst i en liste", "  og mere tekst"]), None);
        let long = "Byrådet godkendte i december 2016, at der skal igangsættes et langsigtet udviklingsarbejde";
        assert_eq!(layout(&[&format!("{long}  x"), &format!("{long}  y")]), None);
    }

    #[test]
    fn pipe_tables() {
        let mut t = TableBuilder::new(None, true);
        assert!(TableBuilder::starts("| a | b |"));
        for l in ["| a | b |", "|---|:-:|", "| 1 | 2 |"] {
            assert!(t.rows.is_empty() || t.accepts(l));
            t.push(l);
        }
        let t = t.finish().unwrap();
        assert_eq!(t.header_rows, 1);
        assert_eq!(texts(&t), vec![vec!["a", "b"], vec!["1", "2"]]);
    }
}
