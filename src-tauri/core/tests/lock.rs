//! The idle-lock setting on a real store: the default of its kind, the
//! manager's choice kept across a reopen and apart from the settings form.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic with its message

mod support;

use rapport_core::flows::{lock, reminders};
use rapport_core::records::settings::{self, Settings};
use rapport_core::{ErrorCode, Store, SystemClock};
use std::sync::Arc;
use support::TestStore;

#[test]
fn the_idle_lock_follows_the_store_kind_until_the_manager_chooses() {
    let t = TestStore::new();
    let mut store = Store::create(&t.paths, &t.keys, Arc::new(SystemClock)).unwrap();
    // The test key store stands for the keyring: no lock by itself.
    let initial = lock::auto_lock(&store).unwrap();
    assert_eq!(initial.idle_minutes, None);
    assert!(!initial.chosen);

    let five = lock::set_auto_lock(&mut store, Some(5)).unwrap();
    assert_eq!(five.idle_minutes, Some(5));
    assert!(five.chosen);
    // Saving the settings form leaves it alone.
    settings::save(&mut store, Settings::default()).unwrap();
    assert_eq!(lock::auto_lock(&store).unwrap().idle_minutes, Some(5));

    let refused = lock::set_auto_lock(&mut store, Some(0)).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(
        lock::set_auto_lock(&mut store, Some(lock::MAX_IDLE_MINUTES + 1))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );

    let never = lock::set_auto_lock(&mut store, None).unwrap();
    assert_eq!(never.idle_minutes, None);
    assert!(never.chosen);
    drop(store);
    let store = Store::open(&t.paths, &t.keys, Arc::new(SystemClock)).unwrap();
    let reopened = lock::auto_lock(&store).unwrap();
    assert_eq!(reopened.idle_minutes, None);
    assert!(reopened.chosen, "never, as chosen, not the default");
}

#[test]
fn the_tray_line_of_a_closed_store_says_locked_only_when_there_is_a_store() {
    let t = TestStore::new();
    assert_eq!(
        reminders::closed_label(&t.paths),
        reminders::NOTHING_SCHEDULED
    );
    let store = Store::create(&t.paths, &t.keys, Arc::new(SystemClock)).unwrap();
    drop(store);
    // Closed, the store keeps even its schedule to itself.
    assert_eq!(reminders::closed_label(&t.paths), reminders::LOCKED_LINE);
    assert!(!reminders::LOCKED_LINE.contains("No 1:1"));
}
