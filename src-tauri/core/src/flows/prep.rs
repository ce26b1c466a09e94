//! The prepare screen: everything a manager reads in the two minutes before a
//! 1:1, gathered from the person's meetings, action items and highlights.

use crate::error::{Error, Result};
use crate::flows::career::{self, CareerProgress};
use crate::flows::session;
use crate::flows::talking_points::{self, TalkingPoint};
use crate::flows::team_stats::{self, PerformanceSnapshot, StatsPeriod};
use crate::records::actions::ActionItemView;
use crate::records::feedback::Feedback;
use crate::records::growth::GrowthPlan;
use crate::records::highlights::{Highlight, HighlightKind};
use crate::records::meetings::{AgendaItem, Meeting, MeetingStatus, NotesPatch};
use crate::records::moods::MoodCheck;
use crate::records::people::{Cadence, Person};
use crate::records::topics::Topic;
use crate::store::Store;
use chrono::Duration;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Prep {
    pub person: Person,
    pub cadence: Cadence,
    pub career_talk_every_days: u32,
    /// The 1:1 being prepared: the one in progress, or the next scheduled.
    pub meeting: Option<Meeting>,
    /// The last completed 1:1.
    pub last: Option<Meeting>,
    #[ts(type = "number | null")]
    pub days_since_last: Option<i64>,
    #[ts(type = "number")]
    pub completed_count: u64,
    pub average_minutes: Option<u32>,
    /// Open action items, and those closed since the last 1:1.
    pub action_items: Vec<ActionItemView>,
    /// Since the last 1:1 (or the last 30 days), newest first.
    pub wins: Vec<Highlight>,
    pub concerns: Vec<Highlight>,
    pub cancelled_last_60_days: u32,
    pub talking_points: Vec<TalkingPoint>,
    /// Open topics, oldest first: they go on the next agenda.
    pub topics: Vec<Topic>,
    /// Active growth plans, with their next checkpoint.
    pub growth_plans: Vec<GrowthPlan>,
    /// Feedback planned and not given yet.
    pub planned_feedback: Vec<Feedback>,
    /// The last mood check-ins, oldest first, for the trend line.
    pub moods: Vec<MoodCheck>,
    /// Where the person is in the career conversation series.
    pub career_series: CareerProgress,
    /// The next 1:1's agenda as it will start: the one written for it, or
    /// its template's (saving an edit writes it to the 1:1).
    pub planned_agenda: Vec<AgendaItem>,
    /// Seed 000's performance snapshot: the last 7 and 30 days.
    pub snapshot: PerformanceSnapshot,
}

/// The period whose numbers past their line become talking points, the
/// Team screen's default.
pub const FLAG_PERIOD_DAYS: i64 = 90;

/// How many check-ins the trend line shows.
pub const MOODS_SHOWN: u32 = 12;

pub fn prepare(store: &Store, person_id: &str) -> Result<Prep> {
    store.read(|store| prepare_in(store, person_id))
}

fn prepare_in(store: &Store, person_id: &str) -> Result<Prep> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    let person = store.people().get(person_id)?;
    let schedule = store.schedule();
    let meeting = schedule.current_or_next(person_id, now)?;
    let last = schedule.last_completed(person_id)?;
    let (completed_count, average) = schedule.completed_stats(person_id)?;
    let last_date = last.as_ref().map(|m| {
        m.time_zone
            .day_of(m.started_at.unwrap_or(m.scheduled_start))
    });
    let days_since_last = last_date.map(|d| (today - d).num_days());

    let closed_since = last
        .as_ref()
        .map(|m| m.started_at.unwrap_or(m.scheduled_start));
    let action_items: Vec<ActionItemView> = store
        .actions()
        .carried_for(person_id, closed_since)?
        .into_iter()
        .map(|i| ActionItemView::new(i, today))
        .collect();

    let since = last_date.unwrap_or(today - Duration::days(30));
    let highlights = store.highlights().of_person(person_id, Some(since), None)?;
    let (concerns, wins): (Vec<Highlight>, Vec<Highlight>) = highlights
        .into_iter()
        .partition(|h| h.kind == HighlightKind::Concern);

    let cancelled_last_60_days = schedule.count_cancelled(
        person_id,
        now - Duration::days(60),
        now + Duration::hours(1),
    )?;
    let cadence = person.effective_cadence();
    let career_talk_every_days = person.effective_career_talk_days();
    let mut all_highlights: Vec<Highlight> = wins.iter().chain(concerns.iter()).cloned().collect();
    all_highlights.sort_by_key(|h| std::cmp::Reverse(h.occurred_on));
    let growth_plans = store.growth_plans().active_of(person_id)?;
    let planned_feedback = store.feedback().planned_or_given_in(person_id, None)?;
    let moods = store.moods().last_of(person_id, MOODS_SHOWN)?;
    // The talking points raise what the Team screen flags over the last 90
    // days; the snapshot is the last 7 and 30.
    let numbers = team_stats::team(
        store,
        StatsPeriod::last_days(today, FLAG_PERIOD_DAYS),
        Some(person_id),
    )?;
    let snapshot = team_stats::snapshot(store, person_id)?;
    let talking_points = talking_points::suggest(&talking_points::Facts {
        growth_plans: &growth_plans,
        moods: &moods,
        planned_feedback: &planned_feedback,
        today,
        items: &action_items,
        highlights: &all_highlights,
        next_date: meeting
            .as_ref()
            .map(|m| m.time_zone.day_of(m.scheduled_start)),
        flags: &numbers
            .people
            .first()
            .map(|p| p.flags.clone())
            .unwrap_or_default(),
        cancelled_last_60_days,
        days_since_last,
        cadence_days: cadence.days(),
    });

    let topics = store.topics().open_of(person_id)?;
    let planned_agenda = match &meeting {
        Some(m) if !m.agenda.is_empty() => m.agenda.clone(),
        Some(m) => session::agenda_from_template(store, m)?,
        None => Vec::new(),
    };

    Ok(Prep {
        snapshot,
        career_series: career::progress(store, person_id, today)?,
        growth_plans,
        planned_feedback,
        moods,
        topics,
        planned_agenda,
        cadence,
        career_talk_every_days,
        meeting,
        last,
        days_since_last,
        completed_count,
        average_minutes: average.map(|m| m.round() as u32),
        action_items,
        wins,
        concerns,
        cancelled_last_60_days,
        talking_points,
        person,
    })
}

/// Saves the manager's private prep notes on the 1:1 being prepared.
pub fn save_prep_notes(store: &mut Store, meeting_id: &str, notes: String) -> Result<()> {
    let now = store.clock().now();
    store.write(|s| {
        let meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status == MeetingStatus::Cancelled {
            return Err(Error::invalid(
                "This 1:1 was cancelled; its prep notes can no longer change.",
            ));
        }
        s.schedule().set_notes(
            meeting_id,
            &NotesPatch {
                private_prep_notes: Some(notes),
                ..NotesPatch::default()
            },
            now,
        )
    })
}
