//! The theme: Tera templates and static files built into the binary as defaults, each replaceable
//! by a file of the same name in the templates folder, so a web team restyles without Rust.

use crate::diag::Diagnostic;
use crate::render::RenderError;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

/// Built-in static files, copied to `static/` in the output (see [`Assets`]).
const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../templates/static/style.css")),
    ("search.js", include_bytes!("../../templates/static/search.js")),
    ("highlight.js", include_bytes!("../../templates/static/highlight.js")),
    ("favicon.svg", include_bytes!("../../templates/static/favicon.svg")),
];

/// Writes the built-in templates and static files below `dir` (`static/` for the static files) as
/// a start for a web team's own: `referat theme`. A file that exists is kept. Returns the files
/// written and the files kept.
pub fn export(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let templates = TEMPLATES.iter().map(|(n, t)| (dir.join(n), t.as_bytes()));
    let statics = STATIC.iter().map(|(n, d)| (dir.join("static").join(n), *d));
    let (mut written, mut kept) = (Vec::new(), Vec::new());
    for (path, data) in templates.chain(statics) {
        if path.exists() {
            kept.push(path);
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, data)?;
        written.push(path);
    }
    Ok((written, kept))
}

/// The compiled templates, and which of them came from the templates folder (for error messages).
pub struct Theme {
    pub tera: Tera,
    /// Template name → the file that replaced or added it.
    pub files: Vec<(String, PathBuf)>,
    pub assets: Arc<Assets>,
    /// Warnings about files of the templates folder that build but would not work on the site
    /// (see [`search_script_warning`]) or that nothing uses (see [`unused_warnings`]).
    pub warnings: Vec<Diagnostic>,
    /// What the site is styled with, for the build's summary: "the built-in theme", or the folder
    /// and its files over it.
    pub description: String,
}

impl Theme {
    /// Compiles the templates once: built-ins, replaced or extended by `*.html` files in `dir`; reads
    /// the static files and gives the templates `asset(path="style.css")`, the address of a static
    /// file's versioned copy below `base` (the site's base path).
    pub fn load(dir: Option<&Path>, base: &str) -> Result<Theme, RenderError> {
        let mut sources: Vec<(String, String)> =
            TEMPLATES.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect();
        let files = overrides(dir, "html")?;
        for (name, path) in &files {
            let text = read_template(path)?;
            match sources.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name.clone(), text)),
            }
        }
        let mut tera = Tera::default();
        // Tera's default also escapes "/" (as &#x2F;), which bloats every URL; quotes and <>& suffice.
        tera.set_escape_fn(crate::render::text::escape);
        let (assets, mut warnings) = Assets::load(dir)?;
        warnings.extend(unused_warnings(&sources, &files, &assets));
        let description = describe(dir, &files, &assets);
        let assets = Arc::new(assets);
        tera.register_function("asset", asset_function(assets.clone(), base));
        let theme = Theme { tera: Tera::default(), files, assets, warnings, description };
        tera.add_raw_templates(sources).map_err(|e| theme.error(e, None))?;
        let theme = Theme { tera, ..theme };
        theme.check_blocks()?;
        Ok(theme)
    }

    /// Where template `name` comes from: its file in the templates folder, or the built-in theme.
    fn source(&self, name: &str) -> String {
        match self.files.iter().find(|(n, _)| n == name) {
            Some((_, path)) => path.display().to_string(),
            None => "the built-in theme".to_string(),
        }
    }

    /// A block a page template fills must be in a template it extends: Tera drops one that is not
    /// without a word, so a restyled `base.html` without `{% block content %}` published every page
    /// empty.
    fn check_blocks(&self) -> Result<(), RenderError> {
        let mut names: Vec<&str> = self.tera.get_template_names().collect();
        names.sort_unstable();
        for name in names {
            let Ok(t) = self.tera.get_template(name) else { continue };
            let parents: Vec<&tera::Template> =
                t.parents.iter().filter_map(|p| self.tera.get_template(p).ok()).collect();
            let Some(root) = parents.last() else { continue };
            for node in &t.ast {
                let tera::ast::Node::Block(_, block, _) = node else { continue };
                // An empty block only takes something away ("header_search" on the search page): a
                // base.html without it, as copied before the block existed, loses nothing.
                let empty = block.body.iter().all(|n| matches!(n, tera::ast::Node::Text(t) if t.trim().is_empty()));
                if !empty && !parents.iter().any(|p| p.blocks.contains_key(&block.name)) {
                    return Err(RenderError::Template(format!(
                        "{name} ({}) fills the block `{}`, which {} ({}) does not have, so its pages would be \
                         published without it; add `{{% block {} %}}{{% endblock %}}` where it belongs",
                        self.source(name),
                        block.name,
                        root.name,
                        self.source(&root.name),
                        block.name
                    )));
                }
            }
        }
        Ok(())
    }

    /// [`chain`], with the page being rendered and the file of every template the message names or
    /// that the failing one extends (Tera says "in a parent template" without saying which).
    pub fn error(&self, e: tera::Error, page: Option<&str>) -> RenderError {
        let mut msg = chain(&e);
        if let Some(page) = page {
            msg.push_str(&format!("\n  while rendering {page}"));
        }
        let mut named: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            if !named.iter().any(|n| n == name) {
                named.push(name.to_string());
            }
        };
        for name in self.tera.get_template_names().chain(self.files.iter().map(|(n, _)| n.as_str())) {
            if msg.contains(&format!("'{name}'")) {
                add(name);
                if let Ok(t) = self.tera.get_template(name) {
                    t.parents.iter().for_each(|p| add(p));
                }
            }
        }
        for name in &named {
            msg.push_str(&format!("\n  {name}: {}", self.source(name)));
        }
        // An error in an included template is reported as its includer's.
        let others: Vec<String> =
            self.files.iter().filter(|(n, _)| !named.contains(n)).map(|(_, p)| p.display().to_string()).collect();
        if !others.is_empty() {
            msg.push_str(&format!("\n  also from the templates folder: {}", others.join(", ")));
        }
        RenderError::Template(msg)
    }
}

/// A Tera error with its whole cause chain (the useful part, e.g. the line, is in the sources).
pub fn chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

/// A template file as text; a byte-order mark (Windows editors write one) is dropped, or the page
/// would start with it, or Tera would fail on an "unexpected tag" at 1:2.
fn read_template(path: &Path) -> Result<String, RenderError> {
    let text = std::fs::read_to_string(path).map_err(|source| RenderError::Read { path: path.into(), source })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// The static files: the built-in ones, replaced or joined by every file in the templates folder's
/// `static/`. Each is published twice: under its own name, for links written by hand and for files
/// that name each other (`url(logo.svg)` in a stylesheet), and under a name with a hash of its bytes
/// (`style.css` as `style.1a2b3c4d5e.css`), which `asset(path="style.css")` gives the templates. A
/// changed file gets a new name, an unchanged one keeps its name, so a host or CDN may cache the
/// hashed copies forever and a page never runs with the stylesheet or script of another build. The
/// hash is in the name, not in a query string (`style.css?v=…`), because some CDNs leave the query
/// out of their cache key and would serve the old file under the new address.
pub struct Assets {
    /// Path below `static/` ("style.css", "img/logo.svg") → bytes and the hashed copy's path.
    files: BTreeMap<String, (Vec<u8>, String)>,
    /// The files of the templates folder's `static/`, by path below it and on disk.
    own: Vec<(String, PathBuf)>,
}

impl Assets {
    /// The static files, and a warning for each file of the templates folder's that does not fit
    /// this build.
    fn load(dir: Option<&Path>) -> Result<(Assets, Vec<Diagnostic>), RenderError> {
        let mut warnings = Vec::new();
        let mut own = Vec::new();
        let mut files: BTreeMap<String, Vec<u8>> = STATIC.iter().map(|(n, d)| (n.to_string(), d.to_vec())).collect();
        if let Some(src) = dir.map(|d| d.join("static")).filter(|d| d.is_dir()) {
            for entry in WalkDir::new(&src).sort_by_file_name() {
                let entry = entry.map_err(|e| walk_error(&src, e))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry.path().strip_prefix(&src).unwrap_or(entry.path());
                let name = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                let data = std::fs::read(entry.path())
                    .map_err(|source| RenderError::Read { path: entry.path().into(), source })?;
                if name == SEARCH_SCRIPT {
                    warnings.extend(search_script_warning(entry.path(), &data));
                }
                own.push((name.clone(), entry.path().to_path_buf()));
                files.insert(name, data);
            }
        }
        let files = files
            .into_iter()
            .map(|(name, data)| {
                let hashed = hashed_name(&name, &content_hash(&data));
                (name, (data, hashed))
            })
            .collect();
        Ok((Assets { files, own }, warnings))
    }

    /// The hashed copy of `name` (a path below `static/`), if there is such a file.
    pub fn hashed(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(|(_, h)| h.as_str())
    }

    /// Writes every file to `out/static/` under both its names; returns the number of bytes written.
    pub fn write(&self, out: &Path) -> Result<u64, RenderError> {
        let target = out.join("static");
        let mut bytes = 0;
        for (name, (data, hashed)) in &self.files {
            bytes += super::write_file(&target.join(name), data)?;
            bytes += super::write_file(&target.join(hashed), data)?;
        }
        Ok(bytes)
    }
}

/// The search page's script, below `static/`.
const SEARCH_SCRIPT: &str = "search.js";

/// The search index format a search script declares it reads, as the built-in one does near its
/// top (`const FORMAT = 2;`), or `None` if it declares none.
fn declared_format(script: &str) -> Option<u32> {
    static MARKER: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\bconst\s+FORMAT\s*=\s*(\d+)\s*;").expect("valid"));
    MARKER.captures(script).and_then(|c| c[1].parse().ok())
}

/// A warning when the templates folder's `static/search.js` (at `path`) does not declare the search
/// index format this build writes ([`crate::search::json::FORMAT`]). A copy made before the index
/// changed its layout builds and publishes without a word, and then fails in the browser: it asks
/// for files the new index does not have.
fn search_script_warning(path: &Path, script: &[u8]) -> Option<Diagnostic> {
    let writes = crate::search::json::FORMAT;
    let reads = declared_format(&String::from_utf8_lossy(script));
    if reads == Some(writes) {
        return None;
    }
    let version = env!("CARGO_PKG_VERSION");
    let what = match reads {
        Some(n) => format!("reads search index format {n}, this build writes {writes}:"),
        None => format!(
            "does not declare the search index format it reads (the built-in one has `const FORMAT = {writes};`): \
             it is a copy from an earlier referat, and this build writes format {writes}, so"
        ),
    };
    Some(Diagnostic::warning(
        path,
        0,
        format!(
            "{what} the search page will not work in the browser; copy the new search.js from templates/static/search.js \
             of referat {version} and make your changes in it again, or delete this copy to publish the built-in one"
        ),
    ))
}

/// What `search.js` looks up on the search page (docs/templates.md, "What search.js needs"), each
/// with how it is found in the rendered page.
const SEARCH_PAGE_NEEDS: [(&str, &str); 9] = [
    ("#search (the root)", r#"\bid\s*=\s*["']?search["'\s>]"#),
    ("<form>", r"<form\b"),
    ("<input name=\"q\">", r#"<input\b[^>]*\bname\s*=\s*["']?q["'\s/>]"#),
    ("#search-status", r#"\bid\s*=\s*["']?search-status["'\s>]"#),
    ("#search-results", r#"\bid\s*=\s*["']?search-results["'\s>]"#),
    ("#search-case", r#"\bid\s*=\s*["']?search-case["'\s>]"#),
    ("#search-facets", r#"\bid\s*=\s*["']?search-facets["'\s>]"#),
    ("#search-more", r#"\bid\s*=\s*["']?search-more["'\s>]"#),
    ("<script> loading search.js", r#"<script\b[^>]*\bsrc\s*=\s*["']?[^"'\s>]*search\.[^"'\s>]*js"#),
];

/// The names of what `search.js` needs that the rendered search page `html` lacks.
fn search_page_gaps(html: &str) -> Vec<&'static str> {
    static NEEDS: std::sync::LazyLock<Vec<regex::Regex>> = std::sync::LazyLock::new(|| {
        SEARCH_PAGE_NEEDS
            .iter()
            .map(|(_, re)| regex::RegexBuilder::new(re).case_insensitive(true).build().expect("valid"))
            .collect()
    });
    SEARCH_PAGE_NEEDS
        .iter()
        .zip(NEEDS.iter())
        .filter(|(_, re)| !re.is_match(html))
        .map(|((name, _), _)| *name)
        .collect()
}

/// The folder of the templates folder that holds the team's own pages: `sider/om.html` is published
/// at `om/`, with the variables every page gets.
pub const OWN_PAGES: &str = "sider/";

impl Theme {
    /// The team's own pages: (template name, the folder it is published in), e.g.
    /// ("sider/om.html", "om"), with the file they came from.
    pub fn own_pages(&self) -> impl Iterator<Item = (&str, &str, &Path)> {
        self.files.iter().filter_map(|(name, path)| {
            let folder = name.strip_prefix(OWN_PAGES)?.strip_suffix(".html")?;
            Some((name.as_str(), folder, path.as_path()))
        })
    }

    /// A warning when the rendered search page (`html`) lacks what `search.js` needs: the page
    /// would build and publish, and show an empty form. Named after the team's `search.html` (or
    /// `base.html`, which wraps it), whichever they replaced.
    pub fn search_page_warning(&self, html: &str) -> Option<Diagnostic> {
        let gaps = search_page_gaps(html);
        if gaps.is_empty() {
            return None;
        }
        let file = ["search.html", "base.html"]
            .iter()
            .find_map(|t| self.files.iter().find(|(name, _)| name == t))
            .map_or_else(|| PathBuf::from("search.html (built-in)"), |(_, path)| path.clone());
        Some(Diagnostic::warning(
            file,
            0,
            format!(
                "the search page (soeg/index.html) lacks what search.js needs: {}; the page will show only its form \
                 (see \"What search.js needs on the search page\" in docs/templates.md)",
                gaps.join(", ")
            ),
        ))
    }
}

/// Files of the templates folder that nothing uses, each a warning: a template that is no page and
/// that no template extends, includes or imports (a misnamed "Base.html", "pages/meeting.html", a
/// new "om.html"), and a static file that no template, stylesheet or script names ("styles.css"
/// for "style.css"). The build published the built-in theme in their place without a word.
fn unused_warnings(sources: &[(String, String)], files: &[(String, PathBuf)], assets: &Assets) -> Vec<Diagnostic> {
    let pages: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
    let named = |name: &str, skip: &str| {
        let quoted = [format!("\"{name}\""), format!("'{name}'")];
        sources.iter().filter(|(n, _)| n != skip).any(|(_, text)| quoted.iter().any(|q| text.contains(q.as_str())))
    };
    let mut warnings = Vec::new();
    let own_page = |n: &str| n.strip_prefix(OWN_PAGES).is_some_and(|rest| !rest.contains('/'));
    for (name, path) in files.iter().filter(|(n, _)| !pages.contains(&n.as_str()) && !own_page(n) && !named(n, n)) {
        let file = name.rsplit('/').next().unwrap_or(name);
        let hint = match pages.iter().find(|p| near(p, file)) {
            Some(p) => format!("; to replace the built-in {p}, name it {p} at the top of the templates folder"),
            None => format!(
                "; to publish it as a page of your own at {}/, move it to {OWN_PAGES}{file}; otherwise a template of \
                 yours is used only where a template the site renders extends, includes or imports it",
                file.strip_suffix(".html").unwrap_or(file)
            ),
        };
        warnings.push(Diagnostic::warning(
            path,
            0,
            format!("no page uses {name}: it is none of the site's pages, and no template extends, includes or imports it{hint}"),
        ));
    }
    // Text files that may name a static file: the templates, and the static files that are text
    // (each with its name, so that a file naming itself does not count).
    let texts: Vec<(&str, &str)> = sources
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .chain(assets.files.iter().filter_map(|(n, (data, _))| Some((n.as_str(), std::str::from_utf8(data).ok()?))))
        .collect();
    // A dot file (".gitkeep", ".DS_Store") is no part of the design.
    let dotted = |name: &str| name.split('/').any(|part| part.starts_with('.'));
    for (name, path) in assets.own.iter().filter(|(n, _)| !STATIC.iter().any(|(s, _)| s == n) && !dotted(n)) {
        let file = name.rsplit('/').next().unwrap_or(name);
        if !texts.iter().any(|(n, t)| n != name && t.contains(file)) {
            let hint = STATIC
                .iter()
                .find(|(s, _)| near(s, file))
                .map(|(s, _)| format!("; to replace the built-in {s}, name it {s}"))
                .unwrap_or_default();
            warnings.push(Diagnostic::warning(
                path,
                0,
                format!("static/{name} is published, but no template, stylesheet or script names it{hint}"),
            ));
        }
    }
    warnings
}

/// Whether two file names differ only in case or by a letter or two ("Base.html", "styles.css").
fn near(a: &str, b: &str) -> bool {
    super::check::distance(&a.to_lowercase(), &b.to_lowercase()) <= 2
}

/// "the built-in theme", or "templates/ over the built-in theme (base.html, static/style.css)".
fn describe(dir: Option<&Path>, files: &[(String, PathBuf)], assets: &Assets) -> String {
    let own: Vec<String> =
        files.iter().map(|(n, _)| n.clone()).chain(assets.own.iter().map(|(n, _)| format!("static/{n}"))).collect();
    match dir.filter(|_| !own.is_empty()) {
        Some(dir) => format!("{} over the built-in theme ({})", dir.display(), own.join(", ")),
        None => "the built-in theme".to_string(),
    }
}

/// `asset(path="style.css")`: `<base>static/style.1a2b3c4d5e.css`; a file that is not in `static/`
/// is an error, so a typo fails the build instead of publishing pages without their stylesheet.
fn asset_function(assets: Arc<Assets>, base: &str) -> impl tera::Function {
    let base = base.to_string();
    move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
        let Some(path) = args.get("path").and_then(tera::Value::as_str) else {
            return Err("asset() needs the file below static/ as path=\"style.css\"".into());
        };
        match assets.hashed(path.trim_start_matches('/')) {
            // A file name's "%" is a character, not the start of an escape as in base_url.
            Some(hashed) => {
                Ok(format!("{base}static/{}", crate::config::encode_path(&hashed.replace('%', "%25"))).into())
            }
            None => Err(format!(
                "asset(path=\"{path}\"): there is no static/{path} in the templates folder or the built-in theme"
            )
            .into()),
        }
    }
}

/// A short hash of `bytes` for a file name: 40 bits of FNV-1a 64 (its better-mixed high bits) as
/// ten hex digits. Stable across builds, machines and Rust versions, unlike `DefaultHasher`.
fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:010x}", h >> 24)
}

/// `css/site.css` with hash `h` → `css/site.h.css`; a name without extension gets `.h` at its end.
fn hashed_name(name: &str, hash: &str) -> String {
    let (dir, file) = name.rsplit_once('/').map_or(("", name), |(d, f)| (d, f));
    let file = match file.rfind('.') {
        Some(dot) if dot > 0 => format!("{}.{hash}{}", &file[..dot], &file[dot..]),
        _ => format!("{file}.{hash}"),
    };
    if dir.is_empty() {
        file
    } else {
        format!("{dir}/{file}")
    }
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
    RenderError::Read { path, source: e.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Result<Theme, RenderError>) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let theme = Theme::load(Some(dir.path()), "/");
        (dir, theme)
    }

    fn builtin(name: &str) -> &'static str {
        TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap()
    }

    /// What every page gets (see `Renderer::new`), as far as base.html and 404.html use it.
    fn context() -> tera::Context {
        let mut ctx = tera::Context::new();
        for key in ["base", "path", "site_title", "site_municipality", "site_description", "site_base_url"] {
            ctx.insert(key, "/");
        }
        ctx
    }

    /// A team with only the binary could not get the files the README says to copy.
    #[test]
    fn the_built_in_theme_is_written_out_and_files_there_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("templates");
        std::fs::create_dir_all(out.join("static")).unwrap();
        std::fs::write(out.join("static/style.css"), "own").unwrap();
        let (written, kept) = export(&out).unwrap();
        assert_eq!((written.len(), kept.len()), (TEMPLATES.len() + STATIC.len() - 1, 1));
        assert_eq!(std::fs::read_to_string(out.join("static/style.css")).unwrap(), "own", "kept as it was");
        assert_eq!(std::fs::read_to_string(out.join("meeting.html")).unwrap(), builtin("meeting.html"));
        let theme = Theme::load(Some(&out), "/").unwrap();
        assert!(theme.warnings.is_empty(), "the written theme is one this build uses whole: {:?}", theme.warnings);
        assert_eq!(export(&out).unwrap().0.len(), 0);
    }

    /// Regression (web-team review): a misnamed or misplaced copy ("Base.html",
    /// "pages/meeting.html", "static/styles.css") and a page of the team's own ("om.html") built
    /// without a word, and the built-in theme was published in their place.
    #[test]
    fn regression_files_of_the_templates_folder_that_nothing_uses_are_named() {
        let (_dir, theme) = theme_with(&[
            ("Base.html", builtin("base.html")),
            ("pages/meeting.html", builtin("meeting.html")),
            ("om.html", "{% extends \"base.html\" %}{% block content %}Om{% endblock %}"),
            ("partials/nav.html", "<nav></nav>"),
            (
                "index.html",
                &builtin("index.html")
                    .replace("{% block content %}", "{% block content %}{% include \"partials/nav.html\" %}"),
            ),
            ("static/styles.css", "body {}"),
            ("static/img/logo.svg", "<svg/>"),
            ("static/style.css", "header { background: url(img/logo.svg); }"),
        ]);
        let theme = theme.unwrap();
        let warned: Vec<String> = theme.warnings.iter().map(|w| w.to_string()).collect();
        let about = |file: &str, hint: &str| warned.iter().any(|w| w.contains(file) && w.contains(hint));
        assert!(about("Base.html", "name it base.html"), "{warned:#?}");
        assert!(about("pages/meeting.html", "name it meeting.html"), "{warned:#?}");
        assert!(about("om.html", "move it to sider/om.html"), "{warned:#?}");
        assert!(about("styles.css", "name it style.css"), "{warned:#?}");
        assert_eq!(warned.len(), 4, "the included partial and the logo the stylesheet names are used: {warned:#?}");
        assert!(theme.description.contains("over the built-in theme (Base.html, index.html"), "{}", theme.description);
        let (_dir, theme) = theme_with(&[]);
        assert_eq!(theme.unwrap().description, "the built-in theme");
    }

    /// Regression: a restyled base.html without `{% block content %}` built without a word and
    /// published every page with only its header and footer.
    #[test]
    fn a_base_without_a_block_the_pages_fill_is_an_error() {
        let base = builtin("base.html").replace("{% block content %}", "{% block inhold %}");
        let (dir, theme) = theme_with(&[("base.html", &base)]);
        let e = theme.err().expect("refused").to_string();
        assert!(e.contains("fills the block `content`"), "{e}");
        assert!(e.contains(&dir.path().join("base.html").display().to_string()), "names the file: {e}");
        let (_dir, theme) =
            theme_with(&[("base.html", &builtin("base.html").replace("{% block scripts %}", "{% block s %}"))]);
        assert!(theme.err().expect("refused").to_string().contains("`scripts`"));
    }

    /// Regression (review of the header_search block): a base.html copied before the block existed
    /// failed every build, though the search page's empty block only leaves the header's box out.
    #[test]
    fn a_base_from_before_an_empty_block_builds() {
        let base = builtin("base.html");
        let old = base.replace("{%- block header_search %}", "").replace("{%- endblock header_search %}", "");
        assert!(!old.contains("header_search") && old.contains("header-search"), "the header's box, without the block");
        let (_dir, theme) = theme_with(&[("base.html", &old)]);
        assert!(theme.is_ok(), "{:?}", theme.err().map(|e| e.to_string()));
    }

    #[test]
    fn a_block_nested_in_a_filled_block_is_fine() {
        let page = "{% extends \"base.html\" %}{% block content %}{% block inner %}x{% endblock inner %}{% endblock content %}";
        let (_dir, theme) = theme_with(&[("extra.html", page)]);
        assert!(theme.is_ok());
    }

    /// Regression: a template saved with a byte-order mark failed with "unexpected tag" at 1:2, or,
    /// in base.html, put the mark before `<!DOCTYPE` on every page.
    #[test]
    fn a_byte_order_mark_is_dropped() {
        let (_dir, theme) = theme_with(&[("404.html", &format!("\u{feff}{}", builtin("404.html")))]);
        let theme = theme.unwrap();
        let (_dir, base) = theme_with(&[("base.html", &format!("\u{feff}{}", builtin("base.html")))]);
        let base = base.unwrap();
        for t in [&theme, &base] {
            let html = t.tera.render("404.html", &context()).unwrap();
            assert!(html.starts_with("<!DOCTYPE"), "{:?}", &html[..20]);
        }
    }

    /// Regression: a template that is not UTF-8 was reported as "cannot write".
    #[test]
    fn an_unreadable_template_is_a_read_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("base.html"), b"<p>M\xf8dested</p>").unwrap();
        let e = Theme::load(Some(dir.path()), "/").err().expect("refused").to_string();
        assert!(e.starts_with("cannot read") && e.contains("base.html"), "{e}");
    }

    #[test]
    fn a_static_file_is_linked_by_a_hash_of_its_bytes() {
        assert_eq!(hashed_name("style.css", "0123456789"), "style.0123456789.css");
        assert_eq!(hashed_name("css/site.min.css", "h"), "css/site.min.h.css");
        assert_eq!(hashed_name("LICENSE", "h"), "LICENSE.h");
        assert_eq!(content_hash(b"a").len(), 10);
        assert_ne!(content_hash(b"body{}"), content_hash(b"body{ }"));
        let page = r#"{{ asset(path="style.css") }} {{ asset(path="img/logo b.svg") }}"#;
        let (_dir, theme) = theme_with(&[("page.html", page), ("static/img/logo b.svg", "<svg/>")]);
        let mut theme = theme.unwrap();
        let css = content_hash(STATIC[0].1);
        let svg = content_hash(b"<svg/>");
        let html = theme.tera.render("page.html", &context()).unwrap();
        assert_eq!(html, format!("/static/style.{css}.css /static/img/logo%20b.{svg}.svg"));
        // Regression (review): a literal "%20" in a file name was kept as an escape, so the link
        // named "a b…svg" and was a 404.
        let (_dir, percent) =
            theme_with(&[("page.html", r#"{{ asset(path="a%20b.svg") }}"#), ("static/a%20b.svg", "<svg/>")]);
        let html = percent.unwrap().tera.render("page.html", &context()).unwrap();
        assert_eq!(html, format!("/static/a%2520b.{svg}.svg"));
        theme.tera.add_raw_template("typo.html", r#"{{ asset(path="stlye.css") }}"#).unwrap();
        let e = theme.tera.render("typo.html", &context()).unwrap_err();
        assert!(chain(&e).contains("there is no static/stlye.css"), "{}", chain(&e));
    }

    /// Regression: an error in base.html was reported as meeting.html's "in a parent template",
    /// with no page and no file.
    #[test]
    fn a_render_error_names_the_page_and_the_files() {
        let base = builtin("base.html").replace("{{ site_title }}", "{{ site_titel }}");
        let (dir, theme) = theme_with(&[("base.html", &base), ("partials/nav.html", "x")]);
        let theme = theme.unwrap();
        let e = theme.tera.render("404.html", &context()).unwrap_err();
        let msg = theme.error(e, Some("404.html")).to_string();
        assert!(msg.contains("while rendering 404.html"), "{msg}");
        assert!(msg.contains("404.html: the built-in theme"), "{msg}");
        assert!(msg.contains(&format!("base.html: {}", dir.path().join("base.html").display())), "{msg}");
        assert!(msg.contains("also from the templates folder") && msg.contains("nav.html"), "{msg}");
    }

    /// The built-in script declares the format this build writes: bumping `FORMAT` in
    /// src/search/json.rs without the script would warn about the built-in theme's own copy.
    #[test]
    fn the_built_in_search_script_declares_the_format_the_build_writes() {
        let script = STATIC.iter().find(|(n, _)| *n == SEARCH_SCRIPT).map(|(_, d)| *d).unwrap();
        assert_eq!(declared_format(std::str::from_utf8(script).unwrap()), Some(crate::search::json::FORMAT));
        assert!(search_script_warning(Path::new("search.js"), script).is_none());
    }

    #[test]
    fn the_declared_format_is_read_as_written_or_minified() {
        assert_eq!(declared_format("  const FORMAT = 2;\n"), Some(2));
        assert_eq!(declared_format("'use strict';const FORMAT=13;let a"), Some(13));
        assert_eq!(declared_format("const MAX_FORMAT = 2;"), None);
        assert_eq!(declared_format("const FORMAT = '2';"), None);
        assert_eq!(declared_format("let manifest = null;"), None);
    }

    /// Regression: a search.js copied into the templates folder before the index got its format 2
    /// (versioned `soeg/<v>/` folders) built without a word, and the search page failed in the
    /// browser. Such a copy declares no format, or another one.
    #[test]
    fn a_copied_search_script_of_another_format_is_a_warning_naming_the_file() {
        let builtin = STATIC.iter().find(|(n, _)| *n == SEARCH_SCRIPT).map(|(_, d)| *d).unwrap();
        let builtin = std::str::from_utf8(builtin).unwrap();
        assert!(
            builtin.contains(&format!("const FORMAT = {};", crate::search::json::FORMAT)),
            "the marker this test edits"
        );
        let writes = crate::search::json::FORMAT;
        let old = builtin.replace(&format!("const FORMAT = {writes};"), "");
        let other = builtin.replace(&format!("const FORMAT = {writes};"), "const FORMAT = 1;");
        for (script, says) in [
            (old.as_str(), "does not declare the search index format it reads".to_string()),
            (other.as_str(), format!("reads search index format 1, this build writes {writes}")),
        ] {
            let (dir, theme) = theme_with(&[("static/search.js", script)]);
            let warnings = theme.unwrap().warnings;
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            let w = &warnings[0];
            assert!(!w.is_error(), "the site still builds");
            assert_eq!(w.file, dir.path().join("static/search.js"));
            assert!(w.message.contains(&says), "{}", w.message);
            assert!(w.message.contains("copy the new search.js"), "{}", w.message);
        }
        // The built-in script, a copy of the same format, and other files: nothing to say.
        let (_dir, none) = theme_with(&[("static/style.css", "body{}")]);
        assert!(none.unwrap().warnings.is_empty());
        let (_dir, same) = theme_with(&[("static/search.js", builtin)]);
        assert!(same.unwrap().warnings.is_empty());
        let (_dir, elsewhere) = theme_with(&[("static/js/search.js", &old)]);
        assert!(elsewhere.unwrap().warnings.is_empty(), "only the script the search page links");
    }
}
