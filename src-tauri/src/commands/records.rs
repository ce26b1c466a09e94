//! People, action items, wins and concerns, templates and settings.

use crate::state::AppState;
use rapport_core::formats::sharing;
use rapport_core::records::actions::{self, ActionItemView, ActionStatus};
use rapport_core::records::highlights::{self, Highlight, HighlightInput};
use rapport_core::records::people::{self, Person, PersonInput};
use rapport_core::records::settings::{self, Settings};
use rapport_core::records::templates::{self, TemplateInput, TemplateView};
use rapport_core::{Error, ErrorCode, Result};
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt;

#[tauri::command]
pub async fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    state.with_store(|s| people::create(s, input))
}

#[tauri::command]
pub async fn update_person(
    state: State<'_, AppState>,
    person_id: String,
    input: PersonInput,
) -> Result<Person> {
    state.with_store(|s| people::update(s, &person_id, input))
}

#[tauri::command]
pub async fn set_person_archived(
    state: State<'_, AppState>,
    person_id: String,
    archived: bool,
) -> Result<Person> {
    state.with_store(|s| people::set_archived(s, &person_id, archived))
}

#[tauri::command]
pub async fn set_action_status(
    state: State<'_, AppState>,
    item_id: String,
    status: ActionStatus,
) -> Result<ActionItemView> {
    state.with_store(|s| actions::set_status(s, &item_id, status))
}

#[tauri::command]
pub async fn delete_action_item(state: State<'_, AppState>, item_id: String) -> Result<()> {
    state.with_store(|s| actions::delete(s, &item_id))
}

#[tauri::command]
pub async fn add_highlight(
    state: State<'_, AppState>,
    person_id: String,
    input: HighlightInput,
) -> Result<Highlight> {
    state.with_store(|s| highlights::add(s, &person_id, input))
}

#[tauri::command]
pub async fn delete_highlight(state: State<'_, AppState>, highlight_id: String) -> Result<()> {
    state.with_store(|s| highlights::delete(s, &highlight_id))
}

#[tauri::command]
pub async fn list_templates(state: State<'_, AppState>) -> Result<Vec<TemplateView>> {
    state.with_store(|s| s.templates().all())
}

#[tauri::command]
pub async fn create_template(
    state: State<'_, AppState>,
    input: TemplateInput,
) -> Result<TemplateView> {
    state.with_store(|s| templates::create(s, input))
}

#[tauri::command]
pub async fn update_template(
    state: State<'_, AppState>,
    template_id: String,
    input: TemplateInput,
) -> Result<TemplateView> {
    state.with_store(|s| templates::update(s, &template_id, input))
}

#[tauri::command]
pub async fn duplicate_template(
    state: State<'_, AppState>,
    template_id: String,
) -> Result<TemplateView> {
    state.with_store(|s| templates::duplicate(s, &template_id))
}

#[tauri::command]
pub async fn delete_template(state: State<'_, AppState>, template_id: String) -> Result<()> {
    state.with_store(|s| templates::delete(s, &template_id))
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.with_store(|s| s.settings().get())
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    state.with_store(|s| settings::save(s, settings))
}

/// Puts text (the shared notes) on the system clipboard.
#[tauri::command]
pub async fn copy_to_clipboard(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    text: String,
    shared_from: Option<String>,
) -> Result<()> {
    app.clipboard().write_text(text).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!("Could not copy to the clipboard: {e}"),
        )
    })?;
    match shared_from {
        Some(meeting_id) => state.with_store(|s| sharing::record_copy(s, &meeting_id)),
        None => Ok(()),
    }
}
