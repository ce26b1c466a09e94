//! People, action items, wins and concerns, templates and settings.

use crate::state::AppState;
use rapport_core::flows::checklists::{self, Checklists};
use rapport_core::flows::{coaching, topics};
use rapport_core::formats::sharing;
use rapport_core::records::actions::{self, ActionEdit, ActionItemView, ActionStatus};
use rapport_core::records::feedback::{Feedback, FeedbackInput};
use rapport_core::records::growth::{GrowthPlan, GrowthPlanInput};
use rapport_core::records::highlights::{self, Highlight, HighlightInput};
use rapport_core::records::moods::{MoodCheck, MoodInput};
use rapport_core::records::people::{self, Person, PersonInput};
use rapport_core::records::questions::{Question, QuestionInput};
use rapport_core::records::settings::{self, Settings};
use rapport_core::records::templates::{self, TemplateInput, TemplateView};
use rapport_core::records::topics::{Topic, TopicInput};
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
pub async fn edit_action_item(
    state: State<'_, AppState>,
    item_id: String,
    edit: ActionEdit,
) -> Result<ActionItemView> {
    state.with_store(|s| actions::edit(s, &item_id, edit))
}

#[tauri::command]
pub async fn add_topic(
    state: State<'_, AppState>,
    person_id: String,
    input: TopicInput,
) -> Result<Topic> {
    state.with_store(|s| topics::add(s, &person_id, input))
}

#[tauri::command]
pub async fn edit_topic(
    state: State<'_, AppState>,
    topic_id: String,
    input: TopicInput,
) -> Result<Topic> {
    state.with_store(|s| topics::edit(s, &topic_id, input))
}

#[tauri::command]
pub async fn set_topic_discussed(
    state: State<'_, AppState>,
    topic_id: String,
    meeting_id: String,
    discussed: bool,
) -> Result<Topic> {
    state.with_store(|s| topics::set_discussed(s, &topic_id, &meeting_id, discussed))
}

#[tauri::command]
pub async fn delete_topic(state: State<'_, AppState>, topic_id: String) -> Result<()> {
    state.with_store(|s| topics::delete(s, &topic_id))
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

#[tauri::command]
pub async fn add_feedback(
    state: State<'_, AppState>,
    person_id: String,
    input: FeedbackInput,
) -> Result<Feedback> {
    state.with_store(|s| coaching::add_feedback(s, &person_id, input))
}

#[tauri::command]
pub async fn edit_feedback(
    state: State<'_, AppState>,
    feedback_id: String,
    input: FeedbackInput,
) -> Result<Feedback> {
    state.with_store(|s| coaching::edit_feedback(s, &feedback_id, input))
}

#[tauri::command]
pub async fn delete_feedback(state: State<'_, AppState>, feedback_id: String) -> Result<()> {
    state.with_store(|s| coaching::delete_feedback(s, &feedback_id))
}

#[tauri::command]
pub async fn add_growth_plan(
    state: State<'_, AppState>,
    person_id: String,
    input: GrowthPlanInput,
) -> Result<GrowthPlan> {
    state.with_store(|s| coaching::add_growth_plan(s, &person_id, input))
}

#[tauri::command]
pub async fn edit_growth_plan(
    state: State<'_, AppState>,
    plan_id: String,
    input: GrowthPlanInput,
) -> Result<GrowthPlan> {
    state.with_store(|s| coaching::edit_growth_plan(s, &plan_id, input))
}

#[tauri::command]
pub async fn delete_growth_plan(state: State<'_, AppState>, plan_id: String) -> Result<()> {
    state.with_store(|s| coaching::delete_growth_plan(s, &plan_id))
}

#[tauri::command]
pub async fn record_mood(
    state: State<'_, AppState>,
    meeting_id: String,
    input: MoodInput,
) -> Result<MoodCheck> {
    state.with_store(|s| coaching::record_mood(s, &meeting_id, input))
}

#[tauri::command]
pub async fn clear_mood(state: State<'_, AppState>, meeting_id: String) -> Result<()> {
    state.with_store(|s| coaching::clear_mood(s, &meeting_id))
}

#[tauri::command]
pub async fn list_questions(state: State<'_, AppState>) -> Result<Vec<Question>> {
    state.with_store(|s| coaching::questions(s))
}

#[tauri::command]
pub async fn add_question(state: State<'_, AppState>, input: QuestionInput) -> Result<Question> {
    state.with_store(|s| coaching::add_question(s, input))
}

#[tauri::command]
pub async fn edit_question(
    state: State<'_, AppState>,
    question_id: String,
    input: QuestionInput,
) -> Result<Question> {
    state.with_store(|s| coaching::edit_question(s, &question_id, input))
}

#[tauri::command]
pub async fn set_question_hidden(
    state: State<'_, AppState>,
    question_id: String,
    hidden: bool,
) -> Result<Question> {
    state.with_store(|s| coaching::set_question_hidden(s, &question_id, hidden))
}

#[tauri::command]
pub async fn reset_question(state: State<'_, AppState>, question_id: String) -> Result<()> {
    state.with_store(|s| coaching::reset_question(s, &question_id))
}

#[tauri::command]
pub async fn get_checklists() -> Result<Checklists> {
    checklists::checklists()
}
