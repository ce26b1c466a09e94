//! The screens of the 1:1 loop: Today, person page, prepare, session, end.

use crate::state::AppState;
use rapport_core::flows::person_page::{self, PersonPage};
use rapport_core::flows::prep::{self, Prep};
use rapport_core::flows::session::{self, EndSummary, FinishRequest, FinishResult, SessionView};
use rapport_core::flows::today::{self, Today};
use rapport_core::records::actions::{ActionInput, ActionItemView};
use rapport_core::records::meetings::{
    AgendaItem, AgendaItemInput, Meeting, MeetingFormat, NotesPatch,
};
use rapport_core::Result;
use tauri::State;

#[tauri::command]
pub async fn get_today(state: State<'_, AppState>) -> Result<Today> {
    state.with_store(|s| today::today(s))
}

#[tauri::command]
pub async fn get_person_page(
    state: State<'_, AppState>,
    person_id: String,
    history_limit: Option<u32>,
) -> Result<PersonPage> {
    state.with_store(|s| person_page::person_page(s, &person_id, history_limit))
}

#[tauri::command]
pub async fn get_prep(state: State<'_, AppState>, person_id: String) -> Result<Prep> {
    state.with_store(|s| prep::prepare(s, &person_id))
}

#[tauri::command]
pub async fn save_prep_notes(
    state: State<'_, AppState>,
    meeting_id: String,
    notes: String,
) -> Result<()> {
    state.with_store(|s| prep::save_prep_notes(s, &meeting_id, notes))
}

#[tauri::command]
pub async fn get_session(state: State<'_, AppState>, meeting_id: String) -> Result<SessionView> {
    state.with_store(|s| session::view(s, &meeting_id))
}

#[tauri::command]
pub async fn start_session(state: State<'_, AppState>, meeting_id: String) -> Result<SessionView> {
    state.with_store(|s| session::start(s, &meeting_id))
}

#[tauri::command]
pub async fn start_session_now(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<SessionView> {
    state.with_store(|s| session::start_now(s, &person_id))
}

#[tauri::command]
pub async fn save_notes(
    state: State<'_, AppState>,
    meeting_id: String,
    patch: NotesPatch,
) -> Result<String> {
    state.with_store(|s| session::save_notes(s, &meeting_id, patch).map(|at| at.to_rfc3339()))
}

#[tauri::command]
pub async fn set_meeting_format(
    state: State<'_, AppState>,
    meeting_id: String,
    format: MeetingFormat,
) -> Result<Meeting> {
    state.with_store(|s| session::set_format(s, &meeting_id, format))
}

#[tauri::command]
pub async fn set_agenda(
    state: State<'_, AppState>,
    meeting_id: String,
    items: Vec<AgendaItemInput>,
) -> Result<Vec<AgendaItem>> {
    state.with_store(|s| session::set_agenda(s, &meeting_id, items))
}

#[tauri::command]
pub async fn check_agenda_item(
    state: State<'_, AppState>,
    meeting_id: String,
    item_id: String,
    done: bool,
) -> Result<()> {
    state.with_store(|s| session::check_agenda_item(s, &meeting_id, &item_id, done))
}

#[tauri::command]
pub async fn add_action_item(
    state: State<'_, AppState>,
    person_id: String,
    input: ActionInput,
) -> Result<ActionItemView> {
    state.with_store(|s| session::add_action_item(s, &person_id, input))
}

#[tauri::command]
pub async fn end_session(state: State<'_, AppState>, meeting_id: String) -> Result<EndSummary> {
    state.with_store(|s| session::end(s, &meeting_id))
}

#[tauri::command]
pub async fn resume_session(state: State<'_, AppState>, meeting_id: String) -> Result<SessionView> {
    state.with_store(|s| session::resume(s, &meeting_id))
}

#[tauri::command]
pub async fn finish_session(
    state: State<'_, AppState>,
    meeting_id: String,
    request: FinishRequest,
) -> Result<FinishResult> {
    state.with_store(|s| session::finish(s, &meeting_id, request))
}
