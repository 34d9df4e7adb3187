//! The theme: Tera templates and static files built into the binary as defaults, each replaceable
//! by a file of the same name in the templates folder, so a web team restyles without Rust.

use crate::render::RenderError;
use std::path::{Path, PathBuf};
use tera::Tera;
use walkdir::WalkDir;

/// Built-in templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("body.html", include_str!("../../templates/body.html")),
    ("meeting.html", include_str!("../../templates/meeting.html")),
    ("case.html", include_str!("../../templates/case.html")),
    ("cases.html", include_str!("../../templates/cases.html")),
    ("cases_year.html", include_str!("../../templates/cases_year.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
];

/// Built-in static files, copied to `static/` in the output.
const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../templates/static/style.css")),
    ("search.js", include_bytes!("../../templates/static/search.js")),
];

/// Compiles the templates once: built-ins, replaced or extended by `*.html` files in `dir`.
pub fn load(dir: Option<&Path>) -> Result<Tera, RenderError> {
    let mut sources: Vec<(String, String)> = TEMPLATES.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect();
    for (name, path) in overrides(dir, "html")? {
        let text = std::fs::read_to_string(&path).map_err(|source| RenderError::Io { path: path.clone(), source })?;
        match sources.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = text,
            None => sources.push((name, text)),
        }
    }
    let mut tera = Tera::default();
    // Tera's default also escapes "/" (as &#x2F;), which bloats every URL; quotes and <>& suffice.
    tera.set_escape_fn(crate::render::text::escape);
    tera.add_raw_templates(sources).map_err(template_error)?;
    Ok(tera)
}

/// Writes the static files to `out/static/`: built-ins, then everything in `dir/static/`.
/// Returns the number of bytes written.
pub fn write_static(dir: Option<&Path>, out: &Path) -> Result<u64, RenderError> {
    let target = out.join("static");
    let mut bytes = 0;
    for (name, data) in STATIC {
        bytes += super::write_file(&target.join(name), data)?;
    }
    let Some(src) = dir.map(|d| d.join("static")).filter(|d| d.is_dir()) else { return Ok(bytes) };
    for entry in WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.map_err(|e| walk_error(&src, e))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&src).unwrap_or(entry.path());
        let data =
            std::fs::read(entry.path()).map_err(|source| RenderError::Io { path: entry.path().into(), source })?;
        bytes += super::write_file(&target.join(rel), &data)?;
    }
    Ok(bytes)
}

/// Files with extension `ext` below `dir` (outside `static/`), named by their path relative to it.
fn overrides(dir: Option<&Path>, ext: &str) -> Result<Vec<(String, PathBuf)>, RenderError> {
    let Some(dir) = dir.filter(|d| d.is_dir()) else { return Ok(Vec::new()) };
    let mut found = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| e.file_name() != "static") {
        let entry = entry.map_err(|e| walk_error(dir, e))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == ext) {
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let name = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            found.push((name, path.to_path_buf()));
        }
    }
    Ok(found)
}

fn walk_error(dir: &Path, e: walkdir::Error) -> RenderError {
    let path = e.path().map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
    RenderError::Io { path, source: e.into() }
}

/// A Tera error with its whole cause chain (the useful part, e.g. the line, is in the sources).
pub fn template_error(e: tera::Error) -> RenderError {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    RenderError::Template(msg)
}
