//! Merging the gathered parts: every distinct word of the site is stemmed once (in parallel), and
//! each term's postings are decoded from its spellings' doc streams when its shard entry is
//! written, so the merged postings of the whole site are never in memory at once.
//!
//! A term's spellings (e.g. "Lokalplan" and "lokalplanen") and parts that arrived out of order give
//! several sorted runs; a dense term is put in order through a bitmap of its range, a sparse one sorted.

use super::gather::Streams;
use super::intern::{load, Interner, FLAG};
use super::text::Analyzer;
use rayon::prelude::*;

/// Sorted doc ids of a term or exact key, and the subset that is flagged
/// (title hits for terms, carriers for exact keys).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Postings {
    pub all: Vec<u32>,
    pub flagged: Vec<u32>,
}

/// Names (terms or exact keys) in sorted order, each with the doc streams it is made of.
#[derive(Debug)]
pub struct Merged<'a> {
    pub names: Interner,
    /// `sources[starts[i]..starts[i + 1]]` are the streams of name `i`.
    starts: Vec<u32>,
    sources: Vec<u32>,
    streams: &'a Streams,
    /// Name ids sorted by name (byte order, which is code point order).
    pub sorted: Vec<u32>,
}

impl Merged<'_> {
    /// (name, postings) in name order, the postings decoded in parallel as they are asked for.
    pub fn par_iter(&self) -> impl IndexedParallelIterator<Item = (&str, Postings)> + '_ {
        self.sorted
            .par_iter()
            .map_init(Vec::new, |buf, &i| (self.names.get(i as usize), self.postings(i as usize, buf)))
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The postings of name `i`, with `buf` as scratch.
    fn postings(&self, i: usize, buf: &mut Vec<u32>) -> Postings {
        buf.clear();
        let sources = &self.sources[self.starts[i] as usize..self.starts[i + 1] as usize];
        let mut in_order = sources.len() == 1;
        for &s in sources {
            in_order &= self.streams.docs(s as usize, buf);
        }
        if !in_order {
            in_order_of_runs(buf);
        }
        postings(buf)
    }
}

/// Term postings of all gathered words: stemmed and folded once each, stop words dropped. A word
/// with a second term ([`Analyzer::terms`]: "leverandoer" read as "leverandør") is listed under both.
pub fn gather_terms<'a>(words: &'a Streams, analyzer: &Analyzer) -> Merged<'a> {
    let stems: Vec<(Option<String>, Option<String>)> =
        (0..words.len()).into_par_iter().map(|w| analyzer.terms(words.names.get(w))).collect();
    let mut names = Interner::with_capacity(words.len() / 2);
    let mut targets: Vec<(u32, u32)> = Vec::with_capacity(words.len());
    for (w, (term, alternate)) in stems.iter().enumerate() {
        for t in [term, alternate].into_iter().flatten() {
            targets.push((w as u32, names.intern(t) as u32));
        }
    }
    merged(names, &targets, words)
}

/// Exact-key postings of all gathered keys (each key its own name).
pub fn gather_exact(keys: &Streams) -> Merged<'_> {
    let names = keys.names.clone();
    let targets: Vec<(u32, u32)> = (0..keys.len() as u32).map(|k| (k, k)).collect();
    merged(names, &targets, keys)
}

/// Groups the streams by target name (a counting sort of the (stream, name) pairs) and sorts the names.
fn merged<'a>(names: Interner, targets: &[(u32, u32)], streams: &'a Streams) -> Merged<'a> {
    let count = names.len();
    let mut starts = vec![0u32; count + 1];
    for &(_, t) in targets {
        starts[t as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut sources = vec![0u32; starts[count] as usize];
    for &(s, t) in targets {
        sources[next[t as usize] as usize] = s;
        next[t as usize] += 1;
    }
    // Most names differ in their first 8 bytes: comparing those as one number decides most
    // comparisons without reading the names (as big-endian numbers they order as bytes do).
    let mut keys: Vec<(u64, u32)> =
        (0..count).map(|i| (load(names.get(i).as_bytes()).swap_bytes(), i as u32)).collect();
    keys.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| names.get(a.1 as usize).cmp(names.get(b.1 as usize))));
    let sorted = keys.into_iter().map(|(_, i)| i).collect();
    Merged { names, starts, sources, streams, sorted }
}

/// Puts several sorted runs of flagged doc ids in order (a doc may appear in more than one run):
/// through a bitmap when they are dense in their range, else by sorting.
fn in_order_of_runs(docs: &mut [u32]) {
    let lo = docs.iter().map(|&d| d & !FLAG).min().unwrap_or(0);
    let hi = docs.iter().map(|&d| d & !FLAG).max().unwrap_or(0);
    if ((hi - lo) / 64) as usize <= docs.len() * 4 {
        in_order(docs, &mut Vec::new());
    } else {
        docs.sort_unstable_by_key(|&d| d & !FLAG);
    }
}

/// Marks a doc id that was listed twice; [`postings`] skips it.
const HOLE: u32 = u32::MAX;

/// Puts the docs of several sorted runs in order through a bitmap of their range: linear, where
/// sorting was most of the merge. Each doc is kept once, flagged if any was; the freed places at
/// the end become holes.
fn in_order(segment: &mut [u32], bits: &mut Vec<(u64, u64)>) {
    let lo = segment.iter().map(|&d| d & !FLAG).min().unwrap_or(0);
    let hi = segment.iter().map(|&d| d & !FLAG).max().unwrap_or(0);
    bits.clear();
    bits.resize(((hi - lo) / 64 + 1) as usize, (0, 0));
    for &d in segment.iter() {
        let offset = (d & !FLAG) - lo;
        let (word, bit) = (offset / 64, 1u64 << (offset % 64));
        let cell = &mut bits[word as usize];
        cell.0 |= bit;
        if d & FLAG != 0 {
            cell.1 |= bit;
        }
    }
    let mut out = 0;
    for (w, &(mut all, flagged)) in bits.iter().enumerate() {
        while all != 0 {
            let k = all.trailing_zeros();
            all &= all - 1;
            let flag = if flagged >> k & 1 != 0 { FLAG } else { 0 };
            segment[out] = (lo + w as u32 * 64 + k) | flag;
            out += 1;
        }
    }
    segment[out..].fill(HOLE);
}

/// Splits flagged doc ids off sorted ones; a doc listed twice (two spellings) counts once, flagged
/// if either is.
fn postings(ids: &[u32]) -> Postings {
    let mut p = Postings { all: Vec::with_capacity(ids.len()), flagged: Vec::new() };
    for &d in ids.iter().filter(|&&d| d != HOLE) {
        let id = d & !FLAG;
        if p.all.last() != Some(&id) {
            p.all.push(id);
        }
        if d & FLAG != 0 && p.flagged.last() != Some(&id) {
            p.flagged.push(id);
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::intern::ListsBuilder;

    /// The streams of parts, each a list of (string, doc, flag), absorbed in the order given.
    fn streams(parts: &[&[(&str, u32, bool)]]) -> Streams {
        let mut s = Streams::default();
        for entries in parts {
            let mut b = ListsBuilder::with_capacity(4);
            for &(w, d, f) in entries.iter() {
                b.add(w, d, f);
            }
            s.absorb(&b.finish());
        }
        s
    }

    #[test]
    fn spellings_of_one_term_merge_into_sorted_distinct_postings() {
        let a: &[(&str, u32, bool)] = &[
            ("lokalplanerne", 0, false),
            ("Lokalplan", 1, false),
            ("lokalplanerne", 1, true),
            ("lokalplanerne", 3, false),
            ("Lokalplan", 4, true),
            ("lokalplanen", 2, false),
            ("lokalplanen", 4, false),
        ];
        let b: &[(&str, u32, bool)] =
            &[("lokalplan", 6, false), ("og", 6, false), ("og", 7, false), ("lokalplan", 9, false)];
        let expected = Postings { all: vec![0, 1, 2, 3, 4, 6, 9], flagged: vec![1, 4] };
        for words in [streams(&[a, b]), streams(&[b, a])] {
            let terms = gather_terms(&words, &Analyzer::default());
            let term = Analyzer::default().term("lokalplan").unwrap();
            let all: Vec<(&str, Postings)> = terms.par_iter().collect();
            assert_eq!(all.len(), 1, "stop words have no postings");
            assert_eq!(all[0].0, term);
            assert_eq!(all[0].1, expected);
        }
    }

    /// Regression (journalist review): "leverandoer" found nothing, because its term differed from
    /// that of "leverandør". A word with aa/ae/oe is listed under its own term and under the term of
    /// the word read with å/æ/ø.
    #[test]
    fn a_word_with_aa_ae_oe_is_listed_under_both_readings() {
        let words = streams(&[&[
            ("leverandoer", 0, false),
            ("leverandør", 1, true),
            ("kontoer", 2, false),
            ("konto", 3, false),
        ]]);
        let a = Analyzer::default();
        let terms = gather_terms(&words, &a);
        let all: std::collections::HashMap<&str, Postings> = terms.par_iter().collect();
        assert_eq!(all[a.term("leverandør").unwrap().as_str()], Postings { all: vec![0, 1], flagged: vec![1] });
        assert_eq!(all[a.term("leverandoer").unwrap().as_str()], Postings { all: vec![0], flagged: vec![] });
        assert_eq!(all[a.term("konto").unwrap().as_str()].all, [2, 3], "kontoer still meets konto");
    }

    #[test]
    fn interleaved_runs_come_out_in_order_once_each() {
        let mut segment = [70 | FLAG, 300, 302, 3, 70, 301 | FLAG, 302 | FLAG];
        in_order(&mut segment, &mut Vec::new());
        assert_eq!(segment, [3, 70 | FLAG, 300, 301 | FLAG, 302 | FLAG, HOLE, HOLE]);
        assert_eq!(postings(&segment), Postings { all: vec![3, 70, 300, 301, 302], flagged: vec![70, 301, 302] });
        let mut sparse = [1_000_000, 5 | FLAG, 999_999, 5];
        in_order_of_runs(&mut sparse);
        assert_eq!(postings(&sparse), Postings { all: vec![5, 999_999, 1_000_000], flagged: vec![5] });
    }

    #[test]
    fn names_come_out_sorted() {
        let keys =
            streams(&[&[("c:16/1", 1, true), ("c:15/2", 1, false)], &[("d:2017", 0, true), ("c:16/1", 0, false)]]);
        let exact = gather_exact(&keys);
        let all: Vec<(&str, Postings)> = exact.par_iter().collect();
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["c:15/2", "c:16/1", "d:2017"]);
        assert_eq!(all[1].1, Postings { all: vec![0, 1], flagged: vec![1] });
    }
}
