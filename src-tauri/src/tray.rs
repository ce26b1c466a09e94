//! The system tray: Rapport keeps running there when its window is closed, so
//! reminders still come. The menu shows the next 1:1, Open, Add topic…, Lock
//! now and Quit.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Wry};

struct NextItem(MenuItem<Wry>);

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let next = MenuItem::with_id(app, "next", "No 1:1 scheduled", false, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open Rapport", true, None::<&str>)?;
    let topic = MenuItem::with_id(app, "topic", "Add topic for…", true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock now", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Rapport", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&next, &separator, &open, &topic, &lock, &quit])?;
    let mut builder = TrayIconBuilder::with_id("rapport")
        .tooltip("Rapport")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => show_main(app),
            "topic" => quick_topic(app),
            "lock" => crate::lock::lock_in_background(app),
            "quit" => crate::quit::quit(app),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    app.manage(NextItem(next));
    Ok(())
}

/// Updates the menu's "Next 1:1" line.
pub fn set_next(app: &AppHandle, label: &str) {
    if let Some(item) = app.try_state::<NextItem>() {
        let _ = item.0.set_text(label);
    }
}

/// Brings the window forward with the quick "Add topic for…" form: a topic
/// that comes to mind between meetings is jotted down in a few keystrokes.
fn quick_topic(app: &AppHandle) {
    show_main(app);
    let _ = app.emit_to("main", "quick-topic", ());
}

pub fn show_main(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
