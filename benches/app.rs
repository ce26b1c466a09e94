//! `make bench-app`: Rapport measured as a user meets it, as whole processes,
//! beside a minimal Tauri 2 app (benches/minimal-app) that shows one static
//! page: the floor any Tauri window costs on this machine. On a 50-person,
//! 10-year demo store in keyring mode:
//!
//! 1. launch to the first interactive screen, both apps: until the first
//!    frame holding it is drawn, as each page marks it, the fastest launch of
//!    each compared (a window shown while its page loads, as the minimal
//!    app's is, often stalls before the page loads; see STALL_MS);
//! 2. unlock to Today (a keyring store unlocks by itself);
//! 3. memory once Today shows (PSS of the app and every process it started),
//!    and the CPU they use while left there;
//! 4. the size of the release binaries and of the installers, when built;
//! 5. the command line as a whole process, and through the window's binary;
//! 6. search beside `rg` over the same notes exported as a Markdown vault.
//!
//! Prints one table, each figure beside its target, and writes it as JSON to
//! target/bench-app.json. Every process runs under the virtual display,
//! private bus and keyring the end-to-end tests use.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a benchmark may panic with its message

#[path = "../tests/support/mod.rs"]
mod support;

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use support::webdriver::{connect_to, start_driver, wait_until_app_gone};
use support::{rapport_bin, rapport_cli_bin, wait_until, Services, Session, PATIENCE};

const PEOPLE: &str = "50";
const YEARS: &str = "10";
/// Enough launches that the fastest of each app is a launch without the
/// start-up stall (see STALL_MS).
const LAUNCHES: usize = 9;
/// A window shown while its page is still loading, as Tauri shows the
/// minimal app's, starts loading the page about half a second late in a
/// third to a half of launches, with or without WebDriver: WebKitGTK's first
/// paint waits for the page the app's busy main thread has yet to serve.
/// Rapport shows its window once its page has begun loading
/// (src-tauri/src/first_show.rs). A page that begins loading this much later
/// than the app's own fastest launch counts as a stall.
const STALL_MS: f64 = 300.0;
const CLI_RUNS: usize = 20;
/// Memory is read this long after the first screen is ready, once the
/// start-up work that follows it (the sidebar, reminders) has run.
const SETTLE: Duration = Duration::from_secs(2);
/// CPU use is read over this long once memory is read: an app left open on
/// its first screen should use next to none.
const IDLE: Duration = Duration::from_secs(3);
/// Occurs throughout the demo's notes: a search with many hits.
const SEARCH_WORD: &str = "release";

/// The first screen's main control, for each app: Today's "Add topic for…"
/// button is drawn with Today's data, the minimal app's button with its page.
const TODAY_READY: &str = "#today-add-topic";
const MINIMAL_READY: &str = "#ready";
/// The User Timing mark both pages take once the first frame holding their
/// first screen is drawn (ui/src/lib/first-screen.ts,
/// benches/minimal-app/frontend/ready.js).
const FIRST_SCREEN_MARK: &str = "first-screen-drawn";
/// How long after its control is found a page's mark is awaited.
const MARK_PATIENCE: Duration = Duration::from_secs(1);

const LAUNCH_RATIO_TARGET: f64 = 1.2;
const WINDOW_BINARY_TARGET_MB: f64 = 15.0;
const DEB_TARGET_MB: f64 = 8.0;
const UNLOCK_TARGET_MS: f64 = 500.0;
const MEMORY_RATIO_TARGET: f64 = 1.3;
const CLI_TARGET_MS: f64 = 10.0;

/// Run in the window on every poll. Both pages mark the moment the first
/// frame holding their first screen was drawn (FIRST_SCREEN_MARK): WebDriver
/// runs no script in a page until it has loaded, by when both first screens
/// are usually there, so its look would add its own delay. Should a first
/// look come earlier, it watches the DOM and the page's visibility, so the
/// moment the control appears in a window on screen is still known to the
/// page's clock, not to the polling interval. (Rapport starts with its window
/// hidden, see src-tauri/src/first_show.rs: a control laid out in a window not
/// yet shown is not ready.) Times are milliseconds since the page's
/// navigation began.
const PROBE: &str = r#"
const sel = arguments[0];
const ready = () => {
  const e = document.querySelector(sel);
  return document.visibilityState === 'visible' && !!e && !e.disabled && e.getClientRects().length > 0;
};
if (!window.__bench) {
  window.__bench = { at: null, watched: !ready() };
  if (window.__bench.watched) {
    const seen = () => {
      if (window.__bench.at === null && ready()) {
        window.__bench.at = performance.now();
        watch.disconnect();
        document.removeEventListener('visibilitychange', seen);
      }
    };
    const watch = new MutationObserver(seen);
    watch.observe(document, { subtree: true, childList: true, attributes: true });
    document.addEventListener('visibilitychange', seen);
  }
}
const nav = performance.getEntriesByType('navigation')[0];
return {
  ready: ready(),
  at: window.__bench.at,
  watched: window.__bench.watched,
  now: performance.now(),
  origin: performance.timeOrigin,
  drawn: performance.getEntriesByName(arguments[1])[0]?.startTime ?? null,
  dom_content_loaded: nav ? nav.domContentLoadedEventStart : null,
  resources: ready()
    ? performance.getEntriesByType('resource').map((r) => ({
        name: r.name,
        start: r.startTime,
        end: r.responseEnd,
      }))
    : [],
  text: document.body ? document.body.innerText.slice(0, 400) : '',
};
"#;

struct Binaries {
    rapport: PathBuf,
    cli: PathBuf,
    minimal: PathBuf,
}

impl Binaries {
    /// The binaries `make bench-app` builds: `cargo bench` builds this
    /// package's own in the release profile, and the CLI and the minimal app
    /// sit beside them.
    fn find() -> Binaries {
        let rapport = rapport_bin();
        let dir = rapport.parent().expect("a directory").to_path_buf();
        assert!(
            dir.ends_with("release"),
            "{} is not a release build: run `make bench-app`",
            rapport.display()
        );
        let minimal = dir.join(format!(
            "rapport-minimal-app{}",
            std::env::consts::EXE_SUFFIX
        ));
        assert!(
            minimal.is_file(),
            "{} is missing: run `make bench-app`, which builds it",
            minimal.display()
        );
        Binaries {
            rapport,
            cli: rapport_cli_bin(),
            minimal,
        }
    }
}

struct AppUnderTest<'a> {
    name: &'static str,
    bin: &'a Path,
    ready: &'static str,
}

/// One launch: from the WebDriver new-session request (which starts the app)
/// until its first screen's control is there, visible and enabled.
struct Launch {
    /// Until the new-session request returned: the app runs, its page loads.
    session_ms: f64,
    /// From the request until the page began to load (its time origin).
    page_start_ms: Option<f64>,
    ready_ms: f64,
    /// How the moment the control was ready is known.
    seen: &'static str,
    /// From the app's first screen (its page's DOMContentLoaded, when the
    /// window's code has mounted its first, blank, loading screen) to ready.
    first_screen_to_ready_ms: Option<f64>,
    pss_kib: u64,
    /// Share of one core the app and its processes used while left idle.
    idle_cpu_percent: f64,
    processes: Vec<(u32, String, u64)>,
    /// What the page fetched until it was ready, with its start and end
    /// (Rapport's calls to its core among them): where the time went.
    resources: Value,
}

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn min(samples: &[f64]) -> f64 {
    samples.iter().copied().fold(f64::INFINITY, f64::min)
}

fn mib(kib: f64) -> f64 {
    kib / 1024.0
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

/// Two figures of one row, "334 / 251 ms".
fn two_ms(first: f64, second: f64) -> String {
    format!("{first:.0} / {second:.0} ms")
}

/// A command on the demo store, inside the session (its bus and keyring).
fn on_store(session: &Session, data_dir: &Path, bin: &Path, args: &[&str]) -> Command {
    let mut cmd = session.command(bin);
    cmd.env("RAPPORT_DATA_DIR", data_dir)
        .env_remove("RAPPORT_PASSPHRASE")
        .args(args)
        .stdin(Stdio::null());
    cmd
}

fn succeeded(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// How many files the folder holds, below it too, and their bytes.
fn folder_size(dir: &Path) -> (u64, u64) {
    let (mut files, mut bytes) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        if meta.is_dir() {
            let (f, b) = folder_size(&entry.path());
            files += f;
            bytes += b;
        } else {
            files += 1;
            bytes += meta.len();
        }
    }
    (files, bytes)
}

/// Every process below `root`, itself included.
fn process_tree(root: u32) -> Vec<u32> {
    let mut children: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // The name in parentheses may hold spaces; the parent's id is the
        // second field after it.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let mut tree = vec![root];
    let mut next = 0;
    while let Some(&pid) = tree.get(next) {
        tree.extend(children.get(&pid).into_iter().flatten());
        next += 1;
    }
    tree
}

/// Proportional set size in KiB: each shared page counted once, split among
/// the processes sharing it.
fn pss_kib(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU time used so far by all the process's threads, in ms (the kernel
/// counts it in hundredths of a second).
fn cpu_ms(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name, in brackets, may hold spaces: count fields after it.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    Some((user + system) * 10.0)
}

/// The program's file name (the kernel's own name for it stops at 15 bytes).
fn process_name(pid: u32) -> String {
    std::fs::read_link(format!("/proc/{pid}/exe"))
        .ok()
        .and_then(|exe| exe.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .unwrap_or_default()
                .trim()
                .to_string()
        })
}

/// The processes running `bin`.
fn pids_of(bin: &Path) -> Vec<u32> {
    let bin = bin.canonicalize().unwrap_or_else(|_| bin.to_path_buf());
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == bin) {
            pids.push(pid);
        }
    }
    pids
}

async fn launch_once(
    session: &Session,
    data_dir: &Path,
    app: &AppUnderTest<'_>,
    n: usize,
) -> Launch {
    let log = session
        .dir
        .path()
        .join(format!("tauri-driver-{}-{n}.log", app.name));
    let driver = start_driver(session, data_dir, &log);
    let start = Instant::now();
    let requested_at = epoch_ms();
    let client = connect_to(&driver, app.bin).await;
    let session_ms = ms(start.elapsed());
    // The first look that found the control ready, while the page's mark
    // of its drawn frame is awaited.
    let mut found: Option<(f64, Value)> = None;
    let (ready_ms, ready_page, seen, page) = loop {
        let mut probe = client
            .execute(PROBE, vec![json!(app.ready), json!(FIRST_SCREEN_MARK)])
            .await
            .unwrap_or(Value::Null);
        let mut back = ms(start.elapsed());
        if probe["ready"] == json!(true) {
            // The frame is marked once drawn, a little after the control is
            // there: wait for the mark a while, else go by this first look.
            if probe["drawn"].is_null() {
                let (first_back, first_probe) = found.get_or_insert((back, probe.clone()));
                if back - *first_back < ms(MARK_PATIENCE) {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    continue;
                }
                (back, probe) = (*first_back, first_probe.clone());
            }
            // When the first frame holding the control was drawn, by the
            // page's mark: on the wall clock the request was timed by, as the
            // page's time origin is, for a look's answer takes its own time
            // to come back from a busy app. Failing the mark, back-dated by
            // the page's clock to when the control was seen appearing, else
            // the look that found it.
            let now = probe["now"].as_f64();
            let drawn = probe["drawn"].as_f64();
            if let (Some(drawn), Some(origin)) = (drawn, probe["origin"].as_f64()) {
                let ready = origin + drawn - requested_at;
                break (ready, Some(drawn), "drawn, by the page", probe);
            }
            let (at, seen) = match probe["at"].as_f64() {
                Some(at) => (Some(at), "watched appearing"),
                None => (None, "there at the first look"),
            };
            let since = match (at, now) {
                (Some(at), Some(now)) => now - at,
                _ => 0.0,
            };
            break (back - since, at.or(now), seen, probe);
        }
        assert!(
            start.elapsed() < 2 * PATIENCE,
            "{}: {} not ready within {} s; the window shows:\n{}",
            app.name,
            app.ready,
            (2 * PATIENCE).as_secs(),
            probe["text"].as_str().unwrap_or("(nothing)")
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let page_start_ms = page["origin"].as_f64().map(|origin| origin - requested_at);
    let first_screen_to_ready_ms = match (ready_page, page["dom_content_loaded"].as_f64()) {
        (Some(ready), Some(first)) if first > 0.0 => Some(ready - first),
        _ => None,
    };

    tokio::time::sleep(SETTLE).await;
    let pids = pids_of(app.bin);
    assert_eq!(pids.len(), 1, "{}: one app process, saw {pids:?}", app.name);
    let mut processes = Vec::new();
    let mut pss_total = 0;
    let tree = process_tree(pids[0]);
    for &pid in &tree {
        if let Some(pss) = pss_kib(pid) {
            pss_total += pss;
            processes.push((pid, process_name(pid), pss));
        }
    }
    let cpu_used = || tree.iter().filter_map(|pid| cpu_ms(*pid)).sum::<f64>();
    let before = cpu_used();
    tokio::time::sleep(IDLE).await;
    let idle_cpu_percent = (cpu_used() - before) / ms(IDLE) * 100.0;

    client.close().await.unwrap();
    if app.bin == rapport_bin() {
        wait_until_app_gone(session, data_dir, "Rapport to close with its session").await;
    } else {
        wait_until(
            &format!("{} to close with its session", app.name),
            PATIENCE,
            || async {
                let left = pids_of(app.bin);
                if left.is_empty() {
                    Ok(())
                } else {
                    Err(format!("{left:?}"))
                }
            },
        )
        .await;
    }
    drop(driver);
    // The processes the app started wind down before the next launch.
    tokio::time::sleep(Duration::from_millis(500)).await;
    Launch {
        session_ms,
        page_start_ms,
        ready_ms,
        seen,
        first_screen_to_ready_ms,
        pss_kib: pss_total,
        idle_cpu_percent,
        processes,
        resources: page["resources"].clone(),
    }
}

struct CliFigure {
    label: String,
    samples_ms: Vec<f64>,
    peak_rss_kib: Option<u64>,
}

/// `CLI_RUNS` timed runs after one untimed one, then one under
/// /usr/bin/time -v for the peak resident set.
fn time_cli(
    session: &Session,
    data_dir: &Path,
    bin: &Path,
    args: &[&str],
    label: &str,
) -> CliFigure {
    let run = || {
        let started = Instant::now();
        let out = on_store(session, data_dir, bin, args).output().unwrap();
        let took = ms(started.elapsed());
        succeeded(out, label);
        took
    };
    run();
    let samples_ms = (0..CLI_RUNS).map(|_| run()).collect();
    let mut timed = session.command("/usr/bin/time");
    timed
        .arg("-v")
        .arg(bin)
        .args(args)
        .env("RAPPORT_DATA_DIR", data_dir)
        .env_remove("RAPPORT_PASSPHRASE")
        .stdin(Stdio::null());
    let peak_rss_kib = timed.output().ok().and_then(|out| {
        String::from_utf8_lossy(&out.stderr).lines().find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes):")
                .and_then(|v| v.trim().parse().ok())
        })
    });
    CliFigure {
        label: label.to_string(),
        samples_ms,
        peak_rss_kib,
    }
}

struct Row {
    figure: String,
    value: String,
    target: String,
    met: Option<bool>,
}

impl Row {
    fn info(figure: impl Into<String>, value: impl Into<String>) -> Row {
        Row {
            figure: figure.into(),
            value: value.into(),
            target: "—".into(),
            met: None,
        }
    }

    fn checked(
        figure: impl Into<String>,
        value: impl Into<String>,
        target: impl Into<String>,
        met: bool,
    ) -> Row {
        Row {
            figure: figure.into(),
            value: value.into(),
            target: target.into(),
            met: Some(met),
        }
    }

    fn mark(&self) -> &'static str {
        match self.met {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "",
        }
    }
}

fn print_table(sections: &[(&str, Vec<Row>)]) {
    let rows = sections.iter().flat_map(|(_, rows)| rows);
    let width = |f: fn(&Row) -> usize| rows.clone().map(f).max().unwrap_or(0);
    let (w1, w2, w3) = (
        width(|r| r.figure.chars().count()),
        width(|r| r.value.chars().count()),
        width(|r| r.target.chars().count()).max("target".len()),
    );
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    let rule = "─".repeat(w1 + w2 + w3 + 9);
    println!("{rule}");
    println!(
        "{}  {}  {}  ok",
        pad("", w1),
        pad("value", w2),
        pad("target", w3)
    );
    for (title, rows) in sections {
        println!("{rule}\n{title}");
        for r in rows {
            println!(
                "{}  {}  {}  {}",
                pad(&r.figure, w1),
                pad(&r.value, w2),
                pad(&r.target, w3),
                r.mark()
            );
        }
    }
    println!("{rule}");
}

fn launch_json(launches: &[Launch]) -> Value {
    json!(launches
        .iter()
        .map(|l| json!({
            "session_ms": l.session_ms,
            "page_start_ms": l.page_start_ms,
            "ready_ms": l.ready_ms,
            "ready_seen": l.seen,
            "first_screen_to_ready_ms": l.first_screen_to_ready_ms,
            "resources": l.resources,
            "pss_kib": l.pss_kib,
            "idle_cpu_percent": l.idle_cpu_percent,
            "processes": l.processes.iter().map(|(pid, name, pss)| json!({
                "pid": pid, "name": name, "pss_kib": pss
            })).collect::<Vec<_>>(),
        }))
        .collect::<Vec<_>>())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let bins = Binaries::find();
    println!("Release binaries:");
    for bin in [&bins.rapport, &bins.cli, &bins.minimal] {
        println!("  {}", bin.display());
    }
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");

    println!("Creating the demo store ({PEOPLE} people, {YEARS} years, keyring)…");
    let started = Instant::now();
    succeeded(
        on_store(
            &session,
            &data_dir,
            &bins.cli,
            &["demo", "--people", PEOPLE, "--years", YEARS],
        )
        .output()
        .unwrap(),
        "rapport-cli demo",
    );
    let demo_s = started.elapsed().as_secs_f64();
    // A manager who saved the recovery key, as the CLI asks: the window then
    // opens on Today rather than on the recovery key notice.
    let key_file = session.dir.path().join("recovery-key.txt");
    succeeded(
        on_store(
            &session,
            &data_dir,
            &bins.cli,
            &["recovery-key", "--out", key_file.to_str().unwrap()],
        )
        .output()
        .unwrap(),
        "rapport-cli recovery-key",
    );
    let header = std::fs::read_to_string(data_dir.join("rapport.header.json")).unwrap();
    assert!(
        header.contains(r#""kind": "keyring""#),
        "a keyring store: {header}"
    );

    let rapport = AppUnderTest {
        name: "rapport",
        bin: &bins.rapport,
        ready: TODAY_READY,
    };
    let minimal = AppUnderTest {
        name: "minimal",
        bin: &bins.minimal,
        ready: MINIMAL_READY,
    };
    println!("Launching each app once untimed, then {LAUNCHES} times each, alternating…");
    let warm_minimal = launch_once(&session, &data_dir, &minimal, 0).await;
    let warm_rapport = launch_once(&session, &data_dir, &rapport, 0).await;
    let mut rapport_launches = Vec::new();
    let mut minimal_launches = Vec::new();
    for n in 1..=LAUNCHES {
        // Neither app always goes first.
        if n % 2 == 1 {
            rapport_launches.push(launch_once(&session, &data_dir, &rapport, n).await);
            minimal_launches.push(launch_once(&session, &data_dir, &minimal, n).await);
        } else {
            minimal_launches.push(launch_once(&session, &data_dir, &minimal, n).await);
            rapport_launches.push(launch_once(&session, &data_dir, &rapport, n).await);
        }
    }

    println!("Timing the command line, {CLI_RUNS} runs each…");
    let cli = [
        time_cli(
            &session,
            &data_dir,
            &bins.cli,
            &["--help"],
            "rapport-cli --help",
        ),
        time_cli(
            &session,
            &data_dir,
            &bins.cli,
            &["upcoming", "--json"],
            "rapport-cli upcoming --json",
        ),
        time_cli(
            &session,
            &data_dir,
            &bins.cli,
            &["search", SEARCH_WORD],
            &format!("rapport-cli search {SEARCH_WORD}"),
        ),
        time_cli(
            &session,
            &data_dir,
            &bins.rapport,
            &["--help"],
            "rapport --help (window binary → CLI)",
        ),
    ];

    // Search's yardstick: a plain `rg` over the same notes exported as a
    // Markdown vault, both warm in the page cache. The default search prints
    // the newest hits and counts the rest; --all prints every hit, as rg
    // prints every matching line.
    println!("Timing search beside rg over the Markdown vault, {CLI_RUNS} runs each…");
    let vault = session.dir.path().join("vault");
    let vault_arg = vault.to_str().unwrap();
    succeeded(
        on_store(
            &session,
            &data_dir,
            &bins.cli,
            &["export", "vault", "--out", vault_arg],
        )
        .output()
        .unwrap(),
        "rapport-cli export vault",
    );
    let (vault_files, vault_bytes) = folder_size(&vault);
    let counted = succeeded(
        on_store(
            &session,
            &data_dir,
            &bins.cli,
            &["search", "--json", "--limit", "1", SEARCH_WORD],
        )
        .output()
        .unwrap(),
        "rapport-cli search --json",
    );
    let search_hits = serde_json::from_slice::<Value>(&counted.stdout).unwrap()["total"]
        .as_u64()
        .unwrap();
    let rg_lines = succeeded(
        session
            .command("rg")
            .args([SEARCH_WORD, vault_arg])
            .stdin(Stdio::null())
            .output()
            .unwrap(),
        "rg",
    )
    .stdout
    .iter()
    .filter(|b| **b == b'\n')
    .count();
    let search_all = time_cli(
        &session,
        &data_dir,
        &bins.cli,
        &["search", "--all", SEARCH_WORD],
        &format!("rapport-cli search --all {SEARCH_WORD}"),
    );
    let rg = time_cli(
        &session,
        &data_dir,
        Path::new("rg"),
        &[SEARCH_WORD, vault_arg],
        &format!("rg {SEARCH_WORD} over the vault"),
    );
    let search_default = cli
        .iter()
        .find(|c| c.label.starts_with("rapport-cli search"))
        .unwrap();

    // Launch.
    let r_ready: Vec<f64> = rapport_launches.iter().map(|l| l.ready_ms).collect();
    let m_ready: Vec<f64> = minimal_launches.iter().map(|l| l.ready_ms).collect();
    let r_session: Vec<f64> = rapport_launches.iter().map(|l| l.session_ms).collect();
    let m_session: Vec<f64> = minimal_launches.iter().map(|l| l.session_ms).collect();
    let launch_ratio = median(&r_ready) / median(&m_ready);
    // The checked ratio compares each app's fastest launch: the stall (see
    // STALL_MS) falls on the minimal app at random, so the medians say more
    // about how many stalls it drew than about the apps.
    let fastest_ratio = min(&r_ready) / min(&m_ready);
    let stalls = |launches: &[Launch]| {
        let starts: Vec<f64> = launches.iter().filter_map(|l| l.page_start_ms).collect();
        let fastest = min(&starts);
        starts.iter().filter(|s| **s > fastest + STALL_MS).count()
    };
    let (r_stalls, m_stalls) = (stalls(&rapport_launches), stalls(&minimal_launches));
    // A launch in two parts: the app's own start until its page begins to
    // load, then the page until its first screen is ready. The two apps
    // differ in the second, their pages.
    let before_page = |launches: &[Launch]| -> Vec<f64> {
        launches.iter().filter_map(|l| l.page_start_ms).collect()
    };
    let in_page = |launches: &[Launch]| -> Vec<f64> {
        launches
            .iter()
            .filter_map(|l| l.page_start_ms.map(|start| l.ready_ms - start))
            .collect()
    };
    // How each app's ready moment was known, each way once.
    let seen = |launches: &[Launch]| {
        let mut ways: Vec<&str> = launches.iter().map(|l| l.seen).collect();
        ways.sort_unstable();
        ways.dedup();
        ways.join(", ")
    };
    let launch_rows = vec![
        Row::info(
            format!(
                "Rapport: → Today's {TODAY_READY} ({}), median / min",
                seen(&rapport_launches)
            ),
            two_ms(median(&r_ready), min(&r_ready)),
        ),
        Row::info(
            format!(
                "Minimal app: → {MINIMAL_READY} ({}), median / min",
                seen(&minimal_launches)
            ),
            two_ms(median(&m_ready), min(&m_ready)),
        ),
        Row::checked(
            "Rapport / minimal app (fastest launches)",
            format!("{fastest_ratio:.2}×"),
            format!("≤ {LAUNCH_RATIO_TARGET}×"),
            fastest_ratio <= LAUNCH_RATIO_TARGET,
        ),
        Row::info(
            "Rapport / minimal app (medians)",
            format!("{launch_ratio:.2}×"),
        ),
        Row::info(
            format!(
                "Launches whose page began loading ≥ {STALL_MS:.0} ms after the app's fastest: \
                 Rapport / minimal app"
            ),
            format!("{r_stalls} / {m_stalls} of {LAUNCHES}"),
        ),
        Row::info(
            "Launch → page began loading: Rapport / minimal app (medians)",
            two_ms(
                median(&before_page(&rapport_launches)),
                median(&before_page(&minimal_launches)),
            ),
        ),
        Row::info(
            "Page began loading → first screen ready: Rapport / minimal app (medians)",
            two_ms(
                median(&in_page(&rapport_launches)),
                median(&in_page(&minimal_launches)),
            ),
        ),
        Row::info(
            "New-session request returned: Rapport / minimal app (medians)",
            two_ms(median(&r_session), median(&m_session)),
        ),
        Row::info(
            "First, untimed launch: Rapport / minimal app",
            two_ms(warm_rapport.ready_ms, warm_minimal.ready_ms),
        ),
    ];

    // Unlock.
    let unlock: Vec<f64> = rapport_launches
        .iter()
        .map(|l| {
            l.first_screen_to_ready_ms
                .expect("navigation timing in the window")
        })
        .collect();
    let unlock_rows = vec![Row::checked(
        "Rapport: first screen → Today, median / min",
        two_ms(median(&unlock), min(&unlock)),
        format!("≤ {UNLOCK_TARGET_MS:.0} ms"),
        median(&unlock) <= UNLOCK_TARGET_MS,
    )];

    // Memory.
    let r_pss: Vec<f64> = rapport_launches.iter().map(|l| l.pss_kib as f64).collect();
    let m_pss: Vec<f64> = minimal_launches.iter().map(|l| l.pss_kib as f64).collect();
    let memory_ratio = median(&r_pss) / median(&m_pss);
    let r_idle: Vec<f64> = rapport_launches
        .iter()
        .map(|l| l.idle_cpu_percent)
        .collect();
    let m_idle: Vec<f64> = minimal_launches
        .iter()
        .map(|l| l.idle_cpu_percent)
        .collect();
    // The app first, then what it started, each kind once.
    let processes = |l: &Launch| {
        let mut started: Vec<&str> = l
            .processes
            .iter()
            .skip(1)
            .map(|(_, n, _)| n.as_str())
            .collect();
        started.sort_unstable();
        started.dedup();
        let app = l
            .processes
            .first()
            .map(|(_, n, _)| n.as_str())
            .unwrap_or("?");
        std::iter::once(app)
            .chain(started)
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let memory_rows = vec![
        Row::info(
            format!("Rapport: {}", processes(&rapport_launches[0])),
            format!("{:.1} MiB", mib(median(&r_pss))),
        ),
        Row::info(
            format!("Minimal app: {}", processes(&minimal_launches[0])),
            format!("{:.1} MiB", mib(median(&m_pss))),
        ),
        Row::checked(
            "Rapport / minimal app (medians)",
            format!("{memory_ratio:.2}×"),
            format!("≤ {MEMORY_RATIO_TARGET}×"),
            memory_ratio <= MEMORY_RATIO_TARGET,
        ),
        Row::info(
            format!(
                "CPU while left on the first screen for {} s after that: Rapport / minimal app (medians)",
                IDLE.as_secs()
            ),
            format!(
                "{:.1}% / {:.1}% of a core",
                median(&r_idle),
                median(&m_idle)
            ),
        ),
    ];

    // Sizes.
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    // The newest installer of a kind that `make bundle` left, if any.
    let installer = |kind: &str, extension: &str| {
        let dir = bins.rapport.with_file_name("bundle").join(kind);
        std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == extension))
            .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
    };
    let deb = installer("deb", "deb");
    let appimage = installer("appimage", "AppImage");
    let mut size_rows = vec![
        Row::checked(
            "rapport (window)",
            format!("{:.1} MB", mb(size(&bins.rapport))),
            format!("≤ {WINDOW_BINARY_TARGET_MB:.0} MB"),
            mb(size(&bins.rapport)) <= WINDOW_BINARY_TARGET_MB,
        ),
        Row::info("rapport-cli", format!("{:.1} MB", mb(size(&bins.cli)))),
        Row::info(
            "rapport-minimal-app",
            format!("{:.1} MB", mb(size(&bins.minimal))),
        ),
    ];
    // An installer's row: its size, against its target where it has one.
    let installer_row = |label: &str, built: &Option<PathBuf>, target_mb: Option<f64>| {
        let Some(path) = built else {
            return Row::info(format!("{label} (make bundle builds it)"), "none built");
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let figure = format!("{label}: {name}");
        let value = format!("{:.1} MB", mb(size(path)));
        match target_mb {
            Some(target) => Row::checked(
                figure,
                value,
                format!("≤ {target:.0} MB"),
                mb(size(path)) <= target,
            ),
            None => Row::info(figure, value),
        }
    };
    size_rows.push(installer_row(".deb", &deb, Some(DEB_TARGET_MB)));
    size_rows.push(installer_row("AppImage", &appimage, None));

    // Command line.
    let cli_rows: Vec<Row> = cli
        .iter()
        .map(|c| {
            let rss = c
                .peak_rss_kib
                .map(|k| format!(", peak {:.1} MiB", mib(k as f64)))
                .unwrap_or_default();
            Row::checked(
                format!("{}: median / min", c.label),
                format!(
                    "{:.1} / {:.1} ms{rss}",
                    median(&c.samples_ms),
                    min(&c.samples_ms)
                ),
                format!("≤ {CLI_TARGET_MS:.0} ms"),
                median(&c.samples_ms) <= CLI_TARGET_MS,
            )
        })
        .collect();

    let against_rg = |c: &CliFigure| median(&c.samples_ms) / median(&rg.samples_ms);
    let search_rows = vec![
        Row::info(
            format!(
                "Markdown vault (rapport-cli export vault): {vault_files} files, {:.0} MB",
                mb(vault_bytes)
            ),
            format!("{SEARCH_WORD}: {search_hits} hits in Rapport, {rg_lines} lines by rg"),
        ),
        Row::info(
            format!("rg {SEARCH_WORD} over the vault, every line: median / min"),
            format!(
                "{:.1} / {:.1} ms",
                median(&rg.samples_ms),
                min(&rg.samples_ms)
            ),
        ),
        Row::info(
            format!("rapport-cli search --all {SEARCH_WORD}, every hit: median / min"),
            format!(
                "{:.1} / {:.1} ms",
                median(&search_all.samples_ms),
                min(&search_all.samples_ms)
            ),
        ),
        Row::checked(
            format!("rapport-cli search {SEARCH_WORD} (newest 100, the rest counted) / rg"),
            format!("{:.2}×", against_rg(search_default)),
            "< 1×",
            against_rg(search_default) < 1.0,
        ),
        Row::checked(
            format!("rapport-cli search --all {SEARCH_WORD} / rg"),
            format!("{:.2}×", against_rg(&search_all)),
            "< 1×",
            against_rg(&search_all) < 1.0,
        ),
    ];

    let sections = [
        (
            "1. Launch: WebDriver new-session request (starts the app) → the first frame holding\n   \
             the first screen's control drawn, by the page's mark (warm page cache; first launch untimed)",
            launch_rows,
        ),
        (
            "2. Unlock to Today (keyring store: the app unlocks by itself, no unlock screen;\n   \
             timed from its first, blank loading screen at DOMContentLoaded to Today)",
            unlock_rows,
        ),
        (
            "3. Memory once the first screen shows and 2 s pass (PSS, app and all it started)",
            memory_rows,
        ),
        ("4. Sizes (release)", size_rows),
        (
            "5. Command line, whole process (one untimed run, then 20; peak RSS from time -v)",
            cli_rows,
        ),
        (
            "6. Search beside rg over the same notes as Markdown (whole processes, warm page cache)",
            search_rows,
        ),
    ];
    println!();
    println!("Demo store: {PEOPLE} people, {YEARS} years, keyring; created in {demo_s:.1} s.");
    print_table(&sections);

    let report = json!({
        "store": { "people": PEOPLE, "years": YEARS, "backend": "keyring", "created_s": demo_s },
        "binaries": {
            "rapport": { "path": bins.rapport, "bytes": size(&bins.rapport) },
            "rapport-cli": { "path": bins.cli, "bytes": size(&bins.cli) },
            "rapport-minimal-app": { "path": bins.minimal, "bytes": size(&bins.minimal) },
            "deb": deb.as_ref().map(|d| json!({ "path": d, "bytes": size(d) })),
            "appimage": appimage.as_ref().map(|a| json!({ "path": a, "bytes": size(a) })),
        },
        "launch": {
            "how": "from the WebDriver new-session request to the page's first-screen-drawn mark, both on the wall clock",
            "rapport_ready": TODAY_READY,
            "minimal_ready": MINIMAL_READY,
            "first_untimed": { "rapport_ms": warm_rapport.ready_ms, "minimal_ms": warm_minimal.ready_ms },
            "rapport": launch_json(&rapport_launches),
            "minimal": launch_json(&minimal_launches),
            "ratio_of_medians": launch_ratio,
            "ratio_of_fastest": fastest_ratio,
            "stall_ms": STALL_MS,
            "stalled_launches": { "rapport": r_stalls, "minimal": m_stalls },
            "target_ratio": LAUNCH_RATIO_TARGET,
        },
        "unlock_to_today": {
            "how": "keyring store, unlocked by the app itself: from DOMContentLoaded (the first, blank loading screen) to Today's first frame drawn",
            "samples_ms": unlock,
            "median_ms": median(&unlock),
            "min_ms": min(&unlock),
            "target_ms": UNLOCK_TARGET_MS,
        },
        "memory": {
            "settle_s": SETTLE.as_secs(),
            "rapport_median_pss_kib": median(&r_pss),
            "minimal_median_pss_kib": median(&m_pss),
            "ratio_of_medians": memory_ratio,
            "target_ratio": MEMORY_RATIO_TARGET,
            "idle_s": IDLE.as_secs(),
            "rapport_median_idle_cpu_percent": median(&r_idle),
            "minimal_median_idle_cpu_percent": median(&m_idle),
        },
        "cli": cli.iter().map(|c| json!({
            "command": c.label,
            "samples_ms": c.samples_ms,
            "median_ms": median(&c.samples_ms),
            "min_ms": min(&c.samples_ms),
            "peak_rss_kib": c.peak_rss_kib,
            "target_ms": CLI_TARGET_MS,
        })).collect::<Vec<_>>(),
        "search_vs_rg": {
            "word": SEARCH_WORD,
            "vault_files": vault_files,
            "vault_bytes": vault_bytes,
            "rapport_hits": search_hits,
            "rg_lines": rg_lines,
            "rg_samples_ms": rg.samples_ms,
            "search_all_samples_ms": search_all.samples_ms,
            "search_default_over_rg": against_rg(search_default),
            "search_all_over_rg": against_rg(&search_all),
        },
        "table": sections.iter().map(|(title, rows)| json!({
            "section": title,
            "rows": rows.iter().map(|r| json!({
                "figure": r.figure, "value": r.value, "target": r.target, "met": r.met,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-app.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, serde_json::to_string_pretty(&report).unwrap()).unwrap();
    println!("Written to {}", out.display());
}
