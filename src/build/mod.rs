//! The build pipeline, in order: load → parse → link → render and search → write.
//! `build`, `check` and `serve` all go through here; serve's incremental rebuilds are in [`session`].

mod fulltext;
mod session;

pub use session::{Change, RebuildReport, SearchReport, Session};

use crate::config::{Config, ConfigError};
use crate::diag::{Diagnostic, Diagnostics};
use crate::link::Site;
use crate::load;
use crate::model::Meeting;
use crate::render::{self, RenderOptions, RenderStats, Renderer};
use crate::search::{self, IndexStats};
use crate::write::{OldSite, Staging};
use fulltext::{Budget, FullText};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub output: PathBuf,
    /// `config.toml`; missing means defaults.
    pub config: PathBuf,
    pub templates: PathBuf,
    /// Overrides `base_url` from the config.
    pub base_url: Option<String>,
    /// Where `serve` listens (`http://127.0.0.1:1111`): replaces the scheme and host of the base URL
    /// and keeps its path, so a path changed in `config.toml` is previewed without a restart.
    pub origin: Option<String>,
    /// Bytes of minutes text whose parsed model the build keeps from the parse to the render pass;
    /// files beyond it are parsed a second time there. Bounds memory on large sites.
    pub keep_bytes: usize,
    /// Builds the search index; off only to measure what the index costs a build.
    pub search_index: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            content: "content".into(),
            output: "public".into(),
            config: "config.toml".into(),
            templates: "templates".into(),
            base_url: None,
            origin: None,
            keep_bytes: fulltext::KEEP_BYTES,
            search_index: true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{} error(s) in the minutes:\n{}", .0.errors().count(), .0)]
    Input(Diagnostics),
    #[error(transparent)]
    Render(#[from] render::RenderError),
    #[error("cannot write the search index")]
    Search(#[source] std::io::Error),
    #[error("cannot publish the site to {path}")]
    Publish { path: PathBuf, source: std::io::Error },
    #[error("will not write the site to {path}")]
    Output { path: PathBuf, source: std::io::Error },
}

/// What a successful build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    pub meetings: usize,
    pub items: usize,
    pub render: RenderStats,
    pub search: IndexStats,
    pub timings: Vec<(&'static str, Duration)>,
    /// The process's resident memory in bytes at the end of each phase of `timings`, where the
    /// system tells it (Linux): where a large site's memory goes.
    pub resident: Vec<Option<u64>>,
    /// The site this build replaced, moved aside: removed when dropped (see [`OldSite`]).
    pub old_site: Option<OldSite>,
}

/// Reads the config, applying the `--base-url` override and serve's address.
pub fn load_config(opts: &BuildOptions) -> Result<Config, ConfigError> {
    let mut config = Config::load(&opts.config)?;
    if let Some(url) = &opts.base_url {
        config.set_base_url(url)?;
    }
    if let Some(origin) = &opts.origin {
        let url = format!("{}{}", origin.trim_end_matches('/'), config.base_path());
        config.set_base_url(&url)?;
    }
    Ok(config)
}

/// Loads, decodes, masks and parses one file.
pub fn parse_file(content: &Path, path: &Path) -> (Option<Meeting>, Vec<Diagnostic>) {
    let (parsed, diags) = parse_sized(content, path);
    (parsed.map(|(meeting, _)| meeting), diags)
}

/// [`parse_file`], with the size of the decoded text.
fn parse_sized(content: &Path, path: &Path) -> (Option<(Meeting, usize)>, Vec<Diagnostic>) {
    let rel = path.strip_prefix(content).unwrap_or(path);
    let (mut source, mut diags) = match load::load_file(path, rel) {
        Ok(ok) => ok,
        Err(e) => return (None, vec![e]),
    };
    diags.extend(crate::privacy::mask_cpr(rel, &mut source.text));
    let name = rel.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if crate::privacy::masked_name(&name) != name {
        let message = "the file's name holds a CPR number: the name is not published and the meeting's address is its \
                       date; rename the file";
        diags.push(Diagnostic::warning(rel, 0, message));
    }
    // A bug in the parser is this file's error, not the end of the build: the other files are
    // still read and reported, and nothing is published.
    let parsed = std::panic::catch_unwind(|| {
        crate::parse::parse(rel, &source.text).map(|(mut meeting, mut warnings)| {
            warnings.extend(crate::privacy::mask_model(rel, &mut meeting));
            (meeting, warnings)
        })
    });
    match parsed {
        Ok(Ok((mut meeting, warnings))) => {
            meeting.source = rel.to_path_buf();
            diags.extend(warnings);
            (Some((meeting, source.text.len())), diags)
        }
        Ok(Err(errors)) => {
            diags.extend(errors);
            (None, diags)
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown");
            let message = format!("referat failed on this file (a bug; please report it with the file): {what}");
            diags.push(Diagnostic::error(rel, 0, message));
            (None, diags)
        }
    }
}

/// Parses every minutes file below `content` in parallel. Errors in one file do not stop the others.
pub fn parse_all(content: &Path) -> (Vec<Meeting>, Diagnostics) {
    parse_each(content, |meeting, _| meeting)
}

/// Parses every minutes file below `content` as [`parse_all`] does, for `referat check`: only the
/// diagnostics and the number of meetings are kept, and each model is freed on the thread that made
/// it, while it is in cache (freeing them all at the end was 3 % of the command's time).
pub fn check_all(content: &Path) -> (usize, Diagnostics) {
    let (parsed, diagnostics) = parse_each(content, |_, _| ());
    (parsed.len(), diagnostics)
}

/// Parses every minutes file below `content` in parallel and passes each meeting (with the size of
/// its text) through `keep` on the thread that parsed it, so what is not kept is freed at once.
fn parse_each<T: Send>(content: &Path, keep: impl Fn(Meeting, usize) -> T + Sync) -> (Vec<T>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let files = match load::find_files(content) {
        Ok(f) => f,
        Err(e) => {
            diagnostics.push(e);
            return (Vec::new(), diagnostics);
        }
    };
    if files.is_empty() {
        diagnostics.push(Diagnostic::error(content, 0, "no minutes files (*.txt, *.md) found"));
    }
    let results: Vec<_> = files
        .par_iter()
        .map(|f| {
            let (parsed, diags) = parse_sized(content, f);
            let day = parsed.as_ref().map(|(m, _)| Day::of(m));
            (parsed.map(|(meeting, size)| keep(meeting, size)), day, diags)
        })
        .collect();
    let mut kept = Vec::with_capacity(results.len());
    let mut days = Vec::with_capacity(results.len());
    for (meeting, day, diags) in results {
        kept.extend(meeting);
        days.extend(day);
        diagnostics.extend(diags);
    }
    diagnostics.extend(same_day(days));
    diagnostics.sort();
    (kept, diagnostics)
}

/// Where a meeting is published, as far as [`same_day`] needs it: its body's slug, its date and
/// its source file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    slug: String,
    date: chrono::NaiveDate,
    file: PathBuf,
}

impl Day {
    fn of(m: &Meeting) -> Day {
        Day { slug: crate::link::body_slug(&m.body), date: m.date, file: m.source.clone() }
    }

    /// Meetings with the same key share a body and a date.
    fn key(&self) -> (&str, chrono::NaiveDate) {
        (&self.slug, self.date)
    }

    /// [`Day::key`] of a meeting, without copying its file's path.
    fn key_of(m: &Meeting) -> (String, chrono::NaiveDate) {
        (crate::link::body_slug(&m.body), m.date)
    }
}

/// A warning for each file whose meeting has the body and date of another: each is published, at
/// the address [`crate::link::meeting_folders`] gives it. Usually one of them is a duplicate
/// export or has the wrong date; when a file is not named after its date, it is numbered by file
/// name, so adding or renaming a file can move its page, and the warning says how to avoid that.
fn same_day(mut days: Vec<Day>) -> Vec<Diagnostic> {
    days.sort();
    days.chunk_by(|a, b| a.key() == b.key())
        .filter(|run| run.len() > 1)
        .flat_map(|run| {
            // Folders of one date never clash with another date's, so the run alone gives them.
            let own: Vec<(chrono::NaiveDate, &Path)> = run.iter().map(|d| (d.date, d.file.as_path())).collect();
            let folders = crate::link::meeting_folders(&own);
            run.iter().zip(folders).map(move |(Day { slug, date, file }, folder)| {
                let others: Vec<String> = run
                    .iter()
                    .filter(|o| &o.file != file)
                    .map(|o| crate::privacy::masked_name(&o.file.to_string_lossy()).into_owned())
                    .collect();
                let address = if crate::link::own_folder(*date, file).as_ref() == Some(&folder) {
                    format!("this one at {slug}/{folder}/ after its file name")
                } else {
                    format!(
                        "this one at {slug}/{folder}/, numbered by file name, so adding or renaming a file can \
                         move it; name each file after its date (\"{date}-b.txt\") to keep its address"
                    )
                };
                Diagnostic::warning(
                    file,
                    0,
                    format!(
                        "another meeting of the same body on {date} is in {}; each is published, {address}",
                        others.join(", ")
                    ),
                )
            })
        })
        .collect()
}

/// Meetings handed to one parallel task of the render pass: enough for a search part's word table
/// to pay off, few enough that a task's full texts are a small share of memory and both cores
/// stay busy to the end.
const PASS_MEETINGS: usize = 64;

/// Builds the whole site into a staging folder and swaps it into `opts.output` on success.
///
/// The linked site keeps every meeting light (see [`Meeting::light`]); the full text goes from the
/// parse to the render pass in a [`FullText`], which keeps what fits its budget and parses the rest
/// again, so memory stays bounded however large the site.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (mut timings, mut resident) = (Vec::new(), Vec::new());
    let mut lap = Instant::now();
    let mut tick = |name: &'static str| {
        timings.push((name, lap.elapsed()));
        resident.push(resident_bytes());
        lap = Instant::now();
    };
    let config = load_config(opts)?;
    check_output(opts)?;
    let budget = Budget::new(opts.keep_bytes);
    // The site gets every meeting light; the full model is kept beside it while the budget lasts.
    // The kept model, and the light model of a meeting not kept, are copies made on the thread
    // that parsed it: the parser's own strings lie among its freed scratch and would keep those
    // memory pages from being reused (at 20,000 meetings with 384 MB kept, the build peaked at
    // 1,081 MB without the copies and 895-906 MB with them). A kept meeting's light copy is made
    // after the parse ([`link`]): made at once, its small strings would share memory pages with
    // the kept model's and keep them when the pass frees the model.
    let split = |m: Meeting, size| if budget.take(size) { Parsed::Kept(m.clone()) } else { Parsed::Light(m.light()) };
    let (parsed, mut diagnostics) = parse_each(&opts.content, split);
    if diagnostics.has_errors() {
        return Err(BuildError::Input(diagnostics));
    }
    tick("parse");
    let (site, full) = link(config, parsed, &opts.content);
    tick("link");

    let publish_err = |source| BuildError::Publish { path: opts.output.clone(), source };
    let staging = Staging::new(&opts.output).map_err(publish_err)?;
    let render_opts = RenderOptions { templates: Some(opts.templates.clone()), ..Default::default() };
    let renderer = Renderer::new(&site, staging.path(), &render_opts)?;
    tick("render setup");
    // One pass over the meetings in search order: each meeting's full text goes into its run's part
    // of the search index, then renders its pages while it is still in cache, then is freed. (In
    // this order the pass took 385-398 ms at 2,000 meetings, against 410-425 ms rendering first.)
    let plan = search::Plan::new(&site);
    let (bytes, parts): (Vec<u64>, search::Gathered) = plan
        .meeting_order()
        .par_chunks(PASS_MEETINGS)
        .map(|run| {
            let mut bytes = 0;
            let mut part = plan.part_builder();
            for &i in run {
                let meeting = full.take(&site, i)?;
                if opts.search_index {
                    part.add(i, &meeting).map_err(BuildError::Search)?;
                }
                bytes += renderer.meeting(i, &meeting)?;
            }
            Ok((bytes, part.finish()))
        })
        .collect::<Result<_, BuildError>>()?;
    tick("meetings");
    let meeting_bytes = bytes.iter().sum();
    let index = || if opts.search_index { plan.finish(parts, staging.path()) } else { Ok(IndexStats::default()) };
    let (render, search) = rayon::join(|| renderer.site_pages(meeting_bytes), index);
    let render = render?;
    let search = search.map_err(BuildError::Search)?;
    diagnostics.extend(render.warnings.iter().cloned());
    diagnostics.sort();
    tick("site pages and search index");
    let old_site = staging.publish().map_err(publish_err)?;
    tick("write");

    let (meetings, items) = (site.meetings.len(), site.meetings.iter().map(|m| m.items.len()).sum());
    drop_in_background(site);
    Ok(BuildReport { diagnostics, meetings, items, render, search, timings, resident, old_site })
}

/// The process's resident memory, from `/proc/self/status` (Linux; `None` elsewhere).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?.trim().strip_suffix("kB")?;
    kb.trim().parse::<u64>().ok().map(|kb| kb << 10)
}

/// Refuses, before any work, an output folder the build must not replace (see [`write::replaceable`]).
pub fn check_output(opts: &BuildOptions) -> Result<(), BuildError> {
    let refuse = |source| BuildError::Output { path: opts.output.clone(), source };
    crate::write::separate(&opts.content, &opts.output).map_err(refuse)?;
    crate::write::replaceable(&opts.output).map_err(refuse)
}

/// A parsed meeting as the parse hands it to [`link`].
enum Parsed {
    /// Made light at once: its file is parsed again in the render pass.
    Light(Meeting),
    /// Kept whole until the render pass.
    Kept(Meeting),
}

/// Links the light meetings into a [`Site`] and keeps the full ones beside it, by the same index.
fn link(config: Config, parsed: Vec<Parsed>, content: &Path) -> (Site, FullText) {
    let mut parsed: Vec<(Meeting, Option<Meeting>)> = parsed
        .into_par_iter()
        .map(|p| match p {
            Parsed::Light(light) => (light, None),
            Parsed::Kept(full) => (full.light(), Some(full)),
        })
        .collect();
    crate::link::sort_meetings(&mut parsed, |(light, _)| light);
    let (light, kept): (Vec<Meeting>, Vec<Option<Meeting>>) = parsed.into_iter().unzip();
    (Site::new(config, light), FullText::new(content.to_path_buf(), kept))
}

/// Freeing the whole model (millions of small strings) is a measurable share of a build; nobody
/// needs to wait for it, and `referat build` exits without waiting at all.
fn drop_in_background<T: Send + 'static>(value: T) {
    // If no thread can be started the value comes back inside the error and is dropped here.
    let _ = std::thread::Builder::new().name("drop".into()).spawn(move || drop(value));
}
