//! End to end, desktop reminders: a real notification server (dunst) on the
//! test's session bus receives "1:1 with … in N minutes" with its Prepare and
//! Snooze actions; invoking Prepare brings the real window to that person's
//! prepare screen. Closing the window leaves Rapport running with its tray
//! icon (registered with a tray host on the bus, as a desktop panel would
//! see it); the tray menu shows the next 1:1, Open brings the window back and
//! Quit ends the process. Nothing private reaches a notification.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{Duration as Minutes, Utc};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use support::tray_host::TrayHost;
use support::webdriver::{
    app_pids, click, connect, screenshot, screenshot_dir, set_value, start_driver, type_into,
    wait_text,
};
use support::{Services, Session};

/// Records every Notify call on the session bus.
struct Monitor {
    child: Child,
    log: std::path::PathBuf,
}

impl Monitor {
    fn start(session: &Session) -> Monitor {
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

    fn text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits for a notification whose summary contains `needle`.
    async fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "no notification with {needle:?}; the bus saw:\n{text}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn window_visible(client: &fantoccini::Client) -> bool {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI_INTERNALS__.invoke('plugin:window|is_visible', { label: 'main' })\
               .then(done, () => done(null))",
            vec![],
        )
        .await
        .unwrap()
        == serde_json::json!(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_opens_prepare_and_the_tray_keeps_rapport_running_until_quit() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let tray = TrayHost::start(&session);
    let monitor = Monitor::start(&session);
    let data_dir = session.dir.path().join("data");
    let shots = screenshot_dir();
    let driver = start_driver(
        &session,
        &data_dir,
        &shots.join("tauri-driver-reminders.log"),
    );
    let client = connect(&driver).await;

    wait_text(&client, "h1", "Welcome to Rapport").await;
    click(&client, "#create-store").await;
    wait_text(&client, "h1", "Today").await;
    let item = tray.wait_for_item(Duration::from_secs(30));

    // A person with a private concern, then a 1:1 in ten minutes.
    click(&client, "#add-person").await;
    type_into(&client, "#person-name", "Ada Okafor").await;
    click(&client, "#person-save").await;
    wait_text(&client, "#person-title", "Ada Okafor").await;
    click(&client, "#person-log").await;
    set_value(&client, "#highlight-kind", "concern").await;
    type_into(&client, "#highlight-text", "PRIVATE worry about burnout").await;
    click(&client, "#highlight-private").await;
    click(&client, "#highlight-save").await;
    wait_text(&client, "#person-highlights", "PRIVATE worry").await;

    let start = Utc::now() + Minutes::minutes(10);
    click(&client, "#person-one-off").await;
    set_value(&client, "#oneoff-zone", "UTC").await;
    set_value(
        &client,
        "#oneoff-date",
        &start.format("%Y-%m-%d").to_string(),
    )
    .await;
    set_value(&client, "#oneoff-time", &start.format("%H:%M").to_string()).await;
    click(&client, "#oneoff-save").await;
    wait_text(&client, "#person-next", "").await;

    // The notification reaches the notification server, with its actions.
    let seen = monitor.wait_for("1:1 with Ada Okafor in ").await;
    for action in ["\"default\"", "\"Prepare\"", "\"snooze\"", "\"Snooze\""] {
        assert!(seen.contains(action), "{action} missing from:\n{seen}");
    }
    assert!(seen.contains("No open action items"), "{seen}");
    assert!(
        !seen.contains("PRIVATE"),
        "private text in a notification:\n{seen}"
    );

    // The tray menu shows the next 1:1.
    let menu = item.menu(&session);
    let labels: Vec<&str> = menu.iter().map(|(_, l)| l.as_str()).collect();
    assert!(
        labels.iter().any(|l| l.starts_with("Next 1:1: Ada Okafor")),
        "{labels:?}"
    );
    let id_of = |label: &str| {
        menu.iter()
            .find(|(_, l)| l == label)
            .map(|(id, _)| *id)
            .unwrap_or_else(|| panic!("no {label:?} in {labels:?}"))
    };

    // The Today banner, then Prepare from the notification.
    click(&client, "#nav-today").await;
    wait_text(&client, "#reminder-banner", "Ada Okafor").await;
    screenshot(&session, &client, &shots, "reminders-01-today-banner-light").await;
    click(&client, "label[for=theme-dark]").await;
    screenshot(&session, &client, &shots, "reminders-01-today-banner-dark").await;
    click(&client, "#nav-templates").await;
    wait_text(&client, "body", "Standard weekly").await;
    let out = session
        .command("dunstctl")
        .args(["action", "0"])
        .output()
        .expect("dunstctl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_text(&client, "#prep-title", "Ada Okafor").await;
    screenshot(
        &session,
        &client,
        &shots,
        "reminders-02-prepare-from-notification",
    )
    .await;

    // Start at login: the desktop's autostart entry starts Rapport in the tray.
    click(&client, "#nav-settings").await;
    click(&client, "#autostart").await;
    let autostart = session.dir.path().join("home/.config/autostart");
    let deadline = Instant::now() + Duration::from_secs(10);
    let entry = loop {
        let found = std::fs::read_dir(&autostart)
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "desktop"));
        if let Some(entry) = found {
            break std::fs::read_to_string(entry.path()).unwrap();
        }
        assert!(
            Instant::now() < deadline,
            "no autostart entry in {autostart:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(entry.contains("--minimized"), "{entry}");
    screenshot(&session, &client, &shots, "reminders-03-settings-dark").await;
    click(&client, "label[for=theme-light]").await;
    screenshot(&session, &client, &shots, "reminders-03-settings-light").await;

    // Closing the window keeps Rapport running in the tray.
    client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' })",
            vec![],
        )
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while window_visible(&client).await {
        assert!(Instant::now() < deadline, "the window stayed open");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        !app_pids(&data_dir).is_empty(),
        "closing the window quit Rapport"
    );

    // Open from the tray brings it back; Quit ends the process.
    item.click(&session, id_of("Open Rapport"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !window_visible(&client).await {
        assert!(Instant::now() < deadline, "Open did not show the window");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    item.click(&session, id_of("Quit Rapport"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app_pids(&data_dir).is_empty() {
        assert!(Instant::now() < deadline, "Quit did not end Rapport");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(client);
    drop(driver);
}
