//! The text of an open item: its sections (Baggrund, Indstilling, Beslutning …), dated decisions
//! and attachments, built from its lines.

use super::heading::sub_item;
use super::Meta;
use crate::model::{AgendaItem, Block, Decision, Section, SectionKind};
use crate::parse::blocks::Blocks;
use crate::parse::fields::open_status;
use crate::parse::inline::{plain, strip_bold_wrapper, to_plain};
use crate::parse::normalize::{Kind, Line};
use crate::parse::sections;
use crate::parse::toc::clip;
use crate::parse::{has_byte, Ctx};

/// An open section being built.
struct Open {
    heading: String,
    kind: SectionKind,
    blocks: Blocks,
    line: usize,
}

pub(super) fn sections_of(item: &mut AgendaItem, lines: &[Line], meta: &Meta, cx: &mut Ctx) {
    let mut open: Option<Open> = None;
    // The previous line leaves room for a heading: blank, a heading, or the end of a sentence.
    let mut prev_blank = true;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::Blank => {
                if let Some(o) = &mut open {
                    o.blocks.blank();
                }
                prev_blank = true;
                continue;
            }
            Kind::Heading(_) => {
                let plain = plain(strip_bold_wrapper(line.text)).into_owned();
                match sections::kind_of(&plain) {
                    Some(kind) => start(item, &mut open, plain, kind, line.no, meta, cx),
                    None => match &mut open {
                        Some(o) => o.blocks.subheading(line.text),
                        None => start(item, &mut open, plain, SectionKind::Other, line.no, meta, cx),
                    },
                }
            }
            // "Punkt 2.1: Orientering": a part of the item with a heading of its own.
            Kind::Text if sub_item(line).is_some() => {
                start(item, &mut open, to_plain(line.text), SectionKind::Other, line.no, meta, cx)
            }
            // "Bilag 1: Lokalplanforslag" in an item's text without a "Bilag" heading: the list
            // of attachments starts here.
            Kind::Text
                if prev_blank
                    && numbered_attachment(line.text)
                    && open.as_ref().is_none_or(|o| o.kind != SectionKind::Attachments) =>
            {
                start(item, &mut open, "Bilag".to_string(), SectionKind::Attachments, line.no, meta, cx);
                if let Some(o) = &mut open {
                    o.blocks.line(line);
                }
            }
            Kind::Text => {
                // Section headings stand alone, are short and start with a capital (or markup).
                let candidate = prev_blank
                    && line.text.len() <= 130
                    && line.text.starts_with(|c: char| c.is_uppercase() || matches!(c, '*' | '_' | '<'))
                    && !has_byte(line.text, b'\t');
                let kind = candidate
                    .then(|| plain(strip_bold_wrapper(line.text)))
                    .and_then(|p| sections::kind_of(&p).map(|k| (p.into_owned(), k)))
                    .filter(|(p, k)| !attachment_named_like_a_section(open.as_ref(), p, *k, &lines[i + 1..]));
                let inline = if kind.is_none() && prev_blank { inline_heading(line.text) } else { None };
                match (kind, inline) {
                    (Some((plain, kind)), _) => start(item, &mut open, plain, kind, line.no, meta, cx),
                    (None, Some((heading, kind, rest))) => {
                        start(item, &mut open, heading, kind, line.no, meta, cx);
                        if let Some(o) = &mut open {
                            o.blocks.line(&Line { text: rest, ..*line });
                        }
                    }
                    (None, None) => {
                        let o = open.get_or_insert_with(|| Open {
                            heading: String::new(),
                            kind: SectionKind::Other,
                            blocks: Blocks::new(meta.markdown, false),
                            line: line.no,
                        });
                        o.blocks.line(line);
                    }
                }
            }
        }
        // Text without blank lines (pdftotext): a heading may follow a line that ends a sentence.
        prev_blank = line.kind != Kind::Text || line.text.ends_with(['.', ':', '!', '?']);
    }
    if let Some(o) = open.take() {
        finish(item, o, meta, cx);
    }
}

/// "Bilag 1: Lokalplanforslag", "Bilag 2 - Miljøscreening.pdf": an attachment by its number.
fn numbered_attachment(text: &str) -> bool {
    let Some(rest) = text.trim_start_matches(['*', '_']).strip_prefix("Bilag ") else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && rest[digits..].trim_start().starts_with([':', '-', '–', '.']) && text.len() <= 200
}

/// True if a bare line naming a section ("Tidsplan", "Økonomi", "Beslutning fra Handicaprådet") in
/// a list of attachments is one more attachment: no text of its own follows it, only short lines.
/// A dated decision always starts its own section, as does any heading followed by a sentence or
/// a table (a markdown row "| Udgift | 2,5 |" or cells set apart by tabs).
fn attachment_named_like_a_section(open: Option<&Open>, heading: &str, kind: SectionKind, rest: &[Line]) -> bool {
    let in_attachments = open.is_some_and(|o| o.kind == SectionKind::Attachments);
    let prose = |l: &Line| {
        l.text.len() > 80
            || l.text.trim_end().ends_with(['.', ':', '!', '?'])
            || l.text.starts_with('|')
            || has_byte(l.text, b'\t')
    };
    let dated = kind == SectionKind::Decision && heading.bytes().any(|b| b.is_ascii_digit());
    in_attachments
        && !dated
        && !rest.iter().filter(|l| !l.is_empty_to_reader()).take(1).any(|l| l.kind == Kind::Text && prose(l))
}

/// "Beslutning: Godkendt.", "**Indstilling:** Det indstilles …", "Bilag: Tidsplan": a decision,
/// recommendation or attachments heading run into its first line. Returns heading, kind and text.
fn inline_heading(text: &str) -> Option<(String, SectionKind, &str)> {
    let colon = text.get(..text.len().min(100))?.find(':')?;
    let head = plain(text[..colon].trim_end_matches(['*', '_'])).into_owned();
    let kind = sections::kind_of(&head)?;
    let rest = text[colon + 1..].trim_start_matches(['*', '_']).trim();
    let carries_fields = matches!(kind, SectionKind::Decision | SectionKind::Recommendation | SectionKind::Attachments);
    (carries_fields && !rest.is_empty()).then_some((head, kind, rest))
}

fn start(
    item: &mut AgendaItem,
    open: &mut Option<Open>,
    heading: String,
    kind: SectionKind,
    line: usize,
    meta: &Meta,
    cx: &mut Ctx,
) {
    if let Some(o) = open.take() {
        finish(item, o, meta, cx);
    }
    let blocks = Blocks::new(meta.markdown, kind == SectionKind::Attachments);
    *open = Some(Open { heading, kind, blocks, line });
}

fn finish(item: &mut AgendaItem, open: Open, meta: &Meta, cx: &mut Ctx) {
    let blocks = open.blocks.finish();
    match open.kind {
        SectionKind::Attachments => {
            let mut names = Vec::new();
            for b in &blocks {
                match b {
                    Block::List { items, .. } => names.extend(items.iter().map(|i| to_plain(i))),
                    // Acadre lists attachments as rows: number, "Åben"/"Lukket", name, document number.
                    Block::Table(table) => names.extend(table.rows.iter().map(|row| attachment_row(row))),
                    other => names.push(plain_text(std::slice::from_ref(other))),
                }
            }
            for name in names {
                if attachment_closed(&name) {
                    cx.warn(open.line, format!("item {}: an attachment marked closed is not published", item.number));
                } else {
                    item.attachments.push(name);
                }
            }
            // The names are the attachments (`item.attachments`); the section keeps its place but
            // not the blocks they came from, which would say them twice and publish one marked closed.
            item.sections.push(Section { heading: open.heading, kind: open.kind, blocks: Vec::new() });
            return;
        }
        SectionKind::Decision => {
            let (body, date, unreadable) = sections::decision_of(&open.heading, meta.body, meta.date);
            if unreadable {
                cx.warn(
                    open.line,
                    format!("cannot read the date in \"{}\"; using the meeting date", clip(&open.heading)),
                );
            }
            if date > meta.date + chrono::Days::new(366) {
                cx.warn(
                    open.line,
                    format!("decision dated {date}, more than a year after the meeting ({})", meta.date),
                );
            }
            item.decisions.push(Decision { body, date, text: plain_text(&blocks) });
        }
        _ => {}
    }
    item.sections.push(Section { heading: open.heading, kind: open.kind, blocks });
}

/// An attachment row of a table ("1 | Lukket | Ansøgning fra … | 123457/24"): its name, without the
/// row's number and document number; a closed status stays in it for [`attachment_closed`].
fn attachment_row(row: &[crate::model::Cell]) -> String {
    let number = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-'));
    let cells: Vec<String> = row.iter().map(|c| to_plain(&c.text)).filter(|t| !number(t) && !open_status(t)).collect();
    cells.join(" - ")
}

/// An attachment marked closed at its start or end ("Lukket - Ansøgning fra …", "Ansøgning (lukket)",
/// "Lukket bilag: …"): its name may name a person, so it is not published. A name with a closing
/// word inside ("Fortrolig revisionsrapport.pdf") is the document's name.
fn attachment_closed(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let status = [
        "lukket",
        "fortroligt",
        "fortrolig",
        "ikke offentlig",
        "ikke offentligt",
        "ej offentlig",
        "ej offentligt",
        "lukket bilag",
    ];
    // A status set apart from the name: "Lukket - Ansøgning …", "Lukket bilag: …", "Ansøgning
    // (lukket)", "Klage - Fortrolig", "Bilag 3 - lukket - Klage …"; not "Lukket vej - trafiktælling".
    let parts: Vec<&str> = lower.split(['-', '–', ':', '(', ')', '|']).map(str::trim).collect();
    parts.len() > 1 && parts.iter().any(|p| status.contains(p))
}

/// Blocks as plain text: paragraphs separated by blank lines, list items on their own lines.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match b {
            Block::Paragraph { text } | Block::Subheading { text } => out.push_str(&to_plain(text)),
            Block::List { ordered, start, items } => {
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    if *ordered {
                        out.push_str(&format!("{}. ", *start as usize + i));
                    } else {
                        out.push_str("- ");
                    }
                    out.push_str(&to_plain(it));
                }
            }
            Block::Table(t) => {
                for (i, row) in t.rows.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    let cells: Vec<String> = row.iter().map(|c| to_plain(&c.text)).collect();
                    out.push_str(&cells.join("\t"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_run_into_their_text() {
        assert_eq!(
            inline_heading("Beslutning: Godkendt."),
            Some(("Beslutning".into(), SectionKind::Decision, "Godkendt."))
        );
        assert_eq!(
            inline_heading("**Beslutning i Byrådet den 3. april 2017:** Udsat til 10:00."),
            Some(("Beslutning i Byrådet den 3. april 2017".into(), SectionKind::Decision, "Udsat til 10:00."))
        );
        assert_eq!(inline_heading("Bilag: Tidsplan").map(|h| h.1), Some(SectionKind::Attachments));
        assert_eq!(inline_heading("Tidsplan: Projektet slutter i maj."), None);
        assert_eq!(inline_heading("Beslutning:"), None);
        assert_eq!(inline_heading("Status på revisionsanbefalinger:"), None);
    }
}
