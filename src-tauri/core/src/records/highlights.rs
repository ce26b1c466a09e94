//! Dated wins, concerns and accomplishments about a person. A highlight is
//! either shareable (`text`) or manager-only (`private_text`), never both.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    pub enum HighlightKind { Win = "win", Concern = "concern", Accomplishment = "accomplishment" }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    pub id: String,
    pub person_id: String,
    pub meeting_id: Option<String>,
    pub kind: HighlightKind,
    pub occurred_on: NaiveDate,
    /// Shareable wording; None when the highlight is manager-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    /// Manager-only wording; None when the highlight is shareable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub private_text: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub struct Highlights<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

impl<A> Highlights<'_, A> {
    pub fn list(&self) -> Result<Vec<Highlight>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, person_id, meeting_id, kind, occurred_on, text, private_text, created_at
             FROM highlight ORDER BY occurred_on, id",
        )?;
        let rows = stmt.query_map([], highlight_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A person's highlights from `since` on (all when None), newest first.
    /// The highlights filed from one 1:1, in date order.
    pub fn of_meeting(&self, meeting_id: &str) -> Result<Vec<Highlight>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, person_id, meeting_id, kind, occurred_on, text, private_text, created_at
             FROM highlight WHERE meeting_id = ?1 ORDER BY occurred_on, id",
        )?;
        let rows = stmt.query_map([meeting_id], highlight_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn of_person(
        &self,
        person_id: &str,
        since: Option<NaiveDate>,
        limit: Option<u32>,
    ) -> Result<Vec<Highlight>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, person_id, meeting_id, kind, occurred_on, text, private_text, created_at
             FROM highlight WHERE person_id = ?1 AND (?2 IS NULL OR occurred_on >= ?2)
             ORDER BY occurred_on DESC, id DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(
            params![person_id, since, limit.map(i64::from).unwrap_or(-1)],
            highlight_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Highlights<'_, Writing> {
    pub fn insert(&self, highlight: &Highlight) -> Result<()> {
        super::words_of(&highlight.text, &highlight.private_text, "A highlight")?;
        self.conn
            .prepare_cached(
                "INSERT INTO highlight (id, person_id, meeting_id, kind, occurred_on, text, private_text, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                highlight.id,
                highlight.person_id,
                highlight.meeting_id,
                highlight.kind,
                highlight.occurred_on,
                highlight.text,
                highlight.private_text,
                highlight.created_at,
            ])?;
        Ok(())
    }

    pub fn create(
        &self,
        person_id: &str,
        input: HighlightInput,
        now: DateTime<Utc>,
    ) -> Result<Highlight> {
        let text = input.text.trim().to_string();
        if text.is_empty() {
            return Err(Error::invalid("Write what happened."));
        }
        if input.occurred_on > now.date_naive() + chrono::Duration::days(1) {
            return Err(Error::invalid(
                "A win or concern is about something that happened; pick a date up to today.",
            ));
        }
        let (text, private_text) = super::by_privacy(text, input.private);
        let highlight = Highlight {
            id: crate::ids::new_id(),
            person_id: person_id.to_string(),
            meeting_id: input.meeting_id,
            kind: input.kind,
            occurred_on: input.occurred_on,
            text,
            private_text,
            created_at: now,
        };
        self.insert(&highlight)?;
        Ok(highlight)
    }

    pub fn delete(&self, id: &str) -> Result<()> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM highlight WHERE id = ?1")?
            .execute([id])?;
        if removed == 0 {
            return Err(Error::not_found("That entry no longer exists."));
        }
        Ok(())
    }
}
/// A win, concern or accomplishment as the manager logs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HighlightInput {
    pub kind: HighlightKind,
    pub occurred_on: NaiveDate,
    pub text: String,
    /// Manager-only: kept out of everything shared.
    pub private: bool,
    pub meeting_id: Option<String>,
}

fn highlight_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Highlight> {
    Ok(Highlight {
        id: row.get(0)?,
        person_id: row.get(1)?,
        meeting_id: row.get(2)?,
        kind: row.get(3)?,
        occurred_on: row.get(4)?,
        text: row.get(5)?,
        private_text: row.get(6)?,
        created_at: row.get(7)?,
    })
}

/// Logs a win, concern or accomplishment about a person.
pub fn add(store: &mut crate::Store, person_id: &str, input: HighlightInput) -> Result<Highlight> {
    let now = store.clock().now();
    store.write(|s| {
        s.people().get(person_id)?;
        s.highlights().create(person_id, input, now)
    })
}

pub fn delete(store: &mut crate::Store, id: &str) -> Result<()> {
    store.write(|s| s.highlights().delete(id))
}

impl crate::store::Store {
    pub fn highlights(&self) -> Highlights<'_> {
        Highlights {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn highlights(&self) -> Highlights<'_, Writing> {
        Highlights {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
