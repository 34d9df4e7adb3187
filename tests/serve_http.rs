//! The preview server's HTTP behaviour, in process, against a hand-made output folder: content
//! types, folder index, 404 page, base path, conditional requests and every path-traversal trick.

use referat::serve::http::{router, App, BasePath};
use referat::serve::reload::Hub;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

struct Server {
    addr: SocketAddr,
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    stop: tokio::sync::watch::Sender<bool>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// An output folder with one file per content type, a 404 page, a secret beside it and symlinks out.
fn start(base_path: &str) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("public");
    write(&root.join("index.html"), "<!DOCTYPE html><title>Forside</title><p>forside</p>");
    write(&root.join("direktionen/index.html"), "<p>direktionen</p>");
    write(&root.join("404.html"), "<p>Siden findes ikke (site 404)</p>");
    write(&root.join("static/style.css"), "body{}");
    write(&root.join("static/search.js"), "1");
    write(&root.join("data/meetings.json"), "[]");
    write(&root.join("feed.xml"), "<feed/>");
    write(&root.join("logo.svg"), "<svg/>");
    write(&dir.path().join("secret.txt"), "TOPSECRET");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
    std::os::unix::fs::symlink("/etc", root.join("etc")).unwrap();

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let app = App::new(&root, BasePath::new(base_path), Hub::new(), stopped.clone()).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            let mut stopped = stopped;
            let _ = axum::serve(listener, router(app))
                .with_graceful_shutdown(async move {
                    let _ = stopped.wait_for(|s| *s).await;
                })
                .await;
        });
    });
    Server { addr, _dir: dir, root, stop }
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

fn get(s: &Server, path: &str) -> reqwest::blocking::Response {
    client().get(format!("http://{}{path}", s.addr)).send().unwrap()
}

/// Sends the request line as is: HTTP clients normalize `..` away before sending.
fn raw(s: &Server, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(s.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, response)
}

#[test]
fn content_types_like_a_static_host() {
    let s = start("/");
    for (path, expected) in [
        ("/", "text/html"),
        ("/static/style.css", "text/css"),
        ("/static/search.js", "javascript"),
        ("/data/meetings.json", "application/json"),
        ("/feed.xml", "xml"),
        ("/logo.svg", "image/svg+xml"),
    ] {
        let r = get(&s, path);
        assert_eq!(r.status(), 200, "{path}");
        let ct = r.headers()["content-type"].to_str().unwrap().to_string();
        assert!(ct.contains(expected), "{path}: {ct}");
        assert_eq!(ct.contains("charset=utf-8"), !ct.starts_with("image/"), "text says its encoding: {path}: {ct}");
    }
}

#[test]
fn folders_serve_index_html_and_redirect_without_slash() {
    let s = start("/");
    let r = get(&s, "/direktionen/");
    assert_eq!(r.status(), 200);
    assert!(r.text().unwrap().contains("direktionen"));
    let r = get(&s, "/direktionen?x=1");
    assert_eq!(r.status(), 307);
    assert_eq!(r.headers()["location"], "/direktionen/?x=1");
}

#[test]
fn missing_pages_get_the_site_404_page_with_status_404() {
    let s = start("/");
    let r = get(&s, "/findes/ikke.html");
    assert_eq!(r.status(), 404);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(r.text().unwrap().contains("site 404"));
}

#[test]
fn without_a_404_page_a_fallback_still_carries_the_reload_script() {
    let s = start("/");
    std::fs::remove_file(s.root.join("404.html")).unwrap();
    let r = get(&s, "/nope");
    assert_eq!(r.status(), 404);
    assert!(r.text().unwrap().contains("/__referat/reload.js"));
}

#[test]
fn base_path_is_honoured() {
    let s = start("/referater/");
    assert_eq!(get(&s, "/referater/").status(), 200);
    assert!(get(&s, "/referater/direktionen/").text().unwrap().contains("direktionen"));
    assert_eq!(get(&s, "/referater/static/style.css").status(), 200);
    let r = get(&s, "/");
    assert_eq!(r.status(), 307);
    assert_eq!(r.headers()["location"], "/referater/");
    assert_eq!(get(&s, "/referater").headers()["location"], "/referater/");
    let r = get(&s, "/direktionen/");
    assert_eq!(r.status(), 404, "outside the base path nothing is served");
    assert!(r.text().unwrap().contains("site 404"));
    let r = get(&s, "/referater/direktionen");
    assert_eq!(r.headers()["location"], "/referater/direktionen/");
}

#[test]
fn conditional_requests_get_304() {
    let s = start("/");
    let r = get(&s, "/static/style.css");
    let etag = r.headers()["etag"].clone();
    let last_modified = r.headers()["last-modified"].clone();
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let url = format!("http://{}/static/style.css", s.addr);
    let r = client().get(&url).header("if-none-match", etag.clone()).send().unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"], etag);
    let r = client().get(&url).header("if-modified-since", last_modified.clone()).send().unwrap();
    assert_eq!(r.status(), 304);
    let r = client().head(&url).header("if-none-match", etag.clone()).send().unwrap();
    assert_eq!(r.status(), 304);
}

#[test]
fn a_page_rebuilt_within_the_same_second_is_not_304() {
    let s = start("/");
    let url = format!("http://{}/static/style.css", s.addr);
    let r = get(&s, "/static/style.css");
    let (etag, last_modified) = (r.headers()["etag"].clone(), r.headers()["last-modified"].clone());
    // Like a rebuild: a new file renamed over the old one, same size, same second.
    let fresh = s.root.join("static/.style.css.new");
    std::fs::write(&fresh, "body{x").unwrap();
    std::fs::rename(&fresh, s.root.join("static/style.css")).unwrap();
    let r = client()
        .get(&url)
        .header("if-none-match", etag.clone())
        .header("if-modified-since", last_modified)
        .send()
        .unwrap();
    assert_eq!(r.status(), 200, "If-None-Match wins over a same-second If-Modified-Since");
    assert_ne!(r.headers()["etag"], etag);
    assert_eq!(r.text().unwrap(), "body{x");
}

#[test]
fn path_traversal_is_refused() {
    let s = start("/");
    for target in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/direktionen/../../secret.txt",
        "/direktionen/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/direktionen%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/leak.txt",
        "/up/secret.txt",
        "/etc/passwd",
        "/etc/hostname",
        "/static/%00/../../secret.txt",
        "http://localhost/../secret.txt",
    ] {
        let (status, response) = raw(&s, target);
        assert!((400..500).contains(&status), "{target}: {status}");
        assert!(!response.contains("TOPSECRET"), "{target} leaked the secret");
        assert!(!response.contains("root:"), "{target} leaked /etc/passwd");
    }
}

#[test]
fn reload_script_and_events_are_served() {
    let s = start("/referater/");
    let r = get(&s, "/__referat/reload.js");
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().contains("javascript"));
    let mut stream = TcpStream::connect(s.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET /__referat/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n").unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 1024];
    while !seen.contains("\n\n") || !seen.contains("data:") {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "stream ended early: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(seen.contains("text/event-stream"), "{seen}");
    assert!(seen.contains("event: built"), "{seen}");
    assert!(seen.contains(r#"data: {"version":0}"#), "{seen}");
}
