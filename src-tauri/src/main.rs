//! `rapport` opens the app window; `rapport <subcommand>` is handed to the
//! command-line binary beside it, which does not load the GUI toolkit.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let code = match rapport_app::AppArgs::from_args(&args) {
        Some(app_args) => rapport_app::run_app(&app_args),
        None => rapport_app::hand_to_cli(&args),
    };
    std::process::exit(code);
}
