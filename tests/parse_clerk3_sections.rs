//! Regressions from the third clerk review: decision headings whose body came out wrong or that
//! were missed, and the structure of a decision in plain-text exports (vote lines, absence
//! lines, protocol notes, minority statements, numbered sub-items) run together into one
//! paragraph. Fixtures: `tests/fixtures/parse/clerk3_sections/`.

use chrono::NaiveDate;
use referat::diag::Diagnostic;
use referat::model::{AgendaItem, Block, Meeting, SectionKind};
use referat::parse::sections::{decision_of, kind_of};
use std::path::Path;

fn fixture(name: &str) -> (Meeting, Vec<Diagnostic>) {
    let rel = Path::new("tests/fixtures/parse/clerk3_sections").join(name);
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&rel)).unwrap();
    referat::parse::parse(&rel, &text).unwrap()
}

fn parse(text: &str) -> Meeting {
    referat::parse::parse(Path::new("t.txt"), text).unwrap().0
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn para(s: &str) -> Block {
    Block::Paragraph { text: s.into() }
}

fn sub(s: &str) -> Block {
    Block::Subheading { text: s.into() }
}

/// The blocks of the item's only decision section.
fn decision_blocks(item: &AgendaItem) -> &[Block] {
    let mut decisions = item.sections.iter().filter(|s| s.kind == SectionKind::Decision);
    let section = decisions.next().expect("a decision section");
    assert!(decisions.next().is_none(), "one decision section in item {}", item.number);
    &section.blocks
}

/// "Beslutning i Økonomiudvalget tirsdag den 20. februar 2024" gave the body "Økonomiudvalget
/// tirsdag": the weekday before the date was read as part of the body's name.
#[test]
fn weekday_before_the_date_is_not_part_of_the_body() {
    let (m, _) = fixture("decision_bodies.txt");
    let d = &m.items[0].decisions[0];
    assert_eq!((d.body.as_str(), d.date), ("Økonomiudvalget", date(2024, 2, 20)));
    let m_date = date(2024, 3, 5);
    for h in ["Beslutning i Økonomiudvalget, tirsdag den 20. februar 2024", "Beslutning i Byrådet lørdag 02.03.2024"]
    {
        assert!(!decision_of(h, "X", m_date).0.contains("dag"), "{h}");
    }
    assert_eq!(decision_of("Beslutning tirsdag den 5. marts 2024", "Byrådet", m_date).0, "Byrådet");
}

/// "Beslutning, Byrådet 05.03.2024" gave the body ", Byrådet": the comma after "Beslutning" was
/// kept as the start of the body's name.
#[test]
fn comma_after_beslutning_is_not_part_of_the_body() {
    let (m, _) = fixture("decision_bodies.txt");
    let d = &m.items[0].decisions[1];
    assert_eq!((d.body.as_str(), d.date), ("Byrådet", date(2024, 3, 5)));
    assert_eq!(decision_of("Beslutning – Byrådet 05.03.2024", "X", date(2024, 3, 5)).0, "Byrådet");
}

/// "Beslutning taget på mødet i Byrådet den 5. marts 2024" gave the body "Taget på mødet i
/// Byrådet": only "truffet på/i/af" was known, not "taget på", nor "mødet i" after it.
#[test]
fn decision_taken_at_a_bodys_meeting_names_the_body() {
    let (m, _) = fixture("decision_bodies.txt");
    let d = m.items[1].decisions.last().unwrap();
    assert_eq!((d.body.as_str(), d.date), ("Byrådet", date(2024, 3, 5)));
    let m_date = date(2024, 3, 5);
    for h in [
        "Beslutning taget i Økonomiudvalget den 20. februar 2024",
        "Beslutning truffet på mødet i Økonomiudvalget den 20. februar 2024",
        "Beslutning fra mødet i Økonomiudvalget den 20. februar 2024",
    ] {
        assert_eq!(kind_of(h), Some(SectionKind::Decision), "{h}");
        assert_eq!(decision_of(h, "X", m_date).0, "Økonomiudvalget", "{h}");
    }
}

/// "Økonomiudvalget den 20. februar 2024, pkt. 7:" (an earlier decision of the case as FirstAgenda
/// writes it: body, date and point) was read as text, so the item had no decision from
/// Økonomiudvalget.
#[test]
fn body_date_and_point_heading_is_an_earlier_decision() {
    let (m, diags) = fixture("decision_bodies.txt");
    assert!(diags.is_empty(), "{diags:#?}");
    let two = &m.items[1];
    let kinds: Vec<SectionKind> = two.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Decision, SectionKind::Decision]);
    let d = &two.decisions[0];
    assert_eq!((d.body.as_str(), d.date, d.text.as_str()), ("Økonomiudvalget", date(2024, 2, 20), "Anbefales."));
    for h in
        ["Byrådet den 5. marts 2024, pkt. 12:", "Social- og Sundhedsudvalget 07.05.2024:", "Direktionen d. 20-03-2017:"]
    {
        assert_eq!(kind_of(h), Some(SectionKind::Decision), "{h}");
    }
    let m_date = date(2024, 5, 7);
    assert_eq!(decision_of("Social- og Sundhedsudvalget 07.05.2024:", "X", m_date).0, "Social- og Sundhedsudvalget");
}

/// The body-and-date heading must stand alone: a sentence, a run-in line, a line of text that
/// names a body, and a page header with a body and a date are text.
#[test]
fn body_and_date_in_text_are_no_decision() {
    let (m, _) = fixture("not_decisions.txt");
    let one = &m.items[0];
    let kinds: Vec<SectionKind> = one.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Presentation, SectionKind::Decision]);
    assert_eq!(one.decisions.len(), 1);
    assert_eq!(one.decisions[0].body, "Byrådet");
    for h in [
        "Økonomiudvalget den 20. februar 2024 anbefalede forslaget:",
        "Økonomiudvalget 20-02-2024",
        "Økonomiudvalget den 20. februar 2024, pkt. 7",
        "Referat fra Økonomiudvalget den 20. februar 2024:",
        "Sagen blev behandlet i Økonomiudvalget den 20. februar 2024, pkt. 7:",
        "Økonomiudvalget den 20. februar 2024 og Byrådet den 5. marts 2024:",
        "Hjemmeplejen den 1. januar 2024:",
    ] {
        assert_eq!(kind_of(h), None, "{h}");
    }
}

/// "For stemte: …" / "Imod stemte: …" / "Undlod at stemme: …" were joined into one run-on
/// sentence with the decision: lines without a blank line between them were always read as one
/// paragraph the PDF had wrapped, even when each starts with its own label.
#[test]
fn vote_lines_stay_separate_lines() {
    let (m, _) = fixture("votes.txt");
    let blocks = decision_blocks(&m.items[1]);
    assert_eq!(
        blocks[..4],
        [
            para("Indstillingen blev godkendt."),
            para("For stemte: A, C, F og Ø (19)"),
            para("Imod stemte: V og O (6)"),
            para("Undlod at stemme: LA (1)"),
        ]
    );
}

/// "Fraværende: Erik Olsen (V)" right under "Godkendt." was glued onto it ("Godkendt.
/// Fraværende: Erik Olsen (V)"), also in the decision's text on case pages and in open data.
#[test]
fn absence_line_is_not_glued_onto_the_decision() {
    let (m, _) = fixture("votes.txt");
    assert_eq!(m.items[0].decisions[0].text, "Godkendt.\n\nFraværende: Erik Olsen (V)");
    assert_eq!(decision_blocks(&m.items[1]).last(), Some(&para("Fraværende: Erik Olsen (V)")));
}

/// "Protokoltilførsel" and "Mindretalsudtalelse" lost their heading and became the first word of
/// the paragraph under them; "Protokoltilførsel: …" and "Mindretalsudtalelse fra V:" ran into the
/// decision. They are subheadings inside the decision, which keeps them in its text.
#[test]
fn protocol_notes_and_minority_statements_keep_their_headings() {
    let (m, _) = fixture("votes.txt");
    let two = decision_blocks(&m.items[1]);
    let note = "Venstre ønsker tilført protokollen, at gruppen ikke kan støtte de foreslåede besparelser.";
    assert_eq!(two[4..6], [sub("Protokoltilførsel"), para(note)]);
    assert!(m.items[1].decisions[0].text.contains("Protokoltilførsel\n\nVenstre ønsker"));
    let three = decision_blocks(&m.items[2]);
    let statement = "Enhedslisten kan ikke støtte planen på grund af trafikken.";
    assert_eq!(three, [para("Godkendt."), sub("Mindretalsudtalelse"), para(statement)]);
    assert_eq!(
        decision_blocks(&m.items[3]),
        [
            para("Godkendt."),
            sub("Protokoltilførsel"),
            para("Venstre stemte imod, da besparelsen rammer ældreområdet."),
            sub("Mindretalsudtalelse fra V"),
            para("Venstre kan ikke støtte forslaget."),
        ]
    );
}

/// A sentence that starts with one of those words stays a sentence.
#[test]
fn sentences_about_protocol_notes_stay_text() {
    let m = parse(
        "REFERAT Byrådet d. 05-03-2024\n\nPunkt 1: Budget\n24/1\n\nBeslutning\nGodkendt.\nProtokoltilførsel blev ikke ønsket.\nMindretalsudtalelser kan afgives af\nhvert medlem.\n",
    );
    assert_eq!(
        decision_blocks(&m.items[0]),
        [para("Godkendt. Protokoltilførsel blev ikke ønsket. Mindretalsudtalelser kan afgives af hvert medlem.")]
    );
}

/// Sub-items "3.1 Status på hjemmeplejen" / "3.2 Nyt fra KL" and the text under each were merged
/// into one paragraph.
#[test]
fn numbered_sub_items_stay_separate_lines() {
    let (m, diags) = fixture("sub_items.txt");
    assert!(diags.is_empty(), "{diags:#?}");
    let section = &m.items[1].sections[0];
    assert_eq!(section.kind, SectionKind::Presentation);
    assert_eq!(
        section.blocks,
        [para("3.1 Status på hjemmeplejen"), para("Ventetiden er faldet."), para("3.2 Nyt fra KL"), para("Intet nyt.")]
    );
}

/// Lines the PDF wrapped inside a label line or sub-item are still joined, and so are wrapped
/// lines that merely start with a number or a word and a colon in the middle of a sentence.
#[test]
fn wrapped_label_and_sub_item_lines_are_still_joined() {
    let m = parse(
        "REFERAT Byrådet d. 05-03-2024\n\nPunkt 1: Budget\n24/1\n\nBeslutning\nFor stemte: A, C, F,\nØ og V (19)\n3.1 Orientering om status på\nhjemmeplejens ventetider\nUdgifterne steg med\n3.5 procent i alt, og\nUdvalget: tog det til efterretning.\n",
    );
    assert_eq!(
        decision_blocks(&m.items[0]),
        [
            para("For stemte: A, C, F, Ø og V (19)"),
            para("3.1 Orientering om status på hjemmeplejens ventetider"),
            para("Udgifterne steg med 3.5 procent i alt, og Udvalget: tog det til efterretning."),
        ]
    );
}
