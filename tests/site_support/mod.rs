//! Shared helpers for the site tests: a realistic hand-made site, rendering it, and walking the output.
#![allow(dead_code)]

use referat::config::Config;
use referat::link::Site;
use referat::model::*;
use referat::render::{self, RenderOptions};
use std::path::{Path, PathBuf};

/// A string that appears only inside closed items: it must never reach any output.
pub const CLOSED_MARKER: &str = "LUKKET-HEMMELIGHED-7f3a9";

fn para(t: &str) -> Block {
    Block::Paragraph { text: t.into() }
}

fn section(heading: &str, kind: SectionKind, blocks: Vec<Block>) -> Section {
    Section { heading: heading.into(), kind, blocks }
}

fn item(number: u32, title: &str, case: &str, sections: Vec<Section>) -> AgendaItem {
    AgendaItem {
        number,
        title: title.into(),
        case: Some(case.parse().unwrap()),
        closed: false,
        line: number as usize * 10,
        sections,
        decisions: vec![],
        attachments: vec![],
    }
}

fn closed(number: u32, case: &str) -> AgendaItem {
    AgendaItem {
        number,
        title: format!("Lukket {CLOSED_MARKER}"),
        case: Some(case.parse().unwrap()),
        closed: true,
        line: number as usize * 10,
        sections: vec![],
        decisions: vec![],
        attachments: vec![],
    }
}

fn decision(body: &str, date: &str, text: &str) -> (Section, Decision) {
    let d: chrono::NaiveDate = date.parse().unwrap();
    let heading = format!("Beslutning {body} den {}", d.format("%d-%m-%Y"));
    (
        section(&heading, SectionKind::Decision, vec![para(text)]),
        Decision { body: body.into(), date: d, text: text.into() },
    )
}

fn meeting(body: &str, date: &str, source: &str, items: Vec<AgendaItem>) -> Meeting {
    Meeting {
        source: source.into(),
        body: body.into(),
        date: date.parse().unwrap(),
        start: chrono::NaiveTime::from_hms_opt(10, 0, 0),
        end: chrono::NaiveTime::from_hms_opt(12, 0, 0),
        location: Some("B204".into()),
        participants: vec![
            Participant { name: "Lars Holte".into(), party: None, role: None },
            Participant { name: "Kathrine Seier Skastrup".into(), party: None, role: Some("sekretær".into()) },
        ],
        absent: vec![Participant { name: "Jørgen Lerhard".into(), party: None, role: None }],
        toc: vec![],
        items,
    }
}

/// Meetings shaped like the seed minutes: sections, a decision, lists, a table with `<b>` cells,
/// attachments, closed items, a case treated across meetings and bodies, date mentions.
pub fn meetings() -> Vec<Meeting> {
    let mut eco = item(
        1,
        "Økonomiopfølgning - 20-03-2017",
        "16/26813",
        vec![section(
            "Baggrund",
            SectionKind::Background,
            vec![para("Status på revisionsanbefalinger:"), para("Udskudt fra direktionmødet 13-03-2017")],
        )],
    );
    eco.attachments = vec!["Status på revisionsanbefalinger til direktionen - Januar 2017".into()];

    let (dec_section, dec) = decision(
        "Direktionen",
        "2017-03-20",
        "Direktionen godkendte, at politikkerne sendes videre til politisk behandling.",
    );
    let mut policy = item(
        3,
        "Godkendelse af handicappolitik og udsattepolitik",
        "15/14789",
        vec![
            section(
                "Baggrund",
                SectionKind::Background,
                vec![para("Socialudvalget godkendte i januar 2016 en *proces*.")],
            ),
            section(
                "Indstilling",
                SectionKind::Recommendation,
                vec![
                    para("Det indstilles, at Direktionen godkender:"),
                    Block::List {
                        ordered: true,
                        start: 1,
                        items: vec![
                            "Handicappolitikken med henblik på videre behandling".into(),
                            "Udsattepolitikken med henblik på videre behandling".into(),
                        ],
                    },
                ],
            ),
            dec_section,
            section(
                "Sagsfremstilling",
                SectionKind::Presentation,
                vec![
                    Block::Subheading { text: "Effektiviseringsstrategi".into() },
                    para("Tabellen viser status, jf. sag 16/6952."),
                    Block::Table(Table {
                        caption: Some("Tabel 1. Nye bomiljøer".into()),
                        header_rows: 1,
                        rows: vec![
                            vec![cell("Bomiljø", false), cell("Antal boliger", false), cell("Ledige", false)],
                            vec![cell("Sønderby Torv", true), cell("11", true), cell("3", true)],
                            vec![cell("I alt", true), cell("27", true)],
                        ],
                    }),
                ],
            ),
        ],
    );
    policy.decisions = vec![dec];
    policy.attachments = vec!["Handicappolitik".into(), "Udsattepolitik".into()];

    let (postponed_section, postponed) = decision("Direktionen", "2017-03-20", "Udskudt.");
    let mut maker = item(
        4,
        "Etablering af ungdomskulturelt makerspace",
        "16/6952",
        vec![
            section(
                "Indstilling",
                SectionKind::Recommendation,
                vec![Block::List {
                    ordered: false,
                    start: 1,
                    items: vec!["Drøfter forslaget".into(), "Beslutter tids- og procesplan".into()],
                }],
            ),
            postponed_section,
            section(
                "Vurdering",
                SectionKind::Other,
                vec![para("Se [www.htk.dk](http://www.htk.dk) og <b>fed</b> tekst & mere.")],
            ),
        ],
    );
    maker.decisions = vec![postponed];

    let march20 = meeting(
        "Direktionen",
        "2017-03-20",
        "direktionen/2017-03-20.txt",
        vec![eco, closed(2, "17/171"), policy, maker, closed(8, "16/26813")],
    );
    let march13 = meeting(
        "Direktionen",
        "2017-03-13",
        "direktionen/2017-03-13.txt",
        vec![item(
            1,
            "Økonomiopfølgning - 13-03-2017",
            "16/26813",
            vec![section("Baggrund", SectionKind::Background, vec![para("Punktet udskydes.")])],
        )],
    );
    let (council_section, council_dec) =
        decision("Byrådet", "2017-04-25", "Byrådet vedtog politikkerne, jf. Direktionens beslutning den 20-03-2017.");
    let mut council_item = item(12, "Handicappolitik og udsattepolitik", "15/14789", vec![council_section]);
    council_item.decisions = vec![council_dec];
    let council = meeting("Byrådet", "2017-04-25", "byraadet/2017/04-25.md", vec![council_item]);
    let old = meeting(
        "Direktionen",
        "2012-11-20",
        "direktionen/2012-11-20.md",
        vec![item(
            1,
            "Økonomiopfølgning 20-11-2012",
            "11/34493",
            vec![section(
                "Sagsfremstilling",
                SectionKind::Presentation,
                vec![para("Ana-Maria eftersender materialet.")],
            )],
        )],
    );
    vec![march20, march13, council, old]
}

fn cell(t: &str, strong: bool) -> Cell {
    Cell { text: t.into(), strong }
}

pub fn site(base_url: &str) -> Site {
    let mut config = Config::default();
    config.set_base_url(base_url).unwrap();
    config.municipality = "Høje-Taastrup Kommune".into();
    Site::new(config, meetings())
}

/// Renders `site` into a fresh temporary folder.
pub fn render_site(site: &Site) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let opts = RenderOptions { templates: Some(repo().join("templates")), ..Default::default() };
    render::render(site, &out, &opts).unwrap();
    (dir, out)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir`, sorted, as (path relative to dir, contents).
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Checks every `href`/`src` in every HTML file below `out` that points into the site (root-relative
/// under `base_path`, or a bare `#anchor`): the file must exist and the anchor must be an `id` in it.
/// Root-relative links outside the base path are errors too (they break under a sub-path).
pub fn broken_links(out: &Path, base_path: &str) -> Vec<String> {
    let attr = regex::Regex::new(r#"\s(?:href|src)="([^"]*)""#).unwrap();
    let id = regex::Regex::new(r#"\sid="([^"]*)""#).unwrap();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (rel, bytes) in files(out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for cap in attr.captures_iter(&html) {
            let link =
                cap[1].replace("&#x2F;", "/").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
            if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p.to_string(), Some(f.to_string())),
                None => (link.clone(), None),
            };
            let target = if path.is_empty() {
                out.join(&rel)
            } else if let Some(inside) = path.strip_prefix(base_path) {
                let inside = inside.split('?').next().unwrap();
                if inside.is_empty() || inside.ends_with('/') {
                    out.join(inside).join("index.html")
                } else {
                    out.join(inside)
                }
            } else {
                broken.push(format!("{rel}: {link} is not below {base_path}"));
                continue;
            };
            if !target.is_file() {
                broken.push(format!("{rel}: {link} → missing {}", target.display()));
                continue;
            }
            if let Some(f) = fragment {
                let text = std::fs::read_to_string(&target).unwrap();
                if !id.captures_iter(&text).any(|c| c[1] == *f) {
                    broken.push(format!("{rel}: {link} → no id {f:?}"));
                }
            }
        }
    }
    assert!(checked > 0, "no internal links found at all");
    broken
}

/// Problems with markup in `html`: script elements other than the theme's own, event-handler
/// attributes, `javascript:` URLs, frames, images and inline SVG (the theme has none).
pub fn unsafe_markup(html: &str) -> Vec<String> {
    let tag = regex::Regex::new(r#"(?is)<([a-z][a-z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#).unwrap();
    let attr = regex::Regex::new(r#"(?is)([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?"#).unwrap();
    let mut found = Vec::new();
    for t in tag.captures_iter(html) {
        let name = t[1].to_lowercase();
        let mut bad = matches!(name.as_str(), "iframe" | "img" | "svg" | "object" | "embed");
        let mut own_script = false;
        for a in attr.captures_iter(&t[2]) {
            let key = a[1].to_lowercase();
            let value = a.get(2).or(a.get(3)).or(a.get(4)).map_or("", |m| m.as_str());
            let value: String = value.replace("&#x3A;", ":").chars().filter(|c| !c.is_whitespace()).collect();
            bad |= key.starts_with("on");
            bad |= matches!(key.as_str(), "href" | "src" | "action") && value.to_lowercase().starts_with("javascript:");
            own_script |= key == "src" && value.starts_with("/static/");
        }
        // The theme's own scripts are files under static/; inline or foreign scripts are not.
        bad |= name == "script" && !own_script;
        if bad {
            found.push(t[0].to_string());
        }
    }
    found
}

/// Open data is compact JSON; snapshots show it pretty-printed so reviews can read the diff.
/// The hash in a static file's address (`static/style.1a2b3c4d5e.css`) is `[hash]`: a golden page
/// must not change with every edit of the stylesheet (tests/site_build.rs checks the hashes).
pub fn readable(text: &str, page: &str) -> String {
    if page.ends_with(".json") {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        serde_json::to_string_pretty(&value).unwrap()
    } else {
        let hashed = regex::Regex::new(r#"(static/[^"]*)\.[0-9a-f]{10}\.(\w+)""#).unwrap();
        hashed.replace_all(text, r#"$1.[hash].$2""#).into_owned()
    }
}
