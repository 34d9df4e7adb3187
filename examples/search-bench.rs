//! Search benchmark: builds the index of a generated corpus (default 50,000 agenda items) and prints
//! build time, index size, shard sizes, and the bytes and requests a fixed query set downloads.
//!
//! `cargo run --release --example search-bench -- [--items N | --content DIR | --small] [--out DIR] [--repeat N] [--show-partial]`
//!
//! `--content DIR` parses minutes files (e.g. written by `examples/gen-corpus.rs`) with the real
//! parser instead of generating meetings in-process.
//! `--repeat N` builds the index N times and reports the run with the least CPU time.
//! With `--out`, the index is left in DIR/soeg/ (the browser tests put it into a built site: it
//! replaces the site's index, `index.json` and the folder of its version);
//! `--small` indexes the hand-built test site instead of the generated one.
//! After the fixed queries, a sample of one- and two-word queries taken from the result records
//! (`print_sample`) sums up their first paints; `--show-partial` lists those that showed part of
//! their first page.
//!
//! Requests per query are computed the way `search.js` fetches: the manifest, one term shard per
//! distinct shard key (or the exact shard), then doc store chunks in
//! rank order until the cold budget of 4 requests is spent (the first paint; none when the shards
//! spent it), then the chunks the rest of the first page needs.

#[path = "../tests/search_support/mod.rs"]
mod support;

use referat::search::encode::decode;
use referat::search::exact::shard_of;
use referat::search::json::CHUNK_DOCS;
use referat::search::text::{fold, Analyzer};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

const QUERIES: &[&str] = &[
    "lokalplan",
    "handicappolitikken",
    "budgetopfølgning",
    "økonomi",
    "Århus",
    "office 365",
    "bomiljøer sønderby",
    "effektiviseringsstrategi",
    "lokalp",
    "16/26813",
    "20-03-2017",
    "2,5 mio",
    "skole",
    "klima",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let items: usize = flag("--items").map(|s| s.parse()).transpose()?.unwrap_or(50_000);
    let small = args.iter().any(|a| a == "--small");
    let keep = flag("--out").map(PathBuf::from);
    if let Some(path) = flag("--vocab") {
        return write_vocab(Path::new(&path));
    }
    let tmp = tempfile::tempdir()?;
    let out = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());

    let t = Instant::now();
    let site = match (small, flag("--content")) {
        (true, _) => support::small_site(),
        (false, Some(dir)) => {
            let (meetings, diagnostics) = referat::build::parse_all(Path::new(&dir));
            if diagnostics.has_errors() {
                return Err(format!("{dir}: {} parse errors", diagnostics.errors().count()).into());
            }
            referat::link::Site::new(referat::config::Config::default(), meetings)
        }
        (false, None) => support::synthetic_site(items, 42),
    };
    let open: usize = site.meetings.iter().map(|m| m.open_items().count()).sum();
    println!("corpus: {} meetings, {open} open agenda items (generated in {:.2?})", site.meetings.len(), t.elapsed());

    let repeat: usize = flag("--repeat").map(|s| s.parse()).transpose()?.unwrap_or(1).max(1);
    let mut runs = Vec::new();
    for _ in 0..repeat {
        remove_index(&out.join("soeg"))?;
        let (t, (user, sys)) = (Instant::now(), cpu_seconds());
        let (stats, parts) = build_in_parts(&site, &out)?;
        let (user_end, sys_end) = cpu_seconds();
        runs.push((t.elapsed().as_secs_f64(), user_end - user, sys_end - sys, stats, parts));
    }
    // The fastest run: the machine is shared, and other load only ever adds time.
    runs.sort_by(|a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
    let (wall, user, sys, stats, (parts_wall, parts_cpu)) = runs.swap_remove(0);
    println!(
        "index: built in {:.0} ms ({:.2} s CPU: {user:.2} user + {sys:.2} system; best of {repeat}); {} docs, {} terms, {} files, {:.1} MB",
        wall * 1e3,
        user + sys,
        stats.documents,
        stats.terms,
        stats.shards,
        stats.bytes as f64 / 1e6
    );
    println!(
        "  of which parts (plan + tokenizing, in the pipeline's parallel loop): {:.0} ms, {parts_cpu:.2} s CPU; finish (merge + write): {:.0} ms, {:.2} s CPU",
        parts_wall * 1e3,
        (wall - parts_wall) * 1e3,
        user + sys - parts_cpu
    );
    let dir = out.join("soeg");
    print_sizes(&dir)?;
    if !small {
        print_queries(&dir, args.iter().any(|a| a == "--show-partial"))?;
    }
    if let Some(k) = keep {
        println!("index kept in {}", k.join("soeg").display());
    }
    Ok(())
}

/// Removes an index written before from `dir` (`soeg/`): the manifest and every folder (the folder of
/// its version), so only the new version's is left. The search page `index.html` stays.
fn remove_index(dir: &Path) -> std::io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for e in entries {
        let e = e?;
        if e.file_type()?.is_dir() {
            std::fs::remove_dir_all(e.path())?;
        } else if e.file_name() == "index.json" {
            std::fs::remove_file(e.path())?;
        }
    }
    Ok(())
}

/// The folder of the manifest's version below `dir` (`soeg/`), which holds the shards and chunks.
fn version_dir(dir: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("index.json"))?)?;
    Ok(dir.join(manifest["v"].as_str().ok_or("index.json has no version")?))
}

/// Builds the index as the pipeline does: plan, parts of 64 meetings in parallel gathered as they
/// are made, finish. Returns the stats and the wall and CPU seconds of the plan and parts alone.
fn build_in_parts(
    site: &referat::link::Site,
    out: &Path,
) -> std::io::Result<(referat::search::IndexStats, (f64, f64))> {
    use rayon::prelude::*;
    let (t, (user, sys)) = (Instant::now(), cpu_seconds());
    let plan = referat::search::Plan::new(site);
    let parts: referat::search::Gathered = plan
        .meeting_order()
        .par_chunks(64)
        .map(|run| plan.part(&run.iter().map(|&i| (i, &site.meetings[i])).collect::<Vec<_>>()))
        .collect::<std::io::Result<_>>()?;
    let (user_end, sys_end) = cpu_seconds();
    let timing = (t.elapsed().as_secs_f64(), user_end - user + sys_end - sys);
    Ok((plan.finish(parts, out)?, timing))
}

/// (user, system) CPU seconds of this process so far, from /proc/self/stat fields 14 and 15 (clock
/// ticks of 1/100 s); 0 where /proc is missing. CPU rather than wall time keeps the figure
/// independent of what else the machine is doing.
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name start at field 3.
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(14) / 100.0, ticks(15) / 100.0)
}

fn sizes(dir: &Path) -> std::io::Result<Vec<u64>> {
    let mut v = Vec::new();
    if dir.exists() {
        for e in std::fs::read_dir(dir)? {
            v.push(e?.metadata()?.len());
        }
    }
    v.sort();
    Ok(v)
}

fn print_sizes(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    println!("manifest index.json: {} B", std::fs::metadata(dir.join("index.json"))?.len());
    let files = version_dir(dir)?;
    println!("version folder: {}", files.strip_prefix(dir.parent().unwrap_or(dir)).unwrap_or(&files).display());
    for (sub, what) in [("t", "term shards"), ("x", "exact shards"), ("d", "doc chunks")] {
        let s = sizes(&files.join(sub))?;
        if s.is_empty() {
            continue;
        }
        let pct = |p: usize| s[(s.len() - 1) * p / 100];
        println!(
            "{what}: {} files, total {:.1} MB, median {} B, p90 {} B, p99 {} B, max {} B",
            s.len(),
            s.iter().sum::<u64>() as f64 / 1e6,
            pct(50),
            pct(90),
            pct(99),
            pct(100)
        );
    }
    Ok(())
}

/// The on-disk index, read back the way the browser reads it.
struct Reader {
    /// The folder of the manifest's version.
    dir: PathBuf,
    manifest: serde_json::Value,
    /// First key of each term shard, sorted.
    keys: Vec<String>,
    docs: usize,
}

/// `[postings, flagged postings, ...]`; exact entries add the case page and inline records.
type Entry = Vec<serde_json::Value>;

fn text(e: &Entry, i: usize) -> &str {
    e.get(i).and_then(|v| v.as_str()).unwrap_or("")
}

impl Reader {
    fn open(dir: &Path) -> Result<Reader, Box<dyn std::error::Error>> {
        let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("index.json"))?)?;
        let keys = referat::search::json::front_decode(manifest["keys"].as_str().unwrap_or(""));
        let docs = manifest["docs"].as_u64().unwrap_or(0) as usize;
        Ok(Reader { dir: version_dir(dir)?, manifest, keys, docs })
    }

    /// The term shard holding `term`, if there are any.
    fn shard_for(&self, term: &str) -> Option<usize> {
        (!self.keys.is_empty()).then(|| referat::search::index::shard_of_term(&self.keys, term))
    }

    /// The shards after `shard_for(prefix)` that hold terms starting with `prefix`.
    fn deeper(&self, prefix: &str) -> Vec<usize> {
        let first = self.shard_for(prefix).map_or(0, |n| n + 1);
        (first..self.keys.len()).take_while(|&n| self.keys[n].starts_with(prefix)).collect()
    }

    fn load(&self, rel: &str, bytes: &mut u64) -> Result<BTreeMap<String, Entry>, Box<dyn std::error::Error>> {
        let data = std::fs::read(self.dir.join(rel))?;
        *bytes += data.len() as u64;
        Ok(serde_json::from_slice(&data)?)
    }
}

/// What a cold query (the first of a visit) downloads: its first paint within the budget of 4
/// requests, and its whole first page.
struct Cold {
    results: usize,
    /// Results shown by the first paint, and of a whole first page.
    shown: usize,
    page: usize,
    requests: u64,
    bytes: u64,
    all_requests: u64,
    all_bytes: u64,
}

fn print_queries(dir: &Path, show_partial: bool) -> Result<(), Box<dyn std::error::Error>> {
    let r = Reader::open(dir)?;
    println!("\nquery                         results  shown  requests  bytes   (cold first paint: manifest + shards + chunks; then the rest of the first page)");
    let mut queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
    queries.extend(busiest_case(&r.dir)?);
    for q in &queries {
        let c = cold(&r, q)?;
        println!(
            "{:<30}{:>7}{:>7}{:>10}{:>8}   page {}: +{} requests, +{} B ({} requests, {} B)",
            q,
            c.results,
            c.shown,
            c.requests,
            c.bytes,
            c.page,
            c.all_requests - c.requests,
            c.all_bytes - c.bytes,
            c.all_requests,
            c.all_bytes
        );
    }
    print_sample(&r, show_partial)
}

/// The first paint over many queries: words from the titles and snippets of sampled result
/// records (one word, the first 5 letters of a long one, and two words that stand next to each
/// other), as a reader might type them.
fn print_sample(r: &Reader, show_partial: bool) -> Result<(), Box<dyn std::error::Error>> {
    let chunks = r.manifest["docs"].as_u64().unwrap_or(0).div_ceil(CHUNK_DOCS as u64);
    let (mut one, mut two, mut starts) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for c in (0..chunks).step_by(7) {
        let records: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(r.dir.join(format!("d/{c}.json")))?)?;
        for (k, rec) in records.iter().enumerate().filter(|(k, _)| k % 14 == 3) {
            let text = format!("{} {}", rec[0].as_str().unwrap_or(""), rec[6].as_str().unwrap_or(""));
            let words: Vec<&str> = referat::search::text::words(&text).filter(|w| w.chars().count() >= 4).collect();
            if let Some(w) = words.get(k % words.len().max(1)) {
                one.insert(w.to_lowercase());
                // A word's start, as typed so far or as the root of compounds ("skole").
                if w.chars().count() >= 8 {
                    starts.insert(w.chars().take(5).collect::<String>().to_lowercase());
                }
            }
            if let Some(pair) = words.windows(2).nth(k % words.len().max(1)) {
                two.insert(format!("{} {}", pair[0], pair[1]).to_lowercase());
            }
        }
    }
    for (label, queries) in [("one word", &one), ("a word's start", &starts), ("two words", &two)] {
        let mut cold_queries = Vec::new();
        for q in queries.iter() {
            cold_queries.push(cold(r, q)?);
        }
        let found: Vec<&Cold> = cold_queries.iter().filter(|c| c.results > 0).collect();
        if show_partial {
            for (q, c) in queries.iter().zip(&cold_queries).filter(|(_, c)| c.results > 0 && c.shown < c.page) {
                println!("  partial: {q}: {} of {}, {} results, {} requests", c.shown, c.page, c.results, c.requests);
            }
        }
        let whole = found.iter().filter(|c| c.shown == c.page).count();
        let mut bytes: Vec<u64> = found.iter().map(|c| c.bytes).collect();
        bytes.sort_unstable();
        let pct = |p: usize| bytes.get((bytes.len().saturating_sub(1)) * p / 100).copied().unwrap_or(0);
        let over = found.iter().filter(|c| c.requests > 4 || c.bytes > 100_000).count();
        let shown: usize = found.iter().map(|c| c.shown).sum();
        let page: usize = found.iter().map(|c| c.page).sum();
        let all: Vec<u64> = found.iter().map(|c| c.all_requests).collect();
        println!(
            "sample, {label}: {} queries with results; first paint whole for {whole} ({:.0} %), {shown} of {page} results shown; bytes median {} B, p90 {} B, max {} B; over 4 requests or 100 kB: {over}; whole page after at most {} requests",
            found.len(),
            100.0 * whole as f64 / found.len().max(1) as f64,
            pct(50),
            pct(90),
            pct(100),
            all.iter().max().copied().unwrap_or(0)
        );
    }
    Ok(())
}

/// Simulates `q` as search.js fetches it on a first visit.
fn cold(r: &Reader, q: &str) -> Result<Cold, Box<dyn std::error::Error>> {
    let analyzer = Analyzer::default();
    let manifest_bytes = std::fs::metadata(r.dir.parent().unwrap_or(&r.dir).join("index.json"))?.len();
    let mut bytes = manifest_bytes;
    let mut requests = 1;
    let mut groups: Vec<Vec<f32>> = Vec::new();
    let mut inline = BTreeSet::new();
    let words: Vec<&str> = q.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let mut scores = vec![0f32; r.docs];
        if let Some(key) = exact_key(w) {
            let n = shard_of(&key, r.manifest["xs"].as_u64().unwrap_or(1) as u32);
            let shard = r.load(&format!("x/{n}.json"), &mut bytes)?;
            requests += 1;
            if let Some(e) = shard.get(&key) {
                add(&mut scores, text(e, 0), text(e, 1), 2.0, 8.0);
                let records = e.get(3).and_then(|r| r.as_object());
                inline.extend(records.into_iter().flat_map(|r| r.keys()).filter_map(|k| k.parse::<usize>().ok()));
            }
            groups.push(scores);
            continue;
        }
        let last = i + 1 == words.len();
        let lower = w.to_lowercase();
        let (Some(term), alternate) = analyzer.terms(w) else { continue };
        let prefix = fold(&lower);
        let mut seen = BTreeSet::new();
        let alternate_shard = alternate.as_deref().and_then(|a| r.shard_for(a));
        let mut keys: BTreeSet<usize> =
            [r.shard_for(&term), alternate_shard, last.then(|| r.shard_for(&prefix)).flatten()]
                .into_iter()
                .flatten()
                .collect();
        if last && prefix.len() >= 2 {
            let deeper = r.deeper(&prefix);
            if keys.len() + deeper.len() <= 2 {
                keys.extend(deeper);
            }
        }
        for k in keys {
            if !seen.insert(k) {
                continue;
            }
            let shard = r.load(&format!("t/{k}.json"), &mut bytes)?;
            requests += 1;
            let mut expansions = Vec::new();
            for (t, e) in &shard {
                if *t == term || alternate.as_ref() == Some(t) {
                    add(&mut scores, text(e, 0), text(e, 1), 2.0, 8.0);
                    // The records of the word's first page beyond the chunks a first visit fetches.
                    let records = e.get(3).and_then(|r| r.as_object());
                    inline.extend(records.into_iter().flat_map(|r| r.keys()).filter_map(|k| k.parse::<usize>().ok()));
                } else if last && prefix.len() >= 2 && t.starts_with(&prefix) {
                    expansions.push(e.clone());
                }
            }
            expansions.sort_by_key(|e| std::cmp::Reverse(e.get(2).and_then(|v| v.as_u64()).unwrap_or(0)));
            for e in expansions.iter().take(60) {
                add(&mut scores, text(e, 0), text(e, 1), 1.0, 4.0);
                let records = e.get(3).and_then(|r| r.as_object());
                inline.extend(records.into_iter().flat_map(|r| r.keys()).filter_map(|k| k.parse::<usize>().ok()));
            }
        }
        groups.push(scores);
    }
    let mut hits: Vec<(usize, f32)> = (0..r.docs)
        .filter(|&d| !groups.is_empty() && groups.iter().all(|g| g[d] > 0.0))
        .map(|d| (d, groups.iter().map(|g| g[d]).sum()))
        .collect();
    // Score, then doc id (which runs from the newest meeting), as search.js ranks.
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chunks = BTreeSet::new();
    let mut shown = 0;
    let (mut paint_requests, mut paint_bytes) = (None, None);
    for (d, _) in hits.iter().take(10) {
        let c = d / CHUNK_DOCS;
        if !chunks.contains(&c) && !inline.contains(d) {
            // The first paint stops at the cold budget; the rest of the page is fetched right after.
            if requests >= 4 && paint_requests.is_none() {
                paint_requests = Some(requests);
                paint_bytes = Some(bytes);
            }
            chunks.insert(c);
            requests += 1;
            bytes += std::fs::metadata(r.dir.join(format!("d/{c}.json")))?.len();
        }
        if paint_requests.is_none() {
            shown += 1;
        }
    }
    let page = hits.len().min(10);
    let (all_requests, all_bytes) = (requests, bytes);
    let (requests, bytes) = (paint_requests.unwrap_or(requests), paint_bytes.unwrap_or(bytes));
    Ok(Cold { results: hits.len(), shown, page, requests, bytes, all_requests, all_bytes })
}

/// Every distinct word of the seed minutes plus edge cases, with its Snowball stem and index term, for
/// the browser parity test (tests/browser/search.test.mjs).
fn write_vocab(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let analyzer = Analyzer::default();
    let site = support::synthetic_site(2_000, 7);
    let mut seen = BTreeSet::new();
    let extra =
        ["Århus", "AARHUS", "lokalplanerne", "løst", "uheldigst", "kaffe", "ÆBLER", "Øerne", "café", "aa11", "x", "og"];
    use referat::search::docs::{text, title};
    let docs =
        site.meetings.iter().flat_map(|m| std::iter::once(None).chain(m.open_items().map(Some)).map(move |i| (m, i)));
    let texts = docs.flat_map(|(m, i)| std::iter::once(title(m, i)).chain(text(m, i)));
    for t in texts.chain(extra.iter().map(|s| std::borrow::Cow::Borrowed(*s))) {
        for w in referat::search::text::words(&t) {
            seen.insert(w.to_string());
        }
    }
    // Every word with æ/ø/å also as it is typed without them (aa/ae/oe): both spellings must give
    // the same term in the browser as in the index.
    let spelled: Vec<String> = seen
        .iter()
        .filter(|w| w.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']))
        .map(|w| {
            w.replace('å', "aa")
                .replace('æ', "ae")
                .replace('ø', "oe")
                .replace('Å', "Aa")
                .replace('Æ', "Ae")
                .replace('Ø', "Oe")
        })
        .collect();
    seen.extend(spelled);
    let words: Vec<(String, String, Option<String>, Option<String>)> = seen
        .into_iter()
        .map(|w| {
            let (term, alternate) = analyzer.terms(&w);
            (analyzer.stem(&w.to_lowercase()), term, alternate, w)
        })
        .map(|(s, t, a, w)| (w, s, t, a))
        .collect();
    let json = serde_json::json!({ "stop": analyzer.stop_words(), "words": words });
    std::fs::write(path, serde_json::to_string(&json)?)?;
    println!("{} words written to {}", words.len(), path.display());
    Ok(())
}

/// The case number carried by the most items (a worst case for the case-number budget), as a query.
fn busiest_case(dir: &Path) -> Result<Option<String>, Box<dyn std::error::Error>> {
    let mut best: Option<(usize, String)> = None;
    for e in std::fs::read_dir(dir.join("x"))? {
        let shard: BTreeMap<String, Entry> = serde_json::from_slice(&std::fs::read(e?.path())?)?;
        for (key, entry) in shard {
            let carriers = decode(text(&entry, 1)).len();
            if key.starts_with("c:") && best.as_ref().is_none_or(|(n, _)| carriers > *n) {
                best = Some((carriers, key[2..].to_string()));
            }
        }
    }
    Ok(best.map(|(_, q)| q))
}

/// Max score per doc within one query word (expansions do not add up), as search.js does.
fn add(scores: &mut [f32], all: &str, flagged: &str, body: f32, title: f32) {
    for d in decode(all) {
        if let Some(s) = scores.get_mut(d as usize) {
            *s = s.max(body);
        }
    }
    for d in decode(flagged) {
        if let Some(s) = scores.get_mut(d as usize) {
            *s = s.max(title);
        }
    }
}

/// The exact key of a case number or date query word, as search.js parses it.
fn exact_key(w: &str) -> Option<String> {
    let keys = referat::search::exact::exact_keys(w);
    (keys.len() == 1).then(|| keys[0].clone())
}
