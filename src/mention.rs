//! Mentions of case numbers and dates in running text, found by one set of rules for both the
//! pages' cross-links and the search index's exact keys, so a page never links a token that the
//! search does not find as the same thing (or the other way round).
//!
//! Dates are `20-03-2017`, `20.03.2017`, `20/03/2017` and ISO `2017-03-20`; case numbers are short
//! (`16/26813`), KLE (`00.01.00-A00-1-21`) or year-serial (`2017-012345`, `EMN-2019-00123`). A date
//! wins over a case number inside it: the `20/03` of `20/03/2017` is not case 20/3.

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
fn patterns() -> &'static [Regex; 4] {
    static P: OnceLock<[Regex; 4]> = OnceLock::new();
    P.get_or_init(|| {
        [
            // dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy and ISO yyyy-mm-dd
            r"(?-u)\b(?:\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})\b",
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
/// [`token_runs`]), not over whole paragraphs three times.
pub fn each_mention(text: &str, mut found: impl FnMut(Range<usize>, Mention)) {
    let [dates, kle, short, dashed] = patterns();
    let mut in_stretch: Vec<(Range<usize>, Option<Mention>)> = Vec::new();
    for (start, end) in token_runs(text) {
        let Some(stretch) = text.get(start..end).filter(|s| may_hold(s)) else { continue };
        let at = |m: regex::Match<'_>| start + m.start()..start + m.end();
        in_stretch.clear();
        // A date pattern's match is taken even when it is no real date ("31-02-2017").
        in_stretch.extend(dates.find_iter(stretch).map(|m| (at(m), written_date(m.as_str()).map(Mention::Date))));
        let dated = in_stretch.len();
        let free = |r: &Range<usize>, taken: &[(Range<usize>, Option<Mention>)]| {
            taken.iter().all(|(t, _)| r.end <= t.start || t.end <= r.start)
        };
        let cases = kle
            .find_iter(stretch)
            .chain(short.find_iter(stretch).filter(|m| !stretch[m.end()..].starts_with('/')))
            .chain(dashed.find_iter(stretch));
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

/// The stretches (byte ranges, in order, disjoint) of `text` around every digit, `-`, `.` or `/`,
/// digit: every date and case number has one, and most text has none.
pub(crate) fn token_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // Separators are rare bytes: a vectorized search for them skips most of the text.
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let candidates = memchr::memchr3_iter(b'-', b'.', b'/', bytes)
        .filter(|&q| q > 0 && digit_at(q - 1) && digit_at(q + 1))
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

    #[test]
    fn a_slashed_date_is_not_a_case_number() {
        assert_eq!(found("drøftet 20/03/2021."), [("20/03/2021", date(2021, 3, 20))]);
        assert!(mentions("31/02/2021").is_empty(), "not a date, and not case 31/2 either");
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
        let [dates, kle, short, dashed] = patterns();
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
