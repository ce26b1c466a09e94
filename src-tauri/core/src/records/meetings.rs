//! Recurring 1:1 series and the meetings they produce, with each meeting's
//! agenda. Tables `series`, `meeting`, `agenda_item`.
//!
//! Instants are stored in UTC; a series keeps its IANA time zone and local
//! wall-clock time so "Thursday 14:00" stays 14:00 across daylight-saving changes.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    /// Twice a week repeats on `weekday` and `second_weekday` (an
    /// improvement plan's rhythm).
    pub enum Frequency {
        Weekly = "weekly", Biweekly = "biweekly", Monthly = "monthly", TwiceWeekly = "twice_weekly",
    }
}

text_enum! {
    pub enum Weekday {
        Mon = "mon", Tue = "tue", Wed = "wed", Thu = "thu", Fri = "fri", Sat = "sat", Sun = "sun",
    }
}

text_enum! {
    pub enum MeetingFormat { InPerson = "in_person", Video = "video", Phone = "phone" }
}

text_enum! {
    /// Regular (from the cadence), urgent (manager-called) or requested by the IC.
    pub enum MeetingKind { Regular = "regular", Urgent = "urgent", Requested = "requested" }
}

text_enum! {
    pub enum MeetingStatus {
        Scheduled = "scheduled", InProgress = "in_progress", Completed = "completed", Cancelled = "cancelled",
    }
}

text_enum! {
    /// Who asked to cancel a 1:1: the manager or the report.
    pub enum CancelledBy { Manager = "manager", Report = "report" }
}

impl Weekday {
    pub fn from_chrono(day: chrono::Weekday) -> Self {
        match day {
            chrono::Weekday::Mon => Weekday::Mon,
            chrono::Weekday::Tue => Weekday::Tue,
            chrono::Weekday::Wed => Weekday::Wed,
            chrono::Weekday::Thu => Weekday::Thu,
            chrono::Weekday::Fri => Weekday::Fri,
            chrono::Weekday::Sat => Weekday::Sat,
            chrono::Weekday::Sun => Weekday::Sun,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub person_id: String,
    pub frequency: Frequency,
    pub weekday: Weekday,
    /// The other day of a twice-a-week series; None for every other rhythm.
    /// Absent from exports written before twice-a-week series.
    #[serde(default)]
    pub second_weekday: Option<Weekday>,
    /// A monthly series on the last such weekday of each month (the fifth
    /// when there is one), rather than the ordinal of its first occurrence.
    /// Absent from exports written before.
    #[serde(default)]
    pub last_of_month: bool,
    #[ts(type = "string")]
    pub local_time: NaiveTime,
    #[ts(type = "string")]
    pub time_zone: Zone,
    pub duration_minutes: u32,
    pub format: MeetingFormat,
    pub template_id: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// Raised on every change, for calendar updates.
    pub sequence: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub prompts: Vec<String>,
    pub done: bool,
}

/// One 1:1. `private_…` fields are manager-only and never leave in anything shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: String,
    pub person_id: String,
    pub series_id: Option<String>,
    pub kind: MeetingKind,
    pub topic: Option<String>,
    pub scheduled_start: DateTime<Utc>,
    /// For a moved occurrence of a series: when it was meant to be.
    pub original_start: Option<DateTime<Utc>>,
    pub planned_minutes: u32,
    #[ts(type = "string")]
    pub time_zone: Zone,
    pub format: MeetingFormat,
    pub status: MeetingStatus,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    /// Who asked to cancel; None for a cancellation recorded before Rapport
    /// asked (and in exports written before then).
    #[serde(default)]
    pub cancelled_by: Option<CancelledBy>,
    pub template_id: Option<String>,
    pub agenda: Vec<AgendaItem>,
    pub shared_notes: String,
    pub private_notes: String,
    pub private_prep_notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

// A series' questions about its own 1:1s, answered from the series indexes
// (schema v16) rather than from every row of a series years long; the plan
// test below holds them to it.
const SERIES_OPEN_SQL: &str = "SELECT 1 FROM meeting WHERE series_id = ?1
    AND (status = 'in_progress' OR (status = 'scheduled' AND scheduled_start >= ?2))";
const SERIES_LATEST_SLOT_SQL: &str =
    "SELECT max(coalesce(original_start, scheduled_start)) FROM meeting WHERE series_id = ?1";
const SERIES_SLOTS_SQL: &str = "SELECT coalesce(original_start, scheduled_start) FROM meeting
    WHERE series_id = ?1 AND coalesce(original_start, scheduled_start) >= ?2";

pub struct Schedule<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const SERIES_COLUMNS: &str =
    "id, person_id, frequency, weekday, local_time, time_zone, duration_minutes, \
     format, template_id, starts_on, ends_on, sequence, created_at, updated_at, second_weekday, last_of_month";

const MEETING_COLUMNS: &str =
    "id, person_id, series_id, kind, topic, scheduled_start, original_start, \
     planned_minutes, time_zone, format, status, started_at, ended_at, cancel_reason, template_id, \
     shared_notes, private_notes, private_prep_notes, created_at, updated_at, cancelled_by";

impl<A> Schedule<'_, A> {
    pub fn list_series(&self) -> Result<Vec<Series>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {SERIES_COLUMNS} FROM series ORDER BY id"))?;
        let rows = stmt.query_map([], series_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every meeting with its agenda, in a stable order (for export).
    pub fn list_meetings(&self) -> Result<Vec<Meeting>> {
        let mut agendas: std::collections::HashMap<String, Vec<AgendaItem>> = Default::default();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, title, minutes, prompts, done, meeting_id FROM agenda_item ORDER BY meeting_id, position",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let item = agenda_item_from_row(row)?;
                agendas.entry(row.get(5)?).or_default().push(item);
            }
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting ORDER BY scheduled_start, id"
        ))?;
        let rows = stmt.query_map([], meeting_from_row)?;
        let mut meetings: Vec<Meeting> = rows.collect::<rusqlite::Result<_>>()?;
        for meeting in &mut meetings {
            meeting.agenda = agendas.remove(&meeting.id).unwrap_or_default();
        }
        Ok(meetings)
    }

    pub fn count_meetings(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM meeting", [], |r| r.get(0))?)
    }

    pub fn get_series(&self, id: &str) -> Result<Series> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {SERIES_COLUMNS} FROM series WHERE id = ?1"
            ))?
            .query_row([id], series_from_row)
            .map_err(|e| not_found_or(e, "That recurring 1:1 no longer exists."))
    }

    /// The person's series that have not ended, oldest first.
    pub fn active_series_for(&self, person_id: &str, today: NaiveDate) -> Result<Vec<Series>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SERIES_COLUMNS} FROM series WHERE person_id = ?1 AND (ends_on IS NULL OR ends_on >= ?2)
             ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map(params![person_id, today], series_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get_meeting(&self, id: &str) -> Result<Meeting> {
        let mut meeting = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MEETING_COLUMNS} FROM meeting WHERE id = ?1"
            ))?
            .query_row([id], meeting_from_row)
            .map_err(|e| not_found_or(e, "That 1:1 no longer exists."))?;
        meeting.agenda = self.agenda_of(id)?;
        Ok(meeting)
    }

    pub fn agenda_of(&self, meeting_id: &str) -> Result<Vec<AgendaItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, minutes, prompts, done FROM agenda_item WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let mut rows = stmt.query([meeting_id])?;
        let mut items = Vec::new();
        while let Some(row) = rows.next()? {
            items.push(agenda_item_from_row(row)?);
        }
        Ok(items)
    }

    /// A person's meetings with the given statuses, newest first, without agendas.
    pub fn meetings_of(
        &self,
        person_id: &str,
        statuses: &[MeetingStatus],
        limit: Option<u32>,
    ) -> Result<Vec<Meeting>> {
        let wanted: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting WHERE person_id = ?1
               AND status IN (SELECT value FROM json_each(?2))
             ORDER BY scheduled_start DESC, id DESC LIMIT ?3"
        ))?;
        let rows = stmt.query_map(
            params![
                person_id,
                serde_json::to_string(&wanted).map_err(|e| Error::invalid(e.to_string()))?,
                limit.map(i64::from).unwrap_or(-1)
            ],
            meeting_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The 1:1 the person has now or next: one in progress, else the earliest
    /// scheduled one that is not long past.
    pub fn current_or_next(&self, person_id: &str, now: DateTime<Utc>) -> Result<Option<Meeting>> {
        let since = now - chrono::Duration::hours(OPEN_GRACE_HOURS);
        // Two indexed lookups rather than one OR, which would scan the person's history.
        let running = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MEETING_COLUMNS} FROM meeting WHERE person_id = ?1 AND status = 'in_progress'
                 ORDER BY scheduled_start, id LIMIT 1"
            ))?
            .query_row(params![person_id], meeting_from_row);
        let found = match running {
            Err(rusqlite::Error::QueryReturnedNoRows) => self
                .conn
                .prepare_cached(&format!(
                    "SELECT {MEETING_COLUMNS} FROM meeting WHERE person_id = ?1 AND status = 'scheduled'
                       AND scheduled_start >= ?2 ORDER BY scheduled_start, id LIMIT 1"
                ))?
                .query_row(params![person_id, since], meeting_from_row),
            other => other,
        };
        match found {
            Ok(mut meeting) => {
                meeting.agenda = self.agenda_of(&meeting.id)?;
                Ok(Some(meeting))
            }
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The person's first scheduled 1:1 after `after`, without its agenda.
    pub fn next_scheduled_after(
        &self,
        person_id: &str,
        after: DateTime<Utc>,
    ) -> Result<Option<Meeting>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {MEETING_COLUMNS} FROM meeting WHERE person_id = ?1 AND status = 'scheduled'
                   AND scheduled_start > ?2 ORDER BY scheduled_start, id LIMIT 1"
            ))?
            .query_row(params![person_id, after], meeting_from_row)
            .optional()?)
    }

    /// The first scheduled 1:1 after `after` whose person `wanted` accepts,
    /// without its agenda. One scan in time order that stops at the first
    /// match: a team's next 1:1 costs one query however large the team.
    pub fn first_scheduled_after(
        &self,
        after: DateTime<Utc>,
        wanted: impl Fn(&str) -> bool,
    ) -> Result<Option<Meeting>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting WHERE status = 'scheduled'
               AND scheduled_start > ?1 ORDER BY scheduled_start, id"
        ))?;
        for meeting in stmt.query_map(params![after], meeting_from_row)? {
            let meeting = meeting?;
            if wanted(&meeting.person_id) {
                return Ok(Some(meeting));
            }
        }
        Ok(None)
    }

    /// Whether the series already has an occurrence that is not over.
    pub fn series_has_open_meeting(&self, series_id: &str, now: DateTime<Utc>) -> Result<bool> {
        let since = now - chrono::Duration::hours(OPEN_GRACE_HOURS);
        Ok(self
            .conn
            .prepare_cached(SERIES_OPEN_SQL)?
            .exists(params![series_id, since])?)
    }

    /// The latest slot the series has used (moved occurrences count at their
    /// original time), so the next occurrence comes after it.
    pub fn latest_slot_of_series(&self, series_id: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .conn
            .prepare_cached(SERIES_LATEST_SLOT_SQL)?
            .query_row([series_id], |r| r.get(0))?)
    }

    /// Scheduled occurrences of a series that still follow its rule (not moved
    /// one by one), from `since` on.
    pub fn unmoved_scheduled_of_series(
        &self,
        series_id: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting WHERE series_id = ?1 AND status = 'scheduled'
               AND original_start IS NULL AND scheduled_start >= ?2 ORDER BY scheduled_start"
        ))?;
        let rows = stmt.query_map(params![series_id, since], meeting_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every meeting of a series, without agendas, oldest first (calendar
    /// exceptions and cancelled dates come from these).
    /// A page of a person's 1:1s with these statuses, newest first, with
    /// their agendas, and how many there are in all.
    #[allow(clippy::too_many_arguments)] // each is one filter of the history screen
    pub fn past_page(
        &self,
        person_id: &str,
        statuses: &[MeetingStatus],
        kind: Option<MeetingKind>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<Meeting>, u64)> {
        let wanted =
            serde_json::to_string(&statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>())
                .map_err(|e| Error::invalid(e.to_string()))?;
        const FILTER: &str = "person_id = ?1 AND status IN (SELECT value FROM json_each(?2))
               AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR scheduled_start >= ?4)
               AND (?5 IS NULL OR scheduled_start < ?5)";
        let total: u64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM meeting WHERE {FILTER}"))?
            .query_row(params![person_id, wanted, kind, from, to], |r| r.get(0))?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting WHERE {FILTER}
             ORDER BY scheduled_start DESC, id DESC LIMIT ?6 OFFSET ?7"
        ))?;
        let rows = stmt.query_map(
            params![person_id, wanted, kind, from, to, limit, offset],
            meeting_from_row,
        )?;
        let mut meetings: Vec<Meeting> = rows.collect::<rusqlite::Result<_>>()?;
        for meeting in &mut meetings {
            meeting.agenda = self.agenda_of(&meeting.id)?;
        }
        Ok((meetings, total))
    }

    pub fn meetings_of_series(&self, series_id: &str) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting WHERE series_id = ?1 ORDER BY scheduled_start, id"
        ))?;
        let rows = stmt.query_map([series_id], meeting_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Meetings starting in `[from, to)` plus any in progress, soonest first.
    pub fn upcoming(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meeting
             WHERE status = 'scheduled' AND scheduled_start >= ?1 AND scheduled_start < ?2
             UNION ALL
             SELECT {MEETING_COLUMNS} FROM meeting WHERE status = 'in_progress'
             ORDER BY scheduled_start, id"
        ))?;
        let rows = stmt.query_map(params![from, to], meeting_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The slots of a series taken by a 1:1 row (planned, moved from,
    /// held or cancelled), from `from` on: no other occurrence falls there.
    pub fn series_slots_from(
        &self,
        series_id: &str,
        from: DateTime<Utc>,
    ) -> Result<std::collections::HashSet<DateTime<Utc>>> {
        let mut stmt = self.conn.prepare_cached(SERIES_SLOTS_SQL)?;
        let rows = stmt.query_map(params![series_id, from], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Completed count and average length in minutes of a person's 1:1s.
    pub fn completed_stats(&self, person_id: &str) -> Result<(u64, Option<f64>)> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*), avg((julianday(ended_at) - julianday(started_at)) * 1440.0)
             FROM meeting WHERE person_id = ?1 AND status = 'completed'",
            )?
            .query_row([person_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    /// The latest completed 1:1 of a person.
    pub fn last_completed(&self, person_id: &str) -> Result<Option<Meeting>> {
        Ok(self
            .meetings_of(person_id, &[MeetingStatus::Completed], Some(1))?
            .into_iter()
            .next())
    }

    /// When the person's latest held 1:1 actually started (its scheduled
    /// start if the start was not recorded): a 1:1 held two days late
    /// resets the cadence from the day it was held.
    pub fn last_held_start(&self, person_id: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT coalesce(started_at, scheduled_start) FROM meeting
                 WHERE person_id = ?1 AND status = 'completed'
                 ORDER BY scheduled_start DESC LIMIT 1",
            )?
            .query_row([person_id], |r| r.get(0))
            .optional()?)
    }

    /// When the person's first completed 1:1 took place.
    pub fn first_completed_start(&self, person_id: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT min(scheduled_start) FROM meeting WHERE person_id = ?1 AND status = 'completed'",
            )?
            .query_row([person_id], |r| r.get(0))?)
    }

    /// The person's last held 1:1 on one of the given templates: its start
    /// and its template.
    pub fn last_completed_with_templates(
        &self,
        person_id: &str,
        template_ids: &[&str],
    ) -> Result<Option<(DateTime<Utc>, String)>> {
        let ids = serde_json::to_string(template_ids)
            .map_err(|e| Error::new(crate::error::ErrorCode::Storage, e.to_string()))?;
        Ok(self
            .conn
            .prepare_cached(
                "SELECT scheduled_start, template_id FROM meeting
                 WHERE person_id = ?1 AND status = 'completed'
                   AND template_id IN (SELECT value FROM json_each(?2))
                 ORDER BY scheduled_start DESC LIMIT 1",
            )?
            .query_row(params![person_id, ids], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Cancelled 1:1s of a person scheduled in `[since, until)`.
    pub fn count_cancelled(
        &self,
        person_id: &str,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<u32> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM meeting WHERE person_id = ?1 AND status = 'cancelled'
                   AND scheduled_start >= ?2 AND scheduled_start < ?3",
            )?
            .query_row(params![person_id, since, until], |r| r.get(0))?)
    }

    pub fn count_for_person(&self, person_id: &str, statuses: &[MeetingStatus]) -> Result<u64> {
        let wanted: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM meeting WHERE person_id = ?1 AND status IN (SELECT value FROM json_each(?2))",
            )?
            .query_row(
                params![
                    person_id,
                    serde_json::to_string(&wanted).map_err(|e| Error::invalid(e.to_string()))?
                ],
                |r| r.get(0),
            )?)
    }
}

impl Schedule<'_, Writing> {
    pub fn insert_series(&self, series: &Series) -> Result<()> {
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO series ({SERIES_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
            ))?
            .execute(params![
                series.id,
                series.person_id,
                series.frequency,
                series.weekday,
                series.local_time,
                series.time_zone,
                series.duration_minutes,
                series.format,
                series.template_id,
                series.starts_on,
                series.ends_on,
                series.sequence,
                series.created_at,
                series.updated_at,
                series.second_weekday,
                series.last_of_month,
            ])?;
        Ok(())
    }

    /// Stores a meeting with its agenda.
    pub fn insert_meeting(&self, meeting: &Meeting) -> Result<()> {
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO meeting ({MEETING_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
                 ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
            ))?
            .execute(params![
                meeting.id,
                meeting.person_id,
                meeting.series_id,
                meeting.kind,
                meeting.topic,
                meeting.scheduled_start,
                meeting.original_start,
                meeting.planned_minutes,
                meeting.time_zone,
                meeting.format,
                meeting.status,
                meeting.started_at,
                meeting.ended_at,
                meeting.cancel_reason,
                meeting.template_id,
                meeting.shared_notes,
                meeting.private_notes,
                meeting.private_prep_notes,
                meeting.created_at,
                meeting.updated_at,
                meeting.cancelled_by,
            ])?;
        let mut insert_item = self.conn.prepare_cached(
            "INSERT INTO agenda_item (id, meeting_id, position, title, minutes, prompts, done)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (position, item) in meeting.agenda.iter().enumerate() {
            insert_item.execute(params![
                item.id,
                meeting.id,
                position as i64,
                item.title,
                item.minutes,
                serde_json::to_value(&item.prompts).map_err(|e| Error::invalid(e.to_string()))?,
                item.done,
            ])?;
        }
        Ok(())
    }

    pub fn update_series_row(&self, series: &Series) -> Result<()> {
        let changed = self.conn.prepare_cached(
            "UPDATE series SET frequency = ?2, weekday = ?3, local_time = ?4, time_zone = ?5, duration_minutes = ?6,
             format = ?7, template_id = ?8, starts_on = ?9, ends_on = ?10, sequence = ?11, updated_at = ?12,
             second_weekday = ?13, last_of_month = ?14 WHERE id = ?1",
        )?.execute(params![
            series.id,
            series.frequency,
            series.weekday,
            series.local_time,
            series.time_zone,
            series.duration_minutes,
            series.format,
            series.template_id,
            series.starts_on,
            series.ends_on,
            series.sequence,
            series.updated_at,
            series.second_weekday,
            series.last_of_month,
        ])?;
        if changed == 0 {
            return Err(Error::not_found("That recurring 1:1 no longer exists."));
        }
        Ok(())
    }

    pub fn set_notes(&self, id: &str, patch: &NotesPatch, now: DateTime<Utc>) -> Result<()> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE meeting SET shared_notes = coalesce(?2, shared_notes),
                   private_notes = coalesce(?3, private_notes),
                   private_prep_notes = coalesce(?4, private_prep_notes), updated_at = ?5
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                patch.shared_notes,
                patch.private_notes,
                patch.private_prep_notes,
                now
            ])?;
        if changed == 0 {
            return Err(Error::not_found("That 1:1 no longer exists."));
        }
        Ok(())
    }

    /// Writes the meeting's own columns (not its agenda) back.
    pub fn update_meeting_row(&self, meeting: &Meeting) -> Result<()> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE meeting SET kind = ?2, topic = ?3, scheduled_start = ?4, original_start = ?5,
                   planned_minutes = ?6, time_zone = ?7, format = ?8, status = ?9, started_at = ?10,
                   ended_at = ?11, cancel_reason = ?12, template_id = ?13, updated_at = ?14,
                   cancelled_by = ?15
                 WHERE id = ?1",
            )?
            .execute(params![
                meeting.id,
                meeting.kind,
                meeting.topic,
                meeting.scheduled_start,
                meeting.original_start,
                meeting.planned_minutes,
                meeting.time_zone,
                meeting.format,
                meeting.status,
                meeting.started_at,
                meeting.ended_at,
                meeting.cancel_reason,
                meeting.template_id,
                meeting.updated_at,
                meeting.cancelled_by,
            ])?;
        if changed == 0 {
            return Err(Error::not_found("That 1:1 no longer exists."));
        }
        Ok(())
    }

    pub fn replace_agenda(&self, meeting_id: &str, items: &[AgendaItem]) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM agenda_item WHERE meeting_id = ?1")?
            .execute([meeting_id])?;
        let mut insert_item = self.conn.prepare_cached(
            "INSERT INTO agenda_item (id, meeting_id, position, title, minutes, prompts, done)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (position, item) in items.iter().enumerate() {
            insert_item.execute(params![
                item.id,
                meeting_id,
                position as i64,
                item.title,
                item.minutes,
                serde_json::to_value(&item.prompts).map_err(|e| Error::invalid(e.to_string()))?,
                item.done,
            ])?;
        }
        Ok(())
    }

    /// Series that used a deleted template go back to the person's default.
    pub(crate) fn clear_template(&self, template_id: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE series SET template_id = NULL WHERE template_id = ?1")?
            .execute([template_id])?;
        Ok(())
    }

    pub fn set_agenda_item_done(&self, meeting_id: &str, item_id: &str, done: bool) -> Result<()> {
        let changed = self
            .conn
            .prepare_cached("UPDATE agenda_item SET done = ?3 WHERE meeting_id = ?1 AND id = ?2")?
            .execute(params![meeting_id, item_id, done])?;
        if changed == 0 {
            return Err(Error::not_found(
                "That agenda item is no longer on the agenda.",
            ));
        }
        Ok(())
    }
}
/// What the manager chooses when setting up a recurring 1:1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SeriesInput {
    pub frequency: Frequency,
    pub weekday: Weekday,
    /// Required for a twice-a-week series, and only then.
    #[serde(default)]
    #[ts(optional)]
    pub second_weekday: Option<Weekday>,
    /// Monthly only: on the month's last such weekday.
    #[serde(default)]
    pub last_of_month: bool,
    #[ts(type = "string")]
    pub local_time: NaiveTime,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub format: MeetingFormat,
    pub template_id: Option<String>,
    pub starts_on: NaiveDate,
}

/// A one-off 1:1: an extra regular one, an urgent one called by the manager, or
/// one the IC asked for about a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OneOffInput {
    pub kind: MeetingKind,
    pub topic: Option<String>,
    pub date: NaiveDate,
    #[ts(type = "string")]
    pub time: NaiveTime,
    pub time_zone: String,
    pub planned_minutes: u32,
    pub format: MeetingFormat,
    pub template_id: Option<String>,
}

/// A local date and time in a zone, as the manager picks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LocalSlot {
    pub date: NaiveDate,
    #[ts(type = "string")]
    pub time: NaiveTime,
    pub time_zone: String,
}

impl LocalSlot {
    pub fn zone(&self) -> Result<Zone> {
        Zone::parse(&self.time_zone)
    }

    pub fn to_utc(&self) -> Result<DateTime<Utc>> {
        Ok(local_to_utc(self.zone()?.tz(), self.date, self.time))
    }
}

/// Which meeting fields a save touches; None leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct NotesPatch {
    #[ts(optional)]
    pub shared_notes: Option<String>,
    #[ts(optional)]
    pub private_notes: Option<String>,
    #[ts(optional)]
    pub private_prep_notes: Option<String>,
}

/// An agenda item as edited; a new item has no id yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AgendaItemInput {
    pub id: Option<String>,
    pub title: String,
    pub minutes: u32,
    pub prompts: Vec<String>,
    pub done: bool,
}

/// Meetings that are not over: scheduled ones from 12 hours ago on (a 1:1 a
/// little late still counts) and any in progress.
pub(crate) const OPEN_GRACE_HOURS: i64 = 12;

/// The longest a 1:1 may be planned for: a working day.
pub const MAX_MEETING_MINUTES: u32 = 480;

pub(crate) fn validate_minutes(minutes: u32, what: &str) -> Result<()> {
    if minutes == 0 || minutes > MAX_MEETING_MINUTES {
        return Err(Error::invalid(format!(
            "{what} must be between 1 and {MAX_MEETING_MINUTES} minutes."
        )));
    }
    Ok(())
}

fn not_found_or(e: rusqlite::Error, message: &str) -> Error {
    match e {
        rusqlite::Error::QueryReturnedNoRows => Error::not_found(message),
        other => other.into(),
    }
}

/// An agenda item from columns id, title, minutes, prompts, done (in that order).
fn agenda_item_from_row(row: &Row<'_>) -> Result<AgendaItem> {
    let prompts: serde_json::Value = row.get(3)?;
    Ok(AgendaItem {
        id: row.get(0)?,
        title: row.get(1)?,
        minutes: row.get(2)?,
        prompts: serde_json::from_value(prompts).map_err(|e| {
            Error::new(
                crate::error::ErrorCode::CorruptDatabase,
                format!("Unreadable agenda prompts: {e}"),
            )
        })?,
        done: row.get(4)?,
    })
}

fn series_from_row(row: &Row<'_>) -> rusqlite::Result<Series> {
    Ok(Series {
        id: row.get(0)?,
        person_id: row.get(1)?,
        frequency: row.get(2)?,
        weekday: row.get(3)?,
        local_time: row.get(4)?,
        time_zone: row.get(5)?,
        duration_minutes: row.get(6)?,
        format: row.get(7)?,
        template_id: row.get(8)?,
        starts_on: row.get(9)?,
        ends_on: row.get(10)?,
        sequence: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
        second_weekday: row.get(14)?,
        last_of_month: row.get(15)?,
    })
}

fn meeting_from_row(row: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: row.get(0)?,
        person_id: row.get(1)?,
        series_id: row.get(2)?,
        kind: row.get(3)?,
        topic: row.get(4)?,
        scheduled_start: row.get(5)?,
        original_start: row.get(6)?,
        planned_minutes: row.get(7)?,
        time_zone: row.get(8)?,
        format: row.get(9)?,
        status: row.get(10)?,
        started_at: row.get(11)?,
        ended_at: row.get(12)?,
        cancel_reason: row.get(13)?,
        cancelled_by: row.get(20)?,
        template_id: row.get(14)?,
        agenda: Vec::new(),
        shared_notes: row.get(15)?,
        private_notes: row.get(16)?,
        private_prep_notes: row.get(17)?,
        created_at: row.get(18)?,
        updated_at: row.get(19)?,
    })
}

/// The UTC instant of a local wall-clock time in a zone. A time that does not
/// exist (the spring-forward gap) moves forward by the gap; an ambiguous one
/// (the autumn overlap) takes the first occurrence.
pub fn local_to_utc(tz: chrono_tz::Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    use chrono::TimeZone;
    let naive = date.and_time(time);
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        chrono::LocalResult::None => {
            let later = naive + chrono::Duration::hours(1);
            tz.from_local_datetime(&later)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
        }
    }
}

impl crate::store::Store {
    pub fn schedule(&self) -> Schedule<'_> {
        Schedule {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn schedule(&self) -> Schedule<'_, Writing> {
        Schedule {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each series question reads the index that holds its answer, not the
    /// series' 1:1 rows (which carry the notes).
    #[test]
    fn series_questions_are_answered_from_the_series_indexes() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrations()
            .to_latest(&mut conn)
            .unwrap();
        for (sql, index) in [
            (SERIES_SLOTS_SQL, "COVERING INDEX meeting_series_slot"),
            (SERIES_LATEST_SLOT_SQL, "COVERING INDEX meeting_series_slot"),
            (
                SERIES_OPEN_SQL,
                "COVERING INDEX meeting_series_status_start",
            ),
        ] {
            let mut plan = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            // The plan does not depend on the values, so none are bound.
            let mut rows = plan.raw_query();
            let mut steps: Vec<String> = Vec::new();
            while let Some(row) = rows.next().unwrap() {
                steps.push(row.get(3).unwrap());
            }
            assert!(
                steps.iter().all(|s| s.contains(index)),
                "{sql}\nplan: {steps:?}\nexpected every step to use {index}"
            );
        }
    }

    #[test]
    fn local_time_survives_daylight_saving() {
        let tz: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
        let two_pm = NaiveTime::from_hms_opt(14, 0, 0).unwrap();
        // Thursday before and after the end of summer time (27 Oct 2024).
        let before = local_to_utc(tz, "2024-10-24".parse().unwrap(), two_pm);
        let after = local_to_utc(tz, "2024-10-31".parse().unwrap(), two_pm);
        assert_eq!(before.to_rfc3339(), "2024-10-24T12:00:00+00:00");
        assert_eq!(after.to_rfc3339(), "2024-10-31T13:00:00+00:00");
    }

    #[test]
    fn nonexistent_local_time_moves_forward() {
        let tz: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
        let t = local_to_utc(
            tz,
            "2024-03-31".parse().unwrap(),
            NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        );
        assert_eq!(t.to_rfc3339(), "2024-03-31T01:30:00+00:00");
    }
}
