//! The coaching toolkit as the screens use it: feedback in the SBI form,
//! growth plans, mood check-ins in a 1:1, and the question bank.

use crate::error::{Error, Result};
use crate::records::feedback::{Feedback, FeedbackInput};
use crate::records::growth::{GrowthPlan, GrowthPlanInput};
use crate::records::meetings::MeetingStatus;
use crate::records::moods::{MoodCheck, MoodInput};
use crate::records::questions::{Question, QuestionInput};
use crate::store::{Store, Tx};

/// The 1:1 a record points at must be the same person's.
fn check_meeting(s: &Tx<'_>, person_id: &str, meeting_id: Option<&str>) -> Result<()> {
    if let Some(id) = meeting_id {
        if s.schedule().get_meeting(id)?.person_id != person_id {
            return Err(Error::invalid("That 1:1 is with someone else."));
        }
    }
    Ok(())
}

pub fn add_feedback(store: &mut Store, person_id: &str, input: FeedbackInput) -> Result<Feedback> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    store.write(|s| {
        s.people().get(person_id)?;
        check_meeting(s, person_id, input.meeting_id.as_deref())?;
        s.feedback().create(person_id, input, today, now)
    })
}

pub fn edit_feedback(store: &mut Store, id: &str, input: FeedbackInput) -> Result<Feedback> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    store.write(|s| {
        let person = s.feedback().get(id)?.person_id;
        check_meeting(s, &person, input.meeting_id.as_deref())?;
        s.feedback().replace(id, input, today, now)
    })
}

pub fn delete_feedback(store: &mut Store, id: &str) -> Result<()> {
    store.write(|s| s.feedback().delete(id))
}

pub fn add_growth_plan(
    store: &mut Store,
    person_id: &str,
    input: GrowthPlanInput,
) -> Result<GrowthPlan> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    store.write(|s| {
        s.people().get(person_id)?;
        s.growth_plans().create(person_id, input, today, now)
    })
}

pub fn edit_growth_plan(store: &mut Store, id: &str, input: GrowthPlanInput) -> Result<GrowthPlan> {
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    store.write(|s| s.growth_plans().replace(id, input, today, now))
}

pub fn delete_growth_plan(store: &mut Store, id: &str) -> Result<()> {
    store.write(|s| s.growth_plans().delete(id))
}

/// Records the mood check-in of a 1:1 (again, to correct it).
pub fn record_mood(store: &mut Store, meeting_id: &str, input: MoodInput) -> Result<MoodCheck> {
    let now = store.clock().now();
    store.write(|s| {
        let meeting = s.schedule().get_meeting(meeting_id)?;
        if meeting.status == MeetingStatus::Cancelled {
            return Err(Error::invalid("This 1:1 was cancelled."));
        }
        let day = meeting
            .time_zone
            .day_of(meeting.started_at.unwrap_or(meeting.scheduled_start));
        s.moods()
            .record(&meeting.person_id, meeting_id, day, input, now)
    })
}

pub fn clear_mood(store: &mut Store, meeting_id: &str) -> Result<()> {
    store.write(|s| s.moods().delete_of_meeting(meeting_id))
}

pub fn questions(store: &Store) -> Result<Vec<Question>> {
    store.questions().all()
}

pub fn add_question(store: &mut Store, input: QuestionInput) -> Result<Question> {
    let now = store.clock().now();
    store.write(|s| s.questions().add(input, now))
}

pub fn edit_question(store: &mut Store, id: &str, input: QuestionInput) -> Result<Question> {
    let now = store.clock().now();
    store.write(|s| s.questions().edit(id, input, now))
}

pub fn set_question_hidden(store: &mut Store, id: &str, hidden: bool) -> Result<Question> {
    let now = store.clock().now();
    store.write(|s| s.questions().set_hidden(id, hidden, now))
}

/// A built-in back to its shipped words, or the manager's own removed.
pub fn reset_question(store: &mut Store, id: &str) -> Result<()> {
    store.write(|s| s.questions().reset_or_delete(id))
}
