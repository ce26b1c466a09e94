//! The reminder loop: wakes on its own wall-clock checks (so suspend, resume
//! and clock changes neither skip nor repeat a reminder: what was shown is
//! recorded in the store), shows due reminders, and keeps the tray's "next
//! 1:1" line current.

use crate::notifications::{self, ReminderChoice};
use crate::state::AppState;
use rapport_core::flows::reminders;
use rapport_core::ErrorCode;
use serde::Serialize;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// How often the loop looks at the clock.
const TICK: Duration = Duration::from_secs(5);

/// Where the window should go, for the web view's router.
#[derive(Clone, Serialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Navigation {
    Prepare {
        #[serde(rename = "personId")]
        person_id: String,
    },
}

pub fn spawn(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || loop {
            tick(&app);
            std::thread::sleep(TICK);
        });
    if let Err(err) = spawned {
        tracing::error!("reminders are off: the reminder loop could not start: {err}");
    }
}

fn tick(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(due) = state.with_store(|s| reminders::due(s, s.clock().now())) else {
        show_next(app);
        // Locked: the titles of what was kept at lock time. Not yet
        // unlocked since the start: nothing to say; the next tick tries again.
        let now = state.clock.now();
        for reminder in state.with_locked(|l| l.take_due(now)).unwrap_or_default() {
            let handle = app.clone();
            notifications::show_locked_reminder(&reminder.title, move |choice| {
                // The window comes forward on its unlock screen.
                if choice == ReminderChoice::Prepare {
                    crate::tray::show_main(&handle);
                }
            });
        }
        return;
    };
    for reminder in due {
        let person_id = reminder.person_id.clone();
        let meeting_id = reminder.meeting_id.clone();
        let handle = app.clone();
        notifications::show_reminder(&reminder, move |choice| match choice {
            ReminderChoice::Prepare => open_prepare(&handle, &person_id),
            ReminderChoice::Snooze => {
                let state = handle.state::<AppState>();
                if let Err(err) = state.with_store(|s| reminders::snooze(s, &meeting_id)) {
                    tracing::warn!(code = err.code.as_str(), "could not snooze a reminder");
                }
            }
            ReminderChoice::Dismissed => {}
        });
        if let Err(err) = state.with_store(|s| reminders::mark_shown(s, &reminder)) {
            tracing::warn!(code = err.code.as_str(), "could not record a reminder");
        }
        // Today shows the reminder too: it reloads on this rather than
        // guessing when a reminder falls.
        let _ = app.emit_to("main", "reminder-shown", ());
    }
    show_next(app);
}

/// Puts the next 1:1 on the tray's menu, or, while the store is closed,
/// says it is locked.
pub fn show_next(app: &AppHandle) {
    let state = app.state::<AppState>();
    let label = match state.with_store(|s| reminders::next_label(s, s.clock().now())) {
        Ok(label) => label,
        Err(err) if err.code == ErrorCode::StoreLocked => {
            reminders::closed_label(&state.paths).to_string()
        }
        // Any other failure leaves the line as it is, unlogged: this runs
        // every few seconds, and the next look tries again.
        Err(_) => return,
    };
    crate::tray::set_next(app, &label);
}

/// Brings the window forward on a person's prepare screen.
pub fn open_prepare(app: &AppHandle, person_id: &str) {
    crate::tray::show_main(app);
    let _ = app.emit_to(
        "main",
        "navigate",
        Navigation::Prepare {
            person_id: person_id.to_string(),
        },
    );
}
