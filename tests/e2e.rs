//! End to end: the real app binary in a real WebKit window under a virtual
//! display, driven over WebDriver (tauri-driver + WebKitWebDriver). First run
//! with a demo team, the people in the sidebar, both themes, relaunch, a wrong
//! and a right passphrase. Screenshots go to target/e2e-screenshots/.

mod support;

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use support::{rapport_bin, rapport_with_passphrase, Services, Session, PASSPHRASE};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tauri_driver_path() -> PathBuf {
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

struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(session: &Session, data_dir: &Path, log: &Path) -> Driver {
    let port = free_port();
    let native = free_port();
    let log = std::fs::File::create(log).unwrap();
    let child = session
        .command(tauri_driver_path())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("RAPPORT_DATA_DIR", data_dir)
        // The web view's own storage (the theme choice) stays inside the test too.
        .env("XDG_DATA_HOME", session.dir.path().join("xdg-data"))
        .env("XDG_CONFIG_HOME", session.dir.path().join("xdg-config"))
        .env("XDG_CACHE_HOME", session.dir.path().join("xdg-cache"))
        .env_remove("RAPPORT_PASSPHRASE")
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .spawn()
        .expect("start tauri-driver");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, port }
}

async fn connect(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": rapport_bin() }),
    );
    // tauri-driver listens before WebKitWebDriver is ready: retry the first request.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps.clone());
        let url = format!("http://127.0.0.1:{}", driver.port);
        let attempt = builder.connect(&url);
        match tokio::time::timeout(Duration::from_secs(45), attempt).await {
            Ok(Ok(client)) => return client,
            Ok(Err(err)) if Instant::now() < deadline => {
                eprintln!("waiting for the WebDriver session: {err}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Ok(Err(err)) => panic!("no WebDriver session: {err}"),
            Err(_) => panic!("the WebDriver session request hung for 45 s"),
        }
    }
}

async fn wait_text(client: &Client, css: &str, expected: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(el) = client.find(Locator::Css(css)).await {
            if let Ok(text) = el.text().await {
                if text.contains(expected) {
                    return text;
                }
            }
        }
        if Instant::now() > deadline {
            let body = match client.find(Locator::Css("body")).await {
                Ok(b) => b.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("{css:?} never showed {expected:?}; the window shows:\n{body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The names in the sidebar, once it lists `expected` people.
async fn people_names(client: &Client, expected: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
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
            return names;
        }
        assert!(
            Instant::now() < deadline,
            "expected {expected} people, saw {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn type_into(client: &Client, css: &str, text: &str) {
    let el = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    el.clear().await.unwrap();
    el.send_keys(text).await.unwrap();
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Captures the app window from the X server. (WebKitWebDriver's own screenshot
/// command never answers under a virtual display, so the display is asked.)
async fn screenshot(session: &Session, client: &Client, dir: &Path, name: &str) {
    // Let the last layout and paint settle before capturing.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (x, y, w, h) = client.get_window_rect().await.unwrap();
    let path = dir.join(format!("{name}.png"));
    let full = dir.join(format!("{name}.screen.png"));
    let out = session
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
    let out = std::process::Command::new("/usr/bin/convert")
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

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_demo_team_and_unlock_in_the_real_window() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = screenshot_dir();
    let log = shots.join("tauri-driver.log");

    // 1. First run: passphrase, demo team.
    let driver = start_driver(&session, &data_dir, &log);
    let client = connect(&driver).await;
    wait_text(&client, "h1", "Welcome to Rapport").await;
    screenshot(&session, &client, &shots, "01-first-run").await;
    click(&client, "#backend-passphrase").await;
    type_into(&client, "#passphrase", PASSPHRASE).await;
    type_into(&client, "#passphrase-repeat", "not the same").await;
    click(&client, "#create-store").await;
    wait_text(&client, "#error", "do not match").await;
    assert!(
        !data_dir.join("rapport.db").exists(),
        "a refused form must not create a store"
    );
    type_into(&client, "#passphrase-repeat", PASSPHRASE).await;
    click(&client, "#with-demo").await;
    click(&client, "#create-store").await;
    let names = people_names(&client, 6).await;
    wait_text(&client, "#people-count", "6 people").await;
    click(&client, "label[for=theme-light]").await;
    screenshot(&session, &client, &shots, "02-team-light").await;

    let first = client
        .find(Locator::Css(
            "nav[aria-label='People'] button[data-person-id]",
        ))
        .await
        .unwrap();
    first.click().await.unwrap();
    wait_text(&client, "#person-title", &names[0]).await;
    let level = wait_text(&client, "#person-level", "").await;
    assert!(
        ["Junior", "Confirmed", "Senior", "Staff+"].contains(&level.trim()),
        "{level}"
    );
    screenshot(&session, &client, &shots, "03-person-light").await;
    click(&client, "label[for=theme-dark]").await;
    let theme = client
        .execute("return document.documentElement.dataset.theme", vec![])
        .await
        .unwrap();
    assert_eq!(theme, serde_json::json!("dark"));
    screenshot(&session, &client, &shots, "04-person-dark").await;
    client.close().await.unwrap();
    drop(driver);

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
    let driver = start_driver(&session, &data_dir, &log);
    let client = connect(&driver).await;
    wait_text(&client, "h1", "Unlock Rapport").await;
    let before = support::snapshot(&data_dir);
    type_into(&client, "#unlock-passphrase", "wrong horse battery").await;
    click(&client, "#unlock").await;
    wait_text(&client, "#error", "does not unlock").await;
    screenshot(&session, &client, &shots, "05-unlock-wrong-dark").await;
    assert_eq!(
        support::snapshot(&data_dir),
        before,
        "a wrong passphrase changed files"
    );
    type_into(&client, "#unlock-passphrase", PASSPHRASE).await;
    click(&client, "#unlock").await;
    let again = people_names(&client, 6).await;
    assert_eq!(again, names);
    // The command line works on the same store while the window has it open.
    let out = rapport_with_passphrase(&data_dir, PASSPHRASE, &["doctor"]);
    assert!(out.status.success(), "{}", support::text(&out));
    assert!(
        support::text(&out).contains("6 people"),
        "{}",
        support::text(&out)
    );
    click(&client, "label[for=theme-light]").await;
    screenshot(&session, &client, &shots, "06-unlocked-light").await;
    client.close().await.unwrap();
}
