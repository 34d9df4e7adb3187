//! The fields that describe an agenda item in its own text ("Sagsansvarlig: Karen Holm",
//! "Offentlig: Nej"), in every writing a case system or a PDF gives them: a line, a table row,
//! columns set side by side, an HTML row, an escaped colon. Above all, the one reader of the field
//! that says whether the item is public, wherever in the item's text it stands.

use super::closed::{closing_line, closing_word, words_of};
use super::inline::to_plain;
use super::items::case_in;
use super::normalize::{Kind, Line};
use super::tables::{is_pipe_separator_row, pipe_cells};
use super::toc::clip;
use super::{has_byte, Ctx};
use crate::case::CaseNumber;
use crate::mention::Mention;
use std::borrow::Cow;
use std::sync::LazyLock;

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

/// One field that describes an item: a label and its value, a status, a closing mark or the case number.
pub(super) fn is_field(text: &str) -> bool {
    item_field(text)
        || open_status(text)
        || closing_line(text, false)
        || public_field(text).is_some()
        || case_in(text).is_some()
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
    const OTHERS: [(&str, &str); 6] =
        [("&nbsp;", " "), ("&ndash;", "–"), ("&mdash;", "—"), ("&#8211;", "–"), ("&lt;", "<"), ("&gt;", ">")];
    let replacements = COLONS.iter().map(|c| (*c, ":")).chain(OTHERS);
    for (from, to) in replacements {
        if t.contains(from) {
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

/// An HTML tag: its name as written (letters, digits, ":" and "-": "td", "TR", "o:p") and whether
/// it is an end tag.
#[derive(Debug, Clone, Copy)]
struct Tag<'a> {
    name: &'a str,
    end: bool,
}

impl Tag<'_> {
    /// True if this is `name` ("tr", or "/tr" for the end tag), in any case.
    fn is(&self, name: &str) -> bool {
        let (end, name) = name.strip_prefix('/').map_or((false, name), |n| (true, n));
        self.end == end && self.name.eq_ignore_ascii_case(name)
    }

    fn is_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.is(n))
    }
}

/// The HTML tag at the start of `s` ("<td class=x>", "</TR>", "<br/>", "<br\\>") and its length;
/// `None` if `s` starts with no tag ("< b", "<3").
fn tag_at(s: &str) -> Option<(Tag<'_>, usize)> {
    let inner = s.strip_prefix('<')?;
    let close = inner.find(['>', '<'])?;
    if inner.as_bytes()[close] == b'<' {
        return None;
    }
    let (end, rest) = inner[..close].strip_prefix('/').map_or((false, &inner[..close]), |n| (true, n));
    let name =
        &rest[..rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '-'))).unwrap_or(rest.len())];
    name.starts_with(|c: char| c.is_ascii_alphabetic()).then_some((Tag { name, end }, close + 2))
}

/// The tags of `text` in order, each with where it starts and its length.
fn tags(text: &str) -> impl Iterator<Item = (usize, Tag<'_>, usize)> + '_ {
    memchr::memchr_iter(b'<', text.as_bytes()).filter_map(|at| tag_at(&text[at..]).map(|(tag, len)| (at, tag, len)))
}

/// True if `text` has a tag named one of `names` ("tr", "/table").
fn has_tag(text: &str, names: &[&str]) -> bool {
    has_byte(text, b'<') && tags(text).any(|(_, tag, _)| tag.is_any(names))
}

/// The tags that break a line: a line break, and the edges of a paragraph, a block, a list item or
/// a term and its description.
const BREAKS: [&str; 14] = ["br", "/br", "p", "/p", "div", "/div", "li", "/li", "dt", "/dt", "dd", "/dd", "dl", "/dl"];

/// The tags of an HTML table, kept for [`html_rows`].
const TABLE_TAGS: [&str; 16] = [
    "table", "/table", "tr", "/tr", "td", "/td", "th", "/th", "thead", "/thead", "tbody", "/tbody", "tfoot", "/tfoot",
    "caption", "/caption",
];

/// `text` as its fields are read: comments left out, each tag of [`BREAKS`] (in any spelling:
/// "<BR>", "<br/ >", "<br class=x>", "</br>") and the spaces around it as one tab, a table's tags
/// kept, and any other tag left out ("<b>", "<span lang=DA>", Word's "<o:p>"); `None` if it has
/// no tag.
fn flatten_tags(text: &str) -> Option<String> {
    // Comments out in one pass: a line of many must not be copied once for each.
    let uncommented = match text.contains("<!--") {
        true => {
            let (mut kept, mut rest) = (String::with_capacity(text.len()), text);
            while let Some(at) = rest.find("<!--") {
                kept.push_str(&rest[..at]);
                rest = rest[at..].find("-->").map_or("", |e| &rest[at + e + 3..]);
            }
            kept.push_str(rest);
            Cow::Owned(kept)
        }
        false => Cow::Borrowed(text),
    };
    let text = &*uncommented;
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    let mut changed = matches!(uncommented, Cow::Owned(_));
    for (at, tag, len) in tags(text) {
        if tag.is_any(&TABLE_TAGS) {
            continue;
        }
        changed = true;
        if tag.is_any(&BREAKS) {
            out.push_str(text[from..at].trim_end());
            if !out.ends_with('\t') {
                out.push('\t');
            }
            from = at + len;
            from += text[from..].len() - text[from..].trim_start().len();
        } else {
            out.push_str(&text[from..at]);
            from = at + len;
        }
    }
    changed.then(|| {
        out.push_str(&text[from..]);
        out
    })
}

/// The rows of an HTML table in `text` (a line, or a table's lines joined), each as a pipe row,
/// one a line: a row starts at `<tr>` (its `</tr>` may be left out, as HTML allows) and ends at
/// the next row or the table's end, a cell at `<td>` or `<th>`. Rows of empty cells (`&nbsp;`
/// spacers) are left out. `None` without cells.
fn html_rows(text: &str) -> Option<String> {
    const ROW_EDGES: [&str; 12] = [
        "tr", "/tr", "table", "/table", "thead", "/thead", "tbody", "/tbody", "tfoot", "/tfoot", "caption", "/caption",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let end_cell = |cell: &mut Option<String>, row: &mut Vec<String>| {
        if let Some(c) = cell.take() {
            row.push(c.replace("&nbsp;", " ").trim().replace('|', "/"));
        }
    };
    let mut from = 0;
    for (at, tag, len) in tags(text) {
        if let Some(c) = &mut cell {
            c.push_str(&text[from..at]);
        }
        from = at + len;
        if tag.is_any(&["td", "th"]) {
            end_cell(&mut cell, &mut row);
            cell = Some(String::new());
        } else if tag.is_any(&["/td", "/th"]) {
            end_cell(&mut cell, &mut row);
        } else if tag.is_any(&ROW_EDGES) {
            end_cell(&mut cell, &mut row);
            rows.extend((!row.is_empty()).then(|| std::mem::take(&mut row)));
        } else if let Some(c) = &mut cell {
            c.push_str(&text[at..from]);
        }
    }
    if let Some(c) = &mut cell {
        c.push_str(&text[from..]);
    }
    end_cell(&mut cell, &mut row);
    rows.extend((!row.is_empty()).then_some(row));
    rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    let rows: Vec<String> = rows.iter().map(|r| format!("| {} |", r.join(" | "))).collect();
    (!rows.is_empty()).then(|| rows.join("\n"))
}

/// A table of one record written by columns, its header row naming the fields above (a separator
/// and) the one row answering them ("| Sagsnr. | Offentlig |" / "|---|---|" / "| 16/1234 | Nej |"),
/// as the fields it holds ("Sagsnr.: 16/1234", "Offentlig: Nej"). Only if every column is a field
/// that describes an item ([`is_field`]): a table of more rows, or with a column of anything else
/// ("| Nr. | Titel | Offentlig |", "| Bilag | Fortrolig |", "| Vej | Lukket |", "| Dag | Åben |"),
/// lists other things than its own item, which may be open.
fn column_fields(rows: &[&str]) -> Vec<String> {
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
    let label = |h: &str| to_plain(h).trim_end_matches(':').trim().to_string();
    let record = |answers: &Vec<&str>| {
        let pairs = header.iter().zip(answers).filter(|(h, a)| !h.is_empty() && !a.is_empty());
        let fields = pairs.map(|(h, a)| format!("{}: {a}", label(h))).collect();
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
fn own_record(rows: &[&str], own: &[CaseNumber]) -> bool {
    if own.is_empty() {
        return false;
    }
    let sag = |f: &&String| f.split_once(':').is_some_and(|(l, _)| to_plain(l).to_lowercase().starts_with("sag"));
    let records = column_records(rows);
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

/// The labels of a field that asks whether the item is public ("Offentlig: Nej"): "Nej" closes it.
const PUBLIC_LABELS: [&str; 15] = [
    "offentlig",
    "offentliggørelse",
    "offentligt",
    "offentlighed",
    "offentliggøres",
    "må offentliggøres",
    "kan offentliggøres",
    "skal offentliggøres",
    "må offentliggøres?",
    "til offentliggørelse",
    "åben",
    "åbent",
    "åben sag",
    "åbent punkt",
    "offentlig sag",
];

/// The labels of a field that asks whether the item is closed ("Lukket: Ja"): "Ja" closes it. An
/// answer "Nej" opens nothing, since the label alone reads as a mark ("Lukket: Nej" stays closed).
const CLOSED_LABELS: [&str; 6] = ["lukket", "lukket punkt", "lukket sag", "lukket møde", "fortrolig", "fortroligt"];

/// "Offentlig: Nej", "Åben: Nej", "Offentliggøres: Nej" (also "Offentlig: Nej, jf.
/// offentlighedslovens § 30", "Offentlig: Kan ikke offentliggøres", "Lukket: Ja"): a field that
/// answers whether the item is public, `Some(true)` when it is closed. Only a bare "Ja" opens it.
/// A table row ("| Offentlig | Nej |", "Offentlig<tab>Nej") comes here as the field it is written
/// as, see [`fields`].
pub(super) fn public_field(text: &str) -> Option<bool> {
    public_answer(text).map(|(closed, _)| closed)
}

/// The one reader of a public field's label and answer: whether the answer closes the item, and
/// whether it says only that (see [`bare_answer`]): "Offentlig: Nej" (true, true), "Offentlig:
/// Nej (punkt 2 og 3)" (true, false), "Offentlig: Ja" (false, false). A line longer than a field
/// (80 bytes) is one only with a bare answer, the law or reason for it after ("Offentlig: Nej jf.
/// offentlighedslovens § 30, nr. 1, da sagen indeholder …"): a longer answer is a sentence.
fn public_answer(text: &str) -> Option<(bool, bool)> {
    let text = field_text(text);
    if text.len() > 300 {
        return None;
    }
    let (label, value) = label_and_answer(&text)?;
    // The longest label, "til offentliggørelse", in bold: a longer one is no public field's.
    if label.len() > 40 {
        return None;
    }
    let label = to_plain(label).to_lowercase();
    let label = label.trim_matches(['*', '_', ' ']);
    let yes_closes = match () {
        _ if PUBLIC_LABELS.contains(&label) => false,
        _ if CLOSED_LABELS.contains(&label) => true,
        _ => return None,
    };
    let bare = bare_answer(value, label);
    if yes_closes || (text.len() > 80 && !bare) {
        return bare.then_some((true, true));
    }
    let value = to_plain(value).to_lowercase();
    let value = value.trim_matches(|c: char| !c.is_alphanumeric());
    let answer = match words_of(value).next()? {
        "nej" | "ikke" => Some((true, bare)),
        "ja" if value == "ja" => Some((false, false)),
        _ => bare.then_some((true, true)),
    };
    answer
}

/// A field's label and answer: around its colon, or else around a dash between spaces or a gap of
/// two spaces, as a field may be written without a colon ("Offentlig – Nej", "Offentlig  Nej").
fn label_and_answer(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    if let Some(parts) = text.split_once(':') {
        return Some(parts);
    }
    // Most lines have no colon: their first bytes rule them out before any search.
    if !starts_with_public_label(text) {
        return None;
    }
    [" - ", " – ", " — ", "  "].iter().find_map(|sep| text.split_once(sep))
}

/// "Offentlig:" (or "Lukket:") alone on its line, the label of [`public_field`] whose answer is on the next.
pub(super) fn public_label(text: &str) -> bool {
    let t = field_text(text);
    let t = t.trim_end();
    t.ends_with(':') && t.len() <= 40 && ["Nej", "Ja"].iter().any(|a| public_field(&format!("{t} {a}")) == Some(true))
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

/// True (with a warning naming the line) if a line of open item `number`'s text says it is not
/// public as a field of its own line ([`public_no_line`]), also further down than the fields under
/// the heading that [`full_title`] reads: a system may write it under a first paragraph or table,
/// or among fields repeated at a page break, and a field that says so is no sentence.
pub(super) fn public_no_in(body: &[Line], number: u32, cases: &[CaseNumber], cx: &mut Ctx) -> bool {
    let Some(l) = closing_field(body, Own { number: Some(number), cases }).map(|k| &body[k]) else {
        return false;
    };
    cx.warn(l.no, format!("item {number} is closed by \"{}\" in its text, and not published", clip(l.text.trim())));
    true
}

/// An HTML table (or its rows) of more lines than a table of fields could have is not read whole.
const HTML_TABLE_LINES: usize = 200;

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
pub(super) fn table_ending_at(lines: &[Line], from: usize, j: usize) -> usize {
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
pub(super) fn table_cases(lines: &[Line]) -> Vec<CaseNumber> {
    let joined: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    let sep = if has_byte(joined.first().copied().unwrap_or(""), b'<') { " " } else { "\n" };
    let text = field_text(&joined.join(sep)).into_owned();
    let rows: Vec<&str> = text.lines().collect();
    let mut found: Vec<String> = rows.iter().flat_map(|r| fields(r)).map(Cow::into_owned).collect();
    found.extend(column_fields(&rows));
    let labelled = |f: &&String| f.split_once(':').is_some_and(|(l, _)| to_plain(l).to_lowercase().starts_with("sag"));
    found.iter().filter(labelled).filter_map(|f| case_in(f)).collect()
}

/// What a line holds of an HTML table: how many tables it opens and closes, whether it has a
/// row's or a cell's tag.
#[derive(Debug, Clone, Copy, Default)]
struct TableTags {
    opens: u32,
    closes: u32,
    row: bool,
    starts_row: bool,
}

impl TableTags {
    fn of(l: &Line) -> TableTags {
        let mut t = TableTags::default();
        if l.kind != Kind::Text || !has_byte(l.text, b'<') {
            return t;
        }
        for (_, tag, _) in tags(l.text) {
            t.opens += u32::from(tag.is("table"));
            t.closes += u32::from(tag.is("/table"));
            t.row |= tag.is_any(&["tr", "/tr", "td", "/td", "th", "/th"]);
            t.starts_row |= tag.is("tr");
        }
        t
    }
}

/// Where the HTML table (or run of rows) whose first line is `tags[0]` ends, counted in lines, and
/// whether its `</table>` ends it: at the `</table>` that closes it (tables inside it are part of
/// it), or without one at its last line with a row's or cell's tag, before any heading.
fn html_table_end(body: &[Line], tags: &[TableTags]) -> Option<(usize, bool)> {
    let n = tags.len().min(HTML_TABLE_LINES);
    let n = body[..n].iter().position(|l| l.kind != Kind::Text && !l.is_empty_to_reader()).unwrap_or(n);
    let mut depth = 0i64;
    for (i, t) in tags[..n].iter().enumerate() {
        depth += i64::from(t.opens) - i64::from(t.closes);
        if t.closes > 0 && depth <= 0 {
            return Some((i, true));
        }
    }
    tags[..n].iter().rposition(|t| t.row).map(|end| (end, false))
}

/// What is known of the item whose text is read: its number and its own case number. A row may
/// name the item before its fields ("Punkt 1<br>Offentlig<br>Nej"), and a table may list other
/// cases with their status.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Own<'a> {
    pub number: Option<u32>,
    /// Its case number as its title and the line under its heading give it (both, if they differ).
    pub cases: &'a [CaseNumber],
}

/// The first line of `body` that says, as a field, that the item `own` is not public (see
/// [`public_no_in`]): also a row that names the item first (see [`names_item_first`]), but not a row
/// of a table of cases with their status that says it of another case (see [`lists_other_cases`]).
pub(super) fn closing_field(body: &[Line], own: Own<'_>) -> Option<usize> {
    // The label with its answer on the next line ("Offentlig:" / "Nej"), or after a line break
    // ("Offentlig<br>" / "Nej", "Offentlig\\" / "Nej"), read as one line.
    // The next line is looked for only after a label or break: looked for first, a run of 100,000
    // blank lines took 5.5 s.
    let answered = |k: usize| {
        let l = &body[k];
        let broken = l.hard_break || field_text(l.text).ends_with('\t');
        if !(broken || public_label(l.text)) {
            return None;
        }
        let next = (k + 1..body.len()).find(|&n| !body[n].is_empty_to_reader())?;
        public_no_line(&format!("{}\t{}", l.text.trim_end_matches('\\'), body[next].text.trim())).then_some(next)
    };
    // An HTML table or row written over lines, a tag or a cell a line ("<tr>" / "<td>Offentlig</td>"
    // / "<td>Nej</td>" / "</tr>"), read whole from its first line as the line it would be: its rows,
    // and a table of one record by columns (a quote's ">" left out). A table starts at "<table>",
    // or at a row that does not continue a table above it; a table inside one read already is read
    // on its own only if it is closed, so each line is read a bounded number of times.
    let tags: Vec<TableTags> = match body.iter().any(|l| has_byte(l.text, b'<')) {
        true => body.iter().map(TableTags::of).collect(),
        false => Vec::new(),
    };
    let mut read_to = 0;
    let mut html_table = |k: usize| {
        let t = tags.get(k).filter(|t| t.opens > 0 || t.starts_row)?;
        let before = body[..k].iter().rev().find(|l| !l.is_empty_to_reader());
        let continues = || before.is_some_and(|l| table_line(l) && !has_tag(l.text, &["/table"]));
        if t.opens == 0 && (k < read_to || continues()) {
            return None;
        }
        let (end, closed) = html_table_end(&body[k..], &tags[k..]).filter(|&(end, _)| end > 0)?;
        if k < read_to && !closed {
            return None;
        }
        read_to = read_to.max(k + end + 1);
        let table: Vec<&str> = body[k..=k + end].iter().map(|l| l.text.trim().trim_start_matches('>').trim()).collect();
        let table = table.join(" ");
        let own_table = || own_record(&field_text(&table).lines().collect::<Vec<_>>(), own.cases);
        (public_no_line(&table) || own_table()).then_some(k + end)
    };
    // A table of one record written by columns over lines, see [`column_fields`].
    let row = |l: &Line| l.kind == Kind::Text && pipe_cells(&field_text(l.text)).is_some();
    let by_columns = |k: usize| {
        if !row(&body[k]) || (k > 0 && row(&body[k - 1])) {
            return None;
        }
        // A record of the item's own case may stand among others' (see [`own_record`]).
        let n = body[k..].iter().take(HTML_TABLE_LINES).take_while(|l| row(l)).count();
        let rows: Vec<Cow<str>> = body[k..k + n].iter().map(|l| field_text(l.text)).collect();
        let rows: Vec<&str> = rows.iter().map(|r| &**r).collect();
        let fields = column_fields(&rows[..n.min(4)]).iter().any(|f| public_no_line(f));
        (fields || own_record(&rows, own.cases)).then_some(k + n - 1)
    };
    let names_item = |k: usize| own.number.is_some_and(|n| names_item_first(body[k].text, n));
    // An HTML table of the item's record on one line (over lines it is read above).
    let own_line = |k: usize| {
        let html = !own.cases.is_empty() && has_byte(body[k].text, b'<');
        html && match field_text(body[k].text) {
            Cow::Owned(t) => own_record(&t.lines().collect::<Vec<_>>(), own.cases),
            Cow::Borrowed(_) => false,
        }
    };
    // A mark on a line of its own anywhere in the text ("24/1003" / "Side 3" / "Lukket punkt"),
    // set apart by blank lines, closes the item. Set close to other lines, it does only in the
    // item's head, where only the case number, fields and a page's head, foot or number stand
    // before it ("17/171" / "Høje-Taastrup Kommune" / "Lukket punkt" / "Baggrund", as pdftotext
    // writes a page break), and only when it starts with a capital as a mark does: in the text, a
    // list of opening hours ("Rådhuset" / "Lukket") or a sentence wrapped to "lukket punkt." is
    // no mark.
    let blank = |l: Option<&Line>| l.is_none_or(Line::is_empty_to_reader);
    let head_line = |l: &Line| {
        let t = l.text;
        // The item's heading repeated at a page's top ("2. Salg af grund (fortsat)") belongs to
        // the head too: any heading there is a repeat, as the next item's would have ended this one.
        l.is_empty_to_reader()
            || case_in(t).is_some()
            || is_field(t)
            || super::normalize::page_furniture(t)
            || super::items::repeated_heading(t)
    };
    let head_end = std::cell::LazyCell::new(|| body.iter().position(|l| !head_line(l)).unwrap_or(body.len()));
    let mark_alone = |k: usize| {
        // Every line of every item comes here: the cheap questions first, where it stands last.
        let t = body[k].text;
        let apart = || blank(body.get(k - 1)) && blank(body.get(k + 1));
        let in_head = || capital_first(t) && starts_as_mark(t) && k <= *head_end;
        // Not the slice's first line: what stands above it is not known here (right above the
        // next heading, the mark is that item's; see `marked_above`). A label ("Lukket:") is
        // answered below, and its answer decides (see `answered`).
        k > 0
            && (apart() || capital_first(t))
            && closing_line(t, false)
            && (apart() || in_head())
            && !to_plain(t).trim_end().ends_with(':')
    };
    // The last line of what closes the item, read from line k.
    let mut closes = |k: usize| {
        let line = |yes: bool| yes.then_some(k);
        line(public_no_line(body[k].text) || mark_alone(k))
            .or_else(|| answered(k))
            .or_else(|| html_table(k))
            .or_else(|| by_columns(k))
            .or_else(|| line(names_item(k) || own_line(k)))
    };
    let mut others = OtherCases::default();
    (0..body.len()).find(|&k| closes(k).is_some_and(|end| !others.exempt(body, k, end, own.cases)))
}

/// A quick look for [`starts_as_mark`]: the first byte past list marks, brackets and emphasis is an
/// ASCII capital.
fn capital_first(text: &str) -> bool {
    text.bytes()
        .find(|b| !matches!(b, b'-' | b'*' | b'_' | b'#' | b'(' | b'[' | b'>' | b' '))
        .is_some_and(|b| b.is_ascii_uppercase())
}

/// True if the first letter of `text`, past list marks and brackets ("- Lukket", "(Lukket punkt)"),
/// is a capital: how a line that marks an item closed starts, and a sentence's middle does not.
fn starts_as_mark(text: &str) -> bool {
    to_plain(text).chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
}

/// True if `text` is a row that names item `number` first, perhaps with its title, and then says
/// as fields that it is not public: "Punkt 1<br>Offentlig<br>Nej", "| Punkt 1 | Personalesag |
/// Offentlig | Nej |" in item 1's text. Naming another item, it lists that one (see [`row_fields`]).
fn names_item_first(text: &str, number: u32) -> bool {
    static LOWER: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("unkt"));
    static UPPER: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("UNKT"));
    let b = text.as_bytes();
    if b.len() > 300 || LOWER.find(b).is_none() && UPPER.find(b).is_none() {
        return false;
    }
    let is_item = |cell: &str| {
        let plain = to_plain(cell).to_lowercase();
        let rest = plain.trim().trim_end_matches([':', '.']).strip_prefix("punkt");
        rest.is_some_and(|r| r.trim().parse() == Ok(number))
    };
    field_text(text).lines().any(|row| {
        let cells: Vec<&str> = match pipe_cells(row) {
            Some(cells) => cells,
            None => row.split('\t').map(str::trim).collect(),
        };
        let cells: Vec<&str> = cells.into_iter().filter(|c| !c.is_empty()).collect();
        let [first, rest @ ..] = &cells[..] else { return false };
        // The item's title may follow its number.
        let fields = match rest {
            [title, more @ ..]
                if !is_field(title) && label_value(&[title, more.first().copied().unwrap_or("")]).is_none() =>
            {
                more
            }
            _ => rest,
        };
        is_item(first) && !fields.is_empty() && public_no_row(&format!("| {} |", fields.join(" | ")))
    })
}

/// The tables of cases with their status in an item's text, each read once however many of its
/// rows close the item (a table of thousands of rows was read once for each of them).
#[derive(Default)]
pub(super) struct OtherCases {
    /// The lines of the table read last, and whether it lists other cases.
    run: std::ops::Range<usize>,
    lists: bool,
}

impl OtherCases {
    /// True if lines `k..=end` of `body`, which say an item is not public, lie in a table that lists
    /// other cases than `own`, the item's, with their status (see [`lists_other_cases`]).
    pub(super) fn exempt(&mut self, body: &[Line], k: usize, end: usize, own: &[CaseNumber]) -> bool {
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

/// The records of a table's rows of cells, each a record of its own cells ("| 24/1003 | Offentlig
/// | Nej |") and, under a header row of labels, of its cells under them ("| Sagsnr. | Offentlig |"
/// / "| 24/1003 | Nej |"): both readings, so that a mark one of them misses still counts. `None` if
/// a row has a cell that is neither a case number alone nor words without a number, names no
/// case, says nothing of a status, or is not as wide as the header.
fn records(rows: &[Vec<&str>]) -> Option<Vec<Record>> {
    let header = rows.first().filter(|r| is_header(r));
    let label = |h: &str| to_plain(h).trim_end_matches(':').trim().to_string();
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
                fields.extend(pairs.map(|(h, a)| format!("{}: {a}", label(h))));
            }
            if cases.is_empty() || !fields.iter().any(|f| public_field(f).is_some()) {
                return None;
            }
            let row = format!("| {} |", words.join(" | "));
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
    let row = format!("| {} |", cells.join(" | "));
    filled.len() >= 2
        && filled.iter().all(label)
        && !public_no_row(&row)
        && !fields(&row).iter().any(|f| public_field(f).is_some() || closing_line(f, false))
}

/// True if `text` is a line that says, as a field, that its item is not public: "Offentlig: Nej",
/// "Åben: Nej, jf. § 30", "| Offentlig | Nej |", also in a list, quote or heading ("- Offentlig:
/// Nej", "### Offentlig: Nej") or beside other fields in a layout line ("Sagsansvarlig: Karen Holm
/// <spaces> Offentlig: Nej"). The answer is a bare "Nej", with a reference to the law at most:
/// "Offentlig: Nej (punkt 2)" in a list of which items are closed, or "Åben: Nej 3 stemmer", says
/// something else. Also written with the colon escaped, bars of another kind or as an HTML row,
/// see [`field_text`]; an HTML table of one record by columns, see [`column_fields`]. Its first
/// bytes decide most lines, since every line of every open item is asked.
pub(super) fn public_no_line(text: &str) -> bool {
    match field_text(text) {
        Cow::Borrowed(t) => public_no_row(t),
        Cow::Owned(t) => {
            let rows: Vec<&str> = t.lines().collect();
            rows.iter().any(|r| public_no_row(r)) || column_fields(&rows).iter().any(|f| public_no_row(f))
        }
    }
}

/// [`public_no_line`] of a line as [`field_text`] reads it.
fn public_no_row(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['-', '+', '•', '>', '#', ' ']);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t.strip_prefix(". ").or_else(|| t.strip_prefix(") ")).unwrap_or(t);
    // Beside other fields in a layout line or a table row: a label further in, found by bytes its
    // spellings share.
    let further_in = || {
        static GAP: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("   "));
        let has = |w: &str| memchr::memmem::find(t.as_bytes(), w.as_bytes()).is_some();
        t.len() <= 200
            && (t.starts_with('|') || has_byte(t, b'\t') || GAP.find(t.as_bytes()).is_some())
            && (has("ffentlig") || has("FFENTLIG") || has("ben") || has("BEN") || has("ukket") || has("UKKET"))
    };
    if !(starts_with_public_label(t) || further_in()) {
        return false;
    }
    let says_no = |f: &str| public_answer(f) == Some((true, true));
    // A row's answer is its own cell ("| Offentlig | Nej | Karen Holm |"), or a cell is the whole
    // field ("| Status | Offentlig: Nej |"); a line's answer is what follows the colon.
    let cells: Option<Vec<&str>> = match pipe_cells(t) {
        Some(cells) => Some(cells.into_iter().filter(|c| !c.is_empty()).collect()),
        None => has_byte(t, b'\t').then(|| t.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect()),
    };
    if let Some(cells) = cells {
        // The row's first cell a label and the next its answer ("| Offentlig | Nej | Karen Holm |"),
        // or a row of fields, each a cell or a label and its answer side by side ("Sagsnr.<br>
        // 24/1004<br>Offentlig<br>Nej"); or a cell holding the field whole, perhaps broken over
        // lines ("| Offentlig<br>Nej |").
        let first = match cells[..] {
            [label, answer, ..] => label_value(&[label, answer]).is_some_and(|f| says_no(&f)),
            _ => false,
        };
        // Pairs of label and answer side by side, at least one besides the answer a field of the
        // item ("| Sagsansvarlig | Karen Holm | Mødested | Rådhuset | Offentlig | Nej |"): "Borgerservice
        // | Rådhuset | Åben | Nej" is no row of the item's fields.
        let pairs: Vec<String> = cells
            .chunks(2)
            .filter_map(|p| match p {
                [label, answer] => label_value(&[label, answer]),
                _ => None,
            })
            .collect();
        let paired = pairs.len() >= 2 && pairs.iter().any(|f| says_no(f));
        let in_row = first || paired || row_fields(&cells).is_some_and(|f| f.iter().any(|f| says_no(f)));
        if in_row || cells.iter().any(|c| fields(c).iter().any(|f| says_no(f))) {
            return true;
        }
    }
    // Any one of a line's fields or columns ("Offentlig: Nej <spaces> Bilag: 3"): what stands
    // beside it does not make it say something else.
    fields(t).iter().any(|f| says_no(f))
}

/// The fields of a row of cells if every cell is one, read from the left: a label and its answer
/// in the next cell ("Offentlig" | "Nej"), or a field alone ("Sagsnr.: 24/1004", "24/1004", "Åben
/// sag"). `None` if any cell is neither: a row that lists other things ("Punkt 3" | "Personalesag"
/// | "Offentlig" | "Nej", "Svømmehal" | "Åben" | "Offentlig" | "Nej") is no row of fields.
fn row_fields(cells: &[&str]) -> Option<Vec<String>> {
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

/// True if a public field's answer, as written, says only that the item is closed: "Nej" (or
/// "Ikke") alone, or in a short phrase that says so ("Kan ikke offentliggøres", "Må ikke
/// offentliggøres", "Nej – lukket", "Ikke offentlig"), with the law after it ("Nej.", "**Nej**,
/// jf. § 30", "nej (lukket)") or, where the label can ask only about the item, the reason ("Offentlig:
/// Nej, da sagen indeholder …"; after "Åben" only a reason about the case, not "Åben: Nej, da
/// svømmehallen renoveres", as a place is open or not). For a label that asks whether it is closed ("Lukket: Ja"), a bare "Ja", with at most a
/// section ("jf. § 30") or the law on access to documents after it: "Lukket: Ja, da vejen graves
/// op" or "…, jf. færdselslovens § 92" is a road. "Nej (punkt 2 og 3)" lists other items, "Nej 3 stemmer" is a vote, "Nej, men
/// …" says more: none is bare.
fn bare_answer(answer: &str, label: &str) -> bool {
    let yes_closes = CLOSED_LABELS.contains(&label);
    let value = to_plain(answer).to_lowercase();
    // A reason about the case or the meeting ("idet sagen vedrører …", "for lukkede døre") is one
    // after "Åben" too.
    let of_item = || words_of(&value).any(|w| matches!(w, "sagen" | "sag" | "punktet" | "punkt" | "døre"));
    let reasons = !yes_closes && (!matches!(label, "åben" | "åbent") || of_item());
    // What follows "§" or "jf." is the law, what follows "da" the reason: any words.
    let (said, cited) = match value.split_once('§') {
        Some((said, _)) => (said, true),
        None => (value.as_str(), false),
    };
    let cites = |w: &str| matches!(w, "jf" | "jfr" | "jævnfør" | "iht");
    // The kind of case that is closed: "Offentlig: Nej, personsag".
    let kind = |w: &str| matches!(w, "personsag" | "personalesag" | "personsager" | "personalesager");
    let reason = |w: &str| reasons && matches!(w, "da" | "idet" | "fordi" | "grundet" | "pga");
    let words: Vec<&str> = words_of(said).take_while(|w| !cites(w) && !reason(w)).collect();
    let cited = cited || words_of(said).any(cites);
    if yes_closes {
        let access_law = ["offentlighedslov", "forvaltningslov", "styrelseslov"].iter().any(|l| value.contains(l));
        let other_law = value.contains("lov") && !access_law;
        let said_why = |w: &&str| closing_word(w) || kind(w);
        return words.first() == Some(&"ja") && words[1..].iter().all(said_why) && !(cited && other_law);
    }
    let says = |w: &str| matches!(w, "nej" | "ikke" | "ej" | "undtaget" | "undtages") || closing_word(w);
    let known = |w: &str| {
        says(w)
            || kind(w)
            || matches!(
                w,
                "kan"
                    | "må"
                    | "skal"
                    | "bør"
                    | "offentliggøres"
                    | "offentliggøre"
                    | "offentlig"
                    | "offentligt"
                    | "til"
                    | "offentliggørelse"
                    | "fra"
                    | "offentlighed"
                    | "offentligheden"
                    | "punkt"
                    | "sag"
            )
    };
    words.len() <= 6 && words.iter().all(|w| known(w)) && words.iter().any(|w| says(w))
}

/// True if `text` may start with a label of [`public_field`] ("Offentlig", "Åben", "Til
/// offentliggørelse", "Lukket", "Fortroligt"), also in a table cell or bold: a test of its first bytes.
fn starts_with_public_label(text: &str) -> bool {
    // Its callers read `text` through `field_text`, which has left its tags out ("<b>Offentlig").
    let t = text.trim_start_matches(['|', '*', '_', ' ', '\t']).as_bytes();
    let head = |n: usize, word: &str| t.get(..n).is_some_and(|h| h.eq_ignore_ascii_case(word.as_bytes()));
    head(3, "off")
        || head(4, "til ")
        || head(6, "lukket")
        || head(9, "fortrolig")
        || ["Åb", "åb", "ÅB"].iter().any(|w| t.starts_with(w.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_fields() {
        for t in [
            "Offentlig: Nej",
            "Åben: Nej",
            "**Offentlig:** Nej.",
            "Offentlig: Nej, jf. offentlighedslovens § 30",
            // Regression (review of the fields): another label.
            "Offentliggøres: Nej",
            "Til offentliggørelse: Nej",
            // Regression (robustness review): a clerk's wording with a verb.
            "Må offentliggøres: Nej",
            "Kan offentliggøres: Nej",
            // Regression (review of the fields further down): no colon, and "Ikke" for "Nej".
            "Offentlig – Nej",
            "Offentlig - Nej",
            "Offentlig  Nej",
            "Offentlig: Ikke",
        ] {
            assert_eq!(public_field(t), Some(true), "{t}");
        }
        for t in ["Offentlig: Ja", "Åben: Ja", "ÅBEN: JA"] {
            assert_eq!(public_field(t), Some(false), "{t}");
            assert!(open_status(t), "{t}");
        }
        for t in ["Offentlig: Ja, delvist", "Offentlig høring: Nej", "Sagsansvarlig: Nej", "Offentlig nej"] {
            assert_eq!(public_field(t), None, "{t}");
        }
    }

    /// Regression (adversarial review): answers in words, "Lukket"-labels, escaped colons, long
    /// lines with the law after a bare "Nej", and the same field in other bars or as an HTML row.
    #[test]
    fn public_fields_in_other_writings() {
        for t in [
            "Offentlig: Kan ikke offentliggøres",
            "Offentlig: Må ikke offentliggøres",
            "Offentlig: Nej – lukket",
            "Offentlig: Ikke til offentliggørelse",
            "Lukket: Ja",
            "Lukket punkt: Ja",
            "Lukket møde: Ja",
            "Fortroligt: Ja, jf. § 30",
            "Offentlig\\: Nej",
            "Offentlig&#58; Nej",
            "Offentlig&colon; Nej",
            "Offentlig： Nej",
            "Offentlig: Nej jf. offentlighedslovens § 30, nr. 1, da sagen indeholder oplysninger om enkeltpersoners \
             private forhold",
            "Offentlig: Nej, da sagen indeholder oplysninger om enkeltpersoners private forhold",
        ] {
            assert_eq!(public_answer(t), Some((true, true)), "{t}");
        }
        // Closed under the heading, but not bare: further down these say something else.
        for t in ["Offentlig: Nej (punkt 2 og 3)", "Åben: Nej 3 stemmer", "Offentlig: Nej, men referatet kommer senere"]
        {
            assert_eq!(public_answer(t), Some((true, false)), "{t}");
            assert!(!public_no_line(t), "{t}");
        }
        for t in [
            "Lukket: Nej",
            "Lukket vej: Ja",
            "Offentlig høring: Nej",
            "Offentlig: Kan offentliggøres",
            "Lukket: Ja 3 stemmer",
            // A long answer is a sentence unless a bare "Nej" and its law or reason start it.
            "Offentlig: Nej til at udsætte punktet, som borgerne har bedt om i flere henvendelser til forvaltningen",
        ] {
            assert_eq!(public_answer(t), None, "{t}");
        }
        for t in [
            "｜ Offentlig ｜ Nej ｜",
            "│ Offentlig │ Nej │",
            "┃ Offentlig ┃ Nej ┃",
            "<tr><td>Offentlig</td><td>Nej</td></tr>",
            "<table><tr><TD class=\"l\">Offentlig</TD><td><b>Nej</b></td></tr></table>",
            "<tr><th>Sagsnr.</th><th>Offentlig</th></tr><tr><td>16/1234</td><td>Nej</td></tr>",
            "Sagsnr.: 16/1234   Lukket: Ja",
            "- Lukket punkt: Ja",
        ] {
            assert!(public_no_line(t), "{t}");
        }
        for t in ["Offentlig<br>Nej", "Offentlig <BR/> Nej", "<b>Offentlig</b><br />Nej", "Offentlig:<br>Nej"] {
            assert!(public_no_line(t), "{t}");
        }
        assert_eq!(flatten_tags("a <br> b<BR/>c<br />d <brev> <br").as_deref(), Some("a\tb\tc\td  <br"));
        assert_eq!(flatten_tags("<p>Offentlig</p><p>Nej</p>").as_deref(), Some("\tOffentlig\tNej\t"));
        assert_eq!(
            flatten_tags("<p class=MsoNormal><b><span lang=DA>Offentlig:</span></b> Nej<o:p></o:p></p>").as_deref(),
            Some("\tOffentlig: Nej\t")
        );
        assert_eq!(
            flatten_tags("<tr><td>a</td><!-- <td>b</td> --><td>c</td></tr>").as_deref(),
            Some("<tr><td>a</td><td>c</td></tr>")
        );
        assert_eq!(flatten_tags("<tr><td>a</td></tr>"), None);
        assert_eq!(flatten_tags("a<!-- x -->b<!-- y -->c<!-- z").as_deref(), Some("abc"));
        assert_eq!(flatten_tags("a < b og c > d"), None);
        assert!(!public_no_line("Bibliotekets åbningstider<br>Nej, ikke ændret"));
        assert_eq!(fields("｜ Offentlig ｜ Nej ｜"), ["Offentlig: Nej"]);
        assert_eq!(fields("<tr><td>Offentlig</td><td>Ja</td></tr>"), ["Offentlig: Ja"]);
        assert_eq!(field_text("<td>Offentlig</td>"), "| Offentlig |");
        assert!(matches!(field_text("Sagsansvarlig: Karen Holm – Økonomi"), Cow::Borrowed(_)));
    }

    /// A table of one record by columns is its fields; a table of several rows, or of items, is not.
    #[test]
    fn column_tables() {
        assert_eq!(
            column_fields(&["| Sagsnr. | Offentlig |", "|---|---|", "| 16/1234 | Nej |"]),
            ["Sagsnr.: 16/1234", "Offentlig: Nej"]
        );
        assert_eq!(
            column_fields(&["| Sagsnr. | Offentlig: |", "| 16/1234 | Nej |"]),
            ["Sagsnr.: 16/1234", "Offentlig: Nej"]
        );
        assert!(column_fields(&["| Sagsnr. | Offentlig |", "|---|---|", "| 1 | Nej |", "| 2 | Ja |"]).is_empty());
        assert!(column_fields(&["| Punkt | Offentlig |", "|---|---|", "| 2 og 3 | Nej |"]).is_empty());
        assert!(column_fields(&["| Offentlig | Nej |"]).is_empty());
    }

    /// Regression (review of the fields): a table row with a label and its value is read as the
    /// field written with a colon, by the same readers; fields side by side stay apart.
    #[test]
    fn table_rows_are_fields() {
        for (t, want) in [
            ("| Offentlig | Nej |", vec!["Offentlig: Nej"]),
            ("| Offentlig: | Nej |", vec!["Offentlig: Nej"]),
            ("| **Åben** | Nej |", vec!["Åben: Nej"]),
            ("| **Offentlig:** | Nej |", vec!["Offentlig: Nej"]),
            ("Offentlig | Nej", vec!["Offentlig: Nej"]),
            ("Udvalg: Økonomiudvalget | Byrådet", vec!["Udvalg: Økonomiudvalget | Byrådet"]),
            ("| Offentlig | Ja | |", vec!["Offentlig: Ja"]),
            ("| Offentlig | Nej | jf. offentlighedslovens § 30 |", vec!["Offentlig: Nej jf. offentlighedslovens § 30"]),
            ("Offentlig\tNej", vec!["Offentlig: Nej"]),
            ("<b>Offentlig</b>\t<b>Nej</b>", vec!["Offentlig: Nej"]),
            ("Offentlig:     Nej", vec!["Offentlig: Nej"]),
            ("| Sagsansvarlig | Karen Holm |", vec!["Sagsansvarlig: Karen Holm"]),
            ("Sagsnr.: 24/4001\tÅben sag", vec!["Sagsnr.: 24/4001", "Åben sag"]),
            ("Åben sag\tSagsansvarlig: Karen Holm", vec!["Åben sag", "Sagsansvarlig: Karen Holm"]),
            ("| Felt | Værdi |", vec!["Felt", "Værdi"]),
            ("|---|---|", vec!["---", "---"]),
        ] {
            assert_eq!(fields(t), want, "{t}");
        }
        let closed = |t: &str| fields(t).iter().any(|f| public_field(f) == Some(true));
        for t in
            ["| Offentlig | Nej |", "| Åben | Nej |", "| Offentlig: | Nej |", "Offentlig\tNej", "| Åben | Nej | § 30 |"]
        {
            assert!(closed(t), "{t}");
        }
        for t in ["| Offentlig | Ja |", "| Åben | Ja |"] {
            assert!(!closed(t) && fields(t).iter().all(|f| open_status(f)), "{t}");
        }
    }
}
