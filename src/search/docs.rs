//! The searchable documents: every open agenda item and every meeting, in doc-id order, with the
//! plain text, terms and exact keys each contributes. Closed items are skipped entirely.
//!
//! Doc ids follow (year descending, body, date descending, meeting before its items), so that
//! (body, year) facets are a short list of id runs and ties in ranking favour recent minutes.

use super::exact::{case_key, date_key, exact_keys};
use crate::link::Site;
use crate::model::{AgendaItem, Block, Meeting};
use chrono::Datelike;
use pulldown_cmark::{Event, Parser, TagEnd};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// How much plain text each result keeps for its snippet (characters).
pub const SNIPPET_CHARS: usize = 160;

/// One search result candidate.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub meeting: &'a Meeting,
    /// Index of the meeting in `Site::meetings`.
    pub meeting_index: usize,
    /// `None` for the meeting itself.
    pub item: Option<&'a AgendaItem>,
    /// Index into [`Bodies`].
    pub body: usize,
    pub year: i32,
}

/// The bodies (udvalg) of the site, sorted by name, with their URL slugs.
#[derive(Debug, Clone, Default)]
pub struct Bodies {
    pub names: Vec<String>,
    pub slugs: Vec<String>,
}

/// All documents of `site` in doc-id order, and the bodies (as the site names and slugs them).
pub fn collect(site: &Site) -> (Vec<Doc<'_>>, Bodies) {
    let bodies = Bodies {
        names: site.bodies.iter().map(|b| b.name.clone()).collect(),
        slugs: site.bodies.iter().map(|b| b.slug.clone()).collect(),
    };
    let index: BTreeMap<&str, usize> = bodies.names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let mut meetings: Vec<(usize, &Meeting)> = site.meetings.iter().enumerate().collect();
    meetings
        .sort_by(|(ai, a), (bi, b)| (b.date.year(), &a.body, b.date, bi).cmp(&(a.date.year(), &b.body, a.date, ai)));
    let mut docs = Vec::new();
    for (meeting_index, m) in meetings {
        let body = index.get(m.body.as_str()).copied().unwrap_or(0);
        let year = m.date.year();
        docs.push(Doc { meeting: m, meeting_index, item: None, body, year });
        docs.extend(m.open_items().map(|item| Doc { meeting: m, meeting_index, item: Some(item), body, year }));
    }
    (docs, bodies)
}

impl<'a> Doc<'a> {
    /// The result title: the item's title, or "Body dd-mm-yyyy" for a meeting.
    pub fn title(&self) -> Cow<'a, str> {
        match self.item {
            Some(item) => Cow::Borrowed(item.title.as_str()),
            None => Cow::Owned(format!("{} {}", self.meeting.body, self.meeting.date.format("%d-%m-%Y"))),
        }
    }

    /// The searchable text beside the title, in pieces as written (inline markup included: its
    /// punctuation falls away in tokenizing, and only the snippet needs [`plain`] text).
    pub fn text(&self) -> Vec<Cow<'a, str>> {
        match self.item {
            Some(item) => item_text(item),
            None => meeting_text(self.meeting),
        }
    }

    /// Exact keys of this document (given its title and text), with whether it carries each one.
    pub fn exact(&self, title: &str, text: &[Cow<'_, str>]) -> Vec<(String, bool)> {
        let mut exact: BTreeMap<String, bool> = BTreeMap::new();
        exact.insert(date_key(self.meeting.date), true);
        if let Some(item) = self.item {
            if let Some(case) = &item.case {
                exact.insert(case_key(case), true);
            }
            for d in &item.decisions {
                exact.insert(date_key(d.date), true);
            }
        }
        for key in std::iter::once(title).chain(text.iter().map(AsRef::as_ref)).flat_map(exact_keys) {
            exact.entry(key).or_insert(false);
        }
        exact.into_iter().collect()
    }
}

/// The first [`SNIPPET_CHARS`] characters of the plain text, cut at a word boundary.
pub fn snippet<S: AsRef<str>>(text: &[S]) -> String {
    let mut out = String::new();
    for piece in text {
        if out.chars().count() >= SNIPPET_CHARS {
            break;
        }
        let piece = plain(piece.as_ref());
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() {
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

/// CommonMark inline markup to plain text (emphasis and link syntax dropped, link text kept).
pub fn plain(markup: &str) -> String {
    // Most paragraphs have no markup at all; parsing them would only cost time.
    if !markup.contains(['*', '_', '[', '<', '`', '\\', '&', '!', '#', '>', '|', '~']) {
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
    let mut out: Vec<&str> = Vec::new();
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
    out.extend(item.attachments.iter().map(String::as_str));
    out.into_iter().filter(|p| !p.trim().is_empty()).map(Cow::Borrowed).collect()
}

fn meeting_text(m: &Meeting) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    if let Some(place) = &m.location {
        out.push(Cow::Owned(format!("Mødested: {place}.")));
    }
    if !m.participants.is_empty() {
        let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
        out.push(Cow::Owned(format!("Deltagere: {}.", names.join(", "))));
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
    fn snippet_is_cut_at_a_word_boundary() {
        let long = ["ord ".repeat(100)];
        let s = snippet(&long);
        assert!(s.ends_with(" …") && s.chars().count() <= SNIPPET_CHARS + 2, "{s}");
        assert_eq!(snippet(&["a  b".to_string(), "c".to_string()]), "a b c");
    }
}
