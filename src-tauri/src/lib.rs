//! The desktop shell: window, plugins and state. Logic lives in `rapport-core`.

mod backups;
mod commands;
mod desktop_font;
mod first_show;
mod lock;
mod logging;
mod navigation;
mod notifications;
mod quit;
mod read_ahead;
mod reminders;
mod state;
mod tray;

use rapport_core::flows::start_up::StartUp;
use rapport_core::{StorePaths, SystemClock};
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tauri::Manager;

/// What the window's binary takes itself; anything else is a command-line call.
#[derive(Debug, Clone, Default, clap::Parser)]
#[command(
    name = "rapport",
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct AppArgs {
    /// Where the notes store lives.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Unlock a passphrase store with the passphrase in FILE.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Start in the system tray without showing the window (used at login).
    #[arg(long)]
    pub minimized: bool,
}

impl AppArgs {
    /// The window's arguments, or None when they name a subcommand, help or
    /// anything else the command line answers.
    pub fn from_args(args: &[OsString]) -> Option<AppArgs> {
        <AppArgs as clap::Parser>::try_parse_from(args).ok()
    }
}

/// The command-line binary, installed beside this one.
fn cli_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let name = format!("rapport-cli{}", std::env::consts::EXE_SUFFIX);
    Some(exe.parent()?.join(name))
}

/// Runs the command line with these arguments and returns its exit code. On
/// Unix the process becomes the command line, so prompts and signals behave.
pub fn hand_to_cli(args: &[OsString]) -> i32 {
    let Some(cli) = cli_binary().filter(|p| p.is_file()) else {
        eprintln!(
            "rapport: the command-line tool rapport-cli is not installed beside this program, \
             so `rapport` can only open the app here."
        );
        return 2;
    };
    let mut command = std::process::Command::new(&cli);
    command.args(args.iter().skip(1));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = command.exec();
        eprintln!("rapport: cannot start {}: {err}", cli.display());
        2
    }
    #[cfg(not(unix))]
    match command.status() {
        Ok(status) => status.code().unwrap_or(1),
        Err(err) => {
            eprintln!("rapport: cannot start {}: {err}", cli.display());
            2
        }
    }
}

/// Whether the tray icon is up (then closing the window hides it).
struct TrayPresent(bool);

/// The page's first question (`start_up`), answered ahead for the page to take.
pub type StartUpAhead = read_ahead::ReadAhead<StartUp>;

/// A start-up answer read ahead is used only this soon after it was read.
const START_UP_FRESH_FOR: Duration = Duration::from_secs(2);

/// While the window's page loads, a keyring store (or one whose passphrase
/// came with the launch) opens and the page's first question (`start_up`)
/// is read, so the page finds its answer ready instead of waiting for the
/// keyring, the key check and the first screen's data. Any other passphrase
/// store stays locked until the manager types the passphrase.
fn read_start_up_early(app: tauri::AppHandle, desktop_font: Option<String>) {
    let spawned = std::thread::Builder::new()
        .name("start-up".into())
        .spawn(move || {
            let state = app.state::<state::AppState>();
            app.state::<StartUpAhead>()
                .fill(|| state.start_up(desktop_font));
        });
    if let Err(err) = spawned {
        tracing::warn!("the store opens when the window asks: no thread to open it early: {err}");
    }
}

/// Opens the app window. Only one runs at a time: a second launch focuses the first.
pub fn run_app(global: &AppArgs) -> i32 {
    if !display_available() {
        eprintln!(
            "rapport: no graphical display is available (DISPLAY and WAYLAND_DISPLAY are unset). \
             Run it from a desktop session, or use a subcommand such as `rapport doctor` (see `rapport --help`)."
        );
        return 1;
    }
    // Before any thread starts: the passphrase leaves the environment, so the
    // mail app and the browser Rapport opens never inherit it.
    let _ = rapport_core::flows::access::take_passphrase_env();
    let _log = logging::start();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Rapport started");
    let paths = StorePaths::resolve(global.data_dir.as_deref());
    let minimized = global.minimized;
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_main(app);
        }))
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec!["--minimized"]),
        ))
        .plugin(navigation::guard())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        // The web view may only ask where to save a file (the recovery key);
        // backups pick their folder and files in the app's own commands.
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new(
            paths,
            global.passphrase_file.clone(),
            Arc::new(SystemClock),
        ))
        .setup(move |app| {
            // Without a tray the window is the only way back in: keep it then.
            let tray_ok = match tray::install(app.handle()) {
                Ok(()) => true,
                Err(err) => {
                    tracing::warn!("no system tray icon: {err}");
                    false
                }
            };
            app.manage(TrayPresent(tray_ok));
            let font = desktop_font::read();
            app.manage(desktop_font::DesktopFont(font.clone()));
            app.manage(StartUpAhead::new(START_UP_FRESH_FOR));
            // The window starts hidden (tauri.conf.json) and comes up once its
            // page has its code and styles (first_show.rs), unless it starts
            // minimised to a working tray.
            app.manage(first_show::FirstShow::new(!(minimized && tray_ok)));
            first_show::show_at_the_latest(app.handle().clone());
            read_start_up_early(app.handle().clone(), font);
            reminders::spawn(app.handle().clone());
            lock::watch_idle(app.handle().clone());
            quit::quit_on_signals(app.handle());
            backups::spawn(app.handle().clone());
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                first_show::show_once(webview);
            }
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                // The window goes only once pending typing is saved. With a
                // tray it is hidden, so reminders still come.
                api.prevent_close();
                let tray = window
                    .app_handle()
                    .try_state::<TrayPresent>()
                    .is_some_and(|t| t.0);
                quit::close_window(window, tray);
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::start_up,
            commands::window_ready,
            commands::set_clock_hours,
            commands::create_store,
            commands::unlock_store,
            commands::unlock_with_recovery_key,
            commands::unlock_with_keyring,
            commands::lock_app,
            commands::note_activity,
            commands::get_auto_lock,
            commands::set_auto_lock,
            commands::get_recovery_key,
            commands::save_recovery_key,
            commands::confirm_recovery_key,
            commands::replace_recovery_key,
            commands::change_key,
            commands::reencrypt_store,
            commands::list_people,
            commands::get_today,
            commands::get_person_page,
            commands::search,
            commands::get_history,
            commands::get_meeting_view,
            commands::get_review_packet,
            commands::save_review_packet,
            commands::get_prep,
            commands::save_prep_notes,
            commands::get_session,
            commands::start_session,
            commands::start_session_now,
            commands::save_notes,
            commands::set_meeting_format,
            commands::set_agenda,
            commands::check_agenda_item,
            commands::add_action_item,
            commands::end_session,
            commands::resume_session,
            commands::finish_session,
            commands::create_series,
            commands::update_series,
            commands::end_series,
            commands::schedule_one_off,
            commands::reschedule_meeting,
            commands::cancel_meeting,
            commands::propose_next,
            commands::schedule_next,
            commands::create_person,
            commands::update_person,
            commands::set_person_archived,
            commands::set_action_status,
            commands::delete_action_item,
            commands::edit_action_item,
            commands::add_topic,
            commands::edit_topic,
            commands::set_topic_discussed,
            commands::delete_topic,
            commands::add_feedback,
            commands::edit_feedback,
            commands::delete_feedback,
            commands::add_growth_plan,
            commands::edit_growth_plan,
            commands::delete_growth_plan,
            commands::record_mood,
            commands::clear_mood,
            commands::list_questions,
            commands::add_question,
            commands::edit_question,
            commands::set_question_hidden,
            commands::reset_question,
            commands::get_checklists,
            commands::get_team_stats,
            commands::get_stats_detail,
            commands::add_highlight,
            commands::delete_highlight,
            commands::list_templates,
            commands::create_template,
            commands::update_template,
            commands::duplicate_template,
            commands::delete_template,
            commands::get_settings,
            commands::save_settings,
            commands::copy_to_clipboard,
            commands::get_reminder_offsets,
            commands::set_reminder_offsets,
            commands::get_autostart,
            commands::set_autostart,
            commands::quit_app,
            commands::share_email_draft,
            commands::save_shared_notes,
            commands::email_invite,
            commands::save_invite,
            commands::export_json_file,
            commands::export_vault_folder,
            commands::import_json_file,
            commands::import_series_file,
            commands::copy_shared_notes,
            commands::backup_status,
            commands::back_up_now,
            commands::choose_backup_folder,
            commands::use_default_backup_folder,
            commands::choose_backup_file,
            commands::restore_backup,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(err) => {
            tracing::error!("the app could not start: {err}");
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
