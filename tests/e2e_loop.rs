//! End to end, the 1:1 loop in the real window (TC-001 to TC-005): add a
//! person, schedule a weekly 1:1, log a win, prepare and save prep notes,
//! start the session, check agenda items, type live and private notes, add
//! two action items; kill the app mid-session and find the typing and the
//! running timer after a relaunch; end, save and schedule the next 1:1, copy
//! the shared notes; mark the IC's item done and see it at the next prep;
//! quit, relaunch and find everything. Screenshots of every screen go to
//! target/e2e-screenshots/.

mod support;

use mail_parser::MimeHeaders;
use std::path::Path;
use std::time::{Duration, Instant};
use support::webdriver::{
    app_pids, click, connect, is_checked, set_value, start_driver, text_of, type_into, value_of,
    wait_count, wait_text, wait_until_app_gone, Driver, Screenshots, SINGLE_INSTANCE_NAME,
};
use support::{wait_until, Services, Session, PATIENCE};

/// The app promises to lose at most this much typing when it is killed.
const AUTOSAVE_PROMISE: Duration = Duration::from_secs(2);

/// Seconds shown by a "HH:MM:SS" timer (the last such token in `text`).
fn timer_seconds(text: &str) -> u64 {
    let token = text
        .split_whitespace()
        .rev()
        .find(|t| t.matches(':').count() == 2)
        .unwrap_or_else(|| panic!("no timer in {text:?}"));
    let parts: Vec<u64> = token
        .split(':')
        .map(|p| p.parse().unwrap_or_else(|_| panic!("timer {text:?}")))
        .collect();
    parts[0] * 3600 + parts[1] * 60 + parts[2]
}

/// A stand-in for the desktop's default mail app: it receives the draft file
/// the way a mail client would, through the desktop's default-application
/// lookup for message/rfc822. Returns where the draft it received will be.
fn install_mail_app(session: &Session) -> std::path::PathBuf {
    let received = session.dir.path().join("mail-received.eml");
    // A program of its own, so the entry's Exec line is a plain command and
    // any opener can run it; the rename makes the draft appear whole.
    let program = session.dir.path().join("test-mail-app");
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\ncp \"$1\" \"{0}.part\" && mv \"{0}.part\" \"{0}\"\n",
            received.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let apps = session.dir.path().join("xdg-data/applications");
    std::fs::create_dir_all(&apps).unwrap();
    std::fs::write(
        apps.join("rapport-test-mail.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Test mail\n\
             Exec={} %f\nMimeType=message/rfc822;\n",
            program.display()
        ),
    )
    .unwrap();
    let config = session.dir.path().join("xdg-config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("mimeapps.list"),
        "[Default Applications]\nmessage/rfc822=rapport-test-mail.desktop\n",
    )
    .unwrap();
    received
}

async fn launch(session: &Session, data_dir: &Path) -> (Driver, fantoccini::Client) {
    let driver = start_driver(
        session,
        data_dir,
        &Screenshots::new(session).log("tauri-driver-loop.log"),
    );
    let client = connect(&driver).await;
    (driver, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_1_1_loop_in_the_real_window_survives_a_kill_and_a_relaunch() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let received = install_mail_app(&session);

    // First run, keyring-protected, empty.
    let (driver, client) = launch(&session, &data_dir).await;
    wait_text(&client, "h1", "Welcome to Rapport").await;
    click(&client, "#create-store").await;
    wait_text(&client, "h1", "Today").await;

    // The manager's name, used in what is shared.
    click(&client, "#nav-settings").await;
    type_into(&client, "#settings-name", "Sam Rivera").await;
    click(&client, "#settings-save").await;
    wait_text(&client, "body", "Settings saved").await;

    // Add a person.
    click(&client, "#add-person").await;
    type_into(&client, "#person-name", "John Smith").await;
    type_into(&client, "#person-email", "john.smith@example.com").await;
    type_into(&client, "#person-role", "Recruiter").await;
    set_value(&client, "#person-level", "junior").await;
    type_into(&client, "#person-focus", "Client communication").await;
    shots.take(&client, "loop-01-add-person").await;
    click(&client, "#person-save").await;
    wait_text(&client, "#person-title", "John Smith").await;

    // Schedule a weekly 1:1, Thursdays 14:00 in Paris.
    click(&client, "#person-schedule").await;
    set_value(&client, "#series-frequency", "weekly").await;
    set_value(&client, "#series-weekday", "thu").await;
    set_value(&client, "#series-time", "14:00").await;
    set_value(&client, "#series-zone", "Europe/Paris").await;
    shots.take(&client, "loop-02-schedule").await;
    click(&client, "#series-save").await;
    wait_text(&client, "body", "Weekly on Thursday at 14:00").await;

    // A win, logged any time.
    click(&client, "#person-log").await;
    type_into(&client, "#highlight-text", "Placed Kevin Lee at Oracle").await;
    click(&client, "#highlight-save").await;
    wait_text(&client, "#person-highlights", "Placed Kevin Lee at Oracle").await;
    shots.take_in_both_themes(&client, "loop-03-person").await;

    // TC-001: prepare.
    click(&client, "#person-prepare").await;
    wait_text(&client, "#prep-title", "John Smith").await;
    wait_text(&client, "#prep-last", "No 1:1 yet").await;
    wait_text(&client, "#prep-next", "").await;
    wait_text(&client, "#prep-wins", "Placed Kevin Lee at Oracle").await;
    wait_text(
        &client,
        "#prep-talking-points",
        "Placed Kevin Lee at Oracle",
    )
    .await;
    type_into(&client, "#prep-notes", "Start with the Oracle win").await;
    click(&client, "#save-prep-notes").await;
    wait_text(&client, "#toast", "Prep notes saved").await;
    shots.take_in_both_themes(&client, "loop-04-prepare").await;

    // TC-002: start; the timer runs, the agenda loads, the notes are enabled.
    click(&client, "#start-session").await;
    wait_text(&client, "#session-title", "John Smith").await;
    wait_count(&client, "#agenda li[data-agenda-id]", 6).await;
    let t0 = timer_seconds(&wait_text(&client, "#session-timer", ":").await);
    wait_until(
        &format!("the session timer to run past {t0}s"),
        PATIENCE,
        || async {
            let t1 = timer_seconds(&text_of(&client, "#session-timer").await.unwrap());
            if t1 > t0 {
                Ok(())
            } else {
                Err(format!("it shows {t1}s"))
            }
        },
    )
    .await;
    click(
        &client,
        "#agenda li[data-agenda-id]:nth-child(1) input[type=checkbox]",
    )
    .await;
    click(
        &client,
        "#agenda li[data-agenda-id]:nth-child(2) input[type=checkbox]",
    )
    .await;
    type_into(&client, "#live-notes", "Wins: Oracle placement").await;
    type_into(&client, "#private-notes", "PRIVATE coaching idea").await;

    // TC-003: two action items, one per owner.
    for (title, owner, due) in [
        ("Complete LinkedIn training", "ic", "2030-12-01"),
        ("Escalate Google stale jobs", "manager", ""),
    ] {
        // The row stays open after an Add, for the next item.
        if text_of(&client, "#action-title").await.is_none() {
            click(&client, "#add-action").await;
        }
        type_into(&client, "#action-title", title).await;
        set_value(&client, "#action-owner", owner).await;
        set_value(&client, "#action-due", due).await;
        click(&client, "#action-save").await;
        wait_text(&client, "#session-actions", title).await;
    }
    let actions = text_of(&client, "#session-actions").await.unwrap();
    assert!(actions.contains("John"), "{actions}");
    assert!(actions.contains("Ongoing"), "{actions}");
    shots.take(&client, "loop-05b-session-actions-light").await;
    client
        .execute("document.querySelector('main').scrollTo(0, 0)", vec![])
        .await
        .unwrap();
    shots.take_in_both_themes(&client, "loop-05-session").await;

    // Typing, then the app is killed: at most two seconds of typing may be lost.
    let live = client
        .find(fantoccini::Locator::Css("#live-notes"))
        .await
        .unwrap();
    live.send_keys("\u{E007}Typed before the crash")
        .await
        .unwrap();
    // The kill comes as late as the promise allows, not after a save is seen.
    tokio::time::sleep(AUTOSAVE_PROMISE).await;
    let before_kill = timer_seconds(&text_of(&client, "#session-timer").await.unwrap());
    let pids = app_pids(&data_dir);
    assert!(!pids.is_empty(), "the app process is running");
    assert!(
        session.bus_name_owned(SINGLE_INSTANCE_NAME),
        "the running app holds {SINGLE_INSTANCE_NAME}"
    );
    for pid in &pids {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
    wait_until_app_gone(&session, &data_dir, "the killed app to be gone").await;
    drop(client);
    drop(driver);
    let killed_at = Instant::now();

    // Relaunch: the session is still running, its timer resumed from the stored start.
    let (driver, client) = launch(&session, &data_dir).await;
    wait_text(&client, "h1", "Today").await;
    wait_text(&client, "#today-upcoming", "In progress").await;
    shots.take(&client, "loop-06-today-in-progress").await;
    click(&client, "#today-upcoming li[data-meeting-id] button.resume").await;
    wait_text(&client, "#session-title", "John Smith").await;
    let resumed = timer_seconds(&wait_text(&client, "#session-timer", ":").await);
    let away = killed_at.elapsed().as_secs();
    assert!(
        resumed >= before_kill + away,
        "timer resumed at {resumed}s; it showed {before_kill}s at the kill, {away}s ago"
    );
    let notes = value_of(&client, "#live-notes").await;
    assert!(
        notes.contains("Typed before the crash"),
        "typing lost by the kill: {notes:?}"
    );
    assert_eq!(
        value_of(&client, "#private-notes").await,
        "PRIVATE coaching idea"
    );
    assert!(
        notes.contains("Oracle placement\nTyped before the crash"),
        "Enter starts a new line: {notes:?}"
    );
    wait_count(&client, "#session-actions li[data-action-id]", 2).await;
    assert!(
        is_checked(
            &client,
            "#agenda li[data-agenda-id]:nth-child(1) input[type=checkbox]"
        )
        .await
    );

    // TC-004: end, share live notes only, schedule the next weekly 1:1.
    click(&client, "#end-session").await;
    wait_text(&client, "#summary-agenda", "2/6").await;
    let duration = timer_seconds(&text_of(&client, "#summary-duration").await.unwrap());
    assert!(duration >= resumed, "{duration} < {resumed}");
    assert!(is_checked(&client, "#share-live").await);
    assert!(!is_checked(&client, "#share-private").await);
    let preview = wait_text(&client, "#summary-preview", "Oracle placement").await;
    assert!(!preview.contains("PRIVATE"), "{preview}");
    assert!(is_checked(&client, "#next-recurring").await);
    shots.take_in_both_themes(&client, "loop-07-summary").await;
    click(&client, "#save-session").await;
    wait_text(&client, "#toast", "Next session scheduled").await;
    click(&client, "#copy-shared-notes").await;
    wait_text(&client, "#toast", "copied").await;
    let clipboard = session
        .command("xclip")
        .args(["-selection", "clipboard", "-o"])
        .output()
        .expect("xclip (make deps-test installs it)");
    let clipboard = String::from_utf8_lossy(&clipboard.stdout).to_string();
    assert!(clipboard.contains("# 1:1 Sam / John"), "{clipboard}");
    assert!(clipboard.contains("Typed before the crash"), "{clipboard}");
    assert!(
        clipboard.contains("Complete LinkedIn training — John Smith"),
        "{clipboard}"
    );
    assert!(!clipboard.contains("PRIVATE"), "{clipboard}");
    assert!(!clipboard.contains("Oracle win"), "prep notes: {clipboard}");
    shots.take(&client, "loop-08-saved").await;

    // The e-mail draft opens in the default mail app: to John, the invite attached.
    click(&client, "#email-shared-notes").await;
    wait_text(&client, "#toast", "E-mail draft to John opened").await;
    // The desktop starts the mail app on its own, after the app returned.
    let eml = wait_until("the mail app to get the draft", PATIENCE, || async {
        std::fs::read(&received).map_err(|e| e.to_string())
    })
    .await;
    let raw = String::from_utf8_lossy(&eml).to_string();
    assert!(raw.contains("X-Unsent: 1"), "{raw}");
    let message = mail_parser::MessageParser::default()
        .parse(&eml)
        .expect("a MIME message");
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address());
    assert_eq!(to, Some("john.smith@example.com"));
    let text = message.body_text(0).unwrap_or_default().to_string();
    assert!(text.contains("Typed before the crash"), "{text}");
    assert!(!text.contains("PRIVATE"), "{text}");
    let invite = message
        .attachments()
        .find(|a| a.is_content_type("text", "calendar"))
        .expect("the invite is attached");
    let invite = String::from_utf8_lossy(invite.contents()).to_string();
    assert!(invite.contains("BEGIN:VEVENT"), "{invite}");
    assert!(!invite.contains("PRIVATE"), "{invite}");

    // The invite and the shared notes from the command line, on the same store.
    let ics_path = session.dir.path().join("john.ics");
    let out = support::rapport(
        Some(&session),
        &data_dir,
        &[
            "export",
            "ics",
            "--person",
            "John Smith",
            "--out",
            ics_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", support::text(&out));
    let ics = std::fs::read_to_string(&ics_path).unwrap();
    for field in [
        "BEGIN:VCALENDAR",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "RRULE:FREQ=WEEKLY",
        "john.smith@example.com",
    ] {
        assert!(ics.contains(field), "{field} missing:\n{ics}");
    }
    assert!(!ics.contains("PRIVATE"), "{ics}");
    let md_path = session.dir.path().join("notes.md");
    let out = support::rapport(
        Some(&session),
        &data_dir,
        &[
            "export",
            "shared",
            "--person",
            "John Smith",
            "--meeting",
            "last",
            "--format",
            "md",
            "--out",
            md_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", support::text(&out));
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.contains("Typed before the crash"), "{md}");
    assert!(
        !md.contains("PRIVATE") && !md.contains("Oracle win"),
        "{md}"
    );

    // TC-005: the IC's item is done; the next prep shows it.
    click(&client, "#back-to-person").await;
    wait_text(&client, "#person-share-log", "e-mail draft").await;
    // The next weekly 1:1 is on the calendar: a Thursday.
    wait_text(&client, "#person-next", "Thu").await;
    wait_text(
        &client,
        "#person-actions-theirs",
        "Complete LinkedIn training",
    )
    .await;
    set_value(
        &client,
        "#person-actions-theirs li[data-action-id] select",
        "done",
    )
    .await;
    wait_text(&client, "#person-history", "").await;
    click(&client, "#person-prepare").await;
    wait_text(&client, "#prep-last", "(today)").await;
    wait_text(&client, "#prep-count", "1 total").await;
    let row = wait_text(&client, "#prep-actions", "Complete LinkedIn training").await;
    assert!(row.contains("Done"), "{row}");
    client.close().await.unwrap();
    wait_until_app_gone(&session, &data_dir, "the app to close with its session").await;
    drop(driver);

    // Quit and relaunch: everything is there.
    let (_driver, client) = launch(&session, &data_dir).await;
    wait_text(&client, "h1", "Today").await;
    wait_text(&client, "#people-count", "1 person").await;
    shots.take_in_both_themes(&client, "loop-09-today").await;
    click(&client, "nav[aria-label='People'] button[data-person-id]").await;
    wait_text(&client, "#person-next", "Thu").await;
    click(&client, "#person-history .history-item button").await;
    wait_text(&client, "#person-history", "Typed before the crash").await;
    wait_text(&client, "#person-history", "PRIVATE coaching idea").await;
    wait_text(
        &client,
        "#person-actions-mine",
        "Escalate Google stale jobs",
    )
    .await;
    shots.take(&client, "loop-10-person-history").await;
    click(&client, "#nav-templates").await;
    wait_text(&client, "body", "Standard weekly").await;
    shots
        .take_in_both_themes(&client, "loop-11-templates")
        .await;
    client.close().await.unwrap();
}
