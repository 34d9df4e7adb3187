//! Writing the index as static JSON files below `soeg/`:
//!
//! - `index.json`: the manifest (bodies, facet runs, shard keys, stop words, version), fetched first;
//! - `t/<prefix>.json`: term shards, `{"term": ["postings", "title postings", df]}`;
//! - `x/<n>.json`: exact-token shards, `{"c:16/26813": ["postings", "carriers", "case-page-slug"|null, {id: record}]}`;
//!   a case number's entry carries the records (without snippet) of the items that carry it, because
//!   those items are spread over years of minutes and would otherwise cost one doc store chunk each;
//! - `d/<n>.json`: doc store chunks of [`CHUNK_DOCS`] records
//!   `[title, body, "yyyy-mm-dd", item number, case, case slug, snippet, meeting folder if unusual]`.
//!
//! File names carry no version; the browser appends `?v=<manifest version>` so a rebuilt site is
//! never mixed with cached shards.

use super::encode;
use super::exact::shard_of;
use super::index::{encode_terms, shard, Index, Record, MAX_KEY_CHARS};
use super::text::Analyzer;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// Records per doc store chunk.
pub const CHUNK_DOCS: usize = 64;
/// Target size of an exact-token shard; the shard count follows from it.
pub const EXACT_TARGET: usize = 6_000;
/// Format version, bumped when the browser must not read older files.
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    v: String,
    docs: u32,
    chunk: usize,
    bodies: Vec<(&'a str, &'a str)>,
    /// Flat `[body, year, count, body, year, count, …]`.
    runs: Vec<i64>,
    keys: String,
    maxkey: usize,
    xs: u32,
    stop: Vec<String>,
}

/// What was written, for stats and the benchmark.
#[derive(Debug, Default, Clone)]
pub struct Written {
    /// (path relative to the index folder, bytes) of every file.
    pub files: Vec<(String, u64)>,
    pub term_shards: usize,
    pub exact_shards: usize,
    pub chunks: usize,
}

/// Serializes `index` and writes it into `dir` (the `soeg/` folder), files in parallel.
pub fn write(index: &Index, dir: &Path) -> io::Result<Written> {
    let encoded = encode_terms(index);
    let shards = shard(&encoded);
    let mut files: Vec<(String, String)> = Vec::new();
    for (key, terms) in &shards {
        let body: BTreeMap<&str, _> = terms.iter().map(|t| (*t, &encoded[t])).collect();
        files.push((format!("t/{key}.json"), to_json(&body)?));
    }
    let xs = exact_shards(index, &mut files)?;
    let chunks = doc_chunks(index, &mut files)?;
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    let keys: Vec<&str> = shards.keys().map(String::as_str).collect();
    let manifest = Manifest {
        format: FORMAT,
        v: format!("{:x}", hasher.finish() & 0xffff_ffff_ffff),
        docs: index.docs(),
        chunk: CHUNK_DOCS,
        bodies: index.bodies.names.iter().zip(&index.bodies.slugs).map(|(n, s)| (n.as_str(), s.as_str())).collect(),
        runs: index.runs.iter().flat_map(|&(b, y, n)| [b as i64, i64::from(y), i64::from(n)]).collect(),
        keys: front_code(&keys),
        maxkey: MAX_KEY_CHARS,
        xs,
        stop: Analyzer::default().stop_words(),
    };
    files.push(("index.json".to_string(), to_json(&manifest)?));
    for sub in ["t", "x", "d"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    files.par_iter().try_for_each(|(name, text)| std::fs::write(dir.join(name), text))?;
    Ok(Written {
        files: files.iter().map(|(n, t)| (n.clone(), t.len() as u64)).collect(),
        term_shards: shards.len(),
        exact_shards: xs as usize,
        chunks,
    })
}

fn to_json<T: Serialize>(value: &T) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::other)
}

type ExactEntry<'a> = (String, String, Option<&'a str>, BTreeMap<u32, RecordRow<'a>>);

/// Spreads the exact keys over hash shards of about [`EXACT_TARGET`] bytes; returns the shard count.
fn exact_shards(index: &Index, files: &mut Vec<(String, String)>) -> io::Result<u32> {
    let docs = index.docs();
    let mut entries: Vec<(&str, ExactEntry<'_>, usize)> = Vec::with_capacity(index.exact.len());
    for (k, p) in &index.exact {
        let page = index.case_pages.get(k).map(String::as_str);
        let records: BTreeMap<u32, RecordRow<'_>> = match k.starts_with("c:") {
            true => p.flagged.iter().map(|&d| (d, without_snippet(row(&index.records[d as usize])))).collect(),
            false => BTreeMap::new(),
        };
        let entry = (encode::postings(&p.all, docs), encode::deltas(&p.flagged), page, records);
        let bytes = to_json(&entry)?.len() + k.len() + 4;
        entries.push((k.as_str(), entry, bytes));
    }
    let total: usize = entries.iter().map(|e| e.2).sum();
    let count = total.div_ceil(EXACT_TARGET).max(1) as u32;
    let mut shards: Vec<BTreeMap<&str, &ExactEntry<'_>>> = vec![BTreeMap::new(); count as usize];
    for (key, entry, _) in &entries {
        shards[shard_of(key, count) as usize].insert(key, entry);
    }
    for (n, shard) in shards.iter().enumerate() {
        files.push((format!("x/{n}.json"), to_json(shard)?));
    }
    Ok(count)
}

type RecordRow<'a> = (&'a str, usize, &'a str, u32, &'a str, &'a str, &'a str, &'a str);

/// Inline records leave out the snippet: a case-number hit is in the metadata, and the doc store
/// has the full record when its chunk is loaded anyway.
fn without_snippet(r: RecordRow<'_>) -> RecordRow<'_> {
    (r.0, r.1, r.2, r.3, r.4, r.5, "", r.7)
}

fn row(r: &Record) -> RecordRow<'_> {
    let path = r.path.as_str();
    (
        r.title.as_str(),
        r.body,
        r.date.as_str(),
        r.number,
        r.case.as_str(),
        r.case_slug.as_str(),
        r.snippet.as_str(),
        path,
    )
}

/// Writes the result records in chunks of [`CHUNK_DOCS`]; returns the chunk count.
fn doc_chunks(index: &Index, files: &mut Vec<(String, String)>) -> io::Result<usize> {
    let chunks: Vec<&[Record]> = index.records.chunks(CHUNK_DOCS).collect();
    for (n, chunk) in chunks.iter().enumerate() {
        let rows: Vec<RecordRow<'_>> = chunk.iter().map(row).collect();
        files.push((format!("d/{n}.json"), to_json(&rows)?));
    }
    Ok(chunks.len())
}

/// Sorted shard keys, front-coded: each key is a letter giving how many leading characters it shares
/// with the previous key (`A` = 0, `B` = 1, …) and the rest of the key; keys are separated by spaces.
/// Keys are `[a-z0-9_]`, so the letter is unambiguous.
pub fn front_code(keys: &[&str]) -> String {
    let mut out = String::new();
    let mut prev = "";
    for key in keys {
        let shared = prev.bytes().zip(key.bytes()).take_while(|(a, b)| a == b).count().min(25);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push((b'A' + shared as u8) as char);
        out.push_str(&key[shared..]);
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
    fn front_coding_round_trips() {
        let keys = ["0", "00", "20", "2010", "2011", "lo", "lok", "lokalp", "oe", "_x"];
        let coded = front_code(&keys);
        assert_eq!(coded, "A0 B0 A20 C10 D1 Alo Ck Dalp Aoe A_x");
        assert_eq!(front_decode(&coded), keys);
    }
}
