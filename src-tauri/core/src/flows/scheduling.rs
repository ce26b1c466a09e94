//! Planning 1:1s: setting up a recurring series, keeping its next occurrence
//! on the calendar, moving or cancelling one occurrence or the whole series,
//! one-off 1:1s, and choosing the next 1:1 after a session.
//!
//! A series keeps exactly its next occurrence as a meeting row; later ones are
//! computed when needed. Cancelled meetings are kept with their reason.

use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::records::meetings::{
    local_to_utc, validate_minutes, CancelledBy, Frequency, LocalSlot, Meeting, MeetingKind,
    MeetingStatus, OneOffInput, Series, SeriesInput, Weekday, OPEN_GRACE_HOURS,
};
use crate::records::people::Cadence;
use crate::records::recurrence::next_start_after;
use crate::records::templates;
use crate::store::{Store, Tx};
use crate::zone::Zone;
use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the next 1:1 is chosen at the end of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
pub enum NextPlan {
    /// The next occurrence of the person's series (one is set up by cadence
    /// if there is none).
    Recurring,
    /// One 1:1 at the given time, outside any series.
    OneTime { slot: LocalSlot },
    /// No next 1:1 for now.
    None,
}

/// The next 1:1 the app suggests after a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NextProposal {
    pub start: DateTime<Utc>,
    pub time_zone: String,
    pub frequency: Frequency,
    /// Set when that 1:1 is already on the calendar.
    pub existing_meeting_id: Option<String>,
}

fn frequency_of(cadence: Cadence) -> Frequency {
    match cadence {
        Cadence::Weekly => Frequency::Weekly,
        Cadence::Biweekly => Frequency::Biweekly,
        Cadence::Monthly => Frequency::Monthly,
    }
}

fn check_template(store: &Store, template_id: &Option<String>) -> Result<()> {
    store.templates().require_known(template_id.as_deref())
}

/// The template a new meeting of this person uses when none is given.
fn template_for(store: &Store, person_id: &str, chosen: Option<String>) -> Result<String> {
    if let Some(id) = chosen {
        return Ok(id);
    }
    let person = store.people().get(person_id)?;
    Ok(person
        .default_template_id
        .unwrap_or_else(|| templates::STANDARD_WEEKLY.to_string()))
}

/// Where and how a new meeting takes place.
struct Slot {
    kind: MeetingKind,
    start: DateTime<Utc>,
    minutes: u32,
    time_zone: Zone,
    format: crate::records::meetings::MeetingFormat,
}

fn new_meeting(
    person_id: &str,
    series_id: Option<String>,
    slot: Slot,
    template_id: String,
    now: DateTime<Utc>,
) -> Meeting {
    let Slot {
        kind,
        start,
        minutes,
        time_zone,
        format,
    } = slot;
    Meeting {
        id: new_id(),
        person_id: person_id.to_string(),
        series_id,
        kind,
        topic: None,
        scheduled_start: start,
        original_start: None,
        planned_minutes: minutes,
        time_zone,
        format,
        status: MeetingStatus::Scheduled,
        started_at: None,
        ended_at: None,
        cancel_reason: None,
        cancelled_by: None,
        template_id: Some(template_id),
        agenda: Vec::new(),
        shared_notes: String::new(),
        private_notes: String::new(),
        private_prep_notes: String::new(),
        created_at: now,
        updated_at: now,
    }
}

/// The series' zone, parsed; the input is refused when a part of it is wrong.
fn validate_series(input: &SeriesInput) -> Result<Zone> {
    let zone = Zone::parse(&input.time_zone)?;
    validate_minutes(input.duration_minutes, "A 1:1")?;
    second_day(input)?;
    if input.last_of_month && input.frequency != Frequency::Monthly {
        return Err(Error::invalid(
            "Only a monthly 1:1 can fall on the last weekday of the month.",
        ));
    }
    Ok(zone)
}

/// The other day of a twice-a-week series: needed for one, and another day
/// than the first; any other rhythm has none.
fn second_day(input: &SeriesInput) -> Result<Option<Weekday>> {
    match (input.frequency, input.second_weekday) {
        (Frequency::TwiceWeekly, None) => Err(Error::invalid("Twice a week needs its second day.")),
        (Frequency::TwiceWeekly, Some(day)) if day == input.weekday => Err(Error::invalid(
            "Twice a week falls on two different days; choose another second day.",
        )),
        (Frequency::TwiceWeekly, second) => Ok(second),
        _ => Ok(None),
    }
}

/// Sets up a recurring 1:1 and puts its first occurrence from now on the calendar.
pub fn create_series(
    store: &mut Store,
    person_id: &str,
    input: SeriesInput,
) -> Result<(Series, Option<Meeting>)> {
    let zone = validate_series(&input)?;
    let now = store.clock().now();
    store.write(|s| {
        let person = s.people().get(person_id)?;
        check_template(s, &input.template_id)?;
        let series = Series {
            id: new_id(),
            person_id: person.id.clone(),
            frequency: input.frequency,
            weekday: input.weekday,
            local_time: input.local_time,
            time_zone: zone,
            duration_minutes: input.duration_minutes,
            format: input.format,
            template_id: input.template_id.clone(),
            starts_on: input.starts_on,
            ends_on: None,
            sequence: 0,
            created_at: now,
            updated_at: now,
            second_weekday: second_day(&input)?,
            last_of_month: input.last_of_month,
        };
        s.schedule().insert_series(&series)?;
        let next = ensure_next(s, &series, now)?;
        Ok((series, next))
    })
}

/// Makes sure the series has its next occurrence on the calendar; returns it
/// when one was created.
pub fn ensure_next(store: &Tx<'_>, series: &Series, now: DateTime<Utc>) -> Result<Option<Meeting>> {
    let schedule = store.schedule();
    if schedule.series_has_open_meeting(&series.id, now)? {
        return Ok(None);
    }
    let after = schedule
        .latest_slot_of_series(&series.id)?
        .map_or(now, |latest| latest.max(now));
    let Some(start) = next_start_after(series, after) else {
        return Ok(None);
    };
    let template = template_for(store, &series.person_id, series.template_id.clone())?;
    let meeting = new_meeting(
        &series.person_id,
        Some(series.id.clone()),
        Slot {
            kind: MeetingKind::Regular,
            start,
            minutes: series.duration_minutes,
            time_zone: series.time_zone,
            format: series.format,
        },
        template,
        now,
    );
    schedule.insert_meeting(&meeting)?;
    Ok(Some(meeting))
}

/// Changes the rule of a whole series. Occurrences that still follow the old
/// rule move to the new one; ones moved one by one stay where they are.
pub fn update_series(store: &mut Store, series_id: &str, input: SeriesInput) -> Result<Series> {
    let zone = validate_series(&input)?;
    let now = store.clock().now();
    store.write(|s| {
        check_template(s, &input.template_id)?;
        let mut series = s.schedule().get_series(series_id)?;
        series.frequency = input.frequency;
        series.weekday = input.weekday;
        series.second_weekday = second_day(&input)?;
        series.last_of_month = input.last_of_month;
        series.local_time = input.local_time;
        series.time_zone = zone;
        series.duration_minutes = input.duration_minutes;
        series.format = input.format;
        series.template_id = input.template_id.clone();
        series.starts_on = input.starts_on;
        series.sequence += 1;
        series.updated_at = now;
        s.schedule().update_series_row(&series)?;
        let since = now - chrono::Duration::hours(OPEN_GRACE_HOURS);
        let mut after = now;
        for mut meeting in s.schedule().unmoved_scheduled_of_series(series_id, since)? {
            match next_start_after(&series, after) {
                Some(start) => {
                    meeting.scheduled_start = start;
                    meeting.planned_minutes = series.duration_minutes;
                    meeting.time_zone = series.time_zone;
                    meeting.format = series.format;
                    meeting.updated_at = now;
                    s.schedule().update_meeting_row(&meeting)?;
                    after = start;
                }
                None => cancel_row(
                    s,
                    meeting,
                    "The recurring 1:1 ended.",
                    CancelledBy::Manager,
                    now,
                )?,
            }
        }
        ensure_next(s, &series, now)?;
        Ok(series)
    })
}

/// Stops a series after `last_day`; its occurrences after that are cancelled.
pub fn end_series(
    store: &mut Store,
    series_id: &str,
    last_day: chrono::NaiveDate,
) -> Result<Series> {
    let now = store.clock().now();
    store.write(|s| {
        let mut series = s.schedule().get_series(series_id)?;
        series.ends_on = Some(last_day);
        series.sequence += 1;
        series.updated_at = now;
        s.schedule().update_series_row(&series)?;
        let tz = series.time_zone.tz();
        for meeting in s.schedule().unmoved_scheduled_of_series(series_id, now)? {
            if meeting.scheduled_start.with_timezone(&tz).date_naive() > last_day {
                cancel_row(
                    s,
                    meeting,
                    "The recurring 1:1 ended.",
                    CancelledBy::Manager,
                    now,
                )?;
            }
        }
        Ok(series)
    })
}

/// Moves one 1:1 to another time. A series occurrence remembers its
/// original slot, so the series carries on as before.
pub fn reschedule_meeting(store: &mut Store, meeting_id: &str, slot: LocalSlot) -> Result<Meeting> {
    let start = slot.to_utc()?;
    let now = store.clock().now();
    store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status != MeetingStatus::Scheduled {
            return Err(Error::invalid(
                "Only a 1:1 that has not started can be moved.",
            ));
        }
        if meeting.series_id.is_some() && meeting.original_start.is_none() {
            meeting.original_start = Some(meeting.scheduled_start);
        }
        meeting.scheduled_start = start;
        meeting.time_zone = slot.zone()?;
        meeting.updated_at = now;
        s.schedule().update_meeting_row(&meeting)?;
        Ok(meeting)
    })
}

fn cancel_row(
    store: &Tx<'_>,
    mut meeting: Meeting,
    reason: &str,
    by: CancelledBy,
    now: DateTime<Utc>,
) -> Result<()> {
    meeting.status = MeetingStatus::Cancelled;
    meeting.cancel_reason = Some(reason.to_string());
    meeting.cancelled_by = Some(by);
    meeting.updated_at = now;
    store.schedule().update_meeting_row(&meeting)
}

/// Cancels a 1:1 with a reason and who asked (kept: frequent cancellations
/// are a signal). A series occurrence makes room for the next one.
pub fn cancel_meeting(
    store: &mut Store,
    meeting_id: &str,
    reason: &str,
    by: CancelledBy,
) -> Result<Meeting> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "Say why the 1:1 is cancelled: it helps spot a pattern later.",
        ));
    }
    let now = store.clock().now();
    store.write(|s| {
        let meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status != MeetingStatus::Scheduled {
            return Err(Error::invalid(
                "Only a 1:1 that has not started can be cancelled.",
            ));
        }
        let series_id = meeting.series_id.clone();
        cancel_row(s, meeting, reason, by, now)?;
        if let Some(series_id) = series_id {
            let series = s.schedule().get_series(&series_id)?;
            ensure_next(s, &series, now)?;
        }
        s.schedule().get_meeting(meeting_id)
    })
}

/// Schedules a 1:1 outside the regular rhythm.
pub fn schedule_one_off(store: &mut Store, person_id: &str, input: OneOffInput) -> Result<Meeting> {
    validate_minutes(input.planned_minutes, "A 1:1")?;
    let zone = Zone::parse(&input.time_zone)?;
    let start = local_to_utc(zone.tz(), input.date, input.time);
    let topic = input
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    if input.kind == MeetingKind::Requested && topic.is_none() {
        return Err(Error::invalid("A 1:1 the IC asked for needs its topic."));
    }
    let now = store.clock().now();
    store.write(|s| {
        s.people().get(person_id)?;
        check_template(s, &input.template_id)?;
        let template = match (&input.template_id, input.kind) {
            (Some(id), _) => id.clone(),
            (None, MeetingKind::Urgent) => templates::PERFORMANCE_IMPROVEMENT.to_string(),
            (None, MeetingKind::Requested) => templates::BASIC.to_string(),
            (None, MeetingKind::Regular) => template_for(s, person_id, None)?,
        };
        let mut meeting = new_meeting(
            person_id,
            None,
            Slot {
                kind: input.kind,
                start,
                minutes: input.planned_minutes,
                time_zone: zone,
                format: input.format,
            },
            template,
            now,
        );
        meeting.topic = topic;
        s.schedule().insert_meeting(&meeting)?;
        Ok(meeting)
    })
}

/// The 1:1 after `meeting` that the person's rhythm suggests: the series' next
/// occurrence, or by cadence at the same local time.
pub fn propose_next(store: &Store, meeting: &Meeting) -> Result<NextProposal> {
    let now = store.clock().now();
    let today = now.date_naive();
    let person = store.people().get(&meeting.person_id)?;
    if let Some(upcoming) = store
        .schedule()
        .current_or_next(&meeting.person_id, now)?
        .filter(|m| m.id != meeting.id && m.status == MeetingStatus::Scheduled)
    {
        let frequency = match &upcoming.series_id {
            Some(id) => store.schedule().get_series(id)?.frequency,
            None => frequency_of(person.effective_cadence()),
        };
        return Ok(NextProposal {
            start: upcoming.scheduled_start,
            time_zone: upcoming.time_zone.to_string(),
            frequency,
            existing_meeting_id: Some(upcoming.id),
        });
    }
    let series = match &meeting.series_id {
        Some(id) => Some(store.schedule().get_series(id)?),
        None => store
            .schedule()
            .active_series_for(&meeting.person_id, today)?
            .into_iter()
            .next(),
    };
    let series = match series {
        Some(series) => series,
        None => series_by_cadence(&person.effective_cadence(), meeting, now)?,
    };
    let after = store
        .schedule()
        .latest_slot_of_series(&series.id)?
        .unwrap_or(meeting.scheduled_start)
        .max(meeting.scheduled_start)
        .max(now);
    let start = next_start_after(&series, after)
        .ok_or_else(|| Error::invalid("The recurring 1:1 has ended; pick a time."))?;
    Ok(NextProposal {
        start,
        time_zone: series.time_zone.to_string(),
        frequency: series.frequency,
        existing_meeting_id: None,
    })
}

/// A (not yet stored) series by the person's cadence at the meeting's local
/// weekday and time.
fn series_by_cadence(cadence: &Cadence, meeting: &Meeting, now: DateTime<Utc>) -> Result<Series> {
    let local = meeting
        .scheduled_start
        .with_timezone(&meeting.time_zone.tz());
    Ok(Series {
        id: new_id(),
        person_id: meeting.person_id.clone(),
        frequency: frequency_of(*cadence),
        weekday: Weekday::from_chrono(local.weekday()),
        local_time: local.time(),
        time_zone: meeting.time_zone,
        duration_minutes: meeting.planned_minutes,
        format: meeting.format,
        template_id: None,
        starts_on: local.date_naive(),
        ends_on: None,
        sequence: 0,
        created_at: now,
        updated_at: now,
        second_weekday: None,
        last_of_month: false,
    })
}

/// Puts the next 1:1 after `meeting` on the calendar as planned. Runs inside
/// the caller's transaction.
pub(crate) fn schedule_next_in(
    store: &Tx<'_>,
    meeting: &Meeting,
    plan: &NextPlan,
) -> Result<Option<Meeting>> {
    let now = store.clock().now();
    match plan {
        NextPlan::None => Ok(None),
        NextPlan::OneTime { slot } => {
            let start = slot.to_utc()?;
            if start <= now {
                return Err(Error::invalid("The next 1:1 must be in the future."));
            }
            let template = template_for(store, &meeting.person_id, None)?;
            let next = new_meeting(
                &meeting.person_id,
                None,
                Slot {
                    kind: MeetingKind::Regular,
                    start,
                    minutes: meeting.planned_minutes,
                    time_zone: slot.zone()?,
                    format: meeting.format,
                },
                template,
                now,
            );
            store.schedule().insert_meeting(&next)?;
            Ok(Some(next))
        }
        NextPlan::Recurring => {
            let proposal = propose_next(store, meeting)?;
            if let Some(id) = proposal.existing_meeting_id {
                return store.schedule().get_meeting(&id).map(Some);
            }
            let today = now.date_naive();
            let series = match &meeting.series_id {
                Some(id) => store.schedule().get_series(id)?,
                None => match store
                    .schedule()
                    .active_series_for(&meeting.person_id, today)?
                    .into_iter()
                    .next()
                {
                    Some(series) => series,
                    None => {
                        let person = store.people().get(&meeting.person_id)?;
                        let mut series =
                            series_by_cadence(&person.effective_cadence(), meeting, now)?;
                        series.template_id = person.default_template_id.clone();
                        store.schedule().insert_series(&series)?;
                        series
                    }
                },
            };
            let template = template_for(store, &meeting.person_id, series.template_id.clone())?;
            let next = new_meeting(
                &meeting.person_id,
                Some(series.id.clone()),
                Slot {
                    kind: MeetingKind::Regular,
                    start: proposal.start,
                    minutes: series.duration_minutes,
                    time_zone: series.time_zone,
                    format: series.format,
                },
                template,
                now,
            );
            store.schedule().insert_meeting(&next)?;
            Ok(Some(next))
        }
    }
}

/// Schedules the next 1:1 during or after a session ("Schedule Next 1:1").
pub fn schedule_next(
    store: &mut Store,
    meeting_id: &str,
    plan: NextPlan,
) -> Result<Option<Meeting>> {
    store.write(|s| {
        let meeting = s.schedule().get_meeting(meeting_id)?;
        schedule_next_in(s, &meeting, &plan)
    })
}

/// The proposal for the 1:1 after the given one ("Schedule Next 1:1").
pub fn propose_next_for(store: &Store, meeting_id: &str) -> Result<NextProposal> {
    let meeting = store.schedule().get_meeting(meeting_id)?;
    propose_next(store, &meeting)
}
