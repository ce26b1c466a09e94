//! End to end: sharing from anywhere and Settings → Data in the real window,
//! on the demo team, with the native file dialogs answered by typing a path
//! as a manager can. A held 1:1's notes are saved from the history; the
//! invite goes out from the person page; a moved 1:1 sends its update and a
//! cancelled one its cancellation (to a stand-in mail app); everything is
//! exported as JSON and as Markdown; a refused import says why and changes
//! nothing; a calendar file sets up a new person's recurring 1:1.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use fantoccini::{Client, Locator};
use mail_parser::{MessageParser, MimeHeaders};
use std::path::{Path, PathBuf};
use support::desktop::{answer_file_dialog, install_desktop_apps, FileDialog};
use support::webdriver::{
    click, launch_with_demo_team, people_names, set_value, type_into, wait_text,
    window_uses_twelve_hours, Screenshots,
};
use support::{wait_until, Services, Session, PATIENCE};

const FIRST_PERSON: &str = "Amara Okafor";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_from_anywhere_and_data_in_settings() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let (mail_received, _) = install_desktop_apps(&session);
    let data_dir = session.dir.path().join("data");
    let out = session.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let shots = Screenshots::new(&session);
    let log = shots.log("tauri-driver-share.log");
    let (app, _) = launch_with_demo_team(&session, &data_dir, &log).await;
    let c = &app.client;

    // A held 1:1 from the history: its shared notes saved as Markdown.
    open_person(c, FIRST_PERSON).await;
    click(c, "#view-full-history").await;
    wait_text(c, "#history-title", FIRST_PERSON).await;
    let menu = c
        .find(Locator::Css(".share-menu-button"))
        .await
        .expect("a held 1:1 in the history has a share menu");
    let menu_id = menu.attr("id").await.unwrap().unwrap();
    let meeting_id = menu_id.trim_start_matches("share-menu-").to_string();
    click(c, &format!("#{menu_id}")).await;
    shots.take(c, "share-menu-light").await;
    click(c, &format!("#save-notes-md-{meeting_id}")).await;
    let notes_file = out.join("notes.md");
    answer_file_dialog(&session, FileDialog::Save, "Save shared notes", &notes_file);
    let saved = wait_for_file(&notes_file).await;
    assert!(saved.starts_with("# 1:1 "), "{saved}");
    assert!(!saved.contains("Private"), "shared notes only: {saved}");
    wait_text(c, "body", &notes_file.display().to_string()).await;

    // The invite from the person page, with its agenda, to the mail app.
    open_person(c, FIRST_PERSON).await;
    click(c, "#person-send-invite").await;
    let eml = take_mail(&mail_received).await;
    let message = MessageParser::default().parse(&eml).unwrap();
    let subject = message.subject().unwrap().to_string();
    assert!(subject.starts_with("1:1 "), "{subject}");
    let first_name = FIRST_PERSON.split(' ').next().unwrap();
    assert!(
        message
            .body_text(0)
            .unwrap()
            .starts_with(&format!("Hi {first_name},")),
        "{:?}",
        message.body_text(0)
    );
    assert_eq!(attached_method(&message), "REQUEST");

    // Moving the next 1:1 offers its update; sending it mails the update.
    click(c, "#next-move").await;
    let date = c
        .execute(
            "const d = new Date(Date.now() + 9 * 86400000); return d.toISOString().slice(0, 10);",
            vec![],
        )
        .await
        .unwrap();
    set_value(c, "#reschedule-date", date.as_str().unwrap()).await;
    set_value(c, "#reschedule-time", "16:30").await;
    click(c, "#reschedule-save").await;
    wait_text(c, "#send-update", "Send update").await;
    shots.take(c, "share-after-move-light").await;
    click(c, "#send-update").await;
    let update = take_mail(&mail_received).await;
    let update = MessageParser::default().parse(&update).unwrap();
    let subject = update.subject().unwrap();
    assert!(subject.starts_with("Moved: 1:1 "), "{subject:?}");
    // The new time is written with the window's clock, as on its screens.
    let half_of_day = subject.ends_with(" AM") || subject.ends_with(" PM");
    assert_eq!(
        half_of_day,
        window_uses_twelve_hours(c).await,
        "{subject:?}"
    );
    assert_eq!(attached_method(&update), "REQUEST");
    click(c, "#share-done").await;

    // Cancelling it offers the cancellation (seen in the dark theme).
    click(c, "label[for=theme-dark]").await;
    click(c, "#next-cancel").await;
    click(c, "#cancel-by-manager").await;
    type_into(c, "#cancel-reason", "Offsite all day").await;
    click(c, "#cancel-save").await;
    wait_text(c, "#send-cancellation", "Send cancellation").await;
    shots.take(c, "share-after-cancel-dark").await;
    click(c, "#send-cancellation").await;
    let cancellation = take_mail(&mail_received).await;
    let cancellation = MessageParser::default().parse(&cancellation).unwrap();
    assert!(
        cancellation
            .subject()
            .unwrap()
            .starts_with("Cancelled: 1:1 "),
        "{:?}",
        cancellation.subject()
    );
    assert_eq!(attached_method(&cancellation), "CANCEL");
    let raw =
        String::from_utf8_lossy(&std::fs::read(&mail_received).unwrap_or_default()).to_string();
    assert!(!raw.contains("Offsite"), "the reason is the manager's");
    click(c, "#share-done").await;
    click(c, "label[for=theme-light]").await;

    // Settings → Data: everything as JSON.
    click(c, "#nav-settings").await;
    wait_text(c, "#export-json", "Export everything as JSON").await;
    c.execute(
        "document.getElementById('data-settings').scrollIntoView({ block: 'start' })",
        vec![],
    )
    .await
    .unwrap();
    shots.take_in_both_themes(c, "settings-data").await;
    click(c, "#export-json").await;
    let json_file = out.join("export.json");
    answer_file_dialog(
        &session,
        FileDialog::Save,
        "Export everything as JSON",
        &json_file,
    );
    wait_text(c, "#data-result", "Exported").await;
    let export: serde_json::Value = serde_json::from_str(&wait_for_file(&json_file).await).unwrap();
    assert_eq!(export["people"].as_array().map(Vec::len), Some(6));

    // The Markdown vault, shared notes only: as many files as it says.
    click(c, "#vault-shared-only").await;
    click(c, "#export-vault").await;
    let vault = out.join("vault");
    answer_file_dialog(
        &session,
        FileDialog::Save,
        "Export the Markdown vault into a new folder",
        &vault,
    );
    let result = wait_text(c, "#data-result", "files to").await;
    let written = count_files(&vault);
    assert!(written > 6, "a document per person and a file per 1:1");
    let said: usize = result
        .split_whitespace()
        .find_map(|w| w.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no count in {result:?}"));
    assert_eq!(said, written, "{result}");

    // A JSON export goes only into an empty store: refused, nothing changes.
    click(c, "#import-json").await;
    answer_file_dialog(
        &session,
        FileDialog::Open,
        "Import a Rapport JSON export",
        &json_file,
    );
    wait_text(c, "#data-error", "import only goes into an empty store").await;
    people_names(c, 6).await;

    // A calendar file sets up a new person's recurring 1:1.
    click(c, "#add-person").await;
    type_into(c, "#person-name", "Ada Okafor").await;
    type_into(c, "#person-email", "ada.okafor@example.com").await;
    type_into(c, "#person-role", "Backend Engineer").await;
    click(c, "#person-save").await;
    wait_text(c, "#person-title", "Ada Okafor").await;
    click(c, "#nav-settings").await;
    // Settings loads the people for the list after it shows.
    let ada = wait_until("Ada among the people to import for", PATIENCE, || async {
        let value = c
            .execute(
                "const o = Array.from(document.querySelectorAll('#import-ics-person option'))\
                   .find(o => o.textContent.trim() === 'Ada Okafor');\
                 return o ? o.value : null;",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("no option for Ada yet ({value})"))
    })
    .await;
    set_value(c, "#import-ics-person", &ada).await;
    click(c, "#import-ics").await;
    answer_file_dialog(
        &session,
        FileDialog::Open,
        "Set up a recurring 1:1 from a calendar file",
        &fixture("google.ics"),
    );
    let imported = wait_text(c, "#data-result", "Set up Ada").await;
    assert!(imported.contains("weekly"), "{imported}");
    shots.take(c, "settings-data-imported-light").await;

    app.quit(&session, &data_dir).await;
}

async fn open_person(c: &Client, name: &str) {
    let xpath = format!("//nav[@aria-label='People']//button[.//*[normalize-space()='{name}']]");
    wait_until("the person in the sidebar", PATIENCE, || async {
        let button = c
            .find(Locator::XPath(&xpath))
            .await
            .map_err(|e| e.to_string())?;
        button.click().await.map_err(|e| e.to_string())
    })
    .await;
    wait_text(c, "#person-title", name).await;
}

async fn wait_for_file(path: &Path) -> String {
    wait_until(&format!("{}", path.display()), PATIENCE, || async {
        std::fs::read_to_string(path).map_err(|e| e.to_string())
    })
    .await
}

/// The next draft the stand-in mail app received; it is removed, so the
/// next call waits for a new one.
async fn take_mail(received: &Path) -> Vec<u8> {
    let eml = wait_until("the mail app to get the draft", PATIENCE, || async {
        std::fs::read(received).map_err(|e| e.to_string())
    })
    .await;
    std::fs::remove_file(received).unwrap();
    eml
}

fn attached_method(message: &mail_parser::Message<'_>) -> String {
    let part = message
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .expect("the invite attached");
    part.content_type()
        .and_then(|c| c.attribute("method"))
        .unwrap()
        .to_string()
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_files(&path)
            } else {
                1
            }
        })
        .sum()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures/ics")
        .join(name)
}
