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
use std::time::Duration;
use support::notify_monitor::Monitor;
use support::tray_host::TrayHost;
use support::webdriver::{
    app_pids, click, set_value, store_recovery_key, type_into, wait_text, wait_until_app_gone,
    window_uses_twelve_hours, App, Screenshots,
};
use support::{holds_for, wait_until, Services, Session};

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
    let shots = Screenshots::new(&session);
    let app = App::launch(
        &session,
        &data_dir,
        &shots.log("tauri-driver-reminders.log"),
    )
    .await;
    let client = &app.client;

    wait_text(client, "h1", "Welcome to Rapport").await;
    click(client, "#create-store").await;
    store_recovery_key(client).await;
    let item = tray.wait_for_item(Duration::from_secs(30));

    // A person with a private concern, then a 1:1 in ten minutes.
    click(client, "#add-person").await;
    type_into(client, "#person-name", "Ada Okafor").await;
    click(client, "#person-save").await;
    wait_text(client, "#person-title", "Ada Okafor").await;
    click(client, "#person-log").await;
    set_value(client, "#highlight-kind", "concern").await;
    type_into(client, "#highlight-text", "PRIVATE worry about burnout").await;
    click(client, "#highlight-private").await;
    click(client, "#highlight-save").await;
    wait_text(client, "#person-highlights", "PRIVATE worry").await;

    let start = Utc::now() + Minutes::minutes(10);
    click(client, "#person-one-off").await;
    set_value(client, "#oneoff-zone", "UTC").await;
    set_value(
        client,
        "#oneoff-date",
        &start.format("%Y-%m-%d").to_string(),
    )
    .await;
    set_value(client, "#oneoff-time", &start.format("%H:%M").to_string()).await;
    click(client, "#oneoff-save").await;
    wait_text(client, "#person-next", "").await;

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

    // The tray menu shows the next 1:1. The reminder loop relabels it after
    // sending the notification, and the tray host hears of it after that.
    let menu = item
        .wait_for_first_line(&session, "Next 1:1: Ada Okafor")
        .await;
    let labels: Vec<&str> = menu.iter().map(|(_, l)| l.as_str()).collect();
    // Its time is written with the window's clock, 12 or 24 hours.
    let clock = if window_uses_twelve_hours(client).await {
        start.format("%-I:%M %p")
    } else {
        start.format("%H:%M")
    };
    let next = format!(
        "Next 1:1: Ada Okafor, {}, {clock}",
        rapport_core::day_text::weekday_day_month_year(&start.date_naive())
    );
    assert!(labels.contains(&next.as_str()), "{next:?} in {labels:?}");
    let id_of = |label: &str| {
        menu.iter()
            .find(|(_, l)| l == label)
            .map(|(id, _)| *id)
            .unwrap_or_else(|| panic!("no {label:?} in {labels:?}"))
    };

    // The Today banner, then Prepare from the notification.
    click(client, "#nav-today").await;
    wait_text(client, "#reminder-banner", "Ada Okafor").await;
    shots.take(client, "reminders-01-today-banner-light").await;
    click(client, "label[for=theme-dark]").await;
    shots.take(client, "reminders-01-today-banner-dark").await;
    click(client, "#nav-templates").await;
    wait_text(client, "body", "Standard weekly").await;
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
    wait_text(client, "#prep-title", "Ada Okafor").await;
    shots
        .take(client, "reminders-02-prepare-from-notification")
        .await;

    // Start at login: the desktop's autostart entry starts Rapport in the tray.
    click(client, "#nav-settings").await;
    click(client, "#autostart").await;
    let autostart = session.dir.path().join("home/.config/autostart");
    // The entry is written after it is created: it counts once it has its
    // Exec line, or a read in between sees an empty file.
    let entry = wait_until("an autostart entry", Duration::from_secs(10), || async {
        std::fs::read_dir(&autostart)
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| e.path().extension().is_some_and(|x| x == "desktop"))
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .filter(|text| text.lines().any(|l| l.starts_with("Exec=")))
            .ok_or_else(|| format!("no complete entry in {autostart:?}"))
    })
    .await;
    assert!(entry.contains("--minimized"), "{entry}");
    shots.take(client, "reminders-03-settings-dark").await;
    click(client, "label[for=theme-light]").await;
    shots.take(client, "reminders-03-settings-light").await;

    // Closing the window keeps Rapport running in the tray.
    client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' })",
            vec![],
        )
        .await
        .unwrap();
    wait_until("the window to hide", Duration::from_secs(10), || async {
        match window_visible(client).await {
            true => Err("still visible".to_string()),
            false => Ok(()),
        }
    })
    .await;
    holds_for(
        "closing the window keeps Rapport running",
        Duration::from_secs(1),
        || async {
            let pids = app_pids(&data_dir);
            if pids.is_empty() {
                Err("closing the window quit Rapport".to_string())
            } else {
                Ok(())
            }
        },
    )
    .await;

    // Open from the tray brings it back; Quit ends the process.
    item.click(&session, id_of("Open Rapport"));
    wait_until(
        "Open to show the window",
        Duration::from_secs(10),
        || async {
            match window_visible(client).await {
                true => Ok(()),
                false => Err("still hidden".to_string()),
            }
        },
    )
    .await;
    item.click(&session, id_of("Quit Rapport"));
    wait_until_app_gone(&session, &data_dir, "Quit to end Rapport").await;
    app.abandon();
}

/// A panel that never got the icon's registration (the tray library can lose
/// it in a race as it starts) gets the icon again, its menu whole: a closed
/// window must always have the tray to come back from.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tray_icon_the_panel_never_got_is_made_again() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: false,
    });
    let tray = TrayHost::start_missing(&session, 1);
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let app = App::launch(
        &session,
        &data_dir,
        &shots.log("tauri-driver-tray-remade.log"),
    )
    .await;
    wait_text(&app.client, "h1", "Welcome to Rapport").await;
    let item = tray.wait_for_item(Duration::from_secs(15));
    let labels: Vec<String> = item.menu(&session).into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        labels,
        [
            "No 1:1 scheduled",
            "Open Rapport",
            "Add topic for…",
            "Lock now",
            "Quit Rapport"
        ],
        "the icon made again has the whole menu"
    );
    app.abandon();
}
