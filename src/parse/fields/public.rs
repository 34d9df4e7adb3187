//! The one reader of the field that says whether an item is public ("Offentlig: Nej", "Lukket: Ja"),
//! wherever in the item's text and in whatever writing it stands.

use super::html::{has_tag, html_table_end, TableTags, HTML_TABLE_LINES};
use super::rows::{column_fields, own_record, row_fields, table_line, OtherCases};
use super::{field_text, fields, is_field, label_value};
use crate::case::CaseNumber;
use crate::parse::closed::{
    closing_line, closing_word, field_says_closed, is_mark, mark_with_reason, said_of_item, words_of,
};
use crate::parse::inline::{find_ci, to_plain};
use crate::parse::items::case_in;
use crate::parse::normalize::{Kind, Line};
use crate::parse::tables::{self, pipe_cells};
use crate::parse::toc::clip;
use crate::parse::{has_byte, Ctx};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The labels of a field that asks whether the item is public ("Offentlig: Nej"): "Nej" closes it.
const PUBLIC_LABELS: &[&str] = &[
    "offentlig",
    "offentligt punkt",
    "offentlig behandling",
    "er punktet offentligt",
    "er sagen offentlig",
    "publiceres",
    "må publiceres",
    "kan publiceres",
    "skal publiceres",
    "aktindsigt",
    "publicering",
    "aaben",
    "aabent",
    "offentliggørelse",
    "offentligt",
    "offentlighed",
    "offentliggøres",
    "må offentliggøres",
    "kan offentliggøres",
    "skal offentliggøres",
    "må offentliggøres?",
    "til offentliggørelse",
    "åben",
    "åbent",
    "åben sag",
    "åbent punkt",
    "offentlig sag",
    "kan punktet offentliggøres",
    "må punktet offentliggøres",
    "kan sagen offentliggøres",
    // Review 15.
    "må sagen offentliggøres",
    "skal sagen offentliggøres",
    "må sagen publiceres",
    "publiceres på hjemmesiden",
    "offentliggøres på hjemmesiden",
    "vises på hjemmesiden",
    "offentlig dagsorden",
    "åben dagsorden",
    // An English template's (review 15: "Public: No" was published).
    "public",
    "public item",
];

/// The labels of a field that asks whether the item is closed ("Lukket: Ja"): "Ja" closes it. An
/// answer "Nej" opens nothing, since the label alone reads as a mark ("Lukket: Nej" stays closed).
const CLOSED_LABELS: [&str; 14] = [
    "lukket",
    "lukket punkt",
    "lukket sag",
    "lukket møde",
    "fortrolig",
    "fortroligt",
    // English ("Closed: Yes").
    "closed",
    "closed item",
    "confidential",
    // Whether it holds personal data ("Personfølsomme oplysninger: Ja"; review 17).
    "personfølsomme oplysninger",
    "indeholder personfølsomme oplysninger",
    "personoplysninger",
    "indeholder personoplysninger",
    "følsomme personoplysninger",
];

/// The labels of a field that grades the item's information ("Klassifikation: Intern"): a grade
/// that is not for the public closes it, a public one ("Offentlig", "Ingen") leaves it open, any
/// other says nothing (review 17: "Klassifikation: Intern" among other fields was published).
const GRADE_LABELS: [&str; 21] = [
    "klassifikation",
    "sagsklassifikation",
    "fortrolighedsgrad",
    "følsomhedsniveau",
    "adgang",
    "adgangsniveau",
    "tilgængelighed",
    "synlighed",
    "distribution",
    "sensitivity",
    "dataklassifikation",
    "dataklassificering",
    "klassificering",
    "sikkerhedsklassifikation",
    "informationsklassifikation",
    "sikkerhedsniveau",
    "fortrolighed",
    "fortrolighedsniveau",
    "følsomhed",
    "classification",
    "security classification",
];

/// The labels of a field that names the choice ("Åben/Lukket: L"): only an open answer ("Åben",
/// "Å", "Offentlig") leaves the item open; any other closes it.
const CHOICE_LABELS: [&str; 6] = ["åben/lukket", "åbent/lukket", "offentlig/lukket", "å/l", "l/å", "lukket/åben"];

/// "Offentlig: Nej", "Åben: Nej", "Offentliggøres: Nej" (also "Offentlig: Nej, jf.
/// offentlighedslovens § 30", "Offentlig: Kan ikke offentliggøres", "Lukket: Ja"): a field that
/// answers whether the item is public, `Some(true)` when it is closed. Only a bare "Ja" opens it.
/// A table row ("| Offentlig | Nej |", "Offentlig<tab>Nej") comes here as the field it is written
/// as, see [`fields`].
pub(in crate::parse) fn public_field(text: &str) -> Option<bool> {
    public_answer(text).map(|(closed, _)| closed)
}

/// The one reader of a public field's label and answer: whether the answer closes the item, and
/// whether it says only that (see [`bare_answer`]): "Offentlig: Nej" (true, true), "Offentlig:
/// Nej (punkt 2 og 3)" (true, false), "Offentlig: Ja" (false, false). A line longer than a field
/// (80 bytes) is one only with a bare answer, the law or reason for it after ("Offentlig: Nej jf.
/// offentlighedslovens § 30, nr. 1, da sagen indeholder …"): a longer answer is a sentence.
pub(super) fn public_answer(text: &str) -> Option<(bool, bool)> {
    let text = unstruck(text);
    let text = field_text(&text);
    if text.len() > 300 {
        return None;
    }
    // A field in brackets ("(Offentlig: N)", "**[Offentlig: N]**"; review 10) is the field.
    let t = text.trim();
    // (Emphasis around it, not a form's blank after it: "Lukket: Ja X Nej __".)
    // (… or a code span around it: "`Offentlig: Nej`"; review 15.)
    let t = Some(t.trim_matches(['*', '_', '`']))
        .filter(|u| u.len() + 4 >= t.len() && t.starts_with(['*', '_', '`']))
        .unwrap_or(t);
    let inner = [('(', ')'), ('[', ']')].iter().find_map(|&(a, b)| t.strip_prefix(a)?.strip_suffix(b));
    let answer = label_and_answer(inner.unwrap_or(t)).and_then(|(label, value)| answer_of(text.len(), label, value));
    // Fields side by side in one bracket ("(Sagsnr. 24/1002, Offentlig: N)", "(Sagsnr.: 24/1002 -
    // Status: Lukket)"; reviews 11 and 13): its public one, or one whose answer is a mark.
    match inner {
        Some(inner) if answer.is_none() => bracket_answer(inner),
        _ => answer,
    }
}

/// The answer of the fields side by side in one bracket, see [`public_answer`].
fn bracket_answer(inner: &str) -> Option<(bool, bool)> {
    let parts = || {
        inner
            .split([',', ';', '|'])
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(" – "))
            .flat_map(|p| p.split(" / "))
    };
    // Two fields at least: one alone is read as the bracket is.
    parts().nth(1)?;
    // Not denied ("(Sagsnr. 24/1002, ikke lukket)"; review 14).
    let denied = |p: &str| {
        let p = to_plain(p).to_lowercase();
        let mut w = words_of(&p);
        matches!(w.next(), Some("ikke" | "ej")) && w.next().is_some_and(closing_word)
    };
    let says = |p: &str| !denied(p) && (field_says_closed(p) || is_mark(to_plain(p).trim()));
    parts().find_map(public_answer).or_else(|| parts().any(says).then_some((true, true)))
}

/// `value` without what is struck out in it ("~~Ja~~ Nej", "<del>Ja</del> Nej"; review 15: a
/// form's struck "Ja" was read as the answer).
fn unstruck(value: &str) -> Cow<'_, str> {
    if !(value.contains("~~")
        || (has_byte(value, b'<') && ["<s>", "<del>", "<strike>"].iter().any(|t| find_ci(value, t).is_some())))
    {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    loop {
        let open = [("~~", "~~"), ("<s>", "</s>"), ("<del>", "</del>"), ("<strike>", "</strike>")]
            .iter()
            .filter_map(|&(o, c)| find_ci(rest, o).map(|at| (at, o, c)))
            .min_by_key(|&(at, ..)| at);
        let Some((at, o, c)) = open else { break };
        let Some(end) = find_ci(&rest[at + o.len()..], c) else { break };
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = &rest[at + o.len() + end + c.len()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// [`public_answer`] of a label and its answer, from a line `len` bytes long.
fn answer_of(len: usize, label: &str, value: &str) -> Option<(bool, bool)> {
    // The longest label, "til offentliggørelse", in bold: a longer one is no public field's.
    if label.len() > 40 {
        return None;
    }
    let label = to_plain(label).to_lowercase().replace(" / ", "/");
    // "Offentlig (ja/nej): Nej", "Er punktet offentligt? Nej": the question as its label.
    let label = label.trim_matches(['*', '_', ' ', '?']);
    let label = ["(ja/nej)", "(j/n)"].iter().find_map(|q| label.strip_suffix(q)).unwrap_or(label).trim_end();
    // "Åben (Å) / Lukket (L): L": the choice with its letters (review 16).
    let lettered = label.contains(" (").then(|| {
        let mut out = String::with_capacity(label.len());
        let mut rest = label;
        while let Some((before, after)) = rest.split_once(" (") {
            out.push_str(before);
            rest = after.split_once(')').filter(|(inner, _)| inner.chars().count() <= 3).map_or("", |(_, r)| r);
        }
        out.push_str(rest);
        out.replace(" / ", "/").replace(' ', "")
    });
    let label = match &lettered {
        Some(l) if CHOICE_LABELS.contains(&l.as_str()) => l.as_str(),
        _ => label,
    };
    if CHOICE_LABELS.contains(&label) {
        let value = to_plain(value).to_lowercase();
        return match words_of(&value).next()? {
            "åben" | "åbent" | "å" | "offentlig" | "offentligt" | "o" => Some((false, false)),
            _ => Some((true, true)),
        };
    }
    if GRADE_LABELS.contains(&label) {
        let value = to_plain(value).to_lowercase();
        return match words_of(&value).next()? {
            "offentlig" | "offentligt" | "åben" | "åbent" | "ingen" | "lav" | "normal" | "almindelig" | "public" => {
                Some((false, false))
            }
            "intern" | "internt" | "fortrolig" | "fortroligt" | "personfølsom" | "personfølsomt" | "følsom"
            | "følsomt" | "følsomme" | "høj" | "begrænset" | "beskyttet" | "lukket" | "hemmelig" | "internal"
            | "restricted" | "confidential" | "private" => Some((true, true)),
            // "Kun til intern brug", "Personoplysninger".
            _ => crate::parse::restricted::line(&value, true).then_some((true, true)),
        };
    }
    let yes_closes = match () {
        _ if PUBLIC_LABELS.contains(&label) => false,
        _ if CLOSED_LABELS.contains(&label) => true,
        _ => return None,
    };
    // A form's boxes ("☐ Ja ☒ Nej"): the ticked option answers; boxes without one ticked answer
    // nothing that can be trusted, and the item is closed (realistic leak review).
    if let Some(option) = ticked(value) {
        let closes = match option {
            Some(yes) => yes == yes_closes,
            None => true,
        };
        return Some((closes, closes));
    }
    // An export's or a form's answer in other words (review 16): "false", "0", "✗", "-"; a
    // partly public item ("Delvis") is not public.
    let plain = to_plain(value).to_lowercase();
    let first = words_of(&plain).next().unwrap_or("");
    let exported = match (plain.trim().trim_end_matches('.'), first) {
        (_, "false" | "falsk" | "delvis" | "delvist") | ("0" | "✗" | "✘" | "-" | "−" | "–", _) => Some(true),
        (_, "true" | "sand") | ("1" | "✓" | "✔", _) => Some(false),
        _ => None,
    };
    if let Some(no) = exported {
        let closes = no != yes_closes;
        return Some((closes, closes));
    }
    let bare = bare_answer(value, label);
    if yes_closes || (len > 80 && !bare) {
        return bare.then_some((true, true));
    }
    let value = to_plain(value).to_lowercase();
    let value = value.trim_matches(|c: char| !c.is_alphanumeric());
    let answer = match words_of(value).next()? {
        "nej" | "ikke" | "no" => Some((true, bare)),
        // For internal use ("Offentlig: Intern"; review 17).
        "intern" | "internt" | "internal" => Some((true, true)),
        "n" if value == "n" => Some((true, true)),
        "ja" | "j" | "yes" | "y" if matches!(value, "ja" | "j" | "yes" | "y") => Some((false, false)),
        _ => bare.then_some((true, true)),
    };
    answer
}

/// The options ticked among a form's boxes and all the options offered, lower-cased, with the box
/// before its option or after it; `None` without boxes.
fn boxes(value: &str) -> Option<(Vec<String>, Vec<String>)> {
    if !may_have_boxes(value) {
        return None;
    }
    let mut value = tight_boxes(value);
    for (typed, drawn) in TYPED {
        if value.contains(typed) {
            value = value.replace(typed, drawn);
        }
    }
    if !value.contains(TICKED) && !value.contains(EMPTY) {
        return None;
    }
    // Boxes and words in order: a box is Some(ticked), a word None with its text.
    let mut tokens: Vec<(Option<bool>, String)> = Vec::new();
    for part in value.split_whitespace() {
        for piece in part.split_inclusive(|c: char| TICKED.contains(&c) || EMPTY.contains(&c)) {
            let (word, mark) = match piece.chars().last() {
                Some(c) if TICKED.contains(&c) || EMPTY.contains(&c) => {
                    (&piece[..piece.len() - c.len_utf8()], Some(TICKED.contains(&c)))
                }
                _ => (piece, None),
            };
            let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            if !word.is_empty() {
                tokens.push((None, word));
            }
            if let Some(t) = mark {
                tokens.push((Some(t), String::new()));
            }
        }
    }
    // "Ikke offentlig" is one option.
    for k in (0..tokens.len().saturating_sub(1)).rev() {
        if matches!(tokens[k], (None, ref w) if w == "ikke" || w == "ej") && tokens[k + 1].0.is_none() {
            let (_, next) = tokens.remove(k + 1);
            tokens[k].1 = format!("{} {next}", tokens[k].1);
        }
    }
    let box_first = tokens.first().is_some_and(|(b, _)| b.is_some());
    let mut chosen = Vec::new();
    for (k, (mark, _)) in tokens.iter().enumerate() {
        let option = if box_first { tokens.get(k + 1) } else { k.checked_sub(1).and_then(|j| tokens.get(j)) };
        if let (Some(true), Some((None, word))) = (mark, option) {
            chosen.push(word.clone());
        }
    }
    let options = tokens.into_iter().filter(|(b, _)| b.is_none()).map(|(_, w)| w).collect();
    Some((chosen, options))
}

/// The option ticked among a form's boxes, `Some(true)` for "Ja", `Some(false)` for "Nej", with
/// the box before its option ("☐ Ja ☒ Nej", "[ ] Ja [X] Nej") or after it ("Ja ☐ Nej ☒"); `Some(None)`
/// when there are boxes but not one option ticked; `None` without boxes.
fn ticked(value: &str) -> Option<Option<bool>> {
    // After a public field's label, radio buttons and filled squares are its boxes ("Ja ○ Nej ●",
    // "Ja ⬜ Nej ⬛"; review 15); elsewhere they are as often a list's bullets.
    let radio = |c: char| matches!(c, '○' | '●' | '◉' | '⬜' | '⬛');
    let value: Cow<str> = match value.contains(radio) {
        true => value
            .chars()
            .map(|c| match c {
                '●' | '◉' | '⬛' => '☒',
                '○' | '⬜' => '☐',
                c => c,
            })
            .collect::<String>()
            .into(),
        false => value.into(),
    };
    let Some((chosen, _)) = boxes(&value) else { return blanks(&value) };
    Some(match chosen.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["ja"] => Some(true),
        ["nej"] => Some(false),
        _ => None,
    })
}

/// Yes and no as a paper form's blanks, each mark after its option: "Ja __ Nej X", "Ja: ___ Nej:
/// _X_" (review 14). Like [`ticked`]; `None` unless the answer is just the two options and their marks.
fn blanks(value: &str) -> Option<Option<bool>> {
    memchr::memchr(b'_', value.as_bytes())?;
    let tokens: Vec<&str> = value.split_whitespace().map(|t| t.trim_end_matches(':')).collect();
    let [a, mark_a, b, mark_b] = tokens[..] else { return None };
    // Some(ticked) for "X", "_X_", "__"; None for a word.
    let mark = |t: &str| {
        let inner = t.trim_matches('_');
        (inner.is_empty() || inner.eq_ignore_ascii_case("x")).then_some(!inner.is_empty())
    };
    let option = |t: &str| match t.to_lowercase().as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    };
    let (a, b) = (option(a)?, option(b)?);
    if a == b {
        return None;
    }
    Some(match (mark(mark_a)?, mark(mark_b)?) {
        (true, false) => Some(a),
        (false, true) => Some(b),
        _ => None,
    })
}

/// Whether a line of boxes closes the item (see [`ticked_closed`]); `None` for a line without
/// boxes. Its words are options, not a mark: "Åben ☒ Lukket ☐" is open (review 10).
pub(in crate::parse) fn box_answer(text: &str) -> Option<bool> {
    may_have_boxes(text).then(|| boxes(&crate::parse::inline::plain(text)).map(|_| ticked_closed(text))).flatten()
}

/// Drawn boxes, and the Wingdings boxes a PDF of a Word form keeps as private-use characters
/// (pdftotext writes U+F0FE "þ" ☑, U+F078 "x" ☒, U+F0FD "ý" ☒ and U+F0A8 "¨" ☐, U+F06F "o" ☐,
/// U+F071 "q" ❑; review 15).
const TICKED: [char; 9] = ['☒', '☑', '✓', '✔', '■', '⊠', '\u{F0FE}', '\u{F078}', '\u{F0FD}'];
const EMPTY: [char; 6] = ['☐', '□', '▢', '\u{F0A8}', '\u{F06F}', '\u{F071}'];
/// Boxes typed as brackets: "[X]", "[ ]", and "(X)", "( )", "( X )" (review 10).
const TYPED: [(&str, &str); 10] = [
    ("[ X ]", "☒"),
    ("[ x ]", "☒"),
    ("( X )", "☒"),
    ("( x )", "☒"),
    ("[X]", "☒"),
    ("[x]", "☒"),
    ("[ ]", "☐"),
    ("(X)", "☒"),
    ("(x)", "☒"),
    ("( )", "☐"),
];

/// Boxes typed with more spaces inside ("(  )", "(  X  )"; review 13) as [`TYPED`] has them.
fn tight_boxes(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find(['(', '[']) {
        out.push_str(&rest[..at]);
        let close = if rest.as_bytes()[at] == b'(' { ')' } else { ']' };
        let inner = rest[at + 1..].split_once(close).map(|(inner, _)| inner).filter(|i| {
            let t = i.trim();
            i.len() > t.len() + 1 && (t.is_empty() || t.eq_ignore_ascii_case("x"))
        });
        match inner {
            Some(inner) => {
                let t = inner.trim();
                out.push(rest.as_bytes()[at] as char);
                out.push_str(if t.is_empty() { " " } else { t });
                out.push(close);
                rest = &rest[at + 1 + inner.len() + 1..];
            }
            None => {
                out.push(rest.as_bytes()[at] as char);
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `text` has a box drawn or typed, asked of many lines: most have no bracket and no byte
/// E2 or EF (a drawn or a Wingdings box's lead byte) and are decided on that.
fn may_have_boxes(text: &str) -> bool {
    (memchr::memchr3(b'[', b'(', 0xE2, text.as_bytes()).is_some() || memchr::memchr(0xEF, text.as_bytes()).is_some())
        && (text.contains(TICKED)
            || text.contains(EMPTY)
            || TYPED.iter().any(|(typed, _)| text.contains(typed))
            || (text.contains("  ") && {
                let text = tight_boxes(text);
                TYPED.iter().any(|(typed, _)| text.contains(typed))
            }))
}

/// A form's boxes without a label that offer a closed option: "Åben [ ] Lukket [X]", "☐ Offentlig
/// ☒ Ikke offentlig". Closed unless only an open option ("Åben", "Offentlig") is ticked: boxes
/// without one ticked answer nothing that can be trusted (review 9).
fn ticked_closed(text: &str) -> bool {
    if text.len() > 120 || !may_have_boxes(text) {
        return false;
    }
    let open = |w: &str| matches!(w, "åben" | "åbent" | "offentlig" | "offentligt");
    // A label of the item's status before them is no option ("Status: (x) Åben ( ) Lukket";
    // review 12: "status" was taken as the ticked option); a subject's is ("Svømmehallen: Åben ( )
    // Lukket (X)" says the pool is closed), and an option's own colon stays ("Åben: ☐ Lukket: ☒").
    let plain = to_plain(text);
    let status = |l: &str| matches!(l.trim().to_lowercase().as_str(), "status" | "behandling" | "type" | "sagstype");
    let text = match plain.split_once(':') {
        Some((label, rest)) if status(label) => rest,
        _ => plain.as_str(),
    };
    let Some((chosen, options)) = boxes(text) else { return false };
    // Only options beside the boxes: "Vejen (x) er lukket for trafik" is a sentence.
    let option = |w: &String| {
        open(w)
            || closing_word(w)
            || w.starts_with("ikke ")
            || w.starts_with("ej ")
            || matches!(w.as_str(), "ikke" | "punkt" | "sag")
    };
    if !options.iter().all(option) {
        return false;
    }
    let offers_closed = options.iter().any(|w| closing_word(w)) || text.to_lowercase().contains("ikke offentlig");
    offers_closed && !(chosen.len() == 1 && open(&chosen[0]))
}

/// A field's label and answer: around its colon, or else around a dash between spaces or a gap of
/// two spaces, as a field may be written without a colon ("Offentlig – Nej", "Offentlig  Nej").
fn label_and_answer(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    if let Some(parts) = text.split_once(':') {
        return Some(parts);
    }
    // Most lines have no colon: their first bytes rule them out before any search.
    if !starts_with_public_label(text) {
        return None;
    }
    // "Er punktet offentligt? Nej": a question and its answer.
    // (Also with a no-break space or none after the question mark; review 10.)
    if let Some(at) = memchr::memchr(b'?', text.as_bytes()) {
        return Some((&text[..at], text[at + 1..].trim_start()));
    }
    // "Offentlig ( ) Ja ( X ) Nej": boxes of yes and no after the label (review 12).
    if may_have_boxes(text) {
        // Before the first box or option, whichever comes first ("Offentlig Ja ☐ Nej ☒").
        let option = |w: &str| w.eq_ignore_ascii_case("ja") || w.eq_ignore_ascii_case("nej");
        let word = text
            .split_whitespace()
            .find(|w| option(w.trim_end_matches(':')))
            .map(|w| w.as_ptr() as usize - text.as_ptr() as usize);
        let mark = text.find(|c: char| matches!(c, '(' | '[') || TICKED.contains(&c) || EMPTY.contains(&c));
        let at = [word, mark].into_iter().flatten().min();
        let yes_no = |v: &str| {
            let v = crate::parse::inline::plain(v).to_lowercase();
            words_of(&v).all(|w| matches!(w, "ja" | "nej" | "x")) && words_of(&v).any(|w| w == "nej")
        };
        if let Some(at) = at.filter(|&at| at > 0 && yes_no(&text[at..])) {
            return Some((text[..at].trim_end(), &text[at..]));
        }
    }
    // … or an arrow, an equals sign, a semicolon or another dash (review 15).
    [" - ", " – ", " — ", "  ", " ‒ ", " − ", " = ", " -> ", " → ", " ; ", "; ", "="]
        .iter()
        .find_map(|sep| text.split_once(sep))
}

/// "Offentlig:" (or "Lukket:") alone on its line, the label of [`public_field`] whose answer is on the next.
pub(in crate::parse) fn public_label(text: &str) -> bool {
    let t = field_text(text);
    let t = t.trim_end();
    t.ends_with(':') && t.len() <= 40 && ["Nej", "Ja"].iter().any(|a| public_field(&format!("{t} {a}")) == Some(true))
}

/// True (with a warning naming the line) if a line of open item `number`'s text says it is not
/// public as a field of its own line ([`public_no_line`]), also further down than the fields under
/// the heading that [`full_title`] reads: a system may write it under a first paragraph or table,
/// or among fields repeated at a page break, and a field that says so is no sentence.
pub(in crate::parse) fn public_no_in(body: &[Line], own: Own<'_>, cx: &mut Ctx) -> bool {
    let number = own.number.unwrap_or_default();
    let Some(l) = closing_field(body, own).map(|k| &body[k]) else {
        return false;
    };
    cx.warn(l.no, format!("item {number} is closed by \"{}\" in its text, and not published", clip(l.text.trim())));
    true
}

/// What is known of the item whose text is read: its number and its own case number. A row may
/// name the item before its fields ("Punkt 1<br>Offentlig<br>Nej"), and a table may list other
/// cases with their status.
#[derive(Debug, Clone, Copy, Default)]
pub(in crate::parse) struct Own<'a> {
    pub number: Option<u32>,
    /// Its case number as its title and the line under its heading give it (both, if they differ).
    pub cases: &'a [CaseNumber],
    /// Its title, as a record's subject column may name it.
    pub title: &'a str,
}

/// The first line of `body` that says, as a field, that the item `own` is not public (see
/// [`public_no_in`]): also a row that names the item first (see [`names_item_first`]), but not a row
/// of a table of cases with their status that says it of another case (see [`lists_other_cases`]).
pub(in crate::parse) fn closing_field(body: &[Line], own: Own<'_>) -> Option<usize> {
    // The label with its answer on the next line ("Offentlig:" / "Nej"), or after a line break
    // ("Offentlig<br>" / "Nej", "Offentlig\\" / "Nej"), read as one line.
    // The next line is looked for only after a label or break: looked for first, a run of 100,000
    // blank lines took 5.5 s.
    let answered = |k: usize| {
        let l = &body[k];
        let broken = l.hard_break || field_text(l.text).ends_with('\t');
        // … or the label alone without its colon ("Offentlig" / "( ) Ja ( X ) Nej"; review 13).
        let alone = || {
            let t = l.text.trim();
            t.len() <= 40
                && !has_byte(t, b':')
                && starts_with_public_label(t)
                && public_field(&format!("{t}: Nej")).is_some()
        };
        if !(broken || public_label(l.text) || alone()) {
            return None;
        }
        let next = (k + 1..body.len()).find(|&n| !body[n].is_empty_to_reader())?;
        public_no_line(&format!("{}\t{}", l.text.trim_end_matches('\\'), body[next].text.trim())).then_some(next)
    };
    // An HTML table or row written over lines, a tag or a cell a line ("<tr>" / "<td>Offentlig</td>"
    // / "<td>Nej</td>" / "</tr>"), read whole from its first line as the line it would be: its rows,
    // and a table of one record by columns (a quote's ">" left out). A table starts at "<table>",
    // or at a row that does not continue a table above it; a table inside one read already is read
    // on its own only if it is closed, so each line is read a bounded number of times.
    let tags: Vec<TableTags> = match body.iter().any(|l| has_byte(l.text, b'<')) {
        true => body.iter().map(TableTags::of).collect(),
        false => Vec::new(),
    };
    let mut read_to = 0;
    let mut html_table = |k: usize| {
        let t = tags.get(k).filter(|t| t.opens > 0 || t.starts_row)?;
        let before = body[..k].iter().rev().find(|l| !l.is_empty_to_reader());
        let continues = || before.is_some_and(|l| table_line(l) && !has_tag(l.text, &["/table"]));
        if t.opens == 0 && (k < read_to || continues()) {
            return None;
        }
        let (end, closed) = html_table_end(&body[k..], &tags[k..]).filter(|&(end, _)| end > 0)?;
        if k < read_to && !closed {
            return None;
        }
        read_to = read_to.max(k + end + 1);
        let table: Vec<&str> = body[k..=k + end].iter().map(|l| l.text.trim().trim_start_matches('>').trim()).collect();
        let table = table.join(" ");
        let own_table = || own_record(&field_text(&table).lines().collect::<Vec<_>>(), own);
        (public_no_line(&table) || own_table()).then_some(k + end)
    };
    // A table of one record written by columns over lines, see [`column_fields`]: its first record
    // says so, or a record of the item's own case among others' does (see [`own_record`]).
    let record_closes = |rows: &[&str]| {
        let first = &rows[..rows.len().min(4)];
        column_fields(first).iter().any(|f| public_no_line(f) || field_says_closed(f)) || own_record(rows, own)
    };
    let row = |l: &Line| l.kind == Kind::Text && pipe_cells(&field_text(l.text)).is_some();
    let by_columns = |k: usize| {
        if !row(&body[k]) || (k > 0 && row(&body[k - 1])) {
            return None;
        }
        let n = body[k..].iter().take(HTML_TABLE_LINES).take_while(|l| row(l)).count();
        let rows: Vec<Cow<str>> = body[k..k + n].iter().map(|l| field_text(l.text)).collect();
        let rows: Vec<&str> = rows.iter().map(|r| &**r).collect();
        record_closes(&rows).then_some(k + n - 1)
    };
    // … and by tabs ("Sagsnr.<tab>Offentlig" / "24/1002<tab>Nej"; review 10), read as the pipe rows
    // they are from a header of labels that asks whether the item is public (a contents' entry
    // "Lukket.....<tab>16" is none).
    let tab_cells = |l: &Line| (l.kind == Kind::Text).then(|| tab_row(l.text)).flatten();
    let by_tabs = |k: usize| {
        let header = body[k].text;
        // Labels, no figures or leaders; one asks whether the item is public, or for its status.
        let labels = || {
            let cells = || header.split('\t').map(|c| c.trim().trim_matches(['*', '_']));
            let figure = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            !header.contains("..")
                && !cells().any(figure)
                && cells().any(|c| starts_with_public_label(c) || c.eq_ignore_ascii_case("status"))
        };
        if !has_byte(header.trim_matches('\t'), b'\t') || !labels() || (k > 0 && tab_cells(&body[k - 1]).is_some()) {
            return None;
        }
        // Rows may stand a blank line apart, as a PDF's export spaces them (review 11).
        let (mut rows, mut last) = (Vec::new(), k);
        for (j, l) in body.iter().enumerate().skip(k).take(HTML_TABLE_LINES) {
            match tab_cells(l) {
                Some(row) => {
                    rows.push(row);
                    last = j;
                }
                None if l.is_empty_to_reader() => {}
                None => break,
            }
        }
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        record_closes(&rows).then_some(last)
    };
    // A record laid out with spaces, its labels over its answers ("Sagsnr.        Offentlig" /
    // "24/1002        Nej"; review 9).
    let by_layout = |k: usize| {
        let l = &body[k];
        if !tables::may_be_layout_row(l.text, l.indent) || (k > 0 && !body[k - 1].is_empty_to_reader()) {
            return None;
        }
        let n =
            body[k..].iter().take(HTML_TABLE_LINES).take_while(|l| tables::may_be_layout_row(l.text, l.indent)).count();
        let rows: Vec<(usize, &str)> = body[k..k + n].iter().map(|l| (l.indent, l.text)).collect();
        let cells = tables::layout_table(&rows)?;
        // Read as the pipe rows it stands for, by the same reader as a table by tabs.
        let rows: Vec<String> = cells.iter().map(|row| tables::pipe_row(row)).collect();
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        record_closes(&rows).then_some(k + n - 1)
    };
    let names_item = |k: usize| own.number.is_some_and(|n| names_item_first(body[k].text, n));
    // An HTML table of the item's record on one line (over lines it is read above).
    let own_line = |k: usize| {
        let html = !own.cases.is_empty() && has_byte(body[k].text, b'<');
        html && match field_text(body[k].text) {
            Cow::Owned(t) => own_record(&t.lines().collect::<Vec<_>>(), own),
            Cow::Borrowed(_) => false,
        }
    };
    // A mark on a line of its own anywhere in the text ("24/1003" / "Side 3" / "Lukket punkt"),
    // set apart by blank lines, closes the item. Set close to other lines, it does only in the
    // item's head, where only the case number, fields and a page's head, foot or number stand
    // before it ("17/171" / "Høje-Taastrup Kommune" / "Lukket punkt" / "Baggrund", as pdftotext
    // writes a page break), and only when it starts with a capital as a mark does: in the text, a
    // list of opening hours ("Rådhuset" / "Lukket") or a sentence wrapped to "lukket punkt." is
    // no mark.
    let blank = |l: Option<&Line>| l.is_none_or(Line::is_empty_to_reader);
    let head_line = |l: &Line| {
        let t = l.text;
        // The item's heading repeated at a page's top ("2. Salg af grund (fortsat)") belongs to
        // the head too: any heading there is a repeat, as the next item's would have ended this one.
        l.is_empty_to_reader()
            || case_in(t).is_some()
            || is_field(t)
            || crate::parse::normalize::page_furniture(t)
            || crate::parse::items::repeated_heading(t)
    };
    let head_end = std::cell::LazyCell::new(|| body.iter().position(|l| !head_line(l)).unwrap_or(body.len()));
    // A section's heading right above counts as a blank line ("Sagsfremstilling" / "Lukket
    // punkt" / "", realistic leak review).
    let heading = |l: &Line| {
        matches!(l.kind, Kind::Heading(_))
            || (l.text.len() <= 60 && crate::parse::sections::kind_of(&to_plain(l.text)).is_some())
    };
    // … and so does a short line set apart above it that may be a sub-item's heading the readers
    // of items do not know ("Ad b) Personalesag" / "Ikke offentlig", "ii) Personalesag"; review
    // 17): the mark closes the whole item. Not a day of a place's hours ("Lørdag" / "Lukket").
    let titled = |k: usize| {
        let l = &body[k];
        let raw = l.text.trim();
        l.kind == Kind::Text
            && raw.len() <= 80
            && (k == 0 || blank(body.get(k - 1)))
            && (numbered(raw) || case_in(raw).is_some())
            && {
                let t = to_plain(raw);
                let t = t.trim();
                !t.ends_with(['.', ',', ':', ';']) && !crate::parse::dates::is_day(t)
            }
    };
    let mark_alone = |k: usize| {
        // Every line of every item comes here: the cheap questions first, where it stands last.
        let t = body[k].text;
        let apart = || {
            blank(body.get(k + 1))
                && (blank(body.get(k - 1)) || body.get(k - 1).is_some_and(heading) || (k > 0 && titled(k - 1)))
        };
        let in_head = || capital_first(t) && starts_as_mark(t) && k <= *head_end;
        // Not the slice's first line: what stands above it is not known here (right above the
        // next heading, the mark is that item's; see `marked_above`). A label ("Lukket:") is
        // answered below, and its answer decides (see `answered`).
        // A mark may give its reason after it ("Lukket – køb og salg af fast ejendom").
        // … or a phrase that says so, set apart as under the heading ("Ikke offentlig", "Undtaget
        // fra offentlighed"; review 9 found them published in the text), asked only of lines
        // starting as one may.
        // (Also "Offentliggøres ikke", "Publiceres ikke"; review 16.)
        let phrase = || {
            apart()
                && t.trim_start_matches(['*', '_', ' ', '(', '['])
                    .starts_with(['I', 'i', 'E', 'e', 'U', 'u', 'M', 'm', 'K', 'k', 'O', 'o', 'P', 'p'])
                && is_mark(to_plain(t).trim())
        };
        // … and a short sentence or status field that says so of the item, set apart ("Punktet er
        // lukket.", "Sagen er fortrolig", "Status: Ikke offentlig"; review 16), not "Sagen er
        // lukket." (the case is finished) nor a place's hours ("Lørdag: Lukket").
        let said = || apart() && said_of_item(t);
        // … or a mark that the item is internal or holds personal data ("Internt", "Til intern
        // brug", "Personfølsomt", "Klassifikation: Intern"; review 16).
        // (A word alone counts right under a line that may be a sub-item's heading: "ii)
        // Personalesag" / "Internt".)
        let under_title = || k > 0 && !blank(body.get(k - 1)) && titled(k - 1);
        let restricted = || {
            apart()
                && (crate::parse::restricted::line(t, under_title())
                    || crate::parse::restricted::field(t)
                    || crate::parse::items::signed_case_line(t))
        };
        let mark = || {
            closing_line(t, false)
                || mark_with_reason(t)
                || phrase()
                || crate::parse::normalize::closed_page_foot(t)
                || said()
                || restricted()
        };
        k > 0
            && (apart() || capital_first(t))
            && mark()
            && (apart() || in_head())
            && !to_plain(t).trim_end().ends_with(':')
    };
    // A mark wrapped over the two lines of a paragraph of its own ("Punktet behandles for" /
    // "lukkede døre."; review 15), read at its second line, joined.
    let wrapped = |k: usize| {
        let prev = &body[k.checked_sub(1)?];
        let apart = blank(body.get(k + 1)) && (k < 2 || blank(body.get(k - 2)) || heading(&body[k - 2]));
        if !(prev.runs_on_to(&body[k]) && apart) {
            return None;
        }
        let joined = format!("{} {}", prev.text.trim(), body[k].text.trim());
        (closing_line(&joined, false) || mark_with_reason(&joined) || is_mark(to_plain(&joined).trim())).then_some(k)
    };
    // The last line of what closes the item, read from line k.
    let mut closes = |k: usize| {
        let line = |yes: bool| yes.then_some(k);
        line(public_no_line(body[k].text) || mark_alone(k) || ticked_closed(body[k].text))
            .or_else(|| wrapped(k))
            .or_else(|| answered(k))
            .or_else(|| html_table(k))
            .or_else(|| by_columns(k))
            .or_else(|| by_tabs(k))
            .or_else(|| by_layout(k))
            .or_else(|| line(names_item(k) || own_line(k)))
    };
    let mut others = OtherCases::default();
    // A tab header of labels only ("Emne<tab>Status") heads a row below that may close (review 14):
    // read as such a header only.
    let header = |k: usize| has_byte(body[k].text, b'\t') && body[k + 1..].iter().take(2).any(|l| l.may_close);
    let mut reads = |k: usize| match body[k].may_close {
        true => closes(k),
        false if header(k) => by_tabs(k),
        false => None,
    };
    (0..body.len()).find(|&k| reads(k).is_some_and(|end| !others.exempt(body, k, end, own.cases)))
}

/// A row of cells separated by tabs (runs of them, as tabs also align) as a pipe row; `None` for
/// a line without a tab between two cells.
pub(super) fn tab_row(text: &str) -> Option<String> {
    let inner = text.trim_matches('\t');
    if !has_byte(inner, b'\t') {
        return None;
    }
    let cells: Vec<&str> = inner.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect();
    (cells.len() >= 2).then(|| tables::pipe_row(&cells))
}

/// Whether `t` starts as a sub-item's heading does, numbered or lettered: "2.2 Personalesag", "b)
/// Personalesag", "Ad b) …", "ii) …", "Underpunkt 2: …", "Sag b: …", "- 2.2 …".
fn numbered(t: &str) -> bool {
    let t = t.trim_start_matches(['-', '•', '*', '#', ' ', '(']);
    let t = ["ad punkt ", "ad ", "underpunkt ", "punkt ", "pkt. ", "pkt ", "sag "]
        .iter()
        .find_map(|p| crate::parse::inline::strip_prefix_ci(t, p))
        .unwrap_or(t);
    let Some((token, rest)) = t.split_once([' ', '\t']) else { return false };
    let token = token.trim_end_matches([')', '.', ':']);
    let lower = token.to_lowercase();
    let numeral = token.len() <= 6
        && token.bytes().any(|b| b.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.');
    let letter = token.chars().count() == 1 && token.chars().all(char::is_alphabetic);
    let roman = (1..=4).contains(&lower.len()) && lower.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    !rest.trim().is_empty() && (numeral || letter || roman)
}

/// A quick look for [`starts_as_mark`]: the first byte past list marks, brackets and emphasis is an
/// ASCII capital.
fn capital_first(text: &str) -> bool {
    text.bytes()
        .find(|b| !matches!(b, b'-' | b'*' | b'_' | b'#' | b'(' | b'[' | b'>' | b' '))
        .is_some_and(|b| b.is_ascii_uppercase())
}

/// True if the first letter of `text`, past list marks and brackets ("- Lukket", "(Lukket punkt)"),
/// is a capital: how a line that marks an item closed starts, and a sentence's middle does not.
fn starts_as_mark(text: &str) -> bool {
    to_plain(text).chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
}

/// True if `text` is a row that names item `number` first, perhaps with its title, and then says
/// as fields that it is not public: "Punkt 1<br>Offentlig<br>Nej", "| Punkt 1 | Personalesag |
/// Offentlig | Nej |" in item 1's text. Naming another item, it lists that one (see [`row_fields`]).
fn names_item_first(text: &str, number: u32) -> bool {
    static LOWER: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("unkt"));
    static UPPER: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("UNKT"));
    let b = text.as_bytes();
    if b.len() > 300 || LOWER.find(b).is_none() && UPPER.find(b).is_none() {
        return false;
    }
    let is_item = |cell: &str| {
        let plain = to_plain(cell).to_lowercase();
        let rest = plain.trim().trim_end_matches([':', '.']).strip_prefix("punkt");
        rest.is_some_and(|r| r.trim().parse() == Ok(number))
    };
    field_text(text).lines().any(|row| {
        let cells: Vec<&str> = match pipe_cells(row) {
            Some(cells) => cells,
            None => row.split('\t').map(str::trim).collect(),
        };
        let cells: Vec<&str> = cells.into_iter().filter(|c| !c.is_empty()).collect();
        let [first, rest @ ..] = &cells[..] else { return false };
        // The item's title may follow its number.
        let fields = match rest {
            [title, more @ ..]
                if !is_field(title) && label_value(&[title, more.first().copied().unwrap_or("")]).is_none() =>
            {
                more
            }
            _ => rest,
        };
        is_item(first) && !fields.is_empty() && public_no_row(&tables::pipe_row(fields))
    })
}

/// True if `text` is a line that says, as a field, that its item is not public: "Offentlig: Nej",
/// "Åben: Nej, jf. § 30", "| Offentlig | Nej |", also in a list, quote or heading ("- Offentlig:
/// Nej", "### Offentlig: Nej") or beside other fields in a layout line ("Sagsansvarlig: Karen Holm
/// <spaces> Offentlig: Nej"). The answer is a bare "Nej", with a reference to the law at most:
/// "Offentlig: Nej (punkt 2)" in a list of which items are closed, or "Åben: Nej 3 stemmer", says
/// something else. Also written with the colon escaped, bars of another kind or as an HTML row,
/// see [`field_text`]; an HTML table of one record by columns, see [`column_fields`]. Its first
/// bytes decide most lines, since every line of every open item is asked.
pub(in crate::parse) fn public_no_line(text: &str) -> bool {
    match field_text(text) {
        Cow::Borrowed(t) => public_no_row(t),
        Cow::Owned(t) => {
            let rows: Vec<&str> = t.lines().collect();
            rows.iter().any(|r| public_no_row(r)) || column_fields(&rows).iter().any(|f| public_no_row(f))
        }
    }
}

/// [`public_no_line`] of a line as [`field_text`] reads it.
pub(super) fn public_no_row(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['-', '+', '•', '>', '#', ' ']);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t.strip_prefix(". ").or_else(|| t.strip_prefix(") ")).unwrap_or(t);
    // Beside other fields in a layout line or a table row: a label further in, found by bytes its
    // spellings share.
    let further_in = || {
        static GAP: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("   "));
        let has = |w: &str| memchr::memmem::find(t.as_bytes(), w.as_bytes()).is_some();
        // (Or a narrower gap, before a colon: see `field_further_in`.)
        t.len() <= 200
            && (t.starts_with('|') || has_byte(t, b'\t') || GAP.find(t.as_bytes()).is_some() || has_byte(t, b':'))
            && (has("ffentlig")
                || has("FFENTLIG")
                || has("ben")
                || has("BEN")
                || has("ukket")
                || has("UKKET")
                || has("lassifi")
                || has("LASSIFI"))
    };
    if !(starts_with_public_label(t) || further_in()) {
        return false;
    }
    let says_no = |f: &str| public_answer(f) == Some((true, true));
    // A row's answer is its own cell ("| Offentlig | Nej | Karen Holm |"), or a cell is the whole
    // field ("| Status | Offentlig: Nej |"); a line's answer is what follows the colon.
    let cells: Option<Vec<&str>> = match pipe_cells(t) {
        Some(cells) => Some(cells.into_iter().filter(|c| !c.is_empty()).collect()),
        None => has_byte(t, b'\t').then(|| t.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect()),
    };
    if let Some(cells) = cells {
        // The row's first cell a label and the next its answer ("| Offentlig | Nej | Karen Holm |"),
        // or a row of fields, each a cell or a label and its answer side by side ("Sagsnr.<br>
        // 24/1004<br>Offentlig<br>Nej"); or a cell holding the field whole, perhaps broken over
        // lines ("| Offentlig<br>Nej |").
        let first = match cells[..] {
            [label, answer, ..] => label_value(&[label, answer]).is_some_and(|f| says_no(&f)),
            _ => false,
        };
        // Pairs of label and answer side by side, at least one besides the answer a field of the
        // item ("| Sagsansvarlig | Karen Holm | Mødested | Rådhuset | Offentlig | Nej |"): "Borgerservice
        // | Rådhuset | Åben | Nej" is no row of the item's fields.
        let pairs: Vec<String> = cells
            .chunks(2)
            .filter_map(|p| match p {
                [label, answer] => label_value(&[label, answer]),
                _ => None,
            })
            .collect();
        let paired = pairs.len() >= 2 && pairs.iter().any(|f| says_no(f));
        let in_row = first || paired || row_fields(&cells).is_some_and(|f| f.iter().any(|f| says_no(f)));
        if in_row || cells.iter().any(|c| fields(c).iter().any(|f| says_no(f))) {
            return true;
        }
    }
    // Any one of a line's fields or columns ("Offentlig: Nej <spaces> Bilag: 3"): what stands
    // beside it does not make it say something else.
    fields(t).iter().any(|f| says_no(f)) || field_further_in(t)
}

/// True if a public field that closes the item stands further in a line, after another field or
/// the case number with a narrow gap ("Sagsnr. 24/1002 Offentlig: Nej", "Sagsansvarlig: Lone Holm
/// | Offentlig: Nej", a heading's "Køb af ejendom Offentlig: Nej"; review 16: pdftotext without
/// `-layout` squashes the columns' gap to one space). Each colon's label is tried as the last one
/// to four words before it, its answer as what follows up to a separator.
pub(in crate::parse) fn field_further_in(t: &str) -> bool {
    if t.len() > 200 || memchr::memchr(b':', t.as_bytes()).is_none() {
        return false;
    }
    let says_no = |f: &str| public_answer(f) == Some((true, true));
    let colons: Vec<usize> = memchr::memchr_iter(b':', t.as_bytes()).collect();
    colons.iter().enumerate().any(|(k, &c)| {
        let from = if k == 0 { 0 } else { colons[k - 1] + 1 };
        let before = t[from..c].rsplit(['|', ';', ',', '\t']).next().unwrap_or("");
        let words: Vec<&str> = before.split_whitespace().collect();
        let after = &t[c + 1..];
        let answer = after.split(['|', ';', ',', '\t']).next().unwrap_or("").trim();
        let first = answer.split_whitespace().next().unwrap_or("");
        (1..=4.min(words.len())).any(|n| {
            let label = &words[words.len() - n..];
            // Only further in (a label that starts the line is read as the line's field), and
            // written as a label is, with a capital: "… om mødet var offentligt: nej, sagde …" is prose.
            // (Asked of most lines with a colon: a label's first bytes decide before any copy.)
            let at = label[0].as_ptr() as usize - t.as_ptr() as usize;
            if !(label[0].starts_with(char::is_uppercase) && starts_with_public_label(&t[at..c])) {
                return false;
            }
            let further = !t[..at].trim_matches(|c: char| c.is_whitespace() || "|;,".contains(c)).is_empty();
            let label = label.join(" ");
            further && (says_no(&format!("{label}: {answer}")) || says_no(&format!("{label}: {first}")))
        })
    })
}

/// True if a public field's answer, as written, says only that the item is closed: "Nej" (or
/// "Ikke") alone, or in a short phrase that says so ("Kan ikke offentliggøres", "Må ikke
/// offentliggøres", "Nej – lukket", "Ikke offentlig"), with the law after it ("Nej.", "**Nej**,
/// jf. § 30", "nej (lukket)") or, where the label can ask only about the item, the reason ("Offentlig:
/// Nej, da sagen indeholder …"; after "Åben" only a reason about the case, not "Åben: Nej, da
/// svømmehallen renoveres", as a place is open or not). For a label that asks whether it is closed ("Lukket: Ja"), a bare "Ja", with at most a
/// section ("jf. § 30") or the law on access to documents after it: "Lukket: Ja, da vejen graves
/// op" or "…, jf. færdselslovens § 92" is a road. "Nej (punkt 2 og 3)" lists other items, "Nej 3 stemmer" is a vote, "Nej, men
/// …" says more: none is bare.
fn bare_answer(answer: &str, label: &str) -> bool {
    let yes_closes = CLOSED_LABELS.contains(&label);
    let value = to_plain(answer).to_lowercase();
    // A reason about the case or the meeting ("idet sagen vedrører …", "for lukkede døre") is one
    // after "Åben" too.
    let of_item = || words_of(&value).any(|w| matches!(w, "sagen" | "sag" | "punktet" | "punkt" | "døre"));
    let reasons = !yes_closes && (!matches!(label, "åben" | "åbent") || of_item());
    // What follows "§" or "jf." is the law, what follows "da" the reason: any words.
    let (said, cited) = match value.split_once('§') {
        Some((said, _)) => (said, true),
        None => (value.as_str(), false),
    };
    let cites = |w: &str| matches!(w, "jf" | "jfr" | "jævnfør" | "iht");
    // The kind of case that is closed: "Offentlig: Nej, personsag".
    let kind = |w: &str| matches!(w, "personsag" | "personalesag" | "personsager" | "personalesager");
    let reason = |w: &str| reasons && matches!(w, "da" | "idet" | "fordi" | "grundet" | "pga");
    let words: Vec<&str> = words_of(said).take_while(|w| !cites(w) && !reason(w)).collect();
    let cited = cited || words_of(said).any(cites);
    if yes_closes {
        let access_law = ["offentlighedslov", "forvaltningslov", "styrelseslov"].iter().any(|l| value.contains(l));
        let other_law = value.contains("lov") && !access_law;
        let said_why = |w: &&str| closing_word(w) || kind(w);
        return matches!(words.first(), Some(&("ja" | "yes")))
            && words[1..].iter().all(said_why)
            && !(cited && other_law);
    }
    let says = |w: &str| matches!(w, "nej" | "ikke" | "ej" | "no" | "undtaget" | "undtages") || closing_word(w);
    let known = |w: &str| {
        says(w)
            || kind(w)
            || matches!(
                w,
                "kan"
                    | "må"
                    | "skal"
                    | "bør"
                    | "offentliggøres"
                    | "offentliggøre"
                    | "offentlig"
                    | "offentligt"
                    | "til"
                    | "offentliggørelse"
                    | "fra"
                    | "offentlighed"
                    | "offentligheden"
                    | "punkt"
                    | "sag"
            )
    };
    words.len() <= 6 && words.iter().all(|w| known(w)) && words.iter().any(|w| says(w))
}

/// True if `text` may start with a label of [`public_field`] ("Offentlig", "Åben", "Til
/// offentliggørelse", "Lukket", "Fortroligt"), also in a table cell or bold: a test of its first bytes.
fn starts_with_public_label(text: &str) -> bool {
    // Its callers read `text` through `field_text`, which has left its tags out ("<b>Offentlig").
    let t = text.trim_start_matches(['|', '*', '_', ' ', '\t']).as_bytes();
    let head = |n: usize, word: &str| t.get(..n).is_some_and(|h| h.eq_ignore_ascii_case(word.as_bytes()));
    head(3, "off")
        || head(3, "pub")
        || head(3, "akt")
        || head(3, "aab")
        || head(3, "er ")
        || head(4, "til ")
        || head(4, "kan ")
        || head(4, "må ")
        || head(5, "skal ")
        || head(6, "vises ")
        || head(6, "lukket")
        || head(9, "fortrolig")
        || head(6, "closed")
        || head(12, "confidential")
        // The grades' and personal data's labels ("Klassifikation", "Dataklassificering",
        // "Sikkerhedsniveau", "Fortrolighed", "Følsomhed", "Personoplysninger"; review 17).
        || head(6, "klassi")
        || head(8, "dataklas")
        || head(9, "sikkerhed")
        || head(10, "informatio")
        || head(6, "classi")
        || head(8, "security")
        || head(6, "person")
        || head(6, "adgang")
        || head(7, "tilgæng")
        || head(7, "synligh")
        || head(7, "distrib")
        || head(8, "sagsklas")
        || head(8, "sensitiv")
        || head(10, "indeholder")
        || head(4, "l/å")
        || head(4, "L/Å")
        || ["Åb", "åb", "ÅB", "Å/", "å/", "Føl", "føl", "FØL"].iter().any(|w| t.starts_with(w.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::fields::html::flatten_tags;
    use crate::parse::fields::rows::column_fields;
    use crate::parse::fields::{field_text, fields, open_status};

    #[test]
    fn public_fields() {
        for t in [
            "Offentlig: Nej",
            "Åben: Nej",
            "**Offentlig:** Nej.",
            "Offentlig: Nej, jf. offentlighedslovens § 30",
            // Regression (review of the fields): another label.
            "Offentliggøres: Nej",
            "Til offentliggørelse: Nej",
            // Regression (robustness review): a clerk's wording with a verb.
            "Må offentliggøres: Nej",
            "Kan offentliggøres: Nej",
            // Regression (review of the fields further down): no colon, and "Ikke" for "Nej".
            "Offentlig – Nej",
            "Offentlig - Nej",
            "Offentlig  Nej",
            "Offentlig: Ikke",
        ] {
            assert_eq!(public_field(t), Some(true), "{t}");
        }
        for t in ["Offentlig: Ja", "Åben: Ja", "ÅBEN: JA"] {
            assert_eq!(public_field(t), Some(false), "{t}");
            assert!(open_status(t), "{t}");
        }
        for t in ["Offentlig: Ja, delvist", "Offentlig høring: Nej", "Sagsansvarlig: Nej", "Offentlig nej"] {
            assert_eq!(public_field(t), None, "{t}");
        }
    }

    /// Regression (review 14): a paper form's blanks, the mark after its option.
    #[test]
    fn answers_in_blanks() {
        for t in
            ["Offentlig: Ja __ Nej X", "Offentlig: Ja: ___ Nej: _X_", "Lukket: Ja X Nej __", "Offentlig: Ja __ Nej __"]
        {
            assert_eq!(public_field(t), Some(true), "{t}");
        }
        for t in ["Offentlig: Ja X Nej __", "Offentlig: Ja _x_ Nej ___", "Lukket: Ja __ Nej X"] {
            assert_eq!(public_field(t), Some(false), "{t}");
        }
        assert_eq!(public_field("Offentlig: Ja ○ Nej ●"), Some(true));
        assert_eq!(public_field("Offentlig: Ja ⬛ Nej ⬜"), Some(false));
        // Wingdings boxes as pdftotext writes them (review 15).
        assert_eq!(public_field("Offentlig: Ja \u{F06F} Nej \u{F078}"), Some(true));
        assert_eq!(public_field("Offentlig: \u{F0FE} Ja \u{F0A8} Nej"), Some(false));
        // Not a form: a word where a mark would be.
        assert_eq!(blanks("Ja __ Nej tak"), None);
        assert_eq!(blanks("Nej X Nej __"), None);
    }

    /// Regression (adversarial review): answers in words, "Lukket"-labels, escaped colons, long
    /// lines with the law after a bare "Nej", and the same field in other bars or as an HTML row.
    #[test]
    fn public_fields_in_other_writings() {
        for t in [
            "Offentlig: Kan ikke offentliggøres",
            "Offentlig: Må ikke offentliggøres",
            "Offentlig: Nej – lukket",
            "Offentlig: Ikke til offentliggørelse",
            "Lukket: Ja",
            "Lukket punkt: Ja",
            "Lukket møde: Ja",
            "Fortroligt: Ja, jf. § 30",
            "Offentlig\\: Nej",
            "Offentlig&#58; Nej",
            "Offentlig&colon; Nej",
            "Offentlig： Nej",
            "Offentlig: Nej jf. offentlighedslovens § 30, nr. 1, da sagen indeholder oplysninger om enkeltpersoners \
             private forhold",
            "Offentlig: Nej, da sagen indeholder oplysninger om enkeltpersoners private forhold",
        ] {
            assert_eq!(public_answer(t), Some((true, true)), "{t}");
        }
        // Closed under the heading, but not bare: further down these say something else.
        for t in ["Offentlig: Nej (punkt 2 og 3)", "Åben: Nej 3 stemmer", "Offentlig: Nej, men referatet kommer senere"]
        {
            assert_eq!(public_answer(t), Some((true, false)), "{t}");
            assert!(!public_no_line(t), "{t}");
        }
        for t in [
            "Lukket: Nej",
            "Lukket vej: Ja",
            "Offentlig høring: Nej",
            "Offentlig: Kan offentliggøres",
            "Lukket: Ja 3 stemmer",
            // A long answer is a sentence unless a bare "Nej" and its law or reason start it.
            "Offentlig: Nej til at udsætte punktet, som borgerne har bedt om i flere henvendelser til forvaltningen",
        ] {
            assert_eq!(public_answer(t), None, "{t}");
        }
        for t in [
            "｜ Offentlig ｜ Nej ｜",
            "│ Offentlig │ Nej │",
            "┃ Offentlig ┃ Nej ┃",
            "<tr><td>Offentlig</td><td>Nej</td></tr>",
            "<table><tr><TD class=\"l\">Offentlig</TD><td><b>Nej</b></td></tr></table>",
            "<tr><th>Sagsnr.</th><th>Offentlig</th></tr><tr><td>16/1234</td><td>Nej</td></tr>",
            "Sagsnr.: 16/1234   Lukket: Ja",
            "- Lukket punkt: Ja",
        ] {
            assert!(public_no_line(t), "{t}");
        }
        for t in ["Offentlig<br>Nej", "Offentlig <BR/> Nej", "<b>Offentlig</b><br />Nej", "Offentlig:<br>Nej"] {
            assert!(public_no_line(t), "{t}");
        }
        assert_eq!(flatten_tags("a <br> b<BR/>c<br />d <brev> <br").as_deref(), Some("a\tb\tc\td  <br"));
        assert_eq!(flatten_tags("<p>Offentlig</p><p>Nej</p>").as_deref(), Some("\tOffentlig\tNej\t"));
        assert_eq!(
            flatten_tags("<p class=MsoNormal><b><span lang=DA>Offentlig:</span></b> Nej<o:p></o:p></p>").as_deref(),
            Some("\tOffentlig: Nej\t")
        );
        assert_eq!(
            flatten_tags("<tr><td>a</td><!-- <td>b</td> --><td>c</td></tr>").as_deref(),
            Some("<tr><td>a</td><td>c</td></tr>")
        );
        assert_eq!(flatten_tags("<tr><td>a</td></tr>"), None);
        assert_eq!(flatten_tags("a<!-- x -->b<!-- y -->c<!-- z").as_deref(), Some("abc"));
        assert_eq!(flatten_tags("a < b og c > d"), None);
        assert!(!public_no_line("Bibliotekets åbningstider<br>Nej, ikke ændret"));
        assert_eq!(fields("｜ Offentlig ｜ Nej ｜"), ["Offentlig: Nej"]);
        assert_eq!(fields("<tr><td>Offentlig</td><td>Ja</td></tr>"), ["Offentlig: Ja"]);
        assert_eq!(field_text("<td>Offentlig</td>"), "| Offentlig |");
        assert!(matches!(field_text("Sagsansvarlig: Karen Holm – Økonomi"), Cow::Borrowed(_)));
    }

    /// A table of one record by columns is its fields; a table of several rows, or of items, is not.
    #[test]
    fn column_tables() {
        assert_eq!(
            column_fields(&["| Sagsnr. | Offentlig |", "|---|---|", "| 16/1234 | Nej |"]),
            ["Sagsnr.: 16/1234", "Offentlig: Nej"]
        );
        assert_eq!(
            column_fields(&["| Sagsnr. | Offentlig: |", "| 16/1234 | Nej |"]),
            ["Sagsnr.: 16/1234", "Offentlig: Nej"]
        );
        assert!(column_fields(&["| Sagsnr. | Offentlig |", "|---|---|", "| 1 | Nej |", "| 2 | Ja |"]).is_empty());
        assert!(column_fields(&["| Punkt | Offentlig |", "|---|---|", "| 2 og 3 | Nej |"]).is_empty());
        assert!(column_fields(&["| Offentlig | Nej |"]).is_empty());
    }

    /// Regression (review of the fields): a table row with a label and its value is read as the
    /// field written with a colon, by the same readers; fields side by side stay apart.
    #[test]
    fn table_rows_are_fields() {
        for (t, want) in [
            ("| Offentlig | Nej |", vec!["Offentlig: Nej"]),
            ("| Offentlig: | Nej |", vec!["Offentlig: Nej"]),
            ("| **Åben** | Nej |", vec!["Åben: Nej"]),
            ("| **Offentlig:** | Nej |", vec!["Offentlig: Nej"]),
            ("Offentlig | Nej", vec!["Offentlig: Nej"]),
            ("Udvalg: Økonomiudvalget | Byrådet", vec!["Udvalg: Økonomiudvalget | Byrådet"]),
            ("| Offentlig | Ja | |", vec!["Offentlig: Ja"]),
            ("| Offentlig | Nej | jf. offentlighedslovens § 30 |", vec!["Offentlig: Nej jf. offentlighedslovens § 30"]),
            ("Offentlig\tNej", vec!["Offentlig: Nej"]),
            ("<b>Offentlig</b>\t<b>Nej</b>", vec!["Offentlig: Nej"]),
            ("Offentlig:     Nej", vec!["Offentlig: Nej"]),
            ("| Sagsansvarlig | Karen Holm |", vec!["Sagsansvarlig: Karen Holm"]),
            ("Sagsnr.: 24/4001\tÅben sag", vec!["Sagsnr.: 24/4001", "Åben sag"]),
            ("Åben sag\tSagsansvarlig: Karen Holm", vec!["Åben sag", "Sagsansvarlig: Karen Holm"]),
            ("| Felt | Værdi |", vec!["Felt", "Værdi"]),
            ("|---|---|", vec!["---", "---"]),
        ] {
            assert_eq!(fields(t), want, "{t}");
        }
        let closed = |t: &str| fields(t).iter().any(|f| public_field(f) == Some(true));
        for t in
            ["| Offentlig | Nej |", "| Åben | Nej |", "| Offentlig: | Nej |", "Offentlig\tNej", "| Åben | Nej | § 30 |"]
        {
            assert!(closed(t), "{t}");
        }
        for t in ["| Offentlig | Ja |", "| Åben | Ja |"] {
            assert!(!closed(t) && fields(t).iter().all(|f| open_status(f)), "{t}");
        }
    }

    /// Regression guard for [`Line::may_close`]: every way the readers below it close an item still
    /// reaches them, and plain text does not.
    #[test]
    fn only_lines_that_may_close_are_read() {
        for t in [
            "Offentlig: Nej",
            "ÅBEN: NEJ",
            "OfFeNtLiG: nej",
            "Off**entlig**: Nej",
            "**Off**entlig: Nej",
            "Lukket punkt",
            "LUKKET",
            "Ikke til offentliggørelse",
            "Fortroligt",
            "| Offentlig | Nej |",
            "| Status | Offentlig: Nej |",
            "Offentlig<br>Nej",
            "<td>Offentlig</td><td>Nej</td>",
            "Ｏｆｆｅｎｔｌｉｇ: Nej",
            "Offentlig&#58; Nej",
            "Offentlig:\nNej",
            "Offentlig\\\nNej",
            "Sagsbehandler: Karen Holm\tOffentlig: Nej",
        ] {
            let text = format!("Tekst om sagen.\n\n{t}\n\nMere tekst.\n");
            let doc = crate::parse::normalize::document(&text);
            assert!(closing_field(&doc.lines, Own::default()).is_some(), "{t:?}");
        }
        for t in ["Sagen vedrører budgettet for 2017.", "Der blev ikke truffet beslutning.", "**Bilag**: Notat.pdf"] {
            let doc = crate::parse::normalize::document(t);
            assert!(!doc.lines[0].may_close, "{t:?}");
        }
    }
}
