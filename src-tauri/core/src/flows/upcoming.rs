//! The coming 1:1s across the team with their local and UTC start and when
//! their reminders fall (`rapport upcoming`).

use crate::error::{Error, Result};
use crate::flows::reminders::{self, ReminderTime};
use crate::records::meetings::MeetingStatus;
use crate::records::recurrence::starts_from;
use crate::store::Store;
use crate::zone::Zone;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpcomingEntry {
    /// None for a later occurrence of a recurring 1:1 that is not planned as
    /// a 1:1 of its own yet (Rapport plans one occurrence ahead).
    pub meeting_id: Option<String>,
    pub person_id: String,
    pub person_name: String,
    pub status: MeetingStatus,
    pub start_utc: DateTime<Utc>,
    /// RFC 3339 in the meeting's zone, e.g. 2024-10-24T14:00:00+02:00.
    pub start_local: String,
    pub time_zone: String,
    pub planned_minutes: u32,
    pub reminders: Vec<ReminderTime>,
}

/// Every 1:1 from now to `days` ahead (and any running), soonest first: the
/// ones planned (one-offs, moved occurrences, each series' next one) and every
/// later occurrence of each recurring 1:1, as a calendar that took the series'
/// invite shows them: a moved occurrence at its new time, a cancelled one not
/// at all.
pub fn upcoming(store: &Store, days: u32) -> Result<Vec<UpcomingEntry>> {
    if days == 0 || days > 366 {
        return Err(Error::invalid("--days must be between 1 and 366."));
    }
    store.read(|store| upcoming_in(store, days))
}

fn upcoming_in(store: &Store, days: u32) -> Result<Vec<UpcomingEntry>> {
    let now = store.clock().now();
    let until = now + Duration::days(i64::from(days));
    let mut names: HashMap<String, String> = HashMap::new();
    let mut name_of = |id: &str| -> Result<String> {
        if let Some(name) = names.get(id) {
            return Ok(name.clone());
        }
        let name = store.people().get(id)?.name;
        names.insert(id.to_string(), name.clone());
        Ok(name)
    };
    let mut out = Vec::new();
    for meeting in store.schedule().upcoming(now, until)? {
        out.push(UpcomingEntry {
            reminders: reminders::reminder_times(store, &meeting)?,
            person_name: name_of(&meeting.person_id)?,
            start_local: local(meeting.scheduled_start, meeting.time_zone),
            meeting_id: Some(meeting.id),
            person_id: meeting.person_id,
            status: meeting.status,
            start_utc: meeting.scheduled_start,
            time_zone: meeting.time_zone.to_string(),
            planned_minutes: meeting.planned_minutes,
        });
    }
    for series in store.schedule().list_series()? {
        // A slot with a 1:1 row is listed from that row (at its new time if
        // moved), or not at all (cancelled, or held early).
        let taken = store.schedule().series_slots_from(&series.id, now)?;
        let offsets = store.reminders().offsets_for(&series.person_id)?;
        for start in starts_from(&series, now).take_while(|start| *start < until) {
            if taken.contains(&start) {
                continue;
            }
            out.push(UpcomingEntry {
                meeting_id: None,
                person_id: series.person_id.clone(),
                person_name: name_of(&series.person_id)?,
                status: MeetingStatus::Scheduled,
                start_utc: start,
                start_local: local(start, series.time_zone),
                time_zone: series.time_zone.to_string(),
                planned_minutes: series.duration_minutes,
                reminders: reminders::times_before(start, &offsets),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.start_utc, &a.person_name, &a.meeting_id).cmp(&(
            b.start_utc,
            &b.person_name,
            &b.meeting_id,
        ))
    });
    Ok(out)
}

fn local(at: DateTime<Utc>, zone: Zone) -> String {
    at.with_timezone(&zone.tz()).to_rfc3339()
}
