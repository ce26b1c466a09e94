//! Leaving never loses typing. The window saves notes a moment after typing
//! pauses; every way out (Ctrl+Q, the tray's Quit, closing the window, the
//! session ending with SIGTERM) first asks the window to save what it still
//! holds and waits for its answer, for a bounded time, before going on.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Listener, Manager};

/// The request to the window: save all pending typing, then answer.
pub const FLUSH_REQUEST: &str = "flush-autosave";
/// The window's answer, with the request's number.
pub const FLUSH_DONE: &str = "autosave-flushed";

/// How long a quit waits for the window. A save of local notes takes
/// milliseconds; a window that does not answer in this time is stuck, and a
/// session ending does not wait for long.
const FLUSH_BOUND: Duration = Duration::from_secs(3);

static NEXT_REQUEST: AtomicU64 = AtomicU64::new(1);
static QUITTING: AtomicBool = AtomicBool::new(false);

/// Whether the window's answer is the one to request `id`.
fn answers(payload: &str, id: u64) -> bool {
    serde_json::from_str::<u64>(payload).is_ok_and(|n| n == id)
}

/// Asks the window to save pending typing and waits until it says it has,
/// or `FLUSH_BOUND` passes. True when the window answered. Blocks: never call
/// it on the main thread, which delivers the request.
pub fn flush_window(app: &AppHandle) -> bool {
    if app.get_webview_window("main").is_none() {
        return true;
    }
    let id = NEXT_REQUEST.fetch_add(1, Ordering::Relaxed);
    let (tx, rx) = mpsc::channel();
    let listener = app.listen_any(FLUSH_DONE, move |event| {
        if answers(event.payload(), id) {
            let _ = tx.send(());
        }
    });
    let answered = match app.emit_to("main", FLUSH_REQUEST, id) {
        Ok(()) => rx.recv_timeout(FLUSH_BOUND).is_ok(),
        Err(err) => {
            tracing::warn!("could not ask the window to save: {err}");
            false
        }
    };
    app.unlisten(listener);
    if !answered {
        tracing::warn!("the window did not confirm that pending typing was saved");
    }
    answered
}

/// Runs `then` once the window has saved pending typing, off the calling
/// thread (which may be the main thread, where waiting would stop the
/// request from being delivered).
pub fn after_flush(app: &AppHandle, then: impl FnOnce(&AppHandle) + Send + 'static) {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        flush_window(&app);
        then(&app);
    });
}

/// Quits the app once pending typing is saved. A second request while
/// quitting changes nothing.
pub fn quit(app: &AppHandle) {
    if QUITTING.swap(true, Ordering::SeqCst) {
        return;
    }
    tracing::info!("quitting");
    after_flush(app, |app| app.exit(0));
}

/// Closing the window: saves, then hides it when the tray keeps Rapport
/// running, or quits when there is no tray to come back from.
pub fn close_window(window: &tauri::Window, keep_running: bool) {
    if !keep_running {
        quit(window.app_handle());
        return;
    }
    let hidden = window.clone();
    after_flush(window.app_handle(), move |_| {
        let _ = hidden.hide();
    });
}

/// The end of a desktop session (SIGTERM), a hang-up or Ctrl+C in a terminal
/// quit like the Quit command. A second signal while quitting ends at once:
/// whoever sends it is done waiting.
#[cfg(unix)]
pub fn quit_on_signals(app: &AppHandle) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(signals) => signals,
        Err(err) => {
            tracing::warn!("a session's end will not save pending typing: {err}");
            return;
        }
    };
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                tracing::info!(signal, "asked to stop");
                if QUITTING.load(Ordering::SeqCst) {
                    std::process::exit(128 + signal);
                }
                quit(&app);
            }
        });
    if let Err(err) = spawned {
        tracing::warn!("a session's end will not save pending typing: {err}");
    }
}

#[cfg(not(unix))]
pub fn quit_on_signals(_app: &AppHandle) {}

#[cfg(test)]
mod tests {
    use super::answers;

    #[test]
    fn only_the_answer_to_this_request_counts() {
        assert!(answers("7", 7));
        assert!(!answers("8", 7));
        assert!(!answers("\"7\"", 7));
        assert!(!answers("null", 7));
        assert!(!answers("", 7));
    }
}
