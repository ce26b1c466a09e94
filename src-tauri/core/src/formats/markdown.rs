//! Notes are Markdown. This turns them into the HTML and the plain text that
//! leave the app (the shared page, the e-mail), with comrak and the dialect
//! the window renders: GitHub-flavoured, a line break where one was typed.
//!
//! What leaves the app is safer than what the window shows: raw HTML is shown
//! as text, images become their description (a remote image in an e-mail is a
//! tracker), a link keeps its address only for the web or e-mail, and a task
//! box is a character, because mail programs drop form controls.

use comrak::arena_tree::NodeEdge;
use comrak::nodes::{AstNode, NodeValue};
use comrak::{format_html, parse_document, Arena, Options};
use std::borrow::Cow;

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.render.hardbreaks = true;
    options.render.escape = true;
    options
}

const CHECKED: &str = "☑ ";
const UNCHECKED: &str = "☐ ";

/// Addresses a shared link may keep: the web and e-mail, nothing that runs.
fn allowed_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Replaces `node` by its children, in place.
fn unwrap<'a>(node: &'a AstNode<'a>) {
    let children: Vec<_> = node.children().collect();
    for child in children {
        node.insert_before(child);
    }
    node.detach();
}

fn text_node<'a>(arena: &'a Arena<'a>, text: &str) -> &'a AstNode<'a> {
    arena.alloc(NodeValue::Text(Cow::Owned(text.to_string())).into())
}

/// Applies the rules of the module comment to a parsed document.
fn make_shareable<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    let nodes: Vec<_> = root.descendants().collect();
    for node in nodes {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Image(_) => unwrap(node),
            NodeValue::Link(link) if !allowed_link(&link.url) => unwrap(node),
            NodeValue::TaskItem(task) => {
                let list = match node.parent().map(|p| p.data.borrow().value.clone()) {
                    Some(NodeValue::List(list)) => list,
                    _ => Default::default(),
                };
                node.data.borrow_mut().value = NodeValue::Item(list);
                let mark = text_node(
                    arena,
                    if task.symbol.is_some() {
                        CHECKED
                    } else {
                        UNCHECKED
                    },
                );
                // The mark goes inside the item's first paragraph, so it stays on its
                // line; an item with no text of its own gets a paragraph for it, since
                // text directly in a list item is a tree the renderer does not accept.
                match node.first_child() {
                    Some(first) if matches!(first.data.borrow().value, NodeValue::Paragraph) => {
                        first.prepend(mark)
                    }
                    _ => {
                        let paragraph = arena.alloc(NodeValue::Paragraph.into());
                        paragraph.append(mark);
                        node.prepend(paragraph);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A self-contained HTML page: its title, its style sheet and its body;
/// what the shared notes and the review packet save and print.
pub fn page(title: &str, css: &str, body: maud::Markup) -> String {
    maud::html! {
        (maud::DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (maud::PreEscaped(css)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// Notes as an HTML fragment, for a page or an e-mail.
pub fn to_html(markdown: &str) -> String {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    make_shareable(&arena, root);
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = format_html(root, &options, &mut out);
    out
}

/// Notes as plain text: the words without Markdown's marks, lists and task
/// boxes kept, each link followed by its address.
pub fn to_text(markdown: &str) -> String {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    make_shareable(&arena, root);
    let mut out = String::new();
    for block in root.children() {
        write_block(block, "", &mut out, 0);
    }
    format!("{}\n", out.trim_end())
}

/// Quotes and lists nested deeper than this are written without their
/// marks. Notes never need more, and walking a few thousand levels (a short
/// note of `> > > …`) by recursion would overflow the stack of the thread
/// that renders it, which ends the app rather than the request.
const MAX_NESTING: usize = 32;

fn write_block<'a>(node: &'a AstNode<'a>, indent: &str, out: &mut String, depth: usize) {
    if depth >= MAX_NESTING {
        write_flat(node, indent, out);
        return;
    }
    let value = node.data.borrow().value.clone();
    match value {
        NodeValue::List(list) => {
            for (n, item) in node.children().enumerate() {
                let marker = match list.list_type {
                    comrak::nodes::ListType::Ordered => format!("{}. ", list.start + n),
                    comrak::nodes::ListType::Bullet => "- ".to_string(),
                };
                let inner = format!("{indent}{}", " ".repeat(marker.chars().count()));
                let mut body = String::new();
                for child in item.children() {
                    write_block(child, &inner, &mut body, depth + 1);
                }
                let body = body.trim_end();
                let body = body.strip_prefix(inner.as_str()).unwrap_or(body);
                out.push_str(&format!("{indent}{marker}{body}\n"));
            }
            out.push('\n');
        }
        NodeValue::CodeBlock(code) => {
            for line in code.literal.lines() {
                out.push_str(&format!("{indent}    {line}\n"));
            }
            out.push('\n');
        }
        NodeValue::BlockQuote => {
            let mut inner = String::new();
            for child in node.children() {
                write_block(child, "", &mut inner, depth + 1);
            }
            for line in inner.trim_end().lines() {
                out.push_str(&format!("{indent}> {line}\n"));
            }
            out.push('\n');
        }
        NodeValue::ThematicBreak => out.push_str(&format!("{indent}----\n\n")),
        NodeValue::Table(_) => {
            for row in node.children() {
                let cells: Vec<String> = row.children().map(|cell| inline_text(cell)).collect();
                out.push_str(&format!("{indent}{}\n", cells.join(" | ")));
            }
            out.push('\n');
        }
        NodeValue::Paragraph | NodeValue::Heading(_) => {
            let text = inline_text(node);
            for line in text.lines() {
                out.push_str(&format!("{indent}{line}\n"));
            }
            out.push('\n');
        }
        _ => {
            for child in node.children() {
                write_block(child, indent, out, depth + 1);
            }
        }
    }
}

/// The text blocks under `node`, one after another, found without recursion.
fn write_flat<'a>(node: &'a AstNode<'a>, indent: &str, out: &mut String) {
    for block in node.descendants() {
        let value = block.data.borrow().value.clone();
        let text = match value {
            NodeValue::Paragraph | NodeValue::Heading(_) => inline_text(block),
            NodeValue::TableRow(_) => block
                .children()
                .map(|cell| inline_text(cell))
                .collect::<Vec<_>>()
                .join(" | "),
            NodeValue::CodeBlock(code) => code.literal,
            NodeValue::ThematicBreak => "----".to_string(),
            _ => continue,
        };
        for line in text.lines() {
            out.push_str(&format!("{indent}{line}\n"));
        }
        out.push('\n');
    }
}

/// The inline content of `node` as text, walked without recursion:
/// emphasis nests as deep as the note's asterisks go.
fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    // Where the text of each link being read starts in `out`.
    let mut links: Vec<usize> = Vec::new();
    for edge in node.traverse() {
        match edge {
            NodeEdge::Start(n) if std::ptr::eq(n, node) => {}
            NodeEdge::End(n) if std::ptr::eq(n, node) => {}
            NodeEdge::Start(n) => match &n.data.borrow().value {
                NodeValue::Text(text) => out.push_str(text),
                NodeValue::Code(code) => out.push_str(&code.literal),
                NodeValue::SoftBreak | NodeValue::LineBreak => out.push('\n'),
                NodeValue::HtmlInline(html) => out.push_str(html),
                NodeValue::Link(_) => links.push(out.len()),
                _ => {}
            },
            NodeEdge::End(n) => {
                if let NodeValue::Link(link) = &n.data.borrow().value {
                    let start = links.pop().unwrap_or(out.len());
                    let text = out.get(start..).unwrap_or_default();
                    let address = link.url.strip_prefix("mailto:").unwrap_or(&link.url);
                    if text != address && text != link.url {
                        let shown = format!(" <{address}>");
                        out.push_str(&shown);
                    }
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
    fn emphasis_lists_and_links_are_rendered() {
        let html =
            to_html("**Q1** is *on track*\n\n- ship it\n- [the doc](https://example.com/doc)");
        assert!(html.contains("<strong>Q1</strong>"), "{html}");
        assert!(html.contains("<em>on track</em>"), "{html}");
        assert!(html.contains("<ul>"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.com/doc\">the doc</a>"),
            "{html}"
        );
        assert!(!html.contains("**"), "{html}");
    }

    #[test]
    fn raw_html_images_and_unsafe_links_do_not_pass() {
        let html = to_html(
            "<script>alert(1)</script> <b onclick=\"x()\">hi</b> ![pixel](https://tracker.invalid/p.png) \
             [run](javascript:alert(1)) [file](file:///etc/passwd)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("href=\"file"), "{html}");
        assert!(html.contains("pixel") && html.contains("run"), "{html}");
    }

    #[test]
    fn task_boxes_are_characters() {
        let html = to_html("- [x] done\n- [ ] next");
        assert!(html.contains("☑ done") && html.contains("☐ next"), "{html}");
        assert!(!html.contains("<input"), "{html}");
    }

    /// Found by fuzzing: an empty task item, or one that starts with a
    /// nested list, has no paragraph to take the mark.
    #[test]
    fn task_boxes_without_text_are_rendered() {
        for (notes, mark) in [("1. [ ] ", "☐"), ("- [x]", "☑"), ("- [ ]\n  - nested", "☐")] {
            let html = to_html(notes);
            assert!(html.contains(mark) && !html.contains("<input"), "{html}");
            assert!(to_text(notes).contains(mark), "{notes:?}");
        }
    }

    #[test]
    fn line_breaks_are_kept_as_typed() {
        assert!(to_html("first\nsecond").contains("first<br />\nsecond"));
    }

    /// A short note can nest thousands deep; rendering it runs on a worker
    /// thread with a small stack, where deep recursion ends the whole app.
    #[test]
    fn deep_nesting_renders_on_a_small_stack() {
        let notes = [
            format!("{}deep", "> ".repeat(5000)),
            format!("{}deep{}", "**".repeat(5000), "**".repeat(5000)),
            format!("{}deep{}", "*a ".repeat(5000), " a*".repeat(5000)),
            format!("{}deep", "- ".repeat(5000)),
            format!(
                "{}deep{}",
                "[".repeat(3000),
                "](https://example.com)".repeat(3000)
            ),
        ];
        let rendered = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                notes
                    .iter()
                    .map(|n| (to_text(n), to_html(n)))
                    .collect::<Vec<_>>()
            })
            .unwrap()
            .join()
            .unwrap();
        for (text, html) in rendered {
            assert!(text.contains("deep"), "{text}");
            assert!(html.contains("deep"), "{html}");
        }
    }

    #[test]
    fn links_nested_in_emphasis_keep_their_address_in_text() {
        assert_eq!(
            to_text("**see [the *doc*](https://example.com/doc)** and <https://example.com>"),
            "see the doc <https://example.com/doc> and https://example.com\n"
        );
    }

    #[test]
    fn plain_text_drops_the_marks() {
        let text = to_text(
            "## Plan\n\n**Q1** goal, see [the doc](https://example.com/doc)\n\n- one\n- [x] two\n\n1. first\n2. second",
        );
        assert_eq!(
            text,
            "Plan\n\nQ1 goal, see the doc <https://example.com/doc>\n\n- one\n- ☑ two\n\n1. first\n2. second\n"
        );
    }
}
