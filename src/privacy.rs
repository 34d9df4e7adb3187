//! Masking personal data that must never be published: Danish CPR numbers.
//!
//! A CPR number is `DDMMYY-NNNN` (or the same ten digits without the dash) whose first six digits
//! form a plausible date. Dates written `20-03-2017`, amounts (`3.548.400`, `615.000-865.000`) and
//! longer digit runs are left alone. Masking happens on the decoded text before parsing, so every
//! output (pages, feeds, JSON, search) only ever sees the mask.

use crate::diag::Diagnostic;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// What a masked number becomes: same length, so later columns on the line stay where they were.
const MASK_DASHED: &str = "XXXXXX-XXXX";
const MASK_PLAIN: &str = "XXXXXXXXXX";

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{6}-?[0-9]{4}").expect("valid regex"));

/// Masks CPR numbers in `text` (before parsing, so every output sees the masked text) and
/// returns one warning per number, with file, line and column. The number itself is never
/// repeated in the warning: build logs are often published too.
pub fn mask_cpr(file: &Path, text: &mut String) -> Vec<Diagnostic> {
    let found = find_cpr(text);
    if found.is_empty() {
        return Vec::new();
    }
    let mut warnings = Vec::with_capacity(found.len());
    for &(start, end) in &found {
        let (line, column) = line_column(text, start);
        warnings.push(
            Diagnostic::warning(file, line, "CPR number masked: personal identity numbers are never published")
                .at_column(column),
        );
        let mask = if end - start == MASK_DASHED.len() { MASK_DASHED } else { MASK_PLAIN };
        text.replace_range(start..end, mask);
    }
    warnings
}

/// Byte ranges of CPR numbers in `text`.
fn find_cpr(text: &str) -> Vec<(usize, usize)> {
    CANDIDATE
        .find_iter(text)
        .filter(|m| standalone(text, m.start(), m.end()) && plausible_date(&m.as_str()[..6]))
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// True if the digits are not part of a longer number, word or amount: `1.201212-1234` or
/// `201212-1234-5` are not CPR numbers.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let joiner = |b: u8| matches!(b, b'-' | b'.' | b',' | b'/');
    let before_ok = match start.checked_sub(1).map(|i| bytes[i]) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(b) if joiner(b) => start < 2 || !bytes[start - 2].is_ascii_digit(),
        Some(_) => true,
    };
    let after_ok = match bytes.get(end) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(&b) if joiner(b) => !bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    };
    before_ok && after_ok
}

/// `DDMMYY` with a real day and month (29 February accepted in any year: the century is unknown).
fn plausible_date(ddmmyy: &str) -> bool {
    let num = |r: std::ops::Range<usize>| ddmmyy.get(r).and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    let (day, month) = (num(0..2), num(2..4));
    let max_day = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=max_day).contains(&day)
}

/// 1-based line and column (in characters) of byte offset `pos`.
fn line_column(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(s: &str) -> (String, Vec<Diagnostic>) {
        let mut t = s.to_string();
        let w = mask_cpr(Path::new("a/b.txt"), &mut t);
        (t, w)
    }

    #[test]
    fn masks_dashed_and_plain_cpr_with_line_and_column() {
        let (t, w) = mask("Borger\nCPR: 010170-1234 og æ 3112991234.\n");
        assert_eq!(t, "Borger\nCPR: XXXXXX-XXXX og æ XXXXXXXXXX.\n");
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].line, w[0].column), (2, 6));
        assert_eq!((w[1].line, w[1].column), (2, 23));
        assert!(!w[0].is_error());
        assert!(!w[0].message.contains("010170"));
        assert_eq!(
            w[0].to_string(),
            "a/b.txt:2:6: warning: CPR number masked: personal identity numbers are never published"
        );
    }

    #[test]
    fn leaves_dates_amounts_and_long_numbers_alone() {
        for s in [
            "Beslutning Direktionen den 20-03-2017",
            "mellem 615.000-865.000 kr.",
            "3.548.400 og 1.797.600",
            "konto 12345678901234",
            "tlf. 43591000",
            "sag 16/26813",
            "1.201212-1234",
            "201212-1234-5",
            "ABC010170-1234",
        ] {
            let (t, w) = mask(s);
            assert_eq!(t, s);
            assert!(w.is_empty(), "{s}");
        }
    }

    #[test]
    fn rejects_implausible_dates() {
        for s in ["320170-1234", "001270-1234", "011370-1234", "310470-1234", "300270-1234"] {
            assert!(mask(s).1.is_empty(), "{s}");
        }
        assert_eq!(mask("290200-1234").1.len(), 1);
    }
}
