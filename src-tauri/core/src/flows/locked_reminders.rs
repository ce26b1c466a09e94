//! Reminders while the window is locked. The store is closed then, so at
//! lock time the few facts the reminders need are kept in memory: for each
//! 1:1 whose reminders fall in the next day, the person's name, its start and
//! end, and the reminder times not yet shown. Nothing else from the notes
//! (agenda, action items, wins) is kept, and a locked reminder says only
//! "1:1 with NAME in N minutes".
//!
//! What was shown while locked is written to the store at unlock, so the
//! normal schedule takes over and shows none of them again.

use crate::error::{ErrorCode, Result};
use crate::flows::reminders::{minutes_until, times_for, title, ReminderTime};
use crate::records::meetings::MeetingStatus;
use crate::records::reminder_state::MAX_OFFSET;
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};

/// How far ahead the locked window keeps reminders. A lock longer than this
/// shows no reminder for what lies beyond, until the next unlock.
pub const LOCKED_HORIZON_HOURS: i64 = 24;

/// One 1:1 with reminders still to come. No `Debug`: it holds a name, and
/// nothing should print it by accident.
#[derive(Clone, PartialEq, Eq)]
struct Upcoming {
    meeting_id: String,
    person_name: String,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// Not shown yet, earliest first.
    pending: Vec<ReminderTime>,
    snoozed_until: Option<DateTime<Utc>>,
}

/// A reminder shown while locked, to be recorded at unlock.
#[derive(Clone, PartialEq, Eq)]
struct Shown {
    meeting_id: String,
    meeting_start: DateTime<Utc>,
    offsets: Vec<u32>,
    at: DateTime<Utc>,
}

/// What a locked window knows about the coming reminders.
#[derive(Clone, Default)]
pub struct LockedReminders {
    upcoming: Vec<Upcoming>,
    shown: Vec<Shown>,
}

/// A reminder due while locked: its title is all it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedReminder {
    pub meeting_id: String,
    pub title: String,
}

/// Keeps, from the open store, what the reminders of the next
/// `LOCKED_HORIZON_HOURS` need. Called just before the store closes.
pub fn snapshot(store: &Store, now: DateTime<Utc>) -> Result<LockedReminders> {
    let reminders = store.reminders();
    let horizon = now + Duration::hours(LOCKED_HORIZON_HOURS);
    let mut upcoming = Vec::new();
    // The same window as `reminders::due`, stretched by the horizon: a 1:1
    // up to a week after it can have a reminder inside it.
    let candidates = store.schedule().upcoming(
        now - Duration::hours(8),
        horizon + Duration::minutes(i64::from(MAX_OFFSET)),
    )?;
    for meeting in candidates {
        if meeting.status != MeetingStatus::Scheduled {
            continue;
        }
        let end = meeting.scheduled_start + Duration::minutes(i64::from(meeting.planned_minutes));
        if now >= end {
            continue;
        }
        let mut pending = Vec::new();
        for time in times_for(&meeting, &reminders.offsets_for(&meeting.person_id)?) {
            if time.at <= horizon && !reminders.fired(&meeting, time.offset_minutes)? {
                pending.push(time);
            }
        }
        let snoozed_until = reminders.snoozed_until(&meeting.id)?;
        if pending.is_empty() && snoozed_until.is_none_or(|until| until > horizon) {
            continue;
        }
        let person = store.people().get(&meeting.person_id)?;
        if person.archived {
            continue;
        }
        upcoming.push(Upcoming {
            meeting_id: meeting.id,
            person_name: person.name,
            start: meeting.scheduled_start,
            end,
            pending,
            snoozed_until,
        });
    }
    Ok(LockedReminders {
        upcoming,
        shown: Vec::new(),
    })
}

impl LockedReminders {
    /// The reminders due at `now`, by the same rules as `reminders::due`
    /// (one per 1:1 for all its offsets due, a snooze holds it back); each
    /// is shown once.
    pub fn take_due(&mut self, now: DateTime<Utc>) -> Vec<LockedReminder> {
        let mut due = Vec::new();
        for meeting in &mut self.upcoming {
            if now >= meeting.end {
                continue;
            }
            let ready: Vec<u32> = meeting
                .pending
                .iter()
                .filter(|t| t.at <= now)
                .map(|t| t.offset_minutes)
                .collect();
            let snooze_due = meeting.snoozed_until.is_some_and(|until| until <= now);
            if ready.is_empty() && !snooze_due {
                continue;
            }
            if meeting.snoozed_until.is_some_and(|until| until > now) {
                continue;
            }
            due.push(LockedReminder {
                meeting_id: meeting.meeting_id.clone(),
                title: locked_title(&meeting.person_name, minutes_until(meeting.start, now)),
            });
            meeting.pending.retain(|t| t.at > now);
            meeting.snoozed_until = None;
            self.shown.push(Shown {
                meeting_id: meeting.meeting_id.clone(),
                meeting_start: meeting.start,
                offsets: ready,
                at: now,
            });
        }
        due
    }

    /// How many 1:1s it still knows of (for the log: a count, no names).
    pub fn len(&self) -> usize {
        self.upcoming.len()
    }

    pub fn is_empty(&self) -> bool {
        self.upcoming.is_empty()
    }
}

/// All a locked window's reminder says: "1:1 with Ada Okafor in 15 minutes".
pub fn locked_title(person_name: &str, minutes_to_start: i64) -> String {
    title(person_name, minutes_to_start)
}

/// At unlock: records what was shown while locked, so the normal schedule
/// does not show it again. A 1:1 moved or removed meanwhile (from the
/// command line) is skipped: its reminders are armed anew.
pub fn record_shown(store: &mut Store, locked: &LockedReminders) -> Result<()> {
    if locked.shown.is_empty() {
        return Ok(());
    }
    store.write(|s| {
        for shown in &locked.shown {
            let meeting = match s.schedule().get_meeting(&shown.meeting_id) {
                Ok(meeting) => meeting,
                Err(err) if err.code == ErrorCode::NotFound => continue,
                Err(err) => return Err(err),
            };
            if meeting.scheduled_start != shown.meeting_start {
                continue;
            }
            for offset in &shown.offsets {
                s.reminders().mark_fired(&meeting, *offset, shown.at)?;
            }
            s.reminders().set_snooze(&meeting.id, None)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    /// Ada's 1:1 at 12:00 UTC for 30 minutes, reminders a day and 15 minutes before.
    fn locked() -> LockedReminders {
        let start = at("2024-10-24T12:00:00Z");
        LockedReminders {
            upcoming: vec![Upcoming {
                meeting_id: "m1".into(),
                person_name: "Ada Okafor".into(),
                start,
                end: start + Duration::minutes(30),
                pending: vec![ReminderTime {
                    offset_minutes: 15,
                    at: start - Duration::minutes(15),
                }],
                snoozed_until: None,
            }],
            shown: Vec::new(),
        }
    }

    #[test]
    fn a_locked_reminder_says_only_who_and_when() {
        assert_eq!(
            locked_title("Ada Okafor", 15),
            "1:1 with Ada Okafor in 15 minutes"
        );
        assert_eq!(
            locked_title("Ada Okafor", 1),
            "1:1 with Ada Okafor in 1 minute"
        );
        assert_eq!(
            locked_title("Ada Okafor", 0),
            "1:1 with Ada Okafor starts now"
        );

        let mut locked = locked();
        assert!(locked.take_due(at("2024-10-24T11:44:00Z")).is_empty());
        let due = locked.take_due(at("2024-10-24T11:45:00Z"));
        assert_eq!(
            due,
            vec![LockedReminder {
                meeting_id: "m1".into(),
                title: "1:1 with Ada Okafor in 15 minutes".into(),
            }]
        );
    }

    #[test]
    fn a_locked_reminder_shows_once_and_is_remembered_for_the_unlock() {
        let mut locked = locked();
        assert_eq!(locked.take_due(at("2024-10-24T11:47:30Z")).len(), 1);
        assert!(locked.take_due(at("2024-10-24T11:48:00Z")).is_empty());
        assert!(locked.take_due(at("2024-10-24T11:59:00Z")).is_empty());
        assert_eq!(locked.shown.len(), 1);
        assert_eq!(
            locked.shown.first().map(|s| s.offsets.clone()),
            Some(vec![15])
        );
    }

    #[test]
    fn nothing_once_the_1_1_has_ended_and_a_snooze_holds_it_back() {
        let mut ended = locked();
        assert!(ended.take_due(at("2024-10-24T12:30:00Z")).is_empty());

        let mut snoozed = locked();
        if let Some(m) = snoozed.upcoming.first_mut() {
            m.snoozed_until = Some(at("2024-10-24T11:50:00Z"));
        }
        assert!(snoozed.take_due(at("2024-10-24T11:46:00Z")).is_empty());
        let due = snoozed.take_due(at("2024-10-24T11:50:00Z"));
        assert_eq!(
            due.first().map(|r| r.title.as_str()),
            Some("1:1 with Ada Okafor in 10 minutes")
        );
    }
}
