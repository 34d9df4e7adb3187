//! Text from the minutes to safe HTML: CommonMark inline markup rendered with pulldown-cmark (raw
//! HTML turned into visible text), cross-links added for case numbers and meeting dates, and the
//! result sanitized with ammonia. No `<script>`, event-handler attribute or `javascript:` URL from
//! the input ever reaches a page.

use crate::bytes::{any_word, zero_bytes, HIGHS, ONES};
use crate::link::Site;
use crate::mention::{each_mention, Mention};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, TextMergeStream};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What the cross-linker needs to know about the page the text sits on.
pub struct Links<'a> {
    pub site: &'a Site,
    /// The base path, e.g. "/referater/".
    pub base: &'a str,
    /// The meeting the text belongs to: a date mention prefers its body's meeting, and a mention of
    /// its own date is not linked.
    pub current: Option<usize>,
}

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

/// Bytes that may start CommonMark inline markup, as a table: this test runs over every byte of
/// every text, and a table lookup is several times cheaper than a chain of comparisons.
static MARKUP_BYTES: [bool; 256] = crate::bytes::set(b"*_[]<>&`\\~!");

/// Whether `text` may contain CommonMark inline markup (or a hard break, two spaces before a line
/// break); text without any is escaped directly.
fn has_markup(text: &str) -> bool {
    let b = text.as_bytes();
    // Short texts are checked byte by byte; longer ones with a few vectorized scans, which cost
    // a fraction of an instruction per byte once past their setup.
    if b.len() < 64 {
        return b.iter().enumerate().any(|(i, &c)| MARKUP_BYTES[c as usize] || (c == b'\n' && b[..i].ends_with(b"  ")));
    }
    memchr::memchr3(b'*', b'_', b'[', b).is_some()
        || memchr::memchr3(b']', b'<', b'>', b).is_some()
        || memchr::memchr3(b'&', b'`', b'\\', b).is_some()
        || memchr::memchr2(b'~', b'!', b).is_some()
        || memchr::memmem::find(b, b"  \n").is_some()
}

/// Renders one paragraph, list item, cell or heading of inline markup to safe HTML.
///
/// The event filter in [`filtered`] is what makes the text safe: it only lets through tags that
/// pulldown-cmark itself writes (em, strong, del, code, br, and links whose target passed
/// [`safe_url`], which pulldown-cmark writes escaped), and everything else leaves as escaped text.
/// ammonia runs on top only where the input carried links or raw HTML, as a second line of defence
/// where markup came from the minutes; the tests check on adversarial and random input that
/// ammonia never has anything to remove from the filter's output.
pub fn inline(text: &str, links: &Links) -> String {
    let (html, from_input_markup) = filtered(text, links);
    if from_input_markup {
        CLEANER.clean(&html).to_string()
    } else {
        html
    }
}

/// The event-filtered HTML of `text`, and whether the input had links, images or raw HTML.
fn filtered(text: &str, links: &Links) -> (String, bool) {
    let text = text.trim();
    if !has_markup(text) {
        let mut out = String::with_capacity(text.len() + 16);
        linkify(text, links, &mut out);
        return (out, false);
    }
    let source = neutralize_blocks(text);
    let mut in_link = 0usize;
    let mut from_input_markup = false;
    let mut events = Vec::new();
    // Adjacent text merged: the parser splits text at "<", and a literal tag or a mention must be
    // seen whole to be made harmless or linked.
    for event in TextMergeStream::new(Parser::new_ext(&source, Options::ENABLE_STRIKETHROUGH)) {
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
    html.truncate(html.trim_end().len());
    (html, from_input_markup)
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

/// A tag's attributes may follow its name after a space or a slash (`<svg/onload=…>`), as browsers read it.
static LITERAL_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?/?>").expect("valid regex"));

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
    each_mention(text, |range, mention| {
        let Some(href) = mention_target(&mention, &text[..range.start], links) else { return };
        escape_into(&text[last..range.start], out);
        out.push_str("<a href=\"");
        escape_into(links.base, out);
        escape_into(&href, out);
        out.push_str("\">");
        escape_into(&text[range.clone()], out);
        out.push_str("</a>");
        last = range.end;
    });
    escape_into(&text[last..], out);
}

/// The page a mention refers to, relative to the base path, if it exists on this site; `before` is
/// the text before it, which may name the body whose meeting a date is.
fn mention_target(mention: &Mention, before: &str, links: &Links) -> Option<String> {
    match mention {
        Mention::Case(case) => links.site.cases.contains_key(case).then(|| Site::case_path(case)),
        Mention::Date(date) => {
            let meeting = links.site.find_meeting(*date, links.current, before)?;
            Some(links.site.meeting_path(meeting).to_string())
        }
    }
}

/// HTML-escapes text (also quotes, so the result is safe inside attribute values).
pub fn escape_into(text: &str, out: &mut String) {
    if !needs_html_escape(text.as_bytes()) {
        out.push_str(text);
        return;
    }
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

/// Whether `b` holds a character that [`escape_into`] replaces. Most text has none. Short text
/// (most of what templates print: paths, dates, names) is checked eight bytes at a time, where
/// vectorized scans would spend more on their setup than on the scan; longer text with two
/// vectorized scans.
fn needs_html_escape(b: &[u8]) -> bool {
    if b.len() >= 64 {
        return memchr::memchr3(b'&', b'<', b'>', b).is_some() || memchr::memchr2(b'"', b'\'', b).is_some();
    }
    any_word(b, b' ', word_needs_html_escape)
}

/// Whether any of the eight bytes in `w` is `&`, `<`, `>`, `"` or `'`. Pairs one bit apart share
/// a check: `&` (0x26) and `'` (0x27) both read 0x27 with bit 0 set, `<` (0x3c) and `>` (0x3e)
/// both 0x3e with bit 1. A byte's "is zero" test is `(x - 1) & !x` on its high bit: exact as a
/// yes/no answer for the whole word.
fn word_needs_html_escape(w: u64) -> bool {
    let hits = zero_bytes((w | ONES) ^ (ONES * 0x27))
        | zero_bytes((w | (ONES * 0x02)) ^ (ONES * 0x3e))
        | zero_bytes(w ^ (ONES * 0x22));
    hits & HIGHS != 0
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
        let meetings =
            vec![meeting("2017-03-13", "16/26813"), meeting("2017-03-20", "16/26813"), meeting("2017-04-03", "13/3")];
        Site::new(Config::default(), meetings)
    }

    fn render(text: &str) -> String {
        let site = site();
        inline(text, &Links { site: &site, base: "/r/", current: Some(1) })
    }

    #[test]
    fn plain_text_is_escaped_and_mentions_are_linked() {
        assert_eq!(
            render("Udskudt fra direktionmødet 13-03-2017 & sag 16/26813"),
            "Udskudt fra direktionmødet <a href=\"/r/direktionen/2017-03-13/\">13-03-2017</a> &amp; sag <a href=\"/r/sager/16-26813.html\">16/26813</a>"
        );
        assert_eq!(
            render("Mødet 20-03-2017, tirsdag 20/11, 3.548.400 kr."),
            "Mødet 20-03-2017, tirsdag 20/11, 3.548.400 kr."
        );
    }

    #[test]
    fn dates_link_in_every_form_the_search_finds() {
        let link = "<a href=\"/r/direktionen/2017-03-13/\">";
        for date in ["13-03-2017", "13.03.2017", "13/03/2017", "2017-03-13"] {
            assert_eq!(render(&format!("mødet {date}.")), format!("mødet {link}{date}</a>."));
        }
    }

    /// "13/03/2017" was linked as case 13/3 followed by "/2017" when the site had that case.
    #[test]
    fn a_slashed_date_is_not_linked_as_a_case_number() {
        assert_eq!(render("sag 13/3"), "sag <a href=\"/r/sager/13-3.html\">13/3</a>");
        assert_eq!(render("mødet 13/03/2017"), "mødet <a href=\"/r/direktionen/2017-03-13/\">13/03/2017</a>");
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
    fn escape_sees_every_special_character_at_every_position() {
        for len in [1, 7, 8, 9, 16, 63, 64, 100] {
            let plain = "æ".repeat(len / 2) + &"a".repeat(len % 2);
            assert_eq!(escape(&plain), plain);
            for c in ['&', '<', '>', '"', '\''] {
                for at in 0..=plain.len() {
                    if !plain.is_char_boundary(at) {
                        continue;
                    }
                    let text = format!("{}{c}{}", &plain[..at], &plain[at..]);
                    assert!(needs_html_escape(text.as_bytes()), "{text:?}");
                    let reference = text
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;")
                        .replace('"', "&quot;")
                        .replace('\'', "&#39;");
                    assert_eq!(escape(&text), reference);
                }
            }
        }
        for c in ['%', '$', '=', '?', '~', '\0', '\u{7f}', '€'] {
            assert!(!needs_html_escape(c.to_string().repeat(9).as_bytes()), "{c:?}");
        }
    }

    #[test]
    fn has_markup_sees_every_markup_character_and_hard_breaks() {
        for c in "*_[]<>&`\\~!".chars() {
            assert!(has_markup(&format!("a {c} b")), "{c}");
        }
        assert!(has_markup("Godkendt.  \nDirektionen"));
        assert!(!has_markup("Godkendt. \nDirektionen 16/26813 (20-03-2017) æøå"));
        // Long texts take the vectorized path.
        let long = "Direktionen godkendte indstillingen uden bemærkninger, og sagen sendes videre. ";
        assert!(!has_markup(long) && !has_markup(&format!("{long}  {long}\n")));
        for c in "*_[]<>&`\\~!".chars() {
            assert!(has_markup(&format!("{long}{c}")), "{c}");
        }
        assert!(has_markup(&format!("{long}  \n{long}")));
    }

    /// Input for every path through the filter: raw HTML (inline and block), autolinks, link and
    /// image targets with javascript:/data:/vbscript: in any case, behind entities, whitespace and
    /// control characters, and entities that decode to markup.
    const ADVERSARIAL: &[&str] = &[
        "<script>alert(1)</script>",
        "a <script>alert(1)</script> b",
        "<div onclick=\"x()\">blok</div>",
        "tekst <img src=x onerror=alert(1)> <b onclick=x>fed</b> <B>F</B> <br/>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<!-- kommentar --> <![CDATA[x]]> <?php echo 1; ?> <!DOCTYPE html>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<javascript:alert(1)>",
        "<JaVaScRiPt:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
        "<https://example.dk/?a=1&b=\"2\">",
        "<borger@example.dk>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](VbScRiPt:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](DATA:text/html;base64,PHNjcmlwdD4=)",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](java&#09;script:alert(1))",
        "[x](<java script:alert(1)>)",
        "[x](<  javascript:alert(1)>)",
        "[x](\u{1}javascript:alert(1))",
        "[x](java\\script:alert(1))",
        "[x](http://example.dk \"titel\" onmouseover=\"alert(1)\")",
        "[x](http://example.dk \"a\\\" onmouseover=alert(1) b\")",
        "[x](\"><script>alert(1)</script>)",
        "[<b>fed</b> <img src=x onerror=alert(1)>](https://example.dk)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![billede](javascript:alert(1))",
        "![billede](http://example.dk/x.png \"t\")",
        "![<script>alert(1)</script>](x.png)",
        "[![b](x.png)](javascript:alert(1))",
        "![[x](javascript:alert(1))](y.png)",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "&#x3C;img src=x onerror=alert(1)&#x3E;",
        "\\<script>alert(1)\\</script>",
        "`<script>alert(1)</script>`",
        "*<script>*alert(1)*</script>*",
        "~~<b>x</b>~~ **<i>y</i>** _&amp;_",
        "linje  \n<script>\nalert(1)</script>",
        // Regression: found by the property test; a relative link whose path holds "http://".
        "[scriptdata:data:](16/26813>http://x.dk/img~)\n1.</- &#60;",
    ];

    /// Tags and attributes in `html` must be those of the allow-list, links must go to safe places.
    fn assert_safe(input: &str, html: &str) {
        static TAGS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>").unwrap());
        static ATTR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\s([a-z-]+)="([^"]*)""#).unwrap());
        for tag in TAGS.captures_iter(html) {
            let name = tag[2].to_ascii_lowercase();
            assert!(["a", "em", "strong", "code", "br", "del"].contains(&name.as_str()), "{input:?} -> {html}");
            let attrs = tag[3].trim_end().trim_end_matches('/');
            let kept: String = ATTR.replace_all(attrs, "").trim().to_string();
            assert!(kept.is_empty(), "unquoted or odd attributes {kept:?}: {input:?} -> {html}");
            for a in ATTR.captures_iter(attrs) {
                assert!(name == "a" && ["href", "title"].contains(&&a[1]), "{input:?} -> {html}");
                if &a[1] == "href" {
                    // The attribute value as the browser reads it (our writers only ever escape `&`).
                    let url = a[2].replace("&amp;", "&");
                    assert!(safe_url(&url), "unsafe link target: {input:?} -> {html}");
                    // As a browser reads it: text before ':' is a scheme only if it has scheme
                    // characters ("16/26813>http://x" is a relative path).
                    let scheme = url
                        .split_once(':')
                        .map(|(s, _)| s.to_ascii_lowercase())
                        .filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)));
                    assert!(
                        matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")) || url.starts_with('/'),
                        "{input:?} -> {html}"
                    );
                }
            }
        }
    }

    /// ammonia's serialization of what the filter wrote, in the filter's spelling.
    fn normalize(html: &str) -> String {
        html.replace("<br />", "<br>").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
    }

    /// What the filter lets through without ammonia is what ammonia would keep: nothing to remove.
    fn assert_cleaner_has_nothing_to_remove(input: &str) {
        let site = site();
        let links = Links { site: &site, base: "/r/", current: Some(1) };
        let (html, from_input_markup) = filtered(input, &links);
        assert_safe(input, &html);
        assert_safe(input, &inline(input, &links));
        if !from_input_markup {
            assert_eq!(normalize(&CLEANER.clean(&html).to_string()), normalize(&html), "{input:?}");
        }
    }

    #[test]
    fn every_filter_path_is_safe_with_and_without_ammonia() {
        for input in ADVERSARIAL {
            assert_cleaner_has_nothing_to_remove(input);
            let out = render(input);
            for bad in ["<script", "<img", "<iframe", "<svg", "<div", "onerror=", "onclick=", "onload="] {
                assert!(!out.to_ascii_lowercase().contains(bad), "{input:?} -> {out}");
            }
        }
        assert_eq!(render("[x](jav&#x61;script:alert(1))"), "x");
        assert_eq!(render("<javascript:alert(1)>"), "javascript:alert(1)");
        assert_eq!(render("&lt;script&gt;x"), "&lt;script&gt;x", "entities stay text");
        assert_eq!(render("<svg/onload=alert(1)>"), "&lt;svg&gt;", "attributes after a slash go too");
        assert_eq!(render("![billede](http://example.dk/x.png)"), "billede", "images become their text");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn random_markup_is_safe_and_needs_no_cleaning(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<", ">", "&", "[", "]", "(", ")", "!", "*", "_", "`", "\\", "~", "\"", "'", " ", "\n", "  \n", ":",
            "javascript:", "JaVa&#115;cript:", "vbscript:", "data:", "http://x.dk/", "mailto:a@b.dk", "&#60;", "&lt;",
            "&#x3A;", "script", "img", " onerror=", "b>", "</", "#", "1.", "- ", "16/26813", "13-03-2017", "æ", "\t",
        ]), 0..24)) {
            assert_cleaner_has_nothing_to_remove(&parts.concat());
        }
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
