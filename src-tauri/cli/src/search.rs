//! `rapport search`: the window's search on the command line, one line a
//! hit (`date  person  kind  snippet`). Like grep, it exits 0 when something
//! matched, 1 when nothing did and 2 when the search could not run.

use super::{open, GlobalArgs};
use clap::Args;
use rapport_core::flows::lookup;
use rapport_core::flows::search::{plain_snippet, search, SearchRequest, SearchResults, MAX_PAGE};
use rapport_core::flows::search_query::kinds_named;
use rapport_core::records::search::Visibility;
use rapport_core::{Error, ErrorCode, Result, StorePaths};
use std::io::{IsTerminal, Write};

/// Hits printed unless asked for more: the newest hundred answer "when did
/// this come up" and print in a blink; thousands of lines are for --all.
const DEFAULT_LIMIT: u32 = 100;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words (all must match), "a phrase", -word or NOT
    /// word to leave out, a OR b, word* for a prefix; filters such as
    /// person:Name, kind:private, meeting:urgent, template:Name,
    /// date:2025-Q3, last:90d. One quoted argument is read as a whole query
    /// ('release -retro'); several are words, and one with a space in it is
    /// a phrase.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only this person's notes: an id or a name.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// From this day, month, quarter or year (2025-03-31, 2025-03, 2025-Q1, 2025).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Up to this day, month, quarter or year, included.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only these kinds of text, comma-separated: notes, shared, private, prep,
    /// topic, cancel, agenda, action, highlight, win, concern, accomplishment, focus.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Best match first instead of newest first.
    #[arg(long)]
    pub best_match: bool,
    /// Print the newest (or best) N hits; the count of the rest goes to
    /// standard error.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LIMIT, conflicts_with = "all")]
    pub limit: u32,
    /// Print every hit, however many.
    #[arg(long)]
    pub all: bool,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(global: &GlobalArgs, paths: &StorePaths, args: SearchArgs) -> i32 {
    match find(global, paths, &args) {
        Ok(results) => match print(&results, args.json) {
            Ok(()) if results.total > 0 => 0,
            Ok(()) => {
                if let Some(suggestion) = &results.suggestion {
                    eprintln!("rapport: nothing matched; did you mean: {suggestion}");
                }
                1
            }
            Err(err) => {
                eprintln!("rapport: {}", err.message);
                2
            }
        },
        Err(err) => {
            eprintln!("rapport: {}", err.message);
            2
        }
    }
}

fn find(global: &GlobalArgs, paths: &StorePaths, args: &SearchArgs) -> Result<SearchResults> {
    // One argument is the whole query as typed in the window. Among several,
    // one with a space came from shell quotes around a phrase.
    let query = match args.query.as_slice() {
        [whole] => whole.clone(),
        words => words
            .iter()
            .map(|word| {
                if word.contains(char::is_whitespace) && !word.contains('"') {
                    format!("\"{word}\"")
                } else {
                    word.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    let from = super::period_bound(args.from.as_deref(), "from", true)?;
    let to = super::period_bound(args.to.as_deref(), "to", false)?;
    let kinds = match &args.kind {
        Some(list) => {
            let mut kinds = Vec::new();
            for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                kinds.extend_from_slice(kinds_named(name)?);
            }
            Some(kinds)
        }
        None => None,
    };
    let store = open(global, paths)?;
    let person_id = match &args.person {
        Some(who) => Some(lookup::person(&store, who)?.id),
        None => None,
    };
    search(
        &store,
        &SearchRequest {
            query,
            person_id,
            from,
            to,
            kinds,
            best_match_first: Some(args.best_match),
            limit: Some(if args.all { MAX_PAGE } else { args.limit }),
            ..Default::default()
        },
    )
}

fn print(results: &SearchResults, json: bool) -> Result<()> {
    let out = std::io::stdout();
    let color = out.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = std::io::BufWriter::new(out.lock());
    let failed = |e: std::io::Error| Error::new(ErrorCode::Io, e.to_string());
    if json {
        let text = serde_json::to_string_pretty(results)
            .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
        return writeln!(out, "{text}").map_err(failed);
    }
    let width = results
        .groups
        .iter()
        .map(|g| g.person_name.chars().count())
        .max()
        .unwrap_or(0);
    for group in &results.groups {
        for hit in &group.hits {
            let mut kind = hit.kind.as_str().replace('_', " ");
            if hit.visibility == Visibility::Private && !matches!(kind.as_str(), "private" | "prep")
            {
                kind.push_str(" (private)");
            }
            let snippet = if color {
                hit.snippet
                    .iter()
                    .map(|p| {
                        if p.hit {
                            format!("\x1b[1;31m{}\x1b[0m", p.text)
                        } else {
                            p.text.clone()
                        }
                    })
                    .collect()
            } else {
                plain_snippet(&hit.snippet)
            };
            writeln!(
                out,
                "{}  {:<width$}  {:<14}  {}",
                group.date, group.person_name, kind, snippet
            )
            .map_err(failed)?;
        }
    }
    out.flush().map_err(failed)?;
    let shown = u64::from(results.shown);
    if results.total > shown {
        eprintln!(
            "rapport: {} more hits not shown; narrow the search, or use --limit N or --all.",
            results.total - shown
        );
    }
    Ok(())
}
