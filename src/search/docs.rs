//! The searchable documents: every open agenda item and every meeting, in doc-id order, with the
//! title, text and snippet each contributes. Closed items are skipped entirely.
//!
//! Doc ids follow (year descending, body, date descending, meeting before its items), so that
//! (body, year) facets are a short list of id runs and ties in ranking favour recent minutes.

use crate::model::{AgendaItem, Block, Meeting};
use pulldown_cmark::{Event, Parser, TagEnd};
use std::borrow::Cow;

/// How much plain text each result keeps for its snippet (characters).
pub const SNIPPET_CHARS: usize = 160;

/// The bodies (udvalg) of the site, sorted by name, with their URL slugs.
#[derive(Debug, Clone, Default)]
pub struct Bodies {
    pub names: Vec<String>,
    pub slugs: Vec<String>,
}

/// The result title: the item's title, or "Body dd-mm-yyyy" for the meeting itself.
pub fn title<'a>(meeting: &'a Meeting, item: Option<&'a AgendaItem>) -> Cow<'a, str> {
    match item {
        Some(item) => Cow::Borrowed(item.title.as_str()),
        None => Cow::Owned(format!("{} {}", meeting.body, meeting.date.format("%d-%m-%Y"))),
    }
}

/// The searchable text beside the title, in pieces as written (inline markup included: its
/// punctuation falls away in tokenizing, and only the snippet needs [`plain`] text).
pub fn text<'a>(meeting: &'a Meeting, item: Option<&'a AgendaItem>) -> Vec<Cow<'a, str>> {
    match item {
        Some(item) => item_text(item),
        None => meeting_text(meeting),
    }
}

/// The first [`SNIPPET_CHARS`] characters of the plain text, cut at a word boundary.
///
/// Only the first `SNIPPET_CHARS + 1` characters matter (the cut, and whether there is more), so
/// the pieces are collapsed straight into the snippet and no further: paragraphs run to thousands
/// of characters.
pub fn snippet<S: AsRef<str>>(text: &[S]) -> String {
    let mut out = String::with_capacity(SNIPPET_CHARS + 16);
    snippet_into(text, &mut out);
    out
}

/// [`snippet`] into `out` (cleared first), so one buffer serves every doc.
pub fn snippet_into<S: AsRef<str>>(text: &[S], out: &mut String) {
    out.clear();
    let mut chars = 0;
    for piece in text {
        if chars >= SNIPPET_CHARS {
            break;
        }
        let piece = piece.as_ref();
        let plain_piece;
        let piece = match has_markup(piece) {
            true => {
                plain_piece = plain(piece);
                plain_piece.as_str()
            }
            false => piece,
        };
        for word in piece.split_whitespace() {
            if chars > SNIPPET_CHARS {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
                chars += 1;
            }
            out.push_str(word);
            chars += word.chars().count();
        }
    }
    if chars <= SNIPPET_CHARS {
        return;
    }
    let cut = out.char_indices().nth(SNIPPET_CHARS).map_or(out.len(), |(i, _)| i);
    out.truncate(cut);
    match out.rfind(' ') {
        Some(i) if i > SNIPPET_CHARS / 2 => {
            out.truncate(i);
            out.push_str(" …");
        }
        _ => out.push('…'),
    }
}

/// Whether `markup` may hold CommonMark inline markup; most paragraphs have none. The characters
/// are ASCII, so a table of bytes decides (matching `char`s one by one was most of the snippets' time).
pub(crate) fn has_markup(markup: &str) -> bool {
    let bytes = markup.as_bytes();
    // Long pieces: four vectorized searches skip most text faster than a byte loop.
    if bytes.len() >= 64 {
        let any3 = |a, b, c| memchr::memchr3(a, b, c, bytes).is_some();
        return any3(b'*', b'_', b'[') || any3(b'<', b'`', b'\\') || any3(b'&', b'!', b'#') || any3(b'>', b'|', b'~');
    }
    bytes.iter().any(|&b| MARKUP[usize::from(b)])
}

/// The bytes of the characters `*_[<`\\&!#>|~`.
const MARKUP: [bool; 256] = crate::bytes::set(b"*_[<`\\&!#>|~");

/// CommonMark inline markup to plain text (emphasis and link syntax dropped, link text kept).
pub fn plain(markup: &str) -> String {
    // Most paragraphs have no markup at all; parsing them would only cost time.
    if !has_markup(markup) {
        return collapse_spaces(markup);
    }
    let mut out = String::with_capacity(markup.len());
    for event in Parser::new(markup) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    collapse_spaces(&out)
}

/// Runs of whitespace to one space, trimmed.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

fn item_text(item: &AgendaItem) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    item_text_into(item, &mut out);
    out.into_iter().map(Cow::Borrowed).collect()
}

/// An open item's searchable text (see [`text`]) appended to `out`, so one list serves every item.
pub fn item_text_into<'a>(item: &'a AgendaItem, out: &mut Vec<&'a str>) {
    for section in &item.sections {
        for block in &section.blocks {
            match block {
                Block::Paragraph { text } | Block::Subheading { text } => out.push(text),
                Block::List { items, .. } => out.extend(items.iter().map(String::as_str)),
                Block::Table(table) => {
                    out.extend(table.caption.as_deref());
                    out.extend(table.rows.iter().flatten().map(|cell| cell.text.as_str()));
                }
            }
        }
    }
    let has_decision_section = item.sections.iter().any(|s| s.kind == crate::model::SectionKind::Decision);
    if !has_decision_section {
        out.extend(item.decisions.iter().map(|d| d.text.as_str()));
    }
    // Blank pieces need no filtering: they hold no words, no exact tokens and no snippet text.
    out.extend(item.attachments.iter().map(String::as_str));
}

/// A meeting's searchable text: the place, the participants' and the absent members' names. Only
/// the values: the labels of the snippet ("Mødested", "Deltagere", "Afbud") are on every meeting
/// and would make every meeting a result for them.
fn meeting_text(m: &Meeting) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    out.extend(m.location.as_deref().map(Cow::Borrowed));
    out.extend(m.participants.iter().chain(&m.absent).map(|p| Cow::Borrowed(p.name.as_str())));
    out
}

/// The snippet text of a meeting's own doc: [`meeting_text`] with its labels, for reading.
pub fn meeting_snippet_text(m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(place) = &m.location {
        out.push(format!("Mødested: {place}."));
    }
    for (label, people) in [("Deltagere", &m.participants), ("Afbud", &m.absent)] {
        if !people.is_empty() {
            let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
            out.push(format!("{label}: {}.", names.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_drops_inline_markup_without_adding_spaces() {
        assert_eq!(plain("en *revision* af [politikken](https://x.dk)."), "en revision af politikken.");
        assert_eq!(plain("a <b>fed</b> tekst"), "a fed tekst", "tags dropped, their text kept");
        assert_eq!(plain("<script>alert(1)</script>"), "", "an HTML block is not text");
    }

    #[test]
    fn markup_table_holds_the_markup_characters() {
        let chars = ['*', '_', '[', '<', '`', '\\', '&', '!', '#', '>', '|', '~'];
        for b in 0..=255u8 {
            assert_eq!(MARKUP[usize::from(b)], chars.contains(&char::from(b)) && b.is_ascii(), "byte {b:#x}");
        }
        assert!(!has_markup("æøå «» plain.") && has_markup("a *b*"));
        let long = "æøå «» plain words. ".repeat(8);
        assert!(!has_markup(&long));
        for c in ['*', '_', '[', '<', '`', '\\', '&', '!', '#', '>', '|', '~'] {
            assert!(has_markup(&format!("{long}{c}")), "{c}");
        }
    }

    #[test]
    fn snippet_is_cut_at_a_word_boundary() {
        let long = ["ord ".repeat(100)];
        let s = snippet(&long);
        assert!(s.ends_with(" …") && s.chars().count() <= SNIPPET_CHARS + 2, "{s}");
        assert_eq!(snippet(&["a  b".to_string(), "c".to_string()]), "a b c");
    }

    /// The snippet as first written: each piece made plain whole and appended until 160 characters.
    fn joined_then_cut(text: &[&str]) -> String {
        let mut out = String::new();
        for piece in text {
            if out.chars().count() >= SNIPPET_CHARS {
                break;
            }
            let piece = plain(piece);
            if !piece.is_empty() && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&piece);
        }
        if out.chars().count() <= SNIPPET_CHARS {
            return out;
        }
        let cut: String = out.chars().take(SNIPPET_CHARS).collect();
        match cut.rfind(' ') {
            Some(i) if i > SNIPPET_CHARS / 2 => format!("{} …", &cut[..i]),
            _ => format!("{cut}…"),
        }
    }

    #[test]
    fn snippet_stops_early_but_cuts_as_if_it_had_read_everything() {
        let word = |n: usize| "æ".repeat(n % 13 + 1);
        for len in [0, 1, 79, 80, 81, 159, 160, 161, 162, 400] {
            let words: Vec<String> = (0..len).map(word).collect();
            let text = words.join(" ");
            let half: String = text.chars().take(len / 2).collect();
            let long = "x".repeat(len);
            let cases: [Vec<&str>; 4] =
                [vec![&text], vec![&text, "  ", "*mere* tekst"], vec!["", &half, " \n ", &text], vec![&long, "efter"]];
            for pieces in cases {
                assert_eq!(snippet(&pieces), joined_then_cut(&pieces), "{pieces:?}");
            }
        }
    }
}
