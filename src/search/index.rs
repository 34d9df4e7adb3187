//! Splitting the sorted terms into range shards of about [`SHARD_TARGET`] bytes: a shard holds
//! consecutive terms and is named in the manifest by the shortest key that separates it from the
//! shard before, so the browser finds a term's shard as the last key ≤ the term.

use std::ops::Range;

/// A term shard is closed before it grows past this many bytes (one term may exceed it alone).
pub const SHARD_TARGET: usize = 20_000;
/// A shard may close early, once it has this many bytes, where the key to the next is shortest:
/// short keys keep the manifest small and a prefix's terms together in one shard.
const SHARD_FLOOR: usize = SHARD_TARGET * 3 / 5;

/// The shards of `terms` (sorted, distinct, `bytes` each): (key, range of term indexes). The first
/// key is "".
pub fn pack(terms: &[&str], bytes: &[usize]) -> Vec<(String, Range<usize>)> {
    let mut shards = Vec::new();
    let mut start = 0;
    while start < terms.len() {
        let mut size = bytes[start];
        let mut end = start + 1;
        while end < terms.len() && size + bytes[end] <= SHARD_TARGET {
            size += bytes[end];
            end += 1;
        }
        let cut = if end < terms.len() { best_cut(terms, bytes, start, end) } else { end };
        let key = if start == 0 { String::new() } else { separator(terms[start - 1], terms[start]) };
        shards.push((key, start..cut));
        start = cut;
    }
    shards
}

/// Where to close the shard `start..end` (which is full): at the shortest separator among the cuts
/// that leave it at least [`SHARD_FLOOR`] bytes, the latest of equals.
fn best_cut(terms: &[&str], bytes: &[usize], start: usize, end: usize) -> usize {
    let mut best = (separator_chars(terms[end - 1], terms[end]), end);
    let mut size: usize = bytes[start..end].iter().sum();
    for cut in (start + 1..end).rev() {
        size -= bytes[cut];
        if size < SHARD_FLOOR {
            break;
        }
        let chars = separator_chars(terms[cut - 1], terms[cut]);
        if chars < best.0 {
            best = (chars, cut);
        }
    }
    best.1
}

/// The shortest prefix of `next` that sorts after `prev` (`prev` < `next`).
pub fn separator(prev: &str, next: &str) -> String {
    next.chars().take(separator_chars(prev, next)).collect()
}

fn separator_chars(prev: &str, next: &str) -> usize {
    prev.chars().zip(next.chars()).take_while(|(a, b)| a == b).count() + 1
}

/// The index of the shard holding `term`: the last key ≤ `term` (`keys` sorted, the first "").
pub fn shard_of_term(keys: &[String], term: &str) -> usize {
    keys.partition_point(|k| k.as_str() <= term).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_the_shortest_prefix_after_the_previous_term() {
        assert_eq!(separator("lokal", "lokalplan"), "lokalp");
        assert_eq!(separator("budget", "byg"), "by");
        assert_eq!(separator("aeble", "oe"), "o");
        assert_eq!(separator("æb", "æc"), "æc", "characters, not bytes");
    }

    #[test]
    fn shards_stay_under_the_target_and_every_term_finds_its_shard() {
        let terms: Vec<String> = (0..5_000).map(|i| format!("{}{i}", ["a", "bo", "lok", "x"][i % 4])).collect();
        let mut terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        terms.sort();
        let bytes: Vec<usize> = (0..terms.len()).map(|i| 20 + i % 50).collect();
        let shards = pack(&terms, &bytes);
        assert!(shards.len() > 5);
        assert_eq!(shards[0].0, "");
        let keys: Vec<String> = shards.iter().map(|(k, _)| k.clone()).collect();
        for (n, (_, range)) in shards.iter().enumerate() {
            let size: usize = bytes[range.clone()].iter().sum();
            assert!(size <= SHARD_TARGET, "shard {n}: {size} B");
            assert!(n + 1 == shards.len() || size >= SHARD_FLOOR, "shard {n}: {size} B");
            for t in &terms[range.clone()] {
                assert_eq!(shard_of_term(&keys, t), n, "{t}");
            }
        }
    }

    #[test]
    fn a_term_larger_than_the_target_gets_a_shard_of_its_own() {
        let shards = pack(&["a", "b", "c"], &[10, SHARD_TARGET * 2, 10]);
        let ranges: Vec<Range<usize>> = shards.into_iter().map(|(_, r)| r).collect();
        assert_eq!(ranges, [0..1, 1..2, 2..3]);
    }
}
