//! End to end: between the meetings, in the real window, on the demo team.
//! A topic jotted on the person's page shows on Prepare and in the 1:1's
//! agenda, where it is ticked; an action item's due date is moved and the
//! first one stays readable; feedback is logged in the SBI form; the 1:1's
//! mood check-in joins the trend line; a question from the bank goes into
//! the notes. Screenshots in both themes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use fantoccini::Locator;
use support::webdriver::{
    click, is_checked, launch_with_demo_team, set_value, type_into, value_of, wait_count,
    wait_text, Screenshots,
};
use support::{Services, Session};

const FIRST_PERSON: &str = "Amara Okafor";
const TOPIC: &str = "Offsite agenda ideas";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_action_items_and_coaching_in_the_real_window() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let log = shots.log("tauri-driver-coaching.log");
    let (app, _) = launch_with_demo_team(&session, &data_dir, &log).await;
    let c = &app.client;

    // A topic the report asked for, jotted on their page.
    person_in_sidebar(c).await;
    wait_text(c, "#person-title", FIRST_PERSON).await;
    type_into(c, "#person-topic-text", TOPIC).await;
    click(c, "#person-topic-theirs").await;
    click(c, "#person-topic-add").await;
    wait_text(c, "#person-topics-theirs", TOPIC).await;
    assert_eq!(
        value_of(c, "#person-topic-text").await,
        "",
        "the field clears"
    );

    // Prepare lists it, and plans the agenda the 1:1 will open with.
    click(c, "#person-prepare").await;
    wait_text(c, "#prep-title", FIRST_PERSON).await;
    wait_text(c, "#prepare-topics", TOPIC).await;
    let agenda = wait_text(c, "#prepare-agenda-items", "").await;
    assert!(!agenda.trim().is_empty(), "the planned agenda shows");

    // An action item's due date moves; the first date stays readable.
    click(c, "#prep-actions .action-edit").await;
    set_value(c, "#edit-action-due", "2027-01-18").await;
    click(c, "#edit-action-save").await;
    let moved = wait_text(c, "#prep-actions .due-move", "New due date: 18 Jan").await;
    assert!(moved.contains("(was"), "{moved}");
    // Each action item is one line across the table: its cells end together,
    // and every row's status select starts where the others do.
    let table = c
        .execute(
            "const rows = [...document.querySelectorAll('#prep-actions tbody tr')];\
             const spread = (xs) => Math.max(...xs) - Math.min(...xs);\
             const bottoms = rows.map((r) => spread([...r.cells].map((td) => td.getBoundingClientRect().bottom)));\
             const selects = rows.map((r) => r.querySelector('select').getBoundingClientRect().left);\
             const labels = rows.map((r) => r.querySelector('.status').textContent.trim());\
             return [rows.length, Math.max(...bottoms), spread(selects), new Set(labels).size];",
            vec![],
        )
        .await
        .unwrap();
    let table: Vec<f64> = serde_json::from_value(table).unwrap();
    assert!(
        table[0] >= 3.0 && table[3] >= 3.0 && table[1] < 1.0 && table[2] < 1.0,
        "{} action items with {} different statuses: the cells of a row end {:.0} px apart, \
         the status selects start {:.0} px apart",
        table[0],
        table[3],
        table[1],
        table[2]
    );
    shots.take_in_both_themes(c, "coaching-prepare").await;
    scroll_to(c, "prepare-growth").await;
    shots.take(c, "coaching-prepare-growth-light").await;

    // In the 1:1, the topic is on the agenda under "Their topics"; tick it.
    click(c, "#start-session").await;
    wait_text(c, "#session-title", FIRST_PERSON).await;
    // The section title is drawn in capitals; its words are as the seed says.
    support::wait_until(
        "the header to name the next 1:1",
        support::PATIENCE,
        || async {
            let title = c
                .execute(
                    "const e = document.getElementById('session-actions-title');\
                 return e ? e.textContent.trim() : ''",
                    vec![],
                )
                .await
                .map_err(|e| e.to_string())?;
            let title = title.as_str().unwrap_or_default().to_string();
            if title.starts_with("Action Items (Next 1:1: ") {
                Ok(())
            } else {
                Err(title)
            }
        },
    )
    .await;
    let check = format!(
        "//div[@id='session-topics']//li[contains(@class,'topic-row')][.//*[contains(normalize-space(),'{TOPIC}')]]//input[contains(@class,'topic-check')]"
    );
    c.find(Locator::XPath(&check))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    support::wait_until("the topic to be ticked", support::PATIENCE, || async {
        let ticked = c
            .execute(
                "const boxes = [...document.querySelectorAll('#session-topics li.topic-row')]\
                   .filter(li => li.textContent.includes(arguments[0]))\
                   .map(li => li.querySelector('input.topic-check'));\
                 return boxes.length === 1 && boxes[0].checked",
                vec![serde_json::json!(TOPIC)],
            )
            .await
            .map_err(|e| e.to_string())?;
        if ticked == serde_json::json!(true) {
            Ok(())
        } else {
            Err("not ticked".to_string())
        }
    })
    .await;
    // The check-in: a 3 after the demo's usual 6 to 8, private by default.
    click(c, "#mood-3").await;
    wait_text(c, "#mood-recorded", "Recorded 3/10").await;
    wait_text(c, "#mood-recorded", "Private").await;
    assert!(!is_checked(c, "#mood-shareable").await);

    // Feedback in the SBI form, given in this 1:1.
    click(c, "#session-feedback-log").await;
    type_into(
        c,
        "#session-feedback-situation",
        "In this morning's standup",
    )
    .await;
    type_into(
        c,
        "#session-feedback-behaviour",
        "you offered to pair with the new joiner",
    )
    .await;
    type_into(
        c,
        "#session-feedback-impact",
        "they unblocked their first task",
    )
    .await;
    click(c, "#session-feedback-save").await;
    wait_text(c, "#session-feedback-list", "In this morning's standup").await;

    // A question from the bank goes into the shared notes.
    click(c, "#session-questions").await;
    type_into(c, "#question-search", "hardest part of your job").await;
    wait_count(c, ".question-insert", 1).await;
    click(c, ".question-insert").await;
    support::wait_until("the question in the notes", support::PATIENCE, || async {
        let notes = value_of(c, "#live-notes").await;
        if notes.contains("- What is the hardest part of your job right now?") {
            Ok(())
        } else {
            Err(notes)
        }
    })
    .await;
    shots.take_in_both_themes(c, "coaching-session").await;
    scroll_to(c, "session-mood").await;
    shots.take(c, "coaching-session-top-light").await;

    // Back on the person's page: the feedback is logged, and the trend line
    // ends on today's 3.
    person_in_sidebar(c).await;
    wait_text(c, "#person-title", FIRST_PERSON).await;
    wait_text(c, "#person-feedback", "In this morning's standup").await;
    support::wait_until("the mood trend to end on 3", support::PATIENCE, || async {
        let label = c
            .execute(
                "const svg = document.querySelector('#person-mood-trend svg');\
                 return svg ? svg.getAttribute('aria-label') : ''",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let label = label.as_str().unwrap_or_default().to_string();
        if label.starts_with("Mood over the last") && label.ends_with(", 3") {
            Ok(())
        } else {
            Err(label)
        }
    })
    .await;
    scroll_to(c, "person-growth").await;
    shots.take_in_both_themes(c, "coaching-person").await;

    // From Today, "Add topic for…" (the tray's item opens the same form):
    // the people are there to choose from, and a topic for another person is
    // added and confirmed.
    click(c, "#nav-today").await;
    click(c, "#today-add-topic").await;
    wait_text(c, "#quick-topic-person", FIRST_PERSON).await;
    shots.take(c, "coaching-quick-topic-light").await;
    click(c, "#quick-topic-cancel").await;
    // The dialog covers the theme switch: dark first, then the form again.
    click(c, "label[for=theme-dark]").await;
    click(c, "#today-add-topic").await;
    let second = c
        .execute(
            "const s = document.getElementById('quick-topic-person');\
             return s.options.length > 1 ? s.options[1].value : ''",
            vec![],
        )
        .await
        .unwrap();
    let second = second.as_str().unwrap_or_default().to_string();
    assert!(!second.is_empty(), "the demo team has more than one person");
    set_value(c, "#quick-topic-person", &second).await;
    type_into(c, "#quick-topic-text", "Ask about the conference talk").await;
    // The dialog ends as dialogs do: Cancel, then "Add topic" as the main
    // button, side by side at the end of the last row.
    let buttons = c
        .execute(
            "const box = (id) => document.getElementById(id).getBoundingClientRect();\
             const add = box('quick-topic-add');\
             const cancel = box('quick-topic-cancel');\
             const form = document.getElementById('quick-topic-text').closest('form').getBoundingClientRect();\
             return [add.top - cancel.top, add.left - cancel.right, form.right - add.right,\
                     document.getElementById('quick-topic-add').classList.contains('button-primary') ? 1 : 0];",
            vec![],
        )
        .await
        .unwrap();
    let buttons: Vec<f64> = serde_json::from_value(buttons).unwrap();
    assert!(
        buttons[0].abs() < 1.0
            && (0.0..=16.0).contains(&buttons[1])
            && buttons[2].abs() < 1.0
            && buttons[3] == 1.0,
        "Add topic: {:.0} px below Cancel, {:.0} px after it, {:.0} px from the form's end, \
         main button: {}",
        buttons[0],
        buttons[1],
        buttons[2],
        buttons[3] == 1.0
    );
    shots.take(c, "coaching-quick-topic-dark").await;
    click(c, "#quick-topic-add").await;
    wait_text(c, "#quick-topic-toast", "Topic added for").await;
    click(c, "label[for=theme-light]").await;

    app.quit(&session, &data_dir).await;
}

async fn person_in_sidebar(c: &fantoccini::Client) {
    let xpath =
        format!("//nav[@aria-label='People']//button[.//*[normalize-space()='{FIRST_PERSON}']]");
    // The list is drawn once the people are loaded, after the count.
    support::wait_until("the person in the sidebar", support::PATIENCE, || async {
        let button = c
            .find(Locator::XPath(&xpath))
            .await
            .map_err(|e| e.to_string())?;
        button.click().await.map_err(|e| e.to_string())
    })
    .await;
}

async fn scroll_to(c: &fantoccini::Client, id: &str) {
    c.execute(
        "document.getElementById(arguments[0]).scrollIntoView({ block: 'start' })",
        vec![serde_json::json!(id)],
    )
    .await
    .unwrap();
}
