//! The daily backup while the app runs: a thread that, now and then, asks
//! the core whether today's automatic backup is due and makes it (rotation
//! follows). A locked store waits for the next look.

use crate::state::AppState;
use rapport_core::ErrorCode;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// A while after start, so the first minute of the window is not spent
/// copying the store.
const FIRST_LOOK: Duration = Duration::from_secs(60);
/// Often enough that a day is never missed while the app runs.
const EVERY: Duration = Duration::from_secs(10 * 60);

pub fn spawn(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("backups".into())
        .spawn(move || {
            std::thread::sleep(FIRST_LOOK);
            loop {
                look(&app);
                std::thread::sleep(EVERY);
            }
        });
    if let Err(err) = spawned {
        tracing::error!("automatic backups are off: their thread could not start: {err}");
    }
}

fn look(app: &AppHandle) {
    let state = app.state::<AppState>();
    match state.with_store(|s| s.back_up_if_due()) {
        Ok(Some(info)) => tracing::info!(bytes = info.bytes, "daily backup written"),
        Ok(None) => {}
        Err(err) if err.code == ErrorCode::StoreLocked => {}
        Err(err) => tracing::warn!(code = err.code.as_str(), "the daily backup failed"),
    }
}
