//! Key slots: the recovery key opens a store whose keyring entry is lost,
//! changing how a store is unlocked never re-encrypts it, and stores made
//! before slots move to them on their first unlock (one fixture per old
//! header shape).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::store::keys::{
    key_for, DbKey, KdfParams, KeyParams, KeyStore, MemoryKeyStore, PassphraseKeyStore,
    RecoveryKey, RecoveryKeyStore, SlotKind, SlotLock,
};
use rapport_core::store::schema::migrations_up_to;
use rapport_core::store::StoreHeader;
use rapport_core::{ErrorCode, Store, StorePaths};
use sha2::Digest;
use std::path::{Path, PathBuf};
use support::{clock, person_input, snapshot, TestStore};
use zeroize::Zeroizing;

fn quick(p: &str) -> PassphraseKeyStore {
    PassphraseKeyStore::new(Zeroizing::new(p.to_string())).with_params(KdfParams {
        memory_kib: 1024,
        iterations: 1,
        parallelism: 1,
    })
}

fn db_digest(paths: &StorePaths) -> Vec<u8> {
    sha2::Sha256::digest(std::fs::read(&paths.db).unwrap()).to_vec()
}

fn with_a_person(t: &TestStore) -> (String, RecoveryKey) {
    let mut store = t.create();
    rapport_core::records::people::create(
        &mut store,
        person_input("Ada", rapport_core::records::people::Level::Senior),
    )
    .unwrap();
    (
        store.header().store_id.clone(),
        store.recovery_key().unwrap(),
    )
}

fn people(store: &Store) -> Vec<String> {
    store
        .people()
        .list()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn a_new_store_has_an_everyday_slot_and_an_unconfirmed_recovery_key() {
    let t = TestStore::new();
    let store = t.create();
    let header = store.header();
    assert_eq!(header.version, 2);
    let kinds: Vec<_> = header.slots.iter().map(|s| s.kind()).collect();
    assert_eq!(kinds, [SlotKind::Keyring, SlotKind::RecoveryKey]);
    assert!(!store.recovery_key_confirmed());
    // The header holds no key material in the clear.
    let text = std::fs::read_to_string(&t.paths.header).unwrap();
    let data_key = key_for(header, &t.keys).unwrap();
    assert!(!text.contains(&hex::encode(data_key.as_bytes())));
    assert!(!text.contains(store.recovery_key().unwrap().to_text().as_str()));
}

#[test]
fn the_recovery_key_opens_a_store_whose_keyring_entry_is_lost() {
    let t = TestStore::new();
    let (id, recovery) = with_a_person(&t);
    t.keys.remove(&id);
    let before = snapshot(&t.paths.dir);
    let err = t.open().unwrap_err();
    assert_eq!(err.code, ErrorCode::KeyMissing);
    assert!(err.message.contains("recovery key"), "{}", err.message);
    assert_eq!(snapshot(&t.paths.dir), before);

    let typed = recovery.to_text().to_lowercase().replace('-', " ");
    let store = Store::open(
        &t.paths,
        &RecoveryKeyStore(RecoveryKey::parse(&typed).unwrap()),
        clock(),
    )
    .unwrap();
    assert_eq!(store.opened_with(), SlotKind::RecoveryKey);
    assert_eq!(people(&store), ["Ada"]);
}

#[test]
fn a_wrong_recovery_key_changes_nothing() {
    let t = TestStore::new();
    with_a_person(&t);
    let before = snapshot(&t.paths.dir);
    let err = Store::open(
        &t.paths,
        &RecoveryKeyStore(RecoveryKey::generate()),
        clock(),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongRecoveryKey);
    assert_eq!(snapshot(&t.paths.dir), before);
}

#[test]
fn moving_between_keyring_and_passphrase_rewraps_without_reencrypting() {
    let t = TestStore::new();
    let (id, recovery) = with_a_person(&t);
    let db_before = db_digest(&t.paths);

    // Keyring to passphrase: the keyring entry goes, the passphrase opens it.
    let mut store = t.open().unwrap();
    store.use_key(&quick("a long passphrase"), &t.keys).unwrap();
    drop(store);
    assert!(
        t.keys.key(&id).is_none(),
        "the keyring entry should be gone"
    );
    assert_eq!(db_digest(&t.paths), db_before, "the database was rewritten");
    let err = t.open().unwrap_err();
    assert_eq!(err.code, ErrorCode::PassphraseRequired);
    let err = Store::open(&t.paths, &quick("another passphrase"), clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    let mut store = Store::open(&t.paths, &quick("a long passphrase"), clock()).unwrap();
    assert_eq!(people(&store), ["Ada"]);

    // And back: a fresh keyring secret; the recovery key still works.
    store.use_key(&t.keys, &t.keys).unwrap();
    drop(store);
    assert!(t.keys.key(&id).is_some());
    assert_eq!(people(&t.open().unwrap()), ["Ada"]);
    let store = Store::open(&t.paths, &RecoveryKeyStore(recovery), clock()).unwrap();
    assert_eq!(people(&store), ["Ada"]);
    drop(store);
    assert_eq!(db_digest(&t.paths), db_before, "the database was rewritten");
}

#[test]
fn a_short_new_passphrase_is_refused_and_changes_nothing() {
    let t = TestStore::new();
    with_a_person(&t);
    let mut store = t.open().unwrap();
    let before = snapshot(&t.paths.dir);
    let err = store.use_key(&quick("short"), &t.keys).unwrap_err();
    assert_eq!(err.code, ErrorCode::PassphraseTooShort);
    let err = store
        .use_key(&RecoveryKeyStore(RecoveryKey::generate()), &t.keys)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(snapshot(&t.paths.dir), before);
}

#[test]
fn replacing_the_recovery_key_retires_the_old_one() {
    let t = TestStore::new();
    let (_, old) = with_a_person(&t);
    let mut store = t.open().unwrap();
    store.confirm_recovery_key().unwrap();
    assert!(store.recovery_key_confirmed());
    let new = store.replace_recovery_key().unwrap();
    assert!(!store.recovery_key_confirmed());
    assert_eq!(store.recovery_key().unwrap(), new);
    drop(store);
    let err = Store::open(&t.paths, &RecoveryKeyStore(old), clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongRecoveryKey);
    Store::open(&t.paths, &RecoveryKeyStore(new), clock()).unwrap();
}

#[test]
fn an_edited_header_is_refused_before_any_key_is_derived() {
    let t = TestStore::new();
    let mut store = t.create();
    store.use_key(&quick("a long passphrase"), &t.keys).unwrap();
    drop(store);
    let mut header: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&t.paths.header).unwrap()).unwrap();
    header["slots"][0]["memory_kib"] = (64u64 * 1024 * 1024).into();
    std::fs::write(&t.paths.header, header.to_string()).unwrap();
    let before = snapshot(&t.paths.dir);
    let err = Store::open(&t.paths, &quick("a long passphrase"), clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotARapportDatabase);
    assert!(err.message.contains("costs"), "{}", err.message);
    assert_eq!(snapshot(&t.paths.dir), before);
}

#[test]
fn a_slot_from_another_store_does_not_open_this_one() {
    let a = TestStore::new();
    let b = TestStore::new();
    drop(a.create());
    drop(b.create());
    let mut header_a = StoreHeader::read(&a.paths.header).unwrap();
    let header_b = StoreHeader::read(&b.paths.header).unwrap();
    // b's keyring slot, pasted into a's header, with a's keyring secret in place.
    header_a.slots[0] = header_b.slots[0].clone();
    header_a.write_new(&a.paths.header).unwrap();
    let err = a.open().unwrap_err();
    assert_eq!(err.code, ErrorCode::KeyMissing);
}

// ---- Stores made before key slots -------------------------------------------

const STORE_ID: &str = "legacy-store";
const LEGACY_PASSPHRASE: &str = "legacy passphrase";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn legacy_passphrase_params() -> KeyParams {
    KeyParams::Passphrase {
        kdf: "argon2id".into(),
        params: KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        },
        salt: "0f1e2d3c4b5a69788796a5b4c3d2e1f0".into(),
    }
}

/// Writes the version-1 passphrase fixture (run once with RAPPORT_WRITE_FIXTURES=1).
fn write_legacy_passphrase_fixture(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let paths = StorePaths::in_dir(dir);
    let params = legacy_passphrase_params();
    let key = quick(LEGACY_PASSPHRASE)
        .legacy_key(STORE_ID, &params)
        .unwrap();
    let mut conn = rusqlite::Connection::open(&paths.db).unwrap();
    conn.pragma_update(None, "key", format!("x'{}'", hex::encode(key.as_bytes())))
        .unwrap();
    migrations_up_to(9).to_latest(&mut conn).unwrap();
    conn.execute_batch(
        "INSERT INTO person (id, name, email, role, level, start_date, focus_areas, archived, created_at, updated_at)
         VALUES ('p1', 'Legacy Person', NULL, '', 'senior', NULL, '[]', 0,
                 '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00');",
    )
    .unwrap();
    drop(conn);
    StoreHeader::legacy(STORE_ID.into(), &key, params)
        .write_new(&paths.header)
        .unwrap();
}

fn copy_fixture(name: &str) -> (tempfile::TempDir, StorePaths) {
    let source = fixture(name);
    if !source.exists() && std::env::var_os("RAPPORT_WRITE_FIXTURES").is_some() {
        write_legacy_passphrase_fixture(&source);
    }
    let tmp = tempfile::tempdir().unwrap();
    for file in ["rapport.db", "rapport.header.json"] {
        std::fs::copy(source.join(file), tmp.path().join(file)).unwrap();
    }
    let paths = StorePaths::in_dir(tmp.path());
    (tmp, paths)
}

fn doctor_leaves_it_alone(paths: &StorePaths, keys: &dyn KeyStore) {
    let before = snapshot(&paths.dir);
    let report = rapport_core::store::doctor::diagnose(
        paths,
        keys,
        clock(),
        rapport_core::store::doctor::Environment {
            keyring_reachable: false,
            notification_service_reachable: None,
        },
    );
    assert!(report.legacy_header, "{report:?}");
    assert!(report.problem.is_none(), "{report:?}");
    assert_eq!(snapshot(&paths.dir), before, "doctor changed the store");
}

#[test]
fn a_version_1_keyring_store_moves_to_slots_on_first_unlock() {
    // The header shape Rapport wrote before slots: the keyring held the raw key.
    let (_tmp, paths) = copy_fixture("schema-v9");
    let before = StoreHeader::read(&paths.header).unwrap();
    assert!(before.is_legacy());
    let keys = MemoryKeyStore::new();
    keys.insert("fixture-store", DbKey::from_bytes([0x5A; 32]));
    doctor_leaves_it_alone(&paths, &keys);

    let store = Store::open(&paths, &keys, clock()).unwrap();
    assert!(store.moved_to_slots());
    assert!(!store.recovery_key_confirmed());
    let recovery = store.recovery_key().unwrap();
    drop(store);

    let after = StoreHeader::read(&paths.header).unwrap();
    assert!(!after.is_legacy());
    assert_eq!(after.version, 2);
    // Same data key: the database was not re-encrypted, the entry not rewritten.
    assert_eq!(after.key_check, before.key_check);
    assert_eq!(keys.key("fixture-store").unwrap().as_bytes(), &[0x5A; 32]);
    let again = Store::open(&paths, &keys, clock()).unwrap();
    assert!(!again.moved_to_slots());
    drop(again);
    keys.remove("fixture-store");
    let store = Store::open(&paths, &RecoveryKeyStore(recovery), clock()).unwrap();
    assert_eq!(people(&store), ["Fixture Person"]);
}

#[test]
fn a_version_1_passphrase_store_moves_to_slots_on_first_unlock() {
    let (_tmp, paths) = copy_fixture("header-v1-passphrase");
    let before = StoreHeader::read(&paths.header).unwrap();
    assert_eq!(before.key, Some(legacy_passphrase_params()));
    doctor_leaves_it_alone(&paths, &quick(LEGACY_PASSPHRASE));

    let err = Store::open(&paths, &quick("not the passphrase"), clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert_eq!(StoreHeader::read(&paths.header).unwrap(), before);

    let store = Store::open(&paths, &quick(LEGACY_PASSPHRASE), clock()).unwrap();
    assert!(store.moved_to_slots());
    let recovery = store.recovery_key().unwrap();
    drop(store);
    let after = StoreHeader::read(&paths.header).unwrap();
    assert_eq!(after.key_check, before.key_check);
    match &after.slot(SlotKind::Passphrase).unwrap().lock {
        SlotLock::Passphrase { salt, .. } => {
            assert_ne!(
                Some(salt.as_str()),
                legacy_salt(&before),
                "a fresh salt per slot"
            )
        }
        other => panic!("{other:?}"),
    }
    let store = Store::open(&paths, &quick(LEGACY_PASSPHRASE), clock()).unwrap();
    assert_eq!(people(&store), ["Legacy Person"]);
    drop(store);
    Store::open(&paths, &RecoveryKeyStore(recovery), clock()).unwrap();
}

fn legacy_salt(header: &StoreHeader) -> Option<&str> {
    match &header.key {
        Some(KeyParams::Passphrase { salt, .. }) => Some(salt),
        _ => None,
    }
}

#[test]
fn a_legacy_store_cannot_be_opened_with_a_recovery_key() {
    let (_tmp, paths) = copy_fixture("header-v1-passphrase");
    let before = snapshot(&paths.dir);
    let err = Store::open(&paths, &RecoveryKeyStore(RecoveryKey::generate()), clock()).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongRecoveryKey);
    assert_eq!(snapshot(&paths.dir), before);
}

// ---- Re-encrypting everything -----------------------------------------------

fn first_page(paths: &StorePaths) -> Vec<u8> {
    std::fs::read(&paths.db).unwrap()[..4096].to_vec()
}

fn raw_open_works(paths: &StorePaths, key: &DbKey) -> bool {
    let conn = rusqlite::Connection::open(&paths.db).unwrap();
    conn.pragma_update(None, "key", format!("x'{}'", hex::encode(key.as_bytes())))
        .unwrap();
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .is_ok()
}

#[test]
fn reencrypting_changes_the_data_key_and_keeps_every_way_in() {
    let t = TestStore::new();
    let (_, recovery) = with_a_person(&t);
    let mut store = t.open().unwrap();
    let old_key = key_for(store.header(), &t.keys).unwrap();
    let page_before = first_page(&t.paths);
    store.reencrypt(&t.keys).unwrap();
    assert!(store.header().next_key.is_none());
    assert_eq!(people(&store), ["Ada"], "the open store keeps working");
    drop(store);

    let new_key = key_for(&StoreHeader::read(&t.paths.header).unwrap(), &t.keys).unwrap();
    assert_ne!(new_key, old_key);
    assert!(
        !raw_open_works(&t.paths, &old_key),
        "the old key still reads the pages"
    );
    assert!(raw_open_works(&t.paths, &new_key));
    assert_ne!(first_page(&t.paths), page_before);

    let store = t.open().unwrap();
    assert_eq!(people(&store), ["Ada"]);
    assert!(store.integrity_problems().unwrap().is_empty());
    drop(store);
    let store = Store::open(&t.paths, &RecoveryKeyStore(recovery), clock()).unwrap();
    assert_eq!(people(&store), ["Ada"]);
}

#[test]
fn reencrypting_a_passphrase_store_asks_for_the_right_passphrase() {
    let t = TestStore::new();
    with_a_person(&t);
    let mut store = t.open().unwrap();
    store.use_key(&quick("a long passphrase"), &t.keys).unwrap();
    let before = snapshot(&t.paths.dir);
    let err = store.reencrypt(&quick("a wrong passphrase")).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    let err = store.reencrypt(&t.keys).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(snapshot(&t.paths.dir), before);
    store.reencrypt(&quick("a long passphrase")).unwrap();
    drop(store);
    let store = Store::open(&t.paths, &quick("a long passphrase"), clock()).unwrap();
    assert_eq!(people(&store), ["Ada"]);
}

#[test]
fn a_reencryption_cut_short_still_opens_with_the_key_its_pages_have() {
    use rapport_core::store::ReencryptStep;
    for step in [ReencryptStep::HeaderWritten, ReencryptStep::PagesRewritten] {
        let t = TestStore::new();
        let (_, recovery) = with_a_person(&t);
        let mut store = t.open().unwrap();
        store.reencrypt_until(&t.keys, step).unwrap();
        // The process dies here: nothing else is written.
        drop(store);
        assert!(StoreHeader::read(&t.paths.header)
            .unwrap()
            .next_key
            .is_some());

        let store = t.open().unwrap();
        assert_eq!(people(&store), ["Ada"], "{step:?}");
        assert!(
            store.header().next_key.is_none(),
            "{step:?}: settled on open"
        );
        let key = key_for(store.header(), &t.keys).unwrap();
        drop(store);
        assert!(raw_open_works(&t.paths, &key), "{step:?}");
        Store::open(&t.paths, &RecoveryKeyStore(recovery), clock()).unwrap();
    }
}

#[test]
fn doctor_neither_migrates_nor_moves_an_old_store() {
    let (_tmp, paths) = copy_fixture("schema-v1");
    let keys = MemoryKeyStore::new();
    keys.insert("fixture-store", DbKey::from_bytes([0x5A; 32]));
    let before = snapshot(&paths.dir);
    let report = rapport_core::store::doctor::diagnose(
        &paths,
        &keys,
        clock(),
        rapport_core::store::doctor::Environment {
            keyring_reachable: false,
            notification_service_reachable: None,
        },
    );
    assert_eq!(report.schema_version, Some(1), "{report:?}");
    assert!(report.legacy_header);
    assert!(report.integrity.is_empty(), "{report:?}");
    assert_eq!(snapshot(&paths.dir), before, "doctor wrote to the store");
}
