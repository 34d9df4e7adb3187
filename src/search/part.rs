//! One part of the index: a consecutive run of meetings in doc order, analyzed into the distinct
//! words and exact keys it holds (with their docs) and the result rows of its docs. Parts are
//! built in parallel from full meetings and absorbed into a [`super::Gathered`] as they are made, so
//! they hold nothing borrowed: flat lists and one text buffer of JSON rows.

use super::docs::{item_text_into, meeting_snippet_text, snippet_into, text, title};
use super::exact::{each_key, push_case_key, push_date_key, push_iso_date};
use super::intern::{Lists, ListsBuilder};
use super::json::push_str;
use super::text::{each_amount, each_word, stop_forms};
use crate::model::{AgendaItem, Meeting};
use std::fmt::Write;
use std::ops::Range;

/// Room for the distinct words of a part of 64 meetings (some 4,600 in the generated corpus), so
/// its table rarely grows, and no more: a larger table only spreads lookups over more cache lines.
const PART_WORDS: usize = 8_192;

/// A compact, owned partial index of consecutive docs (see [`super::Plan::part`]).
#[derive(Debug, Default)]
pub struct Part {
    /// Doc id of the part's first doc.
    pub(super) first: u32,
    pub(super) docs: u32,
    /// Words as written (stemmed once for the whole site when merging), with title hits flagged.
    pub(super) words: Lists,
    /// Exact keys, with the docs that carry them flagged.
    pub(super) exact: Lists,
    pub(super) rows: Rows,
}

/// What the plan knows of a meeting that the meeting itself does not say.
pub(super) struct Place<'a> {
    pub body: usize,
    /// The meeting's folder when it is not "<body slug>/<date>/", else "".
    pub path: &'a str,
}

/// The result rows of a part's docs as JSON arrays
/// `[title, body, "yyyy-mm-dd", item number, case, case slug, snippet, meeting folder]`, one text.
#[derive(Debug, Default)]
pub struct Rows {
    text: String,
    /// End of each row in `text`.
    ends: Vec<u32>,
    /// Where each row's snippet (a JSON string) lies, so a case entry can inline the row without it.
    snippets: Vec<(u32, u32)>,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Frees the slack of the buffers' growth: rows are kept until the index is written.
    pub(super) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.snippets.shrink_to_fit();
    }

    pub fn row(&self, i: usize) -> &str {
        &self.text[self.start(i)..self.ends[i] as usize]
    }

    /// The row with an empty snippet.
    pub fn without_snippet(&self, i: usize) -> String {
        let (a, b) = self.snippets[i];
        format!("{}\"\"{}", &self.text[self.start(i)..a as usize], &self.text[b as usize..self.ends[i] as usize])
    }

    fn start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize
        }
    }
}

/// Builds a [`Part`] one meeting at a time.
pub(super) struct Builder {
    first: u32,
    next: u32,
    words: ListsBuilder,
    exact: ListsBuilder,
    rows: Rows,
    /// Reused for exact keys, the meeting's date and each doc's snippet.
    key: String,
    date: String,
    snippet: String,
}

impl Builder {
    pub fn new(first: u32) -> Builder {
        Builder {
            first,
            next: first,
            words: ListsBuilder::with_unlisted(PART_WORDS, stop_forms()),
            exact: ListsBuilder::with_capacity(1024),
            rows: Rows::default(),
            key: String::new(),
            date: String::new(),
            snippet: String::new(),
        }
    }

    /// Adds the meeting and its open items as the next docs.
    pub fn meeting(&mut self, m: &Meeting, place: &Place<'_>) {
        self.date.clear();
        push_iso_date(&mut self.date, m.date);
        let own = text(m, None);
        let labelled = meeting_snippet_text(m);
        let labelled: Vec<&str> = labelled.iter().map(String::as_str).collect();
        self.doc(m, None, &own.iter().map(AsRef::as_ref).collect::<Vec<_>>(), Some(&labelled), place);
        // One list of pieces serves all the items (it was two new lists per doc).
        let mut pieces = Vec::new();
        for item in m.open_items() {
            pieces.clear();
            item_text_into(item, &mut pieces);
            self.doc(m, Some(item), &pieces, None, place);
        }
    }

    /// Adds doc `item` (or the meeting's own doc) with its searchable `text`; the snippet is made
    /// from `snippet_text` where given, else from `text`.
    fn doc(
        &mut self,
        m: &Meeting,
        item: Option<&AgendaItem>,
        text: &[&str],
        snippet_text: Option<&[&str]>,
        place: &Place<'_>,
    ) {
        let id = self.next;
        self.next += 1;
        let title = title(m, item);
        self.carried_keys(item, id);
        self.piece(&title, id, true);
        for (k, piece) in text.iter().enumerate() {
            if let Some(next) = text.get(k + 1) {
                prefetch(next);
            }
            self.piece(piece, id, false);
        }
        let mut snippet = std::mem::take(&mut self.snippet);
        snippet_into(snippet_text.unwrap_or(text), &mut snippet);
        self.row(item, place, &title, &snippet);
        self.snippet = snippet;
    }

    /// Adds the words (flagged for a title) and exact keys of one piece of doc `id`'s text. The
    /// exact-token patterns run only where the word scan saw what every token has.
    fn piece(&mut self, piece: &str, id: u32, title: bool) {
        let words = &mut self.words;
        words.reserve(piece.len());
        let seen = each_word(piece, |w, head| words.add_head(w, head, id, title));
        if seen.tokens {
            let exact = &mut self.exact;
            each_key(piece, &mut self.key, |k| exact.add(k, id, false));
        }
        if seen.amounts {
            each_amount(piece, |a| words.add(a, id, title));
        }
    }

    /// The keys a doc carries (its meeting's date, its case, its decisions' dates), flagged, before
    /// those its text only mentions.
    fn carried_keys(&mut self, item: Option<&AgendaItem>, id: u32) {
        self.key.clear();
        self.key.push_str("d:");
        self.key.push_str(&self.date);
        self.exact.add(&self.key, id, true);
        let Some(item) = item else { return };
        if let Some(case) = &item.case {
            self.key.clear();
            push_case_key(&mut self.key, case);
            self.exact.add(&self.key, id, true);
        }
        for d in &item.decisions {
            self.key.clear();
            push_date_key(&mut self.key, d.date);
            self.exact.add(&self.key, id, true);
        }
    }

    fn row(&mut self, item: Option<&AgendaItem>, place: &Place<'_>, title: &str, snippet: &str) {
        let case = item.and_then(|i| i.case.as_ref());
        let out = &mut self.rows.text;
        out.push('[');
        push_str(out, title);
        let _ = write!(out, ",{},", place.body);
        push_str(out, &self.date);
        let _ = write!(out, ",{},", item.map_or(0, |i| i.number));
        push_str(out, case.map_or("", |c| c.as_written()));
        out.push(',');
        push_str(out, &case.map(|c| c.slug()).unwrap_or_default());
        out.push(',');
        let start = out.len() as u32;
        push_str(out, snippet);
        let end = out.len() as u32;
        out.push(',');
        push_str(out, place.path);
        out.push(']');
        self.rows.snippets.push((start, end));
        self.rows.ends.push(out.len() as u32);
    }

    /// Doc ids this builder has handed out so far.
    pub fn docs(&self) -> Range<u32> {
        self.first..self.next
    }

    pub fn finish(self) -> Part {
        Part {
            first: self.first,
            docs: self.next - self.first,
            words: self.words.finish(),
            exact: self.exact.finish(),
            rows: self.rows,
        }
    }
}

/// Touches the start of `piece` so that it is on its way into the cache while the piece before it
/// is split into words: the pieces are separate strings last read when the meeting's pages were
/// rendered (64 meetings ago), and most are short paragraphs, so each one's first cache miss was
/// much of the splitting time in the pipeline. The load's value is not waited for by the splitting,
/// so the processor runs both at once.
#[inline(always)]
fn prefetch(piece: &str) {
    std::hint::black_box(piece.as_bytes().first().copied());
}
