//! The whole site as one linked model: meetings by body and date, agenda items by case number.
//!
//! OWNER: site work (issue 3).

use crate::case::CaseNumber;
use crate::config::Config;
use crate::model::Meeting;
use std::collections::BTreeMap;

/// Owner of all parsed meetings and the cross-references between them.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by (body, date, source).
    pub meetings: Vec<Meeting>,
    /// Every agenda item that carries a case number, by case, in date order.
    pub cases: BTreeMap<CaseNumber, Vec<ItemRef>>,
}

/// A stable reference to one agenda item: index into `Site::meetings` and into that meeting's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemRef {
    pub meeting: usize,
    pub item: usize,
}

impl Site {
    pub fn new(config: Config, mut meetings: Vec<Meeting>) -> Site {
        meetings.sort_by(|a, b| (&a.body, a.date, &a.source).cmp(&(&b.body, b.date, &b.source)));
        let mut cases: BTreeMap<CaseNumber, Vec<ItemRef>> = BTreeMap::new();
        for (mi, m) in meetings.iter().enumerate() {
            for (ii, item) in m.items.iter().enumerate() {
                if let Some(c) = &item.case {
                    cases.entry(c.clone()).or_default().push(ItemRef { meeting: mi, item: ii });
                }
            }
        }
        for refs in cases.values_mut() {
            refs.sort_by_key(|r| (meetings[r.meeting].date, r.meeting, r.item));
        }
        Site { config, meetings, cases }
    }
}
