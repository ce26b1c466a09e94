//! End to end: Settings → Data in the real window. "Back up now" writes an
//! owner-only backup into the data folder's `backups/`, the window says where
//! and when, the command line verifies the file with the keyring's key
//! while the app keeps running, and the recovery key shown at the first run
//! restores it where that keyring is not. Screenshots in both themes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use std::path::PathBuf;
use support::webdriver::{click, launch_with_demo_team, wait_text, Screenshots};
use support::{Services, Session};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_up_now_from_settings_writes_a_backup_that_verifies() {
    let session = Session::start(Services {
        display: true,
        keyring: true,
        notifications: true,
    });
    let data_dir = session.dir.path().join("data");
    let shots = Screenshots::new(&session);
    let log = shots.log("tauri-driver-backup.log");
    let (app, recovery_key) = launch_with_demo_team(&session, &data_dir, &log).await;
    let c = &app.client;

    click(c, "#nav-settings").await;
    // The heading is shown in capitals by the style sheet; its text is "Data".
    wait_text(c, "#data-heading", "").await;
    let folder = wait_text(c, "#backup-folder", "backups").await;
    assert_eq!(
        PathBuf::from(folder.trim()),
        data_dir.join("backups"),
        "the default folder is in the data folder"
    );

    click(c, "#backup-now").await;
    let notice = wait_text(c, "#backup-notice", "Backed up at").await;
    let path = notice
        .split(" to ")
        .last()
        .map(|p| PathBuf::from(p.trim()))
        .unwrap();
    assert!(path.starts_with(data_dir.join("backups")), "{notice}");
    assert!(
        path.to_string_lossy().ends_with("-manual.rapportbackup"),
        "{notice}"
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"rapport-backup 1\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The window names the backup as the latest one.
    wait_text(c, "#backup-latest", "").await;

    c.execute(
        "document.getElementById('data-heading').scrollIntoView({block: 'start'})",
        vec![],
    )
    .await
    .unwrap();
    shots
        .take_in_both_themes(c, "backup-01-settings-data")
        .await;

    // Checked with the keyring's key while the window keeps the store open.
    let out = support::rapport(
        Some(&session),
        &data_dir,
        &["verify-backup", path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", support::text(&out));
    let said = support::text(&out);
    assert!(said.contains("is a healthy backup"), "{said}");
    assert!(said.contains("6 people"), "{said}");

    // On another computer, whose keyring knows nothing of this store, the
    // recovery key shown at the first run opens the backup.
    let key_file = session.dir.path().join("recovery-key.txt");
    std::fs::write(&key_file, format!("{recovery_key}\n")).unwrap();
    let elsewhere = session.dir.path().join("another-computer");
    let out = support::rapport(
        None,
        &elsewhere,
        &[
            "--recovery-key-file",
            key_file.to_str().unwrap(),
            "restore",
            path.to_str().unwrap(),
        ],
    );
    let said = support::text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("6 people"), "{said}");
    assert!(said.contains("There was no store there before."), "{said}");

    app.quit(&session, &data_dir).await;
}
