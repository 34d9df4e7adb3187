//! Danish dates and times as written in minutes: "Mandag d. 20. marts 2017 kl. 10:00",
//! "20-03-2017", "20.03.17", "2017-03-20", "tirsdag den 13.november" (year from context).

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use std::ops::Range;

// Hand-written scanners rather than regexes: dates are read for every decision heading, and
// a capturing regex with case-insensitive alternatives costs tens of thousands of instructions.

/// Danish month names and their abbreviations.
const MONTHS: [(&str, u32); 24] = [
    ("januar", 1),
    ("februar", 2),
    ("marts", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mandag", Weekday::Mon),
    ("tirsdag", Weekday::Tue),
    ("onsdag", Weekday::Wed),
    ("torsdag", Weekday::Thu),
    ("fredag", Weekday::Fri),
    ("lørdag", Weekday::Sat),
    ("søndag", Weekday::Sun),
];

/// True if `word` is a Danish weekday's name, in any case ("Lørdag"), or the weekend's or holidays'
/// ("weekend", "helligdage"): a place's opening hours are listed by them ("Lørdag: Lukket").
pub(in crate::parse) fn is_day(word: &str) -> bool {
    let word = word.trim().trim_matches(['*', '_']);
    if word.len() > 10 {
        return false;
    }
    let lower = word.to_lowercase();
    WEEKDAYS.iter().any(|(d, _)| lower == *d) || lower == "weekend" || lower == "helligdage"
}

/// True if `s` starts with a Danish month name ("november: …", "marts 2017").
pub fn starts_with_month(s: &str) -> bool {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    let word = s[..end].to_lowercase();
    MONTHS.iter().any(|(w, _)| *w == word)
}

fn two_digit_year(y: i32) -> i32 {
    if y < 100 {
        if y < 70 {
            2000 + y
        } else {
            1900 + y
        }
    } else {
        y
    }
}

/// A date found in text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub date: NaiveDate,
    pub span: Range<usize>,
    /// The year was not written and came from `default_year`.
    pub year_assumed: bool,
}

/// The first valid date in `s`. A textual date without a year ("13.november") takes `default_year`.
pub fn find_date(s: &str, default_year: Option<i32>) -> Option<Found> {
    let b = s.as_bytes();
    (0..b.len())
        .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
        .find_map(|i| numeric_at(s, i).or_else(|| textual_at(s, i, default_year)))
}

/// Length of the run of ASCII digits at `at`.
fn digits(b: &[u8], at: usize) -> usize {
    b.get(at..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn number(s: &str, at: usize, len: usize) -> Option<u32> {
    s.get(at..at + len)?.parse().ok()
}

/// "20-03-2017", "20.03.17", "20/3/2017" or "2017-03-20" starting at `i`.
fn numeric_at(s: &str, i: usize) -> Option<Found> {
    let b = s.as_bytes();
    let n1 = digits(b, i);
    let is_sep = |p: usize| b.get(p).is_some_and(|c| matches!(c, b'-' | b'.' | b'/'));
    let (y, m, d, end) = if n1 == 4 && b.get(i + 4) == Some(&b'-') {
        let n2 = digits(b, i + 5);
        let at3 = i + 5 + n2 + 1;
        let n3 = digits(b, at3);
        if !(1..=2).contains(&n2) || b.get(at3 - 1) != Some(&b'-') || !(1..=2).contains(&n3) {
            return None;
        }
        (number(s, i, 4)? as i32, number(s, i + 5, n2)?, number(s, at3, n3)?, at3 + n3)
    } else if (1..=2).contains(&n1) && is_sep(i + n1) {
        let at2 = i + n1 + 1;
        let n2 = digits(b, at2);
        let at3 = at2 + n2 + 1;
        let n3 = digits(b, at3);
        // "20/3 2017": after a slash the year may follow a space, as Danes write it by hand.
        let spaced_year = b[i + n1] == b'/' && b.get(at2 + n2) == Some(&b' ') && n3 == 4;
        if !(1..=2).contains(&n2) || !(is_sep(at2 + n2) || spaced_year) || !(n3 == 2 || n3 == 4) {
            return None;
        }
        let year = number(s, at3, n3)? as i32;
        // "01-01-0000" is no date: four digits are the year as written, two the nearest one.
        let year = if n3 == 2 { two_digit_year(year) } else { year };
        (year, number(s, at2, n2)?, number(s, i, n1)?, at3 + n3)
    } else {
        return None;
    };
    // A year written with four digits before 1000 is a placeholder or a slip ("0000"), no date.
    let date = NaiveDate::from_ymd_opt(y, m, d).filter(|_| y >= 1000)?;
    Some(Found { date, span: i..end, year_assumed: false })
}

/// "20. marts 2017", "13.november", "1. okt. 2011" starting at `i`.
fn textual_at(s: &str, i: usize, default_year: Option<i32>) -> Option<Found> {
    let b = s.as_bytes();
    let n1 = digits(b, i);
    if !(1..=2).contains(&n1) {
        return None;
    }
    let day = number(s, i, n1)?;
    let mut p = i + n1;
    if b.get(p) == Some(&b'.') {
        p += 1;
    }
    p = skip_space(s, p);
    let word_len = s.get(p..)?.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len() - p);
    let word = &s[p..p + word_len];
    let month = MONTHS.iter().find(|(w, _)| word.eq_ignore_ascii_case(w)).map(|(_, m)| *m)?;
    let month_end = p + word_len;
    let mut q = month_end;
    if b.get(q) == Some(&b'.') {
        q += 1;
    }
    let q = skip_space(s, q);
    let (year, end, assumed) = match digits(b, q) {
        4 => (number(s, q, 4)? as i32, q + 4, false),
        _ => (default_year?, month_end, true),
    };
    let date = NaiveDate::from_ymd_opt(year, month, day).filter(|_| year >= 1000)?;
    Some(Found { date, span: i..end, year_assumed: assumed })
}

fn skip_space(s: &str, at: usize) -> usize {
    s.get(at..).map_or(at, |r| at + (r.len() - r.trim_start().len()))
}

/// Start time and optional end time: "kl. 10:00", "kl. 10.00-12.00", "kl 9", or a bare "10:00".
pub fn find_time(s: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    kl_time(s).or_else(|| bare_time(s))
}

/// A time after "kl": "kl. 10:00", "kl. 10.00-12.00", "kl 9".
fn kl_time(s: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let b = s.as_bytes();
    // "kl" starting a word, then an hour.
    let after_kl = (0..b.len().saturating_sub(1)).find_map(|i| {
        // "kl" is ASCII, so a match starts on a char boundary.
        if !b[i..i + 2].eq_ignore_ascii_case(b"kl") || s[..i].ends_with(char::is_alphanumeric) {
            return None;
        }
        let mut p = i + 2;
        if b.get(p) == Some(&b'.') {
            p += 1;
        }
        let p = skip_space(s, p);
        (digits(b, p) > 0).then_some(p)
    });
    let (start, p) = clock(s, after_kl?, true)?;
    Some((start, range_end(s, p, true).map(|(t, _)| t)))
}

/// A bare "10:00" or "10.00-12.00" standing as its own word.
fn bare_time(s: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let b = s.as_bytes();
    (0..b.len()).find_map(|i| {
        // Digits are ASCII, so `i` is on a char boundary once `b[i]` is one.
        if !b[i].is_ascii_digit() || !(i == 0 || s[..i].ends_with(char::is_whitespace)) {
            return None;
        }
        let (start, p) = clock(s, i, false)?;
        let ends = |p: usize| p == s.len() || s[p..].starts_with(char::is_whitespace);
        match range_end(s, p, false) {
            Some((end, q)) if ends(q) => Some((start, Some(end))),
            _ => ends(p).then_some((start, None)),
        }
    })
}

/// [`find_time`] where a time is expected (after a meeting's date, in its time field), also
/// written without its stop as the first word: "1700", "1700-1900", "kl. 1730". Elsewhere four
/// digits are as often a year ("marts 2024 1700").
///
/// The first word comes first ("1600 (spisning kl. 18)"). A start so written is on the quarter
/// hour, and is no time before the post town of the postcodes that read as one ("2000
/// Frederiksberg", "2100 København Ø"). Four digits first that are no time leave only a time
/// after "kl.": the rest of the line is a place ("0900 Rådhuset, mødelokale 2.15").
pub fn find_field_time(s: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    const POST_TOWNS: [&str; 3] = ["København", "Frederiksberg", "Høje Taastrup"];
    let p = skip_space(s, s.len() - s.trim_start_matches([' ', ',']).len());
    if digits(s.as_bytes(), p) != 4 {
        return kl_time(s).or_else(|| bare_time(s));
    }
    let first_word = || {
        let (start, p) = clock(s, p, true).filter(|(t, _)| t.minute() % 15 == 0)?;
        let end = range_end(s, p, true).filter(|&(_, q)| word_ends(s, q));
        let after = s[end.map_or(p, |(_, q)| q)..].trim_start();
        let town = POST_TOWNS.iter().any(|t| after.starts_with(t));
        ((word_ends(s, p) || end.is_some()) && !town).then_some((start, end.map(|(t, _)| t)))
    };
    first_word().or_else(|| kl_time(s))
}

/// True if the word at `s[..p]` ends at `p`: a space, punctuation or the end follows.
fn word_ends(s: &str, p: usize) -> bool {
    !s[p..].starts_with(char::is_alphanumeric)
}

/// "10", "10:00", "9.30" at `at` (minutes required unless `bare_hour`; with it also "1730", a
/// clock time without its stop, on five minutes only, as four digits are more often a year or a
/// postcode: "2024", "1621"); returns the time and the position after it.
fn clock(s: &str, at: usize, bare_hour: bool) -> Option<(NaiveTime, usize)> {
    let b = s.as_bytes();
    if bare_hour && digits(b, at) == 4 {
        let minute = number(s, at + 2, 2).filter(|m| m % 5 == 0)?;
        let time = NaiveTime::from_hms_opt(number(s, at, 2)?, minute, 0)?;
        return Some((time, at + 4));
    }
    let n = digits(b, at).min(2);
    if n == 0 {
        return None;
    }
    let hour = number(s, at, n)?;
    let p = at + n;
    let minutes = matches!(b.get(p), Some(b':' | b'.')) && digits(b, p + 1) >= 2;
    let (minute, end) = match (minutes, bare_hour) {
        (true, _) => (number(s, p + 1, 2)?, p + 3),
        (false, true) => (0, p),
        (false, false) => return None,
    };
    Some((NaiveTime::from_hms_opt(hour, minute, 0)?, end))
}

/// "-12.00", " – kl. 12", " til 12:30", " - ca. 19.00" after a start time.
fn range_end(s: &str, at: usize, kl: bool) -> Option<(NaiveTime, usize)> {
    let mut p = skip_space(s, at);
    let rest = s.get(p..)?;
    p += if rest.starts_with('-') {
        1
    } else if rest.starts_with('–') {
        '–'.len_utf8()
    } else if rest.as_bytes().get(..4).is_some_and(|w| w[..3].eq_ignore_ascii_case(b"til") && w[3] == b' ') {
        // "15:00 til 17:30"; without "kl" the end needs its minutes, so "til 3" is no time.
        3
    } else {
        return None;
    };
    p = skip_circa(s, skip_space(s, p));
    if kl && s.get(p..p + 2).is_some_and(|w| w.eq_ignore_ascii_case("kl")) {
        p += 2;
        if s.as_bytes().get(p) == Some(&b'.') {
            p += 1;
        }
        p = skip_space(s, p);
    }
    clock(s, p, kl)
}

/// Past "ca. " or "cirka " at `at`: an end time given roughly is the end time ("17.00 - ca. 19.00").
fn skip_circa(s: &str, at: usize) -> usize {
    let rest = s.get(at..).unwrap_or("").as_bytes();
    // ASCII words, so the position after one is a char boundary.
    let word = ["cirka ", "ca. ", "ca.", "ca "]
        .iter()
        .find(|w| rest.get(..w.len()).is_some_and(|r| r.eq_ignore_ascii_case(w.as_bytes())));
    word.map_or(at, |w| skip_space(s, at + w.len()))
}

/// If `s` names a weekday ("Mandag d. …") that is not `date`'s weekday, returns the name written.
pub fn weekday_mismatch(s: &str, date: NaiveDate) -> Option<String> {
    let lower = s.to_lowercase();
    let word = lower.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty())?;
    let (_, wd) = WEEKDAYS.iter().find(|(name, _)| *name == word)?;
    (*wd != date.weekday()).then(|| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn danish_long_form_with_time() {
        let s = "Mandag d. 20. marts 2017 kl. 10:00";
        assert_eq!(find_date(s, None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_time(s), Some((NaiveTime::from_hms_opt(10, 0, 0).unwrap(), None)));
        assert_eq!(weekday_mismatch(s, d(2017, 3, 20)), None);
        assert_eq!(weekday_mismatch("Tirsdag d. 20. marts 2017", d(2017, 3, 20)).as_deref(), Some("tirsdag"));
    }

    /// Regression (robustness review): "REFERAT Direktionen d. 01-01-0000" was dated 2000-01-01
    /// without a word.
    #[test]
    fn regression_a_year_of_zeros_is_no_year() {
        for s in ["01-01-0000", "01.01.0000", "0000-01-01", "1. januar 0999"] {
            assert_eq!(find_date(s, None).map(|f| f.date), None, "{s}");
        }
        assert_eq!(find_date("01-01-00", None).unwrap().date, d(2000, 1, 1), "two digits are the nearest year");
        assert_eq!(find_date("01-01-1999", None).unwrap().date, d(1999, 1, 1));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(find_date("Beslutning Direktionen den 20-03-2017", None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_date("d. 06.11.12", None).unwrap().date, d(2012, 11, 6));
        assert_eq!(find_date("Mødedato: 20/3 2017", None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_date("sag 20/3 17", None), None, "a space and a two-digit year is no date");
        assert_eq!(find_date("2017-03-20.txt", None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_date("20/11", None), None);
        assert_eq!(find_date("32-13-2017", None), None);
        let f = find_date("REFERAT Direktionen d. 20-03-2017", None).unwrap();
        assert_eq!(f.span, 23..33);
    }

    #[test]
    fn textual_without_year_takes_the_default() {
        let f = find_date("tirsdag den 13.november, har", Some(2012)).unwrap();
        assert_eq!(f.date, d(2012, 11, 13));
        assert!(f.year_assumed);
        assert_eq!(find_date("den 13.november", None), None);
        assert_eq!(find_date("1. okt. 2011", None).unwrap().date, d(2011, 10, 1));
    }

    #[test]
    fn time_ranges() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        assert_eq!(find_time("kl. 10.00-12.00"), Some((t(10), Some(t(12)))));
        assert_eq!(find_time("kl 9"), Some((t(9), None)));
        assert_eq!(find_time("20. marts 2017 14:00"), Some((t(14), None)));
        assert_eq!(find_time("kl. 25"), None);
    }

    /// Regression (third clerk review): a multi-byte letter after the start time ("kl. 16.30 i
    /// Ølstykke Hallen", "kl. 17.00 (Mødet …") panicked while looking for "til".
    #[test]
    fn a_letter_of_two_bytes_after_the_time_is_no_panic() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(find_time("kl. 16.30 i Ølstykke Hallen"), Some((t(16, 30), None)));
        assert_eq!(find_time("kl. 17.00 (Mødet sluttede kl. 19.10)"), Some((t(17, 0), None)));
        assert_eq!(find_time("kl. 17.00 æøå"), Some((t(17, 0), None)));
    }

    /// Found in review: "Mødedato: 12.03.2024 1700" gave no start time, and "kl. 1730" gave 17:00.
    #[test]
    fn regression_a_clock_time_without_its_stop() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(find_time("kl. 1730"), Some((t(17, 30), None)));
        assert_eq!(find_time("kl. 1700-1900"), Some((t(17, 0), Some(t(19, 0)))));
        assert_eq!(find_time("kl. 2460"), None);
        assert_eq!(find_time(" 1700"), None, "four digits alone may be a year");
        for (s, want) in [
            (" 1700", Some((t(17, 0), None))),
            (", 0930 i B204", Some((t(9, 30), None))),
            (" 1700-1900", Some((t(17, 0), Some(t(19, 0))))),
            (" 1700 - 19.30", Some((t(17, 0), Some(t(19, 30))))),
            (" kl. 15.00", Some((t(15, 0), None))),
            (" 2460", None),
            (" 17000", None),
            (" 1700kr", None),
            (" i 1700-tallet", None),
            // Found in review: a postcode, a year, a later "kl.".
            (" 2000 Frederiksberg", None),
            (", 1620 København V", None),
            (" 1050 København K", None),
            (" 2024", None),
            (" 2024-2025", None),
            (" 1700-2024", Some((t(17, 0), None))),
            (" 1600 (spisning kl. 18)", Some((t(16, 0), None))),
            (" 1600, middag kl. 1900", Some((t(16, 0), None))),
            (" 1700 i Byrådssalen", Some((t(17, 0), None))),
            // Second review: a place after the time, a room number, an end on ten minutes.
            (" 0900 Rådhuset, mødelokale 2.15", Some((t(9, 0), None))),
            (" 1700 Mødelokale 1.30", Some((t(17, 0), None))),
            (" 1700-1900 Byrådssalen", Some((t(17, 0), Some(t(19, 0))))),
            (" 1700 ÅBENT MØDE", Some((t(17, 0), None))),
            (" 1700 – 1910", Some((t(17, 0), Some(t(19, 10))))),
            (" 2100 København Ø", None),
            (" 1620 København V, lokale 2.15", None),
        ] {
            assert_eq!(find_field_time(s), want, "{s:?}");
        }
    }

    #[test]
    fn odd_dates_and_times() {
        assert_eq!(find_date("2017-3-20", None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_date("120-03-2017", None), None);
        assert_eq!(find_date("20-03-20170", None), None);
        assert_eq!(find_date("20. martsmøde 2017", None), None);
        assert_eq!(find_date("Bilag 3 og 20. MARTS 2017", None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_date("31. februar 2017, 1. marts 2017", None).unwrap().date, d(2017, 3, 1));
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(find_time("Klub kl. 9.30 til kl. 11"), Some((t(9, 30), Some(t(11, 0)))));
        assert_eq!(find_time("20.03.2017"), None);
        assert_eq!(find_time("kl."), None);
        assert_eq!(find_time("æ kl 8 – 9:15"), Some((t(8, 0), Some(t(9, 15)))));
        assert_eq!(find_time("10:00 - 12:00 i B204"), Some((t(10, 0), Some(t(12, 0)))));
    }

    /// Regression (third clerk review): "17.00 - ca. 19.00" lost its end.
    #[test]
    fn an_end_given_roughly() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(find_time("17.00 - ca. 19.00"), Some((t(17, 0), Some(t(19, 0)))));
        assert_eq!(find_time("kl. 16.30 – ca. kl. 18"), Some((t(16, 30), Some(t(18, 0)))));
        assert_eq!(find_time("kl. 9 til cirka 11.15"), Some((t(9, 0), Some(t(11, 15)))));
        assert_eq!(find_time("kl. 17 - CA.19.00"), Some((t(17, 0), Some(t(19, 0)))));
        assert_eq!(find_time("kl. 17 - ca æøå"), Some((t(17, 0), None)));
        assert_eq!(find_time("kl. 17 - c"), Some((t(17, 0), None)));
    }

    #[test]
    fn month_abbreviations_jun_to_sep_not_one_month_early() {
        let names = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober"];
        let names = names.iter().chain(&["november", "december"]);
        let abbr = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        for (m, (name, ab)) in names.zip(abbr).enumerate() {
            let m = m as u32 + 1;
            assert_eq!(find_date(&format!("1. {name} 2017"), None).unwrap().date, d(2017, m, 1), "{name}");
            assert_eq!(find_date(&format!("1. {ab}. 2017"), None).unwrap().date, d(2017, m, 1), "{ab}");
        }
        assert_eq!(find_date("1. sept. 2017", None).unwrap().date, d(2017, 9, 1));
    }

    #[test]
    fn month_words() {
        assert!(starts_with_month("november: Sammenhængskraft"));
        assert!(starts_with_month("april:"));
        assert!(!starts_with_month("Handicappolitikken"));
        assert!(starts_with_month("okt. 2011"));
        assert!(!starts_with_month("marked"));
    }
}
