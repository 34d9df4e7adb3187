//! Mentions of case numbers and dates in running text, found by one set of rules for both the
//! pages' cross-links and the search index's exact keys, so a page never links a token that the
//! search does not find as the same thing (or the other way round).
//!
//! Dates are `20-03-2017`, `20.03.2017`, `20/03/2017`, ISO `2017-03-20`, with a two-digit year
//! (`21.12.16`, `20-03-17`: day and month of two digits each, one separator, not part of a longer
//! dotted number such as a KLE number) and written out (`20. marts 2017`, `20. mar. 2017`); case
//! numbers are short (`16/26813`), KLE (`00.01.00-A00-1-21`) or year-serial (`2017-012345`,
//! `EMN-2019-00123`). A date wins over a case number inside it: the `20/03` of `20/03/2017` is not
//! case 20/3.
//!
//! Day and month with a slash and then a space and a four-digit year (`20/3 2017`, as `20/3-2017`
//! already is) are a date too, as the search page reads such a query (`d:2017-03-20`): were the
//! minutes' `20/3 2017` case 20/3, that query would not find them. It is a date only where it is
//! one (month ≤ 12, a real day) and the year stands alone, so `16/26813 2017` stays case 16/26813
//! and the word 2017. A short case number with a one- or two-digit serial followed by a year
//! (`16/5 2017`) reads the same as a date, so right after a case label (`sag`, `sagsnr.`, `j.nr.`,
//! `journalnr.`, `nr.`: [`CASE_LABELS`]) it stays the case number; search.js joins the query's
//! `20/3 2017` into a date under the same rule.

use crate::case::CaseNumber;
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Mention {
    Date(NaiveDate),
    Case(CaseNumber),
}

/// The patterns use ASCII word boundaries: the tokens are ASCII, and Unicode `\b` is several times
/// slower. None has capture groups: `find_iter` runs the lazy DFA, captures need a slower engine.
fn patterns() -> &'static [Regex; 5] {
    static P: OnceLock<[Regex; 5]> = OnceLock::new();
    P.get_or_init(|| {
        [
            // dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy and ISO yyyy-mm-dd
            r"(?-u)\b(?:\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})\b",
            // dd-mm-yy, dd.mm.yy, dd/mm/yy; [`short_year_date`] checks the rest
            r"(?-u)\b\d{2}[-./]\d{2}[-./]\d{2}\b",
            // KLE journal numbers
            r"(?-u)\b\d{2}\.\d{2}\.\d{2}-[A-Za-z]\d{2}-\d{1,7}-(?:\d{4}|\d{2})\b",
            // short case numbers; a following "/" means it was part of something longer (a date)
            r"(?-u)\b\d{2}/\d{1,7}\b",
            // year-serial case numbers (WorkZone, eDoc, GetOrganized); `CaseNumber` checks the rest
            r"(?-u)\b(?:[A-Za-z]{2,4}-)?(?:19|20)\d{2}-\d{3,7}\b",
        ]
        .map(|p| Regex::new(p).unwrap_or_else(|e| unreachable!("constant pattern {p}: {e}")))
    })
}

/// Calls `found` with every mention in `text` and its byte range, in order, none overlapping.
/// The patterns run only over the few stretches of `text` that may hold a token (see
/// [`scan`]), not over whole paragraphs three times.
pub fn each_mention(text: &str, mut found: impl FnMut(Range<usize>, Mention)) {
    let mut written = Vec::new();
    let runs = scan(text, &mut written);
    if written.is_empty() {
        numeric_mentions(text, &runs, found);
        return;
    }
    // Rare: dates written out beside the numeric tokens, merged in order (none overlaps another).
    let mut all = written;
    numeric_mentions(text, &runs, |range, mention| all.push((range, mention)));
    all.sort_by_key(|(range, _)| range.start);
    let mut end = 0;
    for (range, mention) in all {
        if range.start >= end {
            end = range.end;
            found(range, mention);
        }
    }
}

/// [`each_mention`] of the numeric tokens: dates and case numbers.
fn numeric_mentions(text: &str, runs: &[(usize, usize)], mut found: impl FnMut(Range<usize>, Mention)) {
    let [dates, short_year, kle, short, dashed] = patterns();
    let mut in_stretch: Vec<(Range<usize>, Option<Mention>)> = Vec::new();
    for &(start, end) in runs {
        let Some(stretch) = text.get(start..end).filter(|s| may_hold(s)) else { continue };
        let at = |m: regex::Match<'_>| start + m.start()..start + m.end();
        in_stretch.clear();
        // A date pattern's match is taken even when it is no real date ("31-02-2017").
        in_stretch.extend(dates.find_iter(stretch).map(|m| (at(m), written_date(m.as_str()).map(Mention::Date))));
        // A two-digit year only where the match is a real date standing alone (not "27.12.04" of
        // the KLE number "27.12.04-G01-3-17").
        for m in short_year.find_iter(stretch) {
            let taken = in_stretch.iter().any(|(t, _)| at(m).start < t.end && t.start < at(m).end);
            if let Some(date) = short_year_date(stretch, m.range()).filter(|_| !taken) {
                in_stretch.push((at(m), Some(Mention::Date(date))));
            }
        }
        if let Some(date) = slashed_date_with_year(text, start, end) {
            in_stretch.push((start..date.0, Some(Mention::Date(date.1))));
        }
        let dated = in_stretch.len();
        let free = |r: &Range<usize>, taken: &[(Range<usize>, Option<Mention>)]| {
            taken.iter().all(|(t, _)| r.end <= t.start || t.end <= r.start)
        };
        let cases = kle
            .find_iter(stretch)
            .chain(short.find_iter(stretch).filter(|m| !stretch[m.end()..].starts_with('/')))
            .chain(dashed.find_iter(stretch).filter(|m| !amount_follows(text, start + m.end())));
        for m in cases {
            let range = at(m);
            if free(&range, &in_stretch[..dated]) {
                in_stretch.push((range, m.as_str().parse().ok().map(Mention::Case)));
            }
        }
        in_stretch.sort_by_key(|(r, _)| r.start);
        for (range, mention) in in_stretch.drain(..) {
            if let Some(mention) = mention {
                found(range, mention);
            }
        }
    }
}

/// Units after a number that make `2000-12000 kr.` a range of amounts, not a year-serial case
/// number. Compared lower-cased after one optional space.
const AMOUNT_UNITS: [&str; 8] = ["kr", "t.kr", "mio", "mia", "dkk", "%", "m2", "m²"];

/// Whether an amount's unit follows `end` of `text` (a unit is a word of its own: "kr." or "kr",
/// not "krone…" or "mioplan"). The CPR masking reads it too: "01.04.2024 - 7500 kr." is a date
/// and an amount.
pub(crate) fn amount_follows(text: &str, end: usize) -> bool {
    let rest = text[end..].strip_prefix(' ').unwrap_or(&text[end..]);
    AMOUNT_UNITS.iter().any(|unit| {
        rest.get(..unit.len()).is_some_and(|w| w.eq_ignore_ascii_case(unit))
            && rest[unit.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Words that label the case number after them: `sag 16/5 2017` is case 16/5 and the year, not
/// 16 May 2017. Compared lower-cased without trailing `.` or `:`; search.js has the same list.
pub const CASE_LABELS: [&str; 9] =
    ["sag", "sagen", "sagsnr", "sagsnummer", "j.nr", "jnr", "journalnr", "journalnummer", "nr"];

/// The date of the stretch `start..end` of `text` when it is day/month alone (`20/3`) and a space
/// and a four-digit year standing alone follow it (`20/3 2017`), and no case label comes before it:
/// (end of the date's text, date).
fn slashed_date_with_year(text: &str, start: usize, end: usize) -> Option<(usize, NaiveDate)> {
    let b = text.as_bytes();
    let (day, month) = text[start..end].split_once('/')?;
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    if !short(day) || !short(month) || b.get(end) != Some(&b' ') {
        return None;
    }
    let year = b.get(end + 1..end + 5).filter(|y| y.iter().all(u8::is_ascii_digit))?;
    let stands_alone = |c: Option<&u8>| c.is_none_or(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80));
    // "20/3 2017." ends a sentence; "20/3 2017-18" or "20/3 2017/18" is something else.
    let (next, after) = (b.get(end + 5), b.get(end + 6));
    if !stands_alone(next) || matches!(next, Some(b'-' | b'.' | b'/')) && !stands_alone(after) {
        return None;
    }
    let label = text[..start].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let label = label.trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end_matches(['.', ':']);
    if CASE_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        return None;
    }
    let year = std::str::from_utf8(year).ok()?.parse().ok()?;
    Some((end + 5, NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)?))
}

/// Whether a stretch has a `/` or two separators, as every date and case number has, or is as long
/// as a year-serial case number (`2017-012345`): most stretches are a number like `1.500` or
/// `2016-17`, where the patterns would only spend their setup.
fn may_hold(stretch: &str) -> bool {
    let weight = |b: &u8| match b {
        b'/' => 2,
        b'-' | b'.' => 1,
        _ => 0,
    };
    stretch.len() >= 10 || stretch.as_bytes().iter().map(weight).sum::<usize>() >= 2
}

/// Bytes a token's match can contain (and `_`, an ASCII word character): a stretch of them, cut at
/// any other ASCII byte, matches as it would within the whole text, since `\b` sees a non-word
/// byte on both sides of the cut alike.
fn in_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/') || !b.is_ascii()
}

/// The stretches of [`scan`] alone.
#[cfg(test)]
pub(crate) fn token_runs(text: &str) -> Vec<(usize, usize)> {
    scan(text, &mut Vec::new())
}

/// The stretches (byte ranges, in order, disjoint) of `text` around every digit, `-`, `.` or `/`,
/// digit: every numeric date and case number has one, and most text has none. The dates written
/// out ("20. marts 2017") go into `written`: each has a digit, a period and a space, so the one
/// vectorized search for separators finds both.
fn scan(text: &str, written: &mut Vec<(Range<usize>, Mention)>) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // Separators are rare bytes: a vectorized search for them skips most of the text.
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let candidates = memchr::memchr3_iter(b'-', b'.', b'/', bytes)
        .filter(|&q| q > 0 && digit_at(q - 1))
        .filter(|&q| {
            if digit_at(q + 1) {
                return true;
            }
            if bytes[q] == b'.' && bytes.get(q + 1) == Some(&b' ') {
                written.extend(written_date_at(bytes, q).map(|(start, end, date)| (start..end, Mention::Date(date))));
            }
            false
        })
        .map(|q| q - 1);
    for p in candidates {
        if runs.last().is_some_and(|&(_, end)| p < end) {
            continue;
        }
        let start = bytes[..p].iter().rposition(|&b| !in_token(b)).map_or(0, |i| i + 1);
        let end = bytes[p..].iter().position(|&b| !in_token(b)).map_or(bytes.len(), |i| p + i);
        runs.push((start, end));
    }
    runs
}

/// The date of a match `range` of the two-digit-year pattern in `stretch`: one separator used twice,
/// day ≤ 31 and month ≤ 12 of a real date, and no separator and letter or digit before or after it
/// (a longer dotted number, a version, a KLE number). The year is 2000–2069 or 1970–1999.
fn short_year_date(stretch: &str, range: Range<usize>) -> Option<NaiveDate> {
    let b = stretch.as_bytes();
    let t = &b[range.clone()];
    if t[2] != t[5] {
        return None;
    }
    let joined = |sep: Option<&u8>, next: Option<&u8>| {
        matches!(sep, Some(b'-' | b'.' | b'/')) && next.is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let before = range.start.checked_sub(1).map(|i| &b[i]);
    let before_sep = range.start.checked_sub(2).map(|i| &b[i]);
    if joined(b.get(range.end), b.get(range.end + 1)) || joined(before, before_sep) {
        return None;
    }
    let n = |i: usize| u32::from(t[i] - b'0') * 10 + u32::from(t[i + 1] - b'0');
    let year = match n(6) {
        y @ 0..=69 => 2000 + y,
        y => 1900 + y,
    };
    NaiveDate::from_ymd_opt(year as i32, n(3), n(0))
}

/// Danish month names and their abbreviations (an abbreviation only with its period), by number.
const MONTHS: [(&str, &[&str]); 12] = [
    ("januar", &["jan"]),
    ("februar", &["feb"]),
    ("marts", &["mar"]),
    ("april", &["apr"]),
    ("maj", &[]),
    ("juni", &["jun"]),
    ("juli", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("oktober", &["okt"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// The date written out ("20. marts 2017", "20. mar. 2017", any case) whose day ends at the period
/// at `dot`: (start, end, date). [`scan`] asks at every digit, period, space.
fn written_date_at(b: &[u8], dot: usize) -> Option<(usize, usize, NaiveDate)> {
    let digits = b[..dot].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let start = dot - digits;
    if !(1..=2).contains(&digits) || start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] >= 0x80) {
        return None;
    }
    let day = std::str::from_utf8(&b[start..dot]).ok()?.parse().ok()?;
    let name_start = dot + 2;
    let name_len = b.get(name_start..)?.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let name = std::str::from_utf8(&b[name_start..name_start + name_len]).ok()?.to_ascii_lowercase();
    let mut at = name_start + name_len;
    let period = b.get(at) == Some(&b'.');
    let month = MONTHS.iter().position(|(full, short)| *full == name || period && short.contains(&name.as_str()))?;
    at += usize::from(period);
    if b.get(at) != Some(&b' ') {
        return None;
    }
    let year_len = b.get(at + 1..)?.iter().take_while(|c| c.is_ascii_digit()).count();
    let end = at + 1 + year_len;
    if year_len != 4 || b.get(end).is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80) {
        return None;
    }
    let year = std::str::from_utf8(&b[at + 1..end]).ok()?.parse().ok()?;
    Some((start, end, NaiveDate::from_ymd_opt(year, month as u32 + 1, day)?))
}

/// The date of a match of the date pattern: three numbers, year first when it has four digits.
fn written_date(matched: &str) -> Option<NaiveDate> {
    let mut parts = matched.split(['-', '.', '/']).map(|p| (p.len(), p.parse::<u32>().ok()));
    let (first, second, third) = (parts.next()?, parts.next()?, parts.next()?);
    let (y, m, d) = match first.0 {
        4 => (first.1?, second.1?, third.1?),
        _ => (third.1?, second.1?, first.1?),
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mention in `text`, in order.
    fn mentions(text: &str) -> Vec<(Range<usize>, Mention)> {
        let mut found = Vec::new();
        each_mention(text, |range, mention| found.push((range, mention)));
        found
    }

    fn date(y: i32, m: u32, d: u32) -> Mention {
        Mention::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn case(s: &str) -> Mention {
        Mention::Case(s.parse().unwrap())
    }

    /// The mentions with the text each one covers.
    fn found(text: &str) -> Vec<(&str, Mention)> {
        mentions(text).into_iter().map(|(r, m)| (&text[r], m)).collect()
    }

    #[test]
    fn finds_dates_in_all_written_forms() {
        let text = "mødet 13-03-2017, 1.2.2016, 20/03/2017 og 2017-03-20";
        let dates = [date(2017, 3, 13), date(2016, 2, 1), date(2017, 3, 20), date(2017, 3, 20)];
        let written = ["13-03-2017", "1.2.2016", "20/03/2017", "2017-03-20"];
        assert_eq!(found(text), written.into_iter().zip(dates).collect::<Vec<_>>());
        assert!(mentions("31-02-2017").is_empty(), "no such date");
    }

    /// Regression: "21.12.16" (two-digit year) and "30. september 2014" were no dates: the search
    /// found nothing for 30-09-2014 although 343 items say "30. september 2014", and the pages did
    /// not link them to their meetings.
    #[test]
    fn finds_two_digit_years_and_dates_written_out() {
        let text = "drøftet 21.12.16 og 20-03-17, jf. mødet den 30. september 2014 og d. 20. Mar. 2017.";
        let want = [
            ("21.12.16", date(2016, 12, 21)),
            ("20-03-17", date(2017, 3, 20)),
            ("30. september 2014", date(2014, 9, 30)),
            ("20. Mar. 2017", date(2017, 3, 20)),
        ];
        assert_eq!(found(text), want);
        assert_eq!(found("1. januar 1999"), [("1. januar 1999", date(1999, 1, 1))]);
        assert_eq!(found("den 15.03.98"), [("15.03.98", date(1998, 3, 15))]);
    }

    #[test]
    fn two_digit_years_and_written_dates_keep_false_positives_out() {
        for text in [
            "version 1.12.16 og 2.10.16.4",
            "32.12.16 og 21.13.16 og 30.02.16",
            "21.12-16",
            "a.21.12.16",
            "kl. 10. marts",
            "20. marts 17",
            "20. mar 2017",
            "20. martsen 2017",
            "120. marts 2017",
            "20. marts 20171",
            "beløbet 1.500.000 og 12.345",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
        // A KLE number whose first part reads as a date stays a case number.
        assert_eq!(found("27.12.04-G01-3-17"), [("27.12.04-G01-3-17", case("27.12.04-G01-3-17"))]);
        assert_eq!(found("20/03/17"), [("20/03/17", date(2017, 3, 20))], "not case 20/3");
    }

    #[test]
    fn a_slashed_date_is_not_a_case_number() {
        assert_eq!(found("drøftet 20/03/2021."), [("20/03/2021", date(2021, 3, 20))]);
        assert!(mentions("31/02/2021").is_empty(), "not a date, and not case 31/2 either");
    }

    /// Regression: the search page reads the query "20/3 2017" as the date 2017-03-20, but the index
    /// read the minutes' "20/3 2017" as case 20/3 and the word 2017, so the query found nothing.
    #[test]
    fn day_and_month_with_a_year_after_a_space_are_a_date() {
        let text = "drøftet den 20/3 2017 og igen 5/4-2018 samt (1/12 2016).";
        let want = [("20/3 2017", date(2017, 3, 20)), ("5/4-2018", date(2018, 4, 5)), ("1/12 2016", date(2016, 12, 1))];
        assert_eq!(found(text), want);
        assert_eq!(found("mødet 20/3 2017.\n"), [("20/3 2017", date(2017, 3, 20))], "a sentence's period");
        assert_eq!(found("20/3 2017"), [("20/3 2017", date(2017, 3, 20))], "at the end of the text");
        // A year that does not stand alone, no real date, or more than day and month: as before.
        assert_eq!(found("20/3 2017-18"), [("20/3", case("20/3"))]);
        assert_eq!(found("20/3 20171"), [("20/3", case("20/3"))]);
        assert_eq!(found("20/3 2017ff"), [("20/3", case("20/3"))]);
        assert_eq!(found("31/2 2017"), [("31/2", case("31/2"))], "no such date");
        assert_eq!(found("20/3, 2017"), [("20/3", case("20/3"))]);
        // A real case number followed by a year stays the case number (its serial is no month).
        assert_eq!(found("sag 16/26813 2017"), [("16/26813", case("16/26813"))]);
        assert_eq!(found("16/2681 2017"), [("16/2681", case("16/2681"))]);
        // A short serial that could be a month stays a case number right after a case label.
        for text in ["sag 16/5 2017", "Sagsnr. 16/5 2017", "j.nr.: 16/5 2017", "(sag 16/5 2017)", "nr. 16/5 2017"] {
            let at = text.find("16/5").unwrap();
            assert_eq!(mentions(text), [(at..at + 4, case("16/5"))], "{text}");
        }
        assert_eq!(found("den 16/5 2017"), [("16/5 2017", date(2017, 5, 16))], "a date's label");
        // Written out and slashed in one text, in order.
        let text = "20. marts 2017 og 21/3 2017";
        assert_eq!(found(text), [("20. marts 2017", date(2017, 3, 20)), ("21/3 2017", date(2017, 3, 21))]);
    }

    #[test]
    fn finds_short_and_kle_case_numbers_in_order() {
        let text = "se 16/26813, journal 00.01.00-a00-1-21 og 16/5.";
        let want =
            [("16/26813", case("16/26813")), ("00.01.00-a00-1-21", case("00.01.00-A00-1-21")), ("16/5", case("16/5"))];
        assert_eq!(found(text), want);
        assert!(mentions("1/2 og 123/4 og 3.548.400 kr.").is_empty());
    }

    #[test]
    fn finds_year_serial_case_numbers_but_not_periods() {
        let text = "sag 2017-012345 (EMN-2019-00123), perioden 2017-2020, tlf. 4359-12345 og 2017-03-20.";
        let want = [
            ("2017-012345", case("2017-012345")),
            ("EMN-2019-00123", case("EMN-2019-00123")),
            ("2017-03-20", date(2017, 3, 20)),
        ];
        assert_eq!(found(text), want);
    }

    /// Regression: "2000-12000 kr." gave the exact search key `c:2000-12000`, a case that is a
    /// range of amounts.
    #[test]
    fn amount_ranges_are_not_year_serial_case_numbers() {
        for text in [
            "2000-12000 kr.",
            "2000-12000kr",
            "ca. 2010-15000 DKK",
            "1995-20000 mio. kr.",
            "2020-25000 m²",
            "2050-10000 %",
        ] {
            assert!(mentions(text).is_empty(), "{text}");
        }
        assert_eq!(found("sag 2017-012345 kræver"), [("2017-012345", case("2017-012345"))]);
        assert_eq!(found("sag 2017-012345, kr. 300"), [("2017-012345", case("2017-012345"))]);
    }

    #[test]
    fn text_without_digit_separator_digit_is_not_scanned() {
        assert!(token_runs("mødet 2017 og 16 sager.").is_empty());
        assert_eq!(token_runs("1/2"), [(0, 3)]);
        assert_eq!(token_runs("0.1"), [(0, 3)]);
        assert_eq!(token_runs("x 2-3"), [(2, 5)]);
        let text = "sag (16/26813, jf. 20-03-2017) og 1.2";
        let runs: Vec<&str> = token_runs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(runs, ["16/26813", "20-03-2017", "1.2"]);
    }

    #[test]
    fn stretches_find_what_the_whole_text_does() {
        let text = "Sag 16/26813 (jf. 00.01.00-A00-1-21, mødet 13-03-2017/ 1.2.2016) og 20/03/2017 samt 16/5.\nØ12/345 x_16/7 16/8/9 2017-012345 emn-2019-00123 2017-2020";
        let [dates, _, kle, short, dashed] = patterns();
        let mut whole: Vec<(Range<usize>, Mention)> =
            dates.find_iter(text).filter_map(|m| Some((m.range(), Mention::Date(written_date(m.as_str())?)))).collect();
        let taken: Vec<Range<usize>> = dates.find_iter(text).map(|m| m.range()).collect();
        let short = short.find_iter(text).filter(|m| !text[m.end()..].starts_with('/'));
        for m in kle.find_iter(text).chain(short).chain(dashed.find_iter(text)) {
            if taken.iter().all(|t| m.end() <= t.start || t.end <= m.start()) {
                whole.extend(m.as_str().parse().ok().map(|c| (m.range(), Mention::Case(c))));
            }
        }
        whole.sort_by_key(|(r, _)| r.start);
        assert!(whole.len() >= 8, "{whole:?}");
        assert_eq!(mentions(text), whole);
    }

    #[test]
    fn stretches_without_a_slash_or_two_separators_hold_no_token() {
        for s in ["1.500", "2016-17", "0.1", "a-1", "x.y.z"] {
            assert_eq!(may_hold(s), s == "x.y.z", "{s}");
        }
        assert!(may_hold("16/2") && may_hold("1.2.2016") && may_hold("2017-03-20"));
    }
}
