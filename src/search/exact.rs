//! Exact tokens: case numbers (short `16/26813` and KLE `00.01.00-A00-1-21`) and dates (`20-03-2017`).
//!
//! They are matched whole, never stemmed or prefix-expanded, and live in their own small shards.
//! Keys are canonical so every way of writing the same case or date finds it:
//! `c:16/26813`, `c:00.01.00-A00-1-21`, `d:2017-03-20`.

use crate::case::CaseNumber;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

/// The exact-index key of a case number.
pub fn case_key(case: &CaseNumber) -> String {
    let mut key = String::with_capacity(16);
    push_case_key(&mut key, case);
    key
}

/// Appends the exact-index key of `case` to `out`.
pub fn push_case_key(out: &mut String, case: &CaseNumber) {
    out.push_str("c:");
    case.push_canonical(out);
}

/// The exact-index key of a date.
pub fn date_key(date: NaiveDate) -> String {
    let mut key = String::with_capacity(12);
    push_date_key(&mut key, date);
    key
}

/// Appends the exact-index key of `date` to `out`.
pub fn push_date_key(out: &mut String, date: NaiveDate) {
    out.push_str("d:");
    push_iso_date(out, date);
}

/// `yyyy-mm-dd`, as chrono's `%Y-%m-%d` writes it, without parsing a format string per call
/// (every document has a date, and that parsing showed in the index build profile).
pub fn iso_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_iso_date(&mut out, date);
    out
}

/// Appends [`iso_date`] to `out`.
pub fn push_iso_date(out: &mut String, date: NaiveDate) {
    use chrono::Datelike;
    use std::fmt::Write;
    let _ = match date.year() {
        y @ 0..=9999 => write!(out, "{y:04}-{:02}-{:02}", date.month(), date.day()),
        _ => write!(out, "{}", date.format("%Y-%m-%d")),
    };
}

/// The patterns use ASCII word boundaries: the tokens are ASCII, and Unicode `\b` is several times
/// slower. None has capture groups: `find_iter` runs the lazy DFA, captures need a slower engine.
fn patterns() -> &'static (Regex, Regex, Regex) {
    static P: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    P.get_or_init(|| {
        let build = |p: &str| Regex::new(p).unwrap_or_else(|e| unreachable!("constant pattern {p}: {e}"));
        (
            // dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy and ISO yyyy-mm-dd
            build(r"(?-u)\b(?:\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})\b"),
            // KLE journal numbers
            build(r"(?-u)\b\d{2}\.\d{2}\.\d{2}-[A-Za-z]\d{2}-\d{1,7}-(?:\d{4}|\d{2})\b"),
            // short case numbers; a following "/" or digit means it was part of something longer (a date)
            build(r"(?-u)\b\d{2}/\d{1,7}\b"),
        )
    })
}

/// Every exact key in `text`, in order of appearance (duplicates kept).
pub fn exact_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    each_key(text, &mut String::new(), |k| keys.push(k.to_string()));
    keys
}

/// Calls `found` with every exact key in `text` (dates first, then case numbers), writing each
/// into `buf` so that no key allocates. The patterns run only over the few stretches of `text`
/// that may hold a token (see [`token_runs`]), not over whole paragraphs three times.
pub fn each_key(text: &str, buf: &mut String, mut found: impl FnMut(&str)) {
    let runs = token_runs(text);
    if runs.is_empty() {
        return;
    }
    let (dates, kle, short) = patterns();
    let stretches = || runs.iter().filter_map(|&(s, e)| Some((s, text.get(s..e)?))).filter(|(_, t)| may_hold(t));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (at, t) in stretches() {
        for m in dates.find_iter(t) {
            if let Some(date) = written_date(m.as_str()) {
                buf.clear();
                push_date_key(buf, date);
                found(buf);
            }
            taken.push((at + m.start(), at + m.end()));
        }
    }
    let overlaps = |s: usize, e: usize| taken.iter().any(|&(ts, te)| s < te && ts < e);
    for (_, t) in stretches() {
        for m in kle.find_iter(t) {
            if let Ok(case) = m.as_str().parse::<CaseNumber>() {
                found(&case_key(&case));
            }
        }
    }
    for (at, t) in stretches() {
        for m in short.find_iter(t) {
            let next = t[m.end()..].chars().next();
            if overlaps(at + m.start(), at + m.end()) || matches!(next, Some('/')) {
                continue;
            }
            if let Ok(case) = m.as_str().parse::<CaseNumber>() {
                found(&case_key(&case));
            }
        }
    }
}

/// Whether a stretch has a `/` or two separators, as every date and case number has: most
/// stretches are a number like `1.500` or `2016-17`, where the patterns would only spend their setup.
fn may_hold(stretch: &str) -> bool {
    let weight = |b: &u8| match b {
        b'/' => 2,
        b'-' | b'.' => 1,
        _ => 0,
    };
    stretch.as_bytes().iter().map(weight).sum::<usize>() >= 2
}

/// Bytes a token's match can contain (and `_`, an ASCII word character): a stretch of them, cut at
/// any other ASCII byte, matches as it would within the whole text, since `\b` sees a non-word
/// byte on both sides of the cut alike.
fn in_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/') || !b.is_ascii()
}

/// The stretches (byte ranges, in order, disjoint) of `text` around every digit, `-`, `.` or `/`,
/// digit: every date and case number has one, and most text has none.
fn token_runs(text: &str) -> Vec<(usize, usize)> {
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

/// FNV-1a over the key's bytes: which exact shard holds `key`. The browser computes the same.
pub fn shard_of(key: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_in_all_written_forms() {
        assert_eq!(exact_keys("mødet 13-03-2017 og 1.2.2016"), ["d:2017-03-13", "d:2016-02-01"]);
        assert_eq!(exact_keys("den 2017-03-20"), ["d:2017-03-20"]);
        assert_eq!(exact_keys("20/03/2017"), ["d:2017-03-20"], "a slashed date is not case 20/03");
        assert!(exact_keys("31-02-2017").is_empty(), "no such date");
    }

    #[test]
    fn finds_short_and_kle_case_numbers() {
        assert_eq!(exact_keys("se sag 16/26813."), ["c:16/26813"]);
        assert_eq!(exact_keys("journal 00.01.00-a00-1-21"), ["c:00.01.00-A00-1-21"]);
        assert_eq!(exact_keys("16/026813"), ["c:16/26813"], "serials compare as numbers");
        assert!(exact_keys("1/2 og 123/4").is_empty());
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
        let text = "Sag 16/26813 (jf. 00.01.00-A00-1-21, mødet 13-03-2017/ 1.2.2016) og 20/03/2017 samt 16/5.\nØ12/345 x_16/7 16/8/9";
        let whole = {
            let (dates, kle, short) = patterns();
            let mut keys: Vec<String> =
                dates.find_iter(text).filter_map(|m| written_date(m.as_str())).map(date_key).collect();
            let taken: Vec<(usize, usize)> = dates.find_iter(text).map(|m| (m.start(), m.end())).collect();
            keys.extend(
                kle.find_iter(text).filter_map(|m| m.as_str().parse::<CaseNumber>().ok()).map(|c| case_key(&c)),
            );
            for m in short.find_iter(text) {
                let overlaps = taken.iter().any(|&(ts, te)| m.start() < te && ts < m.end());
                if !overlaps && !text[m.end()..].starts_with('/') {
                    keys.extend(m.as_str().parse::<CaseNumber>().ok().map(|c| case_key(&c)));
                }
            }
            keys
        };
        assert!(whole.len() >= 6, "{whole:?}");
        assert_eq!(exact_keys(text), whole);
    }

    #[test]
    fn the_word_scan_sees_a_token_where_token_runs_do() {
        let chars = ['1', '0', '-', '.', '/', ' ', 'a', 'ø', '_', ',', '9'];
        let mut rng = 11u64;
        for _ in 0..5_000 {
            let text = crate::search::text::random_text(&mut rng, &chars, 12);
            let seen = crate::search::text::each_word(&text, |_, _| {});
            assert_eq!(seen, !token_runs(&text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn stretches_without_a_slash_or_two_separators_hold_no_token() {
        for s in ["1.500", "2016-17", "0.1", "a-1", "x.y.z"] {
            assert_eq!(may_hold(s), s == "x.y.z", "{s}");
        }
        assert!(may_hold("16/2") && may_hold("1.2.2016") && may_hold("2017-03-20"));
    }

    #[test]
    fn iso_dates_match_chrono() {
        for (y, m, d) in [(2017, 3, 20), (1999, 12, 1), (5, 1, 9), (-44, 3, 15), (12345, 6, 7)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn shard_of_is_fnv1a() {
        // Reference value of FNV-1a 32 for "a".
        assert_eq!(shard_of("a", u32::MAX), 0xe40c_292c);
        assert!(shard_of("c:16/26813", 7) < 7);
        assert_eq!(shard_of("x", 0), 0);
    }
}
