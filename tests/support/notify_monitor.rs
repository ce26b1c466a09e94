//! Records every desktop notification sent on the test's session bus.

use super::{wait_until, Session};
use std::process::{Child, Stdio};
use std::time::Duration;

/// Records every Notify call on the session bus.
pub struct Monitor {
    child: Child,
    log: std::path::PathBuf,
}

impl Monitor {
    pub fn start(session: &Session) -> Monitor {
        let log = session.dir.path().join("notifications.log");
        let file = std::fs::File::create(&log).unwrap();
        let child = session
            .command("dbus-monitor")
            .args([
                "--session",
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(Stdio::from(file))
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-monitor (dbus-x11 / dbus packages)");
        Monitor { child, log }
    }

    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits for a notification whose summary contains `needle`.
    pub async fn wait_for(&self, needle: &str) -> String {
        // The reminders runner looks for due reminders on its own schedule.
        self.wait_for_within(needle, Duration::from_secs(40)).await
    }

    pub async fn wait_for_within(&self, needle: &str, timeout: Duration) -> String {
        wait_until(
            &format!("a notification with {needle:?}"),
            timeout,
            || async {
                let text = self.text();
                if text.contains(needle) {
                    Ok(text)
                } else {
                    Err(format!("the bus saw:\n{text}"))
                }
            },
        )
        .await
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
