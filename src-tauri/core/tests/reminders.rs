//! The reminder schedule with an injected clock: offsets, several reminders,
//! snooze, cancel, reschedule, missed while closed, no repeats after a
//! restart, daylight saving, and nothing private in what a notification says.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::NaiveTime;
use rapport_core::flows::locked_reminders;
use rapport_core::flows::reminders;
use rapport_core::flows::scheduling;
use rapport_core::flows::session;
use rapport_core::records::actions::{ActionInput, Owner};
use rapport_core::records::highlights;
use rapport_core::records::highlights::{HighlightInput, HighlightKind};
use rapport_core::records::meetings::{CancelledBy, Frequency, LocalSlot, NotesPatch, Weekday};
use rapport_core::records::people::{self, Level};
use rapport_core::{Clock, FixedClock, Store, Zone};
use std::sync::Arc;
use support::{at, TestStore};

struct World {
    t: TestStore,
    clock: Arc<FixedClock>,
    store: Store,
    person: String,
    meeting: String,
}

/// Ada has a weekly 1:1 on Thursdays 14:00 Paris; the clock is Tuesday.
fn world() -> World {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
    let person = people::create(
        &mut store,
        support::person_input("Ada Okafor", Level::Junior),
    )
    .unwrap()
    .id;
    let meeting = scheduling::create_series(
        &mut store,
        &person,
        support::series_at_two(Frequency::Weekly, Weekday::Thu, "Europe/Paris"),
    )
    .unwrap()
    .1
    .unwrap()
    .id;
    World {
        t,
        clock,
        store,
        person,
        meeting,
    }
}

impl World {
    fn at(&self, when: &str) {
        self.clock.set(at(when));
    }

    fn due(&self) -> Vec<reminders::DueReminder> {
        reminders::due(&self.store, self.clock.now()).unwrap()
    }
}

// The 1:1 is Thursday 24 Oct 2024 14:00 Paris = 12:00 UTC.

#[test]
fn the_default_reminder_comes_15_minutes_before_and_only_once() {
    let mut w = world();
    w.at("2024-10-24T11:44:00Z");
    assert!(w.due().is_empty(), "16 minutes before: not yet");
    w.at("2024-10-24T11:45:00Z");
    let due = w.due();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "1:1 with Ada Okafor in 15 minutes");
    assert_eq!(due[0].meeting_id, w.meeting);
    assert_eq!(due[0].offset_minutes, 15);
    reminders::mark_shown(&mut w.store, &due[0]).unwrap();
    assert!(w.due().is_empty());
    w.at("2024-10-24T11:50:00Z");
    assert!(w.due().is_empty(), "shown reminders stay shown");
}

#[test]
fn several_offsets_each_remind_and_a_person_can_have_their_own() {
    let mut w = world();
    reminders::set_offsets(&mut w.store, None, Some(vec![15, 1440])).unwrap();
    assert_eq!(w.store.reminders().default_offsets().unwrap(), [1440, 15]);
    w.at("2024-10-23T12:00:00Z");
    let day_before = w.due();
    assert_eq!(day_before[0].title, "1:1 with Ada Okafor in 1 day");
    reminders::mark_shown(&mut w.store, &day_before[0]).unwrap();
    w.at("2024-10-24T11:45:00Z");
    let due = w.due();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].offset_minutes, 15);

    // Ada's own: 5 minutes only.
    reminders::set_offsets(&mut w.store, Some(&w.person.clone()), Some(vec![5])).unwrap();
    assert!(w.due().is_empty());
    w.at("2024-10-24T11:55:00Z");
    assert_eq!(w.due()[0].title, "1:1 with Ada Okafor in 5 minutes");
    // Back to the default.
    reminders::set_offsets(&mut w.store, Some(&w.person.clone()), None).unwrap();
    assert_eq!(
        w.store.reminders().offsets_for(&w.person).unwrap(),
        [1440, 15]
    );
    assert!(reminders::set_offsets(&mut w.store, None, Some(vec![20000])).is_err());
}

#[test]
fn snooze_shows_it_again_five_minutes_later() {
    let mut w = world();
    w.at("2024-10-24T11:45:00Z");
    let due = w.due();
    reminders::mark_shown(&mut w.store, &due[0]).unwrap();
    let until = reminders::snooze(&mut w.store, &w.meeting.clone()).unwrap();
    assert_eq!(until, at("2024-10-24T11:50:00Z"));
    w.at("2024-10-24T11:49:00Z");
    assert!(w.due().is_empty());
    assert_eq!(
        reminders::next_due_after(&w.store, w.clock.now()).unwrap(),
        Some(until)
    );
    w.at("2024-10-24T11:50:00Z");
    let again = w.due();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].title, "1:1 with Ada Okafor in 10 minutes");
    reminders::mark_shown(&mut w.store, &again[0]).unwrap();
    assert!(w.due().is_empty());
}

#[test]
fn cancelled_1_1s_drop_their_reminders_and_moved_ones_move_them() {
    let mut w = world();
    w.at("2024-10-24T11:45:00Z");
    let first = w.due();
    reminders::mark_shown(&mut w.store, &first[0]).unwrap();

    // Moved to Friday 10:00 Paris (08:00 UTC): its reminder is armed again.
    scheduling::reschedule_meeting(
        &mut w.store,
        &w.meeting.clone(),
        LocalSlot {
            date: "2024-10-25".parse().unwrap(),
            time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            time_zone: "Europe/Paris".into(),
        },
    )
    .unwrap();
    w.at("2024-10-25T07:44:00Z");
    assert!(w.due().is_empty());
    w.at("2024-10-25T07:45:00Z");
    assert_eq!(w.due()[0].meeting_start, at("2024-10-25T08:00:00Z"));

    // Cancelled: nothing for it any more; the next occurrence has its own.
    w.at("2024-10-25T07:30:00Z");
    scheduling::cancel_meeting(
        &mut w.store,
        &w.meeting.clone(),
        "Client emergency",
        CancelledBy::Report,
    )
    .unwrap();
    w.at("2024-10-25T07:50:00Z");
    assert!(w.due().is_empty());
    w.at("2024-10-31T12:45:00Z");
    let next = w.due();
    assert_eq!(next.len(), 1);
    assert_ne!(next[0].meeting_id, w.meeting);
}

#[test]
fn locked_reminders_say_only_the_title_and_none_fires_again_after_unlock() {
    let mut w = world();
    reminders::set_offsets(&mut w.store, None, Some(vec![60, 15])).unwrap();
    // The action item and the win a normal reminder would mention.
    session::add_action_item(
        &mut w.store,
        &w.person.clone(),
        ActionInput {
            title: "Send the budget draft".into(),
            owner: Owner::Ic,
            due_on: None,
            meeting_id: None,
            priority: None,
        },
    )
    .unwrap();
    w.at("2024-10-24T10:00:00Z");
    // Lock: keep what the reminders need, then close the store.
    let mut locked = locked_reminders::snapshot(&w.store, w.clock.now()).unwrap();
    assert_eq!(locked.len(), 1);
    drop(w.store);

    assert!(locked.take_due(at("2024-10-24T10:59:00Z")).is_empty());
    let due = locked.take_due(at("2024-10-24T11:00:00Z"));
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "1:1 with Ada Okafor in 60 minutes");
    assert!(locked.take_due(at("2024-10-24T11:05:00Z")).is_empty());

    // Unlock before the second reminder: the first is recorded, the second
    // comes from the normal schedule, once, with its usual body.
    w.clock.set(at("2024-10-24T11:10:00Z"));
    let mut store = Store::open(&w.t.paths, &w.t.keys, w.clock.clone()).unwrap();
    locked_reminders::record_shown(&mut store, &locked).unwrap();
    assert!(reminders::due(&store, w.clock.now()).unwrap().is_empty());
    w.clock.set(at("2024-10-24T11:45:00Z"));
    let due = reminders::due(&store, w.clock.now()).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "1:1 with Ada Okafor in 15 minutes");
    assert!(due[0].body.contains("open action item"));
}

#[test]
fn missed_while_closed_shows_once_at_start_up_until_the_1_1_ends_and_never_repeats() {
    let mut w = world();
    reminders::set_offsets(&mut w.store, None, Some(vec![1440, 15])).unwrap();
    // The app was closed through both reminder times; it starts 5 minutes into the 1:1.
    w.at("2024-10-24T12:05:00Z");
    let due = w.due();
    assert_eq!(due.len(), 1, "one reminder stands for both");
    assert_eq!(due[0].title, "1:1 with Ada Okafor started 5 minutes ago");
    assert_eq!(due[0].minutes_to_start, -5);
    reminders::mark_shown(&mut w.store, &due[0]).unwrap();

    // A restart: the store is opened afresh; nothing is shown twice.
    drop(w.store);
    let store = Store::open(&w.t.paths, &w.t.keys, w.clock.clone()).unwrap();
    assert!(reminders::due(&store, w.clock.now()).unwrap().is_empty());

    // Started after the 1:1 ended: too late to remind.
    let mut w2 = world();
    w2.at("2024-10-24T12:31:00Z");
    assert!(w2.due().is_empty());
    // A 1:1 already in progress is not reminded either.
    w2.at("2024-10-24T11:40:00Z");
    session::start(&mut w2.store, &w2.meeting.clone()).unwrap();
    w2.at("2024-10-24T11:46:00Z");
    assert!(w2.due().is_empty());
}

#[test]
fn reminders_follow_the_local_time_across_daylight_saving() {
    let mut w = world();
    // The occurrence after the end of summer time: 31 Oct 14:00 Paris = 13:00 UTC.
    w.at("2024-10-24T11:45:00Z");
    let first = w.due();
    reminders::mark_shown(&mut w.store, &first[0]).unwrap();
    w.at("2024-10-24T12:00:00Z");
    let meeting = w.meeting.clone();
    session::start(&mut w.store, &meeting).unwrap();
    w.at("2024-10-24T12:30:00Z");
    session::end(&mut w.store, &meeting).unwrap();
    session::finish(
        &mut w.store,
        &meeting,
        session::FinishRequest {
            include_private_notes: false,
            next: scheduling::NextPlan::Recurring,
        },
    )
    .unwrap();
    w.at("2024-10-31T12:44:00Z");
    assert!(w.due().is_empty());
    w.at("2024-10-31T12:45:00Z");
    let due = w.due();
    assert_eq!(due[0].meeting_start, at("2024-10-31T13:00:00Z"));
    assert_eq!(due[0].title, "1:1 with Ada Okafor in 15 minutes");
    // Instants are UTC: the reminder time does not depend on the machine's zone.
    let times = reminders::reminder_times(
        &w.store,
        &w.store.schedule().get_meeting(&due[0].meeting_id).unwrap(),
    )
    .unwrap();
    assert_eq!(times[0].at, at("2024-10-31T12:45:00Z"));
    assert_eq!(
        reminders::next_due_after(&w.store, at("2024-10-31T12:00:00Z")).unwrap(),
        Some(at("2024-10-31T12:45:00Z"))
    );
}

#[test]
fn the_notification_text_has_counts_and_shareable_points_but_nothing_private() {
    let mut w = world();
    let person = w.person.clone();
    session::add_action_item(
        &mut w.store,
        &person,
        ActionInput {
            title: "Complete LinkedIn training".into(),
            owner: Owner::Ic,
            due_on: Some("2024-10-20".parse().unwrap()),
            meeting_id: None,
            priority: None,
        },
    )
    .unwrap();
    for (private, text) in [
        (false, "Placed Kevin at Oracle"),
        (true, "PRIVATE-HIGHLIGHT"),
    ] {
        highlights::add(
            &mut w.store,
            &person,
            HighlightInput {
                kind: HighlightKind::Win,
                occurred_on: "2024-10-22".parse().unwrap(),
                text: text.into(),
                private,
                meeting_id: None,
            },
        )
        .unwrap();
    }
    session::save_notes(
        &mut w.store,
        &w.meeting.clone(),
        NotesPatch {
            private_prep_notes: Some("PRIVATE-PREP".into()),
            private_notes: Some("PRIVATE-NOTES".into()),
            ..NotesPatch::default()
        },
    )
    .unwrap();
    w.at("2024-10-24T11:45:00Z");
    let due = w.due();
    let text = format!("{}\n{}", due[0].title, due[0].body);
    assert!(text.contains("1 open action item (1 overdue)"), "{text}");
    assert!(
        text.contains("Follow up: Complete LinkedIn training"),
        "{text}"
    );
    assert!(text.contains("Celebrate: Placed Kevin at Oracle"), "{text}");
    assert!(!text.contains("PRIVATE"), "{text}");
}

#[test]
fn a_concern_is_never_shown_as_a_win() {
    let mut w = world();
    let person = w.person.clone();
    for (kind, day, text) in [
        (HighlightKind::Win, "2024-10-21", "Placed Kevin at Oracle"),
        (
            HighlightKind::Concern,
            "2024-10-23",
            "Missed two client calls",
        ),
    ] {
        highlights::add(
            &mut w.store,
            &person,
            HighlightInput {
                kind,
                occurred_on: day.parse().unwrap(),
                text: text.into(),
                private: false,
                meeting_id: None,
            },
        )
        .unwrap();
    }
    w.at("2024-10-24T11:45:00Z");
    let due = w.due();
    let text = format!("{}\n{}", due[0].title, due[0].body);
    assert!(!text.contains("Missed two client calls"), "{text}");
    assert!(text.contains("Celebrate: Placed Kevin at Oracle"), "{text}");
}

#[test]
fn discreet_reminders_show_their_title_only() {
    let mut w = world();
    rapport_core::records::settings::save(
        &mut w.store,
        rapport_core::records::settings::Settings {
            discreet_reminders: true,
            ..Default::default()
        },
    )
    .unwrap();
    w.at("2024-10-24T11:45:00Z");
    let due = w.due();
    assert_eq!(due[0].title, "1:1 with Ada Okafor in 15 minutes");
    assert_eq!(due[0].body, "");
}

#[test]
fn today_shows_a_banner_inside_the_reminder_window() {
    let w = world();
    w.at("2024-10-24T11:44:00Z");
    assert!(rapport_core::flows::today::today(&w.store)
        .unwrap()
        .reminder_banner
        .is_none());
    w.at("2024-10-24T11:46:00Z");
    let banner = rapport_core::flows::today::today(&w.store)
        .unwrap()
        .reminder_banner
        .unwrap();
    assert_eq!(banner.meeting_id, w.meeting);
    w.at("2024-10-24T12:31:00Z");
    assert!(rapport_core::flows::today::today(&w.store)
        .unwrap()
        .reminder_banner
        .is_none());
}

/// The manager's zone changes (travel, a settings change): reminders are
/// instants, so the same reminders fall due at the same moments whatever
/// zone the clock is in.
#[test]
fn the_managers_zone_changes_nothing_about_when_reminders_fall_due() {
    let w = world();

    let mut seen = Vec::new();
    for zone in [
        "UTC",
        "America/New_York",
        "Asia/Tokyo",
        "Pacific/Kiritimati",
    ] {
        w.clock.set_zone(Zone::parse(zone).unwrap());
        let before = reminders::due(&w.store, at("2024-10-24T11:44:59Z")).unwrap();
        let due = reminders::due(&w.store, at("2024-10-24T11:45:00Z")).unwrap();
        let next = reminders::next_due_after(&w.store, at("2024-10-24T09:00:00Z")).unwrap();
        assert!(before.is_empty(), "{zone}");
        assert_eq!(due.len(), 1, "{zone}");
        seen.push((due[0].title.clone(), due[0].meeting_start, next));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    assert_eq!(seen[0].0, "1:1 with Ada Okafor in 15 minutes");
    assert_eq!(seen[0].2, Some(at("2024-10-24T11:45:00Z")));
}
