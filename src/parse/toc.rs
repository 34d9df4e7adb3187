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
}

impl Entry {
    /// The entry says its item is closed, in its title or by its group.
    fn closed(&self) -> bool {
        self.in_closed_group || super::items::is_closed(&self.title)
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

/// Where an agenda listed at the end of the header starts when no "Indholdsfortegnelse" heads it:
/// lines "1. Title" or "Punkt 1: Title" without page numbers, numbered 1, 2, 3… in order, perhaps
/// in groups ("Åbne punkter:", "Lukkede punkter:") and under a label ("Dagsorden:"). It is read as
/// a table of contents, so a closed group closes its items as it does there. The list ends the
/// header (a group heading right above the items is the header's to read); a list of one line
/// counts only under a label or in a group.
pub fn listed_agenda(lines: &[Line]) -> Option<usize> {
    let mut numbers = Vec::new();
    let (mut start, mut marked) = (None, false);
    for (i, line) in lines.iter().enumerate().rev().filter(|(_, l)| !l.is_blank()) {
        let plain = to_plain(line.text);
        if let Some(number) = listed_number(line.text, &plain) {
            numbers.push(number);
            start = Some(i);
            continue;
        }
        if numbers.is_empty() {
            return None;
        }
        if group_heading(&plain).is_some() && entry_title(line.text).is_none() {
            (start, marked) = (Some(i), true);
            continue;
        }
        if agenda_label(&plain) {
            (start, marked) = (Some(i), true);
        }
        break;
    }
    let in_order = numbers.iter().rev().zip(1..).all(|(&n, k)| n == k);
    (in_order && (marked || numbers.len() >= 2)).then_some(start?)
}

/// The number of a listed agenda's line, "1. Title" or "Punkt 1: Title" without a page number.
fn listed_number(text: &str, plain: &str) -> Option<u32> {
    if entry_title(text).is_some() {
        return None;
    }
    let (number, title) = super::items::item_heading(plain).or_else(|| super::items::numbered_heading(plain))?;
    (!title.is_empty()).then_some(number)
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
    let mut entries = Vec::new();
    let mut pending: Option<(String, usize)> = None;
    let mut in_closed_group = false;
    let lines: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    for (k, line) in lines.iter().enumerate() {
        let plain = to_plain(line.text);
        if is_heading(&plain) || (pending.is_none() && agenda_label(&plain)) {
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
        let listed = item(&plain, numbered).map(|(_, t)| t).filter(|t| !t.is_empty() && !wraps);
        match entry_title(line.text).or(listed) {
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
                entries.push(Entry { title, line: no, in_closed_group });
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
        cx.warn(no, format!("table of contents: line without a page number ignored: \"{}\"", clip(&t)));
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
    if entries.len() == items.len() {
        for (entry, item) in entries.iter().zip(items.iter_mut()) {
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
    let closed_entries = entries.iter().filter(|e| e.closed()).count();
    let closed_items = items.iter().filter(|i| i.closed).count();
    if closed_entries > closed_items {
        cx.error(
            toc_line,
            format!(
                "the table of contents marks {closed_entries} item(s) closed, the agenda only {closed_items}, and \
                 they cannot be matched: write \"Lukket\" in the heading of each closed item"
            ),
        );
    }
    if entries.len() != items.len() {
        cx.warn(
            toc_line,
            format!(
                "table of contents lists {} item(s) but the minutes have {} agenda item(s)",
                entries.len(),
                items.len()
            ),
        );
    }
    for (i, (entry, item)) in entries.iter_mut().zip(items).enumerate() {
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
        let listed = |text: &str| {
            let doc = crate::parse::normalize::document(text);
            listed_agenda(&doc.lines)
        };
        assert_eq!(listed("REFERAT\n\nDagsorden:\nÅbne punkter:\n1. A\n2. B\nLukkede punkter:\n3. C\n"), Some(2));
        assert_eq!(listed("REFERAT\nLukkede punkter:\n1. A\n"), Some(1));
        assert_eq!(listed("REFERAT\n1. A\n2. B\n"), Some(1));
        assert_eq!(listed("REFERAT\nMødested: Rådhuset\n1. A\n"), None, "one line, no label or group");
        assert_eq!(listed("REFERAT\nDagsorden:\n1. A\n3. B\n"), None, "not 1, 2, 3");
        assert_eq!(listed("REFERAT\nDagsorden:\n1. A\n2. B\nDeltagere: Anne Holm\n"), None, "not the header's end");
        assert_eq!(listed("REFERAT\n1. A\n2. B\nLukkede punkter\n"), None, "the header's own last line");
        assert_eq!(listed("Indholdsfortegnelse\n1. A.....2\n2. B.....3\n"), None, "page numbers: an index");
    }

    #[test]
    fn titles_compare_loosely() {
        assert!(same_title("KOMBIT -Tilslutning", "kombit – tilslutning"));
        assert!(!same_title("Lukket", "Økonomi"));
    }
}
