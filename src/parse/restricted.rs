//! The marks that an item is for internal use or holds personal data, which close it as "Lukket"
//! does: "(Internt)", "Til intern brug", "Personfølsomt", "Må ikke videregives", "(Private)",
//! "For internal use only" (reviews 16 and 17: published). Their words also name subjects
//! ("Intern revision", "Private fællesveje", a subheading "Internt" over "Eksternt"), so where a
//! mark stands decides how much of it is read: see [`in_title`] and [`line`].

use super::inline::to_plain;

/// The longest part of a text read as a mark, in bytes.
const LONGEST: usize = 60;

/// Whether `text` has what every mark has: "tern", "rson", "ivat", "tric", "ereg", "vshe", "skyt"
/// or "ølso" ("intern…", "person…", "private", "restricted", "videregives", "tavshedspligt",
/// "beskyttede", "følsomme"), in any case; by its bytes, as most text has none. (Three letters
/// would not do: "erne" ends many Danish plurals.)
pub(super) fn stem(text: &[u8]) -> bool {
    // Four bytes at a time as a number, each with bit 5 set: a letter's lower case ("Ø", 0x98,
    // becomes "ø", 0xB8); other bytes may match by chance, which only asks the readers more.
    const fn key(s: &[u8; 4]) -> u32 {
        ((s[0] as u32 | 0x20) << 24) | ((s[1] as u32 | 0x20) << 16) | ((s[2] as u32 | 0x20) << 8) | (s[3] as u32 | 0x20)
    }
    const STEMS: [u32; 8] = [
        key(b"tern"),
        key(b"rson"),
        key(b"ivat"),
        key(b"tric"),
        key(b"ereg"),
        key(b"vshe"),
        key(b"skyt"),
        key(b"\xb8lso"),
    ];
    let mut window = 0u32;
    text.iter().enumerate().any(|(i, &b)| {
        window = (window << 8) | u32::from(b | 0x20);
        i >= 3 && STEMS.contains(&window)
    })
}

/// A title that ends in such a mark, in brackets or after a dash: "Salg af grund (Internt)",
/// "Salg af grund - Til intern brug", "Personalesag (Personfølsomt, jf. § 30)". The whole title
/// is a mark only in words no subject has ("Til intern brug"): "Personfølsomme oplysninger" and
/// "Internt" may be an item's subject.
pub(super) fn in_title(title: &str) -> bool {
    let t = title.trim_end();
    if !stem(&t.as_bytes()[t.len().saturating_sub(LONGEST + 2)..]) {
        return false;
    }
    let plain = plain(t);
    let t = plain.trim_end();
    let bracket = |open: char, close: char| t.strip_suffix(close).and_then(|r| r.rsplit_once(open)).map(|(_, i)| i);
    let end = bracket('(', ')').or_else(|| bracket('[', ']'));
    end.is_some_and(|m| says(m, true)) || after_dash(t).any(|m| says(m, true)) || says(t, false)
}

/// A line of its own that is such a mark. `head`: the line stands under the item's heading or
/// case number, among its fields, where one word marks the item ("Internt", "Personfølsomt");
/// further down the text such a word is a subheading ("Internt" over "Eksternt"), and only a mark
/// of more words counts ("Til intern brug", "Indeholder personfølsomme oplysninger").
pub(super) fn line(text: &str, head: bool) -> bool {
    let t = text.trim();
    if t.len() > 2 * LONGEST || !stem(t.as_bytes()) {
        return false;
    }
    let plain = plain(t);
    let t = plain.trim();
    // In brackets a word is no subheading ("(Internt)").
    let bracketed = t.starts_with(['(', '[']) && t.ends_with([')', ']']);
    let t = t.trim_start_matches(['(', '[']).trim_end_matches([')', ']', '.']);
    says(t, head || bracketed) || after_dash(t).any(|m| says(m, false))
}

/// A field whose answer is such a mark: "Status: Intern", "Dokumenttype: Internt notat",
/// "Sagstype: Personsag" (review 17), wherever it stands.
pub(super) fn field(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 2 * LONGEST || !stem(t.as_bytes()) {
        return false;
    }
    let plain = plain(t);
    let Some((label, answer)) = plain.split_once(':') else { return false };
    let label = label.trim().trim_matches(['*', '_']);
    // An English word alone is a Danish one too ("Leverandører: Private").
    let english = matches!(answer.trim().to_lowercase().as_str(), "private" | "restricted" | "internal" | "sensitive");
    !label.is_empty()
        && label.len() <= 30
        && !label.bytes().any(|b| b.is_ascii_digit())
        && !english
        && line(answer, true)
}

/// `text` without markup, when it has any (a mark in an HTML paragraph or in emphasis).
fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    match text.contains(['<', '*', '_', '&', '`', '\\']) {
        true => to_plain(text).into(),
        false => text.into(),
    }
}

/// The parts of `t` after each " - " or " – ": "Salg af grund - Internt - personsag" gives
/// "Internt - personsag" and "personsag".
fn after_dash(t: &str) -> impl Iterator<Item = &str> {
    let dashes = [" - ", " – "].into_iter().flat_map(move |d| t.match_indices(d));
    dashes.map(move |(at, d)| &t[at + d.len()..])
}

/// Whether `mark` says the item is internal or holds personal data, in its first words, with the
/// reason after it ("Internt - personsag", "Internt, jf. § 30", "(Intern – personsag)"). `one`:
/// a single word counts ("Internt", "Personfølsomt", "Private"); an English one only as written
/// with a capital, since Danish has "private" too ("Tilskud til friskoler (private)").
fn says(mark: &str, one: bool) -> bool {
    let m = mark.trim();
    if m.is_empty() || m.len() > LONGEST {
        return false;
    }
    // The reason after the mark is any words.
    let head = [" - ", " – ", ",", " jf", " (", ";", " pga", " da ", ":"]
        .iter()
        .filter_map(|s| m.find(s))
        .min()
        .map_or(m, |at| &m[..at]);
    let capital = head.starts_with(char::is_uppercase);
    let lower = head.trim_end_matches('.').to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let internal = |w: &str| matches!(w, "intern" | "internt");
    let kind = |w: &str| {
        matches!(w, "brug" | "sag" | "punkt" | "notat" | "dokument" | "arbejdsdokument" | "orientering" | "drøftelse")
    };
    let personal = |w: &str| matches!(w, "personfølsom" | "personfølsomt" | "personfølsomme");
    let data = |w: &str| matches!(w, "oplysninger" | "data" | "personoplysninger");
    // "Indeholder personfølsomme oplysninger", "Sagen indeholder følsomme personoplysninger".
    if let Some(k) = words.iter().position(|w| *w == "indeholder") {
        return k <= 1 && contains_data(&words[k + 1..]);
    }
    match words.as_slice() {
        [w] if internal(w) || personal(w) => one,
        [w] if matches!(*w, "private" | "restricted" | "internal" | "sensitive") => one && capital,
        // "Intern sag", "Internt notat", "Personfølsom sag", "Personfølsomme oplysninger".
        // "Intern sag", "Internt punkt" say it of the item anywhere; "Internt notat",
        // "Personfølsomme oplysninger" may be a subheading.
        [w, "sag" | "punkt"] if internal(w) || personal(w) => true,
        [w, k] if internal(w) && kind(k) => one,
        [w, k] if personal(w) && (kind(k) || data(k)) => one,
        ["personsag" | "personoplysninger"] => one,
        ["følsomme", "personoplysninger" | "oplysninger"] | ["beskyttede", "oplysninger"] => one,
        // "Til intern brug", "Kun internt", "Kun til intern brug", "Kun for intern brug".
        [.., w, k] if internal(w) && kind(k) && prefixed(&words[..words.len() - 2]) => true,
        [.., w] if internal(w) && prefixed(&words[..words.len() - 1]) => true,
        ["må", "ikke", "videregives"] | ["ikke", "til", "videregivelse"] | ["tavshedspligt"] => true,
        ["underlagt" | "omfattet" | "med", .., "tavshedspligt"] => true,
        // English: "Internal use only", "For internal use only", "Private and confidential",
        // "Personal data", "Contains personal data".
        ["internal", "use" | "only"] | ["internal", "use", "only"] | ["for", "internal", "use", "only"] => true,
        ["private", "and", "confidential"] | ["contains", "personal", "data"] => true,
        ["personal", "data"] => one && capital,
        _ => false,
    }
}

/// Words before "intern" that make it a mark: "til", "kun", "kun til", "kun for", "for".
fn prefixed(words: &[&str]) -> bool {
    matches!(words, ["til"] | ["kun"] | ["for"] | ["kun", "til" | "for"])
}

/// "personfølsomme oplysninger", "følsomme personoplysninger", "fortrolige oplysninger",
/// "personoplysninger" after "indeholder".
fn contains_data(words: &[&str]) -> bool {
    match words {
        ["personoplysninger"] => true,
        [adjective, noun] => {
            matches!(*adjective, "personfølsomme" | "følsomme" | "fortrolige")
                && matches!(*noun, "oplysninger" | "data" | "personoplysninger")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_in_a_title() {
        for t in [
            "Salg af grund (Internt)",
            "Salg af grund (Intern – personsag)",
            "Salg af grund - Internt - personsag",
            "Salg af grund - Til intern brug",
            "Salg af grund (Personfølsomt, jf. § 30)",
            "Salg af grund (Private)",
            "Salg af grund [Restricted]",
            "Salg af grund (For internal use only)",
            "Salg af grund (*Internt*)",
            "Til intern brug",
        ] {
            assert!(in_title(t), "{t}");
        }
        for t in [
            "Intern revision",
            "Private fællesveje",
            "Tilskud til friskoler (private)",
            "Rengøring - private",
            "Personfølsomme oplysninger",
            "Internt",
            "Internt samarbejde - status",
            "Intern revision - internt notat om revisionen og dens resultater i 2024",
        ] {
            assert!(!in_title(t), "{t}");
        }
    }

    #[test]
    fn marks_on_a_line() {
        for t in ["Internt", "INTERNT", "<p>Internt</p>", "Personfølsomt", "Internt - personsag"] {
            assert!(line(t, true), "{t}");
            assert!(!line(t, false), "{t}: a subheading further down");
        }
        for t in [
            "Til intern brug",
            "Kun til intern brug.",
            "Kun for intern brug",
            "Indeholder personfølsomme oplysninger",
            "Sagen indeholder personfølsomme oplysninger",
            "Må ikke videregives",
            "Underlagt tavshedspligt",
            "Intern sag",
            "(Personfølsomme oplysninger)",
            "For internal use only",
        ] {
            assert!(line(t, true) && line(t, false), "{t}");
        }
        for t in ["Intern revision har gennemgået sagen.", "Eksternt", "Sagen har været i intern høring."] {
            assert!(!line(t, true), "{t}");
        }
    }
}
