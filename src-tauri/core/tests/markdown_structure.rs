//! The shared HTML and the window render notes with the same structure:
//! headings, paragraphs, lists, emphasis, code, quotes and links. Both sides
//! are checked against one fixture: this test renders it in Rust, and
//! `ui/src/lib/markdown-structure.test.ts` renders it with the window's
//! renderer. `RAPPORT_UPDATE_FIXTURES=1` rewrites the expected structure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use rapport_core::formats::markdown;
use std::path::PathBuf;

const TAGS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "a",
    "br",
    "table",
    "th",
    "td",
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/markdown")
        .join(name)
}

/// The opening tags that carry structure, in document order; a link with
/// its address.
fn structure(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !TAGS.contains(&name.as_str()) {
            continue;
        }
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        if name == "a" {
            let href = tag
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .unwrap_or("");
            out.push(format!("a {href}"));
        } else {
            out.push(name);
        }
    }
    out
}

#[test]
fn shared_html_has_the_structure_the_window_shows() {
    let notes = std::fs::read_to_string(fixture("notes.md")).expect("the fixture");
    let actual = structure(&markdown::to_html(&notes));
    let expected_path = fixture("notes.structure.json");
    if std::env::var_os("RAPPORT_UPDATE_FIXTURES").is_some() {
        let text = serde_json::to_string_pretty(&actual).expect("json");
        std::fs::write(&expected_path, format!("{text}\n")).expect("write the fixture");
    }
    let expected: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(&expected_path).expect("the expected structure"),
    )
    .expect("a JSON list");
    assert_eq!(actual, expected);
}

#[test]
fn the_structure_sees_emphasis_and_links() {
    let s = structure("<p><strong>a</strong> <a href=\"https://x.test\">b</a></p>");
    assert_eq!(s, ["p", "strong", "a https://x.test"]);
}
