//! The Today screen: the 1:1s coming up, what is overdue across the team, and
//! who has gone longer than their cadence without a 1:1.

use crate::error::Result;
use crate::records::actions::ActionItemView;
use crate::records::meetings::{Meeting, MeetingKind, MeetingStatus, OPEN_GRACE_HOURS};
use crate::records::people::Cadence;
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How far ahead the Today screen looks.
pub const UPCOMING_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpcomingMeeting {
    pub meeting_id: String,
    pub person_id: String,
    pub person_name: String,
    pub scheduled_start: DateTime<Utc>,
    pub time_zone: String,
    pub planned_minutes: u32,
    pub status: MeetingStatus,
    pub kind: MeetingKind,
    pub topic: Option<String>,
    pub started_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OverdueItem {
    pub item: ActionItemView,
    pub person_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuePerson {
    pub person_id: String,
    pub name: String,
    pub cadence: Cadence,
    pub last_meeting: Option<DateTime<Utc>>,
    #[ts(type = "number | null")]
    pub days_since_last: Option<i64>,
    pub next_meeting: Option<NextMeeting>,
}

/// When a person's next 1:1 is, with the zone it is set in: Today writes it
/// the way its list of coming 1:1s writes the same 1:1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NextMeeting {
    pub scheduled_start: DateTime<Utc>,
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Today {
    pub now: DateTime<Utc>,
    pub upcoming: Vec<UpcomingMeeting>,
    pub overdue: Vec<OverdueItem>,
    pub due_people: Vec<DuePerson>,
    pub people_count: u32,
    /// The next 1:1 whose reminder time has come and that has not ended: the
    /// banner with Prepare on the Today screen.
    pub reminder_banner: Option<UpcomingMeeting>,
    /// When nothing falls in the coming week, the first 1:1 planned after it:
    /// the empty list then says when the next one is, rather than suggesting
    /// to set one up.
    pub next_after_week: Option<UpcomingMeeting>,
}

pub fn today(store: &Store) -> Result<Today> {
    store.read(today_in)
}

fn today_in(store: &Store) -> Result<Today> {
    let now = store.clock().now();
    let day = store.clock().day_of(now);
    let people = store.people().active()?;
    let names: HashMap<&str, &str> = people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let schedule = store.schedule();

    let listed = |m: Meeting| {
        let name = names.get(m.person_id.as_str())?;
        Some(UpcomingMeeting {
            person_name: name.to_string(),
            meeting_id: m.id,
            person_id: m.person_id,
            scheduled_start: m.scheduled_start,
            time_zone: m.time_zone.to_string(),
            planned_minutes: m.planned_minutes,
            status: m.status,
            kind: m.kind,
            topic: m.topic,
            started_at: m.started_at,
        })
    };
    let week_end = now + Duration::days(UPCOMING_DAYS);
    let upcoming: Vec<UpcomingMeeting> = schedule
        .upcoming(now - Duration::hours(OPEN_GRACE_HOURS), week_end)?
        .into_iter()
        .filter_map(listed)
        .collect();
    let next_after_week = if upcoming.is_empty() {
        schedule
            .first_scheduled_after(week_end, |person| names.contains_key(person))?
            .and_then(listed)
    } else {
        None
    };

    let overdue = store
        .actions()
        .overdue(day)?
        .into_iter()
        .filter_map(|item| {
            let name = names.get(item.person_id.as_str())?.to_string();
            Some(OverdueItem {
                item: ActionItemView::new(item, day),
                person_name: name,
            })
        })
        .collect();

    let mut due_people = Vec::new();
    for person in &people {
        let cadence = person.effective_cadence();
        let last_meeting = schedule.last_held_start(&person.id)?;
        let days_since_last = last_meeting.map(|at| (now - at).num_days());
        if days_since_last.is_some_and(|d| d <= cadence.days()) {
            continue;
        }
        let current_or_next = schedule.current_or_next(&person.id, now)?;
        // Someone the manager is meeting right now is not waiting for a 1:1.
        if current_or_next
            .as_ref()
            .is_some_and(|m| m.status == MeetingStatus::InProgress)
        {
            continue;
        }
        let next_meeting = current_or_next.map(|m| NextMeeting {
            scheduled_start: m.scheduled_start,
            time_zone: m.time_zone.to_string(),
        });
        due_people.push(DuePerson {
            person_id: person.id.clone(),
            name: person.name.clone(),
            cadence,
            last_meeting,
            days_since_last,
            next_meeting,
        });
    }
    // Longest wait first; people never met come first of all.
    due_people.sort_by_key(|p| std::cmp::Reverse(p.days_since_last.unwrap_or(i64::MAX)));

    let mut reminder_banner = None;
    for m in upcoming
        .iter()
        .filter(|m| m.status == MeetingStatus::Scheduled)
    {
        let end = m.scheduled_start + Duration::minutes(i64::from(m.planned_minutes));
        let lead = store
            .reminders()
            .offsets_for(&m.person_id)?
            .into_iter()
            .max()
            .unwrap_or(0);
        if now >= m.scheduled_start - Duration::minutes(i64::from(lead)) && now < end {
            reminder_banner = Some(m.clone());
            break;
        }
    }

    Ok(Today {
        reminder_banner,
        next_after_week,
        now,
        upcoming,
        overdue,
        due_people,
        people_count: people.len() as u32,
    })
}
