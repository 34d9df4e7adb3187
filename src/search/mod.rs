//! The static search index: tokenizing, Danish stemming and folding, sharded JSON output.
//!
//! OWNER: search work (issue 4). A query in the browser downloads the manifest, the term shards
//! for its words (or the exact shard for a case number or date) and the doc store chunks of the
//! results it shows; see [`json`] for the file layout and `templates/static/search.js` for the reader.
//!
//! # Building the index in parts (the streaming contract)
//!
//! The index can be built without every meeting's text in memory at once:
//!
//! 1. [`Plan::new`]`(&site)` after linking. It reads only what every meeting keeps for the whole
//!    build (body, date, items' number, title, case, closed flag, decisions), never the sections,
//!    and fixes the doc order: date descending (the order equal scores rank in), then body, each
//!    meeting's own doc before its open items. Doc ids, facet runs and unusual meeting folders follow from it.
//! 2. [`Plan::meeting_order`] lists indexes into `site.meetings` in that order. Cut it into
//!    consecutive runs of any length (one meeting, a hundred, all) and call [`Plan::part`] with
//!    each run's *full* meetings, `&[(index, &Meeting)]`, from any thread (`&Plan` is `Sync`). A
//!    [`Part`] owns everything it needs (words and exact keys with their docs, result rows with
//!    snippets) and is `Send`; the meetings can be dropped once it is made. Closed items give nothing.
//! 3. Absorb the parts into a [`Gathered`] as they are made (it collects from a parallel iterator
//!    of parts, each thread into its own table of the site's distinct words, or call
//!    [`Gathered::absorb`]), so only the site's words and postings are held, not every part's word
//!    table. Parts may arrive in any order.
//! 4. [`Plan::finish`]`(gathered, out)` (or with a `Vec` of parts): it stems each distinct word of
//!    the site once, merges, and writes `out/soeg/`. The output does not depend on how the
//!    meetings were cut into parts. Parts that leave a gap or overlap are an `InvalidInput` error.
//!
//! [`write_index`] does all of it over `site.meetings` for callers that hold the full site.

pub mod docs;
pub mod encode;
pub mod exact;
pub mod gather;
pub mod index;
pub mod intern;
pub mod json;
pub mod part;
pub mod plan;
pub mod terms;
pub mod text;

pub use gather::Gathered;
pub use part::Part;
pub use plan::Plan;

use crate::link::Site;
use crate::model::Meeting;
use rayon::prelude::*;
use std::path::Path;

/// Meetings per part in [`write_index`]: enough that a part's word table amortizes, few enough
/// that both cores stay busy to the end.
const PART_MEETINGS: usize = 64;

#[derive(Debug, Default, Clone)]
pub struct IndexStats {
    pub documents: usize,
    pub terms: usize,
    pub shards: usize,
    pub bytes: u64,
}

/// Writes the search index for `site` (whose meetings are complete) below `out` (into `out/soeg/`).
pub fn write_index(site: &Site, out: &Path) -> std::io::Result<IndexStats> {
    let plan = Plan::new(site);
    let parts: Gathered = plan
        .meeting_order()
        .par_chunks(PART_MEETINGS)
        .map(|run| {
            let meetings: Vec<(usize, &Meeting)> = run.iter().map(|&i| (i, &site.meetings[i])).collect();
            plan.part(&meetings)
        })
        .collect::<std::io::Result<_>>()?;
    plan.finish(parts, out)
}
