//! The real `rapport` binary against real data directories: doctor, demo,
//! export and import, in passphrase and keyring mode, and every refusal
//! leaves the files as they were.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use std::process::Command;
use support::{
    rapport, rapport_bin, rapport_cli_bin, rapport_with_passphrase, snapshot, text, Services,
    Session, PASSPHRASE,
};

fn data_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    (tmp, dir)
}

#[test]
fn doctor_without_a_store_says_so_and_fails() {
    let (_tmp, dir) = data_dir();
    let out = rapport(None, &dir, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("There is no Rapport store"),
        "{}",
        text(&out)
    );
    assert!(!dir.exists(), "doctor must not create anything");
}

#[test]
fn passphrase_store_demo_doctor_and_refusals() {
    let (_tmp, dir) = data_dir();
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("6 people"), "{}", text(&out));

    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["doctor"]);
    let report = text(&out);
    assert!(out.status.success(), "{report}");
    for expected in [
        "passphrase (Argon2id)",
        "Integrity check:       ok",
        "Full-text search:      yes",
        "6 people",
        "Healthy:               yes",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in\n{report}"
        );
    }

    let json = rapport_with_passphrase(&dir, PASSPHRASE, &["doctor", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["healthy"], true);
    assert_eq!(value["key_backend"], "passphrase");

    // Wrong passphrase: clear message, non-zero, nothing touched.
    let before = snapshot(&dir);
    let out = rapport_with_passphrase(
        &dir,
        "not the passphrase",
        &["export", "json", "--out", "/dev/null", "--force"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("That passphrase does not unlock this notes store."),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);

    // No passphrase and no terminal: asks for one.
    let out = rapport(None, &dir, &["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("protected by a passphrase"),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);

    // The same passphrase from a file (with the newline editors add).
    let file = dir.parent().unwrap().join("passphrase.txt");
    std::fs::write(&file, format!("{PASSPHRASE}\n")).unwrap();
    let out = rapport(
        None,
        &dir,
        &["--passphrase-file", file.to_str().unwrap(), "doctor"],
    );
    assert!(out.status.success(), "{}", text(&out));

    // Demo data goes only into an empty store.
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("already has people"), "{}", text(&out));
}

#[test]
fn damaged_files_are_refused_unchanged() {
    let (_tmp, dir) = data_dir();
    assert!(rapport_with_passphrase(&dir, PASSPHRASE, &["demo"])
        .status
        .success());
    let db = dir.join("rapport.db");
    let pristine = std::fs::read(&db).unwrap();

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            pristine[..pristine.len() - 1000].to_vec(),
            "truncated",
        ),
        ("flipped first page", flip(&pristine, 300), "damaged"),
        (
            "flipped middle page",
            flip(&pristine, pristine.len() / 2 + 77),
            "FAILED",
        ),
        ("empty file", Vec::new(), "truncated"),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(&db, &bytes).unwrap();
        let before = snapshot(&dir);
        let out = rapport_with_passphrase(&dir, PASSPHRASE, &["doctor"]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out));
        assert!(
            text(&out).contains(expected),
            "{name}: expected {expected:?} in\n{}",
            text(&out)
        );
        assert_eq!(snapshot(&dir), before, "{name}: files changed");
        // Nothing writes over it either.
        let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(snapshot(&dir), before, "{name}: demo changed files");
    }
    std::fs::write(&db, &pristine).unwrap();
    assert!(rapport_with_passphrase(&dir, PASSPHRASE, &["doctor"])
        .status
        .success());
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut copy = bytes.to_vec();
    copy[at] ^= 0xA5;
    copy
}

#[test]
fn json_round_trip_and_bad_import() {
    let (tmp, dir) = data_dir();
    assert!(
        rapport_with_passphrase(&dir, PASSPHRASE, &["demo", "--people", "3", "--seed", "7"])
            .status
            .success()
    );
    let first = tmp.path().join("first.json");
    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["export", "json", "--out", first.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "an export with private notes must be private to its owner"
        );
    }
    // Never overwritten without --force.
    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["export", "json", "--out", first.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("--force"), "{}", text(&out));

    let other = tmp.path().join("other");
    let out = rapport_with_passphrase(
        &other,
        "another good passphrase",
        &["import", "json", first.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let second = tmp.path().join("second.json");
    assert!(rapport_with_passphrase(
        &other,
        "another good passphrase",
        &["export", "json", "--out", second.to_str().unwrap()]
    )
    .status
    .success());
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );

    // A bad file: message names the place, and no store is created.
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    doc["meetings"][4]["status"] = "postponed".into();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let fresh = tmp.path().join("fresh");
    let out = rapport_with_passphrase(
        &fresh,
        PASSPHRASE,
        &["import", "json", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("meetings[4].status"), "{}", text(&out));
    assert!(
        !fresh.exists(),
        "a failed import must not leave a store behind"
    );

    // And into an existing store with data: refused, unchanged.
    let before = snapshot(&other);
    let out = rapport_with_passphrase(
        &other,
        "another good passphrase",
        &["import", "json", first.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("empty store"), "{}", text(&out));
    assert_eq!(snapshot(&other), before);
}

#[test]
fn keyring_store_lifecycle() {
    let session = Session::start(Services {
        keyring: true,
        ..Default::default()
    });
    let (_tmp, dir) = data_dir();
    let out = rapport(Some(&session), &dir, &["demo", "--people", "2"]);
    assert!(out.status.success(), "{}", text(&out));
    let header = std::fs::read_to_string(dir.join("rapport.header.json")).unwrap();
    assert!(header.contains(r#""kind": "keyring""#), "{header}");
    assert!(header.contains(r#""kind": "recovery_key""#), "{header}");
    let key_file = dir.parent().unwrap().join("recovery.txt");
    let out = rapport(
        Some(&session),
        &dir,
        &["recovery-key", "--out", key_file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));

    let out = rapport(Some(&session), &dir, &["doctor"]);
    let report = text(&out);
    assert!(out.status.success(), "{report}");
    assert!(
        report.contains("Key backend:           system keyring"),
        "{report}"
    );
    assert!(report.contains("Keyring reachable:     yes"), "{report}");

    // Another keyring (e.g. a reset login keyring): the key is missing.
    let before = snapshot(&dir);
    let other = Session::start(Services {
        keyring: true,
        ..Default::default()
    });
    let out = rapport(Some(&other), &dir, &["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("not in the system keyring"),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);

    // The recovery key opens it there, and moves its key into that keyring.
    let recovery = ["--recovery-key-file", key_file.to_str().unwrap()];
    let out = rapport(Some(&other), &dir, &[&recovery[..], &["doctor"]].concat());
    assert!(out.status.success(), "{}", text(&out));
    let out = rapport(
        Some(&other),
        &dir,
        &[&recovery[..], &["key", "use-keyring"]].concat(),
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = rapport(Some(&other), &dir, &["doctor"]);
    assert!(out.status.success(), "{}", text(&out));
    let before = snapshot(&dir);

    // No keyring service at all.
    let out = rapport(
        None,
        &dir,
        &["export", "json", "--out", "/dev/null", "--force"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("keyring cannot be reached"),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn new_store_without_keyring_or_passphrase_is_refused() {
    let (_tmp, dir) = data_dir();
    let out = rapport(None, &dir, &["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("RAPPORT_PASSPHRASE"), "{}", text(&out));
    assert!(!dir.join("rapport.db").exists());
}

#[test]
fn notification_service_is_reported() {
    let session = Session::start(Services {
        display: true,
        notifications: true,
        ..Default::default()
    });
    let (_tmp, dir) = data_dir();
    let out = rapport(Some(&session), &dir, &["doctor"]);
    assert!(
        text(&out).contains("Notifications:         reachable"),
        "{}",
        text(&out)
    );
    let out = rapport(None, &dir, &["doctor"]);
    assert!(
        text(&out).contains("Notifications:         no notification service"),
        "{}",
        text(&out)
    );
}

#[test]
fn the_app_without_a_display_says_so() {
    let (_tmp, dir) = data_dir();
    let out = rapport(None, &dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("no graphical display"),
        "{}",
        text(&out)
    );
}

#[test]
fn unknown_arguments_are_usage_errors() {
    let (_tmp, dir) = data_dir();
    let out = rapport(None, &dir, &["demo", "--people", "many"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("invalid value"), "{}", text(&out));
}

#[test]
fn the_window_binary_hands_commands_to_the_command_line() {
    let direct = Command::new(rapport_cli_bin())
        .arg("--help")
        .output()
        .expect("run rapport-cli");
    let handed = Command::new(rapport_bin())
        .arg("--help")
        .output()
        .expect("run rapport");
    assert!(direct.status.success(), "{}", text(&direct));
    assert!(handed.status.success(), "{}", text(&handed));
    let help = String::from_utf8_lossy(&direct.stdout);
    assert!(help.contains("doctor") && help.contains("export"), "{help}");
    assert_eq!(direct.stdout, handed.stdout);
}

#[test]
fn recovery_key_and_key_changes_from_the_command_line() {
    let (tmp, dir) = data_dir();
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo", "--people", "2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("rapport recovery-key --out"),
        "{}",
        text(&out)
    );
    let report = text(&rapport_with_passphrase(&dir, PASSPHRASE, &["doctor"]));
    assert!(
        report.contains("Recovery key:          not saved yet"),
        "{report}"
    );

    let first = tmp.path().join("first.txt");
    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["recovery-key", "--out", first.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let saved = std::fs::read_to_string(&first).unwrap();
    assert!(saved.contains("Rapport recovery key"), "{saved}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let report = text(&rapport_with_passphrase(&dir, PASSPHRASE, &["doctor"]));
    assert!(report.contains("Recovery key:          saved"), "{report}");

    // An existing file is not overwritten.
    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["recovery-key", "--out", first.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("already exists"), "{}", text(&out));

    // Without the passphrase, the recovery key opens the store for any command.
    let db_before = std::fs::read(dir.join("rapport.db")).unwrap();
    let with_first = ["--recovery-key-file", first.to_str().unwrap()];
    let out = rapport(
        None,
        &dir,
        &[&with_first[..], &["upcoming", "--days", "7"]].concat(),
    );
    assert!(out.status.success(), "{}", text(&out));

    // A new passphrase: the old one stops working, nothing is re-encrypted.
    let new_file = tmp.path().join("new-passphrase");
    std::fs::write(&new_file, "a different passphrase\n").unwrap();
    let out = rapport(
        None,
        &dir,
        &[
            &with_first[..],
            &[
                "key",
                "set-passphrase",
                "--new-passphrase-file",
                new_file.to_str().unwrap(),
            ],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(std::fs::read(dir.join("rapport.db")).unwrap(), db_before);
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("does not unlock"), "{}", text(&out));
    let out = rapport_with_passphrase(&dir, "a different passphrase", &["doctor"]);
    assert!(out.status.success(), "{}", text(&out));

    // A replaced recovery key retires the old one.
    let second = tmp.path().join("second.txt");
    let out = rapport_with_passphrase(
        &dir,
        "a different passphrase",
        &[
            "recovery-key",
            "--replace",
            "--out",
            second.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_ne!(std::fs::read_to_string(&second).unwrap(), saved);
    let before = snapshot(&dir);
    let out = rapport(None, &dir, &[&with_first[..], &["doctor"]].concat());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("recovery key does not open"),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);
    let out = rapport(
        None,
        &dir,
        &["--recovery-key-file", second.to_str().unwrap(), "doctor"],
    );
    assert!(out.status.success(), "{}", text(&out));

    // Re-encrypting everything: the pages change, the same secrets open it.
    let page =
        |dir: &std::path::Path| std::fs::read(dir.join("rapport.db")).unwrap()[..4096].to_vec();
    let page_before = page(&dir);
    let out = rapport(
        None,
        &dir,
        &[
            "--recovery-key-file",
            second.to_str().unwrap(),
            "key",
            "reencrypt",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a passphrase store needs its passphrase"
    );
    let out = rapport_with_passphrase(&dir, "a different passphrase", &["key", "reencrypt"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_ne!(page(&dir), page_before);
    let out = rapport_with_passphrase(&dir, "a different passphrase", &["doctor"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = rapport(
        None,
        &dir,
        &["--recovery-key-file", second.to_str().unwrap(), "doctor"],
    );
    assert!(out.status.success(), "{}", text(&out));

    // A file that holds no key says so.
    let out = rapport(
        None,
        &dir,
        &["--recovery-key-file", new_file.to_str().unwrap(), "doctor"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("recovery key has"), "{}", text(&out));
}
