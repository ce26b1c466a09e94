//! Nothing readable at rest: after demo data and marker notes, no file in the
//! data directory holds a name, a note or the plaintext SQLite header, whether
//! the store is open (write-ahead log present) or closed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use chrono::Duration;
use rapport_core::flows::demo::{generate, DemoOptions};
use rapport_core::formats::exchange::export;
use rapport_core::records::highlights::{Highlight, HighlightKind};
use rapport_core::records::people::{Level, Person};
use support::{at, contains, TestStore};

const MARKERS: &[&str] = &[
    "ZQX-PERSON-MARKER",
    "ZQX-NOTE-MARKER",
    "ZQX-PRIVATE-MARKER",
    "ZQX-EMAIL-MARKER",
];

fn assert_nothing_readable(t: &TestStore, needles: &[String]) {
    let mut checked = 0;
    for entry in std::fs::read_dir(&t.paths.dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        checked += 1;
        assert!(
            !contains(&bytes, b"SQLite format 3"),
            "{} has a plaintext SQLite header",
            path.display()
        );
        for needle in needles {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "{} contains {needle:?}",
                path.display()
            );
        }
    }
    assert!(checked >= 2);
}

#[test]
fn no_plaintext_in_any_file() {
    let t = TestStore::new();
    let mut store = t.create();
    generate(
        &mut store,
        DemoOptions {
            people: 6,
            years: 1,
            seed: 5,
        },
    )
    .unwrap();
    let now = at("2026-11-19T10:00:00Z");
    store
        .write(|s| {
            s.people().insert(&Person {
                id: "p-marker".into(),
                name: MARKERS[0].into(),
                email: Some(format!("{}@example.com", MARKERS[3])),
                role: "Engineer".into(),
                level: Level::Senior,
                start_date: None,
                focus_areas: vec![MARKERS[1].into()],
                cadence: None,
                career_talk_every_days: None,
                default_template_id: None,
                archived: false,
                created_at: now,
                updated_at: now,
            })?;
            s.highlights().insert(&Highlight {
                id: "h-marker".into(),
                person_id: "p-marker".into(),
                meeting_id: None,
                kind: HighlightKind::Concern,
                occurred_on: (now - Duration::days(1)).date_naive(),
                text: None,
                private_text: Some(MARKERS[2].into()),
                created_at: now,
            })
        })
        .unwrap();

    // Every name and note the demo wrote, plus the markers.
    let doc = export(&store).unwrap();
    let mut needles: Vec<String> = MARKERS.iter().map(|m| m.to_string()).collect();
    for p in &doc.people {
        needles.push(p.name.clone());
    }
    for m in doc
        .meetings
        .iter()
        .filter(|m| !m.shared_notes.is_empty())
        .take(20)
    {
        for line in m
            .shared_notes
            .lines()
            .chain(m.private_notes.lines())
            .chain(m.private_prep_notes.lines())
        {
            let line = line.trim_start_matches(['#', '-', ' ', '[', ']']);
            if line.len() > 12 {
                needles.push(line.to_string());
            }
        }
    }
    assert!(needles.len() > 20);
    assert!(
        t.paths.companions()[0].exists(),
        "expected a write-ahead log while open"
    );
    assert_nothing_readable(&t, &needles);
    drop(store);
    assert_nothing_readable(&t, &needles);
}
