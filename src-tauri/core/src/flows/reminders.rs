//! Desktop reminders before 1:1s, as a pure schedule over the store: which
//! reminders are due at a given instant, snoozes, and the text they show.
//!
//! Everything is in UTC instants: a daylight-saving change or a change of the
//! machine's time zone moves nothing.

use crate::error::Result;
use crate::records::actions::ActionStatus;
use crate::records::highlights::HighlightKind;
use crate::records::meetings::{Meeting, MeetingStatus};
use crate::records::reminder_state::MAX_OFFSET;
use crate::store::{Store, StorePaths};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

/// How long "Snooze" postpones a reminder.
pub const SNOOZE_MINUTES: i64 = 5;

/// One reminder that is due now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueReminder {
    pub meeting_id: String,
    pub person_id: String,
    pub person_name: String,
    pub meeting_start: DateTime<Utc>,
    pub time_zone: String,
    /// The offset this reminder is for (the smallest due, when several are).
    pub offset_minutes: u32,
    /// Minutes until the start; negative once the 1:1 has started.
    pub minutes_to_start: i64,
    /// "1:1 with Ada Okafor in 15 minutes" / "… started 5 minutes ago".
    pub title: String,
    /// Open action items and the first talking points, without private text.
    pub body: String,
}

/// When a scheduled 1:1's reminders fall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReminderTime {
    pub offset_minutes: u32,
    pub at: DateTime<Utc>,
}

/// The reminder times of a meeting, earliest first.
pub fn times_for(meeting: &Meeting, offsets: &[u32]) -> Vec<ReminderTime> {
    times_before(meeting.scheduled_start, offsets)
}

/// The reminder times of a 1:1 starting at `start`, soonest first.
pub fn times_before(start: DateTime<Utc>, offsets: &[u32]) -> Vec<ReminderTime> {
    let mut times: Vec<ReminderTime> = offsets
        .iter()
        .map(|m| ReminderTime {
            offset_minutes: *m,
            at: start - Duration::minutes(i64::from(*m)),
        })
        .collect();
    times.sort_by_key(|t| t.at);
    times
}

/// The reminder times of a scheduled 1:1 with the offsets that apply to it.
pub fn reminder_times(store: &Store, meeting: &Meeting) -> Result<Vec<ReminderTime>> {
    let offsets = store.reminders().offsets_for(&meeting.person_id)?;
    Ok(times_for(meeting, &offsets))
}

/// "1:1 with Ada Okafor in 15 minutes": all a locked window's reminder says.
pub(crate) fn title(name: &str, minutes_to_start: i64) -> String {
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    match minutes_to_start {
        m if m > 0 && m % 1440 == 0 => {
            format!("1:1 with {name} in {} day{}", m / 1440, plural(m / 1440))
        }
        m if m >= 120 && m % 60 == 0 => format!("1:1 with {name} in {} hours", m / 60),
        m if m > 0 => format!("1:1 with {name} in {m} minute{}", plural(m)),
        0 => format!("1:1 with {name} starts now"),
        m => format!("1:1 with {name} started {} minute{} ago", -m, plural(-m)),
    }
}

/// Whole minutes from `now` to `start`, a started part counting as a minute.
pub(crate) fn minutes_until(start: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let seconds = (start - now).num_seconds();
    seconds.div_euclid(60) + i64::from(seconds.rem_euclid(60) > 0)
}

/// What a notification may say: counts, action item titles and shareable
/// wins; never private notes, prep notes or private highlights.
fn body(store: &Store, person_id: &str, now: DateTime<Utc>) -> Result<String> {
    let today = store.clock().day_of(now);
    let items = store.actions().carried_for(person_id, None)?;
    let open: Vec<_> = items.iter().filter(|i| i.status.is_open()).collect();
    let overdue = open.iter().filter(|i| i.is_overdue(today)).count();
    let mut lines = Vec::new();
    match (open.len(), overdue) {
        (0, _) => lines.push("No open action items".to_string()),
        (n, 0) => lines.push(format!(
            "{n} open action item{}",
            if n == 1 { "" } else { "s" }
        )),
        (n, o) => lines.push(format!(
            "{n} open action item{} ({o} overdue)",
            if n == 1 { "" } else { "s" }
        )),
    }
    for item in open
        .iter()
        .filter(|i| i.is_overdue(today) || i.status == ActionStatus::Escalated)
        .take(2)
    {
        lines.push(format!("• Follow up: {}", item.title));
    }
    // Only a shareable win or accomplishment: a reminder may pop up while the
    // manager shares their screen, and a concern is never a thing to celebrate.
    let win = store
        .highlights()
        .of_person(person_id, Some(today - Duration::days(14)), Some(5))?
        .into_iter()
        .filter(|h| h.kind != HighlightKind::Concern)
        .find_map(|h| h.text);
    if let Some(win) = win {
        lines.push(format!("• Celebrate: {win}"));
    }
    Ok(lines.join("\n"))
}

/// The reminders due at `now`: for each scheduled 1:1 that has not ended, the
/// offsets whose time has come and that were not shown yet (nor snoozed).
/// When several are due at once (the app was closed), one reminder stands for
/// all of them.
pub fn due(store: &Store, now: DateTime<Utc>) -> Result<Vec<DueReminder>> {
    let reminders = store.reminders();
    let discreet = store.settings().get()?.discreet_reminders;
    let default = reminders.default_offsets()?;
    let longest = MAX_OFFSET;
    let mut due = Vec::new();
    let candidates = store.schedule().upcoming(
        now - Duration::hours(8),
        now + Duration::minutes(i64::from(longest)),
    )?;
    for meeting in candidates {
        if meeting.status != MeetingStatus::Scheduled {
            continue;
        }
        let end = meeting.scheduled_start + Duration::minutes(i64::from(meeting.planned_minutes));
        if now >= end {
            continue;
        }
        let offsets = match reminders.person_offsets(&meeting.person_id)? {
            Some(own) => own,
            None => default.clone(),
        };
        let snoozed = reminders.snoozed_until(&meeting.id)?;
        let mut ready: Vec<u32> = Vec::new();
        for time in times_for(&meeting, &offsets) {
            if time.at <= now && !reminders.fired(&meeting, time.offset_minutes)? {
                ready.push(time.offset_minutes);
            }
        }
        let snooze_due = snoozed.is_some_and(|until| until <= now);
        if ready.is_empty() && !snooze_due {
            continue;
        }
        if snoozed.is_some_and(|until| until > now) {
            continue;
        }
        let person = store.people().get(&meeting.person_id)?;
        if person.archived {
            continue;
        }
        let minutes_to_start = minutes_until(meeting.scheduled_start, now);
        due.push(DueReminder {
            offset_minutes: ready.iter().copied().min().unwrap_or(0),
            title: title(&person.name, minutes_to_start),
            body: if discreet {
                String::new()
            } else {
                body(store, &person.id, now)?
            },
            meeting_id: meeting.id.clone(),
            person_id: person.id,
            person_name: person.name,
            meeting_start: meeting.scheduled_start,
            time_zone: meeting.time_zone.to_string(),
            minutes_to_start,
        });
    }
    Ok(due)
}

/// Records that a reminder was shown, for every offset due so far, so that
/// neither a later tick nor a restart shows it again.
pub fn mark_shown(store: &mut Store, reminder: &DueReminder) -> Result<()> {
    let now = store.clock().now();
    store.write(|s| {
        let meeting = s.schedule().get_meeting(&reminder.meeting_id)?;
        let offsets = s.reminders().offsets_for(&meeting.person_id)?;
        for time in times_for(&meeting, &offsets) {
            if time.at <= now {
                s.reminders()
                    .mark_fired(&meeting, time.offset_minutes, now)?;
            }
        }
        s.reminders().set_snooze(&meeting.id, None)
    })
}

/// "Snooze": shows the reminder again in five minutes.
pub fn snooze(store: &mut Store, meeting_id: &str) -> Result<DateTime<Utc>> {
    let until = store.clock().now() + Duration::minutes(SNOOZE_MINUTES);
    store.write(|s| {
        s.schedule().get_meeting(meeting_id)?;
        s.reminders().set_snooze(meeting_id, Some(until))
    })?;
    Ok(until)
}

/// The next instant something may become due after `now` (for sleeping
/// until then); the runner still checks the wall clock regularly.
pub fn next_due_after(store: &Store, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    let reminders = store.reminders();
    let mut next: Option<DateTime<Utc>> = None;
    for meeting in store
        .schedule()
        .upcoming(now, now + Duration::minutes(i64::from(MAX_OFFSET) + 1))?
    {
        if meeting.status != MeetingStatus::Scheduled {
            continue;
        }
        for time in times_for(&meeting, &reminders.offsets_for(&meeting.person_id)?) {
            if time.at > now {
                next = Some(next.map_or(time.at, |n| n.min(time.at)));
            }
        }
        if let Some(until) = reminders.snoozed_until(&meeting.id)? {
            if until > now {
                next = Some(next.map_or(until, |n| n.min(until)));
            }
        }
    }
    Ok(next)
}

pub fn set_offsets(
    store: &mut Store,
    person_id: Option<&str>,
    minutes: Option<Vec<u32>>,
) -> Result<()> {
    store.write(|s| {
        if let Some(id) = person_id {
            s.people().get(id)?;
        }
        s.reminders().set_offsets(person_id, minutes.as_deref())
    })
}

/// The tray menu's line before any store exists, or when none is scheduled.
pub const NOTHING_SCHEDULED: &str = "No 1:1 scheduled";

/// The tray menu's line while the store is locked. A locked window shows
/// nothing from the store, and a line kept from before the lock would go
/// stale: it would still name a 1:1 that has passed.
pub const LOCKED_LINE: &str = "Locked: unlock to see the next 1:1";

/// "Next 1:1: Ada Okafor, Thu 24 Oct 2024, 14:00" for the tray menu.
pub fn next_label(store: &Store, now: DateTime<Utc>) -> Result<String> {
    let next = store
        .schedule()
        .upcoming(now, now + Duration::days(60))?
        .into_iter()
        .find(|m| m.status == MeetingStatus::Scheduled);
    Ok(match next {
        Some(m) => {
            let person = store.people().get(&m.person_id)?;
            format!(
                "Next 1:1: {}, {}",
                person.name,
                crate::formats::shared_notes::local_label(
                    m.scheduled_start,
                    &m.time_zone,
                    store.clock_hours(),
                )
            )
        }
        None => NOTHING_SCHEDULED.to_string(),
    })
}

/// The tray menu's line while no store is open: locked when there is one.
pub fn closed_label(paths: &StorePaths) -> &'static str {
    if crate::flows::access::stored_backend(paths).is_some() {
        LOCKED_LINE
    } else {
        NOTHING_SCHEDULED
    }
}
