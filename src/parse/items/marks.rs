//! Closing marks outside an item's heading: a mark on the line above it (also past a page break),
//! a closed sub-item, and a divider after which every item is closed.

use super::case::{case_of, own_case};
use super::head::{full_title, head_of};
use super::heading::{bare_sub_item, heading_at, sub_item};
use crate::case::CaseNumber;
use crate::parse::closed::{
    closed_in_passing, closed_section_heading, closing_line, closing_word, english_divider, field_says_closed,
    is_closed, is_mark, is_verb, letter_spaced, mark_with_reason, phrase_mark, public_left, said_of_item, words_of,
};
use crate::parse::fields::{
    closing_field, fields, open_status, public_no_line, table_cases, table_ending_at, OtherCases, Own,
};
use crate::parse::inline::to_plain;
use crate::parse::normalize::{self, Kind, Line};
use crate::parse::toc::clip;
use crate::parse::Ctx;

/// True if a field among the first lines of an item's text calls it open ("Offentlig: Ja", "Åben sag").
pub(super) fn says_open(body: &[Line]) -> bool {
    head_of(body).fields.iter().any(|&i| fields(body[i].text).iter().any(|f| open_status(f)))
}

/// "Tillægsdagsorden" (also "Tillægspunkter:") on a line of its own right above the heading at `i`:
/// the start of the supplementary agenda, not the end of the previous item's text.
pub(super) fn supplement_above(lines: &[Line], from: usize, i: usize) -> Option<usize> {
    let j = (from..i).rev().find(|&j| !lines[j].is_empty_to_reader())?;
    let t = lines[j].text.trim().trim_matches(['*', '_', ':', '#', ' ']);
    let names = ["tillægsdagsorden", "tillægsdagsordenen", "tillægspunkter", "tillægspunkt"];
    (t.len() <= 20 && names.iter().any(|n| t.to_lowercase() == *n)).then_some(j)
}

/// The first closed sub-item's heading in open item `number`'s lines `from..to` ("Punkt 3a:
/// Tillægspunkt – Lukket"; also "3.2 Personalesag - Lukket", without "Punkt", when it marks itself
/// closed as a title does, not in passing): the item's text ends there, since what follows it up
/// to the next item is its text.
/// A lettered sub-item ("b) Personalesag (lukket)") and one whose mark stands on the next line
/// ("1.2 Personalesag" / "(Lukket)") count too (review 9).
pub(super) fn closed_sub_item(lines: &[Line], number: u32, from: usize, to: usize, cx: &mut Ctx) -> Option<usize> {
    // Closed as a title is, or by a mark after it ("b) Personalesag (Ikke offentlig)"; review 10).
    let bare = |t: &str| marks_itself(&to_plain(t));
    let mark_below = |j: usize| {
        let next = lines[j + 1..to].iter().find(|l| !l.is_empty_to_reader());
        next.is_some_and(|l| mark_line(l.text))
    };
    let closed = |j: usize| {
        sub_item(&lines[j]).is_some_and(|t| is_closed(&full_title(&t, &lines[j + 1..to])))
            || bare_sub_item(lines[j].text, number)
                .or_else(|| lettered_sub_item(lines[j].text))
                .is_some_and(|t| bare(t) || mark_below(j))
    };
    let j = (from..to).find(|&j| closed(j))?;
    cx.warn(
        lines[j].no,
        format!("sub-item \"{}\" is closed: it and the text after it are not published", clip(lines[j].text.trim())),
    );
    Some(j)
}

/// The first line of open item `number`'s lines `from..to` that is a heading the readers of items
/// do not know, set apart, marking itself closed: over a case number, as a markdown or HTML
/// heading, numbered or listed, or with its mark in brackets or after a dash ("Tillægspunkt 3:
/// Personalesag (Lukket)" / "24/1003", "3) Personalesag (Lukket)", "## 3 Personalesag (Lukket)",
/// "Lukket sag 3: Personalesag", "• Personalesag (lukket)"; review 16: a last item, closed, was
/// published as the text of the open item above it). Asked once the item's own readers have left
/// it open: its text ends there, with a warning.
pub(super) fn unread_closed_heading(
    lines: &[Line],
    number: u32,
    from: usize,
    to: usize,
    cx: &mut Ctx,
) -> Option<usize> {
    let heading = |j: usize| {
        let l = &lines[j];
        if !l.may_close || l.text.len() > 150 || (j > from && !lines[j - 1].is_empty_to_reader()) {
            return false;
        }
        let plain = to_plain(l.text);
        let plain = plain.trim();
        let next = lines[j + 1..to].iter().find(|l| !l.is_empty_to_reader());
        let headed = || {
            matches!(l.kind, Kind::Heading(_))
                || next.is_some_and(|n| case_of(n).is_some())
                || ends_with_mark(plain)
                || l.text.trim_start().starts_with(|c: char| c.is_ascii_digit() || "•-–*#(<".contains(c))
        };
        !plain.ends_with(['.', ':']) && marks_itself(plain) && headed()
    };
    let j = (from..to).find(|&j| heading(j))?;
    cx.warn(
        lines[j].no,
        format!(
            "\"{}\" in item {number}'s text reads as the heading of a closed item: it and the text after it are not published",
            clip(lines[j].text.trim())
        ),
    );
    Some(j)
}

/// A heading's plain title that marks itself closed, as a title does, not in passing: "Personalesag
/// (Lukket)", "Lukket sag 3: Personalesag", "Personalesag (Ikke offentlig)".
fn marks_itself(title: &str) -> bool {
    is_closed(title) && (!closed_in_passing(title) || ends_with_mark(title))
}

/// A title whose last part, in brackets or set off, is a mark ("Personalesag (Ikke
/// offentlig)", "Salg – Ikke til offentliggørelse").
fn ends_with_mark(title: &str) -> bool {
    let t = title.trim_end();
    let bracketed = [('(', ')'), ('[', ']')].iter().find_map(|&(a, b)| Some(t.strip_suffix(b)?.rsplit_once(a)?.1));
    // … or after a dash, a comma or a colon ("Personalesag, ikke offentlig"; review 11).
    let dashed = || [" - ", " – ", " — "].iter().filter_map(|d| t.rsplit_once(d)).map(|(_, mark)| mark).next();
    // After a comma or colon only a phrase or a mark of two words ("Data: Fortrolige" names the
    // data, "Personalesag, ikke offentlig" marks the sub-item; review 12).
    let comma =
        || [", ", ": "].iter().filter_map(|d| t.rsplit_once(d)).map(|(_, mark)| mark.trim()).find(|m| phrase_mark(m));
    bracketed.or_else(dashed).is_some_and(|mark| is_mark(mark.trim())) || comma().is_some()
}

/// "b) Personalesag (lukket)", "B. Salg": a sub-item lettered in its item's text. Returns its title.
fn lettered_sub_item(text: &str) -> Option<&str> {
    let t = text.trim_start_matches(['*', '_', '#', ' ']);
    let b = t.as_bytes();
    let lettered = b.len() > 3 && b[0].is_ascii_alphabetic() && matches!(b[1], b')' | b'.') && b[2] == b' ';
    (lettered && text.len() <= 200).then(|| t[3..].trim_start())
}

/// A line of its own that marks an item closed: a mark ("Lukket"), also a phrase ("Ikke
/// offentlig") or a mark with its reason ("Lukket punkt - personsag"; review 9: the item before was
/// closed instead, this one published), or a sentence that says so ("Punktet er fortroligt"; review
/// 16). Above a heading, or under a sub-item's ("2.2 Personalesag" / "Ikke offentlig"; review 16:
/// only "Lukket" was read there, and the sub-item published), or a field answered by a mark
/// ("Punktstatus: Lukket").
fn mark_line(t: &str) -> bool {
    closing_line(t, false)
        || mark_with_reason(t)
        || (t.len() <= 100 && is_mark(&to_plain(t)))
        || said_of_item(t)
        || field_says_closed(t)
        || crate::parse::restricted::line(t, true)
        || super::case::signed_case_line(t)
}

/// The line right above the heading at `i` (blank lines between allowed, none before `from`, where
/// the previous item's text starts) when it marks the item closed on its own ("LUKKET PUNKT"
/// above "Punkt 2: Personalesag", or a field "Offentlig: Nej", which closes the item above too).
/// A table of fields that says so ("| Sagsnr. | Offentlig |" / "|---|---|" / "| 24/1002 | Nej |")
/// marks it the same way; the table's first line is returned.
pub(super) fn marked_above(lines: &[Line], from: usize, i: usize) -> Option<usize> {
    let j = (from..i).rev().find(|&j| !lines[j].is_empty_to_reader())?;
    let first = table_ending_at(lines, from, j);
    // The next item's case numbers, as its title and first lines give them (see
    // [`own_case`]); read only once a mark is found: reading them for every heading was 4 % of a parse.
    let next_cases = std::cell::LazyCell::new(|| {
        let title = heading_at(lines, i).map(|(_, t)| t).unwrap_or_default();
        own_case(&title, &lines[i + 1..])
    });
    let of_others = || OtherCases::default().exempt(&lines[from..=j], j - from, j - from, &next_cases);
    let start = match mark_line(lines[j].text) || public_no_line(lines[j].text) && !of_others() {
        true => j,
        false
            if first < j
                && closing_field(&lines[first..=j], Own { number: None, cases: &next_cases, ..Own::default() })
                    .is_some() =>
        {
            first
        }
        false => return None,
    };
    // A table that names another case than the next item's, written in the same form, describes
    // that case, not the item ("Sagsnr. 24/1003" above "Punkt 2" / "24/1002").
    let cases = table_cases(&lines[start..=j]);
    let same_form = |c: &CaseNumber| cases.iter().all(|t| t.is_short() == c.is_short());
    let other = |c: &CaseNumber| same_form(c) && !cases.contains(c);
    if !next_cases.is_empty() && !cases.is_empty() && next_cases.iter().all(other) {
        return None;
    }
    // The previous item's own mark ("Punkt 1: …" / "17/1002" / "(Lukket)") is not the next one's:
    // only its case number line stands between its heading and the mark.
    let own = lines[from..start].iter().filter(|l| !l.is_empty_to_reader()).all(|l| case_of(l).is_some());
    (!own && heading_at(lines, j).is_none()).then_some(start)
}

/// A line that marks an item closed on its own ("Lukket punkt") above the heading at `i` with up
/// to three lines of a page's head, foot or number between (and none before `from`): a page break
/// that fell between an item's mark and its heading.
pub(super) fn marked_past_page_break(lines: &[Line], from: usize, i: usize) -> Option<usize> {
    // Lines of a page passed: all of them, and those that may be a head but not surely one.
    let (mut passed, mut skipped) = (0, 0);
    // Only a page's number or foot stood between (no line that may be text, as a head may be).
    let mut numbers_only = true;
    for j in (from..i).rev() {
        let l = &lines[j];
        if l.is_empty_to_reader() {
            continue;
        }
        if closing_line(l.text, false) {
            // Set apart from the text above it, or from the heading by a page's number alone
            // (pdftotext without blank lines): "Rådhuset" / "Lukket" / "Biblioteket" ends a list.
            let apart = j == from || lines[j - 1].is_empty_to_reader() || numbers_only;
            let label = to_plain(l.text).trim_end().ends_with(':');
            return (passed > 0 && apart && !label && heading_at(lines, j).is_none()).then_some(j);
        }
        if !normalize::page_furniture(l.text) {
            return None;
        }
        // A page's head after a form feed is no text either ("Lukket punkt" / "\x0cSide 3"); such
        // lines, numbers and feet may be many, other lines that may be a head at most three.
        let page = l.page_top || normalize::page_number_or_footer(l.text);
        numbers_only &= page;
        passed += 1;
        if !page {
            if skipped == 3 {
                return None;
            }
            skipped += 1;
        }
    }
    None
}

/// True if a section heading in item `number`'s text `body` says the section is closed ("Beslutning
/// i Lukket møde", see [`closed_section_heading`]): the item is, with a warning.
pub(super) fn closed_section(body: &[Line], number: u32, cx: &mut Ctx) -> bool {
    let Some(l) = body.iter().find(|l| l.may_close && closed_section_heading(l.text)) else { return false };
    cx.warn(l.no, format!("item {number} is closed by its section \"{}\", and not published", clip(l.text.trim())));
    true
}

/// The line that divides the agenda into an open and a closed part ("Lukkede punkter", "Lukket
/// møde" on a line of its own between two items), if there is one: every item after it is closed.
pub(super) fn closed_part(lines: &[Line], cx: &mut Ctx) -> Option<usize> {
    // On a line of its own (lines `i..=last`): blank lines around it, or an item heading right after
    // it. A page's number, head or foot next to it counts as blank ("3" / "Lukkede punkter" at a
    // page break).
    let apart = |i: usize, last: usize| {
        let blank = |j: Option<&Line>| j.is_none_or(|l| l.is_empty_to_reader() || normalize::page_furniture(l.text));
        // Without blank lines (pdftotext), a sentence's end above it sets it apart too, also in
        // emphasis or a tag ("**Godkendt.**", "<p>Godkendt.</p>"), and so does a list's item
        // ("1. Godkendt"; realistic leak review: the divider was read as the list's text).
        let list_item = |t: &str| {
            let t = t.trim_start();
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0 && t[digits..].starts_with(". ")) || t.starts_with(['-', '•'])
        };
        let ends = |j: Option<&Line>| {
            blank(j)
                || j.is_some_and(|l| {
                    let t = l.text.trim_end();
                    t.ends_with(['.', '!', '?']) || to_plain(t).trim_end().ends_with(['.', '!', '?']) || list_item(t)
                })
        };
        // A line in lower case under an unfinished one ends its sentence ("Punktet behandles for" /
        // "lukkede døre."), even where that first line could be a page's head.
        let continues = || lines[i - 1].runs_on_to(&lines[i]);
        matches!(lines[i].kind, Kind::Heading(_))
            || (ends(i.checked_sub(1).map(|j| &lines[j]))
                && (blank(lines.get(last + 1)) || heading_at(lines, last + 1).is_some())
                && !continues())
    };
    let alone = |i: usize| apart(i, i);
    // A divider starts with its closing word ("Lukkede punkter", "LUKKET MØDE", "Fortrolige
    // punkter"), with "Ikke" or "Ej" ("Ikke offentlige punkter"), or with "Punkter", "Sager",
    // "Mødet", "Følgende", "Herefter" or "Derefter" ("Punkter på lukket dagsorden", "Sager behandlet
    // for lukkede døre", "Mødet fortsatte for lukkede døre", "Herefter behandledes de lukkede
    // punkter"), also inside a rule ("*** LUKKET ***").
    let starts = |i: usize| {
        // (A tab before it is indentation: a line keeps its leading tabs for the readers of tables.)
        let mut t = lines[i].text.trim_start_matches(['*', '_', '#', '(', ' ', '\t', '-', '=', '~']);
        // Past the tags it stands in ("<h2>Lukkede punkter</h2>").
        while let Some(rest) = t.strip_prefix('<').and_then(|r| r.split_once('>')).map(|(_, r)| r) {
            t = rest.trim_start();
        }
        // … or "Resten", "Kl." ("Resten af mødet foregik for lukkede døre", "Kl. 18.30 blev mødet
        // lukket for offentligheden"; review 13).
        // … or the body that went into closed session ("Udvalget gik over til lukket møde", "Byrådet
        // fortsatte for lukkede døre"; review 16).
        t.starts_with([
            'L', 'l', 'F', 'f', 'P', 'p', 'S', 's', 'M', 'm', 'I', 'i', 'E', 'e', 'H', 'h', 'D', 'd', 'R', 'r', 'K',
            'k', 'U', 'u', 'B', 'b',
        ])
    };
    let named = |i: usize| {
        ((starts(i) && closing_line(lines[i].text, true))
            || public_left(lines[i].text)
            || (lines[i].may_close && english_divider(lines[i].text))
            || heading_mark(&lines[i]))
            && alone(i)
    };
    // … or wrapped onto a second short line, read whole ("Lukkede" / "punkter", "Lukkede punk-" /
    // "ter"; review 16: only the next item was closed, or none).
    let wrapped = |i: usize| {
        let (l, next) = (&lines[i], lines.get(i + 1).filter(|n| n.kind == Kind::Text && !n.is_empty_to_reader()));
        let Some(next) = next.filter(|n| (l.may_close || n.may_close) && l.text.len() <= 40 && n.text.len() <= 40)
        else {
            return false;
        };
        let first = l.text.trim_end();
        let joined = match first.strip_suffix('-') {
            Some(head) if next.text.starts_with(char::is_lowercase) => format!("{head}{}", next.text.trim()),
            _ => format!("{first} {}", next.text.trim()),
        };
        l.kind == Kind::Text && starts(i) && closing_line(&joined, true) && apart(i, i + 1)
    };
    let d = (1..lines.len())
        .find(|&i| (named(i) || wrapped(i) || divides_before_heading(lines, i)) && heading_at(lines, i).is_none())?;
    cx.warn(
        lines[d].no,
        format!("\"{}\": the items after this line are closed and not published", clip(lines[d].text.trim())),
    );
    Some(d)
}

/// A markdown or HTML heading of one closing word between items ("# LUKKET", "## Fortroligt";
/// review 16): a heading names a part of the agenda, not one item.
fn heading_mark(line: &Line) -> bool {
    matches!(line.kind, Kind::Heading(_)) && line.may_close && {
        let plain = to_plain(line.text);
        let mut words = words_of(&plain);
        words.next().is_some_and(closing_word) && words.next().is_none()
    }
}

/// A line of its own right above an item heading that says, in other words than
/// [`closing_line`]'s, that what follows is closed ("Sager til lukket møde", "Tillægsdagsorden -
/// lukket", "LUKKET REFERAT", "Lukket møde for Teknik- og Miljøudvalgets møde den 12. marts …"):
/// not a mark of the next item alone ("Lukket punkt", see [`marked_above`]), not a sentence about
/// something closed ("Sagen er lukket."), not an attachment's file name.
fn divides_before_heading(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.trim();
    // Every line is asked: decided on its place first (set apart, an item heading next), then
    // on its bytes ("lukke…", "fortrolig…", "offentlig…" all have an "l" after a vowel or "r").
    let before = i.checked_sub(1).map(|j| lines[j].text.trim_end());
    let apart = before.is_none_or(|p| p.is_empty() || p.ends_with(['.', ':', '!', '?']));
    if t.is_empty() || t.len() > 200 || !apart {
        return false;
    }
    let b = t.as_bytes();
    let hint = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    // (A line without those words is no line that may close, see `Line::may_close`.) Spelled in
    // single letters, it has them as the words it spells ("L U K K E D E S A G E R", review 11).
    let spelled = || (b.len() >= 7 && b[1] == b' ' && b[3] == b' ').then(|| letter_spaced(t)).flatten();
    let spelled = match lines[i].may_close && (hint(b"lukke") || hint(b"fortrolig") || hint(b"offentlig")) {
        true => None,
        false => match spelled() {
            Some(words) => Some(words),
            None => return false,
        },
    };
    if spelled.as_ref().is_some_and(|w| !w.contains("lukke") && !w.contains("fortrolig")) {
        return false;
    }
    let next = lines[i + 1..].iter().position(|l| !l.is_empty_to_reader()).map(|k| i + 1 + k);
    let Some((number, _)) = next.and_then(|n| heading_at(lines, n)) else { return false };
    let plain = spelled.unwrap_or_else(|| to_plain(t));
    let lower = plain.to_lowercase();
    let words: Vec<&str> = words_of(&lower).collect();
    let sentence = words.windows(2).any(|w| is_verb(w[0]) && closing_word(w[1])) || t.ends_with('.');
    let file = [".pdf", ".doc", ".docx", ".xlsx", ".xls", ".odt"].iter().any(|e| lower.ends_with(e));
    // The closing word says what is closed ("lukket møde", "Lukkede sager", "for lukkede døre"),
    // or ends the line ("Tillægsdagsorden - lukket"), or a line starts "Lukket…" ("LUKKET
    // REFERAT", "Lukket behandling"); "Den lukkede hal" or "Fortrolig revisionsrapport" describe.
    let parts =
        ["møde", "mødet", "del", "dagsorden", "dagsordenen", "punkter", "sager", "behandling", "døre", "referat"];
    // A field's answer is the field's: "Åbningstider Mandag: 8-16 Lørdag: Lukket" gives hours, not
    // the agenda's closed part, unless its label names that part ("Tillægsdagsorden: Lukket").
    let answer = plain.trim_end().rsplit_once(':').filter(|(_, a)| words_of(a).count() == 1).map(|(label, _)| {
        let label = label.to_lowercase();
        words_of(&label).last().is_some_and(|w| parts.contains(&w) || w.starts_with("tillæg"))
    });
    let names_part = words.windows(2).any(|w| closing_word(w[0]) && parts.contains(&w[1]))
        || (words.last().is_some_and(|w| closing_word(w)) && answer != Some(false))
        || (words.len() <= 2 && words.first().is_some_and(|w| matches!(*w, "lukket" | "lukkede")));
    // Above the item's own heading repeated at a page's top ("Lukket: Ja" / "Punkt 2: … (fortsat)"
    // in item 2) it ends no part of the agenda.
    let repeated = || (0..i).rev().find_map(|j| heading_at(lines, j)).is_some_and(|(n, _)| n >= number);
    names_part && !sentence && !file && !closing_line(t, false) && !repeated()
}
