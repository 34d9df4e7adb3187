//! Byte-level helpers shared by the text scanners (parser, escaping, search): lookup tables of
//! bytes, and tests of eight bytes at once in a `u64`.

/// One in every byte of a word.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
pub const HIGHS: u64 = 0x8080_8080_8080_8080;

/// A lookup table holding `bytes`: a table lookup per byte is several times cheaper than a chain
/// of comparisons in a loop over every byte of a text.
pub const fn set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
}

/// The high bit of each byte of `w` that is zero, and of some bytes after one: exact as a yes/no
/// answer for the whole word, which is all that is asked of it.
#[inline]
pub fn zero_bytes(w: u64) -> u64 {
    w.wrapping_sub(ONES) & !w
}

/// Whether `test` holds for any eight-byte word of `b`, the last few bytes padded with `pad`
/// (a byte the test never looks for).
#[inline]
pub fn any_word(b: &[u8], pad: u8, test: impl Fn(u64) -> bool) -> bool {
    let mut words = b.chunks_exact(8);
    let found = words.by_ref().any(|w| test(u64::from_le_bytes(w.try_into().expect("eight bytes"))));
    let mut tail = [pad; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    found || test(u64::from_le_bytes(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_answers_for_the_whole_word() {
        for w in [0u64, 1, 0x0100, ONES, u64::MAX, 0x00ff_ffff_ffff_ffff, 0xffff_ff00_ffff_ffff] {
            assert_eq!(zero_bytes(w) & HIGHS != 0, w.to_le_bytes().contains(&0), "{w:#x}");
        }
    }

    #[test]
    fn any_word_sees_the_tail() {
        let is_x = |w: u64| zero_bytes(w ^ (ONES * u64::from(b'x'))) & HIGHS != 0;
        for (s, want) in [("", false), ("x", true), ("abcdefgh", false), ("abcdefghx", true), ("abcdexgh", true)] {
            assert_eq!(any_word(s.as_bytes(), b' ', is_x), want, "{s}");
        }
    }
}
