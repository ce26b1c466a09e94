//! End to end: finding things in the real window. On the demo team, Ctrl+K
//! opens search from anywhere; a word written once, in one private note of
//! one person, finds exactly that note, marked private, and opens the 1:1 it
//! came from with the word highlighted. Then the person's full history, a
//! page at a time, and their review packet, manager-only and shareable.
//! Screenshots in both themes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use fantoccini::Locator;
use support::webdriver::{
    assert_columns, click, find, launch_with_demo_team, set_value, text_of, type_into, wait_count,
    wait_text, Screenshots,
};
use support::{wait_until, Services, Session, PATIENCE};

const CONTROL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";
const ENTER: &str = "\u{E007}";

/// Said once in the demo: in one private note of its first person.
const RARE_WORD: &str = "sabbatical";
const FIRST_PERSON: &str = "Amara Okafor";

/// Whether the history page shows a one-off 1:1: its row names its topic.
async fn shows_a_one_off(c: &fantoccini::Client) -> bool {
    c.execute(
        "return [...document.querySelectorAll('.history-item .kind')]\
           .some((k) => k.textContent.includes(': '))",
        vec![],
    )
    .await
    .unwrap()
    .as_bool()
    .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_history_and_review_packet_in_the_real_window() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let log = shots.log("tauri-driver-search.log");
    let (app, _) = launch_with_demo_team(&session, &data_dir, &log).await;
    let c = &app.client;

    // Ctrl+K from the Today screen, as a user presses it.
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(&format!("{CONTROL}k{RELEASE}"))
        .await
        .unwrap();
    wait_text(c, "#search-title", "Search").await;
    // Ctrl+K puts the keyboard in the field, once the screen is drawn.
    support::wait_until(
        "the search field to have the keyboard",
        support::PATIENCE,
        || async {
            let focused = c
                .execute(
                    "return document.activeElement && document.activeElement.id",
                    vec![],
                )
                .await
                .map_err(|e| e.to_string())?;
            if focused == serde_json::json!("search-input") {
                Ok(())
            } else {
                Err(format!("the keyboard is in {focused}"))
            }
        },
    )
    .await;
    find(c, "#search-input")
        .await
        .send_keys(&format!("{RARE_WORD}{ENTER}"))
        .await
        .unwrap();
    wait_text(c, "#search-count", "1 match").await;
    wait_count(c, "#search-results .search-hit", 1).await;
    let hit = wait_text(c, "#search-results .search-group", FIRST_PERSON).await;
    assert!(hit.contains("Private"), "the hit says it is private: {hit}");
    let marked = text_of(c, "#search-results .search-hit mark")
        .await
        .unwrap_or_default();
    assert_eq!(marked.to_lowercase(), RARE_WORD);
    shots.take_in_both_themes(c, "search-rare-word").await;

    // A malformed query gets a sentence, not an error dump.
    type_into(c, "#search-input", "\"unclosed").await;
    find(c, "#search-input")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    wait_text(c, "#search-error", "quote is not closed").await;

    // A common word: many hits, grouped by 1:1, newest first.
    type_into(c, "#search-input", "release").await;
    find(c, "#search-input")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    // One page of fifty, of more.
    wait_text(c, "#search-count", "Showing 50 of").await;
    let groups = c
        .find_all(Locator::Css("#search-results .search-group"))
        .await
        .unwrap();
    assert!(groups.len() > 3, "{} groups", groups.len());
    shots.take(c, "search-common-word-light").await;

    // Back to the rare word; the hit opens its 1:1, scrolled to the word.
    type_into(c, "#search-input", RARE_WORD).await;
    find(c, "#search-input")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    wait_count(c, "#search-results .search-hit", 1).await;
    click(c, "#search-results .search-hit").await;
    wait_text(c, "#meeting-title", FIRST_PERSON).await;
    let mark = wait_text(c, "#meeting-private mark.search-mark", "").await;
    assert_eq!(mark.to_lowercase(), RARE_WORD);
    // The 1:1 scrolls to the match once its notes are drawn and marked.
    support::wait_until("the match to be scrolled into view", support::PATIENCE, || async {
        let visible = c
            .execute(
                "const r = document.querySelector('#meeting-private mark.search-mark').getBoundingClientRect();\
                 return r.top >= 0 && r.bottom <= window.innerHeight",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        if visible == serde_json::json!(true) {
            Ok(())
        } else {
            Err("the mark is outside the window".to_string())
        }
    })
    .await;
    shots.take_in_both_themes(c, "search-opened-meeting").await;

    // `/` opens search too, when no field has the keyboard.
    c.execute(
        "document.activeElement && document.activeElement.blur()",
        vec![],
    )
    .await
    .unwrap();
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("/")
        .await
        .unwrap();
    wait_text(c, "#search-title", "Search").await;

    // The full history, a page at a time.
    let person = c
        .find(Locator::XPath(&format!(
            "//nav[@aria-label='People']//button[.//*[normalize-space()='{FIRST_PERSON}']]"
        )))
        .await
        .unwrap();
    person.click().await.unwrap();
    wait_text(c, "#person-title", FIRST_PERSON).await;
    click(c, "#view-full-history").await;
    wait_text(c, "#history-title", FIRST_PERSON).await;
    let first_page = wait_text(c, "#history-range", "of").await;
    assert!(first_page.starts_with("1–"), "{first_page}");
    click(c, "#history-older").await;
    let second_page = wait_text(c, "#history-range", "26–").await;
    assert_ne!(first_page, second_page);
    shots.take_in_both_themes(c, "history-page-2").await;

    // A one-off's topic stays in the column where the other rows name their
    // format, however long it is: older pages until one holds a one-off.
    let mut range = second_page;
    for _ in 0..40 {
        if shows_a_one_off(c).await {
            break;
        }
        click(c, "#history-older").await;
        let before = range.clone();
        range = wait_until("an older page of history", PATIENCE, || async {
            match text_of(c, "#history-range").await {
                Some(now) if now != before => Ok(now),
                seen => Err(format!("{seen:?}")),
            }
        })
        .await;
    }
    assert!(
        shows_a_one_off(c).await,
        "no one-off 1:1 in the demo's history"
    );
    assert_columns(
        c,
        ".history-item:not(.cancelled)",
        ".day",
        &[".duration", ".kind"],
    )
    .await;
    shots.take_in_both_themes(c, "history-one-off").await;

    // The review packet: manager-only, then the shareable version.
    person.click().await.unwrap();
    wait_text(c, "#person-title", FIRST_PERSON).await;
    click(c, "#person-review").await;
    wait_text(c, "#review-title", FIRST_PERSON).await;
    set_value(c, "#review-period", "last_12_months").await;
    wait_text(c, "#review-audience", "Manager only").await;
    wait_text(c, "#review-notes", RARE_WORD).await;
    // The dated lists read as columns: whatever the width of each date, the
    // kind after it starts where the others do.
    assert_columns(c, "#review-highlights li", ".date", &["strong"]).await;
    shots.take_in_both_themes(c, "review-packet").await;
    click(c, "#review-shareable").await;
    wait_text(c, "#review-audience", "Shareable version").await;
    support::wait_until(
        "the private note to leave the packet",
        support::PATIENCE,
        || async {
            let notes = text_of(c, "#review-notes").await.unwrap_or_default();
            if notes.contains(RARE_WORD) {
                Err(notes)
            } else {
                Ok(())
            }
        },
    )
    .await;
    shots.take(c, "review-packet-shareable-light").await;
    app.quit(&session, &data_dir).await;
}
