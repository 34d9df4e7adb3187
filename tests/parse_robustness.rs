//! The same minutes in the shapes they really arrive in (byte-order mark, CRLF, form feeds,
//! pdftotext page footers, page headers repeated on every page, Windows-1252) parse to the same
//! model as the clean file.

use referat::diag::Diagnostic;
use referat::model::Meeting;
use std::path::Path;

const SEEDS: [&str; 2] = ["content/direktionen/2017-03-20.txt", "content/direktionen/2012-11-20.md"];

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// Decodes and parses bytes as `referat` does for a file named `rel`.
fn parse_bytes(rel: &str, bytes: &[u8]) -> (Meeting, Vec<Diagnostic>) {
    let (text, mut diags) = referat::load::decode(Path::new(rel), bytes).unwrap();
    let (m, more) = referat::parse::parse(Path::new(rel), &text).unwrap();
    diags.extend(more);
    (m, diags)
}

fn clean(rel: &str) -> Meeting {
    let (m, diags) = parse_bytes(rel, read(rel).as_bytes());
    assert!(diags.is_empty());
    m
}

/// The model without source line numbers, for variants that add lines.
fn without_lines(mut m: Meeting) -> Meeting {
    for i in &mut m.items {
        i.line = 0;
    }
    m
}

#[test]
fn byte_order_mark() {
    for rel in SEEDS {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(read(rel).as_bytes());
        let (m, diags) = parse_bytes(rel, &bytes);
        assert_eq!(m, clean(rel));
        assert!(diags.is_empty());
        // A BOM that reaches the parser directly is handled too.
        let (m, _) = referat::parse::parse(Path::new(rel), &format!("\u{feff}{}", read(rel))).unwrap();
        assert_eq!(m, clean(rel));
    }
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    for rel in SEEDS {
        let text = read(rel);
        assert_eq!(parse_bytes(rel, text.replace('\n', "\r\n").as_bytes()).0, clean(rel), "{rel} CRLF");
        assert_eq!(parse_bytes(rel, text.replace('\n', "\r").as_bytes()).0, clean(rel), "{rel} CR");
    }
}

/// Replaces every `every`-th blank line by a pdftotext page break: footer line and form feed.
fn with_page_breaks(text: &str, every: usize) -> String {
    let mut out = String::new();
    let mut blanks = 0;
    let mut page = 1;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            blanks += 1;
            if blanks % every == 0 {
                page += 1;
                out.push_str(&format!("\x0cDirektionen 03-04-2017 - Side {page} af 9\n"));
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn form_feeds_and_page_footers_in_place_of_blank_lines() {
    for rel in SEEDS {
        for every in [1, 3, 7] {
            let text = with_page_breaks(&read(rel), every);
            assert!(text.matches("Side ").count() > 5);
            let (m, diags) = parse_bytes(rel, text.as_bytes());
            assert_eq!(m, clean(rel), "{rel} every {every}");
            assert!(diags.is_empty(), "{diags:?}");
        }
    }
}

#[test]
fn repeated_page_footers_added_between_lines() {
    for rel in SEEDS {
        let mut out = String::new();
        for (i, line) in read(rel).split('\n').enumerate() {
            out.push_str(line);
            out.push('\n');
            if i % 20 == 19 && line.trim().is_empty() {
                out.push_str(&format!("\nDirektionen 03-04-2017 - Side {} af 9\n\x0c\n", i / 20 + 2));
            }
        }
        let (m, diags) = parse_bytes(rel, out.as_bytes());
        assert_eq!(without_lines(m), without_lines(clean(rel)), "{rel}");
        assert!(diags.is_empty(), "{diags:?}");
    }
}

#[test]
fn repeated_page_headers_are_dropped() {
    // The 2017 seed as a PDF export: every page opens with the same three header lines.
    let rel = "tests/fixtures/parse/page_headers.txt";
    let text = read(rel);
    assert!(text.matches("\x0cHøje-Taastrup Kommune\nDirektionen 20-03-2017\nReferat\n").count() >= 10);
    let (m, diags) = referat::parse::parse(Path::new(SEEDS[0]), &text).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(without_lines(m), without_lines(clean(SEEDS[0])));
}

#[test]
fn repeated_page_headers_after_page_footers_without_form_feeds() {
    for rel in SEEDS {
        let mut out = String::from("Høje-Taastrup Kommune\nReferat\n\n");
        let mut page = 1;
        for (i, line) in read(rel).split('\n').enumerate() {
            out.push_str(line);
            out.push('\n');
            if i % 15 == 14 && line.trim().is_empty() {
                page += 1;
                out.push_str(&format!("Side {page} af 40\nHøje-Taastrup Kommune\nReferat\n\n"));
            }
        }
        assert!(page > 5);
        let (m, diags) = parse_bytes(rel, out.as_bytes());
        assert_eq!(without_lines(m), without_lines(clean(rel)), "{rel}");
        assert!(diags.is_empty(), "{diags:?}");
    }
}

#[test]
fn page_break_inside_a_pdf_broken_paragraph_is_still_joined() {
    let rel = SEEDS[1];
    let text = read(rel).replacen(
        "sektor i\n\nkraft af",
        "sektor i\n\nDirektionen 20-11-2012 - Side 9 af 19\n\x0ckraft af",
        1,
    );
    assert_eq!(without_lines(parse_bytes(rel, text.as_bytes()).0), without_lines(clean(rel)));
}

#[test]
fn windows_1252_decodes_with_a_warning() {
    for rel in SEEDS {
        let text = read(rel);
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable, "{rel} is representable in Windows-1252");
        assert!(std::str::from_utf8(&bytes).is_err());
        let (m, diags) = parse_bytes(rel, &bytes);
        assert_eq!(m, clean(rel), "{rel}");
        assert_eq!(diags.len(), 1);
        assert!(!diags[0].is_error());
        assert!(diags[0].message.contains("Windows-1252"));
        assert_eq!(diags[0].file, Path::new(rel));
    }
}

#[test]
fn utf16_exports_decode_to_the_same_model() {
    for rel in SEEDS {
        let text = read(rel);
        let mut bytes = b"\xFF\xFE".to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (m, diags) = parse_bytes(rel, &bytes);
        assert_eq!(m, clean(rel), "{rel}");
        assert!(diags.is_empty(), "{diags:?}");
    }
}

#[test]
fn everything_at_once_through_the_file_loader() {
    let dir = tempfile::tempdir().unwrap();
    for rel in SEEDS {
        let text = with_page_breaks(&read(rel), 4).replace('\n', "\r\n");
        let (mut bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let mut with_bom = Vec::new();
        if rel.ends_with(".md") {
            with_bom.extend(b"\xEF\xBB\xBF");
            bytes = std::borrow::Cow::Owned(text.into_bytes()); // UTF-8 with BOM
        }
        with_bom.extend(bytes.iter());
        let name = Path::new(rel).file_name().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &with_bom).unwrap();
        let (m, diags) = referat::build::parse_file(dir.path(), &path);
        let mut m = m.unwrap();
        assert!(diags.iter().all(|d| !d.is_error()));
        m.source = rel.into();
        assert_eq!(m, clean(rel), "{rel}");
    }
}

#[test]
fn huge_inputs_stay_linear() {
    let header = "REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Stor sag\n\n16/1\n\nBaggrund\n\n";
    let broken = format!("{header}{}", "(og en linje der fortsætter\n\n".repeat(40_000));
    let long_line = format!("{header}{}", "ord (og) ".repeat(400_000));
    let many_items: String =
        (2..=5_000).map(|n| format!("Punkt {n}: Sag {n}\n\n16/{n}\n\nBeslutning\n\nGodkendt.\n\n")).collect();
    for text in [broken, long_line, format!("{header}{many_items}")] {
        let started = std::time::Instant::now();
        let (m, _) = referat::parse::parse(Path::new("stor.txt"), &text).unwrap();
        assert!(!m.items.is_empty());
        assert!(started.elapsed().as_secs() < 10, "{:?} for {} bytes", started.elapsed(), text.len());
    }
}
