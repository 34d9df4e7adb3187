//! Gathering parts as they are made: [`Gathered`] absorbs each [`Part`] into one table of the
//! site's distinct words (and exact keys) with their docs, so what is held until
//! [`super::Plan::finish`] grows with the site's words and postings, not with the number of parts
//! (a part's own word table repeats every common word; 313 of them at 20,000 meetings were ~450 MB).
//!
//! Docs are kept per string as a byte stream of varint deltas (most are one byte: a word's next doc
//! is usually within a part's few hundred docs). Parts may arrive in any order; a part that starts
//! before a string's last doc restarts its stream with a marker, and [`Streams::docs`] says whether
//! the decoded docs need sorting.

use super::intern::{Interner, Lists, FLAG};
use super::part::{Part, Rows};
use rayon::iter::{FromParallelIterator, IntoParallelIterator, ParallelIterator};

/// Every part absorbed so far: words and exact keys with their docs, and the parts' result rows.
#[derive(Debug, Default)]
pub struct Gathered {
    pub(super) words: Streams,
    pub(super) exact: Streams,
    /// (first doc, doc count, rows) of each absorbed part, in arrival order.
    pub(super) rows: Vec<(u32, u32, Rows)>,
}

impl Gathered {
    /// Adds a part's words, keys and rows; the part's own tables are freed.
    pub fn absorb(&mut self, part: Part) {
        if part.docs == 0 {
            return;
        }
        self.words.absorb(&part.words);
        self.exact.absorb(&part.exact);
        let mut rows = part.rows;
        rows.shrink_to_fit();
        self.rows.push((part.first, part.docs, rows));
    }

    /// Both gatherings in one; their streams stay in order (no sorting in `finish`) when `self`
    /// holds the earlier docs, as rayon's reduce hands them.
    pub fn merge(mut self, other: Gathered) -> Gathered {
        self.words.merge(other.words);
        self.exact.merge(other.exact);
        self.rows.extend(other.rows);
        self
    }
}

impl From<Vec<Part>> for Gathered {
    fn from(parts: Vec<Part>) -> Gathered {
        parts.into_iter().collect()
    }
}

impl FromIterator<Part> for Gathered {
    fn from_iter<I: IntoIterator<Item = Part>>(parts: I) -> Gathered {
        let mut gathered = Gathered::default();
        parts.into_iter().for_each(|p| gathered.absorb(p));
        gathered
    }
}

/// Each thread absorbs the parts it makes into its own gathering, and neighbouring gatherings
/// merge as rayon joins them: parts never wait in a list.
impl FromParallelIterator<Part> for Gathered {
    fn from_par_iter<I: IntoParallelIterator<Item = Part>>(parts: I) -> Gathered {
        parts
            .into_par_iter()
            .fold(Gathered::default, |mut g, p| {
                g.absorb(p);
                g
            })
            .reduce(Gathered::default, Gathered::merge)
    }
}

/// Distinct strings, each with a stream of its docs (see the module header).
#[derive(Debug, Default)]
pub struct Streams {
    pub names: Interner,
    streams: Vec<Stream>,
}

/// One string's docs: varints of `(doc + 1 - previous) << 1 | flag`, where "previous" is the last
/// doc + 1 or 0 at the start; the value 0 restarts from 0 (a doc out of order). A doc is never
/// listed twice for one string in one part, and parts cover disjoint docs, so 0 is free.
#[derive(Debug, Default)]
struct Stream {
    bytes: Vec<u8>,
    /// The last doc + 1, or 0.
    last: u32,
}

impl Streams {
    pub fn len(&self) -> usize {
        self.streams.len()
    }

    pub fn is_empty(&self) -> bool {
        self.streams.is_empty()
    }

    /// Appends a part's lists (flagged docs in doc order): each of its strings is looked up once,
    /// its pairs are grouped by string (a counting sort keeps each string's docs in order), and
    /// each string's docs go to its stream in one go. Appending pair by pair touched a stream (and
    /// the end of its bytes) at random for every pair; grouped, it is once per string and part.
    pub fn absorb(&mut self, lists: &Lists) {
        let ids: Vec<u32> = lists.names.iter().map(|s| self.stream_id(s)).collect();
        let pairs = lists.pairs();
        // ends[s] is first where string s's docs start, then (after placing them) where they end.
        let mut ends = vec![0u32; ids.len() + 1];
        for &(s, _) in pairs {
            ends[s as usize + 1] += 1;
        }
        for s in 1..ends.len() {
            ends[s] += ends[s - 1];
        }
        let mut grouped = vec![0u32; pairs.len()];
        for &(s, doc) in pairs {
            let at = &mut ends[s as usize];
            grouped[*at as usize] = doc;
            *at += 1;
        }
        let mut start = 0;
        for (s, &end) in ends[..ids.len()].iter().enumerate() {
            if end > start {
                let stream = &mut self.streams[ids[s] as usize];
                grouped[start as usize..end as usize].iter().for_each(|&doc| stream.push(doc));
            }
            start = end;
        }
    }

    /// Appends every stream of `other` (the later docs) to this one's stream of the same string.
    /// The smaller table is looked up in the larger, which is kept: reducing many gatherings costs
    /// the words of the small ones, not of the site each time.
    pub fn merge(&mut self, mut other: Streams) {
        if self.len() >= other.len() {
            for (i, later) in other.streams.into_iter().enumerate() {
                self.stream(other.names.get(i)).append(later);
            }
            return;
        }
        let earlier = std::mem::take(self);
        for (i, mut stream) in earlier.streams.into_iter().enumerate() {
            let slot = other.stream(earlier.names.get(i));
            stream.append(std::mem::take(slot));
            *slot = stream;
        }
        *self = other;
    }

    /// Decodes the docs of string `i` (flagged with [`FLAG`]) into `out`; false when they came
    /// in more than one run and need sorting.
    pub fn docs(&self, i: usize, out: &mut Vec<u32>) -> bool {
        let mut in_order = true;
        let mut last = 0u32;
        let mut bytes = self.streams[i].bytes.as_slice();
        // Most varints are one byte: read those without the loop.
        while let Some((v, n)) = match bytes.first() {
            Some(&b) if b < 0x80 => Some((u64::from(b), 1)),
            _ => read_varint(bytes),
        } {
            bytes = &bytes[n..];
            if v == 0 {
                in_order = false;
                last = 0;
                continue;
            }
            last = last.wrapping_add((v >> 1) as u32);
            out.push(last.wrapping_sub(1) | if v & 1 != 0 { FLAG } else { 0 });
        }
        in_order
    }

    /// The stream of `s`, added empty when new.
    fn stream(&mut self, s: &str) -> &mut Stream {
        let id = self.stream_id(s);
        &mut self.streams[id as usize]
    }

    /// The index of the stream of `s`, added empty when new.
    fn stream_id(&mut self, s: &str) -> u32 {
        let id = self.names.intern(s);
        if id == self.streams.len() {
            self.streams.push(Stream::default());
        }
        id as u32
    }
}

impl Stream {
    /// Appends a doc id (with [`FLAG`] set when flagged).
    fn push(&mut self, doc: u32) {
        let next = (doc & !FLAG) + 1;
        if next <= self.last {
            self.bytes.push(0);
            self.last = 0;
        }
        push_varint(&mut self.bytes, u64::from(next - self.last) << 1 | u64::from(doc >> 31));
        self.last = next;
    }

    /// Appends `other`'s docs: its first value is re-based on this stream's last doc, the rest of
    /// its bytes are relative already and copied as they are.
    fn append(&mut self, other: Stream) {
        let Some((v, n)) = read_varint(&other.bytes) else { return };
        if self.bytes.is_empty() {
            *self = other;
            return;
        }
        let next = (v >> 1) as u32;
        if next > self.last {
            push_varint(&mut self.bytes, u64::from(next - self.last) << 1 | (v & 1));
            self.bytes.extend_from_slice(&other.bytes[n..]);
        } else {
            self.bytes.push(0);
            self.bytes.extend_from_slice(&other.bytes);
        }
        self.last = other.last;
    }
}

/// LEB128: 7 bits a byte, low bits first, the high bit set on all but the last byte.
fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The varint at the start of `bytes` and its length; `None` at the end (or a cut-off varint).
#[inline]
fn read_varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return Some((v, i + 1));
        }
    }
    None
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

    fn docs(s: &Streams, name: &str) -> (Vec<u32>, bool) {
        let i = (0..s.len()).find(|&i| s.names.get(i) == name).unwrap();
        let mut out = Vec::new();
        let in_order = s.docs(i, &mut out);
        (out, in_order)
    }

    #[test]
    fn varints_round_trip() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX) << 1 | 1] {
            let mut out = Vec::new();
            push_varint(&mut out, v);
            assert_eq!(read_varint(&out), Some((v, out.len())));
        }
        assert_eq!(read_varint(&[0x80]), None, "cut off");
    }

    #[test]
    fn streams_keep_docs_and_flags_in_any_order_of_parts() {
        let a = lists(&[("a", 0, true), ("b", 0, false), ("a", 200, false)]);
        let b = lists(&[("a", 300, false), ("a", 301, true), ("c", 1 << 20, false)]);
        let mut s = Streams::default();
        s.absorb(&a);
        s.absorb(&b);
        assert_eq!(docs(&s, "a"), (vec![FLAG, 200, 300, 301 | FLAG], true));
        let mut r = Streams::default();
        r.absorb(&b);
        r.absorb(&a);
        assert_eq!(docs(&r, "a"), (vec![300, 301 | FLAG, FLAG, 200], false));
        assert_eq!(docs(&r, "c"), (vec![1 << 20], true));
    }

    #[test]
    fn merged_streams_rebase_or_restart() {
        let (mut x, mut y, mut z) = (Streams::default(), Streams::default(), Streams::default());
        x.absorb(&lists(&[("a", 5, false), ("b", 6, true)]));
        y.absorb(&lists(&[("a", 9, true), ("c", 10, false)]));
        z.absorb(&lists(&[("a", 1, false)]));
        x.merge(y);
        assert_eq!(docs(&x, "a"), (vec![5, 9 | FLAG], true));
        x.merge(z);
        assert_eq!(docs(&x, "a"), (vec![5, 9 | FLAG, 1], false));
        assert_eq!(docs(&x, "b"), (vec![6 | FLAG], true));
        assert_eq!(docs(&x, "c"), (vec![10], true));
        let (mut small, mut large) = (Streams::default(), Streams::default());
        small.absorb(&lists(&[("b", 1, true)]));
        large.absorb(&lists(&[("a", 2, false), ("b", 3, false), ("c", 3, false)]));
        small.merge(large);
        assert_eq!(small.len(), 3);
        assert_eq!(docs(&small, "b"), (vec![1 | FLAG, 3], true), "the earlier docs stay first");
        assert_eq!(docs(&small, "a"), (vec![2], true));
    }
}
