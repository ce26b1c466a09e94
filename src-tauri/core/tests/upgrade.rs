//! Every schema version shipped so far has a fixture database (with data) in
//! tests/fixtures; each must open and migrate to the latest version intact.
//! `RAPPORT_WRITE_FIXTURES=1 cargo test --test upgrade` adds the fixtures of
//! versions that have none; fixtures are never rewritten.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::store::keys::{DbKey, KeyParams, MemoryKeyStore};
use rapport_core::store::schema::{migrations_up_to, LATEST_VERSION};
use rapport_core::store::StoreHeader;
use rapport_core::{Store, StorePaths};
use std::path::PathBuf;

const FIXTURE_KEY: [u8; 32] = [0x5A; 32];
const STORE_ID: &str = "fixture-store";

fn fixture_dir(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{version}"))
}

/// Rows for the tables that exist at `version`, written with that version's SQL.
fn fixture_rows(version: u32) -> String {
    let t = "2025-01-02 10:00:00+00:00";
    let mut sql = String::from(
        "INSERT INTO setting (key, value) VALUES ('settings', '{\"manager_name\":\"Fixture Manager\",\"manager_email\":null}');",
    );
    if version >= 2 {
        sql += &format!(
        "INSERT INTO person (id, name, email, role, level, start_date, focus_areas, archived, created_at, updated_at)
         VALUES ('p1', 'Fixture Person', 'fixture@example.com', 'Engineer', 'senior', '2023-04-01', '[\"Mentoring\"]', 0, '{t}', '{t}');"
        );
    }
    if version >= 4 {
        sql += &format!(
            "INSERT INTO series (id, person_id, frequency, weekday, local_time, time_zone, duration_minutes, format,
                template_id, starts_on, sequence, created_at, updated_at)
             VALUES ('s1', 'p1', 'weekly', 'thu', '14:00:00', 'Europe/Paris', 30, 'video', 'builtin-basic', '2025-01-02', 0, '{t}', '{t}');
             INSERT INTO meeting (id, person_id, series_id, kind, scheduled_start, planned_minutes, time_zone, format, status,
                started_at, ended_at, template_id, shared_notes, private_notes, private_prep_notes, created_at, updated_at)
             VALUES ('m1', 'p1', 's1', 'regular', '2025-01-02 13:00:00+00:00', 30, 'Europe/Paris', 'video', 'completed',
                '2025-01-02 13:01:00+00:00', '2025-01-02 13:33:00+00:00', 'builtin-basic', '## Opening\n- fine', 'private', 'prep', '{t}', '{t}');
             INSERT INTO agenda_item (id, meeting_id, position, title, minutes, prompts, done)
             VALUES ('a1', 'm1', 0, 'Opening', 3, '[]', 1);"
        );
    }
    if version >= 5 {
        sql += &format!(
            "INSERT INTO action_item (id, person_id, meeting_id, title, owner, due_on, status, created_at, updated_at)
             VALUES ('ai1', 'p1', 'm1', 'Write the plan', 'ic', '2025-01-09', 'open', '{t}', '{t}');
             INSERT INTO action_item_event (action_item_id, position, status, due_on, changed_at)
             VALUES ('ai1', 0, 'open', '2025-01-09', '{t}');"
        );
    }
    if version >= 6 {
        sql += &format!(
            "INSERT INTO highlight (id, person_id, kind, occurred_on, text, created_at)
             VALUES ('h1', 'p1', 'win', '2025-01-01', 'Shipped it', '{t}');"
        );
    }
    if version >= 8 {
        sql += "INSERT INTO reminder_offsets (person_id, minutes) VALUES (NULL, '[60,15]');";
    }
    if version >= 9 {
        sql += &format!(
            "INSERT INTO share_log (id, person_id, meeting_id, kind, format, recipient, shared_at)
             VALUES ('sl1', 'p1', 'm1', 'notes', 'eml', 'Fixture Person <fixture@example.com>', '{t}');"
        );
    }
    if version >= 11 {
        sql += &format!(
            "UPDATE action_item SET priority = 'p1' WHERE id = 'ai1';
             INSERT INTO backlog_topic (id, person_id, raised_by, text, created_at)
             VALUES ('t1', 'p1', 'theirs', 'Conference budget', '{t}');"
        );
    }
    if version >= 12 {
        sql += &format!(
            "INSERT INTO feedback (id, person_id, meeting_id, tone, status, situation, behaviour, impact,
                request, private, given_on, created_at, updated_at)
             VALUES ('f1', 'p1', 'm1', 'positive', 'given', 'At the demo', 'you let the new joiner present',
                'they grew in confidence', NULL, 0, '2025-01-02', '{t}', '{t}');
             INSERT INTO growth_plan (id, person_id, goal, support, evidence, status, private, created_at, updated_at)
             VALUES ('g1', 'p1', 'Lead a project', 'Pairing', 'A design doc', 'active', 1, '{t}', '{t}');
             INSERT INTO growth_checkpoint (id, plan_id, due_on, title, status)
             VALUES ('c1', 'g1', '2025-03-01', 'Design doc reviewed', 'pending');
             INSERT INTO mood_check (id, person_id, meeting_id, recorded_on, score, word, private, created_at)
             VALUES ('k1', 'p1', 'm1', '2025-01-02', 7, 'steady', 1, '{t}');
             INSERT INTO question (id, builtin_key, category, text, hidden, created_at, updated_at)
             VALUES ('q1', 'avd-okay', 'Questions to avoid', 'Everything okay?', 1, '{t}', '{t}');"
        );
    }
    if version >= 13 {
        sql +=
            "UPDATE series SET frequency = 'twice_weekly', second_weekday = 'mon' WHERE id = 's1';";
    }
    if version >= 14 {
        sql += &format!(
            "INSERT INTO meeting (id, person_id, series_id, kind, scheduled_start, planned_minutes, time_zone,
                format, status, cancel_reason, cancelled_by, created_at, updated_at)
             VALUES ('m2', 'p1', 's1', 'regular', '2025-01-09 13:00:00+00:00', 30, 'Europe/Paris', 'video',
                'cancelled', 'Off sick', 'report', '{t}', '{t}');"
        );
    }
    sql
}

fn write_fixture(version: u32) {
    let dir = fixture_dir(version);
    std::fs::create_dir_all(&dir).unwrap();
    let paths = StorePaths::in_dir(&dir);
    let key = DbKey::from_bytes(FIXTURE_KEY);
    let mut conn = rusqlite::Connection::open(&paths.db).unwrap();
    conn.pragma_update(None, "key", format!("x'{}'", hex::encode(FIXTURE_KEY)))
        .unwrap();
    migrations_up_to(version).to_latest(&mut conn).unwrap();
    conn.execute_batch(&fixture_rows(version)).unwrap();
    drop(conn);
    StoreHeader::legacy(STORE_ID.into(), &key, KeyParams::Keyring)
        .write_new(&paths.header)
        .unwrap();
}

#[test]
fn every_shipped_schema_version_migrates_to_the_latest() {
    if std::env::var_os("RAPPORT_WRITE_FIXTURES").is_some() {
        for version in 1..=LATEST_VERSION {
            if !fixture_dir(version).exists() {
                write_fixture(version);
            }
        }
    }
    assert!(
        fixture_dir(LATEST_VERSION).exists(),
        "no fixture for schema version {LATEST_VERSION}: run RAPPORT_WRITE_FIXTURES=1 cargo test --test upgrade"
    );
    let mut tested = 0;
    for version in 1..=LATEST_VERSION {
        let source = fixture_dir(version);
        if !source.exists() {
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        for name in ["rapport.db", "rapport.header.json"] {
            std::fs::copy(source.join(name), tmp.path().join(name)).unwrap();
        }
        let keys = MemoryKeyStore::new();
        keys.insert(STORE_ID, DbKey::from_bytes(FIXTURE_KEY));
        let store = Store::open(&StorePaths::in_dir(tmp.path()), &keys, support::clock())
            .unwrap_or_else(|e| panic!("schema v{version}: {}", e.message));
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "v{version}"
        );
        let doc = rapport_core::formats::exchange::export(&store).unwrap();
        assert_eq!(doc.settings.manager_name, "Fixture Manager");
        if version >= 2 {
            assert_eq!(doc.people.len(), 1, "v{version}");
            assert_eq!(doc.people[0].name, "Fixture Person");
        }
        if version >= 4 {
            // Building the series table again (v13) keeps the 1:1s linked to it.
            assert_eq!(
                doc.meetings[0].series_id.as_deref(),
                Some("s1"),
                "v{version}"
            );
            assert_eq!(doc.series.len(), 1, "v{version}");
            let expected = if version >= 13 {
                Some(rapport_core::records::meetings::Weekday::Mon)
            } else {
                None
            };
            assert_eq!(doc.series[0].second_weekday, expected, "v{version}");
            // A column added in v15 is false for every series before it.
            assert!(!doc.series[0].last_of_month, "v{version}");
            assert_eq!(doc.meetings[0].agenda.len(), 1, "v{version}");
            assert_eq!(doc.meetings[0].private_prep_notes, "prep");
        }
        if version >= 5 {
            assert_eq!(doc.action_items[0].history.len(), 1, "v{version}");
        }
        if version >= 11 {
            assert_eq!(
                doc.action_items[0].priority,
                Some(rapport_core::records::actions::Priority::P1)
            );
            assert_eq!(doc.topics.len(), 1, "v{version}");
            assert_eq!(doc.topics[0].text.as_deref(), Some("Conference budget"));
        } else if version >= 5 {
            assert_eq!(doc.action_items[0].priority, None, "v{version}");
        }
        if version >= 12 {
            assert_eq!(doc.feedback.len(), 1, "v{version}");
            let plan = doc.growth_plans[0].private_plan.as_ref().unwrap();
            assert_eq!(plan.checkpoints[0].title, "Design doc reviewed");
            assert_eq!(doc.moods[0].private_mood.as_ref().unwrap().score, 7);
            assert_eq!(doc.questions.len(), 1, "v{version}");
        } else {
            assert!(doc.feedback.is_empty() && doc.growth_plans.is_empty() && doc.moods.is_empty());
        }
        if version >= 14 {
            let cancelled = doc.meetings.iter().find(|m| m.id == "m2").unwrap();
            assert_eq!(
                cancelled.cancelled_by,
                Some(rapport_core::records::meetings::CancelledBy::Report)
            );
        } else if version >= 4 {
            assert!(doc.meetings.iter().all(|m| m.cancelled_by.is_none()));
        }
        if version >= 8 {
            assert_eq!(store.reminders().default_offsets().unwrap(), [60, 15]);
        }
        if version >= 9 {
            let log = store.share_log().of_person("p1", None).unwrap();
            assert_eq!(log.len(), 1, "v{version}");
            assert_eq!(
                log[0].format,
                rapport_core::records::share_log::ShareFormat::Eml
            );
            assert_eq!(
                log[0].meeting_start,
                Some(support::at("2025-01-02T13:00:00Z"))
            );
        }
        // The search index is built for what the store already held.
        assert!(
            store.search_index().matches_records().unwrap(),
            "v{version}"
        );
        if version >= 4 {
            let found = rapport_core::flows::search::search(
                &store,
                &rapport_core::flows::search::SearchRequest {
                    query: "fine OR opening".into(),
                    ..Default::default()
                },
            )
            .unwrap();
            assert_eq!(
                found.total, 2,
                "v{version}: the shared notes and the agenda item"
            );
        }
        if version >= 2 {
            let focus = rapport_core::flows::search::search(
                &store,
                &rapport_core::flows::search::SearchRequest {
                    query: "mentoring".into(),
                    ..Default::default()
                },
            )
            .unwrap();
            assert_eq!(focus.total, 1, "v{version}: the focus area");
        }
        assert!(store.integrity_problems().unwrap().is_empty());
        tested += 1;
    }
    assert!(tested >= 1);
}
