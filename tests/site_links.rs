//! Every internal link and anchor in the rendered site resolves, at the root and under a sub-path.

mod site_support;
use site_support::*;

#[test]
fn every_internal_link_and_anchor_resolves_at_the_root() {
    let (_dir, out) = render_site(&site("http://127.0.0.1:1111/"));
    let broken = broken_links(&out, "/");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn every_internal_link_and_anchor_resolves_under_a_sub_path() {
    let (_dir, out) = render_site(&site("https://example.dk/referater/"));
    let broken = broken_links(&out, "/referater/");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    let meeting = read(&out, "direktionen/2017-03-20/index.html");
    assert!(meeting.contains(r#"href="/referater/sager/16-26813.html""#));
    assert!(meeting.contains(r#"action="/referater/soeg/""#));
}

#[test]
fn link_checker_finds_broken_links() {
    let (_dir, out) = render_site(&site("https://example.dk/referater/"));
    std::fs::remove_file(out.join("sager/17-171.html")).unwrap();
    let page = out.join("direktionen/2017-03-20/index.html");
    let html = read(&out, "direktionen/2017-03-20/index.html").replace(r##"href="#dagsorden""##, r##"href="#ingen""##);
    std::fs::write(page, html).unwrap();
    let broken = broken_links(&out, "/referater/");
    assert!(broken.iter().any(|b| b.contains("sager/17-171.html")), "{broken:?}");
    assert!(broken.iter().any(|b| b.contains("no id \"ingen\"")), "{broken:?}");
}
