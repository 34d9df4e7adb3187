//! Exact tokens: case numbers (short `16/26813` and KLE `00.01.00-A00-1-21`) and dates (`20-03-2017`).
//!
//! They are matched whole, never stemmed or prefix-expanded, and live in their own small shards.
//! Keys are canonical so every way of writing the same case or date finds it:
//! `c:16/26813`, `c:00.01.00-A00-1-21`, `d:2017-03-20`.

use crate::case::CaseNumber;
use crate::mention::{each_mention, Mention};
use chrono::NaiveDate;

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

/// Every exact key in `text`, in order of appearance (duplicates kept).
pub fn exact_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    each_key(text, &mut String::new(), |k| keys.push(k.to_string()));
    keys
}

/// Calls `found` with the key of every case number and date `text` mentions (see
/// [`crate::mention`]), writing each into `buf` so that no key allocates.
pub fn each_key(text: &str, buf: &mut String, mut found: impl FnMut(&str)) {
    each_mention(text, |_, mention| {
        buf.clear();
        match mention {
            Mention::Date(date) => push_date_key(buf, date),
            Mention::Case(case) => push_case_key(buf, &case),
        }
        found(buf);
    });
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

    /// Regression: an amount range "2000-12000 kr." was the exact key of a case `c:2000-12000`.
    #[test]
    fn amount_range_gives_no_case_key() {
        assert!(exact_keys("Tilskud på 2000-12000 kr. pr. elev").is_empty());
        assert_eq!(exact_keys("Sag 2017-012345"), ["c:2017-012345"]);
    }

    #[test]
    fn finds_dates_in_all_written_forms() {
        assert_eq!(exact_keys("mødet 13-03-2017 og 1.2.2016"), ["d:2017-03-13", "d:2016-02-01"]);
        assert_eq!(exact_keys("den 2017-03-20"), ["d:2017-03-20"]);
        assert_eq!(exact_keys("20/03/2017"), ["d:2017-03-20"], "a slashed date is not case 20/03");
        assert!(exact_keys("31-02-2017").is_empty(), "no such date");
        assert_eq!(exact_keys("30. september 2014, 21.12.16"), ["d:2014-09-30", "d:2016-12-21"]);
    }

    #[test]
    fn finds_short_and_kle_case_numbers() {
        assert_eq!(exact_keys("se sag 16/26813."), ["c:16/26813"]);
        assert_eq!(exact_keys("journal 00.01.00-a00-1-21"), ["c:00.01.00-A00-1-21"]);
        assert_eq!(exact_keys("16/026813"), ["c:16/26813"], "serials compare as numbers");
        assert!(exact_keys("1/2 og 123/4").is_empty());
    }

    #[test]
    fn the_word_scan_sees_a_token_where_token_runs_do() {
        let chars = ['1', '0', '-', '.', '/', ' ', 'a', 'ø', '_', ',', '9'];
        let mut rng = 11u64;
        for _ in 0..5_000 {
            let text = crate::search::text::random_text(&mut rng, &chars, 12);
            let seen = crate::search::text::each_word(&text, |_, _| {}).tokens;
            let b = text.as_bytes();
            let written = (2..b.len()).any(|i| b[i - 2].is_ascii_digit() && b[i - 1] == b'.' && b[i] == b' ');
            assert_eq!(seen, !crate::mention::token_runs(&text).is_empty() || written, "{text:?}");
        }
        // Every key of a text is found where the word scan says to look.
        for text in ["mødet den 30. september 2014.", "jf. 21.12.16", "sag 16/26813"] {
            assert!(crate::search::text::each_word(text, |_, _| {}).tokens && !exact_keys(text).is_empty(), "{text}");
        }
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
