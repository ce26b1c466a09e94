//! The notes renderer behind everything shared (`formats::markdown`: the
//! page, the e-mail, the clipboard), and the shared page around it.
//!
//! Inputs are notes built from a grammar of Markdown and HTML fragments that
//! have slipped script past renderers before (raw tags, event attributes,
//! `javascript:` links hidden by case, entities or white space, SVG and
//! MathML links), plus deep nesting, long runs of markers and raw bytes.
//! Properties: no panic or hang; the HTML holds only the tags and
//! attributes Markdown produces, every link is for the web or e-mail, and
//! the plain text ends its last line.

use crate::driver::Target;
use crate::gen::{chance, chars, mutate_text, number, one_of, pick, raw_text, text, upto};
use arbitrary::Unstructured;
use chrono::{TimeZone, Utc};
use rapport_core::formats::markdown::{to_html, to_text};
use rapport_core::formats::shared_notes::{self, SharedAction, SharedAgendaItem, SharedMeeting};
use rapport_core::formats::sharing;
use rapport_core::records::actions::{ActionStatus, Owner};
use rapport_core::time_of_day::ClockHours;
use rapport_core::Zone;

#[derive(Debug)]
pub struct MarkdownInput {
    pub notes: String,
    /// Other text a shared page carries: names, topic, agenda, action items.
    pub names: Vec<String>,
    /// Whether to render the whole shared page too (a quarter of the
    /// inputs: it renders the same notes again, around the names).
    pub page: bool,
    /// The clock the page writes its times with.
    pub hours: ClockHours,
}

pub struct Markdown;

const BLOCK_STARTS: &[&str] = &[
    "# ",
    "###### ",
    "####### ",
    "> ",
    "> > > ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "9999999999. ",
    "0) ",
    "- [ ] ",
    "- [x] ",
    "* [X] ",
    "1. [ ] ",
    "    ",
    "\t",
    "```",
    "```html\n",
    "~~~ ",
    "---\n",
    "***\n",
    "===\n",
    "| a | b |\n|---|:-:|\n| ",
    "|",
    "[ref]: ",
    "[^1]: ",
    "<!-- ",
    "-->",
    "<div>\n",
    "<script>\n",
    "<?php ",
    "<![CDATA[",
    "<!DOCTYPE html>",
    "<pre>\n",
    "<style>\n",
    "<textarea>",
    "</textarea>",
];

const INLINES: &[&str] = &[
    "**",
    "*",
    "_",
    "__",
    "~~",
    "~",
    "`",
    "``",
    "\\",
    "\\*",
    "&amp;",
    "&lt;script&gt;",
    "&#x3C;script&#x3E;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "&nbsp;",
    "&#0;",
    "&#xD800;",
    "&;",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "\"",
    "'",
    "www.example.com",
    "https://example.com/a?b=1&c=2",
    "user@example.com",
    "mailto:user@example.com",
    "[ref]",
    "[^1]",
    "  \n",
    "\\\n",
];

/// Addresses, most of which must never become a link that runs or leaves
/// for somewhere other than the web or e-mail.
const URLS: &[&str] = &[
    "https://example.com/doc",
    "http://example.com",
    "HTTPS://EXAMPLE.COM",
    "mailto:ada@example.com",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java%0ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "\u{1}javascript:alert(1)",
    "javascript://%0aalert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "file:///etc/passwd",
    "//evil.example",
    "https:evil.example",
    "https://ok.example/\" onerror=\"alert(1)",
    "https://ok.example/'onmouseover='alert(1)",
    "https://ok.example/<script>",
    "https://ok.example/a b",
    "<javascript:alert(1)>",
    "tauri://localhost",
    "about:blank",
    "",
];

const RAW_HTML: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<svg onload=alert(1)>",
    "<svg><a xlink:href=\"https://example.invalid\"><text>x</text></a></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"https://tracker.invalid/p.png\">",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "<b onmouseover=alert(1)>hi</b>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<form action=\"https://evil.example\"><button>go</button></form>",
    "<style>body{display:none}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<object data=\"x.swf\"></object>",
    "<embed src=\"x\">",
    "<link rel=stylesheet href=x>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<base href=\"https://evil.example/\">",
    "</p><script>alert(1)</script><p>",
    "<!--><script>alert(1)</script>-->",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<x onerror=alert(1)>",
    "<a/href=\"javascript:alert(1)\">x</a>",
    "<div\nonclick=alert(1)>x</div>",
];

const WORDS: &[&str] = &[
    "Q1",
    "goal",
    "ship",
    "it",
    "the doc",
    "notes",
    "Ada",
    "on track",
    "é",
    "日本語",
    "👍",
    "\u{202e}",
    "\0",
    "\r",
    "\r\n",
    "\t",
    " ",
    "  ",
    "\n",
    "\n\n",
];

fn fragment(u: &mut Unstructured<'_>, out: &mut String, depth: u32) {
    match upto(u, 13) {
        0 => out.push_str(pick(u, BLOCK_STARTS)),
        1 | 2 => out.push_str(pick(u, INLINES)),
        3 | 4 => out.push_str(pick(u, WORDS)),
        5 => out.push_str(pick(u, RAW_HTML)),
        6 => {
            let url = one_of(u, URLS);
            let label = one_of(u, WORDS);
            match upto(u, 5) {
                0 => out.push_str(&format!("[{label}]({url})")),
                1 => out.push_str(&format!("[{label}](<{url}> \"title\")")),
                2 => out.push_str(&format!("![{label}]({url})")),
                3 => out.push_str(&format!("<{url}>")),
                4 => out.push_str(&format!("[{label}]\n\n[{label}]: {url}")),
                _ => out.push_str(&format!("[![{label}]({url})]({url})")),
            }
        }
        7 if depth > 0 => {
            // Nested structure: emphasis, links and quotes around fragments.
            let (open, close) = *one_of(
                u,
                &[
                    ("**", "**"),
                    ("*", "*"),
                    ("~~", "~~"),
                    ("[", "](https://example.com)"),
                    ("> ", "\n"),
                    ("`", "`"),
                    ("- ", "\n"),
                ],
            );
            out.push_str(open);
            for _ in 0..=upto(u, 3) {
                fragment(u, out, depth - 1);
            }
            out.push_str(close);
        }
        8 => {
            // Long runs: the quadratic cases of Markdown parsers.
            let piece = one_of(
                u,
                &[
                    "[", "*", "_", "> ", "- ", "`", "<", "![", "*a", "**a", "\\", "|", "(", "\n",
                    "  - ",
                ],
            );
            out.push_str(&piece.repeat(upto(u, 3000)));
        }
        9 => out.push_str(&" ".repeat(upto(u, 12))),
        10 => out.push_str(&chars(u, 24)),
        11 => out.push_str(&text(u, 32)),
        12 => out.push_str(&number(u, 0, 10_000).to_string()),
        _ => out.push_str(pick(u, &["\n", "\n\n", "\r\n", " "])),
    }
}

const DICTIONARY: &[&str] = &[
    "<script>",
    "</script>",
    "<svg ",
    "onerror=",
    "javascript:",
    "](",
    "[",
    "]",
    "<",
    ">",
    "\"",
    "\n",
    "\n\n",
    "**",
    "`",
    "```",
    "&#",
    ";",
];

impl Target for Markdown {
    type Input = MarkdownInput;
    const NAME: &'static str = "markdown";

    fn new() -> Result<Self, String> {
        Ok(Markdown)
    }

    fn generate(u: &mut Unstructured<'_>) -> MarkdownInput {
        let notes = match upto(u, 15) {
            0 => raw_text(u),
            _ => {
                let mut notes = String::new();
                for _ in 0..=upto(u, 40) {
                    fragment(u, &mut notes, 3);
                }
                if chance(u, 15) {
                    mutate_text(u, notes, DICTIONARY)
                } else {
                    notes
                }
            }
        };
        let names = (0..upto(u, 4))
            .map(|_| {
                if chance(u, 50) {
                    one_of(u, RAW_HTML).to_string()
                } else {
                    text(u, 20)
                }
            })
            .collect();
        let page = chance(u, 25);
        let hours = ClockHours::twelve(chance(u, 50));
        MarkdownInput {
            notes,
            names,
            page,
            hours,
        }
    }

    fn check(&mut self, input: &MarkdownInput) -> Result<(), String> {
        let html = to_html(&input.notes);
        check_html(&html, FRAGMENT_TAGS).map_err(|e| format!("{e}\nHTML: {html}"))?;

        let text = to_text(&input.notes);
        if !text.ends_with('\n') {
            return Err(format!(
                "the plain text does not end its last line: {text:?}"
            ));
        }

        if !input.page {
            return Ok(());
        }
        let shared = shared_meeting(input);
        let page = sharing::html(&shared, input.hours);
        check_html(&page, PAGE_TAGS).map_err(|e| format!("{e}\npage: {page}"))?;
        let styles = page.to_ascii_lowercase().matches("<style").count();
        if styles != 1 {
            return Err(format!(
                "the page has {styles} style elements, not its own one"
            ));
        }
        let _ = sharing::text(&shared, input.hours);
        let _ = shared_notes::markdown(&shared, input.hours);
        Ok(())
    }
}

fn shared_meeting(input: &MarkdownInput) -> SharedMeeting {
    let name = |i: usize| input.names.get(i).cloned().unwrap_or_default();
    let start = Utc
        .with_ymd_and_hms(2026, 11, 19, 13, 0, 0)
        .single()
        .unwrap_or_default();
    SharedMeeting {
        person_name: name(0),
        manager_name: name(1),
        start,
        time_zone: Zone::UTC,
        duration_minutes: Some(30),
        topic: input.names.get(2).cloned(),
        agenda: vec![SharedAgendaItem {
            title: name(3),
            covered: true,
        }],
        topics: vec![name(4)],
        notes: input.notes.clone(),
        action_items: vec![SharedAction {
            title: name(2),
            owner: Owner::Ic,
            owner_name: name(0),
            due_on: None,
            status: ActionStatus::Partial,
        }],
        next_start: Some(start),
        next_time_zone: Some(Zone::UTC),
    }
}

/// Tags and attributes the renderer's Markdown produces; an attribute given
/// as None may carry any (escaped) value.
type Allowed = &'static [(&'static str, &'static [&'static str])];

const FRAGMENT_TAGS: Allowed = &[
    ("p", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("blockquote", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("pre", &[]),
    ("code", &["class"]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("a", &["href", "title"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &["align"]),
    ("td", &["align"]),
    ("br", &[]),
    ("hr", &[]),
];

const PAGE_TAGS: Allowed = &[
    ("!doctype", &["html"]),
    ("html", &["lang"]),
    ("head", &[]),
    ("meta", &["charset", "name", "content"]),
    ("title", &[]),
    ("style", &[]),
    ("body", &[]),
    ("p", &["class"]),
    ("li", &["class"]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("blockquote", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("pre", &[]),
    ("code", &["class"]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("a", &["href", "title"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &["align"]),
    ("td", &["align"]),
    ("br", &[]),
    ("hr", &[]),
];

/// Names of elements that run script, load something or leave the page;
/// checked on the raw text as well, in case the tag reader below is wrong.
const FORBIDDEN: &[&str] = &[
    "<script",
    "<svg",
    "<math",
    "<iframe",
    "<img",
    "<input",
    "<form",
    "<object",
    "<embed",
    "<link",
    "<base",
    "<frame",
    "<audio",
    "<video",
    "<source",
    "<textarea",
    "<button",
    "<details",
    "<noscript",
];

/// Reads every tag of renderer output, where text is escaped, so every `<`
/// opens a tag, a comment or the doctype; checks names and attributes.
pub fn check_html(html: &str, allowed: Allowed) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    for bad in FORBIDDEN {
        if lower.contains(bad) {
            return Err(format!("the output holds {bad}"));
        }
    }
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = rest.get(open + 1..).unwrap_or("");
        if let Some(comment) = after.strip_prefix("!--") {
            let end = comment.find("-->").ok_or("a comment that never ends")?;
            rest = comment.get(end + 3..).unwrap_or("");
            continue;
        }
        let (tag, consumed) = read_tag(after)?;
        if tag.name.starts_with('/') {
            let name = tag.name.trim_start_matches('/');
            if !allowed.iter().any(|(n, _)| *n == name) {
                return Err(format!(
                    "a closing tag </{name}> that Markdown does not make"
                ));
            }
        } else {
            let Some((_, attributes)) = allowed.iter().find(|(n, _)| *n == tag.name) else {
                return Err(format!("a <{}> tag that Markdown does not make", tag.name));
            };
            for (name, value) in &tag.attributes {
                if name.starts_with("on") {
                    return Err(format!("an event attribute {name} on <{}>", tag.name));
                }
                if !attributes.contains(&name.as_str()) {
                    return Err(format!("an attribute {name} on <{}>", tag.name));
                }
                if name == "href" && !allowed_address(value) {
                    return Err(format!("a link to {value:?}"));
                }
            }
        }
        rest = after.get(consumed..).unwrap_or("");
    }
    Ok(())
}

struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// One tag from just after its `<`: the tag and the bytes it used.
fn read_tag(text: &str) -> Result<(Tag, usize), String> {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let ends_name = |b: u8| b.is_ascii_whitespace() || b == b'>' || b == b'/';
    let mut i = usize::from(at(0) == Some(b'/'));
    while at(i).is_some_and(|b| !ends_name(b)) {
        i += 1;
    }
    let name = text.get(..i).unwrap_or("").to_ascii_lowercase();
    let bare = name.trim_start_matches('/');
    if bare.is_empty() || !bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '!') {
        let shown: String = text.chars().take(40).collect();
        return Err(format!("a raw '<' in the output, before {shown:?}"));
    }
    let mut attributes = Vec::new();
    loop {
        while at(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        match at(i) {
            None => return Err("a tag that never ends".into()),
            Some(b'>') => return Ok((Tag { name, attributes }, i + 1)),
            Some(b'/') if at(i + 1) == Some(b'>') => return Ok((Tag { name, attributes }, i + 2)),
            Some(_) => {}
        }
        let start = i;
        while at(i).is_some_and(|b| !b.is_ascii_whitespace() && !b"=>/".contains(&b)) {
            i += 1;
        }
        if i == start {
            return Err(format!("an odd character in a <{name}> tag"));
        }
        let attr = text.get(start..i).unwrap_or("").to_ascii_lowercase();
        let mut value = String::new();
        if at(i) == Some(b'=') {
            i += 1;
            let Some(quote) = at(i).filter(|q| *q == b'"' || *q == b'\'') else {
                return Err(format!("an unquoted attribute value on <{name}>"));
            };
            let begin = i + 1;
            let end = bytes
                .get(begin..)
                .and_then(|t| t.iter().position(|b| *b == quote))
                .ok_or("an attribute value that never ends")?;
            value = text.get(begin..begin + end).unwrap_or("").to_string();
            i = begin + end + 1;
        }
        attributes.push((attr, decode(&value)));
    }
}

/// The entities renderers write in attribute values, decoded, so that a
/// scheme spelled with them is seen for what the browser reads.
fn decode(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let Some(semi) = after.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = after.get(..semi).unwrap_or("");
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            e if e.starts_with("#x") || e.starts_with("#X") => e
                .get(2..)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32),
            e if e.starts_with('#') => e
                .get(1..)
                .and_then(|d| d.parse().ok())
                .and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = after.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Browsers drop leading white space and control characters before they
/// read a scheme; an address must start with an allowed one without them.
fn allowed_address(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}
