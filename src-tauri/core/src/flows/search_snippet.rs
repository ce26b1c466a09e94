//! The few words around a match, with the matched words marked. The index
//! keeps no copy of the text, so the snippet is cut from the record here,
//! splitting words the way the index does (letters and digits, case and
//! accents aside) so what is marked is what matched.

use crate::flows::search::fold;
use crate::flows::search_query::Term;
use serde::Serialize;
use std::borrow::Cow;
use ts_rs::TS;

/// A run of a snippet, marked when it is one of the words searched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// Words a snippet shows around its matches.
const WINDOW: usize = 18;

/// A word of the text: where it is, and how the index compares it.
struct Word<'a> {
    start: usize,
    end: usize,
    folded: Cow<'a, str>,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(at),
            (Some(from), false) => {
                let slice = text.get(from..at).unwrap_or_default();
                words.push(Word {
                    start: from,
                    end: at,
                    folded: fold(slice),
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// The words each term of a search asks for, split and folded once for all
/// the snippets of the search rather than again for every hit.
pub struct Wanted(Vec<WantedTerm>);

struct WantedTerm {
    words: Vec<String>,
    prefix: bool,
}

impl Wanted {
    pub fn new(terms: &[Term]) -> Self {
        Wanted(
            terms
                .iter()
                .map(|term| WantedTerm {
                    words: words(&term.text)
                        .into_iter()
                        .map(|w| w.folded.into_owned())
                        .collect(),
                    prefix: term.prefix,
                })
                .filter(|term| !term.words.is_empty())
                .collect(),
        )
    }
}

/// Which words of a text the terms match.
fn matched(words: &[Word<'_>], wanted: &Wanted) -> Vec<bool> {
    let mut hits = vec![false; words.len()];
    for term in &wanted.0 {
        // A term of no words (punctuation alone) matches nothing.
        let Some(last) = term.words.len().checked_sub(1) else {
            continue;
        };
        for at in 0..words.len() {
            let fits = term.words.iter().enumerate().all(|(i, w)| {
                words.get(at + i).is_some_and(|word| {
                    if i == last && term.prefix {
                        word.folded.starts_with(w.as_str())
                    } else {
                        word.folded == *w
                    }
                })
            });
            if fits {
                for hit in hits.iter_mut().skip(at).take(term.words.len()) {
                    *hit = true;
                }
            }
        }
    }
    hits
}

/// The snippet of `text` for the terms `wanted`: the window of words with the most
/// matches (the start of the text when nothing matches, as for a search by
/// filters only), on one line, with "…" where it was cut.
pub fn snippet(text: &str, wanted: &Wanted) -> Vec<SnippetPart> {
    let words = words(text);
    let hits = matched(&words, wanted);
    let (first, last) = if words.len() <= WINDOW {
        (0, words.len())
    } else {
        // The window with the most matches, the first of them on a tie. Its
        // count is kept as it slides: a word leaves, the next one comes in.
        let mut count = hits.iter().take(WINDOW).filter(|h| **h).count();
        let mut most = (0, count);
        for (start, (leaving, coming)) in hits.iter().zip(hits.iter().skip(WINDOW)).enumerate() {
            count = count - usize::from(*leaving) + usize::from(*coming);
            if count > most.1 {
                most = (start + 1, count);
            }
        }
        // Up to three words of context before the first match.
        let first_hit = hits
            .iter()
            .skip(most.0)
            .position(|h| *h)
            .map_or(most.0, |p| most.0 + p);
        let start = first_hit.saturating_sub(3).min(words.len() - WINDOW);
        (start, start + WINDOW)
    };
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut push = |text: &str, hit: bool| match parts.last_mut() {
        Some(part) if part.hit == hit => part.text.push_str(text),
        _ => parts.push(SnippetPart {
            text: text.to_string(),
            hit,
        }),
    };
    let mut at = match words.get(first) {
        Some(word) if first > 0 => {
            push("… ", false);
            word.start
        }
        _ => 0,
    };
    let mut previous_hit = false;
    for (i, (word, hit)) in words
        .iter()
        .zip(&hits)
        .enumerate()
        .skip(first)
        .take(last - first)
    {
        let between = tidy(text.get(at..word.start).unwrap_or_default(), i == 0);
        // Marked words with only a space between read as one mark.
        push(&between, *hit && previous_hit && between.trim().is_empty());
        push(text.get(word.start..word.end).unwrap_or_default(), *hit);
        at = word.end;
        previous_hit = *hit;
    }
    match words.get(last) {
        Some(next) => {
            // The punctuation right after the last word shown, then the cut.
            let between = text.get(at..next.start).unwrap_or_default();
            push(
                between
                    .split(char::is_whitespace)
                    .next()
                    .unwrap_or_default(),
                false,
            );
            push(" …", false);
        }
        None => push(text.get(at..).unwrap_or_default(), false),
    }
    collapse(parts)
}

/// What lies between two words, without the Markdown around them: a line
/// break becomes " · ", and a line's heading, quote, bullet or checkbox
/// marks and emphasis stars go, so a snippet reads as text.
fn tidy(between: &str, at_start: bool) -> String {
    let strip_line_start = |line: &str| -> String {
        let mut rest = line.trim_start_matches(|c: char| c.is_whitespace() || "#>-*+".contains(c));
        for checkbox in ["[ ]", "[x]", "[X]"] {
            if let Some(after) = rest.strip_prefix(checkbox) {
                rest = after.trim_start();
            }
        }
        rest.to_string()
    };
    let plain = |s: &str| {
        s.chars()
            .filter(|c| !"*`~".contains(*c))
            .collect::<String>()
    };
    if at_start {
        return plain(&strip_line_start(
            between.rsplit('\n').next().unwrap_or_default(),
        ));
    }
    match (between.find('\n'), between.rfind('\n')) {
        (Some(first), Some(last)) => {
            let end_of_line = between.get(..first).unwrap_or_default().trim_end();
            let next_line = strip_line_start(between.get(last + 1..).unwrap_or_default());
            format!("{} · {}", plain(end_of_line), plain(&next_line))
        }
        _ => plain(between),
    }
}

/// One line: every run of white space (line breaks too) is one space, and
/// the ends are trimmed.
fn collapse(parts: Vec<SnippetPart>) -> Vec<SnippetPart> {
    let mut out: Vec<SnippetPart> = Vec::new();
    let mut after_space = true;
    for part in parts {
        let mut text = String::with_capacity(part.text.len());
        for c in part.text.chars() {
            if c.is_whitespace() || c.is_control() {
                if !after_space {
                    text.push(' ');
                    after_space = true;
                }
            } else {
                text.push(c);
                after_space = false;
            }
        }
        if !text.is_empty() {
            out.push(SnippetPart {
                text,
                hit: part.hit,
            });
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    out.retain(|p| !p.text.is_empty());
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)] // a test may panic with its message

    use super::*;

    fn snippet(text: &str, terms: &[Term]) -> Vec<SnippetPart> {
        super::snippet(text, &Wanted::new(terms))
    }

    fn term(text: &str, prefix: bool) -> Term {
        Term {
            text: text.into(),
            phrase: text.contains(' '),
            prefix,
        }
    }

    #[test]
    fn a_term_of_no_words_marks_nothing() {
        let words = words("a plan, then a plan");
        let empty = Wanted(vec![WantedTerm {
            words: Vec::new(),
            prefix: true,
        }]);
        assert_eq!(matched(&words, &empty), vec![false; 5]);
        // Nor does it hide the hits of the terms beside it.
        let with_plan = Wanted(vec![
            WantedTerm {
                words: Vec::new(),
                prefix: false,
            },
            WantedTerm {
                words: vec!["plan".into()],
                prefix: false,
            },
        ]);
        assert_eq!(
            matched(&words, &with_plan),
            [false, true, false, false, true]
        );
    }

    fn render(parts: &[SnippetPart]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_words_phrases_and_prefixes_accents_and_case_aside() {
        let text = "## Réunion\n- Talked about the CAREER ladder and the next level.";
        assert_eq!(
            render(&snippet(
                text,
                &[term("reunion", false), term("caree", true)]
            )),
            "[Réunion] · Talked about the [CAREER] ladder and the next level."
        );
        assert_eq!(
            render(&snippet(text, &[term("next level", false)])),
            "Réunion · Talked about the CAREER ladder and the [next level]."
        );
        // "level" alone is not the phrase "the level".
        assert_eq!(
            render(&snippet(text, &[term("the level", false)])),
            "Réunion · Talked about the CAREER ladder and the next level."
        );
        // Markdown marks go: checkboxes, quotes, emphasis.
        assert_eq!(
            render(&snippet(
                "- [ ] Draft the **plan**\n> quoted",
                &[term("plan", false)]
            )),
            "Draft the [plan] · quoted"
        );
    }

    #[test]
    fn prefixes_match_the_start_of_a_word_in_any_case_and_never_more() {
        let text = "CAREER talk: Réunion plans, careful carts";
        let unmarked = text;
        for (wanted, marked) in [
            (
                term("car", true),
                "[CAREER] talk: Réunion plans, [careful carts]",
            ),
            (
                term("réun", true),
                "CAREER talk: [Réunion] plans, careful carts",
            ),
            // A prefix longer than the word, or a whole word that is only
            // a word's start, marks nothing.
            (term("careerist", true), unmarked),
            (term("care", false), unmarked),
        ] {
            assert_eq!(render(&snippet(text, &[wanted])), marked);
        }
    }

    #[test]
    fn the_cut_keeps_the_words_with_the_most_matches_the_first_such_on_a_tie() {
        let text_with_goal_at = |at: &[usize]| -> String {
            (0..100)
                .map(|i| {
                    if at.contains(&i) {
                        "goal".to_string()
                    } else {
                        format!("w{i}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let goal = [term("goal", false)];
        // One match early, three close together later: the three are shown.
        let shown = render(&snippet(&text_with_goal_at(&[5, 60, 62, 64]), &goal));
        assert!(
            shown.starts_with("… w57 w58 w59 [goal] w61 [goal]"),
            "{shown}"
        );
        assert_eq!(shown.matches("[goal]").count(), 3, "{shown}");
        // Two matches early and two as close later: the early ones are shown.
        let shown = render(&snippet(&text_with_goal_at(&[10, 12, 70, 72]), &goal));
        assert!(shown.starts_with("… w7 w8 w9 [goal] w11 [goal]"), "{shown}");
        assert!(!shown.contains("w70"), "{shown}");
    }

    #[test]
    fn a_long_text_is_cut_around_the_matches() {
        let words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let mut text = words.join(" ");
        text.push_str(" sabbatical w100 w101");
        let shown = render(&snippet(&text, &[term("sabbatical", false)]));
        assert!(shown.starts_with('…'), "{shown}");
        assert!(shown.contains("[sabbatical]"), "{shown}");
        assert!(shown.split_whitespace().count() <= WINDOW + 2, "{shown}");
        let start = render(&snippet(&text, &[]));
        assert!(start.starts_with("w0 w1"), "{start}");
        assert!(start.ends_with('…'), "{start}");
    }
}
