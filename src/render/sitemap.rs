//! `sitemap.xml`: every public HTML page by absolute URL (not the 404 page).

use crate::render::text::escape_into;

/// A sitemap of `pages` (paths relative to the base, "" for the front page) under `base_url`.
pub fn sitemap(base_url: &str, pages: &[(String, Option<String>)]) -> String {
    let mut x = String::with_capacity(128 + pages.len() * 96);
    x.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in pages {
        x.push_str("  <url><loc>");
        escape_into(base_url, &mut x);
        escape_into(path, &mut x);
        x.push_str("</loc>");
        if let Some(d) = lastmod {
            x.push_str("<lastmod>");
            escape_into(d, &mut x);
            x.push_str("</lastmod>");
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}
