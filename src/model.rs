//! The typed model of one meeting's minutes: what `parse` produces and everything downstream reads.
//!
//! Closed items ("Lukket") carry only number, title, case number and line:
//! the parser never stores their content, so no later stage can leak it.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;
use std::path::PathBuf;

use crate::case::CaseNumber;

/// One minutes file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Meeting {
    /// Path of the source file relative to the content folder (for messages and "edit" links).
    pub source: PathBuf,
    /// The body that met, e.g. "Direktionen", "Byrådet".
    pub body: String,
    pub date: NaiveDate,
    /// Start time, serialized as "10:00".
    #[serde(serialize_with = "ser_time")]
    pub start: Option<NaiveTime>,
    /// End time when the header gives a range ("kl. 10:00-12:00"), serialized as "12:00".
    #[serde(serialize_with = "ser_time")]
    pub end: Option<NaiveTime>,
    pub location: Option<String>,
    pub participants: Vec<Participant>,
    /// Members who sent apologies ("Afbud", "Fraværende").
    pub absent: Vec<Participant>,
    /// Titles from the table of contents ("Indholdsfortegnelse"), in order; empty if there was none.
    pub toc: Vec<String>,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    /// The party's letter, e.g. "C" from "Michael Ziegler (C, formand)".
    pub party: Option<String>,
    /// What else stood in brackets, e.g. "formand", or "sekretær" from "Kathrine Seier Skastrup
    /// (sekretær)".
    pub role: Option<String>,
}

impl Participant {
    /// What a page shows in brackets after the name: "C, formand", "sekretær", or nothing.
    pub fn bracket(&self) -> Option<String> {
        // An empty role is no role, as Tera's `if` read it.
        let said: Vec<&str> =
            [&self.party, &self.role].into_iter().flatten().map(String::as_str).filter(|s| !s.is_empty()).collect();
        (!said.is_empty()).then(|| said.join(", "))
    }
}

/// "Punkt N: Title" and everything up to the next item.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
    /// The case number as a value; serialized as written ("16/26813").
    pub case: Option<CaseNumber>,
    pub closed: bool,
    /// 1-based line of the "Punkt N" heading in the source file.
    pub line: usize,
    pub sections: Vec<Section>,
    pub decisions: Vec<Decision>,
    /// The lines of the item's "Bilag" section(s).
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// As written, without markup, e.g. "Beslutning Direktionen den 20-03-2017";
    /// empty for content that came before the item's first heading.
    pub heading: String,
    pub kind: SectionKind,
    pub blocks: Vec<Block>,
}

/// The normalized meaning of a section heading.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Baggrund
    Background,
    /// Sagsfremstilling
    Presentation,
    /// Indstilling
    Recommendation,
    /// Beslutning …
    Decision,
    /// Bilag
    Attachments,
    /// Økonomi
    Economy,
    /// Retsgrundlag
    LegalBasis,
    /// Næste skridt, Videre proces
    NextSteps,
    /// Politik/Plan
    Policy,
    /// Information, Kommunikation
    Information,
    /// Høring
    Consultation,
    /// Vurdering
    Assessment,
    /// Andre relevante dokumenter
    RelatedDocuments,
    /// Oversigt
    Overview,
    /// Resumé
    Summary,
    /// Any other heading, or content before the first heading (heading "")
    Other,
}

/// Body content of a section. Text is CommonMark inline markup (emphasis, links), never raw HTML:
/// renderers must escape or sanitize it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    /// A heading below section level, e.g. "Effektiviseringsstrategi".
    Subheading {
        text: String,
    },
    List {
        ordered: bool,
        /// The first item's number as written ("3. Godkendt." starts at 3); 1 for bullets.
        #[serde(skip_serializing_if = "is_first_number")]
        start: u32,
        items: Vec<String>,
    },
    Table(Table),
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    /// Caption taken from a preceding "Tabel 1. …" line, if any.
    pub caption: Option<String>,
    /// Number of leading rows that are header rows.
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cell {
    pub text: String,
    /// The export wrapped the cell in `<b>`.
    pub strong: bool,
}

/// "Beslutning Direktionen den 20-03-2017" and the text below it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Decision {
    pub body: String,
    pub date: NaiveDate,
    /// The decision as plain text, paragraphs separated by blank lines.
    pub text: String,
}

impl Meeting {
    /// Calls `f` with every text of the meeting that can be published, and whether it is CommonMark
    /// inline markup (`true`) or plain text, and the line of its item's heading (0 in the header):
    /// for checks that must see all of it (CPR numbers).
    pub fn for_each_text(&mut self, f: &mut dyn FnMut(&mut String, bool, usize)) {
        f(&mut self.body, false, 0);
        if let Some(place) = &mut self.location {
            f(place, false, 0);
        }
        for p in self.participants.iter_mut().chain(self.absent.iter_mut()) {
            f(&mut p.name, false, 0);
            if let Some(role) = &mut p.role {
                f(role, false, 0);
            }
        }
        self.toc.iter_mut().for_each(|t| f(t, false, 0));
        for item in &mut self.items {
            let line = item.line;
            f(&mut item.title, false, line);
            item.attachments.iter_mut().for_each(|a| f(a, false, line));
            for d in &mut item.decisions {
                f(&mut d.body, false, line);
                f(&mut d.text, false, line);
            }
            for section in &mut item.sections {
                f(&mut section.heading, false, line);
                for block in &mut section.blocks {
                    match block {
                        Block::Paragraph { text } | Block::Subheading { text } => f(text, true, line),
                        Block::List { items, .. } => items.iter_mut().for_each(|i| f(i, true, line)),
                        Block::Table(t) => {
                            if let Some(c) = &mut t.caption {
                                f(c, true, line);
                            }
                            t.rows.iter_mut().flatten().for_each(|c| f(&mut c.text, true, line));
                        }
                    }
                }
            }
        }
    }

    /// Items that are published (not closed).
    pub fn open_items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.items.iter().filter(|i| !i.closed)
    }

    /// The meeting without its items' sections, the bulk of its text, and without its table of
    /// contents (only the parser checks it): what the linked site keeps of every meeting (header,
    /// titles, case numbers, decisions, attachments), so that a large site's text need not be in
    /// memory all at once.
    pub fn light(&self) -> Meeting {
        let items = self.items.iter().map(|i| i.without_sections()).collect();
        Meeting {
            source: self.source.clone(),
            body: self.body.clone(),
            date: self.date,
            start: self.start,
            end: self.end,
            location: self.location.clone(),
            participants: self.participants.clone(),
            absent: self.absent.clone(),
            toc: Vec::new(),
            items,
        }
    }
}

impl AgendaItem {
    fn without_sections(&self) -> AgendaItem {
        AgendaItem {
            number: self.number,
            title: self.title.clone(),
            case: self.case.clone(),
            closed: self.closed,
            line: self.line,
            sections: Vec::new(),
            decisions: self.decisions.clone(),
            attachments: self.attachments.clone(),
        }
    }
}

fn ser_time<S: serde::Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.format("%H:%M").to_string()),
        None => s.serialize_none(),
    }
}

fn is_first_number(n: &u32) -> bool {
    *n == 1
}
