//! Build timings through the library: `cargo bench --bench build -- CONTENT [RUNS]`.
//!
//! Prints, for each full build, the time of every phase the pipeline reports (parse, link,
//! render+search, write), so a profile can be read against them; then serve's path: a
//! [`Session`] builds everything once, one meeting file is edited, and the incremental rebuild
//! is timed. Generate CONTENT with `examples/gen-corpus.rs`. The edit is undone at the end.

use referat::build::{self, BuildOptions, Change, Session};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The allocator `referat` itself uses (see src/main.rs), so the phases cost what they do there.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(content) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench build -- CONTENT [RUNS]");
        return ExitCode::FAILURE;
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    match run(&content, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(content: &Path, runs: usize) -> Result<(), String> {
    let out = tempfile::tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let opts = BuildOptions { content: content.to_path_buf(), output: out.path().join("site"), ..Default::default() };
    for run in 1..=runs {
        // A fresh output each time, as `bench.sh` measures: no old site to replace.
        let _ = std::fs::remove_dir_all(&opts.output);
        let start = Instant::now();
        let report = build::build(&opts).map_err(|e| format!("build failed: {e}"))?;
        println!(
            "full build {run}: {} ({}); {} meetings, {} items, {} pages, {} index shards",
            ms(start.elapsed()),
            phases(&report.timings),
            report.meetings,
            report.items,
            report.render.pages,
            report.search.shards
        );
    }
    incremental(&opts)
}

/// serve's path: a long-lived session, one meeting edited, the affected pages rebuilt.
fn incremental(opts: &BuildOptions) -> Result<(), String> {
    let opts = BuildOptions { output: opts.output.with_file_name("serve"), ..opts.clone() };
    let mut session = Session::new(opts.clone(), String::new());
    let start = Instant::now();
    let first = session.rebuild_all().map_err(|e| format!("session build failed: {e}"))?;
    println!("session, first build: {} ({})", ms(start.elapsed()), phases(&first.timings));

    let rel = pick_meeting(&opts.content)?;
    let path = opts.content.join(&rel);
    let original = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let edited = edit(&original);
    std::fs::write(&path, edited).map_err(|e| format!("cannot edit {}: {e}", path.display()))?;
    let start = Instant::now();
    let result = session.update(&[Change::Content(rel.clone())]);
    let elapsed = start.elapsed();
    // serve writes the search index again after the pages, so the edited page need not wait.
    let search_start = Instant::now();
    let search = if result.is_ok() { Some(session.refresh_search()) } else { None };
    let search_elapsed = search_start.elapsed();
    // Put the corpus back before reporting, whatever happened.
    std::fs::write(&path, original).map_err(|e| format!("cannot restore {}: {e}", path.display()))?;
    let report = result.map_err(|e| format!("incremental rebuild failed: {e}"))?;
    println!(
        "session, rebuild after editing {}: {} ({}); {} file(s) parsed, {} meeting page(s) selected, {} files published",
        rel.display(),
        ms(elapsed),
        phases(&report.timings),
        report.parsed,
        report.selected,
        report.published
    );
    match search.transpose().map_err(|e| format!("search refresh failed: {e}"))? {
        Some(Some(r)) => {
            println!("session, search index refresh: {} ({} files published)", ms(search_elapsed), r.published)
        }
        _ => println!("session, search index refresh: none needed"),
    }
    Ok(())
}

/// The clerk's correction: a sentence added below the case number of item 1 (an open item, since
/// the generator puts closed items last), so the meeting's page and index entries really change.
fn edit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut state = 0; // 0: before item 1, 1: looking for its case number, 2: done
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if state == 0 && line.contains("Punkt 1:") {
            state = 1;
        } else if state == 1 && !line.trim().is_empty() {
            out.push_str("\nRettelse: tilføjet efter mødet.\n");
            state = 2;
        }
    }
    if state < 2 {
        out.push_str("\nRettelse: tilføjet efter mødet.\n");
    }
    out
}

/// A plain-text meeting from the middle of the corpus (sorted, so the choice is stable).
fn pick_meeting(content: &Path) -> Result<PathBuf, String> {
    let files = referat::load::find_files(content).map_err(|e| e.to_string())?;
    let txt: Vec<&PathBuf> = files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    let path = txt.get(txt.len() / 2).ok_or("no .txt meeting in the corpus")?;
    Ok(path.strip_prefix(content).unwrap_or(path).to_path_buf())
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

fn phases(timings: &[(&'static str, Duration)]) -> String {
    timings.iter().map(|(name, d)| format!("{name} {}", ms(*d))).collect::<Vec<_>>().join(", ")
}
