//! The header's title line ("REFERAT Direktionen d. 20-03-2017", "Dagsorden - Byrådet", "Økonomiudvalgets
//! møde den 3. april"): whether a line is one, and the body's name and the date it gives.

use super::{Header, WEEKDAYS};
use crate::parse::dates;
use crate::parse::inline::{strip_prefix_ci, strip_suffix_ci};
use crate::parse::normalize::{Kind, Line};
use crate::parse::toc::clip;
use crate::parse::Ctx;

const TITLE_WORDS: &[&str] =
    &["referat", "dagsorden", "beslutningsprotokol", "protokol", "mødereferat", "beslutninger"];

/// Words before the title word of the minutes' open part: "Åbent referat".
const OPEN_WORDS: &[&str] = &["åbent ", "åben ", "offentligt "];

pub(super) fn is_title(line: &Line, plain: &str) -> bool {
    let t = plain.trim_start();
    let t = OPEN_WORDS.iter().find_map(|w| strip_prefix_ci(t, w)).unwrap_or(t);
    line.kind == Kind::Heading(1)
        || TITLE_WORDS.iter().any(|w| strip_prefix_ci(t, w).is_some())
        || dash_title(t).is_some()
}

/// "Økonomiudvalget - Referat" → "Økonomiudvalget", "Økonomiudvalget – Referat d. 12-03-2024" →
/// "Økonomiudvalget d. 12-03-2024": a title with the body before its title word, as [`title`]
/// reads it. Only title words and a date may follow the dash.
fn dash_title(plain: &str) -> Option<String> {
    let at = plain.rfind(" - ").into_iter().chain(plain.rfind(" – ")).max()?;
    let (body, tail) = (&plain[..at], plain[at..].trim_start_matches([' ', '-', '–']));
    let rest = strip_title_words(tail);
    // " d. 12-03-2024": the space lets `strip_date_words` take a "d." or "den" at the start.
    let dated = |r: &str| {
        dates::find_date(r, None).is_some_and(|f| strip_date_words(&format!(" {}", &r[..f.span.start])).is_empty())
    };
    (rest.len() < tail.len() && (rest.is_empty() || dated(rest))).then(|| format!("{} {rest}", body.trim()))
}

/// The title words at the start of a title: "Dagsorden og referat - Økonomiudvalget",
/// "Dagsorden og beslutninger" (joined).
fn strip_title_words(mut rest: &str) -> &str {
    while let Some(r) = TITLE_WORDS.iter().find_map(|w| strip_prefix_ci(rest, w)) {
        rest = r.trim_start_matches([':', ' ', '-', '–']);
        if let Some(r) = ["og ", "& "].iter().find_map(|j| strip_prefix_ci(rest, j)) {
            rest = r;
        }
    }
    rest
}

/// "REFERAT Direktionen d. 20-03-2017" → body "Direktionen", date 2017-03-20. Wordier titles
/// name the same body: "Referat fra Byrådets møde den …", "Referat af ordinært møde i Byrådet".
pub(super) fn title(h: &mut Header, plain: &str, no: usize, cx: &mut Ctx) {
    let dashed = dash_title(plain.trim());
    let mut rest = dashed.as_deref().unwrap_or(plain).trim();
    // "Åbent referat Kommunalbestyrelsen …": the open part of the minutes.
    rest = OPEN_WORDS.iter().find_map(|w| strip_prefix_ci(rest, w)).unwrap_or(rest);
    rest = strip_title_words(rest);
    while let Some(r) = TITLE_LEADS.iter().find_map(|p| strip_prefix_ci(rest, p).filter(|r| !r.is_empty())) {
        rest = r;
    }
    let body = match dates::find_date(rest, None) {
        Some(f) => {
            h.title_date = Some((f.date, no));
            &rest[..f.span.start]
        }
        None => match not_a_date(rest) {
            // A typo in the date must not make the rest of the line a new body's name.
            Some(at) => {
                cx.warn(no, format!("the title's date \"{}\" is not a valid date", clip(rest[at..].trim())));
                &rest[..at]
            }
            None => rest,
        },
    };
    let body = strip_date_words(body.trim());
    let body = strip_meeting_kind(body);
    // "Byrådets ordinære møde": "Byrådet".
    let body = match strip_suffix_ci(body, " møde") {
        Some(b) => {
            let b = [" ordinære", " ekstraordinære", " konstituerende"]
                .iter()
                .find_map(|t| strip_suffix_ci(b, t))
                .unwrap_or(b);
            genitive(b.trim_end())
        }
        None => body,
    };
    if !body.is_empty() {
        h.title_body = Some(body.to_string());
    }
}

/// The body's name without what the title says of the meeting or the term: "Økonomiudvalget -
/// Ekstraordinært møde" and "Økonomiudvalget 2022-2025" are "Økonomiudvalget" (each made a body
/// of its own).
fn strip_meeting_kind(body: &str) -> &str {
    let mut body = body;
    for dash in [" - ", " – "] {
        if let Some((name, tail)) = body.split_once(dash) {
            let tail = tail.to_lowercase();
            if ["møde", "ekstraordin", "temamøde", "seminar"].iter().any(|w| tail.contains(w)) {
                body = name;
            }
        }
    }
    // An election term: "2022-2025", "2022–25".
    let term = |t: &str| {
        let (a, b) = t.split_once(['-', '–'])?;
        (a.len() == 4 && (b.len() == 2 || b.len() == 4) && (a.to_owned() + b).bytes().all(|c| c.is_ascii_digit()))
            .then_some(())
    };
    match body.rsplit_once(' ') {
        Some((name, t)) if term(t).is_some() => name.trim_end(),
        _ => body.trim_end(),
    }
}

/// Words between the title word and the body's name, stripped in any order.
const TITLE_LEADS: &[&str] =
    &["fra ", "for ", "af ", "mødet i ", "møde i ", "ordinært ", "ekstraordinært ", "konstituerende "];

/// Where a date-shaped run of digits starts that is no date ("32-13-2017"), if there is one.
fn not_a_date(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| {
        (i == 0 || !b[i - 1].is_ascii_digit())
            && b[i].is_ascii_digit()
            && b[i..].iter().filter(|c| matches!(c, b'-' | b'.' | b'/')).take(2).count() == 2
            && b[i..].iter().take_while(|c| c.is_ascii_digit() || matches!(c, b'-' | b'.' | b'/')).count() >= 6
    })
}

/// "Byrådets" → "Byrådet", "Direktionens" → "Direktionen": the body's name in "Byrådets møde".
fn genitive(s: &str) -> &str {
    match s.strip_suffix('s') {
        Some(base) if base.ends_with("et") || base.ends_with("en") => base,
        _ => s,
    }
}

/// Trailing " d.", " den", ",", "-" and weekday before a date: "Direktionen, mandag den" → "Direktionen",
/// and "tirsdag den" (the title "Referat tirsdag den 5. marts 2024") → "": a weekday is no body.
fn strip_date_words(mut s: &str) -> &str {
    loop {
        let t = s.trim_end_matches([' ', ',', '-', '–']);
        let cut = [" d.", " den", " d", " mandag", " tirsdag", " onsdag", " torsdag", " fredag", " lørdag", " søndag"]
            .iter()
            .find_map(|w| strip_suffix_ci(t, w));
        match cut {
            Some(c) => s = c,
            None if WEEKDAYS.iter().any(|w| t.to_lowercase() == *w) => return "",
            None => return t,
        }
    }
}
