//! Benchmark corpus generator: writes N realistic meetings in both seed formats, built from the real
//! agenda items in `content/`, with new dates, several bodies and case numbers that recur across meetings.
//!
//! Usage: `cargo run --release --example gen-corpus -- N OUT [--seed S] [--content DIR]`
//!
//! Output: `OUT/<body-slug>/<year>/<yyyy-mm-dd>.txt|.md`, half plain text (as extracted from PDF),
//! half markdown-ish, about 8 items per meeting. The same N, seed and content give byte-identical output.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rayon::prelude::*;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    count: usize,
    out: PathBuf,
    seed: u64,
    content: PathBuf,
}

const USAGE: &str = "usage: gen-corpus N OUT [--seed S] [--content DIR]";

fn parse_args() -> Result<Args, String> {
    let mut pos = Vec::new();
    let (mut seed, mut content) = (1u64, PathBuf::from("content"));
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).ok_or("--seed needs a number")?,
            "--content" => content = it.next().ok_or("--content needs a folder")?.into(),
            "-h" | "--help" => return Err(USAGE.into()),
            _ => pos.push(a),
        }
    }
    let [n, out] = <[String; 2]>::try_from(pos).map_err(|_| USAGE.to_string())?;
    let count = n.parse().map_err(|_| format!("N must be a number, not {n:?}"))?;
    Ok(Args { count, out: out.into(), seed, content })
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let start = Instant::now();
    let seeds = Seeds::load(&args.content)?;
    let plan = Plan::new(args.count, args.seed);
    let dirs: HashSet<PathBuf> =
        plan.meetings.iter().map(|m| args.out.join(plan.rel_path(m)).with_file_name("")).collect();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let bytes: Result<Vec<usize>, String> = (0..plan.meetings.len())
        .into_par_iter()
        .map(|i| {
            let text = write_meeting(&plan, i, &seeds, args.seed);
            let path = args.out.join(plan.rel_path(&plan.meetings[i]));
            std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(text.len())
        })
        .collect();
    let bytes: usize = bytes?.iter().sum();
    let items: usize = plan.meetings.iter().map(|m| m.items.len()).sum();
    eprintln!(
        "gen-corpus: {} meetings, {items} items, {} cases, {:.1} MB in {:.2} s -> {}",
        plan.meetings.len(),
        plan.cases.len(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (own PRNG so output never changes with a crate version).

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    /// SplitMix64.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.next() as usize % v.len()]
    }
    fn fork(&self, salt: u64) -> Rng {
        Rng::new(self.0.wrapping_mul(31).wrapping_add(salt.wrapping_mul(0x2545_F491_4F6C_DD1D)))
    }
}

// ---------------------------------------------------------------------------------------------
// The seed material: real agenda items split into sections and blocks.

/// Section kinds as the parser reads the headings, so generated minutes mean what real ones do.
use referat::model::SectionKind as Kind;

fn kind_of(heading: &str) -> Kind {
    referat::parse::sections::kind_of(heading).unwrap_or(Kind::Other)
}

/// Headings the plain-text format writes as bare lines.
const TXT_HEADINGS: &[&str] = &[
    "Baggrund",
    "Sagsfremstilling",
    "Indstilling",
    "Bilag",
    "Økonomi",
    "Retsgrundlag",
    "Næste skridt",
    "Politik/Plan",
    "Information",
    "Høring",
    "Vurdering",
    "Andre relevante dokumenter",
    "Oversigt",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BlockKind {
    Para,
    Sub,
    List,
    Table,
}

/// One block, pre-rendered for both formats.
#[derive(Clone, Debug)]
struct Block {
    kind: BlockKind,
    md: String,
    txt: String,
}

#[derive(Clone, Debug)]
struct SeedSection {
    heading: String,
    kind: Kind,
    blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
struct SeedItem {
    sections: Vec<SeedSection>,
}

struct Seeds {
    items: Vec<SeedItem>,
    titles: Vec<String>,
    /// Paragraph blocks by section kind.
    paras: HashMap<Kind, Vec<Block>>,
    decisions: Vec<String>,
    attachments: Vec<String>,
    other_sections: Vec<SeedSection>,
    chain: Chain,
    stems: Vec<String>,
    /// Seed words that look like nouns (by ending), for titles.
    nouns: Vec<String>,
}

/// Endings of Danish nouns common in agenda titles ("handleplan", "udviklingen", "strategi").
const NOUN_ENDINGS: &[&str] = &[
    "ning", "else", "plan", "politik", "strategi", "tilbud", "område", "center", "projekt", "hed", "tion", "udvalg",
    "budget", "miljø", "aftale", "løsning", "system", "side", "råd", "gruppe", "sag", "sager", "proces", "indsats",
];

/// First parts of Danish compounds, so titles and text coin new words as real minutes do.
const COMPOUND_HEADS: &[&str] = &[
    "skole",
    "bolig",
    "ældre",
    "børne",
    "sundheds",
    "trafik",
    "klima",
    "kultur",
    "idræts",
    "erhvervs",
    "borger",
    "social",
    "handicap",
    "miljø",
    "budget",
    "it-",
    "digitaliserings",
    "ungdoms",
    "beskæftigelses",
    "dagtilbuds",
    "vej",
    "affalds",
    "vand",
    "natur",
    "biblioteks",
    "integrations",
    "lokal",
    "anlægs",
    "drifts",
    "kvalitets",
];

impl Seeds {
    fn load(content: &Path) -> Result<Seeds, String> {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(content)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
            .collect();
        files.sort();
        let mut items = Vec::new();
        let mut titles = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
            for (title, item) in split_items(&text) {
                if title != "Lukket" {
                    titles.push(title);
                }
                if !item.sections.is_empty() {
                    items.push(item);
                }
            }
        }
        if items.is_empty() {
            return Err(format!("no agenda items with content found in {}", content.display()));
        }
        Ok(Seeds::from_items(items, titles))
    }

    fn from_items(items: Vec<SeedItem>, titles: Vec<String>) -> Seeds {
        let mut paras: HashMap<Kind, Vec<Block>> = HashMap::new();
        let (mut decisions, mut attachments, mut other_sections) = (Vec::new(), Vec::new(), Vec::new());
        let mut prose = Vec::new();
        for s in items.iter().flat_map(|i| &i.sections) {
            match s.kind {
                Kind::Decision => {
                    decisions.push(s.blocks.iter().map(|b| b.md.as_str()).collect::<Vec<_>>().join("\n\n"))
                }
                Kind::Attachments => attachments.extend(s.blocks.iter().map(|b| b.md.clone())),
                Kind::Other => other_sections.push(s.clone()),
                _ => {}
            }
            for b in s.blocks.iter().filter(|b| b.kind == BlockKind::Para) {
                if s.kind != Kind::Attachments {
                    paras.entry(s.kind).or_default().push(b.clone());
                }
                if b.txt.len() > 60 {
                    prose.push(b.txt.clone());
                }
            }
        }
        let chain = Chain::new(&prose);
        let mut stems: Vec<String> = chain
            .words
            .iter()
            .filter(|w| {
                (4..=9).contains(&w.chars().count()) && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            })
            .cloned()
            .collect();
        stems.sort();
        stems.dedup();
        let mut nouns: Vec<String> = chain
            .words
            .iter()
            .map(|w| w.trim_end_matches([',', '.', ')', ':']).to_lowercase())
            .filter(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
            .filter(|w| NOUN_ENDINGS.iter().any(|e| w.ends_with(e)))
            .collect();
        nouns.sort();
        nouns.dedup();
        Seeds { items, titles, paras, decisions, attachments, other_sections, chain, stems, nouns }
    }
}

/// The "Punkt N: Title" heading of either format, as (number, title).
fn item_heading(line: &str) -> Option<(u32, String)> {
    let l = strip_md(line.trim().trim_start_matches('#').trim());
    let rest = l.strip_prefix("Punkt ")?;
    let (n, title) = rest.split_once(':')?;
    Some((n.trim().parse().ok()?, title.trim().to_string()))
}

/// Removes bold markers and heading hashes: the heading text as a reader sees it.
fn strip_md(s: &str) -> String {
    s.trim().trim_start_matches('#').trim().replace("**", "")
}

/// Plain-text rendering of an inline markdown line: no emphasis, links as their text, no escapes or tags.
fn md_to_txt(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find("](").and_then(|close| after[close..].find(')').map(|end| (close, close + end))) {
            Some((close, end)) => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace('*', "").replace("\\_", "_").replace("<b>", "").replace("</b>", "")
}

/// Splits one seed file into its agenda items (title, content), whatever the format.
fn split_items(text: &str) -> Vec<(String, SeedItem)> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| item_heading(lines[i]).is_some()).collect();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let Some((_, title)) = item_heading(lines[s]) else { continue };
        let body = &lines[s + 1..end];
        // The first non-empty line is the case number; the rest is the item's content.
        let first = body.iter().position(|l| !l.trim().is_empty()).map_or(body.len(), |p| p + 1);
        out.push((title, SeedItem { sections: split_sections(&body[first.min(body.len())..]) }));
    }
    out
}

fn is_section_heading(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('#') {
        return !t.starts_with("####");
    }
    TXT_HEADINGS.contains(&t) || (t.starts_with("Beslutning ") && t.contains(" den "))
}

fn split_sections(lines: &[&str]) -> Vec<SeedSection> {
    let mut sections: Vec<SeedSection> = Vec::new();
    let mut chunk: Vec<&str> = Vec::new();
    let flush = |chunk: &mut Vec<&str>, sections: &mut Vec<SeedSection>| {
        if let (Some(s), false) = (sections.last_mut(), chunk.is_empty()) {
            push_block(&mut s.blocks, chunk);
        }
        chunk.clear();
    };
    for &line in lines {
        if is_section_heading(line) {
            flush(&mut chunk, &mut sections);
            let heading = strip_md(line);
            sections.push(SeedSection { kind: kind_of(&heading), heading, blocks: Vec::new() });
        } else if line.trim().is_empty() {
            flush(&mut chunk, &mut sections);
        } else {
            chunk.push(line);
        }
    }
    flush(&mut chunk, &mut sections);
    sections
}

/// Adds one chunk of consecutive lines as a block; table pieces split by a blank line (a broken
/// header) and a "Tabel N." caption are merged into the table before them so they stay together.
fn push_block(blocks: &mut Vec<Block>, chunk: &[&str]) {
    let raw = chunk.join("\n");
    let is_table = chunk.iter().any(|l| l.contains('\t'));
    if is_table {
        if let Some(prev) = blocks.last_mut() {
            let caption = prev.kind == BlockKind::Para && prev.txt.starts_with("Tabel ");
            if prev.kind == BlockKind::Table || caption {
                prev.md = format!("{}\n\n{raw}", prev.md);
                prev.txt = format!("{}\n\n{}", prev.txt, md_to_txt(&raw));
                prev.kind = BlockKind::Table;
                return;
            }
        }
        blocks.push(Block { kind: BlockKind::Table, md: raw.clone(), txt: md_to_txt(&raw) });
        return;
    }
    let list = chunk.iter().all(|l| {
        let t = l.trim_start();
        t.starts_with("- ")
            || t.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let (kind, md) = if chunk.len() == 1 && chunk[0].trim_start().starts_with("####") {
        (BlockKind::Sub, chunk[0].trim().to_string())
    } else if list {
        (BlockKind::List, raw.clone())
    } else {
        (BlockKind::Para, raw.clone())
    };
    let txt = if kind == BlockKind::Sub { strip_md(&md) } else { md_to_txt(&raw) };
    blocks.push(Block { kind, md, txt });
}

// ---------------------------------------------------------------------------------------------
// Word-level Markov chain over the seed prose: new sentences with the seeds' vocabulary and rhythm.

struct Chain {
    words: Vec<String>,
    /// (w1, w2) → possible next words.
    next2: HashMap<(u32, u32), Vec<u32>>,
    /// w → possible next words (back-off, for variety).
    next1: HashMap<u32, Vec<u32>>,
    starts: Vec<(u32, u32)>,
}

impl Chain {
    fn new(prose: &[String]) -> Chain {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let (mut next2, mut next1, mut starts) = (HashMap::new(), HashMap::new(), Vec::new());
        for p in prose {
            let toks: Vec<u32> = p
                .split_whitespace()
                .map(|w| {
                    *ids.entry(w).or_insert_with(|| {
                        words.push(w.to_string());
                        (words.len() - 1) as u32
                    })
                })
                .collect();
            for w in toks.windows(3) {
                next2.entry((w[0], w[1])).or_insert_with(Vec::new).push(w[2]);
            }
            for w in toks.windows(2) {
                next1.entry(w[0]).or_insert_with(Vec::new).push(w[1]);
            }
            let mut at_start = true;
            for w in toks.windows(2) {
                if at_start && words[w[0] as usize].starts_with(char::is_uppercase) {
                    starts.push((w[0], w[1]));
                }
                at_start = words[w[0] as usize].ends_with('.');
            }
        }
        Chain { words, next2, next1, starts }
    }

    /// One sentence of 6 to 40 words, ending with a full stop.
    fn sentence(&self, rng: &mut Rng, stems: &[String], out: &mut String) {
        let &(mut a, mut b) = rng.pick(&self.starts);
        self.push_word(a, rng, stems, out);
        self.push_word(b, rng, stems, out);
        for n in 2..40 {
            if n >= 6 && ends_sentence(&self.words[b as usize]) {
                return;
            }
            let candidates = match self.next2.get(&(a, b)) {
                Some(c) if !rng.chance(0.25) => Some(c),
                _ => self.next1.get(&b),
            };
            let Some(c) = candidates else { break };
            let w = *rng.pick(c);
            self.push_word(w, rng, stems, out);
            (a, b) = (b, w);
        }
        if !out.ends_with('.') {
            out.push('.');
        }
    }

    /// Appends a word; sometimes a new compound (Danish coins them freely) or a renumbered figure,
    /// so the vocabulary keeps growing with the corpus as a real one does.
    fn push_word(&self, w: u32, rng: &mut Rng, stems: &[String], out: &mut String) {
        if !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
            out.push(' ');
        }
        let word = &self.words[w as usize];
        let long_lower = word.len() >= 7 && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
        if long_lower && rng.chance(0.05) {
            out.push_str(rng.pick::<String>(stems));
            out.push_str(rng.pick::<String>(stems));
        } else if word.bytes().any(|b| b.is_ascii_digit()) && rng.chance(0.6) {
            renumber(word, rng, out);
        } else {
            out.push_str(word);
        }
    }

    fn paragraph(&self, rng: &mut Rng, stems: &[String], target: usize) -> String {
        let mut p = String::with_capacity(target + 200);
        while p.len() < target {
            self.sentence(rng, stems, &mut p);
        }
        p
    }
}

/// A word with a full stop that is not one of the abbreviations the minutes use mid-sentence.
fn ends_sentence(w: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "pr.", "mio.", "kr.", "bl.a.", "fx.", "dvs.", "ca.", "jf.", "evt.", "inkl.", "mv.", "m.fl.", "d.", "o.a.",
        "pct.",
    ];
    w.ends_with('.') && !ABBREVIATIONS.contains(&w) && !w.ends_with("mio.kr.")
}

/// Copies `s` with its digits replaced by random ones (same shape, so "1.750.800" stays a sum).
fn renumber(s: &str, rng: &mut Rng, out: &mut String) {
    let mut first = true;
    for c in s.chars() {
        if c.is_ascii_digit() {
            let lo = if first { 1 } else { 0 };
            out.push((b'0' + rng.range(lo, 9) as u8) as char);
            first = false;
        } else {
            out.push(c);
            first = true;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The plan: which body meets when, and which case is on which agenda.

/// Bodies and their relative meeting frequency.
const BODIES: &[(&str, usize)] = &[
    ("Direktionen", 40),
    ("Byrådet", 11),
    ("Økonomiudvalget", 11),
    ("Teknik- og Miljøudvalget", 10),
    ("Børne- og Skoleudvalget", 10),
    ("Social- og Sundhedsudvalget", 10),
    ("Kultur- og Fritidsudvalget", 9),
    ("Plan- og Miljøudvalget", 9),
    ("Beskæftigelsesudvalget", 9),
    ("Ældreudvalget", 8),
    ("Borger- og Erhvervsudvalget", 8),
    ("Handicaprådet", 6),
    ("Udsatterådet", 5),
    ("Chefforum", 14),
];

/// Policy areas for naming more bodies when a large corpus needs more meeting slots.
const AREAS: &[&str] = &[
    "Klima",
    "Trafik",
    "Bolig",
    "Integration",
    "Sundhed",
    "Digitalisering",
    "Ejendom",
    "Landdistrikt",
    "Idræt",
    "Turisme",
    "Natur",
    "Forsyning",
    "Uddannelse",
    "Demokrati",
    "Innovation",
    "Beredskab",
];

const FIRST: &[&str] = &[
    "Lars",
    "Jørgen",
    "Per",
    "Charlotte",
    "Kathrine",
    "Anne",
    "Mette",
    "Søren",
    "Henrik",
    "Susanne",
    "Jens",
    "Hanne",
    "Peter",
    "Karen",
    "Michael",
    "Lone",
    "Thomas",
    "Birgitte",
    "Niels",
    "Pia",
    "Ole",
    "Helle",
    "Rasmus",
    "Camilla",
    "Jan",
    "Winnie",
    "Morten",
    "Tina",
    "Anders",
    "Louise",
];
const LAST: &[&str] = &[
    "Holte",
    "Lerhard",
    "Nielsen",
    "Markussen",
    "Skastrup",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Dahl",
    "Rygaard",
    "Jakobsen",
    "Milandt",
    "Aalbæk",
];
const PLACES: &[&str] = &[
    "Mødelokale B105",
    "B204",
    "Byrådssalen",
    "Rådhuset, mødelokale 1",
    "Rådhuset, mødelokale 3",
    "Kulturhuset, sal 2",
    "Taastrup Medborgerhus",
    "Hedehusene Bibliotek",
];
const TITLE_PREFIXES: &[&str] = &[
    "Godkendelse af",
    "Status på",
    "Etablering af",
    "Projektmandat -",
    "Orientering om",
    "Høring om",
    "Anlægsbevilling til",
    "Evaluering af",
    "Forslag til",
    "Revision af",
    "Udmøntning af",
    "Temadrøftelse om",
    "Tillægsbevilling til",
    "Igangsættelse af",
    "Principbeslutning om",
    "Budgetopfølgning for",
    "Lokalplan for",
    "Handleplan for",
];
const TITLE_PLACES: &[&str] = &[
    "Taastrup",
    "Hedehusene",
    "Fløng",
    "Reerslev",
    "Sengeløse",
    "Vridsløsemagle",
    "Sønderby Torv",
    "Porsehaven",
    "Græshøjvej",
    "Rådhuset",
];
const KLE_GROUPS: &[&str] =
    &["00.01.00", "00.01.10", "85.02.02", "27.69.48", "01.02.05", "17.01.00", "29.09.00", "00.22.00", "82.02.00"];

struct Case {
    number: String,
    closed: bool,
    /// Which seed item the content follows.
    template: usize,
    /// Seeds the case's own text, so every handling presents the same case.
    text_seed: u64,
}

/// One agenda item in the plan: a handling of a case.
#[derive(Clone)]
struct PlannedItem {
    case: usize,
    /// Body and date of the case's previous handling, if any (shown as an earlier decision).
    previous: Option<(usize, NaiveDate)>,
    handling: usize,
}

struct PlannedMeeting {
    body: usize,
    date: NaiveDate,
    markdown: bool,
    items: Vec<PlannedItem>,
}

struct Plan {
    bodies: Vec<String>,
    slugs: Vec<String>,
    meetings: Vec<PlannedMeeting>,
    cases: Vec<Case>,
}

impl Plan {
    /// `<body-slug>/<year>/<yyyy-mm-dd>.txt|md`
    fn rel_path(&self, m: &PlannedMeeting) -> PathBuf {
        let ext = if m.markdown { "md" } else { "txt" };
        PathBuf::from(format!("{}/{}/{}.{ext}", self.slugs[m.body], m.date.year(), m.date.format("%Y-%m-%d")))
    }
}

fn weekdays() -> Vec<NaiveDate> {
    let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(2007, 1, 1), NaiveDate::from_ymd_opt(2026, 12, 31)) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

impl Plan {
    fn new(count: usize, seed: u64) -> Plan {
        let mut rng = Rng::new(seed);
        let days = weekdays();
        let bodies = body_names(count, days.len());
        let slugs: Vec<String> = bodies.iter().map(slug::slugify).collect();
        let mut meetings = schedule(count, &bodies, &days, &mut rng);
        let mut cases = Vec::new();
        assign_cases(&mut meetings, &mut cases, &mut rng);
        Plan { bodies, slugs, meetings, cases }
    }
}

/// The core bodies, plus more committees when the corpus needs more (body, date) slots than they have.
fn body_names(count: usize, days: usize) -> Vec<String> {
    let mut names: Vec<String> = BODIES.iter().map(|(n, _)| n.to_string()).collect();
    let per_body = days / 3;
    let mut k = 0;
    while names.len() * per_body < count {
        let (a, b) = (AREAS[k % AREAS.len()], AREAS[(k / AREAS.len() + k + 1) % AREAS.len()]);
        let extra = k / (AREAS.len() * AREAS.len());
        names.push(if extra == 0 {
            format!("{a}- og {}udvalget", b.to_lowercase())
        } else {
            format!("{a}- og {}udvalget {}", b.to_lowercase(), extra + 1)
        });
        k += 1;
    }
    names
}

/// Distinct weekdays per body, in proportion to how often each body meets.
fn schedule(count: usize, bodies: &[String], days: &[NaiveDate], rng: &mut Rng) -> Vec<PlannedMeeting> {
    let weight = |b: usize| BODIES.get(b).map_or(8, |(_, w)| *w);
    let total: usize = (0..bodies.len()).map(weight).sum();
    let cap = days.len() / 3;
    let mut per: Vec<usize> = (0..bodies.len()).map(|b| (count * weight(b) / total).min(cap)).collect();
    let mut b = 0;
    while per.iter().sum::<usize>() < count {
        if per[b] < cap {
            per[b] += 1;
        }
        b = (b + 1) % bodies.len();
    }
    let mut meetings = Vec::with_capacity(count);
    for (body, &n) in per.iter().enumerate() {
        let mut taken = HashSet::with_capacity(n);
        while taken.len() < n {
            taken.insert(rng.range(0, days.len() - 1));
        }
        let mut chosen: Vec<usize> = taken.into_iter().collect();
        chosen.sort_unstable();
        meetings.extend(chosen.into_iter().map(|d| PlannedMeeting {
            body,
            date: days[d],
            markdown: false,
            items: vec![],
        }));
    }
    meetings.sort_by_key(|m| (m.date, m.body));
    for (i, m) in meetings.iter_mut().enumerate() {
        m.markdown = i % 2 == 1;
    }
    meetings
}

/// A case waiting for its next handling, ordered by due date (earliest first).
#[derive(PartialEq, Eq)]
struct Due {
    date: NaiveDate,
    case: usize,
    handling: usize,
    left: usize,
    previous: (usize, NaiveDate),
}
impl Ord for Due {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        (o.date, o.case).cmp(&(self.date, self.case))
    }
}
impl PartialOrd for Due {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

/// Fills every meeting with about 8 items: follow-ups of earlier cases that are due, then new cases.
/// A case is handled 1 to 5 times, weeks to months apart, by whichever body meets next.
fn assign_cases(meetings: &mut [PlannedMeeting], cases: &mut Vec<Case>, rng: &mut Rng) {
    let mut due: BinaryHeap<Due> = BinaryHeap::new();
    let mut numbers = HashSet::new();
    for meeting in meetings.iter_mut() {
        let (body, date) = (meeting.body, meeting.date);
        let n = rng.range(5, 11);
        let mut items = Vec::with_capacity(n);
        while items.len() + 1 < n && due.peek().is_some_and(|d| d.date <= date) {
            let Some(d) = due.pop() else { break };
            items.push(PlannedItem { case: d.case, previous: Some(d.previous), handling: d.handling });
            if d.left > 0 {
                due.push(Due {
                    date: date + Duration::days(rng.range(7, 120) as i64),
                    case: d.case,
                    handling: d.handling + 1,
                    left: d.left - 1,
                    previous: (body, date),
                });
            }
        }
        while items.len() < n {
            let case = new_case(cases.len(), date, rng, &mut numbers);
            let handlings = *rng.pick(&[1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5]);
            if handlings > 1 {
                due.push(Due {
                    date: date + Duration::days(rng.range(7, 120) as i64),
                    case: cases.len(),
                    handling: 1,
                    left: handlings - 2,
                    previous: (body, date),
                });
            }
            items.push(PlannedItem { case: cases.len(), previous: None, handling: 0 });
            cases.push(case);
        }
        // Closed items are usually placed late on the agenda, like the seeds' "Lukket" items.
        items.sort_by_key(|i| cases[i.case].closed);
        meeting.items = items;
    }
}

fn new_case(id: usize, date: NaiveDate, rng: &mut Rng, numbers: &mut HashSet<String>) -> Case {
    let number = loop {
        let year = (date.year() - if rng.chance(0.3) { 1 } else { 0 }) % 100;
        let n = if rng.chance(0.12) {
            let facet = *rng.pick(&['A', 'G', 'P', 'S', 'K']);
            format!("{}-{facet}{:02}-{}-{year:02}", rng.pick(KLE_GROUPS), rng.range(0, 30), rng.range(1, 300))
        } else {
            format!("{year:02}/{}", rng.range(1, 39_999))
        };
        if numbers.insert(n.clone()) {
            break n;
        }
    };
    Case { number, closed: rng.chance(0.1), template: rng.next() as usize, text_seed: rng.next() ^ id as u64 }
}

// ---------------------------------------------------------------------------------------------
// Writing one meeting.

fn dmy(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A case's title: a real one from the seeds (dates refreshed) or a new one from its vocabulary.
fn case_title(case: &Case, seeds: &Seeds, date: NaiveDate) -> String {
    let mut rng = Rng::new(case.text_seed ^ 0x7171);
    if rng.chance(0.3) {
        let t = rng.pick(&seeds.titles);
        let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
        return if rng.chance(0.5) { format!("{t} - {}", dmy(date)) } else { t.to_string() };
    }
    let topic = topic_word(&mut rng, &seeds.nouns);
    let mut t = format!("{} {topic}", rng.pick(TITLE_PREFIXES));
    match rng.range(0, 5) {
        0 => write!(t, " i {}", rng.pick(TITLE_PLACES)).ok(),
        1 => write!(t, " {}", date.year() + rng.range(0, 1) as i32).ok(),
        2 => write!(t, " og {}", topic_word(&mut rng, &seeds.nouns)).ok(),
        _ => None,
    };
    t
}

/// A noun from the seeds, often made a compound ("skole" + "udvikling").
fn topic_word(rng: &mut Rng, nouns: &[String]) -> String {
    let noun = rng.pick(nouns);
    if rng.chance(0.6) {
        format!("{}{noun}", rng.pick(COMPOUND_HEADS))
    } else {
        noun.clone()
    }
}

struct Out {
    md: bool,
    s: String,
}

impl Out {
    fn line(&mut self, l: &str) {
        self.s.push_str(l);
        self.s.push_str("\n\n");
    }
    fn heading(&mut self, text: &str, rng: &mut Rng) {
        if self.md {
            let hashes = if rng.chance(0.5) { "##" } else { "###" };
            if rng.chance(0.7) {
                self.line(&format!("{hashes} **{text}**"));
            } else {
                self.line(&format!("{hashes} {text}"));
            }
        } else {
            self.line(text);
        }
    }
    fn block(&mut self, b: &Block) {
        let t = if self.md { &b.md } else { &b.txt };
        self.line(t);
    }
}

fn write_meeting(plan: &Plan, index: usize, seeds: &Seeds, seed: u64) -> String {
    let m = &plan.meetings[index];
    let mut rng = Rng::new(seed).fork(index as u64 + 1);
    let body = &plan.bodies[m.body];
    let titles: Vec<String> = m
        .items
        .iter()
        .map(|it| {
            let c = &plan.cases[it.case];
            if c.closed {
                "Lukket".to_string()
            } else {
                item_title(c, it, seeds, m.date)
            }
        })
        .collect();
    let mut bodies_out = Vec::with_capacity(m.items.len());
    for (k, it) in m.items.iter().enumerate() {
        let mut out = Out { md: m.markdown, s: String::with_capacity(4096) };
        write_item(&mut out, plan, it, k + 1, &titles[k], seeds, body, m.date, &mut rng.fork(k as u64));
        bodies_out.push(out.s);
    }
    let mut out =
        Out { md: m.markdown, s: String::with_capacity(bodies_out.iter().map(String::len).sum::<usize>() + 2048) };
    write_header(&mut out, body, m.date, &mut rng);
    write_toc(&mut out, &titles, &bodies_out, &mut rng);
    for b in &bodies_out {
        out.s.push_str(b);
    }
    out.s
}

fn item_title(c: &Case, it: &PlannedItem, seeds: &Seeds, date: NaiveDate) -> String {
    let t = case_title(c, seeds, date);
    match it.handling {
        0 => t,
        h if h % 2 == 1 && c.text_seed.is_multiple_of(3) => format!("{t} - {}. behandling", h + 1),
        _ => t,
    }
}

fn write_header(out: &mut Out, body: &str, date: NaiveDate, rng: &mut Rng) {
    // The parser reads "Mandag d. 20. marts 2017 kl. 10:00", written as the renderer writes dates.
    let long = referat::render::danish::date_long(date);
    let when = format!(
        "{}{} kl. {}",
        long[..1].to_uppercase(),
        &long[1..],
        rng.pick(&["08:00", "08:30", "09:00", "10:00", "13:00", "15:00", "16:00", "17:00", "19:00"])
    );
    let place = rng.pick(PLACES);
    let n = rng.range(4, 10);
    let mut people: Vec<String> = (0..n).map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST))).collect();
    people.dedup();
    if let Some(last) = people.last_mut() {
        last.push_str(" (sekretær)");
    }
    let people = people.join(", ");
    out.s.push_str("\n\n");
    if out.md {
        out.line(&format!("# **REFERAT {body} d. {}**", dmy(date)));
        out.line(&format!("**Mødedato** {when}"));
        out.line(&format!("**Mødested** {place}"));
        if rng.chance(0.5) {
            out.line(&format!("**Mødedeltagere** {people}"));
        }
        out.line("## Indholdsfortegnelse");
    } else {
        out.line(&format!("REFERAT {body} d. {}", dmy(date)));
        out.line(&format!("Mødedato {when}"));
        out.line(&format!("Mødested {place}"));
        out.line(&format!("Mødedeltagere {people}"));
        out.line("Indholdsfortegnelse");
    }
}

/// The table of contents, with page numbers as a PDF of about 3,000 characters a page would have.
fn write_toc(out: &mut Out, titles: &[String], items: &[String], rng: &mut Rng) {
    let mut page = 2 + rng.range(0, 1);
    for (t, body) in titles.iter().zip(items) {
        page += 1;
        let _ = writeln!(out.s, "{t}.....\t{page}");
        page += body.len() / 3000;
    }
    out.s.push('\n');
}

#[allow(clippy::too_many_arguments)]
fn write_item(
    out: &mut Out,
    plan: &Plan,
    it: &PlannedItem,
    number: usize,
    title: &str,
    seeds: &Seeds,
    body: &str,
    date: NaiveDate,
    rng: &mut Rng,
) {
    let case = &plan.cases[it.case];
    if out.md {
        out.line(&if rng.chance(0.6) {
            format!("## **Punkt {number}: {title}**")
        } else {
            format!("## Punkt {number}: {title}")
        });
    } else {
        out.line(&format!("Punkt {number}: {title}"));
    }
    out.line(&case.number);
    if case.closed {
        return;
    }
    // The case's own text is the same at every handling; the decision is this meeting's.
    let mut text_rng = Rng::new(case.text_seed);
    let template = &seeds.items[case.template % seeds.items.len()];
    let mut decided = false;
    for s in &template.sections {
        match s.kind {
            // Earlier decisions come from the case's previous handling, not from the template.
            Kind::Decision if decided => {}
            Kind::Decision => {
                write_decisions(out, plan, it, seeds, body, date, rng);
                decided = true;
            }
            Kind::Attachments => write_attachments(out, s, seeds, &mut text_rng),
            Kind::Other if text_rng.chance(0.3) => {
                let other = text_rng.pick(&seeds.other_sections).clone();
                write_section(out, &other, seeds, &mut text_rng);
            }
            _ => write_section(out, s, seeds, &mut text_rng),
        }
    }
}

fn write_section(out: &mut Out, s: &SeedSection, seeds: &Seeds, rng: &mut Rng) {
    out.heading(&s.heading, rng);
    let pool = seeds.paras.get(&s.kind).filter(|p| !p.is_empty());
    for b in &s.blocks {
        match b.kind {
            // Some paragraphs are left out, so items differ in length as real ones do.
            BlockKind::Para if s.blocks.len() > 1 && rng.chance(0.2) => {}
            BlockKind::Para => {
                if rng.chance(0.35) {
                    out.block(pool.map_or(b, |p| rng.pick(p)));
                } else {
                    let target = (b.txt.len() * rng.range(45, 105) / 100).max(40);
                    out.line(&seeds.chain.paragraph(rng, &seeds.stems, target));
                }
            }
            BlockKind::Table => {
                let mut md = String::with_capacity(b.md.len());
                let src = if out.md { &b.md } else { &b.txt };
                for (i, tok) in src.split(|c: char| c.is_ascii_digit()).enumerate() {
                    if i > 0 {
                        md.push((b'0' + rng.range(0, 9) as u8) as char);
                    }
                    md.push_str(tok);
                }
                out.line(&md);
            }
            _ => out.block(b),
        }
    }
}

fn write_decisions(
    out: &mut Out,
    plan: &Plan,
    it: &PlannedItem,
    seeds: &Seeds,
    body: &str,
    date: NaiveDate,
    rng: &mut Rng,
) {
    let heading = |out: &mut Out, rng: &mut Rng, b: &str, d: NaiveDate| {
        let h =
            if out.md { format!("Beslutning i {b} den {}", dmy(d)) } else { format!("Beslutning {b} den {}", dmy(d)) };
        out.heading(&h, rng);
    };
    if let Some((pb, pd)) = it.previous.filter(|_| rng.chance(0.4)) {
        heading(out, rng, &plan.bodies[pb], pd);
        out.line(rng.pick::<&str>(&[
            "Udsat.",
            "Udskudt.",
            "Drøftet.",
            "Sagen genoptages på næste møde.",
            "Oversendt til videre behandling.",
        ]));
    }
    heading(out, rng, body, date);
    if rng.chance(0.5) {
        let d = rng.pick(&seeds.decisions);
        if out.md {
            out.line(d);
        } else {
            out.line(&md_to_txt(d));
        }
    } else {
        let n = rng.range(60, 500);
        out.line(&seeds.chain.paragraph(rng, &seeds.stems, n));
    }
}

fn write_attachments(out: &mut Out, s: &SeedSection, seeds: &Seeds, rng: &mut Rng) {
    out.heading(&s.heading, rng);
    let n = rng.range(1, s.blocks.len().clamp(2, 8));
    for _ in 0..n {
        let a = rng.pick(&seeds.attachments);
        if out.md {
            out.line(a);
        } else {
            out.line(&md_to_txt(a));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Seeds {
        Seeds::load(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))).unwrap()
    }

    #[test]
    fn splits_the_seed_minutes_into_their_items() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/direktionen/");
        let txt = split_items(&std::fs::read_to_string(format!("{dir}2017-03-20.txt")).unwrap());
        let md = split_items(&std::fs::read_to_string(format!("{dir}2012-11-20.md")).unwrap());
        assert_eq!(txt.len(), 8);
        assert_eq!(md.len(), 9);
        assert_eq!(md[3].0, "4. budgetopfølgning 2012");
        let kinds: Vec<Kind> = txt[4].1.sections.iter().map(|s| s.kind).collect();
        assert!(kinds.contains(&Kind::Decision) && kinds.contains(&Kind::Economy));
        let tables = md[2].1.sections.iter().flat_map(|s| &s.blocks).filter(|b| b.kind == BlockKind::Table).count();
        assert_eq!(tables, 2, "a table broken by a blank line stays one table");
    }

    #[test]
    fn same_seed_same_corpus_and_cases_recur_within_limits() {
        let seeds = seeds();
        let (a, b) = (Plan::new(200, 7), Plan::new(200, 7));
        assert_eq!(write_meeting(&a, 17, &seeds, 7), write_meeting(&b, 17, &seeds, 7));
        let mut uses: HashMap<usize, usize> = HashMap::new();
        for m in &a.meetings {
            for it in &m.items {
                *uses.entry(it.case).or_default() += 1;
            }
        }
        assert!(uses.values().all(|&n| (1..=5).contains(&n)));
        assert!(uses.values().any(|&n| n > 1), "some cases come back");
        let paths: HashSet<PathBuf> = a.meetings.iter().map(|m| a.rel_path(m)).collect();
        assert_eq!(paths.len(), 200, "one file per meeting");
        assert_eq!(a.meetings.iter().filter(|m| m.markdown).count(), 100, "half of each format");
    }

    #[test]
    fn toc_lists_every_item_title_in_order() {
        let seeds = seeds();
        let plan = Plan::new(50, 3);
        let text = write_meeting(&plan, 4, &seeds, 3);
        let toc: Vec<&str> = text.lines().filter_map(|l| l.split_once(".....\t").map(|(t, _)| t)).collect();
        let items: Vec<String> = text.lines().filter_map(item_heading).map(|(_, t)| t).collect();
        assert_eq!(toc, items);
        assert_eq!(toc.len(), plan.meetings[4].items.len());
    }
}
