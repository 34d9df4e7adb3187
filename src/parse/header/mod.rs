//! The meeting header before the agenda: title line ("REFERAT Direktionen d. 20-03-2017") with
//! body and date, and the fields Mødedato, Mødested, Mødedeltagere, Afbud, Stedfortræder. A
//! header that says the meeting is closed stops the file.
//!
//! This file reads the fields line by line; [`title`] reads the title line, [`participants`] the
//! lists of people, and [`closing`] refuses a header that says the meeting is closed.

mod closing;
mod participants;
mod title;

pub use participants::participants;

use crate::model::Participant;
use crate::parse::dates;
use crate::parse::inline::to_plain;
use crate::parse::named::{self, Named};
use crate::parse::normalize::Line;
use crate::parse::tables;
use crate::parse::toc::clip;
use crate::parse::Ctx;
use chrono::{NaiveDate, NaiveTime};
use closing::{closes_meeting, At};
use participants::{continues_list, list_open, push_list, split_party, table_people, Lists};
use title::{is_title, title};

/// What the header says; every field may be missing.
#[derive(Debug, Default)]
pub struct Header {
    pub title_body: Option<String>,
    /// The body of an "Udvalg:" field, with its line; `title_body` once read.
    labelled_body: Option<(String, usize)>,
    /// Date in the title line, with its line.
    pub title_date: Option<(NaiveDate, usize)>,
    /// Date of the "Mødedato" field, with its line.
    pub date: Option<(NaiveDate, usize)>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub location: Option<String>,
    pub participants: Vec<Participant>,
    pub absent: Vec<Participant>,
    /// Lines that name closed items ("Punkt 2 er lukket.", "(L) = Lukket punkt").
    pub closes: Vec<Named>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// "Udvalg: Økonomiudvalget": the body that met.
    Body,
    Date,
    Time,
    End,
    Location,
    Participants,
    Absent,
    /// "Stedfortræder: Lone Vind (C)": present, in another member's place.
    StandIn,
    /// A field the site does not show ("Referent", "Sted for næste møde"): it ends a list.
    Other,
}

const FIELDS: &[(&str, Field)] = &[
    ("mødedato", Field::Date),
    ("mødedag", Field::Date),
    ("afholdt", Field::Date),
    ("dato", Field::Date),
    ("mødetidspunkt", Field::Time),
    ("mødetid", Field::Time),
    ("tidspunkt", Field::Time),
    ("starttidspunkt", Field::Time),
    ("mødestart", Field::Time),
    ("tid", Field::Time),
    ("mødeslut", Field::End),
    ("sluttidspunkt", Field::End),
    ("mødested", Field::Location),
    ("mødelokale", Field::Location),
    ("sted", Field::Location),
    ("lokale", Field::Location),
    ("mødedeltagere", Field::Participants),
    ("deltagere", Field::Participants),
    ("til stede", Field::Participants),
    ("tilstede", Field::Participants),
    ("deltog", Field::Participants),
    ("medlemmer", Field::Participants),
    ("afbud", Field::Absent),
    ("fraværende", Field::Absent),
    ("fravær", Field::Absent),
];

/// Labels written before a colon, read whole: "Deltog ikke:" is not "Deltog:", and "Sted for næste
/// møde:" is not "Sted:". A label that starts with one of the `_ ` entries counts too.
const LABELS: &[(&str, Field)] = &[
    ("deltog ikke", Field::Absent),
    ("ikke til stede", Field::Absent),
    ("afbud fra", Field::Absent),
    ("fraværende under", Field::Absent),
    ("desuden deltog", Field::Participants),
    ("endvidere deltog", Field::Participants),
    ("øvrige deltagere", Field::Participants),
    ("start", Field::Time),
    ("slut", Field::End),
    ("udvalg", Field::Body),
    ("referent", Field::Other),
    ("stedfortræder", Field::StandIn),
    ("stedfortrædere", Field::StandIn),
    ("sekretær", Field::Other),
    ("protokolfører", Field::Other),
    ("mødeleder", Field::Other),
    ("sted for næste møde", Field::Other),
    ("dato for næste møde", Field::Other),
    ("næste møde", Field::Other),
];

/// Reads the header lines (everything before the table of contents and the first item).
pub fn parse(lines: &[Line], cx: &mut Ctx) -> Header {
    let mut r = Reader::default();
    let lines: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    let mut at = 0;
    while at < lines.len() {
        r.list_below = lines.get(at + 1).is_some_and(|l| numbered(l.text));
        r.at_end = at + 1 == lines.len();
        at += r.table(&lines[at..], cx).unwrap_or_else(|| {
            r.line(lines[at], cx);
            1
        });
    }
    r.finish(cx)
}

/// What has been read of the header so far.
#[derive(Default)]
struct Reader {
    h: Header,
    /// Participant lists as written, read once complete: the PDF may wrap them mid-name.
    lists: Lists,
    /// The last field, its line, and whether its list was left open ("…, Charlotte," / "Markussen").
    last: Option<(Field, usize, bool)>,
    /// A list field with nothing after its label lists one name per line below it.
    per_line: bool,
    /// A field whose label stood alone ("Dato:"), with its line: FirstAgenda writes the value on
    /// the next line.
    pending: Option<(Field, usize)>,
    seen_title: bool,
    /// A line before the title that may name the body ("Byrådet" / "Referat"), with its line.
    held: Option<(String, usize)>,
    /// The line above a bare title word ("Referat"): the body, unless the line below names it.
    above: Option<(String, usize)>,
    /// The title word stood alone and no line but a date has followed: the next may be the body.
    below: bool,
    /// The line after the one being read is a numbered line ("1. Godkendelse af dagsorden").
    list_below: bool,
    /// The line being read is the header's last.
    at_end: bool,
    /// The line of a list's bare label ("Deltagere"): a table of names starts right below it.
    label_no: Option<usize>,
}

impl Reader {
    fn line(&mut self, line: &Line, cx: &mut Ctx) {
        // A line held as the body's name is, unless the title word follows it at once.
        let mut above = self.held.take();
        let below = std::mem::take(&mut self.below);
        self.read_line(line, &mut above, below, cx);
        if let Some((text, no)) = above {
            not_understood(&text, no, cx);
        }
        if !self.below {
            self.take_above(cx);
        }
    }

    fn read_line(&mut self, line: &Line, above: &mut Option<(String, usize)>, below: bool, cx: &mut Ctx) {
        // "Mødedato: 12.03.2024          Mødested: Rådhuset" (pdftotext -layout): each field.
        let fields: Vec<String> = side_by_side(line.text).into_iter().map(to_plain).collect();
        let (plain, beside) = match fields.split_first() {
            Some((first, rest)) => (first.as_str(), rest),
            None => ("", &[][..]),
        };
        let own = field_of(plain);
        // The value of a label that stood alone on the line before.
        let value_of = self.pending.take().and_then(|(field, no)| match own {
            Some(_) => {
                self.read(field, "", no, cx); // no value after all: say so, as for "Dato:" itself
                None
            }
            None => Some(field),
        });
        let own = own.or(value_of.map(|f| (f, plain)));
        let more = own.is_none() && continues_list(self.last, line.no, plain, self.per_line).is_some();
        let at = At { title: !self.seen_title || below, list_below: self.list_below, last: self.at_end };
        // "Punkt 2 er lukket.", "(L) = Lukket punkt": read before a legend's mark alone refuses it.
        if let Some(says) =
            (own.is_none() && !more && !at.title).then(|| named::named_closed(plain, line.text)).flatten()
        {
            self.h.closes.push(Named { says, line: line.no, text: plain.to_string() });
            return;
        }
        if closes_meeting(plain, own, more, at)
            || beside.iter().any(|f| closes_meeting(f, field_of(f), false, At::default()))
        {
            closed_error(line, cx);
            return;
        }
        for (field, value) in beside.iter().filter_map(|f| field_of(f)) {
            self.read(field, value, line.no, cx);
        }
        if let Some((field, value)) = own {
            self.field(field, value, line.no, value_of.is_some(), cx);
        } else if let Some(field) = continues_list(self.last, line.no, plain, self.per_line) {
            let sep = if self.per_line { ", " } else { " " };
            self.lists.of(field).into_iter().for_each(|list| push_list(list, plain, sep));
            self.last = Some((field, line.no, list_open(plain)));
        } else {
            self.last = None;
            self.text(line, plain, above, below, cx);
        }
    }

    /// A table of names laid out with spaces under a list's bare label ("Deltagere" / "Navn
    /// Parti Bemærkning" / "Bo Jensen   V   Afbud"): how many lines it takes, if it is one.
    fn table(&mut self, lines: &[&Line], cx: &mut Ctx) -> Option<usize> {
        let (field, _, _) = self.last.filter(|&(f, _, _)| self.per_line && f.is_list())?;
        // Cheap tests first: the line right below the label itself (not below a name of the list
        // under it, which would read the rest of the list again at every line), with a run of
        // spaces. Tried once: `label_no` is taken.
        let no = self.label_no.take()?;
        let first = lines.first().filter(|l| l.no == no + 1 && tables::may_be_layout_row(l.text, l.indent))?;
        // The rows below it, also a name alone ("Bo Jensen (V)" without a remark), up to a gap or
        // the next label.
        let row = |l: &Line| tables::may_be_layout_row(l.text, l.indent) || l.text.chars().count() <= 60;
        let rows: Vec<&Line> = lines
            .iter()
            .enumerate()
            .take_while(|&(i, l)| l.no == first.no + i && row(l) && field_of(&to_plain(l.text)).is_none())
            .map(|(_, l)| *l)
            .collect();
        let cells = tables::layout_table(&rows.iter().map(|l| (l.indent, l.text)).collect::<Vec<_>>())?;
        if let Some(row) = rows.iter().find(|l| closes_meeting(&to_plain(l.text), None, true, At::default())) {
            closed_error(row, cx);
        }
        let (present, absent) = table_people(&cells);
        match field {
            Field::Absent => self.lists.absent_rows.extend(present.into_iter().chain(absent)),
            _ => {
                self.lists.present_rows.extend(present);
                self.lists.absent_rows.extend(absent);
            }
        }
        self.last = None;
        Some(rows.len())
    }

    /// A labelled field, or the value of one whose label stood alone (`after_label`).
    fn field(&mut self, field: Field, value: &str, no: usize, after_label: bool, cx: &mut Ctx) {
        if value.is_empty() && !field.is_list() && !after_label {
            self.pending = Some((field, no));
            return;
        }
        self.read(field, value, no, cx);
        self.per_line = value.trim().is_empty();
        self.label_no = (self.per_line && field.is_list()).then_some(no);
        self.last = Some((field, no, list_open(value)));
    }

    /// A line without a label: the title, the body above or under a bare title word, or a date.
    /// `above` is the line held above this one, `below` whether a bare title word came before it.
    fn text(&mut self, line: &Line, plain: &str, above: &mut Option<(String, usize)>, below: bool, cx: &mut Ctx) {
        if !self.seen_title && is_title(line, plain) {
            self.seen_title = true;
            title(&mut self.h, plain, line.no, cx);
            if self.h.title_body.is_none() {
                (self.above, self.below) = (above.take(), true);
            }
            return;
        }
        if let Some((start, end)) = meeting_times(plain) {
            self.h.start = start.or(self.h.start);
            self.h.end = end.or(self.h.end);
            return;
        }
        // "tirsdag den 12. marts 2024 kl. 15.00" under a title without a date, without a label;
        // never the body's name, not even under a bare "Referat".
        let dated = date_line(plain);
        if dated {
            self.below = below;
            if self.h.date.is_none() && self.h.title_date.is_none() {
                set_field(&mut self.h, Field::Date, plain, line.no, cx);
                return;
            }
        }
        // "REFERAT" alone, the body on the next line; that line wins over the line above it
        // ("Høje-Taastrup Kommune" / "Referat" / "Økonomiudvalget").
        let may_be_body = self.above.is_none() || below;
        if !dated
            && may_be_body
            && self.seen_title
            && self.h.title_body.is_none()
            && plain.len() <= 80
            && !plain.ends_with('.')
        {
            title(&mut self.h, plain, line.no, cx);
            if self.h.title_body.is_some() {
                if let Some((text, no)) = self.above.take() {
                    not_understood(&text, no, cx);
                }
                return;
            }
        }
        if !self.seen_title && body_like(plain) {
            self.held = Some((plain.to_string(), line.no));
            return;
        }
        not_understood(plain, line.no, cx);
    }

    /// "Udvalg: Økonomiudvalget" names the body when the title did not; the title wins, as it did
    /// before the label was read, so that no meeting moves to another body's pages.
    fn labelled_body(&mut self, cx: &mut Ctx) {
        let Some((body, no)) = self.h.labelled_body.take() else { return };
        match &self.h.title_body {
            Some(t) if *t != body => {
                cx.warn(no, format!("the title names the body \"{t}\", this line \"{body}\"; using \"{t}\""));
            }
            Some(_) => {}
            None => self.h.title_body = Some(body),
        }
    }

    /// The line above a bare title word names the body when no line below it did.
    fn take_above(&mut self, cx: &mut Ctx) {
        let Some((text, no)) = self.above.take() else { return };
        if self.h.title_body.is_some() {
            not_understood(&text, no, cx);
        } else {
            title(&mut self.h, &text, no, cx);
        }
    }

    fn read(&mut self, field: Field, value: &str, no: usize, cx: &mut Ctx) {
        read_field(&mut self.h, &mut self.lists, field, value, no, cx);
    }

    fn finish(mut self, cx: &mut Ctx) -> Header {
        if let Some((field, no)) = self.pending.take() {
            self.read(field, "", no, cx);
        }
        if let Some((text, no)) = self.held.take() {
            not_understood(&text, no, cx);
        }
        self.take_above(cx);
        self.labelled_body(cx);
        (self.h.participants, self.h.absent) = self.lists.people();
        self.h.participants.iter_mut().chain(&mut self.h.absent).for_each(split_party);
        self.h
    }
}

/// Text of the header that is none of its fields. Where it names items and says they are closed
/// (a row of an agenda with a status column, "Punkt 3 behandles som lukket punkt", "Lukket
/// dagsorden:" over a list of items), the file is refused: which items it closes is not known,
/// and the items themselves may not say so. A remark about the closed part ("lukkede punkter
/// behandles til sidst") or a closing word in passing ("da rådhuset var lukket") is no such line.
fn not_understood(text: &str, no: usize, cx: &mut Ctx) {
    use crate::parse::closed::{closed_in_passing, is_closed};
    use crate::parse::inline::strip_prefix_ci;
    let plain = to_plain(text);
    let names_items = || {
        // A list's entry names an item by its title ("• Salg af grund (lukket)" under "Dagsorden:";
        // review 15: the item was published).
        let bullet = plain.trim_start().starts_with(['•', '·', '▪', '–', '-', '*']);
        let t = plain.trim_start_matches(['|', '-', '*', ' ', '\t']);
        let t = ["punkt", "pkt."].iter().find_map(|p| strip_prefix_ci(t, p)).unwrap_or(t).trim_start();
        bullet || t.starts_with(|c: char| c.is_ascii_digit()) || plain.trim_end().ends_with(':')
    };
    // "Punkt 2 er ikke lukket" denies it (review 16: the file was refused).
    let denied = || crate::parse::closed::denied(&crate::parse::closed::words_of(&plain).collect::<Vec<_>>());
    match is_closed(&plain) && !closed_in_passing(&plain) && names_items() && !denied() {
        true => cx.error(no, format!("\"{}\" before the first agenda item says something is closed, but it is not understood which items, so the file is refused rather than an item published; mark each closed item itself (\"Punkt 2: Køb af ejendom - Lukket\") or use a listed agenda (see the README)", clip(text))),
        false => cx.warn(no, format!("text before the first agenda item not understood, ignored: \"{}\"", clip(text))),
    }
}

/// A short line that may be a body's name ("Byrådet", "Teknik- og Miljøudvalget"): a capital, no
/// digits, no label and no sentence; not the municipality ("Høje-Taastrup Kommune").
fn body_like(plain: &str) -> bool {
    let t = plain.trim();
    let lower = t.to_lowercase();
    t.chars().count() <= 60
        && t.starts_with(char::is_uppercase)
        && !t.bytes().any(|b| b.is_ascii_digit() || matches!(b, b':' | b'.'))
        && !lower.split(' ').any(|w| matches!(w, "kommune" | "region"))
}

/// The error that stops a closed meeting, naming the line that says so.
fn closed_error(line: &Line, cx: &mut Ctx) {
    cx.error(
        line.no,
        format!(
            "the minutes are marked closed (\"{}\"): a closed meeting is never published; keep the file out \
             of the content folder",
            clip(&to_plain(line.text))
        ),
    );
}

impl Field {
    fn is_list(self) -> bool {
        matches!(self, Field::Participants | Field::Absent | Field::StandIn)
    }
}

/// Reads one field: a list of names into its list as written (read once complete, since the PDF
/// may wrap them mid-name), anything else into the header.
fn read_field(h: &mut Header, lists: &mut Lists, field: Field, value: &str, no: usize, cx: &mut Ctx) {
    match lists.of(field) {
        // "Afbud: -", "Stedfortræder: Ingen".
        Some(_) if field != Field::Participants && nobody(value) => {}
        Some(list) => push_list(list, value, ", "),
        None => set_field(h, field, value, no, cx),
    }
}

/// A line of fields laid out side by side, cut where three spaces or a tab come before the next
/// field's label; a line whose later parts are no labelled fields stays whole.
fn side_by_side(line: &str) -> Vec<&str> {
    let labelled = |at: &str| {
        let next = at.trim_start();
        next.split_once(':').filter(|(l, _)| l.len() <= 40).is_some_and(|(l, _)| field_of(&to_plain(l)).is_some())
    };
    let gaps = line.match_indices("   ").map(|(i, _)| i).chain(line.match_indices('\t').map(|(i, _)| i));
    let mut cuts: Vec<usize> = gaps.filter(|&i| i > 0 && labelled(&line[i..])).collect();
    cuts.sort_unstable();
    let mut parts = Vec::new();
    let mut from = 0;
    for cut in cuts {
        if cut > from && !line[from..cut].trim().is_empty() {
            parts.push(line[from..cut].trim());
            from = cut;
        }
    }
    parts.push(line[from..].trim());
    parts
}

const WEEKDAYS: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];

/// "Mødet startede kl. 17.00 og sluttede kl. 19.10", "Mødet blev hævet kl. 19.25": the start and
/// end that a sentence of the header gives, if it gives either.
fn meeting_times(plain: &str) -> Option<(Option<NaiveTime>, Option<NaiveTime>)> {
    // Decided on bytes for most lines: the sentence starts with "Mødet".
    if plain.len() > 120 || !["Mødet ", "mødet ", "MØDET "].iter().any(|m| plain.starts_with(m)) {
        return None;
    }
    let t = plain.to_lowercase();
    // The time after the first of `words` that has one (a match ends on a char boundary).
    let after =
        |words: &[&str]| words.iter().filter_map(|w| t.find(w).map(|at| &t[at + w.len()..])).find_map(dates::find_time);
    let start = after(&["startede", "begyndte", "start"]);
    let end = after(&["sluttede", "hævet", "hævedes", "afsluttet", "slut"]).map(|(t, _)| t);
    // "Mødet startede kl. 17.00 og sluttede kl. 19.10", or "Mødet startede kl. 17 - 19".
    let end = end.or(start.and_then(|(_, e)| e));
    (start.is_some() || end.is_some()).then_some((start.map(|(t, _)| t), end))
}

/// A line that is only a date, perhaps with its weekday and time: "tirsdag den 12. marts 2024 kl.
/// 15.00", "12.03.2024" (not "2. udgave, rettet 14. marts 2024").
fn date_line(plain: &str) -> bool {
    let t = plain.trim().to_lowercase();
    let mut rest = t.as_str();
    if let Some(r) = WEEKDAYS.iter().find_map(|d| rest.strip_prefix(d)) {
        rest = r.trim_start_matches([',', ' ']);
        rest = ["den ", "d. "].iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest);
    }
    t.len() < 80 && dates::find_date(rest, None).is_some_and(|f| f.span.start == 0)
}

/// True if `value` holds a date with its month's name or a four-digit year ("Tirsdag den 12. marts
/// 2024", "12-03-2024"), not a time range that reads as one ("14.05-16.00").
fn written_date(value: &str) -> bool {
    dates::find_date(value, None).is_some_and(|f| {
        let d = &value[f.span.clone()];
        d.chars().any(char::is_alphabetic) || d.bytes().filter(u8::is_ascii_digit).count() >= 6
    })
}

/// "Afbud: -", "Fraværende: Ingen".
fn nobody(value: &str) -> bool {
    let v = value.trim().trim_end_matches('.');
    v.is_empty() || v.chars().all(|c| matches!(c, '-' | '–' | '—')) || v.eq_ignore_ascii_case("ingen")
}

/// "Mødedato: Mandag …" → (Date, "Mandag …"). A label before a colon is read whole (see
/// [`LABELS`]); without a colon ("Mødedato Mandag …") the line starts with a known field's name.
/// A header field with its value on the line ("Referent: Karen Holm").
pub fn is_field(plain: &str) -> bool {
    field_of(plain).is_some_and(|(_, value)| !value.is_empty())
}

fn field_of(plain: &str) -> Option<(Field, &str)> {
    if let Some((label, value)) = plain.split_once(':').filter(|(l, _)| l.len() <= 40) {
        let label = label.trim().to_lowercase();
        if let Some((_, field)) = LABELS.iter().find(|(l, _)| label == *l || label.starts_with(&format!("{l} "))) {
            return Some((*field, value.trim()));
        }
    }
    let lower_head: String = plain.chars().take(16).flat_map(char::to_lowercase).collect();
    FIELDS.iter().find_map(|(kw, field)| {
        let rest = lower_head.strip_prefix(kw)?;
        if rest.starts_with(char::is_alphanumeric) {
            return None;
        }
        // Same number of chars in the original (the keywords lower-case to equal length).
        let cut = plain.char_indices().nth(kw.chars().count()).map_or(plain.len(), |(i, _)| i);
        let value = plain[cut..].trim_start_matches([':', ' ', '\t', '.']).trim();
        Some((*field, value))
    })
}

fn set_field(h: &mut Header, field: Field, value: &str, no: usize, cx: &mut Ctx) {
    match field {
        // The first date field wins: a later "Dato for næste møde" is not the meeting date.
        Field::Date if h.date.is_some() => {}
        Field::Date => match dates::find_date(value, None) {
            Some(f) => {
                if let Some(wd) = dates::weekday_mismatch(value, f.date) {
                    cx.warn(no, format!("\"{wd}\" does not match the date {} (a {})", f.date, f.date.format("%A")));
                }
                h.date = Some((f.date, no));
                if let Some((start, end)) = dates::find_field_time(&value[f.span.end..]) {
                    h.start = Some(start);
                    h.end = end;
                }
            }
            None => cx.warn(no, format!("cannot read the meeting date \"{}\"", clip(value))),
        },
        // "Tidspunkt: Tirsdag den 12. marts 2024, kl. 15.00 – 17.30": a date in the time field.
        Field::Time if h.date.is_none() && written_date(value) => {
            set_field(h, Field::Date, value, no, cx);
        }
        // "Mødetid: 1700", or after the date a time field repeats: "Tidspunkt: 12.03.2024 1700".
        Field::Time => match dates::find_field_time(value)
            .or_else(|| dates::find_date(value, None).and_then(|f| dates::find_field_time(&value[f.span.end..])))
        {
            Some((start, end)) => {
                h.start = Some(start);
                h.end = end.or(h.end);
            }
            None => cx.warn(no, format!("cannot read the meeting time \"{}\"", clip(value))),
        },
        Field::End => h.end = dates::find_time(value).map(|(t, _)| t).or(h.end),
        Field::Body if value.is_empty() || h.labelled_body.is_some() => {}
        Field::Body => h.labelled_body = Some((value.to_string(), no)),
        Field::Location => {
            if !value.is_empty() {
                h.location = Some(value.to_string());
            }
        }
        Field::Participants | Field::Absent | Field::StandIn | Field::Other => {} // lists: see `Lists`
    }
}

/// "1. Godkendelse af dagsorden", "2) Budget": a line of a numbered list.
fn numbered(text: &str) -> bool {
    let t = text.trim_start_matches([' ', '*', '_']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::normalize::document;
    use std::path::Path;

    fn header(text: &str) -> (Header, Vec<crate::diag::Diagnostic>) {
        let doc = document(text);
        let mut cx = Ctx::new(Path::new("x.txt"));
        let h = parse(&doc.lines, &mut cx);
        (h, cx.diags)
    }

    #[test]
    fn plain_header() {
        let (h, d) = header(
            "REFERAT Direktionen d. 20-03-2017\n\nMødedato Mandag d. 20. marts 2017 kl. 10:00\n\nMødested B204\n\nMødedeltagere Lars Holte, Jørgen Lerhard, Kathrine Seier Skastrup (sekretær)",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(h.title_body.as_deref(), Some("Direktionen"));
        assert_eq!(h.date.unwrap().0, NaiveDate::from_ymd_opt(2017, 3, 20).unwrap());
        assert_eq!(h.start, NaiveTime::from_hms_opt(10, 0, 0));
        assert_eq!(h.location.as_deref(), Some("B204"));
        assert_eq!(h.participants.len(), 3);
        assert_eq!(h.participants[2].role.as_deref(), Some("sekretær"));
    }

    #[test]
    fn markdown_header_wrapped_participants_and_absent() {
        let (h, d) = header(
            "# **REFERAT Direktionen d. 20-11-2012**\n\n**Mødedato:** Tirsdag d. 20. november 2012 kl. 10.00-12.00\n\n**Mødested** Mødelokale B105\n\nDeltagere: A, B,\nC og D\n\nAfbud: E (formand)\n\nnoget helt andet",
        );
        assert_eq!(h.title_body.as_deref(), Some("Direktionen"));
        assert_eq!(h.end, NaiveTime::from_hms_opt(12, 0, 0));
        assert_eq!(h.location.as_deref(), Some("Mødelokale B105"));
        let names: Vec<_> = h.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D"]);
        assert_eq!(h.absent[0].role.as_deref(), Some("formand"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 12);
    }

    #[test]
    fn participant_list_wrapped_mid_name() {
        let (h, d) = header("Mødedeltagere Lars Holte, Kathrine Seier\nSkastrup (sekretær)\n\nAfbud: Per\n\nog Ole");
        assert!(d.is_empty(), "{d:?}");
        let names: Vec<_> = h.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Lars Holte", "Kathrine Seier Skastrup"]);
        assert_eq!(h.participants[1].role.as_deref(), Some("sekretær"));
        assert_eq!(h.absent.len(), 2);
    }

    #[test]
    fn weekday_mismatch_warns() {
        let (_, d) = header("Mødedato Tirsdag d. 20. marts 2017");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("tirsdag"));
    }

    #[test]
    fn body_on_the_line_after_the_title_word() {
        let (h, d) = header("REFERAT\n\nØkonomiudvalget\n\nMødedato 3. april 2017");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(h.title_body.as_deref(), Some("Økonomiudvalget"));
    }

    #[test]
    fn title_variants() {
        let mut cx = Ctx::new(Path::new("t.txt"));
        let mut body = |t: &str| {
            let mut h = Header::default();
            title(&mut h, t, 1, &mut cx);
            (h.title_body.unwrap_or_default(), h.title_date.map(|d| d.0.to_string()))
        };
        let b = body("Dagsorden for mødet i Økonomiudvalget, mandag den 3. april 2017");
        assert_eq!(b, ("Økonomiudvalget".to_string(), Some("2017-04-03".to_string())));
        // Regression: each of these made a body page of its own.
        for t in [
            "Referat fra Byrådets møde den 20. marts 2017",
            "Referat af ordinært møde i Byrådet den 20. marts 2017",
            "REFERAT Ekstraordinært møde i Byrådet 20-03-2017",
        ] {
            assert_eq!(body(t).0, "Byrådet", "{t}");
        }
        assert_eq!(body("Referat fra Direktionens møde 20-03-2017").0, "Direktionen");
        // Regression: a typo in the date made "Direktionen d. 32-13-2017" a new body.
        assert_eq!(body("REFERAT Direktionen d. 32-13-2017"), ("Direktionen".to_string(), None));
        assert!(cx.diags.iter().any(|d| d.message.contains("\"32-13-2017\" is not a valid date")), "{:?}", cx.diags);
    }

    #[test]
    fn participants_with_commas_in_roles_and_one_per_line() {
        let names = |s: &str| -> Vec<(String, Option<String>)> {
            participants(s).into_iter().map(|p| (p.name, p.role)).collect()
        };
        assert_eq!(
            names("Michael Ziegler (C, formand), Anne Hansen og Lise Nielsen (sekretær; referent)"),
            [
                ("Michael Ziegler".into(), Some("C, formand".into())),
                ("Anne Hansen".into(), None),
                ("Lise Nielsen".into(), Some("sekretær; referent".into()))
            ]
        );
        assert_eq!(names("Michael Ziegler (C) (formand)")[0], ("Michael Ziegler".into(), Some("C, formand".into())));
        let (h, d) =
            header("Mødedeltagere: Anne Hansen (næst-\nformand), Per Jensen (formand for Børne-\nog Ungeudvalget)");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(h.participants[0].role.as_deref(), Some("næstformand"));
        assert_eq!(h.participants[1].role.as_deref(), Some("formand for Børne- og Ungeudvalget"));
        let (h, d) = header("Mødedeltagere:\nMichael Ziegler (formand)\nAnne Hansen\nPer Jensen");
        assert!(d.is_empty(), "{d:?}");
        let names: Vec<_> = h.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Michael Ziegler", "Anne Hansen", "Per Jensen"]);
    }

    /// Each name with what the page shows in brackets after it: party and role.
    fn people(p: &[Participant]) -> Vec<(&str, Option<&str>)> {
        p.iter().map(|p| (p.name.as_str(), p.bracket().map(|b| &*Box::leak(b.into_boxed_str())))).collect()
    }

    #[test]
    fn regression_a_label_or_numbered_lines_under_a_list_are_no_names() {
        // Review 7: "Bemærkninger:" and its numbered lines under "Afbud: …" were one absent person,
        // "Mia Holm (Ø) Bemærkninger: 1. Mødet blev holdt på Teams".
        let text = "REFERAT Økonomiudvalget d. 12-03-2024\n\nAfbud: Mia Holm (Ø)\nBemærkninger:\n\
                    1. Mødet blev holdt på Teams\n2. Punkt 3 blev behandlet før punkt 2\n";
        let (h, _) = header(text);
        assert_eq!(people(&h.absent), [("Mia Holm", Some("Ø"))]);
    }

    /// Regression (safety review): participants listed "1. Anne Holm (A), formand" one per line kept
    /// the list's number in their name.
    #[test]
    fn a_numbered_participants_list_gives_names_without_numbers() {
        let (h, _) =
            header("REFERAT Økonomiudvalget d. 12-03-2024\n\nDeltagere:\n1. Anne Holm (A), formand\n2) Bo Ek (V)\n");
        assert_eq!(people(&h.participants), [("Anne Holm", Some("A, formand")), ("Bo Ek", Some("V"))]);
    }

    /// Regression (hosting review): the open data's `role` mixed the party with the role ("C,
    /// stedfortræder for Jens Bak"); the party's letters are a field of their own. Regression too:
    /// "Eva Dahl (Ø, stedfortræder for Mia Holm)" was a person named "Eva Dahl (Ø".
    #[test]
    fn a_party_is_its_own_field() {
        let (h, _) = header(
            "REFERAT Økonomiudvalget d. 12-03-2024\n\nDeltagere: Peter Hansen (A), formand, Lise Berg (SF), \
             Ole Nielsen (sekretær), Eva Dahl (Ø, stedfortræder for Mia Holm)\nAfbud: Mia Holm (Ø)",
        );
        let fields = |p: &[Participant]| -> Vec<(String, Option<String>, Option<String>)> {
            p.iter().map(|p| (p.name.clone(), p.party.clone(), p.role.clone())).collect()
        };
        let s = |t: &str| Some(t.to_string());
        assert_eq!(
            fields(&h.participants),
            [
                ("Peter Hansen".into(), s("A"), s("formand")),
                ("Lise Berg".into(), s("SF"), None),
                ("Ole Nielsen".into(), None, s("sekretær")),
                ("Eva Dahl".into(), s("Ø"), s("stedfortræder for Mia Holm")),
            ]
        );
        assert_eq!(fields(&h.absent), [("Mia Holm".into(), s("Ø"), None)]);
    }

    /// Regression (safety review): "Bo Ek (TR)", a union representative (tillidsrepræsentant) in a
    /// MED committee, was published as a member of party "TR"; so was every other title or
    /// organisation written in one to three capitals. The parties' letters stay parties.
    #[test]
    fn a_union_representative_is_a_role_not_a_party() {
        let (h, _) = header(
            "REFERAT Hoved-MED d. 12-03-2024\n\nDeltagere: Bo Ek (TR), Eva Dahl (AMR, næstformand), Ib Lund (MED), \
             Lis Holm (FOA), Ole Berg (A) (TR), Per Bak (HR)\nAfbud: Mia Hald (FTR)",
        );
        let fields = |p: &[Participant]| -> Vec<(String, Option<String>, Option<String>)> {
            p.iter().map(|p| (p.name.clone(), p.party.clone(), p.role.clone())).collect()
        };
        let s = |t: &str| Some(t.to_string());
        assert_eq!(
            fields(&h.participants),
            [
                ("Bo Ek".into(), None, s("TR")),
                ("Eva Dahl".into(), None, s("AMR, næstformand")),
                ("Ib Lund".into(), None, s("MED")),
                ("Lis Holm".into(), None, s("FOA")),
                ("Ole Berg".into(), s("A"), s("TR")),
                ("Per Bak".into(), None, s("HR")),
            ]
        );
        assert_eq!(fields(&h.absent), [("Mia Hald".into(), None, s("FTR"))]);
        assert_eq!(people(&h.participants)[0], ("Bo Ek", Some("TR")));
        for party in ["A", "B", "C", "D", "F", "I", "K", "M", "O", "V", "Ø", "Å", "Æ", "SF", "DF", "EL", "UFG"] {
            let (h, _) = header(&format!("REFERAT Byrådet d. 12-03-2024\n\nDeltagere: Bo Ek ({party}), formand"));
            assert_eq!(fields(&h.participants), [("Bo Ek".into(), s(party), s("formand"))], "{party}");
        }
    }

    /// Regression (clerk review): labels after a list were glued to its last name, "Deltog ikke"
    /// listed the absent as present, "Afbud: -" listed a person "-", and "Peter Hansen (A),
    /// formand" one per line made "formand" a person.
    #[test]
    fn labels_that_are_not_names() {
        let (h, d) = header(
            "REFERAT Økonomiudvalget d. 12-03-2024\n\nDeltagere: Peter Hansen (A), Lise Berg (V),\nOle Nielsen (F)\n\
             Referent: Bo Ris\nDeltog ikke: Mia Holm (F)\nAfbud fra: Jens Bak (C)\nFraværende under punkt 3: Ib Lund\n\
             Stedfortræder: Eva Dahl (F) for Mia Holm\nSted for næste møde: Brandstationen\nMødested: Rådhuset",
        );
        assert!(d.is_empty(), "{d:?}");
        // The stand-in is present (third clerk review: the "Stedfortræder" line was dropped).
        assert_eq!(
            people(&h.participants),
            [
                ("Peter Hansen", Some("A")),
                ("Lise Berg", Some("V")),
                ("Ole Nielsen", Some("F")),
                ("Eva Dahl", Some("F, stedfortræder for Mia Holm"))
            ]
        );
        assert_eq!(people(&h.absent), [("Mia Holm", Some("F")), ("Jens Bak", Some("C")), ("Ib Lund", None)]);
        assert_eq!(h.location.as_deref(), Some("Rådhuset"));
        let (h, _) = header("REFERAT Økonomiudvalget d. 12-03-2024\n\nAfbud: -\nFraværende: Ingen\n");
        assert!(h.absent.is_empty());
        let (h, _) = header("REFERAT Økonomiudvalget d. 12-03-2024\n\nMedlemmer:\nPeter Hansen (A), formand\nLise Berg (V), næstformand\nOle Nielsen (F)\n");
        assert_eq!(
            people(&h.participants),
            [("Peter Hansen", Some("A, formand")), ("Lise Berg", Some("V, næstformand")), ("Ole Nielsen", Some("F"))]
        );
    }

    /// Regression (clerk review): fields side by side (pdftotext -layout) lost all but the first,
    /// "15:00 til 17:30" lost its end, and a date under the title without a label was an error.
    #[test]
    fn fields_side_by_side_and_unlabelled_dates() {
        let (h, d) = header(
            "REFERAT Økonomiudvalget d. 12-03-2024\n\nMødedato: 12.03.2024          Mødested: Rådhuset, lokale 2\n\
             Starttidspunkt: 15:00\tSluttidspunkt: 17:30\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(h.location.as_deref(), Some("Rådhuset, lokale 2"));
        assert_eq!((h.start, h.end), (NaiveTime::from_hms_opt(15, 0, 0), NaiveTime::from_hms_opt(17, 30, 0)));
        let (h, _) = header("REFERAT Økonomiudvalget\n\nMødetid: 15:00 til 17:30\n");
        assert_eq!(h.end, NaiveTime::from_hms_opt(17, 30, 0));
        let (h, d) = header("REFERAT\nØkonomiudvalgets møde\ntirsdag den 12. marts 2024 kl. 15.00\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(h.title_body.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(h.date.unwrap().0, NaiveDate::from_ymd_opt(2024, 3, 12).unwrap());
    }

    /// Regression (clerk review): each of these made a body page of its own.
    #[test]
    fn title_variants_name_the_body() {
        for title in [
            "Dagsorden og referat - Økonomiudvalget",
            "Dagsorden og beslutninger\nØkonomiudvalget",
            "REFERAT Økonomiudvalget - Ekstraordinært møde d. 12-03-2024",
            "Referat\nØkonomiudvalget 2022-2025",
        ] {
            let (h, _) = header(&format!("{title}\n\nMødedato: 12.03.2024\n"));
            assert_eq!(h.title_body.as_deref(), Some("Økonomiudvalget"), "{title}");
        }
    }

    /// Regression (review): a start time written without its stop after the date, or in the time
    /// field, was not read ("Mødedato: 12.03.2024 1700").
    #[test]
    fn regression_a_start_time_without_its_stop() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (fields, start, end) in [
            ("Mødedato: 12.03.2024 1700", t(17, 0), None),
            ("Mødedato: Tirsdag 12/03 2024 1730", t(17, 30), None),
            ("Mødedato: 12.03.2024\nMødetid: 1700-1900", t(17, 0), t(19, 0)),
            ("Mødedato: 12.03.2024\nTidspunkt: 12.03.2024 1600", t(16, 0), None),
        ] {
            let (h, _) = header(&format!("Referat Økonomiudvalget\n\n{fields}\n"));
            assert_eq!(h.date.map(|(d, _)| d.to_string()).as_deref(), Some("2024-03-12"), "{fields}");
            assert_eq!((h.start, h.end), (start, end), "{fields}");
        }
    }
}
