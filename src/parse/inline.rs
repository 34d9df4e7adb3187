//! Inline text: turning source lines into CommonMark inline markup (the model's text form),
//! and CommonMark inline markup back into plain text (titles, headings, decisions, attachments).
//!
//! Raw HTML never survives: in markdown exports the `<b>`/`<i>`/`<br>` become markdown and every
//! other tag is dropped; in plain text from PDFs a tag stays visible as text without attributes,
//! and `*`, `_`, `[` or `<` are escaped so that they stay literal.

use std::borrow::Cow;

/// Bytes that need more than a copy: controls, `<`, and 0xC2 (lead byte of NBSP and soft hyphen).
const SPECIAL_MARKDOWN: [bool; 256] = byte_set(b"<\xC2");
/// In plain text also the characters that are markdown syntax.
const SPECIAL_PLAIN: [bool; 256] = byte_set(b"<\xC2\\*_`[]&");
/// Bytes after which [`plain`] has work to do.
const SPECIAL_MARKUP: [bool; 256] = byte_set(b"<\xC2\\*_`[!&");

/// Position of the first byte in `table`: eight bytes per step, most text has none.
fn find_byte(bytes: &[u8], table: &[bool; 256]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    for (n, c) in chunks.by_ref().enumerate() {
        let hit = table[c[0] as usize]
            | table[c[1] as usize]
            | table[c[2] as usize]
            | table[c[3] as usize]
            | table[c[4] as usize]
            | table[c[5] as usize]
            | table[c[6] as usize]
            | table[c[7] as usize];
        if hit {
            return c.iter().position(|b| table[*b as usize]).map(|i| n * 8 + i);
        }
    }
    let tail = bytes.len() - chunks.remainder().len();
    chunks.remainder().iter().position(|b| table[*b as usize]).map(|i| tail + i)
}

/// A lookup table of `bytes` plus every control byte.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = crate::bytes::set(bytes);
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t
}

/// Appends `s` to `buf` as CommonMark inline markup. `markdown` says whether the source already is
/// markdown (then only HTML is converted) or plain text (then markdown syntax is escaped).
pub fn push_inline(buf: &mut String, s: &str, markdown: bool) {
    let table = if markdown { &SPECIAL_MARKDOWN } else { &SPECIAL_PLAIN };
    let mut rest = s;
    let mut comments = CommentEnds::default();
    let mut block_space = false;
    loop {
        // Copy the ordinary run in one go; special bytes are ASCII or a lead byte, so `i` is a
        // char boundary.
        match find_byte(rest.as_bytes(), table) {
            None if rest.is_empty() && block_space => {
                if buf.ends_with(' ') {
                    buf.pop();
                }
                return;
            }
            None => {
                buf.push_str(rest);
                return;
            }
            Some(i) => {
                buf.push_str(&rest[..i]);
                rest = &rest[i..];
                block_space &= i == 0;
            }
        }
        let Some(c) = rest.chars().next() else { return };
        let len = c.len_utf8();
        match c {
            '<' => match html_tag(rest, || comments.may_close(s, rest)) {
                Some((tag, end)) if markdown => {
                    block_space = push_tag_as_markdown(buf, tag);
                    rest = &rest[end..];
                    continue;
                }
                // Plain text shows a tag as text, but bare: its attributes (`onerror=…`, a
                // `javascript:` href) would otherwise reach the model and the open data.
                Some((tag, end)) => {
                    if tag.name != "!--" {
                        buf.push_str(if tag.closing { "\\</" } else { "\\<" });
                        buf.push_str(tag.name);
                        buf.push('>');
                    }
                    rest = &rest[end..];
                    continue;
                }
                None => buf.push_str(if markdown { "<" } else { "\\<" }),
            },
            '\\' | '*' | '_' | '`' | '[' | ']' if !markdown => {
                buf.push('\\');
                buf.push(c);
            }
            '&' if !markdown && looks_like_entity(rest) => buf.push_str("\\&"),
            '\u{a0}' => buf.push(' '),
            '\u{ad}' => {}
            '\t' => buf.push(' '),
            c if c.is_control() => buf.push(' '),
            c => buf.push(c),
        }
        block_space = false;
        rest = &rest[len..];
    }
}

/// Escapes a block marker at the start of `buf[start..]` ("26. november", "- x", "# x", "> x") so
/// that the text stays one paragraph even if a renderer parses it as a block.
pub fn escape_leading_marker(buf: &mut String, start: usize) {
    let t = &buf[start..];
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let at = if (1..=9).contains(&digits) && t[digits..].starts_with(['.', ')']) {
        let after = &t[digits + 1..];
        (after.is_empty() || after.starts_with(' ')).then_some(start + digits)
    } else if (t.starts_with(['-', '+', '*']) && (t.len() == 1 || t[1..].starts_with(' '))) || t.starts_with(['#', '>'])
    {
        Some(start)
    } else {
        None
    };
    if let Some(at) = at {
        buf.insert(at, '\\');
    }
}

/// A tag name and whether it closes, e.g. `</b>` → ("b", true).
#[derive(Debug, PartialEq, Eq)]
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    attrs: &'a str,
}

impl<'a> Tag<'a> {
    /// A mark written in angle brackets, "<Lukket>", "<LUKKET PUNKT>", "<Ikke offentlig>": no
    /// element has such a name, and as a tag it was dropped, with the only word that closed the
    /// item (review 16: published). It reads as its words.
    fn bracketed_mark(&self) -> Option<String> {
        // Elements' names are mostly short; a mark's first word has four letters or more, or words
        // after it ("<Ej offentlig>").
        if self.closing || (self.name.len() < 4 && self.attrs.is_empty()) || self.attrs.contains(['=', '"', '\'']) {
            return None;
        }
        let words = format!("{}{}", self.name, self.attrs.trim_end_matches('/'));
        let says = super::closed::is_closed(&words)
            || super::restricted::line(&words, true)
            || super::fields::public_field(&words) == Some(true);
        says.then_some(words)
    }

    /// The tag's text as a reader sees it: a mark in angle brackets ([`Self::bracketed_mark`]), an
    /// image's `alt` attribute, as a reader without images sees it (a lock icon with alt "Lukket"
    /// in a heading says the item is closed, as `![Lukket](lås.png)` does). Another tag's
    /// `aria-label` or `title` counts when it says closed (an icon "Lukket" in a heading; review
    /// 9), and only then: an `<abbr title>` is shown as its text.
    fn alt(&self) -> Option<Cow<'a, str>> {
        if let Some(mark) = self.bracketed_mark() {
            return Some(Cow::Owned(mark));
        }
        self.alt_attr().map(Cow::Borrowed)
    }

    fn alt_attr(&self) -> Option<&'a str> {
        // (An image without alt text may say it in its title: `<img title="Lukket">`; review 15.)
        if let Some(alt) = self.name.eq_ignore_ascii_case("img").then(|| self.attr("alt")).flatten() {
            return Some(alt);
        }
        if self.attrs.is_empty() || self.closing {
            return None;
        }
        // A lock icon without a text of its own: a padlock image, an icon font's lock, a class
        // "lukket" (`<img src="lock.png">`, `<i class="fa fa-lock">`; review 16: the item was
        // published). It reads as the padlock it shows.
        if self.locked() {
            return Some("\u{1f512}");
        }
        ["aria-label", "title"].iter().find_map(|a| self.attr(a)).filter(|v| super::closed::is_closed(v))
    }

    /// A lock drawn by an image's file name or an icon's class: "lock", "padlock", "laas", "lås",
    /// "lukket", "closed" as a word of the `src` file's name or of the `class`.
    fn locked(&self) -> bool {
        let value = match self.name.eq_ignore_ascii_case("img") {
            true => self.attr("src").map(|s| s.rsplit('/').next().unwrap_or(s)),
            false => self.attr("class"),
        };
        value.is_some_and(|v| {
            v.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| {
                matches!(
                    w,
                    "lock" | "locked" | "padlock" | "laas" | "lås" | "haengelaas" | "hængelås" | "lukket" | "closed"
                )
            })
        })
    }

    /// The value of attribute `name` (lower case), if the tag has it and it is not blank.
    fn attr(&self, name: &str) -> Option<&'a str> {
        let lower = self.attrs.to_ascii_lowercase();
        let at = lower.match_indices(name).map(|(i, _)| i).find(|&i| {
            lower[..i].ends_with([' ', '\t', '\n']) && lower[i + name.len()..].trim_start().starts_with('=')
        })?;
        let value = self.attrs[at + name.len()..].trim_start()[1..].trim_start();
        match value.chars().next()? {
            q @ ('"' | '\'') => value[1..].split(q).next(),
            _ => value.split([' ', '\t', '\n', '/']).next(),
        }
        .filter(|alt| !alt.trim().is_empty())
    }
}

/// Where the text's last `-->` starts, counted from its end: a comment that opens closer to the
/// end than that never closes, and no search for its end is made (each unclosed `<!--` searched
/// the rest of the text: quadratic in a line of them).
#[derive(Default)]
struct CommentEnds(Option<Option<usize>>);

impl CommentEnds {
    /// Whether a `<!--` at the start of `rest`, a suffix of `text`, has a `-->` after it.
    fn may_close(&mut self, text: &str, rest: &str) -> bool {
        let last = *self.0.get_or_insert_with(|| text.rfind("-->").map(|i| text.len() - i));
        last.is_some_and(|from_end| rest.len() >= from_end + 4)
    }
}

/// Recognizes an HTML tag or comment at the start of `s`; returns it and its byte length.
/// `comment_closes` says whether a `-->` follows (see [`CommentEnds`]).
fn html_tag(s: &str, comment_closes: impl FnOnce() -> bool) -> Option<(Tag<'_>, usize)> {
    if let Some(body) = s.strip_prefix("<!--") {
        if !comment_closes() {
            return None;
        }
        let end = body.find("-->")?;
        return Some((Tag { name: "!--", closing: false, attrs: "" }, 4 + end + 3));
    }
    let b = s.as_bytes();
    let closing = b.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    if !b.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    // A namespace prefix is part of the name: Word's HTML writes "<o:p>".
    let name_len =
        b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(**c, b'-' | b':')).count();
    let name = &s[name_start..name_start + name_len];
    let after = &s[name_start + name_len..];
    let end = after.find(['>', '<'])?;
    if after.as_bytes()[end] == b'<' {
        return None;
    }
    let attrs = &after[..end];
    // Attributes must be separated from the name; "<http://x>" is an autolink, not a tag.
    if !(attrs.is_empty() || attrs == "/" || attrs.starts_with([' ', '\t', '\n'])) {
        return None;
    }
    Some((Tag { name, closing, attrs }, name_start + name_len + end + 1))
}

/// Appends `tag` as markdown; true if it is a block's tag, which stands for a space between
/// blocks, and for nothing at a line's end ("Godkendt.</p>").
fn push_tag_as_markdown(buf: &mut String, tag: Tag) -> bool {
    if let Some(alt) = tag.alt() {
        push_inline(buf, &plain_owned(&alt), false);
        return false;
    }
    match tag.name.to_ascii_lowercase().as_str() {
        "b" | "strong" => buf.push_str("**"),
        "i" | "em" => buf.push('*'),
        "br" => buf.push_str("\\\n"),
        "p" | "div" | "li" | "td" | "th" | "tr" => {
            if !buf.ends_with(' ') && !buf.is_empty() {
                buf.push(' ');
            }
            return true;
        }
        _ => {}
    }
    false
}

fn looks_like_entity(s: &str) -> bool {
    let body = &s[1..];
    let len = body.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'#').count();
    len > 0 && len <= 10 && body[len..].starts_with(';')
}

/// `s` without `prefix`, ignoring case ("REFERAT …" with "referat"). Slices only at char boundaries.
pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    let same = head.eq_ignore_ascii_case(prefix) || (!prefix.is_ascii() && head.to_lowercase() == prefix);
    same.then(|| &s[prefix.len()..])
}

/// `s` without `suffix`, ignoring case. Slices only at char boundaries.
pub fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    let same = tail.eq_ignore_ascii_case(suffix) || (!suffix.is_ascii() && tail.to_lowercase() == suffix);
    same.then(|| &s[..at])
}

/// Byte position of the first case-insensitive occurrence of the ASCII `needle` in `s`.
pub fn find_ci(s: &str, needle: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    (0..=h.len() - n.len()).find(|&i| {
        h[i].to_ascii_lowercase() == first && s.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n)
    })
}

/// Lower-cases a short text into `buf` without allocating: ASCII and the Latin-1 capitals
/// (Æ, Ø, Å, É, …) are folded, anything else is kept. `None` if it does not fit.
pub fn lower_short<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let b = s.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    let mut prev = 0u8;
    for (i, &c) in b.iter().enumerate() {
        buf[i] = match c {
            b'A'..=b'Z' => c + 32,
            // Second byte of U+00C0..U+00DE (capitals, except × at 0x97).
            0x80..=0x9E if prev == 0xC3 && c != 0x97 => c + 0x20,
            _ => c,
        };
        prev = c;
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// `**X**` or `__X__` spanning the whole text → `X`; anything else unchanged.
pub fn strip_bold_wrapper(s: &str) -> &str {
    let t = s.trim();
    for m in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(m).and_then(|r| r.strip_suffix(m)) {
            if !inner.contains(m) && !inner.trim().is_empty() {
                return inner.trim();
            }
        }
    }
    t
}

/// True if the whole text is bold (`**X**` or `<b>X</b>`).
pub fn is_bold(s: &str) -> bool {
    strip_bold_wrapper(s).len() < s.trim().len() || strip_b_tag(s).is_some()
}

/// `<b>X</b>` spanning the whole text → `X`.
pub fn strip_b_tag(s: &str) -> Option<&str> {
    let t = s.trim();
    let inner = t.strip_prefix("<b>").or_else(|| t.strip_prefix("<B>"))?;
    let inner = inner.strip_suffix("</b>").or_else(|| inner.strip_suffix("</B>"))?;
    (!inner.contains("<b>")).then(|| inner.trim())
}

/// Plain text of a line or inline-markdown string: markup removed, escapes resolved, entities
/// decoded, runs of spaces collapsed. Hard breaks become newlines.
pub fn to_plain(s: &str) -> String {
    plain(s).into_owned()
}

/// [`to_plain`] without copying when `s` has no markup, entities or odd whitespace (most lines).
pub fn plain(s: &str) -> Cow<'_, str> {
    if find_byte(s.as_bytes(), &SPECIAL_MARKUP).is_none()
        && !crate::bytes::has_spaces(s.as_bytes(), 2)
        && s.trim().len() == s.len()
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(plain_owned(s))
}

fn plain_owned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    plain_into(&mut out, s);
    collapse_spaces(out)
}

fn plain_into(out: &mut String, s: &str) {
    let mut rest = s;
    let mut prev: Option<char> = None;
    let mut comments = CommentEnds::default();
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        match c {
            '\\' => {
                let next = rest[1..].chars().next();
                match next {
                    Some('\n') => out.push('\n'),
                    Some(n) if n.is_ascii_punctuation() => out.push(n),
                    Some(_) | None => out.push('\\'),
                }
                len += next.filter(|n| *n == '\n' || n.is_ascii_punctuation()).map_or(0, char::len_utf8);
            }
            '*' | '_' => {
                let run = rest.bytes().take_while(|b| *b == c as u8).count();
                let next = rest[run..].chars().next();
                let intraword =
                    c == '_' && prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                let flanking = next.is_some_and(|n| !n.is_whitespace()) || prev.is_some_and(|p| !p.is_whitespace());
                if intraword || !flanking {
                    out.push_str(&rest[..run]);
                }
                len = run;
            }
            '[' | '!' if link_at(rest).is_some() => {
                if let Some((text, end)) = link_at(rest) {
                    plain_into(out, text);
                    len = end;
                }
            }
            '`' => {
                let run = rest.bytes().take_while(|b| *b == b'`').count();
                let fence = &rest[..run];
                match rest[run..].find(fence) {
                    Some(end) => {
                        out.push_str(rest[run..run + end].trim());
                        len = run + end + run;
                    }
                    None => {
                        out.push_str(fence);
                        len = run;
                    }
                }
            }
            '<' => match html_tag(rest, || comments.may_close(s, rest)) {
                Some((tag, end)) => {
                    if matches!(tag.name, "br" | "p" | "div" | "td" | "th" | "li") {
                        out.push(' ');
                    }
                    if let Some(alt) = tag.alt() {
                        plain_into(out, &alt);
                    }
                    len = end;
                }
                None => match autolink(rest) {
                    Some((url, end)) => {
                        out.push_str(url);
                        len = end;
                    }
                    None => out.push('<'),
                },
            },
            '&' => match entity(rest) {
                Some((ch, end)) => {
                    out.push(ch);
                    len = end;
                }
                None => out.push('&'),
            },
            '\u{a0}' | '\t' => out.push(' '),
            '\u{ad}' => {}
            '\n' => out.push('\n'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        prev = rest[..len].chars().next_back();
        rest = &rest[len..];
    }
}

/// `[text](url)` or `![alt](url)` at the start of `s` → (text, byte length).
fn link_at(s: &str) -> Option<(&str, usize)> {
    let open = if s.starts_with("![") {
        2
    } else if s.starts_with('[') {
        1
    } else {
        return None;
    };
    let mut depth = 0usize;
    let mut close = None;
    for (i, b) in s.bytes().enumerate().skip(open) {
        match b {
            b'\\' => continue,
            b'[' => depth += 1,
            b']' if depth == 0 => {
                close = Some(i);
                break;
            }
            b']' => depth -= 1,
            _ => {}
        }
    }
    let close = close?;
    let after = s[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    Some((&s[open..close], close + 2 + end + 1))
}

fn autolink(s: &str) -> Option<(&str, usize)> {
    let end = s.find('>')?;
    let url = &s[1..end];
    let is_url = (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:"))
        && !url.contains(char::is_whitespace);
    is_url.then_some((url, end + 1))
}

fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        // The Danish letters by name: a reader sees "Åben" (review 9).
        // … also in capitals, which a browser shows as written and a reader still reads (review 10).
        "ARING" => 'Å',
        "AELIG" => 'Æ',
        "OSLASH" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        // Invisible: a reader sees nothing of them.
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control())?
        }
    };
    Some((ch, end + 1))
}

/// Collapses runs of spaces (not newlines) and trims, reusing the buffer when nothing changes.
fn collapse_spaces(s: String) -> String {
    if !s.contains("  ") && !s.contains(" \n") && !s.contains("\n ") && s.trim().len() == s.len() {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut first = true;
        for w in line.split(' ').filter(|w| !w.is_empty()) {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(s: &str, markdown: bool) -> String {
        let mut b = String::new();
        push_inline(&mut b, s, markdown);
        b
    }

    /// Regression (robustness review): every unclosed `<!--` searched the rest of the line for
    /// `-->`, so a 1 MB line of them took minutes and held up the whole build.
    #[test]
    fn regression_a_line_of_unclosed_comments_is_read_once() {
        let line = "<!--".repeat(100_000);
        for markdown in [true, false] {
            assert_eq!(inline(&line, markdown).len(), if markdown { line.len() } else { line.len() + 100_000 });
        }
        assert_eq!(to_plain(&line), line);
        // A comment that closes is still one, also after unclosed ones before it in the text.
        assert_eq!(to_plain("a <!-- x --> b <!-- y"), "a b <!-- y");
        assert_eq!(inline("<!--<!-- x -->b", true), "b");
        assert_eq!(inline("a<!---->b <!--->c", true), "ab <!--->c");
    }

    #[test]
    fn markdown_keeps_emphasis_and_links_but_not_html() {
        let s = "kommunerne *under ét* og [www.htk.dk](http://www.htk.dk)";
        assert_eq!(inline(s, true), s);
        assert_eq!(inline("<b>Total</b> a<br>b <span class=x>c</span>", true), "**Total** a\\\nb c");
        assert_eq!(inline("<script>alert(1)</script>", true), "alert(1)");
        assert_eq!(inline("se <http://x.dk> og a < b", true), "se <http://x.dk> og a < b");
    }

    #[test]
    fn a_block_tag_at_a_line_end_leaves_no_space() {
        assert_eq!(inline("<p>Godkendt.</p>", true), "Godkendt.");
        assert_eq!(inline("<p>Godkendt.</p></div>", true), "Godkendt.");
        assert_eq!(inline("<p>a</p><p>b &amp; c</p>", true), "a b &amp; c");
        assert_eq!(inline("a</p>&amp;", true), "a &amp;");
    }

    #[test]
    fn plain_text_is_escaped() {
        assert_eq!(
            inline("fil_navn *x* [1] a < b <b>fed</b> &amp; AT&T", false),
            "fil\\_navn \\*x\\* \\[1\\] a \\< b \\<b>fed\\</b> \\&amp; AT&T"
        );
        assert_eq!(inline("a\u{a0}b\u{ad}c", false), "a bc");
    }

    /// Regression: plain-text minutes kept `<img src=x onerror=alert(1)>` as escaped text, so the
    /// attribute reached the open-data JSON (the HTML pages showed the tag without attributes).
    #[test]
    fn plain_text_tags_lose_their_attributes() {
        let text = inline("Se <img src=x onerror=alert(1)> og <a href=\"javascript:alert(2)\">dette</a>.", false);
        assert_eq!(text, "Se \\<img> og \\<a>dette\\</a>.");
    }

    /// Regression: a lock icon `<img alt="Lukket">` in an item's heading was dropped, and the
    /// closed item published.
    #[test]
    fn regression_an_image_reads_as_its_alt_text() {
        assert_eq!(to_plain("2. Salg <img src=\"lås.png\" alt=\"Lukket\">"), "2. Salg Lukket");
        assert_eq!(to_plain("a <IMG ALT='Lukket punkt' src=x> <img alt=Lukket/>"), "a Lukket punkt Lukket");
        assert_eq!(to_plain("a<img src=x data-alt=\"y\" alt=\"\">b <img src=x>c"), "ab c");
        assert_eq!(inline("<img alt=\"&lt;script&gt;*x*\">", true), "\\<script>x", "text, never a tag");
        assert_eq!(inline("Se <img alt=\"Lukket\" src=x>", false), "Se \\<img>", "plain text keeps a bare tag");
    }

    #[test]
    fn leading_block_markers_are_escaped() {
        for (s, want) in
            [("26. november: x", "26\\. november: x"), ("- a", "\\- a"), ("# x", "\\# x"), ("2012 x", "2012 x")]
        {
            let mut b = s.to_string();
            escape_leading_marker(&mut b, 0);
            assert_eq!(b, want);
        }
    }

    #[test]
    fn plain_from_markdown() {
        assert_eq!(to_plain("**Punkt 1: Økonomi**"), "Punkt 1: Økonomi");
        assert_eq!(to_plain("KOMBIT - 121106\\_erklæring"), "KOMBIT - 121106_erklæring");
        assert_eq!(to_plain("se [www.htk.dk](http://www.htk.dk) *nu*"), "se www.htk.dk nu");
        assert_eq!(to_plain("a <b>b</b>  &amp; c_d_e"), "a b & c_d_e");
        assert_eq!(to_plain("5 * 3"), "5 * 3");
        assert_eq!(to_plain("Godkendt.\\\nMere"), "Godkendt.\nMere");
        assert_eq!(to_plain("`kode`"), "kode");
    }

    #[test]
    fn bold_wrappers() {
        assert_eq!(strip_bold_wrapper("**Mødedato**"), "Mødedato");
        assert_eq!(strip_bold_wrapper("**a** og **b**"), "**a** og **b**");
        assert_eq!(strip_b_tag("<b>8</b>"), Some("8"));
        assert!(is_bold("<b>x</b>"));
        assert!(!is_bold("x"));
    }

    #[test]
    fn case_insensitive_helpers_respect_char_boundaries() {
        assert_eq!(strip_prefix_ci("REFERAT Byrådet", "referat"), Some(" Byrådet"));
        assert_eq!(strip_prefix_ci("Byrådet d.", "for "), None);
        assert_eq!(strip_prefix_ci("Mødet i X", "mødet i "), Some("X"));
        assert_eq!(strip_suffix_ci("Byrådet, Lørdag", " lørdag"), Some("Byrådet,"));
        assert_eq!(strip_suffix_ci("å", " d"), None);
        assert_eq!(find_ci("Økonomiudvalgets Beslutning", "s beslutning"), Some(16));
        assert_eq!(find_ci("\u{212a}ab", "kab"), None);
    }

    #[test]
    fn find_byte_in_chunks_and_tail() {
        for (s, want) in
            [("", None), ("abc", None), ("abcdefgh<", Some(8)), ("ab<", Some(2)), ("abcdefghijklmnop", None)]
        {
            assert_eq!(find_byte(s.as_bytes(), &SPECIAL_MARKDOWN), want, "{s}");
        }
        assert_eq!(find_byte("abcdefg\u{a0}".as_bytes(), &SPECIAL_MARKDOWN), Some(7));
    }

    #[test]
    fn lower_short_folds_danish_capitals() {
        let mut buf = [0u8; 64];
        assert_eq!(lower_short("ØKONOMI og Bilag ÆØÅ × É", &mut buf), Some("økonomi og bilag æøå × é"));
        assert_eq!(lower_short(&"x".repeat(65), &mut buf), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["<", "<!--", "[", "[a](", "![", "&", "&#99999999;", "\\", "`", "<a", "æ<b", "**", "_"] {
            to_plain(s);
            inline(s, true);
            inline(s, false);
        }
    }
}
