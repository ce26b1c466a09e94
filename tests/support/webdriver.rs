//! Driving the real app window over WebDriver (tauri-driver + WebKitWebDriver)
//! and capturing it from the virtual display.

use super::{poll_blocking, rapport_bin, wait_until, wait_until_blocking, Session, PATIENCE};
use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The app's name on the session bus while it runs (the single-instance
/// plugin's, from the app identifier): a launch that finds it taken hands its
/// arguments to the running instance and exits.
pub const SINGLE_INSTANCE_NAME: &str = "app.rapport.desktop.SingleInstance";

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn tauri_driver_path() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    let path = cargo_home.join("bin/tauri-driver");
    assert!(
        path.exists(),
        "tauri-driver is not installed: run `make deps` (cargo install tauri-driver --locked)"
    );
    path
}

pub struct Driver {
    child: Child,
    pub port: u16,
    log: PathBuf,
}

impl Driver {
    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // tauri-driver stops the WebKitWebDriver it started when it gets
        // SIGTERM; SIGKILL would leave that one running, orphaned, until the
        // session bus goes away.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let exited = poll_blocking(Duration::from_secs(10), || match self.child.try_wait() {
            Ok(Some(_)) => Ok(()),
            _ => Err(String::new()),
        });
        if exited.is_err() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// One HTTP GET on the loopback interface; the whole response, or why not.
fn http_get(port: u16, path: &str) -> Result<String, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|e| e.to_string())?;
    Ok(response)
}

/// Where the app under test writes its log.
pub fn log_dir(session: &Session) -> PathBuf {
    session.dir.path().join("app-log")
}

/// Everything the app under test has logged so far, all days' files together.
pub fn app_log(session: &Session) -> String {
    logs_in(&log_dir(session))
}

/// Every log file in `dir`, one after the other.
pub fn logs_in(dir: &Path) -> String {
    let mut log = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        log.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    log
}

pub fn start_driver(session: &Session, data_dir: &Path, log: &Path) -> Driver {
    let port = free_port();
    // Two ports asked for one after the other can come back the same: then
    // tauri-driver and WebKitWebDriver would fight over it.
    let native = std::iter::repeat_with(free_port)
        .find(|p| *p != port)
        .unwrap_or_default();
    let file = std::fs::File::create(log).unwrap();
    let child = session
        .command(tauri_driver_path())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("RAPPORT_DATA_DIR", data_dir)
        // The web view's own storage (the theme choice) and what the app writes
        // under the home directory (the autostart entry) stay inside the test too.
        .env("HOME", session.dir.path().join("home"))
        .env("XDG_DATA_HOME", session.dir.path().join("xdg-data"))
        .env("XDG_CONFIG_HOME", session.dir.path().join("xdg-config"))
        .env("XDG_CACHE_HOME", session.dir.path().join("xdg-cache"))
        .env("RAPPORT_LOG_DIR", log_dir(session))
        .env_remove("RAPPORT_PASSPHRASE")
        .stdout(Stdio::from(file.try_clone().unwrap()))
        .stderr(Stdio::from(file))
        .spawn()
        .expect("start tauri-driver");
    let mut driver = Driver {
        child,
        port,
        log: log.to_path_buf(),
    };
    // tauri-driver listens at once but starts WebKitWebDriver beside it, and
    // drops requests until that one listens too. A status that went through
    // both says the session request will reach a driver that is ready.
    wait_until_blocking("WebDriver to be ready", PATIENCE, || {
        if let Ok(Some(status)) = driver.child.try_wait() {
            panic!("tauri-driver exited ({status}):\n{}", driver.log_text());
        }
        let response = http_get(port, "/status")?;
        if response.contains("\"ready\":true") {
            Ok(())
        } else {
            Err(response)
        }
    });
    driver
}

pub async fn connect(driver: &Driver) -> Client {
    connect_to(driver, &rapport_bin()).await
}

/// A WebDriver session on another binary than the app under test (the
/// benchmark's minimal app, or a release build).
pub async fn connect_to(driver: &Driver, application: &Path) -> Client {
    connect_with_args(driver, application, &[]).await
}

/// A WebDriver session on `application` started with `args` (`--minimized`).
pub async fn connect_with_args(driver: &Driver, application: &Path, args: &[&str]) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": application, "args": args }),
    );
    let mut builder = ClientBuilder::native();
    builder.capabilities(caps);
    let url = format!("http://127.0.0.1:{}", driver.port);
    // Creating the session launches the app: WebKit's first start on a cold
    // machine is the slowest step of all.
    match tokio::time::timeout(2 * PATIENCE, builder.connect(&url)).await {
        Ok(Ok(client)) => client,
        Ok(Err(err)) => panic!("no WebDriver session: {err}\n{}", driver.log_text()),
        Err(_) => panic!(
            "the WebDriver session request hung for {} s\n{}",
            (2 * PATIENCE).as_secs(),
            driver.log_text()
        ),
    }
}

/// The app under test in its window, driven over WebDriver.
pub struct App {
    pub client: Client,
    driver: Driver,
}

impl App {
    /// Launches the app on `data_dir`; tauri-driver's log goes to `log`.
    pub async fn launch(session: &Session, data_dir: &Path, log: &Path) -> App {
        App::launch_with_args(session, data_dir, log, &[]).await
    }

    /// Launches the app with command-line `args` (`--minimized`).
    pub async fn launch_with_args(
        session: &Session,
        data_dir: &Path,
        log: &Path,
        args: &[&str],
    ) -> App {
        let driver = start_driver(session, data_dir, log);
        let client = connect_with_args(&driver, &rapport_bin(), args).await;
        App { client, driver }
    }

    /// Ends the WebDriver session, which closes the app, and returns once it
    /// is gone.
    pub async fn quit(self, session: &Session, data_dir: &Path) {
        let App { client, driver } = self;
        client.close().await.unwrap();
        wait_until_app_gone(session, data_dir, "the app to close with its session").await;
        drop(driver);
    }

    /// The app was ended some other way (killed, or quit from the tray):
    /// forget its session and stop its driver.
    pub fn abandon(self) {
        drop(self.client);
        drop(self.driver);
    }
}

/// Waits until no app process serves `data_dir` and its single-instance name
/// is free again: only then does the next launch become the running instance
/// instead of handing over to the old one and exiting.
pub async fn wait_until_app_gone(session: &Session, data_dir: &Path, what: &str) {
    wait_until(what, PATIENCE, || async {
        let pids = app_pids(data_dir);
        if !pids.is_empty() {
            return Err(format!("app processes {pids:?}"));
        }
        if session.bus_name_owned(SINGLE_INSTANCE_NAME) {
            return Err(format!("{SINGLE_INSTANCE_NAME} still owned"));
        }
        Ok(())
    })
    .await
}

/// The text of the first element matching `css` (innerText, so hidden parts
/// are left out), or None when there is none.
pub async fn text_of(client: &Client, css: &str) -> Option<String> {
    let value = client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? (e.innerText || e.textContent || '') : null",
            vec![serde_json::json!(css)],
        )
        .await
        .ok()?;
    value.as_str().map(str::to_string)
}

/// What the window shows, for failure messages.
async fn window_text(client: &Client) -> String {
    text_of(client, "body").await.unwrap_or_default()
}

/// Waits until the element matching `css` shows `expected`; returns its text.
pub async fn wait_text(client: &Client, css: &str, expected: &str) -> String {
    wait_until(
        &format!("{css:?} to show {expected:?}"),
        PATIENCE,
        || async {
            match text_of(client, css).await {
                Some(text) if text.contains(expected) => Ok(text),
                shown => Err(format!(
                    "{css:?} showed {shown:?}; the window shows:\n{}",
                    window_text(client).await
                )),
            }
        },
    )
    .await
}

/// Waits until `count` elements match `css`.
pub async fn wait_count(client: &Client, css: &str, count: usize) {
    wait_until(&format!("{count} of {css:?}"), PATIENCE, || async {
        let n = client
            .execute(
                "return document.querySelectorAll(arguments[0]).length",
                vec![serde_json::json!(css)],
            )
            .await
            .ok()
            .and_then(|v| v.as_u64())
            .unwrap_or(0) as usize;
        if n == count {
            Ok(())
        } else {
            Err(format!("saw {n}"))
        }
    })
    .await
}

/// Sets a form control's value the way a user's edit would (input and change
/// events), for controls WebDriver cannot type into reliably (select, date, time).
pub async fn set_value(client: &Client, css: &str, value: &str) {
    find(client, css).await;
    let found = client
        .execute(
            "const e = document.querySelector(arguments[0]); if (!e) return false;\
             e.focus(); e.value = arguments[1];\
             e.dispatchEvent(new Event('input', { bubbles: true }));\
             e.dispatchEvent(new Event('change', { bubbles: true })); return true",
            vec![serde_json::json!(css), serde_json::json!(value)],
        )
        .await
        .unwrap();
    assert_eq!(found, serde_json::json!(true), "no element {css}");
}

/// Whether the window writes times on the 12-hour clock, as its locale does.
pub async fn window_uses_twelve_hours(client: &Client) -> bool {
    client
        .execute(
            "return new Intl.DateTimeFormat(undefined, { hour: 'numeric' })\
             .resolvedOptions().hour12 === true;",
            vec![],
        )
        .await
        .expect("the window answers")
        .as_bool()
        .expect("a boolean")
}

/// A form control's current value.
pub async fn value_of(client: &Client, css: &str) -> String {
    let value = client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.value : null",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    value
        .as_str()
        .unwrap_or_else(|| panic!("no element {css}"))
        .to_string()
}

/// Whether a checkbox or radio is checked.
pub async fn is_checked(client: &Client, css: &str) -> bool {
    client
        .execute(
            "const e = document.querySelector(arguments[0]); return !!(e && e.checked)",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap()
        == serde_json::json!(true)
}

/// Checks that the rows `rows` selects read as columns: the text of each
/// row's `first` part differs in width from row to row (so the check can
/// tell), and each of its `later` parts still starts where the other rows'
/// do, within a pixel.
pub async fn assert_columns(client: &Client, rows: &str, first: &str, later: &[&str]) {
    let measured = client
        .execute(
            "const [rowsCss, firstCss, laterCss] = arguments;\
             const rows = [...document.querySelectorAll(rowsCss)];\
             const spread = (xs) => Math.max(...xs) - Math.min(...xs);\
             const words = (e) => { const range = document.createRange(); range.selectNodeContents(e); return range.getBoundingClientRect().width; };\
             const start = (row, css) => row.querySelector(css).getBoundingClientRect().left;\
             return [rows.length, spread(rows.map((r) => words(r.querySelector(firstCss)))),\
                     Math.max(...laterCss.map((css) => spread(rows.map((r) => start(r, css)))))];",
            vec![
                serde_json::json!(rows),
                serde_json::json!(first),
                serde_json::json!(later),
            ],
        )
        .await
        .unwrap();
    let [count, widths, starts]: [f64; 3] = serde_json::from_value(measured).unwrap();
    assert!(
        count >= 2.0 && widths >= 1.0 && starts < 1.0,
        "{count} rows of {rows}: their {first} differ in width by up to {widths:.0} px, and \
         what follows starts up to {starts:.0} px apart"
    );
}

/// Asserts that what `over` selects covers nothing of what `under` selects:
/// a toast must not hide the buttons of the bar beneath it.
pub async fn assert_clear_of(client: &Client, over: &str, under: &str) {
    let overlap = client
        .execute(
            "const [a, b] = [...arguments].map((css) => document.querySelector(css).getBoundingClientRect());\
             return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));",
            vec![serde_json::json!(over), serde_json::json!(under)],
        )
        .await
        .unwrap();
    let overlap = overlap.as_f64().unwrap_or(f64::NAN);
    assert!(
        overlap == 0.0,
        "{over} covers {overlap:.0} px of the height of {under}"
    );
}

/// The app processes serving the given data directory.
pub fn app_pids(data_dir: &Path) -> Vec<u32> {
    let exe = rapport_bin();
    let marker = format!("RAPPORT_DATA_DIR={}", data_dir.display());
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let same_exe = std::fs::read_link(entry.path().join("exe"))
            .map(|p| p == exe)
            .unwrap_or(false);
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        let serves_dir = environ
            .split(|b| *b == 0)
            .any(|var| var == marker.as_bytes());
        if same_exe && serves_dir {
            pids.push(pid);
        }
    }
    pids
}

/// The names in the sidebar, once it lists `expected` people.
pub async fn people_names(client: &Client, expected: usize) -> Vec<String> {
    wait_until(
        &format!("{expected} people in the sidebar"),
        PATIENCE,
        || async {
            let names = client
                .execute(
                    "return Array.from(document.querySelectorAll(\"nav[aria-label='People'] button[data-person-id] .person-name\"))\
                     .map(e => e.textContent.trim())",
                    vec![],
                )
                .await
                .unwrap();
            let names: Vec<String> = serde_json::from_value(names).unwrap_or_default();
            if names.len() == expected && names.iter().all(|n| !n.is_empty()) {
                Ok(names)
            } else {
                Err(format!("{names:?}"))
            }
        },
    )
    .await
}

/// The element matching `css`, once it is there (screens load asynchronously).
pub async fn find(client: &Client, css: &str) -> fantoccini::elements::Element {
    wait_until(&format!("an element {css}"), PATIENCE, || async {
        match client.find(Locator::Css(css)).await {
            Ok(el) => Ok(el),
            Err(e) => Err(format!(
                "{e}; the window shows:\n{}",
                window_text(client).await
            )),
        }
    })
    .await
}

pub async fn type_into(client: &Client, css: &str, text: &str) {
    let el = find(client, css).await;
    el.clear().await.unwrap();
    el.send_keys(text).await.unwrap();
}

/// Clicks like a user: the element must be visible and not covered.
pub async fn click(client: &Client, css: &str) {
    let el = find(client, css).await;
    if el.click().await.is_ok() {
        return;
    }
    // WebKitWebDriver does not always scroll inside the app's own scrolling
    // pane; scroll the way a user would, then click once nothing covers it.
    client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    wait_until(&format!("{css} to be uncovered"), PATIENCE, || async {
        let top = client
            .execute(
                "const e = document.querySelector(arguments[0]);\
                 const r = e.getBoundingClientRect();\
                 const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);\
                 return (top && (top === e || e.contains(top) || top.control === e))\
                   ? null : (top ? top.outerHTML.slice(0, 200) : 'nothing')",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap_or_default();
        match top.as_str() {
            Some(covering) => Err(format!("on top of it: {covering}")),
            None => Ok(()),
        }
    })
    .await;
    if let Err(err) = el.click().await {
        panic!("click on {css} failed ({err})");
    }
}

/// Screenshots of the app window, written under target/e2e-screenshots/ for
/// people to look at.
pub struct Screenshots<'s> {
    session: &'s Session,
    pub dir: PathBuf,
}

impl<'s> Screenshots<'s> {
    pub fn new(session: &'s Session) -> Self {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        Screenshots { session, dir }
    }

    /// Captures the app window as `<name>.png`, from the X server: WebKitWebDriver's
    /// own screenshot command never answers under a virtual display.
    pub async fn take(&self, client: &Client, name: &str) {
        wait_until_settled(client).await;
        assert_accessible(client, name).await;
        let (x, y, w, h) = client.get_window_rect().await.unwrap();
        let path = self.dir.join(format!("{name}.png"));
        let full = self.dir.join(format!("{name}.screen.png"));
        let out = self
            .session
            .command("import")
            .args(["-window", "root", "-silent"])
            .arg(format!("png:{}", full.display()))
            .output()
            .expect("ImageMagick's import (make deps-test installs it)");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Keep just the app window.
        let out = Command::new("/usr/bin/convert")
            .arg(&full)
            .args(["-crop", &format!("{w}x{h}+{x}+{y}"), "+repage"])
            .arg(format!("png:{}", path.display()))
            .output()
            .expect("ImageMagick's convert");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = std::fs::remove_file(&full);
        let png = std::fs::read(&path).unwrap();
        assert!(
            png.len() > 5000 && png.starts_with(b"\x89PNG"),
            "{name}: not a real screenshot"
        );
    }

    /// The current screen as `<name>-light.png` and `<name>-dark.png`; the
    /// window is left in the light theme.
    pub async fn take_in_both_themes(&self, client: &Client, name: &str) {
        click(client, "label[for=theme-light]").await;
        self.take(client, &format!("{name}-light")).await;
        click(client, "label[for=theme-dark]").await;
        self.take(client, &format!("{name}-dark")).await;
        click(client, "label[for=theme-light]").await;
    }

    /// Where tauri-driver's log of one test goes, beside its screenshots.
    pub fn log(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

/// The accessibility rules the window is held to: WCAG 2.1 A and AA.
const AXE_RULES: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

/// Runs axe-core over the screen as it is (every screenshot is a screen the
/// walk reached, in the theme it is in) and fails on any serious or critical
/// violation, naming the rule and the elements.
pub async fn assert_accessible(client: &Client, screen: &str) {
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .unwrap();
    if loaded != serde_json::json!(true) {
        let source = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core in ui/node_modules (make deps-test installs it)");
        client.execute(&source, vec![]).await.unwrap();
    }
    let script = format!(
        "const done = arguments[arguments.length - 1];\
         window.axe.run(document, {{ resultTypes: ['violations'], runOnly: {{ type: 'tag', values: {AXE_RULES} }} }})\
           .then(r => done(r.violations\
             .filter(v => v.impact === 'serious' || v.impact === 'critical')\
             .map(v => `${{v.impact}} ${{v.id}}: ${{v.help}}\\n` + v.nodes.slice(0, 6)\
               .map(n => `    ${{n.target.join(' ')}}: ${{(n.failureSummary || '').replace(/\\s+/g, ' ')}}`).join('\\n'))))\
           .catch(e => done([`axe did not run: ${{e}}`]));"
    );
    let found = client.execute_async(&script, vec![]).await.unwrap();
    let violations: Vec<String> = serde_json::from_value(found).unwrap();
    assert!(
        violations.is_empty(),
        "{screen}: accessibility violations (axe-core):\n{}",
        violations.join("\n")
    );
}

/// Waits until no transition runs (a theme switch fades colours) and two
/// frames have been drawn since, so the capture shows the finished screen.
async fn wait_until_settled(client: &Client) {
    wait_until("the window to settle", PATIENCE, || async {
        let running = client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() =>\
                   done(document.getAnimations().filter(a => a.playState === 'running').length)))",
                vec![],
            )
            .await
            .unwrap();
        if running == serde_json::json!(0) {
            Ok(())
        } else {
            Err(format!("{running} animations running"))
        }
    })
    .await
}

/// A first run in keyring mode with the demo team: the app on Today with
/// six people, the recovery key it showed stored. Returns the app and the key.
pub async fn launch_with_demo_team(
    session: &Session,
    data_dir: &Path,
    log: &Path,
) -> (App, String) {
    let app = App::launch(session, data_dir, log).await;
    wait_text(&app.client, "h1", "Welcome to Rapport").await;
    click(&app.client, "#with-demo").await;
    click(&app.client, "#create-store").await;
    let key = store_recovery_key(&app.client).await;
    wait_text(&app.client, "#people-count", "6 people").await;
    (app, key)
}

/// The screen after a store is created: reads the recovery key it shows,
/// says it is stored, and goes on. Returns the key as shown.
pub async fn store_recovery_key(client: &Client) -> String {
    wait_text(client, "h1", "Save your recovery key").await;
    let key = wait_text(client, "#recovery-key", "-").await;
    assert_eq!(key.trim().len(), 34, "the key shows in seven groups: {key}");
    click(client, "#recovery-stored").await;
    click(client, "#recovery-continue").await;
    wait_text(client, "h1", "Today").await;
    key.trim().to_string()
}
