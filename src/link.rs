//! The whole site as one linked model: meetings by body and date, agenda items by case number,
//! and the stable URL of every page (relative to the base path, so the site works under a sub-path).
//!
//! OWNER: site work (issue 3).

use crate::case::CaseNumber;
use crate::config::Config;
use crate::model::Meeting;
use crate::search::text::fold;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// Owner of all parsed meetings and the cross-references between them.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by (body, date, source).
    pub meetings: Vec<Meeting>,
    /// Every agenda item that carries a case number, by case, in date order.
    pub cases: BTreeMap<CaseNumber, Vec<ItemRef>>,
    /// The bodies, sorted by name, each with its meetings (indexes into `meetings`, in date order).
    pub bodies: Vec<Body>,
    /// Per meeting (same index as `meetings`): its folder relative to the base, e.g. "direktionen/2017-03-20/".
    paths: Vec<String>,
    /// Per meeting: its body, as an index into `bodies` (a meeting's own spelling of the body's
    /// name may not be the body's name, so the name does not find it).
    body_index: Vec<usize>,
    /// Meetings by date, for linking date mentions ("Udskudt fra direktionsmødet 13-03-2017").
    by_date: HashMap<NaiveDate, Vec<usize>>,
}

/// One body (Direktionen, Byrådet, …) and its meetings.
#[derive(Debug, Clone)]
pub struct Body {
    pub name: String,
    /// URL folder name, e.g. "direktionen".
    pub slug: String,
    pub meetings: Vec<usize>,
}

/// A stable reference to one agenda item: index into `Site::meetings` and into that meeting's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemRef {
    pub meeting: usize,
    pub item: usize,
}

/// How far before a date mention (in bytes) a body's name says whose meeting it is.
const BODY_NAMED_WITHIN: usize = 60;

/// Top-level folders the site itself uses; a body whose slug would clash gets a suffix.
const RESERVED: &[&str] = &["sager", "soeg", "static", "data", "feed", "sitemap", "404"];

impl Site {
    pub fn new(config: Config, mut meetings: Vec<Meeting>) -> Site {
        sort_meetings(&mut meetings, |m| m);
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
        let bodies = group_bodies(&meetings);
        let paths = meeting_paths(&meetings, &bodies);
        let mut body_index = vec![0; meetings.len()];
        for (b, body) in bodies.iter().enumerate() {
            for &i in &body.meetings {
                body_index[i] = b;
            }
        }
        let mut by_date: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
        for (i, m) in meetings.iter().enumerate() {
            by_date.entry(m.date).or_default().push(i);
        }
        Site { config, meetings, cases, bodies, paths, body_index, by_date }
    }

    /// Folder of meeting `i` relative to the base path: "direktionen/2017-03-20/", named after the
    /// meeting's file when the file is named after the meeting's date ("2017-03-20-b.txt" →
    /// "direktionen/2017-03-20-b/"), else after the date; see [`meeting_folders`].
    pub fn meeting_path(&self, i: usize) -> &str {
        &self.paths[i]
    }

    /// The item's anchor on its meeting page: "punkt-3".
    pub fn item_anchor(number: u32) -> String {
        format!("punkt-{number}")
    }

    /// Link to one agenda item relative to the base path: "direktionen/2017-03-20/#punkt-3".
    pub fn item_path(&self, r: ItemRef) -> String {
        let number = self.meetings[r.meeting].items[r.item].number;
        format!("{}#{}", self.meeting_path(r.meeting), Site::item_anchor(number))
    }

    /// A case's page relative to the base path: "sager/16-26813.html". A file, not a folder of its
    /// own: a large site has tens of thousands of cases (73,000 at 20,000 meetings), and a folder
    /// each would cost the build a directory per case and the disk a 4 kB block per case.
    pub fn case_path(case: &CaseNumber) -> String {
        format!("sager/{}.html", case.slug())
    }

    /// The body's index page relative to the base path: "direktionen/".
    pub fn body_path(&self, body: &Body) -> String {
        format!("{}/", body.slug)
    }

    /// The body a meeting belongs to, whichever spelling of its name the meeting has.
    pub fn body_of(&self, meeting: usize) -> Option<&Body> {
        self.bodies.get(*self.body_index.get(meeting)?)
    }

    /// The index into [`Site::bodies`] of the body meeting `i` belongs to.
    pub fn body_index(&self, i: usize) -> usize {
        self.body_index[i]
    }

    /// The meeting a date mention on meeting `from`'s page refers to, `before` being the text right
    /// before the date: the meeting on `date` of a body named there ("Beslutning i Byrådet den
    /// 10-09-2009", whichever spelling of its name); else none if `from` was held that day (the
    /// mention is of its own session: "Beslutning Direktionen den 10-09-2009" on its own page was
    /// linked to another body's meeting that day); else the meeting of `from`'s body on `date`,
    /// else the only meeting of any body on `date`. Never `from` itself.
    pub fn find_meeting(&self, date: NaiveDate, from: Option<usize>, before: &str) -> Option<usize> {
        let on_day = self.by_date.get(&date)?;
        let mut cut = before.len().saturating_sub(BODY_NAMED_WITHIN);
        while !before.is_char_boundary(cut) {
            cut += 1;
        }
        let window = before[cut..].to_lowercase();
        let named_at = |i: usize| {
            let names = [self.meetings[i].body.as_str(), self.bodies[self.body_index[i]].name.as_str()];
            names.iter().filter_map(|n| window.rfind(&n.to_lowercase())).max()
        };
        if let Some((_, i)) = on_day.iter().filter_map(|&i| Some((named_at(i)?, i))).max() {
            return (Some(i) != from).then_some(i);
        }
        if from.is_some_and(|f| on_day.contains(&f)) {
            return None;
        }
        let body = from.map(|f| self.body_index[f]);
        let same_body = on_day.iter().copied().find(|&i| Some(self.body_index[i]) == body);
        same_body.or(if on_day.len() == 1 { Some(on_day[0]) } else { None })
    }

    /// The other items that carry the same case number as `r`, in date order.
    pub fn same_case(&self, r: ItemRef) -> impl Iterator<Item = ItemRef> + '_ {
        self.case_refs(r).iter().copied().filter(move |&o| o != r)
    }

    /// Up to `around` items before and after `r` in its case's timeline (not `r` itself), and how
    /// many other items the case has in all. A standing case ("Økonomiopfølgning") recurs at every
    /// meeting, so listing all of them on every item would grow the site quadratically.
    pub fn same_case_near(&self, r: ItemRef, around: usize) -> (Vec<ItemRef>, usize) {
        let refs = self.case_refs(r);
        let Some(pos) = refs.iter().position(|&o| o == r) else { return (Vec::new(), 0) };
        let from = pos.saturating_sub(around);
        let to = (pos + around + 1).min(refs.len());
        let near = refs[from..to].iter().copied().filter(|&o| o != r).collect();
        (near, refs.len() - 1)
    }

    fn case_refs(&self, r: ItemRef) -> &[ItemRef] {
        let case = self.meetings[r.meeting].items[r.item].case.as_ref();
        case.and_then(|c| self.cases.get(c)).map_or(&[], Vec::as_slice)
    }
}

/// Sorts `list` into the order of [`Site::meetings`] (body, date, source), `meeting` giving each
/// entry's meeting; so that things kept beside the meetings can share their indexes.
pub fn sort_meetings<T>(list: &mut [T], meeting: impl Fn(&T) -> &Meeting) {
    list.sort_by(|a, b| {
        let (a, b) = (meeting(a), meeting(b));
        (&a.body, a.date, &a.source).cmp(&(&b.body, b.date, &b.source))
    });
}

/// URL-safe folder name of a body: "Byrådet" → "byraadet" (æ, ø, å folded as the search folds
/// them, as a Dane writes them without them; `slugify` alone drops the "e" of "ø" and the second
/// "a" of "å"); never empty, never a reserved name
/// (the site's own folders, or a name Windows refuses such as "con", so the site can be copied
/// anywhere), and at most [`MAX_SLUG`] bytes (a whole sentence read as a body's name made a
/// folder name the file system refused, failing the build).
pub fn body_slug(body: &str) -> String {
    let mut s = slug::slugify(fold(body));
    if s.len() > MAX_SLUG {
        let cut = s[..MAX_SLUG].rfind('-').filter(|&i| i > MAX_SLUG / 2).unwrap_or(MAX_SLUG);
        s.truncate(cut);
    }
    if s.is_empty() {
        "moeder".to_string()
    } else if reserved_folder(&s) {
        format!("{s}-moeder")
    } else {
        s
    }
}

/// Longest body slug, in bytes (slugs are ASCII).
const MAX_SLUG: usize = 80;

/// A folder name no body or page of the team's may take: the site's own folders, or a name Windows
/// refuses.
pub fn reserved_folder(slug: &str) -> bool {
    RESERVED.contains(&slug) || windows_reserved(slug)
}

fn windows_reserved(slug: &str) -> bool {
    let numbered =
        |prefix: &str| slug.strip_prefix(prefix).is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit());
    matches!(slug, "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

/// Groups meetings by body slug: bodies whose names slug alike ("Børne- og Skoleudvalget",
/// "Borne- og Skoleudvalget" from a PDF export that lost its letters) share one page, under the
/// name [`display_name`] picks from their spellings.
fn group_bodies(meetings: &[Meeting]) -> Vec<Body> {
    // First by their letters folded to ASCII as `slugify` folds them ("ø" as "o"), then by the
    // folder name of the name each group is headed by, which writes them as Danes do ("ø" as "oe"):
    // "Boerne- og Skoleudvalget" joins "Børne- og Skoleudvalget" there.
    type Group<'a> = (BTreeMap<&'a str, usize>, Vec<usize>);
    let mut by_letters: BTreeMap<String, Group> = BTreeMap::new();
    for (i, m) in meetings.iter().enumerate() {
        let (spellings, list) = by_letters.entry(slug::slugify(&m.body)).or_default();
        *spellings.entry(m.body.as_str()).or_default() += 1;
        list.push(i);
    }
    let mut by_slug: BTreeMap<String, Group> = BTreeMap::new();
    for (spellings, list) in by_letters.into_values() {
        let (all, meetings) = by_slug.entry(body_slug(display_name(&spellings))).or_default();
        spellings.into_iter().for_each(|(name, n)| *all.entry(name).or_default() += n);
        meetings.extend(list);
    }
    let mut bodies: Vec<Body> = by_slug
        .into_iter()
        .map(|(slug, (spellings, mut list))| {
            // By date, then file: the order that numbers same-day meetings, whatever their spelling.
            list.sort_by(|&a, &b| {
                (meetings[a].date, &meetings[a].source).cmp(&(meetings[b].date, &meetings[b].source))
            });
            Body { name: display_name(&spellings).to_string(), slug, meetings: list }
        })
        .collect();
    bodies.sort_by(|a, b| a.name.cmp(&b.name));
    bodies
}

/// The name a body is headed by, among its spellings (each with its number of meetings): the one
/// most meetings use; on a tie the one with more non-ASCII letters (the æ, ø and å that a PDF
/// export may have lost: "Børne- og Skoleudvalget" over "Borne- og Skoleudvalget"); then the first
/// by sort order. Never the first by sort order alone, which put the ASCII spelling first.
fn display_name<'a>(spellings: &BTreeMap<&'a str, usize>) -> &'a str {
    let non_ascii_letters = |name: &str| name.chars().filter(|c| c.is_alphabetic() && !c.is_ascii()).count();
    spellings
        .iter()
        .max_by(|(a, na), (b, nb)| {
            // `max_by` keeps the last of equals: the reversed name makes the first by sort order win.
            (*na, non_ascii_letters(a), std::cmp::Reverse(*a)).cmp(&(*nb, non_ascii_letters(b), std::cmp::Reverse(*b)))
        })
        .map_or("", |(name, _)| name)
}

fn meeting_paths(meetings: &[Meeting], bodies: &[Body]) -> Vec<String> {
    let mut paths = vec![String::new(); meetings.len()];
    for body in bodies {
        let own: Vec<(NaiveDate, &Path)> =
            body.meetings.iter().map(|&i| (meetings[i].date, meetings[i].source.as_path())).collect();
        for (&i, folder) in body.meetings.iter().zip(meeting_folders(&own)) {
            paths[i] = format!("{}/{folder}/", body.slug);
        }
    }
    paths
}

/// The folder names (below the body's folder) of one body's meetings, each given as (date,
/// source file), sorted by date and then file.
///
/// A meeting's address should depend on its own file alone, so that adding or renaming another
/// file never moves it (links, open data, feed entry ids and search results would change meaning):
/// a meeting whose file is named after its date gets the file's name, slugified ("2017-03-20.txt"
/// → "2017-03-20", "2017-03-20-b.txt" → "2017-03-20-b", "2017-03-20 Ekstraordinært.md" →
/// "2017-03-20-ekstraordinaert"). Every other meeting, and any but the first (in file order) of
/// meetings whose files give the same name ("2017-03-20.txt" and "2017-03-20.md"), gets the first
/// free name of its date (or its file's name), then "-2", "-3" …, in file order: such an address
/// moves when a file that sorts before it is added.
pub fn meeting_folders(meetings: &[(NaiveDate, &Path)]) -> Vec<String> {
    let own: Vec<Option<String>> = meetings.iter().map(|&(date, source)| own_folder(date, source)).collect();
    // First every meeting named after its date takes its file's name, the first in file order on
    // a tie; only then do the others number, so that they never take such a name.
    let mut taken: HashSet<&str> = HashSet::new();
    let mut folders: Vec<Option<String>> = vec![None; meetings.len()];
    for (folder, name) in folders.iter_mut().zip(&own) {
        if let Some(name) = name.as_deref().filter(|&name| taken.insert(name)) {
            *folder = Some(name.to_string());
        }
    }
    let mut numbered: HashSet<String> = HashSet::new();
    for (k, folder) in folders.iter_mut().enumerate() {
        if folder.is_some() {
            continue;
        }
        let base = own[k].clone().unwrap_or_else(|| meetings[k].0.format("%Y-%m-%d").to_string());
        let free = |name: &String| !taken.contains(name.as_str()) && !numbered.contains(name);
        let name = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(free)
            .expect("the numbers never run out");
        numbered.insert(name.clone());
        *folder = Some(name);
    }
    folders.into_iter().map(Option::unwrap_or_default).collect()
}

/// The folder name a meeting's file gives it: the file's name (without extension), slugified, when
/// it is the meeting's date "YYYY-MM-DD" or starts with it and a dash (after slugifying: "_", a
/// space or a full stop count), at most [`MAX_SLUG`] bytes.
pub fn own_folder(date: NaiveDate, source: &Path) -> Option<String> {
    let stem = source.file_stem()?.to_str()?;
    let date = date.format("%Y-%m-%d").to_string();
    // Most files of a large site are named otherwise or exactly so: no slugify for them.
    if !stem.starts_with(&date) {
        return None;
    }
    if stem.len() == date.len() {
        return Some(date);
    }
    let mut s = slug::slugify(fold(stem));
    if s.len() > MAX_SLUG {
        let cut = s[..MAX_SLUG].rfind('-').filter(|&i| i >= date.len()).unwrap_or(MAX_SLUG);
        s.truncate(cut);
    }
    // A CPR number in the name is never published: the address is the date's, numbered. The
    // slug is asked too: it writes "241263  1719" or "(241263)1719" as "241263-1719".
    if crate::privacy::masked_name(stem) != stem || crate::privacy::masked_name(&s) != s {
        return None;
    }
    let rest = s.strip_prefix(&date)?;
    (rest.is_empty() || rest.starts_with('-')).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgendaItem;

    fn meeting(body: &str, date: &str, source: &str, cases: &[&str]) -> Meeting {
        Meeting {
            source: source.into(),
            body: body.into(),
            date: date.parse().unwrap(),
            start: None,
            end: None,
            absent: vec![],
            location: None,
            participants: vec![],
            toc: vec![],
            items: cases
                .iter()
                .enumerate()
                .map(|(i, c)| AgendaItem {
                    number: i as u32 + 1,
                    title: format!("Punkt {}", i + 1),
                    case: Some(c.parse().unwrap()),
                    closed: false,
                    line: i + 1,
                    sections: vec![],
                    decisions: vec![],
                    attachments: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn two_meetings_of_one_body_on_one_day_do_not_collide() {
        let site = Site::new(
            Config::default(),
            vec![
                meeting("Direktionen", "2017-03-20", "b.txt", &["16/1"]),
                meeting("Direktionen", "2017-03-20", "a.txt", &["16/1"]),
                meeting("Byrådet", "2017-03-20", "c.txt", &[]),
            ],
        );
        let paths: Vec<&str> = (0..3).map(|i| site.meeting_path(i)).collect();
        assert_eq!(paths, ["byraadet/2017-03-20/", "direktionen/2017-03-20/", "direktionen/2017-03-20-2/"]);
        assert_eq!(site.meetings[1].source.to_str(), Some("a.txt"));
        assert_eq!(site.bodies.iter().map(|b| b.slug.as_str()).collect::<Vec<_>>(), ["byraadet", "direktionen"]);
    }

    fn folders(files: &[(&str, &str)]) -> Vec<String> {
        let own: Vec<(NaiveDate, &Path)> = files.iter().map(|(d, f)| (d.parse().unwrap(), Path::new(*f))).collect();
        meeting_folders(&own)
    }

    #[test]
    fn a_file_named_after_its_date_gives_the_meetings_folder() {
        let got = folders(&[
            ("2024-02-05", "byradet/2024-02-05-a.txt"),
            ("2024-02-05", "byradet/2024-02-05-b.txt"),
            ("2024-02-05", "byradet/2024-02-05.txt"),
            ("2024-02-05", "byradet/2024-02-05 Ekstraordinært.md"),
            ("2024-02-05", "byradet/2024-02-05_c.markdown"),
        ]);
        assert_eq!(got, ["2024-02-05-a", "2024-02-05-b", "2024-02-05", "2024-02-05-ekstraordinaert", "2024-02-05-c"]);
        // Named after another date, or with more digits, or not at all: the date, numbered in file order.
        let got = folders(&[
            ("2024-02-05", "a.txt"),
            ("2024-02-05", "b/2024-02-06.txt"),
            ("2024-02-05", "c/2024-02-051.txt"),
            ("2024-02-05", "d/2024-02-05.txt"),
        ]);
        assert_eq!(got, ["2024-02-05-2", "2024-02-05-3", "2024-02-05-4", "2024-02-05"], "d keeps its own name");
    }

    /// Regression (robustness review): "2024-03-12 241263-1719.txt" published the CPR number in the
    /// meeting's address, and so in the sitemap, feeds, open data and search index.
    #[test]
    fn regression_a_cpr_number_in_a_file_name_never_reaches_an_address() {
        let got = folders(&[
            ("2024-03-12", "a/2024-03-12 241263-1719.txt"),
            ("2024-03-12", "a/2024-03-12 cpr 2412631719.md"),
            ("2024-03-12", "a/2024-03-12 budget 2025-2028.md"),
            // The slug joins what the name keeps apart (review of this change).
            ("2024-03-12", "a/2024-03-12 241263  1719.txt"),
            ("2024-03-12", "a/2024-03-12 (241263)1719.txt"),
            ("2024-03-12", "a/2024-03-12 241263%1719.txt"),
            (
                "2024-03-12",
                "a/2024-03-12 \u{ff12}\u{ff14}\u{ff11}\u{ff12}\u{ff16}\u{ff13}-\u{ff11}\u{ff17}\u{ff11}\u{ff19}.txt",
            ),
        ]);
        assert_eq!(
            got,
            [
                "2024-03-12",
                "2024-03-12-2",
                "2024-03-12-budget-2025-2028",
                "2024-03-12-3",
                "2024-03-12-4",
                "2024-03-12-5",
                "2024-03-12-6"
            ]
        );
        let d = crate::diag::Diagnostic::warning("a/2024-03-12 241263-1719.txt", 3, "x");
        assert_eq!(d.to_string(), "a/2024-03-12 XXXXXX-XXXX.txt:3:1: warning: x");
    }

    #[test]
    fn files_that_give_the_same_folder_are_numbered_in_file_order() {
        let got = folders(&[
            ("2024-02-05", "a/2024-02-05-b.txt"),
            ("2024-02-05", "b/2024-02-05-b.txt"),
            ("2024-02-05", "b/2024-02-05.md"),
            ("2024-02-05", "b/2024-02-05.txt"),
            ("2024-02-05", "c/2024-02-05-2.txt"),
        ]);
        // "2024-02-05-2" is c's own name, so b/2024-02-05.txt numbers past it.
        assert_eq!(got, ["2024-02-05-b", "2024-02-05-b-2", "2024-02-05", "2024-02-05-3", "2024-02-05-2"]);
        let long = format!("2024-02-05 {}", "Ekstraordinært møde om budgettet ".repeat(10));
        let got = folders(&[("2024-02-05", &format!("{long}.txt"))]);
        assert!(
            got[0].len() <= MAX_SLUG && got[0].starts_with("2024-02-05-ekstraordinaert-") && !got[0].ends_with('-')
        );
    }

    /// Regression: a body's meetings spelled "Børne- og Skoleudvalget" and "Borne- og
    /// Skoleudvalget" (a PDF export lost the ø) were headed by the ASCII spelling, the first by
    /// sort order, and meetings of the other spelling found no body (no previous/next links, no
    /// link to the body's page, the first body's search facet).
    #[test]
    fn regression_a_body_is_headed_by_the_spelling_most_meetings_use() {
        let site = Site::new(
            Config::default(),
            vec![
                meeting("Borne- og Skoleudvalget", "2024-01-08", "2024-01-08.txt", &[]),
                meeting("Børne- og Skoleudvalget", "2024-02-05", "2024-02-05.txt", &[]),
                meeting("Børne- og Skoleudvalget", "2024-03-04", "2024-03-04.txt", &[]),
                meeting("Direktionen", "2024-03-04", "d.txt", &[]),
            ],
        );
        let names: Vec<&str> = site.bodies.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Børne- og Skoleudvalget", "Direktionen"]);
        assert_eq!(site.bodies[0].meetings.len(), 3);
        assert_eq!(site.bodies[0].slug, "boerne-og-skoleudvalget");
        for i in 0..site.meetings.len() {
            let body = site.body_of(i).unwrap();
            assert_eq!(body.slug, body_slug(&body.name), "{i}");
            assert_eq!(site.body_index(i), site.bodies.iter().position(|b| b.slug == body.slug).unwrap());
        }

        let spellings = |list: &[(&'static str, usize)]| list.iter().copied().collect::<BTreeMap<&str, usize>>();
        // Most meetings win, also over the Danish letters.
        let most = spellings(&[("Borne- og Skoleudvalget", 3), ("Børne- og Skoleudvalget", 2)]);
        assert_eq!(display_name(&most), "Borne- og Skoleudvalget");
        // A tie: the one with more non-ASCII letters, then the first by sort order.
        let tie = spellings(&[("Borne- og Skoleudvalget", 2), ("Børne- og Skoleudvalget", 2)]);
        assert_eq!(display_name(&tie), "Børne- og Skoleudvalget");
        let tie = spellings(&[("Aeldreradet", 1), ("Ældrerådet", 1), ("Ældreradet", 1)]);
        assert_eq!(display_name(&tie), "Ældrerådet");
        let tie = spellings(&[("BYRÅDET", 1), ("Byrådet", 1)]);
        assert_eq!(display_name(&tie), "BYRÅDET");
    }

    #[test]
    fn cases_link_items_across_meetings() {
        let site = Site::new(
            Config::default(),
            vec![
                meeting("Direktionen", "2017-03-20", "b.txt", &["16/26813", "16/26813"]),
                meeting("Direktionen", "2017-03-13", "a.txt", &["16/26813"]),
            ],
        );
        let r = ItemRef { meeting: 1, item: 0 };
        let others: Vec<String> = site.same_case(r).map(|o| site.item_path(o)).collect();
        assert_eq!(others, ["direktionen/2017-03-13/#punkt-1", "direktionen/2017-03-20/#punkt-2"]);
        assert_eq!(Site::case_path(&"16/26813".parse().unwrap()), "sager/16-26813.html");
        let (near, total) = site.same_case_near(ItemRef { meeting: 0, item: 0 }, 1);
        assert_eq!(
            (near, total),
            (vec![ItemRef { meeting: 1, item: 0 }], 2),
            "one on each side: only a later one exists"
        );
        let (near, total) = site.same_case_near(ItemRef { meeting: 1, item: 1 }, 1);
        assert_eq!((near, total), (vec![ItemRef { meeting: 1, item: 0 }], 2));
    }

    #[test]
    fn date_mentions_find_the_meeting_of_the_same_body_first() {
        let site = Site::new(
            Config::default(),
            vec![
                meeting("Direktionen", "2017-03-13", "a.txt", &[]),
                meeting("Byrådet", "2017-03-13", "b.txt", &[]),
                meeting("Direktionen", "2017-03-20", "c.txt", &[]),
            ],
        );
        let d = "2017-03-13".parse().unwrap();
        let from = site.meetings.iter().position(|m| m.source.ends_with("c.txt"));
        let body = |found: Option<usize>| found.map(|i| site.meetings[i].body.as_str());
        assert_eq!(body(site.find_meeting(d, from, "mødet den ")), Some("Direktionen"));
        assert_eq!(site.find_meeting(d, None, ""), None, "ambiguous date is not linked");
        assert_eq!(body(site.find_meeting(d, None, "Byrådets møde den ")), Some("Byrådet"), "the body named");
        assert_eq!(body(site.find_meeting(d, from, "behandlet i byrådet ")), Some("Byrådet"));
        assert_eq!(site.find_meeting("2017-03-14".parse().unwrap(), from, ""), None);
    }

    /// Left by the review of the pages: "Beslutning Direktionen den 10-09-2009" on the page of
    /// Direktionen's meeting that day linked to Byrådet's meeting the same day.
    #[test]
    fn regression_a_meetings_own_date_links_nowhere_unless_another_body_is_named() {
        let site = Site::new(
            Config::default(),
            vec![meeting("Direktionen", "2017-03-13", "a.txt", &[]), meeting("Byrådet", "2017-03-13", "b.txt", &[])],
        );
        let d = "2017-03-13".parse().unwrap();
        let own = site.meetings.iter().position(|m| m.source.ends_with("a.txt"));
        assert_eq!(site.find_meeting(d, own, "Beslutning Direktionen den "), None);
        assert_eq!(site.find_meeting(d, own, "Godkendt den "), None);
        let byraadet = site.meetings.iter().position(|m| m.source.ends_with("b.txt"));
        assert_eq!(site.find_meeting(d, own, "Oversendt til Byrådet den "), byraadet);
    }

    #[test]
    fn regression_a_date_mention_finds_its_bodys_meeting_under_another_spelling() {
        let site = Site::new(
            Config::default(),
            vec![
                meeting("Børne- og Skoleudvalget", "2024-01-08", "a.txt", &[]),
                meeting("Borne- og Skoleudvalget", "2024-02-05", "b.txt", &[]),
                meeting("Byrådet", "2024-01-08", "c.txt", &[]),
            ],
        );
        let from = site.meetings.iter().position(|m| m.body.starts_with("Borne")).unwrap();
        let found = site.find_meeting("2024-01-08".parse().unwrap(), Some(from), "").unwrap();
        assert_eq!(site.meetings[found].body, "Børne- og Skoleudvalget");
    }

    #[test]
    fn body_slugs_are_safe_folder_names() {
        assert_eq!(body_slug("Børne- og Skoleudvalget"), "boerne-og-skoleudvalget");
        assert_eq!(body_slug("Sager"), "sager-moeder");
        assert_eq!(body_slug("!!"), "moeder");
        // Regressions: a body named like a Windows device made a folder Windows cannot copy, and
        // a 300-character body name failed the build ("File name too long").
        assert_eq!(body_slug("CON"), "con-moeder");
        assert_eq!(body_slug("Com1"), "com1-moeder");
        assert_eq!(body_slug("Com10"), "com10");
        let long = body_slug(&"Æblegrødsudvalget ".repeat(30));
        assert!(long.len() <= MAX_SLUG && long.starts_with("aeblegroedsudvalget-") && !long.ends_with('-'), "{long}");
    }

    /// A body spelled with "oe" for "ø" ("Boerne- og Skoleudvalget") is the one spelled with "ø" or
    /// with "o" (a PDF that lost the letter): one body, at the folder Danes would write.
    #[test]
    fn the_spellings_of_a_danish_letter_are_one_body() {
        let site = Site::new(
            Config::default(),
            vec![
                meeting("Borne- og Skoleudvalget", "2024-01-08", "a.txt", &[]),
                meeting("Børne- og Skoleudvalget", "2024-02-05", "b.txt", &[]),
                meeting("Boerne- og Skoleudvalget", "2024-03-04", "c.txt", &[]),
                meeting("Børne- og Skoleudvalget", "2024-04-08", "d.txt", &[]),
            ],
        );
        let bodies: Vec<(&str, &str, usize)> =
            site.bodies.iter().map(|b| (b.name.as_str(), b.slug.as_str(), b.meetings.len())).collect();
        assert_eq!(bodies, [("Børne- og Skoleudvalget", "boerne-og-skoleudvalget", 4)]);
    }

    /// Left by the review of the pages: "Byrådet" was published at /byradet/ and "Økonomiudvalget"
    /// at /okonomiudvalget/, as a Dane writes neither; the search page itself is /soeg/.
    #[test]
    fn regression_body_slugs_write_the_danish_letters_as_danes_do() {
        assert_eq!(body_slug("Byrådet"), "byraadet");
        assert_eq!(body_slug("Økonomiudvalget"), "oekonomiudvalget");
        assert_eq!(body_slug("Ældrerådet"), "aeldreraadet");
        assert_eq!(body_slug("ÆØÅ æøå"), "aeoeaa-aeoeaa");
    }
}
