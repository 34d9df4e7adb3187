//! The lines right under an item heading: the rest of a title the PDF wrapped, the fields that
//! describe the item, its case number, and the closing marks among them (the item's full title).

use super::case::case_of;
use super::heading::{heading_of, is_heading_line};
use crate::case::CaseNumber;
use crate::parse::closed::{
    closing_line, field_says_closed, is_closed, item_says_closed, mark_with_reason, marks_closed, short_mark,
};
use crate::parse::fields::{
    describes_item, field_table, fields, open_status, public_field, public_label, record_fields,
};
use crate::parse::has_byte;
use crate::parse::inline::to_plain;
use crate::parse::normalize::{Kind, Line};
use crate::parse::restricted;
use crate::parse::sections;
use crate::parse::tables::{self, pipe_cells, TableBuilder};
use std::borrow::Cow;

/// How many non-blank lines may come between an item heading and its case number line (the rest of
/// a title the PDF wrapped, a date line), and how many lines a wrapped title may have.
const CASE_WITHIN: usize = 3;

/// The lines after a heading where its case number may stand: [`CASE_WITHIN`] non-blank lines,
/// not counting the fields that describe the item ("Åben sag", "Sagsansvarlig: …"), which some
/// systems write before the number, nor a page's head that a page break put there.
pub(super) fn near<'l, 'a>(lines: &'l [Line<'a>]) -> impl Iterator<Item = &'l Line<'a>> {
    let mut others = 0;
    lines.iter().filter(|l| !l.is_empty_to_reader()).take(4 * CASE_WITHIN).take_while(move |l| {
        if !l.page_top && (!describes_item(l) || case_of(l).is_some()) {
            others += 1;
        }
        others <= CASE_WITHIN
    })
}

/// True if a case number line comes within [`CASE_WITHIN`] non-blank lines, before another heading.
pub(super) fn case_within(lines: &[Line]) -> bool {
    near(lines).take_while(|l| heading_of(l, true).is_none()).any(|l| case_of(l).is_some())
}

/// The heading's title with the rest of it that the PDF wrapped onto the next lines, if it did,
/// and a line that closes the item among the lines that describe it or as its first line: a
/// closed item's "Lukket" may be in either ("Punkt 2: Personalesag vedrørende …" / "…
/// sundhedshjælper - Lukket" / "24/8002"; "Punkt 5: Personalesag" / "(Lukket)"; "Punkt 5:
/// Personalesag" / "24/8002" / "Sagsansvarlig: Karen Holm" / "Lukket sag").
pub(super) fn full_title(title: &str, body: &[Line]) -> String {
    let mut full = title_and_marks(title, body);
    // A public field to the title's right, set in a column of its own or after a tab ("Køb af
    // ejendom      Offentlig: Nej"; review 16: the item was published, the field in its title).
    if crate::parse::fields::field_further_in(title) {
        push_title_line(&mut full, "Lukket");
    }
    full
}

/// [`full_title`] but for a field beside the title.
fn title_and_marks(title: &str, body: &[Line]) -> String {
    let mut full = title.to_string();
    let head = head_of(body);
    if head.case.is_some() {
        head.wrapped.iter().for_each(|&i| push_title_line(&mut full, body[i].text));
    } else {
        // Without a case number line: the first line under the heading when it says "lukket",
        // or a short line after the title's wrapped lines that only marks it ("i Hjemmeplejen" /
        // "- Lukket", "(Lukket punkt)").
        let mut lines = body.iter().filter(|l| !l.is_empty_to_reader());
        if let Some(l) = lines.clone().next().filter(|l| l.text.len() < 100 && is_closed(&to_plain(l.text))) {
            push_title_line(&mut full, l.text);
            return full;
        }
        let title_like = |l: &&Line| {
            l.kind == Kind::Text
                && l.text.len() < 60
                && !l.text.ends_with('.')
                && sections::kind_of(&to_plain(l.text)).is_none()
        };
        let wrapped: Vec<&Line> = lines.by_ref().take(CASE_WITHIN).take_while(title_like).collect();
        if let Some(last) = wrapped.iter().rposition(|l| marks_closed(l.text)) {
            wrapped[..=last].iter().for_each(|l| push_title_line(&mut full, l.text));
            return full;
        }
    }
    // A field that marks the item ("Lukket sag", also beside others in one layout line), or the
    // item's first line when it is short and says so, also as a sentence ("Punktet er lukket.",
    // "Denne sag er lukket"): hiding an open item warns, publishing a closed one cannot be undone.
    let says_closed =
        |t: &str| closing_line(t, false) || item_says_closed(t) || short_mark(t) || restricted::line(t, true);
    // … also with its reason after it ("Ikke offentlig – personsag"), or as a field's answer
    // ("Status: Ikke offentlig").
    // A line of boxes says what is ticked ("Åben ☒ Lukket ☐" is open; review 10).
    let says_closed = |t: &str| match crate::parse::fields::box_answer(t) {
        Some(closed) => closed,
        None => says_closed(t) || mark_with_reason(t) || field_says_closed(t),
    };
    // An item its fields call open ("Åben sag") is not closed by the line after them: that is the
    // next item's mark, above its heading.
    let columns: Vec<(usize, Vec<Cow<str>>)> = head.fields.iter().map(|&i| (i, fields(body[i].text))).collect();
    let open = columns.iter().flat_map(|(_, c)| c).any(|c| open_status(c));
    let above_next =
        |i: usize| open && body[i + 1..].iter().find(|l| !l.is_empty_to_reader()).is_some_and(is_heading_line);
    let fields_read = columns.iter().filter(|(i, _)| !above_next(*i)).flat_map(|(_, c)| c.iter().map(|c| &**c));
    let first = body[head.end..].iter().position(|l| !l.is_empty_to_reader()).map(|k| head.end + k);
    let first = first.filter(|&i| !is_heading_line(&body[i]) && !open);
    // A table that starts the text with other rows among its fields ("| Offentlig | Nej |" above
    // "| Dato | 12.03.2024 |"): the rows that are fields say what fields under the heading say.
    // A table of records is read by its columns (see `records_at`).
    let records = first.and_then(|i| records_at(body, i));
    let table: Vec<Cow<str>> = match first.filter(|&i| TableBuilder::starts(body[i].text)) {
        Some(_) if records.is_some() => records.iter().flatten().map(|f| Cow::Borrowed(f.as_str())).collect(),
        Some(i) => table_rows(&body[i..]).filter(|l| describes_item(l)).flat_map(|l| fields(l.text)).collect(),
        None => Vec::new(),
    };
    // "Offentlig:" with its answer on the next line: the field read as one line.
    let answered = first.filter(|&i| public_label(body[i].text)).and_then(|i| {
        let next = body[i + 1..].iter().find(|l| !l.is_empty_to_reader())?;
        Some(format!("{} {}", body[i].text.trim_end(), next.text.trim()))
    });
    // A first line wrapped onto the next ("Punktet behandles for" / "lukkede døre."; review 15): read
    // whole too.
    let wrapped = first.filter(|_| records.is_none()).and_then(|i| {
        let next = body.get(i + 1).filter(|n| body[i].runs_on_to(n))?;
        Some(format!("{} {}", body[i].text.trim_end(), next.text.trim()))
    });
    // A table of records is read by its columns only: its header alone is no mark ("Institution<tab>
    // Lukket" over "Solsikken<tab>Ja"; review 13).
    let first = first.filter(|_| records.is_none()).map(|i| body[i].text);
    let says_closed = |t: &str| says_closed(t) || public_field(t) == Some(true);
    let table = table.iter().map(|c| &**c);
    if let Some(mark) = fields_read
        .chain(first)
        .chain(wrapped.as_deref())
        .chain(table)
        .chain(answered.as_deref())
        .find(|t| says_closed(t))
    {
        // "Offentlig: Nej", "Til intern brug", "Status: Intern" have no closing word of their own:
        // they say "Lukket".
        let says_lukket = public_field(mark) == Some(true) || restricted::line(mark, true) || restricted::field(mark);
        push_title_line(&mut full, if says_lukket { "Lukket" } else { mark });
    }
    // What a system writes after the number on the case line ("Sagsnr.: 24/1002 (lukket)",
    // "24/1002, Lukket punkt"): a closing word anywhere in that short line marks the item.
    if let Some((i, _)) = head.case.as_ref().filter(|(i, _)| is_closed(&to_plain(body[*i].text))) {
        push_title_line(&mut full, body[*i].text);
    } else if head.case.as_ref().is_some_and(|(i, _)| super::case::signed_closed(body[*i].text)) {
        // "24/1002 L": the sign says "Lukket".
        push_title_line(&mut full, "Lukket");
    }
    full
}

/// Appends a line of a wrapped title: a word the PDF hyphenated at the line end is one word again
/// ("… – Luk-" / "ket"), so that a closing word split in two is still read; a short or capital
/// part keeps its hyphen ("it-" / "systemer", "EU-" / "projekt").
pub(super) fn push_title_line(full: &mut String, line: &str) {
    let next = to_plain(line);
    let next = next.trim();
    let head = full.strip_suffix('-').map(|p| p.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    let word = head.is_some_and(|h| {
        let rest: Vec<char> = h.chars().skip(1).collect();
        h.chars().count() >= 3
            && rest.iter().all(|c| c.is_lowercase())
            && h.chars().any(|c| "aeiouyæøåAEIOUYÆØÅ".contains(c))
            && !h.eq_ignore_ascii_case("ikke")
    });
    if word && next.starts_with(char::is_lowercase) {
        full.pop();
    } else if !full.is_empty() {
        full.push(' ');
    }
    full.push_str(next);
}

/// The lines under an item heading before its text: the rest of a title the PDF wrapped (only
/// when a case number line follows it), fields that describe the item, and the case number.
pub(super) struct Head {
    /// Indexes of the title's wrapped lines.
    pub(super) wrapped: Vec<usize>,
    /// Indexes of the lines of fields ("Sagsansvarlig: …", "Åben sag"), the case line's included.
    pub(super) fields: Vec<usize>,
    pub(super) case: Option<(usize, CaseNumber)>,
    /// Where the item's text starts.
    pub(super) end: usize,
}

/// Reads the [`Head`] of an item's `body`: up to [`CASE_WITHIN`] wrapped title lines and any
/// number of field lines before the case number line, and the field lines right after it.
pub(super) fn head_of(body: &[Line]) -> Head {
    let mut head = Head { wrapped: Vec::new(), fields: Vec::new(), case: None, end: 0 };
    // The fields read so far and where they end, before any wrapped title line.
    let mut leading_end = 0;
    // The end of a table of fields read whole.
    let mut table_end = 0;
    for (i, l) in body.iter().enumerate().filter(|(_, l)| !l.is_empty_to_reader()).take(4 * CASE_WITHIN) {
        // A page's head between the heading and its case number is neither title nor text.
        if i < table_end || l.page_top {
            continue;
        }
        if head.case.is_none() {
            if let Some(case) = case_of(l) {
                head.case = Some((i, case));
                head.fields.push(i);
                head.end = i + 1;
                continue;
            }
        }
        if is_heading_line(l) {
            break; // the next item's heading, when this item has no text
        }
        // A markdown table is read whole: its rows are fields, with the header row naming the
        // columns ("| Felt | Værdi |" / "|---|---|" / "| Offentlig | Nej |"), or it is text (after
        // the case number; [`full_title`] reads its fields).
        if pipe_cells(l.text).is_some() {
            if let Some(end) = field_table(body, i) {
                head.fields.extend((i..end).filter(|&k| !body[k].is_empty_to_reader()));
                if head.case.is_none() {
                    head.case = (i..end).find_map(|k| Some((k, case_of(&body[k])?)));
                }
                head.end = end;
                if head.wrapped.is_empty() {
                    leading_end = end;
                }
                table_end = end;
                continue;
            }
        } else if describes_item(l) && records_at(body, i).is_none() {
            head.fields.push(i);
            head.end = i + 1;
            if head.wrapped.is_empty() {
                leading_end = i + 1;
            }
            continue;
        }
        if head.case.is_some() || head.wrapped.len() == CASE_WITHIN || !title_line(l) {
            break;
        }
        head.wrapped.push(i);
    }
    if head.case.is_none() {
        // Without a case number the lines were no title: only the leading fields are the head.
        head.wrapped.clear();
        head.fields.retain(|&i| i < leading_end);
        head.end = leading_end;
    }
    head
}

/// The rows of the table (by tabs or pipes) that starts `lines`.
fn table_rows<'l, 'a>(lines: &'l [Line<'a>]) -> impl Iterator<Item = &'l Line<'a>> + Clone {
    lines.iter().take_while(|l| l.kind == Kind::Text && TableBuilder::starts(l.text))
}

/// The fields of the table of records that starts at `body[i]`, read by its columns (see
/// [`record_fields`]); `None` if no such table starts there.
fn records_at(body: &[Line], i: usize) -> Option<Vec<String>> {
    if TableBuilder::starts(body[i].text) {
        let texts: Vec<&str> = table_rows(&body[i..]).map(|l| l.text).collect();
        return record_fields(&texts);
    }
    // … or laid out with spaces ("Dato          Lukket" / "24. december  Ja"), as the pipe rows it
    // stands for.
    let layout = |l: &&Line| l.kind == Kind::Text && tables::may_be_layout_row(l.text, l.indent);
    let rows: Vec<(usize, &str)> = body[i..].iter().take_while(layout).map(|l| (l.indent, l.text)).collect();
    let cells = tables::layout_table(&rows)?;
    let texts: Vec<String> = cells.iter().map(|row| tables::pipe_row(row)).collect();
    record_fields(&texts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// A line that may continue an item's title: text, no section or item heading, no table row.
fn title_line(l: &Line) -> bool {
    l.kind == Kind::Text
        && l.text.len() < 200
        && !has_byte(l.text, b'\t')
        && heading_of(l, true).is_none()
        && sections::kind_of(&to_plain(l.text)).is_none()
}
