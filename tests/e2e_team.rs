//! End to end: the Team screen in the real window, on the demo team. Its
//! numbers for the last 30 days agree with the performance snapshot on the
//! person's Prepare; a number opens the 1:1s behind it, one of which opens.
//! Screenshots in both themes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use support::webdriver::{
    assert_columns, click, launch_with_demo_team, set_value, text_of, wait_count, wait_text,
    Screenshots,
};
use support::{Services, Session};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_screen_and_its_numbers_in_the_real_window() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let log = shots.log("tauri-driver-team.log");
    let (app, _) = launch_with_demo_team(&session, &data_dir, &log).await;
    let c = &app.client;

    click(c, "#nav-team").await;
    wait_text(c, "#team-table", "Team").await;
    // Six people and the team line.
    wait_count(c, "#team-table tr[data-person-id]", 7).await;
    wait_text(c, "#team-charts", "").await;
    shots.take_in_both_themes(c, "team").await;
    c.execute(
        "document.getElementById('team-charts').scrollIntoView({ block: 'start' })",
        vec![],
    )
    .await
    .unwrap();
    shots.take_in_both_themes(c, "team-charts").await;

    // The last 30 days, for the first person.
    set_value(c, "#team-period", "last_30").await;
    wait_text(c, "#team-title", "in the last 30 days").await;
    let person = c
        .execute(
            "return document.querySelector('#team-table tr[data-person-id]')\
               .getAttribute('data-person-id')",
            vec![],
        )
        .await
        .unwrap();
    let person = person.as_str().unwrap().to_string();
    assert_ne!(person, "team");
    let held_button = format!("#stat-held-{person}");
    let held: usize = wait_text(c, &held_button, "")
        .await
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{held_button}: {e}"));
    assert!(held > 0, "the demo holds 1:1s every week or two");

    // The number opens the 1:1s behind it, and one of them opens.
    click(c, &held_button).await;
    wait_text(c, "#team-detail-title", "1:1s held").await;
    wait_count(c, "#team-detail-list li.detail-meeting", held).await;
    // The 1:1s' parts stand in columns: the dates differ in width, and
    // every row's name, status and length still start where the others do.
    assert_columns(
        c,
        "#team-detail-list li.detail-meeting .line",
        ":scope > :nth-child(1)",
        &[
            ":scope > :nth-child(2)",
            ":scope > :nth-child(3)",
            ":scope > :nth-child(4)",
        ],
    )
    .await;
    shots.take(c, "team-detail-light").await;
    click(c, "#team-detail-list li.detail-meeting button").await;
    wait_text(c, "#meeting-header", "").await;
    let header = text_of(c, "#meeting-person").await.unwrap_or_default();
    assert!(!header.trim().is_empty(), "the 1:1 names its person");

    // Prepare's snapshot counts the same 1:1s over the same 30 days.
    click(c, "#meeting-person").await;
    click(c, "#person-prepare").await;
    let snapshot = wait_text(c, "#snapshot-held-30", " of ").await;
    assert!(
        snapshot.trim().starts_with(&format!("{held} of ")),
        "snapshot {snapshot:?}, Team screen {held}"
    );
    // Each column's heading starts where its figures do.
    let offsets = c
        .execute(
            "const table = document.getElementById('snapshot-held-30').closest('table');\
             const start = (e) => { const range = document.createRange(); range.selectNodeContents(e); return range.getBoundingClientRect().left; };\
             const heads = [...table.querySelectorAll('th[scope=col]')];\
             return heads.map((th) => Math.max(...[...table.tBodies[0].rows]\
               .map((row) => Math.abs(start(row.cells[th.cellIndex]) - start(th)))));",
            vec![],
        )
        .await
        .unwrap();
    let offsets: Vec<f64> = serde_json::from_value(offsets).unwrap();
    assert!(
        offsets.len() >= 2 && offsets.iter().all(|o| *o < 1.0),
        "the snapshot's figures start this far from their column's heading, in px: {offsets:?}"
    );
    shots.take_in_both_themes(c, "team-prepare-snapshot").await;

    app.quit(&session, &data_dir).await;
}
