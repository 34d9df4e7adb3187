//! Text from the minutes to safe HTML: CommonMark inline markup rendered with pulldown-cmark (raw
//! HTML turned into visible text), cross-links added for case numbers and meeting dates, and the
//! result sanitized with ammonia. No `<script>`, event-handler attribute or `javascript:` URL from
//! the input ever reaches a page.

use crate::case::CaseNumber;
use crate::link::Site;
use chrono::NaiveDate;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What the cross-linker needs to know about the page the text sits on.
pub struct Links<'a> {
    pub site: &'a Site,
    /// The base path, e.g. "/referater/".
    pub base: &'a str,
    /// The body whose minutes the text comes from: a date mention prefers that body's meeting.
    pub body: &'a str,
    /// The meeting the text belongs to (a mention of its own date is not linked).
    pub current: Option<usize>,
}

/// Dates "20-03-2017" and case numbers ("16/26813", "00.01.00-A00-1-21") in running text.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?P<d>[0-9]{1,2})-(?P<m>[0-9]{1,2})-(?P<y>[0-9]{4})|(?P<case>[0-9]{2}/[0-9]{1,7}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[A-Za-z][0-9]{2}-[0-9]{1,7}-[0-9]{2,4}))\b",
    )
    .expect("valid regex")
});

/// The only markup that may leave this module.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(HashSet::from(["a", "em", "strong", "code", "br", "del"]))
        .add_tag_attributes("a", ["href", "title"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true);
    b
});

/// Characters that may start CommonMark inline markup; text without them is escaped directly.
fn has_markup(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'`' | b'\\' | b'~' | b'!'))
        || text.contains("  \n")
}

/// Renders one paragraph, list item, cell or heading of inline markup to safe HTML.
pub fn inline(text: &str, links: &Links) -> String {
    let text = text.trim();
    if !has_markup(text) {
        let mut out = String::with_capacity(text.len() + 16);
        linkify(text, links, &mut out);
        return out;
    }
    let source = neutralize_blocks(text);
    let mut in_link = 0usize;
    // Links and raw HTML from the input are where markup could slip through; only then is the
    // (costly) ammonia pass needed on top of the event filter below.
    let mut from_input_markup = false;
    let mut events = Vec::new();
    for event in Parser::new_ext(&source, Options::ENABLE_STRIKETHROUGH) {
        from_input_markup |=
            matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. }) | Event::Html(_) | Event::InlineHtml(_));
        match event {
            Event::Start(Tag::Link { ref dest_url, .. }) if safe_url(dest_url) => {
                in_link += 1;
                events.push(event);
            }
            Event::End(TagEnd::Link) if in_link > 0 => {
                in_link -= 1;
                events.push(event);
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak => events.push(event),
            Event::Text(t) if in_link == 0 => {
                let mut html = String::new();
                linkify(&bare_tags_in_text(&t), links, &mut html);
                events.push(Event::Html(CowStr::from(html)));
            }
            Event::InlineHtml(t) => match formatting_tag(&t) {
                Some(tag) => events.push(Event::Html(CowStr::from(tag))),
                None => events.push(Event::Text(CowStr::from(bare_tag(&t)))),
            },
            Event::Html(t) => {
                let mut html = String::new();
                html_block_as_text(&t, links, &mut html);
                events.push(Event::Html(CowStr::from(html)));
            }
            Event::Text(t) => events.push(Event::Text(CowStr::from(bare_tags_in_text(&t).into_owned()))),
            // Block structure, images and unsafe links: keep only their text.
            _ => {}
        }
    }
    let mut html = String::with_capacity(source.len() + 32);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if from_input_markup {
        CLEANER.clean(html.trim_end()).to_string()
    } else {
        html.truncate(html.trim_end().len());
        html
    }
}

/// A line CommonMark took for an HTML block: formatting tags kept, every other tag shown as text.
fn html_block_as_text(block: &str, links: &Links, out: &mut String) {
    let mut last = 0;
    for tag in TAG.find_iter(block) {
        linkify(&block[last..tag.start()], links, out);
        match formatting_tag(tag.as_str()) {
            Some(markup) => out.push_str(markup),
            None => escape_into(&bare_tag(tag.as_str()), out),
        }
        last = tag.end();
    }
    linkify(&block[last..], links, out);
}

/// A raw tag shown as text loses its attributes: `<img src=x onerror=…>` reads "<img>". The
/// attributes mean nothing to a reader, and script-like text has no business on the page.
fn bare_tag(tag: &str) -> String {
    match TAG_NAME.captures(tag) {
        Some(c) => format!("<{}{}>", &c[1], &c[2]),
        None => tag.to_string(),
    }
}

/// Literal tags in text (an export that escaped `<` before it reached us) lose their attributes too.
fn bare_tags_in_text(text: &str) -> std::borrow::Cow<'_, str> {
    LITERAL_TAG.replace_all(text, |c: &regex::Captures| format!("<{}{}>", &c[1], &c[2]))
}

static LITERAL_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>").expect("valid regex"));

static TAG_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)").expect("valid regex"));

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^<>]*>").expect("valid regex"));

/// The exports' bare formatting tags (`<b>`, `<i>`, `<br>`, without attributes) as their HTML
/// equivalent; every other tag is shown as text.
fn formatting_tag(tag: &str) -> Option<&'static str> {
    let t: String = tag.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    Some(match t.as_str() {
        "<b>" | "<strong>" => "<strong>",
        "</b>" | "</strong>" => "</strong>",
        "<i>" | "<em>" => "<em>",
        "</i>" | "</em>" => "</em>",
        "<br>" | "<br/>" => "<br>",
        _ => return None,
    })
}

/// Escapes a line start that CommonMark would read as a block ("4. budgetopfølgning" is a title,
/// not a list starting at 4) and drops indentation (no code blocks).
fn neutralize_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let keep_break = line.ends_with("  ");
        let line = line.trim();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        match line.as_bytes().first() {
            Some(b'#' | b'>' | b'-' | b'+' | b'*' | b'=' | b'|' | b'`' | b'~') => {
                out.push('\\');
                out.push_str(line);
            }
            // "[x]: /url" would silently become a link definition and vanish.
            Some(b'[') if LINK_DEFINITION.is_match(line) => {
                out.push('\\');
                out.push_str(line);
            }
            Some(_) if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) => {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(&line[digits..]);
            }
            _ => out.push_str(line),
        }
        if keep_break {
            out.push_str("  ");
        }
    }
    out
}

static LINK_DEFINITION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\[[^\]]*\]:").expect("valid regex"));

/// Link targets allowed from the minutes: web and mail addresses, and relative links.
fn safe_url(url: &str) -> bool {
    let lower: String =
        url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => matches!(scheme, "http" | "https" | "mailto"),
        _ => true,
    }
}

/// Appends `text` HTML-escaped, with mentions of known cases and meetings turned into links.
pub fn linkify(text: &str, links: &Links, out: &mut String) {
    let mut last = 0;
    for caps in MENTION.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let Some(href) = mention_target(&caps, links) else { continue };
        escape_into(&text[last..whole.start()], out);
        out.push_str("<a href=\"");
        escape_into(links.base, out);
        escape_into(&href, out);
        out.push_str("\">");
        escape_into(whole.as_str(), out);
        out.push_str("</a>");
        last = whole.end();
    }
    escape_into(&text[last..], out);
}

/// The page a mention refers to, relative to the base path, if it exists on this site.
fn mention_target(caps: &regex::Captures, links: &Links) -> Option<String> {
    if let Some(case) = caps.name("case") {
        let case: CaseNumber = case.as_str().parse().ok()?;
        return links.site.cases.contains_key(&case).then(|| Site::case_path(&case));
    }
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(num("y")? as i32, num("m")?, num("d")?)?;
    let meeting = links.site.find_meeting(links.body, date, links.current)?;
    Some(links.site.meeting_path(meeting).to_string())
}

/// HTML-escapes text (also quotes, so the result is safe inside attribute values).
pub fn escape_into(text: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::{AgendaItem, Meeting};

    fn site() -> Site {
        let meeting = |date: &str, case: &str| Meeting {
            source: format!("{date}.txt").into(),
            body: "Direktionen".into(),
            date: date.parse().unwrap(),
            start: None,
            end: None,
            absent: vec![],
            location: None,
            participants: vec![],
            toc: vec![],
            items: vec![AgendaItem {
                number: 1,
                title: "Økonomi".into(),
                case: Some(case.parse().unwrap()),
                closed: false,
                line: 1,
                sections: vec![],
                decisions: vec![],
                attachments: vec![],
            }],
        };
        Site::new(Config::default(), vec![meeting("2017-03-13", "16/26813"), meeting("2017-03-20", "16/26813")])
    }

    fn render(text: &str) -> String {
        let site = site();
        inline(text, &Links { site: &site, base: "/r/", body: "Direktionen", current: Some(1) })
    }

    #[test]
    fn plain_text_is_escaped_and_mentions_are_linked() {
        assert_eq!(
            render("Udskudt fra direktionmødet 13-03-2017 & sag 16/26813"),
            "Udskudt fra direktionmødet <a href=\"/r/direktionen/2017-03-13/\">13-03-2017</a> &amp; sag <a href=\"/r/sager/16-26813/\">16/26813</a>"
        );
        assert_eq!(
            render("Mødet 20-03-2017, tirsdag 20/11, 3.548.400 kr."),
            "Mødet 20-03-2017, tirsdag 20/11, 3.548.400 kr."
        );
    }

    #[test]
    fn inline_markup_is_rendered_but_never_blocks() {
        assert_eq!(render("kommunerne *under ét* betaler"), "kommunerne <em>under ét</em> betaler");
        assert_eq!(render("4. budgetopfølgning 2012"), "4. budgetopfølgning 2012");
        assert_eq!(render("# **Overskrift**"), "# <strong>Overskrift</strong>");
        assert_eq!(render("[www.htk.dk](http://www.htk.dk)"), "<a href=\"http://www.htk.dk\">www.htk.dk</a>");
        assert_eq!(render("Godkendt.  \nDirektionen ønskede"), "Godkendt.<br />\nDirektionen ønskede");
        assert_eq!(render("[x]: /y"), "[x]: /y");
        assert_eq!(render(r"Se \<img src=x onerror=alert(1)> og a \< b > c"), "Se &lt;img&gt; og a &lt; b &gt; c");
    }

    #[test]
    fn xss_from_the_minutes_is_neutralized() {
        let out = render("<script>alert(1)</script> <img src=x onerror=alert(1)> <b>fed</b>");
        assert_eq!(out, "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img&gt; <strong>fed</strong>");
        let out = render("[klik](javascript:alert(1)) <img src=x onerror=alert(1)> <b>fed</b>");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(out.ends_with("<strong>fed</strong>"), "the exports' bare <b> is kept as bold: {out}");
        let out = render("[x](JaVaScRiPt:alert(1)) <a href=\"javascript:alert(1)\" onclick=\"x()\">y</a>");
        assert_eq!(out, "x &lt;a&gt;y&lt;/a&gt;", "raw tags are shown bare, the unsafe link as its text");
        assert!(!out.contains("<a "), "{out}");
    }
}
