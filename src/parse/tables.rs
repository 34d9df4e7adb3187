//! Tables: tab-separated rows (as the exports write them) and markdown pipe tables.
//!
//! A header that the PDF broke over several lines, with blank lines in between, is put together
//! again: lines below the first one whose first cell is empty and that hold no figures are header
//! lines; header lines whose filled cells do not overlap are one row broken apart.

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
        text.contains('\t') || is_pipe_row(text)
    }

    /// True if `text` is a further row of this table.
    pub fn accepts(&self, text: &str) -> bool {
        if self.pipe {
            is_pipe_row(text)
        } else {
            text.contains('\t')
        }
    }

    pub fn push(&mut self, text: &str) {
        if self.rows.is_empty() && is_pipe_row(text) {
            self.pipe = true;
        }
        if self.pipe {
            let inner = text.trim().trim_start_matches('|').trim_end_matches('|');
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
fn is_figure(s: &str) -> bool {
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
