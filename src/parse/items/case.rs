//! An item's case numbers: the line under its heading, one written into its title, and the
//! others its first lines name (which tell its own fields from a table of other cases).

use super::head::{head_of, push_title_line};
use crate::case::CaseNumber;
use crate::model::AgendaItem;
use crate::parse::fields::{columns, fields, is_field};
use crate::parse::inline::{find_ci, plain, strip_prefix_ci};
use crate::parse::normalize::Line;
use crate::parse::tables::pipe_cells;
use crate::parse::toc::clip;
use crate::parse::{has_byte, Ctx};

/// Lines under an item's heading whose case numbers count as its own (see [`own_case`]).
const OWN_CASE_LINES: usize = 3;

/// The item's own case numbers: the one of its title and the one under its heading (see
/// [`case_number`]), and every other written into its title or on the first lines under its
/// heading ("Sagsnr.: 24/1005, 24/1001", "(tidl. 24/1001)", a second case line). They tell the
/// item's own fields from a table of other cases' in its text, and any of them may be the one a
/// table names: with one left out, its row was read as another case's and the item published.
pub(super) fn own_case(title: &str, body: &[Line]) -> Vec<CaseNumber> {
    let mut own: Vec<CaseNumber> = case_in_title(title).map(|(_, case)| case).into_iter().collect();
    own.extend(head_of(body).case.map(|(_, case)| case).filter(|c| !own.contains(c)));
    let head = body.iter().filter(|l| !l.is_empty_to_reader()).take(OWN_CASE_LINES).map(|l| l.text);
    add_cases_in(std::iter::once(title).chain(head), &mut own);
    own
}

/// Adds to `cases` every case number mentioned in `texts` that it does not hold yet.
fn add_cases_in<'a>(texts: impl Iterator<Item = &'a str>, cases: &mut Vec<CaseNumber>) {
    for t in texts {
        crate::mention::each_mention(t, |_, m| {
            if let crate::mention::Mention::Case(c) = m {
                if !cases.contains(&c) {
                    cases.push(c);
                }
            }
        });
    }
}

/// Reads the case number line after the heading (with a title line the PDF wrapped before it, and
/// the fields around it, which are dropped); returns the lines after them.
pub(super) fn case_number<'l, 'a>(item: &mut AgendaItem, body: &'l [Line<'a>], cx: &mut Ctx) -> &'l [Line<'a>] {
    let head = head_of(body);
    match head.case {
        Some((_, case)) => {
            if !item.closed {
                head.wrapped.iter().for_each(|&w| push_title_line(&mut item.title, body[w].text));
            }
            item.case = Some(case);
        }
        None => {
            let first = body[head.end..].iter().enumerate().find(|(_, l)| !l.is_empty_to_reader());
            if let Some((i, l)) = first.filter(|(_, l)| looks_like_case_number(l.text) && !item.closed) {
                cx.warn(l.no, format!("item {}: \"{}\" is not a valid case number", item.number, clip(l.text)));
                return &body[head.end + i + 1..];
            }
            if item.case.is_none() {
                let message = format!("item {} has no case number (expected a line like \"16/26813\")", item.number);
                cx.warn(item.line, message);
            }
        }
    }
    &body[head.end..]
}

/// A case number written into the heading: "Title (16/26813)", "Title - Sagsnr. 16/26813".
/// Returns the title without it.
pub(super) fn case_in_title(title: &str) -> Option<(&str, CaseNumber)> {
    let t = title.trim_end();
    let (rest, tail) = match t.strip_suffix(')') {
        Some(inner) => inner.rsplit_once('(')?,
        None => {
            let at = find_ci(t, "sagsnr")?;
            (&t[..at], &t[at..])
        }
    };
    let tail = tail.trim();
    let number = ["sagsnr.", "sagsnr", "sag nr."]
        .iter()
        .find_map(|l| strip_prefix_ci(tail, l))
        .unwrap_or(tail)
        .trim_start_matches([':', ' ']);
    let case = number.parse().ok()?;
    Some((rest.trim_end().trim_end_matches([',', '-', '–', ' ']), case))
}

/// "16/26813", "Sagsnr.: 16/26813", "00.01.00-A00-1-21", also with what some systems write after
/// it: "Sagsnr. 24/1009 (Acadre)", "Sagsnr.: 24/1010, Dok.nr.: 24/5555".
pub(super) fn case_of(line: &Line) -> Option<CaseNumber> {
    if line.is_empty_to_reader() {
        return None;
    }
    let whole = if line.text.len() <= 80 { case_in(line.text) } else { None };
    // A `-layout` line with other fields beside the number ("Sagsnr.: 24/4001      Sagsansvarlig: …").
    let laid_out = || {
        let cols = columns(line.text);
        let first = match cols[..] {
            [label, number, ..] if label.ends_with(':') => format!("{label} {number}"),
            [first, _, ..] => first.to_string(),
            _ => return None,
        };
        (first.len() <= 80).then(|| case_in(&first)).flatten()
    };
    // A row of a table of fields ("| Sagsnr. | 24/4001 |"), read as the field "Sagsnr.: 24/4001";
    // not a row of a table of cases in the text ("| 24/4001 | Budget |").
    let row = || {
        let fields = pipe_cells(line.text).map(|_| fields(line.text)).filter(|f| f.iter().all(|f| is_field(f)))?;
        case_in(fields.first()?)
    };
    whole
        .or_else(|| {
            (has_byte(line.text, b'\t') || crate::bytes::has_spaces(line.text.as_bytes(), 3)).then(laid_out).flatten()
        })
        .or_else(row)
}

/// [`case_of`] for one field's text.
pub(in crate::parse) fn case_in(text: &str) -> Option<CaseNumber> {
    if text.len() > 80 {
        return None;
    }
    let plain = plain(text);
    let mut t = plain.trim();
    let lower = t.to_lowercase();
    let mut labelled = false;
    for label in [
        "sagsnummer",
        "sagsnr.",
        "sagsnr",
        "sags nr.",
        "sags nr",
        "sags.nr.",
        "sag nr.",
        "sags-id",
        "sagsid",
        "sags id",
        "journalnummer",
        "journalnr.",
        "j.nr.",
        "sag",
    ] {
        if lower.starts_with(label) {
            t = t[label.len()..].trim_start_matches([':', ' ', '.']);
            labelled = true;
            break;
        }
    }
    // After a label, what some systems write behind the number ("24/1234 (Acadre)", "24/1234,
    // Dok.nr.: …", "24/1234 - Åben sag", "24/1234."); a bare line is the number alone ("24/12,
    // 27/12 og 31/12 holdes …" is text). A KLE number may have spaces in it.
    if !labelled {
        // … or a field after it ("17/102 Status: L").
        let field_after = || {
            let (number, rest) = t.split_once(char::is_whitespace)?;
            rest.contains(':').then(|| number.parse().ok()).flatten()
        };
        return t.parse().ok().or_else(|| without_status_sign(t)?.parse().ok()).or_else(field_after);
    }
    let t = t.split([',', ';', '(']).next().unwrap_or(t).trim().trim_end_matches('.');
    t.parse()
        .ok()
        .or_else(|| t.split_whitespace().next()?.trim_end_matches('.').parse().ok())
        .or_else(|| without_status_sign(t)?.parse().ok())
}

/// Whether `word` is a status sign: "L", "LUK", "Lukk" (Lukket), "Å" (Åben), in any case.
fn sign(word: &str) -> bool {
    closed_sign(word) || word == "å" || word == "Å"
}

/// Whether `word` is the sign of a closed item: "L", "LUK", "Lukk", in any case.
fn closed_sign(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "l" | "luk" | "lukk")
}

/// What may stand between a case number and its sign, or around the sign: "17/102 - L", "17/102
/// /L", "17/102 (L.)", "17/102 | L", "17/102, L", "L: 17/102", "17/102 *L*".
const AROUND_SIGN: [char; 15] = [' ', '\t', '-', '–', '/', '|', ',', '(', ')', '[', ']', '.', ':', '*', '_'];

/// A case line's number without the status sign a case system's column prints beside it, and
/// without a reason after that: "24/1002 L", "L 24/1002", "(L) 24/1002", "24/1002 (L.)", "24/1002
/// l", "24/1002-L", "24/1002 L - personsag", "24/1002 Å" (Lukket, Åben; reviews 16 and 17: the
/// line was read as text and the closed item published).
fn without_status_sign(text: &str) -> Option<&str> {
    let t = text.trim();
    // The sign last, or with a reason after it: cut at each separator.
    let reasons = [" - ", " – ", " (", ","].into_iter().filter_map(|r| t.find(r).map(|at| t[..at].trim_end()));
    sign_last(t).or_else(|| reasons.into_iter().find_map(sign_last)).or_else(|| sign_first(t))
}

/// "24/1002 L" → "24/1002", see [`without_status_sign`].
fn sign_last(t: &str) -> Option<&str> {
    let body = t.trim_end_matches(AROUND_SIGN);
    let (number, word) = body.split_at(body.trim_end_matches(char::is_alphabetic).len());
    let number_end = number.trim_end_matches(AROUND_SIGN);
    (sign(word) && number_end.len() < number.len() && number_end.parse::<CaseNumber>().is_ok()).then_some(number_end)
}

/// "L 24/1002" → "24/1002", see [`without_status_sign`].
fn sign_first(t: &str) -> Option<&str> {
    let body = t.trim_start_matches(AROUND_SIGN);
    let letters = body.len() - body.trim_start_matches(char::is_alphabetic).len();
    let (word, number) = body.split_at(letters);
    let number_start = number.trim_start_matches(AROUND_SIGN);
    let number_only = number_start.trim_end_matches(AROUND_SIGN);
    (sign(word) && number_start.len() < number.len() && number_only.parse::<CaseNumber>().is_ok())
        .then_some(number_only)
}

/// Whether a case line carries the sign "L" (Lukket) beside its number ("24/1002 L", "Sagsnr.:
/// 24/1002 (L.)", "L 24/1002", "24/1002 Status: L"), in any case; not a caseworker's initials
/// after another label ("24/1002 Sagsbeh.: L").
pub(super) fn signed_closed(line: &str) -> bool {
    let plain = plain(line);
    let mut at = 0;
    let words = plain.split(|c: char| !c.is_alphanumeric()).map(|w| {
        let start = at;
        at += w.len() + plain[at + w.len()..].chars().next().map_or(0, char::len_utf8);
        (start, w)
    });
    let words: Vec<(usize, &str)> = words.filter(|(_, w)| !w.is_empty()).collect();
    let Some(k) = words.iter().position(|(_, w)| closed_sign(w)) else {
        return false;
    };
    // Its own word at an end or in capitals, not an initial within a name.
    let (sign_at, word) = words[k];
    let apart = words.len() > 1 && (k == 0 || k + 1 == words.len() || word.chars().all(char::is_uppercase));
    // After the number, the sign may answer a label: a status's only ("Status: L", not "Sagsbeh.: L").
    let before = &plain[..sign_at];
    let after_number = before.rfind(|c: char| c.is_ascii_digit()).map_or("", |d| &before[d + 1..]);
    let label = after_number.rsplit_once(':').map(|(l, _)| l.split_whitespace().last().unwrap_or("").to_lowercase());
    let status =
        |l: &str| matches!(l.trim_matches(|c: char| !c.is_alphanumeric()), "status" | "å/l" | "l/å" | "type" | "");
    apart && label.is_none_or(|l| status(&l))
}

/// A case line with the sign "L" beside its number ("17/105 L") standing in an item's text: the
/// sub-item or part it heads is closed.
pub(in crate::parse) fn signed_case_line(text: &str) -> bool {
    text.len() <= 80 && case_in(text).is_some() && signed_closed(text)
}

/// Short, no spaces, digits with "/" or "." or "-": a case number with a typo.
fn looks_like_case_number(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 30
        && !t.contains(' ')
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().any(|b| matches!(b, b'/' | b'.' | b'-'))
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_number_in_the_heading() {
        let c = |s: &str| s.parse::<CaseNumber>().unwrap();
        assert_eq!(case_in_title("Økonomi (16/26813)"), Some(("Økonomi", c("16/26813"))));
        assert_eq!(case_in_title("Budget 2018 - Sagsnr.: 17/171"), Some(("Budget 2018", c("17/171"))));
        assert_eq!(case_in_title("Salg, sagsnr. 00.01.00-A00-1-21"), Some(("Salg", c("00.01.00-A00-1-21"))));
        assert_eq!(case_in_title("Lov om Social Service (§ 107)"), None);
        assert_eq!(case_in_title("Status på Office 365"), None);
    }

    #[test]
    fn case_number_typos() {
        assert!(looks_like_case_number("16/2681x"));
        assert!(!looks_like_case_number("Baggrund"));
    }
}
