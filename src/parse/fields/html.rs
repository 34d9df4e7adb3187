//! HTML in a field line or table ("<td>Offentlig</td><td>Nej</td>", "Offentlig:<br>Nej"): its tags read
//! once, its rows turned into pipe rows, its line breaks into lines, so fields read the same in any writing.

use crate::parse::has_byte;
use crate::parse::normalize::{Kind, Line};
use crate::parse::tables::pipe_row;
use std::borrow::Cow;

/// An HTML tag: its name as written (letters, digits, ":" and "-": "td", "TR", "o:p") and whether
/// it is an end tag.
#[derive(Debug, Clone, Copy)]
struct Tag<'a> {
    name: &'a str,
    end: bool,
}

impl Tag<'_> {
    /// True if this is `name` ("tr", or "/tr" for the end tag), in any case.
    fn is(&self, name: &str) -> bool {
        let (end, name) = name.strip_prefix('/').map_or((false, name), |n| (true, n));
        self.end == end && self.name.eq_ignore_ascii_case(name)
    }

    fn is_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.is(n))
    }
}

/// The HTML tag at the start of `s` ("<td class=x>", "</TR>", "<br/>", "<br\\>") and its length;
/// `None` if `s` starts with no tag ("< b", "<3").
fn tag_at(s: &str) -> Option<(Tag<'_>, usize)> {
    let inner = s.strip_prefix('<')?;
    let close = inner.find(['>', '<'])?;
    if inner.as_bytes()[close] == b'<' {
        return None;
    }
    let (end, rest) = inner[..close].strip_prefix('/').map_or((false, &inner[..close]), |n| (true, n));
    let name =
        &rest[..rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '-'))).unwrap_or(rest.len())];
    name.starts_with(|c: char| c.is_ascii_alphabetic()).then_some((Tag { name, end }, close + 2))
}

/// The tags of `text` in order, each with where it starts and its length.
fn tags(text: &str) -> impl Iterator<Item = (usize, Tag<'_>, usize)> + '_ {
    memchr::memchr_iter(b'<', text.as_bytes()).filter_map(|at| tag_at(&text[at..]).map(|(tag, len)| (at, tag, len)))
}

/// True if `text` has a tag named one of `names` ("tr", "/table").
pub(super) fn has_tag(text: &str, names: &[&str]) -> bool {
    has_byte(text, b'<') && tags(text).any(|(_, tag, _)| tag.is_any(names))
}

/// The tags that break a line: a line break, and the edges of a paragraph, a block, a list item or
/// a term and its description.
const BREAKS: [&str; 14] = ["br", "/br", "p", "/p", "div", "/div", "li", "/li", "dt", "/dt", "dd", "/dd", "dl", "/dl"];

/// The tags of an HTML table, kept for [`html_rows`].
pub(super) const TABLE_TAGS: [&str; 16] = [
    "table", "/table", "tr", "/tr", "td", "/td", "th", "/th", "thead", "/thead", "tbody", "/tbody", "tfoot", "/tfoot",
    "caption", "/caption",
];

/// `text` as its fields are read: comments left out, each tag of [`BREAKS`] (in any spelling:
/// "<BR>", "<br/ >", "<br class=x>", "</br>") and the spaces around it as one tab, a table's tags
/// kept, and any other tag left out ("<b>", "<span lang=DA>", Word's "<o:p>"); `None` if it has
/// no tag.
pub(super) fn flatten_tags(text: &str) -> Option<String> {
    // Comments out in one pass: a line of many must not be copied once for each.
    let uncommented = match text.contains("<!--") {
        true => {
            let (mut kept, mut rest) = (String::with_capacity(text.len()), text);
            while let Some(at) = rest.find("<!--") {
                kept.push_str(&rest[..at]);
                rest = rest[at..].find("-->").map_or("", |e| &rest[at + e + 3..]);
            }
            kept.push_str(rest);
            Cow::Owned(kept)
        }
        false => Cow::Borrowed(text),
    };
    let text = &*uncommented;
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    let mut changed = matches!(uncommented, Cow::Owned(_));
    for (at, tag, len) in tags(text) {
        if tag.is_any(&TABLE_TAGS) {
            continue;
        }
        changed = true;
        if tag.is_any(&BREAKS) {
            out.push_str(text[from..at].trim_end());
            if !out.ends_with('\t') {
                out.push('\t');
            }
            from = at + len;
            from += text[from..].len() - text[from..].trim_start().len();
        } else {
            out.push_str(&text[from..at]);
            from = at + len;
        }
    }
    changed.then(|| {
        out.push_str(&text[from..]);
        out
    })
}

/// The rows of an HTML table in `text` (a line, or a table's lines joined), each as a pipe row,
/// one a line: a row starts at `<tr>` (its `</tr>` may be left out, as HTML allows) and ends at
/// the next row or the table's end, a cell at `<td>` or `<th>`. Rows of empty cells (`&nbsp;`
/// spacers) are left out. `None` without cells.
pub(super) fn html_rows(text: &str) -> Option<String> {
    const ROW_EDGES: [&str; 12] = [
        "tr", "/tr", "table", "/table", "thead", "/thead", "tbody", "/tbody", "tfoot", "/tfoot", "caption", "/caption",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let end_cell = |cell: &mut Option<String>, row: &mut Vec<String>| {
        if let Some(c) = cell.take() {
            row.push(c.replace("&nbsp;", " ").trim().replace('|', "/"));
        }
    };
    let mut from = 0;
    for (at, tag, len) in tags(text) {
        if let Some(c) = &mut cell {
            c.push_str(&text[from..at]);
        }
        from = at + len;
        if tag.is_any(&["td", "th"]) {
            end_cell(&mut cell, &mut row);
            cell = Some(String::new());
        } else if tag.is_any(&["/td", "/th"]) {
            end_cell(&mut cell, &mut row);
        } else if tag.is_any(&ROW_EDGES) {
            end_cell(&mut cell, &mut row);
            rows.extend((!row.is_empty()).then(|| std::mem::take(&mut row)));
        } else if let Some(c) = &mut cell {
            c.push_str(&text[at..from]);
        }
    }
    if let Some(c) = &mut cell {
        c.push_str(&text[from..]);
    }
    end_cell(&mut cell, &mut row);
    rows.extend((!row.is_empty()).then_some(row));
    rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    let rows: Vec<String> = rows.iter().map(|r| pipe_row(r)).collect();
    (!rows.is_empty()).then(|| rows.join("\n"))
}

/// An HTML table (or its rows) of more lines than a table of fields could have is not read whole.
pub(super) const HTML_TABLE_LINES: usize = 200;

/// What a line holds of an HTML table: how many tables it opens and closes, whether it has a
/// row's or a cell's tag.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TableTags {
    pub(super) opens: u32,
    pub(super) closes: u32,
    pub(super) row: bool,
    pub(super) starts_row: bool,
}

impl TableTags {
    pub(super) fn of(l: &Line) -> TableTags {
        let mut t = TableTags::default();
        if l.kind != Kind::Text || !has_byte(l.text, b'<') {
            return t;
        }
        for (_, tag, _) in tags(l.text) {
            t.opens += u32::from(tag.is("table"));
            t.closes += u32::from(tag.is("/table"));
            t.row |= tag.is_any(&["tr", "/tr", "td", "/td", "th", "/th"]);
            t.starts_row |= tag.is("tr");
        }
        t
    }
}

/// Where the HTML table (or run of rows) whose first line is `tags[0]` ends, counted in lines, and
/// whether its `</table>` ends it: at the `</table>` that closes it (tables inside it are part of
/// it), or without one at its last line with a row's or cell's tag, before any heading.
pub(super) fn html_table_end(body: &[Line], tags: &[TableTags]) -> Option<(usize, bool)> {
    let n = tags.len().min(HTML_TABLE_LINES);
    let n = body[..n].iter().position(|l| l.kind != Kind::Text && !l.is_empty_to_reader()).unwrap_or(n);
    let mut depth = 0i64;
    for (i, t) in tags[..n].iter().enumerate() {
        depth += i64::from(t.opens) - i64::from(t.closes);
        if t.closes > 0 && depth <= 0 {
            return Some((i, true));
        }
    }
    tags[..n].iter().rposition(|t| t.row).map(|end| (end, false))
}
