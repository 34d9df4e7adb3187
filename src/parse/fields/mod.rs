//! The fields that describe an agenda item in its own text ("Sagsansvarlig: Karen Holm",
//! "Offentlig: Nej"), in every writing a case system or a PDF gives them: a line, a table row,
//! columns set side by side, an HTML row, an escaped colon. Above all, the one reader of the field
//! that says whether the item is public, wherever in the item's text it stands.
//!
//! This file reads a line's fields; [`html`] turns HTML into lines and pipe rows first, [`rows`]
//! reads tables by columns and tables of other cases, and [`public`] is the reader of "Offentlig: Nej".

mod html;
mod public;
mod rows;

pub(super) use public::{
    box_answer, closing_field, field_further_in, public_field, public_label, public_no_in, public_no_line, Own,
};
pub(super) use rows::{table_cases, table_ending_at, OtherCases};

use rows::column_fields;

use html::{flatten_tags, html_rows};

use crate::parse::closed::{closing_line, field_says_closed};
use crate::parse::has_byte;
use crate::parse::inline::to_plain;
use crate::parse::items::case_in;
use crate::parse::normalize::{Kind, Line};
use crate::parse::tables::{is_pipe_separator_row, pipe_cells};
use std::borrow::Cow;

/// Where the markdown table at `body[i]` ends, if it is a table of fields: every row is a field
/// ("| Offentlig | Nej |", "| Sagsansvarlig | Karen Holm |", see [`fields`]), but for a header
/// row above the `|---|` line, which may name the columns instead ("| Felt | Værdi |").
pub(super) fn field_table(body: &[Line], i: usize) -> Option<usize> {
    let rows = body[i..].iter().take_while(|l| l.kind == Kind::Text && pipe_cells(l.text).is_some()).count();
    let rows = &body[i..i + rows];
    let cells: Vec<&Line> = rows.iter().filter(|l| !is_pipe_separator_row(l.text)).collect();
    let header = rows.get(1).is_some_and(|l| is_pipe_separator_row(l.text)) && cells.len() > 1;
    let data = &cells[usize::from(header)..];
    (!data.is_empty() && data.iter().all(|l| describes_item(l))).then_some(i + rows.len())
}

/// FirstAgenda, eDoc and Acadre describe an item under its heading in fields ("Sagsansvarlig:
/// Karen Holm", "Udvalg: Økonomiudvalget", "Åben sag", "Lukket sag", the case number), one a line
/// or side by side: they are neither the item's title nor its text.
pub(super) fn describes_item(line: &Line) -> bool {
    if line.kind != Kind::Text || line.text.len() > 300 {
        return false;
    }
    let text = field_text(line.text);
    let t = text.trim_start_matches(['*', '_', ' ']);
    // A label or status starts with a capital, a case number with a digit: text often does not. A
    // table row starts with its bar, a cell perhaps with a tag ("<b>Offentlig</b><tab><b>Nej</b>").
    if !t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '(' | '|' | '<')) {
        return false;
    }
    let fields = fields(line.text);
    !fields.is_empty() && fields.iter().all(|f| is_field(f))
}

/// The fields of a table whose header names the columns of records ("Vej<tab>Status" over
/// "Lindevej<tab>Lukket", "| Sagsnr. | Status |" over "| 24/1002 | Lukket |"), read by its columns
/// (see [`column_fields`]): its rows are records, not labels with their answers, so a road's
/// status is not the item's ("Institution<tab>Lukket" over "Solsikken<tab>Ja" neither). `None`
/// when the table is one of fields ("| Offentlig | Nej |"), or the header's later cells name no
/// field ("| Felt | Værdi |").
pub(super) fn record_fields(rows: &[&str]) -> Option<Vec<String>> {
    let pipe = |r: &str| match pipe_cells(r) {
        Some(_) => Some(r.to_string()),
        None => public::tab_row(r),
    };
    let rows: Vec<String> = rows.iter().map(|r| pipe(r)).collect::<Option<_>>()?;
    let header = pipe_cells(rows.first()?)?;
    let label = |c: &&str| {
        let c = to_plain(c).trim().to_lowercase();
        item_field(&format!("{c}: x")) || ["Nej", "Ja"].iter().any(|a| public_field(&format!("{c}: {a}")).is_some())
    };
    // A table of fields, a label and its answer a row ("Behandling<tab>Lukket" / "Sagsansvarlig<tab>
    // Karen Holm"), is read a row at a time; one row that is no field makes the first a header.
    let field_row = |r: &String| fields(r).iter().all(|f| is_field(f));
    if rows.iter().all(field_row) || !header.iter().skip(1).any(label) {
        return None;
    }
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    Some(column_fields(&rows))
}

/// One field that describes an item: a label and its value, a status, a closing mark or the case number.
pub(super) fn is_field(text: &str) -> bool {
    item_field(text)
        || open_status(text)
        || closing_line(text, false)
        || public_field(text).is_some()
        || case_in(text).is_some()
        || field_says_closed(text)
        || crate::parse::restricted::line(text, true)
}

/// The fields of a line under an item's heading. A row of a table with a label and its value
/// ("| Offentlig | Nej |", "| Offentlig: | Nej |", "Offentlig<tab>Nej", "Sagsansvarlig:     Karen
/// Holm" laid out with spaces, "Offentlig | Nej" without outer bars) is the one field "Offentlig:
/// Nej", read by the same readers as a field written so; any other row is its cells (fields side
/// by side, "Sagsnr.: 24/4001<tab>Åben sag"), and a line of one field is itself.
pub(super) fn fields(text: &str) -> Vec<Cow<'_, str>> {
    match field_text(text) {
        Cow::Borrowed(t) => fields_of(t),
        Cow::Owned(t) => {
            t.lines().flat_map(|row| fields_of(row).into_iter().map(|f| Cow::Owned(f.into_owned()))).collect()
        }
    }
}

/// [`fields`] of a line as [`field_text`] reads it.
fn fields_of(text: &str) -> Vec<Cow<'_, str>> {
    let cells: Vec<&str> = match pipe_cells(text) {
        Some(cells) => cells.into_iter().filter(|c| !c.is_empty()).collect(),
        None => columns(text),
    };
    // A row without its outer bars, as markdown reads one; only as a label and its value, since a
    // bar may stand inside a field ("Udvalg: Økonomiudvalget | Byrådet").
    let bare = || text.split('|').map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>();
    let bare = (pipe_cells(text).is_none() && has_byte(text, b'|')).then(bare);
    if let Some(field) = label_value(&cells).or_else(|| label_value(bare.as_deref()?)) {
        return vec![Cow::Owned(field)];
    }
    cells.into_iter().map(Cow::Borrowed).collect()
}

/// A line as its fields are read: a colon written escaped (`Offentlig\: Nej`) or as an entity
/// (`Offentlig&#58; Nej`, `&colon;`), fullwidth forms (`｜ Offentlig ｜ Nej ｜`, `：`) and the bars
/// of box drawing (`│ Offentlig │ Nej │`) as the ASCII they stand for, and an HTML table row
/// (`<tr><td>Offentlig</td><td>Nej</td></tr>`) as the pipe row it is, one row a line: each is
/// the same field as the one written plainly, so each is read by the same readers. Most lines have
/// none of these and are not copied.
fn field_text(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // Lead bytes of what is read otherwise: fullwidth forms (EF), box drawing (E2 94, E2 95; most
    // E2 are dashes and quotes) and the colons that look like one (E2 88 B6 "∶", EA 9E 89 "꞉").
    let special = |i: usize| match b[i] {
        0xE2 => matches!(b.get(i + 1), Some(0x94 | 0x95)) || b.get(i + 1..i + 3) == Some(&[0x88, 0xB6]),
        0xEA => b.get(i + 1..i + 3) == Some(&[0x9E, 0x89]),
        _ => true,
    };
    if memchr::memchr3(b'\\', b'&', b'<', b).is_none() && !memchr::memchr3_iter(0xE2, 0xEA, 0xEF, b).any(special) {
        return Cow::Borrowed(text);
    }
    let mut t = Cow::Borrowed(text);
    if has_byte(&t, 0xEF) {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = t.nfkc().collect();
        if folded != *t {
            t = Cow::Owned(folded);
        }
    }
    // A box-drawn table as the pipe table it is: its bars and junctions as "|", its rules as "-",
    // so a rule between the header and the row is a separator row.
    let boxed = |c: char| match c {
        '│' | '┃' | '║' | '╎' | '╏' | '┆' | '┇' | '┊' | '┋' | '├' | '┤' | '┼' | '╞' | '╡' | '╪' | '╟' | '╢' | '╫' => {
            Some('|')
        }
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' => Some('-'),
        _ => None,
    };
    if t.chars().any(|c| boxed(c).is_some()) {
        t = Cow::Owned(t.chars().map(|c| boxed(c).unwrap_or(c)).collect());
    }
    // Longest first: "&#58;" before "&#58", written without its semicolon.
    const COLONS: [&str; 15] = [
        "\\:", "&#0058;", "&#058;", "&#58;", "&#x003A;", "&#x003a;", "&#x3a;", "&#x3A;", "&colon;", "&Colon;", "&#58",
        "&#x3a", "&#x3A", "꞉", "∶",
    ];
    // "&lt;br&gt;" shows a reader the tag it escapes, and is read as one.
    // The Danish letters by name ("&Aring;ben: Nej", review 9).
    const OTHERS: [(&str, &str); 12] = [
        ("&nbsp;", " "),
        ("&ndash;", "–"),
        ("&mdash;", "—"),
        ("&#8211;", "–"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&aring;", "å"),
        ("&Aring;", "Å"),
        ("&aelig;", "æ"),
        ("&AElig;", "Æ"),
        ("&oslash;", "ø"),
        ("&Oslash;", "Ø"),
    ];
    let replacements = COLONS.iter().map(|c| (*c, ":")).chain(OTHERS);
    // Most lines have none: each search is asked only if the first byte is there.
    let (amp, backslash) = (has_byte(&t, b'&'), has_byte(&t, b'\\'));
    for (from, to) in replacements {
        let first = match from.as_bytes()[0] {
            b'&' => amp,
            b'\\' => backslash,
            _ => true,
        };
        if first && t.contains(from) {
            t = Cow::Owned(t.replace(from, to));
        }
    }
    // A line break or a block's edge between a label and its answer ("Offentlig<br>Nej",
    // "<p>Offentlig</p><p>Nej</p>") sets them apart as a tab does; inline tags say nothing.
    if has_byte(&t, b'<') {
        if let Some(flat) = flatten_tags(&t) {
            t = Cow::Owned(flat);
        }
    }
    // A cell's tag, "<td" or "<th", in either case: most lines with a "<" have "<b>" or "<br>".
    let cell_tag = |b: &[u8]| {
        b.windows(3).any(|w| w[0] == b'<' && w[1].eq_ignore_ascii_case(&b't') && matches!(w[2] | 0x20, b'd' | b'h'))
    };
    if has_byte(&t, b'<') && cell_tag(t.as_bytes()) {
        if let Some(rows) = html_rows(&t) {
            t = Cow::Owned(rows);
        }
    }
    t
}

/// "Sagsansvarlig: Karen Holm": a field of an item by its label.
fn item_field(text: &str) -> bool {
    const LABELS: [&str; 16] = [
        "sagsansvarlig",
        "sagsbehandler",
        "ansvarlig",
        "udvalg",
        "forvaltning",
        "center",
        "afdeling",
        "område",
        "dok.nr.",
        "dok.nr",
        "dokumentnr.",
        "dokument nr.",
        "sagstype",
        "status",
        "beslutningskompetence",
        "kompetence",
    ];
    let plain = to_plain(text);
    // "Status: Projektet er forsinket …." is a sentence of the item's text.
    if plain.trim_end().ends_with('.') || plain.len() > 100 {
        return false;
    }
    let Some((label, _)) = plain.split_once(':') else { return false };
    let label = label.trim().to_lowercase();
    LABELS.contains(&label.as_str())
}

/// "Åben sag", "Åbent punkt", "(Åben)", "Offentlig: Ja": the status of an open item, no text of its own.
pub(super) fn open_status(text: &str) -> bool {
    // "Offentlig:" alone is a label whose answer follows, not the status "Offentlig".
    if text.len() > 24 || text.trim_end().ends_with(':') {
        return false;
    }
    let plain = to_plain(text).to_lowercase();
    let t = plain.trim_matches(|c: char| !c.is_alphanumeric());
    ["åben", "åbent", "åben sag", "åbent punkt", "åben punkt", "åbent sag", "offentlig", "offentligt punkt"]
        .contains(&t)
        || public_field(text) == Some(false)
}

/// The fields of a line that `pdftotext -layout` set side by side ("Sagsnr.: 24/4001      Sagsansvarlig:
/// Karen Holm      Åben sag"), cut at tabs and runs of three or more spaces; a line of one field is itself.
pub(super) fn columns(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    // Where the next run of three spaces starts, as a distance from the end: searched again only
    // once passed, so a long line of many tabs is read once, not once a column.
    let spaces = |r: &str| r.find("   ").map(|at| r.len() - at);
    let mut next_spaces = spaces(rest);
    while !rest.is_empty() {
        if next_spaces.is_some_and(|from_end| from_end > rest.len()) {
            next_spaces = spaces(rest);
        }
        let triple = next_spaces.map(|from_end| rest.len() - from_end);
        let gap = memchr::memchr(b'\t', rest.as_bytes()).into_iter().chain(triple).min();
        match gap {
            Some(at) => {
                out.push(rest[..at].trim_end());
                rest = rest[at..].trim_start();
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// The cells of a row read as one field, "Label: value", if that is a field: the label as read,
/// its markup and colon left out ("**Offentlig:**"), and what further columns add as part of the
/// value ("| Offentlig | Nej | jf. § 30 |").
fn label_value(cells: &[&str]) -> Option<String> {
    let [label, value @ ..] = cells else { return None };
    let label = to_plain(label);
    let label = label.strip_suffix(':').unwrap_or(&label).trim_end();
    if value.is_empty() || label.is_empty() || label.contains(':') {
        return None;
    }
    let field = format!("{label}: {}", value.join(" "));
    is_field(&field).then_some(field)
}
