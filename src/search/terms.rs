//! Term postings for the whole corpus, built in three passes so the costly steps run once:
//! documents are tokenized in parallel parts into postings per distinct *word* (one hash lookup per
//! word occurrence, no allocation), every distinct word of the corpus is stemmed once, and the word
//! postings are then gathered into term postings.

use super::docs::Doc;
use super::index::Postings;
use super::text::{words, Analyzer, FxBuild};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Fewest documents in one parallel part: every part repeats the corpus's common words.
const MIN_PART_DOCS: usize = 512;

/// Exact keys and snippet of one document, computed beside its words.
pub type DocExtras = (Vec<(String, bool)>, String);

/// One part of the corpus: its distinct words, each word's postings (global doc ids), and per
/// document its exact keys and snippet.
struct Part {
    words: Vec<String>,
    postings: Vec<Postings>,
    extras: Vec<DocExtras>,
}

/// Term postings (flagged = title hits) and each document's exact keys and snippet, in doc-id order.
pub fn analyze(docs: &[Doc<'_>], analyzer: &Analyzer) -> (BTreeMap<String, Postings>, Vec<DocExtras>) {
    let size = docs.len().div_ceil(rayon::current_num_threads() * 4).max(MIN_PART_DOCS);
    let parts: Vec<Part> = docs.par_chunks(size).enumerate().map(|(n, chunk)| part(chunk, (n * size) as u32)).collect();
    let terms = gather(&parts, analyzer);
    let extras = parts.into_iter().flat_map(|p| p.extras).collect();
    (terms, extras)
}

/// Tokenizes the documents of one part; `first` is the doc id of `docs[0]`.
fn part(docs: &[Doc<'_>], first: u32) -> Part {
    let texts: Vec<(Cow<'_, str>, Vec<Cow<'_, str>>)> = docs.iter().map(|d| (d.title(), d.text())).collect();
    let mut ids: HashMap<&str, u32, FxBuild> = HashMap::with_capacity_and_hasher(16_384, FxBuild::default());
    let mut postings: Vec<Postings> = Vec::new();
    // The last doc each word was seen in, dense, so a repeated word touches no postings vector.
    let mut last: Vec<u32> = Vec::new();
    let mut extras = Vec::with_capacity(docs.len());
    for (n, (doc, (title, text))) in docs.iter().zip(&texts).enumerate() {
        let id = first + n as u32;
        for w in words(title) {
            let local = local_id(&mut ids, &mut postings, &mut last, w);
            last[local] = id;
            add(&mut postings[local], id, true);
        }
        for w in text.iter().flat_map(|p| words(p)) {
            let local = local_id(&mut ids, &mut postings, &mut last, w);
            if last[local] != id {
                last[local] = id;
                add(&mut postings[local], id, false);
            }
        }
        extras.push((doc.exact(title, text), super::docs::snippet(text)));
    }
    let mut words = vec![String::new(); postings.len()];
    for (w, local) in ids {
        words[local as usize] = w.to_string();
    }
    Part { words, postings, extras }
}

/// The part-local id of `word`, adding it (with empty postings) when new.
fn local_id<'t>(
    ids: &mut HashMap<&'t str, u32, FxBuild>,
    postings: &mut Vec<Postings>,
    last: &mut Vec<u32>,
    word: &'t str,
) -> usize {
    let next = postings.len() as u32;
    let local = *ids.entry(word).or_insert(next);
    if local == next {
        postings.push(Postings::default());
        last.push(u32::MAX);
    }
    local as usize
}

/// Adds doc `id` to `p` once, flagged if any occurrence is (ids arrive in increasing order).
fn add(p: &mut Postings, id: u32, flag: bool) {
    if p.all.last() != Some(&id) {
        p.all.push(id);
    }
    if flag && p.flagged.last() != Some(&id) {
        p.flagged.push(id);
    }
}

/// Stems every distinct word of the corpus once and merges the word postings into term postings.
fn gather(parts: &[Part], analyzer: &Analyzer) -> BTreeMap<String, Postings> {
    let mut word_ids: HashMap<&str, u32, FxBuild> = HashMap::default();
    let mut words: Vec<&str> = Vec::new();
    let local_to_word: Vec<Vec<u32>> = parts
        .iter()
        .map(|p| {
            let ids = p.words.iter().map(|w| *word_ids.entry(w).or_insert_with(|| push(&mut words, w)));
            ids.collect()
        })
        .collect();
    let stems: Vec<Option<String>> = words.par_iter().map(|w| analyzer.term(w)).collect();
    let mut term_ids: HashMap<&str, u32, FxBuild> = HashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let word_term: Vec<Option<u32>> =
        stems.iter().map(|s| s.as_deref().map(|t| *term_ids.entry(t).or_insert_with(|| push(&mut names, t)))).collect();
    let mut lists: Vec<(Postings, bool)> = vec![(Postings::default(), false); names.len()];
    for (part, local) in parts.iter().zip(&local_to_word) {
        for (p, &w) in part.postings.iter().zip(local) {
            if let Some(t) = word_term[w as usize] {
                append(&mut lists[t as usize], p);
            }
        }
    }
    lists.par_iter_mut().filter(|(_, unsorted)| *unsorted).for_each(|(p, _)| {
        for list in [&mut p.all, &mut p.flagged] {
            list.sort_unstable();
            list.dedup();
        }
    });
    names.into_iter().map(str::to_string).zip(lists.into_iter().map(|(p, _)| p)).collect()
}

/// Pushes `item` and returns its index.
fn push<'a>(list: &mut Vec<&'a str>, item: &'a str) -> u32 {
    list.push(item);
    list.len() as u32 - 1
}

/// Appends a word's postings to its term's; marks the term unsorted when they interleave (two
/// spellings of one term in the same part).
fn append(term: &mut (Postings, bool), word: &Postings) {
    let (p, unsorted) = term;
    let overlaps = |list: &[u32], more: &[u32]| matches!((list.last(), more.first()), (Some(a), Some(b)) if a >= b);
    *unsorted |= overlaps(&p.all, &word.all) || overlaps(&p.flagged, &word.flagged);
    p.all.extend_from_slice(&word.all);
    p.flagged.extend_from_slice(&word.flagged);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(all: &[u32], flagged: &[u32]) -> Postings {
        Postings { all: all.to_vec(), flagged: flagged.to_vec() }
    }

    fn part(words: &[(&str, Postings)]) -> Part {
        Part {
            words: words.iter().map(|(w, _)| w.to_string()).collect(),
            postings: words.iter().map(|(_, p)| p.clone()).collect(),
            extras: Vec::new(),
        }
    }

    #[test]
    fn spellings_of_one_term_merge_into_sorted_distinct_postings() {
        let a = part(&[("Lokalplan", postings(&[1, 4], &[4])), ("lokalplanerne", postings(&[0, 1, 3], &[1]))]);
        let b = part(&[("lokalplan", postings(&[6, 9], &[])), ("og", postings(&[6, 7], &[]))]);
        let terms = gather(&[a, b], &Analyzer::default());
        let term = Analyzer::default().term("lokalplan").unwrap();
        assert_eq!(terms[&term], postings(&[0, 1, 3, 4, 6, 9], &[1, 4]));
        assert_eq!(terms.len(), 1, "stop words have no postings");
    }
}
