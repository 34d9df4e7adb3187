//! Headings written twice at a page break ("2. Salg af grund (fortsat)", a page's head repeating
//! it above or below its first writing): which writings are one heading, and whether one says closed.

use super::heading::{item_heading, numbered_heading};
use super::numbered::inside_numbered_list;
use crate::parse::closed::{closing_line, is_closed, words_of};
use crate::parse::fields::public_field;
use crate::parse::inline::{plain, to_plain};
use crate::parse::normalize::{self, Line};

/// The heading's other writings right above `lines[i]` (numbered `number`, titled `title`), down
/// to `from`, nearest first, each with whether it says closed: in either form ("1. Title" or
/// "Punkt 1: Title - fortsat"), with only blank lines, a page's furniture or closing marks between.
pub(super) fn writings_above(lines: &[Line], from: usize, i: usize, number: u32, title: &str) -> Vec<(usize, bool)> {
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
pub(super) fn adjacent_writing(lines: &[Line], from: usize, i: usize, number: u32, title: &str) -> Option<usize> {
    writings_above(lines, from, i, number, title).last().map(|&(k, _)| k)
}

/// The lines that repeat a marked heading further down its item, as a page's head does ("2. Salg
/// af grund (fortsat)", without a case number): headings too, so that the item reads them as its
/// own heading again, and one that says closed ("… (fortsat) - Lukket") closes the item.
pub(super) fn repeats_of(lines: &[Line], marked: &[usize]) -> Vec<usize> {
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

/// True if `title`, under the number of the item being read (titled `open`), continues it at a
/// page's top: the same heading ([`same_heading`]), or any title saying it continues ("(fortsat)",
/// "forts.").
pub(in crate::parse) fn continues(title: &str, open: &str) -> bool {
    title.trim() == open.trim() || says_continued(title) || same_heading(title, open)
}

/// True if two titles are one heading written twice, as a page's head repeats it above or below
/// its first writing: the same words once a trailing "(fortsat)", "forts." or closed mark is gone
/// ("Salg af grund (fortsat) - Lukket" and "Salg af grund"). Only the same words: a numbered list
/// line under the item's number that happens to say "fortsat" ("3. Forhandlingerne fortsat med
/// …") is text, and read as the heading's first writing it published a closed item's text.
pub(super) fn same_heading(a: &str, b: &str) -> bool {
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
pub(super) fn says_continued(title: &str) -> bool {
    let lower = title.to_lowercase();
    // Bound before `lower` is dropped: the iterator borrows it.
    let continued = words_of(&lower).any(|w| w == "fortsat" || w == "forts");
    continued
}

/// True if `text` reads as an item heading, "Punkt 2: …" or "2. …" (see the head in
/// [`crate::parse::fields::closing_field`]).
pub(in crate::parse) fn repeated_heading(text: &str) -> bool {
    let plain = to_plain(text);
    let plain = plain.trim_matches(['*', '_', '#', ' ']);
    item_heading(plain).is_some() || numbered_heading(plain).is_some()
}
