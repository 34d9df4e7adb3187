//! Typed, borrowed views that the templates receive (never hand-built maps), and the per-item HTML
//! rendered once from the minutes' text and shared by the meeting page, the case pages and feeds.
//!
//! Closed items have no view of their content: only number, "Lukket punkt" and case number.

use crate::link::{Body, ItemRef, Site};
use crate::model::{AgendaItem, Block, Decision, Meeting, SectionKind, Table};
use crate::render::danish;
use crate::render::markup;
use crate::render::text::{inline, linkify, Links};
use serde::Serialize;

/// The title every closed item gets, whatever the minutes called it.
pub const CLOSED_TITLE: &str = "Lukket punkt";

/// Site settings every page receives as `site`.
#[derive(Serialize)]
pub struct SiteInfo<'a> {
    pub title: &'a str,
    pub municipality: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
}

/// The published text of one open item on its meeting page, rendered to safe HTML and shown with `safe`.
#[derive(Serialize, Default)]
pub struct ItemHtml {
    /// The item's sections in document order without the "Bilag" sections (attachments are listed
    /// once), then any decisions not already shown as a section.
    pub body: String,
}

#[derive(Serialize)]
pub struct SectionHtml {
    pub heading: String,
    pub kind: SectionKind,
    pub decision: bool,
    pub blocks: Vec<BlockHtml>,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BlockHtml {
    Paragraph {
        html: String,
    },
    Subheading {
        html: String,
    },
    List {
        ordered: bool,
        start: u32,
        items: Vec<String>,
    },
    Table {
        caption: Option<String>,
        /// Page-unique id ("punkt-3-tabel-1") naming the table by its caption.
        id: String,
        /// The name a table without caption is announced by ("Tabel 1 i punkt 3"): a page may
        /// have several, and screen reader users list regions by name.
        label: String,
        head: Vec<Vec<CellHtml>>,
        rows: Vec<Vec<CellHtml>>,
    },
}

#[derive(Serialize)]
pub struct CellHtml {
    pub html: String,
    pub strong: bool,
    /// A number ("1.797.600", "-12,5 %"), set right so columns of figures line up.
    pub num: bool,
}

#[derive(Serialize)]
pub struct DecisionHtml {
    /// "Beslutning i Direktionen den 20-11-2012", with the date linked if that meeting exists.
    pub heading: String,
    pub blocks: Vec<BlockHtml>,
}

impl ItemHtml {
    pub fn new(item: &AgendaItem, links: &Links) -> ItemHtml {
        if item.closed {
            return ItemHtml::default();
        }
        let mut tables = TableIds { item: item.number, count: 0 };
        let mut body = String::with_capacity(4096);
        let mut shown_as_section = false;
        for s in item.sections.iter().filter(|s| s.kind != SectionKind::Attachments) {
            let section = SectionHtml {
                heading: inline(&s.heading, links),
                kind: s.kind,
                decision: s.kind == SectionKind::Decision,
                blocks: s.blocks.iter().map(|b| block_html(b, links, &mut tables)).collect(),
            };
            shown_as_section |= section.decision;
            markup::section(&section, &mut body);
        }
        body.push_str("\n  ");
        if !shown_as_section {
            for d in &item.decisions {
                markup::decision(&decision_html(d, links), 3, &mut body);
            }
        }
        ItemHtml { body }
    }
}

/// The decisions of an open item as the case page's timeline shows them; empty for a closed item.
/// Needs only what [`crate::model::Meeting::light`] keeps.
pub fn decisions_html(item: &AgendaItem, links: &Links) -> String {
    let mut html = String::new();
    if !item.closed {
        for d in &item.decisions {
            markup::decision(&decision_html(d, links), 4, &mut html);
        }
    }
    html
}

/// Tables seen so far in an item, for page-unique table ids.
struct TableIds {
    item: u32,
    count: usize,
}

fn block_html(block: &Block, links: &Links, tables: &mut TableIds) -> BlockHtml {
    match block {
        Block::Paragraph { text } => BlockHtml::Paragraph { html: inline(text, links) },
        Block::Subheading { text } => BlockHtml::Subheading { html: inline(text, links) },
        Block::List { ordered, start, items } => BlockHtml::List {
            ordered: *ordered,
            start: *start,
            items: items.iter().map(|t| inline(t, links)).collect(),
        },
        Block::Table(t) => {
            tables.count += 1;
            let id = format!("punkt-{}-tabel-{}", tables.item, tables.count);
            table_html(t, links, id, format!("Tabel {} i punkt {}", tables.count, tables.item))
        }
    }
}

/// Rows are padded to the widest row (PDF exports break rows unevenly) and empty rows dropped,
/// so every table is a valid, rectangular HTML table.
fn table_html(t: &Table, links: &Links, id: String, label: String) -> BlockHtml {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let row = |r: &Vec<crate::model::Cell>| -> Vec<CellHtml> {
        let mut cells: Vec<CellHtml> = r
            .iter()
            .map(|c| CellHtml {
                html: inline(&c.text, links),
                strong: c.strong,
                num: crate::parse::tables::is_figure(&c.text),
            })
            .collect();
        cells.resize_with(width, || CellHtml { html: String::new(), strong: false, num: false });
        cells
    };
    let split = t.header_rows.min(t.rows.len());
    let keep = |r: &&Vec<crate::model::Cell>| !r.is_empty();
    let rows: Vec<Vec<CellHtml>> = t.rows[split..].iter().filter(keep).map(row).collect();
    // A header over a column of figures is set right with them.
    let figures = |col: usize| {
        let mut filled = rows.iter().map(|r| &r[col]).filter(|c| !c.html.is_empty()).peekable();
        filled.peek().is_some() && filled.all(|c| c.num)
    };
    let mut head: Vec<Vec<CellHtml>> = t.rows[..split].iter().filter(keep).map(row).collect();
    for r in &mut head {
        for (col, cell) in r.iter_mut().enumerate() {
            cell.num = figures(col);
        }
    }
    BlockHtml::Table { caption: t.caption.as_deref().map(|c| inline(c, links)), id, label, head, rows }
}

fn decision_html(d: &Decision, links: &Links) -> DecisionHtml {
    let heading_text = format!("Beslutning i {} den {}", d.body, dd_mm_yyyy(d.date));
    DecisionHtml { heading: inline(&heading_text, links), blocks: decision_blocks(&d.text, links) }
}

/// "20-11-2012", as chrono's "%d-%m-%Y" writes it, without parsing that format on every call.
fn dd_mm_yyyy(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match date.year() {
        0..=9999 => format!("{:02}-{:02}-{:04}", date.day(), date.month(), date.year()),
        _ => date.format("%d-%m-%Y").to_string(),
    }
}

/// Decision text is plain text (not markup) with blank lines between paragraphs; a paragraph
/// whose every line starts with "- " (or "1. ", "2. " …) is a list.
fn decision_blocks(text: &str, links: &Links) -> Vec<BlockHtml> {
    let normalized: std::borrow::Cow<str> =
        if text.contains('\r') { text.replace("\r\n", "\n").into() } else { text.into() };
    normalized
        .split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .map(|p| plain_block(p, links))
        .collect()
}

fn plain_block(p: &str, links: &Links) -> BlockHtml {
    let plain = |t: &str| {
        let mut html = String::new();
        linkify(t.trim(), links, &mut html);
        html
    };
    if let Some(items) = p.lines().map(bullet).collect::<Option<Vec<&str>>>() {
        return BlockHtml::List { ordered: false, start: 1, items: items.into_iter().map(plain).collect() };
    }
    if let Some(items) = p.lines().map(numbered).collect::<Option<Vec<(u32, &str)>>>() {
        let start = items.first().map_or(1, |(n, _)| *n);
        return BlockHtml::List { ordered: true, start, items: items.into_iter().map(|(_, t)| plain(t)).collect() };
    }
    BlockHtml::Paragraph { html: p.lines().map(plain).collect::<Vec<_>>().join("<br>\n") }
}

fn bullet(line: &str) -> Option<&str> {
    let l = line.trim_start();
    l.strip_prefix("- ").or_else(|| l.strip_prefix("• "))
}

fn numbered(line: &str) -> Option<(u32, &str)> {
    let l = line.trim_start();
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    let number = l[..digits].parse().ok()?;
    Some((number, l[digits..].strip_prefix(". ")?))
}

/// A case number shown on a page, linking to its case page.
#[derive(Serialize)]
pub struct CaseLink<'a> {
    pub text: &'a str,
    pub url: String,
}

impl<'a> CaseLink<'a> {
    pub fn new(item: &'a AgendaItem, base: &str) -> Option<CaseLink<'a>> {
        item.case.as_ref().map(|c| CaseLink { text: c.as_written(), url: format!("{base}{}", Site::case_path(c)) })
    }
}

/// A link to one agenda item on its meeting page.
#[derive(Serialize)]
pub struct ItemLink<'a> {
    pub url: String,
    pub meeting_url: &'a str,
    pub body: &'a str,
    pub date: &'a str,
    pub date_text: &'a str,
    pub number: u32,
    pub title: &'a str,
    pub closed: bool,
}

/// The strings of a meeting that every link to one of its items repeats (its URL and dates),
/// made once per render instead of for each of the ~10 links per item.
pub struct MeetingStrings {
    pub url: String,
    pub date: String,
    pub date_text: String,
}

/// [`MeetingStrings`] of every meeting, by index.
pub fn meeting_strings(site: &Site, base: &str) -> Vec<MeetingStrings> {
    (0..site.meetings.len())
        .map(|i| {
            let date = site.meetings[i].date;
            MeetingStrings {
                url: format!("{base}{}", site.meeting_path(i)),
                date: date.to_string(),
                date_text: danish::date(date),
            }
        })
        .collect()
}

impl<'a> ItemLink<'a> {
    pub fn new(site: &'a Site, strings: &'a [MeetingStrings], r: ItemRef) -> ItemLink<'a> {
        let m = &site.meetings[r.meeting];
        let item = &m.items[r.item];
        let ms = &strings[r.meeting];
        // The same as `site.item_path(r)` under the base, without format!'s machinery: a case
        // page and every meeting page that shares a case make several of these.
        let mut url = String::with_capacity(ms.url.len() + 16);
        url.push_str(&ms.url);
        url.push_str("#punkt-");
        url.push_str(&item.number.to_string());
        ItemLink {
            url,
            meeting_url: &ms.url,
            body: &m.body,
            date: &ms.date,
            date_text: &ms.date_text,
            number: item.number,
            title: item_title(item),
            closed: item.closed,
        }
    }
}

pub fn item_title(item: &AgendaItem) -> &str {
    if item.closed {
        CLOSED_TITLE
    } else {
        &item.title
    }
}

/// One agenda item on the meeting page. Flat, because the template looks up every field of every
/// item, and each level of a dotted name costs Tera another search (with string copies).
#[derive(Serialize)]
pub struct ItemView<'a> {
    pub number: u32,
    pub anchor: String,
    pub title: &'a str,
    pub closed: bool,
    /// The case number as written, if the item has one.
    pub case_text: Option<&'a str>,
    /// The case's page, if the item has a case number.
    pub case_url: Option<String>,
    /// The item's text as safe HTML ([`ItemHtml::body`]); None for closed items.
    pub html: Option<&'a str>,
    pub attachments: &'a [String],
    /// Other items with the same case number nearest in time ("Sagen er også behandlet på"), each
    /// a link as safe HTML written by [`markup::item_link`].
    pub also: Vec<String>,
    /// Whether other items carry the case beyond those in `also`: the case page shows them all.
    pub also_more: bool,
    /// How many other items carry the case in all.
    pub also_total: usize,
}

/// How many items before and after an item its "Sagen er også behandlet på" list shows.
pub const ALSO_AROUND: usize = 5;

/// A meeting in lists (front page, body page, prev/next links).
#[derive(Serialize)]
pub struct MeetingLink<'a> {
    pub url: String,
    pub body: &'a str,
    pub title: String,
    pub date: String,
    pub date_text: String,
    pub when: String,
    pub year: i32,
    pub items: usize,
}

impl<'a> MeetingLink<'a> {
    pub fn new(site: &'a Site, base: &str, i: usize) -> MeetingLink<'a> {
        let m = &site.meetings[i];
        MeetingLink {
            url: format!("{base}{}", site.meeting_path(i)),
            body: &m.body,
            title: meeting_title(m),
            date: m.date.to_string(),
            date_text: danish::date(m.date),
            when: danish::when(m.date, m.start),
            year: chrono::Datelike::year(&m.date),
            items: m.items.len(),
        }
    }
}

pub fn meeting_title(m: &Meeting) -> String {
    format!("{} {}", m.body, danish::date(m.date))
}

/// The meeting page.
#[derive(Serialize)]
pub struct MeetingView<'a> {
    pub title: String,
    pub body: &'a str,
    pub body_url: String,
    pub date: String,
    pub when: String,
    pub location: Option<&'a str>,
    /// The participants, each as "Name (role)".
    pub participants: Vec<String>,
    /// Members who sent apologies ("Afbud"), as `participants`.
    pub absent: Vec<String>,
    pub items: Vec<ItemView<'a>>,
    pub data_url: String,
    pub previous: Option<MeetingLink<'a>>,
    pub next: Option<MeetingLink<'a>>,
}

impl<'a> MeetingView<'a> {
    pub fn new(
        site: &'a Site,
        base: &str,
        strings: &'a [MeetingStrings],
        i: usize,
        html: &'a [ItemHtml],
    ) -> MeetingView<'a> {
        let m = &site.meetings[i];
        let body = site.body_of(i);
        let (previous, next) = body.map_or((None, None), |b| neighbours(b, i));
        let items = m
            .items
            .iter()
            .enumerate()
            .map(|(ii, item)| {
                let r = ItemRef { meeting: i, item: ii };
                let (also, also_total) =
                    if item.closed { (Vec::new(), 0) } else { site.same_case_near(r, ALSO_AROUND) };
                let case = CaseLink::new(item, base);
                ItemView {
                    number: item.number,
                    anchor: Site::item_anchor(item.number),
                    title: item_title(item),
                    closed: item.closed,
                    case_text: case.as_ref().map(|c| c.text),
                    case_url: case.map(|c| c.url),
                    html: if item.closed { None } else { html.get(ii).map(|h| h.body.as_str()) },
                    attachments: if item.closed { &[] } else { &item.attachments },
                    also_more: also_total > also.len(),
                    also: also.into_iter().map(|o| markup::item_link(&ItemLink::new(site, strings, o))).collect(),
                    also_total,
                }
            })
            .collect();
        MeetingView {
            title: meeting_title(m),
            body: &m.body,
            body_url: body.map_or_else(|| base.to_string(), |b| format!("{base}{}", site.body_path(b))),
            date: m.date.to_string(),
            when: danish::when_until(m.date, m.start, m.end),
            location: m.location.as_deref(),
            participants: m.participants.iter().map(participant).collect(),
            absent: m.absent.iter().map(participant).collect(),
            items,
            data_url: format!("{base}{}", data_path(site, i)),
            previous: previous.map(|p| MeetingLink::new(site, base, p)),
            next: next.map(|n| MeetingLink::new(site, base, n)),
        }
    }
}

/// "Name (party, role)", "Name (role)", or the name alone; the template escapes it.
fn participant(p: &crate::model::Participant) -> String {
    match p.bracket() {
        Some(said) => format!("{} ({said})", p.name),
        None => p.name.clone(),
    }
}

/// The body's meetings just before and after meeting `i`.
fn neighbours(body: &Body, i: usize) -> (Option<usize>, Option<usize>) {
    let pos = body.meetings.iter().position(|&m| m == i);
    match pos {
        Some(p) => (p.checked_sub(1).map(|q| body.meetings[q]), body.meetings.get(p + 1).copied()),
        None => (None, None),
    }
}

/// The open-data file of meeting `i`, relative to the base: "data/direktionen/2017-03-20.json".
pub fn data_path(site: &Site, i: usize) -> String {
    format!("data/{}.json", site.meeting_path(i).trim_end_matches('/'))
}

/// One step of a case's timeline.
#[derive(Serialize)]
pub struct CaseEntry<'a> {
    #[serde(flatten)]
    pub item: ItemLink<'a>,
    pub body_url: String,
    /// The entry's heading as safe HTML, written by [`markup::case_entry`]: the meeting's date,
    /// body, the item's number and title. One field instead of five for the template's heading.
    pub heading: String,
    /// The decisions' HTML (empty for closed items).
    pub decisions: String,
}

/// The case page.
#[derive(Serialize)]
pub struct CaseView<'a> {
    pub case: &'a str,
    /// The newest open item's title, if any item is open.
    pub title: Option<&'a str>,
    pub entries: Vec<CaseEntry<'a>>,
    /// The meetings that treated it: a meeting may treat a case under two items (a case and its
    /// supplement), and "behandlet 3 gange" of one meeting's three items misled.
    pub meetings: usize,
}

impl<'a> CaseView<'a> {
    pub fn new(
        site: &'a Site,
        base: &str,
        case: &'a crate::case::CaseNumber,
        refs: &[ItemRef],
        strings: &'a [MeetingStrings],
    ) -> CaseView<'a> {
        let entries = refs
            .iter()
            .map(|&r| {
                let m = &site.meetings[r.meeting];
                let item = &m.items[r.item];
                let links = Links { site, base, current: Some(r.meeting) };
                let decisions = decisions_html(item, &links);
                let body_url =
                    site.body_of(r.meeting).map_or_else(String::new, |b| format!("{base}{}", site.body_path(b)));
                let item = ItemLink::new(site, strings, r);
                CaseEntry { heading: markup::case_entry(&item), item, body_url, decisions }
            })
            .collect();
        let title = refs.iter().rev().map(|r| &site.meetings[r.meeting].items[r.item]).find(|i| !i.closed);
        let mut meetings: Vec<usize> = refs.iter().map(|r| r.meeting).collect();
        meetings.sort_unstable();
        meetings.dedup();
        CaseView { case: case.as_written(), title: title.map(|i| i.title.as_str()), entries, meetings: meetings.len() }
    }
}

/// The examples the search page offers under its box, taken from this site's minutes so that each
/// finds something: a word of a recurring case's newest open title, that case's number and the
/// newest meeting's date (as a query writes it). Fixed examples from the seed minutes found
/// nothing on another municipality's site.
#[derive(Serialize)]
pub struct SearchExamples {
    pub word: String,
    pub case: Option<String>,
    pub date: Option<String>,
}

impl SearchExamples {
    pub fn new(site: &Site) -> SearchExamples {
        fn items<'a>(
            site: &'a Site,
            refs: &'a [ItemRef],
        ) -> impl DoubleEndedIterator<Item = (&'a ItemRef, &'a AgendaItem)> {
            refs.iter().map(move |r| (r, &site.meetings[r.meeting].items[r.item]))
        }
        // Cases by how many open items they have, then by the date of the last: the first whose
        // open titles have a word that says what it is about.
        let mut cases: Vec<_> = site
            .cases
            .iter()
            .filter_map(|(case, refs)| {
                let (last, _) = items(site, refs).rev().find(|(_, i)| !i.closed)?;
                let count = items(site, refs).filter(|(_, i)| !i.closed).count();
                Some((count, site.meetings[last.meeting].date, case, refs))
            })
            .collect();
        cases.sort_by_key(|c| std::cmp::Reverse((c.0, c.1)));
        let found = cases.iter().find_map(|&(.., case, refs)| {
            let titles = items(site, refs).filter(|(_, i)| !i.closed).map(|(_, i)| i.title.as_str());
            Some((case, titles.filter_map(example_word).max_by_key(|w| w.chars().count())?))
        });
        let newest = site.meetings.iter().map(|m| m.date).max();
        SearchExamples {
            word: found.as_ref().map_or_else(|| "lokalplan".to_string(), |(_, w)| w.clone()),
            case: found.map(|(case, _)| case.as_written().to_string()),
            date: newest.map(|d| d.format("%d-%m-%Y").to_string()),
        }
    }
}

/// The longest word of a title, of five letters or more, if it is not one that every agenda has
/// ("Eventuelt", "Orientering", "Meddelelser").
fn example_word(title: &str) -> Option<String> {
    const EVERY_AGENDA: [&str; 8] =
        ["eventuelt", "orientering", "orienteringer", "meddelelser", "godkendelse", "dagsorden", "referat", "punkter"];
    let words = title.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase);
    words.filter(|w| w.chars().count() >= 5 && !EVERY_AGENDA.contains(&w.as_str())).max_by_key(|w| w.chars().count())
}

/// A row of the case index.
#[derive(Serialize)]
pub struct CaseSummary<'a> {
    pub case: &'a str,
    pub url: String,
    pub title: &'a str,
    pub count: usize,
    pub last_date: String,
    pub last_date_text: String,
}

impl<'a> CaseSummary<'a> {
    pub fn new(site: &'a Site, base: &str, case: &'a crate::case::CaseNumber, refs: &[ItemRef]) -> CaseSummary<'a> {
        let title = refs.iter().rev().map(|r| &site.meetings[r.meeting].items[r.item]).find(|i| !i.closed);
        let last = refs.last().map(|r| site.meetings[r.meeting].date);
        CaseSummary {
            case: case.as_written(),
            url: format!("{base}{}", Site::case_path(case)),
            title: title.map_or(CLOSED_TITLE, |i| i.title.as_str()),
            count: refs.len(),
            last_date: last.map(|d| d.to_string()).unwrap_or_default(),
            last_date_text: last.map(danish::date).unwrap_or_default(),
        }
    }
}

/// The case index page of one year, relative to the base: "sager/2017/". Case pages are
/// "sager/<slug>.html", so the two never meet.
pub fn case_year_path(year: i32) -> String {
    format!("sager/{year}/")
}

/// A year on the case index, with how many cases were handled in it.
#[derive(Serialize)]
pub struct CaseYearLink {
    pub year: i32,
    pub url: String,
    pub count: usize,
}

impl CaseYearLink {
    pub fn new(base: &str, year: i32, count: usize) -> CaseYearLink {
        CaseYearLink { year, url: format!("{base}{}", case_year_path(year)), count }
    }
}

/// A body with its meetings grouped by year, newest first.
#[derive(Serialize)]
pub struct BodyView<'a> {
    pub name: &'a str,
    pub url: String,
    pub feed_url: String,
    pub count: usize,
    pub years: Vec<YearView<'a>>,
}

#[derive(Serialize)]
pub struct YearView<'a> {
    pub year: i32,
    pub meetings: Vec<MeetingLink<'a>>,
}

impl<'a> BodyView<'a> {
    pub fn new(site: &'a Site, base: &str, body: &'a Body) -> BodyView<'a> {
        let mut years: Vec<YearView> = Vec::new();
        for &i in body.meetings.iter().rev() {
            let link = MeetingLink::new(site, base, i);
            match years.last_mut() {
                Some(y) if y.year == link.year => y.meetings.push(link),
                _ => years.push(YearView { year: link.year, meetings: vec![link] }),
            }
        }
        BodyView {
            name: &body.name,
            url: format!("{base}{}", site.body_path(body)),
            feed_url: format!("{base}{}feed.xml", site.body_path(body)),
            count: body.meetings.len(),
            years,
        }
    }
}

/// A body on the front page: its latest meetings.
#[derive(Serialize)]
pub struct BodySummary<'a> {
    pub name: &'a str,
    pub url: String,
    pub feed_url: String,
    pub count: usize,
    pub latest: Vec<MeetingLink<'a>>,
}

/// How many meetings per body the front page lists.
pub const LATEST_PER_BODY: usize = 5;

impl<'a> BodySummary<'a> {
    pub fn new(site: &'a Site, base: &str, body: &'a Body) -> BodySummary<'a> {
        BodySummary {
            name: &body.name,
            url: format!("{base}{}", site.body_path(body)),
            feed_url: format!("{base}{}feed.xml", site.body_path(body)),
            count: body.meetings.len(),
            latest: body
                .meetings
                .iter()
                .rev()
                .take(LATEST_PER_BODY)
                .map(|&i| MeetingLink::new(site, base, i))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn decision_text_is_plain_text_with_lists() {
        let site = Site::new(Config::default(), Vec::new());
        let links = Links { site: &site, base: "/", current: None };
        let blocks = decision_blocks("Godkendt med *bemærkninger*:\n\n- styregruppen <b>skal</b>\n- status\n\n1. én\n2. to\n\nPer Aalbæk.\nStatus.", &links);
        let html = serde_json::to_string(&blocks).unwrap();
        assert_eq!(
            html,
            r#"[{"type":"paragraph","html":"Godkendt med *bemærkninger*:"},{"type":"list","ordered":false,"start":1,"items":["styregruppen &lt;b&gt;skal&lt;/b&gt;","status"]},{"type":"list","ordered":true,"start":1,"items":["én","to"]},{"type":"paragraph","html":"Per Aalbæk.<br>\nStatus."}]"#
        );
    }
}
