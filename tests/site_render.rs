//! Golden snapshots of every page type, rendered from a realistic hand-made site, plus the
//! rendering options: template overrides, the serve script injection and partial rendering.

mod site_support;
use referat::render::{self, RenderOptions, Selection};
use site_support::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Regression (clerk review): a site built without a config said on every page that it was
/// Høje-Taastrup Kommune's.
#[test]
fn without_a_config_no_municipality_is_named() {
    let mut site = site("https://example.dk/");
    site.config.municipality = referat::config::Config::default().municipality;
    let (_dir, out) = render_site(&site);
    let index = read(&out, "index.html");
    assert!(!index.contains("Høje-Taastrup") && !index.contains("brand-municipality"), "{index}");
    assert!(index.contains("<title>Referater</title>"), "{index}");
    assert!(read(&out, "feed.xml").contains("<name>Referater</name>"), "Atom needs an author's name");
}

#[test]
fn golden_pages_of_a_hand_made_site() {
    let (_dir, out) = render_site(&site("https://example.dk/referater/"));
    for page in [
        "index.html",
        "direktionen/index.html",
        "direktionen/2017-03-20/index.html",
        "sager/index.html",
        "sager/2017/index.html",
        "sager/15-14789.html",
        "sager/17-171.html",
        "404.html",
        "feed.xml",
        "direktionen/feed.xml",
        "sitemap.xml",
        "data/direktionen/2017-03-20.json",
        "data/cases.json",
    ] {
        insta::assert_snapshot!(format!("handmade__{}", page.replace('/', "__")), readable(&read(&out, page), page));
    }
}

#[test]
fn every_page_is_danish_and_has_the_common_context() {
    let (_dir, out) = render_site(&site("https://example.dk/referater/"));
    for (rel, bytes) in files(&out) {
        if rel.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"), "{rel}");
            // The search page has its own form instead of the header's.
            let header_search = r#"<form class="header-search" role="search" aria-label="Hurtigsøgning" action="/referater/soeg/" method="get">"#;
            assert_eq!(html.contains(header_search), rel != "soeg/index.html", "{rel}");
            assert!(html.contains(r##"<a class="skip-link" href="#indhold">"##), "{rel}");
            // Scripts: the search page's, and on meeting pages the loader that marks a search's words
            // (also on a year's cases, for its table's tab stop).
            let script = if rel == "soeg/index.html" {
                Some("search")
            } else if html.contains(r#"<nav class="agenda""#) || html.contains(r#"<table class="cases">"#) {
                Some("highlight")
            } else {
                None
            };
            let tags: Vec<&str> = html.match_indices("<script").map(|(i, _)| &html[i..]).collect();
            assert_eq!(tags.len(), usize::from(script.is_some()), "{rel}");
            if let Some(name) = script {
                assert!(tags[0].starts_with(&format!(r#"<script src="/referater/static/{name}."#)), "{rel}");
            }
        }
    }
    assert!(out.join("static/style.css").is_file());
    assert!(out.join("soeg/index.html").is_file());
}

#[test]
fn a_web_team_restyles_with_template_and_css_overrides() {
    let theme = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(theme.path().join("static")).unwrap();
    std::fs::write(theme.path().join("static/style.css"), "body { color: rebeccapurple }").unwrap();
    std::fs::write(theme.path().join("static/logo.svg"), "<svg/>").unwrap();
    std::fs::write(
        theme.path().join("case.html"),
        r#"{% extends "base.html" %}{% block content %}<h1>Egen sag {{ case.case }}</h1>{% endblock content %}"#,
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions { templates: Some(theme.path().to_path_buf()), ..Default::default() };
    render::render(&site("http://localhost/"), out.path(), &opts).unwrap();
    assert!(read(out.path(), "sager/16-26813.html").contains("<h1>Egen sag 16/26813</h1>"));
    assert_eq!(read(out.path(), "static/style.css"), "body { color: rebeccapurple }");
    assert!(out.path().join("static/logo.svg").is_file());
    assert!(
        read(out.path(), "direktionen/2017-03-20/index.html").contains("Punkt 3:"),
        "built-in meeting.html still used"
    );
}

/// Regression (web-team review): `[extra]` in config.toml was an unknown field, so a phone number or
/// a link to the accessibility statement had to be written into the templates by hand.
#[test]
fn the_web_teams_own_settings_reach_every_page_as_extra() {
    let theme = tempfile::tempdir().unwrap();
    std::fs::write(
        theme.path().join("404.html"),
        r#"{% extends "base.html" %}{% block content %}<p>Ring {{ extra.telefon }} · <a href="{{ extra.links.was }}">Tilgængelighed</a> ({{ extra.opdateret }})</p>{% endblock content %}"#,
    )
    .unwrap();
    let config: referat::config::Config = toml::from_str(
        "title = \"Referater\"\n[extra]\ntelefon = \"43 59 10 00\"\nopdateret = 2024-03-12\n[extra.links]\nwas = \"https://was.digst.dk/htk-dk\"\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions { templates: Some(theme.path().to_path_buf()), ..Default::default() };
    render::render(&referat::link::Site::new(config, meetings()), out.path(), &opts).unwrap();
    let page = read(out.path(), "404.html");
    assert!(
        page.contains(
            r#"<p>Ring 43 59 10 00 · <a href="https://was.digst.dk/htk-dk">Tilgængelighed</a> (2024-03-12)</p>"#
        ),
        "{page}"
    );
}

/// Renders the hand-made site with the templates folder `theme` into a new folder; with the
/// render's result, its warnings as printed.
fn render_with_theme(
    theme: &Path,
) -> (tempfile::TempDir, Result<render::RenderStats, render::RenderError>, Vec<String>) {
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions { templates: Some(theme.to_path_buf()), ..Default::default() };
    let site = referat::link::Site::new(referat::config::Config::default(), meetings());
    let result = render::render(&site, out.path(), &opts);
    let warned = result.as_ref().map(|s| s.warnings.iter().map(|w| w.to_string()).collect()).unwrap_or_default();
    (out, result, warned)
}

/// Regression (web-team review): a restyled search.html without an element search.js looks up
/// ("#search-more", "#search-facets") built without a word, and its page showed only the form.
#[test]
fn a_search_page_without_what_search_js_needs_is_named() {
    let render_with = |search: Option<&str>| {
        let theme = tempfile::tempdir().unwrap();
        if let Some(search) = search {
            std::fs::write(theme.path().join("search.html"), search).unwrap();
        }
        let (_out, result, warned) = render_with_theme(theme.path());
        result.unwrap();
        (theme, warned)
    };
    let (_t, warned) = render_with(None);
    assert_eq!(warned, Vec::<String>::new(), "the built-in search page has all it needs");
    let builtin = include_str!("../templates/search.html");
    // Attributes written other ways still count: single quotes, no quotes, other order.
    let (_t, warned) = render_with(Some(
        &builtin.replace(r#"id="search-more""#, "id='search-more'").replace(r#"id="search-case""#, "id=search-case"),
    ));
    assert_eq!(warned, Vec::<String>::new());
    let restyled =
        builtin.replace(r#"<button id="search-more""#, "<button").replace(r#"id="search-facets""#, r#"id="facets""#);
    let (theme, warned) = render_with(Some(&restyled));
    assert_eq!(warned.len(), 1, "{warned:#?}");
    let file = theme.path().join("search.html").display().to_string();
    assert!(
        warned[0].contains(&file) && warned[0].contains("lacks what search.js needs: #search-facets, #search-more;"),
        "{warned:#?}"
    );
    let (_t, warned) =
        render_with(Some(&builtin.replace(r#"<script src="{{ asset(path='search.js') }}" defer></script>"#, "")));
    assert!(warned.len() == 1 && warned[0].contains("needs: <script> loading search.js;"), "{warned:#?}");
}

/// Regression (web-team review): a misspelt name in a condition, `{% if item.atachments %}`, is
/// silently false in Tera, and the attachments were gone from every meeting page without a word.
#[test]
fn a_name_the_pages_are_not_given_is_named_with_its_line() {
    let theme = tempfile::tempdir().unwrap();
    render::templates::export(theme.path()).unwrap();
    let render_warnings = || {
        let (_out, result, warned) = render_with_theme(theme.path());
        result.unwrap();
        warned
    };
    assert_eq!(render_warnings(), Vec::<String>::new(), "every built-in template reads only what its pages have");
    let meeting = theme.path().join("meeting.html");
    let source = std::fs::read_to_string(&meeting).unwrap();
    let line = source.lines().position(|l| l.contains("{% if item.attachments %}")).expect("the built-in has it") + 1;
    std::fs::write(&meeting, source.replace("{% if item.attachments %}", "{% if item.atachments %}")).unwrap();
    let warned = render_warnings();
    assert_eq!(warned.len(), 1, "{warned:#?}");
    let at = format!("{}:{line}:", meeting.display());
    assert!(warned[0].starts_with(&at) && warned[0].contains("did you mean `item.attachments`?"), "{warned:#?}");
}

/// The web team's own pages ("Om referaterne", the accessibility statement): a template in the
/// templates folder's `sider/` is published at its name's folder, in the site's layout, and listed
/// in the sitemap. Before, such a template was warned about and published nowhere.
#[test]
fn the_web_teams_own_pages_are_published_from_sider() {
    let theme = tempfile::tempdir().unwrap();
    std::fs::create_dir(theme.path().join("sider")).unwrap();
    let page = r#"{% extends "base.html" %}{% block title %}Om referaterne{% endblock %}{% block content %}<h1>Om referaterne</h1><p>Kontakt {{ site.municipality }}.</p>{% endblock %}"#;
    std::fs::write(theme.path().join("sider/om.html"), page).unwrap();
    let (out, result, warned) = render_with_theme(theme.path());
    result.unwrap();
    assert_eq!(warned, Vec::<String>::new());
    let html = read(out.path(), "om/index.html");
    assert!(html.contains("<h1>Om referaterne</h1>") && html.contains("<title>Om referaterne"), "{html}");
    assert!(html.contains("href=\"/soeg/\""), "in the site's layout, with its header: {html}");
    assert!(read(out.path(), "sitemap.xml").contains("/om/</loc>"));
    // A name that is no folder name, or the address of something else, is refused by name.
    for (name, says) in [
        ("Om os.html", "name it om-os.html"),
        ("sager.html", "a folder the site writes itself"),
        ("direktionen.html", "the address of the meetings of Direktionen"),
    ] {
        let bad = tempfile::tempdir().unwrap();
        std::fs::create_dir(bad.path().join("sider")).unwrap();
        std::fs::write(bad.path().join("sider").join(name), page).unwrap();
        let e = render_with_theme(bad.path()).1.expect_err(name).to_string();
        assert!(e.contains(&bad.path().join("sider").join(name).display().to_string()) && e.contains(says), "{e}");
    }
}

#[test]
fn a_broken_template_is_a_clear_error() {
    let theme = tempfile::tempdir().unwrap();
    std::fs::write(
        theme.path().join("meeting.html"),
        "{% extends \"base.html\" %}{% block content %}{{ meeting.nope | upper }}{% endblock content %}",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions { templates: Some(theme.path().to_path_buf()), ..Default::default() };
    let err = render::render(&site("http://localhost/"), out.path(), &opts).unwrap_err();
    assert!(err.to_string().contains("meeting.html"), "{err}");
}

#[test]
fn serve_script_is_injected_before_body_end_and_only_when_asked() {
    let s = site("http://localhost/");
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions { inject: "<script src=\"/__reload.js\"></script>".into(), ..Default::default() };
    render::render(&s, out.path(), &opts).unwrap();
    for (rel, bytes) in files(out.path()) {
        if rel.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("<script src=\"/__reload.js\"></script></body>"), "{rel}");
        }
    }
    let (_dir, plain) = render_site(&s);
    assert!(!read(&plain, "index.html").contains("__reload"));
}

#[test]
fn selection_renders_only_the_changed_meeting_and_its_cases() {
    let s = site("http://localhost/");
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        selection: Selection::Only {
            meetings: BTreeSet::from(["direktionen/2012-11-20.md".into()]),
            cases: BTreeSet::from(["16-6952".to_string()]),
        },
        ..Default::default()
    };
    let stats = render::render(&s, out.path(), &opts).unwrap();
    let o = out.path();
    assert!(o.join("direktionen/2012-11-20/index.html").is_file());
    assert!(o.join("sager/11-34493.html").is_file());
    assert!(o.join("sager/16-6952.html").is_file());
    assert!(!o.join("direktionen/2017-03-20/index.html").exists());
    assert!(!o.join("sager/16-26813.html").exists());
    for always in
        ["index.html", "direktionen/index.html", "sager/index.html", "feed.xml", "sitemap.xml", "data/cases.json"]
    {
        assert!(o.join(always).is_file(), "{always}");
    }
    let (_dir, full) = render_site(&s);
    assert_eq!(read(o, "sager/16-6952.html"), read(&full, "sager/16-6952.html"));
    assert!(stats.pages < files(&full).len());
}

#[test]
fn regression_a_standing_case_does_not_list_every_meeting_on_every_page() {
    // "Økonomiopfølgning" carries the same case number at every meeting; listing all other
    // meetings on each item made the site grow quadratically (1.5 GB for 2,000 meetings).
    let base = meetings().remove(1); // 2017-03-13, one item with case 16/26813
    let many: Vec<_> = (0..60)
        .map(|n| {
            let mut m = base.clone();
            m.date += chrono::Duration::days(7 * n);
            m.source = format!("direktionen/{n}.txt").into();
            m
        })
        .collect();
    let s = referat::link::Site::new(referat::config::Config::default(), many);
    let (_dir, out) = render_site(&s);
    let middle = read(&out, &format!("{}index.html", s.meeting_path(30)));
    let listed = middle.split("Sagen er også behandlet på").nth(1).unwrap().split("</ul>").next().unwrap();
    assert_eq!(listed.matches("<li>").count(), 10, "five before and five after");
    assert!(middle
        .contains(r#"<a href="/sager/16-26813.html">Se hele sagsforløbet for sag 16/26813 (60 behandlinger)</a>"#));
    assert_eq!(read(&out, "sager/16-26813.html").matches("punkt 1: Økonomiopfølgning").count(), 60);
}

#[test]
fn a_case_handled_in_two_years_is_listed_under_both() {
    let base = meetings().remove(1); // 2017-03-13, one item with case 16/26813
    let mut later = base.clone();
    later.date = "2018-01-15".parse().unwrap();
    later.source = "direktionen/later.txt".into();
    let s = referat::link::Site::new(referat::config::Config::default(), vec![base, later]);
    let (_dir, out) = render_site(&s);
    for year in ["2017", "2018"] {
        let page = read(&out, &format!("sager/{year}/index.html"));
        assert!(page.contains(r#"<a href="/sager/16-26813.html">16/26813</a>"#), "{year}");
        assert!(page.contains("<td class=\"num\">2</td>"), "both treatments counted on the {year} page");
    }
    let index = read(&out, "sager/index.html");
    let years: Vec<&str> = index.match_indices(r#"<a href="/sager/20"#).map(|(i, _)| &index[i + 16..i + 20]).collect();
    assert_eq!(years, ["2018", "2017"], "newest year first");
}
