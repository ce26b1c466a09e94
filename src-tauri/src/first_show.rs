//! The window comes up once its page has begun loading, not before.
//!
//! Shown before its page is loading, WebKitGTK's first paint of the view
//! waits, on the app's main thread, up to 500 ms for the web process to
//! draw. The web process is waiting for the page itself, which the app serves
//! from that same main thread, so the wait runs out: about a third of the
//! launches measured this way began loading the page half a second late.
//!
//! So the window comes up at the first of two signs that the page is in:
//! WebKitGTK's finished load, or the page's `window_ready` call once its
//! code has run. In measured launches the finished load always came first,
//! 15–60 ms after the page began loading and before the app's code ran;
//! `window_ready` stands in should it come late. Either way the window is
//! mapped while the web process is still building the first screen, and
//! its first paint holds that screen.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// Should the load never report that it finished, the window comes up anyway.
const AT_THE_LATEST: Duration = Duration::from_secs(3);

/// Set until the window has been shown the first time; cleared at once when
/// the app starts minimised to a tray, which then shows it on request.
pub struct FirstShow(AtomicBool);

impl FirstShow {
    pub fn new(show: bool) -> Self {
        FirstShow(AtomicBool::new(show))
    }

    /// True the first time only: a later reload never brings back a window
    /// the manager has sent to the tray.
    fn take(&self) -> bool {
        self.0.swap(false, Ordering::SeqCst)
    }
}

/// Shows the main window the first time only: called when the page says it
/// is ready, on every finished page load, and by the fallback below. True
/// when this call showed it.
pub fn show_once<R: Runtime, M: Manager<R>>(manager: &M) -> bool {
    let first = manager
        .try_state::<FirstShow>()
        .is_none_or(|state| state.take());
    if first {
        if let Some(window) = manager.get_webview_window("main") {
            let _ = window.show();
        }
    }
    first
}

/// The fallback for a page that never says it is ready nor finishes loading.
pub fn show_at_the_latest<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("first-show".into())
        .spawn(move || {
            std::thread::sleep(AT_THE_LATEST);
            if show_once(&app) {
                tracing::warn!("the page had not loaded after {AT_THE_LATEST:?}: window shown");
            }
        });
    if let Err(err) = spawned {
        tracing::warn!("no thread to show the window should its page not load: {err}");
    }
}
