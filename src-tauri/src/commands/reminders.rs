//! Reminder settings, start at login, and quitting from the window.

use crate::state::AppState;
use rapport_core::flows::reminders;
use rapport_core::records::reminder_state::ReminderOffsets;
use rapport_core::{Error, ErrorCode, Result};
use tauri::State;
use tauri_plugin_autostart::ManagerExt;

/// The default offsets, or a person's own (None when they follow the default).
#[tauri::command]
pub async fn get_reminder_offsets(
    state: State<'_, AppState>,
    person_id: Option<String>,
) -> Result<Option<ReminderOffsets>> {
    state.with_store(|s| {
        let r = s.reminders();
        Ok(match person_id {
            None => Some(r.default_offsets()?),
            Some(id) => r.person_offsets(&id)?,
        }
        .map(|minutes| ReminderOffsets { minutes }))
    })
}

/// Sets the default offsets (no person) or a person's (None: back to the default).
#[tauri::command]
pub async fn set_reminder_offsets(
    state: State<'_, AppState>,
    person_id: Option<String>,
    offsets: Option<ReminderOffsets>,
) -> Result<()> {
    state
        .with_store(|s| reminders::set_offsets(s, person_id.as_deref(), offsets.map(|o| o.minutes)))
}

fn autostart_error(err: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::Io,
        format!("Could not change starting at login: {err}"),
    )
}

#[tauri::command]
pub async fn get_autostart(app: tauri::AppHandle) -> Result<bool> {
    app.autolaunch().is_enabled().map_err(autostart_error)
}

#[tauri::command]
pub async fn set_autostart(app: tauri::AppHandle, enabled: bool) -> Result<bool> {
    let launcher = app.autolaunch();
    if enabled {
        launcher.enable().map_err(autostart_error)?;
    } else {
        launcher.disable().map_err(autostart_error)?;
    }
    launcher.is_enabled().map_err(autostart_error)
}

/// Quits Rapport (closing the window only hides it in the tray), once the
/// window has saved what is still being typed.
#[tauri::command]
pub async fn quit_app(app: tauri::AppHandle) -> Result<()> {
    crate::quit::quit(&app);
    Ok(())
}
