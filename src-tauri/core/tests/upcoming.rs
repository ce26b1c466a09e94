//! `upcoming` lists every 1:1 of the coming days, and agrees with the
//! series' exported invite expanded by an independent iCalendar
//! implementation (the `rrule` crate), across both changes of summer time,
//! with a moved and a cancelled occurrence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{DateTime, Utc};
use rapport_core::flows::{scheduling, upcoming};
use rapport_core::formats::ics;
use rapport_core::records::meetings::{CancelledBy, Frequency, LocalSlot, Weekday};
use rapport_core::records::people::{self, Level};
use rapport_core::{FixedClock, Store};
use std::collections::BTreeSet;
use std::sync::Arc;
use support::{at, TestStore};

/// The unfolded lines of each VEVENT of an iCalendar text.
fn events(ics: &str) -> Vec<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split("\r\n") {
        match (raw.strip_prefix(' '), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => lines.push(raw.to_string()),
        }
    }
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in lines {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let Some(event) = current.as_mut() {
                    event.push(line);
                }
            }
        }
    }
    out
}

fn property<'a>(event: &'a [String], name: &str) -> Option<&'a String> {
    event
        .iter()
        .find(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")))
}

/// "DTSTART;TZID=Europe/Paris:20241024T140000" as an instant, through rrule.
fn instant(line: &str) -> DateTime<Utc> {
    let rule: rrule::RRuleSet = format!("{line}\nRRULE:FREQ=DAILY;COUNT=1")
        .parse()
        .unwrap_or_else(|e| panic!("{line}: {e}"));
    rule.get_dt_start().with_timezone(&Utc)
}

#[test]
fn every_occurrence_of_the_next_200_days_as_the_invite_has_them() {
    let t = TestStore::new();
    // Tuesday 22 Oct 2024: summer time ends on the 27th, starts again on 30 March.
    let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock).unwrap();
    let ada = people::create(
        &mut store,
        support::person_input("Ada Lovelace", Level::Senior),
    )
    .unwrap()
    .id;
    let (series, next) = scheduling::create_series(
        &mut store,
        &ada,
        support::series_at_two(Frequency::Weekly, Weekday::Thu, "Europe/Paris"),
    )
    .unwrap();
    // The first occurrence is cancelled, which plans the next; that one
    // moves to the Friday.
    scheduling::cancel_meeting(
        &mut store,
        &next.unwrap().id,
        "Offsite",
        CancelledBy::Manager,
    )
    .unwrap();
    let second = store
        .schedule()
        .current_or_next(&ada, at("2024-10-22T09:00:00Z"))
        .unwrap()
        .unwrap();
    assert_eq!(second.scheduled_start, at("2024-10-31T13:00:00Z"));
    scheduling::reschedule_meeting(
        &mut store,
        &second.id,
        LocalSlot {
            date: "2024-11-01".parse().unwrap(),
            time: "10:00:00".parse().unwrap(),
            time_zone: "Europe/Paris".into(),
        },
    )
    .unwrap();

    let listed: Vec<upcoming::UpcomingEntry> = upcoming::upcoming(&store, 200).unwrap();
    let mine: BTreeSet<DateTime<Utc>> = listed
        .iter()
        .filter(|e| e.person_id == ada)
        .map(|e| e.start_utc)
        .collect();
    assert_eq!(mine.len(), listed.len(), "no other person, no duplicate");
    // Only the 1:1s planned as rows have an id; the rest come from the rule.
    assert_eq!(
        listed.iter().filter(|e| e.meeting_id.is_some()).count(),
        store
            .schedule()
            .meetings_of_series(&series.id)
            .unwrap()
            .iter()
            .filter(|m| m.status == rapport_core::records::meetings::MeetingStatus::Scheduled)
            .count()
    );

    // The invite, expanded by rrule: the master's rule less its EXDATEs,
    // each RECURRENCE-ID replaced by its event's start.
    let text = ics::render(&ics::series_invite(&store, &series.id).unwrap()).unwrap();
    let events = events(&text);
    let master = events
        .iter()
        .find(|e| property(e, "RRULE").is_some())
        .unwrap();
    let mut set = vec![
        property(master, "DTSTART").unwrap().clone(),
        property(master, "RRULE").unwrap().clone(),
    ];
    set.extend(master.iter().filter(|l| l.starts_with("EXDATE")).cloned());
    let rule: rrule::RRuleSet = set.join("\n").parse().unwrap();
    let now = at("2024-10-22T09:00:00Z");
    let until = at("2025-05-10T09:00:00Z");
    let tz = rrule::Tz::Tz(chrono_tz::Europe::Paris);
    let mut expected: BTreeSet<DateTime<Utc>> = rule
        .after(now.with_timezone(&tz))
        .before(until.with_timezone(&tz))
        .all(1000)
        .dates
        .into_iter()
        .map(|d| d.with_timezone(&Utc))
        .collect();
    for moved in events
        .iter()
        .filter(|e| property(e, "RECURRENCE-ID").is_some())
    {
        let rid = property(moved, "RECURRENCE-ID")
            .unwrap()
            .replacen("RECURRENCE-ID", "DTSTART", 1);
        assert!(expected.remove(&instant(&rid)), "{rid}");
        expected.insert(instant(property(moved, "DTSTART").unwrap()));
    }
    assert_eq!(mine, expected);
    // 29 Thursdays from 24 Oct to 8 May, less the cancelled one; 14:00 in
    // Paris on both sides of each change of summer time.
    assert_eq!(mine.len(), 28);
    assert!(!mine.contains(&at("2024-10-24T12:00:00Z")), "cancelled");
    assert!(
        mine.contains(&at("2024-11-01T09:00:00Z")),
        "moved to Friday 10:00"
    );
    assert!(!mine.contains(&at("2024-10-31T13:00:00Z")));
    assert!(mine.contains(&at("2024-11-07T13:00:00Z")), "winter time");
    assert!(
        mine.contains(&at("2025-04-03T12:00:00Z")),
        "summer time again"
    );
}

#[test]
fn a_monthly_1_1_on_the_last_tuesday_takes_the_fifth_and_survives_the_invite() {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2024-10-02T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock).unwrap();
    let ada = people::create(
        &mut store,
        support::person_input("Ada Lovelace", Level::Senior),
    )
    .unwrap()
    .id;
    let mut input = support::series_at_two(Frequency::Monthly, Weekday::Tue, "Europe/Paris");
    input.last_of_month = true;
    let (series, next) = scheduling::create_series(&mut store, &ada, input.clone()).unwrap();
    assert!(series.last_of_month);
    // 29 October 2024 is the month's fifth Tuesday.
    assert_eq!(next.unwrap().scheduled_start, at("2024-10-29T13:00:00Z"));
    let starts: Vec<DateTime<Utc>> = upcoming::upcoming(&store, 100)
        .unwrap()
        .iter()
        .map(|e| e.start_utc)
        .collect();
    assert_eq!(
        starts,
        [
            at("2024-10-29T13:00:00Z"),
            at("2024-11-26T13:00:00Z"),
            at("2024-12-31T13:00:00Z")
        ]
    );

    let text = ics::render(&ics::series_invite(&store, &series.id).unwrap()).unwrap();
    let events = events(&text);
    let rrule_line = property(&events[0], "RRULE").unwrap();
    assert!(rrule_line.contains("BYDAY=-1TU"), "{rrule_line}");
    let rule: rrule::RRuleSet = [
        property(&events[0], "DTSTART").unwrap().as_str(),
        rrule_line,
    ]
    .join("\n")
    .parse()
    .unwrap();
    let tz = rrule::Tz::Tz(chrono_tz::Europe::Paris);
    let expanded: Vec<DateTime<Utc>> = rule
        .after(at("2024-10-02T09:00:00Z").with_timezone(&tz))
        .before(at("2025-01-10T09:00:00Z").with_timezone(&tz))
        .all(10)
        .dates
        .into_iter()
        .map(|d| d.with_timezone(&Utc))
        .collect();
    assert_eq!(expanded, starts);

    // Read back into another person's calendar, it is the last Tuesday again.
    let ben = people::create(
        &mut store,
        support::person_input("Ada Lovelace", Level::Senior),
    )
    .unwrap()
    .id;
    let imported = rapport_core::flows::series_import::import_series(
        &mut store,
        &ben,
        &text,
        chrono_tz::Europe::Paris,
    )
    .unwrap();
    assert!(imported.series.last_of_month);
    assert_eq!(imported.series.frequency, Frequency::Monthly);

    // Only a monthly 1:1 can be on the last weekday.
    let mut weekly = support::series_at_two(Frequency::Weekly, Weekday::Tue, "Europe/Paris");
    weekly.last_of_month = true;
    let err = scheduling::create_series(&mut store, &ada, weekly).unwrap_err();
    assert_eq!(err.code, rapport_core::ErrorCode::InvalidInput);
}
