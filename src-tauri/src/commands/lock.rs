//! Locking the window and unlocking a keyring store again; the idle time.

use crate::state::AppState;
use rapport_core::flows::access::{self, AppStatus};
use rapport_core::flows::lock::{self, AutoLock};
use rapport_core::store::keys::SystemKeyring;
use rapport_core::{Error, ErrorCode, Result};
use tauri::State;

/// "Lock now": saves pending typing, closes the store, and answers the
/// status the window shows next (the unlock screen).
#[tauri::command]
pub async fn lock_app(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<AppStatus> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || crate::lock::lock_now(&handle))
        .await
        .map_err(|e| Error::new(ErrorCode::Io, format!("Could not lock: {e}")))?;
    Ok(state.status())
}

/// The "Unlock" button of a locked keyring store: reads the keyring again.
#[tauri::command]
pub async fn unlock_with_keyring(state: State<'_, AppState>) -> Result<AppStatus> {
    let store = access::unlock_with_keyring(&state.paths, &SystemKeyring, state.clock.clone())?;
    Ok(state.install(store))
}

/// The window saw keyboard or mouse activity (sent at most every few seconds).
#[tauri::command]
pub async fn note_activity(state: State<'_, AppState>) -> Result<()> {
    state.note_activity();
    Ok(())
}

#[tauri::command]
pub async fn get_auto_lock(state: State<'_, AppState>) -> Result<AutoLock> {
    state.with_store(|s| lock::auto_lock(s))
}

/// None: never locks by itself.
#[tauri::command]
pub async fn set_auto_lock(
    state: State<'_, AppState>,
    idle_minutes: Option<u32>,
) -> Result<AutoLock> {
    state.with_store(|s| lock::set_auto_lock(s, idle_minutes))
}
