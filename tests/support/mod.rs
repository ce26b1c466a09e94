#![allow(dead_code)]
//! What the app-level tests need around the real binary: a private D-Bus
//! session with, on request, a virtual display, an unlocked Secret Service
//! (gnome-keyring) and a notification server (dunst). Everything is started
//! here and stopped when the `Session` is dropped; nothing is skipped.

use std::collections::BTreeMap;
use std::future::Future;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub mod desktop;
pub mod notify_monitor;
pub mod sockets;
pub mod tray_host;
pub mod webdriver;

pub const PASSPHRASE: &str = "correct horse battery staple";

/// How long a test waits for something it expects. Generous, because a cold
/// 2-core machine starts WebKit slowly; how fast things happen is never what
/// these tests check.
pub const PATIENCE: Duration = Duration::from_secs(30);

const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Polls `check` until it gives a value or `timeout` passes; `check` says what
/// it saw when it does not, and the last such answer is the error.
pub fn poll_blocking<T>(
    timeout: Duration,
    mut check: impl FnMut() -> Result<T, String>,
) -> Result<T, String> {
    let deadline = Instant::now() + timeout;
    loop {
        match check() {
            Ok(value) => return Ok(value),
            Err(seen) if Instant::now() >= deadline => return Err(seen),
            Err(_) => std::thread::sleep(POLL_INTERVAL),
        }
    }
}

/// Waits until `check` gives a value; the test fails with `what` and the last
/// thing `check` saw when it does not within `timeout`.
pub async fn wait_until<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        match check().await {
            Ok(value) => return value,
            Err(seen) if Instant::now() >= deadline => gave_up(what, timeout, &seen),
            Err(_) => tokio::time::sleep(POLL_INTERVAL).await,
        }
    }
}

/// [`wait_until`] for code that cannot await (starting processes).
pub fn wait_until_blocking<T>(
    what: &str,
    timeout: Duration,
    check: impl FnMut() -> Result<T, String>,
) -> T {
    poll_blocking(timeout, check).unwrap_or_else(|seen| gave_up(what, timeout, &seen))
}

/// Checks that `check` holds for the whole of `period`: for what must *not*
/// happen (the app quitting), where there is no event to wait for.
pub async fn holds_for<F, Fut>(what: &str, period: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let end = Instant::now() + period;
    loop {
        if let Err(seen) = check().await {
            panic!("{what}: stopped holding: {seen}");
        }
        if Instant::now() >= end {
            return;
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

fn gave_up(what: &str, timeout: Duration, seen: &str) -> ! {
    panic!(
        "{what}: not within {} s; last seen:\n{seen}",
        timeout.as_secs()
    )
}

/// What tells programs which desktop they run in. The developer's own values
/// must not leak in: a Wayland socket would put the window on the developer's
/// screen, and the desktop's name decides how `xdg-open` opens files.
const HOST_DESKTOP: &[&str] = &[
    "WAYLAND_DISPLAY",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "XDG_SESSION_TYPE",
    "DESKTOP_SESSION",
    "GNOME_DESKTOP_SESSION_ID",
    "KDE_FULL_SESSION",
    "KDE_SESSION_VERSION",
    "MATE_DESKTOP_SESSION_ID",
];

#[derive(Default, Clone, Copy)]
pub struct Services {
    pub display: bool,
    pub keyring: bool,
    pub notifications: bool,
}

pub struct Session {
    children: Vec<Child>,
    pub env: Vec<(String, String)>,
    pub dir: tempfile::TempDir,
}

fn spawn_reading_line(mut cmd: Command, what: &str) -> (Child, String) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what} (see README: test dependencies): {e}"));
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("{what} did not start within 20 s"));
    (child, line.trim().to_string())
}

impl Session {
    pub fn start(services: Services) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let runtime = dir.path().join("runtime");
        std::fs::create_dir_all(&runtime).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let mut session = Session {
            children: Vec::new(),
            env: Vec::new(),
            dir,
        };
        session.set("XDG_RUNTIME_DIR", runtime.display().to_string());
        session.set("NO_AT_BRIDGE", "1");
        // A named desktop, as a user's session has: `xdg-open` then hands files
        // to the desktop's opener (gio), which types them by their extension
        // and runs the default application. Without a name it guesses the type
        // from the content with file(1), which takes an e-mail draft with an
        // HTML part for text/html.
        session.set("XDG_CURRENT_DESKTOP", "GNOME");

        let mut bus = Command::new("dbus-daemon");
        bus.args(["--session", "--nofork", "--print-address=1"]);
        let (child, address) = spawn_reading_line(bus, "dbus-daemon");
        session.children.push(child);
        session.set("DBUS_SESSION_BUS_ADDRESS", address);

        if services.display {
            let mut xvfb = Command::new("Xvfb");
            xvfb.args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ]);
            let (child, number) = spawn_reading_line(xvfb, "Xvfb");
            session.children.push(child);
            session.set("DISPLAY", format!(":{number}"));
            session.set("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
            session.set("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        }
        if services.keyring {
            let home = session.dir.path().join("keyring-home");
            std::fs::create_dir_all(&home).unwrap();
            let mut keyring = session.command("gnome-keyring-daemon");
            keyring
                .args(["--foreground", "--unlock", "--components=secrets"])
                .env("HOME", &home)
                .env("XDG_DATA_HOME", home.join("data"))
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let mut child = keyring.spawn().expect("cannot start gnome-keyring-daemon");
            // The keyring's unlock password, then end of input.
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(b"session-password")
                .unwrap();
            session.children.push(child);
            session.wait_for_bus_name("org.freedesktop.secrets");
        }
        if services.notifications {
            let mut dunst = session.command("dunst");
            dunst.stdout(Stdio::null()).stderr(Stdio::null());
            session
                .children
                .push(dunst.spawn().expect("cannot start dunst"));
            session.wait_for_bus_name("org.freedesktop.Notifications");
        }
        session
    }

    fn set(&mut self, key: &str, value: impl Into<String>) {
        self.env.push((key.to_string(), value.into()));
    }

    /// A command that runs inside this session.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        for k in HOST_DESKTOP {
            cmd.env_remove(k);
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Whether some connection owns `name` on this session's bus.
    pub fn bus_name_owned(&self, name: &str) -> bool {
        let out = self
            .command("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                &format!("string:{name}"),
            ])
            .output()
            .expect("dbus-send");
        String::from_utf8_lossy(&out.stdout).contains("boolean true")
    }

    pub fn wait_for_bus_name(&self, name: &str) {
        wait_until_blocking(
            &format!("{name} to appear on the session bus"),
            Duration::from_secs(20),
            || {
                if self.bus_name_owned(name) {
                    Ok(())
                } else {
                    Err("no owner".into())
                }
            },
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The `rapport` binary built for these tests: the window, which hands every
/// subcommand to `rapport-cli`.
pub fn rapport_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rapport"))
}

/// The command-line binary beside it (`make` builds it before the tests).
pub fn rapport_cli_bin() -> PathBuf {
    let bin = rapport_bin().with_file_name(format!("rapport-cli{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: build it first (cargo build -p rapport-cli; make does)",
        bin.display()
    );
    bin
}

/// Runs `rapport` with a clean environment for the store: no passphrase, no
/// session bus, no display unless a session supplies them.
pub fn rapport(session: Option<&Session>, data_dir: &Path, args: &[&str]) -> Output {
    let mut cmd = match session {
        Some(s) => s.command(rapport_bin()),
        None => {
            let mut cmd = Command::new(rapport_bin());
            // No bus at all: the keyring is unreachable.
            cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
            cmd.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
            cmd
        }
    };
    in_the_c_locale(&mut cmd)
        .env_remove("RAPPORT_PASSPHRASE")
        .env("RAPPORT_DATA_DIR", data_dir)
        .args(args)
        .stdin(Stdio::null());
    cmd.output().expect("run rapport")
}

pub fn rapport_with_passphrase(data_dir: &Path, passphrase: &str, args: &[&str]) -> Output {
    rapport_in_locale(data_dir, passphrase, &[], args)
}

/// `rapport_with_passphrase` with locale variables (`LANG`, `LC_TIME`,
/// `LC_ALL`) set over the C locale the tests run the command line in.
pub fn rapport_in_locale(
    data_dir: &Path,
    passphrase: &str,
    locale: &[(&str, &str)],
    args: &[&str],
) -> Output {
    let mut cmd = Command::new(rapport_bin());
    in_the_c_locale(&mut cmd)
        .envs(locale.iter().copied())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("RAPPORT_PASSPHRASE", passphrase)
        .env("RAPPORT_DATA_DIR", data_dir)
        .args(args)
        .stdin(Stdio::null());
    cmd.output().expect("run rapport")
}

/// The command line writes times on the clock of the terminal's locale:
/// the tests' expected texts are on the C locale's 24 hours, whatever the
/// machine running them is set to.
fn in_the_c_locale(cmd: &mut Command) -> &mut Command {
    cmd.env_remove("LC_ALL")
        .env_remove("LC_TIME")
        .env("LANG", "C.UTF-8")
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every file in a directory with its bytes, to prove nothing changed.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                files.insert(
                    entry.file_name().to_string_lossy().into_owned(),
                    std::fs::read(entry.path()).unwrap(),
                );
            }
        }
    }
    files
}
