//! Parsing minutes text (plain text from PDF or markdown-ish exports) into a `Meeting`.
//!
//! Steps: [`normalize`] the text into classified lines; the lines before the first
//! "Punkt N" (or "N. Title") heading are the [`header`] and the [`toc`]; the rest are [`items`], whose
//! [`sections`] hold [`blocks`] (paragraphs, lists, [`tables`], subheadings) of [`inline`] text.

pub mod blocks;
pub mod closed;
pub mod dates;
pub mod fields;
pub mod header;
pub mod inline;
pub mod items;
pub mod named;
pub mod normalize;
pub mod restricted;
pub mod sections;
pub mod tables;
pub mod toc;

use crate::diag::Diagnostic;
use crate::model::Meeting;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

pub use inline::to_plain;

/// Diagnostics collected while parsing one file.
#[derive(Debug)]
pub struct Ctx {
    file: PathBuf,
    pub diags: Vec<Diagnostic>,
}

impl Ctx {
    pub fn new(file: &Path) -> Self {
        Ctx { file: file.to_path_buf(), diags: Vec::new() }
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic::warning(&self.file, line, message));
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(&self.file, line, message));
    }

    fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// The lines of `text`, as `text.split('\n')` gives them, found with the `memchr` crate: the
/// standard library's `char` search costs several times more on the short lines of minutes.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Whether `text` contains the ASCII byte `b` (a tab, say), by the `memchr` crate's search.
pub fn has_byte(text: &str, b: u8) -> bool {
    memchr::memchr(b, text.as_bytes()).is_some()
}

/// Parses one minutes file. `file` is the path used in diagnostics.
/// On success returns the meeting and its warnings; on failure every error found, with the
/// warnings (never panics).
pub fn parse(file: &Path, text: &str) -> Result<(Meeting, Vec<Diagnostic>), Vec<Diagnostic>> {
    let first = parse_text(file, text);
    let no_items = |diags: &[Diagnostic]| diags.iter().any(|d| d.is_error() && d.message.starts_with(NO_ITEMS));
    match first {
        // A file that numbers its items "1 Title", without the dot (a number in a column of its
        // own, as pdftotext writes it), is read as one numbered "1. Title": by the same rules, so
        // a closed item is found as in any numbered file. Only a file with no items otherwise.
        Err(diags) if no_items(&diags) => match bare_numbers_dotted(text) {
            Some(dotted) => match parse_text(file, &dotted) {
                Err(again) if no_items(&again) => Err(diags),
                result => result,
            },
            None => Err(diags),
        },
        result => result,
    }
}

const NO_ITEMS: &str = "no agenda items found";

/// `text` with a dot after the number of each line that starts "N Title" (at most three digits,
/// then spaces, then a capital), if any does.
fn bare_numbers_dotted(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut changed = false;
    for (k, line) in lines(text).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let start = line.len() - line.trim_start_matches([' ', '#', '*']).len();
        let digits = line[start..].bytes().take_while(u8::is_ascii_digit).count();
        let after = &line[start + digits..];
        let title = after.trim_start_matches([' ', '\u{a0}']);
        if (1..=3).contains(&digits) && title.len() < after.len() && title.starts_with(char::is_uppercase) {
            out.push_str(&line[..start + digits]);
            out.push('.');
            out.push_str(after);
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    changed.then_some(out)
}

fn parse_text(file: &Path, text: &str) -> Result<(Meeting, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut cx = Ctx::new(file);
    let text = normalize::unify_newlines(text);
    if text.trim().is_empty() {
        cx.error(0, "the file is empty");
        return Err(cx.diags);
    }
    let mut doc = normalize::document(&text);
    let numbered = items::mark_numbered(&mut doc.lines, &mut cx);
    let lines = &doc.lines;
    let first_item = (0..lines.len()).find(|&i| items::heading_at(lines, i).is_some()).unwrap_or(lines.len());
    let first_item = skip_listed_agenda(lines, first_item);
    // The header keeps the lines above the first heading, so that a mark there still refuses the
    // file; the items start at a writing above it that says closed, if there is one.
    let pre = &lines[..first_item];
    let agenda = &lines[items::agenda_start(lines, first_item)..];
    let toc_start = pre
        .iter()
        .enumerate()
        .position(|(i, l)| {
            !l.is_empty_to_reader()
                && (toc::is_heading(&to_plain(l.text))
                    || toc::entry_title(l.text).is_some()
                    || items::heading_at(pre, i).is_some()
                    || (numbered && items::numbered_heading(&to_plain(l.text)).is_some()))
        })
        .unwrap_or(pre.len());
    // An agenda listed without "Indholdsfortegnelse" ("Dagsorden:" / "1. …" / "Lukkede punkter:" /
    // "3. …") is the table of contents, numbered "1. Title" whatever the items' headings are.
    // Whether a numbered list is the agenda may rest on its titles being the items'.
    let item_titles: Vec<(u32, String)> =
        (first_item..lines.len()).filter_map(|i| items::heading_at(lines, i)).map(|(n, t)| (n, to_plain(&t))).collect();
    let listed = toc::listed_agenda(pre, &item_titles).filter(|&(start, _)| start <= toc_start);
    let (toc_start, toc_end) = listed.unwrap_or((toc_start, pre.len()));
    // Header fields after a listed agenda ("Referent: …") are the header's.
    let header_lines: Vec<normalize::Line> = pre[..toc_start].iter().chain(&pre[toc_end..]).copied().collect();
    let head = header::parse(&header_lines, &mut cx);
    let mut toc_entries = toc::parse(&pre[toc_start..toc_end], numbered || listed.is_some(), &mut cx);

    if agenda.is_empty() && head.date.is_none() && head.title_date.is_none() {
        let mut cx = Ctx::new(file);
        cx.error(0, "does not look like minutes: no \"Mødedato\" header and no agenda item (\"Punkt 1: …\")");
        return Err(cx.diags);
    }
    let Some(date) = meeting_date(&head, file, &mut cx) else { return Err(cx.diags) };
    let Some(body) = meeting_body(&head, file, &mut cx) else { return Err(cx.diags) };

    let meta = items::Meta { markdown: doc.markdown, body: &body, date };
    let (agenda, ended) = split_closing(agenda);
    let mut agenda_items = items::parse(agenda, &meta, &mut cx);
    if agenda_items.is_empty() {
        // A meeting page without items would publish nothing but the header; the text the parser
        // could not place is in the warnings before this. A cancelled meeting has none.
        let message = format!(
            "{NO_ITEMS}: an item starts with a line \"Punkt 1: Title\" (or \"1. Title\" or \"1 Title\" with \
             its case number on the next line, in a file that numbers every item that way)"
        );
        if text.to_lowercase().contains("aflyst") {
            cx.warn(0, message);
        } else {
            cx.error(0, message);
        }
    }
    let named = head
        .closes
        .iter()
        .cloned()
        .chain(named::in_items(&agenda_items, lines))
        .chain(named::footnotes(&agenda_items, lines))
        .chain(named::in_agenda_tables(&agenda_items, lines));
    named::close_named(&named.collect::<Vec<_>>(), &mut agenda_items, lines, &mut cx);
    let toc_line = pre.get(toc_start).map_or(0, |l| l.no);
    toc::cross_check(&mut toc_entries, &mut agenda_items, toc_line, &mut cx);

    if cx.has_errors() {
        return Err(cx.diags);
    }
    let meeting = Meeting {
        source: file.to_path_buf(),
        body,
        date,
        start: head.start,
        end: head.end.or(ended),
        location: head.location,
        participants: head.participants,
        absent: head.absent,
        toc: toc_entries.into_iter().map(|e| e.title).collect(),
        items: agenda_items,
    };
    Ok((meeting, cx.diags))
}

/// Splits off what follows the last item when a line says the meeting ended ("Mødet sluttede kl.
/// 19.10", "Mødet hævet kl. 19.25."): that line, and a signature page after it, belong to no item
/// (they were published as the last item's decision or attachments). Returns the agenda before it
/// and the time the line gives.
fn split_closing<'l, 'a>(agenda: &'l [normalize::Line<'a>]) -> (&'l [normalize::Line<'a>], Option<chrono::NaiveTime>) {
    let ends = |l: &normalize::Line| {
        // Every line of the agenda is asked: most are decided on their bytes.
        let start = l.text.trim_start_matches(['*', '_', ' ', '#']);
        if l.text.len() >= 80 || !start.starts_with(['M', 'm']) || !(start.contains("ødet") || start.contains("ØDET"))
        {
            return false;
        }
        let t = to_plain(l.text).to_lowercase();
        let t = t.trim_start_matches(['*', '_', ' ']);
        // Said when it happened ("Mødet slutter senest kl. 18" is a plan in an item's text).
        [
            "mødet sluttede",
            "mødet slut kl",
            "mødet slut:",
            "mødet hævet",
            "mødet blev hævet",
            "mødet afsluttet",
            "mødet hævedes",
        ]
        .iter()
        .any(|p| t.starts_with(p))
            && dates::find_time(t).is_some()
    };
    let Some(at) = agenda.iter().rposition(ends) else { return (agenda, None) };
    // Only names and a signature page may follow: no item, no section heading.
    let item_text = |l: &normalize::Line| {
        items::heading_at(std::slice::from_ref(l), 0).is_some() || sections::kind_of(&to_plain(l.text)).is_some()
    };
    if agenda[at + 1..].iter().any(item_text) {
        return (agenda, None);
    }
    (&agenda[..at], dates::find_time(agenda[at].text).map(|(t, _)| t))
}

/// A dagsorden may list its items as bare "Punkt N: Title" lines before the items themselves.
/// Heading lines directly followed by another heading (or by a group heading, "Lukkede punkter:",
/// and then one), whose number comes again later, are that list (read as the table of contents),
/// not items.
fn skip_listed_agenda(lines: &[normalize::Line], first: usize) -> usize {
    let group = |j: usize| toc::group_heading(&to_plain(lines[j].text)).is_some();
    let next_non_blank = |i: usize| (i + 1..lines.len()).find(|&j| !lines[j].is_empty_to_reader() && !group(j));
    let mut at = first;
    let mut last_listed = None;
    while let Some((number, title)) = items::heading_at(lines, at) {
        let Some((next, (next_number, next_title))) =
            next_non_blank(at).and_then(|j| items::heading_at(lines, j).map(|h| (j, h)))
        else {
            break;
        };
        // The heading written again at a page's top ("Punkt 1: Køb" / "LUKKET" / "Punkt 1: Køb
        // forts."): the item itself, not a list of the agenda, which would hide its mark.
        if next_number == number && items::continues(&next_title, &title) {
            break;
        }
        let repeated = (next..lines.len()).any(|j| items::heading_at(lines, j).is_some_and(|(n, _)| n == number));
        if !repeated {
            break;
        }
        last_listed = Some(at);
        if next_number <= number {
            break; // the numbering starts again: the items themselves begin
        }
        at = next;
    }
    match last_listed {
        Some(last) => (last + 1..lines.len()).find(|&i| items::heading_at(lines, i).is_some()).unwrap_or(lines.len()),
        None => first,
    }
}

/// The "Mødedato" field, else the title's date, else an ISO date in the file name.
fn meeting_date(head: &header::Header, file: &Path, cx: &mut Ctx) -> Option<NaiveDate> {
    let date = dated(head, file, cx)?;
    // Minutes are written after the meeting: a date far ahead is a mistyped year ("05-02-2099"),
    // which would put the meeting first in every list and feed.
    let ahead = chrono::Local::now().date_naive() + chrono::Days::new(366);
    if date > ahead {
        let line = head.date.or(head.title_date).map_or(0, |(_, line)| line);
        cx.warn(line, format!("the meeting date {date} is more than a year ahead: is the year mistyped?"));
    }
    Some(date)
}

/// The meeting's date as the header and title give it, else from the file name.
fn dated(head: &header::Header, file: &Path, cx: &mut Ctx) -> Option<NaiveDate> {
    match (head.date, head.title_date) {
        (Some((d, _)), Some((t, line))) if d != t => {
            cx.warn(line, format!("the title says {t} but \"Mødedato\" says {d}; using {d}"));
            Some(d)
        }
        (Some((d, _)), _) | (None, Some((d, _))) => Some(d),
        (None, None) => {
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            match dates::find_date(stem, None) {
                Some(f) => {
                    cx.warn(0, format!("no meeting date in the text; using {} from the file name", f.date));
                    Some(f.date)
                }
                None => {
                    cx.error(
                        0,
                        "no meeting date: expected a line like \"Mødedato Mandag d. 20. marts 2017 kl. 10:00\"",
                    );
                    None
                }
            }
        }
    }
}

/// The body from the title line ("REFERAT Direktionen d. …"), else from the folder name.
fn meeting_body(head: &header::Header, file: &Path, cx: &mut Ctx) -> Option<String> {
    if let Some(b) = &head.title_body {
        return Some(b.clone());
    }
    let folder = file.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).filter(|n| !n.is_empty());
    match folder {
        Some(name) => {
            let mut chars = name.chars();
            let body: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            cx.warn(
                0,
                format!("no title line like \"REFERAT Direktionen d. 20-03-2017\"; body taken from the folder: {body}"),
            );
            Some(body)
        }
        None => {
            cx.error(0, "no meeting body: expected a title line like \"REFERAT Direktionen d. 20-03-2017\"");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_numbers_get_a_dot_and_other_lines_stay() {
        let text =
            "Referat 12-03-2024\n1    Budget\n  12 Eventuelt\n**3 Salg**\n2 medlemmer\n2024 Regnskab\n4\nTekst 5 Ja";
        let want =
            "Referat 12-03-2024\n1.    Budget\n  12. Eventuelt\n**3. Salg**\n2 medlemmer\n2024 Regnskab\n4\nTekst 5 Ja";
        assert_eq!(bare_numbers_dotted(text).as_deref(), Some(want));
        assert_eq!(bare_numbers_dotted("1. Budget\n2 medlemmer"), None);
    }

    #[test]
    fn lines_split_as_the_standard_library_does() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\nø\r\nå\n", "Punkt 1\n\n\tx  \n"] {
            assert_eq!(super::lines(text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    /// Regression: a mistyped year ("05-02-2099") passed `referat check` with no warning and put the
    /// meeting first in every feed.
    #[test]
    fn a_meeting_date_far_ahead_is_a_warning_on_its_line() {
        let text = |year: i32| {
            format!("REFERAT Byrådet d. 05-02-{year}\n\nMødedato Mandag d. 5. februar {year} kl. 10:00\n\nPunkt 1: Godkendelse\n\n24/1\n\nGodkendt.\n")
        };
        let (_, warnings) = super::parse(std::path::Path::new("b.txt"), &text(2099)).unwrap();
        let ahead: Vec<_> = warnings.iter().filter(|d| d.message.contains("more than a year ahead")).collect();
        assert_eq!(ahead.len(), 1, "{warnings:?}");
        assert_eq!(ahead[0].line, 3);
        let (_, warnings) = super::parse(std::path::Path::new("b.txt"), &text(2017)).unwrap();
        assert!(!warnings.iter().any(|d| d.message.contains("ahead")), "{warnings:?}");
    }
}
