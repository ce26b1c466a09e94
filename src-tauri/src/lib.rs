//! The desktop shell: window, plugins and state. Logic lives in `rapport-core`.

pub mod cli;
mod commands;
mod keys;
mod notifications;
mod state;

use rapport_core::{StorePaths, SystemClock};
use std::sync::Arc;
use tauri::Manager;

/// Opens the app window. Only one runs at a time: a second launch focuses the first.
pub fn run_app(global: &cli::GlobalArgs) -> i32 {
    if !display_available() {
        eprintln!(
            "rapport: no graphical display is available (DISPLAY and WAYLAND_DISPLAY are unset). \
             Run it from a desktop session, or use a subcommand such as `rapport doctor` (see `rapport --help`)."
        );
        return 1;
    }
    let paths = StorePaths::resolve(global.data_dir.as_deref());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .manage(state::AppState::new(paths, Arc::new(SystemClock)))
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::create_store,
            commands::unlock_store,
            commands::list_people,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("rapport: the app could not start: {err}");
            1
        }
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn display_available() -> bool {
    true
}
