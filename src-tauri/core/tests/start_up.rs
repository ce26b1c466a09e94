//! The window's first call: the status and, on the main screens, the people
//! and Today read in one go.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::access::{self, AppStatus, StoreState};
use rapport_core::flows::start_up::first_screen;
use rapport_core::flows::today;
use rapport_core::records::people::{self, Level};
use support::{person_input, TestStore};

#[test]
fn the_first_screen_holds_what_the_sidebar_and_today_would_read_themselves() {
    let test = TestStore::new();
    let mut store = test.create();
    let ada = people::create(&mut store, person_input("Ada Okafor", Level::Senior)).unwrap();
    people::create(&mut store, person_input("Ben Moreau", Level::Junior)).unwrap();
    people::set_archived(&mut store, &ada.id, true).unwrap();

    let first = first_screen(&store).unwrap();

    assert_eq!(first.people, store.people().summaries().unwrap());
    assert_eq!(
        first.people.len(),
        2,
        "archived people stay in the sidebar's list"
    );
    assert_eq!(first.today, today::today(&store).unwrap());
    assert_eq!(first.today.people_count, 1);
}

#[test]
fn only_an_open_store_with_no_key_step_opens_on_the_main_screens() {
    let test = TestStore::new();
    let store = test.create();
    let open = AppStatus {
        recovery_key_pending: false,
        ..access::open_status(&test.paths, &store, true)
    };
    assert_eq!(open.state, StoreState::Unlocked);
    assert!(open.opens_main_screens());

    let pending = AppStatus {
        recovery_key_pending: true,
        ..open.clone()
    };
    assert!(
        !pending.opens_main_screens(),
        "the recovery key notice comes first"
    );
    let new_key = AppStatus {
        needs_new_key: true,
        ..open.clone()
    };
    assert!(!new_key.opens_main_screens(), "a new key is chosen first");
    let locked = access::closed_status(&test.paths, true, None, false);
    assert!(!locked.opens_main_screens());
}

#[test]
fn a_desktop_font_is_passed_on_only_when_it_is_a_plain_family_name() {
    use rapport_core::flows::start_up::desktop_font;
    assert_eq!(desktop_font("Cantarell").as_deref(), Some("Cantarell"));
    assert_eq!(
        desktop_font(" Noto Sans CJK JP ").as_deref(),
        Some("Noto Sans CJK JP")
    );
    assert_eq!(
        desktop_font("Source_Sans-3.0").as_deref(),
        Some("Source_Sans-3.0")
    );
    assert_eq!(
        desktop_font("Ubuntu Sans Médium").as_deref(),
        Some("Ubuntu Sans Médium")
    );
    for refused in [
        "",
        "   ",
        "Evil\", serif; color: red",
        "Back\\slash",
        "Line\nbreak",
        "Semi;colon",
        "x".repeat(65).as_str(),
    ] {
        assert_eq!(desktop_font(refused), None, "{refused:?}");
    }
}
