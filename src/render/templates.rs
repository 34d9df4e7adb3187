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

/// The compiled templates, and which of them came from the templates folder (for error messages).
pub struct Theme {
    pub tera: Tera,
    /// Template name → the file that replaced or added it.
    pub files: Vec<(String, PathBuf)>,
}

impl Theme {
    /// Compiles the templates once: built-ins, replaced or extended by `*.html` files in `dir`.
    pub fn load(dir: Option<&Path>) -> Result<Theme, RenderError> {
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
        let theme = Theme { tera: Tera::default(), files };
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
                if !parents.iter().any(|p| p.blocks.contains_key(&block.name)) {
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
            std::fs::read(entry.path()).map_err(|source| RenderError::Read { path: entry.path().into(), source })?;
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
        let theme = Theme::load(Some(dir.path()));
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
        let e = Theme::load(Some(dir.path())).err().expect("refused").to_string();
        assert!(e.starts_with("cannot read") && e.contains("base.html"), "{e}");
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
}
