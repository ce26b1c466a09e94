//! Sharing with the IC from anywhere in the window: a held 1:1's notes as an
//! e-mail draft, on the clipboard or saved as a file; a 1:1's invite, its
//! update or its cancellation as an e-mail draft or an .ics file. The core
//! renders and logs every share; the shell only hands the result to the OS.

use super::file_dialogs;
use crate::state::AppState;
use rapport_core::formats::invite_mail::{self, InviteTarget};
use rapport_core::formats::sharing::{self, Artefact, NotesFormat};
use rapport_core::store::write_private_file;
use rapport_core::{Error, ErrorCode, Result};
use tauri::{AppHandle, Manager, State};
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
    open_draft(&app, &draft)
}

/// Writes an e-mail draft to the app's cache and opens it with the default
/// mail app; returns where it was written.
fn open_draft(app: &AppHandle, draft: &Artefact) -> Result<String> {
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| Error::new(ErrorCode::Io, format!("No cache folder: {e}")))?
        .join("drafts");
    let path = sharing::save_draft(&dir, draft)?;
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

/// Saves a held 1:1's shared notes as Markdown, HTML or text where the
/// manager picks; None when the dialog was closed. Only a saved file is
/// logged as a share.
#[tauri::command]
pub async fn save_shared_notes(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    format: NotesFormat,
) -> Result<Option<String>> {
    let filter: (&str, &[&str]) = match format {
        NotesFormat::Md => ("Markdown", &["md"]),
        NotesFormat::Html => ("Web page", &["html"]),
        NotesFormat::Txt => ("Plain text", &["txt"]),
        NotesFormat::Eml => ("E-mail", &["eml"]),
    };
    let name = state.with_store(|s| sharing::render(s, &meeting_id, format))?;
    let Some(path) =
        file_dialogs::save_as(&app, "Save shared notes", &name.file_name, Some(filter))?
    else {
        return Ok(None);
    };
    let artefact = state.with_store(|s| sharing::share_notes(s, &meeting_id, format))?;
    // The dialog asked before replacing a file.
    write_private_file(&path, &artefact.bytes, true)?;
    Ok(Some(path.display().to_string()))
}

/// Opens an e-mail draft with the invite attached: a person's 1:1s with the
/// planned agenda and open shareable topics, or a moved or cancelled 1:1's
/// update or cancellation.
#[tauri::command]
pub async fn email_invite(
    app: AppHandle,
    state: State<'_, AppState>,
    target: InviteTarget,
) -> Result<String> {
    let draft = state.with_store(|s| invite_mail::draft(s, &target))?;
    open_draft(&app, &draft)
}

/// Saves the invite (or its update or cancellation) as an .ics file where
/// the manager picks; None when the dialog was closed.
#[tauri::command]
pub async fn save_invite(
    app: AppHandle,
    state: State<'_, AppState>,
    target: InviteTarget,
) -> Result<Option<String>> {
    let Some(path) = file_dialogs::save_as(
        &app,
        "Save the calendar invite",
        "invite.ics",
        Some(("Calendar", &["ics"])),
    )?
    else {
        return Ok(None);
    };
    let artefact = state.with_store(|s| invite_mail::calendar_file(s, &target))?;
    write_private_file(&path, &artefact.bytes, true)?;
    Ok(Some(path.display().to_string()))
}
