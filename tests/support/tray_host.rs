//! A minimal system-tray host for tests: it answers as the
//! StatusNotifierWatcher on the session bus, so the app's tray icon registers
//! with it as it would with a desktop's panel, and the test can then read and
//! click the icon's menu over D-Bus (com.canonical.dbusmenu), as a panel does.

use super::{poll_blocking, Session};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Item {
    /// The bus name of the process that registered the icon.
    pub sender: String,
    /// What it registered: a bus name or an object path.
    pub service: String,
}

struct Watcher {
    items: Arc<Mutex<Vec<Item>>>,
    /// Registrations still to be dropped, as a panel that missed them would.
    to_miss: usize,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(
        &mut self,
        service: &str,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        if self.to_miss > 0 {
            self.to_miss -= 1;
            return;
        }
        if let Ok(mut items) = self.items.lock() {
            items.push(Item {
                sender,
                service: service.to_string(),
            });
        }
    }

    fn register_status_notifier_host(&mut self, _service: &str) {}

    /// As a desktop's panel lists them: an item that registered an object
    /// path is its bus name followed by the path.
    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items
            .lock()
            .map(|items| {
                items
                    .iter()
                    .map(|i| {
                        if i.service.starts_with('/') {
                            format!("{}{}", i.sender, i.service)
                        } else {
                            i.service.clone()
                        }
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

pub struct TrayHost {
    _connection: zbus::blocking::Connection,
    items: Arc<Mutex<Vec<Item>>>,
    /// The bus's traffic about tray icons and its names, written down from
    /// the start, so an icon that never registers leaves a trail to read.
    monitor: Option<Child>,
    transcript: PathBuf,
    app_log: PathBuf,
}

impl Drop for TrayHost {
    fn drop(&mut self) {
        if let Some(monitor) = self.monitor.as_mut() {
            let _ = monitor.kill();
            let _ = monitor.wait();
        }
    }
}

impl TrayHost {
    pub fn start(session: &Session) -> TrayHost {
        TrayHost::start_missing(session, 0)
    }

    /// A host that drops the first `to_miss` registrations it is sent, as
    /// if they never came.
    pub fn start_missing(session: &Session, to_miss: usize) -> TrayHost {
        let address = session
            .env
            .iter()
            .find(|(k, _)| k == "DBUS_SESSION_BUS_ADDRESS")
            .map(|(_, v)| v.clone())
            .expect("the session has a bus");
        let items = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::blocking::connection::Builder::address(address.as_str())
            .and_then(|b| b.name("org.kde.StatusNotifierWatcher"))
            .and_then(|b| {
                b.serve_at(
                    "/StatusNotifierWatcher",
                    Watcher {
                        items: items.clone(),
                        to_miss,
                    },
                )
            })
            .and_then(|b| b.build())
            .expect("serve the StatusNotifierWatcher");
        let transcript = session.dir.path().join("tray-bus.log");
        let monitor = std::fs::File::create(&transcript).ok().and_then(|file| {
            session
                .command("dbus-monitor")
                .args([
                    "--session",
                    "destination='org.kde.StatusNotifierWatcher'",
                    "interface='org.kde.StatusNotifierWatcher'",
                    "interface='org.kde.StatusNotifierItem'",
                    "member='NameOwnerChanged'",
                    // Who asks after the watcher's owner, and any error reply.
                    "arg0='org.kde.StatusNotifierWatcher'",
                    "type='error'",
                ])
                .stdin(Stdio::null())
                .stdout(file)
                .stderr(Stdio::null())
                .spawn()
                .ok()
        });
        TrayHost {
            _connection: connection,
            items,
            monitor,
            transcript,
            app_log: super::webdriver::log_dir(session),
        }
    }

    /// The first icon registered, once there is one. Should none come, the
    /// failure shows what the bus saw of tray icons and what the app logged.
    pub fn wait_for_item(&self, timeout: Duration) -> Item {
        let registered = poll_blocking(timeout, || {
            self.items
                .lock()
                .ok()
                .and_then(|i| i.last().cloned())
                .ok_or_else(|| "no icon registered".to_string())
        });
        registered.unwrap_or_else(|_| {
            let tail = |text: String, lines: usize| {
                let all: Vec<&str> = text.lines().collect();
                all[all.len().saturating_sub(lines)..].join("\n")
            };
            let bus = std::fs::read_to_string(&self.transcript).unwrap_or_default();
            let log = super::webdriver::logs_in(&self.app_log);
            panic!(
                "no tray icon registered with the tray host within {timeout:?}.\n\
                 The bus, about tray icons and names:\n{}\n\
                 The app's log:\n{}",
                tail(bus, 120),
                tail(log, 40)
            )
        })
    }
}

fn gdbus(session: &Session, args: &[&str]) -> String {
    let out = session
        .command("gdbus")
        .arg("call")
        .arg("--session")
        .args(args)
        .output()
        .expect("gdbus (make deps-test installs it)");
    assert!(
        out.status.success(),
        "gdbus {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

impl Item {
    /// Waits for the menu's first line, the next 1:1's, to start with
    /// `start`; the whole menu.
    pub async fn wait_for_first_line(&self, session: &Session, start: &str) -> Vec<(i32, String)> {
        super::wait_until(
            &format!("the tray menu to say {start:?}"),
            super::PATIENCE,
            || async {
                let menu = self.menu(session);
                match menu.first() {
                    Some((_, line)) if line.starts_with(start) => Ok(menu),
                    _ => Err(format!("{menu:?}")),
                }
            },
        )
        .await
    }

    fn object_path(&self) -> &str {
        if self.service.starts_with('/') {
            &self.service
        } else {
            "/StatusNotifierItem"
        }
    }

    /// Where the icon's menu is exported.
    fn menu_path(&self, session: &Session) -> String {
        let reply = gdbus(
            session,
            &[
                "--dest",
                &self.sender,
                "--object-path",
                self.object_path(),
                "--method",
                "org.freedesktop.DBus.Properties.Get",
                "org.kde.StatusNotifierItem",
                "Menu",
            ],
        );
        // "(<objectpath '/org/ayatana/NotificationItem/rapport/Menu'>,)"
        reply
            .split('\'')
            .nth(1)
            .unwrap_or_else(|| panic!("no menu path in {reply}"))
            .to_string()
    }

    /// The labels of the icon's menu items with their ids, as a panel reads them.
    pub fn menu(&self, session: &Session) -> Vec<(i32, String)> {
        let menu_path = self.menu_path(session);
        let layout = gdbus(
            session,
            &[
                "--dest",
                &self.sender,
                "--object-path",
                &menu_path,
                "--method",
                "com.canonical.dbusmenu.GetLayout",
                // The arguments follow; "-1" is not an option.
                "--",
                "0",
                "-1",
                "[]",
            ],
        );
        // Each child reads "<(ID, {'label': <'TEXT'>, …}, …)>".
        layout
            .split("<(")
            .skip(1)
            .filter_map(|part| {
                let id: i32 = part.split(',').next()?.trim().parse().ok()?;
                let label = part.split("'label': <'").nth(1)?.split('\'').next()?;
                Some((id, label.replace('_', "")))
            })
            .collect()
    }

    /// Clicks a menu item the way a panel does.
    pub fn click(&self, session: &Session, id: i32) {
        let menu_path = self.menu_path(session);
        gdbus(
            session,
            &[
                "--dest",
                &self.sender,
                "--object-path",
                &menu_path,
                "--method",
                "com.canonical.dbusmenu.Event",
                &id.to_string(),
                "clicked",
                "<0>",
                "0",
            ],
        );
    }
}
