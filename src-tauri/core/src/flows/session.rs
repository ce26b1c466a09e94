//! Running a 1:1: starting it (the timer is the stored start, so it survives a
//! restart), notes saved as they are typed, the agenda and its check-offs,
//! action items added inline, and ending it with a summary and the next 1:1.

use crate::error::{Error, Result};
use crate::flows::scheduling::{self, NextPlan, NextProposal};
use crate::formats::shared_notes::{self, SharedMeeting};
use crate::ids::new_id;
use crate::records::actions::{ActionInput, ActionItemView};
use crate::records::feedback::Feedback;
use crate::records::meetings::{
    validate_minutes, AgendaItem, AgendaItemInput, Meeting, MeetingFormat, MeetingKind,
    MeetingStatus, NotesPatch,
};
use crate::records::moods::MoodCheck;
use crate::records::people::PersonSummary;
use crate::records::templates;
use crate::records::topics::Topic;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A 1:1 started this far from its planned time counts as held now.
const RESCHEDULE_ON_START_HOURS: i64 = 12;

/// What the session screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionView {
    pub meeting: Meeting,
    pub person: PersonSummary,
    /// Open items carried from earlier 1:1s, and this session's own.
    pub action_items: Vec<ActionItemView>,
    /// The person's open topics and those ticked in this 1:1: the agenda's
    /// "Their topics" and "My topics".
    pub topics: Vec<Topic>,
    /// When the 1:1 after this one is planned, for "Action Items (Next 1:1: …)".
    pub next_start: Option<DateTime<Utc>>,
    /// The mood check-in recorded in this 1:1.
    pub mood: Option<MoodCheck>,
    /// Feedback planned for the person and not given yet, and what was
    /// given in this 1:1.
    pub feedback: Vec<Feedback>,
    /// Seconds since the stored start (to the end, once ended).
    #[ts(type = "number")]
    pub elapsed_seconds: i64,
    pub now: DateTime<Utc>,
}

/// The end-of-session summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EndSummary {
    pub meeting: Meeting,
    pub person: PersonSummary,
    #[ts(type = "number")]
    pub duration_seconds: i64,
    pub agenda_done: u32,
    pub agenda_total: u32,
    pub action_items: Vec<ActionItemView>,
    /// The shared notes as the IC would receive them.
    pub shared_preview: String,
    pub next: Option<NextProposal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FinishRequest {
    /// Private notes go into the shared notes only when the manager has
    /// explicitly confirmed it.
    pub include_private_notes: bool,
    pub next: NextPlan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FinishResult {
    pub meeting: Meeting,
    pub next_meeting: Option<Meeting>,
    /// The shared notes, ready for the clipboard.
    pub shared_markdown: String,
}

fn summary_of(store: &Store, person_id: &str) -> Result<PersonSummary> {
    let p = store.people().get(person_id)?;
    Ok(PersonSummary {
        id: p.id,
        name: p.name,
        email: p.email,
        role: p.role,
        level: p.level,
        archived: p.archived,
    })
}

fn elapsed(meeting: &Meeting, now: DateTime<Utc>) -> i64 {
    match meeting.started_at {
        Some(start) => (meeting.ended_at.unwrap_or(now) - start)
            .num_seconds()
            .max(0),
        None => 0,
    }
}

pub fn view(store: &Store, meeting_id: &str) -> Result<SessionView> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    let meeting = store.schedule().get_meeting(meeting_id)?;
    let person = summary_of(store, &meeting.person_id)?;
    let mut items = store
        .actions()
        .carried_for(&meeting.person_id, meeting.started_at)?;
    for own in store.actions().of_meeting(meeting_id)? {
        if !items.iter().any(|i| i.id == own.id) {
            items.push(own);
        }
    }
    let topics = store.topics().for_meeting(&meeting.person_id, meeting_id)?;
    // A series keeps only its next occurrence on the calendar, which is this
    // one while it runs: the one after comes from the series' rule.
    let next_start = match store
        .schedule()
        .next_scheduled_after(&meeting.person_id, meeting.scheduled_start)?
    {
        Some(next) => Some(next.scheduled_start),
        None if meeting.series_id.is_some() => scheduling::propose_next(store, &meeting)
            .ok()
            .map(|p| p.start),
        None => None,
    };
    let feedback = store
        .feedback()
        .planned_or_given_in(&meeting.person_id, Some(meeting_id))?;
    Ok(SessionView {
        elapsed_seconds: elapsed(&meeting, now),
        mood: store.moods().of_meeting(meeting_id)?,
        feedback,
        topics,
        next_start,
        action_items: items
            .into_iter()
            .map(|i| ActionItemView::new(i, today))
            .collect(),
        meeting,
        person,
        now,
    })
}

/// The agenda a 1:1 starts with when none was written for it: its
/// template's items (or the standard weekly's), with fresh ids.
pub(crate) fn agenda_from_template(store: &Store, meeting: &Meeting) -> Result<Vec<AgendaItem>> {
    let template = match meeting.template_id.as_deref() {
        Some(id) => store
            .templates()
            .get(id)
            .or_else(|_| store.templates().get(templates::STANDARD_WEEKLY))?,
        None => store.templates().get(templates::STANDARD_WEEKLY)?,
    };
    Ok(template
        .items
        .into_iter()
        .map(|i| AgendaItem {
            id: new_id(),
            title: i.title,
            minutes: i.minutes,
            prompts: i.prompts,
            done: false,
        })
        .collect())
}

/// Starts a scheduled 1:1 now (or returns the one already running).
pub fn start(store: &mut Store, meeting_id: &str) -> Result<SessionView> {
    let now = store.clock().now();
    store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        match meeting.status {
            MeetingStatus::InProgress => return Ok(()),
            MeetingStatus::Completed => {
                return Err(Error::invalid("This 1:1 has already taken place."))
            }
            MeetingStatus::Cancelled => return Err(Error::invalid("This 1:1 was cancelled.")),
            MeetingStatus::Scheduled => {}
        }
        // Held on another occasion than planned (a day early, say): the 1:1
        // happens now, and a series occurrence remembers the slot it used.
        if (now - meeting.scheduled_start).num_hours().abs() >= RESCHEDULE_ON_START_HOURS {
            if meeting.series_id.is_some() && meeting.original_start.is_none() {
                meeting.original_start = Some(meeting.scheduled_start);
            }
            meeting.scheduled_start = now;
        }
        meeting.status = MeetingStatus::InProgress;
        meeting.started_at = Some(now);
        meeting.ended_at = None;
        meeting.updated_at = now;
        s.schedule().update_meeting_row(&meeting)?;
        if meeting.agenda.is_empty() {
            let agenda = agenda_from_template(s, &meeting)?;
            s.schedule().replace_agenda(&meeting.id, &agenda)?;
        }
        Ok(())
    })?;
    view(store, meeting_id)
}

/// "Start 1:1 Now" from a person: resumes a running 1:1, else holds the
/// prepared one now, else starts an ad-hoc one.
pub fn start_now(store: &mut Store, person_id: &str) -> Result<SessionView> {
    let now = store.clock().now();
    let existing = store.schedule().current_or_next(person_id, now)?;
    let meeting_id = match existing {
        Some(meeting) => meeting.id,
        None => {
            let person = store.people().get(person_id)?;
            let tz = store.clock().zone().tz();
            let local = now.with_timezone(&tz);
            let meeting = scheduling::schedule_one_off(
                store,
                person_id,
                crate::records::meetings::OneOffInput {
                    kind: MeetingKind::Regular,
                    topic: None,
                    date: local.date_naive(),
                    time: local.time(),
                    time_zone: tz.name().to_string(),
                    planned_minutes: 30,
                    format: MeetingFormat::InPerson,
                    template_id: person.default_template_id,
                },
            )?;
            meeting.id
        }
    };
    start(store, &meeting_id)
}

fn editable(meeting: &Meeting) -> Result<()> {
    if meeting.status == MeetingStatus::Cancelled {
        return Err(Error::invalid("This 1:1 was cancelled."));
    }
    Ok(())
}

/// Saves notes as they are typed (autosave and Save Draft).
pub fn save_notes(store: &mut Store, meeting_id: &str, patch: NotesPatch) -> Result<DateTime<Utc>> {
    let now = store.clock().now();
    store.write(|s| {
        editable(&s.schedule().get_meeting(meeting_id)?)?;
        s.schedule().set_notes(meeting_id, &patch, now)
    })?;
    Ok(now)
}

pub fn set_format(store: &mut Store, meeting_id: &str, format: MeetingFormat) -> Result<Meeting> {
    let now = store.clock().now();
    store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        editable(&meeting)?;
        meeting.format = format;
        meeting.updated_at = now;
        s.schedule().update_meeting_row(&meeting)?;
        Ok(meeting)
    })
}

/// Replaces the agenda with the edited one (new items get ids).
pub fn set_agenda(
    store: &mut Store,
    meeting_id: &str,
    items: Vec<AgendaItemInput>,
) -> Result<Vec<AgendaItem>> {
    let mut agenda = Vec::with_capacity(items.len());
    for (n, item) in items.into_iter().enumerate() {
        let title = item.title.trim().to_string();
        if title.is_empty() {
            return Err(Error::invalid(format!(
                "Agenda item {} needs a title.",
                n + 1
            )));
        }
        if item.minutes > 0 {
            validate_minutes(item.minutes, &format!("\"{title}\""))?;
        }
        agenda.push(AgendaItem {
            id: item.id.filter(|id| !id.is_empty()).unwrap_or_else(new_id),
            title,
            minutes: item.minutes,
            prompts: item.prompts,
            done: item.done,
        });
    }
    let now = store.clock().now();
    store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        editable(&meeting)?;
        s.schedule().replace_agenda(meeting_id, &agenda)?;
        meeting.updated_at = now;
        s.schedule().update_meeting_row(&meeting)?;
        Ok(())
    })?;
    Ok(agenda)
}

pub fn check_agenda_item(
    store: &mut Store,
    meeting_id: &str,
    item_id: &str,
    done: bool,
) -> Result<()> {
    store.write(|s| {
        editable(&s.schedule().get_meeting(meeting_id)?)?;
        s.schedule().set_agenda_item_done(meeting_id, item_id, done)
    })
}

/// Adds an action item for the person, from a session or anywhere else.
pub fn add_action_item(
    store: &mut Store,
    person_id: &str,
    input: ActionInput,
) -> Result<ActionItemView> {
    let now = store.clock().now();
    let item = store.write(|s| {
        s.people().get(person_id)?;
        if let Some(meeting_id) = &input.meeting_id {
            let meeting = s.schedule().get_meeting(meeting_id)?;
            if meeting.person_id != person_id {
                return Err(Error::invalid("That 1:1 is with someone else."));
            }
        }
        s.actions().create(person_id, input, now)
    })?;
    Ok(ActionItemView::new(item, store.clock().day_of(now)))
}

fn summary(store: &Store, meeting: Meeting) -> Result<EndSummary> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    let person = summary_of(store, &meeting.person_id)?;
    let items = store.actions().of_meeting(&meeting.id)?;
    let settings = store.settings().get()?;
    let topics = store.topics().discussed_in(&meeting.id)?;
    let shared = SharedMeeting::new(&person.name, &settings.manager_name, &meeting, &items, None)
        .with_topics(&topics);
    let next = scheduling::propose_next(store, &meeting).ok();
    Ok(EndSummary {
        duration_seconds: elapsed(&meeting, now),
        agenda_done: meeting.agenda.iter().filter(|a| a.done).count() as u32,
        agenda_total: meeting.agenda.len() as u32,
        action_items: items
            .into_iter()
            .map(|i| ActionItemView::new(i, today))
            .collect(),
        shared_preview: shared_notes::markdown(&shared, store.clock_hours()),
        next,
        person,
        meeting,
    })
}

/// "End Session": stops the clock and returns the summary. The 1:1 is stored
/// for good by `finish`; until then the manager can go back.
pub fn end(store: &mut Store, meeting_id: &str) -> Result<EndSummary> {
    let now = store.clock().now();
    let meeting = store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status != MeetingStatus::InProgress {
            return Err(Error::invalid("This 1:1 is not in progress."));
        }
        if meeting.ended_at.is_none() {
            meeting.ended_at = Some(now);
            meeting.updated_at = now;
            s.schedule().update_meeting_row(&meeting)?;
        }
        Ok(meeting)
    })?;
    summary(store, meeting)
}

/// "Cancel" on the summary: back to the running session, clock running again.
pub fn resume(store: &mut Store, meeting_id: &str) -> Result<SessionView> {
    let now = store.clock().now();
    store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status != MeetingStatus::InProgress {
            return Err(Error::invalid("This 1:1 is not in progress."));
        }
        meeting.ended_at = None;
        meeting.updated_at = now;
        s.schedule().update_meeting_row(&meeting)
    })?;
    view(store, meeting_id)
}

/// "Save Session & Schedule Next": completes the 1:1, schedules the next one
/// and returns the shared notes.
pub fn finish(store: &mut Store, meeting_id: &str, request: FinishRequest) -> Result<FinishResult> {
    let now = store.clock().now();
    store.write(|s| {
        let mut meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status != MeetingStatus::InProgress {
            return Err(Error::invalid("This 1:1 is not in progress."));
        }
        meeting.ended_at = Some(meeting.ended_at.unwrap_or(now));
        meeting.status = MeetingStatus::Completed;
        meeting.updated_at = now;
        s.schedule().update_meeting_row(&meeting)?;
        let next_meeting = scheduling::schedule_next_in(s, &meeting, &request.next)?;
        if let Some(series_id) = &meeting.series_id {
            let series = s.schedule().get_series(series_id)?;
            scheduling::ensure_next(s, &series, now)?;
        }
        let person = s.people().get(&meeting.person_id)?;
        let items = s.actions().of_meeting(&meeting.id)?;
        let settings = s.settings().get()?;
        let shared = SharedMeeting::new(
            &person.name,
            &settings.manager_name,
            &meeting,
            &items,
            next_meeting.as_ref(),
        )
        .with_topics(&s.topics().discussed_in(&meeting.id)?);
        let mut shared_markdown = shared_notes::markdown(&shared, s.clock_hours());
        if request.include_private_notes && !meeting.private_notes.trim().is_empty() {
            // The manager confirmed sharing these; they are added here, outside
            // the shared renderer, on purpose.
            shared_markdown.push_str("\n## Manager's notes\n\n");
            shared_markdown.push_str(meeting.private_notes.trim_end());
            shared_markdown.push('\n');
        }
        Ok(FinishResult {
            meeting,
            next_meeting,
            shared_markdown,
        })
    })
}
