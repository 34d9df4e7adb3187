//! Phase timings of a full build through the library: `cargo bench --bench build -- CONTENT [RUNS]`.
//!
//! Prints, for each run, the time of every phase the pipeline reports (parse, link, render+search,
//! write), so a profile can be read against them. Generate CONTENT with `examples/gen-corpus.rs`.

use referat::build::{self, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(content) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench build -- CONTENT [RUNS]");
        return ExitCode::FAILURE;
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let out = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot create a temporary folder: {e}");
            return ExitCode::FAILURE;
        }
    };
    let opts = BuildOptions { content, output: out.path().join("site"), ..Default::default() };
    for run in 1..=runs {
        let start = Instant::now();
        match build::build(&opts) {
            Ok(report) => {
                let phases: Vec<String> =
                    report.timings.iter().map(|(name, d)| format!("{name} {:.0} ms", d.as_secs_f64() * 1e3)).collect();
                println!(
                    "run {run}: {:.0} ms total ({}); {} meetings, {} items, {} pages, {} index shards",
                    start.elapsed().as_secs_f64() * 1e3,
                    phases.join(", "),
                    report.meetings,
                    report.items,
                    report.render.pages,
                    report.search.shards
                );
            }
            Err(e) => {
                eprintln!("build failed: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
