// App commands are declared here so each gets an `allow-…` permission and the
// capability files decide which window may call which command.
const COMMANDS: &[&str] = &[
    "app_status",
    "create_store",
    "unlock_store",
    "unlock_with_recovery_key",
    "unlock_with_keyring",
    "lock_app",
    "note_activity",
    "get_auto_lock",
    "set_auto_lock",
    "get_recovery_key",
    "save_recovery_key",
    "confirm_recovery_key",
    "replace_recovery_key",
    "change_key",
    "reencrypt_store",
    "list_people",
    "get_today",
    "get_person_page",
    "get_prep",
    "save_prep_notes",
    "get_session",
    "start_session",
    "start_session_now",
    "save_notes",
    "set_meeting_format",
    "set_agenda",
    "check_agenda_item",
    "add_action_item",
    "end_session",
    "resume_session",
    "finish_session",
    "create_series",
    "update_series",
    "end_series",
    "schedule_one_off",
    "reschedule_meeting",
    "cancel_meeting",
    "propose_next",
    "schedule_next",
    "create_person",
    "update_person",
    "set_person_archived",
    "set_action_status",
    "delete_action_item",
    "add_highlight",
    "delete_highlight",
    "list_templates",
    "create_template",
    "update_template",
    "duplicate_template",
    "delete_template",
    "get_settings",
    "save_settings",
    "copy_to_clipboard",
    "get_reminder_offsets",
    "set_reminder_offsets",
    "get_autostart",
    "set_autostart",
    "quit_app",
    "share_email_draft",
    "copy_shared_notes",
    "backup_status",
    "back_up_now",
    "choose_backup_folder",
    "use_default_backup_folder",
    "choose_backup_file",
    "restore_backup",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let built = tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    );
    if let Err(err) = built {
        eprintln!("tauri-build failed: {err:#}");
        std::process::exit(1);
    }
}
