//! The search language a person guesses: words (all must match), "an exact
//! phrase", -word to leave out, OR between words, word* for a prefix, and
//! filters written as `name:value` (person:, kind:, meeting:, template:,
//! from:, to:, date:, last:). It is parsed here and only ever reaches the
//! index as an FTS5 expression this module writes, so nothing typed is run
//! as query syntax and a mistake gets a sentence, not an SQL error.

use crate::error::{Error, Result};
use crate::records::meetings::MeetingKind;
use crate::records::search::TextKind;
use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// One word or phrase to look for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Term {
    pub text: String,
    /// Typed between quotes: the words in this order.
    pub phrase: bool,
    /// Typed with a trailing `*`: words that start with it.
    pub prefix: bool,
}

/// Filters written in the query; the window's chips add theirs beside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryFilters {
    /// As typed (a name or part of one); the search resolves it.
    pub person: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kinds: Vec<TextKind>,
    pub meeting_kind: Option<MeetingKind>,
    /// A template's name as typed.
    pub template: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Every group must match; a group matches when one of its terms does.
    pub groups: Vec<Vec<Term>>,
    /// Texts with any of these are left out.
    pub excluded: Vec<Term>,
    pub filters: QueryFilters,
}

impl ParsedQuery {
    /// The terms a match can show, for highlighting.
    pub fn terms(&self) -> Vec<Term> {
        self.groups.iter().flatten().cloned().collect()
    }

    pub fn has_words(&self) -> bool {
        !self.groups.is_empty()
    }
}

/// What the filters accept, for messages and the command line's help.
pub const KIND_NAMES: &str = "notes, shared, private, prep, topic, cancel, agenda, action, \
     highlight, win, concern, accomplishment, focus, feedback, growth, mood";

#[derive(Debug)]
enum Token {
    Term { term: Term, negated: bool },
    Or,
}

/// Parses what was typed; `today` gives `last:` its end.
pub fn parse(input: &str, today: NaiveDate) -> Result<ParsedQuery> {
    let mut parsed = ParsedQuery::default();
    let mut tokens = Vec::new();
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut negate_next = false;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negated =
            negate_next || (c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()));
        negate_next = false;
        if c == '-' && negated {
            i += 1;
        }
        if chars.get(i) == Some(&'"') {
            let (text, end) = quoted(&chars, i)?;
            i = end;
            let prefix = chars.get(i) == Some(&'*');
            if prefix {
                i += 1;
            }
            push_term(&mut tokens, text, true, prefix, negated);
            continue;
        }
        // A word, or a filter whose value may be quoted.
        let mut word = String::new();
        while let Some(&ch) = chars.get(i) {
            if ch.is_whitespace() {
                break;
            }
            if ch == '"' && word.ends_with(':') {
                let (value, end) = quoted(&chars, i)?;
                word.push_str(&value);
                i = end;
                break;
            }
            word.push(ch);
            i += 1;
        }
        if !negated {
            match word.as_str() {
                "OR" => {
                    tokens.push(Token::Or);
                    continue;
                }
                "AND" => continue,
                "NOT" => {
                    negate_next = true;
                    continue;
                }
                _ => {}
            }
        }
        if let Some((name, value)) = word.split_once(':') {
            if let Some(filter) = Filter::named(name) {
                if negated {
                    return Err(Error::invalid(format!(
                        "A filter cannot be left out with \"-\": write {name}:… without it."
                    )));
                }
                filter.apply(value.trim(), today, &mut parsed.filters)?;
                continue;
            }
        }
        let prefix = word.ends_with('*');
        let text = word.trim_end_matches('*').to_string();
        push_term(&mut tokens, text, false, prefix, negated);
    }
    if negate_next {
        return Err(Error::invalid(
            "NOT needs a word after it: NOT holiday leaves out texts with \"holiday\".",
        ));
    }
    group(tokens, &mut parsed)?;
    if !parsed.has_words() && parsed.filters == QueryFilters::default() {
        return Err(if parsed.excluded.is_empty() {
            Error::invalid("Type a word to search for.")
        } else {
            Error::invalid(
                "-word only leaves words out: add a word to look for, or a filter such as person:Name.",
            )
        });
    }
    Ok(parsed)
}

/// The text between the quote at `open` and its pair, and the index after it.
fn quoted(chars: &[char], open: usize) -> Result<(String, usize)> {
    let rest = chars.get(open + 1..).unwrap_or_default();
    match rest.iter().position(|&c| c == '"') {
        Some(len) => Ok((rest.iter().take(len).collect(), open + len + 2)),
        None => Err(Error::invalid(
            "A quote is not closed: add the closing \" or remove the opening one.",
        )),
    }
}

/// Keeps a term with something to look for; lone punctuation has no words
/// in it, as the index sees text.
fn push_term(tokens: &mut Vec<Token>, text: String, phrase: bool, prefix: bool, negated: bool) {
    if text.chars().any(char::is_alphanumeric) {
        tokens.push(Token::Term {
            term: Term {
                text,
                phrase,
                prefix,
            },
            negated,
        });
    }
}

/// Joins `a OR b` into one group; every other term is a group of its own.
fn group(tokens: Vec<Token>, parsed: &mut ParsedQuery) -> Result<()> {
    const OR_HELP: &str = "OR goes between two words to look for, as in: promotion OR raise.";
    let mut pending_or = false;
    let mut last_positive = false;
    for token in tokens {
        match token {
            Token::Or => {
                if !last_positive || pending_or {
                    return Err(Error::invalid(OR_HELP));
                }
                pending_or = true;
            }
            Token::Term {
                term,
                negated: true,
            } => {
                if pending_or {
                    return Err(Error::invalid(OR_HELP));
                }
                parsed.excluded.push(term);
                last_positive = false;
            }
            Token::Term {
                term,
                negated: false,
            } => {
                match parsed.groups.last_mut() {
                    Some(last) if pending_or => last.push(term),
                    _ => parsed.groups.push(vec![term]),
                }
                pending_or = false;
                last_positive = true;
            }
        }
    }
    if pending_or {
        return Err(Error::invalid(OR_HELP));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
enum Filter {
    Person,
    Kind,
    Meeting,
    Template,
    From,
    To,
    Date,
    Last,
}

impl Filter {
    fn named(name: &str) -> Option<Filter> {
        Some(match name.to_lowercase().as_str() {
            "person" | "who" => Filter::Person,
            "kind" | "in" => Filter::Kind,
            "meeting" => Filter::Meeting,
            "template" => Filter::Template,
            "from" | "after" | "since" => Filter::From,
            "to" | "before" | "until" => Filter::To,
            "date" | "during" => Filter::Date,
            "last" => Filter::Last,
            _ => return None,
        })
    }

    fn apply(self, value: &str, today: NaiveDate, filters: &mut QueryFilters) -> Result<()> {
        if value.is_empty() {
            return Err(Error::invalid(format!(
                "{} needs a value after the colon, as in {}.",
                self.name(),
                self.example()
            )));
        }
        match self {
            Filter::Person => filters.person = Some(value.to_string()),
            Filter::Template => filters.template = Some(value.to_string()),
            Filter::Kind => {
                for name in value.split(',').filter(|n| !n.trim().is_empty()) {
                    for kind in kinds_named(name.trim())? {
                        if !filters.kinds.contains(kind) {
                            filters.kinds.push(*kind);
                        }
                    }
                }
            }
            Filter::Meeting => {
                filters.meeting_kind = Some(value.to_lowercase().parse().map_err(|_| {
                    Error::invalid(format!(
                        "meeting:{value} is not a kind of 1:1; use regular, urgent or requested."
                    ))
                })?)
            }
            Filter::From => {
                let (first, _) = period(value)
                    .ok_or_else(|| Error::invalid(format!("from:{value} {DATE_HELP}")))?;
                filters.from = Some(filters.from.map_or(first, |f| f.max(first)));
            }
            Filter::To => {
                let (_, last) = period(value)
                    .ok_or_else(|| Error::invalid(format!("to:{value} {DATE_HELP}")))?;
                filters.to = Some(filters.to.map_or(last, |t| t.min(last)));
            }
            Filter::Date => {
                let (first, last) = period(value)
                    .ok_or_else(|| Error::invalid(format!("date:{value} {DATE_HELP}")))?;
                filters.from = Some(filters.from.map_or(first, |f| f.max(first)));
                filters.to = Some(filters.to.map_or(last, |t| t.min(last)));
            }
            Filter::Last => {
                let first = last_period(value, today).ok_or_else(|| {
                    Error::invalid(format!(
                        "last:{value} is not a length of time; write last:90d, last:6m or last:1y."
                    ))
                })?;
                filters.from = Some(filters.from.map_or(first, |f| f.max(first)));
            }
        }
        Ok(())
    }

    fn name(self) -> &'static str {
        match self {
            Filter::Person => "person:",
            Filter::Kind => "kind:",
            Filter::Meeting => "meeting:",
            Filter::Template => "template:",
            Filter::From => "from:",
            Filter::To => "to:",
            Filter::Date => "date:",
            Filter::Last => "last:",
        }
    }

    fn example(self) -> &'static str {
        match self {
            Filter::Person => "person:Amara or person:\"Amara Okafor\"",
            Filter::Kind => "kind:private or kind:win,concern",
            Filter::Meeting => "meeting:urgent",
            Filter::Template => "template:\"Career development\"",
            Filter::From => "from:2025-01-01",
            Filter::To => "to:2025-03-31",
            Filter::Date => "date:2025-Q3",
            Filter::Last => "last:90d",
        }
    }
}

const DATE_HELP: &str =
    "is not a date: write a day (2025-03-31), a month (2025-03), a quarter (2025-Q1) or a year (2025).";

/// The first and last day of a day, month, quarter or year as typed.
pub fn period(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.trim();
    if let Ok(day) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Some((day, day));
    }
    let (year, rest) = match value.split_once('-') {
        Some((y, rest)) => (y, Some(rest)),
        None => (value, None),
    };
    if year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let (first, months) = match rest {
        None => (NaiveDate::from_ymd_opt(year, 1, 1)?, 12),
        Some(q) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
            let quarter: u32 = q.get(1..)?.parse().ok()?;
            if !(1..=4).contains(&quarter) {
                return None;
            }
            (NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1)?, 3)
        }
        Some(m) if m.len() == 2 => (NaiveDate::from_ymd_opt(year, m.parse().ok()?, 1)?, 1),
        Some(_) => return None,
    };
    let last = first.checked_add_months(Months::new(months))? - Duration::days(1);
    Some((first, last))
}

/// The first day of "the last N days / months / years" ending today.
fn last_period(value: &str, today: NaiveDate) -> Option<NaiveDate> {
    let value = value.trim().to_lowercase();
    let unit_at = value.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = value.split_at(unit_at);
    let count: u32 = count.parse().ok().filter(|&n| n > 0 && n <= 10_000)?;
    match unit {
        "d" | "day" | "days" => today.checked_sub_signed(Duration::days(i64::from(count) - 1)),
        "w" | "week" | "weeks" => {
            today.checked_sub_signed(Duration::days(i64::from(count) * 7 - 1))
        }
        "m" | "month" | "months" => today
            .checked_sub_months(Months::new(count))
            .map(|d| d + Duration::days(1)),
        "y" | "year" | "years" => today
            .with_year(today.year().checked_sub(i32::try_from(count).ok()?)?)
            .map(|d| d + Duration::days(1)),
        _ => None,
    }
}

/// The kinds a `kind:` name stands for.
pub fn kinds_named(name: &str) -> Result<&'static [TextKind]> {
    use TextKind::*;
    Ok(match name.to_lowercase().as_str() {
        "notes" | "note" => &[Shared, Private, Prep],
        "shared" => &[Shared],
        "private" => &[Private],
        "prep" => &[Prep],
        "topic" | "topics" => &[Topic, Backlog],
        "cancel" | "cancelled" | "cancel_reason" => &[CancelReason],
        "agenda" => &[Agenda],
        "action" | "actions" | "action_item" | "todo" => &[Action],
        "highlight" | "highlights" => &[Win, Concern, Accomplishment],
        "win" | "wins" => &[Win],
        "concern" | "concerns" => &[Concern],
        "accomplishment" | "accomplishments" => &[Accomplishment],
        "focus" => &[Focus],
        "feedback" | "sbi" => &[Feedback],
        "growth" | "plan" | "plans" | "growth_plan" => &[Growth],
        "mood" | "moods" => &[Mood],
        other => {
            return Err(Error::invalid(format!(
                "kind:{other} is not a kind of text; use one of: {KIND_NAMES}."
            )))
        }
    })
}

/// The FTS5 expression for a term, limited to the text column. Quotes
/// inside are doubled, so the text can never be read as syntax.
pub fn fts_term(term: &Term) -> String {
    let quoted = term.text.replace('"', "\"\"");
    if term.prefix {
        format!("body : \"{quoted}\"*")
    } else {
        format!("body : \"{quoted}\"")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn words(q: &ParsedQuery) -> Vec<Vec<String>> {
        q.groups
            .iter()
            .map(|g| g.iter().map(|t| t.text.clone()).collect())
            .collect()
    }

    #[test]
    fn words_phrases_prefixes_or_and_exclusions() {
        let q = parse(
            r#"career "next level" promo* -salary raise OR bonus"#,
            today(),
        )
        .unwrap();
        assert_eq!(
            words(&q),
            vec![
                vec!["career".to_string()],
                vec!["next level".to_string()],
                vec!["promo".to_string()],
                vec!["raise".to_string(), "bonus".to_string()],
            ]
        );
        assert!(q.groups[1][0].phrase);
        assert!(q.groups[2][0].prefix);
        assert_eq!(q.excluded[0].text, "salary");
        let q = parse("budget NOT travel", today()).unwrap();
        assert_eq!(q.excluded[0].text, "travel");
    }

    #[test]
    fn filters_with_plain_and_quoted_values() {
        let q = parse(
            r#"person:"Amara Okafor" kind:win,concern meeting:urgent date:2025-Q3 feedback"#,
            today(),
        )
        .unwrap();
        assert_eq!(q.filters.person.as_deref(), Some("Amara Okafor"));
        assert_eq!(q.filters.kinds, vec![TextKind::Win, TextKind::Concern]);
        assert_eq!(q.filters.meeting_kind, Some(MeetingKind::Urgent));
        assert_eq!(q.filters.from, NaiveDate::from_ymd_opt(2025, 7, 1));
        assert_eq!(q.filters.to, NaiveDate::from_ymd_opt(2025, 9, 30));
        assert_eq!(words(&q), vec![vec!["feedback".to_string()]]);
        let q = parse("last:90d", today()).unwrap();
        assert_eq!(q.filters.from, NaiveDate::from_ymd_opt(2026, 9, 6));
        let q = parse("from:2024 to:2024-02", today()).unwrap();
        assert_eq!(q.filters.from, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(q.filters.to, NaiveDate::from_ymd_opt(2024, 2, 29));
        // An unknown name before a colon is just text.
        let q = parse("ratio 3:1", today()).unwrap();
        assert_eq!(words(&q)[1], vec!["3:1".to_string()]);
    }

    #[test]
    fn mistakes_get_a_sentence() {
        for (input, expected) in [
            ("\"open phrase", "quote is not closed"),
            ("OR raise", "OR goes between"),
            ("raise OR", "OR goes between"),
            ("raise OR OR bonus", "OR goes between"),
            ("raise OR -bonus", "OR goes between"),
            ("-salary", "only leaves words out"),
            ("", "Type a word"),
            ("  -- ", "Type a word"),
            ("date:2025-13", "is not a date"),
            ("from:yesterday", "is not a date"),
            ("kind:gossip", "not a kind of text"),
            ("meeting:weekly", "not a kind of 1:1"),
            ("last:forever", "not a length of time"),
            ("person:", "needs a value"),
            ("-person:Amara", "cannot be left out"),
            ("budget NOT", "NOT needs a word"),
        ] {
            let err = parse(input, today()).unwrap_err();
            assert!(
                err.message.contains(expected),
                "{input:?} gave {:?}",
                err.message
            );
        }
    }

    #[test]
    fn terms_are_quoted_so_they_are_never_syntax() {
        let q = parse(r#"a"b NEAR(x body:y c*"#, today()).unwrap();
        let rendered: Vec<String> = q.terms().iter().map(fts_term).collect();
        assert_eq!(
            rendered,
            vec![
                "body : \"a\"\"b\"".to_string(),
                "body : \"NEAR(x\"".to_string(),
                "body : \"body:y\"".to_string(),
                "body : \"c\"*".to_string()
            ]
        );
    }
}
