//! Reading a line as an item heading: "Punkt 3: Title" (and its looser forms), "3. Title" where
//! the file numbers its items so, and sub-items ("Punkt 2.1: …"), which are part of their item.

use super::case::case_of;
use super::head::full_title;
use crate::parse::closed::is_closed;
use crate::parse::dates::starts_with_month;
use crate::parse::fields::describes_item;
use crate::parse::has_byte;
use crate::parse::inline::{plain, strip_prefix_ci};
use crate::parse::normalize::{Kind, Line};
use crate::parse::toc;

/// "Punkt 3: Title" (also "Pkt. 3 - Title", "PUNKT 3.", "Sag nr. 3 Title") → (3, "Title"). `plain` has no markup.
pub fn item_heading(plain: &str) -> Option<(u32, &str)> {
    item_heading_with(plain, true)
}

/// Like [`item_heading`]; unless `strict`, also "Punkt 3 Title" without a separator.
fn item_heading_with(plain: &str, strict: bool) -> Option<(u32, &str)> {
    let t = plain.trim_start();
    // "LUKKET PUNKT 2 – Salg": the mark first; the whole line is the title, so that it closes the
    // item (realistic leak review: the heading was text of the item above).
    if let Some(heading) = past_mark(t) {
        let (number, _) = item_heading_with(heading, true).filter(|(_, title)| !title.is_empty())?;
        return Some((number, t.trim_end()));
    }
    // "Pkt 2: …" as well as "Pkt. 2: …" (the first was read as text, and a closed item published).
    let rest = ["dagsordenspunkt", "punkt", "pkt.", "pkt", "sag nr."].iter().find_map(|p| strip_prefix_ci(t, p))?;
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
    // "Punkt 2 (lukket)", "Punkt 2 (Lukket): Salg", "Punkt 2, lukket: Salg": a mark between the
    // number and the title, which keeps it (realistic leak review: these were text).
    let marked = || {
        let mark = match after.as_bytes().first() {
            Some(b'(') => after[1..].split(')').next(),
            Some(b',') => after[1..].split(':').next(),
            _ => None,
        };
        mark.is_some_and(|m| m.len() <= 30 && crate::parse::closed::is_closed(m))
    };
    let title = match after.strip_prefix([':', '.', '-', '–']) {
        Some(t) => t.trim(),
        None if after.is_empty() || !strict || marked() => after.trim_end(),
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
pub(super) fn sub_item(line: &Line) -> Option<String> {
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

/// "1.2 Personalesag - Lukket", "3a. Salg (Lukket)": a sub-item of item `number` written without
/// "Punkt", as a numbered line of its text. Returns its title.
pub(super) fn bare_sub_item(text: &str, number: u32) -> Option<&str> {
    let t = text.trim_start_matches(['*', '_', '#', ' ']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || t[..digits].parse::<u32>().ok()? != number || text.len() > 200 {
        return None;
    }
    let after = &t[digits..];
    // "1.2" or "3a", not "3 a" (a number and a word).
    let len = sub_number_len(after).filter(|_| !after.starts_with(' '))?;
    Some(after[len..].trim_start_matches([':', '.', ')', '-', '–', ' ']))
}

/// "3. Title" → (3, "Title"): the item heading of exports that leave out "Punkt", read as one only
/// where [`super::mark_numbered`] found the form unambiguous. "26. november: …" is a date.
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

/// The item heading at `lines[i]`, if it is one. "Punkt 3 Title" without a colon counts when it
/// is a markdown heading or a case number follows.
pub fn heading_at(lines: &[Line], i: usize) -> Option<(u32, String)> {
    let line = lines.get(i)?;
    // Both readings below start with this question.
    if !line.numbered_item && heading_word(line.text).is_none() {
        return None;
    }
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
pub(super) fn next_heading(line: &Line, rest: &[Line], expected: u32) -> Option<(u32, String)> {
    // "2. Salg af grund - Lukket" (or with "LUKKET" under it) among "Punkt N" headings: read as
    // text it published the item.
    if let Some((number, title)) = numbered_line(line) {
        // A heading right under it (a repeat of the item's own) has its own mark.
        let heading_next = rest.iter().find(|l| !l.is_empty_to_reader()).is_some_and(is_heading_line);
        let marked = is_closed(&title) || (!heading_next && is_closed(&full_title(&title, rest)));
        let closed = number == expected && !has_byte(line.text, b'\t') && marked;
        return closed.then_some((number, title));
    }
    let (number, title) = heading_of(line, false)?;
    let titled = title.starts_with(char::is_uppercase) && !title.ends_with(['.', ',']);
    (number == expected && titled).then_some((number, title))
}

/// `line` read as "N. Title" ([`numbered_heading`]). Asked of every line of an open item: only one
/// starting with a digit, past markup, is made plain.
pub(super) fn numbered_line(line: &Line) -> Option<(u32, String)> {
    if !line.text.trim_start_matches(['#', '*', '_', ' ']).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    numbered_heading(&plain(line.text)).map(|(n, t)| (n, t.to_string()))
}

/// The item heading on `line`, if it is one (a table-of-contents entry is not).
pub(super) fn heading_of(line: &Line, strict: bool) -> Option<(u32, String)> {
    if line.text.len() > 300 {
        return None;
    }
    if line.numbered_item {
        if line.is_empty_to_reader() {
            return None;
        }
        // Also a first writing in the other form ("Punkt 1: Title (fortsat)" above "1. Title").
        let text = plain(line.text);
        return numbered_heading(&text).or_else(|| item_heading(&text)).map(|(n, title)| (n, title.to_string()));
    }
    let t = heading_word(line.text)?;
    if line.is_empty_to_reader() || toc::entry_title(line.text).is_some() {
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

/// `text` past its emphasis or bold tag, if it starts with the word of a "Punkt N" heading ("Punkt",
/// "Pkt", "Dagsordenspunkt", "Sag nr.", any case): every line is asked, and most are decided on
/// their first byte, which also picks the words to try.
fn heading_word(text: &str) -> Option<&str> {
    let t = past_tags(text);
    let words: &[&str] = match t.as_bytes().first() {
        Some(b'P' | b'p') => &["punkt", "pkt"],
        Some(b'D' | b'd') => &["dagsordenspunkt"],
        Some(b'S' | b's') => &["sag nr."],
        // "LUKKET PUNKT 2 – Salg" (see `item_heading_with`).
        Some(b'L' | b'l' | b'F' | b'f') => return past_mark(t).and_then(heading_word).map(|_| t),
        _ => return None,
    };
    words.iter().any(|w| strip_prefix_ci(t, w).is_some()).then_some(t)
}

/// `text` past a mark that a heading may start with ("LUKKET PUNKT 2 – Salg").
fn past_mark(text: &str) -> Option<&str> {
    ["lukket ", "fortroligt ", "fortrolig "].iter().find_map(|m| strip_prefix_ci(text, m))
}

/// `text` past the emphasis, inline tags and spaces before its first word ("**<B>Punkt",
/// "<strong>Punkt", "\tPunkt"): read as it shows, each is a heading. Only "<b>" was passed over,
/// and a closed item headed "<strong>Punkt 2: … - Lukket</strong>" was published inside the item
/// before it (differential review). An HTML heading's tag ("<h2>Punkt 1: Budget</h2>") is passed
/// over too: the file was refused. A cell or paragraph tag ("<td>Punkt 1</td>…") starts a row that
/// names an item, not a heading.
fn past_tags(text: &str) -> &str {
    const PASSED_OVER: [&str; 13] = ["b", "strong", "i", "em", "u", "span", "font", "h1", "h2", "h3", "h4", "h5", "h6"];
    let mut t = text;
    loop {
        t = t.trim_start_matches(['*', '_', ' ', '\t']);
        let Some((tag, rest)) = t.strip_prefix('<').and_then(|r| r.split_once('>')) else { return t };
        let name = tag.split([' ', '\t']).next().unwrap_or("");
        if !PASSED_OVER.iter().any(|n| name.eq_ignore_ascii_case(n)) {
            return t;
        }
        t = rest;
    }
}

/// An item heading, "Punkt N" or (where the file uses them) "N. Title".
pub(super) fn is_heading_line(l: &Line) -> bool {
    l.numbered_item || heading_of(l, false).is_some()
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
}
