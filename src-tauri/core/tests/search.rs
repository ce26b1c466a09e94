//! Full-text search on a real encrypted store: what it finds, how the
//! filters narrow it, that the index follows every write in the same
//! transaction, and that a search never changes what is shared.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::{Duration, NaiveDate};
use rapport_core::flows::search::{search, SearchRequest, SearchResults};
use rapport_core::records::actions::{ActionItem, ActionStatus, Owner, StatusChange};
use rapport_core::records::highlights::{Highlight, HighlightKind};
use rapport_core::records::meetings::{
    Meeting, MeetingFormat, MeetingKind, MeetingStatus, NotesPatch,
};
use rapport_core::records::search::{TextKind, Visibility};
use rapport_core::{ErrorCode, Store, Zone};
use support::{at, TestStore};

fn person(store: &mut Store, id: &str, name: &str, focus: &[&str]) {
    let now = store.clock().now();
    store
        .write(|tx| {
            tx.people()
                .insert(&support::person_record(id, name, focus, now))
        })
        .unwrap();
}

struct Notes<'a> {
    shared: &'a str,
    private: &'a str,
    prep: &'a str,
}

fn meeting(
    store: &mut Store,
    id: &str,
    person: &str,
    start: &str,
    kind: MeetingKind,
    notes: Notes,
) {
    let start = at(start);
    store
        .write(|tx| {
            tx.schedule().insert_meeting(&Meeting {
                id: id.into(),
                person_id: person.into(),
                series_id: None,
                kind,
                topic: None,
                scheduled_start: start,
                original_start: None,
                planned_minutes: 30,
                time_zone: Zone::UTC,
                format: MeetingFormat::Video,
                status: MeetingStatus::Completed,
                started_at: Some(start),
                ended_at: Some(start + Duration::minutes(30)),
                cancel_reason: None,
                cancelled_by: None,
                template_id: Some("builtin-career-development".into()),
                agenda: vec![rapport_core::records::meetings::AgendaItem {
                    id: format!("{id}-agenda"),
                    title: "Career growth".into(),
                    minutes: 10,
                    prompts: vec![],
                    done: true,
                }],
                shared_notes: notes.shared.into(),
                private_notes: notes.private.into(),
                private_prep_notes: notes.prep.into(),
                created_at: start,
                updated_at: start,
            })
        })
        .unwrap();
}

fn find(store: &Store, query: &str) -> SearchResults {
    search(
        store,
        &SearchRequest {
            query: query.into(),
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{query}: {}", e.message))
}

/// The ids of what matched, newest first.
fn sources(results: &SearchResults) -> Vec<String> {
    results
        .groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| h.source_id.clone()))
        .collect()
}

fn team() -> (TestStore, Store) {
    let test = TestStore::new();
    let mut store = test.create();
    person(
        &mut store,
        "p-amara",
        "Amara Okafor",
        &["Lead the onboarding redesign"],
    );
    person(&mut store, "p-chloe", "Chloé Nguyen", &[]);
    meeting(
        &mut store,
        "m1",
        "p-amara",
        "2025-02-06T13:00:00Z",
        MeetingKind::Regular,
        Notes {
            shared: "Talked about the réunion planning and the Atlas migration.",
            private: "Mentioned a sabbatical next year; keep it quiet.",
            prep: "Ask about career goals",
        },
    );
    meeting(
        &mut store,
        "m2",
        "p-amara",
        "2025-08-14T13:00:00Z",
        MeetingKind::Urgent,
        Notes {
            shared: "Atlas rollout slipped; agreed a smaller first step.",
            private: "",
            prep: "",
        },
    );
    meeting(
        &mut store,
        "m3",
        "p-chloe",
        "2025-09-01T09:00:00Z",
        MeetingKind::Regular,
        Notes {
            shared: "Reunion with the design team went well.",
            private: "Careful: salary question coming.",
            prep: "",
        },
    );
    (test, store)
}

#[test]
fn words_phrases_prefixes_and_accents_find_what_was_written() {
    let (_test, store) = team();
    // Newest first: Chloé's September 1:1, then Amara's February one.
    assert_eq!(sources(&find(&store, "reunion")), ["m3", "m1"]);
    assert_eq!(sources(&find(&store, "réunion")), ["m3", "m1"]);
    // "caree*" finds "career" (the prep note) and "Career growth" (agenda).
    let career = find(&store, "caree*");
    let mut found = sources(&career);
    found.sort();
    assert_eq!(found, ["m1", "m1-agenda", "m2-agenda", "m3-agenda"]);
    assert!(career
        .groups
        .iter()
        .flat_map(|g| &g.hits)
        .any(|h| h.kind == TextKind::Prep && h.source_id == "m1"));
    // All words must be there, in any order; a phrase keeps its order.
    assert_eq!(sources(&find(&store, "atlas slipped")), ["m2"]);
    assert_eq!(sources(&find(&store, "\"atlas migration\"")), ["m1"]);
    assert!(find(&store, "\"migration atlas\"").groups.is_empty());
    assert_eq!(sources(&find(&store, "atlas -slipped")), ["m1"]);
    assert_eq!(sources(&find(&store, "sabbatical OR salary")), ["m3", "m1"]);
    // The private note is found, and says it is private.
    let sabbatical = find(&store, "sabbatical");
    let hit = &sabbatical.groups[0].hits[0];
    assert_eq!(hit.kind, TextKind::Private);
    assert_eq!(hit.visibility, Visibility::Private);
    assert_eq!(sabbatical.groups[0].person_name, "Amara Okafor");
    assert_eq!(sabbatical.groups[0].meeting_id.as_deref(), Some("m1"));
    assert_eq!(
        sabbatical.groups[0].date,
        NaiveDate::from_ymd_opt(2025, 2, 6).unwrap()
    );
    // The snippet marks the word found.
    assert!(hit.snippet.iter().any(|p| p.hit && p.text == "sabbatical"));
    assert_eq!(sabbatical.total, 1);
    // A word the notes never hold gets the closest one they do.
    let typo = find(&store, "carr");
    assert_eq!(typo.total, 0);
    assert_eq!(typo.suggestion.as_deref(), Some("career"));
    assert_eq!(
        find(&store, "sabatical person:amara").suggestion.as_deref(),
        Some("sabbatical person:amara")
    );
    assert_eq!(find(&store, "xylophone").suggestion, None);
    assert_eq!(find(&store, "sabbatical").suggestion, None);
    // Focus areas are searched too, and a name finds the person.
    assert_eq!(sources(&find(&store, "onboarding")), ["p-amara"]);
    let named = find(&store, "chloe");
    assert_eq!(named.people.len(), 1);
    assert_eq!(named.people[0].name, "Chloé Nguyen");
}

#[test]
fn filters_narrow_by_person_kind_dates_meeting_kind_and_template() {
    let (_test, store) = team();
    assert_eq!(sources(&find(&store, "reunion person:amara")), ["m1"]);
    assert_eq!(
        sources(&find(&store, "reunion person:\"Chloé Nguyen\"")),
        ["m3"]
    );
    assert_eq!(
        sources(&find(&store, "atlas kind:private")),
        Vec::<String>::new()
    );
    assert_eq!(sources(&find(&store, "sabbatical kind:notes")), ["m1"]);
    assert_eq!(sources(&find(&store, "atlas date:2025-Q3")), ["m2"]);
    assert_eq!(sources(&find(&store, "atlas to:2025-03")), ["m1"]);
    assert_eq!(sources(&find(&store, "atlas meeting:urgent")), ["m2"]);
    assert_eq!(
        find(&store, "career template:\"career dev\"").total,
        4,
        "three agenda items and one prep note"
    );
    // Filters alone list everything they allow, newest first.
    let private = find(&store, "kind:private");
    assert_eq!(sources(&private), ["m3", "m1"]);
    // The chips beside the field work the same way.
    let chips = search(
        &store,
        &SearchRequest {
            query: "atlas".into(),
            person_id: Some("p-amara".into()),
            from: NaiveDate::from_ymd_opt(2025, 6, 1),
            kinds: Some(vec![TextKind::Shared]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(sources(&chips), ["m2"]);
    // A page of one, and the total beyond it.
    let paged = search(
        &store,
        &SearchRequest {
            query: "reunion".into(),
            limit: Some(1),
            offset: Some(1),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(sources(&paged), ["m1"]);
    assert_eq!(paged.total, 2);
}

#[test]
fn a_malformed_query_gets_a_sentence_and_no_sql() {
    let (_test, store) = team();
    for query in [
        "\"unclosed",
        "OR",
        "-atlas",
        "date:2025-Q5",
        "kind:gossip",
        "person:nobody",
        "template:nothing",
        "from:2025-06-01 to:2025-01-01",
    ] {
        let err = search(
            &store,
            &SearchRequest {
                query: query.into(),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(
            matches!(err.code, ErrorCode::InvalidInput | ErrorCode::NotFound),
            "{query}: {err:?}"
        );
        let lower = err.message.to_lowercase();
        assert!(
            !lower.contains("fts5") && !lower.contains("sql") && !lower.contains("syntax error"),
            "{query}: {}",
            err.message
        );
    }
    // Characters FTS5 treats as syntax are only text here.
    for query in [
        "NEAR(atlas",
        "atlas^",
        "body:atlas",
        "{tags}:x",
        "a:b:c",
        "*",
        "(",
        "'",
    ] {
        search(
            &store,
            &SearchRequest {
                query: query.into(),
                ..Default::default()
            },
        )
        .map(|_| ())
        .or_else(|e| {
            assert_eq!(e.code, ErrorCode::InvalidInput, "{query}");
            Ok::<(), ()>(())
        })
        .unwrap();
    }
}

#[test]
fn the_index_follows_every_write_in_the_same_transaction() {
    let (_test, mut store) = team();
    assert!(store.search_index().matches_records().unwrap());
    let now = store.clock().now();
    // Notes edited: the old word goes, the new one comes.
    store
        .write(|tx| {
            tx.schedule().set_notes(
                "m2",
                &NotesPatch {
                    shared_notes: Some("Borealis kickoff instead.".into()),
                    private_notes: Some("Watch the workload.".into()),
                    private_prep_notes: None,
                },
                now,
            )
        })
        .unwrap();
    assert!(find(&store, "slipped").groups.is_empty());
    assert_eq!(sources(&find(&store, "borealis")), ["m2"]);
    assert_eq!(sources(&find(&store, "workload")), ["m2"]);
    // A meeting moved to another date is found at its new date.
    let mut moved = store.schedule().get_meeting("m1").unwrap();
    moved.scheduled_start = at("2025-10-02T13:00:00Z");
    moved.kind = MeetingKind::Requested;
    store
        .write(|tx| tx.schedule().update_meeting_row(&moved))
        .unwrap();
    assert_eq!(sources(&find(&store, "sabbatical date:2025-10")), ["m1"]);
    assert!(find(&store, "sabbatical date:2025-02").groups.is_empty());
    assert_eq!(sources(&find(&store, "atlas meeting:requested")), ["m1"]);
    // Action items and highlights: added, found, deleted, gone.
    store
        .write(|tx| {
            tx.actions().insert(&ActionItem {
                id: "ai1".into(),
                person_id: "p-chloe".into(),
                meeting_id: Some("m3".into()),
                title: "Draft the Zephyr proposal".into(),
                owner: Owner::Ic,
                due_on: None,
                status: ActionStatus::Open,
                created_at: at("2025-09-01T09:30:00Z"),
                updated_at: at("2025-09-01T09:30:00Z"),
                history: vec![StatusChange {
                    status: ActionStatus::Open,
                    due_on: None,
                    changed_at: at("2025-09-01T09:30:00Z"),
                }],
                priority: None,
            })?;
            tx.highlights().insert(&Highlight {
                id: "h1".into(),
                person_id: "p-chloe".into(),
                meeting_id: None,
                kind: HighlightKind::Concern,
                occurred_on: NaiveDate::from_ymd_opt(2025, 9, 3).unwrap(),
                text: None,
                private_text: Some("Zephyr scope keeps growing".into()),
                created_at: now,
            })
        })
        .unwrap();
    let zephyr = find(&store, "zephyr");
    assert_eq!(sources(&zephyr), ["h1", "ai1"]);
    assert_eq!(
        zephyr.groups[0].date,
        NaiveDate::from_ymd_opt(2025, 9, 3).unwrap()
    );
    assert_eq!(zephyr.groups[0].hits[0].visibility, Visibility::Private);
    assert_eq!(zephyr.groups[1].meeting_id.as_deref(), Some("m3"));
    assert_eq!(sources(&find(&store, "zephyr kind:concern")), ["h1"]);
    assert!(store.search_index().matches_records().unwrap());
    rapport_core::records::actions::delete(&mut store, "ai1").unwrap();
    rapport_core::records::highlights::delete(&mut store, "h1").unwrap();
    assert!(find(&store, "zephyr").groups.is_empty());
    // A failed transaction leaves the index as it was, like the records.
    let failed = store.write(|tx| {
        tx.schedule().set_notes(
            "m3",
            &NotesPatch {
                shared_notes: Some("Quokka".into()),
                private_notes: None,
                private_prep_notes: None,
            },
            now,
        )?;
        Err::<(), _>(rapport_core::Error::invalid("stop here"))
    });
    assert!(failed.is_err());
    assert!(find(&store, "quokka").groups.is_empty());
    assert_eq!(sources(&find(&store, "reunion")), ["m1", "m3"]);
    assert!(store.search_index().matches_records().unwrap());
    // Rebuilding gives the same answers.
    store.write(|tx| tx.search_index().rebuild()).unwrap();
    assert!(store.search_index().matches_records().unwrap());
    assert_eq!(
        sources(&find(&store, "borealis OR sabbatical")),
        ["m1", "m2"]
    );
}

#[test]
fn searching_changes_nothing_that_is_shared() {
    use rapport_core::formats::shared_notes::{markdown, SharedMeeting};
    let (test, store) = team();
    let shared = |store: &Store| -> Vec<String> {
        ["m1", "m2", "m3"]
            .iter()
            .map(|id| {
                let meeting = store.schedule().get_meeting(id).unwrap();
                let person = store.people().get(&meeting.person_id).unwrap();
                let items = store.actions().of_meeting(id).unwrap();
                markdown(
                    &SharedMeeting::new(&person.name, "Alex", &meeting, &items, None),
                    store.clock_hours(),
                )
            })
            .collect()
    };
    let before = shared(&store);
    drop(store);
    let files_before = support::snapshot(&test.paths.dir);
    let store = test.open().unwrap();
    for query in [
        "sabbatical",
        "salary",
        "kind:private",
        "atlas person:amara",
        "caree*",
    ] {
        let results = find(&store, query);
        assert!(results.total > 0, "{query}");
    }
    assert_eq!(shared(&store), before);
    // The private words searched for are in none of the shared notes.
    for text in &before {
        assert!(
            !text.contains("sabbatical") && !text.contains("salary"),
            "{text}"
        );
    }
    drop(store);
    assert_eq!(
        support::snapshot(&test.paths.dir),
        files_before,
        "a search wrote to the store"
    );
}
