//! The desktop around the app in an end-to-end test: stand-ins for the
//! default mail app and browser, and a manager's hand on the native file
//! dialogs.

use super::{poll_blocking, wait_until_blocking, Session, PATIENCE};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A stand-in program for a desktop application: it copies what it is given
/// (a file's contents with `%f`, the address itself with `%u`) to `received`,
/// renamed into place so that it appears whole.
fn install_app(session: &Session, name: &str, field: &str, mime: &str, received: &Path) {
    let program = session.dir.path().join(format!("test-{name}"));
    let copy = if field == "%f" {
        format!("cp \"$1\" \"{0}.part\"", received.display())
    } else {
        format!("printf '%s' \"$1\" > \"{0}.part\"", received.display())
    };
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\n{copy} && mv \"{0}.part\" \"{0}\"\n",
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
        apps.join(format!("rapport-test-{name}.desktop")),
        format!(
            "[Desktop Entry]\nType=Application\nName=Test {name}\n\
             Exec={} {field}\nMimeType={mime};\n",
            program.display()
        ),
    )
    .unwrap();
}

/// Stand-ins for the desktop's default mail app and browser: they receive the
/// draft file and the link the way real ones would, through the desktop's
/// default-application lookup. Returns where the draft and the link will be.
pub fn install_desktop_apps(session: &Session) -> (PathBuf, PathBuf) {
    let mail = session.dir.path().join("mail-received.eml");
    let browser = session.dir.path().join("browser-received.txt");
    // Programs of their own, so the entries' Exec lines are plain commands
    // and any opener can run them.
    install_app(session, "mail", "%f", "message/rfc822", &mail);
    install_app(
        session,
        "browser",
        "%u",
        "x-scheme-handler/http;x-scheme-handler/https",
        &browser,
    );
    let config = session.dir.path().join("xdg-config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("mimeapps.list"),
        "[Default Applications]\nmessage/rfc822=rapport-test-mail.desktop\n\
         x-scheme-handler/http=rapport-test-browser.desktop\n\
         x-scheme-handler/https=rapport-test-browser.desktop\n",
    )
    .unwrap();
    (mail, browser)
}

fn xdotool(session: &Session, args: &[&str]) -> Result<String, String> {
    let out = session
        .command("xdotool")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run xdotool (make deps-test installs it): {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(format!(
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Which native file dialog: one that names a file to write, or one that
/// picks a file to read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FileDialog {
    Save,
    Open,
}

/// Answers the native file dialog titled `title` the way a manager can in
/// any GTK file chooser: types the whole path (in a save dialog over the
/// proposed name, in an open dialog into the location field Ctrl+L opens)
/// and presses Enter. Waits until the dialog is gone.
pub fn answer_file_dialog(session: &Session, kind: FileDialog, title: &str, path: &Path) {
    let pattern = format!("^{}$", regex_escape(title));
    let window = wait_until_blocking(&format!("the dialog \"{title}\""), PATIENCE, || {
        let found = xdotool(session, &["search", "--onlyvisible", "--name", &pattern])?;
        found
            .lines()
            .next()
            .map(str::to_string)
            .ok_or_else(|| "not open yet".to_string())
    });
    // No window manager runs: the dialog gets the keyboard only when asked.
    wait_until_blocking("the dialog to take the keyboard", PATIENCE, || {
        xdotool(session, &["windowfocus", "--sync", &window])?;
        let focused = xdotool(session, &["getwindowfocus"])?;
        if focused == window {
            Ok(())
        } else {
            Err(format!("focus is on {focused}"))
        }
    });
    let keys = match kind {
        // The name field has the keyboard, with a proposed name: replace it.
        FileDialog::Save => "ctrl+a",
        FileDialog::Open => "ctrl+l",
    };
    xdotool(session, &["key", "--clearmodifiers", keys]).unwrap();
    xdotool(
        session,
        &["type", "--delay", "20", &path.display().to_string()],
    )
    .unwrap();
    let gone = || match xdotool(session, &["search", "--onlyvisible", "--name", &pattern]) {
        // xdotool exits non-zero when no window matches.
        Err(_) => Ok(()),
        Ok(found) if found.is_empty() => Ok(()),
        Ok(found) => Err(format!("still open: {found}")),
    };
    xdotool(session, &["key", "Return"]).unwrap();
    // In an open dialog the location field may be showing its completions:
    // then the first Enter takes the completion, the second the file.
    let mut closed = poll_blocking(Duration::from_secs(2), gone);
    if closed.is_err() {
        xdotool(session, &["key", "Return"]).unwrap();
        closed = poll_blocking(PATIENCE, gone);
    }
    if let Err(seen) = closed {
        // What the dialog shows says why it did not take the path.
        let shot = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target/e2e-screenshots")
            .join(format!("stuck-dialog-{}.png", std::process::id()));
        let _ = session
            .command("import")
            .args(["-window", "root", "-silent"])
            .arg(&shot)
            .status();
        panic!(
            "the dialog \"{title}\" did not close after {} was typed ({seen}); the screen: {}",
            path.display(),
            shot.display()
        );
    }
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\.^$|?*+()[]{}".contains(c);
            special
                .then_some('\\')
                .into_iter()
                .chain(std::iter::once(c))
        })
        .collect()
}
