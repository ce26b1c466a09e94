//! Tauri commands: each is a call into the core. Errors cross as
//! `{ code, message }`. They are async so that key derivation and keyring
//! calls run off the window's main thread.

use crate::desktop_font::DesktopFont;
use crate::state::AppState;
use crate::StartUpAhead;
use rapport_core::flows::access::{self, AppStatus, SetupRequest};
use rapport_core::flows::start_up::StartUp;
use rapport_core::records::people::PersonSummary;
use rapport_core::store::keys::SystemKeyring;
use rapport_core::time_of_day::ClockHours;
use rapport_core::Result;
use tauri::State;

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus> {
    Ok(state.status())
}

/// The window's first call: `app_status`, the desktop's font and, when the
/// window opens on its main screens, the people and Today, so they are drawn
/// in one go. The first call takes the answer read while the page loaded.
#[tauri::command]
pub async fn start_up(
    state: State<'_, AppState>,
    font: State<'_, DesktopFont>,
    ahead: State<'_, StartUpAhead>,
) -> Result<StartUp> {
    Ok(ahead.take_or(|| state.start_up(font.0.clone())))
}

/// The page has its code, styles and theme: the window comes up now, while
/// the first screen is drawn, rather than after that drawing, when the
/// page's load event comes. Quick, so it runs where windows are shown.
#[tauri::command]
pub fn window_ready(webview: tauri::Webview) {
    crate::first_show::show_once(&webview);
}

/// The 12- or 24-hour clock of the window's locale: what the app writes for
/// the manager (shared notes, invites, the tray's next 1:1) follows it.
/// Asked as the page starts: async, so relabelling the tray (a read of the
/// store) stays off the main thread that is bringing the window up.
#[tauri::command]
pub async fn set_clock_hours(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    twelve: bool,
) -> Result<()> {
    state.set_clock_hours(ClockHours::twelve(twelve));
    crate::reminders::show_next(&app);
    Ok(())
}

#[tauri::command]
pub async fn create_store(state: State<'_, AppState>, request: SetupRequest) -> Result<AppStatus> {
    let store = access::create(&state.paths, request, &SystemKeyring, state.clock.clone())?;
    Ok(state.install(store))
}

#[tauri::command]
pub async fn unlock_store(state: State<'_, AppState>, passphrase: String) -> Result<AppStatus> {
    let store = access::unlock(&state.paths, passphrase, state.clock.clone())?;
    Ok(state.install(store))
}

#[tauri::command]
pub async fn list_people(state: State<'_, AppState>) -> Result<Vec<PersonSummary>> {
    state.with_store(|store| store.people().summaries())
}

mod backups;
mod data;
mod file_dialogs;
mod finding;
mod insights;
mod keys;
mod lock;
mod loop_screens;
mod planning;
mod records;
mod reminders;
mod sharing;

pub use backups::*;
pub use data::*;
pub use finding::*;
pub use insights::*;
pub use keys::*;
pub use lock::*;
pub use loop_screens::*;
pub use planning::*;
pub use records::*;
pub use reminders::*;
pub use sharing::*;
