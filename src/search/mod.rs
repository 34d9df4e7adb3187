//! The static search index: tokenizing, Danish stemming and folding, sharded JSON output.
//!
//! OWNER: search work (issue 4). A query in the browser downloads the manifest, the term shards
//! for its words (or the exact shard for a case number or date) and the doc store chunks of the
//! results it shows; see [`json`] for the file layout and `templates/static/search.js` for the reader.

pub mod docs;
pub mod encode;
pub mod exact;
pub mod index;
pub mod json;
pub mod terms;
pub mod text;

use crate::link::Site;
use std::path::Path;

#[derive(Debug, Default, Clone)]
pub struct IndexStats {
    pub documents: usize,
    pub terms: usize,
    pub shards: usize,
    pub bytes: u64,
}

/// Writes the search index for `site` below `out` (into `out/soeg/`).
pub fn write_index(site: &Site, out: &Path) -> std::io::Result<IndexStats> {
    let index = index::build(site);
    let written = json::write(&index, &json::index_dir(out))?;
    Ok(IndexStats {
        documents: index.records.len(),
        terms: index.terms.len(),
        shards: written.term_shards + written.exact_shards + written.chunks,
        bytes: written.files.iter().map(|(_, b)| b).sum(),
    })
}
