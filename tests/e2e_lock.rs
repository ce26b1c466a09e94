//! End to end: locking the real window. Ctrl+L, typed right after the notes,
//! saves them and shows the unlock screen with nothing from the notes left;
//! every command then answers `store_locked`; the keyring store's Unlock
//! button brings the notes back. The tray's "Lock now" does the same; the
//! tray's menu then says it is locked instead of naming the next 1:1, and a
//! reminder while locked says who and when, nothing more, and does not come
//! again after unlocking. A
//! passphrase store locks by itself after its idle time and asks for the
//! passphrase again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{Duration as Minutes, Timelike, Utc};
use fantoccini::{Client, Locator};
use rapport_core::flows::reminders::LOCKED_LINE;
use std::path::Path;
use std::time::Duration;
use support::notify_monitor::Monitor;
use support::tray_host::TrayHost;
use support::webdriver::{
    click, set_value, store_recovery_key, text_of, type_into, value_of, wait_text, App, Screenshots,
};
use support::{holds_for, wait_until, Services, Session, PASSPHRASE, PATIENCE};

/// WebDriver's keys: Control, and "release every modifier".
const CONTROL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";

const NOTES: &str = "Wants to lead the billing migration";

/// The text the window shows.
async fn window_text(c: &Client) -> String {
    text_of(c, "body").await.unwrap_or_default()
}

/// Waits for the locked keyring store's unlock screen and checks that
/// nothing from the notes is on it, nor reachable through a command.
async fn assert_locked(c: &Client) {
    wait_text(c, "h1", "Unlock Rapport").await;
    let shown = window_text(c).await;
    assert!(!shown.contains("Ada Okafor"), "{shown}");
    assert!(!shown.contains(NOTES), "{shown}");
    let html = c.source().await.unwrap();
    assert!(!html.contains("Ada Okafor"), "{html}");
    assert!(!html.contains(NOTES), "{html}");
    // A keyring store unlocks with one button: no passphrase to type.
    assert!(c.find(Locator::Css("#unlock-passphrase")).await.is_err());
    let answer = c
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI_INTERNALS__.invoke('get_today')\
               .then(() => done('answered'), (e) => done(e.code))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(answer, serde_json::json!("store_locked"));
}

/// Unlocks and opens the running 1:1's notes.
async fn unlock_and_read_notes(c: &Client) -> String {
    click(c, "#unlock").await;
    wait_text(c, "#today-upcoming", "In progress").await;
    click(c, "#today-upcoming li[data-meeting-id] button.resume").await;
    wait_text(c, "#session-title", "Ada Okafor").await;
    value_of(c, "#live-notes").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn locking_hides_the_notes_until_unlocked() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let shots = Screenshots::new(&session);
    let tray = TrayHost::start(&session);
    let monitor = Monitor::start(&session);
    let data_dir = session.dir.path().join("data");
    let app = App::launch(&session, &data_dir, &shots.log("tauri-driver-lock.log")).await;
    let item = tray.wait_for_item(PATIENCE);
    let c = &app.client;

    // First run with the keyring, a person, and a 1:1 started now.
    wait_text(c, "h1", "Welcome to Rapport").await;
    click(c, "#create-store").await;
    store_recovery_key(c).await;
    click(c, "#add-person").await;
    type_into(c, "#person-name", "Ada Okafor").await;
    click(c, "#person-save").await;
    wait_text(c, "#person-title", "Ada Okafor").await;
    click(c, "#person-prepare").await;
    click(c, "#start-session").await;
    wait_text(c, "#session-title", "Ada Okafor").await;

    // Ctrl+L on the same keystrokes as the typing: it is saved first.
    c.find(Locator::Css("#live-notes"))
        .await
        .unwrap()
        .send_keys(&format!("{NOTES}{CONTROL}l{RELEASE}"))
        .await
        .unwrap();
    assert_locked(c).await;
    shots.take(c, "lock-unlock-screen").await;
    assert_eq!(unlock_and_read_notes(c).await, NOTES);

    // The tray's "Lock now".
    let menu = item.menu(&session);
    let lock = menu
        .iter()
        .find(|(_, label)| label == "Lock now")
        .map(|(id, _)| *id)
        .unwrap_or_else(|| panic!("no \"Lock now\" in {menu:?}"));
    item.click(&session, lock);
    assert_locked(c).await;
    assert_eq!(unlock_and_read_notes(c).await, NOTES);

    // A 1:1 whose 15-minute reminder falls 45 to 105 seconds from now (the
    // form takes whole minutes), then lock before it comes.
    let now = Utc::now() + Minutes::seconds(45);
    let start = now - Minutes::seconds(i64::from(now.second())) + Minutes::minutes(16);
    click(c, "nav[aria-label=People] button[data-person-id]").await;
    wait_text(c, "#person-title", "Ada Okafor").await;
    click(c, "#person-one-off").await;
    set_value(c, "#oneoff-zone", "UTC").await;
    set_value(c, "#oneoff-date", &start.format("%Y-%m-%d").to_string()).await;
    set_value(c, "#oneoff-time", &start.format("%H:%M").to_string()).await;
    click(c, "#oneoff-save").await;
    wait_text(c, "#person-next", "").await;
    item.wait_for_first_line(&session, "Next 1:1: Ada Okafor")
        .await;
    assert!(
        Utc::now() < start - Minutes::minutes(15),
        "too slow to lock in time"
    );
    item.click(&session, lock);
    assert_locked(c).await;
    // Locked, the tray names no one either, nor keeps a line that would
    // go stale.
    let menu = item.wait_for_first_line(&session, LOCKED_LINE).await;
    assert!(!format!("{menu:?}").contains("Ada Okafor"), "{menu:?}");
    let seen = monitor
        .wait_for_within("1:1 with Ada Okafor in ", Duration::from_secs(150))
        .await;
    // The title only: every unlocked reminder's body counts action items.
    assert!(!seen.contains("action item"), "{seen}");
    assert!(!seen.contains("Snooze"), "{seen}");
    assert_eq!(seen.matches("1:1 with Ada Okafor").count(), 1, "{seen}");
    wait_text(c, "h1", "Unlock Rapport").await;
    click(c, "#unlock").await;
    wait_text(c, "h1", "Today").await;
    item.wait_for_first_line(&session, "Next 1:1: Ada Okafor")
        .await;
    // Unlocked, the normal schedule knows it was shown.
    holds_for("no second reminder", Duration::from_secs(12), || async {
        let seen = monitor.text();
        match seen.matches("1:1 with Ada Okafor").count() {
            1 => Ok(()),
            _ => Err(seen),
        }
    })
    .await;

    // The app's log says it locked twice and never that typing went unsaved.
    let log = support::webdriver::app_log(&session);
    assert_eq!(log.matches("locked upcoming=").count(), 3, "{log}");
    assert!(
        !log.contains("did not confirm that pending typing was saved"),
        "{log}"
    );
    app.quit(&session, &data_dir).await;

    idle_time_locks_a_passphrase_store(&session, &shots, &session.dir.path().join("data-2")).await;
}

/// A passphrase store's default idle time shows in Settings; with one minute
/// chosen and no keyboard or mouse use, the window locks by itself.
async fn idle_time_locks_a_passphrase_store(
    session: &Session,
    shots: &Screenshots<'_>,
    dir: &Path,
) {
    let app = App::launch(session, dir, &shots.log("tauri-driver-idle-lock.log")).await;
    let c = &app.client;
    wait_text(c, "h1", "Welcome to Rapport").await;
    click(c, "#backend-passphrase").await;
    type_into(c, "#passphrase", PASSPHRASE).await;
    type_into(c, "#passphrase-repeat", PASSPHRASE).await;
    click(c, "#create-store").await;
    store_recovery_key(c).await;
    click(c, "#add-person").await;
    type_into(c, "#person-name", "Ben Moreau").await;
    click(c, "#person-save").await;
    wait_text(c, "#person-title", "Ben Moreau").await;

    click(c, "#nav-settings").await;
    let default = wait_text(c, "#auto-lock option:checked", "15 minutes").await;
    assert!(default.contains("(default)"), "{default}");
    // One minute, the shortest the setting takes (the list offers five and up).
    let answer = c
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI_INTERNALS__.invoke('set_auto_lock', { idleMinutes: 1 })\
               .then((s) => done(s.idle_minutes), (e) => done(e.code))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(answer, serde_json::json!(1));
    click(c, "#nav-today").await;
    wait_text(c, "h1", "Today").await;

    // Hands off: the lock comes a minute after the last activity the window
    // reported (it reports at most every 20 seconds).
    wait_until("the idle lock", Duration::from_secs(120), || async {
        match text_of(c, "h1").await {
            Some(title) if title.contains("Unlock Rapport") => Ok(()),
            shown => Err(format!("the window shows {shown:?}")),
        }
    })
    .await;
    let shown = window_text(c).await;
    assert!(!shown.contains("Ben Moreau"), "{shown}");
    shots.take(c, "lock-idle-passphrase").await;
    type_into(c, "#unlock-passphrase", PASSPHRASE).await;
    click(c, "#unlock").await;
    wait_text(c, "h1", "Today").await;
    wait_text(c, "nav[aria-label=People]", "Ben Moreau").await;
    let log = support::webdriver::app_log(session);
    assert!(log.contains("locking after idle time"), "{log}");
    app.quit(session, dir).await;
}
