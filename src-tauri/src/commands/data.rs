//! Settings → Data: everything out as JSON or as a Markdown vault, a JSON
//! export into an empty store, and a person's series from a calendar file.
//! Each picks its file in a native dialog and calls the same core function
//! as the command line, so a refused file gets the same message and changes
//! nothing. A vault reports its progress file by file.

use super::file_dialogs;
use crate::state::AppState;
use rapport_core::flows::series_import::{self, ImportedSeries};
use rapport_core::formats::exchange::{self, ImportedData};
use rapport_core::formats::vault::{self, VaultProgress, VaultWritten};
use rapport_core::store::write_private_file;
use rapport_core::{Error, Result};
use std::path::Path;
use tauri::{AppHandle, Emitter, State};

/// The event a task sends as it goes: first with nothing counted, once the
/// file is picked (so the window shows its progress bar only then), then, for
/// a vault, after each file.
pub const PROGRESS_EVENT: &str = "data-progress";

fn started(app: &AppHandle) {
    // A lost event only leaves the bar out.
    let _ = app.emit(PROGRESS_EVENT, VaultProgress { done: 0, total: 0 });
}

fn today(state: &AppState) -> Result<chrono::NaiveDate> {
    state.with_store(|s| Ok(s.clock().day_of(s.clock().now())))
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| Error::io(&format!("Cannot read {}", path.display()), e))
}

/// The whole store, private notes included, as the command line's JSON.
#[tauri::command]
pub async fn export_json_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>> {
    let name = format!("rapport-export-{}.json", today(&state)?);
    let Some(path) = file_dialogs::save_as(
        &app,
        "Export everything as JSON",
        &name,
        Some(("JSON", &["json"])),
    )?
    else {
        return Ok(None);
    };
    started(&app);
    let json = state.with_store(|s| exchange::export_json(s))?;
    // The dialog asked before replacing a file.
    write_private_file(&path, json.as_bytes(), true)?;
    Ok(Some(path.display().to_string()))
}

/// The Markdown vault in a new folder named in the dialog.
#[tauri::command]
pub async fn export_vault_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    shared_only: bool,
) -> Result<Option<VaultWritten>> {
    let name = if shared_only {
        format!("Rapport shared notes {}", today(&state)?)
    } else {
        format!("Rapport notes {}", today(&state)?)
    };
    let Some(folder) = file_dialogs::save_as(
        &app,
        "Export the Markdown vault into a new folder",
        &name,
        None,
    )?
    else {
        return Ok(None);
    };
    started(&app);
    let files = state.with_store(|s| {
        vault::write_reporting(s, &folder, shared_only, &mut |progress| {
            let _ = app.emit(PROGRESS_EVENT, progress);
        })
    })?;
    Ok(Some(VaultWritten {
        folder: folder.display().to_string(),
        files: u32::try_from(files).unwrap_or(u32::MAX),
    }))
}

/// A JSON export into this store, which must be empty (a new store, before
/// anyone was added); everything is checked before anything is written.
#[tauri::command]
pub async fn import_json_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ImportedData>> {
    let Some(path) =
        file_dialogs::open_file(&app, "Import a Rapport JSON export", ("JSON", &["json"]))?
    else {
        return Ok(None);
    };
    started(&app);
    let doc = exchange::parse_json(&read_text(&path)?)?;
    state.with_store(|s| exchange::import(s, &doc))?;
    Ok(Some(ImportedData::of(&doc)))
}

/// A person's recurring 1:1 from another app's calendar file.
#[tauri::command]
pub async fn import_series_file(
    app: AppHandle,
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Option<ImportedSeries>> {
    let Some(path) = file_dialogs::open_file(
        &app,
        "Set up a recurring 1:1 from a calendar file",
        ("Calendar", &["ics"]),
    )?
    else {
        return Ok(None);
    };
    started(&app);
    let text = read_text(&path)?;
    state
        .with_store(|s| {
            // A file that names no zone means the manager's own.
            let zone = s.clock().zone().tz();
            series_import::import_series(s, &person_id, &text, zone)
        })
        .map(Some)
}
