//! Hand-built and synthetic meetings for the search tests and the search benchmark.
//!
//! The synthetic corpus reuses sentences and titles from the seed minutes in content/, adds a long
//! tail of rare words (street names, people) like real minutes have, and is deterministic.
#![allow(dead_code)]

use chrono::NaiveDate;
use referat::case::CaseNumber;
use referat::config::Config;
use referat::link::Site;
use referat::model::{AgendaItem, Block, Decision, Meeting, Participant, Section, SectionKind};
use std::path::PathBuf;

/// A small deterministic random source (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Zipf-like: small indexes much more often than large ones.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0) as usize % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn para(text: &str) -> Block {
    Block::Paragraph { text: text.to_string() }
}

pub fn section(kind: SectionKind, heading: &str, blocks: Vec<Block>) -> Section {
    Section { heading: heading.to_string(), kind, blocks }
}

pub fn item(number: u32, title: &str, case: Option<&str>, sections: Vec<Section>) -> AgendaItem {
    AgendaItem {
        number,
        title: title.to_string(),
        case: case.map(|c| c.parse().unwrap()),
        closed: false,
        line: number as usize * 10,
        sections,
        decisions: Vec::new(),
        attachments: Vec::new(),
    }
}

pub fn closed(number: u32, case: &str) -> AgendaItem {
    AgendaItem { closed: true, sections: Vec::new(), ..item(number, "Lukket", Some(case), Vec::new()) }
}

pub fn meeting(body: &str, day: &str, items: Vec<AgendaItem>) -> Meeting {
    Meeting {
        source: PathBuf::from(format!("{}/{day}.md", slug::slugify(body))),
        body: body.to_string(),
        date: date(day),
        start: None,
        end: None,
        absent: Vec::new(),
        location: Some("B204".to_string()),
        participants: vec![Participant { name: "Lars Holte".into(), party: None, role: None }],
        toc: Vec::new(),
        items,
    }
}

/// A small site with known content: Danish letters, case numbers in both forms, dates, closed items.
pub fn small_site() -> Site {
    let m1 = meeting(
        "Direktionen",
        "2017-03-20",
        vec![
            item(
                1,
                "Økonomiopfølgning - 20-03-2017",
                Some("16/26813"),
                vec![section(SectionKind::Background, "Baggrund", vec![para("Udskudt fra direktionmødet 13-03-2017")])],
            ),
            closed(2, "17/171"),
            item(
                3,
                "Godkendelse af handicappolitik og udsattepolitik",
                Some("15/14789"),
                vec![section(
                    SectionKind::Background,
                    "Baggrund",
                    vec![para("Socialudvalget godkendte i januar 2016 en revision af *handicappolitikken*.")],
                )],
            ),
            item(
                4,
                "Lokalplan for Århus Bygade",
                Some("00.01.00-A00-1-21"),
                vec![section(
                    SectionKind::Presentation,
                    "Sagsfremstilling",
                    vec![para("Lokalplanerne for området ved Aarhus Bygade og Ørstedsvej skal revideres.")],
                )],
            ),
        ],
    );
    let mut m2 = meeting(
        "Byrådet",
        "2018-06-12",
        vec![
            item(
                1,
                "Budget 2019",
                Some("18/1000"),
                vec![section(
                    SectionKind::Background,
                    "Baggrund",
                    vec![para("Første behandling af budgettet, jf. sag 16/26813.")],
                )],
            ),
            item(
                2,
                "Ny lokalplan for Taastrup Hovedgade",
                Some("16/26813"),
                vec![section(SectionKind::Background, "Baggrund", vec![para("Forslag til lokalplan vedtages.")])],
            ),
        ],
    );
    m2.items[1].decisions.push(Decision {
        body: "Byrådet".into(),
        date: date("2018-06-12"),
        text: "Godkendt, dog ikke arkitektkonkurrencen.".into(),
    });
    Site::new(Config::default(), vec![m1, m2])
}

/// The text of the seed minutes in content/, for synthetic paragraphs and titles.
fn seed_text() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        text.push_str(&String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap_or_default()));
        text.push('\n');
    }
    text
}

const BODIES: &[&str] = &[
    "Byrådet",
    "Direktionen",
    "Økonomiudvalget",
    "Teknik- og Miljøudvalget",
    "Børne- og Skoleudvalget",
    "Social- og Sundhedsudvalget",
    "Kultur- og Fritidsudvalget",
    "Arbejdsmarkedsudvalget",
    "Plan- og Udviklingsudvalget",
    "Handicaprådet",
    "Ældrerådet",
    "Integrationsrådet",
];

const EXTRA_TITLES: &[&str] = &[
    "Lokalplan for boligområde",
    "Forslag til lokalplan og kommuneplantillæg",
    "Endelig vedtagelse af lokalplanerne",
    "Budgetopfølgning pr. 31. marts",
    "Budget 2020-2023, 1. behandling",
    "Høring om trafikplan",
    "Klimatilpasning og skybrudsplan",
    "Skolernes kvalitetsrapport",
    "Ansøgning om tilskud fra puljen",
    "Orientering om beskæftigelsesindsatsen",
];

const SYLLABLES: &[&str] = &[
    "ho", "ve", "sted", "by", "gaard", "lund", "mark", "høj", "rup", "strup", "bæk", "dal", "toft", "holm", "vang",
    "sø", "kær", "ager", "næs", "skov", "ås", "ring", "torp", "bjerg", "hus", "kilde", "enge", "vej", "mose", "have",
];

/// A synthetic site with about `items` open agenda items (plus a closed one per meeting).
pub fn synthetic_site(items: usize, seed: u64) -> Site {
    let text = seed_text();
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| p.len() > 60 && !p.contains('<') && !p.starts_with('#') && !p.contains('\t'))
        .collect();
    let titles: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().trim_start_matches("## ").trim_matches('*').strip_prefix("Punkt "))
        .filter_map(|l| l.split_once(": ").map(|(_, t)| t.trim_matches('*').to_string()))
        .filter(|t| t != "Lukket")
        .chain(EXTRA_TITLES.iter().map(|t| t.to_string()))
        .collect();
    let mut rng = Rng::new(seed);
    let rare: Vec<String> =
        (0..40_000).map(|_| (0..2 + rng.below(2)).map(|_| *rng.pick(SYLLABLES)).collect::<String>()).collect();
    let per_meeting = 8;
    let mut meetings = small_site().meetings;
    let mut serial = 1000u32;
    let mut made = 0;
    while made < items {
        let body = BODIES[rng.skewed(BODIES.len())];
        let year = 2008 + rng.below(19) as i32;
        let day = NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32).unwrap();
        let mut list = Vec::new();
        for n in 1..=per_meeting.min(items - made) as u32 {
            serial += 1 + rng.below(40) as u32;
            let yy = (year % 100) as u16;
            let case = if rng.below(10) == 0 {
                format!(
                    "{:02}.{:02}.{:02}-A{:02}-{}-{}",
                    rng.below(30),
                    rng.below(30),
                    rng.below(30),
                    rng.below(30),
                    rng.below(50),
                    yy
                )
            } else {
                format!("{yy:02}/{serial}")
            };
            let place = rng.pick(&rare).clone();
            let title = format!("{} - {}", rng.pick(&titles), capitalize(&place));
            let mut blocks: Vec<Block> = (0..2 + rng.below(3)).map(|_| para(rng.pick::<&str>(&paragraphs))).collect();
            let names: Vec<String> = (0..4).map(|_| capitalize(&rare[rng.skewed(rare.len())])).collect();
            let city =
                if rng.below(20) == 0 { *rng.pick(&["Aarhus", "Århus", "Ålborg", "Aalborg"]) } else { "Taastrup" };
            blocks.push(para(&format!(
                "Sagen vedrører {} og {} i {city}. Se også {}.",
                names[0],
                names[1],
                names[2..].join(", ")
            )));
            let mut it = item(n, &title, None, vec![section(SectionKind::Background, "Baggrund", blocks)]);
            it.case = case.parse::<CaseNumber>().ok();
            it.decisions.push(Decision {
                body: body.to_string(),
                date: day,
                text: format!("{} Godkendt.", rng.pick(&paragraphs).chars().take(200).collect::<String>()),
            });
            list.push(it);
            made += 1;
        }
        list.push(closed(per_meeting as u32 + 1, "17/171"));
        meetings.push(Meeting {
            source: PathBuf::from(format!("{}/{day}-{made}.md", slug::slugify(body))),
            ..meeting(body, &day.to_string(), list)
        });
    }
    Site::new(Config::default(), meetings)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
