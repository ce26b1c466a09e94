//! Search across everything written about the team: what the search screen,
//! the quick search (Ctrl+K) and `rapport search` show. The words come from
//! the query language (`search_query`), the filters from it and from the
//! screen's chips; hits are grouped by 1:1 (person and date), newest first
//! or best match first. Searching only reads: nothing about a search is
//! stored, so it can never reach anything shared.

use crate::error::{Error, Result};
use crate::flows::lookup;
use crate::flows::search_query::{self, fts_term, ParsedQuery, Term};
use crate::flows::search_snippet::{snippet, SnippetPart, Wanted};
use crate::records::meetings::{local_to_utc, MeetingKind, MeetingStatus};
use crate::records::people::PersonSummary;
use crate::records::search::{first_row_at, id_token, IndexQuery, TextKind, Visibility};
use crate::store::Store;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

/// What the window asks: the typed query plus the chips' filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SearchRequest {
    pub query: String,
    #[serde(default)]
    #[ts(optional)]
    pub person_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    #[ts(optional)]
    pub kinds: Option<Vec<TextKind>>,
    #[serde(default)]
    #[ts(optional)]
    pub meeting_kind: Option<MeetingKind>,
    #[serde(default)]
    #[ts(optional)]
    pub template_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub best_match_first: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    /// The hit's place in the index; stable until the text changes.
    #[ts(type = "number")]
    pub row: i64,
    /// The meeting, agenda item, action item, highlight or person the text is from.
    pub source_id: String,
    pub kind: TextKind,
    pub visibility: Visibility,
    pub snippet: Vec<SnippetPart>,
}

/// Hits from one 1:1, or from one person on one day outside a 1:1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchGroup {
    pub person_id: String,
    pub person_name: String,
    pub meeting_id: Option<String>,
    pub meeting_status: Option<MeetingStatus>,
    /// The manager's calendar day of the 1:1 (or of the record).
    pub date: NaiveDate,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchResults {
    pub groups: Vec<SearchGroup>,
    /// Every matching text, beyond this page too.
    #[ts(type = "number")]
    pub total: u64,
    pub offset: u32,
    /// Hits on this page.
    pub shown: u32,
    /// People whose name has the words typed, to jump to.
    pub people: Vec<PersonSummary>,
    /// What to highlight in the text a hit opens.
    pub terms: Vec<Term>,
    /// When nothing matched: the query with each unknown word replaced by
    /// the closest word the notes hold ("carr" → "career").
    pub suggestion: Option<String>,
}

/// Hits a page shows unless asked otherwise, and the most one may ask for.
pub const PAGE: u32 = 50;
pub const MAX_PAGE: u32 = 100_000;

/// Runs a search typed in the window or on the command line.
pub fn search(store: &Store, request: &SearchRequest) -> Result<SearchResults> {
    store.read(|store| search_in(store, request))
}

fn search_in(store: &Store, request: &SearchRequest) -> Result<SearchResults> {
    let zone = store.clock().zone();
    let today = store.clock().day_of(store.clock().now());
    let parsed = search_query::parse(&request.query, today)?;
    let filters = Filters::resolve(store, &parsed, request)?;
    let offset = request.offset.unwrap_or(0);
    let limit = request.limit.unwrap_or(PAGE).clamp(1, MAX_PAGE);
    let Some(rows) = filters.rows(zone.tz()) else {
        return Err(Error::invalid(
            "The search's start date is after its end date; nothing can match.",
        ));
    };
    let query = IndexQuery {
        expression: expression(&parsed, &filters),
        rows,
        best_match_first: request.best_match_first.unwrap_or(false),
        limit,
        offset,
    };
    let index = store.search_index();
    let hits = index.find(&query)?;
    let total = if offset == 0 && (hits.len() as u32) < limit {
        hits.len() as u64
    } else {
        index.count(&query)?
    };
    let people = store.people().summaries()?;
    let names: HashMap<&str, &str> = people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let shown = hits.len() as u32;
    let terms = parsed.terms();
    let wanted = Wanted::new(&terms);
    let mut groups: Vec<SearchGroup> = Vec::new();
    // Where each group is, by person, 1:1 and day.
    let mut places: HashMap<(String, Option<String>, NaiveDate), usize> = HashMap::new();
    for hit in hits {
        let date = match hit.meeting {
            Some((start, _)) => zone.day_of(start),
            None => row_day(hit.row, &zone),
        };
        let key = (
            hit.person_id.clone(),
            hit.meeting_id.clone(),
            // A 1:1 is one group whatever the day of its texts.
            if hit.meeting_id.is_some() {
                NaiveDate::MIN
            } else {
                date
            },
        );
        let view = SearchHit {
            row: hit.row,
            snippet: snippet(&hit.text, &wanted),
            source_id: hit.source_id,
            kind: hit.kind,
            visibility: hit.visibility,
        };
        match places.get(&key).and_then(|&at| groups.get_mut(at)) {
            Some(group) => group.hits.push(view),
            None => {
                places.insert(key, groups.len());
                groups.push(SearchGroup {
                    person_name: names
                        .get(hit.person_id.as_str())
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    person_id: hit.person_id,
                    meeting_id: hit.meeting_id,
                    meeting_status: hit.meeting.map(|(_, status)| status),
                    date,
                    hits: vec![view],
                })
            }
        }
    }
    let people = if offset == 0 && parsed.has_words() && filters.is_words_only() {
        people_named(people, &parsed)
    } else {
        Vec::new()
    };
    let suggestion = if total == 0 && offset == 0 {
        suggest(store, &request.query, &parsed)?
    } else {
        None
    };
    Ok(SearchResults {
        groups,
        total,
        offset,
        shown,
        people,
        terms,
        suggestion,
    })
}

/// The query's filters and the chips', resolved to what the index holds.
#[derive(Debug, Default)]
struct Filters {
    person_id: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    kinds: Vec<TextKind>,
    meeting_kind: Option<MeetingKind>,
    template_id: Option<String>,
}

impl Filters {
    fn resolve(store: &Store, parsed: &ParsedQuery, request: &SearchRequest) -> Result<Filters> {
        let typed = &parsed.filters;
        let person_id = match (&typed.person, &request.person_id) {
            (Some(name), chip) => {
                let person = lookup::person(store, name)?;
                if chip.as_ref().is_some_and(|id| *id != person.id) {
                    return Err(Error::invalid(format!(
                        "person:{name} and the person chosen beside the search differ; keep one."
                    )));
                }
                Some(person.id)
            }
            (None, Some(id)) => Some(store.people().get(id)?.id),
            (None, None) => None,
        };
        let template_id = match (&typed.template, &request.template_id) {
            (Some(name), _) => Some(lookup::template(store, name)?.id),
            (None, chip) => chip.clone(),
        };
        let mut kinds = typed.kinds.clone();
        if let Some(chosen) = &request.kinds {
            kinds = if kinds.is_empty() {
                chosen.clone()
            } else {
                kinds.into_iter().filter(|k| chosen.contains(k)).collect()
            };
            if kinds.is_empty() && !chosen.is_empty() {
                return Err(Error::invalid(
                    "kind: in the search and the kinds chosen beside it have nothing in common.",
                ));
            }
        }
        let later = |a: Option<NaiveDate>, b: Option<NaiveDate>| a.max(b);
        let earlier = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Ok(Filters {
            person_id,
            from: later(typed.from, request.from),
            to: earlier(typed.to, request.to),
            kinds,
            meeting_kind: typed.meeting_kind.or(request.meeting_kind),
            template_id,
        })
    }

    /// The rowids of the chosen days, from the first minute of `from` to the
    /// last of `to` in the manager's zone; None when the range is empty.
    fn rows(&self, tz: chrono_tz::Tz) -> Option<std::ops::Range<i64>> {
        let start = self
            .from
            .map(|d| first_row_at(local_to_utc(tz, d, NaiveTime::MIN)))
            .unwrap_or(0);
        let end = self
            .to
            .and_then(|d| d.succ_opt())
            .map(|d| first_row_at(local_to_utc(tz, d, NaiveTime::MIN)))
            .unwrap_or(i64::MAX);
        (start < end).then_some(start..end)
    }

    fn is_words_only(&self) -> bool {
        self.person_id.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.kinds.is_empty()
            && self.meeting_kind.is_none()
            && self.template_id.is_none()
    }
}

/// The FTS5 expression: the words against the text, the filters against
/// the tags the triggers wrote (see `store/schema/v10_search.sql`).
fn expression(parsed: &ParsedQuery, filters: &Filters) -> String {
    let mut all: Vec<String> = parsed
        .groups
        .iter()
        .map(|group| match group.as_slice() {
            [one] => fts_term(one),
            many => format!(
                "({})",
                many.iter().map(fts_term).collect::<Vec<_>>().join(" OR ")
            ),
        })
        .collect();
    let tag = |token: String| format!("tags : \"{token}\"");
    if let Some(id) = &filters.person_id {
        all.push(tag(format!("p{}", id_token(id))));
    }
    if !filters.kinds.is_empty() {
        let kinds: Vec<String> = filters
            .kinds
            .iter()
            .map(|k| tag(format!("k{}", k.as_str().replace('_', ""))))
            .collect();
        all.push(format!("({})", kinds.join(" OR ")));
    }
    if let Some(kind) = filters.meeting_kind {
        all.push(tag(format!("m{kind}")));
    }
    if let Some(id) = &filters.template_id {
        all.push(tag(format!("t{}", id_token(id))));
    }
    if all.is_empty() {
        // Only dates or exclusions: every text qualifies, and each has one
        // of the three visibility tags.
        all.push(format!(
            "({} OR {} OR {})",
            tag("vshared".into()),
            tag("vprivate".into()),
            tag("vnotshared".into())
        ));
    }
    let mut expression = all.join(" AND ");
    for term in &parsed.excluded {
        expression.push_str(" NOT ");
        expression.push_str(&fts_term(term));
    }
    expression
}

/// The query with each word the notes never hold replaced by the closest
/// one they do: the fewest edits to its start (so a word cut short or
/// mistyped still finds it), then the word most texts hold.
fn suggest(store: &Store, typed: &str, parsed: &ParsedQuery) -> Result<Option<String>> {
    let index = store.search_index();
    let mut suggested = typed.to_string();
    let mut changed = false;
    for term in parsed.terms() {
        let word = fold(&term.text);
        if term.phrase || word.chars().count() < 3 || !word.chars().all(char::is_alphanumeric) {
            continue;
        }
        let start: String = word.chars().take(2).collect();
        let known = index.words_starting(&start)?;
        if known
            .iter()
            .any(|(w, _)| *w == word || (term.prefix && w.starts_with(word.as_ref())))
        {
            continue;
        }
        let allowed = if word.chars().count() <= 4 { 1 } else { 2 };
        let best = known
            .into_iter()
            .filter_map(|(candidate, texts)| {
                let edits = prefix_edits(&word, &candidate);
                (edits <= allowed).then_some((edits, std::cmp::Reverse(texts), candidate))
            })
            .min();
        if let Some((_, _, replacement)) = best {
            suggested = suggested.replacen(&term.text, &replacement, 1);
            changed = true;
        }
    }
    Ok(changed.then_some(suggested))
}

/// The fewest single-letter edits that turn `word` into a start of
/// `candidate` (or into all of it).
fn prefix_edits(word: &str, candidate: &str) -> usize {
    let word: Vec<char> = word.chars().collect();
    let candidate: Vec<char> = candidate.chars().collect();
    // Levenshtein distances from `word` to every start of `candidate`.
    let mut previous: Vec<usize> = (0..=candidate.len()).collect();
    for (i, w) in word.iter().enumerate() {
        let mut current = vec![i + 1; candidate.len() + 1];
        for (j, c) in candidate.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(usize::MAX) + usize::from(w != c);
            let deletion = previous.get(j + 1).copied().unwrap_or(usize::MAX) + 1;
            let insertion = current.get(j).copied().unwrap_or(usize::MAX) + 1;
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = substitution.min(deletion).min(insertion);
            }
        }
        previous = current;
    }
    previous.into_iter().min().unwrap_or(usize::MAX)
}

/// People whose name holds every word searched for, accents and case aside.
fn people_named(people: Vec<PersonSummary>, parsed: &ParsedQuery) -> Vec<PersonSummary> {
    let words: Vec<String> = parsed
        .terms()
        .iter()
        .map(|t| fold(&t.text).into_owned())
        .collect();
    people
        .into_iter()
        .filter(|p| {
            let name = fold(&p.name);
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect()
}

/// Lower case without accents, as the index compares words. A word already
/// so, as most words of a note are, is given back as it is: a search for a
/// common word folds every word of thousands of snippets.
pub fn fold(text: &str) -> Cow<'_, str> {
    // Most words are plain ASCII: no accents to take off.
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(text.to_ascii_lowercase());
        }
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// The day a hit without a 1:1 is dated, from its place in the index.
fn row_day(row: i64, zone: &crate::zone::Zone) -> NaiveDate {
    let minutes = row >> 20;
    let at = DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(minutes);
    zone.day_of(at)
}

/// An index hit as the command line prints it.
pub fn plain_snippet(parts: &[SnippetPart]) -> String {
    parts
        .iter()
        .map(|p| p.text.as_str())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a test may panic with its message

    use super::*;

    /// Case and accents go; a word already folded is given back, not copied.
    #[test]
    fn fold_lowers_case_takes_accents_off_and_copies_only_when_it_must() {
        assert_eq!(fold("CAREER"), "career");
        assert_eq!(fold("Réunion"), "reunion");
        assert_eq!(fold("Ærø"), "ærø");
        assert!(matches!(fold("release"), Cow::Borrowed("release")));
        assert!(matches!(fold("Release"), Cow::Owned(_)));
    }
}
