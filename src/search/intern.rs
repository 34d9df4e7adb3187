//! Interning strings to dense ids, and flat per-string doc lists: the compact form a [`Part`]
//! keeps its words and exact keys in, and the tables that merge them across parts.
//!
//! A plain open-addressing table over one text buffer: a lookup hashes the word's first and last 8
//! bytes, compares a stored 32-bit hash, then those bytes, and allocates nothing; only strings over
//! 16 bytes (few words) are compared in `text`. The std `HashMap` with `&str` keys spent most of the
//! tokenizing time in probing and `memcmp` calls. The slots hold only hash and id (8 bytes), the
//! bytes compared lie by id: a part's table is then small enough to stay in cache between meetings
//! (its load was a fifth of the word loop's time when slots held the bytes), and common words, the
//! first seen, share cache lines.
//!
//! [`Part`]: super::Part

/// The high bit of a listed doc id marks it as flagged (a title hit, or a carrier of an exact key).
pub const FLAG: u32 = 1 << 31;

/// Distinct strings, each with a dense id in order of first appearance.
#[derive(Debug, Clone)]
pub struct Interner {
    /// Length is a power of two, at most half full.
    slots: Vec<Slot>,
    /// Head and tail of each string, by id: enough to decide most lookups without touching `text`
    /// (every extra memory access is a likely cache miss in a table of 20,000 words).
    keys: Vec<Key>,
    text: String,
    ends: Vec<u32>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    /// 24 bits of hash, then the length (up to 255).
    hash: u32,
    /// id + 1; 0 is an empty slot.
    id: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    /// The first 8 bytes, zero-padded.
    head: u64,
    /// The last 8 bytes of a string over 8 bytes (overlapping the head), else 0: with the head and
    /// the length (in the hash) they are the whole string up to 16 bytes.
    tail: u64,
}

/// An empty table has slots too: a lookup never checks for none.
impl Default for Interner {
    fn default() -> Interner {
        Interner::with_capacity(0)
    }
}

impl Interner {
    pub fn with_capacity(strings: usize) -> Interner {
        let slots = (strings * 2).next_power_of_two().max(16);
        Interner {
            slots: vec![Slot::default(); slots],
            keys: Vec::with_capacity(strings),
            text: String::new(),
            ends: Vec::with_capacity(strings),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The string with id `id`.
    pub fn get(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] as usize };
        &self.text[start..self.ends[id] as usize]
    }

    /// The id of `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> usize {
        self.intern_head(s, load(s.as_bytes()))
    }

    /// [`Interner::intern`] with the head of `s` (its first 8 bytes, zero-padded, little-endian)
    /// as the tokenizer read it already.
    #[inline(always)]
    pub fn intern_head(&mut self, s: &str, head: u64) -> usize {
        let bytes = s.as_bytes();
        let tail = match bytes.len() {
            9.. => load(&bytes[bytes.len() - 8..]),
            _ => 0,
        };
        let h = hash(head, tail, bytes.len());
        let key = Key { head, tail };
        let mask = self.slots.len() - 1;
        let mut i = (h >> 8) as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                return self.insert(i, s, h, key);
            }
            let id = (slot.id - 1) as usize;
            if slot.hash == h && self.keys[id] == key && (bytes.len() <= 16 || self.get(id) == s) {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `s` as the next id in the empty slot `i`; grows the table once it is half full, so a
    /// lookup always meets an empty slot and needs no check before it probes.
    #[inline(never)]
    fn insert(&mut self, i: usize, s: &str, hash: u32, key: Key) -> usize {
        let id = self.ends.len();
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.keys.push(key);
        self.slots[i] = Slot { hash, id: id as u32 + 1 };
        if self.ends.len() * 2 >= self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the slots, placing every string again by its stored hash.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|s| s.id != 0) {
            let mut i = (slot.hash >> 8) as usize & mask;
            while self.slots[i].id != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// Every string, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Up to the first 8 bytes of `b`, zero-padded, as one little-endian number; without the `memcpy`
/// call a variable-length copy compiles to (it was a tenth of the tokenizing time).
#[inline]
pub(super) fn load(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    match n {
        8.. => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        // Two overlapping 4-byte loads; the bytes they share are the same in both.
        4..=7 => u32_at(0) | u32_at(n - 4) << ((n - 4) * 8),
        _ => b.iter().enumerate().fold(0, |v, (i, &x)| v | u64::from(x) << (8 * i)),
    }
}

/// An FxHash-style hash of a string's length, head and tail (see [`Slot`]); the top half of the
/// product is the well-mixed part. Longer strings that share all three share a hash, and are told
/// apart by their text.
#[inline(always)]
fn hash(head: u64, tail: u64, len: usize) -> u32 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let h = ((len as u64).rotate_left(5) ^ head).wrapping_mul(SEED);
    let h = (h.rotate_left(5) ^ tail).wrapping_mul(SEED);
    ((h >> 32) as u32) << 8 | len.min(255) as u32
}

/// Distinct strings and their (string, doc) pairs in doc order (flagged docs with [`FLAG`] set),
/// stored flat: a part of 100 meetings holds some 15,000 words, and a `Vec` each would be as many
/// allocations. They are not grouped by string: [`super::gather::Streams::absorb`] appends each
/// pair to its string's stream as it comes, and a string's docs come in order.
#[derive(Debug, Default, Clone)]
pub struct Lists {
    pub names: Interner,
    pairs: Vec<(u32, u32)>,
}

impl Lists {
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// (string id, doc) in doc order.
    pub fn pairs(&self) -> &[(u32, u32)] {
        &self.pairs
    }

    /// The docs of string `i`, in order (a scan of every pair: for tests).
    pub fn docs(&self, i: usize) -> Vec<u32> {
        self.pairs.iter().filter(|&&(s, _)| s as usize == i).map(|&(_, d)| d).collect()
    }
}

/// Collects (string, doc) pairs in doc order into [`Lists`]; a string counts once per doc, flagged
/// if its first occurrence there is (callers add the flagged occurrences of a doc first).
#[derive(Debug, Default)]
pub struct ListsBuilder {
    names: Interner,
    /// The last doc each string was added for, so a repeated word touches nothing else.
    last: Vec<u32>,
    /// The first `listed` pairs are the lists; the rest is room written ahead (see `add_head`).
    pairs: Vec<(u32, u32)>,
    listed: usize,
    /// Strings with a smaller id are never listed.
    unlisted: usize,
}

impl ListsBuilder {
    pub fn with_capacity(strings: usize) -> ListsBuilder {
        ListsBuilder::with_unlisted::<&str>(strings, &[])
    }

    /// A builder that knows `unlisted` from the start and lists no doc for them.
    pub fn with_unlisted<S: AsRef<str>>(strings: usize, unlisted: &[S]) -> ListsBuilder {
        let mut names = Interner::with_capacity(strings + unlisted.len());
        unlisted.iter().for_each(|s| _ = names.intern(s.as_ref()));
        let last = vec![u32::MAX; names.len()];
        ListsBuilder { unlisted: names.len(), names, last, pairs: Vec::new(), listed: 0 }
    }

    /// Makes room for `words` more pairs, so that [`ListsBuilder::add_head`] never grows `pairs`.
    pub fn reserve(&mut self, words: usize) {
        if self.pairs.len() < self.listed + words {
            self.pairs.resize((self.listed + words).max(self.pairs.len() * 2), (0, 0));
        }
    }

    pub fn add(&mut self, s: &str, doc: u32, flag: bool) {
        self.reserve(1);
        self.add_head(s, load(s.as_bytes()), doc, flag);
    }

    /// [`ListsBuilder::add`] with the head of `s` (see [`Interner::intern_head`]), after room for
    /// it was made ([`ListsBuilder::reserve`]). The pair is written whether it is new or not and
    /// counted only if it is: whether a word was seen in the doc already is a coin toss that a
    /// branch would mispredict half the time.
    #[inline(always)]
    pub fn add_head(&mut self, s: &str, head: u64, doc: u32, flag: bool) {
        let id = self.names.intern_head(s, head);
        if id == self.last.len() {
            self.last.push(u32::MAX);
        }
        let new = self.last[id] != doc && id >= self.unlisted;
        self.last[id] = doc;
        self.pairs[self.listed] = (id as u32, if flag { doc | FLAG } else { doc });
        self.listed += usize::from(new);
    }

    pub fn finish(mut self) -> Lists {
        self.pairs.truncate(self.listed);
        Lists { names: self.names, pairs: self.pairs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_dense_ids_and_survives_growth() {
        let mut t = Interner::with_capacity(1);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.intern(w), i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.intern(w), i, "{w} again");
            assert_eq!(t.get(i), w);
        }
        assert_eq!(t.intern(""), 1000, "the empty string is a string too");
        assert_eq!(t.get(1000), "");
        let (a, b) = (t.intern("lokalplan"), t.intern("lokalpla"));
        assert_ne!(a, b, "a string and its 8-byte head are two strings");
        assert_ne!(t.intern("a\0"), t.intern("a"), "zero bytes are not padding");
        assert_eq!((t.intern("lokalplan"), t.intern("lokalpla")), (a, b));
    }

    #[test]
    fn loads_read_up_to_8_bytes_zero_padded() {
        let bytes: Vec<u8> = (1..=12).collect();
        for n in 0..=12 {
            let mut padded = [0u8; 8];
            padded[..n.min(8)].copy_from_slice(&bytes[..n.min(8)]);
            assert_eq!(load(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    #[test]
    fn unlisted_strings_have_no_docs() {
        let mut b = ListsBuilder::with_unlisted(4, &["og", "i"]);
        for (s, doc) in [("og", 1), ("plan", 1), ("i", 2), ("plan", 2), ("og", 3)] {
            b.add(s, doc, false);
        }
        let l = b.finish();
        assert_eq!(l.pairs(), [(2, 1), (2, 2)]);
        assert_eq!(l.names.get(2), "plan");
    }

    #[test]
    fn lists_keep_doc_order_count_each_doc_once_and_flag_first_occurrences() {
        let mut b = ListsBuilder::with_capacity(4);
        for (s, doc, flag) in [("a", 5, true), ("b", 5, false), ("a", 5, false), ("a", 7, false), ("b", 9, true)] {
            b.add(s, doc, flag);
        }
        let l = b.finish();
        assert_eq!(l.len(), 2);
        assert_eq!(l.docs(0), [5 | FLAG, 7]);
        assert_eq!(l.docs(1), [5, 9 | FLAG]);
    }
}
