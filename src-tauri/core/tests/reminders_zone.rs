//! The machine's time zone changes (travel, a settings change): reminders are
//! instants, so the same reminders fall due at the same moments whatever zone
//! the machine is in. One test in its own binary, because it changes the
//! process's TZ.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::reminders;
use rapport_core::flows::scheduling;
use rapport_core::records::meetings::{Frequency, Weekday};
use rapport_core::records::people::{self, Level};
use rapport_core::{FixedClock, Store};
use std::sync::Arc;
use support::{at, TestStore};

#[test]
fn the_machine_zone_changes_nothing_about_when_reminders_fall_due() {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
    let person = people::create(
        &mut store,
        support::person_input("Ada Okafor", Level::Junior),
    )
    .unwrap()
    .id;
    scheduling::create_series(
        &mut store,
        &person,
        support::series_at_two(Frequency::Weekly, Weekday::Thu, "Europe/Paris"),
    )
    .unwrap();

    let mut seen = Vec::new();
    for zone in [
        "UTC",
        "America/New_York",
        "Asia/Tokyo",
        "Pacific/Kiritimati",
    ] {
        // This binary runs this one test: nothing else reads TZ meanwhile.
        std::env::set_var("TZ", zone);
        let before = reminders::due(&store, at("2024-10-24T11:44:59Z")).unwrap();
        let due = reminders::due(&store, at("2024-10-24T11:45:00Z")).unwrap();
        let next = reminders::next_due_after(&store, at("2024-10-24T09:00:00Z")).unwrap();
        assert!(before.is_empty(), "{zone}");
        assert_eq!(due.len(), 1, "{zone}");
        seen.push((due[0].title.clone(), due[0].meeting_start, next));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    assert_eq!(seen[0].0, "1:1 with Ada Okafor in 15 minutes");
    assert_eq!(seen[0].2, Some(at("2024-10-24T11:45:00Z")));
}
