//! Tables in an item's text: a record of fields written by columns, and a table of other cases
//! with their status, whose "Nej" is theirs and not the item's.

use super::html::{has_tag, HTML_TABLE_LINES, TABLE_TAGS};
use super::public::{public_answer, public_field, public_no_row, Own};
use super::{field_text, fields, is_field, label_value};
use crate::case::CaseNumber;
use crate::mention::Mention;
use crate::parse::closed::{closing_line, field_says_closed};
use crate::parse::has_byte;
use crate::parse::inline::to_plain;
use crate::parse::items::case_in;
use crate::parse::normalize::{Kind, Line};
use crate::parse::tables::{is_pipe_separator_row, pipe_cells, pipe_row};
use std::borrow::Cow;

/// A table of one record written by columns, its header row naming the fields above (a separator
/// and) the one row answering them ("| Sagsnr. | Offentlig |" / "|---|---|" / "| 16/1234 | Nej |"),
/// as the fields it holds ("Sagsnr.: 16/1234", "Offentlig: Nej"). Only if every column is a field
/// that describes an item ([`is_field`]): a table of more rows, or with a column of anything else
/// ("| Nr. | Titel | Offentlig |", "| Bilag | Fortrolig |", "| Vej | Lukket |", "| Dag | Åben |"),
/// lists other things than its own item, which may be open.
pub(super) fn column_fields(rows: &[&str]) -> Vec<String> {
    match column_pairs(rows) {
        Some(fields) if fields.iter().all(|f| is_field(f)) => fields,
        _ => Vec::new(),
    }
}

/// A table of one record by columns read as "Label: answer" pairs, whatever its columns are (see
/// [`column_fields`]).
fn column_pairs(rows: &[&str]) -> Option<Vec<String>> {
    match &mut column_records(rows)[..] {
        [one] => one.take(),
        _ => None,
    }
}

/// A table by columns read as records, each row under the header row as "Label: answer" pairs
/// (`None` for a row of another width than the header's).
fn column_records(rows: &[&str]) -> Vec<Option<Vec<String>>> {
    let cells: Option<Vec<Vec<&str>>> =
        rows.iter().filter(|r| !is_pipe_separator_row(r)).map(|r| pipe_cells(r)).collect();
    // Neither a row of empty cells (a spacer) nor a note of one cell across the table ("Sagen
    // behandles for lukkede døre") is a record.
    // Above the header, a title ("Sagsoplysninger") is one too.
    let cells = cells.map(|rows| {
        let wide = rows.iter().any(|r| r.len() > 1);
        rows.into_iter().filter(|r| !(r.iter().all(|c| c.is_empty()) || r.len() == 1 && wide)).collect::<Vec<_>>()
    });
    let Some([header, rows @ ..]) = cells.as_deref() else { return Vec::new() };
    let record = |answers: &Vec<&str>| {
        let pairs = header.iter().zip(answers).filter(|(h, a)| !h.is_empty() && !a.is_empty());
        let fields = pairs.map(|(h, a)| format!("{}: {a}", column_label(h))).collect();
        (header.len() == answers.len()).then_some(fields)
    };
    rows.iter().map(record).collect()
}

/// True if `rows` are a table by columns with a record that names `own`, the item's case number,
/// as its case (also among others: "24/1003, 24/1001") and says that it is not public, whatever
/// else its columns or other records hold ("| Sagsnr. | Emne | Offentlig |" / "| 24/1001 |
/// Personalesag | Nej |" in item 24/1001's text): such a record is the item's, as is one with an
/// empty case column. Without a case column, a column of anything else may make it another
/// thing's record ("| Bilag | Offentlig |").
/// A record whose subject column names the item's title is the item's too ("Emne<tab>Offentlig" /
/// "Køb af ejendom<tab>Nej"; review 11).
pub(super) fn own_record(rows: &[&str], own: Own<'_>) -> bool {
    if own.cases.is_empty() && own.title.is_empty() {
        return false;
    }
    // The subject as the title, or one of them the other's start set off by a sign ("Køb af ejendom,
    // Nørregade 5" of "Køb af ejendom", and the other way; review 13), not by a space ("Eventuelt
    // spørgsmål om parkering" is no record of "Eventuelt"; review 14).
    let title = to_plain(own.title).trim().to_lowercase();
    let titled = |f: &String| {
        let plain = |t: &str| to_plain(t).trim().to_lowercase();
        f.split_once(':').is_some_and(|(l, v)| {
            let v = plain(v);
            let (short, long) = if v.len() < title.len() { (&v, &title) } else { (&title, &v) };
            matches!(plain(l).as_str(), "emne" | "titel" | "overskrift" | "sag" | "punkt")
                && short.chars().count() >= 8
                && long.starts_with(short.as_str())
                && long[short.len()..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, ',' | '-' | '–' | ':' | '('))
        })
    };
    let closes = |f: &String| public_answer(f) == Some((true, true)) || field_says_closed(f);
    let own = own.cases;
    let sag = |f: &&String| is_case_label(f);
    let records = column_records(rows);
    if records.iter().flatten().any(|pairs| pairs.iter().any(titled) && pairs.iter().any(closes)) {
        return true;
    }
    // A record with nothing in the case column of a table that has one may be the item's too.
    let case_column = records.iter().flatten().any(|pairs| pairs.iter().any(|f| sag(&f)));
    let names_own = |f: &String| {
        let mut found = false;
        crate::mention::each_mention(f, |_, m| found |= matches!(m, Mention::Case(c) if own.contains(&c)));
        found
    };
    records.iter().flatten().any(|pairs| {
        let mut cases = pairs.iter().filter(sag).peekable();
        let own_or_none = if cases.peek().is_none() { case_column } else { cases.any(names_own) };
        own_or_none && pairs.iter().any(|f| public_answer(f) == Some((true, true)))
    })
}

/// A field labelled as the case number: "Sagsnr.: 24/1002", "Sag: …".
pub(super) fn is_case_label(field: &str) -> bool {
    field.split_once(':').is_some_and(|(l, _)| to_plain(l).to_lowercase().starts_with("sag"))
}

/// True for a line of a table: a pipe row (in any bars [`field_text`] reads), a box-drawn border
/// ("┌───┬───┐"), or a line of an HTML table, a tag or a cell ("<tr>", "<td>Nej</td>").
pub(super) fn table_line(l: &Line) -> bool {
    let border = || {
        let t = l.text.trim();
        !t.is_empty() && t.chars().all(|c| ('\u{2500}'..='\u{257f}').contains(&c) || c == ' ')
    };
    l.kind == Kind::Text && (has_tag(l.text, &TABLE_TAGS) || border() || pipe_cells(&field_text(l.text)).is_some())
}

/// The first line of the table that ends at `lines[j]` (from `lines[from]` on): the line with its
/// `<table>` tag if `lines[j]` has its `</table>`, else the first of the table lines right above.
pub(in crate::parse) fn table_ending_at(lines: &[Line], from: usize, j: usize) -> usize {
    let back = |n: usize| j.saturating_sub(n).max(from);
    if has_tag(lines[j].text, &["/table"]) {
        if let Some(k) = (back(HTML_TABLE_LINES)..j).rev().find(|&k| has_tag(lines[k].text, &["table"])) {
            return k;
        }
    }
    let rows = lines[back(HTML_TABLE_LINES)..=j].iter().rev().take_while(|l| table_line(l)).count();
    j + 1 - rows.max(1)
}

/// The case numbers in the cells of the table `lines` ("| 24/1002 | Nej |").
/// Only a field labelled as the case number counts ("Sagsnr.: 24/1002", a column "Sagsnr."), not a
/// document number or any other number in a cell.
pub(in crate::parse) fn table_cases(lines: &[Line]) -> Vec<CaseNumber> {
    let joined: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    let sep = if has_byte(joined.first().copied().unwrap_or(""), b'<') { " " } else { "\n" };
    let text = field_text(&joined.join(sep)).into_owned();
    let rows: Vec<&str> = text.lines().collect();
    let mut found: Vec<String> = rows.iter().flat_map(|r| fields(r)).map(Cow::into_owned).collect();
    found.extend(column_fields(&rows));
    let labelled = |f: &&String| is_case_label(f);
    found.iter().filter(labelled).filter_map(|f| case_in(f)).collect()
}

/// The tables of cases with their status in an item's text, each read once however many of its
/// rows close the item (a table of thousands of rows was read once for each of them).
#[derive(Default)]
pub(in crate::parse) struct OtherCases {
    /// The lines of the table read last, and whether it lists other cases.
    run: std::ops::Range<usize>,
    lists: bool,
}

impl OtherCases {
    /// True if lines `k..=end` of `body`, which say an item is not public, lie in a table that lists
    /// other cases than `own`, the item's, with their status (see [`lists_other_cases`]).
    pub(in crate::parse) fn exempt(&mut self, body: &[Line], k: usize, end: usize, own: &[CaseNumber]) -> bool {
        if own.is_empty() || !table_line(&body[k]) {
            return false;
        }
        if !self.run.contains(&k) {
            let from = k - body[..k].iter().rev().take_while(|l| table_line(l)).count();
            let to = k + body[k..].iter().take_while(|l| table_line(l)).count();
            self.lists = lists_other_cases(&body[from..to], own);
            self.run = from..to;
        }
        self.lists && end < self.run.end
    }
}

/// True if `lines`, a table read whole, lists other cases than `own` (the item's) with their
/// status, one record a row ("| 24/1003 | Offentlig | Nej |" / "| 24/1004 | Offentlig | Ja |", or
/// "| Sagsnr. | Offentlig |" over "| 24/1003 | Nej |" / "| 24/1004 | Ja |"): it names two cases or
/// more, says of one that it is public, and every record that says "not public" names only other
/// cases than the item's.
///
/// Only the plainest writing is read so, and anything else closes the item, as it would without
/// this: three reviews found a closing row hidden from a looser reading (a list of cases in one
/// cell, text outside an HTML table's cells, an entity that became a tag or a comment). So: pipe
/// rows only, as written (no HTML, entity, escape, quote, fullwidth or box-drawn bar: other readers
/// read those, see [`field_text`]); every cell a case number alone (bare or after "Sagsnr.:"), a
/// status word or a status field, so any other number makes the table unread; short-form case
/// numbers only (a KLE number beside a short one may be the same case's in another system); at
/// most [`HTML_TABLE_LINES`] lines.
fn lists_other_cases(lines: &[Line], own: &[CaseNumber]) -> bool {
    if lines.len() > HTML_TABLE_LINES || !own.iter().any(CaseNumber::is_short) {
        return false;
    }
    let mut rows: Vec<Vec<&str>> = Vec::new();
    for l in lines {
        let t = l.text.trim();
        if t.contains(['<', '>', '&', '\\']) || matches!(field_text(t), Cow::Owned(_)) {
            return false;
        }
        let Some(cells) = pipe_cells(t) else { return false };
        if !is_pipe_separator_row(t) && cells.iter().any(|c| !c.is_empty()) {
            rows.push(cells);
        }
    }
    let Some(records) = records(&rows) else { return false };
    let mut named: Vec<&CaseNumber> = Vec::new();
    let mut open = false;
    for r in &records {
        if r.closed && r.cases.iter().any(|c| own.contains(c)) {
            return false;
        }
        open |= !r.closed;
        for c in &r.cases {
            if named.len() < 2 && !named.contains(&c) {
                named.push(c);
            }
        }
    }
    open && named.len() >= 2
}

/// One row of a table of cases with their status, as [`lists_other_cases`] reads it.
struct Record {
    /// The short-form case numbers it names, one a cell.
    cases: Vec<CaseNumber>,
    /// Whether it says its case is not public.
    closed: bool,
}

/// A header cell as the label of the fields under it, without the law it cites ("Offentlig jf. §
/// 30" is "Offentlig"; review 11).
fn column_label(h: &str) -> String {
    let h = to_plain(h);
    let h = h.split(" jf.").next().unwrap_or_default().split(" jf ").next().unwrap_or_default();
    h.trim_end_matches(':').trim().to_string()
}

/// The records of a table's rows of cells, each a record of its own cells ("| 24/1003 | Offentlig
/// | Nej |") and, under a header row of labels, of its cells under them ("| Sagsnr. | Offentlig |"
/// / "| 24/1003 | Nej |"): both readings, so that a mark one of them misses still counts. `None` if
/// a row has a cell that is neither a case number alone nor words without a number, names no
/// case, says nothing of a status, or is not as wide as the header.
fn records(rows: &[Vec<&str>]) -> Option<Vec<Record>> {
    let header = rows.first().filter(|r| is_header(r));
    let body = if header.is_some() { &rows[1..] } else { rows };
    body.iter()
        .map(|cells| {
            let mut cases = Vec::new();
            let mut words: Vec<&str> = Vec::new();
            for c in cells.iter().filter(|c| !c.is_empty()) {
                match one_case(c) {
                    Some(case) => cases.push(case),
                    None if c.chars().any(|ch| ch.is_ascii_digit()) => return None,
                    None => words.push(c),
                }
            }
            let mut fields = row_fields(&words).unwrap_or_default();
            if let Some(header) = header {
                if header.len() != cells.len() {
                    return None;
                }
                let pairs = header.iter().zip(cells).filter(|(h, a)| !h.is_empty() && !a.is_empty());
                fields.extend(pairs.map(|(h, a)| format!("{}: {a}", column_label(h))));
            }
            if cases.is_empty() || !fields.iter().any(|f| public_field(f).is_some()) {
                return None;
            }
            let row = pipe_row(&words);
            let closed = public_no_row(&row)
                || words.iter().any(|w| closing_line(w, false))
                || fields.iter().any(|f| public_field(f) == Some(true) || public_no_row(f));
            Some(Record { cases, closed })
        })
        .collect()
}

/// The short-form case number a cell is, alone or after a case label ("24/1003", "Sagsnr.: 24/1003",
/// "**24/1003**"): nothing else in the cell, so a list of cases ("24/1003, 24/1001") is none.
fn one_case(cell: &str) -> Option<CaseNumber> {
    let plain = to_plain(cell);
    let t = plain.trim();
    let lower = t.to_lowercase();
    let value = ["sagsnr.:", "sagsnr:", "sagsnr.", "sag nr.:", "sag nr.", "sag:", "sag"]
        .iter()
        .find_map(|l| lower.starts_with(l).then(|| &t[l.len()..]))
        .unwrap_or(t);
    value.trim().parse::<CaseNumber>().ok().filter(CaseNumber::is_short)
}

/// True if `cells` are a header row of labels ("| Sagsnr. | Emne | Offentlig |"): two or more, none
/// with a colon, a digit or an answer ("Nej", "Ja", "Ikke", "Lukket"), and the row says nothing of
/// a status on its own. A first row that says the item is not public ("| Offentlig | Nej |
/// Personalesag |") is no header to read the rows below by: it was, and its item was published.
fn is_header(cells: &[&str]) -> bool {
    const ANSWERS: [&str; 6] = ["nej", "ja", "ikke", "lukket", "fortrolig", "fortroligt"];
    let filled: Vec<String> = cells.iter().filter(|c| !c.is_empty()).map(|c| to_plain(c).to_lowercase()).collect();
    let label = |c: &String| {
        let c = c.trim().trim_end_matches('.');
        !c.contains(':') && !c.chars().any(|ch| ch.is_ascii_digit()) && !ANSWERS.contains(&c)
    };
    let row = pipe_row(cells);
    filled.len() >= 2
        && filled.iter().all(label)
        && !public_no_row(&row)
        && !fields(&row).iter().any(|f| public_field(f).is_some() || closing_line(f, false))
}

/// The fields of a row of cells if every cell is one, read from the left: a label and its answer
/// in the next cell ("Offentlig" | "Nej"), or a field alone ("Sagsnr.: 24/1004", "24/1004", "Åben
/// sag"). `None` if any cell is neither: a row that lists other things ("Punkt 3" | "Personalesag"
/// | "Offentlig" | "Nej", "Svømmehal" | "Åben" | "Offentlig" | "Nej") is no row of fields.
pub(super) fn row_fields(cells: &[&str]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = cells;
    while let [cell, after @ ..] = rest {
        let pair = after.first().and_then(|answer| label_value(&[cell, answer]));
        match pair {
            Some(field) => {
                out.push(field);
                rest = &after[1..];
            }
            None if is_field(cell) => {
                out.push(cell.to_string());
                rest = after;
            }
            None => return None,
        }
    }
    Some(out)
}
