//! Mood and energy check-ins (seeds 003 and 004: "How are you feeling about
//! work, 1–10?"), one per 1:1, manager-only unless the manager says
//! otherwise. Table `mood_check`; a private check-in is `private_mood`.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Mood {
    /// 1 (low) to 10 (great).
    pub score: u8,
    /// One word the person chose ("tired", "energised").
    pub word: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MoodCheck {
    pub id: String,
    pub person_id: String,
    pub meeting_id: Option<String>,
    pub recorded_on: NaiveDate,
    /// Shareable check-in; None when it is manager-only (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub mood: Option<Mood>,
    /// Manager-only check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub private_mood: Option<Mood>,
    pub created_at: DateTime<Utc>,
}

impl MoodCheck {
    pub fn score(&self) -> u8 {
        self.mood
            .as_ref()
            .or(self.private_mood.as_ref())
            .map(|m| m.score)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MoodInput {
    pub score: u8,
    pub word: Option<String>,
    /// Shareable only when the manager says so; private by default.
    #[serde(default)]
    pub shareable: bool,
}

pub struct Moods<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const COLUMNS: &str = "id, person_id, meeting_id, recorded_on, score, word, private, created_at";

impl<A> Moods<'_, A> {
    pub fn list(&self) -> Result<Vec<MoodCheck>> {
        self.query(
            &format!("SELECT {COLUMNS} FROM mood_check ORDER BY recorded_on, id"),
            params![],
        )
    }

    /// A person's check-ins from `since` on (all when None), oldest first.
    pub fn of_person(&self, person_id: &str, since: Option<NaiveDate>) -> Result<Vec<MoodCheck>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM mood_check WHERE person_id = ?1
                   AND (?2 IS NULL OR recorded_on >= ?2)
                 ORDER BY recorded_on, created_at, id"
            ),
            params![person_id, since],
        )
    }

    /// A person's last `n` check-ins, oldest first.
    pub fn last_of(&self, person_id: &str, n: u32) -> Result<Vec<MoodCheck>> {
        let mut last = self.query(
            &format!(
                "SELECT {COLUMNS} FROM mood_check WHERE person_id = ?1
                 ORDER BY recorded_on DESC, created_at DESC, id DESC LIMIT ?2"
            ),
            params![person_id, n],
        )?;
        last.reverse();
        Ok(last)
    }

    pub fn of_meeting(&self, meeting_id: &str) -> Result<Option<MoodCheck>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM mood_check WHERE meeting_id = ?1"
            ))?
            .query_row([meeting_id], from_row)
            .optional()?)
    }

    fn query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<MoodCheck>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Moods<'_, Writing> {
    pub fn insert(&self, check: &MoodCheck) -> Result<()> {
        let (mood, private) = super::words_of(&check.mood, &check.private_mood, "A check-in")?;
        check_score(mood.score)?;
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO mood_check ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            ))?
            .execute(params![
                check.id,
                check.person_id,
                check.meeting_id,
                check.recorded_on,
                mood.score,
                mood.word,
                private,
                check.created_at,
            ])?;
        Ok(())
    }

    /// Records the check-in of a 1:1, replacing the one recorded before.
    pub fn record(
        &self,
        person_id: &str,
        meeting_id: &str,
        recorded_on: NaiveDate,
        input: MoodInput,
        now: DateTime<Utc>,
    ) -> Result<MoodCheck> {
        check_score(input.score)?;
        let word = match input.word.map(|w| w.trim().to_string()) {
            Some(w) if w.is_empty() => None,
            Some(w) => {
                super::check_one_line("The word", &w)?;
                if w.chars().count() > 40 {
                    return Err(Error::invalid("One word, or a few: 40 characters at most."));
                }
                Some(w)
            }
            None => None,
        };
        let mood = Mood {
            score: input.score,
            word,
        };
        let (shared, private_mood) = super::by_privacy(mood, !input.shareable);
        let existing = self.of_meeting(meeting_id)?;
        let check = MoodCheck {
            id: existing
                .as_ref()
                .map(|e| e.id.clone())
                .unwrap_or_else(crate::ids::new_id),
            person_id: person_id.to_string(),
            meeting_id: Some(meeting_id.to_string()),
            recorded_on,
            mood: shared,
            private_mood,
            created_at: existing.map(|e| e.created_at).unwrap_or(now),
        };
        self.conn
            .prepare_cached("DELETE FROM mood_check WHERE meeting_id = ?1")?
            .execute([meeting_id])?;
        self.insert(&check)?;
        Ok(check)
    }

    pub fn delete_of_meeting(&self, meeting_id: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM mood_check WHERE meeting_id = ?1")?
            .execute([meeting_id])?;
        Ok(())
    }
}

fn check_score(score: u8) -> Result<()> {
    if !(1..=10).contains(&score) {
        return Err(Error::invalid("A mood score is from 1 to 10."));
    }
    Ok(())
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MoodCheck> {
    let mood = Mood {
        score: row.get(4)?,
        word: row.get(5)?,
    };
    let (shared, private_mood) = super::by_privacy(mood, row.get(6)?);
    Ok(MoodCheck {
        id: row.get(0)?,
        person_id: row.get(1)?,
        meeting_id: row.get(2)?,
        recorded_on: row.get(3)?,
        mood: shared,
        private_mood,
        created_at: row.get(7)?,
    })
}

impl crate::store::Store {
    pub fn moods(&self) -> Moods<'_> {
        Moods {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn moods(&self) -> Moods<'_, Writing> {
        Moods {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
