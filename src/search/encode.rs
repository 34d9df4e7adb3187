//! Compact postings: sorted doc ids as text that needs no JSON escaping.
//!
//! Sparse lists are delta-encoded variable-length numbers, 5 bits per character plus a
//! continuation bit, over a 64-character alphabet. Dense lists (where that would be longer) are a
//! bitmap, 6 docs per character, prefixed with `~`. The browser decodes both (`search.js`).

/// 64 characters that are safe in JSON strings and URLs; index = 6-bit value.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes strictly increasing doc ids; `docs` is the number of documents (bitmap length).
pub fn postings(ids: &[u32], docs: u32) -> String {
    let list = deltas(ids);
    let bitmap_len = 1 + docs.div_ceil(6) as usize;
    if list.len() > bitmap_len {
        bitmap(ids, docs)
    } else {
        list
    }
}

/// Delta + varint: each number as 5-bit groups, low group first, bit 5 set on all but the last.
pub fn deltas(ids: &[u32]) -> String {
    // Bytes, not `char`s: pushing a `char` encodes it as UTF-8 each time, and these are all ASCII.
    let mut out: Vec<u8> = Vec::with_capacity(ids.len() * 2);
    let mut prev: Option<u32> = None;
    for &id in ids {
        let n = match prev {
            Some(p) => id - p - 1,
            None => id,
        };
        prev = Some(id);
        push_number(&mut out, n);
    }
    ascii(out)
}

/// `n` in 5-bit groups, low group first, each a letter of [`ALPHABET`]; the upper half marks a
/// group that more follow.
fn push_number(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let low = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(ALPHABET[low]);
            break;
        }
        out.push(ALPHABET[low | 32]);
    }
}

/// Plain numbers (not deltas), each as [`deltas`] writes one: 5-bit groups, low group first.
pub fn numbers(ns: &[u32]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(ns.len() * 2);
    for &n in ns {
        push_number(&mut out, n);
    }
    ascii(out)
}

/// Bytes of [`ALPHABET`] (and `~`) as a `String`.
fn ascii(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| unreachable!("the alphabet is ASCII: {e}"))
}

fn bitmap(ids: &[u32], docs: u32) -> String {
    let mut cells = vec![0u8; docs.div_ceil(6) as usize];
    for &id in ids {
        if let Some(cell) = cells.get_mut((id / 6) as usize) {
            *cell |= 1 << (id % 6);
        }
    }
    let mut out = Vec::with_capacity(cells.len() + 1);
    out.push(b'~');
    out.extend(cells.iter().map(|&c| ALPHABET[c as usize]));
    ascii(out)
}

/// Decodes [`numbers`].
pub fn decode_numbers(s: &str) -> Vec<u32> {
    let value = |b: u8| ALPHABET.iter().position(|&a| a == b).unwrap_or(0) as u32;
    let (mut out, mut n, mut shift) = (Vec::new(), 0u32, 0u32);
    for v in s.bytes().map(value) {
        n |= (v & 31) << shift;
        shift += 5;
        if v & 32 == 0 {
            out.push(n);
            n = 0;
            shift = 0;
        }
    }
    out
}

/// Decodes either form (used by tests and the benchmark to check what the browser will see).
pub fn decode(s: &str) -> Vec<u32> {
    let value = |b: u8| ALPHABET.iter().position(|&a| a == b).unwrap_or(0) as u32;
    let mut ids = Vec::new();
    if let Some(bits) = s.strip_prefix('~') {
        for (i, b) in bits.bytes().enumerate() {
            let v = value(b);
            ids.extend((0..6).filter(|k| v & (1 << k) != 0).map(|k| i as u32 * 6 + k));
        }
        return ids;
    }
    let (mut n, mut shift, mut prev) = (0u32, 0u32, None::<u32>);
    for b in s.bytes() {
        let v = value(b);
        n |= (v & 31) << shift;
        shift += 5;
        if v & 32 == 0 {
            let id = prev.map_or(n, |p| p + 1 + n);
            ids.push(id);
            prev = Some(id);
            n = 0;
            shift = 0;
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_gaps_take_one_character() {
        assert_eq!(deltas(&[0, 1, 2, 40]), "AAAlB");
        assert_eq!(decode("AAAlB"), [0, 1, 2, 40]);
    }

    #[test]
    fn dense_lists_become_bitmaps() {
        let ids: Vec<u32> = (0..600).filter(|i| i % 2 == 0).collect();
        let s = postings(&ids, 600);
        assert!(s.starts_with('~'));
        assert_eq!(s.len(), 101);
        assert_eq!(decode(&s), ids);
    }

    #[test]
    fn numbers_round_trip() {
        let ns = [0, 31, 32, 365, 1, 1023, 70_000];
        assert_eq!(decode_numbers(&numbers(&ns)), ns);
        assert_eq!(numbers(&[0, 79]), "AvC");
    }

    proptest! {
        #[test]
        fn postings_round_trip(mut ids in proptest::collection::vec(0u32..100_000, 0..300)) {
            ids.sort();
            ids.dedup();
            prop_assert_eq!(decode(&postings(&ids, 100_000)), ids);
        }
    }
}
