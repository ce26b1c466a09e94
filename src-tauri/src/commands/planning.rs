//! Scheduling: recurring series, one-off 1:1s, moving and cancelling.

use crate::state::AppState;
use chrono::NaiveDate;
use rapport_core::flows::scheduling::{self, NextPlan, NextProposal};
use rapport_core::records::meetings::{
    CancelledBy, LocalSlot, Meeting, OneOffInput, Series, SeriesInput,
};
use rapport_core::Result;
use tauri::State;

#[tauri::command]
pub async fn create_series(
    state: State<'_, AppState>,
    person_id: String,
    input: SeriesInput,
) -> Result<Series> {
    state.with_store(|s| scheduling::create_series(s, &person_id, input).map(|(series, _)| series))
}

#[tauri::command]
pub async fn update_series(
    state: State<'_, AppState>,
    series_id: String,
    input: SeriesInput,
) -> Result<Series> {
    state.with_store(|s| scheduling::update_series(s, &series_id, input))
}

#[tauri::command]
pub async fn end_series(
    state: State<'_, AppState>,
    series_id: String,
    last_day: NaiveDate,
) -> Result<Series> {
    state.with_store(|s| scheduling::end_series(s, &series_id, last_day))
}

#[tauri::command]
pub async fn schedule_one_off(
    state: State<'_, AppState>,
    person_id: String,
    input: OneOffInput,
) -> Result<Meeting> {
    state.with_store(|s| scheduling::schedule_one_off(s, &person_id, input))
}

#[tauri::command]
pub async fn reschedule_meeting(
    state: State<'_, AppState>,
    meeting_id: String,
    slot: LocalSlot,
) -> Result<Meeting> {
    state.with_store(|s| scheduling::reschedule_meeting(s, &meeting_id, slot))
}

#[tauri::command]
pub async fn cancel_meeting(
    state: State<'_, AppState>,
    meeting_id: String,
    reason: String,
    by: CancelledBy,
) -> Result<Meeting> {
    state.with_store(|s| scheduling::cancel_meeting(s, &meeting_id, &reason, by))
}

#[tauri::command]
pub async fn propose_next(state: State<'_, AppState>, meeting_id: String) -> Result<NextProposal> {
    state.with_store(|s| scheduling::propose_next_for(s, &meeting_id))
}

#[tauri::command]
pub async fn schedule_next(
    state: State<'_, AppState>,
    meeting_id: String,
    plan: NextPlan,
) -> Result<Option<Meeting>> {
    state.with_store(|s| scheduling::schedule_next(s, &meeting_id, plan))
}
