//! End to end: the real app binary in a real WebKit window under a virtual
//! display, driven over WebDriver (tauri-driver + WebKitWebDriver). First run
//! with a demo team, the people in the sidebar, both themes, relaunch, a wrong
//! and a right passphrase. Screenshots go to target/e2e-screenshots/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use fantoccini::Locator;
use std::time::Duration;
use support::webdriver::{click, find, people_names, type_into, wait_text, App, Screenshots};
use support::{rapport_with_passphrase, Services, Session, PASSPHRASE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_demo_team_and_unlock_in_the_real_window() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let log = shots.log("tauri-driver.log");

    // 1. First run: passphrase, demo team.
    let app = App::launch(&session, &data_dir, &log).await;
    let client = &app.client;
    wait_text(client, "h1", "Welcome to Rapport").await;
    shots.take(client, "01-first-run").await;
    click(client, "#backend-passphrase").await;
    type_into(client, "#passphrase", PASSPHRASE).await;
    type_into(client, "#passphrase-repeat", "not the same").await;
    click(client, "#create-store").await;
    wait_text(client, "#error", "do not match").await;
    assert!(
        !data_dir.join("rapport.db").exists(),
        "a refused form must not create a store"
    );
    type_into(client, "#passphrase-repeat", PASSPHRASE).await;
    click(client, "#with-demo").await;
    click(client, "#create-store").await;
    // Before anything else, the recovery key, once.
    wait_text(client, "h1", "Save your recovery key").await;
    let recovery_key = wait_text(client, "#recovery-key", "-")
        .await
        .trim()
        .to_string();
    assert_eq!(recovery_key.split('-').count(), 7, "{recovery_key}");
    let go_on = find(client, "#recovery-continue").await;
    assert!(
        !go_on.is_enabled().await.unwrap(),
        "continue before storing the key"
    );
    shots.take(client, "01b-recovery-key").await;
    click(client, "#recovery-stored").await;
    click(client, "#recovery-continue").await;
    let names = people_names(client, 6).await;
    wait_text(client, "#people-count", "6 people").await;
    // Today's count reads on from the date; the button keeps to the right,
    // its label on the date's line.
    let header = client
        .execute(
            "const box = (e) => e.getBoundingClientRect();\
             const middle = (b) => (b.top + b.bottom) / 2;\
             const line = document.querySelector('.pane-header .subtitle p');\
             const words = document.createRange();\
             words.selectNodeContents(line);\
             const date = box(line);\
             const count = box(document.getElementById('people-count'));\
             const add = box(document.getElementById('today-add-topic'));\
             const header = box(document.querySelector('.pane-header'));\
             return [count.left - date.right, count.top - date.top, header.right - add.right,\
                     middle(add) - middle(box(words))];",
            vec![],
        )
        .await
        .unwrap();
    let gaps: Vec<f64> = serde_json::from_value(header).unwrap();
    assert!(
        (0.0..=24.0).contains(&gaps[0])
            && gaps[1].abs() < 2.0
            && gaps[2].abs() < 2.0
            && gaps[3].abs() <= 3.0,
        "Today's header: count {:.0} px after the date, {:.0} px lower; button {:.0} px from \
         the right, its middle {:.0} px below the date's words",
        gaps[0],
        gaps[1],
        gaps[2],
        gaps[3]
    );
    // The page names GTK's interface font rather than resolving system-ui.
    let font = client
        .execute("return getComputedStyle(document.body).fontFamily", vec![])
        .await
        .unwrap();
    let font = font.as_str().unwrap_or_default();
    assert!(
        !font.starts_with("system-ui") && font.contains(',') && font.ends_with("sans-serif"),
        "the page's font: {font}"
    );
    click(client, "label[for=theme-light]").await;
    shots.take(client, "02-team-light").await;

    let first = client
        .find(Locator::Css(
            "nav[aria-label='People'] button[data-person-id]",
        ))
        .await
        .unwrap();
    first.click().await.unwrap();
    wait_text(client, "#person-title", &names[0]).await;
    let level = wait_text(client, "#person-level", "").await;
    assert!(
        ["Junior", "Confirmed", "Senior", "Staff+"].contains(&level.trim()),
        "{level}"
    );
    shots.take(client, "03-person-light").await;
    // The demo fills the prepare screen: history, action items, talking points.
    click(client, "#person-prepare").await;
    wait_text(client, "#prep-title", &names[0]).await;
    wait_text(client, "#prep-count", "total").await;
    wait_text(client, "#prep-wins", "").await;
    let points = wait_text(client, "#prep-talking-points", "Why").await;
    assert!(points.lines().count() >= 2, "{points}");
    shots.take(client, "03b-prepare-demo-light").await;
    click(client, "#nav-today").await;
    wait_text(client, "#today-upcoming", "Prepare").await;
    shots.take(client, "03c-today-demo-light").await;
    // Further down: the overdue items, the longest overdue first.
    client
        .execute(
            "document.getElementById('overdue-heading').scrollIntoView({ block: 'start' })",
            vec![],
        )
        .await
        .unwrap();
    shots.take_in_both_themes(client, "03d-today-overdue").await;
    first.click().await.unwrap();
    wait_text(client, "#person-title", &names[0]).await;
    click(client, "label[for=theme-dark]").await;
    let theme = client
        .execute("return document.documentElement.dataset.theme", vec![])
        .await
        .unwrap();
    assert_eq!(theme, serde_json::json!("dark"));
    shots.take(client, "04-person-dark").await;
    app.quit(&session, &data_dir).await;

    // The names in the window are the store's, as the CLI sees them.
    let exported = session.dir.path().join("export.json");
    let out = rapport_with_passphrase(
        &data_dir,
        PASSPHRASE,
        &["export", "json", "--out", exported.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", support::text(&out));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    let mut stored: Vec<String> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    let mut shown = names.clone();
    stored.sort();
    shown.sort();
    assert_eq!(shown, stored);

    // 2. Relaunch: the unlock screen, a wrong and then the right passphrase.
    let app = App::launch(&session, &data_dir, &log).await;
    let client = &app.client;
    wait_text(client, "h1", "Unlock Rapport").await;
    let before = support::snapshot(&data_dir);
    type_into(client, "#unlock-passphrase", "wrong horse battery").await;
    click(client, "#unlock").await;
    wait_text(client, "#error", "does not unlock").await;
    shots.take(client, "05-unlock-wrong-dark").await;
    assert_eq!(
        support::snapshot(&data_dir),
        before,
        "a wrong passphrase changed files"
    );
    type_into(client, "#unlock-passphrase", PASSPHRASE).await;
    click(client, "#unlock").await;
    let again = people_names(client, 6).await;
    assert_eq!(again, names);
    // The command line works on the same store while the window has it open.
    let out = rapport_with_passphrase(&data_dir, PASSPHRASE, &["doctor"]);
    assert!(out.status.success(), "{}", support::text(&out));
    assert!(
        support::text(&out).contains("6 people"),
        "{}",
        support::text(&out)
    );
    click(client, "label[for=theme-light]").await;
    shots.take(client, "06-unlocked-light").await;

    // The window never leaves the app, whatever a page asks for.
    client
        .execute(
            "window.location.href = 'https://example.invalid/'; return null;",
            vec![],
        )
        .await
        .unwrap();
    support::holds_for(
        "the window stays on the app",
        Duration::from_secs(2),
        || async {
            let url = client.current_url().await.map_err(|e| e.to_string())?;
            if url.scheme() == "https" {
                return Err(format!("the window went to {url}"));
            }
            Ok(())
        },
    )
    .await;
    // It stayed because the shell refused to go, not because the address
    // did not answer.
    support::wait_until(
        "the log to record the cancelled navigation",
        support::PATIENCE,
        || async {
            let log = support::webdriver::app_log(&session);
            if log.contains("a navigation away from the app was cancelled") {
                Ok(())
            } else {
                Err(log)
            }
        },
    )
    .await;
    assert_eq!(people_names(client, 6).await, names);
    app.quit(&session, &data_dir).await;

    // 3. The passphrase is forgotten: the recovery key opens the notes, and
    // the manager picks a new passphrase without anything being re-encrypted.
    let app = App::launch(&session, &data_dir, &log).await;
    let client = &app.client;
    wait_text(client, "h1", "Unlock Rapport").await;
    click(client, "#unlock-mode").await;
    type_into(client, "#unlock-passphrase", &recovery_key.to_lowercase()).await;
    shots.take(client, "07-unlock-recovery-light").await;
    click(client, "#unlock").await;
    wait_text(client, "h1", "Your notes are open").await;
    click(client, "#new-backend-passphrase").await;
    type_into(client, "#new-passphrase", NEW_PASSPHRASE).await;
    type_into(client, "#new-passphrase-repeat", NEW_PASSPHRASE).await;
    shots.take(client, "08-new-passphrase-light").await;
    click(client, "#new-key-save").await;
    assert_eq!(people_names(client, 6).await, names);
    app.quit(&session, &data_dir).await;
    let old = rapport_with_passphrase(&data_dir, PASSPHRASE, &["doctor"]);
    assert!(
        !old.status.success(),
        "the old passphrase still opens the store"
    );
    let new = rapport_with_passphrase(&data_dir, NEW_PASSPHRASE, &["doctor"]);
    assert!(new.status.success(), "{}", support::text(&new));
}

const NEW_PASSPHRASE: &str = "a brand new passphrase";
