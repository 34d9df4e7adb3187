//! Interning strings to dense ids, and flat per-string doc lists: the compact form a [`Part`]
//! keeps its words and exact keys in, and the tables that merge them across parts.
//!
//! A plain open-addressing table over one text buffer: a lookup hashes the word once (8 bytes at a
//! time), compares a stored 32-bit hash before any bytes, and allocates nothing; the std `HashMap`
//! with `&str` keys spent most of the tokenizing time in probing and `memcmp` calls.
//!
//! [`Part`]: super::Part

/// The high bit of a listed doc id marks it as flagged (a title hit, or a carrier of an exact key).
pub const FLAG: u32 = 1 << 31;

/// Distinct strings, each with a dense id in order of first appearance.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    /// Length is a power of two, at most half full.
    slots: Vec<Slot>,
    text: String,
    ends: Vec<u32>,
}

/// A table slot: enough of the string to decide most lookups without touching `text` (most words
/// are short, and every extra memory access is a likely cache miss in a table of 20,000 words).
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    /// The first 8 bytes, zero-padded.
    head: u64,
    /// 24 bits of hash, then the length (up to 255): equal heads and lengths under 8 are equal strings.
    hash: u32,
    /// id + 1; 0 is an empty slot.
    id: u32,
}

impl Interner {
    pub fn with_capacity(strings: usize) -> Interner {
        let slots = (strings * 2).next_power_of_two().max(16);
        Interner { slots: vec![Slot::default(); slots], text: String::new(), ends: Vec::with_capacity(strings) }
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
    #[inline]
    pub fn intern_head(&mut self, s: &str, head: u64) -> usize {
        if self.ends.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let h = hash(s.as_bytes(), head);
        let h = h << 8 | s.len().min(255) as u32;
        let mask = self.slots.len() - 1;
        let mut i = (h >> 8) as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                let id = self.ends.len();
                self.text.push_str(s);
                self.ends.push(self.text.len() as u32);
                self.slots[i] = Slot { head, hash: h, id: id as u32 + 1 };
                return id;
            }
            let id = (slot.id - 1) as usize;
            if slot.hash == h && slot.head == head && (s.len() < 8 || self.get(id) == s) {
                return id;
            }
            i = (i + 1) & mask;
        }
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

/// An FxHash-style hash over 8-byte words of `bytes` (whose first 8 are `head`), the length mixed
/// in first; the top half of the product is the well-mixed part.
#[inline]
fn hash(bytes: &[u8], head: u64) -> u32 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = ((bytes.len() as u64).rotate_left(5) ^ head).wrapping_mul(SEED);
    let mut rest = bytes.get(8..).unwrap_or(&[]);
    while !rest.is_empty() {
        h = (h.rotate_left(5) ^ load(rest)).wrapping_mul(SEED);
        rest = rest.get(8..).unwrap_or(&[]);
    }
    (h >> 32) as u32
}

/// Distinct strings and, per string, its sorted doc ids (flagged ones with [`FLAG`] set), stored
/// flat: a part of 100 meetings holds some 15,000 words, and a `Vec` each would be as many allocations.
#[derive(Debug, Default, Clone)]
pub struct Lists {
    pub names: Interner,
    /// `ids[starts[i]..starts[i + 1]]` are the docs of string `i`.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Lists {
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn docs(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Collects (string, doc) pairs in doc order into [`Lists`]; a string counts once per doc, flagged
/// if its first occurrence there is (callers add the flagged occurrences of a doc first).
#[derive(Debug, Default)]
pub struct ListsBuilder {
    names: Interner,
    /// The last doc each string was added for, so a repeated word touches nothing else.
    last: Vec<u32>,
    pairs: Vec<(u32, u32)>,
}

impl ListsBuilder {
    pub fn with_capacity(strings: usize) -> ListsBuilder {
        ListsBuilder { names: Interner::with_capacity(strings), last: Vec::new(), pairs: Vec::new() }
    }

    pub fn add(&mut self, s: &str, doc: u32, flag: bool) {
        self.add_head(s, load(s.as_bytes()), doc, flag);
    }

    /// [`ListsBuilder::add`] with the head of `s` (see [`Interner::intern_head`]).
    #[inline]
    pub fn add_head(&mut self, s: &str, head: u64, doc: u32, flag: bool) {
        let id = self.names.intern_head(s, head);
        if id == self.last.len() {
            self.last.push(u32::MAX);
        }
        if self.last[id] != doc {
            self.last[id] = doc;
            self.pairs.push((id as u32, if flag { doc | FLAG } else { doc }));
        }
    }

    /// Groups the pairs by string with a counting sort, which keeps each string's docs in order.
    pub fn finish(self) -> Lists {
        let mut starts = vec![0u32; self.names.len() + 1];
        for &(id, _) in &self.pairs {
            starts[id as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut ids = vec![0u32; self.pairs.len()];
        for (id, doc) in self.pairs {
            ids[next[id as usize] as usize] = doc;
            next[id as usize] += 1;
        }
        Lists { names: self.names, starts, ids }
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
