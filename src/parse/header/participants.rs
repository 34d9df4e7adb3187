//! The header's lists of people (Mødedeltagere, Afbud, Stedfortræder): names with their party and
//! role, in lines, lists and tables, and who stands in for whom.

use super::{nobody, Field};
use crate::model::Participant;
use crate::parse::inline::{find_ci, strip_prefix_ci, strip_suffix_ci};
use crate::parse::items::{case_in, numbered_heading};

/// Moves a party's letter from the front of a participant's role to its own field: "C, formand"
/// is party "C" and role "formand", "SF" is party "SF" and no role; "TR" is the role of a union
/// representative (see [`NOT_PARTIES`]).
pub(super) fn split_party(p: &mut Participant) {
    let Some(role) = p.role.take() else { return };
    let parts: Vec<&str> = role.split(',').map(str::trim).collect();
    // A party is written with one to three capitals: "A", "SF", "DF", "Ø", "UFG"; after a title
    // in capitals that is none ("TR, A"), it is the next part.
    let is_party = |s: &&str| {
        (1..=3).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase()) && !NOT_PARTIES.contains(s)
    };
    let Some(at) = parts.iter().take(2).position(is_party) else {
        p.role = Some(role);
        return;
    };
    p.party = Some(parts[at].to_string());
    let rest: Vec<&str> =
        parts.iter().enumerate().filter(|&(k, s)| k != at && !s.is_empty()).map(|(_, s)| *s).collect();
    p.role = (!rest.is_empty()).then(|| rest.join(", "));
}

/// Abbreviations in capitals that say what a member is or whom they speak for, not their party:
/// staff representatives in a MED committee or a council ("TR" tillidsrepræsentant, "FTR"
/// fællestillidsrepræsentant, "AMR" arbejdsmiljørepræsentant, "HR", "MED", "LMU", "HMU"), and the
/// organisations a council member represents ("FOA", "HK", "DLF", "DSR", "DH", "KL", "DI", "DA",
/// "FH", "LO"). A party is any other one to three capitals: the ballot letters ("A", "V", "Ø", "Å",
/// "Æ") and their short names ("SF", "DF", "EL", "LA", "KD"), also a local list's ("UFG"), none
/// of which these are.
const NOT_PARTIES: [&str; 17] =
    ["TR", "FTR", "AMR", "HR", "MED", "LMU", "HMU", "FOA", "HK", "DLF", "DSR", "DH", "KL", "DI", "DA", "FH", "LO"];

/// The lists of names as written, read once complete: the PDF may wrap them mid-name.
#[derive(Default)]
pub(super) struct Lists {
    present: String,
    absent: String,
    stand_ins: String,
    /// The rows of a table of names, read as people.
    pub(super) present_rows: Vec<Participant>,
    pub(super) absent_rows: Vec<Participant>,
}

impl Lists {
    pub(super) fn of(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Participants => Some(&mut self.present),
            Field::Absent => Some(&mut self.absent),
            Field::StandIn => Some(&mut self.stand_ins),
            _ => None,
        }
    }

    /// Who was present and who absent. A stand-in is present, also when written beside the member
    /// they stand in for ("Afbud: Jens Bak (C). Stedfortræder: Lone Vind (C)").
    pub(super) fn people(&self) -> (Vec<Participant>, Vec<Participant>) {
        let (mut present, named) = listed(&self.present);
        let (mut absent, stand_ins) = listed(&self.absent);
        present.extend(named.into_iter().chain(stand_ins));
        present.extend(split_outside_parentheses(&self.stand_ins, list_separator).into_iter().filter_map(stand_in));
        present.extend(self.present_rows.iter().cloned());
        absent.extend(self.absent_rows.iter().cloned());
        (present, absent)
    }
}

/// The people of a table of names: the name first, then party and remarks as the role; a row
/// marked "Afbud" is absent. A header row ("Navn  Parti  Bemærkning") is no one.
pub(super) fn table_people(rows: &[Vec<String>]) -> (Vec<Participant>, Vec<Participant>) {
    let (mut present, mut absent) = (Vec::new(), Vec::new());
    let header = |name: &str| ["navn", "medlem", "deltager", "deltagere"].iter().any(|h| name.eq_ignore_ascii_case(h));
    let skip = usize::from(rows.first().and_then(|r| r.first()).is_some_and(|n| header(n)));
    for (name, rest) in rows[skip..].iter().filter_map(|r| r.split_first()).filter(|(n, _)| !n.is_empty()) {
        let away = |c: &String| ABSENT_WORDS.contains(&c.to_lowercase().as_str());
        let roles: Vec<String> = rest.iter().filter(|c| !c.is_empty() && !away(c)).map(|c| cell_role(c)).collect();
        // "Michael Ziegler (C)   Formand": the party in parentheses comes first.
        let Some(mut p) = participant(name) else { continue };
        roles.iter().for_each(|r| add_role(&mut p, r));
        if rest.iter().any(away) {
            absent.push(p);
        } else {
            present.push(p);
        }
    }
    (present, absent)
}

/// A remark that the member was not there.
const ABSENT_WORDS: &[&str] = &["afbud", "fraværende", "fravær", "deltog ikke", "ikke til stede", "ikke mødt"];

/// "Formand" → "formand", "Stedfortræder for Bo Jensen" → "stedfortræder for Bo Jensen" (a table
/// cell starts with a capital, a role in a list does not); "SF" and "V" stay.
fn cell_role(cell: &str) -> String {
    let mut chars = cell.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(cell[first.len_utf8()..].chars()).collect()
        }
        _ => cell.to_string(),
    }
}

pub(super) fn push_list(list: &mut String, text: &str, sep: &str) {
    // "(næst-" / "formand)": a word the PDF hyphenated at the line end is one word again.
    // Not "(formand for Børne-" / "og Ungeudvalget)": a hyphen before "og" shortens a compound.
    let conjunction = ["og ", "eller ", "samt "].iter().any(|c| text.starts_with(c));
    let hyphenated = sep == " " && list.ends_with('-') && text.starts_with(char::is_lowercase) && !conjunction;
    if !list.is_empty() && !text.is_empty() && !hyphenated {
        list.push_str(sep);
    }
    if hyphenated {
        list.pop();
    }
    list.push_str(text);
}

/// A list value that the PDF wrapped onto the next line ends with a comma or "og".
pub(super) fn list_open(value: &str) -> bool {
    let v = value.trim_end();
    v.ends_with(',') || v.ends_with(" og") || v.ends_with('&')
}

/// The list a line without a label continues, if any: a list the PDF wrapped continues on the
/// very next line, or after a comma or "og"; not a label ("Bemærkninger:"). A case number, or a
/// line numbered 1 like an item ("1. Salg af grund - Lukket") under a list on the label's own line
/// (`per_line` false), belongs to the agenda: read as a wrapped name, a closed item's title and text were published as a participant
/// (review 7).
pub(super) fn continues_list(
    last: Option<(Field, usize, bool)>,
    no: usize,
    plain: &str,
    per_line: bool,
) -> Option<Field> {
    let (field, last_no, open) = last?;
    // "2. Per Lindquist (C)" under "Deltagere: 1. Carl Ravnholt (V)" goes on with the list; a first
    // item's heading starts again at 1.
    let first_item = !per_line && numbered_heading(plain).is_some_and(|(n, _)| n == 1);
    let agenda = first_item || case_in(plain).is_some();
    // "Bemærkninger:" under "Afbud: Mia Holm (Ø)" is a label of its own, not a name.
    let label = plain.trim_end().ends_with(':');
    (field.is_list() && !agenda && !label && (open || last_no + 1 == no || plain.starts_with("og "))).then_some(field)
}

/// "Lars Holte, Jørgen Lerhard og Kathrine Seier Skastrup (sekretær)". Commas inside a role
/// ("Michael Ziegler (C, formand)") do not split it.
pub fn participants(s: &str) -> Vec<Participant> {
    let (mut people, stand_ins) = listed(s);
    people.extend(stand_ins);
    people
}

/// The people of a list, and apart from them the stand-ins written beside them ("Erik Olsen (V) –
/// stedfortræder: Lise Berg (V)"), who were present in their place.
fn listed(s: &str) -> (Vec<Participant>, Vec<Participant>) {
    let (mut out, mut stand_ins) = (Vec::new(), Vec::new());
    for part in split_outside_parentheses(s, list_separator) {
        // "Peter Hansen (A), formand": a role after the comma, in lower case, is the name's before.
        let role = part.trim().trim_end_matches('.');
        if let Some(prev) = out.last_mut().filter(|_| role.starts_with(char::is_lowercase) && !role.contains(' ')) {
            add_role(prev, role);
            continue;
        }
        let Some((before, kind)) = stand_in_mark(part) else {
            out.extend(participant(part));
            continue;
        };
        // "…, stedfortræder: Lise Berg": for the name before the comma. "Eva Dahl (Ø, stedfortræder
        // for Mia Holm)": the word stood in the name's own parenthesis, which closes before it.
        let open = before.matches('(').count() > before.matches(')').count();
        out.extend(if open { participant(&format!("{before})")) } else { participant(before) });
        match kind {
            StandIn::For(whom) => out.last_mut().into_iter().for_each(|p| add_role(p, &stand_in_for(whom))),
            StandIn::By(other) if nobody(other) => {} // "stedfortræder: ingen"
            StandIn::By(other) => {
                let whom = out.last().map_or("", |p| p.name.as_str());
                let role = stand_in_for(whom);
                stand_ins.extend(participant(other).map(|mut p| {
                    add_role(&mut p, &role);
                    p
                }));
            }
        }
    }
    (out, stand_ins)
}

/// Where a list splits: at a comma or semicolon, and before "og".
fn list_separator(rest: &str) -> Option<usize> {
    if rest.starts_with([',', ';']) {
        Some(1)
    } else {
        rest.starts_with(" og ").then_some(4)
    }
}

/// What a list entry says after the word "stedfortræder".
enum StandIn<'a> {
    /// "Lise Berg (V) – stedfortræder for Erik Olsen": the entry stands in for someone (perhaps
    /// not named).
    For(&'a str),
    /// "Erik Olsen (V) – stedfortræder: Lise Berg (V)": someone stands in for the entry.
    By(&'a str),
}

/// The entry before the word "stedfortræder", and what follows it.
fn stand_in_mark(part: &str) -> Option<(&str, StandIn<'_>)> {
    // Found on ASCII bytes ("stedfortr"), so `at` is a char boundary.
    let at = find_ci(part, "stedfortr")?;
    if part[..at].ends_with(char::is_alphanumeric) {
        return None;
    }
    let end = part[at..].find(|c: char| !c.is_alphabetic()).map_or(part.len(), |e| at + e);
    let before = part[..at].trim_end_matches([' ', '–', '—', '-', '.', ',', ';', '(']);
    let mut after = part[end..].trim_start_matches([':', ' ', '–', '-']).trim_end_matches(['.', ' ']);
    // "Erik Olsen (V) (stedfortræder: Lise Berg)": the parenthesis the word stood in.
    if part[..at].matches('(').count() > part[..at].matches(')').count() {
        after = after.strip_suffix(')').unwrap_or(after);
    }
    // "stedfortræder Ib Holm (F) deltog".
    after = [" deltog", " deltager", " mødte"].iter().find_map(|w| strip_suffix_ci(after, w)).unwrap_or(after);
    match strip_prefix_ci(after, "for ") {
        Some(whom) => Some((before, StandIn::For(whom.trim()))),
        None if after.is_empty() => Some((before, StandIn::For(""))),
        None => Some((before, StandIn::By(after))),
    }
}

/// An entry of a "Stedfortræder:" list: "Lone Vind (C)", "Eva Dahl (F) for Mia Holm".
fn stand_in(part: &str) -> Option<Participant> {
    let (who, whom) = match split_outside_parentheses(part, |r| r.starts_with(" for ").then_some(5))[..] {
        [who, whom] => (who, whom),
        _ => (part, ""),
    };
    let mut p = participant(who)?;
    add_role(&mut p, &stand_in_for(whom));
    Some(p)
}

/// "stedfortræder for Erik Olsen" (without the party of "Erik Olsen (V)"), or "stedfortræder".
fn stand_in_for(whom: &str) -> String {
    match participant(whom) {
        Some(p) => format!("stedfortræder for {}", p.name),
        None => "stedfortræder".to_string(),
    }
}

fn add_role(p: &mut Participant, role: &str) {
    p.role = Some(match p.role.take() {
        Some(r) => format!("{r}, {role}"),
        None => role.to_string(),
    });
}

/// Splits `s` where `sep` matches (giving the separator's length), except inside parentheses.
fn split_outside_parentheses(s: &str, sep: impl Fn(&str) -> Option<usize>) -> Vec<&str> {
    let (mut parts, mut depth, mut start, mut i) = (Vec::new(), 0usize, 0, 0);
    while i < s.len() {
        let rest = &s[i..];
        match rest.as_bytes()[0] {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Some(len) = sep(rest).filter(|_| depth == 0) {
            parts.push(&s[start..i]);
            i += len;
            start = i;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    parts.push(&s[start..]);
    parts
}

fn participant(s: &str) -> Option<Participant> {
    let s = s.trim().trim_end_matches('.').trim();
    // "1. Anne Holm (A)", "2) Bo Ek": a numbered list's number is no part of the name.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let s = match s[digits..].strip_prefix(['.', ')']) {
        Some(rest) if digits > 0 && rest.starts_with(' ') => rest.trim_start(),
        _ => s,
    };
    if s.is_empty() {
        return None;
    }
    // "Michael Ziegler (C) (formand)": every parenthesis at the end is part of the role.
    let (mut name, mut roles) = (s, Vec::new());
    while let Some(inner) = name.strip_suffix(')').and_then(|n| n.rfind('(').map(|open| (open, &n[open + 1..]))) {
        let (open, role) = inner;
        if name[..open].trim().is_empty() {
            break;
        }
        roles.push(role.trim());
        name = name[..open].trim_end();
    }
    roles.reverse();
    let role = (!roles.is_empty()).then(|| roles.join(", "));
    Some(Participant { name: name.to_string(), party: None, role })
}
