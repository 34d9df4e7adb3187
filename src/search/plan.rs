//! The plan of an index build: which meeting's docs get which doc ids, computed from the light
//! data every meeting keeps after linking (body, date, items' closed flags); then the parts made
//! from full meetings, and their merge into the written index. See the contract in [`super`].

use super::docs::Bodies;
use super::exact::case_key;
use super::gather::Gathered;
use super::json::{self, index_dir};
use super::part::{Builder, Part, Place, Rows};
use super::terms::{gather_exact, gather_terms};
use super::text::Analyzer;
use super::IndexStats;
use crate::link::Site;
use crate::model::Meeting;
use chrono::Datelike;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::io;
use std::path::Path;

/// Indexes into `site.meetings` in doc order: date descending, then body (input order last), so
/// doc ids are the order search.js ranks equal scores in (the newest meeting first) and a query's
/// first page lies in the first doc store chunks its hits reach. By the site's grouping of bodies,
/// not the meeting's spelling of the name: a body spelled two ways is one body in the facets.
fn doc_order(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = (0..site.meetings.len()).collect();
    order.sort_by_key(|&i| (Reverse(site.meetings[i].date), site.body_index(i), Reverse(i)));
    order
}

/// Doc order, doc ids, bodies and facet runs of a site's index (see [`super`] for how to use it).
#[derive(Debug, Clone)]
pub struct Plan {
    /// Indexes into `site.meetings`, in doc order.
    order: Vec<usize>,
    /// Position in `order` of each meeting (by index into `site.meetings`).
    position: Vec<usize>,
    /// Doc id of each meeting's own doc, by position, and the doc count at the end.
    first_doc: Vec<u32>,
    /// Body index of each meeting, by position.
    body: Vec<usize>,
    /// The meeting's folder when it is not "<body slug>/<date>/", else "", by position.
    path: Vec<String>,
    bodies: Bodies,
    /// (year, number of consecutive docs) in doc-id order.
    years: Vec<(i32, u32)>,
    /// (body, number of consecutive docs) in doc-id order.
    body_runs: Vec<(usize, u32)>,
    /// Case page slugs by exact key.
    case_pages: HashMap<String, String>,
}

impl Plan {
    /// The plan of `site`; reads no text (sections may already be gone).
    pub fn new(site: &Site) -> Plan {
        let bodies = Bodies {
            names: site.bodies.iter().map(|b| b.name.clone()).collect(),
            slugs: site.bodies.iter().map(|b| b.slug.clone()).collect(),
        };
        let order = doc_order(site);
        let mut plan = Plan {
            position: vec![usize::MAX; site.meetings.len()],
            first_doc: Vec::with_capacity(order.len() + 1),
            body: Vec::with_capacity(order.len()),
            path: Vec::with_capacity(order.len()),
            years: Vec::new(),
            body_runs: Vec::new(),
            case_pages: site.cases.keys().map(|c| (case_key(c), c.slug())).collect(),
            order: Vec::new(),
            bodies,
        };
        let mut next = 0u32;
        for (position, &i) in order.iter().enumerate() {
            let m = &site.meetings[i];
            // By the site's grouping, not the name: a meeting may spell its body otherwise.
            let body = site.body_index(i);
            let docs = 1 + m.open_items().count() as u32;
            plan.position[i] = position;
            plan.first_doc.push(next);
            plan.body.push(body);
            plan.path.push(unusual_path(site, &plan.bodies, i, body));
            extend_run(&mut plan.years, m.date.year(), docs);
            extend_run(&mut plan.body_runs, body, docs);
            next += docs;
        }
        plan.first_doc.push(next);
        plan.order = order;
        plan
    }

    /// Indexes into `site.meetings` in doc order: pass them to [`Plan::part`] in consecutive runs.
    pub fn meeting_order(&self) -> &[usize] {
        &self.order
    }

    /// Analyzes a consecutive run of [`Plan::meeting_order`] (each meeting with its index into
    /// `site.meetings`, in full: sections included).
    ///
    /// A run that is not consecutive in doc order, or a meeting with another number of open items
    /// than the site the plan was made from, is an `InvalidInput` error (a bug in the caller).
    pub fn part(&self, meetings: &[(usize, &Meeting)]) -> io::Result<Part> {
        let mut part = self.part_builder();
        for &(i, m) in meetings {
            part.add(i, m)?;
        }
        Ok(part.finish())
    }

    /// A part made one meeting at a time, as [`Plan::part`] makes it from a slice: for a caller
    /// that holds each meeting's text only briefly (and has it in cache right after using it).
    pub fn part_builder(&self) -> PartBuilder<'_> {
        PartBuilder { plan: self, next: 0, builder: None }
    }

    /// Merges the parts (in any order; together they must cover every meeting once), gathered as
    /// they were made or handed over in a `Vec`, and writes the index below `out` (into `out/soeg/`).
    pub fn finish(self, parts: impl Into<Gathered>, out: &Path) -> io::Result<IndexStats> {
        let Gathered { words, exact, mut rows } = parts.into();
        rows.sort_by_key(|&(first, _, _)| first);
        self.check_cover(&rows)?;
        let terms = gather_terms(&words, &Analyzer::default());
        let exact = gather_exact(&exact);
        let rows = rows.iter().flat_map(|(_, _, r)| (0..r.len()).map(move |i| (r, i))).collect();
        let index = json::Index {
            bodies: &self.bodies,
            years: &self.years,
            body_runs: &self.body_runs,
            terms: &terms,
            exact: &exact,
            case_pages: &self.case_pages,
            rows,
        };
        let written = json::write(&index, &index_dir(out))?;
        Ok(IndexStats {
            documents: index.rows.len(),
            terms: terms.len(),
            shards: written.term_shards + written.exact_shards + written.chunks,
            bytes: written.files.iter().map(|(_, b)| b).sum(),
        })
    }

    /// Parts' (first doc, doc count), sorted, must follow each other without gap or overlap, from
    /// doc 0 to the last.
    fn check_cover(&self, parts: &[(u32, u32, Rows)]) -> io::Result<()> {
        let mut next = 0;
        for &(first, docs, _) in parts {
            if first != next {
                let msg = format!("search parts: docs from {next} expected, a part starts at {first}");
                return Err(io::Error::new(io::ErrorKind::InvalidInput, msg));
            }
            next += docs;
        }
        let total = self.first_doc.last().copied().unwrap_or(0);
        if next != total {
            let msg = format!("search parts cover {next} of {total} docs");
            return Err(io::Error::new(io::ErrorKind::InvalidInput, msg));
        }
        Ok(())
    }
}

/// Extends `runs` (value, consecutive docs) by `docs` docs of `value`.
fn extend_run<T: PartialEq>(runs: &mut Vec<(T, u32)>, value: T, docs: u32) {
    match runs.last_mut() {
        Some((v, n)) if *v == value => *n += docs,
        _ => runs.push((value, docs)),
    }
}

/// Meeting `i`'s folder when it is not the usual "<body slug>/<date>/" (a file named
/// "2017-03-20-b.txt", or a second meeting that day).
fn unusual_path(site: &Site, bodies: &Bodies, i: usize, body: usize) -> String {
    let path = site.meeting_path(i);
    let slug = bodies.slugs.get(body).map_or("", String::as_str);
    let usual = path.strip_prefix(slug).and_then(|rest| rest.strip_prefix('/')).and_then(|rest| rest.strip_suffix('/'));
    match usual {
        Some(date) if date == super::exact::iso_date(site.meetings[i].date) => String::new(),
        _ => path.to_string(),
    }
}

/// A part being made from consecutive meetings in doc order; see [`Plan::part_builder`].
pub struct PartBuilder<'p> {
    plan: &'p Plan,
    /// Position in the doc order of the next meeting.
    next: usize,
    builder: Option<Builder>,
}

impl PartBuilder<'_> {
    /// Adds meeting `i` (in full), which must follow the previous one in doc order.
    pub fn add(&mut self, i: usize, m: &Meeting) -> io::Result<()> {
        let plan = self.plan;
        let invalid = |msg: String| io::Error::new(io::ErrorKind::InvalidInput, msg);
        let builder = match &mut self.builder {
            Some(b) => b,
            None => {
                let start = plan.position.get(i).copied().filter(|&p| p != usize::MAX);
                self.next = start.ok_or_else(|| invalid(format!("search part: no meeting {i}")))?;
                self.builder.insert(Builder::new(plan.first_doc[self.next]))
            }
        };
        let position = self.next;
        if plan.order.get(position) != Some(&i) {
            return Err(invalid(format!("search part: meeting {i} out of doc order")));
        }
        builder.meeting(m, &Place { body: plan.body[position], path: &plan.path[position] });
        if builder.docs().end != plan.first_doc[position + 1] {
            return Err(invalid(format!("search part: meeting {i} differs from the plan")));
        }
        self.next += 1;
        Ok(())
    }

    pub fn finish(self) -> Part {
        self.builder.map_or_else(Part::default, Builder::finish)
    }
}
