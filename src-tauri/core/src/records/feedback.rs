//! Feedback in the SBI form (Situation, Behaviour, Impact, and an optional
//! Request), positive or constructive, planned or given (table `feedback`).
//! The words are shareable (`sbi`) or manager-only (`private_sbi`).

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    pub enum FeedbackTone { Positive = "positive", Constructive = "constructive" }
}

text_enum! {
    /// Planned feedback shows on Prepare until it is given.
    pub enum FeedbackStatus { Planned = "planned", Given = "given" }
}

/// What was (or will be) said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Sbi {
    pub situation: String,
    pub behaviour: String,
    pub impact: String,
    /// What to do differently, or keep doing ("SBI + Request").
    pub request: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub id: String,
    pub person_id: String,
    /// The 1:1 it was given in, or is planned for.
    pub meeting_id: Option<String>,
    pub tone: FeedbackTone,
    pub status: FeedbackStatus,
    /// The day it was given; None while planned.
    pub given_on: Option<NaiveDate>,
    /// Shareable words; None when the feedback is manager-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sbi: Option<Sbi>,
    /// Manager-only words; None when the feedback is shareable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub private_sbi: Option<Sbi>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Feedback {
    pub fn words(&self) -> Option<&Sbi> {
        self.sbi.as_ref().or(self.private_sbi.as_ref())
    }
}

/// Feedback as the manager writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    pub tone: FeedbackTone,
    pub status: FeedbackStatus,
    pub situation: String,
    pub behaviour: String,
    pub impact: String,
    pub request: Option<String>,
    /// Manager-only: kept out of everything shared.
    pub private: bool,
    pub meeting_id: Option<String>,
    /// When given; today when None and the status is given.
    pub given_on: Option<NaiveDate>,
}

pub struct FeedbackLog<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const COLUMNS: &str = "id, person_id, meeting_id, tone, status, given_on, situation, behaviour, \
     impact, request, private, created_at, updated_at";

impl<A> FeedbackLog<'_, A> {
    pub fn list(&self) -> Result<Vec<Feedback>> {
        self.query(
            &format!("SELECT {COLUMNS} FROM feedback ORDER BY created_at, id"),
            params![],
        )
    }

    pub fn get(&self, id: &str) -> Result<Feedback> {
        self.query(
            &format!("SELECT {COLUMNS} FROM feedback WHERE id = ?1"),
            params![id],
        )?
        .pop()
        .ok_or_else(|| Error::not_found("That feedback no longer exists."))
    }

    /// A person's feedback, newest first: planned first, then given.
    pub fn of_person(&self, person_id: &str) -> Result<Vec<Feedback>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM feedback WHERE person_id = ?1
                 ORDER BY status = 'given', coalesce(given_on, created_at) DESC, id DESC"
            ),
            params![person_id],
        )
    }

    /// What a 1:1 with the person shows: the feedback still planned, and
    /// what was given in `meeting_id` (None on Prepare, before any 1:1).
    pub fn planned_or_given_in(
        &self,
        person_id: &str,
        meeting_id: Option<&str>,
    ) -> Result<Vec<Feedback>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM feedback WHERE person_id = ?1
                   AND (status = 'planned' OR (?2 IS NOT NULL AND meeting_id = ?2))
                 ORDER BY status = 'given', coalesce(given_on, created_at) DESC, id DESC"
            ),
            params![person_id, meeting_id],
        )
    }

    /// A person's feedback given within `from..=to`, oldest first.
    pub fn given_between(
        &self,
        person_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Feedback>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM feedback WHERE person_id = ?1 AND status = 'given'
                   AND (?2 IS NULL OR given_on >= ?2) AND (?3 IS NULL OR given_on <= ?3)
                 ORDER BY given_on, id"
            ),
            params![person_id, from, to],
        )
    }

    fn query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Feedback>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl FeedbackLog<'_, Writing> {
    pub fn insert(&self, f: &Feedback) -> Result<()> {
        let (words, private) = super::words_of(&f.sbi, &f.private_sbi, "Feedback")?;
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO feedback ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            ))?
            .execute(params![
                f.id,
                f.person_id,
                f.meeting_id,
                f.tone,
                f.status,
                f.given_on,
                words.situation,
                words.behaviour,
                words.impact,
                words.request,
                private,
                f.created_at,
                f.updated_at,
            ])?;
        Ok(())
    }

    pub fn create(
        &self,
        person_id: &str,
        input: FeedbackInput,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Feedback> {
        let feedback = build(crate::ids::new_id(), person_id, input, today, now, now)?;
        self.insert(&feedback)?;
        Ok(feedback)
    }

    /// Rewrites a feedback entry from the edited form.
    pub fn replace(
        &self,
        id: &str,
        input: FeedbackInput,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Feedback> {
        let old = self.get(id)?;
        let feedback = build(old.id, &old.person_id, input, today, old.created_at, now)?;
        self.delete(id)?;
        self.insert(&feedback)?;
        Ok(feedback)
    }

    pub fn delete(&self, id: &str) -> Result<()> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM feedback WHERE id = ?1")?
            .execute([id])?;
        if removed == 0 {
            return Err(Error::not_found("That feedback no longer exists."));
        }
        Ok(())
    }
}

fn clean(what: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(format!("Write the {what}.")));
    }
    Ok(text.to_string())
}

fn build(
    id: String,
    person_id: &str,
    input: FeedbackInput,
    today: NaiveDate,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Feedback> {
    let words = Sbi {
        situation: clean("situation", &input.situation)?,
        behaviour: clean("behaviour", &input.behaviour)?,
        impact: clean("impact", &input.impact)?,
        request: input
            .request
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty()),
    };
    let given_on = match input.status {
        FeedbackStatus::Planned => None,
        FeedbackStatus::Given => {
            let day = input.given_on.unwrap_or(today);
            if day > today {
                return Err(Error::invalid(
                    "Feedback that was given has a date up to today; plan it instead.",
                ));
            }
            Some(day)
        }
    };
    let (sbi, private_sbi) = super::by_privacy(words, input.private);
    Ok(Feedback {
        id,
        person_id: person_id.to_string(),
        meeting_id: input.meeting_id,
        tone: input.tone,
        status: input.status,
        given_on,
        sbi,
        private_sbi,
        created_at,
        updated_at: now,
    })
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Feedback> {
    let words = Sbi {
        situation: row.get(6)?,
        behaviour: row.get(7)?,
        impact: row.get(8)?,
        request: row.get(9)?,
    };
    let (sbi, private_sbi) = super::by_privacy(words, row.get(10)?);
    Ok(Feedback {
        id: row.get(0)?,
        person_id: row.get(1)?,
        meeting_id: row.get(2)?,
        tone: row.get(3)?,
        status: row.get(4)?,
        given_on: row.get(5)?,
        sbi,
        private_sbi,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

impl crate::store::Store {
    pub fn feedback(&self) -> FeedbackLog<'_> {
        FeedbackLog {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn feedback(&self) -> FeedbackLog<'_, Writing> {
        FeedbackLog {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
