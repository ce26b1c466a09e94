//! End to end: leaving Rapport never loses typing. Notes typed a moment
//! before Ctrl+Q, the tray's Quit, a SIGTERM (the desktop session ending)
//! or closing the window are there after a relaunch, though each comes
//! sooner than the autosave's own pause would have saved them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use fantoccini::{Client, Locator};
use std::path::PathBuf;
use std::time::Duration;
use support::tray_host::{Item, TrayHost};
use support::webdriver::{
    app_pids, click, store_recovery_key, type_into, value_of, wait_text, wait_until_app_gone, App,
    Screenshots,
};
use support::{wait_until, Services, Session, PATIENCE};

/// The window comes up by itself this long after launch, should its page
/// never say it is ready (src-tauri/src/first_show.rs), unless it started
/// minimised to the tray.
const FIRST_SHOW_AT_THE_LATEST: Duration = Duration::from_secs(3);

/// WebDriver's keys: Enter, Control, and "release every modifier".
const ENTER: &str = "\u{E007}";
const CONTROL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";

struct Run<'s> {
    session: &'s Session,
    tray: TrayHost,
    data_dir: PathBuf,
    log: PathBuf,
    app: Option<App>,
    /// The tray icon of the running app.
    item: Option<Item>,
}

impl<'s> Run<'s> {
    fn client(&self) -> &Client {
        &self.app.as_ref().expect("the app is running").client
    }

    async fn launch(&mut self) {
        self.launch_with_args(&[]).await;
    }

    async fn launch_with_args(&mut self, args: &[&str]) {
        let before = self.item.take().map(|i| i.sender);
        self.app = Some(App::launch_with_args(self.session, &self.data_dir, &self.log, args).await);
        // The relaunched app registers a tray icon of its own.
        let tray = &self.tray;
        let item = wait_until("the app's tray icon", PATIENCE, || async {
            let item = tray.wait_for_item(PATIENCE);
            if Some(&item.sender) == before.as_ref() {
                Err(format!("still the old icon of {}", item.sender))
            } else {
                Ok(item)
            }
        })
        .await;
        self.item = Some(item);
    }

    /// First run, a person, and a 1:1 started now.
    async fn start_a_session(&mut self) {
        self.launch().await;
        let c = self.client();
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
    }

    /// Types into the live notes.
    async fn type_notes(&self, text: &str) {
        self.send_keys_to_notes(text).await.unwrap();
    }

    async fn send_keys_to_notes(&self, text: &str) -> Result<(), fantoccini::error::CmdError> {
        let notes = self
            .client()
            .find(Locator::Css("#live-notes"))
            .await
            .unwrap();
        notes.send_keys(text).await
    }

    /// The app ended by itself; its WebDriver session went with it.
    async fn gone(&mut self, how: &str) {
        wait_until_app_gone(self.session, &self.data_dir, how).await;
        self.app.take().expect("the app was running").abandon();
    }

    /// Relaunches and returns the live notes of the running 1:1.
    async fn relaunch_and_read_notes(&mut self) -> String {
        self.launch().await;
        let c = self.client();
        wait_text(c, "#today-upcoming", "In progress").await;
        click(c, "#today-upcoming li[data-meeting-id] button.resume").await;
        wait_text(c, "#session-title", "Ada Okafor").await;
        value_of(c, "#live-notes").await
    }

    fn pids(&self) -> Vec<u32> {
        let pids = app_pids(&self.data_dir);
        assert!(!pids.is_empty(), "the app is running");
        pids
    }

    /// The id of a tray menu entry, read before it is needed so that the
    /// click itself comes at once.
    fn tray_entry(&self, label: &str) -> i32 {
        let item = self.item.as_ref().expect("a tray icon");
        let menu = item.menu(self.session);
        menu.iter()
            .find(|(_, l)| l == label)
            .map(|(id, _)| *id)
            .unwrap_or_else(|| panic!("no {label:?} in {menu:?}"))
    }
}

fn signal(pids: &[u32], name: &str) {
    for pid in pids {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} {pid}");
    }
}

async fn window_visible(client: &Client) -> bool {
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

/// Waits until the window is shown (`visible`) or hidden.
async fn wait_for_window(client: &Client, visible: bool, what: &str) {
    wait_until(what, PATIENCE, || async {
        if window_visible(client).await == visible {
            Ok(())
        } else if visible {
            Err("still hidden".to_string())
        } else {
            Err("still visible".to_string())
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_survives_every_way_of_leaving() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: false,
    });
    let shots = Screenshots::new(&session);
    let mut run = Run {
        session: &session,
        tray: TrayHost::start(&session),
        data_dir: session.dir.path().join("data"),
        log: shots.log("tauri-driver-quit.log"),
        app: None,
        item: None,
    };
    run.start_a_session().await;

    // Ctrl+Q on the same keystrokes as the typing. The app may be gone
    // before WebDriver answers.
    let _ = run
        .send_keys_to_notes(&format!("Said just before Ctrl+Q{CONTROL}q{RELEASE}"))
        .await;
    run.gone("Ctrl+Q to end Rapport").await;
    let notes = run.relaunch_and_read_notes().await;
    assert_eq!(notes, "Said just before Ctrl+Q");

    // The desktop session ends: SIGTERM right after the typing.
    run.type_notes(&format!("{ENTER}Said just before SIGTERM"))
        .await;
    signal(&run.pids(), "TERM");
    run.gone("SIGTERM to end Rapport").await;
    let notes = run.relaunch_and_read_notes().await;
    assert_eq!(notes, "Said just before Ctrl+Q\nSaid just before SIGTERM");

    // The tray's Quit.
    let quit = run.tray_entry("Quit Rapport");
    run.type_notes(&format!("{ENTER}Said just before the tray's Quit"))
        .await;
    run.item
        .as_ref()
        .expect("a tray icon")
        .click(&session, quit);
    run.gone("the tray's Quit to end Rapport").await;
    let notes = run.relaunch_and_read_notes().await;
    assert!(
        notes.ends_with("SIGTERM\nSaid just before the tray's Quit"),
        "{notes:?}"
    );

    // Closing the window hides it once the typing is saved: a kill right
    // after it is hidden loses nothing.
    run.type_notes(&format!("{ENTER}Said just before closing the window"))
        .await;
    run.client()
        .execute(
            "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' })",
            vec![],
        )
        .await
        .unwrap();
    wait_for_window(run.client(), false, "the window to hide").await;
    signal(&run.pids(), "KILL");
    run.gone("the killed app to be gone").await;
    let notes = run.relaunch_and_read_notes().await;
    assert!(
        notes.ends_with("Quit\nSaid just before closing the window"),
        "{notes:?}"
    );

    // Every way out above was answered by the window, none left to the
    // time limit.
    let log = support::webdriver::app_log(&session);
    assert_eq!(log.matches("quitting").count(), 3, "{log}");
    assert!(
        !log.contains("did not confirm that pending typing was saved"),
        "{log}"
    );

    // Started minimised to the tray (at login): the window stays hidden once
    // its page has drawn the first screen, and after the time by which a
    // page that never finished loading would have been shown anyway; the
    // tray's Open brings it up.
    run.app
        .take()
        .expect("the app is running")
        .quit(&session, &run.data_dir)
        .await;
    run.launch_with_args(&["--minimized"]).await;
    let c = run.client();
    wait_text(c, "#today-upcoming", "In progress").await;
    tokio::time::sleep(FIRST_SHOW_AT_THE_LATEST + Duration::from_millis(500)).await;
    assert!(
        !window_visible(c).await,
        "a window started minimised came up by itself"
    );
    let open = run.tray_entry("Open Rapport");
    run.item
        .as_ref()
        .expect("a tray icon")
        .click(&session, open);
    let c = run.client();
    wait_for_window(c, true, "the tray's Open to show the window").await;
    click(c, "#today-upcoming li[data-meeting-id] button.resume").await;
    wait_text(c, "#session-title", "Ada Okafor").await;
    assert!(
        value_of(c, "#live-notes")
            .await
            .ends_with("Said just before closing the window"),
        "the notes of the running 1:1 after the minimised start"
    );
    run.app
        .take()
        .expect("the app is running")
        .quit(&session, &run.data_dir)
        .await;
}
