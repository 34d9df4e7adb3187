//! Lines that name the closed items instead of marking them: in the header "Punkt 2 er lukket.",
//! "Punkterne 2 og 4 behandles for lukkede døre", "Lukket punkt: pkt. 2", or a legend "(L) =
//! Lukket punkt" for the titles that carry its sign; in an item's text "Godkendt, idet punkt 5
//! behandles for lukkede døre". The items they name are closed after parsing (review 9: the items
//! said nothing themselves and were published).

use crate::case::CaseNumber;
use crate::model::AgendaItem;
use crate::parse::closed::{closing_line, closing_word, has_mark_stem, is_closed, is_mark, item_says_closed};
use crate::parse::fields::public_field;
use crate::parse::inline::to_plain;
use crate::parse::normalize::Line;
use crate::parse::tables::pipe_cells;
use crate::parse::toc::clip;
use crate::parse::Ctx;

/// What a line says is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Says {
    /// The items of these numbers.
    Numbers(Vec<u32>),
    /// The items whose titles carry this sign ("(L)", "*").
    Sign(String),
    /// The items whose headings are set in this style ("Kursiv = lukket punkt").
    Style(Style),
}

/// A style a legend gives closed items' headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Italic,
    Bold,
    /// A padlock, as a character or an icon ("markeret med en lås").
    Lock,
    /// One that text does not show ("understreget", "gråt", "med rødt").
    Unseen,
}

impl Style {
    /// The share of the letters of heading `line`, as written, set in the style: in emphasis
    /// (italic) or strong emphasis (bold), as markdown or HTML tags write it ("*Salg*", "**Salg**",
    /// "***Salg***" is both, "<i>Salg</i>", "<b>Salg</b>").
    fn share(self, line: &str) -> f32 {
        use pulldown_cmark::{Event, Parser, Tag, TagEnd};
        match self {
            Style::Unseen => return 0.0,
            Style::Lock => return f32::from(u8::from(to_plain(line).contains(['\u{1f512}', '\u{1f510}']))),
            Style::Italic | Style::Bold => {}
        }
        let t = line.trim().trim_start_matches('#').trim();
        let t = [("<i>", "*"), ("</i>", "*"), ("<em>", "*"), ("</em>", "*"), ("<b>", "**"), ("</b>", "**")]
            .iter()
            .chain(&[("<strong>", "**"), ("</strong>", "**")])
            .fold(t.to_string(), |t, (tag, md)| t.replace(tag, md).replace(&tag.to_uppercase(), md));
        let (mut depth, mut styled, mut all) = (0, 0usize, 0usize);
        for event in Parser::new(&t) {
            match event {
                Event::Start(Tag::Emphasis) if self == Style::Italic => depth += 1,
                Event::Start(Tag::Strong) if self == Style::Bold => depth += 1,
                Event::End(TagEnd::Emphasis) if self == Style::Italic => depth -= 1,
                Event::End(TagEnd::Strong) if self == Style::Bold => depth -= 1,
                Event::Text(text) => {
                    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
                    all += letters;
                    if depth > 0 {
                        styled += letters;
                    }
                }
                _ => {}
            }
        }
        styled as f32 / all.max(1) as f32
    }
}

/// The items a style legend closes: those whose headings have more of their letters in the style
/// than the least styled heading has, so that a file whose headings are all bold closes none by a
/// legend of bold (and is refused, see [`style_unseen`]).
fn styled_items(items: &[AgendaItem], heading: impl Fn(&AgendaItem) -> f32) -> Vec<u32> {
    let shares: Vec<(u32, f32)> = items.iter().map(|i| (i.number, heading(i))).collect();
    let least = shares.iter().map(|(_, s)| *s).fold(f32::INFINITY, f32::min);
    shares.iter().filter(|(_, s)| *s > least + 0.2).map(|(n, _)| *n).collect()
}

/// A line naming closed items, with its line and text for the warnings.
#[derive(Debug, Clone)]
pub struct Named {
    pub says: Says,
    pub line: usize,
    pub text: String,
}

/// What plain header line `plain` names closed, if it names items by number and says closed, or
/// is a legend. `None` for anything it cannot read whole: a sub-item ("Punkt 2.1"), a range
/// without its end.
pub(in crate::parse) fn named_closed(plain: &str, raw: &str) -> Option<Says> {
    legend(plain, raw)
        .map(Says::Sign)
        .or_else(|| style_legend(plain).map(Says::Style))
        .or_else(|| numbers(plain).map(Says::Numbers))
}

/// A legend that gives closed items a style: "Kursiv = lukket punkt", "Lukkede punkter er
/// markeret med kursiv", "Punkter i fed skrift er lukkede", "Lukkede punkter er understreget"
/// (review 16: published). A short line that says closed of items and names a style.
fn style_legend(plain: &str) -> Option<Style> {
    let lower = plain.to_lowercase();
    if plain.len() > 120 || !(is_closed(plain) || lower.contains("ikke offentlig") || lower.contains("ikke-offentlig"))
    {
        return None;
    }
    let tokens = tokens(&lower);
    // Not a key to another document ("Lukkede sager er markeret med rødt i oversigten").
    let elsewhere = ["oversigt", "bilag", "kort", "tabel", "skema", "liste", "figur"];
    if negated(&tokens)
        || of_another_meeting(&tokens)
        || tokens.iter().any(|t| elsewhere.iter().any(|e| t.starts_with(e)))
    {
        return None;
    }
    let style = |t: &str| match t {
        "kursiv" | "kursiveret" | "kursiverede" | "kursivt" | "italic" | "italics" => Some(Style::Italic),
        "fed" | "fedt" | "fede" | "bold" => Some(Style::Bold),
        "understreget" | "understregede" | "understregning" | "gråt" | "grå" | "rød" | "rødt" | "røde" | "gul"
        | "gult" | "blå" | "blåt" | "grøn" | "grønt" | "farve" | "farvet" | "farvede" | "skraveret" | "versaler"
        | "fremhævet" | "fremhævede" | "bogstaver" => Some(Style::Unseen),
        "lås" | "låsen" | "hængelås" | "hængelåsen" | "låsesymbol" => Some(Style::Lock),
        _ => None,
    };
    // "Kursiv = lukket punkt": the style is the sign.
    if let Some((sign, mark)) = lower.split_once(['=', ':']) {
        let mark = mark.trim().trim_end_matches('.');
        if sign.split_whitespace().count() <= 3 && (is_mark(mark) || closing_line(mark, true)) {
            return sign.split(|c: char| !c.is_alphanumeric()).find_map(style);
        }
        // … the other way round ("Lukkede punkter: kursiv").
        let sign = sign.trim();
        if mark.split_whitespace().count() <= 2 && (is_mark(sign) || closing_line(sign, true)) {
            return mark.split(|c: char| !c.is_alphanumeric()).find_map(style);
        }
    }
    // "… markeret med kursiv", "Punkter i fed skrift …", "Kursiverede punkter er lukkede", "…
    // er understreget", of items; bold and italics together read as italics.
    // The style set apart as a legend gives it: after "med", "i", "er", "står" …, or naming the
    // items ("Kursiverede punkter"); not "Det blev fremhævet, at de lukkede sager …".
    let set = |k: usize| {
        let before = k.checked_sub(1).map(|j| tokens[j]);
        let after = tokens.get(k + 1).copied();
        before.is_some_and(|b| {
            matches!(b, "i" | "med" | "er" | "står" | "skrevet" | "vist" | "vises" | "angivet" | "anført" | "og" | "en")
        }) || after.is_some_and(|a| matches!(a, "punkter" | "sager" | "dagsordenspunkter" | "skrift" | "tekst"))
    };
    let styles: Vec<Style> = tokens.iter().enumerate().filter(|(k, _)| set(*k)).filter_map(|(_, t)| style(t)).collect();
    let first = styles.iter().find(|s| **s != Style::Unseen).or(styles.first()).copied();
    names_items(plain).then_some(first).flatten()
}

/// Whether a legend names agenda items ("punkter", "sager", "dagsordenspunkter").
fn names_items(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    tokens(&lower).iter().any(|t| {
        matches!(
            *t,
            "punkt" | "punkter" | "punkterne" | "pkt" | "sag" | "sager" | "dagsordenspunkter" | "dagsordenpunkter"
        )
    })
}

/// "(L) = Lukket punkt", "* = lukket punkt", "L: Lukket", "🔒 = Ikke offentlig": a short sign, a
/// separator, and a mark. A sign is no word ("Status: Lukket" is a field): signs only, one or two
/// letters, or up to six in brackets ("(LUKK)").
fn legend(plain: &str, raw: &str) -> Option<String> {
    // After its label ("Signaturforklaring: L = Lukket"), in brackets ("(L = Lukket punkt)").
    let t = plain.trim();
    let t = ["signaturforklaring:", "tegnforklaring:", "forklaring:", "nb:"]
        .iter()
        .find_map(|l| crate::parse::inline::strip_prefix_ci(t, l))
        .unwrap_or(t)
        .trim();
    let t = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')).filter(|r| !r.contains(')')).unwrap_or(t);
    // A row of two cells, by bars, tabs or a wide gap ("| L | Lukket punkt |", "L<tab>Lukket punkt").
    let cells: Vec<&str> =
        t.split(['|', '\t']).flat_map(|c| c.split("   ")).map(str::trim).filter(|c| !c.is_empty()).collect();
    if let [sign, mark] = cells[..] {
        if let Some(sign) = legend_one(&format!("{sign} = {mark}")) {
            return Some(sign);
        }
    }
    // "Å = Åben, L = Lukket", "Å: Åben | L: Lukket", "L: Lukket / Å: Åben": each of several.
    let parts = || t.split([',', ';', '\t', '|']).flat_map(|p| p.split(" / "));
    // … also the other way round ("Lukket punkt = L", "Lukkede punkter: L").
    let reversed = |p: &str| {
        let (mark, sign) = p.split_once(['=', ':'])?;
        let sign = sign.trim().trim_matches('"');
        // A sign of capitals, marks or in brackets: "Lukket: Ja" is a field.
        let letters = sign.chars().filter(|c| c.is_alphabetic());
        (!sign.is_empty() && letters.clone().all(char::is_uppercase))
            .then(|| legend_one(&format!("{sign} = {}", mark.trim())))
            .flatten()
    };
    parts().find_map(legend_one).or_else(|| parts().find_map(reversed)).or_else(|| marked_with(plain, raw))
}

fn legend_one(part: &str) -> Option<String> {
    let t = part.trim();
    // "(L) Lukket punkt": a bracketed sign needs no separator.
    let bracketed = || {
        let close = match t.chars().next()? {
            '(' => ')',
            '[' => ']',
            _ => return None,
        };
        t.find(close).map(|at| t.split_at(at + 1))
    };
    // "L betyder lukket punkt", "L angiver lukket punkt" too, and "L (Lukket punkt)".
    let mark_in_brackets = || {
        let (sign, rest) = t.split_once(" (")?;
        Some((sign, rest.strip_suffix(')')?))
    };
    let (sign, mark) = ["=", ":", " – ", " - ", " betyder ", " angiver "]
        .iter()
        .filter_map(|s| t.split_once(s))
        .next()
        .or_else(bracketed)
        .or_else(mark_in_brackets)?;
    let sign = sign_of(sign.trim());
    let sign = sign.as_str();
    let letters = sign.chars().filter(|c| c.is_alphanumeric()).count();
    let bracketed = sign.starts_with('(') && sign.ends_with(')');
    let is_sign = !sign.is_empty()
        && sign.chars().count() <= 8
        && !sign.contains(char::is_whitespace)
        && !sign.bytes().any(|b| b.is_ascii_digit())
        && (letters <= 2 || (bracketed && letters <= 6));
    // The mark may be plural ("(L) Lukkede punkter").
    let mark = mark.trim().trim_end_matches('.');
    (is_sign && (is_mark(mark) || closing_line(mark, true))).then(|| sign.to_string())
}

/// "Lukkede punkter er markeret med (L)", "Punkter markeret med * er lukkede": a sentence that
/// gives the sign of closed items (review 10: published). The sign is what follows "med".
fn marked_with(plain: &str, raw: &str) -> Option<String> {
    let lower = plain.to_lowercase();
    if plain.len() > 120 || !(is_closed(plain) || lower.contains("ikke offentlig")) {
        return None;
    }
    let tokens = tokens(&lower);
    if negated(&tokens) {
        return None;
    }
    const VERBS: [&str; 10] =
        ["markeret", "mærket", "markeres", "mærkes", "angivet", "angives", "betegnet", "betegnes", "vist", "vises"];
    // "Punkter mærket L er lukkede": the sign right after the verb, without "med".
    if let Some(w) = tokens.windows(3).find(|w| VERBS.contains(&w[0]) && w[1] != "med") {
        let at = raw.to_lowercase().find(&format!("{} ", w[0])).map(|i| i + w[0].len() + 1);
        let sign = at.and_then(|i| raw.get(i..)).and_then(|r| r.split_whitespace().next()).unwrap_or("");
        let capitals = (1..=2).contains(&sign.chars().count()) && sign.chars().all(char::is_uppercase);
        if capitals && tokens.iter().any(|t| matches!(*t, "punkter" | "punkt" | "sager")) {
            return Some(sign_of(sign));
        }
    }
    if !tokens.windows(2).any(|w| VERBS.contains(&w[0]) && w[1] == "med") {
        return None;
    }
    // The clause that gives the sign says closed, of items: not "Nye punkter er markeret med (N).
    // Lukkede punkter behandles sidst.", "Fortrolige bilag er markeret med (F)" (review 12).
    let clause = lower.split(['.', ';', ',']).find(|c| VERBS.iter().any(|v| c.contains(&format!("{v} med"))))?;
    if !(is_closed(clause) || clause.contains("ikke offentlig")) || clause.contains("bilag") {
        return None;
    }
    // What follows "med", as written (a star is no emphasis here): a sign in brackets, of marks, or
    // of one or two capitals ("(L)", "*", "L"); not the words before it ("med et (L)", "med en
    // stjerne (*)").
    let raw = raw.replace("\\*", "*");
    let from = raw.to_lowercase().find(" med")? + 4;
    let rest = raw.get(from..)?.trim_start_matches([':', ' ']);
    let bare = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ':']);
        Some(w.trim_matches(['*', '_'])).filter(|x| !x.is_empty()).unwrap_or(w).to_string()
    };
    let sign = rest.split_whitespace().map(bare).find(|w| {
        let bracketed = w.starts_with(['(', '[']) && w.ends_with([')', ']']);
        let marks = !w.is_empty() && !w.chars().any(char::is_alphanumeric);
        let capitals = (1..=2).contains(&w.chars().count()) && w.chars().all(char::is_uppercase);
        bracketed || marks || capitals
    })?;
    let letters = sign.chars().filter(|c| c.is_alphanumeric()).count();
    let sign = sign_of(&sign);
    (letters <= 2 && sign.chars().count() <= 6 && !sign.is_empty()).then_some(sign)
}

/// A legend's sign as compared (see [`compact`]); a sign of marks without its brackets ("(*)" is
/// "*"), since a title may carry it either way.
fn sign_of(sign: &str) -> String {
    let sign = compact(sign);
    match sign.chars().any(char::is_alphanumeric) {
        true => sign,
        false => sign.trim_start_matches('(').trim_end_matches(')').to_string(),
    }
}

/// A sign as compared: its brackets round, without spaces or a full stop inside them, in lower
/// case ("( L )", "[L]", "(L.)", "(l)" are "(l)").
fn compact(text: &str) -> String {
    let mut out = text.to_lowercase().replace('[', "(").replace(']', ")");
    for (from, to) in [("( ", "("), (" )", ")"), (".)", ")")] {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
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
];

/// The item numbers a closing sentence names after "punkt", "pkt." and the like, with lists ("2, 3
/// og 5") and ranges ("2-4", "2 til 4"); `None` where it names none, or one it cannot read.
fn numbers(plain: &str) -> Option<Vec<u32>> {
    if !plain.bytes().any(|b| b.is_ascii_digit()) || !is_closed(plain) {
        return None;
    }
    let lower = plain.to_lowercase();
    let tokens = tokens(&lower);
    if negated(&tokens) || of_another_meeting(&tokens) || !closes_an_item(&tokens, plain) {
        return None;
    }
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // "… efter punkt 2": a place in the meeting, not the items closed.
        // "Høringsperioden for punkt 2", "I punkt 3 drøftes": a subject of the item's.
        let placed =
            i > 0 && matches!(tokens[i - 1], "efter" | "før" | "fra" | "inden" | "under" | "for" | "i" | "om" | "vedr");
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
        // Every word naming items has "kt" ("punkt", "pkt."), and a number follows it.
        .filter(|l| l.may_close && l.text.len() <= 300 && names_by_bytes(l.text) && in_open(l.no))
        .filter_map(|l| {
            let text = to_plain(l.text);
            let numbers = numbers(&text)?;
            // The law cited after "jf." or "§" is no other number ("…, jf. § 10.").
            let words = tokens(&text);
            let cited = words.iter().position(|t| matches!(*t, "jf" | "§")).unwrap_or(words.len());
            let only = words[..cited]
                .iter()
                .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
                .all(|t| number(t).is_some_and(|n| numbers.contains(&n)));
            only.then_some(Named { says: Says::Numbers(numbers), line: l.no, text })
        })
        .collect()
}

/// Whether `text` may name an item by number, by its bytes: a digit, and "kt" in either case.
fn names_by_bytes(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(u8::is_ascii_digit) && b.windows(2).any(|w| w.eq_ignore_ascii_case(b"kt"))
}

/// A sentence of an item's text that says an item is closed, not a subject: a closing word before
/// what it closes ("lukket punkt", "for lukkede døre", "lukket møde") or last ("… er lukket.");
/// not "Punkt 2 i aftalen er lukket ned", "lukket for trafik", "lukkede institutioner".
/// `tokens` are `text`'s, lower-cased.
fn closes_an_item(tokens: &[&str], text: &str) -> bool {
    let words: Vec<&str> = tokens.iter().copied().filter(|w| w.chars().all(char::is_alphanumeric)).collect();
    // "Lukket: pkt. 2" too (review 16).
    let before = words
        .windows(2)
        .any(|w| closing_word(w[0]) && matches!(w[1], "punkt" | "pkt" | "punkter" | "døre" | "møde" | "sag" | "sager"));
    let last = words.last().is_some_and(|w| closing_word(w));
    // "Punkt 2 er ikke offentligt" (review 16).
    // (Not "… ikke offentligt tilgængelig endnu".)
    let not_public = words.windows(2).enumerate().any(|(k, w)| {
        matches!(w[0], "ikke" | "ej")
            && matches!(w[1], "offentlig" | "offentligt")
            && words.get(k + 2).is_none_or(|n| matches!(*n, "punkt" | "pkt" | "sag" | "del" | "jf"))
    });
    before || last || not_public || crate::parse::closed::is_mark(text.trim())
}

/// Footnotes anywhere in the file that make a sign a mark: "* Lukket punkt", "*) Ikke offentlig",
/// "† = Lukket" under a title "Køb af ejendom*" (review 9: the item was published), and legends of
/// a sign of letters below the first item, between the items or at the end ("L = Lukket punkt"
/// over "Punkt 2: L: Køb af ejendom"; review 16: published). The header's are read there.
pub fn footnotes(items: &[AgendaItem], lines: &[Line]) -> Vec<Named> {
    let first_item = items.iter().map(|i| i.line).min().unwrap_or(usize::MAX);
    const SIGNS: [char; 6] = ['*', '†', '‡', '¹', '²', '³'];
    let footnote = |text: &str| {
        // As a reader sees it: "\\*Lukket punkt", "_*Lukket punkt_", "(*) Lukket punkt" (review 10).
        let t = superscript(text.trim()).replace("\\*", "*");
        let t = t.strip_prefix('_').and_then(|t| t.strip_suffix('_')).unwrap_or(&t);
        let t = t.strip_prefix('(').filter(|t| t.starts_with(SIGNS)).unwrap_or(t);
        let end = t.find(|c: char| !SIGNS.contains(&c) && c != ')')?;
        let (sign, rest) = t.split_at(end);
        let mark = rest.trim_start_matches(['=', ':', ' ', '\t']);
        let sign = sign.trim_end_matches(')');
        // "*Lukket punkt" too, a sign no emphasis closes (review 10: published).
        let set_off = mark.len() < rest.len() || t.matches(sign).count() % 2 == 1;
        // A sentence too: "*Punktet er lukket".
        let mark = to_plain(mark);
        // … not of another meeting, nor undone ("¹ Punktet var lukket på sidste møde, men er nu åbent").
        let lower = mark.to_lowercase();
        let words = tokens(&lower);
        let said =
            || item_says_closed(&mark) && !of_another_meeting(&words) && !negated(&words) && !lower.contains("åben");
        let says = is_mark(mark.trim()) || said();
        (t.len() <= 80 && !sign.is_empty() && set_off && says).then(|| sign.to_string())
    };
    let first = |t: &str| superscript(t.trim_start()).trim_start_matches(['\\', '_', '(']).starts_with(SIGNS);
    // A line of a list of the sign's bullets ("* Lukket punkt" / "* Åbent punkt") is a list's, not
    // a footnote (review 11: a title "Budget 2025*" was closed by it).
    let listed = |k: usize, sign: &str| {
        let bullet = |l: &Line| l.text.trim_start().strip_prefix(sign).is_some_and(|r| r.starts_with(' '));
        let shown = |l: &&Line| !l.is_empty_to_reader();
        lines[..k].iter().rev().find(shown).is_some_and(bullet) || lines[k + 1..].iter().find(shown).is_some_and(bullet)
    };
    // A legend of letters or of a style; like every mark it has a closing word's stem.
    // In the text a colour is a status table's key ("Rødt = lukket"): a legend there names items.
    let legend_of = |text: &str| {
        let plain = to_plain(text);
        match legend(&plain, text).filter(|sign| sign.chars().any(char::is_alphanumeric)) {
            Some(sign) => Some(Says::Sign(sign)),
            None => style_legend(&plain).filter(|s| *s != Style::Unseen || names_items(&plain)).map(Says::Style),
        }
    };
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.no > first_item && l.may_close)
        .filter_map(|(k, l)| {
            let footnote = first(l.text).then(|| footnote(l.text).filter(|sign| !listed(k, sign))).flatten();
            let says = match footnote {
                Some(sign) => Says::Sign(sign),
                // ("*Kursiv = lukket punkt*" starts with a footnote's sign.)
                None if l.text.len() <= 80 && has_mark_stem(l.text) => legend_of(l.text)?,
                None => return None,
            };
            Some(Named { says, line: l.no, text: l.text.trim().to_string() })
        })
        .collect()
}

/// The rows of an agenda's table in an open item's text that say an item is closed: under a header
/// whose first cell names items ("| Punkt | Sag | Status |"; after "Nr." another names the subject,
/// so a table of roads is none), a row numbering one and with a mark in a later cell ("| 2 | Køb af
/// ejendom | Lukket |"; review 9: item 2 was published) or an answer that closes it under a public
/// field's label ("| Offentlig |" over "| Nej |", "| Å/L |" over "| L |"; review 10). Under a
/// header "Sagsnr." a row may start with its item's case number instead (review 11).
pub fn in_agenda_tables(items: &[AgendaItem], lines: &[Line]) -> Vec<Named> {
    const HEADS: [&str; 6] = ["punkt", "pkt.", "pkt", "nr.", "nr", "dagsordenspunkt"];
    // A table of the agenda's cases by their number ("Sag nr.   Emne   Offentlig" / "24/1002   Køb
    // af ejendom   Nej"; review 11), its rows read as their items'.
    const CASE_HEADS: [&str; 11] = [
        "sag nr.",
        "sag nr",
        "sags nr.",
        "sags nr",
        "sagsnr.",
        "sagsnr",
        "sagsnummer",
        "journalnr.",
        "journalnr",
        "j.nr.",
        "j.nr",
    ];
    const SUBJECTS: [&str; 7] = ["sag", "titel", "emne", "overskrift", "sagstitel", "punkt", "dagsordenspunkt"];
    let first_item = items.first().map_or(usize::MAX, |i| i.line);
    let mut header: Option<AgendaHeader> = None;
    // Rows that close an item, by table, and the tables with a row that names its item's title.
    let (mut table, mut rows, mut agendas) = (0, Vec::new(), Vec::new());
    for l in lines.iter().filter(|l| l.no > first_item) {
        // Asked of every line after the first item: a line laid out with spaces or tabs is read
        // only as a header ("Punkt", "Nr.", "Sagsnr." first) or as a row under one.
        let lead_byte = l.text.as_bytes().first().copied().unwrap_or_default();
        let heads = |b: u8| matches!(b, b'P' | b'p' | b'N' | b'n' | b'D' | b'd' | b'S' | b's' | b'J' | b'j');
        if !(heads(lead_byte)
            || matches!(lead_byte, b'|' | b'*' | b'_')
            || header.is_some() && lead_byte.is_ascii_digit())
        {
            header = None;
            continue;
        }
        let t = l.text.trim_start_matches(['*', '_']);
        let first = t.as_bytes().first().copied().unwrap_or_default();
        if first != b'|' {
            let lead = || {
                let end = t.bytes().position(|b| matches!(b, b' ' | b'\t' | b'*' | b'_')).unwrap_or(t.len());
                &t[..end]
            };
            let asks = header.as_ref().is_some_and(|h| h.asks);
            let by_case = header.as_ref().is_some_and(|h| h.by_case);
            // Its rows start with an item's number, or under "Sagsnr." perhaps with a case number.
            let row_lead =
                |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || by_case && w.parse::<CaseNumber>().is_ok();
            // A header's first word ("Sag nr." starts with "Sag").
            const LEADS: [&str; 9] =
                ["sag", "sags", "sagsnr.", "sagsnr", "sagsnummer", "journalnr.", "journalnr", "j.nr.", "j.nr"];
            let head = |w: &str| HEADS.iter().chain(&LEADS).any(|h| w.eq_ignore_ascii_case(h));
            if header.is_some() && first.is_ascii_digit() && row_lead(lead()) {
                if !(l.may_close || asks) {
                    continue;
                }
            } else if !heads(first) || !head(lead()) {
                header = None;
                continue;
            }
        }
        let Some(cells) = row_cells(l.text) else {
            header = None;
            continue;
        };
        let cells: Vec<String> = cells.iter().map(|c| to_plain(c).trim().to_lowercase()).collect();
        let first = cells.iter().find(|c| !c.is_empty()).map_or("", String::as_str);
        let by_case = CASE_HEADS.contains(&first);
        if HEADS.contains(&first) || by_case {
            let asks = cells.iter().any(|h| public_field(&format!("{h}: nej")).is_some());
            let subject = cells.iter().skip(1).any(|c| SUBJECTS.contains(&c.as_str()));
            // Case numbers and their answers only ("Sagsnr.   Offentlig"): the number names the item.
            let by_number = by_case && asks && !subject;
            let agenda =
                first.starts_with("pu") || first.starts_with("pk") || first.starts_with("da") || by_number || subject;
            header = agenda.then_some(AgendaHeader { labels: cells, asks, by_case, by_number });
            table += 1;
            continue;
        }
        let Some(AgendaHeader { labels, by_case, by_number, .. }) = &header else { continue };
        // (A case's "Lukket" in a table of cases may say it is finished; review 13. Its row names
        // its item's title, and an item hidden costs less than one published.)
        let closes = |(k, c): (usize, &String)| {
            is_mark(c) || labels.get(k).is_some_and(|h| public_field(&format!("{h}: {c}")) == Some(true))
        };
        let case = || first.parse::<CaseNumber>().ok().filter(|_| *by_case);
        let item = match number(first) {
            Some(n) => items.iter().find(|i| i.number == n),
            None => case().and_then(|c| items.iter().find(|i| i.case.as_ref() == Some(&c))),
        };
        let Some(item) = item else { continue };
        // A row's subject is its item's title, in one row of the table at least: a table of
        // schools or roads numbered 1, 2, 3 is no agenda (review 12), nor one of cases whose
        // subjects are not the items' (a list of the last meeting's; review 14).
        if names_title(&item.title, &cells) || *by_number {
            agendas.push(table);
        }
        if cells.iter().enumerate().skip(1).any(closes) {
            let says = Says::Numbers(vec![item.number]);
            rows.push((table, Named { says, line: l.no, text: l.text.trim().to_string() }));
        }
    }
    rows.into_iter().filter(|(t, _)| agendas.contains(t)).map(|(_, named)| named).collect()
}

/// The header of an agenda's table, see [`in_agenda_tables`].
struct AgendaHeader {
    /// Its cells, lower-cased.
    labels: Vec<String>,
    /// One is a public field's label, whose answers are read.
    asks: bool,
    /// Its rows may start with a case number ("Sagsnr.").
    by_case: bool,
    /// It has case numbers and answers but no subject: a row's number alone names its item.
    by_number: bool,
}

/// Whether one of a row's cells after its number names `title`: half or more of the title's words
/// (of three letters or more) stand in it, in any case.
fn names_title(title: &str, cells: &[String]) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect()
    };
    let title = words(title);
    cells.iter().skip(1).any(|c| {
        let cell = words(c);
        let shared = title.iter().filter(|w| cell.contains(w)).count();
        !title.is_empty() && shared * 2 >= title.len()
    })
}

/// The cells of a table's row: a pipe row, or cells set apart by tabs or gaps of two spaces or
/// more ("2       Køb af ejendom      Lukket", as `pdftotext -layout` writes; review 10).
fn row_cells(text: &str) -> Option<Vec<&str>> {
    if text.starts_with('|') {
        return pipe_cells(text);
    }
    let b = text.as_bytes();
    if !(b.contains(&b'\t') || crate::bytes::has_spaces(b, 2)) {
        return None;
    }
    let cells: Vec<&str> =
        text.split('\t').flat_map(|c| c.split("  ")).map(str::trim).filter(|c| !c.is_empty()).collect();
    (cells.len() >= 2).then_some(cells)
}

/// "Punkt 2 er ikke lukket", "… ikke længere lukket", "skal ikke behandles for lukkede døre",
/// "afviste at behandle punkt 3 for lukkede døre": a closing word denied. ("Ikke offentlig" is
/// closed, and no closing word.)
fn negated(tokens: &[&str]) -> bool {
    let closing = |t: &str| closing_word(t) || matches!(t, "behandles" | "behandle");
    tokens.windows(2).any(|w| matches!(w[0], "ikke" | "ej") && closing(w[1]))
        || tokens.windows(3).any(|w| matches!(w[0], "ikke" | "ej") && closing(w[2]))
        || tokens.iter().any(|t| matches!(*t, "afviste" | "afvist" | "genåbnes" | "genåbnet"))
}

/// "… på sidste møde", "fra forrige møde", "på mødet d. 5.3.2024": another meeting's items.
fn of_another_meeting(tokens: &[&str]) -> bool {
    tokens.windows(2).any(|w| matches!(w[0], "sidste" | "forrige" | "tidligere" | "næste") && w[1].starts_with("møde"))
        || tokens.windows(2).any(|w| matches!(w[0], "på" | "fra") && w[1] == "mødet")
}

/// An item number written as a Roman numeral in capitals ("IV") or a Danish word ("fire").
fn spelled(word: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv", "tretten", "fjorten",
        "femten", "seksten", "sytten", "atten", "nitten", "tyve",
    ];
    let lower = word.to_lowercase();
    if let Some(k) = WORDS.iter().position(|w| *w == lower).or_else(|| (lower == "et").then_some(0)) {
        return Some(k as u32 + 1);
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = word.chars().map(value).collect::<Option<_>>()?;
    let total = values
        .iter()
        .enumerate()
        .map(|(i, &v)| if values.get(i + 1).is_some_and(|&n| n > v) { -(v as i64) } else { v as i64 })
        .sum::<i64>();
    (total > 0).then_some(total as u32)
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
        let styled = match n.says {
            Says::Style(style) => styled_items(items, |i| from(i.line).first().map_or(0.0, |l| style.share(l.text))),
            _ => Vec::new(),
        };
        let says = |item: &AgendaItem| match &n.says {
            Says::Numbers(numbers) => numbers.contains(&item.number),
            Says::Sign(sign) => {
                carries(&item.title, sign) || from(item.line).iter().take(2).any(|l| carries(unwrapped(l.text), sign))
            }
            Says::Style(_) => styled.contains(&item.number),
        };
        let carried = items.iter().any(says);
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
        if let Says::Style(style) = n.says {
            if !carried {
                style_unseen(n, style, cx);
            }
            continue;
        }
        let Says::Numbers(numbers) = &n.says else {
            if !carried {
                legend_unused(n, items, lines, cx);
            }
            if let Says::Sign(sign) = &n.says {
                signed_heading_unread(n, sign, items, lines, cx);
            }
            continue;
        };
        for &missing in numbers.iter().filter(|&&k| !items.iter().any(|i| i.number == k)) {
            missing_item(n, missing, items, from, cx);
        }
    }
}

/// A header legend whose sign is marks only ("* = lukket punkt") that no item carries as read: the
/// sign may stand where it is not looked for, so the file is refused, as such a line refused it
/// before legends were read. A sign of letters ("(L)") unused only warns: it is a legend printed
/// on every agenda. Footnotes are not asked (a list's "* Lukket punkt" is text).
fn legend_unused(n: &Named, items: &[AgendaItem], lines: &[Line], cx: &mut Ctx) {
    let Says::Sign(sign) = &n.says else { return };
    let first_item = items.iter().map(|i| i.line).min().unwrap_or(usize::MAX);
    if n.line > first_item || sign.chars().any(char::is_alphanumeric) {
        return;
    }
    // Carried anywhere below the legend, then, in a way not read: refuse.
    if lines.iter().filter(|l| l.no > n.line).any(|l| l.text.contains(sign.as_str())) {
        cx.error(
            n.line,
            format!(
                "\"{}\" says items marked \"{sign}\" are closed, but no item's heading is read as marked so; \
                 the file is refused rather than an item published: mark each closed item itself \
                 (\"Punkt 2: Køb af ejendom - Lukket\")",
                clip(&n.text)
            ),
        );
    }
}

/// A legend of a style that no item's heading is read as set in: the text may not show the style
/// at all (a plain text export, "understreget"), so which items are closed is not known, and the
/// file is refused rather than a closed item published.
fn style_unseen(n: &Named, style: Style, cx: &mut Ctx) {
    let seen = match style {
        Style::Italic => "in italics (\"*Title*\")",
        Style::Bold => "in bold (\"**Title**\")",
        Style::Lock => "with a padlock (\"🔒\")",
        Style::Unseen => "so",
    };
    cx.error(
        n.line,
        format!(
            "\"{}\" says closed items are marked by their style, but no item's heading is written {seen}: \
             the file is refused rather than an item published; mark each closed item itself \
             (\"Punkt 2: Køb af ejendom - Lukket\")",
            clip(&n.text)
        ),
    );
}

/// A line in the items' text that carries a legend's sign and names an item the agenda skips
/// ("Punkt 2 L: Salg", "L Punkt 2: Salg"; review 17): a heading not read, whose closed text would
/// be published as the item's before it. The file is refused.
fn signed_heading_unread(n: &Named, sign: &str, items: &[AgendaItem], lines: &[Line], cx: &mut Ctx) {
    let Some(last) = items.iter().map(|i| i.number).max() else { return };
    let missing = |k: u32| !items.iter().any(|i| i.number == k);
    let first_item = items.iter().map(|i| i.line).min().unwrap_or(usize::MAX);
    let heading = lines.iter().filter(|l| l.no > first_item && l.text.len() <= 150).find(|l| {
        let lower = to_plain(l.text).to_lowercase();
        let words = tokens(&lower);
        let names = words
            .windows(2)
            .any(|w| NAMING.contains(&w[0]) && number(w[1]).is_some_and(|k| k <= last + 1 && missing(k)));
        names && carries(unwrapped(l.text), sign)
    });
    if let Some(l) = heading {
        cx.error(
            l.no,
            format!(
                "\"{}\" carries the sign that line {} (\"{}\") says marks closed items, but is not read as an \
                 item's heading: the file is refused rather than its text published; write the heading \
                 \"Punkt 2: Title - Lukket\"",
                clip(l.text.trim()),
                n.line,
                clip(&n.text)
            ),
        );
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
        // Written as a heading: the number first, or after a word naming an item ("Sag 2 …",
        // "Dagsordenpunkt 2: …", "Ad dagsordenens punkt 2:"), also as a Roman numeral or a word
        // after one ("Punkt IV", "Punkt fire"; review 10), and no sentence ("Bilag 4 vedlagt.").
        from(b.line + 1).iter().take_while(|l| l.no < end).find(|l| {
            let text = to_plain(l.text);
            if text.len() > 120 || text.trim_end().ends_with('.') {
                return false;
            }
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let naming = |w: &str| {
                let w = w.to_lowercase();
                NAMING.contains(&w.as_str()) || matches!(w.as_str(), "sag" | "nr" | "ad" | "dagsordenens")
            };
            // Also right after "punkt" among the first words and set off as a heading's is ("Til
            // dagsordenens punkt 2:", "Behandling af punkt 2 -"); a Roman numeral or a word only
            // right after a line's first "Punkt" ("Punkt II", "Punkt ii:", "Punkt to"), not in a
            // sentence ("Jf. punkt III i aftalen"; review 12).
            let set_off = [":", " -", " –", "."].iter().any(|s| text.contains(&format!("{missing}{s}")));
            words.iter().enumerate().any(|(k, w)| {
                let after_naming = k > 0 && NAMING.contains(&words[k - 1].to_lowercase().as_str());
                let leads = k <= 3 && ((after_naming && set_off) || words[..k].iter().all(|w| naming(w)));
                let first_punkt = k == 1 && NAMING.contains(&words[0].to_lowercase().as_str());
                match number(w) {
                    Some(n) => {
                        n == missing && (k == 0 || leads || (k <= 2 && !words[k - 1].eq_ignore_ascii_case("bilag")))
                    }
                    None => {
                        first_punkt && [w.to_string(), w.to_uppercase()].iter().any(|w| spelled(w) == Some(missing))
                    }
                }
            })
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

/// A footnote's sign as it shows: `<sup>*</sup>` as "*", `<sup>1</sup>` as "¹" (reviews 11 and 13).
fn superscript(text: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memmem::find(text.as_bytes(), b"<sup>").is_none() {
        return text.into();
    }
    let t = text.replace("<sup>1</sup>", "¹").replace("<sup>2</sup>", "²").replace("<sup>3</sup>", "³");
    t.replace("<sup>", "").replace("</sup>", "").into()
}

/// A heading as written without the emphasis around it ("**Punkt 2: Salg**"), whose stars are
/// no sign.
fn unwrapped(text: &str) -> &str {
    let t = text.trim();
    ["**", "__", "*", "_"].iter().find_map(|e| t.strip_prefix(e).and_then(|r| r.strip_suffix(e))).unwrap_or(t)
}

/// Whether a title carries a legend's sign: a sign of letters set apart ("Køb af ejendom (L)", "(L)
/// Køb af ejendom", "Køb af ejendom - L").
fn carries(title: &str, sign: &str) -> bool {
    let title = &*superscript(title);
    // A sign of marks anywhere in a heading as written ("Køb af ejendom*", "Punkt 2*: Køb",
    // "*Punkt 2: Køb", "Køb af ejendom¹"), but not emphasis, which comes in pairs ("Trafik *Vigtigt*").
    if !sign.chars().any(char::is_alphabetic) {
        return title.matches(sign).count() % 2 == 1;
    }
    // A bracketed sign is set apart by its brackets ("Køb af ejendom(L)").
    let t = compact(title.trim());
    t.match_indices(sign).any(|(at, _)| {
        let before = sign.starts_with('(') || t[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = sign.ends_with(')') || t[at + sign.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
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
            assert_eq!(named_closed(line, line), Some(Says::Numbers(want)), "{line}");
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
            assert_eq!(named_closed(line, line), None, "{line}");
        }
    }

    #[test]
    fn legends() {
        for (line, sign) in [
            ("(L) = Lukket punkt", "(l)"),
            ("* = lukket punkt", "*"),
            ("L: Lukket", "l"),
            ("(LUKK) = Ikke offentlig", "(lukk)"),
            ("Å = Åben, L = Lukket", "l"),
            // Review 10: spaced, square, without "=", plural, in a sentence.
            ("( L ) = Lukket punkt", "(l)"),
            ("[L] = Lukket punkt", "(l)"),
            ("(L) Lukkede punkter", "(l)"),
            ("Lukkede punkter er markeret med et (L).", "(l)"),
            ("Lukkede punkter er markeret med en stjerne (*).", "*"),
            ("Punkter markeret med * er ikke offentlige", "*"),
        ] {
            assert_eq!(named_closed(line, line), Some(Says::Sign(sign.into())), "{line}");
        }
        for line in ["Status: Lukket", "Mødeform: Lukket", "Åben = offentligt punkt"] {
            assert_eq!(legend(line, line), None, "{line}");
        }
        assert!(carries("Køb af ejendom (L)", "(l)"));
        assert!(carries("Køb af ejendom(L.)", "(l)"));
        assert!(carries("Køb af ejendom*", "*"));
        assert!(carries("Køb af ejendom - L", "l"));
        assert!(!carries("Lokalplan for Lindevej", "l"));
        assert!(!carries("Budget", "*"));
    }
}
