//! End to end, the 1:1 loop in the real window (TC-001 to TC-005): add a
//! person, schedule a weekly 1:1, log a win, prepare and save prep notes,
//! start the session, check agenda items, type live and private notes, add
//! two action items; kill the app mid-session and find the typing and the
//! running timer after a relaunch; end, save and schedule the next 1:1, copy
//! the shared notes; mark the IC's item done and see it at the next prep;
//! quit, relaunch and find everything. Screenshots of every screen go to
//! target/e2e-screenshots/.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use fantoccini::Client;
use mail_parser::MimeHeaders;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::desktop::install_desktop_apps;
use support::sockets::{is_loopback, network_sockets, Socket, SocketWatch, Watched};
use support::webdriver::{
    app_pids, assert_clear_of, click, is_checked, set_value, store_recovery_key, text_of,
    type_into, value_of, wait_count, wait_text, wait_until_app_gone, App, Screenshots,
    SINGLE_INSTANCE_NAME,
};
use support::{wait_until, Services, Session, PATIENCE};

/// A link typed into the notes, opened from the history.
const JOB_BOARD: &str = "https://jobs.example.com/board";

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

/// One walk through the loop: one test session and store, and the app while
/// it runs. Each step starts where the one before left the window.
struct Walk<'s> {
    session: &'s Session,
    data_dir: PathBuf,
    shots: Screenshots<'s>,
    /// Where the stand-in mail app puts the draft it receives.
    mail_received: PathBuf,
    /// Where the stand-in browser puts the address it is asked to open.
    browser_received: PathBuf,
    app: Option<App>,
}

impl<'s> Walk<'s> {
    async fn start(session: &'s Session) -> Walk<'s> {
        let (mail_received, browser_received) = install_desktop_apps(session);
        let mut walk = Walk {
            session,
            data_dir: session.dir.path().join("data"),
            shots: Screenshots::new(session),
            mail_received,
            browser_received,
            app: None,
        };
        walk.launch().await;
        walk
    }

    async fn launch(&mut self) {
        let log = self.shots.log("tauri-driver-loop.log");
        self.app = Some(App::launch(self.session, &self.data_dir, &log).await);
    }

    fn client(&self) -> &Client {
        &self.app.as_ref().expect("the app is running").client
    }

    /// First run, keyring-protected, empty; the manager's name, used in what
    /// is shared.
    async fn first_run(&self) {
        let c = self.client();
        wait_text(c, "h1", "Welcome to Rapport").await;
        click(c, "#create-store").await;
        store_recovery_key(c).await;
        click(c, "#nav-settings").await;
        type_into(c, "#settings-name", "Sam Rivera").await;
        click(c, "#settings-save").await;
        wait_text(c, "body", "Settings saved").await;
    }

    /// A person, then a weekly 1:1, Thursdays 14:00 in Paris.
    async fn add_person_and_series(&self) {
        let c = self.client();
        click(c, "#add-person").await;
        type_into(c, "#person-name", "John Smith").await;
        type_into(c, "#person-email", "john.smith@example.com").await;
        type_into(c, "#person-role", "Recruiter").await;
        set_value(c, "#person-level", "junior").await;
        type_into(c, "#person-focus", "Client communication").await;
        self.shots.take(c, "loop-01-add-person").await;
        click(c, "#person-save").await;
        wait_text(c, "#person-title", "John Smith").await;

        click(c, "#person-schedule").await;
        set_value(c, "#series-frequency", "weekly").await;
        set_value(c, "#series-weekday", "thu").await;
        // Typed on the 12-hour clock; the field writes it back as every
        // other time in the window is written.
        set_value(c, "#series-time", "2 pm").await;
        let field_says = value_of(c, "#series-time").await;
        set_value(c, "#series-zone", "Europe/Paris").await;
        self.shots.take(c, "loop-02-schedule").await;
        click(c, "#series-save").await;
        // One time format: the series and its next 1:1 write 14:00 the same
        // way, as the locale does ("14:00" or "2:00 PM").
        let series = wait_text(c, ".series-text", "Weekly on Thursday at ").await;
        let next = wait_text(c, "#person-next .next-when", "").await;
        let clock = if series.contains("at 14:00 ") {
            "14:00"
        } else {
            "2:00 PM"
        };
        assert!(
            series.contains(&format!("at {clock} (Europe/Paris)")) && next.contains(clock),
            "series {series:?}, next 1:1 {next:?}"
        );
        assert_eq!(field_says, clock, "the time field, beside {series:?}");
        // A new series offers to invite John; Done sends nothing.
        wait_text(c, "#send-series-invite", "Send invite").await;
        self.shots.take(c, "loop-02b-series-invite-light").await;
        // The theme control is behind the modal dialog: the dark look is set
        // on the page the way the control sets it, then put back.
        let scheme = |s: &'static str| {
            c.execute(
                "document.documentElement.setAttribute('data-scheme', arguments[0])",
                vec![serde_json::json!(s)],
            )
        };
        scheme("dark").await.unwrap();
        self.shots.take(c, "loop-02b-series-invite-dark").await;
        scheme("light").await.unwrap();
        click(c, "#share-done").await;
    }

    /// A win, logged any time.
    async fn log_a_win(&self) {
        let c = self.client();
        click(c, "#person-log").await;
        type_into(c, "#highlight-text", "Placed Kevin Lee at Oracle").await;
        click(c, "#highlight-save").await;
        wait_text(c, "#person-highlights", "Placed Kevin Lee at Oracle").await;
        self.shots.take_in_both_themes(c, "loop-03-person").await;
    }

    /// TC-001: the prepare screen gathers the win; prep notes are saved.
    async fn prepare(&self) {
        let c = self.client();
        click(c, "#person-prepare").await;
        wait_text(c, "#prep-title", "John Smith").await;
        wait_text(c, "#prep-last", "No 1:1 yet").await;
        wait_text(c, "#prep-next", "").await;
        wait_text(c, "#prep-wins", "Placed Kevin Lee at Oracle").await;
        wait_text(c, "#prep-talking-points", "Placed Kevin Lee at Oracle").await;
        type_into(c, "#prep-notes", "Start with the Oracle win").await;
        click(c, "#save-prep-notes").await;
        wait_text(c, "#toast", "Prep notes saved").await;
        assert_clear_of(c, "#toast", ".meeting-footer").await;
        self.shots.take_in_both_themes(c, "loop-04-prepare").await;
    }

    /// TC-002 and TC-003: start; the timer runs, the agenda loads, two items
    /// are checked, live and private notes typed, two action items added,
    /// one per owner.
    async fn run_session(&self) {
        let c = self.client();
        click(c, "#start-session").await;
        wait_text(c, "#session-title", "John Smith").await;
        wait_count(c, "#agenda li[data-agenda-id]", 6).await;
        let t0 = timer_seconds(&wait_text(c, "#session-timer", ":").await);
        wait_until(
            &format!("the session timer to run past {t0}s"),
            PATIENCE,
            || async {
                let t1 = timer_seconds(&text_of(c, "#session-timer").await.unwrap());
                if t1 > t0 {
                    Ok(())
                } else {
                    Err(format!("it shows {t1}s"))
                }
            },
        )
        .await;
        click(
            c,
            "#agenda li[data-agenda-id]:nth-child(1) input[type=checkbox]",
        )
        .await;
        click(
            c,
            "#agenda li[data-agenda-id]:nth-child(2) input[type=checkbox]",
        )
        .await;
        type_into(c, "#live-notes", "Wins: Oracle placement").await;
        type_into(c, "#private-notes", "PRIVATE coaching idea").await;

        for (title, owner, due) in [
            ("Complete LinkedIn training", "ic", "2030-12-01"),
            ("Escalate Google stale jobs", "manager", ""),
        ] {
            // The row stays open after an Add, for the next item.
            if text_of(c, "#action-title").await.is_none() {
                click(c, "#add-action").await;
            }
            type_into(c, "#action-title", title).await;
            set_value(c, "#action-owner", owner).await;
            set_value(c, "#action-due", due).await;
            click(c, "#action-save").await;
            wait_text(c, "#session-actions", title).await;
        }
        let actions = text_of(c, "#session-actions").await.unwrap();
        assert!(actions.contains("John"), "{actions}");
        assert!(actions.contains("Ongoing"), "{actions}");
        self.shots.take(c, "loop-05b-session-actions-light").await;
        c.execute("document.querySelector('main').scrollTo(0, 0)", vec![])
            .await
            .unwrap();
        self.shots.take_in_both_themes(c, "loop-05-session").await;
    }

    /// More typing, then the app is killed; after a relaunch the session is
    /// still running, its timer resumed from the stored start, the typing
    /// kept. Returns the timer's seconds at the resume.
    async fn kill_and_relaunch(&mut self) -> u64 {
        let c = self.client();
        let live = c
            .find(fantoccini::Locator::Css("#live-notes"))
            .await
            .unwrap();
        live.send_keys("\u{E007}Typed before the crash")
            .await
            .unwrap();
        // The kill comes as late as the promise allows, not after a save is seen.
        tokio::time::sleep(AUTOSAVE_PROMISE).await;
        let before_kill = timer_seconds(&text_of(c, "#session-timer").await.unwrap());
        let pids = app_pids(&self.data_dir);
        assert!(!pids.is_empty(), "the app process is running");
        assert!(
            self.session.bus_name_owned(SINGLE_INSTANCE_NAME),
            "the running app holds {SINGLE_INSTANCE_NAME}"
        );
        for pid in &pids {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        wait_until_app_gone(self.session, &self.data_dir, "the killed app to be gone").await;
        self.app.take().expect("the app was running").abandon();
        let killed_at = Instant::now();

        self.launch().await;
        let c = self.client();
        wait_text(c, "h1", "Today").await;
        wait_text(c, "#today-upcoming", "In progress").await;
        self.shots.take(c, "loop-06-today-in-progress").await;
        click(c, "#today-upcoming li[data-meeting-id] button.resume").await;
        wait_text(c, "#session-title", "John Smith").await;
        let resumed = timer_seconds(&wait_text(c, "#session-timer", ":").await);
        let away = killed_at.elapsed().as_secs();
        assert!(
            resumed >= before_kill + away,
            "timer resumed at {resumed}s; it showed {before_kill}s at the kill, {away}s ago"
        );
        let notes = value_of(c, "#live-notes").await;
        assert!(
            notes.contains("Typed before the crash"),
            "typing lost by the kill: {notes:?}"
        );
        assert_eq!(value_of(c, "#private-notes").await, "PRIVATE coaching idea");
        assert!(
            notes.contains("Oracle placement\nTyped before the crash"),
            "Enter starts a new line: {notes:?}"
        );
        wait_count(c, "#session-actions li[data-action-id]", 2).await;
        assert!(
            is_checked(
                c,
                "#agenda li[data-agenda-id]:nth-child(1) input[type=checkbox]"
            )
            .await
        );
        // A link for the history to show later; ending the session saves it.
        let live = c
            .find(fantoccini::Locator::Css("#live-notes"))
            .await
            .unwrap();
        live.send_keys(&format!("\u{E007}Job board: {JOB_BOARD}"))
            .await
            .unwrap();
        resumed
    }

    /// TC-004: end, share the live notes only, schedule the next weekly 1:1,
    /// copy the shared notes.
    async fn end_and_share(&self, resumed: u64) {
        let c = self.client();
        click(c, "#end-session").await;
        wait_text(c, "#summary-agenda", "2/6").await;
        let duration = timer_seconds(&text_of(c, "#summary-duration").await.unwrap());
        assert!(duration >= resumed, "{duration} < {resumed}");
        assert!(is_checked(c, "#share-live").await);
        assert!(!is_checked(c, "#share-private").await);
        let preview = wait_text(c, "#summary-preview", "Oracle placement").await;
        assert!(!preview.contains("PRIVATE"), "{preview}");
        assert!(is_checked(c, "#next-recurring").await);
        self.shots.take_in_both_themes(c, "loop-07-summary").await;
        click(c, "#save-session").await;
        wait_text(c, "#toast", "Next session scheduled").await;
        click(c, "#copy-shared-notes").await;
        wait_text(c, "#toast", "copied").await;
        let clipboard = self
            .session
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
        self.shots.take(c, "loop-08-saved").await;
    }

    /// The e-mail draft opens in the default mail app: to John, the invite
    /// attached, nothing private.
    async fn email_the_draft(&self) {
        let c = self.client();
        click(c, "#email-shared-notes").await;
        wait_text(c, "#toast", "E-mail draft to John opened").await;
        // The desktop starts the mail app on its own, after the app returned.
        let eml = wait_until("the mail app to get the draft", PATIENCE, || async {
            std::fs::read(&self.mail_received).map_err(|e| e.to_string())
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
    }

    /// The invite and the shared notes from the command line, on the same
    /// store the window has open.
    fn export_from_the_cli(&self) {
        let ics_path = self.session.dir.path().join("john.ics");
        let out = support::rapport(
            Some(self.session),
            &self.data_dir,
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
        let md_path = self.session.dir.path().join("notes.md");
        let out = support::rapport(
            Some(self.session),
            &self.data_dir,
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
    }

    /// TC-005: the share is logged, the next weekly 1:1 is on the calendar
    /// (a Thursday); the IC's item is done and the next prep shows it.
    async fn next_prep(&self) {
        let c = self.client();
        click(c, "#back-to-person").await;
        wait_text(c, "#person-share-log", "e-mail draft").await;
        wait_text(c, "#person-next", "Thu").await;
        wait_text(c, "#person-actions-theirs", "Complete LinkedIn training").await;
        set_value(
            c,
            "#person-actions-theirs li[data-action-id] select",
            "done",
        )
        .await;
        wait_text(c, "#person-history", "").await;
        click(c, "#person-prepare").await;
        wait_text(c, "#prep-last", "(today)").await;
        wait_text(c, "#prep-count", "1 total").await;
        let row = wait_text(c, "#prep-actions", "Complete LinkedIn training").await;
        assert!(row.contains("Done"), "{row}");
    }

    /// Quit and relaunch: everything is there, private notes included.
    async fn quit_and_relaunch(&mut self) {
        self.quit().await;
        self.launch().await;
        let c = self.client();
        wait_text(c, "h1", "Today").await;
        wait_text(c, "#people-count", "1 person").await;
        // The 1:1 planned at the end is named, in the week's list or after it.
        wait_text(c, "#today-upcoming, #next-after-week", "John Smith").await;
        self.shots.take_in_both_themes(c, "loop-09-today").await;
        click(c, "nav[aria-label='People'] button[data-person-id]").await;
        wait_text(c, "#person-next", "Thu").await;
        click(c, "#person-history .history-item button").await;
        wait_text(c, "#person-history", "Typed before the crash").await;
        wait_text(c, "#person-history", "PRIVATE coaching idea").await;
        wait_text(c, "#person-actions-mine", "Escalate Google stale jobs").await;
        self.shots.take(c, "loop-10-person-history").await;
        self.open_a_link_from_the_notes().await;
        click(c, "#nav-templates").await;
        wait_text(c, "body", "Standard weekly").await;
        self.shots.take_in_both_themes(c, "loop-11-templates").await;
    }

    /// A link in the notes opens in the browser only once the manager says
    /// so, and the window stays on the app.
    async fn open_a_link_from_the_notes(&self) {
        let c = self.client();
        let link = format!("#person-history [data-href='{JOB_BOARD}']");
        click(c, "label[for=theme-dark]").await;
        click(c, &link).await;
        let question = format!("Open {JOB_BOARD} in your browser?");
        wait_text(c, "dialog", &question).await;
        self.shots.take(c, "loop-10b-open-link-dark").await;
        click(c, "dialog button.button:not(#open-link)").await;
        wait_count(c, "dialog", 0).await;
        click(c, "label[for=theme-light]").await;
        click(c, &link).await;
        wait_text(c, "dialog", &question).await;
        self.shots.take(c, "loop-10b-open-link-light").await;
        assert!(
            !self.browser_received.exists(),
            "the browser was asked before the manager confirmed"
        );
        click(c, "#open-link").await;
        wait_count(c, "dialog", 0).await;
        let opened = wait_until("the browser to get the link", PATIENCE, || async {
            std::fs::read_to_string(&self.browser_received).map_err(|e| e.to_string())
        })
        .await;
        assert_eq!(opened, JOB_BOARD);
        let url = c.current_url().await.unwrap();
        assert_ne!(url.scheme(), "https", "the window left the app: {url}");
        wait_text(c, "#person-history", "PRIVATE coaching idea").await;
    }

    async fn quit(&mut self) {
        let app = self.app.take().expect("the app is running");
        app.quit(self.session, &self.data_dir).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_1_1_loop_in_the_real_window_survives_a_kill_and_a_relaunch() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let watch = {
        let data_dir = data_dir.clone();
        SocketWatch::start(move || app_pids(&data_dir), Duration::from_millis(100))
    };
    let mut walk = Walk::start(&session).await;
    assert_eq!(walk.data_dir, data_dir);
    walk.first_run().await;
    walk.add_person_and_series().await;
    walk.log_a_win().await;
    walk.prepare().await;
    walk.run_session().await;
    let resumed = walk.kill_and_relaunch().await;
    walk.end_and_share(resumed).await;
    walk.email_the_draft().await;
    walk.export_from_the_cli();
    walk.next_prep().await;
    walk.quit_and_relaunch().await;
    walk.quit().await;
    the_log_holds_no_note_name_or_key(&session);
    no_network_socket_was_opened(watch.finish());
}

/// Rapport never goes on the network. Over the whole walk the app and every
/// process it started (WebKit's web and network processes) held Unix and
/// netlink sockets only, apart from the loopback connection through which
/// the WebDriver drives the window during a test.
fn no_network_socket_was_opened(watched: Watched) {
    assert!(
        watched.samples_with_processes >= 20,
        "the app was watched in only {} samples",
        watched.samples_with_processes
    );
    assert!(
        watched.sockets.iter().any(|s| s.table == "unix"),
        "no Unix socket seen: the watch did not read the app's sockets"
    );
    let driver_only =
        |s: &Socket| is_loopback(&s.local) && (is_loopback(&s.remote) || is_unbound(&s.remote));
    let network = network_sockets(
        &watched.sockets.iter().cloned().collect::<Vec<_>>(),
        driver_only,
    );
    assert!(
        network.is_empty(),
        "network sockets held by the app: {network:#?}"
    );
    eprintln!(
        "sockets seen over the walk ({} samples): {:?}",
        watched.samples_with_processes,
        watched.sockets.iter().fold(
            std::collections::BTreeMap::<&str, usize>::new(),
            |mut m, s| {
                *m.entry(s.table.as_str()).or_default() += 1;
                m
            }
        )
    );
}

/// A listening socket's remote address: all zeros.
fn is_unbound(address: &str) -> bool {
    address
        .rsplit_once(':')
        .is_some_and(|(host, port)| host.bytes().all(|b| b == b'0') && port == "0000")
}

/// The app logged the walk (two launches, a kill, a relaunch), and nothing
/// the manager typed, no name and no key is in the log.
fn the_log_holds_no_note_name_or_key(session: &Session) {
    let dir = support::webdriver::log_dir(session);
    let mut log = String::new();
    for entry in std::fs::read_dir(&dir).expect("the app's log directory") {
        log.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(log.contains("Rapport started"), "{log}");
    assert!(log.contains("store opened"), "{log}");
    for typed in [
        "Sam Rivera",
        "John Smith",
        "john.smith@example.com",
        "Recruiter",
        "Client communication",
        "Placed Kevin Lee at Oracle",
        "Start with the Oracle win",
        "Oracle placement",
        "PRIVATE coaching idea",
        "Typed before the crash",
        "jobs.example.com",
        "Complete LinkedIn training",
        "Escalate Google stale jobs",
    ] {
        assert!(!log.contains(typed), "the log holds {typed:?}:\n{log}");
    }
    // The keyring's key never appears either: no 64-hex-digit run.
    let hex_run = log
        .split(|c: char| !c.is_ascii_hexdigit())
        .any(|word| word.len() >= 64);
    assert!(!hex_run, "{log}");
}
