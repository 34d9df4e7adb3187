//! Property tests: arbitrary bytes and minutes-like garbage go through decode + parse without a
//! panic, and whatever parses keeps the model's invariants (closed items carry no content).

use proptest::prelude::*;
use referat::model::Meeting;
use std::path::Path;

fn check_invariants(m: &Meeting) {
    let mut numbers: Vec<u32> = m.items.iter().map(|i| i.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), m.items.len(), "item numbers are unique");
    for i in m.items.iter().filter(|i| i.closed) {
        assert_eq!(i.title, "Lukket");
        assert!(i.sections.is_empty() && i.decisions.is_empty() && i.attachments.is_empty());
    }
    serde_json::to_string(m).unwrap();
}

fn run(bytes: &[u8]) {
    let path = Path::new("fuzz/2017-03-20.txt");
    if let Ok((text, _)) = referat::load::decode(path, bytes) {
        match referat::parse::parse(path, &text) {
            Ok((m, diags)) => {
                check_invariants(&m);
                assert!(diags.iter().all(|d| !d.is_error()));
            }
            Err(diags) => assert!(diags.iter().any(|d| d.is_error())),
        }
    }
}

/// Pieces of real minutes and of the things that break parsers.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("REFERAT Direktionen d. 20-03-2017".to_string()),
        Just("Mødedato Mandag d. 20. marts 2017 kl. 10:00".to_string()),
        Just("Mødedeltagere Lars Holte, Kathrine (sekretær), og".to_string()),
        Just("Indholdsfortegnelse".to_string()),
        Just("Lukket.....\t4".to_string()),
        Just("Punkt 2: Lukket".to_string()),
        Just("## **Punkt 3: Økonomi**".to_string()),
        Just("16/26813".to_string()),
        Just("00.01.00-A00-1-21".to_string()),
        Just("Beslutning i Direktionen den 06-11-2012".to_string()),
        Just("Direktionens beslutning den 45-45-2017".to_string()),
        Just("Bilag".to_string()),
        Just("### **Styregruppe**".to_string()),
        Just("<b>Total</b>\t\t<b>4.627.200</b>\t".to_string()),
        Just("\t\t\tBesparelse".to_string()),
        Just("| a | b |".to_string()),
        Just("|---|---|".to_string()),
        Just("Tabel 2. Økonomi".to_string()),
        Just("- punkt".to_string()),
        Just("26. november: (oplæg og".to_string()),
        Just("Direktionen 03-04-2017 - Side 2 af 9".to_string()),
        Just("=====".to_string()),
        Just("[www.htk.dk](http://www".to_string()),
        Just("\u{212a}\u{130}İ\u{feff}\u{a0}\u{ad}\u{301}".to_string()),
        Just("\x0c".to_string()),
        Just(String::new()),
        "[ -~æøåÆØÅ\t*_#<>\\[\\]()&;:.,/-]{0,40}",
        any::<String>(),
    ]
}

fn minutes_like() -> impl Strategy<Value = String> {
    (prop::collection::vec(fragment(), 0..60), prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just("\r")])
        .prop_map(|(parts, sep)| parts.join(sep))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run(&bytes);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        run(s.as_bytes());
    }

    #[test]
    fn minutes_like_text_never_panics(s in minutes_like()) {
        run(s.as_bytes());
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&s);
        run(&bytes);
    }

    #[test]
    fn shuffled_seed_lines_never_panic(
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..200),
        which in 0usize..2,
    ) {
        let rel = ["content/direktionen/2017-03-20.txt", "content/direktionen/2012-11-20.md"][which];
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let picked: Vec<&str> = picks.iter().map(|i| lines[i.index(lines.len())]).collect();
        run(picked.join("\n").as_bytes());
    }
}
