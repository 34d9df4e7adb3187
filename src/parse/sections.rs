//! Section headings inside an agenda item: which headings are known, their normalized kind, and
//! decision headings ("Beslutning i Direktionen den 20-11-2012") with body and date.

use super::dates;
use super::inline::{find_ci, lower_short, strip_prefix_ci};
use crate::model::SectionKind;
use chrono::{Datelike, NaiveDate};

/// Headings longer than this are text, not section headings.
const MAX_HEADING: usize = 120;

/// The kind of a known section heading (plain text, markup removed), or `None` for any other text.
pub fn kind_of(heading: &str) -> Option<SectionKind> {
    let raw = heading.trim();
    let h = raw.trim_end_matches([':', '.']).trim();
    // Every line of every item is asked: most are paragraphs, decided on their length.
    if h.is_empty() || h.len() > MAX_HEADING {
        return None;
    }
    // "Beslutningen blev udsat." is a sentence; "Beslutning den 20.03.2017." is not.
    let sentence = raw.strip_suffix('.').is_some_and(|r| !r.ends_with(|c: char| c.is_ascii_digit()));
    if sentence && !raw.contains("eslutning") {
        return None; // "Ingen bemærkninger."
    }
    // "Beslutning …: Godkendt." is a heading run into its text, handled by the caller.
    // (`h` ends in no space, so text follows any ": " in it.)
    if colon_space(h).is_some() {
        return None;
    }
    let mut buf = [0u8; 64];
    if let Some(kind) = lower_short(h, &mut buf).and_then(fixed_kind) {
        return Some(kind);
    }
    // Every decision heading contains "beslutning"; skip the parse for other lines.
    let worded = !sentence && find_ci(h, "beslutning").is_some() && is_decision_heading(h);
    (worded || earlier_decision(raw, h)).then_some(SectionKind::Decision)
}

/// Where `h` first has ": ", as `str::split_once(": ")` finds it: by `memchr`, as every line of
/// every item is asked (the substring search set itself up for each, 1 % of the parse).
fn colon_space(h: &str) -> Option<usize> {
    memchr::memchr_iter(b':', h.as_bytes()).find(|&i| h.as_bytes().get(i + 1) == Some(&b' '))
}

/// "Økonomiudvalget den 20. februar 2024, pkt. 7:": an earlier decision of the case as FirstAgenda
/// heads it, a body, a date and the point. Only with the colon that ends a heading line: without
/// it the same words may be text run into it ("…, pkt. 7: Anbefales.") or a page header
/// ("Økonomiudvalget 20-02-2024"). The byte tests come first, as every candidate line comes here.
fn earlier_decision(raw: &str, h: &str) -> bool {
    raw.ends_with(':') && h.ends_with(|c: char| c.is_ascii_digit()) && dated_body(h).is_some()
}

/// "Økonomiudvalget den 20. februar 2024, pkt. 7" → ("Økonomiudvalget", "20. februar 2024, pkt. 7"):
/// a body's name, then only a date and perhaps the point ("Økonomiudvalget den 20. februar 2024
/// anbefalede …" is a sentence).
fn dated_body(h: &str) -> Option<(&str, &str)> {
    let (body, date) = split_date(h);
    let (body, date) = (without_weekday(body), date?.trim());
    let found = dates::find_date(date, Some(2000)).filter(|f| f.span.start == 0)?;
    let rest = date[found.span.end..].trim_start_matches([',', ' ']);
    (body_like(body) && (rest.is_empty() || is_point(rest))).then_some((body, date))
}

/// "pkt. 7", "punkt 12": the point of the agenda an earlier decision was taken under.
fn is_point(s: &str) -> bool {
    let Some(n) = ["pkt.", "pkt", "punkt"].iter().find_map(|p| strip_prefix_ci(s, p)) else { return false };
    let n = n.trim_start().trim_end_matches('.');
    !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
}

/// "Økonomiudvalget", "Social- og Sundhedsudvalget", "Teknisk Udvalg", "Byrådet": capitalized
/// words (and "og", "for") of which the last names a kind of body. "Referat fra Økonomiudvalget"
/// and "Hjemmeplejen" are not bodies.
fn body_like(body: &str) -> bool {
    const BODIES: [&str; 7] =
        ["udvalget", "udvalg", "rådet", "direktionen", "bestyrelsen", "magistraten", "repræsentationen"];
    let mut words = 0;
    let mut last = "";
    for w in body.split_whitespace() {
        words += 1;
        if words > 6 || !(w.starts_with(char::is_uppercase) || matches!(w, "og" | "for" | "&")) {
            return false;
        }
        last = w;
    }
    body.starts_with(char::is_uppercase) && BODIES.iter().any(|b| super::inline::strip_suffix_ci(last, b).is_some())
}

fn fixed_kind(h: &str) -> Option<SectionKind> {
    use SectionKind::*;
    let kind = match h {
        "baggrund" | "sagens baggrund" => Background,
        "sagsfremstilling"
        | "sagsbeskrivelse"
        | "beskrivelse"
        | "sagens indhold"
        | "sagen"
        | "supplerende sagsfremstilling"
        | "problemstilling" => Presentation,
        "indstilling" | "indstillinger" | "forslag til beslutning" | "administrationens indstilling" => Recommendation,
        "beslutning" | "afgørelse" => Decision,
        "bilag" | "bilagsliste" | "bilagsfortegnelse" => Attachments,
        "økonomi"
        | "økonomiske konsekvenser"
        | "økonomi og finansiering"
        | "bevillingsmæssige konsekvenser"
        | "økonomiske forhold" => Economy,
        "retsgrundlag" | "lovgrundlag" | "lovgivning" | "juridiske forhold" => LegalBasis,
        "næste skridt" | "videre proces" | "den videre proces" | "proces" | "tidsplan" => NextSteps,
        "politik/plan" | "politik / plan" | "politik" | "plangrundlag" | "politikker og planer" => Policy,
        "information" | "kommunikation" | "information og kommunikation" | "kommunikation/information" => Information,
        "høring" | "høringer" | "høringssvar" => Consultation,
        "vurdering" | "administrationens vurdering" | "faglig vurdering" => Assessment,
        "andre relevante dokumenter" | "relevante dokumenter" => RelatedDocuments,
        "oversigt" => Overview,
        "resumé" | "resume" | "sammenfatning" => Summary,
        _ if h.ends_with(" konsekvenser") && h.split(' ').count() <= 3 => Other,
        // Headings of their own that a decision must not run on into (Copenhagen, Aarhus).
        "tidligere beslutninger"
        | "løsning"
        | "sagen afgøres af"
        | "beslutningskompetence"
        | "beslutningstema"
        | "hvad skal der ske?"
        | "hvad skal der ske"
        | "bemærkninger"
        | "supplerende oplysninger" => Other,
        _ => return None,
    };
    Some(kind)
}

/// "Beslutning", "Beslutning Direktionen den 20-03-2017", "Beslutning i Byrådet d. 12. april 2017",
/// "Direktionens beslutning den 20-03-2017". A sentence that starts with "Beslutning om …" is not.
fn is_decision_heading(h: &str) -> bool {
    if h.ends_with('.') && !h.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match split_decision(h) {
        Some((body, date)) => {
            let body_words = body.split_whitespace().count();
            // A written date only needs digits here; `decision_of` reads it (and warns).
            // "Beslutning i udvalget": a body in lower case names the meeting's own.
            date.is_some_and(|d| d.bytes().any(|b| b.is_ascii_digit()))
                || (body_words <= 4 && (body.chars().next().is_none_or(char::is_uppercase) || the_meeting(body)))
        }
        None => false,
    }
}

/// Splits a decision heading into (body as written, date text).
fn split_decision(h: &str) -> Option<(&str, Option<&str>)> {
    let (body, rest) = if let Some(rest) = strip_prefix_ci(h, "beslutning") {
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return None; // "Beslutningen", "Beslutningsgrundlag"
        }
        if rest.trim_start().strip_prefix(':').is_some_and(|r| !r.trim().is_empty()) {
            return None; // "Beslutning: Godkendt" is a heading run into its text
        }
        // "Beslutning, Byrådet 05.03.2024", "Beslutning – Byrådet": the comma or dash is no body.
        split_date(without_lead_in(rest.trim_start_matches([':', ' ', ',', '-', '–'])))
    } else if let Some(pos) = find_ci(h, "s beslutning") {
        let (body, rest) = (&h[..pos], &h[pos + "s beslutning".len()..]);
        if rest.starts_with(|c: char| c.is_alphanumeric()) || body.contains(' ') && body.split(' ').count() > 3 {
            return None;
        }
        let (_, date) = split_date(rest);
        (body, date)
    } else {
        let (body, date) = dated_body(h.trim_end_matches([':', ' ']))?;
        (body, Some(date))
    };
    Some((without_weekday(body), rest))
}

/// "taget på mødet i Byrådet …" → "Byrådet …": the words between "Beslutning" and the body. A
/// few rounds, as they come in any order ("truffet på mødet i", "fra mødet i").
fn without_lead_in(mut rest: &str) -> &str {
    const LEAD_IN: [&str; 10] =
        ["truffet ", "taget ", "mødet i ", "møde i ", "i ", "fra ", "af ", "for ", "på ", "ved "];
    for _ in 0..4 {
        match LEAD_IN.iter().find_map(|p| strip_prefix_ci(rest, p)) {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    rest
}

/// "Økonomiudvalget tirsdag" → "Økonomiudvalget": a weekday before the date is never part of
/// the body's name.
fn without_weekday(body: &str) -> &str {
    const WEEKDAYS: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
    let body = body.trim().trim_end_matches([',', ' ']);
    let day = WEEKDAYS.iter().find_map(|w| super::inline::strip_suffix_ci(body, w));
    match day {
        Some(rest) if rest.is_empty() || rest.ends_with([' ', ',']) => rest.trim_end_matches([',', ' ']),
        _ => body,
    }
}

/// "Direktionen den 20-03-2017" → ("Direktionen", Some("20-03-2017")).
fn split_date(s: &str) -> (&str, Option<&str>) {
    for sep in [" den ", " d. ", " d ", "den ", "d. "] {
        if let Some(pos) = find_ci(s, sep) {
            if sep.starts_with(' ') || pos == 0 {
                return (&s[..pos], Some(&s[pos + sep.len()..]));
            }
        }
    }
    // "Beslutning Direktionen 20-03-2017": the date starts at the first digit.
    match s.find(|c: char| c.is_ascii_digit()) {
        Some(at) => (&s[..at], Some(&s[at..])),
        None => (s, None),
    }
}

/// Body and date of a decision heading; the meeting's body and date fill what is not written.
/// Returns whether the written date could not be read.
/// A date written without a year is taken in the year that puts it nearest the meeting: "12.
/// december" in a meeting on 24 January is last December's. "mødet", "Udvalget" and other words
/// for the meeting itself name the meeting's body.
pub fn decision_of(heading: &str, meeting_body: &str, meeting_date: NaiveDate) -> (String, NaiveDate, bool) {
    let heading = heading.trim().replace(['(', ')'], " ");
    let (body, date) = split_decision(heading.trim()).unwrap_or(("", None));
    let body = body_name(body.trim());
    // "i byrådet", "i kommunalbestyrelsen": another body, written in lower case as Danish allows.
    let capitalized = |s: &str| {
        let mut chars = s.chars();
        chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    };
    let body = if body.is_empty() || the_meeting(body) {
        meeting_body.to_string()
    } else if body.chars().all(|c| !c.is_lowercase()) && body.chars().count() >= 5 {
        // "BESLUTNING I BYRÅDET": "Byrådet" (but "ØU", "KB" and "TMU" are abbreviations).
        capitalized(&body.to_lowercase())
    } else {
        capitalized(body)
    };
    match date {
        Some(d) => match dates::find_date(d, Some(meeting_date.year())) {
            Some(f) if f.year_assumed => (body, nearest_year(f.date, meeting_date), false),
            Some(f) => (body, f.date, false),
            None => (body, meeting_date, true),
        },
        None => (body, meeting_date, false),
    }
}

/// Words for the meeting itself rather than a body ("mødet", "udvalget").
fn the_meeting(body: &str) -> bool {
    ["mødet", "møde", "dagens møde", "udvalget", "udvalg", "byrådsmødet", "udvalgsmødet"]
        .iter()
        .any(|w| body.eq_ignore_ascii_case(w))
}

/// A body's name as a decision heading writes it, without what it says of the meeting: "Byrådets
/// møde" and "Byrådets ordinære møde" are "Byrådet", "Byrådet 1. behandling" is "Byrådet".
fn body_name(body: &str) -> &str {
    let strip = |b: &mut &str, tail: &str| match super::inline::strip_suffix_ci(b, tail) {
        Some(rest) => {
            *b = rest.trim_end();
            true
        }
        None => false,
    };
    let mut body = body.trim_end_matches([',', ' ']);
    for tail in [" 1. behandling", " 2. behandling", " 3. behandling"] {
        strip(&mut body, tail);
    }
    let meeting = strip(&mut body, " møde");
    for tail in [" ordinære", " ekstraordinære"] {
        strip(&mut body, tail);
    }
    match body.strip_suffix('s') {
        Some(base) if meeting && (base.ends_with("et") || base.ends_with("en")) => base,
        _ => body,
    }
}

/// `date` moved by a year either way if that brings it nearer `meeting`.
fn nearest_year(date: NaiveDate, meeting: NaiveDate) -> NaiveDate {
    let shifted = |years: i32| date.with_year(date.year() + years);
    [shifted(-1), Some(date), shifted(1)]
        .into_iter()
        .flatten()
        .min_by_key(|d| (*d - meeting).num_days().abs())
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_heading_run_into_its_text_is_no_heading_here() {
        for h in ["Beslutning: Godkendt.", "Indstilling: Det indstilles, at", "Økonomi: Ingen"] {
            assert_eq!(kind_of(h), None, "{h}");
        }
        assert_eq!(kind_of("Beslutning:"), Some(SectionKind::Decision));
    }

    #[test]
    fn colon_space_splits_where_split_once_does() {
        // Every string of up to five of these characters, multi-byte ones among them.
        let chars = [':', ' ', 'a', 'Ø', '€', '\u{a0}'];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words.iter().flat_map(|w| chars.iter().map(move |c| format!("{w}{c}"))).collect();
            for w in &longer {
                let want = w.split_once(": ").map(|(head, _)| head.len());
                assert_eq!(colon_space(w), want, "{w:?}");
            }
            words = longer;
        }
    }

    #[test]
    fn known_headings() {
        use SectionKind::*;
        for (h, k) in [
            ("Baggrund", Background),
            ("Sagsfremstilling", Presentation),
            ("Indstilling", Recommendation),
            ("Bilag", Attachments),
            ("Økonomi", Economy),
            ("Retsgrundlag", LegalBasis),
            ("Næste skridt", NextSteps),
            ("Politik/Plan", Policy),
            ("Information", Information),
            ("Høring", Consultation),
            ("Vurdering", Assessment),
            ("Andre relevante dokumenter", RelatedDocuments),
            ("Oversigt", Overview),
            ("BAGGRUND:", Background),
            ("Personalemæssige konsekvenser", Other),
        ] {
            assert_eq!(kind_of(h), Some(k), "{h}");
        }
        for h in ["Bilag - høringssvar til politikker fra centre", "Styregruppe", "Opening Up – en paraply", ""] {
            assert_eq!(kind_of(h), None, "{h}");
        }
    }

    #[test]
    fn decision_headings() {
        for h in [
            "Beslutning",
            "Beslutning Direktionen den 20-03-2017",
            "Beslutning i Direktionen den 06-11-2012",
            "Beslutning i Byrådet d. 12. april 2017",
            "Direktionens beslutning den 20-03-2017",
            "Beslutning:",
            "Beslutning i Direktionen den 20.03.2017.",
        ] {
            assert_eq!(kind_of(h), Some(SectionKind::Decision), "{h}");
        }
        for h in
            ["Beslutningen blev udsat.", "Beslutning om nedlæggelse af skolen træffes i maj", "Beslutningsgrundlag"]
        {
            assert_eq!(kind_of(h), None, "{h}");
        }
    }

    #[test]
    fn decision_body_and_date() {
        let m = d(2012, 11, 20);
        assert_eq!(
            decision_of("Beslutning i Direktionen den 06-11-2012", "X", m),
            ("Direktionen".into(), d(2012, 11, 6), false)
        );
        assert_eq!(decision_of("Beslutning", "Direktionen", m), ("Direktionen".into(), m, false));
        assert_eq!(
            decision_of("Beslutning i Byrådet den 3. december", "X", m),
            ("Byrådet".into(), d(2012, 12, 3), false)
        );
        assert_eq!(decision_of("Økonomiudvalgets beslutning den 1-2-2013", "X", m).0, "Økonomiudvalget");
        assert_eq!(decision_of("Beslutning Direktionen den 45-45-2017", "X", m), ("Direktionen".into(), m, true));
    }

    /// Regression (clerk review): "12. december" in a meeting on 24 January was dated 11 months
    /// after the meeting, "(Økonomiudvalget 12.03.2024)" gave the body "(Økonomiudvalget", and
    /// "fra mødet" and "Udvalgets" gave the bodies "mødet" and "Udvalget".
    #[test]
    fn decision_dates_without_year_and_bodies_in_other_words() {
        let m = d(2024, 1, 24);
        assert_eq!(decision_of("Beslutning i Økonomiudvalget den 12. december", "X", m).1, d(2023, 12, 12));
        assert_eq!(decision_of("Beslutning i Byrådet den 24. januar", "X", m).1, m);
        assert_eq!(decision_of("Beslutning i Byrådet den 3. februar", "X", m).1, d(2024, 2, 3));
        assert_eq!(decision_of("Beslutning i Byrådet den 3. december", "X", d(2023, 11, 20)).1, d(2023, 12, 3));
        let m = d(2024, 3, 12);
        assert_eq!(
            decision_of("Beslutning (Økonomiudvalget 12.03.2024)", "X", m),
            ("Økonomiudvalget".into(), m, false)
        );
        assert_eq!(decision_of("Beslutning fra mødet den 12.03.2024", "Byrådet", m), ("Byrådet".into(), m, false));
        assert_eq!(decision_of("Udvalgets beslutning", "Teknisk Udvalg", m).0, "Teknisk Udvalg");
    }

    /// Regression (second clerk review): these gave the bodies "For Byrådet", "På mødet",
    /// "Truffet på Byrådets møde", "BYRÅDET" and "Byrådet 1. behandling", and "Beslutning i
    /// udvalget" was no decision heading at all.
    #[test]
    fn decision_bodies_in_more_wordings() {
        let m = d(2024, 3, 12);
        for (heading, body) in [
            ("Beslutning for Byrådet den 29. marts 2023", "Byrådet"),
            ("Beslutning på mødet den 5. marts 2024", "X"),
            ("Beslutning truffet på Byrådets møde den 5. marts 2024", "Byrådet"),
            ("BESLUTNING I BYRÅDET DEN 5. MARTS 2024", "Byrådet"),
            ("Beslutning i Byrådet 1. behandling den 5. marts 2024", "Byrådet"),
            ("Beslutning i udvalget", "X"),
            ("Beslutning for Magistraten", "Magistraten"),
        ] {
            assert_eq!(kind_of(heading), Some(SectionKind::Decision), "{heading}");
            assert_eq!(decision_of(heading, "X", m).0, body, "{heading}");
        }
        for h in ["Supplerende sagsfremstilling", "Tidligere beslutninger", "Problemstilling", "Løsning"] {
            assert!(kind_of(h).is_some(), "{h}");
        }
    }
}
