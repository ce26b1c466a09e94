//! Backups from the window: back up now, the backup folder (picked in a
//! native dialog), and restoring a backup file (picked the same way).

use super::file_dialogs::{builder as dialog, existing_ancestor, picked_path};
use crate::state::AppState;
use rapport_core::flows::access::AppStatus;
use rapport_core::records::settings;
use rapport_core::store::backup::{BackupInfo, BackupStatus, RestorePreview, EXTENSION};
use rapport_core::Result;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> Result<BackupStatus> {
    state.with_store(|s| s.backup_status())
}

#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    state.with_store(|s| s.back_up_now())
}

/// Asks for a folder; None when the manager closed the dialog.
#[tauri::command]
pub async fn choose_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<BackupStatus>> {
    let current = state.with_store(|s| s.backup_dir())?;
    let picked = dialog(&app)
        .set_title("Folder for Rapport's backups")
        .set_directory(existing_ancestor(current))
        .set_can_create_directories(true)
        .blocking_pick_folder();
    let Some(folder) = picked.map(picked_path).transpose()? else {
        return Ok(None);
    };
    let folder = folder.display().to_string();
    state
        .with_store(|s| {
            settings::set_backup_dir(s, Some(folder))?;
            s.backup_status()
        })
        .map(Some)
}

#[tauri::command]
pub async fn use_default_backup_folder(state: State<'_, AppState>) -> Result<BackupStatus> {
    state.with_store(|s| {
        settings::set_backup_dir(s, None)?;
        s.backup_status()
    })
}

/// Asks for a backup file and says what restoring it would replace; None
/// when the manager closed the dialog.
#[tauri::command]
pub async fn choose_backup_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<RestorePreview>> {
    let start = state.with_store(|s| s.backup_dir()).ok();
    let mut builder = dialog(&app)
        .set_title("Restore a Rapport backup")
        .add_filter("Rapport backup", &[EXTENSION]);
    if let Some(dir) = start {
        builder = builder.set_directory(existing_ancestor(dir));
    }
    let Some(file) = builder.blocking_pick_file().map(picked_path).transpose()? else {
        return Ok(None);
    };
    state.choose_backup(file).map(Some)
}

/// Restores the backup chosen last, opened with the passphrase or the
/// recovery key typed (or the keyring when neither is); then the window
/// reopens on it.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    passphrase: Option<String>,
    recovery_key: Option<String>,
    replace_other_store: bool,
) -> Result<AppStatus> {
    state.restore_chosen(passphrase, recovery_key, replace_other_store)
}
