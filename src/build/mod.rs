//! The build pipeline, in order: load → parse → link → render and search → write.
//! `build`, `check` and `serve` all go through here; serve's incremental rebuilds are in [`session`].

mod session;

pub use session::{Change, RebuildReport, SearchReport, Session};

use crate::config::{Config, ConfigError};
use crate::diag::{Diagnostic, Diagnostics};
use crate::link::Site;
use crate::load;
use crate::model::Meeting;
use crate::render::{self, RenderOptions, RenderStats};
use crate::search::{self, IndexStats};
use crate::write::Staging;
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
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            content: "content".into(),
            output: "public".into(),
            config: "config.toml".into(),
            templates: "templates".into(),
            base_url: None,
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
}

/// Reads the config, applying the `--base-url` override.
pub fn load_config(opts: &BuildOptions) -> Result<Config, ConfigError> {
    let mut config = Config::load(&opts.config)?;
    if let Some(url) = &opts.base_url {
        config.set_base_url(url);
    }
    Ok(config)
}

/// Loads, decodes, masks and parses one file.
pub fn parse_file(content: &Path, path: &Path) -> (Option<Meeting>, Vec<Diagnostic>) {
    let rel = path.strip_prefix(content).unwrap_or(path);
    let (mut source, mut diags) = match load::load_file(path, rel) {
        Ok(ok) => ok,
        Err(e) => return (None, vec![e]),
    };
    diags.extend(crate::privacy::mask_cpr(rel, &mut source.text));
    match crate::parse::parse(rel, &source.text) {
        Ok((mut meeting, warnings)) => {
            meeting.source = rel.to_path_buf();
            diags.extend(warnings);
            (Some(meeting), diags)
        }
        Err(errors) => {
            diags.extend(errors);
            (None, diags)
        }
    }
}

/// Parses every minutes file below `content` in parallel. Errors in one file do not stop the others.
pub fn parse_all(content: &Path) -> (Vec<Meeting>, Diagnostics) {
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
    let results: Vec<_> = files.par_iter().map(|f| parse_file(content, f)).collect();
    let mut meetings = Vec::with_capacity(results.len());
    for (meeting, diags) in results {
        meetings.extend(meeting);
        diagnostics.extend(diags);
    }
    diagnostics.sort();
    (meetings, diagnostics)
}

/// Builds the whole site into a staging folder and swaps it into `opts.output` on success.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let mut timings = Vec::new();
    let mut lap = Instant::now();
    let mut tick = |name: &'static str, timings: &mut Vec<(&'static str, Duration)>| {
        timings.push((name, lap.elapsed()));
        lap = Instant::now();
    };
    let config = load_config(opts)?;
    let (meetings, diagnostics) = parse_all(&opts.content);
    if diagnostics.has_errors() {
        return Err(BuildError::Input(diagnostics));
    }
    tick("parse", &mut timings);
    let site = Site::new(config, meetings);
    tick("link", &mut timings);

    let publish_err = |source| BuildError::Publish { path: opts.output.clone(), source };
    let staging = Staging::new(&opts.output).map_err(publish_err)?;
    let render_opts = RenderOptions { templates: Some(opts.templates.clone()), ..Default::default() };
    // One after the other, each parallel inside: running them side by side saved no CPU time and
    // held the index's and the pages' working memory at once (445 MB instead of 337 MB peak for
    // 2,000 meetings).
    let search = search::write_index(&site, staging.path()).map_err(BuildError::Search)?;
    tick("search", &mut timings);
    let render = render::render(&site, staging.path(), &render_opts)?;
    tick("render", &mut timings);
    staging.publish().map_err(publish_err)?;
    tick("write", &mut timings);

    let (meetings, items) = (site.meetings.len(), site.meetings.iter().map(|m| m.items.len()).sum());
    drop_in_background(site);
    Ok(BuildReport { diagnostics, meetings, items, render, search, timings })
}

/// Freeing the whole model (millions of small strings) is a measurable share of a build; nobody
/// needs to wait for it, and `referat build` exits without waiting at all.
fn drop_in_background<T: Send + 'static>(value: T) {
    // If no thread can be started the value comes back inside the error and is dropped here.
    let _ = std::thread::Builder::new().name("drop".into()).spawn(move || drop(value));
}
