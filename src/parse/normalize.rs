//! Normalizing raw minutes text into classified lines: byte-order mark, CRLF/CR, form feeds,
//! pdftotext page footers, page headers repeated on every page, markdown headings and rules.
//!
//! Lines borrow from the text; nothing is copied here. Removed lines (footers, rules) become
//! blank lines so that line numbers and paragraph breaks stay where they were.

use super::inline::plain;
use super::{closed, fields, has_byte, items, sections};
use crate::case::CaseNumber;
use std::borrow::Cow;
use std::collections::HashMap;

/// What a line is, before any meaning is given to its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// A markdown ATX (`## x`) or setext heading; `text` is its content with inline markup.
    Heading(u8),
    Text,
}

/// One classified line. `text` is trimmed on both sides.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// 1-based line number in the file.
    pub no: usize,
    pub text: &'a str,
    /// Leading spaces (tabs count as 4), for list continuation.
    pub indent: usize,
    /// Markdown hard line break at the end (two trailing spaces or a backslash).
    pub hard_break: bool,
    pub kind: Kind,
    /// An item heading written "1. Title" without "Punkt": set for the whole file by
    /// [`super::items::mark_numbered`] where that form is unambiguous, never from one line alone.
    pub numbered_item: bool,
    /// A line of a page's head: page furniture ([`page_furniture`]) among the first lines after a
    /// form feed ("Høje-Taastrup Kommune" / "Direktionen 20-03-2017"). A page break between an
    /// item's heading and its case number put it there; it is not the rest of the title.
    pub page_top: bool,
    /// The line may say that its item is closed, or start a field or table over lines that does:
    /// see [`may_close`]. False only where no reader of closing fields can find anything.
    pub may_close: bool,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.kind == Kind::Blank
    }

    /// Blank, or a line with no letter or digit to read ([`shows_nothing`]): what the readers of
    /// an item's structure and marks pass over. The page's blocks keep such a line as written.
    pub fn is_empty_to_reader(&self) -> bool {
        self.is_blank() || shows_nothing(self.text)
    }

    /// True if this line is a sentence that `next` goes on with, as a PDF wraps it: text that does
    /// not end as a sentence or label does, and a next line in lower case ("Punktet behandles for"
    /// / "lukkede døre.").
    pub fn runs_on_to(&self, next: &Line) -> bool {
        self.kind == Kind::Text
            && next.kind == Kind::Text
            && !self.is_empty_to_reader()
            && !self.text.trim_end().ends_with(['.', '!', '?', ':'])
            && next.text.starts_with(char::is_lowercase)
    }
}

/// The lines of one file plus what was learned about its format.
#[derive(Debug)]
pub struct Document<'a> {
    pub lines: Vec<Line<'a>>,
    /// The file uses markdown markup (headings, `**bold**`, `<b>`); otherwise it is plain text
    /// from a PDF, whose markdown-significant characters must be escaped.
    pub markdown: bool,
}

/// Removes a byte-order mark and the characters that are invisible inside a word (which split it
/// where they stand: "Luk\u{200b}ket", "Luk\u{200c}ket" or "Luk\u{ad}ket" would not read as
/// "Lukket"), reads fullwidth forms as ASCII, and turns CRLF and lone CR into LF, copying only
/// when needed.
pub fn unify_newlines(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Their UTF-8 starts with one of seven lead bytes, none of them that of æ, ø or å (0xC3); most
    // files have few such bytes (no-break spaces, dashes, quotes).
    let at = |i: usize| text[i..].chars().next().is_some_and(invisible);
    let has_invisible = || {
        let b = text.as_bytes();
        memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(at)
            || memchr::memchr3_iter(0xCD, 0xE1, 0xE3, b).any(at)
            || memchr::memchr_iter(0xF3, b).any(at)
    };
    // Fullwidth forms (U+FF01–U+FF5E, lead bytes EF BC and EF BD) and the ideographic space.
    let has_wide = || {
        let b = text.as_bytes();
        memchr::memchr_iter(0xEF, b).any(|i| matches!(b.get(i + 1), Some(0xBC | 0xBD)))
            || memchr::memmem::find(b, "\u{3000}".as_bytes()).is_some()
    };
    let has_cr = memchr::memchr(b'\r', text.as_bytes()).is_some();
    if !has_cr && !has_invisible() && !has_wide() {
        return Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Cow::Owned(text.chars().filter(|&c| !invisible(c)).map(narrow).collect())
}

/// A fullwidth form as the ASCII it stands for ("Punkt ２" is "Punkt 2" to a reader; review 9 found
/// such a heading not read), the ideographic space as a space.
fn narrow(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A character that takes no room and is no part of a word, Unicode's default-ignorable code
/// points: a soft hyphen, a combining grapheme joiner, zero-width spaces, joiners and non-joiners,
/// direction marks and embeddings, invisible operators, variation selectors, fillers, tags. An
/// editor or a PDF may leave any of them inside a word ("Luk\u{34f}ket").
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Splits and classifies the lines of `text` (already passed through [`unify_newlines`]).
pub fn document(text: &str) -> Document<'_> {
    let mut lines: Vec<Line> = Vec::with_capacity(text.len() / 40 + 1);
    // One search over the whole text is cheaper than two per line. An HTML export's paragraphs
    // and headings are markup too: read as plain text, its "<p>" showed as text on every line.
    let mut markdown = ["**", "<b>", "<p>", "</h"].iter().any(|m| text.contains(m));
    let mut headers = repeated_headers(text).into_iter().peekable();
    let mut raws = super::lines(text).enumerate().peekable();
    let mut closing = may_close(text).into_iter().peekable();
    // How many more lines may be the head of the page that the last form feed started.
    let mut page_head = 0;
    while let Some((i, raw)) = raws.next() {
        let no = i + 1;
        let start = raw.as_ptr() as usize - text.as_ptr() as usize;
        while closing.next_if(|&at| at < start).is_some() {}
        let may_close = closing.peek().is_some_and(|&at| at < start + raw.len());
        let mut raw = raw;
        // pdftotext starts each page with a form feed: a page break is a paragraph break.
        let after_break = raw.starts_with('\x0c');
        if after_break {
            raw = raw.trim_start_matches('\x0c');
            lines.push(blank(no));
            page_head = HEADER_LINES;
        }
        if headers.next_if_eq(&i).is_some() {
            lines.push(blank(no));
            continue;
        }
        // A bare page number right before or after a page break.
        let before_break = raws.peek().is_some_and(|(_, next)| next.starts_with('\x0c'));
        if (after_break || before_break) && is_page_number(raw) {
            lines.push(blank(no));
            continue;
        }
        let mut line = classify(no, raw);
        // Also a short line that may be a mark of internal use ("Internt", "Klassifikation: Intern";
        // see `restricted`), decided by its bytes: four more searches of every file cost more.
        let restricted = || line.text.len() <= RESTRICTED_LINE && super::restricted::stem(line.text.as_bytes());
        // … or a case line with the sign "L" beside its number ("17/105 L").
        let signed = || {
            // The sign at either end ("17/105 L", "17/105 (l.)", "L 17/105", "17/105 LUK").
            let sign = |c: Option<&u8>| c.is_some_and(|c| matches!(c, b'L' | b'l' | b'K' | b'k'));
            line.text.len() <= 40 && {
                let b = line.text.trim_end_matches([')', ']', '.', '*', '_', ' ']).as_bytes();
                let first = line.text.trim_start_matches(['(', '[', '*', ' ']).as_bytes().first();
                (sign(b.last()) || sign(first)) && b.contains(&b'/') && super::items::signed_case_line(line.text)
            }
        };
        line.may_close = line.kind != Kind::Blank
            && (may_close || line.hard_break || line.text.ends_with('\t') || restricted() || signed());
        if !line.is_empty_to_reader() && page_head > 0 {
            line.page_top = line.kind == Kind::Text && page_furniture(line.text);
            page_head = if line.page_top { page_head - 1 } else { 0 };
        }
        markdown |= matches!(line.kind, Kind::Heading(_));
        if line.kind == Kind::Text && is_setext_underline(line.text) {
            if let Some(level) = setext_level(&lines, line.text) {
                if let Some(prev) = lines.last_mut() {
                    prev.kind = Kind::Heading(level);
                }
                markdown = true;
                lines.push(blank(no));
                continue;
            }
            if line.text.len() >= 3 && line.text.starts_with('-') {
                lines.push(blank(no)); // a thematic break after a blank line
                continue;
            }
        }
        lines.push(line);
    }
    Document { lines, markdown }
}

/// The longest line [`Line::may_close`] asks of marks of internal use by their bytes.
const RESTRICTED_LINE: usize = 60;

/// Where in `text` (sorted byte offsets) a line may say that its item is closed, for
/// [`Line::may_close`]: a public label or closing word ("offentlig…", "åben…", "lukke…",
/// "fortrolig…", in any case, also split by emphasis), or a byte that the readers of closing
/// fields decode or read over lines (entities, tags, escapes, links, code, bars, box drawing,
/// fullwidth forms). Every line of every item is asked; these whole-text searches answer for all
/// of them at once, where asking each line's readers was a sixth of the parse.
fn may_close(text: &str) -> Vec<usize> {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static WORDS: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| {
        // The public labels "åben…" (also "aaben"), "publiceres", "aktindsigt", and box drawing (U+2500–U+257F)
        // by its first two bytes; an English template's "CONFIDENTIAL" page foot.
        let more: [&[u8]; 11] = [
            "åben".as_bytes(),
            // "Vises på hjemmesiden: Nej" (review 15).
            b"hjemmeside",
            "Åben".as_bytes(),
            b"aaben",
            // "publicer…", and an English template's "Public: No".
            b"public",
            b"aktindsigt",
            b"\xE2\x94",
            b"\xE2\x95",
            b"confidential",
            // "Closed item", "(Not public)" (review 15).
            b"closed",
            b"not public",
        ];
        closed::CLOSING_STEMS.into_iter().chain(more).map(Finder::new).collect()
    });
    let lower = text.to_ascii_lowercase();
    let b = text.as_bytes();
    let mut at: Vec<usize> = WORDS.iter().flat_map(|w| w.find_iter(lower.as_bytes())).collect();
    at.extend(memchr::memchr3_iter(b'<', b'&', b'\\', b));
    at.extend(memchr::memchr3_iter(b'[', b'`', b'|', b));
    at.extend(memchr::memchr_iter(0xEF, b));
    // Emphasis inside a word ("Off**entlig**", "**Luk**ket"): the line read without it, once.
    let mut read_to = 0;
    for i in memchr::memchr2_iter(b'*', b'_', b) {
        if i < read_to {
            continue;
        }
        let start = memchr::memrchr(b'\n', &b[..i]).map_or(0, |n| n + 1);
        read_to = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
        let bare: Vec<u8> =
            lower.as_bytes()[start..read_to].iter().copied().filter(|c| !matches!(c, b'*' | b'_')).collect();
        if WORDS.iter().any(|w| w.find(&bare).is_some()) {
            at.push(i);
        }
    }
    at.sort_unstable();
    at
}

/// Whether a line says nothing a reader can read: no letter or digit once entities are decoded and
/// tags, markup and invisible characters are gone ("&nbsp;", "<br>", "<o:p></o:p>", "<!-- x -->",
/// "- ", "| |", "–", "&#8203;"). The readers of an item's structure pass over such a line as over a
/// blank one ([`Line::is_empty_to_reader`]): one between an item's case number and its "Lukket
/// punkt" hid the mark, and the item was published (robustness review). The page still shows it.
pub(super) fn shows_nothing(text: &str) -> bool {
    for c in text.chars() {
        if c == '&' || c == '<' {
            return !plain(text).chars().any(|c| c.is_alphanumeric() && !invisible(c));
        }
        if c.is_alphanumeric() {
            return false;
        }
    }
    true
}

pub(super) fn blank(no: usize) -> Line<'static> {
    Line {
        no,
        text: "",
        indent: 0,
        hard_break: false,
        kind: Kind::Blank,
        numbered_item: false,
        page_top: false,
        may_close: false,
    }
}

fn classify(no: usize, raw: &str) -> Line<'_> {
    let hard_break = raw.ends_with("  ") || (raw.ends_with('\\') && !raw.ends_with("\\\\"));
    let indent = raw.chars().take_while(|c| *c == ' ' || *c == '\t').map(|c| if c == '\t' { 4 } else { 1 }).sum();
    // Keep tabs inside the line (table cells) but not around it, except a leading tab that
    // marks an empty first cell.
    let text = raw.trim_end_matches(is_space);
    let text = if text.trim_start_matches(' ').starts_with('\t') && has_byte(text.trim(), b'\t') {
        text.trim_start_matches(' ')
    } else {
        text.trim_start_matches(is_space)
    };
    let text = text.strip_suffix('\\').filter(|_| hard_break).map(str::trim_end).unwrap_or(text);
    // A page's foot that says closed ("FORTROLIGT - Side 2 af 6") stays for the readers of marks:
    // it stands on a closed item's pages (review 9: blanked, the item was published).
    if text.bytes().all(|b| b == b'\t')
        || (is_page_footer(text) && !closed::is_closed(text) && !closed_page_foot(text))
        || is_rule(text)
    {
        return blank(no);
    }
    if let Some((level, content)) = atx_heading(text) {
        if content.is_empty() {
            return blank(no);
        }
        return Line {
            no,
            text: content,
            indent,
            hard_break: false,
            kind: Kind::Heading(level),
            numbered_item: false,
            page_top: false,
            may_close: false,
        };
    }
    Line { no, text, indent, hard_break, kind: Kind::Text, numbered_item: false, page_top: false, may_close: false }
}

/// Whitespace that may surround a line: spaces, NBSP, form feeds, but not tabs (cell separators).
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\x0b' | '\x0c' | '\r')
    } else {
        c.is_whitespace()
    }
}

/// `## Title ##` → (2, "Title").
fn atx_heading(text: &str) -> Option<(u8, &str)> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &text[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim();
    let content = content.trim_end_matches('#');
    let content = if content.len() < rest.trim().len() && !content.ends_with(' ') && !content.is_empty() {
        rest.trim() // "# C#" keeps its hash: closing hashes need a space before them
    } else {
        content.trim_end()
    };
    Some((hashes as u8, content))
}

/// `---`, `***`, `___` (three or more, spaces allowed): a thematic break, not content.
fn is_rule(text: &str) -> bool {
    let t = text.trim();
    let Some(first) = t.chars().next() else { return false };
    matches!(first, '-' | '*' | '_')
        && t.chars().filter(|c| *c == first).count() >= 3
        && t.chars().all(|c| c == first || c == ' ')
        && !is_setext_underline(t)
}

fn is_setext_underline(text: &str) -> bool {
    text.len() >= 2 && (text.bytes().all(|b| b == b'=') || text.bytes().all(|b| b == b'-'))
}

/// A setext underline turns the previous single text line into a heading.
fn setext_level(lines: &[Line], underline: &str) -> Option<u8> {
    let n = lines.len();
    let prev = lines.last()?;
    let before_is_break = n < 2 || lines[n - 2].kind != Kind::Text;
    (prev.kind == Kind::Text && before_is_break && !has_byte(prev.text, b'\t'))
        .then_some(if underline.starts_with('=') { 1 } else { 2 })
}

/// "12", "- 12 -": a page number on a line of its own.
fn is_page_number(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['-', '–']).trim_end_matches(['-', '–']).trim();
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// How many content lines at the top of a page may belong to its header ("Høje-Taastrup Kommune",
/// "Direktionen 20-03-2017", "Referat").
const HEADER_LINES: usize = 4;

/// The lines at the top of one page: 0-based line index and trimmed text.
type PageTop<'a> = Vec<(usize, &'a str)>;

/// 0-based indexes, ascending, of the page header lines that a PDF export repeats at the top of
/// each page. A header line is a short line among the first [`HEADER_LINES`] of more than half
/// of the pages (and of at least two); only those occurrences are dropped, so a line that occurs
/// once, or elsewhere in the text, stays. Lines that are structure (item and section headings,
/// case numbers) or sentences are never headers: a "Bilag" heading that happens to open most
/// pages is content.
fn repeated_headers(text: &str) -> Vec<usize> {
    let pages = page_tops(text);
    if pages.len() < 2 {
        return Vec::new();
    }
    let mut seen_on: HashMap<&str, usize> = HashMap::new();
    for top in &pages {
        let mut texts: Vec<&str> = top.iter().map(|(_, t)| *t).collect();
        texts.sort_unstable();
        texts.dedup();
        for t in texts {
            *seen_on.entry(t).or_default() += 1;
        }
    }
    // "Offentlig: Nej" atop most pages of a closed item is its mark, not the pages' head (review 7).
    let is_header = |t: &str| {
        seen_on[t] >= 2
            && seen_on[t] * 2 > pages.len()
            && may_be_page_header(t)
            && fields::public_field(&plain(t)) != Some(true)
    };
    let mut drop: Vec<usize> = pages.iter().flatten().filter(|(_, t)| is_header(t)).map(|(i, _)| *i).collect();
    drop.sort_unstable();
    drop
}

/// The first content lines of every page that has any, up to the first line of structure (an item
/// or section heading, a case number): what follows one is the page's content, however often it
/// recurs ("Punkt 2: …" / "Lukket punkt" on every page, "Beslutning" / "Godkendt"). A page starts
/// at a form feed, or after a page footer that ends a page (one below the page's top: a "Side 3
/// af 12" line among the header lines belongs to the header).
fn page_tops(text: &str) -> Vec<PageTop<'_>> {
    let mut pages: Vec<PageTop> = vec![Vec::new()];
    let mut content = 0; // content lines on the current page
    let mut structure = false; // a structure line was among them
    for (i, raw) in super::lines(text).enumerate() {
        let t = raw.trim_matches(is_space);
        // A bare number is a page number only next to a form feed: elsewhere it may be content.
        let footer = !t.is_empty() && (is_page_footer(t) || (raw.starts_with('\x0c') && is_page_number(t)));
        if raw.starts_with('\x0c') || (footer && content > HEADER_LINES) {
            if pages.last().is_some_and(|p| !p.is_empty()) {
                pages.push(Vec::new());
            }
            content = 0;
            structure = false;
        }
        if t.is_empty() || footer {
            continue;
        }
        content += 1;
        if content <= HEADER_LINES && !structure {
            structure = is_structure(t);
        }
        if let Some(top) = pages.last_mut().filter(|_| content <= HEADER_LINES && !structure) {
            top.push((i, t));
        }
    }
    pages.retain(|p| !p.is_empty());
    pages
}

/// A page's number or foot ("3", "Side 3 af 10"), which a page break may leave anywhere in the
/// text. Asked of many lines, so the cheap questions come first.
pub(super) fn page_number_or_footer(text: &str) -> bool {
    is_page_number(text) || is_page_footer(text)
}

/// A line a page break may leave anywhere in the text, also a page's head: see [`page_number_or_footer`].
pub(super) fn page_furniture(text: &str) -> bool {
    is_page_number(text)
        || is_page_footer(text)
        || (text.len() <= 240 && !text.trim_end().ends_with(['.', ':', ',', ';']) && may_be_page_header(text))
}

/// A short line that is neither structure nor a sentence nor a closing mark: what a page header
/// can be.
fn may_be_page_header(text: &str) -> bool {
    let text = atx_heading(text).map_or(text, |(_, content)| content);
    let plain = plain(text);
    let plain = plain.trim_matches(['*', '_']);
    !plain.is_empty()
        && plain.chars().count() <= 80
        && !has_byte(text, b'\t')
        && !plain.ends_with(['.', ':', ',', ';'])
        && !is_structure(text)
        && !closed::is_closed(plain)
}

/// An item or section heading or a case number line.
fn is_structure(text: &str) -> bool {
    let text = atx_heading(text).map_or(text, |(_, content)| content);
    let plain = plain(text);
    let plain = plain.trim_matches(['*', '_']);
    sections::kind_of(plain).is_some()
        || items::item_heading(plain).is_some()
        || items::numbered_heading(plain).is_some()
        || plain.parse::<CaseNumber>().is_ok()
        // "Sagsnr.: 17/2", "J.nr. 17/2": read as a page's head, it was skipped as the item's case
        // number, and the mark under it was not read (review 7).
        || (plain.starts_with(['S', 's', 'J', 'j']) && items::case_in(plain).is_some())
}

/// pdftotext page footers and headers: "Direktionen 03-04-2017 - Side 2 af 9", "Side 2 af 9",
/// "Side 1/4", "Page 2 of 9", "2 af 4", "- 2 -", also with what case systems print around the page
/// number ("Teknik- og Miljøudvalget 05-06-2023    Side 2 af 4    Referat", "Side 3 af 4 - Udskrevet
/// 06-06-2023"): besides the page number only dates, names and such words, and the page number at
/// an end of the line or set apart by a dash, a bar or a layout gap. "Se side 2 af 4 i Bilag 3"
/// is a sentence.
pub fn is_page_footer(text: &str) -> bool {
    let t = text.trim();
    if t.starts_with(['-', '–']) && t.ends_with(['-', '–']) && t.len() > 2 {
        return is_page_number(t);
    }
    // Every line is asked: most are decided on their last byte or length. A footer ends with the
    // page count, or has the gaps of a laid-out line, or is "2 af 4" alone.
    let laid_out = || t.ends_with(|c: char| c.is_ascii_digit()) || crate::bytes::has_spaces(t.as_bytes(), 3);
    if t.len() > 160 || !((laid_out() && names_a_page(t)) || (t.len() <= 12 && t.contains(" af "))) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(marker) = page_marker(&words) else { return false };
    let apart = |w: Option<&&str>| w.is_none_or(|w| matches!(*w, "-" | "–" | "|" | "·" | "/"));
    let set_apart = apart(marker.start.checked_sub(1).and_then(|i| words.get(i)))
        || apart(words.get(marker.end))
        || t.contains("   ");
    set_apart && words.iter().enumerate().all(|(i, w)| marker.contains(&i) || footer_word(w))
}

/// A page's foot that says its page is closed, in words besides the page number: "FORTROLIGT Side
/// 2 af 6" (review 10: published; with a dash it is a mark with its reason).
pub(super) fn closed_page_foot(text: &str) -> bool {
    // Any words beside the page number that say so, before or after it ("Side 2 af 6 FORTROLIGT",
    // "Høje-Taastrup Kommune FORTROLIGT Side 2 af 6", "Ikke offentlig Side 2 af 6"; review 11).
    let t = text.trim();
    // An English template's foot too ("CONFIDENTIAL Page 2 of 6"; review 11).
    // (The page number first: one pass over the bytes, where the word searches copy or scan more.)
    let english = || t.as_bytes().windows(12).any(|w| w.eq_ignore_ascii_case(b"confidential"));
    if t.len() > 160 || !(names_a_page(t) || dashed_page_number(t)) || !(closed::has_mark_stem(t) || english()) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // "Side 2" alone at the line's start or end is a closed foot's number too ("FORTROLIGT<tab>Side
    // 2", "Lukket referat side 2"; review 15), though not page furniture by itself.
    let side = |i: usize| {
        ["side", "page"].iter().any(|s| words[i].eq_ignore_ascii_case(s))
            && words.get(i + 1).is_some_and(|w| page_digits(w))
            && (i == 0 || i + 2 == words.len())
    };
    let short = || (0..words.len()).find(|&i| side(i)).map(|i| i..i + 2);
    let Some(marker) = page_marker(&words).or_else(short) else { return false };
    let rest: Vec<&str> = words.iter().enumerate().filter(|(i, _)| !marker.contains(i)).map(|(_, w)| *w).collect();
    let rest = rest.join(" ");
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
    // A mark, or a closing word in capitals among names ("Høje-Taastrup Kommune FORTROLIGT"), not
    // denied and no name ("Ikke fortroligt", "Lukket kredsløb ApS"; review 12).
    let words = || closed::words_of(rest);
    let not = |w: &str| ["ikke", "ej", "not"].iter().any(|n| w.eq_ignore_ascii_case(n));
    let listed: Vec<&str> = words().collect();
    let closing = |w: &str| closed::closing_word(w) || w.eq_ignore_ascii_case("confidential");
    // "NOT CONFIDENTIAL" too (review 13).
    let denied = listed.windows(2).any(|w| not(w[0]) && closing(w[1]));
    // Among names only: "Broen forbliver LUKKET" is a sentence that a page number follows (review 13).
    let names = || listed.iter().all(|w| !w.starts_with(char::is_lowercase));
    let shouted = || names() && words().any(|w| closing(w) && !w.chars().any(char::is_lowercase));
    // "Fortroligt dokument", "Lukket bilag", "Lukket møde": the page's own kind, said of it (review
    // 11); "Confidential" alone (review 13).
    let document = |w: &str| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "dokument" | "materiale" | "bilag" | "referat" | "dagsorden" | "indhold" | "document" | "møde"
        )
    };
    let of_page = |part: &str| {
        let listed: Vec<&str> = closed::words_of(part).collect();
        match listed[..] {
            [one] => one.eq_ignore_ascii_case("confidential"),
            [first, .., kind] if document(kind) && (closing(first) || not(first)) => {
                closed::is_mark(&listed[..listed.len() - 1].join(" "))
            }
            _ => false,
        }
    };
    // Each part set off by a dash or bar, after a name ("Økonomiudvalget - Lukket møde"; review 14).
    let parts = || rest.split(" - ").flat_map(|p| p.split(" – ")).flat_map(|p| p.split(" | ")).map(str::trim);
    !rest.is_empty()
        && rest.split_whitespace().count() <= 6
        && !denied
        && (shouted() || parts().any(|p| closed::is_mark(p) || of_page(p)))
}

/// True if "side" or "page" and a space come before a digit. Every line is asked: one tight pass
/// over its bytes for a space before a digit decides most.
fn names_a_page(t: &str) -> bool {
    let b = t.as_bytes();
    let space_digit = |i: usize| b[i] == b' ' && b[i + 1].wrapping_sub(b'0') < 10;
    (4..b.len().saturating_sub(1))
        .filter(|&i| space_digit(i))
        .any(|i| b[i - 4..i].eq_ignore_ascii_case(b"side") || b[i - 4..i].eq_ignore_ascii_case(b"page"))
}

/// True if the line starts or ends with a page number between dashes ("- 2 - FORTROLIGT",
/// "Lukket punkt -2-"; review 14).
fn dashed_page_number(t: &str) -> bool {
    // Every line without "Side" is asked: most neither start nor end with a dash.
    let t = t.trim();
    if !(t.starts_with('-') || t.ends_with('-')) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let dashed = |w: &[&str]| match w {
        ["-", n, "-"] => page_digits(n),
        [w] => w.strip_prefix('-').and_then(|w| w.strip_suffix('-')).is_some_and(page_digits),
        _ => false,
    };
    let n = words.len();
    dashed(&words[..n.min(3)])
        || dashed(&words[n.saturating_sub(3)..])
        || dashed(&words[..n.min(1)])
        || dashed(&words[n.saturating_sub(1)..])
}

/// A page's number as written: one to four digits.
fn page_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Where "Side 2 af 9" (or "Side 2/9", "Page 2 of 9", a line "2 af 9", or "- 2 -" at the line's
/// start or end) is among `words`.
fn page_marker(words: &[&str]) -> Option<std::ops::Range<usize>> {
    let num = |s: &str| page_digits(s);
    let dashed = |w: &str| w.strip_prefix('-').and_then(|w| w.strip_suffix('-')).is_some_and(page_digits);
    let n = words.len();
    for at in [0, n.saturating_sub(3)] {
        if let Some(["-", d, "-"]) = words.get(at..at + 3) {
            if num(d) {
                return Some(at..at + 3);
            }
        }
    }
    for at in [0, n.saturating_sub(1)] {
        if words.get(at).is_some_and(|w| dashed(w)) {
            return Some(at..at + 1);
        }
    }
    let of = |s: &str| s.eq_ignore_ascii_case("af") || s.eq_ignore_ascii_case("of");
    if let [a, o, b] = words {
        if num(a) && of(o) && num(b) {
            return Some(0..3);
        }
    }
    (0..words.len()).find_map(|i| {
        if !words[i].eq_ignore_ascii_case("side") && !words[i].eq_ignore_ascii_case("page") {
            return None;
        }
        match words.get(i + 1..i + 4) {
            Some([a, o, b]) if num(a) && of(o) && num(b) => return Some(i..i + 4),
            _ => {}
        }
        let (a, b) = words.get(i + 1)?.split_once('/')?;
        (num(a) && num(b)).then_some(i..i + 2)
    })
}

/// A word a page header or footer has beside the page number: a date or number, a name, a dash.
fn footer_word(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    core.is_empty()
        || core.bytes().any(|b| b.is_ascii_digit())
        || core.starts_with(char::is_uppercase)
        || ["og", "for", "i", "af", "den", "d", "kl", "udskrevet", "referat", "dagsorden"]
            .contains(&core.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_show_nothing_and_lines_that_do() {
        for t in [
            "&nbsp;",
            "&#160;",
            "&ensp;",
            "&#8203;",
            "&shy;",
            "&zwnj;",
            "<br>",
            "<BR/>",
            "<p></p>",
            "<span> </span>",
            "<!-- x -->",
            "<o:p>&nbsp;</o:p>",
            "<p class=MsoNormal><o:p>&nbsp;</o:p></p>",
            "<a name=\"x\"></a>",
            "- ",
            "**",
            "| |",
            "\\",
            "–",
            "…",
            ".",
            "<table>",
            "</tr>",
            "<td></td>",
            "&lt;",
            "<hr>",
            "\u{2800}",
        ] {
            assert!(shows_nothing(t), "{t:?}");
        }
        for t in ["- a", "1.", "<script>x</script>", "&#53;", "Lukket", "<b>L</b>"] {
            assert!(!shows_nothing(t), "{t:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(usize, Kind, String)> {
        document(&unify_newlines(text)).lines.iter().map(|l| (l.no, l.kind, l.text.to_string())).collect()
    }

    #[test]
    fn crlf_bom_and_form_feed() {
        let k = kinds("\u{feff}a\r\n\x0cb\rc");
        assert_eq!(
            k,
            vec![
                (1, Kind::Text, "a".into()),
                (2, Kind::Blank, "".into()),
                (2, Kind::Text, "b".into()),
                (3, Kind::Text, "c".into())
            ]
        );
    }

    #[test]
    fn invisible_characters_inside_words_are_removed() {
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{34f}',
            '\u{180e}',
            '\u{fe0f}',
            '\u{e0041}',
        ] {
            assert_eq!(unify_newlines(&format!("Luk{c}ket")), "Lukket", "{c:?}");
        }
        assert!(matches!(unify_newlines("Åben – “sag”\u{a0}1"), Cow::Borrowed(_)));
    }

    #[test]
    fn page_footers_become_blank() {
        assert!(is_page_footer("Direktionen 03-04-2017 - Side 2 af 9"));
        assert!(is_page_footer("Side 10 af 12"));
        assert!(!is_page_footer("Se side 2 af bilaget"));
        // Regression (clerk review): these stayed in the text, inside the item's decision.
        for f in [
            "Side 1/4",
            "Teknik- og Miljøudvalget 05-06-2023    Side 2 af 4    Referat",
            "Side 3 af 4 - Udskrevet 06-06-2023",
            "2 af 4",
            "Byrådet 12-04-2023 | Side 2 af 4",
        ] {
            assert!(is_page_footer(f), "{f}");
        }
        for t in [
            "jf. side 2 af 4 i bilaget",
            "16/26813",
            "Beslutning den 20/3 2017",
            "Der blev stemt 2 af 4",
            "3 af 5 stemte for",
            "Se side 2 af 4 i Bilag 3",
            "Jf. Side 12 af 40 i Kommuneplan 2013",
        ] {
            assert!(!is_page_footer(t), "{t}");
        }
        assert!(!is_page_footer("Side"));
        assert!(is_page_footer("- 12 -"));
        assert!(!is_page_footer("- a -"));
        assert!(!is_page_footer("-"));
        assert_eq!(kinds("x\nDirektionen 03-04-2017 - Side 2 af 9\ny")[1].1, Kind::Blank);
    }

    #[test]
    fn bare_page_numbers_next_to_a_page_break() {
        let k = kinds("tekst\n3\n\x0cmere\n\x0c4\nslut\n12\nslut");
        let texts: Vec<&str> = k.iter().filter(|l| l.1 == Kind::Text).map(|l| l.2.as_str()).collect();
        assert_eq!(texts, ["tekst", "mere", "slut", "12", "slut"]);
    }

    fn texts(text: &str) -> Vec<String> {
        kinds(text).into_iter().filter(|l| l.1 != Kind::Blank).map(|l| l.2).collect()
    }

    #[test]
    fn page_headers_repeated_after_form_feeds_are_dropped() {
        let page = |n: usize, body: &str| format!("\x0cHøje-Taastrup Kommune\nReferat\n\n{body}\n\nSide {n} af 3\n");
        let text = format!("{}{}{}", page(1, "REFERAT Direktionen"), page(2, "Baggrund\nTekst."), page(3, "Slut."));
        assert_eq!(texts(&text), ["REFERAT Direktionen", "Baggrund", "Tekst.", "Slut."]);
        // Without form feeds the page footer marks where the next page's header starts.
        let text = "Høje-Taastrup Kommune\nREFERAT Direktionen\na\nb\nc\nd\nSide 1 af 3\n\
                    Høje-Taastrup Kommune\ne\nf\ng\nh\ni\nSide 2 af 3\nHøje-Taastrup Kommune\nj";
        assert_eq!(texts(text).join(""), "REFERAT Direktionenabcdefghij");
    }

    #[test]
    fn page_tops_that_are_content_stay() {
        // Once only, or on too few pages.
        let text = "Direktionen 20-03-2017\nTekst.\n\x0cNoget andet\n\x0cTredje side\n\x0cFjerde side";
        assert_eq!(texts(text).len(), 5);
        let text = "Side et\n\x0cDirektionen\n\x0cDirektionen\n\x0cb\n\x0cc\n\x0cd";
        assert_eq!(texts(text).len(), 6);
        // Headings, case numbers and sentences that open most pages are content.
        for line in ["Bilag", "## Bilag", "Punkt 2: Lukket", "16/26813", "Godkendt."] {
            let text = format!("{line}\nTidsplan\n\x0c{line}\nBudget\n\x0c{line}\nKort");
            assert_eq!(texts(&text).len(), 6, "{line}");
        }
        // Further down a page the header's text is content too.
        let text = "Referat\nx\n\x0cReferat\ny\n\x0cReferat\na\nb\nc\nd\nReferat";
        assert_eq!(texts(text), ["x", "y", "a", "b", "c", "d", "Referat"]);
    }

    #[test]
    fn headings_atx_and_setext() {
        let k = kinds("## **Punkt 1: A** ##\n#hashtag\n\nTitle\n=====\n\n---\n");
        assert_eq!(k[0], (1, Kind::Heading(2), "**Punkt 1: A**".into()));
        assert_eq!(k[1].1, Kind::Text);
        assert_eq!(k[3], (4, Kind::Heading(1), "Title".into()));
        assert_eq!(k[4].1, Kind::Blank);
        assert_eq!(k[6], (7, Kind::Blank, "".into()));
    }

    #[test]
    fn leading_tab_of_a_table_row_is_kept() {
        let doc = document("\t\tBesparelse\n  x  ");
        assert_eq!(doc.lines[0].text, "\t\tBesparelse");
        assert_eq!(doc.lines[1].text, "x");
        assert_eq!(doc.lines[1].indent, 2);
    }

    #[test]
    fn hard_break_is_recorded() {
        let doc = document("Godkendt.  \nmere\\\nslut");
        assert!(doc.lines[0].hard_break);
        assert_eq!(doc.lines[1].text, "mere");
        assert!(doc.lines[1].hard_break);
        assert!(!doc.lines[2].hard_break);
    }
}
