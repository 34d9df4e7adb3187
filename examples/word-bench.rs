//! Word benchmark: the index's cost per word, apart from the rest of a build. Splits the text of
//! every minutes file below a folder into words (`each_word`, as the index does), then also interns
//! each word into a part's word table (`ListsBuilder::add_head`, a new table every 1.5 MB of text,
//! about a part of 64 meetings), and prints nanoseconds per word for each, best of 3 rounds.
//!
//! `cargo run --release --example word-bench -- DIR` (e.g. a corpus from `examples/gen-corpus.rs`)
//!
//! The text is read raw, paragraph by paragraph, not parsed: the figures are a floor for the
//! index's per-word work in a build, where the text is colder and each word also costs its doc.

use referat::search::intern::ListsBuilder;
use referat::search::text::{each_word, stop_forms, words};
use std::time::Instant;

/// Text a part's word table is used for before a new one is made.
const PART_BYTES: usize = 1_500_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: word-bench DIR")?;
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry?;
        if entry.file_type().is_file() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                texts.extend(text.split("\n\n").map(str::to_string));
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let count: usize = texts.iter().map(|t| words(t).count()).sum();
    let mut found = 0;
    for t in &texts {
        each_word(t, |_, _| found += 1);
    }
    assert_eq!(found, count, "each_word splits as words() does");
    println!("{} paragraphs, {bytes} bytes, {count} words", texts.len());

    let split = best_of(3, || {
        let mut sum = 0u64;
        for t in &texts {
            each_word(t, |w, head| sum = sum.wrapping_add(head ^ w.len() as u64));
        }
        std::hint::black_box(sum);
    });
    let interned = best_of(3, || {
        let table = || ListsBuilder::with_unlisted(8_192, stop_forms());
        let mut lists = table();
        let mut since = 0;
        for (doc, t) in texts.iter().enumerate() {
            lists.reserve(t.len());
            each_word(t, |w, head| lists.add_head(w, head, doc as u32, false));
            since += t.len();
            if since > PART_BYTES {
                since = 0;
                std::hint::black_box(std::mem::replace(&mut lists, table()).finish());
            }
        }
        std::hint::black_box(lists.finish());
    });
    let per_word = |s: f64| s * 1e9 / count as f64;
    println!("split:            {:5.1} ns/word ({:.3} s)", per_word(split), split);
    println!("split and intern: {:5.1} ns/word ({:.3} s)", per_word(interned), interned);
    Ok(())
}

/// The least wall time of `runs` runs of `f`, in seconds.
fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}
