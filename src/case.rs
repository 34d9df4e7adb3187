//! Case numbers ("sagsnumre") as values: the short `YY/serial` form, the KLE form and the
//! year-serial form of WorkZone, eDoc and GetOrganized (`2017-012345`, `EMN-2019-00123`).
//!
//! Two case numbers are equal when they denote the same case, whatever spacing or
//! letter case they were written with; the slug is the stable key used in URLs.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// A case number as found in minutes.
#[derive(Debug, Clone)]
pub struct CaseNumber {
    kind: CaseKind,
    /// As written in the minutes (trimmed), for display.
    written: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum CaseKind {
    /// `16/26813`: two-digit year, serial number.
    Short { year: u16, serial: u32 },
    /// KLE journal number, e.g. `00.01.00-A00-1-21`: KLE group, facet, serial, year.
    /// Stored normalized (upper case, no spaces).
    Kle(String),
    /// Numbered per year by systems such as WorkZone, eDoc and GetOrganized: `2017-012345`,
    /// `EMN-2019-00123` (an optional series of letters, the year, the serial as written, zeros
    /// included: the systems pad to a fixed width). Stored normalized (upper case, no spaces).
    Dashed(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a case number: {0:?}")]
pub struct NotACaseNumber(pub String);

impl CaseNumber {
    /// The case number as written in the minutes.
    pub fn as_written(&self) -> &str {
        &self.written
    }

    /// The canonical form: `16/26813` or `00.01.00-A00-1-21`.
    pub fn canonical(&self) -> String {
        let mut out = String::with_capacity(16);
        self.push_canonical(&mut out);
        out
    }

    /// Appends [`CaseNumber::canonical`] to `out` (the search index writes one per agenda item).
    pub fn push_canonical(&self, out: &mut String) {
        use std::fmt::Write;
        match &self.kind {
            CaseKind::Short { year, serial } => _ = write!(out, "{year:02}/{serial}"),
            CaseKind::Kle(s) | CaseKind::Dashed(s) => out.push_str(s),
        }
    }

    /// URL-safe key: `16-26813`, `00-01-00-a00-1-21`.
    pub fn slug(&self) -> String {
        match &self.kind {
            // Digits and a slash: what `slugify` makes of them, without its per-character work.
            CaseKind::Short { year, serial } => format!("{year:02}-{serial}"),
            CaseKind::Kle(s) | CaseKind::Dashed(s) => slug::slugify(s),
        }
    }

    /// True for the short `YY/serial` form.
    pub fn is_short(&self) -> bool {
        matches!(self.kind, CaseKind::Short { .. })
    }

    /// True if both are written in the same form (short, KLE or dashed): numbers of two forms may
    /// both be one case's, in two systems.
    pub fn same_form(&self, other: &CaseNumber) -> bool {
        std::mem::discriminant(&self.kind) == std::mem::discriminant(&other.kind)
    }
}

impl FromStr for CaseNumber {
    type Err = NotACaseNumber;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let written = s.trim();
        let err = || NotACaseNumber(written.to_string());
        // Most strings asked are lines of text: every form has a "/" or "-" and at most 25
        // characters besides spaces ("GG.GG.GG-FNN-SSSSSSS-YYYY"), decided before any copy.
        if !written.bytes().any(|b| b == b'/' || b == b'-')
            || written.chars().filter(|c| !c.is_whitespace()).nth(25).is_some()
        {
            return Err(err());
        }
        let kind = if let Some((y, n)) = written.split_once('/') {
            let (y, n) = (y.trim(), n.trim());
            let digits = |t: &str, min, max| (min..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
            if !digits(y, 2, 2) || !digits(n, 1, 7) {
                return Err(err());
            }
            CaseKind::Short { year: y.parse().map_err(|_| err())?, serial: n.parse().map_err(|_| err())? }
        } else {
            parse_kle(written).or_else(|| parse_dashed(written)).ok_or_else(err)?
        };
        Ok(CaseNumber { kind, written: written.to_string() })
    }
}

/// `GG.GG.GG-FNN-S-YY`: KLE number (three two-digit groups), handling facet (letter and two
/// digits), serial, year. Some systems write a four-digit year; both are accepted.
fn parse_kle(s: &str) -> Option<CaseKind> {
    let norm: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let mut parts = norm.split('-');
    let kle = parts.next()?;
    let facet = parts.next()?;
    let serial = parts.next()?;
    let year = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = kle.split('.').collect();
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let ok = groups.len() == 3
        && groups.iter().all(|g| g.len() == 2 && all_digits(g))
        && facet.len() == 3
        && facet.as_bytes()[0].is_ascii_uppercase()
        && all_digits(&facet[1..])
        && (1..=7).contains(&serial.len())
        && all_digits(serial)
        && (year.len() == 2 || year.len() == 4)
        && all_digits(year);
    // Checked before slicing: a year of four bytes may be "€x" (found in review: a panic).
    if !ok {
        return None;
    }
    // "…-3-2024" and "…-3-24" are one case: the key keeps the year's last two digits.
    let key = match year.len() {
        4 => format!("{}{}", &norm[..norm.len() - 4], &year[2..]),
        _ => norm,
    };
    Some(CaseKind::Kle(key))
}

impl PartialEq for CaseNumber {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}
impl Eq for CaseNumber {}

impl Hash for CaseNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.kind.hash(state)
    }
}

impl PartialOrd for CaseNumber {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for CaseNumber {
    fn cmp(&self, other: &Self) -> Ordering {
        self.kind.cmp(&other.kind)
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

impl Serialize for CaseNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.written)
    }
}

/// `YYYY-serial` or `SERIES-YYYY-serial`: a year from 1990 to 2099 and a serial of 5–7 digits (3–7
/// after a series of 2–4 letters). Fewer digits would take periods such as "2017-2020" for cases.
fn parse_dashed(s: &str) -> Option<CaseKind> {
    let norm = s.to_ascii_uppercase();
    let parts: Vec<&str> = norm.split('-').collect();
    let (series, year, serial) = match parts[..] {
        [year, serial] => (None, year, serial),
        [series, year, serial] => (Some(series), year, serial),
        _ => return None,
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let serial_len = if series.is_some() { 3..=7 } else { 5..=7 };
    let ok = series.is_none_or(|p| (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_uppercase()))
        && year.len() == 4
        && digits(year)
        && (1990..=2099).contains(&year.parse::<u16>().ok()?)
        && serial_len.contains(&serial.len())
        && digits(serial);
    ok.then_some(CaseKind::Dashed(norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_slugs_are_what_slugify_makes() {
        for (year, serial) in [(0, 0), (5, 1), (16, 26813), (99, 4_294_967_295)] {
            let case = CaseNumber { kind: CaseKind::Short { year, serial }, written: String::new() };
            assert_eq!(case.slug(), slug::slugify(case.canonical()));
        }
    }

    fn c(s: &str) -> CaseNumber {
        s.parse().unwrap()
    }

    #[test]
    fn short_form_parses_compares_and_slugs() {
        assert_eq!(c("16/26813"), c(" 16/26813 "));
        assert_eq!(c("16/26813").slug(), "16-26813");
        assert_eq!(c("17/171").canonical(), "17/171");
        assert!(c("11/34493") < c("12/14793"));
        assert_ne!(c("16/26813"), c("16/26814"));
    }

    #[test]
    fn kle_form_parses_compares_and_slugs() {
        let k = c("00.01.00-A00-1-21");
        assert!(!k.is_short());
        assert_eq!(k, c("00.01.00-a00-1-21"));
        assert_eq!(k.slug(), "00-01-00-a00-1-21");
        assert_eq!(k.as_written(), "00.01.00-A00-1-21");
        // Regression (second clerk review): a four-digit year made a second case page.
        assert_eq!(c("27.69.48-G01-3-2017").canonical(), "27.69.48-G01-3-17");
        assert_eq!(c("82.07.00-A00-3-2024"), c("82.07.00-A00-3-24"));
        assert_eq!(c("82.07.00-A00-3-2024").slug(), "82-07-00-a00-3-24");
        assert_eq!(c("82.07.00-A00-3-2024").as_written(), "82.07.00-A00-3-2024");
    }

    #[test]
    fn year_serial_form_parses_compares_and_slugs() {
        let w = c("2017-012345");
        assert!(!w.is_short());
        assert_eq!(w.canonical(), "2017-012345");
        assert_eq!(w.slug(), "2017-012345");
        assert_ne!(w, c("2017-12345"), "the systems pad serials to a fixed width: the zeros are part of it");
        assert_eq!(c("emn-2019-00123"), c("EMN-2019-00123"));
        assert_eq!(c("EMN-2019-00123").slug(), "emn-2019-00123");
        assert_eq!(c("emn-2019-00123").as_written(), "emn-2019-00123");
    }

    #[test]
    fn rejects_non_case_numbers() {
        for s in [
            "",
            "Baggrund",
            "2017",
            "20-03-2017",
            "1/2/3",
            "16/",
            "/26813",
            "123/4",
            "00.01-A00-1-21",
            "16/2681300000",
            "2017-2020",
            "2017-03-20",
            "1889-12345",
            "2017-12345678",
            "EMN-2019-12",
            "A-2019-00123",
            "ÆØÅ-2019-00123",
            "2017 -012345",
            "2017-0123-45",
            // Regression (review): a year of four bytes that are not four characters panicked.
            "a-b-c-€x",
            "00.01.00-A00-1-€x",
        ] {
            assert!(s.parse::<CaseNumber>().is_err(), "{s:?} should not parse");
        }
    }
}
