//! The coming 1:1s across the team with their local and UTC start and when
//! their reminders fall (`rapport upcoming`).

use crate::error::{Error, Result};
use crate::flows::reminders::{self, ReminderTime};
use crate::records::meetings::MeetingStatus;
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpcomingEntry {
    pub meeting_id: String,
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

/// The 1:1s from now to `days` ahead (and any running), soonest first.
pub fn upcoming(store: &Store, days: u32) -> Result<Vec<UpcomingEntry>> {
    if days == 0 || days > 366 {
        return Err(Error::invalid("--days must be between 1 and 366."));
    }
    let now = store.clock().now();
    let mut out = Vec::new();
    for meeting in store
        .schedule()
        .upcoming(now, now + Duration::days(days as i64))?
    {
        let person = store.people().get(&meeting.person_id)?;
        let start_local = meeting
            .scheduled_start
            .with_timezone(&meeting.time_zone.tz())
            .to_rfc3339();
        out.push(UpcomingEntry {
            reminders: reminders::reminder_times(store, &meeting)?,
            meeting_id: meeting.id,
            person_id: person.id,
            person_name: person.name,
            status: meeting.status,
            start_utc: meeting.scheduled_start,
            start_local,
            time_zone: meeting.time_zone.to_string(),
            planned_minutes: meeting.planned_minutes,
        });
    }
    Ok(out)
}
