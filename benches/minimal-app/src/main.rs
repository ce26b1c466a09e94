//! The floor for `make bench-app`: a Tauri 2 window showing one static page,
//! with no commands, plugins or state. Whatever Rapport costs above this is
//! Rapport's own.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(err) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("rapport-minimal-app: {err}");
        std::process::exit(1);
    }
}
