//! Sharing a 1:1 with the IC: the e-mail draft opened in the mail app, the
//! shared notes on the clipboard, and the share log. (Invites as files are
//! the CLI's `export ics`.) The core renders and logs; the shell only hands the result to the OS.

use crate::state::AppState;
use rapport_core::formats::sharing::{self, NotesFormat};
use rapport_core::{Error, ErrorCode, Result};
use tauri::{Manager, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_opener::OpenerExt;

/// Writes the e-mail draft to the app's cache and opens it with the default
/// mail app; returns where it was written.
#[tauri::command]
pub async fn share_email_draft(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<String> {
    let draft = state.with_store(|s| sharing::share_notes(s, &meeting_id, NotesFormat::Eml))?;
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| Error::new(ErrorCode::Io, format!("No cache folder: {e}")))?
        .join("drafts");
    let path = sharing::save_draft(&dir, &draft)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!(
                    "The draft is in {}, but no mail app opened it: {e}",
                    path.display()
                ),
            )
        })?;
    Ok(path.to_string_lossy().into_owned())
}

/// Puts the shared notes on the clipboard as HTML with Markdown as the plain
/// text alternative.
#[tauri::command]
pub async fn copy_shared_notes(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<()> {
    let content = state.with_store(|s| sharing::clipboard(s, &meeting_id))?;
    app.clipboard()
        .write_html(content.html, Some(content.markdown))
        .map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!("Could not copy to the clipboard: {e}"),
            )
        })
}
