//! Writing the index as static JSON files below `soeg/`:
//!
//! - `index.json`: the manifest (bodies, the year and body of every doc as runs, term shard keys,
//!   stop words, version `v`), fetched first and revalidated on every visit. Doc ids run from the
//!   newest meeting to the oldest, so they are the order equal scores rank in and no date is
//!   needed to rank; the bodies' runs (a run a meeting, about 2 bytes) are its largest part;
//! - `<v>/`: the folder of this version's files below, named by a hash of all of them (their names
//!   and bytes), so two builds with different files never share a file name, and one with the same
//!   files (a rebuild without changes to the index) keeps every name and every cached copy;
//! - `<v>/t/<n>.json`: term shards, `{"term": ["postings", "title postings", df, {id: record}?]}`;
//!   shard `n` holds the terms from the manifest's key `n` (inclusive) to key `n + 1` (exclusive),
//!   see [`super::index`]. A term carries the records its one-word query's first page needs beyond
//!   the doc store chunk a first visit fetches (see [`records`]);
//! - `<v>/x/<n>.json`: exact-token shards, `{"c:16/26813": ["postings", "carriers", "case-page-slug"|null, {id: record}]}`;
//!   a case number's entry carries the records of the items that carry it (without snippet) and of
//!   the first that mention it (with snippet), to a first page, because those items are spread over years of
//!   minutes and would otherwise cost one doc store chunk each;
//! - `<v>/d/<n>.json`: doc store chunks of [`CHUNK_DOCS`] records
//!   `[title, body, "yyyy-mm-dd", item number, case, case slug, snippet, meeting folder if unusual]`.
//!
//! A version in the path, not in a query string (`t/3.json?v=…`), because a static host ignores the
//! query and some CDNs leave it out of their cache key: a shard of the previous build was then served
//! under the new version, and results showed the wrong titles and links. Now a shard's URL names one
//! content for good and may be cached forever; only `index.json` changes in place. The version's
//! files are written before the manifest that names them. The shards are written by hand (they are
//! only strings, numbers and the rows the parts already serialized) and in parallel.

use super::docs::Bodies;
use super::encode;
use super::exact::shard_of;
use super::index::pack;
use super::part::Rows;
use super::terms::{Merged, Postings};
use super::text::Analyzer;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// Records per doc store chunk.
pub const CHUNK_DOCS: usize = 64;
/// Results on the search page's first page (`PAGE` in search.js).
pub const PAGE: usize = 10;
/// Title hits whose records a term carries: two pages, as a query of two words ranks the docs
/// with a word in their titles first (search-bench at 50,000 items: two-word queries showing their
/// whole first page on a first visit 49 % → 54 % against one page, term shards +2.8 MB; at 2,000
/// `gen-corpus` meetings 29 % → 37 %, +0.6 MB).
pub const TITLE_RECORDS: usize = 2 * PAGE;
/// Doc store chunks a term's records assume a first visit's query of it fetches: 4 requests
/// (`COLD_REQUESTS` in search.js), less the manifest, its term shard and one more shard (the
/// next, when the terms starting with the word run on into it, or a second word's). Measured in
/// `search-bench`: with 2, a tenth of the sampled one-word queries showed part of their first page
/// (that second shard took the request); with 0 the term shards grew by another quarter.
pub const COLD_CHUNKS: usize = 1;
/// Target size of an exact-token shard; the shard count follows from it. A case-number query
/// fetches the manifest, one exact shard and at most one doc chunk, within 40 kB.
pub const EXACT_TARGET: usize = 10_000;
/// Format version, bumped when the browser must not read older files.
/// 2: term shards are ranges of terms named by number, the manifest lists their first keys.
/// 3: `<v>/days.json` lists every meeting's doc count and day of the year, so equal scores rank
/// by meeting date, newest first.
/// 4: doc ids run by meeting date, newest first (ties rank by id; no `days.json`); the manifest's
/// `years` and `body_runs` replace `runs`.
pub const FORMAT: u32 = 4;

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    v: String,
    docs: u32,
    chunk: usize,
    bodies: Vec<(&'a str, &'a str)>,
    /// Flat `[year, count, year, count, …]`: the year of every doc, as runs in doc-id order.
    years: Vec<i64>,
    /// The body of every doc, as runs in doc-id order: body and count less one, two numbers a run
    /// ([`encode::numbers`]). With doc ids by date the bodies alternate, about a run a meeting.
    body_runs: String,
    /// The first key of every term shard, front-coded.
    keys: String,
    xs: u32,
    stop: Vec<String>,
}

/// What was written, for stats and the benchmark.
#[derive(Debug, Default, Clone)]
pub struct Written {
    /// (path relative to the index folder, bytes) of every file: `<version>/t/0.json`, …, `index.json`.
    pub files: Vec<(String, u64)>,
    pub term_shards: usize,
    pub exact_shards: usize,
    pub chunks: usize,
}

/// The merged index, ready to write.
pub struct Index<'a> {
    pub bodies: &'a Bodies,
    /// (year, number of consecutive docs) in doc-id order.
    pub years: &'a [(i32, u32)],
    /// (body, number of consecutive docs) in doc-id order.
    pub body_runs: &'a [(usize, u32)],
    pub terms: &'a Merged<'a>,
    pub exact: &'a Merged<'a>,
    /// Case pages by exact key, so a case-number query can offer the case page first.
    pub case_pages: &'a HashMap<String, String>,
    /// Every doc's row: its part's rows and its index there.
    pub rows: Vec<(&'a Rows, usize)>,
}

/// Serializes `index` and writes it into `dir` (the `soeg/` folder): the version's folder first,
/// then the manifest.
pub fn write(index: &Index<'_>, dir: &Path) -> io::Result<Written> {
    let docs = index.rows.len() as u32;
    let (keys, mut files) = term_shards(index.terms, &index.rows);
    let term_count = files.len();
    let (xs, exact) = exact_shards(index, docs);
    files.extend(exact);
    let chunks = doc_chunks(&index.rows);
    let chunk_count = chunks.len();
    files.extend(chunks);
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let v = version(&files);
    let manifest = Manifest {
        format: FORMAT,
        v: v.clone(),
        docs,
        chunk: CHUNK_DOCS,
        bodies: index.bodies.names.iter().zip(&index.bodies.slugs).map(|(n, s)| (n.as_str(), s.as_str())).collect(),
        years: index.years.iter().flat_map(|&(y, n)| [i64::from(y), i64::from(n)]).collect(),
        body_runs: encode::numbers(
            &index.body_runs.iter().flat_map(|&(b, n)| [b as u32, n.saturating_sub(1)]).collect::<Vec<_>>(),
        ),
        keys: front_code(&keys),
        xs,
        stop: Analyzer::default().stop_words(),
    };
    let manifest = serde_json::to_string(&manifest).map_err(io::Error::other)?;
    // As every other file of the site writes them: "<", ">" and "&" only occur inside strings here.
    let manifest = manifest.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    let folder = dir.join(&v);
    for sub in ["t", "x", "d"] {
        std::fs::create_dir_all(folder.join(sub))?;
    }
    files.par_iter().try_for_each(|(name, text)| std::fs::write(folder.join(name), text))?;
    std::fs::write(dir.join("index.json"), &manifest)?;
    let mut written: Vec<(String, u64)> = files.iter().map(|(n, t)| (format!("{v}/{n}"), t.len() as u64)).collect();
    written.push(("index.json".to_string(), manifest.len() as u64));
    Ok(Written { files: written, term_shards: term_count, exact_shards: xs as usize, chunks: chunk_count })
}

/// A version for the manifest from every file's name and content (hashed in parallel): twelve hex
/// digits, the name of the folder the files are written to.
fn version(files: &[(String, String)]) -> String {
    let hashes: Vec<u64> = files
        .par_iter()
        .map(|f| {
            let mut h = DefaultHasher::new();
            f.hash(&mut h);
            h.finish()
        })
        .collect();
    let mut h = DefaultHasher::new();
    hashes.hash(&mut h);
    format!("{:012x}", h.finish() & 0xffff_ffff_ffff)
}

/// The term shards' first keys and files. Each entry is moved into its shard's text as the shard
/// is written, so the entries and the files are not both held in full.
fn term_shards(terms: &Merged<'_>, rows: &[(&Rows, usize)]) -> (Vec<String>, Vec<(String, String)>) {
    let entries: Vec<(&str, String)> = terms.par_iter().map(|(t, p)| (t, term_entry(t, &p, rows))).collect();
    let names: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let bytes: Vec<usize> = entries.iter().map(|e| e.1.len() + 1).collect();
    let shards = pack(&names, &bytes);
    let mut entries = entries.into_iter().map(|e| e.1);
    let grouped: Vec<Vec<String>> =
        shards.iter().map(|(_, range)| entries.by_ref().take(range.len()).collect()).collect();
    let files = grouped
        .into_par_iter()
        .enumerate()
        .map(|(n, shard)| (format!("t/{n}.json"), object(shard.iter().map(String::as_str))))
        .collect();
    (shards.into_iter().map(|(k, _)| k).collect(), files)
}

/// `"term":["all","title hits",df]`, or with the first page's records `"term":[…,df,{"id":record,…}]`.
fn term_entry(term: &str, p: &Postings, rows: &[(&Rows, usize)]) -> String {
    let mut out = String::with_capacity(term.len() + p.all.len() + 16);
    push_str(&mut out, term);
    out.push_str(":[\"");
    out.push_str(&encode::postings(&p.all, rows.len() as u32));
    out.push_str("\",\"");
    out.push_str(&encode::deltas(&p.flagged));
    let _ = write!(out, "\",{}", p.all.len());
    let page = records(p);
    if !page.is_empty() {
        out.push_str(",{");
        for (i, &d) in page.iter().enumerate() {
            let (rows, n) = rows[d as usize];
            let _ = write!(out, "{}\"{d}\":{}", if i > 0 { "," } else { "" }, rows.row(n));
        }
        out.push('}');
    }
    out.push(']');
    out
}

/// The docs whose records a term's entry carries, so that a first visit's query of the word shows
/// its whole first page. search.js ranks the word's title hits (8) above the title hits of the
/// words it is the start of (4, "skole" in "skolebestyrelse": the last word is a prefix), those
/// above the word's other hits (2), equal scores by doc id (the newest meeting first). So every
/// term carries its first title hits wherever they lie (as the word and as an expansion, the page
/// reaches each term's newest title hits first; [`TITLE_RECORDS`] of them), and the other hits
/// that fill its page beyond the doc store chunk the query fetches: that of the first of them,
/// the first doc not carried.
fn records(p: &Postings) -> Vec<u32> {
    let titles = &p.flagged[..p.flagged.len().min(TITLE_RECORDS)];
    let others: Vec<u32> = p
        .all
        .iter()
        .filter(|d| p.flagged.binary_search(d).is_err())
        .take(PAGE.saturating_sub(titles.len()))
        .copied()
        .collect();
    titles.iter().copied().chain(beyond_cold_chunks(&others)).collect()
}

/// The docs of `page`, in rank order, that a first visit's query does not fetch the doc store chunk
/// of: it fetches the chunks of the first ones until [`COLD_CHUNKS`], and a common word's first
/// page spread over a year's committees showed one result of ten. Their records go into the term's
/// entry.
fn beyond_cold_chunks(page: &[u32]) -> Vec<u32> {
    let mut fetched: Vec<u32> = Vec::new();
    let mut beyond = Vec::new();
    for &d in page {
        let c = d / CHUNK_DOCS as u32;
        if fetched.contains(&c) {
            continue;
        }
        if fetched.len() < COLD_CHUNKS {
            fetched.push(c);
        } else {
            beyond.push(d);
        }
    }
    beyond
}

/// `{entry,entry,…}`.
fn object<'a>(entries: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from("{");
    for (i, e) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(e);
    }
    out.push('}');
    out
}

/// Spreads the exact keys over hash shards of about [`EXACT_TARGET`] bytes: (count, files).
///
/// A case number that only closed items carry has no doc, but its case page is public (as the case
/// number is on the meeting page): it gets an entry with no docs and the page, so a query for it
/// offers the page instead of "no results".
fn exact_shards(index: &Index<'_>, docs: u32) -> (u32, Vec<(String, String)>) {
    let mut entries: Vec<(&str, String)> =
        index.exact.par_iter().map(|(k, p)| (k, exact_entry(index, k, &p, docs))).collect();
    let known: std::collections::HashSet<&str> = entries.iter().map(|e| e.0).collect();
    let mut pages_only: Vec<&str> =
        index.case_pages.keys().map(String::as_str).filter(|k| !known.contains(k)).collect();
    pages_only.sort_unstable();
    entries.extend(pages_only.into_iter().map(|k| (k, exact_entry(index, k, &Postings::default(), docs))));
    let total: usize = entries.iter().map(|e| e.1.len() + 1).sum();
    let count = total.div_ceil(EXACT_TARGET).max(1) as u32;
    let mut shards: Vec<Vec<&str>> = vec![Vec::new(); count as usize];
    for (key, entry) in &entries {
        shards[shard_of(key, count) as usize].push(entry);
    }
    let files =
        shards.par_iter().enumerate().map(|(n, s)| (format!("x/{n}.json"), object(s.iter().copied()))).collect();
    (count, files)
}

/// `"key":["all","carriers",page|null,{"id":record,…}]`; only case numbers inline records: of
/// every carrier (without snippet), and of the first items that mention the number to fill a first
/// page (carriers rank first, then by doc id), so a case number's query needs no doc store chunk.
fn exact_entry(index: &Index<'_>, key: &str, p: &Postings, docs: u32) -> String {
    let mut out = String::new();
    push_str(&mut out, key);
    let _ = write!(out, ":[\"{}\",\"{}\",", encode::postings(&p.all, docs), encode::deltas(&p.flagged));
    match index.case_pages.get(key) {
        Some(page) => push_str(&mut out, page),
        None => out.push_str("null"),
    }
    out.push_str(",{");
    if key.starts_with("c:") {
        // A carrier's meta line names the case; a mention's snippet may be where the number is.
        let carriers = p.flagged.iter().map(|&d| (d, true));
        let mentions = p.all.iter().filter(|d| p.flagged.binary_search(d).is_err()).map(|&d| (d, false));
        let page = carriers.chain(mentions.take(PAGE.saturating_sub(p.flagged.len())));
        for (i, (d, carries)) in page.enumerate() {
            let (rows, n) = index.rows[d as usize];
            let record = if carries { rows.without_snippet(n) } else { rows.row(n).to_string() };
            let _ = write!(out, "{}\"{d}\":{record}", if i > 0 { "," } else { "" });
        }
    }
    out.push_str("}]");
    out
}

/// The doc store chunks, [`CHUNK_DOCS`] rows each.
fn doc_chunks(rows: &[(&Rows, usize)]) -> Vec<(String, String)> {
    rows.par_chunks(CHUNK_DOCS)
        .enumerate()
        .map(|(n, chunk)| {
            let mut out = String::from("[");
            for (i, &(rows, r)) in chunk.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(rows.row(r));
            }
            out.push(']');
            (format!("d/{n}.json"), out)
        })
        .collect()
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it and with `<`, `>` and `&` as
/// `\u003c`-style escapes, like the open data: a host that serves a shard with the wrong content
/// type must not hand a browser markup from the minutes.
pub fn push_str(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            0x08 => "\\b",
            0x0c => "\\f",
            0..0x20 => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        plain = i + 1;
        match escape {
            "" => {
                let _ = write!(out, "\\u{b:04x}");
            }
            e => out.push_str(e),
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// Sorted shard keys, front-coded: each key is a letter giving how many leading characters it shares
/// with the previous key (`A` = 0, `B` = 1, … at most `Z`) and the rest of the key; keys are
/// separated by spaces (terms have none).
pub fn front_code(keys: &[&str]) -> String {
    let mut out = String::new();
    let mut prev = "";
    for (i, key) in keys.iter().enumerate() {
        let shared = prev.chars().zip(key.chars()).take_while(|(a, b)| a == b).count().min(25);
        if i > 0 {
            out.push(' ');
        }
        out.push((b'A' + shared as u8) as char);
        out.extend(key.chars().skip(shared));
        prev = key;
    }
    out
}

/// Reverses [`front_code`].
pub fn front_decode(coded: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for part in coded.split(' ').filter(|p| !p.is_empty()) {
        let shared = part.bytes().next().map_or(0, |b| b.saturating_sub(b'A') as usize);
        let prev = keys.last().map_or("", String::as_str);
        let mut key: String = prev.chars().take(shared).collect();
        key.push_str(part.get(1..).unwrap_or(""));
        keys.push(key);
    }
    keys
}

/// The index folder below the site output.
pub fn index_dir(out: &Path) -> PathBuf {
    out.join("soeg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_words_first_page_beyond_the_chunk_a_first_visit_fetches_is_its_records() {
        // Chunks hold 64 docs; the first comes with the query, the rest is carried by the term.
        let page = [0, 64, 65, 100, 128, 192, 200, 264, 330, 331];
        assert_eq!(beyond_cold_chunks(&page), [64, 65, 100, 128, 192, 200, 264, 330, 331]);
        assert!(beyond_cold_chunks(&[3, 4, 60, 63]).is_empty());
    }

    #[test]
    fn a_term_carries_its_first_title_hits_and_its_other_hits_beyond_the_chunk_fetched() {
        // Title hits 14, 70, 196 wherever they lie; the other hits fill the page from 0, whose
        // chunk (0..64) the query fetches, so 7 to 49 are fetched and only the rest is carried.
        let p = Postings { all: (0..30).map(|d| d * 7).collect(), flagged: vec![14, 70, 196] };
        assert_eq!(records(&p), [14, 70, 196]);
        // Two pages of title hits, and no other hit when they fill the first page.
        let titles = Postings { all: (0..40).collect(), flagged: (0..25).map(|d| d + 10).collect() };
        assert_eq!(records(&titles), (10..30).collect::<Vec<u32>>());
        let spread = Postings { all: (0..30).map(|d| d * 40).collect(), flagged: vec![40] };
        assert_eq!(records(&spread), [40, 80, 120, 160, 200, 240, 280, 320, 360]);
        let few = Postings { all: vec![3, 9], flagged: vec![] };
        assert!(records(&few).is_empty());
    }

    #[test]
    fn front_coding_round_trips() {
        let keys = ["", "0", "00", "20", "2010", "2011", "lo", "lok", "lokalp", "oe", "ø", "øx"];
        let coded = front_code(&keys);
        assert_eq!(coded, "A A0 B0 A20 C10 D1 Alo Ck Dalp Aoe Aø Bx");
        assert_eq!(front_decode(&coded), keys);
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in ["plain", "\"quoted\" \\ back", "tab\there\nline\r\u{8}\u{c}\u{1}\u{1f}", "æøå «»", ""] {
            let mut out = String::new();
            push_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
        // Regression: shards carried "<script>" as written, where the open data escapes it.
        let mut out = String::new();
        push_str(&mut out, "<script>R&D</script>");
        assert_eq!(out, r#""\u003cscript\u003eR\u0026D\u003c/script\u003e""#);
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "<script>R&D</script>");
    }
}
