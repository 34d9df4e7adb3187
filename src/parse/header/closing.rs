//! A header that says the meeting is closed ("Lukket møde", "Fortroligt referat"): such a file is
//! refused, never published in part.

use super::Field;
use crate::parse::inline::find_ci;

/// Words that close what they describe: "Lukket referat", "lukket møde", "FORTROLIGT".
const CLOSING: &[&str] = &["lukket", "lukkede", "fortrolig", "fortroligt", "fortrolige"];

/// The meeting, its minutes or its agenda: what a closing word before one of them closes
/// ("lukket møde", "Fortroligt referat", "for lukkede døre").
const MEETING_WORDS: &[&str] = &[
    "møde",
    "mødet",
    "referat",
    "dagsorden",
    "døre",
    "beslutningsprotokol",
    "protokol",
    "mødereferat",
    "beslutninger",
];

/// Parts of an open meeting ("Lukkede punkter", "Lukket del"): they close the items after them,
/// which the items parser reads, not the meeting.
const PART_WORDS: &[&str] = &["punkter", "punkt", "del", "sager", "sag"];

/// After these the title names its subject, not the meeting: "temamøde om lukkede skoler".
const SUBJECT_WORDS: &[&str] = &["om", "vedr", "vedrørende", "angående", "ang"];

/// Where a header line stands, for [`closes_meeting`].
#[derive(Clone, Copy, Default)]
pub(super) struct At {
    /// The title, a line before it, or the line naming the body under a bare title word.
    pub(super) title: bool,
    /// A numbered line follows: "Lukkede punkter:" heads the agenda's closed part.
    pub(super) list_below: bool,
    /// The header's last line, right before the items (or their table of contents).
    pub(super) last: bool,
}

/// Whether a header line says that the meeting, its minutes or its agenda are closed.
///
/// - The title lines (`at.title`): a closing word anywhere before a subject ("Lukket referat …",
///   "Referat fra ekstraordinært lukket møde i …", "REFERAT … d. 12-03-2024 (lukket møde)",
///   "Økonomiudvalget – lukket møde"; not "… - temamøde om lukkede skoler").
/// - A place: only a closing word before a meeting word ("Rådhuset – lukket møde"; not "Lukket
///   gård", "Rådhuset (døren holdes lukket)").
/// - Names (Deltagere, Afbud, Referent, a table row, a list's next line): never; a remark there
///   ("deltog ikke i den lukkede del", "Lone Fortrolig") is about a person.
/// - Any other line, when short and no sentence (no full stop) and not heading a numbered agenda
///   list: a closing word before a meeting word ("Mødedato: 12.03.2024 (lukket møde)", "Mødet
///   holdes for lukkede døre"), or nothing but closing and meeting words ("Lukket dagsorden",
///   "Mødeform: Fortroligt", "Fortrolig"). "Lukkede punkter" there is a part of an open meeting,
///   except as the header's last line: then the items right below it are closed, and the items
///   parser never sees that line.
pub(super) fn closes_meeting(plain: &str, own: Option<(Field, &str)>, more: bool, at: At) -> bool {
    // A line of its own that marks an item closed ("Ikke til offentliggørelse") above the first
    // item: whose mark it is cannot be known, and the header's text is not published.
    // Also after a list of names: "LUKKET" is no one's name.
    if own.is_none()
        && (crate::parse::closed::closing_line(plain, false) || crate::parse::fields::public_field(plain) == Some(true))
    {
        return true;
    }
    // Decided on bytes for the lines without either word: nearly all.
    if find_ci(plain, "lukke").is_none() && find_ci(plain, "fortrolig").is_none() {
        return false;
    }
    let (text, place, names) = match own {
        Some((field, value)) => (value, field == Field::Location, field == Field::Other || field.is_list()),
        None => (plain, false, more),
    };
    if names {
        return false;
    }
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let is = |w: &String, set: &[&str]| set.contains(&w.as_str());
    let subject = words.iter().position(|w| is(w, SUBJECT_WORDS)).unwrap_or(words.len());
    let closing: Vec<usize> = (0..subject).filter(|&i| is(&words[i], CLOSING)).collect();
    let before_meeting = closing.iter().any(|&i| words.get(i + 1).is_some_and(|n| is(n, MEETING_WORDS)));
    if place {
        return before_meeting;
    }
    if at.title && own.is_none() {
        return !closing.is_empty();
    }
    let t = plain.trim();
    if closing.is_empty() || at.list_below || t.ends_with('.') || t.chars().count() > 60 {
        return false;
    }
    // "Mødeform: Lukket": the words after a short label.
    let value = match own {
        Some(_) => &words[..],
        None => match t.split_once(':').filter(|(l, _)| l.chars().count() <= 20) {
            Some((label, _)) => {
                let skip = label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
                &words[skip.min(words.len())..]
            }
            None => &words[..],
        },
    };
    let only =
        |sets: &[&[&str]]| value.iter().all(|w| sets.iter().any(|s| is(w, s)) || w.bytes().all(|b| b.is_ascii_digit()));
    before_meeting || only(&[CLOSING, MEETING_WORDS]) || (at.last && only(&[CLOSING, PART_WORDS]))
}
