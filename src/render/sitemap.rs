//! `sitemap.xml`: every public HTML page by absolute URL (not the 404 page). Past the protocol's
//! 50,000 URLs a file, `sitemap.xml` is a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, …

use crate::render::text::escape_into;

/// URLs a sitemap file may list (sitemaps.org); search engines reject a longer file whole.
pub const MAX_URLS: usize = 50_000;

/// The sitemap files of `pages` (paths relative to the base, "" for the front page) under
/// `base_url`: (file name, content), `sitemap.xml` first.
pub fn sitemaps(base_url: &str, pages: &[(String, Option<String>)], max_urls: usize) -> Vec<(String, String)> {
    if pages.len() <= max_urls {
        return vec![("sitemap.xml".to_string(), sitemap(base_url, pages))];
    }
    let parts: Vec<(String, String)> = pages
        .chunks(max_urls)
        .enumerate()
        .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), sitemap(base_url, chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (file, _) in &parts {
        index.push_str("  <sitemap><loc>");
        escape_into(base_url, &mut index);
        index.push_str(file);
        index.push_str("</loc></sitemap>\n");
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_string(), index)).chain(parts).collect()
}

/// One sitemap file of `pages` under `base_url`.
fn sitemap(base_url: &str, pages: &[(String, Option<String>)]) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(n: usize) -> Vec<(String, Option<String>)> {
        (0..n).map(|i| (format!("p{i}/"), None)).collect()
    }

    #[test]
    fn a_small_site_has_one_sitemap() {
        let files = sitemaps("https://x.dk/r/", &pages(3), 3);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert_eq!(files[0].1.matches("<url>").count(), 3);
    }

    /// Regression: 11,000 meetings gave one sitemap of 51,434 URLs, over the protocol's limit, so
    /// search engines rejected it whole.
    #[test]
    fn past_the_limit_sitemap_xml_is_an_index_of_files_within_it() {
        let files = sitemaps("https://x.dk/r/", &pages(7), 3);
        let names: Vec<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0].1.contains("<loc>https://x.dk/r/sitemap-3.xml</loc>"));
        let urls: Vec<usize> = files[1..].iter().map(|(_, x)| x.matches("<url>").count()).collect();
        assert_eq!(urls, [3, 3, 1]);
        assert!(files[3].1.contains("<loc>https://x.dk/r/p6/</loc>"));
    }
}
