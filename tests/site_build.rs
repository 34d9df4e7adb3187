//! The build as a whole: a failed build leaves the previously published site exactly as it was, and
//! meetings parsed a second time for their pages (beyond the memory budget) give the same site.

mod site_support;
use referat::build::{self, BuildError, BuildOptions};
use site_support::*;
use std::path::Path;

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        content: root.join("content"),
        output: root.join("public"),
        config: repo().join("config.toml"),
        templates: repo().join("templates"),
        base_url: None,
        ..Default::default()
    }
}

#[test]
fn failed_build_leaves_previous_public_untouched() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    std::fs::create_dir_all(opts.output.join("direktionen")).unwrap();
    std::fs::write(opts.output.join("index.html"), "previous site").unwrap();
    std::fs::write(opts.output.join("direktionen/old.html"), "previous page").unwrap();
    std::fs::write(opts.output.join(referat::write::MARKER), "").unwrap();
    std::fs::create_dir_all(&opts.content).unwrap();
    std::fs::write(opts.content.join("broken.txt"), b"Punkt 1\0binary").unwrap();

    let err = build::build(&opts).unwrap_err();
    assert!(matches!(err, BuildError::Input(_)), "{err}");
    let after = files(&opts.output);
    assert_eq!(
        after,
        vec![
            (referat::write::MARKER.to_string(), b"".to_vec()),
            ("direktionen/old.html".to_string(), b"previous page".to_vec()),
            ("index.html".to_string(), b"previous site".to_vec())
        ]
    );
    let leftovers: Vec<_> = std::fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no staging folder left behind: {leftovers:?}");
}

/// Regression: `--output` pointed at the user's own folder (here the one holding the minutes) moved
/// it aside and deleted it in the background.
#[test]
fn a_build_never_replaces_a_folder_it_did_not_write() {
    let root = tempfile::tempdir().unwrap();
    let mut opts = options(root.path());
    std::fs::create_dir_all(&opts.content).unwrap();
    std::fs::copy(repo().join("content/direktionen/2017-03-20.txt"), opts.content.join("m.txt")).unwrap();
    std::fs::write(root.path().join("notes.txt"), "mine").unwrap();
    opts.output = root.path().to_path_buf();
    let err = build::build(&opts).unwrap_err();
    assert!(anyhow_chain(&err).contains("holds the content folder"), "{err}");
    opts.output = root.path().join("mine");
    std::fs::create_dir_all(&opts.output).unwrap();
    std::fs::write(opts.output.join("notes.txt"), "mine").unwrap();
    let err = build::build(&opts).unwrap_err();
    assert!(anyhow_chain(&err).contains(referat::write::MARKER), "{err}");
    assert!(opts.output.join("notes.txt").exists() && opts.content.join("m.txt").exists());
    assert!(root.path().join("notes.txt").exists());
}

fn anyhow_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}

/// Regression: CPR numbers written with a soft hyphen, an entity, a backslash escape, fullwidth
/// digits, a space, an en dash or split by bold markup reached the pages, data and search shards.
#[test]
fn no_form_of_a_cpr_number_reaches_any_output() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    std::fs::create_dir_all(&opts.content).unwrap();
    let forms = [
        "060606\u{ad}-6661",
        "070707\u{ad}6662",
        "1&#53;0115-6663",
        "170117\\-6664",
        "１３０１８０６６６５",
        "030303 6666",
        "040404–6667",
        "**080808**-6668",
        "121212-\n6669",
        "CPR111112-6670",
        "31.12.80-6675",
        "010203/6676",
        "020304.6677",
        "CPR: 0101-80-6678",
        "cpr.nr. 01 02 80 6679",
        "31/12/80-6680",
        // Regression (fourth review): a four-digit year in other writings, spaces around the dash.
        // (A serial from 5 to 8 is a birth in the 2000s up to 57: "01011980 6681" is no CPR number.)
        "01012010 6681",
        "0101 1980 6682",
        "01/01-1980-6683",
        "01.01.80 - 6684",
        "CPR-nr. 1.1.80-6685",
        // Forms only the second look (at the parsed text) finds:
        "02\u{ad}0280-6671",
        "030380<span>-6672",
        "040480  6673",
        "050580&horbar;6674",
    ];
    let mut text = std::fs::read_to_string(repo().join("content/direktionen/2017-03-20.txt")).unwrap();
    let at = text.find("Baggrund").unwrap();
    text.insert_str(at, &format!("Borgere: {}\n\n", forms.join(" og ")));
    std::fs::write(opts.content.join("m.md"), &text).unwrap();
    let report = build::build(&opts).unwrap();
    let masked = report.diagnostics.0.iter().filter(|d| d.message.contains("CPR number masked")).count();
    assert!(masked >= forms.len() - 4, "{masked} warnings");
    for (rel, bytes) in files(&opts.output) {
        let text = String::from_utf8_lossy(&bytes);
        for half in [
            "060606",
            "070707",
            "6661",
            "6662",
            "6663",
            "6664",
            "６６６５",
            "6665",
            "6666",
            "6667",
            "6668",
            "6669",
            "6671",
            "6672",
            "6673",
            "6674",
            "6675",
            "6676",
            "6677",
            "6678",
            "6679",
            "6680",
            "6681",
            "6682",
            "6683",
            "6684",
            "6685",
        ] {
            assert!(!text.contains(half), "{rel} has {half}");
        }
    }
}

#[test]
fn meetings_parsed_again_for_their_pages_give_the_same_site() {
    let root = tempfile::tempdir().unwrap();
    let mut kept = options(root.path());
    kept.content = repo().join("content");
    let reparsed = BuildOptions { output: root.path().join("reparsed"), keep_bytes: 0, ..kept.clone() };
    build::build(&kept).unwrap();
    build::build(&reparsed).unwrap();
    let (a, b) = (files(&kept.output), files(&reparsed.output));
    assert!(a.len() > 20, "{} files", a.len());
    assert!(a == b, "the sites differ");
}

/// The clerk's rebuild returns once the new site is in place; the old one goes in the background.
#[test]
fn a_rebuild_removes_the_replaced_site_in_the_background() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("public");
    let build = || {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", "--output"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        String::from_utf8(run.stdout).unwrap()
    };
    assert!(!build().contains("background"), "nothing to remove on a first build");
    std::fs::write(out.join("stale.html"), "from the replaced site").unwrap();
    assert!(build().contains("The previous site is being removed in the background."));
    assert!(!out.join("stale.html").exists(), "the new site is in place at once");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let left = || std::fs::read_dir(root.path()).unwrap().count();
    while left() > 1 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let names: Vec<_> = std::fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["public"], "the replaced site was removed");
}

/// Case numbers of WorkZone, eDoc and GetOrganized (`2024-012345`, `EMN-2023-00456`) were text:
/// items had no case, no case page, no cross-link and no exact search key.
#[test]
fn year_serial_case_numbers_get_case_pages_links_and_exact_keys() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    let meeting = |body: &str, date: &str, case: &str, text: &str| {
        format!(
            "Referat\n{body}\nMødedato: {date} kl. 17:00\n\nPunkt 1: Budget 2025\nSagsnr.: {case}\n\n\
             Sagsfremstilling\n{text}\n\nBeslutning\nGodkendt.\n"
        )
    };
    std::fs::create_dir_all(opts.content.join("b")).unwrap();
    let one = meeting("Byrådet", "5. marts 2024", "2024-012345", "Se også EMN-2023-00456.");
    let two = meeting("Økonomiudvalget", "20. februar 2024", "2024-012345", "Forslaget til budget.");
    let three = meeting("Socialudvalget", "1. februar 2024", "emn-2023-00456", "Høring.");
    std::fs::write(opts.content.join("b/1.txt"), one).unwrap();
    std::fs::write(opts.content.join("b/2.txt"), two).unwrap();
    std::fs::write(opts.content.join("b/3.txt"), three).unwrap();
    build::build(&opts).unwrap();
    let case = read(&opts.output, "sager/2024-012345.html");
    assert!(case.contains("Byrådet") && case.contains("Økonomiudvalget"), "one page for both meetings");
    read(&opts.output, "sager/emn-2023-00456.html");
    let page = read(&opts.output, "byraadet/2024-03-05/index.html");
    assert!(page.contains(r#"<a href="/sager/emn-2023-00456.html">EMN-2023-00456</a>"#), "cross-link in the text");
    let exact: String = files(&opts.output.join("soeg"))
        .into_iter()
        .filter(|(path, _)| path.contains("/x/"))
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .collect();
    assert!(exact.contains("c:2024-012345") && exact.contains("c:EMN-2023-00456"), "{exact}");
}

/// A meeting file as a clerk's export writes it: `body`, `date` in words, one item with `text`.
fn minutes(body: &str, date: &str, text: &str) -> String {
    format!(
        "Referat\n{body}\nMødedato: {date} kl. 17:00\n\nPunkt 1: Budget 2025\nSagsnr.: 24/100\n\n\
         Sagsfremstilling\n{text}\n\nBeslutning\nGodkendt.\n"
    )
}

/// Regression: same-day meetings of a body got `<date>/`, `<date>-2/` … in file order, so adding
/// "2024-02-05-a.txt" beside "2024-02-05-b.txt" and "2024-02-05-c.txt" moved b from `2024-02-05/`
/// to `2024-02-05-2/`: its links, open data, feed entry id and search results changed meaning. A
/// file named after its date now gives the meeting's folder.
#[test]
fn regression_adding_a_same_day_file_that_sorts_first_moves_no_published_meeting() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    let dir = opts.content.join("byraadet");
    std::fs::create_dir_all(&dir).unwrap();
    let save = |name: &str, text: &str| {
        std::fs::write(dir.join(name), minutes("Byrådet", "5. februar 2024", &format!("Mødet {text}."))).unwrap()
    };
    save("2024-02-05-b.txt", "BBB");
    save("2024-02-05-c.txt", "CCC");
    build::build(&opts).unwrap();
    let published = |text: &str| -> Vec<(String, Vec<u8>)> {
        let data: Vec<(String, Vec<u8>)> = files(&opts.output.join("data/byraadet"))
            .into_iter()
            .filter(|(_, json)| String::from_utf8_lossy(json).contains(text))
            .collect();
        assert_eq!(data.len(), 1, "one open-data file of meeting {text}");
        data
    };
    let before = [published("BBB"), published("CCC")];
    assert_eq!(before[0][0].0, "2024-02-05-b.json");
    assert_eq!(before[1][0].0, "2024-02-05-c.json");

    save("2024-02-05-a.txt", "AAA");
    build::build(&opts).unwrap();
    assert_eq!([published("BBB"), published("CCC")], before, "the open data stayed at its address, unchanged");
    assert_eq!(published("AAA")[0].0, "2024-02-05-a.json");
    for (folder, text) in [("2024-02-05-a", "AAA"), ("2024-02-05-b", "BBB"), ("2024-02-05-c", "CCC")] {
        let page = read(&opts.output, &format!("byraadet/{folder}/index.html"));
        assert!(page.contains(&format!("Mødet {text}.")), "{folder}");
        let id = format!("<id>http://127.0.0.1:1111/byraadet/{folder}/</id>");
        assert!(read(&opts.output, "byraadet/feed.xml").contains(&id), "feed entry id {id}");
    }
    assert!(!opts.output.join("byraadet/2024-02-05").exists() && !opts.output.join("byraadet/2024-02-05-2").exists());
    // The search index's result files (soeg/<version>/d/) link the meeting's own folder.
    let results: String = index_files(&opts.output)
        .into_iter()
        .filter(|(rel, _)| rel.contains("/d/"))
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .collect();
    assert!(results.contains("\"byraadet/2024-02-05-b/\""), "search results link the meeting's own folder");
}

/// Regression: a body's meetings spelled "Børne- og Skoleudvalget" and "Borne- og Skoleudvalget"
/// (same slug, one page) were headed by the ASCII spelling, the first by sort order. The spelling
/// most meetings use heads the body's page and feed, and every meeting links to that page.
#[test]
fn regression_a_body_is_headed_by_the_spelling_most_meetings_use() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    std::fs::create_dir_all(&opts.content).unwrap();
    let save = |name: &str, body: &str, date: &str| {
        std::fs::write(opts.content.join(name), minutes(body, date, "Tekst.")).unwrap();
    };
    save("2024-01-08.txt", "Borne- og Skoleudvalget", "8. januar 2024");
    save("2024-02-05.txt", "Børne- og Skoleudvalget", "5. februar 2024");
    save("2024-03-04.txt", "Børne- og Skoleudvalget", "4. marts 2024");
    build::build(&opts).unwrap();
    let page = read(&opts.output, "boerne-og-skoleudvalget/index.html");
    assert!(page.contains("<h1>Børne- og Skoleudvalget</h1>"), "{page}");
    assert!(page.contains("3 møder"), "one page for all three");
    let feed = read(&opts.output, "boerne-og-skoleudvalget/feed.xml");
    assert!(feed.contains("<title>Referater: Børne- og Skoleudvalget</title>"), "{feed}");
    let ascii = read(&opts.output, "boerne-og-skoleudvalget/2024-01-08/index.html");
    assert!(ascii.contains(r#"href="/boerne-og-skoleudvalget/""#), "the ASCII meeting links its body");
    assert!(ascii.contains("Næste møde"), "and its neighbour in the body");
}

/// The files below the output's `soeg/` (the search page and index), by relative path.
fn index_files(out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    files(&out.join("soeg")).into_iter().collect()
}

/// Regression (hosting review, "search cache-busting is not safe behind a CDN"): the index's shards
/// kept their names (`soeg/t/3.json`) while their bytes changed from build to build (one meeting
/// more changed 103 of 104 files), versioned only by `?v=` in the request, which a static host
/// ignores and some CDNs leave out of the cache key; a shard of the old build cached under the new
/// version gave results with wrong titles and links. Now they lie in a folder named by the
/// manifest's version: two builds of different minutes share no shard path at all, and a build of
/// the same minutes keeps every path and byte, so caches stay warm.
#[test]
fn search_cache_busting_is_safe_behind_a_cdn() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    let seeds = repo().join("content/direktionen");
    std::fs::create_dir_all(opts.content.join("direktionen")).unwrap();
    for f in ["2012-11-20.md", "2017-03-20.txt"] {
        std::fs::copy(seeds.join(f), opts.content.join("direktionen").join(f)).unwrap();
    }
    build::build(&opts).unwrap();
    let first = index_files(&opts.output);
    let text = std::fs::read_to_string(seeds.join("2017-03-20.txt")).unwrap();
    let added = text.replace("20-03-2017", "27-03-2017").replace("20. marts 2017", "27. marts 2017");
    std::fs::write(opts.content.join("direktionen/2017-03-27.txt"), added).unwrap();
    build::build(&opts).unwrap();
    let second = index_files(&opts.output);

    let version = |files: &std::collections::BTreeMap<String, Vec<u8>>| {
        let manifest: serde_json::Value = serde_json::from_slice(&files["index.json"]).unwrap();
        manifest["v"].as_str().unwrap().to_string()
    };
    let (v1, v2) = (version(&first), version(&second));
    assert_ne!(v1, v2);
    let own = ["index.html", "index.json"];
    for (files, v) in [(&first, &v1), (&second, &v2)] {
        let shards: Vec<&String> = files.keys().filter(|p| !own.contains(&p.as_str())).collect();
        assert!(shards.len() >= 3, "{shards:?}");
        assert!(shards.iter().all(|p| p.starts_with(&format!("{v}/"))), "only the current version: {shards:?}");
        for sub in ["t", "x", "d"] {
            assert!(files.contains_key(&format!("{v}/{sub}/0.json")), "{v}/{sub}/0.json");
        }
    }
    // Only the manifest and the search page keep their names; both are revalidated (the page's
    // examples are the newest minutes'), see the README's Hosting.
    for path in second.keys().filter(|p| first.contains_key(*p)) {
        assert!(own.contains(&path.as_str()), "{path} is in both builds");
    }

    build::build(&opts).unwrap();
    assert_eq!(index_files(&opts.output), second, "the same minutes give the same paths and bytes");
}

/// The stylesheet and the search script are linked by a name with a hash of their bytes: a changed
/// file gets a new address (a browser or CDN never runs an old search.js against a new index), an
/// unchanged one keeps its address; the file stays under its own name too, for links written by hand.
#[test]
fn static_assets_are_linked_by_a_hash_of_their_bytes() {
    let root = tempfile::tempdir().unwrap();
    let mut opts = options(root.path());
    std::fs::create_dir_all(&opts.content).unwrap();
    std::fs::copy(repo().join("content/direktionen/2017-03-20.txt"), opts.content.join("m.txt")).unwrap();
    opts.templates = root.path().join("templates");
    std::fs::create_dir_all(opts.templates.join("static")).unwrap();
    let hash = regex::Regex::new(r"\.[0-9a-f]{10}\.").unwrap();
    let links = |opts: &BuildOptions, style: &str| {
        std::fs::write(opts.templates.join("static/style.css"), style).unwrap();
        build::build(opts).unwrap();
        let attr = |page: &str, before: &str| {
            let html = read(&opts.output, page);
            let start = html.find(before).unwrap_or_else(|| panic!("{page}: no {before}")) + before.len();
            html[start..start + html[start..].find('"').unwrap()].to_string()
        };
        let css = attr("index.html", r#"<link rel="stylesheet" href=""#);
        assert_eq!(attr("soeg/index.html", r#"<link rel="stylesheet" href=""#), css, "the same on every page");
        let js = attr("soeg/index.html", r#"<script src=""#);
        for link in [&css, &js] {
            assert!(!link.contains('?'), "{link}");
            let file = link.strip_prefix('/').unwrap();
            let plain = hash.replace(file, ".");
            assert_ne!(plain, file, "{link} has a hash");
            assert_eq!(
                std::fs::read(opts.output.join(file)).unwrap(),
                std::fs::read(opts.output.join(&*plain)).unwrap()
            );
        }
        assert_eq!(read(&opts.output, css.strip_prefix('/').unwrap()), style);
        (css, js)
    };
    let (css1, js1) = links(&opts, "body { color: #111; }\n");
    let (css2, js2) = links(&opts, "body { color: #222; }\n");
    assert_ne!(css1, css2, "a changed stylesheet gets a new address");
    assert_eq!(js1, js2, "an unchanged script keeps its address");
    assert_eq!(links(&opts, "body { color: #111; }\n"), (css1, js1), "the same bytes, the same address");
}
