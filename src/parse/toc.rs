//! The table of contents ("Indholdsfortegnelse"): entries with dotted leaders and page numbers,
//! and the cross-check of its titles against the agenda items.

use super::inline::to_plain;
use super::normalize::Line;
use super::Ctx;
use crate::model::AgendaItem;

/// One entry as written, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub line: usize,
    /// Listed under a group heading that says its items are closed ("Lukkede punkter").
    pub in_closed_group: bool,
    /// The item's number where the agenda is listed without page numbers ("3. Title"): a listed
    /// agenda may name only some of the items ("Lukkede punkter:" / "3. …" / "4. …").
    pub number: Option<u32>,
}

impl Entry {
    /// The entry says its item is closed, in its title or by its group.
    fn closed(&self) -> bool {
        self.in_closed_group || super::closed::is_closed(&self.title)
    }
}

/// A line that heads a group of entries, "Åbne punkter" or "Lukkede punkter" (also "Lukket
/// dagsorden", "Fortrolige sager"): `Some(true)` for a closed group. It is no entry's title.
pub fn group_heading(plain: &str) -> Option<bool> {
    let t = plain.trim().trim_end_matches(':');
    if t.len() > 40 || t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = t.to_lowercase();
    let mut words = lower.split_whitespace();
    let (first, second) = (words.next()?, words.next());
    let several = |w: Option<&str>| {
        w.is_some_and(|w| matches!(w, "punkter" | "sager" | "dagsorden" | "del" | "møde" | "behandling"))
    };
    let open = matches!(first, "åbne" | "åben" | "åbent") && several(second) && words.next().is_none();
    // A closed group names its part ("Lukkede punkter", "Fortrolige sager") or is the word alone;
    // "Lukkede skoler i Nordbyen -" is the first half of a wrapped entry.
    let closing = |w: &str| matches!(w, "lukket" | "lukkede" | "fortrolig" | "fortrolige" | "fortroligt");
    let closed = closing(first) && (second.is_none() || several(second)) && words.next().is_none();
    match (open, closed) {
        (true, _) => Some(false),
        (false, true) => Some(true),
        (false, false) => None,
    }
}

/// "Indholdsfortegnelse" (also as a heading, in bold or with a colon).
pub fn is_heading(plain: &str) -> bool {
    let t = plain.trim().trim_end_matches(':');
    t.eq_ignore_ascii_case("indholdsfortegnelse") || t.eq_ignore_ascii_case("indhold")
}

/// "Dagsorden:" (also "Dagsordenen", "Dagsordenspunkter:"): the label above an agenda listed in the
/// header, as "Indholdsfortegnelse" is above a table of contents.
fn agenda_label(plain: &str) -> bool {
    let t = plain.trim().trim_end_matches(':').trim_end();
    ["dagsorden", "dagsordenen", "dagsordenspunkter"].iter().any(|l| t.eq_ignore_ascii_case(l))
}

/// Where an agenda listed at the end of the header lies when no "Indholdsfortegnelse" heads it:
/// lines "1. Title" or "Punkt 1: Title" without page numbers, numbered in order, perhaps in groups
/// ("Åbne punkter:", "Lukkede punkter:") and under a label ("Dagsorden:"). It is read as a table
/// of contents, so a closed group closes its items as it does there.
///
/// A numbered list in the header is an agenda only when something says so: the "Dagsorden:" label
/// above it, a group heading in it, or else titles that are the titles of the meeting's items
/// (`items`: number and title of each item heading). A list under any other label ("Bemærkninger:",
/// "Deltagere:", "Dagsordenen blev godkendt med følgende ændringer:") is that label's, never the
/// agenda. A listed title may wrap onto indented lines; header fields ("Referent: …") may follow
/// the list. Returns the list's lines `start..end`; a list numbered from 1 unless a group heads it.
pub fn listed_agenda(lines: &[Line], items: &[(u32, String)]) -> Option<(usize, usize)> {
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty_to_reader()).collect();
    // Header fields after the list belong to the header.
    let fields = non_blank.iter().rev().take_while(|&&i| super::header::is_field(&to_plain(lines[i].text))).count();
    let end = match fields {
        0 => lines.len(),
        n => non_blank[non_blank.len() - n],
    };
    let mut listed: Vec<(u32, String)> = Vec::new(); // last first
    let mut tail: Vec<String> = Vec::new(); // wrapped lines of the entry above, last first
    let (mut start, mut marked, mut grouped) = (None, false, false);
    for &i in non_blank.iter().rev().skip(fields) {
        let line = &lines[i];
        let plain = to_plain(line.text);
        if let Some((number, title)) = listed_line(line.text, &plain) {
            let mut title = title.to_string();
            for t in tail.drain(..).rev() {
                title.push(' ');
                title.push_str(&t);
            }
            listed.push((number, title));
            start = Some(i);
            continue;
        }
        // The rest of a title that wrapped: indented, right under a listed line (or its wrap).
        let under_listed = i > 0 && {
            let above = &lines[i - 1];
            !above.is_empty_to_reader()
                && (listed_line(above.text, &to_plain(above.text)).is_some() || above.indent > 0)
        };
        if line.indent > 0 && under_listed && group_heading(&plain).is_none() {
            tail.push(plain.trim().to_string());
            continue;
        }
        if listed.is_empty() || !tail.is_empty() {
            return None;
        }
        if group_heading(&plain).is_some() && entry_title(line.text).is_none() {
            (start, marked, grouped) = (Some(i), true, true);
            continue;
        }
        if agenda_label(&plain) {
            (start, marked) = (Some(i), true);
        } else if plain.trim_end().ends_with(':') {
            return None; // a list of remarks, participants, changes: the label's, not the agenda
        }
        break;
    }
    if listed.is_empty() || !tail.is_empty() {
        return None;
    }
    listed.reverse();
    let first = listed[0].0;
    let in_order = listed.iter().zip(first..).all(|(&(n, _), k)| n == k) && (first == 1 || grouped);
    // Unmarked, the titles must be the items': a numbered list of anything else is not the agenda.
    let titles_match = || {
        listed.len() >= 2 && listed.iter().all(|(n, t)| items.iter().any(|(m, title)| m == n && same_title(t, title)))
    };
    (in_order && (marked || titles_match())).then_some((start?, end))
}

/// A listed agenda's line, "1. Title" or "Punkt 1: Title" without a page number.
fn listed_line<'a>(text: &str, plain: &'a str) -> Option<(u32, &'a str)> {
    if entry_title(text).is_some() {
        return None;
    }
    let (number, title) = super::items::item_heading(plain).or_else(|| super::items::numbered_heading(plain))?;
    (!title.is_empty()).then_some((number, title))
}

/// "Økonomiopfølgning - 20-03-2017.....\t3" → "Økonomiopfølgning - 20-03-2017".
/// An entry needs a page number after a dotted leader or a tab.
pub fn entry_title(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let before = &t[..t.len() - digits];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let has_tab = trimmed.ends_with('\t');
    let leader = trimmed.trim_end_matches(['.', '…', ' ', '\t', '_', '\\', '\u{a0}']);
    let leader_len = trimmed.len() - leader.len();
    let dots = trimmed[leader.len()..].bytes().filter(|b| *b == b'.').count();
    let has_dots = dots >= 3 || trimmed.ends_with('…');
    if leader.is_empty() || !(has_tab || has_dots) || leader_len == 0 {
        return None;
    }
    Some(leader.trim())
}

/// Entries of the table-of-contents lines. A title that wrapped onto two lines (the first
/// without a page number) is joined. `numbered`: the items are headed "1. Title", so entries may
/// be numbered the same way, with or without a page number.
pub fn parse(lines: &[Line], numbered: bool, cx: &mut Ctx) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut pending: Option<(String, usize)> = None;
    let mut in_closed_group = false;
    let mut last_listed = false;
    let lines: Vec<&Line> = lines.iter().filter(|l| !l.is_empty_to_reader()).collect();
    for (k, line) in lines.iter().enumerate() {
        let plain = to_plain(line.text);
        if is_heading(&plain) || (pending.is_none() && agenda_label(&plain) && !(last_listed && line.indent > 0)) {
            continue;
        }
        // A group heading between entries, not the first half of a wrapped entry's title.
        let group = pending.is_none().then(|| group_heading(&plain)).flatten();
        if entry_title(line.text).is_none() && group.is_some() {
            in_closed_group = group == Some(true); // "Åbne punkter" after a closed group reopens
            continue;
        }
        // A listed agenda line "Punkt 3: Title" has no page number, unless its title wrapped
        // onto the next line, which ends in the page number.
        fn item(p: &str, numbered: bool) -> Option<(u32, &str)> {
            super::items::item_heading(p).or_else(|| numbered.then(|| super::items::numbered_heading(p)).flatten())
        }
        let wraps = lines
            .get(k + 1)
            .is_some_and(|n| entry_title(n.text).is_some() && item(&to_plain(n.text), numbered).is_none());
        let listed = item(&plain, numbered).filter(|(_, t)| !t.is_empty() && !wraps);
        // The rest of a listed title that wrapped onto an indented line without a page number.
        if last_listed && pending.is_none() && line.indent > 0 && entry_title(line.text).is_none() && listed.is_none() {
            if let Some(last) = entries.last_mut() {
                last.title.push(' ');
                last.title.push_str(plain.trim());
                continue;
            }
        }
        let number = entry_title(line.text).is_none().then(|| listed.map(|(n, _)| n)).flatten();
        last_listed = number.is_some();
        match entry_title(line.text).or(listed.map(|(_, t)| t)) {
            Some(title) => {
                let title = strip_item_prefix(&to_plain(title), numbered).to_string();
                let (title, no) = match pending.take() {
                    Some((mut first, no)) => {
                        first.push(' ');
                        first.push_str(&title);
                        (first, no)
                    }
                    None => (title, line.no),
                };
                entries.push(Entry { title, line: no, in_closed_group, number });
            }
            None => match &mut pending {
                Some((t, _)) => {
                    t.push(' ');
                    t.push_str(&plain);
                }
                None => pending = Some((strip_item_prefix(&plain, numbered).to_string(), line.no)),
            },
        }
    }
    if let Some((t, no)) = pending {
        // An entry that says its item is closed must not be dropped: the item itself may not say
        // so (a layout read as one line, "1.  Budget  2" / "2.  Køb af ejendom (Lukket)  3").
        match super::closed::is_closed(&t) {
            true => cx.error(no, format!("table of contents: \"{}\" says an item is closed, but it is not read as entries (each needs its page number), so the file is refused rather than the item published; mark the item itself (\"Punkt 2: Køb af ejendom - Lukket\") or give each entry its page number", clip(&t))),
            false => cx.warn(no, format!("table of contents: line without a page number ignored: \"{}\"", clip(&t))),
        }
    }
    entries
}

/// "Punkt 3: Titel" → "Titel"; also "3. Titel" where the items are numbered that way (elsewhere
/// a title such as "4. budgetopfølgning 2012" keeps its number).
fn strip_item_prefix(title: &str, numbered: bool) -> &str {
    let numbered_title = || numbered.then(|| super::items::numbered_heading(title)).flatten();
    match super::items::item_heading(title).or_else(numbered_title) {
        Some((_, t)) if !t.is_empty() => t,
        _ => title,
    }
}

/// The table of contents and the items cut at the open titles both have, in order ("Skolestruktur"
/// listed and headed): pairs of ranges (entries, items) between them, every entry and item in one.
fn spans(entries: &[Entry], items: &[AgendaItem]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut cuts = Vec::new();
    let mut next_item = 0;
    for (k, e) in entries.iter().enumerate().filter(|(_, e)| !e.closed()) {
        if let Some(at) = (next_item..items.len()).find(|&i| !items[i].closed && same_title(&e.title, &items[i].title))
        {
            cuts.push((k, at));
            next_item = at + 1;
        }
    }
    let mut spans = Vec::new();
    let (mut e, mut i) = (0, 0);
    for (k, at) in cuts {
        spans.push((e..k, i..at));
        (e, i) = (k + 1, at + 1);
    }
    spans.push((e..entries.len(), i..items.len()));
    spans
}

/// Compares titles loosely: case, spacing, dashes and trailing punctuation do not matter.
fn same_title(a: &str, b: &str) -> bool {
    a == b || title_chars(a).eq(title_chars(b))
}

fn title_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .map(|c| if matches!(c, '–' | '—' | '‐') { '-' } else { c })
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | ':' | '"' | '”' | '“'))
        .flat_map(char::to_lowercase)
}

/// Warns where the table of contents and the agenda items disagree, and blanks the entry of a
/// closed item so that a title the clerk forgot to hide is not published. An entry that says
/// "Lukket" closes its item even when the item's heading does not: the clerk marked it in one of
/// two places, and publishing cannot be undone (entries are matched to items by position, so only
/// when both list the same number of items).
pub fn cross_check(entries: &mut [Entry], items: &mut [AgendaItem], toc_line: usize, cx: &mut Ctx) {
    if entries.is_empty() {
        return;
    }
    // A listed agenda names its items' numbers, and may list only some ("Lukkede punkter:" /
    // "3. …" / "4. …"): its entries are matched by number where every one names a distinct item,
    // else by position where both list as many.
    let by_number: Option<Vec<usize>> = entries
        .iter()
        .map(|e| e.number.and_then(|n| items.iter().position(|i| i.number == n)))
        .collect::<Option<Vec<usize>>>()
        .filter(|at| at.iter().enumerate().all(|(k, a)| !at[..k].contains(a)));
    let matched = by_number.is_some() || entries.len() == items.len();
    let pairs: Vec<usize> = by_number.clone().unwrap_or_else(|| (0..entries.len().min(items.len())).collect());
    if matched {
        for (entry, &at) in entries.iter().zip(&pairs) {
            let item = &mut items[at];
            if !item.closed && entry.closed() {
                cx.warn(
                    item.line,
                    format!(
                        "item {} is closed in the table of contents (line {}) but not in its heading; not published",
                        item.number, entry.line
                    ),
                );
                super::items::close(item);
            }
        }
    }
    // An entry that says "Lukket" must close an item; where the lists cannot be matched, only the
    // clerk can say which, so the file is not published until the headings say it too.
    // Counted between the titles both lists share, not only in all: "Lukket", "Lukket",
    // "Skolestruktur" listed above one closed and one open item before "Skolestruktur" leaves an
    // entry's mark unheeded however the rest of the counts come out (review 8).
    let spans = if matched { vec![(0..entries.len(), 0..items.len())] } else { spans(entries, items) };
    for (e, i) in spans {
        let closed_entries = entries[e.clone()].iter().filter(|e| e.closed()).count();
        let closed_items = items[i].iter().filter(|i| i.closed).count();
        if closed_entries > closed_items {
            let line = entries.get(e.start).map_or(toc_line, |e| e.line);
            cx.error(
                line,
                format!(
                    "the table of contents marks {closed_entries} item(s) closed here, the agenda only \
                     {closed_items}, and they cannot be matched: write \"Lukket\" in the heading of each closed item"
                ),
            );
            break;
        }
    }
    if entries.len() != items.len() && by_number.is_none() {
        cx.warn(
            toc_line,
            format!(
                "table of contents lists {} item(s) but the minutes have {} agenda item(s)",
                entries.len(),
                items.len()
            ),
        );
    }
    for (i, (entry, &at)) in entries.iter_mut().zip(&pairs).enumerate() {
        let item = &items[at];
        if item.closed {
            if !same_title(&entry.title, "Lukket") {
                cx.warn(entry.line, format!("table of contents entry {} names a closed item; not published", i + 1));
                entry.title = "Lukket".to_string();
            }
            continue;
        }
        if !same_title(&entry.title, &item.title) {
            cx.warn(
                entry.line,
                format!(
                    "table of contents entry {} \"{}\" does not match item {} \"{}\" on line {}",
                    i + 1,
                    clip(&entry.title),
                    item.number,
                    clip(&item.title),
                    item.line
                ),
            );
        }
    }
    // An entry that says closed, or stands in a closed group, names no more than "Lukket" whatever
    // item it was paired with: unpaired, "3. Salg af grund vedrørende … - Lukket" was published
    // word for word (review 8).
    for entry in entries.iter_mut().filter(|e| e.closed() && !same_title(&e.title, "Lukket")) {
        entry.title = "Lukket".to_string();
    }
}

/// Shortens text quoted in messages.
pub fn clip(s: &str) -> String {
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let mut t: String = s.chars().take(57).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_leaders() {
        assert_eq!(entry_title("Økonomiopfølgning - 20-03-2017.....\t3"), Some("Økonomiopfølgning - 20-03-2017"));
        assert_eq!(entry_title("Lukket.....\t4"), Some("Lukket"));
        assert_eq!(entry_title("Huskeliste 20-11-2012 . . . . . 18"), Some("Huskeliste 20-11-2012"));
        assert_eq!(entry_title("Titel\\.\\.\\.\\. 9"), Some("Titel"));
        assert_eq!(entry_title("Eventuelt\t19"), Some("Eventuelt"));
        assert_eq!(entry_title("4. budgetopfølgning 2012"), None);
        assert_eq!(entry_title("Udskudt fra direktionmødet 13-03-2017"), None);
        assert_eq!(entry_title(".....3"), None);
    }

    #[test]
    fn agendas_listed_in_the_header() {
        let items = [(1, "A".to_string()), (2, "B".to_string())];
        let listed = |text: &str| {
            let doc = crate::parse::normalize::document(text);
            listed_agenda(&doc.lines, &items).map(|(start, _)| start)
        };
        assert_eq!(listed("REFERAT\n\nDagsorden:\nÅbne punkter:\n1. A\n2. B\nLukkede punkter:\n3. C\n"), Some(2));
        assert_eq!(listed("REFERAT\nLukkede punkter:\n1. A\n"), Some(1));
        assert_eq!(listed("REFERAT\nLukkede punkter:\n3. C\n4. D\n"), Some(1), "a group of the later items");
        assert_eq!(listed("REFERAT\n1. A\n2. B\n"), Some(1), "the items' titles");
        assert_eq!(listed("REFERAT\n1. X\n2. Y\n"), None, "no label, no group, not the items' titles");
        assert_eq!(listed("REFERAT\nBemærkninger:\n1. A\n2. B\n"), None, "another label's list");
        assert_eq!(listed("REFERAT\nDeltagere:\nLukkede punkter:\n1. A\n"), None, "another label's list");
        assert_eq!(listed("REFERAT\nMødested: Rådhuset\n1. A\n"), None, "one line, no label or group");
        assert_eq!(listed("REFERAT\nDagsorden:\n1. A\n3. B\n"), None, "not 1, 2, 3");
        assert_eq!(listed("REFERAT\nDagsorden:\n3. A\n4. B\n"), None, "not from 1 without a group");
        assert_eq!(listed("REFERAT\n1. A\n2. B\nLukkede punkter\n"), None, "the header's own last line");
        assert_eq!(listed("Indholdsfortegnelse\n1. A.....2\n2. B.....3\n"), None, "page numbers: an index");
        let doc =
            crate::parse::normalize::document("REFERAT\nDagsorden:\n1. A\n2. B,\n   wrapped\nReferent: Karen Holm\n");
        assert_eq!(listed_agenda(&doc.lines, &items), Some((1, 5)), "a wrapped title; a field after the list");
        let doc = crate::parse::normalize::document("REFERAT\nDagsorden:\n1. A\n2. B\nhere\n");
        assert_eq!(listed_agenda(&doc.lines, &items), None, "not the header's end");
    }

    #[test]
    fn titles_compare_loosely() {
        assert!(same_title("KOMBIT -Tilslutning", "kombit – tilslutning"));
        assert!(!same_title("Lukket", "Økonomi"));
    }
}
