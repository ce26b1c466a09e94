//! Opening, creating and refusing stores: a missing or wrong key and damaged
//! files give a clear error and leave every byte on disk as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::store::keys::{KdfParams, KeyStore, MemoryKeyStore, PassphraseKeyStore};
use rapport_core::store::schema::LATEST_VERSION;
use rapport_core::{ErrorCode, Store};
use support::{clock, snapshot, TestStore};
use zeroize::Zeroizing;

fn quick_passphrase(p: &str) -> PassphraseKeyStore {
    PassphraseKeyStore::new(Zeroizing::new(p.to_string())).with_params(KdfParams {
        memory_kib: 8 * 1024,
        iterations: 1,
        parallelism: 1,
    })
}

fn store_with_a_person(t: &TestStore) {
    let mut store = t.create();
    rapport_core::flows::demo::generate(
        &mut store,
        rapport_core::flows::demo::DemoOptions {
            people: 2,
            years: 1,
            seed: 3,
        },
    )
    .unwrap();
}

fn doctor(t: &TestStore) -> rapport_core::store::doctor::DoctorReport {
    rapport_core::store::doctor::diagnose(
        &t.paths,
        &t.keys,
        clock(),
        rapport_core::store::doctor::Environment {
            keyring_reachable: false,
            notification_service_reachable: None,
        },
    )
}

fn assert_refused_unchanged(t: &TestStore, keys: &dyn KeyStore, code: ErrorCode) -> String {
    let before = snapshot(&t.paths.dir);
    let err = Store::open(&t.paths, keys, clock()).unwrap_err();
    assert_eq!(err.code, code, "{}", err.message);
    assert!(!err.message.is_empty());
    assert_eq!(
        snapshot(&t.paths.dir),
        before,
        "files changed after a refused open"
    );
    err.message
}

#[test]
fn create_then_reopen_keeps_data() {
    let t = TestStore::new();
    store_with_a_person(&t);
    let store = t.open().unwrap();
    assert_eq!(store.people().count().unwrap(), 2);
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn fts5_and_sqlcipher_are_compiled_in() {
    let t = TestStore::new();
    let store = t.create();
    assert!(store.fts5_available().unwrap());
    assert!(
        store.cipher_version().unwrap().starts_with('4'),
        "{}",
        store.cipher_version().unwrap()
    );
}

#[test]
fn pragmas_are_set_for_durability() {
    let t = TestStore::new();
    let store = t.create();
    let report = doctor(&t);
    assert!(report.healthy, "{report:?}");
    drop(store);
}

#[test]
fn creating_over_an_existing_store_is_refused() {
    let t = TestStore::new();
    store_with_a_person(&t);
    let before = snapshot(&t.paths.dir);
    let err = Store::create(&t.paths, &MemoryKeyStore::new(), clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::StoreExists);
    assert_eq!(snapshot(&t.paths.dir), before);
}

#[test]
fn missing_keyring_entry_is_refused_unchanged() {
    let t = TestStore::new();
    store_with_a_person(&t);
    assert_refused_unchanged(&t, &MemoryKeyStore::new(), ErrorCode::KeyMissing);
}

#[test]
fn other_key_in_keyring_is_refused_unchanged() {
    let t = TestStore::new();
    store_with_a_person(&t);
    let other = MemoryKeyStore::new();
    other.insert(
        &t.open().unwrap().header().store_id.clone(),
        rapport_core::store::keys::DbKey::random(),
    );
    assert_refused_unchanged(&t, &other, ErrorCode::KeyMissing);
}

#[test]
fn wrong_passphrase_is_refused_unchanged() {
    let t = TestStore::new();
    {
        let mut store =
            Store::create(&t.paths, &quick_passphrase("right horse battery"), clock()).unwrap();
        rapport_core::flows::demo::generate(&mut store, Default::default()).unwrap();
    }
    let msg = assert_refused_unchanged(
        &t,
        &quick_passphrase("wrong horse battery"),
        ErrorCode::WrongPassphrase,
    );
    assert!(msg.contains("passphrase"), "{msg}");
    // And without any passphrase, it asks for one.
    assert_refused_unchanged(&t, &MemoryKeyStore::new(), ErrorCode::PassphraseRequired);
    let store = Store::open(&t.paths, &quick_passphrase("right horse battery"), clock()).unwrap();
    assert_eq!(store.people().count().unwrap(), 6);
}

#[test]
fn truncated_database_is_refused_unchanged() {
    for cut in [100u64, 4096 * 3 + 17, 0] {
        let t = TestStore::new();
        store_with_a_person(&t);
        let len = std::fs::metadata(&t.paths.db).unwrap().len();
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&t.paths.db)
            .unwrap();
        file.set_len(if cut == 0 { 0 } else { len.min(cut) })
            .unwrap();
        drop(file);
        assert_refused_unchanged(&t, &t.keys, ErrorCode::CorruptDatabase);
    }
}

#[test]
fn page_aligned_truncation_is_caught_by_the_integrity_check() {
    let t = TestStore::new();
    store_with_a_person(&t);
    let len = std::fs::metadata(&t.paths.db).unwrap().len();
    assert!(len >= 4096 * 4);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&t.paths.db)
        .unwrap();
    file.set_len(len - 4096 * 2).unwrap();
    drop(file);
    let before = snapshot(&t.paths.dir);
    let report = doctor(&t);
    assert!(!report.healthy, "{report:?}");
    assert_eq!(snapshot(&t.paths.dir), before);
}

fn flip(path: &std::path::Path, offset: u64) {
    let mut bytes = std::fs::read(path).unwrap();
    let i = offset as usize;
    bytes[i] ^= 0xFF;
    bytes[i + 1] ^= 0x55;
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn flipped_bytes_in_the_first_page_are_refused_unchanged() {
    let t = TestStore::new();
    store_with_a_person(&t);
    flip(&t.paths.db, 200);
    assert_refused_unchanged(&t, &t.keys, ErrorCode::CorruptDatabase);
}

#[test]
fn flipped_bytes_deeper_in_are_reported_and_nothing_is_read_wrongly() {
    let t = TestStore::new();
    store_with_a_person(&t);
    let intact = rapport_core::formats::exchange::export_json(&t.open().unwrap()).unwrap();
    let len = std::fs::metadata(&t.paths.db).unwrap().len();
    flip(&t.paths.db, len / 2 + 100);
    let before = snapshot(&t.paths.dir);
    let report = doctor(&t);
    assert!(!report.healthy, "{report:?}");
    // A full read (the export) either meets the damaged page and fails
    // cleanly, or, when the page is one it does not read (the search
    // index's), reads exactly what was stored.
    if let Ok(store) = t.open() {
        match rapport_core::formats::exchange::export_json(&store) {
            Ok(read) => assert_eq!(read, intact, "a damaged store was read wrongly"),
            Err(err) => assert_eq!(err.code, ErrorCode::CorruptDatabase, "{}", err.message),
        }
    }
    assert_eq!(snapshot(&t.paths.dir), before);
}

#[test]
fn plaintext_sqlite_and_garbage_are_not_rapport_stores() {
    let t = TestStore::new();
    store_with_a_person(&t);
    let plain = tempfile::tempdir().unwrap();
    let plain_db = plain.path().join("plain.db");
    rusqlite::Connection::open(&plain_db)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    std::fs::copy(&plain_db, &t.paths.db).unwrap();
    assert_refused_unchanged(&t, &t.keys, ErrorCode::NotARapportDatabase);

    let t = TestStore::new();
    store_with_a_person(&t);
    std::fs::write(&t.paths.header, b"{ not json").unwrap();
    assert_refused_unchanged(&t, &t.keys, ErrorCode::NotARapportDatabase);

    let t = TestStore::new();
    store_with_a_person(&t);
    std::fs::write(&t.paths.db, vec![7u8; 4096 * 4]).unwrap();
    assert_refused_unchanged(&t, &t.keys, ErrorCode::CorruptDatabase);
}

#[test]
fn a_missing_header_or_database_is_never_replaced() {
    let t = TestStore::new();
    store_with_a_person(&t);
    std::fs::remove_file(&t.paths.header).unwrap();
    assert_refused_unchanged(&t, &t.keys, ErrorCode::HeaderMissing);
    let err = Store::create(&t.paths, &t.keys, clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::HeaderMissing);

    let t = TestStore::new();
    store_with_a_person(&t);
    std::fs::remove_file(&t.paths.db).unwrap();
    assert_refused_unchanged(&t, &t.keys, ErrorCode::DatabaseMissing);
    let err = Store::create(&t.paths, &t.keys, clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseMissing);
    assert!(!t.paths.db.exists());
}

#[test]
fn a_database_from_a_newer_version_is_refused_unchanged() {
    let t = TestStore::new();
    let store = t.create();
    let key = rapport_core::store::keys::key_for(store.header(), &t.keys).unwrap();
    drop(store);
    {
        let conn = rusqlite::Connection::open(&t.paths.db).unwrap();
        conn.pragma_update(None, "key", format!("x'{}'", hex::encode(key.as_bytes())))
            .unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
    }
    let msg = assert_refused_unchanged(&t, &t.keys, ErrorCode::SchemaTooNew);
    assert!(msg.contains("newer"), "{msg}");
}

#[test]
fn failed_creation_leaves_nothing_behind() {
    let t = TestStore::new();
    let err = Store::create(
        &t.paths,
        &PassphraseKeyStore::new(Zeroizing::new("short".into())),
        clock(),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::PassphraseTooShort);
    assert!(!t.paths.db.exists() && !t.paths.header.exists());
}

/// The data folder, the database and its header are the owner's alone.
#[cfg(unix)]
#[test]
fn the_store_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestStore::new();
    store_with_a_person(&t);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&t.paths.dir), 0o700);
    assert_eq!(mode(&t.paths.db), 0o600);
    assert_eq!(mode(&t.paths.header), 0o600);
    for companion in t.paths.companions() {
        if companion.exists() {
            assert_eq!(mode(&companion), 0o600, "{}", companion.display());
        }
    }
}

/// A first run that stops between writing the header and putting the
/// database in place is explained by doctor and cleared by the next first run,
/// never a permanent "header missing".
#[test]
fn an_interrupted_first_run_is_explained_and_cleared() {
    use rapport_core::store::{inspect, DirState};
    let t = TestStore::new();
    drop(t.create());
    // The state a crash after the header and before the rename leaves.
    std::fs::rename(&t.paths.db, t.paths.unfinished_db()).unwrap();
    assert!(matches!(inspect(&t.paths), Ok(DirState::Unfinished(_))));
    let err = t.open().unwrap_err();
    assert!(err.message.contains("stopped before"), "{}", err.message);
    let report = doctor(&t);
    assert!(!report.healthy);
    assert!(
        report.problem.unwrap().message.contains("stopped before"),
        "doctor explains it"
    );
    let store = t.create();
    assert_eq!(
        store.schema_version().unwrap(),
        rapport_core::store::schema::LATEST_VERSION
    );
    drop(store);
    assert!(!t.paths.unfinished_db().exists());
    assert!(t.open().is_ok());
}

/// A crash before the header leaves only the unfinished database: the
/// directory reads as empty and the next first run starts clean.
#[test]
fn a_first_run_stopped_before_its_header_leaves_an_empty_directory() {
    use rapport_core::store::{inspect, DirState};
    let t = TestStore::new();
    std::fs::create_dir_all(&t.paths.dir).unwrap();
    std::fs::write(t.paths.unfinished_db(), b"half a database").unwrap();
    assert_eq!(inspect(&t.paths).unwrap(), DirState::Empty);
    drop(t.create());
    assert!(!t.paths.unfinished_db().exists());
    assert!(t.open().is_ok());
}
