//! Agenda items: "Punkt N: Title" headings (or "N. Title" where a file uses that form throughout),
//! their case number line, closed items (whose body is dropped here, unread), and the sections,
//! decisions and attachments of open items.
//!
//! [`parse`] reads the lines once, item by item, asking: is this line an item heading
//! ([`heading`]; in files that number items "N. Title", [`numbered`] decided which lines are, once
//! for the file), what stands under it ([`head`]: a wrapped title, fields, the case number, read
//! by [`case`]), is the item closed by a mark around it ([`marks`]) or is the heading written again
//! at a page break ([`repeats`]). An open item's text becomes its sections in [`body`].

mod body;
mod case;
mod head;
mod heading;
mod marks;
mod numbered;
mod repeats;

pub use body::plain_text;
pub(super) use case::case_in;
pub use heading::{heading_at, item_heading, numbered_heading};
pub use numbered::mark_numbered;
pub(super) use repeats::{continues, repeated_heading};

use body::sections_of;
use case::{case_in_title, case_number, own_case};
use head::{case_within, full_title};
use heading::next_heading;
use marks::{closed_part, closed_sub_item, marked_above, marked_past_page_break, says_open, supplement_above};
use repeats::{adjacent_writing, same_heading, says_continued, writings_above};

use crate::model::AgendaItem;
use crate::parse::closed::{closed_in_passing, closing_word_in, is_closed};
use crate::parse::fields::{closing_field, public_no_in, Own};
use crate::parse::normalize::{self, Line};
use crate::parse::toc::clip;
use crate::parse::Ctx;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;

/// What items need from the meeting.
pub struct Meta<'a> {
    pub markdown: bool,
    pub body: &'a str,
    pub date: NaiveDate,
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
