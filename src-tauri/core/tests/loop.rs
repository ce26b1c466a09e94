//! The 1:1 loop against a real encrypted store: people, scheduling, prep,
//! the session and what it leaves behind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rapport_core::flows::prep;
use rapport_core::flows::scheduling::{self, NextPlan};
use rapport_core::flows::session::{self, FinishRequest};
use rapport_core::flows::talking_points::TalkingPointKind;
use rapport_core::flows::today;
use rapport_core::records::actions::{ActionInput, ActionStatus, Owner};
use rapport_core::records::highlights;
use rapport_core::records::highlights::{HighlightInput, HighlightKind};
use rapport_core::records::meetings::{
    AgendaItemInput, CancelledBy, Frequency, LocalSlot, MeetingFormat, MeetingKind, MeetingStatus,
    NotesPatch, OneOffInput, SeriesInput, Weekday,
};
use rapport_core::records::people::{self, Cadence, Level, PersonInput};
use rapport_core::records::templates;
use rapport_core::{ErrorCode, FixedClock, Store};
use std::sync::Arc;
use support::{at, TestStore};

const ZONE: &str = "Europe/Paris";

struct Loop {
    _t: TestStore,
    clock: Arc<FixedClock>,
    store: Store,
}

impl Loop {
    /// A store whose clock is Tuesday 22 Oct 2024, 09:00 UTC.
    fn new() -> Self {
        let t = TestStore::new();
        let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
        let store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
        Loop {
            _t: t,
            clock,
            store,
        }
    }

    fn set_now(&self, when: &str) {
        self.clock.set(at(when));
    }

    fn advance(&self, minutes: i64) {
        use rapport_core::Clock;
        self.clock
            .set(self.clock.now() + Duration::minutes(minutes));
    }

    fn person(&mut self, name: &str, level: Level) -> String {
        people::create(
            &mut self.store,
            PersonInput {
                name: name.into(),
                email: Some(format!(
                    "{}@example.com",
                    name.to_lowercase().replace(' ', ".")
                )),
                role: "Engineer".into(),
                level,
                start_date: Some("2023-01-09".parse().unwrap()),
                focus_areas: vec!["Client calls".into(), " ".into()],
                cadence: None,
                career_talk_every_days: None,
                default_template_id: None,
            },
        )
        .unwrap()
        .id
    }

    fn weekly_thursday_two_pm(&mut self, person: &str) -> String {
        scheduling::create_series(
            &mut self.store,
            person,
            SeriesInput {
                frequency: Frequency::Weekly,
                weekday: Weekday::Thu,
                local_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                time_zone: ZONE.into(),
                duration_minutes: 45,
                format: MeetingFormat::InPerson,
                template_id: None,
                starts_on: "2024-10-01".parse().unwrap(),
                second_weekday: None,
                last_of_month: false,
            },
        )
        .unwrap()
        .1
        .unwrap()
        .id
    }

    fn item(
        &mut self,
        person: &str,
        title: &str,
        owner: Owner,
        due: Option<&str>,
        meeting: Option<&str>,
    ) -> String {
        session::add_action_item(
            &mut self.store,
            person,
            ActionInput {
                title: title.into(),
                owner,
                due_on: due.map(|d| d.parse().unwrap()),
                meeting_id: meeting.map(str::to_string),
                priority: None,
            },
        )
        .unwrap()
        .item
        .id
    }

    /// Runs a whole 1:1 of `minutes` on the given meeting and schedules the next recurring one.
    fn hold(&mut self, meeting: &str, minutes: i64) -> Option<String> {
        session::start(&mut self.store, meeting).unwrap();
        self.advance(minutes);
        session::end(&mut self.store, meeting).unwrap();
        session::finish(
            &mut self.store,
            meeting,
            FinishRequest {
                include_private_notes: false,
                next: NextPlan::Recurring,
            },
        )
        .unwrap()
        .next_meeting
        .map(|m| m.id)
    }
}

fn local(at: DateTime<Utc>) -> String {
    let tz: chrono_tz::Tz = ZONE.parse().unwrap();
    at.with_timezone(&tz)
        .format("%a %Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn people_are_validated_and_blank_fields_are_dropped() {
    let mut l = Loop::new();
    let id = l.person("Ada Okafor", Level::Junior);
    let ada = l.store.people().get(&id).unwrap();
    assert_eq!(ada.focus_areas, ["Client calls"]);
    assert_eq!(ada.effective_cadence(), Cadence::Weekly);
    assert_eq!(ada.effective_career_talk_days(), 14);

    let bad = people::create(&mut l.store, support::person_input("  ", Level::Senior)).unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    // Found by fuzzing the JSON import: "\0x" passed the check and was then
    // refused by the store, for which the text ends at the NUL.
    for name in ["\0x", "Ada\nOkafor", "Ada\tOkafor"] {
        let bad =
            people::create(&mut l.store, support::person_input(name, Level::Senior)).unwrap_err();
        assert_eq!(bad.code, ErrorCode::InvalidInput, "{name:?}");
        assert!(bad.message.contains("control character"), "{}", bad.message);
    }
    let mut edit = PersonInput {
        name: "Ada Okafor".into(),
        email: Some("not-an-address".into()),
        role: "Engineer".into(),
        level: Level::Senior,
        start_date: None,
        focus_areas: vec![],
        cadence: Some(Cadence::Monthly),
        career_talk_every_days: None,
        default_template_id: Some("no-such-template".into()),
    };
    assert_eq!(
        people::update(&mut l.store, &id, edit.clone())
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    edit.email = None;
    assert_eq!(
        people::update(&mut l.store, &id, edit.clone())
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput,
        "unknown template"
    );
    edit.default_template_id = Some(templates::BASIC.into());
    let ada = people::update(&mut l.store, &id, edit).unwrap();
    assert_eq!(ada.effective_cadence(), Cadence::Monthly);
    assert_eq!(l.store.people().get(&id).unwrap().level, Level::Senior);
    assert!(
        people::set_archived(&mut l.store, &id, true)
            .unwrap()
            .archived
    );
}

#[test]
fn a_weekly_series_stays_at_14_local_across_daylight_saving_and_keeps_one_next_occurrence() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);
    let m = l.store.schedule().get_meeting(&first).unwrap();
    assert_eq!(local(m.scheduled_start), "Thu 2024-10-24 14:00");
    assert_eq!(m.scheduled_start, at("2024-10-24T12:00:00Z"));

    // Held on the day; summer time ends on Sunday 27 October.
    l.set_now("2024-10-24T12:00:00Z");
    let next = l.hold(&first, 40).expect("next scheduled");
    let next = l.store.schedule().get_meeting(&next).unwrap();
    assert_eq!(local(next.scheduled_start), "Thu 2024-10-31 14:00");
    assert_eq!(next.scheduled_start, at("2024-10-31T13:00:00Z"));
    assert_eq!(next.series_id, m.series_id);

    // Exactly one open occurrence per series.
    let open: Vec<_> = l
        .store
        .schedule()
        .list_meetings()
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Scheduled)
        .collect();
    assert_eq!(open.len(), 1);
}

#[test]
fn moving_one_occurrence_keeps_the_series_and_moving_the_series_moves_its_next() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);
    // A1: the IC has an emergency; same time tomorrow.
    let moved = scheduling::reschedule_meeting(
        &mut l.store,
        &first,
        LocalSlot {
            date: "2024-10-25".parse().unwrap(),
            time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            time_zone: ZONE.into(),
        },
    )
    .unwrap();
    assert_eq!(local(moved.scheduled_start), "Fri 2024-10-25 14:00");
    assert_eq!(moved.original_start, Some(at("2024-10-24T12:00:00Z")));

    // The next occurrence after the moved one is the following Thursday.
    l.set_now("2024-10-25T12:00:00Z");
    let next = l.hold(&first, 30).unwrap();
    let next_meeting = l.store.schedule().get_meeting(&next).unwrap();
    assert_eq!(local(next_meeting.scheduled_start), "Thu 2024-10-31 14:00");

    // The whole series moves to Tuesdays 10:00; its scheduled occurrence follows.
    let series_id = next_meeting.series_id.clone().unwrap();
    let series = scheduling::update_series(
        &mut l.store,
        &series_id,
        SeriesInput {
            frequency: Frequency::Biweekly,
            weekday: Weekday::Tue,
            local_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            time_zone: ZONE.into(),
            duration_minutes: 30,
            format: MeetingFormat::Video,
            template_id: None,
            starts_on: "2024-10-29".parse().unwrap(),
            second_weekday: None,
            last_of_month: false,
        },
    )
    .unwrap();
    assert_eq!(series.sequence, 1);
    let after = l.store.schedule().get_meeting(&next).unwrap();
    assert_eq!(local(after.scheduled_start), "Tue 2024-10-29 10:00");
    assert_eq!(after.format, MeetingFormat::Video);
}

#[test]
fn cancellations_are_kept_with_their_reason_and_make_room_for_the_next() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let mut meeting = l.weekly_thursday_two_pm(&ada);
    assert_eq!(
        scheduling::cancel_meeting(&mut l.store, &meeting, "  ", CancelledBy::Report)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    for _ in 0..3 {
        let cancelled = scheduling::cancel_meeting(
            &mut l.store,
            &meeting,
            "Client emergency",
            CancelledBy::Report,
        )
        .unwrap();
        assert_eq!(cancelled.status, MeetingStatus::Cancelled);
        assert_eq!(cancelled.cancel_reason.as_deref(), Some("Client emergency"));
        let next = l
            .store
            .schedule()
            .current_or_next(&ada, at("2024-10-22T09:00:00Z"))
            .unwrap()
            .unwrap();
        assert!(next.scheduled_start > cancelled.scheduled_start);
        meeting = next.id;
    }
    // Three cancellations, seen from a week after the last one.
    l.set_now("2024-11-14T09:00:00Z");
    let p = prep::prepare(&l.store, &ada).unwrap();
    assert_eq!(p.cancelled_last_60_days, 3);
    assert!(p
        .talking_points
        .iter()
        .any(|t| t.kind == TalkingPointKind::Cancellations));
}

/// A 20-minute video one-off at 3 PM in Paris on `date`.
fn one_off_at_three(kind: MeetingKind, topic: Option<&str>, date: &str) -> OneOffInput {
    OneOffInput {
        kind,
        topic: topic.map(str::to_string),
        date: date.parse().unwrap(),
        time: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        time_zone: ZONE.into(),
        planned_minutes: 20,
        format: MeetingFormat::Video,
        template_id: None,
    }
}

#[test]
fn one_off_1_1s_urgent_and_requested() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Senior);
    let input = |kind, topic: Option<&str>| one_off_at_three(kind, topic, "2024-10-22");
    let requested_without_topic =
        scheduling::schedule_one_off(&mut l.store, &ada, input(MeetingKind::Requested, Some(" ")));
    assert_eq!(
        requested_without_topic.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let requested = scheduling::schedule_one_off(
        &mut l.store,
        &ada,
        input(
            MeetingKind::Requested,
            Some("Trouble with the Google client"),
        ),
    )
    .unwrap();
    assert_eq!(requested.template_id.as_deref(), Some(templates::BASIC));
    let urgent =
        scheduling::schedule_one_off(&mut l.store, &ada, input(MeetingKind::Urgent, None)).unwrap();
    assert_eq!(
        urgent.template_id.as_deref(),
        Some(templates::PERFORMANCE_IMPROVEMENT)
    );
    let started = session::start(&mut l.store, &urgent.id).unwrap();
    assert_eq!(
        started.meeting.agenda[0].title,
        "Performance Gap Identification"
    );
}

#[test]
fn prep_aggregates_last_next_count_average_and_carries_action_items() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);

    l.set_now("2024-10-24T12:00:00Z");
    session::start(&mut l.store, &first).unwrap();
    let done_item = l.item(
        &ada,
        "Improve submission quality",
        Owner::Ic,
        Some("2024-10-28"),
        Some(&first),
    );
    let partial = l.item(
        &ada,
        "Follow up on stale jobs",
        Owner::Ic,
        Some("2024-10-29"),
        Some(&first),
    );
    let overdue = l.item(
        &ada,
        "Complete LinkedIn training",
        Owner::Ic,
        Some("2024-10-30"),
        Some(&first),
    );
    let mine = l.item(
        &ada,
        "Escalate Google jobs",
        Owner::Manager,
        None,
        Some(&first),
    );
    l.advance(40);
    session::end(&mut l.store, &first).unwrap();
    let second = session::finish(
        &mut l.store,
        &first,
        FinishRequest {
            include_private_notes: false,
            next: NextPlan::Recurring,
        },
    )
    .unwrap()
    .next_meeting
    .unwrap()
    .id;

    // Between the 1:1s: the IC finishes one item, partly does another; a win
    // and a concern are logged.
    l.set_now("2024-10-28T09:00:00Z");
    rapport_core::records::actions::set_status(&mut l.store, &done_item, ActionStatus::Done)
        .unwrap();
    rapport_core::records::actions::set_status(&mut l.store, &partial, ActionStatus::Partial)
        .unwrap();
    for (kind, text) in [
        (HighlightKind::Win, "Placed Kevin Lee at Oracle"),
        (HighlightKind::Concern, "Submission rate below target"),
    ] {
        highlights::add(
            &mut l.store,
            &ada,
            HighlightInput {
                kind,
                occurred_on: "2024-10-27".parse().unwrap(),
                text: text.into(),
                private: false,
                meeting_id: None,
            },
        )
        .unwrap();
    }

    // Prep on the morning of the second 1:1 (31 Oct, Paris is UTC+1 now).
    l.set_now("2024-10-31T08:00:00Z");
    let p = prep::prepare(&l.store, &ada).unwrap();
    assert_eq!(p.meeting.as_ref().unwrap().id, second);
    assert_eq!(p.last.as_ref().unwrap().id, first);
    assert_eq!(p.days_since_last, Some(7));
    assert_eq!(p.completed_count, 1);
    assert_eq!(p.average_minutes, Some(40));
    let status_of = |id: &str| {
        p.action_items
            .iter()
            .find(|i| i.item.id == id)
            .map(|i| (i.item.status, i.overdue))
    };
    // TC-005: the completion shows at the next prep.
    assert_eq!(status_of(&done_item), Some((ActionStatus::Done, false)));
    assert_eq!(status_of(&partial), Some((ActionStatus::Partial, true)));
    assert_eq!(status_of(&overdue), Some((ActionStatus::Open, true)));
    assert_eq!(status_of(&mine), Some((ActionStatus::Open, false)));
    let done = p
        .action_items
        .iter()
        .find(|i| i.item.id == done_item)
        .unwrap();
    assert_eq!(
        done.item
            .history
            .iter()
            .map(|h| h.status)
            .collect::<Vec<_>>(),
        [ActionStatus::Open, ActionStatus::Done]
    );
    assert_eq!(done.item.history[1].changed_at, at("2024-10-28T09:00:00Z"));
    assert_eq!(p.wins.len(), 1);
    assert_eq!(p.concerns.len(), 1);
    let kinds: Vec<_> = p.talking_points.iter().map(|t| t.kind).collect();
    assert_eq!(kinds[0], TalkingPointKind::Win);
    assert!(kinds.contains(&TalkingPointKind::Overdue));
    assert!(kinds.contains(&TalkingPointKind::Concern));
    assert!(p.talking_points.iter().all(|t| !t.reason.is_empty()));

    // A week later the done item no longer shows; open ones are still carried.
    l.set_now("2024-10-31T13:00:00Z");
    let next = l.hold(&second, 30);
    assert!(next.is_some());
    l.set_now("2024-11-06T09:00:00Z");
    let p = prep::prepare(&l.store, &ada).unwrap();
    assert!(p.action_items.iter().all(|i| i.item.id != done_item));
    assert!(p.action_items.iter().any(|i| i.item.id == overdue));
    assert_eq!(p.completed_count, 2);
    assert_eq!(p.average_minutes, Some(35));
}

#[test]
fn the_session_timer_is_the_stored_start_and_survives_reopening_the_store() {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
    let ada = people::create(&mut store, support::person_input("Ada", Level::Junior))
        .unwrap()
        .id;
    let started = session::start_now(&mut store, &ada).unwrap();
    assert_eq!(started.meeting.status, MeetingStatus::InProgress);
    assert_eq!(started.elapsed_seconds, 0);
    assert_eq!(started.meeting.agenda.len(), 6, "standard weekly agenda");
    session::save_notes(
        &mut store,
        &started.meeting.id,
        NotesPatch {
            shared_notes: Some("- Wins: Oracle".into()),
            ..NotesPatch::default()
        },
    )
    .unwrap();
    drop(store);

    clock.set(at("2024-10-22T09:12:30Z"));
    let mut store = Store::open(&t.paths, &t.keys, clock.clone()).unwrap();
    let view = session::view(&store, &started.meeting.id).unwrap();
    assert_eq!(view.elapsed_seconds, 750);
    assert_eq!(view.meeting.shared_notes, "- Wins: Oracle");
    // Start again (e.g. a second click) resumes rather than restarting the clock.
    let again = session::start_now(&mut store, &ada).unwrap();
    assert_eq!(again.meeting.id, started.meeting.id);
    assert_eq!(again.elapsed_seconds, 750);
}

#[test]
fn ending_summarises_and_finishing_shares_only_shared_text() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let meeting = l.weekly_thursday_two_pm(&ada);
    l.set_now("2024-10-24T12:00:00Z");
    let view = session::start(&mut l.store, &meeting).unwrap();
    session::save_notes(
        &mut l.store,
        &meeting,
        NotesPatch {
            shared_notes: Some("## Wins\n- Oracle placement".into()),
            private_notes: Some("PRIVATE-MARKER coaching thought".into()),
            private_prep_notes: Some("PREP-MARKER".into()),
        },
    )
    .unwrap();
    let first_two: Vec<_> = view.meeting.agenda.iter().take(2).collect();
    for item in &first_two {
        session::check_agenda_item(&mut l.store, &meeting, &item.id, true).unwrap();
    }
    l.item(
        &ada,
        "Complete LinkedIn training",
        Owner::Ic,
        Some("2024-10-27"),
        Some(&meeting),
    );
    l.item(
        &ada,
        "Escalate Google jobs",
        Owner::Manager,
        Some("2024-10-24"),
        Some(&meeting),
    );
    l.advance(47);

    let summary = session::end(&mut l.store, &meeting).unwrap();
    assert_eq!(summary.duration_seconds, 47 * 60);
    assert_eq!((summary.agenda_done, summary.agenda_total), (2, 6));
    assert_eq!(summary.action_items.len(), 2);
    assert!(summary.shared_preview.contains("Oracle placement"));
    assert!(!summary.shared_preview.contains("MARKER"));
    let next = summary.next.unwrap();
    assert_eq!(local(next.start), "Thu 2024-10-31 14:00");
    assert_eq!(next.frequency, Frequency::Weekly);

    // Going back to the session resumes the clock; ending again counts all of it.
    session::resume(&mut l.store, &meeting).unwrap();
    l.advance(3);
    let summary = session::end(&mut l.store, &meeting).unwrap();
    assert_eq!(summary.duration_seconds, 50 * 60);

    let done = session::finish(
        &mut l.store,
        &meeting,
        FinishRequest {
            include_private_notes: false,
            next: NextPlan::Recurring,
        },
    )
    .unwrap();
    assert_eq!(done.meeting.status, MeetingStatus::Completed);
    let md = &done.shared_markdown;
    assert!(md.contains("- [x] Wins & Celebrations"), "{md}");
    assert!(
        md.contains("Complete LinkedIn training — Ada Okafor, due Sun 27 Oct"),
        "{md}"
    );
    assert!(md.contains("Escalate Google jobs — Manager"), "{md}");
    assert!(
        md.contains("## Next 1:1\n\nThu 31 Oct 2024, 14:00 (Europe/Paris)"),
        "{md}"
    );
    assert!(!md.contains("MARKER"), "{md}");
    assert_eq!(
        session::end(&mut l.store, &meeting).unwrap_err().code,
        ErrorCode::InvalidInput,
        "a finished 1:1 cannot end again"
    );
}

#[test]
fn private_notes_are_shared_only_when_asked() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let view = session::start_now(&mut l.store, &ada).unwrap();
    let id = view.meeting.id;
    session::save_notes(
        &mut l.store,
        &id,
        NotesPatch {
            private_notes: Some("Agreed to share this".into()),
            private_prep_notes: Some("PREP-MARKER".into()),
            ..NotesPatch::default()
        },
    )
    .unwrap();
    session::end(&mut l.store, &id).unwrap();
    let done = session::finish(
        &mut l.store,
        &id,
        FinishRequest {
            include_private_notes: true,
            next: NextPlan::OneTime {
                slot: LocalSlot {
                    date: "2024-10-29".parse().unwrap(),
                    time: NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
                    time_zone: ZONE.into(),
                },
            },
        },
    )
    .unwrap();
    assert!(done.shared_markdown.contains("Agreed to share this"));
    assert!(!done.shared_markdown.contains("PREP-MARKER"));
    let next = done.next_meeting.unwrap();
    assert_eq!(local(next.scheduled_start), "Tue 2024-10-29 16:30");
    assert_eq!(next.series_id, None);
}

#[test]
fn recurring_next_without_a_series_sets_one_up_by_cadence() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Senior); // every two weeks
    let view = session::start_now(&mut l.store, &ada).unwrap();
    session::end(&mut l.store, &view.meeting.id).unwrap();
    let done = session::finish(
        &mut l.store,
        &view.meeting.id,
        FinishRequest {
            include_private_notes: false,
            next: NextPlan::Recurring,
        },
    )
    .unwrap();
    let next = done.next_meeting.unwrap();
    assert_eq!(
        next.scheduled_start - view.meeting.scheduled_start,
        Duration::days(14)
    );
    let series = l
        .store
        .schedule()
        .get_series(next.series_id.as_deref().unwrap())
        .unwrap();
    assert_eq!(series.frequency, Frequency::Biweekly);
}

#[test]
fn agenda_edits_and_bad_input_change_nothing() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let view = session::start_now(&mut l.store, &ada).unwrap();
    let id = view.meeting.id.clone();
    let mut items: Vec<AgendaItemInput> = view
        .meeting
        .agenda
        .iter()
        .map(|a| AgendaItemInput {
            id: Some(a.id.clone()),
            title: a.title.clone(),
            minutes: a.minutes,
            prompts: a.prompts.clone(),
            done: a.done,
        })
        .collect();
    items.remove(0);
    items.push(AgendaItemInput {
        id: None,
        title: "Conference talk".into(),
        minutes: 5,
        prompts: vec![],
        done: false,
    });
    let agenda = session::set_agenda(&mut l.store, &id, items.clone()).unwrap();
    assert_eq!(agenda.len(), 6);
    assert_eq!(agenda[5].title, "Conference talk");
    items[0].title = " ".into();
    assert_eq!(
        session::set_agenda(&mut l.store, &id, items)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert_eq!(l.store.schedule().agenda_of(&id).unwrap(), agenda);
    assert_eq!(
        session::check_agenda_item(&mut l.store, &id, "nope", true)
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    let empty = session::add_action_item(
        &mut l.store,
        &ada,
        ActionInput {
            title: "  ".into(),
            owner: Owner::Ic,
            due_on: None,
            meeting_id: Some(id.clone()),
            priority: None,
        },
    );
    assert_eq!(empty.unwrap_err().code, ErrorCode::InvalidInput);
    assert!(l.store.actions().of_meeting(&id).unwrap().is_empty());
}

#[test]
fn templates_can_be_made_duplicated_edited_and_deleted_but_built_ins_stay() {
    let mut l = Loop::new();
    let all = l.store.templates().all().unwrap();
    assert_eq!(
        all.len(),
        15,
        "the five first built-ins and the ten from the coaching seeds"
    );
    assert!(all.iter().all(|t| t.builtin));
    let standard = &all[0];
    assert_eq!(standard.items.len(), 6);
    assert_eq!(standard.total_minutes, 50);

    let copy = templates::duplicate(&mut l.store, templates::STANDARD_WEEKLY).unwrap();
    assert_eq!(copy.name, "Standard weekly (copy)");
    assert!(!copy.builtin);
    let mut input = rapport_core::records::templates::TemplateInput {
        name: "Short weekly".into(),
        description: "Fifteen minutes".into(),
        items: copy.items[..2].to_vec(),
    };
    let edited = templates::update(&mut l.store, &copy.id, input.clone()).unwrap();
    assert_eq!(edited.items.len(), 2);
    let mut two_lines = input.clone();
    two_lines.name = "Short\nweekly".into();
    let err = templates::update(&mut l.store, &copy.id, two_lines).unwrap_err();
    assert!(err.message.contains("control character"), "{}", err.message);
    input.items.clear();
    assert_eq!(
        templates::update(&mut l.store, &copy.id, input)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert_eq!(
        templates::delete(&mut l.store, templates::BASIC)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );

    // A person's default falls back to none when their template is deleted.
    let ada = l.person("Ada", Level::Junior);
    let mut person = l.store.people().get(&ada).unwrap();
    person.default_template_id = Some(copy.id.clone());
    people::update(
        &mut l.store,
        &ada,
        PersonInput {
            name: person.name,
            email: person.email,
            role: person.role,
            level: person.level,
            start_date: person.start_date,
            focus_areas: person.focus_areas,
            cadence: None,
            career_talk_every_days: None,
            default_template_id: Some(copy.id.clone()),
        },
    )
    .unwrap();
    let started = session::start_now(&mut l.store, &ada).unwrap();
    assert_eq!(started.meeting.agenda.len(), 2, "the person's own template");
    templates::delete(&mut l.store, &copy.id).unwrap();
    assert_eq!(
        l.store.people().get(&ada).unwrap().default_template_id,
        None
    );
    assert_eq!(l.store.templates().all().unwrap().len(), 15);
}

#[test]
fn today_lists_upcoming_overdue_and_people_past_their_cadence() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let ben = l.person("Ben Moreau", Level::Senior);
    let chen = l.person("Chen Li", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);
    l.item(
        &ben,
        "Write the design doc",
        Owner::Ic,
        Some("2024-10-01"),
        None,
    );
    l.item(&ben, "Not due yet", Owner::Ic, Some("2024-12-01"), None);
    let archived = l.person("Dana Kowalski", Level::Junior);
    l.item(&archived, "Hidden", Owner::Ic, Some("2024-10-01"), None);
    people::set_archived(&mut l.store, &archived, true).unwrap();

    // Chen had a 1:1 three days ago, so is not due.
    l.set_now("2024-10-19T09:00:00Z");
    let chen_meeting = session::start_now(&mut l.store, &chen).unwrap().meeting.id;
    session::end(&mut l.store, &chen_meeting).unwrap();
    session::finish(
        &mut l.store,
        &chen_meeting,
        FinishRequest {
            include_private_notes: false,
            next: NextPlan::None,
        },
    )
    .unwrap();
    l.set_now("2024-10-22T09:00:00Z");

    let t = today::today(&l.store).unwrap();
    assert_eq!(t.people_count, 3);
    assert_eq!(t.upcoming.len(), 1);
    assert_eq!(t.upcoming[0].meeting_id, first);
    assert_eq!(t.upcoming[0].person_name, "Ada Okafor");
    assert_eq!(t.overdue.len(), 1);
    assert_eq!(t.overdue[0].item.item.title, "Write the design doc");
    assert_eq!(t.overdue[0].item.days_overdue, Some(21));
    assert_eq!(t.overdue[0].person_name, "Ben Moreau");
    let due: Vec<_> = t.due_people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        due,
        ["Ada Okafor", "Ben Moreau"],
        "never met; Chen met 3 days ago"
    );
    // The next 1:1 as the list of coming 1:1s has it, its zone included.
    let next = t.due_people[0].next_meeting.as_ref().unwrap();
    assert_eq!(next.scheduled_start, t.upcoming[0].scheduled_start);
    assert_eq!(next.time_zone, t.upcoming[0].time_zone);
}

#[test]
fn the_cadence_counts_from_when_the_last_1_1_was_held_not_planned() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);
    // Planned Thursday 24 Oct 14:00 in Paris, held on Saturday the 26th.
    l.set_now("2024-10-26T09:00:00Z");
    l.hold(&first, 30);
    // Friday 1 Nov: eight days after the slot, six after the 1:1.
    l.set_now("2024-11-01T10:00:00Z");
    let t = today::today(&l.store).unwrap();
    assert!(
        t.due_people.iter().all(|p| p.person_id != ada),
        "held six days ago: {:?}",
        t.due_people
    );
    // A week after it was held, she is due.
    l.set_now("2024-11-03T10:00:00Z");
    let t = today::today(&l.store).unwrap();
    let due = t.due_people.iter().find(|p| p.person_id == ada).unwrap();
    assert_eq!(due.last_meeting, Some(at("2024-10-26T09:00:00Z")));
    assert_eq!(due.days_since_last, Some(8));
}

#[test]
fn with_no_1_1_in_the_coming_week_today_names_the_next_one() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    l.person("Cleo Marsh", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);
    // Eight days before Ada's first 1:1, on Thursday 24 October; Cleo has none.
    l.set_now("2024-10-16T09:00:00Z");
    let t = today::today(&l.store).unwrap();
    assert!(t.upcoming.is_empty(), "{:?}", t.upcoming);
    let later = t.next_after_week.expect("Ada's 1:1 after the week");
    assert_eq!(later.meeting_id, first);
    assert_eq!(later.person_name, "Ada Okafor");
    assert_eq!(later.time_zone, ZONE);
    // Someone archived is not named, though their 1:1 comes first: Ben's
    // one-off on Wednesday 23 October, after the week, then Ben archived.
    let ben = l.person("Ben Moreau", Level::Junior);
    let one_off = one_off_at_three(MeetingKind::Requested, Some("Team move"), "2024-10-23");
    scheduling::schedule_one_off(&mut l.store, &ben, one_off).unwrap();
    let t = today::today(&l.store).unwrap();
    assert_eq!(
        t.next_after_week.map(|m| m.person_name),
        Some("Ben Moreau".into())
    );
    people::set_archived(&mut l.store, &ben, true).unwrap();
    let t = today::today(&l.store).unwrap();
    assert_eq!(t.next_after_week.map(|m| m.meeting_id), Some(first.clone()));
    // Within the week, the list has it and no later one is named.
    l.set_now("2024-10-20T09:00:00Z");
    let t = today::today(&l.store).unwrap();
    assert_eq!(t.upcoming.len(), 1);
    assert_eq!(t.next_after_week, None);
}

#[test]
fn a_person_in_a_1_1_right_now_is_not_due_for_one() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let ben = l.person("Ben Moreau", Level::Junior);
    let first = l.weekly_thursday_two_pm(&ada);
    l.set_now("2024-10-24T12:05:00Z");
    let due = |l: &Loop| -> Vec<String> {
        let t = today::today(&l.store).unwrap();
        t.due_people.into_iter().map(|p| p.name).collect()
    };
    assert_eq!(due(&l), ["Ada Okafor", "Ben Moreau"], "neither met yet");
    session::start(&mut l.store, &first).unwrap();
    assert_eq!(due(&l), ["Ben Moreau"], "Ada's 1:1 is under way");
    let now = session::start_now(&mut l.store, &ben).unwrap().meeting.id;
    assert!(due(&l).is_empty(), "both are in a 1:1: {:?}", due(&l));
    session::end(&mut l.store, &now).unwrap();
    assert!(due(&l).is_empty(), "Ben's 1:1 was held: {:?}", due(&l));
}

#[test]
fn a_finished_1_1_leaves_a_complete_person_page() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let meeting = l.weekly_thursday_two_pm(&ada);
    l.set_now("2024-10-24T12:00:00Z");
    session::start(&mut l.store, &meeting).unwrap();
    l.item(&ada, "Theirs", Owner::Ic, None, Some(&meeting));
    l.item(&ada, "Mine", Owner::Manager, None, Some(&meeting));
    highlights::add(
        &mut l.store,
        &ada,
        HighlightInput {
            kind: HighlightKind::Concern,
            occurred_on: "2024-10-24".parse().unwrap(),
            text: "Seems tired".into(),
            private: true,
            meeting_id: Some(meeting.clone()),
        },
    )
    .unwrap();
    l.advance(30);
    l.hold(&meeting, 0);
    let page = rapport_core::flows::person_page::person_page(&l.store, &ada, Some(20)).unwrap();
    assert_eq!(page.open_theirs.len(), 1);
    assert_eq!(page.open_mine.len(), 1);
    assert_eq!(
        page.highlights[0].private_text.as_deref(),
        Some("Seems tired")
    );
    assert_eq!(page.history.len(), 1);
    assert_eq!(page.history_total, 1);
    assert!(page.next_meeting.is_some());
    assert_eq!(page.series.len(), 1);
}

#[test]
fn a_1_1_held_days_early_counts_as_held_then_and_the_series_carries_on() {
    let mut l = Loop::new();
    let ada = l.person("Ada Okafor", Level::Junior);
    let thursday = l.weekly_thursday_two_pm(&ada);
    // Tuesday 09:00 UTC: "Start 1:1 Now" on the prepared Thursday 1:1.
    let view = session::start_now(&mut l.store, &ada).unwrap();
    assert_eq!(view.meeting.id, thursday);
    assert_eq!(view.meeting.scheduled_start, at("2024-10-22T09:00:00Z"));
    assert_eq!(
        view.meeting.original_start,
        Some(at("2024-10-24T12:00:00Z"))
    );
    let next = l.hold(&thursday, 30).unwrap();
    let next = l.store.schedule().get_meeting(&next).unwrap();
    assert_eq!(local(next.scheduled_start), "Thu 2024-10-31 14:00");
    let p = prep::prepare(&l.store, &ada).unwrap();
    assert_eq!(p.days_since_last, Some(0));
}
