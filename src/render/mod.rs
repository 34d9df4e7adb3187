//! Rendering the linked site to HTML pages, feeds, sitemap and open-data JSON.
//!
//! Pages are rendered in parallel from typed views with templates compiled once; the text of every
//! item is turned into safe HTML once and shared by all pages that show it.
//!
//! OWNER: site work (issue 3).

mod check;
pub mod danish;
mod data;
mod feed;
mod json;
mod markup;
mod sitemap;
pub mod templates;
pub mod text;
pub mod view;

use crate::case::CaseNumber;
use crate::link::{ItemRef, Site};
use crate::model::Meeting;
use chrono::Datelike;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use tera::Context;
use text::Links;
use view::{
    BodySummary, BodyView, CaseSummary, CaseView, CaseYearLink, ItemHtml, MeetingLink, MeetingStrings, MeetingView,
    SearchExamples, SiteInfo,
};

/// Which pages to (re)render: everything, or the pages a set of changed meetings affects
/// (their meeting pages and case pages; indexes, feeds and open data are always rendered).
#[derive(Debug, Clone, Default)]
pub enum Selection {
    #[default]
    All,
    Only {
        /// Source paths (`Meeting::source`) of the meetings to render.
        meetings: BTreeSet<PathBuf>,
        /// Case slugs ("16-26813") whose pages to render, besides those of the meetings above.
        cases: BTreeSet<String>,
    },
}

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Folder holding the Tera templates (`templates/`); built-in defaults are used for missing ones.
    pub templates: Option<PathBuf>,
    /// Extra HTML injected before `</body>` on every page (serve's live-reload script); empty for `build`.
    pub inject: String,
    pub selection: Selection,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template error: {0}")]
    Template(String),
    #[error("cannot write {path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot read {path}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot serialize open data for {path}: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
}

#[derive(Debug, Default, Clone)]
pub struct RenderStats {
    pub pages: usize,
    pub bytes: u64,
    /// Warnings about the templates folder (the theme's, see `templates::Theme::warnings`).
    pub warnings: Vec<crate::diag::Diagnostic>,
    /// What the pages are styled with (`templates::Theme::description`).
    pub theme: String,
}

/// One output file to produce.
enum Job<'a> {
    Index,
    Body(usize),
    Case(&'a CaseNumber),
    Cases,
    /// The cases handled in one year.
    CaseYear(i32),
    NotFound,
    Search,
    Feed(Option<usize>),
    Sitemap,
    MeetingsData,
    CasesData,
    /// A page of the team's own, by index into `Renderer::own`.
    Own(usize),
}

/// Everything a job needs, shared read-only between threads. Made by [`Renderer::new`], which also
/// makes every folder; then [`Renderer::meeting`] renders each selected meeting from its full text
/// (given by the caller, so a large site need not hold all of it at once) and
/// [`Renderer::site_pages`] everything else.
pub struct Renderer<'a> {
    site: &'a Site,
    base: String,
    theme: templates::Theme,
    common: Context,
    strings: Vec<MeetingStrings>,
    opts: &'a RenderOptions,
    out: &'a Path,
    /// The selected meetings, by index into `site.meetings`.
    meetings: Vec<usize>,
    /// The cases handled in each year (by meeting date), for the case index's year pages; a case
    /// handled in several years is listed in each. One page of every case would grow without bound.
    case_years: BTreeMap<i32, Vec<(&'a CaseNumber, &'a [ItemRef])>>,
    /// Every job but the meetings' own, with its file.
    jobs: Vec<(Job<'a>, String)>,
    static_bytes: u64,
    /// Warnings found while rendering (a search page that `search.js` cannot work on).
    found: std::sync::Mutex<Vec<crate::diag::Diagnostic>>,
    /// The variables of the first pages of each template, by template, when the team replaced any
    /// template (see [`check`]); `None` with the built-in theme.
    samples: Option<std::sync::Mutex<HashMap<String, (usize, check::Shape)>>>,
    /// The team's own pages: (template, the folder it is published in), see [`templates::OWN_PAGES`].
    own: Vec<(String, String)>,
}

/// Renders `site`, whose meetings carry their full text (as `serve` keeps them), into `out`.
pub fn render(site: &Site, out: &Path, opts: &RenderOptions) -> Result<RenderStats, RenderError> {
    let r = Renderer::new(site, out, opts)?;
    let meetings: Vec<u64> =
        r.meetings().par_iter().map(|&i| r.meeting(i, &site.meetings[i])).collect::<Result<_, _>>()?;
    r.site_pages(meetings.iter().sum())
}

impl<'a> Renderer<'a> {
    /// Compiles the templates, plans the selected pages, makes their folders and writes the static files.
    pub fn new(site: &'a Site, out: &'a Path, opts: &'a RenderOptions) -> Result<Renderer<'a>, RenderError> {
        std::fs::create_dir_all(out).map_err(|source| RenderError::Io { path: out.to_path_buf(), source })?;
        let base = site.config.base_path();
        let theme = templates::Theme::load(opts.templates.as_deref(), &base)?;
        let (meetings, cases) = selected(site, &opts.selection);
        let mut common = Context::new();
        common.insert("base", &base);
        let c = &site.config;
        common.insert(
            "site",
            &SiteInfo {
                title: &c.title,
                municipality: &c.municipality,
                description: &c.description,
                base_url: &c.base_url,
            },
        );
        // The same settings as plain names, which base.html uses on every page: Tera looks up a
        // dotted name ("site.title") with a search and string copies per level on every use.
        common.insert("site_title", &c.title);
        common.insert("site_municipality", &c.municipality);
        common.insert("site_description", &c.description);
        common.insert("site_base_url", &c.base_url);
        common.insert("extra", &plain_dates(toml::Value::Table(c.extra.clone())));
        let strings = view::meeting_strings(site, &base);
        let mut r = Renderer {
            site,
            base,
            theme,
            common,
            strings,
            opts,
            out,
            meetings,
            case_years: case_years(site),
            jobs: Vec::new(),
            static_bytes: 0,
            found: Default::default(),
            samples: None,
            own: Vec::new(),
        };
        r.own = own_pages(site, &r.theme)?;
        if !r.theme.files.is_empty() {
            r.samples = Some(Default::default());
        }

        let mut jobs = vec![Job::Index, Job::Cases, Job::NotFound, Job::Search, Job::Feed(None), Job::Sitemap];
        jobs.extend([Job::MeetingsData, Job::CasesData]);
        jobs.extend((0..site.bodies.len()).flat_map(|b| [Job::Body(b), Job::Feed(Some(b))]));
        jobs.extend(r.case_years.keys().map(|&year| Job::CaseYear(year)));
        jobs.extend(cases.into_iter().map(Job::Case));
        jobs.extend((0..r.own.len()).map(Job::Own));
        r.jobs = jobs
            .into_iter()
            .map(|job| {
                let file = r.file(&job);
                (job, file)
            })
            .collect();
        // Every file is known before any is written, so each folder is made once, up front.
        let meeting_files: Vec<String> =
            r.meetings.iter().flat_map(|&i| [meeting_file(site, i), view::data_path(site, i)]).collect();
        make_folders(
            out,
            r.jobs.iter().map(|(_, file)| file.as_str()).chain(meeting_files.iter().map(String::as_str)),
        )?;
        r.static_bytes = r.theme.assets.write(out)?;
        Ok(r)
    }

    /// The meetings whose pages are selected, by index into `site.meetings`.
    pub fn meetings(&self) -> &[usize] {
        &self.meetings
    }

    /// Writes meeting `i`'s page and open-data file from `full`, its full text (the site's copy
    /// may lack the items' sections); returns the bytes written.
    pub fn meeting(&self, i: usize, full: &Meeting) -> Result<u64, RenderError> {
        let (site, base) = (self.site, self.base.as_str());
        let links = Links { site, base, current: Some(i) };
        let html: Vec<ItemHtml> = full.items.iter().map(|item| ItemHtml::new(item, &links)).collect();
        let view = MeetingView::new(site, base, &self.strings, i, &html);
        let fields = flat(&view)?;
        let page = self.page("meeting.html", &meeting_file(site, i), |ctx| ctx.extend(fields))?;
        Ok(page + self.json(&view::data_path(site, i), data::meeting_json(site, i, full))?)
    }

    /// Renders every selected page but the meetings' own, in parallel; returns the stats of the
    /// whole render, given the bytes [`Renderer::meeting`] wrote for the selected meetings.
    pub fn site_pages(&self, meeting_bytes: u64) -> Result<RenderStats, RenderError> {
        let sizes: Vec<u64> = self.jobs.par_iter().map(|(job, file)| self.run(job, file)).collect::<Result<_, _>>()?;
        // Each meeting wrote its page and its open data.
        let pages = sizes.len() + 2 * self.meetings.len();
        let bytes = self.static_bytes + meeting_bytes + sizes.iter().sum::<u64>();
        let mut warnings = self.theme.warnings.clone();
        warnings.extend(std::mem::take(&mut *self.found.lock().unwrap_or_else(std::sync::PoisonError::into_inner)));
        warnings.extend(self.unknown_names());
        Ok(RenderStats { pages, bytes, warnings, theme: self.theme.description.clone() })
    }
}

/// The fields of a page's view as the template's top-level variables (`{{ title }}`, not
/// `{{ meeting.title }}`): Tera looks up a dotted name with a search and string copies per level,
/// on every use, and the meeting page uses its fields often.
fn flat(view: &impl serde::Serialize) -> Result<Context, RenderError> {
    Context::from_serialize(view).map_err(|e| RenderError::Template(templates::chain(&e)))
}

/// The team's own pages (see [`templates::OWN_PAGES`]), each with the folder it is published in: a
/// name that is no folder name as the site writes them ("Om os.html"), or that is a folder of the
/// site's own or a body's, is an error naming the file, as either page would hide the other.
fn own_pages(site: &Site, theme: &templates::Theme) -> Result<Vec<(String, String)>, RenderError> {
    let mut own = Vec::new();
    for (name, folder, path) in theme.own_pages() {
        let taken = site.bodies.iter().find(|b| b.slug == folder).map(|b| format!("the meetings of {}", b.name));
        let problem = if folder.contains('/') {
            Some("a page of your own is a file directly in that folder, not in a folder of its own".to_string())
        } else if slug::slugify(folder) != folder {
            Some(format!("its name is no folder name of the site's: name it {}.html", slug::slugify(folder)))
        } else if crate::link::reserved_folder(folder) {
            Some(format!("{folder}/ is a folder the site writes itself"))
        } else {
            taken.map(|what| format!("{folder}/ is the address of {what}"))
        };
        if let Some(problem) = problem {
            return Err(RenderError::Template(format!(
                "{}: cannot publish {name} at {folder}/: {problem}; rename the file",
                path.display()
            )));
        }
        own.push((name.to_string(), folder.to_string()));
    }
    Ok(own)
}

/// The cases handled in each year, in case order.
fn case_years(site: &Site) -> BTreeMap<i32, Vec<(&CaseNumber, &[ItemRef])>> {
    let mut years: BTreeMap<i32, Vec<(&CaseNumber, &[ItemRef])>> = BTreeMap::new();
    for (case, refs) in &site.cases {
        let mut handled: Vec<i32> = refs.iter().map(|r| site.meetings[r.meeting].date.year()).collect();
        handled.dedup(); // refs are in date order
        for year in handled {
            years.entry(year).or_default().push((case, refs));
        }
    }
    years
}

/// The page of meeting `i`, relative to the output folder.
fn meeting_file(site: &Site, i: usize) -> String {
    format!("{}index.html", site.meeting_path(i))
}

/// The meetings (indexes) and cases whose pages the selection asks for.
fn selected<'a>(site: &'a Site, selection: &Selection) -> (Vec<usize>, Vec<&'a CaseNumber>) {
    match selection {
        Selection::All => ((0..site.meetings.len()).collect(), site.cases.keys().collect()),
        Selection::Only { meetings, cases } => {
            let chosen: Vec<usize> =
                (0..site.meetings.len()).filter(|&i| meetings.contains(&site.meetings[i].source)).collect();
            let case_keys = site
                .cases
                .keys()
                .filter(|c| {
                    cases.contains(&c.slug())
                        || chosen.iter().any(|&i| site.meetings[i].items.iter().any(|it| it.case.as_ref() == Some(*c)))
                })
                .collect();
            (chosen, case_keys)
        }
    }
}

/// Creates every folder that `files` (relative to `out`) go into, each once and parents before
/// children, so that the parallel jobs write with a plain `fs::write` (no failed open and
/// `create_dir_all` per new folder). Folders that exist are kept, as incremental renders need.
fn make_folders<'a>(out: &Path, files: impl Iterator<Item = &'a str>) -> Result<(), RenderError> {
    let mut levels: Vec<BTreeSet<&str>> = Vec::new();
    for file in files {
        for (depth, (end, _)) in file.match_indices('/').enumerate() {
            if levels.len() <= depth {
                levels.push(BTreeSet::new());
            }
            levels[depth].insert(&file[..end]);
        }
    }
    for level in levels {
        let level: Vec<&str> = level.into_iter().collect();
        level.par_iter().try_for_each(|dir| make_folder(&out.join(dir)))?;
    }
    Ok(())
}

/// Creates `dir` unless it already is a folder; its parent must exist.
fn make_folder(dir: &Path) -> Result<(), RenderError> {
    match std::fs::create_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other.map_err(|source| RenderError::Io { path: dir.to_path_buf(), source }),
    }
}

impl Renderer<'_> {
    /// The file a job writes, relative to the output folder; pages end in "index.html".
    fn file(&self, job: &Job) -> String {
        let site = self.site;
        match *job {
            Job::Index => "index.html".to_string(),
            Job::Body(b) => format!("{}index.html", site.body_path(&site.bodies[b])),
            Job::Case(case) => Site::case_path(case),
            Job::Cases => "sager/index.html".to_string(),
            Job::CaseYear(year) => format!("{}index.html", view::case_year_path(year)),
            Job::NotFound => "404.html".to_string(),
            Job::Search => "soeg/index.html".to_string(),
            Job::Feed(None) => "feed.xml".to_string(),
            Job::Feed(Some(b)) => format!("{}feed.xml", site.body_path(&site.bodies[b])),
            Job::Sitemap => "sitemap.xml".to_string(),
            Job::MeetingsData => "data/meetings.json".to_string(),
            Job::CasesData => "data/cases.json".to_string(),
            Job::Own(k) => format!("{}/index.html", self.own[k].1),
        }
    }

    /// Produces the job's output `file` (from [`Renderer::file`]) and returns its size in bytes.
    fn run(&self, job: &Job, file: &str) -> Result<u64, RenderError> {
        let (site, base) = (self.site, self.base.as_str());
        match *job {
            Job::Index => {
                let bodies: Vec<BodySummary> = site.bodies.iter().map(|b| BodySummary::new(site, base, b)).collect();
                let mut latest: Vec<usize> = (0..site.meetings.len()).collect();
                latest.sort_by_key(|&i| std::cmp::Reverse((site.meetings[i].date, i)));
                let latest: Vec<MeetingLink> =
                    latest.into_iter().take(10).map(|i| MeetingLink::new(site, base, i)).collect();
                self.page("index.html", file, |ctx| {
                    ctx.insert("bodies", &bodies);
                    ctx.insert("latest", &latest);
                    ctx.insert("case_count", &site.cases.len());
                })
            }
            Job::Body(b) => {
                let body = &site.bodies[b];
                let view = BodyView::new(site, base, body);
                self.page("body.html", file, |ctx| ctx.insert("body", &view))
            }
            Job::Case(case) => {
                let refs = site.cases.get(case).map_or(&[][..], Vec::as_slice);
                let view = CaseView::new(site, base, case, refs, &self.strings);
                self.page("case.html", file, |ctx| {
                    // Also as plain names, which case.html uses: a dotted name costs Tera a
                    // search with string copies per level on every use.
                    ctx.insert("case_number", view.case);
                    ctx.insert("case_title", &view.title);
                    ctx.insert("case", &view);
                })
            }
            Job::Cases => {
                let years: Vec<CaseYearLink> =
                    self.case_years.iter().rev().map(|(&y, cases)| CaseYearLink::new(base, y, cases.len())).collect();
                self.page("cases.html", file, |ctx| {
                    ctx.insert("years", &years);
                    ctx.insert("case_count", &site.cases.len());
                })
            }
            Job::CaseYear(year) => {
                let cases = self.case_years.get(&year).map_or(&[][..], Vec::as_slice);
                let rows: Vec<CaseSummary> = cases.iter().map(|(c, r)| CaseSummary::new(site, base, c, r)).collect();
                self.page("cases_year.html", file, |ctx| {
                    ctx.insert("year", &year);
                    ctx.insert("cases", &rows);
                })
            }
            Job::NotFound => self.html_file("404.html", file, file, |_| {}),
            Job::Search => {
                let examples = SearchExamples::new(site);
                let path = file.strip_suffix("index.html").unwrap_or(file);
                let html = self.html("search.html", path, file, |ctx| ctx.insert("examples", &examples))?;
                if let Some(w) = self.theme.search_page_warning(&String::from_utf8_lossy(&html)) {
                    self.found.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(w);
                }
                self.write(file, &html)
            }
            Job::Feed(None) => {
                let all: Vec<usize> = (0..site.meetings.len()).collect();
                self.write(file, feed::atom(site, &site.config.title, file, "", &all).as_bytes())
            }
            Job::Feed(Some(b)) => {
                let body = &site.bodies[b];
                let title = format!("{}: {}", site.config.title, body.name);
                self.write(file, feed::atom(site, &title, file, &site.body_path(body), &body.meetings).as_bytes())
            }
            Job::Sitemap => {
                let files = sitemap::sitemaps(&site.config.base_url, &self.sitemap_pages(), sitemap::MAX_URLS);
                files.iter().map(|(name, xml)| self.write(name, xml.as_bytes())).sum()
            }
            Job::MeetingsData => self.json(file, data::meetings_json(site)),
            Job::CasesData => self.json(file, data::cases_json(site)),
            Job::Own(k) => self.page(&self.own[k].0, file, |_| {}),
        }
    }

    /// Renders `template` to `file`: "<path>index.html", whose page `path` relative to the base ends
    /// in "/" or is empty, or a page that is a file of its own ("sager/16-26813.html").
    fn page(&self, template: &str, file: &str, fill: impl FnOnce(&mut Context)) -> Result<u64, RenderError> {
        let path = file.strip_suffix("index.html").unwrap_or(file);
        self.html_file(template, path, file, fill)
    }

    fn html_file(
        &self,
        template: &str,
        path: &str,
        file: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<u64, RenderError> {
        let html = self.html(template, path, file, fill)?;
        self.write(file, &html)
    }

    /// The page `file` rendered from `template`, with the common variables and `path`.
    fn html(
        &self,
        template: &str,
        path: &str,
        file: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<Vec<u8>, RenderError> {
        let mut ctx = self.common.clone();
        ctx.insert("path", path);
        fill(&mut ctx);
        self.sample(template, &ctx);
        // Rendered into bytes: Tera's `render` would validate the whole page as UTF-8 once more.
        let mut html = Vec::with_capacity(16 * 1024);
        self.theme.tera.render_to(template, &ctx, &mut html).map_err(|e| self.theme.error(e, Some(file)))?;
        if !self.opts.inject.is_empty() {
            let at = html.windows(7).rposition(|w| w == b"</body>").unwrap_or(html.len());
            html.splice(at..at, self.opts.inject.bytes());
        }
        Ok(html)
    }

    /// Learns the variables of `template`'s page from `ctx`, for its first [`check::SAMPLES`] pages.
    fn sample(&self, template: &str, ctx: &Context) {
        let Some(samples) = &self.samples else { return };
        let lock = || samples.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if lock().get(template).is_some_and(|(n, _)| *n >= check::SAMPLES) {
            return;
        }
        let shape = check::Shape::of(&ctx.clone().into_json());
        let mut samples = lock();
        let (n, known) = samples.entry(template.to_string()).or_default();
        *n += 1;
        *known = std::mem::take(known).merge(shape);
    }

    /// Warnings for names the team's templates read that their pages do not have (see [`check`]).
    fn unknown_names(&self) -> Vec<crate::diag::Diagnostic> {
        let Some(samples) = &self.samples else { return Vec::new() };
        let samples = samples.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let every = samples.values().fold(check::Shape::Unknown, |all, (_, s)| all.merge(s.clone()));
        let mut warnings = Vec::new();
        for (name, path) in &self.theme.files {
            let (Ok(template), Ok(source)) = (self.theme.tera.get_template(name), std::fs::read_to_string(path)) else {
                continue;
            };
            // base.html wraps every page; a partial is read by them all.
            let (page, own) = match samples.get(name) {
                Some((_, shape)) => (shape, true),
                None => (&every, name == "base.html"),
            };
            warnings.extend(check::unknown_names(path, &source, &template.ast, page, own));
        }
        warnings
    }

    fn json(&self, path: &str, json: Result<Vec<u8>, serde_json::Error>) -> Result<u64, RenderError> {
        let json = json.map_err(|source| RenderError::Json { path: path.into(), source })?;
        self.write(path, &json)
    }

    /// Writes a job's file; its folder was made by [`make_folders`].
    fn write(&self, rel: &str, data: &[u8]) -> Result<u64, RenderError> {
        let path = self.out.join(rel);
        std::fs::write(&path, data).map_err(|source| RenderError::Io { path, source })?;
        Ok(data.len() as u64)
    }

    /// Every public page, with the meeting date as last modification where there is one.
    fn sitemap_pages(&self) -> Vec<(String, Option<String>)> {
        let site = self.site;
        let mut pages = vec![(String::new(), None), ("sager/".to_string(), None), ("soeg/".to_string(), None)];
        pages.extend(self.case_years.keys().map(|&y| (view::case_year_path(y), None)));
        pages.extend(site.bodies.iter().map(|b| (site.body_path(b), None)));
        pages.extend(
            (0..site.meetings.len())
                .map(|i| (site.meeting_path(i).to_string(), Some(site.meetings[i].date.to_string()))),
        );
        pages.extend(site.cases.keys().map(|c| (Site::case_path(c), None)));
        pages.extend(self.own.iter().map(|(_, folder)| (format!("{folder}/"), None)));
        pages
    }
}

/// Writes `data` to `path`, creating its folders only when missing; returns the size. Used for the
/// few static files, whose folders (from the templates' `static/`) the renderer does not plan.
fn write_file(path: &Path, data: &[u8]) -> Result<u64, RenderError> {
    let io = |source| RenderError::Io { path: path.to_path_buf(), source };
    match std::fs::write(path, data) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            std::fs::write(path, data).map_err(io)?;
        }
        other => other.map_err(io)?,
    }
    Ok(data.len() as u64)
}

/// `[extra]` as templates read it: a TOML date or time ("updated = 2024-03-12") as the text it
/// was written as, where serde would give templates an internal map that prints "[object]".
fn plain_dates(value: toml::Value) -> toml::Value {
    match value {
        toml::Value::Datetime(d) => toml::Value::String(d.to_string()),
        toml::Value::Array(a) => toml::Value::Array(a.into_iter().map(plain_dates).collect()),
        toml::Value::Table(t) => toml::Value::Table(t.into_iter().map(|(k, v)| (k, plain_dates(v))).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn make_folders_creates_every_folder_once_parents_first() {
        let out = tempfile::tempdir().unwrap();
        let files = ["index.html", "a/b/index.html", "a/x.json", "a/b/c/index.html", "d/index.html"];
        make_folders(out.path(), files.into_iter()).unwrap();
        for dir in ["a", "a/b", "a/b/c", "d"] {
            assert!(out.path().join(dir).is_dir(), "{dir}");
        }
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 2);
    }

    #[test]
    fn make_folders_keeps_existing_folders_for_incremental_renders() {
        let out = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(out.path().join("a/b")).unwrap();
        std::fs::write(out.path().join("a/b/old.html"), "kept").unwrap();
        make_folders(out.path(), ["a/b/index.html", "a/c/index.html"].into_iter()).unwrap();
        assert_eq!(std::fs::read_to_string(out.path().join("a/b/old.html")).unwrap(), "kept");
        assert!(out.path().join("a/c").is_dir());
    }

    #[test]
    fn make_folders_reports_a_file_standing_where_a_folder_goes() {
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join("a"), "not a folder").unwrap();
        match make_folders(out.path(), ["a/index.html"].into_iter()) {
            Err(RenderError::Io { path, .. }) => assert_eq!(path, out.path().join("a")),
            other => panic!("expected an I/O error for the folder, got {other:?}"),
        }
    }
}
