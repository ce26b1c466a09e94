//! The person page: the running document of a report — focus areas, open
//! action items (mine and theirs), wins and concerns, and the meeting history
//! with each meeting's notes.

use crate::error::Result;
use crate::records::actions::{ActionItemView, Owner};
use crate::records::highlights::Highlight;
use crate::records::meetings::{Meeting, MeetingStatus, Series};
use crate::records::people::{Cadence, Person};
use crate::store::Store;
use chrono::Duration;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonPage {
    pub person: Person,
    pub cadence: Cadence,
    pub career_talk_every_days: u32,
    pub series: Vec<Series>,
    pub next_meeting: Option<Meeting>,
    /// The manager's open commitments to this person.
    pub open_mine: Vec<ActionItemView>,
    /// The person's open commitments.
    pub open_theirs: Vec<ActionItemView>,
    /// Feedback planned and given, planned first, then the newest.
    pub feedback: Vec<crate::records::feedback::Feedback>,
    /// Growth plans, active first.
    pub growth_plans: Vec<crate::records::growth::GrowthPlan>,
    /// The last mood check-ins, oldest first, for the trend line.
    pub moods: Vec<crate::records::moods::MoodCheck>,
    pub career_series: crate::flows::career::CareerProgress,
    /// Topics still to raise, oldest first.
    pub topics: Vec<crate::records::topics::Topic>,
    /// Wins, concerns and accomplishments, newest first.
    pub highlights: Vec<Highlight>,
    /// Held and cancelled 1:1s, newest first.
    pub history: Vec<Meeting>,
    #[ts(type = "number")]
    pub history_total: u64,
    pub cancelled_last_60_days: u32,
    /// What was shared with the person, newest first.
    pub shared: Vec<crate::records::share_log::ShareLogEntry>,
}

/// How many highlights the page shows.
const HIGHLIGHTS_SHOWN: u32 = 50;

/// The page; `history_limit` None gives the full history.
pub fn person_page(
    store: &Store,
    person_id: &str,
    history_limit: Option<u32>,
) -> Result<PersonPage> {
    store.read(|store| person_page_in(store, person_id, history_limit))
}

fn person_page_in(
    store: &Store,
    person_id: &str,
    history_limit: Option<u32>,
) -> Result<PersonPage> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    let person = store.people().get(person_id)?;
    let schedule = store.schedule();
    let past = [MeetingStatus::Completed, MeetingStatus::Cancelled];
    let (open_mine, open_theirs): (Vec<ActionItemView>, Vec<ActionItemView>) = store
        .actions()
        .carried_for(person_id, None)?
        .into_iter()
        .map(|i| ActionItemView::new(i, today))
        .partition(|i| i.item.owner == Owner::Manager);
    Ok(PersonPage {
        cadence: person.effective_cadence(),
        career_talk_every_days: person.effective_career_talk_days(),
        series: schedule.active_series_for(person_id, today)?,
        next_meeting: schedule.current_or_next(person_id, now)?,
        open_mine,
        open_theirs,
        topics: store.topics().open_of(person_id)?,
        feedback: store.feedback().of_person(person_id)?,
        growth_plans: store.growth_plans().of_person(person_id)?,
        moods: store
            .moods()
            .last_of(person_id, crate::flows::prep::MOODS_SHOWN)?,
        career_series: crate::flows::career::progress(store, person_id, today)?,
        highlights: store
            .highlights()
            .of_person(person_id, None, Some(HIGHLIGHTS_SHOWN))?,
        history: schedule.meetings_of(person_id, &past, history_limit)?,
        history_total: schedule.count_for_person(person_id, &past)?,
        cancelled_last_60_days: schedule.count_cancelled(
            person_id,
            now - Duration::days(60),
            now + Duration::hours(1),
        )?,
        shared: store
            .share_log()
            .of_person(person_id, Some(crate::records::share_log::SHOWN))?,
        person,
    })
}
