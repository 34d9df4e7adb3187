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

/// The high bit of each byte of `w` equal to `c`, exactly (no borrow runs into the next byte).
#[inline]
fn eq_bytes(w: u64, c: u8) -> u64 {
    let y = w ^ (ONES * u64::from(c));
    !(((y & !HIGHS) + !HIGHS) | y | !HIGHS)
}

/// The high bit of each byte of `w` that is an ASCII digit, exactly.
#[inline]
fn digit_bytes(w: u64) -> u64 {
    let low = w & !HIGHS;
    (ONES * (127 + 0x3A) - low) & !w & (low + ONES * (127 - 0x2F)) & HIGHS
}

/// The high bit of each byte of `w` that is an ASCII digit or one of `also`, exactly.
#[inline]
fn digit_or(w: u64, also: &[u8]) -> u64 {
    also.iter().fold(digit_bytes(w), |m, &c| m | eq_bytes(w, c))
}

/// The eight bytes at `b[i..]`, padded with `pad` past the end.
#[inline]
fn word_at(b: &[u8], i: usize, pad: u8) -> u64 {
    if let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        return u64::from_le_bytes(w);
    }
    let mut tail = [pad; 8];
    tail[..b.len() - i].copy_from_slice(&b[i..]);
    u64::from_le_bytes(tail)
}

/// The first position from `from` on where `b` has an ASCII digit or a byte of `also` (not a
/// space), or `b.len()`: eight bytes at a time, for scanners that look for numbers in long text.
pub fn find_digit_or(b: &[u8], from: usize, also: &[u8]) -> usize {
    let mut i = from;
    while i < b.len() {
        let found = digit_or(word_at(b, i, b' '), also);
        if found != 0 {
            return (i + found.trailing_zeros() as usize / 8).min(b.len());
        }
        i += 8;
    }
    b.len()
}

/// How many bytes of `b` are ASCII digits or bytes of `also` (not a space), eight at a time: each
/// byte's flag is added in its own lane, and the lanes are summed every 255 words (before one can
/// overflow), as the release build may have no popcount instruction.
pub fn count_digit_or(b: &[u8], also: &[u8]) -> usize {
    let (mut total, mut lanes, mut words) = (0, 0u64, 0);
    for i in (0..b.len()).step_by(8) {
        lanes += digit_or(word_at(b, i, b' '), also) >> 7;
        words += 1;
        if words == 255 {
            total += lanes_total(lanes);
            (lanes, words) = (0, 0);
        }
    }
    total + lanes_total(lanes)
}

/// The sum of the eight byte lanes of `lanes`.
#[inline]
fn lanes_total(lanes: u64) -> usize {
    (0..8).map(|k| (lanes >> (8 * k)) as u8 as usize).sum()
}

/// Whether `b` holds a run of `n` spaces (2 to 4), as a layout gap: by a SIMD search prepared
/// once. (`str::contains` set one up for every line, 6 % of the parse's samples.)
pub fn has_spaces(b: &[u8], n: usize) -> bool {
    use memchr::memmem::Finder;
    static RUNS: std::sync::LazyLock<[Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| [Finder::new(b"  "), Finder::new(b"   "), Finder::new(b"    ")]);
    RUNS[n - 2].find(b).is_some()
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

    #[test]
    fn digits_and_bytes_are_found_exactly() {
        let also = [b'&', 0xEF];
        let all: Vec<u8> = (0..=255u8).collect();
        let want = |x: u8| x.is_ascii_digit() || also.contains(&x);
        for start in 0..all.len() {
            let expect = (start..all.len()).find(|&i| want(all[i])).unwrap_or(all.len());
            assert_eq!(find_digit_or(&all, start, &also), expect, "from {start}");
        }
        assert_eq!(count_digit_or(&all, &also), 12);
        for s in ["", "abc", "a1", "12345678", "x0&y9", "        9", "9        "] {
            let b = s.as_bytes();
            assert_eq!(count_digit_or(b, &also), b.iter().filter(|&&x| want(x)).count(), "{s:?}");
            assert_eq!(find_digit_or(b, 0, &also), b.iter().position(|&x| want(x)).unwrap_or(b.len()), "{s:?}");
        }
        // Every byte value at every place of a word, beside every other.
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let w = [x, y, x, y, y, x, x, y];
                assert_eq!(count_digit_or(&w, &also), w.iter().filter(|&&v| want(v)).count(), "{x} {y}");
            }
        }
    }

    #[test]
    fn runs_of_spaces_are_found_anywhere() {
        for n in 2..=4 {
            for len in 0..24 {
                for at in 0..len {
                    for run in 1..=n {
                        let mut b = vec![b'x'; len];
                        (at..(at + run).min(len)).for_each(|i| b[i] = b' ');
                        let want = b.windows(n).any(|w| w.iter().all(|&c| c == b' '));
                        assert_eq!(has_spaces(&b, n), want, "{n} {:?}", String::from_utf8_lossy(&b));
                    }
                }
            }
        }
    }
}
