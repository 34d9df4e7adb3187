//! Incremental rebuilds for `serve`: re-parse only changed files, render only the pages they affect,
//! and publish them into the live output file by file while the search index catches up.

use super::{load_config, parse_file, same_day, BuildError, BuildOptions, Day};
use crate::case::CaseNumber;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::link::Site;
use crate::load;
use crate::model::Meeting;
use crate::render::{self, RenderOptions, RenderStats, Selection};
use crate::search::{self, IndexStats};
use crate::write::Staging;
use crate::write::{index_folders, overlay, relative_paths, remove_superseded, Prune};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One change a [`Session`] is told about; paths are relative to the content folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// A minutes file was written, created or removed.
    Content(PathBuf),
    /// Folders below `content/` appeared, vanished or moved: compare the file set with the disk.
    ContentTree,
    /// A template or static asset changed: every page is rendered again.
    Templates,
    /// `config.toml` changed: read it again and render every page.
    Config,
}

/// What one successful [`Session`] rebuild did.
#[derive(Debug, Default)]
pub struct RebuildReport {
    /// Warnings about the files parsed for this rebuild (and the meetings that share a body and a
    /// date with one of them), and about the templates folder when it was read for the first time
    /// or changed.
    pub diagnostics: Diagnostics,
    /// True if every page was rendered; false for an incremental rebuild.
    pub full: bool,
    /// Files parsed for this rebuild.
    pub parsed: usize,
    /// Meeting pages selected for an incremental rebuild (0 for a full one).
    pub selected: usize,
    pub render: RenderStats,
    pub search: IndexStats,
    /// Files moved into the output folder.
    pub published: usize,
    pub timings: Vec<(&'static str, Duration)>,
}

impl RebuildReport {
    pub fn total(&self) -> Duration {
        self.timings.iter().map(|(_, d)| *d).sum()
    }
}

/// Pages that must be rendered again at the next successful rebuild.
#[derive(Debug, Default)]
struct Dirty {
    full: bool,
    /// The templates changed (or were never read): the theme's warnings are news.
    theme: bool,
    meetings: BTreeSet<PathBuf>,
    cases: BTreeSet<CaseNumber>,
    /// Files parsed since the last successful rebuild, whose warnings are news.
    parsed: BTreeSet<PathBuf>,
    /// Bodies and dates of the meetings parsed, removed or moved to another date since then: the
    /// warnings about meetings that share a body and a date among them are news too, also for
    /// files that did not change (a file added beside them can take their address).
    days: BTreeSet<(String, chrono::NaiveDate)>,
}

/// What the output folder holds now, to see whether an incremental rebuild would leave stale pages.
#[derive(Debug, Default)]
struct Published {
    /// Source path → the address of the meeting's page (relative to the base path).
    meetings: BTreeMap<PathBuf, String>,
    cases: BTreeSet<CaseNumber>,
}

/// A long-lived build for `serve`: keeps the parsed meetings by source path, re-parses only changed
/// files and renders only the pages they affect. Pages are moved into the output folder one by one
/// with `rename`, so a reader always gets a whole old or a whole new file, and a failed rebuild
/// leaves the output as it was.
pub struct Session {
    opts: BuildOptions,
    inject: String,
    config: Option<Config>,
    meetings: BTreeMap<PathBuf, Meeting>,
    /// Diagnostics by source path; "" holds those about the content folder itself.
    diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>>,
    dirty: Dirty,
    published: Published,
    /// Pages changed since the search index was last written.
    search_stale: bool,
    /// Everything the search index last put in the output (relative paths), which a full render
    /// of the pages must not prune.
    search_files: BTreeSet<PathBuf>,
    /// The search index being written, and since when.
    search_job: Option<(std::thread::JoinHandle<Result<StagedSearch, BuildError>>, Instant)>,
}

/// What [`Session::refresh_search`] did.
#[derive(Debug, Default)]
pub struct SearchReport {
    pub search: IndexStats,
    /// Index files that changed and were moved into the output folder.
    pub published: usize,
    pub elapsed: Duration,
}

impl Session {
    /// A session writing to `opts.output` with `inject` before `</body>` of every page. Builds nothing yet.
    pub fn new(opts: BuildOptions, inject: String) -> Session {
        Session {
            opts,
            inject,
            config: None,
            meetings: BTreeMap::new(),
            diagnostics: BTreeMap::new(),
            dirty: Dirty { full: true, theme: true, ..Dirty::default() },
            published: Published::default(),
            search_stale: false,
            search_files: BTreeSet::new(),
            search_job: None,
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.opts
    }

    /// The base path of the last config read ("/referater/"), if one was read.
    pub fn base_path(&self) -> Option<String> {
        self.config.as_ref().map(Config::base_path)
    }

    /// True if `rel` (relative to the content folder) is a minutes file the session has seen.
    pub fn knows(&self, rel: &Path) -> bool {
        self.meetings.contains_key(rel) || self.diagnostics.contains_key(rel)
    }

    /// Parses everything and renders every page and the search index.
    pub fn rebuild_all(&mut self) -> Result<RebuildReport, BuildError> {
        let start = Instant::now();
        self.config = None;
        self.meetings.clear();
        self.diagnostics.clear();
        self.dirty.full = true;
        self.dirty.theme = true;
        let files = self.find_files();
        let parsed = files.len();
        let results: Vec<_> = files.par_iter().map(|f| (f.clone(), self.parse(f))).collect();
        for (rel, result) in results {
            self.store(rel, result);
        }
        self.flush(parsed, start, true)
    }

    /// Applies `changes` and renders the pages they affect. On error the output is left as it was
    /// and the affected pages stay pending, so fixing the error renders them. The search index is
    /// left to [`Session::refresh_search`]: it is rebuilt whole, which on a large site takes many
    /// times longer than the pages, and the edited page should not wait for it.
    pub fn update(&mut self, changes: &[Change]) -> Result<RebuildReport, BuildError> {
        let start = Instant::now();
        let mut files = BTreeSet::new();
        for change in changes {
            match change {
                Change::Content(rel) => {
                    files.insert(rel.clone());
                }
                Change::ContentTree => files.extend(self.rescan()),
                Change::Templates => {
                    self.dirty.full = true;
                    self.dirty.theme = true;
                }
                Change::Config => {
                    self.config = None;
                    self.dirty.full = true;
                }
            }
        }
        let parsed = files.len();
        let results: Vec<_> = files.into_par_iter().map(|rel| (rel.clone(), self.reparse(&rel))).collect();
        for (rel, result) in results {
            self.apply(rel, result);
        }
        self.flush(parsed, start, false)
    }

    /// Writes the search index again if pages changed since it was last written, and waits for it.
    pub fn refresh_search(&mut self) -> Result<Option<SearchReport>, BuildError> {
        self.start_search()?;
        self.finish_search(true).transpose()
    }

    /// Starts writing the search index on a thread of its own (over a copy of the meetings) if pages
    /// changed since it was last written and no index is being written. The pages of later edits
    /// need not wait for it; [`Session::finish_search`] publishes it.
    pub fn start_search(&mut self) -> Result<bool, BuildError> {
        if !self.search_stale || self.search_job.is_some() {
            return Ok(false);
        }
        let config = match &self.config {
            Some(c) => c.clone(),
            None => load_config(&self.opts)?,
        };
        let meetings: Vec<Meeting> = self.meetings.values().cloned().collect();
        let output = self.opts.output.clone();
        let started = Instant::now();
        let job = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || stage_search(&Site::new(config, meetings), &output))
            .map_err(BuildError::Search)?;
        self.search_job = Some((job, started));
        self.search_stale = false;
        Ok(true)
    }

    /// True while a search index is being written.
    pub fn search_running(&self) -> bool {
        self.search_job.is_some()
    }

    /// Publishes the search index once it is written (with `wait`, waits for it). `None` if no
    /// index is being written, or without `wait` if it is not finished yet.
    pub fn finish_search(&mut self, wait: bool) -> Option<Result<SearchReport, BuildError>> {
        let finished = self.search_job.as_ref().is_some_and(|(job, _)| job.is_finished());
        if !(finished || wait) {
            return None;
        }
        let (job, started) = self.search_job.take()?;
        let staged = job.join().unwrap_or_else(|panic| {
            let text = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(BuildError::Search(std::io::Error::other(format!("the search index panicked: {text}"))))
        });
        let result = staged.and_then(|(staging, search, files)| {
            let published = self.publish_search(&staging, files)?;
            Ok(SearchReport { search, published, elapsed: started.elapsed() })
        });
        Some(result)
    }

    /// Every minutes file on disk, relative to the content folder; a missing folder is a diagnostic.
    fn find_files(&mut self) -> Vec<PathBuf> {
        self.diagnostics.remove(Path::new(""));
        let mut problems = Vec::new();
        let files = match load::find_files(&self.opts.content) {
            Ok(files) if files.is_empty() => {
                problems.push(Diagnostic::error(&self.opts.content, 0, "no minutes files (*.txt, *.md) found"));
                files
            }
            Ok(files) => files,
            Err(e) => {
                problems.push(e);
                Vec::new()
            }
        };
        if !problems.is_empty() {
            self.diagnostics.insert(PathBuf::new(), problems);
        }
        files.iter().map(|f| f.strip_prefix(&self.opts.content).unwrap_or(f).to_path_buf()).collect()
    }

    /// Files that appeared or vanished since the session last looked.
    fn rescan(&mut self) -> Vec<PathBuf> {
        let on_disk: BTreeSet<PathBuf> = self.find_files().into_iter().collect();
        let known: BTreeSet<PathBuf> = self.meetings.keys().chain(self.diagnostics.keys()).cloned().collect();
        let known: BTreeSet<PathBuf> = known.into_iter().filter(|p| !p.as_os_str().is_empty()).collect();
        on_disk.symmetric_difference(&known).cloned().collect()
    }

    fn parse(&self, rel: &Path) -> (Option<Meeting>, Vec<Diagnostic>) {
        parse_file(&self.opts.content, &self.opts.content.join(rel))
    }

    /// Parses `rel` again; `None` if the file is gone.
    fn reparse(&self, rel: &Path) -> Option<(Option<Meeting>, Vec<Diagnostic>)> {
        let path = self.opts.content.join(rel);
        (path.is_file() && load::is_minutes_file(&path)).then(|| self.parse(rel))
    }

    fn store(&mut self, rel: PathBuf, (meeting, diags): (Option<Meeting>, Vec<Diagnostic>)) {
        self.dirty.parsed.insert(rel.clone());
        if let Some(m) = &meeting {
            self.dirty.days.insert(Day::key_of(m));
        }
        if diags.is_empty() {
            self.diagnostics.remove(&rel);
        } else {
            self.diagnostics.insert(rel.clone(), diags);
        }
        // A file that no longer parses keeps its last good meeting; the errors block publishing anyway.
        if let Some(m) = meeting {
            self.meetings.insert(rel, m);
        }
    }

    /// Records a re-parsed (or removed) file and marks the pages it affects, before and after.
    fn apply(&mut self, rel: PathBuf, result: Option<(Option<Meeting>, Vec<Diagnostic>)>) {
        if let Some(old) = self.meetings.get(&rel) {
            self.dirty.cases.extend(old.items.iter().filter_map(|i| i.case.clone()));
            self.dirty.days.insert(Day::key_of(old));
        }
        match result {
            Some(result) => {
                if let Some(new) = &result.0 {
                    self.dirty.cases.extend(new.items.iter().filter_map(|i| i.case.clone()));
                }
                self.store(rel.clone(), result);
                self.dirty.meetings.insert(rel);
            }
            None => {
                self.meetings.remove(&rel);
                self.diagnostics.remove(&rel);
            }
        }
    }

    /// Every error in the site: one broken file blocks publishing, so all of them are news.
    fn errors(&self) -> Diagnostics {
        let mut errors = Diagnostics(self.diagnostics.values().flatten().filter(|d| d.is_error()).cloned().collect());
        errors.sort();
        errors
    }

    /// Warnings about the files parsed since the last successful rebuild (and the content folder),
    /// and about the meetings that share a body and a date with one of them (as `build` gives them).
    fn fresh_warnings(&self) -> Diagnostics {
        let fresh =
            |(rel, _): &(&PathBuf, &Vec<Diagnostic>)| rel.as_os_str().is_empty() || self.dirty.parsed.contains(*rel);
        let mut warnings = Diagnostics(self.diagnostics.iter().filter(fresh).flat_map(|(_, d)| d.clone()).collect());
        // By date first: a body's slug costs more than a comparison, and a site has many meetings.
        let dates: BTreeSet<chrono::NaiveDate> = self.dirty.days.iter().map(|(_, date)| *date).collect();
        let days =
            self.meetings.values().filter(|m| dates.contains(&m.date) && self.dirty.days.contains(&Day::key_of(m)));
        warnings.extend(same_day(days.map(Day::of).collect()));
        warnings.sort();
        warnings
    }

    /// Renders the pending pages (and with `with_search` the search index) into a staging folder and
    /// moves them into the output.
    fn flush(&mut self, parsed: usize, start: Instant, with_search: bool) -> Result<RebuildReport, BuildError> {
        let mut timings = vec![("parse", start.elapsed())];
        let lap = Instant::now();
        let config = match &self.config {
            Some(c) => c.clone(),
            None => load_config(&self.opts)?,
        };
        self.config = Some(config.clone());
        let errors = self.errors();
        if errors.has_errors() {
            return Err(BuildError::Input(errors));
        }
        let mut diagnostics = self.fresh_warnings();
        if with_search {
            // An index still being written would be older than this one: let it finish unseen.
            self.search_job = None;
        }
        let meetings: Vec<Meeting> = std::mem::take(&mut self.meetings).into_values().collect();
        let site = Site::new(config, meetings);
        let full = self.dirty.full || self.would_leave_stale_pages(&site);
        let selection = if full { Selection::All } else { self.selection(&site) };
        let selected = match &selection {
            Selection::Only { meetings, .. } => meetings.len(),
            Selection::All => 0,
        };
        timings.push(("link", lap.elapsed()));
        let result = self.render_and_publish(&site, selection, full, with_search, &mut timings);
        let published = Published {
            meetings: (0..site.meetings.len())
                .map(|i| (site.meetings[i].source.clone(), site.meeting_path(i).to_string()))
                .collect(),
            cases: site.cases.keys().cloned().collect(),
        };
        self.meetings = site.meetings.into_iter().map(|m| (m.source.clone(), m)).collect();
        let (render, search, moved) = result?;
        if self.dirty.theme {
            diagnostics.extend(render.warnings.iter().cloned());
            diagnostics.sort();
        }
        self.published = published;
        self.dirty = Dirty::default();
        self.search_stale = !with_search;
        Ok(RebuildReport { diagnostics, full, parsed, selected, render, search, published: moved, timings })
    }

    /// An incremental rebuild only adds and replaces files; a removed meeting, a meeting whose page
    /// moved (a new date, or a same-day twin of its body that took its address) or a case with no
    /// items left would leave a stale page behind.
    fn would_leave_stale_pages(&self, site: &Site) -> bool {
        let now: BTreeMap<&Path, &str> =
            site.meetings.iter().enumerate().map(|(i, m)| (m.source.as_path(), site.meeting_path(i))).collect();
        let moved = self.published.meetings.iter().any(|(rel, path)| now.get(rel.as_path()) != Some(&path.as_str()));
        moved || self.published.cases.iter().any(|c| !site.cases.contains_key(c))
    }

    /// The dirty meetings, the neighbours of new ones in the same body (their previous/next links
    /// change) and every meeting sharing a dirty case (pages that list the case's other meetings).
    fn selection(&self, site: &Site) -> Selection {
        let mut meetings = BTreeSet::new();
        for (i, m) in site.meetings.iter().enumerate() {
            if !self.dirty.meetings.contains(&m.source) {
                continue;
            }
            meetings.insert(m.source.clone());
            if self.published.meetings.contains_key(&m.source) {
                continue;
            }
            // In the body's own order: its meetings may spell its name otherwise and sort apart.
            let Some(body) = site.body_of(i) else { continue };
            let Some(pos) = body.meetings.iter().position(|&j| j == i) else { continue };
            let neighbours = [pos.checked_sub(1), Some(pos + 1)];
            for n in neighbours.into_iter().flatten().filter_map(|p| body.meetings.get(p)) {
                meetings.insert(site.meetings[*n].source.clone());
            }
        }
        let mut cases = BTreeSet::new();
        for case in &self.dirty.cases {
            for r in site.cases.get(case).into_iter().flatten() {
                meetings.insert(site.meetings[r.meeting].source.clone());
            }
            // Both spellings, so the renderer finds the case whichever key it compares against.
            cases.insert(case.slug());
            cases.insert(case.canonical());
        }
        Selection::Only { meetings, cases }
    }

    fn render_and_publish(
        &mut self,
        site: &Site,
        selection: Selection,
        full: bool,
        with_search: bool,
        timings: &mut Vec<(&'static str, Duration)>,
    ) -> Result<(RenderStats, IndexStats, usize), BuildError> {
        let lap = Instant::now();
        let publish_err = |source| BuildError::Publish { path: self.opts.output.clone(), source };
        super::check_output(&self.opts)?;
        std::fs::create_dir_all(&self.opts.output).map_err(publish_err)?;
        let pages = Staging::new(&self.opts.output).map_err(publish_err)?;
        pages.mark().map_err(publish_err)?;
        let render_opts =
            RenderOptions { templates: Some(self.opts.templates.clone()), inject: self.inject.clone(), selection };
        let (rendered, indexed) = rayon::join(
            || render::render(site, pages.path(), &render_opts),
            || with_search.then(|| stage_search(site, &self.opts.output)).transpose(),
        );
        let render = rendered?;
        let search = indexed?;
        timings.push((if with_search { "render+search" } else { "render" }, lap.elapsed()));
        let lap = Instant::now();
        // A full render replaces the site: remove pages it no longer has, but never the index files.
        let mut index_files = self.search_files.clone();
        if let Some((_, _, files)) = &search {
            index_files.extend(files.iter().cloned());
        }
        let prune = if full { Prune::AllBut(index_files) } else { Prune::Nothing };
        let mut moved = overlay(pages.path(), &self.opts.output, prune).map_err(publish_err)?;
        let stats = match search {
            Some((staging, stats, files)) => {
                moved += self.publish_search(&staging, files)?;
                stats
            }
            None => IndexStats::default(),
        };
        timings.push(("publish", lap.elapsed()));
        Ok((render, stats, moved))
    }

    /// Moves a staged search index into the output: the folder of its version (`soeg/<v>/`) first,
    /// then the manifest that names it; then the folders of earlier versions are removed. Its top
    /// folder also holds the search page, which the renderer owns. A tab that still reads an earlier
    /// version finds its files gone and asks for the manifest anew (search.js `newerManifest`).
    fn publish_search(&mut self, staging: &Staging, files: BTreeSet<PathBuf>) -> Result<usize, BuildError> {
        let publish_err = |source| BuildError::Publish { path: self.opts.output.clone(), source };
        let owned = index_folders(staging.path()).map_err(publish_err)?;
        let moved = overlay(staging.path(), &self.opts.output, Prune::Within(owned.clone())).map_err(publish_err)?;
        remove_superseded(&self.opts.output, &owned).map_err(publish_err)?;
        self.search_files = files;
        Ok(moved)
    }
}

/// A search index written into its own staging folder, with the files it holds.
type StagedSearch = (Staging, IndexStats, BTreeSet<PathBuf>);

/// Writes the search index of `site` into a staging folder beside `output`.
fn stage_search(site: &Site, output: &Path) -> Result<StagedSearch, BuildError> {
    let publish_err = |source| BuildError::Publish { path: output.to_path_buf(), source };
    let staging = Staging::new(output).map_err(publish_err)?;
    let stats = search::write_index(site, staging.path()).map_err(BuildError::Search)?;
    let files = relative_paths(staging.path()).map_err(publish_err)?;
    Ok((staging, stats, files))
}
