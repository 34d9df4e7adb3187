//! Atom feeds of meetings: one for the whole site, one per body. Written directly (not through a
//! template) because a feed's shape is fixed by RFC 4287; every text is XML-escaped.

use crate::link::Site;
use crate::render::danish;
use crate::render::text::escape_into;
use crate::render::view::{item_title, meeting_title};

/// How many meetings a feed lists, newest first.
pub const FEED_LEN: usize = 50;

/// An Atom feed of `meetings` (indexes into `site.meetings`); `path` is the feed's own path
/// relative to the base, `page` the HTML page it mirrors.
pub fn atom(site: &Site, title: &str, path: &str, page: &str, meetings: &[usize]) -> String {
    let base_url = &site.config.base_url;
    let mut newest: Vec<usize> = meetings.to_vec();
    newest.sort_by_key(|&i| std::cmp::Reverse((site.meetings[i].date, i)));
    newest.truncate(FEED_LEN);
    let updated = newest.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |&i| timestamp(site, i));

    let mut x = String::with_capacity(1024 + newest.len() * 512);
    x.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n",
    );
    element(&mut x, "  ", "title", title);
    element(&mut x, "  ", "subtitle", &site.config.description);
    link(&mut x, "  ", "self", &format!("{base_url}{path}"));
    link(&mut x, "  ", "alternate", &format!("{base_url}{page}"));
    element(&mut x, "  ", "id", &format!("{base_url}{path}"));
    element(&mut x, "  ", "updated", &updated);
    x.push_str("  <author>\n");
    // Atom requires an author's name: the site's title when no municipality is set.
    let author = if site.config.municipality.is_empty() { &site.config.title } else { &site.config.municipality };
    element(&mut x, "    ", "name", author);
    x.push_str("  </author>\n");
    for i in newest {
        let m = &site.meetings[i];
        let url = format!("{base_url}{}", site.meeting_path(i));
        let summary: Vec<String> =
            m.items.iter().map(|it| format!("Punkt {}: {}", it.number, item_title(it))).collect();
        x.push_str("  <entry>\n");
        element(&mut x, "    ", "title", &meeting_title(m));
        link(&mut x, "    ", "alternate", &url);
        element(&mut x, "    ", "id", &url);
        element(&mut x, "    ", "updated", &timestamp(site, i));
        element(&mut x, "    ", "summary", &format!("{}. {}", danish::when(m.date, m.start), summary.join(". ")));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// The meeting's start as an RFC 3339 time (the minutes give local time without zone; midnight
/// UTC of the meeting day keeps the date right in every reader).
fn timestamp(site: &Site, i: usize) -> String {
    format!("{}T00:00:00Z", site.meetings[i].date)
}

fn element(x: &mut String, indent: &str, name: &str, text: &str) {
    x.push_str(indent);
    x.push('<');
    x.push_str(name);
    x.push('>');
    escape_into(text, x);
    x.push_str("</");
    x.push_str(name);
    x.push_str(">\n");
}

fn link(x: &mut String, indent: &str, rel: &str, href: &str) {
    x.push_str(indent);
    x.push_str("<link rel=\"");
    x.push_str(rel);
    x.push_str("\" href=\"");
    escape_into(href, x);
    x.push_str("\"/>\n");
}
