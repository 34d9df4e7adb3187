//! Agenda items: "Punkt N: Title" headings (or "N. Title" where a file uses that form throughout),
//! their case number line, closed items (whose body is dropped here, unread), and the sections,
//! decisions and attachments of open items.

use super::blocks::Blocks;
use super::closed::{
    closed_in_passing, closing_line, closing_word, closing_word_in, is_closed, is_verb, item_says_closed, marks_closed,
    short_mark, words_of,
};
use super::dates::starts_with_month;
use super::fields::{
    closing_field, columns, describes_item, field_table, fields, is_field, open_status, public_field, public_label,
    public_no_in, public_no_line, table_cases, table_ending_at, OtherCases, Own,
};
use super::inline::{find_ci, plain, strip_bold_wrapper, strip_prefix_ci, to_plain};
use super::normalize::{self, Kind, Line};
use super::sections;
use super::tables::{pipe_cells, TableBuilder};
use super::toc::{self, clip};
use super::{has_byte, Ctx};
use crate::case::CaseNumber;
use crate::model::{AgendaItem, Block, Decision, Section, SectionKind};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;

/// What items need from the meeting.
pub struct Meta<'a> {
    pub markdown: bool,
    pub body: &'a str,
    pub date: NaiveDate,
}

/// "Punkt 3: Title" (also "Pkt. 3 - Title", "PUNKT 3.", "Sag nr. 3 Title") → (3, "Title"). `plain` has no markup.
pub fn item_heading(plain: &str) -> Option<(u32, &str)> {
    item_heading_with(plain, true)
}

/// Like [`item_heading`]; unless `strict`, also "Punkt 3 Title" without a separator.
fn item_heading_with(plain: &str, strict: bool) -> Option<(u32, &str)> {
    let t = plain.trim_start();
    let rest = ["dagsordenspunkt", "punkt", "pkt.", "sag nr."].iter().find_map(|p| strip_prefix_ci(t, p))?;
    if !rest.starts_with([' ', '\t', '\u{a0}']) && !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let number: u32 = rest[..digits].parse().ok()?;
    if sub_number(&rest[digits..]) {
        return None; // "Punkt 2.1", "Punkt 3a": a sub-item, see [`sub_item`]
    }
    if rest[digits..].starts_with('/') {
        return None; // "Sag nr. 24/12003": a case number
    }
    let after = rest[digits..].trim_start();
    let title = match after.strip_prefix([':', '.', '-', '–']) {
        Some(t) => t.trim(),
        None if after.is_empty() || !strict => after,
        None => return None,
    };
    Some((number, title))
}

/// What follows an item's number in a sub-item's heading: ".1" of "Punkt 2.1", "a" of "Punkt 3a",
/// "A" of "Punkt 2A" (one letter, in either case, right after the number), " A" of "Punkt 2 A:"
/// (one letter after a space, then a colon, a stop, a bracket or a dash).
fn sub_number(after: &str) -> bool {
    sub_number_len(after).is_some()
}

/// The length of [`sub_number`]'s part of `after`.
fn sub_number_len(after: &str) -> Option<usize> {
    let b = after.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    match b {
        [b'.', d, ..] if d.is_ascii_digit() => {
            // "2.1", "2.1.3": every group.
            let mut len = 0;
            while b.get(len) == Some(&b'.') && b.get(len + 1).is_some_and(u8::is_ascii_digit) {
                len += 1 + digits(len + 1);
            }
            Some(len)
        }
        [l, rest @ ..] if l.is_ascii_alphabetic() && rest.first().is_none_or(|c| !c.is_ascii_alphabetic()) => Some(1),
        [b' ', l, rest @ ..]
            if l.is_ascii_alphabetic()
                && (matches!(rest.first(), Some(b':' | b'.' | b')'))
                    || rest.starts_with(b" -")
                    || rest.starts_with(" –".as_bytes())) =>
        {
            Some(2)
        }
        _ => None,
    }
}

/// A sub-item's heading, "Punkt 2.1: Orientering", "Punkt 3a: Tillægspunkt" or "Punkt 2A: Salg":
/// part of its item (the model numbers items 1, 2, 3), shown as a subheading in its text. Returns
/// its title.
fn sub_item(line: &Line) -> Option<String> {
    let t = line.text.trim_start_matches(['*', '_', '#', ' ']);
    let b = t.as_bytes();
    let word = b.get(1..5).is_some_and(|w| w.eq_ignore_ascii_case(b"unkt") || w[..3].eq_ignore_ascii_case(b"kt."))
        || b.get(..15).is_some_and(|w| w.eq_ignore_ascii_case(b"dagsordenspunkt"));
    if !matches!(b.first(), Some(b'P' | b'p' | b'D' | b'd')) || !word || line.text.len() > 300 {
        return None;
    }
    let plain = plain(line.text);
    let start = plain.trim_start_matches(['#', ' ']);
    let rest = ["dagsordenspunkt", "punkt", "pkt."].iter().find_map(|p| strip_prefix_ci(start, p))?;
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    let len = sub_number_len(after).filter(|_| digits > 0)?;
    Some(after[len..].trim_start_matches([':', '.', ')', '-', '–', ' ']).to_string())
}

/// "3. Title" → (3, "Title"): the item heading of exports that leave out "Punkt", read as one only
/// where [`mark_numbered`] found the form unambiguous. "26. november: …" is a date.
pub fn numbered_heading(plain: &str) -> Option<(u32, &str)> {
    let t = plain.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = t[digits..].strip_prefix('.')?;
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let title = rest.trim();
    if title.is_empty() || starts_with_month(title) {
        return None;
    }
    Some((t[..digits].parse().ok()?, title))
}

/// How many non-blank lines may come between an item heading and its case number line (the rest of
/// a title the PDF wrapped, a date line), and how many lines a wrapped title may have.
const CASE_WITHIN: usize = 3;

/// Marks the "1. Title" lines of a file without any "Punkt N" heading as item headings, when that
/// reading is unambiguous: each is followed within [`CASE_WITHIN`] lines by a case number line,
/// before any other numbered line, and their numbers run 1, 2, 3… in file order. An ordered list
/// in an item's text ("1. Økonomi", "2. Personale") has no case number line, so it stays a list.
/// Returns whether any line was marked.
pub fn mark_numbered(lines: &mut [Line], cx: &mut Ctx) -> bool {
    // "Punkt N" headings decide, unless they only list the agenda above "N. Title" items.
    // A "Punkt N: … (fortsat)" at a page's top repeats a heading; it decides nothing.
    if (0..lines.len()).any(|i| heading_at(lines, i).is_some_and(|(_, t)| !says_continued(&t)) && !listed(lines, i)) {
        return false;
    }
    let mut marked: Vec<usize> = Vec::new();
    let mut closed: Option<u32> = None; // the number of the closed item being read
    for i in 0..lines.len() {
        let Some((number, closed_here)) = numbered_at(lines, i) else { continue };
        // As with "Punkt N": inside a closed item a lower or equal number is its own text.
        if closed.is_some_and(|c| number <= c) {
            continue;
        }
        // The numbers run 1, 2, 3: anything else (a gap may be a closed item without its case
        // number, whose text must not become the open item's before it) means these lines are
        // something else.
        let expected = marked.len() + 1;
        if number as usize != expected {
            cx.warn(
                lines[i].no,
                format!(
                    "\"{number}. …\" with a case number looks like an item heading, but item {expected} was \
                     expected; numbered lines are not read as items"
                ),
            );
            return false;
        }
        // The same heading further up, with no case number near it (a page break between), when
        // it is marked closed or this one repeats it ("2. Salg af grund (fortsat)"): the item
        // starts there, so that neither its mark nor its title is read as the text of the item
        // before. Only after the item before: above item 1 stand the header and the agenda's list.
        let from = marked.last().map_or(i, |&m| m + 1);
        let later_title = numbered_heading(&plain(lines[i].text)).map(|(_, t)| t.to_string()).unwrap_or_default();
        let digits = format!("{number}.");
        let earlier = (from..i).find(|&k| {
            // Most lines have no "2." to read: only those are made plain.
            if !lines[k].text.contains(digits.as_str()) {
                return false;
            }
            let heading = plain(lines[k].text);
            numbered_heading(&heading).is_some_and(|(n, title)| {
                n == number
                    && !in_numbered_list(lines, k, number)
                    && (same_heading(&later_title, title) || is_closed(&full_title(title, &lines[k + 1..])))
            })
        });
        // Above item 1, the heading's other writings right above it (only blank lines, a page's
        // furniture or a mark between): read as the agenda's list, they published its title.
        let earlier =
            earlier.or_else(|| marked.is_empty().then(|| adjacent_writing(lines, 0, i, number, &later_title))?);
        // A mark right above the heading closes the item too: a numbered line in its text is not
        // the next item.
        let mark_above =
            (0..i).rev().find(|&j| !lines[j].is_empty_to_reader()).is_some_and(|j| closing_line(lines[j].text, false));
        let (i, closed_here) = earlier.map_or((i, closed_here || mark_above), |k| (k, true));
        closed = closed_here.then_some(number);
        marked.push(i);
    }
    // The repeats are headings before the items without a case number are looked for, so that a
    // repeat saying "Lukket" is not read as the mark of a numbered line above it.
    let first = repeats_of(lines, &marked);
    for &i in marked.iter().chain(&first) {
        lines[i].numbered_item = true;
    }
    if let Some(&last) = marked.last() {
        marked.extend(last_without_case(lines, last, marked.len() as u32 + 1, closed.is_some()));
    }
    let repeats = repeats_of(lines, &marked);
    for &j in &first {
        lines[j].numbered_item = repeats.contains(&j);
    }
    for &i in marked.iter().chain(&repeats) {
        lines[i].numbered_item = true;
    }
    !marked.is_empty()
}

/// The heading's other writings right above `lines[i]` (numbered `number`, titled `title`), down
/// to `from`, nearest first, each with whether it says closed: in either form ("1. Title" or
/// "Punkt 1: Title - fortsat"), with only blank lines, a page's furniture or closing marks between.
fn writings_above(lines: &[Line], from: usize, i: usize, number: u32, title: &str) -> Vec<(usize, bool)> {
    let mut found = Vec::new();
    for k in (from..i).rev() {
        let l = &lines[k];
        let text = plain(l.text);
        match numbered_heading(&text).or_else(|| item_heading(&text)) {
            Some((n, t)) if n == number && same_heading(t, title) => found.push((k, is_closed(t))),
            Some(_) => break,
            None if l.is_empty_to_reader()
                || normalize::page_furniture(l.text)
                || closing_line(l.text, false)
                || public_field(l.text) == Some(true) => {}
            None => break,
        }
    }
    found
}

/// The first of the heading's other writings right above `lines[i]` (see [`writings_above`]).
fn adjacent_writing(lines: &[Line], from: usize, i: usize, number: u32, title: &str) -> Option<usize> {
    writings_above(lines, from, i, number, title).last().map(|&(k, _)| k)
}

/// True if the line at `k`, numbered `number`, stands in a numbered list: the line before it is
/// numbered one less, or the line after it one more (blank lines between allowed; "1. Budget" /
/// "2. Orientering" / "3. …" in an item's text). A heading's other writing next to it (past a
/// page's head) makes it a repeat, whatever list ends above it.
fn in_numbered_list(lines: &[Line], k: usize, number: u32) -> bool {
    let (before, after) = numbered_neighbours(lines, k);
    // The heading's other writing past a page's head ("2. Salg" / "Referat" / "2. Salg - fortsat").
    let past_page = || {
        let mut rest = lines[k + 1..].iter().filter(|l| !l.is_empty_to_reader());
        rest.find(|l| !l.page_top && !normalize::page_furniture(l.text)).and_then(number_of) == Some(number)
    };
    after != Some(number) && (before.is_some_and(|b| b + 1 == number) || after == Some(number + 1)) && !past_page()
}

/// The numbers of the "N. …" lines right before and after `lines[k]` (blank lines and, after, a
/// page's head between allowed), if they are numbered so.
fn numbered_neighbours(lines: &[Line], k: usize) -> (Option<u32>, Option<u32>) {
    let before = lines[..k].iter().rev().find(|l| !l.is_empty_to_reader()).and_then(number_of);
    let after = lines[k + 1..].iter().find(|l| !l.is_empty_to_reader() && !l.page_top).and_then(number_of);
    (before, after)
}

/// The number of a line written "N. …".
fn number_of(l: &Line) -> Option<u32> {
    numbered_heading(&plain(l.text)).map(|(n, _)| n)
}

/// True if the line at `k`, numbered `number`, stands inside a numbered list, numbered one less
/// above and one more below: the item's own title in a list of the agenda. A repeat below a
/// heading is read as one unless so: one that says "Lukket" and is read as a list line publishes
/// the item, one read as a repeat only leaves a line out.
fn inside_numbered_list(lines: &[Line], k: usize, number: u32) -> bool {
    let (before, after) = numbered_neighbours(lines, k);
    before.is_some_and(|b| b + 1 == number) && after == Some(number + 1)
}

/// The lines that repeat a marked heading further down its item, as a page's head does ("2. Salg
/// af grund (fortsat)", without a case number): headings too, so that the item reads them as its
/// own heading again, and one that says closed ("… (fortsat) - Lukket") closes the item.
fn repeats_of(lines: &[Line], marked: &[usize]) -> Vec<usize> {
    let mut found = Vec::new();
    for (k, &m) in marked.iter().enumerate() {
        let Some((number, title)) = numbered_heading(&plain(lines[m].text)).map(|(n, t)| (n, t.to_string())) else {
            continue;
        };
        let digits = format!("{number}.");
        let end = marked.get(k + 1).copied().unwrap_or(lines.len());
        found.extend((m + 1..end).filter(|&j| {
            // Most lines have no "2." to read: only those are made plain.
            lines[j].text.contains(digits.as_str())
                && numbered_heading(&plain(lines[j].text)).is_some_and(|(n, t)| n == number && same_heading(t, &title))
                && !inside_numbered_list(lines, j, number)
        }));
    }
    found
}

/// Whether the heading at `i` stands in a list of headings (only blank lines and group headings
/// such as "Lukkede punkter:" between it and the heading before or after it): an agenda listed in
/// the header, not an item, which would have text of its own.
fn listed(lines: &[Line], i: usize) -> bool {
    let between = |l: &&Line| !l.is_empty_to_reader() && toc::group_heading(&to_plain(l.text)).is_none();
    let after = lines[i + 1..].iter().find(between).map(|l| heading_of(l, true).is_some());
    let before = lines[..i].iter().rev().find(between).map(|l| heading_of(l, true).is_some());
    after == Some(true) || before == Some(true)
}

/// The headings of items after the last one with a case number (after `lines[last]`) that have
/// none, as an added item often has ("Tillægsdagsorden" / "4. Klage over afgørelse - Lukket
/// punkt", "4. Eventuelt"): the next number on a line set apart, not in a numbered list. After a
/// closed item only a heading marked closed counts, since the closed item's own text may number
/// its paragraphs; a closed one always does, since read as text it would be published.
fn last_without_case(lines: &[Line], last: usize, mut expected: u32, mut after_closed: bool) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = last + 1;
    let numbered = |l: &Line| numbered_heading(&plain(l.text)).map(|(n, _)| n);
    while let Some(i) =
        (from..lines.len()).find(|&i| !lines[i].is_empty_to_reader() && numbered(&lines[i]) == Some(expected))
    {
        let heading = plain(lines[i].text);
        let Some((_, title)) = numbered_heading(&heading) else { break };
        // A repeat of the heading above right under it says nothing of this line ("3. Indledning" /
        // "2. Salg (fortsat) - Lukket"): the repeat's mark is its item's.
        let repeat_next = lines[i + 1..].iter().find(|l| !l.is_empty_to_reader()).is_some_and(|l| l.numbered_item);
        let closed = if repeat_next { is_closed(title) } else { is_closed(&full_title(title, &lines[i + 1..])) };
        let prev = lines[..i].iter().rev().find(|l| !l.is_empty_to_reader());
        let in_list = prev.is_some_and(|p| numbered(p).is_some());
        let apart = i > 0 && lines[i - 1].is_empty_to_reader();
        let titled = title.starts_with(char::is_uppercase); // "3. kvartal viste …" is a sentence
        let item = closed || (!after_closed && apart && !in_list && titled);
        if !item || has_byte(lines[i].text, b'\t') {
            break;
        }
        found.push(i);
        after_closed = closed;
        expected += 1;
        from = i + 1;
    }
    found
}

/// The number of the "3. Title" line at `lines[i]`, and whether the item is closed, if its case
/// number line follows.
fn numbered_at(lines: &[Line], i: usize) -> Option<(u32, bool)> {
    let line = &lines[i];
    if line.is_empty_to_reader()
        || line.text.len() > 300
        || has_byte(line.text, b'\t')
        || toc::entry_title(line.text).is_some()
    {
        return None;
    }
    let heading = plain(line.text);
    let (number, title) = numbered_heading(&heading)?;
    for next in near(&lines[i + 1..]) {
        if case_of(next).is_some() {
            return Some((number, is_closed(&full_title(title, &lines[i + 1..]))));
        }
        if numbered_heading(&plain(next.text)).is_some() {
            return None; // a list of numbered lines, or a heading without a case number
        }
    }
    None
}

/// The lines after a heading where its case number may stand: [`CASE_WITHIN`] non-blank lines,
/// not counting the fields that describe the item ("Åben sag", "Sagsansvarlig: …"), which some
/// systems write before the number, nor a page's head that a page break put there.
fn near<'l, 'a>(lines: &'l [Line<'a>]) -> impl Iterator<Item = &'l Line<'a>> {
    let mut others = 0;
    lines.iter().filter(|l| !l.is_empty_to_reader()).take(4 * CASE_WITHIN).take_while(move |l| {
        if !l.page_top && (!describes_item(l) || case_of(l).is_some()) {
            others += 1;
        }
        others <= CASE_WITHIN
    })
}

/// The item heading at `lines[i]`, if it is one. "Punkt 3 Title" without a colon counts when it
/// is a markdown heading or a case number follows.
pub fn heading_at(lines: &[Line], i: usize) -> Option<(u32, String)> {
    let line = lines.get(i)?;
    if let Some(h) = heading_of(line, true) {
        return (!wraps_into_toc_entry(lines, i)).then_some(h);
    }
    let (number, title) = heading_of(line, false)?;
    let case_follows = || {
        let mut next = lines[i + 1..].iter().filter(|l| !l.is_empty_to_reader());
        next.find(|l| case_of(l).is_some() || !describes_item(l)).is_some_and(|l| case_of(l).is_some())
    };
    (matches!(line.kind, Kind::Heading(_)) || case_follows()).then_some((number, title))
}

/// True if a case number line comes within [`CASE_WITHIN`] non-blank lines, before another heading.
fn case_within(lines: &[Line]) -> bool {
    near(lines).take_while(|l| heading_of(l, true).is_none()).any(|l| case_of(l).is_some())
}

/// True if the next line is the rest of a table-of-contents entry that wrapped after this one
/// ("Punkt 2: Personalesag vedrørende" / "Hjemmeplejen - Lukket......3"): an item's heading is
/// followed by its case number or text, never by a page number.
fn wraps_into_toc_entry(lines: &[Line], i: usize) -> bool {
    lines[i + 1..].iter().find(|l| !l.is_empty_to_reader()).is_some_and(|next| {
        toc::entry_title(next.text).is_some() && heading_of(next, false).is_none() && !next.numbered_item
    })
}

/// "Punkt 3 Budget 2018" without colon, markup or case number line, read as a heading only where
/// item 3 is the next one expected and a title follows with a capital: merged into item 2 it hid
/// item 3's text, decisions and attachments (or dropped them, after a closed item 2).
fn next_heading(line: &Line, rest: &[Line], expected: u32) -> Option<(u32, String)> {
    // "2. Salg af grund - Lukket" (or with "LUKKET" under it) among "Punkt N" headings: read as
    // text it published the item.
    // Asked of every line of an open item: only one starting with a digit is made plain.
    let digit_first = line.text.trim_start_matches(['#', '*', '_', ' ']).starts_with(|c: char| c.is_ascii_digit());
    if let Some((number, title)) = digit_first.then(|| plain(line.text)).as_deref().and_then(numbered_heading) {
        // A heading right under it (a repeat of the item's own) has its own mark.
        let heading_next = rest.iter().find(|l| !l.is_empty_to_reader()).is_some_and(is_heading_line);
        let marked = is_closed(title) || (!heading_next && is_closed(&full_title(title, rest)));
        let closed = number == expected && !has_byte(line.text, b'\t') && marked;
        return closed.then(|| (number, title.to_string()));
    }
    let (number, title) = heading_of(line, false)?;
    let titled = title.starts_with(char::is_uppercase) && !title.ends_with(['.', ',']);
    (number == expected && titled).then_some((number, title))
}

/// The item heading on `line`, if it is one (a table-of-contents entry is not).
fn heading_of(line: &Line, strict: bool) -> Option<(u32, String)> {
    if line.is_empty_to_reader() || line.text.len() > 300 {
        return None;
    }
    if line.numbered_item {
        // Also a first writing in the other form ("Punkt 1: Title (fortsat)" above "1. Title").
        let text = plain(line.text);
        return numbered_heading(&text).or_else(|| item_heading(&text)).map(|(n, title)| (n, title.to_string()));
    }
    let t = line.text.trim_start_matches(['*', '_']);
    let t = t.strip_prefix("<b>").unwrap_or(t);
    // The common case is decided on one byte, which also picks the words to try.
    let words: &[&str] = match t.as_bytes().first() {
        Some(b'P' | b'p') => &["punkt", "pkt"],
        Some(b'D' | b'd') => &["dagsordenspunkt"],
        Some(b'S' | b's') => &["sag nr."],
        _ => return None,
    };
    let word = words.iter().find_map(|w| strip_prefix_ci(t, w));
    if word.is_none() || toc::entry_title(line.text).is_some() {
        return None;
    }
    let plain = plain(line.text);
    let (n, title) = item_heading_with(&plain, strict)?;
    // "Sag nr. 3 Title" counts only where an item heading may be loose (a case number line follows,
    // outside a closed item): "sag nr. 7: Klage …" in running text, "Sag nr. 2024-012345" (a case
    // number) are not items.
    let sag = t.as_bytes().first().is_some_and(|b| matches!(b, b'S' | b's'));
    let number_like = title.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    if sag && (strict || n >= 1000 || number_like || !t.starts_with('S')) {
        return None;
    }
    Some((n, title.to_string()))
}

/// The heading's title with the rest of it that the PDF wrapped onto the next lines, if it did,
/// and a line that closes the item among the lines that describe it or as its first line: a
/// closed item's "Lukket" may be in either ("Punkt 2: Personalesag vedrørende …" / "…
/// sundhedshjælper - Lukket" / "24/8002"; "Punkt 5: Personalesag" / "(Lukket)"; "Punkt 5:
/// Personalesag" / "24/8002" / "Sagsansvarlig: Karen Holm" / "Lukket sag").
fn full_title(title: &str, body: &[Line]) -> String {
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
    let says_closed = |t: &str| closing_line(t, false) || item_says_closed(t) || short_mark(t);
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
    let table: Vec<Cow<str>> = first
        .filter(|&i| TableBuilder::starts(body[i].text))
        .map(|i| {
            let rows = body[i..].iter().take_while(|l| l.kind == Kind::Text && TableBuilder::starts(l.text));
            rows.filter(|l| describes_item(l)).flat_map(|l| fields(l.text)).collect()
        })
        .unwrap_or_default();
    // "Offentlig:" with its answer on the next line: the field read as one line.
    let answered = first.filter(|&i| public_label(body[i].text)).and_then(|i| {
        let next = body[i + 1..].iter().find(|l| !l.is_empty_to_reader())?;
        Some(format!("{} {}", body[i].text.trim_end(), next.text.trim()))
    });
    let first = first.map(|i| body[i].text);
    let says_closed = |t: &str| says_closed(t) || public_field(t) == Some(true);
    let table = table.iter().map(|c| &**c);
    if let Some(mark) = fields_read.chain(first).chain(table).chain(answered.as_deref()).find(|t| says_closed(t)) {
        // "Offentlig: Nej" has no closing word of its own: it says "Lukket".
        push_title_line(&mut full, if public_field(mark) == Some(true) { "Lukket" } else { mark });
    }
    // What a system writes after the number on the case line ("Sagsnr.: 24/1002 (lukket)",
    // "24/1002, Lukket punkt"): a closing word anywhere in that short line marks the item.
    if let Some((i, _)) = head.case.as_ref().filter(|(i, _)| is_closed(&to_plain(body[*i].text))) {
        push_title_line(&mut full, body[*i].text);
    }
    full
}

/// Appends a line of a wrapped title: a word the PDF hyphenated at the line end is one word again
/// ("… – Luk-" / "ket"), so that a closing word split in two is still read; a short or capital
/// part keeps its hyphen ("it-" / "systemer", "EU-" / "projekt").
fn push_title_line(full: &mut String, line: &str) {
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
struct Head {
    /// Indexes of the title's wrapped lines.
    wrapped: Vec<usize>,
    /// Indexes of the lines of fields ("Sagsansvarlig: …", "Åben sag"), the case line's included.
    fields: Vec<usize>,
    case: Option<(usize, CaseNumber)>,
    /// Where the item's text starts.
    end: usize,
}

/// Reads the [`Head`] of an item's `body`: up to [`CASE_WITHIN`] wrapped title lines and any
/// number of field lines before the case number line, and the field lines right after it.
fn head_of(body: &[Line]) -> Head {
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
        } else if describes_item(l) {
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

/// An item heading, "Punkt N" or (where the file uses them) "N. Title".
fn is_heading_line(l: &Line) -> bool {
    l.numbered_item || heading_of(l, false).is_some()
}

/// A line that may continue an item's title: text, no section or item heading, no table row.
fn title_line(l: &Line) -> bool {
    l.kind == Kind::Text
        && l.text.len() < 200
        && !has_byte(l.text, b'\t')
        && heading_of(l, true).is_none()
        && sections::kind_of(&to_plain(l.text)).is_none()
}

/// Parses the agenda from the first item heading to the end of the file.
pub fn parse(lines: &[Line], meta: &Meta, cx: &mut Ctx) -> Vec<AgendaItem> {
    let mut items: Vec<AgendaItem> = Vec::new();
    let mut first_line: HashMap<u32, usize> = HashMap::new();
    // Every line's heading, read once; by index and number to see whether a lower number comes later.
    let mut heads: Vec<Option<(u32, String)>> = (0..lines.len()).map(|i| heading_at(lines, i)).collect();
    let later = LaterNumbers::new(heads.iter().enumerate().filter_map(|(i, h)| Some((i, h.as_ref()?.0))));
    let divider = closed_part(lines, cx);
    // The last "Punkt N: Godkendt." line read as the open item's text.
    let mut last_point: Option<usize> = None;
    // The open item: its heading's index, number, title, full title and whether it is closed.
    let mut start: Option<(usize, u32, String, String, bool)> = None;
    // The open item's lines that a page break left: its heading repeated, and the page's head above.
    let mut furniture: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // "Punkt 4 Title" without colon or case line counts only after an open item: inside a
        // closed one it may be the closed text's own, and hiding an item is the safe mistake.
        let next = start.as_ref().map(|o| o.1 + 1);
        let loose = || next_heading(line, &lines[i + 1..], next?);
        let heading = match (heads[i].take(), &start) {
            (Some(h), _) => Some(h),
            (None, Some(open)) if open.4 => {
                if let Some((number, _)) = loose() {
                    cx.warn(
                        line.no,
                        format!(
                            "\"Punkt {number} …\" without colon or case number inside closed item {} is read as \
                             part of it and not published; write \"Punkt {number}: …\" if it is an item",
                            open.1
                        ),
                    );
                }
                None
            }
            (None, _) => loose(),
        };
        let Some((number, title)) = heading else { continue };
        let full = full_title(&title, &lines[i + 1..]);
        // Where the text of the item before starts: a closing mark above this heading is this
        // item's unless it is that item's own.
        let body_from = start.as_ref().map_or(0, |o| o.0 + 1);
        // The heading's first writing right above it, in the other form ("## 2. Salg" above
        // "Punkt 2: Salg - Lukket"): the item before's text ends there, and a mark above it counts.
        // Looked for once the heading starts an item: inside a closed item, headings may be many.
        let mut first_writing = None;
        if let Some((s, n, t, t_full, closed)) = start.take() {
            // Inside a closed item a "Punkt N" is its own (unpublished) text when N is not higher,
            // or skips numbers that a later heading has: "Punkt 4: …" and "Punkt 5: …" listed in
            // closed item 2, before "Punkt 3: Eventuelt", are not items 4 and 5.
            let skipped_to = || number > n + 1 && later.any_after(i, n + 1..number);
            if closed && (number <= n || skipped_to()) {
                let why =
                    if number <= n { format!("not higher than {n}") } else { format!("item {} comes later", n + 1) };
                cx.warn(
                    line.no,
                    format!(
                        "\"Punkt {number}\" inside closed item {n} is read as part of it and not published ({why})"
                    ),
                );
                start = Some((s, n, t, t_full, closed));
                continue;
            }
            // The open item's heading again at a page's top ("Punkt 2: Salg af grund (fortsat)"):
            // the item goes on. Read as a new item 2, it was refused as a number used twice, and
            // a mark under it closed only the second half. A repeat that says closed ("… (fortsat) -
            // Lukket") closes the whole item.
            if number == n && continues(&title, &t) {
                // Its own title says so (the lines under a repeat are the item's text, not its
                // title), or a mark above it: at a page's end, the item's it continues.
                let mark = marked_above(lines, s + 1, i)
                    .or_else(|| marked_past_page_break(lines, s + 1, i))
                    .or_else(|| writings_above(lines, s + 1, i, n, &t).into_iter().find_map(|(k, c)| c.then_some(k)));
                let closes = is_closed(&title) || mark.is_some();
                if !closed && closes {
                    let why = mark.map_or(&title[..], |j| lines[j].text.trim());
                    cx.warn(
                        line.no,
                        format!("item {n} is closed by its repeated heading or the line above it, \"{}\", and not published", clip(why)),
                    );
                }
                // The heading itself again (not "Punkt 2: Arbejdet fortsat"), with its page's head.
                if same_heading(&title, &t) {
                    furniture.push(i);
                    let above = (s + 1..i).rev().filter(|&j| !lines[j].is_empty_to_reader());
                    furniture.extend(above.take_while(|&j| lines[j].page_top));
                }
                // The first writing said "(fortsat)" (a page's head above the heading): the title is
                // the one without it.
                let (t, t_full) =
                    if says_continued(&t) && !says_continued(&title) { (title, full.clone()) } else { (t, t_full) };
                start = Some((s, n, t, t_full, closed || closes));
                continue;
            }
            // In an open item, "Punkt 1: Godkendt." under item 2's decision is its text (a decision
            // per point of the recommendation), not item 1 again: a sentence, not closed, without
            // a case number line, whose number is not higher, or comes again later ("Punkt 3:
            // Godkendt med bemærkning." before "Punkt 3: Orientering …"), or follows such a point.
            // "… forts." ends with a stop but is a heading continued, not a sentence.
            let sentence = (title.ends_with('.') && !says_continued(&title)) || title.starts_with(char::is_lowercase);
            let follows_point = i > 0 && last_point == Some(i - 1);
            let point = number <= n || later.any_after(i, number..number + 1) || follows_point;
            if !closed && point && sentence && !is_closed(&full) && !case_within(&lines[i + 1..]) {
                last_point = Some(i);
                start = Some((s, n, t, t_full, closed));
                continue;
            }
            // The lines from the next heading's first writing on are that heading's.
            first_writing = Some(adjacent_writing(lines, body_from, i, number, &title));
            let i = first_writing.flatten().unwrap_or(i);
            let end = divider.map_or(i, |d| if (s..i).contains(&d) { d } else { i });
            let above = marked_above(lines, s + 1, i);
            let end = above.or_else(|| supplement_above(lines, s + 1, i)).map_or(end, |m| end.min(m));
            let end = if closed { end } else { closed_sub_item(lines, s + 1, end, cx).unwrap_or(end) };
            // "Offentlig: Nej" (or a table that says so) right above the next heading may end this
            // item's text as well as mark the next one: it closes both, unless this item's own
            // fields call it open.
            let own = own_case(&t, &lines[s + 1..end]);
            let trailing = above.filter(|&m| {
                closing_field(&lines[m..i], Own { number: Some(n), cases: &own }).is_some()
                    && !says_open(&lines[s + 1..m])
            });
            let closed = closed
                || public_no_in(&lines[s + 1..end], n, &own, cx)
                || trailing.is_some_and(|m| {
                    cx.warn(
                        lines[m].no,
                        format!(
                            "item {n} is closed by \"{}\" below its text, and not published",
                            clip(lines[m].text.trim())
                        ),
                    );
                    true
                });
            let body = without(&lines[s + 1..end], s + 1, &furniture);
            items.push(item(&lines[s], n, t, &t_full, closed, &body, meta, cx));
            furniture.clear();
        }
        let first_writing = first_writing.unwrap_or_else(|| adjacent_writing(lines, body_from, i, number, &title));
        if let Some(prev) = first_line.insert(number, line.no) {
            cx.error(line.no, format!("item number {number} is used twice (first on line {prev})"));
        }
        let after_divider = divider.is_some_and(|d| d < i);
        // Past a page's head or number ("Lukket punkt" / "Høje-Taastrup Kommune" / "Punkt 2: …")
        // the mark may be either item's: it stays in the text above, which it closes too when
        // set apart there (see `fields::closing_field`).
        let above = marked_above(lines, body_from, i)
            .or_else(|| marked_past_page_break(lines, body_from, i))
            .or_else(|| first_writing.and_then(|k| marked_above(lines, body_from, k)))
            .filter(|_| !is_closed(&full) && !after_divider);
        if let Some(j) = above {
            cx.warn(
                line.no,
                format!(
                    "item {number} is closed by the line above it, \"{}\", and not published",
                    clip(lines[j].text.trim())
                ),
            );
        }
        let closed = after_divider || is_closed(&full) || above.is_some();
        start = Some((i, number, title, full, closed));
    }
    if let Some((s, n, t, t_full, closed)) = start {
        let end = divider.filter(|&d| d > s).unwrap_or(lines.len());
        let end = if closed { end } else { closed_sub_item(lines, s + 1, end, cx).unwrap_or(end) };
        let closed = closed || public_no_in(&lines[s + 1..end], n, &own_case(&t, &lines[s + 1..end]), cx);
        let body = without(&lines[s + 1..end], s + 1, &furniture);
        items.push(item(&lines[s], n, t, &t_full, closed, &body, meta, cx));
    }
    check_sequence(&items, cx);
    items
}

/// `body` (whose first line is `lines[from]`) with the lines at indexes `blanked` made blank: what a
/// page break left in an item's text (its heading repeated "(fortsat)", the page's head above
/// it) is not the minutes' text. Blank, the lines still end a paragraph.
fn without<'l, 'a>(body: &'l [Line<'a>], from: usize, blanked: &[usize]) -> Cow<'l, [Line<'a>]> {
    let inside: Vec<usize> = blanked.iter().filter_map(|&j| j.checked_sub(from)).filter(|&k| k < body.len()).collect();
    if inside.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut owned = body.to_vec();
    for k in inside {
        owned[k] = normalize::blank(owned[k].no);
    }
    Cow::Owned(owned)
}

/// Lines under an item's heading whose case numbers count as its own (see [`own_case`]).
const OWN_CASE_LINES: usize = 3;

/// The item's own case numbers: the one of its title and the one under its heading (see
/// [`case_number`]), and every other written into its title or on the first lines under its
/// heading ("Sagsnr.: 24/1005, 24/1001", "(tidl. 24/1001)", a second case line). They tell the
/// item's own fields from a table of other cases' in its text, and any of them may be the one a
/// table names: with one left out, its row was read as another case's and the item published.
fn own_case(title: &str, body: &[Line]) -> Vec<CaseNumber> {
    let mut own: Vec<CaseNumber> = case_in_title(title).map(|(_, case)| case).into_iter().collect();
    own.extend(head_of(body).case.map(|(_, case)| case).filter(|c| !own.contains(c)));
    let head = body.iter().filter(|l| !l.is_empty_to_reader()).take(OWN_CASE_LINES).map(|l| l.text);
    add_cases_in(std::iter::once(title).chain(head), &mut own);
    own
}

/// Adds to `cases` every case number mentioned in `texts` that it does not hold yet.
fn add_cases_in<'a>(texts: impl Iterator<Item = &'a str>, cases: &mut Vec<CaseNumber>) {
    for t in texts {
        crate::mention::each_mention(t, |_, m| {
            if let crate::mention::Mention::Case(c) = m {
                if !cases.contains(&c) {
                    cases.push(c);
                }
            }
        });
    }
}

/// True if a field among the first lines of an item's text calls it open ("Offentlig: Ja", "Åben sag").
fn says_open(body: &[Line]) -> bool {
    head_of(body).fields.iter().any(|&i| fields(body[i].text).iter().any(|f| open_status(f)))
}

/// "Tillægsdagsorden" (also "Tillægspunkter:") on a line of its own right above the heading at `i`:
/// the start of the supplementary agenda, not the end of the previous item's text.
fn supplement_above(lines: &[Line], from: usize, i: usize) -> Option<usize> {
    let j = (from..i).rev().find(|&j| !lines[j].is_empty_to_reader())?;
    let t = lines[j].text.trim().trim_matches(['*', '_', ':', '#', ' ']);
    let names = ["tillægsdagsorden", "tillægsdagsordenen", "tillægspunkter", "tillægspunkt"];
    (t.len() <= 20 && names.iter().any(|n| t.to_lowercase() == *n)).then_some(j)
}

/// The first closed sub-item's heading in an open item's lines `from..to` ("Punkt 3a: Tillægspunkt
/// – Lukket"): the item's text ends there, since what follows it up to the next item is its text.
fn closed_sub_item(lines: &[Line], from: usize, to: usize, cx: &mut Ctx) -> Option<usize> {
    let j = (from..to).find(|&j| sub_item(&lines[j]).is_some_and(|t| is_closed(&full_title(&t, &lines[j + 1..to]))))?;
    cx.warn(
        lines[j].no,
        format!("sub-item \"{}\" is closed: it and the text after it are not published", clip(lines[j].text.trim())),
    );
    Some(j)
}

/// The line right above the heading at `i` (blank lines between allowed, none before `from`, where
/// the previous item's text starts) when it marks the item closed on its own ("LUKKET PUNKT"
/// above "Punkt 2: Personalesag", or a field "Offentlig: Nej", which closes the item above too).
/// A table of fields that says so ("| Sagsnr. | Offentlig |" / "|---|---|" / "| 24/1002 | Nej |")
/// marks it the same way; the table's first line is returned.
fn marked_above(lines: &[Line], from: usize, i: usize) -> Option<usize> {
    let j = (from..i).rev().find(|&j| !lines[j].is_empty_to_reader())?;
    let first = table_ending_at(lines, from, j);
    // The next item's case numbers, as its title and first lines give them (see
    // [`own_case`]); read only once a mark is found: reading them for every heading was 4 % of a parse.
    let next_cases = std::cell::LazyCell::new(|| {
        let title = heading_at(lines, i).map(|(_, t)| t).unwrap_or_default();
        own_case(&title, &lines[i + 1..])
    });
    let of_others = || OtherCases::default().exempt(&lines[from..=j], j - from, j - from, &next_cases);
    let start = match closing_line(lines[j].text, false) || public_no_line(lines[j].text) && !of_others() {
        true => j,
        false if first < j && closing_field(&lines[first..=j], Own { number: None, cases: &next_cases }).is_some() => {
            first
        }
        false => return None,
    };
    // A table that names another case than the next item's, written in the same form, describes
    // that case, not the item ("Sagsnr. 24/1003" above "Punkt 2" / "24/1002").
    let cases = table_cases(&lines[start..=j]);
    let same_form = |c: &CaseNumber| cases.iter().all(|t| t.is_short() == c.is_short());
    let other = |c: &CaseNumber| same_form(c) && !cases.contains(c);
    if !next_cases.is_empty() && !cases.is_empty() && next_cases.iter().all(other) {
        return None;
    }
    // The previous item's own mark ("Punkt 1: …" / "17/1002" / "(Lukket)") is not the next one's:
    // only its case number line stands between its heading and the mark.
    let own = lines[from..start].iter().filter(|l| !l.is_empty_to_reader()).all(|l| case_of(l).is_some());
    (!own && heading_at(lines, j).is_none()).then_some(start)
}

/// True if `title`, under the number of the item being read (titled `open`), continues it at a
/// page's top: the same heading ([`same_heading`]), or any title saying it continues ("(fortsat)",
/// "forts.").
pub(super) fn continues(title: &str, open: &str) -> bool {
    title.trim() == open.trim() || says_continued(title) || same_heading(title, open)
}

/// True if two titles are one heading written twice, as a page's head repeats it above or below
/// its first writing: the same words once a trailing "(fortsat)", "forts." or closed mark is gone
/// ("Salg af grund (fortsat) - Lukket" and "Salg af grund"). Only the same words: a numbered list
/// line under the item's number that happens to say "fortsat" ("3. Forhandlingerne fortsat med
/// …") is text, and read as the heading's first writing it published a closed item's text.
fn same_heading(a: &str, b: &str) -> bool {
    let (a, b) = (bare_title(a), bare_title(b));
    !a.is_empty() && a == b
}

/// `title` in lower case without its trailing marks of a page break or a closed item.
fn bare_title(title: &str) -> String {
    const MARKS: [&str; 9] =
        ["(fortsat)", "fortsat", "(forts.)", "forts.", "forts", "(lukket punkt)", "lukket punkt", "(lukket)", "lukket"];
    let lower = title.to_lowercase();
    let mut t = lower.as_str();
    loop {
        let trimmed = t.trim_end_matches([' ', '-', '–', ',', ':', '*', '_']);
        match MARKS.iter().find_map(|m| trimmed.strip_suffix(m)) {
            Some(rest) if rest.is_empty() || rest.ends_with([' ', '-', '–', ',', '(']) => t = rest,
            _ => return words_of(trimmed).collect::<Vec<_>>().join(" "),
        }
    }
}

/// True if a heading's title says it continues the item ("Salg af grund (fortsat)", "forts.").
fn says_continued(title: &str) -> bool {
    let lower = title.to_lowercase();
    // Bound before `lower` is dropped: the iterator borrows it.
    let continued = words_of(&lower).any(|w| w == "fortsat" || w == "forts");
    continued
}

/// True if `text` reads as an item heading, "Punkt 2: …" or "2. …" (see the head in
/// [`super::fields::closing_field`]).
pub(super) fn repeated_heading(text: &str) -> bool {
    let plain = to_plain(text);
    let plain = plain.trim_matches(['*', '_', '#', ' ']);
    item_heading(plain).is_some() || numbered_heading(plain).is_some()
}

/// A line that marks an item closed on its own ("Lukket punkt") above the heading at `i` with up
/// to three lines of a page's head, foot or number between (and none before `from`): a page break
/// that fell between an item's mark and its heading.
fn marked_past_page_break(lines: &[Line], from: usize, i: usize) -> Option<usize> {
    // Lines of a page passed: all of them, and those that may be a head but not surely one.
    let (mut passed, mut skipped) = (0, 0);
    // Only a page's number or foot stood between (no line that may be text, as a head may be).
    let mut numbers_only = true;
    for j in (from..i).rev() {
        let l = &lines[j];
        if l.is_empty_to_reader() {
            continue;
        }
        if closing_line(l.text, false) {
            // Set apart from the text above it, or from the heading by a page's number alone
            // (pdftotext without blank lines): "Rådhuset" / "Lukket" / "Biblioteket" ends a list.
            let apart = j == from || lines[j - 1].is_empty_to_reader() || numbers_only;
            let label = to_plain(l.text).trim_end().ends_with(':');
            return (passed > 0 && apart && !label && heading_at(lines, j).is_none()).then_some(j);
        }
        if !normalize::page_furniture(l.text) {
            return None;
        }
        // A page's head after a form feed is no text either ("Lukket punkt" / "\x0cSide 3"); such
        // lines, numbers and feet may be many, other lines that may be a head at most three.
        let page = l.page_top || normalize::page_number_or_footer(l.text);
        numbers_only &= page;
        passed += 1;
        if !page {
            if skipped == 3 {
                return None;
            }
            skipped += 1;
        }
    }
    None
}

/// For each item number, the last line with a heading of that number, to ask whether a number in
/// a range comes after a line: a range maximum, in a table built on the first question (most
/// files never ask), so a file of many headings inside a closed item is not read in square time.
struct LaterNumbers {
    last: Vec<usize>,
    /// `table[k][m]`: the latest line among numbers `m..m + 2^k`, plus one (0: none).
    table: std::cell::OnceCell<Vec<Vec<usize>>>,
}

impl LaterNumbers {
    fn new(headings: impl Iterator<Item = (usize, u32)>) -> LaterNumbers {
        let mut last: Vec<usize> = Vec::new();
        for (line, number) in headings {
            let number = number as usize;
            if last.len() <= number {
                last.resize(number + 1, 0);
            }
            last[number] = line + 1;
        }
        LaterNumbers { last, table: std::cell::OnceCell::new() }
    }

    /// True if a heading numbered within `numbers` stands on a line after `line`.
    fn any_after(&self, line: usize, numbers: std::ops::Range<u32>) -> bool {
        let (from, to) = (numbers.start as usize, (numbers.end as usize).min(self.last.len()));
        if from >= to {
            return false;
        }
        let table = self.table.get_or_init(|| {
            let mut table = vec![self.last.clone()];
            let mut width = 1;
            while width * 2 <= self.last.len() {
                let prev = &table[table.len() - 1];
                let next = (0..=self.last.len() - width * 2).map(|m| prev[m].max(prev[m + width])).collect();
                table.push(next);
                width *= 2;
            }
            table
        });
        let k = (usize::BITS - 1 - (to - from).leading_zeros()) as usize;
        table[k][from].max(table[k][to - (1 << k)]) > line + 1
    }
}

/// The line that divides the agenda into an open and a closed part ("Lukkede punkter", "Lukket
/// møde" on a line of its own between two items), if there is one: every item after it is closed.
fn closed_part(lines: &[Line], cx: &mut Ctx) -> Option<usize> {
    // On a line of its own: blank lines around it, or an item heading right after it. A page's
    // number, head or foot next to it counts as blank ("3" / "Lukkede punkter" at a page break).
    let alone = |i: usize| {
        let blank = |j: Option<&Line>| j.is_none_or(|l| l.is_empty_to_reader() || normalize::page_furniture(l.text));
        // Without blank lines (pdftotext), a sentence's end above it sets it apart too.
        let ends = |j: Option<&Line>| blank(j) || j.is_some_and(|l| l.text.trim_end().ends_with(['.', '!', '?']));
        matches!(lines[i].kind, Kind::Heading(_))
            || (ends(i.checked_sub(1).map(|j| &lines[j]))
                && (blank(lines.get(i + 1)) || heading_at(lines, i + 1).is_some()))
    };
    // A divider starts with its closing word ("Lukkede punkter", "LUKKET MØDE", "Fortrolige
    // punkter"), or with "Punkter", "Sager" or "Mødet" ("Punkter på lukket dagsorden", "Sager
    // behandlet for lukkede døre", "Mødet fortsatte for lukkede døre").
    let starts = |i: usize| {
        let t = lines[i].text.trim_start_matches(['*', '_', '#', '(', ' ']);
        t.starts_with(['L', 'l', 'F', 'f', 'P', 'p', 'S', 's', 'M', 'm'])
    };
    let named = |i: usize| starts(i) && closing_line(lines[i].text, true) && alone(i);
    let d =
        (1..lines.len()).find(|&i| (named(i) || divides_before_heading(lines, i)) && heading_at(lines, i).is_none())?;
    cx.warn(
        lines[d].no,
        format!("\"{}\": the items after this line are closed and not published", clip(lines[d].text.trim())),
    );
    Some(d)
}

/// A line of its own right above an item heading that says, in other words than
/// [`closing_line`]'s, that what follows is closed ("Sager til lukket møde", "Tillægsdagsorden -
/// lukket", "LUKKET REFERAT", "Lukket møde for Teknik- og Miljøudvalgets møde den 12. marts …"):
/// not a mark of the next item alone ("Lukket punkt", see [`marked_above`]), not a sentence about
/// something closed ("Sagen er lukket."), not an attachment's file name.
fn divides_before_heading(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.trim();
    // Every line is asked: decided on its place first (set apart, an item heading next), then
    // on its bytes ("lukke…", "fortrolig…", "offentlig…" all have an "l" after a vowel or "r").
    let before = i.checked_sub(1).map(|j| lines[j].text.trim_end());
    let apart = before.is_none_or(|p| p.is_empty() || p.ends_with(['.', ':', '!', '?']));
    if t.is_empty() || t.len() > 200 || !apart {
        return false;
    }
    let next = lines[i + 1..].iter().position(|l| !l.is_empty_to_reader()).map(|k| i + 1 + k);
    let Some((number, _)) = next.and_then(|n| heading_at(lines, n)) else { return false };
    let b = t.as_bytes();
    let hint = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    if !(hint(b"lukke") || hint(b"fortrolig") || hint(b"offentlig")) {
        return false;
    }
    let plain = to_plain(t);
    let lower = plain.to_lowercase();
    let words: Vec<&str> = words_of(&lower).collect();
    let sentence = words.windows(2).any(|w| is_verb(w[0]) && closing_word(w[1])) || t.ends_with('.');
    let file = [".pdf", ".doc", ".docx", ".xlsx", ".xls", ".odt"].iter().any(|e| lower.ends_with(e));
    // The closing word says what is closed ("lukket møde", "Lukkede sager", "for lukkede døre"),
    // or ends the line ("Tillægsdagsorden - lukket"), or a line starts "Lukket…" ("LUKKET
    // REFERAT", "Lukket behandling"); "Den lukkede hal" or "Fortrolig revisionsrapport" describe.
    let parts =
        ["møde", "mødet", "del", "dagsorden", "dagsordenen", "punkter", "sager", "behandling", "døre", "referat"];
    let names_part = words.windows(2).any(|w| closing_word(w[0]) && parts.contains(&w[1]))
        || words.last().is_some_and(|w| closing_word(w))
        || (words.len() <= 2 && words.first().is_some_and(|w| matches!(*w, "lukket" | "lukkede")));
    // Above the item's own heading repeated at a page's top ("Lukket: Ja" / "Punkt 2: … (fortsat)"
    // in item 2) it ends no part of the agenda.
    let repeated = || (0..i).rev().find_map(|j| heading_at(lines, j)).is_some_and(|(n, _)| n >= number);
    names_part && !sentence && !file && !closing_line(t, false) && !repeated()
}

/// Closes an item that was read as open: its text is dropped, as if its heading had said "Lukket".
pub fn close(item: &mut AgendaItem) {
    item.closed = true;
    item.title = "Lukket".to_string();
    item.sections = Vec::new();
    item.decisions = Vec::new();
    item.attachments = Vec::new();
}

fn check_sequence(items: &[AgendaItem], cx: &mut Ctx) {
    for pair in items.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if b.number != a.number + 1 && b.number != a.number {
            cx.warn(b.line, format!("item {} follows item {}; expected item {}", b.number, a.number, a.number + 1));
        }
    }
}

/// `full` and `closed`: the full title and what [`parse`] found when the item began.
#[allow(clippy::too_many_arguments)]
fn item(
    heading: &Line,
    number: u32,
    title: String,
    full: &str,
    closed: bool,
    body: &[Line],
    meta: &Meta,
    cx: &mut Ctx,
) -> AgendaItem {
    if closed && is_closed(full) && closed_in_passing(full) {
        let why = match closing_word_in(full) {
            Some(word) => format!("the word \"{word}\""),
            None => "words saying it is not public".to_string(),
        };
        cx.warn(
            heading.no,
            format!("item {number} is treated as closed and not published: its title or first line has {why}"),
        );
    }
    let (title, case_in_title) = match case_in_title(&title) {
        Some((rest, case)) => (rest.to_string(), Some(case)),
        None => (title, None),
    };
    let mut item = AgendaItem {
        number,
        title: if closed { "Lukket".to_string() } else { title },
        case: case_in_title,
        closed,
        line: heading.no,
        sections: Vec::new(),
        decisions: Vec::new(),
        attachments: Vec::new(),
    };
    let rest = case_number(&mut item, body, cx);
    if item.closed {
        return item; // the body of a closed item is never read or stored
    }
    if item.title.is_empty() {
        cx.warn(heading.no, format!("item {number} has no title"));
    }
    sections_of(&mut item, rest, meta, cx);
    item
}

/// Reads the case number line after the heading (with a title line the PDF wrapped before it, and
/// the fields around it, which are dropped); returns the lines after them.
fn case_number<'l, 'a>(item: &mut AgendaItem, body: &'l [Line<'a>], cx: &mut Ctx) -> &'l [Line<'a>] {
    let head = head_of(body);
    match head.case {
        Some((_, case)) => {
            if !item.closed {
                head.wrapped.iter().for_each(|&w| push_title_line(&mut item.title, body[w].text));
            }
            item.case = Some(case);
        }
        None => {
            let first = body[head.end..].iter().enumerate().find(|(_, l)| !l.is_empty_to_reader());
            if let Some((i, l)) = first.filter(|(_, l)| looks_like_case_number(l.text) && !item.closed) {
                cx.warn(l.no, format!("item {}: \"{}\" is not a valid case number", item.number, clip(l.text)));
                return &body[head.end + i + 1..];
            }
            if item.case.is_none() {
                let message = format!("item {} has no case number (expected a line like \"16/26813\")", item.number);
                cx.warn(item.line, message);
            }
        }
    }
    &body[head.end..]
}

/// A case number written into the heading: "Title (16/26813)", "Title - Sagsnr. 16/26813".
/// Returns the title without it.
fn case_in_title(title: &str) -> Option<(&str, CaseNumber)> {
    let t = title.trim_end();
    let (rest, tail) = match t.strip_suffix(')') {
        Some(inner) => inner.rsplit_once('(')?,
        None => {
            let at = find_ci(t, "sagsnr")?;
            (&t[..at], &t[at..])
        }
    };
    let tail = tail.trim();
    let number = ["sagsnr.", "sagsnr", "sag nr."]
        .iter()
        .find_map(|l| strip_prefix_ci(tail, l))
        .unwrap_or(tail)
        .trim_start_matches([':', ' ']);
    let case = number.parse().ok()?;
    Some((rest.trim_end().trim_end_matches([',', '-', '–', ' ']), case))
}

/// "16/26813", "Sagsnr.: 16/26813", "00.01.00-A00-1-21", also with what some systems write after
/// it: "Sagsnr. 24/1009 (Acadre)", "Sagsnr.: 24/1010, Dok.nr.: 24/5555".
fn case_of(line: &Line) -> Option<CaseNumber> {
    if line.is_empty_to_reader() {
        return None;
    }
    let whole = if line.text.len() <= 80 { case_in(line.text) } else { None };
    // A `-layout` line with other fields beside the number ("Sagsnr.: 24/4001      Sagsansvarlig: …").
    let laid_out = || {
        let cols = columns(line.text);
        let first = match cols[..] {
            [label, number, ..] if label.ends_with(':') => format!("{label} {number}"),
            [first, _, ..] => first.to_string(),
            _ => return None,
        };
        (first.len() <= 80).then(|| case_in(&first)).flatten()
    };
    // A row of a table of fields ("| Sagsnr. | 24/4001 |"), read as the field "Sagsnr.: 24/4001";
    // not a row of a table of cases in the text ("| 24/4001 | Budget |").
    let row = || {
        let fields = pipe_cells(line.text).map(|_| fields(line.text)).filter(|f| f.iter().all(|f| is_field(f)))?;
        case_in(fields.first()?)
    };
    whole.or_else(|| (has_byte(line.text, b'\t') || line.text.contains("   ")).then(laid_out).flatten()).or_else(row)
}

/// [`case_of`] for one field's text.
pub(super) fn case_in(text: &str) -> Option<CaseNumber> {
    if text.len() > 80 {
        return None;
    }
    let plain = plain(text);
    let mut t = plain.trim();
    let lower = t.to_lowercase();
    let mut labelled = false;
    for label in [
        "sagsnummer",
        "sagsnr.",
        "sagsnr",
        "sags nr.",
        "sags nr",
        "sags.nr.",
        "sag nr.",
        "sags-id",
        "sagsid",
        "sags id",
        "journalnummer",
        "journalnr.",
        "j.nr.",
        "sag",
    ] {
        if lower.starts_with(label) {
            t = t[label.len()..].trim_start_matches([':', ' ', '.']);
            labelled = true;
            break;
        }
    }
    // After a label, what some systems write behind the number ("24/1234 (Acadre)", "24/1234,
    // Dok.nr.: …", "24/1234 - Åben sag", "24/1234."); a bare line is the number alone ("24/12,
    // 27/12 og 31/12 holdes …" is text). A KLE number may have spaces in it.
    if !labelled {
        return t.parse().ok();
    }
    let t = t.split([',', ';', '(']).next().unwrap_or(t).trim().trim_end_matches('.');
    t.parse().ok().or_else(|| t.split_whitespace().next()?.trim_end_matches('.').parse().ok())
}

/// Short, no spaces, digits with "/" or "." or "-": a case number with a typo.
fn looks_like_case_number(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 30
        && !t.contains(' ')
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().any(|b| matches!(b, b'/' | b'.' | b'-'))
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-'))
}

/// An open section being built.
struct Open {
    heading: String,
    kind: SectionKind,
    blocks: Blocks,
    line: usize,
}

fn sections_of(item: &mut AgendaItem, lines: &[Line], meta: &Meta, cx: &mut Ctx) {
    let mut open: Option<Open> = None;
    // The previous line leaves room for a heading: blank, a heading, or the end of a sentence.
    let mut prev_blank = true;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::Blank => {
                if let Some(o) = &mut open {
                    o.blocks.blank();
                }
                prev_blank = true;
                continue;
            }
            Kind::Heading(_) => {
                let plain = plain(strip_bold_wrapper(line.text)).into_owned();
                match sections::kind_of(&plain) {
                    Some(kind) => start(item, &mut open, plain, kind, line.no, meta, cx),
                    None => match &mut open {
                        Some(o) => o.blocks.subheading(line.text),
                        None => start(item, &mut open, plain, SectionKind::Other, line.no, meta, cx),
                    },
                }
            }
            // "Punkt 2.1: Orientering": a part of the item with a heading of its own.
            Kind::Text if sub_item(line).is_some() => {
                start(item, &mut open, to_plain(line.text), SectionKind::Other, line.no, meta, cx)
            }
            // "Bilag 1: Lokalplanforslag" in an item's text without a "Bilag" heading: the list
            // of attachments starts here.
            Kind::Text
                if prev_blank
                    && numbered_attachment(line.text)
                    && open.as_ref().is_none_or(|o| o.kind != SectionKind::Attachments) =>
            {
                start(item, &mut open, "Bilag".to_string(), SectionKind::Attachments, line.no, meta, cx);
                if let Some(o) = &mut open {
                    o.blocks.line(line);
                }
            }
            Kind::Text => {
                // Section headings stand alone, are short and start with a capital (or markup).
                let candidate = prev_blank
                    && line.text.len() <= 130
                    && line.text.starts_with(|c: char| c.is_uppercase() || matches!(c, '*' | '_' | '<'))
                    && !has_byte(line.text, b'\t');
                let kind = candidate
                    .then(|| plain(strip_bold_wrapper(line.text)))
                    .and_then(|p| sections::kind_of(&p).map(|k| (p.into_owned(), k)))
                    .filter(|(p, k)| !attachment_named_like_a_section(open.as_ref(), p, *k, &lines[i + 1..]));
                let inline = if kind.is_none() && prev_blank { inline_heading(line.text) } else { None };
                match (kind, inline) {
                    (Some((plain, kind)), _) => start(item, &mut open, plain, kind, line.no, meta, cx),
                    (None, Some((heading, kind, rest))) => {
                        start(item, &mut open, heading, kind, line.no, meta, cx);
                        if let Some(o) = &mut open {
                            o.blocks.line(&Line { text: rest, ..*line });
                        }
                    }
                    (None, None) => {
                        let o = open.get_or_insert_with(|| Open {
                            heading: String::new(),
                            kind: SectionKind::Other,
                            blocks: Blocks::new(meta.markdown, false),
                            line: line.no,
                        });
                        o.blocks.line(line);
                    }
                }
            }
        }
        // Text without blank lines (pdftotext): a heading may follow a line that ends a sentence.
        prev_blank = line.kind != Kind::Text || line.text.ends_with(['.', ':', '!', '?']);
    }
    if let Some(o) = open.take() {
        finish(item, o, meta, cx);
    }
}

/// "Bilag 1: Lokalplanforslag", "Bilag 2 - Miljøscreening.pdf": an attachment by its number.
fn numbered_attachment(text: &str) -> bool {
    let Some(rest) = text.trim_start_matches(['*', '_']).strip_prefix("Bilag ") else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && rest[digits..].trim_start().starts_with([':', '-', '–', '.']) && text.len() <= 200
}

/// True if a bare line naming a section ("Tidsplan", "Økonomi", "Beslutning fra Handicaprådet") in
/// a list of attachments is one more attachment: no text of its own follows it, only short lines.
/// A dated decision always starts its own section, as does any heading followed by a sentence or
/// a table (a markdown row "| Udgift | 2,5 |" or cells set apart by tabs).
fn attachment_named_like_a_section(open: Option<&Open>, heading: &str, kind: SectionKind, rest: &[Line]) -> bool {
    let in_attachments = open.is_some_and(|o| o.kind == SectionKind::Attachments);
    let prose = |l: &Line| {
        l.text.len() > 80
            || l.text.trim_end().ends_with(['.', ':', '!', '?'])
            || l.text.starts_with('|')
            || has_byte(l.text, b'\t')
    };
    let dated = kind == SectionKind::Decision && heading.bytes().any(|b| b.is_ascii_digit());
    in_attachments
        && !dated
        && !rest.iter().filter(|l| !l.is_empty_to_reader()).take(1).any(|l| l.kind == Kind::Text && prose(l))
}

/// "Beslutning: Godkendt.", "**Indstilling:** Det indstilles …", "Bilag: Tidsplan": a decision,
/// recommendation or attachments heading run into its first line. Returns heading, kind and text.
fn inline_heading(text: &str) -> Option<(String, SectionKind, &str)> {
    let colon = text.get(..text.len().min(100))?.find(':')?;
    let head = plain(text[..colon].trim_end_matches(['*', '_'])).into_owned();
    let kind = sections::kind_of(&head)?;
    let rest = text[colon + 1..].trim_start_matches(['*', '_']).trim();
    let carries_fields = matches!(kind, SectionKind::Decision | SectionKind::Recommendation | SectionKind::Attachments);
    (carries_fields && !rest.is_empty()).then_some((head, kind, rest))
}

fn start(
    item: &mut AgendaItem,
    open: &mut Option<Open>,
    heading: String,
    kind: SectionKind,
    line: usize,
    meta: &Meta,
    cx: &mut Ctx,
) {
    if let Some(o) = open.take() {
        finish(item, o, meta, cx);
    }
    let blocks = Blocks::new(meta.markdown, kind == SectionKind::Attachments);
    *open = Some(Open { heading, kind, blocks, line });
}

fn finish(item: &mut AgendaItem, open: Open, meta: &Meta, cx: &mut Ctx) {
    let blocks = open.blocks.finish();
    match open.kind {
        SectionKind::Attachments => {
            let mut names = Vec::new();
            for b in &blocks {
                match b {
                    Block::List { items, .. } => names.extend(items.iter().map(|i| to_plain(i))),
                    // Acadre lists attachments as rows: number, "Åben"/"Lukket", name, document number.
                    Block::Table(table) => names.extend(table.rows.iter().map(|row| attachment_row(row))),
                    other => names.push(plain_text(std::slice::from_ref(other))),
                }
            }
            for name in names {
                if attachment_closed(&name) {
                    cx.warn(open.line, format!("item {}: an attachment marked closed is not published", item.number));
                } else {
                    item.attachments.push(name);
                }
            }
            // The names are the attachments (`item.attachments`); the section keeps its place but
            // not the blocks they came from, which would say them twice and publish one marked closed.
            item.sections.push(Section { heading: open.heading, kind: open.kind, blocks: Vec::new() });
            return;
        }
        SectionKind::Decision => {
            let (body, date, unreadable) = sections::decision_of(&open.heading, meta.body, meta.date);
            if unreadable {
                cx.warn(
                    open.line,
                    format!("cannot read the date in \"{}\"; using the meeting date", clip(&open.heading)),
                );
            }
            if date > meta.date + chrono::Days::new(366) {
                cx.warn(
                    open.line,
                    format!("decision dated {date}, more than a year after the meeting ({})", meta.date),
                );
            }
            item.decisions.push(Decision { body, date, text: plain_text(&blocks) });
        }
        _ => {}
    }
    item.sections.push(Section { heading: open.heading, kind: open.kind, blocks });
}

/// An attachment row of a table ("1 | Lukket | Ansøgning fra … | 123457/24"): its name, without the
/// row's number and document number; a closed status stays in it for [`attachment_closed`].
fn attachment_row(row: &[crate::model::Cell]) -> String {
    let number = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-'));
    let cells: Vec<String> = row.iter().map(|c| to_plain(&c.text)).filter(|t| !number(t) && !open_status(t)).collect();
    cells.join(" - ")
}

/// An attachment marked closed at its start or end ("Lukket - Ansøgning fra …", "Ansøgning (lukket)",
/// "Lukket bilag: …"): its name may name a person, so it is not published. A name with a closing
/// word inside ("Fortrolig revisionsrapport.pdf") is the document's name.
fn attachment_closed(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let status = [
        "lukket",
        "fortroligt",
        "fortrolig",
        "ikke offentlig",
        "ikke offentligt",
        "ej offentlig",
        "ej offentligt",
        "lukket bilag",
    ];
    // A status set apart from the name: "Lukket - Ansøgning …", "Lukket bilag: …", "Ansøgning
    // (lukket)", "Klage - Fortrolig", "Bilag 3 - lukket - Klage …"; not "Lukket vej - trafiktælling".
    let parts: Vec<&str> = lower.split(['-', '–', ':', '(', ')', '|']).map(str::trim).collect();
    parts.len() > 1 && parts.iter().any(|p| status.contains(p))
}

/// Blocks as plain text: paragraphs separated by blank lines, list items on their own lines.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match b {
            Block::Paragraph { text } | Block::Subheading { text } => out.push_str(&to_plain(text)),
            Block::List { ordered, start, items } => {
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    if *ordered {
                        out.push_str(&format!("{}. ", *start as usize + i));
                    } else {
                        out.push_str("- ");
                    }
                    out.push_str(&to_plain(it));
                }
            }
            Block::Table(t) => {
                for (i, row) in t.rows.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    let cells: Vec<String> = row.iter().map(|c| to_plain(&c.text)).collect();
                    out.push_str(&cells.join("\t"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_headings() {
        assert_eq!(
            item_heading("Punkt 1: Økonomiopfølgning - 20-03-2017"),
            Some((1, "Økonomiopfølgning - 20-03-2017"))
        );
        assert_eq!(item_heading("Punkt 4: 4. budgetopfølgning 2012"), Some((4, "4. budgetopfølgning 2012")));
        assert_eq!(item_heading("PKT. 12 - Eventuelt"), Some((12, "Eventuelt")));
        assert_eq!(item_heading("Punkt 2"), Some((2, "")));
        assert_eq!(item_heading("Punkt 1 og 2 blev behandlet samlet"), None);
        assert_eq!(item_heading_with("Punkt 1 Godkendelse af dagsorden", false), Some((1, "Godkendelse af dagsorden")));
        assert_eq!(item_heading("Punktet blev udsat"), None);
        // Sub-items, with the letter in either case.
        for sub in [
            "Punkt 2.1: Orientering",
            "Punkt 3a: Tillæg",
            "Punkt 2A: Salg af areal - Lukket",
            // Regression (review): a letter after a space, and the long word for an item.
            "Punkt 2 A: Salg af areal - Lukket",
            "Dagsordenspunkt 2A: Salg af areal - Lukket",
        ] {
            assert_eq!(item_heading(sub), None, "{sub}");
        }
    }

    #[test]
    fn numbered_headings() {
        assert_eq!(numbered_heading("1. Godkendelse af dagsorden"), Some((1, "Godkendelse af dagsorden")));
        assert_eq!(numbered_heading("12.  Eventuelt"), Some((12, "Eventuelt")));
        assert_eq!(numbered_heading("26. november: Sammenhængskraft"), None);
        assert_eq!(numbered_heading("1.200 kr."), None);
        assert_eq!(numbered_heading("2017. Budget"), None);
        assert_eq!(numbered_heading("3."), None);
    }

    #[test]
    fn headings_run_into_their_text() {
        assert_eq!(
            inline_heading("Beslutning: Godkendt."),
            Some(("Beslutning".into(), SectionKind::Decision, "Godkendt."))
        );
        assert_eq!(
            inline_heading("**Beslutning i Byrådet den 3. april 2017:** Udsat til 10:00."),
            Some(("Beslutning i Byrådet den 3. april 2017".into(), SectionKind::Decision, "Udsat til 10:00."))
        );
        assert_eq!(inline_heading("Bilag: Tidsplan").map(|h| h.1), Some(SectionKind::Attachments));
        assert_eq!(inline_heading("Tidsplan: Projektet slutter i maj."), None);
        assert_eq!(inline_heading("Beslutning:"), None);
        assert_eq!(inline_heading("Status på revisionsanbefalinger:"), None);
    }

    #[test]
    fn case_number_in_the_heading() {
        let c = |s: &str| s.parse::<CaseNumber>().unwrap();
        assert_eq!(case_in_title("Økonomi (16/26813)"), Some(("Økonomi", c("16/26813"))));
        assert_eq!(case_in_title("Budget 2018 - Sagsnr.: 17/171"), Some(("Budget 2018", c("17/171"))));
        assert_eq!(case_in_title("Salg, sagsnr. 00.01.00-A00-1-21"), Some(("Salg", c("00.01.00-A00-1-21"))));
        assert_eq!(case_in_title("Lov om Social Service (§ 107)"), None);
        assert_eq!(case_in_title("Status på Office 365"), None);
    }

    #[test]
    fn case_number_typos() {
        assert!(looks_like_case_number("16/2681x"));
        assert!(!looks_like_case_number("Baggrund"));
    }
}
