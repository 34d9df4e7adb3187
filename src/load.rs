//! Finding minutes files below the content folder and decoding them to text.

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One minutes file, decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the content folder, used in messages and as the meeting's stable key.
    pub rel: PathBuf,
    /// Full path on disk.
    pub path: PathBuf,
    pub text: String,
}

/// File extensions that hold minutes.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// True if `path` names a minutes file (by extension; hidden and editor backup files excluded).
pub fn is_minutes_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.starts_with('#') || name.ends_with('~') {
        return false;
    }
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// All minutes files below `content`, at any depth, sorted by path for reproducible builds.
pub fn find_files(content: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if !content.is_dir() {
        return Err(Diagnostic::error(content, 0, "content folder does not exist or is not a folder"));
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(content).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() && is_minutes_file(e.path()) => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| content.to_path_buf());
                return Err(Diagnostic::error(path, 0, format!("cannot read: {e}")));
            }
        }
    }
    Ok(files)
}

/// Reads and decodes one file. `rel` is the path shown in messages.
pub fn load_file(path: &Path, rel: &Path) -> Result<(Source, Vec<Diagnostic>), Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::error(rel, 0, format!("cannot read file: {e}")))?;
    let (text, warnings) = decode_owned(rel, bytes)?;
    Ok((Source { rel: rel.to_path_buf(), path: path.to_path_buf(), text: unjoined(composed(text)) }, warnings))
}

/// The text with a PDF's ligatures as their letters ("oﬀentlig" as "offentlig": pdftotext writes
/// U+FB00–U+FB06 where the font joined them) and a soft hyphen written as an entity ("Lukk&shy;et",
/// "&#173;", "&#xad;") as the character U+00AD every reader already passes over (review 15: such
/// marks were published, and a word with a ligature could not be searched). Both are invisible
/// changes to a reader. The ligatures' bytes start EF AC and the entities '&': one search each.
pub fn unjoined(text: String) -> String {
    let b = text.as_bytes();
    let ligature = memchr::memmem::find(b, b"\xEF\xAC").is_some();
    let entity = || {
        memchr::memchr_iter(b'&', b).any(|i| {
            let rest = &b[i..b.len().min(i + 6)];
            SOFT_HYPHENS.iter().any(|e| rest.len() >= e.len() && rest[..e.len()].eq_ignore_ascii_case(e.as_bytes()))
        })
    };
    if !ligature && !entity() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) =
        rest.find(['&', '\u{FB00}', '\u{FB01}', '\u{FB02}', '\u{FB03}', '\u{FB04}', '\u{FB05}', '\u{FB06}'])
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let c = rest.chars().next().unwrap_or('&');
        let letters = match c {
            '\u{FB00}' => Some("ff"),
            '\u{FB01}' => Some("fi"),
            '\u{FB02}' => Some("fl"),
            '\u{FB03}' => Some("ffi"),
            '\u{FB04}' => Some("ffl"),
            '\u{FB05}' | '\u{FB06}' => Some("st"),
            _ => None,
        };
        if let Some(letters) = letters {
            out.push_str(letters);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let head = &rest.as_bytes()[..rest.len().min(6)];
        match SOFT_HYPHENS.iter().find(|e| head.len() >= e.len() && head[..e.len()].eq_ignore_ascii_case(e.as_bytes()))
        {
            Some(e) => {
                out.push('\u{AD}');
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A soft hyphen's entities, matched without regard to case.
const SOFT_HYPHENS: [&str; 3] = ["&shy;", "&#173;", "&#xad;"];

/// The text in Unicode's composed form (NFC). Text from PDFs and pasted on macOS often writes "å" as
/// "a" and a combining ring (U+030A): a word would break there ("a" + "rhus") and "Århus" typed
/// on a keyboard would not find it. Combining diacritical marks (U+0300–U+036F) start with the
/// bytes 0xCC or 0xCD in UTF-8, so one vectorized search settles the files that have none. So do
/// the letterlike symbols (U+2100–U+213F, bytes E2 84), among them the Kelvin and Ångström signs,
/// which NFC makes "K" and "Å": read as other letters, "LU\u{212A}\u{212A}ET" or "\u{212B}ben: Nej"
/// passed the readers that look for closing words by their bytes, and the item was published
/// (differential review of the parser's speed-ups).
pub fn composed(text: String) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    let b = text.as_bytes();
    let marks = memchr::memchr2(0xcc, 0xcd, b).is_some();
    let letterlike = || memchr::memmem::find(b, b"\xE2\x84").is_some();
    if !(marks || letterlike()) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

/// Like [`decode`], but takes the bytes: valid UTF-8 (the common case) becomes the text without a copy.
fn decode_owned(rel: &Path, mut bytes: Vec<u8>) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    if utf16(&bytes).is_some() {
        return decode(rel, &bytes);
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    check_not_binary(rel, &bytes)?;
    // The standard library's check read Danish text at 1.7 GB/s, its ASCII fast path stopping at
    // every "æ", "ø" and "å" (4 % of the parse); `simdutf8` checks with SIMD at several times that.
    match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: `simdutf8` has just validated these very bytes as UTF-8.
        Ok(_) => Ok((unsafe { String::from_utf8_unchecked(bytes) }, Vec::new())),
        Err(_) => decode_unmarked(rel, &bytes),
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A NUL byte means binary data.
fn check_not_binary(rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let Some(pos) = memchr::memchr(0, bytes) else { return Ok(()) };
    let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
    Err(Diagnostic::error(rel, line, "binary data (NUL byte): not a text file"))
}

/// Decodes minutes bytes: UTF-8 (with or without byte-order mark), or Windows-1252 with a warning,
/// as older case systems export. Binary data is an error.
pub fn decode(rel: &Path, bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    if let Some((encoding, bom, guessed)) = utf16(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let line_of = |pos: usize| 1 + text[..pos].matches('\n').count();
        if let Some(pos) = text.find('\0') {
            return Err(Diagnostic::error(rel, line_of(pos), "binary data (NUL character): not a text file"));
        }
        let mut warnings = Vec::new();
        if malformed {
            // A truncated file (an odd last byte) or a broken pair: the damage is marked "�".
            let line = text.find('\u{fffd}').map_or(0, line_of);
            warnings.push(Diagnostic::warning(
                rel,
                line,
                format!(
                    "malformed {} (the file may be cut short); the damaged text shows as \"\u{fffd}\"",
                    encoding.name()
                ),
            ));
        }
        if guessed {
            warnings.push(Diagnostic::warning(rel, 0, format!("no byte-order mark; decoded as {}", encoding.name())));
        }
        return Ok((text.into_owned(), warnings));
    }
    decode_unmarked(rel, bytes.strip_prefix(BOM).unwrap_or(bytes))
}

/// UTF-16 as Windows tools export it: by byte-order mark, or, without one, by the NUL byte that
/// every ASCII character carries. Returns the encoding, the length of the mark, and whether it was
/// guessed.
fn utf16(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, usize, bool)> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some((encoding_rs::UTF_16LE, 2, false));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some((encoding_rs::UTF_16BE, 2, false));
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // Most files are UTF-8, with no NUL at all: one vectorized search settles them.
    if sample.len() < 8 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let nul_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (nul_at(0), nul_at(1));
    // Text in UTF-16 has a NUL in nearly every pair, always on the same side; binary data does not.
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some((encoding_rs::UTF_16LE, 0, true))
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some((encoding_rs::UTF_16BE, 0, true))
    } else {
        None
    }
}

/// [`decode`] after the byte-order mark is gone.
fn decode_unmarked(rel: &Path, bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    check_not_binary(rel, bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(_) => {
            // Line by line: one line pasted from an older system must not garble the rest.
            let (mut text, mut bad) = (String::with_capacity(bytes.len() + bytes.len() / 16), Vec::new());
            for (no, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
                match std::str::from_utf8(line) {
                    Ok(s) => text.push_str(s),
                    Err(_) => {
                        bad.push(no + 1);
                        text.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(line).0);
                    }
                }
            }
            let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')).count();
            if controls * 20 > text.chars().count().max(1) {
                return Err(Diagnostic::error(rel, bad[0], "binary data: neither UTF-8 nor Windows-1252 text"));
            }
            let message = match bad.len() {
                1 => "not valid UTF-8; this line decoded as Windows-1252".to_string(),
                n => format!("not valid UTF-8; {n} lines, the first here, decoded as Windows-1252"),
            };
            Ok((text, vec![Diagnostic::warning(rel, bad[0], message)]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_decodes_windows_1252() {
        let p = Path::new("x.txt");
        assert_eq!(decode(p, b"\xEF\xBB\xBFPunkt").unwrap().0, "Punkt");
        let (text, warnings) = decode(p, b"M\xf8dedato\n\xc6ble").unwrap();
        assert_eq!(text, "Mødedato\nÆble");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 1);
        assert!(warnings[0].message.contains("2 lines, the first here"), "{}", warnings[0].message);
    }

    /// Regression: one Windows-1252 line in a UTF-8 file made the whole file Windows-1252, so
    /// "Byrådet" became "ByrÃ¥det", a new body.
    #[test]
    fn one_windows_1252_line_leaves_the_utf8_lines_alone() {
        let mut bytes = "REFERAT Byrådet\nMødedato\nEkstra ".as_bytes().to_vec();
        bytes.extend(b"\xe6\xf8\xe5\n");
        let (text, warnings) = decode(Path::new("x.txt"), &bytes).unwrap();
        assert_eq!(text, "REFERAT Byrådet\nMødedato\nEkstra æøå\n");
        assert_eq!((warnings.len(), warnings[0].line), (1, 3));
    }

    /// Regression: a UTF-16 file cut short by one byte got a "�" in its text without a word.
    #[test]
    fn malformed_utf16_warns_with_its_line() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Punkt 1\nBilag".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.pop();
        let (text, warnings) = decode(Path::new("x.txt"), &bytes).unwrap();
        assert!(text.ends_with('\u{fffd}'));
        assert_eq!((warnings.len(), warnings[0].line), (1, 2));
        assert!(warnings[0].message.contains("cut short"));
    }

    #[test]
    fn owned_decoding_matches_borrowed_decoding() {
        let p = Path::new("x.txt");
        for bytes in [&b"\xEF\xBB\xBFPunkt 1"[..], b"M\xf8dedato\n\xc6ble", b"plain", b""] {
            let (a, wa) = decode(p, bytes).unwrap();
            let (b, wb) = decode_owned(p, bytes.to_vec()).unwrap();
            assert_eq!((a, wa.len()), (b, wb.len()));
        }
        assert_eq!(decode_owned(p, b"\xEF\xBB\xBFa\nb\0".to_vec()).unwrap_err().line, 2);
    }

    #[test]
    fn utf16_with_and_without_byte_order_mark() {
        let p = Path::new("x.txt");
        let text = "Mødedato Mandag\nPunkt 1: Økonomi\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, warned) in
            [([&b"\xFF\xFE"[..], &le].concat(), 0), ([&b"\xFE\xFF"[..], &be].concat(), 0), (le, 1), (be, 1)]
        {
            let (t, w) = decode(p, &bytes).unwrap();
            assert_eq!(t, text);
            assert_eq!(w.len(), warned);
            assert_eq!(decode_owned(p, bytes).unwrap().0, text);
        }
        let mut bad: Vec<u8> = "a\nb".encode_utf16().flat_map(u16::to_le_bytes).collect();
        bad.splice(0..0, [0xFF, 0xFE]);
        bad.extend([0, 0]);
        assert_eq!(decode(p, &bad).unwrap_err().line, 2);
    }

    /// Regression: decomposed letters ("a" + U+030A for "å", from PDFs and macOS) were kept, so the
    /// search index held "a" and "rhus" and "Århus" found nothing.
    #[test]
    fn decomposed_letters_are_composed_when_loading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.md");
        std::fs::write(&path, "A\u{30a}rhus og Ko\u{308}ge, Ølstykke\n").unwrap();
        let (source, _) = load_file(&path, Path::new("m.md")).unwrap();
        assert_eq!(source.text, "Århus og Köge, Ølstykke\n");
        assert_eq!(composed("plain æøå".to_string()), "plain æøå");
        // Regression (review 15): a PDF's ligatures and a soft hyphen's entities hid closing words.
        assert_eq!(unjoined("Ikke o\u{FB00}entlig, \u{FB01}nans".to_string()), "Ikke offentlig, finans");
        assert_eq!(
            unjoined("Lukk&shy;et, Lukk&#173;et, Lukk&#xAD;et".to_string()),
            "Lukk\u{AD}et, Lukk\u{AD}et, Lukk\u{AD}et"
        );
        assert_eq!(unjoined("A & B &amp; &sh".to_string()), "A & B &amp; &sh");
        assert_eq!(composed("\u{300} alone".to_string()), "\u{300} alone", "a mark with nothing to compose stays");
    }

    #[test]
    fn binary_is_an_error_with_line() {
        let e = decode(Path::new("x.txt"), b"a\nb\0c").unwrap_err();
        assert!(e.is_error());
        assert_eq!(e.line, 2);
    }

    #[test]
    fn minutes_files_by_extension() {
        assert!(is_minutes_file(Path::new("a/b/2017-03-20.txt")));
        assert!(is_minutes_file(Path::new("a/2012.MD")));
        assert!(!is_minutes_file(Path::new("a/.2012.md")));
        assert!(!is_minutes_file(Path::new("a/2012.md~")));
        assert!(!is_minutes_file(Path::new("a/logo.png")));
    }
}
