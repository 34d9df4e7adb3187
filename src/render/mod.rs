//! Rendering the linked site to HTML pages, feeds, sitemap and open-data JSON.
//!
//! Pages are rendered in parallel from typed views with templates compiled once; the text of every
//! item is turned into safe HTML once and shared by all pages that show it.
//!
//! OWNER: site work (issue 3).

mod danish;
mod data;
mod feed;
mod markup;
mod sitemap;
mod templates;
pub mod text;
pub mod view;

use crate::case::CaseNumber;
use crate::link::Site;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tera::{Context, Tera};
use text::Links;
use view::{
    BodySummary, BodyView, CaseSummary, CaseView, ItemHtml, MeetingLink, MeetingStrings, MeetingView, SiteInfo,
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
    #[error("cannot serialize open data for {path}: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
}

#[derive(Debug, Default, Clone)]
pub struct RenderStats {
    pub pages: usize,
    pub bytes: u64,
}

/// One output file to produce.
enum Job<'a> {
    Index,
    Body(usize),
    Meeting(usize),
    Case(&'a CaseNumber),
    Cases,
    NotFound,
    Search,
    Feed(Option<usize>),
    Sitemap,
    MeetingData(usize),
    MeetingsData,
    CasesData,
}

/// Everything a job needs, shared read-only between threads.
struct Renderer<'a> {
    site: &'a Site,
    base: String,
    tera: Tera,
    common: Context,
    strings: Vec<MeetingStrings>,
    html: Vec<Vec<ItemHtml>>,
    opts: &'a RenderOptions,
    out: &'a Path,
}

/// Renders `site` into `out`.
pub fn render(site: &Site, out: &Path, opts: &RenderOptions) -> Result<RenderStats, RenderError> {
    std::fs::create_dir_all(out).map_err(|source| RenderError::Io { path: out.to_path_buf(), source })?;
    let tera = templates::load(opts.templates.as_deref())?;
    let base = site.config.base_path();
    let (meetings, cases) = selected(site, &opts.selection);
    let mut needed = vec![false; site.meetings.len()];
    for &i in &meetings {
        needed[i] = true;
    }
    for case in &cases {
        for r in site.cases.get(*case).into_iter().flatten() {
            needed[r.meeting] = true;
        }
    }
    let html = item_html(site, &base, &needed);
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
    let strings = view::meeting_strings(site, &base);
    let r = Renderer { site, base, tera, common, strings, html, opts, out };

    let mut jobs = vec![Job::Index, Job::Cases, Job::NotFound, Job::Search, Job::Feed(None), Job::Sitemap];
    jobs.extend([Job::MeetingsData, Job::CasesData]);
    jobs.extend((0..site.bodies.len()).flat_map(|b| [Job::Body(b), Job::Feed(Some(b))]));
    jobs.extend(meetings.iter().flat_map(|&i| [Job::Meeting(i), Job::MeetingData(i)]));
    jobs.extend(cases.into_iter().map(Job::Case));

    let static_bytes = templates::write_static(opts.templates.as_deref(), out)?;
    let sizes: Vec<u64> = jobs.par_iter().map(|job| r.run(job)).collect::<Result<_, _>>()?;
    Ok(RenderStats { pages: sizes.len(), bytes: static_bytes + sizes.iter().sum::<u64>() })
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

/// Safe HTML of every item of the `needed` meetings, rendered in parallel.
fn item_html(site: &Site, base: &str, needed: &[bool]) -> Vec<Vec<ItemHtml>> {
    (0..site.meetings.len())
        .into_par_iter()
        .map(|i| {
            if !needed[i] {
                return Vec::new();
            }
            let m = &site.meetings[i];
            let links = Links { site, base, body: &m.body, current: Some(i) };
            m.items.iter().map(|item| ItemHtml::new(item, &links)).collect()
        })
        .collect()
}

impl Renderer<'_> {
    /// Produces one output file and returns its size in bytes.
    fn run(&self, job: &Job) -> Result<u64, RenderError> {
        let (site, base) = (self.site, self.base.as_str());
        match *job {
            Job::Index => {
                let bodies: Vec<BodySummary> = site.bodies.iter().map(|b| BodySummary::new(site, base, b)).collect();
                let mut latest: Vec<usize> = (0..site.meetings.len()).collect();
                latest.sort_by_key(|&i| std::cmp::Reverse((site.meetings[i].date, i)));
                let latest: Vec<MeetingLink> =
                    latest.into_iter().take(10).map(|i| MeetingLink::new(site, base, i)).collect();
                self.page("index.html", "", |ctx| {
                    ctx.insert("bodies", &bodies);
                    ctx.insert("latest", &latest);
                    ctx.insert("case_count", &site.cases.len());
                })
            }
            Job::Body(b) => {
                let body = &site.bodies[b];
                let view = BodyView::new(site, base, body);
                self.page("body.html", &site.body_path(body), |ctx| ctx.insert("body", &view))
            }
            Job::Meeting(i) => {
                let empty = Vec::new();
                let html = self.html.get(i).unwrap_or(&empty);
                let view = MeetingView::new(site, base, &self.strings, i, html);
                self.page("meeting.html", site.meeting_path(i), |ctx| ctx.insert("meeting", &view))
            }
            Job::Case(case) => {
                let refs = site.cases.get(case).map_or(&[][..], Vec::as_slice);
                let view = CaseView::new(site, base, case, refs, &self.strings, &self.html);
                self.page("case.html", &Site::case_path(case), |ctx| ctx.insert("case", &view))
            }
            Job::Cases => {
                let rows: Vec<CaseSummary> =
                    site.cases.iter().map(|(c, r)| CaseSummary::new(site, base, c, r)).collect();
                self.page("cases.html", "sager/", |ctx| ctx.insert("cases", &rows))
            }
            Job::NotFound => self.html_file("404.html", "404.html", "404.html", |_| {}),
            Job::Search => self.page("search.html", "soeg/", |_| {}),
            Job::Feed(None) => {
                let all: Vec<usize> = (0..site.meetings.len()).collect();
                self.write("feed.xml", feed::atom(site, &site.config.title, "feed.xml", "", &all).as_bytes())
            }
            Job::Feed(Some(b)) => {
                let body = &site.bodies[b];
                let path = format!("{}feed.xml", site.body_path(body));
                let title = format!("{}: {}", site.config.title, body.name);
                self.write(&path, feed::atom(site, &title, &path, &site.body_path(body), &body.meetings).as_bytes())
            }
            Job::Sitemap => {
                self.write("sitemap.xml", sitemap::sitemap(&site.config.base_url, &self.sitemap_pages()).as_bytes())
            }
            Job::MeetingData(i) => self.json(&view::data_path(site, i), data::meeting_json(site, i)),
            Job::MeetingsData => self.json("data/meetings.json", data::meetings_json(site)),
            Job::CasesData => self.json("data/cases.json", data::cases_json(site)),
        }
    }

    /// Renders `template` to `<path>index.html` (path relative to the base, ending in "/" or empty).
    fn page(&self, template: &str, path: &str, fill: impl FnOnce(&mut Context)) -> Result<u64, RenderError> {
        self.html_file(template, path, &format!("{path}index.html"), fill)
    }

    fn html_file(
        &self,
        template: &str,
        path: &str,
        file: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<u64, RenderError> {
        let mut ctx = self.common.clone();
        ctx.insert("path", path);
        fill(&mut ctx);
        // Rendered into bytes: Tera's `render` would validate the whole page as UTF-8 once more.
        let mut html = Vec::with_capacity(16 * 1024);
        self.tera.render_to(template, &ctx, &mut html).map_err(templates::template_error)?;
        if !self.opts.inject.is_empty() {
            let at = html.windows(7).rposition(|w| w == b"</body>").unwrap_or(html.len());
            html.splice(at..at, self.opts.inject.bytes());
        }
        self.write(file, &html)
    }

    fn json(&self, path: &str, json: Result<Vec<u8>, serde_json::Error>) -> Result<u64, RenderError> {
        let json = json.map_err(|source| RenderError::Json { path: path.into(), source })?;
        self.write(path, &json)
    }

    fn write(&self, rel: &str, data: &[u8]) -> Result<u64, RenderError> {
        write_file(&self.out.join(rel), data)
    }

    /// Every public page, with the meeting date as last modification where there is one.
    fn sitemap_pages(&self) -> Vec<(String, Option<String>)> {
        let site = self.site;
        let mut pages = vec![(String::new(), None), ("sager/".to_string(), None), ("soeg/".to_string(), None)];
        pages.extend(site.bodies.iter().map(|b| (site.body_path(b), None)));
        pages.extend(
            (0..site.meetings.len())
                .map(|i| (site.meeting_path(i).to_string(), Some(site.meetings[i].date.to_string()))),
        );
        pages.extend(site.cases.keys().map(|c| (Site::case_path(c), None)));
        pages
    }
}

/// Writes `data` to `path`, creating folders only when missing (a `mkdir` per file is a large
/// part of a build's system time with thousands of pages); returns the size.
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
