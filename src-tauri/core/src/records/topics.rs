//! The topics a manager keeps to raise with a person between 1:1s (table
//! `backlog_topic`). A topic is the manager's own or one the report asked
//! for, shareable (`text`) or manager-only (`private_text`), never both. It
//! stays open, and so carries over from 1:1 to 1:1, until it is ticked in one.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    /// Who wants to talk about it: the manager ("My topics") or the report
    /// ("Their topics").
    pub enum RaisedBy { Mine = "mine", Theirs = "theirs" }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub person_id: String,
    pub raised_by: RaisedBy,
    /// Shareable wording; None when the topic is manager-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    /// Manager-only wording; None when the topic is shareable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub private_text: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When it was ticked as discussed; None while it is open.
    pub discussed_at: Option<DateTime<Utc>>,
    /// The 1:1 it was discussed in.
    pub discussed_in: Option<String>,
}

impl Topic {
    /// The wording, whichever of the two it has.
    pub fn wording(&self) -> &str {
        self.text
            .as_deref()
            .or(self.private_text.as_deref())
            .unwrap_or_default()
    }

    pub fn is_private(&self) -> bool {
        self.private_text.is_some()
    }
}

/// A topic as the manager jots it down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TopicInput {
    pub text: String,
    pub raised_by: RaisedBy,
    /// Manager-only: kept out of everything shared.
    pub private: bool,
}

pub struct Topics<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const TOPIC_COLUMNS: &str =
    "id, person_id, raised_by, text, private_text, created_at, discussed_at, discussed_in";

impl<A> Topics<'_, A> {
    pub fn list(&self) -> Result<Vec<Topic>> {
        self.query(
            &format!("SELECT {TOPIC_COLUMNS} FROM backlog_topic ORDER BY created_at, id"),
            params![],
        )
    }

    pub fn get(&self, id: &str) -> Result<Topic> {
        self.query(
            &format!("SELECT {TOPIC_COLUMNS} FROM backlog_topic WHERE id = ?1"),
            params![id],
        )?
        .pop()
        .ok_or_else(|| Error::not_found("That topic no longer exists."))
    }

    /// A person's topics, open and discussed, oldest first.
    pub fn of_person(&self, person_id: &str) -> Result<Vec<Topic>> {
        self.query(
            &format!(
                "SELECT {TOPIC_COLUMNS} FROM backlog_topic WHERE person_id = ?1 ORDER BY created_at, id"
            ),
            params![person_id],
        )
    }

    /// A person's open topics, oldest first (the order they were raised).
    pub fn open_of(&self, person_id: &str) -> Result<Vec<Topic>> {
        self.query(
            &format!(
                "SELECT {TOPIC_COLUMNS} FROM backlog_topic
                 WHERE person_id = ?1 AND discussed_at IS NULL ORDER BY created_at, id"
            ),
            params![person_id],
        )
    }

    /// What a 1:1's agenda shows: the person's open topics and the ones
    /// already ticked in that 1:1.
    pub fn for_meeting(&self, person_id: &str, meeting_id: &str) -> Result<Vec<Topic>> {
        self.query(
            &format!(
                "SELECT {TOPIC_COLUMNS} FROM backlog_topic
                 WHERE person_id = ?1 AND (discussed_at IS NULL OR discussed_in = ?2)
                 ORDER BY created_at, id"
            ),
            params![person_id, meeting_id],
        )
    }

    /// The topics ticked in one 1:1.
    pub fn discussed_in(&self, meeting_id: &str) -> Result<Vec<Topic>> {
        self.query(
            &format!(
                "SELECT {TOPIC_COLUMNS} FROM backlog_topic WHERE discussed_in = ?1
                 ORDER BY created_at, id"
            ),
            params![meeting_id],
        )
    }

    fn query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Topic>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, topic_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Topics<'_, Writing> {
    pub fn insert(&self, topic: &Topic) -> Result<()> {
        super::words_of(&topic.text, &topic.private_text, "A topic")?;
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO backlog_topic ({TOPIC_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            ))?
            .execute(params![
                topic.id,
                topic.person_id,
                topic.raised_by,
                topic.text,
                topic.private_text,
                topic.created_at,
                topic.discussed_at,
                topic.discussed_in,
            ])?;
        Ok(())
    }

    pub fn create(&self, person_id: &str, input: TopicInput, now: DateTime<Utc>) -> Result<Topic> {
        let (text, private_text) = split_wording(&input.text, input.private)?;
        let topic = Topic {
            id: crate::ids::new_id(),
            person_id: person_id.to_string(),
            raised_by: input.raised_by,
            text,
            private_text,
            created_at: now,
            discussed_at: None,
            discussed_in: None,
        };
        self.insert(&topic)?;
        Ok(topic)
    }

    /// New wording, owner or privacy; whether it was discussed stays.
    pub fn edit(&self, id: &str, input: TopicInput) -> Result<Topic> {
        let (text, private_text) = split_wording(&input.text, input.private)?;
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE backlog_topic SET raised_by = ?2, text = ?3, private_text = ?4 WHERE id = ?1",
            )?
            .execute(params![id, input.raised_by, text, private_text])?;
        if changed == 0 {
            return Err(Error::not_found("That topic no longer exists."));
        }
        self.get(id)
    }

    /// Ticks a topic as discussed in a 1:1, or opens it again (None).
    pub fn set_discussed(
        &self,
        id: &str,
        discussed: Option<(&str, DateTime<Utc>)>,
    ) -> Result<Topic> {
        let (meeting, at) = discussed.unzip();
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE backlog_topic SET discussed_in = ?2, discussed_at = ?3 WHERE id = ?1",
            )?
            .execute(params![id, meeting, at])?;
        if changed == 0 {
            return Err(Error::not_found("That topic no longer exists."));
        }
        self.get(id)
    }

    pub fn delete(&self, id: &str) -> Result<()> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM backlog_topic WHERE id = ?1")?
            .execute([id])?;
        if removed == 0 {
            return Err(Error::not_found("That topic no longer exists."));
        }
        Ok(())
    }
}

fn split_wording(text: &str, private: bool) -> Result<(Option<String>, Option<String>)> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid("Write what you want to talk about."));
    }
    super::check_one_line("A topic", text)?;
    Ok(super::by_privacy(text.to_string(), private))
}

fn topic_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Topic> {
    Ok(Topic {
        id: row.get(0)?,
        person_id: row.get(1)?,
        raised_by: row.get(2)?,
        text: row.get(3)?,
        private_text: row.get(4)?,
        created_at: row.get(5)?,
        discussed_at: row.get(6)?,
        discussed_in: row.get(7)?,
    })
}

impl crate::store::Store {
    pub fn topics(&self) -> Topics<'_> {
        Topics {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn topics(&self) -> Topics<'_, Writing> {
        Topics {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
