//! Files that number their items "1. Title" without "Punkt": which numbered lines are item headings,
//! and which are lists in an item's text, read once for the whole file before the items are.

use super::case::case_of;
use super::head::{full_title, near};
use super::heading::{heading_at, heading_of, numbered_heading};
use super::repeats::{adjacent_writing, repeats_of, same_heading, says_continued};
use crate::parse::closed::{closing_line, is_closed};
use crate::parse::inline::{plain, to_plain};
use crate::parse::normalize::{self, Line};
use crate::parse::toc;
use crate::parse::{has_byte, Ctx};

/// Marks the "1. Title" lines of a file without any "Punkt N" heading as item headings, when that
/// reading is unambiguous: each is followed within three lines (`head::CASE_WITHIN`) by a case number line,
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

/// Whether the heading at `i` stands in a list of headings (only blank lines and group headings
/// such as "Lukkede punkter:" between it and the heading before or after it): an agenda listed in
/// the header, not an item, which would have text of its own.
fn listed(lines: &[Line], i: usize) -> bool {
    let between = |l: &&Line| !l.is_empty_to_reader() && toc::group_heading(&to_plain(l.text)).is_none();
    let after = lines[i + 1..].iter().find(between).map(|l| heading_of(l, true).is_some());
    let before = lines[..i].iter().rev().find(between).map(|l| heading_of(l, true).is_some());
    after == Some(true) || before == Some(true)
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
pub(super) fn inside_numbered_list(lines: &[Line], k: usize, number: u32) -> bool {
    let (before, after) = numbered_neighbours(lines, k);
    before.is_some_and(|b| b + 1 == number) && after == Some(number + 1)
}
