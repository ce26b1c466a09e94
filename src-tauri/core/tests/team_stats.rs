//! The team numbers on a store made by hand, where every expected number is
//! worked out below from the rows: a week with the end of summer time, a
//! moved 1:1, cancelled ones (by whom), a missed one, action items done on
//! time, late, reopened after done (inside and after the period) and
//! dropped, an archived person, and the three thresholds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::NaiveDate;
use rapport_core::flows::prep;
use rapport_core::flows::talking_points::TalkingPointKind;
use rapport_core::flows::team_stats::{
    self, BucketUnit, DetailRequest, Measure, StatsPeriod, TeamStats,
};
use rapport_core::flows::thresholds::FlagRule;
use rapport_core::records::actions::{ActionItem, ActionStatus, Owner, StatusChange};
use rapport_core::records::highlights::{Highlight, HighlightKind};
use rapport_core::records::meetings::{
    AgendaItem, CancelledBy, Meeting, MeetingFormat, MeetingKind, MeetingStatus,
};
use rapport_core::records::moods::{Mood, MoodCheck};
use rapport_core::records::people::{self, Level};
use rapport_core::records::templates;
use rapport_core::{ErrorCode, FixedClock, Store, Zone};
use std::sync::Arc;
use support::{at, TestStore};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Four weeks in Paris, Monday 19 October to Sunday 15 November 2026.
/// Summer time ends on Sunday 25 October at 03:00 (UTC+2 → UTC+1).
fn period() -> StatsPeriod {
    StatsPeriod {
        from: day("2026-10-19"),
        to: day("2026-11-15"),
    }
}

struct Team {
    _t: TestStore,
    store: Store,
    ada: String,
    bob: String,
    cleo: String,
}

struct M<'a> {
    id: &'a str,
    start: &'a str,
    status: MeetingStatus,
    held: Option<(&'a str, &'a str)>,
    planned: u32,
    moved_from: Option<&'a str>,
    cancelled: Option<(CancelledBy, &'a str)>,
    template: Option<&'a str>,
    agenda: &'a [bool],
}

impl Default for M<'_> {
    fn default() -> Self {
        M {
            id: "",
            start: "",
            status: MeetingStatus::Completed,
            held: None,
            planned: 30,
            moved_from: None,
            cancelled: None,
            template: None,
            agenda: &[],
        }
    }
}

fn meeting(person: &str, m: M<'_>) -> Meeting {
    let start = at(m.start);
    Meeting {
        id: m.id.to_string(),
        person_id: person.to_string(),
        series_id: None,
        kind: MeetingKind::Regular,
        topic: None,
        scheduled_start: start,
        original_start: m.moved_from.map(at),
        planned_minutes: m.planned,
        time_zone: Zone::parse("Europe/Paris").unwrap(),
        format: MeetingFormat::Video,
        status: m.status,
        started_at: m.held.map(|(s, _)| at(s)),
        ended_at: m.held.map(|(_, e)| at(e)),
        cancel_reason: m.cancelled.map(|(_, r)| r.to_string()),
        cancelled_by: m.cancelled.map(|(by, _)| by),
        template_id: m.template.map(String::from),
        agenda: m
            .agenda
            .iter()
            .enumerate()
            .map(|(n, done)| AgendaItem {
                id: format!("{}-agenda-{n}", m.id),
                title: format!("Item {n}"),
                minutes: 5,
                prompts: Vec::new(),
                done: *done,
            })
            .collect(),
        shared_notes: String::new(),
        private_notes: String::new(),
        private_prep_notes: String::new(),
        created_at: start,
        updated_at: start,
    }
}

/// An item created at `created` and then taken through `changes` (status,
/// instant); the due date stays `due`.
fn item(
    id: &str,
    person: &str,
    owner: Owner,
    created: &str,
    due: &str,
    changes: &[(ActionStatus, &str)],
) -> ActionItem {
    let due_on = Some(day(due));
    let mut history = vec![StatusChange {
        status: ActionStatus::Open,
        due_on,
        changed_at: at(created),
    }];
    history.extend(changes.iter().map(|(status, when)| StatusChange {
        status: *status,
        due_on,
        changed_at: at(when),
    }));
    let last = history.last().unwrap().clone();
    ActionItem {
        id: id.to_string(),
        person_id: person.to_string(),
        meeting_id: None,
        title: format!("Item {id}"),
        owner,
        due_on,
        status: last.status,
        priority: None,
        created_at: at(created),
        updated_at: last.changed_at,
        history,
    }
}

fn highlight(id: &str, person: &str, kind: HighlightKind, on: &str) -> Highlight {
    Highlight {
        id: id.to_string(),
        person_id: person.to_string(),
        meeting_id: None,
        kind,
        occurred_on: day(on),
        text: Some(format!("Highlight {id}")),
        private_text: None,
        created_at: at("2026-10-01T08:00:00Z"),
    }
}

fn mood(id: &str, person: &str, on: &str, score: u8) -> MoodCheck {
    MoodCheck {
        id: id.to_string(),
        person_id: person.to_string(),
        meeting_id: None,
        recorded_on: day(on),
        mood: None,
        private_mood: Some(Mood { score, word: None }),
        created_at: at("2026-10-01T08:00:00Z"),
    }
}

impl Team {
    /// The clock is Friday 20 November 2026, noon in Paris.
    fn new() -> Team {
        let t = TestStore::new();
        let clock = Arc::new(FixedClock::in_zone(
            at("2026-11-20T11:00:00Z"),
            Zone::parse("Europe/Paris").unwrap(),
        ));
        let mut store = Store::create(&t.paths, &t.keys, clock).unwrap();
        let mut add = |name: &str, level| {
            people::create(&mut store, support::person_input(name, level))
                .unwrap()
                .id
        };
        let ada = add("Ada Lovelace", Level::Senior);
        let bob = add("Bob Archived", Level::Senior);
        let cleo = add("Cleo Junior", Level::Junior);
        people::set_archived(&mut store, &bob, true).unwrap();
        let (a, b, c) = (ada.clone(), bob.clone(), cleo.clone());
        store
            .write(|tx| {
                let s = tx.schedule();
                let held = MeetingStatus::Completed;
                for m in [
                    // Monday 19 Oct, 00:30 in Paris (still summer time) is
                    // Sunday 18 Oct in UTC: in the period, in its first week.
                    M {
                        id: "a0",
                        start: "2026-10-18T22:30:00Z",
                        status: MeetingStatus::Cancelled,
                        cancelled: Some((CancelledBy::Manager, "Offsite")),
                        ..M::default()
                    },
                    // Sunday 18 Oct, 23:30 in Paris: the day before the period.
                    M {
                        id: "a-before",
                        start: "2026-10-18T21:30:00Z",
                        held: Some(("2026-10-18T21:30:00Z", "2026-10-18T22:00:00Z")),
                        ..M::default()
                    },
                    M {
                        id: "a1",
                        start: "2026-10-19T12:00:00Z",
                        held: Some(("2026-10-19T12:02:00Z", "2026-10-19T12:32:00Z")),
                        agenda: &[true, true, false],
                        ..M::default()
                    },
                    // Monday 26 Oct, 00:30 in Paris (winter time now) is
                    // Sunday 25 Oct in UTC: it belongs to the second week.
                    M {
                        id: "a2",
                        start: "2026-10-25T23:30:00Z",
                        held: Some(("2026-10-25T23:30:00Z", "2026-10-26T00:15:00Z")),
                        agenda: &[true],
                        ..M::default()
                    },
                    M {
                        id: "a3",
                        start: "2026-10-29T13:00:00Z",
                        status: MeetingStatus::Cancelled,
                        cancelled: Some((CancelledBy::Report, "Sick day")),
                        ..M::default()
                    },
                    // Thursday 5 Nov moved to Friday 6 Nov, 10:00 in Paris.
                    M {
                        id: "a4",
                        start: "2026-11-06T09:00:00Z",
                        moved_from: Some("2026-11-05T13:00:00Z"),
                        held: Some(("2026-11-06T09:00:00Z", "2026-11-06T09:25:00Z")),
                        ..M::default()
                    },
                    // Its slot passed and it never started.
                    M {
                        id: "a5",
                        start: "2026-11-12T13:00:00Z",
                        status: MeetingStatus::Scheduled,
                        ..M::default()
                    },
                    // After the period.
                    M {
                        id: "a6",
                        start: "2026-11-16T13:00:00Z",
                        held: Some(("2026-11-16T13:00:00Z", "2026-11-16T13:30:00Z")),
                        ..M::default()
                    },
                    M {
                        id: "a-career",
                        start: "2026-06-01T12:00:00Z",
                        held: Some(("2026-06-01T12:00:00Z", "2026-06-01T12:45:00Z")),
                        planned: 45,
                        template: Some(templates::CAREER_DEVELOPMENT),
                        ..M::default()
                    },
                ] {
                    let status = m.status;
                    let mut row = meeting(&a, m);
                    row.status = status;
                    s.insert_meeting(&row)?;
                }
                s.insert_meeting(&meeting(
                    &b,
                    M {
                        id: "b1",
                        start: "2026-10-20T12:00:00Z",
                        held: Some(("2026-10-20T12:00:00Z", "2026-10-20T12:30:00Z")),
                        ..M::default()
                    },
                ))?;
                s.insert_meeting(&meeting(
                    &c,
                    M {
                        id: "c1",
                        start: "2026-10-21T08:00:00Z",
                        status: held,
                        held: Some(("2026-10-21T08:00:00Z", "2026-10-21T08:30:00Z")),
                        ..M::default()
                    },
                ))?;

                let actions = tx.actions();
                use ActionStatus::*;
                for i in [
                    // Done on its due day: on time, and closed in the period.
                    item(
                        "i1",
                        &a,
                        Owner::Ic,
                        "2026-10-01T08:00:00Z",
                        "2026-10-20",
                        &[(Done, "2026-10-20T10:00:00Z")],
                    ),
                    // Done six days late.
                    item(
                        "i2",
                        &a,
                        Owner::Ic,
                        "2026-10-01T08:00:00Z",
                        "2026-10-22",
                        &[(Done, "2026-10-28T10:00:00Z")],
                    ),
                    // Done, then reopened two days later: open, and overdue.
                    item(
                        "i3",
                        &a,
                        Owner::Manager,
                        "2026-10-05T08:00:00Z",
                        "2026-10-30",
                        &[
                            (Done, "2026-11-01T10:00:00Z"),
                            (Open, "2026-11-03T10:00:00Z"),
                        ],
                    ),
                    // Done early, reopened after the period: done in it.
                    item(
                        "i4",
                        &a,
                        Owner::Ic,
                        "2026-10-20T08:00:00Z",
                        "2026-11-10",
                        &[
                            (Done, "2026-11-08T10:00:00Z"),
                            (Open, "2026-11-18T10:00:00Z"),
                        ],
                    ),
                    // Due after the period.
                    item(
                        "i5",
                        &a,
                        Owner::Ic,
                        "2026-10-25T08:00:00Z",
                        "2026-11-20",
                        &[],
                    ),
                    // Dropped: never due.
                    item(
                        "i6",
                        &a,
                        Owner::Ic,
                        "2026-11-01T08:00:00Z",
                        "2026-11-03",
                        &[(Dropped, "2026-11-04T10:00:00Z")],
                    ),
                    // Closed long before the period.
                    item(
                        "i7",
                        &a,
                        Owner::Ic,
                        "2026-09-01T08:00:00Z",
                        "2026-09-10",
                        &[(Done, "2026-09-09T10:00:00Z")],
                    ),
                    // Due before the period, still open: overdue.
                    item(
                        "i8",
                        &a,
                        Owner::Ic,
                        "2026-09-01T08:00:00Z",
                        "2026-10-01",
                        &[],
                    ),
                    // The archived person's item.
                    item(
                        "i9",
                        &b,
                        Owner::Ic,
                        "2026-10-01T08:00:00Z",
                        "2026-10-21",
                        &[],
                    ),
                ] {
                    actions.insert(&i)?;
                }

                let highlights = tx.highlights();
                for h in [
                    highlight("h1", &a, HighlightKind::Win, "2026-10-21"),
                    highlight("h2", &a, HighlightKind::Accomplishment, "2026-11-02"),
                    highlight("h3", &a, HighlightKind::Concern, "2026-11-10"),
                    highlight("h4", &a, HighlightKind::Win, "2026-11-16"),
                ] {
                    highlights.insert(&h)?;
                }
                let moods = tx.moods();
                for m in [
                    mood("m1", &a, "2026-10-19", 7),
                    mood("m2", &a, "2026-10-26", 5),
                    mood("m3", &a, "2026-11-06", 4),
                    mood("m4", &a, "2026-11-17", 9),
                ] {
                    moods.insert(&m)?;
                }
                Ok(())
            })
            .unwrap();
        Team {
            _t: t,
            store,
            ada,
            bob,
            cleo,
        }
    }

    fn stats(&self) -> TeamStats {
        team_stats::team(&self.store, period(), None).unwrap()
    }
}

const PHRASE: &str = "from 19 Oct 2026 to 15 Nov 2026";

#[test]
fn a_persons_1_1s_are_counted_in_the_managers_zone() {
    let team = Team::new();
    let stats = team.stats();
    assert_eq!(stats.phrase, PHRASE);
    assert_eq!(stats.unit, BucketUnit::Week);
    let names: Vec<&str> = stats.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ada Lovelace", "Cleo Junior"],
        "archived Bob is not on the team"
    );
    let ada = &stats.people[0];
    let t = &ada.totals;
    // Due: a0 (cancelled), a1, a2 (held), a3 (cancelled), a4 (held), a5 (missed).
    assert_eq!((t.due, t.held, t.missed, t.moved), (6, 3, 1, 1));
    assert_eq!(
        (t.cancelled, t.cancelled_by_me, t.cancelled_by_them),
        (2, 1, 1)
    );
    assert_eq!(t.completion_percent, Some(50));
    // 30, 45 and 25 minutes held, 30 planned each.
    assert_eq!(t.average_minutes, Some(33.3));
    assert_eq!(t.average_planned_minutes, Some(30.0));
    assert_eq!((t.agenda_items, t.agenda_done), (4, 3));
    assert_eq!(t.upcoming, 0);
    // The last held by the end of the period is a4 (6 Nov): 9 days to 15 Nov.
    assert_eq!(ada.last_held_on, Some(day("2026-11-06")));
    assert_eq!(ada.days_since_last, Some(9));
    assert_eq!(ada.cadence_days, 14);

    let cancelled: Vec<(&str, NaiveDate, Option<CancelledBy>, &str)> = ada
        .cancellations
        .iter()
        .map(|c| (c.meeting_id.as_str(), c.on, c.by, c.reason.as_str()))
        .collect();
    assert_eq!(
        cancelled,
        [
            (
                "a0",
                day("2026-10-19"),
                Some(CancelledBy::Manager),
                "Offsite"
            ),
            (
                "a3",
                day("2026-10-29"),
                Some(CancelledBy::Report),
                "Sick day"
            ),
        ]
    );

    // Week by week, Mondays in Paris: the 00:30 1:1s land in their local week.
    let weeks: Vec<(NaiveDate, u32, u32, u32, u32)> = ada
        .buckets
        .iter()
        .map(|b| (b.start, b.due, b.held, b.cancelled, b.missed))
        .collect();
    assert_eq!(
        weeks,
        [
            (day("2026-10-19"), 2, 1, 1, 0),
            (day("2026-10-26"), 2, 1, 1, 0),
            (day("2026-11-02"), 1, 1, 0, 0),
            (day("2026-11-09"), 1, 0, 0, 1),
        ]
    );
}

#[test]
fn action_items_are_counted_as_they_stood_at_the_end_of_the_period() {
    let team = Team::new();
    let stats = team.stats();
    let t = &stats.people[0].totals;
    // Due in the period: i1, i2, i3, i4 (i5 after it, i6 dropped, i7 and i8 before it).
    // Done at its end: i1, i2 and i4 (reopened only after); on time: i1, i4.
    assert_eq!((t.items_due, t.items_done, t.items_on_time), (4, 3, 2));
    assert_eq!(t.action_completion_percent, Some(75));
    // Open at the end: i3 (mine, reopened), i5 and i8 (theirs).
    assert_eq!(
        (t.items_open, t.items_open_theirs, t.items_open_mine),
        (3, 2, 1)
    );
    // Overdue then: i3 (due 30 Oct) and i8 (due 1 Oct).
    assert_eq!(
        (
            t.items_overdue,
            t.items_overdue_theirs,
            t.items_overdue_mine
        ),
        (2, 1, 1)
    );
    // Created in it: i4, i5, i6. Done in it and still done at its end: i1, i2, i4.
    assert_eq!((t.items_opened, t.items_closed), (3, 3));
    // Items due per week: i1 and i2 (week of 19 Oct), i3 (26 Oct), i4 (9 Nov).
    let due: Vec<(u32, u32)> = stats.people[0]
        .buckets
        .iter()
        .map(|b| (b.items_due, b.items_done))
        .collect();
    assert_eq!(due, [(2, 2), (1, 0), (0, 0), (1, 1)]);
}

#[test]
fn highlights_mood_and_career_rhythm() {
    let team = Team::new();
    let stats = team.stats();
    let ada = &stats.people[0];
    assert_eq!((ada.totals.wins, ada.totals.concerns), (2, 1));
    assert_eq!(ada.totals.mood_checks, 3);
    assert_eq!(ada.totals.mood_average, Some(5.3));
    assert_eq!(ada.mood_change, Some(-3));
    let scores: Vec<u8> = ada.moods.iter().map(|m| m.score).collect();
    assert_eq!(scores, [7, 5, 4]);
    // The last career talk was 1 June; a senior's rhythm is 30 days.
    assert_eq!(ada.last_career_talk_on, Some(day("2026-06-01")));
    assert_eq!(ada.career_every_days, 30);
    assert!(ada.career_overdue);
    // Cleo's first 1:1 was on 21 Oct: 25 days known, a junior's rhythm is 14.
    let cleo = &stats.people[1];
    assert_eq!(cleo.person_id, team.cleo);
    assert!(cleo.career_overdue);
    assert_eq!(
        cleo.flags[0].reason,
        "No career conversation recorded yet (due every 14 days)"
    );
}

#[test]
fn numbers_under_their_line_are_flagged_with_the_rule_text() {
    let team = Team::new();
    let stats = team.stats();
    let ada = &stats.people[0];
    let flags: Vec<(FlagRule, &str)> = ada
        .flags
        .iter()
        .map(|f| (f.rule, f.reason.as_str()))
        .collect();
    assert_eq!(
        flags,
        [
            (
                FlagRule::Completion,
                "1:1s held 50% from 19 Oct 2026 to 15 Nov 2026 (3 of 6), under the 80% target"
            ),
            (
                FlagRule::ActionCompletion,
                "Action items done 75% from 19 Oct 2026 to 15 Nov 2026 (3 of 4 due), under the 80% target"
            ),
            (
                FlagRule::CareerOverdue,
                "No career conversation in 167 days (due every 30 days)"
            ),
        ]
    );
}

#[test]
fn the_team_line_adds_up_the_people_listed() {
    let team = Team::new();
    let stats = team.stats();
    let t = &stats.team;
    // Ada's six due and three held, Cleo's one held; Bob is archived.
    assert_eq!((t.due, t.held, t.completion_percent), (7, 4, Some(57)));
    assert_eq!((t.items_due, t.items_done), (4, 3));
    // (30 + 45 + 25 + 30) / 4 minutes.
    assert_eq!(t.average_minutes, Some(32.5));
    assert_eq!(stats.team_buckets[0].due, 3);
    assert_eq!(stats.team_buckets[0].held, 2);

    // Asked for by name, the archived person has numbers of his own.
    let bob = team_stats::team(&team.store, period(), Some(&team.bob)).unwrap();
    assert_eq!(bob.people.len(), 1);
    assert!(bob.people[0].archived);
    assert_eq!((bob.team.held, bob.team.items_due), (1, 1));
    assert_eq!(bob.team.items_overdue_theirs, 1);
}

#[test]
fn every_number_lists_exactly_what_is_behind_it() {
    let team = Team::new();
    let stats = team.stats();
    let ada = &stats.people[0].totals;
    let expected = |m: Measure, t: &team_stats::Totals| match m {
        Measure::Due => t.due,
        Measure::Held => t.held,
        Measure::Cancelled => t.cancelled,
        Measure::CancelledByMe => t.cancelled_by_me,
        Measure::CancelledByThem => t.cancelled_by_them,
        Measure::Missed => t.missed,
        Measure::Moved => t.moved,
        Measure::ItemsDue => t.items_due,
        Measure::ItemsDone => t.items_done,
        Measure::ItemsOnTime => t.items_on_time,
        Measure::ItemsOpen => t.items_open,
        Measure::ItemsOverdue => t.items_overdue,
        Measure::ItemsOverdueTheirs => t.items_overdue_theirs,
        Measure::ItemsOverdueMine => t.items_overdue_mine,
        Measure::ItemsOpened => t.items_opened,
        Measure::ItemsClosed => t.items_closed,
    };
    for &measure in Measure::ALL {
        for (person, totals) in [(Some(team.ada.clone()), ada), (None, &stats.team)] {
            let detail = team_stats::detail(
                &team.store,
                &DetailRequest {
                    period: period(),
                    person_id: person.clone(),
                    measure,
                },
            )
            .unwrap();
            let listed = (detail.meetings.len() + detail.items.len()) as u32;
            assert_eq!(listed, expected(measure, totals), "{measure} of {person:?}");
        }
    }
    let held = team_stats::detail(
        &team.store,
        &DetailRequest {
            period: period(),
            person_id: Some(team.ada.clone()),
            measure: Measure::Held,
        },
    )
    .unwrap();
    assert_eq!(held.title, format!("1:1s held: Ada Lovelace, {PHRASE}"));
    let ids: Vec<&str> = held
        .meetings
        .iter()
        .map(|m| m.meeting_id.as_str())
        .collect();
    assert_eq!(ids, ["a1", "a2", "a4"]);
    assert_eq!(held.meetings[1].held_minutes, Some(45));
    let mine = team_stats::detail(
        &team.store,
        &DetailRequest {
            period: period(),
            person_id: None,
            measure: Measure::ItemsOverdueMine,
        },
    )
    .unwrap();
    assert_eq!(mine.items.len(), 1);
    assert_eq!(mine.items[0].item_id, "i3");
    assert_eq!(mine.items[0].status, ActionStatus::Open);
}

#[test]
fn a_backwards_period_is_refused_with_a_clear_message() {
    let team = Team::new();
    let err = team_stats::team(
        &team.store,
        StatsPeriod {
            from: day("2026-11-15"),
            to: day("2026-10-19"),
        },
        None,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(
        err.message,
        "The period starts on 15 Nov 2026 after it ends on 19 Oct 2026: give the earlier day first."
    );
    let err = team_stats::team(&team.store, period(), Some("nobody")).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn prepare_shows_the_snapshot_and_raises_the_flags_as_talking_points() {
    let team = Team::new();
    let prep = prep::prepare(&team.store, &team.ada).unwrap();
    let windows: Vec<(&str, u32, u32, u32)> = prep
        .snapshot
        .windows
        .iter()
        .map(|w| (w.label.as_str(), w.held, w.items_closed, w.items_overdue))
        .collect();
    // Today is 20 Nov. Last 7 days (14–20 Nov): a6 held on the 16th; i4
    // was reopened on the 18th, so it is open and not closed; overdue now:
    // i3, i4 (due 10 Nov) and i8.
    // Last 30 days (22 Oct–20 Nov): a2, a4, a6 held; i2 and i3's done on
    // 28 Oct and 1 Nov; i3 was reopened, i2 still done → closed: i2.
    assert_eq!(
        windows,
        [("Last 7 days", 1, 0, 3), ("Last 30 days", 3, 1, 3)]
    );
    assert_eq!(prep.snapshot.heading, "Performance snapshot");
    let last_30 = &prep.snapshot.windows[1];
    // Wins: h2 (2 Nov), h4 (16 Nov); concern h3; moods 5, 4, 9.
    assert_eq!((last_30.wins, last_30.concerns), (2, 1));
    assert_eq!(last_30.mood_average, Some(6.0));

    // Over the last 90 days (23 Aug–20 Nov) Ada is under both targets and
    // her career talk is overdue: each flag is a talking point, same reason.
    let numbers = team_stats::team(
        &team.store,
        StatsPeriod::last_days(day("2026-11-20"), prep::FLAG_PERIOD_DAYS),
        Some(&team.ada),
    )
    .unwrap();
    let flags = &numbers.people[0].flags;
    assert!(!flags.is_empty());
    for flag in flags {
        let kind = match flag.rule {
            FlagRule::Completion => TalkingPointKind::Completion,
            FlagRule::ActionCompletion => TalkingPointKind::FollowThrough,
            FlagRule::CareerOverdue => TalkingPointKind::Career,
        };
        assert!(
            prep.talking_points
                .iter()
                .any(|p| p.kind == kind && p.reason == flag.reason),
            "{flag:?} in {:?}",
            prep.talking_points
        );
    }
}
