//! The HTML of an item's text (sections, blocks, tables, decisions), written once per item straight
//! into a string that the meeting and case templates show with `safe`. It produces exactly what the
//! former per-block template macros produced; doing it in Rust saves converting every block of every
//! page into Tera values (the largest share of page rendering). Page layout stays in the templates.

use crate::model::SectionKind;
use crate::render::text::escape_into;
use crate::render::view::{BlockHtml, CellHtml, DecisionHtml, ItemLink, SectionHtml};
use std::fmt::Write;

/// One section as the meeting page shows it (the text the item's `for` loop used to produce).
pub fn section(s: &SectionHtml, out: &mut String) {
    out.push_str("\n  <div class=\"section section-");
    escape_into(&kind_name(s.kind), out);
    if s.decision {
        out.push_str(" decision");
    }
    out.push_str("\">\n    ");
    if !s.heading.is_empty() {
        out.push_str("<h3>");
        out.push_str(&s.heading);
        out.push_str("</h3>");
    }
    out.push_str("\n    ");
    blocks(&s.blocks, 4, out);
    out.push_str("\n  </div>\n  ");
}

/// A decision with its heading at level `h` and its paragraphs' subheadings one level below.
pub fn decision(d: &DecisionHtml, h: u8, out: &mut String) {
    out.push_str("\n<div class=\"decision\">\n");
    let _ = writeln!(out, "<h{h}>{}</h{h}>", d.heading);
    blocks(&d.blocks, h + 1, out);
    out.push_str("\n</div>\n");
}

/// The blocks of a section or decision; `h` is the level of subheadings.
pub fn blocks(list: &[BlockHtml], h: u8, out: &mut String) {
    for b in list {
        match b {
            BlockHtml::Paragraph { html } => {
                out.push_str("<p>");
                out.push_str(html);
                out.push_str("</p>\n");
            }
            BlockHtml::Subheading { html } => {
                let _ = writeln!(out, "<h{h} class=\"subheading\">{html}</h{h}>");
            }
            BlockHtml::List { ordered, start, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                match start {
                    1 => _ = writeln!(out, "<{tag}>"),
                    n => _ = writeln!(out, "<{tag} start=\"{n}\">"),
                }
                for li in items {
                    out.push_str("<li>");
                    out.push_str(li);
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            BlockHtml::Table { caption, id, label, head, rows } => {
                table(caption.as_deref(), id, label, head, rows, out)
            }
        }
        out.push('\n');
    }
}

fn table(
    caption: Option<&str>,
    id: &str,
    label: &str,
    head: &[Vec<CellHtml>],
    rows: &[Vec<CellHtml>],
    out: &mut String,
) {
    // An empty caption counts as none, as it did in the templates.
    let caption = caption.filter(|c| !c.is_empty());
    let mut id_attr = String::new();
    escape_into(id, &mut id_attr);
    out.push_str("<figure class=\"table-figure\">\n");
    if let Some(c) = caption {
        let _ = writeln!(out, "<figcaption id=\"{id_attr}\">{c}</figcaption>");
    }
    out.push_str("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" ");
    match caption {
        Some(_) => {
            let _ = write!(out, "aria-labelledby=\"{id_attr}\">\n<table aria-labelledby=\"{id_attr}\">\n");
        }
        None => {
            out.push_str("aria-label=\"");
            escape_into(label, out);
            out.push_str("\">\n<table>\n");
        }
    }
    if !head.is_empty() {
        out.push_str("<thead>\n");
        for row in head {
            out.push_str("<tr>");
            for c in row {
                // An empty header cell heads nothing: a plain cell, not an empty <th>.
                if c.html.is_empty() {
                    out.push_str("<td></td>");
                    continue;
                }
                out.push_str(if c.num { "<th scope=\"col\" class=\"numeric\">" } else { "<th scope=\"col\">" });
                out.push_str(&c.html);
                out.push_str("</th>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for c in row {
            out.push_str(match (c.strong, c.num) {
                (false, false) => "<td>",
                (true, false) => "<td class=\"strong\">",
                (false, true) => "<td class=\"numeric\">",
                (true, true) => "<td class=\"strong numeric\">",
            });
            out.push_str(&c.html);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</figure>\n");
}

/// A link to another agenda item, in the words of the meeting page's "Sagen er også behandlet på":
/// `<a href="…">Direktionen 20. marts 2017, punkt 3: Title</a>`.
pub fn item_link(link: &ItemLink) -> String {
    let mut out = String::with_capacity(64 + link.url.len() + link.title.len());
    out.push_str("<a href=\"");
    escape_into(&link.url, &mut out);
    out.push_str("\">");
    escape_into(link.body, &mut out);
    out.push(' ');
    escape_into(link.date_text, &mut out);
    let _ = write!(out, ", punkt {}: ", link.number);
    escape_into(link.title, &mut out);
    out.push_str("</a>");
    out
}

/// The heading of a step in a case's timeline:
/// `<time datetime="2017-03-20">20. marts 2017</time>: Direktionen, punkt 3: Title`.
pub fn case_entry(link: &ItemLink) -> String {
    let mut out = String::with_capacity(96 + link.title.len());
    out.push_str("<time datetime=\"");
    escape_into(link.date, &mut out);
    out.push_str("\">");
    escape_into(link.date_text, &mut out);
    out.push_str("</time>: ");
    escape_into(link.body, &mut out);
    let _ = write!(out, ", punkt {}: ", link.number);
    escape_into(link.title, &mut out);
    out
}

/// The section kind as the stylesheet's class suffix ("section-presentation"): its serde name, so
/// the class follows the model (and its open-data JSON) when the parser learns new kinds.
fn kind_name(kind: SectionKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_kind_class_is_its_serde_name() {
        assert_eq!(kind_name(SectionKind::Presentation), "presentation");
        assert_eq!(kind_name(SectionKind::LegalBasis), "legal-basis");
    }
}
