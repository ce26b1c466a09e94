//! The system tray: Rapport keeps running there when its window is closed, so
//! reminders still come. The menu shows the next 1:1 (or, while locked, that
//! it is locked), Open, Add topic…, Lock now and Quit.

use std::sync::Mutex;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Wry};

/// The tray icon's id, and the stem of those of icons made again: the library
/// keeps an icon it lost exported under its id, so a new one needs its own.
const TRAY_ID: &str = "rapport";

fn tray_id(made: u32) -> String {
    if made <= 1 {
        TRAY_ID.to_string()
    } else {
        format!("{TRAY_ID}-{made}")
    }
}

/// The menu's "Next 1:1" line of the icon made last, and what it says, which
/// an icon made again starts with.
struct NextItem(Mutex<NextLine>);

struct NextLine {
    item: MenuItem<Wry>,
    label: String,
}

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    make_icon(app, 1)?;
    #[cfg(target_os = "linux")]
    panel_check::remake_if_missed(app.clone(), 1);
    Ok(())
}

/// Makes the tray icon, the `made`-th of this run.
fn make_icon(app: &AppHandle, made: u32) -> tauri::Result<()> {
    let label = app
        .try_state::<NextItem>()
        .and_then(|state| state.0.lock().ok().map(|line| line.label.clone()))
        .unwrap_or_else(|| rapport_core::flows::reminders::NOTHING_SCHEDULED.to_string());
    let next = MenuItem::with_id(app, "next", &label, false, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open Rapport", true, None::<&str>)?;
    let topic = MenuItem::with_id(app, "topic", "Add topic for…", true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock now", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Rapport", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&next, &separator, &open, &topic, &lock, &quit])?;
    let mut builder = TrayIconBuilder::with_id(tray_id(made))
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
    let line = NextLine { item: next, label };
    match app.try_state::<NextItem>() {
        Some(state) => {
            if let Ok(mut held) = state.0.lock() {
                *held = line;
            }
        }
        None => {
            app.manage(NextItem(Mutex::new(line)));
        }
    }
    Ok(())
}

/// The icon's library (libayatana-appindicator 0.5.92) opens the session bus
/// and watches for the panel's tray host in two asynchronous steps that race:
/// when the host is seen first, the library asks it for a proxy on a bus it
/// does not hold yet, fails (a GLib critical), and never registers the icon,
/// nor tries again. About one launch in a hundred had no icon, and a closed
/// window then had no way back. So, a moment after it is made, the icon is
/// looked for among the host's items, and made again if it is missing.
#[cfg(target_os = "linux")]
mod panel_check {
    use gtk::gio;
    use gtk::glib::prelude::*;
    use std::time::Duration;
    use tauri::AppHandle;

    /// Registering takes a few milliseconds; this leaves room for a busy start.
    const REGISTERED_WITHIN: Duration = Duration::from_secs(2);
    /// Each new icon races again; three lost in a row would be another fault.
    const MOST_ICONS: u32 = 3;

    /// Checks, a moment from now, that the panel lists the `made`-th icon of
    /// this run, and makes the next one if it does not.
    pub fn remake_if_missed(app: AppHandle, made: u32) {
        let spawned = std::thread::Builder::new()
            .name("tray-check".into())
            .spawn(move || {
                std::thread::sleep(REGISTERED_WITHIN);
                if !icon_missing() {
                    return;
                }
                if made >= MOST_ICONS {
                    tracing::warn!(made, "the panel lists no tray icon from Rapport");
                    return;
                }
                tracing::warn!(
                    made,
                    "the panel has no tray icon from Rapport: making it again"
                );
                let handle = app.clone();
                let remade = app.run_on_main_thread(move || {
                    let _ = handle.remove_tray_by_id(&super::tray_id(made));
                    match super::make_icon(&handle, made + 1) {
                        Ok(()) => remake_if_missed(handle, made + 1),
                        Err(err) => tracing::warn!("the tray icon could not be made again: {err}"),
                    }
                });
                if let Err(err) = remade {
                    tracing::warn!("the tray icon could not be made again: {err}");
                }
            });
        if let Err(err) = spawned {
            tracing::warn!("no thread to check the tray icon: {err}");
        }
    }

    /// True when a panel's tray host runs and lists no icon of this process.
    /// Without a host the library shows the icon its older way, unchecked.
    fn icon_missing() -> bool {
        let Ok(bus) = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE) else {
            return false;
        };
        // The library talks on this same shared connection.
        let Some(me) = bus.unique_name() else {
            return false;
        };
        let reply = bus.call_sync(
            Some("org.kde.StatusNotifierWatcher"),
            "/StatusNotifierWatcher",
            "org.freedesktop.DBus.Properties",
            "Get",
            Some(
                &(
                    "org.kde.StatusNotifierWatcher",
                    "RegisteredStatusNotifierItems",
                )
                    .to_variant(),
            ),
            None,
            gio::DBusCallFlags::NO_AUTO_START,
            1000,
            gio::Cancellable::NONE,
        );
        let Ok(reply) = reply else {
            return false;
        };
        // "(<['…', …]>,)": hosts list an item as its bus name, followed by its
        // object path when it registered one.
        let items: Vec<String> = reply
            .try_child_value(0)
            .and_then(|v| v.as_variant())
            .and_then(|v| v.get())
            .unwrap_or_default();
        let mine = me.as_str();
        !items
            .iter()
            .any(|item| item == mine || item.starts_with(&format!("{mine}/")))
    }
}

/// Updates the menu's "Next 1:1" line. The reminder loop gives it every few
/// seconds: an unchanged line is left alone, so the panel is not told of a
/// new menu each time.
pub fn set_next(app: &AppHandle, label: &str) {
    if let Some(state) = app.try_state::<NextItem>() {
        if let Ok(mut line) = state.0.lock() {
            if line.label == label {
                return;
            }
            let _ = line.item.set_text(label);
            line.label = label.to_string();
        }
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
