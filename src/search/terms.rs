//! Merging the parts: every distinct word of the site is stemmed once (in parallel), the parts'
//! word lists are gathered into term postings and their exact-key lists into exact postings.
//!
//! Parts arrive in doc order and cover disjoint doc ranges, so appending their lists keeps postings
//! sorted; only a term with two spellings in one part (e.g. "Lokalplan" and "lokalplanen") can
//! interleave, and only that part's stretch of it is sorted again.

use super::intern::{Interner, Lists, FLAG};
use super::part::Part;
use super::text::Analyzer;
use rayon::prelude::*;

/// No target: the word is a stop word or too long.
const NONE: u32 = u32::MAX;

/// Sorted doc ids of a term or exact key, and the subset that is flagged
/// (title hits for terms, carriers for exact keys).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Postings {
    pub all: Vec<u32>,
    pub flagged: Vec<u32>,
}

/// Merged postings by name, and the names in sorted order.
#[derive(Debug, Default)]
pub struct Merged {
    pub names: Interner,
    pub postings: Vec<Postings>,
    /// Name ids sorted by name (byte order, which is code point order).
    pub sorted: Vec<u32>,
}

impl Merged {
    /// (name, postings) in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Postings)> {
        self.sorted.iter().map(|&i| (self.names.get(i as usize), &self.postings[i as usize]))
    }

    pub fn len(&self) -> usize {
        self.postings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }
}

/// Term postings of all parts: words stemmed and folded once each, stop words dropped.
pub fn gather_terms(parts: &[Part], analyzer: &Analyzer) -> Merged {
    let lists: Vec<&Lists> = parts.iter().map(|p| &p.words).collect();
    let (words, local) = union(&lists);
    let stems: Vec<Option<String>> = (0..words.len()).into_par_iter().map(|w| analyzer.term(words.get(w))).collect();
    let mut names = Interner::with_capacity(words.len() / 2);
    let word_term: Vec<u32> = stems.iter().map(|s| s.as_deref().map_or(NONE, |t| names.intern(t) as u32)).collect();
    let targets: Vec<Vec<u32>> = local.iter().map(|l| l.iter().map(|&w| word_term[w as usize]).collect()).collect();
    merged(names, &lists, &targets)
}

/// Exact-key postings of all parts.
pub fn gather_exact(parts: &[Part]) -> Merged {
    let lists: Vec<&Lists> = parts.iter().map(|p| &p.exact).collect();
    let (names, targets) = union(&lists);
    merged(names, &lists, &targets)
}

/// The distinct names of all lists, and for each list the id of each of its names among them.
fn union(lists: &[&Lists]) -> (Interner, Vec<Vec<u32>>) {
    let mut names = Interner::with_capacity(lists.iter().map(|l| l.len()).max().unwrap_or(0) * 2);
    let ids = lists.iter().map(|l| l.names.iter().map(|s| names.intern(s) as u32).collect()).collect();
    (names, ids)
}

fn merged(names: Interner, lists: &[&Lists], targets: &[Vec<u32>]) -> Merged {
    let postings = merge(lists, targets, names.len());
    let mut sorted: Vec<u32> = (0..names.len() as u32).collect();
    sorted.par_sort_unstable_by(|&a, &b| names.get(a as usize).cmp(names.get(b as usize)));
    Merged { names, postings, sorted }
}

/// Appends every list entry `i` of list `l` to target `targets[l][i]` (in list order), then splits
/// the flags off. Counted first, so the postings are filled in one flat buffer without regrowing.
fn merge(lists: &[&Lists], targets: &[Vec<u32>], count: usize) -> Vec<Postings> {
    let mut starts = vec![0usize; count + 1];
    for (l, t) in lists.iter().zip(targets) {
        for (i, &target) in t.iter().enumerate().filter(|(_, &t)| t != NONE) {
            starts[target as usize + 1] += l.docs(i).len();
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut flat = vec![0u32; starts[count]];
    let mut next = starts.clone();
    // Where each target's docs from the current list begin, and which targets got several of its
    // entries (spellings): only those few segments need sorting, while they are in cache.
    let mut segment = vec![(u32::MAX, 0usize, false); count];
    let mut interleaved: Vec<u32> = Vec::new();
    let mut bits = Vec::new();
    for (n, (l, t)) in lists.iter().zip(targets).enumerate() {
        for (i, &target) in t.iter().enumerate().filter(|(_, &t)| t != NONE) {
            let (docs, at) = (l.docs(i), &mut next[target as usize]);
            match &mut segment[target as usize] {
                (list, _, twice) if *list == n as u32 => {
                    if !*twice {
                        interleaved.push(target);
                    }
                    *twice = true;
                }
                seg => *seg = (n as u32, *at, false),
            }
            flat[*at..*at + docs.len()].copy_from_slice(docs);
            *at += docs.len();
        }
        for t in interleaved.drain(..) {
            in_order(&mut flat[segment[t as usize].1..next[t as usize]], &mut bits);
        }
    }
    (0..count).into_par_iter().map(|t| postings(&flat[starts[t]..starts[t + 1]])).collect()
}

/// Marks a doc id in `flat` that was listed twice; [`postings`] skips it.
const HOLE: u32 = u32::MAX;

/// Puts the docs of several sorted runs (one list's spellings of a term, all within one part's
/// few hundred docs) in order through a bitmap of their range: linear, where sorting was most of
/// the merge. Each doc is kept once, flagged if any was; the freed places at the end become holes.
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

    fn lists(entries: &[(&str, u32, bool)]) -> Lists {
        let mut b = ListsBuilder::with_capacity(4);
        for &(w, d, f) in entries {
            b.add(w, d, f);
        }
        b.finish()
    }

    fn part(words: &[(&str, u32, bool)]) -> Part {
        Part { words: lists(words), ..Part::default() }
    }

    #[test]
    fn spellings_of_one_term_merge_into_sorted_distinct_postings() {
        let a = part(&[
            ("lokalplanerne", 0, false),
            ("Lokalplan", 1, false),
            ("lokalplanerne", 1, true),
            ("lokalplanerne", 3, false),
            ("Lokalplan", 4, true),
            ("lokalplanen", 2, false),
            ("lokalplanen", 4, false),
        ]);
        let b = part(&[("lokalplan", 6, false), ("og", 6, false), ("og", 7, false), ("lokalplan", 9, false)]);
        let terms = gather_terms(&[a, b], &Analyzer::default());
        let term = Analyzer::default().term("lokalplan").unwrap();
        let all: Vec<(&str, &Postings)> = terms.iter().collect();
        assert_eq!(all.len(), 1, "stop words have no postings");
        assert_eq!(all[0].0, term);
        assert_eq!(*all[0].1, Postings { all: vec![0, 1, 2, 3, 4, 6, 9], flagged: vec![1, 4] });
    }

    #[test]
    fn interleaved_runs_come_out_in_order_once_each() {
        let mut segment = [70 | FLAG, 300, 302, 3, 70, 301 | FLAG, 302 | FLAG];
        in_order(&mut segment, &mut Vec::new());
        assert_eq!(segment, [3, 70 | FLAG, 300, 301 | FLAG, 302 | FLAG, HOLE, HOLE]);
        assert_eq!(postings(&segment), Postings { all: vec![3, 70, 300, 301, 302], flagged: vec![70, 301, 302] });
    }

    #[test]
    fn names_come_out_sorted() {
        let a = Part { exact: lists(&[("d:2017", 0, true), ("c:16/1", 0, false)]), ..Part::default() };
        let b = Part { exact: lists(&[("c:16/1", 1, true), ("c:15/2", 1, false)]), ..Part::default() };
        let exact = gather_exact(&[a, b]);
        let names: Vec<&str> = exact.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["c:15/2", "c:16/1", "d:2017"]);
        assert_eq!(exact.iter().nth(1).unwrap().1, &Postings { all: vec![0, 1], flagged: vec![1] });
    }
}
