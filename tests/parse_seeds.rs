//! Golden tests of the parser on the two real minutes in `content/`: every required figure is
//! asserted explicitly, and the whole model is pinned with insta JSON snapshots.

use chrono::NaiveDate;
use referat::model::{AgendaItem, Block, Meeting, SectionKind, Table};
use std::path::Path;

const SEED_2017: &str = "content/direktionen/2017-03-20.txt";
const SEED_2012: &str = "content/direktionen/2012-11-20.md";

fn parse(rel: &str) -> Meeting {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
    let (text, warnings) = referat::load::decode(Path::new(rel), &bytes).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let (meeting, diags) = referat::parse::parse(Path::new(rel), &text).unwrap();
    assert!(diags.is_empty(), "the seeds parse without warnings: {diags:#?}");
    meeting
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn item(m: &Meeting, number: u32) -> &AgendaItem {
    m.items.iter().find(|i| i.number == number).unwrap()
}

fn paragraphs(item: &AgendaItem) -> Vec<&str> {
    item.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn tables(item: &AgendaItem) -> Vec<&Table> {
    item.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn texts(row: &[referat::model::Cell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn seed_2017_header() {
    let m = parse(SEED_2017);
    assert_eq!(m.body, "Direktionen");
    assert_eq!(m.date, date(2017, 3, 20));
    assert_eq!(m.start.unwrap().format("%H:%M").to_string(), "10:00");
    assert_eq!(m.location.as_deref(), Some("B204"));
    assert_eq!(m.participants.len(), 5);
    let names: Vec<_> = m.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Lars Holte", "Jørgen Lerhard", "Per Aalbæk Nielsen", "Charlotte Markussen", "Kathrine Seier Skastrup"]
    );
    let roles: Vec<_> = m.participants.iter().filter_map(|p| p.role.as_deref()).collect();
    assert_eq!(roles, ["sekretær"]);
    assert_eq!(m.toc.len(), 8);
}

#[test]
fn seed_2017_items_cases_and_closed() {
    let m = parse(SEED_2017);
    assert_eq!(m.items.len(), 8);
    let numbers: Vec<u32> = m.items.iter().map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8]);
    let cases: Vec<&str> = m.items.iter().map(|i| i.case.as_ref().unwrap().as_written()).collect();
    assert_eq!(cases, ["16/26813", "17/171", "15/14789", "16/6952", "16/20774", "16/17989", "16/26813", "16/26813"]);
    let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
    assert_eq!(closed, [2, 6, 8]);
    for i in m.items.iter().filter(|i| i.closed) {
        assert_eq!(i.title, "Lukket");
        assert!(i.sections.is_empty() && i.decisions.is_empty() && i.attachments.is_empty());
    }
    assert_eq!(item(&m, 1).title, "Økonomiopfølgning - 20-03-2017");
    assert_eq!(item(&m, 5).line, 114);
}

#[test]
fn seed_2017_decisions_and_attachments() {
    let m = parse(SEED_2017);
    let five = item(&m, 5);
    assert_eq!(five.decisions.len(), 1);
    assert_eq!(five.decisions[0].date, date(2017, 3, 20));
    assert_eq!(five.decisions[0].body, "Direktionen");
    assert!(five.decisions[0].text.starts_with("Projektmandatet blev godkendt."));
    assert_eq!(five.attachments, ["Tidsplan for Office projekt HTK", "Projektmandat"]);
    assert_eq!(
        item(&m, 3).attachments,
        ["Handicappolitik", "Udsattepolitik", "Bilag - høringssvar til politikker fra centre"]
    );
    assert_eq!(item(&m, 4).decisions[0].text, "Udskudt.");
    let kinds: Vec<SectionKind> = item(&m, 3).sections.iter().map(|s| s.kind).collect();
    use SectionKind::*;
    assert_eq!(kinds, [Background, Recommendation, Decision, Presentation, NextSteps, Attachments]);
}

#[test]
fn seed_2017_lists_and_joined_paragraphs() {
    let m = parse(SEED_2017);
    let three = item(&m, 3);
    let lists: Vec<_> =
        three.sections.iter().flat_map(|s| &s.blocks).filter(|b| matches!(b, Block::List { .. })).collect();
    assert!(matches!(lists[0], Block::List { ordered: true, items, .. } if items.len() == 2));
    let five = paragraphs(item(&m, 5));
    assert!(five.iter().any(
        |p| p.ends_with("da BAC er \"ejer\" af telefonomstillingen og BURC aktuelt efterspørger skype-løsninger.")
    ));
    assert!(!five.iter().any(|p| p.starts_with("telefonomstillingen")));
    assert!(five.contains(
        &"ØDC indstiller, at direktionen godkender projektmandatet og tager orienteringen i øvrigt til efterretning."
    ));
    // Real paragraph breaks stay.
    assert_eq!(
        paragraphs(item(&m, 7)),
        ["Borgerrådgiverens beretning", "Opfølgning på drøftelse i chefforum og forberedelse af drøftelsen i Byrådet."]
    );
}

#[test]
fn seed_2012_header_and_items() {
    let m = parse(SEED_2012);
    assert_eq!(m.body, "Direktionen");
    assert_eq!(m.date, date(2012, 11, 20));
    assert_eq!(m.start.unwrap().format("%H:%M").to_string(), "10:00");
    assert_eq!(m.location.as_deref(), Some("Mødelokale B105"));
    assert!(m.participants.is_empty());
    assert_eq!(m.items.len(), 9);
    assert_eq!(m.toc.len(), 9);
    let with_case: Vec<u32> =
        m.items.iter().filter(|i| i.case.as_ref().unwrap().as_written() == "11/34493").map(|i| i.number).collect();
    assert_eq!(with_case, [1, 4, 8, 9]);
    let closed: Vec<u32> = m.items.iter().filter(|i| i.closed).map(|i| i.number).collect();
    assert_eq!(closed, [2]);
    assert_eq!(item(&m, 4).title, "4. budgetopfølgning 2012");
    assert_eq!(item(&m, 4).attachments.len(), 18);
    assert_eq!(item(&m, 4).attachments[0], "ØU 4. regnskabsprognose 2012 til DIR");
    assert_eq!(
        item(&m, 7).title,
        "Opening Up - EU-projekt om sociale medier: Hovedprojektbeskrivelse og nedsættelse af styregruppe"
    );
    assert_eq!(item(&m, 5).attachments[0], "KOMBIT - 121106_erklæring om deltagelse i fællesudbud");
}

#[test]
fn seed_2012_item_3_decisions_and_tables() {
    let m = parse(SEED_2012);
    let three = item(&m, 3);
    let dates: Vec<NaiveDate> = three.decisions.iter().map(|d| d.date).collect();
    assert_eq!(dates, [date(2012, 11, 6), date(2012, 11, 20)]);
    assert_eq!(three.decisions[0].text, "Udsættes til centerchefens deltagelse tirsdag 20/11.");
    let t = tables(three);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].caption.as_deref(), Some("Tabel 1. Nye bomiljøer i Høje-Taastrup Kommune 2011-2012"));
    assert_eq!(t[0].header_rows, 1);
    assert_eq!(t[0].rows.len(), 5);
    assert_eq!(texts(&t[0].rows[4]), ["I alt", "", "27", "24", "3"]);
    assert!(t[0].rows[1][0].strong);
    // Tabel 2: the header broken over three lines (one after a blank line) is two header rows.
    assert_eq!(t[1].caption.as_deref(), Some("Tabel 2. Økonomisk status på bomiljøerne pr. 1.10.2012"));
    assert_eq!(t[1].header_rows, 2);
    assert_eq!(texts(&t[1].rows[0]), ["", "Antal borgere", "Årlige udgifter", "Årlige udgifter", "Årlige udgifter"]);
    assert_eq!(
        texts(&t[1].rows[1]),
        ["", "", "Før indflytning i det nye bomiljø", "Efter indflytning i det nye botilbud", "Besparelse"]
    );
    assert_eq!(t[1].rows.len(), 8);
    assert_eq!(texts(&t[1].rows[2]), ["Midlertidigt botilbud (§107)", "8", "3.548.400", "1.797.600", "1.750.800"]);
    assert_eq!(texts(&t[1].rows[7]), ["Total", "24", "", "4.627.200", ""]);
    assert!(t[1].rows.iter().all(|r| r.len() == 5));
}

#[test]
fn seed_2012_kmd_price_table_in_item_5() {
    let m = parse(SEED_2012);
    let t = tables(item(&m, 5));
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header_rows, 1);
    let rows: Vec<Vec<&str>> = t[0].rows.iter().map(|r| texts(r)).collect();
    assert_eq!(
        rows,
        [
            vec!["System", "Priser 2012 (mio.kr.)"],
            vec!["KMD Aktiv", "1,5"],
            vec!["KMD Dagpenge", "1,4"],
            vec!["KMD Støttesystemet", "1,0"],
            vec!["KMD Sag (Sagsoverblik/part)", "1,4"],
            vec!["Samlet", "5,3"],
            vec!["Anslået udbudsgevinst 25 %", "1,325"],
        ]
    );
    assert!(t[0].rows[5][0].strong && !t[0].rows[1][0].strong);
}

#[test]
fn seed_2012_pdf_broken_paragraphs_are_joined() {
    let m = parse(SEED_2012);
    let five = paragraphs(item(&m, 5));
    assert_eq!(
        five[0],
        "Allerede ved salget af KMD i slutningen af 2008 stod det klart, at den kommunale sektor i kraft af KMD's \
         monopol på en række kritiske it-systemer stod over for en stor udfordring, som ville kræve, at kommunerne \
         fremover i langt højere grad handlede i fællesskab."
    );
    assert_eq!(
        five[1],
        "Dette var også baggrunden for, at KOMBIT som kommunernes it-fællesskab blev dannet i kølvandet på KMD salget."
    );
    let eight = paragraphs(item(&m, 8));
    assert!(eight.contains(&"26\\. november: Sammenhængskraft (oplæg/Væksthus for Ledelse og Innovationsmarkedsplads"));
    // Short lines that are separate paragraphs stay separate.
    let seven = paragraphs(item(&m, 7));
    for p in [
        "Team Vækst, Kommunikation og Borgerinddragelse (BYC)",
        "Team Digitalisering og Indkøb (ØDC)",
        "ISC",
        "Direktør",
    ] {
        assert!(seven.contains(&p), "{p}");
    }
    assert!(eight.contains(&"30\\. april:") && eight.contains(&"29\\. oktober:"));
}

#[test]
fn seed_2012_headings_inline_markup_and_sections() {
    let m = parse(SEED_2012);
    let subheadings = |n| -> Vec<String> {
        item(&m, n)
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Subheading { text } => Some(text.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(subheadings(1), ["Effektiviseringsstrategi"]);
    assert_eq!(subheadings(7), ["Opening Up – en paraply", "Styregruppe"]);
    assert_eq!(
        subheadings(8),
        ["Chefforum", "Direktionens Strategiske Lederforum", "Byrådets temamøder", "Byrådets temamøder 2013"]
    );
    let headings: Vec<(&str, SectionKind)> =
        item(&m, 5).sections.iter().map(|s| (s.heading.as_str(), s.kind)).collect();
    use SectionKind::*;
    assert_eq!(
        headings,
        [
            ("Sagsfremstilling", Presentation),
            ("Økonomi", Economy),
            ("Retsgrundlag", LegalBasis),
            ("Politik/Plan", Policy),
            ("Information", Information),
            ("Høring", Consultation),
            ("Vurdering", Assessment),
            ("Andre relevante dokumenter", RelatedDocuments),
            ("Indstilling", Recommendation),
            ("Oversigt", Overview),
            ("Beslutning i Direktionen den 20-11-2012", Decision),
            ("Bilag", Attachments),
        ]
    );
    let five = paragraphs(item(&m, 5));
    assert!(five.iter().any(|p| p.contains("som kommunerne *under ét* kommer til")));
    assert!(paragraphs(item(&m, 6)).iter().any(|p| p.contains("relancerer [www.htk.dk](http://www.htk.dk), så")));
    let decision = &item(&m, 6).decisions[0].text;
    assert_eq!(
        decision,
        "Godkendt. Per Aalbæk er direktionens repræsentant.\nDirektionen ønskede i denne forbindelse en status på it-promille-puljen."
    );
    let json = serde_json::to_string(&m).unwrap();
    assert!(!json.contains("<b>") && !json.contains("**"), "no raw HTML or bold markers in the model");
}

#[test]
fn seed_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_json_snapshot!("parse_2017-03-20", parse(SEED_2017));
        insta::assert_json_snapshot!("parse_2012-11-20", parse(SEED_2012));
    });
}

#[test]
fn cli_parse_prints_the_json_shape() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["parse", SEED_2017])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["body", "date", "start", "location", "participants", "items"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["date"], "2017-03-20");
    assert_eq!(v["start"], "10:00");
    let five = &v["items"][4];
    for key in ["number", "title", "case", "closed", "sections", "decisions", "attachments"] {
        assert!(five.get(key).is_some(), "{key}");
    }
    assert_eq!(five["case"], "16/20774");
    assert_eq!(five["sections"][0]["heading"], "Baggrund");
    assert_eq!(five["sections"][0]["kind"], "background");
    assert_eq!(five["decisions"][0]["date"], "2017-03-20");
    assert_eq!(five["decisions"][0]["body"], "Direktionen");
    assert!(five["decisions"][0]["text"].is_string());
    assert_eq!(v["items"][1]["closed"], true);
}

#[test]
fn cli_parse_survives_a_reader_that_stops_early() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["parse", SEED_2012])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success());
}
