//! Rendering the linked site to HTML pages, feeds, sitemap and open-data JSON.
//!
//! OWNER: site work (issue 3).

use crate::link::Site;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which pages to (re)render: everything, or the pages a set of changed meetings affects
/// (their meeting pages and case pages; indexes, feeds and open data are always rendered).
#[derive(Debug, Clone, Default)]
pub enum Selection {
    #[default]
    All,
    Only {
        meetings: BTreeSet<PathBuf>,
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
}

#[derive(Debug, Default, Clone)]
pub struct RenderStats {
    pub pages: usize,
    pub bytes: u64,
}

/// Renders `site` into `out`.
pub fn render(site: &Site, out: &Path, opts: &RenderOptions) -> Result<RenderStats, RenderError> {
    let _ = (site, opts);
    std::fs::create_dir_all(out).map_err(|source| RenderError::Io { path: out.to_path_buf(), source })?;
    Ok(RenderStats::default())
}
