//! Open data (compact JSON): one file per meeting with the parsed model (closed items reduced to number,
//! "Lukket punkt" and case number), an index of meetings and `cases.json`.

use crate::case::CaseNumber;
use crate::link::{ItemRef, Site};
use crate::model::{AgendaItem, Block, Cell, Decision, Meeting, Participant, Section, SectionKind};
use crate::parse::inline::plain;
use crate::render::view::{item_title, CLOSED_TITLE};
use serde::{Serialize, Serializer};

#[derive(Serialize)]
struct MeetingData<'a> {
    body: &'a str,
    /// The body's folder: the same for every spelling of its name.
    body_slug: &'a str,
    date: String,
    start: Option<String>,
    end: Option<String>,
    location: Option<&'a str>,
    url: String,
    participants: &'a [Participant],
    absent: &'a [Participant],
    items: Vec<ItemData<'a>>,
}

#[derive(Serialize)]
struct ItemData<'a> {
    number: u32,
    title: &'a str,
    case: Option<&'a CaseNumber>,
    closed: bool,
    url: String,
    /// Empty for a closed item, as are `decisions` and `attachments`: every item has every field.
    sections: Vec<SectionData<'a>>,
    decisions: &'a [Decision],
    attachments: &'a [String],
}

/// The open-data JSON of meeting `i`, whose full text (with sections) is `m`.
pub fn meeting_json(site: &Site, i: usize, m: &Meeting) -> Result<Vec<u8>, serde_json::Error> {
    let base_url = &site.config.base_url;
    let open = |item: &AgendaItem| !item.closed;
    let data = MeetingData {
        body: &m.body,
        body_slug: site.body_of(i).map_or("", |b| b.slug.as_str()),
        date: m.date.to_string(),
        start: m.start.map(|t| t.format("%H:%M").to_string()),
        end: m.end.map(|t| t.format("%H:%M").to_string()),
        location: m.location.as_deref(),
        url: format!("{base_url}{}", site.meeting_path(i)),
        participants: &m.participants,
        absent: &m.absent,
        items: m
            .items
            .iter()
            .enumerate()
            .map(|(ii, item)| ItemData {
                number: item.number,
                title: item_title(item),
                case: item.case.as_ref(),
                closed: item.closed,
                url: format!("{base_url}{}", site.item_path(ItemRef { meeting: i, item: ii })),
                sections: match open(item) {
                    // The attachments are the item's `attachments`; their section has no text of its own.
                    true => item
                        .sections
                        .iter()
                        .filter(|s| !(s.kind == SectionKind::Attachments && s.blocks.is_empty()))
                        .map(SectionData::from)
                        .collect(),
                    false => Vec::new(),
                },
                decisions: if open(item) { &item.decisions } else { &[] },
                attachments: if open(item) { &item.attachments } else { &[] },
            })
            .collect(),
    };
    to_json(&data)
}

/// A section as open data: the text plain, as a reader sees it on the page. The model keeps it as
/// CommonMark inline markup, escapes included ("4\\. december"), which is the renderer's business.
/// Serialized straight from the model: only a text with markup is copied, to convert it.
#[derive(Serialize)]
struct SectionData<'a> {
    heading: &'a str,
    kind: SectionKind,
    #[serde(serialize_with = "plain_blocks")]
    blocks: &'a [Block],
}

impl<'a> From<&'a Section> for SectionData<'a> {
    fn from(s: &'a Section) -> Self {
        SectionData { heading: &s.heading, kind: s.kind, blocks: &s.blocks }
    }
}

/// Text of the model, serialized as plain text.
struct Plain<'a>(&'a str);

impl Serialize for Plain<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&plain(self.0))
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum BlockData<'a> {
    Paragraph {
        text: Plain<'a>,
    },
    Subheading {
        text: Plain<'a>,
    },
    List {
        ordered: bool,
        #[serde(skip_serializing_if = "is_one")]
        start: u32,
        items: Seq<'a, String>,
    },
    Table {
        caption: Option<Plain<'a>>,
        header_rows: usize,
        rows: Seq<'a, Vec<Cell>>,
    },
}

/// A list of the model's texts (or of rows of cells), serialized as plain text.
struct Seq<'a, T>(&'a [T]);

impl Serialize for Seq<'_, String> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|t| Plain(t)))
    }
}

impl Serialize for Seq<'_, Vec<Cell>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct CellData<'a> {
            text: Plain<'a>,
            strong: bool,
        }
        s.collect_seq(
            self.0
                .iter()
                .map(|row| row.iter().map(|c| CellData { text: Plain(&c.text), strong: c.strong }).collect::<Vec<_>>()),
        )
    }
}

fn plain_blocks<S: Serializer>(blocks: &&[Block], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(blocks.iter().map(|b| match b {
        Block::Paragraph { text } => BlockData::Paragraph { text: Plain(text) },
        Block::Subheading { text } => BlockData::Subheading { text: Plain(text) },
        Block::List { ordered, start, items } => {
            BlockData::List { ordered: *ordered, start: *start, items: Seq(items) }
        }
        Block::Table(t) => BlockData::Table {
            caption: t.caption.as_deref().map(Plain),
            header_rows: t.header_rows,
            rows: Seq(&t.rows),
        },
    }))
}

#[derive(Serialize)]
struct MeetingIndexEntry<'a> {
    body: &'a str,
    body_slug: &'a str,
    date: String,
    url: String,
    data: String,
}

/// `data/meetings.json`: every meeting with its page and its JSON file.
pub fn meetings_json(site: &Site) -> Result<Vec<u8>, serde_json::Error> {
    let base_url = &site.config.base_url;
    let entries: Vec<MeetingIndexEntry> = (0..site.meetings.len())
        .map(|i| MeetingIndexEntry {
            body: &site.meetings[i].body,
            body_slug: site.body_of(i).map_or("", |b| b.slug.as_str()),
            date: site.meetings[i].date.to_string(),
            url: format!("{base_url}{}", site.meeting_path(i)),
            data: format!("{base_url}{}", crate::render::view::data_path(site, i)),
        })
        .collect();
    to_json(&entries)
}

#[derive(Serialize)]
struct CaseData<'a> {
    case: &'a str,
    url: String,
    items: Vec<CaseItemData<'a>>,
}

#[derive(Serialize)]
struct CaseItemData<'a> {
    body: &'a str,
    date: String,
    number: u32,
    title: &'a str,
    closed: bool,
    url: String,
}

/// `data/cases.json`: every case number with the items that carried it, in date order.
pub fn cases_json(site: &Site) -> Result<Vec<u8>, serde_json::Error> {
    let base_url = &site.config.base_url;
    let cases: Vec<CaseData> = site
        .cases
        .iter()
        .map(|(case, refs)| CaseData {
            case: case.as_written(),
            url: format!("{base_url}{}", Site::case_path(case)),
            items: refs
                .iter()
                .map(|&r| {
                    let m = &site.meetings[r.meeting];
                    let item = &m.items[r.item];
                    CaseItemData {
                        body: &m.body,
                        date: m.date.to_string(),
                        number: item.number,
                        title: if item.closed { CLOSED_TITLE } else { &item.title },
                        closed: item.closed,
                        url: format!("{base_url}{}", site.item_path(r)),
                    }
                })
                .collect(),
        })
        .collect();
    to_json(&cases)
}

/// Compact JSON with `<`, `>` and `&` written as `\u003c`-style escapes: the same data, but markup
/// from the minutes cannot become live HTML even if a host serves the file with the wrong content
/// type. Escaped while serializing, so the JSON is not copied and scanned a second time.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    super::json::to_vec(value, 32 * 1024)
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

#[cfg(test)]
mod tests {
    #[test]
    fn open_data_json_escapes_markup_characters() {
        let json = super::to_json(&serde_json::json!({"t": "<b>R&D</b>", "u": "a\"b"})).unwrap();
        let json = String::from_utf8(json).unwrap();
        assert_eq!(json, r#"{"t":"\u003cb\u003eR\u0026D\u003c/b\u003e","u":"a\"b"}"#);
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], "<b>R&D</b>");
    }
}
