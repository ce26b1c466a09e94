//! Locking the window: "Lock now" (Ctrl+L, the tray menu) and idle time.
//! Pending typing is saved first (the same request as before quitting), then
//! the store is closed, which wipes its data key, and the window is told to
//! show the unlock screen.

use crate::state::AppState;
use rapport_core::flows::lock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// Tells the window that the store was locked (it shows the unlock screen).
pub const LOCKED_EVENT: &str = "store-locked";

/// How often idle time is checked. Idle time counts in minutes, so a few
/// seconds late is soon enough.
const IDLE_CHECK: Duration = Duration::from_secs(5);

static LOCKING: AtomicBool = AtomicBool::new(false);

/// Saves pending typing, locks, and tells the window. Blocks for as long as
/// the window takes to save (bounded): never call it on the main thread.
/// False when nothing was open (already locked, or never unlocked).
pub fn lock_now(app: &AppHandle) -> bool {
    if LOCKING.swap(true, Ordering::SeqCst) {
        return false;
    }
    let state = app.state::<AppState>();
    let locked = if state.with_store(|_| Ok(())).is_ok() {
        crate::quit::flush_window(app);
        state.lock()
    } else {
        false
    };
    LOCKING.store(false, Ordering::SeqCst);
    if locked {
        // The tray's next 1:1 goes at once, not at the reminders' next look.
        crate::reminders::show_next(app);
        if let Err(err) = app.emit_to("main", LOCKED_EVENT, ()) {
            tracing::warn!("could not tell the window it is locked: {err}");
        }
    }
    locked
}

/// `lock_now` off the calling thread (the tray's menu runs on the main thread).
pub fn lock_in_background(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        lock_now(&app);
    });
}

/// Locks once the window has had no keyboard or mouse activity for the
/// idle time the store's setting gives.
pub fn watch_idle(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("idle-lock".into())
        .spawn(move || loop {
            std::thread::sleep(IDLE_CHECK);
            let state = app.state::<AppState>();
            let Ok(setting) = state.with_store(|s| lock::auto_lock(s)) else {
                continue;
            };
            let now = state.clock.now();
            if lock::idle_expired(state.last_activity(), now, setting.idle_minutes) {
                tracing::info!("locking after idle time");
                lock_now(&app);
            }
        });
    if let Err(err) = spawned {
        tracing::error!("idle locking is off: its watcher could not start: {err}");
    }
}
