//! `referat serve` end to end: the real binary on a free port with a temp copy of the project.
//! Edits, broken files and templates, bursts of saves, new and removed files, Ctrl-C.

mod serve_support;

use serve_support::*;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

/// The served path of the page whose address contains `hint` and that shows `needle`.
fn page_with(project: &Project, serve: &Serve, hint: &str, needle: &str) -> String {
    let rel = eventually(WAIT, needle, || project.page_with(hint, needle));
    let base = serve.url.trim_start_matches(&serve.origin);
    format!("{base}{rel}")
}

#[test]
fn serves_the_site_with_the_reload_script_and_stops_on_ctrl_c() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    assert!(serve.url.starts_with("http://127.0.0.1:"), "{}", serve.url);
    let (status, front) = serve.get("/");
    assert_eq!(status, 200);
    assert!(front.contains("<script src=\"/__referat/reload.js\""), "serve injects the reload script");
    assert!(!serve.out().contains("open"), "serve opens nothing");
    let status = serve.interrupt();
    assert!(status.success(), "Ctrl-C stops cleanly: {status}");
    assert!(serve.out().contains("Stopped."));
}

#[test]
fn the_preview_goes_to_a_temporary_folder_removed_on_exit() {
    let project = Project::new();
    let args: Vec<String> = ["serve", "--port", "0"].iter().map(|s| s.to_string()).collect();
    let mut serve = Serve::spawn(project.dir.path(), &args);
    let line = serve.out().lines().find(|l| l.starts_with("Serving ")).unwrap().to_string();
    let folder = line.trim_start_matches("Serving ").split(" at ").next().unwrap().to_string();
    assert!(std::path::Path::new(&folder).join("index.html").is_file(), "{folder}");
    assert!(!project.output().exists(), "public/ is never written by serve");
    assert!(serve.interrupt().success());
    assert!(!std::path::Path::new(&folder).exists(), "the temporary preview is removed");
}

/// Regression: `serve --output .` kept running after the refused build and served the project
/// folder as it was, minutes and config included.
#[test]
fn serve_refuses_an_output_folder_it_did_not_write() {
    let project = Project::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["serve", "--content", "content", "--output", ".", "--port", "0"])
        .current_dir(project.dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holds the content folder"), "{err}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Serving"));
}

#[test]
fn build_output_has_no_reload_code() {
    let project = Project::new();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["build", "--content", "content", "--output", "public"])
        .current_dir(project.dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    for entry in walkdir::WalkDir::new(project.output()).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).to_string();
            assert!(!text.contains("__referat"), "{} has reload code", entry.path().display());
        }
    }
}

#[test]
fn the_base_url_path_is_honoured_on_bind_and_port() {
    let project = Project::new();
    let serve = Serve::start(&project, &["--base-url", "https://example.dk/referater/"]);
    assert!(serve.url.ends_with("/referater/"), "{}", serve.url);
    assert!(serve.url.starts_with("http://127.0.0.1:"), "the host is the preview's own: {}", serve.url);
    let (status, front) = serve.get("/referater/");
    assert_eq!(status, 200);
    assert!(front.contains("href=\"/referater/"), "links carry the base path");
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    assert!(page.starts_with("/referater/"));
    assert_eq!(serve.get(&page).0, 200);
    assert_eq!(serve.get("/direktionen/").0, 404, "nothing is served outside the base path");
}

/// Regression: a base path with "ø" was compared undecoded, so every page was a 404.
#[test]
fn a_base_path_with_danish_letters_is_served() {
    let project = Project::new();
    let serve = Serve::start(&project, &["--base-url", "https://example.dk/møder/"]);
    let (status, front) = serve.get("/m%C3%B8der/");
    assert_eq!(status, 200);
    assert!(front.contains("Direktionen"));
    assert_eq!(serve.get("/m%C3%B8der/direktionen/").0, 200);
    assert_eq!(serve.get("/m%c3%b8der/direktionen/").0, 200, "lowercase hex is the same path");
}

/// Regression: a `base_url` with another path in `config.toml` was built into the pages while the
/// server kept the old path, so every page of the preview was a 404 until serve was restarted.
#[test]
fn a_new_base_url_path_in_the_config_is_served_without_a_restart() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    assert_eq!(serve.get("/direktionen/").0, 200);
    let config = project.path("config.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("http://127.0.0.1:1111/", "https://htk.dk/politik/referater/");
    save(&config, text.as_bytes());
    let line = serve.wait_for_line(|l| l.starts_with("base_url has a new path"), WAIT);
    assert!(line.ends_with(&format!("{}/politik/referater/", serve.origin)), "{line}");
    let (status, front) = serve.get("/politik/referater/");
    assert_eq!(status, 200);
    assert!(front.contains("href=\"/politik/referater/direktionen/"), "links carry the new path");
    assert_eq!(serve.get("/politik/referater/direktionen/").0, 200);
    assert_eq!(serve.get("/direktionen/").0, 404, "the old path is gone");
}

/// Regression: Ctrl-C during the first build (seconds on a large site) waited for the build to end.
#[test]
fn ctrl_c_during_the_first_build_stops_at_once() {
    let project = Project::new();
    let seed = project.read("direktionen/2017-03-20.txt");
    for n in 0..400 {
        project.save(&format!("udvalg-{n}.txt"), &seed.replace("Direktionen", &format!("Udvalg {n}")));
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["serve", "--port", "0", "--content", "content"])
        .current_dir(project.dir.path())
        .env("TMPDIR", tmp.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut out, &mut line).unwrap();
    assert!(line.starts_with("Building the site"), "{line}");
    std::thread::sleep(Duration::from_millis(100));
    let interrupted = std::time::Instant::now();
    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    let rest = std::io::read_to_string(out).unwrap();
    assert!(!rest.contains("Serving"), "stopped before serving: {rest}");
    assert_eq!(status.code(), Some(130), "{rest}");
    assert!(interrupted.elapsed() < Duration::from_secs(2), "{:?}", interrupted.elapsed());
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0, "the preview folder is removed");
}

#[test]
fn missing_pages_get_404_with_the_site_404_page() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    let (status, body) = serve.get("/findes/ikke/");
    assert_eq!(status, 404);
    let site_404 = std::fs::read_to_string(project.output().join("404.html")).unwrap();
    assert_eq!(body, site_404);
}

#[test]
fn editing_a_minutes_file_changes_its_page() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    assert!(serve.get(&page).1.contains(DECISION));
    let before = serve.rebuilds();

    project.replace(MEETING, DECISION, "Direktionen godkendte ÆNDRET-TEKST-1");
    eventually(WAIT, "the edited text on the page", || serve.get(&page).1.contains("ÆNDRET-TEKST-1").then_some(()));
    let line = serve.wait_for_line(|l| l.starts_with("Rebuilt in") && l.contains("incremental"), WAIT);
    assert!(line.contains("1 file(s) parsed"), "only the changed file is parsed again: {line}");
    assert_eq!(serve.rebuilds(), before + 1);
    let (event, data) = serve.status();
    assert_eq!(event, "built");
    assert!(!data.contains("error"), "{data}");
}

#[test]
fn a_broken_file_is_reported_while_the_last_good_page_stays_then_fixing_clears_it() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    let good = project.read(MEETING);

    // A NUL byte makes the file binary: an input error whatever the parser thinks of the text.
    save(&project.content(MEETING), format!("{good}\n\0broken").as_bytes());
    // The message's lines come after its first ("rebuild failed"): wait for the one naming the file.
    let named = || (serve.failures() > 0 && serve.err().contains("direktionen/2017-03-20.txt")).then_some(());
    eventually(WAIT, "the failure naming the file in the terminal", named);
    let (event, data) = serve.status();
    assert_eq!(event, "failed");
    assert!(data.contains("direktionen/2017-03-20.txt"), "the overlay names the file: {data}");
    let (status, body) = serve.get(&page);
    assert_eq!(status, 200, "the last good site stays served");
    assert!(body.contains(DECISION));

    project.save(MEETING, &good.replace(DECISION, "Direktionen godkendte RETTET-IGEN"));
    eventually(WAIT, "the fixed page", || serve.get(&page).1.contains("RETTET-IGEN").then_some(()));
    // The page is in place a moment before the tabs are told.
    eventually(WAIT, "fixing the file clears the error", || (serve.status().0 == "built").then_some(()));
}

#[test]
fn a_template_error_is_reported_and_fixing_the_template_clears_it() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    let template = project.path("templates/meeting.html");
    let original = std::fs::read_to_string(&template).ok();

    save(&template, b"{% extends \"base.html\" %}{% block content %}{{ broken }{% endblock %}");
    eventually(WAIT, "the template failure", || (serve.failures() > 0).then_some(()));
    let (event, data) = serve.status();
    assert_eq!(event, "failed");
    assert!(data.contains("template"), "{data}");
    assert!(serve.get(&page).1.contains(DECISION), "the last good page stays served");

    match original {
        Some(text) => save(&template, text.as_bytes()),
        None => std::fs::remove_file(&template).unwrap(),
    }
    eventually(WAIT, "the rebuild after the fix", || (serve.status().0 == "built").then_some(()));
    assert!(serve.get(&page).1.contains(DECISION));
}

#[test]
fn a_burst_of_saves_gives_one_rebuild() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    let before = serve.rebuilds();
    for i in 1..=5 {
        project.replace(MEETING, if i == 1 { DECISION } else { "BURST" }, "BURST");
        std::fs::write(project.content("direktionen/.2017-03-20.txt.swp"), format!("swap {i}")).unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    eventually(WAIT, "the burst's page", || serve.get(&page).1.contains("BURST").then_some(()));
    serve.wait_for_line(|l| l.starts_with("Rebuilt in") && l.contains("incremental"), WAIT);
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(serve.rebuilds(), before + 1, "{}", serve.out());
}

#[test]
fn added_and_removed_files_add_and_remove_their_pages() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    page_with(&project, &serve, "2017-03-20", DECISION);
    let copy = project.read(MEETING).replace("20-03-2017", "27-03-2017").replace("20. marts", "27. marts");
    let copy = copy.replace(DECISION, "Direktionen godkendte NYT-MØDE");
    project.save("direktionen/2017-03-27.txt", &copy);
    let page = page_with(&project, &serve, "2017-03-27", "NYT-MØDE");
    eventually(WAIT, "the new page served", || (serve.get(&page).0 == 200).then_some(()));

    std::fs::remove_file(project.content("direktionen/2017-03-27.txt")).unwrap();
    eventually(WAIT, "the removed page gone", || (serve.get(&page).0 == 404).then_some(()));
    assert!(project.page_with("", "NYT-MØDE").is_none(), "no stale page left in the output");
}

#[test]
fn the_search_index_follows_an_edit_after_the_pages() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    assert!(!project.index_has("zebrafant"));
    project.replace(MEETING, DECISION, "Direktionen godkendte zebrafantomet");
    serve.wait_for_line(|l| l.starts_with("Search index updated"), WAIT);
    assert!(project.index_has("zebrafant"), "the new word is searchable");
}

/// A rebuilt search index is a new version: its files go into a folder of their own (`soeg/<v>/`)
/// before the manifest names it, and the folder of the version before is removed, so no file name
/// ever stands for two contents (a search page that still reads the old version gets a 404 for it
/// and asks for the manifest anew: tests/browser/search.test.mjs).
#[test]
fn a_rebuilt_search_index_replaces_the_folder_of_the_version_before() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    let soeg = project.output().join("soeg");
    let version = || {
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(soeg.join("index.json")).unwrap()).unwrap();
        manifest["v"].as_str().unwrap().to_string()
    };
    let folders = || {
        let mut names: Vec<String> = std::fs::read_dir(&soeg)
            .unwrap()
            .map(Result::unwrap)
            .filter(|e| e.file_type().unwrap().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let base = serve.url.trim_start_matches(&serve.origin).to_string();
    let status = |serve: &Serve, v: &str| serve.get(&format!("{base}soeg/{v}/d/0.json")).0;
    let v1 = version();
    assert_eq!(folders(), std::slice::from_ref(&v1));
    assert_eq!(status(&serve, &v1), 200);
    project.replace(MEETING, DECISION, "Direktionen godkendte zebrafantomet");
    serve.wait_for_line(|l| l.starts_with("Search index updated"), WAIT);
    let v2 = version();
    assert_ne!(v1, v2);
    assert_eq!(folders(), std::slice::from_ref(&v2), "only the current version's folder");
    assert_eq!(status(&serve, &v2), 200);
    assert_eq!(status(&serve, &v1), 404);
    assert!(soeg.join("index.html").is_file(), "the search page stays");
}

#[test]
fn a_full_page_rebuild_keeps_the_search_index() {
    let project = Project::new();
    let mut serve = Serve::start(&project, &[]);
    let index_files = || walkdir::WalkDir::new(project.output().join("soeg")).into_iter().count();
    let before = index_files();
    assert!(before > 2, "the first build writes the index");
    let template = project.path("templates/search.html");
    let text = std::fs::read_to_string(&template).unwrap();
    save(&template, format!("{text}\n").as_bytes());
    serve.wait_for_line(|l| l.starts_with("Rebuilt in") && l.contains("full"), WAIT);
    assert_eq!(index_files(), before, "pruning stale pages must not remove the index");
}

/// Sends the request line as is: HTTP clients normalize `..` away before sending.
fn raw_get(serve: &Serve, target: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(serve.origin.trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    (response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0), response)
}

#[test]
fn served_like_a_static_host_and_nothing_outside_the_output() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    let client = client();
    for (path, expected) in [(page.as_str(), "text/html"), ("/static/style.css", "text/css"), ("/sitemap.xml", "xml")] {
        let r = client.get(format!("{}{path}", serve.origin)).send().unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert!(r.headers()["content-type"].to_str().unwrap().contains(expected), "{path}");
    }
    let folder = page.trim_end_matches('/');
    let r = client.get(format!("{}{folder}", serve.origin)).send().unwrap();
    assert_eq!(r.status(), 307, "a folder without its slash is redirected");
    assert_eq!(r.headers()["location"], format!("{folder}/"));

    let url = format!("{}{page}", serve.origin);
    let etag = client.get(&url).send().unwrap().headers()["etag"].clone();
    assert_eq!(client.get(&url).header("if-none-match", etag).send().unwrap().status(), 304);

    // config.toml sits beside the output folder; a symlink in the output points at it.
    std::os::unix::fs::symlink(project.path("config.toml"), project.output().join("leak.toml")).unwrap();
    for target in
        ["/../config.toml", "/%2e%2e/config.toml", "/sager%2f..%2f..%2fconfig.toml", "//etc/passwd", "/leak.toml"]
    {
        let (status, response) = raw_get(&serve, target);
        assert!((400..500).contains(&status), "{target}: {status}");
        assert!(!response.contains("base_url"), "{target} leaked config.toml");
    }
}

#[test]
fn a_site_that_is_broken_from_the_start_is_served_once_fixed() {
    let project = Project::new();
    let good = project.read(MEETING);
    save(&project.content(MEETING), format!("{good}\0").as_bytes());
    let serve = Serve::start(&project, &[]);
    let (status, body) = serve.get("/");
    assert_eq!(status, 404, "no good build yet");
    assert!(body.contains("/__referat/reload.js"), "the fallback page still shows the overlay and reloads");
    let (event, data) = serve.status();
    assert_eq!(event, "failed");
    assert!(data.contains(MEETING), "{data}");

    project.save(MEETING, &good);
    eventually(WAIT, "the first good build", || (serve.get("/").0 == 200).then_some(()));
    eventually(WAIT, "the status", || (serve.status().0 == "built").then_some(()));
}

/// Regression: a content folder replaced while serving (restored from a backup, or swapped by
/// renames) was no longer watched: edits in it never rebuilt, or the preview stayed on "content
/// folder does not exist".
#[test]
fn a_replaced_content_folder_is_watched_again() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    let page = page_with(&project, &serve, "2017-03-20", DECISION);
    let content = project.path("content");
    let fresh = project.path("content.new");
    copy_dir(&content, &fresh);
    std::fs::rename(&content, project.path("content.old")).unwrap();
    std::fs::rename(&fresh, &content).unwrap();
    project.replace(MEETING, DECISION, "Direktionen godkendte ERSTATTET-MAPPE");
    eventually(WAIT, "the swapped folder's edit on the page", || {
        serve.get(&page).1.contains("ERSTATTET-MAPPE").then_some(())
    });
    // Deleted, then created again a while later.
    std::fs::remove_dir_all(&content).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    copy_dir(&project.path("content.old"), &content);
    project.replace(MEETING, DECISION, "Direktionen godkendte GENSKABT-MAPPE");
    eventually(WAIT, "the recreated folder's edit on the page", || {
        serve.get(&page).1.contains("GENSKABT-MAPPE").then_some(())
    });
    project.replace(MEETING, "GENSKABT-MAPPE", "OG-REDIGERET");
    eventually(WAIT, "a later edit in it", || serve.get(&page).1.contains("OG-REDIGERET").then_some(()));
}

/// Regression: `serve` printed fewer warnings than `build`. The first build prints every warning
/// `build` prints (but the one about a local base_url: serve sets its own), and a rebuild prints
/// those of the file that changed, without repeating the others.
#[test]
fn serve_prints_the_warnings_of_build_and_then_those_of_each_changed_file() {
    let project = Project::new();
    project.replace(MEETING, DECISION, &format!("{DECISION} (borger 010180-1234)"));
    project.save("direktionen/tvilling.txt", &project.read(MEETING));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["build", "--content", "content", "--templates", "templates", "--config", "config.toml"])
        .args(["--output", "built"])
        .current_dir(project.dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let built: Vec<String> = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| !l.contains("base_url is a local address"))
        .map(str::to_string)
        .collect();
    assert_eq!(built.len(), 4, "two CPR numbers and two same-day twins: {built:?}");

    let serve = Serve::start(&project, &[]);
    assert_eq!(serve.err().lines().collect::<Vec<_>>(), built, "the first build prints what build prints");

    let other = "direktionen/2012-11-20.md";
    project.replace(other, "præsenteres for Chefforum", "præsenteres for borger 020280-1234");
    let news = eventually(WAIT, "the edited file's warning", || {
        serve.err().lines().find(|l| l.starts_with(other) && l.contains("CPR number masked")).map(str::to_string)
    });
    assert!(news.contains("warning:"), "{news}");
    eventually(WAIT, "the rebuild", || (serve.rebuilds() >= 2).then_some(()));
    let err = serve.err();
    assert_eq!(err.lines().filter(|l| l.starts_with(MEETING)).count(), 2, "not repeated:\n{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("direktionen/tvilling.txt")).count(), 2, "not repeated:\n{err}");
}
