//! Encrypted backups on real stores: the file stays encrypted, checks fully
//! without being restored, refuses damage with a clear message, restores with
//! the store it replaced kept aside (or everything put back when it fails),
//! and a store of an earlier schema is backed up before it is upgraded.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::demo::{generate, DemoOptions};
use rapport_core::records::people::{self, Level};
use rapport_core::records::settings;
use rapport_core::store::backup::{
    self, inspect_backup, restore, verify_backup, BackupKind, RestoreOptions,
};
use rapport_core::store::keys::{
    self as keys, DbKey, KdfParams, KeyBackend, KeyParams, KeySlot, KeyStore, MemoryKeyStore,
    PassphraseKeyStore, RecoveryKeyStore, SlotKind,
};
use rapport_core::store::schema::LATEST_VERSION;
use rapport_core::store::{ReencryptStep, StoreHeader};
use rapport_core::{ErrorCode, FixedClock, Result, Store, StorePaths};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use support::{at, clock, contains, snapshot, TestStore};
use zeroize::Zeroizing;

const MARKER: &str = "ZQX-BACKUP-MARKER";
const PASSPHRASE: &str = "correct horse battery";

fn quick_passphrase(p: &str) -> PassphraseKeyStore {
    PassphraseKeyStore::new(Zeroizing::new(p.to_string())).with_params(KdfParams {
        memory_kib: 8 * 1024,
        iterations: 1,
        parallelism: 1,
    })
}

/// A store with a small demo team and one person named by the marker.
fn filled(paths: &StorePaths, keys: &dyn KeyStore) -> Store {
    let mut store = Store::create(paths, keys, clock()).unwrap();
    generate(
        &mut store,
        DemoOptions {
            people: 3,
            years: 1,
            seed: 9,
        },
    )
    .unwrap();
    people::create(&mut store, support::person_input(MARKER, Level::Senior)).unwrap();
    store
}

fn people_names(store: &Store) -> Vec<String> {
    store
        .people()
        .list()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// The bytes of a section ("about", "header", "database") of a backup file.
fn section<'a>(bytes: &'a [u8], name: &str) -> &'a [u8] {
    let marker = format!("\n{name} ");
    let start = bytes
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .unwrap()
        + 1;
    let line_end = start + bytes[start..].iter().position(|b| *b == b'\n').unwrap();
    let len: usize = std::str::from_utf8(&bytes[start + marker.len() - 1..line_end])
        .unwrap()
        .parse()
        .unwrap();
    &bytes[line_end + 1..line_end + 1 + len]
}

fn database_section(bytes: &[u8]) -> &[u8] {
    section(bytes, "database")
}

/// The store header a backup file carries.
fn header_in(file: &Path) -> StoreHeader {
    StoreHeader::from_bytes(section(&std::fs::read(file).unwrap(), "header")).unwrap()
}

#[test]
fn a_backup_is_one_file_whose_snapshot_stays_encrypted_with_the_same_key() {
    let t = TestStore::new();
    let store = filled(&t.paths, &t.keys);
    let out = t.dir.path().join("first.rapportbackup");
    let info = store.back_up_to(&out, false).unwrap();
    assert_eq!(info.kind, BackupKind::Manual);
    assert_eq!(info.people, Some(4));
    assert_eq!(info.schema_version, LATEST_VERSION);

    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"rapport-backup 1\n"));
    assert!(!contains(&bytes, MARKER.as_bytes()), "a name in clear text");
    assert!(!contains(&bytes, b"SQLite format 3"));
    // The header is in it verbatim.
    assert!(contains(&bytes, &std::fs::read(&t.paths.header).unwrap()));
    let snapshot_db = database_section(&bytes);
    assert!(!snapshot_db.starts_with(b"SQLite format 3"));
    assert_eq!(snapshot_db.len() % 4096, 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // The snapshot opens with the store's key, and with nothing else.
    let db = t.dir.path().join("snapshot.db");
    std::fs::write(&db, snapshot_db).unwrap();
    let key = keys::key_for(store.header(), &t.keys).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "key", format!("x'{}'", hex::encode(key.as_bytes())))
        .unwrap();
    let found: String = conn
        .query_row("SELECT name FROM person WHERE name = ?1", [MARKER], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(found, MARKER);
    drop(conn);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "key", format!("x'{}'", "00".repeat(32)))
        .unwrap();
    assert!(conn
        .query_row("SELECT count(*) FROM person", [], |r| r.get::<_, i64>(0))
        .is_err());

    // Never over an existing file unless asked.
    let err = store.back_up_to(&out, false).unwrap_err();
    assert!(err.message.contains("already exists"), "{}", err.message);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    store.back_up_to(&out, true).unwrap();
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".rapport-backup")),
        "{names:?}"
    );
}

#[test]
fn verify_checks_it_all_and_writes_nothing_beside_it() {
    let t = TestStore::new();
    let store = filled(&t.paths, &t.keys);
    let out = t.dir.path().join("b.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    drop(store);
    let before_dir = snapshot(t.dir.path());
    let before_data = snapshot(&t.paths.dir);
    let info = verify_backup(&out, &t.keys).unwrap();
    assert_eq!(info.people, Some(4));
    assert!(info.meetings.unwrap() > 10);
    assert_eq!(info.key_backend, KeyBackend::Keyring);
    assert_eq!(snapshot(t.dir.path()), before_dir);
    assert_eq!(snapshot(&t.paths.dir), before_data);

    // Without the key: the file checks out, nothing is counted.
    let quick = inspect_backup(&out).unwrap();
    assert_eq!(quick.store_id, info.store_id);
    assert_eq!(quick.people, None);

    // A keyring that lacks the key: said of the backup.
    let err = verify_backup(&out, &MemoryKeyStore::new()).unwrap_err();
    assert_eq!(err.code, ErrorCode::KeyMissing);
    assert!(
        err.message.contains("not in this computer's keyring"),
        "{}",
        err.message
    );
}

#[test]
fn damaged_and_foreign_files_are_refused_with_clear_messages() {
    let t = TestStore::new();
    let store = filled(&t.paths, &t.keys);
    let good = t.dir.path().join("good.rapportbackup");
    store.back_up_to(&good, false).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    // A byte in the middle of the database section.
    let db_at = bytes.len() - 100 - database_section(&bytes).len() / 2;

    let json = rapport_core::formats::exchange::export_json(&store).unwrap();

    let cases: Vec<(&str, Vec<u8>, ErrorCode, &str)> = vec![
        (
            "cut in the database",
            bytes[..bytes.len() / 2].to_vec(),
            ErrorCode::BackupDamaged,
            "is incomplete",
        ),
        (
            "cut before the checksum",
            bytes[..bytes.len() - 20].to_vec(),
            ErrorCode::BackupDamaged,
            "is incomplete",
        ),
        (
            "cut in the first line",
            bytes[..8].to_vec(),
            ErrorCode::BackupDamaged,
            "is incomplete",
        ),
        (
            "a flipped byte",
            flip(&bytes, db_at),
            ErrorCode::BackupDamaged,
            "do not match its checksum",
        ),
        (
            "bytes after the end",
            [bytes.clone(), b"more".to_vec()].concat(),
            ErrorCode::BackupDamaged,
            "extra bytes",
        ),
        (
            "a JSON export",
            json.into_bytes(),
            ErrorCode::NotABackup,
            "JSON export",
        ),
        (
            "the database itself",
            std::fs::read(&t.paths.db).unwrap(),
            ErrorCode::NotABackup,
            "is not a Rapport backup",
        ),
        (
            "an empty file",
            Vec::new(),
            ErrorCode::NotABackup,
            "it is empty",
        ),
        (
            "a newer format",
            [b"rapport-backup 7\n".to_vec(), bytes[17..].to_vec()].concat(),
            ErrorCode::SchemaTooNew,
            "newer version of Rapport",
        ),
    ];
    let file = t.dir.path().join("case.rapportbackup");
    for (name, content, code, expected) in cases {
        std::fs::write(&file, &content).unwrap();
        for err in [
            inspect_backup(&file).unwrap_err(),
            verify_backup(&file, &t.keys).unwrap_err(),
        ] {
            assert_eq!(err.code, code, "{name}: {}", err.message);
            assert!(
                err.message.contains(expected),
                "{name}: expected {expected:?} in {}",
                err.message
            );
        }
    }
    let err = inspect_backup(t.dir.path()).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotABackup);
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut copy = bytes.to_vec();
    copy[at] ^= 0x5A;
    copy
}

#[test]
fn a_wrong_passphrase_does_not_unlock_a_backup() {
    let t = TestStore::new();
    let keys = quick_passphrase(PASSPHRASE);
    let store = filled(&t.paths, &keys);
    let out = t.dir.path().join("p.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    assert_eq!(
        inspect_backup(&out).unwrap().key_backend,
        KeyBackend::Passphrase
    );
    let err = verify_backup(&out, &quick_passphrase("not the passphrase")).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert!(
        err.message
            .starts_with("That passphrase does not unlock this backup."),
        "{}",
        err.message
    );
    let err = verify_backup(&out, &t.keys).unwrap_err();
    assert_eq!(err.code, ErrorCode::PassphraseRequired);
    assert!(verify_backup(&out, &quick_passphrase(PASSPHRASE)).is_ok());
}

#[test]
fn restore_replaces_the_store_and_keeps_the_old_one_aside() {
    let t = TestStore::new();
    let mut store = filled(&t.paths, &t.keys);
    let out = t.dir.path().join("b.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    people::create(
        &mut store,
        support::person_input("Added Later", Level::Junior),
    )
    .unwrap();
    drop(store);

    let preview = backup::preview_restore(&out, &t.paths).unwrap();
    assert!(preview.replaces_a_store && !preview.other_store);
    let restored = restore(&out, &t.paths, &t.keys, clock(), RestoreOptions::default()).unwrap();
    let names = people_names(&restored.store);
    assert!(names.contains(&MARKER.to_string()), "{names:?}");
    assert!(!names.contains(&"Added Later".to_string()), "{names:?}");
    assert_eq!(restored.backup.people, Some(4));
    let replaced = restored.replaced.clone().unwrap();
    assert_eq!(
        replaced.store_id.as_deref(),
        Some(restored.store.header().store_id.as_str())
    );
    drop(restored);

    // The store it replaced is whole where the restore said, and opens.
    let kept = PathBuf::from(&replaced.kept_in);
    assert!(kept.starts_with(&t.paths.dir), "{}", kept.display());
    let old = Store::open(&StorePaths::in_dir(&kept), &t.keys, clock()).unwrap();
    assert!(people_names(&old).contains(&"Added Later".to_string()));
    drop(old);
    // Nothing of the unpacking is left.
    let leftovers: Vec<String> = std::fs::read_dir(&t.paths.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".restore"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn restore_onto_a_new_computer_needs_only_the_passphrase() {
    let t = TestStore::new();
    let store = filled(&t.paths, &quick_passphrase(PASSPHRASE));
    let out = t.dir.path().join("carry.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    drop(store);

    let elsewhere = StorePaths::in_dir(t.dir.path().join("new-computer").join("rapport"));
    let err = restore(
        &out,
        &elsewhere,
        &quick_passphrase("not the passphrase"),
        clock(),
        RestoreOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert!(!elsewhere.dir.exists(), "a failed restore leaves nothing");

    let restored = restore(
        &out,
        &elsewhere,
        &quick_passphrase(PASSPHRASE),
        clock(),
        RestoreOptions::default(),
    )
    .unwrap();
    assert!(restored.replaced.is_none());
    assert!(people_names(&restored.store).contains(&MARKER.to_string()));
    drop(restored);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [&elsewhere.dir, &elsewhere.db, &elsewhere.header] {
            let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert!(
                mode == 0o600 || mode == 0o700,
                "{}: {mode:o}",
                path.display()
            );
        }
    }
    Store::open(&elsewhere, &quick_passphrase(PASSPHRASE), clock()).unwrap();
}

#[test]
fn a_backup_carries_the_key_slots_and_opens_on_a_new_computer_with_the_recovery_key() {
    let t = TestStore::new();
    let store = filled(&t.paths, &t.keys);
    let recovery = store.recovery_key().unwrap();
    let out = t.dir.path().join("carry.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    drop(store);

    // The header of key slots: the keyring's and the recovery key's.
    let header = header_in(&out);
    assert_eq!(header.version, 2);
    assert!(header.slot(SlotKind::Keyring).is_some());
    assert!(header.slot(SlotKind::RecoveryKey).is_some());
    assert_eq!(header, StoreHeader::read(&t.paths.header).unwrap());

    // The new computer's keyring knows nothing of this store.
    let new_keyring = MemoryKeyStore::new();
    let err = verify_backup(&out, &new_keyring).unwrap_err();
    assert_eq!(err.code, ErrorCode::KeyMissing);
    assert!(err.message.contains("recovery key"), "{}", err.message);

    let elsewhere = StorePaths::in_dir(t.dir.path().join("new-computer").join("rapport"));
    let err = restore(
        &out,
        &elsewhere,
        &RecoveryKeyStore(keys::RecoveryKey::generate()),
        clock(),
        RestoreOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongRecoveryKey);
    assert!(!elsewhere.dir.exists(), "a failed restore leaves nothing");

    let by_recovery = RecoveryKeyStore(recovery);
    let info = verify_backup(&out, &by_recovery).unwrap();
    assert_eq!(info.people, Some(4));
    let mut restored = restore(
        &out,
        &elsewhere,
        &by_recovery,
        clock(),
        RestoreOptions::default(),
    )
    .unwrap();
    assert!(restored.replaced.is_none());
    assert!(people_names(&restored.store).contains(&MARKER.to_string()));
    // Opened with the recovery key, the store asks for a new everyday key;
    // this computer's keyring takes it over.
    assert_eq!(restored.store.opened_with(), SlotKind::RecoveryKey);
    restored.store.use_key(&new_keyring, &new_keyring).unwrap();
    drop(restored);
    let reopened = Store::open(&elsewhere, &new_keyring, clock()).unwrap();
    assert!(people_names(&reopened).contains(&MARKER.to_string()));
}

#[test]
fn a_passphrase_backup_opens_with_the_recovery_key_too() {
    let t = TestStore::new();
    let store = filled(&t.paths, &quick_passphrase(PASSPHRASE));
    let recovery = store.recovery_key().unwrap();
    let out = t.dir.path().join("p.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    drop(store);
    let elsewhere = StorePaths::in_dir(t.dir.path().join("elsewhere"));
    let restored = restore(
        &out,
        &elsewhere,
        &RecoveryKeyStore(recovery),
        clock(),
        RestoreOptions::default(),
    )
    .unwrap();
    assert_eq!(restored.store.opened_with(), SlotKind::RecoveryKey);
    assert_eq!(restored.backup.key_backend, KeyBackend::Passphrase);
}

#[test]
fn a_backup_opens_the_way_the_store_did_when_it_was_made() {
    let t = TestStore::new();
    let mut store = filled(&t.paths, &quick_passphrase(PASSPHRASE));
    let out = t.dir.path().join("before-change.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    let new_passphrase = "a different passphrase";
    store
        .use_key(&quick_passphrase(new_passphrase), &t.keys)
        .unwrap();
    drop(store);

    verify_backup(&out, &quick_passphrase(PASSPHRASE)).unwrap();
    let err = verify_backup(&out, &quick_passphrase(new_passphrase)).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert!(
        err.message.contains("when the backup was made"),
        "{}",
        err.message
    );
}

#[test]
fn a_backup_during_a_cut_short_reencryption_carries_the_key_of_its_pages() {
    for step in [ReencryptStep::HeaderWritten, ReencryptStep::PagesRewritten] {
        let t = TestStore::new();
        let mut store = filled(&t.paths, &t.keys);
        let recovery = store.recovery_key().unwrap();
        store.reencrypt_until(&t.keys, step).unwrap();
        assert!(store.header().next_key.is_some());
        let out = t.dir.path().join("mid.rapportbackup");
        store.back_up_to(&out, false).unwrap();
        drop(store);

        let header = header_in(&out);
        assert!(header.next_key.is_none(), "{step:?}");
        let info = verify_backup(&out, &t.keys).unwrap();
        assert_eq!(info.people, Some(4), "{step:?}");
        verify_backup(&out, &RecoveryKeyStore(recovery)).unwrap();
    }
}

#[test]
fn a_backup_of_another_store_replaces_nothing_unless_asked() {
    let t = TestStore::new();
    drop(filled(&t.paths, &t.keys));
    let other = TestStore::new();
    let other_store = filled(&other.paths, &t.keys);
    let out = t.dir.path().join("other.rapportbackup");
    other_store.back_up_to(&out, false).unwrap();
    drop(other_store);

    let preview = backup::preview_restore(&out, &t.paths).unwrap();
    assert!(preview.replaces_a_store && preview.other_store);
    let nothing_there =
        backup::preview_restore(&out, &StorePaths::in_dir(t.dir.path().join("none"))).unwrap();
    assert!(!nothing_there.replaces_a_store && !nothing_there.other_store);

    let before = snapshot(&t.paths.dir);
    let err = restore(&out, &t.paths, &t.keys, clock(), RestoreOptions::default()).unwrap_err();
    assert_eq!(err.code, ErrorCode::OtherStore);
    assert!(
        err.message.contains("another notes store"),
        "{}",
        err.message
    );
    assert_eq!(snapshot(&t.paths.dir), before);
    assert_eq!(dirs_in(&t.paths.dir), Vec::<String>::new());

    let restored = restore(
        &out,
        &t.paths,
        &t.keys,
        clock(),
        RestoreOptions {
            replace_other_store: true,
        },
    )
    .unwrap();
    assert_ne!(
        restored.replaced.unwrap().store_id.unwrap(),
        restored.store.header().store_id
    );
}

fn dirs_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// A keyring that answers the first `good` times, then fails: the backup
/// checks out, and opening the restored store does not.
struct FailingLater {
    inner: MemoryKeyStore,
    good: usize,
    asked: AtomicUsize,
}

impl KeyStore for FailingLater {
    fn kind(&self) -> SlotKind {
        SlotKind::Keyring
    }
    fn seal(&self, store_id: &str, data_key: &DbKey) -> Result<KeySlot> {
        self.inner.seal(store_id, data_key)
    }
    fn open(&self, store_id: &str, slot: &KeySlot) -> Result<DbKey> {
        if self.asked.fetch_add(1, Ordering::SeqCst) >= self.good {
            return Err(rapport_core::Error::new(
                ErrorCode::KeyringUnavailable,
                "The keyring went away.",
            ));
        }
        self.inner.open(store_id, slot)
    }
    fn legacy_key(&self, store_id: &str, params: &KeyParams) -> Result<DbKey> {
        self.inner.legacy_key(store_id, params)
    }
    fn discard(&self, store_id: &str) {
        self.inner.discard(store_id)
    }
}

#[test]
fn a_restore_that_fails_half_way_puts_everything_back() {
    let t = TestStore::new();
    let mut store = filled(&t.paths, &t.keys);
    let out = t.dir.path().join("b.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    people::create(
        &mut store,
        support::person_input("Added Later", Level::Junior),
    )
    .unwrap();
    drop(store);
    let id = inspect_backup(&out).unwrap().store_id;

    let before = snapshot(&t.paths.dir);
    let keys = FailingLater {
        inner: MemoryKeyStore::new(),
        good: 1,
        asked: AtomicUsize::new(0),
    };
    keys.inner.insert(&id, t.keys.key(&id).unwrap());
    assert_eq!(
        inspect_backup(&out).unwrap().key_backend,
        KeyBackend::Keyring
    );
    let err = restore(&out, &t.paths, &keys, clock(), RestoreOptions::default()).unwrap_err();
    assert_eq!(err.code, ErrorCode::KeyringUnavailable, "{}", err.message);
    assert_eq!(keys.asked.load(Ordering::SeqCst), 2, "checked, then opened");
    assert_eq!(snapshot(&t.paths.dir), before);
    assert_eq!(dirs_in(&t.paths.dir), Vec::<String>::new());
    let store = Store::open(&t.paths, &t.keys, clock()).unwrap();
    assert!(people_names(&store).contains(&"Added Later".to_string()));
}

#[test]
fn a_damaged_store_can_be_replaced_by_its_backup() {
    let t = TestStore::new();
    let store = filled(&t.paths, &t.keys);
    let out = t.dir.path().join("b.rapportbackup");
    store.back_up_to(&out, false).unwrap();
    drop(store);
    std::fs::write(&t.paths.db, b"not a database at all").unwrap();
    assert!(t.open().is_err());
    let restored = restore(&out, &t.paths, &t.keys, clock(), RestoreOptions::default()).unwrap();
    assert!(people_names(&restored.store).contains(&MARKER.to_string()));
}

#[test]
fn folder_backups_daily_rotation_and_the_chosen_folder() {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2026-01-01T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
    let default = t.paths.dir.join("backups");
    assert_eq!(store.backup_dir().unwrap(), default);
    assert_eq!(store.backup_status().unwrap().latest, None);

    let now = store.back_up_now().unwrap();
    assert!(
        now.path.starts_with(default.to_str().unwrap()),
        "{}",
        now.path
    );
    assert!(Path::new(&now.path).exists());
    let status = store.backup_status().unwrap();
    assert!(status.default_folder);
    assert_eq!(status.latest.unwrap().kind, BackupKind::Manual);
    assert_eq!(status.last_automatic, None);

    // Daily for 100 days: one a day, however often it is asked.
    for day in 0..100 {
        clock.set(at("2026-01-01T09:00:00Z") + chrono::Duration::days(day));
        assert!(store.back_up_if_due().unwrap().is_some(), "day {day}");
        clock.set(at("2026-01-01T17:00:00Z") + chrono::Duration::days(day));
        assert!(store.back_up_if_due().unwrap().is_none(), "day {day}");
    }
    let files = backup::list_backups(&default, &store.header().store_id);
    let automatic: Vec<_> = files
        .iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .collect();
    // 7 days, 4 weeks and 4 months (January to April) overlap to 13 files.
    assert!(
        automatic.len() <= 7 + 4 + 6 && automatic.len() >= 7,
        "{}",
        automatic.len()
    );
    assert_eq!(
        automatic[0].created_at,
        at("2026-01-01T09:00:00Z") + chrono::Duration::days(99)
    );
    // The manual backup is not rotated away.
    assert!(Path::new(&now.path).exists());
    assert_eq!(
        store.backup_status().unwrap().last_automatic.unwrap().path,
        automatic[0].path
    );
    // Each kept one verifies.
    verify_backup(Path::new(&automatic.last().unwrap().path), &t.keys).unwrap();

    // A folder of the manager's choice, kept out of the JSON export.
    let chosen = t.dir.path().join("Sync").join("rapport");
    let err = settings::set_backup_dir(&mut store, Some("relative/folder".into())).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    settings::set_backup_dir(&mut store, Some(chosen.display().to_string())).unwrap();
    assert_eq!(store.backup_dir().unwrap(), chosen);
    assert_eq!(
        store.settings().backup_dir().unwrap(),
        Some(chosen.display().to_string())
    );
    let json = rapport_core::formats::exchange::export_json(&store).unwrap();
    assert!(!json.contains("Sync"), "{json}");
    let made = store.back_up_now().unwrap();
    assert!(Path::new(&made.path).starts_with(&chosen));
    assert!(!store.backup_status().unwrap().default_folder);
    settings::set_backup_dir(&mut store, None).unwrap();
    assert_eq!(store.backup_dir().unwrap(), default);
}

#[test]
fn rotation_leaves_other_stores_backups_alone() {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2026-01-01T09:00:00Z")));
    let store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
    let dir = store.backup_dir().unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let foreign = dir.join("rapport-aaaaaaaaaaaa-20250101-090000-auto.rapportbackup");
    std::fs::write(&foreign, b"another computer's").unwrap();
    for day in 0..40 {
        clock.set(at("2026-01-01T09:00:00Z") + chrono::Duration::days(day));
        store.back_up_if_due().unwrap();
    }
    assert!(foreign.exists());
}

fn fixture(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{version}"))
}

fn fixture_copy(version: u32) -> (tempfile::TempDir, StorePaths, MemoryKeyStore) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["rapport.db", "rapport.header.json"] {
        std::fs::copy(fixture(version).join(name), dir.join(name)).unwrap();
    }
    let keys = MemoryKeyStore::new();
    // The upgrade test's fixture key and store id.
    keys.insert("fixture-store", DbKey::from_bytes([0x5A; 32]));
    (tmp, StorePaths::in_dir(dir), keys)
}

#[test]
fn an_older_schema_is_backed_up_before_it_is_upgraded() {
    let old = LATEST_VERSION - 1;
    let (_tmp, paths, keys) = fixture_copy(old);
    let original = std::fs::read(&paths.db).unwrap();
    let store = Store::open(&paths, &keys, clock()).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let backups = backup::list_backups(&paths.dir.join("backups"), "fixture-store");
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].kind, BackupKind::BeforeUpgrade);
    let file = PathBuf::from(&backups[0].path);
    let info = verify_backup(&file, &keys).unwrap();
    assert_eq!(info.schema_version, old);
    assert_eq!(info.people, Some(1));
    // The snapshot is the old database's content, not a copy of its file.
    assert_ne!(database_section(&std::fs::read(&file).unwrap()), original);

    // Opening again upgrades nothing, so backs up nothing.
    drop(store);
    Store::open(&paths, &keys, clock()).unwrap();
    assert_eq!(
        backup::list_backups(&paths.dir.join("backups"), "fixture-store").len(),
        1
    );

    // Restoring the old backup upgrades it again, after backing it up.
    let restored = restore(&file, &paths, &keys, clock(), RestoreOptions::default()).unwrap();
    assert_eq!(restored.store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn no_backup_no_upgrade() {
    let (_tmp, paths, keys) = fixture_copy(1);
    // The backup folder cannot be made: a file is in its way.
    std::fs::write(paths.dir.join("backups"), b"in the way").unwrap();
    let before = snapshot(&paths.dir);
    let err = Store::open(&paths, &keys, clock()).unwrap_err();
    assert!(
        err.message.contains("first saves a backup"),
        "{}",
        err.message
    );
    assert_eq!(snapshot(&paths.dir), before);
}

#[test]
fn a_new_store_is_not_backed_up_at_creation() {
    let t = TestStore::new();
    drop(t.create());
    assert!(!t.paths.dir.join("backups").exists());
}
