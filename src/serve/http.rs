//! The HTTP side of `serve`: the output folder under the site's base path, like a static host would
//! serve it (content types, `index.html` for folders, conditional requests, the site's 404 page with
//! status 404), plus the live-reload endpoints. Nothing outside the output folder is ever served:
//! `..` and encoded slashes are refused, and symlinks are followed only if they stay inside.

use super::reload::{self, Hub};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use percent_encoding::percent_decode_str;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::watch;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// Everything the request handlers share.
pub struct App {
    /// The output folder, canonical (symlinks resolved), so "inside" can be checked by prefix.
    root: PathBuf,
    base_path: Arc<BasePath>,
    hub: Arc<Hub>,
    shutdown: watch::Receiver<bool>,
}

impl App {
    /// `root` must exist. `shutdown` ends the event streams so the server can stop.
    pub fn new(
        root: &Path,
        base_path: Arc<BasePath>,
        hub: Arc<Hub>,
        shutdown: watch::Receiver<bool>,
    ) -> std::io::Result<App> {
        Ok(App { root: std::fs::canonicalize(root)?, base_path, hub, shutdown })
    }
}

/// "/" or "/referater/": the path part of the base URL as requests carry it, always with both
/// slashes. The rebuild loop changes it when `base_url` in `config.toml` gets another path.
#[derive(Debug)]
pub struct BasePath(std::sync::RwLock<String>);

impl BasePath {
    pub fn new(path: &str) -> Arc<BasePath> {
        Arc::new(BasePath(std::sync::RwLock::new(Self::normalize(path))))
    }

    /// Sets the path; true if it changed.
    pub fn set(&self, path: &str) -> bool {
        let path = Self::normalize(path);
        let mut current = self.0.write().unwrap_or_else(|e| e.into_inner());
        let changed = *current != path;
        *current = path;
        changed
    }

    pub fn get(&self) -> String {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn normalize(path: &str) -> String {
        // As a request line carries it: "/møder/" arrives as "/m%C3%B8der/".
        crate::config::encode_path(&format!("/{}/", path.trim_matches('/')).replace("//", "/"))
    }
}

/// The rest of a request path after the base path, which may arrive encoded in any way a client
/// chooses ("/m%c3%b8der/", "/m%C3%B8der/"): compared decoded, the rest is left as it came.
fn strip_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    if let Some(rest) = path.strip_prefix(base) {
        return Some(rest);
    }
    let decoded_base = percent_encoding::percent_decode_str(base).decode_utf8().ok()?;
    // The shortest prefix of `path` that decodes to the base path, ending at a '/'.
    path.match_indices('/').map(|(i, _)| i + 1).find_map(|end| {
        let head = percent_encoding::percent_decode_str(&path[..end]).decode_utf8().ok()?;
        (head == decoded_base).then(|| &path[end..])
    })
}

pub fn router(app: App) -> Router {
    Router::new()
        .route(reload::SCRIPT_PATH, get(reload::script))
        .route(reload::EVENTS_PATH, get(events))
        .fallback(site)
        .with_state(Arc::new(app))
}

async fn events(State(app): State<Arc<App>>) -> Response {
    app.hub.events(app.shutdown.clone()).into_response()
}

/// Where a request path leads inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file, canonical; for a folder with a trailing slash, its `index.html`.
    File(PathBuf),
    /// A folder asked for without the trailing slash: redirect, so relative links work.
    FolderWithoutSlash,
    Missing,
}

/// Why a request path is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// `..`, `.`, empty segments, encoded slashes or backslashes, NUL, invalid UTF-8, absolute paths.
    Malformed,
    /// The path exists but leads out of the output folder (a symlink).
    Outside,
}

/// Resolves `raw` (the still percent-encoded request path below the base path, without its leading
/// slash) against the canonical output folder `root`.
pub fn resolve(root: &Path, raw: &str) -> Result<Resolved, Refused> {
    let lower = raw.to_ascii_lowercase();
    if ["%2f", "%5c", "%00"].iter().any(|bad| lower.contains(bad)) {
        return Err(Refused::Malformed);
    }
    let decoded = percent_decode_str(raw).decode_utf8().map_err(|_| Refused::Malformed)?;
    if decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Err(Refused::Malformed);
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let mut path = root.to_path_buf();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "" if i + 1 == segments.len() => {}
            "" | "." | ".." => return Err(Refused::Malformed),
            s => path.push(s),
        }
    }
    let trailing_slash = decoded.is_empty() || decoded.ends_with('/');
    let Some(real) = inside(root, &path)? else { return Ok(Resolved::Missing) };
    if !real.is_dir() {
        return Ok(if trailing_slash { Resolved::Missing } else { Resolved::File(real) });
    }
    if !trailing_slash {
        return Ok(Resolved::FolderWithoutSlash);
    }
    match inside(root, &real.join("index.html"))? {
        Some(index) if index.is_file() => Ok(Resolved::File(index)),
        _ => Ok(Resolved::Missing),
    }
}

/// The canonical form of `path` if it exists and stays below `root`.
fn inside(root: &Path, path: &Path) -> Result<Option<PathBuf>, Refused> {
    match std::fs::canonicalize(path) {
        Ok(real) if real.starts_with(root) => Ok(Some(real)),
        Ok(_) => Err(Refused::Outside),
        Err(_) => Ok(None),
    }
}

/// Serves the output folder below the base path.
async fn site(State(app): State<Arc<App>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let base_path = app.base_path.get();
    let Some(rest) = strip_base(&path, &base_path) else {
        if path == "/" || path == base_path.trim_end_matches('/') {
            return Redirect::temporary(&base_path).into_response();
        }
        return not_found(&app).await;
    };
    match resolve(&app.root, rest) {
        Err(Refused::Malformed) => (StatusCode::BAD_REQUEST, "bad request path\n").into_response(),
        Err(Refused::Outside) | Ok(Resolved::Missing) => not_found(&app).await,
        Ok(Resolved::FolderWithoutSlash) => {
            let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
            Redirect::temporary(&format!("{path}/{query}")).into_response()
        }
        Ok(Resolved::File(file)) => serve_file(&app, rest, &file, req).await,
    }
}

/// Hands a resolved file to `ServeDir` (content type, Last-Modified, ranges, HEAD), adding an ETag:
/// Last-Modified has one-second resolution, too coarse for a preview rebuilt within the second.
async fn serve_file(app: &App, rest: &str, file: &Path, mut req: Request) -> Response {
    let etag = std::fs::metadata(file).ok().and_then(|m| etag(&m));
    if let Some(tag) = &etag {
        if req.headers().contains_key(header::IF_NONE_MATCH) {
            if none_match_hits(req.headers(), tag) && matches!(*req.method(), Method::GET | Method::HEAD) {
                return revalidated(tag, app.hub.current().version);
            }
            // RFC 9110 13.1.3: with If-None-Match present, If-Modified-Since is ignored.
            req.headers_mut().remove(header::IF_MODIFIED_SINCE);
        }
    }
    // Read before the file: a page from a newer build than this number only reloads once more.
    let version = app.hub.current().version;
    let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    match format!("/{rest}{query}").parse() {
        Ok(uri) => *req.uri_mut() = uri,
        Err(_) => return (StatusCode::BAD_REQUEST, "bad request path\n").into_response(),
    }
    let served = ServeDir::new(&app.root).append_index_html_on_directories(true).oneshot(req).await;
    let mut response = match served {
        Ok(r) => r.map(Body::new),
        Err(e) => match e {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        // Removed between our look and ServeDir's: answer like any missing page.
        return not_found(app).await;
    }
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Some(typed) = headers.get(header::CONTENT_TYPE).and_then(|t| with_charset(t.to_str().ok()?)) {
        headers.insert(header::CONTENT_TYPE, typed);
    }
    // The build a page comes from, for the reload script (it reads the navigation's Server-Timing):
    // a rebuild that ends before the script has connected must still reload the page.
    if headers.get(header::CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"text/html")) {
        if let Ok(timing) = HeaderValue::from_str(&format!("{}{version}\"", reload::BUILD_TIMING)) {
            headers.insert("server-timing", timing);
        }
    }
    if let Some(tag) = etag {
        headers.insert(header::ETAG, tag);
    }
    response
}

/// Every text the site has is UTF-8; say so, as a static host should (a feed read without it may
/// be taken for another encoding).
fn with_charset(content_type: &str) -> Option<HeaderValue> {
    let text = content_type.starts_with("text/")
        || ["application/javascript", "application/json", "application/xml", "application/atom+xml"]
            .contains(&content_type);
    (text && !content_type.contains("charset"))
        .then(|| HeaderValue::from_str(&format!("{content_type}; charset=utf-8")).ok())
        .flatten()
}

/// A 304 for a file the tab has. It names the current build too: a page that did not change in a
/// rebuild is revalidated when the tab reloads, and without the build's number the reload script
/// would take the page for an old one and reload again, forever.
fn revalidated(tag: &HeaderValue, version: u64) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    let headers = response.headers_mut();
    headers.insert(header::ETAG, tag.clone());
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(timing) = HeaderValue::from_str(&format!("{}{version}\"", reload::BUILD_TIMING)) {
        headers.insert("server-timing", timing);
    }
    response
}

/// A strong validator from inode, size and modification time in nanoseconds: a page replaced by a
/// rebuild gets a new inode (rename), so its tag changes even within the same second.
fn etag(meta: &std::fs::Metadata) -> Option<HeaderValue> {
    let nanos = meta.mtime() as i128 * 1_000_000_000 + meta.mtime_nsec() as i128;
    HeaderValue::from_str(&format!("\"{:x}-{:x}-{:x}\"", meta.ino(), meta.len(), nanos)).ok()
}

/// Weak comparison, as RFC 9110 asks for If-None-Match.
fn none_match_hits(headers: &HeaderMap, tag: &HeaderValue) -> bool {
    let Ok(tag) = tag.to_str() else { return false };
    headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |candidate| {
            let candidate = candidate.trim();
            candidate == "*" || candidate.trim_start_matches("W/") == tag
        },
    )
}

/// The site's own `404.html` with status 404, or a plain page while the site has none (no good
/// build yet): it still carries the reload script, so the error overlay shows and clears.
async fn not_found(app: &App) -> Response {
    let page = match resolve(&app.root, "404.html") {
        Ok(Resolved::File(file)) => tokio::fs::read(file).await.ok(),
        _ => None,
    };
    let body = page.unwrap_or_else(|| fallback_page(&app.base_path.get()).into_bytes());
    let headers = [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")];
    (StatusCode::NOT_FOUND, headers, body).into_response()
}

fn fallback_page(base_path: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>Siden findes ikke</title></head>\n\
         <body><main><h1>Siden findes ikke</h1><p><a href=\"{base_path}\">Til forsiden</a></p></main>\n{}</body></html>\n",
        reload::inject_html()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("public");
        std::fs::create_dir_all(root.join("direktionen")).unwrap();
        std::fs::write(root.join("index.html"), "front").unwrap();
        std::fs::write(root.join("direktionen/index.html"), "body").unwrap();
        std::fs::write(root.join("style.css"), "css").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
        std::os::unix::fs::symlink(root.join("style.css"), root.join("alias.css")).unwrap();
        let root = std::fs::canonicalize(root).unwrap();
        (dir, root)
    }

    #[test]
    fn files_folders_and_missing() {
        let (_dir, root) = site();
        assert_eq!(resolve(&root, ""), Ok(Resolved::File(root.join("index.html"))));
        assert_eq!(resolve(&root, "style.css"), Ok(Resolved::File(root.join("style.css"))));
        assert_eq!(resolve(&root, "direktionen/"), Ok(Resolved::File(root.join("direktionen/index.html"))));
        assert_eq!(resolve(&root, "direktionen"), Ok(Resolved::FolderWithoutSlash));
        assert_eq!(resolve(&root, "nope.html"), Ok(Resolved::Missing));
        assert_eq!(resolve(&root, "style.css/"), Ok(Resolved::Missing));
        assert_eq!(resolve(&root, "st%79le.css"), Ok(Resolved::File(root.join("style.css"))));
        assert_eq!(resolve(&root, "alias.css"), Ok(Resolved::File(root.join("style.css"))), "inside links are fine");
    }

    #[test]
    fn traversal_is_refused() {
        let (_dir, root) = site();
        for raw in [
            "../secret.txt",
            "%2e%2e/secret.txt",
            "%2E%2E/secret.txt",
            ".%2e/secret.txt",
            "direktionen/../../secret.txt",
            "direktionen%2f..%2f..%2fsecret.txt",
            "..%5csecret.txt",
            "/etc/passwd",
            "%2fetc%2fpasswd",
            "a//b",
            "./index.html",
            "index.html%00.css",
            "%ff",
        ] {
            assert_eq!(resolve(&root, raw), Err(Refused::Malformed), "{raw}");
        }
        assert_eq!(resolve(&root, "leak.txt"), Err(Refused::Outside));
        assert_eq!(resolve(&root, "up/secret.txt"), Err(Refused::Outside));
        assert_eq!(resolve(&root, "up/"), Err(Refused::Outside));
    }

    #[test]
    fn if_none_match_weak_list_and_star() {
        let tag = HeaderValue::from_static("\"1-2-3\"");
        let mut h = HeaderMap::new();
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"x\", W/\"1-2-3\""));
        assert!(none_match_hits(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"1-2-4\""));
        assert!(!none_match_hits(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(none_match_hits(&h, &tag));
    }
}
