//! What the reminder schedule remembers: the offsets (the default for
//! everyone and a person's own), which reminders were shown, and snoozes.
//! Tables `reminder_fired`, `reminder_snooze`, `reminder_offsets`.
//!
//! A shown reminder is recorded with the meeting start it was for, so moving
//! a 1:1 arms its reminders again, and a restart never repeats one.

use crate::error::{Error, Result};
use crate::records::meetings::Meeting;
use crate::store::{Reading, Writing};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

/// Fifteen minutes before, unless the manager says otherwise.
pub const DEFAULT_OFFSETS: &[u32] = &[15];
/// The longest offset allowed: a week.
pub const MAX_OFFSET: u32 = 7 * 24 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReminderOffsets {
    /// Minutes before the start, e.g. [1440, 15].
    pub minutes: Vec<u32>,
}

pub struct Reminders<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

fn clean_offsets(minutes: &[u32]) -> Result<Vec<u32>> {
    let mut out: Vec<u32> = minutes.to_vec();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out.dedup();
    if out.iter().any(|m| *m > MAX_OFFSET) {
        return Err(Error::invalid("A reminder can come at most a week before."));
    }
    Ok(out)
}

impl<A> Reminders<'_, A> {
    fn read_offsets(&self, person_id: Option<&str>) -> Result<Option<Vec<u32>>> {
        let found = self
            .conn
            .prepare_cached(
                "SELECT minutes FROM reminder_offsets WHERE ifnull(person_id, '') = ?1",
            )?
            .query_row([person_id.unwrap_or("")], |r| {
                r.get::<_, serde_json::Value>(0)
            });
        match found {
            Ok(v) => serde_json::from_value(v).map(Some).map_err(|e| {
                Error::new(
                    crate::error::ErrorCode::CorruptDatabase,
                    format!("Unreadable reminder offsets: {e}"),
                )
            }),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The default offsets for everyone.
    pub fn default_offsets(&self) -> Result<Vec<u32>> {
        Ok(self
            .read_offsets(None)?
            .unwrap_or_else(|| DEFAULT_OFFSETS.to_vec()))
    }

    /// A person's own offsets, if they have any.
    pub fn person_offsets(&self, person_id: &str) -> Result<Option<Vec<u32>>> {
        self.read_offsets(Some(person_id))
    }

    /// The offsets that apply to a person, largest first.
    pub fn offsets_for(&self, person_id: &str) -> Result<Vec<u32>> {
        match self.person_offsets(person_id)? {
            Some(own) => Ok(own),
            None => self.default_offsets(),
        }
    }

    pub(crate) fn fired(&self, meeting: &Meeting, offset: u32) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT 1 FROM reminder_fired WHERE meeting_id = ?1 AND offset_minutes = ?2 AND meeting_start = ?3",
            )?
            .exists(params![meeting.id, offset, meeting.scheduled_start])?)
    }

    pub(crate) fn snoozed_until(&self, meeting_id: &str) -> Result<Option<DateTime<Utc>>> {
        let found = self
            .conn
            .prepare_cached("SELECT until FROM reminder_snooze WHERE meeting_id = ?1")?
            .query_row([meeting_id], |r| r.get(0));
        match found {
            Ok(at) => Ok(Some(at)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

impl Reminders<'_, Writing> {
    /// Sets the default (person None) or a person's offsets; None for a person
    /// goes back to the default. An empty list means no reminders.
    pub fn set_offsets(&self, person_id: Option<&str>, minutes: Option<&[u32]>) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM reminder_offsets WHERE ifnull(person_id, '') = ?1")?
            .execute([person_id.unwrap_or("")])?;
        if let Some(minutes) = minutes {
            let cleaned = clean_offsets(minutes)?;
            self.conn
                .prepare_cached(
                    "INSERT INTO reminder_offsets (person_id, minutes) VALUES (?1, ?2)",
                )?
                .execute(params![
                    person_id,
                    serde_json::to_value(&cleaned).map_err(|e| Error::invalid(e.to_string()))?
                ])?;
        }
        Ok(())
    }

    pub(crate) fn mark_fired(
        &self,
        meeting: &Meeting,
        offset: u32,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO reminder_fired (meeting_id, offset_minutes, meeting_start, fired_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![meeting.id, offset, meeting.scheduled_start, at])?;
        Ok(())
    }

    pub(crate) fn set_snooze(&self, meeting_id: &str, until: Option<DateTime<Utc>>) -> Result<()> {
        match until {
            Some(until) => self
                .conn
                .prepare_cached(
                    "INSERT INTO reminder_snooze (meeting_id, until) VALUES (?1, ?2)
                     ON CONFLICT (meeting_id) DO UPDATE SET until = excluded.until",
                )?
                .execute(params![meeting_id, until])?,
            None => self
                .conn
                .prepare_cached("DELETE FROM reminder_snooze WHERE meeting_id = ?1")?
                .execute([meeting_id])?,
        };
        Ok(())
    }
}
impl crate::store::Store {
    pub fn reminders(&self) -> Reminders<'_> {
        Reminders {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn reminders(&self) -> Reminders<'_, Writing> {
        Reminders {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
