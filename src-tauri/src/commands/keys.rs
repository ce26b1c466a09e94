//! The recovery key and the choice of everyday key, for the window.

use crate::state::AppState;
use rapport_core::flows::access::{self, AppStatus, KeyChangeRequest};
use rapport_core::store::keys::SystemKeyring;
use rapport_core::Result;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub async fn unlock_with_recovery_key(
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<AppStatus> {
    let store = access::unlock_with_recovery_key(&state.paths, &recovery_key, state.clock.clone())?;
    Ok(state.install(store))
}

/// The recovery key as the manager should copy it, in groups.
#[tauri::command]
pub async fn get_recovery_key(state: State<'_, AppState>) -> Result<String> {
    state.with_store(|store| Ok(store.recovery_key()?.to_text().to_string()))
}

#[tauri::command]
pub async fn save_recovery_key(state: State<'_, AppState>, path: PathBuf) -> Result<()> {
    // The native save dialog already asked before replacing a file.
    state.with_store(|store| access::write_recovery_key_file(store, &path, true))
}

#[tauri::command]
pub async fn confirm_recovery_key(state: State<'_, AppState>) -> Result<AppStatus> {
    state.with_store(|store| store.confirm_recovery_key())?;
    Ok(state.status())
}

/// A new recovery key; the old one stops working.
#[tauri::command]
pub async fn replace_recovery_key(state: State<'_, AppState>) -> Result<AppStatus> {
    state.with_store(|store| store.replace_recovery_key().map(drop))?;
    Ok(state.status())
}

#[tauri::command]
pub async fn change_key(
    state: State<'_, AppState>,
    request: KeyChangeRequest,
) -> Result<AppStatus> {
    state.with_store(|store| access::change_key(store, request, &SystemKeyring))?;
    Ok(state.status())
}

/// Re-encrypts every page with a new data key (when the key may have leaked).
#[tauri::command]
pub async fn reencrypt_store(state: State<'_, AppState>, passphrase: Option<String>) -> Result<()> {
    state.with_store(|store| access::reencrypt(store, passphrase, &SystemKeyring))
}
