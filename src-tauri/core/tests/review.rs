//! The review packet: what it gathers for a person and a period, and that
//! its shareable version holds no private field (the marker method of the
//! shared notes: every private field carries a marker no shared output may hold).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{Duration, NaiveDate};
use rapport_core::formats::review::{self, last_full_quarter, ReviewRequest};
use rapport_core::records::actions::{ActionItem, ActionStatus, Owner, StatusChange};
use rapport_core::records::highlights::{Highlight, HighlightKind};
use rapport_core::records::meetings::{Meeting, MeetingFormat, MeetingKind, MeetingStatus};
use rapport_core::{Store, Zone};
use support::{at, TestStore};

const PRIVATE: &str = "PRIVATE-MARKER";

fn meeting(id: &str, start: &str, status: MeetingStatus, n: u32) -> Meeting {
    let start = at(start);
    let held = status == MeetingStatus::Completed;
    Meeting {
        id: id.into(),
        person_id: "p1".into(),
        series_id: None,
        kind: MeetingKind::Regular,
        topic: None,
        scheduled_start: start,
        original_start: (n == 2).then(|| start - Duration::days(1)),
        planned_minutes: 30,
        time_zone: Zone::UTC,
        format: MeetingFormat::Video,
        status,
        started_at: held.then_some(start),
        ended_at: held.then(|| start + Duration::minutes(30 + i64::from(n) * 2)),
        cancel_reason: (!held).then(|| format!("{PRIVATE}-cancel")),
        cancelled_by: None,
        template_id: Some(if n == 3 {
            "builtin-career-development".into()
        } else {
            "builtin-standard-weekly".into()
        }),
        agenda: vec![],
        shared_notes: if held {
            format!("## Progress\n- Shared point {n}")
        } else {
            String::new()
        },
        private_notes: format!("{PRIVATE}-private-{n}"),
        private_prep_notes: format!("{PRIVATE}-prep-{n}"),
        created_at: start,
        updated_at: start,
    }
}

fn store_with_a_quarter() -> (TestStore, Store) {
    let test = TestStore::new();
    let mut store = test.create();
    let now = store.clock().now();
    store
        .write(|tx| {
            tx.people().insert(&support::person_record(
                "p1",
                "Amara Okafor",
                &["Lead the onboarding redesign"],
                now,
            ))?;
            let schedule = tx.schedule();
            schedule.insert_meeting(&meeting(
                "m0",
                "2026-06-25T09:00:00Z",
                MeetingStatus::Completed,
                0,
            ))?;
            schedule.insert_meeting(&meeting(
                "m1",
                "2026-07-02T09:00:00Z",
                MeetingStatus::Completed,
                1,
            ))?;
            schedule.insert_meeting(&meeting(
                "m2",
                "2026-07-09T09:00:00Z",
                MeetingStatus::Cancelled,
                2,
            ))?;
            schedule.insert_meeting(&meeting(
                "m3",
                "2026-08-13T09:00:00Z",
                MeetingStatus::Completed,
                3,
            ))?;
            for (id, status, day) in [
                ("a1", ActionStatus::Done, "2026-07-02T09:30:00Z"),
                ("a2", ActionStatus::Open, "2026-07-02T09:31:00Z"),
                ("a3", ActionStatus::Dropped, "2026-08-13T09:30:00Z"),
                ("a4", ActionStatus::Done, "2026-08-13T09:31:00Z"),
                ("a0", ActionStatus::Open, "2026-06-25T09:30:00Z"),
            ] {
                tx.actions().insert(&ActionItem {
                    id: id.into(),
                    person_id: "p1".into(),
                    meeting_id: None,
                    title: format!("Item {id}"),
                    owner: Owner::Ic,
                    due_on: None,
                    status,
                    created_at: at(day),
                    updated_at: at(day),
                    history: vec![StatusChange {
                        status,
                        due_on: None,
                        changed_at: at(day),
                    }],
                    priority: None,
                })?;
            }
            for (id, kind, text, private, day) in [
                (
                    "h2",
                    HighlightKind::Concern,
                    None,
                    Some(format!("{PRIVATE}-concern")),
                    (2026, 8, 20),
                ),
                (
                    "h1",
                    HighlightKind::Win,
                    Some("Shipped the export".to_string()),
                    None,
                    (2026, 7, 3),
                ),
                (
                    "h0",
                    HighlightKind::Win,
                    Some("Before the quarter".to_string()),
                    None,
                    (2026, 6, 1),
                ),
            ] {
                tx.highlights().insert(&Highlight {
                    id: id.into(),
                    person_id: "p1".into(),
                    meeting_id: None,
                    kind,
                    occurred_on: NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap(),
                    text,
                    private_text: private,
                    created_at: now,
                })?;
            }
            Ok(())
        })
        .unwrap();
    (test, store)
}

fn q3() -> ReviewRequest {
    ReviewRequest {
        person_id: "p1".into(),
        from: NaiveDate::from_ymd_opt(2026, 7, 1),
        to: NaiveDate::from_ymd_opt(2026, 9, 30),
        shareable: None,
    }
}

#[test]
fn the_packet_gathers_the_period() {
    let (_test, store) = store_with_a_quarter();
    let packet = review::build(&store, &q3()).unwrap();
    assert!(!packet.shareable);
    let a = &packet.attendance;
    assert_eq!((a.held, a.cancelled, a.moved), (2, 1, 1));
    assert_eq!(a.average_minutes, Some(34)); // 32 and 36 minutes
    assert_eq!(a.planned_minutes, Some(30));
    assert_eq!(
        a.career_conversations,
        [NaiveDate::from_ymd_opt(2026, 8, 13).unwrap()]
    );
    assert_eq!(
        a.cancellations[0].reason.as_deref(),
        Some("PRIVATE-MARKER-cancel")
    );
    // In date order, only the quarter's.
    let texts: Vec<&str> = packet.highlights.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["Shipped the export", "PRIVATE-MARKER-concern"]);
    assert!(packet.highlights[1].private);
    let actions = &packet.actions;
    assert_eq!((actions.opened, actions.done, actions.dropped), (4, 2, 1));
    assert_eq!(actions.completion_percent, Some(67)); // 2 of the 3 not dropped
    assert_eq!(actions.still_open[0].id, "a2");
    assert_eq!(packet.focus_areas, ["Lead the onboarding redesign"]);
    let dates: Vec<String> = packet
        .excerpts
        .iter()
        .map(|e| e.meeting_id.clone())
        .collect();
    assert_eq!(dates, ["m1", "m3"]);
    // The documents say who may read them, at the top.
    let md = review::markdown(&packet);
    assert!(
        md.lines().take(4).any(|l| l.contains("Manager only")),
        "{md}"
    );
    assert!(md.contains("Shared point 3") && md.contains("PRIVATE-MARKER-private-3"));
    let html = review::html(&packet);
    assert!(html.contains("Manager only"));
    assert!(
        html.contains("id=\"meeting-m3\""),
        "excerpts link back to their 1:1"
    );
    // With no dates, the last full quarter.
    let today = NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
    assert_eq!(
        last_full_quarter(today),
        (
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()
        )
    );
    let default = review::build(
        &store,
        &ReviewRequest {
            person_id: "p1".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((default.from, default.to), (packet.from, packet.to));
}

#[test]
fn the_shareable_version_holds_no_private_field() {
    let (_test, store) = store_with_a_quarter();
    let packet = review::build(
        &store,
        &ReviewRequest {
            shareable: Some(true),
            ..q3()
        },
    )
    .unwrap();
    assert!(packet.shareable);
    let json = serde_json::to_string(&packet).unwrap();
    for text in [review::markdown(&packet), review::html(&packet), json] {
        assert!(!text.contains(PRIVATE), "{text}");
        assert!(text.contains("Shared point 1"), "{text}");
        assert!(!text.contains("Manager only"), "{text}");
    }
    // The manager-only packet of the same period holds every marker.
    let full = review::markdown(&review::build(&store, &q3()).unwrap());
    for marker in ["private-1", "prep-3", "concern", "cancel"] {
        assert!(full.contains(&format!("{PRIVATE}-{marker}")), "{marker}");
    }
}

#[test]
fn a_bad_period_or_person_changes_nothing_and_says_why() {
    let (_test, store) = store_with_a_quarter();
    let err = review::build(
        &store,
        &ReviewRequest {
            from: NaiveDate::from_ymd_opt(2026, 9, 1),
            to: NaiveDate::from_ymd_opt(2026, 8, 1),
            ..q3()
        },
    )
    .unwrap_err();
    assert!(err.message.contains("after its end"), "{}", err.message);
    let err = review::build(
        &store,
        &ReviewRequest {
            person_id: "nobody".into(),
            ..q3()
        },
    )
    .unwrap_err();
    assert_eq!(err.code, rapport_core::ErrorCode::NotFound);
}
