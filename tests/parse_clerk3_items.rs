//! Regressions from the third clerk review (exports from FirstAgenda, eDoc, WorkZone and SBSYS):
//! fields that describe an item under its heading, closed marks in more words, dividers before the
//! closed part, sub-items, and a last "N. Title" item without a case number.

use referat::diag::Diagnostic;
use referat::model::Meeting;
use std::path::Path;

fn fixture(name: &str) -> (Meeting, Vec<Diagnostic>) {
    let rel = Path::new("tests/fixtures/parse/clerk3_items").join(name);
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&rel)).unwrap();
    referat::parse::parse(&rel, &text).unwrap()
}

fn items(m: &Meeting) -> Vec<(u32, bool, &str)> {
    m.items.iter().map(|i| (i.number, i.closed, i.title.as_str())).collect()
}

/// Nothing of a closed item's text is anywhere in the model.
fn assert_nothing_secret(m: &Meeting) {
    let json = serde_json::to_string(m).unwrap();
    assert!(!json.contains("HEMMELIG"), "{json}");
}

/// Parses `text` as file `name` and checks that neither the closed items' text nor their titles'
/// words (the review files' place names) are in the meeting.
fn assert_publishes_nothing_closed(name: &str, text: &str) -> Meeting {
    let (m, _) = referat::parse::parse(Path::new(name), text).unwrap();
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m).unwrap();
    for word in ["Zeuthenlund", "Kvistgaard", "Bramstrup", "Ravnsborg"] {
        assert!(!json.contains(word), "{word} in {json}\n{text}");
    }
    m
}

/// As [`assert_publishes_nothing_closed`], where refusing the file is safe too: a header line
/// that says something is closed but is not read as an item refuses the file (realistic leak
/// review), and these generated files put such lines above their first item.
fn assert_publishes_nothing_closed_or_refused(name: &str, text: &str) {
    if referat::parse::parse(Path::new(name), text).is_ok() {
        assert_publishes_nothing_closed(name, text);
    }
}

/// FirstAgenda writes "Sagsansvarlig: …", "Udvalg: …" and "Åben sag"/"Lukket sag" under the case
/// number: a "Lukket sag" two lines below it did not close the item (a buyer's and a dismissed
/// employee's names were published), and the fields became a paragraph at the top of every item.
#[test]
fn a_closed_status_among_the_item_fields_closes_it() {
    let (m, _) = fixture("fields.txt");
    let want =
        [(1, false, "Godkendelse af dagsorden"), (2, true, "Lukket"), (3, true, "Lukket"), (4, false, "Eventuelt")];
    assert_eq!(items(&m), want);
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m).unwrap();
    assert!(!json.contains("Sagsansvarlig") && !json.contains("Åben sag"), "fields are not text: {json}");
}

/// A `pdftotext -layout` line with the case number, the case officer and "Lukket sag" side by
/// side lost both the case number and the mark: item 2 was published and every item warned it had
/// no case number.
#[test]
fn fields_side_by_side_give_the_case_number_and_the_mark() {
    let (m, d) = fixture("layout.txt");
    assert_eq!(items(&m), [(1, false, "Godkendelse af dagsorden"), (2, true, "Lukket"), (3, false, "Eventuelt")]);
    let cases: Vec<String> = m.items.iter().map(|i| i.case.as_ref().unwrap().to_string()).collect();
    assert_eq!(cases, ["24/4001", "01.02.05-P16-3-22", "24/4003"]);
    assert!(!d.iter().any(|d| d.message.contains("no case number")), "{d:#?}");
    assert_nothing_secret(&m);
}

/// "Åben sag" and "Sagsansvarlig: …" before the case number were joined onto the title, and with a
/// wrapped title the case number was too far down: the file was rejected.
#[test]
fn fields_before_the_case_number_are_not_title() {
    let (m, d) = fixture("fields_before_case.txt");
    let title = "Lokalplan 1.45 for boligområde ved Nærheden Øst, Hedehusene – endelig vedtagelse";
    assert_eq!(items(&m), [(1, false, "Godkendelse af dagsorden"), (2, false, title), (3, false, "Eventuelt")]);
    assert_eq!(m.items[1].case.as_ref().unwrap().to_string(), "01.02.05-P16-3-22");
    assert!(!d.iter().any(|d| d.message.contains("no case number")), "{d:#?}");
}

/// A mark under the case number closed the item only in a narrow vocabulary: "Lukket pkt.", "Ikke
/// offentlig", "Behandles for lukkede døre", "Ej til offentliggørelse", "Undtaget fra
/// offentligheden", "Status: Lukket", a zero-width space inside "Lukket", and "Luk-" / "ket" where
/// the title wrapped were all published. A line about something else stays open text.
#[test]
fn marks_under_the_case_number_in_other_words_close_the_item() {
    let (m, _) = fixture("marks.txt");
    let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
    assert_eq!(closed, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14]);
    assert_nothing_secret(&m);
    let open = &m.items[12];
    assert_eq!(open.sections.len(), 1, "\"Åben sag\" is a status, not text: {:?}", open.sections);
}

/// Lines dividing the open from the closed part in other words than the known ones ("Sager til
/// lukket møde", "Tillægsdagsorden - lukket", "LUKKET REFERAT", eDoc's "Lukket møde for
/// Teknik- og Miljøudvalgets møde den …") published every closed item after them, the line itself
/// in the decision before. A line about something closed, or an attachment's file name, is none.
#[test]
fn dividers_in_other_words_close_the_items_after_them() {
    let forms = [
        "Sager til lukket møde",
        "Lukkede sager",
        "Dagsorden for lukket møde",
        "Tillægsdagsorden - lukket",
        "Fortrolige sager",
        "Punkter til behandling for lukkede døre",
        "Beslutninger på lukket møde",
        "Lukket behandling",
        "LUKKET REFERAT",
        "Referat – lukket del",
    ];
    let file = |line: &str| {
        format!(
            "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Budget\n24/1\n\nBeslutning\nGodkendt.\n\n{line}\n\n\
             Punkt 2: Personalesag\n24/2\n\nHEMMELIG tekst.\n\nPunkt 3: Ansættelse\n24/3\n\nHEMMELIG navn.\n"
        )
    };
    for form in forms {
        let (m, d) = referat::parse::parse(Path::new("x.txt"), &file(form)).unwrap();
        let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, [false, true, true], "{form}");
        assert_eq!(m.items[0].decisions[0].text, "Godkendt.", "{form}");
        assert!(d.iter().any(|d| d.line == 9 && d.message.contains("closed and not published")), "{form}: {d:#?}");
        assert_nothing_secret(&m);
    }
    for open in ["Skolen er lukket.", "Fortrolig revisionsrapport.pdf", "Lukket punkt"] {
        let (m, _) = referat::parse::parse(Path::new("x.txt"), &file(open)).unwrap();
        assert!(!m.items[2].closed, "{open}: only item 2 at most");
    }
    let (m, _) = fixture("edoc_divider.txt");
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [false, false, true, true]);
    assert_nothing_secret(&m);
}

/// Sub-items ("Punkt 2.1: …", "Punkt 3a: Tillægspunkt – …") were read as items 2, 2 and 3 again,
/// and the file was rejected with "item number 2 is used twice". They are parts of their item,
/// each with a heading; a closed sub-item ends its item's published text.
#[test]
fn sub_items_are_parts_of_their_item() {
    let (m, d) = fixture("sub_items.txt");
    assert!(d.is_empty(), "{d:#?}");
    let numbers: Vec<u32> = m.items.iter().map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let headings: Vec<&str> = m.items[1].sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        ["Punkt 2.1: Orientering om sommerferiepasning", "Punkt 2.2: Status på skolebyggeriet", "Beslutning"]
    );
    let text = "REFERAT Byrådet d. 04-06-2024\n\nPunkt 1: Meddelelser\n24/1\n\nPunkt 1.1: Status\nÅben tekst.\n\n\
                Punkt 1.2: Personalesag - Lukket\nHEMMELIG navn.\n\nPunkt 2: Eventuelt\n24/2\n\nIntet.\n";
    let (m, d) = referat::parse::parse(Path::new("x.txt"), text).unwrap();
    assert_nothing_secret(&m);
    assert_eq!(m.items[0].sections.len(), 1);
    assert!(d.iter().any(|d| d.line == 9 && d.message.contains("sub-item")), "{d:#?}");
}

/// In a file of "N. Title" items, an added last item without a case number ("Tillægsdagsorden" /
/// "4. Klage over afgørelse … - Lukket punkt") became an ordered list in item 3's decision: the
/// complaint and the citizen's name were published, and "Klagen afvises." became item 3's decision.
#[test]
fn a_last_numbered_item_without_a_case_number_is_an_item() {
    let (m, d) = fixture("last_without_case.txt");
    let items: Vec<(u32, bool)> = m.items.iter().map(|i| (i.number, i.closed)).collect();
    assert_eq!(items, [(1, false), (2, false), (3, false), (4, true)]);
    assert!(d.iter().any(|d| d.line == 40 && d.message.contains("no case number")), "{d:#?}");
    assert_nothing_secret(&m);
    assert_eq!(m.items[2].decisions.len(), 1);
    assert_eq!(
        m.items[2].decisions[0].text, "Anbefales over for Økonomiudvalget og Byrådet.",
        "no \"Tillægsdagsorden\""
    );
    // An open one set apart is an item too; a numbered list's next number is not.
    let open = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse/clerk3_items/last_without_case.txt"),
    )
    .unwrap()
    .replace("Klage over afgørelse om hjælpemidler (B) - Lukket punkt", "Eventuelt")
    .replace("Borger HEMMELIG-BORGER klager over afslag på el-scooter.", "Intet.");
    let (m, _) = referat::parse::parse(Path::new("x.txt"), &open).unwrap();
    assert_eq!(m.items.last().map(|i| (i.number, i.closed, i.title.as_str())), Some((4, false, "Eventuelt")));
    let list = open.replace("Tillægsdagsorden\n\n4. Eventuelt", "1. En\n2. To\n3. Tre\n4. Eventuelt");
    let (m, _) = referat::parse::parse(Path::new("x.txt"), &list).unwrap();
    assert_eq!(m.items.len(), 3, "a list in item 3's decision");
}

/// A "Lukkede punkter" group heading in the table of contents was glued onto the next entry's
/// title, so it closed that item only: item 4 ("Medarbejder … er bortvist") was published, and
/// "Åbne punkter" made entry 1 mismatch its item.
#[test]
fn a_closed_group_in_the_table_of_contents_closes_every_item_in_it() {
    let (m, d) = fixture("toc_groups.txt");
    let items: Vec<(u32, bool)> = m.items.iter().map(|i| (i.number, i.closed)).collect();
    assert_eq!(items, [(1, false), (2, false), (3, true), (4, true)]);
    assert_eq!(m.toc, ["Budgetopfølgning", "Eventuelt", "Lukket", "Lukket"]);
    assert!(!d.iter().any(|d| d.message.contains("does not match")), "{d:#?}");
    assert_nothing_secret(&m);
}

/// Acadre's attachment table (number, "Åben"/"Lukket", name, document number) became one
/// attachment of every row run together, and a row marked "Lukket" published its name
/// ("Ansøgning fra Hans Jensen om fritagelse"). Each row is an attachment; closed ones are left out.
#[test]
fn attachment_rows_marked_closed_are_not_published() {
    let (m, d) = fixture("attachment_table.txt");
    assert_eq!(m.items[0].attachments, ["Helhedsplan 2024-2027", "Budget for helhedsplanen"]);
    assert!(d.iter().any(|d| d.message.contains("attachment marked closed")), "{d:#?}");
    let json = serde_json::to_string(&m).unwrap();
    assert!(!json.contains("Hans Jensen"), "{json}");
    let text = "REFERAT Byrådet d. 05-03-2024\n\nPunkt 1: Budget\n24/1\n\nBilag\n- Tidsplan\n- Ansøgning fra Hans Jensen (lukket)\n\
                - Lukket bilag: Klage fra Hans Jensen\n- Fortrolig revisionsrapport.pdf\n";
    let (m, _) = referat::parse::parse(Path::new("x.txt"), text).unwrap();
    assert_eq!(m.items[0].attachments, ["Tidsplan", "Fortrolig revisionsrapport.pdf"]);
}

/// "Personalesag (ＬＵＫＫＥＴ)" in fullwidth letters and "Personalesag - L U K K E T" set
/// letter-spaced were published.
#[test]
fn closing_words_in_fullwidth_or_spaced_letters_close_the_item() {
    for title in ["Personalesag (ＬＵＫＫＥＴ)", "Personalesag - L U K K E T"] {
        let text = format!("REFERAT Byrådet d. 05-03-2024\n\nPunkt 1: {title}\n24/1\n\nHEMMELIG tekst.\n");
        let (m, _) = referat::parse::parse(Path::new("x.txt"), &text).unwrap();
        assert!(m.items[0].closed, "{title}");
        assert_nothing_secret(&m);
    }
    assert!(!referat::parse::closed::is_closed("A B C D og lukning af E F"), "single letters, no closing word");
}

/// Items headed "Sag nr. 3 Title" were not read: the file was rejected as having no items (and,
/// with no items, the closed item's heading read as a closed meeting's).
#[test]
fn sag_nr_headings_are_items() {
    let (m, d) = fixture("sag_nr.txt");
    assert!(d.is_empty(), "{d:#?}");
    assert_eq!(
        items(&m),
        [(1, false, "Godkendelse af dagsorden"), (2, false, "Budget 2025 – 2. behandling"), (3, true, "Lukket")]
    );
    assert_eq!(m.items[2].case.as_ref().unwrap().to_string(), "24/12003");
    assert_nothing_secret(&m);
}

/// Regressions a review of this day's rules found: a closing word on the case line ("Sagsnr.:
/// 24/1002 (lukket)") no longer closed the item; "LUKKET PUNKT" above a heading closed the item
/// before it when that one had fields ("Åben sag"); "sag nr. 7: …" inside a closed last item and
/// "Sag nr. 2024-012345" started items; sentences right above a heading ("Vejen forbliver
/// lukket.", "Rapporten er ikke offentlig …") divided off every later item; first lines about a
/// subject ("Lukket skole genåbnes …", "Status: Lukket for nye tilslutninger") hid open items;
/// "Status: Projektet er forsinket …." was dropped as a field; a wrapped contents entry "Lukkede
/// skoler i Nordbyen -" closed every later entry, and "Åbne punkter" did not reopen; "3. kvartal
/// viste …" became an item; attachments named "Lukket vej - …" were dropped while "… - Fortrolig"
/// and table rows "Fortrolig"/"Ikke offentlig" were published.
#[test]
fn the_day_review_regressions() {
    let cases: [(&str, &[bool]); 27] = [
        ("a02_att_lukket_start.txt", &[false, false, false]),
        ("a06_att_names.txt", &[false, false]),
        ("d02_forbliver_lukket.txt", &[false, false, false]),
        ("d04_lukkede_inst.txt", &[false, false, false]),
        ("d05_ikke_offentlig.txt", &[false, false, false]),
        ("d07_fortrolig.txt", &[false, false, false]),
        ("i01_first_lukket_skole.txt", &[false, false, false]),
        ("i02_first_ikke_offentligt.txt", &[false, false, false]),
        ("i03_first_status_lukkede.txt", &[false, false, false]),
        ("i05_first_fortrolige.txt", &[false, false, false]),
        ("i06_first_behandles.txt", &[false, false, false]),
        ("i08_status_field_text.txt", &[false, false, false]),
        ("i11_status_lukket_text.txt", &[false, false, false]),
        ("i13_sub_fortrolige.txt", &[false, false, false]),
        ("s01_sagnr_yearserial.txt", &[false, false]),
        ("s05_sagnr_in_closed_last.txt", &[false, true]),
        ("s06_numbered_kvartal.txt", &[false, false]),
        ("s08_sagnr_ref_closed_last.txt", &[false, true]),
        ("t01_wrapped_entry.txt", &[false, true, false, false]),
        ("t03_closed_first.txt", &[true, true, false, false]),
        ("v06_att_fortrolig_end.txt", &[false, false, false]),
        ("v07_att_table_fortrolig.txt", &[false, false, false]),
        ("v21_case_space_lukket.txt", &[false, true, false]),
        ("v22_case_lukket_paren.txt", &[false, true, false]),
        ("v24_case_comma_lukket.txt", &[false, true, false]),
        ("v28_case_dok_lukket.txt", &[false, true, false]),
        ("v32_mark_above_after_open_status.txt", &[false, true, false]),
    ];
    for (name, closed) in cases {
        let (m, _) = fixture(&format!("review/{name}"));
        let got: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(got, closed, "{name}");
        assert_nothing_secret(&m);
    }
    let (m, _) = fixture("review/i08_status_field_text.txt");
    assert!(serde_json::to_string(&m).unwrap().contains("Projektet er forsinket"), "a sentence is text");
}

/// A zero-width non-joiner inside the closing word ("Personalesag – Luk\u{200c}ket") and one in a
/// line "LUKKET PUNKT" above a heading published the items: only the zero-width space, the word
/// joiner and the byte-order mark were taken out before parsing, and the line above a heading is
/// read on its bytes. The word joiner, a soft hyphen and a zero-width joiner inside a mark close
/// as the zero-width space does; open text keeps its words, without the invisible character.
#[test]
fn an_invisible_character_inside_lukket_does_not_publish_the_item() {
    let (m, _) = fixture("closed/invisible_in_lukket.txt");
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [true, true, true, true, true, false]);
    assert_nothing_secret(&m);
    assert_eq!(m.items[5].decisions[0].text, "Vejen er åben igen.");
}

/// Regression (review of the fix above): a combining grapheme joiner (U+034F), a Mongolian vowel
/// separator (U+180E) or a variation selector inside "Lukket" still published the item: every
/// default-ignorable character is now taken out, not a list of the common ones.
#[test]
fn any_default_ignorable_character_inside_lukket_does_not_publish_the_item() {
    let (m, _) = fixture("closed/invisible_others.txt");
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [true, true, true, false]);
    assert_nothing_secret(&m);
}

/// Regression (review of the sub-item fix): "Punkt 2 A: … - Lukket" (a space before the letter)
/// and "Dagsordenspunkt 2A: … - Lukket" were published inside open item 2.
#[test]
fn a_closed_sub_item_with_a_spaced_letter_or_the_long_word_is_not_published() {
    for name in ["closed/sub_item_letter_after_space.txt", "closed/sub_item_dagsordenspunkt.txt"] {
        let (m, _) = fixture(name);
        let json = serde_json::to_string(&m).unwrap();
        assert!(!json.contains("SKJULT"), "{name}: {json}");
        assert!(json.contains("AABEN2"), "{name}: item 2's own text stays");
    }
}

/// Regression (review of the fields): "Offentlig:" with "Nej" on the next line published the item;
/// the bare label even counted as the open status "Offentlig".
#[test]
fn a_public_field_answered_on_the_next_line_closes_the_item() {
    let (m, _) = fixture("closed/offentlig_answer_next_line.txt");
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [true, false]);
    assert_nothing_secret(&m);
}

/// Regression (review of the fix below): "Ej offentlig, jf. offentlighedslovens § 30", "Ikke
/// offentlig, jf. …" and "Sagen undtages fra offentligheden." under the case number published the
/// item, though "Lukket, jf. …" closed it. A sentence about an attachment stays open text.
#[test]
fn a_closing_phrase_with_its_law_or_as_a_sentence_closes_the_item() {
    let (m, _) = fixture("closed/legal_reference.txt");
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [true, true, true, false]);
    assert_nothing_secret(&m);
}

/// "Ej offentlig" and "Undtaget offentligheden" (without "fra") under the case number or in the
/// title published the items: only "Ikke offentlig" and "Undtaget fra offentligheden" were read
/// as marks. "Tilskud til ej offentlige skoler" and "… ej offentlig tilgængelig endnu." in the
/// text stay open.
#[test]
fn ej_offentlig_and_undtaget_offentligheden_close_the_item() {
    let (m, _) = fixture("closed/ej_offentlig.txt");
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [true, true, true, true, false, false]);
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m.items[4]).unwrap();
    assert!(json.contains("ej offentlig tilgængelig endnu"), "{json}");
    for title in ["Ej offentlig", "Undtaget offentligheden", "Personalesag (ej offentligt)"] {
        assert!(referat::parse::closed::is_closed(title), "{title}");
    }
    assert!(!referat::parse::closed::is_closed("Rapporten er ej offentlig tilgængelig endnu"));
}

/// "Punkt 2A: Salg af areal - Lukket" after item 2, a sub-item's letter in capitals, was read as
/// no heading at all: its text, the buyer's name, was published in item 2 (with a case number
/// line under it the file was rejected, "item number 2 is used twice"). It is a sub-item as "Punkt
/// 3a" is: a closed one ends its item's text, an open one ("Punkt 3B: …") is a subheading.
#[test]
fn a_sub_item_letter_in_capitals_is_a_sub_item() {
    let (m, d) = fixture("closed/sub_item_capital_letter.txt");
    assert_eq!(
        items(&m),
        [
            (1, false, "Godkendelse af dagsorden"),
            (2, false, "Salg af arealer ved Stationsvej"),
            (3, false, "Budgetopfølgning"),
            (4, false, "Eventuelt")
        ]
    );
    assert_nothing_secret(&m);
    assert!(d.iter().any(|d| d.line == 20 && d.message.contains("sub-item")), "{d:#?}");
    assert_eq!(m.items[1].decisions.len(), 1, "item 2's own decision only");
    let headings: Vec<&str> = m.items[2].sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Punkt 3B: Anlægsregnskab for Stationsvej", "Beslutning"]);
    let text =
        "REFERAT Byrådet d. 05-03-2024\n\nPunkt 1: Budget\n24/1\n\nGodkendt.\n\nPunkt 2: Salg\n24/2\n\nÅben.\n\n\
                Punkt 2A: Salg af areal - Lukket\n24/22\n\nHEMMELIG tekst.\n\nPunkt 3: Eventuelt\n24/3\n\nIntet.\n";
    let (m, _) = referat::parse::parse(Path::new("x.txt"), text).expect("not rejected");
    assert_eq!(m.items.len(), 3);
    assert_nothing_secret(&m);
}

/// A field answering whether the item is public, "Offentlig: Nej" or "Åben: Nej" (after the case
/// number, before it, side by side with it in a `-layout` line, or without a case number), did not
/// close the item: it became the item's first paragraph, or was joined onto its title, and the
/// buyer's, employee's and citizen's names were published. "Offentlig: Ja" and "Åben: Ja" are the
/// fields of an open item, neither title nor text.
#[test]
fn an_offentlig_nej_field_closes_the_item() {
    let (m, _) = fixture("closed/offentlig_nej_field.txt");
    assert_eq!(
        items(&m),
        [
            (1, false, "Godkendelse af dagsorden"),
            (2, true, "Lukket"),
            (3, true, "Lukket"),
            (4, true, "Lukket"),
            (5, true, "Lukket"),
            (6, false, "Eventuelt")
        ]
    );
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m).unwrap();
    assert!(!json.contains("Offentlig") && !json.contains("Åben"), "fields are not text: {json}");
    assert_eq!(m.items[5].decisions[0].text, "Intet.");
}

/// The agenda listed in the header without "Indholdsfortegnelse" ("Dagsorden:" / "Åbne punkter:" /
/// "1. …" / "Lukkede punkter:" / "3. Salg af grund") was not read: its lines were "not understood"
/// and item 3, whose own heading does not say closed, was published with the buyer's name. It is
/// the table of contents, so its closed group closes item 3, also without the label, with the list
/// written "Punkt N: …" (above items headed either way), and with the items headed "N. Title". An
/// open list closes nothing.
#[test]
fn an_agenda_listed_in_the_header_closes_the_items_of_its_closed_group() {
    let read = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse/clerk3_items/closed").join(name);
        std::fs::read_to_string(path).unwrap()
    };
    for name in ["agenda_list_groups_punkt.txt", "agenda_list_groups_numbered.txt"] {
        let text = read(name);
        let mut forms = vec![("as written", text.clone()), ("without the label", text.replace("Dagsorden:\n", ""))];
        if name.ends_with("numbered.txt") {
            // Regression: the list written "Punkt N: …" above "N. Title" items made the file's items
            // "Punkt" headings, so item 3 took in the text of all three and was published.
            let listed = text
                .replacen("\n1. Godkendelse af dagsorden\n", "\nPunkt 1: Godkendelse af dagsorden\n", 1)
                .replacen("\n2. Budgetopfølgning\n", "\nPunkt 2: Budgetopfølgning\n", 1)
                .replacen("\n3. Salg af grund\n", "\nPunkt 3: Salg af grund\n", 1);
            forms.push(("listed as \"Punkt N\" above \"N. Title\" items", listed));
        }
        if name.ends_with("punkt.txt") {
            let listed = text
                .replace("\n1. Godkendelse af dagsorden\n", "\nPunkt 1: Godkendelse af dagsorden\n")
                .replace("\n2. Budgetopfølgning\n", "\nPunkt 2: Budgetopfølgning\n")
                .replace("\n3. Salg af grund\n", "\nPunkt 3: Salg af grund\n");
            forms.push(("listed as \"Punkt N\"", listed));
        }
        for (form, text) in forms {
            let (m, d) =
                referat::parse::parse(Path::new(name), &text).unwrap_or_else(|d| panic!("{name} {form}: {d:#?}"));
            let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
            assert_eq!(closed, [false, false, true], "{name} {form}");
            assert_eq!(m.toc, ["Godkendelse af dagsorden", "Budgetopfølgning", "Lukket"], "{name} {form}");
            assert_eq!(m.location.as_deref(), Some("Rådhuset"), "{name} {form}");
            assert!(
                !d.iter().any(|d| d.message.contains("not understood") || d.message.contains("does not match")),
                "{name} {form}: {d:#?}"
            );
            assert_nothing_secret(&m);
        }
        let open = text.replace("Lukkede punkter:\n", "");
        let (m, _) = referat::parse::parse(Path::new(name), &open).unwrap();
        assert!(m.items.iter().all(|i| !i.closed), "{name}: no closed group");
    }
}

/// The closed items' text ("SKJULT…") is nowhere in the model.
fn assert_no_hidden_marker(m: &Meeting, name: &str) {
    let json = serde_json::to_string(m).unwrap();
    assert!(!json.contains("SKJULT"), "{name}: {json}");
}

/// Regression of the listed agenda: a numbered list at the end of the header under another label
/// ("Bemærkninger:", "Dagsordenen blev godkendt med følgende ændringer:", "Deltagere:") was read as
/// the agenda. "2. Punkt 3 blev behandlet før punkt 2" failed the whole build ("the table of
/// contents marks 1 item(s) closed … cannot be matched"), remarks gave table-of-contents warnings,
/// and a numbered list of participants lost them. A list is the agenda only when something says so.
#[test]
fn a_numbered_list_under_another_header_label_is_not_the_agenda() {
    for name in
        ["closed/header_remarks_list.txt", "closed/header_remarks_plain.txt", "closed/header_numbered_participants.txt"]
    {
        let (m, d) = fixture(name);
        assert!(m.items.iter().all(|i| !i.closed), "{name}: {:?}", items(&m));
        assert_eq!(m.items.len(), 3, "{name}");
        assert!(m.toc.is_empty(), "{name}: {:?}", m.toc);
        assert!(!d.iter().any(|d| d.message.contains("table of contents")), "{name}: {d:#?}");
        // As before the listed agenda was read ("1. Anne Holm" keeps its number, as it did then).
        let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 3, "{name}: {names:?}");
        for (got, want) in names.iter().zip(["Anne Holm", "Bo Ek", "Lise Berg"]) {
            assert!(got.ends_with(want), "{name}: {names:?}");
        }
    }
}

/// "Dagsordenen blev godkendt med følgende ændringer:" / "1. Punkt 3 behandles som lukket punkt":
/// not the agenda, but it says item 3 is closed, which item 3 does not say itself. Item 3 was
/// published (realistic leak review); the file was refused, and now the item the line names is
/// closed, with a warning naming the line (review 9).
#[test]
fn regression_a_header_remark_that_an_item_is_closed_closes_it() {
    let (m, d) = fixture("closed/header_agenda_changes.txt");
    assert_eq!(
        items(&m),
        [(1, false, "Godkendelse af dagsorden"), (2, false, "Budgetopfølgning"), (3, true, "Lukket")]
    );
    assert!(!serde_json::to_string(&m).unwrap().contains("AABEN3"));
    assert!(d.iter().any(|d| d.line == 35 && d.message.contains("closed by line 8")), "{d:#?}");
}

/// Leaks of the listed agenda (items 3 and 4, closed only by the list's "Lukkede punkter:" group,
/// were published): a listed title that wrapped onto an indented line ended the list; so did a
/// header field ("Referent: …") after it; and a list of only the closed group, numbered from 3, was
/// not taken for the agenda.
#[test]
fn a_listed_agenda_with_a_wrapped_title_a_field_after_it_or_only_its_closed_group_closes_the_items() {
    for name in [
        "closed/agenda_list_wrapped_title.txt",
        "closed/agenda_list_field_after.txt",
        "closed/agenda_list_closed_group_only.txt",
    ] {
        let (m, d) = fixture(name);
        let closed: Vec<(u32, bool)> = m.items.iter().map(|i| (i.number, i.closed)).collect();
        assert_eq!(closed, [(1, false), (2, false), (3, true), (4, true)], "{name}: {d:#?}");
        assert_no_hidden_marker(&m, name);
        assert!(!d.iter().any(|d| d.message.contains("does not match")), "{name}: {d:#?}");
    }
    let (m, _) = fixture("closed/agenda_list_field_after.txt");
    assert_eq!(m.participants.len(), 3);
    let (m, _) = fixture("closed/agenda_list_wrapped_title.txt");
    assert_eq!(m.toc, ["Godkendelse af dagsorden", "Budgetopfølgning", "Lukket", "Lukket"]);
}

/// A markdown table of fields under the case number that says the item is not public ("| Felt |
/// Værdi |" / "|---|---|" / "| Offentlig | Nej |", also "| Åben | Nej |", "| Offentlig: | Nej |",
/// the table without a header row, beside a row that is no field, or with tabs) did not close the
/// item: the header row ended the item's fields, and the buyer's, employee's and citizen's names
/// were published. "| Offentlig | Ja |" is the field of an open item, as "Offentlig: Ja" is: no
/// table in its text.
#[test]
fn an_offentlig_nej_table_row_closes_the_item() {
    let (m, _) = fixture("closed/offentlig_nej_table.md");
    assert_eq!(
        items(&m),
        [
            (1, false, "Godkendelse af dagsorden"),
            (2, true, "Lukket"),
            (3, true, "Lukket"),
            (4, true, "Lukket"),
            (5, true, "Lukket"),
            (6, true, "Lukket"),
            (7, false, "Eventuelt")
        ]
    );
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m).unwrap();
    assert!(!json.contains("Offentlig") && !json.contains("Felt"), "fields are not text: {json}");
    for open in [&m.items[0], &m.items[6]] {
        assert_eq!(open.sections.len(), 1, "only the decision: {:?}", open.sections);
        assert_eq!(open.sections[0].heading, "Beslutning");
    }
    let cases: Vec<String> = m.items.iter().map(|i| i.case.as_ref().unwrap().to_string()).collect();
    assert_eq!(cases, ["24/00412", "16/12345", "24/01001", "24/01002", "24/01003", "24/01004", "24/00413"]);
    // Other writings of the row: a third column, bold cells, `<b>` cells with a tab between, no
    // outer bars.
    for row in [
        "| Offentlig | Nej | jf. offentlighedslovens § 30 |",
        "| **Åben** | **Nej** |",
        "| **Offentlig:** | Nej |",
        "<b>Offentlig</b>\t<b>Nej</b>",
        "Offentlig | Nej",
    ] {
        let text = format!(
            "REFERAT Økonomiudvalget d. 09-04-2024\n\nPunkt 1: Salg af grund\n\nSagsnr.: 16/12345\n\n{row}\n\n\
             Køber HEMMELIG-KOEBER har budt.\n"
        );
        let (m, _) = referat::parse::parse(Path::new("x.md"), &text).unwrap();
        assert!(m.items[0].closed, "{row}");
        assert_nothing_secret(&m);
    }
    // The case number in the table of fields, after its header row or first.
    for table in ["| Felt | Værdi |\n|---|---|\n| Sagsnr. | 16/12345 |", "| Sagsnr.: | 16/12345 |\n|---|---|"] {
        for answer in ["Nej", "Ja"] {
            let text = format!(
                "REFERAT Økonomiudvalget d. 09-04-2024\n\nPunkt 1: Salg af grund\n\n{table}\n| Offentlig | {answer} |\n\n\
                 Sagsfremstilling\n\nKøber HEMMELIG-KOEBER har budt.\n"
            );
            let (m, d) = referat::parse::parse(Path::new("x.md"), &text).unwrap();
            let item = &m.items[0];
            assert_eq!(item.case.as_ref().map(ToString::to_string).as_deref(), Some("16/12345"), "{text}");
            assert!(!d.iter().any(|d| d.message.contains("no case number")), "{text}: {d:#?}");
            assert_eq!(item.closed, answer == "Nej", "{text}");
            if answer == "Nej" {
                assert_nothing_secret(&m);
            } else {
                assert_eq!(item.sections.len(), 1, "{text}: {:?}", item.sections);
            }
        }
    }
}

/// "Offentlig: Nej" (or its table row) on a line of its own further down an item, under a first
/// paragraph or table rather than among the fields under the heading, closed nothing: the buyer's
/// and the employee's names were published. Found in review: also in a list, beside other fields
/// in a layout line, with its answer on the next line, as a row with a third column, and right
/// above the next heading, where it closes the item it ends and the one it heads, and with a dash
/// for its colon ("Offentlig – Nej"), as a cell beside another or a column beside another field.
/// A bare "Nej" is the answer: "Offentlig: Nej (punkt 2 og 3)" lists other items, "Åben: Nej 3
/// stemmer" is a vote.
#[test]
fn regression_an_offentlig_nej_field_below_the_first_paragraph_closes_the_item() {
    let (m, diags) = fixture("closed/offentlig_nej_below.md");
    let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
    assert_eq!(closed, [2, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14]);
    assert_eq!(m.items.len(), 15);
    assert_nothing_secret(&m);
    let warned = diags.iter().filter(|d| d.to_string().contains("is closed by")).count();
    assert_eq!(warned, 11, "each closing line is named: {diags:?}");
}

/// Found in adversarial review: more writings of a field that says an item is not public were
/// published in full, under the heading and further down. An answer that says it in words
/// ("Kan ikke offentliggøres", "Må ikke offentliggøres", "Nej – lukket"), a label asking whether it
/// is closed ("Lukket: Ja", "Lukket punkt: Ja", "Lukket møde: Ja"), the colon escaped or as an
/// entity ("Offentlig\: Nej", "Offentlig&#58; Nej", "Offentlig&colon; Nej"), an HTML row on one
/// line or over several, a table of one record by columns ("| Sagsnr. | Offentlig |" / "|---|---|"
/// / "| 16/1234 | Nej |"), a line over 80 bytes with the law after its bare "Nej", and fullwidth or
/// box-drawing bars each close the item, with a warning naming the line. Items that only mention
/// "Lukket vej" or "offentlig høring", list other items ("Offentlig: Nej (punkt 2 og 3)", a table
/// of "Punkt | Offentlig"), vote ("Åben: Nej 3 stemmer") or say more ("| Offentlig | Nej, men … |")
/// stay open.
#[test]
fn regression_more_writings_of_a_public_field_close_the_item() {
    let closed_items: Vec<u32> = (2..=16).collect();
    let (m, d) = fixture("closed/offentlig_field_forms.md");
    let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
    assert_eq!(closed, closed_items, "{d:#?}");
    assert_eq!(m.items.len(), 22);
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m).unwrap();
    for n in 17..=22 {
        assert!(json.contains(&format!("ÅBEN-{n}")), "item {n} is published");
    }
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse/clerk3_items/closed/offentlig_field_forms.md"),
    )
    .unwrap();
    // Each closed item is named with the line of its mark.
    let lines: Vec<&str> = text.lines().collect();
    for n in &closed_items {
        let warning =
            d.iter().find(|d| d.message.starts_with(&format!("item {n} is closed by"))).unwrap_or_else(|| {
                panic!("item {n}: {d:#?}");
            });
        let line = lines[warning.line - 1];
        assert!(
            ["ffentlig", "Lukket", "<tr>", "Sagsnr."].iter().any(|w| line.contains(w)),
            "item {n}: line {} is {line:?}",
            warning.line
        );
    }
    closed_also_right_under_the_heading(&text, &closed_items);
}

/// The fields of `text` (a fixture whose items open with "Sagen blev rejst i 2023.") close the
/// same items right under the case number, as the first lines of the items' text, and right under
/// the heading, without a case number.
fn closed_also_right_under_the_heading(text: &str, closed_items: &[u32]) {
    let under = text.replace("Sagen blev rejst i 2023.\n\n", "");
    let bare = without_case_lines(&under);
    for (name, text) in [("under.md", &under), ("bare.md", &bare)] {
        let (m, d) = referat::parse::parse(Path::new(name), text).unwrap();
        let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
        assert_eq!(closed, closed_items, "{name}: {d:#?}");
        assert_nothing_secret(&m);
    }
}

/// Found in review: "Offentlig<br>Nej", a line break between the label and its answer, and an HTML
/// table of one record by columns written a tag or a cell a line were published. They close the
/// item, named by their first line; a table of several records ("Punkt | Offentlig"), a table of
/// another thing's status ("Skole | Åben") and a line break in other text leave items open.
#[test]
fn regression_html_line_breaks_and_tables_over_lines_close_the_item() {
    let (m, d) = fixture("closed/html_forms.md");
    let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
    assert_eq!(closed, [2, 3, 4, 5], "{d:#?}");
    assert_nothing_secret(&m);
    let json = serde_json::to_string(&m).unwrap();
    for n in 6..=9 {
        assert!(json.contains(&format!("ÅBEN-{n}")), "item {n} is published");
    }
    let lines: Vec<usize> = d.iter().filter(|d| d.message.contains("is closed by")).map(|d| d.line).collect();
    assert_eq!(lines, [17, 27, 37, 56], "each warning names the field's or the table's first line");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse/clerk3_items/closed/html_forms.md"),
    )
    .unwrap();
    closed_also_right_under_the_heading(&text, &[2, 3, 4, 5]);
}

/// `text` without its case number lines ("24/01002").
fn without_case_lines(text: &str) -> String {
    let case = |l: &str| l.starts_with("24/") && l.len() == 8;
    text.lines().filter(|l| !case(l)).collect::<Vec<_>>().join("\n")
}

/// Regression (review of the writings above): open items were hidden by a status that only looks
/// like a public field. A one-row table whose other columns are no item field (a listing of
/// another item, an attachment's status, opening hours, a road), "Lukket: Ja" with a reason or
/// another law after it (a road closure), and "Åben: Nej, da …" (a place) each closed the item
/// they stood in, further down and, right above the next heading, the next item too.
#[test]
fn regression_statuses_of_other_things_leave_items_open() {
    let lines = [
        "| Nr. | Titel | Offentlig |\n|---|---|---|\n| 5 | Personalesag | Nej |",
        "| Nr | Offentlig |\n|---|---|\n| 5 | Nej |",
        "| Sag | Offentlig |\n|---|---|\n| Punkt 5 | Nej |",
        "<table><tr><th>Nr.</th><th>Offentlig</th></tr><tr><td>5</td><td>Nej</td></tr></table>",
        "| Bilag | Fortrolig |\n|---|---|\n| Revisionsrapport 2023 | Ja |",
        "| Forslag | Fortroligt |\n|---|---|\n| Ny skolestruktur | Ja |",
        "| Dag | Åben |\n|---|---|\n| Søndag | Nej |",
        "| Institution | Åben |\n|---|---|\n| Børnehaven Solsikken | Nej |",
        "| Vej | Lukket |\n| Skolegade | Ja |",
        "<table><tr><th>Vej</th><th>Lukket</th></tr><tr><td>Skolegade</td><td>Ja</td></tr></table>",
        "┌──────┬────────┐\n│ Vej  │ Lukket │\n│ Torv │ Ja     │\n└──────┴────────┘",
        "<table><tr><th>Tilskud</th><th>Offentlig</th></tr><tr><td>Foreninger</td><td>Nej</td></tr></table>",
        "Lukket: Ja, da vejen graves op",
        "Lukket: Ja, pga. vejarbejde",
        "- Lukket: Ja, grundet vandskade i kælderen",
        "Lukket:\n\nJa, da vejen graves op",
        "Fortrolig: Ja, da oplysningerne stammer fra politiet",
        "Åben: Nej, da svømmehallen renoveres",
        "Åben: Nej, fordi personalet er på kursus",
        "Åben: Nej, idet hallen renoveres",
        "Åben: Nej, da biblioteket i Nørreby holder lukket under ombygningen, som forventes afsluttet i august 2024.",
        "Lukket: Ja, jf. færdselslovens § 92",
    ];
    lines.into_iter().for_each(leaves_both_open);
    // The law on access to documents, or a section alone, still closes, as does a reason about the
    // case after "Åben"; so do the writings the review found still published (a box-drawn table
    // with its rule, a paragraph tag, dotted bars, other writings of the colon, "Offentliggørelse",
    // the kind of case after the answer).
    for line in [
        "Lukket: Ja, jf. offentlighedslovens § 30",
        "Fortroligt: Ja, jf. § 30",
        "Offentlig: Nej, da sagen indeholder personoplysninger",
        "Åben: Nej, idet sagen vedrører en konkret medarbejders ansættelsesforhold og derfor behandles for lukkede døre",
        "┌─────────┬───────────┐\n│ Sagsnr. │ Offentlig │\n├─────────┼───────────┤\n│ 16/1234 │ Nej       │\n└─────────┴───────────┘",
        "<p>Offentlig: Nej</p>",
        "┊ Offentlig ┊ Nej ┊",
        "Offentlig&#x003A; Nej",
        "Offentlig&#58 Nej",
        "Offentlig꞉ Nej",
        "Offentlig ∶ Nej",
        "Offentliggørelse: Nej",
        "Lukket: Ja, personsag",
        "Offentlig: Nej, personsag",
        "Offentlig: Ikke til offentliggørelse, personsag",
    ] {
        closes_only_item_1(line);
    }
}

/// Found in review: a table of fields that says an item is not public, right above the next
/// heading, closed the item it stood in but not the next one, whose field block it may be (the
/// table names the next item's case number). It closes both, as the line "Offentlig: Nej" there
/// does; a table of other things there closes neither (see above).
#[test]
fn regression_a_closing_table_right_above_the_next_heading_closes_it_too() {
    for table in [
        "| Sagsnr. | Offentlig |\n|---|---|\n| 24/1002 | Nej |",
        "| Sagsnr. | Offentlig: |\n| 24/1002 | Nej |",
        "<table>\n<tr>\n<th>Sagsnr.</th>\n<th>Offentlig</th>\n</tr>\n<tr>\n<td>24/1002</td>\n<td>Nej</td>\n</tr>\n</table>",
        "┌─────────┬───────────┐\n│ Sagsnr. │ Offentlig │\n├─────────┼───────────┤\n│ 24/1002 │ Nej       │\n└─────────┴───────────┘",
    ] {
        let text = two_items("SKJULT1", table, false);
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, [true, true], "{table:?}: {d:#?}");
        let json = serde_json::to_string(&m).unwrap();
        assert!(!json.contains("SKJULT1") && !json.contains("AABENT2"), "{table:?}");
        let first = table.lines().next().unwrap();
        let below = d.iter().find(|d| d.message.starts_with("item 1 is closed by")).unwrap();
        assert_eq!(below.line, 10, "at the table's first line: {d:#?}");
        let above = d.iter().find(|d| d.message.starts_with("item 2 is closed by the line above it")).unwrap();
        assert!(above.message.contains(first.trim()), "names the table's first line: {d:#?}");
    }
}

/// Found in review of the HTML forms: tables with `<thead>`, after another table or a `<tt>`,
/// longer than 60 lines, with a spacer or a note row, or without `</tr>`; other spellings of
/// `<br>`, a `<br>` at the end of a line or inside a cell, a label further along a line of
/// breaks; paragraphs, blocks and terms around the label and its answer; Markdown hard breaks; an
/// entity dash after "Nej". Each was published; each closes the item, and the tables of other
/// things beside them leave it open.
#[test]
fn regression_html_writings_the_review_found_close_the_item() {
    let cells = |tag: &str, cells: &[&str]| {
        cells.iter().map(|c| format!("  <{tag}>\n    {c}\n  </{tag}>\n")).collect::<String>()
    };
    let labels = [
        "Sagsnr.",
        "Sagsansvarlig",
        "Udvalg",
        "Forvaltning",
        "Center",
        "Afdeling",
        "Område",
        "Sagstype",
        "Status",
        "Offentlig",
    ];
    let values = [
        "24/1001",
        "Karen Holm",
        "Økonomiudvalget",
        "Økonomi",
        "Økonomi",
        "Løn",
        "Personale",
        "Personalesag",
        "Afsluttet",
        "Nej",
    ];
    let wide = format!("<table>\n<tr>\n{}</tr>\n<tr>\n{}</tr>\n</table>", cells("th", &labels), cells("td", &values));
    assert!(wide.lines().count() > 60);
    let closing = [
        "<table>\n<thead>\n<tr>\n<th>Sagsnr.</th>\n<th>Offentlig</th>\n</tr>\n</thead>\n<tr>\n<td>24/1001</td>\n<td>Nej</td>\n</tr>\n</table>",
        "<TABLE><THEAD><TR><TH>Sagsnr.</TH><TH>Offentlig</TH></TR></THEAD><TBODY><TR><TD>24/1001</TD><TD>Nej</TD></TR></TBODY></TABLE>",
        "<table><tr><td>Bilag 1</td></tr></table>\n<table>\n<tr><th>Sagsnr.</th><th>Offentlig</th></tr>\n<tr><td>24/1001</td><td>Nej</td></tr>\n</table>",
        "Se <tt>bilag</tt>.\n<table>\n<tr>\n<th>Sagsnr.</th>\n<th>Offentlig</th>\n</tr>\n<tr>\n<td>24/1001</td>\n<td>Nej</td>\n</tr>\n</table>",
        &wide,
        "<table>\n<tr><th>Sagsnr.</th><th>Offentlig</th></tr>\n<tr><td>24/1001</td><td>Nej</td></tr>\n<tr><td>&nbsp;</td><td></td></tr>\n</table>",
        "<table>\n<tr><th>Sagsnr.</th><th>Offentlig</th></tr>\n<tr><td>24/1001</td><td>Nej</td></tr>\n<tr><td colspan=\"2\">Sagen behandles for lukkede døre</td></tr>\n</table>",
        "| Sagsnr. | Offentlig |\n|---|---|\n| 24/1001 | Nej |\n|  |  |",
        "<table>\n<tr>\n<th>Sagsnr.\n<th>Offentlig\n<tr>\n<td>24/1001\n<td>Nej\n</table>",
        "Offentlig<br/ >Nej",
        "Offentlig<br class=\"x\">Nej",
        "Offentlig</br>Nej",
        "Offentlig<br\\>Nej",
        "Offentlig<br>\nNej",
        "<p>Offentlig<br>\nNej</p>",
        "<b>Offentlig</b><br>\nNej",
        "Sagsnr.<br>24/1001<br>Offentlig<br>Nej",
        "<b>Sagsansvarlig</b><br>Karen Holm<br><b>Offentlig</b><br>Nej",
        "| Offentlig<br>Nej |",
        "| Sagsnr.: 24/1001<br>Offentlig: Nej |",
        "<table><tr><td>Offentlig<br>Nej</td></tr></table>",
        "| Offentlig | Nej &ndash; jf. § 30 |",
        "<p>Offentlig</p><p>Nej</p>",
        "<div>Offentlig</div><div>Nej</div>",
        "<dl><dt>Offentlig</dt><dd>Nej</dd></dl>",
        "Offentlig\\\nNej",
        "Offentlig  \nNej",
        // Second review: a title row above the header, odd pairs, Word's HTML, comments, a quote.
        "<table><thead><tr><th colspan=2>Sagsoplysninger</th></tr><tr><th>Sagsnr.</th><th>Offentlig</th></tr></thead><tbody><tr><td>24/1001</td><td>Nej</td></tr></tbody></table>",
        "<table>\n<tr><td colspan=2>Sagen behandles for lukkede døre</td></tr>\n<tr><th>Sagsnr.</th><th>Offentlig</th></tr>\n<tr><td>24/1001</td><td>Nej</td></tr>\n</table>",
        "Sagsnr.: 24/1001<br>Offentlig<br>Nej",
        "<p>Sagsnr. 24/1001</p><p>Offentlig</p><p>Nej</p>",
        "<tr><td>24/1001</td><td>Offentlig</td><td>Nej</td></tr>",
        "Offentlig: Nej<o:p></o:p>",
        "<p class=MsoNormal><b><span lang=DA>Offentlig:</span></b><span lang=DA> Nej<o:p></o:p></span></p>",
        "<table><tr><td>Offentlig<o:p></o:p></td><td>Nej<o:p></o:p></td></tr></table>",
        "<span class=\"x\">Offentlig:</span> Nej",
        "<em>Offentlig:</em> Nej",
        "<table><tr><th>Sagsnr.</th><!-- <th>Titel</th> --><th>Offentlig</th></tr><tr><td>24/1001</td><!-- <td>x</td> --><td>Nej</td></tr></table>",
        "> <table>\n> <tr>\n> <td>\n> Offentlig\n> </td>\n> <td>\n> Nej\n> </td>\n> </tr>\n> </table>",
        "Offentlig&lt;br&gt;Nej",
        "<table><tr><td><table><tr><th>Sagsnr.</th><th>Offentlig</th></tr><tr><td>24/1001</td><td>Nej</td></tr></table></td></tr></table>",
    ];
    closing.into_iter().for_each(closes_only_item_1);
    [
        "<table>\n<tr><th>Punkt</th><th>Offentlig</th></tr>\n<tr><td>2</td><td>Nej</td></tr>\n<tr><td>3</td><td>Ja</td></tr>\n</table>",
        "<table><thead><tr><th>Skole</th><th>Åben</th></tr></thead><tr><td>Nordskolen</td><td>Nej</td></tr></table>",
        "Bibliotekets åbningstider<br>Nej, ikke ændret",
        "| Skolegade | Offentlig | Nej |",
        "Intet.<br>Mødet sluttede kl. 18.",
        // Second review: rows that list other things.
        "Punkt 3<br>Personalesag<br>Offentlig<br>Nej",
        "<tr><td>Punkt 3</td><td>Personalesag</td><td>Offentlig</td><td>Nej</td></tr>",
        "<table><tr><td>Svømmehal</td><td>Åben</td><td>Offentlig</td><td>Nej</td></tr></table>",
        "Borgerservice<br>Rådhuset<br>Åben<br>Nej",
        "<ul><li>Svømmehallen</li><li>Lukket</li><li>Ja</li></ul>",
        "<dl><dt>Svømmehallen</dt><dd>Lukket</dd><dd>Ja</dd></dl>",
    ]
    .into_iter()
    .for_each(leaves_both_open);
    // A closing table that names another case than the next item's, right above its heading,
    // closes the item it stands in (whose text it is), not the next one; on one line too.
    for table in [
        "<table>\n<tr><th>Sagsnr.</th><th>Offentlig</th></tr>\n<tr><td>24/1003</td><td>Nej</td></tr>\n</table>",
        "| Sagsnr. | Offentlig |\n|---|---|\n| 24/1003 | Nej |",
        "<table><tr><th>Sagsnr.</th><th>Offentlig</th></tr><tr><td>24/1003</td><td>Nej</td></tr></table>",
    ] {
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &two_items("SKJULT1", table, false)).unwrap();
        let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, [true, false], "{table:?}: {d:#?}");
    }
    // Third review: a number in another form than the next item's, or a document number, is no
    // other case: the next item closes; a row of pairs with another field of the item closes.
    for (text, want) in [
        (
            two_items("SKJULT1", "| Sagsnr. | Offentlig |\n|---|---|\n| 24/1002 | Nej |", false)
                .replace("\n24/1002\n", "\n00.01.00-G01-2-24\n"),
            [true, true],
        ),
        (two_items("SKJULT1", "| Dok.nr. | Offentlig |\n|---|---|\n| 24/98765 | Nej |", false), [true, true]),
        (
            two_items("SKJULT1", "| Sagsansvarlig | Karen Holm | Mødested | Rådhuset | Offentlig | Nej |", true),
            [true, false],
        ),
        (two_items("SKJULT1", "| Sagsansvarlig | Karen Holm | Bilag | 3 | Offentlig | Nej |", true), [true, false]),
        (two_items("AABENT1", "Rådhuset<br>Torvet 1<br>Lukket<br>Ja", true), [false, false]),
    ] {
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, want, "{text}: {d:#?}");
    }
}

/// Left by the third review: a table of cases with their status, one a row, in an item's text
/// says which of those cases are public. It closed the item it stands in; now only if the item's
/// own row says so; fail-safe, also if the table names one case only, or a row names none, or no
/// row says that its case is public (the item's fields may name its case and one it continues).
#[test]
fn regression_a_table_of_other_cases_with_their_status_leaves_the_item_open() {
    [
        "| 24/1003 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |",
        "| Sag | Offentlig | |\n|---|---|---|\n| 24/1003 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |",
        "| Sagsnr.: 24/1003 | Offentlig: Nej |\n| Sagsnr.: 24/1004 | Offentlig: Ja |",
        "| Sagsnr. | Offentlig |\n|---|---|\n| 24/1003 | Nej |\n| 24/1004 | Ja |",
    ]
    .into_iter()
    .for_each(leaves_both_open);
    [
        "| 24/1001 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |",
        "| 24/1003 | Offentlig | Ja |\n| 24/1001 | Offentlig | Nej |",
        "| 24/1003 | Offentlig | Nej |",
        "| 24/1003 | Offentlig | Nej |\n| 24/1003 | Offentlig | Nej |",
        "| 24/1003 | Offentlig | Nej |\n| Offentlig | Nej |",
        "| 24/1003 | Offentlig | Nej |\n| 24/1004 | Offentlig | Nej |",
        "<table>\n<tr><td>Sagsnr. 24/1003</td><td>Offentlig</td><td>Nej</td></tr>\n\
         <tr><td>Sagsnr. 24/1004</td><td>Offentlig</td><td>Nej</td></tr>\n</table>",
        "| Dok.nr.: 24/5555 | Offentlig: Nej |\n| Dok.nr.: 24/5556 | Offentlig: Ja |",
        "| 00.01.00-G01-2-24 | Offentlig | Nej |\n| 00.01.00-G01-3-24 | Offentlig | Ja |",
        "<table><tr><td>24/1003</td><td>Offentlig</td><td>Ja</td></tr>\
         <tr><td>24/1001</td><td>Offentlig</td><td>Nej</td></tr></table>",
        // HTML: text outside its cells, entities and comments are read by other readers, and a
        // row one of them hides must not be missed; only plain pipe rows list other cases.
        "<tr><td>24/1003</td><td>Offentlig</td><td>Nej</td></tr>\n<tr><td>24/1004</td><td>Offentlig</td><td>Ja</td></tr>",
        "<table><tr><td>24/1003</td><td>Offentlig</td><td>Nej</td></tr>\
         <tr><td>24/1004</td><td>Offentlig</td><td>Ja</td></tr></table>",
        "<table>\n<tr><td>Sagsnr. 24/1003</td><td>Offentlig</td><td>Nej</td></tr>\n\
         <tr><td>Sagsnr. 24/1004</td><td>Offentlig</td><td>Ja</td></tr>\n</table>",
    ]
    .into_iter()
    .for_each(closes_only_item_1);
}

/// Left by the review of the table of other cases: five writings of a table that says item 1 is
/// not public were read as a table of other cases, and item 1 published.
#[test]
fn regression_a_table_of_other_cases_is_read_whole_or_it_closes_the_item() {
    [
        // L1: a line of text inside an HTML table hid the item's own row below it.
        "<table>\n<tr><td>24/1003</td><td>Offentlig</td><td>Nej</td></tr>\n\
         <tr><td>24/1004</td><td>Offentlig</td><td>Ja</td></tr>\nSe også:\n<tr>\n<td>24/1001</td>\n\
         <td>Offentlig</td>\n<td>Nej</td>\n</tr>\n</table>",
        // L2: a tag in a pipe table joined its rows into one line too long to read.
        "| 24/1003 <br> | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |\n| 24/1001 | Offentlig | Nej |",
        // L4: the item's own record by columns, and another case's row below it.
        "| Sagsnr. | Offentlig |\n| 24/1001 | Nej |\n| | |\n| 24/1003 | Offentlig: Ja |",
        "| Sagsnr. | Offentlig |\n|---|---|\n| 24/1001 | Nej |\n| 24/1004 | Ja |",
    ]
    .into_iter()
    .for_each(closes_only_item_1);
    // L3: the title's case (24/1003) and the line under the heading (24/1001) differ: either may be
    // the one the table names.
    // L5: KLE and dashed numbers are compared only when written in the short form.
    for (case, table) in [
        ("(24/1003)\n24/1001", "| 24/1001 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |"),
        ("(24/1003)\n24/1001", "| 24/1003 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |"),
        ("\n00.01.00-G01-1-24", "| 00.01.00-G01-01-24 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |"),
        ("\n2024-1001", "| 2024-001001 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |"),
    ] {
        let text =
            two_items("SKJULT1", table, true).replacen(" Orientering\n24/1001", &format!(" Orientering {case}"), 1);
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, [true, false], "{case:?} {table:?}: {d:#?}");
        assert!(!serde_json::to_string(&m).unwrap().contains("SKJULT1"));
    }
}

/// Left by the second review of the table of other cases: a first row that said the item was not
/// public was read as the header of the rows below it and skipped (A1–A9); a mark one reading of a
/// row missed (B1); the item's case under another label than "Sagsnr." (C1, C2); a comment that hid
/// a row from the whole table only (D1). Each published item 1.
#[test]
fn regression_a_table_of_other_cases_does_not_hide_a_row_that_closes_the_item() {
    let others = "| 24/1003 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |";
    let rows = |first: &str| format!("{first}\n{others}");
    let html_row = |a: &str, b: &str, c: &str| format!("<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>");
    [
        rows("| Offentlig | Nej | Personalesag |"),
        rows("| Status | Offentlig: Nej |"),
        rows("| Punkt 1 | Offentlig: Nej |"),
        rows("| Sagsnr. 24/1001 | Offentlig: Nej | Personsag |"),
        rows("| 24/1001 | Lukket: Ja | Se bilag 3 |"),
        rows("| Offentlig | Nej | 24/1001 | Se bilag |"),
        "| Offentlig | Nej | Personalesag |\n| 24/1004 | Offentlig | Ja |\n| 24/1005 | Offentlig | Ja |".to_string(),
        format!(
            "<table>\n{}\n{}\n{}\n</table>",
            html_row("Offentlig", "Nej", "Personalesag"),
            html_row("24/1003", "Offentlig", "Nej"),
            html_row("24/1004", "Offentlig", "Ja")
        ),
        format!(
            "<table><tr><td>Status</td><td>Offentlig: Nej</td></tr>{}{}</table>",
            html_row("24/1003", "Offentlig", "Nej"),
            html_row("24/1004", "Offentlig", "Ja")
        ),
        "| Sagsnr. | Bemærkning | Offentlig |\n|---|---|---|\n| 24/1001 | Offentlig: Ja | Lukket |\n\
         | 24/1004 | Offentlig: Ja | Ja |\n| 24/1003 | Offentlig: Ja | Nej |"
            .to_string(),
        format!("{others}\n| Sagsnr.: 24/1003 | J.nr.: 24/1001 | Offentlig: Nej |"),
        "| 24/1004 | Offentlig | Ja |\n| Journalnr.: 24/1001 | Sagsnr.: 24/1005 | Offentlig: Nej |".to_string(),
        format!(
            "<table>\n{}\n{}<!--\n{}\n--></table>",
            html_row("24/1003", "Offentlig", "Nej"),
            html_row("24/1004", "Offentlig", "Ja"),
            html_row("24/1001", "Offentlig", "Nej")
        ),
    ]
    .iter()
    .for_each(|t| closes_only_item_1(t));
}

/// Left by the third review of the table of other cases: a list of cases in one cell was read as
/// its first case (A); text outside an HTML table's cells was left out when the table was read
/// whole (B); an entity became a tag or a comment once read (C). Each published item 1. Only plain
/// pipe rows of a case number alone and status words now list other cases.
#[test]
fn regression_only_plain_rows_of_one_case_each_list_other_cases() {
    let others = "| 24/1003 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |";
    let r3 = "<tr><td>24/1003</td><td>Offentlig</td><td>Nej</td></tr>";
    let r4 = "<tr><td>24/1004</td><td>Offentlig</td><td>Ja</td></tr>";
    let mut forms: Vec<String> = [
        "| Sagsnr.: 24/1003, 24/1001 | Offentlig | Nej |",
        "| Sagsnr.: 24/1003; 24/1001 | Offentlig | Nej |",
        "| Sagsnr.: 24/1003 (24/1001) | Offentlig | Nej |",
        "| Sagsnr.: 24/1003 og 24/1001 | Offentlig | Nej |",
        "| Sagsnr.: 24/1003 24/1001 | Offentlig | Nej |",
        "| Sagsnr.: 24/1003, jf. 24/1001 | Offentlig: Nej |",
        "| Sagsnr.: 24/1003, 24/1001 | Lukket: Ja |",
        "| 24/1003 | Offentlig | Nej | Sagsnr.: 24/1005, 24/1001 |",
    ]
    .iter()
    .map(|row| format!("{row}\n{others}"))
    .collect();
    forms.extend([
        format!("<table>\n{r3}\n{r4}\n</table><br>Offentlig: Nej"),
        format!("<table>\n<tr><br>Offentlig: Nej\n{r3}\n{r4}\n</table>"),
        format!("<table><caption><br>Offentlig: Nej</caption>\n{r3}\n{r4}\n</table>"),
        format!("Offentlig: Nej<br><table>\n{r3}\n{r4}\n</table>"),
        format!("| Offentlig | Nej | <table> |\n{r3}\n{r4}\n</table>"),
        "| 24/1001 | Offentlig | Nej |\n\
         &lt;tr&gt;&lt;td&gt;24/1003&lt;/td&gt;&lt;td&gt;Offentlig&lt;/td&gt;&lt;td&gt;Nej&lt;/td&gt;&lt;/tr&gt;\n\
         &lt;tr&gt;&lt;td&gt;24/1004&lt;/td&gt;&lt;td&gt;Offentlig&lt;/td&gt;&lt;td&gt;Ja&lt;/td&gt;&lt;/tr&gt;"
            .to_string(),
        format!("{others}&lt;!--\n| 24/1001 | Offentlig | Nej |\n| --&gt; |"),
        format!("{others}＜!--\n| 24/1001 | Offentlig | Nej |\n| --＞ |"),
    ]);
    forms.iter().for_each(|t| closes_only_item_1(t));
}

/// Left by the third review of the table of other cases, as closing nothing in the first place: in
/// a table by columns of several records, the item's own record was missed when its case stood
/// among others in its cell, under a header with a number, or was left out.
#[test]
fn regression_the_items_own_record_among_others_closes_it() {
    let head = |label: &str| format!("| {label} | Offentlig |\n|---|---|\n| 24/1003 | Nej |\n| 24/1004 | Ja |");
    [
        format!("{}\n| 24/1001 | Nej |", head("Sagsnr. (2024)")),
        format!("{}\n| 24/1003, 24/1001 | Nej |", head("Sagsnr.")),
        format!("{}\n| 24/1003 og 24/1001 | Nej |", head("Sag")),
        format!("{}\n| | Nej |", head("Sagsnr.")),
    ]
    .iter()
    .for_each(|t| closes_only_item_1(t));
}

/// Left by the fourth review of the table of other cases: the item's own case was read as one
/// number under its heading, so with two there ("Sagsnr.: 24/1005, 24/1001", "(tidl. 24/1001)", a
/// second case line) a table's row saying 24/1001 is not public was read as another case's, and
/// the item published. Every case number in its title and first lines is its own now.
#[test]
fn regression_every_case_number_under_the_heading_is_the_items_own() {
    let table = "| 24/1001 | Offentlig | Nej |\n| 24/1004 | Offentlig | Ja |";
    for head in [
        "Orientering\nSagsnr.: 24/1005, 24/1001",
        "Orientering\nSagsnr.: 24/1005 og 24/1001",
        "Orientering\nSagsnr.: 24/1005 (24/1001)",
        "Orientering\nSagsnr.: 24/1005 (tidl. 24/1001)",
        "Orientering (24/1005)\n24/1001.",
        "Orientering (24/1005)\n(24/1001)",
        "Orientering\n24/1005\n24/1001",
    ] {
        for decision in [true, false] {
            let text = two_items("SKJULT1", table, decision).replacen("Orientering\n24/1001", head, 1);
            let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
            assert!(m.items.first().is_some_and(|i| i.closed), "{head:?} {decision}: {d:#?}");
            assert!(!serde_json::to_string(&m).unwrap().contains("SKJULT1"), "{head:?} {decision}");
        }
    }
}

/// Left by the second review of the table of other cases (E): right above item 2's heading, a
/// table that says item 2's title case (24/1002) is not public published item 2, as only the case
/// under its heading (24/1005) was asked.
#[test]
fn regression_a_table_above_a_heading_is_read_with_the_next_items_title_case() {
    for second in ["| 24/1004 | Offentlig | Ja |", "| 24/1005 | Offentlig | Ja |"] {
        let text = format!(
            "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Orientering\n24/1001\n\nSagsfremstilling\n\n\
             Intet AABENT1.\n\n| 24/1002 | Offentlig | Nej |\n{second}\n\n\
             Punkt 2: Personalesag (24/1002)\n24/1005\n\nSagsfremstilling\n\nSKJULT2.\n"
        );
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        assert!(m.items.iter().any(|i| i.number == 2 && i.closed), "{second}: {d:#?}");
        assert!(!serde_json::to_string(&m).unwrap().contains("SKJULT2"), "{second}");
    }
}

/// Left by the second review of the table of other cases: a run of blank lines in an item was read
/// in square time (100,000 lines: 5.5 s), each line looking for the next one that is not blank.
#[test]
fn regression_a_long_run_of_blank_lines_is_read_once() {
    let blank = "\n".repeat(100_000);
    let text = format!(
        "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Orientering\n24/1001\n\nSagsfremstilling\n\n\
         Offentlig:{blank}Nej\n\nPunkt 2: Eventuelt\n24/1002\n\nIntet.\n"
    );
    let (m, _) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
    assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), [true, false]);
}

/// Left by the review of the table of other cases: each row that closed the item read its whole
/// table again, so 5,000 rows took 6 s to parse. A long table is read once; one row of the item's
/// own case among thousands of other cases' closes it.
#[test]
fn regression_a_long_table_of_cases_is_read_once() {
    let mut rows: Vec<String> =
        (0..5_000).map(|i| format!("| 24/{} | Offentlig | {} |", 2_000 + i, ["Nej", "Ja"][i % 2])).collect();
    rows.insert(2_500, "| 24/1001 | Offentlig | Nej |".to_string());
    closes_only_item_1(&rows.join("\n"));
}

/// Left by the third review as a row listing another item: a row in item 1's text that names item
/// 1 first, perhaps with its title, then says it is not public, was published.
#[test]
fn regression_a_row_that_names_the_item_itself_first_closes_it() {
    [
        "Punkt 1<br>Offentlig<br>Nej",
        "<p>Punkt 1:<br>Offentlig: Nej</p>",
        "| Punkt 1 | Offentlig | Nej |",
        "| Punkt 1 | Orientering | Offentlig | Nej |",
        "<tr><td>Punkt 1</td><td>Orientering</td><td>Offentlig</td><td>Nej</td></tr>",
        "PUNKT 1\tLukket\tJa",
    ]
    .into_iter()
    .for_each(closes_only_item_1);
    // Another item's number, or no field after the title, still lists something else.
    ["Punkt 3<br>Offentlig<br>Nej", "| Punkt 3 | Orientering | Offentlig | Nej |", "| Punkt 1 | Orientering | Nej |"]
        .into_iter()
        .for_each(leaves_both_open);
}

/// Left by the third review: a table of one record by columns with a column that is no item field
/// ("Emne") was published. It closes the item when it names the item's own case number.
#[test]
fn regression_a_record_of_the_items_own_case_closes_it_whatever_its_other_columns() {
    [
        "| Sagsnr. | Emne | Offentlig |\n|---|---|---|\n| 24/1001 | Personalesag | Nej |",
        "| Dato | Sag | Offentlig |\n|---|---|---|\n| 12.03.2024 | 24/1001 | Nej |",
        "<table>\n<tr><th>Sagsnr.</th><th>Emne</th><th>Offentlig</th></tr>\n\
         <tr><td>24/1001</td><td>Personalesag</td><td>Nej</td></tr>\n</table>",
        "<table><tr><th>Sagsnr.</th><th>Emne</th><th>Offentlig</th></tr>\
         <tr><td>24/1001</td><td>Personalesag</td><td>Nej</td></tr></table>",
    ]
    .into_iter()
    .for_each(closes_only_item_1);
    // Another case's record, a document number, or no case: another thing's record.
    [
        "| Sagsnr. | Emne | Offentlig |\n|---|---|---|\n| 24/1003 | Personalesag | Nej |",
        "| Dok.nr. | Emne | Offentlig |\n|---|---|---|\n| 24/1001 | Personalesag | Nej |",
        "| Bilag | Emne | Offentlig |\n|---|---|---|\n| 3 | Personalesag | Nej |",
        "| Sagsnr. | Emne | Offentlig |\n|---|---|---|\n| 24/1001 | Personalesag | Ja |",
    ]
    .into_iter()
    .for_each(leaves_both_open);
}

/// `form` in item 1's text, further down and right above item 2's heading, leaves both items open.
fn leaves_both_open(form: &str) {
    for above_next in [false, true] {
        let text = two_items("AABENT1", form, !above_next);
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
        assert_eq!(closed, [false, false], "{form:?} (right above the next heading: {above_next}): {d:#?}");
    }
}

/// `form` in item 1's text, with its decision after it, closes item 1 (its marker is nowhere in
/// the model) and leaves item 2 open.
fn closes_only_item_1(form: &str) {
    let text = two_items("SKJULT1", form, true);
    let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
    let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
    assert_eq!(closed, [true, false], "{form:?}: {d:#?}");
    assert!(!serde_json::to_string(&m).unwrap().contains("SKJULT1"), "{form:?}");
}

/// Minutes of two items: item 1's text holds `marker` and then `line`, with its decision after
/// the line if `decision` (else the line stands right above item 2's heading); item 2's text holds
/// "AABENT2".
fn two_items(marker: &str, line: &str, decision: bool) -> String {
    let decision = if decision { format!("\n\nBeslutning\n\nTaget til efterretning {marker}.") } else { String::new() };
    format!(
        "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Orientering\n24/1001\n\nSagsfremstilling\n\n\
         Status {marker}.\n\n{line}{decision}\n\nPunkt 2: Eventuelt\n24/1002\n\nIntet AABENT2.\n"
    )
}

/// Regression (robustness review): a line that shows a reader nothing between an item's case
/// number and its "Lukket punkt" (an entity, an empty tag, a comment, a markdown marker, an empty
/// table row) was read as the item's first line, the mark below it was not, and the item was
/// published. Every such line is a blank line to every reader of the lines.
#[test]
fn regression_a_line_that_shows_nothing_does_not_hide_the_closed_mark() {
    let voids = [
        "&nbsp;",
        "&#160;",
        "<br>",
        "<br/>",
        "<p></p>",
        "<div></div>",
        "<span></span>",
        "<!-- x -->",
        "- ",
        "* ",
        "+ ",
        ">",
        "**",
        "__",
        "|",
        "| |",
        "| | |\n|---|---|",
        "\\\\",
        "<b> </b>&nbsp;",
    ];
    for void in voids {
        for ext in ["txt", "md"] {
            let text = format!(
                "REFERAT Økonomiudvalget d. 12-03-2024\n\nMødedato: 12.03.2024\n\nPunkt 1: Godkendelse\n\n24/1001\n\n\
                 Sagsfremstilling\n\nTekst.\n\nPunkt 2: Salg af grund\n\n24/1003\n{void}\n\nLukket punkt\n\n\
                 Sagsfremstilling\n\nHEMMELIG salg.\n\nPunkt 3: Eventuelt\n\n24/1005\n\nIntet.\n"
            );
            let (m, _) = referat::parse::parse(Path::new(&format!("r.{ext}")), &text).unwrap();
            assert_eq!(
                m.items.iter().map(|i| i.closed).collect::<Vec<_>>(),
                [false, true, false],
                "{void:?} in .{ext}"
            );
            assert_nothing_secret(&m);
        }
    }
    // Lines that are text or structure stay what they are: a dash, a table's tags, a table's empty row.
    let text = "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Godkendelse\n\n24/1001\n\nSagsfremstilling\n\n–\n\n\
                | a | b |\n|---|---|\n| | |\n| c | d |\n";
    let (m, _) = referat::parse::parse(Path::new("r.md"), text).unwrap();
    let json = serde_json::to_string(&m).unwrap();
    assert!(json.contains("\"–\""), "{json}");
    assert_eq!(json.matches("\"type\":\"table\"").count(), 1, "one table, not two: {json}");
}

/// Regression: a line with something to read between the case number and "Lukket punkt" (a page
/// number, a running head from the PDF, a stray "1.") hid the mark, and the item was published.
#[test]
fn regression_a_page_artefact_between_the_case_number_and_the_closed_mark_does_not_publish_the_item() {
    for between in ["1.", "3", "Side 3", "Høje-Taastrup Kommune", "Direktionen 12-03-2024"] {
        for mark in ["Lukket punkt", "LUKKET", "(Lukket punkt)", "Ikke til offentliggørelse"] {
            for ext in ["txt", "md"] {
                let text = format!(
                    "REFERAT Økonomiudvalget d. 12-03-2024\n\nMødedato: 12.03.2024\n\nPunkt 1: Godkendelse\n\n24/1001\n\n\
                     Sagsfremstilling\n\nTekst.\n\nPunkt 2: Salg af grund\n\n24/1003\n{between}\n\n{mark}\n\n\
                     Sagsfremstilling\n\nHEMMELIG salg.\n\nPunkt 3: Eventuelt\n\n24/1005\n\nIntet.\n"
                );
                let (m, warnings) = referat::parse::parse(Path::new(&format!("r.{ext}")), &text).unwrap();
                let closed: Vec<bool> = m.items.iter().map(|i| i.closed).collect();
                assert_eq!(closed, [false, true, false], "{between:?} / {mark:?} in .{ext}");
                assert_nothing_secret(&m);
                assert!(warnings.iter().any(|w| w.to_string().contains("item 2 is closed")), "{warnings:?}");
            }
        }
    }
    // A sentence that wraps to "lukket punkt." is the item's text, not its mark.
    let text = "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Godkendelse\n\n24/1001\n\nSagsfremstilling\n\n\
                Sagen blev sidst behandlet som\nlukket punkt.\n\nMere tekst.\n\nPunkt 2: Eventuelt\n\n24/1005\n\nIntet.\n";
    let (m, _) = referat::parse::parse(Path::new("r.txt"), text).unwrap();
    assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), [false, false]);
}

/// Regression (page-break review, 209,570 generated builds): a page's running head or number
/// standing next to a closed mark, or between it and its heading, published the closed item.
/// Each case is the review's smallest file; `\x0c` is the form feed of a page break.
#[test]
fn regression_a_page_break_beside_the_closed_mark_does_not_publish_the_item() {
    let head = "REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Budget\n\n16/26813\n\nÅBEN1 tekst.\n\n";
    let tail = "\n\nPunkt 3: Politik\n\n15/14789\n\nÅben tekst.\n";
    let cases = [
        // A: the head right above the mark, joined with it into one paragraph.
        (format!("{head}Punkt 2: Salg af grund\n\n17/171\n\n\x0cHøje-Taastrup Kommune\nLukket punkt\n\nHEMMELIG tekst.{tail}"), [false, true, false]),
        (format!("{head}Punkt 2: Salg af grund\n\n17/171\n\n3\nLUKKET\n\nHEMMELIG tekst.{tail}"), [false, true, false]),
        // B: the page break between the mark above the heading and the heading: the mark may be
        // either item's, so both are closed.
        (format!("{head}Lukket punkt\n\x0cHøje-Taastrup Kommune\n\nPunkt 2: Salg af grund\n\n17/171\n\nHEMMELIG tekst.{tail}"), [true, true, false]),
        (format!("{head}(Lukket)\n\n3\n\nPunkt 2: Salg af grund\n\n17/171\n\nHEMMELIG tekst.{tail}"), [true, true, false]),
        // C: the text right under the mark, as pdftotext writes it without blank lines.
        (format!("{head}Punkt 2: Salg af grund\n\n17/171\n\n\x0cHøje-Taastrup Kommune\n\nLukket punkt\nBaggrund\n\nHEMMELIG tekst.{tail}"), [false, true, false]),
        // D: a head of three lines between the heading and its "- Lukket", so no case number near.
        (format!("{head}Punkt 2: Salg af grund\n\x0cHøje-Taastrup Kommune\nDirektionen 20-03-2017\nReferat\n- Lukket\n\n17/171\n\nHEMMELIG tekst.{tail}"), [false, true, false]),
    ];
    for (text, closed) in cases {
        for ext in ["txt", "md"] {
            let (m, _) = referat::parse::parse(Path::new(&format!("r.{ext}")), &text).unwrap();
            assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), closed, ".{ext}: {text}");
            assert_nothing_secret(&m);
            assert!(
                !serde_json::to_string(&m).unwrap().contains("Salg af"),
                "the closed title is not published: {text}"
            );
        }
    }
    // E: numbered headings, the closed one's title repeated "(fortsat)" after a page break.
    let text = "REFERAT Direktionen d. 20-03-2017\n\n1. Budget\n\n16/26813\n\nÅBEN1 tekst.\n\n2. Salg af grund - Lukket\n\n\
                \x0cHøje-Taastrup Kommune\n\n2. Salg af grund (fortsat)\n\n17/171\n\nHEMMELIG tekst.\n\n3. Politik\n\n15/14789\n\nÅben tekst.\n";
    let (m, _) = referat::parse::parse(Path::new("r.txt"), text).unwrap();
    assert_eq!(m.items.iter().map(|i| (i.number, i.closed)).collect::<Vec<_>>(), [(1, false), (2, true), (3, false)]);
    assert_nothing_secret(&m);
    assert!(!serde_json::to_string(&m).unwrap().contains("Salg af"));
}

/// Regression (page-break review): an item's heading repeated at a page's top ("Punkt 2: Salg af
/// grund (fortsat)") was read as a second item 2, and the whole file was refused ("item number 2
/// is used twice"), 1,335 of the review's builds; a mark under the repeat closed only its half.
#[test]
fn regression_an_items_heading_repeated_at_a_pages_top_continues_the_item() {
    let head = "REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Budget\n\n16/26813\n\nÅBEN1 tekst.\n\n";
    let tail = "\n\nPunkt 3: Politik\n\n15/14789\n\nÅben tekst.\n";
    let open = format!("{head}Punkt 2: Salg af grund\n\n17/171\n\nÅben tekst.\n\n\x0cPunkt 2: Salg af grund (fortsat)\n\n17/171\n\nMere åben tekst.{tail}");
    let same = format!(
        "{head}Punkt 2: Salg af grund\n\n17/171\n\nÅben tekst.\n\n\x0cPunkt 2: Salg af grund\n\nMere åben tekst.{tail}"
    );
    for text in [open, same] {
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        assert!(!d.iter().any(|d| d.is_error()), "{d:#?}");
        assert_eq!(
            m.items.iter().map(|i| (i.number, i.closed)).collect::<Vec<_>>(),
            [(1, false), (2, false), (3, false)]
        );
        assert!(serde_json::to_string(&m.items[1]).unwrap().contains("Mere åben tekst."));
    }
    let marked = format!("{head}Punkt 2: Salg af grund\n\n17/171\n\n\x0cHøje-Taastrup Kommune\n\nPunkt 2: Salg af grund (fortsat)\n\nLukket punkt\n\nHEMMELIG tekst.{tail}");
    // "Lukket: Ja" right above the repeat closes the item, not every item after it.
    let field = format!("{head}Punkt 2: Salg af grund\n\n17/171\n\nLukket: Ja\n\n3\n\x0cPunkt 2: Salg af grund (fortsat)\n\nHEMMELIG tekst.{tail}");
    for text in [marked, field] {
        let (m, _) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), [false, true, false], "{text}");
        assert_nothing_secret(&m);
    }
}

/// Regression (second page-break review, 186,164 generated files): a page's number or head next
/// to the "Lukkede punkter" divider, or a numbered heading repeated "(fortsat)" after a page break,
/// published the closed items or the closed item's title; and the first fix closed open items
/// whose text lists "Rådhuset" / "Lukket".
#[test]
fn regression_page_furniture_beside_a_divider_or_a_repeated_numbered_heading_publishes_nothing_closed() {
    let head = "REFERAT Økonomiudvalget d. 12-03-2024\n\nMødedato Tirsdag d. 12. marts 2024 kl. 16:00\n\n";
    let after = "\n\nPunkt 2: Salg af grund\n\n24/1002\n\nBud HEMMELIG.\n\nPunkt 3: Budget\n\n24/1003\n\nGodkendt.\n";
    let files = [
        (format!("{head}Punkt 1: Godkendelse\n\n24/1001\n\nGodkendt.\n\n3\nLukkede punkter{after}"), "r.txt", [false, true, true]),
        (format!("{head}Punkt 1: Godkendelse\n\n24/1001\n\nGodkendt.\n\nLukkede punkter\nHøje-Taastrup Kommune{after}"), "r.txt", [false, true, true]),
        (format!("{head}1. Godkendelse\n\n24/1001\n\nGodkendt.\n\nLukket punkt\n\n2. Salg af grund\n\n\x0c\n\n2. Salg af grund (fortsat)\n\n24/1002\n\nBud HEMMELIG.\n\n3. Budget\n\n24/1003\n\nGodkendt.\n"), "r.txt", [false, true, false]),
        (format!("# {head}## 1. Godkendelse\n\n24/1001\n\nGodkendt.\n\n## 2. Salg af grund\n\n\x0c\n\n## 2. Salg af grund (fortsat)\n\n24/1002\n\nLukket punkt\n\nBud HEMMELIG.\n\n## 3. Budget\n\n24/1003\n\nGodkendt.\n"), "r.md", [false, true, false]),
    ];
    for (text, name, closed) in files {
        let (m, _) = referat::parse::parse(Path::new(name), &text).unwrap();
        assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), closed, "{text}");
        assert_nothing_secret(&m);
        assert!(!serde_json::to_string(&m).unwrap().contains("Salg af"), "the closed title is not published: {text}");
    }
    // A capitalized "Lukket" in an open item's text, close to other lines, is its text.
    for listed in [
        "Hovedgaden\nLukket\nStationsvej\nÅben\n",
        "Rådhuset\nLukket\nBiblioteket\nÅbent 10-14\n",
        "14. januar\n(Lukket)\n11. februar\n",
        "Proceduren er:\nLukket punkt\nbehandles til sidst.\n",
    ] {
        let text = format!("REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Budget\n\n16/26813\n\nTekst.\n\nPunkt 2: Veje\n\n17/171\n\nSagsfremstilling\n\nVejene er nu:\n{listed}\nPunkt 3: Politik\n\n15/14789\n\nTekst.\n");
        let (m, _) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), [false, false, false], "{listed}");
    }
}

/// Regression (third page-break review, 150,133 generated files, 9,122 leaking): without blank
/// lines a page number between a mark above a heading and the heading; a repeated heading
/// "(fortsat)" between the case number and the mark; and a "Punkt 2: … (fortsat)" in a file of
/// "2. Title" headings, which took over the file's headings.
#[test]
fn regression_page_breaks_without_blank_lines_or_with_repeated_headings_publish_nothing_closed() {
    let dense = |mark: &str| {
        format!(
            "REFERAT Direktionen d. 20-03-2017\nMødedato Mandag d. 20. marts 2017 kl. 10:00\nPunkt 1: Budget\n16/26813\nBaggrund\n\
             Tekst om budget for året.\n{mark}\n3\nPunkt 2: Salg af grund\n17/171\nBaggrund\nKommunen vil sælge HEMMELIG.\n\
             Punkt 3: Veje\n15/14789\nBaggrund\nTekst om veje.\n"
        )
    };
    let repeat = |punkt: bool| {
        let text = "REFERAT Direktionen d. 20-03-2017\n\n1. Budget\n\n16/26813\n\nTekst.\n\n2. Salg af grund\n\n17/171\n\n\
                    2. Salg af grund (fortsat)\nLUKKET\n\nBaggrund\n\nKommunen vil sælge HEMMELIG.\n\n3. Veje\n\n15/14789\n\nTekst.\n";
        match punkt {
            true => text
                .replace("\n1. ", "\nPunkt 1: ")
                .replace("\n2. Salg af grund\n\n17", "\nPunkt 2: Salg af grund\n\n17")
                .replace("\n3. ", "\nPunkt 3: "),
            false => text.to_string(),
        }
    };
    let mixed = "REFERAT Direktionen d. 20-03-2017\n\n1. Budget\n\n16/26813\n\nÅben.\n\n2. Salg af grund - Lukket\n\n17/171\n\n\
                 Baggrund\n\nKommunen HEMMELIG.\n\nPunkt 2: Salg af grund (fortsat)\n\nIndstilling\n\nDet indstilles HEMMELIG.\n\n\
                 3. Veje\n\n15/14789\n\nTekst.\n";
    let files = [
        (dense("Lukket punkt"), vec![false, true, false]),
        (dense("Lukkede punkter"), vec![false, true, true]),
        (repeat(false), vec![false, true, false]),
        (repeat(true), vec![false, true, false]),
        (mixed.to_string(), vec![false, true, false]),
    ];
    for (text, closed) in files {
        let (m, _) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), closed, "{text}");
        assert_nothing_secret(&m);
        assert!(!serde_json::to_string(&m).unwrap().contains("Salg af"), "the closed title is not published: {text}");
    }
}

/// Regression (third page-break review, class 4: 2,678 files, 526 leaking closed text): an item's
/// heading repeated *above* its first writing ("2. Salg af grund (fortsat)" / "2. Salg af grund"),
/// as a page's head, was the text of the item before: its title was published there, a mark
/// above it closed only that item, and in "Punkt" files a mark under the second writing made it
/// a second item 2 and the file was refused. And an open item's repeat saying "- Lukket" did not
/// close it.
#[test]
fn regression_a_heading_repeated_above_its_first_writing_publishes_nothing_closed() {
    type Heading = fn(u32, &str) -> String;
    let styles: [(&str, &str, Heading); 4] = [
        ("txt", "", |n, t| format!("Punkt {n}: {t}")),
        ("txt", "", |n, t| format!("{n}. {t}")),
        ("md", "# ", |n, t| format!("## {n}. {t}")),
        ("md", "# ", |n, t| format!("## Punkt {n}: {t}")),
    ];
    for (ext, title_mark, h) in styles {
        for repeat in ["", " (fortsat)"] {
            for (mark_above, mark_under) in [("Lukket punkt\n\n", ""), ("", "LUKKET\n\n"), ("", "(Lukket)\n\n")] {
                let text = format!(
                    "{title_mark}REFERAT Direktionen d. 20-03-2017\n\n{}\n\n16/26813\n\nÅben tekst.\n\n{mark_above}{}{repeat}\n\n\
                     \x0cHøje-Taastrup Kommune\n\n{}\n\n{mark_under}17/171\n\nKommunen vil sælge HEMMELIG.\n\n{}\n\n15/14789\n\nÅben.\n",
                    h(1, "Budget"),
                    h(2, "Salg af grund"),
                    h(2, "Salg af grund"),
                    h(3, "Politik"),
                );
                let (m, d) = referat::parse::parse(Path::new(&format!("r.{ext}")), &text).unwrap();
                assert!(!d.iter().any(|d| d.is_error()), "{d:#?}\n{text}");
                assert_eq!(m.items.iter().map(|i| i.number).collect::<Vec<_>>(), [1, 2, 3], "{text}");
                assert!(m.items[1].closed, "{text}");
                assert!(!m.items[2].closed, "{text}");
                assert_nothing_secret(&m);
                assert!(!serde_json::to_string(&m).unwrap().contains("Salg af"), "the closed title: {text}");
            }
        }
    }
    // The open item's repeat after a page break says closed: the whole item is closed.
    for h in [|n: u32, t: &str| format!("Punkt {n}: {t}"), |n: u32, t: &str| format!("{n}. {t}")] {
        let text = format!(
            "REFERAT Direktionen d. 20-03-2017\n\n{}\n\n16/26813\n\nÅben tekst.\n\n{}\n\n17/171\n\nFørste side.\n\n\x0c\n\
             {} (fortsat) - Lukket\n\nHEMMELIG tekst.\n\n{}\n\n15/14789\n\nÅben.\n",
            h(1, "Budget"),
            h(2, "Salg af grund"),
            h(2, "Salg af grund"),
            h(3, "Politik"),
        );
        let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
        assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), [false, true, false], "{text}");
        assert_nothing_secret(&m);
        assert!(!serde_json::to_string(&m).unwrap().contains("Første side"), "{text}");
        assert!(d.iter().any(|d| d.to_string().contains("closed by its repeated heading")), "{d:#?}");
    }
}

/// Regression (page-break reviews, about 2,000 files each): a page break between an item's heading
/// and its case number put the next page's head there. In a file of "2. Title" headings three
/// lines of it hid the case number, and the file was refused ("no agenda items found"); fewer
/// became the rest of the title ("Salg af grund Høje-Taastrup Kommune Side 3").
#[test]
fn regression_a_page_break_between_a_heading_and_its_case_number_is_not_its_title() {
    for heading in ["2. Salg af grund", "Punkt 2: Salg af grund"] {
        let first = heading.replace('2', "1").replace("Salg af grund", "Budget");
        let third = heading.replace('2', "3").replace("Salg af grund", "Politik");
        for page_head in [
            "\x0cHøje-Taastrup Kommune",
            "\x0cHøje-Taastrup Kommune\nDirektionen 20-03-2017",
            "\x0cHøje-Taastrup Kommune\nDirektionen 20-03-2017\nReferat",
            "\x0cHøje-Taastrup Kommune\nDirektionen 20-03-2017\nReferat\nSide 3",
            "Side 2 af 4\n\x0cDirektionen\nReferat",
        ] {
            for sep in ["\n", "\n\n"] {
                let text = format!(
                    "REFERAT Direktionen d. 20-03-2017\n\n{first}\n\n16/26813\n\nÅben tekst.\n\n{heading}\n{page_head}{sep}17/171\n\n\
                     Tekst om salg.\n\n{third}\n\n15/14789\n\nÅben.\n"
                );
                let (m, d) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
                assert!(!d.iter().any(|d| d.is_error()), "{d:#?}\n{text}");
                let items: Vec<(u32, &str, Option<String>)> = m
                    .items
                    .iter()
                    .map(|i| (i.number, i.title.as_str(), i.case.as_ref().map(|c| c.to_string())))
                    .collect();
                assert_eq!(
                    items,
                    [
                        (1, "Budget", Some("16/26813".into())),
                        (2, "Salg af grund", Some("17/171".into())),
                        (3, "Politik", Some("15/14789".into()))
                    ],
                    "{text}"
                );
            }
        }
    }
}

/// Regression: an item's heading repeated at a page's top ("Punkt 1: Budget (fortsat)") and the
/// page's head above it ("Høje-Taastrup Kommune") were published as paragraphs of the item's text.
#[test]
fn regression_a_repeated_heading_and_its_pages_head_are_not_the_items_text() {
    for (first, second) in [("Punkt 1: Budget", "Punkt 2: Politik"), ("1. Budget", "2. Politik")] {
        for repeat in ["(fortsat)", "- fortsat", ""] {
            let text = format!(
                "REFERAT Direktionen d. 20-03-2017\n\n{first}\n\n16/26813\n\nSagsfremstilling\n\nÅben tekst.\n\n\
                 \x0cHøje-Taastrup Kommune\n\n{first} {repeat}\n\nMere tekst.\n\nBeslutning\n\nGodkendt.\n\n{second}\n\n15/14789\n\nTekst.\n"
            );
            let (m, _) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
            let item = &m.items[0];
            let paragraphs: Vec<String> =
                item.sections.iter().flat_map(|s| &s.blocks).map(|b| serde_json::to_string(b).unwrap()).collect();
            assert_eq!(paragraphs.len(), 3, "{paragraphs:?}\n{text}");
            assert!(paragraphs[0].contains("Åben tekst.") && paragraphs[1].contains("Mere tekst."), "{paragraphs:?}");
            assert_eq!(m.items.iter().map(|i| i.number).collect::<Vec<_>>(), [1, 2]);
        }
    }
}

/// Regression (review of the repeated-heading fixes, 40,000 generated files): read as "either says
/// fortsat", a numbered list line under the next item's number ("3. Forhandlingerne fortsat med
/// …") became that item's first writing, and the closed text after it was published; a repeat
/// with the same title but a closed mark ("1. Budget (Lukket)") did not close the item; and a
/// mark alone above the first item ("Ikke til offentliggørelse") was ignored as header text.
#[test]
fn regression_a_list_line_that_says_fortsat_is_no_repeated_heading() {
    let closed_list = "REFERAT Direktionen d. 20-03-2017\n\n1. Budget 2018\n\n16/26813\n\nÅben tekst.\n\n\
                       2. Salg af grund - Lukket\n\n17/171\n\n1. Køber HEMMELIG\n2. Pris HEMMELIG\n\
                       3. Forhandlingerne fortsat med HEMMELIG\n\nMere HEMMELIG tekst.\n\n3. Politik\n\n18/14789\n\nÅben.\n";
    let open_list = "REFERAT Direktionen d. 20-03-2017\n\n1. Budget 2018\n\n16/26813\n\n1. Drift\n2. Anlæg fortsat\n\
                     Åben tekst.\nIkke til offentliggørelse\n2. Salg af grund\n17/171\n\nKommunen vil sælge HEMMELIG.\n\n\
                     3. Politik\n\n18/14789\n\nÅben.\n";
    let repeat_closed =
        "REFERAT Direktionen d. 20-03-2017\n\n1. Budget\n\n16/26813\n\nÅben del.\n\n1. Budget (Lukket)\n\n\
                         HEMMELIG tekst.\n\n2. Politik\n\n18/14789\n\nÅben.\n";
    for (text, closed) in [(closed_list, [false, true, false]), (open_list, [false, true, false])] {
        let (m, _) = referat::parse::parse(Path::new("r.txt"), text).unwrap();
        assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), closed, "{text}");
        assert_eq!(m.items[2].title, "Politik");
        assert_nothing_secret(&m);
        assert!(!serde_json::to_string(&m).unwrap().contains("Salg af"), "{text}");
    }
    let (m, _) = referat::parse::parse(Path::new("r.txt"), repeat_closed).unwrap();
    assert_eq!(m.items.iter().map(|i| i.closed).collect::<Vec<_>>(), [true, false]);
    assert_nothing_secret(&m);
    // An open item whose first writing is the page's "(fortsat)" above its heading: its own title
    // and case, and its numbered list is its text.
    let text = "# REFERAT Direktionen d. 20-03-2017\n\n## 1. Budget\n\n16/26813\n\nÅben tekst.\n\n## 2. Skolestruktur (fortsat)\n\n\
                \x0cHøje-Taastrup Kommune\n\n## 2. Skolestruktur\n\n17/171\n\n1. Økonomi\n2. Personale\n\n\
                ## 3. Salg af grund - Lukket\n\n18/14789\n\nHEMMELIG.\n";
    let (m, _) = referat::parse::parse(Path::new("r.md"), text).unwrap();
    let items: Vec<(&str, Option<String>, bool)> =
        m.items.iter().map(|i| (i.title.as_str(), i.case.as_ref().map(|c| c.to_string()), i.closed)).collect();
    assert_eq!(items[1], ("Skolestruktur", Some("17/171".into()), false));
    assert!(serde_json::to_string(&m.items[1]).unwrap().contains("Personale"));
    assert!(m.items[2].closed);
    assert_nothing_secret(&m);
    // A mark alone above the first item: the file is refused, as for "Lukket punkt" there.
    let text = "REFERAT Direktionen d. 20-03-2017\n\nIkke til offentliggørelse\n\n1. Personalesag\n\n16/26813\n\nHEMMELIG.\n\n\
                2. Politik\n\n18/14789\n\nÅben.\n";
    let errors = referat::parse::parse(Path::new("r.txt"), text).unwrap_err();
    assert!(errors.iter().any(|e| e.to_string().contains("marked closed")), "{errors:?}");
}

/// Regression (second review of the repeated-heading fixes, 50,000 generated files): what still
/// published a closed item or its title, or hid an open one, at a heading written twice.
#[test]
fn regression_headings_written_twice_publish_nothing_closed_and_hide_nothing_open() {
    let head = "REFERAT Direktionen d. 20-03-2017\n\nMødedato Mandag d. 20. marts 2017 kl. 10:00\n\n";
    let leaking = [
        // A repeat ending "forts." was read as a sentence, the open item's text.
        format!("{head}1. Orientering\n17/101\nTekst åben.\n2. Lejekontrakt forts.\n2. Lejekontrakt\nIkke til offentliggørelse\n17/102\nTekst HEMMELIG.\n"),
        format!("{head}Punkt 1: Orientering\n17/101\nTekst åben.\nPunkt 2: Lejekontrakt forts.\nPunkt 2: Lejekontrakt\nIkke til offentliggørelse\n17/102\nTekst HEMMELIG.\n"),
        // A mark at a page's end, the next page's head after the form feed, then the heading.
        format!("{head}Punkt 1: Orientering\n\n17/101\n\nTekst åben.\nHøje-Taastrup Kommune\nLukket punkt\n\x0cSide 3\nPunkt 2: Lejekontrakt (fortsat)\n\nPunkt 2: Lejekontrakt\n\n17/102\n\nTekst HEMMELIG.\n"),
        // A heading, its mark and its repeat were read as a listed agenda and its first item.
        format!("# {head}## Punkt 1: Lejekontrakt\nLUKKET\n## Punkt 1: Lejekontrakt forts.\nGodkendt HEMMELIG.\n## Punkt 2: Eventuelt\n"),
        // A list line in a closed item with the next item's number: with the same words as the
        // next heading, or when that heading says "(fortsat)", it became the next item's start.
        format!("{head}1. Lejekontrakt - Lukket\n\n17/101\n\nDagsorden:\n\n1. Indledning\n2. Budget 2018\n3. Afslutning\n\nMere HEMMELIG tekst.\n\n2. Budget 2018\n\n17/102\n\nTekst åben.\n"),
        format!("{head}1. Lejekontrakt - Lukket\n\n17/101\n\n1. Indledning om HEMMELIG\n2. Drøftelse af HEMMELIG\n3. Afslutning\n\nMere HEMMELIG tekst.\n\n2. Budget 2018\n\n\x0cHøje-Taastrup Kommune\n\n2. Budget 2018 (fortsat)\n\n17/102\n\nTekst åben.\n"),
    ];
    for text in &leaking {
        let name = if text.starts_with('#') { "r.md" } else { "r.txt" };
        let (m, _) = referat::parse::parse(Path::new(name), text).unwrap();
        assert_nothing_secret(&m);
        assert!(!serde_json::to_string(&m).unwrap().contains("Lejekontrakt"), "{text}");
        assert!(m.items.iter().any(|i| i.closed), "{text}");
    }
    // A list in an open item that names the item's own title, then a closed-sounding line: the
    // item stays open and its list whole.
    let text = format!(
        "{head}1. Budget 2018\n\n17/101\n\nTekst.\n\n2. Orientering\n\n17/102\n\nDagsorden:\n\n1. Budget\n2. Orientering\n3. Personale\n\nTekst åben.\n"
    );
    let (m, _) = referat::parse::parse(Path::new("r.txt"), &text).unwrap();
    assert_eq!(m.items.iter().map(|i| (i.number, i.closed)).collect::<Vec<_>>(), [(1, false), (2, false)]);
    let item = serde_json::to_string(&m.items[1]).unwrap();
    assert!(item.contains("Orientering\"") && item.contains("Personale") && item.contains("Tekst åben."), "{item}");
}

/// Regression (third review of the repeated-heading fixes, 50,000 generated files): a heading
/// written twice right after a numbered list was taken for a list line; a mark right above an
/// item's own repeat ("(Lukket)" / "Punkt 1: … - fortsat"), even joined to its text, was nobody's;
/// "Lukket: Ja" above the first item was header text; and more than three lines of a page's foot
/// and head between a mark and its heading hid the mark.
#[test]
fn regression_marks_and_repeats_next_to_lists_and_long_page_breaks_publish_nothing_closed() {
    let files = [
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n## 1. Skolestruktur\n19/27146\n3. Eventuelt\n## 2. Ekspropriation Ravnsborg fortsat - LUKKET\n## 2. Ekspropriation Ravnsborg\n18/2999\nHEMMELIG.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\n1. Skolestruktur\n\n19/27146\n\nTekst.\n\n1. Indledning\n2. Økonomi\n3. Afslutning\n\n2. Ekspropriation Ravnsborg (fortsat) - Lukket\n\n\x0cHøje-Taastrup Kommune\n\n2. Ekspropriation Ravnsborg\n\n18/2999\n\nHEMMELIG.\n\n3. Politik\n\n15/1234\n\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Eventuelt\n12/23877\n4. Økonomi\n2. Erstatningskrav Ravnsborg forts.\nLukket punkt\n2. Erstatningskrav Ravnsborg\n14/17959\nHEMMELIG.\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n## Punkt 1: Ekspropriation Ravnsborg\n16/1234\nSagsfremstilling\n(Lukket)\n## Punkt 1: Ekspropriation Ravnsborg - fortsat\nHEMMELIG\n## Punkt 2: Rammeaftale for veje\n17/22\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Ekspropriation Ravnsborg\n\n16/1234\n\nSagen handler om HEMMELIG.\nLUKKET\nPunkt 1: Ekspropriation Ravnsborg forts.\n\nPunkt 2: Rammeaftale\n\n17/22\n\nÅben.\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n\n## 1. Budget\n\n16/1\n\nÅben.\n\nLukket punkt\n4\n\x0c\nDirektionen 20-05-2017\nSide 5\nSide 5 af 9\n5\nReferat\n## 2. Ekspropriation Ravnsborg\n\n17/2\n\nHEMMELIG.\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n\n## 1. Ekspropriation Ravnsborg - fortsat\n\x0cHøje-Taastrup Kommune\n## 1. Ekspropriation Ravnsborg - Lukket\n17/1\nHEMMELIG\n## 2. Budget\n18/2\nÅben.\n"),
    ];
    for (name, text) in files {
        let m = assert_publishes_nothing_closed(name, text);
        assert!(m.items.iter().any(|i| i.closed), "{text}");
    }
    let text = "REFERAT Direktionen d. 20-03-2017\n\nLukket: Ja\n\nPunkt 1: Ekspropriation\n\n16/1234\n\nHEMMELIG.\n\nPunkt 2: Rammeaftale\n\n17/22\n\nÅben.\n";
    let errors = referat::parse::parse(Path::new("r.txt"), text).unwrap_err();
    assert!(errors.iter().any(|e| e.to_string().contains("marked closed")), "{errors:?}");
}

/// Regression (fourth review of the repeated-heading fixes, 50,000 generated files): a numbered
/// line in an item closed by a mark above its heading became an open next item; a repeat saying
/// "Lukket" was read as the mark of a numbered line above it, or as a list line before the item's
/// own list; the first item's heading written twice, a mark between, was read as the agenda's list;
/// and "LUKKET" after the participants was a participant's name.
#[test]
fn regression_repeats_and_marks_around_numbered_lines_publish_nothing_closed() {
    let files = [
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n## 1. Rammeaftale for veje\n18/13667\n2. Indledning\n3. Drøftelse\nLUKKET\n## 2. Personalesag Zeuthenlund\n16/5242\n\n3. Personale\nSagen om HEMMELIG del 3.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Kvistgaard lejekontrakt – Lukket\n12/27620\n- Lukket om HEMMELIG\n1. Lukket om HEMMELIG\n2. Lukket møde med borgeren\nGodkendt.\n2. Ekspropriation Bramstrup\n18/9639\n3. Indledning\n2. Ekspropriation Bramstrup forts. – Lukket\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n## 1. Budget\n11/1\nÅben.\n## 2. Personalesag Zeuthenlund\n13/12353\n3. Arbejdet fortsat om HEMMELIG\n## 2. Personalesag Zeuthenlund - fortsat - Lukket punkt\nMere HEMMELIG.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\n1. Ravnsborg lejekontrakt (fortsat)\n\nLUKKET\n\n1. Ravnsborg lejekontrakt\n\n12/27696\n\nHEMMELIG.\n\n2. Politik\n\n13/1\n\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\n1. Personalesag Zeuthenlund - Lukket\n1. Personalesag Zeuthenlund (fortsat)\n1. Personalesag Zeuthenlund\n14/3145\nHEMMELIG.\n\n2. Politik\n\n13/1\n\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\n1. Budget\n\n11/1\n\nÅben.\n\n2. Salg af grund Kvistgaard\n12/3702\n2. Salg af grund Kvistgaard (fortsat) - Lukket\n3. Indledning om HEMMELIG\n4. Mere HEMMELIG\n"),
    ];
    for (name, text) in files {
        assert_publishes_nothing_closed(name, text);
    }
    let text = "REFERAT Direktionen d. 20-03-2017\n\nDeltagere: Anne Hansen, Bo Jensen\nLUKKET\n**Punkt 1: Personalesag**\n12/123\nHEMMELIG.\n\nPunkt 2: Politik\n\n13/1\n\nÅben.\n";
    let errors = referat::parse::parse(Path::new("r.md"), text).unwrap_err();
    assert!(errors.iter().any(|e| e.to_string().contains("marked closed")), "{errors:?}");
}

/// Regression (fifth review of the repeated-heading fixes, 40,000 generated files): numbered lines
/// in a closed item became open items when a heading line under them was skipped as a mark; the
/// first item's heading written in both forms or past a running head, a mark under the first
/// writing, was read as the agenda's list; a heading's first writing before a running head was a
/// list line; and a numbered heading saying "Lukket" among "Punkt N" headings, or written above
/// its "Punkt N" writing, was the item before's text.
#[test]
fn regression_a_heading_written_in_both_forms_or_past_a_running_head_publishes_nothing_closed() {
    let files = [
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Lukket punkt\n11/18284\n2. Ravnsborg HEMMELIG\n3. Lukket møde med borgeren\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Erstatningskrav Zeuthenlund lejekontrakt\nPunkt 1: Erstatningskrav Zeuthenlund lejekontrakt - fortsat – Lukket\n11/15962\n\n2. Zeuthenlund\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n\nDeltagere: Anne Hansen, Bo Jensen\n## 1. Salg af grund Kvistgaard\nIkke til offentliggørelse\n\n## Punkt 1: Salg af grund Kvistgaard - fortsat\n\n## 1. Salg af grund Kvistgaard fortsat\n\n19/29343\nTekst HEMMELIG.\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n1. Personalesag Bramstrup\n## 1. Personalesag Bramstrup - LUKKET\nHøje-Taastrup Kommune\n## 1. Personalesag Bramstrup fortsat - LUKKET\n## 1. Personalesag Bramstrup\n15/11436\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Personale\n10/19435\n1. Økonomi\n2. Erstatningskrav Kvistgaard lejekontrakt\nReferat\n2. Erstatningskrav Kvistgaard lejekontrakt - fortsat\n12/5979\nLukket\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\nPunkt 1: Politik (fortsat)\n\x0cReferat\nSide 3\nHøje-Taastrup Kommune\nPunkt 1: Politik\n17/25407\nBeslutning\nTekst åben.\n2. Ekspropriation Zeuthenlund lejekontrakt – Lukket\n19/25941\nTekst HEMMELIG.\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\nDagsorden:\n1. Politik\n2. Lukket punkt\n**Punkt 1: Politik**\nPunkt 1: Politik fortsat\n## 2. Personalesag Ravnsborg\nPunkt 2: Personalesag Ravnsborg - LUKKET\n"),
    ];
    for (name, text) in files {
        assert_publishes_nothing_closed(name, text);
    }
}

/// Regression (sixth review of the repeated-heading fixes, 24,600 generated files): a first writing
/// in the "Punkt N" form above a numbered heading was marked as the item's start but not read as a
/// heading, so the item's heading became the table of contents; a "Lukket: Ja" between writings
/// was left above the item; a writing saying "LUKKET" between an item's heading and its repeat was
/// its subheading; and a numbered heading with "LUKKET" under it among "Punkt N" headings was the
/// item before's text.
#[test]
fn regression_writings_of_a_heading_in_mixed_forms_publish_nothing_closed() {
    let files = [
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n**Punkt 1: Salg af grund Ravnsborg (fortsat)**\n## 1. Salg af grund Ravnsborg\n- Lukket\n14/21554\n**Punkt 2: Budget 2018 fortsat**\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\nPunkt 1: Salg af grund Ravnsborg forts.\n1. Salg af grund Ravnsborg\n14/3958\nLukket: Ja\nLukket punkt\n2. Erstatningskrav Zeuthenlund\n17/365\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\nDeltagere: Anne Hansen, Bo Jensen\nPunkt 1: Lejekontrakt Ravnsborg fortsat\nPunkt 1: Lejekontrakt Ravnsborg\n1. Lejekontrakt Ravnsborg – Lukket\nLukket: Ja\n18/22279\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Ekspropriation Ravnsborg\nLukket: Ja\n1. Ekspropriation Ravnsborg\n1. Ekspropriation Ravnsborg\n15/16119\n1. Lukket møde HEMMELIG\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n**Punkt 1: Ekspropriation Ravnsborg (fortsat)**\nDirektionen 20-03-2017\n## 1. Ekspropriation Ravnsborg - LUKKET\nPunkt 1: Ekspropriation Ravnsborg\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n2. Lukket punkt\n\x0cHøje-Taastrup Kommune\n**Punkt 1: Eventuelt 2017**\nTekst åben.\n## 2. Personalesag Zeuthenlund\nLUKKET\nGodkendt.\n## Punkt 4: Orientering 2020 fortsat\n**Punkt 4: Orientering 2020**\n"),
    ];
    for (name, text) in files {
        assert_publishes_nothing_closed_or_refused(name, text);
    }
}

/// Review 7 (40,000 generated files): a heading's repeat with its case number and "Lukket pkt."
/// under it, below a first writing at the page before, was read without the lines under it; a
/// labelled case number after a page break ("Sagsnr.: 17/2") was taken for the page's head, so
/// the mark under it went unread; "Lukket pkt." above a heading was no mark; in a "Punkt N" file,
/// the heading repeated as "1. Salg af grund (fortsat) - Lukket", or written "1. Salg af grund,
/// Lukket" above item 1, was text; and a participants list ran on into a closed first item
/// numbered "1. …". Each published the closed item's text.
#[test]
fn regression_review_7_marks_under_repeats_and_in_other_forms_publish_nothing_closed() {
    let files = [
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\n1. Budget\n\n16/1\n\nÅben tekst.\n\n2. Salg af grund Kvorbjerg (fortsat)\n\x0cHøje-Taastrup Kommune\n2. Salg af grund Kvorbjerg\n\n17/2\n\nLukket pkt.\n\nSagsfremstilling\n\nHEMMELIG bud fra Kvorbjerg ApS.\n\n3. Politik\n\n18/3\n\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n1. Budget\n16/1\nÅben tekst.\n2. Salg af grund Kvorbjerg\n\x0cHøje-Taastrup Kommune\nSagsnr.: 17/2\nLukket pkt.\nSagsfremstilling\nHEMMELIG bud fra Kvorbjerg ApS.\n3. Politik\n18/3\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Budget\n\n16/1\n\nÅben tekst.\n\nLukket pkt.\n\nPunkt 2: Salg af grund Kvorbjerg\n\n17/2\n\nHEMMELIG bud fra Kvorbjerg ApS.\n\nPunkt 3: Politik\n\n18/3\n\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Salg af grund Kvorbjerg\n\n16/1\n\nFørste side HEMMELIG Kvorbjerg.\n\n\x0cHøje-Taastrup Kommune\n\n1. Salg af grund Kvorbjerg (fortsat) - Lukket\n\nHEMMELIG bud fra Kvorbjerg ApS.\n\nPunkt 2: Politik\n\n18/3\n\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\nDeltagere: Anne Hansen, Bo Jensen\n1. Salg af grund Kvorbjerg - Lukket\n17/1\nHEMMELIG bud fra Kvorbjerg ApS.\nPunkt 2: Politik\n18/2\nÅben.\n"),
        ("r.txt", "REFERAT Direktionen d. 20-03-2017\n\n1. Salg af grund Kvorbjerg, Lukket\n\x0cHøje-Taastrup Kommune\nPunkt 1: Salg af grund Kvorbjerg\n\n17/2\n\nHEMMELIG bud.\n\nPunkt 2: Politik\n\n18/3\n\nÅben.\n"),
        ("r.md", "# REFERAT Direktionen d. 20-03-2017\n\nDeltagere: Anne Hansen, Bo Jensen\n\n## 1. Salg af grund Ravnsborg – Lukket punkt\n\n18/4354\n\nHEMMELIG tekst.\n\n## Punkt 1: Salg af grund Ravnsborg\n\nHEMMELIG mere.\n\n## Punkt 2: Orientering\n\n17/2\n\nÅben.\n"),
    ];
    for (name, text) in files {
        assert_publishes_nothing_closed_or_refused(name, text);
        if let Ok((m, _)) = referat::parse::parse(Path::new(name), text) {
            assert!(!serde_json::to_string(&m).unwrap().contains("Kvorbjerg"), "{text}");
        }
    }
}

/// The review 7 fixes, checked against the same generated files, first hid open items in 451 of
/// them: a mark under a repeat without its case number ("2. Plejehjemspladser 2025 fortsat" /
/// "Lukket sag" / "Punkt 3: …") closed the repeated item as well as the next. Review 8: so did a
/// sentence under a repeat ("Vejen er lukket i juli.").
#[test]
fn regression_review_7_fixes_hide_nothing_open() {
    for (text, open) in [("REFERAT Direktionen d. 20-03-2017\n\nPunkt 1: Budget\n\n16/1\n\nÅben tekst.\n\nPunkt 2: Plejehjemspladser 2025\n\nSagsnr.: 24/7201\n\nÅbent punkt om pladser.\n\n\x0cSide 4 af 9\n\n2. Plejehjemspladser 2025 fortsat\n\nLukket sag\n\nPunkt 3: Salg af grund Ravnsborg\n\n16/7258\n\nHEMMELIG bud.\n", 2), ("REFERAT Direktionen d. 20-03-2017\n\n1. Budget 2018\n\nPunkt 1: Budget 2018 - Lukket\n\n17/1\n\nHEMMELIG.\n\nPunkt 2: Orientering\n\n17/2\n\nÅben tekst.\n", 2)] {
        let m = assert_publishes_nothing_closed("r.txt", text);
        assert!(!m.items[open - 1].closed, "item {open} is open: {text}");
    }
}

/// Review 7, rerun on the fixes: "Offentlig: Nej" atop two of three pages was dropped as the
/// pages' running head once a labelled case number ("Sagsnr.: 18/7177") counted as structure (the
/// pages left to count fell to three), and the closed item was published; a mark is never a
/// page's head. And a closed first writing of item 1 further up ("1. Salg af grund" / "Status:
/// Lukket" / "12/2074") moved the agenda's start above the header's mark, so the file was no
/// longer refused: the header keeps its lines.
#[test]
fn regression_review_7_rerun_a_public_field_is_no_running_head_and_the_header_keeps_its_marks() {
    // Only the running-head count treats the field so: next to a divider it is still as good as a
    // blank line ("Lukkede punkter" / "Offentlig: Nej" / "Punkt 2: …").
    let divider = "REFERAT Direktionen d. 20-03-2017\nMødedato: 20.03.2017 10:00-12:00\n\
                   Punkt 1: Godkendelse af dagsorden\nÅben tekst.\nLukkede punkter\nOffentlig: Nej\nReferat\n\
                   Punkt 2: Salg af grund Ravnsborg\nBorger HEMMELIG klager.\n";
    assert_publishes_nothing_closed("r.txt", divider);
    assert_publishes_nothing_closed("r.txt", "REFERAT Direktionen d. 20-03-2017\nMødedato: 20.03.2017\nPunkt 3: Salg af grund vedrørende Ravnsborg\n\x0c4\nOffentlig: Nej\n\x0cSide 5\nOffentlig: Nej\n\x0c\nSagsnr.: 18/7177\nHEMMELIG bud.\n");
    let header_mark = "REFERAT Direktionen d. 20-03-2017\nMødedato: 20.03.2017 10:00-12:00\n1. Kvoremose grundkøb\nStatus: Lukket\n12/2074\nPunkt 1: Kvoremose grundkøb (fortsat)\nPunkt 3: Vintertjeneste 2024-2025\n8. Indledning om HEMMELIG Ravnsborg\nReferat\n4. Orientering Ravnsborg (fortsat) - Lukket\n5. Kvorarup lejekontrakt\nSagsnr.: 17/2175 (lukket)\n";
    assert!(referat::parse::parse(Path::new("r.txt"), header_mark).is_err(), "refused as before");
}
