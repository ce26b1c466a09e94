//! What was shared with whom and when, so the manager knows what an IC has.
//! Table `share_log`. Entries name the artefact, never its content.

use crate::error::Result;
use crate::ids::new_id;
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row};
use serde::Serialize;
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    /// The shared notes of a 1:1, or a calendar invite.
    pub enum ShareKind { Notes = "notes", Invite = "invite" }
}

text_enum! {
    pub enum ShareFormat {
        Md = "md", Html = "html", Txt = "txt", Eml = "eml", Ics = "ics", Clipboard = "clipboard",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShareLogEntry {
    pub id: String,
    pub person_id: String,
    pub meeting_id: Option<String>,
    /// When the 1:1 the entry is about starts (or started).
    pub meeting_start: Option<DateTime<Utc>>,
    pub kind: ShareKind,
    pub format: ShareFormat,
    /// The IC's name and address as the artefact named them.
    pub recipient: String,
    pub shared_at: DateTime<Utc>,
}

pub struct ShareLog<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

/// How many entries the person page lists.
pub const SHOWN: u32 = 50;

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<ShareLogEntry> {
    Ok(ShareLogEntry {
        id: row.get(0)?,
        person_id: row.get(1)?,
        meeting_id: row.get(2)?,
        meeting_start: row.get(3)?,
        kind: row.get(4)?,
        format: row.get(5)?,
        recipient: row.get(6)?,
        shared_at: row.get(7)?,
    })
}

impl<A> ShareLog<'_, A> {
    /// A person's entries, newest first.
    pub fn of_person(&self, person_id: &str, limit: Option<u32>) -> Result<Vec<ShareLogEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.id, l.person_id, l.meeting_id, m.scheduled_start, l.kind, l.format, l.recipient, l.shared_at
             FROM share_log l LEFT JOIN meeting m ON m.id = l.meeting_id
             WHERE l.person_id = ?1 ORDER BY l.shared_at DESC, l.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            params![person_id, limit.map(i64::from).unwrap_or(-1)],
            entry_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl ShareLog<'_, Writing> {
    pub fn record(
        &self,
        person_id: &str,
        meeting_id: Option<&str>,
        kind: ShareKind,
        format: ShareFormat,
        recipient: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO share_log (id, person_id, meeting_id, kind, format, recipient, shared_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                new_id(),
                person_id,
                meeting_id,
                kind,
                format,
                recipient,
                at
            ])?;
        Ok(())
    }
}
/// The share log of a person for the person page.
pub fn of_person(store: &crate::Store, person_id: &str) -> Result<Vec<ShareLogEntry>> {
    store.people().get(person_id)?;
    store.share_log().of_person(person_id, Some(SHOWN))
}

impl crate::store::Store {
    pub fn share_log(&self) -> ShareLog<'_> {
        ShareLog {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn share_log(&self) -> ShareLog<'_, Writing> {
        ShareLog {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
