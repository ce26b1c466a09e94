//! `rapport backup`, `rapport verify-backup` and `rapport restore` on real
//! data directories: a backup carries a store to another computer with its
//! passphrase or its recovery key, and every refusal (a cut or damaged file, a wrong passphrase,
//! another store's backup, a file that is no backup) says why and changes
//! nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use std::path::{Path, PathBuf};
use support::{rapport, rapport_with_passphrase, snapshot, text, Services, Session, PASSPHRASE};

fn demo_store(tmp: &Path, name: &str, seed: &str) -> PathBuf {
    let dir = tmp.join(name);
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo", "--people", "3", "--seed", seed]);
    assert!(out.status.success(), "{}", text(&out));
    dir
}

fn export(dir: &Path, out: &Path) -> String {
    let result = rapport_with_passphrase(
        dir,
        PASSPHRASE,
        &["export", "json", "--out", out.to_str().unwrap(), "--force"],
    );
    assert!(result.status.success(), "{}", text(&result));
    std::fs::read_to_string(out).unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn back_up_verify_and_carry_to_another_computer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = demo_store(tmp.path(), "data", "4");
    let file = tmp.path().join("notes.rapportbackup");

    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["backup", "--out", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Backed up 3 people"), "{}", text(&out));
    assert!(text(&out).contains("passphrase"), "{}", text(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Never over an existing file without --force.
    let first = std::fs::read(&file).unwrap();
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["backup", "--out", path(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("--force"), "{}", text(&out));
    assert_eq!(std::fs::read(&file).unwrap(), first);
    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["backup", "--out", path(&file), "--force"],
    );
    assert!(out.status.success(), "{}", text(&out));

    // Verified without a store: only the file and its passphrase.
    let nowhere = tmp.path().join("nowhere");
    let out = rapport_with_passphrase(&nowhere, PASSPHRASE, &["verify-backup", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("is a healthy backup"), "{}", text(&out));
    assert!(text(&out).contains("3 people"), "{}", text(&out));
    assert!(
        !nowhere.exists(),
        "verify-backup created {}",
        nowhere.display()
    );

    let out = rapport_with_passphrase(
        &nowhere,
        "not the passphrase",
        &["verify-backup", path(&file)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("That passphrase does not unlock this backup."),
        "{}",
        text(&out)
    );
    let out = rapport(None, &nowhere, &["verify-backup", path(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("protected by a passphrase"),
        "{}",
        text(&out)
    );

    // Another computer: an empty data directory and the passphrase.
    let second = tmp.path().join("second-computer");
    let out = rapport_with_passphrase(&second, PASSPHRASE, &["restore", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("There was no store there before."),
        "{}",
        text(&out)
    );
    assert_eq!(
        export(&dir, &tmp.path().join("a.json")),
        export(&second, &tmp.path().join("b.json"))
    );
    let out = rapport_with_passphrase(&second, PASSPHRASE, &["doctor"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn restore_keeps_the_replaced_store_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = demo_store(tmp.path(), "data", "5");
    let file = tmp.path().join("b.rapportbackup");
    assert!(
        rapport_with_passphrase(&dir, PASSPHRASE, &["backup", "--out", path(&file)])
            .status
            .success()
    );
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["restore", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("Restored the backup made"), "{said}");
    let kept = said
        .split("kept in ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("no kept folder in {said}"));
    let kept = PathBuf::from(kept);
    assert!(kept.starts_with(&dir), "{}", kept.display());
    // The old store is whole there: it opens on its own.
    let out = rapport_with_passphrase(&kept, PASSPHRASE, &["doctor"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("3 people"), "{}", text(&out));
}

#[test]
fn damaged_files_and_other_stores_are_refused_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = demo_store(tmp.path(), "data", "6");
    let other = demo_store(tmp.path(), "other", "7");
    let good = tmp.path().join("other.rapportbackup");
    assert!(
        rapport_with_passphrase(&other, PASSPHRASE, &["backup", "--out", path(&good)])
            .status
            .success()
    );
    let bytes = std::fs::read(&good).unwrap();
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x5A;
    let json = tmp.path().join("export.json");
    export(&dir, &json);

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            bytes[..bytes.len() / 3].to_vec(),
            "is incomplete",
        ),
        ("flipped", flipped, "do not match its checksum"),
        (
            "not a backup",
            b"just some text\n".to_vec(),
            "is not a Rapport backup",
        ),
        (
            "a JSON export",
            std::fs::read(&json).unwrap(),
            "rapport import json",
        ),
    ];
    let file = tmp.path().join("case.rapportbackup");
    let before = snapshot(&dir);
    for (name, content, expected) in cases {
        std::fs::write(&file, &content).unwrap();
        for command in ["verify-backup", "restore"] {
            let out = rapport_with_passphrase(&dir, PASSPHRASE, &[command, path(&file)]);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{name} {command}: {}",
                text(&out)
            );
            assert!(
                text(&out).contains(expected),
                "{name} {command}: expected {expected:?} in\n{}",
                text(&out)
            );
            assert_eq!(snapshot(&dir), before, "{name} {command}: files changed");
        }
    }

    // Another store's backup replaces nothing unless asked.
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["restore", path(&good)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("backup of another notes store"),
        "{}",
        text(&out)
    );
    assert!(
        text(&out).contains("--replace-other-store"),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);
    // A wrong passphrase replaces nothing either.
    let out = rapport_with_passphrase(&dir, "not the passphrase", &["restore", path(&good)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("does not unlock this backup"),
        "{}",
        text(&out)
    );
    assert_eq!(snapshot(&dir), before);

    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["restore", path(&good), "--replace-other-store"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        export(&dir, &tmp.path().join("restored.json")),
        export(&other, &tmp.path().join("other.json"))
    );
}

#[test]
fn a_keyring_backup_opens_where_its_key_is() {
    let session = Session::start(Services {
        keyring: true,
        ..Default::default()
    });
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(rapport(Some(&session), &dir, &["demo", "--people", "2"])
        .status
        .success());
    let file = tmp.path().join("k.rapportbackup");
    let out = rapport(Some(&session), &dir, &["backup", "--out", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("keyring"), "{}", text(&out));
    let out = rapport(Some(&session), &dir, &["verify-backup", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    let out = rapport(Some(&session), &dir, &["restore", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));

    // Another computer's keyring does not hold its key.
    let other = Session::start(Services {
        keyring: true,
        ..Default::default()
    });
    let elsewhere = tmp.path().join("elsewhere");
    let out = rapport(Some(&other), &elsewhere, &["restore", path(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("not in this computer's keyring"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("--recovery-key-file"), "{}", text(&out));
    assert!(!elsewhere.exists());

    // There, the store's recovery key opens it; then the new keyring takes over.
    let key_file = tmp.path().join("recovery-key.txt");
    let out = rapport(
        Some(&session),
        &dir,
        &["recovery-key", "--out", path(&key_file)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let recovery = ["--recovery-key-file", path(&key_file)];
    let out = rapport(
        Some(&other),
        &elsewhere,
        &[&recovery[..], &["verify-backup", path(&file)]].concat(),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("2 people"), "{}", text(&out));
    let out = rapport(
        Some(&other),
        &elsewhere,
        &[&recovery[..], &["restore", path(&file)]].concat(),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("opened with its recovery key"),
        "{}",
        text(&out)
    );
    let out = rapport(
        Some(&other),
        &elsewhere,
        &[&recovery[..], &["key", "use-keyring"]].concat(),
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = rapport(Some(&other), &elsewhere, &["doctor"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("2 people"), "{}", text(&out));

    // A recovery key of another store opens nothing and changes nothing.
    let stranger = tmp.path().join("stranger");
    let out = rapport(Some(&other), &stranger, &["demo", "--people", "1"]);
    assert!(out.status.success(), "{}", text(&out));
    let stranger_key = tmp.path().join("stranger-key.txt");
    let out = rapport(
        Some(&other),
        &stranger,
        &["recovery-key", "--out", path(&stranger_key)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let third = tmp.path().join("third");
    let out = rapport(
        Some(&other),
        &third,
        &[
            "--recovery-key-file",
            path(&stranger_key),
            "restore",
            path(&file),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("recovery key does not open this backup"),
        "{}",
        text(&out)
    );
    assert!(!third.exists());
}
