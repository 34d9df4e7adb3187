//! Body blocks of a section: paragraphs, lists, tables and subheadings, built line by line.
//!
//! Paragraphs that the PDF broke with a blank line in mid-sentence are joined again by
//! [`should_join`], a general rule on how the first part ends and the second begins. Lines that
//! may be rows of a table laid out with spaces are held back until their run ends, then become a
//! table or, if they do not line up, are read as any other lines.

use super::dates::starts_with_month;
use super::inline::{self, escape_leading_marker, push_inline};
use super::normalize::{Kind, Line};
use super::tables::{self, TableBuilder};
use crate::model::Block;

/// Collects the blocks of one section.
#[derive(Debug)]
pub struct Blocks {
    blocks: Vec<Block>,
    markdown: bool,
    /// Every line is a list entry (the "Bilag" section), joined only where the PDF broke one.
    line_items: bool,
    /// A blank line (or subheading) came since the last text line.
    gap: bool,
    /// The last text line ended with a markdown hard break.
    hard_break: bool,
    /// The last paragraph started as a line of its own ([`stands_alone`]): a line continues it only
    /// where it breaks off mid-sentence.
    alone: bool,
    table: Option<TableBuilder>,
    /// Consecutive lines that may be rows of a table laid out with spaces, not yet read.
    layout: Vec<HeldLine>,
}

/// A line held back as a possible layout table row.
#[derive(Debug)]
struct HeldLine {
    no: usize,
    text: String,
    indent: usize,
    hard_break: bool,
}

impl HeldLine {
    fn line(&self) -> Line<'_> {
        Line {
            no: self.no,
            text: &self.text,
            indent: self.indent,
            hard_break: self.hard_break,
            kind: Kind::Text,
            numbered_item: false,
            page_top: false,
            may_close: true,
        }
    }
}

impl Blocks {
    pub fn new(markdown: bool, line_items: bool) -> Self {
        Blocks {
            blocks: Vec::new(),
            markdown,
            line_items,
            gap: true,
            hard_break: false,
            alone: false,
            table: None,
            layout: Vec::new(),
        }
    }

    pub fn blank(&mut self) {
        self.flush_layout();
        self.gap = true;
    }

    /// A heading below section level.
    pub fn subheading(&mut self, text: &str) {
        self.flush_layout();
        self.flush_table();
        let mut t = String::with_capacity(text.len());
        push_inline(&mut t, inline::strip_bold_wrapper(text), self.markdown);
        escape_leading_marker(&mut t, 0);
        self.blocks.push(Block::Subheading { text: t });
        self.gap = true;
    }

    pub fn line(&mut self, line: &Line) {
        let tab_row = self.table.as_ref().is_some_and(|t| t.accepts(line.text));
        if !tab_row && self.may_be_layout_row(line) {
            let held =
                HeldLine { no: line.no, text: line.text.to_string(), indent: line.indent, hard_break: line.hard_break };
            self.layout.push(held);
            return;
        }
        self.flush_layout();
        self.read(line);
    }

    /// Attachments are one per line, and a list item's text is no table row.
    fn may_be_layout_row(&self, line: &Line) -> bool {
        !self.line_items && tables::may_be_layout_row(line.text, line.indent) && list_marker(line.text).is_none()
    }

    /// Reads the held lines as a table laid out with spaces if they line up as one, else one by one.
    fn flush_layout(&mut self) {
        if self.layout.is_empty() {
            return;
        }
        let held = std::mem::take(&mut self.layout);
        let rows: Vec<(usize, &str)> = held.iter().map(|h| (h.indent, h.text.as_str())).collect();
        match tables::layout_table(&rows) {
            Some(cells) => {
                self.flush_table();
                let caption = self.take_caption();
                let mut table = TableBuilder::new(caption, self.markdown);
                for row in &cells {
                    table.push_cells(row);
                }
                self.table = Some(table);
                self.flush_table();
            }
            None => {
                for h in &held {
                    self.read(&h.line());
                }
            }
        }
    }

    fn read(&mut self, line: &Line) {
        let text = line.text;
        if let Some(table) = &mut self.table {
            if table.accepts(text) {
                table.push(text);
                return;
            }
        }
        // "\u{f0a7}\tSkoler": a bullet and a tab start a list item, not a table of two columns.
        let bullet_tab =
            || text.split_once('\t').is_some_and(|(b, _)| b.chars().count() == 1 && list_marker(text).is_some());
        if TableBuilder::starts(text) && !bullet_tab() {
            self.flush_table();
            let caption = self.take_caption();
            let mut table = TableBuilder::new(caption, self.markdown);
            table.push(text);
            self.table = Some(table);
            return;
        }
        self.flush_table();
        if self.line_items {
            self.line_item(text);
        } else if let Some((heading, rest)) = note_heading(text) {
            self.subheading(heading);
            if rest.is_empty() {
                return;
            }
            self.text(&Line { text: rest, ..*line });
        } else if let Some((ordered, number, rest)) = list_marker(text) {
            self.list_item(ordered, number, rest);
        } else if self.gap && self.markdown && is_pseudo_heading(text) {
            self.subheading(text);
            return;
        } else {
            self.text(line);
        }
        self.gap = false;
        self.hard_break = line.hard_break;
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.flush_layout();
        self.flush_table();
        self.blocks
    }

    fn flush_table(&mut self) {
        if let Some(t) = self.table.take() {
            if let Some(table) = t.finish() {
                self.blocks.push(Block::Table(table));
            }
        }
    }

    /// A "Tabel 2. …" paragraph right before a table becomes its caption.
    fn take_caption(&mut self) -> Option<String> {
        let Some(Block::Paragraph { text }) = self.blocks.last() else { return None };
        let plain = inline::to_plain(text);
        let is_caption = plain.len() < 200
            && ["Tabel ", "Table ", "Figur "]
                .iter()
                .any(|p| plain.strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())));
        if !is_caption {
            return None;
        }
        self.blocks.pop();
        Some(plain)
    }

    fn text(&mut self, line: &Line) {
        // Lines without a blank line between them are one paragraph the PDF wrapped, except a
        // line that stands alone or the one after it: those join only a sentence broken off.
        let alone = stands_alone(line.text);
        let join = match self.blocks.last() {
            Some(Block::Paragraph { text }) => (!self.gap && !alone && !self.alone) || should_join(text, line.text),
            Some(Block::List { items, .. }) => {
                let item = items.last().map_or("", String::as_str);
                let indented = (!self.gap && line.indent > 0) || (self.gap && line.indent >= 2);
                (indented && !alone) || should_join(item, line.text)
            }
            _ => false,
        };
        let hard_break = self.hard_break && !self.gap;
        match self.blocks.last_mut() {
            Some(Block::Paragraph { text }) if join => {
                if hard_break {
                    text.push_str("\\\n");
                } else {
                    join_to(text, line.text);
                }
                push_inline(text, line.text, self.markdown);
            }
            Some(Block::List { items, .. }) if join => {
                if let Some(item) = items.last_mut() {
                    if hard_break {
                        item.push_str("\\\n");
                    } else {
                        join_to(item, line.text);
                    }
                    push_inline(item, line.text, self.markdown);
                }
            }
            _ => {
                let mut text = String::with_capacity(line.text.len());
                push_inline(&mut text, line.text, self.markdown);
                escape_leading_marker(&mut text, 0);
                self.blocks.push(Block::Paragraph { text });
                self.alone = alone;
            }
        }
    }

    fn list_item(&mut self, ordered: bool, number: u32, rest: &str) {
        let mut item = String::with_capacity(rest.len());
        push_inline(&mut item, rest, self.markdown);
        escape_leading_marker(&mut item, 0);
        if let Some(Block::List { ordered: o, start, items }) = self.blocks.last_mut() {
            let next = *start as usize + items.len();
            let continues = *o == ordered && (!ordered || number as usize == next || number == 0);
            if continues {
                items.push(item);
                return;
            }
        }
        // A list keeps the number it starts with ("3. Godkendt." under a decision is point 3).
        let start = if ordered { number.max(1) } else { 1 };
        self.blocks.push(Block::List { ordered, start, items: vec![item] });
    }

    fn line_item(&mut self, text: &str) {
        let rest = list_marker(text).map_or(text, |(_, _, r)| r);
        if let Some(Block::List { items, .. }) = self.blocks.last_mut() {
            if let Some(last) = items.last_mut() {
                if should_join(last, rest) {
                    join_to(last, rest);
                    push_inline(last, rest, self.markdown);
                    return;
                }
            }
            let mut item = String::with_capacity(rest.len());
            push_inline(&mut item, rest, self.markdown);
            escape_leading_marker(&mut item, 0);
            items.push(item);
            return;
        }
        self.list_item(false, 0, rest);
    }
}

/// A list item marker: "- x", "* x", "• x", "– x", "\u{f0a7}\tx", "o x" (unordered) or "1. x", "2) x" (ordered).
/// "26. november: …" is a date, not item 26. "a) x" is an item of an unordered list that keeps
/// its letter (the model numbers ordered lists, and the text may refer to "mulighed b").
pub fn list_marker(text: &str) -> Option<(bool, u32, &str)> {
    // Bullets as PDFs and word processors export them, Wingdings (private use) and "o" (a
    // sub-bullet "◦" drawn with the letter) included, followed by a space or a tab.
    const BULLETS: &[&str] = &[
        "-", "*", "+", "•", "·", "▪", "–", "■", "►", "➢", "○", "◦", "o", "\u{f0b7}", "\u{f0a7}", "\u{f0d8}", "\u{f0fc}",
    ];
    for m in BULLETS {
        if let Some(rest) = text.strip_prefix(m).filter(|r| r.starts_with([' ', '\t'])) {
            let rest = rest.trim_start();
            return (!rest.is_empty()).then_some((false, 0, rest));
        }
    }
    if let [b'a'..=b'z', b')', b' ' | b'\t', ..] = text.as_bytes() {
        return (!text[3..].trim_start().is_empty()).then_some((false, 0, text));
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    if rest.is_empty() || starts_with_month(rest) {
        return None;
    }
    let number: u32 = text[..digits].parse().ok()?;
    Some((true, number, rest))
}

/// "Protokoltilførsel", "Mindretalsudtalelse fra V:", "Protokoltilførsel: Venstre ønsker …": a
/// statement recorded with a decision, as a heading of its own or run into its text. Returns the
/// heading and the text after it.
///
/// It becomes a subheading inside the decision, not a section of its own: it is part of the
/// decision's record, so it stays in the decision's text on case pages and in open data, and the
/// lines after it ("Fraværende: …") stay in the decision too.
fn note_heading(text: &str) -> Option<(&str, &str)> {
    const NOTES: [&str; 4] = ["protokoltilførsler", "protokoltilførsel", "mindretalsudtalelser", "mindretalsudtalelse"];
    let t = text.trim_start_matches(['*', '_']);
    // The first byte rules out almost every line before the words are compared.
    if !matches!(t.as_bytes().first(), Some(b'P' | b'p' | b'M' | b'm')) {
        return None;
    }
    let after = NOTES.iter().find_map(|w| inline::strip_prefix_ci(t, w))?;
    let (who, rest) = after.split_once(':').unwrap_or((after, ""));
    let who = who.trim_end_matches(['*', '_']);
    // Only who made it may follow the word: "fra V", "af Enhedslisten", "(Ø)".
    let by = who.is_empty() || [" fra ", " af ", " ("].iter().any(|p| who.starts_with(p));
    if !by || who.len() > 60 || who.ends_with(['.', ',']) {
        return None;
    }
    let heading = t[..t.len() - after.len() + who.len()].trim_end();
    Some((heading, rest.trim_start_matches(['*', '_']).trim()))
}

/// A line that is no part of the paragraph above it even without a blank line between them: a
/// label line ("For stemte: A, C, F og Ø (19)", "Fraværende: Erik Olsen (V)") or a numbered
/// sub-item ("3.1 Status på hjemmeplejen"), as plain-text exports write votes and sub-items.
fn stands_alone(text: &str) -> bool {
    label_line(text) || sub_item(text)
}

/// "Undlod at stemme: LA (1)": up to four words of letters and a colon, then a space or the end.
/// "kl. 17:00", "Https://…" and a sentence with a colon further on are not. Decided on the first
/// bytes, as every line of text comes here.
fn label_line(text: &str) -> bool {
    let t = text.trim_start_matches(['*', '_']);
    let b = t.as_bytes();
    // A capital starts the label: an ASCII one or a lead byte of a non-ASCII letter (Æ, Ø, Å).
    if !b.first().is_some_and(|&c| c.is_ascii_uppercase() || c >= 0xC3) {
        return false;
    }
    let Some(colon) = b.iter().take(41).position(|&c| c == b':') else { return false };
    if colon == 0 || !matches!(b.get(colon + 1), None | Some(b' ' | b'\t' | b'*' | b'_')) {
        return false;
    }
    // The colon is ASCII, so `colon` is a char boundary.
    let label = t[..colon].trim_end_matches(['*', '_']);
    let words = label.split(' ').filter(|w| !w.is_empty()).count();
    label.starts_with(char::is_uppercase)
        && words <= 4
        && label.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// "3.1 Status på hjemmeplejen", "2.4.1 Nyt fra KL": numbers of one or two digits joined by dots,
/// then a space and a capital ("3.5 procent" and "1.450 kr." are text).
fn sub_item(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut at, mut groups) = (0, 0);
    loop {
        let n = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 2 {
            return false;
        }
        at += n;
        groups += 1;
        if b.get(at) == Some(&b'.') && b.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 1;
        } else {
            break;
        }
    }
    if b.get(at) == Some(&b'.') {
        at += 1;
    }
    // Only ASCII bytes were passed over, so `at` is a char boundary.
    groups >= 2 && matches!(b.get(at), Some(b' ' | b'\t')) && text[at..].trim_start().starts_with(char::is_uppercase)
}

/// A standalone bold line in a markdown export ("**Effektiviseringsstrategi**") is a heading.
fn is_pseudo_heading(text: &str) -> bool {
    let inner = inline::strip_bold_wrapper(text);
    inner.len() < text.len()
        && inner.len() <= 100
        && !inner.ends_with(['.', ':', ','])
        && !inner.starts_with("Tabel ")
        && !inner.starts_with("Table ")
}

/// True if `next` continues the sentence that `prev` (a paragraph so far) breaks off: `prev` does
/// not end a sentence and `next` starts in lower case, or `prev` ends with a comma, a hyphen, a
/// short function word ("og", "i", "af"), or inside an open parenthesis.
pub fn should_join(prev: &str, next: &str) -> bool {
    let Some(first) = next.trim_start().chars().next() else { return false };
    let p = prev.trim_end();
    let core = p.trim_end_matches([')', ']', '"', '\'', '”', '’', '»', '*', '_']);
    let Some(last) = core.chars().next_back() else { return false };
    let next_lower = first.is_lowercase();
    if matches!(last, '.' | '!' | '?' | ':' | ';' | '…') {
        return last == '.' && next_lower && ends_with_abbreviation(core);
    }
    if core.len() < p.len() && !unbalanced(p) {
        return next_lower; // "(BYC)" or a quotation closes the thought
    }
    next_lower || matches!(last, ',' | '-' | '–' | '/' | '&' | '+') || ends_with_function_word(core) || unbalanced(p)
}

/// Ends `prev` the way the next part of its broken line (`next`, pushed by the caller) meets it:
/// a word the PDF hyphenated at the line end ("boli-" / "ger") is one word again; a compound with
/// an abbreviation keeps its hyphen ("it-" / "systemer", "EU-" / "projekt", "cpr-" / "nummer");
/// "børne-" / "og ungepolitik" keeps hyphen and space; anything else gets a space.
fn join_to(prev: &mut String, next: &str) {
    let hyphenated = prev.strip_suffix('-').is_some_and(|p| p.ends_with(char::is_alphanumeric));
    let next_word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let conjunction = ["og", "eller", "samt", "til", "som", "and", "or"].contains(&next_word);
    if !hyphenated || conjunction {
        prev.push(' ');
        return;
    }
    // "Høje-" / "Taastrup", "covid-" / "19": a name or number after the hyphen keeps it.
    if !next.starts_with(char::is_lowercase) {
        return;
    }
    // Danish writes compounds as one word, so a hyphen at a line end is the PDF's, unless the
    // part before it is an abbreviation (short, capitals, or no vowel) or "ikke" ("ikke-vestlige").
    let head = last_word(&prev[..prev.len() - 1]);
    let head = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let word = head.chars().count() >= 3
        && head.chars().all(char::is_lowercase)
        && head.chars().any(|c| "aeiouyæøå".contains(c))
        && head != "ikke"
        && head.len() + 1 == last_word(prev).len();
    if word {
        prev.pop();
    }
}

fn last_word(s: &str) -> &str {
    let is_break = |c: char| c.is_whitespace() || c == '(' || c == '/';
    let start = s.char_indices().rev().find(|(_, c)| is_break(*c)).map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

fn ends_with_function_word(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "og", "eller", "samt", "i", "af", "til", "for", "på", "med", "om", "at", "den", "det", "de", "en", "et", "som",
        "der", "fra", "ved", "under", "over", "mod", "mellem", "efter", "hos", "uden", "hvor", "når", "men", "end",
        "inden", "gennem", "via", "hvis", "fordi", "da", "så", "både", "jf", "ift", "vedr", "ad", "hhv", "herunder",
        "bl.a", "samt", "the", "and", "of",
    ];
    WORDS.contains(&last_word(s))
}

fn ends_with_abbreviation(s: &str) -> bool {
    const ABBR: &[&str] = &[
        "bl.a.", "jf.", "ca.", "pr.", "f.eks.", "fx.", "vedr.", "evt.", "dvs.", "inkl.", "ekskl.", "nr.", "kl.", "d.",
        "hhv.", "iht.", "ift.", "mht.", "ang.", "jvf.", "tlf.", "st.",
    ];
    let w = last_word(s);
    ABBR.iter().any(|a| w.eq_ignore_ascii_case(a))
}

/// More "(" than ")" near the end: the PDF broke the line inside a parenthesis. Only the tail is
/// looked at, so joining many broken lines stays linear.
fn unbalanced(s: &str) -> bool {
    let start = s.len().saturating_sub(300);
    let start = (start..s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
    let (open, close) = s[start..].bytes().fold((0usize, 0usize), |(o, c), b| match b {
        b'(' => (o + 1, c),
        b')' => (o, c + 1),
        _ => (o, c),
    });
    open > close
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;
    use crate::parse::normalize::document;

    fn blocks(text: &str, markdown: bool) -> Vec<Block> {
        let doc = document(text);
        let mut b = Blocks::new(markdown, false);
        for l in &doc.lines {
            if l.is_blank() {
                b.blank();
            } else {
                b.line(l);
            }
        }
        b.finish()
    }

    fn para(s: &str) -> Block {
        Block::Paragraph { text: s.into() }
    }

    #[test]
    fn pdf_broken_paragraphs_are_joined() {
        let b = blocks(
            "stod det klart, at den kommunale sektor i\n\nkraft af KMD's monopol på en række kritiske it-systemer stod over for en stor udfordring,\n\nsom ville kræve det.\n\nDette var også baggrunden",
            true,
        );
        assert_eq!(
            b,
            vec![
                para("stod det klart, at den kommunale sektor i kraft af KMD's monopol på en række kritiske it-systemer stod over for en stor udfordring, som ville kræve det."),
                para("Dette var også baggrunden")
            ]
        );
        let b = blocks("BAC er \"ejer\" af\n\ntelefonomstillingen og BURC.", false);
        assert_eq!(b, vec![para("BAC er \"ejer\" af telefonomstillingen og BURC.")]);
        let b =
            blocks("26. november: Sammenhængskraft (oplæg/Væksthus for Ledelse og\n\nInnovationsmarkedsplads", true);
        assert_eq!(
            b,
            vec![para("26\\. november: Sammenhængskraft (oplæg/Væksthus for Ledelse og Innovationsmarkedsplads")]
        );
    }

    #[test]
    fn real_paragraph_breaks_stay() {
        let b = blocks(
            "OUP er forankret i tre enheder:\n\nTeam Vækst, Kommunikation og Borgerinddragelse (BYC)\n\nTeam Digitalisering og Indkøb (ØDC)\n\nISC\n\nBorgerrådgiverens beretning\n\nOpfølgning på drøftelse.\n\n30. april:\n\n24. september:",
            true,
        );
        assert_eq!(b.len(), 8, "{b:#?}");
    }

    #[test]
    fn lists_ordered_and_loose() {
        let b = blocks("Det indstilles:\n\n1. Handicap\n2. Udsatte\n\n- a\n\n- b\nfortsat\n\n4. december", false);
        assert_eq!(
            b,
            vec![
                para("Det indstilles:"),
                Block::List { ordered: true, start: 1, items: vec!["Handicap".into(), "Udsatte".into()] },
                Block::List { ordered: false, start: 1, items: vec!["a".into(), "b fortsat".into()] },
                para("4\\. december"),
            ]
        );
    }

    /// Regression: "a) …" items were joined onto the bullet before them ("Tredje a) Mulighed a b)
    /// Mulighed b") and en-dash bullets became one paragraph.
    #[test]
    fn letter_items_and_dash_bullets() {
        let b = blocks("• Tredje\n\na) Mulighed a\nb) Mulighed b\n\n– Tankestreg et\n– Tankestreg to", false);
        let items =
            |v: &[&str]| Block::List { ordered: false, start: 1, items: v.iter().map(|s| s.to_string()).collect() };
        assert_eq!(b, vec![items(&["Tredje", "a) Mulighed a", "b) Mulighed b", "Tankestreg et", "Tankestreg to"])]);
    }

    #[test]
    fn hard_break_and_pseudo_heading() {
        let b = blocks("**Chefforum**\n\nGodkendt.  \nDirektionen ønskede.", true);
        assert_eq!(b, vec![Block::Subheading { text: "Chefforum".into() }, para("Godkendt.\\\nDirektionen ønskede.")]);
    }

    #[test]
    fn hyphenated_line_ends() {
        let b = blocks("de kritiske it-\n\nsystemer og børne-\n\nog ungepolitik", false);
        assert_eq!(b, vec![para("de kritiske it-systemer og børne- og ungepolitik")]);
    }

    /// Regression (second clerk review): "3. Godkendt." / "4. Godkendt." under a decision were
    /// shown as two lists numbered 1.
    #[test]
    fn ordered_lists_keep_their_first_number() {
        let b = blocks("3. Godkendt.\n\n4. Godkendt.", false);
        let items = vec!["Godkendt.".into(), "Godkendt.".into()];
        assert_eq!(b, vec![Block::List { ordered: true, start: 3, items }]);
    }

    /// Regression (clerk review): Wingdings bullets, "➢" and "o" sub-bullets stayed in a paragraph.
    #[test]
    fn bullets_as_pdfs_export_them() {
        let b = blocks("\u{f0a7}\tSkoler\no Vuggestuer\n➢ Børnehaver\n\u{f0d8} Veje", false);
        let items = vec!["Skoler".into(), "Vuggestuer".into(), "Børnehaver".into(), "Veje".into()];
        assert_eq!(b, vec![Block::List { ordered: false, start: 1, items }]);
        assert_eq!(list_marker("og så videre"), None);
    }

    /// Regression (clerk review): "boli-" / "ger" was published as "boli-ger".
    #[test]
    fn words_the_pdf_hyphenated_are_joined() {
        let b =
            blocks("op til 120 boli-\nger i perio-\nden, jf. administra-\ntionens cpr-\nnummer og EU-\nprojekt", false);
        assert_eq!(b, vec![para("op til 120 boliger i perioden, jf. administrationens cpr-nummer og EU-projekt")]);
        let b =
            blocks("(boli-\nger) og 2017-\nbudgettet for ikke-\nvestlige i Høje-\nTaastrup under covid-\n19", false);
        assert_eq!(b, vec![para("(boliger) og 2017-budgettet for ikke-vestlige i Høje-Taastrup under covid-19")]);
    }

    #[test]
    fn layout_tables_and_prose_with_double_spaces() {
        let text = "Tabel 1. Budget (1.000 kr.)\n\n              2017    2018\nDrift       1.500   1.650\nAnlæg         300     450\nEfter tabellen.";
        let b = blocks(text, false);
        let Block::Table(t) = &b[0] else { panic!("{b:#?}") };
        assert_eq!(t.caption.as_deref(), Some("Tabel 1. Budget (1.000 kr.)"));
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.rows[2].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Anlæg", "300", "450"]);
        assert_eq!(b[1], para("Efter tabellen."));
        let b =
            blocks("Direktionen godkendte  forslaget, og\nbad  om en opgørelse.\n\n1.  Økonomi\n2.  Personale", false);
        assert_eq!(
            b,
            vec![
                para("Direktionen godkendte  forslaget, og bad  om en opgørelse."),
                Block::List { ordered: true, start: 1, items: vec!["Økonomi".into(), "Personale".into()] },
            ]
        );
    }

    /// Regression (third clerk review): vote, absence and sub-item lines were joined into one
    /// paragraph; these decide which lines stand alone.
    #[test]
    fn lines_that_stand_alone() {
        for t in [
            "For stemte: A, C, F og Ø (19)",
            "Undlod at stemme: LA (1)",
            "Ændring:",
            "**Fraværende:** Bo",
            "3.1 Nyt",
            "2.4.1. Ældre",
        ] {
            assert!(stands_alone(t), "{t}");
        }
        for t in [
            "kl. 17:00",
            "Kl. 17:00 mødtes",
            "Https://kommune.dk",
            "3.5 procent",
            "1.450 kr. i alt",
            "2024.1 Nyt",
            "Det blev aftalt at gøre sådan: at",
        ] {
            assert!(!stands_alone(t), "{t}");
        }
    }

    #[test]
    fn join_rule_cases() {
        assert!(should_join("jf.", "bilag 3"));
        assert!(!should_join("Direktør", "Kommunikationschef Winnie Jakobsen"));
        assert!(!should_join("Udskudt.", "og mere"));
        assert!(should_join("ØDC indstiller,", "at direktionen godkender"));
        assert!(!should_join("", "x"));
        assert!(!should_join("x", ""));
    }
}
