//! Danish dates and times as written in minutes: "Mandag d. 20. marts 2017 kl. 10:00",
//! "20-03-2017", "20.03.17", "2017-03-20", "tirsdag den 13.november" (year from context).

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2}))(?:$|[^\d])")
        .expect("static regex")
});

static TEXTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\d])(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\b\.?(?:\s*(\d{4}))?",
    )
    .expect("static regex")
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bkl\.?\s*(\d{1,2})(?:[:.](\d{2}))?(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?)?")
        .expect("static regex")
});

static BARE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(\d{1,2})[:.](\d{2})(?:\s*(?:-|–)\s*(\d{1,2})[:.](\d{2}))?(?:$|\s)").expect("static regex")
});

const MONTH_WORDS: [&str; 24] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
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

/// Danish month name or abbreviation → month number.
fn month(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "maj" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// True if `s` starts with a Danish month name ("november: …", "marts 2017").
pub fn starts_with_month(s: &str) -> bool {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    let word = s[..end].to_lowercase();
    MONTH_WORDS.contains(&word.as_str())
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
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // `is_match` runs a fast automaton; captures are only taken where a date can be.
    let numeric = NUMERIC.is_match(s).then(|| NUMERIC.captures_iter(s)).into_iter().flatten().find_map(|c| {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        let (y, m, d) = match (n(1), n(4)) {
            (Some(y), _) => (y, n(2)?, n(3)?),
            (None, Some(d)) => (two_digit_year(n(6)?), n(5)?, d),
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
        let span = c.get(1).or_else(|| c.get(4))?.start()..c.get(3).or_else(|| c.get(6))?.end();
        Some(Found { date, span, year_assumed: false })
    });
    let textual = TEXTUAL.is_match(s).then(|| TEXTUAL.captures_iter(s)).into_iter().flatten().find_map(|c| {
        let d: u32 = c.get(1)?.as_str().parse().ok()?;
        let m = month(c.get(2)?.as_str())?;
        let (y, assumed) = match c.get(3) {
            Some(y) => (y.as_str().parse().ok()?, false),
            None => (default_year?, true),
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        let end = c.get(3).or_else(|| c.get(2))?.end();
        Some(Found { date, span: c.get(1)?.start()..end, year_assumed: assumed })
    });
    match (numeric, textual) {
        (Some(a), Some(b)) => Some(if b.span.start < a.span.start { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Start time and optional end time: "kl. 10:00", "kl. 10.00-12.00", "kl 9", or a bare "10:00".
pub fn find_time(s: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let hm = |h: Option<regex::Match>, m: Option<regex::Match>| {
        let h: u32 = h?.as_str().parse().ok()?;
        let m: u32 = m.map_or(Some(0), |m| m.as_str().parse().ok())?;
        NaiveTime::from_hms_opt(h, m, 0)
    };
    if let Some(c) = TIME.captures(s) {
        if let Some(start) = hm(c.get(1), c.get(2)) {
            return Some((start, hm(c.get(3), c.get(4))));
        }
    }
    let c = BARE_TIME.captures(s)?;
    Some((hm(c.get(1), c.get(2))?, hm(c.get(3), c.get(4))))
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

    #[test]
    fn numeric_forms() {
        assert_eq!(find_date("Beslutning Direktionen den 20-03-2017", None).unwrap().date, d(2017, 3, 20));
        assert_eq!(find_date("d. 06.11.12", None).unwrap().date, d(2012, 11, 6));
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

    #[test]
    fn month_words() {
        assert!(starts_with_month("november: Sammenhængskraft"));
        assert!(starts_with_month("april:"));
        assert!(!starts_with_month("Handicappolitikken"));
        assert!(starts_with_month("okt. 2011"));
        assert!(!starts_with_month("marked"));
    }
}
