//! The native file dialogs every command that reads or writes a file the
//! manager picks goes through: they run here, in the app, so the web view
//! needs no permission for them and never names a file itself.

use rapport_core::{Error, ErrorCode, Result};
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// A dialog attached to the main window, so it stays on top of it.
pub fn builder(app: &AppHandle) -> FileDialogBuilder<tauri::Wry> {
    let builder = app.dialog().file();
    match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    }
}

pub fn picked_path(picked: tauri_plugin_dialog::FilePath) -> Result<PathBuf> {
    picked.into_path().map_err(|e| {
        Error::new(
            ErrorCode::InvalidInput,
            format!("That is not a file on this computer ({e})."),
        )
    })
}

/// The folder itself, or the nearest one above it that exists, for a dialog
/// to start in.
pub fn existing_ancestor(dir: PathBuf) -> PathBuf {
    dir.ancestors()
        .find(|d| d.is_dir())
        .map(PathBuf::from)
        .unwrap_or(dir)
}

/// Where a new file starts out: the documents folder, else home.
fn start_folder(app: &AppHandle) -> Option<PathBuf> {
    app.path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .ok()
        .filter(|d| d.is_dir())
}

/// Asks where to save a file; None when the manager closed the dialog.
/// The dialog itself asks before replacing a file that exists.
pub fn save_as(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    filter: Option<(&str, &[&str])>,
) -> Result<Option<PathBuf>> {
    let mut dialog = builder(app)
        .set_title(title)
        .set_file_name(file_name)
        .set_can_create_directories(true);
    if let Some((name, extensions)) = filter {
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(dir) = start_folder(app) {
        dialog = dialog.set_directory(dir);
    }
    dialog.blocking_save_file().map(picked_path).transpose()
}

/// Asks for a file to read; None when the manager closed the dialog.
pub fn open_file(app: &AppHandle, title: &str, filter: (&str, &[&str])) -> Result<Option<PathBuf>> {
    let mut dialog = builder(app).set_title(title).add_filter(filter.0, filter.1);
    if let Some(dir) = start_folder(app) {
        dialog = dialog.set_directory(dir);
    }
    dialog.blocking_pick_file().map(picked_path).transpose()
}
