//! The question bank: the questions of the seeds, shipped in
//! `data/question-bank.json` (each credits its seed), merged with the
//! manager's own questions, edits and hidden built-ins (table `question`).

use crate::error::{Error, ErrorCode, Result};
use crate::store::{Reading, Writing};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use std::sync::OnceLock;
use ts_rs::TS;

const BANK_JSON: &str = include_str!("../../data/question-bank.json");

#[derive(Debug, Deserialize)]
struct BankFile {
    categories: Vec<BankCategory>,
}

#[derive(Debug, Deserialize)]
struct BankCategory {
    name: String,
    source: String,
    #[serde(default)]
    avoid: bool,
    questions: Vec<(String, String)>,
}

/// The shipped bank, read once.
fn bank() -> Result<&'static [BankCategory]> {
    static BANK: OnceLock<std::result::Result<Vec<BankCategory>, String>> = OnceLock::new();
    BANK.get_or_init(|| {
        serde_json::from_str::<BankFile>(BANK_JSON)
            .map(|f| f.categories)
            .map_err(|e| e.to_string())
    })
    .as_deref()
    .map_err(|e| {
        Error::new(
            ErrorCode::Storage,
            format!("The question bank cannot be read: {e}"),
        )
    })
}

/// One question as the bank shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Question {
    /// The built-in's key, or the manager's question's id.
    pub id: String,
    pub category: String,
    pub text: String,
    /// The seed a built-in comes from ("004"); None for the manager's own.
    pub source: Option<String>,
    /// A question to avoid, kept as a reminder rather than to ask.
    pub avoid: bool,
    pub builtin: bool,
    /// A built-in the manager reworded.
    pub edited: bool,
    pub hidden: bool,
}

/// A question the manager adds or rewords.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QuestionInput {
    pub category: String,
    pub text: String,
}

/// The manager's own rows, as the JSON export carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct QuestionRecord {
    pub id: String,
    /// Set when the row rewords or hides a built-in.
    pub builtin_key: Option<String>,
    pub category: String,
    pub text: String,
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub struct Questions<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const COLUMNS: &str = "id, builtin_key, category, text, hidden, created_at, updated_at";

impl<A> Questions<'_, A> {
    pub fn records(&self) -> Result<Vec<QuestionRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM question ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn record(&self, id: &str) -> Result<Option<QuestionRecord>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM question WHERE id = ?1 OR builtin_key = ?1"
            ))?
            .query_row([id], from_row)
            .optional()?)
    }

    /// The whole bank in category order, built-ins first, hidden ones
    /// included (the screen offers to show them again).
    pub fn all(&self) -> Result<Vec<Question>> {
        let own = self.records()?;
        let mut out = Vec::new();
        for category in bank()? {
            for (key, text) in &category.questions {
                let row = own.iter().find(|r| r.builtin_key.as_deref() == Some(key));
                out.push(Question {
                    id: key.clone(),
                    category: row
                        .map(|r| r.category.clone())
                        .unwrap_or_else(|| category.name.clone()),
                    text: row.map(|r| r.text.clone()).unwrap_or_else(|| text.clone()),
                    source: Some(category.source.clone()),
                    avoid: category.avoid,
                    builtin: true,
                    edited: row.is_some_and(|r| &r.text != text),
                    hidden: row.is_some_and(|r| r.hidden),
                });
            }
        }
        for r in own.iter().filter(|r| r.builtin_key.is_none()) {
            out.push(Question {
                id: r.id.clone(),
                category: r.category.clone(),
                text: r.text.clone(),
                source: None,
                avoid: false,
                builtin: false,
                edited: false,
                hidden: r.hidden,
            });
        }
        // The manager's own questions join their category's place.
        let order: Vec<String> = bank()?.iter().map(|c| c.name.clone()).collect();
        out.sort_by_key(|q| {
            order
                .iter()
                .position(|c| *c == q.category)
                .unwrap_or(order.len())
        });
        Ok(out)
    }
}

impl Questions<'_, Writing> {
    pub fn insert(&self, r: &QuestionRecord) -> Result<()> {
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO question ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
            ))?
            .execute(params![
                r.id,
                r.builtin_key,
                r.category,
                r.text,
                r.hidden,
                r.created_at,
                r.updated_at
            ])?;
        Ok(())
    }

    pub fn add(&self, input: QuestionInput, now: DateTime<Utc>) -> Result<Question> {
        let (category, text) = clean(input)?;
        let record = QuestionRecord {
            id: crate::ids::new_id(),
            builtin_key: None,
            category,
            text,
            hidden: false,
            created_at: now,
            updated_at: now,
        };
        self.insert(&record)?;
        self.find(&record.id)
    }

    /// Rewords a question (a built-in keeps its key, so it can be reset).
    pub fn edit(&self, id: &str, input: QuestionInput, now: DateTime<Utc>) -> Result<Question> {
        let (category, text) = clean(input)?;
        self.upsert(id, now, |r| {
            r.category = category.clone();
            r.text = text.clone();
        })?;
        self.find(id)
    }

    pub fn set_hidden(&self, id: &str, hidden: bool, now: DateTime<Utc>) -> Result<Question> {
        self.upsert(id, now, |r| r.hidden = hidden)?;
        self.find(id)
    }

    /// A built-in back to its shipped words; the manager's own is deleted.
    pub fn reset_or_delete(&self, id: &str) -> Result<()> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM question WHERE id = ?1 OR builtin_key = ?1")?
            .execute([id])?;
        if removed == 0 && builtin_text(id)?.is_none() {
            return Err(Error::not_found("That question no longer exists."));
        }
        Ok(())
    }

    fn find(&self, id: &str) -> Result<Question> {
        self.all()?
            .into_iter()
            .find(|q| q.id == id)
            .ok_or_else(|| Error::not_found("That question no longer exists."))
    }

    fn upsert(
        &self,
        id: &str,
        now: DateTime<Utc>,
        change: impl Fn(&mut QuestionRecord),
    ) -> Result<()> {
        let mut record = match self.record(id)? {
            Some(r) => r,
            None => {
                let (category, text) = builtin_text(id)?
                    .ok_or_else(|| Error::not_found("That question no longer exists."))?;
                QuestionRecord {
                    id: crate::ids::new_id(),
                    builtin_key: Some(id.to_string()),
                    category,
                    text,
                    hidden: false,
                    created_at: now,
                    updated_at: now,
                }
            }
        };
        change(&mut record);
        record.updated_at = now;
        self.conn
            .prepare_cached("DELETE FROM question WHERE id = ?1")?
            .execute([&record.id])?;
        self.insert(&record)
    }
}

/// A built-in's category name and text.
fn builtin_text(key: &str) -> Result<Option<(String, String)>> {
    Ok(bank()?.iter().find_map(|c| {
        c.questions
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| (c.name.clone(), t.clone()))
    }))
}

fn clean(input: QuestionInput) -> Result<(String, String)> {
    let text = input.text.trim().to_string();
    if text.is_empty() {
        return Err(Error::invalid("Write the question."));
    }
    super::check_one_line("A question", &text)?;
    let category = input.category.trim().to_string();
    if category.is_empty() {
        return Err(Error::invalid("Choose a category for the question."));
    }
    super::check_one_line("A category", &category)?;
    Ok((category, text))
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<QuestionRecord> {
    Ok(QuestionRecord {
        id: row.get(0)?,
        builtin_key: row.get(1)?,
        category: row.get(2)?,
        text: row.get(3)?,
        hidden: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

impl crate::store::Store {
    pub fn questions(&self) -> Questions<'_> {
        Questions {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn questions(&self) -> Questions<'_, Writing> {
        Questions {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_bank_reads_with_unique_keys_and_a_seed_for_each_category() {
        let bank = bank().expect("the bank parses");
        assert!(bank.len() >= 10);
        let mut keys = std::collections::HashSet::new();
        for category in bank {
            assert!(!category.questions.is_empty(), "{}", category.name);
            assert!(
                ["000", "001", "003", "004"].contains(&category.source.as_str()),
                "{} cites {}",
                category.name,
                category.source
            );
            for (key, text) in &category.questions {
                assert!(keys.insert(key.clone()), "{key} twice");
                assert!(!text.trim().is_empty() && !text.contains('\n'), "{key}");
            }
        }
    }
}
