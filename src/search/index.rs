//! Building the in-memory index: postings per term and per exact key, result records, facet runs,
//! and the split of terms into prefix shards small enough for one download each.

use super::docs::{collect, Bodies, Doc};
use super::encode;
use super::exact::case_key;
use super::terms;
use super::text::{shard_key, Analyzer, FxBuild};
use crate::link::Site;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A term shard above this many bytes is split by one more character of the prefix.
pub const SHARD_TARGET: usize = 20_000;
/// Prefix shards never get keys longer than this.
pub const MAX_KEY_CHARS: usize = 12;
/// Shortest shard key: a prefix query needs at least this many characters.
pub const MIN_KEY_CHARS: usize = 2;

/// Sorted doc ids of a term or exact key, and the subset that is flagged
/// (title hits for terms, carriers for exact keys).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Postings {
    pub all: Vec<u32>,
    pub flagged: Vec<u32>,
}

/// What a result needs to be shown, written to the doc store.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub title: String,
    pub body: usize,
    /// ISO date of the meeting.
    pub date: String,
    /// Agenda item number; 0 for the meeting itself.
    pub number: u32,
    /// Case number as written, or "".
    pub case: String,
    /// Case page slug, or "".
    pub case_slug: String,
    pub snippet: String,
    /// The meeting's folder when it is not "<body slug>/<date>/" (a second meeting that day), else "".
    pub path: String,
}

/// The whole index before it is written.
#[derive(Debug, Default)]
pub struct Index {
    pub terms: BTreeMap<String, Postings>,
    pub exact: BTreeMap<String, Postings>,
    /// Case pages by exact key, so a case-number query can offer the case page first.
    pub case_pages: HashMap<String, String>,
    pub records: Vec<Record>,
    pub bodies: Bodies,
    /// (body, year, number of consecutive docs) in doc-id order.
    pub runs: Vec<(usize, i32, u32)>,
}

impl Index {
    pub fn docs(&self) -> u32 {
        self.records.len() as u32
    }
}

/// Analyzes every document in parallel and merges the postings in doc-id order.
pub fn build(site: &Site) -> Index {
    let (docs, bodies) = collect(site);
    let (terms, extras) = terms::analyze(&docs, &Analyzer::default());
    let mut index = Index { bodies, runs: runs(&docs), terms, ..Default::default() };
    for case in site.cases.keys() {
        index.case_pages.insert(case_key(case), case.slug());
    }
    index.exact = merge(extras.iter().map(|(exact, _)| exact.as_slice()));
    index.records =
        docs.into_iter().zip(extras).map(|(d, (_, snippet))| record(site, &index.bodies, &d, snippet)).collect();
    index
}

fn record(site: &Site, bodies: &Bodies, doc: &Doc<'_>, snippet: String) -> Record {
    let case = doc.item.and_then(|i| i.case.as_ref());
    let date = doc.meeting.date.format("%Y-%m-%d").to_string();
    let path = site.meeting_path(doc.meeting_index);
    let usual = format!("{}/{date}/", bodies.slugs.get(doc.body).map_or("", String::as_str));
    Record {
        path: if path == usual { String::new() } else { path.to_string() },
        title: doc.title().into_owned(),
        body: doc.body,
        date,
        number: doc.item.map_or(0, |i| i.number),
        case: case.map(|c| c.as_written().to_string()).unwrap_or_default(),
        case_slug: case.map(|c| c.slug()).unwrap_or_default(),
        snippet,
    }
}

/// Postings from per-document (key, flag) lists given in doc-id order. A key repeated within one
/// document counts once (flagged if any occurrence is), so the lists stay strictly increasing.
fn merge<'a>(per_doc: impl Iterator<Item = &'a [(String, bool)]>) -> BTreeMap<String, Postings> {
    let mut map: HashMap<&'a str, Postings, FxBuild> = HashMap::default();
    for (id, keys) in per_doc.enumerate() {
        let id = id as u32;
        for (key, flag) in keys {
            let p = map.entry(key.as_str()).or_default();
            if p.all.last() != Some(&id) {
                p.all.push(id);
            }
            if *flag && p.flagged.last() != Some(&id) {
                p.flagged.push(id);
            }
        }
    }
    map.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn runs(docs: &[Doc<'_>]) -> Vec<(usize, i32, u32)> {
    let mut runs: Vec<(usize, i32, u32)> = Vec::new();
    for d in docs {
        match runs.last_mut() {
            Some((b, y, n)) if *b == d.body && *y == d.year => *n += 1,
            _ => runs.push((d.body, d.year, 1)),
        }
    }
    runs
}

/// One term's postings as written: (all, title hits, document frequency).
pub type Encoded = (String, String, usize);

/// Encodes every term's postings (in parallel).
pub fn encode_terms(index: &Index) -> BTreeMap<&str, Encoded> {
    let docs = index.docs();
    index
        .terms
        .par_iter()
        .map(|(t, p)| (t.as_str(), (encode::postings(&p.all, docs), encode::deltas(&p.flagged), p.all.len())))
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// Groups encoded terms into shards by prefix: start with [`MIN_KEY_CHARS`] characters and split
/// any shard over [`SHARD_TARGET`] bytes by one more character. Terms as long as the key stay in it.
pub fn shard<'a>(terms: &BTreeMap<&'a str, Encoded>) -> BTreeMap<String, Vec<&'a str>> {
    let mut done = BTreeMap::new();
    let mut todo: Vec<(String, Vec<&'a str>)> = group(terms.keys().copied(), MIN_KEY_CHARS);
    while let Some((key, members)) = todo.pop() {
        let len = key.chars().count();
        let bytes: usize = members.iter().map(|t| entry_bytes(t, &terms[t])).sum();
        let splittable = members.iter().any(|t| t.chars().count() > len);
        if bytes <= SHARD_TARGET || !(MIN_KEY_CHARS..MAX_KEY_CHARS).contains(&len) || !splittable {
            done.insert(key, members);
            continue;
        }
        let (stay, longer): (Vec<&str>, Vec<&str>) = members.into_iter().partition(|t| t.chars().count() <= len);
        if !stay.is_empty() {
            done.insert(key, stay);
        }
        todo.extend(group(longer.into_iter(), len + 1));
    }
    done
}

fn group<'a>(terms: impl Iterator<Item = &'a str>, len: usize) -> Vec<(String, Vec<&'a str>)> {
    let mut groups: BTreeMap<String, Vec<&'a str>> = BTreeMap::new();
    for t in terms {
        groups.entry(shard_key(t, len)).or_default().push(t);
    }
    groups.into_iter().collect()
}

/// Approximate JSON size of one term entry: `"term":["all","title",df],`.
fn entry_bytes(term: &str, e: &Encoded) -> usize {
    term.len() + e.0.len() + e.1.len() + 16
}
