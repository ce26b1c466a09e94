//! Sharing with the IC against a real encrypted store: calendar invites
//! (generated, parsed back, expanded across daylight-saving changes), imports
//! of other apps' calendar files, the shared notes in every format, the
//! e-mail draft, the share log, the Markdown vault, and that no private word
//! reaches any of them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;
use rapport_core::flows::prep;
use rapport_core::flows::reminders;
use rapport_core::flows::scheduling::{self, NextPlan};
use rapport_core::flows::series_import;
use rapport_core::flows::session::{self, FinishRequest};
use rapport_core::flows::upcoming;
use rapport_core::flows::{coaching, topics};
use rapport_core::formats::ics;
use rapport_core::formats::invite_mail::{self, InviteTarget};
use rapport_core::formats::sharing::{self, NotesFormat};
use rapport_core::formats::{review, vault};
use rapport_core::records::actions::{ActionInput, Owner};
use rapport_core::records::feedback::{FeedbackInput, FeedbackStatus, FeedbackTone};
use rapport_core::records::growth::{GrowthPlanInput, PlanStatus};
use rapport_core::records::highlights::{self, HighlightInput, HighlightKind};
use rapport_core::records::meetings::{
    CancelledBy, Frequency, LocalSlot, MeetingFormat, MeetingKind, MeetingStatus, NotesPatch,
    OneOffInput, SeriesInput, Weekday,
};
use rapport_core::records::moods::MoodInput;
use rapport_core::records::people::{self, Level, PersonInput};
use rapport_core::records::recurrence::next_start_after;
use rapport_core::records::settings;
use rapport_core::records::share_log::{ShareFormat, ShareKind};
use rapport_core::records::topics::{RaisedBy, TopicInput};
use rapport_core::time_of_day::ClockHours;
use rapport_core::{ErrorCode, FixedClock, Store};
use std::path::PathBuf;
use std::sync::Arc;
use support::{at, TestStore};

const PRIVATE_NOTE: &str = "MARKER-PRIVATE-NOTE-7f3a";
const PREP_NOTE: &str = "MARKER-PREP-NOTE-91bc";
const PRIVATE_HIGHLIGHT: &str = "MARKER-PRIVATE-HIGHLIGHT-44de";
const PRIVATE_TOPIC: &str = "MARKER-PRIVATE-TOPIC-0c2b";
const PRIVATE_FEEDBACK: &str = "MARKER-PRIVATE-FEEDBACK-5d17";
const PRIVATE_PLAN: &str = "MARKER-PRIVATE-PLAN-a2f4";
const PRIVATE_MOOD: &str = "MARKER-PRIVATE-MOOD-e86b";
const MARKERS: [&str; 7] = [
    PRIVATE_NOTE,
    PREP_NOTE,
    PRIVATE_HIGHLIGHT,
    PRIVATE_TOPIC,
    PRIVATE_FEEDBACK,
    PRIVATE_PLAN,
    PRIVATE_MOOD,
];

struct World {
    _t: TestStore,
    clock: Arc<FixedClock>,
    store: Store,
}

impl World {
    /// A store whose clock is Tuesday 1 Oct 2024, 08:00 UTC, with the
    /// manager's name and address set.
    fn new() -> Self {
        let t = TestStore::new();
        let clock = Arc::new(FixedClock::new(at("2024-10-01T08:00:00Z")));
        let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
        settings::save(
            &mut store,
            settings::Settings {
                manager_name: "Grace Hopper".into(),
                manager_email: Some("grace.hopper@example.com".into()),
                discreet_reminders: false,
            },
        )
        .unwrap();
        World {
            _t: t,
            clock,
            store,
        }
    }

    fn set_now(&self, when: &str) {
        self.clock.set(at(when));
    }

    fn person(&mut self, name: &str, email: Option<&str>) -> String {
        people::create(
            &mut self.store,
            PersonInput {
                name: name.into(),
                email: email.map(str::to_string),
                role: "Backend Engineer".into(),
                level: Level::Confirmed,
                start_date: Some("2023-01-09".parse().unwrap()),
                focus_areas: vec!["Own the billing migration".into()],
                cadence: None,
                career_talk_every_days: None,
                default_template_id: None,
            },
        )
        .unwrap()
        .id
    }

    fn series(
        &mut self,
        person: &str,
        frequency: Frequency,
        weekday: Weekday,
        zone: &str,
    ) -> String {
        scheduling::create_series(
            &mut self.store,
            person,
            SeriesInput {
                frequency,
                weekday,
                local_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                time_zone: zone.into(),
                duration_minutes: 30,
                format: MeetingFormat::Video,
                template_id: None,
                starts_on: "2024-10-01".parse().unwrap(),
                second_weekday: None,
                last_of_month: false,
            },
        )
        .unwrap()
        .0
        .id
    }

    /// Moves a 1:1 to Friday 4 Oct 2024, 09:30 in Paris.
    fn move_to_friday_morning(&mut self, meeting_id: &str) {
        scheduling::reschedule_meeting(
            &mut self.store,
            meeting_id,
            LocalSlot {
                date: "2024-10-04".parse().unwrap(),
                time: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
                time_zone: "Europe/Paris".into(),
            },
        )
        .unwrap();
    }

    fn next_of(&self, person: &str) -> rapport_core::records::meetings::Meeting {
        self.store
            .schedule()
            .current_or_next(person, self.clock_now())
            .unwrap()
            .unwrap()
    }

    fn clock_now(&self) -> DateTime<Utc> {
        use rapport_core::Clock;
        self.clock.now()
    }

    /// Ada with a weekly series, one held 1:1 with notes of every kind and
    /// markers in every private field. Returns (person, held meeting).
    fn held_one(&mut self) -> (String, String) {
        let ada = self.person("Ada Okafor", Some("ada.okafor@example.com"));
        self.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
        let meeting = self.next_of(&ada);
        prep::save_prep_notes(
            &mut self.store,
            &meeting.id,
            format!("Ask about {PREP_NOTE}"),
        )
        .unwrap();
        highlights::add(
            &mut self.store,
            &ada,
            HighlightInput {
                kind: HighlightKind::Concern,
                occurred_on: "2024-09-30".parse().unwrap(),
                text: format!("Seems tired: {PRIVATE_HIGHLIGHT}"),
                private: true,
                meeting_id: None,
            },
        )
        .unwrap();
        highlights::add(
            &mut self.store,
            &ada,
            HighlightInput {
                kind: HighlightKind::Win,
                occurred_on: "2024-09-27".parse().unwrap(),
                text: "Shipped the invoice exporter".into(),
                private: false,
                meeting_id: None,
            },
        )
        .unwrap();
        self.set_now("2024-10-03T12:00:00Z");
        session::start(&mut self.store, &meeting.id).unwrap();
        session::save_notes(
            &mut self.store,
            &meeting.id,
            NotesPatch {
                shared_notes: Some(
                    "- Billing migration on track\n- Wants to <lead> the design review & demo"
                        .into(),
                ),
                private_notes: Some(format!("Flight risk? {PRIVATE_NOTE}")),
                private_prep_notes: None,
            },
        )
        .unwrap();
        let agenda = session::view(&self.store, &meeting.id)
            .unwrap()
            .meeting
            .agenda;
        session::check_agenda_item(&mut self.store, &meeting.id, &agenda[0].id, true).unwrap();
        for (title, owner) in [
            ("Draft the migration plan", Owner::Ic),
            ("Book the design review room", Owner::Manager),
        ] {
            session::add_action_item(
                &mut self.store,
                &ada,
                ActionInput {
                    title: title.into(),
                    owner,
                    due_on: Some("2024-10-10".parse().unwrap()),
                    meeting_id: Some(meeting.id.clone()),
                    priority: None,
                },
            )
            .unwrap();
        }
        // One topic of each kind, both ticked in the 1:1.
        for (text, private) in [
            (format!("Salary timing {PRIVATE_TOPIC}"), true),
            ("Conference budget".to_string(), false),
        ] {
            let topic = topics::add(
                &mut self.store,
                &ada,
                TopicInput {
                    text,
                    raised_by: RaisedBy::Mine,
                    private,
                },
            )
            .unwrap();
            topics::set_discussed(&mut self.store, &topic.id, &meeting.id, true).unwrap();
        }
        // The coaching records, each manager-only, given in this 1:1.
        coaching::add_feedback(
            &mut self.store,
            &ada,
            FeedbackInput {
                tone: FeedbackTone::Constructive,
                status: FeedbackStatus::Given,
                situation: format!("In the review {PRIVATE_FEEDBACK}"),
                behaviour: "you cut the designer off".into(),
                impact: "their point was lost".into(),
                request: None,
                private: true,
                meeting_id: Some(meeting.id.clone()),
                given_on: None,
            },
        )
        .unwrap();
        coaching::add_growth_plan(
            &mut self.store,
            &ada,
            GrowthPlanInput {
                goal: format!("Lead the migration {PRIVATE_PLAN}"),
                support: String::new(),
                evidence: String::new(),
                status: PlanStatus::Active,
                private: true,
                checkpoints: vec![],
            },
        )
        .unwrap();
        coaching::record_mood(
            &mut self.store,
            &meeting.id,
            MoodInput {
                score: 4,
                word: Some(PRIVATE_MOOD.into()),
                shareable: false,
            },
        )
        .unwrap();
        self.set_now("2024-10-03T12:30:00Z");
        session::end(&mut self.store, &meeting.id).unwrap();
        (ada, meeting.id)
    }

    /// `held_one`, finished with the next 1:1 of its series planned.
    fn finished_one(&mut self) -> (String, String) {
        let (ada, meeting) = self.held_one();
        session::finish(
            &mut self.store,
            &meeting,
            FinishRequest {
                include_private_notes: false,
                next: NextPlan::Recurring,
            },
        )
        .unwrap();
        (ada, meeting)
    }
}

fn parse_ics(text: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(calendars.len(), 1);
    calendars.remove(0)
}

fn prop<'a>(props: &'a [Property], name: &str) -> &'a Property {
    props
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name} in {props:?}"))
}

fn value<'a>(props: &'a [Property], name: &str) -> &'a str {
    prop(props, name).value.as_deref().unwrap_or("")
}

fn param<'a>(p: &'a Property, name: &str) -> Option<&'a str> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v[0].as_str())
}

fn master(cal: &IcalCalendar) -> &IcalEvent {
    cal.events
        .iter()
        .find(|e| !e.properties.iter().any(|p| p.name == "RECURRENCE-ID"))
        .unwrap()
}

fn assert_lines_folded(text: &str) {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in {text}"
    );
}

#[test]
fn a_series_invite_has_every_field_and_parses_back() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada.okafor@example.com"));
    let series = w.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
    let invite = ics::person_invite(&w.store, &ada).unwrap();
    let text = ics::render(&invite).unwrap();
    assert_lines_folded(&text);
    let cal = parse_ics(&text);
    assert_eq!(value(&cal.properties, "METHOD"), "REQUEST");
    assert_eq!(value(&cal.properties, "VERSION"), "2.0");
    assert_eq!(cal.timezones.len(), 1);
    let ev = master(&cal);
    let p = &ev.properties;
    assert_eq!(value(p, "UID"), format!("{series}@rapport"));
    assert_eq!(value(p, "SEQUENCE"), "0");
    assert_eq!(value(p, "DTSTAMP"), "20241001T080000Z");
    assert_eq!(value(p, "SUMMARY"), "1:1 Grace / Ada");
    assert_eq!(param(prop(p, "DTSTART"), "TZID"), Some("Europe/Paris"));
    assert_eq!(value(p, "DTSTART"), "20241003T140000");
    assert_eq!(value(p, "DTEND"), "20241003T143000");
    assert_eq!(value(p, "RRULE"), "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;WKST=MO");
    assert_eq!(value(p, "ORGANIZER"), "mailto:grace.hopper@example.com");
    assert_eq!(param(prop(p, "ORGANIZER"), "CN"), Some("Grace Hopper"));
    assert_eq!(value(p, "ATTENDEE"), "mailto:ada.okafor@example.com");
    assert_eq!(param(prop(p, "ATTENDEE"), "CN"), Some("Ada Okafor"));
    assert_eq!(value(p, "STATUS"), "CONFIRMED");
    let description = ics::unescape_text(value(p, "DESCRIPTION"));
    assert!(description.starts_with("Agenda:\n- "), "{description}");
    // One alarm per reminder offset of the person (the default: 15 minutes).
    assert_eq!(ev.alarms.len(), 1);
    assert_eq!(value(&ev.alarms[0].properties, "TRIGGER"), "-PT15M");
    assert_eq!(value(&ev.alarms[0].properties, "ACTION"), "DISPLAY");
    rapport_core::flows::reminders::set_offsets(&mut w.store, Some(&ada), Some(vec![1440, 10]))
        .unwrap();
    let cal = parse_ics(&ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap());
    let triggers: Vec<&str> = master(&cal)
        .alarms
        .iter()
        .map(|a| value(&a.properties, "TRIGGER"))
        .collect();
    assert_eq!(triggers, ["-PT1440M", "-PT10M"]);
}

#[test]
fn monthly_and_biweekly_rules_match_the_app() {
    let mut w = World::new();
    let ben = w.person("Ben Adeyemi", Some("ben@example.com"));
    w.series(&ben, Frequency::Monthly, Weekday::Tue, "America/New_York");
    let cal = parse_ics(&ics::render(&ics::person_invite(&w.store, &ben).unwrap()).unwrap());
    // 1 Oct 2024 is the first Tuesday of October.
    assert_eq!(
        value(&master(&cal).properties, "RRULE"),
        "FREQ=MONTHLY;BYDAY=1TU;WKST=MO"
    );
    assert_eq!(
        value(&master(&cal).properties, "DTSTART"),
        "20241001T140000"
    );
    let chen = w.person("Chen Wei", Some("chen@example.com"));
    w.series(&chen, Frequency::Biweekly, Weekday::Fri, "Asia/Tokyo");
    let cal = parse_ics(&ics::render(&ics::person_invite(&w.store, &chen).unwrap()).unwrap());
    assert_eq!(
        value(&master(&cal).properties, "RRULE"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO"
    );
    // Tokyo has no daylight saving time: one observance.
    assert_eq!(cal.timezones[0].transitions.len(), 1);
}

/// The UTC offset (seconds) a VTIMEZONE gives at an instant, computed from the
/// file alone: DTSTART, RRULE (yearly BYMONTH/BYDAY) and RDATE of each observance.
fn offset_from_vtimezone(cal: &IcalCalendar, at: DateTime<Utc>) -> i32 {
    let parse_offset = |s: &str| {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let h: i32 = s[1..3].parse().unwrap();
        let m: i32 = s[3..5].parse().unwrap();
        sign * (h * 3600 + m * 60)
    };
    let mut onsets: Vec<(DateTime<Utc>, i32)> = Vec::new();
    for t in &cal.timezones[0].transitions {
        let from = parse_offset(value(&t.properties, "TZOFFSETFROM"));
        let to = parse_offset(value(&t.properties, "TZOFFSETTO"));
        let start = NaiveDateTime::parse_from_str(value(&t.properties, "DTSTART"), "%Y%m%dT%H%M%S")
            .unwrap();
        let mut locals = vec![start];
        if let Some(rule) = t.properties.iter().find(|p| p.name == "RRULE") {
            let rule = rule.value.as_deref().unwrap();
            let part = |k: &str| {
                rule.split(';')
                    .find_map(|p| p.strip_prefix(&format!("{k}=")))
                    .map(str::to_string)
            };
            let month: u32 = part("BYMONTH").unwrap().parse().unwrap();
            let byday = part("BYDAY").unwrap();
            let (n, day) = byday.split_at(byday.len() - 2);
            assert_eq!(day, "SU");
            let n: i32 = n.parse().unwrap();
            for year in start.year_ce().1 as i32 + 1..=2030 {
                let sundays: Vec<NaiveDate> = (1..=31)
                    .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
                    .filter(|d| d.format("%a").to_string() == "Sun")
                    .collect();
                let date = if n < 0 {
                    *sundays.last().unwrap()
                } else {
                    sundays[n as usize - 1]
                };
                locals.push(date.and_time(start.time()));
            }
        }
        if let Some(rdate) = t.properties.iter().find(|p| p.name == "RDATE") {
            for d in rdate.value.as_deref().unwrap().split(',') {
                locals.push(NaiveDateTime::parse_from_str(d, "%Y%m%dT%H%M%S").unwrap());
            }
        }
        for local in locals {
            onsets.push(((local - Duration::seconds(from as i64)).and_utc(), to));
        }
    }
    onsets.sort();
    onsets
        .iter()
        .rev()
        .find(|(onset, _)| *onset <= at)
        .map(|(_, to)| *to)
        .expect("an observance covers the instant")
}

use chrono::Datelike;

/// Expands the master event's weekly RRULE with the file's own VTIMEZONE and
/// compares each start with the app's schedule.
fn assert_expands_like_the_app(w: &World, person: &str, count: usize) {
    let series = w
        .store
        .schedule()
        .active_series_for(person, "2024-10-01".parse().unwrap())
        .unwrap()
        .remove(0);
    let cal = parse_ics(&ics::render(&ics::person_invite(&w.store, person).unwrap()).unwrap());
    let p = &master(&cal).properties;
    let rule = value(p, "RRULE");
    let interval: i64 = rule
        .split(';')
        .find_map(|x| x.strip_prefix("INTERVAL="))
        .unwrap()
        .parse()
        .unwrap();
    let first = NaiveDateTime::parse_from_str(value(p, "DTSTART"), "%Y%m%dT%H%M%S").unwrap();
    let mut app_after = first.and_utc() - Duration::days(2);
    for k in 0..count {
        let local = first + Duration::days(7 * interval * k as i64);
        // Local to UTC with the file's offsets: the candidate offset that
        // holds at the resulting instant.
        let candidates: Vec<i32> = (-14 * 4..=14 * 4).map(|q| q * 900).collect();
        let from_file = candidates
            .iter()
            .map(|off| (local - Duration::seconds(*off as i64)).and_utc())
            .find(|utc| {
                offset_from_vtimezone(&cal, *utc) as i64 == (local - utc.naive_utc()).num_seconds()
            })
            .expect("a UTC instant for the local time");
        let from_app = next_start_after(&series, app_after).unwrap();
        assert_eq!(from_file, from_app, "occurrence {k} ({local})");
        app_after = from_app;
    }
}

#[test]
fn a_weekly_series_across_the_autumn_change_expands_to_the_app_times() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada@example.com"));
    w.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
    // 3 Oct .. 5 Dec: summer time ends on 27 Oct.
    assert_expands_like_the_app(&w, &ada, 10);
}

#[test]
fn a_biweekly_series_across_both_new_york_changes_expands_to_the_app_times() {
    let mut w = World::new();
    let ben = w.person("Ben Adeyemi", Some("ben@example.com"));
    w.series(&ben, Frequency::Biweekly, Weekday::Mon, "America/New_York");
    // Oct 2024 .. Apr 2025: 3 Nov and 9 Mar changes.
    assert_expands_like_the_app(&w, &ben, 14);
}

#[test]
fn a_reschedule_is_an_exception_with_a_higher_sequence_and_a_cancel_an_exdate() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada@example.com"));
    let series = w.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
    let before = parse_ics(&ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap());
    let seq_before: u32 = value(&master(&before).properties, "SEQUENCE")
        .parse()
        .unwrap();
    let first = w.next_of(&ada);
    w.move_to_friday_morning(&first.id);
    let after = parse_ics(&ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap());
    assert_eq!(after.events.len(), 2);
    let exception = after
        .events
        .iter()
        .find(|e| e.properties.iter().any(|p| p.name == "RECURRENCE-ID"))
        .unwrap();
    let seq_after: u32 = value(&master(&after).properties, "SEQUENCE")
        .parse()
        .unwrap();
    assert!(seq_after > seq_before);
    assert_eq!(
        value(&exception.properties, "UID"),
        format!("{series}@rapport")
    );
    assert_eq!(
        value(&exception.properties, "RECURRENCE-ID"),
        "20241003T140000"
    );
    assert_eq!(value(&exception.properties, "DTSTART"), "20241004T093000");
    assert_eq!(
        value(&exception.properties, "SEQUENCE"),
        seq_after.to_string()
    );

    // Cancelling the moved occurrence: an EXDATE at its original slot in the
    // series, and a METHOD:CANCEL for that occurrence on its own.
    scheduling::cancel_meeting(&mut w.store, &first.id, "Offsite", CancelledBy::Manager).unwrap();
    let cancelled = parse_ics(&ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap());
    let m = &master(&cancelled).properties;
    assert_eq!(value(m, "EXDATE"), "20241003T140000");
    assert_eq!(param(prop(m, "EXDATE"), "TZID"), Some("Europe/Paris"));
    let seq_cancel: u32 = value(m, "SEQUENCE").parse().unwrap();
    assert!(seq_cancel > seq_after);
    let one = parse_ics(&ics::render(&ics::meeting_invite(&w.store, &first.id).unwrap()).unwrap());
    assert_eq!(value(&one.properties, "METHOD"), "CANCEL");
    assert_eq!(one.events.len(), 1);
    let p = &one.events[0].properties;
    assert_eq!(value(p, "STATUS"), "CANCELLED");
    assert_eq!(value(p, "RECURRENCE-ID"), "20241003T140000");
    assert_eq!(value(p, "UID"), format!("{series}@rapport"));

    // Ending the series: an UNTIL in UTC and a higher SEQUENCE.
    scheduling::end_series(&mut w.store, &series, "2024-12-19".parse().unwrap()).unwrap();
    let ended = ics::series_invite(&w.store, &series).unwrap();
    let ended = parse_ics(&ics::render(&ended).unwrap());
    assert!(value(&master(&ended).properties, "RRULE").contains("UNTIL=20241219T130000Z"));
    let seq_end: u32 = value(&master(&ended).properties, "SEQUENCE")
        .parse()
        .unwrap();
    assert!(seq_end > seq_cancel);
}

#[test]
fn a_single_meeting_invite_and_its_cancellation() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada@example.com"));
    let one = scheduling::schedule_one_off(
        &mut w.store,
        &ada,
        OneOffInput {
            kind: MeetingKind::Requested,
            topic: Some("Career path; next steps, promotion".into()),
            date: "2024-10-08".parse().unwrap(),
            time: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            time_zone: "Europe/London".into(),
            planned_minutes: 45,
            format: MeetingFormat::InPerson,
            template_id: None,
        },
    )
    .unwrap();
    let cal = parse_ics(&ics::render(&ics::meeting_invite(&w.store, &one.id).unwrap()).unwrap());
    assert_eq!(value(&cal.properties, "METHOD"), "REQUEST");
    let p = &cal.events[0].properties;
    assert_eq!(value(p, "UID"), format!("{}@rapport", one.id));
    assert!(p.iter().all(|x| x.name != "RRULE"));
    assert_eq!(value(p, "DTSTART"), "20241008T160000");
    assert_eq!(value(p, "DTEND"), "20241008T164500");
    assert_eq!(param(prop(p, "DTSTART"), "TZID"), Some("Europe/London"));
    let description = ics::unescape_text(value(p, "DESCRIPTION"));
    assert!(description.starts_with("Topic: Career path; next steps, promotion"));
    let seq: u32 = value(p, "SEQUENCE").parse().unwrap();

    scheduling::cancel_meeting(&mut w.store, &one.id, "Ada is ill", CancelledBy::Report).unwrap();
    let cal = parse_ics(&ics::render(&ics::meeting_invite(&w.store, &one.id).unwrap()).unwrap());
    assert_eq!(value(&cal.properties, "METHOD"), "CANCEL");
    let p = &cal.events[0].properties;
    assert_eq!(value(p, "STATUS"), "CANCELLED");
    assert!(value(p, "SEQUENCE").parse::<u32>().unwrap() > seq);
    assert!(cal.events[0].alarms.is_empty());
    // The cancel reason is the manager's: it is not in the invite.
    assert!(
        !ics::render(&ics::meeting_invite(&w.store, &one.id).unwrap())
            .unwrap()
            .contains("ill")
    );
}

#[test]
fn without_addresses_the_invite_is_published_not_requested() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", None);
    w.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
    let cal = parse_ics(&ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap());
    assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
    assert!(master(&cal).properties.iter().all(|p| p.name != "ATTENDEE"));
}

#[test]
fn every_shared_artefact_is_free_of_private_text() {
    let mut w = World::new();
    let (ada, meeting) = w.held_one();
    let mut artefacts: Vec<(String, Vec<u8>)> = Vec::new();
    for format in [
        NotesFormat::Md,
        NotesFormat::Html,
        NotesFormat::Txt,
        NotesFormat::Eml,
    ] {
        let a = sharing::share_notes(&mut w.store, &meeting, format).unwrap();
        artefacts.push((format!("{format:?}"), a.bytes));
    }
    let clip = sharing::clipboard(&mut w.store, &meeting).unwrap();
    artefacts.push(("clipboard md".into(), clip.markdown.into_bytes()));
    artefacts.push(("clipboard html".into(), clip.html.into_bytes()));
    let finished = session::finish(
        &mut w.store,
        &meeting,
        FinishRequest {
            include_private_notes: false,
            next: NextPlan::Recurring,
        },
    )
    .unwrap();
    artefacts.push((
        "finish markdown".into(),
        finished.shared_markdown.into_bytes(),
    ));
    for format in [
        NotesFormat::Md,
        NotesFormat::Html,
        NotesFormat::Txt,
        NotesFormat::Eml,
    ] {
        let a = sharing::render(&w.store, &meeting, format).unwrap();
        artefacts.push((format!("{format:?} after finish"), a.bytes));
    }
    artefacts.push((
        "person invite".into(),
        sharing::share_person_invite(&mut w.store, &ada)
            .unwrap()
            .bytes,
    ));
    artefacts.push((
        "meeting invite".into(),
        sharing::share_meeting_invite(&mut w.store, &meeting)
            .unwrap()
            .bytes,
    ));
    for file in vault::build(&w.store, true).unwrap() {
        artefacts.push((file.path.display().to_string(), file.contents.into_bytes()));
    }
    let packet = review::build(
        &w.store,
        &review::ReviewRequest {
            person_id: ada.clone(),
            from: Some("2024-09-01".parse().unwrap()),
            to: Some("2024-10-31".parse().unwrap()),
            shareable: Some(true),
        },
    )
    .unwrap();
    assert_eq!(packet.moods.len(), 0, "the private check-in stays out");
    artefacts.push((
        "shareable review packet".into(),
        review::markdown(&packet).into_bytes(),
    ));
    artefacts.push((
        "shareable review page".into(),
        review::html(&packet).into_bytes(),
    ));
    assert!(artefacts.len() > 16);
    for (name, bytes) in &artefacts {
        for marker in MARKERS {
            assert!(
                !support::contains(bytes, marker.as_bytes()),
                "{name} contains {marker}"
            );
        }
    }
    // The markers are really there: the full vault (manager-only) has them all.
    let full: String = vault::build(&w.store, false)
        .unwrap()
        .into_iter()
        .map(|f| f.contents)
        .collect();
    for marker in MARKERS {
        assert!(full.contains(marker), "full vault lacks {marker}");
    }
}

#[test]
fn shared_notes_render_in_every_format() {
    let mut w = World::new();
    let (_ada, meeting) = w.held_one();
    let md = String::from_utf8(
        sharing::render(&w.store, &meeting, NotesFormat::Md)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(md.starts_with("# 1:1 Grace / Ada"), "{md}");
    assert!(md.contains("Draft the migration plan — Ada Okafor"));
    let txt = String::from_utf8(
        sharing::render(&w.store, &meeting, NotesFormat::Txt)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(txt.starts_with("1:1 Grace / Ada\n==============="), "{txt}");
    assert!(
        txt.contains("Topics discussed\n----------------\n- Conference budget\n"),
        "{txt}"
    );
    assert!(
        md.contains("## Topics discussed\n\n- Conference budget\n"),
        "{md}"
    );
    assert!(txt.contains("[ ] Book the design review room — Grace Hopper, due Thu 10 Oct 2024"));
    let html = String::from_utf8(
        sharing::render(&w.store, &meeting, NotesFormat::Html)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"), "inline CSS");
    assert!(!html.contains("<link") && !html.contains("<script") && !html.contains("src="));
    // Notes are text: markup in them is escaped.
    assert!(html.contains("Wants to &lt;lead&gt; the design review &amp; demo"));
    assert!(!html.contains("<lead>"));
    assert!(html.contains("<li>Billing migration on track</li>"));
    assert!(
        html.contains("<h2>Topics discussed</h2><ul><li>Conference budget</li></ul>"),
        "{html}"
    );
}

#[test]
fn what_is_written_for_a_twelve_hour_window_has_twelve_hour_times() {
    let mut w = World::new();
    let (ada, meeting) = w.finished_one();
    let render = |w: &World, format| {
        String::from_utf8(sharing::render(&w.store, &meeting, format).unwrap().bytes).unwrap()
    };
    // Until the window (or the command line) says otherwise, 24 hours.
    let md = render(&w, NotesFormat::Md);
    assert!(md.contains("Thu 3 Oct 2024, 14:00 (Europe/Paris)"), "{md}");
    assert!(md.contains("Thu 10 Oct 2024, 14:00 (Europe/Paris)"), "{md}");

    w.store.set_clock_hours(ClockHours::Twelve);
    for format in [NotesFormat::Md, NotesFormat::Txt, NotesFormat::Html] {
        let text = render(&w, format);
        assert!(
            text.contains("Thu 3 Oct 2024, 2:00 PM (Europe/Paris)"),
            "{text}"
        );
        assert!(
            text.contains("Thu 10 Oct 2024, 2:00 PM (Europe/Paris)"),
            "{text}"
        );
        assert!(!text.contains("14:00"), "{text}");
    }
    let mail = sharing::share_notes(&mut w.store, &meeting, NotesFormat::Eml).unwrap();
    assert_eq!(
        parse_mail(&mail.bytes).subject(),
        Some("Notes from our 1:1 (Thu 3 Oct 2024, 2:00 PM)")
    );
    let invite = invite_mail::draft(&mut w.store, &InviteTarget::Person(ada.clone())).unwrap();
    let message = parse_mail(&invite.bytes);
    let body = message.body_text(0).unwrap();
    assert!(
        body.contains("every week, from Thu 3 Oct 2024, 2:00 PM (Europe/Paris), 30 min"),
        "{body}"
    );
    let vault: String = vault::build(&w.store, true)
        .unwrap()
        .into_iter()
        .map(|f| f.contents)
        .collect();
    assert!(
        vault.contains("Thu 10 Oct 2024, 2:00 PM (Europe/Paris)"),
        "{vault}"
    );
    assert!(!vault.contains("14:00"), "{vault}");
    let now = w.store.clock().now();
    assert_eq!(
        reminders::next_label(&w.store, now).unwrap(),
        "Next 1:1: Ada Okafor, Thu 10 Oct 2024, 2:00 PM"
    );
}

#[test]
fn the_email_draft_is_valid_mime_with_the_invite_attached() {
    use mail_parser::{MessageParser, MimeHeaders};
    let mut w = World::new();
    let (_ada, meeting) = w.held_one();
    let draft = sharing::share_notes(&mut w.store, &meeting, NotesFormat::Eml).unwrap();
    assert!(draft.file_name.ends_with(".eml"));
    assert!(
        draft.bytes.starts_with(b"Date: "),
        "a desktop types the draft as e-mail by its first header"
    );
    let message = MessageParser::default()
        .parse(&draft.bytes)
        .expect("a MIME message");
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
    let to = message.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.address(), Some("ada.okafor@example.com"));
    assert_eq!(to.name(), Some("Ada Okafor"));
    let from = message.from().and_then(|a| a.first()).unwrap();
    assert_eq!(from.address(), Some("grace.hopper@example.com"));
    assert!(message
        .subject()
        .unwrap()
        .starts_with("Notes from our 1:1 (Thu 3 Oct 2024"));
    assert!(message.date().is_some());
    let root = message.content_type().unwrap();
    assert_eq!((root.ctype(), root.subtype()), ("multipart", Some("mixed")));
    assert!(message
        .body_text(0)
        .unwrap()
        .contains("Billing migration on track"));
    assert!(message
        .body_html(0)
        .unwrap()
        .contains("<h1>1:1 Grace / Ada</h1>"));
    let calendar = message
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .expect("the invite attached");
    assert_eq!(
        calendar.content_type().unwrap().attribute("method"),
        Some("REQUEST")
    );
    let ics_text = calendar.text_contents().unwrap();
    let cal = parse_ics(ics_text);
    assert_eq!(value(&cal.properties, "METHOD"), "REQUEST");
    assert_eq!(
        value(&master(&cal).properties, "SUMMARY"),
        "1:1 Grace / Ada"
    );
    // The alternative part holds text and HTML.
    let alternative = message.parts.iter().any(|p| {
        p.content_type()
            .is_some_and(|c| c.ctype() == "multipart" && c.subtype() == Some("alternative"))
    });
    assert!(alternative);
}

fn parse_mail(bytes: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(bytes)
        .expect("a MIME message")
}

/// The attached invite of an e-mail draft, with the METHOD its part names.
fn attached_invite(message: &mail_parser::Message<'_>) -> (IcalCalendar, String) {
    use mail_parser::MimeHeaders;
    let part = message
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .expect("the invite attached");
    let method = part
        .content_type()
        .and_then(|c| c.attribute("method"))
        .unwrap()
        .to_string();
    (parse_ics(part.text_contents().unwrap()), method)
}

#[test]
fn an_invite_draft_carries_the_agenda_and_shareable_topics_only() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada.okafor@example.com"));
    w.series(&ada, Frequency::Biweekly, Weekday::Thu, "Europe/Paris");
    let next = w.next_of(&ada);
    session::set_agenda(
        &mut w.store,
        &next.id,
        vec![rapport_core::records::meetings::AgendaItemInput {
            id: None,
            title: "Billing migration".into(),
            minutes: 10,
            prompts: vec![],
            done: false,
        }],
    )
    .unwrap();
    for (text, private) in [
        (format!("Salary timing {PRIVATE_TOPIC}"), true),
        ("Conference budget".to_string(), false),
    ] {
        topics::add(
            &mut w.store,
            &ada,
            TopicInput {
                text,
                raised_by: RaisedBy::Mine,
                private,
            },
        )
        .unwrap();
    }
    let target = InviteTarget::Person(ada.clone());
    let draft = invite_mail::draft(&mut w.store, &target).unwrap();
    assert!(draft.bytes.starts_with(b"Date: "));
    assert!(!String::from_utf8_lossy(&draft.bytes).contains(PRIVATE_TOPIC));
    let message = parse_mail(&draft.bytes);
    assert_eq!(message.subject(), Some("1:1 Grace / Ada, every other week"));
    let to = message.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.address(), Some("ada.okafor@example.com"));
    let body = message.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.starts_with("Hi Ada,"), "{body}");
    assert!(
        body.contains("every other week, from Thu 3 Oct 2024, 14:00 (Europe/Paris), 30 min"),
        "{body}"
    );
    assert!(
        body.contains("The agenda so far:\n- Billing migration"),
        "{body}"
    );
    assert!(
        body.contains("Topics on our list:\n- Conference budget"),
        "{body}"
    );
    assert!(!body.contains("Salary"), "{body}");
    let (cal, method) = attached_invite(&message);
    assert_eq!(method, "REQUEST");
    assert_eq!(value(&cal.properties, "METHOD"), "REQUEST");
    assert!(value(&master(&cal).properties, "RRULE").contains("INTERVAL=2"));
    let log = w.store.share_log().of_person(&ada, None).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].kind, log[0].format, log[0].meeting_id.as_deref()),
        (ShareKind::Invite, ShareFormat::Eml, Some(next.id.as_str()))
    );

    // The .ics alone is the same invite, logged as a calendar file.
    let file = invite_mail::calendar_file(&mut w.store, &target).unwrap();
    assert_eq!(
        value(
            &parse_ics(&String::from_utf8(file.bytes).unwrap()).properties,
            "METHOD"
        ),
        "REQUEST"
    );
    assert_eq!(w.store.share_log().of_person(&ada, None).unwrap().len(), 2);
}

#[test]
fn a_moved_1_1_sends_an_update_and_a_cancelled_one_a_cancellation() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada.okafor@example.com"));
    let series = w.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
    let first = w.next_of(&ada);
    w.move_to_friday_morning(&first.id);
    let target = InviteTarget::Meeting(first.id.clone());
    let moved = invite_mail::draft(&mut w.store, &target).unwrap();
    let message = parse_mail(&moved.bytes);
    assert_eq!(
        message.subject(),
        Some("Moved: 1:1 Grace / Ada, now Fri 4 Oct 2024, 09:30")
    );
    let body = message.body_text(0).unwrap();
    assert!(
        body.contains(
            "moved our 1:1 of Thu 3 Oct 2024, 14:00 to Fri 4 Oct 2024, 09:30 (Europe/Paris), 30 min"
        ),
        "{body}"
    );
    let (cal, method) = attached_invite(&message);
    assert_eq!(method, "REQUEST");
    let exception = cal
        .events
        .iter()
        .find(|e| e.properties.iter().any(|p| p.name == "RECURRENCE-ID"))
        .expect("the moved occurrence");
    assert_eq!(
        value(&exception.properties, "UID"),
        format!("{series}@rapport")
    );
    assert_eq!(value(&exception.properties, "DTSTART"), "20241004T093000");

    scheduling::cancel_meeting(&mut w.store, &first.id, "Offsite", CancelledBy::Manager).unwrap();
    let cancelled = invite_mail::draft(&mut w.store, &target).unwrap();
    let message = parse_mail(&cancelled.bytes);
    assert_eq!(
        message.subject(),
        Some("Cancelled: 1:1 Grace / Ada, Thu 3 Oct 2024, 14:00")
    );
    let body = message.body_text(0).unwrap();
    assert!(
        body.contains("I have cancelled our 1:1 of Thu 3 Oct 2024, 14:00"),
        "{body}"
    );
    assert!(
        !body.contains("Offsite"),
        "the reason is the manager's: {body}"
    );
    let (cal, method) = attached_invite(&message);
    assert_eq!(method, "CANCEL");
    assert_eq!(value(&cal.events[0].properties, "STATUS"), "CANCELLED");
    assert_eq!(
        value(&cal.events[0].properties, "RECURRENCE-ID"),
        "20241003T140000"
    );
}

#[test]
fn a_held_1_1_has_no_invite_to_send() {
    let mut w = World::new();
    let (_ada, meeting) = w.held_one();
    let err = invite_mail::draft(&mut w.store, &InviteTarget::Meeting(meeting)).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("has taken place"), "{}", err.message);
}

#[test]
fn every_share_is_logged_for_the_person_page() {
    let mut w = World::new();
    let (ada, meeting) = w.held_one();
    sharing::share_notes(&mut w.store, &meeting, NotesFormat::Eml).unwrap();
    w.set_now("2024-10-03T13:00:00Z");
    sharing::clipboard(&mut w.store, &meeting).unwrap();
    w.set_now("2024-10-03T13:05:00Z");
    sharing::share_person_invite(&mut w.store, &ada).unwrap();
    // Rendering alone (a preview) logs nothing.
    sharing::render(&w.store, &meeting, NotesFormat::Html).unwrap();
    let log = rapport_core::records::share_log::of_person(&w.store, &ada).unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(
        (log[0].kind, log[0].format),
        (ShareKind::Invite, ShareFormat::Ics)
    );
    assert_eq!(
        (log[1].kind, log[1].format),
        (ShareKind::Notes, ShareFormat::Clipboard)
    );
    assert_eq!(
        (log[2].kind, log[2].format),
        (ShareKind::Notes, ShareFormat::Eml)
    );
    assert_eq!(log[2].recipient, "Ada Okafor <ada.okafor@example.com>");
    assert_eq!(log[2].meeting_id.as_deref(), Some(meeting.as_str()));
    assert_eq!(log[2].meeting_start, Some(at("2024-10-03T12:00:00Z")));
    assert_eq!(
        rapport_core::records::share_log::of_person(&w.store, "nobody")
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
}

/// The window's own copy (the session's Markdown with confirmed private
/// notes) is logged like any other share.
#[test]
fn a_copy_with_confirmed_private_notes_is_logged() {
    let mut w = World::new();
    let (ada, meeting) = w.held_one();
    sharing::record_copy(&mut w.store, &meeting).unwrap();
    let log = rapport_core::records::share_log::of_person(&w.store, &ada).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].kind, log[0].format),
        (ShareKind::Notes, ShareFormat::Clipboard)
    );
    assert_eq!(log[0].meeting_id.as_deref(), Some(meeting.as_str()));
}

#[test]
fn the_vault_is_a_running_document_with_linked_meeting_files() {
    let mut w = World::new();
    w.finished_one();
    let files = vault::build(&w.store, true).unwrap();
    let doc = files
        .iter()
        .find(|f| f.path.as_path() == std::path::Path::new("Ada Okafor/Ada Okafor.md"))
        .expect("the running document");
    let text = &doc.contents;
    assert!(text.starts_with(
        "---\nperson: Ada Okafor\nrole: Backend Engineer\nfrequency: Weekly\nstarted: 2023-01-09\n---\n"
    ), "{text}");
    for section in [
        "# 1:1 with Ada Okafor",
        "## Current Focus Areas\n- Own the billing migration",
        "## Ongoing Threads",
        "## Action Items",
        "### My Actions\n- [ ] Book the design review room (by 2024-10-10)",
        "### Ada's Actions\n- [ ] Draft the migration plan (by 2024-10-10)",
        "## Recent Accomplishments Shared\n- 2024-09-27: Shipped the invoice exporter",
        "## Meeting History\n- [[Ada Okafor/meetings/2024-10-03 Ada Okafor|2024-10-03]]",
    ] {
        assert!(text.contains(section), "missing {section:?} in\n{text}");
    }
    let meeting_file = files
        .iter()
        .find(|f| {
            f.path.as_path() == std::path::Path::new("Ada Okafor/meetings/2024-10-03 Ada Okafor.md")
        })
        .expect("the meeting file the history links to");
    assert!(meeting_file
        .contents
        .contains("Back to [[Ada Okafor/Ada Okafor]]"));
    assert!(meeting_file.contents.contains("Billing migration on track"));
    assert!(meeting_file.contents.contains("## Next 1:1"));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("vault");
    assert_eq!(vault::write(&w.store, &out, true).unwrap(), files.len());
    assert!(out.join("Ada Okafor/Ada Okafor.md").is_file());
    // A folder with something in it is never written into.
    let again = vault::write(&w.store, &out, true).unwrap_err();
    assert_eq!(again.code, ErrorCode::InvalidInput);
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ics")
            .join(name),
    )
    .unwrap()
}

fn import_world() -> (World, String, String, String) {
    let mut w = World::new();
    w.set_now("2024-10-22T09:00:00Z");
    let ada = w.person("Ada Okafor", Some("ada.okafor@example.com"));
    let ben = w.person("Ben Adeyemi", Some("ben.adeyemi@example.com"));
    let chen = w.person("Chen Wei", Some("chen.wei@example.com"));
    (w, ada, ben, chen)
}

fn utc_zone() -> chrono_tz::Tz {
    chrono_tz::UTC
}

#[test]
fn a_google_export_gives_the_current_weekly_series() {
    let (mut w, ada, ben, _) = import_world();
    let imported =
        series_import::import_series(&mut w.store, &ada, &fixture("google.ics"), utc_zone())
            .unwrap();
    let s = &imported.series;
    assert_eq!(imported.source_summary, "Ada / Grace weekly");
    assert_eq!((s.frequency, s.weekday), (Frequency::Weekly, Weekday::Thu));
    assert_eq!(s.local_time, NaiveTime::from_hms_opt(14, 0, 0).unwrap());
    assert_eq!(s.time_zone, "Europe/Paris");
    assert_eq!(s.duration_minutes, 30);
    assert_eq!(s.format, MeetingFormat::Video);
    assert_eq!(s.starts_on, "2024-09-05".parse::<NaiveDate>().unwrap());
    assert_eq!(s.ends_on, None);
    let next = imported.next_meeting.unwrap();
    assert_eq!(next.scheduled_start, at("2024-10-24T12:00:00Z"));
    assert_eq!(next.status, MeetingStatus::Scheduled);
    // A UTC start without a zone takes the calendar's X-WR-TIMEZONE.
    let imported =
        series_import::import_series(&mut w.store, &ben, &fixture("google.ics"), utc_zone())
            .unwrap();
    assert_eq!(imported.series.time_zone, "Europe/Paris");
    assert_eq!(imported.series.weekday, Weekday::Mon);
    assert_eq!(
        imported.series.local_time,
        NaiveTime::from_hms_opt(10, 0, 0).unwrap()
    );
    // The same person twice: refused, nothing added.
    let again =
        series_import::import_series(&mut w.store, &ada, &fixture("google.ics"), utc_zone())
            .unwrap_err();
    assert!(
        again
            .message
            .contains("already has a recurring 1:1 (weekly on Thursday at 14:00)"),
        "{}",
        again.message
    );
    // The window's 12-hour clock says it the way the window does.
    w.store.set_clock_hours(ClockHours::Twelve);
    let again =
        series_import::import_series(&mut w.store, &ada, &fixture("google.ics"), utc_zone())
            .unwrap_err();
    assert!(
        again.message.contains("(weekly on Thursday at 2:00 PM)"),
        "{}",
        again.message
    );
    assert_eq!(w.store.schedule().list_series().unwrap().len(), 2);
}

#[test]
fn an_outlook_export_with_a_windows_zone_gives_a_biweekly_series() {
    let (mut w, _, ben, _) = import_world();
    let imported =
        series_import::import_series(&mut w.store, &ben, &fixture("outlook.ics"), utc_zone())
            .unwrap();
    let s = &imported.series;
    assert_eq!(s.time_zone, "Europe/Paris", "Romance Standard Time");
    assert_eq!(
        (s.frequency, s.weekday),
        (Frequency::Biweekly, Weekday::Tue)
    );
    assert_eq!(s.local_time, NaiveTime::from_hms_opt(10, 30, 0).unwrap());
    assert_eq!(s.duration_minutes, 30);
    assert_eq!(s.format, MeetingFormat::Video);
    // COUNT=40 every two weeks from 3 Sep 2024.
    assert_eq!(s.ends_on, Some("2026-03-03".parse().unwrap()));
    // 3 Sep + 2-week steps: 29 Oct is the next one after 22 Oct.
    assert_eq!(
        imported.next_meeting.unwrap().scheduled_start,
        at("2024-10-29T09:30:00Z")
    );
}

#[test]
fn an_apple_export_gives_a_monthly_series_matched_by_name() {
    let (mut w, _, _, chen) = import_world();
    let imported =
        series_import::import_series(&mut w.store, &chen, &fixture("apple.ics"), utc_zone())
            .unwrap();
    let s = &imported.series;
    assert_eq!(imported.source_summary, "Monthly 1:1 — Chen & Grace");
    assert_eq!((s.frequency, s.weekday), (Frequency::Monthly, Weekday::Wed));
    assert_eq!(s.time_zone, "America/New_York");
    assert_eq!(s.duration_minutes, 45);
    assert_eq!(s.format, MeetingFormat::InPerson);
    // The second Wednesday of November, 09:00 New York (UTC-5 by then).
    assert_eq!(
        imported.next_meeting.unwrap().scheduled_start,
        at("2024-11-13T14:00:00Z")
    );
}

#[test]
fn a_bad_calendar_file_is_refused_with_a_message_and_changes_nothing() {
    let (mut w, ada, _, _) = import_world();
    let before = rapport_core::formats::exchange::export_json(&w.store).unwrap();
    let cases = [
        ("truncated", fixture("truncated.ics"), "damaged"),
        (
            "not a calendar",
            "{\"people\": []}".to_string(),
            "not an iCalendar",
        ),
        ("daily", fixture("daily.ics"), "repeats in a way"),
        (
            "ended",
            fixture("daily.ics").replace(
                "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                "FREQ=WEEKLY;BYDAY=TH;UNTIL=20240926T215959Z",
            ),
            "ended on Thu 26 Sept 2024.",
        ),
        (
            "someone else's",
            fixture("apple.ics"),
            "No recurring 1:1 with Ada Okafor",
        ),
    ];
    for (name, text, expected) in cases {
        let err = series_import::import_series(&mut w.store, &ada, &text, utc_zone()).unwrap_err();
        assert!(err.message.contains(expected), "{name}: {}", err.message);
        assert!(
            err.message.contains("Nothing was imported"),
            "{name}: {}",
            err.message
        );
    }
    assert_eq!(
        rapport_core::formats::exchange::export_json(&w.store).unwrap(),
        before
    );
}

#[test]
fn our_own_invite_imports_back_to_the_same_series() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada@example.com"));
    let original = w.series(
        &ada,
        Frequency::Biweekly,
        Weekday::Wed,
        "America/Los_Angeles",
    );
    let text = ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap();
    let calendars = ics::parse(&text).unwrap();
    let found = ics::find_series(
        &calendars,
        "Ada Okafor",
        Some("ada@example.com"),
        utc_zone(),
    )
    .unwrap();
    let series = w.store.schedule().get_series(&original).unwrap();
    assert_eq!(found.frequency, series.frequency);
    assert_eq!(found.weekday, series.weekday);
    assert_eq!(found.local_time, series.local_time);
    assert_eq!(found.time_zone, series.time_zone);
    assert_eq!(found.duration_minutes, series.duration_minutes);
}

/// An improvement plan's rhythm: twice a week, both days in one RRULE that
/// a calendar reads, and read back by the import as the same series.
#[test]
fn a_twice_weekly_series_goes_out_as_one_rule_and_imports_back() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada@example.com"));
    let mut input = SeriesInput {
        frequency: Frequency::TwiceWeekly,
        weekday: Weekday::Mon,
        second_weekday: None,
        last_of_month: false,
        local_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        time_zone: "Europe/Paris".into(),
        duration_minutes: 30,
        format: MeetingFormat::Video,
        template_id: None,
        starts_on: "2024-10-01".parse().unwrap(),
    };
    let err = scheduling::create_series(&mut w.store, &ada, input.clone()).unwrap_err();
    assert_eq!(err.message, "Twice a week needs its second day.");
    input.second_weekday = Some(Weekday::Mon);
    let err = scheduling::create_series(&mut w.store, &ada, input.clone()).unwrap_err();
    assert!(
        err.message.contains("two different days"),
        "{}",
        err.message
    );
    assert!(w.store.schedule().list_series().unwrap().is_empty());
    input.second_weekday = Some(Weekday::Thu);
    let (series, next) = scheduling::create_series(&mut w.store, &ada, input).unwrap();
    // 1 Oct 2024 is a Tuesday and the clock is earlier: Thursday the 3rd first.
    assert_eq!(next.unwrap().scheduled_start, at("2024-10-03T07:00:00Z"));

    let text = ics::render(&ics::person_invite(&w.store, &ada).unwrap()).unwrap();
    let cal = parse_ics(&text);
    let rule = value(&master(&cal).properties, "RRULE");
    assert!(
        rule.contains("FREQ=WEEKLY") && rule.contains("BYDAY=MO,TH"),
        "{rule}"
    );
    let found = ics::find_series(
        &ics::parse(&text).unwrap(),
        "Ada Okafor",
        Some("ada@example.com"),
        utc_zone(),
    )
    .unwrap();
    assert_eq!(
        (found.frequency, found.weekday, found.second_weekday),
        (Frequency::TwiceWeekly, Weekday::Mon, Some(Weekday::Thu))
    );
    assert_eq!(found.local_time, series.local_time);
}

/// Names in any script reach the invite whole: the calendar library's own
/// parameter escaping panicked on a quoted name with accents or CJK.
#[test]
fn invites_carry_names_with_accents_commas_and_other_scripts() {
    for name in [
        "José Núñez",
        "李 雷",
        "Núñez, José",
        "Zoë; \"Zo\" O'Brien",
        "Ada",
    ] {
        let mut w = World::new();
        let person = w.person(name, Some("someone@example.com"));
        w.series(&person, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
        let text = ics::render(&ics::person_invite(&w.store, &person).unwrap()).unwrap();
        assert_lines_folded(&text);
        let cal = parse_ics(&text);
        let attendee = prop(&master(&cal).properties, "ATTENDEE");
        let cn = param(attendee, "CN").unwrap().trim_matches('"').to_string();
        assert_eq!(cn, name.replace('"', ""), "{text}");
        let found = ics::find_series(
            &ics::parse(&text).unwrap(),
            name,
            Some("someone@example.com"),
            utc_zone(),
        )
        .unwrap();
        assert_eq!(found.weekday, Weekday::Thu);
    }
}

#[test]
fn upcoming_lists_local_and_utc_starts_with_reminder_times() {
    let mut w = World::new();
    let ada = w.person("Ada Okafor", Some("ada@example.com"));
    w.series(&ada, Frequency::Weekly, Weekday::Thu, "Europe/Paris");
    let list = upcoming::upcoming(&w.store, 7).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].start_utc, at("2024-10-03T12:00:00Z"));
    assert_eq!(list[0].start_local, "2024-10-03T14:00:00+02:00");
    assert_eq!(list[0].reminders.len(), 1);
    assert_eq!(list[0].reminders[0].at, at("2024-10-03T11:45:00Z"));
    assert_eq!(
        upcoming::upcoming(&w.store, 0).unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

/// Drafts for the mail app are the manager's alone and do not pile up.
#[cfg(unix)]
#[test]
fn email_drafts_are_private_and_removed_after_a_day() {
    use std::os::unix::fs::PermissionsExt;
    let mut w = World::new();
    let (_ada, meeting) = w.held_one();
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    let stale = drafts.join("old.eml");
    std::fs::write(&stale, "old").unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_days_ago)
        .unwrap();
    let fresh = drafts.join("recent.eml");
    std::fs::write(&fresh, "recent").unwrap();

    let draft = sharing::share_notes(&mut w.store, &meeting, NotesFormat::Eml).unwrap();
    let path = sharing::save_draft(&drafts, &draft).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(std::fs::read(&path).unwrap(), draft.bytes);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&drafts), 0o700);
    assert!(!stale.exists(), "a draft older than a day is removed");
    assert!(fresh.exists(), "a recent draft stays for the mail app");
}
