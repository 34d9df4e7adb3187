//! Lines that name the closed items instead of marking them: in the header "Punkt 2 er lukket.",
//! "Punkterne 2 og 4 behandles for lukkede døre", "Lukket punkt: pkt. 2", or a legend "(L) =
//! Lukket punkt" for the titles that carry its sign; in an item's text "Godkendt, idet punkt 5
//! behandles for lukkede døre". The items they name are closed after parsing (review 9: the items
//! said nothing themselves and were published).

use crate::model::AgendaItem;
use crate::parse::closed::{is_closed, is_mark};
use crate::parse::inline::to_plain;
use crate::parse::normalize::Line;
use crate::parse::toc::clip;
use crate::parse::Ctx;

/// What a header line says is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Says {
    /// The items of these numbers.
    Numbers(Vec<u32>),
    /// The items whose titles carry this sign ("(L)", "*").
    Sign(String),
}

/// A header line naming closed items, with its line and text for the warnings.
#[derive(Debug, Clone)]
pub struct Named {
    pub says: Says,
    pub line: usize,
    pub text: String,
}

/// What plain header line `plain` names closed, if it names items by number and says closed, or
/// is a legend. `None` for anything it cannot read whole: a sub-item ("Punkt 2.1"), a range
/// without its end.
pub(in crate::parse) fn named_closed(plain: &str) -> Option<Says> {
    legend(plain).map(Says::Sign).or_else(|| numbers(plain).map(Says::Numbers))
}

/// "(L) = Lukket punkt", "* = lukket punkt", "L: Lukket", "🔒 = Ikke offentlig": a short sign, a
/// separator, and a mark. A sign is no word ("Status: Lukket" is a field): signs only, one or two
/// letters, or up to six in brackets ("(LUKK)").
fn legend(plain: &str) -> Option<String> {
    // "Å = Åben, L = Lukket": each of several.
    plain.split([',', ';', '\t']).find_map(legend_one)
}

fn legend_one(part: &str) -> Option<String> {
    let t = part.trim();
    let (sign, mark) = ["=", ":", " – ", " - "].iter().filter_map(|s| t.split_once(s)).next()?;
    let sign = sign.trim();
    let letters = sign.chars().filter(|c| c.is_alphanumeric()).count();
    let bracketed = (sign.starts_with('(') && sign.ends_with(')')) || (sign.starts_with('[') && sign.ends_with(']'));
    let is_sign = !sign.is_empty()
        && sign.chars().count() <= 8
        && !sign.contains(char::is_whitespace)
        && !sign.bytes().any(|b| b.is_ascii_digit())
        && (letters <= 2 || (bracketed && letters <= 6));
    let mark = mark.trim().trim_end_matches('.');
    (is_sign && is_mark(mark)).then(|| sign.to_string())
}

/// Words after which item numbers follow.
const NAMING: &[&str] = &[
    "punkt",
    "punktet",
    "punkter",
    "punkterne",
    "pkt",
    "dagsordenspunkt",
    "dagsordenspunkter",
    "dagsordenspunkterne",
    "dagsordenpunkt",
    "nr",
];

/// The item numbers a closing sentence names after "punkt", "pkt." and the like, with lists ("2, 3
/// og 5") and ranges ("2-4", "2 til 4"); `None` where it names none, or one it cannot read.
fn numbers(plain: &str) -> Option<Vec<u32>> {
    if !plain.bytes().any(|b| b.is_ascii_digit()) || !is_closed(plain) {
        return None;
    }
    let lower = plain.to_lowercase();
    let tokens = tokens(&lower);
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // "… efter punkt 2": a place in the meeting, not the items closed.
        let placed = i > 0 && matches!(tokens[i - 1], "efter" | "før" | "fra" | "inden" | "under");
        if !NAMING.contains(&tokens[i]) || placed {
            i += 1;
            continue;
        }
        i += 1;
        while tokens.get(i).is_some_and(|t| matches!(*t, "." | ":" | "nr") || NAMING.contains(t)) {
            i += 1;
        }
        let (mut last, mut range) = (None::<u32>, false);
        while let Some(&t) = tokens.get(i) {
            if let Some(n) = number(t) {
                match (last, range) {
                    (Some(from), true) if from < n && n - from <= 50 => out.extend(from + 1..=n),
                    (_, true) => return None,
                    _ => out.push(n),
                }
                (last, range) = (Some(n), false);
            } else if last.is_none() {
                break;
            } else if matches!(t, "-" | "–" | "—" | "til") {
                range = true;
            } else if (t == "." && tokens.get(i + 1).is_some_and(|n| number(n).is_some()))
                || (t.len() == 1 && t != "i" && t.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                return None; // "2.1", "2 A": a sub-item, which no heading number matches
            } else if !matches!(t, "," | "og" | "samt" | "&" | "+" | "/" | "nr" | "pkt" | "." | "punkt") {
                break;
            }
            i += 1;
        }
        if range {
            return None;
        }
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// The lines of the open items' text that name closed items by number: "Godkendt, idet punkt 5
/// behandles for lukkede døre." A line with other numbers besides ("… på mødet d. 5.3.2024, punkt
/// 7, for lukkede døre") may be about another meeting's items, and closes nothing.
pub fn in_items(items: &[AgendaItem], lines: &[Line]) -> Vec<Named> {
    let open: Vec<(usize, usize)> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| !i.closed)
        .map(|(k, i)| (i.line, items.get(k + 1).map_or(usize::MAX, |n| n.line)))
        .collect();
    let in_open = |no: usize| open.iter().any(|&(from, to)| no > from && no < to);
    lines
        .iter()
        .filter(|l| l.may_close && l.text.len() <= 300 && in_open(l.no))
        .filter_map(|l| {
            let text = to_plain(l.text);
            let numbers = numbers(&text)?;
            let only = tokens(&text)
                .into_iter()
                .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
                .all(|t| number(t).is_some_and(|n| numbers.contains(&n)));
            only.then_some(Named { says: Says::Numbers(numbers), line: l.no, text })
        })
        .collect()
}

/// Footnotes anywhere in the file that make a sign a mark: "* Lukket punkt", "*) Ikke offentlig",
/// "† = Lukket" under a title "Køb af ejendom*" (review 9: the item was published).
pub fn footnotes(lines: &[Line]) -> Vec<Named> {
    const SIGNS: [char; 6] = ['*', '†', '‡', '¹', '²', '³'];
    let footnote = |text: &str| {
        let t = text.trim();
        let end = t.find(|c: char| !SIGNS.contains(&c) && c != ')')?;
        let (sign, rest) = t.split_at(end);
        let mark = rest.trim_start_matches(['=', ':', ' ', '\t']);
        let sign = sign.trim_end_matches(')');
        let set_off = mark.len() < rest.len();
        (t.len() <= 80 && !sign.is_empty() && set_off && is_mark(to_plain(mark).trim())).then(|| sign.to_string())
    };
    let first = |t: &str| t.trim_start().starts_with(SIGNS);
    lines
        .iter()
        .filter(|l| l.may_close && first(l.text))
        .filter_map(|l| {
            footnote(l.text).map(|sign| Named { says: Says::Sign(sign), line: l.no, text: l.text.trim().to_string() })
        })
        .collect()
}

/// An item number of one to three digits.
fn number(t: &str) -> Option<u32> {
    (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// Words (runs of letters and digits) and single marks, without spaces.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, s) => {
                if let Some(s) = s {
                    out.push(&text[s..i]);
                }
                start = None;
                if !c.is_whitespace() {
                    out.push(&text[i..i + c.len_utf8()]);
                }
            }
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Closes the items the header names, with a warning for each that did not say so itself.
/// `lines` are the file's: a sign of marks may be markup to the title's reader ("Køb af
/// ejendom*"), and a named item missing from the agenda is looked for in the text before it.
pub fn close_named(named: &[Named], items: &mut [AgendaItem], lines: &[Line], cx: &mut Ctx) {
    let from = |no: usize| &lines[lines.partition_point(|l| l.no < no)..];
    for n in named {
        let says = |item: &AgendaItem| match &n.says {
            Says::Numbers(numbers) => numbers.contains(&item.number),
            Says::Sign(sign) => {
                carries(&item.title, sign) || from(item.line).iter().take(2).any(|l| carries(unwrapped(l.text), sign))
            }
        };
        for item in items.iter_mut().filter(|i| !i.closed && says(i)) {
            cx.warn(
                item.line,
                format!(
                    "item {} is closed by line {} (\"{}\") but not in its heading; not published",
                    item.number,
                    n.line,
                    clip(&n.text)
                ),
            );
            crate::parse::items::close(item);
        }
        let Says::Numbers(numbers) = &n.says else { continue };
        for &missing in numbers.iter().filter(|&&k| !items.iter().any(|i| i.number == k)) {
            missing_item(n, missing, items, from, cx);
        }
    }
}

/// A number named closed that no item has. A public version may leave the closed item out
/// (warned); but where a short line of the open item before it names the number first, that may
/// be the item's heading, not read, and its text would be published as that item's: refused.
fn missing_item<'a>(
    n: &Named,
    missing: u32,
    items: &[AgendaItem],
    from: impl Fn(usize) -> &'a [Line<'a>],
    cx: &mut Ctx,
) {
    let before = items.iter().filter(|i| i.number < missing).max_by_key(|i| i.line);
    let heading = before.filter(|b| !b.closed).and_then(|b| {
        let end = items.iter().map(|i| i.line).filter(|&l| l > b.line).min().unwrap_or(usize::MAX);
        from(b.line + 1).iter().take_while(|l| l.no < end).find(|l| {
            let text = to_plain(l.text);
            text.len() <= 120
                && text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .any(|w| number(w) == Some(missing))
        })
    });
    match heading {
        Some(line) => cx.error(
            line.no,
            format!(
                "line {} (\"{}\") says item {missing} is closed, and this line in item {} may be its heading, \
                 which is not understood: the file is refused rather than its text published; write the \
                 heading \"Punkt {missing}: Title - Lukket\"",
                n.line,
                clip(&n.text),
                before.map_or(0, |b| b.number)
            ),
        ),
        None => cx.warn(
            n.line,
            format!("\"{}\" says item {missing} is closed; the file has no item {missing}", clip(&n.text)),
        ),
    }
}

/// A heading as written without the emphasis around it ("**Punkt 2: Salg**"), whose stars are
/// no sign.
fn unwrapped(text: &str) -> &str {
    let t = text.trim();
    ["**", "__", "*", "_"].iter().find_map(|e| t.strip_prefix(e).and_then(|r| r.strip_suffix(e))).unwrap_or(t)
}

/// Whether a title carries a legend's sign set apart ("Køb af ejendom (L)", "(L) Køb af ejendom",
/// "Køb af ejendom - L"), or a sign of marks only right after its last word ("Køb af ejendom*").
fn carries(title: &str, sign: &str) -> bool {
    let marks_only = !sign.chars().any(char::is_alphanumeric);
    // "Køb af ejendom*)" carries "*" of the footnote "*) Lukket".
    let t = if marks_only { title.trim().trim_end_matches(')') } else { title.trim() };
    t.match_indices(sign).any(|(at, _)| {
        let end = at + sign.len();
        let before = t[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = t[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        (before && after) || (marks_only && end == t.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers() {
        for (line, want) in [
            ("Punkt 2 behandles for lukkede døre.", vec![2]),
            ("Punkt 2 er lukket.", vec![2]),
            ("Punkterne 2 og 4 er lukkede.", vec![2, 4]),
            ("Lukket punkt: pkt. 2", vec![2]),
            ("Pkt. 2 lukket.", vec![2]),
            ("Punkterne 2-4 behandles som lukkede punkter", vec![2, 3, 4]),
            ("Punkt 3, 5 og 7 behandles for lukkede døre", vec![3, 5, 7]),
            ("Lukkede punkter: nr. 2 til 4", vec![2, 3, 4]),
            ("1. Punkt 3 behandles som lukket punkt", vec![3]),
        ] {
            assert_eq!(named_closed(line), Some(Says::Numbers(want)), "{line}");
        }
        for line in [
            "Punkt 2.1 er lukket",
            "Punkt 2 A: Salg af areal - Lukket",
            "Punkterne 2 til er lukkede",
            "Punkt 2 Budget",
            "Lukkede punkter behandles til sidst",
            "Mødet starter kl. 15",
            "Den lukkede del af mødet blev holdt efter punkt 2.",
        ] {
            assert_eq!(named_closed(line), None, "{line}");
        }
    }

    #[test]
    fn legends() {
        for (line, sign) in [
            ("(L) = Lukket punkt", "(L)"),
            ("* = lukket punkt", "*"),
            ("L: Lukket", "L"),
            ("(LUKK) = Ikke offentlig", "(LUKK)"),
            ("Å = Åben, L = Lukket", "L"),
        ] {
            assert_eq!(named_closed(line), Some(Says::Sign(sign.into())), "{line}");
        }
        for line in ["Status: Lukket", "Mødeform: Lukket", "Åben = offentligt punkt"] {
            assert_eq!(legend(line), None, "{line}");
        }
        assert!(carries("Køb af ejendom (L)", "(L)"));
        assert!(carries("Køb af ejendom*", "*"));
        assert!(carries("Køb af ejendom - L", "L"));
        assert!(!carries("Lokalplan for Lindevej", "L"));
        assert!(!carries("Budget", "*"));
    }
}
